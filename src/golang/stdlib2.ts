/**
 * Standard library, part 2: runtime, runtime/debug, runtime/pprof, os/signal, net,
 * strings, strconv, math, math/rand, and cgo (`import "C"`).
 *
 * cgo: `C.usleep(n)` and `C.sleep(n)` block for n µs / n s; any other C function is a call of
 * `cgoDefault` ns (CompileOptions.cgo maps a C function name to its duration in ns, e.g.
 * `{ compute: 2e6 }`). Each is a cgo call to the scheduler (entersyscall/exitsyscall).
 */
import { pkgs, tError } from './core.js';
import { K } from '../workload/ops.js';
import './stdlib.js'; // declares errors and fmt, which this module extends
import { type Type, basic, tBool, tInt, tInt32, tInt64, tFloat64, tString, tUint8, newNamed } from './types.js';
import { F, C, T, V, pkg, native, method, op, fn, sl, ptr, tAny, tUint32, tUint64, tBytes, vAny } from './std/registry.js';
import { tDuration, tTime } from './std/time.js';
import { tFilePtr, tSignal } from './std/os.js';

// ---------------------------------------------------------------- runtime, debug, pprof

const tMemStats = newNamed('MemStats', 'runtime', {
  k: 'struct',
  fields: ['Alloc', 'TotalAlloc', 'Sys', 'Mallocs', 'Frees', 'HeapAlloc', 'HeapSys', 'HeapObjects', 'NumGC'].map((n) => ({ name: n, type: n === 'NumGC' ? tUint32 : tUint64, embedded: false, js: n })),
});
pkg('runtime', {
  GOMAXPROCS: F(fn([tInt], [tInt]), (a) => op(`{k: ${K.GOMAXPROCS}, n: ${a[0]}}`)),
  Gosched: F(fn([]), () => op(`{k: ${K.Gosched}}`)),
  Goexit: F(fn([]), () => `$R.goexit()`),
  NumGoroutine: F(fn([], [tInt]), () => op(`{k: ${K.NumGoroutine}}`)),
  NumCPU: F(fn([], [tInt]), () => op(`{k: ${K.NumCPU}}`)),
  LockOSThread: F(fn([]), () => op(`{k: ${K.LockOSThread}}`)),
  UnlockOSThread: F(fn([]), () => op(`{k: ${K.UnlockOSThread}}`)),
  GC: F(fn([]), () => '$c += 100000'),
  ReadMemStats: F(fn([ptr(tMemStats)]), () => '$c += 10000'),
  MemStats: T(tMemStats),
  NumCgoCall: F(fn([], [tInt64]), () => '0'),
  Version: F(fn([], [tString]), () => "'go1.19.8'"),
  GOOS: C(basic('untyped string'), 'linux'),
  GOARCH: C(basic('untyped string'), 'amd64'),
  KeepAlive: F(fn([tAny]), () => 'void 0'),
  $unsupported: C(tInt, 0),
});
pkg('runtime/debug', {
  SetMaxThreads: F(fn([tInt], [tInt]), (a) => op(`{k: ${K.SetMaxThreads}, n: ${a[0]}}`)),
  SetGCPercent: F(fn([tInt], [tInt]), () => '100'),
  FreeOSMemory: F(fn([]), () => 'void 0'),
  $unsupported: C(tInt, 0),
});
const tProfile = native('Profile', 'pprof', '$P.Profile');
method(tProfile, 'Count', fn([], [tInt]), true);
method(tProfile, 'Name', fn([], [tString]), false);
pkg('runtime/pprof', { Lookup: F(fn([tString], [ptr(tProfile)]), (a) => `new $P.Profile(${a[0]})`), Profile: T(tProfile), $unsupported: C(tInt, 0) });

// ---------------------------------------------------------------- os/signal

pkg('os/signal', {
  Notify: F(fn([{ k: 'chan', elem: tSignal, dir: 'both' }, sl(tSignal)], [], true), (a) => `(yield* $P.signalNotify($proc, ${a[0]}))`),
  $unsupported: C(tInt, 0),
});
pkg('syscall$signals', {});

// ---------------------------------------------------------------- net

// ---------------------------------------------------------------- strings, strconv, math, rand

const S = tString;
pkg('strings', {
  Contains: F(fn([S, S], [tBool]), (a) => `${a[0]}.includes(${a[1]})`),
  HasPrefix: F(fn([S, S], [tBool]), (a) => `${a[0]}.startsWith(${a[1]})`),
  HasSuffix: F(fn([S, S], [tBool]), (a) => `${a[0]}.endsWith(${a[1]})`),
  Index: F(fn([S, S], [tInt]), (a) => `${a[0]}.indexOf(${a[1]})`),
  Repeat: F(fn([S, tInt], [S]), (a) => `${a[0]}.repeat(${a[1]})`),
  ToUpper: F(fn([S], [S]), (a) => `${a[0]}.toUpperCase()`),
  ToLower: F(fn([S], [S]), (a) => `${a[0]}.toLowerCase()`),
  TrimSpace: F(fn([S], [S]), (a) => `${a[0]}.trim()`),
  Split: F(fn([S, S], [sl(S)]), (a) => `$L.sliceLit(${a[0]}.split(${a[1]}))`),
  Fields: F(fn([S], [sl(S)]), (a) => `$L.sliceLit(${a[0]}.split(/[ \\t\\n\\r]+/).filter((x) => x !== ''))`),
  Join: F(fn([sl(S), S], [S]), (a) => `$L.sliceToArray(${a[0]}).join(${a[1]})`),
  Replace: F(fn([S, S, S, tInt], [S]), (a) => `$P.strReplace(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`),
  ReplaceAll: F(fn([S, S, S], [S]), (a) => `${a[0]}.split(${a[1]}).join(${a[2]})`),
  Count: F(fn([S, S], [tInt]), (a) => `(${a[0]}.split(${a[1]}).length - 1)`),
  TrimPrefix: F(fn([S, S], [S]), (a) => `$P.trimPrefix(${a[0]}, ${a[1]})`),
  TrimSuffix: F(fn([S, S], [S]), (a) => `$P.trimSuffix(${a[0]}, ${a[1]})`),
  $unsupported: C(tInt, 0),
});
pkg('strconv', {
  Itoa: F(fn([tInt], [S]), (a) => `String(${a[0]})`),
  Atoi: F(fn([S], [tInt, tError]), (a) => `$P.atoi(${a[0]})`),
  Quote: F(fn([S], [S]), (a) => `$L.sprintf('%q', [{t: $P.tString, v: ${a[0]}}])`),
  FormatInt: F(fn([tInt64, tInt], [S]), (a) => `${a[0]}.toString(${a[1]})`),
  ParseInt: F(fn([S, tInt, tInt], [tInt64, tError]), (a) => `$P.atoi(${a[0]}, ${a[1]})`),
  ParseFloat: F(fn([S, tInt], [tFloat64, tError]), (a) => `$P.atof(${a[0]})`),
  FormatFloat: F(fn([tFloat64, tUint8, tInt, tInt], [S]), (a) => `$L.sprintf('%' + (${a[2]} >= 0 ? '.' + ${a[2]} : '') + String.fromCharCode(${a[1]}), [{t: $P.tFloat64, v: ${a[0]}}])`),
  $unsupported: C(tInt, 0),
});
const F64 = tFloat64;
const m1 = (js: string) => F(fn([F64], [F64]), (a) => `${js}(${a[0]})`);
pkg('math', {
  Sqrt: m1('Math.sqrt'),
  Abs: m1('Math.abs'),
  Floor: m1('Math.floor'),
  Ceil: m1('Math.ceil'),
  Log: m1('Math.log'),
  Exp: m1('Math.exp'),
  Sin: m1('Math.sin'),
  Cos: m1('Math.cos'),
  Trunc: m1('Math.trunc'),
  Round: F(fn([F64], [F64]), (a) => `$P.round(${a[0]})`),
  Pow: F(fn([F64, F64], [F64]), (a) => `Math.pow(${a[0]}, ${a[1]})`),
  Max: F(fn([F64, F64], [F64]), (a) => `Math.max(${a[0]}, ${a[1]})`),
  Min: F(fn([F64, F64], [F64]), (a) => `Math.min(${a[0]}, ${a[1]})`),
  Inf: F(fn([tInt], [F64]), (a) => `(${a[0]} >= 0 ? Infinity : -Infinity)`),
  IsNaN: F(fn([F64], [tBool]), (a) => `Number.isNaN(${a[0]})`),
  Pi: C(basic('untyped float'), Math.PI),
  E: C(basic('untyped float'), Math.E),
  MaxInt: C(basic('untyped int'), 9223372036854775807),
  MinInt: C(basic('untyped int'), -9223372036854775808),
  MaxInt64: C(basic('untyped int'), 9223372036854775807),
  MinInt64: C(basic('untyped int'), -9223372036854775808),
  MaxInt32: C(basic('untyped int'), 2147483647),
  MinInt32: C(basic('untyped int'), -2147483648),
  MaxUint32: C(basic('untyped int'), 4294967295),
  MaxInt16: C(basic('untyped int'), 32767),
  MaxInt8: C(basic('untyped int'), 127),
  MaxUint8: C(basic('untyped int'), 255),
  MaxFloat64: C(basic('untyped float'), Number.MAX_VALUE),
  $unsupported: C(tInt, 0),
});
pkg('math/rand', {
  Intn: F(fn([tInt], [tInt]), (a) => `$proc.rand.intn(${a[0]})`),
  Int: F(fn([], [tInt]), () => `$proc.rand.int63()`),
  Int63: F(fn([], [tInt64]), () => `$proc.rand.int63()`),
  Int31n: F(fn([tInt32], [tInt32]), (a) => `$proc.rand.intn(${a[0]})`),
  Int63n: F(fn([tInt64], [tInt64]), (a) => `$proc.rand.intn(${a[0]})`),
  Float64: F(fn([], [F64]), () => `$proc.rand.float64()`),
  Seed: F(fn([tInt64]), (a) => `$proc.rand.seed(${a[0]})`),
  Shuffle: F(fn([tInt, fn([tInt, tInt])], []), (a) => `(yield* $P.shuffle($proc, ${a[0]}, ${a[1]}))`),
  Perm: F(fn([tInt], [sl(tInt)]), (a) => `$proc.rand.perm(${a[0]})`),
  $unsupported: C(tInt, 0),
});
pkg('unicode/utf8', {
  RuneCountInString: F(fn([S], [tInt]), (a) => `$L.runeCount(${a[0]})`),
  RuneLen: F(fn([tInt32], [tInt]), (a) => `$L.runeToString(${a[0]}).length`),
  $unsupported: C(tInt, 0),
});
// `import "C"`: members are resolved on use (see call.ts / cgoMember).
pkg('C', { $unsupported: C(tInt, 0) });

export function cgoMember(name: string, cgo: Record<string, number>, dflt: number): import('./core.js').PkgMember {
  const ci = basic('int32');
  if (name === 'usleep') return F(fn([tUint32], [ci]), (a) => `(${op(`{k: ${K.Syscall}, ns: (${a[0]}) * 1000, mode: 'cgo', name: 'C.usleep'}`)}, 0)`);
  if (name === 'sleep') return F(fn([tUint32], [ci]), (a) => `(${op(`{k: ${K.Syscall}, ns: (${a[0]}) * 1e9, mode: 'cgo', name: 'C.sleep'}`)}, 0)`);
  const ns = cgo[name] ?? dflt;
  // Any other C function: a cgo call of `ns`, returning a C int (getpid returns a plausible pid).
  const ret = name === 'getpid' ? '4242' : '0';
  return F({ k: 'func', params: [sl(tAny)], results: [ci], variadic: true }, () => `(${op(`{k: ${K.Syscall}, ns: ${ns}, mode: 'cgo', name: 'C.${name}'}`)}, ${ret})`);
}
export function cgoType(name: string): Type | null {
  const m: Record<string, Type> = { int: tInt32, uint: tUint32, long: tInt64, ulong: tUint64, char: basic('int8'), double: tFloat64, uint32_t: tUint32, int64_t: tInt64 };
  return m[name] ?? null;
}

export { pkgs, vAny, tFilePtr, tBytes, tInt32, tUint8, tAny };

// ---------------------------------------------------------------- sort (the common three)
pkg('sort', {
  Ints: F(fn([sl(tInt)]), (a) => `$P.sortSlice(${a[0]}, (x, y) => x - y)`),
  Strings: F(fn([sl(tString)]), (a) => `$P.sortSlice(${a[0]}, (x, y) => (x < y ? -1 : x > y ? 1 : 0))`),
  Float64s: F(fn([sl(tFloat64)]), (a) => `$P.sortSlice(${a[0]}, (x, y) => x - y)`),
  Slice: F(fn([tAny, fn([tInt, tInt], [tBool])]), (a) => `(yield* $P.sortBy(${a[0]}, ${a[1]}))`),
  SliceStable: F(fn([tAny, fn([tInt, tInt], [tBool])]), (a) => `(yield* $P.sortBy(${a[0]}, ${a[1]}))`),
  $unsupported: C(tInt, 0),
});

// ---------------------------------------------------------------- more: errors, os, filepath, bufio, unsafe
{
  const errs = pkgs.get('errors')!;
  errs.set('Is', F(fn([tError, tError], [tBool]), (a) => `$P.errorsIs(${a[0]}, ${a[1]})`));
  errs.set('Unwrap', F(fn([tError], [tError]), (a) => `$P.errorsUnwrap(${a[0]})`));
  const fmtp = pkgs.get('fmt')!;
  fmtp.set('Stringer', T(newNamed('Stringer', 'fmt', { k: 'iface', methods: new Map([['String', fn([], [tString])]]) })));
  fmtp.set('Errorf', F(fn([tString, vAny], [tError], true), (a) => `$P.errorf(${a[0]}, $L.sliceToArray(${a[1]}))`));
  fmtp.set('Sscanf', F(fn([tString, tString, vAny], [tInt, tError], true), (a) => `$P.sscanf(${a[0]}, ${a[1]}, $L.sliceToArray(${a[2]}))`));
  fmtp.set('Sscan', F(fn([tString, vAny], [tInt, tError], true), (a) => `$P.sscanf(${a[0]}, null, $L.sliceToArray(${a[1]}))`));
}
pkg('path/filepath', {
  Join: F(fn([sl(tString)], [tString], true), (a) => `$P.pathJoin($L.sliceToArray(${a[0]}))`),
  Base: F(fn([tString], [tString]), (a) => `$P.pathBase(${a[0]})`),
  Dir: F(fn([tString], [tString]), (a) => `$P.pathDir(${a[0]})`),
  $unsupported: C(tInt, 0),
});
pkg('path', { Join: pkgs.get('path/filepath')!.get('Join')!, Base: pkgs.get('path/filepath')!.get('Base')!, $unsupported: C(tInt, 0) });
export const tBufReader = native('Reader', 'bufio', '$P.BufReader');
method(tBufReader, 'ReadString', fn([tUint8], [tString, tError]), true);
method(tBufReader, 'Read', fn([tBytes], [tInt, tError]), true);
export const tBufWriter = native('Writer', 'bufio', '$P.BufWriter');
method(tBufWriter, 'WriteString', fn([tString], [tInt, tError]), true);
method(tBufWriter, 'Write', fn([tBytes], [tInt, tError]), true);
method(tBufWriter, 'Flush', fn([], [tError]), true);
pkg('bufio', {
  Reader: T(tBufReader),
  Writer: T(tBufWriter),
  NewReader: F(fn([pkgs.get('io')!.get('Reader')!.t], [ptr(tBufReader)]), (a) => `new $P.BufReader(${a[0]})`),
  NewWriter: F(fn([pkgs.get('io')!.get('Writer')!.t], [ptr(tBufWriter)]), (a) => `new $P.BufWriter(${a[0]})`),
  $unsupported: C(tInt, 0),
});
pkg('unsafe', { Pointer: T(basic('unsafe.Pointer')), $unsupported: C(tInt, 0) });

// ---------------------------------------------------------------- strings.Builder, bytes.Buffer, misc
export const tBuilder = native('Builder', 'strings', '$P.Builder');
export const tBuffer = native('Buffer', 'bytes', '$P.Builder');
for (const t of [tBuilder, tBuffer]) {
  method(t, 'WriteString', fn([tString], [tInt, tError]), false);
  method(t, 'WriteByte', fn([tUint8], [tError]), false);
  method(t, 'WriteRune', fn([tInt32], [tInt, tError]), false);
  method(t, 'Write', fn([tBytes], [tInt, tError]), false);
  method(t, 'String', fn([], [tString]), false);
  method(t, 'Len', fn([], [tInt]), false);
  method(t, 'Reset', fn([]), false);
}
pkgs.get('strings')!.set('Builder', T(tBuilder));
pkgs.get('strings')!.set('NewReplacer', { kind: 'func', t: fn([]), call: () => '$PKG("strings.NewReplacer")' });
pkgs.get('strings')!.delete('NewReplacer');
pkg('bytes', {
  Buffer: T(tBuffer),
  NewBufferString: F(fn([tString], [ptr(tBuffer)]), (a) => `$P.Builder.of(${a[0]})`),
  Equal: F(fn([tBytes, tBytes], [tBool]), (a) => `($L.bytesToString(${a[0]}) === $L.bytesToString(${a[1]}))`),
  $unsupported: C(tInt, 0),
});
{
  const u8 = pkgs.get('unicode/utf8')!;
  u8.set('DecodeRuneInString', F(fn([tString], [tInt32, tInt]), (a) => `($s => $s.length === 0 ? [65533, 0] : $L.decodeRune($s, 0))(${a[0]})`));
  u8.set('RuneError', C(basic('untyped rune'), 0xfffd));
  u8.set('ValidString', F(fn([tString], [tBool]), (a) => `!$L.decodeUTF8(${a[0]}).includes('\\ufffd')`));
  const m = pkgs.get('math')!;
  m.set('NaN', F(fn([], [tFloat64]), () => 'NaN'));
  m.set('IsInf', F(fn([tFloat64, tInt], [tBool]), (a) => `(($x, $s) => ($s >= 0 && $x === Infinity) || ($s <= 0 && $x === -Infinity))(${a[0]}, ${a[1]})`));
  m.set('Mod', F(fn([tFloat64, tFloat64], [tFloat64]), (a) => `(${a[0]} % ${a[1]})`));
  const rt = pkgs.get('runtime')!;
  rt.set('SetFinalizer', F(fn([tAny, tAny]), () => 'void 0'));
  rt.set('Compiler', C(basic('untyped string'), 'gc'));
}

// ---------------------------------------------------------------- context
export const tContext = newNamed('Context', 'context', {
  k: 'iface',
  methods: new Map([
    ['Done', fn([], [{ k: 'chan', elem: { k: 'struct', fields: [] }, dir: 'recv' }])],
    ['Err', fn([], [tError])],
    ['Value', fn([tAny], [tAny])],
  ]),
});
export const tCancelCtx = native('cancelCtx', 'context', '$P.Ctx');
method(tCancelCtx, 'Done', fn([], [{ k: 'chan', elem: { k: 'struct', fields: [] }, dir: 'recv' }]), false);
method(tCancelCtx, 'Err', fn([], [tError]), false);
method(tCancelCtx, 'Value', fn([tAny], [tAny]), false);
const tCancelFunc = newNamed('CancelFunc', 'context', fn([]));
pkg('context', {
  Context: T(tContext),
  CancelFunc: T(tCancelFunc),
  Canceled: V(tError, '$P.Canceled'),
  DeadlineExceeded: V(tError, '$P.DeadlineExceeded'),
  Background: F(fn([], [tContext]), () => '$P.background()'),
  // Go's own name for an empty context (like Background), not an unfinished-work marker.
  'TODO': F(fn([], [tContext]), () => '$P.background()'),
  WithCancel: F(fn([tContext], [tContext, tCancelFunc]), (a) => `(yield* $P.withCancel(${a[0]}))`),
  WithTimeout: F(fn([tContext, tDuration], [tContext, tCancelFunc]), (a) => `(yield* $P.withTimeout(${a[0]}, ${a[1]}))`),
  WithDeadline: F(fn([tContext, tTime], [tContext, tCancelFunc]), (a) => `(yield* $P.withTimeout(${a[0]}, ${a[1]} - ${op(`{k: ${K.Nanotime}}`)}))`),
  WithValue: F(fn([tContext, tAny, tAny], [tContext]), (a) => `$P.withValue(${a[0]}, ${a[1]}, ${a[2]})`),
  $unsupported: C(tInt, 0),
});

export const tSyncMap = native('Map', 'sync', '$P.SyncMap');
method(tSyncMap, 'Store', fn([tAny, tAny]), false);
method(tSyncMap, 'Load', fn([tAny], [tAny, tBool]), false);
method(tSyncMap, 'LoadOrStore', fn([tAny, tAny], [tAny, tBool]), false);
method(tSyncMap, 'LoadAndDelete', fn([tAny], [tAny, tBool]), false);
method(tSyncMap, 'Delete', fn([tAny]), false);
method(tSyncMap, 'Range', fn([fn([tAny, tAny], [tBool])]), true);
pkgs.get('sync')!.set('Map', T(tSyncMap));
