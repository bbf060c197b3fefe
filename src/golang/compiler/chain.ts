/**
 * Loop-carried dependency chains (cost model: cost.ts chainAlu, chainMul, chainFloat).
 *
 * The statements' counted operations (stmt.ts) price a loop at the throughput of its operations: what
 * the CPU does when an iteration's operations do not wait for each other. A loop whose iteration needs
 * the previous iteration's result — a hash (`h ^= uint64(c); h *= prime`), a random-number generator
 * (`x = x*a + c`), an accumulator shifted into itself — cannot overlap its iterations: each costs at
 * least the latency of the chain of operations from a variable's value at the iteration's start to its
 * new value (an imul 3 cycles, an add, logic op or shift 1, a float add or multiply 3,
 * a load from L1 4–5; conformance/programs/cpu_chain_costs.go). The loop's head then charges what the chain takes beyond
 * the operations' throughput: an iteration costs max(throughput, chain).
 *
 * The chain is found on the loop's body as written: a straight line of assignments, op-assignments,
 * ++/--, short variable declarations, ifs (both branches, the longer chain), breaks and continues, over variables and
 * constants. Each expression's value is a vector of latencies, one per variable of the loop whose
 * value at the iteration's start it depends on (the longest path); an operation adds its latency to
 * its operands' vectors. At the end, a variable declared outside the body whose new value depends on its
 * own old value through L ns is a chain of L per iteration; two variables depending on each other
 * (`a, b = b, a+b`) a chain of half their round trip. The loop's own range key and value are new each
 * iteration; a body-declared variable is not carried.
 *
 * A load whose address depends on the chain continues it at L1's latency: a table lookup
 * (`crc = tab[byte(crc)^c] ^ crc>>8`) or a pointer chase (`p = p.next`).
 *
 * Simplified (charged at throughput only, as before): a load's cache misses (every load hits L1: a
 * pointer chase through a large structure is far slower in real Go), store-to-load forwarding through
 * memory (a store does not feed a later load of the same element), divisions (their latency passes
 * through uncounted), map lookups (a new chain), loops holding a call, a nested loop, a switch or a
 * select (the inner loop charges its own chain), and chains through more than two variables. A multiplication by a constant costs what
 * Go's amd64 rules make of it: a power of two a shift, 3, 5, 9, 2ⁿ±1 and those times a power of two
 * LEA/shift pairs (two ALU latencies), any other an imul.
 */
import type { Node } from './syntax.js';
import { text, kid } from './syntax.js';
import type { Compiler } from '../core.js';
import { isFloat, underlying, type Type } from '../types.js';

/** The latencies a chain is made of (ns). */
export interface ChainLatencies {
  /** An integer add, subtract, logic operation, shift, negation or comparison. */
  alu: number;
  /** An integer multiply (imul). */
  mul: number;
  /** A float add, subtract or multiply (and an int↔float conversion). */
  float: number;
  /** A load through a pointer (`p.f`, `*p`: load-to-use from L1). */
  load: number;
  /** A load of an indexed element (`a[i]`, `s[i]`: a scaled address, from L1). */
  indexLoad: number;
}

/** A value: per carried variable, the longest latency from its value at the iteration's start. */
interface Val {
  v: Map<string, number>;
  float: boolean;
}

class Abort extends Error {}

const empty = (float = false): Val => ({ v: new Map(), float });

function plus(a: Val, lat: number, float = a.float): Val {
  const v = new Map<string, number>();
  for (const [k, l] of a.v) v.set(k, l + lat);
  return { v, float };
}

function join(a: Val, b: Val, lat: number, float: boolean): Val {
  const v = new Map<string, number>();
  for (const x of [a, b]) for (const [k, l] of x.v) v.set(k, Math.max(v.get(k) ?? -Infinity, l + lat));
  return { v, float };
}

function isFloatType(t: Type | undefined): boolean {
  return t !== undefined && isFloat(underlying(t));
}

/** The ALU latencies (1 or 2) of a multiplication by the constant `k` that Go's amd64 rules rewrite, else 0 (an imul). */
function constMulAlus(k: bigint): number {
  if (k < 0n) k = -k;
  const pow2 = (x: bigint): boolean => x > 0n && (x & (x - 1n)) === 0n;
  if (k === 0n || pow2(k)) return 1;
  if (k === 3n || k === 5n || k === 9n) return 1;
  if (pow2(k + 1n) || pow2(k - 1n) || pow2(k - 2n) || pow2(k - 4n) || pow2(k - 8n)) return 2;
  for (const f of [3n, 5n, 9n]) if (k % f === 0n && (pow2(k / f) || k / f === 3n || k / f === 5n || k / f === 9n)) return 2;
  return 0;
}

function intLiteral(n: Node): bigint | null {
  while (n.name === 'ParenthesizedExpr') n = n.kids[0]!;
  if (n.name !== 'Number') return null;
  const s = text(n).replace(/_/g, '');
  if (/^0[xXbBoO]/.test(s) || /^\d+$/.test(s)) {
    try {
      return BigInt(/^0\d/.test(s) ? `0o${s.slice(1)}` : s);
    } catch {
      return null;
    }
  }
  return null;
}

class Chains {
  /** Values assigned so far this iteration. */
  env = new Map<string, Val>();
  /** Variables declared in the body (not carried). */
  local = new Set<string>();
  constructor(
    private c: Compiler,
    private lat: ChainLatencies,
    /** Variables the loop itself sets each iteration (range key and value). */
    private fresh: Set<string>,
  ) {}

  read(name: string): Val {
    const got = this.env.get(name);
    if (got) return got;
    if (name === '_' || this.fresh.has(name) || this.local.has(name)) return empty();
    const o = this.c.scope.lookup(name);
    if (!o) return empty();
    if (o.kind === 'const') return empty(typeof o.cv === 'number' && !Number.isInteger(o.cv));
    if (o.kind !== 'var') return empty();
    return { v: new Map([[name, 0]]), float: isFloatType(o.t) };
  }

  expr(n: Node): Val {
    switch (n.name) {
      case 'Number':
        return empty(/[.eE]/.test(text(n)) && !/^0[xX]/.test(text(n)));
      case 'Rune':
      case 'String':
      case 'Bool':
      case 'Nil':
        return empty();
      case 'VariableName':
        return this.read(text(n));
      case 'ParenthesizedExpr':
        return this.expr(n.kids[0]!);
      case 'UnaryExp': {
        const op = text(n.kids[0]!);
        if (op === '<-') throw new Abort();
        const x = this.expr(n.kids[1]!);
        if (op === '&') return empty();
        if (op === '*') return x.v.size > 0 ? plus(x, this.lat.load, false) : empty();
        return plus(x, op === '-' && x.float ? 0 : op === '+' ? 0 : this.lat.alu);
      }
      case 'BinaryExp': {
        const [ln, opn, rn] = n.kids as [Node, Node, Node];
        return this.binary(ln, text(opn), rn, opn.name === 'CompareOp');
      }
      case 'CallExpr':
      case 'Conversion': {
        // a conversion T(x): free between integers, a cvtsi2sd/cvttsd2si between an integer and a float
        const f = n.kids[0]!;
        const args = kid(n, 'Arguments');
        if (f.name !== 'VariableName' || !args || args.kids.length !== 1) throw new Abort();
        const o = this.c.scope.lookup(text(f));
        if (o?.kind === 'builtin' && (text(f) === 'len' || text(f) === 'cap')) {
          this.expr(args.kids[0]!);
          return empty();
        }
        if (!o || o.kind !== 'type') throw new Abort();
        const x = this.expr(args.kids[0]!);
        const toFloat = isFloatType(o.t);
        return plus(x, toFloat !== x.float ? this.lat.float : 0, toFloat);
      }
      case 'IndexExpr': {
        // a load whose address depends on the index: the chain goes on through it (a table lookup,
        // `x = tab[x&1023]`), at L1's latency; a map's index is a call (its own cost, no chain)
        const base = this.expr(n.kids[0]!);
        const idx = this.expr(n.kids[1]!);
        if (this.baseKind(n.kids[0]!) === 'map') return empty(this.loadIsFloat(n));
        const v = join(base, idx, this.lat.indexLoad, this.loadIsFloat(n));
        return v;
      }
      case 'SelectorExpr': {
        // p.f through a pointer: a load on the chain (a linked list's `p = p.next`); a struct value's
        // field or a package's name starts a new chain
        const x = n.kids[0]!;
        if (x.name !== 'VariableName') {
          this.expr(x);
          return empty();
        }
        const kind = this.baseKind(x);
        if (kind === 'pkg' || kind === 'other') return empty();
        const v = this.read(text(x));
        return v.v.size > 0 ? plus(v, this.lat.load, false) : empty();
      }
      default:
        throw new Abort();
    }
  }

  /** What a name used as a selector's or index's base is: a package, a map, a pointer, or 'other' (a struct value…); 'local' for a body-declared variable (its type is not known here). */
  private baseKind(x: Node): 'pkg' | 'map' | 'ptr' | 'local' | 'other' {
    if (x.name !== 'VariableName') return 'other';
    if (this.local.has(text(x))) return 'local';
    const o = this.c.scope.lookup(text(x));
    if (!o) return 'other';
    if (o.kind === 'pkg') return 'pkg';
    if (o.kind !== 'var') return 'other';
    const u = underlying(o.t);
    return u.k === 'map' ? 'map' : u.k === 'ptr' ? 'ptr' : 'other';
  }

  private loadIsFloat(n: Node): boolean {
    if (n.name === 'IndexExpr' && n.kids[0]?.name === 'VariableName') {
      const o = this.local.has(text(n.kids[0])) ? undefined : this.c.scope.lookup(text(n.kids[0]));
      const u = o && o.kind === 'var' ? underlying(o.t) : undefined;
      if (u && (u.k === 'slice' || u.k === 'array')) return isFloatType((u as { elem: Type }).elem);
    }
    return false;
  }

  assign(lhs: Node, v: Val): void {
    if (lhs.name === 'VariableName' || lhs.name === 'DefName') {
      this.env.set(text(lhs), v);
      return;
    }
    if (lhs.name === 'IndexExpr' || lhs.name === 'SelectorExpr' || lhs.name === 'UnaryExp') {
      this.expr(lhs); // a store: its index operands must not call
      return;
    }
    throw new Abort();
  }

  stmt(n: Node): void {
    switch (n.name) {
      case 'EmptyStatement':
        return;
      case 'IncDecStatement': {
        const x = n.kids[0]!;
        this.assign(x, plus(this.expr(x), this.lat.alu));
        return;
      }
      case 'Assignment': {
        const i = n.kids.findIndex((k) => k.name === 'UpdateOp' || k.name === '=' || k.name === ':=');
        const opn = n.kids[i]!;
        const lhs = n.kids.slice(0, i);
        const rhs = n.kids.slice(i + 1);
        if (opn.name === 'UpdateOp') {
          this.assign(lhs[0]!, this.binary(lhs[0]!, text(opn).slice(0, -1), rhs[0]!, false));
          return;
        }
        if (opn.name === ':=') for (const l of lhs) this.local.add(text(l));
        this.multi(lhs, rhs);
        return;
      }
      case 'VarDecl': {
        const i = n.kids.findIndex((k) => k.name === ':=');
        if (i >= 0) {
          const lhs = n.kids.slice(0, i);
          for (const l of lhs) this.local.add(text(l));
          this.multi(lhs, n.kids.slice(i + 1));
          return;
        }
        // var x [T] [= e]: each spec
        const specs: Node[] = [];
        const collect = (k: Node): void => {
          if (k.name === 'VarSpec') specs.push(k);
          else if (k.name === 'SpecList') k.kids.forEach(collect);
        };
        n.kids.forEach(collect);
        for (const s of specs) {
          const names = s.kids.filter((k) => k.name === 'DefName');
          for (const d of names) this.local.add(text(d));
          const eq = s.kids.findIndex((k) => k.name === '=');
          if (eq < 0) for (const d of names) this.env.set(text(d), empty());
          else this.multi(names, s.kids.slice(eq + 1));
        }
        return;
      }
      case 'IfStatement': {
        const parts = n.kids.filter((k) => k.name !== 'if' && k.name !== 'else' && k.name !== ';');
        let i = 0;
        if (parts.length >= 3 && parts[1]!.name !== 'Block') this.stmt(parts[i++]!);
        this.expr(parts[i++]!);
        const before = new Map(this.env);
        const thenB = parts[i++]!;
        this.block(thenB.kids);
        const afterThen = this.env;
        this.env = new Map(before);
        const e = parts[i];
        if (e) {
          if (e.name === 'IfStatement') this.stmt(e);
          else this.block(e.kids);
        }
        for (const [k, v] of afterThen) {
          const o = this.env.get(k);
          this.env.set(k, o ? join(o, v, 0, o.float || v.float) : v);
        }
        return;
      }
      case 'Block':
        this.block(n.kids);
        return;
      case 'GotoStatement':
        // break and continue change no value (the chain is the longest path through the body); goto is not followed
        if (/^(break|continue)\b/.test(text(n))) return;
        throw new Abort();
      default:
        throw new Abort();
    }
  }

  /** `l op r` (an op-assignment's operator without its `=`). */
  private binary(ln: Node, op: string, rn: Node, compare: boolean): Val {
    const l = this.expr(ln);
    const r = this.expr(rn);
    if (op === '&&' || op === '||' || compare) return join(l, r, this.lat.alu, false);
    const float = l.float || (r.float && op !== '<<' && op !== '>>');
    if (float) return join(l, r, op === '/' ? 0 : this.lat.float, true);
    if (op === '*') {
      const k = intLiteral(rn) ?? intLiteral(ln);
      const alus = k === null ? 0 : constMulAlus(k);
      return join(l, r, alus ? alus * this.lat.alu : this.lat.mul, false);
    }
    if (op === '/' || op === '%') return join(l, r, 0, false);
    return join(l, r, this.lat.alu, false);
  }

  block(kids: Node[]): void {
    // a nested block's declarations are its own: names declared in it are not carried either
    for (const k of kids) if (!['{', '}', ';', 'LineComment', 'BlockComment', ':'].includes(k.name)) this.stmt(k);
  }

  multi(lhs: Node[], rhs: Node[]): void {
    if (lhs.length !== rhs.length) {
      // v, ok := m[k], a call's results…: new values
      for (const r of rhs) this.expr(r);
      for (const l of lhs) this.assign(l, empty());
      return;
    }
    const vals = rhs.map((r) => this.expr(r));
    lhs.forEach((l, i) => this.assign(l, vals[i]!));
  }

  /** The longest chain per iteration (ns) through the carried variables. */
  chain(): number {
    let best = 0;
    const carried = [...this.env.keys()].filter((k) => !this.local.has(k) && !this.fresh.has(k) && k !== '_');
    for (const u of carried) {
      const vu = this.env.get(u)!.v;
      best = Math.max(best, vu.get(u) ?? 0);
      for (const w of carried) {
        if (w === u) continue;
        const uw = vu.get(w);
        const wu = this.env.get(w)!.v.get(u);
        if (uw !== undefined && wu !== undefined) best = Math.max(best, (uw + wu) / 2);
      }
    }
    return best;
  }
}

/**
 * The latency (ns) of the longest loop-carried dependency chain of one iteration of a loop whose body
 * is `stmts` (the post statement last), or 0 when the body holds what the analysis does not follow.
 * `fresh`: the variables the loop itself sets each iteration. Called with the loop's scope current.
 */
export function loopChainNs(c: Compiler, stmts: Node[], fresh: Set<string>, lat: ChainLatencies): number {
  const ch = new Chains(c, lat, fresh);
  try {
    ch.block(stmts);
  } catch (e) {
    if (e instanceof Abort) return 0;
    throw e;
  }
  return ch.chain();
}

/**
 * The least a pass through `stmts` charges (ns: what compilation recorded per statement, stmt.ts; an if
 * its condition and its cheaper branch), or null when it holds a statement not recorded.
 */
function leastNs(c: Compiler, stmts: Node[]): number {
  let ns = 0;
  for (const n of stmts) {
    if (['{', '}', ';', 'LineComment', 'BlockComment', ':', 'EmptyStatement'].includes(n.name)) continue;
    if (n.name === 'Block') {
      ns += leastNs(c, n.kids);
      continue;
    }
    if (n.name === 'IfStatement') {
      const parts = n.kids.filter((k) => k.name !== 'if' && k.name !== 'else' && k.name !== ';');
      let i = 0;
      if (parts.length >= 3 && parts[1]!.name !== 'Block') ns += leastNs(c, [parts[i++]!]);
      i++;
      const thenNs = leastNs(c, parts[i++]!.kids);
      const e = parts[i];
      const elseNs = e ? leastNs(c, e.name === 'IfStatement' ? [e] : e.kids) : 0;
      ns += (c.stmtNs.get(n) ?? 0) + Math.min(thenNs, elseNs);
      continue;
    }
    ns += c.stmtNs.get(n) ?? 0;
  }
  return ns;
}

/**
 * What a loop's head charges per iteration beyond its counted operations (ns): the chain's latency
 * beyond the iteration's least throughput (`headNs` and the body's cheapest path's charges), so that an
 * iteration costs at least its chain. Called after the body (`stmts`, the post statement last) is compiled.
 */
export function chainExtraNs(c: Compiler, chainNs: number, headNs: number, stmts: Node[]): number {
  if (chainNs <= 0) return 0;
  return Math.max(0, chainNs - headNs - leastNs(c, stmts));
}
