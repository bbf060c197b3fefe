/**
 * cgo (`import "C"`): a call of a C function is a cgo call to the scheduler — the M enters a system
 * call (entersyscall … exitsyscall), so its P can be handed off while the C code runs.
 * `C.usleep(n)` and `C.sleep(n)` block for n µs / n s; any other C function takes
 * CompileOptions.cgo[name] ns (default `cgoDefault`), returns a C int (0; getpid a plausible pid).
 *
 * Package C has no fixed members: the compiler resolves them on use with `cgoMember` (program.ts
 * gives each compilation its own view of package C with that compilation's durations).
 */
import type { PkgMember } from '../core.js';
import { basic } from '../types.js';
import { pkg, F, fn, op, sl, tAny, tUint32, subset } from './registry.js';

/** What package C offers, for the README's support list (its members are not declared). */
export const supportNote = 'any C function, as a cgo call (`C.usleep`, `C.sleep` block; others take `CompileOptions.cgo[name]` ns)';

/** The declared package C (only its subset marker: the functions come from `cgoMember`). */
export const cPkg = pkg('C', { $unsupported: subset() });

const cInt = basic('int32');
/** The member `C.<name>` of a compilation whose C functions take `cgo[name]` ns (else `dflt`). */
export function cgoMember(name: string, cgo: Record<string, number>, dflt: number): PkgMember {
  if (name === 'usleep') return F(fn([tUint32], [cInt]), (a) => `(${op(`{k: $K.Syscall, ns: (${a[0]}) * 1000, mode: 'cgo', name: 'C.usleep', sleep: true}`)}, 0)`);
  if (name === 'sleep') return F(fn([tUint32], [cInt]), (a) => `(${op(`{k: $K.Syscall, ns: (${a[0]}) * 1e9, mode: 'cgo', name: 'C.sleep', sleep: true}`)}, 0)`);
  const ns = cgo[name] ?? dflt;
  // Any other C function: a cgo call of `ns`, returning a C int (getpid returns a plausible pid).
  const ret = name === 'getpid' ? '4242' : '0';
  return F(fn([sl(tAny)], [cInt], true), () => `(${op(`{k: $K.Syscall, ns: ${ns}, mode: 'cgo', name: 'C.${name}'}`)}, ${ret})`);
}
