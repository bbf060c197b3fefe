/**
 * checkBranches (cmd/compile/internal/syntax branches.go, the same in go1.19 and go1.26): the
 * parser's CheckBranches mode, run on every function body that parsed without errors. It reports
 * misplaced break/continue/fallthrough, undefined, unused, duplicate and unreachable labels and
 * gotos into blocks or over variable declarations. These are not "syntax error:" messages: gc goes
 * on to type-check a file that has only these.
 */
import { type Node, nodeString } from './ast.js';
import { type Pos, posLine, posCol } from './scanner.js';
import { T, Op } from './tokens.js';

type ErrorAt = (pos: Pos, msg: string) => void;

interface Label {
  /** block containing this label declaration */
  parent: Block;
  /** statement declaring the label */
  lstmt: Node;
  used: boolean;
}

interface Block {
  parent: Block | null;
  start: Pos;
  /** labeled statement associated with this block, or null */
  lstmt: Node | null;
}

interface Targets {
  /** ForStmt, SwitchStmt, SelectStmt, or null */
  breaks: Node | null;
  continues: Node | null;
  /** case index of the immediately enclosing switch statement, or < 0 */
  caseIndex: number;
}

/** syntax.Pos.String() without a file base: "line:col". */
function posString(p: Pos): string {
  return `${posLine(p)}:${posCol(p)}`;
}

export function checkBranches(body: Node, errh: ErrorAt, file: string): void {
  const ls = new LabelScope(errh, file);
  const fwdGotos = ls.blockBranches(null, { breaks: null, continues: null, caseIndex: -1 }, null, body.pos, body.list!);
  for (const fwd of fwdGotos) {
    const name = fwd.name!.value!;
    const l = ls.labels.get(name);
    if (l) {
      l.used = true; // avoid "defined and not used" error
      errh(fwd.name!.pos, `goto ${name} jumps into block starting at ${ls.where(l.parent.start)}`);
    } else errh(fwd.name!.pos, `label ${name} not defined`);
  }
  // spec: "It is illegal to define a label that is never used."
  for (const l of ls.labels.values())
    if (!l.used) {
      const n = l.lstmt.name!;
      errh(n.pos, `label ${n.value!} defined and not used`);
    }
}

/** A sentinel signalling an invalid enclosing target. */
const invalid: Node = { k: 'LabeledStmt', pos: 0 };

class LabelScope {
  /** all label declarations inside the function, in declaration order (Go iterates a map here: its order only matters for several unused labels) */
  readonly labels = new Map<string, Label>();
  constructor(
    private readonly errh: ErrorAt,
    private readonly file: string,
  ) {}

  /**
   * A position as Go's %s of a syntax.Pos prints it: its file as cmd/go names it to the compiler
   * (`./NAME.go`, relative to the package directory, whatever directory `go run` was started in).
   */
  where(p: Pos): string {
    return `./${this.file.slice(this.file.lastIndexOf('/') + 1)}:${posString(p)}`;
  }

  private declare(b: Block, s: Node): Label {
    const name = s.name!.value!;
    const alt = this.labels.get(name);
    if (alt) {
      this.errh(s.name!.pos, `label ${name} already defined at ${this.where(alt.lstmt.name!.pos)}`);
      return alt;
    }
    const l: Label = { parent: b, lstmt: s, used: false };
    this.labels.set(name, l);
    return l;
  }

  /** gotoTarget returns the labeled statement matching the given name and declared in block b or any of its enclosing blocks. */
  private gotoTarget(b: Block | null, name: string): Node | null {
    const l = this.labels.get(name);
    if (l) {
      l.used = true; // even if it's not a valid target
      for (; b; b = b.parent) if (l.parent === b) return l.lstmt;
    }
    return null;
  }

  /** enclosingTarget returns the innermost enclosing labeled statement matching the given name. */
  private enclosingTarget(b: Block | null, name: string): Node | null {
    const l = this.labels.get(name);
    if (l) {
      l.used = true; // even if it's not a valid target (see e.g., test/fixedbugs/bug136.go)
      for (; b; b = b.parent) if (l.lstmt === b.lstmt) return l.lstmt;
      return invalid;
    }
    return null;
  }

  blockBranches(parent: Block | null, ctxt: Targets, lstmt: Node | null, start: Pos, body: Node[]): Node[] {
    const b: Block = { parent, start, lstmt };
    let varPos: Pos = 0;
    let varName: Node | null = null;
    let fwdGotos: Node[] = [];
    let badGotos: Node[] = [];
    const recordVarDecl = (pos: Pos, name: Node): void => {
      varPos = pos;
      varName = name;
      // Any existing forward goto jumping over the variable declaration is invalid. The goto may
      // still jump out of the block and be ok, but we don't know that yet. Remember all forward
      // gotos as potential bad gotos.
      badGotos = fwdGotos.slice();
    };
    const jumpsOverVarDecl = (fwd: Node): boolean => varPos !== 0 && badGotos.includes(fwd);
    const innerBlock = (ctxt: Targets, start: Pos, body: Node[]): void => {
      // Unresolved forward gotos from the inner block become forward gotos for the current block.
      fwdGotos = fwdGotos.concat(this.blockBranches(b, ctxt, lstmt, start, body));
    };
    const stmtList = trimTrailingEmptyStmts(body);
    for (let stmtIndex = 0; stmtIndex < stmtList.length; stmtIndex++) {
      let s: Node | null | undefined = stmtList[stmtIndex]!;
      lstmt = null;
      // L: a labeled statement's statement is examined in its place
      for (;;) {
        if (!s) break;
        if (s.k === 'LabeledStmt') {
          // declare non-blank label
          const name = s.name!.value!;
          if (name !== '_') {
            const l = this.declare(b, s);
            // resolve matching forward gotos
            const keep: Node[] = [];
            for (const fwd of fwdGotos) {
              if (fwd.name!.value === name) {
                l.used = true;
                if (jumpsOverVarDecl(fwd)) this.errh(fwd.name!.pos, `goto ${name} jumps over declaration of ${nodeString(varName)} at ${this.where(varPos)}`);
              } else keep.push(fwd);
            }
            fwdGotos = keep;
            lstmt = s;
          }
          // process labeled statement
          s = s.stmt;
          continue;
        }
        break;
      }
      if (!s) continue;
      switch (s.k) {
        case 'DeclStmt':
          for (const d of s.list!)
            if (d.k === 'VarDecl') {
              recordVarDecl(d.pos, d.names![0]!);
              break; // the first VarDecl will do
            }
          break;
        case 'BranchStmt':
          // unlabeled branch statement
          if (!s.name) {
            switch (s.tok) {
              case T.Break:
                if (!ctxt.breaks) this.errh(s.pos, 'break is not in a loop, switch, or select');
                break;
              case T.Continue:
                if (!ctxt.continues) this.errh(s.pos, 'continue is not in a loop');
                break;
              case T.Fallthrough: {
                let msg = 'fallthrough statement out of place';
                const t = ctxt.breaks;
                if (t && t.k === 'SwitchStmt') {
                  if (t.cond && t.cond.k === 'TypeSwitchGuard') msg = 'cannot fallthrough in type switch';
                  else if (ctxt.caseIndex < 0 || stmtIndex + 1 < stmtList.length) {
                    // fallthrough nested in a block or not the last statement: use msg as is
                  } else if (ctxt.caseIndex + 1 === t.clauses!.length) msg = 'cannot fallthrough final case in switch';
                  else break; // fallthrough ok
                }
                this.errh(s.pos, msg);
                break;
              }
            }
            break;
          }
          {
            // labeled branch statement
            const name = s.name.value!;
            switch (s.tok) {
              case T.Break: {
                // spec: "If there is a label, it must be that of an enclosing "for", "switch", or
                // "select" statement, and that is the one whose execution terminates."
                const t = this.enclosingTarget(b, name);
                if (t) {
                  const st = t.stmt;
                  if (!st || (st.k !== 'SwitchStmt' && st.k !== 'SelectStmt' && st.k !== 'ForStmt')) this.errh(s.name.pos, `invalid break label ${name}`);
                } else this.errh(s.name.pos, `break label not defined: ${name}`);
                break;
              }
              case T.Continue: {
                // spec: "If there is a label, it must be that of an enclosing "for" statement, and
                // that is the one whose execution advances."
                const t = this.enclosingTarget(b, name);
                if (t) {
                  if (!t.stmt || t.stmt.k !== 'ForStmt') this.errh(s.name.pos, `invalid continue label ${name}`);
                } else this.errh(s.name.pos, `continue label not defined: ${name}`);
                break;
              }
              case T.Goto:
                if (!this.gotoTarget(b, name)) {
                  // label may be declared later - add goto to forward gotos
                  fwdGotos.push(s);
                }
                break;
            }
          }
          break;
        case 'AssignStmt':
          if (s.op === Op.Def) recordVarDecl(s.pos, s.x!);
          break;
        case 'BlockStmt':
          innerBlock({ breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 }, s.pos, s.list!);
          break;
        case 'IfStmt': {
          const inner = { breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 };
          innerBlock(inner, s.body!.pos, s.body!.list!);
          if (s.els) innerBlock(inner, s.els.pos, [s.els]);
          break;
        }
        case 'ForStmt':
          innerBlock({ breaks: s, continues: s, caseIndex: -1 }, s.body!.pos, s.body!.list!);
          break;
        case 'SwitchStmt': {
          const clauses = s.clauses!;
          for (let i = 0; i < clauses.length; i++) innerBlock({ breaks: s, continues: ctxt.continues, caseIndex: i }, clauses[i]!.pos, clauses[i]!.list!);
          break;
        }
        case 'SelectStmt':
          for (const cc of s.clauses!) innerBlock({ breaks: s, continues: ctxt.continues, caseIndex: -1 }, cc.pos, cc.list!);
          break;
      }
    }
    return fwdGotos;
  }
}

function trimTrailingEmptyStmts(list: Node[]): Node[] {
  for (let i = list.length; i > 0; i--) if (list[i - 1]!.k !== 'EmptyStmt') return list.slice(0, i);
  return [];
}
