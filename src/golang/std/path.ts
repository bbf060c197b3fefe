/**
 * Package path: slash-separated paths, with Go's algorithms (path/path.go): Clean (the shortest
 * equivalent path: repeated slashes, `.` elements and `..` after a real element removed, `..` at
 * the root dropped), Join (the non-empty elements joined with '/', cleaned), Split, Base, Dir (the
 * cleaned directory part), Ext, IsAbs. path/filepath on Linux is the same algorithm with '/' as the
 * separator (std/path_filepath.ts uses these functions and adds Rel, Abs, WalkDir…).
 *
 * Simplified: no Match.
 */
import { tBool, tString } from '../types.js';
import { pkg, F, fn, sl, subset } from './registry.js';

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
};
pkg('path', { ...members, $unsupported: subset() });
