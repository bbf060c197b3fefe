/**
 * Assignments: `=`, `:=`, `op=`, `++`/`--`, with comma-ok forms and tuple results.
 *
 * Struct values are assigned in place (`$L.setStruct`) so that pointers taken earlier
 * (`p := &x`; `x = y`) keep seeing the variable, as in Go; arrays are copied on assignment.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import type { Compiler, Obj, Val } from '../core.js';
import { type Type, tBool, underlying, isString, isNumeric, isInteger, isComplex, sizeOf } from '../types.js';
import { convert, valueOf, describe, ts, wrap, complexKey, needsBox, intBinary, zero } from './operand.js';
import { index } from './indexing.js';

export interface LVal {
  t: Type;
  /** Code storing the JS expression `v`. */
  set(v: string): string;
  /** Code reading the current value. */
  get: string;
  blank?: boolean;
}

/**
 * `pre` (tuple assignments): code evaluating the index expressions' operands on the left side before
 * the right side and before any store, into constants (the spec's first phase of an assignment).
 */
export function lvalue(c: Compiler, n: Node, pre?: string[]): LVal {
  if (n.name === 'VariableName' && text(n) === '_') return { t: { k: 'basic', name: 'untyped nil' }, set: (v) => `void (${v})`, get: '', blank: true };
  if (n.name === 'ParenthesizedExpr') return lvalue(c, n.kids[0]!, pre);
  if (n.name === 'IndexExpr') {
    const x = c.expr(n.kids[0]!);
    const u = underlying(x.t);
    if (u.k === 'map') {
      // mapassign: hashing and probing, as a lookup (cost.ts mapAccess); a new key adds mapNewKey at run time
      c.charge(c.cpu.mapAccess);
      const k = convert(c, c.expr(n.kids[1]!), u.key, 'map index');
      const ck = complexKey(u.key);
      const nk = `${c.cpu.mapNewKey}, ${sizeOf(u.key) + sizeOf(u.elem)}`;
      // x op= y and x++ read the element: a missing key reads the element type's zero value (`""` for
      // m[k] += "s"; 0, not null, for the 64-bit integers' checked arithmetic in rt/integers.ts)
      const z = zero(c, u.elem);
      if (pre) {
        const m = c.id('x');
        const kk = c.id('k');
        pre.push(`const ${m} = ${x.c}, ${kk} = ${k};`);
        return {
          t: u.elem,
          set: (v) => (ck ? `$L.cmset(${m}, ${kk}, ${v}, ${nk})` : `$L.mset(${m}, ${kk}, ${v}, ${nk})`),
          get: ck ? `$L.cmget(${m}, $L.mapKey(${kk}), ${z})` : `$L.mget(${m}, ${kk}, ${z})`,
        };
      }
      const kk = c.id('k');
      c.lets.push(kk);
      const m = x.c;
      return {
        t: u.elem,
        set: (v) => (ck ? `$L.cmset(${m}, ${kk} = ${k}, ${v}, ${nk})` : `$L.mset(${m}, ${kk} = ${k}, ${v}, ${nk})`),
        get: ck ? `$L.cmget(${m}, $L.mapKey(${kk}), ${z})` : `$L.mget(${m}, ${kk}, ${z})`,
      };
    }
  }
  if (pre && n.name === 'UnaryExp' && text(n.kids[0]!) === '*') {
    // `p, *p = q, 1` stores through the old p
    const v = c.expr(n);
    if (v.mode === 'var') {
      const tp = c.id('x');
      pre.push(`const ${tp} = ${c.expr(n.kids[1]!).c};`);
      const u = underlying(v.t);
      if (v.lv) return { t: v.t, set: (x) => `$L.nn(${tp}).v = ${x}`, get: `$L.deref(${tp})` };
      if (u.k === 'struct' && !(v.t.k === 'named' && v.t.native)) return { t: v.t, set: (x) => `$L.setStruct($L.nn(${tp}), ${x})`, get: `$L.nn(${tp})` };
    }
  }
  // Assigning to a variable is not a use of it (go vet / the compiler: "declared but not used").
  let wasUsed: boolean | undefined;
  const obj = n.name === 'VariableName' ? c.scope.lookup(text(n)) : undefined;
  if (obj && obj.kind === 'var') wasUsed = obj.used;
  const v = pre && n.name === 'IndexExpr' ? index(c, n, pre) : c.expr(n);
  if (obj && obj.kind === 'var') obj.used = wasUsed;
  if (v.mode !== 'var') {
    if (n.name === 'IndexExpr' && isString(c.expr(n.kids[0]!).t)) c.fail(n, `cannot assign to ${text(n)} (value of type byte)`);
    c.fail(n, `cannot assign to ${text(n)} (${v.mode === 'const' ? 'constant' : 'value'} of type ${ts(v.t)})`);
  }
  const u = underlying(v.t);
  const code = v.c;
  if (u.k === 'struct' && !(v.t.k === 'named' && v.t.native)) return { t: v.t, set: (x) => `$L.setStruct(${code}, ${x})`, get: code };
  if (v.lv) return { t: v.t, set: v.lv, get: code };
  return { t: v.t, set: (x) => `${code} = ${x}`, get: code };
}

/** `a, b = x, y` */
export function assign(c: Compiler, n: Node): string {
  const eq = n.kids.findIndex((k) => k.name === '=');
  const lhs = n.kids.slice(0, eq);
  const rhs = n.kids.slice(eq + 1);
  const pre: string[] | undefined = lhs.length > 1 ? [] : undefined;
  const code = assignLists(c, n, lhs.map((l) => lvalue(c, l, pre)), rhs, lhs);
  return pre && pre.length ? `{ ${pre.join(' ')} ${code} }` : code;
}

function assignLists(c: Compiler, n: Node, ls: LVal[], rhs: Node[], lhsNodes: Node[]): string {
  if (rhs.length === 1 && ls.length > 1) {
    const v = c.expr(rhs[0]!);
    const types = v.mode === 'tuple' ? v.tuple! : v.ok2 ? [v.t, tBool] : null;
    if (!types || types.length !== ls.length) c.fail(n, `assignment mismatch: ${ls.length} variables but ${v.mode === 'tuple' ? `${callName(rhs[0]!)} returns ${v.tuple!.length} value${v.tuple!.length > 1 ? 's' : ''}` : '1 value'}`);
    const tmp = c.id('m');
    let code = `const ${tmp} = ${v.mode === 'tuple' ? v.c : v.ok2!}; `;
    ls.forEach((l, i) => {
      const src: Val = { c: `${tmp}[${i}]`, t: types[i]!, mode: 'value', n: rhs[0]! };
      code += l.blank ? '' : `${l.set(convert(c, src, l.t, 'assignment'))}; `;
    });
    return `{ ${code}}`;
  }
  if (rhs.length !== ls.length) c.fail(n, `assignment mismatch: ${ls.length} variable${ls.length > 1 ? 's' : ''} but ${rhs.length} value${rhs.length > 1 ? 's' : ''}`);
  const vals = rhs.map((r, i) => {
    const v = c.expr(r);
    if (ls[i]!.blank) {
      if (v.mode === 'nil') c.fail(r, 'use of untyped nil in assignment');
      return convertBlank(c, v);
    }
    return convert(c, v, ls[i]!.t, 'assignment');
  });
  void lhsNodes;
  if (ls.length === 1) return `${ls[0]!.set(vals[0]!)};`;
  const tmps = vals.map(() => c.id('v'));
  return `{ ${vals.map((v, i) => `const ${tmps[i]} = ${v};`).join(' ')} ${ls.map((l, i) => `${l.set(tmps[i]!)};`).join(' ')} }`;
}

function convertBlank(c: Compiler, v: Val): string {
  return valueOf(c, v).c;
}

/** `x op= y`, `x++` */
export function assignOp(c: Compiler, n: Node, op: string, incdec = false): string {
  const l = lvalue(c, n.kids[0]!);
  // x op= y and x++ read x: they are uses (unlike x = y)
  if (n.kids[0]!.name === 'VariableName') {
    const o = c.scope.lookup(text(n.kids[0]!));
    if (o) o.used = true;
  }
  const bop = op.slice(0, -1);
  if (l.blank) c.fail(n, 'cannot use _ as value');
  const rv: Val = incdec ? { c: '1', t: { k: 'basic', name: 'untyped int' }, mode: 'const', n, cv: 1 } : c.expr(n.kids[n.kids.length - 1]!);
  const cur: Val = { c: l.get, t: l.t, mode: 'var', n: n.kids[0]! };
  if (incdec && !isNumeric(l.t)) c.fail(n, `invalid operation: ${text(n)} (non-numeric type ${ts(l.t)})`);
  if (bop === '<<' || bop === '>>') {
    const rc = rv.cv !== undefined ? String(rv.cv) : rv.c;
    return `${l.set(wrap(l.t, `$L.${bop === '<<' ? 'shl' : 'shr'}(${l.get}, ${rc})`))};`;
  }
  const r = convert(c, rv, l.t, 'assignment');
  if (!(isNumeric(l.t) || (bop === '+' && isString(l.t)))) c.fail(n, `invalid operation: operator ${bop} not defined on ${describe(c, cur)}`);
  c.ops++;
  if (isComplex(l.t)) {
    const fn = bop === '+' ? 'cadd' : bop === '-' ? 'csub' : bop === '*' ? 'cmul' : bop === '/' ? 'cdiv' : '';
    if (fn === '') c.fail(n, `invalid operation: operator ${bop} not defined on ${describe(c, cur)}`);
    return `${l.set(wrap(l.t, `$L.${fn}(${l.get}, ${incdec ? '$L.cx(1, 0)' : r})`))};`;
  }
  if (isInteger(l.t)) {
    if (rv.cv === 0 && (bop === '/' || bop === '%')) c.fail(n, 'invalid operation: division by zero');
    return `${l.set(intBinary(l.t, bop, l.get, r, typeof rv.cv === 'number' ? rv.cv : undefined))};`;
  }
  let code: string;
  if (bop === '+' && isString(l.t)) {
    // s += t is concatstrings as s = s + t: a new string on the heap (operators.ts, rt/malloc.ts)
    c.charge(c.cpu.concatString);
    code = `$L.scat(${l.get}, ${r})`;
  } else code = `(${l.get} ${bop} ${r})`;
  const u = underlying(l.t);
  if (u.k === 'basic' && u.name === 'float32') code = `Math.fround(${code})`;
  return `${l.set(code)};`;
}

/** `a, b := x, y` */
export function define(c: Compiler, n: Node): string {
  const eq = n.kids.findIndex((k) => k.name === ':=');
  const names = n.kids.slice(0, eq);
  const rhs = n.kids.slice(eq + 1);
  let anyNew = false;
  const news: Obj[] = [];
  // types of the right-hand side
  let types: Type[];
  let codes: string[];
  let pre = '';
  if (rhs.length === 1 && names.length > 1) {
    const v = c.expr(rhs[0]!);
    const ts2 = v.mode === 'tuple' ? v.tuple! : v.ok2 ? [v.t, tBool] : null;
    if (!ts2 || ts2.length !== names.length) c.fail(n, `assignment mismatch: ${names.length} variables but ${v.mode === 'tuple' ? `${callName(rhs[0]!)} returns ${v.tuple!.length} value${v.tuple!.length > 1 ? 's' : ''}` : '1 value'}`);
    const tmp = c.id('m');
    pre = `const ${tmp} = ${v.mode === 'tuple' ? v.c : v.ok2!}; `;
    types = ts2;
    codes = ts2.map((_, i) => `${tmp}[${i}]`);
  } else {
    if (rhs.length !== names.length) c.fail(n, `assignment mismatch: ${names.length} variable${names.length > 1 ? 's' : ''} but ${rhs.length} value${rhs.length > 1 ? 's' : ''}`);
    const vs = rhs.map((r) => c.expr(r));
    types = [];
    codes = [];
    vs.forEach((v) => {
      if (v.mode === 'tuple') c.fail(v.n, `assignment mismatch: ${names.length} variable${names.length > 1 ? 's' : ''} but ${callName(v.n)} returns ${v.tuple!.length} values`);
      if (v.mode === 'novalue') c.fail(v.n, `${text(v.n)} (no value) used as value`);
      const r = valueOf(c, v, 'assignment');
      types.push(r.t);
      codes.push(r.c);
    });
  }
  let code = pre;
  const tmps: string[] = [];
  if (names.length > 1 && rhs.length > 1) {
    codes.forEach((cd, i) => {
      const t = c.id('v');
      tmps.push(t);
      code += `const ${t} = ${cd}; `;
    });
  } else tmps.push(...codes);
  names.forEach((dn, i) => {
    const nm = text(dn);
    if (nm === '_') {
      code += `void (${tmps[i]}); `;
      return;
    }
    const existing = c.scope.m.get(nm);
    if (existing && existing.kind === 'var') {
      const src: Val = { c: tmps[i]!, t: types[i]!, mode: 'value', n: dn };
      const conv = convert(c, src, existing.t, 'assignment');
      code += existing.boxed ? `${existing.js}.v = ${conv}; ` : `${existing.js} = ${conv}; `;
      return;
    }
    anyNew = true;
    const t = types[i]!;
    if (t.k === 'basic' && t.name === 'untyped nil') c.fail(rhs[i] ?? n, 'use of untyped nil in assignment');
    const js = c.local(nm);
    const boxed = needsBox(c.fn!, nm, t);
    code += `let ${js} = ${boxed ? `new $L.Box(${tmps[i]})` : tmps[i]}; `;
    news.push({ kind: 'var', name: nm, t, js, boxed, node: dn });
  });
  if (!anyNew) c.fail(n, 'no new variables on left side of :=');
  for (const o of news) c.declare(o.node, o);
  return code;
}

/** The called function's name as go1.19 prints it in "f returns 2 values". */
export function callName(n: Node): string {
  return n.name === 'CallExpr' ? text(n.kids[0]!) : text(n);
}
