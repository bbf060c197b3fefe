/**
 * Pointer operations and nil checks (Go's implicit nil checks, runtime/panic.go panicmem): taking
 * the address of a field or element (a PropRef), dereferencing, a pointer to struct or a func used
 * while nil, and assignment through a pointer to struct (in place, so other pointers see it).
 */
import { nilDeref, rtPanic, unsupportedAtRun } from './panics.js';
import { Slice } from './slices.js';
import { type Ref, Box, PropRef } from './values.js';

export function ref(o: unknown, k: string | number): Ref {
  if (o === null || o === undefined) nilDeref();
  return new PropRef(o as Record<string | number, unknown>, k);
}
/**
 * p == q for pointers to non-struct locations and unsafe.Pointers: each &x[i] or &s.f makes a new
 * PropRef, so two pointers to one element are equal when they refer to the same object and key (a
 * Box is its own variable: identity).
 */
export function peq(a: Ref | null, b: Ref | null): boolean {
  if (a === b) return true;
  // an unsafe.Pointer's zero value is the number 0 (compiler/operand.ts zero of a basic type): nil
  if ((a === null || (a as unknown) === 0) && (b === null || (b as unknown) === 0)) return true;
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

// ---- package unsafe's pointer arithmetic (Go 1.17/1.20; runtime/unsafe.go). An unsafe.Pointer is
// the JS pointer it was converted from: a PropRef to an array element (which knows its element size,
// so steps of whole elements stay on the array), a struct object, a Box, or a number (an address
// made from a uintptr). Anything else is unsupportedAtRun.

/**
 * unsafe.Pointer(u) of a uintptr u: the address itself when u is a number (made up by the program),
 * the reference when u is uintptr(unsafe.Pointer(p)) unchanged. A uintptr computed from a pointer's
 * (uintptr(unsafe.Pointer(&x)) + unsafe.Offsetof(x.f)) is NaN here (integers.ts: arithmetic on a
 * reference): gmpsim's pointers are references, not addresses, so that is unsupportedAtRun rather
 * than a pointer to nothing.
 */
export function uptr(u: unknown): unknown {
  if (typeof u === 'number' && Number.isNaN(u)) return unsupportedAtRun('unsafe.Pointer of arithmetic on a pointer\'s uintptr (uintptr(unsafe.Pointer(p)) + offset)');
  return u;
}

/** An array's or slice's backing store: a JS array, or a []byte's Uint8Array (slices.ts byteArray). */
function isBacking(o: unknown): o is unknown[] {
  return Array.isArray(o) || o instanceof Uint8Array;
}

/** unsafe.Add(p, n): n bytes on. */
export function unsafeAdd(p: unknown, n: number): unknown {
  if (n === 0) return p;
  if (typeof p === 'number') return p + n;
  if (p instanceof PropRef && typeof p.k === 'number' && p.es > 0 && n % p.es === 0) return new PropRef(p.o, p.k + n / p.es, p.es);
  return unsupportedAtRun('unsafe.Add off an array\'s elements');
}

/** The address range check of unsafe.Slice and unsafe.String (runtime/unsafe.go unsafeslice, unsafestring). */
function checkUnsafe(fn: string, p: unknown, n: number, esize: number): void {
  if (!(n >= 0) || n > 9223372036854775807n) throw rtPanic(`${fn}: len out of range`);
  // exact (a length or an address beyond 2^53 is a bigint: integers.ts)
  const mem = BigInt(esize) * BigInt(n);
  // mem > -uintptr(ptr): past the end of the address space (a nil ptr: only length 0)
  const room = typeof p === 'number' || typeof p === 'bigint' ? 18446744073709551616n - BigInt(p) : p === null ? 0n : 18446744073709551616n;
  if (mem >= 18446744073709551616n || mem > room) throw rtPanic(p === null ? `${fn}: ptr is nil and len is not zero` : `${fn}: len out of range`);
}

/** unsafe.Slice(p, n): the n elements from *p on (sharing them), nil for a nil p and n = 0. */
export function unsafeSlice(p: unknown, n: number, esize: number): Slice | null {
  checkUnsafe('unsafe.Slice', p, n, esize);
  n = Number(n);
  if (p === null) return null;
  if (p instanceof PropRef && typeof p.k === 'number' && isBacking(p.o) && p.k + n <= p.o.length) return new Slice(p.o, p.k, n, n);
  if (n === 0) return new Slice([], 0, 0, 0);
  // at an address made from a uintptr: a slice whose elements cannot be read or written here
  if (typeof p === 'number' || typeof p === 'bigint') return new Slice(madeUpMemory(n), 0, n, n);
  return unsupportedAtRun('unsafe.Slice beyond an array\'s elements');
}

/** n elements at an address the program made up: any access is unsupportedAtRun (Go reads whatever is there, or faults). */
function madeUpMemory(n: number): unknown[] {
  const fault = (): never => unsupportedAtRun('memory at an address made from a uintptr');
  return new Proxy(new Array<unknown>(n), { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) ? fault() : Reflect.get(t, k)), set: () => fault() });
}

/** unsafe.String(p, n): the string of the n bytes from *p on. */
export function unsafeString(p: unknown, n: number): string {
  checkUnsafe('unsafe.String', p, n, 1);
  n = Number(n);
  if (n === 0) return '';
  if (p instanceof PropRef && typeof p.k === 'number' && isBacking(p.o) && p.k + n <= p.o.length) return String.fromCharCode(...(p.o.slice(p.k, p.k + n) as number[]));
  return unsupportedAtRun('unsafe.String beyond an array\'s elements');
}

/** unsafe.StringData(s): a pointer to s's bytes (a read-only copy: Go strings are immutable), nil for "". */
export function unsafeStringData(s: string): unknown {
  if (s.length === 0) return null;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) bytes.push(s.charCodeAt(i));
  return new PropRef(bytes as unknown as Record<number, unknown>, 0, 1);
}

/** unsafe.SliceData(s): &s[:1][0] (its array's element at the slice's offset), nil for a nil slice. */
export function unsafeSliceData(s: Slice | null, esize: number): unknown {
  if (s === null) return null;
  return new PropRef(s.a as unknown as Record<number, unknown>, s.o, esize);
}

/**
 * (*reflect.SliceHeader)(p) and (*reflect.StringHeader)(p) of an unsafe.Pointer made from a slice's
 * or a string's address (reflect/value.go: "the runtime representation"): a struct whose fields
 * read and write the variable through p — Data is unsafe.SliceData's pointer (its array's element
 * at the slice's offset; element size unknown here, so unsafe.Add off it is unsupported) or
 * unsafe.StringData's (a read-only copy of the bytes: two headers of one string do not share it),
 * Len and Cap the slice's; setting Len or Cap reslices within the array. Anything else p points to
 * (a header struct itself) is returned as it is.
 */
export function headerView(p: unknown, ofString: boolean): unknown {
  if (!(p instanceof Box || p instanceof PropRef)) return p;
  const r = p as Ref;
  const cur = r.v;
  if (ofString ? typeof cur !== 'string' : !(cur === null || cur instanceof Slice)) return p;
  const view = ofString
    ? {
        get Data(): unknown {
          return unsafeStringData(r.v as string);
        },
        set Data(_: unknown) {
          unsupportedAtRun('setting reflect.StringHeader.Data');
        },
        get Len(): number {
          return (r.v as string).length;
        },
        set Len(n: number) {
          const s = r.v as string;
          if (n > s.length) unsupportedAtRun('reflect.StringHeader.Len past the string');
          r.v = s.slice(0, n);
        },
      }
    : {
        get Data(): unknown {
          const s = r.v as Slice | null;
          return s === null ? 0 : new PropRef(s.a as unknown as Record<number, unknown>, s.o, 0);
        },
        set Data(_: unknown) {
          unsupportedAtRun('setting reflect.SliceHeader.Data');
        },
        get Len(): number {
          return (r.v as Slice | null)?.n ?? 0;
        },
        set Len(n: number) {
          const s = r.v as Slice | null;
          if (s === null ? n !== 0 : n > s.c) unsupportedAtRun('reflect.SliceHeader.Len past its Cap');
          if (s !== null) r.v = new Slice(s.a, s.o, n, s.c);
        },
        get Cap(): number {
          return (r.v as Slice | null)?.c ?? 0;
        },
        set Cap(c: number) {
          const s = r.v as Slice | null;
          if (s === null ? c !== 0 : c > s.c || c < s.n) unsupportedAtRun('reflect.SliceHeader.Cap past the array');
          if (s !== null) r.v = new Slice(s.a, s.o, s.n, c);
        },
      };
  // a copy (*h) is a plain struct of the current values
  Object.defineProperty(view, '$c', { enumerable: false, value: () => snapshot(view as unknown as Record<string, unknown>, ofString) });
  return view;
}
function snapshot(v: Record<string, unknown>, ofString: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = ofString ? { Data: v.Data, Len: v.Len } : { Data: v.Data, Len: v.Len, Cap: v.Cap };
  Object.defineProperty(o, '$c', { enumerable: false, value: () => snapshot(o, ofString) });
  return o;
}
