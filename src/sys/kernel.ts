/**
 * The simulated operating system beneath a Go program: the file system (sys/fs.ts), the process's
 * file descriptor table, pipes, the standard streams, and what each system call costs (sys/costs.ts).
 * One Kernel per run (run state, never shared), so two runs in one process see the same fds, files
 * and bytes.
 *
 * A system call here computes its effect at once and returns a SysResult: the value, an errno, the
 * time its thread spends in the kernel (`ns`), and, for a call that must wait (a read of an empty
 * blocking pipe), the wait queue to sleep on (`block`, then the caller retries), or a wait queue
 * whose sleepers it wakes (`wake`). The caller — the Go standard library's syscall/os code — turns
 * that into the runtime's ops: a Syscall of `ns` (entersyscall … exitsyscall), a Syscall that sleeps
 * on `block` until woken, a wake of `wake`. The kernel knows nothing of G, M or P.
 *
 * Linux semantics kept: the lowest free fd is allocated (fds 0–2 are the standard streams; the Go
 * runtime's own epoll fd and its wake-up pipe or eventfd are opened when the netpoller starts, see
 * `netpollInit`); pipes hold 64 KiB, reads of an empty blocking pipe sleep and a write wakes one
 * sleeper (pipe_read's exclusive wait), closing the write end wakes all of them with EOF, writing
 * with no reader left gives EPIPE; O_NONBLOCK fds return EAGAIN instead of sleeping; O_DIRECT reads
 * bypass the page cache.
 *
 * Simplified: the effect of a call is visible from its start (a reader that starts while a write is
 * in the kernel may see its bytes); directories are not opened as fds (getdents is `readdir`).
 */
import { FileSystem, Inode, PAGE, cleanPath, parentOf } from './fs.js';
import { type IoCosts, defaultIoCosts } from './costs.js';
import { KernelWaitQueue } from '../runtime/syscall.js';
import type { PollDesc } from '../runtime/netpoll.js';

/** Linux errno values (asm-generic/errno-base.h). */
export const Errno = {
  OK: 0,
  EPERM: 1,
  ENOENT: 2,
  EINTR: 4,
  EIO: 5,
  EBADF: 9,
  EAGAIN: 11,
  EACCES: 13,
  EEXIST: 17,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ESPIPE: 29,
  EPIPE: 32,
  ENOTEMPTY: 39,
} as const;

/** open(2) flags (asm-generic/fcntl.h, x86-64 values). */
export const O = {
  RDONLY: 0,
  WRONLY: 1,
  RDWR: 2,
  ACCMODE: 3,
  CREAT: 0o100,
  EXCL: 0o200,
  TRUNC: 0o1000,
  APPEND: 0o2000,
  NONBLOCK: 0o4000,
  DIRECT: 0o40000,
  DIRECTORY: 0o200000,
  CLOEXEC: 0o2000000,
} as const;

/** posix_fadvise advice values. */
export const FADV_DONTNEED = 4;

/** The bytes a read fills or a write takes: the shape of a Go slice over a JS array. */
export interface ByteBuf {
  a: unknown[];
  o: number;
  n: number;
}

/** The capacity of a pipe (Linux's default, 16 pages). */
export const PIPE_BUF_SIZE = 65536;

/** An empty pipe's buffer (never written: reserve() replaces it before the first byte). */
const noBytes = new Uint8Array(0);

export class Pipe {
  /**
   * The bytes in the pipe: buf[head, head+len) (mod buf.length). The array grows with the content, by
   * doubling, up to the pipe's capacity (PIPE_BUF_SIZE decides when the pipe is full, not buf.length):
   * a program with thousands of pipes holding a few bytes each (one pipe per goroutine) would
   * otherwise hold and zero 64 KiB per pipe (9000 pipes: 590 MB and 1.8 s; bench/vs-go pipes.go).
   */
  buf = noBytes;
  head = 0;
  len = 0;
  readers = 0;
  writers = 0;
  /** Threads asleep in read(2) / write(2) on this pipe. */
  rwait = new KernelWaitQueue('pipe read');
  wwait = new KernelWaitQueue('pipe write');
  /** The netpoller's descriptors of the two ends, when they are O_NONBLOCK files (os.Pipe). */
  rpoll: PollDesc | null = null;
  wpoll: PollDesc | null = null;

  /** Make room for `total` bytes (≤ PIPE_BUF_SIZE) in buf, keeping the content's order. */
  reserve(total: number): void {
    const cap = this.buf.length;
    if (total <= cap) return;
    let n = Math.max(cap * 2, 64);
    while (n < total) n *= 2;
    const next = new Uint8Array(Math.min(n, PIPE_BUF_SIZE));
    for (let i = 0; i < this.len; i++) next[i] = this.buf[(this.head + i) % cap]!;
    this.buf = next;
    this.head = 0;
  }
}

/** An open file description (what an fd refers to). */
export class OpenFile {
  off = 0;
  constructor(
    public path: string,
    public inode: Inode | null,
    public flags: number,
    public pipe: Pipe | null = null,
    /** Pipe end: true for the read end. */
    public readEnd = false,
    /** 0, 1, 2: the process's standard streams (their writes are program output). */
    public std = -1,
  ) {}
}

export interface SysResult {
  /** Return value (bytes, fd, 0) or −1. */
  r: number;
  errno: number;
  /** Time the thread spends in the kernel (ns). */
  ns: number;
  /**
   * Whether that time is CPU work (copying from the page cache, generating /dev/urandom's bytes:
   * the thread takes a core, runtime/os.ts) rather than waiting for a device (a read that misses
   * the page cache, O_DIRECT, fsync: the thread sleeps).
   */
  cpu: boolean;
  /** Sleep on this queue, then call again (a blocking read or write that must wait). */
  block: KernelWaitQueue | null;
  /** Wake the sleepers of this queue once the call is done. */
  wake: KernelWaitQueue | null;
  /** Wake all of them (a close), not one. */
  wakeAll: boolean;
  /** A netpoll descriptor that became ready (a nonblocking pipe end). */
  ready: PollDesc | null;
}

export class Kernel {
  readonly fs = new FileSystem();
  readonly fds: (OpenFile | null)[] = [];
  readonly costs: IoCosts;
  cwd = '/tmp/gmpsim';
  /** Simulated time, kept current by the caller (mtimes). */
  now = 0;
  /** Threads of the process, for /proc/self/status (set by the caller before reading /proc). */
  threads = 0;
  /** Bytes of standard input (fd 0), as given to the run; a function is asked on the first read only. */
  private stdin: Uint8Array | (() => Uint8Array);
  private stdinOff = 0;
  private rnd = 0x9e3779b9;
  private netpollFds = false;
  private res: SysResult = { r: 0, errno: 0, ns: 0, cpu: true, block: null, wake: null, wakeAll: false, ready: null };

  constructor(costs: Partial<IoCosts> = {}, files: Record<string, Uint8Array> = {}, stdin: Uint8Array | (() => Uint8Array) = new Uint8Array(0)) {
    this.costs = { ...defaultIoCosts, ...costs };
    this.stdin = stdin;
    this.fs.create(this.cwd, 'dir', 0o755);
    for (const [p, bytes] of Object.entries(files)) this.fs.put(cleanPath(p, this.cwd), bytes, 0);
    this.fds.push(new OpenFile('/dev/stdin', null, O.RDONLY, null, false, 0));
    this.fds.push(new OpenFile('/dev/stdout', null, O.WRONLY, null, false, 1));
    this.fds.push(new OpenFile('/dev/stderr', null, O.WRONLY, null, false, 2));
  }

  private ok(r: number, ns: number): SysResult {
    const s = this.res;
    s.r = r;
    s.errno = 0;
    s.ns = ns;
    s.cpu = true;
    s.block = null;
    s.wake = null;
    s.wakeAll = false;
    s.ready = null;
    return s;
  }
  private fail(errno: number, ns: number): SysResult {
    const s = this.ok(-1, ns);
    s.errno = errno;
    return s;
  }

  /** No fd below this one is free (allocFd's search starts there: O(1) amortised, not O(fds)). */
  private fdLow = 0;

  /** The lowest free fd (Linux's rule). */
  private allocFd(f: OpenFile): number {
    let fd = this.fdLow;
    while (fd < this.fds.length && this.fds[fd] !== null) fd++;
    if (fd === this.fds.length) this.fds.push(null);
    this.fds[fd] = f;
    this.fdLow = fd + 1;
    return fd;
  }

  file(fd: number): OpenFile | null {
    return fd >= 0 && fd < this.fds.length ? this.fds[fd]! : null;
  }

  /**
   * The Go runtime's netpollinit, the first time a pollable fd is registered: go1.19 opens its
   * epoll fd and a non-blocking wake-up pipe (three fds); they take the lowest free fds.
   */
  netpollInit(): void {
    if (this.netpollFds) return;
    this.netpollFds = true;
    this.allocFd(new OpenFile('anon_inode:[eventpoll]', null, O.RDWR));
    const p = new Pipe();
    p.readers = p.writers = 1;
    this.allocFd(new OpenFile('pipe:[netpoll]', null, O.RDONLY | O.NONBLOCK, p, true));
    this.allocFd(new OpenFile('pipe:[netpoll]', null, O.WRONLY | O.NONBLOCK, p, false));
  }

  path(p: string): string {
    return cleanPath(p, this.cwd);
  }

  // ---------------------------------------------------------------- files and directories

  open(path: string, flags: number, mode: number): SysResult {
    const p = this.path(path);
    const c = this.costs.openCall;
    let n = this.fs.get(p);
    if (n === undefined) {
      if (!(flags & O.CREAT)) return this.fail(Errno.ENOENT, c);
      const dir = this.fs.get(parentOf(p));
      if (dir === undefined) return this.fail(Errno.ENOENT, c);
      if (dir.kind !== 'dir') return this.fail(Errno.ENOTDIR, c);
      n = this.fs.create(p, 'file', mode & 0o777);
      n.mtime = this.now;
      // A new inode and directory entry: computed in the kernel (fs_costs.json create_cpu_us).
      const r = this.ok(this.allocFd(new OpenFile(p, n, flags)), this.costs.createCall);
      r.cpu = true;
      return r;
    }
    if (flags & O.CREAT && flags & O.EXCL) return this.fail(Errno.EEXIST, c);
    if (n.kind === 'dir' && (flags & O.ACCMODE) !== O.RDONLY) return this.fail(Errno.EISDIR, c);
    if (flags & O.DIRECTORY && n.kind !== 'dir') return this.fail(Errno.ENOTDIR, c);
    let ns = c;
    if (flags & O.TRUNC && n.kind === 'file' && (flags & O.ACCMODE) !== O.RDONLY) {
      n.size = 0;
      ns += this.costs.truncCall;
    }
    return this.ok(this.allocFd(new OpenFile(p, n, flags)), ns);
  }

  close(fd: number): SysResult {
    const f = this.file(fd);
    if (f === null) return this.fail(Errno.EBADF, this.costs.otherCall);
    this.fds[fd] = null;
    if (fd < this.fdLow) this.fdLow = fd;
    const r = this.ok(0, this.costs.openCall);
    const pp = f.pipe;
    if (pp !== null) {
      if (f.readEnd) {
        if (--pp.readers === 0) {
          r.wake = pp.wwait;
          r.wakeAll = true;
          r.ready = pp.wpoll;
        }
      } else if (--pp.writers === 0) {
        r.wake = pp.rwait;
        r.wakeAll = true;
        r.ready = pp.rpoll;
      }
    }
    return r;
  }

  /**
   * read(2) (off < 0) or pread(2) (off ≥ 0) of at most `want` bytes into `dst` (null: the bytes are
   * not wanted, only the call's effect and cost — a device read whose contents are dropped).
   */
  read(fd: number, dst: ByteBuf | null, off = -1, want = dst === null ? 0 : dst.n): SysResult {
    const f = this.file(fd);
    if (f === null || (f.flags & O.ACCMODE) === O.WRONLY) return this.fail(Errno.EBADF, this.costs.otherCall);
    if (f.pipe !== null) {
      if (off >= 0) return this.fail(Errno.ESPIPE, this.costs.otherCall);
      return this.pipeRead(f, f.pipe, dst, want);
    }
    if (f.std === 0) {
      if (typeof this.stdin === 'function') this.stdin = this.stdin();
      const n = Math.min(want, this.stdin.length - this.stdinOff);
      copyOut(this.stdin, this.stdinOff, dst, n);
      this.stdinOff += n;
      return this.ok(n, this.costs.pipeCall);
    }
    const ino = f.inode;
    if (ino === null) return this.fail(Errno.EBADF, this.costs.otherCall);
    const c = this.costs;
    switch (ino.kind) {
      case 'dir':
        return this.fail(Errno.EISDIR, c.otherCall);
      case 'null':
        return this.ok(0, c.otherCall);
      case 'zero':
        fillZero(dst, want);
        return this.ok(want, c.urandomCall + want * c.cachedReadPerByte);
      case 'urandom':
        this.fillRandom(dst, want);
        return this.ok(want, c.urandomCall + want * c.urandomPerByte);
      case 'proc': {
        const text = new TextEncoder().encode(this.procStatus());
        const at = off >= 0 ? off : f.off;
        const n = Math.max(0, Math.min(want, text.length - at));
        copyOut(text, at, dst, n);
        if (off < 0) f.off += n;
        return this.ok(n, c.cachedReadCall + 2_000);
      }
      default: {
        const at = off >= 0 ? off : f.off;
        const n = Math.max(0, Math.min(want, ino.size - at));
        copyOut(ino.data, at, dst, n);
        if (off < 0) f.off += n;
        let ns: number;
        let device = false;
        if (f.flags & O.DIRECT) {
          ns = c.directReadCall + n * c.directReadPerByte;
          device = true;
        } else {
          const miss = ino.uncachedBytes(at, n);
          device = miss > 0;
          ns = device ? c.missReadCall + miss * c.missReadPerByte + (n - miss) * c.cachedReadPerByte : c.cachedReadCall + n * c.cachedReadPerByte;
          ino.cache(at, n, false);
        }
        const r = this.ok(n, ns);
        r.cpu = !device;
        return r;
      }
    }
  }

  private pipeRead(f: OpenFile, pp: Pipe, dst: ByteBuf | null, want: number): SysResult {
    const c = this.costs;
    if (pp.len === 0) {
      if (pp.writers === 0 || want === 0) return this.ok(0, c.pipeCall);
      if (f.flags & O.NONBLOCK) return this.fail(Errno.EAGAIN, c.pipeCall);
      const r = this.ok(0, c.pipeCall);
      r.block = pp.rwait;
      return r;
    }
    const n = Math.min(want, pp.len);
    const cap = pp.buf.length;
    if (dst !== null) for (let i = 0; i < n; i++) dst.a[dst.o + i] = pp.buf[(pp.head + i) % cap];
    const wasFull = pp.len === PIPE_BUF_SIZE;
    pp.head = (pp.head + n) % cap;
    pp.len -= n;
    const r = this.ok(n, c.pipeCall + n * c.cachedReadPerByte);
    if (wasFull) {
      r.wake = pp.wwait;
      r.ready = pp.wpoll;
    }
    return r;
  }

  /** write(2) (off < 0) or pwrite(2) (off ≥ 0) of `src`. Standard streams are the caller's (program output). */
  write(fd: number, src: ByteBuf | null, off = -1): SysResult {
    const f = this.file(fd);
    const n = src === null ? 0 : src.n;
    if (f === null || (f.flags & O.ACCMODE) === O.RDONLY) return this.fail(Errno.EBADF, this.costs.otherCall);
    const c = this.costs;
    if (f.pipe !== null) {
      const pp = f.pipe;
      if (pp.readers === 0) return this.fail(Errno.EPIPE, c.pipeCall);
      if (pp.len === PIPE_BUF_SIZE) {
        if (f.flags & O.NONBLOCK) return this.fail(Errno.EAGAIN, c.pipeCall);
        const r = this.ok(0, c.pipeCall);
        r.block = pp.wwait;
        return r;
      }
      const k = Math.min(n, PIPE_BUF_SIZE - pp.len);
      const wasEmpty = pp.len === 0;
      pp.reserve(pp.len + k);
      const cap = pp.buf.length;
      for (let i = 0; i < k; i++) pp.buf[(pp.head + pp.len + i) % cap] = Number(src!.a[src!.o + i]) & 255;
      pp.len += k;
      const r = this.ok(k, c.pipeCall + k * c.writePerByte);
      if (wasEmpty && k > 0) {
        r.wake = pp.rwait;
        r.ready = pp.rpoll;
      }
      return r;
    }
    const ino = f.inode;
    if (ino === null) return this.ok(n, c.writeCall); // standard streams: the caller writes the output
    if (ino.kind === 'null' || ino.kind === 'zero') return this.ok(n, c.otherCall);
    if (ino.kind !== 'file') return this.fail(Errno.EINVAL, c.otherCall);
    const at = off >= 0 ? off : f.flags & O.APPEND ? ino.size : f.off;
    // Pages past the file's end before this write are new: page-cache pages and blocks to reserve.
    const newPages = n > 0 ? Math.max(0, Math.ceil((at + n) / PAGE) - Math.ceil(ino.size / PAGE)) : 0;
    ino.reserve(at + n);
    if (at > ino.size) ino.data.fill(0, ino.size, at);
    for (let i = 0; i < n; i++) ino.data[at + i] = Number(src!.a[src!.o + i]) & 255;
    ino.size = Math.max(ino.size, at + n);
    ino.cache(at, n, true);
    ino.mtime = this.now;
    if (off < 0) f.off = at + n;
    const extend = newPages > 0 ? c.writeExtendCall + newPages * c.writeExtendPage : 0;
    const r = this.ok(n, f.flags & O.DIRECT ? c.directReadCall + n * c.directReadPerByte : c.writeCall + n * c.writePerByte + extend);
    r.cpu = !(f.flags & O.DIRECT);
    return r;
  }

  /** lseek(2); whence 0 SEEK_SET, 1 SEEK_CUR, 2 SEEK_END. */
  seek(fd: number, offset: number, whence: number): SysResult {
    const f = this.file(fd);
    if (f === null) return this.fail(Errno.EBADF, this.costs.otherCall);
    if (f.pipe !== null || f.std >= 0) return this.fail(Errno.ESPIPE, this.costs.otherCall);
    const base = whence === 0 ? 0 : whence === 1 ? f.off : f.inode?.size ?? 0;
    if (base + offset < 0 || whence < 0 || whence > 2) return this.fail(Errno.EINVAL, this.costs.otherCall);
    f.off = base + offset;
    return this.ok(f.off, this.costs.otherCall);
  }

  fsync(fd: number): SysResult {
    const f = this.file(fd);
    if (f === null) return this.fail(Errno.EBADF, this.costs.otherCall);
    if (f.pipe !== null || f.std >= 0) return this.fail(Errno.EINVAL, this.costs.otherCall);
    const dirty = f.inode !== null && f.inode.kind === 'file' && f.inode.clean();
    const r = this.ok(0, dirty ? this.costs.fsyncCall : this.costs.otherCall);
    r.cpu = !dirty; // writing dirty pages back waits for the device
    return r;
  }

  fadvise(fd: number, advice: number): SysResult {
    const f = this.file(fd);
    if (f === null) return this.fail(Errno.EBADF, this.costs.otherCall);
    if (f.pipe !== null) return this.fail(Errno.ESPIPE, this.costs.otherCall);
    if (advice === FADV_DONTNEED && f.inode !== null && f.inode.kind === 'file') f.inode.dropClean();
    return this.ok(0, this.costs.otherCall);
  }

  ftruncate(fd: number, size: number): SysResult {
    const f = this.file(fd);
    if (f === null || f.inode === null || f.inode.kind !== 'file') return this.fail(f === null ? Errno.EBADF : Errno.EINVAL, this.costs.otherCall);
    const ino = f.inode;
    ino.reserve(size);
    if (size > ino.size) ino.data.fill(0, ino.size, size);
    ino.size = size;
    return this.ok(0, this.costs.writeCall);
  }

  /** stat(2) by path, or fstat(2) when `fd` ≥ 0. `out` receives the inode. */
  stat(path: string | null, fd = -1): SysResult & { inode?: Inode; name?: string } {
    let ino: Inode | undefined;
    let name = '';
    if (fd >= 0) {
      const f = this.file(fd);
      if (f === null) return this.fail(Errno.EBADF, this.costs.otherCall);
      ino = f.inode ?? undefined;
      name = f.path;
    } else {
      name = this.path(path ?? '');
      ino = this.fs.get(name);
      if (ino === undefined) return this.fail(Errno.ENOENT, this.costs.statCall);
    }
    const r = this.ok(0, this.costs.statCall) as SysResult & { inode?: Inode; name?: string };
    r.inode = ino;
    r.name = name;
    return r;
  }

  /** chdir(2): the working directory becomes path, which must be a directory. */
  chdir(path: string): SysResult {
    const p = this.path(path);
    const c = this.costs.statCall;
    const n = this.fs.get(p);
    if (n === undefined) return this.fail(Errno.ENOENT, c);
    if (n.kind !== 'dir') return this.fail(Errno.ENOTDIR, c);
    this.cwd = p;
    return this.ok(0, c);
  }

  mkdir(path: string, mode: number): SysResult {
    const p = this.path(path);
    const c = this.costs.openCall;
    if (this.fs.get(p) !== undefined) return this.fail(Errno.EEXIST, c);
    const dir = this.fs.get(parentOf(p));
    if (dir === undefined) return this.fail(Errno.ENOENT, c);
    if (dir.kind !== 'dir') return this.fail(Errno.ENOTDIR, c);
    this.fs.create(p, 'dir', mode & 0o777).mtime = this.now;
    return this.ok(0, c);
  }

  /** unlink(2) (dir false) or rmdir(2) (dir true). */
  unlink(path: string, dir: boolean): SysResult {
    const p = this.path(path);
    const c = dir ? this.costs.openCall : this.costs.unlinkCall;
    const n = this.fs.get(p);
    if (n === undefined) return this.fail(Errno.ENOENT, c);
    if (dir !== (n.kind === 'dir')) return this.fail(dir ? Errno.ENOTDIR : Errno.EISDIR, c);
    if (dir && this.fs.list(p).length > 0) return this.fail(Errno.ENOTEMPTY, c);
    this.fs.remove(p);
    return this.ok(0, c);
  }

  rename(from: string, to: string): SysResult {
    const a = this.path(from);
    const b = this.path(to);
    const n = this.fs.get(a);
    if (n === undefined) return this.fail(Errno.ENOENT, this.costs.openCall);
    this.fs.rename(a, b);
    return this.ok(0, this.costs.openCall);
  }

  /** getdents(2) of a directory: its entry names, sorted. /proc/self/task has one entry per thread. */
  readdir(path: string): SysResult & { names?: string[] } {
    const p = this.path(path);
    const n = this.fs.get(p);
    const c = this.costs.openCall * 2 + 1_000;
    if (n === undefined) return this.fail(Errno.ENOENT, c);
    if (n.kind !== 'dir') return this.fail(Errno.ENOTDIR, c);
    const r = this.ok(0, c) as SysResult & { names?: string[] };
    r.names = p === '/proc/self/task' ? Array.from({ length: this.threads }, (_, i) => String(4242 + i)) : this.fs.list(p);
    return r;
  }

  /** pipe2(2): [read fd, write fd]. */
  pipe(flags: number): SysResult & { fds?: [number, number] } {
    const pp = new Pipe();
    pp.readers = pp.writers = 1;
    const nb = flags & O.NONBLOCK;
    const r0 = this.allocFd(new OpenFile('pipe:', null, O.RDONLY | nb, pp, true));
    const w0 = this.allocFd(new OpenFile('pipe:', null, O.WRONLY | nb, pp, false));
    const r = this.ok(0, this.costs.otherCall * 2) as SysResult & { fds?: [number, number] };
    r.fds = [r0, w0];
    return r;
  }

  /** fcntl(F_SETFL, O_NONBLOCK) as os.NewFile/net do: set or clear O_NONBLOCK. */
  setNonblock(fd: number, on: boolean): void {
    const f = this.file(fd);
    if (f !== null) f.flags = on ? f.flags | O.NONBLOCK : f.flags & ~O.NONBLOCK;
  }

  private procStatus(): string {
    return `Name:\tmain\nState:\tR (running)\nTgid:\t4242\nPid:\t4242\nPPid:\t4241\nThreads:\t${this.threads}\n`;
  }

  /**
   * /dev/urandom's bytes into dst: a fixed xorshift32 stream (deterministic; not the run's seeded
   * choices), four bytes per step (x's bytes, low byte first; a read starts at a step's first byte).
   * A []byte's Uint8Array is filled a 32-bit word at a time through an Int32Array view: 1 MiB reads
   * (conformance urandom_read: N=1000 goroutines read 1 GiB per run) took 3.7 ns a byte filled byte by
   * byte, 84 % of the run's CPU.
   */
  private fillRandom(dst: ByteBuf | null, n: number): void {
    if (dst === null || n <= 0) return; // os.ReadFile's discarded device reads take no bytes from the stream
    // x stays an int32 in the loop (a Smi: `>>> 0` would make it a heap double above 2^31); the bits,
    // and so the stream, are those of the uint32 xorshift.
    let x = this.rnd | 0;
    const o = dst.o;
    let i = 0;
    if ((dst.a as unknown) instanceof Uint8Array) {
      const u = dst.a as unknown as Uint8Array;
      const at = u.byteOffset + o;
      const words = n >>> 2;
      if (words > 0 && (at & 3) === 0 && littleEndian) {
        // the same bytes as the loop below: each step's word, low byte first
        const w = new Int32Array(u.buffer, at, words);
        for (let k = 0; k < words; k++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          w[k] = x;
        }
        i = words << 2;
      }
    }
    // the rest (all of it for a plain array or an unaligned view) a byte at a time
    const a = dst.a;
    while (i < n) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      let word = x;
      for (let b = 0; b < 4 && i < n; b++, i++) {
        a[o + i] = word & 255;
        word >>>= 8;
      }
    }
    this.rnd = x >>> 0;
  }
}

/** Whether this host stores an Int32Array's words low byte first (every platform Node and browsers run on). */
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function copyOut(src: Uint8Array, at: number, dst: ByteBuf | null, n: number): void {
  if (dst === null) return;
  if ((dst.a as unknown) instanceof Uint8Array) (dst.a as unknown as Uint8Array).set(src.subarray(at, at + n), dst.o);
  else for (let i = 0; i < n; i++) dst.a[dst.o + i] = src[at + i];
}

function fillZero(dst: ByteBuf | null, n: number): void {
  if (dst === null) return;
  if ((dst.a as unknown) instanceof Uint8Array) (dst.a as unknown as Uint8Array).fill(0, dst.o, dst.o + n);
  else for (let i = 0; i < n; i++) dst.a[dst.o + i] = 0;
}
