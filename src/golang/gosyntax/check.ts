/**
 * The syntax check of a Go program as cmd/compile does it before type checking: each file is parsed
 * (parser.ts, with CheckBranches: branches.ts) and its errors go through base.ErrorfAt
 * (cmd/compile/internal/base/print.go, the same in go1.19 and go1.26):
 * - only one "syntax error" per line (the first reported), and an error equal to the previous
 *   non-syntax error on the same line is dropped;
 * - after 10 errors gc prints the errors so far, sorted by position, then "<pos>: too many errors",
 *   and stops;
 * - when a file had syntax errors gc prints them all, sorted by position (equal lines once), and
 *   exits before type checking (noder's check2: base.SyntaxErrors() != 0 → ErrorExit).
 * Errors that are not syntax errors (checkBranches', "method has no receiver"…) do not stop the
 * compiler: `syntax` is false and the caller goes on type checking, printing them with its own.
 */
import { Parser, syntax119, syntax126, type SyntaxProfile } from './parser.js';
import { checkBranches } from './branches.js';
import { type Pos, posLine, posCol } from './scanner.js';
import type { GoRelease } from '../../runtime/version.js';

/** A compile error as gc prints it: `./FILE:LINE:COL: MSG` (src/golang's GoError). */
export interface SyntaxError {
  file: string;
  line: number;
  col: number;
  msg: string;
}

export interface SyntaxCheck {
  /** what gc prints, in its order (the last may be "too many errors") */
  errors: SyntaxError[];
  /** some error was a syntax error: gc stops after printing these */
  syntax: boolean;
  /** gc stopped at its error limit (the last error is "too many errors") */
  tooMany: boolean;
}

/** The parser's differences for each release gmpsim models. */
export const syntaxProfiles: Readonly<Record<GoRelease, SyntaxProfile>> = { '1.19': syntax119, '1.26': syntax126 };

/** base.ErrorfAt: after this many errors gc stops with "too many errors" (unless -e). */
const maxErrors = 10;

interface Reported {
  file: number;
  pos: Pos;
  msg: string;
}

/** Parse every file as gc does and return what it prints for them (nothing for a valid program). */
export function checkSyntax(files: readonly { name: string; text: string }[], release: GoRelease): SyntaxCheck {
  const v = syntaxProfiles[release];
  const kept: Reported[] = [];
  let numSyntax = 0;
  let lastSyntax: { file: number; line: number } | null = null;
  let lastOther: { file: number; line: number; msg: string } | null = null;
  let stopped: Reported | null = null;
  for (let fi = 0; fi < files.length && !stopped; fi++) {
    const f = files[fi]!;
    // base.ErrorfAt for each error the parser reports, in its order
    const report = (pos: Pos, msg: string): void => {
      if (stopped) return;
      const line = posLine(pos);
      if (msg.startsWith('syntax error')) {
        numSyntax++;
        // only one syntax error per line, no matter what error
        if (lastSyntax && lastSyntax.file === fi && lastSyntax.line === line) return;
        lastSyntax = { file: fi, line };
      } else {
        // only one of multiple equal non-syntax errors per line
        if (lastOther && lastOther.file === fi && lastOther.line === line && lastOther.msg === msg) return;
        lastOther = { file: fi, line, msg };
      }
      const r = { file: fi, pos, msg };
      kept.push(r);
      if (kept.length >= maxErrors) stopped = r;
    };
    const p = new Parser(f.text, report, v, (body) => checkBranches(body, report, f.name));
    p.fileOrNil();
  }
  // FlushErrors: sorted by position (stable), equal consecutive messages once
  const sorted = kept.map((r, i) => ({ r, i })).sort((a, b) => a.r.file - b.r.file || a.r.pos - b.r.pos || a.i - b.i);
  const errors: SyntaxError[] = [];
  let prev = '';
  for (const { r } of sorted) {
    const e = { file: files[r.file]!.name, line: posLine(r.pos), col: posCol(r.pos), msg: r.msg };
    const text = `${e.file}:${e.line}:${e.col}: ${e.msg}`;
    if (text !== prev) errors.push(e);
    prev = text;
  }
  const tooMany = stopped !== null;
  if (stopped) {
    const s: Reported = stopped;
    errors.push({ file: files[s.file]!.name, line: posLine(s.pos), col: posCol(s.pos), msg: 'too many errors' });
  }
  return { errors, syntax: numSyntax > 0, tooMany };
}
