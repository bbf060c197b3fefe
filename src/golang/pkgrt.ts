/**
 * Run-time implementations of sync and errors for the packages not yet in std/ (`$P.*` in generated
 * code). sync's WaitGroup/Mutex/Once are the workload API's (Go's algorithms over the runtime's
 * semaphores); RWMutex and Cond are here; error values (errors.New's *errorString, io.EOF).
 */
import { K, type GoBody, type Op } from '../workload/ops.js';
import { sync as wsync } from '../workload/api.js';
import { Sema, NotifyList } from '../runtime/sema.js';
import { GoPanic, Slice, type Iface } from './lib.js';
import { S } from './rt.js';

type Go<T = void> = Generator<Op, T, unknown>;

// ---------------------------------------------------------------- sync

interface Locker {
  Lock(): Go;
  Unlock(): Go;
}
export const WaitGroup = wsync.WaitGroup as unknown as new () => { Add(d: number): Go; Done(): Go; Wait(): Go };
export const Mutex = wsync.Mutex as unknown as new () => Locker & { TryLock(): boolean };
export const Once = wsync.Once as unknown as new () => { Do(f: () => GoBody): Go };

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
      if (r + 1 === 0 || r + 1 === -(1 << 30)) throw new GoPanic(null, 'fatal error: sync: RUnlock of unlocked RWMutex');
      if (--this.readerWait === 0) yield { k: K.SemRelease, sema: this.writerSem, handoff: false };
    }
  }
  *Lock(): Go {
    yield* this.w.Lock();
    const r = this.readerCount;
    this.readerCount -= 1 << 30;
    if (r !== 0 && (this.readerWait += r) !== 0) yield { k: K.SemAcquire, sema: this.writerSem, lifo: false, reason: 'sync.RWMutex.Lock' };
  }
  *Unlock(): Go {
    this.readerCount += 1 << 30;
    const r = this.readerCount;
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

// ---------------------------------------------------------------- engine access

/** The runtime's thread count: pprof.Lookup("threadcreate").Count() (Ms on allm). */
export function* threadCount(): Go<number> {
  return (yield { k: K.ThreadCount }) as number;
}

export class Profile {
  constructor(public name: string) {}
  *Count(): Go<number> {
    if (this.name === 'goroutine') return (yield { k: K.NumGoroutine }) as number;
    if (this.name !== 'threadcreate') return 0;
    return yield* threadCount();
  }
  Name(): string {
    return this.name;
  }
}

// ---------------------------------------------------------------- errors

export class ErrorString {
  constructor(public s: string) {}
  Error(): string {
    return this.s;
  }
}
export let errType: unknown = null;
export function setErrType(t: unknown): void {
  errType = t;
}
export function newError(s: string): Iface {
  return { t: errType as never, v: new ErrorString(s) };
}
export const EOF: Iface = { t: null as never, v: new ErrorString('EOF') };
export function initEOF(): void {
  EOF.t = errType as never;
}

export { S, Slice };

