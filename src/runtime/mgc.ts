/**
 * The garbage collector as the scheduler sees it (Go: mgc.go, mgcpacer.go, mgcmark.go's gcAssistAlloc,
 * proc.go's forcegchelper and sysmon's forcegc check, mgcscavenge.go). Issue #18.
 *
 * What it models:
 * - Allocation: a goroutine's allocations reach the runtime with its CPU work (a Work op's `alloc`
 *   bytes: the Go frontend's per-site counter, the workload API's `alloc(bytes)`); mallocgc adds them
 *   to heapLive, makes the goroutine assist during a mark phase, and starts a cycle when heapLive
 *   reaches the pacer's trigger (gcTrigger{kind: gcTriggerHeap}).
 * - The pacer (gcControllerState): heap goal = heapMarked + (heapMarked + stacks + globals) × GOGC/100,
 *   at least heapMinimum = 4 MB × GOGC/100, capped by GOMEMLIMIT (memoryLimitHeapGoal: the limit less
 *   the runtime's non-heap memory, VersionProfile.nonHeapMemory, and the release's headroom,
 *   VersionProfile.gcMemoryLimitHeadroom; computed at every heapGoal call, as Go does); trigger = goal − runway within
 *   [0.7, 0.95] of the way from heapMarked to the goal (triggerRatioDen/minTriggerRatioNum/
 *   maxTriggerRatioNum); runway = consMark × (1 − u)/u × last scan work, u = 0.25, consMark from the
 *   cycles' measured cons/mark ratios (endCycle: go1.19 a PI controller, go1.21+ the largest of the last
 *   4: VersionProfile.gcConsMarkMax4). GOGC=off: the memory limit's goal
 *   alone (GOMEMLIMIT unset is math.MaxInt64: a goal of ≈ 8 EiB, ReadMemStats' NextGC). During a
 *   cycle the goal is at least 64 KB past where it triggered (heapGoal's minRunway) — go1.19's
 *   `triggered` is the trigger, since 1.20 the heap at the cycle's start (VersionProfile.gcTriggeredAtHeapLive).
 * - A cycle (gcStart → gcBgMarkWorker → gcMarkDone → gcMarkTermination): gcStart comes after the
 *   allocation that crossed the trigger and holds work.startSema until the world runs again; every
 *   other G that allocates past the trigger meanwhile waits on it and, woken in turn, finds a cycle
 *   running and goes on (a chain of runnext hand-offs; gcStart's note); sweep termination stops the
 *   world (stopTheWorldWithSema, exec.ts) for gcSweepTermPause plus the wait for the other Ps (exec.ts
 *   safePointWait: a mark worker stops at once, user code at its next call — an allocation is one —
 *   or when SIGURG lands; a woken M when it runs; a P that gets there while the caller still holds
 *   sched.lock for preemptall's tgkills sleeps on the lock and is woken by its unlock; with any P not
 *   idle the caller then sleeps on sched.stopnote, a timed futex wait: exec.ts stwWait); the mark phase runs with the world
 *   started again: gcBgMarkWorker goroutines (one per P, created at the first cycle — on go1.19 each
 *   through a blocking notetsleepg that hands the starter's P off to run it — parked in
 *   "GC worker (idle)") are picked by findRunnableGCWorker at the top of findRunnable — dedicated
 *   workers for round(0.25 × GOMAXPROCS) Ps (corrected when that is more than 30 % off), a fractional
 *   worker for the rest of the 25 % goal, and idle workers on Ps that find nothing else to do (the
 *   last check before a P is given up; on go1.26 a world started during the mark already reserves the
 *   dedicated and fractional workers for idle Ps, p.nextGCMarkWorker, and wakes an M for each inside
 *   the pause: procresize's assignWaitingGCWorker). Workers are timed as Go times them, with nanotime:
 *   a drain's wall time, which counts the time its thread waited for a core (os.ts). The mark work — the pointer-holding part of the live heap at
 *   the cycle's start (a noscan object is marked without being read) plus 2 KB of stack per
 *   goroutine — is drained at gcMarkNsPerByte per worker; allocating
 *   goroutines assist before they allocate (gcAssistAlloc: debt × assistWorkPerByte, first from the
 *   workers' background credit, then by doing the work, charged as CPU time to the allocating
 *   goroutine; a debt left unpaid parks it in the assist queue — gcParkAssist — until a worker's
 *   credit pays it, gcFlushBgCredit, or the mark ends, gcWakeAllAssists). The goroutine
 *   that finishes the work runs gcMarkDone: mark termination stops the world for gcMarkTermPause,
 *   (and the same wait), heapMarked is fixed, gcSweep starts the sweep and readies bgsweep (below), the next
 *   goal and trigger are computed, the world restarts, gctrace prints its line (one write(2) per print argument, VersionProfile.gctraceWrites ×
 *   printCost, on the G that ran mark termination), runtime.GC's waiters are readied, and the scavenger counts a run
 *   when the heap it keeps exceeds its goal (retainExtraPercent = 10 % over the heap goal). The scavenger is a
 *   goroutine too (bgscavenge): sweep termination (finishsweep_m) puts it, parked, on the global run queue
 *   (scavenger.wake: injectglist); it checks for work (a runtime call) and parks again — what it releases is
 *   counted at mark termination, not run on it, and sysmon's scavenger wake-ups are not modelled. The cycle
 *   holds gcsema from gcStart (and worldsema from gcMarkDone) until its mark termination is done with the world
 *   started again: the forEachP that flushes every P's mcache (exec.ts forEachP: it waits for the Ps
 *   startTheWorld handed to Ms) and the gctrace line; a gcStart meanwhile waits for it holding startSema, so the goroutines that allocate past the
 *   trigger then queue behind it with their allocations done (go1.26.8 gc_start_sema n100_p4: 2
 *   cycles, the second starting with most of the 100 MB allocated).
 * - The sweep (mgcsweep.go): every span in use at mark termination is swept once before the next cycle,
 *   at cost.sweepSpanNs each (sweep_costs.go; spans counted from the heap's bytes: 8 KiB spans of small
 *   objects, one per large object). gcSweep (world stopped) readies bgsweep into the terminating P's
 *   runnext (its wakep finds no idle P until the world starts); bgsweep sweeps on whatever P runs it,
 *   go1.19 with a Gosched after every span, since 1.21 in batches of 10 with goschedIfBusy
 *   (VersionProfile.bgsweepBatch), and parks in "GC sweep wait" when none is left. An allocating
 *   goroutine sweeps in proportion (gcPaceSweeper at commit: the pages left over trigger − heapLive −
 *   1 MB; deductSweepCredit in mallocgc, its CPU the allocation's), gcStart's caller sweeps whatever
 *   is left before it takes work.startSema (the allocation that crossed the trigger, runtime.GC,
 *   forcegc), and runtime.GC() sweeps its own cycle's spans one by one with a Gosched after each
 *   before it returns (gcUserSweep). At GOMAXPROCS=1 that makes main the sweeper: bgsweep, in the
 *   run queue behind it, gets the P only when main yields (go1.26.8 traces: "GC incremental sweep"
 *   ranges on g1).
 * - GODEBUG=gcpacertrace=1: the pacer's line at each mark's start (startCycle: assist ratio, scannable
 *   heap, heap and goal, workers) and end (endCycle: utilization, scan work by kind, heap at the trigger
 *   and now, cons/mark), floats in the release's runtime print format (printfloat); not Go's "sweep
 *   done" line.
 * - runtime.GC() (gcTriggerCycle, `(forced)` in gctrace), runtime.ReadMemStats (a stop-the-world of
 *   readMemStatsPause), debug.SetGCPercent, debug.SetMemoryLimit, and forcegc: sysmon readies the
 *   forcegchelper goroutine when a cycle has run before (last_gc_nanotime ≠ 0) and none for
 *   forcegcperiod = 2 minutes (gcTrigger{kind: gcTriggerTime}.test()); it prints "GC forced" under
 *   gctrace and starts a cycle, which is not `(forced)` (work.userForced is only gcTriggerCycle).
 *
 * Invariants (invariants.ts): while the world is stopped only the M that stopped it runs a goroutine;
 * during a mark phase the running dedicated workers never exceed dedicatedMarkWorkersNeeded's quota
 * and the idle workers never exceed maxIdleMarkWorkers; outside it no worker runs.
 *
 * What it simplifies: the live heap. A program that can mark its own heap (LiveHeapSource: the Go
 * frontend walks from its package variables and its goroutines' frames, golang/rt/gcmark.ts) gives
 * the bytes reachable when a cycle starts (the world is stopped); the cycle marks that plus what is
 * allocated during the mark (allocate-black), as Go's does — gc_alloc_loop's 4.5 MB ring is marked
 * as 4.5 MB whatever went through it (gctrace 10->12->6 MB every cycle), gc_stw's 36 MB slice as
 * 36 MB. What that mark cannot see (see gcmark.ts: a loop body's variables, what a func value
 * captures while it does not run, channel buffers) counts dead. A program without one (the workload
 * API) gets an estimate: the part of the heap at a cycle's start that the mark finds live is a
 * survival fraction (GCOptions.survival) of it, but never less than what the previous cycle found
 * live (only what was allocated since can have died). The scan work is the live heap's
 * pointer-holding objects in bytes (LiveHeapSource.liveHeapScan: urandom_read's and gc_start_sema's
 * 1 MiB []byte buffers are none of it — gctrace `0.43 ms cpu` of background mark for 96 MB live on
 * go1.19.8) at one cost per byte (gcMarkNsPerByte, measured on gc_stw's pointer-rich heap), where
 * Go's is the pointer-holding prefix of each such object; the pacer's ratios (revise, endCycle) are unit-free, but
 * gcOverAssistWork (64 KB of Go's scan work) is taken as 64 KB of heap. There are no spans, size classes or mcache refills: the
 * sweep counts spans from bytes, takes a span when its sweep starts (no sweeper is ever in flight: isSweepDone is
 * "none left", finishsweep_m has nothing to do), costs the same for every span (sweep_costs.go's dead one-page spans;
 * a large object's span, a span kept live, the same), frees what dies in proportion, and neither bgsweep's
 * freeSomeWbufs nor mheap.reclaim is modelled; mark work does not depend on the heap's shape (one cost per byte, measured on a
 * pointer-rich heap: conformance/programs/gc_stw.go; what is pointer-free is known only to a program
 * with its own mark — the workload API's heap counts as all pointers); an assist is not preempted
 * mid-way (Go's gcAssistAlloc yields and retries when preempted); a dedicated worker preempted by sysmon kicks its P's run queue to the
 * global queue and goes on, as gcBgMarkWorker does, but a fractional or idle one just parks.
 *
 * No module-level mutable state: everything lives in the run's GCState (Runtime.gc).
 */
import { E, FoundBy, Loc, GCPhase, GCTrigger, GCMarkWorkerMode, STWReason } from '../log/events.js';
import { K, type GoBody, type Op } from '../workload/ops.js';
import type { Runtime } from './runtime.js';
import { G, M, P, _Gdead, _Grunnable, _Gwaiting, forcegcperiod } from './runtime2.js';
import { T, gopark, goready, newproc } from './proc.js';
import { cpuStart } from './os.js';
import { globrunqput, runqempty, runqget, injectglist } from './runq.js';
import { forEachP, startTheWorldWithSema, stopTheWorldWithSema } from './exec.js';
import { printfloat } from './print.js';
import { KernelWaitQueue, entersyscallblock, kernelWake } from './syscall.js';
import { Sema, semacquire, semrelease } from './sema.js';
import type { Chan } from './chan.js';

// ---- constants (go1.19 and go1.26 mgcpacer.go / mgc.go; the same in both releases) ----
/** gcBackgroundUtilization = 0.25 (= gcGoalUtilization). */
export const gcBackgroundUtilization = 0.25;
/** startCycle's maxUtilError = 0.3: dedicated workers are corrected when more than 30 % off the goal. */
const maxUtilError = 0.3;
/** defaultHeapMinimum = 4 << 20 (4 MB at GOGC=100; heapMinimum scales with GOGC). */
export const defaultHeapMinimum = 4 << 20;
/** triggerRatioDen / minTriggerRatioNum / maxTriggerRatioNum: the trigger lies 45/64–61/64 of the way to the goal. */
const triggerRatioDen = 64;
const minTriggerRatioNum = 45;
const maxTriggerRatioNum = 61;
/** revise's maxOvershoot = 1.1: past the (extended) goal, the assist ratio aims 10 % beyond it. */
const maxOvershoot = 1.1;
/** gcOverAssistWork = 64 << 10: an assist does at least this much extra work, so it is not called for every byte. */
const gcOverAssistWork = 64 << 10;
/** _StackMin = 2048: the stack scan work a goroutine adds (its smallest stack). */
const stackMin = 2048;
/**
 * math.MaxInt64: GOMEMLIMIT when it is not set (mgcpacer.go gcControllerState.init: `c.setMemoryLimit(
 * readGOMEMLIMIT())`, maxInt64 for "off"). With GOGC=off the memory limit's goal is the heap goal, so
 * ReadMemStats' NextGC is ≈ 8 EiB, not 0 (go1.19 gc_alloc_loop.json gogcoff next_gc_mb 8796093022188.56).
 */
const maxInt64 = 2 ** 63;
/** heapGoalInternal's minRunway = 64 << 10: during a cycle the goal is at least 64 KB past where it triggered. */
const minRunway = 64 << 10;
/** retainExtraPercent = 10 (mgcscavenge.go): the scavenger keeps the heap goal + 10 %. */
const retainExtraPercent = 10;
/** How many cycles' cons/mark ratios endCycle keeps (lastConsMark [4]float64). */
const consMarkHistory = 4;
/** gcDrain's idle check (drainCheckThreshold = 100000 units of scan work): an idle worker looks for other work this often. */
const drainCheckThreshold = 100_000;
/** A dedicated or fractional worker drains in chunks of this much work (bytes) between looks at its preemption flag. */
const drainChunk = 256 << 10;

// The GC's codes are event arguments too, so they live with the event log (log/events.ts).
export { GCPhase, GCTrigger, GCMarkWorkerMode, STWReason, stwReasonText } from '../log/events.js';

/** What runG continues when a G is inside a stop-the-world (G.gcstep). */
export const GCStep = { none: 0, sweepTermDone: 1, markTermDone: 2, readMemStatsDone: 3, markDone: 4, markTermRelease: 5 } as const;

/** Per-run GC knobs (RunOptions.gc). */
export interface GCOptions {
  /** GOGC: percent; a negative value (GOGC=off) disables the heap goal. Default 100. */
  gogc?: number;
  /** GOMEMLIMIT in bytes (Infinity: none, the default). */
  memoryLimit?: number;
  /**
   * The live-heap estimate of a program that cannot mark its own heap (not a LiveHeapSource: the
   * workload API): the fraction of the heap at a cycle's start that its mark finds live (an
   * assumption, not a measurement). Default 0.5. The Go frontend's programs are marked instead.
   */
  survival?: number;
  /** Bytes of globals to scan (gcController.globalsScan). Default 0. */
  globals?: number;
}

/**
 * GOGC and GOMEMLIMIT as the environment gives them (readGOGC, readGOMEMLIMIT): GOGC=off or a
 * percent; GOMEMLIMIT=off or bytes with an optional B, KiB, MiB, GiB or TiB suffix. Junk is ignored
 * (Go falls back to the defaults).
 */
export function gcOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): GCOptions {
  const o: GCOptions = {};
  const g = env.GOGC;
  if (g === 'off') o.gogc = -1;
  else if (g !== undefined && /^\d+$/.test(g)) o.gogc = Number(g);
  const l = env.GOMEMLIMIT;
  const m = l === undefined ? null : /^(\d+)(B|KiB|MiB|GiB|TiB)?$/.exec(l);
  if (m) o.memoryLimit = Number(m[1]) * { B: 1, KiB: 1024, MiB: 1 << 20, GiB: 1 << 30, TiB: 2 ** 40 }[(m[2] ?? 'B') as 'B'];
  return o;
}

/**
 * runtime.MemStats as the model knows it. The heap: HeapSys is what the process keeps mapped
 * (heapRetained), HeapInuse the live heap (no span fragmentation), HeapIdle the difference, HeapReleased
 * 0 (what the scavenger returns leaves HeapSys). The runtime's non-heap memory is one figure
 * (nonHeapMemory: fixed + per arena), reported as GCSys; StackSys, MSpanSys, MCacheSys, BuckHashSys and
 * OtherSys are 0, so Sys = HeapSys + GCSys as Go's sum of the *Sys fields is.
 */
export interface MemStatsSnapshot {
  Alloc: number;
  TotalAlloc: number;
  Sys: number;
  Lookups: number;
  Mallocs: number;
  Frees: number;
  HeapAlloc: number;
  HeapSys: number;
  HeapIdle: number;
  HeapInuse: number;
  HeapReleased: number;
  HeapObjects: number;
  StackInuse: number;
  StackSys: number;
  MSpanInuse: number;
  MSpanSys: number;
  MCacheInuse: number;
  MCacheSys: number;
  BuckHashSys: number;
  GCSys: number;
  OtherSys: number;
  NextGC: number;
  LastGC: number;
  PauseTotalNs: number;
  PauseNs: number[];
  PauseEnd: number[];
  NumGC: number;
  NumForcedGC: number;
  GCCPUFraction: number;
}

/** One finished cycle (what gctrace prints; kept for views and tests). */
export interface GCCycleRecord {
  n: number;
  forced: boolean;
  trigger: number;
  tSweepTerm: number;
  tMark: number;
  tMarkTerm: number;
  tEnd: number;
  heap0: number;
  heap1: number;
  heap2: number;
  goal: number;
  stacks: number;
  globals: number;
  procs: number;
  assistTime: number;
  bgMarkTime: number;
  idleMarkTime: number;
  sweepTermCpu: number;
  markTermCpu: number;
  /** memstats.gc_cpu_fraction after the cycle, as a fraction. */
  cpuFraction: number;
}

/**
 * A program that can tell the bytes reachable from its roots (the Go frontend's main body: its
 * package variables and its goroutines' frames, golang/rt/gcmark.ts): `liveHeap` walks from them
 * through the goroutines' bodies given (each G's, dead ones left out) and returns the bytes, or a
 * negative number when it cannot (the survival estimate is used then).
 */
export interface LiveHeapSource {
  liveHeap(bodies: readonly unknown[]): number;
  /** The part of the last liveHeap's bytes in pointer-holding objects (the mark's scan work), or negative when unknown. */
  liveHeapScan?(): number;
  /**
   * The finalizers the last liveHeap found due (mfinal.go queuefinalizer: objects with finalizers
   * it did not reach; the Go frontend's rt/mfinal.ts) as one batch for the finalizer goroutine to
   * run (a generator function: it calls the program's finalizers), or null when there are none.
   */
  fingwake?(): FinalizerBatch | null;
}

/** A batch of the program's finalizers, run by the finalizer goroutine (runfinq). */
export type FinalizerBatch = () => Generator<Op, void, unknown>;

/** The run's GC state: gcController, work and the memstats the model needs. */
export class GCState {
  gcPercent: number;
  memoryLimit: number;
  survival: number;
  globalsScan: number;
  heapMinimum = defaultHeapMinimum;

  // gcController
  /** Bytes of heap in use: marked at the last cycle plus allocated since (heapLive). */
  heapLive = 0;
  heapMarked = 0;
  /** The goal commit computed: GOGC's (gcPercentHeapGoal) or the memory limit's when smaller. */
  heapGoal = 0;
  /** gcPercentHeapGoal: GOGC's goal at the last commit (Infinity with GOGC=off). */
  gcPercentHeapGoal = Infinity;
  trigger = 0;
  /** Where the cycle in progress triggered (c.triggered; Infinity, Go's ^uint64(0), between cycles). */
  triggered = Infinity;
  lastHeapScan = 0;
  lastStackScan = 0;
  consMark = 0;
  /** go1.21+: the last 4 cycles' measured cons/mark ratios (lastConsMark [4]float64). */
  lastConsMark: number[] = new Array<number>(consMarkHistory).fill(0);
  /** go1.19: consMarkController (gcControllerState.init: kp 0.9, ti 4.0, tt 1000, min −1000, max 1000). */
  consMarkController = new PIController(0.9, 4.0, 1000, -1000, 1000);
  dedicatedMarkWorkersNeeded = 0;
  /** Dedicated workers running now (the quota the invariant checks against). */
  dedicatedRunning = 0;
  dedicatedQuota = 0;
  fractionalUtilizationGoal = 0;
  maxIdleMarkWorkers = 0;
  idleMarkWorkers = 0;
  markStartTime = 0;
  assistTime = 0;
  dedicatedMarkTime = 0;
  fractionalMarkTime = 0;
  idleMarkTime = 0;
  /** The live-heap estimate of the cycle in progress (the part of heap0 its mark finds live). */
  markLive = 0;
  /**
   * The part of markLive in pointer-holding objects: the mark's scan work (a noscan object — a
   * []byte — is marked without being read). A program without its own mark counts all of it.
   */
  markScan = 0;
  /**
   * gcController.heapScan during a mark phase: heap0's scannable share (markScan / markLive of it)
   * plus what has been allocated since that is not a byte buffer (the allocations the model knows to
   * be noscan: mallocgc's `buffers`).
   */
  heapScan = 0;
  /** The previous cycle's estimate (what can no longer die without new allocation). */
  lastLive = 0;
  /** The program's own mark (the Go frontend's), when it has one: the live heap at a cycle's start. */
  liveSource: LiveHeapSource | null = null;
  /** Scan work (bytes) the cycle still has to do, and what workers hold reserved in their current chunk. */
  scanWorkRemaining = 0;
  scanWorkTotal = 0;
  /** The cycle's fixed root and termination work (gcMarkBase as scan work at the mark's rate), part of scanWorkTotal. */
  baseScanWork = 0;
  scanWorkDone = 0;
  inflight = 0;
  bgScanCredit = 0;

  // work
  phase: number = GCPhase.off;
  blackenEnabled = false;
  /** work.cycles: cycles started. */
  cycles = 0;
  userForced = false;
  triggerKind = 0;
  markDoneStarted = false;
  /**
   * worldsema (proc.go: whoever stops the world holds it): gcMarkDone takes it for mark termination and
   * keeps it until that is done with the world running again (its mcache flush and gctrace line:
   * GCStep.markTermRelease); ReadMemStats and a GOMAXPROCS change take it around their stop-the-world,
   * so one that comes in that window waits (semacquire, its op run again when woken).
   */
  worldsema = new Sema(1);
  tSweepTerm = 0;
  tMark = 0;
  tMarkTerm = 0;
  heap0 = 0;
  heap1 = 0;
  stwprocs = 0;
  maxprocs = 0;
  totaltime = 0;
  /** sched.totaltime + procresize bookkeeping: GOMAXPROCS × elapsed up to procresizetime. */
  schedTotaltime = 0;
  procresizetime = 0;
  procresizeProcs = 0;

  // memstats
  numgc = 0;
  numforcedgc = 0;
  lastgc = 0;
  pauseTotalNs = 0;
  pauseNs: number[] = new Array<number>(256).fill(0);
  /** When each of the last 256 cycles' pauses ended (MemStats.PauseEnd; simulated ns). */
  pauseEnd: number[] = new Array<number>(256).fill(0);
  totalAlloc = 0;
  gcCpuFraction = 0;
  /** The heap the process holds from the OS (high-water mark, minus what the scavenger returned). */
  heapRetained = 0;

  // counted events
  forcegcRuns = 0;
  scavengeRuns = 0;
  scavengedBytes = 0;
  readMemStatsCalls = 0;

  /** work.startSema (gcinit: 1, free) and the G that holds it: the transition out of _GCoff (gcStart). */
  startSema = new Sema(1);
  startSemaOwner: G | null = null;
  /**
   * gcsema (mgc.go: "Holding gcsema grants the M the right to participate in a GC cycle", gcinit: 1):
   * gcStart takes it once it holds work.startSema and the trigger still holds; the cycle keeps it
   * until gcMarkTermination is done after the world started again — its forEachP and the gctrace
   * line — so a gcStart in between waits for it while holding startSema. gcsemaHeld: a cycle holds it
   * (whichever G ends the cycle releases it); gcsemaStarter: the G inside gcStart that took it, until
   * its cycle starts, so that its retries (go1.19's worker start) do not take it again — not beyond:
   * a runtime.GC() caller that started the last cycle and calls it again must wait for that cycle's
   * mark termination like anyone else.
   */
  gcsema = new Sema(1);
  gcsemaHeld = false;
  gcsemaStarter: G | null = null;
  /** The gcBgMarkWorker goroutines parked in the pool (gcBgMarkWorkerPool). */
  workerPool: G[] = [];
  nworkers = 0;
  /** work.assistQueue: goroutines parked in gcParkAssist until background credit pays their debt. */
  assistQueue: G[] = [];
  /** Goroutines in runtime.GC waiting for the cycle to end (gcWaitOnMark). */
  markWaiters: G[] = [];
  /** The forcegchelper goroutine and whether it is parked (forcegc.idle). */
  forcegcG: G | null = null;
  forcegcIdle = false;
  /** The bgsweep goroutine (readied into the terminating P's runnext by gcSweep after each cycle). */
  sweepG: G | null = null;
  /** sweep.parked: bgsweep is parked in "GC sweep wait" (gcSweep readies it only then). */
  sweepParked = false;
  /** The scavenger goroutine (bgscavenge) and scavenger.parked: finishsweep_m wakes it when parked. */
  scavengerG: G | null = null;
  scavengerParked = false;
  /** Times finishsweep_m woke the scavenger (counted events: views and tests). */
  scavengerWakes = 0;

  // The sweep (mgcsweep.go; mheap_'s pagesInUse, pagesSwept, sweepPagesPerByte, sweepHeapLiveBasis,
  // pagesSweptBasis). The model has no spans: the heap's spans are counted from its bytes (sweepSpans).
  /** Spans not swept yet this cycle (the unswept lists; sweepone takes one). */
  sweepSpansLeft = 0;
  /** Pages per span of this cycle's sweep (pagesInUse / spans at gcSweep: 1 for small objects' 8 KiB spans). */
  sweepPagesPerSpan = 1;
  /** mheap_.pagesSwept: pages swept this cycle. */
  pagesSwept = 0;
  /** mheap_.sweepPagesPerByte: the proportional sweep's pages per byte allocated (0: done or none). */
  sweepPagesPerByte = 0;
  sweepHeapLiveBasis = 0;
  pagesSweptBasis = 0;
  /** The heap's large objects (> 32 KiB, a span each): their bytes and spans, the rest being small objects' 8 KiB spans. */
  heapLargeBytes = 0;
  heapLargeSpans = 0;
  /** Spans swept this run, by whom (counted events: views and tests). */
  sweptByBg = 0;
  sweptByMutator = 0;
  /** The finalizer goroutine (createfing), and the batches queued for it (finq). */
  fing: G | null = null;
  finq: FinalizerBatch[] = [];
  /** The last cycles finished (at most 4096 kept: a long run's memory stays bounded; the log has them all). */
  history: GCCycleRecord[] = [];

  constructor(o: GCOptions = {}) {
    this.gcPercent = o.gogc ?? 100;
    this.memoryLimit = o.memoryLimit ?? Infinity;
    this.survival = o.survival ?? 0.5;
    this.globalsScan = o.globals ?? 0;
    if (!(this.survival >= 0 && this.survival <= 1)) throw new RangeError(`gc survival must be within [0, 1], got ${this.survival}`);
    if (!(this.memoryLimit > 0)) throw new RangeError(`GOMEMLIMIT must be positive, got ${this.memoryLimit}`);
    this.setHeapMinimum();
  }

  setHeapMinimum(): void {
    this.heapMinimum = this.gcPercent >= 0 ? Math.floor((defaultHeapMinimum * this.gcPercent) / 100) : defaultHeapMinimum;
  }
}

/** gcController.init + commit at start-up: the first goal and trigger. */
export function gcinit(rt: Runtime): void {
  commit(rt);
}

/**
 * gcControllerState.commit: the heap goal from GOGC and the memory limit, the runway, the trigger.
 * Go computes the trigger lazily (trigger()); the model computes it whenever its inputs change.
 */
export function commit(rt: Runtime): void {
  const c = rt.gc;
  // gcController.globalsScan: the binary's own globals (the release's) plus any the workload declares.
  const globals = c.globalsScan + rt.v.globalsBytes;
  let goal = Infinity; // gcPercentHeapGoal: ^uint64(0) with GOGC=off
  if (c.gcPercent >= 0) {
    goal = c.heapMarked + Math.floor(((c.heapMarked + c.lastStackScan + globals) * c.gcPercent) / 100);
    if (goal < c.heapMinimum) goal = c.heapMinimum;
  }
  c.gcPercentHeapGoal = goal;
  // heapGoalInternal: the memory limit's goal when it is smaller (always, with GOGC=off).
  const lim = memoryLimitHeapGoal(rt);
  if (lim < goal) goal = lim;
  c.heapGoal = goal;
  const runway = (c.consMark * (1 - gcBackgroundUtilization)) / gcBackgroundUtilization * (c.lastHeapScan + c.lastStackScan + globals);
  c.trigger = triggerFor(c, goal, runway);
  gcPaceSweeper(rt, c.trigger);
}

/** The 64 MiB heap arenas the runtime maps (mheap.go heapArenaBytes on linux/amd64). */
const heapArenaBytes = 64 << 20;

/**
 * The runtime's memory that is not heap (VersionProfile.nonHeapMemory): its fixed part and each heap
 * arena's metadata, for the arenas the heap the process keeps (heapRetained) spans. The runtime's own
 * heap (tens of KB from start-up, not in heapRetained) and its 4 MiB page chunks come first, so a
 * program heap of exactly 64 MiB already maps a second arena (go1.19.8: HeapSys 71 MB after 64 × 1 MiB).
 */
export function nonHeapMemory(rt: Runtime): number {
  const n = rt.v.nonHeapMemory;
  return n.fixed + n.perArena * (Math.floor(rt.gc.heapRetained / heapArenaBytes) + 1);
}

/**
 * gcControllerState.memoryLimitHeapGoal (go1.19 and go1.26 mgcpacer.go): the limit (math.MaxInt64 when
 * unset) minus the memory that is not heap (nonHeapMemory = mappedReady − heapFree − heapAlloc: the
 * release's, nonHeapMemory above) and minus what is mapped beyond the limit (overage: mappedReady is
 * the heap the model keeps plus that), less the release's headroom (VersionProfile.gcMemoryLimitHeadroom: a
 * percent of the goal, at least a number of bytes); never below the live heap.
 */
function memoryLimitHeapGoal(rt: Runtime): number {
  const c = rt.gc;
  const memoryLimit = c.memoryLimit === Infinity ? maxInt64 : c.memoryLimit;
  const nonHeap = nonHeapMemory(rt);
  const mappedReady = c.heapRetained + nonHeap;
  const overage = mappedReady > memoryLimit ? mappedReady - memoryLimit : 0;
  if (nonHeap + overage >= memoryLimit) return c.heapMarked;
  let goal = memoryLimit - (nonHeap + overage);
  const h = rt.v.gcMemoryLimitHeadroom;
  let headroom = Math.floor(goal / 100) * h.percent;
  if (headroom < h.bytes) headroom = h.bytes;
  if (goal < headroom || goal - headroom < headroom) goal = headroom;
  else goal -= headroom;
  if (goal < c.heapMarked) goal = c.heapMarked;
  return goal;
}

/**
 * gcControllerState.heapGoal (heapGoalInternal): GOGC's goal from the last commit, or the memory
 * limit's when smaller — computed now, as Go does at every call, so it follows the memory the process
 * maps (nonHeapMemory's arenas, the overage); otherwise at least minRunway past where the cycle in
 * progress triggered. The goal revise paces assists to, gctrace prints (lastHeapGoal, taken in
 * endCycle) and ReadMemStats reports as NextGC. (The trigger is computed at commit.)
 */
export function heapGoal(rt: Runtime): number {
  const c = rt.gc;
  let goal = c.gcPercentHeapGoal;
  const lim = memoryLimitHeapGoal(rt);
  if (lim < goal) return lim;
  if (c.triggered !== Infinity && goal < c.triggered + minRunway) goal = c.triggered + minRunway;
  return goal;
}

/** gcControllerState.trigger: the trigger from the goal and the runway, within its bounds. */
function triggerFor(c: GCState, goal: number, runway: number): number {
  if (goal === Infinity) return Infinity;
  if (c.heapMarked >= goal) return goal;
  const span = Math.floor((goal - c.heapMarked) / triggerRatioDen);
  const minTrigger = span * minTriggerRatioNum + c.heapMarked;
  let maxTrigger = span * maxTriggerRatioNum + c.heapMarked;
  if (goal > defaultHeapMinimum && goal - defaultHeapMinimum > maxTrigger) maxTrigger = goal - defaultHeapMinimum;
  if (maxTrigger < minTrigger) maxTrigger = minTrigger;
  // commit stores the runway as uint64(float64): a negative estimate converts to a huge value on
  // amd64 (CVTTSD2SQ's two's complement: uint64(-5e6) = 18446744073704551616 on go1.19.8 and
  // go1.26.8), so the trigger is the lowest allowed, not the highest.
  let t = runway <= -1 || runway > goal ? minTrigger : goal - Math.max(0, Math.trunc(runway));
  if (t < minTrigger) t = minTrigger;
  if (t > maxTrigger) t = maxTrigger;
  return t;
}

// ---- the sweep (mgcsweep.go) ----

/** pageSize = 8 KiB: the heap's page, and the span of a small size class such as gc_alloc_loop's 64-byte objects. */
const pageSize = 8192;

/**
 * gcSweep (mgc.go, world stopped, at mark termination): a new sweep generation — every span in use is
 * unswept — and bgsweep, parked in "GC sweep wait", is readied into this P's runnext (ready(sweep.g, 0,
 * true); its wakep finds no idle P while the world is stopped). The spans: small objects fill 8 KiB
 * spans (heap bytes outside large objects / 8 KiB), each large object has one (heapLargeSpans); the
 * pages are the heap's bytes / 8 KiB. After the sweep only the marked part survives: the large objects'
 * share of the heap shrinks with it (the model does not know which objects died: in proportion).
 */
function gcSweep(rt: Runtime, mp: M, gp: G, heapBefore: number, marked: number): void {
  const c = rt.gc;
  const small = Math.max(0, heapBefore - c.heapLargeBytes);
  const spans = Math.ceil(small / pageSize) + c.heapLargeSpans;
  const pages = Math.ceil(heapBefore / pageSize);
  c.sweepSpansLeft = spans;
  c.sweepPagesPerSpan = spans > 0 ? pages / spans : 1;
  c.pagesSwept = 0;
  const live = heapBefore > 0 ? Math.min(1, marked / heapBefore) : 0;
  c.heapLargeBytes = Math.floor(c.heapLargeBytes * live);
  c.heapLargeSpans = Math.round(c.heapLargeSpans * live);
  const sw = c.sweepG;
  if (sw !== null && c.sweepParked && sw.atomicstatus === _Gwaiting) {
    c.sweepParked = false;
    rt.log.ev(E.GCSweep, sw.goid, mp.id, mp.p!.id, c.numgc, spans);
    goready(rt, sw, mp.p!, gp, undefined, true);
  }
}

/** isSweepDone: no span left to sweep (the model's sweeps finish as they are taken: no sweeper in flight). */
function isSweepDone(c: GCState): boolean {
  return c.sweepSpansLeft === 0;
}

/**
 * sweepone, up to n times: take n spans off the unswept lists (fewer when fewer are left), counting
 * their pages as swept. Returns the CPU the sweeper spends on them (cost.sweepSpanNs each; the caller
 * runs it: bgsweep's Work op, an allocation's, gcStart's).
 */
function sweepone(rt: Runtime, n: number, bg: boolean): number {
  const c = rt.gc;
  const k = Math.min(n, c.sweepSpansLeft);
  if (k <= 0) return 0;
  c.sweepSpansLeft -= k;
  c.pagesSwept += k * c.sweepPagesPerSpan;
  if (bg) c.sweptByBg += k;
  else c.sweptByMutator += k;
  if (c.sweepSpansLeft === 0) c.sweepPagesPerByte = 0;
  return k * rt.cost.sweepSpanNs;
}

/**
 * gcPaceSweeper (mgcsweep.go, from gcControllerCommit): the proportional sweep must sweep every page
 * in use by the time the heap reaches the trigger, less 1 MB of margin: sweepPagesPerByte = pages
 * still to sweep / (trigger − heapLive − 1 MB), at least one page's distance.
 */
function gcPaceSweeper(rt: Runtime, trigger: number): void {
  const c = rt.gc;
  if (isSweepDone(c)) {
    c.sweepPagesPerByte = 0;
    return;
  }
  const heapLiveBasis = c.heapLive;
  let heapDistance = (trigger === Infinity ? maxInt64 : trigger) - heapLiveBasis - (1 << 20);
  if (heapDistance < pageSize) heapDistance = pageSize;
  const sweepDistancePages = c.sweepSpansLeft * c.sweepPagesPerSpan;
  if (sweepDistancePages <= 0) {
    c.sweepPagesPerByte = 0;
    return;
  }
  c.sweepPagesPerByte = sweepDistancePages / heapDistance;
  c.sweepHeapLiveBasis = heapLiveBasis;
  c.pagesSweptBasis = c.pagesSwept;
}

/**
 * deductSweepCredit (mgcsweep.go; mcentral.cacheSpan for a span of small objects, mcache.allocLarge
 * for a large one, `callerSweepPages` its pages): before an allocation of `bytes` the allocating
 * goroutine sweeps until the pages swept since the pacing keep up with sweepPagesPerByte × the heap
 * grown since (its own new bytes included). Returns the CPU it spends.
 */
function deductSweepCredit(rt: Runtime, bytes: number, callerSweepPages: number): number {
  const c = rt.gc;
  if (c.sweepPagesPerByte === 0) return 0;
  const newHeapLive = bytes + Math.max(0, c.heapLive - c.sweepHeapLiveBasis);
  const pagesTarget = Math.floor(c.sweepPagesPerByte * newHeapLive) - callerSweepPages;
  const owed = pagesTarget - (c.pagesSwept - c.pagesSweptBasis);
  if (owed <= 0) return 0;
  return sweepone(rt, Math.ceil(owed / c.sweepPagesPerSpan), false);
}

/**
 * scavengerState.wake (mgcscavenge.go; go1.19 and go1.26): when the scavenger is parked, injectglist it
 * — the global run queue, not the current P's runnext, "to prevent the scavenger from interfering with
 * user goroutine scheduling too much".
 */
function scavengerWake(rt: Runtime): void {
  const c = rt.gc;
  const g = c.scavengerG;
  if (g === null || !c.scavengerParked || g.atomicstatus !== _Gwaiting) return;
  c.scavengerParked = false;
  c.scavengerWakes++;
  injectglist(rt, [g], null);
}

/**
 * bgscavenge (mgcscavenge.go), the background scavenger's body (runtime.main starts it, gcenable): it
 * parks in "GC scavenge wait"; woken (finishsweep_m), it runs scavenger.run, which returns at once when
 * the heap it keeps is within its goal (heapRetained ≤ gcPercentGoal: no work), and parks again
 * (`if released == 0 { s.park() }`). Its check costs a runtime call (cost.runtimeCall; not measured on
 * its own). The memory it returns is counted at mark termination (scavenge), not on this goroutine.
 */
export function* bgscavenge(rt: Runtime, started: Chan<number>): Generator<Op, void, unknown> {
  const c = rt.gc;
  c.scavengerParked = true;
  yield { k: K.Send, ch: started, v: 1 };
  for (;;) {
    yield { k: K.Park, reason: 'GC scavenge wait' };
    yield { k: K.Work, ns: rt.cost.runtimeCall, every: 0 };
    c.scavengerParked = true;
  }
}

/**
 * runtime.GC()'s sweep after its cycle's mark termination (go1.19 and go1.26 mgc.go GC: "Finish sweep
 * N+1 before returning"): `for work.cycles.Load() == n+1 && sweepone() != ^uintptr(0) { Gosched() }` —
 * one span on gp's CPU, then a Gosched, while cycle n is the last started and spans are left (bgsweep,
 * readied with it, takes its batches in between). Then `!isSweepDone()` (no sweeper in flight in the
 * model) and mProf_PostSweep: gp goes on.
 */
export function gcUserSweep(rt: Runtime, mp: M, gp: G, n: number): void {
  const c = rt.gc;
  const ns = c.cycles === n ? sweepone(rt, 1, false) : 0;
  if (ns === 0) {
    rt.contM = mp;
    rt.contDelay = rt.cost.runtimeCall + mp.debt;
    mp.debt = 0;
    return;
  }
  gp.pendingOp = { k: K.GCSweepWait, n, yield: true };
  gp.workNs = ns + mp.debt;
  mp.debt = 0;
  gp.workEvery = 0;
  gp.workEnd = cpuStart(rt, mp, gp.workNs, T.Run);
}

/**
 * bgsweep (mgcsweep.go), the background sweeper's body (runtime.main starts it, gcenable): it parks in
 * "GC sweep wait" and, readied by gcSweep, sweeps span after span — go1.19 with a Gosched after each,
 * since 1.21 in batches of sweepBatchSize = 10 with goschedIfBusy after each batch (a yield only when
 * the G was asked to preempt or no P is idle: VersionProfile.bgsweepBatch) — until none is left, then
 * parks again. Its spans are taken when its batch starts (sweepone), so an allocating goroutine's
 * proportional sweep and gcStart's finishing sweep take only the others. (Not modelled: freeSomeWbufs.)
 */
export function* bgsweep(rt: Runtime, started: Chan<number>): Generator<Op, void, unknown> {
  const c = rt.gc;
  c.sweepParked = true;
  yield { k: K.Send, ch: started, v: 1 };
  yield { k: K.Park, reason: 'GC sweep wait' };
  const batch = rt.v.bgsweepBatch;
  for (;;) {
    for (;;) {
      const ns = sweepone(rt, batch, true);
      if (ns === 0) break;
      yield { k: K.Work, ns, every: 0 };
      if (batch > 1) {
        // goschedIfBusy: `if !gp.preempt && sched.npidle.Load() > 0 { return }`.
        const gp = rt.curm!.curg!;
        if (!gp.preempt && rt.sched.npidle > 0) continue;
      }
      yield { k: K.Gosched };
    }
    c.sweepParked = true;
    yield { k: K.Park, reason: 'GC sweep wait' };
  }
}

/**
 * What mallocgc's GC part answers besides a CPU cost (≥ 0): the G stopped for a cycle that starts here
 * (gcStart: the allocation is done; the caller keeps the rest of its op), or the allocation itself
 * waits — its assist parked (gp.pendingOp is GCAssistPark) or ran gcMarkDone (gp.gcstep) — and is
 * made again with `assisted` once the G goes on.
 */
export const MallocStopped = -1;
/** A small object span's bytes (_PageSize: most size classes use one-page spans; sizeclasses.go). */
const mcacheSpanBytes = 8192;
export const MallocDeferred = -2;

/**
 * mallocgc's GC part for `bytes` allocated by gp on mp (`large` of them in `spans` large objects,
 * `buffers` of those in byte buffers), in mallocgc's order: during a mark phase the G pays for the allocation
 * first (deductAssistCredit → gcAssistAlloc: the returned ns are CPU time gp spends assisting; it
 * may park in the assist queue, MallocDeferred), then heapLive grows, and reaching the trigger starts
 * a cycle (MallocStopped: gcStart stopped the world or queued gp on work.startSema). `assisted`: the
 * allocation comes back from its assist (the debt is settled).
 */
export function mallocgc(rt: Runtime, mp: M, gp: G, bytes: number, large = 0, buffers = 0, spans = 0, assisted = false): number {
  const c = rt.gc;
  let assist = 0;
  if (c.phase === GCPhase.mark && !assisted) {
    assist = gcAssistAlloc(rt, mp, gp, bytes);
    if (assist < 0) return assist;
  }
  // A large object (> 32 KiB) gets a span of its own; when its pages held freed objects before
  // (below the heap's high-water mark: mheap.allocNeedsZero) mallocgc clears them
  // (memclrNoHeapPointers; go1.19+ delayedZeroing for pointer-free ones, with the P held). Fresh
  // pages are already zero. A small object's clearing is the caller's malloc cost.
  const largeReused = large > 0 ? Math.min(large, Math.max(0, c.heapRetained - c.heapLive)) : 0;
  // Each large object is a span of its own: mheap.alloc (cost.largeSpanNs).
  let clear = largeReused * rt.cost.largeClearNsPerByte + spans * rt.cost.largeSpanNs;
  // mcentral.cacheSpan / mcache.allocLarge: the proportional sweep before the new spans are used.
  clear += deductSweepCredit(rt, bytes, Math.ceil(large / pageSize));
  c.heapLive += bytes;
  c.heapLargeBytes += large;
  c.heapLargeSpans += spans;
  c.totalAlloc += bytes;
  if (c.phase === GCPhase.mark) c.heapScan += bytes - buffers;
  // The page faults of memory the process never held before; mallocgc's own CPU (clearing a small
  // object included) is the caller's (the Go frontend's malloc cost; append's is in its append cost).
  // A large object's fresh pages are not touched by mallocgc: they fault at the first write. Go code
  // writing a slice it made is taken to do that at once (as a small object's first use does); a byte
  // buffer's first write is usually the read(2) that fills it (G.untouchedBytes, exec.ts syscallOp).
  // go1.19: a new large span clears its heap bitmap (VersionProfile.largeSpanHeapBits), at memclr
  // speed where the pages were used before, faulting fresh bitmap pages where they were not.
  const bits = rt.v.largeSpanHeapBits;
  let freshLarge = 0;
  if (c.heapLive > c.heapRetained) {
    const fresh = c.heapLive - c.heapRetained;
    freshLarge = Math.min(fresh, large - largeReused);
    const freshBuffers = Math.min(freshLarge, buffers);
    gp.untouchedBytes += freshBuffers;
    clear += (fresh - freshBuffers) * rt.cost.heapGrowNsPerByte;
    c.heapRetained = c.heapLive;
  }
  if (bits > 0 && large > 0) clear += bits * (freshLarge * rt.cost.heapBitsFaultNsPerByte + (large - freshLarge) * rt.cost.largeClearNsPerByte);
  clear += assist;
  // shouldhelpgc: a large object, or a small one whose span was full (the mcache refilled one).
  let shouldhelpgc = large > 0;
  const pp = mp.p;
  if (bytes > large && pp !== null) {
    pp.mcacheSmall += bytes - large;
    if (pp.mcacheSmall >= mcacheSpanBytes) {
      pp.mcacheSmall %= mcacheSpanBytes;
      shouldhelpgc = true;
    }
  }
  if (c.phase === GCPhase.off && shouldhelpgc && c.heapLive >= c.trigger) {
    // gcStart: "Pick up the remaining unswept/not being swept spans concurrently" — the G that starts
    // the cycle sweeps what the proportional sweep and bgsweep left (`for trigger.test() && sweepone()`).
    clear += sweepone(rt, c.sweepSpansLeft, false);
    // gcStart comes after the allocation (`if shouldhelpgc { if t.test() { gcStart(t) } }` at
    // mallocgc's end): memory the allocation clears is cleared first, and the trigger is tested then.
    if (clear > 0) {
      gp.pendingOp = { k: K.GCStartRetry, trigger: GCTrigger.heap, woken: false, then: null };
      return clear;
    }
    if (gcStart(rt, mp, gp, GCTrigger.heap)) return MallocStopped;
  }
  return clear;
}

/**
 * gcAssistAlloc: charge the allocation to gp (deductAssistCredit) and pay a debt — from the
 * background credit, then by marking (gcAssistAlloc1/gcDrainN), over-assisting by gcOverAssistWork.
 * Returns the ns of marking gp does, or MallocDeferred: the assist finished the mark's work (gp runs
 * gcMarkDone, gcstep) or could not pay its debt (no work left: gp parks in the assist queue after its
 * marking, GCAssistPark, until the workers' credit pays it or the cycle ends). Either way the
 * allocation happens after (mallocgc: the assist comes before it), so a goroutine that allocates
 * 1 MiB while the mark has nothing left to give it waits for the cycle's end: go1.26.8's gctrace
 * 4->4->4, 9->9->9 MB (gc_start_sema.json n100_p1), no allocation in between.
 */
function gcAssistAlloc(rt: Runtime, mp: M, gp: G, bytes: number): number {
  const c = rt.gc;
  gp.gcAssistBytes -= bytes;
  if (gp.gcAssistBytes >= 0) return 0;
  const perByte = assistWorkPerByte(rt);
  // Steal the background workers' credit first (gcAssistAlloc: bgScanCredit).
  const debtWork = stealBgScanCredit(c, gp, perByte);
  if (debtWork <= 0) return 0;
  // Do the work, over-assisting by gcOverAssistWork.
  const w = Math.min(debtWork + gcOverAssistWork, c.scanWorkRemaining);
  gp.gcAssistBytes = w >= debtWork ? Math.floor((w - debtWork) / perByte) : -Math.ceil((debtWork - w) / perByte);
  let ns = 0;
  if (w > 0) {
    c.scanWorkRemaining -= w;
    c.scanWorkDone += w;
    ns = Math.round(w * markNsPerByte(rt));
    c.assistTime += ns;
    rt.log.ev(E.GCAssist, gp.goid, mp.id, mp.p ? mp.p.id : -1, ns, w);
  }
  // The assist that finds the work done — it did the last of it, or there was none and no worker
  // holds any — runs gcMarkDone after it (gcAssistAlloc1: "if this is the last worker and we ran out
  // of work": a background completion point). Otherwise nobody would: no worker starts without work.
  if (c.scanWorkRemaining <= 0 && c.inflight === 0 && !c.markDoneStarted) {
    gp.gcstep = GCStep.markDone;
    rt.contM = mp;
    rt.contDelay = ns + mp.debt;
    mp.debt = 0;
    return MallocDeferred;
  }
  if (gp.gcAssistBytes >= 0) return ns;
  // "We were unable steal enough credit or perform enough work to pay off the assist debt": after
  // its marking, gcParkAssist.
  gp.pendingOp = { k: K.GCAssistPark, ns, then: null };
  return MallocDeferred;
}

/**
 * The GCAssistPark op: gcParkAssist — unless the cycle ended or the debt got paid meanwhile, gp
 * queues on work.assistQueue and parks ("GC assist wait"); then `then` (its allocation, assisted).
 * A fresh op first runs the assist's marking (`ns` of CPU) and comes back.
 */
export function gcParkAssist(rt: Runtime, mp: M, gp: G, ns: number, then: Op | null): void {
  const c = rt.gc;
  if (ns > 0) {
    // The marking is the G's CPU work (as an assist that pays its debt adds it to its Work op).
    gp.pendingOp = { k: K.GCAssistPark, ns: 0, then };
    gp.workNs = ns + mp.debt;
    mp.debt = 0;
    gp.workEvery = 0;
    gp.workEnd = cpuStart(rt, mp, gp.workNs, T.Run);
    return;
  }
  gp.pendingOp = then;
  // The cycle ended or the debt got paid meanwhile; else, rechecking for background credit now that
  // gp would queue, it takes that instead when it covers the debt.
  if (!c.blackenEnabled || gp.gcAssistBytes >= 0 || stealBgScanCredit(c, gp, assistWorkPerByte(rt)) <= 0) {
    rt.contM = mp;
    rt.contDelay = mp.debt;
    mp.debt = 0;
    return;
  }
  c.assistQueue.push(gp);
  gopark(rt, mp, gp, 'GC assist wait');
}

/**
 * gcAssistAlloc's steal of the background credit for gp's debt (gp.gcAssistBytes < 0): as much of
 * it as the debt needs; returns the scan work still owed (≤ 0: paid).
 */
function stealBgScanCredit(c: GCState, gp: G, perByte: number): number {
  const debtWork = Math.ceil(-gp.gcAssistBytes * perByte);
  if (c.bgScanCredit <= 0) return debtWork;
  const steal = Math.min(c.bgScanCredit, debtWork);
  c.bgScanCredit -= steal;
  gp.gcAssistBytes += Math.ceil(steal / perByte);
  return debtWork - steal;
}

/**
 * gcFlushBgCredit: a worker's `work` of scan work first pays the queued assists in order (each whose
 * debt it covers is readied — not into runnext, so a G cannot ride the worker's priority — a partly
 * paid one goes to the back of the queue), the rest becomes background credit.
 */
function gcFlushBgCredit(rt: Runtime, pp: P, by: G, work: number): void {
  const c = rt.gc;
  const q = c.assistQueue;
  if (q.length === 0) {
    c.bgScanCredit += work;
    return;
  }
  const perByte = assistWorkPerByte(rt);
  let scanBytes = work / perByte;
  while (q.length > 0 && scanBytes > 0) {
    const gp = q[0]!;
    if (scanBytes + gp.gcAssistBytes >= 0) {
      scanBytes += gp.gcAssistBytes;
      gp.gcAssistBytes = 0;
      q.shift();
      goready(rt, gp, pp, by, undefined, false);
    } else {
      gp.gcAssistBytes += Math.floor(scanBytes);
      scanBytes = 0;
      q.push(q.shift()!);
      break;
    }
  }
  if (scanBytes > 0) c.bgScanCredit += Math.floor(scanBytes * perByte);
}

/** gcWakeAllAssists: the cycle's mark is over; every queued assist goes on (injectglist from pp). */
function gcWakeAllAssists(rt: Runtime, pp: P | null): void {
  const c = rt.gc;
  if (c.assistQueue.length === 0) return;
  const list = c.assistQueue;
  c.assistQueue = [];
  injectglist(rt, list, pp);
}

/** The mark's CPU cost per byte of scan work under the run's release. */
function markNsPerByte(rt: Runtime): number {
  return rt.cost.gcMarkNsPerByte * rt.v.gcMarkCostFactor;
}

/**
 * gcControllerState.revise (go1.19 and go1.26 mgcpacer.go, the same rule): the assist ratio is the
 * scan work *expected* still to do over the heap distance left to the goal. The expectation is the
 * last cycle's scan work (lastHeapScan + lastStackScan + globalsScan; the model's fixed root and
 * termination work, gcMarkBase, is part of its scan work, so of both estimates). Once this cycle's
 * work exceeds it, the heap is taken to be growing: the expectation becomes the worst case (every
 * scannable byte of the heap now: heapScan, heapLive's scannable share — GCState.heapScan)
 * and the goal is pushed back in proportion (extHeapGoal), at most to (1 + GOGC/100) × goal
 * (hardGoal); past even that goal, 10 % more (maxOvershoot). So the first cycle, with no last scan
 * work, lets the mutator allocate up to twice the goal while it marks (gctrace's 3->4->4 MB), where a
 * ratio from the actual remaining work over the distance to the goal made it assist it all at once.
 */
function assistWorkPerByte(rt: Runtime): number {
  const c = rt.gc;
  const gcPercent = c.gcPercent < 0 ? 100000 : c.gcPercent;
  const live = c.heapLive;
  const work = c.scanWorkDone;
  const base = c.baseScanWork;
  let goal = heapGoal(rt);
  let expected = c.lastHeapScan + c.lastStackScan + c.globalsScan + base;
  const maxScanWork = c.heapScan + c.lastStackScan + c.globalsScan + base;
  if (work > expected) {
    let ext = Math.floor(((goal - c.triggered) / expected) * maxScanWork) + c.triggered;
    const hardGoal = Math.floor((1 + gcPercent / 100) * goal);
    if (ext > hardGoal) ext = hardGoal;
    goal = ext;
    expected = maxScanWork;
  }
  if (live > goal) {
    goal = Math.floor(goal * maxOvershoot);
    expected = maxScanWork;
  }
  const remaining = Math.max(expected - work, 1000);
  const heapRemaining = Math.max(goal - live, 1);
  return remaining / heapRemaining;
}

/**
 * gcTrigger.test: whether a cycle of this kind should start now (none while one runs).
 */
function gcTriggerTest(rt: Runtime, kind: number): boolean {
  const c = rt.gc;
  if (c.phase !== GCPhase.off) return false;
  if (kind === GCTrigger.heap) return c.heapLive >= c.trigger;
  if (kind === GCTrigger.time) return c.gcPercent >= 0 && c.lastgc !== 0 && rt.sim.now - c.lastgc > forcegcperiod;
  return true;
}

/**
 * gcStart: if the trigger holds, start a cycle from gp on mp — take work.startSema, create the mark
 * workers at the first cycle (gcBgMarkStartWorkers), stop the world for sweep termination. Returns
 * false when no cycle starts (gp goes on). The world restarts when gp's gcstep continues
 * (gcSweepTermDone), which releases work.startSema.
 *
 * work.startSema (mgc.go: "startSema protects the transition from "off" to mark or mark
 * termination", initialised to 1 in gcinit). Every G whose allocation crossed the trigger calls
 * gcStart after the allocation (mallocgc: heapLive already counts it), and all but the first wait in
 * semacquire until the starter has started the world again. Each then wakes in turn (semrelease
 * readies one waiter into the releaser's runnext), finds the trigger no longer holds (a mark phase
 * runs: gcTrigger.test is false outside _GCoff), releases the semaphore — readying the next — and
 * returns to its allocation's caller: a chain, one G per run of the releaser's P. `woken` is such a
 * G: it takes the semaphore before it tests (the test that let it into gcStart was mallocgc's).
 * On go1.19 the window is long: the starter waits in notetsleepg for each new mark worker, its P
 * handed off, and only comes back through the global run queue (gcBgMarkStartWorkerBlocking), so
 * every goroutine that runs meanwhile and allocates past the trigger queues up — urandom_read.go's
 * first cycle starts at heap0 ≈ N MiB (gctrace `914->914->910 MB, 4 MB goal` at N=1000 on go1.19.8)
 * and a goroutine's `make` lasts until the chain reaches it.
 */
export function gcStart(rt: Runtime, mp: M, gp: G, kind: number, woken = false): boolean {
  const c = rt.gc;
  if (c.startSemaOwner !== gp) {
    if (!woken && !gcTriggerTest(rt, kind)) return false;
    if (!woken && c.sweepSpansLeft > 0) {
      // "Pick up the remaining unswept/not being swept spans concurrently": before work.startSema,
      // on this G's CPU; then gcStart again (runtime.GC and forcegc here; an allocation's in mallocgc).
      const ns = sweepone(rt, c.sweepSpansLeft, false);
      const retry: Op = { k: K.GCStartRetry, trigger: kind, woken: false, then: gp.pendingOp };
      gp.pendingOp = retry;
      gp.workNs = ns + mp.debt;
      mp.debt = 0;
      gp.workEvery = 0;
      gp.workEnd = cpuStart(rt, mp, gp.workNs, T.Run);
      return true;
    }
    const resume = gp.resume;
    const retry: Op = { k: K.GCStartRetry, trigger: kind, woken: true, then: gp.pendingOp };
    if (!semacquire(rt, mp, gp, c.startSema, false, 'semacquire', retry)) return true;
    gp.resume = resume;
    c.startSemaOwner = gp;
    // "Re-check transition condition under transition lock."
    if (!gcTriggerTest(rt, kind)) {
      startSemaRelease(rt, mp, gp);
      return false;
    }
  }
  if (c.gcsemaStarter !== gp) {
    // semacquire(&gcsema): the last cycle's mark termination may still hold it (gcMarkTermination's
    // work after the world started); gp waits holding startSema, so every other G that allocates past
    // the trigger meanwhile queues on startSema, its allocation done.
    const resume = gp.resume;
    const retry: Op = { k: K.GCStartRetry, trigger: kind, woken: true, then: gp.pendingOp };
    if (!semacquire(rt, mp, gp, c.gcsema, false, 'semacquire', retry)) return true;
    gp.resume = resume;
    c.gcsemaStarter = gp;
    c.gcsemaHeld = true;
  }
  if (rt.v.gcWorkerStartSyscall && c.nworkers < rt.gomaxprocs) {
    gcBgMarkStartWorkerBlocking(rt, mp, gp, kind);
    return true;
  }
  gcBgMarkStartWorkers(rt, mp, gp);
  c.gcsemaStarter = null; // the cycle holds gcsema now, not gp's gcStart
  c.cycles++;
  c.userForced = kind === GCTrigger.cycle;
  c.triggerKind = kind;
  c.heap0 = c.heapLive;
  c.stwprocs = c.maxprocs = rt.gomaxprocs;
  c.tSweepTerm = rt.sim.now;
  c.markDoneStarted = false;
  rt.log.ev(E.GCStart, gp.goid, mp.id, mp.p!.id, c.cycles, kind);
  const wait = stopTheWorldWithSema(rt, mp, STWReason.GCSweepTerm);
  if (rt.exited) return true;
  // finishsweep_m: the sweep is done (gcStart's caller finished it), so "if the scavenger isn't already
  // awake, wake it up" (scavenger.wake: injectglist, the global run queue: no P is idle while the
  // world is stopped, so no M starts until it starts again).
  scavengerWake(rt);
  gp.gcstep = GCStep.sweepTermDone;
  // The pause: waiting for running goroutines to stop (a preemption signal), then finishsweep_m,
  // clearpools, gcResetMarkState (the caller's CPU time with the world stopped).
  rt.contM = mp;
  rt.contDelay = rt.cost.gcSweepTermPause + wait + mp.debt;
  mp.debt = 0;
  return true;
}

/**
 * go1.19's gcBgMarkStartWorkers, one worker: `go gcBgMarkWorker()`, then notetsleepg(&work.bgMarkReady)
 * — entersyscallblock: the starter's P is handed off (handoffp → startm: an idle M, or a new thread)
 * and runs the new worker from its runnext; the worker wakes the starter (notewakeup) and parks in
 * the pool. The starter's thread leaves the syscall (exitsyscall) and asks for the cycle again
 * (its pending op: gcStart's retry, runtime.GC or forcegc's start), until every P has its worker.
 */
function gcBgMarkStartWorkerBlocking(rt: Runtime, mp: M, gp: G, kind: number): void {
  const c = rt.gc;
  const ready = new KernelWaitQueue('work.bgMarkReady');
  const body = new GCBgMarkWorker(rt);
  body.ready = ready;
  const w = newproc(rt, mp.p!, gp, body, rt.rf.gcBgMarkWorker, true, true);
  w.markWorker = true;
  c.nworkers++;
  mp.debt += rt.cost.goroutineCreate;
  const retry: Op = kind === GCTrigger.cycle ? { k: K.GC } : { k: K.GCStartRetry, trigger: kind, woken: false, then: gp.pendingOp };
  gp.pendingOp = retry;
  entersyscallblock(rt, mp, gp, 0, 0, false, ready);
}

/** gcBgMarkStartWorkers: one parked gcBgMarkWorker goroutine per P (created by the cycle's starter). */
function gcBgMarkStartWorkers(rt: Runtime, mp: M, gp: G): void {
  const c = rt.gc;
  while (c.nworkers < rt.gomaxprocs) {
    // Created parked: go1.26 starts each on the starter's P (runnext) and waits on a channel, a
    // ping-pong on one P; the model skips that first run and charges the creation (goroutineCreate)
    // to the starter. go1.19's start is a blocking syscall each (gcBgMarkStartWorkerBlocking).
    const w = newproc(rt, mp.p!, gp, new GCBgMarkWorker(rt), rt.rf.gcBgMarkWorker, true, false);
    w.markWorker = true;
    w.atomicstatus = _Gwaiting;
    w.waitreason = 'GC worker (idle)';
    c.workerPool.push(w);
    c.nworkers++;
    mp.debt += rt.cost.goroutineCreate;
  }
}

/** Continue a G that is inside a stop-the-world (runG's check of G.gcstep). */
export function gcContinue(rt: Runtime, mp: M, gp: G): void {
  const step = gp.gcstep;
  gp.gcstep = GCStep.none;
  switch (step) {
    case GCStep.sweepTermDone:
      gcSweepTermDone(rt, mp, gp);
      return;
    case GCStep.markTermDone:
      gcMarkTermination(rt, mp, gp);
      return;
    case GCStep.markDone:
      gcMarkDone(rt, mp, gp);
      return;
    case GCStep.markTermRelease:
      // The end of gcMarkTermination: semrelease(&worldsema), semrelease(&gcsema) — "Careful:
      // another GC cycle may start now."
      semrelease(rt, mp, gp, rt.gc.worldsema, false);
      gcsemaRelease(rt, mp, gp);
      rt.contM = mp;
      rt.contDelay = 0;
      return;
    case GCStep.readMemStatsDone:
      startTheWorldWithSema(rt, mp, STWReason.ReadMemStats);
      semrelease(rt, mp, gp, rt.gc.worldsema, false);
      rt.gc.pauseTotalNs += 0; // ReadMemStats' pause is not a GC pause (memstats.pause_total_ns counts GC pauses)
      gp.resume = readMemStats(rt);
      rt.contM = mp;
      rt.contDelay = 0;
      return;
  }
}

/** The end of sweep termination: start the mark phase (gcController.startCycle) and the world. */
function gcSweepTermDone(rt: Runtime, mp: M, gp: G): void {
  const c = rt.gc;
  const now = rt.sim.now;
  startCycle(rt, now);
  // gcpacertrace: startCycle's line, printed inside the pause (one write per print argument). The
  // model adds the writes' time after the world starts (rt.contDelay below), not inside the pause.
  let printNs = 0;
  if (rt.debug.gcpacertrace > 0) {
    rt.write(2, pacerStartLine(rt));
    printNs = pacerStartWrites * rt.cost.printCost;
  }
  c.phase = GCPhase.mark;
  c.blackenEnabled = true;
  rt.log.ev(E.GCPhase, gp.goid, mp.id, mp.p!.id, GCPhase.mark, c.cycles);
  // gcStart's pause ends at startTheWorldWithSema's `now` (work.tMark): the futex wakes it makes
  // before reading the clock — sysmon's, one per P with work, on go1.26 one per P given a mark worker
  // (cost.futexWakeCall each, the caller's debt) — are inside it; wakep's after it is not.
  // (Mark termination's pause ends before its startTheWorldWithSema: gcMarkTermination.)
  const debt = mp.debt;
  const atNow = startTheWorldWithSema(rt, mp, STWReason.GCSweepTerm);
  c.tMark = now + Math.max(0, atNow - debt);
  if (rt.exited) return;
  startSemaRelease(rt, mp, gp);
  if (c.userForced && c.markWaiters.includes(gp)) {
    // runtime.GC: gcWaitOnMark parks the caller until the cycle's mark termination.
    mp.debt += printNs;
    gopark(rt, mp, gp, 'wait for GC cycle');
    return;
  }
  rt.contM = mp;
  rt.contDelay = printNs;
}

/** The write(2) calls of gcpacertrace's two lines: one per print argument (print.go gwrite), both releases. */
const pacerStartWrites = 13;
const pacerEndWrites = 22;

/**
 * gcpacertrace's line at the start of a mark (mgcpacer.go startCycle): the assist ratio revise set,
 * the scannable heap and the heap at the start and the goal in MB, the dedicated workers and the
 * fractional utilization goal.
 */
function pacerStartLine(rt: Runtime): string {
  const c = rt.gc;
  const mb = (n: number): string => String(Math.floor(n / (1 << 20)));
  return `pacer: assist ratio=${printfloat(assistWorkPerByte(rt), rt.v.printFloatShortest)} (scan ${mb(c.heapScan)} MB in ${mb(c.heap0)}->${mb(heapGoal(rt))} MB) workers=${c.dedicatedMarkWorkersNeeded}+${printfloat(c.fractionalUtilizationGoal, rt.v.printFloatShortest)}\n`;
}

/** semrelease(&gcsema) at the end of a cycle (by whichever G ran its mark termination). */
function gcsemaRelease(rt: Runtime, mp: M, gp: G): void {
  const c = rt.gc;
  if (!c.gcsemaHeld) return;
  c.gcsemaHeld = false;
  semrelease(rt, mp, gp, c.gcsema, false);
}

/** semrelease(&work.startSema): the first G waiting in gcStart is readied into mp's P's runnext. */
function startSemaRelease(rt: Runtime, mp: M, gp: G): void {
  const c = rt.gc;
  if (c.startSemaOwner !== gp) return;
  c.startSemaOwner = null;
  semrelease(rt, mp, gp, c.startSema, false);
}

/** gcControllerState.startCycle: the scan work expected, worker quotas, assist ratio. */
function startCycle(rt: Runtime, now: number): void {
  const c = rt.gc;
  const procs = rt.gomaxprocs;
  c.markStartTime = now;
  // go1.19: the trigger it crossed; since 1.20 the heap now (VersionProfile.gcTriggeredAtHeapLive).
  c.triggered = rt.v.gcTriggeredAtHeapLive ? c.heap0 : c.trigger;
  c.assistTime = c.dedicatedMarkTime = c.fractionalMarkTime = c.idleMarkTime = 0;
  c.bgScanCredit = 0;
  c.inflight = 0;
  c.scanWorkDone = 0;
  // The live part of the heap at the start is what the mark scans (allocate-black: not what comes after).
  const stacks = rt.allgs.reduce((n, g) => n + (g.atomicstatus !== 6 ? stackMin : 0), 0);
  c.lastStackScan = stacks;
  // Plus the fixed root and termination work (gcMarkBase, as scan work at the mark's rate).
  liveAtStart(rt);
  // heapScan counts the heap as heapLive does (garbage not swept yet included): its scannable share.
  c.heapScan = c.markLive > 0 ? Math.round((c.heap0 * c.markScan) / c.markLive) : c.heap0;
  c.baseScanWork = Math.round(rt.cost.gcMarkBase / markNsPerByte(rt));
  c.scanWorkTotal = c.markScan + stacks + c.globalsScan + c.baseScanWork;
  c.scanWorkRemaining = c.scanWorkTotal;
  const totalUtilizationGoal = procs * gcBackgroundUtilization;
  let dedicated = Math.floor(totalUtilizationGoal + 0.5);
  const utilError = dedicated / totalUtilizationGoal - 1;
  if (utilError < -maxUtilError || utilError > maxUtilError) {
    if (dedicated > totalUtilizationGoal) dedicated--;
    c.fractionalUtilizationGoal = (totalUtilizationGoal - dedicated) / procs;
  } else c.fractionalUtilizationGoal = 0;
  c.dedicatedMarkWorkersNeeded = dedicated;
  c.dedicatedQuota = dedicated;
  c.dedicatedRunning = 0;
  for (const pp of rt.allp) pp.gcFractionalMarkTime = 0;
  if (c.triggerKind === GCTrigger.time) c.maxIdleMarkWorkers = dedicated > 0 ? 0 : 1;
  else c.maxIdleMarkWorkers = procs - dedicated;
  c.idleMarkWorkers = 0;
  for (const g of rt.allgs) g.gcAssistBytes = 0;
}

/**
 * The part of the heap at the cycle's start that its mark finds live: what the program's own mark
 * reaches from its roots (LiveHeapSource; the world is stopped, so every goroutine is at an op), at
 * most the heap the model holds (objects the allocation sites do not count, a map's entries, can be
 * reached). Without one, the survival estimate: survival × heap0, but never less than the previous
 * cycle's (what could die since was only what was allocated since).
 */
function liveAtStart(rt: Runtime): void {
  const c = rt.gc;
  const src = c.liveSource;
  if (src !== null) {
    const bodies: unknown[] = [];
    for (const g of rt.allgs) if (g.atomicstatus !== _Gdead && g.body !== null) bodies.push(g.body);
    const live = src.liveHeap(bodies);
    if (live >= 0) {
      c.markLive = Math.min(live, c.heap0);
      const scan = src.liveHeapScan !== undefined ? src.liveHeapScan() : -1;
      c.markScan = scan >= 0 && live > 0 ? Math.round((c.markLive * Math.min(scan, live)) / live) : c.markLive;
      return;
    }
  }
  c.markLive = Math.max(Math.floor(c.heap0 * c.survival), Math.min(c.lastLive, c.heap0));
  c.markScan = c.markLive;
}

/**
 * gcMarkWorkAvailable: mark work is left for a worker to take (Go also looks at the P's own gcWork
 * buffer, which the model does not keep: its work is one global pool, scanWorkRemaining).
 */
export function gcMarkWorkAvailable(rt: Runtime): boolean {
  return rt.gc.scanWorkRemaining > 0;
}

/**
 * assignWaitingGCWorker: reserve a mark worker for pp (pp.nextGCMarkWorker, its mode set) if the mark
 * phase wants one there — a dedicated slot is free, or the P's fractional time is under its goal.
 * go1.26's procresize calls it for idle Ps when the world starts (VersionProfile.procresizeAssignsGCWorkers);
 * otherwise findRunnableGCWorker does, for its own P.
 */
export function assignWaitingGCWorker(rt: Runtime, pp: P, now: number): boolean {
  const c = rt.gc;
  if (c.workerPool.length === 0 || c.scanWorkRemaining <= 0) return false;
  let mode: number;
  if (c.dedicatedMarkWorkersNeeded > 0) {
    c.dedicatedMarkWorkersNeeded--;
    c.dedicatedRunning++;
    mode = GCMarkWorkerMode.dedicated;
  } else {
    if (c.fractionalUtilizationGoal === 0) return false;
    const delta = now - c.markStartTime;
    if (delta > 0 && pp.gcFractionalMarkTime / delta > c.fractionalUtilizationGoal) return false;
    mode = GCMarkWorkerMode.fractional;
  }
  pp.gcMarkWorkerMode = mode;
  pp.nextGCMarkWorker = c.workerPool.pop()!;
  return true;
}

/**
 * findRunnableGCWorker: the P's mark worker for this schedule round — the one procresize reserved for
 * it, or one assignWaitingGCWorker reserves now. Called at the top of findRunnable.
 */
export function findRunnableGCWorker(rt: Runtime, mp: M, pp: P, now: number): G | null {
  if (pp.nextGCMarkWorker === null && !assignWaitingGCWorker(rt, pp, now)) return null;
  const gp = pp.nextGCMarkWorker!;
  pp.nextGCMarkWorker = null;
  return runWorker(rt, mp, pp, gp, pp.gcMarkWorkerMode);
}

/**
 * releaseNextGCMarkWorker: a P that stops (releasep, a P procresize destroys) or is still holding a
 * never-run worker when the mark ends (gcMarkDone) gives it back to the pool and its slot to the
 * others (Go: markWorkerStop(mode, 0); Go's schedule also releases it when findRunnable picks
 * something else, which the model's findRunnable, taking the reserved worker first, never does).
 */
export function releaseNextGCMarkWorker(rt: Runtime, pp: P): void {
  const gp = pp.nextGCMarkWorker;
  if (gp === null) return;
  const c = rt.gc;
  if (pp.gcMarkWorkerMode === GCMarkWorkerMode.dedicated) {
    c.dedicatedMarkWorkersNeeded++;
    c.dedicatedRunning--;
  }
  pp.gcMarkWorkerMode = GCMarkWorkerMode.notWorker;
  pp.nextGCMarkWorker = null;
  c.workerPool.push(gp);
}

/** findRunnable's last resort before giving up the P: an idle mark worker (gcMarkWorkAvailable + addIdleMarkWorker). */
export function findRunnableIdleGCWorker(rt: Runtime, mp: M, pp: P): G | null {
  const c = rt.gc;
  if (c.workerPool.length === 0 || c.scanWorkRemaining <= 0) return null;
  if (c.idleMarkWorkers >= c.maxIdleMarkWorkers) return null;
  c.idleMarkWorkers++;
  return runWorker(rt, mp, pp, c.workerPool.pop()!, GCMarkWorkerMode.idle);
}

/** The worker gp runs on pp in `mode` (findRunnable returns it). */
function runWorker(rt: Runtime, mp: M, pp: P, gp: G, mode: number): G {
  pp.gcMarkWorkerMode = mode;
  gp.atomicstatus = _Grunnable;
  rt.inheritTime = true;
  rt.log.ev(E.GCWorker, gp.goid, mp.id, pp.id, mode, rt.gc.cycles);
  rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.None, 0);
  rt.log.ev(E.Found, gp.goid, mp.id, pp.id, FoundBy.GCWorker, mode);
  return gp;
}

/** A worker leaves the mark loop (gcBgMarkWorker's markWorkerStop): its slot is free again. */
function markWorkerStop(rt: Runtime, pp: P, gp: G): void {
  const c = rt.gc;
  const mode = pp.gcMarkWorkerMode;
  if (mode === GCMarkWorkerMode.dedicated) {
    c.dedicatedMarkWorkersNeeded++;
    c.dedicatedRunning--;
  } else if (mode === GCMarkWorkerMode.idle) c.idleMarkWorkers--;
  pp.gcMarkWorkerMode = GCMarkWorkerMode.notWorker;
  rt.log.ev(E.GCWorker, gp.goid, pp.m ? pp.m.id : -1, pp.id, GCMarkWorkerMode.notWorker, c.cycles);
}

/** markWorkerStop's accounting: a worker's drain of `ns` (wall time) charged to its mode. */
function chargeMarkTime(c: GCState, pp: P, mode: number, wall: number): void {
  const ns = Math.round(wall);
  if (mode === GCMarkWorkerMode.dedicated) c.dedicatedMarkTime += ns;
  else if (mode === GCMarkWorkerMode.fractional) {
    c.fractionalMarkTime += ns;
    pp.gcFractionalMarkTime += ns;
  } else c.idleMarkTime += ns;
}

/**
 * gcBgMarkWorker: a goroutine body that parks in the worker pool, and when findRunnable picks it
 * drains mark work in chunks (Work ops of gcMarkNsPerByte per byte) as its mode allows; the one that
 * finishes the work runs gcMarkDone (an op: the stop-the-world happens on its M).
 */
class GCBgMarkWorker implements GoBody {
  private readonly rt: Runtime;
  /** go1.19: the starter waits in notetsleepg on this until the worker first runs (gcBgMarkStartWorkerBlocking). */
  ready: KernelWaitQueue | null = null;
  /**
   * The chunk in flight: its work (bytes), CPU ns and start. Go times a worker's drain with nanotime
   * (gcBgMarkWorker: duration := now - startTime, then markWorkerStop and p.gcFractionalMarkTime), so
   * its mark time is wall time: a worker whose thread shares a core with others (os.ts) counts the
   * time it waited for the core too — gctrace's background/idle ms and GCCPUFraction grow with it.
   */
  private chunkWork = 0;
  private chunkNs = 0;
  private chunkStart = 0;
  private running = false;
  constructor(rt: Runtime) {
    this.rt = rt;
  }
  next(): IteratorResult<Op, unknown> {
    const rt = this.rt;
    const c = rt.gc;
    const mp = rt.curm!;
    const gp = mp.curg!;
    const pp = mp.p!;
    const mode = pp.gcMarkWorkerMode;
    if (this.chunkNs > 0) {
      // The chunk ran: charge its wall time to the mode, its work to the background credit.
      c.inflight--;
      c.scanWorkDone += this.chunkWork;
      gcFlushBgCredit(rt, pp, gp, this.chunkWork);
      chargeMarkTime(c, pp, mode, rt.sim.now - this.chunkStart);
      this.chunkNs = this.chunkWork = 0;
    }
    if (this.ready !== null) {
      // notewakeup(&work.bgMarkReady): the starter's thread returns from its syscall.
      const wq = this.ready;
      this.ready = null;
      if (kernelWake(rt, wq, false, rt.latency(rt.cost.futexWake)) > 0) mp.debt += rt.cost.futexWakeCall;
    }
    if (!this.running) {
      this.running = true;
      if (mode === GCMarkWorkerMode.notWorker) return this.park(rt, pp, gp);
    }
    let stop = c.phase !== GCPhase.mark || c.scanWorkRemaining <= 0 || mode === GCMarkWorkerMode.notWorker;
    if (!stop && gp.preempt) {
      gp.preempt = false;
      if (mode === GCMarkWorkerMode.dedicated) {
        // Preempted: kick everything out of the P's run queue so it can run elsewhere, then drain on.
        const q: G[] = [];
        for (let g = runqget(rt, pp); g !== null; g = runqget(rt, pp)) q.push(g);
        for (const g of q) globrunqput(rt, g);
      } else stop = true;
    }
    if (!stop && mode === GCMarkWorkerMode.fractional) {
      const delta = rt.sim.now - c.markStartTime;
      if (delta > 0 && pp.gcFractionalMarkTime / delta > 1.2 * c.fractionalUtilizationGoal) stop = true;
    }
    if (!stop && mode === GCMarkWorkerMode.idle && (!runqempty(pp) || rt.sched.runq.size > 0)) stop = true;
    if (stop) {
      if (c.phase === GCPhase.mark && c.scanWorkRemaining <= 0 && c.inflight === 0 && !c.markDoneStarted) {
        markWorkerStop(rt, pp, gp);
        this.running = false;
        return { done: false, value: { k: K.GCMarkDone } };
      }
      return this.park(rt, pp, gp);
    }
    const limit = mode === GCMarkWorkerMode.idle ? drainCheckThreshold : drainChunk;
    const w = Math.min(c.scanWorkRemaining, limit);
    c.scanWorkRemaining -= w;
    c.inflight++;
    this.chunkWork = w;
    this.chunkNs = Math.max(1, Math.round(w * markNsPerByte(rt)));
    this.chunkStart = rt.sim.now;
    return { done: false, value: { k: K.Work, ns: this.chunkNs, every: 0 } };
  }
  /**
   * A stop-the-world stopped the worker inside a chunk (`left` ns of it not run): charge the part that
   * ran, give the rest of its work back, and park it (gcDrain returns on preemption).
   */
  abandon(pp: P, gp: G, left: number): void {
    const rt = this.rt;
    const c = rt.gc;
    if (this.chunkNs > 0) {
      const ran = Math.max(0, this.chunkNs - left);
      const done = Math.floor((this.chunkWork * ran) / this.chunkNs);
      c.inflight--;
      c.scanWorkRemaining += this.chunkWork - done;
      c.scanWorkDone += done;
      gcFlushBgCredit(rt, pp, gp, done);
      chargeMarkTime(c, pp, pp.gcMarkWorkerMode, rt.sim.now - this.chunkStart);
      this.chunkNs = this.chunkWork = 0;
    }
    if (pp.gcMarkWorkerMode !== GCMarkWorkerMode.notWorker) markWorkerStop(rt, pp, gp);
    this.running = false;
    gp.atomicstatus = _Gwaiting;
    gp.waitreason = 'GC worker (idle)';
    c.workerPool.push(gp);
  }
  private park(rt: Runtime, pp: P, gp: G): IteratorResult<Op, unknown> {
    if (pp.gcMarkWorkerMode !== GCMarkWorkerMode.notWorker) markWorkerStop(rt, pp, gp);
    this.running = false;
    rt.gc.workerPool.push(gp);
    return { done: false, value: { k: K.Park, reason: 'GC worker (idle)' } };
  }
  return(): IteratorResult<Op, unknown> {
    return { done: true, value: undefined };
  }
  throw(e: unknown): IteratorResult<Op, unknown> {
    throw e;
  }
}

/** A stop-the-world stops a running mark worker on pp (exec.ts stopTheWorldWithSema): it parks in the pool. */
export function gcStopWorker(rt: Runtime, pp: P, gp: G): void {
  const left = gp.pendingOp !== null && gp.pendingOp.k === K.Work ? gp.pendingOp.ns : 0;
  gp.pendingOp = null;
  const body = gp.body;
  if (body instanceof GCBgMarkWorker) body.abandon(pp, gp, left);
  if (rt.log.active) {
    const rid = rt.log.str('GC worker (idle)');
    rt.log.ev(E.Park, gp.goid, -1, pp.id, 0, rid);
    rt.log.ev(E.GLoc, gp.goid, -1, pp.id, Loc.Waiting, rid);
  }
}

/**
 * gcMarkDone: no work left. Stop the world for mark termination (the G continues in gcMarkTermination).
 * Go first passes a ragged barrier (forEachP: every P flushes its write-barrier buffer and gcWork, and
 * the barrier restarts while that finds work — go1.26.8 traces of gc_alloc_loop at GOMAXPROCS=2 show
 * ≈3 rounds a cycle, each preempting the mutator). The model's Ps hold no buffered mark work, so the
 * barrier is not run here: alone, its preemptions and wait only delayed mark termination (tried in
 * session 16: gc_start_sema go1.26 66 → 57 checks). gcMarkDone takes worldsema (held until
 * gcMarkTermination is done: GCStep.markTermRelease).
 */
export function gcMarkDone(rt: Runtime, mp: M, gp: G): void {
  const c = rt.gc;
  if (c.phase !== GCPhase.mark || c.markDoneStarted) {
    rt.contM = mp;
    rt.contDelay = 0;
    return;
  }
  c.markDoneStarted = true;
  // semacquire(&worldsema): free here — every other holder keeps the world stopped while it holds it.
  if (c.worldsema.count === 0) {
    rt.throw('gcMarkDone: worldsema held while the world runs');
    return;
  }
  c.worldsema.count--;
  c.blackenEnabled = false;
  // "Wake all blocked assists. These will run when we start the world again."
  gcWakeAllAssists(rt, mp.p);
  c.tMarkTerm = rt.sim.now;
  c.heap1 = c.heapLive;
  c.stwprocs = rt.gomaxprocs;
  rt.log.ev(E.GCPhase, gp.goid, mp.id, mp.p!.id, GCPhase.marktermination, c.cycles);
  const wait = stopTheWorldWithSema(rt, mp, STWReason.GCMarkTerm);
  if (rt.exited) return;
  c.phase = GCPhase.marktermination;
  // A worker reserved for a P whose M has not run it yet (go1.26 procresize) is not run now: Go's P
  // gives it back at its next schedule (findRunnable → releaseNextGCMarkWorker); the model's
  // per-cycle counters take it back here, with the world stopped.
  for (const pp of rt.allp) releaseNextGCMarkWorker(rt, pp);
  gp.gcstep = GCStep.markTermDone;
  rt.contM = mp;
  rt.contDelay = rt.cost.gcMarkTermPause + wait + mp.debt;
  mp.debt = 0;
}

/**
 * gcMarkTermination after its pause: heapMarked, the pacer's endCycle and commit, memstats, the world
 * restarts, gctrace, bgsweep and runtime.GC's waiters are readied, the scavenger checks its goal.
 */
function gcMarkTermination(rt: Runtime, mp: M, gp: G): void {
  const c = rt.gc;
  const now = rt.sim.now;
  const procs = rt.gomaxprocs;
  // The live heap: the estimate's share of the heap at the start plus everything allocated black since.
  const marked = c.markLive + Math.max(0, c.heap1 - c.heap0);
  const heapBefore = c.heapLive;
  c.lastLive = c.markLive;
  const goalBefore = heapGoal(rt); // endCycle's lastHeapGoal: what gctrace prints
  const pacerNs = endCycle(rt, now, procs, goalBefore);
  c.triggered = Infinity; // resetLive: the cycle is over
  c.heapMarked = marked;
  c.heapLive = marked;
  c.lastHeapScan = c.markScan;
  c.phase = GCPhase.off;
  c.numgc++;
  if (c.userForced) c.numforcedgc++;
  c.lastgc = now;
  const sweepTermCpu = c.stwprocs * (c.tMark - c.tSweepTerm);
  const markTermCpu = c.stwprocs * (now - c.tMarkTerm);
  const markCpu = c.assistTime + c.dedicatedMarkTime + c.fractionalMarkTime;
  c.totaltime += sweepTermCpu + markCpu + markTermCpu;
  // gcSweep, with the world stopped, before gcControllerCommit paces the sweep (gcPaceSweeper).
  gcSweep(rt, mp, gp, heapBefore, marked);
  const pause = c.tMark - c.tSweepTerm + (now - c.tMarkTerm);
  c.pauseNs[(c.numgc + 255) % 256] = pause;
  c.pauseEnd[(c.numgc + 255) % 256] = now;
  c.pauseTotalNs += pause;
  const totalCpu = c.schedTotaltime + (now - c.procresizetime) * c.procresizeProcs;
  c.gcCpuFraction = totalCpu > 0 ? c.totaltime / totalCpu : 0;
  commit(rt);
  const rec: GCCycleRecord = {
    n: c.numgc,
    forced: c.userForced,
    trigger: c.triggerKind,
    tSweepTerm: c.tSweepTerm,
    tMark: c.tMark,
    tMarkTerm: c.tMarkTerm,
    tEnd: now,
    heap0: c.heap0,
    heap1: c.heap1,
    heap2: marked,
    goal: goalBefore,
    stacks: c.lastStackScan,
    globals: c.globalsScan,
    procs: c.maxprocs,
    assistTime: c.assistTime,
    bgMarkTime: c.dedicatedMarkTime + c.fractionalMarkTime,
    idleMarkTime: c.idleMarkTime,
    sweepTermCpu,
    markTermCpu,
    cpuFraction: c.gcCpuFraction,
  };
  if (c.history.length >= 4096) c.history.splice(0, 2048);
  c.history.push(rec);
  rt.log.ev(E.GCDone, gp.goid, mp.id, mp.p!.id, c.numgc, marked);
  rt.log.ev(E.GCPhase, gp.goid, mp.id, mp.p!.id, GCPhase.off, c.cycles);
  startTheWorldWithSema(rt, mp, STWReason.GCMarkTerm);
  if (rt.exited) return;
  // With the world started, still holding worldsema and gcsema: forEachP(mcache.prepareForSweep).
  const flushWait = forEachP(rt, mp);
  if (rt.exited) return;
  // gctrace: one write(2) per print argument (VersionProfile.gctraceWrites), each printCost, on this
  // G's thread before it goes on (as sysmon pays for schedtrace's, trace.ts), printed "before
  // dropping worldsema".
  let printNs = 0;
  if (rt.debug.gctrace > 0) {
    rt.write(2, gctraceLine(rt, rec));
    printNs = (rt.v.gctraceWrites + (rec.forced ? 1 : 0)) * rt.cost.printCost;
  }
  printNs += pacerNs;
  // The sweep queued the finalizers of dead objects: the finalizer goroutine is readied (Go's
  // findRunnable does it at the next schedule: wakefing, ready into runnext).
  const batch = c.liveSource?.fingwake?.() ?? null;
  if (batch !== null) {
    c.finq.push(batch);
    const fing = c.fing;
    if (fing !== null && fing.atomicstatus === _Gwaiting && fing.waitreason === fingWaitReason) goready(rt, fing, mp.p!, gp, undefined);
  }
  // The scavenger: after the sweep, memory beyond the retained goal goes back to the OS.
  scavenge(rt, mp);
  // runtime.GC's waiters (gcWaitOnMark) go on: the one whose cycle this is sweeps it before it returns
  // (gcUserSweep); one that waited for a cycle in progress asks for its own (its op is pending).
  const waiters = c.markWaiters;
  c.markWaiters = [];
  for (const w of waiters) {
    if (w === gp || w.atomicstatus !== _Gwaiting) continue;
    if (w.pendingOp === null && c.userForced) w.pendingOp = { k: K.GCSweepWait, n: c.cycles, yield: false };
    goready(rt, w, mp.p!, gp, undefined);
  }
  // The G that ran mark termination releases gcsema after the flush and its gctrace writes, then
  // goes on (a worker parks; a user G continues its op).
  gp.gcstep = GCStep.markTermRelease;
  rt.contM = mp;
  rt.contDelay = flushWait + printNs;
}

/**
 * endCycle: this cycle's cons/mark ratio and the estimate the next runway uses (go1.19: the PI
 * controller's output; go1.21+: the largest of it and the last 4 measured). Returns the time of
 * gcpacertrace's writes, 0 without it.
 */
function endCycle(rt: Runtime, now: number, procs: number, lastHeapGoal: number): number {
  const c = rt.gc;
  const assistDuration = now - c.markStartTime;
  let utilization = gcBackgroundUtilization;
  if (assistDuration > 0) utilization += c.assistTime / (assistDuration * procs);
  if (c.heapLive <= c.triggered || c.scanWorkDone <= 0) return 0;
  const idleUtilization = assistDuration > 0 ? c.idleMarkTime / (assistDuration * procs) : 0;
  const scanWork = Math.max(c.scanWorkDone, 1);
  const current = ((c.heapLive - c.triggered) * (utilization + idleUtilization)) / (scanWork * (1 - utilization));
  const oldConsMark = c.consMark;
  if (rt.v.gcConsMarkMax4) {
    // go1.21+: the largest of this ratio and the last 4 measured (zeros before 4 cycles have run)
    let m = current;
    for (const x of c.lastConsMark) if (x > m) m = x;
    c.consMark = m;
    c.lastConsMark.copyWithin(0, 1);
    c.lastConsMark[consMarkHistory - 1] = current;
  } else {
    c.consMark = c.consMarkController.next(c.consMark, current, 1);
  }
  if (rt.debug.gcpacertrace === 0) return 0;
  rt.write(2, pacerEndLine(rt, utilization, oldConsMark, lastHeapGoal));
  return pacerEndWrites * rt.cost.printCost;
}

/**
 * gcpacertrace's line at a cycle's end (mgcpacer.go endCycle): utilization, this cycle's scan work by
 * kind against the expected, the heap where it triggered and now, and the cons/mark estimate it ran
 * with. The model's scan work is one pool: the heap's share is what is left after the stacks, the
 * globals and the fixed root work (baseScanWork).
 */
function pacerEndLine(rt: Runtime, utilization: number, oldConsMark: number, lastHeapGoal: number): string {
  const c = rt.gc;
  const globals = c.globalsScan + rt.v.globalsBytes;
  const heapWork = Math.max(0, c.scanWorkDone - c.lastStackScan - c.globalsScan - c.baseScanWork);
  const expected = c.lastHeapScan + c.lastStackScan + globals;
  return `pacer: ${Math.trunc(utilization * 100)}% CPU (${Math.trunc(gcBackgroundUtilization * 100)} exp.) for ${heapWork}+${c.lastStackScan}+${globals} B work (${expected} B exp.) in ${Math.trunc(c.triggered)} B -> ${c.heapLive} B (∆goal ${c.heapLive - lastHeapGoal}, cons/mark ${printfloat(oldConsMark, rt.v.printFloatShortest)})\n`;
}

/**
 * go1.19's piController (mgcpacer.go): a proportional-integral controller whose output is the next
 * cons/mark estimate, aiming at this cycle's measured ratio (the setpoint) from the current estimate
 * (the input); the integral term's anti-windup back-calculation is tt. On overflow it resets and
 * answers its minimum, and endCycle then resets consMark to 0 (`if !ok { c.consMark = 0 }`).
 */
export class PIController {
  errIntegral = 0;
  constructor(
    readonly kp: number,
    readonly ti: number,
    readonly tt: number,
    readonly min: number,
    readonly max: number,
  ) {}
  next(input: number, setpoint: number, period: number): number {
    const rawOutput = this.kp * (setpoint - input) + this.errIntegral;
    if (!Number.isFinite(rawOutput)) {
      this.errIntegral = 0;
      return 0;
    }
    const output = rawOutput < this.min ? this.min : rawOutput > this.max ? this.max : rawOutput;
    if (this.ti !== 0 && this.tt !== 0) {
      this.errIntegral += ((this.kp * period) / this.ti) * (setpoint - input) + (period / this.tt) * (output - rawOutput);
      if (!Number.isFinite(this.errIntegral)) {
        this.errIntegral = 0;
        return 0;
      }
    }
    return output;
  }
}

/** The scavenger's pass after a cycle: return what the process keeps beyond the heap goal + 10 %. */
function scavenge(rt: Runtime, mp: M): void {
  const c = rt.gc;
  if (c.heapGoal === Infinity) return;
  const retainedGoal = Math.floor((c.heapGoal * (100 + retainExtraPercent)) / 100);
  if (c.heapRetained <= retainedGoal) return;
  const released = c.heapRetained - Math.max(retainedGoal, c.heapLive);
  if (released <= 0) return;
  c.heapRetained -= released;
  c.scavengeRuns++;
  c.scavengedBytes += released;
  rt.log.ev(E.Scavenge, -1, mp.id, mp.p ? mp.p.id : -1, released, c.scavengeRuns);
}

/** A GOMAXPROCS change moves gc_cpu_fraction's denominator (sched.totaltime, procresizetime). */
export function gcProcresize(rt: Runtime, nprocs: number): void {
  const c = rt.gc;
  const now = rt.sim.now;
  if (c.procresizeProcs > 0) c.schedTotaltime += (now - c.procresizetime) * c.procresizeProcs;
  c.procresizetime = now;
  c.procresizeProcs = nprocs;
}

// ---- entry points from user code ----

/** runtime.GC(): wait for a cycle in progress, start a forced one and wait for its mark termination. */
export function gcUser(rt: Runtime, mp: M, gp: G, woken = false): void {
  const c = rt.gc;
  if (c.phase !== GCPhase.off) {
    // Readied by semrelease(&work.startSema) into a cycle that started meanwhile: gcStart takes the
    // semaphore, finds its trigger gone and releases it, readying the next waiter (or waits again).
    if (woken && gcStart(rt, mp, gp, GCTrigger.cycle, true)) return;
    // gcWaitOnMark(n): the cycle in progress ends first; then the G asks again (its op stays pending).
    c.markWaiters.push(gp);
    gp.pendingOp = { k: K.GC };
    gopark(rt, mp, gp, 'wait for GC cycle');
    return;
  }
  c.markWaiters.push(gp);
  if (!gcStart(rt, mp, gp, GCTrigger.cycle, woken)) {
    c.markWaiters.pop();
    rt.contM = mp;
    rt.contDelay = rt.cost.runtimeCall;
  } else if (c.phase === GCPhase.off && gp.gcstep === GCStep.none) {
    // go1.19: gcStart waits for a new mark worker first (the G is in notetsleepg); it asks again.
    c.markWaiters.pop();
  }
}

/** runtime.ReadMemStats: stop the world, copy the statistics (readmemstats_m), start it again. */
export function readMemStatsOp(rt: Runtime, mp: M, gp: G): void {
  rt.gc.readMemStatsCalls++;
  const wait = stopTheWorldWithSema(rt, mp, STWReason.ReadMemStats);
  if (rt.exited) return;
  gp.gcstep = GCStep.readMemStatsDone;
  rt.contM = mp;
  rt.contDelay = rt.cost.readMemStatsPause + wait + mp.debt;
  mp.debt = 0;
}

/** The statistics runtime.MemStats shows (readmemstats_m). */
export function readMemStats(rt: Runtime): MemStatsSnapshot {
  const c = rt.gc;
  const gcSys = nonHeapMemory(rt);
  const heapSys = Math.max(c.heapRetained, c.heapLive);
  return {
    Alloc: c.heapLive,
    TotalAlloc: c.totalAlloc,
    Sys: heapSys + gcSys,
    Lookups: 0,
    Mallocs: 0,
    Frees: 0,
    HeapAlloc: c.heapLive,
    HeapSys: heapSys,
    HeapIdle: heapSys - c.heapLive,
    HeapInuse: c.heapLive,
    HeapReleased: 0,
    HeapObjects: 0,
    StackInuse: 0,
    StackSys: 0,
    MSpanInuse: 0,
    MSpanSys: 0,
    MCacheInuse: 0,
    MCacheSys: 0,
    BuckHashSys: 0,
    GCSys: gcSys,
    OtherSys: 0,
    NextGC: heapGoal(rt),
    LastGC: c.lastgc,
    PauseTotalNs: c.pauseTotalNs,
    PauseNs: c.pauseNs.slice(),
    PauseEnd: c.pauseEnd.slice(),
    NumGC: c.numgc,
    NumForcedGC: c.numforcedgc,
    GCCPUFraction: c.gcCpuFraction,
  };
}

/** debug.SetGCPercent: the new GOGC (negative: off); returns the old one. A cycle may start at once (gcControllerCommit). */
export function setGCPercent(rt: Runtime, pct: number): number {
  const c = rt.gc;
  const old = c.gcPercent;
  c.gcPercent = pct < 0 ? -1 : pct;
  c.setHeapMinimum();
  commit(rt);
  return old;
}

/** debug.SetMemoryLimit: the new limit in bytes (negative: only query); returns the old one. */
export function setMemoryLimit(rt: Runtime, limit: number): number {
  const c = rt.gc;
  const old = c.memoryLimit === Infinity ? Number.MAX_SAFE_INTEGER : c.memoryLimit;
  if (limit >= 0) {
    c.memoryLimit = limit >= Number.MAX_SAFE_INTEGER ? Infinity : limit;
    commit(rt);
  }
  return old;
}

// ---- forcegc ----

/** forcegchelper: parks in "force gc (idle)"; sysmon readies it; it starts a time-triggered cycle. */
export function* forcegchelper(rt: Runtime): Generator<Op, void, unknown> {
  for (;;) {
    rt.gc.forcegcIdle = true;
    yield { k: K.Park, reason: 'force gc (idle)' };
    if (rt.debug.gctrace > 0) yield { k: K.Print, text: 'GC forced\n' };
    yield { k: K.GCStartTime };
  }
}

/**
 * sysmon's check (proc.go sysmon: gcTrigger{kind: gcTriggerTime}.test() && forcegc.idle): inject the
 * forcegc goroutine when a cycle ran before and none for forcegcperiod. Called from sysmon's loop.
 */
export function sysmonForceGC(rt: Runtime, now: number): void {
  const c = rt.gc;
  if (!c.forcegcIdle || c.forcegcG === null) return;
  // gcTrigger.test: false while a cycle is in progress (gcphase != _GCoff), for every kind.
  if (c.phase !== GCPhase.off) return;
  if (!(c.gcPercent >= 0 && c.lastgc !== 0 && now - c.lastgc > forcegcperiod)) return;
  c.forcegcIdle = false;
  c.forcegcRuns++;
  rt.log.ev(E.ForceGC, c.forcegcG.goid, rt.curm ? rt.curm.id : -1, -1, c.forcegcRuns, 0);
  injectglist(rt, [c.forcegcG], null);
}

// ---- gctrace ----

/** itoaDiv(buf, val, dec): val with a decimal point `dec` digits from the right. */
export function itoaDiv(val: number, dec: number): string {
  let s = String(Math.floor(val));
  if (dec <= 0) return s;
  while (s.length <= dec) s = '0' + s;
  return `${s.slice(0, s.length - dec)}.${s.slice(s.length - dec)}`;
}

/** fmtNSAsMS: ns as milliseconds, whole from 10 ms up, else two significant digits with at most three decimals. */
export function fmtNSAsMS(ns: number): string {
  if (ns >= 10e6) return itoaDiv(Math.floor(ns / 1e6), 0);
  let x = Math.floor(ns / 1e3);
  if (x === 0) return '0';
  let dec = 3;
  while (x >= 100) {
    x = Math.floor(x / 10);
    dec--;
  }
  return itoaDiv(x, dec);
}

/**
 * One GODEBUG=gctrace=1 line, as gcMarkTermination prints it (go1.19 and go1.26 mgc.go: the same
 * fields; `(forced)` only for runtime.GC()).
 */
export function gctraceLine(rt: Runtime, r: GCCycleRecord): string {
  const MB = (x: number): number => Math.floor(x / (1 << 20));
  const startNs = rt.runtimeInitTime;
  let s = `gc ${r.n} @${itoaDiv(Math.floor(Math.max(0, r.tSweepTerm - startNs) / 1e6), 3)}s ${Math.floor(r.cpuFraction * 100)}%: `;
  s += `${fmtNSAsMS(r.tMark - r.tSweepTerm)}+${fmtNSAsMS(r.tMarkTerm - r.tMark)}+${fmtNSAsMS(r.tEnd - r.tMarkTerm)} ms clock, `;
  s += `${fmtNSAsMS(r.sweepTermCpu)}+${fmtNSAsMS(r.assistTime)}/${fmtNSAsMS(r.bgMarkTime)}/${fmtNSAsMS(r.idleMarkTime)}+${fmtNSAsMS(r.markTermCpu)} ms cpu, `;
  s += `${MB(r.heap0)}->${MB(r.heap1)}->${MB(r.heap2)} MB, ${MB(r.goal)} MB goal, ${MB(r.stacks)} MB stacks, ${MB(r.globals)} MB globals, ${r.procs} P`;
  if (r.forced) s += ' (forced)';
  return s + '\n';
}

/** waitReasonFinalizerWait. */
const fingWaitReason = 'finalizer wait';

/**
 * createfing (mfinal.go): the finalizer goroutine, started once — by package os's init (its
 * NewFile's SetFinalizer) or a program's first runtime.SetFinalizer. A system goroutine (not in
 * NumGoroutine, checkdead or dumps).
 */
export function createfing(rt: Runtime, mp: M, gp: G): boolean {
  const c = rt.gc;
  if (c.fing !== null) return false;
  c.fing = newproc(rt, mp.p!, gp, runfinq(c), rt.rf.finalizer, true);
  return true;
}

/** runfinq: run the queued batches; park (waitReasonFinalizerWait) when there are none. */
function* runfinq(c: GCState): Generator<Op, void, unknown> {
  for (;;) {
    const fb = c.finq.shift();
    if (fb === undefined) {
      yield { k: K.Park, reason: fingWaitReason };
      continue;
    }
    yield* fb();
  }
}

/** The forcegc and bgsweep goroutines' bodies are started by runtime.main; this records them. */
export function registerGCGoroutines(rt: Runtime, forcegc: G | null, sweep: G | null, scavenger: G | null = null): void {
  if (forcegc !== null) rt.gc.forcegcG = forcegc;
  if (sweep !== null) rt.gc.sweepG = sweep;
  if (scavenger !== null) rt.gc.scavengerG = scavenger;
}

/** Goroutines the mark phase may still hand a P to: for the invariant checker. */
export function gcWorkersRunning(rt: Runtime): { dedicated: number; idle: number; total: number } {
  let dedicated = 0;
  let idle = 0;
  let total = 0;
  for (const pp of rt.allp) {
    const m = pp.m;
    if (m === null || m.curg === null || !m.curg.markWorker) continue;
    total++;
    if (pp.gcMarkWorkerMode === GCMarkWorkerMode.dedicated) dedicated++;
    else if (pp.gcMarkWorkerMode === GCMarkWorkerMode.idle) idle++;
  }
  return { dedicated, idle, total };
}

export type { P };
