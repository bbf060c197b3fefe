/**
 * Go's fmt formatting driven by type descriptors (fmt/print.go, fmt/format.go): Print/Println/
 * Printf/Sprintf verbs, flags, width, precision, %v of composites, Stringer/error methods, and the
 * builtin print's formatting (printArg, runtime/print.go).
 */
import { formatFloat } from '../../workload/fmt.js';
import { printfloat } from '../../runtime/print.js';
import type { Type, StructType } from '../types.js';
import { underlying, typeString, basic, isInteger, isFloat } from '../types.js';
import type { Iface, Ref } from './values.js';
import { Slice, sliceToArray } from './slices.js';
import { decodeRune, runeToString, runeCount } from './strings.js';
import { callSync } from './goroutine.js';
import { type Int64, intString, iabs } from './integers.js';
import { Complex } from './complex.js';

/**
 * Calls a method of a value's dynamic type synchronously (String/Error from fmt), through the type's
 * `$m` method table (undefined when it has no such method).
 */
export function callMethod(t: Type, name: string, v: unknown): unknown {
  const tab = (t as unknown as { $m?: Record<string, (r: unknown) => Iterator<never>> }).$m;
  if (!tab || !tab[name]) return undefined;
  return callSync(tab[name]!(v));
}

function hasMethod(t: Type, name: string): boolean {
  if (t.k === 'named') return t.methods.has(name) && !t.methods.get(name)!.ptrRecv;
  if (t.k === 'ptr' && t.elem.k === 'named') return t.elem.methods.has(name);
  return false;
}

/**
 * strconv's appendQuotedWith: s (a byte string) in double quotes, escaped as Go escapes it — invalid
 * bytes as \xhh, non-printable runes as \a…\v, \xhh, \uhhhh or \Uhhhhhhhh; `ascii` (QuoteToASCII,
 * fmt's %+q) escapes every rune beyond ASCII too.
 */
function quoteGo(s: string, ascii = false): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    if (r === 0xfffd && n === 1) out += '\\x' + s.charCodeAt(i).toString(16).padStart(2, '0');
    else if (r === 34 || r === 92) out += '\\' + String.fromCharCode(r);
    else if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) out += s.substring(i, i + n);
    else out += escapedRune(r);
    i += n;
  }
  return out + '"';
}
/** strconv's appendEscapedRune for a rune that is not printed as itself. */
function escapedRune(r: number): string {
  const esc: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
  if (esc[r] !== undefined) return esc[r]!;
  const hex = r.toString(16);
  if (r < 0x20 || r === 0x7f) return '\\x' + hex.padStart(2, '0');
  if (r < 0x10000) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}
/** strconv.CanBackquote: one line of valid UTF-8 without a backquote or other control characters than tab. */
function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    if (r === 0xfffd && n === 1) return false;
    if (r === 0xfeff || r === 0x60 || r === 0x7f || (r < 0x20 && r !== 9)) return false;
    i += n;
  }
  return true;
}

interface Flags {
  /** %+v: field names (the plus flag then no longer applies to numbers). */
  plusV?: boolean;
  plus: boolean;
  sharp: boolean;
  minus: boolean;
  zero: boolean;
  space: boolean;
  width: number;
  prec: number;
  /** fmt's p.erroring: a bad verb's operand prints without its Error/String methods, all the way down. */
  noMethods?: boolean;
}

/**
 * fmt.Errorf's %w operands (fmt's p.wrapErrs and the argument numbers it records): `tree`
 * (Go 1.20+) records every %w; go1.19 allows one, whose operand must be an error (`off` after a
 * bad one: every later %w is bad too).
 */
export interface Wrapping {
  tree: boolean;
  args: number[];
  off: boolean;
}
const tFloat32 = basic('float32');
const tFloat64 = basic('float64');
const noFlags: Flags = { plus: false, sharp: false, minus: false, zero: false, space: false, width: -1, prec: -1 };

/**
 * The shortest decimal that reads back as the same float32 (strconv.FormatFloat(f, 'g', -1, 32),
 * which fmt's %v uses for a float32): fround(0.1)+fround(0.2) prints as 0.3, not 0.30000001.
 */
function shortest32(v: number): number {
  if (!Number.isFinite(v) || v === 0 || Math.fround(v) !== v) return v;
  for (let p = 1; p < 9; p++) {
    const d = Number(v.toPrecision(p));
    if (Math.fround(d) === v) return d;
  }
  return Number(v.toPrecision(9));
}

function fmtInt(v: Int64, base: number, f: Flags, upper = false, prefix = ''): string {
  // fmt's fmtInteger: a precision of 0 prints 0 as nothing; without a precision, the '0' flag with
  // a width asks for that many digits (one fewer with a sign); the prefix comes on top
  if (f.prec === 0 && v === 0) return '';
  let prec = f.prec;
  if (prec < 0 && f.zero && f.width >= 0) prec = v < 0 || f.plus || f.space ? f.width - 1 : f.width;
  let s = intString(iabs(v), base);
  if (upper) s = s.toUpperCase();
  if (prec >= 0 && s.length < prec) s = '0'.repeat(prec - s.length) + s;
  s = prefix + s;
  if (f.sharp) {
    if (base === 16) s = (upper ? '0X' : '0x') + s;
    else if (base === 8 && s[0] !== '0') s = '0' + s;
  }
  if (v < 0) s = '-' + s;
  else if (f.plus) s = '+' + s;
  else if (f.space) s = ' ' + s;
  return s;
}

/**
 * Decimal digits as strconv rounds them: the exact binary value rounded half to even. JS's toFixed
 * and toExponential round a tie away from zero (2.5 → "3", Go "2"); a tie shows as a 5 followed by
 * zeros in 30 more exact digits (toFixed/toExponential compute digits exactly), and is then cut.
 */
function roundedDigits(v: number, prec: number, exp: boolean): string {
  const js = exp ? v.toExponential(prec) : v.toFixed(prec);
  if (prec + 30 > 100 || !Number.isFinite(v)) return js;
  const long = exp ? Math.abs(v).toExponential(prec + 30) : Math.abs(v).toFixed(prec + 30);
  const e = exp ? long.indexOf('e') : long.length;
  const dot = long.indexOf('.');
  const tail = long.slice(dot + 1 + prec, e);
  if (!/^50*$/.test(tail)) return js;
  const kept = long.slice(0, prec === 0 ? dot : dot + 1 + prec);
  // an even last digit stays (the tie rounds down); an odd one rounds up, as JS did
  if (Number(kept[kept.length - 1]) % 2 !== 0) return js;
  return (v < 0 || Object.is(v, -0) ? '-' : '') + kept + long.slice(e);
}
/**
 * strconv's %x/%X of a float (ftoa.go fmtX): -0x1.hhhhp±dd, the mantissa's hex digits (all of them
 * without a precision, trailing zeros dropped; else rounded half to even to prec digits), the
 * binary exponent with at least two digits. `bits`: 64 or 32 (a float32 operand).
 */
function fmtHexFloat(v: number, prec: number, upper: boolean, bits: 32 | 64): string {
  const mantbits = bits === 64 ? 52 : 23;
  const buf = new DataView(new ArrayBuffer(8));
  let raw: bigint;
  if (bits === 64) {
    buf.setFloat64(0, v);
    raw = buf.getBigUint64(0);
  } else {
    buf.setFloat32(0, v);
    raw = BigInt(buf.getUint32(0));
  }
  const neg = raw >> BigInt(bits - 1) === 1n;
  const expbits = bits === 64 ? 11 : 8;
  const bias = bits === 64 ? -1023 : -127;
  let exp = Number((raw >> BigInt(mantbits)) & ((1n << BigInt(expbits)) - 1n));
  let mant = raw & ((1n << BigInt(mantbits)) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << BigInt(mantbits);
  exp += bias;
  if (mant === 0n) exp = 0;
  const M60 = 1n << 60n;
  mant <<= BigInt(60 - mantbits);
  while (mant !== 0n && (mant & M60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (M60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = (neg ? '-' : '') + '0' + (upper ? 'X' : 'x') + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += upper ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  return out + (e < 10 ? '0' + e : String(e));
}
/** %f: fixed-point; beyond 1e21 (where toFixed switches to exponent form) the integer's exact digits. */
function fmtF(v: number, prec: number): string {
  if (Math.abs(v) >= 1e21) return (v < 0 ? '-' : '') + BigInt(Math.abs(v)).toString() + (prec > 0 ? '.' + '0'.repeat(prec) : '');
  return roundedDigits(v, prec, false);
}
function fmtE(v: number, prec: number): string {
  return roundedDigits(v, prec, true).replace(/e([+-])(\d)$/, 'e$10$2');
}
/**
 * %g with a precision (strconv's 'g'): the value rounded to p significant digits; exponent form
 * when that rounded value's exponent is < -4 or ≥ p; trailing zeros dropped.
 */
function fmtG(v: number, prec: number): string {
  if (prec < 0) return formatFloat(v);
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const p = prec === 0 ? 1 : prec;
  const e = roundedDigits(v, p - 1, true);
  const exp = Number(e.slice(e.indexOf('e') + 1));
  if (exp < -4 || exp >= p) return e.replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
  let s = roundedDigits(v, Math.max(0, p - 1 - exp), false);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  return s;
}

function fmtFloatVerb(v: number, verb: string, f: Flags, t: Type): string {
  let s: string;
  if (!Number.isFinite(v)) s = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  else
    switch (verb) {
      case 'e':
        s = fmtE(v, f.prec < 0 ? 6 : f.prec);
        break;
      case 'E':
        s = fmtE(v, f.prec < 0 ? 6 : f.prec).toUpperCase();
        break;
      case 'f':
      case 'F':
        s = fmtF(v, f.prec < 0 ? 6 : f.prec);
        break;
      case 'g':
        s = fmtG(v, f.prec);
        break;
      case 'x':
      case 'X': {
        const u = underlying(t);
        s = fmtHexFloat(v, f.prec, verb === 'X', u.k === 'basic' && u.name === 'float32' ? 32 : 64);
        break;
      }
      case 'G':
        s = fmtG(v, f.prec).toUpperCase();
        break;
      default: {
        const u = underlying(t);
        s = u.k === 'basic' && u.name === 'float32' ? formatFloat(shortest32(v)) : formatFloat(v);
        if (f.prec >= 0) s = fmtG(v, f.prec);
      }
    }
  if (f.plus && (v >= 0 || Number.isNaN(v)) && !s.startsWith('+')) s = '+' + s;
  else if (f.space && v >= 0) s = ' ' + s;
  if (s === '+Inf' && !f.plus) s = '+Inf';
  return s;
}

/**
 * fmt's fmtUnicode: U+ and at least four upper-case hex digits; with '#' and a printable rune
 * (strconv.IsPrint: letters, marks, numbers, punctuation, symbols, the ASCII space) also the rune
 * quoted: U+0E2A 'ส'.
 */
function fmtUnicode(x: number, f: Flags): string {
  const s = 'U+' + x.toString(16).toUpperCase().padStart(f.prec > 4 ? f.prec : 4, '0');
  if (f.sharp && x >= 0 && x <= 0x10ffff && isPrint(x)) return `${s} '${runeToString(x)}'`;
  return s;
}
/** strconv.QuoteRune: the rune in single quotes, escaped as Go escapes it when not printable. */
function quoteRune(r: number, ascii = false): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  const esc: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 39: "\\'", 92: '\\\\' };
  const e = esc[r];
  if (e !== undefined) return `'${e}'`;
  if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) return `'${runeToString(r)}'`;
  const hex = r.toString(16);
  if (r < 0x80) return `'\\x${hex.padStart(2, '0')}'`;
  if (r < 0x10000) return `'\\u${hex.padStart(4, '0')}'`;
  return `'\\U${hex.padStart(8, '0')}'`;
}
/** strconv.IsPrint, by the Unicode categories of JS's tables. */
function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r >= 0xd800 && r <= 0xdfff) return false;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(r));
}

/**
 * fmt's fmtComplex (fmt/print.go): each part formatted (and padded to the width) as a float of half
 * the size, the imaginary part always signed: (1+2i).
 */
function fmtComplex(z: Complex, part: Type, verb: string, f: Flags, t: Type): string {
  if (!'veEfFgGxX'.includes(verb)) return bad(verb, t, fmtComplex(z, part, 'v', noFlags, t));
  const re = pad(fmtFloatVerb(z.re, verb, f, part), f, 'sign');
  const im = pad(fmtFloatVerb(z.im, verb, { ...f, plus: true }, part), { ...f, plus: true }, 'sign');
  return '(' + re + im + 'i)';
}

/** %v (and friends) of a value with static type t. depth > 0: inside a composite. */
export function fmtValue(v: unknown, t: Type, verb: string, f: Flags, depth: number): string {
  // Interfaces: format the dynamic value.
  const u = underlying(t);
  if (u.k === 'iface') {
    // printValue's nil interface inside a composite: `interface {}(nil)` for %#v
    if (v === null || v === undefined) return depth > 0 && verb === 'v' && f.sharp ? typeString(t) + '(nil)' : depth > 0 || verb === 'v' || verb === 's' ? '<nil>' : `%!${verb}(<nil>)`;
    const iv = v as Iface;
    return fmtValue(iv.v, iv.t, verb, f, depth);
  }
  if (verb !== 'T' && verb !== 'p' && !(f.sharp && verb === 'v') && !f.noMethods) {
    if ((verb === 'v' || verb === 's' || verb === 'q') && !(v === null && u.k === 'ptr')) {
      if (hasMethod(t, 'Error')) {
        const r = callMethod(t, 'Error', v);
        if (typeof r === 'string') return fmtString(r, verb, f);
      }
      if (hasMethod(t, 'String')) {
        const r = callMethod(t, 'String', v);
        if (typeof r === 'string') return fmtString(r, verb, f);
      }
    }
  }
  switch (u.k) {
    case 'basic': {
      const n = u.name;
      if (n === 'bool' || n === 'untyped bool') return verb === 'v' || verb === 't' ? String(v) : bad(verb, t, String(v));
      if (n === 'string' || n === 'untyped string') {
        if (verb === 'v' && f.sharp) return quoteGo(v as string);
        if (verb === 'v' || verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') return fmtString(v as string, verb, f);
        return bad(verb, t, v as string);
      }
      if (n === 'float32' || n === 'float64' || n === 'untyped float') {
        if ('veEfFgGxX'.includes(verb)) return fmtFloatVerb(v as number, verb, f, t);
        return bad(verb, t, formatFloat(v as number));
      }
      if (n === 'complex64' || n === 'complex128' || n === 'untyped complex') return fmtComplex(v as Complex, n === 'complex64' ? tFloat32 : tFloat64, verb, f, t);
      // an unsafe.Pointer prints as a pointer (fmt's fmtPointer: nil is <nil> for %v, 0x0 for %p);
      // it holds a JS pointer, printed as the fake address pointers print (`ptr` below), or a
      // number made from a uintptr, printed in hex
      if (n === 'unsafe.Pointer') {
        const nil = v === null || v === 0;
        const addr = nil ? '0x0' : typeof v === 'number' ? '0x' + v.toString(16) : '0xc000010000';
        if (verb !== 'v' && verb !== 'p') return bad(verb, t, addr);
        return nil && verb === 'v' ? '<nil>' : addr;
      }
      // integers
      const x = v as Int64;
      // %#v of an unsigned integer is Go syntax in hex (fmt's fmt0x64: `0x0`, `[]uint16{0x7}`)
      if (verb === 'v' && f.sharp && n.startsWith('uint')) return fmtInt(x, 16, f);
      switch (verb) {
        case 'v':
        case 'd':
          return fmtInt(x, 10, f);
        case 'x':
          return fmtInt(x, 16, f);
        case 'X':
          return fmtInt(x, 16, f, true);
        case 'o':
          return fmtInt(x, 8, f);
        case 'O':
          // fmt's fmtInteger: %O always has the 0o prefix
          return fmtInt(x, 8, { ...f, sharp: false }, false, '0o');
        case 'b':
          return fmtInt(x, 2, f);
        case 'c':
          return runeToString(typeof x === 'number' ? x : -1);
        case 'q':
          return quoteRune(typeof x === 'number' ? x : -1, f.plus);
        case 'U':
          return typeof x === 'number' ? fmtUnicode(x, f) : 'U+' + intString(x, 16).toUpperCase();
        default:
          return bad(verb, t, String(x));
      }
    }
    case 'ptr': {
      // fmtPointer's %#v: (*T)(nil), (*T)(0x…) below the top level
      if (verb === 'v' && f.sharp && (v === null || depth > 0)) return `(${typeString(t)})(${v === null ? 'nil' : '0xc000010000'})`;
      if (v === null) return verb === 'p' || verb === 'v' ? (depth > 0 || verb === 'p' ? (verb === 'p' ? '0x0' : '<nil>') : '<nil>') : '<nil>';
      const e = underlying(u.elem);
      if (depth === 0 && verb === 'v' && (e.k === 'struct' || e.k === 'array' || e.k === 'slice' || e.k === 'map')) {
        return '&' + fmtChild(e.k === 'struct' ? v : (v as Ref).v, u.elem, verb, f, depth + 1);
      }
      return '0xc000010000';
    }
    case 'struct': {
      const st = u as StructType;
      if (v === null || v === undefined) return '{}';
      const o = v as Record<string, unknown>;
      // a value reached through an unexported field is printed without its Error/String methods,
      // all the way down (reflect's CanInterface is false for it: print.go handleMethods is skipped)
      const ff = (fd: { name: string }): Flags => (f.noMethods || /^[A-Z]/.test(fd.name) ? f : { ...f, noMethods: true });
      const parts = st.fields.map((fd) => (f.plusV ? fd.name + ':' : '') + fmtChild(o[fd.js], fd.type, verb, ff(fd), depth + 1));
      if (f.sharp && verb === 'v') return typeString(t) + '{' + st.fields.map((fd) => fd.name + ':' + fmtChild(o[fd.js], fd.type, verb, ff(fd), depth + 1)).join(', ') + '}';
      return '{' + parts.join(' ') + '}';
    }
    case 'slice':
    case 'array': {
      let items: unknown[];
      // fmt's printArg prints an operand of the unnamed type []byte as "[]byte"; inside other values
      // (reflection) it is t.String(), "[]uint8"
      const tname = depth === 0 && t.k === 'slice' && t.elem.k === 'basic' && t.elem.name === 'uint8' ? '[]byte' : typeString(t);
      if (u.k === 'slice') {
        if (v === null && f.sharp && verb === 'v') return tname + '(nil)';
        items = sliceToArray(v as Slice | null);
      } else items = v as unknown[];
      const et = u.elem;
      const eu = underlying(et);
      if ((verb === 's' || verb === 'x' || verb === 'X' || verb === 'q') && eu.k === 'basic' && eu.name === 'uint8') {
        return fmtString(items.map((b) => String.fromCharCode(b as number)).join(''), verb, f);
      }
      // fmtPointer: a slice's %p is its first element's address, 0x0 for a nil slice
      if (verb === 'p') return v === null && u.k === 'slice' ? '0x0' : '0xc000010000';
      if (f.sharp && verb === 'v') return tname + '{' + items.map((x) => fmtChild(x, et, verb, f, depth + 1)).join(', ') + '}';
      return '[' + items.map((x) => fmtChild(x, et, verb, f, depth + 1)).join(' ') + ']';
    }
    case 'map': {
      const sharpV = f.sharp && verb === 'v';
      // fmtPointer: %p of a map is its header's address (0x0 when nil)
      if (verb === 'p') return v === null ? '0x0' : '0xc000012000';
      if (v === null) return sharpV ? typeString(t) + '(nil)' : 'map[]';
      const m = v as Map<unknown, unknown>;
      const complexKey = isComplexKey(u.key);
      let entries: [unknown, unknown][] = complexKey ? [...m.values()].map((p) => p as [unknown, unknown]) : [...m.entries()];
      entries = entries.sort((a, b) => compareKeys(a[0], b[0], u.key));
      const items = entries.map(([k, x]) => fmtChild(k, u.key, verb, f, depth + 1) + ':' + fmtChild(x, u.elem, verb, f, depth + 1));
      // %#v: Go syntax, map[K]V{k:v, k:v}
      return sharpV ? typeString(t) + '{' + items.join(', ') + '}' : 'map[' + items.join(' ') + ']';
    }
    case 'chan':
      return v === null ? (verb === 'p' ? '0x0' : '<nil>') : '0xc000020060';
    case 'func':
      return v === null ? (verb === 'p' ? '0x0' : '<nil>') : '0x47b1e0';
    default:
      return '?';
  }
}

/**
 * A value inside a composite, padded to the width when fmt pads it as a whole (fmt pads each
 * primitive it writes, so `%-4v` of {1 2} is `{1   2   }`): numbers, strings, nil, method results.
 */
function fmtChild(v: unknown, t: Type, verb: string, f: Flags, depth: number): string {
  const s = fmtValue(v, t, verb, f, depth);
  if (f.width < 0) return s;
  let dt = t;
  let dv = v;
  if (underlying(t).k === 'iface') {
    if (v === null || v === undefined) return pad(s, f, 'plain');
    dt = (v as Iface).t;
    dv = (v as Iface).v;
  }
  return composite(dv, dt, verb, f, depth) ? s : pad(s, f, padMode(dv, dt, verb, f));
}
/** Does fmtValue print (v, t) as a composite of separately padded parts (printValue's struct, slice, array, map, &-pointer)? */
function composite(v: unknown, t: Type, verb: string, f: Flags, depth: number): boolean {
  const u = underlying(t);
  if (u.k === 'iface') return v !== null && v !== undefined && composite((v as Iface).v, (v as Iface).t, verb, f, depth);
  if (verb === 'T' || verb === 'p') return false;
  if (usesMethods(v, t, verb, f)) return false;
  switch (u.k) {
    case 'struct':
    case 'array':
      return true;
    case 'map':
      return v !== null;
    case 'slice': {
      const eu = underlying(u.elem);
      if (eu.k === 'basic' && eu.name === 'uint8' && 'sxXq'.includes(verb)) return false;
      return !(v === null && f.sharp && verb === 'v');
    }
    case 'ptr': {
      if (v === null || depth > 0 || verb !== 'v') return false;
      const e = underlying(u.elem).k;
      return e === 'struct' || e === 'array' || e === 'slice' || e === 'map';
    }
    default:
      return false;
  }
}

export function isComplexKey(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'struct' || u.k === 'array' || u.k === 'iface' || (u.k === 'basic' && (u.name === 'complex64' || u.name === 'complex128' || u.name === 'float32' || u.name === 'float64'));
}

function compareKeys(a: unknown, b: unknown, t: Type): number {
  const u = underlying(t);
  if (u.k === 'iface') {
    const ia = a as Iface | null;
    const ib = b as Iface | null;
    if (ia === null || ib === null) return ia === ib ? 0 : ia === null ? -1 : 1;
    if (ia.t !== ib.t) return typeString(ia.t) < typeString(ib.t) ? -1 : 1;
    return compareKeys(ia.v, ib.v, ia.t);
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // a 64-bit integer key beyond 2^53 is a bigint (integers.ts): `<` orders it with numbers exactly
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a < b ? -1 : a > b ? 1 : 0;
  // internal/fmtsort: complex keys by real part, then imaginary part
  if (a instanceof Complex && b instanceof Complex) return a.re !== b.re ? a.re - b.re : a.im - b.im;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (u.k === 'struct') {
    for (const fd of u.fields) {
      const c = compareKeys((a as Record<string, unknown>)[fd.js], (b as Record<string, unknown>)[fd.js], fd.type);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (u.k === 'array') {
    for (let i = 0; i < u.len; i++) {
      const c = compareKeys((a as unknown[])[i], (b as unknown[])[i], u.elem);
      if (c !== 0) return c;
    }
    return 0;
  }
  return 0;
}

function fmtString(s: string, verb: string, f: Flags): string {
  switch (verb) {
    case 'q': {
      // fmt's fmtQ: '#' quotes with backquotes when strconv.CanBackquote, '+' in ASCII
      const q = f.prec >= 0 ? truncRunes(s, f.prec) : s;
      if (f.sharp && canBackquote(q)) return '`' + q + '`';
      return quoteGo(q, f.plus);
    }
    case 'x':
    case 'X': {
      // fmt's fmtSbx: two hex digits a byte, up to the precision; '#' adds 0x once (with ' ': before
      // every byte), ' ' separates the bytes
      const length = f.prec >= 0 && f.prec < s.length ? f.prec : s.length;
      const x0 = verb === 'X' ? '0X' : '0x';
      let o = f.sharp ? x0 : '';
      for (let i = 0; i < length; i++) {
        if (f.space && i > 0) o += f.sharp ? ' ' + x0 : ' ';
        o += s.charCodeAt(i).toString(16).padStart(2, '0');
      }
      if (length === 0) return '';
      return verb === 'X' ? o.toUpperCase() : o;
    }
    default:
      return f.prec >= 0 ? truncRunes(s, f.prec) : s;
  }
}
function truncRunes(s: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) i += decodeRune(s, i)[1];
  return s.slice(0, i);
}

function bad(verb: string, t: Type, s: string): string {
  return `%!${verb}(${typeString(t)}=${s})`;
}

/**
 * How fmt pads a formatted value to the width (fmt/format.go): 'plain' is f.pad (zeros on the left
 * with the '0' flag: strings, booleans, runes, method results too); 'sign' is fmtFloat's (the sign
 * before the zeros; Inf and NaN with spaces); 'spaces' is fmtInteger's and fmtUnicode's (an
 * integer's zeros are already digits, fmtInt).
 */
type PadMode = 'plain' | 'sign' | 'spaces';
function pad(s: string, f: Flags, mode: PadMode): string {
  const w = f.width;
  const n = runeCount(s);
  if (w <= n) return s;
  if (f.minus) return s + ' '.repeat(w - n);
  if (!f.zero || mode === 'spaces' || (mode === 'sign' && /Inf|NaN/.test(s))) return ' '.repeat(w - n) + s;
  const sign = mode === 'sign' && (s[0] === '-' || s[0] === '+' || s[0] === ' ') ? s[0] : '';
  return sign + '0'.repeat(w - n) + s.slice(sign.length);
}
/** The padding of (v, t) printed with verb: by the fmt function that prints it (see pad). */
function padMode(v: unknown, t: Type, verb: string, f: Flags): PadMode {
  let u = underlying(t);
  if (u.k === 'iface') {
    if (v === null || v === undefined) return 'plain';
    t = (v as Iface).t;
    v = (v as Iface).v;
    u = underlying(t);
  }
  if (u.k !== 'basic' || verb === 'T' || usesMethods(v, t, verb, f)) return 'plain';
  if (isFloat(u) || u.name === 'complex64' || u.name === 'complex128' || u.name === 'untyped complex') return 'veEfFgGxX'.includes(verb) ? 'sign' : 'plain';
  if (isInteger(u)) return verb === 'c' || verb === 'q' ? 'plain' : 'spaces';
  return 'plain';
}
/** Does fmt print (v, t) with verb through its Error or String method (handleMethods)? */
function usesMethods(v: unknown, t: Type, verb: string, f: Flags): boolean {
  return !(f.sharp && verb === 'v') && !f.noMethods && (verb === 'v' || verb === 's' || verb === 'q') && !(v === null && underlying(t).k === 'ptr') && (hasMethod(t, 'Error') || hasMethod(t, 'String'));
}

function isNumericType(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'basic' && u.name !== 'string' && u.name !== 'bool';
}

/** Operand of Print/Println: interface values. */
export function sprint(args: (Iface | null)[], ln: boolean): string {
  let s = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const isStr = a !== null && underlying(a.t).k === 'basic' && (underlying(a.t) as { name: string }).name === 'string';
    if (i > 0) {
      const prev = args[i - 1]!;
      const prevStr = prev !== null && underlying(prev.t).k === 'basic' && (underlying(prev.t) as { name: string }).name === 'string';
      if (ln || (!isStr && !prevStr)) s += ' ';
    }
    s += a === null ? '<nil>' : fmtValue(a.v, a.t, 'v', noFlags, 0);
  }
  return ln ? s + '\n' : s;
}

/**
 * A `*` width or precision's operand (fmt's intFromArg): any integer type within ±1e6 (fmt's
 * tooLarge); anything else is a bad width/precision. The operand is consumed either way.
 */
function intFromArg(args: (Iface | null)[], argi: number): { num: number; ok: boolean } {
  if (argi >= args.length) return { num: 0, ok: false };
  const a = args[argi];
  if (a === null || !isInteger(a.t)) return { num: 0, ok: false };
  const num = Number(a.v);
  if (num > 1e6 || num < -1e6) return { num: 0, ok: false };
  return { num, ok: true };
}

/**
 * fmt.Sprintf (fmt/print.go doPrintf's rules): flags, an explicit argument index `[n]` before a
 * `*` width, a `*` precision or the verb (`%[2]d %[1]d`; after one, the arguments are "reordered" and
 * unused ones are not reported as EXTRA), `*` operands, `%!v(BADINDEX)`, `%!(BADWIDTH)`,
 * `%!(BADPREC)`, `%!v(MISSING)`, `%!(NOVERB)`, `%!(EXTRA …)`.
 */
export function sprintf(format: string, args: (Iface | null)[], wrap: Wrapping | null = null): string {
  let out = '';
  let argi = 0;
  let reordered = false;
  const n = format.length;
  const nargs = args.length;
  let i = 0;
  /** Whether the directive's argument indexes are valid so far (fmt's goodArgNum). */
  let goodArgNum = true;
  /** An explicit index `[n]` at i (fmt's argNumber): moves argi when valid; returns whether one was found. */
  const argNumber = (): boolean => {
    if (i >= n || format[i] !== '[') return false;
    reordered = true;
    // parseArgNumber: at least "[n]"; the closing bracket's position decides how far it reads
    let close = -1;
    if (n - i >= 3) for (let j = i + 1; j < n; j++) if (format[j] === ']') { close = j; break; }
    if (close < 0) {
      // no closing bracket: the '[' alone is consumed, not a found index
      i += 1;
      goodArgNum = false;
      return false;
    }
    const digits = format.substring(i + 1, close);
    i = close + 1;
    if (!/^[0-9]+$/.test(digits) || digits.length > 6) {
      goodArgNum = false;
      return false;
    }
    const index = Number(digits) - 1;
    if (index >= 0 && index < nargs) {
      argi = index;
      return true;
    }
    goodArgNum = false;
    return true;
  };
  for (; i < n; i++) {
    const c = format.charCodeAt(i);
    if (c !== 37) {
      out += format[i];
      continue;
    }
    i++;
    goodArgNum = true;
    const f: Flags = { plus: false, sharp: false, minus: false, zero: false, space: false, width: -1, prec: -1 };
    for (; i < n; i++) {
      const ch = format[i];
      // fmt's doPrintf: '-' turns zero padding off (no zeros on the right), '0' after '-' is ignored
      if (ch === '-') {
        f.minus = true;
        f.zero = false;
      } else if (ch === '+') f.plus = true;
      else if (ch === '0') f.zero = !f.minus;
      else if (ch === ' ') f.space = true;
      else if (ch === '#') f.sharp = true;
      else break;
    }
    let afterIndex = argNumber();
    if (format[i] === '*') {
      i++;
      const w = intFromArg(args, argi);
      if (argi < nargs) argi++;
      if (!w.ok) out += '%!(BADWIDTH)';
      else {
        f.width = w.num;
        if (f.width < 0) {
          f.minus = true;
          f.width = -f.width;
        }
      }
      afterIndex = false;
    } else {
      let w = '';
      while (i < n && format[i]! >= '0' && format[i]! <= '9') w += format[i++];
      if (w) {
        f.width = Number(w);
        if (afterIndex) goodArgNum = false; // "%[3]2d"
      }
    }
    if (i + 1 < n && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false; // "%[3].2d"
      afterIndex = argNumber();
      if (format[i] === '*') {
        i++;
        const p = intFromArg(args, argi);
        if (argi < nargs) argi++;
        // a negative precision makes no sense: none, reported as bad
        if (!p.ok || p.num < 0) out += '%!(BADPREC)';
        else f.prec = p.num;
        afterIndex = false;
      } else {
        let p = '';
        while (i < n && format[i]! >= '0' && format[i]! <= '9') p += format[i++];
        f.prec = p ? Number(p) : 0;
      }
    }
    if (!afterIndex) afterIndex = argNumber();
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    // the verb is a rune
    const [r, rn] = decodeRune(format, i);
    const verb = format.substring(i, i + rn);
    i += rn - 1;
    if (r === 37) {
      // percent takes no operand and ignores width and precision
      out += '%';
      continue;
    }
    if (!goodArgNum) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argi >= nargs) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[argi++]!;
    let s: string;
    if (verb === 'w') {
      // fmt's handleMethods: %w is %v of an error operand of Errorf, a bad verb otherwise
      if (wrap?.tree) wrap.args.push(argi - 1);
      const ok = wrap !== null && !wrap.off && a !== null && hasMethod(a.t, 'Error') && (wrap.tree || wrap.args.length === 0);
      if (ok && !wrap.tree) wrap.args.push(argi - 1);
      if (!ok) {
        if (wrap !== null && !wrap.tree) {
          wrap.args.length = 0;
          wrap.off = true;
        }
        out += a === null ? '%!w(<nil>)' : `%!w(${typeString(a.t)}=${fmtValue(a.v, a.t, 'v', { ...noFlags, noMethods: true }, 0)})`;
        continue;
      }
    }
    if (verb === 'v' && f.plus) {
      f.plus = false;
      f.plusV = true;
    }
    if (verb === 'T') s = a === null ? '<nil>' : typeString(a.t);
    else if (a === null) s = verb === 'v' ? '<nil>' : `%!${verb}(<nil>)`;
    else if (verb === 'v' && f.sharp && underlying(a.t).k === 'basic' && isNumericType(a.t) && !(underlying(a.t) as { name: string }).name.startsWith('uint')) s = fmtValue(a.v, a.t, 'v', { ...noFlags, noMethods: true }, 0);
    else s = fmtValue(a.v, a.t, verb === 'w' ? 'v' : verb, f, 0);
    // a composite's width applies to each primitive it holds (padded by fmtChild), not to the whole
    out += a !== null && verb !== 'T' && composite(a.v, a.t, verb, f, 0) ? s : pad(s, f, a === null ? 'plain' : padMode(a.v, a.t, verb, f));
  }
  if (!reordered && argi < nargs) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => (a === null ? '<nil>' : `${typeString(a.t)}=${fmtValue(a.v, a.t, 'v', noFlags, 0)}`)).join(', ') + ')';
  }
  return out;
}

/**
 * Builtin print/println formatting (runtime/print.go, not fmt). `shortest` (VersionProfile.
 * printFloatShortest): floats as strconv.AppendFloat(v, 'g', -1, 64|32) (go1.26's printfloat64,
 * printfloat32); otherwise go1.19's fixed `+d.dddddde±ddd`. A slice prints as `[len/cap]ptr`.
 */
export function printArg(v: unknown, t: Type, shortest = false): string {
  const u = underlying(t);
  if (u.k === 'basic' && (u.name === 'complex64' || u.name === 'complex128')) {
    // go1.19 printcomplex: print("(", real(c), imag(c), "i)"); go1.26 printcomplex128/64:
    // strconv.AppendComplex(c, 'g', -1, 128|64), whose imaginary part always has a sign
    const z = v as Complex;
    const part = u.name === 'complex64' ? tFloat32 : tFloat64;
    const re = printArg(z.re, part, shortest);
    let im = printArg(z.im, part, shortest);
    if (shortest && im[0] !== '+' && im[0] !== '-') im = '+' + im;
    return '(' + re + im + 'i)';
  }
  if (u.k === 'basic') {
    if (u.name === 'float64' || u.name === 'float32' || u.name === 'untyped float') {
      const x = v as number;
      if (shortest) return formatFloat(u.name === 'float32' ? shortest32(x) : x);
      return printfloat(x, false);
    }
    if (typeof v === 'number' || typeof v === 'bigint') return intString(v);
    return String(v);
  }
  if (u.k === 'iface') return v === null ? '(0x0,0x0)' : '(0x4b2f20,0xc000012345)';
  if (u.k === 'slice') return v === null ? '[0/0]0x0' : `[${(v as Slice).n}/${(v as Slice).c}]0xc000012345`;
  if (v === null) return '0x0';
  return '0xc000012345';
}
