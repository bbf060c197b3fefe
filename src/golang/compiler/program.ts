/**
 * The package pass after resolve.ts: resolves the declared types, checks and compiles the
 * constants, function and method signatures, package-level variables (initialised in source order
 * in $init) and function bodies, reports unused imports, builds the method tables of the
 * program's named types, and emits the JavaScript module (the program's prologue: the CPU-work
 * accumulator `$c`, `$W`/`$Wc` Work ops, `$op`; type descriptors; struct classes; globals; bodies).
 */
import { type Node, text, kid } from './syntax.js';
import { Compiler, CompileError, Unsupported, Silent, Scope } from '../core.js';
import { type Type, type NamedType, type FuncType, underlying, typeString } from '../types.js';
import { varSpec, constDecl } from './decl.js';
import { findMethod, methodCallCode } from './operand.js';
import { resolve, specs } from './resolve.js';

export interface Emitted {
  code: string;
  types: Type[];
  linksOS: boolean;
}

/** Run `f`, recording a CompileError (Unsupported aborts everything). */
function guard(c: Compiler, n: Node | null, f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof Unsupported) throw e;
    if (e instanceof CompileError) {
      if (e instanceof Silent) return;
      if (e.message === 'too many errors') throw e;
      c.errors.push({ node: e.node ?? n, msg: e.message });
      if (c.errors.length > 10) throw e;
    } else throw e;
  }
}

export function compileProgram(c: Compiler, files: { name: string; text: string }[], cgo: Record<string, number>, cgoDefault: number): Emitted | null {
  const pkg = resolve(c, files, cgo, cgoDefault);
  if (!pkg) return null;
  const { roots, importObjs, linksOS, decls, typeSpecs, addrTaken } = pkg;
  const inScope = (s: Scope, f: () => void): void => {
    const saved = c.scope;
    c.scope = s;
    try {
      f();
    } finally {
      c.scope = saved;
    }
  };
  for (const { spec, nt, scope } of typeSpecs)
    guard(c, spec, () =>
      inScope(scope, () => {
        const t = c.resolveType(spec.kids[spec.kids.length - 1]!);
        if (nt) nt.under = underlying(t);
        else c.pkgScope.m.set(text(spec.kids[0]!), { kind: 'type', name: text(spec.kids[0]!), t, js: '', used: true });
      }),
    );
  /** Package-level objects declared while compiling in a file scope move to the package scope. */
  const hoist = (scope: Scope, f: () => void): void => {
    const before = new Set(scope.m.keys());
    try {
      f();
    } finally {
      for (const [k, o] of [...scope.m]) {
        if (before.has(k) || o.kind === 'pkg') continue;
        scope.m.delete(k);
        if (c.pkgScope.m.has(k)) c.err(o.node ?? null, `${k} redeclared in this block`);
        c.pkgScope.m.set(k, o);
      }
    }
  };
  // consts
  for (const { n, scope } of decls) if (n.name === 'ConstDecl') guard(c, n, () => inScope(scope, () => hoist(scope, () => inPkg(c, () => constDecl(c, n)))));
  // function and method signatures
  const funcs: { n: Node; scope: Scope; name: string; js: string; recv: Node | null; recvT: NamedType | null }[] = [];
  for (const { n, scope } of decls) {
    if (n.name === 'FunctionDecl') {
      const name = text(kid(n, 'DefName')!);
      guard(c, n, () =>
        inScope(scope, () => {
          const { sig } = c.signature(n, null);
          const js = `F_${name}`;
          if (name === 'init') {
            if (sig.params.length || sig.results.length) c.err(n, 'func init must have no arguments and no return values');
          } else if (name === 'main' && (sig.params.length || sig.results.length)) c.err(n, 'func main must have no arguments and no return values');
          if (name !== 'init' && name !== '_') {
            if (c.pkgScope.m.has(name)) c.err(kid(n, 'DefName')!, `${name} redeclared in this block`);
            c.pkgScope.m.set(name, { kind: 'func', name, t: sig, js, node: n, used: true });
          }
          funcs.push({ n, scope, name: `main.${name}`, js: name === 'init' ? `F_init${funcs.length}` : js, recv: null, recvT: null });
        }),
      );
    } else if (n.name === 'MethodDecl') {
      guard(c, n, () =>
        inScope(scope, () => {
          const recv = n.kids.find((k) => k.name === 'Parameters')!;
          const rp = recv.kids.find((k) => k.name === 'Parameter');
          if (!rp) c.fail(n, 'method has no receiver');
          const rtn = rp.kids[rp.kids.length - 1]!;
          const rt = c.resolveType(rtn);
          const ptrRecv = rt.k === 'ptr';
          const base = ptrRecv ? (rt as { elem: Type }).elem : rt;
          if (base.k !== 'named' || base.pkg !== 'main') c.fail(rtn, `cannot define new methods on non-local type ${typeString(base)}`);
          const mname = text(n.kids.find((k) => k.name === 'FieldName')!);
          if (mname === '_') return;
          const { sig } = c.signature(n, recv);
          const js = `M_${base.name}$${mname}`;
          if (base.methods.has(mname)) c.err(n, `method ${base.name}.${mname} already declared`);
          base.methods.set(mname, { name: mname, sig, ptrRecv, fn: js, native: false, gen: true });
          funcs.push({ n, scope, name: ptrRecv ? `main.(*${base.name}).${mname}` : `main.${base.name}.${mname}`, js, recv, recvT: base });
        }),
      );
    }
  }
  // global vars (initialised in source order inside $init)
  const globalInit: string[] = [];
  const globalDecl: string[] = [];
  for (const { n, scope } of decls)
    if (n.name === 'VarDecl')
      for (const spec of specs(n, 'VarSpec'))
        guard(c, spec, () =>
          inScope(scope, () =>
            inPkg(c, () => {
              const before = new Set(c.pkgScope.m.keys());
              // compile in a pseudo-function so initialisers may call functions
              let code = '';
              hoist(scope, () => (code = varSpec(c, spec, true)));
              for (const [k, o] of c.pkgScope.m) {
                if (before.has(k) || o.kind !== 'var') continue;
                globalDecl.push(`let ${o.js};`);
              }
              globalInit.push(`$f.l = ${c.line(spec)}; ${code}`);
            }, addrTaken),
          ),
        );
  if (c.lets.length) globalDecl.push(`let ${c.lets.join(', ')};`);
  c.lets = [];
  if (!c.pkgScope.m.has('main') || c.pkgScope.m.get('main')!.kind !== 'func') c.err(null, 'function main is undeclared in the main package');
  // bodies
  const bodies: string[] = [];
  const inits: string[] = [];
  for (const f of funcs)
    guard(c, f.n, () =>
      inScope(f.scope, () => {
        const { code } = c.funcBody(f.n, f.name, f.recv, f.js);
        bodies.push(code);
        if (f.js.startsWith('F_init')) inits.push(f.js);
      }),
    );
  for (const { o, n, path } of importObjs) if (!o.used) c.err(n, `imported and not used: "${path}"`);
  if (c.errors.length) return null;
  // method tables for the program's named types (and their pointers)
  const tables: string[] = [];
  for (const nt of c.named) {
    const names = new Set<string>();
    collectMethodNames(nt, names, 0);
    if (names.size === 0) continue;
    for (const t of [nt, c.types.intern({ k: 'ptr', elem: nt })] as Type[]) {
      const entries: string[] = [];
      for (const name of names) {
        const m = findMethod(t, name);
        if (!m) continue;
        if (t.k === 'named' && m.ptrRecv && m.path.length === 0) continue;
        const x = { c: 'r', t, mode: 'value' as const, n: null as unknown as Node };
        entries.push(`${name}: function* (r, ...a) { return ${methodCallCode(c, x, m, name, 'r', '...a')}; }`);
      }
      tables.push(`${c.typeRef(t)}.$m = { ${entries.join(', ')} };`);
    }
  }
  const types: Type[] = [];
  for (const [t, id] of c.typeIds) types[Number(id.slice(2))] = t;
  const code = [
    '"use strict";',
    `let $c = 0, $k = 0; const $CH = $opts.chunk;`,
    // whole ns go to the runtime; the fraction stays in $c for the next Work op
    `function $W() { const ns = Math.floor($c), k = $k; $c -= ns; $k = 0; return {k: $K.Work, ns, every: k > 0 ? Math.max(1, Math.floor(ns / k)) : 0}; }`,
    `function $Wc() { const ns = Math.floor($c); $c -= ns; $k = 0; return {k: $K.Work, ns, every: 0, cont: true}; }`,
    // A runtime op, preceded by the CPU work counted since the last one: a Call (a plain iterator,
    // src/workload/call.ts), not a generator, since every channel op, sleep or lock goes through it.
    'const $Call = $R.Call; function $op(o) { return $c >= 1 ? new $Call($W(), o) : new $Call(o, null); }',
    'function $PKG(n) { throw new Error("gmpsim: package function " + n + " used as a value is not supported"); }',
    types.map((_, i) => `const $T${i} = $types[${i}];`).join('\n'),
    ...c.decls,
    ...globalDecl,
    ...bodies,
    ...tables,
    `function* $init() { const $f = $R.enter("main.init", false, ${JSON.stringify(c.path(roots[0]!))}); ${globalInit.join('\n')}\n$R.leave(); ${inits.map((i) => `yield* ${i}();`).join(' ')} }`,
    'return function* $main() { yield* $init(); yield* F_main(); };',
  ].join('\n');
  return { code, types, linksOS };
}

function collectMethodNames(t: Type, out: Set<string>, depth: number): void {
  if (depth > 4) return;
  const base = t.k === 'ptr' ? t.elem : t;
  if (base.k === 'named') for (const k of base.methods.keys()) out.add(k);
  const u = underlying(base);
  if (u.k === 'iface') for (const k of u.methods.keys()) out.add(k);
  if (u.k === 'struct') for (const f of u.fields) if (f.embedded) collectMethodNames(f.type, out, depth + 1);
}

/** Package-level declarations compile with a pseudo function context (for iota, closures). */
function inPkg(c: Compiler, f: () => void, boxed: Set<string> = new Set()): void {
  const saved = c.fn;
  if (!c.fn) c.fn = { name: 'main.init', sig: { k: 'func', params: [], results: [], variadic: false } as FuncType, parent: null, closures: 0, boxed, resVars: null, hasDefer: false, labels: new Map() };
  try {
    f();
  } finally {
    c.fn = saved;
  }
}

