/**
 * Why, not only what: turn events of the log into English sentences that name the runtime function
 * and the rule that fired (spec §4–§11), e.g.
 *
 *   "sysmon: P0 has been in a syscall (G18 on M0) for 26.6µs, seen on two sysmon ticks, and its local
 *    queue is not empty → retake → handoffp: the P has queued work → startm: no idle M → newm (M4)"
 *
 * Pure functions of the log (plus goroutine names from the replayed state, optional). Grouping: the
 * events one handler produced at one instant share a timestamp, so a group is the run of events with
 * the same time around the cursor (capped); inside it, pieces that continue a decision (handoffp
 * after a retake, startm after handoffp, execute after findRunnable) are joined with "→", others with
 * "; ". State-change events (GLoc, PState, MState, MSpin…) are described only when no decision in
 * their group covers them.
 */
import { E, EventName, ExitPath, FoundBy, GCMarkWorkerMode, GCPhase, GCTrigger, Loc, MS, RetakeWhy, stwReasonText, type EventLog } from '../log/events.js';
import { fmtDuration } from '../runtime/runtime.js';
import { _Psyscall } from '../runtime/runtime2.js';

/** What explain reads from the replayed state (optional): goroutine names. */
export interface ExplainState {
  readonly gs: ReadonlyMap<number, { readonly name: string }>;
}

export interface Explanation {
  /** First and last event index of the group. */
  first: number;
  last: number;
  /** The group as one sentence. */
  text: string;
  /** The pieces, by event index. */
  parts: { i: number; text: string }[];
}

const maxSide = 40;

/** The run of same-time events around i (at most maxSide on either side). */
export function groupRange(log: EventLog, i: number): [number, number] {
  const t = log.t[i]!;
  let a = i;
  while (a > 0 && i - a < maxSide && log.t[a - 1] === t) a--;
  let b = i;
  while (b + 1 < log.length && b - i < maxSide && log.t[b + 1] === t) b++;
  return [a, b];
}

const G = (g: number, st?: ExplainState): string => {
  if (g < 0) return 'no G';
  const name = st?.gs.get(g)?.name;
  return name && name !== 'main.main' && !name.startsWith('main.main.func') ? `G${g} (${name.replace(/^main\./, '')})` : `G${g}`;
};

const locText: Record<number, string> = {
  [Loc.None]: 'is taken off its queue',
  [Loc.Runnext]: 'goes into runnext',
  [Loc.Runq]: 'goes to the tail of a local run queue',
  [Loc.Global]: 'goes to the tail of the global run queue',
  [Loc.GlobalHead]: 'goes to the head of the global run queue',
  [Loc.Running]: 'runs',
  [Loc.Syscall]: 'is in a system call',
  [Loc.Waiting]: 'is parked',
  [Loc.Netpoll]: 'is parked on the netpoller',
  [Loc.Dead]: 'exits (goexit0)',
};

const mStateText: Record<number, string> = {
  [MS.Starting]: 'is being created (clone)',
  [MS.Scheduling]: 'enters the scheduler (schedule)',
  [MS.Running]: 'runs its G',
  [MS.Syscall]: 'is blocked in a system call',
  [MS.Idle]: 'parks on the idle M list (stopm)',
  [MS.LockedIdle]: 'waits for its locked G (stoplockedm)',
  [MS.Netpoll]: 'blocks in netpoll (epoll_wait)',
  [MS.Waking]: 'is woken (notewakeup)',
  [MS.Sysmon]: 'runs a sysmon loop iteration',
  [MS.SysmonSleep]: 'sleeps (sysmon usleep)',
  [MS.Template]: 'parks as the template thread',
  [MS.Dead]: 'exits',
};

const handoffCase: Record<number, string> = {
  1: 'the P has queued work (local or global)',
  2: 'a trace reader is waiting',
  3: 'there is GC work',
  4: 'no M is spinning and no P is idle, so this P supplies a searcher',
  5: 'a stop-the-world is pending → the P stops (_Pgcstop)',
  6: 'runs the P\'s safe-point function',
  7: 'the global queue has work',
  8: 'it is the last running P and nobody polls the network (someone must poll and run timers)',
  9: 'no work → the P goes to the idle list (pidleput)',
};

const foundText: Record<number, string> = {
  [FoundBy.Fairness]: 'from the global queue (every 61st schedtick, for fairness)',
  [FoundBy.Runnext]: 'from runnext',
  [FoundBy.Local]: 'from the head of its local queue',
  [FoundBy.Global]: 'from the global queue (globrunqget)',
  [FoundBy.Netpoll]: 'from a non-blocking netpoll',
  [FoundBy.Steal]: "by stealing half of another P's queue (runqsteal)",
  [FoundBy.StealRunnext]: "by stealing another P's runnext",
  [FoundBy.BlockingNetpoll]: 'from a blocking netpoll',
  [FoundBy.GCWorker]: 'a GC mark worker (findRunnableGCWorker, or idle-time marking instead of giving up the P)',
};

const gcTriggerText: Record<number, string> = {
  [GCTrigger.heap]: 'the heap reached the pacer\'s trigger',
  [GCTrigger.time]: 'forcegc: no cycle for 2 minutes',
  [GCTrigger.cycle]: 'runtime.GC()',
};
const gcWorkerText: Record<number, string> = {
  [GCMarkWorkerMode.dedicated]: 'dedicated',
  [GCMarkWorkerMode.fractional]: 'fractional',
  [GCMarkWorkerMode.idle]: 'idle',
};

const retakeWhy: Record<number, string> = {
  [RetakeWhy.RunqNotEmpty]: 'its local queue is not empty',
  [RetakeWhy.NoIdle]: 'no P is idle and no M is spinning (nobody else could pick up new work)',
  [RetakeWhy.Long]: 'the syscall has been seen for ≥ 10 ms',
  [RetakeWhy.TimeSlice]: "its time slice ran out (the same goroutine has held it for ≥ 10 ms, so sysmon's preemption check takes it at this syscall)",
};

const exitText: Record<number, string> = {
  [ExitPath.FastOldP]: 'reacquires its old P{p} (exitsyscallfast)',
  [ExitPath.FastIdleP]: 'lost its P, takes idle P{p} (exitsyscallfast_pidle)',
  [ExitPath.SlowIdleP]: 'gets idle P{p} under the lock (exitsyscall0)',
  [ExitPath.SlowGlobal]: 'finds no P: the G goes to the global queue and the M stops (exitsyscall0 → stopm)',
  [ExitPath.KeptP]: 'still has its P{p}: nobody took it during the call (exitsyscall fast path, Go ≥ 1.26)',
};

/** Kinds whose piece continues the previous decision (joined with "→"). */
const continues = new Set<number>([E.Handoff, E.StartM, E.Execute, E.Steal, E.Inject]);

/** A syscall's duration so far: from the G's last EnterSyscall before event i. */
function syscallAge(log: EventLog, i: number, g: number): number {
  for (let j = i - 1; j >= 0 && i - j < 200_000; j--) if (log.k[j] === E.EnterSyscall && log.g[j] === g) return log.t[i]! - log.t[j]!;
  return -1;
}

/**
 * The sentence piece for one event, or null when the event is a state change that a decision in its
 * group explains. `ctx` = the other events of the group (to skip covered state changes).
 */
export function explainEvent(log: EventLog, i: number, st?: ExplainState): string | null {
  const k = log.k[i]!;
  const g = log.g[i]!;
  const m = log.m[i]!;
  const p = log.p[i]!;
  const a = log.a[i]!;
  const b = log.b[i]!;
  const str = (id: number): string => log.string(id);
  switch (k) {
    case E.GoCreate:
      if (a < 0) return `the runtime creates ${G(g, st)} (${str(b)}) in P${p}'s runnext`;
      return `${G(a, st)} runs \`go ${str(b).replace(/^main\./, '')}\` → newproc puts ${G(g, st)} in P${p}'s runnext`;
    case E.NewProc:
      return null;
    case E.Execute:
      return `execute ${G(g, st)} on M${m}${a === 1 ? ' (inherits the time slice)' : ''}`;
    case E.Park: {
      const why = str(b);
      if (why === 'IO wait') return `${G(g, st)} waits for the network: gopark on the netpoller (IO wait); M${m} stays free and looks for other work`;
      if (why === 'sleep') return `${G(g, st)} calls time.Sleep: a timer is armed on P${p} and the G parks (gopark: sleep)`;
      return `${G(g, st)} blocks (gopark: ${why || 'waiting'}); M${m} stays free and looks for other work`;
    }
    case E.Ready:
      if (i > 0 && log.k[i - 1] === E.TimerRun && log.g[i - 1] === g) return `goready puts it in P${p}'s runnext`;
      return a >= 0 ? `${G(a, st)} readies ${G(g, st)} (goready) → P${p}'s runnext` : `${G(g, st)} is readied (goready) → P${p}'s runnext`;
    case E.Found:
      return `schedule on M${m}/P${p}: findRunnable takes ${G(g, st)} ${foundText[a] ?? ''}`.trimEnd();
    case E.Wakep:
      if (a === 1) return 'wakep: there is an idle P and no spinning M';
      return b === 1 ? 'wakep: an M is already spinning, nothing to do' : 'wakep: no idle P, nothing to do';
    case E.StartM:
      return `startm: ${b === 1 ? `no idle M → newm (M${m})` : `wakes idle M${m}`} for P${p}${a === 1 ? ', spinning' : ''}`;
    case E.StopM:
      return `stopm: M${m} has nothing to do and parks on the idle M list`;
    case E.Handoff:
      return `handoffp(P${p}): ${handoffCase[a] ?? `case ${a}`}`;
    case E.Retake: {
      const age = syscallAge(log, i, g);
      return `sysmon: P${p} has been in a syscall (${G(g, st)} on M${m})${age >= 0 ? ` for ${fmtDuration(age)}` : ''} and ${retakeWhy[a] ?? 'a retake rule holds'} → retake`;
    }
    case E.Preempt:
      return `sysmon: ${G(g, st)} has run on P${p} for ≥ 10 ms → preemptone${a === 1 ? ` → preemptM: SIGURG to M${m}` : ' (sets the preempt flag only: asyncpreemptoff)'}`;
    case E.Signal:
      return a === 1 ? `SIGURG arrives on M${m}: ${G(g, st)} is at an async safe point → asyncPreempt` : `SIGURG arrives on M${m}: nothing to preempt there`;
    case E.Preempted:
      return `gopreempt_m: ${G(g, st)} is preempted (${a === 1 ? 'asynchronously' : 'cooperatively, at a function call'}) and goes to the tail of the global queue`;
    case E.EnterSyscall:
      if (a === 2) return `${G(g, st)} enters a call the runtime knows will block (entersyscallblock): P${p} is handed off at once`;
      // Go 1.19 detaches the P (its PState _Psyscall event follows at once); since Go 1.26 nothing happens to the P.
      if (i + 1 < log.length && log.k[i + 1] === E.PState && log.a[i + 1] === _Psyscall && log.p[i + 1] === p)
        return `${G(g, st)} enters a ${a === 1 ? 'cgo call' : 'system call'} of ${fmtDuration(b)} (entersyscall): P${p} goes to _Psyscall, still with M${m}; sysmon may retake it`;
      return `${G(g, st)} enters a ${a === 1 ? 'cgo call' : 'system call'} of ${fmtDuration(b)} (entersyscall): P${p} stays _Prunning, wired to M${m} (Go ≥ 1.26); sysmon may take it (setBlockOnExitSyscall + takeP)`;
    case E.ExitSyscall:
      return `${G(g, st)} returns from its syscall on M${m} and ${(exitText[a] ?? 'exits the syscall').replace('{p}', String(p))}`;
    case E.Netpoll:
      if (b === 0) return a > 0 ? `netpoll(0) by M${m}: ${a} goroutine(s) ready → run queues` : null;
      return a > 0 ? `M${m}'s blocking netpoll (epoll_wait) returns ${a} ready goroutine(s)` : `M${m}'s blocking netpoll returns (timeout): nothing ready`;
    case E.NetpollBreak:
      return `netpollBreak: wake the M blocked in epoll_wait`;
    case E.Inject:
      return `injectglist: ${a} goroutine(s) onto the run queues${b > 0 ? `, ${b} M(s) started` : ''}`;
    case E.TimerRun:
      return g >= 0 ? `a timer on P${p} fires (run by M${m}) → ${G(g, st)} is ready` : `a timer on P${p} fires (run by M${m})`;
    case E.SysmonTick:
      return `sysmon loop (idle count ${b}): checks netpoll, retakes and preemptions, then sleeps ${fmtDuration(a)}`;
    case E.SysmonWait:
      return `sysmon: every P is idle → deep sleep (at most ${fmtDuration(a)}, or until a syscall wakes it)`;
    case E.SchedTrace:
      return `schedtrace: ${str(a).trim().split('\n')[0]}`;
    case E.Write: {
      const text = str(b).replace(/\n$/, '');
      return `output to ${a === 1 ? 'stdout' : 'stderr'}: "${text.length > 60 ? text.slice(0, 57) + '…' : text}"`;
    }
    case E.RunqOverflow:
      return `P${p}'s local queue is full (256) → runqputslow moves ${a} goroutines to the global queue`;
    case E.Checkdead:
      return a === 1 ? 'checkdead: no M can run and nothing is pending → deadlock' : 'checkdead: progress is still possible';
    case E.Exit:
      return `the process exits with status ${a}`;
    case E.Lock:
      return a === 1 ? `${G(g, st)} locks itself to M${m} (LockOSThread)` : `${G(g, st)} unlocks from M${m} (UnlockOSThread)`;
    case E.StartLockedM:
      return `M${m} picked ${G(g, st)}, which is locked to M${a}: startlockedm hands P${p} to M${a} and M${m} stops`;
    case E.StopLockedM:
      return `M${m} parks until its locked ${G(g, st)} is runnable (stoplockedm → handoffp)`;
    case E.MExit:
      return a === 1
        ? `M${m} (the main thread, which cannot exit) wedges: mexit hands its P off and parks it for good (its locked G exited)`
        : `thread M${m} exits (mexit: its locked G exited)`;
    case E.STW:
      return a === 1 ? `stop-the-world begins (${stwReasonText[b] ?? 'GOMAXPROCS'})` : `the world restarts (startTheWorld after ${stwReasonText[b] ?? 'GOMAXPROCS'})`;
    case E.GCStart:
      return `gcStart by ${G(g, st)}: GC cycle ${a} begins (${gcTriggerText[b] ?? 'trigger'}); sweep termination stops the world`;
    case E.GCPhase:
      return a === GCPhase.mark ? `GC cycle ${b}: the mark phase begins (mark workers and assists), the world runs again` : a === GCPhase.marktermination ? `GC cycle ${b}: no mark work left (gcMarkDone); mark termination stops the world` : `GC cycle ${b} is over (_GCoff)`;
    case E.GCWorker:
      return a === GCMarkWorkerMode.notWorker ? `mark worker ${G(g, st)} stops on P${p} and parks` : `P${p} runs ${gcWorkerText[a] ?? ''} mark worker ${G(g, st)}`;
    case E.GCAssist:
      return `${G(g, st)} allocates during the mark and assists it: ${fmtDuration(a)} of marking (gcAssistAlloc)`;
    case E.GCDone:
      return `gcMarkTermination: GC ${a} done, ${Math.round(b / 1024)} KB marked live`;
    case E.GCSweep:
      return `the background sweeper is readied after GC ${a}`;
    case E.Scavenge:
      return `the scavenger returns ${Math.round(a / 1024)} KB to the OS`;
    case E.ForceGC:
      return `sysmon: no GC for 2 minutes → it readies the forcegc goroutine ${G(g, st)}`;
    case E.Procs:
      return `procresize: GOMAXPROCS = ${a}`;
    case E.Steal:
      return `P${a} steals ${b} goroutine(s) from P${p}'s local queue (runqsteal)`;
    case E.MCreate:
      return null;
    default:
      return null;
  }
}

/** A short sentence for any event, state changes included (event lists, the inspector). */
export function describeEvent(log: EventLog, i: number, st?: ExplainState): string {
  const s = explainEvent(log, i, st);
  if (s !== null) return s;
  const k = log.k[i]!;
  const g = log.g[i]!;
  const m = log.m[i]!;
  const p = log.p[i]!;
  const a = log.a[i]!;
  const b = log.b[i]!;
  switch (k) {
    case E.GLoc: {
      let where = locText[a] ?? `moves to location ${a}`;
      if (a === Loc.Runnext || a === Loc.Runq) where = where.replace('a local run queue', `P${b}'s run queue`).replace('runnext', `P${b}'s runnext`);
      if (a === Loc.Running || a === Loc.Syscall) where += ` on M${b}`;
      if (a === Loc.Waiting) where += ` (${log.string(b) || 'waiting'})`;
      return `${G(g, st)} ${where}`;
    }
    case E.PState: {
      const names = ['_Pidle', '_Prunning', '_Psyscall', '_Pgcstop', '_Pdead'];
      const s = names[a] ?? `status ${a}`;
      return `P${p} → ${s}${m >= 0 ? ` with M${m}` : ', no M'}${a === 0 && b === 1 ? ' (on the idle list)' : ''}`;
    }
    case E.MState: {
      let s = `M${m} ${mStateText[a] ?? `state ${a}`}`;
      if (a === MS.SysmonSleep) s = b < 0 ? `sysmon (M${m}) sleeps until a note wakes it` : `sysmon (M${m}) sleeps ${fmtDuration(b)}`;
      if (a === MS.Netpoll) s += b < 0 ? ' with no timeout' : ` for up to ${fmtDuration(b)}`;
      if (a === MS.Dead && m === 0) s = 'M0 is parked for good: it no longer counts in threads= (mcount)';
      return s;
    }
    case E.MSpin:
      return a === 1 ? `M${m} starts spinning (looking for work)` : `M${m} stops spinning`;
    case E.MCreate:
      return a === 1 ? (m === 1 ? `newm(sysmon): thread M${m} runs without a P` : `thread M${m} is created as a system thread`) : `newm: thread M${m} is created (clone)`;
    case E.Netpoll:
      return `netpoll(0) by M${m}: nothing ready`;
    case E.NewProc:
      return `newproc by ${G(g, st)}: ${G(a, st)}`;
    default:
      return `${EventName[k] ?? `event ${k}`} g=${g} m=${m} p=${p} a=${a} b=${b}`;
  }
}

/**
 * The sentence for the group of events around i. `applied`: only the group's events up to i (a
 * view positioned just after event i tells what has happened, not what the same instant still
 * holds; the rest is `upcoming`).
 */
export function explainGroup(log: EventLog, i: number, st?: ExplainState, applied = false): Explanation {
  const [first, end] = groupRange(log, i);
  const last = applied ? i : end;
  const parts: { i: number; text: string }[] = [];
  for (let j = first; j <= last; j++) {
    const s = explainEvent(log, j, st);
    if (s !== null) parts.push({ i: j, text: s });
  }
  // A run of same-kind sysmon bookkeeping, or only state changes: describe the events themselves.
  if (parts.length === 0) {
    for (let j = first; j <= last && parts.length < 4; j++) parts.push({ i: j, text: describeEvent(log, j, st) });
  }
  let text = '';
  let prevK = -1;
  const shown = parts.slice(0, 8);
  for (const { i: j, text: s } of shown) {
    const k = log.k[j]!;
    if (text === '') text = s;
    else if (continues.has(k) || (k === E.Wakep && prevK !== -1) || (k === E.Ready && prevK === E.TimerRun)) text += ` → ${s}`;
    else text += `; ${s}`;
    prevK = k;
  }
  if (parts.length > shown.length) text += `; … and ${parts.length - shown.length} more step(s)`;
  return { first, last, text, parts };
}
