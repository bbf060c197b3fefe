/**
 * Package sync: WaitGroup, Mutex and Once are the workload API's (workload/api.ts: Go's algorithms —
 * the mutex's spinning and starvation mode, the WaitGroup counter — over the runtime's semaphores);
 * RWMutex (readerCount/readerWait over two semaphores, sync/rwmutex.go), Cond (the runtime's notify
 * list, sync/cond.go) and Map are here.
 *
 * Simplified: RWMutex.TryLock is always false; Map is one JS Map keyed like a map[any]any (Go's
 * read/dirty split only changes its costs); Pool is not supported.
 */
import { K, type GoBody, type Op } from '../../workload/ops.js';
import { sync as wsync } from '../../workload/api.js';
import { Sema, NotifyList } from '../../runtime/sema.js';
import { newNamed, tBool, tInt } from '../types.js';
import { pkg, F, T, fn, ptr, tAny, native, method, subset } from './registry.js';
import { mapKey } from '../rt/alg.js';
import { GoFatal } from '../../runtime/panic.js';
import { goOp, GoexitSignal } from '../rt/goroutine.js';
import { nf } from '../rt/pointers.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

interface Locker {
  Lock(): Go;
  Unlock(): Go;
}
const BaseWaitGroup = wsync.WaitGroup as unknown as new () => { Add(d: number): Go; Done(): Go; Wait(): Go };
/** waitgroup.go's `go func() {` line in go1.26.8 (the new goroutine's entry, for its traceback). */
const waitGroupGoLine = 238;
/**
 * sync.WaitGroup, with Go 1.25's WaitGroup.Go(f): Add(1), then a goroutine running f whose deferred
 * function calls Done when f returns or calls runtime.Goexit — not when f panics (the panic is fatal
 * and Done would let Wait's goroutine race it: sync/waitgroup.go).
 */
export class WaitGroup extends BaseWaitGroup {
  *Go(f: (() => Go<unknown>) | null): Go {
    yield* this.Add(1);
    const start = (): Go => goBody(this, f);
    yield goOp(start, 'sync.(*WaitGroup).Go.func1', waitGroupGoLine, false, '/usr/local/go/src/sync/waitgroup.go');
  }
}
function* goBody(wg: WaitGroup, f: (() => Go<unknown>) | null): Go {
  let panicked = true;
  try {
    yield* nf(f)();
    panicked = false;
  } catch (e) {
    if (e instanceof GoexitSignal) panicked = false;
    throw e;
  } finally {
    if (!panicked) yield* wg.Done();
  }
}
export const Mutex = wsync.Mutex as unknown as new () => Locker & { TryLock(): boolean };
export const Once = wsync.Once as unknown as new () => { Do(f: () => GoBody): Go };

/** rwmutexMaxReaders (sync/rwmutex.go). */
const rwmutexMaxReaders = 1 << 30;

/** sync.RWMutex (Go's algorithm: readerCount/readerWait over two semaphores and a Mutex). */
export class RWMutex {
  private w = new Mutex();
  private writerSem = new Sema();
  private readerSem = new Sema();
  private readerCount = 0;
  private readerWait = 0;
  *RLock(): Go {
    if (++this.readerCount < 0) yield { k: K.SemAcquire, sema: this.readerSem, lifo: false, reason: 'sync.RWMutex.RLock' };
  }
  *RUnlock(): Go {
    const r = --this.readerCount;
    if (r < 0) {
      if (r + 1 === 0 || r + 1 === -rwmutexMaxReaders) throw new GoFatal('sync: RUnlock of unlocked RWMutex');
      if (--this.readerWait === 0) yield { k: K.SemRelease, sema: this.writerSem, handoff: false };
    }
  }
  *Lock(): Go {
    yield* this.w.Lock();
    const r = this.readerCount;
    this.readerCount -= rwmutexMaxReaders;
    if (r !== 0 && (this.readerWait += r) !== 0) yield { k: K.SemAcquire, sema: this.writerSem, lifo: false, reason: 'sync.RWMutex.Lock' };
  }
  *Unlock(): Go {
    this.readerCount += rwmutexMaxReaders;
    const r = this.readerCount;
    // rwmutex.go Unlock: `if r >= rwmutexMaxReaders { fatal("sync: Unlock of unlocked RWMutex") }`
    if (r >= rwmutexMaxReaders) throw new GoFatal('sync: Unlock of unlocked RWMutex');
    for (let i = 0; i < r; i++) yield { k: K.SemRelease, sema: this.readerSem, handoff: false };
    yield* this.w.Unlock();
  }
  TryLock(): boolean {
    return false;
  }
}

type MethodTable = Record<string, (r: unknown, ...a: unknown[]) => Go<unknown>>;
function im(l: Iface, name: string): Go<unknown> {
  const tab = (l.t as unknown as { $m: MethodTable }).$m;
  return tab[name]!(l.v);
}

/** sync.Cond over a Locker interface value, with the runtime's notify list. */
export class Cond {
  nl = new NotifyList();
  constructor(public L: Iface) {}
  *Wait(): Go {
    const t = this.nl.wait++;
    yield* im(this.L, 'Unlock');
    yield { k: K.NotifyWait, nl: this.nl, ticket: t };
    yield* im(this.L, 'Lock');
  }
  *Signal(): Go {
    yield { k: K.Notify, nl: this.nl, all: false };
  }
  *Broadcast(): Go {
    yield { k: K.Notify, nl: this.nl, all: true };
  }
}

/** sync.Map (keys compared like map keys of interface type). */
export class SyncMap {
  m = new Map<unknown, [Iface | null, Iface | null]>();
  Store(k: Iface | null, v: Iface | null): void {
    this.m.set(mapKey(k), [k, v]);
  }
  Load(k: Iface | null): [Iface | null, boolean] {
    const e = this.m.get(mapKey(k));
    return e ? [e[1], true] : [null, false];
  }
  LoadOrStore(k: Iface | null, v: Iface | null): [Iface | null, boolean] {
    const e = this.m.get(mapKey(k));
    if (e) return [e[1], true];
    this.m.set(mapKey(k), [k, v]);
    return [v, false];
  }
  LoadAndDelete(k: Iface | null): [Iface | null, boolean] {
    const key = mapKey(k);
    const e = this.m.get(key);
    this.m.delete(key);
    return e ? [e[1], true] : [null, false];
  }
  Delete(k: Iface | null): void {
    this.m.delete(mapKey(k));
  }
  *Range(f: (k: Iface | null, v: Iface | null) => Go<unknown>): Go {
    for (const [, [k, v]] of [...this.m]) if (!((yield* f(k, v)) as boolean)) return;
  }
}

export const tLocker = newNamed('Locker', 'sync', { k: 'iface', methods: new Map([['Lock', fn([])], ['Unlock', fn([])]]) });
export const tWaitGroup = native('WaitGroup', 'sync', '$P.sync.WaitGroup');
method(tWaitGroup, 'Add', fn([tInt]), true);
method(tWaitGroup, 'Done', fn([]), true);
method(tWaitGroup, 'Wait', fn([]), true);
method(tWaitGroup, 'Go', fn([fn([])]), true, true, '1.25');
export const tMutex = native('Mutex', 'sync', '$P.sync.Mutex');
method(tMutex, 'Lock', fn([]), true);
method(tMutex, 'Unlock', fn([]), true);
method(tMutex, 'TryLock', fn([], [tBool]), false);
export const tRWMutex = native('RWMutex', 'sync', '$P.sync.RWMutex');
for (const m of ['Lock', 'Unlock', 'RLock', 'RUnlock']) method(tRWMutex, m, fn([]), true);
export const tOnce = native('Once', 'sync', '$P.sync.Once');
method(tOnce, 'Do', fn([fn([])]), true);
export const tCond = native('Cond', 'sync', '$P.sync.Cond', { k: 'struct', fields: [{ name: 'L', type: tLocker, embedded: false, js: 'L' }] });
method(tCond, 'Wait', fn([]), true);
method(tCond, 'Signal', fn([]), true);
method(tCond, 'Broadcast', fn([]), true);
export const tSyncMap = native('Map', 'sync', '$P.sync.SyncMap');
method(tSyncMap, 'Store', fn([tAny, tAny]), false);
method(tSyncMap, 'Load', fn([tAny], [tAny, tBool]), false);
method(tSyncMap, 'LoadOrStore', fn([tAny, tAny], [tAny, tBool]), false);
method(tSyncMap, 'LoadAndDelete', fn([tAny], [tAny, tBool]), false);
method(tSyncMap, 'Delete', fn([tAny]), false);
method(tSyncMap, 'Range', fn([fn([tAny, tAny], [tBool])]), true);

pkg('sync', {
  WaitGroup: T(tWaitGroup),
  Mutex: T(tMutex),
  RWMutex: T(tRWMutex),
  Once: T(tOnce),
  Cond: T(tCond),
  Locker: T(tLocker),
  NewCond: F(fn([tLocker], [ptr(tCond)]), (a) => `new $P.sync.Cond(${a[0]})`),
  $unsupported: subset(),
  Map: T(tSyncMap),
});
