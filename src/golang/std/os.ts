/**
 * Package os: files, directories, pipes, the process's arguments and environment — Go's os over the
 * simulated kernel (sys/kernel.ts), with Go's call sequences so each one costs the system calls the
 * real one makes (os.ReadFile: open, fstat, read until EOF, close).
 *
 * *os.File keeps what Go's does: the fd, the name, and whether the fd is in the netpoller. Like
 * go1.19's newFile, a file opened by os is offered to the netpoller: regular files and directories
 * are refused by epoll (they block in read(2)), devices and os.Pipe ends are accepted and become
 * O_NONBLOCK, so a read that would wait parks the goroutine on the netpoller instead of blocking the
 * thread. The first offer starts the netpoller, which takes the next fds (netpollInit). `Fd()` puts
 * the fd back into blocking mode, as Go does.
 *
 * Errors are Go's texts: `open /x: no such file or directory` (*fs.PathError, unwrapping to the
 * syscall.Errno; errors.Is(err, fs.ErrNotExist) holds for ENOENT).
 */
import { K, type Op } from '../../workload/ops.js';
import { Errno, O } from '../../sys/kernel.js';
import type { Inode } from '../../sys/fs.js';
import { PollDesc } from '../../runtime/netpoll.js';
import type { Process } from './process.js';
import { ErrorString, newError, errorText, tErrorStringPtr as errType } from './errors.js';
import { EOF } from './io.js';
import { type NamedType, type Type, basic, newNamed, tBool, tInt, tInt64, tString } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { tTime, wallAt, type GoTime } from './time.js';
import { pkg, F, C, T, V, fn, sl, ptr, op, native, method, jsMethod, nilReceiver, subset, tBytes, tAny, tUintptr } from './registry.js';
import * as sc from './syscall.js';
import { type Slice, makeBytes, reslice, sliceLit, sliceToArray } from '../rt/slices.js';
import { growCap, mallocLib } from '../rt/malloc.js';
import { decodeUTF8, encodeUTF8, stringToBytes } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

// ---------------------------------------------------------------- errors

/**
 * *fs.PathError (also os.PathError): Op, Path and Err (`unwrap`, what errors.Unwrap follows) are
 * Go's exported fields, so a program can read them after errors.As or build one itself (its zero
 * value has no errno); Error() is `Op + " " + Path + ": " + Err.Error()`.
 */
export class PathError extends ErrorString {
  /** The fields in Go's order (a composite literal &fs.PathError{…} passes them so), then os's errno. */
  constructor(
    public op = '',
    public path = '',
    public unwrap: Iface | null = null,
    public errno = -1,
  ) {
    super('');
  }
  override Error(): string {
    return `${this.op} ${this.path}: ${this.unwrap === null ? '<nil>' : errorText(this.unwrap)}`;
  }
  Unwrap(): Iface | null {
    return this.unwrap;
  }
  /** errors.Is: a PathError of ENOENT is fs.ErrNotExist, of EEXIST fs.ErrExist. */
  is(target: Iface | null): boolean {
    return (target === ErrNotExist && this.errno === Errno.ENOENT) || (target === ErrExist && this.errno === Errno.EEXIST);
  }
}
export const tPathError: NamedType = native('PathError', 'fs', '$P.os.PathError', {
  k: 'struct',
  fields: [
    { name: 'Op', type: tString, embedded: false, js: 'op' },
    { name: 'Path', type: tString, embedded: false, js: 'path' },
    { name: 'Err', type: tError, embedded: false, js: 'unwrap' },
  ],
});
method(tPathError, 'Error', fn([], [tString]), false);
method(tPathError, 'Unwrap', fn([], [tError]), false);
/** *fs.PathError, interned: the dynamic type of the path errors os returns. */
export const tPathErrorPtr: Type = globalTypes.intern(ptr(tPathError));
export const ErrExist: Iface = { t: errType, v: new ErrorString('file already exists') };
export const ErrNotExist: Iface = { t: errType, v: new ErrorString('file does not exist') };
/** fs.ErrInvalid (os.ErrInvalid): what a method of a nil *File returns. */
export const ErrInvalid: Iface = { t: errType, v: new ErrorString('invalid argument') };

// The answers of a nil *File's methods: a count and ErrInvalid, ErrInvalid, no value and ErrInvalid.
function* invalidCount(): Go<[number, Iface | null]> {
  return [0, ErrInvalid];
}
function* invalid(): Go<Iface | null> {
  return ErrInvalid;
}
function* invalidValue(): Go<[null, Iface | null]> {
  return [null, ErrInvalid];
}
/**
 * The receiver a nil *os.File's methods run on: os/file.go's methods begin with
 * `if f == nil { return ErrInvalid }` (checkValid, File.Close, File.Stat, …), so a Close deferred
 * after a failed Open returns an error instead of panicking. Name dereferences f (a nil-pointer panic,
 * as in Go); Fd (^uintptr(0) in Go) is not covered.
 */
export const nilFile = {
  Read: invalidCount,
  ReadAt: invalidCount,
  Write: invalidCount,
  WriteAt: invalidCount,
  WriteString: invalidCount,
  Seek: invalidCount,
  Close: invalid,
  Sync: invalid,
  Truncate: invalid,
  Stat: invalidValue,
  ReadDir: invalidValue,
  Readdirnames: invalidValue,
};

function pathErr(op: string, path: string, errno: number): Iface {
  return { t: tPathErrorPtr, v: new PathError(op, path, sc.errnoErr(errno), errno) };
}
export function IsNotExist(e: Iface | null): boolean {
  return e !== null && ((e.v instanceof PathError && e.v.errno === Errno.ENOENT) || e === ErrNotExist || (e.t === sc.tErrno && e.v === Errno.ENOENT));
}
export function IsExist(e: Iface | null): boolean {
  return e !== null && ((e.v instanceof PathError && e.v.errno === Errno.EEXIST) || e === ErrExist || (e.t === sc.tErrno && e.v === Errno.EEXIST));
}

// ---------------------------------------------------------------- *os.File

export class File {
  /** The netpoller's descriptor when the fd is non-blocking and registered (os.Pipe ends, devices). */
  pd: PollDesc | null = null;
  closed = false;
  constructor(
    public p: Process,
    public fd: number,
    public name: string,
  ) {}

  private err(op: string, errno: number): Iface {
    return pathErr(op, this.name, errno);
  }

  *Read(b: Slice | null): Go<[number, Iface | null]> {
    if (this.closed) return [0, this.err('read', Errno.EBADF)];
    if (b === null || b.n === 0) return [0, null];
    for (;;) {
      const [n, e] = yield* sc.read(this.p, this.fd, b);
      if (e === Errno.EAGAIN && this.pd !== null) {
        yield { k: K.NetWait, pd: this.pd };
        continue;
      }
      if (e !== 0) return [0, this.err('read', e)];
      return n === 0 ? [0, EOF] : [n, null];
    }
  }
  *ReadAt(b: Slice | null, off: number): Go<[number, Iface | null]> {
    if (off < 0) return [0, newError(encodeUTF8('negative offset'))];
    let got = 0;
    while (b !== null && got < b.n) {
      const [n, e] = yield* sc.read(this.p, this.fd, reslice(b, got, -1, -1), off + got);
      if (e !== 0) return [got, this.err('read', e)];
      if (n === 0) return [got, EOF];
      got += n;
    }
    return [got, null];
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    if (this.closed) return [0, this.err('write', Errno.EBADF)];
    let done = 0;
    const total = b === null ? 0 : b.n;
    while (done < total || total === 0) {
      const [n, e] = yield* sc.write(this.p, this.fd, reslice(b, done, -1, -1));
      if (e === Errno.EAGAIN && this.pd !== null) {
        yield { k: K.NetWait, pd: this.pd };
        continue;
      }
      if (e !== 0) return [done, this.err('write', e)];
      done += n;
      if (total === 0) break;
    }
    return [done, null];
  }
  *WriteAt(b: Slice | null, off: number): Go<[number, Iface | null]> {
    const [n, e] = yield* sc.write(this.p, this.fd, b, off);
    return [n, e === 0 ? null : this.err('write', e)];
  }
  *WriteString(s: string): Go<[number, Iface | null]> {
    return yield* this.Write(stringToBytes(s));
  }
  *Seek(off: number, whence: number): Go<[number, Iface | null]> {
    const [r, e] = yield* sc.sys(this.p, 'lseek', 'syscall', () => this.p.kernel.seek(this.fd, off, whence));
    return [e === 0 ? r : 0, e === 0 ? null : this.err('seek', e)];
  }
  *Close(): Go<Iface | null> {
    if (this.closed) return newError(encodeUTF8(`close ${decodeUTF8(this.name)}: file already closed`));
    this.closed = true;
    const [, e] = yield* sc.sys(this.p, 'close', 'syscall', () => this.p.kernel.close(this.fd));
    return e === 0 ? null : this.err('close', e);
  }
  *Sync(): Go<Iface | null> {
    const [, e] = yield* sc.sys(this.p, 'fsync', 'syscall', () => this.p.kernel.fsync(this.fd));
    return e === 0 ? null : this.err('sync', e);
  }
  *Truncate(size: number): Go<Iface | null> {
    const [, e] = yield* sc.sys(this.p, 'ftruncate', 'syscall', () => this.p.kernel.ftruncate(this.fd, size));
    return e === 0 ? null : this.err('truncate', e);
  }
  *Stat(): Go<[Iface | null, Iface | null]> {
    return info(yield* this.fstat());
  }
  /** fstat(2): the FileInfo itself (os.ReadFile's size). */
  *fstat(): Go<[FileInfo | null, Iface | null]> {
    const k = this.p.kernel;
    let ino: Inode | undefined;
    const [, e] = yield* sc.sys(this.p, 'fstat', 'syscall', () => {
      const r = k.stat(null, this.fd);
      ino = r.inode;
      return r;
    });
    if (e !== 0) return [null, this.err('stat', e)];
    mallocLib(fileStatBytes);
    return [new FileInfo(baseName(this.name), ino ?? null), null];
  }
  *ReadDir(n: number): Go<[Slice | null, Iface | null]> {
    return dirents(yield* ReadDir(this.p, this.name, n));
  }
  *Readdirnames(n: number): Go<[Slice | null, Iface | null]> {
    const [ents, err] = yield* ReadDir(this.p, this.name, n);
    return [ents === null ? null : sliceLit(sliceToArray(ents).map((d) => (d as DirEntry).Name())), err];
  }
  Name(): string {
    return this.name;
  }
  /** Fd: the fd, put back into blocking mode (Go: "the file descriptor is set to blocking mode"). */
  Fd(): number {
    if (this.pd !== null) {
      this.p.kernel.setNonblock(this.fd, false);
      this.pd = null;
    }
    return this.fd;
  }
}

/** The *os.File of fd 0, 1 or 2. */
export function std(p: Process, fd: number): File {
  return (p.stdFiles[fd] ??= new File(p, fd, encodeUTF8(['/dev/stdin', '/dev/stdout', '/dev/stderr'][fd]!))) as File;
}

/**
 * What os allocates on the heap (TotalAlloc on go1.19.8 and go1.26.8, gotests/library_alloc.go; the
 * same sizes on both): newFile's *File and its file struct (poll.FD, name, dirinfo, flags: 8 + 96
 * bytes), a FileInfo's fileStat (name, size, mode, modTime and the 144-byte syscall.Stat_t: 208).
 */
const fileBytes = 8;
const fileStructBytes = 96;
const fileStatBytes = 208;
/** syscall.BytePtrFromString: a path system call's NUL-terminated copy of the path, on the heap. */
function pathBytes(name: string): void {
  mallocLib(name.length + 1);
}

/** newFile(kindOpenFile): offer the fd to the netpoller (devices accept, regular files refuse). */
function newFile(p: Process, fd: number, name: string, pollable: boolean): File {
  mallocLib(fileBytes);
  mallocLib(fileStructBytes);
  const f = new File(p, fd, name);
  p.kernel.netpollInit();
  if (pollable) {
    p.kernel.setNonblock(fd, true);
    f.pd = new PollDesc(null, 'file');
  }
  return f;
}

// ---------------------------------------------------------------- FileInfo, DirEntry

export class FileInfo {
  constructor(
    public name: string,
    public ino: Inode | null,
  ) {}
  Name(): string {
    return encodeUTF8(this.name);
  }
  Size(): number {
    // a directory's st_size on ext4 (the recording machine's /tmp) is its first 4096-byte block
    if (this.ino !== null && this.ino.kind === 'dir') return dirSize;
    return this.ino !== null && this.ino.kind === 'file' ? this.ino.size : 0;
  }
  IsDir(): boolean {
    return this.ino !== null && this.ino.kind === 'dir';
  }
  Mode(): number {
    if (this.ino === null) return 0;
    const m = this.ino.mode & 0o777;
    // + not |: ModeDir is bit 31, beyond JS's 32-bit signed bitwise operators
    return this.ino.kind === 'dir' ? m + MODE_DIR : this.ino.kind === 'file' ? m : m + MODE_DEVICE + MODE_CHAR;
  }
  /** The simulated wall clock when the file was last written (fs.ts mtime: ns of the run's clock). */
  ModTime(): GoTime {
    return wallAt(this.ino?.mtime ?? 0);
  }
  Sys(): Iface | null {
    return null;
  }
}

/** st_size of a small directory on ext4 (one block); gotests/unicode_pkg checks it against go1.19.8 and go1.26.8. */
const dirSize = 4096;

export class DirEntry {
  constructor(
    public n: string,
    public ino: Inode | null,
  ) {}
  Name(): string {
    return encodeUTF8(this.n);
  }
  IsDir(): boolean {
    return this.ino !== null && this.ino.kind === 'dir';
  }
  Type(): number {
    const m = new FileInfo(this.n, this.ino).Mode();
    return m - (m % 512);
  }
  *Info(): Go<[Iface | null, Iface | null]> {
    return info([new FileInfo(this.n, this.ino), null]);
  }
}

/** fs.FileMode bits (io/fs). */
const MODE_DIR = 2 ** 31;
const MODE_DEVICE = 2 ** 26;
const MODE_CHAR = 2 ** 21;
/** fs.FileMode.String(): "drwxr-xr-x", "-rw-r--r--". */
export function modeString(m: number): string {
  const types = 'dalTLDpSugct?';
  let s = '';
  for (let i = 0; i < types.length; i++) if (Math.floor(m / 2 ** (31 - i)) % 2 === 1) s += types[i];
  if (s === '') s = '-';
  const rwx = 'rwxrwxrwx';
  for (let i = 0; i < 9; i++) s += m & (1 << (8 - i)) ? rwx[i] : '-';
  return encodeUTF8(s);
}

function baseName(p: string): string {
  const s = decodeUTF8(p).replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1) || '/';
}

// ---------------------------------------------------------------- functions

export function* OpenFile(p: Process, name: string, flag: number, perm: number): Go<[File | null, Iface | null]> {
  const path = decodeUTF8(name);
  pathBytes(name);
  const [fd, e] = yield* sc.sys(p, 'openat', 'syscall', () => p.kernel.open(path, flag | O.CLOEXEC, perm));
  if (e !== 0) return [null, pathErr('open', name, e)];
  const ino = p.kernel.file(fd)!.inode;
  return [newFile(p, fd, name, ino !== null && ino.kind !== 'file' && ino.kind !== 'dir'), null];
}
export function* Open(p: Process, name: string): Go<[File | null, Iface | null]> {
  return yield* OpenFile(p, name, O.RDONLY, 0);
}
export function* Create(p: Process, name: string): Go<[File | null, Iface | null]> {
  return yield* OpenFile(p, name, O.RDWR | O.CREAT | O.TRUNC, 0o666);
}

/**
 * os.ReadFile (go1.19 os/file.go): open, fstat for the size, a buffer of size+1 (at least 512), read
 * until EOF growing the buffer as append does, close. A device has no size: /dev/urandom is read in
 * ever larger reads until `deviceReadLimit` (Go never stops); its bytes are not kept past 1 MiB.
 */
export function* ReadFile(p: Process, name: string): Go<[Slice | null, Iface | null]> {
  const [f, err] = yield* Open(p, name);
  if (f === null) return [null, err];
  const [fi] = yield* f.fstat();
  let size = fi !== null && fi.ino !== null && fi.ino.kind === 'file' ? fi.ino.size : 0;
  size++;
  if (size < 512) size = 512;
  const endless = fi !== null && fi.ino !== null && (fi.ino.kind === 'urandom' || fi.ino.kind === 'zero');
  // data := make([]byte, 0, size), grown by append(data[:cap(data)], 0): each a buffer read(2) fills.
  mallocLib(size, true);
  if (endless) {
    // Reads of `cap − len` bytes into a buffer that grows by append's rule, for ever.
    let len = 0;
    let cap = size;
    while (len < p.deviceReadLimit) {
      if (len >= cap) {
        cap = growCap(cap, cap + 1);
        mallocLib(cap, true);
      }
      const want = Math.min(cap, p.deviceReadLimit) - len;
      const [n, e] = yield* sc.sys(p, 'read', 'syscall', () => p.kernel.read(f.fd, null, -1, want));
      if (e !== 0 || n === 0) break;
      len += n;
    }
    yield* f.Close();
    const kept = Math.min(len, 1 << 20);
    return [makeBytes(kept, kept), null];
  }
  let data = makeBytes(0, size);
  for (;;) {
    if (data.n >= data.c) {
      const nc = growCap(data.c, data.c + 1);
      mallocLib(nc, true);
      const d = makeBytes(data.n, nc);
      for (let i = 0; i < data.n; i++) d.a[i] = data.a[data.o + i];
      data = d;
    }
    const [n, e] = yield* f.Read(reslice(data, data.n, data.c, -1));
    data.n += n;
    if (e !== null) {
      yield* f.Close();
      return [data, e === EOF ? null : e];
    }
  }
}

export function* WriteFile(p: Process, name: string, data: Slice | null, perm: number): Go<Iface | null> {
  const [f, err] = yield* OpenFile(p, name, O.WRONLY | O.CREAT | O.TRUNC, perm);
  if (f === null) return err;
  const [, werr] = yield* f.Write(data);
  const cerr = yield* f.Close();
  return werr ?? cerr;
}

export function* ReadDir(p: Process, name: string, n = -1): Go<[Slice | null, Iface | null]> {
  const path = decodeUTF8(name);
  if (path === '/proc/self/task') p.kernel.threads = (yield { k: K.ThreadCount }) as number;
  let names: string[] = [];
  const [, e] = yield* sc.sys(p, 'getdents64', 'syscall', () => {
    const r = p.kernel.readdir(path);
    names = r.names ?? [];
    return r;
  });
  if (e !== 0) return [null, pathErr('open', name, e)];
  const dir = p.kernel.path(path);
  const ents = names.map((nm) => new DirEntry(nm, p.kernel.fs.get(dir === '/' ? '/' + nm : `${dir}/${nm}`) ?? p.kernel.fs.get('/proc')!));
  return [sliceLit(n > 0 ? ents.slice(0, n) : ents), null];
}

/**
 * ioutil.ReadDir (deprecated since Go 1.16, still there): the directory's entries as fs.FileInfo
 * values sorted by name. Go opens the directory and Readdir lstat()s every entry; here one
 * getdents64 (os.ReadDir's) stands for those calls.
 */
export function* ioutilReadDir(p: Process, name: string): Go<[Slice | null, Iface | null]> {
  const [ents, err] = yield* ReadDir(p, name);
  if (ents === null) return [null, err];
  const infos: Iface[] = [];
  for (let i = 0; i < ents.n; i++) {
    const d = ents.a[ents.o + i] as DirEntry;
    infos.push({ t: tFileStatPtr, v: new FileInfo(d.n, d.ino) });
  }
  infos.sort((a, b) => ((a.v as FileInfo).Name() < (b.v as FileInfo).Name() ? -1 : 1));
  return [sliceLit(infos), null];
}

export function* Stat(p: Process, name: string, opName = 'stat'): Go<[FileInfo | null, Iface | null]> {
  let ino: Inode | undefined;
  pathBytes(name);
  const [, e] = yield* sc.sys(p, 'newfstatat', 'syscall', () => {
    const r = p.kernel.stat(decodeUTF8(name));
    ino = r.inode;
    return r;
  });
  if (e !== 0) return [null, pathErr(opName, name, e)];
  mallocLib(fileStatBytes);
  return [new FileInfo(baseName(name), ino ?? null), null];
}

export function* Mkdir(p: Process, name: string, perm: number): Go<Iface | null> {
  const [, e] = yield* sc.sys(p, 'mkdirat', 'syscall', () => p.kernel.mkdir(decodeUTF8(name), perm));
  return e === 0 ? null : pathErr('mkdir', name, e);
}
/** os.Chdir: chdir(2); relative paths resolve against the new directory afterwards. */
export function* Chdir(p: Process, name: string): Go<Iface | null> {
  const [, e] = yield* sc.sys(p, 'chdir', 'syscall', () => p.kernel.chdir(decodeUTF8(name)));
  return e === 0 ? null : pathErr('chdir', name, e);
}
export function* MkdirAll(p: Process, name: string, perm: number): Go<Iface | null> {
  const path = p.kernel.path(decodeUTF8(name));
  let at = '';
  for (const seg of path.split('/').filter((x) => x !== '')) {
    at += '/' + seg;
    const ino = p.kernel.fs.get(at);
    if (ino !== undefined) {
      if (ino.kind !== 'dir') return pathErr('mkdir', encodeUTF8(at), Errno.ENOTDIR);
      continue;
    }
    const err = yield* Mkdir(p, encodeUTF8(at), perm);
    if (err !== null) return err;
  }
  return null;
}
export function* Remove(p: Process, name: string): Go<Iface | null> {
  const path = decodeUTF8(name);
  const [, e] = yield* sc.sys(p, 'unlinkat', 'syscall', () => p.kernel.unlink(path, false));
  if (e === 0) return null;
  const [, e2] = yield* sc.sys(p, 'unlinkat', 'syscall', () => p.kernel.unlink(path, true));
  return e2 === 0 ? null : pathErr('remove', name, e2 === Errno.ENOTDIR ? e : e2);
}
export function* RemoveAll(p: Process, name: string): Go<Iface | null> {
  const path = p.kernel.path(decodeUTF8(name));
  const all = p.kernel.fs.subtree(path).sort().reverse();
  for (const q of all) yield* sc.sys(p, 'unlinkat', 'syscall', () => p.kernel.unlink(q, p.kernel.fs.get(q)!.kind === 'dir'));
  return null;
}
export function* Rename(p: Process, from: string, to: string): Go<Iface | null> {
  const [, e] = yield* sc.sys(p, 'renameat', 'syscall', () => p.kernel.rename(decodeUTF8(from), decodeUTF8(to)));
  return e === 0 ? null : newError(encodeUTF8(`rename ${decodeUTF8(from)} ${decodeUTF8(to)}: `) + sc.errnoString(e));
}

/** os.MkdirTemp / os.CreateTemp name: the pattern's last "*" replaced by a number (Go: random digits). */
function tempName(p: Process, dir: string, pattern: string): string {
  const d = decodeUTF8(dir) || '/tmp';
  const pat = decodeUTF8(pattern);
  const i = pat.lastIndexOf('*');
  const num = String(1000000000 + ++p.tmpSeq * 7919);
  return `${d}/${i >= 0 ? pat.slice(0, i) + num + pat.slice(i + 1) : pat + num}`;
}
export function* MkdirTemp(p: Process, dir: string, pattern: string): Go<[string, Iface | null]> {
  const name = encodeUTF8(tempName(p, dir, pattern));
  const err = yield* Mkdir(p, name, 0o700);
  return err === null ? [name, null] : ['', err];
}
export function* CreateTemp(p: Process, dir: string, pattern: string): Go<[File | null, Iface | null]> {
  return yield* OpenFile(p, encodeUTF8(tempName(p, dir, pattern)), O.RDWR | O.CREAT | O.EXCL, 0o600);
}

/** os.Pipe: pipe2(O_CLOEXEC), both ends registered with the netpoller (non-blocking). */
export function* Pipe(p: Process): Go<[File | null, File | null, Iface | null]> {
  let fds: [number, number] = [0, 0];
  yield* sc.sys(p, 'pipe2', 'syscall', () => {
    const r = p.kernel.pipe(O.CLOEXEC);
    fds = r.fds!;
    return r;
  });
  const r = newFile(p, fds[0], encodeUTF8('|0'), true);
  const w = newFile(p, fds[1], encodeUTF8('|1'), true);
  const pp = p.kernel.file(fds[0])!.pipe!;
  pp.rpoll = r.pd;
  pp.wpoll = w.pd;
  return [r, w, null];
}

export function Getenv(p: Process, k: string): string {
  return encodeUTF8(p.env.get(decodeUTF8(k)) ?? '');
}
export function LookupEnv(p: Process, k: string): [string, boolean] {
  const v = p.env.get(decodeUTF8(k));
  return v === undefined ? ['', false] : [encodeUTF8(v), true];
}
export function Setenv(p: Process, k: string, v: string): Iface | null {
  p.env.set(decodeUTF8(k), decodeUTF8(v));
  return null;
}
export function Unsetenv(p: Process, k: string): Iface | null {
  p.env.delete(decodeUTF8(k));
  return null;
}
export function Environ(p: Process): Slice {
  return sliceLit([...p.env].map(([k, v]) => encodeUTF8(`${k}=${v}`)));
}

// ---------------------------------------------------------------- declarations

export const tFile = native('File', 'os', '$P.os.File');
export const tFilePtr = ptr(tFile);
export const tFileMode: NamedType = newNamed('FileMode', 'fs', basic('uint32'));
jsMethod(tFileMode, 'String', fn([], [tString]), '$P.os.modeString');
jsMethod(tFileMode, 'IsDir', fn([], [tBool]), `((m) => m >= ${MODE_DIR})`);
jsMethod(tFileMode, 'IsRegular', fn([], [tBool]), `((m) => m < ${MODE_CHAR})`);
jsMethod(tFileMode, 'Perm', fn([], [tFileMode]), '((m) => m % 512)');
export const tFileInfo = newNamed('FileInfo', 'fs', {
  k: 'iface',
  methods: new Map([
    ['IsDir', fn([], [tBool])],
    ['ModTime', fn([], [tTime])],
    ['Mode', fn([], [tFileMode])],
    ['Name', fn([], [tString])],
    ['Size', fn([], [tInt64])],
    ['Sys', fn([], [tAny])],
  ]),
});
export const tFileStat = native('fileStat', 'os', '$P.os.FileInfo');
for (const [m, r] of [
  ['Name', tString],
  ['Size', tInt64],
  ['IsDir', tBool],
  ['Mode', tFileMode],
  ['ModTime', tTime],
  ['Sys', tAny],
] as const)
  method(tFileStat, m, fn([], [r]), false);
export const tDirEntry = newNamed('DirEntry', 'fs', {
  k: 'iface',
  methods: new Map([
    ['Info', fn([], [tFileInfo, tError])],
    ['IsDir', fn([], [tBool])],
    ['Name', fn([], [tString])],
    ['Type', fn([], [tFileMode])],
  ]),
});
export const tDirEntryImpl = native('unixDirent', 'os', '$P.os.DirEntry');
method(tDirEntryImpl, 'Name', fn([], [tString]), false);
method(tDirEntryImpl, 'IsDir', fn([], [tBool]), false);
method(tDirEntryImpl, 'Type', fn([], [tFileMode]), false);
method(tDirEntryImpl, 'Info', fn([], [tFileInfo, tError]), true);

const IE = [tInt, tError];
method(tFile, 'Read', fn([tBytes], IE), true);
method(tFile, 'ReadAt', fn([tBytes, tInt64], IE), true);
method(tFile, 'Write', fn([tBytes], IE), true);
method(tFile, 'WriteAt', fn([tBytes, tInt64], IE), true);
method(tFile, 'WriteString', fn([tString], IE), true);
method(tFile, 'Seek', fn([tInt64, tInt], [tInt64, tError]), true);
method(tFile, 'Close', fn([], [tError]), true);
method(tFile, 'Sync', fn([], [tError]), true);
method(tFile, 'Truncate', fn([tInt64], [tError]), true);
method(tFile, 'Stat', fn([], [tFileInfo, tError]), true);
method(tFile, 'ReadDir', fn([tInt], [sl(tDirEntry), tError]), true);
method(tFile, 'Readdirnames', fn([tInt], [sl(tString), tError]), true);
nilReceiver(tFile, '$P.os.nilFile', Object.keys(nilFile));
method(tFile, 'Name', fn([], [tString]), false);
method(tFile, 'Fd', fn([], [tUintptr]), false);

export const tSignal = newNamed('Signal', 'os', { k: 'iface', methods: new Map([['String', fn([], [tString])], ['Signal', fn([], [])]]) });
/** os.Interrupt and os.Kill: syscall.SIGINT and syscall.SIGKILL as os.Signal values. */
export const Interrupt: Iface = { t: sc.tSysSignal, v: 2 };
export const Kill: Iface = { t: sc.tSysSignal, v: 9 };

/** Wrap results whose Go type is an interface (fs.FileInfo, []fs.DirEntry) around the native values. */
export function info(r: [FileInfo | null, Iface | null]): [Iface | null, Iface | null] {
  return [r[0] === null ? null : { t: tFileStatPtr, v: r[0] }, r[1]];
}
export function dirents(r: [Slice | null, Iface | null]): [Slice | null, Iface | null] {
  if (r[0] !== null) for (let i = 0; i < r[0].n; i++) r[0].a[r[0].o + i] = { t: tDirEntryPtr, v: r[0].a[r[0].o + i] };
  return r;
}
/** A native DirEntry as an fs.DirEntry interface value. */
export function dirEntryIface(d: DirEntry): Iface {
  return { t: tDirEntryPtr, v: d };
}
/** The interned pointer types of the native FileInfo/DirEntry (their method tables). */
const tFileStatPtr: Type = globalTypes.intern(ptr(tFileStat));
const tDirEntryPtr: Type = globalTypes.intern(ptr(tDirEntryImpl));
/** *os.File interned: the dynamic type of os.Stdin in an io.Reader (fmt.Scan's). */
export const tFilePtrType: Type = globalTypes.intern(ptr(tFile));

const g = (f: string, wrap = '') => (a: string[]) => `${wrap}((yield* $P.os.${f}($proc${a.map((x) => ', ' + x).join('')})))`;
const s = (f: string) => (a: string[]) => `$P.os.${f}($proc${a.map((x) => ', ' + x).join('')})`;
pkg(
  'os',
  {
    PathError: T(tPathError),
    Exit: F(fn([tInt]), (a) => op(`{k: $K.Exit, code: ${a[0]}}`)),
    Args: V(sl(tString), '$proc.args'),
    Stdout: V(tFilePtr, '$P.os.std($proc, 1)'),
    Stderr: V(tFilePtr, '$P.os.std($proc, 2)'),
    Stdin: V(tFilePtr, '$P.os.std($proc, 0)'),
    File: T(tFile),
    FileInfo: T(tFileInfo),
    FileMode: T(tFileMode),
    DirEntry: T(tDirEntry),
    Signal: T(tSignal),
    Interrupt: V(tSignal, '$P.os.Interrupt'),
    Kill: V(tSignal, '$P.os.Kill'),
    ErrNotExist: V(tError, '$P.os.ErrNotExist'),
    ErrInvalid: V(tError, '$P.os.ErrInvalid'),
    ErrExist: V(tError, '$P.os.ErrExist'),
    O_RDONLY: C(tInt, O.RDONLY),
    O_WRONLY: C(tInt, O.WRONLY),
    O_RDWR: C(tInt, O.RDWR),
    O_CREATE: C(tInt, O.CREAT),
    O_EXCL: C(tInt, O.EXCL),
    O_TRUNC: C(tInt, O.TRUNC),
    O_APPEND: C(tInt, O.APPEND),
    O_SYNC: C(tInt, 0o4010000),
    ModePerm: C(tFileMode, 0o777),
    ModeDir: C(tFileMode, MODE_DIR),
    Getenv: F(fn([tString], [tString]), s('Getenv')),
    LookupEnv: F(fn([tString], [tString, tBool]), s('LookupEnv')),
    Setenv: F(fn([tString, tString], [tError]), s('Setenv')),
    Unsetenv: F(fn([tString], [tError]), s('Unsetenv')),
    Environ: F(fn([], [sl(tString)]), s('Environ')),
    Getpid: F(fn([], [tInt]), () => '4242'),
    Getppid: F(fn([], [tInt]), () => '4241'),
    Hostname: F(fn([], [tString, tError]), () => `['gmpsim', null]`),
    Executable: F(fn([], [tString, tError]), () => `[$L.sget($proc.args, 0), null]`),
    ReadFile: F(fn([tString], [tBytes, tError]), g('ReadFile')),
    WriteFile: F(fn([tString, tBytes, tFileMode], [tError]), g('WriteFile')),
    Open: F(fn([tString], [tFilePtr, tError]), g('Open')),
    Create: F(fn([tString], [tFilePtr, tError]), g('Create')),
    OpenFile: F(fn([tString, tInt, tFileMode], [tFilePtr, tError]), g('OpenFile')),
    Pipe: F(fn([], [tFilePtr, tFilePtr, tError]), g('Pipe')),
    ReadDir: F(fn([tString], [sl(tDirEntry), tError]), g('ReadDir', '$P.os.dirents')),
    Stat: F(fn([tString], [tFileInfo, tError]), g('Stat', '$P.os.info')),
    Lstat: F(fn([tString], [tFileInfo, tError]), (a) => `$P.os.info((yield* $P.os.Stat($proc, ${a[0]}, 'lstat')))`),
    Mkdir: F(fn([tString, tFileMode], [tError]), g('Mkdir')),
    Chdir: F(fn([tString], [tError]), g('Chdir')),
    MkdirAll: F(fn([tString, tFileMode], [tError]), g('MkdirAll')),
    MkdirTemp: F(fn([tString, tString], [tString, tError]), g('MkdirTemp')),
    CreateTemp: F(fn([tString, tString], [tFilePtr, tError]), g('CreateTemp')),
    Remove: F(fn([tString], [tError]), g('Remove')),
    RemoveAll: F(fn([tString], [tError]), g('RemoveAll')),
    Rename: F(fn([tString, tString], [tError]), g('Rename')),
    TempDir: F(fn([], [tString]), () => `'/tmp'`),
    Getwd: F(fn([], [tString, tError]), () => `[$L.encodeUTF8($proc.kernel.cwd), null]`),
    IsNotExist: F(fn([tError], [tBool]), (a) => `$P.os.IsNotExist(${a[0]})`),
    IsExist: F(fn([tError], [tBool]), (a) => `$P.os.IsExist(${a[0]})`),
    $unsupported: subset(),
  },
  true,
);
pkg('io/fs', { PathError: T(tPathError), FileInfo: T(tFileInfo), FileMode: T(tFileMode), DirEntry: T(tDirEntry), ErrNotExist: V(tError, '$P.os.ErrNotExist'), ErrExist: V(tError, '$P.os.ErrExist'), ModeDir: C(tFileMode, MODE_DIR), ModePerm: C(tFileMode, 0o777), $unsupported: subset() });
