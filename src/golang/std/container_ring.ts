/**
 * Package container/ring: circular lists (container/ring/ring.go). A Ring is a native struct with
 * Go's exported field Value and its next/prev links; the zero Ring is a one-element ring, linked to
 * itself on first use (ring.go init), and the methods follow ring.go's algorithms. Do calls the
 * program's function (a Go generator) for each element.
 *
 * Simplified: Len and Do on a nil *Ring panic with a nil dereference (Go's return 0 and do nothing),
 * and copying a Ring value (`r2 := *r`) shares it, as for the library's other native types.
 */
import type { Op } from '../../workload/ops.js';
import { tInt, type NamedType } from '../types.js';
import { pkg, F, T, fn, tAny, subset, native, method } from './registry.js';

type Go<T = void> = Generator<Op, T, unknown>;

export class Ring {
  next: Ring | null = null;
  prev: Ring | null = null;
  Value: unknown = null;
  private init(): Ring {
    this.next = this;
    this.prev = this;
    return this;
  }
  Next(): Ring {
    return this.next === null ? this.init() : this.next;
  }
  Prev(): Ring {
    return this.next === null ? this.init() : this.prev!;
  }
  Move(n: number): Ring {
    if (this.next === null) return this.init();
    let r: Ring = this;
    for (; n < 0; n++) r = r.prev!;
    for (; n > 0; n--) r = r.next!;
    return r;
  }
  Link(s: Ring | null): Ring {
    const n = this.Next();
    if (s !== null) {
      const p = s.Prev();
      this.next = s;
      s.prev = this;
      n.prev = p;
      p.next = n;
    }
    return n;
  }
  Unlink(n: number): Ring | null {
    if (n <= 0) return null;
    return this.Link(this.Move(n + 1));
  }
  Len(): number {
    let n = 1;
    for (let p = this.Next(); p !== this; p = p.next!) n++;
    return n;
  }
  *Do(f: (v: unknown) => Go<unknown>): Go {
    yield* f(this.Value);
    for (let p = this.Next(); p !== this; p = p.next!) yield* f(p.Value);
  }
}

/** ring.New(n): a ring of n elements (nil for n ≤ 0). */
export function New(n: number): Ring | null {
  if (n <= 0) return null;
  const r = new Ring();
  let p = r;
  for (let i = 1; i < n; i++) {
    const q = new Ring();
    q.prev = p;
    p.next = q;
    p = q;
  }
  p.next = r;
  r.prev = p;
  return r;
}

export const tRing: NamedType = native('Ring', 'container/ring', '$P.container_ring.Ring', { k: 'struct', fields: [{ name: 'Value', type: tAny, embedded: false, js: 'Value' }] });
const pRing = { k: 'ptr', elem: tRing } as const;
method(tRing, 'Next', fn([], [pRing]), false);
method(tRing, 'Prev', fn([], [pRing]), false);
method(tRing, 'Move', fn([tInt], [pRing]), false);
method(tRing, 'Link', fn([pRing], [pRing]), false);
method(tRing, 'Unlink', fn([tInt], [pRing]), false);
method(tRing, 'Len', fn([], [tInt]), false);
method(tRing, 'Do', fn([fn([tAny])]), true);

pkg('container/ring', {
  Ring: T(tRing),
  New: F(fn([tInt], [pRing]), (a) => `$P.container_ring.New(${a[0]})`),
  $unsupported: subset(),
});
