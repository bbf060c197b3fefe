/**
 * Package io: the Reader and Writer interfaces, io.EOF, ReadAll and ReadFull — written, as in Go,
 * only against the interfaces: a call goes through the dynamic type's method table (`$m`), so a
 * *os.File, a net.Conn, a *bufio.Reader or the program's own type all work.
 *
 * ReadAll follows each release's io.go: go1.19 reads into the free capacity of one buffer that append
 * grows; go1.26 reads into chunks of growing size (256, then ×1.5) once a buffer is nearly full and
 * copies them into a right-sized slice at the end — so the reads beneath have Go's sizes and the
 * buffers it allocates are counted (rt/malloc.ts mallocLib).
 *
 * Simplified: io.Copy
 * always goes through a 32 KiB buffer (Go's uses the source's WriterTo or the destination's
 * ReaderFrom when they have one: *os.File's copy_file_range/splice, *bytes.Buffer's WriteTo);
 * SectionReader, OffsetWriter… are not supported.
 */
import { K, type Op } from '../../workload/ops.js';
import { type FuncType, type NamedType, basic, newNamed, tInt, tString } from '../types.js';
import { tError } from '../core.js';
import { ErrorString, tErrorStringPtr } from './errors.js';
import { pkg, F, T, V, C, fn, tBytes, subset, sl, arr, ptr, native, method } from './registry.js';
import { Chan } from '../../runtime/chan.js';
import { sync as wsync } from '../../workload/api.js';
import { nilDeref } from '../rt/panics.js';
import { type Slice, makeBytes, reslice, copySlice } from '../rt/slices.js';
import { growCap, mallocLib, roundupsize } from '../rt/malloc.js';
import { bytesToString, stringToBytes } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;
type MethodTable = Record<string, (...a: unknown[]) => Go<unknown>>;

/** io.EOF = errors.New("EOF") (io/io.go). */
export const EOF: Iface = { t: tErrorStringPtr, v: new ErrorString('EOF') };
/** io.ErrUnexpectedEOF = errors.New("unexpected EOF") (io/io.go): one value, so `err == io.ErrUnexpectedEOF` holds. */
export const ErrUnexpectedEOF: Iface = { t: tErrorStringPtr, v: new ErrorString('unexpected EOF') };

/** r.Read(b) through the interface value's method table. */
export function* read(r: Iface | null, b: Slice | null): Go<[number, Iface | null]> {
  if (r === null) nilDeref();
  return (yield* (r.t as unknown as { $m: MethodTable }).$m.Read!(r.v, b)) as [number, Iface | null];
}
/** w.Write([]byte(s)) through the interface value's method table (what io.WriteString does). */
export function* writeString(w: Iface | null, s: string): Go<[number, Iface | null]> {
  return yield* write(w, stringToBytes(s));
}

/**
 * io.ReadAll: reads until an error; EOF is success. `chunked`: go1.26's algorithm (io.go: chunks of
 * `next` bytes, 256 growing by half, once less than 1/16 of a buffer is free; one final slice of the
 * total length), else go1.19's (make([]byte, 0, 512), append(b, 0) when full).
 */
export function* ReadAll(r: Iface | null, chunked = false): Go<[Slice | null, Iface | null]> {
  let out = '';
  let len = 0;
  let cap = 512;
  mallocLib(cap, true);
  let next = 256;
  let chunks = 0;
  for (;;) {
    if (!chunked && len === cap) {
      cap = growCap(cap, cap + 1);
      mallocLib(cap, true);
    }
    const room = cap - len;
    const b = makeBytes(room, room);
    const [n, err] = yield* read(r, b);
    out += bytesToString(reslice(b, 0, n, -1));
    len += n;
    if (err !== null) {
      // go1.26: the final right-sized slice (append([]byte(nil), make([]byte, finalSize)...)).
      if (chunked && chunks > 0) mallocLib(out.length);
      return [stringToBytes(out), err === EOF ? null : err];
    }
    if (chunked && cap - len < cap >> 4) {
      chunks++;
      len = 0;
      cap = roundupsize(next);
      mallocLib(cap, true);
      next += next >> 1;
    }
  }
}
/** io.ReadFull: exactly len(b) bytes, or ErrUnexpectedEOF after a partial read. */
export function* ReadFull(r: Iface | null, b: Slice | null): Go<[number, Iface | null]> {
  let got = 0;
  const n = b === null ? 0 : b.n;
  while (got < n) {
    const [k, err] = yield* read(r, reslice(b, got, -1, -1)!);
    got += k;
    if (err !== null) return [got, got > 0 && err === EOF ? ErrUnexpectedEOF : err];
  }
  return [got, null];
}

/** io.ErrShortWrite (io/io.go). */
export const ErrShortWrite: Iface = { t: tErrorStringPtr, v: new ErrorString('short write') };
/** The error of a Write that reports an impossible count (io/io.go errInvalidWrite). */
const errInvalidWrite: Iface = { t: tErrorStringPtr, v: new ErrorString('invalid write result') };
/** w.Write(b) through the interface value's method table. */
function* write(w: Iface | null, b: Slice | null): Go<[number, Iface | null]> {
  if (w === null) nilDeref();
  return (yield* (w.t as unknown as { $m: MethodTable }).$m.Write!(w.v, b)) as [number, Iface | null];
}
/**
 * io.Copy: reads into a 32 KiB buffer and writes what it read until EOF (success) or an error;
 * a short write is ErrShortWrite (io/io.go copyBuffer's loop).
 */
export function* Copy(dst: Iface | null, src: Iface | null, limit = Infinity): Go<[number, Iface | null]> {
  const size = Math.min(32 * 1024, Math.max(limit, 1));
  const buf = makeBytes(size, size);
  let written = 0;
  for (;;) {
    // CopyN reads through a LimitReader: never more than what is left of n, EOF once it is reached
    const left = limit - written;
    if (left <= 0) return [written, EOF];
    const [nr, er] = yield* read(src, left < size ? reslice(buf, 0, left, -1) : buf);
    if (nr > 0) {
      let [nw, ew] = yield* write(dst, reslice(buf, 0, nr, -1));
      if (nw < 0 || nr < nw) {
        nw = 0;
        if (ew === null) ew = errInvalidWrite;
      }
      written += nw;
      if (ew !== null) return [written, ew];
      if (nr !== nw) return [written, ErrShortWrite];
    }
    if (er !== null) return [written, er === EOF ? null : er];
  }
}

/** io.CopyN: Copy of at most n bytes; fewer than n is an error (io.EOF when the source ended). */
export function* CopyN(dst: Iface | null, src: Iface | null, n: number): Go<[number, Iface | null]> {
  const [written, err] = yield* Copy(dst, src, n);
  if (written === n) return [n, null];
  return [written, err ?? EOF];
}

/** io.ReadAtLeast: reads until at least min bytes (ErrShortBuffer when b is smaller; ErrUnexpectedEOF after a partial read). */
export function* ReadAtLeast(r: Iface | null, b: Slice | null, min: number): Go<[number, Iface | null]> {
  const n = b === null ? 0 : b.n;
  if (n < min) return [0, ErrShortBuffer];
  let got = 0;
  let err: Iface | null = null;
  while (got < min && err === null) {
    let k: number;
    [k, err] = yield* read(r, reslice(b, got, -1, -1)!);
    got += k;
  }
  if (got >= min) err = null;
  else if (got > 0 && err === EOF) err = ErrUnexpectedEOF;
  return [got, err];
}
/** io.ErrShortBuffer (io/io.go). */
export const ErrShortBuffer: Iface = { t: tErrorStringPtr, v: new ErrorString('short buffer') };

// io/io.go's interfaces: a method set each (assignability is structural)
const mRead = fn([tBytes], [tInt, tError]);
const mWrite = fn([tBytes], [tInt, tError]);
const mClose = fn([], [tError]);
const mSeek = fn([basic('int64'), tInt], [basic('int64'), tError]);
const iface = (name: string, methods: [string, FuncType][]): NamedType => newNamed(name, 'io', { k: 'iface', methods: new Map(methods) });
export const tWriter = iface('Writer', [['Write', mWrite]]);
export const tReader = iface('Reader', [['Read', mRead]]);
export const tCloser = iface('Closer', [['Close', mClose]]);
export const tReadCloser = iface('ReadCloser', [['Read', mRead], ['Close', mClose]]);
export const tSeeker = iface('Seeker', [['Seek', mSeek]]);
export const tReadWriter = iface('ReadWriter', [['Read', mRead], ['Write', mWrite]]);
export const tReadSeeker = iface('ReadSeeker', [['Read', mRead], ['Seek', mSeek]]);
export const tWriteCloser = iface('WriteCloser', [['Write', mWrite], ['Close', mClose]]);
export const tReadWriteCloser = iface('ReadWriteCloser', [['Read', mRead], ['Write', mWrite], ['Close', mClose]]);
export const tReadSeekCloser = iface('ReadSeekCloser', [['Read', mRead], ['Seek', mSeek], ['Close', mClose]]);
export const tStringWriter = iface('StringWriter', [['WriteString', fn([tString], [tInt, tError])]]);
export const tByteReader = iface('ByteReader', [['ReadByte', fn([], [basic('uint8'), tError])]]);
export const tByteWriter = iface('ByteWriter', [['WriteByte', fn([basic('uint8')], [tError])]]);
export const tRuneReader = iface('RuneReader', [['ReadRune', fn([], [basic('int32'), tInt, tError])]]);
export const tReaderAt = iface('ReaderAt', [['ReadAt', fn([tBytes, basic('int64')], [tInt, tError])]]);
export const tWriterTo = iface('WriterTo', [['WriteTo', fn([tWriter], [basic('int64'), tError])]]);
export const tReaderFrom = iface('ReaderFrom', [['ReadFrom', fn([tReader], [basic('int64'), tError])]]);

/** io.LimitReader's type (io/io.go *LimitedReader): reads from R at most N bytes more, then EOF. */
export class LimitedReader {
  constructor(
    readonly R: Iface | null,
    public N: number,
  ) {}
  *Read(p: Slice | null): Go<[number, Iface | null]> {
    if (this.N <= 0) return [0, EOF];
    const q = p !== null && p.n > this.N ? reslice(p, 0, this.N, -1) : p;
    const [n, err] = yield* read(this.R, q);
    this.N -= n;
    return [n, err];
  }
}
/** io.TeeReader's type (io/io.go teeReader): what is read from r is written to w first; a write error is the read's. */
export class TeeReader {
  constructor(
    readonly r: Iface | null,
    readonly w: Iface | null,
  ) {}
  *Read(p: Slice | null): Go<[number, Iface | null]> {
    const [n, err] = yield* read(this.r, p);
    if (n > 0) {
      const [wn, werr] = yield* write(this.w, reslice(p, 0, n, -1));
      if (werr !== null) return [wn, werr];
    }
    return [n, err];
  }
}
export const tLimitedReader = native('LimitedReader', 'io', '$P.io.LimitedReader');
method(tLimitedReader, 'Read', mRead, true, false);
export const tTeeReader = native('teeReader', 'io', '$P.io.TeeReader');
method(tTeeReader, 'Read', mRead, true, false);

/** io.ErrClosedPipe (io/pipe.go). */
export const ErrClosedPipe: Iface = { t: tErrorStringPtr, v: new ErrorString('io: read/write on closed pipe') };

/**
 * io.Pipe's shared state (io/pipe.go pipe): a synchronous in-memory pipe — each Write hands its bytes
 * to Reads through wrCh, one Read at a time reporting back on rdCh how much it took, Writes serialised
 * by wrMu; closing either end closes `done` once; rerr/werr keep the first close error of each end.
 * The channel operations and the mutex are the runtime's (they park and wake goroutines as Go's do).
 */
export class Pipe {
  private readonly wrMu: { Lock(): Go; Unlock(): Go } = new wsync.Mutex();
  readonly wrCh = new Chan<Slice | null>(0);
  readonly rdCh = new Chan<number>(0);
  readonly done = new Chan<never>(0);
  closed = false;
  rerr: Iface | null = null;
  werr: Iface | null = null;
  *read(b: Slice | null): Go<[number, Iface | null]> {
    const [i0] = (yield { k: K.Select, cases: [{ dir: 'recv', ch: this.done }], dflt: true }) as [number];
    if (i0 === 0) return [0, this.readCloseError()];
    const [i, bw] = (yield { k: K.Select, cases: [{ dir: 'recv', ch: this.wrCh }, { dir: 'recv', ch: this.done }], dflt: false }) as [number, Slice | null];
    if (i === 1) return [0, this.readCloseError()];
    const nr = copySlice(b, bw);
    yield { k: K.Send, ch: this.rdCh, v: nr };
    return [nr, null];
  }
  *write(b: Slice | null): Go<[number, Iface | null]> {
    const [i0] = (yield { k: K.Select, cases: [{ dir: 'recv', ch: this.done }], dflt: true }) as [number];
    if (i0 === 0) return [0, this.writeCloseError()];
    yield* this.wrMu.Lock();
    try {
      let n = 0;
      for (let once = true; once || (b !== null && b.n > 0); once = false) {
        const [i] = (yield { k: K.Select, cases: [{ dir: 'send', ch: this.wrCh, v: b }, { dir: 'recv', ch: this.done }], dflt: false }) as [number];
        if (i === 1) return [n, this.writeCloseError()];
        const [nw] = (yield { k: K.Recv, ch: this.rdCh }) as [number];
        b = reslice(b, nw, b === null ? 0 : b.n, -1);
        n += nw;
      }
      return [n, null];
    } finally {
      yield* this.wrMu.Unlock();
    }
  }
  *closeRead(err: Iface | null): Go<Iface | null> {
    if (this.rerr === null) this.rerr = err ?? ErrClosedPipe;
    yield* this.closeDone();
    return null;
  }
  *closeWrite(err: Iface | null): Go<Iface | null> {
    if (this.werr === null) this.werr = err ?? EOF;
    yield* this.closeDone();
    return null;
  }
  private *closeDone(): Go {
    if (this.closed) return;
    this.closed = true;
    yield { k: K.Close, ch: this.done };
  }
  readCloseError(): Iface {
    return this.rerr === null && this.werr !== null ? this.werr : ErrClosedPipe;
  }
  writeCloseError(): Iface {
    return this.werr === null && this.rerr !== null ? this.rerr : ErrClosedPipe;
  }
}
/** io.PipeReader: the read half of a Pipe. */
export class PipeReader {
  constructor(readonly p: Pipe) {}
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    return yield* this.p.read(b);
  }
  *Close(): Go<Iface | null> {
    return yield* this.p.closeRead(null);
  }
  *CloseWithError(err: Iface | null): Go<Iface | null> {
    return yield* this.p.closeRead(err);
  }
}
/** io.PipeWriter: the write half of a Pipe. */
export class PipeWriter {
  constructor(readonly p: Pipe) {}
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    return yield* this.p.write(b);
  }
  *Close(): Go<Iface | null> {
    return yield* this.p.closeWrite(null);
  }
  *CloseWithError(err: Iface | null): Go<Iface | null> {
    return yield* this.p.closeWrite(err);
  }
}
/** io.Pipe(): the two halves of a new pipe. */
export function newPipe(): [PipeReader, PipeWriter] {
  const p = new Pipe();
  return [new PipeReader(p), new PipeWriter(p)];
}
export const tPipeReader = native('PipeReader', 'io', '$P.io.PipeReader');
method(tPipeReader, 'Read', mRead, true);
method(tPipeReader, 'Close', mClose, true);
method(tPipeReader, 'CloseWithError', fn([tError], [tError]), true);
export const tPipeWriter = native('PipeWriter', 'io', '$P.io.PipeWriter');
method(tPipeWriter, 'Write', mWrite, true);
method(tPipeWriter, 'Close', mClose, true);
method(tPipeWriter, 'CloseWithError', fn([tError], [tError]), true);

/** io.Discard's type (io.discard): every Write succeeds. */
export class Discard {
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    return [b === null ? 0 : b.n, null];
  }
  *WriteString(s: string): Go<[number, Iface | null]> {
    return [s.length, null];
  }
}
export const tDiscard = native('discard', 'io', '$P.io.Discard');
method(tDiscard, 'Write', mWrite, true, false);
method(tDiscard, 'WriteString', fn([tString], [tInt, tError]), true, false);
export const discard: Iface = { t: tDiscard, v: new Discard() };
/** io.NopCloser's type (io.nopCloser): the reader's Read, a Close that does nothing. */
export class NopCloser {
  constructor(readonly r: Iface | null) {}
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    return yield* read(this.r, b);
  }
  *Close(): Go<Iface | null> {
    return null;
  }
}
export const tNopCloser = native('nopCloser', 'io', '$P.io.NopCloser');
method(tNopCloser, 'Read', mRead, true, false);
method(tNopCloser, 'Close', mClose, true, false);

/**
 * io.MultiReader's type (io/multi.go multiReader): the readers in turn, a reader's EOF moving on to the
 * next (and reported only after the last); a single remaining *multiReader is flattened into its readers.
 */
export class MultiReader {
  constructor(public readers: (Iface | null)[]) {}
  *Read(p: Slice | null): Go<[number, Iface | null]> {
    while (this.readers.length > 0) {
      if (this.readers.length === 1) {
        const r = this.readers[0];
        if (r !== null && r !== undefined && r.t === tMultiReader) {
          this.readers = (r.v as MultiReader).readers;
          continue;
        }
      }
      const [n, err] = yield* read(this.readers[0]!, p);
      let e = err;
      const eof = e !== null && e.v === EOF.v;
      if (eof) {
        this.readers[0] = eofReaderIface; // permit earlier GC (and no nil panic after a flatten)
        this.readers = this.readers.slice(1);
      }
      if (n > 0 || !eof) {
        if (eof && this.readers.length > 0) e = null; // more readers remain: not EOF yet
        return [n, e];
      }
    }
    return [0, EOF];
  }
}
/** io.eofReader: Read always returns 0, EOF. */
export class EOFReader {
  *Read(_p: Slice | null): Go<[number, Iface | null]> {
    return [0, EOF];
  }
}
/** io.MultiWriter's type (io/multi.go multiWriter): each write goes to every writer in order; a short write is ErrShortWrite. */
export class MultiWriter {
  constructor(readonly writers: (Iface | null)[]) {}
  *Write(p: Slice | null): Go<[number, Iface | null]> {
    const want = p === null ? 0 : p.n;
    for (const w of this.writers) {
      const [n, err] = yield* write(w, p);
      if (err !== null) return [n, err];
      if (n !== want) return [n, ErrShortWrite];
    }
    return [want, null];
  }
  *WriteString(s: string): Go<[number, Iface | null]> {
    return yield* this.Write(stringToBytes(s));
  }
}
export const tMultiReader = native('multiReader', 'io', '$P.io.MultiReader');
method(tMultiReader, 'Read', mRead, true, false);
export const tEOFReader = native('eofReader', 'io', '$P.io.EOFReader');
method(tEOFReader, 'Read', mRead, true, false);
const eofReaderIface: Iface = { t: tEOFReader, v: new EOFReader() };
export const tMultiWriter = native('multiWriter', 'io', '$P.io.MultiWriter');
method(tMultiWriter, 'Write', mWrite, true, false);
method(tMultiWriter, 'WriteString', fn([tString], [tInt, tError]), true, false);
/** io.MultiReader(readers...): a copy of the list (the caller's slice is not aliased). */
export function newMultiReader(readers: (Iface | null)[]): Iface {
  return { t: tMultiReader, v: new MultiReader([...readers]) };
}
/** io.MultiWriter(writers...): nested multiWriters are flattened into their writers. */
export function newMultiWriter(writers: (Iface | null)[]): Iface {
  const all: (Iface | null)[] = [];
  for (const w of writers) {
    if (w !== null && w.t === tMultiWriter) all.push(...(w.v as MultiWriter).writers);
    else all.push(w);
  }
  return { t: tMultiWriter, v: new MultiWriter(all) };
}

pkg('io', {
  Writer: T(tWriter),
  Reader: T(tReader),
  Closer: T(tCloser),
  ReadCloser: T(tReadCloser),
  Discard: V(tWriter, '$P.io.discard'),
  NopCloser: F(fn([tReader], [tReadCloser]), (a) => `({t: $P.io.tNopCloser, v: new $P.io.NopCloser(${a[0]})})`),
  MultiReader: F(fn([sl(tReader)], [tReader], true), (a) => `$P.io.newMultiReader(${arr(a[0]!)})`),
  Pipe: F(fn([], [ptr(tPipeReader), ptr(tPipeWriter)]), () => `$P.io.newPipe()`),
  PipeReader: T(tPipeReader),
  PipeWriter: T(tPipeWriter),
  ErrClosedPipe: V(tError, '$P.io.ErrClosedPipe'),
  LimitReader: F(fn([tReader, basic('int64')], [tReader]), (a) => `({t: $P.io.tLimitedReader, v: new $P.io.LimitedReader(${a[0]}, Number(${a[1]}))})`),
  TeeReader: F(fn([tReader, tWriter], [tReader]), (a) => `({t: $P.io.tTeeReader, v: new $P.io.TeeReader(${a[0]}, ${a[1]})})`),
  Seeker: T(tSeeker),
  ReadWriter: T(tReadWriter),
  ReadSeeker: T(tReadSeeker),
  WriteCloser: T(tWriteCloser),
  ReadWriteCloser: T(tReadWriteCloser),
  ReadSeekCloser: T(tReadSeekCloser),
  StringWriter: T(tStringWriter),
  ByteReader: T(tByteReader),
  ByteWriter: T(tByteWriter),
  RuneReader: T(tRuneReader),
  ReaderAt: T(tReaderAt),
  WriterTo: T(tWriterTo),
  ReaderFrom: T(tReaderFrom),
  MultiWriter: F(fn([sl(tWriter)], [tWriter], true), (a) => `$P.io.newMultiWriter(${arr(a[0]!)})`),
  EOF: V(tError, '$P.io.EOF'),
  ReadAll: F(fn([tReader], [tBytes, tError]), (a, c) => `(yield* $P.io.ReadAll(${a[0]}, ${Number(c.release.split('.')[1]) >= 26}))`),
  Copy: F(fn([tWriter, tReader], [basic('int64'), tError]), (a) => `(yield* $P.io.Copy(${a[0]}, ${a[1]}))`),
  CopyN: F(fn([tWriter, tReader, basic('int64')], [basic('int64'), tError]), (a) => `(yield* $P.io.CopyN(${a[0]}, ${a[1]}, ${a[2]}))`),
  ErrShortWrite: V(tError, '$P.io.ErrShortWrite'),
  ReadFull: F(fn([tReader, tBytes], [tInt, tError]), (a) => `(yield* $P.io.ReadFull(${a[0]}, ${a[1]}))`),
  WriteString: F(fn([tWriter, tString], [tInt, tError]), (a) => `(yield* $P.io.writeString(${a[0]}, ${a[1]}))`),
  ReadAtLeast: F(fn([tReader, tBytes, tInt], [tInt, tError]), (a) => `(yield* $P.io.ReadAtLeast(${a[0]}, ${a[1]}, ${a[2]}))`),
  ErrShortBuffer: V(tError, '$P.io.ErrShortBuffer'),
  ErrUnexpectedEOF: V(tError, '$P.io.ErrUnexpectedEOF'),
  // whence values of Seek (io/io.go)
  SeekStart: C(tInt, 0),
  SeekCurrent: C(tInt, 1),
  SeekEnd: C(tInt, 2),
  $unsupported: subset(),
});
