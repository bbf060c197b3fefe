/**
 * Package path/filepath: on Linux (the platform simulated) the lexical functions (Join, Clean,
 * Split, Base, Dir, Ext, IsAbs) are package path's algorithms with '/' as the separator, so those
 * members are path's declarations (std/path.ts). Added here: Rel (path/filepath/path.go's
 * algorithm on cleaned paths), Abs (against the process's working directory), ToSlash/FromSlash
 * (identities on Linux), SplitList, and WalkDir (path/filepath's walkDir: the root's Lstat, then
 * each directory's entries in lexical order through os.ReadDir, SkipDir/SkipAll as in Go).
 *
 * Simplified: no Walk (the FileInfo variant), Glob, Match, EvalSymlinks; Lstat is Stat (the
 * simulated file system has no symbolic links).
 */
import { tBool, tString, tUntypedRune } from '../types.js';
import { tError } from '../core.js';
import { members, Clean, Join } from './path.js';
import { pkg, F, T, V, C, fn, sl, subset } from './registry.js';
import { newError } from './errors.js';
import { tDirEntry, DirEntry, Stat, ReadDir, dirents, dirEntryIface } from './os.js';
import type { Process } from './process.js';
import type { Op } from '../../workload/ops.js';
import { decodeUTF8, encodeUTF8 } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;
/** A Go func(path string, d fs.DirEntry, err error) error value. */
type WalkDirFunc = (path: string, d: Iface | null, err: Iface | null) => Go<Iface | null>;

/** filepath.SkipDir and SkipAll (io/fs's errors, re-exported by path/filepath). */
export const SkipDir = newError('skip this directory');
export const SkipAll = newError('skip everything and stop the walk');

/** filepath.Rel: a relative path from basepath to targpath (both cleaned), or an error when there is none. */
export function Rel(basepath: string, targpath: string): [string, Iface | null] {
  const base = Clean(basepath);
  const targ = Clean(targpath);
  if (targ === base) return ['.', null];
  const b = base === '.' ? '' : base;
  const t = targ === '.' ? '' : targ;
  if (b.startsWith('/') !== t.startsWith('/')) return ['', newError(`Rel: can't make ${targpath} relative to ${basepath}`)];
  const bs = b.split('/').filter((x) => x !== '');
  const tl = t.split('/').filter((x) => x !== '');
  let i = 0;
  while (i < bs.length && i < tl.length && bs[i] === tl[i]) i++;
  if (bs.slice(i).includes('..')) return ['', newError(`Rel: can't make ${targpath} relative to ${basepath}`)];
  const up = bs.slice(i).map(() => '..');
  return [[...up, ...tl.slice(i)].join('/') || '.', null];
}
/** filepath.Abs: path joined to the working directory when relative, cleaned. */
export function Abs(p: Process, path: string): [string, Iface | null] {
  return [path.startsWith('/') ? Clean(path) : Join([encodeUTF8(p.kernel.cwd), path]), null];
}
/** filepath.SplitList: a PATH-style list split at ':' (empty list for ""). */
export function SplitList(s: string): string[] {
  return s === '' ? [] : s.split(':');
}


/** filepath.WalkDir(root, fn). */
export function* WalkDir(p: Process, root: string, f: WalkDirFunc): Go<Iface | null> {
  const [info, serr] = yield* Stat(p, root, 'lstat');
  let err: Iface | null;
  if (serr !== null || info === null) err = yield* f(root, null, serr);
  else err = yield* walkDir(p, root, dirEntryIface(new DirEntry(decodeUTF8(info.Name()), info.ino)), f);
  return err === SkipDir || err === SkipAll ? null : err;
}
function* walkDir(p: Process, path: string, d: Iface, f: WalkDirFunc): Go<Iface | null> {
  const isDir = (d.v as DirEntry).IsDir();
  let err = yield* f(path, d, null);
  if (err !== null || !isDir) return err === SkipDir && isDir ? null : err;
  const [ents, rerr] = yield* ReadDir(p, path);
  if (rerr !== null) {
    err = yield* f(path, d, rerr);
    if (err !== null) return err === SkipDir ? null : err;
  }
  const list = ents === null ? [] : (dirents([ents, null])[0]!.a.slice(ents.o, ents.o + ents.n) as Iface[]);
  for (const e of list) {
    const e2 = yield* walkDir(p, Join([path, (e.v as DirEntry).Name()]), e, f);
    if (e2 !== null) return e2 === SkipDir ? null : e2;
  }
  return null;
}

const tWalkDirFunc = fn([tString, tDirEntry, tError], [tError]);
/** filepath.ErrBadPattern: a value of its own (path/filepath/match.go), not path's. */
export const ErrBadPattern = newError('syntax error in pattern');

pkg('path/filepath', {
  ...members,
  Match: F(fn([tString, tString], [tBool, tError]), (a) => `$P.path.Match(${a[0]}, ${a[1]}, $P.path_filepath.ErrBadPattern)`),
  ErrBadPattern: V(tError, '$P.path_filepath.ErrBadPattern'),
  Rel: F(fn([tString, tString], [tString, tError]), (a) => `$P.path_filepath.Rel(${a[0]}, ${a[1]})`),
  Abs: F(fn([tString], [tString, tError]), (a) => `$P.path_filepath.Abs($proc, ${a[0]})`),
  ToSlash: F(fn([tString], [tString]), (a) => a[0]!),
  FromSlash: F(fn([tString], [tString]), (a) => a[0]!),
  SplitList: F(fn([tString], [sl(tString)]), (a) => `$L.sliceLit($P.path_filepath.SplitList(${a[0]}))`),
  WalkDir: F(fn([tString, tWalkDirFunc], [tError]), (a) => `(yield* $P.path_filepath.WalkDir($proc, ${a[0]}, $L.nf(${a[1]})))`),
  WalkDirFunc: T(tWalkDirFunc),
  SkipDir: V(tError, '$P.path_filepath.SkipDir'),
  SkipAll: V(tError, '$P.path_filepath.SkipAll'),
  // os.PathSeparator and os.PathListSeparator: untyped rune constants
  Separator: C(tUntypedRune, 47),
  ListSeparator: C(tUntypedRune, 58),
  $unsupported: subset(),
});
