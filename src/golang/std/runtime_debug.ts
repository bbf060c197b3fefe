/**
 * Package runtime/debug: SetMaxThreads is the engine's limit on Ms (exceeding it is Go's
 * "fatal error: thread exhaustion"); SetGCPercent and SetMemoryLimit set the GC model's GOGC and
 * GOMEMLIMIT (runtime/mgc.ts); FreeOSMemory does nothing.
 * It links package os (runtime/debug imports os: `go list -deps runtime/debug` with go1.19.8 and
 * go1.26.8), so a program importing it has the finalizer goroutine and os's start-up syscalls.
 */
import { tInt, tInt64 } from '../types.js';
import { pkg, F, fn, op, subset } from './registry.js';

pkg('runtime/debug', {
  SetMaxThreads: F(fn([tInt], [tInt]), (a) => op(`{k: $K.SetMaxThreads, n: ${a[0]}}`)),
  // The GC model's GOGC and GOMEMLIMIT (runtime/mgc.ts)
  SetGCPercent: F(fn([tInt], [tInt]), (a) => op(`{k: $K.SetGCPercent, n: ${a[0]}}`)),
  SetMemoryLimit: F(fn([tInt64], [tInt64]), (a) => op(`{k: $K.SetMemoryLimit, n: ${a[0]}}`)),
  FreeOSMemory: F(fn([]), () => 'void 0'),
  $unsupported: subset(),
}, true);
