/**
 * Run-time package functions, part 2 (`$P.*`): os/io/log/syscall/net glue, strconv, math/rand,
 * signal.Notify, and the method tables of the standard library's types.
 */
import { K, type Op } from '../workload/ops.js';
import { Chan } from '../runtime/chan.js';
import * as lib from './lib.js';
import { Slice, type Iface } from './lib.js';
import type { Type } from './types.js';
import { File, Pipe, EOF, newError, envRef, Listener, Conn, ErrorString, setErrType, initEOF, threadCount } from './pkgrt.js';
import { Body } from './rt.js';
import { callSync } from './rt.js';

type Go<T = void> = Generator<Op, T, unknown>;
import { ErrNotExist } from './pkgrt3.js';

export const stdout = new File('/dev/stdout', 'std', null, 1);
export const stderr = new File('/dev/stderr', 'std', null, 2);
export const stdin = new File('/dev/stdin', 'std', null, 0);
export let args: Slice = lib.sliceLit(['/tmp/go-build/main']);
export function setArgs(a: string[]): void {
  args = lib.sliceLit(a.map(lib.encodeUTF8));
}
export const sigint = { t: null as unknown as Type, v: 2 };
let env: Record<string, string> = {};
export function setEnv(e: Record<string, string>): void {
  env = e;
}
export function getenv(k: string): string {
  return lib.encodeUTF8(env[lib.decodeUTF8(k)] ?? '');
}

/** fmt.Print* to stdout: a write(2); results (n, err). */
export function* pw(fd: number, s: string): Go<[number, Iface | null]> {
  yield { k: K.Write, fd, text: lib.decodeUTF8(s) };
  return [s.length, null];
}
/** fmt.Fprint* to an io.Writer value. */
export function* fwrite(w: Iface | null, s: string): Go<[number, Iface | null]> {
  if (w === null) lib.nilDeref();
  if (w.v instanceof File) return yield* w.v.Write(lib.stringToBytes(s));
  const tab = (w.t as unknown as { $m: Record<string, (...a: unknown[]) => Go<unknown>> }).$m;
  return (yield* tab.Write!(w.v, lib.stringToBytes(s))) as [number, Iface | null];
}
function* readAny(r: Iface | null, b: Slice): Go<[number, Iface | null]> {
  if (r === null) lib.nilDeref();
  const tab = (r.t as unknown as { $m: Record<string, (...a: unknown[]) => Go<unknown>> }).$m;
  return (yield* tab.Read!(r.v, b)) as [number, Iface | null];
}
export function* readAll(r: Iface | null): Go<[Slice | null, Iface | null]> {
  let out = '';
  for (;;) {
    const b = lib.makeSlice(512, 512, () => 0);
    const [n, err] = yield* readAny(r, b);
    out += lib.bytesToString(lib.reslice(b, 0, n, -1));
    if (err !== null) return [lib.stringToBytes(out), err === EOF ? null : err];
  }
}
export function* readFull(r: Iface | null, b: Slice | null): Go<[number, Iface | null]> {
  let got = 0;
  const n = b === null ? 0 : b.n;
  while (got < n) {
    const [k, err] = yield* readAny(r, lib.reslice(b, got, -1, -1)!);
    got += k;
    if (err !== null) return [got, got > 0 && err === EOF ? newError('unexpected EOF') : err];
  }
  return [got, null];
}

function notExist(op: string, path: string): Iface {
  const e = newError(`${op} ${lib.decodeUTF8(path)}: no such file or directory`);
  (e.v as { unwrap?: Iface }).unwrap = ErrNotExist;
  return e;
}
/** os.ReadFile: open, then read(2)s of growing chunks until EOF (a device never ends). */
export function* readFile(path: string): Go<[Slice | null, Iface | null]> {
  const e = envRef.env;
  const p = lib.decodeUTF8(path);
  const isDev = p === '/dev/urandom' || p === '/dev/random' || p === '/dev/zero';
  yield { k: K.Syscall, ns: 2_000, mode: 'syscall', name: `open ${p}` };
  if (!isDev && !e.fs.has(p)) return [null, notExist('open', path)];
  if (isDev) {
    // Go's ReadFile: cap 512, then append-grow; /dev/urandom never returns EOF.
    let size = 0;
    let cap = 512;
    while (size < e.io.urandomLimit) {
      yield { k: K.Syscall, ns: e.readCost(p) + (cap - size) / 4, mode: 'syscall', name: `read ${p}` };
      size = cap;
      cap = Math.max(cap * 2, 512);
      if (cap > e.io.urandomLimit) cap = e.io.urandomLimit;
    }
    return [lib.makeSlice(Math.min(size, 1 << 20), Math.min(size, 1 << 20), () => 0), null];
  }
  const data = e.fs.get(p)!;
  yield { k: K.Syscall, ns: e.readCost(p), mode: 'syscall', name: `read ${p}` };
  return [lib.stringToBytes(data), null];
}
export function* writeFile(path: string, b: Slice | null): Go<Iface | null> {
  yield { k: K.Syscall, ns: envRef.env.io.fileRead, mode: 'syscall', name: `write ${lib.decodeUTF8(path)}` };
  envRef.env.fs.set(lib.decodeUTF8(path), lib.bytesToString(b));
  return null;
}
export function* open(path: string): Go<[File | null, Iface | null]> {
  const p = lib.decodeUTF8(path);
  yield { k: K.Syscall, ns: 2_000, mode: 'syscall', name: `open ${p}` };
  if (p.startsWith('/dev/')) return [new File(p, 'dev'), null];
  if (!envRef.env.fs.has(p)) return [null, notExist('open', path)];
  return [new File(p, 'file'), null];
}
export function* create(path: string): Go<[File | null, Iface | null]> {
  const p = lib.decodeUTF8(path);
  yield { k: K.Syscall, ns: 2_000, mode: 'syscall', name: `open ${p}` };
  envRef.env.fs.set(p, '');
  return [new File(p, 'file'), null];
}
export function pipe(): [File, File, Iface | null] {
  const p = new Pipe();
  return [p.r, p.w, null];
}
export class DirEntry {
  constructor(
    public n: string,
    public dir: boolean,
  ) {}
  Name(): string {
    return lib.encodeUTF8(this.n);
  }
  IsDir(): boolean {
    return this.dir;
  }
}
export function* readDir(path: string): Go<[Slice | null, Iface | null]> {
  let p = lib.decodeUTF8(path);
  if (!p.endsWith('/')) p += '/';
  if (p === './') p = '';
  yield { k: K.Syscall, ns: 5_000, mode: 'syscall', name: `getdents ${p}` };
  if (p === '/proc/self/task/') {
    // one entry per OS thread: the Ms on allm (exited Ms are gone, a wedged m0 stays)
    const n = yield* threadCount();
    return [lib.sliceLit(Array.from({ length: n }, (_, i) => new DirEntry(String(4242 + i), true))), null];
  }
  const names = new Set<string>();
  const dirs = new Set<string>();
  for (const k of envRef.env.fs.keys()) {
    if (!k.startsWith(p)) continue;
    const rest = k.slice(p.length);
    const i = rest.indexOf('/');
    if (i < 0) names.add(rest);
    else dirs.add(rest.slice(0, i));
  }
  const all = [...names].map((n) => new DirEntry(n, false)).concat([...dirs].map((n) => new DirEntry(n, true)));
  all.sort((a, b) => (a.n < b.n ? -1 : 1));
  return [lib.sliceLit(all), null];
}

// ---- log
let logFlags = 3;
export function setLogFlags(f: number): void {
  logFlags = f;
}
export function logPrefix(): string {
  return logFlags === 0 ? '' : '2009/11/10 23:00:00 ';
}
export function logLine(s: string): string {
  return logPrefix() + (s.endsWith('\n') ? s : s + '\n');
}

// ---- syscall
export function errnoString(e: number): string {
  const m: Record<number, string> = { 4: 'interrupted system call', 11: 'resource temporarily unavailable', 9: 'bad file descriptor' };
  return m[e] ?? `errno ${e}`;
}
export function nsecToTimespec(ns: number): { Sec: number; Nsec: number; $c(): unknown } {
  const o = { Sec: Math.floor(ns / 1e9), Nsec: ns % 1e9, $c: () => ({ ...o }) };
  return o;
}
export function* nanosleep(ts: { Sec: number; Nsec: number } | null): Go<Iface | null> {
  if (ts === null) lib.nilDeref();
  yield { k: K.Syscall, ns: ts.Sec * 1e9 + ts.Nsec, mode: 'syscall', name: 'nanosleep' };
  return null;
}
const fds = new Map<number, File>();
export function* sysRead(fd: number, b: Slice | null): Go<[number, Iface | null]> {
  const f = fds.get(fd);
  if (!f) {
    yield { k: K.Syscall, ns: envRef.env.io.fileRead, mode: 'syscall', name: `read fd ${fd}` };
    return [0, null];
  }
  const [n, err] = yield* f.Read(b);
  return [n, err === EOF ? null : err];
}
export function* sysWrite(fd: number, b: Slice | null): Go<[number, Iface | null]> {
  if (fd === 1 || fd === 2) return yield* (fd === 1 ? stdout : stderr).Write(b);
  const f = fds.get(fd);
  if (!f) return [0, newError('bad file descriptor')];
  return yield* f.Write(b);
}
export function sysPipe(p: Slice | null): Iface | null {
  const pp = new Pipe();
  fds.set(pp.r.fd, pp.r);
  fds.set(pp.w.fd, pp.w);
  lib.sset(p, 0, pp.r.fd);
  lib.sset(p, 1, pp.w.fd);
  return null;
}
/** syscall.Syscall(trap, a1, a2, a3): durations by trap number; nanosleep reads a *Timespec. */
export function* syscall(trap: number, a1: unknown, a2: unknown, a3: unknown, mode: 'syscall' | 'raw'): Go<[number, number, number]> {
  let ns = 500;
  let name = `syscall ${trap}`;
  if (trap === 35 && a1 && typeof a1 === 'object') {
    const ts = a1 as { Sec: number; Nsec: number };
    ns = ts.Sec * 1e9 + ts.Nsec;
    name = 'nanosleep';
  } else if (trap === 0) {
    ns = envRef.env.io.fileRead;
    name = 'read';
  } else if (trap === 39) ns = 300;
  void a2;
  void a3;
  yield { k: K.Syscall, ns, mode, name };
  return [trap === 39 ? 4242 : 0, 0, 0];
}

// ---- os/signal: the signal_recv goroutine, blocked in entersyscallblock for ever
let signalStarted = false;
export function resetSignals(): void {
  signalStarted = false;
}
function* signalLoop(): Go {
  yield { k: K.Syscall, ns: Number.MAX_SAFE_INTEGER / 4, mode: 'block', name: 'signal_recv' };
}
export function* signalNotify(ch: Chan | null): Go {
  void ch;
  if (signalStarted) return;
  signalStarted = true;
  yield { k: K.Go, fn: (() => new Body(signalLoop(), `created by os/signal.Notify.func1.1\n\t/usr/lib/go-1.19/src/os/signal/signal.go:151 +0x0\n`)) as never, args: [], name: 'os/signal.loop' };
}

// ---- net
let connT: Type = null as unknown as Type;
let listenerT: Type = null as unknown as Type;
export function setNetTypes(c: Type, l: Type): void {
  connT = c;
  listenerT = l;
}
export function wrapConn(r: [Conn | null, Iface | null]): [Iface | null, Iface | null] {
  return [r[0] ? { t: connT, v: r[0] } : null, r[1]];
}
export function wrapListener(r: [Listener | null, Iface | null]): [Iface | null, Iface | null] {
  return [r[0] ? { t: listenerT, v: r[0] } : null, r[1]];
}

export { File, Pipe, EOF, newError, ErrorString, setErrType, initEOF, callSync, Conn, Listener };
