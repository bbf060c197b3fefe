/**
 * Run-time support for compiled Go code: values, panics, slices, maps, strings, conversions and
 * Go's fmt formatting driven by type descriptors.
 *
 * Value representation (invariants the compiler relies on):
 * - integers and floats: JS numbers; bool: boolean;
 * - string: a "byte string" — a JS string whose char codes are the UTF-8 bytes (0–255), so len,
 *   indexing and slicing are Go's; text is decoded only when written out (`decodeUTF8`);
 * - slice: `Slice` {a, o, n, c} over a shared JS array, nil slice = null; array: JS array;
 * - map: JS Map (nil map = null); keys of struct/array/interface type are encoded with `mapKey`
 *   and the Map then holds [key, value] pairs (`complex` maps);
 * - struct: an instance of a generated class (fields are properties); a pointer to a struct is the
 *   object itself; a pointer to anything else is a `Ref` ({ v } get/set);
 * - interface: null (nil) or `Iface` { t: type descriptor, v: value };
 * - func: a JS generator function (null = nil); chan: runtime Chan (null = nil).
 */
import { formatFloat } from '../workload/fmt.js';
import type { Type, NamedType } from './types.js';
import { underlying, typeString, newNamed, tString } from './types.js';

// ---------------------------------------------------------------- panics

/**
 * A Go panic travelling as a JS exception. `message` is its own `panic: …` text; `link` is the panic
 * it interrupted (Go's _panic.link: a deferred call, run for that panic or after recovering it,
 * panicked), and `goText` prints the chain as the runtime's printpanics does.
 */
export class GoPanic extends Error {
  /** The panic value (an interface value). */
  value: Iface | null;
  /** recover() stopped it (the deferred call that recovered it had not returned when `link`'s successor began). */
  recovered = false;
  /** The earlier panic on the goroutine's chain, or null. */
  link: GoPanic | null = null;
  /** Traceback captured where the panic left the goroutine (filled by the body wrapper). */
  trace: string | null = null;
  constructor(value: Iface | null, message: string) {
    super(message);
    this.value = value;
  }

  /**
   * What follows `panic: ` for this panic and the ones it interrupted, oldest first (panic.go
   * printpanics): each earlier one `v [recovered]` when recovered, then `\n\tpanic: ` and the next.
   * `repanicked` (Go 1.23+, preprintpanics): a panic whose value is the one of the panic before it
   * is not printed again and marks that one `[recovered, repanicked]` (or nothing when it was not
   * recovered). Go compares the two interface words; here type and value (the same for strings
   * and numbers, whose data Go shares; two equal composite values built apart would differ in Go).
   */
  goText(repanicked: boolean): string {
    const chain: GoPanic[] = [];
    for (let p: GoPanic | null = this; p !== null; p = p.link) chain.unshift(p);
    const signal = /\n\[signal[^\n]*$/;
    let s = '';
    let prevRepanicked = false;
    for (let i = 0; i < chain.length; i++) {
      const p = chain[i]!;
      const next = chain[i + 1];
      const rep = repanicked && next !== undefined && sameValue(p.value, next.value);
      // printpanics: a panic after one marked repanicked is not printed.
      if (!(i > 0 && prevRepanicked)) {
        s += (i > 0 ? '\n\tpanic: ' : '') + p.message.replace(signal, '');
        if (p.recovered) s += rep ? ' [recovered, repanicked]' : ' [recovered]';
      }
      prevRepanicked = rep;
    }
    // The signal line ([signal SIGSEGV …]) follows the whole chain (panic.go fatalpanic → dopanic_m).
    const sig = signal.exec(this.message);
    return sig ? s + sig[0] : s;
  }
}

function sameValue(a: Iface | null, b: Iface | null): boolean {
  if (a === null || b === null) return a === b;
  return a.t === b.t && a.v === b.v;
}

export interface Iface {
  t: Type;
  v: unknown;
}

/**
 * The dynamic type of run-time error values (a runtime.Error: Error() is the message). Its `$m`
 * method table is built with the library's (std/index.ts).
 */
export const tRuntimeError: NamedType = newNamed('boundsError', 'runtime', { k: 'struct', fields: [] }, null);
tRuntimeError.methods.set('Error', { name: 'Error', sig: { k: 'func', params: [], results: [tString], variadic: false }, ptrRecv: false, fn: '((e) => e.msg)', native: false, gen: false });
tRuntimeError.methods.set('RuntimeError', { name: 'RuntimeError', sig: { k: 'func', params: [], results: [], variadic: false }, ptrRecv: false, fn: '(() => undefined)', native: false, gen: false });

/** A run-time error panic (`panic: runtime error: …`). */
export function rtPanic(msg: string, extra = ''): GoPanic {
  const text = 'runtime error: ' + msg;
  return new GoPanic({ t: tRuntimeError, v: new RuntimeError(text) }, text + extra);
}
export class RuntimeError {
  constructor(public msg: string) {}
  Error(): string {
    return this.msg;
  }
}
export const nilDerefExtra = '\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]';

/** Normalise any JS exception raised by compiled code into a GoPanic. */
export function toPanic(e: unknown): GoPanic {
  if (e instanceof GoPanic) return e;
  if (e instanceof TypeError) return rtPanic('invalid memory address or nil pointer dereference', nilDerefExtra);
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    const p = new GoPanic(null, 'stack overflow');
    p.fatal = 'stack overflow';
    return p;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new GoPanic({ t: tString, v: msg }, msg);
}
declare module './lib.js' {
  interface GoPanic {
    /** A fatal error rather than a panic (not recoverable). */
    fatal?: string;
  }
}


export function oob(i: number, n: number): never {
  throw rtPanic(`index out of range [${i}] with length ${n}`);
}
export function divZero(): never {
  throw rtPanic('integer divide by zero');
}
export function nilDeref(): never {
  throw rtPanic('invalid memory address or nil pointer dereference', nilDerefExtra);
}

// ---------------------------------------------------------------- slices

export class Slice {
  constructor(
    public a: unknown[],
    public o: number,
    public n: number,
    public c: number,
  ) {}
}

export function sget(s: Slice | null, i: number): unknown {
  if (s === null || !(i >= 0 && i < s.n)) oob(i, s === null ? 0 : s.n);
  return s.a[s.o + i];
}
export function sset(s: Slice | null, i: number, v: unknown): void {
  if (s === null || !(i >= 0 && i < s.n)) oob(i, s === null ? 0 : s.n);
  s.a[s.o + i] = v;
}
export function aget(a: unknown[], i: number): unknown {
  if (!(i >= 0 && i < a.length)) oob(i, a.length);
  return a[i];
}
export function aset(a: unknown[], i: number, v: unknown): void {
  if (!(i >= 0 && i < a.length)) oob(i, a.length);
  a[i] = v;
}
export function strAt(s: string, i: number): number {
  if (!(i >= 0 && i < s.length)) oob(i, s.length);
  return s.charCodeAt(i);
}
export function len(s: Slice | null): number {
  return s === null ? 0 : s.n;
}
export function cap(s: Slice | null): number {
  return s === null ? 0 : s.c;
}

const sizeClasses = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304,
  2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];
function roundupsize(n: number): number {
  if (n <= 32768) {
    for (const c of sizeClasses) if (c >= n) return c;
  }
  return Math.ceil(n / 8192) * 8192;
}

/** growslice (go1.19): double below 256 elements, then grow by (n + 3·256)/4, round to a size class. */
function growCap(old: number, need: number, esize: number): number {
  let newcap = old;
  const dbl = old + old;
  if (need > dbl) newcap = need;
  else if (old < 256) newcap = dbl;
  else {
    while (newcap < need) newcap += (newcap + 3 * 256) >> 2;
  }
  if (esize === 0) return newcap;
  return Math.floor(roundupsize(newcap * esize) / esize);
}

/** append(s, vals...) */
export function append(s: Slice | null, vals: unknown[], esize: number): Slice {
  const k = vals.length;
  if (s === null) {
    if (k === 0) return null as unknown as Slice;
    const c = growCap(0, k, esize);
    const a = new Array(c);
    for (let i = 0; i < k; i++) a[i] = vals[i];
    return new Slice(a, 0, k, c);
  }
  const n = s.n + k;
  if (n <= s.c) {
    const a = s.a;
    const o = s.o + s.n;
    for (let i = 0; i < k; i++) a[o + i] = vals[i];
    return new Slice(a, s.o, n, s.c);
  }
  const c = growCap(s.c, n, esize);
  const a = new Array(c);
  for (let i = 0; i < s.n; i++) a[i] = s.a[s.o + i];
  for (let i = 0; i < k; i++) a[s.n + i] = vals[i];
  return new Slice(a, 0, n, c);
}
/** append(s, x) — the common one-element case without an array allocation. */
export function append1(s: Slice | null, v: unknown, esize: number): Slice {
  if (s !== null && s.n < s.c) {
    s.a[s.o + s.n] = v;
    return new Slice(s.a, s.o, s.n + 1, s.c);
  }
  return append(s, [v], esize);
}
export function sliceToArray(s: Slice | null): unknown[] {
  if (s === null) return [];
  return s.a.slice(s.o, s.o + s.n);
}
export function bytesOfString(s: string): unknown[] {
  const a = new Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}
/** append([]byte, string...) */
export function appendString(s: Slice | null, str: string): Slice {
  return append(s, bytesOfString(str), 1);
}
export function copySlice(dst: Slice | null, src: Slice | string | null): number {
  if (dst === null || src === null) return 0;
  if (typeof src === 'string') {
    const n = Math.min(dst.n, src.length);
    for (let i = 0; i < n; i++) dst.a[dst.o + i] = src.charCodeAt(i);
    return n;
  }
  const n = Math.min(dst.n, src.n);
  if (dst.a === src.a && dst.o > src.o) for (let i = n - 1; i >= 0; i--) dst.a[dst.o + i] = src.a[src.o + i];
  else for (let i = 0; i < n; i++) dst.a[dst.o + i] = src.a[src.o + i];
  return n;
}
function sliceOOB(lo: number, hi: number, max: number, cap: number, three: boolean): never {
  if (three) {
    if (max > cap) throw rtPanic(`slice bounds out of range [::${max}] with capacity ${cap}`);
    if (hi > max) throw rtPanic(`slice bounds out of range [:${hi}:${max}]`);
    throw rtPanic(`slice bounds out of range [${lo}:${hi}:]`);
  }
  if (hi > cap) throw rtPanic(`slice bounds out of range [:${hi}] with capacity ${cap}`);
  throw rtPanic(`slice bounds out of range [${lo}:${hi}]`);
}
/** s[lo:hi:max] on a slice (hi/max = -1: omitted). */
export function reslice(s: Slice | null, lo: number, hi: number, max: number): Slice | null {
  const c = s === null ? 0 : s.c;
  const n = s === null ? 0 : s.n;
  const three = max >= 0;
  if (hi < 0) hi = n;
  if (max < 0) max = c;
  if (!(max <= c && hi <= max && lo >= 0 && lo <= hi)) sliceOOB(lo, hi, max, c, three);
  if (s === null) return null;
  return new Slice(s.a, s.o + lo, hi - lo, max - lo);
}
/** arr[lo:hi:max] on an array. */
export function sliceArray(a: unknown[], lo: number, hi: number, max: number): Slice {
  const c = a.length;
  const three = max >= 0;
  if (hi < 0) hi = c;
  if (max < 0) max = c;
  if (!(max <= c && hi <= max && lo >= 0 && lo <= hi)) sliceOOB(lo, hi, max, c, three);
  return new Slice(a, lo, hi - lo, max - lo);
}
export function substr(s: string, lo: number, hi: number): string {
  if (hi < 0) hi = s.length;
  if (!(hi <= s.length && lo >= 0 && lo <= hi)) {
    if (hi > s.length) throw rtPanic(`slice bounds out of range [:${hi}] with length ${s.length}`);
    throw rtPanic(`slice bounds out of range [${lo}:${hi}]`);
  }
  return s.substring(lo, hi);
}
/** Largest slice the simulator materialises (elements). Go would allocate more; JS cannot. */
export const maxSliceElems = 1 << 25;
export function makeSlice(n: number, c: number, zero: () => unknown): Slice {
  if (c < n) c = n;
  if (n < 0 || !Number.isInteger(n)) throw rtPanic('makeslice: len out of range');
  if (c > maxSliceElems) throw new GoPanic(null, `gmpsim: make of a slice of ${c} elements exceeds the simulator's limit of ${maxSliceElems} elements`);
  const a = new Array(c);
  for (let i = 0; i < c; i++) a[i] = zero();
  return new Slice(a, 0, n, c);
}
export function sliceLit(vals: unknown[]): Slice {
  return new Slice(vals, 0, vals.length, vals.length);
}

// ---------------------------------------------------------------- pointers

/** A pointer to a non-struct location. */
export interface Ref {
  v: unknown;
}
export class Box implements Ref {
  constructor(public v: unknown) {}
}
class PropRef implements Ref {
  constructor(
    private o: Record<string | number, unknown>,
    private k: string | number,
  ) {}
  get v(): unknown {
    return this.o[this.k];
  }
  set v(x: unknown) {
    this.o[this.k] = x;
  }
}
export function ref(o: unknown, k: string | number): Ref {
  if (o === null || o === undefined) nilDeref();
  return new PropRef(o as Record<string | number, unknown>, k);
}
export function refIndex(s: Slice | null, i: number): Ref {
  if (s === null || !(i >= 0 && i < s.n)) oob(i, s === null ? 0 : s.n);
  return new PropRef(s.a as unknown as Record<number, unknown>, s.o + i);
}
export function deref(p: Ref | null): unknown {
  if (p === null) nilDeref();
  return p.v;
}

// ---------------------------------------------------------------- maps

export function mget(m: Map<unknown, unknown> | null, k: unknown, zero: unknown): unknown {
  if (m === null) return zero;
  const v = m.get(k);
  return v === undefined && !m.has(k) ? zero : v;
}
export function mset(m: Map<unknown, unknown> | null, k: unknown, v: unknown): void {
  if (m === null) throw new GoPanic({ t: tString, v: 'assignment to entry in nil map' }, 'assignment to entry in nil map');
  m.set(k, v);
}
/** Key encoding for struct/array/interface keys. */
export function mapKey(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Slice) return v;
  if (Array.isArray(v)) return '[' + v.map((x) => String(mapKey(x))).join(',') + ']';
  const iv = v as Partial<Iface>;
  if (iv.t !== undefined && 'v' in iv) {
    const u = underlying(iv.t);
    if (u.k === 'slice' || u.k === 'map' || u.k === 'func') throw rtPanic(`hash of unhashable type ${typeString(iv.t)}`);
    return `${typeString(iv.t)}:${typeof iv.v === 'object' && iv.v !== null ? String(mapKey(iv.v)) : typeof iv.v + ':' + String(iv.v)}`;
  }
  return '{' + Object.keys(v).map((k) => String(mapKey((v as Record<string, unknown>)[k]))).join(',') + '}';
}

// ---------------------------------------------------------------- equality

/** == on values of struct/array/interface type. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b || (a !== a && b !== b && false);
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    for (let i = 0; i < a.length; i++) if (!equal(a[i], bb[i])) return false;
    return true;
  }
  const ia = a as Partial<Iface>;
  if (ia.t !== undefined && 'v' in ia) {
    const ib = b as Iface;
    if (ia.t !== ib.t) return false;
    const u = underlying(ia.t);
    if (u.k === 'slice' || u.k === 'map' || u.k === 'func') throw rtPanic(`comparing uncomparable type ${typeString(ia.t)}`);
    if (u.k === 'ptr' || u.k === 'chan') return ia.v === ib.v;
    return equal(ia.v, ib.v);
  }
  if (a.constructor !== b.constructor) return false;
  const bo = b as Record<string, unknown>;
  const ao = a as Record<string, unknown>;
  for (const k of Object.keys(ao)) if (!equal(ao[k], bo[k])) return false;
  return true;
}

// ---------------------------------------------------------------- strings and UTF-8

/** Encode a JS (UTF-16) string as a byte string. */
export function encodeUTF8(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  let out = '';
  for (const ch of s) out += runeToString(ch.codePointAt(0)!);
  return out;
}
/** Decode a byte string to text (invalid bytes become U+FFFD). */
export function decodeUTF8(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    out += String.fromCodePoint(r);
    i += n;
  }
  return out;
}
export function runeToString(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 63));
  if (r < 0x10000) return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
  return String.fromCharCode(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 63), 0x80 | ((r >> 6) & 63), 0x80 | (r & 63));
}
/** utf8.DecodeRuneInString: [rune, size]. */
export function decodeRune(s: string, i: number): [number, number] {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1];
  const n = s.length - i;
  const cb = (k: number): number => {
    const b = s.charCodeAt(i + k);
    return b >= 0x80 && b < 0xc0 ? b & 63 : -1;
  };
  if (b0 >= 0xc2 && b0 < 0xe0 && n >= 2) {
    const c1 = cb(1);
    if (c1 >= 0) return [((b0 & 31) << 6) | c1, 2];
  } else if (b0 >= 0xe0 && b0 < 0xf0 && n >= 3) {
    const c1 = cb(1);
    const c2 = cb(2);
    if (c1 >= 0 && c2 >= 0) {
      const r = ((b0 & 15) << 12) | (c1 << 6) | c2;
      if (r >= 0x800 && !(r >= 0xd800 && r <= 0xdfff)) return [r, 3];
    }
  } else if (b0 >= 0xf0 && b0 < 0xf5 && n >= 4) {
    const c1 = cb(1);
    const c2 = cb(2);
    const c3 = cb(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      const r = ((b0 & 7) << 18) | (c1 << 12) | (c2 << 6) | c3;
      if (r >= 0x10000 && r <= 0x10ffff) return [r, 4];
    }
  }
  return [0xfffd, 1];
}
export function stringToRunes(s: string): Slice {
  const out: unknown[] = [];
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    out.push(r);
    i += n;
  }
  return sliceLit(out);
}
export function runesToString(s: Slice | null): string {
  let out = '';
  if (s === null) return out;
  for (let i = 0; i < s.n; i++) out += runeToString(s.a[s.o + i] as number);
  return out;
}
export function bytesToString(s: Slice | null): string {
  if (s === null) return '';
  let out = '';
  for (let i = 0; i < s.n; i++) out += String.fromCharCode(s.a[s.o + i] as number);
  return out;
}
export function stringToBytes(s: string): Slice {
  return sliceLit(bytesOfString(s));
}
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; ) {
    i += decodeRune(s, i)[1];
    n++;
  }
  return n;
}

// ---------------------------------------------------------------- integer conversions

/** Wrap a number to an integer kind. */
export function wrapInt(kind: string, x: number): number {
  switch (kind) {
    case 'int8':
      return (x << 24) >> 24;
    case 'int16':
      return (x << 16) >> 16;
    case 'int32':
      return x | 0;
    case 'uint8':
      return x & 255;
    case 'uint16':
      return x & 65535;
    case 'uint32':
      return x >>> 0;
    case 'uint':
    case 'uint64':
    case 'uintptr':
      if (x < 0) return x + 18446744073709551616;
      return x;
    default:
      return x;
  }
}
export function idiv(a: number, b: number): number {
  if (b === 0) divZero();
  return Math.trunc(a / b);
}
export function imod(a: number, b: number): number {
  if (b === 0) divZero();
  const r = a % b;
  return r === 0 ? 0 : r;
}


export { formatFloat, typeString };
export type { NamedType };
