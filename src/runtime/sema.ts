/**
 * Semaphores and notify lists (Go: sema.go). The runtime half of package sync. Spec §12.
 *
 * semacquire takes a unit if one is free, else queues the G (FIFO, or at the head for a mutex
 * waiter that already waited: lifo) and parks it ("semacquire", 1.19's single reason for all of
 * sync). semrelease adds a unit and readies the first waiter into the releaser's runnext
 * (readyWithTime → goready). The woken G must still win the unit (cansemacquire) and re-queues
 * if someone barged in — except on a starvation-mode handoff, where the unit goes straight to the
 * waiter (ticket) and the releaser yields its P to it (goyield: to the local runq tail).
 *
 * notifyList is sync.Cond's ticket queue: Wait parks with a ticket ("sync.Cond.Wait"), Signal
 * readies the lowest outstanding ticket, Broadcast all of them.
 *
 * Simplification: Go keys waiters by address in a treap of semaRoots; here each Sema object owns
 * its queue, which gives the same order for each address.
 */
import type { Runtime } from './runtime.js';
import type { G, M } from './runtime2.js';
import { GQueue, _Grunnable } from './runtime2.js';
import { goready, gopark, schedule } from './proc.js';
import { runqput } from './runq.js';
import type { Op } from '../workload/ops.js';

export class Sema {
  /** The semaphore's value (*addr). */
  count = 0;
  /** Waiting Gs in wake order (a ring: O(1) at both ends with any number of waiters). */
  waiters = new GQueue();
}

export class NotifyList {
  /** Next ticket handed to a waiter (notifyListAdd). */
  wait = 0;
  /** Next ticket to be notified. */
  notify = 0;
  waiters: { g: G; ticket: number }[] = [];
}

/** semacquire1. Returns true if the G continues, false if it parked (and will retry `op`). */
export function semacquire(rt: Runtime, mp: M, gp: G, s: Sema, lifo: boolean, reason: string, op: Op): boolean {
  if (s.count > 0) {
    s.count--;
    return true;
  }
  if (lifo) s.waiters.pushFront(gp);
  else s.waiters.pushBack(gp);
  // When woken without a ticket the G runs semacquire again (cansemacquire may fail).
  gp.pendingOp = op;
  gopark(rt, mp, gp, reason);
  return false;
}

/**
 * semrelease1. Returns true if the G continues, false if it yielded its P (handoff).
 */
export function semrelease(rt: Runtime, mp: M, gp: G, s: Sema, handoff: boolean): boolean {
  s.count++;
  const w = s.waiters.popFront();
  if (w === null) return true;
  let ticket = false;
  if (handoff && s.count > 0) {
    s.count--;
    ticket = true;
    w.pendingOp = null;
  }
  goready(rt, w, mp.p!, gp, undefined);
  if (ticket) {
    goyield(rt, mp, gp);
    return false;
  }
  return true;
}

/** goyield: like Gosched, but to the local runq tail so the readied waiter (runnext) runs first. */
export function goyield(rt: Runtime, mp: M, gp: G): void {
  gp.atomicstatus = _Grunnable;
  gp.m = null;
  mp.curg = null;
  runqput(rt, mp.p!, gp, false);
  schedule(rt, mp);
}

/** notifyListWait: park unless the ticket was already notified. */
export function notifyListWait(rt: Runtime, mp: M, gp: G, l: NotifyList, t: number): boolean {
  if (t < l.notify) return true;
  l.waiters.push({ g: gp, ticket: t });
  gopark(rt, mp, gp, 'sync.Cond.Wait');
  return false;
}

/** notifyListNotifyOne / NotifyAll. */
export function notifyListNotify(rt: Runtime, mp: M, gp: G, l: NotifyList, all: boolean): void {
  if (l.wait === l.notify) return;
  if (all) {
    l.notify = l.wait;
    const ws = l.waiters;
    l.waiters = [];
    for (const w of ws) goready(rt, w.g, mp.p!, gp, undefined);
    return;
  }
  const t = l.notify;
  l.notify++;
  const i = l.waiters.findIndex((w) => w.ticket === t);
  if (i >= 0) {
    const w = l.waiters.splice(i, 1)[0]!;
    goready(rt, w.g, mp.p!, gp, undefined);
  }
}

