/**
 * Go strings as byte strings (runtime/string.go, runtime/utf8.go): a JS string whose char codes are
 * the UTF-8 bytes, UTF-8 encoding/decoding with Go's U+FFFD rules, conversions between strings,
 * []byte and []rune, bounds-checked indexing and slicing.
 */
import { rtPanic, oob } from './panics.js';
import { Slice, sliceLit, append, byteArray } from './slices.js';
import { heap } from './malloc.js';
import { cpu } from './cpu.js';

export function strAt(s: string, i: number): number {
  if (!(i >= 0 && i < s.length)) oob(i, s.length);
  return s.charCodeAt(i);
}
export function substr(s: string, lo: number, hi: number): string {
  if (hi < 0) hi = s.length;
  if (!(hi <= s.length && lo >= 0 && lo <= hi)) {
    if (hi > s.length) throw rtPanic(`slice bounds out of range [:${hi}] with length ${s.length}`);
    throw rtPanic(`slice bounds out of range [${lo}:${hi}]`);
  }
  return s.substring(lo, hi);
}
export function bytesOfString(s: string): unknown[] {
  const a = new Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}
/** append([]byte, string...) */
export function appendString(s: Slice | null, str: string): Slice {
  return append(s, bytesOfString(str), 1, 0);
}
/** Encode a JS (UTF-16) string as a byte string. */
export function encodeUTF8(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  let out = '';
  for (const ch of s) out += runeToString(ch.codePointAt(0)!);
  return out;
}
/** Decode a byte string to text (invalid bytes become U+FFFD). */
export function decodeUTF8(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    out += String.fromCodePoint(r);
    i += n;
  }
  return out;
}
export function runeToString(r: number | bigint): string {
  if (typeof r === 'bigint') r = -1;
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 63));
  if (r < 0x10000) return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
  return String.fromCharCode(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 63), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
}
/** utf8.DecodeRuneInString: [rune, size]. */
export function decodeRune(s: string, i: number): [number, number] {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1];
  const n = s.length - i;
  const cb = (k: number): number => {
    const b = s.charCodeAt(i + k);
    return b >= 0x80 && b < 0xc0 ? b & 63 : -1;
  };
  if (b0 >= 0xc2 && b0 < 0xe0 && n >= 2) {
    const c1 = cb(1);
    if (c1 >= 0) return [((b0 & 31) << 6) | c1, 2];
  } else if (b0 >= 0xe0 && b0 < 0xf0 && n >= 3) {
    const c1 = cb(1);
    const c2 = cb(2);
    if (c1 >= 0 && c2 >= 0) {
      const r = ((b0 & 15) << 12) | (c1 << 6) | c2;
      if (r >= 0x800 && !(r >= 0xd800 && r <= 0xdfff)) return [r, 3];
    }
  } else if (b0 >= 0xf0 && b0 < 0xf5 && n >= 4) {
    const c1 = cb(1);
    const c2 = cb(2);
    const c3 = cb(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const r = ((b0 & 7) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (r >= 0x10000 && r <= 0x10ffff) return [r, 4];
    }
  }
  return [0xfffd, 1];
}
export function stringToRunes(s: string): Slice {
  const out: unknown[] = [];
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    out.push(r);
    i += n;
  }
  return sliceLit(out);
}
export function runesToString(s: Slice | null): string {
  let out = '';
  if (s === null) return out;
  for (let i = 0; i < s.n; i++) out += runeToString(s.a[s.o + i] as number);
  return out;
}
export function bytesToString(s: Slice | null): string {
  if (s === null) return '';
  const a = s.a as unknown;
  if (a instanceof Uint8Array && s.n > bytesChunk) {
    // a large byte buffer: whole chunks at a time (fromCharCode's argument count is bounded)
    const parts: string[] = [];
    for (let i = 0; i < s.n; i += bytesChunk) parts.push(String.fromCharCode.apply(null, a.subarray(s.o + i, s.o + Math.min(s.n, i + bytesChunk)) as unknown as number[]));
    return parts.join('');
  }
  let out = '';
  for (let i = 0; i < s.n; i++) out += String.fromCharCode(s.a[s.o + i] as number);
  return out;
}
/** Bytes per String.fromCharCode call when converting a large []byte (well under engines' argument limits). */
const bytesChunk = 8192;
/**
 * []byte(s) in compiled code (runtime.stringtoslicebyte → rawbyteslice, then memmove): the new
 * backing array's bytes are counted (malloc.ts; not cleared: rawbyteslice's mallocgc is
 * needzero=false), as concatstrings' are (scat), and the copy costs `nsPerByte` a byte (cpu.ts).
 */
export function stringToBytesA(s: string, nsPerByte: number): Slice {
  heap.b += s.length;
  cpu.ns += s.length * nsPerByte;
  return stringToBytes(s);
}
/** string(b) in compiled code (runtime.slicebytetostring): the new string's bytes, and its copy. */
export function bytesToStringA(b: Slice | null, nsPerByte: number): string {
  const s = bytesToString(b);
  heap.b += s.length;
  cpu.ns += s.length * nsPerByte;
  return s;
}
/** []byte(s): a Uint8Array backing (slices.ts). */
export function stringToBytes(s: string): Slice {
  const a = byteArray(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return new Slice(a, 0, s.length, s.length);
}
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    i += decodeRune(s, i)[1];
    n++;
  }
  return n;
}

/** min(s, t…) on strings (spec, "Min and max"): byte-wise order, as `<` on the byte strings. */
export function smin(...xs: string[]): string {
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (xs[i]! < m) m = xs[i]!;
  return m;
}
/** max(s, t…) on strings. */
export function smax(...xs: string[]): string {
  let m = xs[0]!;
  for (let i = 1; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}
