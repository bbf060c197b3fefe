/**
 * Variable declarations inside and outside functions: `var` specs (locals, globals, boxed when
 * their address is taken), checked and compiled at once. Constant and type declarations are
 * checked by check/decls.ts.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import type { Compiler, Obj } from '../core.js';
import { type Type, tBool } from '../types.js';
import { callName } from './assign.js';
import { convert, zero, valueOf, needsBox, isZeroArray } from './operand.js';
import { resolveType } from './check/typexpr.js';

export function varSpec(c: Compiler, spec: Node, global: boolean): string {
  const names = spec.kids.filter((k) => k.name === 'DefName');
  const eq = spec.kids.findIndex((k) => k.name === '=');
  const typeN = spec.kids.find((k, i) => k.name !== 'DefName' && (eq < 0 || i < eq) && k.name !== 'var');
  const vals = eq >= 0 ? spec.kids.slice(eq + 1) : [];
  const t = typeN ? resolveType(c, typeN) : null;
  const decl = global ? '' : 'let ';
  const objs: Obj[] = [];
  let code = '';
  const mk = (dn: Node, vt: Type): Obj => {
    const nm = text(dn);
    const js = global ? (nm === '_' ? c.id('_') : `G_${nm}`) : c.local(nm);
    if (global && nm === '_') c.lets.push(js);
    const boxed = needsBox(c.fn!, nm, vt);
    return { kind: 'var', name: nm, t: vt, js, boxed, node: dn, global, used: global };
  };
  if (vals.length === 0) {
    if (!t) c.fail(spec, 'missing type or init expr');
    for (const dn of names) {
      const o = mk(dn, t);
      objs.push(o);
      const z = zero(c, t);
      code += `${decl}${o.js} = ${o.boxed ? boxed(c, o, z) : z}; `;
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
      code += `${decl}${o.js} = ${o.boxed ? boxed(c, o, cv) : cv}; `;
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
      code += `${decl}${o.js} = ${o.boxed ? boxed(c, o, cv) : cv}; `;
    });
  }
  for (const o of objs) c.declare(o.node, o);
  return code;
}


/** Local type declarations. */


/** A boxed variable's Box holding `code`; a zero-size package-level one is runtime.zerobase where the release puts it there (VersionProfile.zeroSizeGlobalsAtZerobase). */
function boxed(c: Compiler, o: Obj, code: string): string {
  if (o.global && c.lang.zeroSizeGlobalsAtZerobase && isZeroArray(o.t)) return `(${code}, $L.zerobase)`;
  return `new $L.Box(${code})`;
}
