/**
 * Selector expressions x.f: a package member (pkg.Name), a struct field (through embedded fields
 * and pointers), a method value (bound to its receiver), or a method expression T.m.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import type { Compiler, Val } from '../core.js';
import type { FuncType, NamedType, Type } from '../types.js';
import { underlying } from '../types.js';
import { findMethod, findMethodIn, ts, lit, findField, methodCallCode, clone } from './operand.js';
import { pkgMember } from './check/typexpr.js';

export function selector(c: Compiler, n: Node): Val {
  const xn = n.kids[0]!;
  const name = text(n.kids[n.kids.length - 1]!);
  if (xn.name === 'VariableName') {
    const o = c.scope.lookup(text(xn));
    if (o && o.kind === 'pkg') {
      const m = pkgMember(c, n, text(xn), name);
      if (m.kind === 'type') return { c: '', t: m.t, mode: 'type', n };
      if (m.kind === 'const') return { c: lit(m.cv!), t: m.t, mode: 'const', n, cv: m.cv, ...(m.exact ? { exact: m.exact } : {}) };
      if (m.kind === 'var') return { c: m.js!, t: m.t, mode: 'var', n };
      if (m.generic) c.fail(n, `cannot use generic function ${text(n)} without instantiation`);
      // a package function used as a value: a Go function (generator) calling it with its parameters
      const sig = m.t as FuncType;
      const ps = sig.params.map(() => c.id('a'));
      return { c: `(function* (${ps.join(', ')}) { return ${m.call!(ps, c, n)}; })`, t: m.t, mode: 'value', n };
    }
  }
  const x = c.expr(xn);
  c.ops++;
  if (x.mode === 'type') {
    // method expression T.M
    // A function whose first parameter is the receiver, called as a method call on it: value
    // receivers are copied, (*T).M of a value method dereferences, promoted methods follow the
    // embedded fields, I.M calls through the dynamic type's method table.
    const m = findMethod(x.t, name);
    if (!m) c.fail(n.kids[n.kids.length - 1]!, `${text(n)} undefined (type ${ts(x.t)} has no method ${name})`);
    if (m.ptrRecv && underlying(x.t).k !== 'ptr' && !m.lastPtr) c.fail(n, `invalid method expression ${text(n)} (needs pointer receiver (*${ts(x.t)}).${name})`);
    const call = methodCallCode(c, { c: 'r', t: x.t, mode: 'value', n }, m, name, 'r', '...a');
    return { c: `(function* (r, ...a) { return ${call}; })`, t: c.types.intern({ k: 'func', params: [x.t, ...m.sig.params], results: m.sig.results, variadic: m.sig.variadic }), mode: 'value', n };
  }
  const f = findField(x.t, name);
  if (f) {
    let base = x.c;
    const u = underlying(x.t);
    if (u.k === 'ptr' && underlying(u.elem).k !== 'struct') c.fail(n, `${text(n)} undefined`);
    for (let i = 0; i < f.path.length - 1; i++) base = `${base}.${f.path[i]}`;
    return { c: `${base}.${f.path[f.path.length - 1]}`, t: f.t, mode: 'var', n };
  }
  const m = findMethodIn(c, x.t, name);
  if (m) {
    // method value: bind the receiver now
    const recv = c.id('r');
    if (!m.ptrRecv && !m.iface && !m.native) {
      // a value method: the receiver is evaluated and copied now (spec, "Method values"): through
      // a nil pointer, also an embedded one, binding panics
      let v = x.c;
      const u = underlying(x.t);
      const ru = underlying(m.recvT);
      if (m.path.length === 0 && u.k === 'ptr' && underlying(u.elem).k !== 'struct') v = `$L.deref(${v})`;
      for (const p of m.path) v = `${v}.${p}`;
      if (m.path.length > 0 && m.lastPtr && ru.k !== 'struct') v = `$L.deref(${v})`;
      const val = clone(c, m.recvT, ru.k === 'struct' ? `$L.nn(${v})` : v);
      const call = methodCallCode(c, { c: recv, t: m.recvT, mode: 'value', n }, { ...m, path: [], lastPtr: false }, name, recv, '...a');
      return { c: `((${recv}) => function* (...a) { return ${call}; })(${val})`, t: m.sig, mode: 'value', n };
    }
    const call = methodCallCode(c, x, m, name, recv, '...a');
    // an interface's method: a nil interface panics now
    const bound = m.iface && m.path.length === 0 ? `$L.nn(${x.c})` : x.c;
    return { c: `((${recv}) => function* (...a) { return ${call}; })(${bound})`, t: m.sig, mode: 'value', n };
  }
  const lib = libraryType(x.t);
  // an exported member of a library type that gmpsim's package lacks: unsupported, not the
  // program's error (a method a later release added stays the release's "undefined")
  if (lib && /^[A-Z]/.test(name) && !lib.methods.has(name)) c.unsupported(n, `${lib.pkg}.${lib.name}.${name} (package ${lib.pkg})`);
  c.fail(n.kids[n.kids.length - 1]!, `${text(n)} undefined (type ${ts(x.t)} has no field or method ${name})`);
}

/** The library's named type a selector's operand has (T or *T of a package other than main), if any. */
function libraryType(t: Type): NamedType | null {
  const b = t.k === 'ptr' ? t.elem : t;
  if (b.k !== 'named' || b.pkg === 'main' || b.pkg === '' || b.tparamOf !== undefined) return null;
  return b;
}
