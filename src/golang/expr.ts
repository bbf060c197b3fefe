/**
 * Expressions: type-check and emit JavaScript at once. `expr(c, n)` returns a `Val`: the JS code,
 * the Go type, and the constant value for constant expressions (folded at compile time).
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import { Compiler, type ConstVal, type Obj, setConstHook, tError } from './core.js';
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
  isUnsigned,
  isFloat,
  isNumeric,
  isString,
  isBoolean,
  defaultType,
  identical,
  typeString,
  comparable,
} from './types.js';
import { encodeUTF8, runeToString } from './lib.js';
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
    if ((cv as number) < r[0] || (cv as number) > r[1]) c.fail(v.n, `cannot use ${text(v.n)} (untyped ${v.t === tUntypedRune ? 'rune' : 'int'} constant ${cv}) as ${ts(t)} value in ${ctx} (overflows)`);
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
      c.fail(v.n, `cannot use ${describe(v)} as type ${ts(t)} in ${ctx}:\n\t${ts(v.t)} does not implement ${ts(t)} (${r.ptr ? `method ${r.missing} has pointer receiver` : `missing method ${r.missing}`})`);
    }
    if (v.mode === 'const' && isUntyped(v.t)) c.fail(v.n, `cannot use ${describe(v)} as ${ts(t)} value in ${ctx}`);
    c.fail(v.n, `cannot use ${describe(v)} as type ${ts(t)} in ${ctx}`);
  }
  if (v.mode === 'nil') return 'null';
  if (v.mode === 'const' && isUntyped(v.t)) return constTo(c, v, t, ctx);
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
  switch (o.kind) {
    case 'var':
      return { c: o.boxed ? `${o.js}.v` : o.js, t: o.t, mode: 'var', n };
    case 'const':
      if (name === 'iota' && o.js === '0' && iotaVal < 0) c.fail(n, 'cannot use iota outside constant declaration');
      if (name === 'iota') return { c: String(iotaVal), t: tUntypedInt, mode: 'const', n, cv: iotaVal };
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

/** The iota of the ConstSpec being compiled (−1 outside). */
export let iotaVal = -1;
export function setIota(v: number): void {
  iotaVal = v;
}

function unary(c: Compiler, n: Node): Val {
  const op = text(n.kids[0]!);
  const xn = n.kids[1]!;
  c.ops++;
  if (op === '&') {
    // &T{...} or &x
    const inner = xn.name === 'ParenthesizedExpr' ? xn.kids[0]! : xn;
    if (inner.name === 'TypedLiteral') {
      const v = composite(c, inner, null);
      const u = underlying(v.t);
      const pt = c.types.intern({ k: 'ptr', elem: v.t });
      if (u.k === 'struct' || (v.t.k === 'named' && v.t.native)) return { c: v.c, t: pt, mode: 'value', n };
      return { c: `new $L.Box(${v.c})`, t: pt, mode: 'value', n };
    }
    return addressOf(c, inner, n);
  }
  if (op === '<-') {
    const v = expr(c, xn);
    const u = underlying(v.t);
    if (u.k !== 'chan') c.fail(n, `invalid operation: cannot receive from non-channel ${describe(v)}`);
    if (u.dir === 'send') c.fail(n, `invalid operation: cannot receive from send-only channel ${describe(v)}`);
    const z = zero(c, u.elem);
    const r = `(yield* $op({k: 6, ch: ${v.c}}))`;
    return { c: `$L.rz(${r}, ${z})[0]`, t: u.elem, mode: 'value', n, ok2: `$L.rz(${r}, ${z})` };
  }
  if (op === '*') {
    const v = expr(c, xn);
    if (v.mode === 'type') return { c: '', t: c.types.intern({ k: 'ptr', elem: v.t }), mode: 'type', n };
    const u = underlying(v.t);
    if (u.k !== 'ptr') c.fail(n, `invalid operation: cannot indirect ${describe(v)}`);
    const eu = underlying(u.elem);
    if (eu.k === 'struct' || (u.elem.k === 'named' && u.elem.native)) return { c: `$L.nn(${v.c})`, t: u.elem, mode: 'var', n };
    return { c: `$L.deref(${v.c})`, t: u.elem, mode: 'var', n };
  }
  const v = expr(c, xn);
  if (v.mode === 'type') c.fail(n, `${text(xn)} (type) is not an expression`);
  if (op === '!') {
    if (!isBoolean(v.t)) c.fail(n, `invalid operation: operator ! not defined on ${describe(v)}`);
    if (v.cv !== undefined) return { c: String(!v.cv), t: v.t, mode: 'const', n, cv: !v.cv };
    return { c: `!${v.c}`, t: v.t, mode: 'value', n };
  }
  if (!isNumeric(v.t)) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(v)}`);
  if (v.cv !== undefined) {
    const x = v.cv as number;
    const r = op === '-' ? -x : op === '+' ? x : isUnsigned(v.t) ? intRange(ts(underlying(v.t)))[1] - x : -x - 1;
    return { c: lit(r), t: v.t, mode: 'const', n, cv: r };
  }
  if (op === '+') return { ...v, mode: 'value', n };
  if (op === '-') return { c: wrap(v.t, `(-${v.c})`), t: v.t, mode: 'value', n };
  return { c: wrap(v.t, `$L.bnot(${v.c})`), t: v.t, mode: 'value', n };
}

/** &x: the pointer to a variable / field / element. */
function addressOf(c: Compiler, xn: Node, n: Node): Val {
  const v = expr(c, xn);
  if (v.mode !== 'var') c.fail(n, `invalid operation: cannot take address of ${describe(v)}`);
  const pt = c.types.intern({ k: 'ptr', elem: v.t });
  const u = underlying(v.t);
  if (u.k === 'struct' || (v.t.k === 'named' && v.t.native)) return { c: v.c, t: pt, mode: 'value', n };
  if (xn.name === 'VariableName') {
    const o = c.scope.lookup(text(xn))!;
    if (!o.boxed) c.fail(n, `gmpsim internal: variable ${o.name} not boxed`);
    return { c: o.js, t: pt, mode: 'value', n };
  }
  if (xn.name === 'SelectorExpr') {
    const base = v.c.slice(0, v.c.lastIndexOf('.'));
    const f = v.c.slice(v.c.lastIndexOf('.') + 1);
    return { c: `$L.ref(${base}, ${JSON.stringify(f)})`, t: pt, mode: 'value', n };
  }
  if (xn.name === 'IndexExpr') {
    const b = expr(c, xn.kids[0]!);
    const i = convert(c, expr(c, xn.kids[1]!), tInt, 'index');
    if (underlying(b.t).k === 'slice') return { c: `$L.refIndex(${b.c}, ${i})`, t: pt, mode: 'value', n };
    return { c: `$L.refArr(${b.c}, ${i})`, t: pt, mode: 'value', n };
  }
  if (v.c.startsWith('$L.deref(')) return { c: v.c.slice(9, -1), t: pt, mode: 'value', n };
  c.unsupported(n, 'taking the address of this expression');
}

/** Wrap integer results to the width of t. */
export function wrap(t: Type, code: string): string {
  const u = underlying(t);
  if (u.k !== 'basic') return code;
  switch (u.name) {
    case 'int8':
      return `((${code}) << 24 >> 24)`;
    case 'int16':
      return `((${code}) << 16 >> 16)`;
    case 'int32':
      return `((${code}) | 0)`;
    case 'uint8':
      return `((${code}) & 255)`;
    case 'uint16':
      return `((${code}) & 65535)`;
    case 'uint32':
      return `((${code}) >>> 0)`;
    case 'int':
    case 'int64':
      return `$L.w64(${code})`;
    case 'uint':
    case 'uint64':
    case 'uintptr':
      return `$L.wu64(${code})`;
    default:
      return code;
  }
}

function foldBin(op: string, a: ConstVal, b: ConstVal, intDiv: boolean): ConstVal {
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '+':
      return typeof a === 'string' ? a + (b as string) : x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return intDiv ? Math.trunc(x / y) : x / y;
    case '%':
      return x % y;
    case '<<':
      return x * 2 ** y;
    case '>>':
      return Math.floor(x / 2 ** y);
    case '&':
      return Number(BigInt(x) & BigInt(y));
    case '|':
      return Number(BigInt(x) | BigInt(y));
    case '^':
      return Number(BigInt(x) ^ BigInt(y));
    case '&^':
      return Number(BigInt(x) & ~BigInt(y));
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '&&':
      return (a as boolean) && (b as boolean);
    case '||':
      return (a as boolean) || (b as boolean);
  }
  return 0;
}

const rank: Record<string, number> = { 'untyped int': 1, 'untyped rune': 2, 'untyped float': 3 };

function binary(c: Compiler, n: Node): Val {
  const [an, opn, bn] = n.kids as [Node, Node, Node];
  const op = text(opn);
  let a = expr(c, an);
  let b = expr(c, bn);
  c.ops++;
  for (const v of [a, b]) {
    if (v.mode === 'type') c.fail(v.n, `${text(v.n)} (type) is not an expression`);
    if (v.mode === 'tuple') c.fail(v.n, `multiple-value ${text(v.n)} (value of type ${ts({ k: 'tuple', types: v.tuple! })}) in single-value context`);
    if (v.mode === 'novalue') c.fail(v.n, `${text(v.n)} (no value) used as value`);
  }
  const src = text(n);
  if (op === '<<' || op === '>>') {
    if (!isInteger(b.t) && !(b.cv !== undefined && Number.isInteger(b.cv))) c.fail(bn, `invalid operation: shift count ${describe(b)} must be integer`);
    if (a.cv !== undefined && b.cv !== undefined) {
      const r = foldBin(op, a.cv, b.cv, true);
      return { c: lit(r), t: a.t === tUntypedFloat ? tUntypedInt : a.t, mode: 'const', n, cv: r };
    }
    const at = isUntyped(a.t) ? tInt : a.t;
    const ac = isUntyped(a.t) ? convert(c, a, tInt, 'shift') : a.c;
    const bc = b.cv !== undefined ? lit(b.cv) : b.c;
    return { c: wrap(at, op === '<<' ? `$L.shl(${ac}, ${bc})` : `$L.shr(${ac}, ${bc})`), t: at, mode: 'value', n };
  }
  if (op === '&&' || op === '||') {
    if (!isBoolean(a.t) || !isBoolean(b.t)) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(isBoolean(a.t) ? b : a)}`);
    if (a.cv !== undefined && b.cv !== undefined) {
      const r = foldBin(op, a.cv, b.cv, false);
      return { c: lit(r), t: a.t, mode: 'const', n, cv: r };
    }
    return { c: `(${a.c} ${op} ${b.c})`, t: isUntyped(a.t) ? b.t : a.t, mode: 'value', n };
  }
  // operand types: untyped operands take the other's type
  let t: Type;
  if (a.mode === 'nil' || b.mode === 'nil') {
    const other = a.mode === 'nil' ? b : a;
    if (op !== '==' && op !== '!=') c.fail(n, `invalid operation: operator ${op} not defined on nil`);
    if (!assignable(a.mode === 'nil' ? a : b, other.t) || other.mode === 'nil') c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
    return { c: `(${other.c} ${op === '==' ? '===' : '!=='} null)`, t: tUntypedBool, mode: 'value', n };
  }
  if (isUntyped(a.t) && isUntyped(b.t)) {
    t = (rank[(a.t as { name: string }).name] ?? 0) >= (rank[(b.t as { name: string }).name] ?? 0) ? a.t : b.t;
  } else if (isUntyped(a.t)) t = b.t;
  else if (isUntyped(b.t)) t = a.t;
  else t = a.t;
  const cmp = op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=';
  const ifaceMix = cmp && (op === '==' || op === '!=') && (underlying(a.t).k === 'iface') !== (underlying(b.t).k === 'iface');
  if (!ifaceMix) {
    if (isUntyped(a.t) && !isUntyped(t)) {
      if (!assignable(a, t)) c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
      a = { ...a, c: convert(c, a, t, 'operand'), t };
    }
    if (isUntyped(b.t) && !isUntyped(t)) {
      if (!assignable(b, t)) c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
      b = { ...b, c: convert(c, b, t, 'operand'), t };
    }
    if (!identical(a.t, b.t)) c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
  }
  const intDiv = isInteger(t);
  if (a.cv !== undefined && b.cv !== undefined) {
    if ((op === '/' || op === '%') && b.cv === 0) c.fail(n, 'invalid operation: division by zero');
    const r = foldBin(op, a.cv, b.cv, intDiv && t !== tUntypedFloat);
    return { c: lit(r), t: cmp ? tUntypedBool : t, mode: 'const', n, cv: r };
  }
  const u = underlying(t);
  if (cmp) {
    if (op === '==' || op === '!=') {
      if (ifaceMix) {
        const [iv, cv] = underlying(a.t).k === 'iface' ? [a, b] : [b, a];
        const boxed = convert(c, cv, iv.t, 'comparison');
        return { c: `${op === '!=' ? '!' : ''}$L.equal(${iv.c}, ${boxed})`, t: tUntypedBool, mode: 'value', n };
      }
      if (!comparable(t)) c.fail(n, `invalid operation: ${src} (${ts(t)} cannot be compared)`);
      if (u.k === 'struct' || u.k === 'array' || u.k === 'iface') return { c: `${op === '!=' ? '!' : ''}$L.equal(${a.c}, ${b.c})`, t: tUntypedBool, mode: 'value', n };
      return { c: `(${a.c} ${op}= ${b.c})`, t: tUntypedBool, mode: 'value', n };
    }
    if (!(isNumeric(t) || isString(t))) c.fail(n, `invalid operation: ${src} (operator ${op} not defined on ${ts(t)})`);
    return { c: `(${a.c} ${op} ${b.c})`, t: tUntypedBool, mode: 'value', n };
  }
  // arithmetic
  if (op === '+' && isString(t)) return { c: `(${a.c} + ${b.c})`, t, mode: 'value', n };
  if (!isNumeric(t)) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(a)}`);
  if ((op === '%' || op === '&' || op === '|' || op === '^' || op === '&^') && !isInteger(t)) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(a)}`);
  if (b.cv === 0 && (op === '/' || op === '%') && isInteger(t)) c.fail(n, 'invalid operation: division by zero');
  let code: string;
  switch (op) {
    case '/':
      code = intDiv ? (b.cv !== undefined ? `Math.trunc(${a.c} / ${b.c})` : `$L.idiv(${a.c}, ${b.c})`) : `(${a.c} / ${b.c})`;
      break;
    case '%':
      code = b.cv !== undefined ? `(${a.c} % ${b.c})` : `$L.imod(${a.c}, ${b.c})`;
      break;
    case '&':
      code = `$L.band(${a.c}, ${b.c})`;
      break;
    case '|':
      code = `$L.bor(${a.c}, ${b.c})`;
      break;
    case '^':
      code = `$L.bxor(${a.c}, ${b.c})`;
      break;
    case '&^':
      code = `$L.bandnot(${a.c}, ${b.c})`;
      break;
    case '*':
      code = u.k === 'basic' && (u.name === 'int32' || u.name === 'uint32') ? `Math.imul(${a.c}, ${b.c})` : `(${a.c} * ${b.c})`;
      break;
    default:
      code = `(${a.c} ${op} ${b.c})`;
  }
  if (isInteger(t) && op !== '/' && op !== '%') code = wrap(t, code);
  if (u.k === 'basic' && u.name === 'float32') code = `Math.fround(${code})`;
  return { c: code, t, mode: 'value', n };
}

// selector, index, slices, assertions, composites and function literals live in expr2.ts
import { selector, index, sliceExpr, assertion, composite, funcLit } from './expr2.js';

setConstHook((c, n) => {
  const v = expr(c, n);
  return v.cv;
});

export { tBool, tInt, tInt32, tFloat64, tString, basic, tError };
export type { NamedType };
