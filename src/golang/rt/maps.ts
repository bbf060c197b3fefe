/**
 * Maps (runtime/map.go): a JS Map, nil map = null. Keys of basic kinds are the Map's keys; keys of
 * struct, array or interface type ("complex" keys) are encoded with `mapKey` and the Map then holds
 * [key, value] pairs (cm* functions). Simplification: iteration is in insertion order (Go randomises);
 * a map holds at most 2^24 entries (a JS Map's limit, maxMapEntries): one more key stops the run with
 * an unsupported message, not V8's RangeError.
 */
import { cpu } from './cpu.js';
import { plainPanic, unsupportedAtRun } from './panics.js';
import { mapKey } from './alg.js';
import { heap } from './malloc.js';

/** The most entries a JS Map holds (V8: 2^24; a Go map has no such limit). */
export const maxMapEntries = 1 << 24;
function tooMany(): never {
  return unsupportedAtRun(`a map of more than ${maxMapEntries} entries (the most a JS Map holds)`);
}

export function mget(m: Map<unknown, unknown> | null, k: unknown, zero: unknown): unknown {
  if (m === null) return zero;
  const v = m.get(k);
  return v === undefined && !m.has(k) ? zero : v;
}
/**
 * m[k] = v (mapassign). `newKeyNs`: what adding a key costs beyond an assignment to an existing one,
 * the table's growth amortised (GoCpuCosts.mapNewKey), charged to the goroutine (cpu.ts) when k is new.
 */
/**
 * m[k] = v (mapassign): a new key costs `newKeyNs` and adds `entryBytes` (sizeOf(key) + sizeOf(elem),
 * the map's growth counted as allocation: rt/malloc.ts; the mark counts the same per entry, gcmark.ts).
 */
export function mset(m: Map<unknown, unknown> | null, k: unknown, v: unknown, newKeyNs = 0, entryBytes = 0): void {
  if (m === null) throw plainPanic('assignment to entry in nil map');
  const n = m.size;
  if (n >= maxMapEntries && !m.has(k)) tooMany();
  m.set(k, v);
  if (m.size !== n) {
    cpu.ns += newKeyNs;
    heap.b += entryBytes;
  }
}
export function mget2(m: Map<unknown, unknown> | null, k: unknown, z: unknown): [unknown, boolean] {
  if (m === null) return [z, false];
  const v = m.get(k);
  if (v === undefined && !m.has(k)) return [z, false];
  return [v, true];
}
export function cmget(m: Map<unknown, unknown> | null, k: unknown, z: unknown): unknown {
  if (m === null) return z;
  const p = m.get(k) as [unknown, unknown] | undefined;
  return p === undefined ? z : p[1];
}
export function cmget2(m: Map<unknown, unknown> | null, k: unknown, z: unknown): [unknown, boolean] {
  if (m === null) return [z, false];
  const p = m.get(k) as [unknown, unknown] | undefined;
  return p === undefined ? [z, false] : [p[1], true];
}
/** mset for a key compared by value (a struct, array, interface or float key): the entry is [k, v] under mapKey(k). */
export function cmset(m: Map<unknown, unknown> | null, k: unknown, v: unknown, newKeyNs = 0, entryBytes = 0): void {
  if (m === null) throw plainPanic('assignment to entry in nil map');
  const n = m.size;
  const key = mapKey(k);
  if (n >= maxMapEntries && !m.has(key)) tooMany();
  m.set(key, [k, v]);
  if (m.size !== n) {
    cpu.ns += newKeyNs;
    heap.b += entryBytes;
  }
}
export function mdel(m: Map<unknown, unknown> | null, k: unknown): void {
  if (m !== null) m.delete(k);
}
/** clear(m) (runtime.mapclear): every entry goes, NaN keys too; clearing a nil map does nothing. */
export function mclear(m: Map<unknown, unknown> | null): void {
  if (m !== null) m.clear();
}
export function mlen(m: Map<unknown, unknown> | null): number {
  return m === null ? 0 : m.size;
}
export function mentries(m: Map<unknown, unknown> | null): [unknown, unknown][] {
  return m === null ? [] : [...m.entries()];
}
export function mhas(m: Map<unknown, unknown> | null, k: unknown): boolean {
  return m !== null && m.has(k);
}
