/**
 * The ordering of a trace's events: the scheduler state a reader must track to put the per-thread
 * batches back into one valid order (the concept of internal/trace/order.go, go1.26.8; written here
 * from its rules, not translated).
 *
 * What it models: each goroutine's status and sequence number, each P's status and sequence number,
 * each thread's (M's) current P and G — the "scheduling context" an event happens in. The reader offers
 * it the earliest event of each thread's batches (by timestamp); `advance` either accepts the event
 * (it is consistent with the state: e.g. a GoStart whose sequence number is the goroutine's next, for a
 * goroutine that is runnable) and moves the state, or declines it (it must wait for another thread's
 * event: the unblock that makes the goroutine runnable), or finds the trace broken (throws
 * TraceFormatError naming the event's byte offset). Accepted events come out of `next()` with their
 * context and, for state transitions, the old and new state.
 *
 * Invariants: a goroutine is Running on at most one thread, the one whose context has it; a P is bound
 * to at most one thread; sequence numbers only increase by one within a generation and restart at each
 * generation's GoStatus/ProcStatus (statuses restated at every generation start; the first generation's
 * tell a state "Undetermined" → status, later ones must agree with what the trace said before).
 *
 * Simplifications: none in the rules; it does not keep user tasks' parent links (the replay has no use
 * for them) and it checks GC/range nesting only as far as order.go does.
 */
import { Ev, GoStatus, ProcStatus } from './tracev2.js';

/** A goroutine's state in the parsed trace (internal/trace GoState, by its String names). */
export type GoState = 'Undetermined' | 'NotExist' | 'Runnable' | 'Running' | 'Waiting' | 'Syscall';
/** A P's state (internal/trace ProcState). */
export type ProcState = 'Undetermined' | 'NotExist' | 'Running' | 'Idle';

/** "No thread / no P / no goroutine" (internal/trace NoThread, NoProc, NoGoroutine: −1). */
export const none = -1;

/** A format error: what is wrong and the byte offset in the file where it was found. */
export class TraceFormatError extends Error {
  constructor(
    readonly offset: number,
    readonly what: string,
  ) {
    super(`trace is broken at byte ${offset}: ${what}`);
    this.name = 'TraceFormatError';
  }
}

/** One stack frame (the stack table's entries: PC, function, file, line). */
export interface Frame {
  pc: number;
  fn: string;
  file: string;
  line: number;
}

/** An event as read from a batch, before ordering. */
export interface RawEvent {
  type: number;
  /** ns since the trace clock's zero. */
  time: number;
  /** Arguments after the timestamp (order.go adjusts some: GoStatus's, STWEnd's). */
  args: number[];
  /** Byte offset of the event's type byte in the file. */
  off: number;
}

/** A state change of a goroutine or a P (internal/trace StateTransition). */
export interface Transition {
  resource: 'goroutine' | 'proc';
  id: number;
  from: GoState | ProcState;
  to: GoState | ProcState;
}

/** An ordered event, in its scheduling context. */
export interface TraceEvent extends RawEvent {
  /** The thread, P and goroutine the event happened on (−1: none). */
  m: number;
  p: number;
  g: number;
  gen: number;
  /** The state change, when the event is one (else undefined). */
  tr: Transition | undefined;
}

const goStateOf: Record<number, GoState> = {
  [GoStatus.Runnable]: 'Runnable',
  [GoStatus.Running]: 'Running',
  [GoStatus.Syscall]: 'Syscall',
  [GoStatus.Waiting]: 'Waiting',
};
const procStateOf: Record<number, ProcState> = {
  [ProcStatus.Running]: 'Running',
  [ProcStatus.Idle]: 'Idle',
  [ProcStatus.Syscall]: 'Running',
  [ProcStatus.SyscallAbandoned]: 'Idle',
};

interface Seq {
  gen: number;
  n: number;
}
const succeeds = (a: Seq, b: Seq): boolean => a.gen === b.gen && a.n === b.n + 1;

interface GState {
  status: number;
  seq: Seq;
  /** Ranges in flight ("type/desc"). */
  ranges: string[];
  regions: { task: number; name: string }[];
}
interface PState {
  status: number;
  seq: Seq;
  ranges: string[];
}
interface MState {
  g: number;
  p: number;
}
interface Ctx {
  m: number;
  p: number;
  g: number;
}

/** What a context must have: 0 must not, 1 may, 2 must (order.go schedReqs). */
const mustNot = 0;
const may = 1;
const must = 2;
type Req = [m: number, p: number, g: number];
/** The requirement of events that run user code: a thread, a P and a goroutine. */
const userGo: Req = [must, must, must];

const GC = { Undetermined: 0, NotRunning: 1, Running: 2 } as const;

/** The ordering's state for one trace (one per reader; nothing global). */
export class Ordering {
  private gs = new Map<number, GState>();
  private ps = new Map<number, PState>();
  private ms = new Map<number, MState>();
  private tasks = new Set<number>();
  private gcSeq = 0;
  private gcState: number = GC.Undetermined;
  private initialGen = 0;
  private queue: TraceEvent[] = [];
  private qhead = 0;

  constructor(private readonly strings: (gen: number, id: number) => string | undefined) {}

  /** The next ordered event, if any. */
  next(): TraceEvent | undefined {
    if (this.qhead >= this.queue.length) {
      if (this.queue.length > 0) {
        this.queue = [];
        this.qhead = 0;
      }
      return undefined;
    }
    return this.queue[this.qhead++];
  }

  /**
   * Try to advance with `ev`, the next event of thread `m` in generation `gen`: true when accepted
   * (its events are queued), false when it must wait for another thread's events; throws when the trace
   * cannot be valid.
   */
  advance(ev: RawEvent, m: number, gen: number): boolean {
    if (this.initialGen === 0) this.initialGen = gen;
    let ms: MState | undefined;
    const cur: Ctx = { m, p: none, g: none };
    if (m !== none) {
      ms = this.ms.get(m);
      if (ms === undefined) {
        ms = { g: none, p: none };
        this.ms.set(m, ms);
      }
      cur.p = ms.p;
      cur.g = ms.g;
    }
    const next = this.dispatch(ev, cur, gen);
    if (next === undefined) return false;
    if (ms !== undefined) {
      ms.p = next.p;
      ms.g = next.g;
    }
    return true;
  }

  private fail(ev: RawEvent, what: string): never {
    throw new TraceFormatError(ev.off, what);
  }
  private name(type: number): string {
    for (const [k, v] of Object.entries(Ev)) if (v === type) return k;
    return `event type ${type}`;
  }
  private check(ev: RawEvent, c: Ctx, [m, p, g]: Req): void {
    const has = (x: number): boolean => x !== none;
    const test = (req: number, x: number, what: string): void => {
      if (req === must && !has(x)) this.fail(ev, `${this.name(ev.type)} needs a ${what} but its thread has none`);
      if (req === mustNot && has(x)) this.fail(ev, `${this.name(ev.type)} needs no ${what} but its thread has ${what} ${x}`);
    };
    test(m, c.m, 'thread');
    test(p, c.p, 'P');
    test(g, c.g, 'goroutine');
  }
  private push(ev: RawEvent, c: Ctx, gen: number, tr?: Transition): void {
    // One object shape for every event (fast property access for the readers of the list).
    this.queue.push({ type: ev.type, time: ev.time, args: ev.args, off: ev.off, m: c.m, p: c.p, g: c.g, gen, tr });
  }
  private goTr(id: number, from: GoState, to: GoState): Transition {
    return { resource: 'goroutine', id, from, to };
  }
  private running(ev: RawEvent, c: Ctx, status: number = GoStatus.Running): GState {
    const s = this.gs.get(c.g);
    if (s === undefined) this.fail(ev, `${this.name(ev.type)} for goroutine ${c.g}, which does not exist`);
    if (s.status !== status) this.fail(ev, `${this.name(ev.type)} for goroutine ${c.g}, which is not ${goStateOf[status]}`);
    return s;
  }

  /** The new context after `ev`, or undefined when it cannot advance yet. */
  private dispatch(ev: RawEvent, cur: Ctx, gen: number): Ctx | undefined {
    const a = ev.args;
    switch (ev.type) {
      case Ev.ProcStatus: {
        const pid = a[0]!;
        const status = a[1]!;
        if (!(status in procStateOf)) this.fail(ev, `P ${pid} has an invalid status ${status}`);
        let from: ProcState = procStateOf[status]!;
        const s = this.ps.get(pid);
        if (s !== undefined) {
          if (status === ProcStatus.SyscallAbandoned && s.status === ProcStatus.Syscall) {
            // The P's M is known to be in a syscall: nothing lost, it is still Running → Running.
            from = 'Running';
            a[1] = ProcStatus.Syscall;
          } else if (status === ProcStatus.SyscallAbandoned && s.status === ProcStatus.SyscallAbandoned) {
            from = 'Idle';
          } else if (s.status !== status) {
            this.fail(ev, `P ${pid}'s status ${status} disagrees with the trace so far (${s.status})`);
          }
          s.seq = { gen, n: 0 };
        } else {
          this.ps.set(pid, { status, seq: { gen, n: 0 }, ranges: [] });
          from = gen === this.initialGen ? 'Undetermined' : 'NotExist';
        }
        const next = { ...cur };
        if (status === ProcStatus.Running || status === ProcStatus.Syscall) next.p = pid;
        let at = cur;
        if (status === ProcStatus.SyscallAbandoned && from === 'Running') {
          // Restated from another thread: the event belongs to the thread the P is bound to.
          let found = false;
          for (const [mid, st] of this.ms) {
            if (st.p === pid) {
              at = { m: mid, p: pid, g: st.g };
              found = true;
            }
          }
          if (!found) this.fail(ev, `no thread holds P ${pid}, which is about to be stolen`);
        }
        this.push(ev, at, gen, { resource: 'proc', id: pid, from, to: procStateOf[a[1]!]! });
        return next;
      }
      case Ev.ProcStart: {
        const pid = a[0]!;
        const seq = { gen, n: a[1]! };
        const s = this.ps.get(pid);
        if (s === undefined || s.status !== ProcStatus.Idle || !succeeds(seq, s.seq) || cur.p !== none) return undefined;
        this.check(ev, cur, [must, mustNot, may]);
        s.status = ProcStatus.Running;
        s.seq = seq;
        this.push(ev, cur, gen, { resource: 'proc', id: pid, from: 'Idle', to: 'Running' });
        return { ...cur, p: pid };
      }
      case Ev.ProcStop: {
        const s = this.ps.get(cur.p);
        if (s === undefined) this.fail(ev, `ProcStop for P ${cur.p}, which does not exist`);
        if (s.status !== ProcStatus.Running && s.status !== ProcStatus.Syscall) this.fail(ev, `ProcStop for P ${cur.p}, which is not running`);
        this.check(ev, cur, [must, must, may]);
        s.status = ProcStatus.Idle;
        this.push(ev, cur, gen, { resource: 'proc', id: cur.p, from: 'Running', to: 'Idle' });
        return { ...cur, p: none };
      }
      case Ev.ProcSteal: {
        const pid = a[0]!;
        const seq = { gen, n: a[1]! };
        const s = this.ps.get(pid);
        if (s === undefined || (s.status !== ProcStatus.Syscall && s.status !== ProcStatus.SyscallAbandoned) || !succeeds(seq, s.seq)) return undefined;
        this.check(ev, cur, [must, may, may]);
        const old = s.status;
        s.status = ProcStatus.Idle;
        s.seq = seq;
        const tr: Transition = { resource: 'proc', id: pid, from: old === ProcStatus.SyscallAbandoned ? 'Idle' : 'Running', to: 'Idle' };
        if (old === ProcStatus.SyscallAbandoned) {
          this.push(ev, cur, gen, tr);
          return cur;
        }
        const victim = a[2]!;
        if (victim === cur.m) {
          if (cur.p !== pid) this.fail(ev, `thread ${victim} steals its own P ${pid} but holds P ${cur.p}`);
          this.push(ev, cur, gen, tr);
          return { ...cur, p: none };
        }
        const vm = this.ms.get(victim);
        if (vm === undefined) this.fail(ev, `P ${pid} stolen from thread ${victim}, which does not exist`);
        if (vm.p !== pid) this.fail(ev, `P ${pid} stolen from thread ${victim}, which holds P ${vm.p}`);
        vm.p = none;
        this.push(ev, cur, gen, tr);
        return cur;
      }
      case Ev.GoStatus:
      case Ev.GoStatusStack: {
        const gid = a[0]!;
        const mid = a[1]!;
        const status = a[2]!;
        if (!(status in goStateOf)) this.fail(ev, `goroutine ${gid} has an invalid status ${status}`);
        let from: GoState = goStateOf[status]!;
        const s = this.gs.get(gid);
        if (s !== undefined) {
          if (s.status !== status) this.fail(ev, `goroutine ${gid}'s status ${goStateOf[status]} disagrees with the trace so far (${goStateOf[s.status]})`);
          s.seq = { gen, n: 0 };
        } else if (gen === this.initialGen) {
          this.gs.set(gid, { status, seq: { gen, n: 0 }, ranges: [], regions: [] });
          from = 'Undetermined';
        } else {
          this.fail(ev, `status of goroutine ${gid}, never seen before, after the first generation`);
        }
        const next = { ...cur };
        let at = cur;
        if (status === GoStatus.Running) next.g = gid;
        else if (status === GoStatus.Syscall) {
          if (mid === none) this.fail(ev, `goroutine ${gid} in a syscall without a thread`);
          if (mid === cur.m) {
            if (gen !== this.initialGen && cur.g !== gid) this.fail(ev, `goroutine ${gid} in a syscall on thread ${mid}, which runs goroutine ${cur.g}`);
            next.g = gid;
          } else {
            const om = this.ms.get(mid);
            at = { ...cur };
            if (om !== undefined) {
              if (om.g !== gid) this.fail(ev, `goroutine ${gid} in a syscall on thread ${mid}, which runs goroutine ${om.g}`);
              at.g = om.g;
            } else {
              this.ms.set(mid, { g: gid, p: none });
            }
            at.m = mid;
          }
        }
        this.push(ev, at, gen, this.goTr(gid, from, goStateOf[status]!));
        return next;
      }
      case Ev.GoCreate:
      case Ev.GoCreateBlocked: {
        this.check(ev, cur, [must, must, may]);
        const cs = this.gs.get(cur.g);
        if (cs !== undefined && cs.status !== GoStatus.Running) this.fail(ev, `goroutine ${cur.g} creates a goroutine but is not running`);
        const id = a[0]!;
        if (this.gs.has(id)) this.fail(ev, `goroutine ${id} created twice`);
        const status = ev.type === Ev.GoCreateBlocked ? GoStatus.Waiting : GoStatus.Runnable;
        this.gs.set(id, { status, seq: { gen, n: 0 }, ranges: [], regions: [] });
        this.push(ev, cur, gen, this.goTr(id, 'NotExist', goStateOf[status]!));
        return cur;
      }
      case Ev.GoDestroy:
      case Ev.GoStop:
      case Ev.GoBlock: {
        this.check(ev, cur, userGo);
        const s = this.running(ev, cur);
        const g = cur.g;
        let to: GoState;
        if (ev.type === Ev.GoDestroy) {
          this.gs.delete(g);
          to = 'NotExist';
        } else if (ev.type === Ev.GoStop) {
          s.status = GoStatus.Runnable;
          to = 'Runnable';
        } else {
          s.status = GoStatus.Waiting;
          to = 'Waiting';
        }
        this.push(ev, cur, gen, this.goTr(g, 'Running', to));
        return { ...cur, g: none };
      }
      case Ev.GoStart: {
        const gid = a[0]!;
        const seq = { gen, n: a[1]! };
        const s = this.gs.get(gid);
        if (s === undefined || s.status !== GoStatus.Runnable || !succeeds(seq, s.seq)) return undefined;
        this.check(ev, cur, [must, must, mustNot]);
        s.status = GoStatus.Running;
        s.seq = seq;
        this.push(ev, cur, gen, this.goTr(gid, 'Runnable', 'Running'));
        return { ...cur, g: gid };
      }
      case Ev.GoUnblock: {
        const gid = a[0]!;
        const seq = { gen, n: a[1]! };
        const s = this.gs.get(gid);
        if (s === undefined || s.status !== GoStatus.Waiting || !succeeds(seq, s.seq)) return undefined;
        s.status = GoStatus.Runnable;
        s.seq = seq;
        this.push(ev, cur, gen, this.goTr(gid, 'Waiting', 'Runnable'));
        return cur;
      }
      case Ev.GoSwitch:
      case Ev.GoSwitchDestroy: {
        this.check(ev, cur, userGo);
        const s = this.running(ev, cur);
        const nextg = a[0]!;
        const seq = { gen, n: a[1]! };
        const ns = this.gs.get(nextg);
        if (ns === undefined || ns.status !== GoStatus.Waiting || !succeeds(seq, ns.seq)) return undefined;
        // Three events: the next goroutine unblocked, the current one blocked (or gone), the next started.
        this.push(ev, cur, gen, this.goTr(nextg, 'Waiting', 'Runnable'));
        if (ev.type === Ev.GoSwitch) {
          s.status = GoStatus.Waiting;
          this.push({ type: Ev.GoBlock, time: ev.time, args: [0, 0], off: ev.off }, cur, gen, this.goTr(cur.g, 'Running', 'Waiting'));
        } else {
          this.gs.delete(cur.g);
          this.push({ type: Ev.GoDestroy, time: ev.time, args: [], off: ev.off }, cur, gen, this.goTr(cur.g, 'Running', 'NotExist'));
        }
        ns.status = GoStatus.Running;
        ns.seq = seq;
        this.push({ type: Ev.GoStart, time: ev.time, args: [nextg, a[1]!], off: ev.off }, { ...cur, g: none }, gen, this.goTr(nextg, 'Runnable', 'Running'));
        return { ...cur, g: nextg };
      }
      case Ev.GoSyscallBegin: {
        this.check(ev, cur, userGo);
        const s = this.running(ev, cur);
        s.status = GoStatus.Syscall;
        const ps = this.ps.get(cur.p);
        if (ps === undefined) this.fail(ev, `GoSyscallBegin on P ${cur.p}, which was never stated`);
        ps.status = ProcStatus.Syscall;
        const pseq = { gen, n: a[0]! };
        if (!succeeds(pseq, ps.seq)) this.fail(ev, `GoSyscallBegin's P sequence ${pseq.n} does not follow P ${cur.p}'s ${ps.seq.n}`);
        ps.seq = pseq;
        this.push(ev, cur, gen, this.goTr(cur.g, 'Running', 'Syscall'));
        return cur;
      }
      case Ev.GoSyscallEnd: {
        this.check(ev, cur, userGo);
        const s = this.running(ev, cur, GoStatus.Syscall);
        s.status = GoStatus.Running;
        const ps = this.ps.get(cur.p);
        if (ps === undefined) this.fail(ev, `GoSyscallEnd on P ${cur.p}, which was never stated`);
        if (ps.status !== ProcStatus.Syscall) this.fail(ev, `GoSyscallEnd on P ${cur.p}, which is not in a syscall`);
        ps.status = ProcStatus.Running;
        this.push(ev, cur, gen, this.goTr(cur.g, 'Syscall', 'Running'));
        return cur;
      }
      case Ev.GoSyscallEndBlocked: {
        // It waits until its P has left the syscall state (stopped or stolen).
        if (cur.p !== none) {
          const ps = this.ps.get(cur.p);
          if (ps === undefined) this.fail(ev, `GoSyscallEndBlocked on P ${cur.p}, which was never stated`);
          if (ps.status === ProcStatus.Syscall) return undefined;
        }
        this.check(ev, cur, [must, may, must]);
        const s = this.running(ev, cur, GoStatus.Syscall);
        s.status = GoStatus.Runnable;
        this.push(ev, cur, gen, this.goTr(cur.g, 'Syscall', 'Runnable'));
        return { ...cur, g: none };
      }
      case Ev.GoCreateSyscall: {
        this.check(ev, cur, [must, may, mustNot]);
        const id = a[0]!;
        if (this.gs.has(id)) this.fail(ev, `goroutine ${id} created twice (in a syscall)`);
        this.gs.set(id, { status: GoStatus.Syscall, seq: { gen, n: 0 }, ranges: [], regions: [] });
        this.push(ev, cur, gen, this.goTr(id, 'NotExist', 'Syscall'));
        return { ...cur, g: id };
      }
      case Ev.GoDestroySyscall: {
        this.check(ev, cur, [must, may, must]);
        this.running(ev, cur, GoStatus.Syscall);
        this.gs.delete(cur.g);
        const next = { ...cur, g: none };
        if (cur.p !== none) {
          const ps = this.ps.get(cur.p);
          if (ps === undefined) this.fail(ev, `GoDestroySyscall on P ${cur.p}, which was never stated`);
          if (ps.status !== ProcStatus.Syscall) this.fail(ev, `GoDestroySyscall on P ${cur.p}, which is not in a syscall`);
          ps.status = ProcStatus.SyscallAbandoned;
          next.p = none;
          // The thread leaves its P: a self-steal.
          this.push({ type: Ev.ProcSteal, time: ev.time, args: [cur.p, 0, cur.m], off: ev.off }, cur, gen, { resource: 'proc', id: cur.p, from: 'Running', to: 'Idle' });
        }
        this.push(ev, cur, gen, this.goTr(cur.g, 'Syscall', 'NotExist'));
        return next;
      }
      case Ev.STWBegin:
      case Ev.GCMarkAssistBegin: {
        this.check(ev, cur, userGo);
        const s = this.gs.get(cur.g);
        if (s === undefined) this.fail(ev, `${this.name(ev.type)} on goroutine ${cur.g}, which does not exist`);
        const key = `${ev.type}/${ev.type === Ev.STWBegin ? a[0]! : 0}`;
        if (s.ranges.includes(key)) this.fail(ev, `${this.name(ev.type)} while the same range is in flight`);
        s.ranges.push(key);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.STWEnd:
      case Ev.GCMarkAssistEnd: {
        this.check(ev, cur, userGo);
        const s = this.gs.get(cur.g);
        if (s === undefined) this.fail(ev, `${this.name(ev.type)} on goroutine ${cur.g}, which does not exist`);
        const begin = ev.type === Ev.STWEnd ? Ev.STWBegin : Ev.GCMarkAssistBegin;
        const i = s.ranges.findIndex((k) => k.startsWith(`${begin}/`));
        if (i < 0) this.fail(ev, `${this.name(ev.type)} without its Begin in flight`);
        const desc = Number(s.ranges[i]!.split('/')[1]);
        s.ranges.splice(i, 1);
        // STWEnd carries its Begin's kind, as the parser's events do.
        const e = ev.type === Ev.STWEnd ? { ...ev, args: [desc] } : ev;
        this.push(e, cur, gen);
        return cur;
      }
      case Ev.GCMarkAssistActive: {
        const s = this.gs.get(a[0]!);
        if (s === undefined) this.fail(ev, `GCMarkAssistActive for goroutine ${a[0]}, which was never stated`);
        this.active(ev, s.ranges, `${Ev.GCMarkAssistBegin}/0`, gen);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.GCSweepActive: {
        const s = this.ps.get(a[0]!);
        if (s === undefined) this.fail(ev, `GCSweepActive for P ${a[0]}, which was never stated`);
        this.active(ev, s.ranges, `${Ev.GCSweepBegin}/0`, gen);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.GCSweepBegin: {
        this.check(ev, cur, [must, must, may]);
        const s = this.ps.get(cur.p)!;
        const key = `${Ev.GCSweepBegin}/0`;
        if (s.ranges.includes(key)) this.fail(ev, 'GCSweepBegin while a sweep is in flight');
        s.ranges.push(key);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.GCSweepEnd: {
        this.check(ev, cur, [must, must, may]);
        const s = this.ps.get(cur.p)!;
        const i = s.ranges.indexOf(`${Ev.GCSweepBegin}/0`);
        if (i < 0) this.fail(ev, 'GCSweepEnd without a sweep in flight');
        s.ranges.splice(i, 1);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.GCActive: {
        const seq = a[0]!;
        if (gen === this.initialGen) {
          if (this.gcState !== GC.Undetermined) this.fail(ev, 'GCActive in the first generation after another GC event');
          this.gcSeq = seq;
          this.gcState = GC.Running;
          this.push(ev, cur, gen);
          return cur;
        }
        if (seq !== this.gcSeq + 1) return undefined;
        if (this.gcState !== GC.Running) this.fail(ev, 'GCActive while no GC is in progress');
        this.gcSeq = seq;
        this.check(ev, cur, userGo);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.GCBegin: {
        const seq = a[0]!;
        if (this.gcState === GC.Undetermined) {
          this.gcSeq = seq;
          this.gcState = GC.Running;
          this.push(ev, cur, gen);
          return cur;
        }
        if (seq !== this.gcSeq + 1) return undefined;
        if (this.gcState === GC.Running) this.fail(ev, 'GCBegin while a GC is in progress');
        this.gcSeq = seq;
        this.gcState = GC.Running;
        this.check(ev, cur, userGo);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.GCEnd: {
        const seq = a[0]!;
        if (seq !== this.gcSeq + 1) return undefined;
        if (this.gcState !== GC.Running) this.fail(ev, 'GCEnd while no GC is known to be in progress');
        this.gcSeq = seq;
        this.gcState = GC.NotRunning;
        this.check(ev, cur, userGo);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.HeapAlloc:
      case Ev.HeapGoal:
        this.check(ev, cur, [must, must, may]);
        this.push(ev, cur, gen);
        return cur;
      case Ev.ProcsChange:
      case Ev.GoLabel:
      case Ev.UserLog:
        this.check(ev, cur, userGo);
        this.push(ev, cur, gen);
        return cur;
      case Ev.UserTaskBegin: {
        const id = a[0]!;
        if (this.tasks.has(id)) this.fail(ev, `task ${id} begins twice`);
        if (this.strings(gen, a[2]!) === undefined) this.fail(ev, `task ${id}'s name is string ${a[2]}, which is not in the table`);
        this.tasks.add(id);
        this.check(ev, cur, userGo);
        this.push(ev, cur, gen);
        return cur;
      }
      case Ev.UserTaskEnd:
        this.tasks.delete(a[0]!);
        this.check(ev, cur, userGo);
        this.push(ev, cur, gen);
        return cur;
      case Ev.UserRegionBegin:
      case Ev.UserRegionEnd: {
        this.check(ev, cur, userGo);
        const name = this.strings(gen, a[1]!);
        if (name === undefined) this.fail(ev, `region name is string ${a[1]}, which is not in the table`);
        const s = this.gs.get(cur.g);
        if (s === undefined) this.fail(ev, `region on goroutine ${cur.g}, which was never stated`);
        if (ev.type === Ev.UserRegionBegin) s.regions.push({ task: a[0]!, name });
        else if (s.regions.length > 0) {
          const top = s.regions[s.regions.length - 1]!;
          if (top.task !== a[0] || top.name !== name) this.fail(ev, `region ${name} ends inside region ${top.name}`);
          s.regions.pop();
        }
        this.push(ev, cur, gen);
        return cur;
      }
      default:
        if (ev.type >= Ev.Span && ev.type <= Ev.GoroutineStackFree) {
          this.check(ev, cur, [must, may, may]);
          this.push(ev, cur, gen);
          return cur;
        }
        return this.fail(ev, `event type ${ev.type} (${this.name(ev.type)}) cannot appear in an event batch`);
    }
  }

  /** A range said active at a generation's start: new in the first generation, known later. */
  private active(ev: RawEvent, ranges: string[], key: string, gen: number): void {
    if (gen === this.initialGen) {
      if (ranges.includes(key)) this.fail(ev, `${this.name(ev.type)} twice in the first generation`);
      ranges.push(key);
    } else if (!ranges.includes(key)) {
      this.fail(ev, `${this.name(ev.type)} for a range that is not in flight`);
    }
  }
}
