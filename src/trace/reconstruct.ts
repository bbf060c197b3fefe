/**
 * From a real program's execution trace to a gmpsim workload: each of the program's goroutines becomes a
 * script of what it did between scheduler events, and the scripts run as goroutines under any runtime
 * profile and settings ("what if this ran at GOMAXPROCS=2? with 5× slower disks?").
 *
 * What it models, per goroutine of the program (metrics.ts userGoroutines: the runtime's and
 * runtime/trace's own goroutines are left to gmpsim's runtime, or dropped; with `keepTracing` the
 * tracer's and profiler's goroutines, the tracer's timer goroutines inside the runtime among them, are
 * replayed like the program's):
 *  - CPU bursts: the time it was Running between two events, as CPU work. A thread that runs is not
 *    always on a core: when more threads wanted a core than the traced machine had (`traceCpus`), each
 *    progressed at cores/busy, so a burst's work is ∫ min(1, cores / busy(t)) dt — the CPU it got. The
 *    threads that want a core (busy) are those running a goroutine (the runtime's too), those in a system
 *    call that computes (below), and those holding a P outside any goroutine: a P is Running from its
 *    ProcStart to its ProcStop, and a thread that holds one without running a goroutine or sleeping in a
 *    syscall is in the scheduler (findRunnable, a spinning M looking for work) — on a core. (Counting only
 *    the running goroutines gave pipeline's bursts 17.8 ms of CPU instead of 13.0: its traced run had
 *    8.9 ms of P time in the scheduler, and at GOMAXPROCS=1 the replay took 38 % longer than real Go, now
 *    8 %. At its traced 4 Ps the replay is now 19 % short: gmpsim's hand-offs between Ps cost what they
 *    cost on one, which the inflated bursts hid — whatif/misses.json.)
 *    Other processes take cores too, and the trace cannot see them; when the program also ran the CPU
 *    profiler (runtime/pprof, samples in the trace, `cpuProfileRate` per second of CPU), the samples
 *    measure the CPU it really got, and every burst is scaled by sampled CPU / ∫ min(running, cores) dt
 *    (at most 1; only with ≥ minCPUSamples samples: fewer say too little);
 *  - goroutine creation: `go` at the point where the creator created it (GoCreate), under the traced
 *    function's name; goroutines alive when the trace starts are started by the replay's main at once;
 *  - system calls: GoSyscallBegin → End (or EndBlocked) is the call's kernel time, replayed as a blocking
 *    syscall of that length (entersyscall/exitsyscall: sysmon's retake and handoffp decide as in Go).
 *    A call entered with entersyscallblock — notetsleepg: runtime/pprof's blocking profBuf read, which
 *    lasts until the trace ends — hands its P off itself: the trace shows its thread's ProcStop right
 *    after GoSyscallBegin (trace.GoSysCall, then handoffp(releasep())), and it is replayed so (mode
 *    'block'), not as a syscall sysmon must retake. (Replayed as a plain syscall, sysmon retook it after
 *    two ticks, which reset sysmon's idle count and delay to 20 µs — proc.go sysmon: retake() ≠ 0 → idle
 *    = 0 — so the next trace write of ≈190 µs was retaken too and handoffp started a 4th M at
 *    GOMAXPROCS=1, where real Go, its sysmon backed off to 10 ms, made 3.) A ProcStop of the syscall's
 *    thread inside a stop-the-world (STWBegin … STWEnd: sched.gcwaiting) is entersyscall_gcwait
 *    giving the P up to the stop, not entersyscallblock.
 *    A call on a socket of package net computes in the kernel and never sleeps there (every descriptor
 *    net makes is non-blocking; the netpoller does the waiting): it takes a core, so it is replayed as
 *    kernel CPU (`cpu`) of the CPU it got on the CPU clock, the thread counted among the busy. Its
 *    traced length also holds the time its thread waited for a core (an 8.1 ms loopback read, a 537 µs
 *    connect while the other took 28 µs: 4 Ps on 2 cores during a GC); the clock gives it its fair
 *    share of the cores over that time, which for a thread the OS left off a core for milliseconds is
 *    still too much (that connect: 269 µs);
 *  - waits, by Go's block reason and by who ended them (GoUnblock's goroutine):
 *     · "network" (IO wait): when another goroutine of the program ended a write (write, writev,
       sendto, sendmsg) while it waited, the last such write is taken as its peer's (loopback): a causal
       edge from just after that write, then the rest of the wait as netpoller latency; otherwise a
       netpoller wait of the measured latency (an outside peer's answer time);
 *     · "sleep": time.Sleep of the measured time;
 *     · channel, select, sync (Mutex, WaitGroup, RWMutex), sync.Cond, … ended by another of the program's
 *       goroutines: a causal edge — the waiter waits until the unblocker reaches the point of its script
 *       where it unblocked it in the trace (a one-slot channel: signal, then receive). If the unblocker
 *       runs later under the new settings, the wait gets longer; earlier, shorter. A wait is a condition
 *       on the unblocker's progress, not a rendezvous: when the unblocker has passed its point first, the
 *       slot is full and the wait costs a receive that does not block (no park, no switch); when the
 *       waiter is parked, the signal readies it into the signaller's runnext (goready), so at
 *       GOMAXPROCS=1 it runs next, as in Go;
 *     · the same waits ended by no goroutine (a timer's channel — time.After, a Ticker — or the runtime):
 *       until the same moment after the trace's start (timers fire on the clock, not after the work);
 *     · GC waits (mark assist, "wait until GC ends", preempted for a stack scan): the measured time;
 *  - synchronisation the trace does not show: a WaitGroup.Wait (its stack) returns after every Done,
 *    but only the last Done's wakeup is an event — the goroutines that exited while it waited
 *    (`defer wg.Done()`) are joined too; and main, before it returns (which ends the program), joins every
 *    goroutine that had exited before the trace ended (results handed over without a wait: a buffered
 *    send, an uncontended unlock). Joins wait for a goroutine's end (a channel closed when its script ends);
 *  - runtime.Gosched (GoStop "runtime.Gosched") and runtime.GOMAXPROCS(n) (ProcsChange inside a
 *    GOMAXPROCS stop-the-world, on the goroutine that called it); a preemption (GoStop "preempted") is no
 *    step: the replay's scheduler preempts by its own rules;
 *  - with `keepTracing`, runtime/trace's two goroutines inside the runtime too (metrics.ts
 *    tracerSleepPeriod: the CPU sample reader and the generation advancer). Each sleeps on a runtime timer
 *    (wakeableSleep.sleep: 100 ms, 1 s) that is pending all the while: a wait of theirs still under way
 *    when the trace ends is replayed as a timer until its expiry, then round after round (`every`). It
 *    matters to the threads: with a timer pending and the netpoller initialised (trace.Start's output
 *    file), findRunnable's M that finds nothing to do blocks in netpoll until the timer (pollUntil ≠ 0,
 *    sched.lastpoll = 0) instead of stopm, so one M is off the idle list for the whole run and the next
 *    startm that finds none idle calls newm. The traces show that M: it stops its P and is never seen
 *    again — cond_queue's M9077 from 0.55 ms of 8.7 ms while two new Ms (0.86, 1.02 ms) start, so it was
 *    on no idle list (mget would have returned it) — and in timer_poller's 155 ms trace an M leaves
 *    netpoll at 100.8 ms, takes an idle P and readies the CPU sample reader, whose 100 ms timer that is.
 *    Dropped (they are the runtime's), the replay at the traced GOMAXPROCS 4 had one thread fewer than
 *    cond_queue, mutex_cache, timer_poller and blocking_syscalls' traced runs; kept, it has as many.
 *
 * What it cannot know, and what the replay does instead:
 *  - which code ran: a burst is a fixed amount of CPU; under other timing the real program could take
 *    another path (find a channel ready and not block, spin on a mutex instead of parking, take a
 *    different select case). The replay keeps the traced blocking pattern and only moves it in time;
 *  - whether a traced wait would have been needed at all: only contended operations leave events (an
 *    uncontended Lock, a buffered send with room, a Cond.Signal with no waiter leave none), so the
 *    reconstruction knows neither the critical sections nor the buffers and cannot rebuild the lock or
 *    the queue itself. Where the unblocker under the new settings has not reached its point yet, the
 *    waiter waits although in real Go the lock might have been free; each such wait is a park and a
 *    switch (pipeline at GOMAXPROCS=1: ≈28 000 of them, ≈3.9 ms of its replay);
 *  - what an operation costs under parallelism: a burst measured with 4 Ps on 2 cores includes what
 *    contention cost there — a Mutex's spinning (sync.Mutex.lockSlow spins only when GOMAXPROCS > 1 and
 *    another P runs: runtime_canSpin) and the cache lines of the lock, the channel or the map moving
 *    between cores. At GOMAXPROCS=1 real Go does the same work with less CPU (mutex_cache: 15.6 ms of
 *    CPU estimated from the trace, 7.4 ms for the whole real run at 1). The CPU profile's samples could
 *    tell spinning from work, but a 10 ms program has one or two;
 *  - why a network read waited: the peer's latency is kept as measured (a loopback peer that would answer
 *    sooner under the new settings is not followed); the same for waits ended by the runtime;
 *  - the garbage collector: its cycles are not replayed (gmpsim's GC model, issue 18, is not driven from
 *    the trace's heap events yet); GC workers are dropped and the waits GC caused are kept as measured
 *    delays (their CPU is not replayed). Every whatif trace starts with a cycle (the heap reaches its
 *    4 MB goal within the first half millisecond): its workers took cores from the program while it ran
 *    (syscalls of that time are stretched: see above), and in cpu_fanout, file_workers and pipeline the
 *    traced run's thread more than the replay at 4 Ps started during it (whatif/misses.json);
 *  - what a syscall other than a socket's did in the kernel: its whole time is a wait for the device,
 *    taking no core; one stretched because its thread waited for a core keeps its length;
 *  - CPU lost to other processes on the traced machine: counted as the goroutine's work;
 *  - the causal edges are one-slot channels, so the replay's own trace shows "chan receive" for a
 *    Mutex or Cond wait.
 *
 * Invariants: the scripts keep every goroutine's traced order of steps; each causal edge is signalled
 * exactly once and waited on exactly once, and the signal comes from a point the real unblocker reached
 * before the waiter resumed, so the replay cannot deadlock on them (the traced run is one schedule that
 * satisfies them all). Deterministic: the same trace and options give the same scripts.
 */
import { K, type GoBody, type Op } from '../workload/ops.js';
import type { GoRelease } from '../runtime/version.js';
import { Call } from '../workload/call.js';
import { Chan } from '../runtime/chan.js';
import { PollDesc } from '../runtime/netpoll.js';
import { EvSync, type GoTrace } from './reader.js';
import { Ev } from './tracev2.js';
import { isSystemFunc, tracerSleepPeriod, userGoroutines } from './metrics.js';

/** One step of a goroutine's script. */
export type Step =
  | { k: 'cpu'; ns: number }
  | { k: 'go'; g: number }
  /** A system call of `ns`; `block`: entered with entersyscallblock (the P handed off at once). */
  | { k: 'syscall'; ns: number; block?: true; cpu?: true }
  | { k: 'net'; ns: number }
  | { k: 'sleep'; ns: number; reason: string }
  /** Wait until `at` ns after the trace's start (a timer channel). */
  | { k: 'until'; at: number; reason: string }
  /** Wait for causal edge `edge` (signalled by another goroutine's `signal`). */
  | { k: 'wait'; edge: number; reason: string }
  | { k: 'signal'; edge: number }
  /** After a write syscall: signal the network waits it ended (filled in when they are seen). */
  | { k: 'signals'; edges: number[] }
  | { k: 'gosched' }
  | { k: 'gomaxprocs'; n: number }
  /** Wait until each of these goroutines has exited (a WaitGroup's invisible Done calls; main's end). */
  | { k: 'join'; gs: number[] }
  /** Blocked when the trace ended: blocks for ever. */
  | { k: 'park'; reason: string }
  /** Sleep on a runtime timer of `ns`, round after round, until the trace stops (the tracer's own goroutines: replayMain). */
  | { k: 'every'; ns: number };

export interface Script {
  id: number;
  /** The goroutine's function (its creation stack's entry; '' when unknown). */
  fn: string;
  steps: Step[];
  /** Started by the replay's main at the start (alive when the trace began), or at `at` ns after the
   * start by a runtime-created spawn (a goroutine the runtime created: time.AfterFunc…); else by its creator's `go` step. */
  start: 'creator' | 'initial' | { at: number };
  /** It exited in the trace (GoDestroy): others may join it. */
  exits: boolean;
}

export interface Reconstruction {
  /** The goroutine the replay's main runs (goroutine 1 when traced), or −1: main only starts the others. */
  main: number;
  scripts: Map<number, Script>;
  edges: number;
  /** First and last event of the trace (ns, trace clock). */
  startNs: number;
  endNs: number;
  /** GOMAXPROCS when the trace started (its first ProcsChange). */
  gomaxprocs: number;
  /** The CPU the program got per ns its bursts' estimate says (CPU samples), or 1. Applied at replay. */
  cpuFactor: number;
  stats: ReconstructionStats;
}

export interface ReconstructionStats {
  goroutines: number;
  droppedGoroutines: number;
  cpuNs: number;
  /** Running time in the trace (≥ cpuNs: the difference is time the traced machine's cores were shared). */
  runningNs: number;
  /** CPU profile samples of goroutines in the trace (0: no profile). */
  cpuSamples: number;
  syscalls: number;
  syscallNs: number;
  netWaits: number;
  sleeps: number;
  timerWaits: number;
  gcWaits: number;
  edges: number;
  /** Network waits tied to a write of another goroutine of the program (a loopback peer). */
  loopbackEdges: number;
  /** Joins added for invisible synchronisation (WaitGroup Done calls, main's end). */
  joins: number;
  gomaxprocsCalls: number;
}

export interface ReconstructOptions {
  /** Cores of the machine the trace was recorded on (for the CPU a running goroutine got). Default 2. */
  traceCpus?: number;
  /** Samples per second of CPU of the CPU profile in the trace (runtime/pprof's default: 100). */
  cpuProfileRate?: number;
  /**
   * Replay runtime/trace's and runtime/pprof's own goroutines too (the trace writer, the CPU profile's
   * writer reading /proc/self/maps, …) with their syscalls and waits, as the traced run had them. Off by
   * default: a what-if question is about the program, which runs untraced. On to compare a replay with
   * runs that were themselves traced and profiled (docs/whatif.md's references).
   */
  keepTracing?: boolean;
}

/** runtime/pprof's CPU profile rate (pprof.go StartCPUProfile: hz = 100). */
export const defaultCPUProfileRate = 100;
/** Fewer samples than this do not measure the program's CPU (±1/√n). */
export const minCPUSamples = 20;

/** Event types whose stack argument (index into args) is the goroutine's own, where it is (metrics.ts's list). */
const ownStackArg: Readonly<Record<number, number>> = { [Ev.GoStatusStack]: 3, [Ev.GoBlock]: 1, [Ev.GoStop]: 1, [Ev.GoSyscallBegin]: 1 };

/** Block reasons that end on the clock or the network, whoever readies them (traceBlockReasonStrings). */
const reasonNetwork = 'network';
const reasonSleep = 'sleep';
/** Block reasons of waits on channels (a timer's channel when no goroutine ends them). */
const chanReasons = new Set(['chan receive', 'chan send', 'select']);
/** The stop-the-world kind of runtime.GOMAXPROCS (proc.go stwReasonStrings). */
const stwGOMAXPROCS = 'GOMAXPROCS';
/** Frames of a write to a file descriptor (a socket: the peer's network wait may end because of it). */
const writeFrame = /^(syscall\.(write|writev|sendto|sendmsg|Write)|internal\/poll\.\(\*FD\)\.(Write|Writev|WriteTo|WriteMsg))$/;
/**
 * Frames of package net (not net/http: `net.` is the package's own prefix). Every descriptor package net
 * makes is non-blocking (sysSocket: SOCK_NONBLOCK; accept4 with it) and waits in the netpoller, so its
 * system calls never sleep in the kernel: their time is the kernel's CPU work.
 */
const netFrame = /^net\./;
/** The frame of a WaitGroup wait (sync/waitgroup.go). */
const waitGroupWait = 'sync.(*WaitGroup).Wait';
/** The frame of the tracer's goroutines' timer sleeps (trace.go wakeableSleep.sleep). */
const wakeableSleep = 'runtime.(*wakeableSleep).sleep';

const syscallStep = (ns: number, block: boolean): Step => (block ? { k: 'syscall', ns, block: true } : { k: 'syscall', ns });

interface Live {
  script: Script;
  /** Running since (Φ, the CPU clock) or −1. */
  runSince: number;
  runSinceNs: number;
  blockedAt: number;
  blockReason: string;
  syscallAt: number;
  /** The thread the syscall under way began on. */
  syscallM: number;
  /** The syscall under way was entered with entersyscallblock (its thread stopped its P at once). */
  syscallBlock: boolean;
  stw: string;
  /** Blocked in sync.(*WaitGroup).Wait. */
  waitGroup: boolean;
  /** The syscall under way writes to a file descriptor. */
  writing: boolean;
  /** Φ when the syscall under way began, if it is one that computes (on a non-blocking socket), else −1. */
  syscallPhi: number;
  /** The wait under way is a runtime.(*wakeableSleep).sleep of this period (the tracer's goroutines), else 0. */
  timerSleep: number;
}

/** Rebuild the program's goroutines as scripts (see the module note). */
export function reconstruct(t: GoTrace, opts: ReconstructOptions = {}): Reconstruction {
  const cores = opts.traceCpus ?? 2;
  const user = userGoroutines(t, opts.keepTracing === true);
  const gens = new Map(t.generations.map((g) => [g.gen, g]));
  const stats: ReconstructionStats = { goroutines: 0, droppedGoroutines: 0, cpuNs: 0, runningNs: 0, cpuSamples: 0, syscalls: 0, syscallNs: 0, netWaits: 0, sleeps: 0, timerWaits: 0, gcWaits: 0, edges: 0, loopbackEdges: 0, joins: 0, gomaxprocsCalls: 0 };
  const scripts = new Map<number, Script>();
  const live = new Map<number, Live>();
  const allGs = new Set<number>();
  let startNs = -1;
  let endNs = 0;
  let gomaxprocs = 0;
  let edges = 0;
  /** A stop-the-world is under way (STWBegin … STWEnd of any goroutine). */
  let stwActive = false;
  // The CPU clock Φ: advances at min(1, cores/busy) per ns (busy: the threads that want a core, below).
  let phi = 0;
  let phiAt = -1;
  let running = 0;
  /** Goroutines in a system call that computes in the kernel (on a non-blocking socket): they take cores too. */
  const computing = new Set<number>();
  /** Ps in the Running state (held by a thread: running a goroutine, in the scheduler, or wired to a syscall). */
  let procsRunning = 0;
  /** Goroutines in a syscall whose thread still holds their P (the P id): that P's thread is in the kernel. */
  const syscallP = new Map<number, number>();
  /** ∫ min(running, cores) dt: the CPU the program could have had. */
  let couldHave = 0;
  let samples = 0;
  const advance = (now: number): void => {
    if (phiAt >= 0 && now > phiAt) {
      // Threads on cores: running goroutines, syscalls that compute, and threads holding a P outside
      // any goroutine (in the scheduler: a spinning M looking for work, findRunnable, ready's wakep).
      const busy = running + computing.size + Math.max(0, procsRunning - running - syscallP.size);
      phi += (now - phiAt) * (busy > cores ? cores / busy : 1);
      couldHave += (now - phiAt) * Math.min(running, cores);
    }
    phiAt = now;
  };
  const get = (g: number): Live | undefined => live.get(g);
  /** The program's writes to file descriptors, in the order they ended, with their signal slot. */
  const writes: { g: number; at: number; slot: { k: 'signals'; edges: number[] } }[] = [];
  /** When each of the program's goroutines exited, in exit order. */
  const exited: { g: number; at: number }[] = [];
  const open = (g: number, fn: string, start: Script['start']): Live => {
    const script: Script = { id: g, fn, steps: [], start, exits: false };
    scripts.set(g, script);
    const l: Live = { script, runSince: -1, runSinceNs: 0, blockedAt: -1, blockReason: '', syscallAt: -1, syscallM: -1, syscallBlock: false, stw: '', waitGroup: false, writing: false, syscallPhi: -1, timerSleep: 0 };
    live.set(g, l);
    return l;
  };
  /** Close g's CPU burst at `now` (it keeps running). */
  const flush = (l: Live, now: number): void => {
    if (l.runSince < 0) return;
    const cpu = phi - l.runSince;
    if (cpu > 0) l.script.steps.push({ k: 'cpu', ns: cpu });
    stats.cpuNs += cpu;
    stats.runningNs += now - l.runSinceNs;
    l.runSince = phi;
    l.runSinceNs = now;
  };
  const stop = (l: Live, now: number): void => {
    flush(l, now);
    l.runSince = -1;
  };
  const fnOf = (gen: number, stack: number): string => {
    const f = gens.get(gen)?.stacks.get(stack);
    return f !== undefined && f.length > 0 ? f[0]!.fn : '';
  };

  for (const e of t.events) {
    if (e.type === EvSync) continue;
    if (startNs < 0) startNs = e.time;
    endNs = e.time;
    advance(e.time);
    const now = e.time;
    const g = gens.get(e.gen)!;
    const ptr = e.tr;
    if (ptr !== undefined && ptr.resource === 'proc') {
      if (ptr.to === 'Running' && ptr.from !== 'Running') procsRunning++;
      else if (ptr.from === 'Running' && ptr.to !== 'Running') {
        procsRunning--;
        for (const [x, p] of syscallP) if (p === ptr.id) syscallP.delete(x);
      }
    }
    if (e.type === Ev.CPUSample) {
      if (e.g !== -1) samples++;
      continue;
    }
    if (e.type === Ev.ProcsChange) {
      if (gomaxprocs === 0) gomaxprocs = e.args[0]!;
      const l = get(e.g);
      if (l !== undefined && l.stw === stwGOMAXPROCS) {
        flush(l, now);
        l.script.steps.push({ k: 'gomaxprocs', n: e.args[0]! });
        stats.gomaxprocsCalls++;
      }
      continue;
    }
    if (e.type === Ev.STWBegin) {
      stwActive = true;
      const l = get(e.g);
      if (l !== undefined) l.stw = g.strings.get(e.args[0]!) ?? '';
      continue;
    }
    if (e.type === Ev.ProcStop) {
      // entersyscallblock (notetsleepg: a blocking profBuf read, …) traces the syscall, then its own
      // thread hands the P off at once (handoffp(releasep())): a ProcStop on the syscall's thread while
      // the goroutine is in it. A syscall that merely lasts is retaken by sysmon from another thread;
      // one entered while the world is being stopped gives its P up too (entersyscall_gcwait: _Pgcstop),
      // which is no entersyscallblock: inside STWBegin … STWEnd (the window of sched.gcwaiting) it is not taken as one.
      const l = get(e.g);
      if (l !== undefined && !stwActive && l.syscallAt >= 0 && l.syscallM === e.m) l.syscallBlock = true;
      continue;
    }
    if (e.type === Ev.STWEnd) {
      stwActive = false;
      const l = get(e.g);
      if (l !== undefined) l.stw = '';
      continue;
    }
    const tr = e.tr;
    if (tr === undefined || tr.resource !== 'goroutine') continue;
    const id = tr.id;
    allGs.add(id);
    // Count running goroutines (all of them: the runtime's use cores too) for the CPU clock.
    if (tr.to === 'Running' && tr.from !== 'Running') running++;
    if (tr.from === 'Running' && tr.to !== 'Running') running--;
    if (tr.from === 'Syscall' && tr.to !== 'Syscall') {
      computing.delete(id);
      syscallP.delete(id);
    } else if (e.type === Ev.GoSyscallBegin) {
      if (e.p >= 0) syscallP.set(id, e.p);
      if ((g.stacks.get(e.args[1]!) ?? []).some((f) => netFrame.test(f.fn))) computing.add(id);
    }
    if (!user.has(id)) continue;
    let l = get(id);
    if (tr.from === 'Undetermined') {
      l = open(id, '', 'initial');
      if (tr.to === 'Running') {
        l.runSince = phi;
        l.runSinceNs = now;
      } else if (tr.to === 'Waiting') {
        l.blockedAt = now;
        l.blockReason = '';
      } else if (tr.to === 'Syscall') l.syscallAt = now;
      continue;
    }
    if (tr.from === 'NotExist') {
      const creator = get(e.g);
      const fn = e.type === Ev.GoCreate || e.type === Ev.GoCreateBlocked ? fnOf(e.gen, e.args[1]!) : '';
      l = open(id, fn, creator !== undefined ? 'creator' : { at: now });
      if (creator !== undefined) {
        flush(creator, now);
        creator.script.steps.push({ k: 'go', g: id });
      }
      if (tr.to === 'Waiting') {
        l.blockedAt = now;
        l.blockReason = '';
      }
      continue;
    }
    if (l === undefined) continue;
    // A goroutine alive before the trace began has no creation stack: name it by the outermost frame
    // of the first stack it shows (the replay's goroutine then counts as the runtime's or the program's
    // as the traced one did: runtime/pprof.profileWriter is no program goroutine).
    if (l.script.fn === '' && id !== 1) {
      const i = ownStackArg[e.type];
      const frames = i === undefined ? undefined : g.stacks.get(e.args[i]!);
      if (frames !== undefined && frames.length > 0) l.script.fn = frames[frames.length - 1]!.fn;
    }
    switch (e.type) {
      case Ev.GoStart:
        l.runSince = phi;
        l.runSinceNs = now;
        break;
      case Ev.GoStop:
        stop(l, now);
        if ((g.strings.get(e.args[0]!) ?? '') === 'runtime.Gosched') l.script.steps.push({ k: 'gosched' });
        break;
      case Ev.GoBlock:
        stop(l, now);
        l.blockedAt = now;
        l.blockReason = g.strings.get(e.args[0]!) ?? '';
        l.waitGroup = (g.stacks.get(e.args[1]!) ?? []).some((f) => f.fn === waitGroupWait);
        l.timerSleep = (g.stacks.get(e.args[1]!) ?? []).some((f) => f.fn === wakeableSleep) ? (tracerSleepPeriod.get(l.script.fn) ?? 0) : 0;
        break;
      case Ev.GoUnblock:
      case Ev.GoSwitch:
      case Ev.GoSwitchDestroy: {
        const wait = now - l.blockedAt;
        const r = l.blockReason;
        const by = get(e.g);
        if (r === reasonNetwork) {
          // A peer in the same program (loopback): the last write of another goroutine that ended
          // while this one waited is taken as what made its data arrive — a causal edge, plus the
          // rest of the wait as network latency. No such write: an outside peer, the measured latency.
          let w = writes.length - 1;
          while (w >= 0 && (writes[w]!.g === id || writes[w]!.at > now)) w--;
          if (w >= 0 && writes[w]!.at >= l.blockedAt) {
            const edge = edges++;
            writes[w]!.slot.edges.push(edge);
            l.script.steps.push({ k: 'wait', edge, reason: r });
            if (now > writes[w]!.at) l.script.steps.push({ k: 'net', ns: now - writes[w]!.at });
            stats.edges++;
            stats.loopbackEdges++;
          } else l.script.steps.push({ k: 'net', ns: wait });
          stats.netWaits++;
        } else if (r === reasonSleep) {
          l.script.steps.push({ k: 'sleep', ns: wait, reason: r });
          stats.sleeps++;
        } else if (by !== undefined && e.g !== id) {
          const edge = edges++;
          flush(by, now);
          by.script.steps.push({ k: 'signal', edge });
          l.script.steps.push({ k: 'wait', edge, reason: r });
          stats.edges++;
          if (l.waitGroup) {
            // WaitGroup.Wait returns after every Done, but only the last one shows (GoUnblock): the
            // goroutines that exited while it waited did theirs (`defer wg.Done()`) — join them too.
            const gs = exited.filter((x) => x.at > l!.blockedAt && x.g !== e.g).map((x) => x.g);
            if (gs.length > 0) {
              l.script.steps.push({ k: 'join', gs });
              stats.joins += gs.length;
            }
          }
        } else if (chanReasons.has(r) || r === '') {
          l.script.steps.push({ k: 'until', at: now - startNs, reason: r });
          stats.timerWaits++;
        } else {
          l.script.steps.push({ k: 'sleep', ns: wait, reason: r });
          stats.gcWaits++;
        }
        l.blockedAt = -1;
        break;
      }
      case Ev.GoSyscallBegin:
        stop(l, now);
        l.syscallAt = now;
        l.syscallPhi = computing.has(id) ? phi : -1;
        l.syscallM = e.m;
        l.syscallBlock = false;
        l.writing = (g.stacks.get(e.args[1]!) ?? []).some((f) => writeFrame.test(f.fn));
        break;
      case Ev.GoSyscallEnd:
      case Ev.GoSyscallEndBlocked:
        if (l.syscallAt >= 0) {
          l.script.steps.push(l.syscallPhi >= 0 ? { k: 'syscall', ns: phi - l.syscallPhi, cpu: true } : syscallStep(now - l.syscallAt, l.syscallBlock));
          stats.syscalls++;
          stats.syscallNs += now - l.syscallAt;
          if (l.writing) {
            const slot = { k: 'signals' as const, edges: [] as number[] };
            l.script.steps.push(slot);
            writes.push({ g: id, at: now, slot });
          }
        }
        l.syscallAt = -1;
        if (e.type === Ev.GoSyscallEnd) {
          l.runSince = phi;
          l.runSinceNs = now;
        }
        break;
      case Ev.GoDestroy:
      case Ev.GoDestroySyscall:
        stop(l, now);
        l.script.exits = true;
        exited.push({ g: id, at: now });
        live.delete(id);
        break;
      default:
        break;
    }
  }
  // The trace's end: bursts and syscalls in progress end there; a goroutine still blocked stays so.
  for (const l of live.values()) {
    flush(l, endNs);
    if (l.syscallAt >= 0) l.script.steps.push(l.syscallPhi >= 0 ? { k: 'syscall', ns: phi - l.syscallPhi, cpu: true } : syscallStep(endNs - l.syscallAt, l.syscallBlock));
    if (l.blockedAt >= 0 && l.timerSleep > 0) {
      // The tracer's goroutine sleeps on a runtime timer, pending until it fires (then it reads and sleeps
      // again): the timer is on a P's heap meanwhile, and findRunnable's M with nothing to do blocks in
      // netpoll until it (pollUntil ≠ 0) instead of stopm — an M off the idle list (module note).
      l.script.steps.push({ k: 'until', at: l.blockedAt + l.timerSleep - startNs, reason: l.blockReason });
      l.script.steps.push({ k: 'every', ns: l.timerSleep });
      stats.timerWaits++;
    } else if (l.blockedAt >= 0) l.script.steps.push({ k: 'park', reason: l.blockReason });
  }
  // main returning ends the program: in the trace, the goroutines that exited before it ended had done
  // so (their results were delivered, some through synchronisation the trace does not show: a
  // buffered send, an uncontended unlock): the replay's main joins them before it returns.
  const m = scripts.get(1);
  if (m !== undefined) {
    const gs = exited.filter((x) => x.g !== 1).map((x) => x.g);
    if (gs.length > 0 && live.has(1)) {
      m.steps.push({ k: 'join', gs });
      stats.joins += gs.length;
    }
  }
  stats.goroutines = scripts.size;
  stats.droppedGoroutines = allGs.size - scripts.size;
  let cpuFactor = 1;
  if (samples >= minCPUSamples && couldHave > 0) cpuFactor = Math.min(1, (samples * 1e9) / (opts.cpuProfileRate ?? defaultCPUProfileRate) / couldHave);
  stats.cpuSamples = samples;
  stats.cpuNs *= cpuFactor;
  return { main: scripts.has(1) ? 1 : -1, scripts, edges, startNs: Math.max(0, startNs), endNs, gomaxprocs, cpuFactor, stats };
}

/** Callbacks of one replay run. */
export interface ReplayHooks {
  /** The replay's main begins: the simulated time that corresponds to the trace's start. */
  started?: (ns: number) => void;
}

/** A replayed goroutine's body. */
type Gen = Generator<Op, void, unknown>;

/** The knobs of a replay. */
export interface ReplayScale {
  /** × every CPU burst. */
  cpu?: number;
  /** × every system call's kernel time. */
  syscalls?: number;
  /** × every network wait. */
  network?: number;
}

/**
 * The replay's main.main: it starts the goroutines alive at the trace's start, then runs goroutine 1's
 * script (the program ends when it does, as in Go), or — for a trace without goroutine 1 — waits until
 * the trace's last moment. Each run gets its own channels (no state shared between runs).
 */
export function replayMain(rec: Reconstruction, scale: ReplayScale = {}, hooks: ReplayHooks = {}): () => GoBody {
  const sc = (scale.cpu ?? 1) * rec.cpuFactor;
  const ss = scale.syscalls ?? 1;
  const sn = scale.network ?? 1;
  return function* main(): Gen {
    // The trace's window starts here: the runtime's start-up (before trace.Start in the real program) is not in it.
    hooks.started?.((yield { k: K.Nanotime }) as number);
    const edge: Chan[] = [];
    for (let i = 0; i < rec.edges; i++) edge.push(new Chan(1));
    /** Closed when the goroutine's script ends (a join receives from it). */
    const done = new Map<number, Chan>();
    for (const s of rec.scripts.values()) if (s.exits) done.set(s.id, new Chan(0));
    const goOp = (s: Script): Op => ({ k: K.Go, fn: body as unknown as (...a: never[]) => GoBody, args: [s], name: s.fn });
    // The tracer's timer rounds (`every`) last until the trace stops — trace.Stop wakes them and they
    // exit — which in the replay is when every other script has reached its end (done, or blocked for ever
    // as at the trace's end): a program whose goroutines all block for ever then still ends in a deadlock.
    const others = [...rec.scripts.values()].filter((s) => !s.steps.some((x) => x.k === 'every')).length;
    let ended = 0;
    const at = function* (ns: number): Gen {
      const now = (yield { k: K.Nanotime }) as number;
      if (ns > now) yield { k: K.Sleep, ns: ns - now };
    };
    function* body(s: Script): Gen {
      for (const st of s.steps) {
        switch (st.k) {
          case 'cpu':
            yield { k: K.Work, ns: Math.max(1, Math.round(st.ns * sc)), every: 0 };
            break;
          case 'go':
            yield goOp(rec.scripts.get(st.g)!);
            break;
          case 'syscall':
            yield { k: K.Syscall, ns: Math.max(1, Math.round(st.ns * ss)), mode: st.block === true ? 'block' : 'syscall', name: 'syscall', ...(st.cpu === true ? { cpu: true } : {}) };
            break;
          case 'net': {
            const pd = new PollDesc(null, 'conn');
            yield* new Call<void>({ k: K.NetReady, pd, ns: Math.max(1, Math.round(st.ns * sn)) }, { k: K.NetWait, pd });
            break;
          }
          case 'sleep':
            yield { k: K.Sleep, ns: Math.max(1, Math.round(st.ns)) };
            break;
          case 'until':
            yield* at(st.at);
            break;
          case 'wait':
            yield { k: K.Recv, ch: edge[st.edge]! };
            break;
          case 'signal':
            yield { k: K.Send, ch: edge[st.edge]!, v: 0 };
            break;
          case 'signals':
            for (const x of st.edges) yield { k: K.Send, ch: edge[x]!, v: 0 };
            break;
          case 'gosched':
            yield { k: K.Gosched };
            break;
          case 'gomaxprocs':
            yield { k: K.GOMAXPROCS, n: st.n };
            break;
          case 'join':
            for (const g of st.gs) yield { k: K.Recv, ch: done.get(g)! };
            break;
          case 'park':
            ended++;
            yield { k: K.Recv, ch: null };
            break;
          case 'every':
            while (ended < others) yield { k: K.Sleep, ns: st.ns };
            return;
        }
      }
      ended++;
      if (s.exits) yield { k: K.Close, ch: done.get(s.id)! };
    }
    function* spawnAt(s: Script, ns: number): Gen {
      yield* at(ns);
      yield goOp(s);
    }
    for (const s of rec.scripts.values()) {
      if (s.id === rec.main) continue;
      if (s.start === 'initial') yield goOp(s);
      else if (typeof s.start === 'object') yield { k: K.Go, fn: spawnAt as unknown as (...a: never[]) => GoBody, args: [s, s.start.at - rec.startNs], name: 'main.replaySpawn' };
    }
    const m = rec.scripts.get(rec.main);
    if (m !== undefined) yield* body(m);
    else yield* at(rec.endNs - rec.startNs);
  };
}

/** The release a go1.22+ trace is replayed on unless the host is told otherwise: the newest gmpsim models. */
export const traceReplayRelease: GoRelease = '1.26';

/** A replay's default settings (a host's --go and --gomaxprocs override them): that release, the traced GOMAXPROCS. */
export function replayConfig(rec: Reconstruction): { go: GoRelease; gomaxprocs?: number } {
  return { go: traceReplayRelease, ...(rec.gomaxprocs > 0 ? { gomaxprocs: rec.gomaxprocs } : {}) };
}

/** Why a trace whose goroutines are all the runtime's cannot be replayed (the hosts' error). */
export const nothingToReplay = "the trace has no goroutine of the program (only the runtime's): nothing to replay";

/** Whether a function name is the runtime's (re-exported for the views). */
export { isSystemFunc };
