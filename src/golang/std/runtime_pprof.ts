/**
 * Package runtime/pprof: Lookup(name).Count() for the two profiles whose count is scheduler state —
 * "threadcreate" is the number of Ms ever created (the runtime's allm, the op K.ThreadCount) and
 * "goroutine" the live goroutines. Other profiles count 0; no profile can be written out.
 */
import { K, type Op } from '../../workload/ops.js';
import { tInt, tString } from '../types.js';
import { pkg, F, T, fn, ptr, native, method, subset } from './registry.js';

type Go<T = void> = Generator<Op, T, unknown>;

export class Profile {
  constructor(public name: string) {}
  *Count(): Go<number> {
    if (this.name === 'goroutine') return (yield { k: K.NumGoroutine }) as number;
    if (this.name !== 'threadcreate') return 0;
    return (yield { k: K.ThreadCount }) as number;
  }
  Name(): string {
    return this.name;
  }
}

export const tProfile = native('Profile', 'pprof', '$P.runtime_pprof.Profile');
method(tProfile, 'Count', fn([], [tInt]), true);
method(tProfile, 'Name', fn([], [tString]), false);
pkg('runtime/pprof', { Lookup: F(fn([tString], [ptr(tProfile)]), (a) => `new $P.runtime_pprof.Profile(${a[0]})`), Profile: T(tProfile), $unsupported: subset() });
