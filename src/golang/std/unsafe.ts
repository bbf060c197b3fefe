/**
 * Package unsafe: only the type name unsafe.Pointer is declared; Sizeof, Offsetof and pointer
 * arithmetic are not supported (values are JS objects, not memory).
 */
import { basic } from '../types.js';
import { pkg, T, subset } from './registry.js';

pkg('unsafe', { Pointer: T(basic('unsafe.Pointer')), $unsupported: subset() });
