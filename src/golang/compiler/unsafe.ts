/**
 * The unsafe package's compile-time functions (spec, "Package unsafe"): unsafe.Sizeof(x),
 * unsafe.Alignof(x) and unsafe.Offsetof(x.f) are constants of type uintptr computed from x's type
 * with gc's amd64 layout (types.ts sizeOf/alignOf/offsetsOf); x is type-checked, never evaluated.
 *
 * Simplified: the standard library's native types (sync.Mutex, atomic.Int64 …) are laid out as the
 * empty structs they are declared as here, not as their Go declarations.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import type { Compiler, Val } from '../core.js';
import { type Type, basic, underlying, defaultType, sizeOf, alignOf, offsetsOf } from '../types.js';
import { describe, fieldIndexPath } from './operand.js';

export const unsafeConstFuncs: ReadonlySet<string> = new Set(['Sizeof', 'Alignof', 'Offsetof']);

export function unsafeConst(c: Compiler, n: Node, name: string, argNodes: Node[]): Val {
  if (argNodes.length !== 1) c.fail(n, `${argNodes.length === 0 ? 'not enough' : 'too many'} arguments for ${text(n)} (expected 1, found ${argNodes.length})`);
  const an = argNodes[0]!;
  const uintptr = basic('uintptr');
  const konst = (x: number): Val => ({ c: String(x), t: uintptr, mode: 'const', n, cv: x });
  // the argument is only type-checked: its code (and the ops it counted) are dropped
  const ops = c.ops;
  try {
    if (name === 'Offsetof') return konst(offsetof(c, n, an));
    const v = c.expr(an);
    if (v.mode === 'type') c.fail(an, `${text(an)} (type) is not an expression`);
    if (v.mode === 'nil') c.fail(an, 'use of untyped nil in argument to built-in ' + name);
    const t = defaultType(v.t);
    return konst(name === 'Sizeof' ? sizeOf(t) : alignOf(t));
  } finally {
    c.ops = ops;
  }
}

/** unsafe.Offsetof(x.f): f's offset in x's struct, summed along embedded (non-pointer) fields. */
function offsetof(c: Compiler, n: Node, an: Node): number {
  let sel = an;
  while (sel.name === 'ParenthesizedExpr') sel = sel.kids[0]!;
  if (sel.name !== 'SelectorExpr') c.fail(an, `invalid argument: ${text(an)} is not a selector expression`);
  const x = c.expr(sel.kids[0]!);
  const fname = text(sel.kids[sel.kids.length - 1]!);
  let t: Type = x.t;
  if (x.mode === 'type') c.fail(an, `invalid argument: ${text(an)} is a method value`);
  const path = fieldIndexPath(t, fname);
  if (!path) c.fail(an, `invalid argument: ${text(an)} is a method value`);
  // the selector's own dereference of x (x a pointer) is allowed; embedded pointers are not
  let off = 0;
  let u = underlying(t);
  if (u.k === 'ptr') {
    t = u.elem;
    u = underlying(t);
  }
  for (let i = 0; i < path.length; i++) {
    if (u.k !== 'struct') c.fail(an, `invalid argument: field ${fname} is embedded via a pointer in ${describe(x)}`);
    const fi = path[i]!;
    off += offsetsOf(u)[fi]!;
    const ft = u.fields[fi]!.type;
    u = underlying(ft);
  }
  return off;
}
