/**
 * panic(v) and how Go prints a panic's value (runtime/panic.go gopanic, runtime/error.go
 * printpanicval): an error's Error(), a Stringer's String(), basic values (a named type's in the
 * form `main.T(5)`), composites as `(T) {…}` in %v form.
 */
import type { Type } from '../types.js';
import { typeString, underlying } from '../types.js';
import { GoPanic, rtPanic } from './panics.js';
import type { Iface } from './values.js';
import { decodeUTF8 } from './strings.js';
import { callMethod, printArg, fmtValue } from './format.js';

/**
 * panic(v): a GoPanic carrying v, its message the text Go prints after `panic: `. `shortest`: the
 * release's print writes floats in shortest form (VersionProfile.printFloatShortest).
 */
export function gopanic(v: Iface | null, shortest = false): never {
  throw new GoPanic(v, panicText(v, shortest));
}
/** printpanicval: how Go prints a panic value (it uses print's formats). */
export function panicText(v: Iface | null, shortest = false): string {
  if (v === null) return 'nil';
  const t = v.t as Type & { $m?: Record<string, (...a: unknown[]) => Iterator<unknown>> };
  const u = underlying(t);
  if (t.$m && t.$m.Error) return String(callMethod(t, 'Error', v.v));
  if (t.$m && t.$m.String) return String(callMethod(t, 'String', v.v));
  if (u.k === 'basic') {
    let s: string;
    if (u.name === 'string') s = decodeUTF8(v.v as string);
    else s = printArg(v.v, t, shortest);
    if (t.k === 'named') return u.name === 'string' ? `${typeString(t)}("${s}")` : `${typeString(t)}(${s})`;
    if (u.name === 'string') return s;
    return s;
  }
  return `(${typeString(t)}) ${fmtValue(v.v, t, 'v', { plus: false, sharp: false, minus: false, zero: false, space: false, width: -1, prec: -1 }, 0)}`;
}

/**
 * runtime.panicrangestate (panic.go, go1.23+): a range-over-func loop's yield function called in a
 * state other than RF_READY, or its iterator recovered the body's panic (compiler/control.ts
 * rangeFunc; states of internal/abi/rangefuncconsts.go).
 */
export function panicrangestate(state: number): never {
  switch (state) {
    case 0: // RF_DONE
      throw rtPanic('range function continued iteration after function for loop body returned false');
    case 2: // RF_PANIC
      throw rtPanic('range function continued iteration after loop body panic');
    case 3: // RF_EXHAUSTED
      throw rtPanic('range function continued iteration after whole loop exit');
    default: // RF_MISSING_PANIC
      throw rtPanic('range function recovered a loop body panic and did not resume panicking');
  }
}
