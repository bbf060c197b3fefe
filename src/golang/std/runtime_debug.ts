/**
 * Package runtime/debug: SetMaxThreads is the engine's limit on Ms (exceeding it is Go's
 * "fatal error: thread exhaustion"); the garbage-collector knobs do nothing, as there is no GC.
 * It links package os (runtime/debug imports os: `go list -deps runtime/debug` with go1.19.8 and
 * go1.26.8), so a program importing it has the finalizer goroutine and os's start-up syscalls.
 */
import { tInt } from '../types.js';
import { pkg, F, fn, op, subset } from './registry.js';

pkg('runtime/debug', {
  SetMaxThreads: F(fn([tInt], [tInt]), (a) => op(`{k: $K.SetMaxThreads, n: ${a[0]}}`)),
  // Go's default GOGC, returned as the previous setting
  SetGCPercent: F(fn([tInt], [tInt]), () => '100'),
  FreeOSMemory: F(fn([]), () => 'void 0'),
  $unsupported: subset(),
}, true);
