/**
 * More run-time helpers for generated code (`$L.*`): integer arithmetic on 64-bit values, maps,
 * channels checks, type assertions, in-place struct/array assignment, panics.
 */
import { Chan } from '../runtime/chan.js';
import * as lib from './lib.js';
import * as libfmt from './libfmt.js';
import { GoPanic, rtPanic, Slice, type Iface } from './lib.js';
import type { Type } from './types.js';
import { typeString, underlying } from './types.js';

const TWO64 = 18446744073709551616;
const TWO63 = 9223372036854775808;

/** int/int64: wrap on overflow (exact only within ±2^53; see index.ts). */
export function w64(x: number): number {
  if (x >= TWO63 || x < -TWO63) return Number(BigInt.asIntN(64, BigInt(Math.trunc(x))));
  return x;
}
export function wu64(x: number): number {
  if (x < 0 || x >= TWO64) return Number(BigInt.asUintN(64, BigInt(Math.trunc(x))));
  return x;
}
function small(a: number, b: number): boolean {
  return a >= -2147483648 && a <= 2147483647 && b >= -2147483648 && b <= 2147483647;
}
export function band(a: number, b: number): number {
  if (small(a, b)) return a & b;
  return Number(BigInt.asIntN(64, BigInt(a)) & BigInt.asIntN(64, BigInt(b)));
}
export function bor(a: number, b: number): number {
  if (small(a, b)) return a | b;
  return Number(BigInt(a) | BigInt(b));
}
export function bxor(a: number, b: number): number {
  if (small(a, b)) return a ^ b;
  return Number(BigInt(a) ^ BigInt(b));
}
export function bandnot(a: number, b: number): number {
  if (small(a, b)) return a & ~b;
  return Number(BigInt(a) & ~BigInt(b));
}
export function bnot(a: number): number {
  return -a - 1;
}
export function shl(a: number, b: number): number {
  if (b < 0) throw rtPanic('negative shift amount');
  if (b >= 64) return 0;
  return a * 2 ** b;
}
export function shr(a: number, b: number): number {
  if (b < 0) throw rtPanic('negative shift amount');
  if (b >= 64) return a < 0 ? -1 : 0;
  return Math.floor(a / 2 ** b);
}

/** Non-nil check (pointer to struct used as a value). */
export function nn<T>(p: T | null): T {
  if (p === null || p === undefined) lib.nilDeref();
  return p as T;
}
export function arr(n: number, z: () => unknown): unknown[] {
  const a = new Array(n);
  for (let i = 0; i < n; i++) a[i] = z();
  return a;
}
export function refArr(a: unknown[], i: number): lib.Ref {
  if (!(i >= 0 && i < a.length)) lib.oob(i, a.length);
  return lib.ref(a, i);
}

// ---- maps
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
export function cmset(m: Map<unknown, unknown> | null, k: unknown, v: unknown): void {
  if (m === null) throw new GoPanic(null, 'assignment to entry in nil map');
  m.set(lib.mapKey(k), [k, v]);
}
export function mdel(m: Map<unknown, unknown> | null, k: unknown): void {
  if (m !== null) m.delete(k);
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

// ---- channels
export function makeChan(n: number): Chan {
  if (!(n >= 0) || !Number.isInteger(n)) throw rtPanic('makechan: size out of range');
  return new Chan(n);
}
export function clen(c: Chan | null): number {
  return c === null ? 0 : c.count;
}
export function ccap(c: Chan | null): number {
  return c === null ? 0 : c.cap;
}
/** recv result with Go's zero value for a closed channel. */
export function rz(r: [unknown, boolean], z: unknown): [unknown, boolean] {
  if (!r[1]) return [z, false];
  return r;
}
export function sendCheck(c: Chan | null): Chan | null {
  if (c !== null && c.closed) throw plainPanic('send on closed channel');
  return c;
}
export function closeCheck(c: Chan | null): Chan | null {
  if (c === null) throw plainPanic('close of nil channel');
  if (c.closed) throw plainPanic('close of closed channel');
  return c;
}
/** A runtime panic whose value is a runtime.Error but printed without "runtime error: " prefix. */
function plainPanic(msg: string): GoPanic {
  const p = rtPanic(msg);
  p.message = msg;
  return p;
}

// ---- interfaces
function methodNames(t: Type): Record<string, unknown> | null {
  return (t as unknown as { $m?: Record<string, unknown> }).$m ?? null;
}
export function assertI(x: Iface | null, ms: string[] | null, target: Type): Iface | null {
  const r = assertI2(x, ms);
  if (!r[1]) {
    if (x === null) throw new GoPanic(null, `interface conversion: interface is nil, not ${typeString(target)}`);
    const missing = ms!.find((m) => !methodNames(x.t) || !(m in methodNames(x.t)!));
    throw new GoPanic(null, `interface conversion: ${typeString(x.t)} is not ${typeString(target)}: missing method ${missing}`);
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
    throw new GoPanic(null, `interface conversion: ${fs} is ${x === null ? 'nil' : typeString(x.t)}, not ${typeString(t)}`);
  }
  return x.v;
}
export function assertT2(x: Iface | null, t: Type, z: unknown): [unknown, boolean] {
  if (x === null || x.t !== t) return [z, false];
  return [x.v, true];
}

// ---- assignment in place
export function setStruct(dst: Record<string, unknown>, src: Record<string, unknown>): void {
  if (dst === null || dst === undefined) lib.nilDeref();
  const s = (src as { $c?: () => Record<string, unknown> }).$c ? (src as { $c: () => Record<string, unknown> }).$c() : src;
  for (const k of Object.keys(s)) dst[k] = s[k];
}

// ---- panics
export function gopanic(v: Iface | null): never {
  throw new GoPanic(v, panicText(v));
}
export function panicText(v: Iface | null): string {
  if (v === null) return 'nil';
  const t = v.t as Type & { $m?: Record<string, (...a: unknown[]) => Iterator<unknown>> };
  const u = underlying(t);
  if (t.$m && t.$m.Error) return String(libfmt.callMethod(t, 'Error', v.v));
  if (t.$m && t.$m.String && u.k !== 'basic') return String(libfmt.callMethod(t, 'String', v.v));
  if (u.k === 'basic') {
    let s: string;
    if (u.name === 'string') s = lib.decodeUTF8(v.v as string);
    else if (u.name === 'float64' || u.name === 'float32') s = libfmt.printArg(v.v, t);
    else s = String(v.v);
    if (t.k === 'named') return u.name === 'string' ? `${typeString(t)}("${s}")` : `${typeString(t)}(${s})`;
    if (u.name === 'string') return s;
    return s;
  }
  return `(${typeString(t)}) ${libfmt.fmtValue(v.v, t, 'v', { plus: false, sharp: false, minus: false, zero: false, space: false, width: -1, prec: -1 }, 0)}`;
}


/** Calling a nil func value panics with a nil dereference. */
export function nf<T>(f: T | null): T {
  if (f === null || f === undefined) lib.nilDeref();
  return f as T;
}

export { Slice };
