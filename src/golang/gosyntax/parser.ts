/**
 * Go's parser as cmd/compile runs it on a file (cmd/compile/internal/syntax parser.go), for its
 * syntax errors: the same recursive descent, the same decisions (composite literals in headers via
 * `xnest`, type parameters vs. array lengths, labels, range clauses), the same messages at the same
 * positions, and the same recovery (`advance` to a follow set, stopping at statement keywords inside
 * function bodies), so that every error gc reports for a file — not only the first — is reported here.
 *
 * Where go1.26's parser.go differs from go1.19's, `SyntaxProfile` names the difference (the wording
 * "expecting" → "expected", tokens described as `name x` / `keyword for`, imports after other
 * declarations, the parameter list messages…); nothing else is copied per version.
 *
 * Invariants: errors arrive through `errh` in the order the parser finds them, each with its message
 * (syntax errors start with "syntax error: "); a file always parses to its end. The tree it builds
 * (ast.ts) is only what those decisions read, plus the statements checkBranches (branches.ts) walks.
 *
 * Simplified: pragmas (`//go:` directives) and `//line` directives are ignored.
 */
import { Scanner, type Pos, makePos } from './scanner.js';
import { T, Op, LitKind, opString, tokenString } from './tokens.js';
import { type Node, node, unparen, startPos, nodeString, SendOnly, RecvOnly } from './ast.js';

/** Where the go1.26 parser (cmd/compile/internal/syntax/parser.go) differs from go1.19's. */
export interface SyntaxProfile {
  /** "expecting" (go1.19) or "expected" (go1.26, CL 432775) in every "…, expecting X" message. */
  readonly expecting: 'expecting' | 'expected';
  /** go1.26 syntaxErrorAt/tokstring: an unexpected name prints as `name x`, a keyword as `keyword for`. */
  readonly describeTokens: boolean;
  /** go1.26 fileOrNil: imports after other declarations parse, with "imports must appear before other declarations". */
  readonly importsAnywhere: boolean;
  /** go1.26 importDecl: "import path must be a string" at the path, not at the token after it. */
  readonly importPathErrorAtPath: boolean;
  /** go1.26 funcDeclOrNil: a missing function name says "expected name" for methods and parses on. */
  readonly funcNameRecovery: boolean;
  /** go1.19 callStmt: "expression in go/defer must be function call" is the parser's (types2's in go1.26). */
  readonly callStmtNeedsCall: boolean;
  /** go1.26 pexpr: `x[]` reports "expected operand" and still parses an index expression. */
  readonly emptyIndexParses: boolean;
  /** go1.26 typeInstance: "expected type argument list"; typeList(strict). */
  readonly strictTypeList: boolean;
  /** go1.26 paramList: "missing parameter name/type", "missing type parameter name", and `...` checks. */
  readonly paramMessages126: boolean;
  /**
   * go1.19's types2 (collectParams) reports each `...T` that is not a function's final parameter as
   * "can only use ... with final parameter in list"; go1.26's paramList reports the first one.
   */
  readonly dotsInListError: boolean;
    /** go1.26 header: `cannot use assignment x = 1 as value` parenthesises only binary operands (emphasize). */
  readonly emphasizeBinaryOnly: boolean;
  /** go1.26 positions.go StartPos descends into a KeyValueExpr's key. */
  readonly startPosKeyValue: boolean;
}

export const syntax119: SyntaxProfile = {
  expecting: 'expecting',
  describeTokens: false,
  importsAnywhere: false,
  importPathErrorAtPath: false,
  funcNameRecovery: false,
  callStmtNeedsCall: true,
  emptyIndexParses: false,
  strictTypeList: false,
  paramMessages126: false,
  dotsInListError: true,
  emphasizeBinaryOnly: false,
  startPosKeyValue: false,
};

export const syntax126: SyntaxProfile = {
  expecting: 'expected',
  describeTokens: true,
  importsAnywhere: true,
  importPathErrorAtPath: true,
  funcNameRecovery: true,
  callStmtNeedsCall: false,
  emptyIndexParses: true,
  strictTypeList: true,
  paramMessages126: true,
  dotsInListError: false,
  emphasizeBinaryOnly: true,
  startPosKeyValue: true,
};

export type ParseErrorHandler = (pos: Pos, msg: string) => void;

/** parser.go stopset: statement keywords an `advance` inside a function body stops at. */
const stopset: readonly T[] = [T.Break, T.Const, T.Continue, T.Defer, T.Fallthrough, T.For, T.Go, T.Goto, T.If, T.Return, T.Select, T.Switch, T.Type, T.Var];

export class Parser extends Scanner {
  /** first error encountered (only whether there was one matters) */
  private first = false;
  /** number of errors encountered */
  errcnt = 0;
  /** function nesting level (for error handling) */
  private fnest = 0;
  /** expression nesting level (for complit ambiguity resolution) */
  private xnest = 0;
  private readonly exp: string;

  /** `onBody` is called with each function body that parsed without errors (gc's checkBranches). */
  constructor(
    src: string,
    private readonly perr: ParseErrorHandler,
    private readonly v: SyntaxProfile,
    private readonly onBody: (body: Node) => void = () => {},
  ) {
    super(src, (line, col, msg) => this.errorAt(makePos(line, col), msg));
    this.exp = v.expecting + ' ';
    this.next();
  }

  // ---- error handling (parser.go)

  private got(tok: T): boolean {
    if (this.tk() === tok) {
      this.next();
      return true;
    }
    return false;
  }
  private want(tok: T): void {
    if (!this.got(tok)) {
      this.syntaxError(this.exp + this.tokstring(tok));
      this.advance();
    }
  }
  /** `=`, or `:=` with an error (where only `=` is valid). */
  private gotAssign(): boolean {
    switch (this.tk()) {
      case T.Define:
        this.syntaxError(this.exp + '=');
        this.next();
        return true;
      case T.Assign:
        this.next();
        return true;
    }
    return false;
  }
  /** the current token (a method: TypeScript must not narrow it across `next()` calls) */
  private tk(): T {
    return this.tok;
  }
  private pos(): Pos {
    return makePos(this.line, this.col);
  }
  errorAt(pos: Pos, msg: string): void {
    this.first = true;
    this.errcnt++;
    this.perr(pos, msg);
  }
  private error(msg: string): void {
    this.errorAt(this.pos(), msg);
  }
  private syntaxError(msg: string): void {
    this.syntaxErrorAt(this.pos(), msg);
  }
  private syntaxErrorAt(pos: Pos, msg: string): void {
    if (this.tk() === T.EOF && this.first) return; // avoid meaningless follow-up errors
    if (msg === '') {
      // nothing to add
    } else if (msg.startsWith('in ') || msg.startsWith('at ') || msg.startsWith('after ')) {
      msg = ' ' + msg;
    } else if (msg.startsWith(this.exp)) {
      msg = ', ' + msg;
    } else {
      this.errorAt(pos, 'syntax error: ' + msg);
      return;
    }
    // determine token string
    let tok: string;
    switch (this.tk()) {
      case T.Name:
        tok = this.v.describeTokens ? 'name ' + this.lit : this.lit;
        break;
      case T.Semi:
        tok = this.lit;
        break;
      case T.Literal:
        tok = 'literal ' + this.lit;
        break;
      case T.Operator:
        tok = opString(this.op);
        break;
      case T.AssignOp:
        tok = opString(this.op) + '=';
        break;
      case T.IncOp:
        tok = opString(this.op) + opString(this.op);
        break;
      default:
        tok = this.tokstring(this.tk());
    }
    this.errorAt(pos, 'syntax error: unexpected ' + tok + msg);
  }
  private tokstring(tok: T): string {
    switch (tok) {
      case T.Comma:
        return 'comma';
      case T.Semi:
        return 'semicolon or newline';
    }
    const s = tokenString(tok);
    return this.v.describeTokens && tok >= T.Break ? 'keyword ' + s : s;
  }

  /**
   * Skip tokens until one of the follow list (and, inside a function, of stopset); with no list,
   * skip one token. EOF is never skipped.
   */
  private advance(...followlist: T[]): void {
    const inFollow = (t: T): boolean => t === T.EOF || followlist.includes(t) || (followlist.length > 0 && this.fnest > 0 && stopset.includes(t));
    while (!inFollow(this.tk())) {
      this.next();
      if (followlist.length === 0) break;
    }
  }

  // ---- source files

  /** SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
  fileOrNil(): void {
    if (!this.got(T.Package)) {
      this.syntaxError('package statement must be first');
      return;
    }
    this.name();
    this.want(T.Semi);
    // don't bother continuing if the package clause has errors
    if (this.first) return;
    const decls: Node[] = [];
    const top = this.v.importsAnywhere ? [T.Import, T.Const, T.Type, T.Var, T.Func] : [T.Const, T.Type, T.Var, T.Func];
    if (!this.v.importsAnywhere)
      while (this.got(T.Import)) {
        this.appendGroup(decls, () => this.importDecl());
        this.want(T.Semi);
      }
    let prev = T.Import;
    while (this.tk() !== T.EOF) {
      if (this.v.importsAnywhere) {
        if (this.tk() === T.Import && prev !== T.Import) this.syntaxError('imports must appear before other declarations');
        prev = this.tk();
      }
      switch (this.tk()) {
        case T.Import:
          if (!this.v.importsAnywhere) {
            this.topLevelStray(decls, top);
            continue;
          }
          this.next();
          this.appendGroup(decls, () => this.importDecl());
          break;
        case T.Const:
          this.next();
          this.appendGroup(decls, () => this.constDecl());
          break;
        case T.Type:
          this.next();
          this.appendGroup(decls, () => this.typeDecl());
          break;
        case T.Var:
          this.next();
          this.appendGroup(decls, () => this.varDecl());
          break;
        case T.Func: {
          this.next();
          const d = this.funcDeclOrNil();
          if (d) decls.push(d);
          break;
        }
        default:
          this.topLevelStray(decls, top);
          continue;
      }
      if (this.tk() !== T.EOF && !this.got(T.Semi)) {
        this.syntaxError('after top level declaration');
        this.advance(...top);
      }
    }
  }

  private topLevelStray(decls: Node[], top: T[]): void {
    const last = decls[decls.length - 1];
    if (this.tk() === T.Lbrace && last && last.k === 'FuncDecl' && !last.body) this.syntaxError('unexpected semicolon or newline before {');
    else this.syntaxError('non-declaration statement outside function body');
    this.advance(...top);
  }

  /** list = [ f { sep f } [sep] ] close . Returns the position of the closing token. */
  private list(context: string, sep: T, close: T, f: () => boolean): Pos {
    let done = false;
    while (this.tk() !== T.EOF && this.tk() !== close && !done) {
      done = f();
      // sep is optional before close
      if (!this.got(sep) && this.tk() !== close) {
        this.syntaxError(`in ${context}; possibly missing ${this.tokstring(sep)} or ${this.tokstring(close)}`);
        this.advance(T.Rparen, T.Rbrack, T.Rbrace);
        if (this.tk() !== close) return this.pos(); // position could be better but we had an error so we don't care
      }
    }
    const pos = this.pos();
    this.want(close);
    return pos;
  }

  /** appendGroup(f) = f | "(" { f ";" } ")" . */
  private appendGroup(list: Node[], f: () => Node | null): void {
    if (this.tk() === T.Lparen) {
      this.next();
      this.list('grouped declaration', T.Semi, T.Rparen, () => {
        const x = f();
        if (x) list.push(x);
        return false;
      });
    } else {
      const x = f();
      if (x) list.push(x);
    }
  }

  // ---- declarations

  private importDecl(): Node {
    const d = node('ImportDecl', this.pos());
    switch (this.tk()) {
      case T.Name:
        this.name();
        break;
      case T.Dot:
        this.next();
        break;
    }
    const path = this.oliteral();
    if (!path) {
      this.syntaxError('missing import path');
      this.advance(T.Semi, T.Rparen);
      return d;
    }
    if (!path.bad && path.lit !== LitKind.String) {
      if (this.v.importPathErrorAtPath) this.syntaxErrorAt(path.pos, 'import path must be a string');
      else this.syntaxError('import path must be a string');
    }
    return d;
  }

  private constDecl(): Node {
    const d = node('ConstDecl', this.pos());
    d.names = this.nameList(this.name());
    if (this.tk() !== T.EOF && this.tk() !== T.Semi && this.tk() !== T.Rparen) {
      d.type = this.typeOrNil();
      if (this.gotAssign()) d.x = this.exprList();
    }
    return d;
  }

  private typeDecl(): Node {
    const d = node('TypeDecl', this.pos());
    d.name = this.name();
    if (this.tk() === T.Lbrack) {
      // d.Name "[" ...: array/slice type or type parameter list
      const pos = this.pos();
      this.next();
      switch (this.tk()) {
        case T.Name: {
          // We may have an array type or a type parameter list.
          let x: Node = this.name();
          if (this.tk() !== T.Lbrack) {
            // To parse the expression starting with name, expand the call sequence we would get
            // by passing in name to parser.expr, and pass in name to parser.pexpr.
            this.xnest++;
            x = this.binaryExpr(this.pexpr(x, false), 0);
            this.xnest--;
          }
          const [pname, ptype] = extractName(x, this.tk() === T.Comma);
          if (pname && (ptype || this.tk() !== T.Rbrack)) {
            // d.Name "[" pname ...
            // d.Name "[" pname ptype ...
            // d.Name "[" pname ptype "," ...
            this.paramList(pname, ptype, T.Rbrack, true, false);
            this.gotAssign();
            d.type = this.typeOrNil();
          } else {
            // d.Name "[" pname "]" ...
            // d.Name "[" x ...
            d.type = this.arrayType(pos, x);
          }
          break;
        }
        case T.Rbrack:
          // d.Name "[" "]" ...
          this.next();
          d.type = this.sliceType(pos);
          break;
        default:
          // d.Name "[" ...
          d.type = this.arrayType(pos, null);
      }
    } else {
      this.gotAssign();
      d.type = this.typeOrNil();
    }
    if (!d.type) {
      d.type = this.badExpr();
      this.syntaxError('in type declaration');
      this.advance(T.Semi, T.Rparen);
    }
    return d;
  }

  private varDecl(): Node {
    const d = node('VarDecl', this.pos());
    d.names = this.nameList(this.name());
    if (this.gotAssign()) d.x = this.exprList();
    else {
      d.type = this.type_();
      if (this.gotAssign()) d.x = this.exprList();
    }
    return d;
  }

  /** FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) . MethodDecl = "func" Receiver MethodName … */
  private funcDeclOrNil(): Node | null {
    const f = node('FuncDecl', this.pos());
    let context = '';
    if (this.got(T.Lparen)) {
      context = 'method';
      const rcvr = this.paramList(null, null, T.Rparen, false, false);
      if (rcvr.length === 0) this.error('method has no receiver');
      else if (rcvr.length > 1) this.error('method has multiple receivers');
    }
    if (this.v.funcNameRecovery) {
      if (this.tk() === T.Name) {
        f.name = this.name();
        this.funcType(context);
      } else {
        this.syntaxError(context !== '' ? 'expected name' : 'expected name or (');
        this.advance(T.Lbrace, T.Semi);
      }
    } else {
      if (this.tk() !== T.Name) {
        this.syntaxError('expecting name or (');
        this.advance(T.Lbrace, T.Semi);
        return null;
      }
      f.name = this.name();
      this.funcType(context);
    }
    if (this.tk() === T.Lbrace) f.body = this.funcBody();
    return f;
  }

  private funcBody(): Node {
    this.fnest++;
    const errcnt = this.errcnt;
    const body = this.blockStmt('');
    this.fnest--;
    // Don't check branches if there were syntax errors in the function as it may lead to spurious
    // errors or crashes due to incomplete syntax trees.
    if (errcnt === this.errcnt) this.onBody(body);
    return body;
  }

  // ---- expressions

  private expr(): Node {
    return this.binaryExpr(null, 0);
  }

  /** Expression = UnaryExpr | Expression binary_op Expression . */
  private binaryExpr(x: Node | null, prec: number): Node {
    // don't trace binaryExpr - only leads to overly nested trace output
    if (!x) x = this.unaryExpr();
    while ((this.tk() === T.Operator || this.tk() === T.Star) && this.prec > prec) {
      const t = node('Operation', this.pos(), { op: this.op, x });
      const tprec = this.prec;
      this.next();
      t.y = this.binaryExpr(null, tprec);
      x = t;
    }
    return x;
  }

  /** UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
  private unaryExpr(): Node {
    switch (this.tk()) {
      case T.Operator:
      case T.Star:
        switch (this.op) {
          case Op.Mul:
          case Op.Add:
          case Op.Sub:
          case Op.Not:
          case Op.Xor:
          case Op.Tilde: {
            const x = node('Operation', this.pos(), { op: this.op });
            this.next();
            x.x = this.unaryExpr();
            return x;
          }
          case Op.And: {
            const x = node('Operation', this.pos(), { op: Op.And });
            this.next();
            // unaryExpr may have returned a parenthesized composite literal (see comment in
            // operand) - remove parentheses if any
            x.x = unparen(this.unaryExpr());
            return x;
          }
        }
        break;
      case T.Arrow: {
        const pos = this.pos();
        this.next();
        // If the next token is _Chan we still don't know if it is a channel (<-chan int) or a
        // receive op (<-chan int(ch)). We only know once we have found the end of the unaryExpr.
        const x = this.unaryExpr();
        if (x.k === 'ChanType') {
          // <-chan T: re-associate the arrow with the channel types
          let dir = SendOnly;
          let t: Node = x;
          while (dir === SendOnly) {
            if (t.k !== 'ChanType') break;
            dir = t.dir!;
            if (dir === RecvOnly) {
              // t is type <-chan E but <-<-chan E is not permitted
              // (report same error as for "type _ <-<-chan E")
              this.syntaxError(`unexpected <-, ${this.v.expecting} chan`);
              // already progressed, no need to advance
            }
            t.dir = RecvOnly;
            t = t.type!;
          }
          if (dir === SendOnly) {
            // channel dir is <- but channel element E is not a channel
            // (report same error as for "type _ <-chan<-E")
            this.syntaxError(`unexpected ${nodeString(t)}, ${this.v.expecting} chan`);
            // already progressed, no need to advance
          }
          return x;
        }
        // x is not a channel type => we have a receive op
        return node('Operation', pos, { op: Op.Recv, x });
      }
    }
    // keep_parens = true, as cmd/compile's parser does here: the parentheses must survive so that
    // "(x) := true" can be reported as an error (gc marks this with a note that it could be done
    // more cheaply; the behaviour is what matters).
    return this.pexpr(null, true);
  }

  /** callStmt parses call-like statements that can be preceded by 'defer' and 'go'. */
  private callStmt(): Node {
    const s = node('CallStmt', this.pos(), { tok: this.tk() });
    const tok = this.tk();
    this.next();
    let x = this.pexpr(null, this.tk() === T.Lparen); // keep_parens so we can report error below
    const t = unparen(x);
    if (t !== x) {
      this.errorAt(x.pos, `expression in ${tokenString(tok)} must not be parenthesized`);
      // already progressed, no need to advance
      x = t;
    }
    if (this.v.callStmtNeedsCall && x.k !== 'CallExpr') this.errorAt(x.pos, `expression in ${tokenString(tok)} must be function call`);
    s.x = x;
    return s;
  }

  /** Operand = Literal | OperandName | MethodExpr | "(" Expression ")" . */
  private operand(keepParens: boolean): Node {
    switch (this.tk()) {
      case T.Name:
        return this.name();
      case T.Literal:
        return this.oliteral()!;
      case T.Lparen: {
        const pos = this.pos();
        this.next();
        this.xnest++;
        let x = this.expr();
        this.xnest--;
        this.want(T.Rparen);
        // Optimization: Record presence of ()'s only where needed for error reporting. Don't
        // bother in other cases; it is just a waste of memory and time.
        //
        // Parentheses are not permitted around T in a composite literal T{}. If the next token is
        // a {, assume x is a composite literal type T (it may not be, { could be the opening brace
        // of a block, but we don't know yet).
        if (this.tk() === T.Lbrace) keepParens = true;
        // Parentheses are also not permitted around the expression in a go/defer statement. In
        // that case, operand is called with keep_parens set.
        if (keepParens) x = node('ParenExpr', pos, { x });
        return x;
      }
      case T.Func: {
        const pos = this.pos();
        this.next();
        const ftyp = this.funcType('function type');
        if (this.tk() === T.Lbrace) {
          this.xnest++;
          const f = node('FuncLit', pos, { type: ftyp });
          f.body = this.funcBody();
          this.xnest--;
          return f;
        }
        return ftyp;
      }
      case T.Lbrack:
      case T.Chan:
      case T.Map:
      case T.Struct:
      case T.Interface:
        return this.type_(); // othertype
      default: {
        const x = this.badExpr();
        this.syntaxError(this.exp + 'expression');
        this.advance(T.Rparen, T.Rbrack, T.Rbrace);
        return x;
      }
    }
  }

  /** pexpr parses a PrimaryExpr. If x is given, it is used as the operand. */
  private pexpr(x: Node | null, keepParens: boolean): Node {
    if (!x) x = this.operand(keepParens);
    for (;;) {
      const pos = this.pos();
      switch (this.tk()) {
        case T.Dot:
          this.next();
          switch (this.tk()) {
            case T.Name:
              x = node('SelectorExpr', pos, { x, name: this.name() });
              break;
            case T.Lparen:
              this.next();
              if (this.got(T.Type)) x = node('TypeSwitchGuard', pos, { x });
              else x = node('AssertExpr', pos, { x, type: this.type_() });
              this.want(T.Rparen);
              break;
            default:
              this.syntaxError(this.exp + 'name or (');
              this.advance(T.Semi, T.Rparen);
          }
          continue;
        case T.Lbrack: {
          this.next();
          let i: Node | null = null;
          if (!this.v.emptyIndexParses && this.tk() === T.Rbrack) {
            // invalid empty instance, slice or index expression; accept but complain
            this.syntaxError('expecting operand');
            this.next();
            continue;
          }
          if (this.tk() !== T.Colon) {
            let comma = false;
            if (this.tk() === T.Rbrack) {
              // invalid empty instance, slice or index expression; accept but complain (go1.26)
              this.syntaxError('expected operand');
              i = this.badExpr();
            } else [i, comma] = this.typeList(false);
            if (comma || this.tk() === T.Rbrack) {
              this.want(T.Rbrack);
              // x[], x[i,] or x[i, j, ...]
              x = node('IndexExpr', pos, { x, index: i });
              continue;
            }
          }
          // x[i:...
          // For better error message, don't simply use p.want(_Colon) here (issue #47704).
          if (!this.got(T.Colon)) {
            this.syntaxError(this.exp + 'comma, : or ]');
            this.advance(T.Comma, T.Colon, T.Rbrack);
          }
          this.xnest++;
          const t = node('SliceExpr', pos, { x, idx: [i, null, null], full: false });
          // x[i:j...
          if (this.tk() !== T.Colon && this.tk() !== T.Rbrack) t.idx![1] = this.expr();
          if (this.tk() === T.Colon) {
            t.full = true;
            // x[i:j:...]
            if (!t.idx![1]) {
              this.error('middle index required in 3-index slice');
              t.idx![1] = this.badExpr();
            }
            this.next();
            if (this.tk() !== T.Rbrack) {
              // x[i:j:k...
              t.idx![2] = this.expr();
            } else {
              this.error('final index required in 3-index slice');
              t.idx![2] = this.badExpr();
            }
          }
          this.xnest--;
          this.want(T.Rbrack);
          x = t;
          continue;
        }
        case T.Lparen: {
          this.next();
          const [list, dots] = this.argList();
          x = node('CallExpr', pos, { x, list, dots });
          continue;
        }
        case T.Lbrace: {
          // operand may have returned a parenthesized complit type; accept it but complain if we
          // have a complit
          const t = unparen(x);
          // determine if '{' belongs to a composite literal or a block statement
          let complitOk = false;
          switch (t.k) {
            case 'Name':
            case 'SelectorExpr':
              if (this.xnest >= 0) complitOk = true; // x is possibly a composite literal type
              break;
            case 'IndexExpr':
              if (this.xnest >= 0 && !isValue(t)) complitOk = true; // x is possibly a composite literal type
              break;
            case 'ArrayType':
            case 'SliceType':
            case 'StructType':
            case 'MapType':
              // x is a comptype
              complitOk = true;
          }
          if (!complitOk) return x;
          if (t !== x) this.syntaxError('cannot parenthesize type in composite literal');
          // already progressed, no need to advance
          const n = this.complitexpr();
          n.type = x;
          x = n;
          continue;
        }
        default:
          return x;
      }
    }
  }

  /** Element = Expression | LiteralValue . */
  private bareComplitexpr(): Node {
    if (this.tk() === T.Lbrace) {
      // '{' start_complit braced_keyval_list '}'
      return this.complitexpr();
    }
    return this.expr();
  }

  /** LiteralValue = "{" [ ElementList [ "," ] ] "}" . */
  private complitexpr(): Node {
    const x = node('CompositeLit', this.pos(), { list: [], nkeys: 0 });
    this.xnest++;
    this.want(T.Lbrace);
    this.list('composite literal', T.Comma, T.Rbrace, () => {
      // value
      let e = this.bareComplitexpr();
      if (this.tk() === T.Colon) {
        // key ':' value
        const l = node('KeyValueExpr', this.pos(), { x: e });
        this.next();
        l.y = this.bareComplitexpr();
        e = l;
        x.nkeys!++;
      }
      x.list!.push(e);
      return false;
    });
    this.xnest--;
    return x;
  }

  // ---- types

  private type_(): Node {
    let typ = this.typeOrNil();
    if (!typ) {
      typ = this.badExpr();
      this.syntaxError(this.exp + 'type');
      this.advance(T.Comma, T.Colon, T.Semi, T.Rparen, T.Rbrack, T.Rbrace);
    }
    return typ;
  }

  /** typeOrNil is like type_ but it returns nil if there was no type instead of reporting an error. */
  private typeOrNil(): Node | null {
    const pos = this.pos();
    switch (this.tk()) {
      case T.Star:
        // ptrtype
        this.next();
        return node('Operation', pos, { op: Op.Mul, x: this.type_() });
      case T.Arrow: {
        // recvchantype
        this.next();
        this.want(T.Chan);
        const t = node('ChanType', pos, { dir: RecvOnly });
        t.type = this.chanElem();
        return t;
      }
      case T.Func: {
        // fntype
        this.next();
        return this.funcType('function type');
      }
      case T.Lbrack:
        // '[' oexpr ']' ntype
        // '[' _DotDotDot ']' ntype
        this.next();
        if (this.got(T.Rbrack)) return this.sliceType(pos);
        return this.arrayType(pos, null);
      case T.Chan: {
        // _Chan non_recvchantype
        // _Chan _Comm ntype
        this.next();
        const t = node('ChanType', pos, { dir: 0 });
        if (this.got(T.Arrow)) t.dir = SendOnly;
        t.type = this.chanElem();
        return t;
      }
      case T.Map: {
        // _Map '[' ntype ']' ntype
        this.next();
        this.want(T.Lbrack);
        const t = node('MapType', pos);
        t.x = this.type_();
        this.want(T.Rbrack);
        t.y = this.type_();
        return t;
      }
      case T.Struct:
        return this.structType();
      case T.Interface:
        return this.interfaceType();
      case T.Name:
        return this.qualifiedName(null);
      case T.Lparen: {
        this.next();
        const t = this.type_();
        this.want(T.Rparen);
        return t;
      }
    }
    return null;
  }

  private typeInstance(typ: Node): Node {
    const pos = this.pos();
    this.want(T.Lbrack);
    const x = node('IndexExpr', pos, { x: typ });
    if (this.tk() === T.Rbrack) {
      this.syntaxError(this.v.strictTypeList ? 'expected type argument list' : 'expecting type');
      x.index = this.badExpr();
    } else x.index = this.typeList(true)[0];
    this.want(T.Rbrack);
    return x;
  }

  /** If context != "", type parameters are not permitted. */
  private funcType(context: string): Node {
    const typ = node('FuncType', this.pos(), { fields: [], results: [] });
    if (this.got(T.Lbrack)) {
      if (context !== '') {
        // accept but complain
        this.syntaxErrorAt(typ.pos, context + ' must have no type parameters');
      }
      if (this.tk() === T.Rbrack) {
        this.syntaxError('empty type parameter list');
        this.next();
      } else this.paramList(null, null, T.Rbrack, true, false);
    }
    this.want(T.Lparen);
    typ.fields = this.paramList(null, null, T.Rparen, false, true);
    typ.results = this.funcResult();
    return typ;
  }

  /** "[" has already been consumed, and pos is its position. If len != nil it is the already consumed array length. */
  private arrayType(pos: Pos, len: Node | null): Node {
    if (!len && !this.got(T.DotDotDot)) {
      this.xnest++;
      len = this.expr();
      this.xnest--;
    }
    if (this.tk() === T.Comma) {
      // Trailing commas are accepted in type parameter lists but not in array type declarations.
      // Accept for better error handling but complain.
      this.syntaxError(`unexpected comma; ${this.v.expecting} ]`);
      this.next();
    }
    this.want(T.Rbrack);
    const t = node('ArrayType', pos, { len });
    t.type = this.type_();
    return t;
  }

  /** "[" and "]" have already been consumed, and pos is the position of "[". */
  private sliceType(pos: Pos): Node {
    const t = node('SliceType', pos);
    t.type = this.type_();
    return t;
  }

  private chanElem(): Node {
    let typ = this.typeOrNil();
    if (!typ) {
      typ = this.badExpr();
      this.syntaxError('missing channel element type');
      // assume element type is simply absent - don't advance
    }
    return typ;
  }

  /** StructType = "struct" "{" { FieldDecl ";" } "}" . */
  private structType(): Node {
    const typ = node('StructType', this.pos(), { fields: [] });
    this.want(T.Struct);
    this.want(T.Lbrace);
    this.list('struct type', T.Semi, T.Rbrace, () => {
      this.fieldDecl(typ);
      return false;
    });
    return typ;
  }

  /** InterfaceType = "interface" "{" { ( MethodDecl | EmbeddedElem ) ";" } "}" . */
  private interfaceType(): Node {
    const typ = node('InterfaceType', this.pos(), { fields: [] });
    this.want(T.Interface);
    this.want(T.Lbrace);
    this.list('interface type', T.Semi, T.Rbrace, () => {
      let f: Node | null = null;
      if (this.tk() === T.Name) f = this.methodDecl();
      if (!f || !f.name) f = this.embeddedElem(f);
      typ.fields!.push(f);
      return false;
    });
    return typ;
  }

  /** Result = Parameters | Type . */
  private funcResult(): Node[] {
    if (this.got(T.Lparen)) return this.paramList(null, null, T.Rparen, false, false);
    const pos = this.pos();
    const typ = this.typeOrNil();
    if (typ) return [node('Field', pos, { name: null, type: typ })];
    return [];
  }

  private addField(styp: Node, pos: Pos, name: Node | null, typ: Node): void {
    styp.fields!.push(node('Field', pos, { name, type: typ }));
  }

  /** FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] . */
  private fieldDecl(styp: Node): void {
    const pos = this.pos();
    switch (this.tk()) {
      case T.Name: {
        const name = this.name();
        if (this.tk() === T.Dot || this.tk() === T.Literal || this.tk() === T.Semi || this.tk() === T.Rbrace) {
          // embedded type
          const typ = this.qualifiedName(name);
          this.oliteral();
          this.addField(styp, pos, null, typ);
          break;
        }
        // name1, name2, ... Type [ tag ]
        const names = this.nameList(name);
        let typ: Node;
        // Careful dance: We don't know if we have an embedded instantiated type T[P1, P2, ...] or
        // a field T of array/slice type [P]E or []E.
        if (names.length === 1 && this.tk() === T.Lbrack) {
          typ = this.arrayOrTArgs();
          if (typ.k === 'IndexExpr') {
            typ.x = name;
            this.oliteral();
            this.addField(styp, pos, null, typ);
            break;
          }
        } else {
          // T P
          typ = this.type_();
        }
        this.oliteral();
        for (const n of names) this.addField(styp, n.pos, n, typ);
        break;
      }
      case T.Star: {
        this.next();
        let typ: Node;
        if (this.tk() === T.Lparen) {
          // *(T)
          this.syntaxError('cannot parenthesize embedded type');
          this.next();
          typ = this.qualifiedName(null);
          this.got(T.Rparen); // no need to complain if missing
        } else {
          // *T
          typ = this.qualifiedName(null);
        }
        this.oliteral();
        this.addField(styp, pos, null, node('Operation', pos, { op: Op.Mul, x: typ }));
        break;
      }
      case T.Lparen: {
        this.syntaxError('cannot parenthesize embedded type');
        this.next();
        let typ: Node;
        if (this.tk() === T.Star) {
          // (*T)
          const pos = this.pos();
          this.next();
          typ = node('Operation', pos, { op: Op.Mul, x: this.qualifiedName(null) });
        } else {
          // (T)
          typ = this.qualifiedName(null);
        }
        this.got(T.Rparen); // no need to complain if missing
        this.oliteral();
        this.addField(styp, pos, null, typ);
        break;
      }
      default:
        this.syntaxError(this.exp + 'field name or embedded type');
        this.advance(T.Semi, T.Rbrace);
    }
  }

  private arrayOrTArgs(): Node {
    const pos = this.pos();
    this.want(T.Lbrack);
    if (this.got(T.Rbrack)) return this.sliceType(pos);
    // x [n]E or x[n,], x[n1, n2], ...
    const [n, comma] = this.typeList(false);
    this.want(T.Rbrack);
    if (!comma) {
      const elem = this.typeOrNil();
      if (elem) return node('ArrayType', pos, { len: n, type: elem }); // x [n]E
    }
    // x[n,], x[n1, n2], ...
    return node('IndexExpr', pos, { index: n });
  }

  private oliteral(): Node | null {
    if (this.tk() === T.Literal) {
      const b = node('BasicLit', this.pos(), { value: this.lit, lit: this.kind, bad: this.bad });
      this.next();
      return b;
    }
    return null;
  }

  /** MethodSpec = MethodName Signature | InterfaceTypeName . */
  private methodDecl(): Node {
    const f = node('Field', this.pos(), { name: null, type: null });
    const name = this.name();
    const context = 'interface method';
    switch (this.tk()) {
      case T.Lparen:
        // method
        f.name = name;
        f.type = this.funcType(context);
        break;
      case T.Lbrack: {
        // Careful dance: We don't know if we have a generic method m[T C](x T) or an embedded
        // instantiated type T[P1, P2] (we accept generic methods for generality and robustness of
        // parsing but complain with an error).
        const pos = this.pos();
        this.next();
        // Empty type parameter or argument lists are not permitted. Treat as if [] were absent.
        if (this.tk() === T.Rbrack) {
          // name[]
          const pos = this.pos();
          this.next();
          if (this.tk() === T.Lparen) {
            // name[](
            this.errorAt(pos, 'empty type parameter list');
            f.name = name;
            f.type = this.funcType(context);
          } else {
            this.errorAt(pos, 'empty type argument list');
            f.type = name;
          }
          break;
        }
        // A type argument list looks like a parameter list with only types. Parse a parameter
        // list and decide afterwards.
        const list = this.paramList(null, null, T.Rbrack, false, false);
        if (list.length === 0) {
          // The type parameter list is not [] but we got nothing due to other errors (reported by
          // paramList). Treat as if [] were absent.
          if (this.tk() === T.Lparen) {
            f.name = name;
            f.type = this.funcType(context);
          } else f.type = name;
          break;
        }
        // len(list) > 0
        if (list[0]!.name) {
          // generic method
          f.name = name;
          f.type = this.funcType(context);
          this.errorAt(pos, 'interface method must have no type parameters');
          break;
        }
        // embedded instantiated type
        f.type = node('IndexExpr', pos, { x: name, index: list.length === 1 ? list[0]!.type : node('ListExpr', list[0]!.pos, { list: list.map((p) => p.type!) }) });
        break;
      }
      default:
        // embedded type
        f.type = this.qualifiedName(name);
    }
    return f;
  }

  /** EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm } . */
  private embeddedElem(f: Node | null): Node {
    if (!f) f = node('Field', this.pos(), { name: null, type: this.embeddedTerm() });
    while (this.tk() === T.Operator && this.op === Op.Or) {
      const t = node('Operation', this.pos(), { op: Op.Or });
      this.next();
      t.x = f.type;
      t.y = this.embeddedTerm();
      f.type = t;
    }
    return f;
  }

  /** EmbeddedTerm = [ "~" ] Type . */
  private embeddedTerm(): Node {
    if (this.tk() === T.Operator && this.op === Op.Tilde) {
      const t = node('Operation', this.pos(), { op: Op.Tilde });
      this.next();
      t.x = this.type_();
      return t;
    }
    let t = this.typeOrNil();
    if (!t) {
      t = this.badExpr();
      this.syntaxError(this.exp + '~ term or type');
      this.advance(T.Operator, T.Semi, T.Rparen, T.Rbrack, T.Rbrace);
    }
    return t;
  }

  /** ParameterDecl = [ IdentifierList ] [ "..." ] Type . */
  private paramDeclOrNil(name: Node | null, follow: T): Node | null {
    // type set notation is ok in type parameter lists
    const typeSetsOk = follow === T.Rbrack;
    let pos = this.pos();
    if (name) pos = name.pos;
    else if (typeSetsOk && this.tk() === T.Operator && this.op === Op.Tilde) {
      // "~" ...
      return this.embeddedElem(null);
    }
    let f = node('Field', pos, { name: null, type: null });
    if (this.tk() === T.Name || name) {
      // name
      if (!name) name = this.name();
      if (this.tk() === T.Lbrack) {
        // name "[" ...
        f.type = this.arrayOrTArgs();
        if (f.type.k === 'IndexExpr') {
          // name "[" ... "]"
          f.type.x = name;
        } else {
          // name "[" n "]" E
          f.name = name;
        }
        if (typeSetsOk && this.tk() === T.Operator && this.op === Op.Or) {
          // name "[" ... "]" "|" ...
          // name "[" n "]" E "|" ...
          f = this.embeddedElem(f);
        }
        return f;
      }
      if (this.tk() === T.Dot) {
        // name "." ...
        f.type = this.qualifiedName(name);
        if (typeSetsOk && this.tk() === T.Operator && this.op === Op.Or) {
          // name "." name "|" ...
          f = this.embeddedElem(f);
        }
        return f;
      }
      if (typeSetsOk && this.tk() === T.Operator && this.op === Op.Or) {
        // name "|" ...
        f.type = name;
        return this.embeddedElem(f);
      }
      f.name = name;
    }
    if (this.tk() === T.DotDotDot) {
      // [name] "..." ...
      const t = node('DotsType', this.pos());
      this.next();
      t.type = this.typeOrNil();
      if (!t.type) {
        t.type = this.badExpr();
        this.syntaxError('... is missing type');
      }
      f.type = t;
      return f;
    }
    if (typeSetsOk && this.tk() === T.Operator && this.op === Op.Tilde) {
      // [name] "~" ...
      f.type = this.embeddedElem(null).type;
      return f;
    }
    f.type = this.typeOrNil();
    if (typeSetsOk && this.tk() === T.Operator && this.op === Op.Or && f.type) {
      // [name] type "|"
      f = this.embeddedElem(f);
    }
    if (f.name || f.type) return f;
    this.syntaxError(this.exp + this.tokstring(follow));
    this.advance(T.Comma, follow);
    return null;
  }

  /**
   * Parameters = "(" [ ParameterList [ "," ] ] ")" . If name != nil, it is the first name after
   * "(" or "[". If typ != nil, name must be != nil, and (name, typ) is the first field in the list.
   * In the result list, either all fields have a name, or no field has a name.
   */
  private paramList(name: Node | null, typ: Node | null, close: T, requireNames: boolean, dddok: boolean): Node[] {
    // p.list won't invoke its function argument if we're at the end of the parameter list. If we
    // have a complete field, handle this case here.
    if (name && typ && this.tk() === close) {
      this.next();
      return [node('Field', name.pos, { name, type: typ })];
    }
    const list: Node[] = [];
    let named = 0; // number of parameters that have an explicit name and type
    let typed = 0; // number of parameters that have an explicit type
    const end = this.list('parameter list', T.Comma, close, () => {
      let par: Node | null;
      if (typ) par = node('Field', name!.pos, { name, type: typ });
      else par = this.paramDeclOrNil(name, close);
      name = null; // 1st name was consumed if present
      typ = null; // 1st type was consumed if present
      if (par) {
        if (par.name && par.type) named++;
        if (par.type) typed++;
        list.push(par);
      }
      return false;
    });
    if (list.length === 0) return list;
    // distribute parameter types (len(list) > 0)
    if (named === 0 && !requireNames) {
      // all unnamed => found names are named types
      for (const par of list)
        if (par.name) {
          par.type = par.name;
          par.name = null;
        }
    } else if (named !== list.length) {
      // some named or we're in a type parameter list => all must be named
      let errPos: Pos = 0; // left-most error position (or unknown)
      let t: Node | null = null; // current type (from right to left)
      for (let i = list.length - 1; i >= 0; i--) {
        const par = list[i]!;
        if (par.type) {
          t = par.type;
          if (!par.name) {
            errPos = startPos(t, this.v.startPosKeyValue);
            par.name = node('Name', errPos, { value: '_' });
          }
        } else if (t) par.type = t;
        else {
          // par.Type == nil && typ == nil => we only have a par.Name
          errPos = par.name!.pos;
          par.type = node('BadExpr', errPos);
        }
      }
      if (errPos !== 0) {
        let msg: string;
        if (this.v.paramMessages126) {
          if (named === typed) {
            errPos = end; // position error at closing token ) or ]
            msg = requireNames ? 'missing type constraint' : 'missing parameter type';
          } else if (requireNames) {
            msg = 'missing type parameter name';
            if (list.length === 1) msg += ' or invalid array length';
          } else msg = 'missing parameter name';
        } else if (requireNames) {
          if (named === typed) {
            errPos = end; // position error at closing ]
            msg = 'missing type constraint';
          } else msg = 'type parameters must be named';
        } else msg = 'mixed named and unnamed parameters';
        this.syntaxErrorAt(errPos, msg);
      }
    }
    if (this.v.dotsInListError)
      for (let i = 0; i < list.length; i++) {
        const t = list[i]!.type;
        if (t && t.k === 'DotsType' && (!dddok || i + 1 < list.length)) this.errorAt(t.pos, 'can only use ... with final parameter in list');
      }
    if (this.v.paramMessages126) {
      // check use of ...
      let first = true; // only report first occurrence
      for (let i = 0; i < list.length; i++) {
        const f = list[i]!;
        const t = f.type;
        if (t && t.k === 'DotsType' && (!dddok || i + 1 < list.length)) {
          if (first) {
            first = false;
            this.errorAt(t.pos, dddok ? 'can only use ... with final parameter' : 'invalid use of ...');
          }
          f.type = t.type; // use T instead of invalid ...T
        }
      }
    }
    return list;
  }

  private badExpr(): Node {
    return node('BadExpr', this.pos());
  }

  // ---- statements

  /** SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl . */
  private simpleStmt(lhs: Node | null, keyword: T | 0): Node {
    if (keyword === T.For && this.tk() === T.Range) {
      // _Range expr
      return this.newRangeClause(null, false);
    }
    if (!lhs) lhs = this.exprList();
    if (lhs.k !== 'ListExpr' && this.tk() !== T.Assign && this.tk() !== T.Define) {
      // expr
      const pos = this.pos();
      switch (this.tk()) {
        case T.AssignOp: {
          // lhs op= rhs
          const op = this.op;
          this.next();
          return node('AssignStmt', pos, { op, x: lhs, y: this.expr() });
        }
        case T.IncOp: {
          // lhs++ or lhs--
          const op = this.op;
          this.next();
          return node('AssignStmt', pos, { op, x: lhs, y: null });
        }
        case T.Arrow: {
          // lhs <- rhs
          this.next();
          return node('SendStmt', pos, { x: lhs, y: this.expr() });
        }
        default:
          // expr
          return node('ExprStmt', lhs.pos, { x: lhs });
      }
    }
    // expr_list
    switch (this.tk()) {
      case T.Assign:
      case T.Define: {
        const pos = this.pos();
        const op = this.tk() === T.Define ? Op.Def : Op.None;
        this.next();
        if (keyword === T.For && this.tk() === T.Range) {
          // expr_list op= _Range expr
          return this.newRangeClause(lhs, op === Op.Def);
        }
        // expr_list op= expr_list
        const rhs = this.exprList();
        if (rhs.k === 'TypeSwitchGuard' && keyword === T.Switch && op === Op.Def && lhs.k === 'Name') {
          // lhs := rhs.(type)
          rhs.name = lhs;
          return node('ExprStmt', rhs.pos, { x: rhs });
        }
        return node('AssignStmt', pos, { op, x: lhs, y: rhs });
      }
      default: {
        this.syntaxError(this.exp + ':= or = or comma');
        this.advance(T.Semi, T.Rbrace);
        // make the best of what we have
        const x = lhs.k === 'ListExpr' ? lhs.list![0]! : lhs;
        return node('ExprStmt', x.pos, { x });
      }
    }
  }

  private newRangeClause(lhs: Node | null, def: boolean): Node {
    const r = node('RangeClause', this.pos(), { x: lhs, def });
    this.next(); // consume _Range
    r.y = this.expr();
    return r;
  }

  private labeledStmtOrNil(label: Node): Node | null {
    const s = node('LabeledStmt', this.pos(), { name: label });
    this.want(T.Colon);
    if (this.tk() === T.Rbrace) {
      // We expect a statement (incl. an empty statement), which must be terminated by a
      // semicolon - we may omit the semicolon if followed by a closing "}" and thus we may get
      // here, and the label is the last thing before "}".
      s.stmt = node('EmptyStmt', this.pos());
      return s;
    }
    s.stmt = this.stmtOrNil();
    if (s.stmt) return s;
    // report error at line of ':' token
    this.syntaxErrorAt(s.pos, 'missing statement after label');
    // we are already at the end of the labeled statement - no need to advance
    return null; // avoids follow-on errors (see e.g., fixedbugs/bug274.go)
  }

  /** context must be a non-empty string unless we know that p.tok == _Lbrace. */
  private blockStmt(context: string): Node {
    const s = node('BlockStmt', this.pos(), { list: [] });
    // people coming from C may forget that braces are mandatory in Go
    if (!this.got(T.Lbrace)) {
      this.syntaxError(this.exp + '{ after ' + context);
      this.advance(T.Name, T.Rbrace);
      s.rbrace = this.pos(); // in case we found "}"
      if (this.got(T.Rbrace)) return s;
    }
    s.list = this.stmtList();
    s.rbrace = this.pos();
    this.want(T.Rbrace);
    return s;
  }

  private declStmt(f: () => Node | null): Node {
    const s = node('DeclStmt', this.pos(), { list: [] });
    this.next(); // _Const, _Type, or _Var
    this.appendGroup(s.list!, f);
    return s;
  }

  private forStmt(): Node {
    const s = node('ForStmt', this.pos());
    const [init, cond, post] = this.header(T.For);
    s.init = init;
    s.cond = cond;
    s.post = post;
    s.body = this.blockStmt('for clause');
    return s;
  }

  private header(keyword: T): [Node | null, Node | null, Node | null] {
    let init: Node | null = null;
    let cond: Node | null = null;
    let post: Node | null = null;
    this.want(keyword);
    if (this.tk() === T.Lbrace) {
      if (keyword === T.If) {
        this.syntaxError('missing condition in if statement');
        cond = this.badExpr();
      }
      return [init, cond, post];
    }
    // p.tok != _Lbrace
    const outer = this.xnest;
    this.xnest = -1;
    if (this.tk() !== T.Semi) {
      // accept potential varDecl but complain
      if (this.got(T.Var)) this.syntaxError(`var declaration not allowed in ${tokenString(keyword)} initializer`);
      init = this.simpleStmt(null, keyword);
      // If we have a range clause, we are done (can only happen for keyword == _For).
      if (init.k === 'RangeClause') {
        this.xnest = outer;
        return [init, cond, post];
      }
    }
    let condStmt: Node | null = null;
    let semiPos: Pos = 0;
    let semiLit = '';
    done: {
      if (this.tk() !== T.Lbrace) {
        if (this.tk() === T.Semi) {
          semiPos = this.pos();
          semiLit = this.lit;
          this.next();
        } else {
          // asking for a '{' rather than a ';' here leads to a better error message
          this.want(T.Lbrace);
          if (this.tk() !== T.Lbrace) this.advance(T.Lbrace, T.Rbrace); // for better synchronization (e.g., issue #22581)
        }
        if (keyword === T.For) {
          if (this.tk() !== T.Semi) {
            if (this.tk() === T.Lbrace) {
              this.syntaxError(this.exp + 'for loop condition');
              break done;
            }
            condStmt = this.simpleStmt(null, 0 /* range not permitted */);
          }
          this.want(T.Semi);
          if (this.tk() !== T.Lbrace) {
            post = this.simpleStmt(null, 0 /* range not permitted */);
            if (post.k === 'AssignStmt' && post.op === Op.Def) this.syntaxErrorAt(post.pos, 'cannot declare in post statement of for loop');
          }
        } else if (this.tk() !== T.Lbrace) condStmt = this.simpleStmt(null, keyword);
      } else {
        condStmt = init;
        init = null;
      }
    }
    // unpack condStmt
    if (!condStmt) {
      if (keyword === T.If && semiPos !== 0) {
        if (semiLit !== 'semicolon') this.syntaxErrorAt(semiPos, `unexpected ${semiLit}, ${this.v.expecting} { after if clause`);
        else this.syntaxErrorAt(semiPos, 'missing condition in if statement');
        cond = node('BadExpr', semiPos);
      }
    } else if (condStmt.k === 'ExprStmt') cond = condStmt.x!;
    else {
      // A common syntax error is to write "if x := 0 {" instead of "if x == 0 {": report it as an assignment.
      let str: string;
      if (condStmt.k === 'AssignStmt' && condStmt.op === Op.None) {
        // Emphasize Lhs and Rhs of assignment with parentheses to highlight '='.
        const emph = (x: Node): string => (this.v.emphasizeBinaryOnly && !(x.k === 'Operation' && x.y) ? nodeString(x) : `(${nodeString(x)})`);
        str = `assignment ${emph(condStmt.x!)} = ${emph(condStmt.y!)}`;
      } else str = nodeString(condStmt);
      this.syntaxErrorAt(condStmt.pos, `cannot use ${str} as value`);
    }
    this.xnest = outer;
    return [init, cond, post];
  }

  private ifStmt(): Node {
    const s = node('IfStmt', this.pos());
    const [init, cond] = this.header(T.If);
    s.init = init;
    s.cond = cond;
    s.body = this.blockStmt('if clause');
    if (this.got(T.Else)) {
      switch (this.tk()) {
        case T.If:
          s.els = this.ifStmt();
          break;
        case T.Lbrace:
          s.els = this.blockStmt('');
          break;
        default:
          this.syntaxError('else must be followed by if or statement block');
          this.advance(T.Name, T.Rbrace);
      }
    }
    return s;
  }

  private switchStmt(): Node {
    const s = node('SwitchStmt', this.pos(), { clauses: [] });
    const [init, tag] = this.header(T.Switch);
    s.init = init;
    s.cond = tag;
    if (!this.got(T.Lbrace)) {
      this.syntaxError('missing { after switch clause');
      this.advance(T.Case, T.Default, T.Rbrace);
    }
    while (this.tk() !== T.EOF && this.tk() !== T.Rbrace) s.clauses!.push(this.caseClause());
    s.rbrace = this.pos();
    this.want(T.Rbrace);
    return s;
  }

  private selectStmt(): Node {
    const s = node('SelectStmt', this.pos(), { clauses: [] });
    this.want(T.Select);
    if (!this.got(T.Lbrace)) {
      this.syntaxError('missing { after select clause');
      this.advance(T.Case, T.Default, T.Rbrace);
    }
    while (this.tk() !== T.EOF && this.tk() !== T.Rbrace) s.clauses!.push(this.commClause());
    s.rbrace = this.pos();
    this.want(T.Rbrace);
    return s;
  }

  private caseClause(): Node {
    const c = node('CaseClause', this.pos());
    switch (this.tk()) {
      case T.Case:
        this.next();
        c.x = this.exprList();
        break;
      case T.Default:
        this.next();
        break;
      default:
        this.syntaxError(this.exp + 'case or default or }');
        this.advance(T.Colon, T.Case, T.Default, T.Rbrace);
    }
    this.want(T.Colon);
    c.list = this.stmtList();
    return c;
  }

  private commClause(): Node {
    const c = node('CommClause', this.pos());
    switch (this.tk()) {
      case T.Case:
        this.next();
        c.x = this.simpleStmt(null, 0);
        // The syntax restricts the possible simple statements here to:
        //     lhs <- x (send statement)
        //     <-x
        //     lhs = <-x
        //     lhs := <-x
        // All these (and more) are recognized by simpleStmt and invalid syntax trees are flagged later, during type checking.
        break;
      case T.Default:
        this.next();
        break;
      default:
        this.syntaxError(this.exp + 'case or default or }');
        this.advance(T.Colon, T.Case, T.Default, T.Rbrace);
    }
    this.want(T.Colon);
    c.list = this.stmtList();
    return c;
  }

  /** stmtOrNil parses a statement if one is present, or else returns nil. */
  private stmtOrNil(): Node | null {
    // Most statements (assignments) start with an identifier; look for it first before doing
    // anything more expensive.
    if (this.tk() === T.Name) {
      const lhs = this.exprList();
      if (lhs.k === 'Name' && this.tk() === T.Colon) return this.labeledStmtOrNil(lhs);
      return this.simpleStmt(lhs, 0);
    }
    switch (this.tk()) {
      case T.Var:
        return this.declStmt(() => this.varDecl());
      case T.Const:
        return this.declStmt(() => this.constDecl());
      case T.Type:
        return this.declStmt(() => this.typeDecl());
    }
    switch (this.tk()) {
      case T.Lbrace:
        return this.blockStmt('');
      case T.Operator:
      case T.Star:
        switch (this.op) {
          case Op.Add:
          case Op.Sub:
          case Op.Mul:
          case Op.And:
          case Op.Xor:
          case Op.Not:
            return this.simpleStmt(null, 0); // unary operators
        }
        break;
      case T.Literal:
      case T.Func:
      case T.Lparen: // operands
      case T.Lbrack:
      case T.Struct:
      case T.Map:
      case T.Chan:
      case T.Interface: // composite types
      case T.Arrow: // receive operator
        return this.simpleStmt(null, 0);
      case T.For:
        return this.forStmt();
      case T.Switch:
        return this.switchStmt();
      case T.Select:
        return this.selectStmt();
      case T.If:
        return this.ifStmt();
      case T.Fallthrough: {
        const s = node('BranchStmt', this.pos(), { tok: T.Fallthrough, name: null });
        this.next();
        return s;
      }
      case T.Break:
      case T.Continue: {
        const s = node('BranchStmt', this.pos(), { tok: this.tk(), name: null });
        this.next();
        if (this.tk() === T.Name) s.name = this.name();
        return s;
      }
      case T.Go:
      case T.Defer:
        return this.callStmt();
      case T.Goto: {
        const s = node('BranchStmt', this.pos(), { tok: T.Goto });
        this.next();
        s.name = this.name();
        return s;
      }
      case T.Return: {
        const s = node('ReturnStmt', this.pos());
        this.next();
        if (this.tk() !== T.Semi && this.tk() !== T.Rbrace) s.list = [this.exprList()];
        return s;
      }
      case T.Semi:
        return node('EmptyStmt', this.pos());
    }
    return null;
  }

  /** StatementList = { Statement ";" } . */
  private stmtList(): Node[] {
    const l: Node[] = [];
    while (this.tk() !== T.EOF && this.tk() !== T.Rbrace && this.tk() !== T.Case && this.tk() !== T.Default) {
      const s = this.stmtOrNil();
      if (!s) break;
      l.push(s);
      // ";" is optional before "}"
      if (!this.got(T.Semi) && this.tk() !== T.Rbrace) {
        this.syntaxError('at end of statement');
        this.advance(T.Semi, T.Rbrace, T.Case, T.Default);
        this.got(T.Semi); // avoid spurious empty statement
      }
    }
    return l;
  }

  /** argList parses a possibly empty, comma-separated list of arguments, optionally followed by a comma (if not empty), and closed by ")". */
  private argList(): [Node[], boolean] {
    const list: Node[] = [];
    let hasDots = false;
    this.xnest++;
    this.list('argument list', T.Comma, T.Rparen, () => {
      list.push(this.expr());
      hasDots = this.got(T.DotDotDot);
      return hasDots;
    });
    this.xnest--;
    return [list, hasDots];
  }

  // ---- common productions

  private name(): Node {
    // no tracing to avoid overly verbose output
    if (this.tk() === T.Name) {
      const n = node('Name', this.pos(), { value: this.lit });
      this.next();
      return n;
    }
    const n = node('Name', this.pos(), { value: '_' });
    this.syntaxError(this.exp + 'name');
    this.advance();
    return n;
  }

  /** IdentifierList = identifier { "," identifier } . The first name must be provided. */
  private nameList(first: Node): Node[] {
    const l = [first];
    while (this.got(T.Comma)) l.push(this.name());
    return l;
  }

  /** The first name may be provided, or nil. */
  private qualifiedName(name: Node | null): Node {
    let x: Node;
    if (name) x = name;
    else if (this.tk() === T.Name) x = this.name();
    else {
      x = node('Name', this.pos(), { value: '_' });
      this.syntaxError(this.exp + 'name');
      this.advance(T.Dot, T.Semi, T.Rbrace);
    }
    if (this.tk() === T.Dot) {
      const s = node('SelectorExpr', this.pos(), { x });
      this.next();
      s.name = this.name();
      x = s;
    }
    if (this.tk() === T.Lbrack) x = this.typeInstance(x);
    return x;
  }

  /** ExpressionList = Expression { "," Expression } . */
  private exprList(): Node {
    const x = this.expr();
    if (this.got(T.Comma)) {
      const list = [x, this.expr()];
      while (this.got(T.Comma)) list.push(this.expr());
      return node('ListExpr', x.pos, { list });
    }
    return x;
  }

  /**
   * typeList parses a non-empty, comma-separated list of types, optionally followed by a comma.
   * If strict is set to false (always, in go1.19), the first element may also be a (non-type)
   * expression. If there is more than one argument, the result is a *ListExpr. The comma result
   * indicates whether there was a (separating or trailing) comma.
   */
  private typeList(strict: boolean): [Node, boolean] {
    this.xnest++;
    let x = strict && this.v.strictTypeList ? this.type_() : this.expr();
    let comma = false;
    if (this.got(T.Comma)) {
      comma = true;
      let t = this.typeOrNil();
      if (t) {
        const list = [x, t];
        while (this.got(T.Comma)) {
          t = this.typeOrNil();
          if (!t) break;
          list.push(t);
        }
        x = node('ListExpr', x.pos, { list });
      }
    }
    this.xnest--;
    return [x, comma];
  }
}

/**
 * extractName splits the expression x into (name, expr) if syntactically x can be written as
 * name expr. The split only happens if expr is a type element (per the isTypeElem predicate) or
 * if force is set. If x is just a name, the result is (name, nil). If the split succeeds, the
 * result is (name, expr). Otherwise the result is (nil, x).
 */
function extractName(x: Node, force: boolean): [Node | null, Node | null] {
  switch (x.k) {
    case 'Name':
      return [x, null];
    case 'Operation':
      if (!x.y) break; // unary expr
      switch (x.op) {
        case Op.Mul:
          if (x.x!.k === 'Name' && (force || isTypeElem(x.y))) {
            // x = name *x.Y
            return [x.x!, { ...x, x: x.y, y: null }]; // change op into unary *op.Y
          }
          break;
        case Op.Or: {
          const [name, lhs] = extractName(x.x!, force || isTypeElem(x.y));
          if (name && lhs) {
            // x = name lhs|x.Y
            return [name, { ...x, x: lhs }];
          }
          break;
        }
      }
      break;
    case 'CallExpr':
      if (x.x!.k === 'Name') {
        if (x.list!.length === 1 && !x.dots && (force || isTypeElem(x.list![0]!))) {
          // x = name "(" x.ArgList[0] ")"
          return [x.x!, x.list![0]!];
        }
      }
      break;
  }
  return [null, x];
}

/** isTypeElem reports whether x is a (possibly parenthesized) type element expression. */
function isTypeElem(x: Node): boolean {
  switch (x.k) {
    case 'ArrayType':
    case 'StructType':
    case 'FuncType':
    case 'InterfaceType':
    case 'SliceType':
    case 'MapType':
    case 'ChanType':
      return true;
    case 'Operation':
      return isTypeElem(x.x!) || (!!x.y && isTypeElem(x.y)) || x.op === Op.Tilde;
    case 'ParenExpr':
      return isTypeElem(x.x!);
  }
  return false;
}

/** isValue reports whether x syntactically must be a value (and not a type) expression. */
function isValue(x: Node): boolean {
  switch (x.k) {
    case 'BasicLit':
    case 'CompositeLit':
    case 'FuncLit':
    case 'SliceExpr':
    case 'AssertExpr':
    case 'TypeSwitchGuard':
    case 'CallExpr':
      return true;
    case 'Operation':
      return x.op !== Op.Mul || !!x.y; // *T may be a type
    case 'ParenExpr':
      return isValue(x.x!);
    case 'IndexExpr':
      return isValue(x.x!) || isValue(x.index!);
  }
  return false;
}
