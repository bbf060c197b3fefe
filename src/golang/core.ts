/**
 * The compiler's state (Compiler: scopes, objects, error reporting, the type table, the recursion
 * table) and what the package modules (std/) declare into: the package registry and the universe.
 * Type expressions are checked by compiler/check/typexpr.ts.
 *
 * Compilation strategy: after parsing and resolving (compiler/syntax.ts, compiler/resolve.ts), one
 * pass per function body type-checks and emits JavaScript source at the same time
 * (compiler/expr.ts, compiler/stmt.ts). The modules compiling one construct each (selector,
 * indexing, assertion, composite, operators, call, assign, control, decl) recurse through the
 * Compiler (`c.expr(n)`, `c.stmt(n)`, `c.block`, `c.funcBody`: the `Descent` table index.ts hands
 * in), never by importing each other, and share the non-recursive rules of compiler/operand.ts.
 * The whole program becomes one JavaScript module body, instantiated with `new Function` (no Node
 * API: it runs in a browser Web Worker too). Every Go function is a JavaScript generator function;
 * calls are `yield*`, runtime entry points are `yield`ed Ops (see rt/goroutine.ts). No tree is
 * walked at run time.
 */
import type { Complex } from './rt/complex.js';
import { type GoCpuCosts, defaultGoCpuCosts, releaseGoCpuCosts } from './cost.js';
import { type GoRelease, type VersionProfile, profiles, defaultRelease, langMinor } from '../runtime/version.js';
import type { Node, SourceFile } from './compiler/syntax.js';
import type { Rat } from './compiler/exact.js';
import {
  type Type,
  type FuncType,
  type NamedType,
  type IfaceType,
  basic,
  sizeOf,
  tBool,
  tInt,
  tInt32,
  tFloat64,
  tString,
  tEmptyIface,
  tByte,
  tRuneAlias,
  newNamed,
  underlying,
  TypeTable,
  typeString,
} from './types.js';

export class CompileError extends Error {
  constructor(
    public node: Node | null,
    msg: string,
  ) {
    super(msg);
  }
}

/** A follow-on error of an earlier one (use of a variable whose declaration failed): not reported. */
export class Silent extends CompileError {}
/** The type of variables whose declaration failed. */
export const tInvalid: Type = { k: 'tuple', types: [] };

/** Thrown for constructs outside the supported subset (one clear message, compilation stops). */
export class Unsupported extends CompileError {}

/**
 * A constant's value; complex constants are rt/complex.ts's Complex (parts as doubles). An integer
 * constant is exact, as go/constant's (spec, "Constant expressions": "evaluated exactly"): a number
 * while it is a safe integer (|x| ≤ 2^53 − 1), a bigint beyond (intConst), so the common case stays
 * a number. Float constants are doubles.
 */
export type ConstVal = number | bigint | string | boolean | Complex;

/** An exact integer constant in its ConstVal form: a number when safe, else the bigint. */
export function intConst(b: bigint): number | bigint {
  return b >= -maxSafe && b <= maxSafe ? Number(b) : b;
}
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
/** Whether a constant value is an integer (an integral float constant counts, as in go/types' representable). */
export function isIntConst(cv: ConstVal | undefined): cv is number | bigint {
  return typeof cv === 'bigint' || (typeof cv === 'number' && Number.isInteger(cv));
}
/** An integer constant as a bigint. */
export function bigOf(cv: number | bigint): bigint {
  return typeof cv === 'bigint' ? cv : BigInt(cv);
}
/** A numeric constant as a double (a bigint rounded to the nearest double). */
export function numOf(cv: ConstVal): number {
  return typeof cv === 'bigint' ? Number(cv) : (cv as number);
}

export type Mode = 'value' | 'var' | 'const' | 'type' | 'tuple' | 'novalue' | 'nil';
/** An operand: its JS code, its Go type, how it may be used (mode), and its constant value if constant. */
export interface Val {
  c: string;
  t: Type;
  mode: Mode;
  n: Node;
  cv?: ConstVal;
  /** An untyped float constant's exact value when it is not cv's double (compiler/exact.ts). */
  exact?: Rat;
  /** Code producing [value, ok] for comma-ok forms. */
  ok2?: string;
  /** Tuple element types (mode 'tuple'). */
  tuple?: Type[];
  /** Store code for addressable elements that are not plain JS lvalues. */
  lv?: (x: string) => string;
  /**
   * A non-constant string concatenation's operands (a + b + c): the compiler makes one
   * concatstrings call of them all, one allocation (operators.ts).
   */
  cat?: string[];
}

/** A generic method declared on a generic type: instantiated with each instance of the type. */
export interface GenericMethod {
  n: Node;
  scope: Scope;
  name: string;
  ptrRecv: boolean;
  /** The receiver's type parameter names (`func (l *List[U]) …`: U). */
  recvNames: string[];
}

/** An instantiation and the instance whose body made it (compiler/check/generics.ts finds cycles through it). */
export interface Instance {
  g: Generic;
  targs: Type[];
  parent: Instance | null;
}

/** A generic function or type declaration and its instances (compiler/check/generics.ts). */
export interface Generic {
  kind: 'func' | 'type';
  name: string;
  /** FunctionDecl or TypeSpec. */
  node: Node;
  /** The scope the declaration is resolved in (its file's). */
  scope: Scope;
  tparams: { name: string; node: Node; constraint: Node }[];
  /** One per distinct type-argument list: the instance's JS name (functions) and type (signature or NamedType). */
  instances: { targs: Type[]; js: string; t: Type }[];
  /** Generic types: their methods. */
  methods: GenericMethod[];
  /** A library generic (std/gosrc.ts): its package's name (`slices`), for its JS names and tracebacks. */
  pkg?: string;
  /** A generic type local to a function: its instances' `·N` and enclosing instance's type arguments (types.ts NamedType). */
  vargen?: number;
  implicits?: Type[];
}

export interface Obj {
  kind: 'var' | 'const' | 'type' | 'func' | 'pkg' | 'builtin' | 'nil';
  name: string;
  t: Type;
  /** JS expression naming it. */
  js: string;
  /** Variable stored in a Box (its address is taken). */
  boxed?: boolean;
  used?: boolean;
  node?: Node;
  cv?: ConstVal;
  /** An untyped float constant's exact value (compiler/exact.ts). */
  exact?: Rat;
  pkg?: string;
  global?: boolean;
  /** A type parameter (bound to its argument in an instance's scope). */
  tparam?: boolean;
  /** A generic function or type: usable only instantiated. */
  generic?: Generic;
}

export class Scope {
  m = new Map<string, Obj>();
  /**
   * The scope is inside a for/range statement of its function (the loop's own scope or one within):
   * a variable declared here is a new variable each iteration.
   */
  loop: boolean;
  constructor(
    public parent: Scope | null,
    public fn: FuncCtx | null,
  ) {
    this.loop = parent !== null && parent.fn === fn && parent.loop;
  }
  lookup(name: string): Obj | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const o = s.m.get(name);
      if (o) {
        // A function literal using a variable of a loop of its enclosing function: each iteration's
        // closure is a different one (funcLit's closure cache).
        if (s.loop && s.fn !== this.fn && o.kind === 'var') {
          for (let f = this.fn; f !== null && f !== s.fn; f = f.parent) if (f.parent === s.fn) f.capturesLoopVar = true;
        }
        // A variable of an enclosing function: a root of the literals' frames (rt/gcmark.ts).
        if (s.fn !== null && s.fn !== this.fn && o.kind === 'var' && !o.global) {
          for (let f = this.fn; f !== null && f !== s.fn; f = f.parent) (f.captures ??= new Set()).add(o);
        }
        return o;
      }
    }
    return undefined;
  }
}

export interface FuncCtx {
  /** Go name for tracebacks: main.f, main.(*T).M, main.main.func1 */
  name: string;
  /**
   * Bytes of the stack frame its parameters and local variables take (sizeOf each, declare()), and of
   * the locals too large for the stack (VersionProfile.maxStackVarSize: moved to the heap, allocated at
   * each call) — compiler/stmt.ts accounts a large frame against Go's 1 GB stack (rt/goroutine.ts bigFrame).
   */
  frameBytes?: number;
  heapLocalBytes?: number;
  heapLocals?: number;
  sig: FuncType;
  parent: FuncCtx | null;
  closures: number;
  /** Names whose address is taken somewhere in the body (stored boxed). */
  boxed: Set<string>;
  /** The pseudo function of package-level declarations (check/decls.ts inPkg). */
  pkgLevel?: boolean;
  /** Variables named as a selector's operand (`x.M()`, `x.M`): boxed when their type has pointer methods (needsBox). */
  selected?: Set<string>;
  /** go1.26's stack-store append sites of the local slice variables that get one (compiler/escape.ts): their CallExprs' offsets. */
  stackAppends?: Set<number>;
  /** JS names of result variables when results are named or the function defers. */
  resVars: string[] | null;
  hasDefer: boolean;
  /** Active labels → JS label. */
  labels: Map<string, string>;
  /** Labels some goto of this function jumps to (stmt.ts gotoBlock). */
  gotoLabels?: Set<string>;
  /** Goto targets in scope: label → the dispatch loop of its statement list, its state variable and case. */
  gotoTargets?: Map<string, { loop: string; state: string; idx: number }>;
  /** A function literal that uses a variable declared in a loop of its enclosing function (Scope.lookup). */
  capturesLoopVar?: boolean;
  /** The variables of enclosing functions a function literal uses (Scope.lookup): roots of its frames. */
  captures?: Set<Obj>;
  /** The innermost range-over-func body being compiled (compiler/control.ts rangeFunc). */
  rangeFunc?: RangeFuncBody | null;
  /** The JS variable holding the results of a return inside a range-over-func body. */
  rfResults?: string;
}

/**
 * A range-over-func loop body being compiled: it is the yield function, so a branch to a statement
 * outside it (and a return) leaves the function with an exit code and is replayed after the
 * iterator returns (compiler/control.ts).
 */
export interface RangeFuncBody {
  /** JS variables: the body's abi.RF_State, and the exit code (0: none). */
  state: string;
  next: string;
  /** The range statement's own JS label. */
  label: string | null;
  /** JS labels of statements inside the body (their branches stay inside). */
  inner: Set<string>;
  /** Breakable statements (for, switch, select) and loops entered inside the body: an unlabeled break/continue targets them. */
  breakables: number;
  loops: number;
  /** Exits recorded by the body: the code to replay (`break L_x;`, `return;` …) → its exit code. */
  exits: Map<string, number>;
  outer: RangeFuncBody | null;
}

export interface GoError {
  file: string;
  line: number;
  col: number;
  msg: string;
}

export interface CompileOptions {
  /** Directory the program's files appear to live in (tracebacks). Default /tmp/gmpsim. */
  dir?: string;
  /** Simulated ns per counted operation (default: cost.ts's `op`). */
  nsPerOp?: number;
  /** The CPU cost model of compiled Go (cost.ts); `nsPerOp` overrides its `op`. */
  cpu?: Partial<GoCpuCosts>;
  /** The Go release whose language and messages to follow (default: the default release). */
  go?: GoRelease;
  /**
   * The language version (cmd/compile's -lang) when it is not the release's own: the `go` line of the
   * main module's go.mod ("1.21", "1.21.3", "1.21rc1"), as `go run .` in a module compiles with it
   * (cmd/go passes -lang=go1.21). A feature newer than it is off (loop variables are per loop before
   * 1.22) or a compile error ("requires go1.22 or later (-lang was set to go1.21; check go.mod)").
   * Newer than the release: the release's own (a toolchain knows no later language).
   */
  lang?: string;
}

/** Package members visible after `import`: declared by the package modules (std/). */
export interface PkgMember {
  kind: 'func' | 'var' | 'const' | 'type';
  t: Type;
  /** func: JS code for a call given compiled argument codes; var/const: JS code. */
  call?: (args: string[], c: Compiler, n: Node) => string;
  js?: string;
  cv?: ConstVal;
  /** An untyped float constant's exact value (math.Pi's digits: compiler/exact.ts). */
  exact?: Rat;
  /** A generic function written in Go (std/gosrc.ts): instantiated per call like the program's own. */
  generic?: Generic;
  /** The Go release that added the member: earlier releases' programs do not see it (`undefined: errors.Join`). */
  since?: string;
}

/**
 * The compiler's recursive entry points: expressions, function bodies, blocks and statements. The
 * modules that compile one construct call them as `c.expr(n)`, `c.stmt(n)`… instead of importing
 * each other, so no compiler module imports another that imports it back; index.ts assembles the
 * table (descent.ts).
 */
export interface Descent {
  expr(c: Compiler, n: Node): Val;
  funcBody(c: Compiler, n: Node, name: string, recv: Node | null, jsName: string | null): { code: string; sig: FuncType; fn: FuncCtx };
  block(c: Compiler, kids: Node[], scoped?: boolean): string;
  stmt(c: Compiler, n: Node): string;
  /** The instance a type expression `G[A, B]` denotes (compiler/check/generics.ts). */
  instType(c: Compiler, n: Node): Type;
}

/** The standard library's type table (interned while std/ is evaluated); each compilation's table extends it. */
export const globalTypes = new TypeTable();

export class Compiler {
  errors: { node: Node | null; file?: SourceFile; from?: number; msg: string }[] = [];
  /** This compilation's types (the library's are found in globalTypes first). */
  types = new TypeTable(globalTypes);
  /** JS class generated for each struct type (per program). */
  structCls = new Map<Type, string>();
  /** Hoisted maker of each type's zero value (`$z<N>`, operand.ts zeroMaker), per program. */
  zeroFns = new Map<Type, string>();
  files: SourceFile[] = [];
  pkgScope: Scope;
  /** Per-file scopes holding imports. */
  fileScopes = new Map<SourceFile, Scope>();
  out: string[] = [];
  uid = 0;
  /** The function being compiled. */
  fn: FuncCtx | null = null;
  scope: Scope;
  /** Op counter of the statement being compiled (cost model). */
  ops = 0;
  /** What each compiled simple statement and if condition charges (ns), for compiler/chain.ts's throughput. */
  stmtNs = new WeakMap<Node, number>();
  nsPerOp: number;
  cpu: GoCpuCosts;
  /** Charge `ns` of CPU beyond the counted operations to the statement being compiled. */
  charge(ns: number): void {
    this.ops += ns / this.nsPerOp;
  }
  /** The ns of `ops` counted operations, as emitted in code (to the picosecond). */
  nsOf(ops: number): number {
    return Math.round(ops * this.nsPerOp * 1000) / 1000;
  }
  dir: string;
  /** Packages linked (transitively): decides linksOS. */
  linked = new Set<string>();
  /** Named types declared by the program (method tables are emitted for them). */
  named: NamedType[] = [];
  /** Extra declarations emitted at top level (type descriptors, struct classes). */
  decls: string[] = [];
  typeIds = new Map<Type, string>();
  warnings: string[] = [];
  /** go/defer argument hoisting (see call.ts). */
  hoist: string[] | null = null;
  /** Temporaries declared at the top of the current function. */
  lets: string[] = [];
  /** The iota of the ConstSpec being compiled (−1 outside one): per compilation, so an error inside a spec cannot leave it set. */
  iota = -1;
  /** Instances of generic functions and methods whose bodies are still to be compiled (program.ts drains it). */
  pending: { n: Node; scope: Scope; name: string; js: string; recv: Node | null; recvT?: Type; inst: Instance }[] = [];
  /** The instance whose body is being compiled (instances it makes are its children: instantiation cycles). */
  inst: Instance | null = null;
  /** Function-scoped defined types' numbers (cmd/compile's typegen, VersionProfile.localTypeNames): TypeSpec → N. */
  localTypeGen = new Map<Node, number>();
  /** The receiver type of the generic method instance being compiled (its receiver may name parameters `_`). */
  recvT: Type | null = null;
  /** The Go release whose rules differ where the language changed (type inference of untyped arguments, comparable). */
  release: GoRelease = defaultRelease;
  /**
   * A statement's or declaration's checking stopped at an error (stmt, guard): the uses after it were never seen, so an
   * import it would have used is not reported unused (go build, which checks on, does not either).
   */
  aborted = false;
  /**
   * An import is not in the release's standard library: what `go list` reports before anything is
   * compiled (cmd/go load.go), so the errors are its, not the compiler's (CompileResult.importPass).
   */
  importFailed = false;
  /** The packages as this compilation sees them (program.ts gives it its own package C). */
  pkgs: ReadonlyMap<string, ReadonlyMap<string, PkgMember>> = pkgs;

  constructor(
    opts: CompileOptions,
    private readonly descent: Descent,
  ) {
    this.pkgScope = new Scope(universe, null);
    this.scope = this.pkgScope;
    this.cpu = { ...defaultGoCpuCosts, ...releaseGoCpuCosts[opts.go ?? defaultRelease], ...(opts.cpu ?? {}) };
    this.nsPerOp = opts.nsPerOp ?? this.cpu.op;
    this.dir = opts.dir ?? '/tmp/gmpsim';
    this.lang = profiles[opts.go ?? defaultRelease];
    this.release = opts.go ?? defaultRelease;
    const own = langMinor(this.release)!;
    const set = opts.lang !== undefined ? langMinor(opts.lang) : null;
    this.langVersion = set !== null && set < own ? set : own;
  }
  /** The release whose compiler and language rules apply (loopvarPerIteration); see also langVersion. */
  readonly lang: VersionProfile;
  /** The language version's minor number (-lang): the release's own, or a main module's older `go` line. */
  readonly langVersion: number;

  /**
   * Whether a language feature new in go1.`since` may be used: the release has it (the caller checks
   * its VersionProfile field first) and -lang is not older. `what` set: an older -lang is a compile
   * error at `n` with types2's wording ("<what>requires go1.22 or later (-lang was set to go1.21; check
   * go.mod)", go1.26.8 types2/version.go versionErrorf); unset: the feature is silently off (loopvar).
   */
  langAllows(since: number, n?: Node, what?: string): boolean {
    if (this.langVersion >= since) return true;
    // only a go.mod's go line sets -lang below the release's own here: the errors say where to look
    if (n !== undefined && what !== undefined) this.fail(n, `${what}requires go1.${since} or later (-lang was set to go1.${this.langVersion}; check go.mod)`);
    return false;
  }

  /** Type-check and compile an expression. */
  expr(n: Node): Val {
    return this.descent.expr(this, n);
  }
  /** Compile a function declaration or literal: the JS generator function and its signature. */
  funcBody(n: Node, name: string, recv: Node | null, jsName: string | null): { code: string; sig: FuncType; fn: FuncCtx } {
    return this.descent.funcBody(this, n, name, recv, jsName);
  }
  /** Compile a statement list (in a new scope unless `scoped` is false). */
  block(kids: Node[], scoped?: boolean): string {
    return this.descent.block(this, kids, scoped);
  }
  /** Compile a statement. */
  stmt(n: Node): string {
    return this.descent.stmt(this, n);
  }
  /** The instance of a generic type a type expression `G[A, B]` denotes. */
  instType(n: Node): Type {
    return this.descent.instType(this, n);
  }

  id(prefix = 't'): string {
    return `$${prefix}${++this.uid}`;
  }

  err(n: Node | null, msg: string): void {
    this.errors.push({ node: n, msg });
    if (this.errors.length > 10) throw new CompileError(n, 'too many errors');
  }
  /** Report and abort the current declaration. */
  fail(n: Node | null, msg: string): never {
    throw new CompileError(n, msg);
  }
  unsupported(n: Node, what: string): never {
    const p = n.file.pos(n.from);
    throw new Unsupported(n, `unsupported: ${what} (at ${n.file.name}:${p.line}:${p.col}) is outside the Go subset gmpsim runs`);
  }

  /** JS expression referring to a type descriptor (interned, hoisted). */
  typeRef(t: Type): string {
    t = this.types.intern(canonical(t));
    let id = this.typeIds.get(t);
    if (id === undefined) {
      id = `$T${this.typeIds.size}`;
      this.typeIds.set(t, id);
    }
    return id;
  }

  pushScope(): Scope {
    this.scope = new Scope(this.scope, this.fn);
    return this.scope;
  }
  popScope(checkUnused = true): void {
    const s = this.scope;
    if (checkUnused)
      for (const o of s.m.values()) {
        if (o.kind === 'var' && !o.used && o.node && o.name !== '_' && !o.global) this.err(o.node, this.lang.typeCheckerMessages === '1.26' ? `declared and not used: ${o.name}` : `${o.name} declared but not used`);
      }
    this.scope = s.parent!;
  }

  declare(n: Node | undefined, o: Obj): void {
    if (o.name === '_') return;
    const prev = this.scope.m.get(o.name);
    if (prev && n) {
      const p = prev.node ? prev.node.file.pos(prev.node.from) : null;
      this.err(n, `${o.name} redeclared in this block${p ? `\n\t${'./' + prev.node!.file.name}:${p.line}:${p.col}: other declaration of ${o.name}` : ''}`);
    }
    o.node = o.node ?? n;
    this.scope.m.set(o.name, o);
    const fn = this.fn;
    if (o.kind === 'var' && !o.global && fn !== null && o.t !== tInvalid && o.t.k !== 'tuple') {
      const size = sizeOf(o.t);
      if (size > this.lang.maxStackVarSize) {
        fn.heapLocalBytes = (fn.heapLocalBytes ?? 0) + size;
        fn.heapLocals = (fn.heapLocals ?? 0) + 1;
      } else fn.frameBytes = (fn.frameBytes ?? 0) + size;
    }
  }

  /** A fresh JS identifier for a Go local. */
  local(name: string): string {
    return name === '_' ? this.id('_') : `${name}$${++this.uid}`;
  }

  pos(n: Node): string {
    const p = n.file.pos(n.from);
    return `${this.path(n)}:${p.line}`;
  }
  /** The absolute path Go prints for the file of n (dir + base name). */
  path(n: Node): string {
    return `${this.dir}/${n.file.name.split('/').pop()}`;
  }
  line(n: Node): number {
    return n.file.pos(n.from).line;
  }
}

/** Standard-library packages: import path → members (each std/<package>.ts declares its own). */
export const pkgs = new Map<string, Map<string, PkgMember>>();
/** Which import paths link package os (fmt, os, log, net, io/ioutil…). */
export const linksOSPkgs = new Set<string>();
/**
 * Library code written in Go (std/gosrc.ts): import path → its source files, compiled with the
 * program that imports the package (its generic functions are stenciled like the program's own).
 */
/**
 * The check compiled code makes at a function's entry and a loop's head: hand the runtime a Work op
 * when a chunk of CPU time has accumulated ($CH, CompileOptions.chunk) or when the large objects
 * allocated since the last op pass $LY bytes (program.ts: 64 MiB) — a recursion or loop that allocates a
 * large object per step and little CPU would otherwise grow the simulation's own heap by gigabytes
 * before the runtime (mallocgc's GC trigger, the CLI's memory budget) sees it. Call-free loops keep the
 * plain CPU check (control.ts markCallFree: they allocate nothing). Cost of the second test: a recursive
 * fib(25) ×3 (≈730k calls) ran in 0.29–0.42 s of user CPU per process against 0.28–0.36 s without it
 * (6 interleaved pairs, session 18): within the noise.
 */
export const yieldCheck = 'if ($S.c + $U.ns >= $CH || $A.l >= $LY) yield $W();';

export const goSources = new Map<string, { file: string; src: string; since?: string }[]>();
/** The Go release that added a package (slices, maps, cmp: 1.21): earlier profiles refuse its import as that release does. */
export const pkgSince = new Map<string, string>();


// ---------------------------------------------------------------- universe

export const tError = newNamed('error', '', { k: 'iface', methods: new Map() });
(tError.under as IfaceType).methods.set('Error', { k: 'func', params: [], results: [tString], variadic: false });
export const tRune = tInt32;
export const tAny = tEmptyIface;

/** The universe scope: Go's predeclared identifiers (made once; compilations only read it). */
export const universe = makeUniverse();
function makeUniverse(): Scope {
  const universe = new Scope(null, null);
  const ty = (name: string, t: Type): void => {
    universe.m.set(name, { kind: 'type', name, t, js: '' });
  };
  for (const n of ['bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128', 'string'] as const) ty(n, basic(n));
  ty('byte', tByte);
  ty('rune', tRuneAlias);
  ty('error', tError);
  ty('any', tEmptyIface);
  ty('comparable', newNamed('comparable', '', { k: 'iface', methods: new Map(), comparable: true }));
  universe.m.set('true', { kind: 'const', name: 'true', t: basic('untyped bool'), js: 'true', cv: true });
  universe.m.set('false', { kind: 'const', name: 'false', t: basic('untyped bool'), js: 'false', cv: false });
  universe.m.set('nil', { kind: 'nil', name: 'nil', t: basic('untyped nil'), js: 'null' });
  universe.m.set('iota', { kind: 'const', name: 'iota', t: basic('untyped int'), js: '0', cv: 0 });
  // clear, min and max: only for Go ≥ 1.21 (compiler/call.ts builtinsGo121)
  for (const b of ['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover'])
    universe.m.set(b, { kind: 'builtin', name: b, t: tInt, js: '' });
  return universe;
}

export { tBool, tInt, tFloat64, tString, typeString, underlying };

/** The run-time descriptor form of a type: byte/rune aliases replaced by uint8/int32. */
export function canonical(t: Type): Type {
  switch (t.k) {
    case 'basic':
      return t.alias ? basic(t.name) : t;
    case 'ptr':
    case 'slice':
      return { ...t, elem: canonical(t.elem) };
    case 'array':
      return { ...t, elem: canonical(t.elem) };
    case 'map':
      return { ...t, key: canonical(t.key), elem: canonical(t.elem) };
    case 'chan':
      return { ...t, elem: canonical(t.elem) };
    default:
      return t;
  }
}
