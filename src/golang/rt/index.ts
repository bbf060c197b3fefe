/**
 * The run-time support of compiled Go code, one module per concept: how values are represented
 * (values.ts), panics (panics.ts, panicval.ts), pointers and nil checks (pointers.ts), integers
 * (integers.ts), complex numbers (complex.ts), strings (strings.ts), slices and arrays (slices.ts), maps (maps.ts), equality and
 * key hashing (alg.ts), channels (chans.ts), type assertions (ifaces.ts), fmt formatting
 * (format.ts), the allocation and CPU registers (malloc.ts, cpu.ts) and goroutines with frames, defers and tracebacks (goroutine.ts).
 *
 * The generated program receives them as two objects: `$L` (the value operations, `$L.<name>`) and
 * `$R` (goroutine.ts). A name appears in exactly one concept module (the test in
 * test/golang/compiler-layout.test.ts checks that `$L` has no two members of one name).
 */
import * as values from './values.js';
import * as pointers from './pointers.js';
import * as integers from './integers.js';
import * as complex from './complex.js';
import * as strings from './strings.js';
import * as slices from './slices.js';
import * as maps from './maps.js';
import * as alg from './alg.js';
import * as chans from './chans.js';
import * as ifaces from './ifaces.js';
import * as format from './format.js';
import * as panicval from './panicval.js';
import * as goroutine from './goroutine.js';
import * as malloc from './malloc.js';
import * as cpu from './cpu.js';

/** The modules whose members the generated code calls as `$L.<name>`. */
export const valueModules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { values, pointers, integers, complex, strings, slices, maps, alg, chans, ifaces, format, panicval, malloc, cpu };

/**
 * `$L`: every value operation the generated code calls, by name. Built with one object spread so
 * V8 keeps it in fast-properties mode (Object.assign of ~80 names, or freezing it, turns it into a
 * dictionary: the Go frontend bench ran at 2/3 of its speed).
 */
export const L: Readonly<Record<string, unknown>> = { ...values, ...pointers, ...integers, ...complex, ...strings, ...slices, ...maps, ...alg, ...chans, ...ifaces, ...format, ...panicval, ...malloc, ...cpu };

/** `$R`: goroutine bodies, frames, defer/panic/recover. */
export const R = goroutine;
