/**
 * Package bytes: Buffer (its writing half and String, NewBufferString), Equal and Compare. A Buffer is the
 * same byte-string accumulator as strings.Builder (std/strings.ts), under its own Go type.
 *
 * Simplified: Buffer cannot be read from (no Read, ReadString, Bytes); the other functions of
 * package bytes are not supported.
 */
import { tBool, tInt, tString } from '../types.js';
import { Builder, builderMethods } from './strings.js';
import { pkg, F, T, fn, ptr, tBytes, native, subset } from './registry.js';

export { Builder as Buffer };
/** bytes.NewBufferString(s): a Buffer holding s. */
export function NewBufferString(s: string): Builder {
  return Builder.of(s);
}
export const tBuffer = native('Buffer', 'bytes', '$P.bytes.Buffer');
builderMethods(tBuffer);

pkg('bytes', {
  Buffer: T(tBuffer),
  NewBufferString: F(fn([tString], [ptr(tBuffer)]), (a) => `$P.bytes.NewBufferString(${a[0]})`),
  Equal: F(fn([tBytes, tBytes], [tBool]), (a) => `($L.bytesToString(${a[0]}) === $L.bytesToString(${a[1]}))`),
  // bytewise lexicographic order: the byte strings compare as JS strings of code units 0–255
  Compare: F(fn([tBytes, tBytes], [tInt]), (a) => `(($x, $y) => ($x < $y ? -1 : $x > $y ? 1 : 0))($L.bytesToString(${a[0]}), $L.bytesToString(${a[1]}))`),
  $unsupported: subset(),
});
