/**
 * The program: resolve (resolve.ts), check the package-level objects (check/decls.ts), then
 * compile the package-level variables (initialised in source order in $init) and the function
 * bodies, then the instances of generic functions and methods they made (check/generics.ts), report unused imports, build the method tables of the program's named types, and emit
 * the JavaScript module (the program's prologue: the CPU-work accumulator `$c`, `$W`/`$Wc` Work
 * ops, `$op`; type descriptors; struct classes; globals; bodies).
 */
import type { Node } from './syntax.js';
import type { Compiler } from '../core.js';
import { type Type, underlying, typeString } from '../types.js';
import { varSpec } from './decl.js';
import { checkPackageObjects, guard, inScope, hoist, inPkg } from './check/decls.js';
import { findMethod, methodCallCode } from './operand.js';
import { resolve, specs } from './resolve.js';
import { checkGenericBodies } from './check/generics.js';

export interface Emitted {
  code: string;
  types: Type[];
  linksOS: boolean;
}


export function compileProgram(c: Compiler, files: { name: string; text: string }[], cgo: Record<string, number>, cgoDefault: number): Emitted | null {
  const pkg = resolve(c, files, cgo, cgoDefault);
  if (!pkg) return null;
  const { roots, importObjs, linksOS, decls, addrTaken } = pkg;
  const funcs = checkPackageObjects(c, pkg);
  // global vars (initialised in source order inside $init)
  const globalInit: string[] = [];
  const globalDecl: string[] = [];
  for (const { n, scope } of decls)
    if (n.name === 'VarDecl')
      for (const spec of specs(n, 'VarSpec'))
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
  if (c.lets.length) globalDecl.push(`let ${c.lets.join(', ')};`);
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
  for (const { o, n, path } of importObjs) if (!o.used) c.err(n, `imported and not used: "${path}"`);
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
    `let $c = 0, $k = 0; const $CH = $opts.chunk; const $A = $L.heap;`,
    // whole ns go to the runtime; the fraction stays in $c for the next Work op; the bytes allocated
    // since the last op ride along (rt/malloc.ts)
    `function $W() { const ns = Math.floor($c), k = $k, alloc = $A.b; $c -= ns; $k = 0; $A.b = 0; return {k: $K.Work, ns, every: k > 0 ? Math.max(1, Math.floor(ns / k)) : 0, cont: false, alloc}; }`,
    `function $Wc() { const ns = Math.floor($c), alloc = $A.b; $c -= ns; $k = 0; $A.b = 0; return {k: $K.Work, ns, every: 0, cont: true, alloc}; }`,
    // A runtime op, preceded by the CPU work counted since the last one: a Call (a plain iterator,
    // src/workload/call.ts), not a generator, since every channel op, sleep or lock goes through it.
    'const $Call = $R.Call; function $op(o) { return $c >= 1 || $A.b > 0 ? new $Call($W(), o) : new $Call(o, null); }',
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


