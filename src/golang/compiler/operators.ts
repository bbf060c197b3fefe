/**
 * Expressions, operators: unary (`-x`, `!x`, `^x`, `<-ch`, `&x`, `*p`) and binary operators with
 * constant folding, Go's untyped-constant rules, integer wrapping to the operand's width.
 */
import type { Node } from './syntax.js';
import { text } from './syntax.js';
import { type Compiler, type ConstVal, type Val, intConst, isIntConst, bigOf, numOf } from '../core.js';
import { type Type, tInt, tUntypedInt, tUntypedFloat, tUntypedBool, underlying, isUntyped, isInteger, isUnsigned, isNumeric, isOrderedNumeric, isComplex, isString, isBoolean, identical, comparable, sizeOf } from '../types.js';
import { Complex } from '../rt/complex.js';
import { composite } from './composite.js';
import { ratOf, ratBinary, ratToDouble } from './exact.js';
import { isZeroArray, convert, zero, describe, ts, lit, intRange, assignable, wrap, derefOf, intBinary } from './operand.js';

export function unary(c: Compiler, n: Node): Val {
  const op = text(n.kids[0]!);
  const xn = n.kids[1]!;
  c.ops++;
  if (op === '&') {
    // &T{...} or &x
    const inner = xn.name === 'ParenthesizedExpr' ? xn.kids[0]! : xn;
    if (inner.name === 'TypedLiteral') {
      const v = composite(c, inner, null);
      const u = underlying(v.t);
      const pt = c.types.intern({ k: 'ptr', elem: v.t });
      // &T{…} escapes: sizeOf(T) bytes on the heap (rt/malloc.ts)
      const sz = Math.max(sizeOf(v.t), 1);
      c.charge(c.cpu.malloc);
      if (u.k === 'struct' || (v.t.k === 'named' && v.t.native)) return { c: `($k++, $A.b += ${sz}, ${v.c})`, t: pt, mode: 'value', n };
      // at package level gc lays &T{} out statically, as a variable: at zerobase where globals are (VersionProfile)
      if (c.fn?.pkgLevel && c.lang.zeroSizeGlobalsAtZerobase && isZeroArray(v.t)) return { c: `($k++, ${v.c}, $L.zerobase)`, t: pt, mode: 'value', n };
      return { c: `($k++, $A.b += ${sz}, new $L.Box(${v.c}))`, t: pt, mode: 'value', n };
    }
    return addressOf(c, inner, n);
  }
  if (op === '<-') {
    const v = c.expr(xn);
    const u = underlying(v.t);
    if (u.k !== 'chan') c.fail(n, `invalid operation: cannot receive from non-channel ${describe(c, v)}`);
    if (u.dir === 'send') c.fail(n, `invalid operation: cannot receive from send-only channel ${describe(c, v)}`);
    const z = zero(c, u.elem);
    const r = `(yield* $op({k: $K.Recv, ch: ${v.c}}))`;
    return { c: `$L.rz(${r}, ${z})[0]`, t: u.elem, mode: 'value', n, ok2: `$L.rz(${r}, ${z})` };
  }
  if (op === '*') {
    const v = c.expr(xn);
    if (v.mode === 'type') return { c: '', t: c.types.intern({ k: 'ptr', elem: v.t }), mode: 'type', n };
    const u = underlying(v.t);
    if (u.k !== 'ptr') c.fail(n, `invalid operation: cannot indirect ${describe(c, v)}`);
    const eu = underlying(u.elem);
    if (eu.k === 'struct' || (u.elem.k === 'named' && u.elem.native)) return { c: `$L.nn(${v.c})`, t: u.elem, mode: 'var', n };
    return { c: `$L.deref(${v.c})`, t: u.elem, mode: 'var', n, lv: (x) => `$L.nn(${v.c}).v = ${x}` };
  }
  const v = c.expr(xn);
  if (v.mode === 'type') c.fail(n, `${text(xn)} (type) is not an expression`);
  if (op === '!') {
    if (!isBoolean(v.t)) c.fail(n, `invalid operation: operator ! not defined on ${describe(c, v)}`);
    if (v.cv !== undefined) return { c: String(!v.cv), t: v.t, mode: 'const', n, cv: !v.cv };
    return { c: `!${v.c}`, t: v.t, mode: 'value', n };
  }
  if (!isNumeric(v.t) || (op === '^' && !isInteger(v.t))) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(c, v)}`);
  if (isComplex(v.t)) {
    if (v.cv instanceof Complex) {
      const r = op === '-' ? new Complex(-v.cv.re, -v.cv.im) : v.cv;
      return { c: lit(r), t: v.t, mode: 'const', n, cv: r };
    }
    return op === '+' ? { ...v, mode: 'value', n } : { c: `$L.cneg(${v.c})`, t: v.t, mode: 'value', n };
  }
  if (v.cv !== undefined) {
    // integer constants exactly (bigint beyond 2^53); ^x of an unsigned typed constant is max − x
    let r: ConstVal;
    if (isIntConst(v.cv) && (isInteger(v.t) || op !== '-' || !Object.is(v.cv, 0))) {
      const x = bigOf(v.cv);
      r = intConst(op === '-' ? -x : op === '+' ? x : isUnsigned(v.t) ? intRange(ts(underlying(v.t)))[1] - x : -x - 1n);
      typedOverflow(c, n, v.t, r);
    } else {
      const x = numOf(v.cv);
      r = op === '-' ? -x : x;
      // an untyped float's exact value negated with it (compiler/exact.ts)
      if (v.exact) return { c: lit(r), t: v.t, mode: 'const', n, cv: r, exact: op === '-' ? { n: -v.exact.n, d: v.exact.d } : v.exact };
    }
    return { c: lit(r), t: v.t, mode: 'const', n, cv: r };
  }
  if (op === '+') return { ...v, mode: 'value', n };
  if (op === '-') return { c: wrap(v.t, `(-${v.c})`), t: v.t, mode: 'value', n };
  return { c: wrap(v.t, `$L.bnot(${v.c})`), t: v.t, mode: 'value', n };
}

/** &x: the pointer to a variable / field / element. */
function addressOf(c: Compiler, xn: Node, n: Node): Val {
  const v = c.expr(xn);
  if (v.mode !== 'var') c.fail(n, `invalid operation: cannot take address of ${describe(c, v)}`);
  const pt = c.types.intern({ k: 'ptr', elem: v.t });
  const u = underlying(v.t);
  if (u.k === 'struct' || (v.t.k === 'named' && v.t.native)) return { c: v.c, t: pt, mode: 'value', n };
  if (xn.name === 'VariableName') {
    const o = c.scope.lookup(text(xn))!;
    if (!o.boxed) c.fail(n, `gmpsim internal: variable ${o.name} not boxed`);
    return { c: o.js, t: pt, mode: 'value', n };
  }
  if (xn.name === 'SelectorExpr') {
    const base = v.c.slice(0, v.c.lastIndexOf('.'));
    const f = v.c.slice(v.c.lastIndexOf('.') + 1);
    return { c: `$L.ref(${base}, ${JSON.stringify(f)})`, t: pt, mode: 'value', n };
  }
  if (xn.name === 'IndexExpr') {
    const b = c.expr(xn.kids[0]!);
    const i = convert(c, c.expr(xn.kids[1]!), tInt, 'index');
    const es = sizeOf(v.t);
    if (underlying(b.t).k === 'slice') return { c: `$L.refIndex(${b.c}, ${i}, ${es})`, t: pt, mode: 'value', n };
    // &p[i] of an array pointer p: the element of *p
    if (underlying(b.t).k === 'ptr') return { c: `$L.refArr($L.deref(${b.c}), ${i}, ${es})`, t: pt, mode: 'value', n };
    return { c: `$L.refArr(${b.c}, ${i}, ${es})`, t: pt, mode: 'value', n };
  }
  // &*p is p, after *p's nil check (spec, "Address operators": a nil p panics)
  const p = derefOf(v.c);
  if (p !== null) return { c: `$L.nn(${p})`, t: pt, mode: 'value', n };
  c.unsupported(n, 'taking the address of this expression');
}


/** A complex constant operation (go/constant's exact arithmetic, here on doubles). */
/**
 * An integer constant operation, exact (go/constant on big.Int): truncated division and remainder,
 * arithmetic right shift, two's-complement bitwise operators on unbounded integers.
 */
const minInt64 = -(1n << 63n);
function foldInt(op: string, x: bigint, y: bigint): ConstVal {
  switch (op) {
    case '+':
      return intConst(x + y);
    case '-':
      return intConst(x - y);
    case '*':
      return intConst(x * y);
    case '/':
      // go/constant divides two int64Val operands with Go's own int64 '/' (value.go BinaryOp,
      // QUO_ASSIGN), so -1<<63 / -1 wraps to -1<<63 and no overflow is reported: go1.19.8 and
      // go1.26.8 both print -9223372036854775808 for int64(math.MinInt64) / -1 (gotests/const_div.go)
      if (x === minInt64 && y === -1n) return intConst(x);
      return intConst(x / y);
    case '%':
      return intConst(x % y);
    case '<<':
      return intConst(x << y);
    case '>>':
      return intConst(x >> y);
    case '&':
      return intConst(x & y);
    case '|':
      return intConst(x | y);
    case '^':
      return intConst(x ^ y);
    case '&^':
      return intConst(x & ~y);
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
  return 0;
}
/** The largest constant shift count folded exactly (gc rejects shifts of constants beyond 10000: "shift count too large"; types2 const.go). */
const maxConstShift = 10000n;

function foldComplex(op: string, a: Complex, b: Complex): ConstVal {
  switch (op) {
    case '+':
      return new Complex(a.re + b.re, a.im + b.im);
    case '-':
      return new Complex(a.re - b.re, a.im - b.im);
    case '*':
      return new Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
    case '/': {
      const d = b.re * b.re + b.im * b.im;
      return new Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
    }
    case '==':
      return a.re === b.re && a.im === b.im;
    case '!=':
      return a.re !== b.re || a.im !== b.im;
  }
  return 0;
}

function foldBin(op: string, a: ConstVal, b: ConstVal, intDiv: boolean): ConstVal {
  if (a instanceof Complex || b instanceof Complex) {
    const za = a instanceof Complex ? a : new Complex(numOf(a), 0);
    const zb = b instanceof Complex ? b : new Complex(numOf(b), 0);
    return foldComplex(op, za, zb);
  }
  if (intDiv && isIntConst(a) && isIntConst(b) && !((op === '<<' || op === '>>') && bigOf(b) > maxConstShift)) return foldInt(op, bigOf(a), bigOf(b));
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    // an integer constant beyond 2^53 meeting a float constant: the operation on doubles
    a = numOf(a);
    b = numOf(b);
  }
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '+':
      return typeof a === 'string' ? a + (b as string) : x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return intDiv ? Math.trunc(x / y) : x / y;
    case '%':
      return x % y;
    case '<<':
      return x * 2 ** y;
    case '>>':
      return Math.floor(x / 2 ** y);
    case '&':
      return Number(BigInt(x) & BigInt(y));
    case '|':
      return Number(BigInt(x) | BigInt(y));
    case '^':
      return Number(BigInt(x) ^ BigInt(y));
    case '&^':
      return Number(BigInt(x) & ~BigInt(y));
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '&&':
      return (a as boolean) && (b as boolean);
    case '||':
      return (a as boolean) || (b as boolean);
  }
  return 0;
}

const rank: Record<string, number> = { 'untyped int': 1, 'untyped rune': 2, 'untyped float': 3, 'untyped complex': 4 };

const isZero = (cv: ConstVal | undefined): boolean => cv === 0 || (cv instanceof Complex && cv.re === 0 && cv.im === 0);

/**
 * A constant expression of a typed integer type must be representable in it (spec, "Constant
 * expressions"): `uint8(255) + 1 (constant 256 of type uint8) overflows uint8`, as go build says.
 */
function typedOverflow(c: Compiler, n: Node, t: Type, r: ConstVal): void {
  if (isUntyped(t) || !isInteger(t) || !isIntConst(r)) return;
  const [lo, hi] = intRange(ts(underlying(t)));
  const x = bigOf(r);
  // go1.19's wording (the frontend's checker follows go1.19's messages): the overflowed type is the
  // underlying one (`m * 2 (constant 400 of type U8) overflows uint8`)
  if (x < BigInt(lo) || x > BigInt(hi)) c.fail(n, `${text(n)} (constant ${x} of type ${ts(t)}) overflows ${ts(underlying(t))}`);
}

export function binary(c: Compiler, n: Node): Val {
  const [an, opn, bn] = n.kids as [Node, Node, Node];
  const op = text(opn);
  let a = c.expr(an);
  let b = c.expr(bn);
  c.ops++;
  for (const v of [a, b]) {
    if (v.mode === 'type') c.fail(v.n, `${text(v.n)} (type) is not an expression`);
    if (v.mode === 'tuple') c.fail(v.n, `multiple-value ${text(v.n)} (value of type ${ts({ k: 'tuple', types: v.tuple! })}) in single-value context`);
    if (v.mode === 'novalue') c.fail(v.n, `${text(v.n)} (no value) used as value`);
  }
  const src = text(n);
  if (op === '<<' || op === '>>') {
    // an untyped constant shift count must be representable as an integer (1.0, 1+0i)
    if (b.cv instanceof Complex && b.cv.im === 0 && isUntyped(b.t)) b = { ...b, cv: b.cv.re, c: lit(b.cv.re), t: tUntypedFloat };
    if (a.cv instanceof Complex && a.cv.im === 0 && isUntyped(a.t)) a = { ...a, cv: a.cv.re, c: lit(a.cv.re), t: tUntypedFloat };
    if (!isInteger(b.t) && !isIntConst(b.cv)) c.fail(bn, `invalid operation: shift count ${describe(c, b)} must be integer`);
    if (a.cv !== undefined && b.cv !== undefined) {
      const r = foldBin(op, a.cv, b.cv, true);
      typedOverflow(c, n, a.t, r);
      return { c: lit(r), t: a.t === tUntypedFloat ? tUntypedInt : a.t, mode: 'const', n, cv: r };
    }
    const bc = b.cv !== undefined ? lit(b.cv) : b.c;
    if (isUntyped(a.t)) {
      // Non-constant shift of an untyped constant: the result takes the type the context gives
      // it (an untyped non-constant value; int when nothing does).
      return { c: op === '<<' ? `$L.shl(${a.c}, ${bc})` : `$L.shr(${a.c}, ${bc})`, t: tUntypedInt, mode: 'value', n };
    }
    return { c: wrap(a.t, op === '<<' ? `$L.shl(${a.c}, ${bc})` : `$L.shr(${a.c}, ${bc})`), t: a.t, mode: 'value', n };
  }
  if (op === '&&' || op === '||') {
    if (!isBoolean(a.t) || !isBoolean(b.t)) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(c, isBoolean(a.t) ? b : a)}`);
    if (a.cv !== undefined && b.cv !== undefined) {
      const r = foldBin(op, a.cv, b.cv, false);
      return { c: lit(r), t: a.t, mode: 'const', n, cv: r };
    }
    return { c: `(${a.c} ${op} ${b.c})`, t: isUntyped(a.t) ? b.t : a.t, mode: 'value', n };
  }
  // operand types: untyped operands take the other's type
  let t: Type;
  if (a.mode === 'nil' || b.mode === 'nil') {
    const other = a.mode === 'nil' ? b : a;
    if (op !== '==' && op !== '!=') c.fail(n, `invalid operation: operator ${op} not defined on nil`);
    if (!assignable(a.mode === 'nil' ? a : b, other.t) || other.mode === 'nil') c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
    // an unsafe.Pointer's zero value is 0 (operand.ts zero): peq takes it for nil
    const ou = underlying(other.t);
    if (ou.k === 'basic' && ou.name === 'unsafe.Pointer') return { c: `${op === '!=' ? '!' : ''}$L.peq(${other.c}, null)`, t: tUntypedBool, mode: 'value', n };
    return { c: `(${other.c} ${op === '==' ? '===' : '!=='} null)`, t: tUntypedBool, mode: 'value', n };
  }
  if (isUntyped(a.t) && isUntyped(b.t)) {
    t = (rank[(a.t as { name: string }).name] ?? 0) >= (rank[(b.t as { name: string }).name] ?? 0) ? a.t : b.t;
  } else if (isUntyped(a.t)) t = b.t;
  else if (isUntyped(b.t)) t = a.t;
  else t = a.t;
  const cmp = op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=';
  const ifaceMix = cmp && (op === '==' || op === '!=') && (underlying(a.t).k === 'iface') !== (underlying(b.t).k === 'iface');
  if (!ifaceMix) {
    if (isUntyped(a.t) && !isUntyped(t)) {
      if (!assignable(a, t)) c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
      a = { ...a, c: convert(c, a, t, 'operand'), t };
    }
    if (isUntyped(b.t) && !isUntyped(t)) {
      if (!assignable(b, t)) c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
      b = { ...b, c: convert(c, b, t, 'operand'), t };
    }
    const bothUntypedNum = isUntyped(a.t) && isUntyped(b.t) && isNumeric(a.t) && isNumeric(b.t);
    const ifaces = underlying(a.t).k === 'iface' && underlying(b.t).k === 'iface' && (assignable(a, b.t) || assignable(b, a.t));
    // spec, "Comparison operators": either operand assignable to the other's type (chan int and <-chan int)
    const eitherWay = cmp && (assignable(a, b.t) || assignable(b, a.t));
    if (!identical(a.t, b.t) && !bothUntypedNum && !ifaces && !eitherWay) c.fail(n, `invalid operation: ${src} (mismatched types ${ts(a.t)} and ${ts(b.t)})`);
  }
  const intDiv = isInteger(t);
  if (a.cv !== undefined && b.cv !== undefined) {
    if ((op === '/' || op === '%') && isZero(b.cv)) c.fail(n, 'invalid operation: division by zero');
    if (isComplex(t) && cmp && op !== '==' && op !== '!=') c.fail(n, `invalid operation: ${src} (operator ${op} not defined on ${ts(t)})`);
    if (isComplex(t) && !cmp && op !== '+' && op !== '-' && op !== '*' && op !== '/') c.fail(n, `invalid operation: operator ${op} not defined on ${describe(c, a)}`);
    // untyped float constants exactly, rounded once (spec, "Constant expressions"; compiler/exact.ts)
    if (t === tUntypedFloat && (op === '+' || op === '-' || op === '*' || op === '/')) {
      const ra = ratOf(a.cv, a.exact);
      const rb = ratOf(b.cv, b.exact);
      const exact = ra && rb ? ratBinary(op, ra, rb) : undefined;
      if (exact) {
        const r = ratToDouble(exact);
        return { c: lit(r), t, mode: 'const', n, cv: r, exact };
      }
    }
    let r = foldBin(op, a.cv, b.cv, intDiv && t !== tUntypedFloat);
    // an untyped complex result with no imaginary part stays complex (its kind is the operands')
    if (!cmp && isComplex(t) && typeof r === 'number') r = new Complex(r, 0);
    if (r instanceof Complex && underlying(t).k === 'basic' && (underlying(t) as { name: string }).name === 'complex64') r = new Complex(Math.fround(r.re), Math.fround(r.im));
    // a typed float32 constant is rounded to float32 (go/types roundFloat32)
    if (!cmp && typeof r === 'number' && underlying(t).k === 'basic' && (underlying(t) as { name: string }).name === 'float32') r = Math.fround(r);
    if (!cmp) typedOverflow(c, n, t, r);
    return { c: lit(r), t: cmp ? tUntypedBool : t, mode: 'const', n, cv: r };
  }
  const u = underlying(t);
  if (cmp) {
    if (op === '==' || op === '!=') {
      if (ifaceMix) {
        const [iv, cv] = underlying(a.t).k === 'iface' ? [a, b] : [b, a];
        const boxed = convert(c, cv, iv.t, 'comparison');
        return { c: `${op === '!=' ? '!' : ''}$L.equal(${iv.c}, ${boxed})`, t: tUntypedBool, mode: 'value', n };
      }
      if (!comparable(t)) c.fail(n, `invalid operation: ${src} (${ts(t)} cannot be compared)`);
      // blank fields are not compared (spec, "Comparison operators"): only the others, by name
      if (u.k === 'struct' && u.fields.some((f) => f.name === '_')) {
        const names = u.fields.filter((f) => f.name !== '_').map((f) => JSON.stringify(f.js));
        return { c: `${op === '!=' ? '!' : ''}$L.equalFields(${a.c}, ${b.c}, [${names.join(', ')}])`, t: tUntypedBool, mode: 'value', n };
      }
      if (u.k === 'struct' || u.k === 'array' || u.k === 'iface') return { c: `${op === '!=' ? '!' : ''}$L.equal(${a.c}, ${b.c})`, t: tUntypedBool, mode: 'value', n };
      if (isComplex(u)) return { c: `${op === '!=' ? '!' : ''}$L.ceq(${a.c}, ${b.c})`, t: tUntypedBool, mode: 'value', n };
      // pointers to elements or fields are fresh PropRefs at each &: equal when they name the same place
      if ((u.k === 'ptr' && underlying(u.elem).k !== 'struct') || (u.k === 'basic' && u.name === 'unsafe.Pointer')) return { c: `${op === '!=' ? '!' : ''}$L.peq(${a.c}, ${b.c})`, t: tUntypedBool, mode: 'value', n };
      return { c: `(${a.c} ${op}= ${b.c})`, t: tUntypedBool, mode: 'value', n };
    }
    if (!(isOrderedNumeric(t) || isString(t))) c.fail(n, `invalid operation: ${src} (operator ${op} not defined on ${ts(t)})`);
    return { c: `(${a.c} ${op} ${b.c})`, t: tUntypedBool, mode: 'value', n };
  }
  // arithmetic
  // on a type parameter (a generic body checked once): the operator must apply to every type of its type set
  const tset = t.k === 'named' ? t.tset : undefined;
  if (tset) {
    const intOp = op === '%' || op === '&' || op === '|' || op === '^' || op === '&^';
    const ok = (x: Type): boolean => (intOp ? isInteger(x) : isNumeric(x) || (op === '+' && isString(x)));
    if (!tset.every((x) => ok(x.t))) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(c, a)}`);
  }
  // concatstrings: the result's bytes (rt/malloc.ts), allocated and copied (cost.ts concatString)
  if (op === '+' && isString(t)) c.charge(c.cpu.concatString);
  if (op === '+' && isString(t)) {
    // a + b + c is one concatstrings call (cmd/compile walks an OADDSTR of all the operands): one
    // allocation of the whole result, not one per +
    const cat = [...(a.cat ?? [a.c]), ...(b.cat ?? [b.c])];
    return { c: `($k++, $L.${cat.length > 2 ? 'scatN' : 'scat'}(${cat.join(', ')}))`, t, mode: 'value', n, cat };
  }
  if (!isNumeric(t)) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(c, a)}`);
  if ((op === '%' || op === '&' || op === '|' || op === '^' || op === '&^') && !isInteger(t)) c.fail(n, `invalid operation: operator ${op} not defined on ${describe(c, a)}`);
  if (b.cv === 0 && (op === '/' || op === '%') && isInteger(t)) c.fail(n, 'invalid operation: division by zero');
  if (isComplex(t)) {
    const fn = op === '+' ? 'cadd' : op === '-' ? 'csub' : op === '*' ? 'cmul' : op === '/' ? 'cdiv' : '';
    if (fn === '') c.fail(n, `invalid operation: operator ${op} not defined on ${describe(c, a)}`);
    return { c: wrap(t, `$L.${fn}(${a.c}, ${b.c})`), t, mode: 'value', n };
  }
  if (isInteger(t)) return { c: intBinary(t, op, a.c, b.c, typeof b.cv === 'number' ? b.cv : undefined), t, mode: 'value', n };
  let code = `(${a.c} ${op} ${b.c})`;
  if (u.k === 'basic' && u.name === 'float32') code = `Math.fround(${code})`;
  return { c: code, t, mode: 'value', n };
}

