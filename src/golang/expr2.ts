/**
 * Expressions, part 2: selectors (fields, methods, package members), indexing, slicing, type
 * assertions, composite literals and function literals.
 */
import type { Node } from './syntax.js';
import { text, kid } from './syntax.js';
import type { Compiler, Val } from './core.js';
import { type Type, type StructType, tInt, tString, underlying, isInteger, isString } from './types.js';
import { convert, zero, structClass, findMethod, describe, ts, implementsIface, lit, findField, complexKey, methodCallCode } from './operand.js';


export function selector(c: Compiler, n: Node): Val {
  const xn = n.kids[0]!;
  const name = text(n.kids[n.kids.length - 1]!);
  if (xn.name === 'VariableName') {
    const o = c.scope.lookup(text(xn));
    if (o && o.kind === 'pkg') {
      const m = c.pkgMember(n, text(xn), name);
      if (m.kind === 'type') return { c: '', t: m.t, mode: 'type', n };
      if (m.kind === 'const') return { c: lit(m.cv!), t: m.t, mode: 'const', n, cv: m.cv };
      if (m.kind === 'var') return { c: m.js!, t: m.t, mode: 'var', n };
      return { c: `$PKG(${JSON.stringify(text(xn) + '.' + name)})`, t: m.t, mode: 'value', n };
    }
  }
  const x = c.expr(xn);
  c.ops++;
  if (x.mode === 'type') {
    // method expression T.M
    const m = findMethod(x.t, name);
    if (!m || m.native || m.iface || !m.gen) c.unsupported(n, 'method expressions on interface or library types');
    return { c: m.fn, t: c.types.intern({ k: 'func', params: [x.t, ...m.sig.params], results: m.sig.results, variadic: m.sig.variadic }), mode: 'value', n };
  }
  const f = findField(x.t, name);
  if (f) {
    let base = x.c;
    const u = underlying(x.t);
    if (u.k === 'ptr' && underlying(u.elem).k !== 'struct') c.fail(n, `${text(n)} undefined`);
    for (let i = 0; i < f.path.length - 1; i++) base = `${base}.${f.path[i]}`;
    return { c: `${base}.${f.path[f.path.length - 1]}`, t: f.t, mode: 'var', n };
  }
  const m = findMethod(x.t, name);
  if (m) {
    // method value: bind the receiver now
    const recv = c.id('r');
    const call = methodCallCode(c, x, m, name, recv, '...a');
    const bound = !m.ptrRecv && !m.iface && !m.native && m.path.length === 0 && underlying(m.recvT).k === 'struct' ? `$L.nn(${x.c}).$c()` : x.c;
    return { c: `((${recv}) => function* (...a) { return ${call}; })(${bound})`, t: m.sig, mode: 'value', n };
  }
  const what = underlying(x.t).k === 'ptr' && underlying((underlying(x.t) as { elem: Type }).elem).k === 'ptr' ? '' : '';
  void what;
  c.fail(n.kids[n.kids.length - 1]!, `${text(n)} undefined (type ${ts(x.t)} has no field or method ${name})`);
}


export function index(c: Compiler, n: Node): Val {
  const x = c.expr(n.kids[0]!);
  c.ops++;
  if (x.mode === 'type' || n.kids.length > 2) c.unsupported(n, 'generic instantiation');
  const u = underlying(x.t);
  if (u.k === 'map') {
    c.charge(c.cpu.mapAccess);
    const k = convert(c, c.expr(n.kids[1]!), u.key, 'map index');
    const z = zero(c, u.elem);
    const key = complexKey(u.key) ? `$L.mapKey(${k})` : k;
    if (complexKey(u.key)) return { c: `$L.cmget(${x.c}, ${key}, ${z})`, t: u.elem, mode: 'value', n, ok2: `$L.cmget2(${x.c}, ${key}, ${z})` };
    return { c: `$L.mget(${x.c}, ${key}, ${z})`, t: u.elem, mode: 'value', n, ok2: `$L.mget2(${x.c}, ${key}, ${z})` };
  }
  const iv = c.expr(n.kids[1]!);
  if (!isInteger(iv.t)) c.fail(iv.n, `invalid argument: index ${describe(iv)} must be integer`);
  const i = convert(c, iv, isInteger(iv.t) && iv.mode !== 'const' ? iv.t : tInt, 'index');
  if (iv.cv !== undefined && (iv.cv as number) < 0) c.fail(iv.n, `invalid argument: index ${text(iv.n)} (constant of type int) must not be negative`);
  if (u.k === 'slice') return { c: `$L.sget(${x.c}, ${i})`, t: u.elem, mode: 'var', n, lv: (v) => `$L.sset(${x.c}, ${i}, ${v})` };
  if (u.k === 'array') {
    if (iv.cv !== undefined && (iv.cv as number) >= u.len) c.fail(iv.n, `invalid argument: index ${iv.cv} out of bounds [0:${u.len}]`);
    return { c: `$L.aget(${x.c}, ${i})`, t: u.elem, mode: 'var', n, lv: (v) => `$L.aset(${x.c}, ${i}, ${v})` };
  }
  if (u.k === 'ptr' && underlying(u.elem).k === 'array') return { c: `$L.aget($L.deref(${x.c}), ${i})`, t: (underlying(u.elem) as { elem: Type }).elem, mode: 'var', n, lv: (v) => `$L.aset($L.deref(${x.c}), ${i}, ${v})` };
  if (isString(x.t)) return { c: `$L.strAt(${x.c}, ${i})`, t: c.scope.lookup('byte')!.t, mode: 'value', n };
  c.fail(n, `invalid operation: cannot index ${describe(x)}`);
}


export function sliceExpr(c: Compiler, n: Node): Val {
  const x = c.expr(n.kids[0]!);
  c.ops++;
  // kids: x, then index exprs and ':' markers
  const parts: (Node | null)[] = [null, null, null];
  let slot = 0;
  for (const k of n.kids.slice(1)) {
    if (k.name === ':') slot++;
    else parts[slot] = k;
  }
  const three = slot === 2;
  const ix = (p: Node | null, d: string): string => (p ? convert(c, c.expr(p), tInt, 'slice index') : d);
  const lo = ix(parts[0]!, '0');
  const hi = ix(parts[1]!, '-1');
  const max = three ? ix(parts[2]!, '-1') : '-1';
  const u = underlying(x.t);
  if (isString(x.t)) return { c: `$L.substr(${x.c}, ${lo}, ${hi})`, t: x.t.k === 'basic' && x.t.name === 'untyped string' ? tString : x.t, mode: 'value', n };
  if (u.k === 'slice') return { c: `$L.reslice(${x.c}, ${lo}, ${hi}, ${max})`, t: x.t, mode: 'value', n };
  if (u.k === 'array') return { c: `$L.sliceArray(${x.c}, ${lo}, ${hi}, ${max})`, t: c.types.intern({ k: 'slice', elem: u.elem }), mode: 'value', n };
  if (u.k === 'ptr' && underlying(u.elem).k === 'array')
    return { c: `$L.sliceArray($L.deref(${x.c}), ${lo}, ${hi}, ${max})`, t: c.types.intern({ k: 'slice', elem: (underlying(u.elem) as { elem: Type }).elem }), mode: 'value', n };
  c.fail(n, `cannot slice ${describe(x)}`);
}

export function assertion(c: Compiler, n: Node): Val {
  const x = c.expr(n.kids[0]!);
  const tn = n.kids[n.kids.length - 1]!;
  if (tn.name === 'type' || text(n).endsWith('.(type)')) c.fail(n, 'invalid syntax tree: use of .(type) outside type switch');
  c.ops++;
  if (underlying(x.t).k !== 'iface') c.fail(x.n, `invalid operation: ${text(x.n)} (${x.mode === 'var' ? 'variable' : 'value'} of type ${ts(x.t)}) is not an interface`);
  const t = c.resolveType(tn);
  const tu = underlying(t);
  const tr = c.typeRef(t);
  const z = zero(c, t);
  if (tu.k === 'iface') {
    if (tu.methods.size === 0) return { c: `$L.assertI(${x.c}, null, ${tr})`, t, mode: 'value', n, ok2: `$L.assertI2(${x.c}, null)` };
    const ms = JSON.stringify([...tu.methods.keys()]);
    return { c: `$L.assertI(${x.c}, ${ms}, ${tr})`, t, mode: 'value', n, ok2: `$L.assertI2(${x.c}, ${ms})` };
  }
  const xi = underlying(x.t) as unknown as { methods: Map<string, never> };
  if (xi.methods.size > 0) {
    const r = implementsIface(t, xi.methods as never);
    if (!r.ok) c.fail(tn, `impossible type assertion: ${text(n)}\n\t${ts(t)} does not implement ${ts(x.t)} (missing method ${r.missing})`);
  }
  return { c: `$L.assertT(${x.c}, ${tr}, ${c.typeRef(x.t)})`, t, mode: 'value', n, ok2: `$L.assertT2(${x.c}, ${tr}, ${z})` };
}

/** Composite literal; `hint` is the element type for elided inner literal types. */
export function composite(c: Compiler, n: Node, hint: Type | null): Val {
  let t: Type;
  let body: Node;
  if (n.name === 'LiteralValue') {
    if (!hint) c.fail(n, 'invalid composite literal type: missing type');
    t = hint;
    body = n;
  } else {
    const tn = n.kids[0]!;
    body = kid(n, 'LiteralValue')!;
    if (tn.name === 'ArrayType' && tn.kids[0]?.name === '...') {
      const elem = c.resolveType(tn.kids[tn.kids.length - 1]!);
      const count = countElems(c, body);
      t = c.types.intern({ k: 'array', elem, len: count });
    } else t = c.resolveType(tn);
  }
  c.ops++;
  const u = underlying(t);
  const elems = body.kids.filter((k) => k.name === 'Element');
  const val = (e: Node, et: Type): string => {
    const vn = e.kids[e.kids.length - 1]!;
    if (vn.name === 'LiteralValue') {
      const eu = underlying(et);
      if (eu.k === 'ptr') return composite(c, vn, eu.elem).c;
      return composite(c, vn, et).c;
    }
    return convert(c, c.expr(vn), et, 'struct literal');
  };
  const keyOf = (e: Node): Node | null => {
    const k = e.kids.find((x) => x.name === 'Key');
    return k ? k.kids[0]! : null;
  };
  switch (u.k) {
    case 'struct': {
      const st = u as StructType;
      const cls = t.k === 'named' && t.native ? t.native : structClass(c, st);
      if (elems.length === 0) return { c: `new ${cls}()`, t, mode: 'value', n };
      const args: string[] = st.fields.map(() => 'undefined');
      if (keyOf(elems[0]!)) {
        for (const e of elems) {
          const kn = keyOf(e)!;
          const fi = st.fields.findIndex((f) => f.name === text(kn));
          if (fi < 0) c.fail(kn, `unknown field ${text(kn)} in struct literal of type ${ts(t)}`);
          args[fi] = val(e, st.fields[fi]!.type);
        }
      } else {
        if (elems.length < st.fields.length) c.fail(body, `too few values in struct literal of type ${ts(t)}`);
        if (elems.length > st.fields.length) c.fail(elems[st.fields.length]!, `too many values in struct literal of type ${ts(t)}`);
        elems.forEach((e, i) => (args[i] = val(e, st.fields[i]!.type)));
      }
      while (args.length && args[args.length - 1] === 'undefined') args.pop();
      return { c: `new ${cls}(${args.join(', ')})`, t, mode: 'value', n };
    }
    case 'slice':
    case 'array': {
      const items: string[] = [];
      const keyed: [number, string][] = [];
      let idx = 0;
      let max = 0;
      for (const e of elems) {
        const kn = keyOf(e);
        if (kn) idx = c.constExpr(kn) as number;
        keyed.push([idx, val(e, u.elem)]);
        idx++;
        max = Math.max(max, idx);
      }
      const len = u.k === 'array' ? u.len : max;
      if (u.k === 'array' && max > u.len) c.fail(n, `array index ${max - 1} out of bounds [0:${u.len}]`);
      if (keyed.every(([i], j) => i === j) && len === keyed.length) for (const [, v] of keyed) items.push(v);
      else {
        const z = zero(c, u.elem);
        for (let i = 0; i < len; i++) items.push(z);
        for (const [i, v] of keyed) items[i] = v;
      }
      const arr = `[${items.join(', ')}]`;
      return { c: u.k === 'array' ? arr : `$L.sliceLit(${arr})`, t, mode: 'value', n };
    }
    case 'map': {
      const ck = complexKey(u.key);
      const entries = elems.map((e) => {
        const kn = keyOf(e);
        if (!kn) c.fail(e, 'missing key in map literal');
        const k = kn.name === 'LiteralValue' ? composite(c, kn, u.key).c : convert(c, c.expr(kn), u.key, 'map literal');
        const v = val(e, u.elem);
        return ck ? `[$L.mapKey(${k}), [${k}, ${v}]]` : `[${k}, ${v}]`;
      });
      return { c: `new Map([${entries.join(', ')}])`, t, mode: 'value', n };
    }
    default:
      c.fail(n, `invalid composite literal type ${ts(t)}`);
  }
}

function countElems(c: Compiler, body: Node): number {
  let idx = 0;
  let max = 0;
  for (const e of body.kids.filter((k) => k.name === 'Element')) {
    const k = e.kids.find((x) => x.name === 'Key');
    if (k) idx = c.constExpr(k.kids[0]!) as number;
    idx++;
    max = Math.max(max, idx);
  }
  return max;
}

export function funcLit(c: Compiler, n: Node): Val {
  const parent = c.fn!;
  parent.closures++;
  const name = parent.parent ? `${parent.name}.${parent.closures}` : `${parent.name}.func${parent.closures}`;
  const { code, sig } = c.funcBody(n, name, null, null);
  return { c: `(${code})`, t: sig, mode: 'value', n };
}

