/**
 * Package encoding/json: Marshal, MarshalIndent, Unmarshal, Valid, Encoder (Encode, SetIndent,
 * SetEscapeHTML) and Decoder (Decode), driven by the values' Go types (the type descriptors every
 * interface value carries), with encoding/json's rules and output format:
 *
 * - encoding: bools, integers, floats (strconv's shortest digits, %f layout unless |f| < 1e-6 or
 *   ≥ 1e21, then %e with a one-digit exponent kept two digits: 1e-07 → 1e-7), strings (escaped as
 *   encode.go's appendString: \" \\ \b \f \n \r \t, other controls \u00XX, and with HTML escaping
 *   < > & as \u003c \u003e \u0026; U+2028/9 escaped; invalid UTF-8 as \ufffd), structs (exported
 *   fields in order, tags `json:"name,omitempty,string"`, "-" skipped, embedded structs' fields
 *   promoted), maps (string or integer keys, sorted), slices and arrays ([]byte as base64; nil
 *   slices and maps as null), pointers, interfaces, MarshalJSON methods (generators: Marshal may
 *   call the program's code); channels, funcs and complex numbers are `json: unsupported type`.
 * - decoding: the input is checked whole first (scanner.go's syntax errors: `invalid character 'x'
 *   looking for beginning of value`, `unexpected end of JSON input`), then stored into the target:
 *   objects into structs (a key matches a field's name exactly, else case-insensitively) and maps,
 *   arrays into slices and arrays, numbers into integers and floats, into interface{} as
 *   map[string]interface{}, []interface{}, float64, string, bool, nil; a mismatch is an
 *   UnmarshalTypeError (`json: cannot unmarshal string into Go struct field T.a of type int`), the
 *   first one returned after the rest is stored.
 * - MarshalIndent/SetIndent: the compact text re-indented as indent.go does.
 *
 * Simplified: no Marshaler for map keys (TextMarshaler), Number, RawMessage, Token, Compact/Indent
 * functions, UnmarshalJSON methods; structs made while decoding (elements of a slice of structs) are
 * plain objects with the fields and a copy method, not the program's struct class; the errors'
 * dynamic type is errors' *errorString. Integers are exact (rt/integers.ts).
 */
import type { Op } from '../../workload/ops.js';
import { type Type, type StructType, tBool, tFloat64, tString, tEmptyIface, typeString, underlying } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, T, fn, ptr, sl, tAny, tBytes, native, method, subset } from './registry.js';
import { ErrorString, tErrorStringPtr } from './errors.js';
import { writeString, read, EOF, ErrUnexpectedEOF, tReader, tWriter } from './io.js';
import { FormatFloat } from './strconv.js';
import { StdEncoding } from './encoding_base64.js';
import { type Slice, sliceLit, sliceToArray, makeSlice, reslice } from '../rt/slices.js';
import { bytesToString, stringToBytes, decodeRune, runeToString } from '../rt/strings.js';
import type { Iface, Ref } from '../rt/values.js';
import { sprintf } from '../rt/format.js';
import { tTime, GoTime, Parse as timeParse } from './time.js';

type Go<T = void> = Generator<Op, T, unknown>;
type MethodTable = Record<string, (...a: unknown[]) => Go<unknown>>;

/** A json error (its text). */
class JsonError extends Error {}
const jsonErr = (msg: string): Iface => ({ t: tErrorStringPtr, v: new ErrorString(msg) });

/** The type string reflect prints (main.T, []string, map[string]interface {}). */
const rtype = (t: Type): string => typeString(t, true);

// ---------------------------------------------------------------- struct fields

interface JField {
  name: string;
  /** The path of JS property names to the field (through embedded structs). */
  path: string[];
  type: Type;
  omitEmpty: boolean;
  quoted: boolean;
  /** The Go field's own name (error messages). */
  goName: string;
}
/** encoding/json's typeFields (simplified: the first field of a name wins). */
function fieldsOf(st: StructType, path: string[] = [], depth = 0): JField[] {
  const out: JField[] = [];
  for (const f of st.fields) {
    const tag = tagValue(f.tag ?? '', 'json');
    if (tag === '-') continue;
    const [tname, ...opts] = (tag ?? '').split(',');
    const exported = /^[A-Z]/.test(f.name);
    const ft = f.type;
    const base = ft.k === 'ptr' ? ft.elem : ft;
    if (f.embedded && !tname && underlying(base).k === 'struct' && depth < 8) {
      out.push(...fieldsOf(underlying(base) as StructType, [...path, f.js], depth + 1));
      continue;
    }
    if (!exported) continue;
    out.push({ name: tname || f.name, path: [...path, f.js], type: ft, omitEmpty: opts.includes('omitempty'), quoted: opts.includes('string'), goName: f.name });
  }
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(f.name) && seen.add(f.name) !== undefined);
}
/** reflect.StructTag.Get: the value of `key:"value"` in a struct tag. */
export function tagValue(tag: string, key: string): string | null {
  const re = /([^\s:"]+):"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) if (m[1] === key) return m[2]!.replace(/\\(.)/g, '$1');
  return null;
}

// ---------------------------------------------------------------- encoding

const hex = '0123456789abcdef';
/** encode.go's appendString. */
export function quoteString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const b = s.charCodeAt(i);
    if (b < 0x80) {
      if (b >= 0x20 && b !== 0x22 && b !== 0x5c && !(escapeHTML && (b === 0x3c || b === 0x3e || b === 0x26))) out += s[i];
      else if (b === 0x22 || b === 0x5c) out += '\\' + s[i];
      else if (b === 8) out += '\\b';
      else if (b === 12) out += '\\f';
      else if (b === 10) out += '\\n';
      else if (b === 13) out += '\\r';
      else if (b === 9) out += '\\t';
      else out += '\\u00' + hex[b >> 4] + hex[b & 15];
      i++;
      continue;
    }
    const [r, size] = decodeRune(s, i);
    if (r === 0xfffd && size === 1) out += '\\ufffd';
    else if (r === 0x2028 || r === 0x2029) out += '\\u202' + hex[r & 15];
    else out += s.slice(i, i + size);
    i += size;
  }
  return out + '"';
}
/** encode.go's floatEncoder. */
function formatFloat(f: number, t: Type): string {
  if (!Number.isFinite(f)) throw new JsonError(`json: unsupported value: ${sprintf('%v', [{ t: tFloat64, v: f }])}`);
  const abs = Math.abs(f);
  const e = abs !== 0 && (abs < 1e-6 || abs >= 1e21);
  const u = underlying(t);
  const v = u.k === 'basic' && u.name === 'float32' ? Math.fround(f) : f;
  let s = FormatFloat(v, e ? 101 : 102, -1);
  if (e) s = s.replace(/e-0(\d)$/, 'e-$1');
  return s;
}
const methods = (t: Type): MethodTable | undefined => (t as unknown as { $m?: MethodTable }).$m;

/** The JSON text of value v of type t. */
function* encode(v: unknown, t: Type, html: boolean, depth: number): Go<string> {
  if (depth > 1000) throw new JsonError(`json: unsupported value: encountered a cycle via ${rtype(t)}`);
  const m = methods(t)?.MarshalJSON;
  const u = underlying(t);
  if (m && !(u.k === 'ptr' && v === null)) {
    const [b, err] = (yield* m(v)) as [Slice | null, Iface | null];
    if (err !== null) throw new JsonError(`json: error calling MarshalJSON for type ${rtype(t)}: ${String(yield* errText(err))}`);
    const text = bytesToString(b);
    const chk = scanValue(text, 0);
    if (chk.err !== null || skipWS(text, chk.end) !== text.length) throw new JsonError(`json: error calling MarshalJSON for type ${rtype(t)}: invalid character`);
    return compact(text, html);
  }
  switch (u.k) {
    case 'iface': {
      if (v === null) return 'null';
      const iv = v as Iface;
      return yield* encode(iv.v, iv.t, html, depth + 1);
    }
    case 'basic': {
      const n = u.name;
      if (n === 'bool') return v ? 'true' : 'false';
      if (n === 'string') return quoteString(v as string, html);
      if (n === 'float32' || n === 'float64') return formatFloat(v as number, t);
      if (n === 'complex64' || n === 'complex128') throw new JsonError(`json: unsupported type: ${rtype(t)}`);
      return String(v);
    }
    case 'ptr': {
      if (v === null) return 'null';
      const e = underlying(u.elem);
      return yield* encode(e.k === 'struct' ? v : (v as Ref).v, u.elem, html, depth + 1);
    }
    case 'struct': {
      const parts: string[] = [];
      for (const f of fieldsOf(u)) {
        let x: unknown = v;
        let missing = false;
        for (let i = 0; i < f.path.length; i++) {
          x = (x as Record<string, unknown>)[f.path[i]!];
          if (x === null && i < f.path.length - 1) missing = true;
          if (missing) break;
        }
        if (missing) continue;
        if (f.omitEmpty && isEmpty(x, f.type)) continue;
        let s = yield* encode(x, f.type, html, depth + 1);
        if (f.quoted && underlying(f.type).k === 'basic') s = underlying(f.type) === underlying(tString) ? quoteString(s, html) : `"${s}"`;
        parts.push(quoteString(f.name, html) + ':' + s);
      }
      return '{' + parts.join(',') + '}';
    }
    case 'map': {
      if (v === null) return 'null';
      const ku = underlying(u.key);
      if (ku.k !== 'basic' || ku.name === 'bool' || ku.name.startsWith('float') || ku.name.startsWith('complex')) throw new JsonError(`json: unsupported type: ${rtype(t)}`);
      const entries = [...(v as Map<unknown, unknown>).entries()].map(([k, x]) => [String(k), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const parts: string[] = [];
      for (const [k, x] of entries) parts.push(quoteString(k, html) + ':' + (yield* encode(x, u.elem, html, depth + 1)));
      return '{' + parts.join(',') + '}';
    }
    case 'slice':
    case 'array': {
      if (u.k === 'slice' && v === null) return 'null';
      const items = u.k === 'slice' ? sliceToArray(v as Slice) : (v as unknown[]);
      const eu = underlying(u.elem);
      if (u.k === 'slice' && eu.k === 'basic' && eu.name === 'uint8' && !methods(u.elem)?.MarshalJSON) return '"' + StdEncoding.encode(bytesToString(v as Slice)) + '"';
      const parts: string[] = [];
      for (const x of items) parts.push(yield* encode(x, u.elem, html, depth + 1));
      return '[' + parts.join(',') + ']';
    }
    default:
      throw new JsonError(`json: unsupported type: ${rtype(t)}`);
  }
}
function* errText(err: Iface): Go<unknown> {
  return yield* methods(err.t)!.Error!(err.v);
}
/** encode.go's isEmptyValue (omitempty). */
function isEmpty(v: unknown, t: Type): boolean {
  const u = underlying(t);
  switch (u.k) {
    case 'basic':
      return v === false || v === 0 || v === '';
    case 'slice':
      return v === null || (v as Slice).n === 0;
    case 'map':
      return v === null || (v as Map<unknown, unknown>).size === 0;
    case 'array':
      return u.len === 0;
    case 'ptr':
    case 'iface':
      return v === null;
    default:
      return false;
  }
}
/** A MarshalJSON result without insignificant space (and HTML-escaped). */
function compact(s: string, html: boolean): string {
  let out = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inStr) {
      if (c === '\\') {
        out += c + s[++i];
        continue;
      }
      if (c === '"') inStr = false;
      out += html && (c === '<' || c === '>' || c === '&') ? '\\u00' + hex[c.charCodeAt(0) >> 4] + hex[c.charCodeAt(0) & 15] : c;
      continue;
    }
    if (c === '"') inStr = true;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') out += c;
  }
  return out;
}
/** indent.go's Indent of compact JSON text. */
export function indent(s: string, prefix: string, ind: string): string {
  let out = '';
  let depth = 0;
  let inStr = false;
  let needIndent = false;
  const nl = (): string => '\n' + prefix + ind.repeat(depth);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inStr) {
      out += c;
      if (c === '\\') out += s[++i];
      else if (c === '"') inStr = false;
      continue;
    }
    if (needIndent && c !== ']' && c !== '}') {
      needIndent = false;
      depth++;
      out += nl();
    }
    switch (c) {
      case '"':
        inStr = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        needIndent = true;
        break;
      case ',':
        out += c + nl();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) needIndent = false;
        else {
          depth--;
          out += nl();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** json.Marshal. */
export function* Marshal(v: Iface | null): Go<[Slice | null, Iface | null]> {
  try {
    return [stringToBytes(yield* encode(v, tEmptyIface, true, 0)), null];
  } catch (e) {
    if (e instanceof JsonError) return [null, jsonErr(e.message)];
    throw e;
  }
}
/** json.MarshalIndent. */
export function* MarshalIndent(v: Iface | null, prefix: string, ind: string): Go<[Slice | null, Iface | null]> {
  const [b, err] = yield* Marshal(v);
  return err !== null ? [null, err] : [stringToBytes(indent(bytesToString(b), prefix, ind)), null];
}

// ---------------------------------------------------------------- scanning

type JVal = { k: 'null' } | { k: 'bool'; v: boolean } | { k: 'num'; s: string } | { k: 'str'; v: string } | { k: 'arr'; v: JVal[] } | { k: 'obj'; v: [string, JVal][] };
/** scanner.go's quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = sprintf('%q', [{ t: tString, v: c }]);
  return "'" + q.slice(1, -1) + "'";
}
const skipWS = (s: string, i: number): number => {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
};
/** One JSON value of s from i: the value, its end, or the syntax error (`eof`: the input ended inside it). */
function scanValue(s: string, i: number): { v: JVal | null; end: number; err: string | null; eof?: boolean } {
  // at the end of the input, scanner.go's eof() feeds a space: inside a literal or a number that
  // is the invalid character; elsewhere the input ended early
  const at = (j: number, ctx: string, literal = false): never => {
    if (j >= s.length && !literal) throw Object.assign(new JsonError('unexpected end of JSON input'), { eof: true });
    throw Object.assign(new JsonError(`invalid character ${quoteChar(s[j] ?? ' ')} ${ctx}`), { eof: j >= s.length });
  };
  const value = (j: number): [JVal, number] => {
    j = skipWS(s, j);
    const c = s[j];
    if (c === '{') {
      const out: [string, JVal][] = [];
      j = skipWS(s, j + 1);
      if (s[j] === '}') return [{ k: 'obj', v: out }, j + 1];
      for (;;) {
        if (s[j] !== '"') at(j, 'looking for beginning of object key string');
        const [k, j2] = str(j);
        j = skipWS(s, j2);
        if (s[j] !== ':') at(j, 'after object key');
        const [x, j3] = value(j + 1);
        out.push([k, x]);
        j = skipWS(s, j3);
        if (s[j] === ',') {
          j = skipWS(s, j + 1);
          continue;
        }
        if (s[j] === '}') return [{ k: 'obj', v: out }, j + 1];
        at(j, 'after object key:value pair');
      }
    }
    if (c === '[') {
      const out: JVal[] = [];
      j = skipWS(s, j + 1);
      if (s[j] === ']') return [{ k: 'arr', v: out }, j + 1];
      for (;;) {
        const [x, j2] = value(j);
        out.push(x);
        j = skipWS(s, j2);
        if (s[j] === ',') {
          j++;
          continue;
        }
        if (s[j] === ']') return [{ k: 'arr', v: out }, j + 1];
        at(j, 'after array element');
      }
    }
    if (c === '"') {
      const [x, j2] = str(j);
      return [{ k: 'str', v: x }, j2];
    }
    for (const [w, val] of [
      ['true', { k: 'bool', v: true }],
      ['false', { k: 'bool', v: false }],
      ['null', { k: 'null' }],
    ] as const) {
      if (c === w[0]) {
        for (let k = 1; k < w.length; k++) if (s[j + k] !== w[k]) at(j + k, `in literal ${w} (expecting ${quoteChar(w[k]!)})`, true);
        return [val as JVal, j + w.length];
      }
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.slice(j));
      if (!m || m[0] === '-') at(j + 1, 'in numeric literal', true);
      const end = j + m![0].length;
      if (s[end] === '.') at(end + 1, 'after decimal point in numeric literal', true);
      if (s[end] === 'e' || s[end] === 'E') at(end + 1, 'in exponent of numeric literal', true);
      return [{ k: 'num', s: m![0] }, end];
    }
    return at(j, 'looking for beginning of value');
  };
  const str = (j: number): [string, number] => {
    let out = '';
    for (let k = j + 1; ; ) {
      if (k >= s.length) at(k, '');
      const c = s[k]!;
      if (c === '"') return [out, k + 1];
      if (c.charCodeAt(0) < 0x20) at(k, 'in string literal');
      if (c === '\\') {
        const e = s[k + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          k += 2;
          continue;
        }
        if (e === 'u') {
          const h = s.slice(k + 2, k + 6);
          for (let q = 0; q < 4; q++) if (!/[0-9a-fA-F]/.test(h[q] ?? '')) at(k + 2 + q, 'in \\u hexadecimal character escape');
          let r = parseInt(h, 16);
          k += 6;
          if (r >= 0xd800 && r < 0xdc00 && s.startsWith('\\u', k)) {
            const lo = parseInt(s.slice(k + 2, k + 6), 16);
            if (lo >= 0xdc00 && lo < 0xe000) {
              r = 0x10000 + ((r - 0xd800) << 10) + (lo - 0xdc00);
              k += 6;
            }
          }
          out += runeToString(r >= 0xd800 && r < 0xe000 ? 0xfffd : r);
          continue;
        }
        at(k + 1, 'in string escape code');
      }
      out += c;
      k++;
    }
  };
  try {
    const [v, end] = value(i);
    return { v, end, err: null };
  } catch (e) {
    if (e instanceof JsonError) return { v: null, end: i, err: e.message, eof: (e as JsonError & { eof?: boolean }).eof === true };
    throw e;
  }
}
/** The whole of s as one JSON value (checkValid), or the syntax error's text. */
function parseAll(s: string): JVal | string {
  const r = scanValue(s, 0);
  if (r.err !== null) return r.err;
  const end = skipWS(s, r.end);
  if (end < s.length) return `invalid character ${quoteChar(s[end]!)} after top-level value`;
  return r.v!;
}
/** json.Valid. */
export const Valid = (b: Slice | null): boolean => typeof parseAll(bytesToString(b)) !== 'string';

// ---------------------------------------------------------------- decoding

const tSliceAny = globalTypes.intern(sl(tAny));
const tMapAny = globalTypes.intern({ k: 'map', key: tString, elem: tAny });

/** The zero value of type t made at run time (structs as plain objects with a copy method). */
export function zeroOf(t: Type): unknown {
  const u = underlying(t);
  switch (u.k) {
    case 'basic':
      return u.name === 'bool' ? false : u.name === 'string' ? '' : 0;
    case 'struct':
      return newStruct(u);
    case 'array':
      return Array.from({ length: u.len }, () => zeroOf(u.elem));
    default:
      return null;
  }
}
export function newStruct(st: StructType): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of st.fields) o[f.js] = zeroOf(f.type);
  Object.defineProperty(o, '$c', { enumerable: false, value: () => copyStruct(o, st) });
  return o;
}
function copyStruct(o: Record<string, unknown>, st: StructType): Record<string, unknown> {
  const c = newStruct(st);
  for (const f of st.fields) {
    const x = o[f.js];
    c[f.js] = x !== null && typeof x === 'object' && typeof (x as { $c?: unknown }).$c === 'function' && underlying(f.type).k === 'struct' ? (x as { $c: () => unknown }).$c() : Array.isArray(x) ? [...x] : x;
  }
  return c;
}

/** The decoder's state: the first type error (decoding goes on past it). */
interface DecodeState {
  err: string | null;
}
const typeError = (d: DecodeState, what: string, t: Type, where: string | null): void => {
  d.err ??= `json: cannot unmarshal ${what} into Go ${where !== null ? `struct field ${where}` : 'value'} of type ${rtype(t)}`;
};
/** The JSON value as an interface{} value (decode.go's valueInterface). */
function toAny(j: JVal): Iface | null {
  switch (j.k) {
    case 'null':
      return null;
    case 'bool':
      return { t: tBool, v: j.v };
    case 'num':
      return { t: tFloat64, v: Number(j.s) };
    case 'str':
      return { t: tString, v: j.v };
    case 'arr':
      return { t: tSliceAny, v: sliceLit(j.v.map(toAny)) };
    case 'obj': {
      const m = new Map<string, Iface | null>();
      for (const [k, x] of j.v) m.set(k, toAny(x));
      return { t: tMapAny, v: m };
    }
  }
}
const intRange: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  uint: [0n, 2n ** 64n - 1n],
  uintptr: [0n, 2n ** 64n - 1n],
};
/** The JSON value stored as a value of type t, given the current value `cur` (decode.go's value). */
function store(d: DecodeState, j: JVal, t: Type, cur: unknown, where: string | null): unknown {
  const u = underlying(t);
  if (t === tTime && j.k !== 'null') return storeTime(d, j, cur as GoTime | null);
  if (j.k === 'null') return u.k === 'iface' || u.k === 'ptr' || u.k === 'map' || u.k === 'slice' ? null : cur;
  if (u.k === 'ptr') {
    const eu = underlying(u.elem);
    if (eu.k === 'struct') return store(d, j, u.elem, cur ?? zeroOf(u.elem), where);
    const box = (cur as Ref | null) ?? { v: zeroOf(u.elem) };
    box.v = store(d, j, u.elem, box.v, where);
    return box;
  }
  if (u.k === 'iface') {
    if (u.methods.size > 0) {
      typeError(d, j.k === 'num' ? 'number' : j.k === 'str' ? 'string' : j.k === 'arr' ? 'array' : j.k === 'obj' ? 'object' : 'bool', t, where);
      return cur;
    }
    return toAny(j);
  }
  switch (j.k) {
    case 'bool':
      if (u.k === 'basic' && u.name === 'bool') return j.v;
      typeError(d, 'bool', t, where);
      return cur;
    case 'str':
      if (u.k === 'basic' && u.name === 'string') return j.v;
      if (u.k === 'slice' && underlying(u.elem).k === 'basic' && (underlying(u.elem) as { name: string }).name === 'uint8') {
        const [b, bad] = StdEncoding.decode(j.v);
        if (bad >= 0) d.err ??= `illegal base64 data at input byte ${bad}`;
        return stringToBytes(b);
      }
      typeError(d, 'string', t, where);
      return cur;
    case 'num': {
      if (u.k === 'basic' && (u.name === 'float64' || u.name === 'float32')) return u.name === 'float32' ? Math.fround(Number(j.s)) : Number(j.s);
      const r = u.k === 'basic' ? intRange[u.name] : undefined;
      if (r) {
        // exact: a 64-bit value beyond 2^53 is a bigint (rt/integers.ts)
        const n = /^-?\d+$/.test(j.s) ? BigInt(j.s) : null;
        if (n === null || n < r[0] || n > r[1]) {
          typeError(d, `number ${j.s}`, t, where);
          return cur;
        }
        return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
      }
      typeError(d, 'number', t, where);
      return cur;
    }
    case 'arr': {
      if (u.k === 'slice') return sliceLit(j.v.map((x) => store(d, x, u.elem, zeroOf(u.elem), where)));
      if (u.k === 'array') {
        const a = (cur as unknown[] | null) ?? (zeroOf(t) as unknown[]);
        for (let i = 0; i < a.length; i++) a[i] = i < j.v.length ? store(d, j.v[i]!, u.elem, a[i], where) : zeroOf(u.elem);
        return a;
      }
      typeError(d, 'array', t, where);
      return cur;
    }
    case 'obj': {
      if (u.k === 'map') {
        const ku = underlying(u.key);
        if (ku.k !== 'basic' || ku.name === 'bool' || ku.name.startsWith('float') || ku.name.startsWith('complex')) {
          typeError(d, 'object', t, where);
          return cur;
        }
        const m = (cur as Map<unknown, unknown> | null) ?? new Map<unknown, unknown>();
        for (const [k, x] of j.v) {
          let key: unknown = k;
          if (ku.name !== 'string') {
            const n = Number(k);
            if (!/^-?\d+$/.test(k) || !Number.isFinite(n)) {
              typeError(d, `number ${k}`, u.key, where);
              continue;
            }
            key = n;
          }
          m.set(key, store(d, x, u.elem, m.get(key) ?? zeroOf(u.elem), where));
        }
        return m;
      }
      if (u.k === 'struct') {
        const o = (cur as Record<string, unknown> | null) ?? (zeroOf(t) as Record<string, unknown>);
        const fields = fieldsOf(u);
        const sname = t.k === 'named' ? t.name : '';
        for (const [k, x] of j.v) {
          const f = fields.find((g) => g.name === k) ?? fields.find((g) => g.name.toLowerCase() === k.toLowerCase());
          if (!f) continue;
          let holder = o;
          for (let i = 0; i < f.path.length - 1; i++) holder = holder[f.path[i]!] as Record<string, unknown>;
          const key = f.path[f.path.length - 1]!;
          holder[key] = store(d, x, f.type, holder[key], `${sname}.${f.name}`);
        }
        return o;
      }
      typeError(d, 'object', t, where);
      return cur;
    }
  }
  return cur;
}

/** json.Unmarshal(data, v). */
export function Unmarshal(data: Slice | null, v: Iface | null): Iface | null {
  return unmarshalText(bytesToString(data), v);
}
function unmarshalText(text: string, v: Iface | null): Iface | null {
  const j = parseAll(text);
  if (typeof j === 'string') return jsonErr(j);
  return storeInto(j, v);
}
/**
 * A time.Time from JSON: its UnmarshalJSON (time.go), Parse of the string as RFC 3339 — the one
 * UnmarshalJSON method the decoder runs (the program's own are not supported, see the note above).
 */
function storeTime(d: DecodeState, j: JVal, cur: GoTime | null): unknown {
  if (j.k !== 'str') {
    d.err ??= 'Time.UnmarshalJSON: input is not a JSON string';
    return cur;
  }
  // `*t, err = Parse(…)`: a parse error leaves the zero Time
  const [t, err] = timeParse('2006-01-02T15:04:05Z07:00', j.v);
  if (err !== null) d.err ??= (err.v as ErrorString).s;
  // in place when the target is the Time itself (Unmarshal(&t)); a field or a new pointer takes the value
  if (!(cur instanceof GoTime)) return t;
  Object.assign(cur, t);
  return cur;
}
function storeInto(j: JVal, v: Iface | null): Iface | null {
  if (v === null) return jsonErr('json: Unmarshal(nil)');
  const u = underlying(v.t);
  if (u.k !== 'ptr') return jsonErr(`json: Unmarshal(non-pointer ${rtype(v.t)})`);
  if (v.v === null) return jsonErr(`json: Unmarshal(nil ${rtype(v.t)})`);
  const d: DecodeState = { err: null };
  const eu = underlying(u.elem);
  if (eu.k === 'struct') store(d, j, u.elem, v.v, null);
  else {
    const r = v.v as Ref;
    r.v = store(d, j, u.elem, r.v, null);
  }
  return d.err === null ? null : jsonErr(d.err);
}

// ---------------------------------------------------------------- Encoder and Decoder

export class Encoder {
  prefix = '';
  ind = '';
  html = true;
  constructor(readonly w: Iface | null) {}
  *Encode(v: Iface | null): Go<Iface | null> {
    let s: string;
    try {
      s = yield* encode(v, tEmptyIface, this.html, 0);
    } catch (e) {
      if (e instanceof JsonError) return jsonErr(e.message);
      throw e;
    }
    if (this.prefix !== '' || this.ind !== '') s = indent(s, this.prefix, this.ind);
    const [, err] = yield* writeString(this.w, s + '\n');
    return err;
  }
  SetIndent(prefix: string, ind: string): void {
    this.prefix = prefix;
    this.ind = ind;
  }
  SetEscapeHTML(on: boolean): void {
    this.html = on;
  }
}
export class Decoder {
  buf = '';
  eof = false;
  constructor(readonly r: Iface | null) {}
  *Decode(v: Iface | null): Go<Iface | null> {
    for (;;) {
      const start = skipWS(this.buf, 0);
      if (start < this.buf.length) {
        const r = scanValue(this.buf, start);
        if (r.err === null) {
          this.buf = this.buf.slice(r.end);
          return storeInto(r.v!, v);
        }
        if (!r.eof || this.eof) return r.eof ? ErrUnexpectedEOF : jsonErr(r.err);
      } else if (this.eof) return EOF;
      yield* this.fill();
    }
  }
  private *fill(): Go {
    const b = makeSlice(512, 512, () => 0);
    const [n, err] = yield* read(this.r, b);
    this.buf += bytesToString(reslice(b, 0, n, -1));
    if (err !== null) this.eof = true;
  }
  /** More: whether another element follows (stream.go: peek reads until a non-space byte or the end). */
  *More(): Go<boolean> {
    for (;;) {
      const i = skipWS(this.buf, 0);
      if (i < this.buf.length) return this.buf[i] !== ']' && this.buf[i] !== '}';
      if (this.eof) return false;
      yield* this.fill();
    }
  }
}

export const tEncoder = native('Encoder', 'json', '$P.encoding_json.Encoder');
method(tEncoder, 'Encode', fn([tAny], [tError]), true);
method(tEncoder, 'SetIndent', fn([tString, tString]), false);
method(tEncoder, 'SetEscapeHTML', fn([tBool]), false);
export const tDecoder = native('Decoder', 'json', '$P.encoding_json.Decoder');
method(tDecoder, 'Decode', fn([tAny], [tError]), true);
method(tDecoder, 'More', fn([], [tBool]), true);

pkg('encoding/json', {
  Marshal: F(fn([tAny], [tBytes, tError]), (a) => `(yield* $P.encoding_json.Marshal(${a[0]}))`),
  MarshalIndent: F(fn([tAny, tString, tString], [tBytes, tError]), (a) => `(yield* $P.encoding_json.MarshalIndent(${a[0]}, ${a[1]}, ${a[2]}))`),
  Unmarshal: F(fn([tBytes, tAny], [tError]), (a) => `$P.encoding_json.Unmarshal(${a[0]}, ${a[1]})`),
  Valid: F(fn([tBytes], [tBool]), (a) => `$P.encoding_json.Valid(${a[0]})`),
  Encoder: T(tEncoder),
  Decoder: T(tDecoder),
  NewEncoder: F(fn([tWriter], [ptr(tEncoder)]), (a) => `new $P.encoding_json.Encoder(${a[0]})`),
  NewDecoder: F(fn([tReader], [ptr(tDecoder)]), (a) => `new $P.encoding_json.Decoder(${a[0]})`),
  $unsupported: subset(),
});
