/**
 * Package unicode/utf8: rune counting, decoding and validation over Go's byte strings, with the
 * decoder the frontend uses for `for range` over a string (rt/strings.ts decodeRune: invalid bytes decode
 * as RuneError, width 1).
 */
import { basic, tBool, tInt, tInt32, tString } from '../types.js';
import { pkg, F, C, fn, subset, tBytes } from './registry.js';

pkg('unicode/utf8', {
  RuneCountInString: F(fn([tString], [tInt]), (a) => `$L.runeCount(${a[0]})`),
  RuneLen: F(fn([tInt32], [tInt]), (a) => `$L.runeToString(${a[0]}).length`),
  $unsupported: subset(),
  DecodeRuneInString: F(fn([tString], [tInt32, tInt]), (a) => `($s => $s.length === 0 ? [65533, 0] : $L.decodeRune($s, 0))(${a[0]})`),
  DecodeRune: F(fn([tBytes], [tInt32, tInt]), (a) => `($s => $s.length === 0 ? [65533, 0] : $L.decodeRune($s, 0))($L.bytesToString(${a[0]}))`),
  RuneError: C(basic('untyped rune'), 0xfffd),
  UTFMax: C(basic('untyped int'), 4),
  RuneSelf: C(basic('untyped int'), 0x80),
  ValidString: F(fn([tString], [tBool]), (a) => `!$L.decodeUTF8(${a[0]}).includes('\\ufffd')`),
});
