/**
 * Escape analysis, as far as the emitted code needs it: go1.26's stack-allocated first append.
 *
 * What it models. Since go1.26 the compiler gives an `append` whose result does not escape a
 * stack-allocated backing store of 32 bytes (cmd/compile/internal/ssagen/ssa.go (*state).append and
 * getBackingStoreInfo: K = base.Debug.VariableMakeThreshold (32) / the element's size, for elements of
 * 1–32 bytes). At the first such append site of a slice variable (info.usedStatic: one site per
 * variable, in source order), the first time in a call of the function (`used`, false at the
 * function's entry) that the append must grow an EMPTY slice to a length ≤ K, the slice becomes
 * store[:len:K] — so `var s []int; s = append(s, 1)` has cap 4 on go1.26 where go1.19 gives 1, and a
 * []byte gets cap 32. Every other growth is growslice's (rt/slices.ts append). Verified on go1.26.8:
 * a loop-local `var s []int` gets cap 4 in the first iteration only (the flag is per call), an append
 * of more than K elements at once grows normally, a second append site of the same variable (after
 * `s = nil`) grows normally.
 *
 * Which variables. Go's escape analysis proves the append's result does not escape; this module
 * proves it for the simplest case only — a variable declared in the function (or a parameter) whose
 * every use there is `len(s)`, `cap(s)`, `s[i]` (read or assigned), `range s`, `s == nil` /
 * `s != nil`, `s = nil` or `s = append(s, …)` — and not used in a function literal. Any other use
 * (passed to a function, assigned elsewhere, sliced, its address taken, returned, converted to an
 * interface) counts as escaping, so the append grows as before: right for a slice that really
 * escapes (`fmt.Println(s)` later: go1.26.8 grows it 1, 2, 4 …), and a known difference where go1.26's
 * analysis does better (a call that does not leak its argument) or its second strategy applies (a
 * slice that escapes only by `return s`: slice/slice.go's move2heap, which walks the 32-byte buffer
 * one size class at a time — caps 1, 2, 3, 4 for []int on go1.26.8).
 */
import { type Node, text } from './syntax.js';

/** The stack backing store's size: cmd/compile base.Debug.VariableMakeThreshold's default (base/flag.go). */
export const stackAppendBytes = 32;

/** The built-ins whose use of a slice keeps it local (their result is an int). */
const lenCap = new Set(['len', 'cap']);

/** The non-token kids of a node (the parser keeps `=`, `(`, `,` … as leaf kids named as their text). */
function operands(n: Node): Node[] {
  return n.kids.filter((k) => k.kids.length > 0 || /^[A-Z]/.test(k.name));
}

/** Whether n is the identifier `nil`. */
function isNil(n: Node | undefined): boolean {
  return n !== undefined && (n.name === 'Nil' || (n.name === 'VariableName' && text(n) === 'nil'));
}

/** Whether call is `append(name, …)` with a fixed number of elements (not `append(s, t...)`). */
function isSelfAppend(call: Node | undefined, name: string): boolean {
  if (call === undefined || call.name !== 'CallExpr') return false;
  const callee = call.kids[0];
  const args = call.kids.find((k) => k.name === 'Arguments');
  if (callee?.name !== 'VariableName' || text(callee) !== 'append' || args === undefined) return false;
  if (args.kids.some((k) => text(k) === '...')) return false;
  const first = operands(args)[0];
  return first?.name === 'VariableName' && text(first) === name;
}

/** `name = rhs` with one variable on each side (an Assignment of three kids: lhs, `=`, rhs). */
function isSimpleAssign(a: Node, name: string): Node | null {
  if (a.name !== 'Assignment' || a.kids.length !== 3 || text(a.kids[1]!) !== '=') return null;
  const lhs = a.kids[0]!;
  return lhs.name === 'VariableName' && text(lhs) === name ? a.kids[2]! : null;
}

/** Whether the use of variable `id` (a VariableName) with its ancestors `up` (parent first) keeps the slice local. */
function localUse(id: Node, up: Node[]): boolean {
  const name = text(id);
  const p = up[0];
  if (p === undefined) return false;
  switch (p.name) {
    case 'Arguments': {
      const call = up[1];
      if (call?.name !== 'CallExpr') return false;
      const callee = call.kids[0]!;
      const args = operands(p);
      if (callee.name === 'VariableName' && lenCap.has(text(callee)) && args.length === 1) return true;
      // the slice appended to, the result assigned back to it: s = append(s, …)
      if (args[0] === id && isSelfAppend(call, name) && up[2] !== undefined && isSimpleAssign(up[2], name) === call) return true;
      return false;
    }
    case 'IndexExpr':
      return p.kids[0] === id;
    case 'RangeClause':
      return p.kids[p.kids.length - 1] === id;
    case 'BinaryExp': {
      const ops = p.kids;
      if (ops.length !== 3 || !['==', '!='].includes(text(ops[1]!))) return false;
      return isNil(ops[0] === id ? ops[2] : ops[0]);
    }
    case 'Assignment': {
      const rhs = isSimpleAssign(p, name);
      return rhs !== null && p.kids[0] === id && (isNil(rhs) || isSelfAppend(rhs, name));
    }
    default:
      return false;
  }
}

/** Nodes that open a scope of their own (a block, and the statements whose header declares variables). */
const scopeNodes = new Set(['Block', 'ForStatement', 'IfStatement', 'SwitchStatement', 'TypeSwitchStatement', 'SelectStatement', 'CommClause', 'CaseClause', 'TypeCaseClause']);

/** One declared variable of the function: where it is declared, whether it escapes, its one stack-store append site. */
interface Decl {
  from: number;
  escapes: boolean;
  site: number;
}

/**
 * The append sites of a function body that take go1.26's stack backing store: for each local
 * variable (or parameter, `params`) whose every use keeps it local, the source offset (`from`) of its
 * first `name = append(name, …)` in source order. Uses are resolved to declarations with Go's block
 * scoping (a shadowing declaration in an inner block is a variable of its own, with its own site); a
 * use inside a function literal counts as escaping.
 */
export function stackAppendSites(body: Node, params: readonly string[]): Set<number> {
  const all: Decl[] = [];
  const scopes: Map<string, Decl>[] = [new Map()];
  for (const p of params) {
    const d: Decl = { from: -1, escapes: false, site: -1 };
    all.push(d);
    scopes[0]!.set(p, d);
  }
  const lookup = (name: string, at: number): Decl | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const d = scopes[i]!.get(name);
      if (d !== undefined && d.from < at) return d;
    }
    return undefined;
  };
  const up: Node[] = [];
  const walk = (n: Node, inLiteral: boolean): void => {
    if (n.name === 'DefName' && !inLiteral) {
      const d: Decl = { from: n.from, escapes: false, site: -1 };
      all.push(d);
      scopes[scopes.length - 1]!.set(text(n), d);
    } else if (n.name === 'VariableName') {
      const nm = text(n);
      const d = lookup(nm, n.from);
      if (d !== undefined) {
        if (inLiteral || !localUse(n, up)) d.escapes = true;
        else if (d.site < 0 && up[0]?.name === 'Arguments' && operands(up[0])[0] === n && up[1] !== undefined && isSelfAppend(up[1], nm)) d.site = up[1].from;
      }
    }
    const opens = scopeNodes.has(n.name);
    if (opens) scopes.push(new Map());
    up.unshift(n);
    for (const k of n.kids) walk(k, inLiteral || n.name === 'FunctionLiteral');
    up.shift();
    if (opens) scopes.pop();
  };
  walk(body, false);
  const sites = new Set<number>();
  for (const d of all) if (!d.escapes && d.site >= 0) sites.add(d.site);
  return sites;
}
