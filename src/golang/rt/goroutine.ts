/**
 * Goroutines as the generated code runs them (runtime/proc.go, runtime/panic.go, runtime/traceback.go): bodies
 * with tracebacks, frames, defer/panic/recover, and the goroutine context.
 *
 * Goroutine body: `Body` wraps the generator of the goroutine's first function. The runtime calls
 * `next(v)`; Body first makes its context current (`S.cur`), so frames pushed by the code land in
 * the right goroutine. `traceback()` prints Go's frames:
 *
 *   main.f(...)
 *   \t/tmp/gmpsim/main.go:12 +0x0
 *   main.main()
 *   \t/tmp/gmpsim/main.go:20 +0x0
 *   created by main.main
 *   \t/tmp/gmpsim/main.go:18 +0x0
 *
 * The format is Go 1.19's with two stable simplifications: arguments are printed as `(...)` (or
 * `()` for functions without parameters) and every pc offset is `+0x0`.
 */
import { K, type GoBody, type Op } from '../../workload/ops.js';
import { GoPanic, toPanic } from './panics.js';
import type { Iface } from './values.js';
import type { TracebackStyle } from '../../runtime/runtime.js';
import { GoFatal, GoThrow } from '../../runtime/panic.js';
import { heap } from './malloc.js';
import { cpu } from './cpu.js';
import type { HeapMarker, RootSet } from './gcmark.js';

/**
 * The fatal error of a goroutine past maxGoFrames: Go's newstack when a stack would grow past
 * maxstacksize (1 GB on 64-bit), which prints these lines, then throw("stack overflow") — called from
 * morestack on g0. The addresses are a recording's (go1.19.8, gotests/reference/go1.19/
 * stack_overflow.json): the model has no memory; the limit is frames, not bytes (see maxGoFrames).
 */
const stackOverflow = 'stack overflow';
const newstackOverflow = 'runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0xc0200e0398 stack=[0xc0200e0000, 0xc0400e0000]\n';

/** go1.19's traceback parts: no ` in goroutine N`, its goexit frame (runtime/frames.ts). */
const go119Style: TracebackStyle = { createdIn: 0, goexit: 'runtime.goexit()\n\truntime/asm_amd64.s:1594' };
/** Where a trace shows gopanic's frame; traceback() puts the release's site there (TracebackStyle.gopanic). */
const gopanicSite = '$gopanic';
const gopanicFrame = `panic(...)\n\t${gopanicSite} +0x0\n`;

/**
 * A panic `p` raised by a deferred call of frame `f` that ran for the panic `prev` (recovered or
 * not): in Go the deferred call runs on top of the panicking stack, so p's traceback shows the
 * deferred call's frames, gopanic's, then prev's frames from its panic site down (runtime/panic.go
 * gopanic; a recording: gotests/reference/go1.19/panic_in_defer_trace.json). Each frame of a trace
 * is two lines (frameText).
 */
function traceOverPanic(p: GoPanic, prev: GoPanic, f: Frame, fr: Frame[]): void {
  if (p.trace === null || prev.trace === null) return;
  const lines = p.trace.split('\n');
  const above = (lines.length - 1) / 2 - (fr.indexOf(f) + 1);
  if (!Number.isInteger(above) || above < 0 || fr.indexOf(f) < 0) return;
  p.trace = (above > 0 ? lines.slice(0, above * 2).join('\n') + '\n' : '') + gopanicFrame + prev.trace;
}

/** The generated code's `$op`: a runtime op, preceded by the CPU work counted since the last one. */
export { Call } from '../../workload/call.js';

export interface Frame {
  /** Go function name (main.f). */
  fn: string;
  /** Current line (updated at statements). */
  l: number;
  /** Function has parameters (prints `(...)`). */
  a: boolean;
  /** Panic (or runtime.Goexit) in flight through this frame (defer handling). */
  p: GoPanic | GoexitSignal | null;
  /** Recovered during this frame's defers. */
  r: boolean;
  /** The panic a deferred call of this frame recovered, while that call runs (it links a new panic to it). */
  rp?: GoPanic | null;
  /** Source file of the function (absolute, as Go prints it). */
  file: string;
  /** The frame's roots for the garbage collector's mark (rt/gcmark.ts), set by functions with pointer-holding variables. */
  g: RootSet | null;
}

/**
 * Deep recursion (Go grows a goroutine's stack up to 1 GB; a JS engine's stack holds a few thousand
 * nested generator calls): a goroutine's calls run in segments of at most `segFrames` Go frames. A
 * function entered at a segment's limit does not run in its caller's JS stack: it yields a
 * `Segment` holding a fresh generator of itself, the goroutine's driver (Body.next, callSync) runs
 * that generator as the new innermost segment straight from the driver's own stack, and resumes the
 * caller with its result (or throws its panic into the caller). The JS stack depth is then bounded
 * by one segment, whatever the Go depth; the cost is one comparison per call.
 *
 * `segFrames`: small enough that one segment fits V8's default stack beside the simulator's frames
 * (a recursion overflowed it at 4,000–8,000 Go frames); the cost of a segment switch is negligible
 * against 1,000 calls.
 */
export const segFrames = 1000;
/**
 * The simulator's limit on a goroutine's Go frames (its fatal "stack overflow"): each frame is a
 * suspended generator on the JS heap (≈0.6 KB: a recursion 1,000,000 deep took 627 MB of RSS), so
 * Go's limit (1 GB of stack, tens of millions of small frames) would exhaust the simulator's memory
 * first. 500,000 frames (≈300 MB) holds the deepest recursion of Go's own test programs (peano:
 * 9! = 362,880 nested calls); a deeper recursion, infinite or not, ends in the fatal error.
 */
export const maxGoFrames = 500_000;

/** A function's body run as a new segment of its goroutine's calls (see segFrames). */
export class Segment {
  constructor(
    readonly gen: Iterator<Op, unknown, unknown>,
    /** The function the segment starts with (its `$site`: name, file, declaration line), for a stack overflow's innermost frame. */
    readonly fn?: { $site?: { fn: string; file: string; line: number; a?: boolean } },
  ) {}
}

/**
 * The fatal stack overflow of a goroutine past maxGoFrames entering seg's function: Go's newstack
 * runs in that function's prologue (morestack), so the function is the innermost frame, at its
 * declaration's line. The traceback is taken here, with that frame on top.
 */
function stackOverflowPanic(ctx: GCtx, seg: Segment): GoPanic {
  const p = new GoPanic(null, stackOverflow);
  p.fatal = stackOverflow;
  const site = seg.fn?.$site;
  if (site !== undefined) ctx.fr.push({ fn: site.fn, l: site.line, a: site.a !== false, p: null, r: false, file: site.file, g: null });
  p.trace = frameText(ctx.fr);
  if (site !== undefined) ctx.fr.pop();
  return p;
}

/**
 * An empty frame stack with room for four frames (a goroutine parked a few calls deep: its function,
 * a library call). V8 gives an empty array's first push 17 slots (152 B), most of a parked
 * goroutine's frame stack (issue 14: bytes per parked goroutine); a literal popped empty keeps its
 * literal's room. A deeper stack grows as any array does.
 */
function frameStack(): Frame[] {
  const fr = [null, null, null, null] as unknown as Frame[];
  while (fr.length > 0) fr.pop();
  return fr;
}

/**
 * The goroutine state of panics and the `go` statements it ran: few goroutines need it before they
 * exit, so a GCtx allocates it on first use (GCtx.extra; issue 14: bytes per parked goroutine).
 */
export class GCtxExtra {
  trace: string | null = null;
  overflow = false;
  /** Bytes of the goroutine's frames that hold large locals (bigFrame): their share of Go's 1 GB stack. */
  stackBytes = 0;
  /** The Origin of the last goroutine it started: a loop of `go` statements shares one (goOp). */
  lastOrigin: Origin | null = null;
}

export class GCtx {
  fr: Frame[] = frameStack();
  /** Frame count at which a call starts a new segment (segFrames above the current segment's base). */
  segTop = segFrames;
  /** `created by` lines (creator function + location), null for main. */
  created: string | null = null;
  /**
   * Frame count of the deferred function allowed to recover (0 = none). These five fields stay on
   * the GCtx: every call of a function with deferred calls writes them (rd), so a GCtxExtra would be
   * one more allocation per goroutine that defers.
   */
  recDepth = 0;
  recFrame: Frame | null = null;
  /** The frame whose deferred calls are running (rd), and the recover rights it had itself. */
  deferFrame: Frame | null = null;
  outerRecDepth = 0;
  outerRecFrame: Frame | null = null;
  /** The rarely used state, allocated on first non-zero write (x()). */
  extra: GCtxExtra | null = null;
  /** The GCtxExtra, allocated on first use. */
  x(): GCtxExtra {
    let e = this.extra;
    if (e === null) this.extra = e = new GCtxExtra();
    return e;
  }
  /** Frames captured when a panic left the goroutine. */
  get trace(): string | null {
    return this.extra === null ? null : this.extra.trace;
  }
  set trace(v: string | null) {
    if (v !== null || this.extra !== null) this.x().trace = v;
  }
  /** The trace is a stack overflow's (nothing of the runtime's above its frames), not a panic's. */
  get overflow(): boolean {
    return this.extra === null ? false : this.extra.overflow;
  }
  set overflow(v: boolean) {
    if (v || this.extra !== null) this.x().overflow = v;
  }
}

/** runtime.Goexit unwinding the goroutine's frames (deferred calls run; recover() returns nil). */
export class GoexitSignal {}

/**
 * The goroutine whose code is running: a register, not run state — every Body makes its own context
 * current before it runs a step (and callSync restores it), as Go's g lives in a thread register, so
 * interleaved runs (a sweep, the web app) never see each other's goroutines through it.
 */
export const S = { cur: new GCtx() };

/** At a segment's limit: the function entered now must run as a new segment (see segFrames). */
export function deep(): boolean {
  return S.cur.fr.length >= S.cur.segTop;
}

/**
 * Run segment `seg` of goroutine `ctx` to completion from the driver's stack, forwarding the ops it
 * yields (its own deeper segments run the same way): its result, or its exception rethrown.
 */
function* runSegment(ctx: GCtx, seg: Segment): Generator<Op, unknown, unknown> {
  if (ctx.fr.length >= maxGoFrames) throw stackOverflowPanic(ctx, seg);
  const saveTop = ctx.segTop;
  ctx.segTop = ctx.fr.length + segFrames;
  try {
    const it = seg.gen;
    let v: unknown;
    for (;;) {
      S.cur = ctx;
      const r = it.next(v);
      if (r.done) return r.value;
      v = r.value instanceof Segment ? yield* runSegment(ctx, r.value) : yield r.value;
    }
  } finally {
    ctx.segTop = saveTop;
    S.cur = ctx;
  }
}

export function enter(fn: string, a: boolean, file: string): Frame {
  const f: Frame = { fn, l: 0, a, p: null, r: false, file, g: null };
  S.cur.fr.push(f);
  return f;
}
export function leave(): void {
  S.cur.fr.pop();
}

/**
 * maxstacksize on 64-bit (proc.go runtime.main: 1,000,000,000 bytes): newstack's limit. The model counts
 * only the frames of functions whose stack-resident locals are large (bigFrameBytes: the compiler's
 * sum of their sizes, compiler/stmt.ts); small frames reach maxGoFrames first.
 */
const maxStackBytes = 1_000_000_000;
/** A frame at least this large is accounted (compiler/stmt.ts emits bigFrame for it): 64 KiB. */
export const bigFrameBytes = 65536;

/**
 * Entering a function whose locals take `bytes` of its stack frame (at its declaration's `line`): the
 * goroutine's stack grows by them, and past maxStackBytes it is Go's fatal "stack overflow" with the
 * function on top at its declaration's line (newstack runs in its prologue). A recursion whose frames
 * each hold a 512 KiB array overflows after ≈1,900 calls on go1.19.8 (gotests/stack_overflow_big.go).
 */
export function bigFrame(f: Frame, bytes: number, line: number): void {
  const x = S.cur.x();
  x.stackBytes += bytes;
  if (x.stackBytes <= maxStackBytes) return;
  const p = new GoPanic(null, stackOverflow);
  p.fatal = stackOverflow;
  f.l = line;
  p.trace = frameText(S.cur.fr);
  throw p;
}
/** Leaving a function bigFrame accounted (also when bigFrame threw: its bytes were added). */
export function leaveBig(bytes: number): void {
  S.cur.fr.pop();
  S.cur.x().stackBytes -= bytes;
}

function frameText(fr: Frame[]): string {
  let s = '';
  const n = fr.length;
  // A deep stack keeps only what a release can print (elideFrames): its innermost keepInner and
  // outermost keepOuter frames, and how many lie between.
  const cut = n > keepInner + keepOuter;
  for (let i = n - 1; i >= 0; i--) {
    if (cut && i === n - 1 - keepInner) {
      s += `${elidedMark}${n - keepInner - keepOuter}\n`;
      i = keepOuter;
      continue;
    }
    const f = fr[i]!;
    s += `${f.fn}(${f.a ? '...' : ''})\n\t${f.file}:${f.l} +0x0\n`;
  }
  return s;
}

/**
 * How many frames of a traceback a release prints (traceback.go): go1.19 prints the innermost
 * _TracebackMaxFrames = 100 and, when it stopped there, `...additional frames elided...`; since 1.21
 * (VersionProfile.tracebackInnerOuter) the innermost tracebackInnerFrames = 50, `...N frames
 * elided...` and the outermost tracebackOuterFrames = 50. frameText keeps enough for both.
 */
const tracebackMaxFrames119 = 100;
const tracebackInnerFrames = 50;
const tracebackOuterFrames = 50;
const keepInner = tracebackMaxFrames119;
const keepOuter = tracebackOuterFrames;
/** The line frameText puts where it left frames out, followed by their number. */
const elidedMark = '$elided ';

/**
 * Cut trace text `s` (frames of two or more lines each, maybe frameText's elided mark) to what the
 * release prints. `hidden`: the runtime's unprinted frames above the first one (gopanic under a
 * panic, gopark and its callers under a parked goroutine: frames.ts hiddenTopFrames), which go1.19's
 * 100-frame walk counts (gentraceback returns the frames it printed, and `...additional frames
 * elided...` follows only when that is all 100) and go1.21+'s does not.
 */
function elideFrames(s: string, innerOuter: boolean, hidden: number): string {
  const lines = s.split('\n');
  const units: string[] = [];
  let left = 0;
  for (const l of lines) {
    if (l.startsWith(elidedMark)) left += Number(l.slice(elidedMark.length));
    else if (l.startsWith('\t') && units.length > 0) units[units.length - 1] += `${l}\n`;
    else if (l !== '') units.push(`${l}\n`);
  }
  const total = units.length + left;
  if (!innerOuter) {
    const nprint = Math.min(total, Math.max(0, tracebackMaxFrames119 - hidden));
    return units.slice(0, nprint).join('') + (nprint === tracebackMaxFrames119 ? '...additional frames elided...\n' : '');
  }
  if (total <= tracebackInnerFrames + tracebackOuterFrames) return units.join('');
  return (
    units.slice(0, tracebackInnerFrames).join('') +
    `...${total - tracebackInnerFrames - tracebackOuterFrames} frames elided...\n` +
    units.slice(units.length - tracebackOuterFrames).join('')
  );
}

/** catch handler of every generated function: normalise, and snapshot the frames once. */
export function unw(e: unknown): GoPanic {
  if (e instanceof GoexitSignal) return e as unknown as GoPanic;
  const p = toPanic(e);
  if (p.trace === null) p.trace = frameText(S.cur.fr);
  return p;
}

/** Run the deferred calls of frame f (LIFO). A panic in one replaces the current panic. */
export function* rd(f: Frame, d: (() => GoBody)[]): Generator<Op, void, unknown> {
  const ctx = S.cur;
  // A fatal error (throw, fatal, a fatal signal) does not unwind: no deferred call runs and nothing
  // recovers it (panic.go fatalthrow/fatalpanic never reach the defer chain).
  if (f.p instanceof GoPanic && f.p.fatal !== undefined) return;
  while (d.length > 0) {
    const fn = d.pop()!;
    const saveDepth = ctx.recDepth;
    const saveFrame = ctx.recFrame;
    const saveDefer = ctx.deferFrame;
    const saveOuterDepth = ctx.outerRecDepth;
    const saveOuterFrame = ctx.outerRecFrame;
    ctx.deferFrame = f;
    ctx.outerRecDepth = saveDepth;
    ctx.outerRecFrame = saveFrame;
    ctx.recDepth = f.p !== null ? ctx.fr.length + 1 : 0;
    ctx.recFrame = f;
    try {
      const it = fn();
      // The generated thunk (`function* () { … }`, a new closure per defer statement run) makes a
      // generator of its own map: called through generatorNext, as Body.step does, not `it.next`.
      const plain = isPlainGenerator(it);
      let v: unknown;
      for (;;) {
        S.cur = ctx;
        const r = plain ? generatorNext.call(it, v) : it.next(v);
        if (r.done) break;
        v = r.value instanceof Segment ? yield* runSegment(ctx, r.value) : yield r.value;
      }
      // The deferred call returned: a panic it recovered is gone from the chain.
      f.rp = null;
    } catch (e) {
      S.cur = ctx;
      const p = unw(e);
      // The panic this deferred call ran for (or recovered and then panicked anyway) stays on the
      // chain under the new one (panic.go gopanic: p.link = gp._panic).
      const prev = f.p instanceof GoPanic ? f.p : (f.rp ?? null);
      if (prev !== null && p instanceof GoPanic && p !== prev && p.link === null) p.link = prev;
      if (prev !== null && p instanceof GoPanic && p !== prev) traceOverPanic(p, prev, f, ctx.fr);
      f.rp = null;
      f.p = p;
    }
    S.cur = ctx;
    // (a deferred recover() may have used f's own right to recover: deferredRecover)
    ctx.recDepth = ctx.outerRecDepth;
    ctx.recFrame = saveFrame;
    ctx.deferFrame = saveDefer;
    ctx.outerRecDepth = saveOuterDepth;
    ctx.outerRecFrame = saveOuterFrame;
  }
}

/**
 * `defer recover()`: the builtin itself deferred. Run by the panic machinery (its frame is
 * panicking) it recovers nothing; run by its frame's return it is a call of that frame, so it
 * recovers when the frame may (a deferred function of a panicking frame: test/recover1.go test5–7).
 */
export function deferredRecover(): Iface | null {
  const ctx = S.cur;
  const f = ctx.deferFrame;
  if (f === null || f.p !== null) return null;
  const depth = ctx.recDepth;
  const frame = ctx.recFrame;
  ctx.recDepth = ctx.outerRecDepth;
  ctx.recFrame = ctx.outerRecFrame;
  try {
    return recover();
  } finally {
    ctx.outerRecDepth = ctx.recDepth;
    ctx.recDepth = depth;
    ctx.recFrame = frame;
  }
}

/** recover(): the panic value if called directly by a deferred function of a panicking frame. */
export function recover(): Iface | null {
  const ctx = S.cur;
  const f = ctx.recFrame;
  if (f === null || !(f.p instanceof GoPanic) || ctx.fr.length !== ctx.recDepth) return null;
  const p = f.p;
  if (p.fatal !== undefined) return null;
  f.p = null;
  f.r = true;
  p.recovered = true;
  f.rp = p;
  ctx.recDepth = 0;
  return p.value ?? null;
}

/**
 * Where a `go` statement started a goroutine: the traceback's `created by` lines and the frame
 * shown before the goroutine first runs, kept as their parts and formatted only if a traceback is
 * printed (a program starting 100k goroutines prints none). Immutable: goroutines started from the
 * same frame at the same line share one (goOp).
 */
export class Origin {
  constructor(
    /** The creating frame (null: no frame, as for runtime-started goroutines). */
    readonly creatorFn: string | null,
    readonly creatorFile: string,
    /** Its line at the go statement (the frame's line moves on afterwards). */
    readonly creatorLine: number,
    readonly name: string,
    /** Line of the started function (0: none shown before it runs). */
    readonly entryLine: number,
    readonly entryArgs: boolean,
    readonly entryFile: string,
  ) {}
  /** Whether it is the Origin these parts make. */
  is(creatorFn: string | null, creatorFile: string, creatorLine: number, name: string, entryLine: number, entryArgs: boolean, entryFile: string): boolean {
    return (
      this.creatorFn === creatorFn &&
      this.creatorFile === creatorFile &&
      this.creatorLine === creatorLine &&
      this.name === name &&
      this.entryLine === entryLine &&
      this.entryArgs === entryArgs &&
      this.entryFile === entryFile
    );
  }
  created(): string | null {
    return this.creatorFn === null ? null : `created by ${this.creatorFn}\n\t${this.creatorFile}:${this.creatorLine} +0x0\n`;
  }
  entry(): string | null {
    return this.entryLine > 0 ? `${this.name}(${this.entryArgs ? '...' : ''})\n\t${this.entryFile}:${this.entryLine} +0x0\n` : null;
  }
}

/**
 * %GeneratorPrototype%.next, called directly on a goroutine's own generator (Body.step). Every `go
 * func(){…}` makes a new closure, and V8 gives each generator function its own map for the generators
 * it makes, so `it.next` at that one site sees one map per goroutine: a megamorphic load (a stub-cache
 * lookup that misses with 20k goroutines) on every step. The builtin is what `it.next` finds anyway.
 */
const generatorPrototype: object | null = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())) as object | null;
const generatorNext = (generatorPrototype as { next: (this: Iterator<Op, unknown, unknown>, v: unknown) => IteratorResult<Op, unknown> }).next;

/** Whether `it` is an ordinary generator object, whose `next` is %GeneratorPrototype%.next. */
function isPlainGenerator(it: Iterator<Op, unknown, unknown>): boolean {
  const proto = Object.getPrototypeOf(it) as object | null;
  return proto !== null && Object.getPrototypeOf(proto) === generatorPrototype && !Object.prototype.hasOwnProperty.call(proto, 'next') && !Object.prototype.hasOwnProperty.call(it, 'next');
}

/** A goroutine body: a generator with Go tracebacks. */
export class Body implements Iterator<Op, unknown, unknown> {
  ctx = new GCtx();
  /** The run's heap marker (rt/gcmark.ts): set on main's body only, the one the runtime asks (liveHeap). */
  marker: HeapMarker | null = null;
  /** The first function's generator is a plain generator: step calls generatorNext on it directly. */
  private readonly plain: boolean;
  /** Frame shown before the goroutine first runs (`main.f(...)` at the function's line). */
  private entry: string | null;
  private origin: Origin | null;
  constructor(private gen: Iterator<Op, unknown, unknown>, created: string | Origin | null, entry: string | null = null) {
    this.plain = isPlainGenerator(gen);
    if (created instanceof Origin) {
      this.origin = created;
      this.entry = null;
    } else {
      this.origin = null;
      this.ctx.created = created;
      this.entry = entry;
    }
  }
  /**
   * The bytes of heap reachable from the program's roots and the frames of `bodies` (the runtime's
   * goroutines; those that are not compiled Go have none): runtime/mgc.ts startCycle's live heap.
   * −1 when this body has no marker (not main's).
   */
  liveHeap(bodies: readonly unknown[]): number {
    if (this.marker === null) return -1;
    const ctxs: GCtx[] = [];
    for (const b of bodies) if (b instanceof Body) ctxs.push(b.ctx);
    return this.marker.mark(ctxs);
  }
  /** The pointer-holding part of what the last liveHeap found (runtime/mgc.ts LiveHeapSource.liveHeapScan). */
  liveHeapScan(): number {
    return this.marker === null ? -1 : this.marker.scanBytes;
  }
  /**
   * wakefing (runtime/mgc.ts LiveHeapSource.fingwake): the batch of finalizers the last mark
   * queued (rt/mfinal.ts), for the finalizer goroutine; null otherwise or not main's body.
   */
  fingwake(): (() => Generator<Op, void, unknown>) | null {
    return this.marker?.finq?.fingwake() ?? null;
  }
  /** The `created by` lines and the not-yet-started frame, formatting an Origin on first use. */
  private materialise(): void {
    const o = this.origin;
    if (o === null) return;
    this.origin = null;
    this.ctx.created = o.created();
    this.entry = o.entry();
  }
  /**
   * Deeper segments of this goroutine's calls (see segFrames), innermost last, each with its caller's
   * segTop; null until the first (most goroutines never need one: an empty array is 32 B per parked
   * goroutine).
   */
  private segs: { it: Iterator<Op, unknown, unknown>; top: number }[] | null = null;
  /** Resume the innermost segment: a finished one resumes its caller with its result or exception. */
  private step(v: unknown): IteratorResult<Op, unknown> {
    const ctx = this.ctx;
    let thrown: unknown = null;
    let threw = false;
    for (;;) {
      S.cur = ctx;
      const segs = this.segs;
      const seg = segs !== null && segs.length > 0 ? segs[segs.length - 1]! : null;
      const it = seg === null ? this.gen : seg.it;
      let r: IteratorResult<Op, unknown>;
      try {
        if (threw) {
          threw = false;
          r = it.throw!(thrown);
        } else r = seg === null && this.plain ? generatorNext.call(it, v) : it.next(v);
      } catch (e) {
        if (seg === null) throw e;
        segs!.pop();
        ctx.segTop = seg.top;
        thrown = e;
        threw = true;
        continue;
      }
      if (r.done) {
        if (seg === null) return r;
        segs!.pop();
        ctx.segTop = seg.top;
        v = r.value;
        continue;
      }
      if (r.value instanceof Segment) {
        if (ctx.fr.length >= maxGoFrames) {
          thrown = stackOverflowPanic(ctx, r.value);
          threw = true;
          continue;
        }
        (this.segs ??= []).push({ it: r.value.gen, top: ctx.segTop });
        ctx.segTop = ctx.fr.length + segFrames;
        v = undefined;
        continue;
      }
      return r;
    }
  }
  /**
   * A step's result held back while the allocation that preceded it goes to the runtime (next): the
   * generated code hands allocations over on Work ops ($W), so a step that allocates and then
   * yields another op (a WaitGroup.Done, a channel send) or returns would lose them.
   */
  private held: IteratorResult<Op, unknown> | null = null;
  next(v?: unknown): IteratorResult<Op, unknown> {
    S.cur = this.ctx;
    const held = this.held;
    if (held !== null) {
      this.held = null;
      return held;
    }
    heap.b = 0;
    heap.l = 0;
    heap.u = 0;
    heap.n = 0; // this step's allocations only (malloc.ts)
    cpu.ns = 0; // and its CPU charged by run-time code (cpu.ts)
    try {
      const r = this.step(v);
      if (heap.b > 0 && (r.done === true || r.value.k !== K.Work)) {
        // mallocgc ran in this step (the heap grew, maybe a cycle starts) before the op or the return.
        this.held = r;
        return { done: false, value: { k: K.Work, ns: 0, every: 0, alloc: heap.b, allocLarge: heap.l, allocBuffers: heap.u, allocSpans: heap.n } };
      }
      return r;
    } catch (e) {
      if (e instanceof GoexitSignal) return { done: false, value: { k: K.Goexit } };
      const p = unw(e);
      this.ctx.trace = p.trace;
      this.ctx.overflow = p.fatal === stackOverflow;
      if (p.fatal === stackOverflow) throw new GoThrow(stackOverflow, newstackOverflow, ['newstack', 'morestack']);
      if (p.userFatal === true) throw new GoFatal(p.fatal!);
      if (p.fatal) {
        const err = new Error(p.fatal);
        throw err;
      }
      throw p;
    }
  }
  /**
   * Go's traceback of this goroutine. `system`: the form runtime.throw prints (GOTRACEBACK=system):
   * frame lines carry ` fp=0x0 sp=0x0 pc=0x0` and the goroutine ends in runtime.goexit (proposed
   * engine use: Runtime.throw's goroutine dump passes true). `style`: the run's release's parts
   * (Runtime.tracebackStyle): ` in goroutine N` after `created by f` (Go 1.21+), the goexit frame.
   */
  traceback(system = false, style: TracebackStyle = go119Style): string {
    this.materialise();
    let s = this.ctx.trace ?? (this.ctx.fr.length === 0 && this.entry !== null ? this.entry : frameText(this.ctx.fr));
    if (s.includes(gopanicSite)) s = s.split(gopanicSite).join(style.gopanic ?? 'runtime/panic.go');
    if (system) {
      const unstarted = this.ctx.trace === null && this.ctx.fr.length === 0 && this.entry !== null;
      s = s.replace(/^(\t.*?)( \+0x0)?$/gm, (_m, loc: string, off: string | undefined) => `${loc}${unstarted ? '' : off ?? ''} fp=0x0 sp=0x0 pc=0x0`);
      // A goroutine's stack ends in goexit; main.main's, in runtime.main and goexit.
      if (this.ctx.created === null && style.runtimeMain !== undefined) s += `${style.runtimeMain} +0x0 fp=0x0 sp=0x0 pc=0x0\n`;
      s += `${style.goexit} +0x0 fp=0x0 sp=0x0 pc=0x0\n`;
    }
    // Above a panic's frames (its trace) sits gopanic; above a stack overflow's, nothing (morestack ran on g0).
    const hidden = this.ctx.trace !== null ? (this.ctx.overflow ? 0 : 1) : (style.hiddenTop ?? 0);
    s = elideFrames(s, style.innerOuterFrames === true, hidden);
    let created = this.ctx.created;
    if (created !== null) {
      // A goroutine the standard library started: its go statement's site in the run's release.
      const m = /^created by (\S+)\n\t(\S+)/.exec(created);
      const site = m ? style.stdCreators?.[m[1]!] : undefined;
      if (m && site !== undefined) created = created.replace(m[2]!, site);
      s += style.createdIn === 0 ? created : created.replace('\n', ` in goroutine ${style.createdIn}\n`);
    }
    return s;
  }
}

/**
 * The Go op for `go f(args)`. `start` makes the goroutine's generator; the compiled code has already
 * evaluated the function value and the arguments (Go evaluates them in the calling goroutine). The
 * body gets its traceback.
 */
export function goOp(start: () => Iterator<Op, unknown, unknown>, name: string, entryLine: number, entryArgs: boolean, entryFile: string): Op {
  const cur = S.cur;
  const top = cur.fr[cur.fr.length - 1];
  const creatorFn = top ? top.fn : null;
  const creatorFile = top ? top.file : '';
  const creatorLine = top ? top.l : 0;
  // Origins are immutable: the goroutines a loop starts from one go statement share one.
  const x = cur.x();
  let origin = x.lastOrigin;
  if (origin === null || !origin.is(creatorFn, creatorFile, creatorLine, name, entryLine, entryArgs, entryFile)) {
    x.lastOrigin = origin = new Origin(creatorFn, creatorFile, creatorLine, name, entryLine, entryArgs, entryFile);
  }
  return { k: K.Go, fn: startGoroutine as never, args: [start, origin], name };
}

/** newproc's call of a Go op's fn: the goroutine's body (one shared function, no closure per go statement). */
function startGoroutine(start: () => Iterator<Op, unknown, unknown>, origin: Origin): Body {
  return new Body(start(), origin);
}

/** Drive a generator to completion synchronously (String()/Error() methods called by fmt). */
export function callSync(it: Iterator<Op, unknown, unknown>): unknown {
  const ctx = S.cur;
  let v: unknown;
  for (let i = 0; i < 1e7; i++) {
    const r = it.next(v);
    S.cur = ctx;
    if (r.done) return r.value;
    if (r.value instanceof Segment) {
      // a deep call inside a String/Error method: run its segment synchronously too
      const saveTop = ctx.segTop;
      ctx.segTop = ctx.fr.length + segFrames;
      try {
        v = callSync(r.value.gen);
      } finally {
        ctx.segTop = saveTop;
      }
      continue;
    }
    v = undefined;
    if (r.value.k !== K.Work) throw new GoPanic(null, 'gmpsim: a String/Error method called by fmt blocked (not supported)');
  }
  return undefined;
}

export { GoPanic };

/**
 * runtime.Breakpoint: gc's INT3 stops the process with SIGTRAP ("SIGTRAP: trace trap", exit 2). Here
 * a fatal, unrecoverable error with that message and the goroutine's traceback (printed as a panic's:
 * `panic: SIGTRAP: trace trap`, without the signal's PC line).
 */
export function breakpoint(): never {
  const p = new GoPanic(null, 'SIGTRAP: trace trap');
  p.fatal = 'SIGTRAP: trace trap';
  throw p;
}

/**
 * runtime.Caller(skip): the file and line of the skip-th Go frame up from the caller of Caller
 * (skip 0: the caller itself, at its current line). Simplified: the frames of the runtime itself
 * (runtime.main, goexit, gopanic under a deferred call) are not counted, so beyond the program's
 * frames it reports ok = false, and the pc is 0 (runtime.FuncForPC is not supported).
 */
export function caller(skip: number): [number, string, number, boolean] {
  const fr = S.cur.fr;
  const i = fr.length - 1 - skip;
  if (!(skip >= 0) || i < 0) return [0, '', 0, false];
  const f = fr[i]!;
  return [0, f.file, f.l, true];
}

/** One frame of runtime.Callers: its function, file and current line. */
export interface SiteFrame {
  fn: string;
  file: string;
  line: number;
}

/**
 * The goroutine's frames innermost first, as runtime.Callers walks them from its caller: inside a
 * deferred call run for a panic (recovered or not), the deferred call's frames, gopanic's, then
 * the frames the panic left from its site down (the deferred call runs on top of the panicking
 * stack: traceOverPanic). Simplified: the runtime's own frames (runtime.main, goexit, sigpanic)
 * are not listed, and gopanic's has no file and line.
 */
export function callerFrames(): SiteFrame[] {
  const ctx = S.cur;
  const fr = ctx.fr;
  const f = ctx.deferFrame;
  const p = f === null ? null : f.p instanceof GoPanic ? f.p : (f.rp ?? null);
  const at = f === null ? -1 : fr.indexOf(f);
  const base = p !== null && p.trace !== null && at >= 0 ? at + 1 : 0;
  const out: SiteFrame[] = [];
  for (let i = fr.length - 1; i >= base; i--) out.push({ fn: fr[i]!.fn, file: fr[i]!.file, line: fr[i]!.l });
  if (base === 0) return out;
  out.push({ fn: 'runtime.gopanic', file: '', line: 0 });
  const lines = p!.trace!.split('\n');
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const name = /^(.*)\((?:\.\.\.)?\)$/.exec(lines[i]!);
    const site = /^\t(.*):(\d+)(?: \+0x0)?$/.exec(lines[i + 1]!);
    if (name === null || site === null) break;
    out.push(site[1] === gopanicSite ? { fn: 'runtime.gopanic', file: '', line: 0 } : { fn: name[1]!, file: site[1]!, line: Number(site[2]) });
  }
  return out;
}

export function goexit(): never {
  throw new GoexitSignal();
}
