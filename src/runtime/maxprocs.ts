/**
 * Container-aware GOMAXPROCS (Go 1.25+: cgroup_linux.go defaultGOMAXPROCS/adjustCgroupGOMAXPROCS,
 * proc.go schedinit, sysmonUpdateGOMAXPROCS, updateMaxProcsGoroutine, debug.go GOMAXPROCS).
 *
 * What it models. A run may have a simulated cgroup CPU limit (RunOptions.cpuQuota: cores, i.e.
 * cpu.max's quota/period, possibly changing at given times). Under a profile with
 * `containerAwareGOMAXPROCS`:
 *   - schedinit: GOMAXPROCS from the environment (RunOptions.gomaxprocs) is "custom"
 *     (sched.customGOMAXPROCS); otherwise it is defaultGOMAXPROCS = min(ncpu, max(2, ceil(limit))),
 *     or ncpu without a limit or with GODEBUG=containermaxprocs=0;
 *   - runtime.main starts the updater goroutine (runtime.ts, unless updatemaxprocs=0);
 *   - sysmon, at most once per second (lastgomaxprocs + 1 s ≤ now; while it is in deep sleep it does
 *     not look), recomputes the default; if it differs from GOMAXPROCS and GOMAXPROCS is not custom,
 *     it hands the value to the updater goroutine and makes it runnable (injectglist); the goroutine
 *     stops the world and resizes the Ps, unless GOMAXPROCS became custom meanwhile;
 *   - runtime.GOMAXPROCS(n > 0) sets customGOMAXPROCS: no further updates (exec.ts).
 * Before 1.25 none of this exists: GOMAXPROCS defaults to ncpu whatever the limit.
 *
 * The limit also caps the CPU the process gets, whatever the release: the OS model (os.ts) shares
 * min(ncpu, limit) cores' worth among the threads that compute.
 *
 * Simplified: the limit is read from the run's options, not from a file system (Go reads
 * /sys/fs/cgroup/…/cpu.max); runtime.SetDefaultGOMAXPROCS is not modelled; the first sysmon check is
 * at its first loop (Go's lastgomaxprocs starts at 0 against a large nanotime, the same effect).
 * Invariant: with no limit, or under a pre-1.25 profile, a run is event for event what it was
 * without this module.
 */
import type { GodebugFlags, Runtime } from './runtime.js';
import type { G } from './runtime2.js';
import type { VersionProfile } from './version.js';
import { injectglist } from './runq.js';
import { K, type Op } from '../workload/ops.js';

/** One step of a CPU limit that changes during the run: from `at` ns on, `cores` cores (Infinity = no limit). */
export interface CpuQuotaStep {
  at: number;
  cores: number;
}

/** sysmon re-reads the CPU limit at most this often (proc.go sysmon: lastgomaxprocs+1e9 <= now). */
export const maxprocsUpdatePeriod = 1_000_000_000;

/** Normalise RunOptions.cpuQuota: a number (from the start), or steps; sorted by time, validated. */
export function normalizeQuota(q: number | readonly CpuQuotaStep[] | undefined): CpuQuotaStep[] {
  if (q === undefined) return [];
  const steps = typeof q === 'number' ? [{ at: 0, cores: q }] : q.map((s) => ({ at: s.at, cores: s.cores }));
  for (const s of steps) {
    if (!(s.cores > 0)) throw new RangeError(`cpuQuota: a CPU limit must be a positive number of cores, got ${s.cores}`);
    if (!(s.at >= 0) || !Number.isFinite(s.at)) throw new RangeError(`cpuQuota: a step's time must be a non-negative number of ns, got ${s.at}`);
  }
  steps.sort((a, b) => a.at - b.at);
  return steps;
}

/** The CPU limit (cores) in force at time `now` (Infinity: none). */
export function quotaAt(steps: readonly CpuQuotaStep[], now: number): number {
  let q = Infinity;
  for (const s of steps) {
    if (s.at > now) break;
    q = s.cores;
  }
  return q;
}

/**
 * The GOMAXPROCS a release picks when the environment does not set it (schedinit; and sysmon's
 * update): NumCPU, lowered to the CPU limit rounded up and at least 2 (cgroup_linux.go
 * adjustCgroupGOMAXPROCS), for a release with containerAwareGOMAXPROCS and containermaxprocs ≠ 0.
 */
export function defaultGOMAXPROCS(v: VersionProfile, ncpu: number, limit: number, godebug: Pick<GodebugFlags, 'containermaxprocs'>): number {
  if (!v.containerAwareGOMAXPROCS || godebug.containermaxprocs === 0 || !Number.isFinite(limit)) return ncpu;
  const l = Math.max(Math.ceil(limit), 2);
  return l < ncpu ? l : ncpu;
}

/** updateMaxProcsG: the updater goroutine's shared state (proc.go). One per run (Runtime.maxprocs). */
export class MaxProcsState {
  /** The updater goroutine (null until runtime.main started it, and without one). */
  g: G | null = null;
  /** It is parked waiting for sysmon (updateMaxProcsG.idle). */
  idle = false;
  /** The value sysmon asks it to set. */
  procs = 0;
  /** sysmon's lastgomaxprocs. */
  last = -Infinity;
  /** Updates the goroutine applied (tests, the summary). */
  applied = 0;
}

/** sysmon's once-per-second check (proc.go sysmon → sysmonUpdateGOMAXPROCS). */
export function sysmonUpdateGOMAXPROCS(rt: Runtime, now: number): void {
  if (!rt.v.containerAwareGOMAXPROCS || rt.debug.updatemaxprocs === 0) return;
  const st = rt.maxprocs;
  if (st.last + maxprocsUpdatePeriod > now) return;
  st.last = now;
  if (rt.sched.customGOMAXPROCS) return;
  const procs = defaultGOMAXPROCS(rt.v, rt.ncpu, quotaAt(rt.cpuQuota, now), rt.debug);
  if (procs === rt.gomaxprocs) return;
  // A previous update still pending: this one waits for the next check.
  if (!st.idle || st.g === null) return;
  st.procs = procs;
  st.idle = false;
  injectglist(rt, [st.g], null);
}

/**
 * runtime.updateMaxProcsGoroutine's body: park until sysmon has a value, then stop the world and
 * apply it (K.GOMAXPROCS with `auto`: it does not make GOMAXPROCS custom) unless GOMAXPROCS became
 * custom meanwhile, in which case the goroutine returns for good.
 */
export function* updateMaxProcsGoroutine(rt: Runtime): Generator<Op, void, unknown> {
  const st = rt.maxprocs;
  for (;;) {
    st.idle = true;
    yield { k: K.Park, reason: 'GOMAXPROCS updater (idle)' };
    if (rt.sched.customGOMAXPROCS) return;
    yield { k: K.GOMAXPROCS, n: st.procs, auto: true };
    st.applied++;
  }
}
