/**
 * The live heap of a compiled Go program, found the way Go's mark phase finds it (runtime/mgcmark.go
 * markroot, scanobject): from the roots, following every pointer the values' types say they hold,
 * counting each heap object once. runtime/mgc.ts asks for it when a cycle starts (startCycle: the
 * world is stopped, every goroutine is suspended at an op), and the cycle marks that much plus what
 * is allocated during the mark (allocate-black), as Go's does.
 *
 * Design: compiled values are JS values (rt/values.ts): a *T to a struct is the struct's object, any
 * other *T a Box, a slice a Slice over a backing JS array (or Uint8Array), a map a JS Map, an
 * interface an Iface {t, v}. The walk is typed: a root comes with its Go type (the program's type
 * descriptors, `$T…`), so a pointer and an inline value of the same class are told apart, and each
 * object's size is sizeOf of its Go type (types.ts), the size the allocation sites count
 * (rt/malloc.ts). Visited objects are kept in a Set (one per mark: deterministic, the walk's order is
 * the roots' and fields' order); the walk uses an explicit stack (a list of a million nodes does not
 * recurse a million times).
 *
 * The roots the generated code registers (compiler/stmt.ts, compiler/program.ts):
 * - the package variables: `$proc.gcRoots`, set once by the program;
 * - each frame of each goroutine: a function whose parameters, top-level locals (those declared in
 *   its body's outermost block) or captured variables may hold pointers sets `$f.g`, a closure that
 *   hands them to the visitor. Go's stack maps know every live slot; the closure sees the variables
 *   of the function's outermost block only (JS block scoping hides a loop body's locals from it),
 *   and those not declared yet at the suspension point are skipped (their temporal dead zone).
 *
 * A variable is a root while its frame's line is at most its last live line (compiler/stmt.ts
 * lastLiveLines: Go's stack maps end a slot at its last use, which runtime.KeepAlive marks; a use
 * in a loop lasts the loop, one in a deferred call or a stored func literal the frame's life).
 * Objects with finalizers (rt/mfinal.ts) are marked as Go's markrootSpans does (their contents, not
 * themselves), and the finalizers queued and not run are roots; an unsafe.Pointer reaches its
 * object (whose finalizer then does not run) without walking it (its type is not known).
 *
 * Simplified: liveness is by line, not by instruction; a variable declared inside a
 * loop or a nested block is no root (what it alone holds is counted dead: an iteration's
 * temporaries);
 * what a func value captures is seen only while that func runs; channel buffers, timers and the
 * standard library's own state are not walked; strings count no bytes (a literal is static data, and
 * JS strings cannot be told apart by identity); an interior pointer (&s[i], &x.f) keeps nothing
 * alive by itself; a map counts makemap's 48 bytes plus its entries at sizeOf(key) + sizeOf(elem)
 * each (no buckets, no load factor: what rt/maps.ts mset counts as allocated); a struct or array
 * in an interface counts as the heap copy Go makes (convT), which the allocation sites do not count
 * (runtime/mgc.ts keeps the mark within the heap it holds).
 */
import { type Type, holdsPointers, isComplex, sizeOf, underlying } from '../types.js';
import { Box, type Iface } from './values.js';
import { Slice } from './slices.js';
import type { Op } from '../../workload/ops.js';

/** What the mark needs of a goroutine's frames (goroutine.ts Frame, GCtx: not imported, rt/ has no import cycle). */
export interface MarkFrame {
  g: RootSet | null;
}
export interface MarkCtx {
  fr: readonly MarkFrame[];
}

/** An object with a finalizer, or a queued finalizer's: the object and its pointer type. */
export interface FinalizedObject {
  readonly obj: object;
  readonly ot: Type;
}
/** What the mark needs of the run's finalizers (rt/mfinal.ts Finq; not imported: rt/ has no import cycle). */
export interface FinalizerSet {
  /** The objects with a finalizer. */
  readonly specials: ReadonlyMap<object, FinalizedObject>;
  /** Queued finalizers not run yet, and the batch running: their objects are roots. */
  readonly queue: readonly FinalizedObject[];
  readonly running: readonly FinalizedObject[];
  /** The sweep: queue the finalizers of the objects the mark did not reach. */
  sweep(reached: (o: object) => boolean): void;
  /** wakefing: the batch the finalizer goroutine is to run, when the last sweep queued finalizers. */
  fingwake(): (() => Generator<Op, void, unknown>) | null;
}

/** A root's visitor: the value and its Go type. */
export type RootVisitor = (v: unknown, t: Type) => void;
/** What a frame (`$f.g`) or the program (`$proc.gcRoots`) registers: it hands each root to the visitor. */
export type RootSet = (visit: RootVisitor) => void;

/** hmap's size on amd64 (go1.19/go1.26 map.go: makemap's header; the allocation site counts the same 48). */
const hmapSize = 48;

/** holdsPointers (types.ts), cached per type (types are interned by the compiler). */
class PointerKinds {
  private memo = new Map<Type, boolean>();
  has(t: Type): boolean {
    let m = this.memo.get(t);
    if (m === undefined) {
      m = holdsPointers(t);
      this.memo.set(t, m);
    }
    return m;
  }
}

/**
 * One run's marker (the program's roots and type caches). `mark(ctxs)` walks from the package
 * variables and the given goroutines' frames and returns the bytes reachable.
 */
export class HeapMarker {
  private kinds = new PointerKinds();
  private sizes = new Map<Type, number>();
  /** The package variables' roots (`$proc.gcRoots`), null until the program sets them. */
  globals: RootSet | null = null;
  /** The run's finalizers (rt/mfinal.ts: Process.finq), null when there are none to look after. */
  finq: FinalizerSet | null = null;
  /**
   * The part of the last mark's bytes in objects whose type holds pointers: Go's scan work
   * (scanobject reads a pointer-holding object; an object of a noscan span — a []byte, a []int — is
   * marked without being read: greyobject's `span.spanclass.noscan()`).
   */
  scanBytes = 0;
  /** The objects the current mark reached through an unsafe.Pointer only (not walked: their type is unknown). */
  private opaque = new Set<object>();

  private sizeOf(t: Type): number {
    let s = this.sizes.get(t);
    if (s === undefined) {
      s = sizeOf(t);
      this.sizes.set(t, s);
    }
    return s;
  }

  /** The bytes of heap reachable from the package variables and the frames of `ctxs`. */
  mark(ctxs: Iterable<MarkCtx>): number {
    this.scanBytes = 0;
    const seen = new Set<object>();
    const opaque = new Set<object>();
    this.opaque = opaque;
    const vals: unknown[] = [];
    const types: Type[] = [];
    const kinds = this.kinds;
    const push: RootVisitor = (v, t) => {
      if (v === null || v === undefined || typeof v !== 'object') return;
      if (!kinds.has(t)) return;
      vals.push(v);
      types.push(t);
    };
    try {
      this.globals?.(push);
    } catch {
      // a package variable not initialised yet (init order): the rest are not either
    }
    for (const ctx of ctxs) for (const f of ctx.fr) visitFrame(f, push);
    let bytes = 0;
    const drain = (): void => {
      while (vals.length > 0) {
        const v = vals.pop() as object;
        const t = types.pop()!;
        bytes += this.scan(v, t, seen, push);
      }
    };
    drain();
    const fq = this.finq;
    if (fq !== null && (fq.specials.size > 0 || fq.queue.length > 0 || fq.running.length > 0)) {
      // markroot: the finalizers queued and not run yet are roots (finq); markrootSpans: what an
      // object with a finalizer points to is marked, the object itself is not
      for (const f of fq.queue) push(f.obj, f.ot);
      for (const f of fq.running) push(f.obj, f.ot);
      for (const f of fq.specials.values()) this.contents(f.obj, f.ot, push);
      drain();
      // the sweep: an object with a finalizer the mark did not reach has its finalizer queued
      fq.sweep((o) => seen.has(o) || opaque.has(o));
    }
    return bytes;
  }

  /** What the object a pointer of type t points to holds (markrootSpans' scanobject of a finalized object: its slots, not itself). */
  private contents(v: object, t: Type, push: RootVisitor): void {
    const u = underlying(t);
    if (u.k !== 'ptr') return;
    if (underlying(u.elem).k === 'struct') this.inline(v, u.elem, push);
    else if (v instanceof Box && v.v !== null && typeof v.v === 'object') this.inline(v.v, u.elem, push);
  }

  /** Scan one value of type t (a root or a pointer's target): the bytes of the objects it newly reaches. */
  private scan(v: object, t: Type, seen: Set<object>, push: RootVisitor): number {
    const u = underlying(t);
    switch (u.k) {
      case 'ptr': {
        // The target object: a struct's own object, any other type's Box (an interior Ref keeps nothing).
        const e = u.elem;
        const eu = underlying(e);
        if (eu.k === 'struct') {
          if (seen.has(v)) return 0;
          seen.add(v);
          return this.object(e, this.sizeOf(e)) + this.inline(v, e, push);
        }
        if (!(v instanceof Box)) return 0;
        if (seen.has(v)) return 0;
        seen.add(v);
        const x = v.v;
        return this.object(e, this.sizeOf(e)) + (x !== null && typeof x === 'object' ? this.inline(x, e, push) : 0);
      }
      case 'slice': {
        if (!(v instanceof Slice)) return 0;
        const a = v.a as unknown as object;
        if (seen.has(a)) return 0;
        seen.add(a);
        const n = (v.a as unknown[]).length;
        const e = u.elem;
        if (this.kinds.has(e)) for (let i = 0; i < n; i++) this.elem(v.a[i], e, push);
        return this.object(e, n * this.sizeOf(e));
      }
      case 'map': {
        if (!(v instanceof Map)) return 0;
        if (seen.has(v)) return 0;
        seen.add(v);
        const kp = this.kinds.has(u.key);
        const ep = this.kinds.has(u.elem);
        // a key compared by value (rt/maps.ts cmset) is stored as [k, v] under its mapKey string
        const byValue = keyByValue(u.key);
        if (kp || ep)
          for (const [mk, mv] of v) {
            const k = byValue ? (mv as unknown[])[0] : mk;
            const x = byValue ? (mv as unknown[])[1] : mv;
            if (kp) this.elem(k, u.key, push);
            if (ep) this.elem(x, u.elem, push);
          }
        // the hmap header holds pointers (buckets); the entries are scanned when key or value does
        const entries = v.size * (this.sizeOf(u.key) + this.sizeOf(u.elem));
        this.scanBytes += hmapSize + (kp || ep ? entries : 0);
        return hmapSize + entries;
      }
      case 'iface': {
        const i = v as Iface;
        // an interface value is an Iface {t, v} whose t is a type descriptor; anything else holds nothing the mark knows
        if (typeof i.t !== 'object' || i.t === null || typeof (i.t as { k?: unknown }).k !== 'string') return 0;
        const x = i.v;
        if (x === null || x === undefined || typeof x !== 'object') return 0;
        const du = underlying(i.t);
        // A struct or array boxed into an interface is a heap copy (convT); pointers, slices and maps are followed.
        if (du.k === 'struct' || du.k === 'array') {
          if (seen.has(x)) return 0;
          seen.add(x);
          return this.object(i.t, this.sizeOf(i.t)) + this.inline(x, i.t, push);
        }
        push(x, i.t);
        return 0;
      }
      case 'basic': {
        // an unsafe.Pointer: the JS pointer it was converted from (rt/pointers.ts). Its target's type
        // is not known here: the object is reached (its finalizer, if any, does not run), its
        // contents are not walked and its bytes not counted.
        this.opaque.add(v);
        return 0;
      }
      default:
        return this.inline(v, t, push);
    }
  }

  /** An object of `bytes` whose elements are of type t: its bytes, counted as scan work when t holds pointers. */
  private object(t: Type, bytes: number): number {
    if (this.kinds.has(t)) this.scanBytes += bytes;
    return bytes;
  }

  /** A value stored in a slot of type t (an element, a field): pointers are pushed, inline aggregates walked. */
  private elem(x: unknown, t: Type, push: RootVisitor): void {
    if (x === null || x === undefined || typeof x !== 'object') return;
    const k = underlying(t).k;
    if (k === 'struct' || k === 'array') this.inline(x, t, push);
    else push(x, t);
  }

  /** The slots of an inline struct or array value of type t (its bytes are its container's). */
  private inline(v: object, t: Type, push: RootVisitor): number {
    if (t.k === 'named' && t.native) return 0;
    const u = underlying(t);
    if (u.k === 'struct') {
      const o = v as Record<string, unknown>;
      for (const f of u.fields) if (this.kinds.has(f.type)) this.elem(o[f.js], f.type, push);
    } else if (u.k === 'array') {
      if (!this.kinds.has(u.elem) || !Array.isArray(v)) return 0;
      for (const x of v) this.elem(x, u.elem, push);
    } else push(v, t);
    return 0;
  }
}

/** The map keys rt/maps.ts stores by value (compiler/operand.ts complexKey: struct, array, interface, float, complex). */
function keyByValue(t: Type): boolean {
  const u = underlying(t);
  return u.k === 'struct' || u.k === 'array' || u.k === 'iface' || isComplex(u) || (u.k === 'basic' && (u.name === 'float32' || u.name === 'float64'));
}

/** A frame's registered roots (`$f.g`), if any. */
function visitFrame(f: MarkFrame, push: RootVisitor): void {
  const g = f.g;
  if (g === null) return;
  try {
    g(push);
  } catch {
    // a variable still in its temporal dead zone (declared after the suspension point): the later ones are too
  }
}
