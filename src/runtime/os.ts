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
 * What it simplifies:
 * - only CPU stretches compete. The runtime's own costs between ops (cost.ts: chanOp, goroutine
 *   switches, ≈0.1–1 µs each), a spinning M (findRunnable's spinning is instantaneous in this model,
 *   except the 3 µs runnext back-off) and sysmon's loop bodies are not slowed down and take no share;
 * - a sharing change is seen by all stretches at once, at the instant it happens (no wake-up latency,
 *   migration or cache effects, no per-thread weights: every thread has nice 0);
 * - the cores belong to this process alone (no other load on the machine);
 * - one pool of cores, not per-CPU run queues and a load balancer (see above);
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

/** The CPU scheduler's own events: a settle of the sharing rate, a step of the CPU limit. */
const OsTag = { Settle: 0, Quota: 1 } as const;

/**
 * The simulated machine's cores when a run does not say (runtime.NumCPU(), and so the default GOMAXPROCS):
 * the reference machine, a 2-vCPU AMD EPYC VM (Linux 6.18, Firecracker) on which every recorded reference
 * (conformance/README.md) and every measured cost default (cost.ts, conformance/reference/go1.19/costs.json) were
 * taken, so that a run with no options predicts that machine.
 */
export const defaultNcpu = 2;

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

  constructor(rt: Runtime, ncpu: number, quota: readonly CpuQuotaStep[] = []) {
    this.rt = rt;
    this.ncpu = ncpu;
    this.cores = ncpu;
    this.quotaSteps = quota;
    // Steps at time 0 apply now; later ones are daemon events (they keep nothing alive).
    while (this.nextStep < quota.length && quota[this.nextStep]!.at <= 0) this.cores = Math.min(ncpu, quota[this.nextStep++]!.cores);
    if (this.nextStep < quota.length) rt.sim.at(quota[this.nextStep]!.at, this, OsTag.Quota, 0, true);
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
  // With the full core since the op started this is exactly now − workStart.
  const done = gp.workNs - (gp.workEnd - now) * rate;
  const next = Math.ceil(done / gp.workEvery) * gp.workEvery;
  if (next >= gp.workNs) return Infinity;
  return now + Math.ceil((next - done) / rate);
}
