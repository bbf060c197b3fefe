/**
 * Package unicode: rune classes and case mapping. The classes are Unicode general categories and
 * properties, read through JS's regular-expression property escapes (\p{Lu}, \p{Nd}, \p{White_Space}…)
 * with Go's definitions of each predicate (unicode/graphic.go, letter.go, digit.go): IsSpace is
 * '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 in Latin-1 and White_Space beyond; IsPrint is
 * the graphic runes but U+0020 is the only space; IsGraphic adds the Zs spaces.
 *
 * Simplified: the Unicode version is the JS engine's (Node 20: Unicode 15.1; go1.19.8 has 13.0,
 * go1.26.8 15.0), so a rune assigned in a later version classifies differently; the case mappings
 * are JS's full mappings kept only where they give one rune (Go's simple mappings: ToUpper('ß') is
 * 'ß' in Go, where JS gives "SS"); the range tables (unicode.Latin, unicode.Han, In, Is) are not there.
 */
import { basic, tBool, tInt32 } from '../types.js';
import { pkg, F, C, fn, subset } from './registry.js';

const re = (p: string): RegExp => new RegExp(`^\\p{${p}}$`, 'u');
const rLu = re('Lu');
const rLl = re('Ll');
const rLt = re('Lt');
const rL = re('L');
const rM = re('M');
const rNd = re('Nd');
const rN = re('N');
const rP = re('P');
const rS = re('S');
const rCc = re('Cc');
const rZs = re('Zs');
const rWS = re('White_Space');

/** The rune as a JS string, or null for a value that is not a Unicode scalar value. */
function str(r: number): string | null {
  return r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff) ? String.fromCodePoint(r) : null;
}
const is = (rx: RegExp) => (r: number): boolean => {
  const s = str(r);
  return s !== null && rx.test(s);
};
export const IsUpper = is(rLu);
export const IsLower = is(rLl);
export const IsTitle = is(rLt);
export const IsLetter = is(rL);
export const IsMark = is(rM);
export const IsDigit = is(rNd);
export const IsNumber = is(rN);
export const IsPunct = is(rP);
export const IsSymbol = is(rS);
export const IsControl = is(rCc);
const isWhiteSpace = is(rWS);
const isZs = is(rZs);
/** unicode.IsSpace: the Latin-1 list, White_Space beyond it. */
export function IsSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return isWhiteSpace(r);
}
/** unicode.IsGraphic: L, M, N, P, S and Zs. */
export function IsGraphic(r: number): boolean {
  return IsLetter(r) || IsMark(r) || IsNumber(r) || IsPunct(r) || IsSymbol(r) || isZs(r);
}
/** unicode.IsPrint: L, M, N, P, S and the ASCII space only. */
export function IsPrint(r: number): boolean {
  if (r === 0x20) return true;
  return IsLetter(r) || IsMark(r) || IsNumber(r) || IsPunct(r) || IsSymbol(r);
}
/** A case mapping kept only when it maps the rune to exactly one rune (Go's simple mappings). */
function mapOne(r: number, f: (s: string) => string): number {
  const s = str(r);
  if (s === null) return r;
  const m = [...f(s)];
  return m.length === 1 ? m[0]!.codePointAt(0)! : r;
}
export const ToUpper = (r: number): number => mapOne(r, (s) => s.toUpperCase());
export const ToLower = (r: number): number => mapOne(r, (s) => s.toLowerCase());
/** The title-case digraphs (ǅ, ǈ, ǋ, ǲ) and the runes whose title case they are. */
const titleDigraphs: Readonly<Record<number, number>> = { 0x1c4: 0x1c5, 0x1c5: 0x1c5, 0x1c6: 0x1c5, 0x1c7: 0x1c8, 0x1c8: 0x1c8, 0x1c9: 0x1c8, 0x1ca: 0x1cb, 0x1cb: 0x1cb, 0x1cc: 0x1cb, 0x1f1: 0x1f2, 0x1f2: 0x1f2, 0x1f3: 0x1f2 };
/** unicode.ToTitle: the upper case but for the title-case digraphs. */
export function ToTitle(r: number): number {
  return titleDigraphs[r] ?? ToUpper(r);
}

const pred = (name: string) => F(fn([tInt32], [tBool]), (a) => `$P.unicode.${name}(${a[0]})`);
const mapping = (name: string) => F(fn([tInt32], [tInt32]), (a) => `$P.unicode.${name}(${a[0]})`);
pkg('unicode', {
  IsUpper: pred('IsUpper'),
  IsLower: pred('IsLower'),
  IsTitle: pred('IsTitle'),
  IsLetter: pred('IsLetter'),
  IsMark: pred('IsMark'),
  IsDigit: pred('IsDigit'),
  IsNumber: pred('IsNumber'),
  IsPunct: pred('IsPunct'),
  IsSymbol: pred('IsSymbol'),
  IsControl: pred('IsControl'),
  IsSpace: pred('IsSpace'),
  IsGraphic: pred('IsGraphic'),
  IsPrint: pred('IsPrint'),
  ToUpper: mapping('ToUpper'),
  ToLower: mapping('ToLower'),
  ToTitle: mapping('ToTitle'),
  MaxRune: C(basic('untyped rune'), 0x10ffff),
  ReplacementChar: C(basic('untyped rune'), 0xfffd),
  MaxASCII: C(basic('untyped rune'), 0x7f),
  MaxLatin1: C(basic('untyped rune'), 0xff),
  UpperCase: C(basic('untyped int'), 0),
  LowerCase: C(basic('untyped int'), 1),
  TitleCase: C(basic('untyped int'), 2),
  $unsupported: subset(),
});
