/**
 * Package fmt: printing (Print*, Sprint*, Fprint*), Errorf with %w, Sscan/Sscanf, Stringer.
 *
 * The formatting itself is rt/format.ts (`$L.sprint` / `$L.sprintf`, driven by type descriptors and
 * shared with the builtin print); this module is fmt's entry points: Print* to stdout is one
 * write(2) (the op K.Write, as Go's Fprintf to os.Stdout makes one write), Fprint* calls the
 * writer's Write method, Errorf returns Go's error types (*fmt.wrapError, *fmt.wrapErrors) holding its %w operands.
 *
 * Sscan, Sscanln and Sscanf (and Fscan*, Scan* over a reader, see Fscan) follow fmt/scan.go's state machine (spaces, newlines, literals, verbs, base
 * prefixes, Go's error texts) over the string's bytes. Simplified: operand widths (%5d) are ignored, %q
 * and %x on strings are unsupported, multi-byte Unicode spaces are not spaces, a Scanner operand's
 * own Scan method is not called.
 */
import { K, type Op } from '../../workload/ops.js';
import { newNamed, tInt, tString, underlying, typeString } from '../types.js';
import { tError, globalTypes } from '../core.js';
import { ErrorString, errorStringBytes, newError } from './errors.js';
import { mallocLib } from '../rt/malloc.js';
import { tWriter, tReader, writeString, EOF, ErrUnexpectedEOF } from './io.js';
import { Quote, ParseInt, ParseUint } from './strconv.js';
import type { Int64 } from '../rt/integers.js';
import { pkg, F, T, fn, arr, vAny, native, method, ptr, sl, subset } from './registry.js';
import { sprintf, type Wrapping } from '../rt/format.js';
import { Slice, makeBytes } from '../rt/slices.js';
import { decodeUTF8, stringToBytes, runeToString } from '../rt/strings.js';
import { nilDeref } from '../rt/panics.js';
import type { Iface, Ref } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** fmt.Print* to stdout (fd 1): one write(2); results (n, err). */
export function* print(fd: number, s: string): Go<[number, Iface | null]> {
  yield { k: K.Write, fd, text: decodeUTF8(s) };
  return [s.length, null];
}
/** fmt.Fprint* to an io.Writer: its Write method with the formatted bytes. */
export function* fprint(w: Iface | null, s: string): Go<[number, Iface | null]> {
  return yield* writeString(w, s);
}

/** fmt's *wrapError: Errorf's result with one %w; Unwrap returns the operand (nil if it was no error). */
export class WrapError extends ErrorString {
  constructor(
    s: string,
    public unwrap: Iface | null,
  ) {
    super(s);
  }
  Unwrap(): Iface | null {
    return this.unwrap;
  }
}
/** fmt's *wrapErrors (Go 1.20): Errorf's result with several %w; Unwrap returns the error operands. */
export class WrapErrors extends ErrorString {
  constructor(
    s: string,
    public errs: Iface[],
  ) {
    super(s);
  }
  Unwrap(): Slice {
    return new Slice(this.errs, 0, this.errs.length, this.errs.length);
  }
}
export const tWrapError = native('wrapError', 'fmt', '$P.fmt.WrapError', {
  k: 'struct',
  fields: [
    { name: 'msg', type: tString, embedded: false, js: 's' },
    { name: 'err', type: tError, embedded: false, js: 'unwrap' },
  ],
});
method(tWrapError, 'Error', fn([], [tString]), false);
method(tWrapError, 'Unwrap', fn([], [tError]), false);
export const tWrapErrors = native('wrapErrors', 'fmt', '$P.fmt.WrapErrors', {
  k: 'struct',
  fields: [
    { name: 'msg', type: tString, embedded: false, js: 's' },
    { name: 'errs', type: sl(tError), embedded: false, js: 'errs' },
  ],
});
method(tWrapErrors, 'Error', fn([], [tString]), false);
method(tWrapErrors, 'Unwrap', fn([], [sl(tError)]), false);
const tWrapErrorPtr = globalTypes.intern(ptr(tWrapError));
const tWrapErrorsPtr = globalTypes.intern(ptr(tWrapErrors));

/**
 * fmt.Errorf (print.go): the message with each %w printed as %v; no %w gives an *errors.errorString,
 * one a *fmt.wrapError, several (Go 1.20+, `tree`) a *fmt.wrapErrors of the error operands in
 * argument order. go1.19 accepts one %w of an error operand (the message says %!w(…) otherwise).
 */
export function Errorf(format: string, args: (Iface | null)[], tree: boolean): Iface {
  const wrap: Wrapping = { tree, args: [], off: false };
  const s = sprintf(format, args, wrap);
  // The message (p.doPrintf's string(p.buf)) and the error value: &errorString{s} (16 bytes),
  // &wrapError{msg, err} (32), &wrapErrors{msg, errs} (40 + the []error of the operands).
  mallocLib(s.length);
  mallocLib(wrap.args.length === 0 ? errorStringBytes : wrap.args.length === 1 ? 32 : 40 + 16 * new Set(wrap.args).size);
  const isErr = (a: Iface | null): a is Iface => a !== null && (a.t as unknown as { $m?: Record<string, unknown> }).$m?.Error !== undefined;
  if (wrap.args.length === 0) return newError(s);
  if (wrap.args.length === 1) {
    const a = args[wrap.args[0]!] ?? null;
    return { t: tWrapErrorPtr, v: new WrapError(s, isErr(a) ? a : null) };
  }
  const order = [...new Set(wrap.args)].sort((x, y) => x - y);
  return { t: tWrapErrorsPtr, v: new WrapErrors(s, order.map((i) => args[i] ?? null).filter(isErr)) };
}

/** A scan error: fmt's scanError, carrying the error value Sscan* return. */
class ScanError {
  constructor(readonly err: Iface) {}
}
/** io.EOF out of input before an operand (fmt's `panic(io.EOF)` in notEOF). */
class ScanEOF {}
/** A reader's scan ran past the bytes read so far (Fscan reads one more and scans again). */
class Starved {}

const decimalDigits = '0123456789';
const sign = '+-';
/** fmt/scan.go's isSpace over the bytes a Go string holds (the multi-byte spaces are not recognised). */
const isSpace = (r: number): boolean => (r >= 0x09 && r <= 0x0d) || r === 0x20;
const eof = -1;

/**
 * fmt's scan state (fmt/scan.go ss) over a string: Sscan (newlines are space), Sscanln (a newline
 * ends the input) and Sscanf (the format's literals and spaces must match), with Go's error texts.
 */
class ScanState {
  /** The bytes consumed so far. */
  i = 0;
  private atEOF = false;
  buf = '';
  constructor(
    private readonly src: string,
    private readonly nlIsSpace: boolean,
    private readonly nlIsEnd: boolean,
    /** `src` is what a reader gave so far, not all of the input: running past it is Starved. */
    private readonly partial = false,
    /** The reader's error (not io.EOF) that ended the input: running past it fails with it (ss.getRune). */
    private readonly endErr: Iface | null = null,
  ) {}
  getRune(): number {
    if (this.partial && !this.atEOF && this.i >= this.src.length) throw new Starved();
    if (this.endErr !== null && !this.atEOF && this.i >= this.src.length) throw new ScanError(this.endErr);
    if (this.atEOF || this.i >= this.src.length) {
      this.atEOF = true;
      return eof;
    }
    const r = this.src.charCodeAt(this.i++);
    if (this.nlIsEnd && r === 10) this.atEOF = true;
    return r;
  }
  unreadRune(): void {
    this.i--;
    this.atEOF = false;
  }
  mustReadRune(): number {
    const r = this.getRune();
    if (r === eof) throw new ScanError(ErrUnexpectedEOF);
    return r;
  }
  error(msg: string): never {
    throw new ScanError(newError(msg));
  }
  skipSpace(): void {
    for (;;) {
      const r = this.getRune();
      if (r === eof) return;
      if (r === 13 && this.peek('\n')) continue;
      if (r === 10) {
        if (this.nlIsSpace) continue;
        this.error('unexpected newline');
      }
      if (!isSpace(r)) {
        this.unreadRune();
        return;
      }
    }
  }
  notEOF(): void {
    if (this.getRune() === eof) throw new ScanEOF();
    this.unreadRune();
  }
  consume(ok: string, accept: boolean): boolean {
    const r = this.getRune();
    if (r === eof) return false;
    if (ok.includes(String.fromCharCode(r))) {
      if (accept) this.buf += String.fromCharCode(r);
      return true;
    }
    if (accept) this.unreadRune();
    return false;
  }
  accept(ok: string): boolean {
    return this.consume(ok, true);
  }
  peek(ok: string): boolean {
    const r = this.getRune();
    if (r !== eof) this.unreadRune();
    return r !== eof && ok.includes(String.fromCharCode(r));
  }
  okVerb(verb: string, okVerbs: string, typ: string): void {
    if (!okVerbs.includes(verb)) this.error(`bad verb '%${verb}' for ${typ}`);
  }
  token(): string {
    this.skipSpace();
    for (;;) {
      const r = this.getRune();
      if (r === eof) break;
      if (isSpace(r)) {
        this.unreadRune();
        break;
      }
      this.buf += String.fromCharCode(r);
    }
    return this.buf;
  }
  scanNumber(digits: string, haveDigits: boolean): string {
    if (!haveDigits) {
      this.notEOF();
      if (!this.accept(digits)) this.error('expected integer');
    }
    while (this.accept(digits));
    return this.buf;
  }
  /**
   * scanInt / scanUint: [sign] digits, with 0b/0o/0x prefixes under %v, parsed as fmt/scan.go does —
   * strconv.ParseInt/ParseUint(tok, base, 64), whose *NumError is the scan's error, then "integer
   * overflow on token" when the value does not fit `bits` — exactly (an Int64 beyond 2^53).
   */
  scanInt(verb: string, bits: number, unsigned: boolean): Int64 {
    if (verb === 'c') {
      this.notEOF();
      return this.getRune();
    }
    this.skipSpace();
    this.notEOF();
    this.okVerb(verb, 'bdoUxXv', 'integer');
    let base = verb === 'b' ? 2 : verb === 'o' ? 8 : 'xXU'.includes(verb) ? 16 : 10;
    let digits = base === 2 ? '01' : base === 8 ? '01234567' : base === 16 ? '0123456789aAbBcCdDeEfF' : decimalDigits;
    let haveDigits = false;
    if (verb === 'U') {
      if (!this.consume('U', false) || !this.consume('+', false)) this.error('bad unicode format ');
    } else {
      if (!unsigned) this.accept(sign);
      if (verb === 'v' && this.peek('0')) {
        this.accept('0');
        haveDigits = true;
        base = 0;
        if (this.peek('bB')) [digits, haveDigits] = ['01_', this.consume('bB', true) && false];
        else if (this.peek('oO')) [digits, haveDigits] = ['01234567_', this.consume('oO', true) && false];
        else if (this.peek('xX')) [digits, haveDigits] = ['0123456789aAbBcCdDeEfF_', this.consume('xX', true) && false];
        else digits = '01234567_';
      } else if (verb === 'v') {
        base = 0;
        digits = decimalDigits + '_';
      }
    }
    const tok = this.scanNumber(digits, haveDigits);
    const [v, err] = unsigned ? ParseUint(tok, base, 64) : ParseInt(tok, base, 64);
    if (err !== null) throw new ScanError(err);
    // x := (i << (64 − n)) >> (64 − n); x != i: the value does not survive truncation to n bits.
    if (bits < 64) {
      const b = BigInt(v);
      if ((unsigned ? BigInt.asUintN(bits, b) : BigInt.asIntN(bits, b)) !== b) this.error(`${unsigned ? 'unsigned integer' : 'integer'} overflow on token ${tok}`);
    }
    return v;
  }
  floatToken(): string {
    this.buf = '';
    if (this.accept('nN') && this.accept('aA') && this.accept('nN')) return this.buf;
    this.accept(sign);
    if (this.accept('iI') && this.accept('nN') && this.accept('fF')) return this.buf;
    let digits = decimalDigits + '_';
    let exp = 'eEpP';
    if (this.accept('0') && this.accept('xX')) {
      digits = '0123456789aAbBcCdDeEfF_';
      exp = 'pP';
    }
    while (this.accept(digits));
    if (this.accept('.')) while (this.accept(digits));
    if (this.accept(exp)) {
      this.accept(sign);
      while (this.accept(decimalDigits + '_'));
    }
    return this.buf;
  }
  scanFloat(verb: string, typ: string): number {
    this.okVerb(verb, 'beEfFgGv', typ);
    this.skipSpace();
    this.notEOF();
    const tok = this.floatToken();
    const x = parseGoFloat(tok);
    if (x === null) this.error(`strconv.ParseFloat: parsing ${Quote(tok)}: invalid syntax`);
    return typ === 'float32' ? Math.fround(x) : x;
  }
  scanBool(verb: string): boolean {
    this.skipSpace();
    this.notEOF();
    this.okVerb(verb, 'tv', 'boolean');
    const bad = 'syntax error scanning boolean';
    switch (String.fromCharCode(this.getRune())) {
      case '0':
        return false;
      case '1':
        return true;
      case 't':
      case 'T':
        if (this.accept('rR') && (!this.accept('uU') || !this.accept('eE'))) this.error(bad);
        return true;
      case 'f':
      case 'F':
        if (this.accept('aA') && (!this.accept('lL') || !this.accept('sS') || !this.accept('eE'))) this.error(bad);
        return false;
    }
    return false;
  }
  convertString(verb: string): string {
    this.okVerb(verb, 'svqxX', 'string');
    this.skipSpace();
    this.notEOF();
    if (verb === 'q' || verb === 'x' || verb === 'X') throw new ScanError(newError(`unsupported: fmt scanning with %${verb} (package fmt)`));
    return this.token();
  }
  /** scanOne: one operand by the type it points to. */
  scanOne(verb: string, p: Iface | null): void {
    this.buf = '';
    if (p === null) this.error("can't scan type: <nil>");
    const pt = underlying(p.t);
    if (pt.k !== 'ptr') this.error(`type not a pointer: ${typeString(p.t)}`);
    const ref = p.v as Ref;
    const u = underlying(pt.elem);
    if (u.k === 'basic') {
      const name = u.name;
      if (name === 'bool') return void (ref.v = this.scanBool(verb));
      if (name === 'string') return void (ref.v = this.convertString(verb));
      if (name === 'float64' || name === 'float32') return void (ref.v = this.scanFloat(verb, name));
      const m = /^(u?)int(\d*)$|^(uintptr)$/.exec(name);
      if (m) return void (ref.v = this.scanInt(verb, m[3] ? 64 : m[2] ? Number(m[2]) : 64, m[1] === 'u' || !!m[3]));
    }
    if (u.k === 'slice' && underlying(u.elem).k === 'basic' && (underlying(u.elem) as { name: string }).name === 'uint8') {
      return void (ref.v = stringToBytes(this.convertString(verb)));
    }
    this.error(`can't scan type: ${typeString(p.t)}`);
  }
  /** advance (fmt/scan.go): match the format's spaces and literals up to a verb; bytes of format consumed, −1 on a mismatch. */
  advance(format: string): number {
    let i = 0;
    while (i < format.length) {
      let fc = format.charCodeAt(i);
      if (isSpace(fc)) {
        let newlines = 0;
        let trailingSpace = false;
        while (isSpace(fc) && i < format.length) {
          if (fc === 10) {
            newlines++;
            trailingSpace = false;
          } else trailingSpace = true;
          i++;
          fc = format.charCodeAt(i);
        }
        for (let j = 0; j < newlines; j++) {
          let ic = this.getRune();
          while (isSpace(ic) && ic !== 10) ic = this.getRune();
          if (ic !== 10 && ic !== eof) this.error('newline in format does not match input');
        }
        if (trailingSpace) {
          let ic = this.getRune();
          if (newlines === 0) {
            if (!isSpace(ic) && ic !== eof) this.error('expected space in input to match format');
            if (ic === 10) this.error('newline in input does not match format');
          }
          while (isSpace(ic) && ic !== 10) ic = this.getRune();
          if (ic !== eof) this.unreadRune();
        }
        continue;
      }
      if (fc === 37 /* % */) {
        if (i + 1 === format.length) this.error('missing verb: % at end of format string');
        if (format.charCodeAt(i + 1) !== 37) return i;
        i++;
      }
      const ic = this.mustReadRune();
      if (fc !== ic) {
        this.unreadRune();
        return -1;
      }
      i++;
    }
    return i;
  }
  doScan(ptrs: (Iface | null)[], count: { n: number }): void {
    for (const p of ptrs) {
      this.scanOne('v', p);
      count.n++;
    }
    if (this.nlIsEnd) {
      for (;;) {
        const r = this.getRune();
        if (r === 10 || r === eof) break;
        if (!isSpace(r)) {
          this.error('expected newline');
        }
      }
    }
  }
  doScanf(format: string, ptrs: (Iface | null)[], count: { n: number }): void {
    const end = format.length - 1;
    for (let i = 0; i <= end; ) {
      const w = this.advance(format.slice(i));
      if (w > 0) {
        i += w;
        continue;
      }
      if (format[i] !== '%') {
        if (w < 0) this.error('input does not match format');
        break;
      }
      i++;
      // a width (%5d) limits the operand's runes: not modelled, the digits are skipped
      while (i <= end && format[i]! >= '0' && format[i]! <= '9') i++;
      const c = format[i] ?? '';
      i++;
      if (c !== 'c') this.skipSpace();
      if (c === '%') {
        this.skipSpace();
        this.notEOF();
        if (!this.accept('%')) this.error('missing literal %');
        continue;
      }
      if (count.n >= ptrs.length) this.error(`too few operands for format '%${format.slice(i - 1)}'`);
      this.scanOne(c, ptrs[count.n]!);
      count.n++;
    }
    if (count.n < ptrs.length) this.error('too many operands');
  }
}

/** strconv.ParseFloat's syntax (decimal, hex with p exponent, inf, nan, underscores); null when invalid. */
function parseGoFloat(tok: string): number | null {
  const t = tok.toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t[0] === '-' ? -Infinity : Infinity;
  if (t === 'nan') return NaN;
  const s = t.replace(/_/g, '');
  if (/^[+-]?0x/.test(s)) {
    const m = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
    const mant = parseInt((m[2] || '0') + (m[3] ?? ''), 16) / 16 ** (m[3] ?? '').length;
    return (m[1] === '-' ? -1 : 1) * mant * 2 ** Number(m[4]);
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return null;
  return Number(s);
}

/**
 * fmt.Sscan (format null, newlines are spaces), Sscanln (`ln`) and Sscanf: the items scanned and the
 * error (io.EOF when the input ends before the first operand, Go's texts for the rest).
 */
export function Sscanf(str: string, format: string | null, ptrs: (Iface | null)[], ln = false): [number, Iface | null] {
  return scanString(new ScanState(str, format === null && !ln, ln), format, ptrs);
}
function scanString(s: ScanState, format: string | null, ptrs: (Iface | null)[]): [number, Iface | null] {
  const count = { n: 0 };
  try {
    if (format === null) s.doScan(ptrs, count);
    else s.doScanf(format, ptrs, count);
    return [count.n, null];
  } catch (e) {
    if (e instanceof ScanError) return [count.n, e.err];
    if (e instanceof ScanEOF) return [count.n, EOF];
    throw e;
  }
}

type MethodTable = Record<string, (...a: unknown[]) => Go<unknown>>;
/**
 * fmt.Fscan, Fscanln, Fscanf (and Scan* on os.Stdin) over an io.Reader: the input is read as the
 * scan needs it — a rune at a time through ReadRune when the reader is an io.RuneScanner (a
 * bufio.Reader), else a byte at a time through Read (readRune.readByte: one read(2) per byte on
 * os.Stdin, as in Go) — and the scan state machine re-run over what was read until it no longer
 * runs past it. The rune read ahead to end the last operand is given back with UnreadRune to a
 * RuneScanner and lost otherwise (fmt's documented behaviour for a plain Reader).
 */
export function* Fscan(r: Iface | null, format: string | null, ptrs: (Iface | null)[], ln: boolean): Go<[number, Iface | null]> {
  if (r === null) nilDeref();
  const tab = (r.t as unknown as { $m: MethodTable }).$m;
  const runes = tab.ReadRune !== undefined && tab.UnreadRune !== undefined;
  let src = '';
  let ended = false;
  let endErr: Iface | null = null;
  for (;;) {
    const s = new ScanState(src, format === null && !ln, ln, !ended, endErr);
    let res: [number, Iface | null];
    try {
      res = scanString(s, format, ptrs);
    } catch (e) {
      if (!(e instanceof Starved)) throw e;
      if (runes) {
        const [c, , err] = (yield* tab.ReadRune!(r.v)) as [number, number, Iface | null];
        if (err !== null) [ended, endErr] = [true, err === EOF ? null : err];
        else src += runeToString(c);
      } else {
        const b = makeBytes(1, 1);
        const [n, err] = (yield* tab.Read!(r.v, b)) as [number, Iface | null];
        if (n > 0) src += String.fromCharCode(b!.a[b!.o] as number);
        else if (err !== null) [ended, endErr] = [true, err === EOF ? null : err];
      }
      continue;
    }
    if (runes && s.i < src.length) yield* tab.UnreadRune!(r.v);
    return res;
  }
}

export const tStringer = newNamed('Stringer', 'fmt', { k: 'iface', methods: new Map([['String', fn([], [tString])]]) });

const IE = [tInt, tError];
/** os.Stdin as an io.Reader (std/os.ts's member). */
const stdin = `{t: $P.os.tFilePtrType, v: $P.os.std($proc, 0)}`;
const std = (text: string): string => `(yield* $P.fmt.print(1, ${text}))`;
const to = (w: string, text: string): string => `(yield* $P.fmt.fprint(${w}, ${text}))`;
pkg(
  'fmt',
  {
    Println: F(fn([vAny], IE, true), (a) => std(`$L.sprint(${arr(a[0]!)}, true)`)),
    Print: F(fn([vAny], IE, true), (a) => std(`$L.sprint(${arr(a[0]!)}, false)`)),
    Printf: F(fn([tString, vAny], IE, true), (a) => std(`$L.sprintf(${a[0]}, ${arr(a[1]!)})`)),
    // Sprint*'s `s := string(p.buf)` allocates the result (rt/malloc.ts mallocString); Print* write p.buf as it is.
    Sprintf: F(fn([tString, vAny], [tString], true), (a) => `$L.mallocString($L.sprintf(${a[0]}, ${arr(a[1]!)}))`),
    Sprint: F(fn([vAny], [tString], true), (a) => `$L.mallocString($L.sprint(${arr(a[0]!)}, false))`),
    Sprintln: F(fn([vAny], [tString], true), (a) => `$L.mallocString($L.sprint(${arr(a[0]!)}, true))`),
    Errorf: F(fn([tString, vAny], [tError], true), (a, c) => `$P.fmt.Errorf(${a[0]}, ${arr(a[1]!)}, ${Number(c.release.split('.')[1]) >= 20})`),
    Fprintln: F(fn([tWriter, vAny], IE, true), (a) => to(a[0]!, `$L.sprint(${arr(a[1]!)}, true)`)),
    Fprintf: F(fn([tWriter, tString, vAny], IE, true), (a) => to(a[0]!, `$L.sprintf(${a[1]}, ${arr(a[2]!)})`)),
    Fprint: F(fn([tWriter, vAny], IE, true), (a) => to(a[0]!, `$L.sprint(${arr(a[1]!)}, false)`)),
    Stringer: T(tStringer),
    Sscanf: F(fn([tString, tString, vAny], [tInt, tError], true), (a) => `$P.fmt.Sscanf(${a[0]}, ${a[1]}, ${arr(a[2]!)})`),
    Sscan: F(fn([tString, vAny], [tInt, tError], true), (a) => `$P.fmt.Sscanf(${a[0]}, null, ${arr(a[1]!)})`),
    Sscanln: F(fn([tString, vAny], [tInt, tError], true), (a) => `$P.fmt.Sscanf(${a[0]}, null, ${arr(a[1]!)}, true)`),
    Fscan: F(fn([tReader, vAny], [tInt, tError], true), (a) => `(yield* $P.fmt.Fscan(${a[0]}, null, ${arr(a[1]!)}, false))`),
    Fscanln: F(fn([tReader, vAny], [tInt, tError], true), (a) => `(yield* $P.fmt.Fscan(${a[0]}, null, ${arr(a[1]!)}, true))`),
    Fscanf: F(fn([tReader, tString, vAny], [tInt, tError], true), (a) => `(yield* $P.fmt.Fscan(${a[0]}, ${a[1]}, ${arr(a[2]!)}, false))`),
    Scan: F(fn([vAny], [tInt, tError], true), (a) => `(yield* $P.fmt.Fscan(${stdin}, null, ${arr(a[0]!)}, false))`),
    Scanln: F(fn([vAny], [tInt, tError], true), (a) => `(yield* $P.fmt.Fscan(${stdin}, null, ${arr(a[0]!)}, true))`),
    Scanf: F(fn([tString, vAny], [tInt, tError], true), (a) => `(yield* $P.fmt.Fscan(${stdin}, ${a[0]}, ${arr(a[1]!)}, false))`),
    $unsupported: subset(),
  },
  true,
);
