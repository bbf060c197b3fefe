/**
 * Package path: slash-separated paths — Join (cleaning the result as Go's Clean does: `.` and
 * `..` elements resolved, repeated slashes removed), Base, Dir. path/filepath on Linux is the same
 * algorithm with '/' as separator (std/path_filepath.ts uses these functions).
 *
 * Simplified: package path itself offers Join and Base (its Dir, Clean, Ext, Split, Match are not
 * supported; Join's cleaning is internal); Dir is declared here for path/filepath.
 */
import { tString } from '../types.js';
import { pkg, F, fn, sl, subset } from './registry.js';

/** path.Join: the non-empty elements joined with '/', then cleaned. */
export function Join(parts: string[]): string {
  const j = parts.filter((p) => p !== '').join('/');
  if (j === '') return '';
  const abs = j.startsWith('/');
  const out: string[] = [];
  for (const seg of j.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}
/** path.Base: the last element (trailing slashes removed; "." for "", "/" for all slashes). */
export function Base(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? (p === '' ? '.' : '/') : t.slice(t.lastIndexOf('/') + 1);
}
/** path.Dir: all but the last element. */
export function Dir(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i);
}

export const members = {
  Join: F(fn([sl(tString)], [tString], true), (a) => `$P.path.Join($L.sliceToArray(${a[0]}))`),
  Base: F(fn([tString], [tString]), (a) => `$P.path.Base(${a[0]})`),
  Dir: F(fn([tString], [tString]), (a) => `$P.path.Dir(${a[0]})`),
};
pkg('path', { Join: members.Join, Base: members.Base, $unsupported: subset() });
