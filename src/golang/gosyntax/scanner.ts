/**
 * Go's lexical scanner as cmd/compile reads a file (cmd/compile/internal/syntax source.go + scanner.go,
 * identical in go1.19 and go1.26): tokens with automatic semicolon insertion (`nlsemi`: after a line's
 * final name, literal, `break`/`continue`/`fallthrough`/`return`, `++`/`--`, `)`, `]`, `}`, a newline
 * or EOF becomes a _Semi whose lit is "newline"/"EOF"), and the scanner's own errors (invalid
 * characters, unterminated strings/runes/comments, bad escapes, malformed number literals), reported
 * through `errh` at the line:column gc prints.
 *
 * Positions are 1-based lines and 1-based BYTE columns (source.go counts UTF-8 bytes), packed by
 * `pos()` into one number. The text arrives as a JS string already decoded from UTF-8, so the scanner
 * walks code points and counts each one's UTF-8 width.
 *
 * Simplified: `//line` directives do not move positions (the parser's updateBase); invalid UTF-8 was
 * replaced by U+FFFD when the file was decoded, so "invalid UTF-8 encoding" is never reported.
 */
import { T, Op, Prec, LitKind, keywords } from './tokens.js';

/** A line:column pair packed in one number (syntax.Pos without its base); 0 is "unknown". */
export type Pos = number;
const colBits = 2 ** 24;
export function makePos(line: number, col: number): Pos {
  return line * colBits + col;
}
export function posLine(p: Pos): number {
  return Math.floor(p / colBits);
}
export function posCol(p: Pos): number {
  return p % colBits;
}

export type ErrorHandler = (line: number, col: number, msg: string) => void;

/** source.go: no more characters. */
const EOFch = -1;
/** unicode.MaxRune */
const maxRune = 0x10ffff;

const letterRe = /\p{L}/u;
const digitRe = /\p{Nd}/u;
const printRe = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function lower(ch: number): number {
  return 0x20 | ch;
}
function isLetter(ch: number): boolean {
  const l = lower(ch);
  return (l >= 0x61 && l <= 0x7a) || ch === 0x5f;
}
function isDecimal(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}
function isHex(ch: number): boolean {
  const l = lower(ch);
  return isDecimal(ch) || (l >= 0x61 && l <= 0x66);
}
function utf8Width(ch: number): number {
  return ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch < 0x10000 ? 3 : 4;
}

/** strconv.IsPrint, approximated with Unicode categories (L, M, N, P, S and the ASCII space). */
function isPrint(r: number): boolean {
  return r === 0x20 || (r > 0x20 && r !== 0x7f && r <= maxRune && !(r >= 0xd800 && r < 0xe000) && printRe.test(String.fromCodePoint(r)));
}

/** fmt's %#U: `U+0040 '@'` (the character only when printable). */
export function fmtU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}

/** fmt's %q of a rune: strconv.QuoteRune (Go escapes, `\x`/`\u`/`\U` for what is not printable). */
export function quoteRune(r: number): string {
  const simple: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 0x5c: '\\\\', 0x27: "\\'" };
  if (simple[r] !== undefined) return `'${simple[r]}'`;
  if (r > maxRune || (r >= 0xd800 && r < 0xe000)) r = 0xfffd;
  if (isPrint(r)) return `'${String.fromCodePoint(r)}'`;
  if (r < 0x80) return `'\\x${r.toString(16).padStart(2, '0')}'`;
  if (r < 0x10000) return `'\\u${r.toString(16).padStart(4, '0')}'`;
  return `'\\U${r.toString(16).padStart(8, '0')}'`;
}

function baseName(base: number): string {
  return base === 2 ? 'binary' : base === 8 ? 'octal' : base === 10 ? 'decimal' : 'hexadecimal';
}

/**
 * scanner.go's scanner over source.go's source: `next()` reads one token into tok/lit/op/prec/kind/bad
 * and its position line/col.
 */
export class Scanner {
  // ---- source.go
  private readonly src: string;
  /** index (UTF-16) of the next character to read */
  private r = 0;
  /** start of the active segment, or -1 */
  private b = -1;
  /** 0-based line and byte column of ch */
  private chLine = 0;
  private chCol = 0;
  /** the most recently read character (-1 at EOF) */
  private ch = 0x20;
  /** its UTF-8 width (bytes) and its UTF-16 width */
  private chw = 0;
  private chu = 0;
  // ---- scanner.go
  /** if set, '\n' and EOF become ';' */
  private nlsemi = false;
  line = 0;
  col = 0;
  tok: T = T.EOF;
  /** valid for Name, Literal, Semi ("semicolon", "newline", "EOF") */
  lit = '';
  /** valid for Literal: a syntax error occurred in it */
  bad = false;
  kind: LitKind = LitKind.Int;
  /** valid for Operator, Star, AssignOp, IncOp */
  op: Op = Op.None;
  prec: Prec = Prec.None;

  constructor(
    src: string,
    protected readonly errh: ErrorHandler,
  ) {
    this.src = src;
  }

  // ---- source.go
  /** 1-based position of ch */
  private chPos(): [number, number] {
    return [this.chLine + 1, this.chCol + 1];
  }
  private errorf(msg: string): void {
    const [l, c] = this.chPos();
    this.errh(l, c, msg);
  }
  private start(): void {
    this.b = this.r - this.chu;
  }
  private stop(): void {
    this.b = -1;
  }
  private segment(): string {
    return this.src.slice(this.b, this.r - this.chu);
  }
  /** Back to the segment's start, reading its first character again (source.rewind). */
  private rewind(): void {
    this.chCol -= utf8ByteLength(this.src, this.b, this.r);
    this.r = this.b;
    this.nextch();
  }
  private nextch(): void {
    for (;;) {
      this.chCol += this.chw;
      if (this.ch === 10) {
        this.chLine++;
        this.chCol = 0;
      }
      if (this.r >= this.src.length) {
        this.ch = EOFch;
        this.chw = 0;
        this.chu = 0;
        return;
      }
      const c = this.src.codePointAt(this.r)!;
      this.ch = c;
      this.chu = c > 0xffff ? 2 : 1;
      this.chw = utf8Width(c);
      this.r += this.chu;
      if (c === 0) {
        this.errorf('invalid NUL character');
        continue;
      }
      if (c === 0xfeff) {
        if (this.chLine > 0 || this.chCol > 0) this.errorf('invalid BOM in the middle of the file');
        continue;
      }
      return;
    }
  }

  // ---- scanner.go
  private errorAtf(offset: number, msg: string): void {
    this.errh(this.line, this.col + offset, msg);
  }
  private setLit(kind: LitKind, ok: boolean): void {
    this.nlsemi = true;
    this.tok = T.Literal;
    this.lit = this.segment();
    this.bad = !ok;
    this.kind = kind;
  }

  next(): void {
    const nlsemi = this.nlsemi;
    this.nlsemi = false;
    for (;;) {
      // skip white space
      this.stop();
      while (this.ch === 0x20 || this.ch === 9 || (this.ch === 10 && !nlsemi) || this.ch === 13) this.nextch();
      // token start
      this.line = this.chLine + 1;
      this.col = this.chCol + 1;
      this.start();
      const ch = this.ch;
      if (isLetter(ch) || (ch >= 0x80 && this.atIdentChar(true))) {
        this.nextch();
        this.ident();
        return;
      }
      switch (ch) {
        case EOFch:
          if (nlsemi) {
            this.lit = 'EOF';
            this.tok = T.Semi;
            return;
          }
          this.tok = T.EOF;
          return;
        case 10:
          this.nextch();
          this.lit = 'newline';
          this.tok = T.Semi;
          return;
        case 0x22: // "
          this.stdString();
          return;
        case 0x60: // `
          this.rawString();
          return;
        case 0x27: // '
          this.rune();
          return;
        case 0x28:
          this.nextch();
          this.tok = T.Lparen;
          return;
        case 0x5b:
          this.nextch();
          this.tok = T.Lbrack;
          return;
        case 0x7b:
          this.nextch();
          this.tok = T.Lbrace;
          return;
        case 0x2c:
          this.nextch();
          this.tok = T.Comma;
          return;
        case 0x3b:
          this.nextch();
          this.lit = 'semicolon';
          this.tok = T.Semi;
          return;
        case 0x29:
          this.nextch();
          this.nlsemi = true;
          this.tok = T.Rparen;
          return;
        case 0x5d:
          this.nextch();
          this.nlsemi = true;
          this.tok = T.Rbrack;
          return;
        case 0x7d:
          this.nextch();
          this.nlsemi = true;
          this.tok = T.Rbrace;
          return;
        case 0x3a: // :
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.tok = T.Define;
            return;
          }
          this.tok = T.Colon;
          return;
        case 0x2e: // .
          this.nextch();
          if (isDecimal(this.ch)) {
            this.number(true);
            return;
          }
          if (this.ch === 0x2e) {
            this.nextch();
            if (this.ch === 0x2e) {
              this.nextch();
              this.tok = T.DotDotDot;
              return;
            }
            this.rewind(); // now ch holds the 1st '.'
            this.nextch(); // consume it again
          }
          this.tok = T.Dot;
          return;
        case 0x2b: // +
          this.nextch();
          this.op = Op.Add;
          this.prec = Prec.Add;
          if (this.ch !== 0x2b) return this.assignop();
          this.nextch();
          this.nlsemi = true;
          this.tok = T.IncOp;
          return;
        case 0x2d: // -
          this.nextch();
          this.op = Op.Sub;
          this.prec = Prec.Add;
          if (this.ch !== 0x2d) return this.assignop();
          this.nextch();
          this.nlsemi = true;
          this.tok = T.IncOp;
          return;
        case 0x2a: // *
          this.nextch();
          this.op = Op.Mul;
          this.prec = Prec.Mul;
          if (this.ch === 0x3d) {
            this.nextch();
            this.tok = T.AssignOp;
            return;
          }
          this.tok = T.Star;
          return;
        case 0x2f: // /
          this.nextch();
          if (this.ch === 0x2f) {
            this.nextch();
            this.lineComment();
            continue;
          }
          if (this.ch === 0x2a) {
            this.nextch();
            this.fullComment();
            if (this.chLine + 1 > this.line && nlsemi) {
              // A multi-line comment acts like a newline.
              this.lit = 'newline';
              this.tok = T.Semi;
              return;
            }
            continue;
          }
          this.op = Op.Div;
          this.prec = Prec.Mul;
          return this.assignop();
        case 0x25: // %
          this.nextch();
          this.op = Op.Rem;
          this.prec = Prec.Mul;
          return this.assignop();
        case 0x26: // &
          this.nextch();
          if (this.ch === 0x26) {
            this.nextch();
            this.op = Op.AndAnd;
            this.prec = Prec.AndAnd;
            this.tok = T.Operator;
            return;
          }
          this.op = Op.And;
          this.prec = Prec.Mul;
          if (this.ch === 0x5e) {
            this.nextch();
            this.op = Op.AndNot;
          }
          return this.assignop();
        case 0x7c: // |
          this.nextch();
          if (this.ch === 0x7c) {
            this.nextch();
            this.op = Op.OrOr;
            this.prec = Prec.OrOr;
            this.tok = T.Operator;
            return;
          }
          this.op = Op.Or;
          this.prec = Prec.Add;
          return this.assignop();
        case 0x5e: // ^
          this.nextch();
          this.op = Op.Xor;
          this.prec = Prec.Add;
          return this.assignop();
        case 0x3c: // <
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = Op.Leq;
            this.prec = Prec.Cmp;
            this.tok = T.Operator;
            return;
          }
          if (this.ch === 0x3c) {
            this.nextch();
            this.op = Op.Shl;
            this.prec = Prec.Mul;
            return this.assignop();
          }
          if (this.ch === 0x2d) {
            this.nextch();
            this.tok = T.Arrow;
            return;
          }
          this.op = Op.Lss;
          this.prec = Prec.Cmp;
          this.tok = T.Operator;
          return;
        case 0x3e: // >
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = Op.Geq;
            this.prec = Prec.Cmp;
            this.tok = T.Operator;
            return;
          }
          if (this.ch === 0x3e) {
            this.nextch();
            this.op = Op.Shr;
            this.prec = Prec.Mul;
            return this.assignop();
          }
          this.op = Op.Gtr;
          this.prec = Prec.Cmp;
          this.tok = T.Operator;
          return;
        case 0x3d: // =
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = Op.Eql;
            this.prec = Prec.Cmp;
            this.tok = T.Operator;
            return;
          }
          this.tok = T.Assign;
          return;
        case 0x21: // !
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = Op.Neq;
            this.prec = Prec.Cmp;
            this.tok = T.Operator;
            return;
          }
          this.op = Op.Not;
          this.prec = Prec.None;
          this.tok = T.Operator;
          return;
        case 0x7e: // ~
          this.nextch();
          this.op = Op.Tilde;
          this.prec = Prec.None;
          this.tok = T.Operator;
          return;
        default:
          if (isDecimal(ch)) {
            this.number(false);
            return;
          }
          this.errorf(`invalid character ${fmtU(ch)}`);
          this.nextch();
          continue; // goto redo
      }
    }
  }

  private assignop(): void {
    if (this.ch === 0x3d) {
      this.nextch();
      this.tok = T.AssignOp;
      return;
    }
    this.tok = T.Operator;
  }

  private ident(): void {
    while (isLetter(this.ch) || isDecimal(this.ch)) this.nextch();
    if (this.ch >= 0x80) while (this.atIdentChar(false)) this.nextch();
    const lit = this.segment();
    if (lit.length >= 2) {
      const tok = keywords.get(lit);
      if (tok !== undefined) {
        this.nlsemi = tok === T.Break || tok === T.Continue || tok === T.Fallthrough || tok === T.Return;
        this.tok = tok;
        return;
      }
    }
    this.nlsemi = true;
    this.lit = lit;
    this.tok = T.Name;
  }

  private atIdentChar(first: boolean): boolean {
    const ch = this.ch;
    if (ch < 0) return false;
    const s = String.fromCodePoint(ch);
    if (ch === 0x5f || (ch < 0x80 ? isLetter(ch) : letterRe.test(s))) return true;
    if (ch < 0x80 ? isDecimal(ch) : digitRe.test(s)) {
      if (first) this.errorf(`identifier cannot begin with digit ${fmtU(ch)}`);
      return true;
    }
    if (ch >= 0x80) {
      this.errorf(`invalid character ${fmtU(ch)} in identifier`);
      return true;
    }
    return false;
  }

  /** Scan digits of `base`; returns digsep (bit 0: digit present, bit 1: '_' present). */
  private digits(base: number, invalid: { i: number } | null): number {
    let digsep = 0;
    if (base <= 10) {
      const max = 0x30 + base;
      while (isDecimal(this.ch) || this.ch === 0x5f) {
        let ds = 1;
        if (this.ch === 0x5f) ds = 2;
        else if (this.ch >= max && invalid && invalid.i < 0) invalid.i = this.chCol + 1 - this.col; // invalid digit's index
        digsep |= ds;
        this.nextch();
      }
    } else {
      while (isHex(this.ch) || this.ch === 0x5f) {
        digsep |= this.ch === 0x5f ? 2 : 1;
        this.nextch();
      }
    }
    return digsep;
  }

  private number(seenPoint: boolean): void {
    let ok = true;
    let kind = LitKind.Int;
    let base = 10;
    let prefix = 0; // 0 (decimal), '0' (0-octal), 'x', 'o' or 'b'
    let digsep = 0;
    const invalid = { i: -1 };
    if (!seenPoint) {
      if (this.ch === 0x30) {
        this.nextch();
        switch (lower(this.ch)) {
          case 0x78:
            this.nextch();
            base = 16;
            prefix = 0x78;
            break;
          case 0x6f:
            this.nextch();
            base = 8;
            prefix = 0x6f;
            break;
          case 0x62:
            this.nextch();
            base = 2;
            prefix = 0x62;
            break;
          default:
            base = 8;
            prefix = 0x30;
            digsep = 1; // leading 0
        }
      }
      digsep |= this.digits(base, invalid);
      if (this.ch === 0x2e) {
        if (prefix === 0x6f || prefix === 0x62) {
          this.errorf(`invalid radix point in ${baseName(base)} literal`);
          ok = false;
        }
        this.nextch();
        seenPoint = true;
      }
    }
    if (seenPoint) {
      kind = LitKind.Float;
      digsep |= this.digits(base, invalid);
    }
    if ((digsep & 1) === 0 && ok) {
      this.errorf(`${baseName(base)} literal has no digits`);
      ok = false;
    }
    const e = lower(this.ch);
    if (e === 0x65 || e === 0x70) {
      if (ok) {
        if (e === 0x65 && prefix !== 0 && prefix !== 0x30) {
          this.errorf(`${quoteRune(this.ch)} exponent requires decimal mantissa`);
          ok = false;
        } else if (e === 0x70 && prefix !== 0x78) {
          this.errorf(`${quoteRune(this.ch)} exponent requires hexadecimal mantissa`);
          ok = false;
        }
      }
      this.nextch();
      kind = LitKind.Float;
      if (this.ch === 0x2b || this.ch === 0x2d) this.nextch();
      digsep = this.digits(10, null) | (digsep & 2);
      if ((digsep & 1) === 0 && ok) {
        this.errorf('exponent has no digits');
        ok = false;
      }
    } else if (prefix === 0x78 && kind === LitKind.Float && ok) {
      this.errorf("hexadecimal mantissa requires a 'p' exponent");
      ok = false;
    }
    if (this.ch === 0x69) {
      kind = LitKind.Imag;
      this.nextch();
    }
    this.setLit(kind, ok);
    if (kind === LitKind.Int && invalid.i >= 0 && ok) {
      this.errorAtf(invalid.i, `invalid digit ${quoteRune(this.lit.charCodeAt(invalid.i))} in ${baseName(base)} literal`);
      ok = false;
    }
    if ((digsep & 2) !== 0 && ok) {
      const i = invalidSep(this.lit);
      if (i >= 0) {
        this.errorAtf(i, "'_' must separate successive digits");
        ok = false;
      }
    }
    this.bad = !ok;
  }

  private rune(): void {
    let ok = true;
    this.nextch();
    for (let n = 0; ; n++) {
      if (this.ch === 0x27) {
        if (ok) {
          if (n === 0) {
            this.errorf("empty rune literal or unescaped '");
            ok = false;
          } else if (n !== 1) {
            this.errorAtf(0, 'more than one character in rune literal');
            ok = false;
          }
        }
        this.nextch();
        break;
      }
      if (this.ch === 0x5c) {
        this.nextch();
        if (!this.escape(0x27)) ok = false;
        continue;
      }
      if (this.ch === 10) {
        if (ok) {
          this.errorf('newline in rune literal');
          ok = false;
        }
        break;
      }
      if (this.ch < 0) {
        if (ok) {
          this.errorAtf(0, 'rune literal not terminated');
          ok = false;
        }
        break;
      }
      this.nextch();
    }
    this.setLit(LitKind.Rune, ok);
  }

  private stdString(): void {
    let ok = true;
    this.nextch();
    for (;;) {
      if (this.ch === 0x22) {
        this.nextch();
        break;
      }
      if (this.ch === 0x5c) {
        this.nextch();
        if (!this.escape(0x22)) ok = false;
        continue;
      }
      if (this.ch === 10) {
        this.errorf('newline in string');
        ok = false;
        break;
      }
      if (this.ch < 0) {
        this.errorAtf(0, 'string not terminated');
        ok = false;
        break;
      }
      this.nextch();
    }
    this.setLit(LitKind.String, ok);
  }

  private rawString(): void {
    let ok = true;
    this.nextch();
    for (;;) {
      if (this.ch === 0x60) {
        this.nextch();
        break;
      }
      if (this.ch < 0) {
        this.errorAtf(0, 'string not terminated');
        ok = false;
        break;
      }
      this.nextch();
    }
    this.setLit(LitKind.String, ok);
  }

  private skipLine(): void {
    while (this.ch >= 0 && this.ch !== 10) this.nextch();
  }

  /** A `//` comment (directives do not matter to syntax errors: skipped like any comment). */
  private lineComment(): void {
    this.stop();
    this.skipLine();
  }

  private fullComment(): void {
    this.stop();
    while (this.ch >= 0) {
      while (this.ch === 0x2a) {
        this.nextch();
        if ((this.ch as number) === 0x2f) {
          this.nextch();
          return;
        }
      }
      this.nextch();
    }
    this.errorAtf(0, 'comment not terminated');
  }

  private escape(quote: number): boolean {
    let n: number;
    let base: number;
    let max: number;
    switch (this.ch) {
      case quote:
      case 0x61: // a
      case 0x62: // b
      case 0x66: // f
      case 0x6e: // n
      case 0x72: // r
      case 0x74: // t
      case 0x76: // v
      case 0x5c: // \
        this.nextch();
        return true;
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37:
        n = 3;
        base = 8;
        max = 255;
        break;
      case 0x78: // x
        this.nextch();
        n = 2;
        base = 16;
        max = 255;
        break;
      case 0x75: // u
        this.nextch();
        n = 4;
        base = 16;
        max = maxRune;
        break;
      case 0x55: // U
        this.nextch();
        n = 8;
        base = 16;
        max = maxRune;
        break;
      default:
        if (this.ch < 0) return true; // the caller complains about EOF
        this.errorf('unknown escape');
        return false;
    }
    let x = 0;
    for (let i = n; i > 0; i--) {
      if (this.ch < 0) return true; // the caller complains about EOF
      let d = base;
      if (isDecimal(this.ch)) d = this.ch - 0x30;
      else if (lower(this.ch) >= 0x61 && lower(this.ch) <= 0x66) d = lower(this.ch) - 0x61 + 10;
      if (d >= base) {
        this.errorf(`invalid character ${quoteRune(this.ch)} in ${baseName(base)} escape`);
        return false;
      }
      x = x * base + d;
      this.nextch();
    }
    if (x > max && base === 8) {
      this.errorf(`octal escape value ${x} > 255`);
      return false;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.errorf(`escape is invalid Unicode code point ${fmtU(x)}`);
      return false;
    }
    return true;
  }
}

/** UTF-8 length of src[from:to] */
function utf8ByteLength(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * scanner.go invalidSep: the index of the first '_' in a number literal that does not separate two
 * digits, or -1.
 */
function invalidSep(x: string): number {
  let x1 = 0x20; // prefix char: only 'x' matters
  let d = 0x2e; // digit: '_', '0' (a digit) or '.' (anything else)
  let i = 0;
  if (x.length >= 2 && x.charCodeAt(0) === 0x30) {
    x1 = lower(x.charCodeAt(1));
    if (x1 === 0x78 || x1 === 0x6f || x1 === 0x62) {
      d = 0x30;
      i = 2;
    }
  }
  for (; i < x.length; i++) {
    const p = d;
    d = x.charCodeAt(i);
    if (d === 0x5f) {
      if (p !== 0x30) return i;
    } else if (isDecimal(d) || (x1 === 0x78 && isHex(d))) {
      d = 0x30;
    } else {
      if (p === 0x5f) return i - 1;
      d = 0x2e;
    }
  }
  if (d === 0x5f) return x.length - 1;
  return -1;
}
