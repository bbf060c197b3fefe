/**
 * Package bufio: Reader (ReadString, Read) and Writer (WriteString, Write, Flush) over an io.Reader /
 * io.Writer interface value, with Go's 4096-byte default buffer: a Reader fills with one Read of up to
 * 4096 bytes, a Writer calls the underlying Write when 4096 bytes are buffered and on Flush, so the
 * number of system calls beneath matches Go's.
 *
 * Scanner is Go's algorithm (bufio/scan.go): read into a buffer that starts at 4096 bytes and doubles
 * up to the maximum token size (64 KiB, or Buffer's), ask the split function for a token, read more
 * when it needs more; the package's four split functions (ScanLines, ScanWords, ScanRunes,
 * ScanBytes) run natively, a program's own SplitFunc is called as Go code.
 *
 * Reader's ReadByte/UnreadByte and ReadRune/UnreadRune keep the last byte and rune read, as
 * bufio.go's lastByte and lastRuneSize do (so a Reader is an io.RuneScanner: fmt.Fscan gives back
 * the rune it read ahead).
 *
 * Heap: a Reader or Writer counts its struct and buffer, ReadString/ReadBytes/Text the result they
 * copy out, a Scanner each buffer it grows to (rt/malloc.ts mallocLib: the garbage a program makes
 * through bufio drives the GC model as in Go). NewScanner's Scanner itself is not counted: the
 * function is inlined and the struct stays on the caller's stack unless it escapes (go1.19.8 and
 * go1.26.8 TotalAlloc, gotests/library_alloc.go).
 *
 * Simplified: the buffers are byte strings that grow (Go's are fixed arrays: a Writer writes a full
 * buffer through, ours flushes after it passes 4096); no ReadLine.
 */
import type { Op } from '../../workload/ops.js';
import { tBool, tInt, tString, tUint8, basic } from '../types.js';
import { tError } from '../core.js';
import { EOF, read, writeString, tReader, tWriter } from './io.js';
import { New as newError } from './errors.js';
import { pkg, F, T, V, C, fn, ptr, tBytes, native, method, subset } from './registry.js';
import { GoPanic } from '../rt/panics.js';
import { type Slice, makeBytes, reslice } from '../rt/slices.js';
import { mallocLib, mallocString } from '../rt/malloc.js';
import { bytesToString, decodeRune, stringToBytes } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

const tInt32 = basic('int32');

/** Go's defaultBufSize (bufio/bufio.go). */
const defaultBufSize = 4096;

/** bufio.ErrBufferFull and ErrNegativeCount (bufio/bufio.go). */
export const ErrBufferFull = newError('bufio: buffer full');
export const ErrNegativeCount = newError('bufio: negative count');
/** bufio.ErrInvalidUnreadByte and ErrInvalidUnreadRune (bufio/bufio.go). */
export const ErrInvalidUnreadByte = newError('bufio: invalid use of UnreadByte');
export const ErrInvalidUnreadRune = newError('bufio: invalid use of UnreadRune');
/** The length of the UTF-8 sequence a lead byte starts (1 for a byte that starts none). */
const seqLen = (b: number): number => (b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc0 && b < 0xe0 ? 2 : 1);
/**
 * The heap a Reader and a Writer take (NewReaderSize's &Reader{…} and make([]byte, size); TotalAlloc
 * on go1.19.8 and go1.26.8, gotests/library_alloc.go: 96 + 4096 and 64 + 4096 bytes by default).
 */
const readerBytes = 96;
const writerBytes = 64;
export class Reader {
  buf = '';
  eof: Iface | null = null;
  /** The last byte a read returned (-1: none, or after Peek/Discard), for UnreadByte (bufio.go lastByte). */
  lastByte = -1;
  /** The bytes of the rune the last operation, a ReadRune, returned ('' otherwise), for UnreadRune. */
  lastRune = '';
  constructor(
    public r: Iface | null,
    public size = defaultBufSize,
  ) {
    mallocLib(readerBytes);
    mallocLib(size);
  }
  private *fill(): Go<boolean> {
    if (this.eof) return false;
    const b = makeBytes(this.size, this.size);
    const [n, err] = yield* read(this.r, b);
    this.buf += bytesToString(reslice(b, 0, n, -1));
    if (err) this.eof = err;
    return n > 0;
  }
  /** ReadString: up to and including delim (the rest and the error at the end); one string of its length (collectFragments, then a Builder grown to it). */
  *ReadString(delim: number): Go<[string, Iface | null]> {
    const [s, err] = yield* this.readTo(delim);
    return [mallocString(s), err];
  }
  /** ReadBytes: ReadString's bytes, in a new slice of their length (make([]byte, n)). */
  *ReadBytes(delim: number): Go<[Slice | null, Iface | null]> {
    const [s, err] = yield* this.readTo(delim);
    mallocLib(s.length);
    return [s.length === 0 && err !== null ? null : stringToBytes(s), err];
  }
  private *readTo(delim: number): Go<[string, Iface | null]> {
    const d = String.fromCharCode(delim);
    for (;;) {
      const i = this.buf.indexOf(d);
      if (i >= 0) {
        const s = this.buf.slice(0, i + 1);
        this.buf = this.buf.slice(i + 1);
        this.consumed(s);
        return [s, null];
      }
      if (!(yield* this.fill()) && this.eof) {
        const s = this.buf;
        this.buf = '';
        this.consumed(s);
        return [s, this.eof];
      }
    }
  }
  /** Peek: the next n bytes without advancing (fewer, with the read error, at the end; ErrBufferFull beyond the buffer's size). */
  *Peek(n: number): Go<[Slice | null, Iface | null]> {
    this.lastByte = -1;
    this.lastRune = '';
    if (n < 0) return [stringToBytes(''), ErrNegativeCount];
    while (this.buf.length < n && this.buf.length < defaultBufSize && (yield* this.fill()));
    if (this.buf.length >= n) return [stringToBytes(this.buf.slice(0, n)), null];
    return [stringToBytes(this.buf), n > defaultBufSize ? ErrBufferFull : (this.eof ?? EOF)];
  }
  /** Discard: skips the next n bytes. */
  *Discard(n: number): Go<[number, Iface | null]> {
    this.lastByte = -1;
    this.lastRune = '';
    while (this.buf.length < n && (yield* this.fill()));
    const k = Math.min(n, this.buf.length);
    this.buf = this.buf.slice(k);
    return [k, k < n ? (this.eof ?? EOF) : null];
  }
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    if (this.buf === '' && !(yield* this.fill())) return [0, this.eof ?? EOF];
    const n = Math.min(b === null ? 0 : b.n, this.buf.length);
    for (let i = 0; i < n; i++) b!.a[b!.o + i] = this.buf.charCodeAt(i);
    this.consumed(this.buf.slice(0, n));
    this.buf = this.buf.slice(n);
    return [n, null];
  }
  /** A read other than ReadRune returned s: UnreadByte gives back its last byte, UnreadRune nothing. */
  private consumed(s: string): void {
    if (s.length > 0) this.lastByte = s.charCodeAt(s.length - 1);
    this.lastRune = '';
  }
  *ReadByte(): Go<[number, Iface | null]> {
    this.lastRune = '';
    if (this.buf === '' && !(yield* this.fill())) return [0, this.eof ?? EOF];
    const c = this.buf.charCodeAt(0);
    this.buf = this.buf.slice(1);
    this.lastByte = c;
    return [c, null];
  }
  UnreadByte(): Iface | null {
    if (this.lastByte < 0) return ErrInvalidUnreadByte;
    this.buf = String.fromCharCode(this.lastByte) + this.buf;
    this.lastByte = -1;
    this.lastRune = '';
    return null;
  }
  /** ReadRune: the next UTF-8 rune (RuneError, size 1, for an invalid byte), reading until a full one is buffered. */
  *ReadRune(): Go<[number, number, Iface | null]> {
    while (this.buf.length < seqLen(this.buf.charCodeAt(0)) || this.buf === '') if (!(yield* this.fill())) break;
    this.lastRune = '';
    if (this.buf === '') return [0, 0, this.eof ?? EOF];
    const [r, size] = decodeRune(this.buf, 0);
    this.lastRune = this.buf.slice(0, size);
    this.lastByte = this.buf.charCodeAt(size - 1);
    this.buf = this.buf.slice(size);
    return [r, size, null];
  }
  UnreadRune(): Iface | null {
    if (this.lastRune === '') return ErrInvalidUnreadRune;
    this.buf = this.lastRune + this.buf;
    this.lastRune = '';
    this.lastByte = -1;
    return null;
  }
}
/**
 * A bufio.Writer: a buffer of `size` bytes (4096 by default, NewWriterSize's otherwise) that goes to
 * the underlying writer in whole buffers, as Go's does — so the write(2) calls a program makes through
 * it have Go's sizes: a write that overflows the buffer fills it, flushes it and goes on; Write of a
 * large slice into an empty buffer goes straight through (bufio.go Writer.Write).
 */
export class Writer {
  buf = '';
  constructor(
    public w: Iface | null,
    public size = defaultBufSize,
  ) {
    mallocLib(writerBytes);
    mallocLib(size);
  }
  *WriteString(s: string): Go<[number, Iface | null]> {
    return yield* this.put(s, false);
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    return yield* this.put(bytesToString(b), true);
  }
  /**
   * Fill the buffer, flush it when full, keep the rest; `direct`: a write larger than the buffer
   * meeting an empty buffer goes straight to the underlying writer (Write's rule; WriteString copies).
   */
  private *put(s: string, direct: boolean): Go<[number, Iface | null]> {
    const n = s.length;
    while (s.length > this.size - this.buf.length) {
      if (direct && this.buf.length === 0) {
        yield* writeString(this.w, s);
        return [n, null];
      }
      const k = this.size - this.buf.length;
      this.buf += s.slice(0, k);
      s = s.slice(k);
      yield* this.Flush();
    }
    this.buf += s;
    return [n, null];
  }
  *Flush(): Go<Iface | null> {
    if (this.buf === '') return null;
    const s = this.buf;
    this.buf = '';
    yield* writeString(this.w, s);
    return null;
  }
  Buffered(): number {
    return this.buf.length;
  }
  Available(): number {
    return this.size - this.buf.length;
  }
  Size(): number {
    return this.size;
  }
}
/** bufio.NewWriterSize / NewReaderSize: a size ≤ 0 is the default (writer), below 16 is 16 (reader). */
export const writerSize = (n: number): number => (n <= 0 ? defaultBufSize : n);
export const readerSize = (n: number): number => (n < 16 ? 16 : n);

// ---------------------------------------------------------------- Scanner

/** bufio.MaxScanTokenSize. */
const maxScanTokenSize = 64 * 1024;
/** A split function over byte strings: [advance, token (null: none yet)], or an error text. */
type NativeSplit = (data: string, atEOF: boolean) => [number, string | null] | string;
/** A Go SplitFunc value: a generator of (data []byte, atEOF bool) → [advance, token, err]. */
type GoSplit = ((data: Slice | null, atEOF: boolean) => Go<[number, Slice | null, Iface | null]>) & { native?: NativeSplit };

const dropCR = (t: string): string => (t.endsWith('\r') ? t.slice(0, -1) : t);
const scanLines: NativeSplit = (data, atEOF) => {
  if (atEOF && data.length === 0) return [0, null];
  const i = data.indexOf('\n');
  if (i >= 0) return [i + 1, dropCR(data.slice(0, i))];
  if (atEOF) return [data.length, dropCR(data)];
  return [0, null];
};
/** unicode.IsSpace on the UTF-8 bytes at i: its width, or 0. */
function spaceAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 1;
  const c1 = s.charCodeAt(i + 1);
  const c2 = s.charCodeAt(i + 2);
  if (c === 0xc2 && (c1 === 0x85 || c1 === 0xa0)) return 2;
  if (c === 0xe1 && c1 === 0x9a && c2 === 0x80) return 3; // U+1680
  if (c === 0xe2 && c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) return 3;
  if (c === 0xe2 && c1 === 0x81 && c2 === 0x9f) return 3; // U+205F
  if (c === 0xe3 && c1 === 0x80 && c2 === 0x80) return 3; // U+3000
  return 0;
}
const scanWords: NativeSplit = (data, atEOF) => {
  let start = 0;
  for (let w; start < data.length && (w = spaceAt(data, start)) > 0; ) start += w;
  for (let i = start; i < data.length; ) {
    const w = spaceAt(data, i);
    if (w > 0) return [i + w, data.slice(start, i)];
    i += decodeRune(data, i)[1];
  }
  if (atEOF && data.length > start) return [data.length, data.slice(start)];
  return [start, null];
};
const scanRunes: NativeSplit = (data, atEOF) => {
  if (data.length === 0) return [0, null];
  const [r, w] = decodeRune(data, 0);
  if (r === 0xfffd && w <= 1 && !atEOF && data.length < 4) return [0, null]; // perhaps a rune cut short
  return r === 0xfffd && w <= 1 ? [1, '\xef\xbf\xbd'] : [w, data.slice(0, w)];
};
const scanBytes: NativeSplit = (data) => (data.length === 0 ? [0, null] : [1, data.slice(0, 1)]);

/** The package's split functions as Go func values (callable from Go code), each with its native form. */
function splitFunc(f: NativeSplit): GoSplit {
  const g = function* (data: Slice | null, atEOF: boolean): Go<[number, Slice | null, Iface | null]> {
    const r = f(bytesToString(data), atEOF);
    if (typeof r === 'string') return [0, null, newError(r)];
    return [r[0], r[1] === null ? null : stringToBytes(r[1]), null];
  } as GoSplit;
  g.native = f;
  return g;
}
export const ScanLines = splitFunc(scanLines);
export const ScanWords = splitFunc(scanWords);
export const ScanRunes = splitFunc(scanRunes);
export const ScanBytes = splitFunc(scanBytes);

export const ErrTooLong = newError('bufio.Scanner: token too long');
export const ErrNegativeAdvance = newError('bufio.Scanner: SplitFunc returns negative advance count');
export const ErrAdvanceTooFar = newError('bufio.Scanner: SplitFunc returns advance count beyond input');
export const ErrFinalToken = newError('final token');
const ErrNoProgress = newError('multiple Read calls return no data or error');

/** bufio.Scanner (bufio/scan.go's Scan loop). */
export class Scanner {
  private split: GoSplit = ScanLines;
  private maxTokenSize = maxScanTokenSize;
  private data = '';
  private token: string | null = null;
  private err: Iface | null = null;
  private eof = false;
  private done = false;
  private empties = 0;
  private scanCalled = false;
  private cap = 0;
  constructor(public r: Iface | null) {}

  /** One call of the split function on the buffered bytes. */
  private *callSplit(atEOF: boolean): Go<[number, string | null, Iface | null]> {
    const f = this.split;
    if (f.native !== undefined) {
      const r = f.native(this.data, atEOF);
      return typeof r === 'string' ? [0, null, newError(r)] : [r[0], r[1], null];
    }
    const [adv, tok, err] = yield* f(stringToBytes(this.data), atEOF);
    return [adv, tok === null ? null : bytesToString(tok), err];
  }

  *Scan(): Go<boolean> {
    if (this.done) return false;
    this.scanCalled = true;
    for (;;) {
      if (this.data.length > 0 || this.eof) {
        const [adv, tok, err] = yield* this.callSplit(this.eof);
        if (err !== null) {
          if (err === ErrFinalToken) {
            this.token = tok;
            this.done = true;
            return tok !== null;
          }
          this.err = err;
          this.done = true;
          return false;
        }
        if (adv < 0 || adv > this.data.length) {
          this.err = adv < 0 ? ErrNegativeAdvance : ErrAdvanceTooFar;
          this.done = true;
          return false;
        }
        this.data = this.data.slice(adv);
        this.token = tok;
        if (tok !== null) {
          if (adv > 0) this.empties = 0;
          else if (++this.empties > 100) throw new GoPanic(null, 'bufio.Scan: too many empty tokens without progressing');
          return true;
        }
      }
      if (this.eof) {
        this.data = '';
        this.done = true;
        return false;
      }
      // Grow the buffer as Go does (double, up to the maximum token size), then read into its free part.
      // (scan.go: newBuf := make([]byte, newSize), startBufSize 4096 the first time.)
      if (this.cap === 0) {
        this.cap = Math.min(defaultBufSize, this.maxTokenSize);
        mallocLib(this.cap);
      }
      if (this.data.length >= this.cap) {
        if (this.cap >= this.maxTokenSize) {
          this.err = ErrTooLong;
          this.done = true;
          return false;
        }
        this.cap = Math.min(this.cap * 2, this.maxTokenSize);
        mallocLib(this.cap);
      }
      const room = this.cap - this.data.length;
      for (let loop = 0; ; ) {
        const b = makeBytes(room, room);
        const [n, err] = yield* read(this.r, b);
        this.data += bytesToString(reslice(b, 0, n, -1));
        if (err !== null) {
          this.eof = true;
          if (err !== EOF) this.err = err;
          break;
        }
        if (n > 0) break;
        if (++loop > 100) {
          this.err = ErrNoProgress;
          this.eof = true;
          break;
        }
      }
    }
  }
  /** Text: string(s.token), a new string of the token's bytes. */
  Text(): string {
    return mallocString(this.token ?? '');
  }
  Bytes(): Slice | null {
    return this.token === null ? null : stringToBytes(this.token);
  }
  Err(): Iface | null {
    return this.err;
  }
  Split(f: GoSplit): void {
    if (this.scanCalled) throw new GoPanic(null, 'Split called after Scan');
    this.split = f;
  }
  Buffer(buf: Slice | null, max: number): void {
    if (this.scanCalled) throw new GoPanic(null, 'Buffer called after Scan');
    this.cap = buf === null ? 0 : buf.c;
    this.maxTokenSize = max;
  }
}

export const tBufReader = native('Reader', 'bufio', '$P.bufio.Reader');
method(tBufReader, 'ReadString', fn([tUint8], [tString, tError]), true);
method(tBufReader, 'ReadBytes', fn([tUint8], [tBytes, tError]), true);
method(tBufReader, 'Read', fn([tBytes], [tInt, tError]), true);
method(tBufReader, 'Peek', fn([tInt], [tBytes, tError]), true);
method(tBufReader, 'Discard', fn([tInt], [tInt, tError]), true);
method(tBufReader, 'ReadByte', fn([], [tUint8, tError]), true);
method(tBufReader, 'UnreadByte', fn([], [tError]), false);
method(tBufReader, 'ReadRune', fn([], [tInt32, tInt, tError]), true);
method(tBufReader, 'UnreadRune', fn([], [tError]), false);
export const tBufWriter = native('Writer', 'bufio', '$P.bufio.Writer');
method(tBufWriter, 'WriteString', fn([tString], [tInt, tError]), true);
method(tBufWriter, 'Write', fn([tBytes], [tInt, tError]), true);
method(tBufWriter, 'Flush', fn([], [tError]), true);
method(tBufWriter, 'Buffered', fn([], [tInt]), false);
method(tBufWriter, 'Available', fn([], [tInt]), false);
method(tBufWriter, 'Size', fn([], [tInt]), false);
const tSplitFunc = fn([tBytes, tBool], [tInt, tBytes, tError]);
export const tScanner = native('Scanner', 'bufio', '$P.bufio.Scanner');
method(tScanner, 'Scan', fn([], [tBool]), true);
method(tScanner, 'Text', fn([], [tString]), false);
method(tScanner, 'Bytes', fn([], [tBytes]), false);
method(tScanner, 'Err', fn([], [tError]), false);
method(tScanner, 'Split', fn([tSplitFunc]), false);
method(tScanner, 'Buffer', fn([tBytes, tInt]), false);
pkg('bufio', {
  Reader: T(tBufReader),
  Writer: T(tBufWriter),
  Scanner: T(tScanner),
  SplitFunc: T(tSplitFunc),
  NewScanner: F(fn([tReader], [ptr(tScanner)]), (a) => `new $P.bufio.Scanner(${a[0]})`),
  ScanLines: V(tSplitFunc, '$P.bufio.ScanLines'),
  ScanWords: V(tSplitFunc, '$P.bufio.ScanWords'),
  ScanRunes: V(tSplitFunc, '$P.bufio.ScanRunes'),
  ScanBytes: V(tSplitFunc, '$P.bufio.ScanBytes'),
  ErrTooLong: V(tError, '$P.bufio.ErrTooLong'),
  ErrBufferFull: V(tError, '$P.bufio.ErrBufferFull'),
  ErrNegativeCount: V(tError, '$P.bufio.ErrNegativeCount'),
  ErrFinalToken: V(tError, '$P.bufio.ErrFinalToken'),
  MaxScanTokenSize: C(tInt, maxScanTokenSize),
  NewReader: F(fn([tReader], [ptr(tBufReader)]), (a) => `new $P.bufio.Reader(${a[0]})`),
  NewWriter: F(fn([tWriter], [ptr(tBufWriter)]), (a) => `new $P.bufio.Writer(${a[0]})`),
  NewWriterSize: F(fn([tWriter, tInt], [ptr(tBufWriter)]), (a) => `new $P.bufio.Writer(${a[0]}, $P.bufio.writerSize(${a[1]}))`),
  NewReaderSize: F(fn([tReader, tInt], [ptr(tBufReader)]), (a) => `new $P.bufio.Reader(${a[0]}, $P.bufio.readerSize(${a[1]}))`),
  $unsupported: subset(),
});
