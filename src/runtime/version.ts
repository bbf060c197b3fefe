/**
 * Go version profiles: which Go release's runtime the model follows.
 *
 * gmpsim models one mechanism per runtime concept (proc, syscall, sysmon, netpoll, time…) and lets a
 * release choose, by name, where its runtime decides differently. A profile is that small set of
 * named differences over the shared mechanisms, never a copy of the runtime: each field below says
 * what the release does, from which Go version on, and where in Go's sources (read, never copied:
 * go1.19.8 in /usr/lib/go-1.19/src/runtime, go1.26.8 in $(go env GOROOT)/src/runtime), and the
 * mechanism modules test the field where the release's code differs. Adding Go 1.27 means a new
 * entry in `profiles` with its differences, each backed by a conformance program recorded on the new
 * toolchain (conformance/reference/go1.27/).
 *
 * Invariants: profiles are immutable data (no functions), so views, the CLI's A/B run and the README's
 * generated table (`npm run readme:versions`) read the same facts the runtime follows. A profile is
 * `validated` only when the conformance suite recorded on its toolchain passes (docs/fidelity.md);
 * the default release is the newest validated one.
 *
 * Spec: ../shared/runtime-spec.md §1 (the version table), §7.3 (the 1.26 syscall model).
 */

/** The Go releases gmpsim can follow. */
export const goReleases = ['1.19', '1.26'] as const;
export type GoRelease = (typeof goReleases)[number];

export interface VersionProfile {
  /** The release ("1.26"): what `--go` and config.go take. */
  readonly release: GoRelease;
  /** The exact toolchain its references were recorded with (`go version` prints "go version <this> linux/amd64"). */
  readonly toolchain: string;
  /**
   * The conformance suite recorded on `toolchain` passes (≥ 95 % of its checks, docs/fidelity.md). Only
   * validated releases can be the default.
   */
  readonly validated: boolean;

  // ---- syscalls (spec §7)
  /**
   * Since 1.26 (proc.go reentersyscall, setBlockOnExitSyscall, exitsyscallTryGetP): a P whose G
   * enters a syscall stays _Prunning and wired to its M (_Psyscall is gone: `_Psyscall_unused`);
   * sysmon's retake takes it with setBlockOnExitSyscall + takeP, and exitsyscall gets its P back
   * unless it was taken. Before: the P is unwired and _Psyscall, retake CASes it to _Pidle.
   * With it (all checked in go1.26.8's proc.go): exitsyscall's fast path is "m.p still set"
   * (ExitPath.KeptP), else exitsyscallTryGetP (oldp through setBlockOnExitSyscall, even from
   * another M now in a syscall with it; then an idle P), else exitsyscallNoP; a stop-the-world takes
   * such a P with gcstopP; preemptone skips a G in a syscall; runqgrab skips its 3 µs back-off when
   * the victim's G is in a syscall. Cgo calls (entersyscall + incgo) and LockOSThread'd Ms follow
   * the same paths: a locked G whose P was taken still goes to the global queue and its M to
   * stoplockedm (exitsyscallNoP). Views read "P in syscall" from the log for both (replay.ts
   * pShownStatus).
   */
  readonly syscallKeepsP: boolean;
  /**
   * By 1.26 (os/file_unix.go newFileFromNewFile → internal/syscall/unix/fcntl_unix.go Fcntl, a
   * linkname to runtime.fcntl): package os's init reads the flags of fds 0, 1 and 2 with the
   * runtime's own raw fcntl, which never calls entersyscall/exitsyscall, so P0's syscalltick is still
   * 0 when main.main starts. go1.19.8 (internal/syscall/unix/nonblocking.go IsNonblock) makes each
   * fcntl(F_GETFL) through syscall.Syscall, so P0's syscalltick is 3. It matters to retake
   * (proc.go): sysmon's per-P record (pd.syscalltick) starts at 0, so with 1.26 the program's first
   * syscall on P0 already "was seen" and is retaken at sysmon's first sight of it (one tick) instead
   * of the second (two ticks). Checked with strace on both toolchains (fcntl(F_GETFL) on fds 0–2
   * during init in both) and handoff_latency/retake_latency's *_first_us, recorded on both.
   */
  readonly osInitRawFcntl: boolean;

  // ---- spinning Ms (spec §6)
  /**
   * Since 1.21 (proc.go wakep, pidlegetSpinning, becomeSpinning, findRunnable, handoffp,
   * injectglist): sched.needspinning. Whoever finds work for a spinning M takes the idle P itself
   * under sched.lock (pidlegetSpinning; wakep no longer checks npidle first and no longer lets
   * startm pick the P); when none is idle it sets needspinning, and a non-spinning M about to drop
   * its P in findRunnable becomes spinning instead. A spinning M dropping its P re-checks the global
   * queue too, not only the Ps' run queues. becomeSpinning and handoffp's "nobody spins" case clear
   * it. schedtrace prints `needspinning=`. Checked in go1.26.8's proc.go.
   */
  readonly needspinning: boolean;
  /**
   * Present in go1.26.8, not in go1.19.8 (proc.go goschedImpl): runtime.Gosched and a preempted G
   * call wakep() after putting the G on the global queue.
   */
  readonly goschedWakep: boolean;
  /**
   * Present in go1.26.8, not in go1.19.8 (proc.go injectglist): injecting Gs (netpoll, sysmon) from
   * a thread that holds a P ends with wakep(), in case a P went idle meanwhile.
   */
  readonly injectglistWakep: boolean;
  /**
   * Present in go1.26.8, not in go1.19.8 (proc.go procresize): the idle Ps are collected first and
   * pidleput from P1 upwards, so the idle list's head (the first P a woken M gets) is P(n−1); 1.19
   * pidleputs them walking down, so its head is P1. Spec §6.8.
   */
  readonly procresizeIdleHighFirst: boolean;
  /**
   * Present in go1.26.8, not in go1.19.8 (proc.go procresize, mgetSpecific, acquirepNoTrace's
   * p.oldm): when the world starts again, a P with work is given back to the M that last ran it
   * if that M is idle, before other Ps take idle Ms in LIFO order.
   */
  readonly procresizeOldm: boolean;
  /**
   * Present in go1.26.8, not in go1.19.8 (proc.go goschedImpl): a goroutine preempted because a
   * stop-the-world is pending goes to its own P's runnext instead of the global queue, so it runs
   * first on that P when the world starts again (with procresizeOldm: on the same M).
   */
  readonly stwPreemptToRunnext: boolean;
  /**
   * Present in go1.26.8, not in go1.19.8 (proc.go procresize, mgcpacer.go assignWaitingGCWorker): when
   * the world starts during a mark phase, procresize assigns the dedicated and fractional mark workers
   * to idle Ps (p.nextGCMarkWorker) and startTheWorldWithSema wakes an M for each before it reads the
   * clock that ends the pause — sweep termination's `a` in gctrace includes those futex wakes
   * (go1.26.8 perf of gc_alloc_loop p4: notewakeup < startTheWorldWithSema in gcStart). 1.19 leaves
   * them to the Ms that wakep starts afterwards, whose findRunnable picks the worker.
   */
  readonly procresizeAssignsGCWorkers: boolean;
  /**
   * go1.19.8 (mgc.go gcBgMarkStartWorkers): the first cycle's starter creates each mark worker with
   * `go gcBgMarkWorker()` and waits for it in notetsleepg — entersyscallblock, so its P is handed off
   * (handoffp → startm: an idle M or a new thread) to run the worker, which wakes it with
   * notewakeup(&work.bgMarkReady). go1.26.8 waits on a channel: the worker runs on the same P
   * (runnext), no thread is involved.
   */
  readonly gcWorkerStartSyscall: boolean;
  /**
   * The heap bitmap a new large span clears, in bitmap bytes per byte of span. go1.19.8 (mbitmap.go
   * heapBits.initSpan, from mheap.initSpan): 2 bits per 8-byte word, memclrNoHeapPointers of size/32
   * bytes — on a fresh span its bitmap pages are fresh too and fault (cost.heapBitsFaultNsPerByte).
   * go1.26.8 (allocation headers since 1.22): a pointer-free span has no heap bits, a large object's
   * type lives in its span — nothing to clear.
   */
  readonly largeSpanHeapBits: number;

  // ---- netpoll (spec §10)
  /**
   * Since 1.22 (netpoll.go netpollAdjustWaiters, netpollunblock; proc.go findRunnable, sysmon): netpoll
   * returns a waiter delta (−1 per waiting G it readies) that callers apply, so netpollWaiters counts
   * the Gs in "IO wait" now; in 1.19 it never drops on that path and, once a G has waited on the
   * network, an idle M blocks in netpoll for good and checkdead can never report a deadlock.
   */
  readonly netpollWaiterDelta: boolean;

  // ---- timers (spec §11)
  /**
   * Since 1.23 (time.go needsAdd, blockTimerChan, unblockTimerChan, maybeRunChan, stop, modify; chan.go
   * timerchandrain), with the module's default asynctimerchan=0 (a main module whose go.mod says
   * go ≥ 1.23): channel timers (time.NewTimer, After, NewTicker, Tick) sit in a heap only while a
   * goroutine is blocked on their channel, on that goroutine's P, so an un-waited timer keeps nothing
   * alive (checkdead reports at once); a receive runs an expired unheaped one; the channel is
   * synchronous (Stop/Reset drain a sent value and report it pending).
   */
  readonly lazyChannelTimers: boolean;

  // ---- GOMAXPROCS (spec §16)
  /**
   * Since 1.25 (cgroup_linux.go defaultGOMAXPROCS, proc.go sysmonUpdateGOMAXPROCS): the default
   * GOMAXPROCS is the smaller of NumCPU and the cgroup's CPU quota, the quota rounded up and at
   * least 2; sysmon re-reads it once per second while GOMAXPROCS was not set by hand
   * (GODEBUG=updatemaxprocs=0 stops that, containermaxprocs=0 ignores the quota). runtime.main starts
   * the system goroutine runtime.updateMaxProcsGoroutine (wait reason `GOMAXPROCS updater (idle)`,
   * proc.go defaultGOMAXPROCSUpdateEnable) right after gcenable, unless updatemaxprocs=0: it takes a
   * goroutine id, so user goroutines' ids are one higher than in 1.19.
   */
  readonly containerAwareGOMAXPROCS: boolean;

  // ---- what the program prints (spec §20, §21)
  /**
   * schedtrace/scheddetail format: '1.19' (gcwaiting=0, -1 for a missing M/P/G, no needspinning) or
   * '1.26' (gcwaiting=false, nil, needspinning=, schedticks=[ … ] list).
   */
  readonly schedtraceFormat: '1.19' | '1.26';
  /** Since 1.21 (traceback.go printcreatedby1): a traceback's `created by f` line ends with ` in goroutine <n>`. */
  readonly createdByGoroutine: boolean;
  /**
   * Since 1.21 (traceback.go tracebackInnerFrames, tracebackOuterFrames): a stack deeper than 100
   * frames prints its 50 innermost, `...N frames elided...`, its 50 outermost; before, the 100
   * innermost and `...additional frames elided...` (_TracebackMaxFrames).
   */
  readonly tracebackInnerOuter: boolean;
  /**
   * Since 1.23 (panic.go preprintpanics, printpanics): a panic re-raised with the value it recovered
   * prints once, as `panic: v [recovered, repanicked]`; before, twice (`panic: v [recovered]` and
   * `\tpanic: v`).
   */
  readonly repanicked: boolean;
  /**
   * By 1.26 (runtime2.go waitReasonSyncMutexLock, …RWMutexRLock, …RWMutexLock, …WaitGroupWait): a
   * goroutine blocked in sync.Mutex.Lock, RWMutex.RLock/Lock or WaitGroup.Wait shows that as its wait
   * reason (goroutine dumps, scheddetail); go1.19 shows `semacquire` for all four.
   */
  readonly syncWaitReasons: boolean;
  /**
   * By 1.26 (traceback.go goroutineheader): at traceback level system (a runtime throw), each
   * goroutine header carries ` gp=0x… m=<id> mp=0x…` (or ` m=nil`).
   */
  readonly headerGp: boolean;
  /**
   * The runtime's own frames and names in crash output (runtime.throw's stack, system goroutines):
   * which release's file:line sites and function names (frames.ts), e.g. 1.26's `runtime.init.7`,
   * `runtime.runFinalizers`, `runtime.goexit({})`.
   */
  readonly runtimeFrames: '1.19' | '1.26';
  /**
   * `go run`'s exit status for a compile error (cmd/go: go1.19 exits 2, go1.26 exits 1; recorded
   * with both toolchains, test/cli/go-errors.test.ts).
   */
  readonly compileErrorExit: number;
  /**
   * The type checker's wording (types2, recorded with both toolchains: test/golang/type-errors.test.ts):
   * '1.26' describes a named type's structure in an operand (`t (variable of struct type T)`,
   * operand.go compositeKind), says `cannot use x (…) as T value in assignment` for every
   * non-assignable value and `T does not implement I (missing method M)` on the same line; '1.19'
   * says `as type T in assignment` for a typed value and `(missing M method)` after a newline and tab.
   */
  readonly typeCheckerMessages: '1.19' | '1.26';
  /**
   * The largest local variable cmd/compile keeps on the stack; a larger one is moved to the heap
   * (allocated by each execution of its declaration): go1.19.8 10 MiB, go1.26.8 128 KiB
   * (cmd/compile/internal/ir/cfg.go MaxStackVarSize).
   */
  readonly maxStackVarSize: number;

  // ---- the garbage collector (runtime/mgc.ts)
  /**
   * The headroom the pacer leaves under GOMEMLIMIT (mgcpacer.go memoryLimitHeapGoal): `percent` of the
   * goal (`goal / 100 * percent`), at least `bytes`. go1.19 subtracts memoryLimitHeapGoalHeadroom =
   * 1 << 20 bytes; since 1.21 (go1.26.8) memoryLimitHeapGoalHeadroomPercent = 3 %, at least
   * memoryLimitMinHeapGoalHeadroom = 1 << 20.
   */
  readonly gcMemoryLimitHeadroom: { readonly bytes: number; readonly percent: number };
  /**
   * The runtime's memory that is not heap (mgcpacer.go memoryLimitHeapGoal's nonHeapMemory =
   * mappedReady − heapFree − heapAlloc, i.e. MemStats Sys − HeapIdle − HeapAlloc): stacks, the mcache,
   * span structures, GC metadata, profiling buckets (`fixed`), and each 64 MiB heap arena's heapArena
   * metadata (`perArena`: go1.19 its 2 MiB heap bitmap, 1 bit pair per word, + the spans array; since
   * 1.22 no bitmap, ≈ 70 KB). GOMEMLIMIT's heap goal is the limit less this (and the headroom).
   * Measured with a program that allocates 1 MiB buffers under GOGC=off (MemStats after 1, 32, 64, 128
   * and 200 of them; session 15): go1.19.8 Sys − HeapIdle − HeapAlloc = 8.67 MB with one arena, +2.25,
   * +2.19, +2.45 MB per arena after; 8.77 MB at 32 MiB, where GOMEMLIMIT=64MiB's NextGC is
   * 57 293 576 = 64 MiB − 1 MiB − 8 766 712. go1.26.8: 4.17 MB, then +0.35, +0.07, +0.08 MB per arena;
   * 4.25 MB at 32 MiB (NextGC 60 977 243 = (64 MiB − 4 245 728) × 0.97). `perArena` is the heapArena
   * struct's size (go1.19: bitmap 2 MiB + spans 64 KiB + three 1 KiB page bitmaps + zeroedBase; go1.26:
   * spans + four page bitmaps + two words), `fixed` the one-arena value at 32 MiB less it. The fixed part
   * varies with what a program links and runs (real gc_alloc_loop, 192 MB of 64-byte objects with
   * GOGC=off: 18.4 MB on go1.19, 14.9 MB on go1.26; small-object spans are not modelled).
   */
  readonly nonHeapMemory: { readonly fixed: number; readonly perArena: number };
  /**
   * The binary's globals as the pacer counts them (gcController.globalsScan: the data and BSS
   * segments of every linked package, the runtime's own included), in the heap goal (heapMarked +
   * (heapMarked + stacks + globals) × GOGC/100) and the runway. Measured with `readelf -S` on the
   * conformance programs built by each toolchain (fmt, os, runtime/pprof linked): .data + .bss =
   * 223–225 KB with go1.19.8 (gc_alloc_loop 225424 B, gc_start_sema 225456, forcegc_idle 223344),
   * 155–157 KB with go1.26.8 (156650, 156682, 154570). Their scan time is already in cost.gcMarkBase
   * (measured on such a binary), so it is not scan work on top.
   */
  readonly globalsBytes: number;
  /**
   * What gcControllerState.startCycle records as the point the cycle triggered (c.triggered, the base
   * of revise's extrapolated goal, of heapGoal's 64 KB minimum runway and of endCycle's cons/mark):
   * go1.19 the computed trigger (`heapTrigger, heapGoal := c.trigger(); c.triggered = heapTrigger`),
   * since 1.20 (go1.26.8) the heap when the cycle starts (`c.triggered = c.heapLive.Load()`), which
   * is past the trigger — even past the goal — when one large allocation crossed it.
   */
  readonly gcTriggeredAtHeapLive: boolean;
  /**
   * How endCycle turns the cycle's measured cons/mark ratio into the next cycle's estimate:
   * go1.19.8 smooths it with a PI controller (mgcpacer.go consMarkController: kp 0.9, ti 4, tt 1000,
   * output clamped to ±1000, starting from 0); since 1.21 (go1.26.8) the estimate is the largest of
   * this cycle's ratio and the last 4 measured ones (lastConsMark [4]float64, zeros at start).
   */
  readonly gcConsMarkMax4: boolean;
  /**
   * The write(2) calls of one GODEBUG=gctrace=1 line: gcMarkTermination prints it with print(), and
   * the runtime's print writes every argument with its own write (print.go gwrite → writeErr, no
   * buffer outside a panic): go1.19 mgc.go 38 (7 + 3 clock fields and 2 `+` + ` ms clock, ` + 5 cpu
   * fields and 4 separators + 15 for the heap/goal/stacks/globals/P part + `\n`); go1.26 39 (`%` and
   * `: ` are two prints, around the goroutine-leak note). `(forced)` is one more.
   */
  readonly gctraceWrites: number;
  /**
   * Since 1.26 (internal/buildcfg/exp.go GreenTeaGC: true; mgcmark_greenteagc.go): the mark phase scans
   * small objects span by span (the Green Tea collector), which changes the mark's cost per byte:
   * gcMarkNsPerByte (cost.ts) is scaled by this factor, measured with conformance/programs/gc_stw.go on
   * both toolchains (mark_ns_per_kb at GOMAXPROCS=1).
   */
  readonly gcMarkCostFactor: number;
  /**
   * How the background sweeper yields (mgcsweep.go bgsweep): 1 — a Gosched after every span swept
   * (go1.19); N > 1 — goschedIfBusy after every N spans (sweepBatchSize = 10 since 1.21: it yields only
   * when no P is idle or it was asked to preempt).
   */
  readonly bgsweepBatch: number;

  // ---- the language the Go frontend compiles (src/golang)
  /**
   * Since 1.22 (the spec's "For statements with for clause" / range clause; cmd/compile loopvar):
   * each iteration of a 3-clause or range loop has its own variables declared by `:=`, and
   * `for i := range n` ranges over an integer. gotests and the corpus are built without a go.mod
   * (GO111MODULE=off), which gives the toolchain's own language version.
   */
  readonly loopvarPerIteration: boolean;
  /** Since 1.22 (the spec's range clause): `for i := range n` over an integer n runs i = 0 … n−1. */
  readonly rangeOverInt: boolean;
  /**
   * By 1.26 (runtime/print.go printfloat64/printfloat32: strconv.AppendFloat(v, 'g', -1, …)): the
   * builtin print/println write a float in its shortest form (`1.5`); go1.19 as `+1.500000e+000`.
   */
  readonly printFloatShortest: boolean;
  /** Since 1.21 (the spec's "Built-in functions": Clear, Min and max): the predeclared clear, min and max; before, `undefined: clear`. */
  readonly builtinsMinMaxClear: boolean;
  /**
   * By 1.26 (cmd/compile/internal/ssagen/ssa.go (*state).append, getBackingStoreInfo): an append whose
   * result does not escape grows an empty slice into a 32-byte stack backing store, once per call at
   * its variable's first append site — `var s []int; s = append(s, 1)` has cap 4 (go1.19: 1). The
   * frontend's escape test is golang/compiler/escape.ts.
   */
  readonly stackAppend: boolean;
  /**
   * Since 1.20 (the spec's "Conversions from slice to array or array pointer"): `[N]T(s)` converts a
   * slice to an array, and the run-time error of both conversions reads "… to array or pointer to
   * array with length N" (runtime/error.go boundsConvert); go1.19 converts to `*[N]T` only.
   */
  readonly sliceToArray: boolean;
  /** Since 1.20 (package unsafe): unsafe.String, unsafe.StringData and unsafe.SliceData (go1.19 has Add and Slice only). */
  readonly unsafeStringData: boolean;
  /**
   * Since 1.20 (unified IR): a function-scoped defined type's run-time name (%T, reflect) carries
   * the type arguments of the generic function it is declared in (`main.T[int;string]`, reader.go
   * mangle), and its package-wide number `·N` when it is a type argument (`main.G[main.L·3]`,
   * writer.go qualifiedIdent); go1.19 prints `main.G[main.L]`.
   */
  readonly localTypeNames: boolean;
  /**
   * Zero-size package-level variables live at runtime.zerobase, the address every zero-size heap
   * allocation gets (malloc.go mallocgc), so `&x == new([0]int)`: go1.26.8 (its test/zerosize.go,
   * recorded in corpus/reference/go1.26/gotest126/zerosize.json); go1.19.8 gives each its own
   * address in the data segment.
   */
  readonly zeroSizeGlobalsAtZerobase: boolean;
  /**
   * Since 1.23 (the spec's range clause, "function iterators"): `for x := range f` over a function
   * `func(yield func(…) bool)`; before, `cannot range over f`.
   */
  readonly rangeOverFunc: boolean;
  /** Since 1.26 (the spec's "Allocation"): `new(expr)` allocates a variable initialised to expr's value; before, `expr is not a type`. */
  readonly newExpr: boolean;
}

const go119: VersionProfile = {
  release: '1.19',
  toolchain: 'go1.19.8',
  // 84 % of its checks on 2026-12-08 (docs/fidelity.md): below the 95 % that validates a release
  validated: false,
  syscallKeepsP: false,
  osInitRawFcntl: false,
  needspinning: false,
  goschedWakep: false,
  injectglistWakep: false,
  procresizeIdleHighFirst: false,
  procresizeOldm: false,
  stwPreemptToRunnext: false,
  procresizeAssignsGCWorkers: false,
  gcWorkerStartSyscall: true,
  largeSpanHeapBits: 1 / 32,
  netpollWaiterDelta: false,
  lazyChannelTimers: false,
  containerAwareGOMAXPROCS: false,
  schedtraceFormat: '1.19',
  createdByGoroutine: false,
  tracebackInnerOuter: false,
  repanicked: false,
  syncWaitReasons: false,
  headerGp: false,
  runtimeFrames: '1.19',
  compileErrorExit: 2,
  typeCheckerMessages: '1.19',
  maxStackVarSize: 10 * 1024 * 1024,
  gcMemoryLimitHeadroom: { bytes: 1 << 20, percent: 0 },
  nonHeapMemory: { fixed: 8_766_712 - 2_165_776, perArena: 2_165_776 },
  globalsBytes: 225_000,
  gcTriggeredAtHeapLive: false,
  gcConsMarkMax4: false,
  gctraceWrites: 38,
  gcMarkCostFactor: 1,
  bgsweepBatch: 1,
  loopvarPerIteration: false,
  rangeOverInt: false,
  printFloatShortest: false,
  builtinsMinMaxClear: false,
  stackAppend: false,
  sliceToArray: false,
  unsafeStringData: false,
  localTypeNames: false,
  zeroSizeGlobalsAtZerobase: false,
  rangeOverFunc: false,
  newExpr: false,
};

const go126: VersionProfile = {
  release: '1.26',
  toolchain: 'go1.26.8',
  validated: false,
  syscallKeepsP: true,
  osInitRawFcntl: true,
  needspinning: true,
  goschedWakep: true,
  injectglistWakep: true,
  procresizeIdleHighFirst: true,
  procresizeOldm: true,
  stwPreemptToRunnext: true,
  procresizeAssignsGCWorkers: true,
  gcWorkerStartSyscall: false,
  largeSpanHeapBits: 0,
  netpollWaiterDelta: true,
  lazyChannelTimers: true,
  containerAwareGOMAXPROCS: true,
  schedtraceFormat: '1.26',
  createdByGoroutine: true,
  tracebackInnerOuter: true,
  repanicked: true,
  syncWaitReasons: true,
  headerGp: true,
  runtimeFrames: '1.26',
  compileErrorExit: 1,
  typeCheckerMessages: '1.26',
  maxStackVarSize: 128 * 1024,
  gcMemoryLimitHeadroom: { bytes: 1 << 20, percent: 3 },
  nonHeapMemory: { fixed: 4_245_728 - 69_648, perArena: 69_648 },
  globalsBytes: 156_000,
  gcTriggeredAtHeapLive: true,
  gcConsMarkMax4: true,
  gctraceWrites: 39,
  // gc_stw.json p1 mark_ns_per_kb: go1.26.8 202.08 (195.6–302.7) / go1.19.8 234.92 (232.7–275.5), quiet machine
  gcMarkCostFactor: 0.86,
  bgsweepBatch: 10,
  loopvarPerIteration: true,
  rangeOverInt: true,
  printFloatShortest: true,
  builtinsMinMaxClear: true,
  stackAppend: true,
  sliceToArray: true,
  unsafeStringData: true,
  localTypeNames: true,
  zeroSizeGlobalsAtZerobase: true,
  rangeOverFunc: true,
  newExpr: true,
};

export const profiles: Readonly<Record<GoRelease, VersionProfile>> = { '1.19': go119, '1.26': go126 };

/** The default while no release is validated, and why (what --go's help and the README say). */
export const fallbackRelease = { release: '1.19' as GoRelease, why: 'the release the seeds describe and the first one modelled' };

/**
 * The release a run follows when nobody says: the newest validated one; while none is, Go 1.19 — the
 * release the seeds describe and the first profile built (fallbackRelease).
 */
export const defaultRelease: GoRelease = newestValidated();


function newestValidated(): GoRelease {
  let best: GoRelease | null = null;
  for (const r of goReleases) if (profiles[r].validated) best = r;
  return best ?? fallbackRelease.release;
}

/** One sentence: which release is the default and why (README, --help, web app). */
export function defaultReleaseWhy(): string {
  const pending = goReleases.filter((r) => !profiles[r].validated);
  if (profiles[defaultRelease].validated) {
    return (
      `The default is Go ${defaultRelease}, the newest release whose conformance suite passes on its real toolchain (≥ 95 % of checks).` +
      (pending.length > 0 ? ` ${pending.map((r) => `Go ${r}`).join(', ')} ${pending.length > 1 ? 'are' : 'is'} modelled but not yet validated.` : '')
    );
  }
  return `No release is validated yet (≥ 95 % of its conformance checks passing on its real toolchain: docs/fidelity.md), so the default is Go ${defaultRelease}, ${fallbackRelease.why}; every release is modelled (\`--go ${goReleases.join('`, `--go ')}\`).`;
}

/**
 * The GODEBUG settings a GOPATH-mode build (GO111MODULE=off, how gotests/record.mjs and
 * corpus/record.mjs build) carries on a release, in GODEBUG syntax, for the keys gmpsim reads:
 * without a go.mod, cmd/go takes the main module's Go version to be gover.DefaultGoModVersion
 * ("1.16", cmd/go/internal/modload/init.go MainModuleSet.GoVersion) and builds in that version's
 * defaults (load/godebug.go defaultGODEBUG), so a go1.26.8 GOPATH build runs with asynctimerchan=1
 * (new in 1.23), updatemaxprocs=0 and containermaxprocs=0 (both new in 1.25): no GOMAXPROCS updater goroutine —
 * gotests/reference/go1.26/stack_overflow.json's crash dump lists none, and goroutine ids are not
 * shifted by one. go1.19 had no GODEBUG defaults. A module build (conformance/record.mjs writes a
 * go.mod with the release's go line) and `go run file.go` (the toolchain's own version) do not.
 */
export function gopathModeGODEBUG(release: GoRelease): string {
  return moduleGODEBUG(release, 16);
}

/**
 * The GODEBUG defaults a release's cmd/go builds into a program whose main module's go.mod says
 * `go 1.<goMinor>` (load/godebug.go defaultGODEBUG: each setting newer than the module's Go version
 * keeps its old value; internal/godebugs/table.go), for the keys gmpsim reads: asynctimerchan=1 below
 * 1.23, updatemaxprocs=0 and containermaxprocs=0 below 1.25, on a release that has them. `go run prog.go` outside a module
 * takes the toolchain's own version (no defaults).
 */
export function moduleGODEBUG(release: GoRelease, goMinor: number): string {
  const p = profiles[release];
  const d: string[] = [];
  if (p.lazyChannelTimers && goMinor < 23) d.push('asynctimerchan=1');
  if (p.containerAwareGOMAXPROCS && goMinor < 25) d.push('updatemaxprocs=0', 'containermaxprocs=0');
  return d.join(',');
}

/** The minor version of a go.mod `go` line or a release ("1.21.3", "1.21rc1", "1.26" → 21, 21, 26), or null when it is not Go 1.x. */
export function langMinor(goLine: string): number | null {
  const m = /^1\.(\d+)(?:\.\d+|rc\d+|beta\d+)?$/.exec(goLine.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Parse what a user wrote for a release: "1.26", "go1.26", "1.26.8", "go1.26.8". Returns the release or
 * an error message that lists the known ones.
 */
export function parseGoRelease(s: string): { release: GoRelease } | { error: string } {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.\d+)?$/.exec(s.trim());
  const known = goReleases.join(', ');
  if (m === null) return { error: `"${s}" is not a Go version (expected one of ${known}, e.g. --go 1.26)` };
  const r = `${m[1]}.${m[2]}`;
  if ((goReleases as readonly string[]).includes(r)) return { release: r as GoRelease };
  return { error: `gmpsim has no profile for Go ${r} (it models ${known})` };
}

/** How the README's table (`npm run readme:versions`, src/views/versions.ts) describes each difference. */
export interface ProfileFieldDoc {
  /** What differs, in a few words. */
  what: string;
  /** The first Go release that does it the new way ('' for facts of the profile itself). */
  since: string;
  /** Where in Go's runtime (or cmd/go) sources. */
  source: string;
}

/** One entry per profile field, in the table's order (a test keeps it complete). */
export const profileFieldDocs: Readonly<Record<Exclude<keyof VersionProfile, 'release'>, ProfileFieldDoc>> = {
  toolchain: { what: 'references recorded with', since: '', source: '`go version`' },
  validated: { what: 'conformance suite passes (≥ 95 %): can be the default', since: '', source: 'docs/fidelity.md' },
  syscallKeepsP: { what: 'a P stays `_Prunning` with its M during a syscall (no `_Psyscall`); sysmon takes it with setBlockOnExitSyscall', since: '1.26', source: 'proc.go reentersyscall, exitsyscallTryGetP' },
  osInitRawFcntl: { what: 'package os\'s init reads fds 0–2\'s flags with runtime.fcntl (no entersyscall), so P0\'s syscalltick is 0 at main and sysmon retakes the first syscall at first sight', since: '≤ 1.26', source: 'os/file_unix.go newFileFromNewFile, internal/syscall/unix/fcntl_unix.go' },
  needspinning: { what: '`sched.needspinning`: whoever finds work takes the idle P itself (pidlegetSpinning); an M dropping its P while work appeared spins instead', since: '1.21', source: 'proc.go wakep, pidlegetSpinning, findRunnable' },
  goschedWakep: { what: 'Gosched and preemption call wakep after queueing the G', since: '≤ 1.26', source: 'proc.go goschedImpl' },
  injectglistWakep: { what: 'injecting readied Gs (netpoll) from a thread with a P ends with wakep', since: '≤ 1.26', source: 'proc.go injectglist' },
  procresizeIdleHighFirst: { what: 'the idle P list after procresize hands out P(n−1) first (1.19: P1)', since: '≤ 1.26', source: 'proc.go procresize' },
  procresizeOldm: { what: 'after a stop-the-world a P with work goes back to the M that last ran it (p.oldm)', since: '≤ 1.26', source: 'proc.go procresize, mgetSpecific' },
  procresizeAssignsGCWorkers: { what: 'a world started during a mark phase gives idle Ps their dedicated/fractional mark workers and wakes an M for each inside the pause', since: '≤ 1.26', source: 'proc.go procresize, mgcpacer.go assignWaitingGCWorker' },
  stwPreemptToRunnext: { what: 'a G preempted for a stop-the-world waits in its P\'s runnext (1.19: global queue)', since: '≤ 1.26', source: 'proc.go goschedImpl' },
  gcWorkerStartSyscall: { what: 'the first GC cycle waits for each new mark worker in notetsleepg (a blocking syscall: its P is handed off, maybe to a new thread); later releases wait on a channel', since: '1.19 (1.26: a channel)', source: 'mgc.go gcBgMarkStartWorkers' },
  netpollWaiterDelta: { what: 'netpoll returns a waiter delta its callers apply', since: '1.22', source: 'netpoll.go netpollAdjustWaiters' },
  lazyChannelTimers: { what: 'channel timers sit in a heap only while a goroutine waits on them (on its P); Stop/Reset drain the channel', since: '1.23', source: 'time.go blockTimerChan, maybeRunChan' },
  containerAwareGOMAXPROCS: { what: 'default GOMAXPROCS = min(NumCPU, max(2, ⌈CPU limit⌉)), updated by sysmon once a second; the GOMAXPROCS updater goroutine', since: '1.25', source: 'cgroup_linux.go, proc.go sysmonUpdateGOMAXPROCS' },
  schedtraceFormat: { what: 'schedtrace/scheddetail format (`needspinning=`, `gcwaiting=false`, `nil`, `schedticks=[ … ]`)', since: '1.21–1.26', source: 'proc.go schedtrace' },
  createdByGoroutine: { what: 'tracebacks say `created by f in goroutine N`', since: '1.21', source: 'traceback.go printcreatedby1' },
  tracebackInnerOuter: { what: 'a traceback deeper than 100 frames shows the 50 innermost, `...N frames elided...`, the 50 outermost (1.19: the 100 innermost, `...additional frames elided...`)', since: '1.21', source: 'traceback.go tracebackInnerFrames, tracebackOuterFrames' },
  repanicked: { what: 'a re-panic of the recovered value prints `[recovered, repanicked]` once', since: '1.23', source: 'panic.go printpanics' },
  syncWaitReasons: { what: 'sync waits show `sync.Mutex.Lock`, `sync.RWMutex.RLock`/`Lock`, `sync.WaitGroup.Wait` (not `semacquire`)', since: '≤ 1.26', source: 'runtime2.go waitReasonSync…' },
  headerGp: { what: 'a throw\'s goroutine headers carry `gp=… m=…`', since: '≤ 1.26', source: 'traceback.go goroutineheader' },
  runtimeFrames: { what: 'runtime frames in crash output (`runtime.goexit({})`, `init.7`, `runFinalizers`, line numbers)', since: '', source: 'runtime/frames.ts' },
  globalsBytes: { what: 'the globals (data + BSS of a program linking fmt, os and runtime/pprof) in the heap goal: 225 KB (1.26: 156 KB)', since: '≤ 1.26', source: 'mgcpacer.go heapGoalInternal, globalsScan; readelf -S of the built programs' },
  nonHeapMemory: { what: 'the runtime\'s non-heap memory GOMEMLIMIT\'s goal leaves out: 4.2 MB + 70 KB per 64 MiB arena (1.19: 6.6 MB + 2.2 MB per arena, its heap bitmap)', since: '1.22 (allocation headers)', source: 'mgcpacer.go memoryLimitHeapGoal; mheap.go heapArena' },
  gcMemoryLimitHeadroom: { what: 'the pacer\'s headroom under GOMEMLIMIT: 3 % of the goal, at least 1 MB (1.19: 1 MB)', since: '1.21', source: 'mgcpacer.go memoryLimitHeapGoal' },
  gctraceWrites: { what: 'the write(2) calls of one gctrace line (one per print argument): 39 (1.19: 38)', since: '≤ 1.26', source: 'mgc.go gcMarkTermination, print.go gwrite' },
  gcConsMarkMax4: { what: 'the pacer\'s cons/mark estimate is the largest of this cycle\'s and the last 4 cycles\' ratios (1.19: a PI controller smooths it, kp 0.9, ti 4)', since: '1.21', source: 'mgcpacer.go endCycle (1.19: consMarkController)' },
  gcTriggeredAtHeapLive: { what: 'a cycle\'s `triggered` point is the heap when it starts (1.19: the computed trigger)', since: '1.20', source: 'mgcpacer.go startCycle' },
  largeSpanHeapBits: { what: 'a new large span clears its heap bitmap (2 bits per word; fresh bitmap pages fault): ≈ 25 µs per fresh 1 MiB []byte (1.26: no heap bits for it, ≈ 1 µs)', since: '1.22 (allocation headers)', source: 'mbitmap.go initHeapBits / heapBits.initSpan' },
  gcMarkCostFactor: { what: 'the mark phase\'s cost per byte relative to 1.19 (the Green Tea collector scans spans)', since: '1.26', source: 'internal/buildcfg/exp.go GreenTeaGC, mgcmark_greenteagc.go' },
  bgsweepBatch: { what: 'the background sweeper sweeps 10 spans between goschedIfBusy calls, yielding only when no P is idle (1.19: a Gosched after every span)', since: '1.21', source: 'mgcsweep.go bgsweep, proc.go goschedIfBusy' },
  compileErrorExit: { what: '`go run` exit status on a compile error', since: '', source: 'cmd/go' },
  maxStackVarSize: { what: 'the largest local variable kept on the stack (larger ones are moved to the heap)', since: '≤ 1.26', source: 'cmd/compile/internal/ir/cfg.go MaxStackVarSize' },
  typeCheckerMessages: { what: 'type errors read `cannot use t (variable of struct type T) as I value in assignment: T does not implement I (missing method M)` (1.19: `(variable of type T) as type I in assignment:` and `(missing M method)` on the next line)', since: '≤ 1.26', source: 'cmd/compile/internal/types2 operand.go operandString, assignments.go, lookup.go' },
  loopvarPerIteration: { what: 'each loop iteration has its own `:=` variables (closures see their iteration\'s value)', since: '1.22', source: 'the spec (for clause, range clause); cmd/compile loopvar' },
  rangeOverInt: { what: '`for i := range n` ranges over an integer', since: '1.22', source: 'the spec (range clause)' },
  printFloatShortest: { what: 'builtin print/println write floats in shortest form (`1.5`, not `+1.500000e+000`)', since: '≤ 1.26', source: 'runtime/print.go printfloat64' },
  builtinsMinMaxClear: { what: 'the predeclared `clear`, `min` and `max`', since: '1.21', source: 'the spec (built-in functions)' },
  stackAppend: { what: 'a non-escaping `append` grows an empty slice into a 32-byte stack store (`var s []int; s = append(s, 1)`: cap 4, not 1)', since: '≤ 1.26', source: 'cmd/compile/internal/ssagen/ssa.go append, getBackingStoreInfo' },
  sliceToArray: { what: '`[N]T(s)` converts a slice to an array; the conversion\'s panic says "to array or pointer to array"', since: '1.20', source: 'the spec (conversions); runtime/error.go boundsConvert' },
  unsafeStringData: { what: '`unsafe.String`, `unsafe.StringData`, `unsafe.SliceData`', since: '1.20', source: 'unsafe/unsafe.go' },
  localTypeNames: { what: 'run-time names of function-scoped types: `T[int;string]` in a generic function, `·N` as a type argument', since: '1.20', source: 'cmd/compile/internal/noder reader.go mangle, writer.go qualifiedIdent' },
  zeroSizeGlobalsAtZerobase: { what: 'zero-size package-level variables at `runtime.zerobase` (`&x == new([0]int)`)', since: '1.21/1.22 (test/zerosize.go, 2023)', source: 'runtime/malloc.go zerobase; test/zerosize.go' },
  rangeOverFunc: { what: '`for x := range f` over an iterator function `func(yield func(…) bool)`', since: '1.23', source: 'the spec (range clause); cmd/compile rangefunc' },
  newExpr: { what: '`new(expr)`: a new variable holding expr\'s value', since: '1.26', source: 'the spec (allocation)' },
};
