/**
 * Package strconv: Itoa/Atoi, FormatInt/ParseInt, ParseFloat/FormatFloat, Quote*, Unquote, with Go's error
 * texts (`strconv.Atoi: parsing "x": invalid syntax`). Quote and FormatFloat use the frontend's fmt
 * formatting (%q, %e/%f/%g in rt/format.ts), which in Go is strconv's own (fmt calls strconv).
 *
 * ParseInt/ParseUint follow strconv/atoi.go: base 0 prefixes, underscores, syntax and range errors.
 *
 * Simplified: the *strconv.NumError is an *errors.errorString with the same text; ParseFloat
 * accepts what JS's Number accepts.
 */
import { basic, tBool, tFloat64, tInt, tInt64, tString, tUint8 } from '../types.js';
import { tError } from '../core.js';
import { newError } from './errors.js';
import { pkg, F, V, fn, subset, tUint64, tBytes } from './registry.js';
import { decodeRune, runeToString } from '../rt/strings.js';
import { sprintf } from '../rt/format.js';
import type { Iface } from '../rt/values.js';
import { type Int64, intString, w64, wu64 } from '../rt/integers.js';
import { mallocLib } from '../rt/malloc.js';

const quote = (s: string): string => sprintf('%q', [{ t: tString, v: s }]);
/** A *strconv.NumError's text: `strconv.ParseInt: parsing "x": invalid syntax`. */
const numError = (fn: string, s: string, why: string): Iface => newError(`strconv.${fn}: parsing ${quote(s)}: ${why}`);
const errSyntax = 'invalid syntax';
const errRange = 'value out of range';
const errBase = (base: number): string => `invalid base ${base}`;
const errBitSize = (bits: number): string => `invalid bit size ${bits}`;

/** The value of digit character c (0-9, a-z, A-Z), or 36 when it is none. */
function digitVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 122 ? l - 97 + 10 : 36;
}
/**
 * strconv.ParseUint(s, base, bitSize) (strconv/atoi.go): base 0 takes the base from the prefix
 * (0x, 0o, 0b, or 0 for octal) and allows underscores between digits; a value beyond bitSize bits
 * is the largest value with a range error. The value is exact (an Int64, rt/integers.ts).
 */
export function ParseUint(s: string, base: number, bitSize: number): [Int64, Iface | null] {
  const [n, why] = parseUint(s, base, bitSize);
  return [n, why === null ? null : numError('ParseUint', s, why)];
}
/** ParseUint's value and the reason it failed (null: it did not). */
function parseUint(s: string, base: number, bitSize: number): [Int64, string | null] {
  if (s === '') return [0, errSyntax];
  const base0 = base === 0;
  let i = 0;
  if (base >= 2 && base <= 36) {
    // as given
  } else if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? s[1]!.toLowerCase() : '';
      if (p === 'b') (base = 2), (i = 2);
      else if (p === 'o') (base = 8), (i = 2);
      else if (p === 'x') (base = 16), (i = 2);
      else (base = 8), (i = 1);
    }
  } else return [0, errBase(base)];
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) return [0, errBitSize(bitSize)];
  // digits accumulate in a number while it stays below 2^47 (× 36 + 35 is still exact), then in a
  // bigint; the value is an Int64 (rt/integers.ts: a number while safe, a bigint beyond)
  const max = (1n << BigInt(bitSize)) - 1n;
  let n = 0;
  let big: bigint | null = null;
  let underscores = false;
  let over = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95 && base0) {
      underscores = true;
      continue;
    }
    const d = digitVal(c);
    if (d >= base) return [0, errSyntax];
    if (over) continue;
    if (big === null) {
      n = n * base + d;
      if (n >= 140737488355328) big = BigInt(n);
    } else big = big * BigInt(base) + BigInt(d);
    if ((big ?? BigInt(n)) > max) over = true;
  }
  if (underscores && !underscoreOK(s)) return [0, errSyntax];
  if (over) return [wu64(max), errRange];
  return [big === null ? n : wu64(big), null];
}
/** strconv's underscoreOK: underscores only between digits or between a base prefix and a digit. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}
/** strconv.ParseInt(s, base, bitSize): an optional sign, then ParseUint's digits; out of range clamps. */
export function ParseInt(s: string, base: number, bitSize: number, fn = 'ParseInt'): [Int64, Iface | null] {
  if (s === '') return [0, numError(fn, s, errSyntax)];
  const neg = s[0] === '-';
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const [un, why] = parseUint(body, base, bitSize === 0 ? 64 : bitSize);
  if (why !== null && why !== errRange) return [0, numError(fn, s, why)];
  const bits = bitSize === 0 ? 64 : bitSize;
  const cutoff = 1n << BigInt(bits - 1);
  if (why !== null || (!neg && un >= cutoff)) return [w64(neg ? -cutoff : cutoff - 1n), numError(fn, s, errRange)];
  if (neg && un > cutoff) return [w64(-cutoff), numError(fn, s, errRange)];
  return [neg ? w64(-un) : un, null];
}
/** strconv.Atoi: ParseInt(s, 10, 0) with Atoi's name in the error. */
export function Atoi(s: string): [Int64, Iface | null] {
  return ParseInt(s, 10, 0, 'Atoi');
}
/** strconv.ParseBool: 1 t T TRUE true True / 0 f F FALSE false False. */
export function ParseBool(s: string): [boolean, Iface | null] {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return [true, null];
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return [false, null];
  return [false, numError('ParseBool', s, errSyntax)];
}
export function ParseFloat(s: string): [number, Iface | null] {
  const v = Number(s);
  if (s.trim() === '' || Number.isNaN(v)) return [0, newError(`strconv.ParseFloat: parsing ${quote(s)}: invalid syntax`)];
  return [v, null];
}
export function Quote(s: string): string {
  return quote(s);
}
const tRune = basic('int32');
/** QuoteToASCII, QuoteRune, QuoteRuneToASCII: fmt's %+q, %q and %+q, which are strconv's quoting in Go. */
export const QuoteToASCII = (s: string): string => sprintf('%+q', [{ t: tString, v: s }]);
export const QuoteRune = (r: number): string => sprintf('%q', [{ t: tRune, v: r }]);
export const QuoteRuneToASCII = (r: number): string => sprintf('%+q', [{ t: tRune, v: r }]);
/** strconv.ErrSyntax (strconv/atoi.go): what Unquote returns. */
export const ErrSyntax = newError(errSyntax);
/**
 * strconv.Unquote (strconv/quote.go): a Go string literal — "…" with escapes, `…` raw (carriage
 * returns dropped), '…' one rune — to the byte string it denotes; ErrSyntax otherwise.
 */
export function Unquote(s: string): [string, Iface | null] {
  const bad: [string, Iface | null] = ['', ErrSyntax];
  const n = s.length;
  if (n < 2 || s[0] !== s[n - 1]) return bad;
  const q = s[0]!;
  const body = s.slice(1, n - 1);
  if (q === '`') return body.includes('`') ? bad : [body.replace(/\r/g, ''), null];
  if ((q !== '"' && q !== "'") || body.includes('\n')) return bad;
  let out = '';
  let runes = 0;
  for (let i = 0; i < body.length; runes++) {
    const c = body[i]!;
    if (c === q) return bad;
    if (c !== '\\') {
      const [r, w] = decodeRune(body, i);
      if (r === 0xfffd && w === 1 && q === "'") return bad;
      out += body.slice(i, i + w);
      i += w;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e === undefined) return bad;
    if (simple[e] !== undefined) out += simple[e];
    else if (e === q) out += q;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i, i + len);
      if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) return bad;
      i += len;
      const v = parseInt(hex, 16);
      // \x and octal escapes are bytes, also inside '…' (quote.go: multibyte is false for them)
      if (e === 'x') out += String.fromCharCode(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return bad;
        out += runeToString(v);
      }
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(oct)) return bad;
      const v = parseInt(oct, 8);
      if (v > 255) return bad;
      i += 2;
      out += String.fromCharCode(v);
    } else return bad;
  }
  // '' is valid (quote.go's no-escape path: DecodeRuneInString("") has size 0, all of the input)
  if (q === "'" && runes !== 1 && body !== '') return bad;
  return [out, null];
}
/** strconv.FormatFloat(f, fmt, prec, _): fmt's %.<prec><fmt> (no precision when prec < 0). */
export function FormatFloat(f: number, verb: number, prec: number): string {
  const v = String.fromCharCode(verb);
  // the shortest digits that read back as f (strconv's prec −1), laid out as %e or %f
  if (prec < 0 && (v === 'e' || v === 'E' || v === 'f') && Number.isFinite(f)) {
    const [mant, expStr] = f.toExponential().split('e') as [string, string];
    const exp = Number(expStr);
    const neg = mant.startsWith('-') || Object.is(f, -0);
    const digits = mant.replace('-', '').replace('.', '');
    let out: string;
    if (v !== 'f') {
      const e = Math.abs(exp);
      out = `${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}${v}${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
    } else if (f === 0) out = '0';
    else if (exp < 0) out = `0.${'0'.repeat(-exp - 1)}${digits}`;
    else if (digits.length <= exp + 1) out = digits + '0'.repeat(exp + 1 - digits.length);
    else out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    return neg ? '-' + out : out;
  }
  return sprintf('%' + (prec >= 0 ? '.' + prec : '') + String.fromCharCode(verb), [{ t: tFloat64, v: f }]);
}

/**
 * FormatInt/Itoa/FormatUint: the digits, a new string of their length (formatBits: string(a[i:])),
 * except base-10 values in [0, 100), which come from the static table (strconv/itoa.go small).
 */
export function formatInt(x: Int64, base = 10): string {
  const s = intString(x, base);
  const small = base === 10 && (typeof x === 'bigint' ? x >= 0n && x < 100n : x >= 0 && x < 100);
  if (!small) mallocLib(s.length);
  return s;
}

const S = tString;
pkg('strconv', {
  Itoa: F(fn([tInt], [S]), (a) => `$P.strconv.formatInt(${a[0]})`),
  Atoi: F(fn([S], [tInt, tError]), (a) => `$P.strconv.Atoi(${a[0]})`),
  Quote: F(fn([S], [S]), (a) => `$L.mallocString($P.strconv.Quote(${a[0]}))`),
  QuoteToASCII: F(fn([S], [S]), (a) => `$L.mallocString($P.strconv.QuoteToASCII(${a[0]}))`),
  QuoteRune: F(fn([tRune], [S]), (a) => `$L.mallocString($P.strconv.QuoteRune(${a[0]}))`),
  QuoteRuneToASCII: F(fn([tRune], [S]), (a) => `$L.mallocString($P.strconv.QuoteRuneToASCII(${a[0]}))`),
  Unquote: F(fn([S], [S, tError]), (a) => `$P.strconv.Unquote(${a[0]})`),
  ErrSyntax: V(tError, '$P.strconv.ErrSyntax'),
  FormatInt: F(fn([tInt64, tInt], [S]), (a) => `$P.strconv.formatInt(${a[0]}, ${a[1]})`),
  ParseInt: F(fn([S, tInt, tInt], [tInt64, tError]), (a) => `$P.strconv.ParseInt(${a[0]}, ${a[1]}, ${a[2]})`),
  ParseUint: F(fn([S, tInt, tInt], [tUint64, tError]), (a) => `$P.strconv.ParseUint(${a[0]}, ${a[1]}, ${a[2]})`),
  ParseBool: F(fn([S], [tBool, tError]), (a) => `$P.strconv.ParseBool(${a[0]})`),
  FormatBool: F(fn([tBool], [S]), (a) => `String(${a[0]})`),
  FormatUint: F(fn([tUint64, tInt], [S]), (a) => `$P.strconv.formatInt(${a[0]}, ${a[1]})`),
  ParseFloat: F(fn([S, tInt], [tFloat64, tError]), (a) => `$P.strconv.ParseFloat(${a[0]})`),
  FormatFloat: F(fn([tFloat64, tUint8, tInt, tInt], [S]), (a) => `$L.mallocString($P.strconv.FormatFloat(${a[0]}, ${a[1]}, ${a[2]}))`),
  // the Append forms: the Format result appended to dst (strconv's AppendInt etc.)
  AppendInt: F(fn([tBytes, tInt64, tInt], [tBytes]), (a) => `$L.appendString(${a[0]}, $L.intString(${a[1]}, ${a[2]}))`),
  AppendUint: F(fn([tBytes, tUint64, tInt], [tBytes]), (a) => `$L.appendString(${a[0]}, $L.intString(${a[1]}, ${a[2]}))`),
  AppendBool: F(fn([tBytes, tBool], [tBytes]), (a) => `$L.appendString(${a[0]}, String(${a[1]}))`),
  AppendQuote: F(fn([tBytes, S], [tBytes]), (a) => `$L.appendString(${a[0]}, $P.strconv.Quote(${a[1]}))`),
  AppendFloat: F(fn([tBytes, tFloat64, tUint8, tInt, tInt], [tBytes]), (a) => `$L.appendString(${a[0]}, $P.strconv.FormatFloat(${a[1]}, ${a[2]}, ${a[3]}))`),
  $unsupported: subset(),
});
