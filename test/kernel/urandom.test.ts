/**
 * /dev/urandom in the simulated kernel (src/sys/kernel.ts fillRandom): a fixed, deterministic byte
 * stream (xorshift32, four bytes a step, low byte first; a read starts at a step's first byte). The
 * kernel fills a []byte's Uint8Array a 32-bit word at a time when the destination is 4-aligned and byte
 * by byte otherwise (and into plain arrays): every path must give the same bytes, or a program's output
 * would depend on where its buffer happens to start.
 */
import { describe, expect, it } from 'vitest';
import { Kernel, O, type ByteBuf } from '../../src/sys/kernel.js';

/** The stream by its definition, for reads of the given sizes (each from a step's first byte). */
function reference(sizes: number[]): number[] {
  let x = 0x9e3779b9 | 0;
  const out: number[] = [];
  for (const n of sizes) {
    for (let i = 0; i < n; ) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      for (let b = 0; b < 4 && i < n; b++, i++) out.push((x >>> (8 * b)) & 255);
    }
  }
  return out;
}

function readAll(sizes: number[], buf: (n: number) => ByteBuf): number[] {
  const k = new Kernel();
  const fd = k.open('/dev/urandom', O.RDONLY, 0).r;
  const out: number[] = [];
  for (const n of sizes) {
    const dst = buf(n);
    expect(k.read(fd, dst).r).toBe(n);
    for (let i = 0; i < n; i++) out.push(dst.a[dst.o + i] as number);
  }
  return out;
}

describe('/dev/urandom', () => {
  const sizes = [1, 3, 4, 5, 8, 1023, 4096, 7, 65536];
  const want = reference(sizes);
  it('gives the same stream into plain arrays, aligned and unaligned Uint8Arrays', () => {
    expect(readAll(sizes, (n) => ({ a: new Array(n).fill(0), o: 0, n }))).toEqual(want);
    const typed = (n: number, o: number): ByteBuf => ({ a: new Uint8Array(n + o) as unknown as unknown[], o, n });
    for (const o of [0, 1, 2, 3, 4]) expect(readAll(sizes, (n) => typed(n, o)), `offset ${o}`).toEqual(want);
    // a view that starts at an odd byte of its ArrayBuffer
    const sub = (n: number): ByteBuf => ({ a: new Uint8Array(new ArrayBuffer(n + 8), 3, n) as unknown as unknown[], o: 0, n });
    expect(readAll(sizes, sub)).toEqual(want);
  });

  it('is not constant: the bytes of a large read are spread over all values', () => {
    const bytes = readAll([1 << 16], (n) => ({ a: new Uint8Array(n) as unknown as unknown[], o: 0, n }));
    const seen = new Set(bytes);
    expect(seen.size).toBe(256);
  });
});
