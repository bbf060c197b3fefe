/**
 * Go types for the checker and, at run time, as type descriptors.
 *
 * Design: one object per type. Types are interned (`intern`) so identical types are the same
 * object; the interned object is also the run-time type descriptor carried by interface values
 * ({ t, v }), so a type switch is a pointer comparison and %T prints `typeString(t, true)`.
 * Named types are unique by construction (one object per declaration).
 *
 * Generic types: an instantiated generic type is a NamedType with its type arguments (`targs`) and its
 * generic declaration (`origin`), one object per distinct argument list (compiler/check/generics.ts);
 * constraint interfaces carry their type set (`terms`, `comparable`).
 *
 * Complex numbers: complex64/complex128 values are rt/complex.ts's immutable Complex objects.
 *
 * Simplifications: all integer kinds are JavaScript numbers
 * (exact to 2^53; int64/uint64 arithmetic beyond that loses precision — documented in index.ts).
 */

export type BasicName =
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr'
  | 'float32'
  | 'float64'
  | 'complex64'
  | 'complex128'
  | 'string'
  | 'unsafe.Pointer'
  | 'untyped int'
  | 'untyped float'
  | 'untyped complex'
  | 'untyped rune'
  | 'untyped string'
  | 'untyped bool'
  | 'untyped nil';

export interface Field {
  name: string;
  type: Type;
  embedded: boolean;
  /** JavaScript property name. */
  js: string;
  /** The field's tag (spec, "Struct types": part of the type's identity; conversions ignore it). */
  tag?: string;
}

/** How to call a method: user methods are generated functions, natives are JS methods. */
export interface MethodInfo {
  name: string;
  sig: FuncType;
  ptrRecv: boolean;
  /** JS identifier of the generated function (user methods): fn(recv, ...args). */
  fn: string;
  /** Native method: called as recv.name(...args). */
  native: boolean;
  /** Generator (may block) — called with yield*. */
  gen: boolean;
  /** A library method added by this Go release ("1.25"): missing in the profiles of earlier releases. */
  since?: string;
  /**
   * A native method that needs the run's Process (std/process.ts): called as recv.name(...args, $proc).
   * Through an interface's method table it gets no Process (the method must then do without).
   */
  proc?: boolean;
  /**
   * A native pointer method Go defines for a nil receiver (os's `if f == nil { return ErrInvalid }`):
   * the JS of an object whose same-named method answers for nil.
   */
  nilRecv?: string;
}

export interface BasicType {
  k: 'basic';
  name: BasicName;
  /** `byte` / `rune`: the same type as uint8 / int32, printed by its alias name in messages. */
  alias?: string;
}
export interface NamedType {
  k: 'named';
  name: string;
  pkg: string;
  under: Type;
  methods: Map<string, MethodInfo>;
  /** Native struct implemented in JS: zero value is `new <native>()`. */
  native: string | null;
  /** An instance of a generic type: its type arguments (printed `List[int]`, %T `main.List[int]`). */
  targs?: Type[];
  /** An instance of a generic type: the generic declaration it was instantiated from. */
  origin?: object;
  /**
   * A type parameter, as a generic body is checked once (check/generics.ts): its constraint's name
   * (`T constrained by Number`); `under` stands for its type set (the first term's underlying type,
   * or the constraint interface when it has no terms).
   */
  tparamOf?: string;
  /**
   * go1.20+ (VersionProfile.localTypeNames): a function-scoped defined type's number in its package
   * (cmd/compile's typegen, in source order), printed `·N` when the type is a type argument.
   */
  vargen?: number;
  /** go1.20+: a type declared in a generic function instance: that instance's type arguments (`T[int;…]`). */
  implicits?: Type[];
  /** A type parameter's type set (its constraint's terms; absent: no restriction). */
  tset?: Term[];
}
export interface PtrType {
  k: 'ptr';
  elem: Type;
}
export interface SliceType {
  k: 'slice';
  elem: Type;
}
export interface ArrayType {
  k: 'array';
  elem: Type;
  len: number;
}
export interface MapType {
  k: 'map';
  key: Type;
  elem: Type;
}
export interface ChanType {
  k: 'chan';
  elem: Type;
  dir: 'both' | 'send' | 'recv';
}
export interface FuncType {
  k: 'func';
  params: Type[];
  results: Type[];
  variadic: boolean;
}
export interface StructType {
  k: 'struct';
  fields: Field[];
  /** JS class name generated for this struct (per program). */
  cls?: string;
}
/** A term of a type set: `T` or `~T` (spec, "Interface types"). */
export interface Term {
  tilde: boolean;
  t: Type;
}
export interface IfaceType {
  k: 'iface';
  methods: Map<string, FuncType>;
  /** A constraint's type set restriction: the union of these terms (absent: every type). */
  terms?: Term[];
  /** The predeclared `comparable` (or an interface embedding it): only comparable types. */
  comparable?: boolean;
}
export interface TupleType {
  k: 'tuple';
  types: Type[];
}
export type Type = BasicType | NamedType | PtrType | SliceType | ArrayType | MapType | ChanType | FuncType | StructType | IfaceType | TupleType;

const basics = new Map<BasicName, BasicType>();
export function basic(name: BasicName): BasicType {
  let t = basics.get(name);
  if (!t) {
    t = { k: 'basic', name };
    basics.set(name, t);
  }
  return t;
}

export const tBool = basic('bool');
export const tInt = basic('int');
export const tInt64 = basic('int64');
export const tInt32 = basic('int32');
export const tUint8 = basic('uint8');
export const tFloat64 = basic('float64');
export const tString = basic('string');
export const tUntypedInt = basic('untyped int');
export const tUntypedFloat = basic('untyped float');
export const tUntypedRune = basic('untyped rune');
export const tUntypedComplex = basic('untyped complex');
export const tComplex128 = basic('complex128');
export const tUntypedString = basic('untyped string');
export const tUntypedBool = basic('untyped bool');
export const tUntypedNil = basic('untyped nil');
export const tByte: BasicType = { k: 'basic', name: 'uint8', alias: 'byte' };
export const tRuneAlias: BasicType = { k: 'basic', name: 'int32', alias: 'rune' };
export const tEmptyIface: IfaceType = { k: 'iface', methods: new Map() };

export function newNamed(name: string, pkg: string, under: Type, native: string | null = null): NamedType {
  return { k: 'named', name, pkg, under, methods: new Map(), native };
}

export function underlying(t: Type): Type {
  while (t.k === 'named') t = t.under;
  return t;
}

export function isUntyped(t: Type): boolean {
  return t.k === 'basic' && t.name.startsWith('untyped');
}

const intNames = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'untyped int', 'untyped rune']);
export function isInteger(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'basic' && intNames.has(u.name);
}
export function isUnsigned(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'basic' && (u.name.startsWith('uint') || u.name === 'uintptr');
}
export function isFloat(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'basic' && (u.name === 'float32' || u.name === 'float64' || u.name === 'untyped float');
}
export function isComplex(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'basic' && (u.name === 'complex64' || u.name === 'complex128' || u.name === 'untyped complex');
}
/** Integer, float and complex types (the spec's numeric types). */
export function isNumeric(t: Type): boolean {
  return isInteger(t) || isFloat(t) || isComplex(t);
}
/** Numeric types with an order (<, >): integers and floats, not complex. */
export function isOrderedNumeric(t: Type): boolean {
  return isInteger(t) || isFloat(t);
}
export function isString(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'basic' && (u.name === 'string' || u.name === 'untyped string');
}
export function isBoolean(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'basic' && (u.name === 'bool' || u.name === 'untyped bool');
}
export function isIface(t: Type): boolean {
  return underlying(t).k === 'iface';
}

/** The default type of an untyped constant. */
export function defaultType(t: Type): Type {
  if (t.k !== 'basic') return t;
  switch (t.name) {
    case 'untyped int':
      return tInt;
    case 'untyped float':
      return tFloat64;
    case 'untyped rune':
      return tInt32;
    case 'untyped complex':
      return tComplex128;
    case 'untyped string':
      return tString;
    case 'untyped bool':
      return tBool;
    default:
      return t;
  }
}

/** Go's type string. `qualified`: `main.T` (as %T prints it); otherwise `T` for package main. */
export function typeString(t: Type, qualified = true, inArg = false): string {
  switch (t.k) {
    case 'basic':
      if (t.alias && !qualified) return t.alias;
      if (t.name === 'untyped nil') return 'untyped nil';
      return t.name;
    case 'named': {
      // an instance: go/types writes `List[int, string]`; the run time's type name (%T) `main.List[int,string]`
      const sep = qualified ? ',' : ', ';
      const own = t.targs ? t.targs.map((a) => typeString(a, qualified, true)).join(sep) : '';
      // go1.20+ (unified IR): a type local to a generic function carries that function's type
      // arguments before a `;` (reader.go mangle), and a function-scoped type named inside another
      // type's arguments keeps its `·N` (writer.go qualifiedIdent; the outermost name drops it)
      const imp = qualified && t.implicits ? t.implicits.map((a) => typeString(a, qualified, true)).join(sep) : '';
      const args = t.targs || imp !== '' ? `[${imp}${imp !== '' && own !== '' ? ';' : ''}${own}]` : '';
      // (`·` as its UTF-8 bytes: a Go string here is one char per byte)
      const gen = qualified && inArg && t.vargen !== undefined ? `\xc2\xb7${t.vargen}` : '';
      if (t.pkg === '') return t.name + args;
      if (t.pkg === 'main' && !qualified) return t.name + args;
      return `${t.pkg}.${t.name}${args}${gen}`;
    }
    case 'ptr':
      return '*' + typeString(t.elem, qualified, inArg);
    case 'slice':
      return '[]' + typeString(t.elem, qualified, inArg);
    case 'array':
      return `[${t.len}]` + typeString(t.elem, qualified, inArg);
    case 'map':
      return `map[${typeString(t.key, qualified, inArg)}]${typeString(t.elem, qualified, inArg)}`;
    case 'chan':
      return (t.dir === 'recv' ? '<-chan ' : t.dir === 'send' ? 'chan<- ' : 'chan ') + typeString(t.elem, qualified, inArg);
    case 'func': {
      const ps = t.params.map((p, i) => (t.variadic && i === t.params.length - 1 ? '...' + typeString((p as SliceType).elem, qualified, inArg) : typeString(p, qualified, inArg)));
      let s = `func(${ps.join(', ')})`;
      if (t.results.length === 1) s += ' ' + typeString(t.results[0]!, qualified, inArg);
      else if (t.results.length > 1) s += ` (${t.results.map((r) => typeString(r, qualified, inArg)).join(', ')})`;
      return s;
    }
    case 'struct':
      if (t.fields.length === 0) return 'struct {}';
      // a tag quoted as strconv.Quote does for printable ASCII (JSON's escapes differ only for control and non-ASCII bytes)
      return `struct { ${t.fields.map((f) => (f.embedded ? typeString(f.type, qualified, inArg) : `${f.name} ${typeString(f.type, qualified, inArg)}`) + (f.tag ? ' ' + JSON.stringify(f.tag) : '')).join('; ')} }`;
    case 'iface':
      if (t.terms) {
        const ts = t.terms.map((x) => (x.tilde ? '~' : '') + typeString(x.t, qualified, inArg)).join(' | ');
        return t.methods.size === 0 ? ts : `interface { ${[...t.methods].map(([n, f]) => n + typeString(f, qualified, inArg).slice(4)).join('; ')}; ${ts} }`;
      }
      if (t.comparable && t.methods.size === 0) return 'comparable';
      if (t.methods.size === 0) return 'interface {}';
      return `interface { ${[...t.methods].map(([n, f]) => n + typeString(f, qualified, inArg).slice(4)).join('; ')} }`;
    case 'tuple':
      return `(${t.types.map((x) => typeString(x, qualified, inArg)).join(', ')})`;
  }
}

/** Structural identity (named types by identity); `ignoreTags`: struct tags do not count (conversions). */
export function identical(a: Type, b: Type, ignoreTags = false): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'basic':
      return a.name === (b as BasicType).name;
    case 'named':
      return false;
    case 'ptr':
    case 'slice':
      return identical(a.elem, (b as PtrType | SliceType).elem, ignoreTags);
    case 'array':
      return a.len === (b as ArrayType).len && identical(a.elem, (b as ArrayType).elem, ignoreTags);
    case 'map':
      return identical(a.key, (b as MapType).key, ignoreTags) && identical(a.elem, (b as MapType).elem, ignoreTags);
    case 'chan':
      return a.dir === (b as ChanType).dir && identical(a.elem, (b as ChanType).elem, ignoreTags);
    case 'func': {
      const f = b as FuncType;
      return (
        a.variadic === f.variadic &&
        a.params.length === f.params.length &&
        a.results.length === f.results.length &&
        a.params.every((p, i) => identical(p, f.params[i]!, ignoreTags)) &&
        a.results.every((p, i) => identical(p, f.results[i]!, ignoreTags))
      );
    }
    case 'struct': {
      const s = b as StructType;
      return (
        a.fields.length === s.fields.length &&
        a.fields.every((f, i) => f.name === s.fields[i]!.name && f.embedded === s.fields[i]!.embedded && (ignoreTags || (f.tag ?? '') === (s.fields[i]!.tag ?? '')) && identical(f.type, s.fields[i]!.type, ignoreTags))
      );
    }
    case 'iface': {
      const s = b as IfaceType;
      if (a.methods.size !== s.methods.size) return false;
      if (!!a.comparable !== !!s.comparable || !!a.terms !== !!s.terms) return false;
      if (a.terms && (a.terms.length !== s.terms!.length || a.terms.some((x, i) => x.tilde !== s.terms![i]!.tilde || !identical(x.t, s.terms![i]!.t, ignoreTags)))) return false;
      for (const [n, f] of a.methods) {
        const g = s.methods.get(n);
        if (!g || !identical(f, g, ignoreTags)) return false;
      }
      return true;
    }
    case 'tuple': {
      const s = b as TupleType;
      return a.types.length === s.types.length && a.types.every((x, i) => identical(x, s.types[i]!, ignoreTags));
    }
  }
}

/** Interning: identical types map to one object (the run-time descriptor). */
/**
 * Canonical instances of composite types (one object per identical type, so type descriptors can be
 * compared by identity). A compilation's table looks in its parent first — the standard library's
 * table, filled while the package modules are evaluated — and keeps the program's own types to
 * itself, so no compilation adds to what the next one sees.
 */
export class TypeTable {
  private list: Type[] = [];
  constructor(private readonly parent: TypeTable | null = null) {}
  private find(t: Type): Type | undefined {
    return this.parent?.find(t) ?? this.list.find((u) => identical(u, t));
  }
  intern(t: Type): Type {
    if (t.k === 'basic') return t.alias ? basic(t.name) : t;
    if (t.k === 'named') return t;
    const u = this.find(t);
    if (u) return u;
    this.list.push(t);
    return t;
  }
}

/**
 * Sizes and alignments as gc computes them for amd64 (cmd/compile/internal/noder/sizes.go gcSizes in
 * go1.19, types2/gcsizes.go in go1.26; the same rules): unsafe.Sizeof/Alignof/Offsetof and append's
 * growth through the malloc size classes. Word = 8 bytes; complex types align like [2]float; a
 * struct's last zero-size field gets one byte of padding when the struct is not otherwise empty.
 * An empty struct embedding sync/atomic's align64 (atomic.Int64, Uint64) aligns to 8.
 */
const wordSize = 8;
function basicSize(name: BasicName): number {
  switch (name) {
    case 'bool':
    case 'int8':
    case 'uint8':
      return 1;
    case 'int16':
    case 'uint16':
      return 2;
    case 'int32':
    case 'uint32':
    case 'float32':
    case 'untyped rune':
      return 4;
    case 'string':
    case 'untyped string':
    case 'complex128':
    case 'untyped complex':
      return 16;
    default:
      return 8;
  }
}
const rnd = (o: number, a: number): number => Math.ceil(o / a) * a;

export function alignOf(t: Type): number {
  const u = underlying(t);
  switch (u.k) {
    case 'array':
      return alignOf(u.elem);
    case 'struct': {
      if (u.fields.length === 0 && t.k === 'named' && t.name === 'align64' && t.pkg === 'atomic') return 8;
      let max = 1;
      for (const f of u.fields) max = Math.max(max, alignOf(f.type));
      return max;
    }
    case 'slice':
    case 'iface':
      return wordSize;
    case 'basic':
      if (u.name === 'string' || u.name === 'untyped string') return wordSize;
      if (u.name === 'complex64' || u.name === 'complex128' || u.name === 'untyped complex') return basicSize(u.name) / 2;
      return Math.min(basicSize(u.name), wordSize);
    default:
      return Math.max(1, Math.min(sizeOf(t), wordSize));
  }
}

/** The offsets of a struct's fields (gcSizes.Offsetsof). */
export function offsetsOf(st: StructType): number[] {
  let o = 0;
  return st.fields.map((f) => {
    o = rnd(o, alignOf(f.type));
    const at = o;
    o += sizeOf(f.type);
    return at;
  });
}

/** unsafe.Sizeof (gcSizes.Sizeof). */
export function sizeOf(t: Type): number {
  const u = underlying(t);
  switch (u.k) {
    case 'basic':
      return basicSize(u.name);
    case 'slice':
      return 3 * wordSize;
    case 'iface':
      return 2 * wordSize;
    case 'array':
      return u.len <= 0 ? 0 : u.len * sizeOf(u.elem);
    case 'struct': {
      const n = u.fields.length;
      if (n === 0) return 0;
      const offs = offsetsOf(u);
      let last = sizeOf(u.fields[n - 1]!.type);
      if (last === 0 && offs[n - 1]! > 0) last = 1;
      return rnd(offs[n - 1]! + last, alignOf(t));
    }
    default:
      return wordSize;
  }
}

/**
 * Does a value of type t hold pointers the garbage collector's mark follows (rt/gcmark.ts): a
 * pointer, slice, map or interface, or an array or struct holding one? Strings, channels and funcs
 * are not followed there, so they do not count; nor does a native (library-implemented) type.
 */
export function holdsPointers(t: Type, seen: Set<Type> = new Set()): boolean {
  if (t.k === 'named' && t.native) return false;
  if (seen.has(t)) return false; // a recursive type reaches itself through a pointer, which answers true
  seen.add(t);
  const u = underlying(t);
  switch (u.k) {
    case 'ptr':
    case 'slice':
    case 'map':
    case 'iface':
      return true;
    case 'array':
      return u.len > 0 && holdsPointers(u.elem, seen);
    case 'struct':
      return u.fields.some((f) => holdsPointers(f.type, seen));
    case 'basic':
      // unsafe.Pointer is a pointer to the collector (its type's ptrdata is its size)
      return u.name === 'unsafe.Pointer';
    default:
      return false;
  }
}

/** Comparable types (==, map keys). */
export function comparable(t: Type): boolean {
  const u = underlying(t);
  switch (u.k) {
    case 'slice':
    case 'map':
    case 'func':
      return false;
    case 'array':
      return comparable(u.elem);
    case 'struct':
      return u.fields.every((f) => comparable(f.type));
    default:
      return true;
  }
}
