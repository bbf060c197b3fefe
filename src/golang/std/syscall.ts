/**
 * Package syscall: raw system calls on the simulated kernel (sys/kernel.ts), and the bridge every
 * other package's I/O goes through (`sys`, `rw`).
 *
 * A system call is the runtime's Syscall op (entersyscall … exitsyscall) lasting what the kernel
 * says it costs; RawSyscall never tells the scheduler (the P stays with the thread). A call that
 * must wait — syscall.Read of an empty blocking pipe — sleeps on the kernel's wait queue: its thread
 * stays in the syscall (sysmon retakes the P, handoffp starts another thread: the seed's
 * "disk I/O = blocked M"), and the writer's system call wakes it. Only files made by os (os.Pipe,
 * sockets) are non-blocking and go through the netpoller; fds from syscall.Pipe/Open block.
 *
 * Errors are syscall.Errno values (Go's uintptr errno with Error()), boxed as `error` where Go's
 * signature returns error, bare where it returns Errno (Syscall's third result).
 */
import { K, type Op, type SyscallMode } from '../../workload/ops.js';
import { Errno, O, FADV_DONTNEED, type SysResult } from '../../sys/kernel.js';
import type { Process } from './process.js';
import { type NamedType, basic, newNamed, tInt, tInt64, tString } from '../types.js';
import { tError } from '../core.js';
import { pkg, F, C, T, fn, sl, ptr, op, subset, jsMethod, tUintptr, tBytes } from './registry.js';
import { nilDeref, unsupportedAtRun } from '../rt/panics.js';
import { type Slice, sset } from '../rt/slices.js';
import { bytesToString, decodeUTF8, encodeUTF8 } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** Linux x86-64 system call numbers (asm/unistd_64.h). */
export const SYS = {
  READ: 0,
  WRITE: 1,
  OPEN: 2,
  CLOSE: 3,
  STAT: 4,
  FSTAT: 5,
  LSEEK: 8,
  PREAD64: 17,
  PWRITE64: 18,
  SCHED_YIELD: 24,
  NANOSLEEP: 35,
  GETPID: 39,
  FSYNC: 74,
  FDATASYNC: 75,
  GETTID: 186,
  FADVISE64: 221,
  TGKILL: 234,
  OPENAT: 257,
  PIPE2: 293,
} as const;

/** Go's Errno.Error() texts (syscall/zerrors_linux_amd64.go). */
const errnoText: Record<number, string> = {
  [Errno.EPERM]: 'operation not permitted',
  [Errno.ENOENT]: 'no such file or directory',
  [Errno.EINTR]: 'interrupted system call',
  [Errno.EIO]: 'input/output error',
  [Errno.EBADF]: 'bad file descriptor',
  [Errno.EAGAIN]: 'resource temporarily unavailable',
  [Errno.EACCES]: 'permission denied',
  [Errno.EEXIST]: 'file exists',
  [Errno.ENOTDIR]: 'not a directory',
  [Errno.EISDIR]: 'is a directory',
  [Errno.EINVAL]: 'invalid argument',
  [Errno.ESPIPE]: 'illegal seek',
  [Errno.EPIPE]: 'broken pipe',
  [Errno.ENOTEMPTY]: 'directory not empty',
  38: 'function not implemented',
};
export function errnoString(e: number): string {
  return encodeUTF8(errnoText[e] ?? `errno ${e}`);
}

export const tErrno: NamedType = newNamed('Errno', 'syscall', tUintptr);
jsMethod(tErrno, 'Error', fn([], [tString]), '$P.syscall.errnoString');
export const tTimespec = newNamed('Timespec', 'syscall', {
  k: 'struct',
  fields: [
    { name: 'Sec', type: tInt64, embedded: false, js: 'Sec' },
    { name: 'Nsec', type: tInt64, embedded: false, js: 'Nsec' },
  ],
});
export const tSysSignal = newNamed('Signal', 'syscall', tInt);
/** syscall.Signal's String: the names of Linux's signal table (zerrors_linux_amd64.go signalList). */
const signalNames = ['', 'hangup', 'interrupt', 'quit', 'illegal instruction', 'trace/breakpoint trap', 'aborted', 'bus error', 'floating point exception', 'killed', 'user defined signal 1', 'segmentation fault', 'user defined signal 2', 'broken pipe', 'alarm clock', 'terminated', 'stack fault', 'child exited', 'continued', 'stopped (signal)', 'stopped', 'stopped (tty input)', 'stopped (tty output)', 'urgent I/O condition', 'CPU time limit exceeded', 'file size limit exceeded', 'virtual timer expired', 'profiling timer expired', 'window changed', 'I/O possible', 'power failure', 'bad system call'];
export const signalString = (s: number): string => (s > 0 && s < signalNames.length ? signalNames[s]! : `signal ${s}`);
// a syscall.Signal is an os.Signal (String, Signal), as in Go
jsMethod(tSysSignal, 'String', fn([], [tString]), '((s) => $P.syscall.signalString(s))');
jsMethod(tSysSignal, 'Signal', fn([], []), '(() => undefined)');

/** An Errno as an `error` value (nil for 0). */
export function errnoErr(e: number): Iface | null {
  return e === 0 ? null : { t: tErrno, v: e };
}

/** The kernel's time for a call that never waits (a getpid-class call). */
function* quick(p: Process, name: string, mode: SyscallMode = 'syscall'): Go {
  yield { k: K.Syscall, ns: p.kernel.costs.otherCall, mode, name };
}

/**
 * One system call on the kernel: `call` runs it (again after each wake-up, as the kernel retries a
 * read that slept); the thread spends the call's time in the kernel, sleeps on its wait queue if it
 * must wait, and wakes whoever its effect unblocks. `fills`: the value is a count of bytes written
 * into the program's memory (read(2): SyscallOp.fill). Returns [value, errno].
 */
export function* sys(p: Process, name: string, mode: SyscallMode, call: () => SysResult, fills = false): Go<[number, number]> {
  for (;;) {
    const r = call();
    const { ns, cpu, block, wake, wakeAll, ready } = r;
    const value = r.r;
    const errno = r.errno;
    if (block !== null) {
      yield { k: K.Syscall, ns, mode, name, wq: block };
      continue;
    }
    yield fills && value > 0 ? { k: K.Syscall, ns, mode, name, cpu, fill: value } : { k: K.Syscall, ns, mode, name, cpu };
    if (wake !== null && wake.size > 0) yield { k: K.KernelWake, wq: wake, all: wakeAll, ns: p.kernel.costs.pipeWake };
    if (ready !== null) yield { k: K.NetReady, pd: ready, ns: 0 };
    return [value, errno];
  }
}

/** read(2)/pread(2) (off ≥ 0) into b. */
export function* read(p: Process, fd: number, b: Slice | null, off = -1, mode: SyscallMode = 'syscall'): Go<[number, number]> {
  // /proc/self/status reports the process's threads: the runtime's Ms, counted when it is read
  if (p.kernel.file(fd)?.inode?.kind === 'proc') p.kernel.threads = (yield { k: K.ThreadCount }) as number;
  return yield* sys(p, off >= 0 ? 'pread' : 'read', mode, () => p.kernel.read(fd, b, off), b !== null);
}

/** write(2)/pwrite(2) of b; fds 1 and 2 are the program's output. */
export function* write(p: Process, fd: number, b: Slice | null, off = -1, mode: SyscallMode = 'syscall'): Go<[number, number]> {
  const f = p.kernel.file(fd);
  if (f !== null && (f.std === 1 || f.std === 2)) {
    const s = bytesToString(b);
    yield { k: K.Write, fd: f.std, text: decodeUTF8(s) };
    return [s.length, 0];
  }
  return yield* sys(p, off >= 0 ? 'pwrite' : 'write', mode, () => p.kernel.write(fd, b, off));
}

// ---------------------------------------------------------------- the package's functions

export function* Read(p: Process, fd: number, b: Slice | null): Go<[number, Iface | null]> {
  const [n, e] = yield* read(p, fd, b);
  return [n, errnoErr(e)];
}
export function* Write(p: Process, fd: number, b: Slice | null): Go<[number, Iface | null]> {
  const [n, e] = yield* write(p, fd, b);
  return [n, errnoErr(e)];
}
export function* Pread(p: Process, fd: number, b: Slice | null, off: number): Go<[number, Iface | null]> {
  const [n, e] = yield* read(p, fd, b, Math.max(0, off));
  return [n, errnoErr(e)];
}
export function* Pwrite(p: Process, fd: number, b: Slice | null, off: number): Go<[number, Iface | null]> {
  const [n, e] = yield* write(p, fd, b, Math.max(0, off));
  return [n, errnoErr(e)];
}
export function* Open(p: Process, path: string, flags: number, mode: number): Go<[number, Iface | null]> {
  const [fd, e] = yield* sys(p, 'open', 'syscall', () => p.kernel.open(decodeUTF8(path), flags, mode));
  return [fd, errnoErr(e)];
}
export function* Close(p: Process, fd: number): Go<Iface | null> {
  return errnoErr((yield* sys(p, 'close', 'syscall', () => p.kernel.close(fd)))[1]);
}
export function* Seek(p: Process, fd: number, off: number, whence: number): Go<[number, Iface | null]> {
  const [r, e] = yield* sys(p, 'lseek', 'syscall', () => p.kernel.seek(fd, off, whence));
  return [r, errnoErr(e)];
}
export function* Fsync(p: Process, fd: number): Go<Iface | null> {
  return errnoErr((yield* sys(p, 'fsync', 'syscall', () => p.kernel.fsync(fd)))[1]);
}
export function* Ftruncate(p: Process, fd: number, size: number): Go<Iface | null> {
  return errnoErr((yield* sys(p, 'ftruncate', 'syscall', () => p.kernel.ftruncate(fd, size)))[1]);
}
/** syscall.Pipe / Pipe2: blocking fds unless O_NONBLOCK. */
export function* Pipe2(p: Process, fds: Slice | null, flags: number): Go<Iface | null> {
  if (fds === null || fds.n !== 2) return errnoErr(Errno.EINVAL);
  let got: [number, number] = [0, 0];
  const [, e] = yield* sys(p, 'pipe2', 'syscall', () => {
    const r = p.kernel.pipe(flags);
    got = r.fds!;
    return r;
  });
  sset(fds, 0, got[0]);
  sset(fds, 1, got[1]);
  return errnoErr(e);
}
export function* Nanosleep(p: Process, ts: { Sec: number; Nsec: number } | null): Go<Iface | null> {
  if (ts === null) nilDeref();
  yield { k: K.Syscall, ns: ts.Sec * 1e9 + ts.Nsec, mode: 'syscall', name: 'nanosleep', sleep: true };
  void p;
  return null;
}
export function NsecToTimespec(ns: number): { Sec: number; Nsec: number; $c(): unknown } {
  const o = { Sec: Math.floor(ns / 1e9), Nsec: ns % 1e9, $c: () => ({ ...o }) };
  return o;
}
/**
 * Signals whose entry in Go's sigtable carries _SigIgn without _SigKill/_SigPanic/_SigThrow
 * (runtime/sigtab_linux_generic.go): delivered to a Go process that did not call signal.Notify,
 * the runtime's handler drops them.
 */
const SIGCHLD = 17;
const SIGURG = 23;
const SIGWINCH = 28;
const ignoredSignals: ReadonlySet<number> = new Set([SIGCHLD, SIGURG, SIGWINCH]);
/** The pid Getpid reports: the simulated process's. */
const simPid = 4242;

/**
 * syscall.Kill(pid, sig): kill(2). To the process itself with a signal Go's runtime ignores by
 * default, the call returns nil and nothing happens (as in Go). Signals that would stop the process
 * or reach a handler, and other pids, are not simulated.
 */
export function* Kill(p: Process, pid: number, sig: number): Go<Iface | null> {
  yield* quick(p, 'kill', 'raw');
  if (pid === simPid && ignoredSignals.has(sig)) return null;
  // signal 0 only checks that the process exists (kill(2))
  if (pid === simPid && sig === 0) return null;
  return unsupportedAtRun(`syscall.Kill(${pid}, ${sig}): a signal other than SIGCHLD/SIGURG/SIGWINCH to this process`);
}
export function* Getpid(p: Process): Go<number> {
  yield* quick(p, 'getpid', 'raw');
  return simPid;
}

/**
 * syscall.Syscall/Syscall6/RawSyscall(trap, a1…a6): the calls programs make by number. Pointer
 * arguments arrive as the values the program passed through unsafe.Pointer (a *Timespec, a slice's
 * first element is not recoverable: reads and writes by number take the byte count from a3).
 */
export function* Syscall(p: Process, mode: SyscallMode, trap: number, a1: unknown, a2: unknown, a3: unknown, a4: unknown = 0): Go<[number, number, number]> {
  const k = p.kernel;
  const n = (x: unknown): number => (typeof x === 'number' ? x : 0);
  let r: [number, number];
  switch (trap) {
    case SYS.NANOSLEEP: {
      const ts = a1 as { Sec: number; Nsec: number } | null;
      yield { k: K.Syscall, ns: ts && typeof ts === 'object' ? ts.Sec * 1e9 + ts.Nsec : 0, mode, name: 'nanosleep', sleep: true };
      return [0, 0, 0];
    }
    case SYS.READ:
    case SYS.PREAD64: {
      const len = n(a3);
      const buf = { a: new Array<number>(len), o: 0, n: len };
      r = yield* sys(p, 'read', mode, () => k.read(n(a1), buf, trap === SYS.PREAD64 ? n(a4) : -1), buf !== null);
      break;
    }
    case SYS.WRITE:
    case SYS.PWRITE64: {
      const len = n(a3);
      const buf = { a: new Array<number>(len).fill(0), o: 0, n: len };
      const f = k.file(n(a1));
      if (f !== null && (f.std === 1 || f.std === 2)) r = [len, 0];
      else r = yield* sys(p, 'write', mode, () => k.write(n(a1), buf, trap === SYS.PWRITE64 ? n(a4) : -1));
      break;
    }
    case SYS.CLOSE:
      r = yield* sys(p, 'close', mode, () => k.close(n(a1)));
      break;
    case SYS.FSYNC:
    case SYS.FDATASYNC:
      r = yield* sys(p, 'fsync', mode, () => k.fsync(n(a1)));
      break;
    case SYS.FADVISE64:
      r = yield* sys(p, 'fadvise64', mode, () => k.fadvise(n(a1), n(a4)));
      break;
    case SYS.LSEEK:
      r = yield* sys(p, 'lseek', mode, () => k.seek(n(a1), n(a2), n(a3)));
      break;
    case SYS.GETPID:
      yield* quick(p, 'getpid', mode);
      return [4242, 0, 0];
    case SYS.GETTID:
      yield* quick(p, 'gettid', mode);
      return [4242, 0, 0];
    case SYS.SCHED_YIELD:
      yield* quick(p, 'sched_yield', mode);
      return [0, 0, 0];
    default:
      yield* quick(p, `syscall ${trap}`, mode);
      return [0, 0, 0];
  }
  return r[1] === 0 ? [r[0], 0, 0] : [-1 >>> 0, 0, r[1]];
}

const u = tUintptr;
const ui = basic('untyped int');
const sysc = (mode: SyscallMode) => (a: string[]) => `(yield* $P.syscall.Syscall($proc, '${mode}', ${a.slice(0, 4).join(', ')}, ${a[4] ?? 0}))`;
const p1 = (f: string) => (a: string[]) => `(yield* $P.syscall.${f}($proc, ${a.join(', ')}))`;
pkg('syscall', {
  Errno: T(tErrno),
  Timespec: T(tTimespec),
  Signal: T(tSysSignal),
  EPERM: C(tErrno, Errno.EPERM),
  ENOENT: C(tErrno, Errno.ENOENT),
  EINTR: C(tErrno, Errno.EINTR),
  EBADF: C(tErrno, Errno.EBADF),
  EAGAIN: C(tErrno, Errno.EAGAIN),
  EEXIST: C(tErrno, Errno.EEXIST),
  EINVAL: C(tErrno, Errno.EINVAL),
  EPIPE: C(tErrno, Errno.EPIPE),
  SIGHUP: C(tSysSignal, 1),
  SIGINT: C(tSysSignal, 2),
  SIGQUIT: C(tSysSignal, 3),
  SIGUSR1: C(tSysSignal, 10),
  SIGUSR2: C(tSysSignal, 12),
  SIGPIPE: C(tSysSignal, 13),
  SIGCHLD: C(tSysSignal, SIGCHLD),
  SIGWINCH: C(tSysSignal, SIGWINCH),
  SIGKILL: C(tSysSignal, 9),
  SIGURG: C(tSysSignal, SIGURG),
  SIGTERM: C(tSysSignal, 15),
  SYS_READ: C(ui, SYS.READ),
  SYS_WRITE: C(ui, SYS.WRITE),
  SYS_CLOSE: C(ui, SYS.CLOSE),
  SYS_LSEEK: C(ui, SYS.LSEEK),
  SYS_PREAD64: C(ui, SYS.PREAD64),
  SYS_PWRITE64: C(ui, SYS.PWRITE64),
  SYS_NANOSLEEP: C(ui, SYS.NANOSLEEP),
  SYS_GETPID: C(ui, SYS.GETPID),
  SYS_SCHED_YIELD: C(ui, SYS.SCHED_YIELD),
  SYS_FSYNC: C(ui, SYS.FSYNC),
  SYS_FDATASYNC: C(ui, SYS.FDATASYNC),
  SYS_GETTID: C(ui, SYS.GETTID),
  SYS_FADVISE64: C(ui, SYS.FADVISE64),
  SYS_TGKILL: C(ui, SYS.TGKILL),
  O_RDONLY: C(ui, O.RDONLY),
  O_WRONLY: C(ui, O.WRONLY),
  O_RDWR: C(ui, O.RDWR),
  O_CREAT: C(ui, O.CREAT),
  O_EXCL: C(ui, O.EXCL),
  O_TRUNC: C(ui, O.TRUNC),
  O_APPEND: C(ui, O.APPEND),
  O_NONBLOCK: C(ui, O.NONBLOCK),
  O_DIRECT: C(ui, O.DIRECT),
  O_CLOEXEC: C(ui, O.CLOEXEC),
  O_SYNC: C(ui, 0o4010000),
  SEEK_SET: C(ui, 0),
  SEEK_CUR: C(ui, 1),
  SEEK_END: C(ui, 2),
  Stdin: C(ui, 0),
  Stdout: C(ui, 1),
  Stderr: C(ui, 2),
  NsecToTimespec: F(fn([tInt64], [tTimespec]), (a) => `$P.syscall.NsecToTimespec(${a[0]})`),
  Nanosleep: F(fn([ptr(tTimespec), ptr(tTimespec)], [tError]), (a) => `(yield* $P.syscall.Nanosleep($proc, ${a[0]}))`),
  Read: F(fn([tInt, tBytes], [tInt, tError]), p1('Read')),
  Write: F(fn([tInt, tBytes], [tInt, tError]), p1('Write')),
  Pread: F(fn([tInt, tBytes, tInt64], [tInt, tError]), p1('Pread')),
  Pwrite: F(fn([tInt, tBytes, tInt64], [tInt, tError]), p1('Pwrite')),
  Open: F(fn([tString, tInt, basic('uint32')], [tInt, tError]), p1('Open')),
  Close: F(fn([tInt], [tError]), p1('Close')),
  Seek: F(fn([tInt, tInt64, tInt], [tInt64, tError]), p1('Seek')),
  Fsync: F(fn([tInt], [tError]), p1('Fsync')),
  Ftruncate: F(fn([tInt, tInt64], [tError]), p1('Ftruncate')),
  Pipe: F(fn([sl(tInt)], [tError]), (a) => `(yield* $P.syscall.Pipe2($proc, ${a[0]}, 0))`),
  Pipe2: F(fn([sl(tInt), tInt], [tError]), p1('Pipe2')),
  Getpid: F(fn([], [tInt]), () => `(yield* $P.syscall.Getpid($proc))`),
  Kill: F(fn([tInt, tSysSignal], [tError]), p1('Kill')),
  Gettid: F(fn([], [tInt]), () => `(${op(`{k: $K.Syscall, ns: 300, mode: 'raw', name: 'gettid'}`)}, $R.S.cur.fr.length + 10000)`),
  Tgkill: F(fn([tInt, tInt, tSysSignal], [tError]), () => `(${op(`{k: $K.Syscall, ns: 1500, mode: 'raw', name: 'tgkill'}`)}, null)`),
  Syscall: F(fn([u, u, u, u], [u, u, tErrno]), sysc('syscall')),
  Syscall6: F(fn([u, u, u, u, u, u, u], [u, u, tErrno]), sysc('syscall')),
  RawSyscall: F(fn([u, u, u, u], [u, u, tErrno]), sysc('raw')),
  RawSyscall6: F(fn([u, u, u, u, u, u, u], [u, u, tErrno]), sysc('raw')),
  $unsupported: subset(),
});

export { FADV_DONTNEED };
