/**
 * Running a goroutine's code: the boundary between user code and the runtime.
 *
 * When an M's T.Run event fires, the M asks its current G's body for the next Op (body.next(v))
 * and performs it as the corresponding runtime entry point (chansend, gopark via timeSleep,
 * entersyscall, newproc…). Each Op either completes (the G continues after the op's cost: the
 * next T.Run) or parks/yields the G (the M schedules).
 *
 * Preemption (spec §9):
 * - cooperative: every Op is a function call into the runtime, so a G whose `preempt` flag is set
 *   stops before its next Op (gopreempt_m → goschedImpl: global queue tail). Work ops with
 *   `every > 0` have call points inside them too (sysmon schedules T.CoopPreempt at the next one).
 * - asynchronous: SIGURG reaches the M after `signalDelivery`; if its G is inside a Work op (user
 *   code: an async safe point) and wants preemption, the remaining work is kept as the G's pending
 *   op and the G goes to the global queue tail. Runtime code (between Ops) is not a safe point.
 *   GODEBUG=asyncpreemptoff=1 disables the signal: a Work op without calls then runs to its end.
 * - lost requests: a request sysmon makes while the M switches goroutines (the goroutineSwitch
 *   delay after a G blocked, yielded or exited) is dropped, as go1.19 drops it (M.switchingUntil): the G
 *   that is leaving parks before its next prologue check, or curg is nil. One made during an op's
 *   cost after a non-blocking op (chanOp, semOp…) is honoured before the next op.
 */
import { E, Loc, MS } from '../log/events.js';
import { K, type GoBody, type Op, type SyscallOp } from '../workload/ops.js';
import type { Runtime } from './runtime.js';
import type { VersionProfile } from './version.js';
import { G, M, _Grunnable, _Gwaiting, _Pidle, _Pgcstop, _Prunning, _Psyscall, _Pdead, P } from './runtime2.js';
import { T, goexit0, gopark, newproc, schedule, setMState, setSpinning, wakep, acquirep, releasep, pidleget, pidleput, startm, stopm, incidlelocked, mgetSpecific, startmOn } from './proc.js';
import { globrunqput, globrunqputhead, runqempty, runqput } from './runq.js';
import { GoFatal, GoThrow } from './panic.js';
import { GoPanic, PARKED, SEND_ON_CLOSED, chanrecv, chansend, closechan, selectgo } from './chan.js';
import { Timer, TimerKind, resettimer, moveTimers, timerReset, timerStart, timerStop } from './time.js';
import { entersyscall, entersyscallblock, kernelWakeFrom, setBlockOnExitSyscall, syscallEnd, syscallKernelTime, SyscallModeCode } from './syscall.js';
import { netpollArm, netpollblock, netpollUnblock } from './netpoll.js';
import { cpuStart, cpuStop, nextCallPoint } from './os.js';
import { sysmonWake } from './sysmon.js';
import { notifyListNotify, notifyListWait, semacquire, semrelease } from './sema.js';
import { STWReason, assignWaitingGCWorker, releaseNextGCMarkWorker, createfing, gcStopWorker, gcContinue, gcMarkDone, gcParkAssist, gcProcresize, gcStart, gcUser, gcUserSweep, GCTrigger, MallocDeferred, mallocgc, readMemStatsOp, setGCPercent, setMemoryLimit } from './mgc.js';

/**
 * T.Run: continue the M's current G. While its ops complete without blocking and nothing else is
 * due first, the G keeps running inside this one kernel event (Sim.advance): the same run as
 * scheduling a T.Run per op, without the heap traffic.
 */
export function runG(rt: Runtime, mp: M): void {
  rt.inRunG = mp;
  for (;;) {
    rt.contM = null;
    runG1(rt, mp);
    const c: M | null = rt.contM as M | null; // set by cont() or execute() inside runG1
    if (c !== mp || rt.exited) break;
    rt.contM = null;
    if (rt.contDelay === ranAhead) continue; // the clock is already where the G goes on
    if (!rt.sim.advance(rt.sim.now + rt.contDelay)) {
      rt.sim.after(rt.contDelay, mp, T.Run, mp.gen);
      break;
    }
    mp.gen++; // what firing the T.Run event would have done
  }
  rt.inRunG = null;
}

function runG1(rt: Runtime, mp: M): void {
  const gp = mp.curg!;
  // Inside a stop-the-world the G started (mgc.ts): continue it before anything else.
  if (gp.gcstep !== 0) {
    gcContinue(rt, mp, gp);
    return;
  }
  let op = gp.pendingOp;
  if (op !== null) {
    gp.pendingOp = null;
  } else {
    const v = gp.resume;
    gp.resume = undefined;
    if (v === SEND_ON_CLOSED) {
      rt.goPanic(gp, 'send on closed channel');
      return;
    }
    let r: IteratorResult<Op, unknown>;
    for (;;) {
      const body = gp.body!;
      try {
        r = body.next(v);
      } catch (e) {
        bodyFailed(rt, gp, e);
        return;
      }
      if (r.done !== true) break;
      if (gp.goid !== 1 || gp.system) {
        goexit0(rt, mp, gp);
        return;
      }
      // G1: runtime.main's init replaced its body with main.main's (a tail call, runtime.ts); when
      // main.main returns, runtime.main calls exit(0).
      if (gp.body === body) {
        rt.exit(0);
        return;
      }
    }
    op = r.value;
  }
  // Every op is a call — except the next chunk of a call-free loop — so a G asked to stop does so
  // here (cooperative preemption).
  if (gp.preempt && !(op.k === K.Work && op.cont === true) && !gp.markWorker) {
    gp.pendingOp = op;
    gopreempt(rt, mp, gp, false);
    return;
  }
  try {
    dispatch(rt, mp, gp, op);
  } catch (e) {
    if (rt.exited) return;
    bodyFailed(rt, gp, e);
  }
}

/** What a goroutine's body threw ends the process: a runtime throw on its behalf (GoThrow), else a panic. */
function bodyFailed(rt: Runtime, gp: G, e: unknown): void {
  if (e instanceof GoThrow) rt.throw(e.msg, e.prefix, e.frames, false, gp);
  else if (e instanceof GoFatal) rt.goPanic(gp, e.msg, e, 'fatal error');
  else rt.goPanic(gp, panicMessage(e, rt.v), e);
}

export function panicMessage(e: unknown, v?: VersionProfile): string {
  if (e instanceof GoPanic) return e.goMessage;
  // A panic chain that prints itself (the Go frontend's GoPanic: recovered and re-panicked panics).
  const chain = e as { goText?: (repanicked: boolean) => string } | null;
  if (v !== undefined && chain !== null && typeof chain === 'object' && typeof chain.goText === 'function') return chain.goText(v.repanicked);
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return String(e);
}

/** Name of an anonymous function started by gp: `<gp's function>.func1` (cached per name). */
const closureNames = new Map<string, string>();
function closureName(gp: G): string {
  let n = closureNames.get(gp.startfn);
  if (n === undefined) {
    n = `${gp.startfn}.func1`;
    closureNames.set(gp.startfn, n);
  }
  return n;
}

/** The G continues after `cost` ns (runG schedules that, or runs ahead). */
function cont(rt: Runtime, mp: M, cost: number): void {
  rt.contM = mp;
  rt.contDelay = cost + mp.debt;
  mp.debt = 0;
}

/** rt.contDelay after workRunAhead: the G goes on at once, the clock is already at the stretch's end. */
const ranAhead = -1;

/**
 * A Work op's CPU stretch run ahead (as runG runs ahead over an op's cost): when the M gets a whole
 * core (the OS model's rate is 1 and one more stretch still fits the cores, so cpuStart would neither
 * re-time anyone nor schedule a settle) and no event is due before the stretch ends, nothing can
 * happen during it — no signal, no sysmon tick, no other M's step — so the clock moves to its end
 * inside this event and the G goes on, exactly as cpuStart, the end event (mfire: generation
 * bump, cpuStop) and runG would have done it: same times, same order, the same count of fired
 * events. Otherwise (false) the caller starts the stretch for real. The Go frontend emits a Work op
 * before about every third channel operation (src/golang/compiler/program.ts `$op`), so this spares
 * a heap push and pop, an mfire and the CPU list's links for most of them.
 */
function workRunAhead(rt: Runtime, mp: M, ns: number): boolean {
  const os = rt.os;
  if (os.rate !== 1 || os.n >= os.cores) return false;
  const end = rt.sim.now + ns;
  if (!rt.sim.advance(end)) return false;
  mp.cpuEnd = end; // what cpuStart leaves behind
  mp.cpuTag = T.Run;
  mp.gen++; // what the end event's firing would have done
  rt.contM = mp;
  rt.contDelay = ranAhead;
  return true;
}

function dispatch(rt: Runtime, mp: M, gp: G, op: Op): void {
  const cost = rt.cost;
  switch (op.k) {
    case K.Work: {
      let ns = op.ns;
      const alloc = op.alloc;
      if (alloc !== undefined && alloc > 0) {
        // mallocgc: heap accounting, an assist during a mark phase (more CPU for this G), or a cycle
        // that starts here (the world stops; the work runs when this G goes on).
        const extra = mallocgc(rt, mp, gp, alloc, op.allocLarge ?? 0, op.allocBuffers ?? 0, op.allocSpans ?? 0, op.assisted === true);
        if (extra === MallocDeferred) {
          // The allocation waits for its assist (mgc.ts gcAssistAlloc): made again, with the op's work, after.
          const again: Op = { k: K.Work, ns, every: op.every, alloc, allocLarge: op.allocLarge, allocBuffers: op.allocBuffers, allocSpans: op.allocSpans, assisted: true };
          const pend = gp.pendingOp;
          if (pend !== null && pend.k === K.GCAssistPark) {
            // gcParkAssist next, at once (its marking, then the park).
            pend.then = again;
            return cont(rt, mp, 0);
          }
          // The assist finished the mark: gcMarkDone continues the G (rt.contM set), then `again`.
          gp.pendingOp = again;
          return;
        }
        if (extra < 0) {
          if (ns > 0) {
            const rest: Op = { k: K.Work, ns, every: op.every };
            // go1.19's first cycle waits for a new mark worker first (mgc.ts): the rest follows its retry.
            const pend = gp.pendingOp;
            if (pend !== null && pend.k === K.GCStartRetry) pend.then = rest;
            else gp.pendingOp = rest;
          }
          return;
        }
        ns += extra;
      }
      if (!(ns > 0)) return cont(rt, mp, 0);
      gp.workNs = ns;
      gp.workEvery = op.every;
      if (workRunAhead(rt, mp, ns)) {
        gp.workEnd = rt.sim.now;
        return;
      }
      gp.workEnd = cpuStart(rt, mp, ns, T.Run);
      return;
    }
    case K.Go: {
      // Called as a plain function, not as op.fn(…): a generator keeps its receiver for its whole life,
      // and `op` (with its args array) would stay reachable from every parked goroutine (112 B each).
      const start = op.fn as (...a: unknown[]) => GoBody;
      const body = start.apply(undefined, op.args);
      const name = op.name !== '' ? op.name : closureName(gp);
      if (typeof (body as Partial<GoBody> | null)?.next !== 'function') throw new TypeError(notGenerator(`go ${name}`, body));
      const ng = newproc(rt, mp.p!, gp, body, name, op.system === true);
      gp.resume = ng.goid;
      return cont(rt, mp, cost.goroutineCreate);
    }
    case K.Gosched:
      gosched(rt, mp, gp);
      return;
    case K.Goexit:
      goexit0(rt, mp, gp);
      return;
    case K.Send:
      if (chansend(rt, mp, gp, op.ch, op.v)) cont(rt, mp, cost.chanOp);
      return;
    case K.Recv: {
      const r = chanrecv(rt, mp, gp, op.ch);
      if (r !== PARKED) {
        gp.resume = r;
        cont(rt, mp, cost.chanOp);
      }
      return;
    }
    case K.Close:
      closechan(rt, mp, gp, op.ch);
      return cont(rt, mp, cost.chanOp);
    case K.Select: {
      const r = selectgo(rt, mp, gp, op.cases, op.dflt);
      if (r !== PARKED) {
        gp.resume = r;
        cont(rt, mp, cost.chanOp);
      }
      return;
    }
    case K.Sleep:
      timeSleep(rt, mp, gp, op.ns);
      return;
    case K.Syscall:
      syscallOp(rt, mp, gp, op);
      return;
    case K.KernelWake:
      // The waker is in the kernel waking each sleeper (try_to_wake_up): wakeupLocal or wakeupRemote apiece.
      return cont(rt, mp, kernelWakeFrom(rt, mp, op.wq, op.all, op.ns));
    case K.NetWait:
      if (!netpollblock(rt, mp, gp, op.pd)) cont(rt, mp, cost.runtimeCall);
      return;
    case K.NetReady: {
      netpollArm(rt, op.pd, op.ns);
      // The write that readies the peer wakes the thread blocked in epoll_wait (if one is and
      // nobody woke it yet) from inside the write: the writer pays the wake-up (futexWakeCall).
      const poller = rt.netpoller;
      return cont(rt, mp, cost.runtimeCall + (poller !== null && !poller.pollWoken ? cost.futexWakeCall : 0));
    }
    case K.NetUnblock:
      netpollUnblock(rt, mp, op.pd);
      return cont(rt, mp, cost.runtimeCall);
    case K.SemAcquire:
      if (semacquire(rt, mp, gp, op.sema, op.lifo, op.reason, op)) cont(rt, mp, cost.semOp);
      return;
    case K.SemRelease:
      if (semrelease(rt, mp, gp, op.sema, op.handoff)) cont(rt, mp, cost.semOp);
      return;
    case K.CanSpin: {
      // sync_runtime_canSpin: a few tries, only on a multicore machine with other running Ps
      // and nothing queued locally.
      const s = rt.sched;
      gp.resume = op.iter < 4 && rt.ncpu > 1 && rt.gomaxprocs > s.npidle + s.nmspinning + 1 && runqempty(mp.p!);
      return cont(rt, mp, cost.runtimeCall);
    }
    case K.Print:
      rt.write(2, op.text);
      return cont(rt, mp, cost.printCost);
    case K.Write:
      rt.write(op.fd, op.text);
      entersyscall(rt, mp, gp, cost.writeSyscall, SyscallModeCode.syscall);
      return;
    case K.LockOSThread:
      lockOSThread(rt, mp, gp, true);
      return cont(rt, mp, cost.runtimeCall);
    case K.UnlockOSThread:
      unlockOSThread(mp, gp, true);
      rt.log.ev(E.Lock, gp.goid, mp.id, -1, 0, 0);
      return cont(rt, mp, cost.runtimeCall);
    case K.GOMAXPROCS: {
      const old = rt.gomaxprocs;
      gp.resume = old;
      // runtime.GOMAXPROCS(n) by hand: Go 1.25+ stops updating it from the CPU limit (debug.go);
      // the updater goroutine's own call (`auto`, maxprocs.ts) does not.
      if (op.n > 0 && op.auto !== true) rt.sched.customGOMAXPROCS = true;
      if (op.n > 0 && op.n !== old) {
        // stopTheWorldGC: worldsema first (a GC's mark termination may hold it)
        if (!semacquire(rt, mp, gp, rt.gc.worldsema, false, 'semacquire', op)) return;
        gp.resume = old;
        changeGOMAXPROCS(rt, mp, op.n);
        semrelease(rt, mp, gp, rt.gc.worldsema, false);
        return cont(rt, mp, cost.stopTheWorld);
      }
      return cont(rt, mp, cost.runtimeCall);
    }
    case K.CreateFing:
      gp.resume = undefined;
      return cont(rt, mp, createfing(rt, mp, gp) ? cost.goroutineCreate : cost.runtimeCall);
    case K.NumGoroutine:
      gp.resume = rt.nUserG;
      return cont(rt, mp, cost.runtimeCall);
    case K.NumCPU:
      gp.resume = rt.ncpu;
      return cont(rt, mp, cost.runtimeCall);
    case K.ThreadCount:
      // pprof's threadcreate profile walks allm: mcount() plus a wedged m0 (mexit).
      gp.resume = rt.sched.mnext - rt.sched.nmfreed + (rt.m0.wedged ? 1 : 0);
      return cont(rt, mp, cost.runtimeCall);
    case K.SetMaxThreads: {
      const old = rt.sched.maxmcount;
      gp.resume = old;
      rt.sched.maxmcount = Math.min(op.n, 0x7fffffff);
      // debug.SetMaxThreads re-checks the limit at once (checkmcount).
      if (rt.sched.mnext - rt.sched.nmfreed > rt.sched.maxmcount) {
        rt.throw('thread exhaustion', `runtime: program exceeds ${rt.sched.maxmcount}-thread limit\n`, ['checkmcount', 'setMaxThreads']);
        return;
      }
      return cont(rt, mp, cost.runtimeCall);
    }
    case K.Nanotime:
      // nanotime() reads whole nanoseconds (an int64 in Go); the simulated clock carries fractions of a
      // ns from the Go frontend's per-operation costs, which a Duration must never show
      // ("73.647.0000000000291µs" before this floor).
      gp.resume = Math.floor(rt.sim.now);
      return cont(rt, mp, cost.runtimeCall);
    case K.Exit:
      rt.exit(op.code);
      return;
    case K.Park:
      gopark(rt, mp, gp, op.reason);
      return;
    case K.TimerStart: {
      timerStart(rt, op.t, mp.p!);
      return cont(rt, mp, cost.runtimeCall);
    }
    case K.TimerStop:
      gp.resume = timerStop(rt, op.t);
      return cont(rt, mp, cost.runtimeCall);
    case K.TimerReset:
      gp.resume = timerReset(rt, op.t, rt.sim.now + op.ns, mp.p!);
      return cont(rt, mp, cost.runtimeCall);
    case K.NotifyWait:
      if (notifyListWait(rt, mp, gp, op.nl, op.ticket)) cont(rt, mp, cost.semOp);
      return;
    case K.Notify:
      notifyListNotify(rt, mp, gp, op.nl, op.all);
      return cont(rt, mp, cost.semOp);
    case K.Panic:
      rt.goPanic(gp, op.msg);
      return;
    case K.GC:
      gcUser(rt, mp, gp);
      return;
    case K.ReadMemStats:
      // stopTheWorld takes worldsema first; readMemStatsDone gives it back
      if (!semacquire(rt, mp, gp, rt.gc.worldsema, false, 'semacquire', op)) return;
      readMemStatsOp(rt, mp, gp);
      return;
    case K.SetGCPercent:
      gp.resume = setGCPercent(rt, op.n);
      return cont(rt, mp, cost.runtimeCall);
    case K.SetMemoryLimit:
      gp.resume = setMemoryLimit(rt, op.n);
      return cont(rt, mp, cost.runtimeCall);
    case K.GCMarkDone:
      gcMarkDone(rt, mp, gp);
      return;
    case K.GCStartTime:
      if (!gcStart(rt, mp, gp, GCTrigger.time)) cont(rt, mp, cost.runtimeCall);
      return;
    case K.GCAssistPark:
      gcParkAssist(rt, mp, gp, op.ns, op.then);
      return;
    case K.GCSweepWait:
      if (op.yield) {
        gp.pendingOp = { k: K.GCSweepWait, n: op.n, yield: false };
        gosched(rt, mp, gp);
        return;
      }
      gcUserSweep(rt, mp, gp, op.n);
      return;
    case K.GCStartRetry:
      gp.pendingOp = op.then;
      if (op.trigger === GCTrigger.cycle) gcUser(rt, mp, gp, op.woken);
      else if (!gcStart(rt, mp, gp, op.trigger, op.woken)) cont(rt, mp, op.trigger === GCTrigger.time ? cost.runtimeCall : 0);
      return;
    default: {
      const bad: never = op;
      throw new TypeError(`the goroutine yielded ${JSON.stringify(bad) ?? String(bad)}, which is no gmpsim operation: delegate to the API's functions with yield* (\`yield* send(ch, v)\`, \`yield* sleep(ms)\`), do not yield values`);
    }
  }
}

/** time.Sleep (timeSleep): park, then arm g.timer on the current P (resetForSleep). */
function timeSleep(rt: Runtime, mp: M, gp: G, ns: number): void {
  if (!(ns > 0)) return cont(rt, mp, rt.cost.runtimeCall);
  let t = gp.timer;
  if (t === null) {
    t = new Timer(TimerKind.Sleep);
    t.g = gp;
    gp.timer = t;
  }
  const when = rt.sim.now + ns;
  const pp = mp.p!;
  // gopark(resetForSleep): the timer is armed after the G is parked, still on this M's P.
  gp.atomicstatus = _Gwaiting;
  gp.waitreason = 'sleep';
  gp.m = null;
  mp.curg = null;
  const rid = rt.log.str('sleep');
  rt.log.ev(E.Park, gp.goid, mp.id, pp.id, 0, rid);
  rt.log.ev(E.GLoc, gp.goid, mp.id, pp.id, Loc.Waiting, rid);
  resettimer(rt, t, when, pp);
  schedule(rt, mp);
}

/**
 * A system or cgo call asking for `ns`: the thread stays `kernel` ns in the kernel (a timed sleep
 * oversleeps: syscallKernelTime), computing if `cpu` (a CPU stretch, os.ts), or sleeps on `wq` until
 * another call wakes it.
 */
function syscallOp(rt: Runtime, mp: M, gp: G, op: SyscallOp): void {
  let ns = op.ns;
  let cpu = op.cpu === true;
  const fill = op.fill ?? 0;
  // Each byte the kernel model wrote into the program's memory was JavaScript work (syncing the
  // watchdog: ≈256 bytes take what an average event takes).
  if (fill > 0) rt.sim.pollSooner(fill >>> 8);
  if (fill > 0 && gp.untouchedBytes > 0) {
    // copy_to_user into a large object's fresh pages: the kernel takes their page faults (and zeroes
    // each page) inside the call, computing (cost.kernelFaultNsPerByte).
    const faulted = Math.min(fill, gp.untouchedBytes);
    gp.untouchedBytes -= faulted;
    ns += faulted * rt.cost.kernelFaultNsPerByte;
    cpu = true;
  }
  const kernel = syscallKernelTime(rt, ns, op.sleep === true);
  const wq = op.wq ?? null;
  switch (op.mode) {
    case 'raw':
      // RawSyscall: the scheduler is never told; the P stays _Prunning with this M.
      syscallEnd(rt, mp, kernel, cpu, wq, T.Run);
      return;
    case 'block':
      entersyscallblock(rt, mp, gp, ns, kernel, cpu, wq);
      return;
    case 'cgo':
      entersyscall(rt, mp, gp, ns, SyscallModeCode.cgo, kernel, cpu, wq);
      return;
    default:
      entersyscall(rt, mp, gp, ns, SyscallModeCode.syscall, kernel, cpu, wq);
  }
}

/**
 * runtime.Gosched (goschedImpl): G to the global queue tail, schedule. Newer releases call wakep()
 * after queueing it (VersionProfile.goschedWakep, go1.26.8 proc.go goschedImpl), so an idle P gets
 * a spinning M for the G. (Their other change, a G preempted while a stop-the-world is pending going
 * to its P's runnext, is in changeGOMAXPROCS: the model's stop-the-world stops the running Gs itself,
 * VersionProfile.stwPreemptToRunnext.)
 */
function gosched(rt: Runtime, mp: M, gp: G): void {
  gp.atomicstatus = _Grunnable;
  gp.m = null;
  mp.curg = null;
  globrunqput(rt, gp);
  if (rt.v.goschedWakep && rt.mainStarted) wakep(rt);
  schedule(rt, mp);
}

/** gopreempt_m → goschedImpl: a preempted G goes to the global queue tail. */
export function gopreempt(rt: Runtime, mp: M, gp: G, async: boolean): void {
  rt.log.ev(E.Preempted, gp.goid, mp.id, mp.p ? mp.p.id : -1, async ? 1 : 0, 0);
  gp.preempt = false;
  gosched(rt, mp, gp);
}

/** T.Signal: SIGURG arrives at mp (doSigPreempt). */
export function sigPreempt(rt: Runtime, mp: M): void {
  mp.signalPending = false;
  const gp = mp.curg;
  const now = rt.sim.now;
  const inUserCode = gp !== null && mp.state === MS.Running && gp.workEnd > now;
  // A mark worker sees the request in its drain loop (mgc.ts), never through gopreempt.
  const want = gp !== null && !gp.markWorker && (gp.preempt || (mp.p !== null && mp.p.preempt));
  const ok = inUserCode && want && !rt.debug.asyncpreemptoff;
  rt.log.ev(E.Signal, gp ? gp.goid : -1, mp.id, mp.p ? mp.p.id : -1, ok ? 1 : 0, 0);
  if (!ok) return;
  interruptWork(rt, mp, gp!);
  gopreempt(rt, mp, gp!, true);
}

/** T.CoopPreempt: a G in a Work op with calls reached a call point with preempt set. */
export function coopPreempt(rt: Runtime, mp: M): void {
  const gp = mp.curg;
  if (gp === null || !gp.preempt || gp.markWorker || gp.workEnd <= rt.sim.now) {
    // Nothing to do: re-arm the work's end (this event consumed the generation).
    if (gp !== null && gp.workEnd > rt.sim.now) rt.sim.at(gp.workEnd, mp, T.Run, mp.gen);
    else if (gp !== null) rt.sim.after(0, mp, T.Run, mp.gen);
    return;
  }
  interruptWork(rt, mp, gp);
  gopreempt(rt, mp, gp, false);
}

/** Cut the running Work op short; the rest (its CPU ns still to run) becomes the G's pending op. */
function interruptWork(rt: Runtime, mp: M, gp: G): void {
  mp.gen++; // cancel the work's end event
  const left = cpuStop(rt, mp);
  gp.workEnd = 0;
  if (!(left > 0)) return;
  const rest: Op = { k: K.Work, ns: left, every: gp.workEvery };
  // An allocation's gcStart waiting for the Work to end (mgc.ts mallocgc) keeps its place: first.
  const pend = gp.pendingOp;
  if (pend !== null && pend.k === K.GCStartRetry && pend.then === null) pend.then = rest;
  else if (pend !== null && pend.k === K.GCAssistPark && pend.ns === 0) pend.ns = left; // the assist's marking left
  else gp.pendingOp = rest;
}

// ---- LockOSThread (spec §15) ----

export function lockOSThread(rt: Runtime, mp: M, gp: G, external: boolean): void {
  if (external) {
    if (rt.templateThread === null && rt.mainStarted) rt.startTemplateThread();
    mp.lockedExt++;
  } else mp.lockedInt++;
  mp.lockedg = gp;
  gp.lockedm = mp;
  rt.log.ev(E.Lock, gp.goid, mp.id, -1, 1, 0);
}

export function unlockOSThread(mp: M, gp: G, external: boolean): void {
  if (external) {
    if (mp.lockedExt > 0) mp.lockedExt--;
  } else if (mp.lockedInt > 0) mp.lockedInt--;
  if (mp.lockedExt === 0 && mp.lockedInt === 0) {
    mp.lockedg = null;
    gp.lockedm = null;
  }
}

// ---- runtime.GOMAXPROCS(n): stop the world, procresize, start the world ----

function setPStatus(rt: Runtime, pp: P, status: number): void {
  pp.status = status;
  rt.log.ev(E.PState, -1, pp.m ? pp.m.id : -1, pp.id, status, 0);
}

/**
 * runtime.GOMAXPROCS(n): stop the world, procresize, start the world. Go waits for each P to reach
 * a safe point; the wait is charged as `stopTheWorld` to the caller.
 */
function changeGOMAXPROCS(rt: Runtime, mp: M, n: number): void {
  stopTheWorldWithSema(rt, mp, STWReason.GOMAXPROCS);
  if (rt.exited) return;
  startTheWorldWithSema(rt, mp, STWReason.GOMAXPROCS, n);
}

/**
 * Simplified stopTheWorldWithSema: every other running G is preempted at once (to the global queue,
 * or under newer releases its own P's runnext), their Ms stop, Ps in syscalls are taken, every P but
 * the caller's is _Pgcstop and sched.gcwaiting is set until startTheWorldWithSema. Go waits for each
 * P to reach a safe point (notetsleep(&sched.stopnote) until sched.stopwait is 0); the state changes
 * here are instant and the returned wait — the last P's stop (safePointWait) and the hand-offs of
 * sched.lock and sched.stopnote (stwWait) — is what the caller charges before its pause goes on (the
 * GC's pauses, ReadMemStats). `reason` is the event's (mgc.ts STWReason).
 */
export function stopTheWorldWithSema(rt: Runtime, mp: M, reason: number): number {
  rt.log.ev(E.STW, -1, mp.id, mp.p!.id, 1, reason);
  rt.sched.gcwaiting = true;
  const now = rt.sim.now;
  /** When each P that was not idle reaches gcstopm, from now (its safe point, a woken M's run). */
  const stops: number[] = [];
  /** The M of each stop (its CPU decides its wake-ups: stwWait). */
  const who: M[] = [];
  let signalled = 0;
  for (const m2 of rt.allm) {
    if (m2 === mp || m2.isSys || m2.dead) continue;
    if (m2.nextp !== null) {
      // Go's STW waits for a woken M to run, acquire its P, see gcwaiting and gcstopm.
      if (m2.state === MS.Waking) {
        stops.push(Math.max(0, m2.wakeAt - now));
        who.push(m2);
      }
      // An M being woken (or created) for a P: Go's STW waits for it to run and gcstopm. Here it
      // loses the P now and is parked again at once.
      setPStatus(rt, m2.nextp, _Pgcstop);
      m2.nextp = null;
      stwStopSpinning(rt, m2);
      if (m2.state === MS.Waking) {
        m2.gen++; // cancel the wake-up in flight
        setMState(rt, m2, MS.Scheduling);
        if (m2.resume === 1 && m2.lockedg !== null) {
          // A locked G on its way to this M (startlockedm) goes back to the global queue; whoever
          // picks it up hands it to its M again. The M waits for it, counted again.
          const lg = m2.lockedg;
          if (lg.atomicstatus === _Grunnable) globrunqput(rt, lg);
          stwWaitForLockedG(rt, m2);
        } else {
          stopm(rt, m2);
        }
        if (rt.exited) return 0;
      }
      // A thread still being created stops when it starts (mstart without a nextp).
      continue;
    }
    const p2 = m2.p;
    if (p2 === null) continue;
    if (rt.v.syscallKeepsP && setBlockOnExitSyscall(p2) === m2) {
      // 1.26 stopTheWorldWithSema: a P whose G is in a syscall is taken with
      // setBlockOnExitSyscall + gcstopP (releaseP(_Pgcstop)); the M stays in its syscall.
      p2.m = null;
      m2.p = null;
      setPStatus(rt, p2, _Pgcstop);
      p2.syscalltick++;
      continue;
    }
    if (m2.state === MS.Running && m2.curg !== null) {
      const g2 = m2.curg;
      stops.push(safePointWait(rt, g2));
      who.push(m2);
      // preemptone: every running G's M gets SIGURG (preemptM) unless async preemption is off, a
      // mark worker's too (its gcDrain stops at the flag before the signal lands).
      if (!rt.debug.asyncpreemptoff) signalled++;
      // Stop it where it is: the rest of a Work op stays pending; any other next step is cancelled.
      if (g2.workEnd > rt.sim.now) interruptWork(rt, m2, g2);
      else {
        m2.gen++;
        // A CPU-bound raw syscall in flight is cut short with it: its core share ends too.
        if (m2.onCpu) cpuStop(rt, m2);
      }
      g2.atomicstatus = _Grunnable;
      g2.m = null;
      m2.curg = null;
      // goschedImpl(preempted) with a stop-the-world pending: newer releases keep the G in its own
      // P's runnext so it goes on right after (VersionProfile.stwPreemptToRunnext); 1.19 queues it
      // globally like any preempted G. A mark worker's drain loop sees the preemption and it parks.
      if (g2.markWorker) gcStopWorker(rt, p2, g2);
      else if (rt.v.stwPreemptToRunnext) runqput(rt, p2, g2, true);
      else globrunqput(rt, g2);
    } else {
      m2.gen++; // cancel a steal back-off
      stwStopSpinning(rt, m2);
      stops.push(0); // in the scheduler with its P: it stops in gcstopm
      who.push(m2);
    }
    releasep(rt, m2);
    setPStatus(rt, p2, _Pgcstop);
    setMState(rt, m2, MS.Scheduling);
    if (m2.lockedg !== null) {
      // A locked M parks for its G (stoplockedm without the handoff: its P is stopped).
      rt.log.ev(E.StopLockedM, m2.lockedg.goid, m2.id, -1, 0, 0);
      m2.resume = 1;
      stwWaitForLockedG(rt, m2);
    } else {
      stopm(rt, m2);
    }
    if (rt.exited) return 0;
  }
  for (const p2 of rt.allp) {
    if (p2.status === _Psyscall) {
      setPStatus(rt, p2, _Pgcstop);
      p2.syscallm = null;
    }
  }
  // stop idle Ps (stopTheWorldWithSema: pidleget + _Pgcstop), so that nobody takes one while the
  // world is stopped (an exitsyscall's exitsyscallfast, a wakep); startTheWorld's procresize puts
  // them back on the idle list.
  for (let p2 = pidleget(rt); p2 !== null; p2 = pidleget(rt)) setPStatus(rt, p2, _Pgcstop);
  return stwWait(rt, mp, stops, who, signalled * rt.cost.signalSend);
}

/**
 * forEachP (proc.go) as the model runs it: gcMarkTermination's mcache flush (each P's
 * prepareForSweep), right after startTheWorldWithSema. At that instant every P other than the caller's
 * is idle — the caller runs the function for it, under sched.lock — or was handed to an M that is being
 * woken or created (startTheWorld's startm, go1.26's procresize), which runs it when it first
 * schedules (runSafePointFn at the top of findRunnable); the caller then sleeps on
 * sched.safePointNote (notetsleep, 100 µs) until the last one ran it: stwWait's rule. Go's forEachP also
 * preempts running goroutines (preemptall) and hands off Ps in system calls (handoffp); neither exists
 * at that instant here — they would at gcMarkDone's ragged barrier, which the model does not run (see
 * mgc.ts gcMarkDone). Returns the caller's wait.
 */
export function forEachP(rt: Runtime, mp: M): number {
  const now = rt.sim.now;
  const done: number[] = [];
  const who: (M | null)[] = [];
  for (const p2 of rt.allp) {
    if (p2 === mp.p || rt.idlepMask[p2.id]) continue;
    const m2 = p2.m ?? mWithNextp(rt, p2);
    done.push(m2 !== null && m2.wakeAt > now ? m2.wakeAt - now : 0);
    who.push(m2);
  }
  return stwWait(rt, mp, done, who, 0);
}

/** The M that startm handed pp to and that has not acquired it yet (M.nextp), if any. */
function mWithNextp(rt: Runtime, pp: P): M | null {
  for (const m of rt.allm) if (m.nextp === pp) return m;
  return null;
}

/**
 * How long the caller of stopTheWorldWithSema waits for the Ps that were not idle, from when it took
 * sched.lock; `stops` are when each of them reaches gcstopm (its safe point), `own` the caller's own
 * time in preemptall (cost.signalSend per tgkill of a running G's M: an IPI to another CPU).
 * - The caller holds sched.lock from preemptall until it has read `wait := sched.stopwait > 0`, and
 *   gcstopm takes it to decrement sched.stopwait (go1.19's preempted G takes it before that too, to
 *   put itself on the global queue). A P that gets there while the tgkills are still being sent (a
 *   G that allocates or calls stops within ns) finds the lock held for microseconds, longer than
 *   lock2 spins (4 × 30 PAUSEs and one sched_yield), and sleeps on it in the kernel: the caller's
 *   unlock2 wakes one sleeper (its FUTEX_WAKE is the caller's time, cost.futexWakeCall), which
 *   wakes the next when it unlocks: one futex wake-up (cost.futexWake) after another.
 * - With any P not idle the caller then sleeps on sched.stopnote — notetsleep(&sched.stopnote,
 *   100 µs), a FUTEX_WAIT with a timeout — until the last gcstopm's notewakeup; no P can have
 *   stopped before (they need the lock it held). A thread in a timed FUTEX_WAIT takes
 *   cost.timedWaitWake longer to run after the wake than one in an untimed wait.
 * - Every one of these sleepers sleeps alone on its CPU, which idles meanwhile, and is woken from
 *   another CPU (the spinning or running G's M and the caller are on the two vCPUs): vcpu_wake.go's
 *   pinned configuration, ≈ 17–26 µs untimed and 24–29 µs timed at 10–50 µs of idle on both
 *   toolchains, not the hot futexWake (8.9 µs) that os.ts charges a wake-up below haltPollWindow when
 *   it cannot tell where the thread runs: os.ts pinnedWakeExtra adds cost.vcpuWake unless another
 *   thread is on the sleeper's CPU or the waker shares it (GOMAXPROCS above the cores). A go1.26.8
 *   runtime/trace of gc_stw at GOMAXPROCS=2 (wip/gc-stw-traces.md, session 18) shows the stopper
 *   going on 20–24 µs after the last P went idle; the spinner's M sleeping on the lock is back 3–22 µs
 *   after the tgkill returns (cold and hot wake-ups both occur; the model takes the cold one).
 * `who` are the Ms of `stops` (their CPUs), `mp` the caller.
 * Returns the wait; 0 Ps not idle: just the caller's own time.
 */
function stwWait(rt: Runtime, mp: M, stops: readonly number[], who: readonly (M | null)[], own: number): number {
  if (stops.length === 0) return own;
  // the Ps that reach gcstopm while the caller still holds sched.lock, and the last of the others
  let early = 0;
  let last = 0;
  let lastM: M | null = null;
  for (let i = 0; i < stops.length; i++) {
    const x = stops[i]!;
    if (x < own) early++;
    else if (x >= last) {
      last = x;
      lastM = who[i] ?? null;
    }
  }
  let asleep = own; // when the caller is in notetsleep
  if (early > 0) {
    asleep += rt.cost.futexWakeCall;
    let t = own;
    let waker = mp.cpu;
    for (let i = 0; i < stops.length; i++) {
      if (stops[i]! >= own) continue;
      // each sleeper on sched.lock asleep on its own CPU since its stop, woken from the waker's
      const m2 = who[i] ?? null;
      const cpu = m2 !== null ? m2.cpu : -1;
      t += rt.latency(rt.cost.futexWake) + rt.os.pinnedWakeExtra(cpu, waker, t - stops[i]!);
      if (cpu >= 0) waker = cpu;
      if (t >= last) {
        last = t;
        lastM = m2;
      }
    }
  }
  const end = Math.max(last, asleep);
  // the caller, asleep on sched.stopnote on its own CPU, woken by the last P's gcstopm
  const extra = rt.os.pinnedWakeExtra(mp.cpu, lastM !== null ? lastM.cpu : -1, end - asleep, 1);
  return end + rt.latency(rt.cost.futexWake + rt.cost.timedWaitWake) + extra;
}

/**
 * How long a running G takes to reach a safe point once preemptall asked it to (preemptone: the
 * cooperative flag, stackguard0 = stackPreempt, and SIGURG unless asyncpreemptoff):
 * - a mark worker's gcDrain polls its preempt flag between work units: at once;
 * - a G in user code stops at its next function prologue (a Work op's call points, `every`; a heap
 *   allocation is a call of mallocgc) or when the signal lands (signalDelivery), whichever is first,
 *   and at the latest when its work ends (the next op is a call into the runtime);
 * - a G between two ops (in runtime code) stops at the next op's prologue: at once here.
 */
export function safePointWait(rt: Runtime, gp: G): number {
  const now = rt.sim.now;
  if (gp.markWorker || gp.workEnd <= now) return 0;
  let t = gp.workEnd - now;
  if (gp.workEvery > 0) t = Math.min(t, nextCallPoint(rt, gp) - now);
  if (!rt.debug.asyncpreemptoff) t = Math.min(t, rt.cost.signalDelivery);
  return Math.max(0, t);
}

/**
 * startTheWorldWithSema: procresize (to `n`, GOMAXPROCS unchanged by default), wake sysmon if it went
 * into its deep sleep while the world was stopped (sched.sysmonwait: a sysmon tick that finds
 * sched.gcwaiting sleeps until woken or the next timer), give the Ps with work an M each, then read
 * the clock and wakep for the idle ones. Returns the caller's debt at that clock reading (Go's `now`,
 * the end of the pause: gcStart's work.tMark): the futex wakes before it are inside the pause,
 * wakep's is not.
 */
export function startTheWorldWithSema(rt: Runtime, mp: M, reason: number, n: number = rt.gomaxprocs): number {
  rt.sched.gcwaiting = false;
  if (n !== rt.gomaxprocs) gcProcresize(rt, n);
  const runnable = procresize(rt, n, mp);
  sysmonWake(rt);
  rt.log.ev(E.STW, -1, mp.id, mp.p!.id, 0, reason);
  if (rt.v.procresizeOldm) {
    // Newer procresize gives each P with work its previous M (p.oldm) when that M is idle
    // (mgetSpecific), and only then other idle Ms to the rest — the Ps it gave a mark worker among
    // them; startTheWorld wakes them.
    const rest: P[] = [];
    for (const p2 of runnable) {
      const om = p2.oldm !== null && p2.nextGCMarkWorker === null ? mgetSpecific(rt, p2.oldm) : null;
      if (om !== null) startmOn(rt, p2, om);
      else rest.push(p2);
    }
    for (const p2 of rest) startm(rt, p2, false);
  } else {
    for (const p2 of runnable) startm(rt, p2, false);
  }
  const debt = mp.debt;
  wakep(rt);
  return debt;
}

/** An M the stop-the-world took the P from is no longer spinning. */
function stwStopSpinning(rt: Runtime, m2: M): void {
  if (!m2.spinning) return;
  setSpinning(rt, m2, false);
  rt.sched.nmspinning--;
}

/** A locked M the stop-the-world stopped parks for its G alone (stoplockedm), counted in nmidlelocked. */
function stwWaitForLockedG(rt: Runtime, m2: M): void {
  m2.blocked = true;
  setMState(rt, m2, MS.LockedIdle);
  incidlelocked(rt, 1);
}

/**
 * procresize: make the P set `nprocs` long. Ps beyond it are destroyed (their Gs to the global
 * queue head, their timers to the current P); the others go idle (LIFO list: 1.19 hands P1 out
 * first, newer releases P(n−1), spec §6.8) unless they have work. Returns the Ps that need an M. `mp` keeps its P if it
 * survives, else takes P0.
 */
export function procresize(rt: Runtime, nprocs: number, mp: M): P[] {
  const old = rt.allp.length;
  for (let i = old; i < nprocs; i++) {
    const pp = new P(i);
    rt.allp.push(pp);
    rt.idlepMask[i] = false;
    rt.timerpMask[i] = false;
  }
  const cur = mp.p;
  // Rebuild the idle list from scratch.
  rt.sched.pidle = null;
  rt.sched.npidle = 0;
  for (const pp of rt.allp) {
    pp.link = null;
    rt.idlepMask[pp.id] = false;
  }
  let target = cur;
  if (target === null || target.id >= nprocs) {
    if (cur !== null) releasep(rt, mp);
    target = rt.allp[0]!;
    acquirep(rt, mp, target);
  }
  for (let i = nprocs; i < old; i++) {
    const pp = rt.allp[i]!;
    // destroy: runnext first to the global head, then the ring from its tail, so the global
    // queue starts with the ring in order followed by runnext.
    if (pp.runnext !== null) {
      globrunqputhead(rt, pp.runnext);
      pp.runnext = null;
    }
    while (pp.runqtail !== pp.runqhead) {
      pp.runqtail--;
      const g = pp.runq[pp.runqtail % pp.runq.length]!;
      pp.runq[pp.runqtail % pp.runq.length] = null;
      globrunqputhead(rt, g);
    }
    moveTimers(rt, pp, target);
    releaseNextGCMarkWorker(rt, pp);
    if (pp.m !== null) {
      pp.m.p = null;
      pp.m = null;
    }
    for (const m2 of rt.allm) if (m2.nextp === pp) m2.nextp = null;
    pp.status = _Pdead;
    rt.log.ev(E.PState, -1, -1, pp.id, _Pdead, 0);
  }
  rt.allp.length = nprocs;
  rt.idlepMask.length = nprocs;
  rt.timerpMask.length = nprocs;
  rt.gomaxprocs = nprocs;
  rt.log.ev(E.Procs, -1, mp.id, target.id, nprocs, old);
  const runnable: P[] = [];
  // Go 1.19 pidleputs the idle Ps as it walks down from P(n−1), so P1 ends at the list's head; newer
  // procresize collects them first (P1 in front) and then pidleputs them in that order, so P(n−1)
  // is handed out first (VersionProfile.procresizeIdleHighFirst).
  const idlePs: P[] = [];
  for (let i = nprocs - 1; i >= 0; i--) {
    const pp = rt.allp[i]!;
    if (pp === target) continue;
    // Ps owned by a waking M (nextp) stay with it.
    if (pp.status === _Prunning && pp.m !== null) continue;
    if (rt.allm.some((m2) => m2.nextp === pp)) continue;
    if (runqempty(pp)) {
      if (rt.v.procresizeIdleHighFirst) idlePs.unshift(pp);
      else pidleput(rt, pp);
    } else {
      setPStatus(rt, pp, _Pidle);
      runnable.push(pp);
    }
  }
  runnable.reverse();
  if (rt.v.procresizeAssignsGCWorkers && rt.gc.blackenEnabled) {
    // During a mark phase the idle Ps, lowest first, get the dedicated and fractional workers the mark
    // still needs, each P ahead of the list so startTheWorldWithSema wakes an M for it first.
    while (idlePs.length > 0 && assignWaitingGCWorker(rt, idlePs[0]!, rt.sim.now)) {
      const pp = idlePs.shift()!;
      setPStatus(rt, pp, _Pidle);
      runnable.unshift(pp);
    }
  }
  for (const pp of idlePs) pidleput(rt, pp);
  rt.stealOrder.reset(nprocs);
  for (const pp of runnable) rt.idlepMask[pp.id] = false;
  return runnable;
}

/**
 * What a user is told when a goroutine's function (or main) returned no generator: gmpsim runs each
 * goroutine as a generator, so it must be written `function* f() { … }`.
 */
export function notGenerator(what: string, got: unknown): string {
  return `${what}: the function returned ${got === undefined ? 'nothing' : typeof got === 'object' && got !== null ? 'an object that is not a generator' : String(got)}, not a generator: write it as a generator function (\`function* f() { … }\`) — every goroutine is one`;
}
