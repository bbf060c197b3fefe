/**
 * Package bytes: Buffer (a byte buffer written at its end and read from its front: the io.Reader,
 * io.Writer, io.ByteReader… of bytes/buffer.go), Equal and Compare, ToUpper/ToLower (strings'
 * rune-wise ones), Contains, Index, HasPrefix, HasSuffix, TrimSpace (bytes.go's, a subslice).
 *
 * Simplified: a Buffer holds its bytes as a byte string; Bytes returns a copy of the unread bytes
 * (Go's aliases the buffer, so a write through it would show in the Buffer); Cap is the length;
 * the other functions of package bytes are not supported.
 */
import { tBool, tInt, tInt32, tInt64, tString, tUint8 } from '../types.js';
import { tError } from '../core.js';
import { pkg, F, T, fn, ptr, sl, tBytes, native, method, subset } from './registry.js';
import { genSplit, Fields as stringsFields, tStringsReader } from './strings.js';
import { EOF, read, tReader, tWriter, writeString } from './io.js';
import { type Slice, makeBytes, reslice, sliceLit, sliceToArray } from '../rt/slices.js';
import { mallocLib, roundupsize } from '../rt/malloc.js';
import { bytesToString, decodeRune, runeToString, stringToBytes } from '../rt/strings.js';
import { GoPanic } from '../rt/panics.js';
import { IsSpace } from './unicode.js';
import type { Iface } from '../rt/values.js';
import type { Op } from '../../workload/ops.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** bytes.go asciiSpace: \t \n \v \f \r and space. */
const isASCIISpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * bytes.TrimSpace (bytes.go): s without its leading and trailing white space (unicode.IsSpace of
 * each UTF-8 rune; an invalid byte is RuneError, not space), a subslice sharing s's array; nil
 * when nothing is left (the "previous TrimLeftFunc behavior" Go keeps).
 */
export function TrimSpace(s: Slice | null): Slice | null {
  if (s === null) return null;
  const b = s.a as number[];
  const str = bytesToString(s);
  let start = 0;
  while (start < s.n) {
    const c = b[s.o + start]!;
    if (c < 0x80) {
      if (!isASCIISpace(c)) break;
      start++;
      continue;
    }
    const [r, w] = decodeRune(str, start);
    if (!IsSpace(r)) break;
    start += w;
  }
  if (start === s.n) return null;
  let stop = s.n;
  while (stop > start) {
    const c = b[s.o + stop - 1]!;
    if (c < 0x80) {
      if (!isASCIISpace(c)) break;
      stop--;
      continue;
    }
    // the last rune: back to its first byte (at most 4), as utf8.DecodeLastRune does
    let i = stop - 1;
    while (i > start && stop - i < 4 && (b[s.o + i]! & 0xc0) === 0x80) i--;
    const [r, w] = decodeRune(str, i);
    if (i + w !== stop) break; // not a whole rune ending here: RuneError of width 1, not space
    if (!IsSpace(r)) break;
    stop = i;
  }
  return reslice(s, start, stop, -1);
}

/** A bytes.Buffer: `s` holds the bytes, `off` is where reading resumes. */
/** bytes.Buffer's smallBufferSize (buffer.go): the first allocation of an empty Buffer's first small write. */
const smallBufferSize = 64;
/**
 * bytes.Buffer: the bytes in `s`, read up to `off`. `cap` is Go's buffer capacity, grown as
 * buffer.go's grow does — a reslice when it fits, 64 bytes for an empty buffer's first small write,
 * sliding the unread bytes down when they fill at most half of it, else a new buffer of
 * max(2·cap, len + n) rounded to its size class (growSlice) — each new buffer counted (rt/malloc.ts).
 */
export class Buffer {
  s = '';
  off = 0;
  cap = 0;
  private grow(n: number): void {
    const m = this.s.length - this.off;
    if (m === 0 && this.off !== 0) {
      this.s = '';
      this.off = 0;
    }
    if (this.s.length + n <= this.cap) return;
    if (this.cap === 0 && n <= smallBufferSize) {
      this.cap = smallBufferSize;
      mallocLib(this.cap);
      return;
    }
    if (n > this.cap / 2 - m) {
      let c = m + this.off + n;
      const old = this.cap - this.off;
      if (c < 2 * old) c = 2 * old;
      this.cap = roundupsize(c);
      mallocLib(this.cap);
    }
    this.s = this.s.slice(this.off);
    this.off = 0;
  }
  private unread(): string {
    return this.off === 0 ? this.s : this.s.slice(this.off);
  }
  /** Drop what was read once the buffer is empty, as Go's Reset does on a drained buffer. */
  private compact(): void {
    if (this.off > 0 && this.off >= this.s.length) {
      this.s = '';
      this.off = 0;
    }
  }
  WriteString(x: string): [number, Iface | null] {
    this.compact();
    this.grow(x.length);
    this.s += x;
    return [x.length, null];
  }
  WriteByte(c: number): Iface | null {
    this.compact();
    this.grow(1);
    this.s += String.fromCharCode(c & 255);
    return null;
  }
  WriteRune(r: number): [number, Iface | null] {
    const x = runeToString(r);
    return this.WriteString(x);
  }
  Write(b: Slice | null): [number, Iface | null] {
    return this.WriteString(bytesToString(b));
  }
  /** String: string(b.buf[b.off:]), a copy. */
  String(): string {
    const u = this.unread();
    mallocLib(u.length);
    return u;
  }
  Bytes(): Slice {
    return stringToBytes(this.unread());
  }
  Len(): number {
    return this.s.length - this.off;
  }
  Cap(): number {
    return this.cap;
  }
  /** Reset: empty, keeping the buffer's capacity (b.buf[:0]). */
  Reset(): void {
    this.s = '';
    this.off = 0;
  }
  Grow(n: number): void {
    if (n < 0) throw new GoPanic(null, 'bytes.Buffer.Grow: negative count');
    this.grow(n);
  }
  /** Truncate(n): keep the first n unread bytes (panics outside [0, Len]). */
  Truncate(n: number): void {
    if (n === 0) return this.Reset();
    if (n < 0 || n > this.Len()) throw new GoPanic(null, 'bytes.Buffer: truncation out of range');
    this.s = this.s.slice(0, this.off + n);
  }
  /** Read: the next len(p) bytes; io.EOF once empty (0, nil for an empty p). */
  Read(p: Slice | null): [number, Iface | null] {
    const want = p === null ? 0 : p.n;
    if (this.off >= this.s.length) {
      this.Reset();
      return want === 0 ? [0, null] : [0, EOF];
    }
    const n = Math.min(want, this.s.length - this.off);
    for (let i = 0; i < n; i++) p!.a[p!.o + i] = this.s.charCodeAt(this.off + i);
    this.off += n;
    return [n, null];
  }
  /** Next(n): the next n bytes (fewer at the end), consumed. */
  Next(n: number): Slice {
    const m = Math.min(Math.max(n, 0), this.Len());
    const out = this.s.slice(this.off, this.off + m);
    this.off += m;
    return stringToBytes(out);
  }
  ReadByte(): [number, Iface | null] {
    if (this.off >= this.s.length) {
      this.Reset();
      return [0, EOF];
    }
    return [this.s.charCodeAt(this.off++), null];
  }
  ReadRune(): [number, number, Iface | null] {
    if (this.off >= this.s.length) {
      this.Reset();
      return [0, 0, EOF];
    }
    const [r, w] = decodeRune(this.s, this.off);
    this.off += w;
    return [r, w, null];
  }
  /** ReadString(delim): up to and including delim; what is left and io.EOF without it. */
  ReadString(delim: number): [string, Iface | null] {
    const i = this.s.indexOf(String.fromCharCode(delim & 255), this.off);
    const end = i < 0 ? this.s.length : i + 1;
    const out = this.s.slice(this.off, end);
    this.off = end;
    mallocLib(out.length); // string(slice) / make([]byte, len(slice)): a copy
    return [out, i < 0 ? EOF : null];
  }
  ReadBytes(delim: number): [Slice, Iface | null] {
    const [s, err] = this.ReadString(delim);
    return [stringToBytes(s), err];
  }
  /** WriteTo(w): everything unread, written to w in one Write. */
  *WriteTo(w: Iface | null): Go<[number, Iface | null]> {
    const x = this.unread();
    this.Reset();
    if (x.length === 0) return [0, null];
    const [n, err] = yield* writeString(w, x);
    return [n, err];
  }
  /** ReadFrom(r): reads r until io.EOF (512 bytes at a time at least, as Go's MinRead). */
  *ReadFrom(r: Iface | null): Go<[number, Iface | null]> {
    let total = 0;
    for (;;) {
      const b = makeBytes(512, 512);
      const [n, err] = yield* read(r, b);
      this.WriteString(bytesToString(reslice(b, 0, n, -1)));
      total += n;
      if (err !== null) return [total, err === EOF ? null : err];
    }
  }
}
/**
 * bytes.NewBufferString(s) / NewBuffer(b): a Buffer holding them. The &Buffer{…} is not counted: both
 * are inlined, and the Buffer stays on the caller's stack unless it escapes (go1.19.8 TotalAlloc:
 * 2048 bytes for NewBufferString of 2000 bytes kept local, 2096 when the *Buffer escapes); go1.26.8
 * also drops the []byte(s) copy of a local Buffer that is only read (the model counts it).
 */
export function NewBufferString(s: string, copied = true): Buffer {
  const b = new Buffer();
  b.s = s;
  // NewBufferString's []byte(s) is a new array of len(s) rounded up (rawbyteslice); NewBuffer keeps b's.
  b.cap = roundupsize(s.length);
  if (copied) mallocLib(s.length);
  return b;
}
export const tBuffer = native('Buffer', 'bytes', '$P.bytes.Buffer');
method(tBuffer, 'WriteString', fn([tString], [tInt, tError]), false);
method(tBuffer, 'WriteByte', fn([tUint8], [tError]), false);
method(tBuffer, 'WriteRune', fn([tInt32], [tInt, tError]), false);
method(tBuffer, 'Write', fn([tBytes], [tInt, tError]), false);
method(tBuffer, 'String', fn([], [tString]), false);
method(tBuffer, 'Bytes', fn([], [tBytes]), false);
method(tBuffer, 'Len', fn([], [tInt]), false);
method(tBuffer, 'Cap', fn([], [tInt]), false);
method(tBuffer, 'Reset', fn([]), false);
method(tBuffer, 'Grow', fn([tInt]), false);
method(tBuffer, 'Truncate', fn([tInt]), false);
method(tBuffer, 'Read', fn([tBytes], [tInt, tError]), false);
method(tBuffer, 'Next', fn([tInt], [tBytes]), false);
method(tBuffer, 'ReadByte', fn([], [tUint8, tError]), false);
method(tBuffer, 'ReadRune', fn([], [tInt32, tInt, tError]), false);
method(tBuffer, 'ReadString', fn([tUint8], [tString, tError]), false);
method(tBuffer, 'ReadBytes', fn([tUint8], [tBytes, tError]), false);
method(tBuffer, 'WriteTo', fn([tWriter], [tInt64, tError]), true);
method(tBuffer, 'ReadFrom', fn([tReader], [tInt64, tError]), true);

/** Byte slices of the byte strings of a []string (bytes.Split/Fields over the strings functions). */
function byteSlices(ss: Slice | null): Slice | null {
  return ss === null ? null : sliceLit(sliceToArray(ss).map((x) => stringToBytes(x as string)));
}
/** bytes.Split, SplitN, SplitAfter: strings' genSplit over the bytes (fresh slices: Go's alias s). */
export const Split = (s: Slice | null, sep: Slice | null, sepSave: boolean, n: number): Slice | null => {
  const sp = bytesToString(sep);
  return byteSlices(genSplit(bytesToString(s), sp, sepSave ? sp.length : 0, n));
};
/** bytes.Fields: the runs of non-space runes (unicode.IsSpace). */
export const Fields = (s: Slice | null): Slice | null => byteSlices(stringsFields(bytesToString(s)));
/** bytes.Join: the elements with sep between them; an empty list gives an empty, non-nil slice. */
export function Join(s: Slice | null, sep: Slice | null): Slice {
  return stringToBytes(sliceToArray(s).map((b) => bytesToString(b as Slice | null)).join(bytesToString(sep)));
}
/** bytes.Repeat: count copies of b; a negative count panics (bytes.go). */
export function Repeat(b: Slice | null, count: number): Slice {
  if (count < 0) throw new GoPanic({ t: tString, v: 'bytes: negative Repeat count' }, 'bytes: negative Repeat count');
  return stringToBytes(bytesToString(b).repeat(count));
}

/**
 * bytes.Reader: strings.Reader's code over the byte string of the slice (a copy taken at
 * NewReader: Go's reads the slice, so later writes to it would show; not modelled).
 */
export const tBytesReader = native('Reader', 'bytes', '$P.strings.Reader');
for (const [name, m] of tStringsReader.methods) if (name !== 'Reset') tBytesReader.methods.set(name, m);

pkg('bytes', {
  Reader: T(tBytesReader),
  NewReader: F(fn([tBytes], [ptr(tBytesReader)]), (a) => `new $P.strings.Reader($L.bytesToString(${a[0]}))`),
  Split: F(fn([tBytes, tBytes], [sl(tBytes)]), (a) => `$P.bytes.Split(${a[0]}, ${a[1]}, false, -1)`),
  SplitN: F(fn([tBytes, tBytes, tInt], [sl(tBytes)]), (a) => `$P.bytes.Split(${a[0]}, ${a[1]}, false, ${a[2]})`),
  SplitAfter: F(fn([tBytes, tBytes], [sl(tBytes)]), (a) => `$P.bytes.Split(${a[0]}, ${a[1]}, true, -1)`),
  Fields: F(fn([tBytes], [sl(tBytes)]), (a) => `$P.bytes.Fields(${a[0]})`),
  Join: F(fn([sl(tBytes), tBytes], [tBytes]), (a) => `$P.bytes.Join(${a[0]}, ${a[1]})`),
  Repeat: F(fn([tBytes, tInt], [tBytes]), (a) => `$P.bytes.Repeat(${a[0]}, ${a[1]})`),
  Buffer: T(tBuffer),
  NewBufferString: F(fn([tString], [ptr(tBuffer)]), (a) => `$P.bytes.NewBufferString(${a[0]})`),
  NewBuffer: F(fn([tBytes], [ptr(tBuffer)]), (a) => `$P.bytes.NewBufferString($L.bytesToString(${a[0]}), false)`),
  ToUpper: F(fn([tBytes], [tBytes]), (a) => `$L.stringToBytes($P.strings.upper($L.bytesToString(${a[0]})))`),
  ToLower: F(fn([tBytes], [tBytes]), (a) => `$L.stringToBytes($P.strings.lower($L.bytesToString(${a[0]})))`),
  TrimSpace: F(fn([tBytes], [tBytes]), (a) => `$P.bytes.TrimSpace(${a[0]})`),
  Contains: F(fn([tBytes, tBytes], [tBool]), (a) => `$L.bytesToString(${a[0]}).includes($L.bytesToString(${a[1]}))`),
  Index: F(fn([tBytes, tBytes], [tInt]), (a) => `$L.bytesToString(${a[0]}).indexOf($L.bytesToString(${a[1]}))`),
  HasPrefix: F(fn([tBytes, tBytes], [tBool]), (a) => `$L.bytesToString(${a[0]}).startsWith($L.bytesToString(${a[1]}))`),
  HasSuffix: F(fn([tBytes, tBytes], [tBool]), (a) => `$L.bytesToString(${a[0]}).endsWith($L.bytesToString(${a[1]}))`),
  Equal: F(fn([tBytes, tBytes], [tBool]), (a) => `($L.bytesToString(${a[0]}) === $L.bytesToString(${a[1]}))`),
  // bytewise lexicographic order: the byte strings compare as JS strings of code units 0–255
  Compare: F(fn([tBytes, tBytes], [tInt]), (a) => `(($x, $y) => ($x < $y ? -1 : $x > $y ? 1 : 0))($L.bytesToString(${a[0]}), $L.bytesToString(${a[1]}))`),
  $unsupported: subset(),
});
