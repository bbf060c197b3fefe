/**
 * The runtime's records: G, M, P and the global `sched` (Go: runtime2.go), with Go's state codes.
 *
 * Fields mirror Go's names and are documented by why the model needs them. Fields Go has that play
 * no part in scheduling (stack bounds, mcache, GC state) are left out. Spec §1.
 *
 * Invariants (checked by invariants.ts after every event in tests):
 * - a G is in exactly one place: a P's runnext or runq, the global queue, running on one M, in a
 *   syscall on one M, parked (waiting/netpoll), or dead;
 * - p.m === m ⇔ m.p === p; an idle P is on the idle list and owned by nobody;
 * - npidle, nmidle, nmspinning and mcount() equal their recomputed values.
 */
import type { GoBody, Op } from '../workload/ops.js';
import type { Sudog } from './chan.js';
import type { Timer } from './time.js';
import type { Runtime } from './runtime.js';
import type { EventTarget } from '../kernel/sim.js';
import { MS, type MStateCode } from '../log/events.js';

// ---- constants (spec §19; Go 1.19 source names) ----
/** Local run queue capacity (p.runq [256]guintptr). */
export const runqSize = 256;
/** Goroutine ids are handed to each P in batches of this size (_GoidCacheBatch). */
export const goidCacheBatch = 16;
/** Fairness: every 61st schedtick takes one G from the global queue (findRunnable). */
export const fairnessTicks = 61;
/** stealWork rounds (stealTries). */
export const stealTries = 4;
/** runqgrab's back-off before stealing a running P's runnext (usleep(3)). */
export const runnextStealBackoff = 3_000;
/** sysmon's time slice for preemption (forcePreemptNS = 10 ms). */
export const forcePreemptNS = 10_000_000;
/** forcegcperiod = 2 minutes. */
export const forcegcperiod = 2 * 60 * 1_000_000_000;
/** Default thread limit (sched.maxmcount). */
export const defaultMaxThreads = 10_000;

// ---- G status (g.atomicstatus) ----
export const _Gidle = 0;
export const _Grunnable = 1;
export const _Grunning = 2;
export const _Gsyscall = 3;
export const _Gwaiting = 4;
export const _Gdead = 6;
export const _Gpreempted = 9;

// ---- P status ----
export const _Pidle = 0;
export const _Prunning = 1;
export const _Psyscall = 2;
export const _Pgcstop = 3;
export const _Pdead = 4;

// ---- G.state: the G's status and its booleans as one small int ----
/** The low bits: g.atomicstatus (the _G* codes above, all < 16). */
const gStatusMask = 0xf;
/** g.preempt. */
const gflagPreempt = 1 << 4;
/** A runtime goroutine (G.system). */
const gflagSystem = 1 << 5;
/** g.selectDone. */
const gflagSelectDone = 1 << 6;
/** A gcBgMarkWorker goroutine (G.markWorker). */
const gflagMarkWorker = 1 << 7;
/** Bits 8–13: g.waitreason as its index in waitReasonStrings (0: "", or a reason Go has not, in GExtra). */
const gWaitReasonShift = 8;
const gWaitReasonMask = 0x3f << gWaitReasonShift;

/**
 * Go's wait reasons in Go's order (runtime2.go waitReasonStrings, go1.26.8): as Go's g.waitreason is a
 * uint8 index into them, G.state keeps the reason as its index. A reason not in the list (a
 * workload's own) is kept as a string in the G's GExtra.
 */
const waitReasonStrings: readonly string[] = Object.freeze([
  '',
  'GC assist marking',
  'IO wait',
  'chan receive (nil chan)',
  'chan send (nil chan)',
  'dumping heap',
  'garbage collection',
  'garbage collection scan',
  'panicwait',
  'select',
  'select (no cases)',
  'GC assist wait',
  'GC sweep wait',
  'GC scavenge wait',
  'chan receive',
  'chan send',
  'finalizer wait',
  'force gc (idle)',
  'GOMAXPROCS updater (idle)',
  'semacquire',
  'sleep',
  'sync.Cond.Wait',
  'sync.Mutex.Lock',
  'sync.RWMutex.RLock',
  'sync.RWMutex.Lock',
  'sync.WaitGroup.Wait',
  'trace reader (blocked)',
  'wait for GC cycle',
  'GC worker (idle)',
  'GC worker (active)',
  'preempted',
  'debug call',
  'GC mark termination',
  'stopping the world',
  'flushing proc caches',
  'trace goroutine status',
  'trace proc status',
  'page trace flush',
  'coroutine',
  'GC weak to strong wait',
  'synctest.Run',
  'synctest.Wait',
  'chan receive (durable)',
  'chan send (durable)',
  'select (durable)',
  'sync.WaitGroup.Wait (durable)',
  'cleanup wait',
]);
const waitReasonCodes: ReadonlyMap<string, number> = new Map(waitReasonStrings.map((r, i) => [r, i]));
const waitReasonChanReceive = waitReasonCodes.get('chan receive')!;
const waitReasonChanSend = waitReasonCodes.get('chan send')!;
const waitReasonSelect = waitReasonCodes.get('select')!;
/**
 * g.waitreason's index, undefined for a reason Go has not. Channel parks, the most frequent, are
 * compared first: an identity test of two interned strings is cheaper than the Map's lookup
 * (ping-pong over channels parks 2M times a run).
 */
function waitReasonCode(r: string): number | undefined {
  if (r === 'chan receive') return waitReasonChanReceive;
  if (r === 'chan send') return waitReasonChanSend;
  if (r === 'select') return waitReasonSelect;
  return waitReasonCodes.get(r);
}

/**
 * The G fields most goroutines never use, kept off the G until one is first written (G.extra): a
 * parked goroutine holds only the G's own fields (issue 14: bytes per parked goroutine). A G taken
 * from the free list keeps its GExtra, reset.
 */
export class GExtra {
  /** g.waitreason when it is not one of Go's waitReasonStrings (G.state holds 0 then). */
  waitreason = '';
  /** LockOSThread: the M this G must run on. */
  lockedm: M | null = null;
  /**
   * While running a Work op: when it (projected, os.ts) ends in wall time, its CPU ns, and its
   * function-call period. (Its start is not kept: os.ts derives the CPU done from the end and the
   * rate.)
   */
  workEnd = 0;
  workNs = 0;
  workEvery = 0;
  /** time.Sleep's reusable timer (g.timer). */
  timer: Timer | null = null;
  /** The sudogs of the select it is blocked in (Go: gp.waiting, linked by waitlink), to dequeue the others when one fires. */
  waiting: Sudog | null = null;
  /**
   * gcAssistBytes (mgc.ts): the G's assist credit in bytes during a mark phase; negative is a debt the
   * G pays by assisting before it allocates on.
   */
  gcAssistBytes = 0;
  /**
   * Fresh pages of large objects this G allocated that nothing has written yet (mgc.ts mallocgc):
   * their page faults come at the first write, which gmpsim takes to be a read(2) into them
   * (exec.ts syscallOp, SyscallOp.fill).
   */
  untouchedBytes = 0;
  /** A stop-the-world this G is in the middle of (mgc.ts GCStep; 0 = none): runG continues it first. */
  gcstep = 0;

  reset(): void {
    this.lockedm = null;
    this.workEnd = this.workNs = this.workEvery = 0;
    this.waiting = null;
    this.gcAssistBytes = 0;
    this.untouchedBytes = 0;
    this.gcstep = 0;
    // The timer stays: Go's g.timer outlives the goroutine on the free list too; so does the
    // wait reason (G.reuse).
  }
}

/**
 * A goroutine (Go: runtime2.go's g). Memory layout matters here (issue 14: ≤ 300 B per parked
 * goroutine, bench/scale.ts's parked workload): the G holds only what every goroutine uses, as
 * V8 in-object fields that stay small ints or pointers (a field that ever holds a non-integer
 * number becomes a boxed double in every G); its status and booleans are bits of `state` (as Go's
atomicstatus carries its _Gscan bit); rarely used state
 * is in a GExtra allocated on first write. Go's field names stay, as accessors where the field
 * moved, so the scheduler reads like proc.go. Every field is initialised in the constructor in one
 * order: one hidden class for all Gs.
 */
export class G {
  goid: number;
  /**
   * g.atomicstatus (low bits, gStatusMask), the gflag* booleans (preempt, system, selectDone,
   * markWorker) and g.waitreason's index (gWaitReasonMask).
   */
  state: number;
  /** The M running it (running or in a syscall). */
  m: M | null;
  /** Name of the function it started in (for dumps and the event log). */
  startfn: string;
  parentGoid: number;
  /** The goroutine's code. */
  body: GoBody | null;
  /** Value handed to body.next() when it runs next (an Op's result). */
  resume: unknown;
  /**
   * An op that was interrupted (preempted before or during it) and must be redone first; also the
   * semacquire a parked sema waiter retries (sema.ts), so it stays on the G.
   */
  pendingOp: Op | null;
  /**
   * Runtime.execSeq when it last ran or was created (newproc writes its g and stack, so a new G is
   * hot): execute's working-set cost (cost.ts coldSwitchExtra) is by the executes since.
   */
  lastExec: number;
  /** The rarely used fields, allocated on first write (x()). */
  extra: GExtra | null;
  constructor(goid: number, startfn: string, parentGoid: number, body: GoBody | null) {
    this.goid = goid;
    this.state = _Gidle;
    this.m = null;
    this.startfn = startfn;
    this.parentGoid = parentGoid;
    this.body = body;
    this.resume = undefined;
    this.pendingOp = null;
    this.lastExec = 0;
    this.extra = null;
  }

  /** The GExtra, allocated on first use. */
  private x(): GExtra {
    let e = this.extra;
    if (e === null) this.extra = e = new GExtra();
    return e;
  }

  get atomicstatus(): number {
    return this.state & gStatusMask;
  }
  set atomicstatus(v: number) {
    this.state = (this.state & ~gStatusMask) | v;
  }
  /** Why it is parked. Never cleared on wake: scheddetail shows the stale reason (spec §1.1). */
  get waitreason(): string {
    const c = (this.state & gWaitReasonMask) >> gWaitReasonShift;
    if (c !== 0) return waitReasonStrings[c]!;
    return this.extra === null ? '' : this.extra.waitreason;
  }
  set waitreason(v: string) {
    const c = waitReasonCode(v);
    if (c !== undefined) {
      this.state = (this.state & ~gWaitReasonMask) | (c << gWaitReasonShift);
      if (this.extra !== null) this.extra.waitreason = '';
    } else {
      this.state &= ~gWaitReasonMask;
      this.x().waitreason = v;
    }
  }
  /** sysmon/STW asked this G to stop at the next safe point. */
  get preempt(): boolean {
    return (this.state & gflagPreempt) !== 0;
  }
  set preempt(v: boolean) {
    this.state = v ? this.state | gflagPreempt : this.state & ~gflagPreempt;
  }
  /** Runtime goroutines are not counted by checkdead or NumGoroutine, nor listed in dumps. */
  get system(): boolean {
    return (this.state & gflagSystem) !== 0;
  }
  set system(v: boolean) {
    this.state = v ? this.state | gflagSystem : this.state & ~gflagSystem;
  }
  /** select: set when one case of a blocked select has fired (g.selectDone). */
  get selectDone(): boolean {
    return (this.state & gflagSelectDone) !== 0;
  }
  set selectDone(v: boolean) {
    this.state = v ? this.state | gflagSelectDone : this.state & ~gflagSelectDone;
  }
  /** A gcBgMarkWorker goroutine: sysmon's preemption requests reach its drain loop, never gopreempt. */
  get markWorker(): boolean {
    return (this.state & gflagMarkWorker) !== 0;
  }
  set markWorker(v: boolean) {
    this.state = v ? this.state | gflagMarkWorker : this.state & ~gflagMarkWorker;
  }

  // GExtra's fields. A write of the zero value to a G without one allocates nothing.
  get lockedm(): M | null {
    return this.extra === null ? null : this.extra.lockedm;
  }
  set lockedm(v: M | null) {
    if (v !== null || this.extra !== null) this.x().lockedm = v;
  }
  get workEnd(): number {
    return this.extra === null ? 0 : this.extra.workEnd;
  }
  set workEnd(v: number) {
    if (v !== 0 || this.extra !== null) this.x().workEnd = v;
  }
  get workNs(): number {
    return this.extra === null ? 0 : this.extra.workNs;
  }
  set workNs(v: number) {
    if (v !== 0 || this.extra !== null) this.x().workNs = v;
  }
  get workEvery(): number {
    return this.extra === null ? 0 : this.extra.workEvery;
  }
  set workEvery(v: number) {
    if (v !== 0 || this.extra !== null) this.x().workEvery = v;
  }
  get timer(): Timer | null {
    return this.extra === null ? null : this.extra.timer;
  }
  set timer(v: Timer | null) {
    if (v !== null || this.extra !== null) this.x().timer = v;
  }
  get waiting(): Sudog | null {
    return this.extra === null ? null : this.extra.waiting;
  }
  set waiting(v: Sudog | null) {
    if (v !== null || this.extra !== null) this.x().waiting = v;
  }
  get gcAssistBytes(): number {
    return this.extra === null ? 0 : this.extra.gcAssistBytes;
  }
  set gcAssistBytes(v: number) {
    if (v !== 0 || this.extra !== null) this.x().gcAssistBytes = v;
  }
  get untouchedBytes(): number {
    return this.extra === null ? 0 : this.extra.untouchedBytes;
  }
  set untouchedBytes(v: number) {
    if (v !== 0 || this.extra !== null) this.x().untouchedBytes = v;
  }
  get gcstep(): number {
    return this.extra === null ? 0 : this.extra.gcstep;
  }
  set gcstep(v: number) {
    if (v !== 0 || this.extra !== null) this.x().gcstep = v;
  }

  /** Reinitialise a dead G taken from a free list (gfget) for a new goroutine. */
  reuse(goid: number, startfn: string, parentGoid: number, body: GoBody): void {
    this.goid = goid;
    this.startfn = startfn;
    this.parentGoid = parentGoid;
    this.body = body;
    this.m = null;
    this.resume = undefined;
    this.pendingOp = null;
    this.state &= gStatusMask | gWaitReasonMask;
    if (this.extra !== null) this.extra.reset();
    // waitreason is not cleared: Go keeps the stale reason (spec §1.1).
  }
}

export class SysmonTick {
  schedtick = 0;
  schedwhen = 0;
  syscalltick = 0;
  /**
   * When sysmon recorded the P's syscalltick. −Infinity until it first does: Go's p.sysmontick starts
   * zeroed, and 0 is long ago for nanotime (it counts from boot), so retake's "seen for < 10 ms" test
   * (`pd.syscallwhen+10*1000*1000 > now`) is false for a syscall sysmon never recorded. The model's
   * clock starts at 0, where a 0 would read as "just now" for the run's first 10 ms.
   */
  syscallwhen = -Infinity;
}

export class P {
  id: number;
  status = _Pgcstop;
  /** Idle list link (sched.pidle is LIFO through these). */
  link: P | null = null;
  /** +1 on each execute that starts a new time slice (not on inheritTime). */
  schedtick = 0;
  /** +1 on each syscall exit, entersyscallblock and retake. */
  syscalltick = 0;
  /** sysmon's last observation of this P (retake). */
  sysmontick = new SysmonTick();
  /** Owner M (nil when idle or in _Psyscall). */
  m: M | null = null;
  runqhead = 0;
  runqtail = 0;
  runq: (G | null)[] = new Array<G | null>(runqSize).fill(null);
  runnext: G | null = null;
  /** Dead Gs cached for reuse (p.gFree; gfreecnt in scheddetail). */
  gFree: G[] = [];
  /**
   * Free sudogs of plain channel sends and receives (p.sudogcache: chan.ts acquireSudog/releaseSudog),
   * linked through their `next` field, and how many.
   */
  sudogcache: Sudog | null = null;
  nsudogcache = 0;
  goidcache = 0;
  goidcacheend = 0;
  /** Timer heap (1.19 model: a min-heap on `when`). */
  timers: Timer[] = [];
  /** Ask whatever runs on this P to stop for async preemption (p.preempt). */
  preempt = false;
  /** The M in a syscall that left this P in _Psyscall (Go 1.19; for the log and retake's event). */
  syscallm: M | null = null;
  /** The M that last acquired this P (newer Go's p.oldm, set in acquirep): procresize prefers it (VersionProfile.procresizeOldm). */
  oldm: M | null = null;
  /** The mark worker mode of the worker running on this P (mgc.ts GCMarkWorkerMode; 0 = none). */
  gcMarkWorkerMode = 0;
  /** Nanoseconds of fractional mark work this P did in the current cycle (p.gcFractionalMarkTime). */
  gcFractionalMarkTime = 0;
  /**
   * The mark worker reserved for this P (p.nextGCMarkWorker): assignWaitingGCWorker took it from the
   * pool and set gcMarkWorkerMode, so that no other P takes the slot before this P's M runs it
   * (findRunnableGCWorker) or gives it back (releaseNextGCMarkWorker, when the P is released).
   */
  nextGCMarkWorker: G | null = null;
  constructor(id: number) {
    this.id = id;
  }
}

/** What a parked M does when it is woken (the continuation Go keeps on the M's g0 stack). */
export const Resume = {
  /** stopm → acquirep(nextp) → schedule(). */
  Schedule: 0,
  /** stoplockedm → acquirep(nextp) → execute(lockedg). */
  ExecuteLocked: 1,
} as const;

export class M implements EventTarget {
  id: number;
  rt: Runtime;
  curg: G | null = null;
  p: P | null = null;
  /** P handed to it while parked; acquired when it wakes. */
  nextp: P | null = null;
  /** P it held before the syscall (exitsyscallfast tries it first). */
  oldp: P | null = null;
  spinning = false;
  /** Parked on a note (scheddetail's blocked=). */
  blocked = false;
  lockedg: G | null = null;
  lockedExt = 0;
  lockedInt = 0;
  incgo = false;
  ncgocall = 0;
  syscalltick = 0;
  /** A SIGURG is in flight to this thread (at most one: m.signalPending). */
  signalPending = false;
  /** Idle list link (sched.midle). */
  schedlink: M | null = null;
  /** sysmon and the template thread are counted in nmsys and never run Gs. */
  isSys = false;
  /** The simulator's view of what the thread is doing (for the log and invariants). */
  state: MStateCode = MS.Starting;
  /** Continuation after a park. */
  resume: number = Resume.Schedule;
  /** Generation of the M's primary pending event; bump to cancel it (kernel: lazy cancellation). */
  gen = 0;
  /** While asleep on a KernelWaitQueue (syscall.ts): the event that ends its syscall when woken. */
  kernelWakeTag = 0;
  /** When blocked in netpoll: the absolute time its epoll_wait times out (Infinity = forever). */
  pollDeadline = Infinity;
  /** Pending runnext steal after the 3 µs back-off: the victim P. */
  stealVictim: P | null = null;
  /**
   * The M this one woke with notewakeup onto the CPU both run on (os.ts selectCpu), during the current
   * findRunnable pass's timer runs (proc.ts findRunnable), else null.
   */
  wokeLocal: M | null = null;
  /**
   * The waker stalled in findRunnable because this M, woken onto its CPU, preempted it: it goes on when
   * this M leaves the CPU (proc.ts releaseStalledWaker), else null.
   */
  stalledWaker: M | null = null;
  /** While stalled so: the wakee that preempted it, and the scheduler time it still owes (its debt). */
  stalledBy: M | null = null;
  stallDebt = 0;
  stallGen = 0;
  /** The M exited (mexit): no longer on Go's allm. */
  dead = false;
  /**
   * m0 after its locked G exited: parked forever, counted in nmfreed (not in mcount), but still on
   * allm (pprof's threadcreate count, scheddetail).
   */
  wedged = false;
  /** Runtime work done in this event whose time is charged to the M's next event (cost.ts). */
  debt = 0;
  /**
   * Until when the M is switching goroutines (execute's goroutineSwitch delay, + debt): a preemption
   * request sysmon makes in that window is lost, as in go1.19 (spec §9, §20.18):
   * - the switch's cost is the blocking runtime path of the G that left (calibrate.go
   *   goroutine_switch_ns: chanrecv's lock(&c.lock), gopark, park_m, schedule, execute). While that
   *   G still holds c.lock, preemptone flags it (gp.preempt, stackguard0 = stackPreempt), but
   *   newstack cannot preempt with m.locks > 0 (stack.go: resets stackguard0, "gp->preempt is set,
   *   so it will be preempted next time"), and the lock is released by park_m's chanparkcommit on g0,
   *   so unlock2 (lock_futex.go) does not restore stackguard0 on the user G; execute() then clears
   *   gp.preempt when the G runs again. SIGURG is ignored there too (runtime code is no async safe
   *   point; schedule() clears p.preempt before it lands).
   * - from dropg to execute Go's curg is nil, so preemptone finds nothing to preempt.
   * Either way nothing preempts the pair, and sysmon, whose pd.schedwhen stays put (inheritTime),
   * asks again one tick later. The end of the switch (gogo, back through gopark to the first
   * prologue, releaseSudog's in chanrecv) is a few instructions and not split out.
   * A request in a non-blocking op's cost (chanOp, semOp) is NOT lost: there the G releases its own
   * lock and unlock2/releasem restore stackguard0 = stackPreempt when m.locks drops to 0, so it
   * stops at its next prologue — the model's check before the next op (exec.ts runG1).
   */
  switchingUntil = 0;
  /**
   * When a notewakeup's wake-up (futex, and a halted vCPU's) lets it run (stopTheWorldWithSema waits for
   * it), or a new thread's first run (newm; forEachP waits for it).
   */
  wakeAt = 0;
  /** Blocked in netpoll and already woken (an event is on its way). */
  pollWoken = false;
  /** findRunnable's wasSpinning, kept across the blocking netpoll. */
  wasSpinning = false;
  /**
   * Its CPU stretch (os.ts): one is in flight, its projected end and end event tag, and its neighbours in
   * Runtime.os's list of stretches.
   */
  onCpu = false;
  /** The CPU its thread last ran on (os.ts CPUSched.nr), −1 before it first ran. */
  cpu = -1;
  /**
   * In a system call that computes in the kernel (a CPU-bound read, a spinning cgo call): off the Go
   * scheduler (MS.Syscall) but on its CPU for the OS, which a wake-up landing there must share (os.ts).
   */
  kernelCpu = false;
  cpuEnd = 0;
  cpuTag = 0;
  cpuPrev: M | null = null;
  cpuNext: M | null = null;

  constructor(rt: Runtime, id: number) {
    this.rt = rt;
    this.id = id;
  }

  fire(tag: number, gen: number): void {
    this.rt.mfire(this, tag, gen);
  }
}

/**
 * A FIFO ring buffer that grows by doubling and never shrinks: the global run queue, gLists and
 * semaphore waiters (GQueue), the epoll ready list (netpoll.ts). Never shrinking matters for the hot queues: an
 * array emptied with `length = 0` gives its storage back and pays for growing it again.
 */
export class Ring<T extends object> {
  private buf: (T | null)[] = new Array<T | null>(16).fill(null);
  private head = 0;
  size = 0;

  pushBack(x: T): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = x;
    this.size++;
  }

  pushFront(x: T): void {
    if (this.size === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = x;
    this.size++;
  }

  popFront(): T | null {
    if (this.size === 0) return null;
    const x = this.buf[this.head]!;
    this.buf[this.head] = null;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return x;
  }

  at(i: number): T {
    return this.buf[(this.head + i) & (this.buf.length - 1)]!;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  private grow(): void {
    const n = this.buf.length * 2;
    const nb = new Array<T | null>(n).fill(null);
    for (let i = 0; i < this.size; i++) nb[i] = this.at(i);
    this.buf = nb;
    this.head = 0;
  }
}

/** A FIFO of Gs: the global run queue, gLists. */
export class GQueue extends Ring<G> {}

/** The global scheduler state (Go: schedt). */
export class Sched {
  /** Idle Ms (LIFO through m.schedlink). */
  midle: M | null = null;
  nmidle = 0;
  /** Locked Ms parked waiting for their G. */
  nmidlelocked = 0;
  /** Ms ever created = next M id. */
  mnext = 0;
  /** Ms that exited (mexit). */
  nmfreed = 0;
  maxmcount = defaultMaxThreads;
  /** System Ms not counted by checkdead (sysmon, template thread). */
  nmsys = 0;
  /** Idle Ps (LIFO through p.link). */
  pidle: P | null = null;
  npidle = 0;
  nmspinning = 0;
  /**
   * Go ≥ 1.21 (VersionProfile.needspinning): 1 when someone found work but no idle P for a spinning
   * M (pidlegetSpinning failed); a non-spinning M about to drop its P becomes spinning instead, and
   * becomeSpinning clears it. Always 0 under Go 1.19. schedtrace's `needspinning=`.
   */
  needspinning = 0;
  /**
   * sched.customGOMAXPROCS (Go 1.25+, proc.go): GOMAXPROCS was set by the environment or by
   * runtime.GOMAXPROCS(n), so sysmon no longer updates it from the CPU quota (maxprocs.ts).
   */
  customGOMAXPROCS = false;
  /** The global run queue. */
  runq = new GQueue();
  /** Global cache of dead Gs (sched.gFree), fed by Ps with more than 64 cached. */
  gFree: G[] = [];
  /** A stop-the-world is in progress. */
  gcwaiting = false;
  stopwait = 0;
  /** sysmon is in deep sleep on sysmonnote. */
  sysmonwait = false;
  /** Time of the last netpoll; 0 = an M is blocked in netpoll right now. */
  lastpoll = 0;
  /** Deadline of that blocking poll (0 = none). */
  pollUntil = 0;
  goidgen = 0;
}
