/**
 * Type expressions (go/types typexpr.go): the Type a type expression denotes — names (in scope or
 * a package's), pointers, slices, arrays (with a constant length), maps, channels, function
 * signatures with their parameter and result names, structs (fields, embedded fields) and
 * interfaces (methods, embedded interfaces, type-set elements of constraints) and instances of
 * generic types (`List[int]`, through the Compiler: check/generics.ts) — with go1.19's error texts.
 * Pure checking: it emits no code (an array length is evaluated through c.expr,
 * whose code is dropped).
 */
import { type Node, text, kid } from '../syntax.js';
import { type Compiler, type ConstVal, type PkgMember, type Generic } from '../../core.js';
import { type Type, type FuncType, type StructType, type Field, type IfaceType, type Term, underlying, identical, typeString } from '../../types.js';
import { releaseAtLeast } from '../operand.js';

export function resolveType(c: Compiler, n: Node): Type {
  switch (n.name) {
    case 'TypeName': {
      const name = text(n);
      const o = c.scope.lookup(name);
      if (!o) c.fail(n, `undefined: ${name}`);
      if (o.kind === 'var') {
        // go/types: the operand described, and the variable counts as used
        o.used = true;
        c.fail(n, `${name} (variable of type ${typeString(o.t, false)}) is not a type`);
      }
      if (o.kind !== 'type') c.fail(n, `${name} is not a type`);
      o.used = true;
      if (o.generic) c.fail(n, uninstantiated(o.generic));
      return o.t;
    }
    case 'ParameterizedType':
      return c.instType(n);
    case 'QualifiedType': {
      const pk = text(n.kids[0]!);
      const name = text(n.kids[n.kids.length - 1]!);
      const m = pkgMember(c, n, pk, name);
      if (m.kind !== 'type') c.fail(n, `${pk}.${name} is not a type`);
      return m.t;
    }
    case 'PointerType':
      return c.types.intern({ k: 'ptr', elem: resolveType(c, n.kids[n.kids.length - 1]!) });
    case 'SliceType':
      // @lezer/go parses `[...]T` as a SliceType whose first child is `...` (composite.ts takes it in literals)
      if (n.kids[0]?.name === '...') c.fail(n, 'invalid use of [...] array (outside a composite literal)');
      return c.types.intern({ k: 'slice', elem: resolveType(c, n.kids[n.kids.length - 1]!) });
    case 'ArrayType': {
      const lenNode = n.kids[0]!;
      const elem = resolveType(c, n.kids[n.kids.length - 1]!);
      if (lenNode.name === '...') c.fail(n, 'invalid use of [...] array (outside a composite literal)');
      const cv = constExpr(c, lenNode);
      if (typeof cv !== 'number' || !Number.isInteger(cv) || cv < 0) c.fail(lenNode, `array length ${text(lenNode)} must be a non-negative integer constant`);
      return c.types.intern({ k: 'array', elem, len: cv });
    }
    case 'MapType':
      return c.types.intern({ k: 'map', key: resolveType(c, n.kids[1]!), elem: resolveType(c, n.kids[2]!) });
    case 'ChannelType': {
      const s = text(n);
      const dir = s.startsWith('<-') ? 'recv' : /^chan\s*<-/.test(s) ? 'send' : 'both';
      return c.types.intern({ k: 'chan', elem: resolveType(c, n.kids[n.kids.length - 1]!), dir });
    }
    case 'FuncType':
    case 'FunctionType':
      return c.types.intern(signature(c, n, null).sig);
    case 'StructType':
      return c.types.intern(structType(c, n));
    case 'InterfaceType':
      return c.types.intern(ifaceType(c, n));
    case 'ParenthesizedType':
      return resolveType(c, n.kids[0]!);
    default:
      if (n.name === 'VariableName' || n.name === 'DefName') return resolveType(c, { ...n, name: 'TypeName' });
      if (n.name === 'ParenthesizedExpr') return resolveType(c, n.kids[0]!);
      if (n.name === 'SelectorExpr' || n.name === 'QualifiedType') return resolveType(c, { ...n, name: 'QualifiedType' });
      if (n.name === 'UnaryExp' && text(n.kids[0]!) === '*') return c.types.intern({ k: 'ptr', elem: resolveType(c, n.kids[1]!) });
      if (n.name === 'ParameterizedExpr' || n.name === 'IndexExpr') return c.instType(n);
      if (n.name === 'TypeParams' || n.name === 'TypeArgs') c.unsupported(n, 'generics (type parameters)');
      c.fail(n, `${text(n)} is not a type`);
  }
}

/** Parameters → [names, types]. */
export function params(c: Compiler, n: Node | undefined): { names: (Node | null)[]; types: Type[]; variadic: boolean } {
  const names: (Node | null)[] = [];
  const types: Type[] = [];
  let variadic = false;
  if (!n) return { names, types, variadic };
  if (n.name !== 'Parameters') {
    // a single unparenthesised result type
    return { names: [null], types: [resolveType(c, n)], variadic };
  }
  for (const p of n.kids) {
    if (p.name !== 'Parameter') continue;
    const defs = p.kids.filter((k) => k.name === 'DefName');
    const tn = p.kids.filter((k) => k.name !== 'DefName' && k.name !== '...');
    const isVar = p.kids.some((k) => k.name === '...');
    let t = resolveType(c, tn[tn.length - 1]!);
    if (isVar) {
      t = c.types.intern({ k: 'slice', elem: t });
      variadic = true;
    }
    if (defs.length === 0) {
      names.push(null);
      types.push(t);
    } else
      for (const d of defs) {
        names.push(d);
        types.push(t);
      }
  }
  return { names, types, variadic };
}

/** A func signature from FunctionDecl / MethodDecl / FunctionLiteral / FuncType kids. */
export function signature(c: Compiler, n: Node, skipRecv: Node | null): { sig: FuncType; pnames: (Node | null)[]; rnames: (Node | null)[] } {
  // a generic function's TypeParams are bound by its instance's scope (check/generics.ts)
  const ps = n.kids.filter((k) => k !== skipRecv && k.name === 'Parameters');
  const pin = params(c, ps[0]);
  let res: Node | undefined = ps[1];
  if (!res) {
    // single unparenthesised result: any type node after the parameters, before the Block
    const idx = n.kids.indexOf(ps[0]!);
    const after = n.kids.slice(idx + 1).find((k) => k.name !== 'Block' && k.name !== 'func' && k.name !== 'FieldName' && k.name !== 'DefName');
    res = after;
  }
  const rout = params(c, res);
  const sig: FuncType = { k: 'func', params: pin.types, results: rout.types, variadic: pin.variadic };
  return { sig: c.types.intern(sig) as FuncType, pnames: pin.names, rnames: rout.names };
}

/** The value of a struct tag literal: a raw string's text, an interpreted string's unquoted text. */
function tagText(lit: string): string {
  if (lit.startsWith('`')) return lit.slice(1, -1);
  try {
    return JSON.parse(lit) as string;
  } catch {
    return lit.slice(1, -1);
  }
}

export function structType(c: Compiler, n: Node): StructType {
  const body = kid(n, 'StructBody');
  const fields: Field[] = [];
  for (const fd of body ? body.kids : []) {
    if (fd.name !== 'FieldDecl' && fd.name !== 'EmbeddedField') continue;
    const names = fd.kids.filter((k) => k.name === 'FieldName');
    // the tag: a raw or interpreted string literal after the type (spec: "Struct types")
    const tagNode = fd.kids.find((k) => k.name === 'String');
    const tag = tagNode ? tagText(text(tagNode)) : undefined;
    const withTag = tag !== undefined ? { tag } : {};
    const tnodes = fd.kids.filter((k) => k.name !== 'FieldName' && k.name !== 'String' && k.name !== '*');
    if (names.length === 0 || fd.name === 'EmbeddedField') {
      // embedded field
      const star = fd.kids.some((k) => k.name === '*') || tnodes[0]?.name === 'PointerType';
      let t = resolveType(c, tnodes[0]!);
      if (star && t.k !== 'ptr') t = c.types.intern({ k: 'ptr', elem: t });
      const base = t.k === 'ptr' ? t.elem : t;
      // the field's name is the type name as written (an alias's name, a generic type's without its arguments)
      let tn = tnodes[0]!;
      while (tn.name === 'PointerType' || tn.name === 'ParenthesizedType') tn = tn.kids[tn.kids.length - 1]!;
      if (tn.name === 'ParameterizedType') tn = tn.kids[0]!;
      const nm = base.k === 'named' && !base.targs && tn.name !== 'TypeName' ? base.name : text(tn).replace(/^\*/, '').replace(/.*\./, '');
      fields.push({ name: nm, type: t, embedded: true, js: nm, ...withTag });
      continue;
    }
    const t = resolveType(c, tnodes[tnodes.length - 1]!);
    for (const f of names) fields.push({ name: text(f), type: t, embedded: false, js: text(f) === '_' ? `_${fields.length}` : text(f), ...withTag });
  }
  return { k: 'struct', fields };
}

/**
 * An interface: its methods (embedded interfaces' included) and, for a constraint, its type set —
 * the intersection of its union elements (`~int | ~float64`) and embedded constraints — and whether
 * it is (or embeds) `comparable`.
 */
export function ifaceType(c: Compiler, n: Node): IfaceType {
  const body = kid(n, 'InterfaceBody');
  const methods = new Map<string, FuncType>();
  let terms: Term[] | undefined;
  let cmp = false;
  for (const el of body ? body.kids : []) {
    if (el.name === 'MethodElem') {
      const name = text(el.kids[0]!);
      methods.set(name, signature(c, el, null).sig);
    } else if (el.name !== 'LineComment' && el.name !== 'BlockComment') {
      const inner = el.name === 'TypeElem' && el.kids.length === 1 ? el.kids[0]! : el;
      const parts = inner.name === 'TypeElem' ? inner.kids.filter((k) => k.name !== 'LogicOp') : [inner];
      const set: Term[] = [];
      let embedded: IfaceType | null = null;
      for (const p of parts) {
        if (p.name === 'UnderlyingType') {
          set.push({ tilde: true, t: resolveType(c, p.kids[p.kids.length - 1]!) });
          continue;
        }
        const t = resolveType(c, p);
        const u = underlying(t);
        if (u.k === 'iface' && parts.length === 1) embedded = u;
        else if (u.k === 'iface') set.push(...(u.terms ?? []));
        else set.push({ tilde: false, t });
      }
      if (embedded) {
        for (const [k, v] of embedded.methods) methods.set(k, v);
        if (embedded.terms) terms = intersectTerms(terms, embedded.terms);
        if (embedded.comparable) cmp = true;
      } else terms = intersectTerms(terms, set);
    }
  }
  const it: IfaceType = { k: 'iface', methods: new Map([...methods].sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
  if (terms) it.terms = terms;
  if (cmp) it.comparable = true;
  return it;
}

/** The intersection of two type sets given as unions of terms (spec: "the type set of an interface"). */
export function intersectTerms(a: Term[] | undefined, b: Term[] | undefined): Term[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const out: Term[] = [];
  for (const x of a)
    for (const y of b) {
      if (x.tilde && y.tilde) {
        if (identical(x.t, y.t)) out.push(x);
      } else if (x.tilde) {
        if (identical(underlying(y.t), x.t)) out.push(y);
      } else if (y.tilde) {
        if (identical(underlying(x.t), y.t)) out.push(x);
      } else if (identical(x.t, y.t)) out.push(x);
    }
  return out;
}

/** `L[T any]` as go/types writes a generic type in "cannot use generic type … without instantiation". */
export function genericString(g: Generic): string {
  const parts: string[] = [];
  g.tparams.forEach((p, i) => {
    const next = g.tparams[i + 1];
    parts.push(next && next.constraint === p.constraint ? p.name : `${p.name} ${text(p.constraint)}`);
  });
  return `${g.name}[${parts.join(', ')}]`;
}

/** The message for a generic function or type used without instantiation. */
export function uninstantiated(g: Generic): string {
  return g.kind === 'func' ? `cannot use generic function ${g.name} without instantiation` : `cannot use generic type ${genericString(g)} without instantiation`;
}

export function pkgMember(c: Compiler, n: Node, pk: string, name: string): PkgMember {
  const o = c.scope.lookup(pk);
  if (!o || o.kind !== 'pkg') c.fail(n, `undefined: ${pk}`);
  o.used = true;
  const got = c.pkgs.get(o.pkg!)?.get(name);
  const m = got?.since !== undefined && !releaseAtLeast(c.release, got.since) ? undefined : got;
  if (!m) {
    // go build reports an undefined member at its name (the selector's Sel)
    if (got) c.fail(n.kids.length > 1 ? n.kids[n.kids.length - 1]! : n, `undefined: ${pk}.${name}`);
    if (c.pkgs.get(o.pkg!)?.has('$unsupported')) c.unsupported(n, `${o.pkg}.${name}`);
    c.fail(n, `undefined: ${pk}.${name}`);
  }
  return m;
}

/** Evaluate a constant expression (array lengths). */
export function constExpr(c: Compiler, n: Node): ConstVal {
  const v = c.expr(n).cv;
  if (v === undefined) c.fail(n, `${text(n)} (value) is not constant`);
  return v;
}
