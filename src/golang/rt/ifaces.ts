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
export function assertI(x: Iface | null, ms: string[] | null, target: Type): Iface | null {
  const r = assertI2(x, ms);
  if (!r[1]) {
    if (x === null) throw assertionError(`interface conversion: interface is nil, not ${typeString(target)}`);
    const missing = ms!.find((m) => !methodNames(x.t) || !(m in methodNames(x.t)!));
    throw assertionError(`interface conversion: ${typeString(x.t)} is not ${typeString(target)}: missing method ${missing}`);
  }
  return x;
}
export function assertI2(x: Iface | null, ms: string[] | null): [Iface | null, boolean] {
  if (x === null) return [null, false];
  if (ms === null) return [x, true];
  const tab = methodNames(x.t);
  for (const m of ms) if (!tab || !(m in tab)) return [null, false];
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
