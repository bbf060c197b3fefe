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

export function parseFile(f: SourceFile): { root: Node; errors: ParseError[] } {
  const tree = parser.parse(f.text);
  const errors: ParseError[] = [];
  const conv = (sn: SyntaxNode): Node => {
    const kids: Node[] = [];
    for (let c = sn.firstChild; c !== null; c = c.nextSibling) {
      if (c.type.isError) {
        errors.push({ from: c.from, msg: syntaxMsg(f, c) });
        continue;
      }
      if (drop.has(c.name) && !((c.name === ':' && sn.name === 'SliceExpr') || (c.name === ';' && sn.name === 'ForClause'))) continue;
      kids.push(conv(c));
    }
    return { name: sn.name, from: sn.from, to: sn.to, kids, file: f };
  };
  const root = conv(tree.topNode);
  return { root, errors };
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
