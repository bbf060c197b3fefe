/**
 * Run-time package functions, part 3 (`$P.*`): strings/strconv/math helpers, math/rand, typed
 * atomics, method tables of library types, sort, errors with wrapping, fmt.Sscanf, filepath, bufio,
 * strings.Builder / bytes.Buffer, context, sync.Map.
 */
import { K, type GoBody, type Op } from '../workload/ops.js';
import { Chan } from '../runtime/chan.js';
import * as lib from './lib.js';
import * as libfmt from './libfmt.js';
import { GoPanic, Slice, type Iface } from './lib.js';
import type { Type, NamedType } from './types.js';
import { EOF, newError, ErrorString } from './pkgrt.js';
import { newTimer as newTimerFn } from './std/time.js';
import { Body, S } from './rt.js';

type Go<T = void> = Generator<Op, T, unknown>;
import { fwrite } from './pkgrt2.js';


// ---- strings / strconv / math
export function strReplace(s: string, a: string, b: string, n: number): string {
  if (n < 0) return s.split(a).join(b);
  let out = s;
  for (let i = 0; i < n; i++) {
    const j = out.indexOf(a);
    if (j < 0) break;
    out = out.slice(0, j) + b + out.slice(j + a.length);
  }
  return out;
}
export const trimPrefix = (s: string, p: string): string => (s.startsWith(p) ? s.slice(p.length) : s);
export const trimSuffix = (s: string, p: string): string => (p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s);
export function atoi(s: string, base = 10): [number, Iface | null] {
  const ok = base === 10 ? /^[+-]?\d+$/.test(s) : /^[+-]?[0-9a-zA-Z]+$/.test(s);
  const v = parseInt(s, base);
  if (!ok || Number.isNaN(v)) return [0, newError(`strconv.Atoi: parsing ${libfmt.sprintf('%q', [{ t: tStringRef.t, v: s }])}: invalid syntax`)];
  return [v, null];
}
export const tStringRef: { t: Type } = { t: null as unknown as Type };
export function atof(s: string): [number, Iface | null] {
  const v = Number(s);
  if (s.trim() === '' || Number.isNaN(v)) return [0, newError(`strconv.ParseFloat: parsing ${libfmt.sprintf('%q', [{ t: tStringRef.t, v: s }])}: invalid syntax`)];
  return [v, null];
}
export function round(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
/** A func value as a goroutine body factory (time.AfterFunc). */
export function goBody(f: () => Iterator<Op, unknown, unknown>): () => GoBody {
  const cur = S.cur;
  const top = cur.fr[cur.fr.length - 1];
  void top;
  return () => new Body(f(), 'created by time.goFunc\n\t/usr/lib/go-1.19/src/time/sleep.go:176 +0x0\n');
}

/** math/rand with a fixed seed (Go 1.19's global source is seeded with 1: values differ from Go's). */
export class Rand {
  s = 1;
  seed(v: number): void {
    this.s = (v >>> 0) || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.s = x;
    return x;
  }
  intn(n: number): number {
    if (n <= 0) throw new GoPanic(null, 'invalid argument to Intn');
    return this.next() % n;
  }
  int63(): number {
    return this.next() * 2097152 + (this.next() >>> 11);
  }
  float64(): number {
    return this.next() / 4294967296;
  }
  perm(n: number): Slice {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.intn(i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return lib.sliceLit(a);
  }
}
export function* shuffle(p: { rand: Rand }, n: number, swap: (i: number, j: number) => Go<unknown>): Go {
  for (let i = n - 1; i > 0; i--) yield* swap(i, p.rand.intn(i + 1));
}

// ---- typed atomics
export class AtomicBox {
  v = 0;
  Load(): number {
    return this.v;
  }
  Store(x: number): void {
    this.v = x;
  }
  Add(d: number): number {
    return (this.v += d);
  }
  Swap(x: number): number {
    const o = this.v;
    this.v = x;
    return o;
  }
  CompareAndSwap(o: number, x: number): boolean {
    if (this.v !== o) return false;
    this.v = x;
    return true;
  }
}
export class AtomicBool {
  v = false;
  Load(): boolean {
    return this.v;
  }
  Store(x: boolean): void {
    this.v = x;
  }
  CompareAndSwap(o: boolean, x: boolean): boolean {
    if (this.v !== o) return false;
    this.v = x;
    return true;
  }
}
export class AtomicValue {
  v: unknown = null;
  Load(): unknown {
    return this.v;
  }
  Store(x: unknown): void {
    this.v = x;
  }
}

/** Build `$m` method tables (generator wrappers) for the library's named types. */
export function methodTable(t: NamedType, ptrT: Type | null, P: Record<string, unknown>): void {
  const tab: Record<string, unknown> = {};
  const ptab: Record<string, unknown> = {};
  for (const [name, m] of t.methods) {
    let f: (...a: unknown[]) => Go<unknown>;
    if (m.native && m.gen) f = function* (r: unknown, ...a: unknown[]) {
      return yield* (r as Record<string, (...x: unknown[]) => Go<unknown>>)[name]!(...a);
    };
    else if (m.native) f = function* (r: unknown, ...a: unknown[]) {
      return (r as Record<string, (...x: unknown[]) => unknown>)[name]!(...a);
    };
    else {
      const g = new Function('$P', `return ${m.fn};`)(P) as (...a: unknown[]) => unknown;
      f = function* (r: unknown, ...a: unknown[]) {
        return g(r, ...a);
      };
    }
    if (!m.ptrRecv) tab[name] = f;
    ptab[name] = f;
  }
  (t as unknown as { $m: unknown }).$m = tab;
  if (ptrT) (ptrT as unknown as { $m: unknown }).$m = ptab;
}


// ---- sort
export function sortSlice(s: Slice | null, cmp: (a: unknown, b: unknown) => number): void {
  if (s === null) return;
  const part = s.a.slice(s.o, s.o + s.n).sort(cmp as (a: unknown, b: unknown) => number);
  for (let i = 0; i < s.n; i++) s.a[s.o + i] = part[i];
}
/** sort.Slice(x, less): insertion sort through the user's less (a generator), stable. */
export function* sortBy(x: Iface | null, less: (i: number, j: number) => Go<unknown>): Go {
  if (x === null) return;
  const s = x.v as Slice | null;
  if (s === null) return;
  for (let i = 1; i < s.n; i++) {
    for (let j = i; j > 0; j--) {
      if (!((yield* less(j, j - 1)) as boolean)) break;
      const t = s.a[s.o + j];
      s.a[s.o + j] = s.a[s.o + j - 1];
      s.a[s.o + j - 1] = t;
    }
  }
}

// ---- errors with wrapping
export const ErrNotExist: Iface = { t: null as unknown as Type, v: new ErrorString('file does not exist') };
export function errorf(format: string, args: (Iface | null)[]): Iface {
  let wrapped: Iface | null = null;
  const i = format.indexOf('%w');
  if (i >= 0) {
    // the argument index of %w: count verbs before it
    const before = format.slice(0, i).replace(/%%/g, '').match(/%[^a-zA-Z%]*[a-zA-Z]/g);
    wrapped = args[before ? before.length : 0] ?? null;
  }
  const e = newError(libfmt.sprintf(format.replace(/%w/g, '%v'), args));
  (e.v as ErrorString & { unwrap?: Iface | null }).unwrap = wrapped;
  return e;
}
export function errorsUnwrap(e: Iface | null): Iface | null {
  if (e === null) return null;
  return ((e.v as { unwrap?: Iface | null }).unwrap ?? null) as Iface | null;
}
export function errorsIs(e: Iface | null, target: Iface | null): boolean {
  for (let x = e, i = 0; i < 100; x = errorsUnwrap(x), i++) {
    if (x === null) return target === null;
    if (lib.equal(x, target)) return true;
    // an Is method (fs.PathError's: ENOENT is fs.ErrNotExist)
    const is = (x.v as { is?: (t: Iface | null) => boolean } | null)?.is;
    if (typeof is === 'function' && is.call(x.v, target)) return true;
  }
  return false;
}
/** fmt.Sscanf with %d %s %f %v verbs separated by spaces (or fmt.Sscan when format is null). */
export function sscanf(str: string, format: string | null, ptrs: (Iface | null)[]): [number, Iface | null] {
  const toks = str.trim().split(/\s+/).filter((t) => t !== '');
  const verbs = format === null ? ptrs.map(() => 'v') : (format.match(/%[a-z]/g) ?? []).map((v) => v[1]!);
  let n = 0;
  for (let i = 0; i < ptrs.length; i++) {
    const p = ptrs[i];
    const tok = toks[i];
    if (tok === undefined) return [n, newError(i === 0 ? 'EOF' : 'unexpected EOF')];
    if (!p) return [n, newError('can\'t scan type')];
    const ref = p.v as lib.Ref;
    const v = verbs[i] ?? 'v';
    const elem = (p.t as { elem?: Type }).elem;
    const u = elem ? (elem as { k: string; name?: string; under?: Type }) : null;
    const kind = u && u.k === 'named' ? (u.under as { name?: string }).name : u?.name;
    if (v === 's' || kind === 'string') ref.v = tok;
    else if (kind === 'float64' || kind === 'float32' || v === 'f') {
      const x = Number(tok);
      if (Number.isNaN(x)) return [n, newError('strconv.ParseFloat: parsing ' + JSON.stringify(tok) + ': invalid syntax')];
      ref.v = x;
    } else {
      if (!/^[+-]?\d+$/.test(tok)) return [n, newError('expected integer')];
      ref.v = Number(tok);
    }
    n++;
  }
  return [n, null];
}

// ---- path, path/filepath
export function pathJoin(parts: string[]): string {
  const j = parts.filter((p) => p !== '').join('/');
  if (j === '') return '';
  const abs = j.startsWith('/');
  const out: string[] = [];
  for (const seg of j.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}
export function pathBase(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? (p === '' ? '.' : '/') : t.slice(t.lastIndexOf('/') + 1);
}
export function pathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i);
}

// ---- bufio
type MT = Record<string, (...a: unknown[]) => Go<unknown>>;
export class BufReader {
  buf = '';
  eof: Iface | null = null;
  constructor(public r: Iface | null) {}
  private *fill(): Go<boolean> {
    if (this.eof) return false;
    const b = lib.makeSlice(4096, 4096, () => 0);
    const tab = (this.r!.t as unknown as { $m: MT }).$m;
    const [n, err] = (yield* tab.Read!(this.r!.v, b)) as [number, Iface | null];
    this.buf += lib.bytesToString(lib.reslice(b, 0, n, -1));
    if (err) this.eof = err;
    return n > 0;
  }
  *ReadString(delim: number): Go<[string, Iface | null]> {
    const d = String.fromCharCode(delim);
    for (;;) {
      const i = this.buf.indexOf(d);
      if (i >= 0) {
        const s = this.buf.slice(0, i + 1);
        this.buf = this.buf.slice(i + 1);
        return [s, null];
      }
      if (!(yield* this.fill()) && this.eof) {
        const s = this.buf;
        this.buf = '';
        return [s, this.eof];
      }
    }
  }
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    if (this.buf === '' && !(yield* this.fill())) return [0, this.eof ?? EOF];
    const n = Math.min(b === null ? 0 : b.n, this.buf.length);
    for (let i = 0; i < n; i++) b!.a[b!.o + i] = this.buf.charCodeAt(i);
    this.buf = this.buf.slice(n);
    return [n, null];
  }
}
export class BufWriter {
  buf = '';
  constructor(public w: Iface | null) {}
  *WriteString(s: string): Go<[number, Iface | null]> {
    this.buf += s;
    if (this.buf.length >= 4096) yield* this.Flush();
    return [s.length, null];
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    return yield* this.WriteString(lib.bytesToString(b));
  }
  *Flush(): Go<Iface | null> {
    if (this.buf === '') return null;
    const s = this.buf;
    this.buf = '';
    yield* fwrite(this.w, s);
    return null;
  }
}

/** strings.Builder / bytes.Buffer (byte strings). */
export class Builder {
  s = '';
  static of(s: string): Builder {
    const b = new Builder();
    b.s = s;
    return b;
  }
  WriteString(x: string): [number, Iface | null] {
    this.s += x;
    return [x.length, null];
  }
  WriteByte(c: number): Iface | null {
    this.s += String.fromCharCode(c & 255);
    return null;
  }
  WriteRune(r: number): [number, Iface | null] {
    const x = lib.runeToString(r);
    this.s += x;
    return [x.length, null];
  }
  Write(b: Slice | null): [number, Iface | null] {
    const x = lib.bytesToString(b);
    this.s += x;
    return [x.length, null];
  }
  String(): string {
    return this.s;
  }
  Len(): number {
    return this.s.length;
  }
  Reset(): void {
    this.s = '';
  }
}

// ---- context (Background, WithCancel, WithTimeout, WithDeadline, WithValue)
export const Canceled: Iface = { t: null as unknown as Type, v: new ErrorString('context canceled') };
export const DeadlineExceeded: Iface = { t: null as unknown as Type, v: new ErrorString('context deadline exceeded') };
let ctxT: Type = null as unknown as Type;
export function setCtxType(t: Type, errT: Type): void {
  ctxT = t;
  Canceled.t = errT;
  DeadlineExceeded.t = errT;
}
export class Ctx {
  done: Chan | null = null;
  err: Iface | null = null;
  children = new Set<Ctx>();
  key: Iface | null = null;
  val: Iface | null = null;
  constructor(public parent: Ctx | null) {}
  Done(): Chan | null {
    return this.done;
  }
  Err(): Iface | null {
    return this.err;
  }
  Value(k: Iface | null): Iface | null {
    for (let c: Ctx | null = this; c; c = c.parent) if (c.key !== null && lib.equal(c.key, k)) return c.val;
    return null;
  }
  *cancel(err: Iface): Go {
    if (this.err !== null || this.done === null) return;
    this.err = err;
    yield { k: K.Close, ch: this.done };
    for (const ch of [...this.children]) yield* ch.cancel(err);
    this.children.clear();
    if (this.parent) this.parent.children.delete(this);
  }
}
function wrapCtx(c: Ctx): Iface {
  return { t: ctxT, v: c };
}
export function background(): Iface {
  return wrapCtx(new Ctx(null));
}
function* child(parent: Iface | null): Go<Ctx> {
  const p = (parent?.v as Ctx | undefined) ?? null;
  const c = new Ctx(p);
  c.done = new Chan(0);
  if (p) {
    if (p.err !== null) yield* c.cancel(p.err);
    else if (p.done !== null) p.children.add(c);
  }
  return c;
}
export function* withCancel(parent: Iface | null): Go<[Iface, () => Go]> {
  const c = yield* child(parent);
  return [wrapCtx(c), function* () {
    yield* c.cancel(Canceled);
  }];
}
export function* withTimeout(parent: Iface | null, d: number): Go<[Iface, () => Go]> {
  const c = yield* child(parent);
  const t = yield* newTimerFn(d, 0, () => new Body(c.cancel(DeadlineExceeded), 'created by time.goFunc\n\t/usr/lib/go-1.19/src/time/sleep.go:176 +0x0\n'), 'time.goFunc');
  return [wrapCtx(c), function* () {
    yield { k: K.TimerStop, t: t.t };
    yield* c.cancel(Canceled);
  }];
}
export function withValue(parent: Iface | null, k: Iface | null, v: Iface | null): Iface {
  const p = (parent?.v as Ctx | undefined) ?? null;
  const c = new Ctx(p);
  c.done = p ? p.done : null;
  c.key = k;
  c.val = v;
  // cancellation is inherited through the shared done channel and err of the parent
  Object.defineProperty(c, 'err', { get: () => (p ? p.err : null), set: () => undefined });
  return wrapCtx(c);
}

/** sync.Map (keys compared like map keys of interface type). */
export class SyncMap {
  m = new Map<unknown, [Iface | null, Iface | null]>();
  Store(k: Iface | null, v: Iface | null): void {
    this.m.set(lib.mapKey(k), [k, v]);
  }
  Load(k: Iface | null): [Iface | null, boolean] {
    const e = this.m.get(lib.mapKey(k));
    return e ? [e[1], true] : [null, false];
  }
  LoadOrStore(k: Iface | null, v: Iface | null): [Iface | null, boolean] {
    const e = this.m.get(lib.mapKey(k));
    if (e) return [e[1], true];
    this.m.set(lib.mapKey(k), [k, v]);
    return [v, false];
  }
  LoadAndDelete(k: Iface | null): [Iface | null, boolean] {
    const key = lib.mapKey(k);
    const e = this.m.get(key);
    this.m.delete(key);
    return e ? [e[1], true] : [null, false];
  }
  Delete(k: Iface | null): void {
    this.m.delete(lib.mapKey(k));
  }
  *Range(f: (k: Iface | null, v: Iface | null) => Go<unknown>): Go {
    for (const [, [k, v]] of [...this.m]) if (!((yield* f(k, v)) as boolean)) return;
  }
}
