/**
 * Package crypto/sha256 (FIPS 180-4): Sum256, Sum224, New and New224 (a hash.Hash: Write, Sum,
 * Reset, Size, BlockSize). The compression function is written from the standard (the round
 * constants are the first 32 bits of the fractional parts of the cube roots of the first 64
 * primes, the initial values those of the square roots of the first 8 — computed here, not
 * tabulated), on 32-bit integers; synchronous and deterministic, no platform crypto API.
 *
 * A digest keeps the unprocessed tail of its input as a byte string and the total length; Sum
 * pads a copy, so writing may continue after it, as in Go.
 */
import { tInt, tUint8, tUntypedInt, newNamed } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, T, C, fn, ptr, tBytes, native, method, subset } from './registry.js';
import { type Slice, append } from '../rt/slices.js';
import { bytesToString, bytesOfString } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

/** The first `n` primes. */
function primes(n: number): number[] {
  const out: number[] = [];
  for (let k = 2; out.length < n; k++) if (out.every((p) => k % p !== 0)) out.push(k);
  return out;
}
/** The first 32 bits of the fractional part of x. */
const frac32 = (x: number): number => Math.floor((x - Math.floor(x)) * 2 ** 32) >>> 0;
/** SHA-256's round constants K (FIPS 180-4 §4.2.2). */
const K = Object.freeze(primes(64).map((p) => frac32(Math.cbrt(p))));
/** SHA-256's initial hash value H(0) (§5.3.3); SHA-224's are the second 32 bits of the square roots of primes 9–16 (§5.3.2), tabulated by the standard. */
const H256 = Object.freeze(primes(8).map((p) => frac32(Math.sqrt(p))));
const H224 = Object.freeze([0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** The compression function on one 64-byte block of byte string s at offset o. */
function block(h: number[], s: string, o: number, w: number[]): void {
  for (let t = 0; t < 16; t++) w[t] = (s.charCodeAt(o + 4 * t) << 24) | (s.charCodeAt(o + 4 * t + 1) << 16) | (s.charCodeAt(o + 4 * t + 2) << 8) | s.charCodeAt(o + 4 * t + 3);
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15]!;
    const y = w[t - 2]!;
    const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
    const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
  for (let t = 0; t < 64; t++) {
    const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + K[t]! + w[t]!) | 0;
    const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + hh) | 0;
}

/** sha256.digest: the running state of a SHA-256 (or SHA-224) hash. */
export class Digest {
  h: number[] = [];
  tail = '';
  len = 0;
  private readonly w: number[] = new Array<number>(64).fill(0);
  constructor(readonly is224 = false) {
    this.Reset();
  }
  Reset(): void {
    this.h = [...(this.is224 ? H224 : H256)];
    this.tail = '';
    this.len = 0;
  }
  /** Hash byte string s. */
  write(s: string): void {
    this.len += s.length;
    let buf = this.tail + s;
    let o = 0;
    for (; o + 64 <= buf.length; o += 64) block(this.h, buf, o, this.w);
    buf = buf.slice(o);
    this.tail = buf;
  }
  Write(p: Slice | null): [number, Iface | null] {
    const s = bytesToString(p);
    this.write(s);
    return [s.length, null];
  }
  /** The digest of what was written so far, as a byte string (the state is not changed). */
  checksum(): string {
    const h = [...this.h];
    const bits = this.len * 8;
    let pad = this.tail + '\x80' + '\0'.repeat((this.tail.length < 56 ? 55 : 119) - this.tail.length);
    const hi = Math.floor(bits / 2 ** 32);
    for (const x of [hi, bits >>> 0]) pad += String.fromCharCode((x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
    for (let o = 0; o < pad.length; o += 64) block(h, pad, o, this.w);
    let out = '';
    for (const x of h.slice(0, this.is224 ? 7 : 8)) out += String.fromCharCode((x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
    return out;
  }
  /** Sum(b): b with the digest appended. */
  Sum(b: Slice | null): Slice {
    return append(b, bytesOfString(this.checksum()), 1, 0);
  }
  Size(): number {
    return this.is224 ? Size224 : Size;
  }
  BlockSize(): number {
    return BlockSize;
  }
}
/** sha256.Size, Size224, BlockSize (crypto/sha256). */
export const Size = 32;
export const Size224 = 28;
export const BlockSize = 64;

/** sha256.Sum256 / Sum224: the digest as a [32]byte / [28]byte array. */
export function Sum(data: Slice | null, is224: boolean): number[] {
  const d = new Digest(is224);
  d.write(bytesToString(data));
  return bytesOfString(d.checksum()) as number[];
}

/** hash.Hash (package hash): io.Writer plus Sum, Reset, Size, BlockSize. */
export const tHash = newNamed('Hash', 'hash', {
  k: 'iface',
  methods: new Map([
    ['Write', fn([tBytes], [tInt, tError])],
    ['Sum', fn([tBytes], [tBytes])],
    ['Reset', fn([])],
    ['Size', fn([], [tInt])],
    ['BlockSize', fn([], [tInt])],
  ]),
});
export const tDigest = native('digest', 'sha256', '$P.crypto_sha256.Digest');
method(tDigest, 'Write', fn([tBytes], [tInt, tError]), false);
method(tDigest, 'Sum', fn([tBytes], [tBytes]), false);
method(tDigest, 'Reset', fn([]), false);
method(tDigest, 'Size', fn([], [tInt]), false);
method(tDigest, 'BlockSize', fn([], [tInt]), false);
const tDigestPtr = globalTypes.intern(ptr(tDigest));
/** sha256.New / New224: a *sha256.digest as a hash.Hash. */
export const New = (is224: boolean): Iface => ({ t: tDigestPtr, v: new Digest(is224) });

const arr = (n: number) => globalTypes.intern({ k: 'array', elem: tUint8, len: n });
pkg('hash', { Hash: T(tHash), $unsupported: subset() });
pkg('crypto/sha256', {
  Sum256: F(fn([tBytes], [arr(Size)]), (a) => `$P.crypto_sha256.Sum(${a[0]}, false)`),
  Sum224: F(fn([tBytes], [arr(Size224)]), (a) => `$P.crypto_sha256.Sum(${a[0]}, true)`),
  New: F(fn([], [tHash]), () => `$P.crypto_sha256.New(false)`),
  New224: F(fn([], [tHash]), () => `$P.crypto_sha256.New(true)`),
  Size: C(tUntypedInt, Size),
  Size224: C(tUntypedInt, Size224),
  BlockSize: C(tUntypedInt, BlockSize),
  $unsupported: subset(),
});
