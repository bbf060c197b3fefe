/**
 * Expressions: type-check and emit JavaScript at once. `expr(c, n)` returns a `Val`: the JS code,
 * the Go type, and the constant value for constant expressions (folded at compile time). This
 * module dispatches on the node kind to the modules compiling each kind (call.ts, selector.ts,
 * indexing.ts, assertion.ts, composite.ts, operators.ts) and compiles literals (basic and function
 * literals) and identifiers itself; those modules recurse through `c.expr`.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import { type Compiler, type Obj, type Val, tInvalid, Silent, intConst, numOf } from '../core.js';
import { lit } from './operand.js';
import { ratOfLiteral } from './exact.js';
import { call, builtinsGo121 } from './call.js';
import { selector } from './selector.js';
import { index, sliceExpr } from './indexing.js';
import { assertion } from './assertion.js';
import { composite } from './composite.js';
import { unary, binary } from './operators.js';
import { encodeUTF8, runeToString } from '../rt/strings.js';
import { Complex } from '../rt/complex.js';
import { type Type, tUntypedInt, tUntypedFloat, tUntypedComplex, tUntypedRune, tUntypedString, tUntypedNil } from '../types.js';
import { resolveType } from './check/typexpr.js';
import { genericOf, instExpr, uninstantiated } from './check/generics.js';

// ------------------------------------------------------------------ expressions

export function expr(c: Compiler, n: Node): Val {
  switch (n.name) {
    case 'Number':
      return number(c, n);
    case 'String':
      return { c: lit(stringLit(c, n)), t: tUntypedString, mode: 'const', n, cv: stringLit(c, n) };
    case 'Rune': {
      const r = runeLit(c, n);
      return { c: String(r), t: tUntypedRune, mode: 'const', n, cv: r };
    }
    case 'Bool':
    case 'Nil':
    case 'VariableName':
      return ident(c, n);
    case 'ParenthesizedExpr': {
      const v = expr(c, n.kids[0]!);
      return { ...v, c: `(${v.c})`, n };
    }
    case 'UnaryExp':
      return unary(c, n);
    case 'BinaryExp':
      return binary(c, n);
    case 'CallExpr':
    case 'Conversion':
      return call(c, n);
    case 'SelectorExpr':
      return selector(c, n);
    case 'IndexExpr':
    case 'ParameterizedExpr': {
      const g = genericOf(c, n.kids[0]!);
      if (g) return instExpr(c, n, g);
      if (n.name === 'ParameterizedExpr') c.fail(n.kids[0]!, `${text(n.kids[0]!)} is not a generic function or type`);
      return index(c, n);
    }
    case 'ParameterizedType':
      return { c: '', t: resolveType(c, n), mode: 'type', n };
    case 'SliceExpr':
      return sliceExpr(c, n);
    case 'TypeAssertion':
      return assertion(c, n);
    case 'TypedLiteral':
      return composite(c, n, null);
    case 'FunctionLiteral':
      return funcLit(c, n);
    case 'SliceType':
    case 'ArrayType':
    case 'MapType':
    case 'ChannelType':
    case 'PointerType':
    case 'FunctionType':
    case 'StructType':
    case 'InterfaceType':
    case 'QualifiedType':
    case 'TypeName':
      return { c: '', t: resolveType(c, n.name === 'FunctionType' ? { ...n, name: 'FuncType' } : n), mode: 'type', n };
    case 'Imaginary':
      return number(c, n);
    default:
      c.unsupported(n, `expression ${n.name}`);
  }
}

function number(c: Compiler, n: Node, digits?: string): Val {
  const s = (digits ?? text(n)).replace(/_/g, '');
  if (s.endsWith('i')) {
    // an imaginary literal: its digits are decimal even with a leading 0 (spec, "Imaginary literals"),
    // unless prefixed 0x/0b/0o
    const d = s.slice(0, -1);
    const im = /^0[xXbBoO]/.test(d) ? numOf(number(c, { ...n, name: 'Number' }, d).cv!) : Number(d);
    if (Number.isNaN(im)) c.fail(n, `invalid number ${s}`);
    const cv = new Complex(0, im);
    return { c: lit(cv), t: tUntypedComplex, mode: 'const', n, cv };
  }
  let v: number | bigint;
  let t: Type = tUntypedInt;
  // integer literals exactly (a bigint beyond 2^53: core.ts ConstVal)
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) v = intConst(BigInt(s));
  else if (/^0[bB][01]+$/.test(s)) v = intConst(BigInt(s));
  else if (/^0[oO][0-7]+$/.test(s)) v = intConst(BigInt(s));
  else if (/^0[0-7]+$/.test(s)) v = intConst(BigInt('0o' + s.slice(1)));
  else if (/^\d+$/.test(s)) v = intConst(BigInt(s));
  else if (/^0[xX]/.test(s) && !/[pP]/.test(s)) v = NaN;
  else if (/^0[bB]|^0[oO]/.test(s)) v = NaN;
  else if (/^0[xX]/.test(s)) {
    v = hexFloat(s);
    t = tUntypedFloat;
  } else {
    v = Number(s);
    t = tUntypedFloat;
  }
  if (typeof v === 'number' && Number.isNaN(v)) c.fail(n, `invalid number ${s}`);
  // a float literal's exact value (0.1 is not the double 0.1): folded exactly (compiler/exact.ts)
  const exact = t === tUntypedFloat ? ratOfLiteral(s) : undefined;
  return { c: lit(v), t, mode: 'const', n, cv: v, ...(exact ? { exact } : {}) };
}

/** A hexadecimal floating-point literal, 0x1.8p-2 (spec, "Floating-point literals"): mantissa × 2^exp. */
function hexFloat(s: string): number {
  const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (!m) return NaN;
  const int = m[1]!;
  const frac = m[2] ?? '';
  if (int === '' && frac === '') return NaN;
  // the digits as one BigInt (exact), then scaled once: rounding happens only in the final step
  const digits = BigInt('0x' + (int + frac || '0'));
  const exp = Number(m[3]) - 4 * frac.length;
  return Number(digits) * 2 ** exp;
}

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
/** Decode a Go string literal into a byte string. */
export function stringLit(c: Compiler, n: Node): string {
  const s = text(n);
  if (s[0] === '`') return encodeUTF8(s.slice(1, -1).replace(/\r/g, ''));
  let out = '';
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      out += encodeUTF8(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
      continue;
    }
    const e = body[++i]!;
    if (escapes[e] !== undefined) out += escapes[e];
    else if (e === 'x') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      out += runeToString(parseInt(body.slice(i + 1, i + 1 + len), 16));
      i += len;
    } else if (e >= '0' && e <= '7') {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else c.fail(n, 'unknown escape sequence');
  }
  return out;
}
function runeLit(c: Compiler, n: Node): number {
  const s = text(n);
  const body = s.slice(1, -1);
  if (body[0] !== '\\') return body.codePointAt(0)!;
  const e = body[1]!;
  if (escapes[e] !== undefined) return escapes[e]!.charCodeAt(0);
  if (e === 'x' || e === 'u' || e === 'U') return parseInt(body.slice(2), 16);
  if (e >= '0' && e <= '7') return parseInt(body.slice(1), 8);
  c.fail(n, 'unknown escape sequence');
}

export function useObj(c: Compiler, o: Obj): void {
  o.used = true;
}

export function ident(c: Compiler, n: Node): Val {
  const name = text(n);
  if (name === '_') c.fail(n, 'cannot use _ as value');
  const o = c.scope.lookup(name);
  if (!o || (o.kind === 'builtin' && builtinsGo121.has(name) && !c.lang.builtinsMinMaxClear)) c.fail(n, `undefined: ${name}`);
  o.used = true;
  if (o.t === tInvalid) throw new Silent(n, '');
  if (o.generic) c.fail(n, uninstantiated(o.generic));
  switch (o.kind) {
    case 'var':
      return { c: o.boxed ? `${o.js}.v` : o.js, t: o.t, mode: 'var', n };
    case 'const':
      // the predeclared iota (a constant declared `iota` in an inner scope is an ordinary constant)
      if (name === 'iota' && o.node === undefined) {
        if (c.iota < 0) c.fail(n, 'cannot use iota outside constant declaration');
        return { c: String(c.iota), t: tUntypedInt, mode: 'const', n, cv: c.iota };
      }
      return { c: lit(o.cv!), t: o.t, mode: 'const', n, cv: o.cv!, ...(o.exact ? { exact: o.exact } : {}) };
    case 'type':
      return { c: '', t: o.t, mode: 'type', n };
    case 'func':
      return { c: o.js, t: o.t, mode: 'value', n };
    case 'nil':
      return { c: 'null', t: tUntypedNil, mode: 'nil', n };
    case 'pkg':
      c.fail(n, `use of package ${name} without selector`);
    // falls through
    default:
      c.fail(n, `${name} (built-in function) must be called`);
  }
}

/**
 * A function literal: a closure named as Go names it in tracebacks (main.f.func1, main.f.func1.1).
 *
 * The closure is made once per call of the enclosing function and reused (`$hcN ??= function* …`,
 * $hcN a local of the enclosing function) unless it uses a variable declared in one of that
 * function's loops, whose every iteration is a new variable. Reusing it is invisible to the program:
 * Go func values compare only with nil, and every closure of one literal has the same code. It is
 * what makes `for … { go func() { … }() }` affordable: V8 gives each generator-function closure its
 * own generator map and prototype on first call, ≈4–10 µs against ≈0.1–0.5 µs for calling a shared
 * one (issue 14; bench/vs-go spawn.go starts 1M goroutines from one literal).
 */
export function funcLit(c: Compiler, n: Node): Val {
  const parent = c.fn!;
  parent.closures++;
  const name = parent.parent ? `${parent.name}.${parent.closures}` : `${parent.name}.func${parent.closures}`;
  const { code, sig, fn } = c.funcBody(n, name, null, null);
  if (fn.capturesLoopVar) return { c: `(${code})`, t: sig, mode: 'value', n };
  const cache = c.id('hc');
  c.lets.push(cache);
  return { c: `(${cache} ??= (${code}))`, t: sig, mode: 'value', n };
}
