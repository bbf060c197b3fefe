/**
 * Semaphores and notify lists (Go: sema.go). The runtime half of package sync. Spec §12.
 *
 * semacquire takes a unit if one is free, else queues the G (FIFO, or at the head for a mutex
 * waiter that already waited: lifo) and parks it. The wait reason: the caller names what waits
 * (syncWaitReasons below); releases with VersionProfile.syncWaitReasons show that name, go1.19
 * shows "semacquire" for all of sync. semrelease adds a unit and readies the first waiter into the releaser's runnext
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

/**
 * The runtime's answer to a SemAcquire op: the value the G's body resumes with once it holds the
 * unit. (Go's semacquire returns nothing; the model answers so that a delegate shared by all of a
 * WaitGroup's waiters, api.ts WaitGroup.Wait, can tell a waiter coming back from the runtime from
 * one starting to wait, without an object per waiter: issue 14, bytes per parked goroutine.)
 */
export const semAcquired: unique symbol = Symbol('semAcquired');

export class Sema {
  /** Waiting Gs in wake order (a ring: O(1) at both ends with any number of waiters). */
  waiters = new GQueue();
  /** `count`: the semaphore's value (*addr), 0 for package sync's; the runtime's own start at 1. */
  constructor(public count = 0) {}
}

/** A G parked in notifyListWait with its ticket (Go: a sudog on the notifyList). */
interface NotifyWaiter {
  g: G;
  ticket: number;
  next: NotifyWaiter | null;
}

export class NotifyList {
  /** Next ticket handed to a waiter (notifyListAdd). */
  wait = 0;
  /** Next ticket to be notified. */
  notify = 0;
  /** Parked waiters in park order, a singly linked list as Go's (head, tail). */
  head: NotifyWaiter | null = null;
  tail: NotifyWaiter | null = null;
}

/**
 * The wait reasons newer releases give package sync's semaphore waits (runtime2.go
 * waitReasonSyncMutexLock, …RWMutexRLock, …RWMutexLock, …WaitGroupWait; go1.26.8 prints
 * `goroutine 1 [sync.WaitGroup.Wait]:`, go1.19.8 `goroutine 1 [semacquire]:`, recorded in
 * test/versions/recorded). A caller passes one of these; the release decides what is shown.
 */
export const syncWaitReasons: ReadonlySet<string> = new Set(['sync.Mutex.Lock', 'sync.RWMutex.RLock', 'sync.RWMutex.Lock', 'sync.WaitGroup.Wait']);

/** The wait reason a semaphore wait shows under the run's release. */
export function semaWaitReason(rt: Runtime, reason: string): string {
  return !rt.v.syncWaitReasons && syncWaitReasons.has(reason) ? 'semacquire' : reason;
}

/** semacquire1. Returns true if the G continues, false if it parked (and will retry `op`). */
export function semacquire(rt: Runtime, mp: M, gp: G, s: Sema, lifo: boolean, reason: string, op: Op): boolean {
  if (s.count > 0) {
    s.count--;
    gp.resume = semAcquired;
    return true;
  }
  if (lifo) s.waiters.pushFront(gp);
  else s.waiters.pushBack(gp);
  // When woken without a ticket the G runs semacquire again (cansemacquire may fail).
  gp.pendingOp = op;
  gopark(rt, mp, gp, semaWaitReason(rt, reason));
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
  // With the ticket the waiter holds the unit; without, it runs semacquire again (its pendingOp).
  goready(rt, w, mp.p!, gp, ticket ? semAcquired : undefined);
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
  const w: NotifyWaiter = { g: gp, ticket: t, next: null };
  if (l.tail !== null) l.tail.next = w;
  else l.head = w;
  l.tail = w;
  gopark(rt, mp, gp, 'sync.Cond.Wait');
  return false;
}

/** notifyListNotifyOne / NotifyAll. */
export function notifyListNotify(rt: Runtime, mp: M, gp: G, l: NotifyList, all: boolean): void {
  if (l.wait === l.notify) return;
  if (all) {
    l.notify = l.wait;
    let w = l.head;
    l.head = l.tail = null;
    for (; w !== null; w = w.next) goready(rt, w.g, mp.p!, gp, undefined);
    return;
  }
  // notifyListNotifyOne: ready the waiter holding ticket `notify` (usually the head; a G that took
  // its ticket but has not parked yet is not in the list, and is then skipped: it will not park).
  const t = l.notify;
  l.notify++;
  for (let prev: NotifyWaiter | null = null, w = l.head; w !== null; prev = w, w = w.next) {
    if (w.ticket !== t) continue;
    if (prev !== null) prev.next = w.next;
    else l.head = w.next;
    if (l.tail === w) l.tail = prev;
    goready(rt, w.g, mp.p!, gp, undefined);
    return;
  }
}
