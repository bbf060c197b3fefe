/**
 * A run in Go's execution-trace format as go1.26 writes it (`go tool trace` opens it): the format
 * introduced in Go 1.22 (internal/trace/tracev2), with go1.26's in-band end-of-generation signal.
 *
 * What it models: what go1.26's tracer (runtime/traceruntime.go, traceevent.go, tracebuf.go) would have
 * written had it watched the simulated run. It is a view over the one event log, read through a Replay:
 * after each log event it compares the replayed G/P state with what the trace has said so far (`tg`,
 * `tp`, `tmP`/`tmG`: the parser's view, internal/trace/order.go) and writes the events that move the
 * second to the first, in the runtime's order:
 *  - goroutines: GoCreate (new stack = the goroutine's function), GoStart, GoStop ("preempted" or
 *    "runtime.Gosched"), GoBlock (Go's traceBlockReason for the wait reason, traceBlockReasonStrings),
 *    GoUnblock, GoDestroy, GoSyscallBegin/End, and GoSyscallEndBlocked when the P was lost during the call;
 *  - Ps: ProcStart/ProcStop on the M that acquires/releases the P, and ProcSteal, written by the M that
 *    takes a P from an M in a system call (sysmon's retake, or the M that gets it from handoffp) —
 *    whether the profile puts the P in _Psyscall (go1.19) or keeps it _Prunning (go1.26): after
 *    GoSyscallBegin the trace's P is in ProcSyscall either way (exitsyscall's "lost P" is the trace's);
 *  - ProcsChange (GOMAXPROCS) from the goroutine that changed it (the initial one from the first G run),
 *    inside an STWBegin/STWEnd "GOMAXPROCS" range on that goroutine (no generation starts inside it);
 *  - generations: a new one every defaultTraceAdvancePeriod (1 s) of simulated time (runtime/trace.go),
 *    each opening with a ProcStatus for every P and a GoStatus for every live G (traceAdvance's
 *    forEachGRace/forEachP), written on the M they are bound to, as the parser requires; each with its
 *    own string table, stack table and sync batch (frequency + clock snapshot), closed by
 *    EvEndOfGeneration.
 *
 * Format decisions: the trace clock is simulated time, 1 tick = 1 ns (EvFrequency 1e9), wall clock 0
 * (the Unix epoch) at simulated time 0; M ids are gmpsim's M ids (Go writes the thread's procid); P and
 * goroutine ids are gmpsim's. Stacks are one frame, the goroutine's start function (the log knows no call
 * sites), file = the workload's file (none for runtime.* goroutines), line 0, with a made-up PC per
 * distinct frame. Threads appear as per-M batches (the format has no thread-creation event): an M that
 * never held a P, ran a G or took a P has no events.
 *
 * Which M writes an event the log does not tie to one (it names the new owner, not the actor): the M of
 * the last log event that named one — sysmon's in its loop for a retake, the M itself for releasep or
 * entersyscallblock's handoff — except that a P taken from a syscall by an M that acquires it at the
 * same instant is that M's ProcSteal (go1.26 exitsyscall's takeP); a GoUnblock goes on the M running the
 * readier goroutine (E.Ready's a) when there is one.
 *
 * Invariants (test/views/gotrace.test.ts, with go1.26's parser): every trace written for the examples
 * and the Go programs tested parses; goroutines, their state sequences, syscalls (and which lost their
 * P), threads, steals and GOMAXPROCS values read back equal the log's.
 *
 * Not in the trace: spinning, netpoll and sysmon's sleeps (the format has no events for them; go1.26
 * does not write them either), GC (gmpsim does not model it), timers and run queues.
 *
 * Streaming: a generation's per-M batches are written to the sink when full (64 KiB, MaxBatchSize) or
 * when the generation ends, so memory holds one generation's batches, never the whole trace.
 */
import { E, type EventLog , stwReasonText } from '../log/events.js';
import { GStatus, Replay } from '../log/replay.js';
import { _Prunning, _Psyscall } from '../runtime/runtime2.js';
import { Ev, GoStatus as GoSt, ProcStatus as ProcSt, maxBatchSize, maxStringSize, headerFor, Version } from '../trace/tracev2.js';

/** tracev2 event types: the shared wire format (src/trace/tracev2.ts). */
export { Ev };

/** The file header (runtime/trace.go ReadTrace: "go 1.26 trace\x00\x00\x00"). */
const header = headerFor(Version.Go126);
/** A uvarint of a uint64 takes at most 10 bytes (encoding/binary MaxVarintLen64). */
const maxVarint = 10;
/** Room for one event: a type byte, the timestamp delta and up to 5 arguments (MaxTimedEventArgs). */
const maxEventSize = 1 + 6 * maxVarint;
/** Room for one stack-table entry: a type byte, id, frame count and one frame's 4 fields. */
const maxStackEntry = 1 + 6 * maxVarint;
/** Room for a string entry's header: a type byte, id and length. */
const maxStringHeader = 1 + 2 * maxVarint;
/** The made-up PCs of stack frames: the first, and the step between distinct frames. */
const pcBase = 0x401000;
const pcStep = 0x10;
/** runtime/trace.go defaultTraceAdvancePeriod: a new generation every second. */
export const defaultTraceAdvancePeriod = 1e9;
/** Trace clock units per second: 1 tick = 1 simulated ns. */
const frequency = 1e9;
/** ThreadID for "no M" (internal/trace NoThread = -1), written as the uint64 ^0. */
const noThread = -1;

/**
 * Go's trace block reason for a wait reason (the traceBlockReason each gopark call passes with its
 * waitReason: chan.go, select.go, sema.go, netpoll.go, time.go, mgc*.go, proc.go; traceBlockReasonStrings).
 */
const blockReason: Record<string, string> = {
  'chan receive': 'chan receive',
  'chan send': 'chan send',
  'chan receive (nil chan)': 'forever',
  'chan send (nil chan)': 'forever',
  select: 'select',
  'select (no cases)': 'forever',
  'IO wait': 'network',
  sleep: 'sleep',
  semacquire: 'sync',
  'sync.Mutex.Lock': 'sync',
  'sync.RWMutex.RLock': 'sync',
  'sync.RWMutex.Lock': 'sync',
  'sync.WaitGroup.Wait': 'sync',
  'sync.Cond.Wait': 'sync.(*Cond).Wait',
  'force gc (idle)': 'system goroutine wait',
  'GC scavenge wait': 'system goroutine wait',
  'finalizer wait': 'system goroutine wait',
  'cleanup wait': 'system goroutine wait',
  'GOMAXPROCS updater (idle)': 'system goroutine wait',
  'GC sweep wait': 'GC background sweeper wait',
  'GC assist wait': 'GC mark assist wait for work',
  'wait for GC cycle': 'wait until GC ends',
  panicwait: 'forever',
  preempted: 'preempted',
};

/** The stop-the-world kind of runtime.GOMAXPROCS (proc.go stwReasonStrings[stwGOMAXPROCS]). */
const stwGOMAXPROCS = 'GOMAXPROCS';

/** traceGoStopReasonStrings. */
const stopPreempted = 'preempted';
const stopGosched = 'runtime.Gosched';

export interface GoTraceOptions {
  /** Simulated ns between generations (default: the runtime's 1 s). */
  generationNs?: number;
  /** The workload's file, the stacks' file name. */
  file?: string;
}

export interface GoTraceStats {
  bytes: number;
  generations: number;
  batches: number;
  events: number;
  goroutines: number;
  syscalls: number;
  /** ProcSteal events (a P taken from an M in a system call). */
  steals: number;
  /** Ms with a batch. */
  threads: number;
}

/** A growable byte buffer with Go's uvarint encoding (encoding/binary). */
class Bytes {
  buf = new Uint8Array(256);
  n = 0;
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let c = this.buf.length * 2;
    while (c < this.n + k) c *= 2;
    const b = new Uint8Array(c);
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  byte(x: number): void {
    this.room(1);
    this.buf[this.n++] = x;
  }
  /** An unsigned varint; −1 is written as uint64 ^0 (Go's traceArg(-1)). */
  uvarint(x: number): void {
    this.room(maxVarint);
    if (x < 0) {
      for (let i = 0; i < 9; i++) this.buf[this.n++] = 0xff;
      this.buf[this.n++] = 0x01;
      return;
    }
    while (x >= 0x80) {
      this.buf[this.n++] = (x % 0x80) | 0x80;
      x = Math.floor(x / 0x80);
    }
    this.buf[this.n++] = x;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  take(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

/** One M's batch being filled (runtime/tracebuf.go traceBuf). */
interface Batch {
  m: number;
  /** The batch header's timestamp. */
  base: number;
  /** The last event's timestamp (events carry the delta from it). */
  last: number;
  data: Bytes;
}

/** A goroutine as the trace has described it. */
interface TG {
  st: number;
  /** The M it is bound to (running or in a syscall), else −1. */
  m: number;
  seq: number;
  name: string;
}
/** A P as the trace has described it. */
interface TP {
  st: number;
  /** The M whose context holds it (running, or in a syscall), else −1. */
  m: number;
  seq: number;
}

const enc = new TextEncoder();

/** Write `log` as a go1.26 execution trace to `sink` (chunks in file order). */
export function writeGoTrace(log: EventLog, sink: (chunk: Uint8Array) => void, opts: GoTraceOptions = {}): GoTraceStats {
  const period = opts.generationNs ?? defaultTraceAdvancePeriod;
  const file = opts.file ?? '';
  const stats: GoTraceStats = { bytes: 0, generations: 0, batches: 0, events: 0, goroutines: 0, syscalls: 0, steals: 0, threads: 0 };
  const out = (b: Uint8Array): void => {
    stats.bytes += b.length;
    sink(b);
  };
  out(enc.encode(header));

  // ---- per-generation tables and batches
  let gen = 1;
  let genStart = 0;
  let strings = new Map<string, number>();
  let stackIds = new Map<string, number>();
  let stacks: { id: number; frame: string }[] = [];
  let batches = new Map<number, Batch>();
  const threads = new Set<number>();

  const str = (s: string): number => {
    if (s === '') return 0;
    let id = strings.get(s);
    if (id === undefined) {
      id = strings.size + 1;
      strings.set(s, id);
    }
    return id;
  };
  /** A one-frame stack: the goroutine's function (0: none). */
  const stack = (fn: string): number => {
    if (fn === '') return 0;
    let id = stackIds.get(fn);
    if (id === undefined) {
      id = stackIds.size + 1;
      stackIds.set(fn, id);
      stacks.push({ id, frame: fn });
    }
    return id;
  };

  const writeBatch = (m: number, base: number, data: Uint8Array): void => {
    const h = new Bytes();
    h.byte(Ev.EventBatch);
    h.uvarint(gen);
    h.uvarint(m);
    h.uvarint(base);
    h.uvarint(data.length);
    h.bytes(data);
    out(h.take());
    stats.batches++;
  };
  const flushBatch = (b: Batch): void => {
    if (b.data.n > 0) writeBatch(b.m, b.base, b.data.take());
  };

  /** Write event `type` at `ts` on M m's batch (args after the timestamp delta). */
  const ev = (m: number, type: number, ts: number, ...args: number[]): void => {
    let b = batches.get(m);
    if (b !== undefined && b.data.n + maxEventSize > maxBatchSize) {
      flushBatch(b);
      b = undefined;
    }
    if (b === undefined) {
      b = { m, base: ts, last: ts, data: new Bytes() };
      batches.set(m, b);
    }
    b.data.byte(type);
    b.data.uvarint(ts - b.last);
    b.last = ts;
    for (const a of args) b.data.uvarint(a);
    stats.events++;
    if (m !== noThread) threads.add(m);
  };

  const endGeneration = (): void => {
    for (const m of [...batches.keys()].sort((x, y) => x - y)) flushBatch(batches.get(m)!);
    // The sync batch: frequency and a clock snapshot (runtime/tracetime.go traceSyncBatch).
    const sync = new Bytes();
    sync.byte(Ev.Sync);
    sync.byte(Ev.Frequency);
    sync.uvarint(frequency);
    sync.byte(Ev.ClockSnapshot);
    sync.uvarint(0);
    sync.uvarint(genStart); // mono: simulated ns
    sync.uvarint(Math.floor(genStart / 1e9)); // wall clock: the epoch at simulated time 0
    sync.uvarint(genStart % 1e9);
    writeBatch(noThread, genStart, sync.take());
    // The stack table: one frame each, a made-up PC per distinct frame (the parser maps PCs to
    // frames). Built first: it adds the frames' names and the file to the string table.
    const stackBatches: Uint8Array[] = [];
    let kb = new Bytes();
    kb.byte(Ev.Stacks);
    const fileId = str(file);
    for (const s of stacks) {
      if (kb.n + maxStackEntry > maxBatchSize) {
        stackBatches.push(kb.take());
        kb = new Bytes();
        kb.byte(Ev.Stacks);
      }
      kb.byte(Ev.Stack);
      kb.uvarint(s.id);
      kb.uvarint(1);
      kb.uvarint(pcBase + pcStep * (s.id - 1));
      kb.uvarint(str(s.frame));
      // The runtime's own goroutines (runtime.bgsweep…) are not in the workload's file.
      kb.uvarint(s.frame.startsWith('runtime.') ? 0 : fileId);
      kb.uvarint(0);
    }
    if (kb.n > 1) stackBatches.push(kb.take());
    // The string table, in batches of at most maxBatchSize.
    let sb = new Bytes();
    sb.byte(Ev.Strings);
    for (const [s, id] of strings) {
      let b = enc.encode(s);
      if (b.length > maxStringSize) b = b.slice(0, maxStringSize);
      if (sb.n + b.length + maxStringHeader > maxBatchSize) {
        writeBatch(noThread, genStart, sb.take());
        sb = new Bytes();
        sb.byte(Ev.Strings);
      }
      sb.byte(Ev.String);
      sb.uvarint(id);
      sb.uvarint(b.length);
      sb.bytes(b);
    }
    if (sb.n > 1) writeBatch(noThread, genStart, sb.take());
    for (const b of stackBatches) writeBatch(noThread, genStart, b);
    out(new Uint8Array([Ev.EndOfGeneration]));
    stats.generations++;
  };

  // ---- what the trace has said (the parser's state, internal/trace/order.go)
  const tg = new Map<number, TG>();
  const tp: (TP | undefined)[] = [];
  const tmP = new Map<number, number>();
  const tmG = new Map<number, number>();
  const mP = (m: number): number => tmP.get(m) ?? -1;
  const mG = (m: number): number => tmG.get(m) ?? -1;

  const rp = new Replay(log, Number.MAX_SAFE_INTEGER);
  /** The M the current decision runs on (the last event that named one). */
  let actor = -1;
  /** The goroutine whose action readies the next G (E.Ready's a). */
  let readier = -1;
  /** The G last preempted (E.Preempted): its GoStop says "preempted". */
  let preempted = -1;
  /** The M whose goroutine stopped the world (STWBegin written), else −1: no new generation until it ends. */
  let stwM = -1;
  /** GOMAXPROCS to report with the next running goroutine (ProcsChange needs one). */
  let pendingProcs = -1;

  const gname = (g: number): string => tg.get(g)?.name ?? '';
  /** The stack of what M m is running (its goroutine's function), 0 for none. */
  const mstack = (m: number): number => {
    const g = m >= 0 ? mG(m) : -1;
    return g >= 0 ? stack(gname(g)) : 0;
  };

  /** First mention of P p in this generation: its status (idle; a P bound to an M is written at generation start). */
  const knowP = (p: number, m: number, t: number): TP => {
    let s = tp[p];
    if (s === undefined) {
      s = { st: ProcSt.Idle, m: -1, seq: 0 };
      tp[p] = s;
      ev(m, Ev.ProcStatus, t, p, ProcSt.Idle);
    }
    return s;
  };

  /** Take P p away from the M whose context holds it (`by`: the M doing it). */
  const releaseP = (p: number, by: number, t: number): void => {
    const s = tp[p];
    if (s === undefined || s.m < 0) return;
    const owner = s.m;
    if (s.st === ProcSt.Syscall && by !== owner) {
      // Another M takes a P from an M in a system call (retake, handoffp): ProcSteal.
      ev(by, Ev.ProcSteal, t, p, ++s.seq, owner);
      stats.steals++;
    } else {
      // The M gives up its own P (releasep; entersyscallblock's handoff): ProcStop.
      ev(owner, Ev.ProcStop, t);
    }
    s.st = ProcSt.Idle;
    s.m = -1;
    if (mP(owner) === p) tmP.set(owner, -1);
  };

  /** M m acquires P p (acquirep): ProcStart, after m gives up any P it still holds in the trace. */
  const acquireP = (p: number, m: number, t: number): void => {
    const s = knowP(p, m, t);
    if (s.m === m) return;
    if (s.m >= 0) releaseP(p, m, t);
    const old = mP(m);
    if (old >= 0 && old !== p) releaseP(old, m, t);
    ev(m, Ev.ProcStart, t, p, ++s.seq);
    s.st = ProcSt.Running;
    s.m = m;
    tmP.set(m, p);
    if (pendingProcs >= 0 && mG(m) >= 0) writeProcs(m, t);
  };

  const writeProcs = (m: number, t: number): void => {
    ev(m, Ev.ProcsChange, t, pendingProcs, mstack(m));
    pendingProcs = -1;
  };

  /** The trace's P for a G running on M m: the replay's P of m (acquired now if the trace has none). */
  const ensureP = (m: number, t: number): boolean => {
    if (mP(m) >= 0) return true;
    const p = rp.ms[m]?.p ?? -1;
    if (p < 0) return false;
    acquireP(p, m, t);
    return true;
  };

  /** Goroutine g leaves a system call on M m (before it runs on, or goes to a queue). */
  const exitSyscall = (g: number, s: TG, m: number, t: number, toRunning: boolean): void => {
    const p = mP(m);
    const kept = p >= 0 && tp[p]!.st === ProcSt.Syscall;
    if (kept && toRunning && (rp.ms[m]?.p ?? -1) === p) {
      ev(m, Ev.GoSyscallEnd, t);
      tp[p]!.st = ProcSt.Running;
      s.st = GoSt.Running;
      return;
    }
    // It lost its P (or gives it up now, as exitsyscall0 does): GoSyscallEndBlocked, then runnable.
    if (kept) releaseP(p, m, t);
    if (toRunning) ensureP(m, t);
    ev(m, Ev.GoSyscallEndBlocked, t);
    s.st = GoSt.Runnable;
    s.m = -1;
    tmG.set(m, -1);
  };

  /** Start g on M m: GoStart (the M needs a P and no goroutine in the trace). */
  const start = (g: number, s: TG, m: number, t: number): void => {
    ensureP(m, t);
    const cur = mG(m);
    if (cur >= 0 && cur !== g) {
      // The log moved another G off m later than this one on: it yielded first.
      const o = tg.get(cur);
      if (o !== undefined && o.st === GoSt.Running) {
        ev(m, Ev.GoStop, t, str(stopGosched), stack(o.name));
        o.st = GoSt.Runnable;
        o.m = -1;
      }
    }
    ev(m, Ev.GoStart, t, g, ++s.seq);
    s.st = GoSt.Running;
    s.m = m;
    tmG.set(m, g);
    if (pendingProcs >= 0) writeProcs(m, t);
  };

  /** Unblock a waiting g: written on the M of the goroutine that readied it, else the acting M. */
  const unblock = (g: number, s: TG, t: number): void => {
    const by = readier >= 0 && tg.get(readier)?.st === GoSt.Running ? tg.get(readier)!.m : actor >= 0 ? actor : 0;
    ev(by, Ev.GoUnblock, t, g, ++s.seq, mstack(by));
    s.st = GoSt.Runnable;
  };

  /** Bring goroutine g's trace state to the replay's. */
  const moveG = (g: number, t: number): void => {
    const gv = rp.gs.get(g);
    const s = tg.get(g);
    if (gv === undefined || s === undefined) return;
    const to = gv.status;
    const m = s.m;
    // Leave the old state.
    if (s.st === GoSt.Running) {
      if (to === GStatus.Running && gv.where === m) return;
      if (to === GStatus.Syscall && gv.where === m) {
        ensureP(m, t);
        const p = mP(m);
        ev(m, Ev.GoSyscallBegin, t, ++tp[p]!.seq, stack(s.name));
        tp[p]!.st = ProcSt.Syscall;
        s.st = GoSt.Syscall;
        stats.syscalls++;
        return;
      }
      if (to === GStatus.Waiting) {
        ev(m, Ev.GoBlock, t, str(blockReason[gv.reason] ?? 'unspecified'), stack(s.name));
        s.st = GoSt.Waiting;
      } else if (to === GStatus.Dead) {
        ev(m, Ev.GoDestroy, t);
        tg.delete(g);
      } else {
        ev(m, Ev.GoStop, t, str(preempted === g ? stopPreempted : stopGosched), stack(s.name));
        s.st = GoSt.Runnable;
      }
      if (preempted === g) preempted = -1;
      s.m = -1;
      if (mG(m) === g) tmG.set(m, -1);
      if (to === GStatus.Running) start(g, s, gv.where, t);
      return;
    }
    if (s.st === GoSt.Syscall) {
      if (to === GStatus.Syscall) return;
      exitSyscall(g, s, m, t, to === GStatus.Running && gv.where === m);
      if ((s.st as number) === GoSt.Running) return;
      if (to === GStatus.Running) start(g, s, gv.where, t);
      return;
    }
    if (s.st === GoSt.Waiting) {
      if (to === GStatus.Waiting) return;
      unblock(g, s, t);
    }
    // Runnable.
    if (to === GStatus.Running) start(g, s, gv.where, t);
  };

  /** Bring P p's trace state to the replay's. */
  const moveP = (p: number, t: number): void => {
    const pv = rp.ps[p];
    const s = tp[p];
    const status = pv === undefined || pv.dead ? -1 : pv.status;
    if (status === _Prunning && pv!.m >= 0) {
      acquireP(p, pv!.m, t);
      return;
    }
    // _Psyscall: the trace keeps the P on the syscalling M until another M takes it (ProcSteal).
    if (status === _Psyscall || s === undefined || s.m < 0) return;
    if (s.st === ProcSt.Running && status === _Prunning) return;
    // Idle, GC stop or destroyed: released by its M, or stolen from a syscall by the M retaking it.
    // Who takes it: an M that acquires it at this same instant (go1.26 exitsyscall taking its old P
    // back from another M's syscall: takeP's ProcSteal), else the acting M (sysmon in its loop for a
    // retake; the M itself for releasep or entersyscallblock's handoff).
    let by = actor >= 0 ? actor : s.m;
    if (s.st === ProcSt.Syscall) {
      for (let j = cur + 1; j < log.length && log.t[j] === log.t[cur]; j++) {
        if (log.k[j] === E.PState && log.p[j] === p) {
          if (log.a[j] === _Prunning && log.m[j]! >= 0) by = log.m[j]!;
          break;
        }
      }
    }
    releaseP(p, by, t);
  };

  /** Open a generation: every P's and live G's status, on the M they are bound to (traceAdvance). */
  const beginGeneration = (t: number): void => {
    strings = new Map();
    stackIds = new Map();
    stacks = [];
    batches = new Map();
    genStart = t;
    const anyM = [...tmP.keys(), ...tmG.keys()].reduce((a, b) => Math.min(a, b), Infinity);
    const home = Number.isFinite(anyM) ? anyM : 0;
    for (let p = 0; p < tp.length; p++) {
      const s = tp[p];
      if (s === undefined) continue;
      s.seq = 0;
      ev(s.m >= 0 ? s.m : home, Ev.ProcStatus, t, p, s.m >= 0 ? s.st : ProcSt.Idle);
    }
    for (const [g, s] of tg) {
      s.seq = 0;
      if (s.st === GoSt.Running || s.st === GoSt.Syscall) ev(s.m, Ev.GoStatus, t, g, s.m, s.st);
      else ev(home, Ev.GoStatus, t, g, noThread, s.st);
    }
  };

  const n = log.length;
  let began = false;
  /** The log event being translated. */
  let cur = 0;
  for (let i = 0; i < n; i++) {
    cur = i;
    const t = Math.round(log.t[i]!);
    const k = log.k[i]!;
    const g = log.g[i]!;
    const m = log.m[i]!;
    const p = log.p[i]!;
    const a = log.a[i]!;
    const b = log.b[i]!;
    if (!began) {
      began = true;
      genStart = t;
    } else if (t >= genStart + period && stwM < 0) {
      endGeneration();
      gen++;
      beginGeneration(t);
    }
    rp.step();
    if (m >= 0 && rp.ms[m] !== undefined) actor = m;
    switch (k) {
      case E.GoCreate: {
        // On the M of the creating goroutine, else the M holding P p.
        const creator = a >= 0 ? tg.get(a) : undefined;
        let on = creator !== undefined && creator.st === GoSt.Running ? creator.m : p >= 0 ? (tp[p]?.m ?? -1) : -1;
        if (on < 0) on = rp.ps[p]?.m ?? -1;
        if (on < 0) on = actor >= 0 ? actor : 0;
        ensureP(on, t);
        const name = log.string(log.b[i]!);
        tg.set(g, { st: GoSt.Runnable, m: -1, seq: 0, name });
        ev(on, Ev.GoCreate, t, g, stack(name), creator !== undefined ? stack(creator.name) : 0);
        stats.goroutines++;
        break;
      }
      case E.GLoc:
        moveG(g, t);
        readier = -1;
        break;
      case E.PState:
        moveP(p, t);
        break;
      case E.Procs: {
        pendingProcs = a;
        for (let id = a; id < tp.length; id++) moveP(id, t);
        const on = actor >= 0 && mG(actor) >= 0 && mP(actor) >= 0 ? actor : -1;
        if (on >= 0) writeProcs(on, t);
        break;
      }
      case E.STW:
        // stopTheWorld/startTheWorld around procresize (runtime.GOMAXPROCS): a range on the calling
        // goroutine (traceruntime.go STWStart/STWDone), which needs its G running on its M and P.
        if (a === 1 && m >= 0 && mG(m) >= 0 && mP(m) >= 0) {
          // The kind: GOMAXPROCS, or the GC's and ReadMemStats' (E.STW's b, proc.go stwReasonStrings).
          ev(m, Ev.STWBegin, t, str(b === 0 ? stwGOMAXPROCS : (stwReasonText[b] ?? stwGOMAXPROCS)), mstack(m));
          stwM = m;
        } else if (a === 0 && stwM >= 0) {
          ensureP(stwM, t);
          ev(stwM, Ev.STWEnd, t);
          stwM = -1;
        }
        break;
      case E.Ready:
        readier = a;
        break;
      case E.Preempted:
        preempted = g;
        break;
      default:
        break;
    }
  }
  if (began) endGeneration();
  stats.threads = threads.size;
  return stats;
}

/** The whole trace as one byte array (tests, small runs). */
export function goTraceBytes(log: EventLog, opts?: GoTraceOptions): Uint8Array {
  const parts: Uint8Array[] = [];
  writeGoTrace(log, (b) => parts.push(b), opts);
  let n = 0;
  for (const b of parts) n += b.length;
  const all = new Uint8Array(n);
  let at = 0;
  for (const b of parts) {
    all.set(b, at);
    at += b.length;
  }
  return all;
}
