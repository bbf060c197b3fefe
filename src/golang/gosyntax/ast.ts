/**
 * The syntax tree the Go syntax checker builds (cmd/compile/internal/syntax nodes.go, reduced to what
 * the parser's decisions and error messages read): node kinds keep nodes.go's names, `pos` is where
 * the parser put it (an Operation's is its operator's, a CallExpr's its `(`, a SelectorExpr's its
 * `.`), `startPos` is positions.go's StartPos, and `nodeString` prints a node like syntax.String
 * (printer.go's ShortForm: function and composite literal bodies as `…`), which some messages quote.
 *
 * One interface with optional fields rather than one type per node: the tree lives only while a file
 * is checked, and no later pass reads it.
 */
import { type Pos } from './scanner.js';
import { T, Op, LitKind, opString, tokenString } from './tokens.js';

export type Kind =
  // expressions
  | 'BadExpr'
  | 'Name'
  | 'BasicLit'
  | 'CompositeLit'
  | 'KeyValueExpr'
  | 'FuncLit'
  | 'ParenExpr'
  | 'SelectorExpr'
  | 'IndexExpr'
  | 'SliceExpr'
  | 'AssertExpr'
  | 'TypeSwitchGuard'
  | 'Operation'
  | 'CallExpr'
  | 'ListExpr'
  // types
  | 'ArrayType'
  | 'SliceType'
  | 'DotsType'
  | 'StructType'
  | 'Field'
  | 'InterfaceType'
  | 'FuncType'
  | 'MapType'
  | 'ChanType'
  // statements
  | 'EmptyStmt'
  | 'LabeledStmt'
  | 'BlockStmt'
  | 'ExprStmt'
  | 'SendStmt'
  | 'DeclStmt'
  | 'AssignStmt'
  | 'BranchStmt'
  | 'CallStmt'
  | 'ReturnStmt'
  | 'IfStmt'
  | 'ForStmt'
  | 'SwitchStmt'
  | 'SelectStmt'
  | 'RangeClause'
  | 'CaseClause'
  | 'CommClause'
  // declarations
  | 'ImportDecl'
  | 'ConstDecl'
  | 'TypeDecl'
  | 'VarDecl'
  | 'FuncDecl';

/** Channel directions (nodes.go ChanDir). */
export const SendOnly = 1;
export const RecvOnly = 2;

export interface Node {
  k: Kind;
  pos: Pos;
  /** Name, BasicLit: the text */
  value?: string;
  lit?: LitKind;
  bad?: boolean;
  op?: Op;
  /** first operand: Operation.X, SelectorExpr/IndexExpr/SliceExpr/AssertExpr/ParenExpr/TypeSwitchGuard.X,
   *  CallExpr.Fun, KeyValueExpr.Key, MapType.Key, SendStmt.Chan, AssignStmt/RangeClause.Lhs, ExprStmt.X */
  x?: Node | null;
  /** second operand: Operation.Y, KeyValueExpr.Value, MapType.Value, SendStmt.Value, AssignStmt.Rhs, RangeClause.X */
  y?: Node | null;
  /** SelectorExpr.Sel, TypeSwitchGuard.Lhs, LabeledStmt/BranchStmt.Label, Field.Name */
  name?: Node | null;
  /** AssertExpr.Type, CompositeLit.Type, FuncLit.Type, Field.Type, Array/Slice/Dots/ChanType.Elem, ArrayType.Len (in `len`) */
  type?: Node | null;
  len?: Node | null;
  index?: Node | null;
  /** SliceExpr.Index */
  idx?: (Node | null)[];
  full?: boolean;
  /** CallExpr.ArgList, CompositeLit.ElemList, ListExpr.ElemList, BlockStmt.List, CaseClause.Body… */
  list?: Node[];
  dots?: boolean;
  nkeys?: number;
  /** StructType.FieldList, InterfaceType.MethodList, FuncType.ParamList */
  fields?: Node[];
  results?: Node[];
  dir?: number;
  body?: Node | null;
  /** ForStmt/IfStmt/SwitchStmt.Init, ForStmt.Post */
  init?: Node | null;
  cond?: Node | null;
  post?: Node | null;
  els?: Node | null;
  /** SwitchStmt.Body, SelectStmt.Body: the clauses */
  clauses?: Node[];
  /** BranchStmt/CallStmt token */
  tok?: T;
  def?: boolean;
  /** LabeledStmt.Stmt */
  stmt?: Node | null;
  /** Name of a const/type/var/func declaration */
  names?: Node[];
  /** BlockStmt.Rbrace */
  rbrace?: Pos;
}

export function node(k: Kind, pos: Pos, fields: Partial<Node> = {}): Node {
  return { k, pos, ...fields };
}

/** nodes.go unparen */
export function unparen(x: Node): Node {
  while (x.k === 'ParenExpr') x = x.x!;
  return x;
}

/** positions.go StartPos (go1.26 also descends into a KeyValueExpr's key: `keyValue`). */
export function startPos(n: Node, keyValue: boolean): Pos {
  for (let m: Node = n; ; ) {
    switch (m.k) {
      case 'CompositeLit':
        if (m.type) {
          m = m.type;
          continue;
        }
        return m.pos;
      case 'KeyValueExpr':
        if (!keyValue) return m.pos;
        m = m.x!;
        continue;
      case 'SelectorExpr':
      case 'IndexExpr':
      case 'AssertExpr':
      case 'CallExpr':
      case 'SendStmt':
      case 'AssignStmt':
        m = m.x!;
        continue;
      case 'TypeSwitchGuard':
        m = m.name ?? m.x!;
        continue;
      case 'Operation':
        if (m.y) {
          m = m.x!;
          continue;
        }
        return m.pos;
      case 'ListExpr':
        if (m.list!.length > 0) {
          m = m.list![0]!;
          continue;
        }
        return m.pos;
      case 'RangeClause':
        m = m.x ?? m.y!;
        continue;
      default:
        return m.pos;
    }
  }
}

/**
 * syntax.String: the node printed on one line, function and composite literal bodies as `…`.
 * Covers the expressions, types and simple statements that parser messages quote.
 */
export function nodeString(n: Node | null | undefined): string {
  if (!n) return '';
  const s = nodeString;
  const list = (l: Node[] | undefined): string => (l ?? []).map(s).join(', ');
  switch (n.k) {
    case 'BadExpr':
      return '<bad expr>';
    case 'Name':
    case 'BasicLit':
      return n.value!;
    case 'FuncLit':
      return `${s(n.type)} {${n.body && n.body.list!.length > 0 ? '…' : ''}}`;
    case 'CompositeLit':
      return `${s(n.type)}{${n.list!.length > 0 ? '…' : ''}}`;
    case 'ParenExpr':
      return `(${s(n.x)})`;
    case 'SelectorExpr':
      return `${s(n.x)}.${s(n.name)}`;
    case 'IndexExpr':
      return `${s(n.x)}[${s(n.index)}]`;
    case 'SliceExpr': {
      const [i, j, k] = n.idx!;
      return `${s(n.x)}[${s(i)}:${s(j)}${k ? ':' + s(k) : ''}]`;
    }
    case 'AssertExpr':
      return `${s(n.x)}.(${s(n.type)})`;
    case 'TypeSwitchGuard':
      return `${n.name ? s(n.name) + ' := ' : ''}${s(n.x)}.(type)`;
    case 'CallExpr':
      return `${s(n.x)}(${list(n.list)}${n.dots ? '...' : ''})`;
    case 'Operation':
      if (!n.y) {
        // printer.go separates tokens that would otherwise combine (`- -x`, `<- <-c`)
        const o = opString(n.op!);
        const x = s(n.x);
        return o + (x.startsWith(o[o.length - 1]!) && (o === '-' || o === '+' || o === '&' || o === '<-') ? ' ' : '') + x;
      }
      return `${s(n.x)} ${opString(n.op!)} ${s(n.y)}`;
    case 'KeyValueExpr':
      return `${s(n.x)}: ${s(n.y)}`;
    case 'ListExpr':
      return list(n.list);
    case 'ArrayType':
      return `[${n.len ? s(n.len) : '...'}]${s(n.type)}`;
    case 'SliceType':
      return `[]${s(n.type)}`;
    case 'DotsType':
      return `...${s(n.type)}`;
    case 'StructType':
      return `struct{${fieldList(n.fields!, '; ')}}`;
    case 'FuncType':
      return `func${signature(n)}`;
    case 'InterfaceType':
      return `interface{${n.fields!.map((f) => (f.name ? s(f.name) + signature(f.type!) : s(f.type))).join('; ')}}`;
    case 'MapType':
      return `map[${s(n.x)}]${s(n.y)}`;
    case 'ChanType': {
      const head = (n.dir === RecvOnly ? '<-' : '') + 'chan' + (n.dir === SendOnly ? '<-' : '');
      const e = n.type!;
      return `${head} ${n.dir === 0 && e.k === 'ChanType' && e.dir === RecvOnly ? '(' + s(e) + ')' : s(e)}`;
    }
    case 'EmptyStmt':
      return '';
    case 'ExprStmt':
      return s(n.x);
    case 'SendStmt':
      return `${s(n.x)} <- ${s(n.y)}`;
    case 'AssignStmt':
      if (!n.y) return s(n.x) + opString(n.op!) + opString(n.op!);
      return `${s(n.x)} ${opString(n.op!)}= ${s(n.y)}`;
    case 'RangeClause':
      return `${n.x ? s(n.x) + (n.def ? ' := ' : ' = ') : ''}range ${s(n.y)}`;
    case 'CallStmt':
      return `${tokenString(n.tok!)} ${s(n.x)}`;
    case 'ReturnStmt':
      return n.list ? `return ${list(n.list)}` : 'return';
    case 'BranchStmt':
      return tokenString(n.tok!) + (n.name ? ' ' + s(n.name) : '');
    default:
      return n.k;
  }
}

function fieldList(fields: Node[], sep: string): string {
  // consecutive fields of one type print as `a, b T` (printer.go printFieldList groups them)
  const out: string[] = [];
  for (let i = 0; i < fields.length; ) {
    const f = fields[i]!;
    let j = i + 1;
    if (f.name) while (j < fields.length && fields[j]!.name && fields[j]!.type === f.type) j++;
    const names = fields
      .slice(i, j)
      .filter((g) => g.name)
      .map((g) => nodeString(g.name));
    out.push((names.length ? names.join(', ') + ' ' : '') + nodeString(f.type));
    i = j;
  }
  return out.join(sep);
}

function signature(t: Node): string {
  const params = `(${fieldList(t.fields ?? [], ', ')})`;
  const r = t.results ?? [];
  if (r.length === 0) return params;
  if (r.length === 1 && !r[0]!.name) return `${params} ${nodeString(r[0]!.type)}`;
  return `${params} (${fieldList(r, ', ')})`;
}
