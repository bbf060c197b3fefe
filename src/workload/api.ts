/**
 * The workload API: goroutines as TypeScript generator functions, with names that mirror Go's
 * packages. Every call that enters the runtime is used with `yield*`:
 *
 *   import { go, chan, time, sync, fmt, ms } from 'gmpsim';
 *   export function* main() {
 *     const wg = new sync.WaitGroup();
 *     for (let i = 0; i < 10; i++) { wg.Add(1); yield* go(worker, i, wg); }
 *     yield* wg.Wait();
 *   }
 *   function* worker(i: number, wg: sync.WaitGroup) {
 *     yield* time.Sleep(ms(1));
 *     yield* fmt.Println('done', i);
 *     yield* wg.Done();
 *   }
 *
 * As in Go, sync's types are library code over the runtime's semaphores (sema.ts): WaitGroup and
 * Mutex keep their state in plain fields (atomics need no simulation: each event is atomic) and
 * only call into the runtime to park and wake.
 */
import { K, type GoBody, type Op, type SelectCase, type SyscallMode } from './ops.js';
import { Chan } from '../runtime/chan.js';
import { Sema, NotifyList, semAcquired } from '../runtime/sema.js';
import { Timer as RTimer, TimerKind } from '../runtime/time.js';
import { PollDesc } from '../runtime/netpoll.js';
import { formatValues, sprintf } from './fmt.js';
import { Call } from './call.js';
import { GoFatal } from '../runtime/panic.js';
import type { MemStatsSnapshot } from '../runtime/mgc.js';
import { printfloat } from '../runtime/print.js';

/** A goroutine's code: `function* f(...): Go { ... }`. */
export type Go<T = void> = Generator<Op, T, unknown>;

function op<T>(o: Op): Go<T> {
  return new Call<T>(o);
}

/** An already-finished call (fast paths that need no runtime entry): nothing to allocate. */
const doneResult: IteratorResult<Op, void> = { done: true, value: undefined };
const noCall: Go = {
  next: () => doneResult,
  return: () => doneResult,
  throw: (e: unknown) => {
    throw e;
  },
  [Symbol.iterator]() {
    return this;
  },
  [Symbol.toStringTag]: 'Call',
} as Go;

// ---- durations (time.Duration is int64 nanoseconds) ----
export const ns = (n: number): number => n;
export const us = (n: number): number => n * 1e3;
export const ms = (n: number): number => n * 1e6;
export const s = (n: number): number => n * 1e9;

// ---- the go statement ----
/** `go fn(args…)`. Returns the new goroutine's id. */
export function go<A extends unknown[]>(fn: (...args: A) => GoBody, ...args: A): Go<number> {
  return op<number>({ k: K.Go, fn: fn as unknown as (...a: never[]) => GoBody, args, name: goFuncName(fn) });
}

/**
 * The Go name of a started function: `main.<name>`. Anonymous functions get theirs from the runtime
 * (''): <creator>.func1, Go's name for the usual `go func() { … }()` (Go numbers closures by
 * position, which JavaScript does not expose cheaply). Cached per function: reading `fn.name` goes
 * through a V8 accessor that costs more than the rest of a `go` statement.
 */
const goFuncNames = new WeakMap<object, string>();
function goFuncName(fn: object): string {
  let name = goFuncNames.get(fn);
  if (name === undefined) {
    const n = (fn as { name?: string }).name;
    name = n && n !== 'anonymous' ? `main.${n}` : '';
    goFuncNames.set(fn, name);
  }
  return name;
}

// ---- CPU work ----
/**
 * CPU-bound work for `ns` nanoseconds. With `callEvery`, the loop makes a function call every that
 * many ns (a cooperative preemption point); without it, only async preemption can stop it.
 */
export function work(nsDur: number, opts: { callEvery?: number; alloc?: number } = {}): Go {
  if (opts.alloc !== undefined) return op({ k: K.Work, ns: nsDur, every: opts.callEvery ?? 0, alloc: opts.alloc });
  return op({ k: K.Work, ns: nsDur, every: opts.callEvery ?? 0 });
}

/**
 * Allocate `bytes` on the heap (mallocgc, runtime/mgc.ts): the heap grows, a GC mark phase makes the
 * goroutine assist, and reaching the pacer's trigger starts a cycle. `work(ns, { alloc })` is the same
 * for a stretch of CPU work that allocates as it goes.
 */
export function alloc(bytes: number): Go {
  return op({ k: K.Work, ns: 0, every: 0, alloc: bytes });
}

// ---- channels ----
export { Chan };
/** make(chan T, cap). */
export function chan<T = unknown>(cap = 0): Chan<T> {
  return new Chan<T>(cap);
}
/** ch <- v */
export function send<T>(ch: Chan<T> | null, v: T): Go {
  return op({ k: K.Send, ch: ch as Chan | null, v });
}
/** v, ok := <-ch */
export function recv<T>(ch: Chan<T> | null): Go<[T, boolean]> {
  return op<[T, boolean]>({ k: K.Recv, ch: ch as Chan | null });
}
/** close(ch) */
export function close(ch: Chan | null): Go {
  return op({ k: K.Close, ch });
}
/** A select case: `case v, ok := <-ch`. */
export function onRecv<T>(ch: Chan<T> | null): SelectCase {
  return { dir: 'recv', ch: ch as Chan | null };
}
/** A select case: `case ch <- v`. */
export function onSend<T>(ch: Chan<T> | null, v: T): SelectCase {
  return { dir: 'send', ch: ch as Chan | null, v };
}
export interface Selected {
  /** Index of the case that ran; −1 for default. */
  index: number;
  value: unknown;
  ok: boolean;
}
/** select { cases… } (with `default` if opts.default). `select {}` blocks forever. */
export function* select(cases: SelectCase[], opts: { default?: boolean } = {}): Go<Selected> {
  const [index, value, ok] = (yield { k: K.Select, cases, dflt: opts.default ?? false }) as [number, unknown, boolean];
  return { index, value, ok };
}

// ---- builtin print ----
/** Builtin println: to stderr, no scheduler involvement (a raw write). */
export function println(...args: unknown[]): Go {
  return op({ k: K.Print, text: args.map(printValue).join(' ') + '\n' });
}
/** Builtin print. */
export function print(...args: unknown[]): Go {
  return op({ k: K.Print, text: args.map(printValue).join('') });
}
function printValue(v: unknown): string {
  if (typeof v === 'number' && !Number.isInteger(v)) return printfloat(v, false);
  if (v === null || v === undefined) return 'nil';
  return String(v);
}

// ---- package fmt ----
export const fmt = {
  /** fmt.Println: formats like Go's %v, writes to stdout through a write(2) syscall. */
  Println(...args: unknown[]): Go {
    return op({ k: K.Write, fd: 1, text: formatValues(args, true) + '\n' });
  },
  Print(...args: unknown[]): Go {
    return op({ k: K.Write, fd: 1, text: formatValues(args, false) });
  },
  Printf(format: string, ...args: unknown[]): Go {
    return op({ k: K.Write, fd: 1, text: sprintf(format, args) });
  },
  Sprintf(format: string, ...args: unknown[]): string {
    return sprintf(format, args);
  },
  Sprint(...args: unknown[]): string {
    return formatValues(args, false);
  },
  Sprintln(...args: unknown[]): string {
    return formatValues(args, true) + '\n';
  },
  /** fmt.Fprintln(os.Stderr, …) */
  Eprintln(...args: unknown[]): Go {
    return op({ k: K.Write, fd: 2, text: formatValues(args, true) + '\n' });
  },
};

// ---- package runtime ----
export const runtime = {
  Gosched(): Go {
    return op({ k: K.Gosched });
  },
  Goexit(): Go {
    return op({ k: K.Goexit });
  },
  GOMAXPROCS(n: number): Go<number> {
    return op<number>({ k: K.GOMAXPROCS, n });
  },
  NumGoroutine(): Go<number> {
    return op<number>({ k: K.NumGoroutine });
  },
  NumCPU(): Go<number> {
    return op<number>({ k: K.NumCPU });
  },
  LockOSThread(): Go {
    return op({ k: K.LockOSThread });
  },
  UnlockOSThread(): Go {
    return op({ k: K.UnlockOSThread });
  },
  /** nanotime(): simulated ns since the process started. */
  nanotime(): Go<number> {
    return op<number>({ k: K.Nanotime });
  },
  /** runtime.GC(): run a forced GC cycle and wait for it (runtime/mgc.ts). */
  GC(): Go {
    return op({ k: K.GC });
  },
  /** runtime.ReadMemStats: a stop-the-world that returns the GC model's statistics. */
  ReadMemStats(): Go<MemStatsSnapshot> {
    return op<MemStatsSnapshot>({ k: K.ReadMemStats });
  },
};


// ---- package runtime/pprof ----
export const pprof = {
  /**
   * pprof.Lookup(name).Count(): "threadcreate" = threads the runtime has (every M on allm:
   * schedtrace's threads=, plus m0 once it has wedged — a locked goroutine exited on it and it
   * cannot exit), "goroutine" = runtime.NumGoroutine().
   */
  Lookup(name: 'threadcreate' | 'goroutine'): { Count(): Go<number> } {
    if (name === 'threadcreate') return { Count: () => op<number>({ k: K.ThreadCount }) };
    if (name === 'goroutine') return { Count: () => op<number>({ k: K.NumGoroutine }) };
    throw new Error(`pprof.Lookup: profile ${JSON.stringify(name)} is not modelled (threadcreate, goroutine)`);
  },
};

// ---- package runtime/debug ----
export const debug = {
  SetMaxThreads(n: number): Go<number> {
    return op<number>({ k: K.SetMaxThreads, n });
  },
  /** debug.SetGCPercent(pct): the new GOGC (negative: off). Returns the previous one (runtime/mgc.ts). */
  SetGCPercent(pct: number): Go<number> {
    return op<number>({ k: K.SetGCPercent, n: pct });
  },
  /** debug.SetMemoryLimit(bytes) (negative: only query). Returns the previous limit. */
  SetMemoryLimit(bytes: number): Go<number> {
    return op<number>({ k: K.SetMemoryLimit, n: bytes });
  },
};

// ---- package os ----
export const os = {
  /** os.Exit(code) */
  Exit(code: number): Go<never> {
    return op<never>({ k: K.Exit, code });
  },
  /**
   * os.ReadFile: blocking read(2)s on a regular file (files are never pollable), taking `latency`. With
   * `cpu` the kernel computes during the read (copying from the page cache, /dev/urandom's generator)
   * and the thread takes a core (runtime/os.ts); without it the thread waits for the device.
   */
  ReadFile(path: string, opts: { latency?: number; cpu?: boolean } = {}): Go {
    return op({ k: K.Syscall, ns: opts.latency ?? us(20), mode: 'syscall', name: `read ${path}`, cpu: opts.cpu === true });
  },
};

// ---- package syscall ----
export const syscall = {
  /**
   * syscall.Syscall: a system call that holds its thread for `ns`, blocked in the kernel; with `cpu`
   * the kernel computes all that time (getrandom, reading /dev/urandom) and the thread takes a core.
   */
  Syscall(nsDur: number, name = 'syscall', opts: CallOpts = {}): Go {
    return op({ k: K.Syscall, ns: nsDur, mode: 'syscall', name, cpu: opts.cpu === true });
  },
  /** syscall.RawSyscall: the scheduler is not told; the P stays busy for the whole call. */
  RawSyscall(nsDur: number, name = 'rawsyscall', opts: CallOpts = {}): Go {
    return op({ k: K.Syscall, ns: nsDur, mode: 'raw', name, cpu: opts.cpu === true });
  },
  /** syscall.Nanosleep: sleeps in the kernel, holding the thread. */
  Nanosleep(nsDur: number): Go {
    return op({ k: K.Syscall, ns: nsDur, mode: 'syscall', name: 'nanosleep', sleep: true });
  },
  /**
   * syscall.Read on a blocking fd taking `ns`: waiting for a slow device or a pipe by default; with `cpu`
   * the kernel computes the data (/dev/urandom) and the thread takes a core.
   */
  Read(fd: number, nsDur: number, opts: CallOpts = {}): Go {
    return op({ k: K.Syscall, ns: nsDur, mode: 'syscall', name: `read fd ${fd}`, cpu: opts.cpu === true });
  },
  /** A call the runtime knows will block: the P is handed off at once (entersyscallblock). */
  Blocking(nsDur: number, name = 'blocking', opts: CallOpts = {}): Go {
    return op({ k: K.Syscall, ns: nsDur, mode: 'block', name, cpu: opts.cpu === true });
  },
};

/**
 * A cgo call (`C.f()`): exactly a syscall to the scheduler (entersyscall/exitsyscall). The C function
 * holds the thread for `ns`: sleeping or waiting (C.usleep, blocking I/O) by default; with `cpu` it
 * computes and takes a core (runtime/os.ts).
 */
export const cgo = {
  Call(nsDur: number, name = 'C.call', opts: CallOpts = {}): Go {
    return op({ k: K.Syscall, ns: nsDur, mode: 'cgo', name, cpu: opts.cpu === true, sleep: opts.sleep === true });
  },
};

/** Options of a system or cgo call. */
export interface CallOpts {
  /** The thread computes during the call (CPU time) instead of waiting in the kernel. */
  cpu?: boolean;
  /** The call is a timed sleep in the kernel (C.usleep, C.sleep): it returns late by the timer slack. */
  sleep?: boolean;
}

export function syscallOp(nsDur: number, mode: SyscallMode, name: string): Go {
  return op({ k: K.Syscall, ns: nsDur, mode, name });
}

// ---- package net (through the netpoller) ----
export const net = {
  /**
   * A read on a network connection whose data arrives `latency` ns from now: the G parks on the
   * netpoller (IO wait) and its M moves on.
   */
  Read(latency: number): Go {
    const pd = new PollDesc(null, 'conn');
    return new Call<void>({ k: K.NetReady, pd, ns: latency }, { k: K.NetWait, pd });
  },
  /**
   * A write with room in the socket buffer: a short write(2) through entersyscall (poll.FD.Write →
   * syscall.Write), never a netpoll wait.
   */
  Write(nsDur = us(2)): Go {
    return op({ k: K.Syscall, ns: nsDur, mode: 'syscall', name: 'write socket' });
  },
};

// ---- package time ----
export interface TimeTimer {
  /** The channel the time is sent on (nil for AfterFunc timers). */
  C: Chan<number> | null;
  Stop(): Go<boolean>;
  Reset(d: number): Go<boolean>;
  /** @internal */
  t: RTimer;
}

function makeTimer(t: RTimer): TimeTimer {
  return {
    C: t.ch as Chan<number> | null,
    t,
    Stop: () => op<boolean>({ k: K.TimerStop, t }),
    Reset: (d: number) => op<boolean>({ k: K.TimerReset, t, ns: d }),
  };
}

export const time = {
  Nanosecond: 1,
  Microsecond: 1e3,
  Millisecond: 1e6,
  Second: 1e9,
  Minute: 60e9,
  Hour: 3600e9,
  /** time.Sleep(d) */
  Sleep(d: number): Go {
    return op({ k: K.Sleep, ns: d });
  },
  /** time.Now() as ns since the process started. */
  Now(): Go<number> {
    return op<number>({ k: K.Nanotime });
  },
  /** time.Since(t) */
  *Since(t: number): Go<number> {
    const now = (yield { k: K.Nanotime }) as number;
    return now - t;
  },
  /** time.NewTimer(d) */
  *NewTimer(d: number): Go<TimeTimer> {
    const t = new RTimer(TimerKind.ChanSend);
    t.ch = new Chan<number>(1);
    const now = (yield { k: K.Nanotime }) as number;
    t.when = now + d;
    yield { k: K.TimerStart, t };
    return makeTimer(t);
  },
  /** time.After(d) */
  *After(d: number): Go<Chan<number>> {
    const tm = yield* time.NewTimer(d);
    return tm.C!;
  },
  /** time.NewTicker(d) / time.Tick(d) */
  *NewTicker(d: number): Go<TimeTimer> {
    if (!(d > 0)) throw new Error('non-positive interval for NewTicker');
    const t = new RTimer(TimerKind.ChanSend);
    t.ch = new Chan<number>(1);
    t.period = d;
    const now = (yield { k: K.Nanotime }) as number;
    t.when = now + d;
    yield { k: K.TimerStart, t };
    return makeTimer(t);
  },
  *Tick(d: number): Go<Chan<number>> {
    const tm = yield* time.NewTicker(d);
    return tm.C!;
  },
  /** time.AfterFunc(d, f): f runs in its own goroutine when the timer fires. */
  *AfterFunc(d: number, f: () => GoBody): Go<TimeTimer> {
    const t = new RTimer(TimerKind.Func);
    t.fn = f;
    t.name = f.name ? `main.${f.name}` : 'time.goFunc';
    const now = (yield { k: K.Nanotime }) as number;
    t.when = now + d;
    yield { k: K.TimerStart, t };
    return makeTimer(t);
  },
};

// ---- package sync ----
const mutexLocked = 1;
const mutexWoken = 2;
const mutexStarving = 4;
const mutexWaiterShift = 3;
/** sync.Mutex switches to starvation mode when a waiter waited longer than 1 ms. */
const starvationThresholdNs = 1e6;

/**
 * WaitGroup.Wait's delegate for `yield*`, one per WaitGroup and shared by all its waiters: nothing
 * per waiter for a parked goroutine's frame to hold (issue 14: bytes per parked goroutine). Which
 * waiter calls next() is told by the value it passes: a delegation's first next() gets undefined
 * (yield* starts so, and a goroutine whose body this is starts so), a waiter holding the unit gets
 * the runtime's semAcquired (sema.ts). It is its own iterator result; yield* reads done and value
 * before anything else runs.
 */
class SemaWait implements Generator<Op, void, unknown> {
  done = false;
  value: unknown = undefined;
  private readonly op: Op;
  constructor(op: Op) {
    this.op = op;
  }
  next(v?: unknown): IteratorResult<Op, void> {
    if (v === semAcquired) {
      this.done = true;
      this.value = undefined;
    } else {
      this.done = false;
      this.value = this.op;
    }
    return this as IteratorResult<Op, void>;
  }
  return(value: void): IteratorResult<Op, void> {
    return { done: true, value };
  }
  throw(e: unknown): IteratorResult<Op, void> {
    throw e;
  }
  [Symbol.iterator](): Generator<Op, void, unknown> {
    return this;
  }
  get [Symbol.toStringTag](): string {
    return 'SemaWait';
  }
}

class WaitGroup {
  private counter = 0;
  private waiters = 0;
  private sema = new Sema();
  /**
   * The semacquire every waiter makes: ops are never written to by the runtime, so one serves all
   * (a parked waiter keeps its op as G.pendingOp, to retry it: bench:scale's parked workload holds
   * millions at once).
   */
  private readonly waitOp: Op = { k: K.SemAcquire, sema: this.sema, lifo: false, reason: 'sync.WaitGroup.Wait' };
  /** What Wait returns when it must wait: one for all waiters (SemaWait). */
  private readonly waitCall = new SemaWait(this.waitOp);
  /** wg.Add(delta). Panics on a negative counter, like Go. */
  Add(delta: number): Go {
    this.counter += delta;
    if (this.counter < 0) throw new Error('sync: negative WaitGroup counter');
    if (delta > 0 || this.counter > 0 || this.waiters === 0) return noCall;
    return this.releaseWaiters();
  }
  private *releaseWaiters(): Go {
    const n = this.waiters;
    this.waiters = 0;
    for (let i = 0; i < n; i++) yield { k: K.SemRelease, sema: this.sema, handoff: false };
  }
  Done(): Go {
    return this.Add(-1);
  }
  /** wg.Wait(): the WaitGroup's shared SemaWait, not a generator — a parked waiter's frame holds nothing of its own. */
  Wait(): Go {
    if (this.counter === 0) return noCall;
    this.waiters++;
    return this.waitCall;
  }
}

/**
 * sync.Mutex: Go's algorithm — a fast-path CAS, then active spinning while canSpin (multicore,
 * other Ps busy, empty local runq, ≤ 4 tries), then semacquire (LIFO for a waiter that already
 * waited); normal mode lets a running G barge in, starvation mode (a waiter waited > 1 ms) hands
 * the lock straight to the first waiter.
 */
class Mutex {
  private state = 0;
  private sema = new Sema();
  Lock(): Go {
    if (this.state === 0) {
      this.state = mutexLocked;
      return noCall;
    }
    return this.lockSlow();
  }
  private *lockSlow(): Go {
    let waitStartTime = 0;
    let starving = false;
    let awoke = false;
    let iter = 0;
    let old = this.state;
    for (;;) {
      if ((old & (mutexLocked | mutexStarving)) === mutexLocked && ((yield { k: K.CanSpin, iter }) as boolean)) {
        if (!awoke && (old & mutexWoken) === 0 && old >> mutexWaiterShift !== 0) {
          this.state |= mutexWoken;
          awoke = true;
        }
        // procyield(30): a few hundred ns of spinning.
        yield { k: K.Work, ns: 100, every: 0 };
        iter++;
        old = this.state;
        continue;
      }
      let nw = old;
      if ((old & mutexStarving) === 0) nw |= mutexLocked;
      if ((old & (mutexLocked | mutexStarving)) !== 0) nw += 1 << mutexWaiterShift;
      if (starving && (old & mutexLocked) !== 0) nw |= mutexStarving;
      if (awoke) nw &= ~mutexWoken;
      if (this.state === old) {
        this.state = nw;
        if ((old & (mutexLocked | mutexStarving)) === 0) return; // locked with CAS
        const queueLifo = waitStartTime !== 0;
        if (waitStartTime === 0) waitStartTime = (yield { k: K.Nanotime }) as number;
        yield { k: K.SemAcquire, sema: this.sema, lifo: queueLifo, reason: 'sync.Mutex.Lock' };
        const now = (yield { k: K.Nanotime }) as number;
        starving = starving || now - waitStartTime > starvationThresholdNs;
        old = this.state;
        if ((old & mutexStarving) !== 0) {
          let delta = mutexLocked - (1 << mutexWaiterShift);
          if (!starving || old >> mutexWaiterShift === 1) delta -= mutexStarving;
          this.state += delta;
          return;
        }
        awoke = true;
        iter = 0;
      } else {
        old = this.state;
      }
    }
  }
  Unlock(): Go {
    const nw = this.state - mutexLocked;
    this.state = nw;
    if (((nw + mutexLocked) & mutexLocked) === 0) throw new GoFatal('sync: unlock of unlocked mutex'); // sync.fatal: not recoverable (runtime/panic.ts)
    return nw !== 0 ? this.unlockSlow(nw) : noCall;
  }
  private *unlockSlow(nw: number): Go {
    if ((nw & mutexStarving) === 0) {
      let old = nw;
      for (;;) {
        if (old >> mutexWaiterShift === 0 || (old & (mutexLocked | mutexWoken | mutexStarving)) !== 0) return;
        const next = (old - (1 << mutexWaiterShift)) | mutexWoken;
        if (this.state === old) {
          this.state = next;
          yield { k: K.SemRelease, sema: this.sema, handoff: false };
          return;
        }
        old = this.state;
      }
    } else {
      yield { k: K.SemRelease, sema: this.sema, handoff: true };
    }
  }
  /** TryLock (Go 1.18+). */
  TryLock(): boolean {
    if ((this.state & (mutexLocked | mutexStarving)) !== 0) return false;
    this.state |= mutexLocked;
    return true;
  }
}

/** sync.Cond over a Locker, with the runtime's notify list. */
class Cond {
  L: { Lock(): Go; Unlock(): Go };
  private nl = new NotifyList();
  constructor(l: { Lock(): Go; Unlock(): Go }) {
    this.L = l;
  }
  *Wait(): Go {
    const t = this.nl.wait++;
    yield* this.L.Unlock();
    yield { k: K.NotifyWait, nl: this.nl, ticket: t };
    yield* this.L.Lock();
  }
  Signal(): Go {
    return op({ k: K.Notify, nl: this.nl, all: false });
  }
  Broadcast(): Go {
    return op({ k: K.Notify, nl: this.nl, all: true });
  }
}

/** sync.Once */
class Once {
  private done = false;
  private m = new Mutex();
  *Do(f: () => GoBody): Go {
    if (this.done) return;
    yield* this.m.Lock();
    // once.go doSlow: `defer o.m.Unlock()`, `defer o.done.Store(1)`: f that panics has still
    // returned (later Do calls do not call it) and the mutex is released as the panic passes
    try {
      if (!this.done) {
        const body = f();
        try {
          yield* { [Symbol.iterator]: () => body };
        } finally {
          this.done = true;
        }
      }
    } finally {
      yield* this.m.Unlock();
    }
  }
}

export const sync = { WaitGroup, Mutex, Cond, Once };
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace sync {
  type WaitGroup = InstanceType<typeof WaitGroup>;
  type Mutex = InstanceType<typeof Mutex>;
  type Cond = InstanceType<typeof Cond>;
  type Once = InstanceType<typeof Once>;
}

/** panic(v) */
export function panic(v: unknown): Go<never> {
  return op<never>({ k: K.Panic, msg: v instanceof Error ? v.message : formatValues([v], false) });
}
