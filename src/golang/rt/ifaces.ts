/**
 * Type assertions (runtime/iface.go): x.(T) for a concrete T compares type descriptors (interned,
 * so identity); x.(I) for an interface checks the dynamic type's method table `$m`. Failing forms
 * panic with Go's `interface conversion: …` text; comma-ok forms return [value, ok].
 *
 * The panic value is a runtime.Error (Go's *runtime.TypeAssertionError, iface.go panicdottypeE), so
 * recover() returns it and `v.(error).Error()` is the text; it prints without "runtime error: ".
 */
import type { Type } from '../types.js';
import { typeString, underlying } from '../types.js';
import { plainPanic } from './panics.js';
import type { Iface } from './values.js';

function assertionError(msg: string): never {
  throw plainPanic(msg);
}

function methodNames(t: Type): Record<string, unknown> | null {
  return (t as unknown as { $m?: Record<string, unknown> }).$m ?? null;
}
/**
 * Does the dynamic type t have method ms[i] with signature sigs[i] (typeString of the func type)?
 * A program's types carry `$sig` (name → signature; program.ts) beside `$m`: a method of the same
 * name and another signature is missing (iface.go itab.init compares name and type).
 */
function hasMethod(t: Type, tab: Record<string, unknown> | null, m: string, sig: string | undefined): boolean {
  if (!tab || !(m in tab)) return false;
  if (sig === undefined) return true;
  const st = (t as unknown as { $sig?: Record<string, string> }).$sig;
  return st === undefined || st[m] === undefined || st[m] === sig;
}
export function assertI(x: Iface | null, ms: string[] | null, target: Type, sigs?: string[]): Iface | null {
  const r = assertI2(x, ms, sigs);
  if (!r[1]) {
    if (x === null) throw assertionError(`interface conversion: interface is nil, not ${typeString(target)}`);
    const tab = methodNames(x.t);
    const missing = ms!.find((m, i) => !hasMethod(x.t, tab, m, sigs?.[i]));
    throw assertionError(`interface conversion: ${typeString(x.t)} is not ${typeString(target)}: missing method ${missing}`);
  }
  return x;
}
export function assertI2(x: Iface | null, ms: string[] | null, sigs?: string[]): [Iface | null, boolean] {
  if (x === null) return [null, false];
  if (ms === null) return [x, true];
  const tab = methodNames(x.t);
  for (let i = 0; i < ms.length; i++) if (!hasMethod(x.t, tab, ms[i]!, sigs?.[i])) return [null, false];
  return [x, true];
}
export function assertT(x: Iface | null, t: Type, from: Type): unknown {
  if (x === null || x.t !== t) {
    const fs = underlying(from).k === 'iface' && from.k !== 'named' ? 'interface {}' : typeString(from);
    throw assertionError(`interface conversion: ${fs} is ${x === null ? 'nil' : typeString(x.t)}, not ${typeString(t)}`);
  }
  return x.v;
}
export function assertT2(x: Iface | null, t: Type, z: unknown): [unknown, boolean] {
  if (x === null || x.t !== t) return [z, false];
  return [x.v, true];
}

type MethodTable = Record<string, (...a: unknown[]) => Generator<unknown, unknown, unknown>>;
/**
 * x.name(args) through the dynamic type's method table, with x evaluated once before the
 * arguments (the generated code inlines this when x is a plain variable).
 */
export function* icall(x: Iface, name: string, ...a: unknown[]): Generator<unknown, unknown, unknown> {
  return yield* (x.t as unknown as { $m: MethodTable }).$m[name]!(x.v, ...a);
}
