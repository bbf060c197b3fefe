/**
 * How a standard-library package is declared: its members, each with a Go type for the checker and,
 * for functions, a code generator for calls. A package's module (std/<name>.ts) declares its members
 * with `pkg(...)` and holds their run-time code beside them (what the generated code calls through
 * `$P.<module>.<name>`); per-run state is never in a module: it lives in the run's Process
 * (std/process.ts), which the generated code passes as `$proc`.
 *
 * Packages that link package os (and so create the finalizer goroutine at start-up, shifting
 * goroutine ids by one, as real Go does) are declared with `linksOS`.
 *
 * The registry (core.ts `pkgs`, `linksOSPkgs`) is filled while the package modules are evaluated
 * and only read afterwards: it is the library's description, the same for every program, not run
 * state (program.ts gives each compilation its own view of it, with that compilation's package C).
 */
import { pkgs, linksOSPkgs, type PkgMember, type Compiler } from '../core.js';
import type { Rat } from '../compiler/exact.js';
import { type Type, type FuncType, type NamedType, basic, tUint8, tEmptyIface, newNamed } from '../types.js';

export const tUint32 = basic('uint32');
export const tUint64 = basic('uint64');
export const tUintptr = basic('uintptr');
export const tAny = tEmptyIface;
export const sl = (elem: Type): Type => ({ k: 'slice', elem });
export const ptr = (elem: Type): Type => ({ k: 'ptr', elem });
export const tBytes = sl(tUint8);
export const vAny = sl(tAny);
export function fn(params: Type[], results: Type[] = [], variadic = false): FuncType {
  return { k: 'func', params, results, variadic };
}

/** Declare package `path` with `members` (or add them to it when it exists). */
export function pkg(path: string, members: Record<string, PkgMember>, linksOS = false): Map<string, PkgMember> {
  const m = pkgs.get(path) ?? new Map<string, PkgMember>();
  for (const [k, v] of Object.entries(members)) m.set(k, v);
  pkgs.set(path, m);
  if (linksOS) linksOSPkgs.add(path);
  return m;
}
/**
 * A function member: `call` builds the JS of a call from the compiled arguments (and, for a member whose
 * CPU cost is charged by the call site, the compilation's cost model `c.cpu`).
 */
export function F(t: FuncType, call: (a: string[], c: Compiler) => string): PkgMember {
  return { kind: 'func', t, call: (a, c) => call(a, c) };
}
/** A constant; an untyped float one may give its exact value (compiler/exact.ts), e.g. math.Pi's 63 digits. */
export function C(t: Type, cv: number | bigint | string | boolean, exact?: Rat): PkgMember {
  return exact ? { kind: 'const', t, cv, exact } : { kind: 'const', t, cv };
}
export function T(t: Type): PkgMember {
  return { kind: 'type', t };
}
export function V(t: Type, js: string): PkgMember {
  return { kind: 'var', t, js };
}
/** A native named type implemented by JS class `cls` (zero value `new cls()`). */
export function native(name: string, pkgName: string, cls: string | null, under: Type = { k: 'struct', fields: [] }): NamedType {
  return newNamed(name, pkgName, under, cls);
}
/**
 * A method of a native type: `gen` when the JS method is a generator (it may block); `since`, the
 * Go release that added it (earlier releases' programs do not see it).
 */
export function method(t: NamedType, name: string, sig: FuncType, gen: boolean, ptrRecv = true, since?: string, proc = false): void {
  t.methods.set(name, { name, sig, ptrRecv, fn: '', native: true, gen, ...(since ? { since } : {}), ...(proc ? { proc } : {}) });
}
/** Methods of t that Go defines for a nil receiver answer through `recv`, the JS of a stand-in object (MethodInfo.nilRecv). */
export function nilReceiver(t: NamedType, recv: string, names: string[]): void {
  for (const n of names) t.methods.get(n)!.nilRecv = recv;
}
/** A method given as a JS function expression of (receiver, ...args), e.g. `'((d) => d / 1e9)'`. */
export function jsMethod(t: NamedType, name: string, sig: FuncType, js: string): void {
  t.methods.set(name, { name, sig, ptrRecv: false, fn: js, native: false, gen: false });
}

/** The JS of a runtime op yielded by generated code (CPU time counted so far is charged first). */
export const op = (o: string): string => `(yield* $op(${o}))`;
/** A write(2) of program output to fd 1 or 2 (the op K.Write). */
export const write = (fd: string, text: string): string => op(`{k: $K.Write, fd: ${fd}, text: $L.decodeUTF8(${text})}`);
export const arr = (a: string): string => `$L.sliceToArray(${a})`;
/** Marks a package as a subset: a member not declared is reported as unsupported, not undefined. */
export const subset = (): PkgMember => C(basic('int'), 0);
