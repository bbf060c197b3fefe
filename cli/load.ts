/**
 * Loading a workload: bundle the user's TypeScript/JavaScript file (and the files it imports) with
 * esbuild, then import the bundle.
 *
 * The `gmpsim` import is not bundled: it stays an import of this package's built engine
 * (dist/src/index.js), the module the CLI itself has loaded. Bundling the engine into every workload
 * made esbuild parse and Node compile ≈300 KB of engine again on each `gmpsim run` (≈0.07 s of the
 * start-up's CPU; bench/vs-go.mjs's empty row). Sharing it is safe because the engine keeps no
 * module-level mutable state (the house rule; its only module-level collections are caches of pure
 * functions, such as Go names of functions): a run's state lives in its Runtime.
 *
 * Every `instantiate()` imports the bundle afresh (a new URL), so each run (each sweep cell) gets its
 * own instance of the workload's modules: module-level state in the workload can never leak from one
 * run into the next, and a run's output does not depend on which worker thread ran it.
 *
 * Go sources (`gmpsim run prog.go` or a directory of .go files) go through src/golang's
 * compileGo when that frontend is present.
 */
import * as fs from 'node:fs';
import { userEnv } from './env.js';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultRelease, langMinor, moduleGODEBUG, profiles, type GoFunc, type GoRelease, type IoCosts, type RunOptions, type RunResult, type Runtime, type CostModel } from '../src/index.js';
import { LoadError, UsageError } from './options.js';
import { findMainModule } from './gomod.js';

/** The engine's entry point in the built package (dist/src/index.js). */
export const engineEntry = fileURLToPath(new URL('../src/index.js', import.meta.url));
const engineUrl = pathToFileURL(engineEntry).href;

/** What a workload module exports (see README-cli.md "The workload file"). */
export interface WorkloadConfig {
  /** The Go release to follow ("1.19", "1.26", "go1.26.8"); --go overrides it. */
  go?: string;
  /** A simulated cgroup CPU limit in cores (--cpu-quota overrides it). */
  cpuQuota?: number;
  gomaxprocs?: number;
  ncpu?: number;
  seed?: number;
  linksOS?: boolean;
  linksCgo?: boolean;
  godebug?: string;
  cost?: Partial<CostModel>;
  until?: number | string;
  maxEvents?: number;
}

export interface Instance {
  main: GoFunc;
  config: WorkloadConfig;
  /** The workload's exported `params` object (mutable: the CLI assigns --param values to it). */
  params: Record<string, unknown> | null;
  /** The engine bundled with this instance. */
  Runtime: new (opts: RunOptions) => Runtime & { run(): RunResult };
  linksOS?: boolean;
  linksCgo?: boolean;
  /** A Go program (the Go frontend's): every loop and call yields to the scheduler (execute.ts goStallMs). */
  goSource?: boolean;
  /** GODEBUG defaults its main module's go line carries (gomod.ts, version.ts moduleGODEBUG), under config and environment. */
  godebugDefault?: string;
}

export interface Loaded {
  /** As the user typed it (for messages and tracebacks). */
  file: string;
  kind: 'ts' | 'go' | 'trace';
  /** Path of the bundled ES module, a temporary file (kind 'ts'; '' for Go). */
  bundle: string;
  instantiate(): Promise<Instance>;
  /** The instance made while checking the exports (use it for the first run). */
  first: Instance | null;
}

const scriptExt = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/;

/**
 * Find, bundle and check a workload. Throws LoadError with a one-line message.
 * `args`: a Go program's os.Args[1:] (a TypeScript workload takes --param instead). `go`: the release
 * whose `go run` the Go error paths follow (a compile error exits 2 under go1.19, 1 under go1.26).
 * `io`: the simulated kernel's I/O costs (`--cost openCall=…`), which only a Go program's system
 * calls pay: for another workload they are a usage error, not silently dropped.
 */
export async function loadWorkload(file: string, args: string[] = [], go: GoRelease = defaultRelease, io: Partial<IoCosts> = {}): Promise<Loaded> {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LoadError(`${file}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message)}`);
  }
  if (st.isDirectory() || file.endsWith('.go')) return loadGo(file, st.isDirectory(), args, go, io);
  const ioKeys = Object.keys(io);
  if (ioKeys.length > 0) {
    const what = file.endsWith('.trace') ? 'a trace replay takes its system calls\' durations from the trace (scale them with --scale-syscalls)' : 'a TypeScript workload gives its system calls\' durations itself';
    throw new UsageError(`--cost ${ioKeys[0]}: an I/O cost of the simulated kernel, which Go programs' system calls pay; ${what}`);
  }
  if (file.endsWith('.trace')) {
    // A real program's execution trace, rebuilt as a workload (gmpsim replay; here for sweep).
    if (args.length > 0) throw new UsageError(`${args[0]}: a trace takes no arguments`);
    const { traceInstance } = await import('./replay.js');
    const make = (): Instance => traceInstance(file);
    return { file, kind: 'trace', bundle: '', instantiate: async () => make(), first: make() };
  }
  if (args.length > 0) throw new UsageError(`${args[0]}: a TypeScript workload takes no arguments; set its parameters with --param name=value`);
  if (!scriptExt.test(file)) throw new LoadError(`${file}: not a workload file (expected .ts or .js, or Go sources: .go files or a directory)`);
  const out = await bundle(file);
  // Instantiate once now, so a missing main is reported before anything runs.
  const first = await instantiate(out, file);
  return { file, kind: 'ts', bundle: out, instantiate: () => instantiate(out, file), first };
}

/**
 * Where bundles go: one temporary directory per process, removed when the process exits. A bundle
 * is a file rather than a data: URL so that Node applies its inline source map: a JavaScript
 * exception in the workload then names the workload's own file and line (its panic traceback).
 */
let bundleDir: string | null = null;

function bundlePath(): string {
  if (bundleDir === null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-'));
    bundleDir = dir;
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return path.join(bundleDir, `workload-${++bundles}.mjs`);
}
let bundles = 0;

async function bundle(file: string): Promise<string> {
  // require, not import(): esbuild's package is CommonJS, and importing it from ESM makes Node scan its
  // 100 KB main.js for export names (cjs-module-lexer), ≈25 ms of every run's start-up; require skips it.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const outfile = bundlePath();
  const abs = path.resolve(file);
  const entry = [
    `import * as W from ${JSON.stringify(abs)};`,
    `export { W as workload };`,
    `export { Runtime } from ${JSON.stringify(engineUrl)};`,
  ].join('\n');
  try {
    const out = await esbuild.build({
      stdin: { contents: entry, resolveDir: path.dirname(abs), sourcefile: '<gmpsim>', loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
      sourcemap: 'inline',
      sourcesContent: false,
      // Source paths in the map are relative to the bundle's own place.
      outfile,
      plugins: [
        {
          name: 'gmpsim',
          setup(b) {
            // The engine stays an import of the built package (external): see the note at the top.
            b.onResolve({ filter: /^gmpsim$/ }, () => ({ path: engineUrl, external: true }));
            b.onResolve({ filter: /^file:/ }, (a) => (a.path === engineUrl ? { path: engineUrl, external: true } : undefined));
          },
        },
      ],
    });
    fs.writeFileSync(outfile, out.outputFiles[0]!.text);
    return outfile;
  } catch (e) {
    const errs = (e as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors;
    if (errs && errs.length > 0) {
      const first = errs[0]!;
      const loc = first.location;
      const where = loc ? `${loc.file}:${loc.line}:${loc.column + 1}` : file;
      const more = errs.length > 1 ? ` (and ${errs.length - 1} more error${errs.length > 2 ? 's' : ''})` : '';
      throw new LoadError(`${where}: ${first.text}${more}`);
    }
    throw new LoadError(`${file}: ${(e as Error).message.split('\n')[0]}`);
  }
}

let instances = 0;

export async function instantiate(bundleFile: string, file: string): Promise<Instance> {
  // A distinct URL per instance: a fresh module graph (engine and workload) every time.
  const url = `${pathToFileURL(bundleFile).href}?instance=${++instances}`;
  let mod: { workload: Record<string, unknown>; Runtime: Instance['Runtime'] };
  try {
    mod = (await import(url)) as typeof mod;
  } catch (e) {
    throw new LoadError(`${file}: the workload threw while loading: ${e instanceof Error ? e.message : String(e)}`);
  }
  const w = mod.workload;
  const main = w['main'];
  if (main === undefined) {
    const def = w['default'];
    const hint = typeof def === 'function' ? ' (it has a default export: use `export function* main()` instead)' : '';
    throw new LoadError(`${file}: the workload has no exported main: add \`export function* main() { … }\`${hint}`);
  }
  if (typeof main !== 'function' || main.constructor?.name !== 'GeneratorFunction') {
    throw new LoadError(`${file}: the exported main must be a generator function: \`export function* main() { … }\``);
  }
  const config = w['config'] ?? {};
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new LoadError(`${file}: the exported config must be an object such as { gomaxprocs: 2 }`);
  }
  const params = w['params'] ?? null;
  if (params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new LoadError(`${file}: the exported params must be an object of default values such as { n: 100 }`);
  }
  return {
    main: main as GoFunc,
    config: config as WorkloadConfig,
    params: params as Record<string, unknown> | null,
    Runtime: mod.Runtime,
  };
}

/** Go sources, through src/golang (optional). */
async function loadGo(file: string, isDir: boolean, args: string[], go: GoRelease, io: Partial<IoCosts>): Promise<Loaded> {
  const buildFailedExit = profiles[go].compileErrorExit;
  const names = isDir
    ? fs
        .readdirSync(file)
        .filter((n) => n.endsWith('.go') && !n.endsWith('_test.go'))
        .sort()
    : [path.basename(file)];
  const dir = isDir ? file : path.dirname(file);
  // `go run .` compiles a directory as a package of its module: the go.mod's go line is its language
  // version and GODEBUG defaults, its import path heads compile errors (gomod.ts); files are
  // command-line-arguments with the toolchain's own version.
  const mod = isDir ? findMainModule(dir, process.env) : null;
  if (names.length === 0) throw new LoadError(`${file}: no Go files in the directory (and a directory is not a TypeScript workload)`);
  // The frontend bundled into one module by the build (tools/bundle-golang.mjs: start-up), else its files.
  const bundled = fileURLToPath(new URL('../src/golang.bundle.js', import.meta.url));
  const frontend = fs.existsSync(bundled) ? bundled : fileURLToPath(new URL('../src/golang/index.js', import.meta.url));
  if (!fs.existsSync(frontend)) throw new LoadError(`${file}: running Go sources needs the Go frontend (src/golang), which is not in this build`);
  // What `go run` checks before compiling (cmd/go's go list step): a NUL byte (a binary file) and a
  // file without a package clause are one-line errors with exit status 1, without the
  // `# command-line-arguments` header of compile errors.
  const raw = names.map((n) => ({ shown: isDir ? path.join(file, n) : file, bytes: fs.readFileSync(path.join(dir, n)) }));
  for (const r of raw) {
    // go1.19 cmd/go/internal/imports/read.go: errNUL "unexpected NUL in input", reported as "go: reading FILE: …".
    if (r.bytes.includes(0)) throw new LoadError(`go: reading ${r.shown}: unexpected NUL in input`, true);
    const np = missingPackageClause(r.bytes);
    if (np) throw new LoadError(`${shortPath(path.resolve(r.shown))}:${np.line}:${np.col}: expected 'package', found ${np.found}`, true);
  }
  // go/scanner skips a leading byte order mark; gmpsim's parser does not know it: a space in its
  // place keeps the offsets of everything after it.
  const files = raw.map((r) => ({ name: r.shown, text: r.bytes.toString('utf8').replace(/^\uFEFF/, ' ') }));
  type Compiled = { ok: true; main: GoFunc; linksOS?: boolean; linksCgo?: boolean; warnings?: string[] } | { ok: false; errors: unknown[]; importPass?: true };
  type GoOpts = { env?: Record<string, string>; stdin?: () => Uint8Array; args?: string[]; dir?: string; go?: GoRelease; lang?: string; io?: Partial<IoCosts> };
  const golang = (await import(pathToFileURL(frontend).href)) as { compileGo(f: { name: string; text: string }[], o?: GoOpts): Compiled };
  // The program sees the environment gmpsim was started with (as `go run` does) and standard input,
  // read when the program first reads fd 0 (a program that never reads it never waits for it).
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // main() took GOMAXPROCS and GODEBUG out of process.env (cli/env.ts): the program still sees them, as under `go run`
  for (const k of ['GOMAXPROCS', 'GODEBUG']) if (userEnv[k] !== undefined) env[k] = userEnv[k]!;
  // Tracebacks name the source's absolute directory, as a binary built by `go run` does.
  // Read once and kept: an A/B run (--go 1.19,1.26) gives both runs the same input.
  let stdinBytes: Uint8Array | null = null;
  const stdin = (): Uint8Array => (stdinBytes ??= readStdin());
  // `go`: the release whose compiler's messages (syntax errors) the compilation gives
  // A go.mod without a go line is go 1.16 to cmd/go (gover.DefaultGoModVersion).
  const lang = mod === null ? undefined : (mod.go ?? '1.16');
  const c = golang.compileGo(files, { env, stdin, args, dir: path.resolve(dir), go, lang, io });
  if (!c.ok) {
    const errs = c.errors as GoErr[];
    // gmpsim's own "unsupported: … (at file:line:col) …" already names its position: printed alone.
    if (errs.length === 1 && errs[0]!.msg.startsWith('unsupported:')) throw new LoadError(errs[0]!.msg, true);
    // go1.19 `go run` prints compile errors under `# command-line-arguments`, each path the
    // source directory shortened like cmd/go's base.ShortPath ("./main.go" in the current
    // directory), then exits 2 (go1.26: exit status 1; VersionProfile.compileErrorExit).
    // An import the release's GOROOT lacks is `go list`'s error, before any compiling (cmd/go
    // load.go): no header, the file as base.ShortPath gives it (no "./"), exit status 1 on both
    // releases (go1.19.8 and go1.26.8, 2026-12-08).
    if (c.importPass === true) {
      throw new LoadError(errs.map((e) => (e.file ? `${shortPath(path.resolve(dir, path.basename(e.file)))}:${e.line}:${e.col}: ${e.msg}` : e.msg)).join('\n'), true, 1);
    }
    const shownDir = shortPath(path.resolve(dir));
    const lines = errs.map((e) => (e.file ? `${shownDir}/${path.basename(e.file)}:${e.line}:${e.col}: ${e.msg}` : e.msg));
    throw new LoadError([`# ${mod?.importPath ?? 'command-line-arguments'}`, ...lines].join('\n'), true, buildFailedExit);
  }
  // What the compilation could not honour exactly (a C function it does not run): said, never dropped.
  for (const w of c.warnings ?? []) process.stderr.write(`gmpsim: warning: ${w}\n`);
  const engine = (await import(pathToFileURL(engineEntry).href)) as { Runtime: Instance['Runtime'] };
  const minor = lang === undefined ? null : langMinor(lang);
  const godebugDefault = minor === null ? undefined : moduleGODEBUG(go, minor);
  const inst: Instance = { main: c.main, config: {}, params: null, Runtime: engine.Runtime, linksOS: c.linksOS ?? true, linksCgo: c.linksCgo ?? false, goSource: true, godebugDefault };
  return { file, kind: 'go', bundle: '', instantiate: async () => inst, first: inst };
}

/**
 * Standard input's bytes, to its end (a terminal too: the program waits for the user's Ctrl-D, as a
 * Go program reading os.Stdin would); nothing when there is no stdin.
 */
function readStdin(): Uint8Array {
  try {
    return fs.readFileSync(0);
  } catch {
    return new Uint8Array(0);
  }
}

/** A compile error from src/golang (its GoError). */
interface GoErr {
  file: string;
  line: number;
  col: number;
  msg: string;
}

/** cmd/go/internal/base.ShortPath: the path relative to the current directory when that is shorter. */
function shortPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs) || '.';
  return rel.length < abs.length ? rel : abs;
}

/** Go's keywords (go/token), printed quoted by go/parser's "found" part. */
const goKeywords = new Set(['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var']);

/**
 * A file whose first token is not `package` has no package clause: go/parser reports
 * "expected 'package', found X" at that token, X being 'EOF', a quoted keyword ('func') or an
 * identifier as written (go/parser errorExpected). Returns that position (go/token: a line starts
 * after each newline that is not the file's last byte; columns count bytes) and X, or null when
 * the file starts with `package` or with another token (left to the compiler's messages).
 */
function missingPackageClause(b: Buffer): { line: number; col: number; found: string } | null {
  const s = b.toString('latin1'); // one character per byte: offsets are byte offsets
  let o = s.startsWith('\xef\xbb\xbf') ? 3 : 0; // go/scanner skips a leading byte order mark
  for (;;) {
    const m = /^(?:[ \t\r\n]+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(s.slice(o));
    if (!m) break;
    o += m[0].length;
  }
  let found: string;
  if (o === s.length) found = "'EOF'";
  else {
    const w = /^[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*/.exec(s.slice(o));
    if (!w || w[0] === 'package') return null;
    found = goKeywords.has(w[0]) ? `'${w[0]}'` : Buffer.from(w[0], 'latin1').toString('utf8');
  }
  let line = 1;
  let start = 0;
  for (let i = 0; i < Math.min(o, b.length - 1); i++) {
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: o - start + 1, found };
}
