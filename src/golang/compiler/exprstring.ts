/**
 * How the type checker writes an expression in an error message: cmd/compile/internal/syntax's
 * printer in ShortForm (syntax.String, go1.19.8 and go1.26.8 printer.go), which types2's operand and
 * error texts use — not the source as typed. Binary operators get a blank on each side (`a + b` for
 * `a+b`), arguments and list elements ", ", a composite literal's elements and a function literal's
 * body become "…" (`[]int{…}[0]`, `func(x int) int {…}(a)`; empty ones stay `{}`), and a parameter
 * list groups names as written (`func(x, y int)`).
 *
 * Simplified: struct and interface types are their source text with white space collapsed (the
 * printer's own layout of field lists is not reproduced); a node kind this module does not know is
 * its source text. Pure: reads the syntax tree only.
 */
import { text, type Node } from './syntax.js';

/** The syntax printer's ShortForm string of an expression or type node. */
export function exprString(n: Node): string {
  const k = n.kids;
  switch (n.name) {
    case 'BinaryExp':
      return `${exprString(k[0]!)} ${text(k[1]!)} ${exprString(k[2]!)}`;
    case 'UnaryExp':
      return text(k[0]!) + exprString(k[1]!);
    case 'ParenthesizedExpr':
      return `(${k.map(exprString).join(', ')})`;
    case 'CallExpr':
    case 'Conversion': {
      const args = n.name === 'Conversion' ? k.slice(1) : (k[1]?.kids ?? []);
      const list: string[] = [];
      for (const a of args) {
        if (a.name === '...') list[list.length - 1] += '...';
        else list.push(exprString(a));
      }
      return `${exprString(k[0]!)}(${list.join(', ')})`;
    }
    case 'SelectorExpr':
      return `${exprString(k[0]!)}.${text(k[1]!)}`;
    case 'QualifiedType':
      return k.map(text).join('.');
    case 'IndexExpr':
      return `${exprString(k[0]!)}[${k.slice(1).map(exprString).join(', ')}]`;
    case 'ParameterizedExpr':
    case 'ParameterizedType':
      return `${exprString(k[0]!)}[${(k[1]?.kids ?? []).map(exprString).join(', ')}]`;
    case 'SliceExpr':
      return `${exprString(k[0]!)}[${k
        .slice(1)
        .map((x) => (x.name === ':' ? ':' : exprString(x)))
        .join('')}]`;
    case 'TypeAssertion':
      return `${exprString(k[0]!)}.(${k[1] ? exprString(k[1]) : 'type'})`;
    case 'TypedLiteral': {
      const body = k[1];
      return `${exprString(k[0]!)}{${body && body.kids.length > 0 ? '…' : ''}}`;
    }
    case 'FunctionLiteral': {
      const body = k[k.length - 1]!;
      return `${signature(k.slice(1, -1))} {${body.kids.length > 0 ? '…' : ''}}`;
    }
    case 'FunctionType':
      return signature(k.slice(1));
    case 'SliceType':
      return k[0]?.name === '...' ? `[...]${exprString(k[1]!)}` : `[]${exprString(k[0]!)}`;
    case 'ArrayType':
      return `[${exprString(k[0]!)}]${exprString(k[1]!)}`;
    case 'PointerType':
      return `*${exprString(k[k.length - 1]!)}`;
    case 'MapType':
      return `map[${exprString(k[1]!)}]${exprString(k[2]!)}`;
    case 'ChannelType': {
      const elem = exprString(k[k.length - 1]!);
      if (k[0]?.name === '<-') return `<-chan ${elem}`;
      return k[1]?.name === '<-' ? `chan<- ${elem}` : `chan ${elem}`;
    }
    case 'StructType':
    case 'InterfaceType':
      return text(n).replace(/\s+/g, ' ');
    default:
      return text(n);
  }
}

/** `func(x, y int) (int, error)` from a FunctionLiteral's or FunctionType's Parameters nodes. */
function signature(lists: Node[]): string {
  const params = lists[0] ? paramList(lists[0]) : '';
  const res = lists[1];
  if (res === undefined) return `func(${params})`;
  if (res.name !== 'Parameters') return `func(${params}) ${exprString(res)}`;
  // one unnamed result is printed bare
  const only = res.kids.length === 1 && res.kids[0]!.kids.length === 1 ? res.kids[0]!.kids[0]! : null;
  return `func(${params}) ${only ? exprString(only) : `(${paramList(res)})`}`;
}

function paramList(ps: Node): string {
  return ps.kids
    .filter((p) => p.name === 'Parameter')
    .map((p) => {
      const names = p.kids.filter((x) => x.name === 'DefName').map(text);
      const rest = p.kids.filter((x) => x.name !== 'DefName');
      const t = rest.map((x) => (x.name === '...' ? '...' : exprString(x))).join('');
      return names.length ? `${names.join(', ')} ${t}` : t;
    })
    .join(', ');
}
