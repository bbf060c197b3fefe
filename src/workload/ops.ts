/**
 * The contract between a goroutine body and the simulated runtime.
 *
 * A goroutine body is any `Iterator<Op, unknown, unknown>`: a TypeScript generator (the workload
 * API, `yield*` composes helpers) or the Go interpreter's VM. The runtime drives it with `next(v)`:
 * each yielded Op is one thing the goroutine asks of the runtime (CPU work, a channel operation, a
 * syscall…); `v` is the Op's result when the goroutine next runs. Returning ends the goroutine
 * (goexit); throwing is an unrecovered panic.
 *
 * Ops are the runtime's entry points (the calls a Go program makes into package runtime: chansend,
 * gopark via sleep, entersyscall…). Library behaviour that Go implements in ordinary Go on top of
 * those entry points (sync.Mutex's state machine over semacquire, WaitGroup over a semaphore) lives
 * in the workload layer, as it does in Go.
 *
 * Durations are nanoseconds (numbers). Results are documented per op.
 */

import type { Chan } from '../runtime/chan.js';
import type { Sema } from '../runtime/sema.js';
import type { Timer } from '../runtime/time.js';
import type { PollDesc } from '../runtime/netpoll.js';
import type { NotifyList } from '../runtime/sema.js';
import type { KernelWaitQueue } from '../runtime/syscall.js';

/** Op codes. Numeric so the runtime's dispatch is a dense switch. */
export const K = {
  /**
   * CPU work of `ns`; a function-call (cooperative preemption) point every `every` ns (0 = none:
   * async-only). `cont`: the op continues a call-free loop (an interpreter emitting CPU time in
   * chunks), so its start is not a function call either. `alloc`: bytes the work allocated on the
   * heap (mallocgc, runtime/mgc.ts), accounted when the op starts; `allocLarge`: how many of them
   * were large objects (> 32 KiB), whose memory mallocgc clears when it reuses freed pages;
   * `allocBuffers`: how many of those were byte buffers, whose fresh pages fault in the read(2) that
   * first fills them rather than in the goroutine's own code; `allocSpans`: how many large objects
   * (each its own span, mheap.alloc: cost.largeSpanNs); `assisted`: the runtime's own — the
   * allocation made again after its GC assist waited (its debt is settled).
   */
  Work: 1,
  /** `go fn(args…)` (newproc). Result: the new goroutine's id. */
  Go: 2,
  /** runtime.Gosched(). */
  Gosched: 3,
  /** runtime.Goexit(). */
  Goexit: 4,
  /** ch <- v. Panics on a closed channel; blocks forever on nil. */
  Send: 5,
  /** <-ch. Result: [value, ok]. */
  Recv: 6,
  /** close(ch). */
  Close: 7,
  /** select. Result: [caseIndex, value, ok]; caseIndex −1 = default. */
  Select: 8,
  /** time.Sleep(ns). */
  Sleep: 9,
  /**
   * A system or cgo call that holds its thread for `ns` (mode: syscall | raw | cgo | block). `cpu`: the
   * thread computes all that time (a CPU-bound C function, the kernel work of getrandom or of reading
   * /dev/urandom or the page cache) and shares the cores with the other running threads
   * (runtime/os.ts); without it the thread sleeps in the kernel (nanosleep, a read that waits for a
   * pipe or a disk, C.usleep) and takes no CPU. With `wq`, the thread instead sleeps in the kernel on
   * that wait queue until a KernelWake. `sleep`: a timed sleep in the kernel (nanosleep, C.usleep),
   * which returns late by the kernel's timer slack (Runtime.oversleep). Result: 0.
   */
  Syscall: 10,
  /** Wait on a netpoll descriptor until it is ready (netpollblock). */
  NetWait: 11,
  /** Arrange for a netpoll descriptor to become ready `ns` from now (the device/peer side). */
  NetReady: 12,
  /** semacquire(sema) (sync_runtime_Semacquire / SemacquireMutex with lifo). */
  SemAcquire: 13,
  /** semrelease(sema, handoff). */
  SemRelease: 14,
  /** sync_runtime_canSpin(iter). Result: boolean. */
  CanSpin: 15,
  /** Builtin print/println: a raw write to fd 2 that does not enter the scheduler. */
  Print: 16,
  /** A write(2) through entersyscall/exitsyscall (fmt.Print*, os.Stdout.Write). */
  Write: 17,
  LockOSThread: 18,
  UnlockOSThread: 19,
  /** runtime.GOMAXPROCS(n). Result: previous value. n ≤ 0 only queries. */
  GOMAXPROCS: 20,
  /** runtime.NumGoroutine(). */
  NumGoroutine: 21,
  /** debug.SetMaxThreads(n). Result: previous limit. */
  SetMaxThreads: 22,
  /** nanotime(). Result: whole ns since the process started (an integer, as Go's int64). */
  Nanotime: 23,
  /** os.Exit(code). */
  Exit: 24,
  /** Start (or restart) a runtime timer (time.NewTimer, AfterFunc, Ticker). */
  TimerStart: 25,
  /** Stop a timer. Result: true if it was pending. */
  TimerStop: 26,
  /** Reset a timer to fire `ns` from now. Result: true if it was pending. */
  TimerReset: 27,
  /** notifyListWait (sync.Cond.Wait's park). */
  NotifyWait: 28,
  /** notifyListNotifyOne / NotifyAll. */
  Notify: 29,
  /** runtime.NumCPU(). */
  NumCPU: 30,
  /** Raise a Go panic with a message (the runtime prints it and exits 2 unless recovered). */
  Panic: 31,
  /** Park forever with a wait reason (runtime goroutines: forcegchelper, bgsweep…). */
  Park: 32,
  /** pprof.Lookup("threadcreate").Count(): the Ms on allm (created minus exited). */
  ThreadCount: 33,
  /**
   * Wake the thread(s) asleep in the kernel on `wq` (one, or `all`): each returns from its system
   * call `ns` later. Issued by the system call that made the event happen (a pipe write).
   */
  KernelWake: 34,
  /** runtime.GC(): a forced cycle; returns after its mark termination (runtime/mgc.ts). */
  GC: 35,
  /** runtime.ReadMemStats: stop the world, copy the statistics. Result: a MemStatsSnapshot. */
  ReadMemStats: 36,
  /** debug.SetGCPercent(n). Result: the previous GOGC. */
  SetGCPercent: 37,
  /** debug.SetMemoryLimit(n) (n < 0 only queries). Result: the previous limit in bytes. */
  SetMemoryLimit: 38,
  /** The runtime's own: a mark worker found no work left (gcMarkDone on its M). */
  GCMarkDone: 39,
  /** The runtime's own: forcegchelper's gcStart(gcTrigger{kind: gcTriggerTime}). */
  GCStartTime: 40,
  /**
   * The runtime's own: gcStart(gcTrigger{kind: `trigger`}) again — after go1.19's
   * gcBgMarkStartWorkers waited for a new worker, or (`woken`) after semrelease(&work.startSema)
   * readied a G that waited to start a cycle (runtime/mgc.ts); then `then`, the rest of the
   * allocating Work op.
   */
  GCStartRetry: 41,
  /**
   * The runtime's own: an assist that could not pay its debt runs its marking (`ns`), then parks in
   * gcParkAssist until the workers' credit pays it or the cycle ends; then `then`, the allocation
   * (runtime/mgc.ts gcAssistAlloc).
   */
  GCAssistPark: 44,
  /**
   * A read deadline set in the past on `pd` (poll_runtime_pollSetDeadline → netpollunblock →
   * netpollgoready): the goroutine parked reading it is readied at once by the caller, not through
   * epoll's ready list.
   */
  NetUnblock: 42,
  /**
   * runtime.SetFinalizer's createfing (mfinal.go): start the finalizer goroutine unless it exists
   * (package os's init made it, or an earlier SetFinalizer); runtime/mgc.ts createfing.
   */
  CreateFing: 43,
  /**
   * The runtime's own: runtime.GC()'s end — `for work.cycles.Load() == n+1 && sweepone() != ^uintptr(0)
   * { Gosched() }`: the caller sweeps cycle `n`'s spans one at a time (`yield`: the Gosched after one),
   * until none is left or another cycle started (runtime/mgc.ts gcUserSweep).
   */
  GCSweepWait: 45,
} as const;
export type OpCode = (typeof K)[keyof typeof K];

export type SyscallMode = 'syscall' | 'raw' | 'cgo' | 'block';
/** The Syscall op (see K.Syscall). */
/**
 * `fill`: bytes the kernel writes into the program's memory (a read(2)'s result): the first write
 * into a large object's fresh pages takes their page faults in the kernel (G.untouchedBytes).
 */
export type SyscallOp = { k: typeof K.Syscall; ns: number; mode: SyscallMode; name: string; cpu?: boolean; sleep?: boolean; wq?: KernelWaitQueue; fill?: number };

/** A goroutine body as the runtime sees it. */
export type GoBody = Iterator<Op, unknown, unknown>;
/** A function that can be started with `go`. */
export type GoFunc = (...args: never[]) => GoBody;

export interface SelectCase {
  /** 'send' or 'recv'. */
  dir: 'send' | 'recv';
  ch: Chan | null;
  /** Value to send (send cases). */
  v?: unknown;
}

export type Op =
  | { k: typeof K.Work; ns: number; every: number; cont?: boolean; alloc?: number; allocLarge?: number; allocBuffers?: number; allocSpans?: number; assisted?: boolean }
  | { k: typeof K.Go; fn: (...args: never[]) => GoBody; args: unknown[]; name: string; system?: boolean }
  | { k: typeof K.Gosched }
  | { k: typeof K.Goexit }
  | { k: typeof K.Send; ch: Chan | null; v: unknown }
  | { k: typeof K.Recv; ch: Chan | null }
  | { k: typeof K.Close; ch: Chan | null }
  | { k: typeof K.Select; cases: SelectCase[]; dflt: boolean }
  | { k: typeof K.Sleep; ns: number }
  | SyscallOp
  | { k: typeof K.NetWait; pd: PollDesc }
  | { k: typeof K.NetReady; pd: PollDesc; ns: number }
  | { k: typeof K.SemAcquire; sema: Sema; lifo: boolean; reason: string }
  | { k: typeof K.SemRelease; sema: Sema; handoff: boolean }
  | { k: typeof K.CanSpin; iter: number }
  | { k: typeof K.Print; text: string }
  | { k: typeof K.Write; fd: number; text: string }
  | { k: typeof K.LockOSThread }
  | { k: typeof K.UnlockOSThread }
  | { k: typeof K.GOMAXPROCS; n: number; auto?: boolean }
  | { k: typeof K.NumGoroutine }
  | { k: typeof K.SetMaxThreads; n: number }
  | { k: typeof K.Nanotime }
  | { k: typeof K.Exit; code: number }
  | { k: typeof K.TimerStart; t: Timer }
  | { k: typeof K.TimerStop; t: Timer }
  | { k: typeof K.TimerReset; t: Timer; ns: number }
  | { k: typeof K.NotifyWait; nl: NotifyList; ticket: number }
  | { k: typeof K.Notify; nl: NotifyList; all: boolean }
  | { k: typeof K.NumCPU }
  | { k: typeof K.Panic; msg: string }
  | { k: typeof K.Park; reason: string }
  | { k: typeof K.ThreadCount }
  | { k: typeof K.KernelWake; wq: KernelWaitQueue; all: boolean; ns: number }
  | { k: typeof K.GC }
  | { k: typeof K.ReadMemStats }
  | { k: typeof K.SetGCPercent; n: number }
  | { k: typeof K.SetMemoryLimit; n: number }
  | { k: typeof K.GCMarkDone }
  | { k: typeof K.GCStartTime }
  | { k: typeof K.GCStartRetry; trigger: number; woken: boolean; then: Op | null }
  | { k: typeof K.GCAssistPark; ns: number; then: Op | null }
  | { k: typeof K.NetUnblock; pd: PollDesc }
  | { k: typeof K.CreateFing }
  | { k: typeof K.GCSweepWait; n: number; yield: boolean };
