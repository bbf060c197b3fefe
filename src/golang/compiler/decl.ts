/**
 * Declarations inside and outside functions: `var` specs (locals, globals, boxed when their address
 * is taken), `const` groups with iota and implicit repetition, local `type` declarations.
 */
import type { Node } from './syntax.js';
import { text, kid } from './syntax.js';
import type { Compiler, Obj } from '../core.js';
import { type Type, tBool, tInt, underlying } from '../types.js';
import { callName } from './assign.js';
import { convert, zero, ts, valueOf } from './operand.js';

export function varSpec(c: Compiler, spec: Node, global: boolean): string {
  const names = spec.kids.filter((k) => k.name === 'DefName');
  const eq = spec.kids.findIndex((k) => k.name === '=');
  const typeN = spec.kids.find((k, i) => k.name !== 'DefName' && (eq < 0 || i < eq) && k.name !== 'var');
  const vals = eq >= 0 ? spec.kids.slice(eq + 1) : [];
  const t = typeN ? c.resolveType(typeN) : null;
  const decl = global ? '' : 'let ';
  const objs: Obj[] = [];
  let code = '';
  const mk = (dn: Node, vt: Type): Obj => {
    const nm = text(dn);
    const js = global ? (nm === '_' ? c.id('_') : `G_${nm}`) : c.local(nm);
    if (global && nm === '_') c.lets.push(js);
    const boxed = c.fn!.boxed.has(nm) && underlying(vt).k !== 'struct';
    return { kind: 'var', name: nm, t: vt, js, boxed, node: dn, global, used: global };
  };
  if (vals.length === 0) {
    if (!t) c.fail(spec, 'missing type or init expr');
    for (const dn of names) {
      const o = mk(dn, t);
      objs.push(o);
      const z = zero(c, t);
      code += `${decl}${o.js} = ${o.boxed ? `new $L.Box(${z})` : z}; `;
    }
  } else if (vals.length === 1 && names.length > 1) {
    const v = c.expr(vals[0]!);
    const tmp = c.id('m');
    const types = v.mode === 'tuple' ? v.tuple! : v.ok2 ? [v.t, tBool] : null;
    if (!types || types.length !== names.length) c.fail(spec, `assignment mismatch: ${names.length} variables but ${v.mode === 'tuple' ? `${callName(vals[0]!)} returns ${v.tuple!.length} values` : '1 value'}`);
    code += `const ${tmp} = ${v.mode === 'tuple' ? v.c : v.ok2!}; `;
    names.forEach((dn, i) => {
      const vt = t ?? types[i]!;
      const o = mk(dn, vt);
      objs.push(o);
      const cv = convert(c, { c: `${tmp}[${i}]`, t: types[i]!, mode: 'value', n: vals[0]! }, vt, 'variable declaration');
      code += `${decl}${o.js} = ${o.boxed ? `new $L.Box(${cv})` : cv}; `;
    });
  } else {
    if (vals.length !== names.length) c.fail(spec, `assignment mismatch: ${names.length} variable${names.length > 1 ? 's' : ''} but ${vals.length} value${vals.length > 1 ? 's' : ''}`);
    names.forEach((dn, i) => {
      const v = c.expr(vals[i]!);
      let cv: string;
      let vt: Type;
      if (t) {
        cv = convert(c, v, t, 'variable declaration');
        vt = t;
      } else {
        const r = valueOf(c, v, 'variable declaration');
        cv = r.c;
        vt = r.t;
      }
      const o = mk(dn, vt);
      objs.push(o);
      code += `${decl}${o.js} = ${o.boxed ? `new $L.Box(${cv})` : cv}; `;
    });
  }
  for (const o of objs) c.declare(o.node, o);
  return code;
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
    const t = typeN ? c.resolveType(typeN) : null;
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
        }
        c.declare(dn, { kind: 'const', name: text(dn), t: ct, js: '', cv, node: dn, used: true });
      });
    } finally {
      c.iota = saved;
    }
  });
}

/** Local type declarations. */
export function localTypes(c: Compiler, n: Node): void {
  const specs = n.kids.filter((k) => k.name === 'TypeSpec').concat(kid(n, 'SpecList')?.kids.filter((k) => k.name === 'TypeSpec') ?? []);
  for (const spec of specs) {
    const dn = spec.kids[0]!;
    const alias = spec.kids.some((k) => k.name === '=');
    const tn = spec.kids[spec.kids.length - 1]!;
    if (alias) {
      c.declare(dn, { kind: 'type', name: text(dn), t: c.resolveType(tn), js: '', used: true });
      continue;
    }
    const nt = { k: 'named' as const, name: text(dn), pkg: 'main', under: tInt as Type, methods: new Map(), native: null };
    c.declare(dn, { kind: 'type', name: text(dn), t: nt, js: '', used: true });
    nt.under = underlying(c.resolveType(tn));
  }
}

