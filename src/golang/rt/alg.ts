/**
 * Equality and hashing of values (runtime/alg.go): == on struct, array and interface values (with
 * Go's panic comparing uncomparable dynamic types), and the key encoding of struct/array/interface
 * map keys (Go hashes them; here equal keys encode to the same JS string, hashing panics alike).
 */
import { underlying, typeString, comparable } from '../types.js';
import { rtPanic } from './panics.js';
import type { Iface, Ref } from './values.js';
import { peq } from './pointers.js';
import { Slice } from './slices.js';
import { Complex } from './complex.js';

/** == on values of struct/array/interface type. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) {
    // efaceeq: the dynamic type's equality is looked up before the data words are compared, so
    // comparing an interface holding a map with itself panics too
    const ia = a as Partial<Iface> | null;
    if (ia !== null && typeof ia === 'object' && ia.t !== undefined && 'v' in ia && !comparable(ia.t)) throw rtPanic(`comparing uncomparable type ${typeString(ia.t)}`);
    return true;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b || (a !== a && b !== b && false);
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    for (let i = 0; i < a.length; i++) if (!equal(a[i], bb[i])) return false;
    return true;
  }
  const ia = a as Partial<Iface>;
  if (ia.t !== undefined && 'v' in ia) {
    const ib = b as Iface;
    if (ia.t !== ib.t) return false;
    const u = underlying(ia.t);
    // a struct or array type with an uncomparable field or element is uncomparable as a whole
    if (!comparable(ia.t)) throw rtPanic(`comparing uncomparable type ${typeString(ia.t)}`);
    if (u.k === 'ptr') return peq(ia.v as Ref | null, ib.v as Ref | null);
    if (u.k === 'chan') return ia.v === ib.v;
    if (u.k === 'struct' && u.fields.some((f) => f.name === '_')) return equalFields(ia.v, ib.v, u.fields.filter((f) => f.name !== '_').map((f) => f.js));
    return equal(ia.v, ib.v);
  }
  if (a.constructor !== b.constructor) return false;
  const bo = b as Record<string, unknown>;
  const ao = a as Record<string, unknown>;
  for (const k of Object.keys(ao)) if (!equal(ao[k], bo[k])) return false;
  return true;
}

/** == on values of a struct type with blank fields: the named fields (`names`, their JS properties) only. */
export function equalFields(a: unknown, b: unknown, names: readonly string[]): boolean {
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of names) if (!equal(ao[k], bo[k])) return false;
  return true;
}

/**
 * Key encoding for struct/array/interface/float/complex keys. NaN is not equal to itself, so a key
 * holding a NaN encodes to a fresh object: every insertion makes a new entry and no lookup finds it
 * (runtime/map.go: "NaN != NaN", the maplinear test).
 */
export function mapKey(v: unknown): unknown {
  if (typeof v === 'number') return v !== v ? {} : v;
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Complex) return v.re !== v.re || v.im !== v.im ? {} : `(${v.re},${v.im})`;
  if (v instanceof Slice) return v;
  if (Array.isArray(v)) return '[' + v.map((x) => String(mapKey(x))).join(',') + ']';
  const iv = v as Partial<Iface>;
  if (iv.t !== undefined && 'v' in iv) {
    if (!comparable(iv.t)) throw rtPanic(`hash of unhashable type ${typeString(iv.t)}`);
    const k = mapKey(iv.v);
    if (typeof k === 'object' && k !== null && !(k instanceof Slice)) return k;
    return `${typeString(iv.t)}:${typeof iv.v === 'object' && iv.v !== null ? String(k) : typeof iv.v + ':' + String(iv.v)}`;
  }
  return '{' + Object.keys(v).map((k) => String(mapKey((v as Record<string, unknown>)[k]))).join(',') + '}';
}
