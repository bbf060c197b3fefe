/**
 * Package sync/atomic: the functions (AddInt64, LoadInt32, CompareAndSwapUint64 …) on pointers, and
 * Go 1.19's typed atomics (atomic.Int64, Bool, Value …).
 *
 * The simulation runs one goroutine step at a time, so every operation is atomic as it stands: an
 * atomic is a plain read-modify-write; the functions wrap around at their width as Go's do.
 * CPU: the read-modify-write functions charge src/golang/cost.ts `atomic` (a locked instruction); the
 * typed atomics' methods are charged as calls. Simplified: no memory ordering to model (the engine is sequentially consistent); no
 * atomic.Pointer[T] (no generics).
 */
import type { PkgMember } from '../core.js';
import { type FuncType, type NamedType, tBool, tInt32, tInt64 } from '../types.js';
import { type Int64, add64, addu64 } from '../rt/integers.js';
import { pkg, F, T, fn, ptr, tAny, tUint32, tUint64, tUintptr, native, method, subset } from './registry.js';

/** atomic.Int64 (and the base of the other widths): Add wraps at the width (rt/integers.ts). */
export class AtomicBox {
  v: Int64 = 0;
  Load(): Int64 {
    return this.v;
  }
  Store(x: Int64): void {
    this.v = x;
  }
  Add(d: Int64): Int64 {
    return (this.v = add64(this.v, d));
  }
  Swap(x: Int64): Int64 {
    const o = this.v;
    this.v = x;
    return o;
  }
  CompareAndSwap(o: Int64, x: Int64): boolean {
    if (this.v !== o) return false;
    this.v = x;
    return true;
  }
}
/** atomic.Uint64. */
export class AtomicUint64Box extends AtomicBox {
  override Add(d: Int64): Int64 {
    return (this.v = addu64(this.v, d));
  }
}
/** atomic.Int32. */
export class AtomicInt32Box extends AtomicBox {
  override Add(d: Int64): Int64 {
    return (this.v = ((this.v as number) + (d as number)) | 0);
  }
}
/** atomic.Uint32. */
export class AtomicUint32Box extends AtomicBox {
  override Add(d: Int64): Int64 {
    return (this.v = ((this.v as number) + (d as number)) >>> 0);
  }
}
export class AtomicBool {
  v = false;
  Load(): boolean {
    return this.v;
  }
  Store(x: boolean): void {
    this.v = x;
  }
  CompareAndSwap(o: boolean, x: boolean): boolean {
    if (this.v !== o) return false;
    this.v = x;
    return true;
  }
}
export class AtomicValue {
  v: unknown = null;
  Load(): unknown {
    return this.v;
  }
  Store(x: unknown): void {
    this.v = x;
  }
}

/**
 * A read-modify-write function: a LOCK-prefixed instruction on amd64 (Store is XCHG), which costs
 * the CPU `atomic` ns more than the plain operation (src/golang/cost.ts).
 */
function RMW(t: FuncType, call: (a: string[]) => string): PkgMember {
  return {
    kind: 'func',
    t,
    call: (a, c) => {
      c.charge(c.cpu.atomic);
      return call(a);
    },
  };
}

const members: Record<string, PkgMember> = {};
const typedList: NamedType[] = [];
for (const [nm, t] of [
  ['Int32', tInt32],
  ['Int64', tInt64],
  ['Uint32', tUint32],
  ['Uint64', tUint64],
  ['Uintptr', tUintptr],
] as const) {
  const p = ptr(t);
  const add = nm === 'Int32' ? '((r.v + d) | 0)' : nm === 'Uint32' ? '((r.v + d) >>> 0)' : nm === 'Int64' ? '$L.add64(r.v, d)' : '$L.addu64(r.v, d)';
  members[`Add${nm}`] = RMW(fn([p, t], [t]), (a) => `((r, d) => (r.v = ${add}))($L.nn(${a[0]}), ${a[1]})`);
  members[`Load${nm}`] = F(fn([p], [t]), (a) => `$L.nn(${a[0]}).v`);
  members[`Store${nm}`] = RMW(fn([p, t]), (a) => `void ($L.nn(${a[0]}).v = ${a[1]})`);
  members[`Swap${nm}`] = RMW(fn([p, t], [t]), (a) => `((r, v) => { const o = r.v; r.v = v; return o; })($L.nn(${a[0]}), ${a[1]})`);
  members[`CompareAndSwap${nm}`] = RMW(fn([p, t, t], [tBool]), (a) => `((r, o, v) => r.v === o ? (r.v = v, true) : false)($L.nn(${a[0]}), ${a[1]}, ${a[2]})`);
  // the typed atomics of Go 1.19 (atomic.Int64 …)
  if (nm !== 'Uintptr') {
    const at = native(nm, 'atomic', `$P.sync_atomic.${nm === 'Int64' ? 'AtomicBox' : `Atomic${nm}Box`}`);
    method(at, 'Load', fn([], [t]), false);
    method(at, 'Store', fn([t]), false);
    method(at, 'Add', fn([t], [t]), false);
    method(at, 'Swap', fn([t], [t]), false);
    method(at, 'CompareAndSwap', fn([t, t], [tBool]), false);
    members[nm] = T(at);
    typedList.push(at);
  }
}
const tAtomicBool = native('Bool', 'atomic', '$P.sync_atomic.AtomicBool');
method(tAtomicBool, 'Load', fn([], [tBool]), false);
method(tAtomicBool, 'Store', fn([tBool]), false);
method(tAtomicBool, 'CompareAndSwap', fn([tBool, tBool], [tBool]), false);
members.Bool = T(tAtomicBool);
const tAtomicValue = native('Value', 'atomic', '$P.sync_atomic.AtomicValue');
method(tAtomicValue, 'Load', fn([], [tAny]), false);
method(tAtomicValue, 'Store', fn([tAny]), false);
members.Value = T(tAtomicValue);
typedList.push(tAtomicBool, tAtomicValue);
/** The typed atomics (their `$m` method tables are built by std/index.ts's init). */
export const typed: readonly NamedType[] = typedList;
pkg('sync/atomic', { ...members, $unsupported: subset() });
