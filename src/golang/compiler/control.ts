/**
 * Control flow: for (three-clause, condition, infinite), range (slices, arrays, strings, maps,
 * channels, integers since Go 1.22, iterator functions since Go 1.23: rangeFunc), switch, type
 * switch, select.
 *
 * Loop variables are declared once per loop (Go 1.19 semantics: closures capture the same
 * variable). Loop heads are where accumulated CPU time becomes a Work op once it reaches the
 * chunk size; a loop without calls therefore yields Work ops with `every = 0` (only asynchronous
 * preemption can stop it, as in Go).
 */
import type { Node } from './syntax.js';
import { text, kid } from './syntax.js';
import { type Compiler, type Val, type RangeFuncBody, yieldCheck } from '../core.js';
import { type Type, type FuncType, tBool, tInt, tInt32, underlying, isBoolean, isString, isInteger, isUntyped, typeString, defaultType } from '../types.js';
import { lvalue } from './assign.js';
import { convert, zero, describe, ts, valueOf, clone, complexKey, assignable, needsBox } from './operand.js';
import { resolveType } from './check/typexpr.js';
import { chainExtraNs, loopChainNs } from './chain.js';

/** A loop iteration's head: its `ops` counted operations are charged, then CPU time goes to the runtime in chunks. */
function loopHead(c: Compiler, ops: number): string {
  return `$S.c += ${c.nsOf(ops)}; ${yieldCheck}\n`;
}

/**
 * The counted operations a loop's head charges per iteration, `ops` plus what the body's loop-carried
 * dependency chain (compiler/chain.ts) takes beyond the iteration's throughput (`ops` and the compiled
 * body's charges, recorded per statement). `stmts`: the body's statements and the post statement; `fresh`: the range variables.
 * Called with the loop's scope current.
 */
function chainedHeadOps(c: Compiler, ops: number, stmts: Node[], fresh: Set<string>): number {
  const lat = { alu: c.cpu.chainAlu, mul: c.cpu.chainMul, float: c.cpu.chainFloat, load: c.cpu.chainLoad, indexLoad: c.cpu.chainIndexLoad };
  const extra = chainExtraNs(c, loopChainNs(c, stmts, fresh, lat), c.nsOf(ops), stmts);
  return ops + extra / c.nsPerOp;
}

/**
 * A loop whose body makes no call, no heap allocation (a call of mallocgc: `$k++`, rt/malloc.ts) and
 * no runtime entry (no `yield` in its code) is call-free: its
 * chunks of CPU time are Work ops marked `cont` (a continuation of the same call-free stretch,
 * every = 0), which only asynchronous preemption may interrupt — see the engine proposal in
 * index.ts: the runtime's cooperative check before each op must skip `cont` Work ops.
 */
function markCallFree(code: string): string {
  const rest = code.split(yieldCheck).join('');
  if (/\byield\b/.test(rest) || rest.includes('$k++')) return code;
  return code.split(yieldCheck).join('if ($S.c + $U.ns >= $CH) yield $Wc();');
}

/** A for clause's post statement (the kid after its second ';'). */
function fcPost(fc: Node | undefined): Node | undefined {
  if (!fc) return undefined;
  let s = 0;
  for (const k of fc.kids) {
    if (k.name === ';') s++;
    else if (s === 2) return k;
  }
  return undefined;
}

export function forStmt(c: Compiler, n: Node, label: string | null): string {
  c.pushScope().loop = true;
  const fc = kid(n, 'ForClause');
  const body = kid(n, 'Block')!;
  let init = '';
  let cond = 'true';
  let post = '';
  let cost = 0;
  if (fc) {
    // kids: [init] ';' [cond] ';' [post]
    const slots: (Node | null)[] = [null, null, null];
    let s = 0;
    for (const k of fc.kids) {
      if (k.name === ';') s++;
      else slots[s] = k;
    }
    if (slots[0]) init = c.stmt(slots[0]);
    if (slots[1]) {
      c.ops = 0;
      const v = c.expr(slots[1]);
      if (!isBoolean(v.t)) c.fail(v.n, `non-boolean condition in for statement`);
      cond = v.c;
      cost += c.ops;
    }
    if (slots[2]) {
      const p = c.stmt(slots[2]);
      post = p.replace(/\n$/, '').replace(/;\s*$/, '');
      cost += 1;
    }
  } else {
    const condN = n.kids.find((k) => k.name !== 'for' && k.name !== 'Block');
    if (condN) {
      c.ops = 0;
      const v = c.expr(condN);
      if (!isBoolean(v.t)) c.fail(v.n, `non-boolean condition in for statement`);
      cond = v.c;
      cost += c.ops;
    }
  }
  // Go 1.22+ (VersionProfile.loopvarPerIteration): each iteration has its own copy of the
  // variables the init statement declared. The body sees a per-iteration `let` copy (a new Box
  // when the variable is boxed) that is copied back before the post statement, which so runs on
  // the next iteration's variable, as the spec says; closures keep their iteration's copy.
  const perIter: { outer: string; inner: string; boxed: boolean; o: { js: string } }[] = [];
  if (c.lang.loopvarPerIteration && c.langAllows(22) && fc) {
    for (const o of c.scope.m.values()) {
      if (o.kind !== 'var') continue;
      const inner = c.id(o.name);
      perIter.push({ outer: o.js, inner, boxed: !!o.boxed, o });
      o.js = inner;
    }
  }
  const b = c.block(body.kids);
  for (const p of perIter) p.o.js = p.outer;
  const chainStmts = [...body.kids, ...(post && fcPost(fc) ? [fcPost(fc)!] : [])];
  cost = chainedHeadOps(c, Math.max(1, cost), chainStmts, new Set());
  c.popScope();
  const lbl = label ? `${label}: ` : '';
  if (perIter.length) {
    const copyIn = perIter.map((p) => `let ${p.inner} = ${p.boxed ? `new $L.Box(${p.outer}.v)` : p.outer};`).join(' ');
    const copyOut = perIter.map((p) => `${p.outer} = ${p.boxed ? `new $L.Box(${p.inner}.v)` : p.inner};`).join(' ');
    const inner = c.id('body');
    const bb = replaceContinues(b, label, inner);
    return markCallFree(`{ ${init}/*$loop{*/${lbl}for (;;) { if (!(${cond})) break; ${loopHead(c, Math.max(1, cost))}{ ${copyIn} ${inner}: {\n${bb}}\n${copyOut} }\n${post ? post + ';' : ''}\n}/*$loop}*/ }\n`);
  }
  // Every iteration costs at least its jump (go1.19 runs `for {}` as one jmp: cost.ts's `op`). An
  // empty `for {}` does nothing but burn CPU, so it takes a whole chunk per step: the same simulated
  // time, without running 70k empty JS iterations per chunk; only async preemption stops it.
  if (cond === 'true' && !post && b.trim() === '') return `{ ${init}${lbl}for (;;) { $S.c += $CH; yield $Wc(); } }\n`;
  cost = Math.max(1, cost);
  if (post) {
    const inner = c.id('body');
    const bb = replaceContinues(b, label, inner);
    return markCallFree(`{ ${init}/*$loop{*/${lbl}for (;;) { if (!(${cond})) break; ${loopHead(c, cost)}${inner}: {\n${bb}}\n${post};\n}/*$loop}*/ }\n`);
  }
  return markCallFree(`{ ${init}/*$loop{*/${lbl}for (;;) { if (!(${cond})) break; ${loopHead(c, cost)}${b}}/*$loop}*/ }\n`);
}

/**
 * Rewrite `continue;` statements that belong to this loop into `break <inner>;`. Nested loops'
 * own continues are left alone: we only rewrite at loop depth 0 (tracked by the `for (` markers
 * emitted by this module and the `$loop{` / `$loop}` comments).
 */
function replaceContinues(b: string, label: string | null, inner: string): string {
  let depth = 0;
  let out = '';
  const re = /\/\*\$loop\{\*\/|\/\*\$loop\}\*\/|continue( L_\w+)?;/g;
  let last = 0;
  for (let m = re.exec(b); m !== null; m = re.exec(b)) {
    out += b.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '/*$loop{*/') depth++;
    else if (m[0] === '/*$loop}*/') depth--;
    else if ((m[1] === undefined && depth === 0) || (m[1] !== undefined && label !== null && m[1].trim() === label)) {
      out += `break ${inner};`;
      continue;
    }
    out += m[0];
  }
  return out + b.slice(last);
}

export function rangeStmt(c: Compiler, n: Node, label: string | null): string {
  const rc = kid(n, 'RangeClause')!;
  const body = kid(n, 'Block')!;
  const defineVars = rc.kids.some((k) => k.name === ':=');
  const ri = rc.kids.findIndex((k) => k.name === 'range');
  const lhs = rc.kids.slice(0, ri).filter((k) => k.name !== ':=' && k.name !== '=');
  const xn = rc.kids[ri + 1]!;
  c.pushScope().loop = true;
  const x = c.expr(xn);
  const u = underlying(x.t);
  let kt: Type;
  let vt: Type | null;
  if (u.k === 'slice' || u.k === 'array') [kt, vt] = [tInt, u.elem];
  else if (u.k === 'ptr' && underlying(u.elem).k === 'array') [kt, vt] = [tInt, (underlying(u.elem) as { elem: Type }).elem];
  else if (isString(x.t)) [kt, vt] = [tInt, tInt32];
  else if (u.k === 'map') [kt, vt] = [u.key, u.elem];
  else if (u.k === 'chan') [kt, vt] = [u.elem, null];
  // an older -lang (a go.mod's go line): types2 stmt.go rangeStmt's "cannot range over %s: requires go1.22 or later"
  else if (c.lang.rangeOverInt && isInteger(x.t) && c.langAllows(22, xn, `cannot range over ${describe(c, x)}: `)) [kt, vt] = [isUntyped(x.t) ? defaultType(x.t) : x.t, null];
  else if (c.lang.rangeOverFunc && u.k === 'func' && yieldParams(u) !== null && c.langAllows(23, xn, `cannot range over ${describe(c, x)}: `)) return rangeFunc(c, n, label, x, yieldParams(u)!, lhs, defineVars, body);
  else c.fail(xn, `cannot range over ${describe(c, x)}`);
  if (vt === null && u.k !== 'chan' && lhs.length > 1) c.fail(lhs[1]!, `range over ${describe(c, x)} permits only one iteration variable`);
  if (u.k === 'chan' && lhs.length > 1) c.fail(lhs[1]!, `range over ${describe(c, x)} permits only one iteration variable`);
  let decl = '';
  // `for i, x[i] = range …` assigns as a tuple assignment each iteration: x[i]'s operands first
  const pre: string[] | undefined = !defineVars && lhs.length > 1 ? [] : undefined;
  const setK = lhs[0] ? target(c, lhs[0], kt, defineVars, (s) => (decl += s), pre) : null;
  const setV = lhs[1] && vt ? target(c, lhs[1], vt, defineVars, (s) => (decl += s), pre) : null;
  const b = c.block(body.kids);
  const fresh = new Set(lhs.filter((k) => k.name === 'VariableName' || k.name === 'DefName').map((k) => text(k)));
  const headOps = u.k === 'map' ? 1 : chainedHeadOps(c, 1, body.kids, fresh);
  c.popScope();
  const lbl = label ? `${label}: ` : '';
  const head = loopHead(c, headOps);
  const xs = c.id('x');
  const i = c.id('i');
  const assignKV = (k: string, v: string): string => {
    const kv = `${setK ? setK(k) + ' ' : ''}${setV ? setV(v) + ' ' : ''}`;
    return pre && pre.length ? `{ ${pre.join(' ')} ${kv}} ` : kv;
  };
  let loop: string;
  if (u.k === 'slice') {
    loop = `const ${xs} = ${x.c}; const ${i}n = $L.len(${xs}); ${lbl}for (let ${i} = 0; ${i} < ${i}n; ${i}++) { ${head}${assignKV(i, `${xs}.a[${xs}.o + ${i}]`)}\n${b}}`;
  } else if (u.k === 'ptr' && !setV) {
    // only the index: len(*p) is the array type's length and p is not dereferenced, so a nil p
    // ranges too (spec, "For statements with range clause")
    const n = (underlying(u.elem) as { len: number }).len;
    loop = `const ${xs} = ${x.c}; ${lbl}for (let ${i} = 0; ${i} < ${n}; ${i}++) { ${head}${assignKV(i, '')}\n${b}}`;
  } else if (u.k === 'array' || u.k === 'ptr') {
    const arr = u.k === 'ptr' ? `$L.deref(${x.c})` : setV ? `${x.c}.slice()` : x.c;
    loop = `const ${xs} = ${arr}; ${lbl}for (let ${i} = 0; ${i} < ${xs}.length; ${i}++) { ${head}${assignKV(i, `${xs}[${i}]`)}\n${b}}`;
  } else if (isString(x.t)) {
    loop = `const ${xs} = ${x.c}; ${lbl}for (let ${i} = 0, ${i}r; ${i} < ${xs}.length; ${i} += ${i}r[1]) { ${i}r = $L.decodeRune(${xs}, ${i}); ${head}${assignKV(i, `${i}r[0]`)}\n${b}}`;
  } else if (u.k === 'basic' && isInteger(x.t)) {
    const nv = isUntyped(x.t) ? convert(c, x, tInt, 'range') : x.c;
    loop = `const ${xs} = ${nv}; ${lbl}for (let ${i} = 0; ${i} < ${xs}; ${i}++) { ${head}${assignKV(i, '')}\n${b}}`;
  } else if (u.k === 'map') {
    const ck = complexKey(u.key);
    const kv = ck ? `${i}[1][0]` : `${i}[0]`;
    const vv = ck ? `${i}[1][1]` : `${i}[1]`;
    // mapiternext: each element costs mapIterNext (cost.ts) on top of the loop's counted operation
    const mhead = loopHead(c, 1 + c.cpu.mapIterNext / c.nsPerOp);
    loop = `const ${xs} = ${x.c}; ${lbl}for (const ${i} of $L.mentries(${xs})) { if (!$L.mhas(${xs}, ${i}[0])) continue; ${mhead}${assignKV(kv, vv)}\n${b}}`;
  } else {
    const z = zero(c, (u as { elem: Type }).elem);
    loop = `const ${xs} = ${x.c}; ${lbl}for (;;) { ${head}const ${i} = $L.rz(yield* $op({k: $K.Recv, ch: ${xs}}), ${z}); if (!${i}[1]) break; ${assignKV(`${i}[0]`, '')}\n${b}}`;
  }
  return markCallFree(`{ $f.l = ${c.line(n)}; ${decl}/*$loop{*/${loop}/*$loop}*/ }\n`);
}

/**
 * The yield function's parameters of an iterator `func(yield func(K, V) bool)` (0 to 2 of them;
 * spec, "For statements with range clause"), or null when f is not one.
 */
function yieldParams(u: FuncType): Type[] | null {
  if (u.params.length !== 1 || u.results.length !== 0 || u.variadic) return null;
  const y = underlying(u.params[0]!);
  if (y.k !== 'func' || y.params.length > 2 || y.variadic || y.results.length !== 1 || !isBoolean(y.results[0]!) || y.results[0]!.k === 'named') return null;
  return y.params;
}

/**
 * Range over an iterator function (Go 1.23, VersionProfile.rangeOverFunc), as cmd/compile's
 * rangefunc rewrite does it: the loop body becomes the yield function, a closure of the enclosing
 * function (its variables, its defers `$d` and its frame's line `$f.l` are the enclosing
 * function's), called by the iterator with each element:
 *
 *     let S = RF_READY, N = 0;                  // state (abi.RF_State), how the body left
 *     const Y = function* (k, v) { if (S !== RF_READY) panicrangestate(S); S = RF_PANIC; …body…; S = RF_READY; return true; };
 *     yield* f(Y);
 *     if (S === RF_PANIC) panic(RF_MISSING_PANIC); S = RF_EXHAUSTED;
 *     …N's exit: return / break L / continue L of an enclosing statement…
 *
 * Inside the body, `continue` of this loop is `S = RF_READY; return true`, `break` of it
 * `S = RF_DONE; return false`; a return or a break/continue of an enclosing statement records
 * itself in N (results in the function's `$rfr`), returns false, and is replayed after the call
 * (branchOut). Simplified: the body is not a frame of its own in tracebacks (Go shows it as
 * `f-range1`); goto out of the body is not supported.
 */
function rangeFunc(c: Compiler, n: Node, label: string | null, x: Val, yp: Type[], lhs: Node[], defineVars: boolean, body: Node): string {
  const fn = c.fn!;
  if (yp.length < lhs.length) c.fail(lhs[yp.length]!, `range over ${describe(c, x)} permits only ${yp.length === 0 ? 'no iteration variables' : 'one iteration variable'}`);
  const state = c.id('rs');
  const next = c.id('rn');
  const params = yp.map(() => c.id('y'));
  let decl = '';
  const pre: string[] | undefined = !defineVars && lhs.length > 1 ? [] : undefined;
  const sets = lhs.map((ln, i) => target(c, ln, yp[i]!, defineVars, (s) => (decl += s), pre));
  const rf: RangeFuncBody = { state, next, label, inner: new Set(), breakables: 0, loops: 0, exits: new Map(), outer: fn.rangeFunc ?? null };
  fn.rangeFunc = rf;
  let b: string;
  try {
    b = c.block(body.kids);
  } finally {
    fn.rangeFunc = rf.outer;
  }
  c.popScope();
  const assign = sets.map((set, i) => (set ? set(params[i]!) + ' ' : '')).join('');
  const kv = pre && pre.length ? `{ ${pre.join(' ')} ${assign}} ` : assign;
  const Y = c.id('yb');
  let after = `if (${state} === ${RF.PANIC}) $L.panicrangestate(${RF.MISSING_PANIC}); ${state} = ${RF.EXHAUSTED};`;
  for (const [code, k] of rf.exits) after += ` if (${next} === ${k}) { ${branchOut(c, code)} }`;
  const yieldFn = `function* ${Y}(${params.join(', ')}) { if (${state} !== ${RF.READY}) $L.panicrangestate(${state}); ${state} = ${RF.PANIC}; ${loopHead(c, 1)}${kv}\n${b}${state} = ${RF.READY}; return true; }`;
  const lbl = label ? `${label}: ` : '';
  return `{ $f.l = ${c.line(n)}; ${decl}let ${state} = ${RF.READY}, ${next} = 0; ${lbl}{ yield* $L.nf(${x.c})(${yieldFn}); ${after} } }\n`;
}

/** abi.RF_State (internal/abi/rangefuncconsts.go): the state of a range-over-func loop's body. */
const RF = { DONE: 0, READY: 1, PANIC: 2, EXHAUSTED: 3, MISSING_PANIC: 4 } as const;

/**
 * A branch (`break`, `continue`, `break L_x`, `continue L_x`) compiled inside a range-over-func
 * body: null when it stays inside the body (it targets a statement of the body), else the code
 * leaving the yield function.
 */
export function rangeFuncBranch(c: Compiler, kw: 'break' | 'continue', js: string | null): string | null {
  const rf = c.fn!.rangeFunc;
  if (!rf) return null;
  if (js === null ? (kw === 'break' ? rf.breakables > 0 : rf.loops > 0) : rf.inner.has(js)) return null;
  if (js === null || js === rf.label) return kw === 'continue' ? `{ ${rf.state} = ${RF.READY}; return true; }\n` : `{ ${rf.state} = ${RF.DONE}; return false; }\n`;
  return leave(rf, `${kw} ${js};`) + '\n';
}

/**
 * A return inside a range-over-func body (null outside one): `results` (the converted result
 * codes, null for a bare return) go to the function's `$rfr`, replayed once the iterators return.
 */
export function rangeFuncReturn(c: Compiler, results: string[] | null): string | null {
  const fn = c.fn!;
  const rf = fn.rangeFunc;
  if (!rf) return null;
  if (results === null) return leave(rf, 'return;');
  if (fn.rfResults === undefined) {
    fn.rfResults = c.id('rfr');
    c.lets.push(fn.rfResults);
  }
  return `{ ${fn.rfResults} = [${results.join(', ')}]; ${leave(rf, 'return $rfr;')} }`;
}

/** Leave a body for an exit of an enclosing statement: record it in N (`code` replays it, branchOut). */
function leave(rf: RangeFuncBody, code: string): string {
  let k = rf.exits.get(code);
  if (k === undefined) rf.exits.set(code, (k = rf.exits.size + 1));
  return `{ ${rf.next} = ${k}; ${rf.state} = ${RF.DONE}; return false; }`;
}

/** The code an exit recorded in a body runs after its iterator returned, in the enclosing context. */
function branchOut(c: Compiler, code: string): string {
  const fn = c.fn!;
  if (code === 'return;' || code === 'return $rfr;') {
    // a nested body passes the return on (the results are in $rfr already)
    if (fn.rangeFunc) return leave(fn.rangeFunc, code);
    const rv = fn.resVars;
    const n = fn.sig.results.length;
    // as returnStmt returns: through the result variables when the function has them
    const ret = (): string => (fn.hasDefer || n === 0 ? 'return;' : n === 1 ? `return ${rv![0]};` : `return [${rv!.join(', ')}];`);
    if (code === 'return;') return ret();
    const r = fn.rfResults!;
    if (rv) return `${rv.map((v, i) => `${v} = ${r}[${i}];`).join(' ')} ${ret()}`;
    return n === 1 ? `return ${r}[0];` : `return ${r};`;
  }
  const [kw, js] = code.slice(0, -1).split(' ') as ['break' | 'continue', string];
  return rangeFuncBranch(c, kw, js) ?? code;
}

/** An iteration variable: declared (:=) or assigned (=). */
function target(c: Compiler, n: Node, t: Type, define: boolean, decl: (s: string) => void, pre?: string[]): ((v: string) => string) | null {
  if (text(n) === '_') return null;
  if (define) {
    const nm = text(n);
    const js = c.local(nm);
    const boxed = needsBox(c.fn!, nm, t);
    c.declare(n, { kind: 'var', name: nm, t, js, boxed, node: n });
    // the element is copied into the variable (a struct or array value is not shared with it)
    const cp = (v: string): string => clone(c, t, v);
    // Go 1.22+: a new variable each iteration (declared in the JS loop body)
    if (c.lang.loopvarPerIteration && c.langAllows(22)) return (v) => (boxed ? `let ${js} = new $L.Box(${cp(v)});` : `let ${js} = ${cp(v)};`);
    decl(`let ${js} = ${boxed ? `new $L.Box(${zero(c, t)})` : zero(c, t)}; `);
    // go1.19: one variable for the loop; a struct variable is updated in place (&p is the same each time)
    if (underlying(t).k === 'struct' && !(t.k === 'named' && t.native)) return (v) => `$L.setStruct(${js}, ${v});`;
    return (v) => (boxed ? `${js}.v = ${cp(v)};` : `${js} = ${cp(v)};`);
  }
  const l = lvalue(c, n, pre);
  return (v) => `${l.set(convert(c, { c: v, t, mode: 'value', n }, l.t, 'range'))};`;
}

/** Split a SwitchBlock / SelectBlock into clauses: [Case node, statements]. */
function clauses(blk: Node): [Node, Node[]][] {
  const out: [Node, Node[]][] = [];
  for (const k of blk.kids) {
    if (k.name === 'Case') out.push([k, []]);
    else if (out.length && !['{', '}', ';'].includes(k.name)) out[out.length - 1]![1].push(k);
  }
  return out;
}

function isDefault(cs: Node): boolean {
  return cs.kids[0]?.name === 'default';
}

export function switchStmt(c: Compiler, n: Node, label: string | null): string {
  c.pushScope();
  const blk = kid(n, 'SwitchBlock')!;
  const heads = n.kids.filter((k) => k !== blk && k.name !== 'switch' && k.name !== ';');
  let init = '';
  let tag: Val | null = null;
  // `switch x := f(); {`: a lone head that is a statement is the init (the `;` is not among the kids)
  if (heads.length === 2 || (heads.length === 1 && heads[0] !== undefined && ['VarDecl', 'Assignment', 'ExprStatement', 'IncDecStatement', 'SendStatement'].includes(heads[0].name))) {
    init = c.stmt(heads[0]!);
    if (heads[1]) tag = c.expr(heads[1]);
  } else if (heads.length === 1) tag = c.expr(heads[0]!);
  const tv = c.id('s');
  let tagT: Type = tBool;
  let pre = '';
  if (tag) {
    const r = valueOf(c, tag, 'switch expression');
    tagT = r.t;
    pre = `const ${tv} = ${r.c};`;
  }
  const cls = clauses(blk);
  const ci = c.id('c');
  let sel = '';
  let dflt = -1;
  cls.forEach(([cs], idx) => {
    if (isDefault(cs)) {
      dflt = idx;
      return;
    }
    const exprs = cs.kids.filter((k) => k.name !== 'case');
    const conds = exprs.map((e) => {
      const v = c.expr(e);
      // a case of interface type against a non-interface tag (or a tagless switch's `true`):
      // `tag == x` compares the tag boxed into the interface (spec, "Comparison operators")
      const caseIface = underlying(v.t).k === 'iface' && underlying(tagT).k !== 'iface';
      if (!tag) {
        if (caseIface && assignable({ c: 'true', t: tBool, mode: 'value', n: e }, v.t)) return `$L.equal(${v.c}, {t: ${c.typeRef(tBool)}, v: true})`;
        if (!isBoolean(v.t)) c.fail(e, `invalid case ${text(e)} in switch (mismatched types ${ts(v.t)} and bool)`);
        return v.c;
      }
      if (caseIface && assignable({ c: tv, t: tagT, mode: 'value', n: e }, v.t)) return `$L.equal(${v.c}, ${convert(c, { c: tv, t: tagT, mode: 'value', n: e }, v.t, 'switch case')})`;
      const cv = convert(c, v, tagT, 'switch case');
      const u = underlying(tagT);
      if (u.k === 'iface' || u.k === 'struct' || u.k === 'array') return `$L.equal(${tv}, ${cv})`;
      return `${tv} === ${cv}`;
    });
    sel += `${sel ? ' else ' : ''}if (${conds.join(' || ')}) ${ci} = ${idx};`;
  });
  const bodies = cls.map(([, stmts], idx) => {
    const b = c.block(stmts);
    const ft = stmts.length > 0 && stmts[stmts.length - 1]!.name === 'FallthroughStatement';
    return `case ${idx}: {\n${b}}${ft ? '' : ' break;'}\n`;
  });
  c.popScope();
  const lbl = label ? `${label}: ` : '';
  return `{ ${init}$f.l = ${c.line(n)}; $S.c += ${c.nsOf(cls.length + 1)}; ${pre} let ${ci} = ${dflt}; ${sel}\n${lbl}switch (${ci}) {\n${bodies.join('')}} }\n`;
}

export function typeSwitchStmt(c: Compiler, n: Node, label: string | null): string {
  c.pushScope();
  const blk = kid(n, 'SwitchBlock')!;
  const defIdx = n.kids.findIndex((k) => k.name === ':=');
  const bind = defIdx > 0 ? n.kids[defIdx - 1]! : null;
  let init = '';
  const first = n.kids.find((k) => k.name !== 'switch');
  if (first && first.name !== 'DefName' && n.kids.some((k) => k.name === ';')) init = c.stmt(first);
  // the expression: the node before '.' '(' 'type' ')'
  const dot = n.kids.findIndex((k) => k.name === 'type');
  let xn = n.kids[dot - 1]!;
  if (xn.name === '.' || xn.name === '(') xn = n.kids.slice(0, dot).reverse().find((k) => !['.', '(', ')'].includes(k.name))!;
  const x = c.expr(xn);
  if (underlying(x.t).k !== 'iface') c.fail(xn, `${text(xn)} (variable of type ${ts(x.t)}) is not an interface`);
  const xv = c.id('x');
  const ci = c.id('c');
  const cls = clauses(blk);
  let sel = '';
  let dflt = -1;
  let bindUsed = false;
  const bodies: string[] = [];
  cls.forEach(([cs, stmts], idx) => {
    let single: Type | null = null;
    if (isDefault(cs)) dflt = idx;
    else {
      const tns = cs.kids.filter((k) => k.name !== 'case');
      const conds = tns.map((tn) => {
        if (text(tn) === 'nil') return `${xv} === null`;
        const t = resolveType(c, tn);
        const tu = underlying(t);
        if (tu.k === 'iface') return `$L.assertI2(${xv}, ${JSON.stringify([...tu.methods.keys()])}, ${JSON.stringify([...tu.methods.values()].map((s) => typeString(s)))})[1]`;
        return `(${xv} !== null && ${xv}.t === ${c.typeRef(t)})`;
      });
      if (tns.length === 1 && text(tns[0]!) !== 'nil') single = resolveType(c, tns[0]!);
      sel += `${sel ? ' else ' : ''}if (${conds.join(' || ')}) ${ci} = ${idx};`;
    }
    c.pushScope();
    let pre = '';
    if (bind) {
      const t = single ?? x.t;
      const js = c.local(text(bind));
      const boxed = needsBox(c.fn!, text(bind), t);
      const val = single && underlying(single).k !== 'iface' ? `${xv}.v` : xv;
      pre = `let ${js} = ${boxed ? `new $L.Box(${val})` : val};`;
      c.declare(bind, { kind: 'var', name: text(bind), t, js, boxed, node: bind, used: false });
    }
    const b = c.block(stmts);
    if (bind && c.scope.m.get(text(bind))?.used) bindUsed = true;
    c.popScope(false);
    bodies.push(`case ${idx}: {\n${pre}\n${b}} break;\n`);
  });
  // go1.26 types2 stmt.go typeSwitchStmt: "%s declared and not used" (a variable's own: "declared and not used: %s")
  if (bind && !bindUsed) c.err(bind, `${text(bind)} declared ${c.lang.typeCheckerMessages === '1.26' ? 'and' : 'but'} not used`);
  c.popScope();
  const lbl = label ? `${label}: ` : '';
  return `{ ${init}$f.l = ${c.line(n)}; $S.c += ${c.nsOf(cls.length + 1)}; const ${xv} = ${x.c}; let ${ci} = ${dflt}; ${sel}\n${lbl}switch (${ci}) {\n${bodies.join('')}} }\n`;
}

export function selectStmt(c: Compiler, n: Node, label: string | null): string {
  const blk = kid(n, 'SelectBlock')!;
  const cls = clauses(blk);
  const cases: string[] = [];
  const bodies: string[] = [];
  let hasDefault = false;
  const r = c.id('sel');
  cls.forEach(([cs, stmts]) => {
    if (isDefault(cs)) {
      hasDefault = true;
      bodies.push(`case -1: {\n${c.block(stmts)}} break;\n`);
      return;
    }
    const idx = cases.length;
    const comm = cs.kids.find((k) => k.name !== 'case')!;
    c.pushScope();
    let pre = '';
    if (comm.name === 'SendStatement') {
      const ch = c.expr(comm.kids[0]!);
      const u = underlying(ch.t);
      if (u.k !== 'chan') c.fail(comm, `invalid operation: cannot send to non-channel ${describe(c, ch)}`);
      const v = convert(c, c.expr(comm.kids[comm.kids.length - 1]!), u.elem, 'send');
      cases.push(`{dir: 'send', ch: $L.sendCheck(${ch.c}), v: ${v}}`);
    } else {
      // ExprStatement(<-ch) or ReceiveStatement (v[, ok] := / = <-ch)
      const recvE = comm.name === 'ExprStatement' ? comm.kids[0]! : comm.kids[comm.kids.length - 1]!;
      let inner = recvE;
      while (inner.name === 'ParenthesizedExpr') inner = inner.kids[0]!;
      if (!(inner.name === 'UnaryExp' && text(inner.kids[0]!) === '<-')) c.fail(comm, 'select case must be receive, send or assign recv');
      const ch = c.expr(inner.kids[1]!);
      const u = underlying(ch.t);
      if (u.k !== 'chan') c.fail(comm, `invalid operation: cannot receive from non-channel ${describe(c, ch)}`);
      cases.push(`{dir: 'recv', ch: ${ch.c}}`);
      if (comm.name === 'ReceiveStatement') {
        const isDef = comm.kids.some((k) => k.name === ':=');
        const lhs = comm.kids.filter((k) => k !== recvE && k.name !== ':=' && k.name !== '=');
        const z = zero(c, u.elem);
        const vals = [`(${r}[2] ? ${r}[1] : ${z})`, `${r}[2]`];
        const types = [u.elem, tBool];
        lhs.forEach((ln, i) => {
          if (text(ln) === '_') return;
          if (isDef) {
            const js = c.local(text(ln));
            const boxed = needsBox(c.fn!, text(ln), types[i]!);
            pre += `let ${js} = ${boxed ? `new $L.Box(${vals[i]})` : vals[i]}; `;
            c.declare(ln, { kind: 'var', name: text(ln), t: types[i]!, js, boxed, node: ln });
          } else {
            const l = lvalue(c, ln);
            pre += `${l.set(convert(c, { c: vals[i]!, t: types[i]!, mode: 'value', n: ln }, l.t, 'assignment'))}; `;
          }
        });
      }
    }
    const b = c.block(stmts);
    c.popScope();
    bodies.push(`case ${idx}: {\n${pre}\n${b}} break;\n`);
  });
  const lbl = label ? `${label}: ` : '';
  return `{ $f.l = ${c.line(n)}; $S.c += ${c.nsOf(cls.length + 1)}; const ${r} = yield* $op({k: $K.Select, cases: [${cases.join(', ')}], dflt: ${hasDefault}});\n${lbl}switch (${r}[0]) {\n${bodies.join('')}} }\n`;
}

