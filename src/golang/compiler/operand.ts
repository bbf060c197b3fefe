/**
 * Operands and what the compiler knows of them: the JavaScript code of a value, its Go type and
 * constant value (`Val`, core.ts), and the rules that do not recurse into expressions —
 * assignability, interface satisfaction, method and field lookup with embedding, conversion of a
 * value for assignment (boxing into interfaces, copying structs and arrays, untyped constants to
 * their type with Go's representability errors), zero values, struct classes, integer wrapping.
 * Every other compiler module uses these; this one uses none of them (no import cycle).
 */
import { text } from './syntax.js';
import { exprString } from './exprstring.js';
import { libCallNs } from '../cost.js';
import { Complex } from '../rt/complex.js';
import { type Compiler, type ConstVal, type FuncCtx, type Val, isIntConst, numOf } from '../core.js';
import {
  type Type,
  type StructType,
  type FuncType,
  tUntypedFloat,
  tUntypedRune,
  tRuneAlias,
  tUntypedString,
  tUntypedBool,
  underlying,
  sizeOf,
  isUntyped,
  isInteger,
  isNumeric,
  isString,
  isBoolean,
  isComplex,
  defaultType,
  identical,
  typeString,
} from '../types.js';

export function ts(t: Type): string {
  return typeString(t, false);
}

/**
 * How the type checker describes an operand in messages (types2 operandString): the expression as
 * its printer writes it (exprstring.ts) and what it is, `a + b (value of type int)`; go1.26 also
 * names the structure of a named type (`t (variable of struct type T)`, `m (variable of int type
 * MyInt)`: VersionProfile.typeCheckerMessages).
 */
export function describe(c: Compiler, v: Val): string {
  const src = exprString(v.n);
  if (v.mode === 'const' && isUntyped(v.t)) {
    // go/types operandString: the value follows when it reads otherwise than the expression (`'c' -
    // 'a' (untyped rune constant 2)`); here for integers and booleans, whose text is go/constant's
    const val = (typeof v.cv === 'number' && Number.isSafeInteger(v.cv)) || typeof v.cv === 'boolean' ? String(v.cv) : v.cv instanceof Complex ? constText(v.cv) : src;
    return `${src} (${v.t.k === 'basic' ? v.t.name : ''} constant${val !== src ? ' ' + val : ''})`;
  }
  if (v.mode === 'const') return `${src} (constant ${constText(v.cv!)} of ${typeKind(c, v.t)}type ${ts(v.t)})`;
  if (v.mode === 'nil') return 'nil';
  const tp = v.t.k === 'named' && v.t.tparamOf !== undefined ? ` constrained by ${v.t.tparamOf}` : '';
  return `${src} (${v.mode === 'var' ? 'variable' : 'value'} of ${typeKind(c, v.t)}type ${ts(v.t)}${tp})`;
}

/** go1.26 operandString's description of a named type's structure ("struct ", "int "), or "". */
function typeKind(c: Compiler, t: Type): string {
  if (c.lang.typeCheckerMessages !== '1.26' || t.k !== 'named' || t.tparamOf !== undefined) return '';
  const u = underlying(t);
  switch (u.k) {
    case 'basic':
      return `${u.name} `;
    case 'iface':
      return 'interface ';
    case 'ptr':
      return 'pointer ';
    case 'func':
      return 'func ';
    default:
      return `${u.k} `;
  }
}
function constText(cv: ConstVal): string {
  if (cv instanceof Complex) return `(${cv.re} + ${cv.im}i)`;
  return typeof cv === 'string' ? JSON.stringify(cv) : String(cv);
}

/** A number's JS literal (-0 as 0: Go constants have no negative zero). */
function numLit(x: number): string {
  return Object.is(x, -0) ? '0' : x < 0 ? `(${x})` : String(x);
}

export function lit(cv: ConstVal): string {
  if (typeof cv === 'string') return JSON.stringify(cv);
  if (cv instanceof Complex) return `$L.cx(${numLit(cv.re)}, ${numLit(cv.im)})`;
  if (typeof cv === 'number') return Object.is(cv, -0) ? '0' : cv < 0 ? `(${cv})` : String(cv);
  // an integer constant beyond 2^53: a bigint, as a 64-bit integer kind's value is (rt/integers.ts);
  // constTo gives a float type its double
  if (typeof cv === 'bigint') return cv >= -9007199254740991n && cv <= 9007199254740991n ? lit(Number(cv)) : cv < 0n ? `(${cv}n)` : `${cv}n`;
  return String(cv);
}

/**
 * A constant's code as a value of type t: an integer value of a 64-bit kind held as a double beyond
 * 2^53 (a float constant such as 1e18 converted to int64) is written as the bigint it is exactly
 * (rt/integers.ts: one representation per value).
 */
export function litOf(cv: ConstVal, t: Type): string {
  if (typeof cv === 'number' && Number.isInteger(cv) && !Number.isSafeInteger(cv) && isInteger(t)) return lit(BigInt(cv));
  return lit(cv);
}

/** JS code for the zero value of t. */
export function zero(c: Compiler, t: Type): string {
  const u = underlying(t);
  if (t.k === 'named' && t.native) return `new ${t.native}()`;
  switch (u.k) {
    case 'basic':
      return u.name === 'bool' ? 'false' : u.name === 'string' ? "''" : isComplex(u) ? '$L.cx(0, 0)' : '0';
    case 'struct':
      return `new ${structClass(c, u)}()`;
    case 'array': {
      const ez = zero(c, u.elem);
      // beyond rt/slices.ts maxSliceElems: elements made on first access
      if (u.len > 1 << 25) return `$L.bigArr(${u.len}, () => ${ez})`;
      if (/^(0|false|''|null)$/.test(ez)) return `new Array(${u.len}).fill(${ez})`;
      return `$L.arr(${u.len}, () => ${ez})`;
    }
    default:
      return 'null';
  }
}

/**
 * A function making a fresh zero value of t, declared once per type and program (`$z<N>`): a call
 * site that needs zeros (append's spare capacity, make, clear) passes it instead of allocating a
 * closure on every call.
 */
export function zeroMaker(c: Compiler, t: Type): string {
  const key = c.types.intern(t);
  const have = c.zeroFns.get(key);
  if (have) return have;
  const name = `$z${c.decls.length}_${++c.uid}`;
  c.zeroFns.set(key, name);
  c.decls.push(`const ${name} = () => ${zero(c, t)};`);
  return name;
}

/** The generated class of a struct type (fields in order; constructor args default to zero). */
export function structClass(c: Compiler, st: StructType): string {
  const t = c.types.intern(st) as StructType;
  const have = c.structCls.get(t);
  if (have) return have;
  const cls = `$S${c.decls.length}_${++c.uid}`;
  c.structCls.set(t, cls);
  // parameters are named by position: a field may be named like a JS reserved word (`in`)
  const ps = t.fields.map((f, i) => `$${i} = ${zero(c, f.type)}`).join(', ');
  const as = t.fields.map((f, i) => `this.${f.js} = $${i};`).join(' ');
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
  const bad = (): never => c.fail(v.n, `cannot use ${describe(c, v)} as ${ts(t)} value in ${ctx}`);
  if (u.k === 'iface') {
    // the constant becomes a value of its default type first: it must be representable there
    const dt = defaultType(v.t);
    if (isInteger(dt) && isIntConst(cv)) constTo(c, v, v.t === tUntypedRune ? tRuneAlias : dt, ctx);
    return `{t: ${c.typeRef(dt)}, v: ${lit(isInteger(dt) ? cv : typeof cv === 'bigint' ? Number(cv) : cv)}}`;
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
  if (isComplex(t)) {
    if (typeof cv !== 'number' && typeof cv !== 'bigint' && !(cv instanceof Complex)) bad();
    const z = cv instanceof Complex ? cv : new Complex(numOf(cv), 0);
    return lit(u.k === 'basic' && u.name === 'complex64' ? new Complex(Math.fround(z.re), Math.fround(z.im)) : z);
  }
  // a complex constant with no imaginary part is representable by integer and float types
  if (cv instanceof Complex) {
    if (cv.im !== 0) c.fail(v.n, `cannot use ${text(v.n)} (untyped complex constant${constText(cv) === text(v.n) ? '' : ' ' + constText(cv)}) as ${ts(t)} value in ${ctx} (truncated)`);
    return constTo(c, { ...v, cv: cv.re, t: Number.isInteger(cv.re) ? v.t : tUntypedFloat }, t, ctx);
  }
  if (typeof cv !== 'number' && typeof cv !== 'bigint') bad();
  if (isInteger(t)) {
    if (!isIntConst(cv)) {
      if (v.t === tUntypedFloat) c.fail(v.n, `cannot use ${text(v.n)} (untyped float constant) as ${ts(t)} value in ${ctx} (truncated)`);
      bad();
    }
    const r = intRange(u.k === 'basic' ? u.name : 'int');
    if ((cv as number | bigint) < r[0] || (cv as number | bigint) > r[1]) c.fail(v.n, `cannot use ${text(v.n)} (untyped ${v.t === tUntypedRune ? 'rune' : 'int'} constant${String(cv) === text(v.n) ? '' : ' ' + String(cv)}) as ${ts(t)} value in ${ctx} (overflows)`);
  }
  // a constant becomes a float32 value rounded to float32 (go/types representable: roundFloat32)
  if (u.k === 'basic' && u.name === 'float32') return lit(Math.fround(numOf(cv)));
  return isInteger(t) ? litOf(cv, t) : lit(numOf(cv));
}

export function intRange(k: string): [bigint, bigint] {
  switch (k) {
    case 'int8':
      return [-128n, 127n];
    case 'int16':
      return [-32768n, 32767n];
    case 'int32':
    case 'untyped rune':
      return [-2147483648n, 2147483647n];
    case 'uint8':
      return [0n, 255n];
    case 'uint16':
      return [0n, 65535n];
    case 'uint32':
      return [0n, 4294967295n];
    case 'uint':
    case 'uint64':
    case 'uintptr':
      return [0n, 18446744073709551615n];
    default:
      return [-9223372036854775808n, 9223372036854775807n];
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
    // a T value's method set lacks *T's methods (findMethod finds them for addressable calls `t.M()`)
    // unless an embedded pointer promotes them (the rule program.ts's method tables follow)
    if (m.ptrRecv && t.k !== 'ptr' && !m.lastPtr && !m.iface) return { ok: false, missing: name, ptr: true };
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
  /** Promoted through embedded fields: the last embedded field is a pointer (*T), not a T value. */
  lastPtr?: boolean;
  /** A library method added by this Go release (MethodInfo.since). */
  since?: string;
  /** A native method called with the run's Process as its last argument (MethodInfo.proc). */
  proc?: boolean;
  /** The stand-in receiver for nil (MethodInfo.nilRecv). */
  nilRecv?: string;
}

/** Go release a ≥ release b ("1.26" ≥ "1.25"). */
export function releaseAtLeast(a: string, b: string): boolean {
  const minor = (r: string): number => Number(r.split('.')[1]);
  return minor(a) >= minor(b);
}
/** findMethod as the compilation's release sees it: a library method added later is missing. */
export function findMethodIn(c: Compiler, t: Type, name: string): MethodRef | null {
  const m = findMethod(t, name);
  return m && m.since !== undefined && !releaseAtLeast(c.release, m.since) ? null : m;
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
      const since = { ...(m.since !== undefined ? { since: m.since } : {}), ...(m.proc ? { proc: true } : {}) };
      const nilRecv = m.nilRecv !== undefined ? { nilRecv: m.nilRecv } : {};
      if (m.ptrRecv && !isPtr && depth === 0) return { sig: m.sig, path: [], ptrRecv: true, native: m.native, gen: m.gen, fn: m.fn, recvT: base, iface: false, ...since, ...nilRecv };
      return { sig: m.sig, path: [], ptrRecv: m.ptrRecv, native: m.native, gen: m.gen, fn: m.fn, recvT: base, iface: false, ...since, ...nilRecv };
    }
  }
  const u = underlying(base);
  if (u.k === 'struct') {
    for (const f of u.fields) {
      if (!f.embedded) continue;
      const r = findMethod(f.type, name, depth + 1);
      if (r) return { ...r, path: [f.js, ...r.path], lastPtr: r.path.length === 0 ? f.type.k === 'ptr' : r.lastPtr };
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
      // go1.19 lookup.go missingMethodReason: "(M method has pointer receiver)", "(missing M method)";
      // go1.26: "(method M has pointer receiver)", "(missing method M)", on the same line
      if (c.lang.typeCheckerMessages === '1.26') c.fail(v.n, `cannot use ${describe(c, v)} as ${ts(t)} value in ${ctx}: ${ts(v.t)} does not implement ${ts(t)} (${r.ptr ? `method ${r.missing} has pointer receiver` : `missing method ${r.missing}`})`);
      c.fail(v.n, `cannot use ${describe(c, v)} as type ${ts(t)} in ${ctx}:\n\t${ts(v.t)} does not implement ${ts(t)} (${r.ptr ? `${r.missing} method has pointer receiver` : `missing ${r.missing} method`})`);
    }
    if ((v.mode === 'const' && isUntyped(v.t)) || c.lang.typeCheckerMessages === '1.26') c.fail(v.n, `cannot use ${describe(c, v)} as ${ts(t)} value in ${ctx}`);
    c.fail(v.n, `cannot use ${describe(c, v)} as type ${ts(t)} in ${ctx}`);
  }
  if (v.mode === 'nil') return 'null';
  if (v.mode === 'const' && isUntyped(v.t)) return constTo(c, v, t, ctx);
  if (isUntyped(v.t) && v.cv === undefined && underlying(t).k !== 'iface') return wrap(t, v.c);
  const tu = underlying(t);
  if (tu.k === 'iface' && underlying(v.t).k !== 'iface') {
    const code = needsCopy(v) ? clone(c, v.t, v.c) : v.c;
    return `{t: ${c.typeRef(v.t)}, v: ${v.mode === 'const' ? code : boxed(isUntyped(v.t) ? defaultType(v.t) : v.t, code)}}`;
  }
  return needsCopy(v) ? clone(c, v.t, v.c) : v.c;
}

/** A type whose values an interface holds in its data word (isdirectiface): pointer-shaped. */
function directIface(t: Type): boolean {
  const u = underlying(t);
  switch (u.k) {
    case 'ptr':
    case 'map':
    case 'chan':
    case 'func':
      return true;
    case 'basic':
      return u.name === 'unsafe.Pointer';
    case 'struct':
      return u.fields.length === 1 && directIface(u.fields[0]!.type);
    case 'array':
      return u.len === 1 && directIface(u.elem);
    default:
      return false;
  }
}

/**
 * A non-constant value of type t boxed into an interface: what runtime/iface.go's convT* allocate,
 * counted as the value is boxed (rt/malloc.ts box*; a convT call is a call: `$k++`).
 */
function boxed(t: Type, code: string): string {
  if (directIface(t)) return code;
  const size = sizeOf(t);
  if (size === 0) return code;
  const u = underlying(t);
  if (u.k === 'basic') {
    switch (u.name) {
      case 'bool':
      case 'int8':
      case 'uint8':
        return code; // staticuint64s: every one-byte value is there
      case 'int16':
      case 'uint16':
      case 'int32':
      case 'uint32':
      case 'int':
      case 'int64':
      case 'uint':
      case 'uint64':
      case 'uintptr':
        return `($k++, $L.boxInt(${code}, ${size}))`;
      case 'float32':
      case 'float64':
        return `($k++, $L.boxFloat(${code}, ${size}))`;
      case 'string':
        return `($k++, $L.boxString(${code}))`;
    }
  }
  if (u.k === 'slice') return `($k++, $L.boxSlice(${code}))`;
  return `($k++, $A.b += ${size}, ${code})`;
}

/** An rvalue of type-default for untyped operands (x := 1). */
export function valueOf(c: Compiler, v: Val, ctx = 'assignment'): { c: string; t: Type } {
  if (v.mode === 'nil') c.fail(v.n, `use of untyped nil in ${ctx}`);
  const t = defaultType(v.t);
  return { c: convert(c, v, t, ctx), t };
}

/** Which 64-bit integer kind t is (rt/integers.ts: a number while safe, a bigint beyond), if any. */
export function kind64(t: Type): 'signed' | 'unsigned' | null {
  const u = underlying(t);
  if (u.k !== 'basic') return null;
  switch (u.name) {
    case 'int':
    case 'int64':
      return 'signed';
    case 'uint':
    case 'uint64':
    case 'uintptr':
      return 'unsigned';
    default:
      return null;
  }
}

const ops64: Record<string, readonly [string, string]> = {
  '+': ['add64', 'addu64'],
  '-': ['sub64', 'subu64'],
  '*': ['mul64', 'mulu64'],
  '/': ['div64', 'divu64'],
  '%': ['mod64', 'mod64'],
  '&': ['band', 'band'],
  '|': ['bor', 'bor'],
  '^': ['bxor', 'bxor'],
  '&^': ['bandnot', 'bandnot'],
};
/**
 * a op b on integer type t, wrapped to t. The 64-bit kinds call rt/integers.ts's checked functions
 * (their results are wrapped and canonical); the smaller kinds stay JS number operators with a
 * `|0`-style wrap (Math.imul for the 32-bit products, exact where a double product is not).
 */
export function intBinary(t: Type, op: string, a: string, b: string, bConst?: number): string {
  const k = kind64(t);
  if (k !== null) return `$L.${ops64[op]![k === 'signed' ? 0 : 1]}(${a}, ${b})`;
  const u = underlying(t);
  const name = u.k === 'basic' ? u.name : '';
  switch (op) {
    case '/':
      return wrap(t, bConst !== undefined && bConst !== 0 && bConst !== -1 ? `Math.trunc(${a} / ${b})` : `$L.idiv(${a}, ${b})`);
    case '%':
      return bConst !== undefined && bConst !== 0 ? `(${a} % ${b} + 0)` : `$L.imod(${a}, ${b})`;
    case '&':
      return wrap(t, `(${a} & ${b})`);
    case '|':
      return wrap(t, `(${a} | ${b})`);
    case '^':
      return wrap(t, `(${a} ^ ${b})`);
    case '&^':
      return wrap(t, `(${a} & ~${b})`);
    case '*':
      return name === 'int32' || name === 'uint32' ? wrap(t, `Math.imul(${a}, ${b})`) : wrap(t, `(${a} * ${b})`);
    default:
      return wrap(t, `(${a} ${op} ${b})`);
  }
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
    case 'complex64':
      return `$L.c64(${code})`;
    default:
      return code;
  }
}

/**
 * The field indices leading to field `name` of t's struct (or *struct), through embedded fields:
 * breadth-first, so the shallowest field wins as the spec's selector rule says (lookupFieldOrMethod);
 * an embedded type already searched at a shallower depth is not searched again (cycles through *T).
 */
export function fieldIndexPath(t: Type, name: string): number[] | null {
  let level: { t: Type; path: number[] }[] = [{ t, path: [] }];
  const seen = new Set<Type>();
  while (level.length > 0) {
    const next: { t: Type; path: number[] }[] = [];
    for (const { t: lt, path } of level) {
      let u = underlying(lt);
      if (u.k === 'ptr') u = underlying(u.elem);
      if (u.k !== 'struct') continue;
      const i = u.fields.findIndex((f) => f.name === name);
      if (i >= 0) return [...path, i];
      u.fields.forEach((f, j) => {
        if (!f.embedded) return;
        const et = f.type.k === 'ptr' ? f.type.elem : f.type;
        if (seen.has(et)) return;
        seen.add(et);
        next.push({ t: f.type, path: [...path, j] });
      });
    }
    level = next;
  }
  return null;
}

/** Find a field (with embedding): JS path. */
export function findField(t: Type, name: string): { path: string[]; t: Type } | null {
  const idx = fieldIndexPath(t, name);
  if (!idx) return null;
  const path: string[] = [];
  let ft = t;
  for (const i of idx) {
    let u = underlying(ft);
    if (u.k === 'ptr') u = underlying(u.elem);
    const f = (u as StructType).fields[i]!;
    path.push(f.js);
    ft = f.type;
  }
  return { path, t: ft };
}

export function complexKey(t: Type): boolean {
  const u = underlying(t);
  // float and complex keys too: NaN keys are all different (alg.ts mapKey)
  return u.k === 'struct' || u.k === 'array' || u.k === 'iface' || isComplex(u) || (u.k === 'basic' && (u.name === 'float32' || u.name === 'float64'));
}

/** JS code calling method m on the receiver code `recv` (already evaluated) with arg code. */
export function methodCallCode(c: Compiler, x: Val, m: ReturnType<typeof findMethod> & object, name: string, recv: string, args: string): string {
  let r = recv;
  for (const p of m.path) r = `${r}.${p}`;
  const sep = args === '' ? '' : ', ';
  if (m.iface) {
    // the receiver is read twice (dynamic type, data word): evaluate it once (`i.a().a(i.b())`)
    if (/^[\w$]+$/.test(r)) return `(yield* ${r}.t.$m.${name}(${r}.v${sep}${args}))`;
    return `(yield* $L.icall(${r}, ${JSON.stringify(name)}${sep}${args}))`;
  }
  if (m.native) {
    // what the library's method costs (cost.ts libCallNs: strings.Builder's writes…)
    const rt = m.recvT;
    if (rt.k === 'named') c.charge(libCallNs(c.cpu, `${rt.pkg}.${rt.name}`, name, 0));
    // a method Go defines for a nil receiver: the stand-in answers (`nilRecv`)
    const recv = m.nilRecv !== undefined && m.path.length === 0 ? `(${r} ?? ${m.nilRecv})` : r;
    const call = `${recv}.${name}(${m.proc ? `${args}${sep}$proc` : args})`;
    return m.gen ? `(yield* ${call})` : call;
  }
  if (!m.gen) return `${m.fn}(${underlying(x.t).k === 'ptr' && m.path.length === 0 ? `$L.deref(${r})` : r}${sep}${args})`;
  // user method: value receivers get a copy
  const recvT = m.recvT;
  const ru = underlying(recvT);
  let rc = r;
  // an array receiver through a pointer ((&a).M, p.M): a copy of *p
  if (!m.ptrRecv && ru.k === 'array' && underlying(x.t).k === 'ptr' && m.path.length === 0) rc = clone(c, recvT, `$L.deref(${r})`);
  else if (!m.ptrRecv && (ru.k === 'struct' || ru.k === 'array')) rc = `$L.nn(${r}).$c ? ${r}.$c() : ${r}`;
  else if (!m.ptrRecv && underlying(x.t).k === 'ptr' && m.path.length === 0) rc = ru.k === 'struct' ? r : `$L.deref(${r})`;
  // promoted from an embedded *T whose T is not a struct: the field holds the pointer (a Box)
  else if (!m.ptrRecv && m.path.length > 0 && m.lastPtr) rc = `$L.deref(${r})`;
  // a pointer method promoted from an embedded non-struct T value: its receiver is &x.T
  else if (m.ptrRecv && ru.k !== 'struct' && m.path.length > 0 && !m.lastPtr) {
    let parent = recv;
    for (const p of m.path.slice(0, -1)) parent = `${parent}.${p}`;
    rc = `$L.ref(${parent}, ${JSON.stringify(m.path[m.path.length - 1])})`;
  }
  else if (m.ptrRecv && ru.k !== 'struct' && underlying(x.t).k !== 'ptr' && m.path.length === 0) {
    // pointer method on an addressable non-struct variable: needs its Box
    if (x.mode === 'var' && x.c.endsWith('.v')) rc = x.c.slice(0, -2);
    // (*p).M: the receiver is p
    else if (x.mode === 'var' && derefOf(x.c) !== null) rc = derefOf(x.c)!;
    else c.unsupported(x.n, 'calling a pointer method on a non-struct value that is not a boxed variable');
  }
  return `(yield* ${m.fn}(${rc}${sep}${args}))`;
}

/** p when `code` is `$L.deref(p)` (or parenthesised), else null. */
export function derefOf(code: string): string | null {
  while (code.startsWith('(') && code.endsWith(')') && closing(code, 0) === code.length - 1) code = code.slice(1, -1);
  if (!code.startsWith('$L.deref(') || closing(code, 8) !== code.length - 1) return null;
  return code.slice(9, -1);
}

/** The index of the parenthesis closing the one at `open` (JS code without parentheses in strings). */
function closing(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** A zero-length array type: its heap objects are all runtime.zerobase (rt/values.ts ZeroBase). */
export function isZeroArray(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'array' && u.len === 0;
}

/**
 * Whether variable `nm` of type `t` lives in a Box (a pointer to it can exist): its address is
 * taken (`&x`), or it is the operand of a selector and its type has pointer-receiver methods
 * (`x.M()` is `(&x).M()`, spec "Calls"). Struct variables are their own reference, never boxed.
 */
export function needsBox(fn: FuncCtx, nm: string, t: Type): boolean {
  if (underlying(t).k === 'struct') return false;
  if (fn.boxed.has(nm)) return true;
  if (fn.selected === undefined || !fn.selected.has(nm) || t.k !== 'named') return false;
  for (const m of t.methods.values()) if (m.ptrRecv) return true;
  return false;
}
