/**
 * Statements and function bodies.
 *
 * Cost model (cost.ts, documented in index.ts): every statement adds `ops × op` simulated ns to the
 * accumulator `$S.c` (program.ts) (ops = 1 + operators, calls, index/selector operations in it). The accumulator
 * is turned into a Work op (`$W()`) at function entry (a call: cooperative preemption point), at
 * loop heads once it reaches the chunk size (`$CH`), and before every other Op (`$op`).
 */
import type { Node } from './syntax.js';
import { text, kid } from './syntax.js';
import { type Compiler, type FuncCtx, type Obj, Scope, CompileError, Unsupported, Silent, tInvalid, type Val, yieldCheck } from '../core.js';
import { bigFrameBytes } from '../rt/goroutine.js';
import { exprString } from './exprstring.js';
import { type Type, type FuncType, underlying, isBoolean, defaultType, holdsPointers } from '../types.js';
import { assign, assignOp, define } from './assign.js';
import { forStmt, rangeStmt, switchStmt, typeSwitchStmt, selectStmt, rangeFuncBranch, rangeFuncReturn } from './control.js';
import { varSpec } from './decl.js';
import { constDecl, localTypes } from './check/decls.js';
import { convert, zero, describe, ts, needsBox } from './operand.js';
import { resolveType, signature } from './check/typexpr.js';
import { stackAppendSites } from './escape.js';

/** Collect identifiers whose address is taken (&x) in a function body: they live in Boxes. */
function scanAddr(n: Node, out: Set<string>, sel?: Set<string>): void {
  if (n.name === 'UnaryExp' && n.kids[0] && (n.kids[0].name === 'DerefOp' || text(n.kids[0]) === '&') && text(n.kids[0]) === '&') {
    let x = n.kids[1]!;
    while (x.name === 'ParenthesizedExpr') x = x.kids[0]!;
    if (x.name === 'VariableName') out.add(text(x));
  }
  // method calls with pointer receivers on plain variables also need the address (needsBox)
  if (n.name === 'SelectorExpr' && n.kids[0]?.name === 'VariableName' && sel) sel.add(text(n.kids[0]));
  for (const k of n.kids) scanAddr(k, out, sel);
}


/** Compile a function (declaration or literal). Returns the JS generator function expression. */
export function funcBody(c: Compiler, n: Node, name: string, recv: Node | null, jsName: string | null): { code: string; sig: FuncType; fn: FuncCtx } {
  const { sig, pnames, rnames } = signature(c, n, recv);
  const body = kid(n, 'Block');
  const fn: FuncCtx = { name, sig, parent: c.fn, closures: 0, boxed: new Set(), resVars: null, hasDefer: false, labels: new Map() };
  if (body) {
    fn.selected = new Set();
    scanAddr(body, fn.boxed, fn.selected);
  }
  // go1.26's stack-allocated first append (compiler/escape.ts)
  if (body && c.lang.stackAppend) fn.stackAppends = stackAppendSites(body, pnames.flatMap((d) => (d ? [text(d)] : [])));
  if (body) {
    const gl = new Set<string>();
    scanGotos(body, gl);
    if (gl.size > 0) {
      fn.gotoLabels = gl;
      fn.gotoTargets = new Map();
    }
  }
  const savedFn = c.fn;
  const savedScope = c.scope;
  const savedLets = c.lets;
  const savedOps = c.ops;
  c.fn = fn;
  c.lets = [];
  c.scope = new Scope(c.scope, fn);
  const fnScope = c.scope;
  const params: string[] = [];
  const pre: string[] = [];
  const declParam = (dn: Node | null, t: Type, isParam: boolean): string => {
    const nm = dn ? text(dn) : '_';
    const js = c.local(nm);
    const boxed = needsBox(fn, nm, t);
    if (boxed) pre.push(`${js} = new $L.Box(${js});`);
    if (nm !== '_') c.declare(undefined, { kind: 'var', name: nm, t, js, boxed, used: true, node: dn ?? undefined });
    void isParam;
    return js;
  };
  if (recv) {
    const rp = recv.kids.find((k) => k.name === 'Parameter');
    const dn = rp?.kids.find((k) => k.name === 'DefName') ?? null;
    // a generic method's instance: the receiver type is the instance's (check/generics.ts)
    const rt = c.recvT ?? resolveType(c, rp!.kids[rp!.kids.length - 1]!);
    c.recvT = null;
    params.push(declParam(dn, rt, true));
  }
  pnames.forEach((dn, i) => params.push(declParam(dn, sig.params[i]!, true)));
  let hasDefer = false;
  if (body) scanDefer(body, (d) => (hasDefer = d));
  fn.hasDefer = hasDefer;
  const named = rnames.length > 0 && rnames[0] !== null;
  if (named || hasDefer) {
    fn.resVars = sig.results.map((t, i) => {
      const dn = named ? rnames[i]! : null;
      const js = dn ? c.local(text(dn)) : c.id('r');
      const boxed = dn ? needsBox(fn, text(dn), t) : false;
      pre.push(`let ${js} = ${boxed ? `new $L.Box(${zero(c, t)})` : zero(c, t)};`);
      if (dn && text(dn) !== '_') c.declare(dn, { kind: 'var', name: text(dn), t, js, boxed, used: true });
      return boxed ? `${js}.v` : js;
    });
  }
  c.ops = 0;
  const stmts = body ? block(c, body.kids, false) : '';
  if (body && sig.results.length > 0 && !terminates(body)) c.err(body.kids.length ? lastBrace(body) : body, 'missing return');
  c.popScope();
  const roots = frameRoots(c, fnScope, fn, body ?? null);
  const lets = c.lets.length ? `let ${c.lets.join(', ')};` : '';
  const hasParams = sig.params.length > 0 || recv !== null;
  // at a segment's limit of Go frames the function runs as a new segment of its goroutine's calls
  // (rt/goroutine.ts segFrames): a fresh generator of itself, named `$self` when a literal
  const self = jsName ?? '$self';
  const head = `function* ${self}(${params.join(', ')}) {\nif ($R.deep()) return yield new $R.Segment(${self}(${params.join(', ')}), ${self});\nconst $f = $R.enter(${JSON.stringify(name)}, ${hasParams}, ${JSON.stringify(c.path(n))}); ${lets}`;
  // A frame with large locals counts against Go's 1 GB stack (rt/goroutine.ts bigFrame); locals too
  // large for the stack (VersionProfile.maxStackVarSize) are heap objects allocated at each call.
  const fb = fn.frameBytes ?? 0;
  const big = fb >= bigFrameBytes;
  const hb = fn.heapLocalBytes ?? 0;
  const enterBig = (big ? `$R.bigFrame($f, ${fb}, ${n.file.pos(n.from).line}); ` : '') + (hb > 0 ? `$A.b += ${hb}; $A.l += ${hb}; $A.n += ${fn.heapLocals ?? 1}; ` : '');
  const leave = big ? `$R.leaveBig(${fb});` : '$R.leave();';
  let code: string;
  if (hasDefer) {
    const ret = fn.resVars!.length === 0 ? '' : fn.resVars!.length === 1 ? `return ${fn.resVars![0]};` : `return [${fn.resVars!.join(', ')}];`;
    code = `${head}const $d = []; ${pre.join(' ')}\ntry {\n${enterBig}${roots}$k++; ${yieldCheck}\n${stmts}} catch ($e) { $f.p = $R.unw($e); }\nfinally { yield* $R.rd($f, $d); ${leave} if ($f.p !== null) throw $f.p; ${ret} }\n}`;
  } else {
    code = `${head}${pre.join(' ')}\ntry {\n${enterBig}${roots}$k++; ${yieldCheck}\n${stmts}} catch ($e) { throw $R.unw($e); } finally { ${leave} }\n}`;
  }
  // a declared function's site, for its pc (reflect.Value.Pointer, runtime.FuncForPC: std/runtime.ts PcTable)
  // (not for a generic instance: its name stays in one place, the frame's)
  if (jsName !== null && !name.includes('[')) code += `\n${jsName}.$site = {fn: ${JSON.stringify(name)}, file: ${JSON.stringify(c.path(n))}, line: ${c.line(n)}, a: ${hasParams}};`;
  c.fn = savedFn;
  c.scope = savedScope;
  c.lets = savedLets;
  c.ops = savedOps;
  return { code, sig, fn };
}

/**
 * The frame's roots for the garbage collector's mark (rt/gcmark.ts): `$f.g = ($v) => …` handing each
 * pointer-holding parameter, variable of the body's outermost block and captured variable to the
 * visitor with its type (a boxed variable as a pointer to its Box). Declared first in the body's
 * block, the closure sees the block's variables; one not declared yet at the suspension point throws
 * (its temporal dead zone) and ends the visit: the variables are visited in declaration order, so
 * the ones after it are not declared either. Empty for a function without such variables (no
 * closure is made per call).
 *
 * A variable is a root only while the frame's line (`$f.l`: the statement's or the call's being
 * run) is at most its last live line (lastLiveLines): Go's stack maps end a slot's liveness at its
 * last use, which is what makes an object unreachable, and its finalizer run, while the function
 * that held it is still running (runtime.KeepAlive marks such a use).
 */
function frameRoots(c: Compiler, scope: Scope, fn: FuncCtx, body: Node | null): string {
  // the captured variables first: they are all declared (in an enclosing function) when the literal runs
  const vars: Obj[] = fn.captures ? [...fn.captures] : [];
  for (const o of scope.m.values()) if (o.kind === 'var' && !o.global) vars.push(o);
  const visits: string[] = [];
  let live: Map<string, number> | null = null;
  for (const o of vars) {
    if (!/^[A-Za-z_$][\w$]*$/.test(o.js) || !holdsPointers(o.t)) continue;
    const t = o.boxed ? c.types.intern({ k: 'ptr', elem: o.t }) : o.t;
    // named results are used by every return and by deferred calls: live to the end
    const result = fn.resVars !== null && fn.resVars.some((r) => r === o.js || r === `${o.js}.v`);
    if (live === null && body !== null && fn.gotoLabels === undefined) live = lastLiveLines(c, body);
    const last = result || live === null ? Infinity : live.get(o.name) ?? -1;
    const visit = `$v(${o.js}, ${c.typeRef(t)});`;
    visits.push(last === Infinity ? visit : `if ($f.l <= ${last}) ${visit}`);
  }
  return visits.length ? `$f.g = ($v) => { ${visits.join(' ')} };\n` : '';
}

/**
 * Each name's last live line in a function body (the liveness of Go's stack maps, by line): a
 * variable used at line u is live while the frame runs lines before u, and at u too unless the use
 * is a call's argument (evaluated before the call: `g(&s)` does not keep s alive while g runs;
 * `f(uintptr(unsafe.Pointer(p)))` does, as //go:uintptrescapes and syscall.Syscall's rule make it); a
 * use inside a loop keeps it live to the end of the outermost such loop (the next iteration uses
 * it). A use the frame's line cannot place keeps the variable live to the frame's end (Infinity):
 * one in a deferred call or in a func literal the function does not call at once (`go func(){…}()`
 * and `func(){…}()` run it now; a literal stored or passed holds the variable for later: Go's
 * closure keeps it, which the mark cannot see, rt/gcmark.ts). Names are matched by name (a func
 * literal's parameters and results are its own; another shadowing declaration's uses count for the
 * outer variable too: later, never earlier). A function
 * with goto labels is not analysed (a backward jump is a loop).
 */
function lastLiveLines(c: Compiler, body: Node): Map<string, number> {
  const out = new Map<string, number>();
  const endLine = (n: Node): number => n.file.pos(n.to).line;
  const walk = (n: Node, loopEnd: number, held: boolean, inArgs: boolean, shadow: ReadonlySet<string>): void => {
    if (n.name === 'VariableName') {
      if (shadow.has(text(n))) return;
      const u = c.line(n);
      const last = held ? Infinity : Math.max(loopEnd, inArgs ? u - 1 : u);
      const prev = out.get(text(n));
      if (prev === undefined || last > prev) out.set(text(n), last);
      return;
    }
    if (n.name === 'ForStatement' && loopEnd < 0) loopEnd = endLine(n);
    if (n.name === 'DeferStatement') held = true;
    n.kids.forEach((k, i) => {
      let h = held;
      let a = inArgs;
      let sh = shadow;
      if (k.name === 'FunctionLiteral') {
        // the literal's parameters and results are its own variables
        const own = new Set(shadow);
        for (const ps of k.kids) if (ps.name === 'Parameters') for (const p of ps.kids) for (const d of p.kids) if (d.name === 'DefName') own.add(text(d));
        sh = own;
        // called at once: the callee of a call (a go statement's or an expression's), not a deferred one
        const calledNow = n.name === 'CallExpr' && i === 0;
        if (!calledNow) h = true;
        a = false;
      }
      // an argument converted to uintptr stays live through the call (//go:uintptrescapes, and
      // unsafe.Pointer's rule 4 for syscall.Syscall: the object must not move or die meanwhile)
      if (n.name === 'CallExpr' && k.name === 'Arguments') a = text(n.kids[0]!) !== 'uintptr';
      walk(k, loopEnd, h, a, sh);
    });
  };
  walk(body, -1, false, false, new Set());
  return out;
}

function lastBrace(body: Node): Node {
  return { ...body, from: body.to - 1 };
}

function scanDefer(n: Node, set: (d: boolean) => void): void {
  for (const k of n.kids) {
    if (k.name === 'DeferStatement') set(true);
    if (k.name === 'FunctionLiteral') continue;
    scanDefer(k, set);
  }
}

/** Terminating statements (spec), simplified. */
export function terminates(n: Node): boolean {
  const stmts = n.kids.filter((k) => !['{', '}', ';', 'LineComment', 'BlockComment'].includes(k.name));
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  switch (last.name) {
    case 'ReturnStatement':
      return true;
    case 'GotoStatement':
      return text(last).startsWith('goto');
    case 'ExprStatement': {
      const e = last.kids[0]!;
      if (e.name === 'CallExpr') {
        const f = text(e.kids[0]!);
        return f === 'panic' || f === 'os.Exit' || f === 'log.Fatal' || f === 'log.Fatalf' || f === 'log.Fatalln' || f === 'runtime.Goexit';
      }
      return false;
    }
    case 'Block':
      return terminates(last);
    case 'IfStatement': {
      const blocks = last.kids.filter((k) => k.name === 'Block' || k.name === 'IfStatement');
      if (!last.kids.some((k) => k.name === 'else')) return false;
      return blocks.every((b) => (b.name === 'Block' ? terminates(b) : terminates({ ...last, kids: [b] })));
    }
    case 'ForStatement': {
      if (last.kids.some((k) => k.name === 'RangeClause')) return false;
      const fc = kid(last, 'ForClause');
      const hasCond = fc ? fc.kids.some((k, i) => i > 0 && k.name !== ';' && fc.kids[i - 1]?.name === ';' && fc.kids[i + 1]?.name === ';') : last.kids.length > 2;
      if (hasCond) return false;
      return !hasBreak(kid(last, 'Block')!, labelOf(last));
    }
    case 'LabeledStatement':
      return terminates({ ...last, kids: [last.kids[last.kids.length - 1]!] });
    case 'SelectStatement':
    case 'SwitchStatement':
    case 'TypeSwitchStatement': {
      const blk = last.kids[last.kids.length - 1]!;
      const cases: Node[][] = [];
      for (const k of blk.kids) {
        if (k.name === 'Case') cases.push([]);
        else if (cases.length && !['{', '}'].includes(k.name)) cases[cases.length - 1]!.push(k);
      }
      const hasDefault = blk.kids.some((k) => k.name === 'Case' && k.kids[0]?.name === 'default');
      if (last.name !== 'SelectStatement' && !hasDefault) return false;
      if (hasBreak(blk, labelOf(last))) return false;
      return cases.every((cs) => {
        const l = cs[cs.length - 1];
        return l !== undefined && (l.name === 'FallthroughStatement' || terminates({ ...blk, kids: cs }));
      });
    }
    default:
      return false;
  }
}
function labelOf(_n: Node): string | null {
  return null;
}
function hasBreak(n: Node, label: string | null): boolean {
  for (const k of n.kids) {
    if (k.name === 'GotoStatement' && text(k).startsWith('break')) {
      const l = kid(k, 'LabelName');
      if (!l || text(l) === label) return true;
    }
    if (k.name === 'FunctionLiteral') continue;
    if (['ForStatement', 'SwitchStatement', 'TypeSwitchStatement', 'SelectStatement'].includes(k.name)) {
      // unlabeled breaks inside belong to the inner statement
      if (label !== null && hasBreak(k, label)) return true;
      continue;
    }
    if (hasBreak(k, label)) return true;
  }
  return false;
}

/** The labels of a function's goto statements (not those of its function literals). */
function scanGotos(n: Node, out: Set<string>): void {
  for (const k of n.kids) {
    if (k.name === 'FunctionLiteral') continue;
    if (k.name === 'GotoStatement' && text(k).startsWith('goto')) {
      const l = kid(k, 'LabelName');
      if (l) out.add(text(l));
    }
    scanGotos(k, out);
  }
}

/** An unlabeled break/continue of an enclosing statement (not inside a nested loop, switch or select). */
function outerBreak(n: Node): Node | null {
  for (const k of n.kids) {
    if (k.name === 'FunctionLiteral' || ['ForStatement', 'SwitchStatement', 'TypeSwitchStatement', 'SelectStatement'].includes(k.name)) continue;
    if (k.name === 'GotoStatement' && /^(break|continue)\b/.test(text(k)) && !kid(k, 'LabelName')) return k;
    const r = outerBreak(k);
    if (r) return r;
  }
  return null;
}

/** A for/switch/select statement: inside a range-over-func body, unlabeled breaks (and continues, in a loop) inside it are its own. */
function breakable(c: Compiler, loop: boolean, compile: () => string): string {
  const rf = c.fn?.rangeFunc;
  if (!rf) return compile();
  rf.breakables++;
  if (loop) rf.loops++;
  try {
    return compile();
  } finally {
    rf.breakables--;
    if (loop) rf.loops--;
  }
}

/** A block's statements (with a new scope unless `noScope`). */
export function block(c: Compiler, kids: Node[], scoped = true): string {
  if (scoped) c.pushScope();
  const stmts = kids.filter((k) => !['{', '}', ';', 'LineComment', 'BlockComment', ':'].includes(k.name));
  const gl = c.fn?.gotoLabels;
  const out = gl && stmts.some((k) => k.name === 'LabeledStatement' && gl.has(text(k.kids[0]!))) ? gotoBlock(c, stmts) : stmts.map((k) => stmt(c, k)).join('');
  if (scoped) c.popScope();
  return out;
}

/**
 * The statement's own declarations (`let`/`const` outside any bracket) as `var`: a goto back to a
 * label re-enters the dispatch switch, whose block would otherwise have its variables in the
 * temporal dead zone (every Go local has its own JS name, so function scope is safe).
 */
function varDecls(code: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== ch) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth--;
    if (depth === 0 && (i === 0 || /[\s;]/.test(code[i - 1]!))) {
      const m = /^(let|const) /.exec(code.slice(i, i + 6));
      if (m) {
        out += 'var ';
        i += m[0].length - 1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/**
 * A statement list holding labels that gotos jump to (JS has no goto): the list is cut at those
 * labels into the cases of a switch inside a dispatch loop; `goto L` (from this list or a block
 * nested in it: Go's goto never jumps into a block) sets the state to L's case and continues the
 * loop, cases falling through in order otherwise. Each goto is a preemption point like a loop's
 * back edge. Simplified: an unlabeled break/continue of an enclosing loop directly in such a list
 * is not supported (it would stop at the dispatch loop).
 */
function gotoBlock(c: Compiler, stmts: Node[]): string {
  const fn = c.fn!;
  const loop = c.id('G');
  const state = c.id('g');
  const targets = fn.gotoTargets!;
  const mine: string[] = [];
  let idx = 0;
  for (const k of stmts) {
    if (k.name === 'LabeledStatement' && fn.gotoLabels!.has(text(k.kids[0]!))) {
      const l = text(k.kids[0]!);
      targets.set(l, { loop, state, idx: ++idx });
      mine.push(l);
    }
  }
  for (const k of stmts) {
    const b = outerBreak(k);
    if (b) c.unsupported(b, 'an unlabeled break or continue in a statement list with goto labels');
  }
  let out = `let ${state} = 0; ${loop}: for (;;) { switch (${state}) {\ncase 0:\n`;
  for (const k of stmts) {
    if (k.name === 'LabeledStatement' && fn.gotoLabels!.has(text(k.kids[0]!))) out += `case ${targets.get(text(k.kids[0]!))!.idx}:\n`;
    out += varDecls(stmt(c, k));
  }
  for (const l of mine) targets.delete(l);
  return out + '}\nbreak; }\n';
}

const noLine = /\$L\.(?:w64|wu64|add64|addu64|sub64|subu64|mul64|mulu64|band|bor|bxor|bandnot|bnot|i2f|lo32)\(/g;
/** Prefix a compiled simple statement with its line and cost. */
function simple(c: Compiler, n: Node, code: string): string {
  const cost = c.nsOf(Math.max(1, c.ops));
  c.ops = 0;
  c.stmtNs.set(n, cost);
  const needLine = /yield|\$L\.|\.|\[/.test(code.replace(noLine, ''));
  return `${needLine ? `$f.l = ${c.line(n)}; ` : ''}$S.c += ${cost}; ${code}\n`;
}

export function stmt(c: Compiler, n: Node): string {
  c.ops = 0;
  try {
    return stmt1(c, n);
  } catch (e) {
    if (e instanceof CompileError && !(e instanceof Unsupported)) {
      // the rest of the statement is not checked: the names it uses count as used (no follow-on
      // "declared but not used" or "imported and not used", which go build, checking on, does not report)
      const uses = (k: Node): void => {
        if (k.name === 'VariableName') {
          const o = c.scope.lookup(text(k));
          if (o) o.used = true;
        }
        k.kids.forEach(uses);
      };
      uses(n);
      if (!(e instanceof Silent)) {
        c.errors.push({ node: e.node ?? n, msg: e.message });
        if (c.errors.length > 10) throw e;
      }
      // names a failed declaration would have declared exist from here on (no follow-on errors)
      const defs: Node[] = [];
      const collect = (k: Node): void => {
        if (k.name === 'DefName') defs.push(k);
        if (k.name === 'VarSpec' || k.name === 'SpecList') k.kids.forEach(collect);
      };
      if (n.name === 'VarDecl') n.kids.forEach(collect);
      for (const d of defs) if (!c.scope.m.has(text(d))) c.declare(d, { kind: 'var', name: text(d), t: tInvalid, js: '', used: true, node: d });
      return '';
    }
    throw e;
  }
}

function stmt1(c: Compiler, n: Node): string {
  switch (n.name) {
    case 'ExprStatement': {
      const e = n.kids[0]!;
      const v = c.expr(e);
      const isCall = e.name === 'CallExpr' || v.n?.name === 'CallExpr' || (e.name === 'UnaryExp' && text(e.kids[0]!) === '<-') || e.name === 'ParenthesizedExpr';
      if (!isCall || v.mode === 'type') c.fail(e, `${exprString(e)} (${v.mode === 'const' ? (v.t.k === 'basic' && v.t.name.startsWith('untyped') ? `${v.t.name} constant` : `constant of type ${ts(v.t)}`) : `value of type ${ts(v.t)}`}) is not used`);
      return simple(c, n, `${v.c};`);
    }
    case 'VarDecl':
      return varDecl(c, n);
    case 'ConstDecl':
      constDecl(c, n);
      return '';
    case 'TypeDecl':
      localTypes(c, n);
      return '';
    case 'Assignment': {
      const opn = n.kids.find((k) => k.name === 'UpdateOp' || k.name === '=' || k.name === ':=')!;
      if (opn.name === 'UpdateOp') return simple(c, n, assignOp(c, n, text(opn)));
      return simple(c, n, assign(c, n));
    }
    case 'IncDecStatement': {
      const op = text(n.kids[1]!);
      return simple(c, n, assignOp(c, n, op === '++' ? '+=' : '-=', true));
    }
    case 'SendStatement': {
      const ch = c.expr(n.kids[0]!);
      const u = underlying(ch.t);
      if (u.k !== 'chan') c.fail(n, `invalid operation: cannot send to non-channel ${describe(c, ch)}`);
      if (u.dir === 'recv') c.fail(n, `invalid operation: cannot send to receive-only channel ${describe(c, ch)}`);
      const v = convert(c, c.expr(n.kids[n.kids.length - 1]!), u.elem, 'send');
      return simple(c, n, `yield* $op({k: $K.Send, ch: $L.sendCheck(${ch.c}), v: ${v}});`);
    }
    case 'Block':
      return `{\n${block(c, n.kids)}}\n`;
    case 'IfStatement':
      return ifStmt(c, n);
    case 'ForStatement':
      return breakable(c, true, () => (n.kids.some((k) => k.name === 'RangeClause') ? rangeStmt(c, n, null) : forStmt(c, n, null)));
    case 'SwitchStatement':
      return breakable(c, false, () => switchStmt(c, n, null));
    case 'TypeSwitchStatement':
      return breakable(c, false, () => typeSwitchStmt(c, n, null));
    case 'SelectStatement':
      return breakable(c, false, () => selectStmt(c, n, null));
    case 'LabeledStatement': {
      const l = text(n.kids[0]!);
      const s = n.kids[n.kids.length - 1]!;
      const js = `L_${l}`;
      c.fn!.labels.set(l, js);
      c.fn!.rangeFunc?.inner.add(js);
      let code: string;
      if (s.name === 'ForStatement') code = breakable(c, true, () => (s.kids.some((k) => k.name === 'RangeClause') ? rangeStmt(c, s, js) : forStmt(c, s, js)));
      else if (s.name === 'SwitchStatement') code = breakable(c, false, () => switchStmt(c, s, js));
      else if (s.name === 'TypeSwitchStatement') code = breakable(c, false, () => typeSwitchStmt(c, s, js));
      else if (s.name === 'SelectStatement') code = breakable(c, false, () => selectStmt(c, s, js));
      // `L: }`: a label on the empty statement (the label is the node's only kid). A label on any
      // other statement is only a goto target (Go's break/continue name a for, switch or select), and
      // the statement stays in the list's scope: `L: c := 3` declares c for the statements after it.
      else code = n.kids.length === 1 ? '' : stmt(c, s);
      c.fn!.labels.delete(l);
      return code;
    }
    case 'GotoStatement': {
      const kw = text(n).split(/\s/)[0]!;
      const ln = kid(n, 'LabelName');
      if (kw === 'goto') {
        const tg = ln ? c.fn!.gotoTargets?.get(text(ln)) : undefined;
        // gosyntax/branches.ts reports undefined labels and jumps into blocks first (gc's checkBranches)
        if (!tg) c.fail(ln ?? n, `goto ${ln ? text(ln) : ''} jumps into block`);
        if (c.fn!.rangeFunc) c.unsupported(n, 'goto inside the body of a range-over-func loop');
        return `{ ${tg.state} = ${tg.idx}; ${yieldCheck} continue ${tg.loop}; }\n`;
      }
      if (ln) {
        const js = c.fn!.labels.get(text(ln));
        if (!js) c.fail(ln, `invalid ${kw} label ${text(ln)}`);
        return rangeFuncBranch(c, kw as 'break' | 'continue', js) ?? `${kw} ${js};\n`;
      }
      return rangeFuncBranch(c, kw as 'break' | 'continue', null) ?? `${kw};\n`;
    }
    case 'ReturnStatement':
      return returnStmt(c, n);
    case 'GoStatement':
      return goDefer(c, n, true);
    case 'DeferStatement':
      return goDefer(c, n, false);
    case 'FallthroughStatement':
      return '/*fallthrough*/\n';
    case 'EmptyStatement':
      return '';
    default:
      c.unsupported(n, `statement ${n.name}`);
  }
}

function ifStmt(c: Compiler, n: Node): string {
  c.pushScope();
  let pre = '';
  const parts = n.kids.filter((k) => k.name !== 'if' && k.name !== 'else' && k.name !== ';');
  // [init] cond Block [else (Block|IfStatement)]
  let i = 0;
  const isInit = parts.length >= 3 && parts[1]!.name !== 'Block';
  if (isInit) pre = stmt(c, parts[i++]!);
  c.ops = 0;
  const cv = c.expr(parts[i++]!);
  if (!isBoolean(cv.t)) c.fail(cv.n, `non-boolean condition in if statement`);
  const cost = c.nsOf(Math.max(1, c.ops));
  c.stmtNs.set(n, cost);
  const thenB = block(c, parts[i++]!.kids);
  let els = '';
  const e = parts[i];
  if (e) els = e.name === 'IfStatement' ? ` else {\n${ifStmt(c, e)}}` : ` else {\n${block(c, e.kids)}}`;
  c.popScope();
  const line = /yield|\$L\.|\.|\[/.test(cv.c.replace(noLine, '')) ? `$f.l = ${c.line(n)}; ` : '';
  return `{ ${pre}${line}$S.c += ${cost};\nif (${cv.c}) {\n${thenB}}${els}\n}\n`;
}

function returnStmt(c: Compiler, n: Node): string {
  const fn = c.fn!;
  const sig = fn.sig;
  const vals = n.kids.filter((k) => k.name !== 'return');
  let code: string;
  if (vals.length === 0) {
    if (sig.results.length > 0 && !fn.resVars) c.fail(n, `not enough return values\n\thave ()\n\twant (${sig.results.map(ts).join(', ')})`);
    const rf = rangeFuncReturn(c, null);
    if (rf !== null) return simple(c, n, rf);
    if (sig.results.length > 0 && fn.resVars && !fn.hasDefer) code = sig.results.length === 1 ? `return ${fn.resVars[0]};` : `return [${fn.resVars.join(', ')}];`;
    else code = 'return;';
    return simple(c, n, code);
  }
  let vs: Val[] = vals.map((v) => c.expr(v));
  let codes: string[];
  if (vs.length === 1 && vs[0]!.mode === 'tuple' && sig.results.length > 1) {
    const tv = c.id('m');
    c.lets.push(tv);
    const types = vs[0]!.tuple!;
    if (types.length !== sig.results.length) c.fail(n, `${types.length > sig.results.length ? 'too many' : 'not enough'} return values`);
    codes = types.map((t, i) => convert(c, { c: i === 0 ? `(${tv} = ${vs[0]!.c})[0]` : `${tv}[${i}]`, t, mode: 'value', n: vals[0]! }, sig.results[i]!, 'return statement'));
  } else {
    if (vs.length !== sig.results.length) {
      const have = vs.map((v) => (v.mode === 'const' && v.t.k === 'basic' && v.t.name.startsWith('untyped') && v.t.name !== 'untyped string' && v.t.name !== 'untyped bool' ? 'number' : ts(defaultType(v.t))));
      c.fail(vals[0]!, `${vs.length > sig.results.length ? 'too many' : 'not enough'} return values\n\thave (${have.join(', ')})\n\twant (${sig.results.map(ts).join(', ')})`);
    }
    codes = vs.map((v, i) => convert(c, v, sig.results[i]!, 'return statement'));
  }
  vs = [];
  const rf = rangeFuncReturn(c, codes);
  if (rf !== null) return simple(c, n, rf);
  if (fn.hasDefer) {
    const rv = fn.resVars!;
    if (codes.length === 1) code = `${rv[0]} = ${codes[0]}; return;`;
    else {
      const tmp = codes.map(() => c.id('v'));
      code = `{ ${codes.map((x, i) => `const ${tmp[i]} = ${x};`).join(' ')} ${rv.map((r, i) => `${r} = ${tmp[i]};`).join(' ')} return; }`;
    }
  } else code = codes.length === 1 ? `return ${codes[0]};` : `return [${codes.join(', ')}];`;
  return simple(c, n, code);
}

/** go / defer: evaluate the function value and arguments now, run the call later. */
function goDefer(c: Compiler, n: Node, isGo: boolean): string {
  const callN = n.kids[n.kids.length - 1]!;
  if (callN.name !== 'CallExpr' && callN.name !== 'Conversion') c.fail(callN, `expression in ${isGo ? 'go' : 'defer'} must be function call`);
  c.hoist = [];
  let v: Val;
  try {
    v = c.expr(callN);
  } finally {
    // (restored below)
  }
  const pre = c.hoist.join(' ');
  c.hoist = null;
  // name of the started function for the runtime (traceback's startfn)
  const fnN = callN.kids[0]!;
  let name = text(fnN);
  let entryLine = 0;
  let entryArgs = false;
  let entryFile = c.path(n);
  // The callee cannot be nil (a function literal or a declared function): see `direct` below.
  let neverNil = false;
  if (fnN.name === 'FunctionLiteral') {
    neverNil = true;
    name = c.fn!.parent ? `${c.fn!.name}.${c.fn!.closures}` : `${c.fn!.name}.func${c.fn!.closures}`;
    entryLine = c.line(fnN);
    const ps = fnN.kids.find((k) => k.name === 'Parameters');
    entryArgs = !!ps && ps.kids.some((k) => k.name === 'Parameter');
  } else if (!name.includes('.')) {
    const o = c.scope.lookup(name);
    if (o && o.kind === 'func' && o.node) {
      neverNil = true;
      entryLine = c.line(o.node);
      entryFile = c.path(o.node);
      entryArgs = (o.t as FuncType).params.length > 0;
    }
    name = `main.${name}`;
  } else if (fnN.name === 'SelectorExpr' && c.scope.lookup(text(fnN.kids[0]!))?.kind !== 'pkg') name = `main.${name.split('.').pop()}`;
  // `defer recover()`: the builtin deferred (rt/goroutine.ts deferredRecover)
  const thunk = !isGo && v.c === '$R.recover()' ? 'function* () { $R.deferredRecover(); }' : `function* () { ${v.c}; }`;
  if (isGo) {
    // A call of a Go function compiles to `(yield* <make the callee's generator>)` with its
    // arguments already hoisted into `pre`: the new goroutine can then start on the callee's own
    // generator, made at the go statement (a generator runs nothing before its first next()),
    // instead of a thunk generator delegating every op of the goroutine's life to it. Only for a
    // callee that cannot be nil: `go f()` with a nil func value panics in the NEW goroutine
    // (go1.19 wraps the call in a closure, main.main.func1), which the thunk reproduces.
    const direct = neverNil ? /^\(yield\* (.*)\)$/s.exec(v.c) : null;
    const start = direct !== null && !direct[1]!.includes('yield') ? `() => ${direct[1]}` : thunk;
    return simple(c, n, `{ ${pre} yield* $op($R.goOp(${start}, ${JSON.stringify(name)}, ${entryLine}, ${entryArgs}, ${JSON.stringify(entryFile)})); }`);
  }
  return simple(c, n, `{ ${pre} $d.push(${thunk}); }`);
}

function varDecl(c: Compiler, n: Node): string {
  if (n.kids.some((k) => k.name === ':=')) return simple(c, n, define(c, n));
  let out = '';
  for (const spec of n.kids.filter((k) => k.name === 'VarSpec')) out += simple(c, spec, varSpec(c, spec, false));
  if (!n.kids.some((k) => k.name === 'VarSpec') && n.kids.some((k) => k.name === 'SpecList')) {
    for (const spec of kid(n, 'SpecList')!.kids.filter((k) => k.name === 'VarSpec')) out += simple(c, spec, varSpec(c, spec, false));
  }
  return out;
}

/** var a, b T = x, y (local or global). Returns the JS code. */

/** The called function's name as go1.19 prints it in "f returns 2 values". */
export function callName(n: Node): string {
  return n.name === 'CallExpr' ? text(n.kids[0]!) : text(n);
}
