/**
 * Package bytes: Buffer (its writing half and String, NewBufferString), Equal and Compare. A Buffer is the
 * same byte-string accumulator as strings.Builder (std/strings.ts), under its own Go type.
 *
 * Also ToUpper/ToLower (strings' rune-wise ones), Contains, Index, HasPrefix, HasSuffix.
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
  ToUpper: F(fn([tBytes], [tBytes]), (a) => `$L.stringToBytes($P.strings.upper($L.bytesToString(${a[0]})))`),
  ToLower: F(fn([tBytes], [tBytes]), (a) => `$L.stringToBytes($P.strings.lower($L.bytesToString(${a[0]})))`),
  Contains: F(fn([tBytes, tBytes], [tBool]), (a) => `$L.bytesToString(${a[0]}).includes($L.bytesToString(${a[1]}))`),
  Index: F(fn([tBytes, tBytes], [tInt]), (a) => `$L.bytesToString(${a[0]}).indexOf($L.bytesToString(${a[1]}))`),
  HasPrefix: F(fn([tBytes, tBytes], [tBool]), (a) => `$L.bytesToString(${a[0]}).startsWith($L.bytesToString(${a[1]}))`),
  HasSuffix: F(fn([tBytes, tBytes], [tBool]), (a) => `$L.bytesToString(${a[0]}).endsWith($L.bytesToString(${a[1]}))`),
  Equal: F(fn([tBytes, tBytes], [tBool]), (a) => `($L.bytesToString(${a[0]}) === $L.bytesToString(${a[1]}))`),
  // bytewise lexicographic order: the byte strings compare as JS strings of code units 0–255
  Compare: F(fn([tBytes, tBytes], [tInt]), (a) => `(($x, $y) => ($x < $y ? -1 : $x > $y ? 1 : 0))($L.bytesToString(${a[0]}), $L.bytesToString(${a[1]}))`),
  $unsupported: subset(),
});
