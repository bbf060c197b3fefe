/**
 * Pointer operations and nil checks (Go's implicit nil checks, runtime/panic.go panicmem): taking
 * the address of a field or element (a PropRef), dereferencing, a pointer to struct or a func used
 * while nil, and assignment through a pointer to struct (in place, so other pointers see it).
 */
import { nilDeref } from './panics.js';
import { type Ref, PropRef } from './values.js';

export function ref(o: unknown, k: string | number): Ref {
  if (o === null || o === undefined) nilDeref();
  return new PropRef(o as Record<string | number, unknown>, k);
}
/**
 * p == q for pointers to non-struct locations: each &x[i] or &s.f makes a new PropRef, so two
 * pointers to one element are equal when they refer to the same object and key (a Box is its own
 * variable: identity).
 */
export function peq(a: Ref | null, b: Ref | null): boolean {
  if (a === b) return true;
  return a instanceof PropRef && b instanceof PropRef && a.o === b.o && a.k === b.k;
}
export function deref(p: Ref | null): unknown {
  if (p === null) nilDeref();
  return p.v;
}
/** Non-nil check (pointer to struct used as a value). */
export function nn<T>(p: T | null): T {
  if (p === null || p === undefined) nilDeref();
  return p as T;
}
/** Calling a nil func value panics with a nil dereference. */
export function nf<T>(f: T | null): T {
  if (f === null || f === undefined) nilDeref();
  return f as T;
}
export function setStruct(dst: Record<string, unknown>, src: Record<string, unknown>): void {
  if (dst === null || dst === undefined) nilDeref();
  const s = (src as { $c?: () => Record<string, unknown> }).$c ? (src as { $c: () => Record<string, unknown> }).$c() : src;
  for (const k of Object.keys(s)) dst[k] = s[k];
}
