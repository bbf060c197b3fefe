/**
 * Generics (spec: "Type parameter declarations", "Instantiations", "Type inference", "Interface
 * types" / type sets, core types; go/types decl.go collectTypeParams, instantiate.go, infer.go,
 * unify.go, typeset.go).
 *
 * STRATEGY: full stenciling. A generic function or type is declared once (an Obj with `generic`,
 * core.ts) and compiled once per distinct list of type arguments: an instance's body is checked and
 * emitted in a scope where each type parameter names its type argument (a type object like any
 * other), so every rule of the one-pass checker/emitter applies to it unchanged — arithmetic wraps
 * at the instantiated integer's width, `var x T` is the argument's zero value, conversions,
 * indexing, range, len, make, composite literals, type switches through interfaces and %T all see
 * the concrete type, and the run-time descriptor of `List[int]` is an ordinary NamedType (with
 * `targs`, printed `main.List[int]`). Chosen over dictionaries because this compiler has no
 * representation of "a value of type parameter type" at run time and emits type-specific code
 * everywhere (wrapping, struct classes, copies); dictionaries would have to thread descriptors
 * through all of it. Stenciling costs one copy of the JS per instance, which Go programs of this
 * size never notice.
 *
 * What is checked generically: instantiation (type-argument count, constraint satisfaction: method
 * sets, type sets of ~T terms and unions, comparable — interfaces satisfy it from go1.20 on),
 * inference (function argument type inference by unifying the parameter types' syntax with the
 * argument types, untyped constants last — go1.19 takes the first one's default type, go1.21+ the
 * largest kind; then constraint type inference through core types), instantiation cycles, and each
 * generic body once (checkGenericBodies: its type parameters as types of their own, so an error is
 * reported even when the body is never instantiated), with the release's error texts.
 *
 * SIMPLIFICATIONS: in the once-only check of a generic body a type parameter's type set is stood
 * for by its first term's type (operators are checked against every term), and only the errors
 * that type-set approximation cannot cause are kept (operator not defined on `x (variable of type
 * T constrained by C)`, no field or method, unused variables): an operation valid for one type
 * argument but not for the whole type set may compile, and an instance's own errors are reported
 * at the generic body (identical messages are merged). Constants of type parameter type stay
 * constants in instances; core types are inferred only from constraints written in place
 * (`~[]E`, `interface{ ~[]E }`) or named constraints whose type set is one term. Instances are
 * compiled after the non-generic bodies (program.ts drains `c.pending`).
 */
import { type Node, text, kid } from '../syntax.js';
import { type Compiler, type Generic, type GenericMethod, type Instance, type Val, Scope, CompileError, Unsupported, Silent } from '../../core.js';
import { type Type, type FuncType, type NamedType, type IfaceType, type Term, tInt, identical, underlying, comparable, isUntyped, defaultType, newNamed } from '../../types.js';
import { implementsIface, findMethod, ts } from '../operand.js';
import { resolveType, signature, ifaceType, uninstantiated, pkgMember } from './typexpr.js';
export { uninstantiated };

/** Nested instances of one generic (each made by the previous one's body) before it counts as a cycle. */
const maxDepth = 100;

/** The type parameters of a TypeParams node: `[K comparable, E, R any]`. */
export function typeParams(n: Node): Generic['tparams'] {
  const out: Generic['tparams'] = [];
  for (const p of n.kids) {
    if (p.name !== 'TypeParam') continue;
    const constraint = p.kids[p.kids.length - 1]!;
    for (const k of p.kids.slice(0, -1)) out.push({ name: text(k), node: k, constraint });
  }
  return out;
}

/**
 * A generic declaration. The imports its body names count as used even if it is never instantiated
 * (gc checks the generic body once; gmpsim only its instances).
 */
export function newGeneric(kind: 'func' | 'type', name: string, node: Node, scope: Scope): Generic {
  markImports(node, scope);
  return { kind, name, node, scope, tparams: typeParams(kid(node, 'TypeParams')!), instances: [], methods: [] };
}

/** Mark the imports a generic declaration names as used. */
export function markImports(node: Node, scope: Scope): void {
  const mark = (n: Node): void => {
    if ((n.name === 'SelectorExpr' || n.name === 'QualifiedType') && (n.kids[0]?.name === 'VariableName' || n.kids[0]?.name === 'PackageName' || n.kids[0]?.name === 'TypeName')) {
      const o = scope.lookup(text(n.kids[0]));
      if (o?.kind === 'pkg') o.used = true;
    }
    n.kids.forEach(mark);
  };
  mark(node);
}

/** The generic a name or selector refers to, if any (no error when it is not one). */
export function genericOf(c: Compiler, n: Node): Generic | null {
  if ((n.name === 'SelectorExpr' || n.name === 'QualifiedType') && n.kids[0]?.name === 'VariableName') {
    // a library generic: pkg.F (compiler/stdsrc.ts)
    const po = c.scope.lookup(text(n.kids[0]));
    if (po?.kind !== 'pkg') return null;
    const m = c.pkgs.get(po.pkg!)?.get(text(n.kids[n.kids.length - 1]!));
    if (!m?.generic) return null;
    po.used = true;
    return m.generic;
  }
  if (n.name !== 'VariableName' && n.name !== 'TypeName') return null;
  const o = c.scope.lookup(text(n));
  return o?.generic ?? null;
}

/** The scope binding each type parameter of g to its argument (the instance's scope). */
function bindScope(g: Generic, names: string[], targs: Type[]): Scope {
  const s = new Scope(g.scope, null);
  names.forEach((nm, i) => {
    if (nm !== '_') s.m.set(nm, { kind: 'type', name: nm, t: targs[i]!, js: '', used: true, tparam: true });
  });
  return s;
}

function inScope<T>(c: Compiler, s: Scope, f: () => T): T {
  const saved = c.scope;
  c.scope = s;
  try {
    return f();
  } finally {
    c.scope = saved;
  }
}

// ------------------------------------------------------------------ constraints and type sets

/** The constraint of a type parameter as an interface (a bare `~int | string` is `interface{~int | string}`). */
export function constraintOf(c: Compiler, n: Node): IfaceType {
  if (n.name === 'InterfaceType') return ifaceType(c, n);
  const terms = termList(c, n);
  if (terms.iface) return terms.iface;
  return c.types.intern({ k: 'iface', methods: new Map(), terms: terms.terms }) as IfaceType;
}

/** The terms of a union element (or, for a single interface name, that interface). */
export function termList(c: Compiler, n: Node): { terms: Term[]; iface?: IfaceType } {
  const parts = n.name === 'TypeElem' ? n.kids.filter((k) => k.name !== 'LogicOp') : [n];
  const terms: Term[] = [];
  for (const p of parts) {
    if (p.name === 'UnderlyingType') {
      terms.push({ tilde: true, t: resolveType(c, p.kids[p.kids.length - 1]!) });
      continue;
    }
    const t = resolveType(c, p);
    const u = underlying(t);
    if (u.k === 'iface') {
      if (parts.length === 1) return { terms: [], iface: u };
      // an interface in a union contributes its type set (method-less constraint interfaces only)
      if (u.terms) terms.push(...u.terms);
      continue;
    }
    terms.push({ tilde: false, t });
  }
  return { terms };
}

function inTerms(t: Type, terms: Term[]): boolean {
  return terms.some((x) => (x.tilde ? identical(underlying(t), x.t) : identical(t, x.t)));
}

/**
 * Why t does not satisfy constraint `con` (named `cname`), or null. The texts of the release's
 * types2: go1.19 (instantiate.go) says "does not implement" and "(missing M method)", go1.20+
 * "does not satisfy" and "(missing method M)".
 */
function unsatisfied(c: Compiler, t: Type, con: IfaceType, cname: string, pname: string, inCall: string | null): string | null {
  const tstr = ts(t);
  const old = c.release === '1.19';
  const verb = old ? 'does not implement' : 'does not satisfy';
  if (con.terms) {
    if (underlying(t).k === 'iface') return `${tstr} ${verb} ${cname}`;
    if (!inTerms(t, con.terms)) {
      const set = con.terms.map((x) => (x.tilde ? '~' : '') + ts(x.t)).join(' | ');
      if (con.terms.length === 0) return `cannot use ${tstr} as ${cname} value: empty type set`;
      return `${tstr} ${verb} ${cname} (${tstr} missing in ${set})`;
    }
  }
  if (con.comparable) {
    const isIface = underlying(t).k === 'iface';
    // go1.20 made interfaces satisfy comparable (spec: "Satisfying a type constraint")
    if (!comparable(t) || (isIface && old)) return `${tstr} ${verb} comparable`;
  }
  if (con.methods.size) {
    // the method set of a non-pointer named type lacks its pointer-receiver methods
    const r = implementsIface(t, con.methods);
    if (r.ok && t.k === 'named' && underlying(t).k !== 'iface')
      for (const name of con.methods.keys()) {
        const m = findMethod(t, name);
        if (m && m.ptrRecv && m.path.length === 0) {
          r.ok = false;
          r.ptr = true;
          r.missing = name;
          break;
        }
      }
    if (!r.ok && r.ptr) return old ? `${tstr} ${verb} ${cname} (${r.missing} method has pointer receiver)` : `${inCall ? `in call to ${inCall}, ${pname} (type ${tstr})` : tstr} ${verb} ${cname} (method ${r.missing} has pointer receiver)`;
    if (!r.ok) return `${tstr} ${verb} ${cname} (${old ? `missing ${r.missing} method` : `missing method ${r.missing}`})`;
  }
  return null;
}

// ------------------------------------------------------------------ instantiation

/** Check the type arguments against g's constraints (in the instance's scope: constraints may name other parameters). */
function verify(c: Compiler, g: Generic, targs: Type[], s: Scope, at: (i: number) => Node, inferred = 0): void {
  g.tparams.forEach((p, i) => {
    const con = inScope(c, s, () => constraintOf(c, p.constraint));
    const cname = p.constraint.name === 'TypeName' || p.constraint.name === 'QualifiedType' ? text(p.constraint) : ts(con);
    const why = unsatisfied(c, targs[i]!, con, cname, p.name, i >= inferred && g.kind === 'func' ? g.name : null);
    if (why) c.fail(at(i), why);
  });
}

function find(g: Generic, targs: Type[]): Generic['instances'][number] | undefined {
  return g.instances.find((x) => x.targs.every((t, i) => identical(t, targs[i]!)));
}

/** Does type t contain u as a proper part ([]u, map[K]u, *u, func(u), List[u]…)? */
function contains(t: Type, u: Type): boolean {
  const kids = (x: Type): Type[] => {
    switch (x.k) {
      case 'ptr':
      case 'slice':
      case 'array':
      case 'chan':
        return [x.elem];
      case 'map':
        return [x.key, x.elem];
      case 'func':
        return [...x.params, ...x.results];
      case 'struct':
        return x.fields.map((f) => f.type);
      case 'named':
        return x.targs ?? [];
      default:
        return [];
    }
  };
  return kids(t).some((k) => identical(k, u) || contains(k, u));
}

/**
 * An instantiation cycle (types2 monomorph.go): g instantiated, inside one of its own instances,
 * with an argument built from that instance's argument (`F[[]T]` in F's body) — infinitely many
 * instances. Reported at the type parameter as gc does.
 */
function checkCycle(c: Compiler, g: Generic, targs: Type[], at: (i: number) => Node, explicit: number): void {
  // an argument written in terms of the enclosing instance's type parameters (`[]T`, not `[]int`)
  const derived = (k: number): boolean => {
    if (k >= explicit) return false;
    const uses = (n: Node): boolean => ((n.name === 'TypeName' || n.name === 'VariableName') && c.scope.lookup(text(n))?.tparam === true) || n.kids.some(uses);
    return uses(at(k));
  };
  let depth = 0;
  for (let p = c.inst; p; p = p.parent) {
    if (p.g !== g) continue;
    depth++;
    const i = targs.findIndex((t, k) => derived(k) && contains(t, p.targs[k]!));
    if (i >= 0 || depth > maxDepth) {
      const k = Math.max(0, i);
      const n = at(k);
      const tp = g.tparams[k]!;
      const pos = n.file.pos(n.from);
      c.fail(tp.node, `instantiation cycle:\n\t./${n.file.name.split('/').pop()}:${pos.line}:${pos.col}: ${tp.name} instantiated as ${text(n).startsWith('(') ? ts(targs[k]!) : text(n)}`);
    }
  }
}

/** The instance of generic function g for targs: its JS name and signature (its body is queued). */
export function instantiateFunc(c: Compiler, g: Generic, targs: Type[], at: (i: number) => Node, explicit = targs.length): { js: string; sig: FuncType } {
  const have = find(g, targs);
  if (have) return { js: have.js, sig: have.t as FuncType };
  const s = bindScope(g, g.tparams.map((p) => p.name), targs);
  verify(c, g, targs, s, at, explicit);
  checkCycle(c, g, targs, at, explicit);
  const { sig } = inScope(c, s, () => signature(c, g.node, null));
  // inside a generic body being checked once: nothing to compile
  if (targs.some(isOpen)) return { js: 'null', sig };
  const js = `F_${g.pkg ? g.pkg + '$' : ''}${g.name}$${g.instances.length}`;
  g.instances.push({ targs, js, t: sig });
  c.pending.push({ n: g.node, scope: s, name: `${g.pkg ?? 'main'}.${g.name}[...]`, js, recv: null, inst: { g, targs, parent: c.inst } });
  return { js, sig };
}

/** The instance of generic type g for targs (one NamedType per distinct list; its methods instantiated). */
export function instantiateType(c: Compiler, g: Generic, targs: Type[], at: (i: number) => Node): NamedType {
  const have = find(g, targs);
  if (have) return have.t as NamedType;
  const s = bindScope(g, g.tparams.map((p) => p.name), targs);
  checkCycle(c, g, targs, at, targs.length);
  const nt = newNamed(g.name, g.pkg ?? 'main', tInt);
  nt.targs = targs;
  nt.origin = g;
  if (g.vargen !== undefined) nt.vargen = g.vargen;
  if (g.implicits !== undefined) nt.implicits = g.implicits;
  g.instances.push({ targs, js: '', t: nt });
  const open = targs.some(isOpen);
  if (!open) c.named.push(nt);
  verify(c, g, targs, s, at);
  nt.under = underlying(inScope(c, s, () => resolveType(c, g.node.kids[g.node.kids.length - 1]!)));
  for (const m of g.methods) instantiateMethod(c, g, nt, m, targs, { g, targs, parent: c.inst }, open);
  return nt;
}

function instantiateMethod(c: Compiler, g: Generic, nt: NamedType, m: GenericMethod, targs: Type[], inst: Instance, open: boolean): void {
  const s = bindScope(g, m.recvNames, targs);
  const recv = m.n.kids.find((k) => k.name === 'Parameters')!;
  const { sig } = inScope(c, s, () => signature(c, m.n, recv));
  const k = g.instances.length - 1;
  const js = `M_${g.name}$${m.name}$${k}`;
  if (nt.methods.has(m.name)) c.fail(m.n, `method ${g.name}.${m.name} already declared`);
  nt.methods.set(m.name, { name: m.name, sig, ptrRecv: m.ptrRecv, fn: js, native: false, gen: true });
  if (!open) c.pending.push({ n: m.n, scope: s, name: m.ptrRecv ? `main.(*${g.name}[...]).${m.name}` : `main.${g.name}[...].${m.name}`, js, recv, recvT: m.ptrRecv ? c.types.intern({ k: 'ptr', elem: nt }) : nt, inst });
}

// ------------------------------------------------------------------ the generic check of bodies

/** Does t mention a type parameter of a generic body being checked? */
export function isOpen(t: Type, depth = 0): boolean {
  if (depth > 8) return false;
  switch (t.k) {
    case 'named':
      return t.tparamOf !== undefined || (t.targs ?? []).some((a) => isOpen(a, depth + 1));
    case 'ptr':
    case 'slice':
    case 'array':
    case 'chan':
      return isOpen(t.elem, depth + 1);
    case 'map':
      return isOpen(t.key, depth + 1) || isOpen(t.elem, depth + 1);
    case 'func':
      return [...t.params, ...t.results].some((x) => isOpen(x, depth + 1));
    case 'struct':
      return t.fields.some((f) => isOpen(f.type, depth + 1));
    default:
      return false;
  }
}

/**
 * The scope of a generic body checked once: each type parameter a type of its own (a NamedType
 * with `tparamOf`, printed by its name) whose underlying type stands for its type set — the first
 * term's underlying type, or the constraint interface (its methods) when it has no terms.
 */
function tparamScope(c: Compiler, g: Generic, names: string[]): { s: Scope; types: NamedType[] } {
  const types = g.tparams.map((p, i) => {
    const nt = newNamed(names[i] ?? p.name, '', tInt);
    const con = p.constraint;
    nt.tparamOf = con.name === 'InterfaceType' ? text(con).replace(/\s+/g, ' ').replace('interface {', 'interface{') : text(con).replace(/\s+/g, ' ');
    return nt;
  });
  const decl = bindScope(g, g.tparams.map((p) => p.name), types);
  g.tparams.forEach((p, i) => {
    const con = inScope(c, decl, () => constraintOf(c, p.constraint));
    const nt = types[i]!;
    nt.under = con.terms && con.terms.length > 0 ? underlying(con.terms[0]!.t) : con;
    if (con.terms) nt.tset = con.terms;
    for (const [name, sig] of con.methods) nt.methods.set(name, { name, sig, ptrRecv: false, fn: '', native: false, gen: true });
  });
  return { s: bindScope(g, names, types), types };
}

/** Errors of a generic body checked once that gc gives there too (the rest come from the approximation of type sets). */
function genericError(msg: string, names: string[]): boolean {
  return / constrained by |declared but not used|declared and not used/.test(msg) || names.some((nm) => msg.includes(`(type ${nm} has no field or method `) || msg.includes(`(type *${nm} has no field or method `));
}

/** Check one generic body in its type parameters' scope, keeping the errors genericError accepts. */
function checkBody(c: Compiler, n: Node, s: Scope, name: string, recv: Node | null, recvT: Type | null, names: string[]): void {
  const before = c.errors.length;
  const saved = c.scope;
  c.recvT = recvT;
  try {
    c.scope = s;
    c.funcBody(n, name, recv, null);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    if (!(e instanceof Unsupported) && !(e instanceof Silent)) c.errors.push({ node: e.node, msg: e.message });
  } finally {
    c.scope = saved;
    c.recvT = null;
  }
  const fresh = c.errors.splice(before);
  c.errors.push(...fresh.filter((e) => genericError(e.msg, names)).slice(0, 10));
}

/**
 * The generic functions and methods of generic types, each checked once with its type parameters
 * as types (gc reports an error in a generic body whether or not it is instantiated); nothing is
 * emitted. Only the errors genericError accepts are reported: gmpsim's stand-in for a type set
 * is one type, so other errors could be artefacts of it.
 */
export function checkGenericBodies(c: Compiler): void {
  for (const o of [...c.pkgScope.m.values()]) {
    const g = o.generic;
    if (!g) continue;
    const names = g.tparams.map((p) => p.name);
    if (g.kind === 'func') {
      const { s } = tparamScope(c, g, names);
      checkBody(c, g.node, s, `main.${g.name}[...]`, null, null, names);
      continue;
    }
    for (const m of g.methods) {
      const { s, types } = tparamScope(c, g, m.recvNames);
      let recvT: Type;
      try {
        const nt = instantiateType(c, g, types, () => m.n);
        recvT = m.ptrRecv ? c.types.intern({ k: 'ptr', elem: nt }) : nt;
      } catch (e) {
        if (e instanceof CompileError) continue;
        throw e;
      }
      checkBody(c, m.n, s, `main.${g.name}[...].${m.name}`, m.n.kids.find((k) => k.name === 'Parameters')!, recvT, m.recvNames);
    }
  }
}

/** The type arguments written in a TypeArgs node or the index list of `G[A, B]`. */
function typeArgNodes(n: Node): Node[] {
  const ta = kid(n, 'TypeArgs');
  return ta ? ta.kids : n.kids.slice(1);
}

/** `G[A, B]` where G is a generic type: the instance (Descent.instType). */
export function instType(c: Compiler, n: Node): Type {
  const base = n.kids[0]!;
  let g: Generic | undefined;
  if (base.name === 'QualifiedType' || base.name === 'SelectorExpr') {
    // a library's generic type (iter.Seq[int]: std/gosrc.ts)
    g = pkgMember(c, base, text(base.kids[0]!), text(base.kids[base.kids.length - 1]!)).generic;
  } else {
    const o = c.scope.lookup(text(base));
    if (!o) c.fail(base, `undefined: ${text(base)}`);
    o.used = true;
    g = o.generic;
  }
  if (!g || g.kind !== 'type') c.fail(base, `${text(base)} is not a generic type`);
  const args = typeArgNodes(n);
  if (args.length !== g.tparams.length) {
    // go1.19: `got 1 arguments but 2 type parameters`; go1.20+: `not enough type arguments for type Pair: have 1, want 2`
    if (c.release === '1.19') c.fail(base, `got ${args.length} arguments but ${g.tparams.length} type parameters`);
    c.fail(base, `${args.length < g.tparams.length ? 'not enough' : 'too many'} type arguments for type ${g.name}: have ${args.length}, want ${g.tparams.length}`);
  }
  const targs = args.map((a) => resolveType(c, a));
  return instantiateType(c, g, targs, (i) => args[i]!);
}

/** `F[A, B]` as an expression: an instantiated function value or a type. */
export function instExpr(c: Compiler, n: Node, g: Generic): Val {
  if (g.kind === 'type') return { c: '', t: instType(c, n), mode: 'type', n };
  const args = typeArgNodes(n);
  if (args.length > g.tparams.length) c.fail(args[g.tparams.length]!, `got ${args.length} type arguments but want ${g.tparams.length}`);
  if (args.length < g.tparams.length) c.fail(n, `cannot use generic function ${g.name} without instantiation`);
  const targs = args.map((a) => resolveType(c, a));
  const { js, sig } = instantiateFunc(c, g, targs, (i) => args[i]!);
  return { c: js, t: sig, mode: 'value', n };
}

// ------------------------------------------------------------------ inference

/** The parameter type nodes of a generic function, one per parameter (variadic: the element type). */
function paramNodes(g: Generic): { nodes: Node[]; variadic: boolean } {
  const ps = g.node.kids.find((k) => k.name === 'Parameters');
  const nodes: Node[] = [];
  let variadic = false;
  for (const p of ps ? ps.kids : []) {
    if (p.name !== 'Parameter') continue;
    const defs = p.kids.filter((k) => k.name === 'DefName').length;
    const tn = p.kids.filter((k) => k.name !== 'DefName' && k.name !== '...');
    if (p.kids.some((k) => k.name === '...')) variadic = true;
    for (let i = 0; i < Math.max(1, defs); i++) nodes.push(tn[tn.length - 1]!);
  }
  return { nodes, variadic };
}

type Bindings = Map<string, Type | undefined>;

/** Function parameter/result type nodes of a FunctionType node. */
function funcTypeNodes(n: Node): { params: Node[]; results: Node[] } {
  const ps = n.kids.filter((k) => k.name === 'Parameters');
  const list = (p: Node | undefined): Node[] => {
    if (!p) return [];
    const out: Node[] = [];
    for (const q of p.kids) {
      if (q.name !== 'Parameter') continue;
      const defs = q.kids.filter((k) => k.name === 'DefName').length;
      const tn = q.kids.filter((k) => k.name !== 'DefName' && k.name !== '...');
      for (let i = 0; i < Math.max(1, defs); i++) out.push(tn[tn.length - 1]!);
    }
    return out;
  };
  const params = list(ps[0]);
  let results = list(ps[1]);
  if (!ps[1]) {
    const idx = n.kids.indexOf(ps[0]!);
    const r = n.kids.slice(idx + 1).find((k) => k.name !== 'func');
    results = r ? [r] : [];
  }
  return { params, results };
}

/**
 * Unify the parameter type written as `pn` with the argument type `at` (spec: "Type unification"):
 * a type parameter not yet inferred takes the argument's type; composite types unify element-wise
 * (a defined argument type against a type literal: by its underlying type); an instance of a
 * generic type unifies its type arguments.
 */
function unify(c: Compiler, pn: Node, at: Type, b: Bindings): void {
  switch (pn.name) {
    case 'TypeName':
    case 'VariableName': {
      const nm = text(pn);
      if (b.has(nm)) {
        if (b.get(nm) === undefined) b.set(nm, at);
      }
      return;
    }
    case 'ParenthesizedType':
      return unify(c, pn.kids[0]!, at, b);
    case 'ParameterizedType': {
      const g = c.scope.lookup(text(pn.kids[0]!))?.generic;
      if (!g || g.kind !== 'type') return;
      if (at.k === 'named' && at.targs) {
        if (at.origin === g) typeArgNodes(pn).forEach((a, i) => at.targs![i] && unify(c, a, at.targs![i]!, b));
        return;
      }
      // an instance of a generic type against a type literal (inexact unification): unify the
      // generic type's declared type with it, then each type argument with what its parameter took
      const inner: Bindings = new Map(g.tparams.map((p) => [p.name, undefined]));
      unify(c, g.node.kids[g.node.kids.length - 1]!, at, inner);
      typeArgNodes(pn).forEach((a, i) => {
        const t = inner.get(g.tparams[i]!.name);
        if (t) unify(c, a, t, b);
      });
      return;
    }
  }
  const u = underlying(at);
  switch (pn.name) {
    case 'PointerType':
      if (u.k === 'ptr') unify(c, pn.kids[pn.kids.length - 1]!, u.elem, b);
      return;
    case 'SliceType':
      if (u.k === 'slice') unify(c, pn.kids[pn.kids.length - 1]!, u.elem, b);
      return;
    case 'ArrayType':
      if (u.k === 'array') unify(c, pn.kids[pn.kids.length - 1]!, u.elem, b);
      return;
    case 'MapType':
      if (u.k === 'map') {
        unify(c, pn.kids[1]!, u.key, b);
        unify(c, pn.kids[2]!, u.elem, b);
      }
      return;
    case 'ChannelType':
      if (u.k === 'chan') unify(c, pn.kids[pn.kids.length - 1]!, u.elem, b);
      return;
    case 'StructType': {
      // field by field, in order (identical struct types have the same field sequence)
      if (u.k !== 'struct') return;
      let i = 0;
      for (const fd of kid(pn, 'StructBody')?.kids ?? []) {
        if (fd.name !== 'FieldDecl' && fd.name !== 'EmbeddedField') continue;
        const names = fd.kids.filter((k) => k.name === 'FieldName').length;
        const tn = fd.kids.filter((k) => k.name !== 'FieldName' && k.name !== 'String' && k.name !== '*');
        for (let j = 0; j < Math.max(1, names); j++, i++) if (u.fields[i] && tn.length) unify(c, tn[tn.length - 1]!, u.fields[i]!.type, b);
      }
      return;
    }
    case 'FunctionType':
    case 'FuncType': {
      if (u.k !== 'func') return;
      const { params, results } = funcTypeNodes(pn);
      params.forEach((p, i) => u.params[i] && unify(c, p, u.params[i]!, b));
      results.forEach((p, i) => u.results[i] && unify(c, p, u.results[i]!, b));
      return;
    }
  }
}

/** The type parameter names mentioned in a type node. */
function mentions(n: Node, b: Bindings, out: Set<string>): Set<string> {
  if ((n.name === 'TypeName' || n.name === 'VariableName') && b.has(text(n))) out.add(text(n));
  for (const k of n.kids) mentions(k, b, out);
  return out;
}

/** The single term of a constraint with a core type written in place (`~[]E`, `[]E`, `interface{ ~[]E }`). */
function coreTerm(n: Node): { node: Node; tilde: boolean } | null {
  if (n.name === 'InterfaceType') {
    const body = kid(n, 'InterfaceBody');
    const els = body ? body.kids.filter((k) => k.name !== 'LineComment') : [];
    // the methods beside the single term do not change the core type (`interface{ ~struct{…}; M() }`)
    const terms = els.filter((k) => k.name !== 'MethodElem');
    if (terms.length !== 1) return null;
    return coreTerm(terms[0]!);
  }
  if (n.name === 'UnderlyingType') return { node: n.kids[n.kids.length - 1]!, tilde: true };
  if (['SliceType', 'ArrayType', 'MapType', 'ChannelType', 'PointerType', 'FunctionType', 'FuncType', 'StructType'].includes(n.name)) return { node: n, tilde: false };
  return null;
}

const untypedRank: Record<string, number> = { 'untyped int': 1, 'untyped rune': 2, 'untyped float': 3 };

/**
 * A call of generic function g with (some) explicit type arguments and the evaluated arguments:
 * infer the rest and instantiate. `n` is the call.
 */
export function inferCall(c: Compiler, n: Node, g: Generic, explicit: Type[], explicitNodes: Node[], vals: Val[]): { js: string; sig: FuncType } {
  if (explicit.length > g.tparams.length) c.fail(explicitNodes[g.tparams.length]!, `got ${explicit.length} type arguments but want ${g.tparams.length}`);
  const b: Bindings = new Map(g.tparams.map((p, i) => [p.name, explicit[i]]));
  // inference happens in the declaration's scope (the parameter types name its type parameters)
  const s = new Scope(g.scope, null);
  for (const p of g.tparams) s.m.set(p.name, { kind: 'type', name: p.name, t: tInt, js: '', used: true });
  const { nodes, variadic } = paramNodes(g);
  const argTypes = vals.flatMap((v) => (v.mode === 'tuple' ? v.tuple!.map((t) => ({ t, untyped: false, v })) : [{ t: v.t, untyped: isUntyped(v.t) && v.mode !== 'nil', v }]));
  const pnode = (i: number): Node | undefined => (variadic && i >= nodes.length - 1 ? nodes[nodes.length - 1] : nodes[i]);
  inScope(c, s, () => {
    // typed arguments first
    argTypes.forEach((a, i) => {
      const pn = pnode(i);
      if (!pn || a.untyped || a.v.mode === 'nil') return;
      unify(c, pn, a.t, b);
    });
    // then untyped constants, for parameters that are a bare type parameter still unknown
    const byParam = new Map<string, { t: Type; n: Node }[]>();
    argTypes.forEach((a, i) => {
      const pn = pnode(i);
      if (!pn || !a.untyped || (pn.name !== 'TypeName' && pn.name !== 'VariableName')) return;
      const nm = text(pn);
      if (!b.has(nm) || b.get(nm) !== undefined) return;
      byParam.set(nm, [...(byParam.get(nm) ?? []), { t: a.t, n: a.v.n }]);
    });
    for (const [nm, list] of byParam) {
      // go1.19: the first untyped argument's default type; go1.21+: the largest kind among them
      let pick = list[0]!;
      if (c.release !== '1.19') for (const x of list) if ((untypedRank[(x.t as { name: string }).name] ?? 0) > (untypedRank[(pick.t as { name: string }).name] ?? 0)) pick = x;
      b.set(nm, defaultType(pick.t));
    }
  });
  // constraint type inference through core types
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of g.tparams) {
      const core = coreTerm(p.constraint);
      if (!core) {
        // a generic constraint with a core type, its parameter known: its type arguments unify with
        // what the core type's parameters take (`S _SliceOf[E]`, _SliceOf[X] = interface{ ~[]X }:
        // S = MySlice gives E = int)
        const have = b.get(p.name);
        if (have !== undefined && p.constraint.name === 'ParameterizedType') {
          const cg = inScope(c, s, () => c.scope.lookup(text(p.constraint.kids[0]!))?.generic);
          const ct = cg && cg.kind === 'type' ? coreTerm(cg.node.kids[cg.node.kids.length - 1]!) : null;
          if (cg && ct) {
            const before = [...b.values()].filter((t) => t !== undefined).length;
            const inner: Bindings = new Map(cg.tparams.map((tp) => [tp.name, undefined]));
            unify(c, ct.node, ct.tilde ? underlying(have) : have, inner);
            inScope(c, s, () =>
              typeArgNodes(p.constraint).forEach((a, i) => {
                const t = inner.get(cg.tparams[i]!.name);
                if (t) unify(c, a, t, b);
              }),
            );
            if ([...b.values()].filter((t) => t !== undefined).length !== before) changed = true;
          }
          continue;
        }
        // a named (possibly generic) constraint with a core type: `PT Setter[T]`, Setter[B] = interface{ *B; … }
        if (have !== undefined || (p.constraint.name !== 'ParameterizedType' && p.constraint.name !== 'TypeName')) continue;
        const need = mentions(p.constraint, b, new Set());
        if (![...need].every((nm) => b.get(nm) !== undefined)) continue;
        const bound = bindScope(g, [...b.keys()], [...b.values()].map((t) => t ?? tInt));
        const con = inScope(c, bound, () => constraintOf(c, p.constraint));
        if (con.terms?.length === 1) {
          b.set(p.name, con.terms[0]!.t);
          changed = true;
        }
        continue;
      }
      const have = b.get(p.name);
      if (have !== undefined) {
        const before = [...b.values()].filter((t) => t !== undefined).length;
        inScope(c, s, () => unify(c, core.node, core.tilde ? underlying(have) : have, b));
        if ([...b.values()].filter((t) => t !== undefined).length !== before) changed = true;
      } else {
        // go/types infer.go: an unknown parameter takes its core type only when that is a single
        // specific type without a tilde
        const need = mentions(core.node, b, new Set());
        if (!core.tilde && [...need].every((nm) => b.get(nm) !== undefined)) {
          const bound = bindScope(g, [...b.keys()], [...b.values()].map((t) => t ?? tInt));
          b.set(p.name, inScope(c, bound, () => resolveType(c, core.node)));
          changed = true;
        }
      }
    }
  }
  // types2 reports inference and inferred-argument errors at the call's opening parenthesis
  const lparen = kid(n, 'Arguments') ?? n;
  const missing = g.tparams.find((p) => b.get(p.name) === undefined);
  if (missing) {
    const pos = missing.node.file.pos(missing.node.from);
    const file = missing.node.file.name.split('/').pop();
    // go1.19: `cannot infer T (/abs/main.go:5:8)`; go1.20+: `in call to F, cannot infer T (declared at ./main.go:5:8)`
    if (c.release === '1.19') c.fail(lparen, `cannot infer ${missing.name} (${c.dir}/${file}:${pos.line}:${pos.col})`);
    c.fail(lparen, `in call to ${g.name}, cannot infer ${missing.name} (declared at ./${file}:${pos.line}:${pos.col})`);
  }
  const targs = g.tparams.map((p) => b.get(p.name)!);
  return instantiateFunc(c, g, targs, (i) => (i < explicitNodes.length ? explicitNodes[i]! : lparen), explicitNodes.length);
}

/** The callee of a call when it is a generic function, with its explicit type arguments. */
export function genericCallee(c: Compiler, fn: Node): { g: Generic; explicit: Node[] } | null {
  let base = fn;
  let explicit: Node[] = [];
  if (fn.name === 'ParameterizedExpr' || fn.name === 'IndexExpr') {
    base = fn.kids[0]!;
    explicit = typeArgNodes(fn);
  }
  const g = genericOf(c, base);
  if (!g || g.kind !== 'func') return null;
  const o = c.scope.lookup(text(base));
  if (o) o.used = true;
  return { g, explicit };
}
