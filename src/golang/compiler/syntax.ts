/**
 * Parser glue: @lezer/go's concrete syntax tree, wrapped as light `Node`s (name, text, position,
 * children without punctuation) that the checker/compiler walks. Lezer's error nodes become Go
 * syntax errors.
 *
 * This is the "AST" layer: Lezer nodes are typed by name; `Node` keeps only what the compiler uses.
 * It is built once per file (not per evaluation), so the compiled code never touches it.
 */
import { parser } from '@lezer/go';
import type { SyntaxNode } from '@lezer/common';

export interface Node {
  name: string;
  from: number;
  to: number;
  kids: Node[];
  file: SourceFile;
}

export class SourceFile {
  readonly lineStarts: number[] = [0];
  constructor(
    readonly name: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
  pos(off: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    // Go columns count bytes.
    const lineText = this.text.slice(this.lineStarts[lo]!, off);
    return { line: lo + 1, col: new TextEncoder().encode(lineText).length + 1 };
  }
}

/** Punctuation and keyword nodes dropped from `kids` (kept: operators that carry meaning). */
const drop = new Set(['(', ')', '[', ']', '{', '}', ',', ';', '.', ':', 'LineComment', 'BlockComment']);

export function text(n: Node): string {
  return n.file.text.slice(n.from, n.to);
}

export interface ParseError {
  from: number;
  msg: string;
}

/**
 * @lezer/go reads `if err == io.EOF {` / `for range t.C {` as a composite literal of type io.EOF.
 * Go does not (composite literals need parentheses in control clauses). Before parsing, such a
 * trailing qualified identifier is parenthesised in place of two spaces — `if err ==(io.EOF){` —
 * which keeps every offset (and so every line:column) unchanged.
 */
export function protectHeaders(src: string): string {
  return src.replace(/^([ \t]*(?:\}[ \t]*else[ \t]+)?(?:if|for|switch)(?:[ \t][^\n{]*?)?)([ \t])([^ \t\n(]*?[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+)[ \t]\{([ \t]*(?:\/\/[^\n]*)?)$/gm, (_m, head: string, _sp: string, operand: string, tail: string) => `${head}(${operand}){${tail}`);
}

/**
 * @lezer/go does not insert the automatic semicolon after `true`/`false` at the end of a line
 * (Go does: they are identifiers). Outside strings and comments they are replaced, for the parser
 * only, by identifiers of the same length (`ŧrue`, one UTF-16 unit for `t`), so offsets stay
 * the same; the compiler reads names from the original text, where they are `true`/`false` again.
 */
export function protectBools(src: string): string {
  let out = '';
  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i]!;
    if (ch === '/' && src[i + 1] === '/') {
      const j = src.indexOf('\n', i);
      const e = j < 0 ? n : j;
      out += src.slice(i, e);
      i = e;
    } else if (ch === '/' && src[i + 1] === '*') {
      const j = src.indexOf('*/', i + 2);
      const e = j < 0 ? n : j + 2;
      out += src.slice(i, e);
      i = e;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && src[j] !== ch && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '`') {
      const j = src.indexOf('`', i + 1);
      const e = j < 0 ? n : j + 1;
      out += src.slice(i, e);
      i = e;
    } else if ((ch === 't' || ch === 'f') && !/[\w.$\u0080-\uffff]/.test(src[i - 1] ?? ' ')) {
      const m = /^(true|false)(?![\w\u0080-\uffff])/.exec(src.slice(i, i + 6));
      if (m) {
        out += '\u0167' + m[1]!.slice(1);
        i += m[1]!.length;
      } else {
        out += ch;
        i++;
      }
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * @lezer/go parses `F[A, B]` (an instantiation with several type arguments) only as the callee of a
 * call; used as a value (`f := F[int, string]`, `g(F[A, B])`) its error recovery derails the rest of
 * the statement and the next one. For the parser only, such an instantiation of a generic function
 * declared in the file is written `F(A, B)` (same length, so offsets and lines are unchanged), and
 * parseFile turns that call back into the instantiation (`at`: the offsets of the rewritten `[`).
 */
export function protectInstances(src: string): { src: string; at: Set<number> } {
  const at = new Set<number>();
  const funcs = new Set([...src.matchAll(/^func[ \t]+([A-Za-z_]\w*)[ \t]*\[/gm)].map((m) => m[1]!));
  if (funcs.size === 0) return { src, at };
  const out = src.split('');
  const n = src.length;
  for (let i = 0; i < n; i++) {
    const ch = src[i]!;
    if (ch === '/' && src[i + 1] === '/') {
      const j = src.indexOf('\n', i);
      i = j < 0 ? n : j;
    } else if (ch === '/' && src[i + 1] === '*') {
      const j = src.indexOf('*/', i + 2);
      i = j < 0 ? n : j + 1;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < n && src[j] !== ch && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      i = j;
    } else if (ch === '`') {
      const j = src.indexOf('`', i + 1);
      i = j < 0 ? n : j;
    } else if (ch === '[') {
      const name = /([A-Za-z_]\w*)$/.exec(src.slice(Math.max(0, i - 64), i))?.[1];
      if (!name || !funcs.has(name) || /func[ \t]+$/.test(src.slice(Math.max(0, i - name.length - 16), i - name.length))) continue;
      let depth = 0;
      let comma = false;
      let j = i;
      for (; j < n; j++) {
        const d = src[j]!;
        if (d === '(' || d === '[' || d === '{') depth++;
        else if (d === ')' || d === ']' || d === '}') {
          if (--depth === 0) break;
        } else if (d === ',' && depth === 1) comma = true;
        else if (d === '"' || d === '`' || d === "'" || d === '/') break;
      }
      if (!comma || src[j] !== ']') continue;
      let k = j + 1;
      while (src[k] === ' ' || src[k] === '\t') k++;
      if (src[k] === '(') continue;
      out[i] = '(';
      out[j] = ')';
      at.add(i);
    }
  }
  return { src: out.join(''), at };
}

export function parseFile(f: SourceFile): { root: Node; errors: ParseError[] } {
  const inst = protectInstances(protectHeaders(protectBools(f.text)));
  const tree = parser.parse(inst.src);
  const errors: ParseError[] = [];
  const conv = (sn: SyntaxNode): Node => {
    const kids: Node[] = [];
    let typeOperand = false;
    for (let c = sn.firstChild; c !== null; c = c.nextSibling) {
      if (c.type.isError) {
        // @lezer/go does not insert the automatic semicolon after true/false at the end of a
        // line: it recovers with an empty error node. Go accepts that code.
        if (c.from === c.to) {
          const m = /(true|false)([ \t]*(\/\/[^\n]*)?\n\s*|[ \t]*)$/.exec(f.text.slice(Math.max(0, c.from - 300), c.from));
          if (m && (m[2]!.includes('\n') || /^\s*[})]/.test(f.text.slice(c.to)))) continue;
        }
        // `for range x {` (no iteration variables) is valid Go that the grammar rejects.
        if (sn.name === 'ForStatement' && f.text.slice(c.from, c.to).trim() === 'range') {
          const next = c.nextSibling;
          if (next) {
            const nerr = errors.length;
            let x = conv(next);
            if (x.name === 'Conversion' && x.kids[0]?.name === 'ParenthesizedType' && x.kids.length === 1) {
              // `for range(a.b){` (see protectHeaders): a parenthesised selector
              errors.length = nerr;
              const q = x.kids[0].kids[0]!;
              const sel = (t: Node): Node =>
                t.name === 'QualifiedType' ? { ...t, name: 'SelectorExpr', kids: [sel(t.kids[0]!), { ...t.kids[t.kids.length - 1]!, name: 'FieldName' }] } : t.name === 'TypeName' ? { ...t, name: 'VariableName' } : t;
              x = { ...x, name: 'ParenthesizedExpr', kids: [sel(q)] };
            }
            kids.push({ name: 'RangeClause', from: c.from, to: next.to, kids: [{ name: 'range', from: c.from, to: c.to, kids: [], file: f }, x], file: f });
            c = next;
            continue;
          }
        }
        // `interface{ M() }.M` (a method expression on a type literal): the grammar takes the type
        // for a conversion missing its `(…)` (an empty error node last in it, a `.` after it)
        if (sn.name === 'Conversion' && c.from === c.to && c.nextSibling === null && sn.nextSibling?.name === '.') {
          typeOperand = true;
          continue;
        }
        errors.push({ from: c.from, msg: syntaxMsg(f, c) });
        continue;
      }
      if (drop.has(c.name) && !((c.name === ':' && sn.name === 'SliceExpr') || (c.name === ';' && sn.name === 'ForClause'))) continue;
      // `F(A, B)` written for `F[A, B]` by protectInstances: the instantiation
      const args = c.name === 'CallExpr' ? c.lastChild : null;
      if (args && args.name === 'Arguments' && inst.at.has(args.from)) {
        const fn = conv(c.firstChild!);
        const targs = conv(args);
        kids.push({ name: 'ParameterizedExpr', from: c.from, to: c.to, kids: [fn, { ...targs, name: 'TypeArgs' }], file: f });
        continue;
      }
      kids.push(conv(c));
    }
    if (typeOperand && kids.length === 1) return kids[0]!;
    return { name: sn.name, from: sn.from, to: sn.to, kids, file: f };
  };
  const root = fix(conv(tree.topNode));
  return { root, errors };
}

// ---- re-association of expressions
// @lezer/go resolves binary operators and postfix operations (selector, call, index, slice,
// assertion) with the wrong precedence in some cases (`a + b.c` becomes `(a + b).c`), and
// unary operators likewise. Every expression tree is rebuilt with Go's rules: postfix operations
// bind to the nearest operand, unary operators bind tighter than binary ones, binary operators by
// Go's five precedence levels, left-associative.
const postfix = new Set(['SelectorExpr', 'CallExpr', 'IndexExpr', 'SliceExpr', 'TypeAssertion']);
const binPrec: Record<string, number> = { '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5, '+': 4, '-': 4, '|': 4, '^': 4, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '&&': 2, '||': 1 };

function needsFix(n: Node): boolean {
  if (n.name === 'BinaryExp') return n.kids.length === 3;
  if (postfix.has(n.name) && n.kids[0] && (n.kids[0].name === 'BinaryExp' || n.kids[0].name === 'UnaryExp')) return true;
  if (n.name === 'UnaryExp' && n.kids[1] && n.kids[1].name === 'BinaryExp') return true;
  return false;
}
function fix(n: Node): Node {
  for (let i = 0; i < n.kids.length; i++) n.kids[i] = fix(n.kids[i]!);
  if (!needsFix(n)) return n;
  return climb(flatten(n), { i: 0 }, 0);
}
/** Attach postfix node n (with its first operand replaced) to `operand`. */
function applyPostfix(n: Node, operand: Node): Node {
  if (operand.name === 'UnaryExp') return { ...operand, to: n.to, kids: [operand.kids[0]!, applyPostfix(n, operand.kids[1]!)] };
  return { ...n, from: operand.from, kids: [operand, ...n.kids.slice(1)] };
}
function flatten(n: Node): Node[] {
  if (n.name === 'BinaryExp' && n.kids.length !== 3) return [n];
  if (n.name === 'BinaryExp') return [...flatten(n.kids[0]!), n.kids[1]!, ...flatten(n.kids[2]!)];
  if (postfix.has(n.name) && n.kids[0]) {
    const k0 = n.kids[0];
    if (k0.name === 'BinaryExp') {
      const items = flatten(k0);
      const last = items.pop()!;
      items.push(applyPostfix(n, last));
      return items;
    }
    if (k0.name === 'UnaryExp') return flatten(applyPostfix(n, k0));
  }
  if (n.name === 'UnaryExp' && n.kids[1] && n.kids[1].name === 'BinaryExp') {
    const items = flatten(n.kids[1]);
    const first = items[0]!;
    items[0] = { ...n, to: first.to, kids: [n.kids[0]!, first] };
    return items;
  }
  return [n];
}
function climb(items: Node[], pos: { i: number }, minPrec: number): Node {
  let left = items[pos.i++]!;
  for (;;) {
    const op = items[pos.i];
    if (!op) break;
    const p = binPrec[text(op)] ?? 0;
    if (p <= minPrec - 1 || p < minPrec || p === 0) break;
    pos.i++;
    const right = climb(items, pos, p + 1);
    left = { name: 'BinaryExp', from: left.from, to: right.to, kids: [left, op, right], file: left.file };
  }
  return left;
}

function syntaxMsg(f: SourceFile, c: SyntaxNode): string {
  const near = f.text.slice(c.from, Math.min(c.to, c.from + 20)).split('\n')[0]!.trim();
  if (c.from >= f.text.length || near === '') return 'syntax error: unexpected EOF';
  return `syntax error: unexpected ${near}`;
}

export function kid(n: Node, name: string): Node | undefined {
  return n.kids.find((k) => k.name === name);
}
export function kidsNamed(n: Node, name: string): Node[] {
  return n.kids.filter((k) => k.name === name);
}
