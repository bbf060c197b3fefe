/**
 * Package reflect: run-time type information over the frontend's type descriptors (the interned
 * Type objects interface values carry, types.ts), and reflect.Value over the compiled values
 * (values.ts's representation).
 *
 * - reflect.Type is an interface; its dynamic type is *reflect.rtype, a native RType holding one
 *   descriptor. There is one RType per descriptor (cached on it), so TypeOf(a) == TypeOf(b) is
 *   descriptor identity, as Go compares *rtype pointers.
 * - Types made at run time (the func type of Method.Func, PointerTo) are interned in the
 *   compilation's type table (Process.types), so they are the program's own descriptors: an
 *   assertion `.(func(M))` on Method.Func.Interface() finds the type it names.
 * - Method sets are the `$m` tables program.ts and std/index.ts hang on the descriptors (T's holds
 *   its value methods, *T's all): Method(i) is the i-th exported name in sorted order (Go's), its
 *   Func the table's function of (receiver, ...args), i.e. the method expression.
 * - reflect.Value is a native RValue {t, v}: the descriptor and the compiled value; `ref` is the
 *   place it was read from when it is addressable (Elem of a pointer, Field of an addressable
 *   struct, Index of a slice), which Set* write through.
 *
 * Simplified: only the members below (others are `unsupported`); New and Zero of struct types are
 * not supported (their JS class is per program and not on the descriptor); Pointer() of a
 * declared function from ValueOf is its entry pc (runtime.FuncForPC finds it), other Pointer()s and
 * UnsafeAddr() give 0xc000012345-style fake addresses; no Value.Convert, Select.
 */
import { type Type, type NamedType, type FuncType, type TypeTable, basic, tBool, tInt, tString, tEmptyIface, underlying, typeString, newNamed } from '../types.js';
import { GoPanic, nilDeref } from '../rt/panics.js';
import type { PcTable } from './runtime.js';
import type { SiteFrame } from '../rt/goroutine.js';
import { globalTypes } from '../core.js';
import { type Slice, sliceLit, sliceToArray } from '../rt/slices.js';
import type { Iface, Ref } from '../rt/values.js';
import { Box, PropRef } from '../rt/values.js';
import { pkg, F, C, T, fn, sl, native, method, jsMethod, subset, tUintptr } from './registry.js';
import { Complex, ceq, c64 } from '../rt/complex.js';
import { isComplexKey } from '../rt/format.js';

/** reflect.Kind values (reflect/type.go). */
export const Kind = {
  Invalid: 0, Bool: 1, Int: 2, Int8: 3, Int16: 4, Int32: 5, Int64: 6, Uint: 7, Uint8: 8, Uint16: 9, Uint32: 10, Uint64: 11, Uintptr: 12,
  Float32: 13, Float64: 14, Complex64: 15, Complex128: 16, Array: 17, Chan: 18, Func: 19, Interface: 20, Map: 21, Pointer: 22, Slice: 23,
  String: 24, Struct: 25, UnsafePointer: 26,
} as const;
/** reflect/type.go kindNames (Pointer prints as "ptr"). */
const kindNames = ['invalid', 'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128', 'array', 'chan', 'func', 'interface', 'map', 'ptr', 'slice', 'string', 'struct', 'unsafe.Pointer'];
export function kindName(k: number): string {
  return kindNames[k] ?? `kind${k}`;
}

function kindOf(t: Type): number {
  const u = underlying(t);
  switch (u.k) {
    case 'basic': {
      const b: Record<string, number> = { bool: 1, int: 2, int8: 3, int16: 4, int32: 5, int64: 6, uint: 7, uint8: 8, uint16: 9, uint32: 10, uint64: 11, uintptr: 12, float32: 13, float64: 14, complex64: 15, complex128: 16, string: 24, 'unsafe.Pointer': 26 };
      return b[u.name] ?? 0;
    }
    case 'array':
      return Kind.Array;
    case 'chan':
      return Kind.Chan;
    case 'func':
      return Kind.Func;
    case 'iface':
      return Kind.Interface;
    case 'map':
      return Kind.Map;
    case 'ptr':
      return Kind.Pointer;
    case 'slice':
      return Kind.Slice;
    case 'struct':
      return Kind.Struct;
    default:
      return 0;
  }
}

function fail(msg: string): never {
  throw new GoPanic({ t: tString, v: msg }, msg);
}

const exported = (name: string): boolean => name[0] !== undefined && name[0] >= 'A' && name[0] <= 'Z';

type MethodTable = Record<string, (...a: unknown[]) => Generator<unknown, unknown, unknown>>;
function methodTab(t: Type): MethodTable {
  return (t as unknown as { $m?: MethodTable }).$m ?? {};
}
/** The exported methods of t's method set, sorted by name (reflect's Method(i) order). */
function methodNames(t: Type): string[] {
  return Object.keys(methodTab(t)).filter(exported).sort();
}
/** The signature of method `name` of t (declared, or promoted through embedded fields). */
function methodSig(t: Type, name: string, depth = 0): FuncType | null {
  if (depth > 4) return null;
  const base = t.k === 'ptr' ? t.elem : t;
  const u = underlying(base);
  if (u.k === 'iface') return u.methods.get(name) ?? null;
  if (base.k === 'named') {
    const m = base.methods.get(name);
    if (m) return m.sig;
  }
  if (u.k === 'struct') {
    for (const f of u.fields) {
      if (!f.embedded) continue;
      const s = methodSig(f.type, name, depth + 1);
      if (s) return s;
    }
  }
  return null;
}

/** *reflect.rtype: one per type descriptor. */
export class RType {
  constructor(
    readonly t: Type,
    readonly tab: TypeTable,
  ) {}
  private iface(t: Type): Iface {
    return typeOf(t, this.tab);
  }
  String(): string {
    return typeString(this.t);
  }
  Name(): string {
    const t = this.t;
    if (t.k === 'named') return t.name;
    if (t.k === 'basic') return t.alias ?? t.name;
    return '';
  }
  PkgPath(): string {
    return this.t.k === 'named' && this.t.pkg !== '' ? this.t.pkg : '';
  }
  Kind(): number {
    return kindOf(this.t);
  }
  Elem(): Iface {
    const u = underlying(this.t);
    if (u.k === 'ptr' || u.k === 'slice' || u.k === 'array' || u.k === 'chan' || u.k === 'map') return this.iface(u.elem);
    return fail(`reflect: Elem of invalid type ${typeString(this.t)}`);
  }
  Key(): Iface {
    const u = underlying(this.t);
    if (u.k !== 'map') fail(`reflect: Key of non-map type ${typeString(this.t)}`);
    return this.iface(u.key);
  }
  Len(): number {
    const u = underlying(this.t);
    if (u.k !== 'array') fail(`reflect: Len of non-array type ${typeString(this.t)}`);
    return u.len;
  }
  NumField(): number {
    const u = underlying(this.t);
    if (u.k !== 'struct') fail(`reflect: NumField of non-struct type ${typeString(this.t)}`);
    return u.fields.length;
  }
  Field(i: number): StructField {
    const u = underlying(this.t);
    if (u.k !== 'struct') fail(`reflect: Field of non-struct type ${typeString(this.t)}`);
    const f = u.fields[i];
    if (!f) fail('reflect: Field index out of bounds');
    return new StructField(f.name, exported(f.name) ? '' : 'main', this.iface(f.type), '', 0, sliceLit([i]), f.embedded);
  }
  NumMethod(): number {
    if (underlying(this.t).k === 'iface') return [...(underlying(this.t) as { methods: Map<string, FuncType> }).methods.keys()].filter(exported).length;
    return methodNames(this.t).length;
  }
  Method(i: number): Method {
    const names = methodNames(this.t);
    const name = names[i];
    if (name === undefined) fail('reflect: Method index out of range');
    return this.method(name, i);
  }
  MethodByName(name: string): [Method, boolean] {
    const i = methodNames(this.t).indexOf(name);
    if (i < 0) return [new Method(), false];
    return [this.method(name, i), true];
  }
  private method(name: string, i: number): Method {
    const sig = methodSig(this.t, name)!;
    const ft = this.tab.intern({ k: 'func', params: [this.t, ...sig.params], results: sig.results, variadic: sig.variadic });
    return new Method(name, '', this.iface(ft), new RValue(ft, methodTab(this.t)[name]!, this.tab), i);
  }
  NumIn(): number {
    return this.fn().params.length;
  }
  In(i: number): Iface {
    return this.iface(this.fn().params[i]!);
  }
  NumOut(): number {
    return this.fn().results.length;
  }
  Out(i: number): Iface {
    return this.iface(this.fn().results[i]!);
  }
  IsVariadic(): boolean {
    return this.fn().variadic;
  }
  private fn(): FuncType {
    const u = underlying(this.t);
    if (u.k !== 'func') fail(`reflect: In of non-func type ${typeString(this.t)}`);
    return u;
  }
}

/** reflect.TypeOf's result for descriptor t: the interface value of the (unique) *rtype. */
function typeOf(t: Type, tab: TypeTable): Iface {
  const d = t as unknown as { $rtype?: RType };
  d.$rtype ??= new RType(t, tab);
  return { t: tRtypePtr, v: d.$rtype };
}

/** reflect.StructField (fields as in reflect/type.go). */
export class StructField {
  constructor(
    public Name = '',
    public PkgPath = '',
    public Type: Iface | null = null,
    public Tag = '',
    public Offset = 0,
    public Index: Slice | null = null,
    public Anonymous = false,
  ) {}
  $c(): StructField {
    return new StructField(this.Name, this.PkgPath, this.Type, this.Tag, this.Offset, this.Index, this.Anonymous);
  }
}
/** reflect.Method. */
export class Method {
  constructor(
    public Name = '',
    public PkgPath = '',
    public Type: Iface | null = null,
    public Func: RValue = new RValue(),
    public Index = 0,
  ) {}
  $c(): Method {
    return new Method(this.Name, this.PkgPath, this.Type, this.Func, this.Index);
  }
}

/** reflect.Value: the descriptor, the value, and where it lives when it is addressable. */
export class RValue {
  constructor(
    readonly t: Type | null = null,
    readonly v: unknown = undefined,
    readonly tab: TypeTable | null = null,
    readonly ref: Ref | null = null,
    /** The run's pc table (ValueOf's Values: Pointer of a declared function is its entry pc). */
    readonly pcs: PcTable | null = null,
  ) {}
  private need(what: string): Type {
    if (this.t === null) fail(`reflect: call of reflect.Value.${what} on zero Value`);
    return this.t;
  }
  private kindIs(what: string, ...ks: number[]): Type {
    const t = this.need(what);
    if (!ks.includes(kindOf(t))) fail(`reflect: call of reflect.Value.${what} on ${kindName(kindOf(t))} Value`);
    return t;
  }
  IsValid(): boolean {
    return this.t !== null;
  }
  Kind(): number {
    return this.t === null ? 0 : kindOf(this.t);
  }
  Type(): Iface {
    return typeOf(this.need('Type'), this.tab!);
  }
  Interface(): Iface | null {
    const t = this.need('Interface');
    if (underlying(t).k === 'iface') return this.v as Iface | null;
    return { t, v: this.v };
  }
  Bool(): boolean {
    this.kindIs('Bool', Kind.Bool);
    return this.v as boolean;
  }
  Int(): number {
    this.kindIs('Int', Kind.Int, Kind.Int8, Kind.Int16, Kind.Int32, Kind.Int64);
    return this.v as number;
  }
  Uint(): number {
    this.kindIs('Uint', Kind.Uint, Kind.Uint8, Kind.Uint16, Kind.Uint32, Kind.Uint64, Kind.Uintptr);
    return this.v as number;
  }
  Float(): number {
    this.kindIs('Float', Kind.Float32, Kind.Float64);
    return this.v as number;
  }
  Complex(): Complex {
    this.kindIs('Complex', Kind.Complex64, Kind.Complex128);
    return this.v as Complex;
  }
  String(): string {
    const t = this.t;
    if (t === null) return '<invalid Value>';
    if (kindOf(t) === Kind.String) return this.v as string;
    return `<${typeString(t)} Value>`;
  }
  Len(): number {
    const t = this.kindIs('Len', Kind.Array, Kind.Slice, Kind.String, Kind.Map, Kind.Chan);
    const u = underlying(t);
    if (u.k === 'array') return u.len;
    if (u.k === 'slice') return this.v === null ? 0 : (this.v as Slice).n;
    if (u.k === 'map') return this.v === null ? 0 : (this.v as Map<unknown, unknown>).size;
    if (u.k === 'chan') return this.v === null ? 0 : (this.v as { count?: () => number }).count?.() ?? 0;
    return (this.v as string).length;
  }
  Index(i: number): RValue {
    const t = this.kindIs('Index', Kind.Array, Kind.Slice, Kind.String);
    const u = underlying(t);
    if (u.k === 'slice') {
      const s = this.v as Slice | null;
      if (s === null || i < 0 || i >= s.n) fail('reflect: slice index out of range');
      return new RValue(u.elem, s.a[s.o + i], this.tab, new PropRef(s.a as unknown as Record<number, unknown>, s.o + i));
    }
    if (u.k === 'array') {
      const a = this.v as unknown[];
      if (i < 0 || i >= a.length) fail('reflect: array index out of range');
      return new RValue(u.elem, a[i], this.tab, this.ref ? new PropRef(a as unknown as Record<number, unknown>, i) : null);
    }
    const s = this.v as string;
    if (i < 0 || i >= s.length) fail('reflect: string index out of range');
    return new RValue(basic('uint8'), s.charCodeAt(i), this.tab);
  }
  NumField(): number {
    const t = this.kindIs('NumField', Kind.Struct);
    return (underlying(t) as { fields: unknown[] }).fields.length;
  }
  Field(i: number): RValue {
    const t = this.kindIs('Field', Kind.Struct);
    const f = (underlying(t) as { fields: { js: string; type: Type }[] }).fields[i];
    if (!f) fail('reflect: Field index out of range');
    const o = this.v as Record<string, unknown>;
    return new RValue(f.type, o[f.js], this.tab, this.ref ? new PropRef(o, f.js) : null);
  }
  Elem(): RValue {
    const t = this.kindIs('Elem', Kind.Pointer, Kind.Interface);
    const u = underlying(t);
    if (u.k === 'iface') {
      const x = this.v as Iface | null;
      return x === null ? new RValue() : new RValue(x.t, x.v, this.tab);
    }
    const et = (u as { elem: Type }).elem;
    if (this.v === null) return new RValue();
    // a pointer to a struct is the struct object itself; any other pointer is a Ref
    if (underlying(et).k === 'struct') return new RValue(et, this.v, this.tab, new Box(this.v));
    const r = this.v as Ref;
    return new RValue(et, r.v, this.tab, r);
  }
  IsNil(): boolean {
    const t = this.kindIs('IsNil', Kind.Pointer, Kind.Map, Kind.Slice, Kind.Func, Kind.Chan, Kind.Interface, Kind.UnsafePointer);
    void t;
    return this.v === null;
  }
  IsZero(): boolean {
    const t = this.need('IsZero');
    return isZero(t, this.v);
  }
  Pointer(): number {
    this.kindIs('Pointer', Kind.Pointer, Kind.Map, Kind.Slice, Kind.Func, Kind.Chan, Kind.UnsafePointer);
    if (this.v === null) return 0;
    // a declared function's entry pc (its site in the run's pc table: std/runtime.ts PcTable)
    const site = typeof this.v === 'function' ? (this.v as { $site?: SiteFrame }).$site : undefined;
    if (site !== undefined && this.pcs !== null) return this.pcs.pcOf(site);
    return 0xc000012345;
  }
  CanSet(): boolean {
    return this.ref !== null;
  }
  CanAddr(): boolean {
    return this.ref !== null;
  }
  CanInterface(): boolean {
    return this.t !== null;
  }
  private set(what: string, x: unknown): void {
    if (this.ref === null) fail(`reflect: reflect.Value.${what} using unaddressable value`);
    if (underlying(this.t!).k === 'struct') {
      const dst = this.ref.v as Record<string, unknown>;
      for (const k of Object.keys(x as object)) dst[k] = (x as Record<string, unknown>)[k];
      return;
    }
    this.ref.v = x;
  }
  SetInt(x: number): void {
    this.kindIs('SetInt', Kind.Int, Kind.Int8, Kind.Int16, Kind.Int32, Kind.Int64);
    this.set('SetInt', x);
  }
  SetUint(x: number): void {
    this.kindIs('SetUint', Kind.Uint, Kind.Uint8, Kind.Uint16, Kind.Uint32, Kind.Uint64, Kind.Uintptr);
    this.set('SetUint', x);
  }
  SetFloat(x: number): void {
    this.kindIs('SetFloat', Kind.Float32, Kind.Float64);
    this.set('SetFloat', kindOf(this.t!) === Kind.Float32 ? Math.fround(x) : x);
  }
  SetComplex(x: Complex): void {
    this.kindIs('SetComplex', Kind.Complex64, Kind.Complex128);
    this.set('SetComplex', kindOf(this.t!) === Kind.Complex64 ? c64(x) : x);
  }
  SetString(x: string): void {
    this.kindIs('SetString', Kind.String);
    this.set('SetString', x);
  }
  SetBool(x: boolean): void {
    this.kindIs('SetBool', Kind.Bool);
    this.set('SetBool', x);
  }
  Set(x: RValue): void {
    const t = this.need('Set');
    if (x.t === null) fail('reflect: call of reflect.Value.Set on zero Value');
    if (underlying(t).k === 'iface' && underlying(x.t).k !== 'iface') this.set('Set', { t: x.t, v: x.v });
    else if (x.t !== t) fail(`reflect.Set: value of type ${typeString(x.t)} is not assignable to type ${typeString(t)}`);
    else this.set('Set', x.v);
  }
  NumMethod(): number {
    return methodNames(this.need('NumMethod')).length;
  }
  Method(i: number): RValue {
    const t = this.need('Method');
    const name = methodNames(t)[i];
    if (name === undefined) fail('reflect: Method index out of range');
    return this.bound(t, name);
  }
  MethodByName(name: string): RValue {
    const t = this.need('MethodByName');
    return methodNames(t).includes(name) ? this.bound(t, name) : new RValue();
  }
  /** A method value: the method with this value as its receiver. */
  private bound(t: Type, name: string): RValue {
    const f = methodTab(t)[name]!;
    const recv = this.v;
    const sig = methodSig(t, name)!;
    const ft = this.tab!.intern({ k: 'func', params: sig.params, results: sig.results, variadic: sig.variadic });
    return new RValue(ft, function* (...a: unknown[]) {
      return yield* f(recv, ...a);
    }, this.tab);
  }
  /** Value.Call: calls the function with the arguments' values; its results as Values. */
  *Call(inS: Slice | null): Generator<unknown, Slice, unknown> {
    const t = this.kindIs('Call', Kind.Func);
    const ft = underlying(t) as FuncType;
    const f = this.v as ((...a: unknown[]) => Generator<unknown, unknown, unknown>) | null;
    if (f === null) fail('reflect: call of nil function');
    const args = sliceToArray(inS) as RValue[];
    const n = ft.params.length;
    if (ft.variadic ? args.length < n - 1 : args.length !== n) fail(`reflect: Call with ${args.length < n ? 'too few' : 'too many'} input arguments`);
    const vals: unknown[] = [];
    const fixed = ft.variadic ? n - 1 : n;
    for (let i = 0; i < fixed; i++) vals.push(argValue(args[i]!, ft.params[i]!));
    if (ft.variadic) {
      const et = (ft.params[n - 1] as { elem: Type }).elem;
      const rest = args.slice(fixed).map((a) => argValue(a, et));
      vals.push(rest.length ? sliceLit(rest) : null);
    }
    const r = yield* f(...vals);
    const outs = ft.results.length === 0 ? [] : ft.results.length === 1 ? [r] : (r as unknown[]);
    return sliceLit(outs.map((x, i) => new RValue(ft.results[i]!, x, this.tab)));
  }
}

/**
 * reflect.MakeFunc(typ, fn) (reflect/makefunc.go): a func of type typ that calls fn with its
 * arguments as Values and returns fn's results, checked as makeFuncStub's callReflect does (the
 * count: "wrong return count from function created by MakeFunc"; each type: "function created by
 * MakeFunc using <fn> returned wrong type: have X for Y"). fn runs as the func's own body: a
 * recover() in it is the made func's (called directly by a deferred call when the made func is the
 * deferred one), as Go's callReflect frame is not a Go frame of its own.
 */
export function MakeFunc(tab: TypeTable, typ: Iface | null, fnv: ((ins: Slice | null) => Generator<unknown, unknown, unknown>) | null): RValue {
  const t = rtypeOf(typ).t;
  if (underlying(t).k !== 'func') fail('reflect: call of MakeFunc with non-Func type');
  const ft = underlying(t) as FuncType;
  const f = function* (...args: unknown[]): Generator<unknown, unknown, unknown> {
    const ins = ft.params.map((pt, i) => new RValue(pt, args[i], tab));
    if (fnv === null) nilDeref();
    const outs = sliceToArray((yield* fnv(sliceLit(ins))) as Slice | null) as RValue[];
    if (outs.length !== ft.results.length) fail('reflect: wrong return count from function created by MakeFunc');
    const rs = outs.map((o, i) => {
      const rt = ft.results[i]!;
      if (o.t === null) fail('reflect: function created by MakeFunc using closure returned zero Value');
      if (underlying(rt).k === 'iface') return argValue(o, rt);
      if (o.t !== rt) fail(`reflect: function created by MakeFunc using closure returned wrong type: have ${typeString(o.t)} for ${typeString(rt)}`);
      return o.v;
    });
    return rs.length === 0 ? undefined : rs.length === 1 ? rs[0] : rs;
  };
  return new RValue(t, f, tab);
}

/** An argument of Value.Call as the parameter's compiled value (boxed into an interface if needed). */
function argValue(a: RValue, pt: Type): unknown {
  if (a.t === null) fail('reflect: Call using zero Value argument');
  if (underlying(pt).k === 'iface' && underlying(a.t).k !== 'iface') return { t: a.t, v: a.v };
  return a.v;
}

function isZero(t: Type, v: unknown): boolean {
  const u = underlying(t);
  switch (u.k) {
    case 'basic':
      return v === 0 || v === '' || v === false;
    case 'array':
      return (v as unknown[]).every((x) => isZero(u.elem, x));
    case 'struct':
      return u.fields.every((f) => isZero(f.type, (v as Record<string, unknown>)[f.js]));
    default:
      return v === null;
  }
}

/** reflect.DeepEqual (reflect/deepequal.go), on the compiled values with their descriptors. */
export function DeepEqual(x: Iface | null, y: Iface | null): boolean {
  if (x === null || y === null) return x === y;
  if (x.t !== y.t) return false;
  return deepValueEqual(x.v, y.v, x.t, new Set());
}
function deepValueEqual(a: unknown, b: unknown, t: Type, seen: Set<unknown>): boolean {
  const u = underlying(t);
  switch (u.k) {
    case 'basic':
      if (a instanceof Complex) return ceq(a, b as Complex);
      return a === b;
    case 'array': {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < xa.length; i++) if (!deepValueEqual(xa[i], xb[i], u.elem, seen)) return false;
      return true;
    }
    case 'slice': {
      const sa = a as Slice | null;
      const sb = b as Slice | null;
      if (sa === null || sb === null) return sa === sb;
      if (sa.n !== sb.n) return false;
      if (sa.a === sb.a && sa.o === sb.o) return true;
      for (let i = 0; i < sa.n; i++) if (!deepValueEqual(sa.a[sa.o + i], sb.a[sb.o + i], u.elem, seen)) return false;
      return true;
    }
    case 'map': {
      const ma = a as Map<unknown, unknown> | null;
      const mb = b as Map<unknown, unknown> | null;
      if (ma === null || mb === null) return ma === mb;
      if (ma.size !== mb.size) return false;
      if (ma === mb) return true;
      const ck = isComplexKey(u.key);
      for (const [k, va] of ma) {
        if (!mb.has(k)) return false;
        const vb = mb.get(k);
        if (ck ? !deepValueEqual((va as [unknown, unknown])[1], (vb as [unknown, unknown])[1], u.elem, seen) : !deepValueEqual(va, vb, u.elem, seen)) return false;
      }
      return true;
    }
    case 'ptr': {
      if (a === b) return true;
      if (a === null || b === null) return false;
      if (seen.has(a)) return true;
      seen.add(a);
      if (underlying(u.elem).k === 'struct') return deepValueEqual(a, b, u.elem, seen);
      return deepValueEqual((a as Ref).v, (b as Ref).v, u.elem, seen);
    }
    case 'struct':
      return u.fields.every((f) => deepValueEqual((a as Record<string, unknown>)[f.js], (b as Record<string, unknown>)[f.js], f.type, seen));
    case 'iface':
      return DeepEqual(a as Iface | null, b as Iface | null);
    case 'func':
      return a === null && b === null;
    default:
      return a === b;
  }
}

/** reflect.ValueOf: the Value of the interface's dynamic value. */
export function ValueOf(tab: TypeTable, x: Iface | null, pcs: PcTable | null = null): RValue {
  return x === null ? new RValue() : new RValue(x.t, x.v, tab, null, pcs);
}
export function TypeOf(tab: TypeTable, x: Iface | null): Iface | null {
  return x === null ? null : typeOf(x.t, tab);
}
function rtypeOf(t: Iface | null): RType {
  if (t === null) return fail('reflect: nil Type');
  return t.v as RType;
}
export function PointerTo(t: Iface | null): Iface {
  const rt = rtypeOf(t);
  return typeOf(rt.tab.intern({ k: 'ptr', elem: rt.t }), rt.tab);
}
/** reflect.New: a pointer to a new zero value (not for struct types: their class is per program). */
export function New(t: Iface | null): RValue {
  const rt = rtypeOf(t);
  const u = underlying(rt.t);
  const pt = rt.tab.intern({ k: 'ptr', elem: rt.t });
  let z: unknown;
  if (u.k === 'basic') z = u.name === 'string' ? '' : u.name === 'bool' ? false : 0;
  else if (u.k === 'struct' || u.k === 'array') fail(`gmpsim: reflect.New of ${typeString(rt.t)} is not supported`);
  else z = null;
  const b = new Box(z);
  return new RValue(pt, b, rt.tab);
}

// the declarations the checker sees
export const tKind = newNamed('Kind', 'reflect', basic('uint'), null);
jsMethod(tKind, 'String', fn([], [tString]), '((k) => $P.reflect.kindName(k))');
export const tRtype: NamedType = native('rtype', 'reflect', null);
/** reflect.Type's dynamic type, *reflect.rtype (its descriptor, interned by std/index.ts). */
export const tRtypePtr: Type = globalTypes.intern({ k: 'ptr', elem: tRtype });
const tType = newNamed('Type', 'reflect', { k: 'iface', methods: new Map() }, null);
export const tValue: NamedType = native('Value', 'reflect', '$P.reflect.RValue');
const tStructField = newNamed('StructField', 'reflect', {
  k: 'struct',
  fields: [
    ['Name', tString],
    ['PkgPath', tString],
    ['Type', tType],
    ['Tag', newNamed('StructTag', 'reflect', tString, null)],
    ['Offset', tUintptr],
    ['Index', sl(tInt)],
    ['Anonymous', tBool],
  ].map(([name, type]) => ({ name: name as string, type: type as Type, embedded: false, js: name as string })),
}, null);
const tMethod = newNamed('Method', 'reflect', {
  k: 'struct',
  fields: [
    ['Name', tString],
    ['PkgPath', tString],
    ['Type', tType],
    ['Func', tValue],
    ['Index', tInt],
  ].map(([name, type]) => ({ name: name as string, type: type as Type, embedded: false, js: name as string })),
}, null);
const typeMethods: [string, FuncType][] = [
  ['String', fn([], [tString])],
  ['Name', fn([], [tString])],
  ['PkgPath', fn([], [tString])],
  ['Kind', fn([], [tKind])],
  ['Elem', fn([], [tType])],
  ['Key', fn([], [tType])],
  ['Len', fn([], [tInt])],
  ['NumField', fn([], [tInt])],
  ['Field', fn([tInt], [tStructField])],
  ['NumMethod', fn([], [tInt])],
  ['Method', fn([tInt], [tMethod])],
  ['MethodByName', fn([tString], [tMethod, tBool])],
  ['NumIn', fn([], [tInt])],
  ['In', fn([tInt], [tType])],
  ['NumOut', fn([], [tInt])],
  ['Out', fn([tInt], [tType])],
  ['IsVariadic', fn([], [tBool])],
];
for (const [name, sig] of typeMethods) {
  (tType.under as { methods: Map<string, FuncType> }).methods.set(name, sig);
  method(tRtype, name, sig, false);
}
(tType.under as { methods: Map<string, FuncType> }).methods = new Map([...(tType.under as { methods: Map<string, FuncType> }).methods].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
const tValues = sl(tValue);
const valueMethods: [string, FuncType, boolean][] = [
  ['IsValid', fn([], [tBool]), false],
  ['Kind', fn([], [tKind]), false],
  ['Type', fn([], [tType]), false],
  ['Interface', fn([], [tEmptyIface]), false],
  ['Bool', fn([], [tBool]), false],
  ['Int', fn([], [basic('int64')]), false],
  ['Uint', fn([], [basic('uint64')]), false],
  ['Float', fn([], [basic('float64')]), false],
  ['Complex', fn([], [basic('complex128')]), false],
  ['String', fn([], [tString]), false],
  ['Len', fn([], [tInt]), false],
  ['Index', fn([tInt], [tValue]), false],
  ['NumField', fn([], [tInt]), false],
  ['Field', fn([tInt], [tValue]), false],
  ['Elem', fn([], [tValue]), false],
  ['IsNil', fn([], [tBool]), false],
  ['IsZero', fn([], [tBool]), false],
  ['Pointer', fn([], [tUintptr]), false],
  ['CanSet', fn([], [tBool]), false],
  ['CanAddr', fn([], [tBool]), false],
  ['CanInterface', fn([], [tBool]), false],
  ['SetInt', fn([basic('int64')]), false],
  ['SetUint', fn([basic('uint64')]), false],
  ['SetFloat', fn([basic('float64')]), false],
  ['SetComplex', fn([basic('complex128')]), false],
  ['SetString', fn([tString]), false],
  ['SetBool', fn([tBool]), false],
  ['Set', fn([tValue]), false],
  ['NumMethod', fn([], [tInt]), false],
  ['Method', fn([tInt], [tValue]), false],
  ['MethodByName', fn([tString], [tValue]), false],
  ['Call', fn([tValues], [tValues]), true],
];
for (const [name, sig, gen] of valueMethods) method(tValue, name, sig, gen, false);

const kinds: Record<string, ReturnType<typeof C>> = {};
for (const [name, k] of Object.entries(Kind)) kinds[name] = C(tKind, k);
kinds.Ptr = C(tKind, Kind.Pointer);

/** reflect.SliceHeader and StringHeader (reflect/value.go): read through an unsafe.Pointer to a slice or string variable, they are views of it (rt/pointers.ts headerView). */
const headerField = (name: string, type: Type): { name: string; type: Type; embedded: boolean; js: string } => ({ name, type, embedded: false, js: name });
export const tSliceHeader = newNamed('SliceHeader', 'reflect', { k: 'struct', fields: [headerField('Data', tUintptr), headerField('Len', tInt), headerField('Cap', tInt)] });
export const tStringHeader = newNamed('StringHeader', 'reflect', { k: 'struct', fields: [headerField('Data', tUintptr), headerField('Len', tInt)] });

pkg('reflect', {
  Type: T(tType),
  SliceHeader: T(tSliceHeader),
  StringHeader: T(tStringHeader),
  Value: T(tValue),
  Kind: T(tKind),
  Method: T(tMethod),
  StructField: T(tStructField),
  ...kinds,
  TypeOf: F(fn([tEmptyIface], [tType]), (a) => `$P.reflect.TypeOf($proc.types, ${a[0]})`),
  ValueOf: F(fn([tEmptyIface], [tValue]), (a) => `$P.reflect.ValueOf($proc.types, ${a[0]}, $proc.pcs)`),
  DeepEqual: F(fn([tEmptyIface, tEmptyIface], [tBool]), (a) => `$P.reflect.DeepEqual(${a[0]}, ${a[1]})`),
  PointerTo: F(fn([tType], [tType]), (a) => `$P.reflect.PointerTo(${a[0]})`),
  PtrTo: F(fn([tType], [tType]), (a) => `$P.reflect.PointerTo(${a[0]})`),
  New: F(fn([tType], [tValue]), (a) => `$P.reflect.New(${a[0]})`),
  MakeFunc: F(fn([tType, fn([sl(tValue)], [sl(tValue)])], [tValue]), (a) => `$P.reflect.MakeFunc($proc.types, ${a[0]}, ${a[1]})`),
  $unsupported: subset(),
});
