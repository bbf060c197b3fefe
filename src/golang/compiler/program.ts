/**
 * The program: resolve (resolve.ts), check the package-level objects (check/decls.ts), then
 * compile the package-level variables (initialised in source order in $init) and the function
 * bodies, then the instances of generic functions and methods they made (check/generics.ts), report unused imports, build the method tables of the program's named types, and emit
 * the JavaScript module (the program's prologue: the CPU-work accumulator `$S.c`, `$W`/`$Wc` Work
 * ops, `$op`; type descriptors; struct classes; globals; bodies).
 */
import { type Node, text } from './syntax.js';
import type { Compiler, Scope } from '../core.js';
import { type Type, underlying, typeString, holdsPointers } from '../types.js';
import { varSpec } from './decl.js';
import { checkPackageObjects, checkConstsAfterVars, guard, inScope, hoist, inPkg } from './check/decls.js';
import { findMethod, methodCallCode } from './operand.js';
import { resolve, specs } from './resolve.js';
import { checkGenericBodies } from './check/generics.js';

export interface Emitted {
  code: string;
  types: Type[];
  linksOS: boolean;
}


/**
 * cmd/compile's typegen (noder/writer.go collectDecls): every non-alias type declared inside a
 * function body is numbered, package-wide, in the order a pre-order walk of the files meets them.
 */
function numberLocalTypes(c: Compiler, roots: readonly Node[]): void {
  let gen = 0;
  const walk = (n: Node, inFunc: boolean): void => {
    if (n.name === 'TypeSpec' && inFunc && !n.kids.some((k) => k.name === '=')) c.localTypeGen.set(n, ++gen);
    const within = inFunc || n.name === 'Block';
    for (const k of n.kids) walk(k, within);
  };
  for (const r of roots) walk(r, false);
}

export function compileProgram(c: Compiler, files: { name: string; text: string }[], cgo: Record<string, number>, cgoDefault: number): Emitted | null {
  const pkg = resolve(c, files, cgo, cgoDefault);
  if (!pkg) return null;
  const { roots, importObjs, linksOS, decls, addrTaken } = pkg;
  if (c.lang.localTypeNames) numberLocalTypes(c, roots);
  const funcs = checkPackageObjects(c, pkg);
  // global vars, initialised inside $init in Go's order (spec, "Package initialization"): the
  // earliest variable in declaration order that depends on no uninitialised variable, its
  // dependencies being the package variables its initialiser names, also through the package
  // functions it names (initOrder); the same order type-checks them
  const globalInit: string[] = [];
  const globalDecl: string[] = [];
  for (const { spec, scope } of initOrder(decls))
    guard(c, spec, () =>
      inScope(c, scope, () =>
        inPkg(c, () => {
          const before = new Set(c.pkgScope.m.keys());
          // compile in a pseudo-function so initialisers may call functions
          let code = '';
          hoist(c, scope, () => (code = varSpec(c, spec, true)));
          for (const [k, o] of c.pkgScope.m) {
            if (before.has(k) || o.kind !== 'var') continue;
            globalDecl.push(`let ${o.js};`);
          }
          globalInit.push(`$f.l = ${c.line(spec)}; ${code}`);
        }, addrTaken),
      ),
    );
  checkConstsAfterVars(c, pkg);
  if (c.lets.length) globalDecl.push(`let ${c.lets.join(', ')};`);
  // the package variables are roots of the garbage collector's mark (rt/gcmark.ts HeapMarker.globals)
  const globalRoots: string[] = [];
  for (const o of c.pkgScope.m.values()) {
    if (o.kind !== 'var' || !/^[A-Za-z_$][\w$]*$/.test(o.js) || !holdsPointers(o.t)) continue;
    globalRoots.push(`$v(${o.js}, ${c.typeRef(o.boxed ? c.types.intern({ k: 'ptr', elem: o.t }) : o.t)});`);
  }
  if (globalRoots.length) globalDecl.push(`if ($opts.gc) $opts.gc.globals = ($v) => { ${globalRoots.join(' ')} };`);
  c.lets = [];
  if (!c.pkgScope.m.has('main') || c.pkgScope.m.get('main')!.kind !== 'func') c.err(null, 'function main is undeclared in the main package');
  // bodies
  const bodies: string[] = [];
  const inits: string[] = [];
  for (const f of funcs)
    guard(c, f.n, () =>
      inScope(c, f.scope, () => {
        const { code } = c.funcBody(f.n, f.name, f.recv, f.js);
        bodies.push(code);
        if (f.js.startsWith('F_init')) inits.push(f.js);
      }),
    );
  // generic bodies checked once (their errors), then the instances made while compiling the above (and each other)
  checkGenericBodies(c);
  for (let p = c.pending.shift(); p; p = c.pending.shift()) {
    const q = p;
    c.recvT = q.recvT ?? null;
    c.inst = q.inst;
    guard(c, q.n, () => inScope(c, q.scope, () => void bodies.push(c.funcBody(q.n, q.name, q.recv, q.js).code)));
    c.recvT = null;
    c.inst = null;
  }
  // types2 (resolver.go unusedImports): go1.19 `imported and not used: "os" as o`, go1.26 `"os" imported as o and not used`
  const modern = c.lang.typeCheckerMessages === '1.26';
  if (!c.aborted)
    for (const { o, n, path, alias } of importObjs)
      if (!o.used) c.err(n, modern ? `"${path}" imported${alias !== null ? ` as ${alias}` : ''} and not used` : `imported and not used: "${path}"${alias !== null ? ` as ${alias}` : ''}`);
  if (c.errors.length) return null;
  // method tables for the program's named types (and their pointers), and for the unnamed struct
  // types (and their pointers) used at run time whose embedded fields promote methods
  // (test/method.go: `var zs struct{ S }` converted to an interface)
  const tables: string[] = [];
  const table = (t: Type, names: Set<string>): void => {
    const entries: string[] = [];
    const sigs: string[] = [];
    for (const name of names) {
      const m = findMethod(t, name);
      if (!m) continue;
      // the method set of T holds no pointer method unless it is promoted through an embedded *E
      if (t.k !== 'ptr' && m.ptrRecv && !m.lastPtr) continue;
      const x = { c: 'r', t, mode: 'value' as const, n: null as unknown as Node };
      entries.push(`${name}: function* (r, ...a) { return ${methodCallCode(c, x, m, name, 'r', '...a')}; }`);
      sigs.push(`${name}: ${JSON.stringify(typeString(m.sig))}`);
    }
    tables.push(`${c.typeRef(t)}.$m = { ${entries.join(', ')} };`);
    // the signatures, for type assertions to interfaces (rt/ifaces.ts hasMethod)
    tables.push(`${c.typeRef(t)}.$sig = { ${sigs.join(', ')} };`);
  };
  for (const nt of c.named) {
    const names = new Set<string>();
    collectMethodNames(nt, names, 0);
    if (names.size === 0) continue;
    for (const t of [nt, c.types.intern({ k: 'ptr', elem: nt })] as Type[]) table(t, names);
  }
  for (const t of [...c.typeIds.keys()]) {
    const base = t.k === 'ptr' ? t.elem : t;
    if (base.k !== 'struct' || !base.fields.some((f) => f.embedded)) continue;
    const names = new Set<string>();
    collectMethodNames(base, names, 0);
    if (names.size > 0) table(t, names);
  }
  const types: Type[] = [];
  for (const [t, id] of c.typeIds) types[Number(id.slice(2))] = t;
  const code = [
    '"use strict";',
    // The CPU-work accumulator is a field of an object ($S.c), not a `let`: a closure's context slot keeps
    // no unboxed double, so each `$c += 0.092` of every Go statement allocated a HeapNumber (and a
    // write barrier); an object's double field is updated in place. Same IEEE additions, same values.
    // Made with a fractional value so the field is a double field from the start.
    `let $k = 0; const $S = { c: 0.5 }; $S.c = 0; const $CH = $opts.chunk, $LY = 67108864; const $A = $L.heap, $U = $L.cpu;`,
    // whole ns go to the runtime (the statements' counted CPU and what run-time code charged, rt/cpu.ts);
    // the fraction stays in $c for the next Work op; the bytes allocated since the last op ride along (rt/malloc.ts)
    `function $W() { $S.c += $U.ns; $U.ns = 0; const ns = Math.floor($S.c), k = $k, alloc = $A.b, allocLarge = $A.l, allocBuffers = $A.u, allocSpans = $A.n; $S.c -= ns; $k = 0; $A.b = 0; $A.l = 0; $A.u = 0; $A.n = 0; return {k: $K.Work, ns, every: k > 0 ? Math.max(1, Math.floor(ns / k)) : 0, cont: false, alloc, allocLarge, allocBuffers, allocSpans}; }`,
    `function $Wc() { $S.c += $U.ns; $U.ns = 0; const ns = Math.floor($S.c), alloc = $A.b, allocLarge = $A.l, allocBuffers = $A.u, allocSpans = $A.n; $S.c -= ns; $k = 0; $A.b = 0; $A.l = 0; $A.u = 0; $A.n = 0; return {k: $K.Work, ns, every: 0, cont: true, alloc, allocLarge, allocBuffers, allocSpans}; }`,
    // A runtime op, preceded by the CPU work counted since the last one: a Call (a plain iterator,
    // src/workload/call.ts), not a generator, since every channel op, sleep or lock goes through it.
    'const $Call = $R.Call; function $op(o) { return $S.c >= 1 || $A.b > 0 || $U.ns > 0 ? new $Call($W(), o) : new $Call(o, null); }',
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

/**
 * The package variables' specs in initialisation order (spec, "Package initialization"; go/types
 * initorder.go): a spec's dependencies are the package variables named in its initialiser, directly
 * or in the bodies of the package functions it names (transitively). Names are matched
 * syntactically (a local that shadows a package name counts too: it can only make a variable wait
 * for one declared later). A cycle leaves the rest in declaration order (go reports it).
 */
function initOrder(decls: { n: Node; scope: Scope }[]): { spec: Node; scope: Scope }[] {
  const varSpecs: { spec: Node; scope: Scope; names: string[] }[] = [];
  const funcs = new Map<string, Node>();
  for (const { n, scope } of decls) {
    if (n.name === 'VarDecl') for (const spec of specs(n, 'VarSpec')) varSpecs.push({ spec, scope, names: spec.kids.filter((k) => k.name === 'DefName').map(text) });
    if (n.name === 'FunctionDecl') {
      const d = n.kids.find((k) => k.name === 'DefName');
      if (d) funcs.set(text(d), n);
    }
  }
  const isVar = new Set(varSpecs.flatMap((v) => v.names));
  const idents = (n: Node, out: Set<string>): Set<string> => {
    if (n.name === 'VariableName') out.add(text(n));
    for (const k of n.kids) idents(k, out);
    return out;
  };
  // the package variables a function uses, through the functions it calls
  const funcVars = new Map<string, Set<string>>();
  const usesOfFunc = (name: string): Set<string> => {
    let vs = funcVars.get(name);
    if (vs) return vs;
    vs = new Set();
    funcVars.set(name, vs);
    for (const id of idents(funcs.get(name)!, new Set())) {
      if (isVar.has(id)) vs.add(id);
      else if (funcs.has(id)) for (const v of usesOfFunc(id)) vs.add(v);
    }
    return vs;
  };
  const deps = varSpecs.map((v) => {
    const ds = new Set<string>();
    for (const k of v.spec.kids) {
      if (k.name === 'DefName') continue;
      for (const id of idents(k, new Set())) {
        if (isVar.has(id)) ds.add(id);
        else if (funcs.has(id)) for (const x of usesOfFunc(id)) ds.add(x);
      }
    }
    for (const nm of v.names) ds.delete(nm);
    return ds;
  });
  const done = new Set<string>();
  const out: { spec: Node; scope: Scope }[] = [];
  const left = varSpecs.map((_, i) => i);
  while (left.length > 0) {
    let at = left.findIndex((i) => [...deps[i]!].every((d) => done.has(d)));
    if (at < 0) at = 0;
    const i = left.splice(at, 1)[0]!;
    out.push(varSpecs[i]!);
    for (const nm of varSpecs[i]!.names) done.add(nm);
  }
  return out;
}
