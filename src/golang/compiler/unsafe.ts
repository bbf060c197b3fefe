/**
 * The unsafe package's compile-time functions (spec, "Package unsafe"): unsafe.Sizeof(x),
 * unsafe.Alignof(x) and unsafe.Offsetof(x.f) are constants of type uintptr computed from x's type
 * with gc's amd64 layout (types.ts sizeOf/alignOf/offsetsOf); x is type-checked, never evaluated.
 *
 * Simplified: the standard library's native types (sync.Mutex, atomic.Int64 …) are laid out as the
 * empty structs they are declared as here, not as their Go declarations.
 *
 * Its run-time functions (Add, Slice; since Go 1.20 String, StringData, SliceData) compile to the
 * pointer arithmetic of rt/pointers.ts, typed here from their arguments (Slice's result is []T of
 * its *T argument, as the spec's ArbitraryType).
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import { type Compiler, type Val, isIntConst } from '../core.js';
import { type Type, basic, underlying, defaultType, sizeOf, alignOf, offsetsOf, isInteger, isString, tString } from '../types.js';
import { describe, fieldIndexPath, convert } from './operand.js';

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
    if (u.k !== 'struct') c.fail(an, `invalid argument: field ${fname} is embedded via a pointer in ${describe(c, x)}`);
    const fi = path[i]!;
    off += offsetsOf(u)[fi]!;
    const ft = u.fields[fi]!.type;
    u = underlying(ft);
  }
  return off;
}

export const unsafeFuncs: ReadonlySet<string> = new Set(['Add', 'Slice', 'String', 'StringData', 'SliceData']);

/** unsafe.Add, Slice, String, StringData, SliceData: calls of rt/pointers.ts, typed from their arguments. */
export function unsafeFunc(c: Compiler, n: Node, name: string, argNodes: Node[]): Val {
  if ((name === 'String' || name === 'StringData' || name === 'SliceData') && !c.lang.unsafeStringData) c.fail(n.kids[0] ?? n, `undefined: unsafe.${name}`);
  // types2 builtins.go: verifyVersionf(call.Fun, go1_20, "unsafe.String") and the others
  if (name === 'String' || name === 'StringData' || name === 'SliceData') c.langAllows(20, n.kids[0] ?? n, `unsafe.${name} `);
  const want = name === 'StringData' || name === 'SliceData' ? 1 : 2;
  if (argNodes.length !== want) c.fail(n, `${argNodes.length < want ? 'not enough' : 'too many'} arguments for ${text(n)} (expected ${want}, found ${argNodes.length})`);
  const vals = argNodes.map((a) => c.expr(a));
  const uptr = basic('unsafe.Pointer');
  const length = (v: Val): string => {
    if (!isInteger(v.t) && !isIntConst(v.cv)) c.fail(v.n, `cannot convert ${describe(c, v)} to type int`);
    return isInteger(v.t) && !(v.t.k === 'basic' && v.t.name.startsWith('untyped')) ? v.c : convert(c, v, basic('int'), 'argument');
  };
  const elemOf = (v: Val): Type => {
    const u = underlying(v.t);
    if (u.k !== 'ptr') c.fail(v.n, `invalid argument: ${describe(c, v)} is not a pointer`);
    return u.elem;
  };
  switch (name) {
    case 'Add':
      return { c: `$L.unsafeAdd(${convert(c, vals[0]!, uptr, 'argument to unsafe.Add')}, ${length(vals[1]!)})`, t: uptr, mode: 'value', n };
    case 'Slice': {
      const et = elemOf(vals[0]!);
      return { c: `$L.unsafeSlice(${vals[0]!.c}, ${length(vals[1]!)}, ${sizeOf(et)})`, t: c.types.intern({ k: 'slice', elem: et }), mode: 'value', n };
    }
    case 'String': {
      const et = elemOf(vals[0]!);
      if (!(underlying(et).k === 'basic' && (underlying(et) as { name: string }).name === 'uint8')) c.fail(vals[0]!.n, `cannot use ${text(vals[0]!.n)} (${describe(c, vals[0]!)}) as *byte value in argument to unsafe.String`);
      return { c: `$L.unsafeString(${vals[0]!.c}, ${length(vals[1]!)})`, t: tString, mode: 'value', n };
    }
    case 'StringData':
      if (!isString(vals[0]!.t)) c.fail(vals[0]!.n, `cannot use ${describe(c, vals[0]!)} as string value in argument to unsafe.StringData`);
      return { c: `$L.unsafeStringData(${convert(c, vals[0]!, tString, 'argument')})`, t: c.types.intern({ k: 'ptr', elem: basic('uint8') }), mode: 'value', n };
    default: {
      const u = underlying(vals[0]!.t);
      if (u.k !== 'slice') c.fail(vals[0]!.n, `invalid argument: ${describe(c, vals[0]!)} is not a slice`);
      return { c: `$L.unsafeSliceData(${vals[0]!.c}, ${sizeOf(u.elem)})`, t: c.types.intern({ k: 'ptr', elem: u.elem }), mode: 'value', n };
    }
  }
}

