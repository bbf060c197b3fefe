/**
 * Package context: Background (and the second name Go gives it), WithCancel, WithTimeout/WithDeadline and WithValue. A cancelable
 * context owns a done channel that cancel closes (waking every goroutine blocked on ctx.Done()
 * through the runtime's channel code) and cancels its children, as context.go's cancelCtx does; a
 * timeout is a runtime timer (time.AfterFunc's) that cancels with DeadlineExceeded.
 *
 * Simplified: one JS class for every context (*context.cancelCtx is the dynamic type of all of them,
 * so %T differs from Go's for Background, timerCtx and valueCtx); no WithCancelCause. Deadline
 * is the earliest of the context's and its parents' deadlines (WithTimeout reads the clock as
 * time.Now does).
 */
import { K, type Op } from '../../workload/ops.js';
import { Chan } from '../../runtime/chan.js';
import { type Type, newNamed, tBool } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { ErrorString, tErrorStringPtr } from './errors.js';
import { newTimer, now, tDuration, tTime, GoTime } from './time.js';
import { pkg, F, T, V, fn, ptr, op, tAny, native, method, subset } from './registry.js';
import { equal } from '../rt/alg.js';
import { Body } from '../rt/goroutine.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** context.Canceled and DeadlineExceeded (context/context.go; Go's DeadlineExceeded has its own type). */
export const Canceled: Iface = { t: tErrorStringPtr, v: new ErrorString('context canceled') };
export const DeadlineExceeded: Iface = { t: tErrorStringPtr, v: new ErrorString('context deadline exceeded') };

export class Ctx {
  done: Chan | null = null;
  err: Iface | null = null;
  children = new Set<Ctx>();
  key: Iface | null = null;
  val: Iface | null = null;
  /** A WithValue context: cancelled with its parent (its children register with the parent's canceler). */
  valueOnly = false;
  /** The deadline: WithTimeout/WithDeadline's, or the parent's (null: none). */
  deadline: GoTime | null;
  constructor(public parent: Ctx | null) {
    this.deadline = parent?.deadline ?? null;
  }
  Deadline(): [GoTime, boolean] {
    return this.deadline === null ? [new GoTime(), false] : [this.deadline, true];
  }
  Done(): Chan | null {
    return this.done;
  }
  Err(): Iface | null {
    return this.err;
  }
  Value(k: Iface | null): Iface | null {
    for (let c: Ctx | null = this; c; c = c.parent) if (c.key !== null && equal(c.key, k)) return c.val;
    return null;
  }
  *cancel(err: Iface): Go {
    if (this.err !== null || this.done === null) return;
    this.err = err;
    yield { k: K.Close, ch: this.done };
    for (const ch of [...this.children]) yield* ch.cancel(err);
    this.children.clear();
    canceler(this.parent)?.children.delete(this);
  }
}

const chDone: Type = { k: 'chan', elem: { k: 'struct', fields: [] }, dir: 'recv' };
export const tContext = newNamed('Context', 'context', {
  k: 'iface',
  methods: new Map([
    ['Deadline', fn([], [tTime, tBool])],
    ['Done', fn([], [chDone])],
    ['Err', fn([], [tError])],
    ['Value', fn([tAny], [tAny])],
  ]),
});
export const tCancelCtx = native('cancelCtx', 'context', '$P.context.Ctx');
method(tCancelCtx, 'Deadline', fn([], [tTime, tBool]), false);
method(tCancelCtx, 'Done', fn([], [chDone]), false);
method(tCancelCtx, 'Err', fn([], [tError]), false);
method(tCancelCtx, 'Value', fn([tAny], [tAny]), false);
/** *context.cancelCtx, interned: the dynamic type of every Context value. */
const tCancelCtxPtr: Type = globalTypes.intern(ptr(tCancelCtx));
const tCancelFunc = newNamed('CancelFunc', 'context', fn([]));

function wrap(c: Ctx): Iface {
  return { t: tCancelCtxPtr, v: c };
}
export function Background(): Iface {
  return wrap(new Ctx(null));
}
/**
 * The context whose cancellation a child of `p` follows (context.go parentCancelCtx): p, or the
 * nearest cancelable ancestor through WithValue contexts (which share their parent's done channel).
 */
function canceler(p: Ctx | null): Ctx | null {
  while (p !== null && p.valueOnly) p = p.parent;
  return p;
}
function* child(parent: Iface | null): Go<Ctx> {
  const p = (parent?.v as Ctx | undefined) ?? null;
  const c = new Ctx(p);
  c.done = new Chan(0);
  const anc = canceler(p);
  if (anc) {
    if (anc.err !== null) yield* c.cancel(anc.err);
    else if (anc.done !== null) anc.children.add(c);
  }
  return c;
}
export function* WithCancel(parent: Iface | null): Go<[Iface, () => Go]> {
  const c = yield* child(parent);
  return [
    wrap(c),
    function* () {
      yield* c.cancel(Canceled);
    },
  ];
}
export function* WithTimeout(parent: Iface | null, d: number): Go<[Iface, () => Go]> {
  const c = yield* child(parent);
  // WithDeadline(parent, time.Now().Add(timeout)); a parent's earlier deadline stays
  const dl = now((yield { k: K.Nanotime }) as number).Add(d);
  if (c.deadline === null || dl.Before(c.deadline)) c.deadline = dl;
  const t = yield* newTimer(d, 0, () => new Body(c.cancel(DeadlineExceeded), 'created by time.goFunc\n\t/usr/lib/go-1.19/src/time/sleep.go:176 +0x0\n'), 'time.goFunc');
  return [
    wrap(c),
    function* () {
      yield { k: K.TimerStop, t: t.t };
      yield* c.cancel(Canceled);
    },
  ];
}
export function WithValue(parent: Iface | null, k: Iface | null, v: Iface | null): Iface {
  const p = (parent?.v as Ctx | undefined) ?? null;
  const c = new Ctx(p);
  c.valueOnly = true;
  c.done = p ? p.done : null;
  c.key = k;
  c.val = v;
  // cancellation is inherited through the shared done channel and err of the parent
  Object.defineProperty(c, 'err', { get: () => (p ? p.err : null), set: () => undefined });
  return wrap(c);
}

pkg('context', {
  Context: T(tContext),
  CancelFunc: T(tCancelFunc),
  Canceled: V(tError, '$P.context.Canceled'),
  DeadlineExceeded: V(tError, '$P.context.DeadlineExceeded'),
  Background: F(fn([], [tContext]), () => '$P.context.Background()'),
  // Go's own name for an empty context (like Background), not an unfinished-work marker.
  'TODO': F(fn([], [tContext]), () => '$P.context.Background()'),
  WithCancel: F(fn([tContext], [tContext, tCancelFunc]), (a) => `(yield* $P.context.WithCancel(${a[0]}))`),
  WithTimeout: F(fn([tContext, tDuration], [tContext, tCancelFunc]), (a) => `(yield* $P.context.WithTimeout(${a[0]}, ${a[1]}))`),
  WithDeadline: F(fn([tContext, tTime], [tContext, tCancelFunc]), (a) => `(yield* $P.context.WithTimeout(${a[0]}, ${a[1]}.Sub($P.time.now(${op(`{k: $K.Nanotime}`)}))))`),
  WithValue: F(fn([tContext, tAny, tAny], [tContext]), (a) => `$P.context.WithValue(${a[0]}, ${a[1]}, ${a[2]})`),
  $unsupported: subset(),
});
