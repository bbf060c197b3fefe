/**
 * The simulated kernel's pipes and fd table (src/sys/kernel.ts) against Linux's documented rules:
 * - pipe(7): a pipe holds 65536 bytes (16 pages) and delivers them in the order written; a
 *   non-blocking write to a full pipe fails with EAGAIN, a non-blocking read of an empty one too;
 * - open(2): "the file descriptor returned by a successful call will be the lowest-numbered file
 *   descriptor not currently open for the process" (pipe2 allocates its two fds the same way).
 * The pipe's buffer grows with its content (bench/vs-go pipes.go: 9000 pipes); these cases cross
 * every growth step and the ring's wrap-around, checking each byte's order.
 */
import { describe, expect, it } from 'vitest';
import { Errno, Kernel, O, PIPE_BUF_SIZE, type ByteBuf } from '../../src/sys/kernel.js';

const bytes = (n: number, from: number): ByteBuf => ({ a: Array.from({ length: n }, (_, i) => (from + i) & 255), o: 0, n });

describe('pipes (pipe(7))', () => {
  it('hold 65536 bytes in the order written, across growth and wrap-around', () => {
    const k = new Kernel();
    const [r, w] = k.pipe(O.NONBLOCK).fds!;
    let wrote = 0;
    let read = 0;
    // Small writes first (the buffer grows step by step), then large ones that wrap the ring.
    const plan: [number, number][] = [[1, 0], [3, 2], [100, 50], [40_000, 30_000], [50_000, 45_000], [PIPE_BUF_SIZE, PIPE_BUF_SIZE]];
    for (const [wn, rn] of plan) {
      const room = PIPE_BUF_SIZE - (wrote - read);
      const res = k.write(w!, bytes(wn, wrote));
      expect(res.r).toBe(Math.min(wn, room));
      wrote += res.r;
      const dst: ByteBuf = { a: new Array(rn).fill(-1), o: 0, n: rn };
      const got = k.read(r!, dst);
      expect(got.r).toBe(Math.min(rn, wrote - read));
      for (let i = 0; i < got.r; i++) expect(dst.a[i]).toBe((read + i) & 255);
      read += got.r;
    }
    expect(wrote).toBe(read);
  });

  it('a non-blocking write to a full pipe fails with EAGAIN; a read of an empty one too', () => {
    const k = new Kernel();
    const [r, w] = k.pipe(O.NONBLOCK).fds!;
    expect(k.read(r!, { a: [0], o: 0, n: 1 }).errno).toBe(Errno.EAGAIN);
    expect(k.write(w!, bytes(PIPE_BUF_SIZE, 0)).r).toBe(PIPE_BUF_SIZE);
    expect(k.write(w!, bytes(1, 0)).errno).toBe(Errno.EAGAIN);
  });
});

describe('fd numbers (open(2): the lowest free one)', () => {
  it('reuses the lowest closed fd first, then continues above the highest', () => {
    const k = new Kernel();
    const fds: number[] = [];
    for (let i = 0; i < 5; i++) fds.push(...k.pipe(0).fds!);
    expect(fds).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    k.close(9);
    k.close(4);
    k.close(6);
    expect(k.pipe(0).fds).toEqual([4, 6]);
    expect(k.pipe(0).fds).toEqual([9, 13]);
    expect(k.pipe(0).fds).toEqual([14, 15]);
  });
});
