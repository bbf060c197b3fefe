/**
 * Composite literals T{…}: structs (keyed or positional), arrays (with [...]T and indexed
 * elements), slices and maps, with elided inner literal types (`hint`), and &T{…}.
 */
import type { Node } from './syntax.js';
import { text, kid } from './syntax.js';
import type { Compiler, Val } from '../core.js';
import { type Type, type StructType, underlying, sizeOf } from '../types.js';
import { convert, zero, structClass, ts, complexKey } from './operand.js';
import { resolveType, constExpr } from './check/typexpr.js';

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
    // @lezer/go parses `[...]T` as a SliceType whose first child is `...`
    if ((tn.name === 'ArrayType' || tn.name === 'SliceType') && tn.kids[0]?.name === '...') {
      const elem = resolveType(c, tn.kids[tn.kids.length - 1]!);
      const count = countElems(c, body);
      t = c.types.intern({ k: 'array', elem, len: count });
    } else t = resolveType(c, tn);
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
          if (fi < 0) {
            // an exported field of a library struct that gmpsim's package lacks: unsupported, not the program's error
            if (t.k === 'named' && t.pkg !== 'main' && t.pkg !== '' && t.tparamOf === undefined && /^[A-Z]/.test(text(kn))) c.unsupported(kn, `${t.pkg}.${t.name}.${text(kn)} (a field of package ${t.pkg})`);
            c.fail(kn, `unknown field ${text(kn)} in struct literal of type ${ts(t)}`);
          }
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
        if (kn) idx = constExpr(c, kn) as number;
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
      // a slice literal's backing array is allocated (rt/malloc.ts)
      if (u.k === 'slice') c.charge(c.cpu.malloc);
      return { c: u.k === 'array' ? arr : `($k++, $A.b += ${len * sizeOf(u.elem)}, $L.sliceLit(${arr}))`, t, mode: 'value', n };
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
      c.charge(c.cpu.malloc);
      return { c: `($k++, $A.b += ${48 + entries.length * (sizeOf(u.key) + sizeOf(u.elem))}, new Map([${entries.join(', ')}]))`, t, mode: 'value', n };
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
    if (k) idx = constExpr(c, k.kids[0]!) as number;
    idx++;
    max = Math.max(max, idx);
  }
  return max;
}
