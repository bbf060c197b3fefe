/**
 * Package bufio: Reader (ReadString, Read) and Writer (WriteString, Write, Flush) over an io.Reader /
 * io.Writer interface value, with Go's 4096-byte default buffer: a Reader fills with one Read of up to
 * 4096 bytes, a Writer calls the underlying Write when 4096 bytes are buffered and on Flush, so the
 * number of system calls beneath matches Go's.
 *
 * Simplified: the buffers are byte strings that grow (Go's are fixed arrays: a Writer writes a full
 * buffer through, ours flushes after it passes 4096); no Scanner, ReadLine, Peek.
 */
import type { Op } from '../../workload/ops.js';
import * as lib from '../lib.js';
import { type Iface, type Slice } from '../lib.js';
import { tInt, tString, tUint8 } from '../types.js';
import { tError } from '../core.js';
import { EOF, read, writeString, tReader, tWriter } from './io.js';
import { pkg, F, T, fn, ptr, tBytes, native, method, subset } from './registry.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** Go's defaultBufSize (bufio/bufio.go). */
const defaultBufSize = 4096;

export class Reader {
  buf = '';
  eof: Iface | null = null;
  constructor(public r: Iface | null) {}
  private *fill(): Go<boolean> {
    if (this.eof) return false;
    const b = lib.makeSlice(defaultBufSize, defaultBufSize, () => 0);
    const [n, err] = yield* read(this.r, b);
    this.buf += lib.bytesToString(lib.reslice(b, 0, n, -1));
    if (err) this.eof = err;
    return n > 0;
  }
  *ReadString(delim: number): Go<[string, Iface | null]> {
    const d = String.fromCharCode(delim);
    for (;;) {
      const i = this.buf.indexOf(d);
      if (i >= 0) {
        const s = this.buf.slice(0, i + 1);
        this.buf = this.buf.slice(i + 1);
        return [s, null];
      }
      if (!(yield* this.fill()) && this.eof) {
        const s = this.buf;
        this.buf = '';
        return [s, this.eof];
      }
    }
  }
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    if (this.buf === '' && !(yield* this.fill())) return [0, this.eof ?? EOF];
    const n = Math.min(b === null ? 0 : b.n, this.buf.length);
    for (let i = 0; i < n; i++) b!.a[b!.o + i] = this.buf.charCodeAt(i);
    this.buf = this.buf.slice(n);
    return [n, null];
  }
}
export class Writer {
  buf = '';
  constructor(public w: Iface | null) {}
  *WriteString(s: string): Go<[number, Iface | null]> {
    this.buf += s;
    if (this.buf.length >= defaultBufSize) yield* this.Flush();
    return [s.length, null];
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    return yield* this.WriteString(lib.bytesToString(b));
  }
  *Flush(): Go<Iface | null> {
    if (this.buf === '') return null;
    const s = this.buf;
    this.buf = '';
    yield* writeString(this.w, s);
    return null;
  }
}

export const tBufReader = native('Reader', 'bufio', '$P.bufio.Reader');
method(tBufReader, 'ReadString', fn([tUint8], [tString, tError]), true);
method(tBufReader, 'Read', fn([tBytes], [tInt, tError]), true);
export const tBufWriter = native('Writer', 'bufio', '$P.bufio.Writer');
method(tBufWriter, 'WriteString', fn([tString], [tInt, tError]), true);
method(tBufWriter, 'Write', fn([tBytes], [tInt, tError]), true);
method(tBufWriter, 'Flush', fn([], [tError]), true);
pkg('bufio', {
  Reader: T(tBufReader),
  Writer: T(tBufWriter),
  NewReader: F(fn([tReader], [ptr(tBufReader)]), (a) => `new $P.bufio.Reader(${a[0]})`),
  NewWriter: F(fn([tWriter], [ptr(tBufWriter)]), (a) => `new $P.bufio.Writer(${a[0]})`),
  $unsupported: subset(),
});
