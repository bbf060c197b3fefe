/**
 * From measurements of real Go to cost-model parameters: one mapping, used by `gmpsim calibrate`
 * (on the user's machine) and by the test that checks the shipped defaults (cost.ts) are what the
 * recorded measurements of this project's machine (conformance/reference/go1.19/costs.json) map to.
 *
 * The measurements are the MEASURE lines of conformance/programs/calibrate.go and newm_clone.go
 * (names below). Each parameter documents which measurement it comes from and why it is not simply
 * equal to it.
 */
import type { CostModel } from './cost.js';

/** cost.ts's chanOp default (costs.json chan_buffered_op_ns), for a wake_costs.json mapped alone without `base`. */
const defaultChanOp = 13;

/**
 * timerHeapLevel: (sleep_cycle_ns_10000 − sleep_cycle_ns_0) / (2 × 7): beside 10 000 pending timers a
 * Sleep(1 ns) timer is the earliest, sifts up from the bottom (index 10 000: 7 levels) to the root and
 * back down when it runs (7 levels), along a path that stays in the caches. Rounded to 0.1 ns, ≥ 0.1.
 */
function timerLevelHot(m: Measurements): number | undefined {
  if (m.sleep_cycle_ns_10000 === undefined || m.sleep_cycle_ns_0 === undefined) return undefined;
  const levels = 2 * heapPopLevels(10001);
  return Math.max(0.1, Math.round(((m.sleep_cycle_ns_10000 - m.sleep_cycle_ns_0) / levels) * 10) / 10);
}

/** Names of calibrate.go's measurements (ns or µs as their suffix says). */
export type Measurements = Partial<Record<
  | 'goroutine_switch_ns'
  | 'chan_buffered_op_ns'
  | 'goroutine_create_exit_ns'
  | 'goroutine_create_fresh_ns'
  | 'goroutine_create_reused_ns'
  | 'mutex_uncontended_ns'
  | 'time_now_ns'
  | 'entersyscall_exitsyscall_ns'
  | 'thread_create_est_us'
  | 'usleep_slack_us'
  | 'usleep_slack_p90_us'
  | 'nanosleep_20ms_late_us'
  | 'usleep_slack_busy_us'
  | 'futex_handoff_us'
  | 'futex_handoff_p90_us'
  | 'sigurg_preempt_us'
  | 'sigurg_send_us'
  | 'stw_idle_us'
  | 'stw_spinner_us'
  // newm_clone.go
  | 'go_newthread_us'
  | 'go_wake_us'
  // wake_costs.go
  | 'ring_hop_ns_2'
  | 'ring_hop_ns_10'
  | 'ring_hop_ns_100'
  | 'ring_hop_ns_1000'
  | 'ring_hop_ns_10000'
  | 'ringperm_hop_ns_10'
  | 'ringperm_hop_ns_100'
  | 'ringperm_hop_ns_1000'
  | 'ringperm_hop_ns_10000'
  | 'sleep_cycle_ns_0'
  | 'sleep_cycle_ns_100'
  | 'sleep_cycle_ns_10000'
  | TimerCycleName,
  number
>>;

/** wake_costs.go's timer_cycle_ns_M: the heap sizes it measures. */
export const timerCycleHeapSizes = [2, 10, 100, 1000, 10000, 100000] as const;
type TimerCycleName = `timer_cycle_ns_${(typeof timerCycleHeapSizes)[number]}`;

/**
 * The levels the popped root's replacement sifts down in a 4-ary heap of m timers whose last element is
 * the latest (wake_costs.go's timer_cycle): from the root to the bottom level, ⌈log4(3m + 1)⌉ − 1.
 */
export function heapPopLevels(m: number): number {
  return Math.ceil(Math.log(3 * m + 1) / Math.log(4) - 1e-9) - 1;
}

/**
 * Round to a "nice" number: 2 significant digits (calibration noise is larger than that). A cost
 * derived by subtraction can come out ≤ 0 on a noisy machine; nothing in the model is free, so the
 * floor is 1 ns.
 */
function nice(x: number): number {
  if (!(x > 1)) return 1;
  return significant(x, 2);
}

/** x rounded to `digits` significant digits (without the binary float's trailing noise). */
export function significant(x: number, digits: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)) - digits + 1);
  return Math.round(Math.round(x / p) * p * 1e6) / 1e6;
}

/**
 * The cost parameters the measurements determine (the others keep their defaults).
 * - goroutineSwitch = (ping-pong half round trip) − chanOp: the half round trip is one channel
 *   handoff plus one switch.
 * - goroutineCreate / goroutineExit: create+run+exit of `go wg.Done()` minus the switch and the
 *   Done, split 2:1 between newproc and goexit0.
 * - goroutineAlloc = a go statement with a new G less one with a G from the free list (both
 *   timed at GOMAXPROCS=1, where the new goroutines do not run during the loop).
 * - timerSlack = what nanosleep(20µs) adds beyond 20 µs; slackJitter from its 90th percentile: the
 *   slack is drawn uniformly from ×[1 − j/2, 1 + j/2], whose p90 is 1 + 0.4 j.
 * - timerSlackFractionMax = how late a raw nanosleep(20 ms) returns less timerSlack: at 20 ms the
 *   growing part (timerSlackFraction × 20 ms) is past its cap, so the rest is the cap.
 * - futexWake: a woken idle M takes several hot-futex hand-offs to run; the median of the hot
 *   measurement and its 90th percentile, averaged, matches how often a woken thief beats a 10 µs
 *   timer on the reference machine (sleep_granularity.json).
 * - signalDelivery: the stopper-side preemption latency less one goroutine switch.
 * - stopTheWorld: the mean of an idle STW and one that must preempt a running goroutine.
 * - cloneCall = a `go` statement that had to create a thread (newm_clone.go) less newproc: the
 *   rest is wakep → startm → newm, i.e. the clone() the calling thread makes. −1 (no trial created
 *   a thread) leaves the default.
 * - futexWakeCall = a `go` statement that woke an idle M (newm_clone.go go_wake_us) less newproc:
 *   the rest is wakep → startm → notewakeup, the futex(FUTEX_WAKE) the calling thread makes.
 * - coldSwitchN = wake_costs.go ringperm_hop_ns_N (ring_hop_ns_N if absent) − ring_hop_ns_2 (rounded,
 *   ≥ 0): what a hop costs more when the woken goroutine last ran N−1 switches ago than in a hot
 *   ping-pong pair. The shuffled ring (goroutines created in a random order of their ring places) is
 *   the general case; the ordered one lets the prefetcher follow neighbouring stacks.
 * - timerOp = (sleep_cycle_ns_0 − ring_hop_ns_2 + chanOp) / 2, chanOp the release's (`base`): the bare time.Sleep(1 ns) cycle of one
 *   goroutine (two timer-heap operations of a one-timer heap, park, ready, switch) less what gmpsim
 *   charges for a hot park + ready + switch (a ring hop is chanOp + goroutineSwitch there), over the
 *   two heap operations.
 * - timerHeapLevel = the hot per-level cost (timerLevelHot).
 * - timerColdM = timer_cycle_ns_M − timer_cycle_ns_2 − timerHeapLevel × (the extra levels a pop of M
 *   timers sifts), ≥ 0: what a pop of a timer armed M arms ago costs beyond the hot sifting.
 */
export function costsFromMeasurements(m: Measurements, base: Partial<CostModel> = {}): Partial<CostModel> {
  const out: Partial<CostModel> = {};
  const chan = m.chan_buffered_op_ns;
  if (chan !== undefined) out.chanOp = nice(chan);
  // wake_costs.go
  const ring2 = m.ring_hop_ns_2;
  if (ring2 !== undefined) {
    const cold = (v: number | undefined): number | undefined => (v === undefined ? undefined : Math.max(0, Math.round(v - ring2)));
    // the ring whose goroutines were created in a random order when it was measured (the general case:
    // goroutines wake in an order unrelated to where their stacks are), else the one in ring order
    const c10 = cold(m.ringperm_hop_ns_10 ?? m.ring_hop_ns_10);
    const c100 = cold(m.ringperm_hop_ns_100 ?? m.ring_hop_ns_100);
    const c1000 = cold(m.ringperm_hop_ns_1000 ?? m.ring_hop_ns_1000);
    const c10000 = cold(m.ringperm_hop_ns_10000 ?? m.ring_hop_ns_10000);
    if (c10 !== undefined) out.coldSwitch10 = c10;
    if (c100 !== undefined) out.coldSwitch100 = c100;
    if (c1000 !== undefined) out.coldSwitch1000 = c1000;
    if (c10000 !== undefined) out.coldSwitch10000 = c10000;
    if (m.sleep_cycle_ns_0 !== undefined) {
      out.timerOp = Math.max(1, Math.round((m.sleep_cycle_ns_0 - ring2 + (out.chanOp ?? base.chanOp ?? defaultChanOp)) / 2));
    }
  }
  const level = timerLevelHot(m);
  if (level !== undefined) out.timerHeapLevel = level;
  const t2 = m.timer_cycle_ns_2;
  if (t2 !== undefined && level !== undefined) {
    const cold = (size: (typeof timerCycleHeapSizes)[number]): number | undefined => {
      const v = m[`timer_cycle_ns_${size}`];
      return v === undefined ? undefined : Math.max(0, Math.round(v - t2 - level * (heapPopLevels(size) - heapPopLevels(2))));
    };
    const c = [cold(10), cold(100), cold(1000), cold(10000), cold(100000)];
    if (c[0] !== undefined) out.timerCold10 = c[0];
    if (c[1] !== undefined) out.timerCold100 = c[1];
    if (c[2] !== undefined) out.timerCold1000 = c[2];
    if (c[3] !== undefined) out.timerCold10000 = c[3];
    if (c[4] !== undefined) out.timerCold100000 = c[4];
  }
  if (m.goroutine_switch_ns !== undefined) out.goroutineSwitch = nice(m.goroutine_switch_ns - (out.chanOp ?? 20));
  if (m.goroutine_create_exit_ns !== undefined) {
    const rest = Math.max(0, m.goroutine_create_exit_ns - (out.goroutineSwitch ?? 180) - (m.mutex_uncontended_ns ?? 10));
    out.goroutineCreate = nice((rest * 2) / 3);
    out.goroutineExit = nice(rest / 3);
  }
  if (m.goroutine_create_fresh_ns !== undefined && m.goroutine_create_reused_ns !== undefined) {
    out.goroutineAlloc = nice(m.goroutine_create_fresh_ns - m.goroutine_create_reused_ns);
  }
  if (m.mutex_uncontended_ns !== undefined) out.semOp = nice(Math.max(m.mutex_uncontended_ns, 10));
  if (m.time_now_ns !== undefined) out.runtimeCall = nice(m.time_now_ns);
  if (m.entersyscall_exitsyscall_ns !== undefined) out.syscallOverhead = nice(m.entersyscall_exitsyscall_ns);
  if (m.thread_create_est_us !== undefined) out.threadCreate = nice(m.thread_create_est_us * 1000);
  if (m.usleep_slack_us !== undefined) out.timerSlack = nice(m.usleep_slack_us * 1000);
  if (m.usleep_slack_us !== undefined && m.usleep_slack_p90_us !== undefined && m.usleep_slack_us > 0) {
    out.slackJitter = Math.max(0, Math.round(((m.usleep_slack_p90_us / m.usleep_slack_us - 1) / 0.4) * 100) / 100);
  }
  if (m.nanosleep_20ms_late_us !== undefined && out.timerSlack !== undefined) {
    out.timerSlackFractionMax = nice(m.nanosleep_20ms_late_us * 1000 - out.timerSlack);
  }
  if (m.futex_handoff_us !== undefined && m.futex_handoff_p90_us !== undefined) {
    out.futexWake = nice(((m.futex_handoff_us + m.futex_handoff_p90_us) / 2) * 1000);
  }
  // preemptM's tgkill: the sender's own syscall (an IPI to the other CPU).
  if (m.sigurg_send_us !== undefined) out.signalSend = nice(m.sigurg_send_us * 1000);
  // The stopper's view of a signal preemption less the switch and the sender's tgkill.
  if (m.sigurg_preempt_us !== undefined) out.signalDelivery = nice(m.sigurg_preempt_us * 1000 - (out.goroutineSwitch ?? 180) - (out.signalSend ?? 12_000));
  if (m.stw_idle_us !== undefined && m.stw_spinner_us !== undefined) out.stopTheWorld = nice(((m.stw_idle_us + m.stw_spinner_us) / 2) * 1000);
  if (m.go_newthread_us !== undefined && m.go_newthread_us > 0) out.cloneCall = nice(m.go_newthread_us * 1000 - (out.goroutineCreate ?? 100));
  if (m.go_wake_us !== undefined && m.go_wake_us > 0) out.futexWakeCall = nice(m.go_wake_us * 1000 - (out.goroutineCreate ?? 100));
  return out;
}

/**
 * The cost parameters a release's own code decides (its runtime's fast paths), as opposed to the
 * machine's (the kernel's sleeps, wake-ups, clones and signals, which every release running on the
 * machine shares). `releaseCosts` (cost.ts) overrides these per release.
 */
export const releaseDependentCosts = [
  'chanOp', 'goroutineSwitch', 'goroutineCreate', 'goroutineExit', 'goroutineAlloc', 'semOp', 'runtimeCall', 'syscallOverhead',
] as const satisfies readonly (keyof CostModel)[];

/**
 * The parameters wake_costs.go measures on each release's own toolchain (the timer code and the working
 * set of goroutines): a later release's values are costsFromMeasurements of its own wake_costs.json,
 * not go1.19's times a ratio; releaseCosts (cost.ts) carries them next to releaseCostsFromRatios'.
 */
export const releaseMeasuredCosts = [
  'coldSwitch10', 'coldSwitch100', 'coldSwitch1000', 'coldSwitch10000',
  'timerOp', 'timerHeapLevel', 'timerCold10', 'timerCold100', 'timerCold1000', 'timerCold10000', 'timerCold100000',
] as const satisfies readonly (keyof CostModel)[];

/**
 * A later release's costs on the machine whose go1.19 medians are `base`: each measurement of Go code
 * times the release's median ratio to go1.19 measured in back-to-back pairs
 * (conformance/release-costs.mjs → conformance/reference/release-costs.json); figures without a ratio
 * stay go1.19's. entersyscall+exitsyscall is the difference of two measured calls (getpid through
 * syscall.Syscall and through RawSyscall), so it moves by what each call moved rather than by a ratio of
 * its own (a ratio of a small difference of noisy figures means nothing). Returns the release-dependent parameters only.
 */
export function releaseCostsFromRatios(base: Measurements & Record<string, number>, ratios: Readonly<Record<string, number>>): Partial<CostModel> {
  const scaled: Record<string, number> = { ...base };
  for (const [k, r] of Object.entries(ratios)) if (base[k] !== undefined) scaled[k] = base[k]! * r;
  const sys = base['syscall_getpid_ns'], raw = base['rawsyscall_getpid_ns'], diff = base['entersyscall_exitsyscall_ns'];
  if (sys !== undefined && raw !== undefined && diff !== undefined) {
    scaled['entersyscall_exitsyscall_ns'] = diff + (scaled['syscall_getpid_ns']! - sys) - (scaled['rawsyscall_getpid_ns']! - raw);
  }
  const all = costsFromMeasurements(scaled as Measurements);
  const out: Partial<CostModel> = {};
  for (const k of releaseDependentCosts) if (all[k] !== undefined) out[k] = all[k];
  return out;
}

/** One point of conformance/programs/vcpu_wake.go's pinned variant: the target CPU idled `idleUs`, the wake-up took `wakeUs` (median). */
export interface VcpuWakePoint {
  idleUs: number;
  wakeUs: number;
}

/**
 * The VM's idle-CPU wake-up (runtime/os.ts wakeExtra) from vcpu_wake.go's medians (pinned variant:
 * waker and sleeper on different CPUs, the sleeper's CPU idle for IDLE_US + 5 µs). Points at the same
 * idle time (one per release) are averaged first; the extra over the model's hot wake-up is the median
 * less futexWake. The recorded curve is flat from 15 µs to a knee (≈ futexWake + 11 µs: the host runs
 * the halted vCPU again) and grows log-linearly beyond it (the host's own idle deepens). The model
 * charges the extra from the knee on (haltPollWindow = the knee, vcpuWake = the flat level, then
 * vcpuWakeGrowth per e-fold): below it, a Go thread's wake-up is the hot one (futexWake) — in real
 * runs a thread woken after a short idle mostly shares its waker's CPU, which the model does not
 * track (os.ts). The knee is the recorded idle time that fits best (least squares over every point
 * from 15 µs on).
 */
export function vcpuWakeFromMeasurements(points: readonly VcpuWakePoint[], futexWake: number): Pick<CostModel, 'haltPollWindow' | 'vcpuWake' | 'vcpuWakeGrowth'> {
  const by = new Map<number, number[]>();
  for (const p of points) {
    const xs = by.get(p.idleUs) ?? [];
    xs.push(p.wakeUs);
    by.set(p.idleUs, xs);
  }
  const idle = [...by.keys()].sort((a, b) => a - b);
  const extra = idle.map((i) => (by.get(i)!.reduce((a, b) => a + b, 0) / by.get(i)!.length) * 1000 - futexWake);
  let best = { sse: Infinity, flat: 0, growth: 0, knee: 0 };
  // idle[0] (5 µs) is below the host's step (the vCPU may still be polled), so the fit starts at idle[1].
  for (let k = 1; k < idle.length; k++) {
    const knee = idle[k]!;
    let sum = 0;
    for (let i = 1; i <= k; i++) sum += extra[i]!;
    const flat = sum / k;
    let sxy = 0;
    let sxx = 0;
    for (let i = k + 1; i < idle.length; i++) {
      const x = Math.log(idle[i]! / knee);
      sxy += x * (extra[i]! - flat);
      sxx += x * x;
    }
    const growth = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
    let sse = 0;
    for (let i = 1; i < idle.length; i++) {
      const f = flat + (idle[i]! > knee ? growth * Math.log(idle[i]! / knee) : 0);
      sse += (extra[i]! - f) ** 2;
    }
    if (sse < best.sse) best = { sse, flat, growth, knee };
  }
  return { haltPollWindow: nice(best.knee * 1000), vcpuWake: nice(best.flat), vcpuWakeGrowth: nice(best.growth) };
}

/**
 * cost.newidlePull from vcpu_wake.go's free variants (no affinity): `sameFree` is the share of trials
 * whose woken thread ran on the waker's CPU while the waker kept running (free), `sameBlock` the same
 * share when the waker blocked right after the wake-up (free_block), each the mean over its trials. The
 * extra share the blocking waker's CPU took, out of the wake-ups that would otherwise have gone
 * elsewhere, is the probability that a CPU going idle takes over a cold wake-up in flight.
 */
export function newidlePullFromMeasurements(sameFree: number, sameBlock: number): number {
  if (!(sameFree < 1)) return 0;
  return Math.round(Math.max(0, (sameBlock - sameFree) / (1 - sameFree)) * 100) / 100;
}

/**
 * conformance/programs/gc_alloc_loop.go's loop: `n := &node{}` (64 bytes: a pointer and 7 int64s),
 * one store into it, one into a ring of 65,536 slots, 3,000,000 times. A variant's medians of its
 * MEASURE loop_ms and gc_cpu_pct (GCCPUFraction × 100) are what the allocation costs come from.
 */
export interface AllocLoopMeasurements {
  loop_ms: number;
  gc_cpu_pct: number;
}
/** gc_alloc_loop.go's iterations (one 64-byte allocation each). */
export const allocLoopIterations = 3_000_000;
/** gc_alloc_loop.go's object size: `struct { next *node; val [7]int64 }`. */
export const allocLoopObjectBytes = 64;

/**
 * The mutator's ns per gc_alloc_loop iteration with the heap reused (GOGC=100, GOMAXPROCS=1: `p1`):
 * the loop's wall time less the GC's share of the one CPU (GCCPUFraction: the assists, the fractional
 * worker and the pauses), per iteration. What is left is the loop's own code, mallocgc and the
 * sweeping mallocgc does before reusing a span (which GCCPUFraction does not count).
 */
export function allocLoopMutatorNs(p1: AllocLoopMeasurements): number {
  return (p1.loop_ms * 1e6 * (1 - p1.gc_cpu_pct / 100)) / allocLoopIterations;
}

/**
 * The idle times (µs, vcpu_wake.go's IDLE_US + its 5 µs guard) at which cost.timedWaitWake is read:
 * what a stopper sleeping in notetsleep(&sched.stopnote, 100 µs) sees — woken 10–60 µs after it went to
 * sleep, within its first timed wait.
 */
export const timedWaitIdleUs = [15, 30, 55] as const;

/**
 * cost.timedWaitWake from vcpu_wake.go's pinned variants (the sleeper's CPU idle for a given time, the
 * waker on the other CPU): the mean over timedWaitIdleUs of the timed wait's median wake-up
 * (pinned_timed: FUTEX_WAIT with a 100 µs timeout) less the untimed one's (pinned); points at the same
 * idle time (one per release) are averaged first. 2 significant digits.
 */
export function timedWaitWakeFromMeasurements(untimed: readonly VcpuWakePoint[], timed: readonly VcpuWakePoint[]): number {
  const at = (pts: readonly VcpuWakePoint[], idle: number): number => {
    const xs = pts.filter((p) => p.idleUs === idle).map((p) => p.wakeUs);
    if (xs.length === 0) throw new RangeError(`no vcpu_wake point at ${idle} µs of idle`);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const d = timedWaitIdleUs.map((i) => at(timed, i) - at(untimed, i));
  return nice((d.reduce((a, b) => a + b, 0) / d.length) * 1000);
}
