/**
 * Package runtime: the calls that talk to the simulated scheduler (GOMAXPROCS, Gosched, Goexit,
 * NumGoroutine, NumCPU, LockOSThread/UnlockOSThread) are ops handled by the engine (workload/ops.ts)
 * exactly where Go's runtime would act; the rest are constants of the recorded platform.
 *
 * Simplified: there is no garbage collector, so GC and ReadMemStats only cost CPU time (100 µs and
 * 10 µs) and leave MemStats at zero, SetFinalizer never runs its finalizer, NumCgoCall is 0.
 */
import { basic, newNamed, tInt, tInt64, tString } from '../types.js';
import { pkg, F, C, T, fn, ptr, op, tAny, tUint32, tUint64, subset } from './registry.js';

export const tMemStats = newNamed('MemStats', 'runtime', {
  k: 'struct',
  fields: ['Alloc', 'TotalAlloc', 'Sys', 'Mallocs', 'Frees', 'HeapAlloc', 'HeapSys', 'HeapObjects', 'NumGC'].map((n) => ({ name: n, type: n === 'NumGC' ? tUint32 : tUint64, embedded: false, js: n })),
});
/** runtime.Error (runtime/error.go): the interface of run-time panics' values (rt/panics.ts tRuntimeError). */
export const tError = newNamed('Error', 'runtime', { k: 'iface', methods: new Map([['Error', fn([], [tString])], ['RuntimeError', fn([])]]) });
pkg('runtime', {
  Error: T(tError),
  GOMAXPROCS: F(fn([tInt], [tInt]), (a) => op(`{k: $K.GOMAXPROCS, n: ${a[0]}}`)),
  Gosched: F(fn([]), () => op(`{k: $K.Gosched}`)),
  Goexit: F(fn([]), () => `$R.goexit()`),
  NumGoroutine: F(fn([], [tInt]), () => op(`{k: $K.NumGoroutine}`)),
  NumCPU: F(fn([], [tInt]), () => op(`{k: $K.NumCPU}`)),
  LockOSThread: F(fn([]), () => op(`{k: $K.LockOSThread}`)),
  UnlockOSThread: F(fn([]), () => op(`{k: $K.UnlockOSThread}`)),
  GC: F(fn([]), () => '$c += 100000'),
  ReadMemStats: F(fn([ptr(tMemStats)]), () => '$c += 10000'),
  MemStats: T(tMemStats),
  NumCgoCall: F(fn([], [tInt64]), () => '0'),
  // the toolchain the references were recorded with
  Version: F(fn([], [tString]), () => "'go1.19.8'"),
  GOOS: C(basic('untyped string'), 'linux'),
  GOARCH: C(basic('untyped string'), 'amd64'),
  KeepAlive: F(fn([tAny]), () => 'void 0'),
  $unsupported: subset(),
  SetFinalizer: F(fn([tAny, tAny]), () => 'void 0'),
  Compiler: C(basic('untyped string'), 'gc'),
});
