/**
 * cgo (`import "C"`): a call of a C function is a cgo call to the scheduler — the M enters a system
 * call (entersyscall … exitsyscall), so its P can be handed off while the C code runs.
 * `C.usleep(n)` and `C.sleep(n)` block for n µs / n s; any other C function takes
 * CompileOptions.cgo[name] ns (default `cgoDefault`), returns a C int (0; getpid a plausible pid):
 * gmpsim does not run C code, so the compiler warns about each such function a program calls
 * (resolve.ts; the CLI prints the warnings). C's numeric types are Go's cgo types (cTypes).
 *
 * Package C has no fixed members: the compiler resolves them on use with `cgoMember` (program.ts
 * gives each compilation its own view of package C with that compilation's durations).
 */
import type { PkgMember } from '../core.js';
import { basic, newNamed, type NamedType } from '../types.js';
import { pkg, F, T, fn, op, sl, tAny, tUint32, subset } from './registry.js';

/** What package C offers, for the README's support list (its members are not declared). */
export const supportNote = 'C\'s numeric types (`C.int` … `C.double`, `C.size_t`: cgo\'s `_Ctype_` types); any C function as a cgo call (`C.usleep`, `C.sleep` block, `C.getpid`; others — C code gmpsim does not run — take `CompileOptions.cgo[name]` ns, return 0 and are named in a warning)';

/** The declared package C (only its subset marker: the functions come from `cgoMember`). */
export const cPkg = pkg('C', { $unsupported: subset() });

/**
 * C's numeric types as cgo names them in Go: `C.int` is the defined type main._Ctype_int with Go's
 * int32 beneath (cmd/cgo/gcc.go's table for amd64: char/schar int8, uchar uint8, short int16, ushort
 * uint16, int int32, uint uint32, long int64, ulong uint64, longlong int64, ulonglong uint64, float
 * float32, double float64, size_t an alias of ulong), so `C.uint(x)` is a conversion and `%T`
 * prints main._Ctype_uint. One table for every compilation: the types are immutable and a type is
 * identical only to itself.
 */
const cTypes: ReadonlyMap<string, NamedType> = (() => {
  const m = new Map<string, NamedType>();
  const def = (c: string, go: Parameters<typeof basic>[0]): void => void m.set(c, newNamed(`_Ctype_${c}`, 'main', basic(go)));
  def('char', 'int8');
  def('schar', 'int8');
  def('uchar', 'uint8');
  def('short', 'int16');
  def('ushort', 'uint16');
  def('int', 'int32');
  def('uint', 'uint32');
  def('long', 'int64');
  def('ulong', 'uint64');
  def('longlong', 'int64');
  def('ulonglong', 'uint64');
  def('float', 'float32');
  def('double', 'float64');
  m.set('size_t', m.get('ulong')!);
  return m;
})();

const cInt = cTypes.get('int')!;
/** C functions whose behaviour gmpsim models (the rest run as a cgo call of `cgo[name]` ns returning 0). */
const modelledC = new Set(['usleep', 'sleep', 'getpid']);
/** Whether `C.<name>` is a C function gmpsim does not run (its result is made up): the compiler warns once per name. */
export function cgoUnmodelled(name: string): boolean {
  return !cTypes.has(name) && !modelledC.has(name);
}

/** The member `C.<name>` of a compilation whose C functions take `cgo[name]` ns (else `dflt`). */
export function cgoMember(name: string, cgo: Record<string, number>, dflt: number): PkgMember {
  const t = cTypes.get(name);
  if (t !== undefined) return T(t);
  if (name === 'usleep') return F(fn([tUint32], [cInt]), (a) => `(${op(`{k: $K.Syscall, ns: (${a[0]}) * 1000, mode: 'cgo', name: 'C.usleep', sleep: true}`)}, 0)`);
  if (name === 'sleep') return F(fn([tUint32], [cInt]), (a) => `(${op(`{k: $K.Syscall, ns: (${a[0]}) * 1e9, mode: 'cgo', name: 'C.sleep', sleep: true}`)}, 0)`);
  const ns = cgo[name] ?? dflt;
  // Any other C function: a cgo call of `ns`, returning a C int (getpid returns a plausible pid).
  const ret = name === 'getpid' ? '4242' : '0';
  return F(fn([sl(tAny)], [cInt], true), () => `(${op(`{k: $K.Syscall, ns: ${ns}, mode: 'cgo', name: 'C.${name}'}`)}, ${ret})`);
}
