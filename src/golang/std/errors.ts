/**
 * Package errors: errors.New's *errorString (the dynamic type of most library errors: io.EOF,
 * os.ErrNotExist, fmt.Errorf's results), and the wrapping chain walked by errors.Is / errors.Unwrap.
 *
 * A wrapped error (fmt.Errorf with %w, *fs.PathError → syscall.Errno) keeps its cause in `unwrap`;
 * an `is` method answers errors.Is for a target it matches without being equal (a PathError of
 * ENOENT is fs.ErrNotExist), as Go's `Is(error) bool` method does.
 *
 * Simplified: every error made here shares one dynamic type, *errors.errorString (Go's fmt.Errorf
 * with %w returns a *fmt.wrapError: same Error text, different %T); errors.As is not supported.
 * The pointer type is interned once when the module is evaluated (a constant, not run state).
 */
import { type Type, tBool, tString } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, fn, ptr, native, method } from './registry.js';
import { equal } from '../rt/alg.js';
import type { Iface } from '../rt/values.js';

/** errors.errorString: `s` is the message (a byte string). */
export class ErrorString {
  constructor(public s: string) {}
  Error(): string {
    return this.s;
  }
}
export const tErrorString = native('errorString', 'errors', '$P.errors.ErrorString', { k: 'struct', fields: [{ name: 's', type: tString, embedded: false, js: 's' }] });
method(tErrorString, 'Error', fn([], [tString]), false);
/** *errors.errorString, interned: the `t` of every error value made by the library. */
export const tErrorStringPtr: Type = globalTypes.intern(ptr(tErrorString));

/** errors.New(s). */
export function New(s: string): Iface {
  return { t: tErrorStringPtr, v: new ErrorString(s) };
}
export { New as newError };

/** errors.Unwrap: the cause a wrapping error keeps (nil for others). */
export function Unwrap(e: Iface | null): Iface | null {
  if (e === null) return null;
  return ((e.v as { unwrap?: Iface | null }).unwrap ?? null) as Iface | null;
}
/** errors.Is: walks the Unwrap chain comparing with == and asking `is` methods. */
export function Is(e: Iface | null, target: Iface | null): boolean {
  for (let x = e, i = 0; i < 100; x = Unwrap(x), i++) {
    if (x === null) return target === null;
    if (equal(x, target)) return true;
    // an Is method (fs.PathError's: ENOENT is fs.ErrNotExist)
    const is = (x.v as { is?: (t: Iface | null) => boolean } | null)?.is;
    if (typeof is === 'function' && is.call(x.v, target)) return true;
  }
  return false;
}

pkg('errors', {
  New: F(fn([tString], [tError]), (a) => `$P.errors.New(${a[0]})`),
  Is: F(fn([tError, tError], [tBool]), (a) => `$P.errors.Is(${a[0]}, ${a[1]})`),
  Unwrap: F(fn([tError], [tError]), (a) => `$P.errors.Unwrap(${a[0]})`),
});
