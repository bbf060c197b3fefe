/**
 * The standard library as the generated code sees it: every package module (one per Go package),
 * imported in an order in which no module is evaluated before a module it uses, the `$P` object
 * (`$P.<module>.<name>`, one namespace per package module), and the `$m` method tables of the
 * library's native types.
 *
 * The method tables are built once, when this module is evaluated: each maps a method name to a
 * generator function of (receiver, ...args) and hangs on the type descriptor (the named type for
 * value receivers, its interned pointer type for all methods), so interface calls, fmt's
 * String/Error calls and type switches find a library type's methods the way they find a program's.
 * They are constants of the library (the same for every program and run), not run state: run state
 * lives in the Process (std/process.ts).
 *
 * Import order: errors (no std dependency) → io → fmt; time before context and os; syscall before
 * os; os before io/ioutil, os/signal and net. Package modules never import std/index.ts.
 */
import { globalTypes } from '../core.js';
import { type NamedType, type Type } from '../types.js';
import * as errors from './errors.js';
import * as io from './io.js';
import * as fmt from './fmt.js';
import * as time from './time.js';
import * as syscall from './syscall.js';
import * as os from './os.js';
import * as io_ioutil from './io_ioutil.js';
import * as bufio from './bufio.js';
import * as sync from './sync.js';
import * as sync_atomic from './sync_atomic.js';
import * as runtime from './runtime.js';
import * as runtime_debug from './runtime_debug.js';
import * as runtime_pprof from './runtime_pprof.js';
import * as os_signal from './os_signal.js';
import * as log from './log.js';
import * as net from './net.js';
import * as context from './context.js';
import * as strings from './strings.js';
import * as bytes from './bytes.js';
import * as strconv from './strconv.js';
import * as flag from './flag.js';
import * as math from './math.js';
import * as math_cmplx from './math_cmplx.js';
import * as math_rand from './math_rand.js';
import * as unicode from './unicode.js';
import * as unicode_utf8 from './unicode_utf8.js';
import * as sort from './sort.js';
import * as container_heap from './container_heap.js';
import * as container_ring from './container_ring.js';
import * as container_list from './container_list.js';
import * as path from './path.js';
import * as path_filepath from './path_filepath.js';
import * as unsafe from './unsafe.js';
import * as cgo from './cgo.js';
import * as reflect from './reflect.js';
import * as encoding from './encoding.js';
import * as encoding_base64 from './encoding_base64.js';
import * as encoding_hex from './encoding_hex.js';
import * as math_bits from './math_bits.js';
import * as crypto_sha256 from './crypto_sha256.js';
import * as net_url from './net_url.js';
import * as regexp from './regexp.js';
import * as encoding_json from './encoding_json.js';
import * as encoding_xml from './encoding_xml.js';
import * as os_exec from './os_exec.js';
import * as text_template from './text_template.js';
import * as text_tabwriter from './text_tabwriter.js';
import * as net_http from './net_http.js';
import './gosrc.js';
import { tRuntimeError } from '../rt/panics.js';

export { Process, type ProcessOptions } from './process.js';
export { cgoMember, cgoUnmodelled, cPkg } from './cgo.js';

/** The run-time code generated programs call: `$P.<module>.<name>`. */
export const $P: Readonly<Record<string, unknown>> = Object.freeze({
  errors,
  io,
  fmt,
  time,
  syscall,
  os,
  io_ioutil,
  bufio,
  sync,
  sync_atomic,
  runtime,
  runtime_debug,
  runtime_pprof,
  os_signal,
  log,
  net,
  context,
  strings,
  bytes,
  strconv,
  flag,
  math,
  math_cmplx,
  math_rand,
  unicode,
  unicode_utf8,
  sort,
  container_heap,
  container_ring,
  container_list,
  path,
  path_filepath,
  unsafe,
  cgo,
  reflect,
  encoding,
  encoding_base64,
  encoding_hex,
  math_bits,
  crypto_sha256,
  net_url,
  regexp,
  encoding_json,
  encoding_xml,
  os_exec,
  text_template,
  text_tabwriter,
  net_http,
});

type Go<T = void> = Generator<unknown, T, unknown>;
/** Build the `$m` method tables (generator wrappers) of `t` and, when given, of its pointer type. */
export function methodTable(t: NamedType, ptrT: Type | null): void {
  const tab: Record<string, unknown> = {};
  const ptab: Record<string, unknown> = {};
  for (const [name, m] of t.methods) {
    let f: (...a: unknown[]) => Go<unknown>;
    // a method Go defines for a nil receiver answers through its stand-in (MethodInfo.nilRecv)
    const nilRecv = m.nilRecv === undefined ? null : (new Function('$P', `return ${m.nilRecv};`)($P) as unknown);
    if (m.native && m.gen)
      f = function* (r: unknown, ...a: unknown[]) {
        return yield* ((r ?? nilRecv) as Record<string, (...x: unknown[]) => Go<unknown>>)[name]!(...a);
      };
    else if (m.native)
      f = function* (r: unknown, ...a: unknown[]) {
        return (r as Record<string, (...x: unknown[]) => unknown>)[name]!(...a);
      };
    else {
      const g = new Function('$P', `return ${m.fn};`)($P) as (...a: unknown[]) => unknown;
      f = function* (r: unknown, ...a: unknown[]) {
        return g(r, ...a);
      };
    }
    if (!m.ptrRecv) tab[name] = f;
    ptab[name] = f;
  }
  (t as unknown as { $m: unknown }).$m = tab;
  if (ptrT) (ptrT as unknown as { $m: unknown }).$m = ptab;
}

const pt = (t: NamedType): Type => globalTypes.intern({ k: 'ptr', elem: t });
// Native types used through pointers (their methods are on *T as in Go) …
for (const t of [
  errors.tErrorString,
  errors.tJoinError,
  fmt.tWrapError,
  fmt.tWrapErrors,
  runtime.tFunc,
  runtime.tFrames,
  sync.tWaitGroup,
  sync.tMutex,
  sync.tRWMutex,
  sync.tOnce,
  sync.tCond,
  sync.tSyncMap,
  time.tTimer,
  time.tTicker,
  time.tDuration,
  time.tTime,
  time.tMonth,
  time.tWeekday,
  time.tLocation,
  bufio.tBufReader,
  bufio.tBufWriter,
  bufio.tScanner,
  flag.tFlagSet,
  strings.tBuilder,
  strings.tStringsReader,
  bytes.tBytesReader,
  strings.tReplacer,
  bytes.tBuffer,
  io.tPipeReader,
  io.tPipeWriter,
  context.tCancelCtx,
  os.tFile,
  os.tPathError,
  os.tFileMode,
  os.tFileStat,
  os.tDirEntryImpl,
  syscall.tErrno,
  syscall.tSysSignal,
  net.tTCPConn,
  net.tTCPListener,
  runtime_pprof.tProfile,
  reflect.tRtype,
  reflect.tValue,
  encoding_base64.tEncoding,
  crypto_sha256.tDigest,
  net_url.tURL,
  net_url.tUserinfo,
  regexp.tRegexp,
  encoding_json.tEncoder,
  encoding_json.tDecoder,
  os_exec.tCmd,
  text_template.tTemplate,
  text_tabwriter.tTabWriter,
  container_ring.tRing,
  container_list.tElement,
  container_list.tList,
  ...sync_atomic.typed,
  sort.tIntSlice,
  sort.tStringSlice,
  sort.tFloat64Slice,
  sort.tReverse,
  net_http.tRequest,
  net_http.tResponse,
  net_http.tServer,
  net_http.tTransport,
  net_http.tClient,
  net_http.tServeMux,
  net_http.tResponseImpl,
  net_http.tServerBody,
  net_http.tClientBody,
])
  methodTable(t, pt(t));
// … and types whose values are only used directly.
for (const t of [net.tTCPAddr, tRuntimeError, reflect.tKind, encoding_base64.tCorruptInputError, net_url.tValues, net_http.tHeader, net_http.tHandlerFunc, net_http.tNoBody, io.tDiscard, io.tNopCloser, io.tMultiReader, io.tMultiWriter, io.tEOFReader, io.tLimitedReader, io.tTeeReader]) methodTable(t, null);
// HandlerFunc.ServeHTTP calls the function value, a generator: its table entry delegates to it.
(net_http.tHandlerFunc as unknown as { $m: Record<string, unknown> }).$m.ServeHTTP = net_http.serveFunc;
