/**
 * Run-time implementations of the standard-library subset (`$P.*` in generated code). sync's
 * WaitGroup/Mutex/Once are the workload API's (Go's algorithms over the runtime's semaphores);
 * RWMutex and Cond are here. I/O: files, pipes, /dev/urandom and loopback sockets with modelled
 * durations (IoModel, documented in index.ts).
 */
import { K, type GoBody, type Op } from '../workload/ops.js';
import { sync as wsync } from '../workload/api.js';
import { Sema, NotifyList } from '../runtime/sema.js';
import { Timer as RTimer, TimerKind } from '../runtime/time.js';
import { PollDesc } from '../runtime/netpoll.js';
import { Chan } from '../runtime/chan.js';
import { GoPanic, Slice, type Iface } from './lib.js';
import * as lib from './lib.js';
import { S } from './rt.js';

type Go<T = void> = Generator<Op, T, unknown>;

// ---------------------------------------------------------------- sync

interface Locker {
  Lock(): Go;
  Unlock(): Go;
}
export const WaitGroup = wsync.WaitGroup as unknown as new () => { Add(d: number): Go; Done(): Go; Wait(): Go };
export const Mutex = wsync.Mutex as unknown as new () => Locker & { TryLock(): boolean };
export const Once = wsync.Once as unknown as new () => { Do(f: () => GoBody): Go };

/** sync.RWMutex (Go's algorithm: readerCount/readerWait over two semaphores and a Mutex). */
export class RWMutex {
  private w = new Mutex();
  private writerSem = new Sema();
  private readerSem = new Sema();
  private readerCount = 0;
  private readerWait = 0;
  *RLock(): Go {
    if (++this.readerCount < 0) yield { k: K.SemAcquire, sema: this.readerSem, lifo: false, reason: 'sync.RWMutex.RLock' };
  }
  *RUnlock(): Go {
    const r = --this.readerCount;
    if (r < 0) {
      if (r + 1 === 0 || r + 1 === -(1 << 30)) throw new GoPanic(null, 'fatal error: sync: RUnlock of unlocked RWMutex');
      if (--this.readerWait === 0) yield { k: K.SemRelease, sema: this.writerSem, handoff: false };
    }
  }
  *Lock(): Go {
    yield* this.w.Lock();
    const r = this.readerCount;
    this.readerCount -= 1 << 30;
    if (r !== 0 && (this.readerWait += r) !== 0) yield { k: K.SemAcquire, sema: this.writerSem, lifo: false, reason: 'sync.RWMutex.Lock' };
  }
  *Unlock(): Go {
    this.readerCount += 1 << 30;
    const r = this.readerCount;
    for (let i = 0; i < r; i++) yield { k: K.SemRelease, sema: this.readerSem, handoff: false };
    yield* this.w.Unlock();
  }
  TryLock(): boolean {
    return false;
  }
}

type MethodTable = Record<string, (r: unknown, ...a: unknown[]) => Go<unknown>>;
function im(l: Iface, name: string): Go<unknown> {
  const tab = (l.t as unknown as { $m: MethodTable }).$m;
  return tab[name]!(l.v);
}

/** sync.Cond over a Locker interface value, with the runtime's notify list. */
export class Cond {
  nl = new NotifyList();
  constructor(public L: Iface) {}
  *Wait(): Go {
    const t = this.nl.wait++;
    yield* im(this.L, 'Unlock');
    yield { k: K.NotifyWait, nl: this.nl, ticket: t };
    yield* im(this.L, 'Lock');
  }
  *Signal(): Go {
    yield { k: K.Notify, nl: this.nl, all: false };
  }
  *Broadcast(): Go {
    yield { k: K.Notify, nl: this.nl, all: true };
  }
}

// ---------------------------------------------------------------- time

/** time.Duration.String() */
export function durationString(d: number): string {
  if (d === 0) return '0s';
  const neg = d < 0;
  let u = Math.abs(d);
  let s: string;
  if (u < 1e3) s = `${u}ns`;
  else if (u < 1e6) s = `${fmtFrac(u, 1e3)}µs`;
  else if (u < 1e9) s = `${fmtFrac(u, 1e6)}ms`;
  else {
    let out = '';
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    if (h > 0) out += `${h}h`;
    if (h > 0 || m > 0) out += `${m}m`;
    out += `${fmtFrac(u, 1e9)}s`;
    s = out;
  }
  return lib.encodeUTF8(neg ? '-' + s : s);
}
function fmtFrac(v: number, unit: number): string {
  const whole = Math.floor(v / unit);
  let frac = String(v - whole * unit).padStart(String(unit).length - 1, '0');
  frac = frac.replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** A time.Timer / time.Ticker. */
export class TimeTimer {
  C: Chan | null;
  constructor(public t: RTimer) {
    this.C = t.ch;
  }
  *Stop(): Go<boolean> {
    return (yield { k: K.TimerStop, t: this.t }) as boolean;
  }
  *Reset(d: number): Go<boolean> {
    return (yield { k: K.TimerReset, t: this.t, ns: d }) as boolean;
  }
}
export function* newTimer(d: number, period: number, fn: (() => GoBody) | null, name = 'time.goFunc'): Go<TimeTimer> {
  const t = new RTimer(fn ? TimerKind.Func : TimerKind.ChanSend);
  if (fn) {
    t.fn = fn;
    t.name = name;
  } else t.ch = new Chan(1);
  if (period > 0) t.period = period;
  const now = (yield { k: K.Nanotime }) as number;
  t.when = now + Math.max(d, 0);
  yield { k: K.TimerStart, t };
  return new TimeTimer(t);
}

// ---------------------------------------------------------------- engine access

/** The runtime's thread count: pprof.Lookup("threadcreate").Count() (Ms on allm). */
export function* threadCount(): Go<number> {
  return (yield { k: K.ThreadCount }) as number;
}

export class Profile {
  constructor(public name: string) {}
  *Count(): Go<number> {
    if (this.name === 'goroutine') return (yield { k: K.NumGoroutine }) as number;
    if (this.name !== 'threadcreate') return 0;
    return yield* threadCount();
  }
  Name(): string {
    return this.name;
  }
}

// ---------------------------------------------------------------- I/O model

export interface IoModel {
  /** One read(2) of a regular file (ns). Default 20 µs. */
  fileRead: number;
  /** One read(2) of /dev/urandom (ns), per 512-byte-or-larger chunk. Default 5 µs. */
  urandomRead: number;
  /** Pipe write → reader wakes (ns). Default 10 µs. */
  pipeLatency: number;
  /** Loopback latency of a socket write / connect until the peer's fd is ready (ns). Default 20 µs. */
  netLatency: number;
  /** A write(2) on a socket (ns): the thread is in the kernel. Default 21 µs (calibrated on conformance/netpoll_wait: 100 writes take 1.4–3.4 ms on real go1.19, 2.1–3.5 ms with schedtrace). */
  netWrite: number;
  /** A read(2) on a socket that has data (ns). Default 3 µs. */
  netRead: number;
  /** Per-path read durations (ns), overriding the kinds above. */
  perPath: Record<string, number>;
  /** Initial virtual file system: path → contents. */
  files: Record<string, string>;
  /** Bytes os.ReadFile gets from /dev/urandom before it stops (Go's never stops: Infinity). */
  urandomLimit: number;
}
export const defaultIo: IoModel = { fileRead: 20_000, urandomRead: 5_000, pipeLatency: 10_000, netLatency: 20_000, netWrite: 21_000, netRead: 3_000, perPath: {}, files: {}, urandomLimit: Infinity };

export class Env {
  fs = new Map<string, string>();
  constructor(public io: IoModel) {
    for (const [k, v] of Object.entries(io.files)) this.fs.set(k, lib.encodeUTF8(v));
  }
  readCost(path: string): number {
    if (path in this.io.perPath) return this.io.perPath[path]!;
    if (path === '/dev/urandom' || path === '/dev/random') return this.io.urandomRead;
    return this.io.fileRead;
  }
}
export const envRef: { env: Env } = { env: new Env(defaultIo) };

let fdSeq = 3;
/** *os.File: a regular file, a device, or one end of a pipe. */
export class File {
  off = 0;
  fd: number;
  constructor(
    public name: string,
    public kind: 'file' | 'dev' | 'std' | 'pipe',
    public pipe: Pipe | null = null,
    fd = 0,
  ) {
    this.fd = fd || fdSeq++;
  }
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    const n = b === null ? 0 : b.n;
    if (this.kind === 'pipe') return yield* this.pipe!.read(b);
    const env = envRef.env;
    yield { k: K.Syscall, ns: env.readCost(this.name), mode: 'syscall', name: `read ${this.name}` };
    if (this.kind === 'dev') {
      for (let i = 0; i < n; i++) b!.a[b!.o + i] = (Math.imul(i + this.off, 2654435761) >>> 24) & 255;
      this.off += n;
      return [n, null];
    }
    const data = env.fs.get(this.name) ?? '';
    if (this.off >= data.length) return [0, EOF];
    const k = Math.min(n, data.length - this.off);
    for (let i = 0; i < k; i++) b!.a[b!.o + i] = data.charCodeAt(this.off + i);
    this.off += k;
    return [k, null];
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    const s = lib.bytesToString(b);
    if (this.kind === 'std') yield { k: K.Write, fd: this.fd, text: lib.decodeUTF8(s) };
    else if (this.kind === 'pipe') yield* this.pipe!.write(s);
    else {
      yield { k: K.Syscall, ns: envRef.env.io.fileRead, mode: 'syscall', name: `write ${this.name}` };
      envRef.env.fs.set(this.name, (envRef.env.fs.get(this.name) ?? '') + s);
    }
    return [s.length, null];
  }
  *WriteString(s: string): Go<[number, Iface | null]> {
    return yield* this.Write(lib.stringToBytes(s));
  }
  *Close(): Go<Iface | null> {
    if (this.pipe && this.pipe.w === this) this.pipe.closeWrite();
    return null;
  }
  Name(): string {
    return this.name;
  }
  Fd(): number {
    return this.fd;
  }
}

/** os.Pipe: the reader blocks in read(2) (pipes from os.Pipe are pollable in Go; modelled via the netpoller). */
export class Pipe {
  buf = '';
  closed = false;
  pd = new PollDesc(null, 'pipe');
  r: File;
  w: File;
  constructor() {
    this.r = new File('|0', 'pipe', this);
    this.w = new File('|1', 'pipe', this);
  }
  *read(b: Slice | null): Go<[number, Iface | null]> {
    while (this.buf.length === 0 && !this.closed) yield { k: K.NetWait, pd: this.pd };
    if (this.buf.length === 0) return [0, EOF];
    const n = Math.min(b === null ? 0 : b.n, this.buf.length);
    for (let i = 0; i < n; i++) b!.a[b!.o + i] = this.buf.charCodeAt(i);
    this.buf = this.buf.slice(n);
    return [n, null];
  }
  *write(s: string): Go {
    this.buf += s;
    yield { k: K.NetReady, pd: this.pd, ns: envRef.env.io.pipeLatency };
  }
  closeWrite(): void {
    this.closed = true;
  }
}

// ---------------------------------------------------------------- errors

export class ErrorString {
  constructor(public s: string) {}
  Error(): string {
    return this.s;
  }
}
export let errType: unknown = null;
export function setErrType(t: unknown): void {
  errType = t;
}
export function newError(s: string): Iface {
  return { t: errType as never, v: new ErrorString(s) };
}
export const EOF: Iface = { t: null as never, v: new ErrorString('EOF') };
export function initEOF(): void {
  EOF.t = errType as never;
}

export { S, Slice };

// ---------------------------------------------------------------- net (simulated loopback)

export class Listener {
  backlog: Conn[] = [];
  pd = new PollDesc(null, 'listener');
  closed = false;
  constructor(public addr: string) {}
  *Accept(): Go<[Conn | null, Iface | null]> {
    while (this.backlog.length === 0 && !this.closed) yield { k: K.NetWait, pd: this.pd };
    if (this.closed) return [null, newError('use of closed network connection')];
    return [this.backlog.shift()!, null];
  }
  *Close(): Go<Iface | null> {
    this.closed = true;
    yield { k: K.NetReady, pd: this.pd, ns: 0 };
    return null;
  }
  Addr(): string {
    return this.addr;
  }
}
export const listeners = new Map<string, Listener>();

export class Conn {
  buf = '';
  closed = false;
  peer: Conn | null = null;
  pd = new PollDesc(null, 'conn');
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    while (this.buf.length === 0 && !this.closed) yield { k: K.NetWait, pd: this.pd };
    yield { k: K.Syscall, ns: envRef.env.io.netRead, mode: 'syscall', name: 'read' };
    if (this.buf.length === 0) return [0, EOF];
    const n = Math.min(b === null ? 0 : b.n, this.buf.length);
    for (let i = 0; i < n; i++) b!.a[b!.o + i] = this.buf.charCodeAt(i);
    this.buf = this.buf.slice(n);
    return [n, null];
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    const s = lib.bytesToString(b);
    const p = this.peer!;
    yield { k: K.Syscall, ns: envRef.env.io.netWrite, mode: 'syscall', name: 'write' };
    p.buf += s;
    yield { k: K.NetReady, pd: p.pd, ns: envRef.env.io.netLatency };
    return [s.length, null];
  }
  *Close(): Go<Iface | null> {
    if (this.peer && !this.peer.closed) {
      this.peer.closed = true;
      yield { k: K.NetReady, pd: this.peer.pd, ns: envRef.env.io.netLatency };
    }
    this.closed = true;
    return null;
  }
}
let port = 40000;
export function* listen(network: string, addr: string): Go<[Listener | null, Iface | null]> {
  let a = addr;
  if (a.endsWith(':0')) a = a.slice(0, -1) + String(port++);
  if (a.startsWith(':')) a = '127.0.0.1' + a;
  yield { k: K.Syscall, ns: 2_000, mode: 'syscall', name: 'listen' };
  const l = new Listener(a);
  listeners.set(a, l);
  return [l, null];
}
export function* dial(network: string, addr: string): Go<[Conn | null, Iface | null]> {
  let a = addr;
  if (a.startsWith(':')) a = '127.0.0.1' + a;
  a = a.replace(/^localhost:/, '127.0.0.1:');
  const l = listeners.get(a);
  if (!l || l.closed) {
    yield { k: K.Syscall, ns: 2_000, mode: 'syscall', name: 'connect' };
    return [null, newError(`dial ${network} ${a}: connect: connection refused`)];
  }
  const c1 = new Conn();
  const c2 = new Conn();
  c1.peer = c2;
  c2.peer = c1;
  l.backlog.push(c2);
  const lat = envRef.env.io.netLatency;
  yield { k: K.NetReady, pd: l.pd, ns: lat };
  yield { k: K.NetReady, pd: c1.pd, ns: lat };
  yield { k: K.NetWait, pd: c1.pd };
  return [c1, null];
}
