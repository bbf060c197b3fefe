/**
 * Helpers shared by the TypeScript twins of the conformance programs (conformance/programs/*.go).
 * Each helper mirrors one Go helper or library call that several programs use; where the twin has to
 * choose a duration for work the Go program does (CPU loops, file reads), the number and where it
 * comes from are stated here, once.
 */
import { K, type GoFunc } from '../../src/workload/ops.js';
import { PollDesc } from '../../src/runtime/netpoll.js';
import { fmt, pprof, syscall, work, type Go } from '../../src/workload/api.js';

/** What a twin module exports. */
export interface TwinProgram {
  main: GoFunc;
  /** The Go program links package os (fmt, os, net…): the finalizer goroutine exists. */
  linksOS?: boolean;
  /** The Go program is cgo-linked (`import "C"`). */
  linksCgo?: boolean;
}
export type Env = Record<string, string>;

/** `pprof.Lookup("threadcreate").Count()` — the Ms on allm (mcount, plus m0 once it has wedged). os_threads (/proc/self/task) is not modelled. */
export function threads(): Go<number> {
  return pprof.Lookup('threadcreate').Count();
}

/** `MEASURE name=value unit` through fmt.Printf. */
export function measure(name: string, format: string, v: number, unit: string): Go {
  return fmt.Printf(`MEASURE ${name}=${format} ${unit}\n`, v);
}

/** Go's time.Duration.Microseconds() / 1e3: whole µs as ms (the programs print that). */
export function msOfNs(d: number): number {
  return Math.trunc(d / 1e3) / 1e3;
}

/**
 * `for time.Now().Before(end) {}`: a CPU loop whose every iteration calls time.Now (≈64 ns,
 * costs.json time_now_ns), a function call and therefore a cooperative preemption point.
 */
export function burn(d: number): Go {
  return work(d, { callEvery: 64 });
}

/** syscall.Nanosleep(d) resumed after EINTR: one blocking syscall of d (the model has no EINTR). */
export function sleepSyscall(d: number): Go {
  return syscall.Nanosleep(d);
}

/** The programs' compress(): runs of consecutive integers as "a…b". */
export function compress(xs: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j]! + 1) j++;
    parts.push(i === j ? String(xs[i]) : `${xs[i]}…${xs[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

// ---------------------------------------------------------------- deterministic file contents

/** The programs' LCG: seed = seed*1664525 + 1013904223 (uint32). */
export class Lcg {
  constructor(public seed: number) {}
  next(): number {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return this.seed;
  }
}

const TWO32 = 4294967296;
/** FNV-1a 64 over bytes produced on the fly; returns the hash as a BigInt. */
export function fnv1a(len: number, byteAt: () => number): bigint {
  // h = 14695981039346656037 as two uint32 halves; prime = 0x100000001b3 → h*prime = h*0x1b3 + (h << 40).
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < len; i++) {
    lo = (lo ^ byteAt()) >>> 0;
    const p = lo * 0x1b3;
    const carry = Math.floor(p / TWO32);
    const nlo = p - carry * TWO32;
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) % TWO32;
    lo = nlo;
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}

export interface GenFile {
  size: number;
  sum: bigint;
}
const fileSets = new Map<string, GenFile[]>();
/**
 * The files a program writes: `count` files, size = base + next()%span, bytes = byte(next()>>24), from
 * the LCG seeded with `seed` (memoised: the same for every run and seed).
 */
export function generatedFiles(seed: number, count: number, base: number, span: number): GenFile[] {
  const key = `${seed}/${count}/${base}/${span}`;
  let files = fileSets.get(key);
  if (files) return files;
  const g = new Lcg(seed);
  files = [];
  for (let i = 0; i < count; i++) {
    const size = base + (g.next() % span);
    const sum = fnv1a(size, () => g.next() >>> 24);
    files.push({ size, sum });
  }
  fileSets.set(key, files);
  return files;
}
export const hex16 = (x: bigint): string => BigInt.asUintN(64, x).toString(16).padStart(16, '0');
export const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

/**
 * Durations the twins charge for the file programs' CPU and I/O work (estimates for this machine's
 * class, AMD EPYC; not measured by the recorder):
 * - generating a file's bytes with the LCG: 1.5 ns/byte; checksumming (FNV-1a, a dependent
 *   multiply per byte): 1.3 ns/byte — both loops without calls (async preemption only);
 * - os.WriteFile: open+write+close, 15 µs + 0.25 ns/byte (page cache);
 * - os.ReadFile of a cached file: open+fstat+read+close, 6 µs + 0.15 ns/byte (memcpy from the page cache).
 */
export const fileCost = {
  genPerByte: 1.5,
  sumPerByte: 1.3,
  writeBase: 15_000,
  writePerByte: 0.25,
  readBase: 6_000,
  readPerByte: 0.15,
};

// ---------------------------------------------------------------- loopback TCP (through the netpoller)

/**
 * One-way loopback delivery: half of costs.json tcp_loopback_rtt_us (20.6 µs round trip on go1.19).
 */
export const loopbackOneWay = 10_000;
/** A write(2) on a socket with buffer room: a short syscall. */
export const socketWrite = 2_000;
/** socket+bind+listen / socket+connect: a few short syscalls. */
export const socketSetup = 5_000;

export class Listener {
  backlog: Conn[] = [];
  pd = new PollDesc(null, 'listener');
  closed = false;
  *Accept(): Go<Conn | null> {
    while (this.backlog.length === 0 && !this.closed) yield { k: K.NetWait, pd: this.pd };
    if (this.backlog.length === 0) return null;
    return this.backlog.shift()!;
  }
  *Close(): Go {
    this.closed = true;
    yield { k: K.NetReady, pd: this.pd, ns: 0 };
  }
}

/** net.Listen("tcp", "127.0.0.1:0") */
export function* listen(): Go<Listener> {
  yield* syscall.Syscall(socketSetup, 'socket/bind/listen');
  return new Listener();
}

export class Conn {
  /** Messages with their arrival time (sim ns): the data is readable only once it arrived. */
  buf: { at: number; msg: string }[] = [];
  /** When the peer's FIN arrives (Infinity while open). */
  eofAt = Infinity;
  closed = false;
  peer: Conn | null = null;
  pd = new PollDesc(null, 'conn');
  /** Read one message (a line or a byte) written by the peer; null at EOF. Parks in the netpoller. */
  *Read(): Go<string | null> {
    for (;;) {
      const now = (yield { k: K.Nanotime }) as number;
      const head = this.buf[0];
      if (head && head.at <= now) {
        this.buf.shift();
        return head.msg;
      }
      if (!head && this.eofAt <= now) return null;
      yield { k: K.NetWait, pd: this.pd };
    }
  }
  /** Write a message: a short write(2); the peer's fd becomes readable one loopback delay later. */
  *Write(msg: string): Go {
    yield* syscall.Syscall(socketWrite, 'write socket');
    const now = (yield { k: K.Nanotime }) as number;
    const p = this.peer!;
    p.buf.push({ at: now + loopbackOneWay, msg });
    yield { k: K.NetReady, pd: p.pd, ns: loopbackOneWay };
  }
  *Close(): Go {
    if (this.closed) return;
    this.closed = true;
    yield* syscall.Syscall(socketWrite, 'close socket');
    const now = (yield { k: K.Nanotime }) as number;
    const p = this.peer;
    if (p && p.eofAt === Infinity) {
      p.eofAt = now + loopbackOneWay;
      yield { k: K.NetReady, pd: p.pd, ns: loopbackOneWay };
    }
  }
}

/** net.Dial to a listener: connect(2) (non-blocking) then wait in the netpoller for the handshake. */
export function* dial(l: Listener): Go<Conn> {
  yield* syscall.Syscall(socketSetup, 'socket/connect');
  const c1 = new Conn();
  const c2 = new Conn();
  c1.peer = c2;
  c2.peer = c1;
  l.backlog.push(c2);
  yield { k: K.NetReady, pd: l.pd, ns: loopbackOneWay };
  yield { k: K.NetReady, pd: c1.pd, ns: loopbackOneWay };
  yield { k: K.NetWait, pd: c1.pd };
  return c1;
}
