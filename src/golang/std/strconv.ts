/**
 * Package strconv: Itoa/Atoi, FormatInt/ParseInt, ParseFloat/FormatFloat, Quote, with Go's error
 * texts (`strconv.Atoi: parsing "x": invalid syntax`). Quote and FormatFloat use the frontend's fmt
 * formatting (%q, %e/%f/%g in rt/format.ts), which in Go is strconv's own (fmt calls strconv).
 *
 * Simplified: the *strconv.NumError is an *errors.errorString with the same text; out-of-range
 * inputs are not reported (integers are JS numbers); ParseFloat accepts what JS's Number accepts.
 */
import { tFloat64, tInt, tInt64, tString, tUint8 } from '../types.js';
import { tError } from '../core.js';
import { newError } from './errors.js';
import { pkg, F, fn, subset } from './registry.js';
import { sprintf } from '../rt/format.js';
import type { Iface } from '../rt/values.js';

const quote = (s: string): string => sprintf('%q', [{ t: tString, v: s }]);
/** strconv.Atoi, and ParseInt(s, base, _). */
export function Atoi(s: string, base = 10): [number, Iface | null] {
  const ok = base === 10 ? /^[+-]?\d+$/.test(s) : /^[+-]?[0-9a-zA-Z]+$/.test(s);
  const v = parseInt(s, base);
  if (!ok || Number.isNaN(v)) return [0, newError(`strconv.Atoi: parsing ${quote(s)}: invalid syntax`)];
  return [v, null];
}
export function ParseFloat(s: string): [number, Iface | null] {
  const v = Number(s);
  if (s.trim() === '' || Number.isNaN(v)) return [0, newError(`strconv.ParseFloat: parsing ${quote(s)}: invalid syntax`)];
  return [v, null];
}
export function Quote(s: string): string {
  return quote(s);
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

const S = tString;
pkg('strconv', {
  Itoa: F(fn([tInt], [S]), (a) => `$L.intString(${a[0]})`),
  Atoi: F(fn([S], [tInt, tError]), (a) => `$P.strconv.Atoi(${a[0]})`),
  Quote: F(fn([S], [S]), (a) => `$P.strconv.Quote(${a[0]})`),
  FormatInt: F(fn([tInt64, tInt], [S]), (a) => `$L.intString(${a[0]}, ${a[1]})`),
  ParseInt: F(fn([S, tInt, tInt], [tInt64, tError]), (a) => `$P.strconv.Atoi(${a[0]}, ${a[1]})`),
  ParseFloat: F(fn([S, tInt], [tFloat64, tError]), (a) => `$P.strconv.ParseFloat(${a[0]})`),
  FormatFloat: F(fn([tFloat64, tUint8, tInt, tInt], [S]), (a) => `$P.strconv.FormatFloat(${a[0]}, ${a[1]}, ${a[2]})`),
  $unsupported: subset(),
});
