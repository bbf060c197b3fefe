/**
 * One run of a loaded workload with resolved settings: the engine, fed the settings, its event
 * log streamed to the sinks (program output in event order, the summary accumulator), under a
 * watchdog.
 *
 * The watchdog (what `go test -timeout` is to a test binary, for a simulation):
 *   - wall-clock budget (--timeout): checked by the engine every 64k kernel events, or fewer when each
 *     event runs long (Watchdog.check adapts the cadence to ≈5–50 ms of wall time);
 *   - memory budget (--max-heap): the same check reads V8's heap statistics and stops the run while
 *     it can still print its views, before V8 would abort the process;
 *   - a goroutine that never yields (a `for (;;) x++` in a TypeScript workload) never returns to the
 *     engine, so no check inside the engine can stop it. The run therefore goes in slices: the
 *     engine pauses at a check at least `sliceMs` after the slice began (Watchdog.pause, Runtime.runSome:
 *     the run is the same as an unpaused one), and each slice runs inside `vm.runInNewContext(…, { timeout })`,
 *     whose timer V8 enforces from another thread by interrupting whatever JavaScript runs. A
 *     slice that outlives `stallMs` is a runaway: the run stops there (exit 124) with its partial
 *     views. The state is consistent except for the interrupted goroutine, which never runs again.
 * All three end like the other budgets: exit status 124, a one-line `gmpsim: …` message, and the
 * summary, plot and JSON of the partial run.
 */
import * as vm from 'node:vm';
import * as v8 from 'node:v8';
import { fmtDuration, type RunResult, type Runtime } from '../src/index.js';
import { SummaryAccumulator, type Summary } from '../src/views/summary.js';
import type { Instance } from './load.js';
import type { Settings } from './settings.js';

export interface Sinks {
  /** Program output as the program writes it (RunOptions.onWrite), in order. */
  write?: (fd: number, text: string) => void;
  /** Compute the summary (from the log's events, as they happen). */
  summary?: boolean;
  /** Keep the event log in memory (plots). */
  storeLog?: boolean;
}

export interface Executed {
  result: RunResult;
  summary: Summary | null;
  wallMs: number;
}

/** A slice of a run lasts at least this long (wall ms) before the engine pauses to re-arm the stall timer. */
const sliceMs = 500;
/**
 * How long one slice may run past `sliceMs` without reaching a watchdog check (wall ms): the engine
 * checks every 64k kernel events (≈10–60 ms of work) or sooner (see check), so only code that does not return to the
 * scheduler (or a pathological GC pause) gets near it.
 */
export const stallMs = 5000;
/**
 * The stall limit of a Go program. The Go frontend's code returns to the scheduler at least every
 * cost.ts chunk of simulated CPU on every loop and call, so a Go program cannot loop without
 * yielding; what outlives `stallMs` there is one long step — a recursion towards the frame limit
 * (golang/rt/goroutine.ts maxGoFrames: 500,000 frames took 2–7 s under load, with V8's GC copying
 * the suspended frames), a library call on a huge value — and is given this long instead.
 */
export const goStallMs = 60_000;
/**
 * A run that has used less CPU than this (ms) since its last watchdog check is making progress: the
 * engine checks every 64k kernel events, ≈10–60 ms of CPU, so 200 ms of CPU (over three times the
 * longest gap) without a check is a loop that never yields. CPU time, not wall time: a process starved by a loaded machine (or stopped,
 * SIGSTOP) reaches no check for seconds of wall time while doing nothing wrong.
 */
const checkGapCpuMs = 200;

/** CPU time this process has used (ms, user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
/**
 * The watchdog's cadence (kernel events between checks): it starts at `firstCheckEvery` and adapts
 * between the floor and the engine's default (65536) so that checks come ≈5–50 ms of wall time apart,
 * and so that the heap the run grew by per event since the last check, projected over the next
 * interval, leaves at least half of what remains below the budget (a Go program whose every event
 * allocates a large object — recursion with a 512 KiB local, 1 event per frame — grew 4 GiB between two
 * checks 65536 events apart and V8 aborted the process before the budget was seen).
 */
const maxCheckEvery = 65536;
const minCheckEvery = 16;
const firstCheckEvery = 64;
/** Stop when the heap in use passes this fraction of V8's limit: room left for the views. */
const heapLimitFraction = 0.85;

/** The memory budget (bytes) of a run: --max-heap, capped by what V8 can reach in this process. */
export function heapBudget(maxHeapMiB: number | null): number {
  const limit = v8.getHeapStatistics().heap_size_limit * heapLimitFraction;
  return maxHeapMiB === null ? limit : Math.min(limit, maxHeapMiB * 2 ** 20);
}

export function execute(inst: Instance, settings: Settings, file: string, sinks: Sinks): Executed {
  if (inst.params) Object.assign(inst.params, settings.params);
  const t0 = performance.now();
  const deadline = settings.timeoutMs > 0 ? t0 + settings.timeoutMs : Infinity;
  const heapMax = heapBudget(settings.maxHeapMiB);
  /** When the current slice began and when the engine last reached a watchdog check (wall ms). */
  const clock: Clock = { sliceStart: t0, lastCheck: t0, lastCheckCpu: cpuMs(), lastUsed: v8.getHeapStatistics().used_heap_size };
  const timeoutMessage = (r: Runtime, now: number): string =>
    `gmpsim: stopped after ${fmtDuration(Math.round(now - t0) * 1e6)} of wall-clock time at simulated time ${fmtDuration(r.sim.now)}: the --timeout budget of ${fmtDuration(settings.timeoutMs * 1e6)} ran out while the program was still running`;
  const rt = new inst.Runtime({
    main: inst.main,
    go: settings.go,
    gomaxprocs: settings.gomaxprocsSet ? settings.gomaxprocs : undefined,
    cpuQuota: settings.cpuQuota.length > 0 ? settings.cpuQuota : undefined,
    ncpu: settings.ncpu,
    seed: settings.seed,
    godebug: settings.godebug,
    gc: settings.gc,
    cost: settings.costOverrides,
    linksOS: settings.linksOS,
    linksCgo: settings.linksCgo,
    until: settings.until ?? undefined,
    maxEvents: settings.maxEvents,
    // Plots replay the stored log; otherwise listeners are enough.
    storeLog: sinks.storeLog === true,
    file,
    // Program output streams through onWrite, not a log listener (a listener costs every event).
    onWrite: sinks.write,
    watchdog: {
      every: firstCheckEvery,
      check(r) {
        const now = performance.now();
        // Checks ≈ every 5–50 ms of wall time whatever an event costs: 64k kernel events are ≈10–60 ms
        // of engine work, but a Go program's library call between two runtime calls (a sort.Slice of
        // 10^6 elements through the program's less) can make each event take milliseconds, and a
        // stall timer must not take that for a loop that never yields.
        const gap = now - clock.lastCheck;
        const used = v8.getHeapStatistics().used_heap_size;
        const grownPerEvent = (used - clock.lastUsed) / this.every!;
        if (gap > 50 && this.every! > minCheckEvery) this.every = Math.max(minCheckEvery, this.every! >> 2);
        else if (gap < 5 && this.every! < maxCheckEvery) this.every = Math.min(maxCheckEvery, this.every! * 2);
        if (grownPerEvent > 0) this.every = Math.max(minCheckEvery, Math.min(this.every!, Math.floor((heapMax - used) / 2 / grownPerEvent)));
        clock.lastCheck = now;
        clock.lastCheckCpu = cpuMs();
        clock.lastUsed = used;
        if (now >= deadline) return timeoutMessage(r, now);
        if (used >= heapMax) {
          return `gmpsim: stopped at simulated time ${fmtDuration(r.sim.now)} with ${r.nUserG} goroutines alive: the simulation's memory reached ${Math.round(used / 2 ** 20)} MiB, its budget of ${Math.round(heapMax / 2 ** 20)} MiB (raise it with --max-heap <MiB>)`;
        }
        return null;
      },
      pause: () => performance.now() - clock.sliceStart >= sliceMs,
    },
  });
  // The runtime boots in run(): listeners attached here see every event from schedinit on.
  const log = rt.log;
  const acc = sinks.summary ? new SummaryAccumulator(log) : null;
  if (acc) log.listen(acc.event);
  const result = runSliced(rt, deadline, t0, clock, timeoutMessage, inst.goSource === true);
  const wallMs = performance.now() - t0;
  return { result, summary: acc ? acc.result(result.simTime) : null, wallMs };
}

/** Wall times (ms) of the current slice's start and of the last watchdog check, and the CPU time at that check (or at the slice's start). */
interface Clock {
  sliceStart: number;
  lastCheck: number;
  lastCheckCpu: number;
  /** V8's heap in use at the last check (bytes): the growth rate sets the next interval. */
  lastUsed: number;
}

/** Run `rt` to its end in slices, each under a V8 timeout (see the module note). */
function runSliced(
  rt: Runtime,
  deadline: number,
  t0: number,
  clock: Clock,
  timeoutMessage: (r: Runtime, now: number) => string,
  goSource: boolean,
): RunResult {
  const stall = goSource ? goStallMs : stallMs;
  const ctx = vm.createContext({ run: () => rt.runSome() });
  for (;;) {
    const start = performance.now();
    clock.sliceStart = start;
    clock.lastCheck = -Infinity;
    clock.lastCheckCpu = cpuMs();
    // The slice's timer: the stall limit, or the wall-clock budget if that comes first.
    const timeout = Math.max(1, Math.ceil(Math.min(sliceMs + stall, deadline - start)));
    let r: RunResult | null;
    try {
      r = vm.runInContext('run()', ctx, { timeout }) as RunResult | null;
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
      const now = performance.now();
      // Little CPU used since the last check (or the slice's start): the run was making progress (or was
      // starved of CPU) when the timer fired, not stuck in a loop that never yields.
      const progressing = cpuMs() - clock.lastCheckCpu < checkGapCpuMs;
      rt.stopBudget(progressing ? timeoutMessage(rt, now) : runawayMessage(rt, now - t0, now - Math.max(start, clock.lastCheck), goSource));
      return rt.result();
    }
    if (r !== null) return r;
  }
}

function runawayMessage(rt: Runtime, wallMs: number, stalledMs: number, goSource: boolean): string {
  const mp = rt.curm;
  const gp = mp?.curg ?? null;
  const who = gp && mp ? `goroutine ${gp.goid} (${gp.startfn.includes('.') ? gp.startfn : `main.${gp.startfn}`}) on M${mp.id}` : 'the workload';
  return `gmpsim: stopped after ${fmtDuration(Math.round(wallMs) * 1e6)} of wall-clock time at simulated time ${fmtDuration(rt.sim.now)}: ${who} ran JavaScript for ${fmtDuration(Math.round(stalledMs) * 1e6)} without returning to the scheduler (${
    goSource
      ? 'one step of the Go program ran that long: a very deep recursion or a library call on a huge value; if the program is correct Go, this is a gmpsim limit worth reporting'
      : "a loop that never yields: a goroutine's loop must `yield*` a runtime call, such as work(d), to let time pass"
  })`;
}
