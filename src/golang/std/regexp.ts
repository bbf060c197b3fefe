/**
 * Package regexp: Go's RE2 syntax translated to a JavaScript RegExp where the two agree, refused
 * where they do not. Matching is leftmost-first in both (RE2's default, a backtracking engine's
 * only mode), so the match, its submatches and their indices are Go's for the syntax accepted.
 *
 * Translation (a small parser over the pattern's bytes): `(?P<name>re)` and `(?<name>re)` →
 * `(?<name>re)`; leading flags `(?i)` `(?m)` `(?s)` → RegExp flags; `.` → one UTF-8 sequence or
 * byte other than '\n' (any with `s`); `\s`/`\S` → Go's [\t\n\f\r ] (JS's also matches \v and
 * Unicode spaces); `\A` `\z` → start/end of text; `\Q…\E` → the literal; POSIX classes
 * `[[:alpha:]]`… → their ASCII ranges. Refused with a clear message: flags after the start or
 * in groups, `\p{…}`/`\pL` (Unicode classes), non-ASCII characters inside a bracket class (the
 * bytes of a Go string are not runes), `\C`, the `U` flag, Longest, CompilePOSIX. Go's own errors
 * for syntax RE2 rejects: Perl lookarounds `(?=` `(?!` `(?<=` `(?<!`, backreferences `\1`, a
 * missing `)` or `]`, an unexpected `)`, a repetition without argument
 * (`error parsing regexp: missing argument to repetition operator: \`*\``).
 *
 * Go strings are byte strings (one JS char per byte), so indices are byte offsets as in Go.
 * Find/Replace-All follow regexp.go's allMatches: after an empty match the search moves one UTF-8
 * sequence on, and an empty match right after the previous match is skipped.
 */
import type { Op } from '../../workload/ops.js';
import { tBool, tInt, tString } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, T, fn, sl, ptr, tBytes, native, method, subset } from './registry.js';
import { ErrorString, tErrorStringPtr } from './errors.js';
import { GoPanic } from '../rt/panics.js';
import { type Slice, sliceLit } from '../rt/slices.js';
import { bytesToString, stringToBytes, decodeRune } from '../rt/strings.js';
import { sprintf } from '../rt/format.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** A syntax error: Go's text, or gmpsim's refusal (`unsupported`). */
class SyntaxErr extends Error {
  constructor(
    msg: string,
    readonly unsupported = false,
  ) {
    super(msg);
  }
}
const posix: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const reMeta = /[\\^$.|?*+()[\]{}/]/g;

/** The JS source and flags of RE2 pattern `expr`, its number of groups and their names. */
export function translate(expr: string): { src: string; flags: string; names: string[] } {
  let i = 0;
  let flags = '';
  let dotAll = false;
  // leading flags: (?ims)
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(expr);
  if (lead) {
    for (const f of lead[1]!) {
      if (f === 'i' || f === 'm') flags += f;
      else if (f === 's') dotAll = true;
      else if (f === 'U') throw new SyntaxErr('the U (ungreedy) flag', true);
      else throw new SyntaxErr(`invalid or unsupported Perl syntax: \`(?${f}\``);
    }
    i = lead[0].length;
  }
  const names: string[] = [''];
  let out = '';
  let depth = 0;
  let canRepeat = false;
  const dot = (): string => (dotAll ? '(?:[\\xc0-\\xf7][\\x80-\\xbf]{1,3}|[\\s\\S])' : '(?:[\\xc0-\\xf7][\\x80-\\xbf]{1,3}|[^\\n])');
  const escapeAt = (j: number, inClass: boolean): [string, number] => {
    const c = expr[j + 1];
    if (c === undefined) throw new SyntaxErr('trailing backslash at end of expression');
    if (/[1-9]/.test(c)) throw new SyntaxErr(`invalid escape sequence: \`\\${c}\``);
    if (c === 'p' || c === 'P') throw new SyntaxErr(`Unicode character classes (\\${c}) on Go's byte strings`, true);
    if (c === 'C') throw new SyntaxErr('\\C (any byte)', true);
    if (c === 's') return [inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]', j + 2];
    if (c === 'S') {
      if (inClass) throw new SyntaxErr('\\S inside a character class', true);
      return ['[^\\t\\n\\f\\r ]', j + 2];
    }
    if (c === 'A' && !inClass) return ['(?<![\\s\\S])', j + 2];
    if (c === 'z' && !inClass) return ['(?![\\s\\S])', j + 2];
    if (c === 'Q' && !inClass) {
      const e = expr.indexOf('\\E', j + 2);
      const lit = e < 0 ? expr.slice(j + 2) : expr.slice(j + 2, e);
      return [lit.replace(reMeta, '\\$&'), e < 0 ? expr.length : e + 2];
    }
    if (/[dDwWbBfnrtv\\.+*?()|[\]{}^$\-\/&~#%'",:;<=>@`! ]/.test(c)) return ['\\' + c, j + 2];
    if (c === 'x') {
      const m = /^\\x(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{2})/.exec(expr.slice(j));
      if (!m) throw new SyntaxErr(`invalid escape sequence: \`${expr.slice(j, j + 4)}\``);
      const v = parseInt(m[1]!.replace(/[{}]/g, ''), 16);
      if (v > 0x7f) throw new SyntaxErr('\\x escapes beyond ASCII (they are runes in Go)', true);
      return ['\\x' + v.toString(16).padStart(2, '0'), j + m[0].length];
    }
    if (c === 'a') return ['\\x07', j + 2];
    throw new SyntaxErr(`invalid escape sequence: \`\\${c}\``);
  };
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === '\\') {
      const [s, j] = escapeAt(i, false);
      out += s;
      i = j;
      canRepeat = true;
      continue;
    }
    if (c === '(') {
      if (expr.startsWith('(?', i)) {
        const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(expr.slice(i));
        if (named) {
          names.push(named[1]!);
          out += `(?<${named[1]}>`;
          i += named[0].length;
        } else if (expr.startsWith('(?:', i)) {
          out += '(?:';
          i += 3;
        } else if (/^\(\?(=|!|<=|<!)/.test(expr.slice(i))) {
          throw new SyntaxErr(`invalid or unsupported Perl syntax: \`${/^\(\?(=|!|<=|<!)/.exec(expr.slice(i))![0]}\``);
        } else throw new SyntaxErr('flags inside the pattern (only leading (?ims) is translated)', true);
      } else {
        names.push('');
        out += '(';
        i++;
      }
      depth++;
      canRepeat = false;
      continue;
    }
    if (c === ')') {
      if (depth === 0) throw new SyntaxErr(`unexpected ): \`${expr}\``);
      depth--;
      out += ')';
      i++;
      canRepeat = true;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (expr[j] === '^') {
        cls += '^';
        j++;
      }
      if (expr[j] === ']') {
        cls += '\\]';
        j++;
      }
      for (;;) {
        if (j >= expr.length) throw new SyntaxErr(`missing closing ]: \`${expr.slice(i)}\``);
        const d = expr[j]!;
        if (d === ']') break;
        if (expr.startsWith('[:', j)) {
          const m = /^\[:(\^?)([a-z]+):\]/.exec(expr.slice(j));
          if (m && posix[m[2]!] !== undefined) {
            if (m[1]) throw new SyntaxErr('negated POSIX classes', true);
            cls += posix[m[2]!];
            j += m[0].length;
            continue;
          }
        }
        if (d === '\\') {
          const [s, k] = escapeAt(j, true);
          cls += s;
          j = k;
          continue;
        }
        if (d.charCodeAt(0) >= 0x80) throw new SyntaxErr('non-ASCII characters inside a character class', true);
        cls += d === '[' || d === '/' ? '\\' + d : d;
        j++;
      }
      out += cls + ']';
      i = j + 1;
      canRepeat = true;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(expr.slice(i)))) {
      const rep = c === '{' ? /^\{\d+(,\d*)?\}/.exec(expr.slice(i))![0] : c;
      if (!canRepeat) throw new SyntaxErr(`missing argument to repetition operator: \`${rep}\``);
      out += rep;
      i += rep.length;
      if (expr[i] === '?') {
        out += '?';
        i++;
      }
      if (expr[i] === '*' || expr[i] === '+') throw new SyntaxErr(`invalid nested repetition operator: \`${rep}${expr[i]}\``);
      canRepeat = false;
      continue;
    }
    if (c === '.') {
      out += dot();
      i++;
      canRepeat = true;
      continue;
    }
    if (c === '|') {
      out += '|';
      i++;
      canRepeat = false;
      continue;
    }
    if (c === '^' || c === '$') {
      out += c;
      i++;
      canRepeat = true;
      continue;
    }
    out += c === '/' || c === '{' || c === '}' || c === ']' ? '\\' + c : c;
    i++;
    canRepeat = true;
  }
  if (depth > 0) throw new SyntaxErr(`missing closing ): \`${expr}\``);
  return { src: out, flags, names };
}

/** regexp.Regexp: the RE2 source, its JS translation (global: searches from lastIndex), and the group names. */
export class Regexp {
  constructor(
    readonly expr: string,
    readonly re: RegExp,
    readonly names: string[],
  ) {}
  String(): string {
    return this.expr;
  }
  NumSubexp(): number {
    return this.names.length - 1;
  }
  SubexpNames(): Slice {
    return sliceLit([...this.names]);
  }
  SubexpIndex(name: string): number {
    return name === '' ? -1 : this.names.indexOf(name);
  }
  /** The submatch indices of the first match at or after pos, or null. */
  exec(s: string, pos: number): number[] | null {
    this.re.lastIndex = pos;
    const m = this.re.exec(s);
    if (m === null) return null;
    const idx: number[] = [m.index, m.index + m[0].length];
    // group positions: JS gives the texts; find each group's start by the `d` flag's indices
    const ind = (m as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices!;
    for (let g = 1; g < this.names.length; g++) {
      const p = ind[g];
      idx.push(p ? p[0] : -1, p ? p[1] : -1);
    }
    return idx;
  }
  /** regexp.go's allMatches: up to n matches (n < 0: all). */
  all(s: string, n: number): number[][] {
    const out: number[][] = [];
    let prevEnd = -1;
    for (let pos = 0; (n < 0 || out.length < n) && pos <= s.length; ) {
      const m = this.exec(s, pos);
      if (m === null) break;
      let accept = true;
      if (m[1] === m[0]) {
        if (m[0] === prevEnd) accept = false;
        pos = m[0] < s.length ? m[0] + decodeRune(s, m[0])[1] : s.length + 1;
      } else pos = m[1]!;
      prevEnd = m[1]!;
      if (accept) out.push(m);
    }
    return out;
  }
  MatchString(s: string): boolean {
    return this.exec(s, 0) !== null;
  }
  Match(b: Slice | null): boolean {
    return this.MatchString(bytesToString(b));
  }
  FindString(s: string): string {
    const m = this.exec(s, 0);
    return m === null ? '' : s.slice(m[0], m[1]);
  }
  FindStringIndex(s: string): Slice | null {
    const m = this.exec(s, 0);
    return m === null ? null : sliceLit(m.slice(0, 2));
  }
  FindStringSubmatch(s: string): Slice | null {
    const m = this.exec(s, 0);
    return m === null ? null : sliceLit(groups(s, m));
  }
  FindStringSubmatchIndex(s: string): Slice | null {
    const m = this.exec(s, 0);
    return m === null ? null : sliceLit(m);
  }
  FindAllString(s: string, n: number): Slice | null {
    const ms = this.all(s, n);
    return ms.length === 0 ? null : sliceLit(ms.map((m) => s.slice(m[0], m[1])));
  }
  FindAllStringIndex(s: string, n: number): Slice | null {
    const ms = this.all(s, n);
    return ms.length === 0 ? null : sliceLit(ms.map((m) => sliceLit(m.slice(0, 2))));
  }
  FindAllStringSubmatch(s: string, n: number): Slice | null {
    const ms = this.all(s, n);
    return ms.length === 0 ? null : sliceLit(ms.map((m) => sliceLit(groups(s, m))));
  }
  FindAllStringSubmatchIndex(s: string, n: number): Slice | null {
    const ms = this.all(s, n);
    return ms.length === 0 ? null : sliceLit(ms.map((m) => sliceLit(m)));
  }
  Find(b: Slice | null): Slice | null {
    const s = bytesToString(b);
    const m = this.exec(s, 0);
    return m === null ? null : stringToBytes(s.slice(m[0], m[1]));
  }
  FindIndex(b: Slice | null): Slice | null {
    return this.FindStringIndex(bytesToString(b));
  }
  FindSubmatch(b: Slice | null): Slice | null {
    const s = bytesToString(b);
    const m = this.exec(s, 0);
    return m === null ? null : sliceLit(groupsOrNil(s, m).map((g) => (g === null ? null : stringToBytes(g))));
  }
  FindAll(b: Slice | null, n: number): Slice | null {
    const s = bytesToString(b);
    const ms = this.all(s, n);
    return ms.length === 0 ? null : sliceLit(ms.map((m) => stringToBytes(s.slice(m[0], m[1]))));
  }
  /** Replace every match with what `repl` makes of it (its submatch indices). */
  *replace(s: string, repl: (m: number[]) => Go<string>): Go<string> {
    let out = '';
    let last = 0;
    for (const m of this.all(s, -1)) {
      out += s.slice(last, m[0]) + (yield* repl(m));
      last = m[1]!;
    }
    return out + s.slice(last);
  }
  *ReplaceAllString(s: string, tmpl: string): Go<string> {
    const ns = this.names;
    return yield* this.replace(s, function* (m) {
      return expand(tmpl, s, m, ns);
    });
  }
  *ReplaceAllLiteralString(s: string, lit: string): Go<string> {
    return yield* this.replace(s, function* () {
      return lit;
    });
  }
  *ReplaceAllStringFunc(s: string, f: (x: string) => Go<string>): Go<string> {
    return yield* this.replace(s, function* (m) {
      return yield* f(s.slice(m[0], m[1]));
    });
  }
  *ReplaceAll(b: Slice | null, tmpl: Slice | null): Go<Slice> {
    return stringToBytes(yield* this.ReplaceAllString(bytesToString(b), bytesToString(tmpl)));
  }
  *ReplaceAllLiteral(b: Slice | null, lit: Slice | null): Go<Slice> {
    return stringToBytes(yield* this.ReplaceAllLiteralString(bytesToString(b), bytesToString(lit)));
  }
  *ReplaceAllFunc(b: Slice | null, f: (x: Slice) => Go<Slice | null>): Go<Slice> {
    const s = bytesToString(b);
    return stringToBytes(
      yield* this.replace(s, function* (m) {
        return bytesToString(yield* f(stringToBytes(s.slice(m[0], m[1]))));
      }),
    );
  }
  Split(s: string, n: number): Slice | null {
    if (n === 0) return null;
    if (this.expr.length > 0 && s.length === 0) return sliceLit(['']);
    const out: string[] = [];
    let beg = 0;
    for (const m of this.all(s, n)) {
      if (n > 0 && out.length === n - 1) break;
      const end = m[0]!;
      if (m[1] === 0) continue;
      out.push(s.slice(beg, end));
      beg = m[1]!;
    }
    out.push(s.slice(beg));
    return sliceLit(out);
  }
}
/** The texts of a match's groups ("" for a group that did not take part). */
function groups(s: string, m: number[]): string[] {
  return groupsOrNil(s, m).map((g) => g ?? '');
}
function groupsOrNil(s: string, m: number[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (let g = 0; g < m.length; g += 2) out.push(m[g]! < 0 ? null : s.slice(m[g], m[g + 1]));
  return out;
}
/**
 * Regexp.Expand's template: `$1`, `${1}`, `$name`, `${name}` (a name is the longest run of
 * letters, digits and '_'; a number names a group by index, an unknown name is ""), `$$` is '$'.
 */
function expand(tmpl: string, s: string, m: number[], groupNames: string[]): string {
  let out = '';
  for (let i = 0; i < tmpl.length; ) {
    const c = tmpl[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (tmpl[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    const br = /^\$\{([A-Za-z0-9_]+)\}/.exec(tmpl.slice(i));
    const bare = /^\$([A-Za-z0-9_]+)/.exec(tmpl.slice(i));
    const hit = br ?? bare;
    if (!hit) {
      out += '$';
      i++;
      continue;
    }
    const name = hit[1]!;
    let g = -1;
    if (/^\d+$/.test(name)) g = Number(name);
    else g = groupNames.indexOf(name);
    if (g >= 0 && 2 * g < m.length && m[2 * g]! >= 0) out += s.slice(m[2 * g], m[2 * g + 1]);
    i += hit[0].length;
  }
  return out;
}

const regexpError = (expr: string, e: SyntaxErr): string => (e.unsupported ? `unsupported: ${e.message} in regular expression ${quote(expr)} (gmpsim translates Go's RE2 syntax to JavaScript's RegExp)` : `error parsing regexp: ${e.message}`);
const quote = (s: string): string => sprintf('%q', [{ t: tString, v: s }]);
/** regexp.go's quote: backquoted when strconv.CanBackquote allows (no backquote, no control character but tab). */
// eslint-disable-next-line no-control-regex
const backquote = (s: string): string => (/^[^`\x00-\x08\x0a-\x1f\x7f]*$/.test(s) ? '`' + s + '`' : quote(s));

/** regexp.Compile. */
export function Compile(expr: string): [Regexp | null, Iface | null] {
  try {
    const { src, flags, names: ns } = translate(expr);
    const re = new RegExp(src, flags + 'gd');
    return [new Regexp(expr, re, ns), null];
  } catch (e) {
    if (e instanceof SyntaxErr) return [null, { t: tErrorStringPtr, v: new ErrorString(regexpError(expr, e)) }];
    if (e instanceof SyntaxError) return [null, { t: tErrorStringPtr, v: new ErrorString(`error parsing regexp: invalid syntax: \`${expr}\``) }];
    throw e;
  }
}
/** regexp.MustCompile: Compile, or panic `regexp: Compile("x"): error parsing regexp: …`. */
export function MustCompile(expr: string): Regexp {
  const [r, err] = Compile(expr);
  if (err !== null) {
    const msg = `regexp: Compile(${backquote(expr)}): ${(err.v as ErrorString).s}`;
    throw new GoPanic({ t: tString, v: msg }, msg);
  }
  return r!;
}
/** regexp.MatchString. */
export function MatchString(expr: string, s: string): [boolean, Iface | null] {
  const [r, err] = Compile(expr);
  return r === null ? [false, err] : [r.MatchString(s), null];
}
/** regexp.QuoteMeta: every RE2 metacharacter backslash-escaped. */
export const QuoteMeta = (s: string): string => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

export const tRegexp = native('Regexp', 'regexp', '$P.regexp.Regexp');
const tRegexpPtr = globalTypes.intern(ptr(tRegexp));
const S = tString;
const ints = sl(tInt);
for (const [name, sig, gen] of [
  ['String', fn([], [S]), false],
  ['NumSubexp', fn([], [tInt]), false],
  ['SubexpNames', fn([], [sl(S)]), false],
  ['SubexpIndex', fn([S], [tInt]), false],
  ['MatchString', fn([S], [tBool]), false],
  ['Match', fn([tBytes], [tBool]), false],
  ['FindString', fn([S], [S]), false],
  ['FindStringIndex', fn([S], [ints]), false],
  ['FindStringSubmatch', fn([S], [sl(S)]), false],
  ['FindStringSubmatchIndex', fn([S], [ints]), false],
  ['FindAllString', fn([S, tInt], [sl(S)]), false],
  ['FindAllStringIndex', fn([S, tInt], [sl(ints)]), false],
  ['FindAllStringSubmatch', fn([S, tInt], [sl(sl(S))]), false],
  ['FindAllStringSubmatchIndex', fn([S, tInt], [sl(ints)]), false],
  ['Find', fn([tBytes], [tBytes]), false],
  ['FindIndex', fn([tBytes], [ints]), false],
  ['FindSubmatch', fn([tBytes], [sl(tBytes)]), false],
  ['FindAll', fn([tBytes, tInt], [sl(tBytes)]), false],
  ['ReplaceAllString', fn([S, S], [S]), true],
  ['ReplaceAllLiteralString', fn([S, S], [S]), true],
  ['ReplaceAllStringFunc', fn([S, fn([S], [S])], [S]), true],
  ['ReplaceAll', fn([tBytes, tBytes], [tBytes]), true],
  ['ReplaceAllLiteral', fn([tBytes, tBytes], [tBytes]), true],
  ['ReplaceAllFunc', fn([tBytes, fn([tBytes], [tBytes])], [tBytes]), true],
  ['Split', fn([S, tInt], [sl(S)]), false],
] as const)
  method(tRegexp, name, sig, gen);

pkg('regexp', {
  Regexp: T(tRegexp),
  Compile: F(fn([S], [tRegexpPtr, tError]), (a) => `$P.regexp.Compile(${a[0]})`),
  MustCompile: F(fn([S], [tRegexpPtr]), (a) => `$P.regexp.MustCompile(${a[0]})`),
  MatchString: F(fn([S, S], [tBool, tError]), (a) => `$P.regexp.MatchString(${a[0]}, ${a[1]})`),
  QuoteMeta: F(fn([S], [S]), (a) => `$P.regexp.QuoteMeta(${a[0]})`),
  $unsupported: subset(),
});
