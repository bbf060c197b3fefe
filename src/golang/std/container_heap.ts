/**
 * Package container/heap: Init, Push, Pop, Remove and Fix over the program's heap.Interface (sort's
 * Len/Less/Swap plus Push(x any) and Pop() any), with container/heap/heap.go's algorithm (up, down),
 * so the program's methods are called in Go's order and as often. The methods are the program's Go
 * methods (generators: they may block or be preempted), reached through the dynamic type's method
 * table as sort.Sort reaches them.
 */
import type { Op } from '../../workload/ops.js';
import { tBool, tInt, newNamed } from '../types.js';
import { pkg, F, T, fn, tAny, subset } from './registry.js';
import type { Iface } from '../rt/values.js';
import { nilDeref } from '../rt/panics.js';

type Go<T = void> = Generator<Op, T, unknown>;
type Method = (recv: unknown, ...a: unknown[]) => Go<unknown>;

/** The program's heap.Interface value: its methods through the dynamic type's method table. */
function methods(h: Iface | null) {
  if (h === null) nilDeref();
  const m = (h.t as unknown as { $m: Record<string, Method> }).$m;
  return {
    len: () => m.Len!(h.v) as Go<number>,
    less: (i: number, j: number) => m.Less!(h.v, i, j) as Go<boolean>,
    swap: (i: number, j: number) => m.Swap!(h.v, i, j),
    push: (x: unknown) => m.Push!(h.v, x),
    pop: () => m.Pop!(h.v),
  };
}
type Heap = ReturnType<typeof methods>;

function* up(h: Heap, j: number): Go {
  for (;;) {
    const i = Math.trunc((j - 1) / 2); // parent
    if (i === j || !(yield* h.less(j, i))) break;
    yield* h.swap(i, j);
    j = i;
  }
}

function* down(h: Heap, i0: number, n: number): Go<boolean> {
  let i = i0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n || j1 < 0) break; // j1 < 0 after int overflow
    let j = j1; // left child
    const j2 = j1 + 1;
    if (j2 < n && (yield* h.less(j2, j1))) j = j2; // = 2*i + 2  // right child
    if (!(yield* h.less(j, i))) break;
    yield* h.swap(i, j);
    i = j;
  }
  return i > i0;
}

/** heap.Init(h): establishes the heap invariants, O(n). */
export function* Init(x: Iface | null): Go {
  const h = methods(x);
  const n = yield* h.len();
  for (let i = Math.trunc(n / 2) - 1; i >= 0; i--) yield* down(h, i, n);
}
/** heap.Push(h, x): h.Push(x), then up from the last element. */
export function* Push(x: Iface | null, v: unknown): Go {
  const h = methods(x);
  yield* h.push(v);
  yield* up(h, (yield* h.len()) - 1);
}
/** heap.Pop(h): the minimum (by Less), removed: swap it to the end, restore, h.Pop(). */
export function* Pop(x: Iface | null): Go<unknown> {
  const h = methods(x);
  const n = (yield* h.len()) - 1;
  yield* h.swap(0, n);
  yield* down(h, 0, n);
  return yield* h.pop();
}
/** heap.Remove(h, i): the element at index i, removed. */
export function* Remove(x: Iface | null, i: number): Go<unknown> {
  const h = methods(x);
  const n = (yield* h.len()) - 1;
  if (n !== i) {
    yield* h.swap(i, n);
    if (!(yield* down(h, i, n))) yield* up(h, i);
  }
  return yield* h.pop();
}
/** heap.Fix(h, i): re-establishes the ordering after the element at index i changed. */
export function* Fix(x: Iface | null, i: number): Go {
  const h = methods(x);
  if (!(yield* down(h, i, yield* h.len()))) yield* up(h, i);
}

export const tInterface = newNamed('Interface', 'container/heap', {
  k: 'iface',
  methods: new Map([
    ['Len', fn([], [tInt])],
    ['Less', fn([tInt, tInt], [tBool])],
    ['Swap', fn([tInt, tInt])],
    ['Push', fn([tAny])],
    ['Pop', fn([], [tAny])],
  ]),
});
pkg('container/heap', {
  Interface: T(tInterface),
  Init: F(fn([tInterface]), (a) => `(yield* $P.container_heap.Init(${a[0]}))`),
  Push: F(fn([tInterface, tAny]), (a) => `(yield* $P.container_heap.Push(${a[0]}, ${a[1]}))`),
  Pop: F(fn([tInterface], [tAny]), (a) => `(yield* $P.container_heap.Pop(${a[0]}))`),
  Remove: F(fn([tInterface, tInt], [tAny]), (a) => `(yield* $P.container_heap.Remove(${a[0]}, ${a[1]}))`),
  Fix: F(fn([tInterface, tInt]), (a) => `(yield* $P.container_heap.Fix(${a[0]}, ${a[1]}))`),
  $unsupported: subset(),
});
