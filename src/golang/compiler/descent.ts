/**
 * The compiler's recursive entry points assembled (core.ts `Descent`): the one module that imports
 * both the expression and the statement compilers (and the instantiation of generic types), handed to each Compiler by index.ts.
 */
import type { Descent } from '../core.js';
import { expr } from './expr.js';
import { funcBody, block, stmt } from './stmt.js';
import { instType } from './check/generics.js';

export const descent: Descent = { expr, funcBody, block, stmt, instType };
