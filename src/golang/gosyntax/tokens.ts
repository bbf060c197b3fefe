/**
 * Go's tokens and operators as cmd/compile/internal/syntax numbers them (tokens.go, the same in
 * go1.19 and go1.26): the scanner produces them, the parser's follow sets are sets of them, and the
 * syntax error messages print them by these strings (token_string.go, Operator.String).
 */

/** syntax.token: _EOF … _Var, in tokens.go's order (keywords last: _Break.._Var). */
export enum T {
  EOF = 1,
  Name,
  Literal,
  Operator,
  AssignOp,
  IncOp,
  Assign,
  Define,
  Arrow,
  Star,
  Lparen,
  Lbrack,
  Lbrace,
  Rparen,
  Rbrack,
  Rbrace,
  Comma,
  Semi,
  Colon,
  Dot,
  DotDotDot,
  Break,
  Case,
  Chan,
  Const,
  Continue,
  Default,
  Defer,
  Else,
  Fallthrough,
  For,
  Func,
  Go,
  Goto,
  If,
  Import,
  Interface,
  Map,
  Package,
  Range,
  Return,
  Select,
  Struct,
  Switch,
  Type,
  Var,
}

/** token_string.go: what `tok.String()` prints. */
const tokenNames: readonly string[] = [
  '',
  'EOF',
  'name',
  'literal',
  'op',
  'op=',
  'opop',
  '=',
  ':=',
  '<-',
  '*',
  '(',
  '[',
  '{',
  ')',
  ']',
  '}',
  ',',
  ';',
  ':',
  '.',
  '...',
  'break',
  'case',
  'chan',
  'const',
  'continue',
  'default',
  'defer',
  'else',
  'fallthrough',
  'for',
  'func',
  'go',
  'goto',
  'if',
  'import',
  'interface',
  'map',
  'package',
  'range',
  'return',
  'select',
  'struct',
  'switch',
  'type',
  'var',
];

export function tokenString(t: T): string {
  return tokenNames[t]!;
}

/** Keyword spellings → tokens (scanner.go's keywordMap). */
export const keywords: ReadonlyMap<string, T> = new Map(tokenNames.map((s, i) => [s, i as T] as const).filter(([, t]) => t >= T.Break));

/** syntax.Operator (tokens.go), printed by Operator.String (operator_string.go). */
export enum Op {
  None = 0,
  Def,
  Not,
  Recv,
  Tilde,
  OrOr,
  AndAnd,
  Eql,
  Neq,
  Lss,
  Leq,
  Gtr,
  Geq,
  Add,
  Sub,
  Or,
  Xor,
  Mul,
  Div,
  Rem,
  And,
  AndNot,
  Shl,
  Shr,
}

const opNames: readonly string[] = ['', ':', '!', '<-', '~', '||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '|', '^', '*', '/', '%', '&', '&^', '<<', '>>'];

export function opString(o: Op): string {
  return opNames[o]!;
}

/** Operator precedences (tokens.go: precOrOr … precMul). */
export enum Prec {
  None = 0,
  OrOr,
  AndAnd,
  Cmp,
  Add,
  Mul,
}

/** syntax.LitKind */
export enum LitKind {
  Int,
  Float,
  Imag,
  Rune,
  String,
}
