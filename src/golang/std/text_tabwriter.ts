/**
 * Package text/tabwriter: elastic tabstops (text/tabwriter/tabwriter.go's algorithm, the same in
 * go1.19.8 and go1.26.8). Text is collected in cells (terminated by '\t' or '\v'), lines by '\n' or
 * '\f'; a column block is the run of consecutive lines with a cell in that column, its width the
 * widest cell's rune count plus padding (at least minwidth). The buffered text is formatted and
 * written when a line without tabs ends (a one-cell line ends every column block), at '\f', and at
 * Flush — each piece through its own Write of the output, as Go's write0 does, so the writes beneath
 * (os.Stdout's write(2) calls) are Go's. Flags: FilterHTML, StripEscape, AlignRight,
 * DiscardEmptyColumns, TabIndent, Debug; Escape ('\xff') brackets text of fixed width.
 *
 * Strings are byte strings (rt/strings.ts); a cell's width is its UTF-8 rune count.
 *
 * Heap: NewWriter's Writer counts its struct (168 bytes on amd64, size class 176: output 16,
 * minwidth/tabwidth/padding 24, padbytes 8, flags 8, buf 24, pos 8, cell 24, endChar 8, lines 24,
 * widths 24). Simplified: the growth of its byte buffer and line lists is not counted; an output
 * Write error is returned by Write/Flush as Go's handlePanic does, a panic inside the output's Write
 * is not re-wrapped as "tabwriter: panic during …".
 */
import type { Op } from '../../workload/ops.js';
import { tInt, tUint8, tUntypedRune, basic, type NamedType } from '../types.js';
import { tError } from '../core.js';
import { writeString, tWriter, ErrShortWrite } from './io.js';
import { pkg, F, T, C, fn, ptr, tBytes, native, method, subset } from './registry.js';
import { GoPanic } from '../rt/panics.js';
import { type Slice } from '../rt/slices.js';
import { mallocLib } from '../rt/malloc.js';
import { bytesToString, runeCount } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

const tUint = basic('uint');

/** The flags (tabwriter.go: FilterHTML uint = 1 << iota …). */
const FilterHTML = 1;
const StripEscape = 2;
const AlignRight = 4;
const DiscardEmptyColumns = 8;
const TabIndent = 16;
const Debug = 32;
/** tabwriter.Escape. */
const Escape = '\xff';

/** new(Writer) on amd64: 168 bytes, size class 176 (see the header). */
const writerBytes = 176;

interface Cell {
  /** size in bytes */
  size: number;
  /** width in runes */
  width: number;
  /** terminated by an htab ('\t') */
  htab: boolean;
}

/** An error of the output's Write, carried up to Write or Flush (tabwriter.go osError). */
class OsError {
  constructor(public err: Iface) {}
}

export class Writer {
  output: Iface | null = null;
  minwidth = 0;
  tabwidth = 0;
  padding = 0;
  padchar = '\0';
  flags = 0;
  buf = '';
  pos = 0;
  cell: Cell = { size: 0, width: 0, htab: false };
  endChar = '';
  lines: Cell[][] = [];
  widths: number[] = [];

  /** NewWriter's allocation (a zero Writer declared by the program is the program's own). */
  static make(): Writer {
    mallocLib(writerBytes);
    return new Writer();
  }

  private addLine(): void {
    this.lines.push([]);
  }
  private reset(): void {
    this.buf = '';
    this.pos = 0;
    this.cell = { size: 0, width: 0, htab: false };
    this.endChar = '';
    this.lines = [];
    this.widths = [];
    this.addLine();
  }
  Init(output: Iface | null, minwidth: number, tabwidth: number, padding: number, padchar: number, flags: number): Writer {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) throw new GoPanic(null, 'negative minwidth, tabwidth, or padding');
    this.output = output;
    this.minwidth = minwidth;
    this.tabwidth = tabwidth;
    this.padding = padding;
    this.padchar = String.fromCharCode(padchar);
    if (this.padchar === '\t') flags &= ~AlignRight;
    this.flags = flags;
    this.reset();
    return this;
  }
  private *write0(s: string): Go {
    const [n, err] = yield* writeString(this.output, s);
    if (err !== null) throw new OsError(err);
    if (n !== s.length) throw new OsError(ErrShortWrite);
  }
  /** n bytes of src repeated (writeN: whole copies of src, then a part). */
  private *writeN(src: string, n: number): Go {
    while (n > src.length) {
      yield* this.write0(src);
      n -= src.length;
    }
    yield* this.write0(src.slice(0, n));
  }
  private *writePadding(textw: number, cellw: number, useTabs: boolean): Go {
    if (this.padchar === '\t' || useTabs) {
      // padding is done with tabs
      if (this.tabwidth === 0) return;
      cellw = Math.trunc((cellw + this.tabwidth - 1) / this.tabwidth) * this.tabwidth;
      const n = cellw - textw;
      if (n < 0) throw new GoPanic(null, 'internal error');
      yield* this.writeN('\t\t\t\t\t\t\t\t', Math.trunc((n + this.tabwidth - 1) / this.tabwidth));
      return;
    }
    yield* this.writeN(this.padchar.repeat(8), cellw - textw);
  }
  private *writeLines(pos: number, line0: number, line1: number): Go<number> {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      // if TabIndent is set, use tabs to pad leading empty cells
      let useTabs = (this.flags & TabIndent) !== 0;
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        if (j > 0 && (this.flags & Debug) !== 0) yield* this.write0('|');
        if (c.size === 0) {
          if (j < this.widths.length) yield* this.writePadding(c.width, this.widths[j]!, useTabs);
        } else {
          useTabs = false;
          if ((this.flags & AlignRight) === 0) {
            yield* this.write0(this.buf.slice(pos, pos + c.size));
            pos += c.size;
            if (j < this.widths.length) yield* this.writePadding(c.width, this.widths[j]!, false);
          } else {
            if (j < this.widths.length) yield* this.writePadding(c.width, this.widths[j]!, false);
            yield* this.write0(this.buf.slice(pos, pos + c.size));
            pos += c.size;
          }
        }
      }
      if (i + 1 === this.lines.length) {
        // last buffered line: the incomplete cell, no newline
        yield* this.write0(this.buf.slice(pos, pos + this.cell.size));
        pos += this.cell.size;
      } else {
        yield* this.write0('\n');
      }
    }
    return pos;
  }
  /** Formats lines [line0, line1) from the column len(widths) on (tabwriter.go format). */
  private *format(pos: number, line0: number, line1: number): Go<number> {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      let line = this.lines[cur]!;
      if (column >= line.length - 1) continue;
      // a cell in this column: a new column block begins; the lines before it are printed
      pos = yield* this.writeLines(pos, line0, cur);
      line0 = cur;
      let width = this.minwidth;
      let discardable = true;
      for (; cur < line1; cur++) {
        line = this.lines[cur]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        const w = c.width + this.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && (this.flags & DiscardEmptyColumns) !== 0) width = 0;
      this.widths.push(width);
      pos = yield* this.format(pos, line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    return yield* this.writeLines(pos, line0, line1);
  }
  private append(text: string): void {
    this.buf += text;
    this.cell.size += text.length;
  }
  private updateWidth(): void {
    this.cell.width += runeCount(this.buf.slice(this.pos));
    this.pos = this.buf.length;
  }
  private startEscape(ch: string): void {
    if (ch === Escape) this.endChar = Escape;
    else if (ch === '<') this.endChar = '>';
    else if (ch === '&') this.endChar = ';';
  }
  private endEscape(): void {
    if (this.endChar === Escape) {
      this.updateWidth();
      if ((this.flags & StripEscape) === 0) this.cell.width -= 2;
    } else if (this.endChar === ';') {
      this.cell.width++;
    }
    this.pos = this.buf.length;
    this.endChar = '';
  }
  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1]!;
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }
  private *flushNoDefers(): Go {
    if (this.cell.size > 0) {
      if (this.endChar !== '') this.endEscape();
      this.terminateCell(false);
    }
    yield* this.format(0, 0, this.lines.length);
    this.reset();
  }
  *Flush(): Go<Iface | null> {
    try {
      yield* this.flushNoDefers();
      return null;
    } catch (e) {
      this.reset();
      if (e instanceof OsError) return e.err;
      throw e;
    }
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    const buf = bytesToString(b);
    let n = 0;
    try {
      for (let i = 0; i < buf.length; i++) {
        const ch = buf[i]!;
        if (this.endChar === '') {
          if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
            this.append(buf.slice(n, i));
            this.updateWidth();
            n = i + 1;
            const ncells = this.terminateCell(ch === '\t');
            if (ch === '\n' || ch === '\f') {
              this.addLine();
              if (ch === '\f' || ncells === 1) {
                // a line without cells ends every column block: format and write what is buffered
                yield* this.flushNoDefers();
                if (ch === '\f' && (this.flags & Debug) !== 0) yield* this.write0('---\n');
              }
            }
          } else if (ch === Escape) {
            this.append(buf.slice(n, i));
            this.updateWidth();
            n = i;
            if ((this.flags & StripEscape) !== 0) n++;
            this.startEscape(Escape);
          } else if ((ch === '<' || ch === '&') && (this.flags & FilterHTML) !== 0) {
            this.append(buf.slice(n, i));
            this.updateWidth();
            n = i;
            this.startEscape(ch);
          }
        } else if (ch === this.endChar) {
          let j = i + 1;
          if (ch === Escape && (this.flags & StripEscape) !== 0) j = i;
          this.append(buf.slice(n, j));
          n = i + 1;
          this.endEscape();
        }
      }
      this.append(buf.slice(n));
      return [buf.length, null];
    } catch (e) {
      if (e instanceof OsError) return [n, e.err];
      throw e;
    }
  }
}

export const tTabWriter: NamedType = native('Writer', 'tabwriter', '$P.text_tabwriter.Writer');
const pW = ptr(tTabWriter);
method(tTabWriter, 'Init', fn([tWriter, tInt, tInt, tInt, tUint8, tUint], [pW]), false);
method(tTabWriter, 'Write', fn([tBytes], [tInt, tError]), true);
method(tTabWriter, 'Flush', fn([], [tError]), true);

pkg('text/tabwriter', {
  Writer: T(tTabWriter),
  NewWriter: F(fn([tWriter, tInt, tInt, tInt, tUint8, tUint], [pW]), (a) => `$P.text_tabwriter.Writer.make().Init(${a.join(', ')})`),
  FilterHTML: C(tUint, FilterHTML),
  StripEscape: C(tUint, StripEscape),
  AlignRight: C(tUint, AlignRight),
  DiscardEmptyColumns: C(tUint, DiscardEmptyColumns),
  TabIndent: C(tUint, TabIndent),
  Debug: C(tUint, Debug),
  Escape: C(tUntypedRune, 0xff),
  $unsupported: subset(),
});
