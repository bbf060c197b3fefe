/**
 * Package runtime/debug: SetMaxThreads is the engine's limit on Ms (exceeding it is Go's
 * "fatal error: thread exhaustion"); the garbage-collector knobs do nothing, as there is no GC.
 */
import { tInt } from '../types.js';
import { pkg, F, fn, op, subset } from './registry.js';

pkg('runtime/debug', {
  SetMaxThreads: F(fn([tInt], [tInt]), (a) => op(`{k: $K.SetMaxThreads, n: ${a[0]}}`)),
  // Go's default GOGC, returned as the previous setting
  SetGCPercent: F(fn([tInt], [tInt]), () => '100'),
  FreeOSMemory: F(fn([]), () => 'void 0'),
  $unsupported: subset(),
});
