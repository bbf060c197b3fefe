/**
 * Go source → a goroutine body for the simulated runtime.
 *
 *   const r = compileGo([{ name: 'main.go', text }]);
 *   if (r.ok) run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 1 });
 *   else for (const e of r.errors) console.error(formatGoError(e));   // exit status 1
 *
 * Pipeline (src/golang/compiler/): the syntax check of the chosen release's cmd/compile (gosyntax/:
 * its scanner, parser and error reporting, so syntax errors read as `go run` prints them) → @lezer/go
 * parse (syntax.ts) → resolve (resolve.ts: package
 * clauses, imports, the package-level declarations and type names) → one pass that type-checks
 * and emits JavaScript (program.ts for the package; expr, selector, indexing, assertion,
 * composite, operators, call, assign, control, decl and stmt.ts for each construct, recursing
 * through the Compiler's Descent table, core.ts; the shared rules in operand.ts) → `new Function`
 * (no Node API: the same code runs in a browser Web Worker). Every Go function is a generator
 * function; blocking operations are Ops yielded to the runtime (workload/ops.ts). The generated
 * code calls the run-time support in rt/, one module per concept (values, pointers, integers,
 * strings, slices, maps, equality, channels, type assertions, panics, fmt formatting, goroutines),
 * as `$L` and `$R`; it names runtime ops by their name in workload/ops.ts's table
 * (`{k: $K.Send, …}`), never by number.
 *
 * COST MODEL (simulated CPU time of compiled code, cost.ts, calibrated on real go1.19):
 * - each statement costs max(1, ops) × `op` (0.14 ns), where ops counts its operators,
 *   index/selector/composite operations, 2 per call of a Go function, 1 per builtin or library call
 *   and 0 per conversion; a loop iteration adds its condition's ops and 1 for its post statement
 *   (or 1 for a range step); calls of Go functions, map accesses and appends cost extra (`call`,
 *   `mapAccess`, `append`). `for i := 0; i < n; i++ { sum += i }` is 0.56 ns per iteration
 *   (real go1.19: 0.53);
 * - a loop whose iteration depends on the previous one (a loop-carried dependency chain: a hash, a
 *   random-number generator, a pointer chase) costs at least its chain's latency per iteration
 *   (compiler/chain.ts; `chainAlu`, `chainMul`, `chainFloat`, `chainLoad`, `chainIndexLoad`, measured by
 *   conformance/programs/cpu_chain_costs.go): FNV-1a's `h ^= uint64(c); h *= prime` is 1.09 ns per byte
 *   (real: 1.09), not its three operations' 0.28;
 * - the time accumulates and becomes a Work op (a) at every function entry once it reaches the
 *   chunk size (`chunk`, default 10 µs) — a function call: cooperative preemption point, with
 *   `every` = accumulated ns / calls made; (b) at loop heads once it reaches the chunk — a loop
 *   without calls yields Work with every = 0 (async preemption only, as in Go); (c) before every
 *   other Op, so time is always charged before the goroutine blocks or talks to the runtime.
 * - runtime entry points cost what the engine's CostModel says (chanOp, syscall overheads…).
 *
 * I/O MODEL: the simulated kernel (src/sys): files in a file system with a page cache, pipes,
 * devices, sockets on a loopback; every system call costs what sys/costs.ts says for its kind and
 * size (calibrated on real go1.19: conformance/reference/go1.19/io_costs.json). `files` gives the files
 * present at start, `stdin` standard input, `io` overrides costs. cgo: C.usleep/C.sleep are known;
 * other C functions take `cgo[name]` ns (default `cgoDefault` = 1 µs).
 *
 * STANDARD LIBRARY SUBSET: one module per Go package under std/ (std/index.ts lists them and builds
 * `$P`, the run-time code the generated program calls as `$P.<module>.<name>`); what each package
 * offers is the README's support table, generated from those modules (std/support.ts). Anything
 * else: `unsupported: <package or member> (at file:line:col)`.
 *
 * SIMPLIFICATIONS (documented): integers are exact with Go's wrap-around (rt/integers.ts: the 64-bit
 * kinds are JS numbers while safe, bigints beyond; constant expressions are exact: core.ts ConstVal); generics are compiled per instance (stenciling: compiler/check/generics.ts, which
 * says what it simplifies); unsafe is Pointer and the compile-time Sizeof/Alignof/Offsetof (no pointer
 * arithmetic); reflect is a subset (std/reflect.ts); maps iterate in insertion
 * order (Go randomises); a recovered runtime panic raised inside the engine (send on a channel
 * closed while blocked) cannot be recovered; traceback arguments print as (...) and offsets +0x0;
 * recursion runs in segments of 1,000 Go frames up to 500,000 frames (rt/goroutine.ts segFrames,
 * maxGoFrames; deeper is the fatal "stack overflow"); slices and arrays
 * hold at most 2^25 elements; math/rand's sequence differs from Go's.
 *
 * ENGINE HOOKS USED: the runtime shows main.main's frames for G1 through the body returned by
 * `main()` (its `traceback(system)`); pprof's threadcreate count and /proc/self/task use the
 * ThreadCount op; Work ops of call-free loops carry `cont: true`, which keeps them
 * async-preemptible only (a cooperative preemption needs a real function call).
 */
import { Compiler, CompileError, Unsupported, type GoError, type CompileOptions as CoreOptions } from './core.js';
import { compileProgram } from './compiler/program.js';
import { descent } from './compiler/descent.js';
import { K, type GoFunc } from '../workload/ops.js';
import { L, R } from './rt/index.js';
import { HeapMarker } from './rt/gcmark.js';
import { $P, Process } from './std/index.js';
import type { IoCosts } from '../sys/costs.js';
import { underlying } from './types.js';
import { checkSyntax } from './gosyntax/check.js';
import { type GoRelease, defaultRelease } from '../runtime/version.js';

export type { GoError };

export interface CompileOptions extends CoreOptions {
  /** CPU time is turned into a Work op once this many ns accumulated (default 10 µs). */
  chunk?: number;
  /** Overrides of the kernel's I/O costs (sys/costs.ts). */
  io?: Partial<IoCosts>;
  /** Files present when the program starts: path → contents (a string is UTF-8 text). */
  files?: Record<string, string | Uint8Array>;
  /** Standard input (fd 0); a function is called when the program first reads it (and only then). */
  stdin?: string | Uint8Array | (() => Uint8Array);
  /** os.ReadFile of /dev/urandom or /dev/zero stops after this many bytes (Go's never does). */
  deviceReadLimit?: number;
  /** Durations (ns) of C functions called through cgo. */
  cgo?: Record<string, number>;
  /** Duration of a C function not in `cgo` (default 1 µs). */
  cgoDefault?: number;
  /** os.Args[1:] */
  args?: string[];
  /** Environment for os.Getenv. */
  env?: Record<string, string>;
}

/**
 * linksOS: package os is linked (the finalizer goroutine exists: RunOptions.linksOS).
 * linksCgo: the program imports "C" (RunOptions.linksCgo: extra M, template thread, no checkdead).
 * js: the generated JavaScript (for debugging).
 */
type Compiled = { ok: true; main: GoFunc; linksOS: boolean; linksCgo: boolean; warnings: string[]; js: string } | { ok: false; errors: GoError[]; importPass?: true };
/** release: the Go release the compilation followed (its messages; `go run` exits 2 on go1.19, 1 on go1.26). */
export type CompileResult = Compiled & {
  release: GoRelease;
  /** Set when the errors are the syntax pass's (gc's parser and its checks), not the type checker's. */
  syntaxPass?: true;
  /** Set when the errors are imports the release's GOROOT lacks: `go list`'s, reported before compiling. */
  importPass?: true;
};

/** `./main.go:12:5: undefined: x` */
export function formatGoError(e: GoError): string {
  if (!e.file) return e.msg;
  return `./${e.file}:${e.line}:${e.col}: ${e.msg}`;
}

/** What `go run` prints for errors (without the exit status line). */
export function formatGoErrors(errs: GoError[]): string {
  if (errs.length === 1 && errs[0]!.msg.startsWith('unsupported:')) return errs[0]!.msg + '\n';
  return '# command-line-arguments\n' + errs.map(formatGoError).join('\n') + '\n';
}

/**
 * Compile a `package main` program (one or more files). Its syntax is checked first as the release's
 * cmd/compile does (gosyntax/check.ts): errors of that pass (syntax errors, the scanner's, misplaced
 * branches and labels) are what gc prints for the file. gc goes on to type-check a file whose errors
 * are none of them "syntax error"s; gmpsim stops there (a type error elsewhere in such a file is not
 * reported: gc's type checker skips the malformed parts silently, gmpsim's would not).
 */
export function compileGo(files: { name: string; text: string }[], opts: CompileOptions = {}): CompileResult {
  const release = opts.go ?? defaultRelease;
  const syn = checkSyntax(files, release);
  if (syn.errors.length) return { ok: false, errors: syn.errors, release, syntaxPass: true };
  return { ...compileChecked(files, opts, release), release };
}

function compileChecked(files: { name: string; text: string }[], opts: CompileOptions, release: GoRelease): Compiled {
  const c = new Compiler(opts, descent);
  c.release = release;
  let emitted: ReturnType<typeof compileProgram> = null;
  try {
    emitted = compileProgram(c, files, opts.cgo ?? {}, opts.cgoDefault ?? 1000);
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, errors: [toGoError(c, e.node, e.message, undefined, undefined, true)] };
    if (!(e instanceof CompileError)) {
      // never a crash: a bug of gmpsim's compiler is reported as one message
      return { ok: false, errors: [{ file: files[0]?.name ?? 'main.go', line: 1, col: 1, msg: `unsupported: gmpsim's Go compiler failed on this program (internal error: ${(e as Error).message}); please report it` }] };
    }
    if (e.message !== 'too many errors') c.errors.push({ node: e.node, msg: e.message });
  }
  if (!emitted || c.errors.length) {
    const errs = c.errors.map((e) => toGoError(c, e.node, e.msg, e.file, e.from));
    errs.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1));
    const dedup = errs.filter((e, i) => i === 0 || formatGoError(e) !== formatGoError(errs[i - 1]!));
    const errors = dedup.slice(0, 10).concat(dedup.length > 10 ? [{ file: '', line: 0, col: 0, msg: 'too many errors' }] : []);
    return c.importFailed ? { ok: false, errors, importPass: true } : { ok: false, errors };
  }
  const chunk = opts.chunk ?? 10_000;
  let factory: (...a: unknown[]) => () => Iterator<never>;
  try {
    factory = new Function('$L', '$R', '$P', '$K', '$types', '$opts', '$proc', emitted.code) as typeof factory;
  } catch (e) {
    return { ok: false, errors: [{ file: files[0]?.name ?? 'main.go', line: 1, col: 1, msg: `unsupported: gmpsim's Go compiler produced invalid code for this program (internal error: ${(e as Error).message}); please report it` }] };
  }
  const bytes = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  const initial: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(opts.files ?? {})) initial[k] = bytes(v);
  const main: GoFunc = () => {
    // Every run gets its own Process: fds, files, ports, log flags and rand start the same each time.
    const proc = new Process({
      // go run names the binary after the first file, without its directory and .go
      argv0: `/tmp/go-build/exe/${files[0]!.name.replace(/^.*\//, '').replace(/\.go$/, '')}`,
      args: opts.args ?? [],
      env: opts.env ?? {},
      stdin: typeof opts.stdin === 'function' ? opts.stdin : bytes(opts.stdin ?? ''),
      files: initial,
      io: opts.io ?? {},
      deviceReadLimit: opts.deviceReadLimit ?? Infinity,
    });
    proc.types = c.types;
    proc.release = c.release;
    proc.cpu = c.cpu;
    // The run's heap marker: the program registers its package variables' roots in it ($opts.gc).
    const marker = new HeapMarker();
    marker.finq = proc.finq;
    const gen = factory(L, R, $P, K, emitted!.types, { chunk, gc: marker }, proc)();
    const body = new R.Body(gen, null);
    body.marker = marker;
    return body;
  };
  return { ok: true, main, linksOS: emitted.linksOS, linksCgo: c.linked.has('C'), warnings: c.warnings, js: emitted.code };
}

function toGoError(c: Compiler, node: { from: number; file: { name: string; pos(o: number): { line: number; col: number } } } | null, msg: string, file?: { name: string; pos(o: number): { line: number; col: number } }, from?: number, unsupported = false): GoError {
  const f = node ? node.file : file;
  const off = node ? node.from : from ?? 0;
  if (!f) return { file: c.files[0]?.name ?? 'main.go', line: 1, col: 1, msg };
  const p = f.pos(off);
  void unsupported;
  return { file: f.name, line: p.line, col: p.col, msg };
}

export { underlying };
