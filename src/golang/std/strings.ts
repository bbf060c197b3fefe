/**
 * Package strings: the common functions (Contains, Split, Fields, Join, Replace, Trim* …) and
 * strings.Builder. Go strings are byte strings here (one JS char per byte, rt/strings.ts), so JS's string
 * methods give Go's byte-wise results (Index counts bytes, Repeat and Split work on bytes).
 *
 * What depends on runes decodes the UTF-8 (JS's own string methods would see each byte as a
 * Latin-1 character: trim() took the 0xA0 ending "à" for a no-break space): TrimSpace and Fields
 * use unicode.IsSpace's runes; ToUpper/ToLower/ToTitle map rune by rune with the simple case
 * mappings (Go's unicode.ToUpper: ß stays ß, not JS's SS); Count, Replace and Split with an empty
 * separator step by runes.
 *
 * Simplified: Builder is a growing byte string (no Grow, Cap).
 */
import { basic, tBool, tInt, tInt32, tString, tUint8 } from '../types.js';
import { EOF, ErrShortWrite, tWriter, writeString } from './io.js';
import { New as newError } from './errors.js';
import { tError } from '../core.js';
import { pkg, F, T, fn, sl, ptr, tBytes, native, method, subset } from './registry.js';
import type { Slice } from '../rt/slices.js';
import { bytesToString, runeToString, decodeUTF8, encodeUTF8, decodeRune } from '../rt/strings.js';
import { sliceLit, copySlice, sliceToArray } from '../rt/slices.js';
import { growCap, mallocLib, roundupsize } from '../rt/malloc.js';
import type { Iface } from '../rt/values.js';
import type { Op } from '../../workload/ops.js';
import { GoPanic } from '../rt/panics.js';

type Go<T = void> = Generator<Op, T, unknown>;
/** A Go func(rune) value as the generated code calls it. */
type RuneFunc<R> = (r: number) => Go<R>;

/**
 * strings.Map: each rune of s through mapping (a Go func, called as the program's calls are); a
 * negative result drops the rune. Invalid UTF-8 decodes as RuneError, as `for range` does.
 */
export function* Map(mapping: RuneFunc<number>, s: string): Go<string> {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const [r, w] = decodeRune(s, i);
    i += w;
    const m = yield* mapping(r);
    if (m >= 0) out += runeToString(m);
  }
  return out;
}
/** strings.IndexFunc / LastIndexFunc: the byte index of the first (last) rune f accepts, or -1. */
export function* IndexFunc(s: string, f: RuneFunc<boolean>, truth = true): Go<number> {
  for (let i = 0; i < s.length; ) {
    const [r, w] = decodeRune(s, i);
    if ((yield* f(r)) === truth) return i;
    i += w;
  }
  return -1;
}
export function* LastIndexFunc(s: string, f: RuneFunc<boolean>): Go<number> {
  let last = -1;
  for (let i = 0; i < s.length; ) {
    const [r, w] = decodeRune(s, i);
    if (yield* f(r)) last = i;
    i += w;
  }
  return last;
}
/** strings.FieldsFunc: the runs of runes f rejects, split at every rune it accepts. */
export function* FieldsFunc(s: string, f: RuneFunc<boolean>): Go<Slice> {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const [r, w] = decodeRune(s, i);
    if (yield* f(r)) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
    i += w;
  }
  if (start >= 0) out.push(s.slice(start));
  return sliceLit(out);
}
/** strings.TrimFunc / TrimLeftFunc / TrimRightFunc. */
export function* TrimLeftFunc(s: string, f: RuneFunc<boolean>): Go<string> {
  const i = yield* IndexFunc(s, f, false);
  return i < 0 ? '' : s.slice(i);
}
export function* TrimRightFunc(s: string, f: RuneFunc<boolean>): Go<string> {
  let end = 0;
  for (let i = 0; i < s.length; ) {
    const [r, w] = decodeRune(s, i);
    i += w;
    if (!(yield* f(r))) end = i;
  }
  return s.slice(0, end);
}
export function* TrimFunc(s: string, f: RuneFunc<boolean>): Go<string> {
  return yield* TrimRightFunc(yield* TrimLeftFunc(s, f), f);
}

/** strings.Replace(s, old, new, n): the first n (all when n < 0) non-overlapping instances. */
/** unicode.IsSpace: the ASCII and Latin-1 spaces, and Unicode's White_Space beyond. */
export function isSpaceRune(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}
/** Where the rune ending at byte j starts (utf8.DecodeLastRuneInString: an invalid byte alone). */
function lastRuneStart(s: string, j: number): number {
  const lim = Math.max(0, j - 4);
  let k = j - 1;
  while (k > lim && (s.charCodeAt(k) & 0xc0) === 0x80) k--;
  return k + decodeRune(s, k)[1] === j ? k : j - 1;
}
/** strings.TrimSpace: without leading and trailing unicode.IsSpace runes. */
export function TrimSpace(s: string): string {
  let i = 0;
  while (i < s.length) {
    const [r, n] = decodeRune(s, i);
    if (!isSpaceRune(r)) break;
    i += n;
  }
  let j = s.length;
  while (j > i) {
    const k = lastRuneStart(s, j);
    if (!isSpaceRune(decodeRune(s, k)[0])) break;
    j = k;
  }
  return s.slice(i, j);
}
/** strings.Fields: the runs of non-space runes (unicode.IsSpace). */
export function Fields(s: string): Slice {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const [r, n] = decodeRune(s, i);
    if (isSpaceRune(r)) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
    i += n;
  }
  if (start >= 0) out.push(s.slice(start));
  return sliceLit(out);
}
/** The byte offsets where an empty separator matches: 0 and after each UTF-8 sequence. */
function runeBoundaries(s: string): number[] {
  const at = [0];
  for (let i = 0; i < s.length; ) {
    i += decodeRune(s, i)[1];
    at.push(i);
  }
  return at;
}
/** strings.Count: non-overlapping instances; an empty sep counts the runes plus one. */
export function Count(s: string, sep: string): number {
  if (sep === '') return runeBoundaries(s).length;
  return s.split(sep).length - 1;
}
export function Replace(s: string, a: string, b: string, n: number): string {
  if (a === '') {
    // an empty old matches at the start and after each rune (strings.go genSplit/Replace)
    const at = runeBoundaries(s);
    const k = n < 0 ? at.length : Math.min(n, at.length);
    let out = '';
    let prev = 0;
    for (let i = 0; i < k; i++) {
      out += s.slice(prev, at[i]) + b;
      prev = at[i]!;
    }
    return out + s.slice(prev);
  }
  if (n < 0) return s.split(a).join(b);
  let out = s;
  for (let i = 0; i < n; i++) {
    const j = out.indexOf(a);
    if (j < 0) break;
    out = out.slice(0, j) + b + out.slice(j + a.length);
  }
  return out;
}
export const TrimPrefix = (s: string, p: string): string => (s.startsWith(p) ? s.slice(p.length) : s);
/** strings.CutPrefix, CutSuffix (Go 1.20): s without the affix, and whether it was there. */
export const CutPrefix = (s: string, p: string): [string, boolean] => (s.startsWith(p) ? [s.slice(p.length), true] : [s, false]);
export const CutSuffix = (s: string, p: string): [string, boolean] => (s.endsWith(p) ? [s.slice(0, s.length - p.length), true] : [s, false]);
export const TrimSuffix = (s: string, p: string): string => (p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s);

/**
 * strings.Builder: a byte string that grows. `cap` is Go's buffer capacity: each write appends to
 * b.buf, and an append past it grows the buffer as growslice does (a new array of the rounded
 * capacity: rt/malloc.ts); String() shares the buffer (no copy).
 */
export class Builder {
  s = '';
  cap = 0;
  static of(s: string): Builder {
    const b = new Builder();
    b.s = s;
    b.cap = s.length;
    return b;
  }
  private grow(n: number): void {
    const need = this.s.length + n;
    if (need <= this.cap) return;
    this.cap = growCap(this.cap, need);
    mallocLib(this.cap);
  }
  WriteString(x: string): [number, Iface | null] {
    this.grow(x.length);
    this.s += x;
    return [x.length, null];
  }
  WriteByte(c: number): Iface | null {
    this.grow(1);
    this.s += String.fromCharCode(c & 255);
    return null;
  }
  WriteRune(r: number): [number, Iface | null] {
    const x = runeToString(r);
    this.grow(x.length);
    this.s += x;
    return [x.length, null];
  }
  Write(b: Slice | null): [number, Iface | null] {
    const x = bytesToString(b);
    this.grow(x.length);
    this.s += x;
    return [x.length, null];
  }
  String(): string {
    return this.s;
  }
  Len(): number {
    return this.s.length;
  }
  Cap(): number {
    return this.cap;
  }
  /** Grow(n): room for n more bytes without another allocation (builder.go grow: 2·cap + n). */
  Grow(n: number): void {
    if (n < 0) throw new GoPanic(null, 'strings.Builder.Grow: negative count');
    if (this.cap - this.s.length < n) {
      this.cap = roundupsize(2 * this.cap + n);
      mallocLib(this.cap);
    }
  }
  Reset(): void {
    this.s = '';
    this.cap = 0;
  }
}
/**
 * Results the package allocates (strings.go): a function that changes nothing returns s itself
 * (ToUpper of an upper-case string, Replace without a match), anything else a new string;
 * Split/Fields make a []string of the pieces (16 bytes a header), Join one string of the result's
 * length unless there is at most one element.
 */
export function changed(orig: string, res: string): string {
  if (res !== orig) mallocLib(res.length);
  return res;
}
export function pieces(a: Slice | null): Slice | null {
  if (a !== null) mallocLib(16 * a.n);
  return a;
}
export function Join(elems: Slice | null, sep: string): string {
  const a = sliceToArray(elems) as string[];
  const r = a.join(sep);
  if (a.length > 1) mallocLib(r.length);
  return r;
}
/** The methods of strings.Builder and bytes.Buffer (one JS class implements both). */
export function builderMethods(t: ReturnType<typeof native>): void {
  method(t, 'WriteString', fn([tString], [tInt, tError]), false);
  method(t, 'WriteByte', fn([tUint8], [tError]), false);
  method(t, 'WriteRune', fn([tInt32], [tInt, tError]), false);
  method(t, 'Write', fn([tBytes], [tInt, tError]), false);
  method(t, 'String', fn([], [tString]), false);
  method(t, 'Len', fn([], [tInt]), false);
  method(t, 'Reset', fn([]), false);
  method(t, 'Cap', fn([], [tInt]), false);
  method(t, 'Grow', fn([tInt]), false);
}
export const tBuilder = native('Builder', 'strings', '$P.strings.Builder');
builderMethods(tBuilder);

/**
 * strings.Reader (strings/reader.go): an io.Reader, io.ReaderAt, io.ByteScanner, io.RuneScanner,
 * io.Seeker and io.WriterTo over a string; `prevRune` is where the last ReadRune started (−1: the last
 * operation was not a ReadRune), as UnreadRune needs.
 */
/** strings.NewReader: &Reader{s, 0, -1}, 32 bytes on the heap (go1.19.8/go1.26.8 TotalAlloc, gotests/library_alloc.go). */
export function newReader(s: string): Reader {
  mallocLib(32);
  return new Reader(s);
}
export class Reader {
  i = 0;
  prevRune = -1;
  constructor(public s: string) {}
  *Read(b: Slice | null): Generator<never, [number, Iface | null], unknown> {
    if (this.i >= this.s.length) return [0, EOF];
    this.prevRune = -1;
    const n = Math.min(b === null ? 0 : b.n, this.s.length - this.i);
    for (let k = 0; k < n; k++) b!.a[b!.o + k] = this.s.charCodeAt(this.i + k);
    this.i += n;
    return [n, null];
  }
  ReadAt(b: Slice | null, off: number): [number, Iface | null] {
    off = Number(off);
    if (off < 0) return [0, newError('strings.Reader.ReadAt: negative offset')];
    if (off >= this.s.length) return [0, EOF];
    const n = copySlice(b, this.s.slice(off));
    return [n, n < (b === null ? 0 : b.n) ? EOF : null];
  }
  ReadByte(): [number, Iface | null] {
    this.prevRune = -1;
    if (this.i >= this.s.length) return [0, EOF];
    return [this.s.charCodeAt(this.i++), null];
  }
  ReadRune(): [number, number, Iface | null] {
    if (this.i >= this.s.length) {
      this.prevRune = -1;
      return [0, 0, EOF];
    }
    this.prevRune = this.i;
    const [r, size] = decodeRune(this.s, this.i);
    this.i += size;
    return [r, size, null];
  }
  UnreadRune(): Iface | null {
    if (this.i <= 0) return newError('strings.Reader.UnreadRune: at beginning of string');
    if (this.prevRune < 0) return newError('strings.Reader.UnreadRune: previous operation was not ReadRune');
    this.i = this.prevRune;
    this.prevRune = -1;
    return null;
  }
  Seek(offset: number, whence: number): [number, Iface | null] {
    this.prevRune = -1;
    offset = Number(offset);
    let abs: number;
    if (whence === 0) abs = offset;
    else if (whence === 1) abs = this.i + offset;
    else if (whence === 2) abs = this.s.length + offset;
    else return [0, newError('strings.Reader.Seek: invalid whence')];
    if (abs < 0) return [0, newError('strings.Reader.Seek: negative position')];
    this.i = abs;
    return [abs, null];
  }
  *WriteTo(w: Iface | null): Generator<Op, [number, Iface | null], unknown> {
    this.prevRune = -1;
    if (this.i >= this.s.length) return [0, null];
    const rest = this.s.slice(this.i);
    const [m, err] = yield* writeString(w, rest);
    this.i += m;
    if (m !== rest.length && err === null) return [m, ErrShortWrite];
    return [m, err];
  }
  Reset(s: string): void {
    this.s = s;
    this.i = 0;
    this.prevRune = -1;
  }
  UnreadByte(): Iface | null {
    if (this.i <= 0) return newError('strings.Reader.UnreadByte: at beginning of string');
    this.prevRune = -1;
    this.i--;
    return null;
  }
  Len(): number {
    return Math.max(0, this.s.length - this.i);
  }
  Size(): number {
    return this.s.length;
  }
}
/**
 * strings' genSplit: s cut around each instance of sep, keeping the first sepSave bytes of sep in
 * each piece, into at most n pieces (n < 0: all; n == 0: nil). An empty sep cuts s after each UTF-8
 * sequence (explode: invalid bytes are single pieces).
 */
export function genSplit(s: string, sep: string, sepSave: number, n: number): Slice | null {
  if (n === 0) return null;
  if (sep === '') return sliceLit(explode(s, n));
  if (n < 0) n = s.split(sep).length;
  const out: string[] = [];
  let i = 0;
  while (out.length < n - 1) {
    const m = s.indexOf(sep, i);
    if (m < 0) break;
    out.push(s.slice(i, m + sepSave));
    i = m + sep.length;
  }
  out.push(s.slice(i));
  return sliceLit(out);
}
/** strings' explode: s as UTF-8 sequences, at most n (the last holds the rest). */
function explode(s: string, n: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length && (n < 0 || out.length < n - 1)) {
    const size = decodeRune(s, i)[1];
    out.push(s.slice(i, i + size));
    i += size;
  }
  if (i < s.length) out.push(s.slice(i));
  return out;
}
/** The runes of a cutset, each as its UTF-8 bytes. */
function cutset(cs: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < cs.length; ) {
    const size = decodeRune(cs, i)[1];
    out.push(cs.slice(i, i + size));
    i += size;
  }
  return out;
}
export function TrimLeft(s: string, cs: string): string {
  const set = cutset(cs);
  for (let again = true; again && s !== ''; ) {
    again = false;
    for (const r of set)
      if (s.startsWith(r)) {
        s = s.slice(r.length);
        again = true;
        break;
      }
  }
  return s;
}
export function TrimRight(s: string, cs: string): string {
  const set = cutset(cs);
  for (let again = true; again && s !== ''; ) {
    again = false;
    for (const r of set)
      if (s.endsWith(r)) {
        s = s.slice(0, s.length - r.length);
        again = true;
        break;
      }
  }
  return s;
}
/** strings.IndexAny / LastIndexAny: the first (last) byte index of any rune of chars, or -1. */
export function IndexAny(s: string, chars: string, last: boolean): number {
  let best = -1;
  for (const r of cutset(chars)) {
    const i = last ? s.lastIndexOf(r) : s.indexOf(r);
    if (i >= 0 && (best < 0 || (last ? i > best : i < best))) best = i;
  }
  return best;
}
/**
 * strings.ToUpper / ToLower: ASCII text through JS's case mapping of the bytes; other text decoded,
 * mapped rune-wise by JS's full case mapping, encoded again (invalid UTF-8 becomes U+FFFD, as Go's
 * Map does; JS maps a few runes to several, e.g. ß → SS, where Go keeps the rune).
 */
/**
 * unicode.ToUpper/ToLower/ToTitle of one rune: the simple case mapping. JS's toUpperCase applies
 * the full (special) mappings — ß → SS, İ → i̇ —: a result of more than one rune is not a simple
 * mapping, and the rune stays (İ's simple lower case is i). Title case is upper case but for the
 * Latin digraphs (Ǆ ǅ ǆ → ǅ, Ǉ…, Ǌ…, Ǳ…).
 */
export function caseRune(r: number, to: 'upper' | 'lower' | 'title'): number {
  if (to === 'lower' && r === 0x130) return 0x69;
  if (to === 'title' && ((r >= 0x1c4 && r <= 0x1cc) || (r >= 0x1f1 && r <= 0x1f3))) return r <= 0x1c6 ? 0x1c5 : r <= 0x1c9 ? 0x1c8 : r <= 0x1cc ? 0x1cb : 0x1f2;
  const c = String.fromCodePoint(r);
  const m = to === 'lower' ? c.toLowerCase() : c.toUpperCase();
  const mr = m.codePointAt(0)!;
  return m.length === (mr > 0xffff ? 2 : 1) ? mr : r;
}
function mapCase(s: string, to: 'upper' | 'lower' | 'title'): string {
  let out = '';
  for (const ch of decodeUTF8(s)) out += String.fromCodePoint(caseRune(ch.codePointAt(0)!, to));
  return encodeUTF8(out);
}
export function upper(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.toUpperCase() : mapCase(s, 'upper');
}
export function lower(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : mapCase(s, 'lower');
}
export function title(s: string): string {
  return mapCase(s, 'title');
}
/**
 * strings.Title (deprecated in Go 1.18, still there): the first letter of every word upper-cased
 * (title case = upper case but for a few digraphs). A word starts after a separator: any ASCII
 * character but letters, digits and '_'; outside ASCII, a space (Go's isSeparator, which also counts
 * other letters and digits as part of a word).
 */
export function Title(s: string): string {
  const t = decodeUTF8(s);
  let out = '';
  let prevSep = true;
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    out += prevSep ? String.fromCodePoint(caseRune(c, 'title')) : ch;
    if (c < 0x80) prevSep = !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
    else prevSep = /^\s$/u.test(ch);
  }
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? out : encodeUTF8(out);
}
/** strings.Cut: before, after, found. */
export function Cut(s: string, sep: string): [string, string, boolean] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, '', false] : [s.slice(0, i), s.slice(i + sep.length), true];
}
/** strings.Compare: -1, 0 or +1 by byte-wise order. */
export const Compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** strings.EqualFold: equal under simple Unicode case folding (here: JS's toLowerCase of the decoded text). */
export function EqualFold(a: string, b: string): boolean {
  return decodeUTF8(a).toLowerCase() === decodeUTF8(b).toLowerCase();
}
/**
 * strings.Replacer (replace.go's semantics): left to right, at each position the first old string
 * in argument order that matches is replaced, without overlaps; an empty old string matches at
 * every byte boundary (genericReplacer steps by bytes, unlike strings.Replace's runes). An odd
 * argument count panics as Go's does.
 */
export class Replacer {
  readonly pairs: [string, string][] = [];
  constructor(oldnew: string[]) {
    if (oldnew.length % 2 === 1) throw new GoPanic({ t: tString, v: 'strings.NewReplacer: odd argument count' }, 'strings.NewReplacer: odd argument count');
    for (let i = 0; i < oldnew.length; i += 2) this.pairs.push([oldnew[i]!, oldnew[i + 1]!]);
  }
  Replace(s: string): string {
    let out = '';
    for (let i = 0; i <= s.length; ) {
      const m = this.pairs.find(([o]) => s.startsWith(o, i));
      if (m !== undefined) out += m[1];
      if (i === s.length) break;
      if (m !== undefined && m[0] !== '') i += m[0].length;
      else out += s[i++];
    }
    return out;
  }
  *WriteString(w: Iface | null, s: string): Go<[number, Iface | null]> {
    return yield* writeString(w, this.Replace(s));
  }
}
export const tReplacer = native('Replacer', 'strings', '$P.strings.Replacer');
method(tReplacer, 'Replace', fn([tString], [tString]), false);
method(tReplacer, 'WriteString', fn([tWriter, tString], [tInt, tError]), true);

export const tStringsReader = native('Reader', 'strings', '$P.strings.Reader');
method(tStringsReader, 'Read', fn([tBytes], [tInt, tError]), true);
method(tStringsReader, 'ReadByte', fn([], [tUint8, tError]), false);
method(tStringsReader, 'UnreadByte', fn([], [tError]), false);
method(tStringsReader, 'Len', fn([], [tInt]), false);
method(tStringsReader, 'Size', fn([], [basic('int64')]), false);
method(tStringsReader, 'ReadAt', fn([tBytes, basic('int64')], [tInt, tError]), false);
method(tStringsReader, 'ReadRune', fn([], [tInt32, tInt, tError]), false);
method(tStringsReader, 'UnreadRune', fn([], [tError]), false);
method(tStringsReader, 'Seek', fn([basic('int64'), tInt], [basic('int64'), tError]), false);
method(tStringsReader, 'WriteTo', fn([tWriter], [basic('int64'), tError]), true);
method(tStringsReader, 'Reset', fn([tString], []), false);

const S = tString;
pkg('strings', {
  Reader: T(tStringsReader),
  Replacer: T(tReplacer),
  NewReplacer: F(fn([sl(S)], [ptr(tReplacer)], true), (a) => `new $P.strings.Replacer($L.sliceToArray(${a[0]}))`),
  NewReader: F(fn([tString], [ptr(tStringsReader)]), (a) => `$P.strings.newReader(${a[0]})`),
  Contains: F(fn([S, S], [tBool]), (a) => `${a[0]}.includes(${a[1]})`),
  HasPrefix: F(fn([S, S], [tBool]), (a) => `${a[0]}.startsWith(${a[1]})`),
  HasSuffix: F(fn([S, S], [tBool]), (a) => `${a[0]}.endsWith(${a[1]})`),
  Index: F(fn([S, S], [tInt]), (a) => `${a[0]}.indexOf(${a[1]})`),
  Repeat: F(fn([S, tInt], [S]), (a) => `$L.mallocString(${a[0]}.repeat(${a[1]}))`),
  ToUpper: F(fn([S], [S]), (a) => `$P.strings.changed(${a[0]}, $P.strings.upper(${a[0]}))`),
  Title: F(fn([S], [S]), (a) => `$P.strings.changed(${a[0]}, $P.strings.Title(${a[0]}))`),
  Map: F(fn([fn([tInt32], [tInt32]), S], [S]), (a) => `(yield* $P.strings.Map(${a[0]}, ${a[1]}))`),
  IndexFunc: F(fn([S, fn([tInt32], [tBool])], [tInt]), (a) => `(yield* $P.strings.IndexFunc(${a[0]}, ${a[1]}))`),
  LastIndexFunc: F(fn([S, fn([tInt32], [tBool])], [tInt]), (a) => `(yield* $P.strings.LastIndexFunc(${a[0]}, ${a[1]}))`),
  FieldsFunc: F(fn([S, fn([tInt32], [tBool])], [sl(S)]), (a) => `(yield* $P.strings.FieldsFunc(${a[0]}, ${a[1]}))`),
  TrimFunc: F(fn([S, fn([tInt32], [tBool])], [S]), (a) => `(yield* $P.strings.TrimFunc(${a[0]}, ${a[1]}))`),
  TrimLeftFunc: F(fn([S, fn([tInt32], [tBool])], [S]), (a) => `(yield* $P.strings.TrimLeftFunc(${a[0]}, ${a[1]}))`),
  TrimRightFunc: F(fn([S, fn([tInt32], [tBool])], [S]), (a) => `(yield* $P.strings.TrimRightFunc(${a[0]}, ${a[1]}))`),
  ToLower: F(fn([S], [S]), (a) => `$P.strings.changed(${a[0]}, $P.strings.lower(${a[0]}))`),
  TrimSpace: F(fn([S], [S]), (a) => `$P.strings.TrimSpace(${a[0]})`),
  Split: F(fn([S, S], [sl(S)]), (a) => `$P.strings.pieces($P.strings.genSplit(${a[0]}, ${a[1]}, 0, -1))`),
  SplitN: F(fn([S, S, tInt], [sl(S)]), (a) => `$P.strings.pieces($P.strings.genSplit(${a[0]}, ${a[1]}, 0, ${a[2]}))`),
  SplitAfter: F(fn([S, S], [sl(S)]), (a) => `$P.strings.pieces($P.strings.genSplit(${a[0]}, ${a[1]}, ${a[1]}.length, -1))`),
  SplitAfterN: F(fn([S, S, tInt], [sl(S)]), (a) => `$P.strings.pieces($P.strings.genSplit(${a[0]}, ${a[1]}, ${a[1]}.length, ${a[2]}))`),
  LastIndex: F(fn([S, S], [tInt]), (a) => `${a[0]}.lastIndexOf(${a[1]})`),
  IndexByte: F(fn([S, tUint8], [tInt]), (a) => `${a[0]}.indexOf(String.fromCharCode(${a[1]}))`),
  LastIndexByte: F(fn([S, tUint8], [tInt]), (a) => `${a[0]}.lastIndexOf(String.fromCharCode(${a[1]}))`),
  IndexRune: F(fn([S, tInt32], [tInt]), (a) => `${a[0]}.indexOf($L.runeToString(${a[1]}))`),
  ContainsRune: F(fn([S, tInt32], [tBool]), (a) => `${a[0]}.includes($L.runeToString(${a[1]}))`),
  IndexAny: F(fn([S, S], [tInt]), (a) => `$P.strings.IndexAny(${a[0]}, ${a[1]}, false)`),
  LastIndexAny: F(fn([S, S], [tInt]), (a) => `$P.strings.IndexAny(${a[0]}, ${a[1]}, true)`),
  ContainsAny: F(fn([S, S], [tBool]), (a) => `($P.strings.IndexAny(${a[0]}, ${a[1]}, false) >= 0)`),
  Trim: F(fn([S, S], [S]), (a) => `$P.strings.TrimRight($P.strings.TrimLeft(${a[0]}, ${a[1]}), ${a[1]})`),
  TrimLeft: F(fn([S, S], [S]), (a) => `$P.strings.TrimLeft(${a[0]}, ${a[1]})`),
  TrimRight: F(fn([S, S], [S]), (a) => `$P.strings.TrimRight(${a[0]}, ${a[1]})`),
  Cut: F(fn([S, S], [S, S, tBool]), (a) => `$P.strings.Cut(${a[0]}, ${a[1]})`),
  Compare: F(fn([S, S], [tInt]), (a) => `$P.strings.Compare(${a[0]}, ${a[1]})`),
  Fields: F(fn([S], [sl(S)]), (a) => `$P.strings.pieces($P.strings.Fields(${a[0]}))`),
  Join: F(fn([sl(S), S], [S]), (a) => `$P.strings.Join(${a[0]}, ${a[1]})`),
  Replace: F(fn([S, S, S, tInt], [S]), (a) => `$P.strings.changed(${a[0]}, $P.strings.Replace(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}))`),
  ReplaceAll: F(fn([S, S, S], [S]), (a) => `$P.strings.changed(${a[0]}, $P.strings.Replace(${a[0]}, ${a[1]}, ${a[2]}, -1))`),
  ToTitle: F(fn([S], [S]), (a) => `$P.strings.changed(${a[0]}, $P.strings.title(${a[0]}))`),
  Clone: F(fn([S], [S]), (a) => `(${a[0]})`),
  CutPrefix: { ...F(fn([S, S], [S, tBool]), (a) => `$P.strings.CutPrefix(${a[0]}, ${a[1]})`), since: '1.20' },
  CutSuffix: { ...F(fn([S, S], [S, tBool]), (a) => `$P.strings.CutSuffix(${a[0]}, ${a[1]})`), since: '1.20' },
  Count: F(fn([S, S], [tInt]), (a) => `$P.strings.Count(${a[0]}, ${a[1]})`),
  TrimPrefix: F(fn([S, S], [S]), (a) => `$P.strings.TrimPrefix(${a[0]}, ${a[1]})`),
  TrimSuffix: F(fn([S, S], [S]), (a) => `$P.strings.TrimSuffix(${a[0]}, ${a[1]})`),
  EqualFold: F(fn([S, S], [tBool]), (a) => `$P.strings.EqualFold(${a[0]}, ${a[1]})`),
  $unsupported: subset(),
  Builder: T(tBuilder),
});
