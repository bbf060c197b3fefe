/**
 * Package encoding/base64 (RFC 4648): an Encoding is a 64-character alphabet and a padding
 * character (or none); StdEncoding, URLEncoding and their unpadded Raw* forms, NewEncoding,
 * WithPadding, Strict. Encoding follows encoding/base64's Encode (groups of 3 bytes → 4 characters,
 * the last group padded); decoding its decode: '\r' and '\n' are skipped, anything else outside
 * the alphabet, a misplaced or missing padding, or (Strict) non-zero trailing bits is a
 * CorruptInputError, `illegal base64 data at input byte N`, N the offset of the first bad
 * character, and the bytes decoded before it are returned with it.
 *
 * Go strings and []byte are byte strings / byte slices here (rt/strings.ts). The Encoding value is
 * immutable (WithPadding and Strict return new ones), so the package-level encodings are constants.
 */
import { tInt, tInt32, tString, newNamed, basic } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, T, V, C, fn, ptr, tBytes, native, method, jsMethod, subset } from './registry.js';
import { GoPanic, oob } from '../rt/panics.js';
import type { Slice } from '../rt/slices.js';
import { bytesToString, stringToBytes } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

/** base64.StdPadding and NoPadding (encoding/base64). */
export const StdPadding = 0x3d; // '='
export const NoPadding = -1;

export class Encoding {
  constructor(
    readonly alphabet: string,
    readonly pad: number = StdPadding,
    readonly strict = false,
  ) {}
  WithPadding(pad: number): Encoding {
    return new Encoding(this.alphabet, pad, this.strict);
  }
  Strict(): Encoding {
    return new Encoding(this.alphabet, this.pad, true);
  }
  EncodedLen(n: number): number {
    return this.pad === NoPadding ? Math.floor((n * 8 + 5) / 6) : Math.floor((n + 2) / 3) * 4;
  }
  DecodedLen(n: number): number {
    return this.pad === NoPadding ? Math.floor((n * 6) / 8) : Math.floor(n / 4) * 3;
  }
  /** The encoding of byte string s. */
  encode(s: string): string {
    const a = this.alphabet;
    let out = '';
    let i = 0;
    for (; i + 3 <= s.length; i += 3) {
      const v = (s.charCodeAt(i) << 16) | (s.charCodeAt(i + 1) << 8) | s.charCodeAt(i + 2);
      out += a[(v >> 18) & 63]! + a[(v >> 12) & 63]! + a[(v >> 6) & 63]! + a[v & 63]!;
    }
    const rest = s.length - i;
    if (rest > 0) {
      let v = s.charCodeAt(i) << 16;
      if (rest === 2) v |= s.charCodeAt(i + 1) << 8;
      out += a[(v >> 18) & 63]! + a[(v >> 12) & 63]!;
      if (rest === 2) out += a[(v >> 6) & 63]!;
      if (this.pad !== NoPadding) out += String.fromCharCode(this.pad).repeat(3 - rest);
    }
    return out;
  }
  /** The bytes of s decoded up to the first error, and the offset of that error (-1: none). */
  decode(s: string): [string, number] {
    let out = '';
    for (let si = 0; ; ) {
      // one quantum: up to 4 characters (newlines skipped), then the bytes it holds
      const vals = [0, 0, 0, 0];
      let dlen = 4;
      let err = -1;
      for (let j = 0; j < 4; j++) {
        if (si === s.length) {
          if (j === 0) return [out, -1];
          if (j === 1 || this.pad !== NoPadding) return [out, si - j];
          dlen = j;
          break;
        }
        const c = s.charCodeAt(si++);
        const d = this.alphabet.indexOf(String.fromCharCode(c));
        if (d >= 0) {
          vals[j] = d;
          continue;
        }
        if (c === 10 || c === 13) {
          j--;
          continue;
        }
        // padding: only after two or three characters of the last quantum
        if (c !== this.pad || j < 2) return [out, si - 1];
        if (j === 2) {
          while (si < s.length && (s[si] === '\n' || s[si] === '\r')) si++;
          if (si === s.length) return [out, s.length];
          if (s.charCodeAt(si) !== this.pad) return [out, si - 1];
          si++;
        }
        while (si < s.length && (s[si] === '\n' || s[si] === '\r')) si++;
        if (si < s.length) err = si;
        dlen = j;
        break;
      }
      const v = (vals[0]! << 18) | (vals[1]! << 12) | (vals[2]! << 6) | vals[3]!;
      const bytes = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
      // Strict: the bits below the last byte must be zero
      if (this.strict && dlen === 3 && bytes[2] !== 0) return [out, si - 1];
      if (this.strict && dlen === 2 && (bytes[1] !== 0 || bytes[2] !== 0)) return [out, si - 2];
      for (let k = 0; k < dlen - 1; k++) out += String.fromCharCode(bytes[k]!);
      if (err >= 0 || dlen < 4) return [out, err];
    }
  }
  EncodeToString(src: Slice | null): string {
    return this.encode(bytesToString(src));
  }
  DecodeString(s: string): [Slice | null, Iface | null] {
    const [out, at] = this.decode(s);
    return [stringToBytes(out), at < 0 ? null : corrupt(at)];
  }
  Encode(dst: Slice | null, src: Slice | null): void {
    copyInto(dst, this.encode(bytesToString(src)));
  }
  Decode(dst: Slice | null, src: Slice | null): [number, Iface | null] {
    const [out, at] = this.decode(bytesToString(src));
    copyInto(dst, out);
    return [out.length, at < 0 ? null : corrupt(at)];
  }
}
function copyInto(dst: Slice | null, s: string): void {
  const n = dst === null ? 0 : dst.n;
  if (s.length > n) oob(n, n);
  for (let i = 0; i < s.length; i++) dst!.a[dst!.o + i] = s.charCodeAt(i);
}

/** base64.CorruptInputError: an int64 whose Error() is `illegal base64 data at input byte N`. */
export const tCorruptInputError = newNamed('CorruptInputError', 'base64', basic('int64'));
jsMethod(tCorruptInputError, 'Error', fn([], [tString]), '((e) => "illegal base64 data at input byte " + e)');
const corrupt = (at: number): Iface => ({ t: tCorruptInputError, v: at });

const stdAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const StdEncoding = new Encoding(stdAlphabet);
export const URLEncoding = new Encoding(urlAlphabet);
export const RawStdEncoding = new Encoding(stdAlphabet, NoPadding);
export const RawURLEncoding = new Encoding(urlAlphabet, NoPadding);
/** base64.NewEncoding: the alphabet's 64 bytes (a Go string: one char per byte). */
export function NewEncoding(alphabet: string): Encoding {
  if (alphabet.length !== 64) throw new GoPanic({ t: tString, v: 'encoding alphabet is not 64-bytes long' }, 'encoding alphabet is not 64-bytes long');
  return new Encoding(alphabet);
}

export const tEncoding = native('Encoding', 'base64', '$P.encoding_base64.Encoding');
const tEncodingPtr = globalTypes.intern(ptr(tEncoding));
method(tEncoding, 'EncodeToString', fn([tBytes], [tString]), false);
method(tEncoding, 'DecodeString', fn([tString], [tBytes, tError]), false);
method(tEncoding, 'Encode', fn([tBytes, tBytes]), false);
method(tEncoding, 'Decode', fn([tBytes, tBytes], [tInt, tError]), false);
method(tEncoding, 'EncodedLen', fn([tInt], [tInt]), false);
method(tEncoding, 'DecodedLen', fn([tInt], [tInt]), false);
method(tEncoding, 'WithPadding', fn([tInt32], [tEncodingPtr]), false, false);
method(tEncoding, 'Strict', fn([], [tEncodingPtr]), false, false);

pkg('encoding/base64', {
  Encoding: T(tEncoding),
  CorruptInputError: T(tCorruptInputError),
  StdEncoding: V(tEncodingPtr, '$P.encoding_base64.StdEncoding'),
  URLEncoding: V(tEncodingPtr, '$P.encoding_base64.URLEncoding'),
  RawStdEncoding: V(tEncodingPtr, '$P.encoding_base64.RawStdEncoding'),
  RawURLEncoding: V(tEncodingPtr, '$P.encoding_base64.RawURLEncoding'),
  StdPadding: C(tInt32, StdPadding),
  NoPadding: C(tInt32, NoPadding),
  NewEncoding: F(fn([tString], [tEncodingPtr]), (a) => `$P.encoding_base64.NewEncoding(${a[0]})`),
  $unsupported: subset(),
});
