/**
 * Declarations (go/types decl.go): the package-level objects — the underlying types of the
 * declared type names, the constants (iota, implicit repetition of the previous spec), the
 * signatures of functions and methods (methods go into their receiver type's method set) — and
 * the same for constants and types declared inside functions. Generic functions and the methods
 * of generic types are registered as Generics (check/generics.ts), compiled per instance. Pure checking: constants fold to
 * values, types to descriptors; no code is emitted here (package variables and function bodies
 * are compiled by program.ts).
 */
import { type Node, text, kid } from '../syntax.js';
import { type Compiler, CompileError, Unsupported, Silent, type Scope } from '../../core.js';
import { type Type, type NamedType, type FuncType, tInt, underlying, typeString, isFloat, isInteger } from '../../types.js';
import { convert, ts } from '../operand.js';
import type { Package } from '../resolve.js';
import { resolveType, signature } from './typexpr.js';
import { newGeneric, markImports } from './generics.js';

/** A function or method declaration to compile: its Go name (tracebacks), JS name, receiver. */
export interface FuncDecl {
  n: Node;
  scope: Scope;
  name: string;
  js: string;
  recv: Node | null;
  recvT: NamedType | null;
}

/** Run `f`, recording a CompileError (Unsupported aborts everything). */
export function guard(c: Compiler, n: Node | null, f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof Unsupported) throw e;
    if (e instanceof CompileError) {
      if (e instanceof Silent) return;
      if (e.message === 'too many errors') throw e;
      c.aborted = true;
      c.errors.push({ node: e.node ?? n, msg: e.message });
      if (c.errors.length > 10) throw e;
    } else throw e;
  }
}

/** Run `f` with `s` as the current scope (a file's scope for a package-level declaration). */
export function inScope(c: Compiler, s: Scope, f: () => void): void {
  const saved = c.scope;
  c.scope = s;
  try {
    f();
  } finally {
    c.scope = saved;
  }
}

/** Package-level objects declared while compiling in a file scope move to the package scope. */
export function hoist(c: Compiler, scope: Scope, f: () => void): void {
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
}

/** Package-level declarations compile with a pseudo function context (for iota, closures). */
export function inPkg(c: Compiler, f: () => void, boxed: Set<string> = new Set()): void {
  const saved = c.fn;
  if (!c.fn) c.fn = { name: 'main.init', sig: { k: 'func', params: [], results: [], variadic: false } as FuncType, parent: null, closures: 0, boxed, resVars: null, hasDefer: false, labels: new Map(), pkgLevel: true };
  try {
    f();
  } finally {
    c.fn = saved;
  }
}

/** The package-level objects of `pkg`: types, constants, function and method signatures, in Go's order. */
export function checkPackageObjects(c: Compiler, pkg: Package): FuncDecl[] {
  const { decls, typeSpecs } = pkg;
  // methods of generic types: known before any type is resolved (an instance gets them when made)
  const genericMethods = new Set<Node>();
  for (const { n, scope } of decls) if (n.name === 'MethodDecl') guard(c, n, () => inScope(c, scope, () => genericMethod(c, n, scope) && genericMethods.add(n)));
  // the underlying types of the declared type names (all names are declared by now: resolve.ts)
  for (const { spec, nt, scope } of typeSpecs)
    guard(c, spec, () =>
      inScope(c, scope, () => {
        const t = resolveType(c, spec.kids[spec.kids.length - 1]!);
        if (nt) nt.under = underlying(t);
        else c.pkgScope.m.set(text(spec.kids[0]!), { kind: 'type', name: text(spec.kids[0]!), t, js: '', used: true });
      }),
    );
  // An interface embedding (or uniting) one declared after it in the file saw that one's placeholder
  // underlying type: resolve the interface declarations again, as often as such chains are long
  // (go/types resolves a declaration's dependencies first). The first pass reported the errors.
  const ifaceSpecs = typeSpecs.filter(({ spec, nt }) => nt && spec.kids[spec.kids.length - 1]!.name === 'InterfaceType');
  const nerr = c.errors.length;
  for (let pass = 0; pass < ifaceSpecs.length - 1; pass++)
    for (const { spec, nt, scope } of ifaceSpecs) guard(c, spec, () => inScope(c, scope, () => void (nt!.under = underlying(resolveType(c, spec.kids[spec.kids.length - 1]!)))));
  c.errors.length = Math.min(c.errors.length, nerr);
  // consts; one that uses a package variable (`const n = len(b.a)`, b an array-holding var) waits
  // for the variables' types (go/types checks a declaration's dependencies first)
  const pkgVars = new Set<string>();
  for (const { n } of decls) if (n.name === 'VarDecl') for (const spec of n.kids.filter((k) => k.name === 'VarSpec')) for (const d of spec.kids) if (d.name === 'DefName') pkgVars.add(text(d));
  for (const { n, scope } of decls)
    if (n.name === 'ConstDecl') {
      const before = new Set(c.pkgScope.m.keys());
      try {
        inScope(c, scope, () => hoist(c, scope, () => inPkg(c, () => constDecl(c, n))));
      } catch (e) {
        const m = e instanceof CompileError && !(e instanceof Unsupported) ? /^undefined: (\w+)$/.exec(e.message) : null;
        if (m && pkgVars.has(m[1]!)) {
          for (const k of [...c.pkgScope.m.keys()]) if (!before.has(k)) c.pkgScope.m.delete(k);
          pkg.afterVars.push({ n, scope });
        } else guard(c, n, () => {
          throw e;
        });
      }
    }
  // function and method signatures
  const funcs: FuncDecl[] = [];
  for (const { n, scope } of decls) {
    if (n.name === 'FunctionDecl' && kid(n, 'TypeParams')) {
      const name = text(kid(n, 'DefName')!);
      guard(c, n, () => {
        if (name === 'main' || name === 'init') c.fail(kid(n, 'DefName')!, `func ${name} must have no type parameters`);
        if (c.pkgScope.m.has(name)) c.err(kid(n, 'DefName')!, `${name} redeclared in this block`);
        c.pkgScope.m.set(name, { kind: 'func', name, t: { k: 'func', params: [], results: [], variadic: false }, js: '', node: n, used: true, generic: newGeneric('func', name, n, scope) });
      });
    } else if (n.name === 'FunctionDecl') {
      const name = text(kid(n, 'DefName')!);
      guard(c, n, () =>
        inScope(c, scope, () => {
          const { sig } = signature(c, n, null);
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
    } else if (n.name === 'MethodDecl' && !genericMethods.has(n)) {
      guard(c, n, () =>
        inScope(c, scope, () => {
          const recv = n.kids.find((k) => k.name === 'Parameters')!;
          const rp = recv.kids.find((k) => k.name === 'Parameter');
          if (!rp) c.fail(n, 'method has no receiver');
          const rtn = rp.kids[rp.kids.length - 1]!;
          const rt = resolveType(c, rtn);
          const ptrRecv = rt.k === 'ptr';
          const base = ptrRecv ? (rt as { elem: Type }).elem : rt;
          if (base.k !== 'named' || base.pkg !== 'main') c.fail(rtn, `cannot define new methods on non-local type ${typeString(base)}`);
          const mname = text(n.kids.find((k) => k.name === 'FieldName')!);
          if (mname === '_') return;
          const { sig } = signature(c, n, recv);
          const js = `M_${base.name}$${mname}`;
          if (base.methods.has(mname)) c.err(n, `method ${base.name}.${mname} already declared`);
          base.methods.set(mname, { name: mname, sig, ptrRecv, fn: js, native: false, gen: true });
          funcs.push({ n, scope, name: ptrRecv ? `main.(*${base.name}).${mname}` : `main.${base.name}.${mname}`, js, recv, recvT: base });
        }),
      );
    }
  }
  return funcs;
}

/** The constant declarations that waited for the package variables (checkPackageObjects). */
export function checkConstsAfterVars(c: Compiler, pkg: Package): void {
  for (const { n, scope } of pkg.afterVars) guard(c, n, () => inScope(c, scope, () => hoist(c, scope, () => inPkg(c, () => constDecl(c, n)))));
}

/** A method whose receiver is a generic type (`func (l *List[T]) Push(v T)`): registered with that type. */
function genericMethod(c: Compiler, n: Node, scope: Scope): boolean {
  const recv = n.kids.find((k) => k.name === 'Parameters');
  const rp = recv?.kids.find((k) => k.name === 'Parameter');
  if (!rp) return false;
  let rt = rp.kids[rp.kids.length - 1]!;
  while (rt.name === 'ParenthesizedType') rt = rt.kids[0]!;
  const ptrRecv = rt.name === 'PointerType';
  if (ptrRecv) rt = rt.kids[rt.kids.length - 1]!;
  while (rt.name === 'ParenthesizedType') rt = rt.kids[0]!;
  const base = rt.name === 'ParameterizedType' || rt.name === 'IndexExpr' || rt.name === 'ParameterizedExpr' ? rt.kids[0]! : rt;
  const o = c.scope.lookup(text(base));
  const g = o?.generic;
  if (!g || g.kind !== 'type') return false;
  if (base === rt) c.fail(base, `cannot use generic type ${g.name} without instantiation`);
  const ta = kid(rt, 'TypeArgs');
  const names = (ta ? ta.kids : rt.kids.slice(1)).map((k) => text(k));
  if (names.length !== g.tparams.length) c.fail(rt, `got ${names.length} type parameters, but receiver base type declares ${g.tparams.length}`);
  const mname = text(n.kids.find((k) => k.name === 'FieldName')!);
  if (mname !== '_') g.methods.push({ n, scope, name: mname, ptrRecv, recvNames: names });
  markImports(n, scope);
  return true;
}

export function constDecl(c: Compiler, n: Node): void {
  const specs = n.kids.filter((k) => k.name === 'ConstSpec').concat(kid(n, 'SpecList')?.kids.filter((k) => k.name === 'ConstSpec') ?? []);
  let lastVals: Node[] = [];
  let lastType: Node | undefined;
  specs.forEach((spec, iota) => {
    const names = spec.kids.filter((k) => k.name === 'DefName');
    const eq = spec.kids.findIndex((k) => k.name === '=');
    let typeN = spec.kids.find((k, i) => k.name !== 'DefName' && (eq < 0 || i < eq) && k.name !== 'const');
    let vals = eq >= 0 ? spec.kids.slice(eq + 1) : [];
    if (vals.length === 0) {
      vals = lastVals;
      typeN = lastType;
    } else {
      lastVals = vals;
      lastType = typeN;
    }
    const t = typeN ? resolveType(c, typeN) : null;
    const saved = c.iota;
    c.iota = iota;
    try {
      names.forEach((dn, i) => {
        const vn = vals[i];
        if (!vn) c.fail(dn, 'missing init expr for const declaration');
        const v = c.expr(vn);
        if (v.cv === undefined) c.fail(vn, `${text(vn)} (value of type ${ts(v.t)}) is not constant`);
        let cv = v.cv;
        let ct = v.t;
        if (t) {
          convert(c, v, t, 'constant declaration');
          ct = t;
          if (typeof cv === 'number' && underlying(t).k === 'basic' && (underlying(t) as { name: string }).name.startsWith('int') && !Number.isInteger(cv)) c.fail(vn, 'constant truncated');
          cv = v.cv!;
          // a typed float constant is a double (an integer one beyond 2^53 rounded); a float32 one is
          // rounded to float32 (go/types roundFloat32)
          if (typeof cv === 'bigint' && isFloat(t)) cv = Number(cv);
          // an integer constant beyond 2^53 is a bigint (a float constant 1e18 declared int64 too)
          if (typeof cv === 'number' && isInteger(t) && Number.isInteger(cv) && !Number.isSafeInteger(cv)) cv = BigInt(cv);
          if (typeof cv === 'number' && underlying(t).k === 'basic' && (underlying(t) as { name: string }).name === 'float32') cv = Math.fround(cv);
        }
        // an untyped float constant keeps its exact value (compiler/exact.ts); a typed one is its double
        const exact = !t && v.exact ? { exact: v.exact } : {};
        c.declare(dn, { kind: 'const', name: text(dn), t: ct, js: '', cv, node: dn, used: true, ...exact });
      });
    } finally {
      c.iota = saved;
    }
  });
}

export function localTypes(c: Compiler, n: Node): void {
  const specs = n.kids.filter((k) => k.name === 'TypeSpec').concat(kid(n, 'SpecList')?.kids.filter((k) => k.name === 'TypeSpec') ?? []);
  for (const spec of specs) {
    const dn = spec.kids[0]!;
    const alias = spec.kids.some((k) => k.name === '=');
    const tn = spec.kids[spec.kids.length - 1]!;
    // go1.20+ run-time names (VersionProfile.localTypeNames): the type's number, and the type
    // arguments of the generic function instance it is declared in
    const vargen = c.localTypeGen.get(spec);
    const implicits = vargen !== undefined && c.inst !== null && c.inst.targs.length > 0 ? c.inst.targs : undefined;
    if (kid(spec, 'TypeParams')) {
      // a generic type local to the function: instantiated in the scope it is declared in
      const g = newGeneric('type', text(dn), spec, c.scope);
      if (vargen !== undefined) g.vargen = vargen;
      if (implicits !== undefined) g.implicits = implicits;
      c.declare(dn, { kind: 'type', name: text(dn), t: tInt, js: '', used: true, generic: g });
      continue;
    }
    if (alias) {
      c.declare(dn, { kind: 'type', name: text(dn), t: resolveType(c, tn), js: '', used: true });
      continue;
    }
    const nt: NamedType = { k: 'named' as const, name: text(dn), pkg: 'main', under: tInt as Type, methods: new Map(), native: null };
    if (vargen !== undefined) nt.vargen = vargen;
    if (implicits !== undefined) nt.implicits = implicits;
    c.declare(dn, { kind: 'type', name: text(dn), t: nt, js: '', used: true });
    nt.under = underlying(resolveType(c, tn));
  }
}
