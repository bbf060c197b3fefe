/**
 * Package unicode/utf8: rune counting, decoding and validation over Go's byte strings, with the
 * decoder the frontend uses for `for range` over a string (rt/strings.ts decodeRune: invalid bytes decode
 * as RuneError, width 1).
 */
import { basic, tBool, tInt, tInt32, tString } from '../types.js';
import { pkg, F, C, fn, subset, tBytes } from './registry.js';
import { decodeRune, runeToString, appendString } from '../rt/strings.js';
import { rtPanic } from '../rt/panics.js';
import type { Slice } from '../rt/slices.js';

/** utf8.DecodeLastRuneInString: back to the last rune's first byte (at most UTFMax), (RuneError, 1) when invalid. */
export function DecodeLastRuneInString(s: string): [number, number] {
  const end = s.length;
  if (end === 0) return [0xfffd, 0];
  let start = end - 1;
  const b = s.charCodeAt(start);
  if (b < 0x80) return [b, 1];
  const lim = Math.max(end - 4, 0);
  for (start--; start >= lim; start--) if ((s.charCodeAt(start) & 0xc0) !== 0x80) break;
  if (start < 0) start = 0;
  const [r, size] = decodeRune(s.slice(start, end), 0);
  return start + size !== end ? [0xfffd, 1] : [r, size];
}
/** utf8.ValidString: no invalid encoding (a well-formed U+FFFD is valid: only a width-1 RuneError is not). */
export function ValidString(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const [r, w] = decodeRune(s, i);
    if (r === 0xfffd && w === 1) return false;
    i += w;
  }
  return true;
}
/** utf8.ValidRune: a Unicode scalar value (not a surrogate, ≤ U+10FFFF). */
export function ValidRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= 0x10ffff);
}
/** utf8.EncodeRune: the rune's bytes written into p (an invalid rune as RuneError); panics like p[i] when p is too short. */
export function EncodeRune(p: Slice | null, r: number): number {
  const e = runeToString(ValidRune(r) ? r : 0xfffd);
  const n = p === null ? 0 : p.n;
  if (e.length > n) throw rtPanic(`index out of range [${n}] with length ${n}`);
  for (let i = 0; i < e.length; i++) p!.a[p!.o + i] = e.charCodeAt(i);
  return e.length;
}
/** utf8.AppendRune (Go 1.18). */
export function AppendRune(p: Slice | null, r: number): Slice {
  return appendString(p, runeToString(ValidRune(r) ? r : 0xfffd));
}

pkg('unicode/utf8', {
  RuneCountInString: F(fn([tString], [tInt]), (a) => `$L.runeCount(${a[0]})`),
  RuneLen: F(fn([tInt32], [tInt]), (a) => `$L.runeToString(${a[0]}).length`),
  $unsupported: subset(),
  DecodeRuneInString: F(fn([tString], [tInt32, tInt]), (a) => `($s => $s.length === 0 ? [65533, 0] : $L.decodeRune($s, 0))(${a[0]})`),
  DecodeRune: F(fn([tBytes], [tInt32, tInt]), (a) => `($s => $s.length === 0 ? [65533, 0] : $L.decodeRune($s, 0))($L.bytesToString(${a[0]}))`),
  RuneError: C(basic('untyped rune'), 0xfffd),
  UTFMax: C(basic('untyped int'), 4),
  RuneSelf: C(basic('untyped int'), 0x80),
  ValidString: F(fn([tString], [tBool]), (a) => `$P.unicode_utf8.ValidString(${a[0]})`),
  Valid: F(fn([tBytes], [tBool]), (a) => `$P.unicode_utf8.ValidString($L.bytesToString(${a[0]}))`),
  RuneCount: F(fn([tBytes], [tInt]), (a) => `$L.runeCount($L.bytesToString(${a[0]}))`),
  DecodeLastRuneInString: F(fn([tString], [tInt32, tInt]), (a) => `$P.unicode_utf8.DecodeLastRuneInString(${a[0]})`),
  DecodeLastRune: F(fn([tBytes], [tInt32, tInt]), (a) => `$P.unicode_utf8.DecodeLastRuneInString($L.bytesToString(${a[0]}))`),
  ValidRune: F(fn([tInt32], [tBool]), (a) => `$P.unicode_utf8.ValidRune(${a[0]})`),
  EncodeRune: F(fn([tBytes, tInt32], [tInt]), (a) => `$P.unicode_utf8.EncodeRune(${a[0]}, ${a[1]})`),
  AppendRune: F(fn([tBytes, tInt32], [tBytes]), (a) => `$P.unicode_utf8.AppendRune(${a[0]}, ${a[1]})`),
  RuneStart: F(fn([basic('uint8')], [tBool]), (a) => `((${a[0]} & 0xc0) !== 0x80)`),
});
