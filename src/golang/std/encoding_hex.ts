/**
 * Package encoding/hex: EncodeToString, DecodeString, Encode, Decode, EncodedLen, DecodedLen and
 * ErrLength, with hex.go's rules: lower-case digits out, either case in, pairs decoded left to
 * right, an invalid byte reported before an odd length (`encoding/hex: invalid byte: U+0067 'g'`,
 * `encoding/hex: odd length hex string`), the bytes decoded before the error kept.
 *
 * Simplified: the invalid-byte error is an *errors.errorString with InvalidByteError's text (Go's
 * dynamic type is hex.InvalidByteError); no Dump, Dumper, NewEncoder, NewDecoder, AppendEncode.
 */
import { tInt, tString } from '../types.js';
import { tError } from '../core.js';
import { pkg, F, V, fn, tBytes, subset } from './registry.js';
import { newError } from './errors.js';
import { type Slice, reslice } from '../rt/slices.js';
import { bytesToString, stringToBytes } from '../rt/strings.js';
import { sprintf } from '../rt/format.js';
import { tInt32 } from '../types.js';
import type { Iface } from '../rt/values.js';

const digits = '0123456789abcdef';
/** hex.ErrLength. */
export const ErrLength = newError('encoding/hex: odd length hex string');
/** An InvalidByteError's text: the byte as %#U. */
const invalidByte = (b: number): Iface => newError(`encoding/hex: invalid byte: ${sprintf('%#U', [{ t: tInt32, v: b }])}`);
/** The value of hex digit byte c, or -1. */
function val(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export function encode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += digits[c >> 4]! + digits[c & 15]!;
  }
  return out;
}
/** Decode's loop over the byte string src: the bytes decoded and the error. */
export function decode(src: string): [string, Iface | null] {
  let out = '';
  let j = 1;
  for (; j < src.length; j += 2) {
    const p = src.charCodeAt(j - 1);
    const q = src.charCodeAt(j);
    const a = val(p);
    const b = val(q);
    if (a < 0) return [out, invalidByte(p)];
    if (b < 0) return [out, invalidByte(q)];
    out += String.fromCharCode((a << 4) | b);
  }
  if (src.length % 2 === 1) {
    const p = src.charCodeAt(j - 1);
    return [out, val(p) < 0 ? invalidByte(p) : ErrLength];
  }
  return [out, null];
}
/** hex.DecodeString: the decoded bytes (those before an error too) and the error. */
export function DecodeString(s: string): [Slice, Iface | null] {
  const [out, err] = decode(s);
  return [stringToBytes(out), err];
}
/** hex.Encode(dst, src): 2·len(src) bytes written into dst (an index panic when dst is short, as Go's). */
export function Encode(dst: Slice | null, src: Slice | null): number {
  const e = encode(bytesToString(src));
  copyInto(dst, e);
  return e.length;
}
/** hex.Decode(dst, src): the bytes written and the error. */
export function Decode(dst: Slice | null, src: Slice | null): [number, Iface | null] {
  const [out, err] = decode(bytesToString(src));
  copyInto(dst, out);
  return [out.length, err];
}
function copyInto(dst: Slice | null, s: string): void {
  if (s.length === 0) return;
  const d = reslice(dst, 0, s.length, -1)!;
  for (let i = 0; i < s.length; i++) d.a[d.o + i] = s.charCodeAt(i);
}

pkg('encoding/hex', {
  EncodeToString: F(fn([tBytes], [tString]), (a) => `$P.encoding_hex.encode($L.bytesToString(${a[0]}))`),
  DecodeString: F(fn([tString], [tBytes, tError]), (a) => `$P.encoding_hex.DecodeString(${a[0]})`),
  Encode: F(fn([tBytes, tBytes], [tInt]), (a) => `$P.encoding_hex.Encode(${a[0]}, ${a[1]})`),
  Decode: F(fn([tBytes, tBytes], [tInt, tError]), (a) => `$P.encoding_hex.Decode(${a[0]}, ${a[1]})`),
  EncodedLen: F(fn([tInt], [tInt]), (a) => `((${a[0]}) * 2)`),
  DecodedLen: F(fn([tInt], [tInt]), (a) => `Math.trunc((${a[0]}) / 2)`),
  ErrLength: V(tError, '$P.encoding_hex.ErrLength'),
  $unsupported: subset(),
});
