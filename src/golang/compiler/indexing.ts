/**
 * Index and slice expressions: a[i] on maps (with the comma-ok form), slices, arrays, pointers to
 * arrays and strings, with Go's constant-index checks; a[lo:hi:max] on slices, arrays and strings.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import type { Compiler, Val } from '../core.js';
import { type Type, tInt, tString, underlying, isInteger, isString } from '../types.js';
import { convert, zero, describe, complexKey } from './operand.js';

/**
 * `pre`: the index expression is an operand of a tuple assignment's left side, whose operands are
 * evaluated before any assignment is made (the spec's first phase: `i, x[i] = 1, 2` stores into the
 * old x[i]); the base and the index go into constants declared by the code pushed onto `pre`.
 */
export function index(c: Compiler, n: Node, pre?: string[]): Val {
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
  if (!isInteger(iv.t)) c.fail(iv.n, `invalid argument: index ${describe(c, iv)} must be integer`);
  let i = convert(c, iv, isInteger(iv.t) && iv.mode !== 'const' ? iv.t : tInt, 'index');
  if (pre && !isString(x.t)) {
    const tx = c.id('x');
    const ti = c.id('i');
    pre.push(`const ${tx} = ${x.c}, ${ti} = ${i};`);
    x.c = tx;
    i = ti;
  }
  if (iv.cv !== undefined && (iv.cv as number) < 0) c.fail(iv.n, `invalid argument: index ${text(iv.n)} (constant of type int) must not be negative`);
  if (u.k === 'slice') return { c: `$L.sget(${x.c}, ${i})`, t: u.elem, mode: 'var', n, lv: (v) => `$L.sset(${x.c}, ${i}, ${v})` };
  if (u.k === 'array') {
    if (iv.cv !== undefined && (iv.cv as number) >= u.len) c.fail(iv.n, `invalid argument: index ${iv.cv} out of bounds [0:${u.len}]`);
    return { c: `$L.aget(${x.c}, ${i})`, t: u.elem, mode: 'var', n, lv: (v) => `$L.aset(${x.c}, ${i}, ${v})` };
  }
  if (u.k === 'ptr' && underlying(u.elem).k === 'array') return { c: `$L.aget($L.deref(${x.c}), ${i})`, t: (underlying(u.elem) as { elem: Type }).elem, mode: 'var', n, lv: (v) => `$L.aset($L.deref(${x.c}), ${i}, ${v})` };
  if (isString(x.t)) return { c: `$L.strAt(${x.c}, ${i})`, t: c.scope.lookup('byte')!.t, mode: 'value', n };
  c.fail(n, `invalid operation: cannot index ${describe(c, x)}`);
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
  const vals = parts.map((p) => (p ? c.expr(p) : null));
  const ix = (i: number, d: string): string => (vals[i] ? convert(c, vals[i]!, tInt, 'slice index') : d);
  const lo = ix(0, '0');
  const hi = ix(1, '-1');
  const max = three ? ix(2, '-1') : '-1';
  // Constant indices must be in order (types2 index.go sliceExpr: "invalid slice indices: %d < %d", at
  // the later index; one error).
  const cs = vals.map((v) => (v !== null && (typeof v.cv === 'number' || typeof v.cv === 'bigint') ? Number(v.cv) : -1));
  for (let i = 0; i < 2; i++) {
    if (cs[i]! <= 0) continue;
    for (let j = i + 1; j < 3; j++) if (cs[j]! >= 0 && cs[j]! < cs[i]!) c.fail(parts[j]!, `invalid slice indices: ${cs[j]} < ${cs[i]}`);
  }
  const u = underlying(x.t);
  if (isString(x.t)) return { c: `$L.substr(${x.c}, ${lo}, ${hi})`, t: x.t.k === 'basic' && x.t.name === 'untyped string' ? tString : x.t, mode: 'value', n };
  if (u.k === 'slice') return { c: `$L.reslice(${x.c}, ${lo}, ${hi}, ${max})`, t: x.t, mode: 'value', n };
  if (u.k === 'array') return { c: `$L.sliceArray(${x.c}, ${lo}, ${hi}, ${max})`, t: c.types.intern({ k: 'slice', elem: u.elem }), mode: 'value', n };
  if (u.k === 'ptr' && underlying(u.elem).k === 'array')
    return { c: `$L.sliceArray($L.deref(${x.c}), ${lo}, ${hi}, ${max})`, t: c.types.intern({ k: 'slice', elem: (underlying(u.elem) as { elem: Type }).elem }), mode: 'value', n };
  c.fail(n, `cannot slice ${describe(c, x)}`);
}
