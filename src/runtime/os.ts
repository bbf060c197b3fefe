/**
 * The kernel's CPU scheduler as the runtime sees it: `ncpu` cores shared by the threads that want CPU.
 *
 * What it models. A thread (M) wants a core while it runs a *CPU stretch*: user code (a Work op) or a
 * system/cgo call whose time is spent computing (a Syscall op with `cpu`, e.g. a C loop, getrandom,
 * reading /dev/urandom). Blocked threads (futex sleep on m.park, epoll_wait, nanosleep, a read on a pipe,
 * a blocking cgo call) take no CPU. While at most `ncpu` stretches are in flight each runs at full speed
 * (the model without an OS). When n > ncpu stretches are in flight, every one progresses at ncpu / n of
 * real time: processor sharing, the fluid limit of Linux's fair scheduler (CFS, and EEVDF since 6.6).
 *
 * Why fluid sharing and not time slices. The recording machine's kernel (6.18, EEVDF, HZ=250) gives a
 * CPU-bound thread base_slice = 0.75 ms × (1 + ilog2(min(ncpu, 8))) = 1.5 ms on 2 cores (kernel/sched/
 * fair.c: sysctl_sched_base_slice, SCHED_TUNABLESCALING_LOG), enforced at the next 4 ms tick: threads
 * alternate every ≈4 ms, far below the Go-level effects (sysmon's 10–20 ms preemption, 100 ms loops).
 * conformance/reference/go1.19/cpu_oversubscribed.json (go1.19.8) shows the fluid picture: at GOMAXPROCS=4 with
 * four 100 ms goroutines on 2 cores, in 3 of 5 runs all four finish within 3–10 ms of each other at
 * ≈200 ms (2 × solo), which is processor sharing up to a couple of ticks; slicing at 4 ms would move
 * the finish times by at most one tick. The other two runs (first finish at 115 and 140 ms), and most
 * CPU-bound cgo runs (cpu_cgo_spin.json: one thread done at 115–140 ms), come from Linux's per-CPU run
 * queues: a thread alone on its CPU runs at full speed until the periodic load balancer evens the
 * queues out. Neither a fluid share nor global time slices reproduce that; per-CPU queues would.
 *
 * Re-timing. A stretch's end is an event of its M (T.Run for a Work op or a raw syscall, T.SyscallDone
 * for a syscall), scheduled at start + cpu / rate. When the number of stretches crosses or is above
 * `ncpu`, a settle event at the same instant recomputes the rate once (several starts and stops in one
 * instant — a Work op ending and the next one starting — cost one settle, not one re-timing each) and,
 * if the rate changed, moves every in-flight end: the CPU left is (end − now) × old rate, the new end
 * now + left / new rate (rounded up to whole ns), rescheduled under a new M generation (the old event is
 * cancelled lazily). A pending cooperative-preemption point (sysmon's T.CoopPreempt) is re-armed at its
 * new time. Everything is deterministic: stretches are re-timed in the order they started.
 *
 * Fast path. While n ≤ ncpu and the rate is 1, starting and stopping a stretch schedules exactly the
 * event the model without an OS scheduled (end = start + cpu), and nothing else: a program whose CPU
 * demand never exceeds the cores runs event for event as before. The stretches are an intrusive list
 * through the Ms (M.cpuPrev/cpuNext): linking and unlinking one is a few field writes, no allocation.
 *
 * Which CPU a thread is on, and the VM's idle-CPU wake-up. The recording machine is a Firecracker/KVM
 * guest whose idle vCPUs halt at once (cpuidle driver haltpoll with guest_halt_poll_ns = 0), so a
 * thread woken onto an idle CPU waits for the host to run that vCPU again: conformance/reference/
 * go1.19|go1.26/vcpu_wake.json (C threads, futex wake onto a CPU idle for a given time) measures it. The wake
 * costs more the longer the CPU idled (the host's own idle states), and nothing extra when the woken
 * thread's CPU is busy (it preempts the running thread there). The model keeps, per CPU, how many
 * threads are on it (`nr`: Ms scheduling, running, in sysmon's loop, or woken and about to run —
 * `onCpuState`) and when it went idle (`idleSince`); each M remembers the CPU it last ran on (M.cpu).
 * Where a thread goes follows Linux's select_task_rq_fair (kernel/sched/fair.c) on this 2-CPU
 * machine (one LLC, so wake_affine / select_idle_sibling decide):
 * - a woken thread goes back to its previous CPU: select_idle_sibling returns prev when it is idle,
 *   and when it is busy the idle scan is cut short on a busy LLC (SIS_UTIL), so the wakee stays and
 *   preempts — vcpu_wake.json's free variant: the woken thread ran on the CPU it slept on in 100 %
 *   of trials, whether that CPU was idle or the waker's;
 * - a new thread (clone, SD_BALANCE_FORK → find_idlest_cpu) goes to an idle CPU, the most recently
 *   idled one (latest_idle_timestamp), else to the one with the fewest threads.
 * A futex or epoll wake-up (notewakeup, the netpoller's wake, sysmon's note) whose thread lands on an
 * idle CPU pays `wakeExtra` on top of cost.futexWake: cost.vcpuWake when the CPU idled
 * cost.haltPollWindow, growing by cost.vcpuWakeGrowth per e-fold of longer idle (vcpu_wake.json's
 * medians, calibration.ts vcpuWakeFromMeasurements; up to 100 ms). The window is the recorded curve's
 * knee (≈200 µs, KVM's default halt_poll_ns: after it the host stops polling the halted vCPU and its
 * wake-up starts to grow); below it the model charges the hot futexWake, although the pinned recording
 * shows ≈ +10 µs already from 15 µs of idle — calibrate.go's futex hand-off (3.5 µs median) and real
 * thieves that beat a 10 µs timer (sleep_granularity.json, GOMAXPROCS=2) show that Go's threads mostly
 * wake on a busy CPU after short idles, a placement history this model does not reproduce. Where the
 * placement is known — a stop-the-world's sleepers (exec.ts stwWait), each alone on its CPU and woken
 * from the other — `pinnedWakeExtra` charges the recorded flat level from the shortest idle on.
 * A wake-up in flight onto a halted vCPU can be taken over by a CPU that goes idle meanwhile
 * (`newidlePull`, sched_balance_newidle), as when a Go M wakes another and parks at once: with
 * probability cost.newidlePull (vcpu_wake.json free_block vs free) the wakee runs there at its hot
 * time and stays on that CPU. Timed wake-ups (timer slack) and pipe wake-ups keep their own recorded
 * latencies, which already include the VM's wake-up.
 *
 * A thread that computes in a system call (a 1 MiB read of /dev/urandom: M.kernelCpu) stays on its CPU
 * for this accounting although the Go scheduler sees it in _Gsyscall: it is in `nr`, so a wake-up onto
 * its CPU is not a halted vCPU's. And the kernel does not preempt it for a futex/epoll wakee or a new
 * thread (clone: `threadStart`): the wakee waits for the first scheduler tick after both the EEVDF
 * slice the computing thread was picked for (cost.schedBaseSlice × (1 + ilog2 ncpu), 1.4 ms on 2 CPUs)
 * and its own arrival (cost.schedTick, HZ=250), or until the CPU frees up, or until another CPU going
 * idle pulls it (`protectedUntil`, measured with perf on urandom_read.go: see there). Several wakees held on
 * one CPU run one per pick: each after the one before it has had its slice (it goes back into its read),
 * at the next tick — not all at the same tick, which let urandom_read's readers enter in bursts. Each CPU remembers when its current thread was picked (`pickedAt`: when
 * the CPU went from idle to busy, or when a thread left and the one remaining was picked again).
 *
 * What it simplifies:
 * - only CPU stretches compete. The runtime's own costs between ops (cost.ts: chanOp, goroutine
 *   switches, ≈0.1–1 µs each), a spinning M (findRunnable's spinning is instantaneous in this model,
 *   except the 3 µs runnext back-off) and sysmon's loop bodies are not slowed down and take no share;
 * - a wakee that lands on its waker's busy CPU preempts the waker there only in one place: an M that
 *   ran timers in findRunnable and woke an M with wakep waits for that M to leave the CPU before it
 *   takes the readied G from its runnext (proc.ts timersRunPause, seen in real traces); elsewhere the
 *   waker goes on beside its wakee;
 * - a sharing change is seen by all stretches at once, at the instant it happens (no wake-up latency,
 *   migration or cache effects, no per-thread weights: every thread has nice 0);
 * - the cores belong to this process alone (no other load on the machine);
 * - one pool of cores, not per-CPU run queues and a load balancer (see above): M.cpu only decides the
 *   wake-up latency, and a thread moves only by newidlePull (no periodic or idle load balancing, no
 *   wake_affine move to the waker's CPU when its previous one is busy);
 * - threads blocked in a syscall count as off CPU (a computing one counts as on: see above), and a
 *   thread's CPU counts as busy from the wake-up's send, not from when it runs;
 * - the hold only applies behind a thread computing in the kernel: EEVDF's deadlines,
 *   lag and eligibility for every thread (a wakee that carries negative lag waits even behind user
 *   code; sysmon's timer wake-ups, which carry positive lag, preempt at once) are not modelled, and
 *   a CPU that was already idle never steals a held wakee (the NOHZ idle balance at the busy CPU's
 *   tick is the held wake-up's own time);
 * - a cgroup CPU limit (RunOptions.cpuQuota, maxprocs.ts) lowers the pool to `cores` = min(ncpu, limit)
 *   cores' worth, shared the same fluid way. Linux's CFS bandwidth control instead lets the threads run
 *   at full speed until the period's quota (limit × 100 ms) is spent and then stops them all until the
 *   period ends: the model keeps the average (no 100 ms throttling bursts, so no throttled-period
 *   latency spikes), which is what GOMAXPROCS-vs-limit comparisons over many periods see.
 */
import type { EventTarget } from '../kernel/sim.js';
import type { Runtime } from './runtime.js';
import type { G, M } from './runtime2.js';
import { MS } from '../log/events.js';
import { T } from './proc.js';
import type { CpuQuotaStep } from './maxprocs.js';
import { Rand, saltedSeed } from '../kernel/rand.js';

/** The CPU scheduler's own events: a settle of the sharing rate, a step of the CPU limit. */
const OsTag = { Settle: 0, Quota: 1 } as const;

/**
 * The simulated machine's cores when a run does not say (runtime.NumCPU(), and so the default GOMAXPROCS):
 * the reference machine, a 2-vCPU AMD EPYC VM (Linux 6.18, Firecracker) on which every recorded reference
 * (conformance/README.md) and every measured cost default (cost.ts, conformance/reference/go1.19/costs.json) were
 * taken, so that a run with no options predicts that machine.
 */
export const defaultNcpu = 2;

/** The longest idle the vCPU wake-up's growth was recorded for (vcpu_wake.go's longest idle, 100 ms). */
const vcpuWakeMaxIdle = 100_000_000;

/** Whether an M in state `s` (MS) is on a CPU, for the per-CPU accounting (CPUSched.nr). */
export const onCpuState: readonly boolean[] = (() => {
  const t: boolean[] = [];
  t[MS.Starting] = false; // clone in flight: placed when it starts (fork balance)
  t[MS.Scheduling] = true;
  t[MS.Running] = true;
  t[MS.Syscall] = false; // blocked in the kernel (a CPU-bound call's share is the stretch list's)
  t[MS.Idle] = false;
  t[MS.LockedIdle] = false;
  t[MS.Netpoll] = false;
  t[MS.Waking] = true; // the wake-up's target CPU is claimed when it is sent
  t[MS.Sysmon] = true;
  t[MS.SysmonSleep] = false;
  t[MS.Template] = false;
  t[MS.Dead] = false;
  return t;
})();

/**
 * A wake-up whose event can still be moved: thread `mp`, the event that ends its wake-up (`tag` on
 * `target` under generation `gen`), when it fires (`at`) and when a hot wake-up would have (`hotAt`),
 * and the CPU it was sent to. Kept in CPUSched.heldWakes when slice protection holds it back (it fires
 * at the first scheduler tick after the protection ends unless that CPU frees up or another CPU goes
 * idle and pulls it first: then at once, not before `hotAt`).
 */
interface PendingWake {
  mp: M;
  target: EventTarget & { gen: number };
  tag: number;
  daemon: boolean;
  gen: number;
  at: number;
  hotAt: number;
  cpu: number;
}

/** A wake-up in flight onto a halted vCPU (CPUSched.coldWakes): a PendingWake, and when its CPU had gone idle. */
interface ColdWake extends PendingWake {
  idleSince: number;
}

/**
 * Take wake-ups out of `list` (oldest first): those that `match` and are still pending (not fired by
 * `now`, not cancelled: their target's generation unchanged) — every one with `all`, else the first.
 * Fired and cancelled ones met on the way are dropped.
 */
function takeWakes<W extends PendingWake>(list: W[], now: number, match: (w: W) => boolean, all: boolean): W[] {
  const out: W[] = [];
  let i = 0;
  while (i < list.length) {
    const w = list[i]!;
    if (w.at <= now || w.target.gen !== w.gen) {
      list.splice(i, 1);
      continue;
    }
    if (!match(w)) {
      i++;
      continue;
    }
    list.splice(i, 1);
    out.push(w);
    if (!all) break;
  }
  return out;
}

/** How long every CPU has idled when the process starts (the machine was idle before the exec): long. */
const idleBeforeStart = -1e12;

/** The OS CPU scheduler of one run (Runtime.os). */
export class CPUSched implements EventTarget {
  readonly rt: Runtime;
  /** Cores of the simulated machine (runtime.NumCPU()). */
  readonly ncpu: number;
  /**
   * The cores' worth of CPU the process may use now: ncpu, or less under a cgroup CPU limit
   * (maxprocs.ts; may be fractional, e.g. 1.5).
   */
  cores: number;
  /** The CPU limit's steps still to come (each re-caps `cores` at its time). */
  private quotaSteps: readonly CpuQuotaStep[];
  private nextStep = 0;
  /** Ms with a CPU stretch in flight, in the order they started (linked through M.cpuNext/cpuPrev). */
  head: M | null = null;
  tail: M | null = null;
  /** Their number. */
  n = 0;
  /** The speed every stretch progresses at, as last applied: min(1, ncpu / n). */
  rate = 1;
  /** A settle event is due at the current instant. */
  settlePending = false;
  /** Times the rate changed (tests, summaries). */
  changes = 0;
  /** Threads on each CPU now (see onCpuState; a woken thread counts from the wake-up's send). */
  readonly nr: Int32Array;
  /** When each CPU last went idle (meaningful while its nr is 0). */
  readonly idleSince: Float64Array;
  /** Wake-ups in flight onto halted vCPUs, oldest first (a CPU going idle pulls one: cpuOff). */
  private coldWakes: ColdWake[] = [];
  /** Wakees pulled by a CPU that went idle (tests, summaries). */
  pulls = 0;
  /** When the thread running on each CPU was picked there (meaningful while the CPU is busy). */
  readonly pickedAt: Float64Array;
  /** Wake-ups held back by slice protection, oldest first (released by cpuOff, or fired at their tick). */
  private heldWakes: PendingWake[] = [];
  /**
   * EEVDF's slice protection on this machine: cost.schedBaseSlice × (1 + ilog2(min(ncpu, 8)))
   * (SCHED_TUNABLESCALING_LOG, kernel/sched/fair.c get_update_sysctl_factor): 1.4 ms on 2 CPUs.
   */
  readonly slice: number;
  /** The scheduler tick's phase against the run's clock (ticks at tickPhase + k × cost.schedTick). */
  private readonly tickPhase: number;

  constructor(rt: Runtime, ncpu: number, quota: readonly CpuQuotaStep[] = []) {
    this.rt = rt;
    this.ncpu = ncpu;
    this.cores = ncpu;
    this.quotaSteps = quota;
    this.nr = new Int32Array(ncpu);
    this.idleSince = new Float64Array(ncpu).fill(idleBeforeStart);
    this.pickedAt = new Float64Array(ncpu).fill(idleBeforeStart);
    this.slice = rt.cost.schedBaseSlice * (1 + Math.floor(Math.log2(Math.min(ncpu, 8))));
    // Where the process's start falls between two ticks: drawn once per run from its own generator,
    // so that the other seeded draws are the same with or without it.
    this.tickPhase = new Rand(saltedSeed(rt.opts.seed ?? 1, 0x2545f491)).uint32() % Math.max(1, rt.cost.schedTick);
    // Steps at time 0 apply now; later ones are daemon events (they keep nothing alive).
    while (this.nextStep < quota.length && quota[this.nextStep]!.at <= 0) this.cores = Math.min(ncpu, quota[this.nextStep++]!.cores);
    if (this.nextStep < quota.length) rt.sim.at(quota[this.nextStep]!.at, this, OsTag.Quota, 0, true);
  }

  /**
   * Where thread mp runs when it goes on CPU: its previous CPU (a wake-up: select_idle_sibling keeps
   * prev), or, for a thread that never ran, fork balancing's choice (an idle CPU, the most recently
   * idled; else the one with the fewest threads).
   */
  selectCpu(mp: M): number {
    if (mp.cpu >= 0) return mp.cpu;
    const nr = this.nr;
    let best = 0;
    for (let c = 1; c < nr.length; c++) {
      if (nr[c]! < nr[best]! || (nr[c] === 0 && nr[best] === 0 && this.idleSince[c]! > this.idleSince[best]!)) best = c;
    }
    return best;
  }

  /** mp goes on CPU (setMState, off → on); on an idle CPU it is picked at once. */
  cpuOn(mp: M): void {
    const c = this.selectCpu(mp);
    mp.cpu = c;
    if (this.nr[c]!++ === 0) this.pickedAt[c] = this.rt.sim.now;
  }

  /**
   * mp goes off CPU: a thread still there is picked again (its slice protection starts over); when only
   * wakees held back by the protection remain they run now; and the CPU goes idle if mp was its last
   * thread — unless it pulls a wakee (newidle balance).
   */
  cpuOff(mp: M, now: number): void {
    const c = mp.cpu;
    if (c < 0) return;
    const left = --this.nr[c]!;
    if (left > 0) {
      this.pickedAt[c] = now;
      if (this.heldWakes.length > 0 && this.heldCounted(c, now) === left) this.releaseHeld(c, now);
      return;
    }
    this.idleSince[c] = now;
    if (this.heldWakes.length > 0) this.pullHeld(c, now);
    if (this.nr[c] === 0 && this.coldWakes.length > 0) this.newidlePull(c, now);
  }

  /**
   * Send a futex/epoll wake-up to thread mp, ending with event `tag` on `target` (mp itself, or sysmon)
   * after the hot latency `hot` (rt.latency(cost.futexWake), drawn by the caller) + wakeExtra. Call
   * before mp goes on CPU (its state change to Waking/Sysmon claims the CPU).
   */
  wakeSend(mp: M, target: EventTarget & { gen: number }, tag: number, hot: number, daemon = false): number {
    return this.send(mp, target, tag, hot, this.wakeExtra(mp, this.rt.sim.now), daemon);
  }

  /**
   * Schedule thread mp's run on its CPU (selectCpu) `hot` + `extra` ns from now — held back behind a
   * thread computing in the kernel there (protectedUntil), or kept as a cold wake-up in flight when a
   * halted vCPU adds `extra` — ending with event `tag` on `target`. Returns when it runs.
   */
  private send(mp: M, target: EventTarget & { gen: number }, tag: number, hot: number, extra: number, daemon: boolean): number {
    const now = this.rt.sim.now;
    let at = now + hot + extra;
    const c = this.selectCpu(mp);
    const heldUntil = extra === 0 ? this.protectedUntil(c, now, at) : 0;
    if (heldUntil > 0) at = heldUntil;
    this.rt.sim.at(at, target, tag, target.gen, daemon);
    if (heldUntil > 0) {
      // Placed now (a woken thread is already there; a clone's fork balancing happens at clone time).
      mp.cpu = c;
      this.heldWakes.push({ mp, target, tag, daemon, gen: target.gen, at, hotAt: now + hot, cpu: c });
    } else if (extra > 0) {
      this.coldWakes.push({ mp, target, tag, daemon, gen: target.gen, at, hotAt: now + hot, cpu: c, idleSince: this.idleSince[c]! });
    }
    return at;
  }

  /**
   * A new thread (clone → wake_up_new_task) whose first run would come `delay` ns from now (cost.
   * threadCreate), ending with event `tag` on mp. Fork balancing places it now (select_task_rq with
   * SD_BALANCE_FORK: selectCpu's idle or least loaded CPU); when that CPU's thread computes in the
   * kernel, the new task waits as a futex wakee would (wake_up_new_task → wakeup_preempt, the same
   * check_preempt_wakeup_fair: protectedUntil). Otherwise it starts on time and is placed when it
   * first runs (cpuOn), as before. No halted-vCPU cost: cost.threadCreate was measured with it.
   * urandom_read.go at GOMAXPROCS=1: each sysmon retake of a P whose M reads /dev/urandom clones a
   * thread while both CPUs run reads; real go1.19.8 enters one read per ≈2.1–2.5 ms and keeps 13
   * threads at N=100 (conformance/reference/go1.19/urandom_read.json), not one per sysmon tick.
   */
  threadStart(mp: M, tag: number, delay: number): number {
    return this.send(mp, mp, tag, delay, 0, false);
  }

  /**
   * A futex/epoll wake-up onto CPU c where a thread computes in the kernel (a CPU-bound system call,
   * M.kernelCpu) does not preempt it: inside its EEVDF slice it is protected (RUN_TO_PARITY:
   * kernel/sched/fair.c check_preempt_wakeup_fair → __pick_eevdf(protect), `slice` from its pick), and
   * after it the wakee is not picked before the scheduler tick either (update_curr → resched_curr; no
   * hrtick on this kernel) — the wakee waits for the first tick after both the slice and its own
   * arrival, unless the CPU frees up or another CPU goes idle and pulls it (releaseHeld, pullHeld).
   * Returns when the wake-up that would run at `at` runs instead, or 0 when nothing holds it.
   * Measured with perf (sched_switch/sched_waking + raw_syscalls, wip/perf-wakeups.py) on
   * conformance/programs/urandom_read.go built by go1.26.8, N=100, GOMAXPROCS=1, quiet machine: the Ms
   * handoffp starts (futex wake-ups sent by sysmon from the other CPU) onto a CPU running a 1 MiB read
   * of /dev/urandom waited 1.7 / 4.8 / 45 ms (p10/p50/p90) while the other CPU idled — the "new M runs
   * ≈2 ms after the retake" of a go1.26 runtime/trace and the ≈2.3 ms between reads real Go shows at
   * N=10 (urandom_read.json entry_gap_us) — whereas sysmon's own timer wake-ups onto such a CPU ran at
   * once in 97 % of 777 cases (median 21 µs), and a C thread spinning in user space (a CPU-bound cgo
   * call, busy_wake.go's hogs) is preempted at once: neither is held here. None of those 17 held
   * wake-ups ran within 1.7 ms (p10), although a wake-up at a random point of a 2.7 ms read comes after
   * the reader's 1.4 ms slice half of the time: a late wakee waits for the tick as well. (Until session
   * 13 a wakee after the slice ran at once: with work.startSema's chain, urandom_read's readers then
   * entered read(2) every ≈120 µs and threads grew to ≈95 at N=100 — real go1.19.8: 2.2–2.5 ms, 13.)
   */
  protectedUntil(c: number, now: number, at: number): number {
    if (this.nr[c] === 0 || !this.kernelBusy(c) || this.nr[c]! - this.heldCounted(c, now) <= 0) return 0;
    let until = Math.max(this.pickedAt[c]! + this.slice, at);
    // The CPU picks one thread at a time: a wakee held behind others already waiting there runs after
    // the last of them has had its slice (that one computes too: it goes back into its read).
    for (const w of this.heldWakes) if (w.cpu === c && w.target.gen === w.gen && w.at >= now) until = Math.max(until, w.at + this.slice);
    const tick = this.rt.cost.schedTick;
    if (tick <= 0) return until;
    return this.tickPhase + Math.ceil((until - this.tickPhase) / tick) * tick;
  }

  /** Whether a thread computes in the kernel on CPU c now (a CPU-bound system call: M.kernelCpu). */
  private kernelBusy(c: number): boolean {
    for (let mp = this.head; mp !== null; mp = mp.cpuNext) if (mp.kernelCpu && mp.cpu === c) return true;
    return false;
  }

  /** How many of CPU c's threads are wakees held back there (counted on it since their wake-up's send). */
  private heldCounted(c: number, now: number): number {
    let n = 0;
    for (const w of this.heldWakes) {
      if (w.cpu === c && w.at > now && w.target.gen === w.gen && w.mp.cpu === c && onCpuState[w.mp.state]) n++;
    }
    return n;
  }

  /** Re-time a held wake-up to run now (not before its hot time) on CPU c. */
  private runHeld(w: PendingWake, c: number, now: number): void {
    const at = Math.max(now, w.hotAt);
    w.target.gen++;
    this.rt.sim.at(at, w.target, w.tag, w.target.gen, w.daemon);
    if (w.target === w.mp) w.mp.wakeAt = at;
    this.pickedAt[c] = at;
  }

  /** CPU c has no thread left but wakees held back there: they run now (the first is picked). */
  private releaseHeld(c: number, now: number): void {
    for (const w of takeWakes(this.heldWakes, now, (x) => x.cpu === c, true)) this.runHeld(w, c, now);
  }

  /**
   * sched_balance_newidle: CPU c just went idle while a wakee waits on another CPU behind a protected
   * thread: c pulls the oldest such wakee and runs it now. (A CPU that was already idle does not pull:
   * the idle balance of a NOHZ-idle CPU waits for the busy CPU's tick — the held wake-up's own time.)
   */
  private pullHeld(c: number, now: number): void {
    const w = takeWakes(this.heldWakes, now, () => true, false)[0];
    if (w === undefined) return;
    this.moveWakee(w, c);
    this.runHeld(w, c, now);
  }

  /**
   * The wakee of w runs on CPU c from now: its count moves there when it was counted on its old CPU (a
   * parked M woken by notewakeup counts from the send, MS.Waking; a poller or sysmon only when its
   * wake-up fires). Returns whether that left its old CPU without threads.
   */
  private moveWakee(w: PendingWake, c: number): boolean {
    const mp = w.mp;
    let emptied = false;
    if (mp.cpu === w.cpu && onCpuState[mp.state]) {
      emptied = --this.nr[w.cpu]! === 0;
      this.nr[c]!++;
    }
    mp.cpu = c;
    return emptied;
  }

  /**
   * sched_balance_newidle: CPU c just went idle while a woken thread waits for its halted vCPU to come
   * back (a cold wake-up in flight): with probability cost.newidlePull c takes it over and runs it now,
   * as a hot wake-up would have (not before hotAt); the thread's CPU is c from then on (so later
   * wake-ups by the same waker find it on a busy CPU and stay hot). This is what a Go M that wakes
   * another (wakep, netpollBreak, sysmon's note) and then parks at once sees: conformance/reference/
   * go1.26/vcpu_wake.json free_block (the waker blocks right after the wake-up): the woken thread ran
   * on the waker's CPU in ≈60 % of trials, median 6–11 µs after ≤ 1 ms of idle, against 30 % and
   * ≈20 µs when the waker keeps running (free). Only the oldest cold wake-up in flight is considered.
   * The wakee's old CPU never woke: its idle time goes on.
   */
  private newidlePull(c: number, now: number): void {
    const w = takeWakes(this.coldWakes, now, (x) => x.cpu !== c && x.mp.cpu === x.cpu, false)[0];
    if (w === undefined) return;
    // Not every time (the wakee may already be running on its own CPU, or the balancer skips): the
    // recorded share (cost.newidlePull), drawn from the run's seeded generator.
    if (this.rt.rand.uint32() / 4294967296 >= this.rt.cost.newidlePull) return;
    this.pulls++;
    // The wakee's old CPU never woke: its idle time goes on.
    if (this.moveWakee(w, c)) this.idleSince[w.cpu] = w.idleSince;
    w.target.gen++;
    this.rt.sim.at(Math.max(now, w.hotAt), w.target, w.tag, w.target.gen, w.daemon);
  }

  /**
   * The extra latency of a futex/epoll wake-up of mp sent now: 0 when the CPU it will run on is busy
   * (it preempts there); when that CPU is idle, the host must run the halted vCPU again first:
   * cost.vcpuWake once it idled cost.haltPollWindow, + cost.vcpuWakeGrowth per e-fold of longer idle
   * (capped at 100 ms of idle, the longest recorded).
   */
  wakeExtra(mp: M, now: number): number {
    const c = this.selectCpu(mp);
    if (this.nr[c]! > 0) return 0;
    const cost = this.rt.cost;
    const idle = Math.min(now - this.idleSince[c]!, vcpuWakeMaxIdle);
    if (idle < cost.haltPollWindow) return 0;
    return Math.round(cost.vcpuWake + cost.vcpuWakeGrowth * Math.log(idle / cost.haltPollWindow));
  }

  /**
   * The extra latency of a futex wake-up sent from another CPU to a thread asleep on its own CPU that
   * nothing else runs on — the configuration of vcpu_wake.json's pinned variant (sleeper and waker on
   * the two vCPUs): its flat level cost.vcpuWake from the shortest idle on (go1.19.8 16.9–18.7 µs,
   * go1.26.8 20.7–24.0 µs at 10–100 µs of idle, against the hot futexWake's 8.9), growing as wakeExtra
   * past haltPollWindow. wakeExtra charges nothing below haltPollWindow because the model does not know
   * where a Go thread woken after a short idle runs (often on its waker's busy CPU); a caller that
   * knows the sleeper stays alone on its CPU and the waker runs on another (exec.ts stwWait: the
   * stop-the-world's caller on sched.stopnote, an M asleep on sched.lock) uses this instead.
   * `cpu` is the sleeper's CPU, `waker` the waker's; `idleFor` how long the sleeper's CPU will have
   * idled; `self` 1 when the sleeper is still counted on its CPU (it goes to sleep later than now).
   */
  pinnedWakeExtra(cpu: number, waker: number, idleFor: number, self = 0): number {
    if (cpu < 0 || cpu === waker || this.nr[cpu]! - self > 0) return 0;
    const cost = this.rt.cost;
    const idle = Math.min(idleFor, vcpuWakeMaxIdle);
    return Math.round(cost.vcpuWake + (idle > cost.haltPollWindow ? cost.vcpuWakeGrowth * Math.log(idle / cost.haltPollWindow) : 0));
  }

  /** The rate the current demand asks for. */
  wanted(): number {
    const n = this.n;
    return n > this.cores ? this.cores / n : 1;
  }

  /** The Ms with a CPU stretch in flight, in start order (invariants, tests). */
  stretches(): M[] {
    const out: M[] = [];
    for (let mp = this.head; mp !== null; mp = mp.cpuNext) out.push(mp);
    return out;
  }

  /** After a start or a stop: settle once at this instant when the demand is or was above the cores. */
  changed(): void {
    if (this.settlePending) return;
    if (this.n <= this.cores && this.rate === 1) return;
    this.settlePending = true;
    this.rt.sim.after(0, this, OsTag.Settle, 0);
  }

  /** The settle event: apply the rate the demand asks for, re-timing every in-flight stretch. A quota step first re-caps the cores. */
  fire(tag: number): void {
    const rt = this.rt;
    if (rt.exited) return;
    if (tag === OsTag.Quota) {
      const steps = this.quotaSteps;
      while (this.nextStep < steps.length && steps[this.nextStep]!.at <= rt.sim.now) this.cores = Math.min(this.ncpu, steps[this.nextStep++]!.cores);
      if (this.nextStep < steps.length) rt.sim.at(steps[this.nextStep]!.at, this, OsTag.Quota, 0, true);
      this.changed();
      return;
    }
    this.settlePending = false;
    const r = this.wanted();
    const old = this.rate;
    if (r === old) return;
    this.rate = r;
    this.changes++;
    const now = rt.sim.now;
    for (let mp = this.head; mp !== null; mp = mp.cpuNext) {
      const left = (mp.cpuEnd - now) * old; // CPU ns left
      const end = now + Math.ceil(left / r);
      mp.cpuEnd = end;
      mp.gen++; // cancel the old end (and a pending cooperative-preemption point)
      rt.sim.at(end, mp, mp.cpuTag, mp.gen);
      const gp = mp.curg;
      if (mp.cpuTag === T.Run && gp !== null && gp.workEnd > now) {
        // A Work op (a raw CPU syscall also ends with T.Run, but its G's workEnd is a past op's).
        gp.workEnd = end;
        if (gp.preempt && gp.workEvery > 0 && mp.state === MS.Running) {
          const call = nextCallPoint(rt, gp);
          if (call < end) rt.sim.at(call, mp, T.CoopPreempt, mp.gen);
        }
      }
    }
  }
}

/**
 * Start a CPU stretch of `cpu` ns on mp; its end fires `tag` (T.Run or T.SyscallDone) on mp under the
 * M's current generation. Returns the projected end (wall time).
 */
export function cpuStart(rt: Runtime, mp: M, cpu: number, tag: number): number {
  const os = rt.os;
  const rate = os.rate;
  const end = rate === 1 ? rt.sim.now + cpu : rt.sim.now + Math.ceil(cpu / rate);
  mp.cpuEnd = end;
  mp.cpuTag = tag;
  mp.onCpu = true;
  const t = os.tail;
  mp.cpuPrev = t;
  mp.cpuNext = null;
  if (t === null) os.head = mp;
  else t.cpuNext = mp;
  os.tail = mp;
  rt.sim.at(end, mp, tag, mp.gen);
  if (++os.n > os.cores || rate !== 1) os.changed();
  return end;
}

/**
 * The stretch on mp ends (at its end event, or cut short: preemption, stop-the-world). Returns the CPU
 * ns it still had to run (0 at its end). The caller cancels the end event itself if it is still pending.
 */
export function cpuStop(rt: Runtime, mp: M): number {
  const os = rt.os;
  const left = Math.max(0, (mp.cpuEnd - rt.sim.now) * os.rate);
  const prev = mp.cpuPrev;
  const next = mp.cpuNext;
  if (prev === null) os.head = next;
  else prev.cpuNext = next;
  if (next === null) os.tail = prev;
  else next.cpuPrev = prev;
  mp.cpuPrev = mp.cpuNext = null;
  mp.onCpu = false;
  os.n--;
  if (os.rate !== 1) os.changed();
  return left;
}

/**
 * When gp, in a Work op with call points every `workEvery` ns of CPU, reaches its next call point (wall
 * time; Infinity when the op has none left). With the full core this is the next multiple of workEvery
 * after the op's start; under sharing the CPU still to go is stretched by the current rate.
 */
export function nextCallPoint(rt: Runtime, gp: G): number {
  const now = rt.sim.now;
  const rate = gp.m !== null && gp.m.onCpu ? rt.os.rate : 1;
  // With the full core since the op started this is exactly the time since it started.
  const done = gp.workNs - (gp.workEnd - now) * rate;
  const next = Math.ceil(done / gp.workEvery) * gp.workEvery;
  if (next >= gp.workNs) return Infinity;
  return now + Math.ceil((next - done) / rate);
}
