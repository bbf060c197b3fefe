/**
 * Package runtime: the calls that talk to the simulated scheduler (GOMAXPROCS, Gosched, Goexit,
 * NumGoroutine, NumCPU, LockOSThread/UnlockOSThread) are ops handled by the engine (workload/ops.ts)
 * exactly where Go's runtime would act; the rest are constants of the recorded platform.
 *
 * runtime.GC and ReadMemStats are the engine's (runtime/mgc.ts: a forced cycle; a stop-the-world that
 * copies the GC model's statistics into MemStats: heap, goal, pauses, cycle counts, GC CPU fraction).
 * Simplified: Mallocs, Frees and HeapObjects stay 0 (the model counts bytes, not objects),
 * SetFinalizer's finalizers run on the run's heap mark (rt/mfinal.ts), NumCgoCall is 0, MemProfileRate is a variable nothing reads;
 * Caller reports the program's frames only (rt/goroutine.ts caller).
 */
import { epochUnix } from './time.js';
import { basic, newNamed, tBool, tFloat64, tInt, tInt64, tString, type Type, type NamedType } from '../types.js';
import { pkg, F, C, T, V, fn, ptr, sl, op, tAny, tUint32, tUint64, tUintptr, subset, native, method } from './registry.js';
import { callerFrames, type SiteFrame } from '../rt/goroutine.js';
export { setFinalizer } from '../rt/mfinal.js';
import { type Slice, sset } from '../rt/slices.js';
import type { Process } from './process.js';

/**
 * Program counters (runtime.Callers, Func, Frame): each distinct call site a program asked about
 * gets one pc, handed out in order from the text segment's start (0x401000, where the Go linker
 * puts .text on linux/amd64); the table is run state (Process.pcs), so a run's pcs depend only on
 * what it asked. Simplified: a pc names one site, not one instruction; Func.FileLine(pc) is that
 * site's file and line, Func.Entry() the pc of its function's first site asked about.
 */
export class PcTable {
  private readonly byKey = new Map<string, number>();
  private readonly sites: SiteFrame[] = [];
  private readonly funcs = new Map<string, Func>();
  pcOf(s: SiteFrame): number {
    const key = `${s.fn}\n${s.file}\n${s.line}`;
    let pc = this.byKey.get(key);
    if (pc === undefined) {
      pc = textStart + this.sites.length * pcStep;
      this.byKey.set(key, pc);
      this.sites.push(s);
      if (!this.funcs.has(s.fn)) this.funcs.set(s.fn, new Func(s.fn, pc, this));
    }
    return pc;
  }
  site(pc: number): SiteFrame | null {
    const i = (pc - textStart) / pcStep;
    return Number.isInteger(i) && i >= 0 && i < this.sites.length ? this.sites[i]! : null;
  }
  func(pc: number): Func | null {
    const s = this.site(pc);
    return s === null ? null : this.funcs.get(s.fn)!;
  }
}
/** linux/amd64 text segment start (cmd/link: -T default 0x401000 with 4 KiB headers). */
const textStart = 0x401000;
/** Distance between two sites' pcs. */
const pcStep = 0x10;

/** *runtime.Func (runtime/symtab.go): Name, Entry, FileLine. */
export class Func {
  constructor(
    private readonly name: string,
    private readonly entry: number,
    private readonly table: PcTable,
  ) {}
  Name(): string {
    return this.name;
  }
  Entry(): number {
    return this.entry;
  }
  FileLine(pc: number): [string, number] {
    const s = this.table.site(pc);
    return s === null || s.fn !== this.name ? ['?', 0] : [s.file, s.line];
  }
}
/** runtime.Frame (runtime/symtab.go): a frame of CallersFrames. */
export class Frame {
  PC = 0;
  Func: Func | null = null;
  Function = '';
  File = '';
  Line = 0;
  Entry = 0;
}
/** *runtime.Frames: Next returns each frame and whether more follow (symtab.go Frames.Next). */
export class Frames {
  private i = 0;
  constructor(private readonly frames: Frame[]) {}
  Next(): [Frame, boolean] {
    if (this.i >= this.frames.length) return [new Frame(), false];
    const f = this.frames[this.i++]!;
    return [f, this.i < this.frames.length];
  }
}
/** runtime.Callers(skip, pc): skip 0 is Callers itself, 1 its caller; fills pc, returns the count. */
export function Callers(p: Process, skip: number, pcs: Slice | null): number {
  const frames: SiteFrame[] = [{ fn: 'runtime.Callers', file: '', line: 0 }, ...callerFrames()];
  let n = 0;
  for (let i = Math.max(skip, 0); i < frames.length && pcs !== null && n < pcs.n; i++) sset(pcs, n++, p.pcs.pcOf(frames[i]!));
  return n;
}
/** runtime.CallersFrames(pcs): the frames of pcs Callers returned. */
export function CallersFrames(p: Process, pcs: Slice | null): Frames {
  const out: Frame[] = [];
  for (let i = 0; pcs !== null && i < pcs.n; i++) {
    const pc = pcs.a[pcs.o + i] as number;
    const s = p.pcs.site(pc);
    if (s === null) continue;
    const f = new Frame();
    f.PC = pc;
    f.Func = p.pcs.func(pc);
    f.Function = s.fn;
    f.File = s.file;
    f.Line = s.line;
    f.Entry = f.Func!.Entry();
    out.push(f);
  }
  return new Frames(out);
}
/** runtime.FuncForPC(pc): the function of a pc Callers or Caller returned, or nil. */
export function FuncForPC(p: Process, pc: number): Func | null {
  return p.pcs.func(pc);
}
/** runtime.Caller(skip): the pc, file and line of the skip-th frame up from Caller's caller. */
export function Caller(p: Process, skip: number): [number, string, number, boolean] {
  const frames = callerFrames();
  const s = skip >= 0 ? frames[skip] : undefined;
  if (s === undefined || s.file === '') return [0, '', 0, false];
  return [p.pcs.pcOf(s), s.file, s.line, true];
}

export const tFunc: NamedType = native('Func', 'runtime', '$P.runtime.Func');
method(tFunc, 'Name', fn([], [tString]), false);
method(tFunc, 'Entry', fn([], [tUintptr]), false);
method(tFunc, 'FileLine', fn([tUintptr], [tString, tInt]), false);
export const tFrame: NamedType = native('Frame', 'runtime', '$P.runtime.Frame', {
  k: 'struct',
  fields: (
    [
      ['PC', tUintptr],
      ['Func', ptr(tFunc)],
      ['Function', tString],
      ['File', tString],
      ['Line', tInt],
      ['Entry', tUintptr],
    ] as [string, Type][]
  ).map(([name, type]) => ({ name, type, embedded: false, js: name })),
});
export const tFrames: NamedType = native('Frames', 'runtime', '$P.runtime.Frames');
method(tFrames, 'Next', fn([], [tFrame, tBool]), false);

const memStatsField: Record<string, Type> = {
  NumGC: tUint32,
  NumForcedGC: tUint32,
  GCCPUFraction: tFloat64,
  EnableGC: tBool,
  DebugGC: tBool,
  PauseNs: { k: 'array', elem: tUint64, len: 256 },
  PauseEnd: { k: 'array', elem: tUint64, len: 256 },
};
/** runtime.MemStats's fields in mstats.go's order (BySize, the per-size-class table, is not modelled). */
export const tMemStats = newNamed('MemStats', 'runtime', {
  k: 'struct',
  fields: ['Alloc', 'TotalAlloc', 'Sys', 'Lookups', 'Mallocs', 'Frees', 'HeapAlloc', 'HeapSys', 'HeapIdle', 'HeapInuse', 'HeapReleased', 'HeapObjects', 'StackInuse', 'StackSys', 'MSpanInuse', 'MSpanSys', 'MCacheInuse', 'MCacheSys', 'BuckHashSys', 'GCSys', 'OtherSys', 'NextGC', 'LastGC', 'PauseTotalNs', 'PauseNs', 'PauseEnd', 'NumGC', 'NumForcedGC', 'GCCPUFraction', 'EnableGC', 'DebugGC'].map((n) => ({
    name: n,
    type: memStatsField[n] ?? tUint64,
    embedded: false,
    js: n,
  })),
});
/** runtime.Error (runtime/error.go): the interface of run-time panics' values (rt/panics.ts tRuntimeError). */
export const tError = newNamed('Error', 'runtime', { k: 'iface', methods: new Map([['Error', fn([], [tString])], ['RuntimeError', fn([])]]) });
pkg('runtime', {
  Error: T(tError),
  GOMAXPROCS: F(fn([tInt], [tInt]), (a) => op(`{k: $K.GOMAXPROCS, n: ${a[0]}}`)),
  Gosched: F(fn([]), () => op(`{k: $K.Gosched}`)),
  Goexit: F(fn([]), () => `$R.goexit()`),
  Breakpoint: F(fn([]), () => `$R.breakpoint()`),
  NumGoroutine: F(fn([], [tInt]), () => op(`{k: $K.NumGoroutine}`)),
  NumCPU: F(fn([], [tInt]), () => op(`{k: $K.NumCPU}`)),
  LockOSThread: F(fn([]), () => op(`{k: $K.LockOSThread}`)),
  UnlockOSThread: F(fn([]), () => op(`{k: $K.UnlockOSThread}`)),
  GC: F(fn([]), () => op(`{k: $K.GC}`)),
  ReadMemStats: F(fn([ptr(tMemStats)]), (a) => `$L.setMemStats(${a[0]}, ${op(`{k: $K.ReadMemStats}`)}, ${epochUnix}000000000n)`),
  MemStats: T(tMemStats),
  NumCgoCall: F(fn([], [tInt64]), () => '0'),
  // the toolchain the release's references were recorded with (go1.19.8, go1.26.8)
  Version: { kind: 'func', t: fn([], [tString]), call: (_a, c) => JSON.stringify(c.lang.toolchain) },
  MemProfileRate: V(tInt, '$proc.memProfileRate'),
  Caller: F(fn([tInt], [tUintptr, tString, tInt, tBool]), (a) => `$P.runtime.Caller($proc, ${a[0]})`),
  Callers: F(fn([tInt, sl(tUintptr)], [tInt]), (a) => `$P.runtime.Callers($proc, ${a[0]}, ${a[1]})`),
  CallersFrames: F(fn([sl(tUintptr)], [ptr(tFrames)]), (a) => `$P.runtime.CallersFrames($proc, ${a[0]})`),
  FuncForPC: F(fn([tUintptr], [ptr(tFunc)]), (a) => `$P.runtime.FuncForPC($proc, ${a[0]})`),
  Func: T(tFunc),
  Frame: T(tFrame),
  Frames: T(tFrames),
  GOOS: C(basic('untyped string'), 'linux'),
  GOARCH: C(basic('untyped string'), 'amd64'),
  KeepAlive: F(fn([tAny]), () => 'void 0'),
  $unsupported: subset(),
  SetFinalizer: F(fn([tAny, tAny]), (a) => `(yield* $P.runtime.setFinalizer($proc.finq, ${a[0]}, ${a[1]}))`),
  Compiler: C(basic('untyped string'), 'gc'),
});
