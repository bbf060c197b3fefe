/**
 * Package path: slash-separated paths, with Go's algorithms (path/path.go): Clean (the shortest
 * equivalent path: repeated slashes, `.` elements and `..` after a real element removed, `..` at
 * the root dropped), Join (the non-empty elements joined with '/', cleaned), Split, Base, Dir (the
 * cleaned directory part), Ext, IsAbs. path/filepath on Linux is the same algorithm with '/' as the
 * separator (std/path_filepath.ts uses these functions and adds Rel, Abs, WalkDir…). Match is
 * path/match.go's algorithm (chunks of literal text, ?, [classes] after a star; a star does not
 * cross '/'; a malformed pattern is ErrBadPattern, also when the match already failed).
 */
import { tError } from '../core.js';
import { tBool, tString } from '../types.js';
import { pkg, F, V, fn, sl, subset } from './registry.js';
import { newError } from './errors.js';
import { decodeRune } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

/** path.ErrBadPattern (filepath.ErrBadPattern is another value with the same text). */
export const ErrBadPattern = newError('syntax error in pattern');
class BadPattern {}

/** scanChunk: the leading stars, the chunk up to the next star outside a class, the rest. */
function scanChunk(pattern: string): [boolean, string, string] {
  let star = false;
  while (pattern.length > 0 && pattern[0] === '*') {
    pattern = pattern.slice(1);
    star = true;
  }
  let inrange = false;
  let i = 0;
  scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case '\\':
        if (i + 1 < pattern.length) i++;
        break;
      case '[':
        inrange = true;
        break;
      case ']':
        inrange = false;
        break;
      case '*':
        if (!inrange) break scan;
    }
  }
  return [star, pattern.slice(0, i), pattern.slice(i)];
}
/** getEsc: a class's next (possibly escaped) rune and the rest; BadPattern when malformed. */
function getEsc(chunk: string): [number, string] {
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') throw new BadPattern();
  if (chunk[0] === '\\') {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new BadPattern();
  }
  const [r, n] = decodeRune(chunk, 0);
  if (r === 0xfffd && n === 1) throw new BadPattern();
  const rest = chunk.slice(n);
  if (rest.length === 0) throw new BadPattern();
  return [r, rest];
}
/** matchChunk: s after the chunk matched at its start (null: no match), checking the chunk's syntax throughout. */
function matchChunk(chunk: string, s: string): string | null {
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c = chunk[0];
    if (c === '[') {
      let r = 0;
      if (!failed) {
        const [rr, n] = decodeRune(s, 0);
        r = rr;
        s = s.slice(n);
      }
      chunk = chunk.slice(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === '^') {
        negated = true;
        chunk = chunk.slice(1);
      }
      let match = false;
      for (let nrange = 0; ; nrange++) {
        if (chunk.length > 0 && chunk[0] === ']' && nrange > 0) {
          chunk = chunk.slice(1);
          break;
        }
        let lo: number;
        [lo, chunk] = getEsc(chunk);
        let hi = lo;
        if (chunk[0] === '-') [hi, chunk] = getEsc(chunk.slice(1));
        if (lo <= r && r <= hi) match = true;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[0] === '/') failed = true;
        s = s.slice(decodeRune(s, 0)[1]);
      }
      chunk = chunk.slice(1);
    } else {
      if (c === '\\') {
        chunk = chunk.slice(1);
        if (chunk.length === 0) throw new BadPattern();
      }
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.slice(1);
      }
      chunk = chunk.slice(1);
    }
  }
  return failed ? null : s;
}
/**
 * path.Match (and filepath.Match on Linux, whose malformed-pattern error is its own value `bad`):
 * whether name matches the shell pattern.
 */
export function Match(pattern: string, name: string, bad: Iface = ErrBadPattern): [boolean, Iface | null] {
  try {
    pat: while (pattern.length > 0) {
      let star: boolean;
      let chunk: string;
      [star, chunk, pattern] = scanChunk(pattern);
      if (star && chunk === '') return [!name.includes('/'), null];
      const t = matchChunk(chunk, name);
      if (t !== null && (t.length === 0 || pattern.length > 0)) {
        name = t;
        continue;
      }
      if (star) {
        for (let i = 0; i < name.length && name[i] !== '/'; i++) {
          const t2 = matchChunk(chunk, name.slice(i + 1));
          if (t2 !== null) {
            if (pattern.length === 0 && t2.length > 0) continue;
            name = t2;
            continue pat;
          }
        }
      }
      // no match: the rest of the pattern must still be well-formed
      while (pattern.length > 0) {
        [, chunk, pattern] = scanChunk(pattern);
        matchChunk(chunk, '');
      }
      return [false, null];
    }
    return [name.length === 0, null];
  } catch (e) {
    if (e instanceof BadPattern) return [false, bad];
    throw e;
  }
}

/** path.Clean (path/path.go's lexical rules). */
export function Clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  return rooted ? '/' + body : body === '' ? '.' : body;
}
/** path.Join: the non-empty elements joined with '/', then cleaned ("" when all are empty). */
export function Join(parts: string[]): string {
  const j = parts.filter((p) => p !== '').join('/');
  return j === '' ? '' : Clean(j);
}
/** path.Split: [dir, file] split after the last slash. */
export function Split(p: string): [string, string] {
  const i = p.lastIndexOf('/');
  return [p.slice(0, i + 1), p.slice(i + 1)];
}
/** path.Base: the last element (trailing slashes removed; "." for "", "/" for all slashes). */
export function Base(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? (p === '' ? '.' : '/') : t.slice(t.lastIndexOf('/') + 1);
}
/** path.Dir: all but the last element, cleaned. */
export function Dir(p: string): string {
  return Clean(Split(p)[0]);
}
/** path.Ext: the suffix from the last dot of the last element ("" when it has none). */
export function Ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

export const members = {
  Join: F(fn([sl(tString)], [tString], true), (a) => `$P.path.Join($L.sliceToArray(${a[0]}))`),
  Base: F(fn([tString], [tString]), (a) => `$P.path.Base(${a[0]})`),
  Dir: F(fn([tString], [tString]), (a) => `$P.path.Dir(${a[0]})`),
  Clean: F(fn([tString], [tString]), (a) => `$P.path.Clean(${a[0]})`),
  Split: F(fn([tString], [tString, tString]), (a) => `$P.path.Split(${a[0]})`),
  Ext: F(fn([tString], [tString]), (a) => `$P.path.Ext(${a[0]})`),
  IsAbs: F(fn([tString], [tBool]), (a) => `${a[0]}.startsWith('/')`),
  Match: F(fn([tString, tString], [tBool, tError]), (a) => `$P.path.Match(${a[0]}, ${a[1]})`),
  ErrBadPattern: V(tError, '$P.path.ErrBadPattern'),
};
pkg('path', { ...members, $unsupported: subset() });
