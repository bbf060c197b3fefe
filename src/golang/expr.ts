/**
 * Expressions: type-check and emit JavaScript at once. `expr(c, n)` returns a `Val`: the JS code,
 * the Go type, and the constant value for constant expressions (folded at compile time).
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import { Compiler, type ConstVal, type Obj, setConstHook, tError, tInvalid, Silent, Unsupported } from './core.js';
import {
  type Type,
  type NamedType,
  type StructType,
  type FuncType,
  basic,
  tBool,
  tInt,
  tInt32,
  tFloat64,
  tString,
  tUntypedInt,
  tUntypedFloat,
  tUntypedRune,
  tUntypedString,
  tUntypedBool,
  tUntypedNil,
  underlying,
  isUntyped,
  isInteger,
  isNumeric,
  isString,
  isBoolean,
  defaultType,
  identical,
  typeString,
} from './types.js';
import { call } from './call.js';

export type Mode = 'value' | 'var' | 'const' | 'type' | 'tuple' | 'novalue' | 'nil';
export interface Val {
  c: string;
  t: Type;
  mode: Mode;
  n: Node;
  cv?: ConstVal;
  /** Code producing [value, ok] for comma-ok forms. */
  ok2?: string;
  /** Tuple element types (mode 'tuple'). */
  tuple?: Type[];
  /** Store code for addressable elements that are not plain JS lvalues. */
  lv?: (x: string) => string;
}

export function ts(t: Type): string {
  return typeString(t, false);
}

/** How go1.19 describes an operand in messages: `x (variable of type int)`. */
export function describe(v: Val): string {
  const src = text(v.n);
  if (v.mode === 'const' && isUntyped(v.t)) return `${src} (${v.t.k === 'basic' ? v.t.name : ''} constant)`;
  if (v.mode === 'const') return `${src} (constant ${constText(v.cv!)} of type ${ts(v.t)})`;
  if (v.mode === 'nil') return 'nil';
  return `${src} (${v.mode === 'var' ? 'variable' : 'value'} of type ${ts(v.t)})`;
}
function constText(cv: ConstVal): string {
  return typeof cv === 'string' ? JSON.stringify(cv) : String(cv);
}

export function lit(cv: ConstVal): string {
  if (typeof cv === 'string') return JSON.stringify(cv);
  if (typeof cv === 'number') return Object.is(cv, -0) ? '0' : cv < 0 ? `(${cv})` : String(cv);
  return String(cv);
}

/** JS code for the zero value of t. */
export function zero(c: Compiler, t: Type): string {
  const u = underlying(t);
  if (t.k === 'named' && t.native) return `new ${t.native}()`;
  switch (u.k) {
    case 'basic':
      return u.name === 'bool' ? 'false' : u.name === 'string' ? "''" : '0';
    case 'struct':
      return `new ${structClass(c, u)}()`;
    case 'array': {
      if (u.len > 1 << 25) throw new Unsupported(null, `unsupported: arrays of more than ${1 << 25} elements ([${u.len}]${ts(u.elem)}) are outside what gmpsim can represent`);
      const ez = zero(c, u.elem);
      if (/^(0|false|''|null)$/.test(ez)) return `new Array(${u.len}).fill(${ez})`;
      return `$L.arr(${u.len}, () => ${ez})`;
    }
    default:
      return 'null';
  }
}

/** The generated class of a struct type (fields in order; constructor args default to zero). */
export function structClass(c: Compiler, st: StructType): string {
  const t = c.types.intern(st) as StructType;
  const have = c.structCls.get(t);
  if (have) return have;
  const cls = `$S${c.decls.length}_${++c.uid}`;
  c.structCls.set(t, cls);
  const ps = t.fields.map((f) => `${f.js} = ${zero(c, f.type)}`).join(', ');
  const as = t.fields.map((f) => `this.${f.js} = ${f.js};`).join(' ');
  const cl = t.fields.map((f) => clone(c, f.type, `this.${f.js}`)).join(', ');
  c.decls.push(`class ${cls} { constructor(${ps}) { ${as} } $c() { return new ${cls}(${cl}); } }`);
  return cls;
}

/** Copy a value of type t (structs and arrays have value semantics). */
export function clone(c: Compiler, t: Type, code: string): string {
  const u = underlying(t);
  if (t.k === 'named' && t.native) return code;
  if (u.k === 'struct') return `${code}.$c()`;
  if (u.k === 'array') {
    const eu = underlying(u.elem);
    if (eu.k === 'struct' || eu.k === 'array') return `${code}.map((e) => ${clone(c, u.elem, 'e')})`;
    return `${code}.slice()`;
  }
  return code;
}

/** Does the value need a copy when assigned (a struct/array read from a location)? */
function needsCopy(v: Val): boolean {
  const u = underlying(v.t);
  return (u.k === 'struct' || u.k === 'array') && (v.mode === 'var' || v.mode === 'value') && !/^new |^\$L\.arr|^new Array/.test(v.c);
}

/** Representable check + conversion of an untyped constant to t. */
function constTo(c: Compiler, v: Val, t: Type, ctx: string): string {
  const cv = v.cv!;
  const u = underlying(t);
  const bad = (): never => c.fail(v.n, `cannot use ${describe(v)} as ${ts(t)} value in ${ctx}`);
  if (u.k === 'iface') {
    const dt = defaultType(v.t);
    return `{t: ${c.typeRef(dt)}, v: ${lit(cv)}}`;
  }
  if (u.k !== 'basic') bad();
  if (isString(t)) {
    if (typeof cv !== 'string') bad();
    return lit(cv);
  }
  if (isBoolean(t)) {
    if (typeof cv !== 'boolean') bad();
    return lit(cv);
  }
  if (typeof cv !== 'number') bad();
  if (isInteger(t)) {
    if (!Number.isInteger(cv)) {
      if (v.t === tUntypedFloat) c.fail(v.n, `cannot use ${text(v.n)} (untyped float constant) as ${ts(t)} value in ${ctx} (truncated)`);
      bad();
    }
    const r = intRange(u.k === 'basic' ? u.name : 'int');
    if ((cv as number) < r[0] || (cv as number) > r[1]) c.fail(v.n, `cannot use ${text(v.n)} (untyped ${v.t === tUntypedRune ? 'rune' : 'int'} constant${String(cv) === text(v.n) ? '' : ' ' + String(cv)}) as ${ts(t)} value in ${ctx} (overflows)`);
  }
  return lit(cv);
}

export function intRange(k: string): [number, number] {
  switch (k) {
    case 'int8':
      return [-128, 127];
    case 'int16':
      return [-32768, 32767];
    case 'int32':
    case 'untyped rune':
      return [-2147483648, 2147483647];
    case 'uint8':
      return [0, 255];
    case 'uint16':
      return [0, 65535];
    case 'uint32':
      return [0, 4294967295];
    case 'uint':
    case 'uint64':
    case 'uintptr':
      return [0, 18446744073709551615];
    default:
      return [-9223372036854775808, 9223372036854775807];
  }
}

/** Assignability (spec) of v to t. */
export function assignable(v: Val, t: Type): boolean {
  const vt = v.t;
  if (identical(vt, t)) return true;
  const tu = underlying(t);
  if (v.mode === 'nil') return tu.k === 'ptr' || tu.k === 'slice' || tu.k === 'map' || tu.k === 'chan' || tu.k === 'func' || tu.k === 'iface' || (tu.k === 'basic' && tu.name === 'unsafe.Pointer');
  if (isUntyped(vt)) {
    if (tu.k === 'iface') return tu.methods.size === 0;
    if (tu.k !== 'basic') return false;
    if (vt === tUntypedBool) return isBoolean(t);
    if (vt === tUntypedString) return isString(t);
    return isNumeric(t);
  }
  const vu = underlying(vt);
  if (identical(vu, tu) && (vt.k !== 'named' || t.k !== 'named')) return true;
  if (tu.k === 'iface') return implementsIface(vt, tu.methods).ok;
  if (vu.k === 'chan' && tu.k === 'chan' && vu.dir === 'both' && identical(vu.elem, tu.elem) && (vt.k !== 'named' || t.k !== 'named')) return true;
  return false;
}

/** Method set check: which method is missing, if any. */
export function implementsIface(t: Type, methods: Map<string, FuncType>): { ok: boolean; missing?: string; ptr?: boolean } {
  for (const [name, sig] of methods) {
    const m = findMethod(t, name);
    if (!m) {
      if (t.k === 'named' && !isIfaceType(t) && findMethod({ k: 'ptr', elem: t }, name)) return { ok: false, missing: name, ptr: true };
      return { ok: false, missing: name };
    }
    if (!identical(m.sig, sig)) return { ok: false, missing: name };
  }
  return { ok: true };
}
function isIfaceType(t: Type): boolean {
  return underlying(t).k === 'iface';
}

export interface MethodRef {
  sig: FuncType;
  /** Path of embedded fields to the receiver. */
  path: string[];
  ptrRecv: boolean;
  native: boolean;
  gen: boolean;
  fn: string;
  recvT: Type;
  iface: boolean;
}

/** Find method `name` in the method set of t (with embedding). */
export function findMethod(t: Type, name: string, depth = 0): MethodRef | null {
  if (depth > 4) return null;
  const isPtr = t.k === 'ptr';
  const base = isPtr ? t.elem : t;
  if (underlying(base).k === 'iface') {
    const sig = (underlying(base) as { methods: Map<string, FuncType> }).methods.get(name);
    return sig && !isPtr ? { sig, path: [], ptrRecv: false, native: false, gen: true, fn: '', recvT: base, iface: true } : null;
  }
  if (base.k === 'named') {
    const m = base.methods.get(name);
    if (m) {
      if (m.ptrRecv && !isPtr && depth === 0) return { sig: m.sig, path: [], ptrRecv: true, native: m.native, gen: m.gen, fn: m.fn, recvT: base, iface: false };
      return { sig: m.sig, path: [], ptrRecv: m.ptrRecv, native: m.native, gen: m.gen, fn: m.fn, recvT: base, iface: false };
    }
  }
  const u = underlying(base);
  if (u.k === 'struct') {
    for (const f of u.fields) {
      if (!f.embedded) continue;
      const r = findMethod(f.type, name, depth + 1);
      if (r) return { ...r, path: [f.js, ...r.path] };
    }
  }
  return null;
}

/** Convert v to type t for assignment/passing (boxing into interfaces, copying values). */
export function convert(c: Compiler, v: Val, t: Type, ctx: string): string {
  if (v.mode === 'tuple') c.fail(v.n, `multiple-value ${text(v.n)} (value of type ${ts({ k: 'tuple', types: v.tuple! })}) in single-value context`);
  if (v.mode === 'novalue') c.fail(v.n, `${text(v.n)} (no value) used as value`);
  if (v.mode === 'type') c.fail(v.n, `${text(v.n)} (type) is not an expression`);
  if (!assignable(v, t)) {
    const tu = underlying(t);
    if (tu.k === 'iface' && v.mode !== 'nil') {
      const r = implementsIface(v.t, tu.methods);
      c.fail(v.n, `cannot use ${describe(v)} as type ${ts(t)} in ${ctx}:\n\t${ts(v.t)} does not implement ${ts(t)} (${r.ptr ? `method ${r.missing} has pointer receiver` : `missing ${r.missing} method`})`);
    }
    if (v.mode === 'const' && isUntyped(v.t)) c.fail(v.n, `cannot use ${describe(v)} as ${ts(t)} value in ${ctx}`);
    c.fail(v.n, `cannot use ${describe(v)} as type ${ts(t)} in ${ctx}`);
  }
  if (v.mode === 'nil') return 'null';
  if (v.mode === 'const' && isUntyped(v.t)) return constTo(c, v, t, ctx);
  if (isUntyped(v.t) && v.cv === undefined && underlying(t).k !== 'iface') return wrap(t, v.c);
  const tu = underlying(t);
  if (tu.k === 'iface' && underlying(v.t).k !== 'iface') {
    const code = needsCopy(v) ? clone(c, v.t, v.c) : v.c;
    return `{t: ${c.typeRef(v.t)}, v: ${code}}`;
  }
  return needsCopy(v) ? clone(c, v.t, v.c) : v.c;
}

/** An rvalue of type-default for untyped operands (x := 1). */
export function valueOf(c: Compiler, v: Val, ctx = 'assignment'): { c: string; t: Type } {
  if (v.mode === 'nil') c.fail(v.n, `use of untyped nil in ${ctx}`);
  const t = defaultType(v.t);
  return { c: convert(c, v, t, ctx), t };
}

// ------------------------------------------------------------------ expressions

export function expr(c: Compiler, n: Node): Val {
  switch (n.name) {
    case 'Number':
      return number(c, n);
    case 'String':
      return { c: lit(stringLit(c, n)), t: tUntypedString, mode: 'const', n, cv: stringLit(c, n) };
    case 'Rune': {
      const r = runeLit(c, n);
      return { c: String(r), t: tUntypedRune, mode: 'const', n, cv: r };
    }
    case 'Bool':
    case 'Nil':
    case 'VariableName':
      return ident(c, n);
    case 'ParenthesizedExpr': {
      const v = expr(c, n.kids[0]!);
      return { ...v, c: `(${v.c})`, n };
    }
    case 'UnaryExp':
      return unary(c, n);
    case 'BinaryExp':
      return binary(c, n);
    case 'CallExpr':
    case 'Conversion':
      return call(c, n);
    case 'SelectorExpr':
      return selector(c, n);
    case 'IndexExpr':
      return index(c, n);
    case 'SliceExpr':
      return sliceExpr(c, n);
    case 'TypeAssertion':
      return assertion(c, n);
    case 'TypedLiteral':
      return composite(c, n, null);
    case 'FunctionLiteral':
      return funcLit(c, n);
    case 'SliceType':
    case 'ArrayType':
    case 'MapType':
    case 'ChannelType':
    case 'PointerType':
    case 'FunctionType':
    case 'StructType':
    case 'InterfaceType':
    case 'QualifiedType':
    case 'TypeName':
      return { c: '', t: c.resolveType(n.name === 'FunctionType' ? { ...n, name: 'FuncType' } : n), mode: 'type', n };
    case 'Imaginary':
      c.unsupported(n, 'complex numbers');
    // falls through
    default:
      c.unsupported(n, `expression ${n.name}`);
  }
}

function number(c: Compiler, n: Node): Val {
  const s = text(n).replace(/_/g, '');
  if (s.endsWith('i')) c.unsupported(n, 'complex numbers');
  let v: number;
  let t: Type = tUntypedInt;
  if (/^0[xX]/.test(s) && !/[pP]/.test(s)) v = parseInt(s.slice(2), 16);
  else if (/^0[bB]/.test(s)) v = parseInt(s.slice(2), 2);
  else if (/^0[oO]/.test(s)) v = parseInt(s.slice(2), 8);
  else if (/^0[0-7]+$/.test(s)) v = parseInt(s.slice(1), 8);
  else if (/^\d+$/.test(s)) v = Number(s);
  else {
    v = Number(s);
    t = tUntypedFloat;
  }
  if (Number.isNaN(v)) c.fail(n, `invalid number ${s}`);
  return { c: lit(v), t, mode: 'const', n, cv: v };
}

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
/** Decode a Go string literal into a byte string. */
export function stringLit(c: Compiler, n: Node): string {
  const s = text(n);
  if (s[0] === '`') return encodeUTF8(s.slice(1, -1).replace(/\r/g, ''));
  let out = '';
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      out += encodeUTF8(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
      continue;
    }
    const e = body[++i]!;
    if (escapes[e] !== undefined) out += escapes[e];
    else if (e === 'x') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      out += runeToString(parseInt(body.slice(i + 1, i + 1 + len), 16));
      i += len;
    } else if (e >= '0' && e <= '7') {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else c.fail(n, 'unknown escape sequence');
  }
  return out;
}
function runeLit(c: Compiler, n: Node): number {
  const s = text(n);
  const body = s.slice(1, -1);
  if (body[0] !== '\\') return body.codePointAt(0)!;
  const e = body[1]!;
  if (escapes[e] !== undefined) return escapes[e]!.charCodeAt(0);
  if (e === 'x' || e === 'u' || e === 'U') return parseInt(body.slice(2), 16);
  if (e >= '0' && e <= '7') return parseInt(body.slice(1), 8);
  c.fail(n, 'unknown escape sequence');
}

export function useObj(c: Compiler, o: Obj): void {
  o.used = true;
}

export function ident(c: Compiler, n: Node): Val {
  const name = text(n);
  if (name === '_') c.fail(n, 'cannot use _ as value');
  const o = c.scope.lookup(name);
  if (!o) c.fail(n, `undefined: ${name}`);
  o.used = true;
  if (o.t === tInvalid) throw new Silent(n, '');
  switch (o.kind) {
    case 'var':
      return { c: o.boxed ? `${o.js}.v` : o.js, t: o.t, mode: 'var', n };
    case 'const':
      if (name === 'iota' && o.js === '0' && c.iota < 0) c.fail(n, 'cannot use iota outside constant declaration');
      if (name === 'iota') return { c: String(c.iota), t: tUntypedInt, mode: 'const', n, cv: c.iota };
      return { c: lit(o.cv!), t: o.t, mode: 'const', n, cv: o.cv! };
    case 'type':
      return { c: '', t: o.t, mode: 'type', n };
    case 'func':
      return { c: o.js, t: o.t, mode: 'value', n };
    case 'nil':
      return { c: 'null', t: tUntypedNil, mode: 'nil', n };
    case 'pkg':
      c.fail(n, `use of package ${name} without selector`);
    // falls through
    default:
      c.fail(n, `${name} (built-in function) must be called`);
  }
}


// selector, index, slices, assertions, composites and function literals live in expr2.ts
import { selector, index, sliceExpr, assertion, composite, funcLit } from './expr2.js';
// unary and binary operators live in exprop.ts
import { unary, binary, wrap } from './exprop.js';
import { encodeUTF8, runeToString } from './rt/strings.js';
export { wrap };

setConstHook((c, n) => {
  const v = expr(c, n);
  return v.cv;
});

export { tBool, tInt, tInt32, tFloat64, tString, basic, tError };
export type { NamedType };
