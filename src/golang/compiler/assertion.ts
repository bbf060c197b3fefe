/**
 * Type assertions x.(T): to a concrete type (descriptor identity) or an interface (method set),
 * with the comma-ok form; Go's impossible-assertion compile errors.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import type { Compiler, Val } from '../core.js';
import { underlying, typeString } from '../types.js';
import { zero, ts, implementsIface } from './operand.js';
import { resolveType } from './check/typexpr.js';

export function assertion(c: Compiler, n: Node): Val {
  const x = c.expr(n.kids[0]!);
  const tn = n.kids[n.kids.length - 1]!;
  if (tn.name === 'type' || text(n).endsWith('.(type)')) c.fail(n, 'invalid syntax tree: use of .(type) outside type switch');
  c.ops++;
  if (underlying(x.t).k !== 'iface') c.fail(x.n, `invalid operation: ${text(x.n)} (${x.mode === 'var' ? 'variable' : 'value'} of type ${ts(x.t)}) is not an interface`);
  const t = resolveType(c, tn);
  const tu = underlying(t);
  const tr = c.typeRef(t);
  const z = zero(c, t);
  if (tu.k === 'iface') {
    if (tu.methods.size === 0) return { c: `$L.assertI(${x.c}, null, ${tr})`, t, mode: 'value', n, ok2: `$L.assertI2(${x.c}, null)` };
    const ms = JSON.stringify([...tu.methods.keys()]);
    const sigs = JSON.stringify([...tu.methods.values()].map((s) => typeString(s)));
    return { c: `$L.assertI(${x.c}, ${ms}, ${tr}, ${sigs})`, t, mode: 'value', n, ok2: `$L.assertI2(${x.c}, ${ms}, ${sigs})` };
  }
  const xi = underlying(x.t) as unknown as { methods: Map<string, never> };
  // x.(T) with T a type parameter is checked generically (not against one instance's argument)
  const tparam = (tn.name === 'TypeName' || tn.name === 'VariableName') && c.scope.lookup(text(tn))?.tparam === true;
  if (xi.methods.size > 0 && !tparam) {
    const r = implementsIface(t, xi.methods as never);
    if (!r.ok) c.fail(tn, `impossible type assertion: ${text(n)}\n\t${ts(t)} does not implement ${ts(x.t)} (missing method ${r.missing})`);
  }
  return { c: `$L.assertT(${x.c}, ${tr}, ${c.typeRef(x.t)})`, t, mode: 'value', n, ok2: `$L.assertT2(${x.c}, ${tr}, ${z})` };
}
