/**
 * Calls: user functions and closures (generator calls with `yield*`), methods, the builtins,
 * conversions, and standard-library functions (their package modules in std/ generate their code).
 *
 * Hoisting for `go` and `defer`: when `c.hoist` is set, the callee and the arguments of the
 * outermost call are evaluated into temporaries first (Go evaluates them at the go/defer
 * statement), and the call itself is compiled against those temporaries.
 */
import { stackAppendBytes } from './escape.js';
import type { Node } from './syntax.js';
import { text, kid } from './syntax.js';
import { exprString } from './exprstring.js';
import { type Compiler, type Val, isIntConst, numOf } from '../core.js';
import {
  type Type,
  type FuncType,
  tInt,
  underlying,
  isUntyped,
  isInteger,
  isUnsigned,
  isFloat,
  isNumeric,
  isString,
  identical,
  defaultType,
  sizeOf,
  isComplex,
  basic,
  tFloat64,
  tUntypedFloat,
  tUntypedComplex,
} from '../types.js';
import { Complex } from '../rt/complex.js';
import { isZeroArray, convert, zero, zeroMaker, describe, ts, findMethodIn, wrap, lit, assignable, intRange, methodCallCode, complexKey, valueOf, clone, kind64 } from './operand.js';
import { resolveType, pkgMember } from './check/typexpr.js';
import { genericCallee, inferCall } from './check/generics.js';
import { unsafeConst, unsafeConstFuncs, unsafeFunc, unsafeFuncs } from './unsafe.js';
import { libCallNs } from '../cost.js';

/** Hoist a code fragment into a temporary when compiling a go/defer call. */
function h(c: Compiler, code: string): string {
  if (!c.hoist || /^[\w$.]+$/.test(code) && !code.includes('.')) {
    if (!c.hoist) return code;
  }
  const id = c.id('h');
  c.hoist.push(`const ${id} = ${code};`);
  return id;
}

function tupleTypes(t: FuncType): Type {
  return t.results.length === 1 ? t.results[0]! : { k: 'tuple', types: t.results };
}

export function call(c: Compiler, n: Node): Val {
  let fnNode = n.kids[0]!;
  // @lezer/go parses some calls of package functions as conversions to a qualified type
  // (`for range 2 { fmt.Print("x") }`): a package member that is a function is a call; so is
  // `x.M(…)` on a variable there (`for range 50 { wg.Go(f) }`): a variable has no types to convert to
  if (n.name === 'Conversion' && fnNode.name === 'QualifiedType' && fnNode.kids[0]?.name === 'VariableName') {
    const po = c.scope.lookup(text(fnNode.kids[0]));
    const isVar = po !== undefined && (po.kind === 'var' || po.kind === 'const');
    if (isVar || (po && po.kind === 'pkg' && c.pkgs.get(po.pkg!)?.get(text(fnNode.kids[fnNode.kids.length - 1]!))?.kind === 'func')) {
      fnNode = { ...fnNode, name: 'SelectorExpr' };
      n = { ...n, name: 'CallExpr' };
    }
  }
  const argsNode = kid(n, 'Arguments');
  const argNodes = argsNode ? argsNode.kids.filter((k) => k.name !== '...') : n.kids.slice(1).filter((k) => k.name !== '...');
  const spread = argsNode ? argsNode.kids.some((k) => k.name === '...') : false;
  // cost model (cost.ts): a call of a Go function 2 ops + `call`, a builtin or library call 1, a
  // conversion 0 (the builtin/library/conversion paths take the difference back)
  c.ops += 2;
  c.charge(c.cpu.call);
  // builtins
  if (fnNode.name === 'VariableName' || fnNode.name.endsWith('Keyword') || ['make', 'new', 'len', 'cap', 'append'].includes(fnNode.name)) {
    const o = c.scope.lookup(text(fnNode));
    if (o && o.kind === 'builtin') return builtin(c, n, text(fnNode), argNodes, spread);
  }
  // conversions
  if (n.name === 'Conversion') {
    const t = resolveType(c, fnNode.name === 'FunctionType' ? { ...fnNode, name: 'FuncType' } : fnNode);
    return conversion(c, n, t, argNodes);
  }
  // package functions
  if (fnNode.name === 'SelectorExpr' && fnNode.kids[0]!.name === 'VariableName') {
    const po = c.scope.lookup(text(fnNode.kids[0]!));
    if (po && po.kind === 'pkg') {
      const name = text(fnNode.kids[fnNode.kids.length - 1]!);
      if (po.pkg === 'unsafe' && unsafeConstFuncs.has(name)) {
        // compile-time constants: no call, no cost
        po.used = true;
        c.ops -= 2;
        c.charge(-c.cpu.call);
        return unsafeConst(c, n, name, argNodes);
      }
      if (po.pkg === 'unsafe' && unsafeFuncs.has(name)) {
        // a library call: 1 op (cost.ts)
        po.used = true;
        c.ops -= 1;
        c.charge(-c.cpu.call);
        return unsafeFunc(c, n, name, argNodes);
      }
      const m = pkgMember(c, fnNode, text(fnNode.kids[0]!), name);
      const gv = m.generic ? genericCall(c, n, fnNode, argNodes, spread) : null;
      if (gv) return gv;
      if (m.kind === 'type') return conversion(c, n, m.t, argNodes);
      if (m.kind !== 'func') c.fail(n, `invalid operation: cannot call non-function ${text(fnNode)}`);
      c.ops -= 1;
      c.charge(-c.cpu.call);
      // what the library's own code costs (cost.ts libCallNs: strconv, fmt, strings…)
      c.charge(libCallNs(c.cpu, po.pkg ?? '', name, argNodes.length));
      const sig = m.t as FuncType;
      const saved = c.hoist;
      c.hoist = null;
      const args = argList(c, n, sig, argNodes, spread, text(fnNode)).map((a) => (saved ? hh2(c, saved, a) : a));
      c.hoist = saved;
      return result(n, m.call!(args, c, n), sig);
    }
  }
  // method calls
  if (fnNode.name === 'SelectorExpr') {
    const xn = fnNode.kids[0]!;
    const name = text(fnNode.kids[fnNode.kids.length - 1]!);
    const saved = c.hoist;
    c.hoist = null;
    const x = c.expr(xn);
    if (x.mode !== 'type') {
      const fld = findFieldQuick(x.t, name);
      const m = fld ? null : findMethodIn(c, x.t, name);
      if (m) {
        const args = argList(c, n, m.sig, argNodes, spread, text(fnNode));
        let recv = x.c;
        if (saved) {
          const id = c.id('h');
          saved.push(`const ${id} = ${x.mode === 'var' && !m.ptrRecv ? x.c : x.c};`);
          recv = id;
          for (let i = 0; i < args.length; i++) args[i] = hh2(c, saved, args[i]!);
        }
        c.hoist = saved;
        const xv = x.mode === 'var' && m.ptrRecv && x.c.endsWith('.v') ? x : { ...x, c: recv };
        let code = m.native ? methodCallCode(c, xv, m, name, recv, args.join(', ')) : methodCallCode(c, xv, m, name, xv === x ? x.c : recv, args.join(', '));
        // a selector split over lines (`v.\n\tA()`): the call, and its nil check, are at the method name's line
        const at = c.line(fnNode.kids[fnNode.kids.length - 1]!);
        if (at !== c.line(xn)) code = `($f.l = ${at}, ${code})`;
        return result(n, code, m.sig);
      }
    }
    c.hoist = saved;
  }
  // generic functions: instantiated with the explicit and inferred type arguments (check/generics.ts)
  const gv = genericCall(c, n, fnNode, argNodes, spread);
  if (gv) return gv;
  // function values
  const saved = c.hoist;
  c.hoist = null;
  const f = c.expr(fnNode);
  if (f.mode === 'type') {
    c.hoist = saved;
    return conversion(c, n, f.t, argNodes);
  }
  const u = underlying(f.t);
  if (u.k !== 'func') c.fail(n, `invalid operation: cannot call non-function ${describe(c, f)}`);
  const args = argList(c, n, u, argNodes, spread, text(fnNode));
  let fc = f.c;
  if (saved) {
    fc = hh2(c, saved, f.c);
    for (let i = 0; i < args.length; i++) args[i] = hh2(c, saved, args[i]!);
  }
  c.hoist = saved;
  return result(n, `(yield* $L.nf(${fc})(${args.join(', ')}))`, u);
}

/** A call of a generic function (the program's or a library's, pkg.F), or null when fnNode is none. */
function genericCall(c: Compiler, n: Node, fnNode: Node, argNodes: Node[], spread: boolean): Val | null {
  const gc = genericCallee(c, fnNode);
  if (!gc) return null;
  const saved = c.hoist;
  c.hoist = null;
  const explicit = gc.explicit.map((a) => resolveType(c, a));
  const vals = argNodes.map((a) => c.expr(a));
  const { js, sig } = inferCall(c, n, gc.g, explicit, gc.explicit, vals);
  const args = vals.length === 1 && vals[0]!.mode === 'tuple' ? argList(c, n, sig, argNodes, spread, text(fnNode)) : convArgs(c, n, sig, vals, spread, text(fnNode));
  if (saved) for (let i = 0; i < args.length; i++) args[i] = hh2(c, saved, args[i]!);
  c.hoist = saved;
  return result(n, `(yield* ${js}(${args.join(', ')}))`, sig);
}

function hh2(c: Compiler, list: string[], code: string): string {
  if (/^(\d+|'[^']*'|"[^"]*"|true|false|null)$/.test(code)) return code;
  const id = c.id('h');
  list.push(`const ${id} = ${code};`);
  return id;
}
void h;

function findFieldQuick(t: Type, name: string): boolean {
  let u = underlying(t);
  if (u.k === 'ptr') u = underlying(u.elem);
  return u.k === 'struct' && u.fields.some((f) => f.name === name && underlying(f.type).k === 'func');
}

function result(n: Node, code: string, sig: FuncType): Val {
  if (sig.results.length === 0) return { c: code, t: { k: 'tuple', types: [] }, mode: 'novalue', n };
  if (sig.results.length === 1) return { c: code, t: sig.results[0]!, mode: 'value', n };
  return { c: code, t: tupleTypes(sig), mode: 'tuple', n, tuple: sig.results };
}

/** Check and convert arguments against a signature (variadics packed into a slice). */
export function argList(c: Compiler, n: Node, sig: FuncType, argNodes: Node[], spread: boolean, fname: string): string[] {
  // f(g()) with a multi-value g
  if (argNodes.length === 1 && (sig.params.length > 1 || sig.variadic) && !spread) {
    const v = c.expr(argNodes[0]!);
    if (v.mode === 'tuple' && v.tuple!.length > 1) {
      const tv = c.id('m');
      const types = v.tuple!;
      if (!sig.variadic && types.length !== sig.params.length) arity(c, n, sig, types.map((t) => ts(t)), fname, types.length > sig.params.length);
      const parts = types.map((t, i) => {
        const pt = sig.variadic && i >= sig.params.length - 1 ? (sig.params[sig.params.length - 1] as { elem: Type }).elem : sig.params[i]!;
        return convert(c, { c: `${tv}[${i}]`, t, mode: 'value', n: argNodes[0]! }, pt, 'argument');
      });
      c.lets.push(tv);
      const fixed = sig.variadic ? sig.params.length - 1 : sig.params.length;
      const out = parts.slice(0, fixed);
      if (sig.variadic) out.push(`$L.sliceLit([${parts.slice(fixed).join(', ')}])`);
      out[0] = `(${tv} = ${v.c}, ${out[0]})`;
      return out;
    }
    return convArgs(c, n, sig, [v], spread, fname);
  }
  return convArgs(
    c,
    n,
    sig,
    argNodes.map((a) => c.expr(a)),
    spread,
    fname,
  );
}

function arity(c: Compiler, n: Node, sig: FuncType, have: string[], fname: string, tooMany: boolean): never {
  const want = sig.params.map((p, i) => (sig.variadic && i === sig.params.length - 1 ? '...' + ts((p as { elem: Type }).elem) : ts(p)));
  c.fail(tooMany ? n : n, `${tooMany ? 'too many' : 'not enough'} arguments in call to ${fname}\n\thave (${have.join(', ')})\n\twant (${want.join(', ')})`);
}

function haveType(v: Val): string {
  if (v.mode === 'const' && isUntyped(v.t)) return isNumeric(v.t) ? 'number' : ts(defaultType(v.t));
  if (v.mode === 'nil') return 'nil';
  return ts(v.t);
}

function convArgs(c: Compiler, n: Node, sig: FuncType, vals: Val[], spread: boolean, fname: string): string[] {
  const np = sig.params.length;
  const fixed = sig.variadic && !spread ? np - 1 : np;
  if (vals.length < fixed || (!sig.variadic && vals.length > np) || (spread && vals.length !== np)) {
    const tooMany = vals.length > fixed;
    const errNode = tooMany ? vals[np]?.n ?? n : n;
    c.fail(tooMany ? errNode : (kid(n, 'Arguments')?.kids.slice(-1)[0] ?? n), `${tooMany ? 'too many' : 'not enough'} arguments in call to ${fname}\n\thave (${vals.map(haveType).join(', ')})\n\twant (${sig.params.map((p, i) => (sig.variadic && i === np - 1 ? '...' + ts((p as { elem: Type }).elem) : ts(p))).join(', ')})`);
  }
  const out: string[] = [];
  const ctx = `argument to ${fname}`;
  for (let i = 0; i < fixed; i++) out.push(convert(c, vals[i]!, sig.params[i]!, ctx));
  if (sig.variadic && !spread) {
    const et = (sig.params[np - 1] as { elem: Type }).elem;
    const rest = vals.slice(fixed).map((v) => convert(c, v, et, ctx));
    out.push(rest.length ? `$L.sliceLit([${rest.join(', ')}])` : 'null');
  }
  return out;
}

/** The builtins Go 1.21 predeclared (VersionProfile.builtinsMinMaxClear): `undefined` before. */
export const builtinsGo121: ReadonlySet<string> = new Set(['clear', 'min', 'max']);

/**
 * min(x, y…) / max(x, y…) (spec, "Min and max"): operands of one ordered type, untyped constants
 * taking the typed operands' type; all constant → a constant of the operands' kind. Floats: a NaN
 * operand gives NaN and min(-0.0, 0.0) is -0.0, as Math.min/Math.max give them.
 */
function minMax(c: Compiler, n: Node, name: string, vals: Val[], H: (code: string) => string): Val {
  if (vals.length === 0) c.fail(n, `not enough arguments for ${text(n)} (expected 1, found 0)`);
  let t: Type | null = null;
  for (const v of vals) {
    if (v.mode === 'type') c.fail(v.n, `${text(v.n)} (type) is not an expression`);
    if (!isUntyped(v.t) && t === null) t = v.t;
  }
  const ordered = (x: Type): boolean => isString(x) || (isNumeric(x) && !isComplex(x));
  for (const v of vals) if (!ordered(v.t)) c.fail(v.n, `invalid argument: ${describe(c, v)} cannot be ordered`);
  if (t === null) {
    // all untyped constants: the result's kind is the highest of the operands' (int < rune < float)
    const rank = (x: Type): number => ['untyped int', 'untyped rune', 'untyped float'].indexOf((x as { name: string }).name);
    let best = vals[0]!;
    let kind = vals[0]!.t;
    for (const v of vals.slice(1)) {
      if (isString(v.t) !== isString(kind)) c.fail(n, `invalid argument: mismatched types ${ts(kind)} (previous argument) and ${ts(v.t)} (type of ${text(v.n)})`);
      if (rank(v.t) > rank(kind)) kind = v.t;
      if (name === 'min' ? (v.cv as number) < (best.cv as number) : (v.cv as number) > (best.cv as number)) best = v;
    }
    return { c: lit(best.cv!), t: kind, mode: 'const', n, cv: best.cv! };
  }
  const codes: string[] = [];
  for (const v of vals) {
    if (!isUntyped(v.t) && !identical(v.t, t)) c.fail(v.n, `invalid argument: mismatched types ${ts(t)} (previous argument) and ${ts(v.t)} (type of ${text(v.n)})`);
    codes.push(H(convert(c, v, t, 'argument')));
  }
  if (codes.length === 1) return { c: codes[0]!, t, mode: 'value', n };
  if (isString(t)) return { c: `$L.${name === 'min' ? 'smin' : 'smax'}(${codes.join(', ')})`, t, mode: 'value', n };
  // a 64-bit integer may be a bigint (rt/integers.ts), which Math.min does not take
  if (kind64(t) !== null) return { c: `$L.${name === 'min' ? 'imin' : 'imax'}(${codes.join(', ')})`, t, mode: 'value', n };
  return { c: `Math.${name}(${codes.join(', ')})`, t, mode: 'value', n };
}

function builtin(c: Compiler, n: Node, name: string, argNodes: Node[], spread: boolean): Val {
  if (builtinsGo121.has(name) && !c.lang.builtinsMinMaxClear) c.fail(n.kids[0] ?? n, `undefined: ${name}`);
  // types2 builtins.go: verifyVersionf(call.Fun, go1_21, "clear") / ("built-in %s", min|max)
  if (builtinsGo121.has(name)) c.langAllows(21, n.kids[0] ?? n, name === 'clear' ? 'clear ' : `built-in ${name} `);
  c.ops -= 1;
  c.charge(-c.cpu.call);
  const saved = c.hoist;
  c.hoist = null;
  const arg = (i: number): Val => {
    if (!argNodes[i]) c.fail(n, `not enough arguments for ${text(n)} (expected ${i + 1}, found ${argNodes.length})`);
    return c.expr(argNodes[i]!);
  };
  const H = (code: string): string => (saved ? hh2(c, saved, code) : code);
  const done = (v: Val): Val => {
    c.hoist = saved;
    return v;
  };
  switch (name) {
    case 'len':
    case 'cap': {
      const v = arg(0);
      const u = underlying(v.t);
      if (v.cv !== undefined && typeof v.cv === 'string') return done({ c: String(v.cv.length), t: tInt, mode: 'const', n, cv: v.cv.length });
      if (isString(v.t) && name === 'len') return done({ c: `${v.c}.length`, t: tInt, mode: 'value', n });
      if (u.k === 'slice') return done({ c: `$L.${name}(${v.c})`, t: tInt, mode: 'value', n });
      if (u.k === 'array' || (u.k === 'ptr' && underlying(u.elem).k === 'array')) {
        // The spec: constant, and s not evaluated, unless s contains a channel receive or a
        // (non-constant) function call — in the generated code a yield (Go calls, receives) or a
        // library call; then s is evaluated and the result is a value.
        const len = u.k === 'array' ? u.len : (underlying(u.elem) as { len: number }).len;
        if (/yield|\$P\./.test(v.c)) return done({ c: `(${v.c}, ${len})`, t: tInt, mode: 'value', n });
        return done({ c: String(len), t: tInt, mode: 'const', n, cv: len });
      }
      if (u.k === 'map' && name === 'len') return done({ c: `$L.mlen(${v.c})`, t: tInt, mode: 'value', n });
      if (u.k === 'chan') return done({ c: name === 'len' ? `$L.clen(${v.c})` : `$L.ccap(${v.c})`, t: tInt, mode: 'value', n });
      // at the argument (types2 builtins.go), `for built-in len` since go1.20
      c.fail(v.n, `invalid argument: ${describe(c, v)} for ${c.release === '1.19' ? '' : 'built-in '}${name}`);
    }
    // falls through
    case 'append': {
      c.charge(c.cpu.append);
      const s = arg(0);
      if (s.mode === 'nil') c.fail(n, 'first argument to append must be a typed slice; have untyped nil');
      const u = underlying(s.t);
      if (u.k !== 'slice') c.fail(n, `invalid argument: ${describe(c, s)} is not a slice`);
      const es = sizeOf(u.elem);
      // the zero value of the spare capacity a grown backing array gets (rt/slices.ts ZeroOf): a
      // primitive as is, an object's through its hoisted maker
      const z0 = zero(c, u.elem);
      const zs = /^(0|false|''|null)$/.test(z0) ? z0 : zeroMaker(c, u.elem);
      if (spread) {
        const v = arg(1);
        if (isString(v.t)) return done({ c: `$L.appendString(${H(s.c)}, ${H(v.c)})`, t: s.t, mode: 'value', n });
        const vc = convert(c, v, s.t.k === 'named' ? c.types.intern({ k: 'slice', elem: u.elem }) : s.t, 'append');
        return done({ c: `$L.append(${H(s.c)}, $L.sliceToArray(${H(vc)}), ${es}, ${zs})`, t: s.t, mode: 'value', n });
      }
      const rest = argNodes.slice(1).map((a) => H(convert(c, c.expr(a), u.elem, 'argument')));
      // go1.26: this variable's one stack-store site (compiler/escape.ts): the first growth of the
      // empty slice in a call, to at most K elements, gets a 32-byte backing store of cap K
      if (es > 0 && es <= stackAppendBytes && c.fn?.stackAppends?.has(n.from) === true) {
        const K = Math.floor(stackAppendBytes / es);
        const used = c.id('sb');
        c.lets.push(`${used} = false`);
        const sc = H(s.c);
        const vals = `[${rest.join(', ')}]`;
        return done({ c: `(!${used} && $L.stackFits(${sc}, ${rest.length}, ${K}) ? (${used} = true, $L.appendBuf(${sc}, ${vals}, ${K}, ${zs})) : $L.append(${sc}, ${vals}, ${es}, ${zs}))`, t: s.t, mode: 'value', n });
      }
      if (rest.length === 1) return done({ c: `$L.append1(${H(s.c)}, ${rest[0]}, ${es}, ${zs})`, t: s.t, mode: 'value', n });
      return done({ c: `$L.append(${H(s.c)}, [${rest.join(', ')}], ${es}, ${zs})`, t: s.t, mode: 'value', n });
    }
    case 'make': {
      if (argNodes.length === 0) c.fail(n, 'not enough arguments for make() (expected 1, found 0)');
      const t = resolveType(c, argNodes[0]!);
      const u = underlying(t);
      const ints = argNodes.slice(1).map((a) => {
        const v = c.expr(a);
        if (!isInteger(v.t) && !isIntConst(v.cv)) c.fail(a, `cannot convert ${describe(c, v)} to type int`);
        if (v.cv !== undefined && (v.cv as number) < 0) c.fail(a, `invalid argument: index ${text(a)} (constant of type int) must not be negative`);
        return H(v.cv !== undefined ? lit(v.cv) : v.c);
      });
      if (u.k === 'slice') {
        if (ints.length === 0) c.fail(n, `invalid operation: ${text(n)} expects 2 or 3 arguments; found 1`);
        c.charge(c.cpu.malloc);
        const ue = underlying(u.elem);
        // make([]T, n) has the capacity n: the length expression is evaluated once (it may call a function)
        const lc = ints.length > 1 ? `${ints[0]}, ${ints[1]}` : `${ints[0]}`;
        if (ue.k === 'basic' && ue.name === 'uint8') return done({ c: `($k++, $L.makeBytesA(${lc}))`, t, mode: 'value', n });
        return done({ c: `($k++, $L.makeSliceA(${zeroMaker(c, u.elem)}, ${sizeOf(u.elem)}, ${lc}))`, t, mode: 'value', n });
      }
      // makemap: an hmap (48 bytes) and its first bucket array grow with use (not counted)
      if (u.k === 'map') c.charge(c.cpu.malloc);
      // the size hint is evaluated (it may call a function) and otherwise ignored: a negative one is
      // allowed (go1.19.8 and go1.26.8 make an empty map; makemap treats hint < 0 as 0)
      if (u.k === 'map') return done({ c: `($k++, $A.b += 48, ${ints.length > 0 ? `${ints[0]}, ` : ''}new Map())`, t, mode: 'value', n });
      if (u.k === 'chan') return done({ c: `$L.makeChan(${ints[0] ?? 0}, ${sizeOf(u.elem)})`, t, mode: 'value', n });
      c.fail(n, `invalid argument: cannot make ${ts(t)}; type must be slice, map, or channel`);
    }
    // falls through
    case 'new': {
      if (argNodes.length !== 1) c.fail(n, argNodes.length === 0 ? 'not enough arguments for new() (expected 1, found 0)' : `too many arguments for new(${argNodes.map(text).join(', ')}) (expected 1, found ${argNodes.length})`);
      // new(expr) (Go 1.26, VersionProfile.newExpr): a new variable holding expr's value (an untyped
      // constant's default type); before, the argument must be a type
      let t: Type;
      let init: string | null = null;
      if (c.lang.newExpr) {
        const v = c.expr(argNodes[0]!);
        if (v.mode === 'type') t = v.t;
        else {
          if (v.mode === 'nil') c.fail(v.n, 'use of untyped nil in argument to built-in new');
          if (v.mode === 'novalue' || v.mode === 'tuple') c.fail(v.n, `${text(v.n)} (${v.mode === 'novalue' ? 'no value' : 'multiple values'}) used as value`);
          const r = valueOf(c, v, 'argument to new');
          // types2 builtins.go: verifyVersionf(call.Fun, go1_26, "new(%s)", arg)
          c.langAllows(26, n.kids[0] ?? n, `new(${exprString(argNodes[0]!)}) `);
          t = r.t;
          init = H(r.c);
        }
      } else t = resolveType(c, argNodes[0]!);
      const u = underlying(t);
      const pt = c.types.intern({ k: 'ptr', elem: t });
      // newobject: sizeOf(T) bytes (rt/malloc.ts)
      const sz = Math.max(sizeOf(t), 1);
      c.charge(c.cpu.malloc);
      if (u.k === 'struct' || (t.k === 'named' && t.native)) return done({ c: `($k++, $A.b += ${sz}, ${init ?? zero(c, t)})`, t: pt, mode: 'value', n });
      // a zero-size object allocated at package level (on the heap): runtime.zerobase
      if (c.fn?.pkgLevel && isZeroArray(t)) return done({ c: `($k++, ${init ?? zero(c, t)}, $L.zerobase)`, t: pt, mode: 'value', n });
      return done({ c: `($k++, $A.b += ${sz}, new $L.Box(${init ?? zero(c, t)}))`, t: pt, mode: 'value', n });
    }
    case 'clear': {
      // runtime mapclear / memclr (spec, "Clear"): a map loses every entry, a slice's elements up to
      // its length become zero values
      if (argNodes.length !== 1) c.fail(n, `${argNodes.length === 0 ? 'not enough' : 'too many'} arguments for ${text(n)} (expected 1, found ${argNodes.length})`);
      const v = arg(0);
      const u = underlying(v.t);
      if (u.k === 'map') return done({ c: `$L.mclear(${H(v.c)})`, t: tInt, mode: 'novalue', n });
      if (u.k === 'slice') return done({ c: `$L.sclear(${H(v.c)}, ${zeroMaker(c, u.elem)})`, t: tInt, mode: 'novalue', n });
      c.fail(v.n, `invalid argument: ${describe(c, v)} must be a map or slice`);
    }
    // falls through
    case 'min':
    case 'max':
      return done(minMax(c, n, name, argNodes.map((a) => c.expr(a)), H));
    case 'delete': {
      const m = arg(0);
      const u = underlying(m.t);
      if (u.k !== 'map') c.fail(n, `invalid argument: ${describe(c, m)} is not a map`);
      const k = convert(c, arg(1), u.key, 'argument to delete');
      const ck = complexKey(u.key);
      return done({ c: `$L.mdel(${H(m.c)}, ${H(ck ? `$L.mapKey(${k})` : k)})`, t: tInt, mode: 'novalue', n });
    }
    case 'copy': {
      const d = arg(0);
      const s = arg(1);
      // memmove: the bytes copied cost memmoveNsPerByte each (rt/cpu.ts charges them when the count is known)
      const du = underlying(d.t);
      const esize = du.k === 'slice' ? sizeOf(du.elem) : 1;
      return done({ c: `$L.charged($L.copySlice(${H(d.c)}, ${H(s.c)}), ${esize * c.cpu.memmoveNsPerByte})`, t: tInt, mode: 'value', n });
    }
    case 'panic': {
      if (argNodes.length !== 1) c.fail(n, `wrong number of arguments to panic`);
      const v = convert(c, arg(0), c.scope.lookup('any')!.t, 'argument to panic');
      return done({ c: `$L.gopanic(${H(v)}${c.lang.printFloatShortest ? ', true' : ''})`, t: tInt, mode: 'novalue', n });
    }
    case 'recover':
      return done({ c: `$R.recover()`, t: c.scope.lookup('any')!.t, mode: 'value', n });
    case 'complex': {
      if (argNodes.length !== 2) c.fail(n, `${argNodes.length < 2 ? 'not enough' : 'too many'} arguments for ${text(n)} (expected 2, found ${argNodes.length})`);
      let re = arg(0);
      let im = arg(1);
      // untyped operands take the other's type (types2 builtins.go _Complex); both untyped: float64's
      if (isUntyped(re.t) && !isUntyped(im.t)) re = { ...re, c: convert(c, re, im.t, 'argument'), t: im.t };
      if (isUntyped(im.t) && !isUntyped(re.t)) im = { ...im, c: convert(c, im, re.t, 'argument'), t: re.t };
      const both = isUntyped(re.t) && isUntyped(im.t);
      if (both && re.cv !== undefined && im.cv !== undefined) {
        const part = (x: Val): number => {
          if (typeof x.cv === 'number' || typeof x.cv === 'bigint') return numOf(x.cv);
          if (x.cv instanceof Complex && x.cv.im === 0) return x.cv.re;
          return c.fail(x.n, `invalid argument: arguments have type ${ts(x.t)}, expected floating-point`);
        };
        const cv = new Complex(part(re), part(im));
        return done({ c: lit(cv), t: tUntypedComplex, mode: 'const', n, cv });
      }
      const ft = both ? tFloat64 : re.t;
      if (!identical(re.t, im.t) && !both) c.fail(n, `invalid operation: ${text(n)} (mismatched types ${ts(re.t)} and ${ts(im.t)})`);
      if (!isFloat(ft)) c.fail(n, `invalid argument: arguments have type ${ts(ft)}, expected floating-point`);
      const f32 = (underlying(ft) as { name: string }).name === 'float32';
      const rt = basic(f32 ? 'complex64' : 'complex128');
      if (re.cv !== undefined && im.cv !== undefined) {
        const cv = new Complex(numOf(re.cv), numOf(im.cv));
        return done({ c: lit(cv), t: rt, mode: 'const', n, cv });
      }
      const rc = both ? convert(c, re, tFloat64, 'argument') : re.cv !== undefined ? lit(re.cv) : re.c;
      const ic = both ? convert(c, im, tFloat64, 'argument') : im.cv !== undefined ? lit(im.cv) : im.c;
      return done({ c: `$L.cx(${H(rc)}, ${H(ic)})`, t: rt, mode: 'value', n });
    }
    case 'real':
    case 'imag': {
      if (argNodes.length !== 1) c.fail(n, `${argNodes.length < 1 ? 'not enough' : 'too many'} arguments for ${text(n)} (expected 1, found ${argNodes.length})`);
      const z = arg(0);
      if (z.cv !== undefined && isUntyped(z.t) && isNumeric(z.t)) {
        const zc = z.cv instanceof Complex ? z.cv : new Complex(numOf(z.cv), 0);
        const cv = name === 'real' ? zc.re : zc.im;
        return done({ c: lit(cv), t: tUntypedFloat, mode: 'const', n, cv });
      }
      if (!isComplex(z.t)) c.fail(z.n, `invalid argument: ${describe(c, z)} not of complex type`);
      const ft = basic((underlying(z.t) as { name: string }).name === 'complex64' ? 'float32' : 'float64');
      if (z.cv instanceof Complex) {
        const cv = name === 'real' ? z.cv.re : z.cv.im;
        return done({ c: lit(cv), t: ft, mode: 'const', n, cv });
      }
      return done({ c: `${H(z.c)}.${name === 'real' ? 're' : 'im'}`, t: ft, mode: 'value', n });
    }
    case 'print':
    case 'println': {
      // println(f()) with a multi-value f prints each of its results (spec: "Calls", f(g(…)))
      const first = argNodes.length === 1 ? c.expr(argNodes[0]!) : null;
      if (first && first.mode === 'tuple') {
        const tv = c.id('m');
        c.lets.push(tv);
        const parts = first.tuple!.map((t, i) => `$L.printArg(${i === 0 ? `(${tv} = ${H(first.c)}, ${tv}[0])` : `${tv}[${i}]`}, ${c.typeRef(t)})`);
        const sep = name === 'println' ? "' '" : "''";
        const tail = name === 'println' ? " + '\\n'" : '';
        return done({ c: `(yield* $op({k: $K.Print, text: $L.decodeUTF8([${parts.join(', ')}].join(${sep})${tail})}))`, t: tInt, mode: 'novalue', n });
      }
      const parts = argNodes.map((a, i) => {
        const v = i === 0 && first ? first : c.expr(a);
        const t = isUntyped(v.t) && v.mode !== 'nil' ? defaultType(v.t) : v.t;
        let code = v.mode === 'nil' ? 'null' : convert(c, v, t, 'argument');
        // an integer constant beyond 2^53 prints exactly (its run-time double would not: rt/integers.ts)
        if (typeof v.cv === 'bigint' && isInteger(t)) code = `${v.cv}n`;
        return `$L.printArg(${H(code)}, ${c.typeRef(t)}${c.lang.printFloatShortest ? ', true' : ''})`;
      });
      const sep = name === 'println' ? "' '" : "''";
      const tail = name === 'println' ? " + '\\n'" : '';
      return done({ c: `(yield* $op({k: $K.Print, text: $L.decodeUTF8([${parts.join(', ')}].join(${sep})${tail})}))`, t: tInt, mode: 'novalue', n });
    }
    case 'close': {
      const ch = arg(0);
      const u = underlying(ch.t);
      if (u.k !== 'chan') c.fail(n, `invalid operation: non-chan argument ${describe(c, ch)}`);
      if (u.dir === 'recv') c.fail(n, `invalid operation: cannot close receive-only channel ${describe(c, ch)}`);
      const hc = H(ch.c);
      return done({ c: `(yield* $op({k: $K.Close, ch: $L.closeCheck(${hc})}))`, t: tInt, mode: 'novalue', n });
    }
    default:
      c.unsupported(n, `builtin ${name}`);
  }
}

/** T(x) */
export function conversion(c: Compiler, n: Node, t: Type, argNodes: Node[]): Val {
  c.ops -= 2;
  c.charge(-c.cpu.call);
  if (argNodes.length !== 1) c.fail(n, argNodes.length === 0 ? `missing argument in conversion to ${ts(t)}` : `too many arguments in conversion to ${ts(t)}`);
  const v = c.expr(argNodes[0]!);
  const tu = underlying(t);
  const vu = underlying(v.t);
  // types2 conversion.go reports at the operand (the argument), as "cannot convert x (…) to type T"
  const at = argNodes[0]!;
  const bad = (): never => c.fail(at, `cannot convert ${describe(c, v)} to type ${ts(t)}`);
  if (v.mode === 'nil') {
    if (!assignable(v, t)) bad();
    return { c: 'null', t, mode: 'value', n };
  }
  // constants stay constant when converted to basic types (unsafe.Pointer is not a constant type:
  // a uintptr constant becomes a pointer value, as an address the program made up)
  if (v.cv !== undefined && tu.k === 'basic' && tu.name === 'unsafe.Pointer' && vu.k === 'basic' && vu.name === 'uintptr') return { c: lit(v.cv), t, mode: 'value', n };
  if (v.cv !== undefined && tu.k === 'basic') {
    // A constant converts to a constant type only when its value is representable there
    // (conversion.go constConvertibleTo → representable), typed or untyped alike.
    let cv = v.cv;
    const numeric = typeof cv === 'number' || typeof cv === 'bigint' || cv instanceof Complex;
    if (isComplex(t)) {
      if (!numeric) bad();
      let z = cv instanceof Complex ? cv : new Complex(numOf(cv as number | bigint), 0);
      if (tu.name === 'complex64') z = new Complex(Math.fround(z.re), Math.fround(z.im));
      return { c: lit(z), t, mode: 'const', n, cv: z };
    }
    if (cv instanceof Complex) {
      // a complex value converts to another numeric type when its imaginary part is 0
      if (!isNumeric(t) || cv.im !== 0) bad();
      cv = cv.re;
    }
    if (isString(t) && (typeof cv === 'number' || typeof cv === 'bigint')) {
      if (!isInteger(v.t) && !(isUntyped(v.t) && isIntConst(cv))) bad();
      cv = runeStr(numOf(cv));
    } else if (isInteger(t) && (typeof cv === 'number' || typeof cv === 'bigint')) {
      if (!isIntConst(cv)) bad();
      const r = intRange(tu.name);
      if (cv < r[0] || cv > r[1]) {
        // go1.26: "A conversion from an integer constant to an integer type can only fail if there's overflow"
        if (c.lang.typeCheckerMessages === '1.26' && isInteger(v.t)) c.fail(at, `constant ${String(cv)} overflows ${ts(t)}`);
        bad();
      }
    } else if (isFloat(t) && (typeof cv === 'number' || typeof cv === 'bigint')) {
      cv = numOf(cv);
      if (tu.name === 'float32') cv = Math.fround(cv);
    } else if (!assignable({ ...v, t: defaultType(v.t) }, t) && !(isString(t) && typeof cv === 'string') && !(tu.name === 'bool' && typeof cv === 'boolean')) bad();
    if (isInteger(t) && typeof cv === 'number' && Number.isInteger(cv) && !Number.isSafeInteger(cv)) cv = BigInt(cv);
    return { c: lit(cv), t, mode: 'const', n, cv };
  }
  if (v.mode === 'const' && isUntyped(v.t) && assignable(v, t)) return { c: convert(c, v, t, 'conversion'), t, mode: 'value', n };
  // unsafe.Pointer: from any pointer, to uintptr (the JS reference travels unchanged)
  if (tu.k === 'basic' && tu.name === 'unsafe.Pointer' && vu.k === 'ptr') return { c: v.c, t, mode: 'value', n };
  // from a uintptr: a made-up address, or a pointer's reference carried unchanged; one that came out of
  // arithmetic on a pointer's uintptr is not representable (rt/pointers.ts uptr says so at run time)
  if (tu.k === 'basic' && tu.name === 'unsafe.Pointer' && vu.k === 'basic' && vu.name === 'uintptr') return { c: `$L.uptr(${v.c})`, t, mode: 'value', n };
  if (vu.k === 'basic' && vu.name === 'unsafe.Pointer' && tu.k === 'ptr' && tu.elem.k === 'named' && tu.elem.pkg === 'reflect' && (tu.elem.name === 'SliceHeader' || tu.elem.name === 'StringHeader')) {
    // a slice's or string's runtime representation read through its address (rt/pointers.ts headerView)
    return { c: `$L.headerView(${v.c}, ${tu.elem.name === 'StringHeader'})`, t, mode: 'value', n };
  }
  if (vu.k === 'basic' && vu.name === 'unsafe.Pointer' && tu.k === 'ptr') {
    // (*T)(unsafe.Pointer(&x)) where x is a string or a slice and T is not: reading its runtime
    // representation through a struct of the program's own (gmpsim keeps strings and slices as JS
    // values, not as headers in memory; reflect's own headers are handled above)
    const src = addressedVariableType(c, v.n);
    if (src !== null) {
      const su = underlying(src);
      if ((su.k === 'slice' || isString(src)) && underlying(tu.elem).k === 'struct') {
        c.unsupported(n, `reading a ${isString(src) ? 'string' : 'slice'}'s memory as ${ts(tu.elem)} through unsafe.Pointer (reflect.${isString(src) ? 'StringHeader' : 'SliceHeader'} is supported)`);
      }
    }
  }
  if (vu.k === 'basic' && vu.name === 'unsafe.Pointer' && (tu.k === 'ptr' || (tu.k === 'basic' && tu.name === 'uintptr'))) return { c: v.c, t, mode: 'value', n };
  // identical underlying types, struct tags ignored (spec, "Conversions")
  if (identical(tu, vu, true) || assignable(v, t)) return { c: convert(c, { ...v, t: tu.k === 'iface' ? v.t : t }, t, 'conversion'), t, mode: 'value', n };
  if (isComplex(t) || isComplex(v.t)) {
    // complex values convert only to complex types (spec, "Conversions")
    if (!isComplex(t) || !isComplex(v.t)) bad();
    return { c: wrap(t, v.c), t, mode: 'value', n };
  }
  if (isNumeric(t) && isNumeric(v.t)) {
    return { c: numConversion(t, v.t, v.c), t, mode: 'value', n };
  }
  if (isString(t)) {
    if (isInteger(v.t)) return { c: `$L.runeToString(${v.c})`, t, mode: 'value', n };
    if (vu.k === 'slice') {
      const eu = underlying(vu.elem);
      if (eu.k === 'basic' && eu.name === 'uint8') return { c: `$L.bytesToStringA(${v.c}, ${c.cpu.memmoveNsPerByte})`, t, mode: 'value', n };
      if (eu.k === 'basic' && eu.name === 'int32') return { c: `$L.runesToString(${v.c})`, t, mode: 'value', n };
    }
  }
  if (tu.k === 'slice' && isString(v.t)) {
    const eu = underlying(tu.elem);
    if (eu.k === 'basic' && eu.name === 'uint8') return { c: `$L.stringToBytesA(${v.c}, ${c.cpu.memmoveNsPerByte})`, t, mode: 'value', n };
    if (eu.k === 'basic' && eu.name === 'int32') return { c: `$L.stringToRunes(${v.c})`, t, mode: 'value', n };
  }
  if (tu.k === 'ptr' && vu.k === 'ptr' && identical(underlying(tu.elem), underlying(vu.elem), true)) return { c: v.c, t, mode: 'value', n };
  // a slice to an array pointer (Go 1.17) or an array (Go 1.20, VersionProfile.sliceToArray)
  if (vu.k === 'slice') {
    const au = tu.k === 'ptr' ? underlying(tu.elem) : tu;
    if (au.k === 'array' && identical(au.elem, vu.elem) && (tu.k === 'ptr' || (c.lang.sliceToArray && c.langAllows(20, argNodes[0]!, `cannot convert ${describe(c, v)} to type ${ts(t)}: conversion of slice to array `)))) {
      if (tu.k === 'ptr') return { c: `$L.sliceToArrayPtr(${v.c}, ${au.len}, ${c.lang.sliceToArray})`, t, mode: 'value', n };
      return { c: clone(c, t, `$L.convertSliceToArray(${v.c}, ${au.len})`), t, mode: 'value', n };
    }
  }
  return bad();
}

function runeStr(r: number): string {
  if (r < 0 || r > 0x10ffff) r = 0xfffd;
  const b = [...new TextEncoder().encode(String.fromCodePoint(r))];
  return String.fromCharCode(...b);
}


/**
 * A non-constant conversion between numeric types (rt/integers.ts): a float to a 64-bit integer
 * kind truncates as amd64 does (f2i64/f2u64), to a smaller kind by Math.trunc and the kind's wrap;
 * a 64-bit value (number or bigint) to a smaller kind keeps its low 32 bits, to a float its nearest
 * double; between the 64-bit kinds only a change of signedness re-wraps.
 */
function numConversion(t: Type, from: Type, code: string): string {
  const k = kind64(t);
  const kf = kind64(from);
  const tu = underlying(t);
  if (isInteger(t)) {
    if (isFloat(from)) return k === 'signed' ? `$L.f2i64(${code})` : k === 'unsigned' ? `$L.f2u64(${code})` : wrap(t, `Math.trunc(${code})`);
    if (k !== null) return k === kf || (kf === null && (k === 'signed' || isUnsigned(from))) ? code : wrap(t, code);
    return wrap(t, kf !== null ? `$L.lo32(${code})` : code);
  }
  const f = kf !== null ? `$L.i2f(${code})` : code;
  return tu.k === 'basic' && tu.name === 'float32' ? `Math.fround(${f})` : f;
}

/**
 * The type of variable x when `n` is `unsafe.Pointer(&x)` (x a plain variable in scope), else null:
 * what a conversion of that unsafe.Pointer reinterprets.
 */
function addressedVariableType(c: Compiler, n: Node | undefined): Type | null {
  if (n === undefined || (n.name !== 'CallExpr' && n.name !== 'Conversion')) return null;
  const args = n.kids.find((k) => k.name === 'Arguments');
  const callee = n.kids[0];
  if (args === undefined || callee === undefined || text(callee).replace(/\s+/g, '') !== 'unsafe.Pointer') return null;
  const arg = args.kids.find((k) => k.name === 'UnaryExp');
  if (arg === undefined || arg.kids.length !== 2 || text(arg.kids[0]!) !== '&' || arg.kids[1]!.name !== 'VariableName') return null;
  const o = c.scope.lookup(text(arg.kids[1]!));
  return o !== undefined && o.kind === 'var' ? o.t : null;
}
