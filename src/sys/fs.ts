/**
 * The simulated file system: a tree of inodes (regular files, directories, devices, /proc entries)
 * with a page cache whose state decides what a read costs (sys/costs.ts).
 *
 * Invariants: paths are absolute and normalised ("/a/b", no trailing slash, no "." or ".."); a
 * file's bytes live in `data[0, size)`; `cached` and `dirty` hold one flag per 4 KiB page of the
 * file. Written pages are cached and dirty; fsync cleans them; fadvise(DONTNEED) drops clean cached
 * pages (as Linux does: dirty pages stay); a read that touches uncached pages costs a device read,
 * after which those pages are cached.
 *
 * Simplified: one flat map of paths (directories are inodes too, listed by prefix); no permissions
 * beyond existence, no links, no quotas; the page cache never evicts on its own (the machine has
 * enough memory for any simulated program's files).
 */

export const PAGE = 4096;

export type InodeKind = 'file' | 'dir' | 'urandom' | 'zero' | 'null' | 'proc';

export class Inode {
  data = new Uint8Array(0);
  size = 0;
  cached = new Uint8Array(0);
  dirty = new Uint8Array(0);
  /** Modification time, ns of simulated time. */
  mtime = 0;
  constructor(
    public kind: InodeKind,
    public mode: number,
  ) {}

  /** Make room for `n` bytes (capacity doubles) and page flags for them. */
  reserve(n: number): void {
    if (n > this.data.length) {
      const d = new Uint8Array(Math.max(n, this.data.length * 2, 64));
      d.set(this.data.subarray(0, this.size));
      this.data = d;
    }
    const pages = Math.ceil(n / PAGE);
    if (pages > this.cached.length) {
      const grow = (a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> => {
        const b = new Uint8Array(Math.max(pages, a.length * 2));
        b.set(a);
        return b;
      };
      this.cached = grow(this.cached);
      this.dirty = grow(this.dirty);
    }
  }

  /** Bytes in [off, off+n) whose pages are not in the page cache. */
  uncachedBytes(off: number, n: number): number {
    if (n <= 0) return 0;
    let miss = 0;
    for (let p = Math.floor(off / PAGE), last = Math.floor((off + n - 1) / PAGE); p <= last; p++) if (!this.cached[p]) miss += PAGE;
    return Math.min(miss, n);
  }

  /** Mark [off, off+n) as in the page cache (after a read); `dirty` after a write. */
  cache(off: number, n: number, dirty: boolean): void {
    if (n <= 0) return;
    for (let p = Math.floor(off / PAGE), last = Math.floor((off + n - 1) / PAGE); p <= last; p++) {
      this.cached[p] = 1;
      if (dirty) this.dirty[p] = 1;
    }
  }

  /** fsync: write dirty pages back. Returns whether there were any. */
  clean(): boolean {
    let any = false;
    for (let p = 0; p < this.dirty.length; p++)
      if (this.dirty[p]) {
        this.dirty[p] = 0;
        any = true;
      }
    return any;
  }

  /** fadvise(POSIX_FADV_DONTNEED): drop the clean cached pages. */
  dropClean(): void {
    for (let p = 0; p < this.cached.length; p++) if (!this.dirty[p]) this.cached[p] = 0;
  }
}

/** "/a/./b/../c/" → "/a/c", relative to `cwd`. */
export function cleanPath(p: string, cwd: string): string {
  const abs = p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export class FileSystem {
  private nodes = new Map<string, Inode>();

  constructor() {
    for (const d of ['/', '/dev', '/proc', '/proc/self', '/proc/self/task', '/tmp', '/etc', '/home']) this.nodes.set(d, new Inode('dir', 0o755));
    this.nodes.set('/dev/urandom', new Inode('urandom', 0o666));
    this.nodes.set('/dev/random', new Inode('urandom', 0o666));
    this.nodes.set('/dev/zero', new Inode('zero', 0o666));
    this.nodes.set('/dev/null', new Inode('null', 0o666));
    this.nodes.set('/proc/self/status', new Inode('proc', 0o444));
  }

  get(path: string): Inode | undefined {
    return this.nodes.get(path);
  }

  /** A regular file at `path` (its parent directories are created as needed: files given by the user). */
  put(path: string, bytes: Uint8Array, now: number): Inode {
    for (let d = parentOf(path); !this.nodes.has(d); d = parentOf(d)) this.nodes.set(d, new Inode('dir', 0o755));
    const f = new Inode('file', 0o644);
    f.reserve(bytes.length);
    f.data.set(bytes);
    f.size = bytes.length;
    f.cache(0, bytes.length, false);
    f.mtime = now;
    this.nodes.set(path, f);
    return f;
  }

  create(path: string, kind: 'file' | 'dir', mode: number): Inode {
    const n = new Inode(kind, mode);
    this.nodes.set(path, n);
    return n;
  }

  remove(path: string): void {
    this.nodes.delete(path);
  }

  /** Names directly inside directory `dir`, sorted (as os.ReadDir returns them). */
  list(dir: string): string[] {
    const pre = dir === '/' ? '/' : dir + '/';
    const names = new Set<string>();
    for (const k of this.nodes.keys()) {
      if (k.length <= pre.length || !k.startsWith(pre)) continue;
      const rest = k.slice(pre.length);
      if (!rest.includes('/')) names.add(rest);
    }
    return [...names].sort();
  }

  /** Move `from` and everything under it to `to` (the inodes themselves: open files keep them). */
  rename(from: string, to: string): void {
    for (const k of this.subtree(from)) {
      const n = this.nodes.get(k)!;
      this.nodes.delete(k);
      this.nodes.set(to + k.slice(from.length), n);
    }
  }

  /** Every path at or under `path`. */
  subtree(path: string): string[] {
    const pre = path === '/' ? '/' : path + '/';
    return [...this.nodes.keys()].filter((k) => k === path || k.startsWith(pre));
  }
}
