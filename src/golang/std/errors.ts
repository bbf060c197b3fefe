/**
 * Package errors: errors.New's *errorString (the dynamic type of most library errors: io.EOF,
 * os.ErrNotExist), Join's *joinError, and the wrapping tree walked by Is, As and Unwrap
 * (errors/wrap.go).
 *
 * An error wraps others through an `Unwrap() error` or (Go 1.20+) `Unwrap() []error` method of its
 * dynamic type — a program's types through their method table (`$m`, with `$sig` telling the two
 * signatures apart), the library's through a property of the JS value: `unwrap` (one error:
 * fmt's *wrapError, *fs.PathError → syscall.Errno) or `errs` (a list: *joinError, fmt's
 * *wrapErrors). Is and As also ask the error's own `Is(error) bool` / `As(any) bool` methods
 * (library: an `is` function property). Is, As and Unwrap are generators: a program's methods run
 * as Go calls, with their CPU time.
 *
 * By release: go1.19's Is and As follow only `Unwrap() error` (Go 1.20 added the tree, Join and the
 * early `err == nil` return of As), so the compiled call passes whether the tree applies.
 *
 * The pointer types are interned once when the module is evaluated (constants, not run state).
 */
import { type Type, tBool, tString, underlying, comparable, identical, typeString, tEmptyIface } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, fn, ptr, native, method, sl, subset } from './registry.js';
import { equal } from '../rt/alg.js';
import { setStruct } from '../rt/pointers.js';
import { assertI2 } from '../rt/ifaces.js';
import { GoPanic } from '../rt/panics.js';
import { Slice } from '../rt/slices.js';
import type { Iface, Ref } from '../rt/values.js';
import { mallocLib } from '../rt/malloc.js';

/** errors.errorString: `s` is the message (a byte string). */
export class ErrorString {
  constructor(public s: string) {}
  Error(): string {
    return this.s;
  }
}
export const tErrorString = native('errorString', 'errors', '$P.errors.ErrorString', { k: 'struct', fields: [{ name: 's', type: tString, embedded: false, js: 's' }] });
method(tErrorString, 'Error', fn([], [tString]), false);
/** *errors.errorString, interned: the `t` of every error value made by the library. */
export const tErrorStringPtr: Type = globalTypes.intern(ptr(tErrorString));

/** errors.New(s). */
export function New(s: string): Iface {
  return { t: tErrorStringPtr, v: new ErrorString(s) };
}
export { New as newError };
/** errors.New called by the program: &errorString{s}, 16 bytes on the heap (rt/malloc.ts). */
export function NewAlloc(s: string): Iface {
  mallocLib(errorStringBytes);
  return New(s);
}
/** An *errorString (one string header): 16 bytes (go1.19.8/go1.26.8 TotalAlloc, gotests/library_alloc.go). */
export const errorStringBytes = 16;

type Go<T> = Generator<unknown, T, unknown>;
type MethodTable = Record<string, (...a: unknown[]) => Go<unknown>>;
const tableOf = (t: Type): MethodTable | undefined => (t as unknown as { $m?: MethodTable }).$m;
/** The signature of a program's method (program.ts `$sig`); undefined for the library's types. */
const sigOf = (t: Type, name: string): string | undefined => (t as unknown as { $sig?: Record<string, string> }).$sig?.[name];
/** The JS object behind a library error value (null for a non-object: a syscall.Errno is a number). */
const obj = (x: Iface): Record<string, unknown> | null => (typeof x.v === 'object' && x.v !== null ? (x.v as Record<string, unknown>) : null);

/** *errors.joinError: errors.Join's result; Error() joins the messages with newlines. */
export class JoinError extends ErrorString {
  constructor(readonly errs: Iface[]) {
    super('');
  }
  override Error(): string {
    return this.errs.map(errorText).join('\n');
  }
  Unwrap(): Slice {
    return new Slice(this.errs, 0, this.errs.length, this.errs.length);
  }
}
/** The text of an error value: its Error method (a library error's synchronously). */
export function errorText(e: Iface): string {
  const o = obj(e);
  if (o instanceof ErrorString) return o.Error();
  const it = tableOf(e.t)!.Error!(e.v);
  let r = it.next();
  while (!r.done) r = it.next();
  return r.value as string;
}
export const tJoinError = native('joinError', 'errors', '$P.errors.JoinError', { k: 'struct', fields: [{ name: 'errs', type: sl(tError), embedded: false, js: 'errs' }] });
method(tJoinError, 'Error', fn([], [tString]), false);
method(tJoinError, 'Unwrap', fn([], [sl(tError)]), false);
export const tJoinErrorPtr: Type = globalTypes.intern(ptr(tJoinError));

/** errors.Join (Go 1.20): nil when every argument is nil. */
export function Join(errs: (Iface | null)[]): Iface | null {
  const kept = errs.filter((e): e is Iface => e !== null);
  return kept.length === 0 ? null : { t: tJoinErrorPtr, v: new JoinError(kept) };
}

/** What err wraps: null (nothing), one error (`Unwrap() error`), or a list (`Unwrap() []error`). */
function* wrapped(x: Iface, tree: boolean): Go<{ one: Iface | null } | { many: Iface[] } | null> {
  const o = obj(x);
  if (o !== null && 'unwrap' in o) return { one: (o.unwrap ?? null) as Iface | null };
  if (o !== null && Array.isArray(o.errs)) return tree ? { many: o.errs as Iface[] } : null;
  const tab = tableOf(x.t);
  if (!tab?.Unwrap) return null;
  const sig = sigOf(x.t, 'Unwrap');
  if (sig === 'func() error') return { one: (yield* tab.Unwrap(x.v)) as Iface | null };
  if (sig === 'func() []error' && tree) {
    const s = (yield* tab.Unwrap(x.v)) as Slice | null;
    return { many: s === null ? [] : (s.a.slice(s.o, s.o + s.n) as Iface[]) };
  }
  return null;
}

/** errors.Unwrap: the result of err's `Unwrap() error` method (nil for any other error). */
export function* Unwrap(e: Iface | null): Go<Iface | null> {
  if (e === null) return null;
  const w = yield* wrapped(e, false);
  return w !== null && 'one' in w ? w.one : null;
}

/** errors.Is: err or an error it wraps equals target (when target's type is comparable) or says Is(target). */
export function* Is(e: Iface | null, target: Iface | null, tree: boolean): Go<boolean> {
  if (target === null || (tree && e === null)) return e === target;
  return yield* is(e, target, comparable(target.t), tree);
}
function* is(e: Iface | null, target: Iface, targetComparable: boolean, tree: boolean): Go<boolean> {
  for (let x = e; x !== null; ) {
    if (targetComparable && equal(x, target)) return true;
    if (yield* callIs(x, target)) return true;
    const w = yield* wrapped(x, tree);
    if (w === null) return false;
    if ('many' in w) {
      for (const y of w.many) if (y !== null && (yield* is(y, target, targetComparable, tree))) return true;
      return false;
    }
    x = w.one;
  }
  return false;
}
function* callIs(x: Iface, target: Iface): Go<boolean> {
  const o = obj(x);
  if (o !== null && typeof o.is === 'function') return (o.is as (t: Iface) => boolean).call(o, target);
  const tab = tableOf(x.t);
  if (!tab?.Is) return false;
  const sig = sigOf(x.t, 'Is');
  if (sig !== undefined && sig !== 'func(error) bool') return false;
  return (yield* tab.Is(x.v, target)) as boolean;
}

function panicText(msg: string): never {
  throw new GoPanic({ t: tString, v: msg }, msg);
}
/**
 * errors.As: the first error in err's tree assignable to *target's type is stored there. `target`
 * holds a pointer: to a struct, the struct object itself (its fields are set); to anything else, a
 * Ref (its `v` is set: an interface value whole, a concrete one unboxed).
 */
export function* As(e: Iface | null, target: Iface | null, tree: boolean): Go<boolean> {
  if (e === null && tree) return false;
  if (target === null) panicText('errors: target cannot be nil');
  const pt = underlying(target.t);
  if (pt.k !== 'ptr' || target.v === null) panicText('errors: target must be a non-nil pointer');
  const elem = pt.elem;
  const elemIface = underlying(elem).k === 'iface';
  if (!elemIface && !implementsError(elem)) panicText('errors: *target must be interface or implement error');
  return yield* as(e, target, elem, elemIface, tree);
}
function* as(e: Iface | null, target: Iface, elem: Type, elemIface: boolean, tree: boolean): Go<boolean> {
  for (let x = e; x !== null; ) {
    if (elemIface ? implementsIface(x.t, elem) : identical(x.t, elem)) {
      if (elemIface) (target.v as Ref).v = x;
      else if (underlying(elem).k === 'struct') setStruct(target.v as Record<string, unknown>, x.v as Record<string, unknown>);
      else (target.v as Ref).v = x.v;
      return true;
    }
    const tab = tableOf(x.t);
    const sig = sigOf(x.t, 'As');
    if (tab?.As && (sig === undefined || sig === 'func(interface {}) bool' || sig === 'func(any) bool') && (yield* tab.As(x.v, target))) return true;
    const w = yield* wrapped(x, tree);
    if (w === null) return false;
    if ('many' in w) {
      for (const y of w.many) if (y !== null && (yield* as(y, target, elem, elemIface, tree))) return true;
      return false;
    }
    x = w.one;
  }
  return false;
}
/** Does dynamic type t implement interface type it (its method table has every method, same signatures)? */
function implementsIface(t: Type, it: Type): boolean {
  const ms = [...(underlying(it) as { methods: Map<string, Type> }).methods];
  return assertI2({ t, v: null }, ms.map(([m]) => m), ms.map(([, s]) => typeString(s)))[1];
}
/** Does type t (a pointer's element: no method table of its own needed) implement error? */
function implementsError(t: Type): boolean {
  const tab = tableOf(globalTypes.intern(t)) ?? tableOf(t);
  if (tab?.Error) return true;
  if (t.k === 'named') {
    const m = t.methods.get('Error');
    return m !== undefined && !m.ptrRecv;
  }
  return false;
}

pkg('errors', {
  New: F(fn([tString], [tError]), (a) => `$P.errors.NewAlloc(${a[0]})`),
  Is: F(fn([tError, tError], [tBool]), (a, c) => `(yield* $P.errors.Is(${a[0]}, ${a[1]}, ${tree(c.release)}))`),
  As: F(fn([tError, tEmptyIface], [tBool]), (a, c) => `(yield* $P.errors.As(${a[0]}, ${a[1]}, ${tree(c.release)}))`),
  Unwrap: F(fn([tError], [tError]), (a) => `(yield* $P.errors.Unwrap(${a[0]}))`),
  Join: { ...F(fn([sl(tError)], [tError], true), (a) => `$P.errors.Join($L.sliceToArray(${a[0]}))`), since: '1.20' },
  $unsupported: subset(),
});
/** Go 1.20 made wrapping a tree (Unwrap() []error, errors.Join). */
function tree(release: string): boolean {
  return Number(release.split('.')[1]) >= 20;
}
