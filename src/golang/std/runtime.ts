/**
 * Package runtime: the calls that talk to the simulated scheduler (GOMAXPROCS, Gosched, Goexit,
 * NumGoroutine, NumCPU, LockOSThread/UnlockOSThread) are ops handled by the engine (workload/ops.ts)
 * exactly where Go's runtime would act; the rest are constants of the recorded platform.
 *
 * runtime.GC and ReadMemStats are the engine's (runtime/mgc.ts: a forced cycle; a stop-the-world that
 * copies the GC model's statistics into MemStats: heap, goal, pauses, cycle counts, GC CPU fraction).
 * Simplified: Mallocs, Frees and HeapObjects stay 0 (the model counts bytes, not objects),
 * SetFinalizer never runs its finalizer, NumCgoCall is 0, MemProfileRate is a variable nothing reads;
 * Caller reports the program's frames only (rt/goroutine.ts caller).
 */
import { basic, newNamed, tBool, tFloat64, tInt, tInt64, tString, type Type } from '../types.js';
import { pkg, F, C, T, V, fn, ptr, op, tAny, tUint32, tUint64, tUintptr, subset } from './registry.js';

const memStatsField: Record<string, Type> = { NumGC: tUint32, NumForcedGC: tUint32, GCCPUFraction: tFloat64, PauseNs: { k: 'array', elem: tUint64, len: 256 } };
export const tMemStats = newNamed('MemStats', 'runtime', {
  k: 'struct',
  fields: ['Alloc', 'TotalAlloc', 'Sys', 'Mallocs', 'Frees', 'HeapAlloc', 'HeapSys', 'HeapObjects', 'NextGC', 'LastGC', 'PauseTotalNs', 'PauseNs', 'NumGC', 'NumForcedGC', 'GCCPUFraction'].map((n) => ({
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
  ReadMemStats: F(fn([ptr(tMemStats)]), (a) => `$L.setMemStats(${a[0]}, ${op(`{k: $K.ReadMemStats}`)})`),
  MemStats: T(tMemStats),
  NumCgoCall: F(fn([], [tInt64]), () => '0'),
  // the toolchain the release's references were recorded with (go1.19.8, go1.26.8)
  Version: { kind: 'func', t: fn([], [tString]), call: (_a, c) => JSON.stringify(c.lang.toolchain) },
  MemProfileRate: V(tInt, '$proc.memProfileRate'),
  Caller: F(fn([tInt], [tUintptr, tString, tInt, tBool]), (a) => `$R.caller(${a[0]})`),
  GOOS: C(basic('untyped string'), 'linux'),
  GOARCH: C(basic('untyped string'), 'amd64'),
  KeepAlive: F(fn([tAny]), () => 'void 0'),
  $unsupported: subset(),
  SetFinalizer: F(fn([tAny, tAny]), () => 'void 0'),
  Compiler: C(basic('untyped string'), 'gc'),
});
