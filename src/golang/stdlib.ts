/**
 * The standard-library subset not yet in a module of its own under std/ (errors, fmt, io, sync,
 * sync/atomic): each package member has a Go type (for the checker) and a code generator (for
 * calls), declared with std/registry.ts. Runtime implementations live in pkgrt*.ts (`$P`), value
 * helpers in lib.ts/lib2.ts (`$L`).
 */
import { pkgs, tError, type PkgMember } from './core.js';
import { type Type, tBool, tInt, tInt32, tInt64, tUint8, tFloat64, tString, newNamed } from './types.js';
import { tUint32, tUint64, tUintptr, tAny, sl, ptr, tBytes, fn, vAny, pkg, F, C, T, V, native, method, op, write, arr } from './std/registry.js';
import './std/os.js';

// ---------------------------------------------------------------- errors, fmt, io

export const tErrorString = native('errorString', 'errors', '$P.ErrorString', { k: 'struct', fields: [{ name: 's', type: tString, embedded: false, js: 's' }] });
method(tErrorString, 'Error', fn([], [tString]), false);
export const tErrorStringPtr: Type = ptr(tErrorString);

pkg('errors', {
  New: F(fn([tString], [tError]), (a) => `$P.newError(${a[0]})`),
  Is: F(fn([tError, tError], [tBool]), (a) => `$L.equal(${a[0]}, ${a[1]})`),
});

export const tWriter = newNamed('Writer', 'io', { k: 'iface', methods: new Map([['Write', fn([tBytes], [tInt, tError])]]) });
export const tReader = newNamed('Reader', 'io', { k: 'iface', methods: new Map([['Read', fn([tBytes], [tInt, tError])]]) });

const pw = (fd: string, text: string): string => `(yield* $P.pw(${fd}, ${text}))`;
const IE = [tInt, tError];
pkg(
  'fmt',
  {
    Println: F(fn([vAny], IE, true), (a) => pw('1', `$L.sprint(${arr(a[0]!)}, true)`)),
    Print: F(fn([vAny], IE, true), (a) => pw('1', `$L.sprint(${arr(a[0]!)}, false)`)),
    Printf: F(fn([tString, vAny], IE, true), (a) => pw('1', `$L.sprintf(${a[0]}, ${arr(a[1]!)})`)),
    Sprintf: F(fn([tString, vAny], [tString], true), (a) => `$L.sprintf(${a[0]}, ${arr(a[1]!)})`),
    Sprint: F(fn([vAny], [tString], true), (a) => `$L.sprint(${arr(a[0]!)}, false)`),
    Sprintln: F(fn([vAny], [tString], true), (a) => `$L.sprint(${arr(a[0]!)}, true)`),
    Errorf: F(fn([tString, vAny], [tError], true), (a) => `$P.newError($L.sprintf(${a[0]}.replace(/%w/g, '%v'), ${arr(a[1]!)}))`),
    Fprintln: F(fn([tWriter, vAny], IE, true), (a) => `(yield* $P.fwrite(${a[0]}, $L.sprint(${arr(a[1]!)}, true)))`),
    Fprintf: F(fn([tWriter, tString, vAny], IE, true), (a) => `(yield* $P.fwrite(${a[0]}, $L.sprintf(${a[1]}, ${arr(a[2]!)})))`),
    Fprint: F(fn([tWriter, vAny], IE, true), (a) => `(yield* $P.fwrite(${a[0]}, $L.sprint(${arr(a[1]!)}, false)))`),
  },
  true,
);

pkg('io', {
  Writer: T(tWriter),
  Reader: T(tReader),
  EOF: V(tError, '$P.EOF'),
  ReadAll: F(fn([tReader], [tBytes, tError]), (a) => `(yield* $P.readAll(${a[0]}))`),
  ReadFull: F(fn([tReader, tBytes], [tInt, tError]), (a) => `(yield* $P.readFull(${a[0]}, ${a[1]}))`),
  $unsupported: C(tInt, 0),
});

pkg('io/ioutil', { ReadFile: pkgs.get('os')!.get('ReadFile')!, ReadAll: pkgs.get('io')!.get('ReadAll')!, WriteFile: pkgs.get('os')!.get('WriteFile')! }, true);
// ---------------------------------------------------------------- sync, sync/atomic

export const tLocker = newNamed('Locker', 'sync', { k: 'iface', methods: new Map([['Lock', fn([])], ['Unlock', fn([])]]) });
export const tWaitGroup = native('WaitGroup', 'sync', '$P.WaitGroup');
method(tWaitGroup, 'Add', fn([tInt]), true);
method(tWaitGroup, 'Done', fn([]), true);
method(tWaitGroup, 'Wait', fn([]), true);
export const tMutex = native('Mutex', 'sync', '$P.Mutex');
method(tMutex, 'Lock', fn([]), true);
method(tMutex, 'Unlock', fn([]), true);
method(tMutex, 'TryLock', fn([], [tBool]), false);
export const tRWMutex = native('RWMutex', 'sync', '$P.RWMutex');
for (const m of ['Lock', 'Unlock', 'RLock', 'RUnlock']) method(tRWMutex, m, fn([]), true);
export const tOnce = native('Once', 'sync', '$P.Once');
method(tOnce, 'Do', fn([fn([])]), true);
export const tCond = native('Cond', 'sync', '$P.Cond', { k: 'struct', fields: [{ name: 'L', type: tLocker, embedded: false, js: 'L' }] });
method(tCond, 'Wait', fn([]), true);
method(tCond, 'Signal', fn([]), true);
method(tCond, 'Broadcast', fn([]), true);

pkg('sync', {
  WaitGroup: T(tWaitGroup),
  Mutex: T(tMutex),
  RWMutex: T(tRWMutex),
  Once: T(tOnce),
  Cond: T(tCond),
  Locker: T(tLocker),
  NewCond: F(fn([tLocker], [ptr(tCond)]), (a) => `new $P.Cond(${a[0]})`),
  $unsupported: C(tInt, 0),
});

const atomicMembers: Record<string, PkgMember> = {};
for (const [nm, t] of [
  ['Int32', tInt32],
  ['Int64', tInt64],
  ['Uint32', tUint32],
  ['Uint64', tUint64],
  ['Uintptr', tUintptr],
] as const) {
  const p = ptr(t);
  const w = nm === 'Int32' ? (x: string): string => `((${x}) | 0)` : nm === 'Uint32' ? (x: string): string => `((${x}) >>> 0)` : nm.startsWith('Uint') ? (x: string): string => `$L.wu64(${x})` : (x: string): string => `$L.w64(${x})`;
  atomicMembers[`Add${nm}`] = F(fn([p, t], [t]), (a) => `((r, d) => (r.v = ${w('r.v + d')}))($L.nn(${a[0]}), ${a[1]})`);
  atomicMembers[`Load${nm}`] = F(fn([p], [t]), (a) => `$L.nn(${a[0]}).v`);
  atomicMembers[`Store${nm}`] = F(fn([p, t]), (a) => `void ($L.nn(${a[0]}).v = ${a[1]})`);
  atomicMembers[`Swap${nm}`] = F(fn([p, t], [t]), (a) => `((r, v) => { const o = r.v; r.v = v; return o; })($L.nn(${a[0]}), ${a[1]})`);
  atomicMembers[`CompareAndSwap${nm}`] = F(fn([p, t, t], [tBool]), (a) => `((r, o, v) => r.v === o ? (r.v = v, true) : false)($L.nn(${a[0]}), ${a[1]}, ${a[2]})`);
  // the typed atomics of Go 1.19 (atomic.Int64 …)
  if (nm !== 'Uintptr') {
    const at = native(nm, 'atomic', '$P.AtomicBox');
    method(at, 'Load', fn([], [t]), false);
    method(at, 'Store', fn([t]), false);
    method(at, 'Add', fn([t], [t]), false);
    method(at, 'Swap', fn([t], [t]), false);
    method(at, 'CompareAndSwap', fn([t, t], [tBool]), false);
    atomicMembers[nm] = T(at);
  }
}
const tAtomicBool = native('Bool', 'atomic', '$P.AtomicBool');
method(tAtomicBool, 'Load', fn([], [tBool]), false);
method(tAtomicBool, 'Store', fn([tBool]), false);
method(tAtomicBool, 'CompareAndSwap', fn([tBool, tBool], [tBool]), false);
atomicMembers.Bool = T(tAtomicBool);
const tAtomicValue = native('Value', 'atomic', '$P.AtomicValue');
method(tAtomicValue, 'Load', fn([], [tAny]), false);
method(tAtomicValue, 'Store', fn([tAny]), false);
atomicMembers.Value = T(tAtomicValue);
pkg('sync/atomic', atomicMembers);

export { tAny, tInt, tInt64, tFloat64, tString, tBool, tUint8, tError, tUint32, tUint64, tUintptr, tBytes, fn, F, C, T, V, pkg, native, method, op, write, arr, sl, ptr, vAny };
