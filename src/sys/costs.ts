/**
 * What the kernel charges a thread for file, device, pipe and socket system calls: the I/O half of
 * the cost model (the runtime's half is src/runtime/cost.ts).
 *
 * A system call's duration is the time its thread is inside the kernel: the runtime sees it between
 * entersyscall and exitsyscall, and sysmon retakes the P if it lasts past a 20 µs–10 ms tick. What
 * makes a read long is its size and where the bytes come from, so reads cost `call + bytes × perByte`
 * by kind: the page cache (a memcpy), a page-cache miss (the block device, through readahead), the
 * device with O_DIRECT, /dev/urandom (ChaCha20 in the kernel). A read that waits for data (a pipe or
 * a terminal with nothing to read) sleeps until a writer wakes it, `pipeWake` after the write.
 *
 * Creating, truncating, growing and unlinking files cost what conformance/programs/fs_costs.go measures
 * (createCall … unlinkCall): a new file's inode is tens to hundreds of µs of kernel CPU on ext4, so an
 * os.Create or os.WriteFile can last long enough for sysmon to retake its P.
 *
 * Defaults: medians of conformance/reference/go1.19/io_costs.json, recorded with go1.19.8
 * (/usr/lib/go-1.19/bin/go) on the project's reference machine (2 vCPU AMD EPYC Firecracker guest, ext4
 * on a virtio disk, Linux 6.18; recorded 2026-12-06); `call` terms are the 4 KiB read minus 4 KiB × perByte. Reads are timed
 * around the raw syscall, so each includes Go's entersyscall/exitsyscall (≈50 ns, syscallOverhead),
 * which is subtracted. Other machines differ (NVMe vs network disks by 10×): override per run with
 * the Go frontend's CompileOptions.io or the CLI's `--cost name=value` (e.g. `--cost missReadCall=500us`),
 * or re-record io_costs.go on the target machine.
 *
 * A TCP connection's own system calls (socket, connect, accept4, the socket options Go sets, epoll_ctl,
 * close) are timed by io_costs.go's socketCosts, one raw call at a time, minus one time.Now (≈50 ns,
 * calibrate.json time_now_ns 47). PROVISIONAL: io_costs.json was recorded before that section existed;
 * these defaults are the medians of three runs of it with go1.19.8 on the reference machine while it was
 * loaded (2026-12-07 03:45 UTC, load average 6–9 on 2 vCPUs: the same runs measured cached_read_4k,
 * write_4k and urandom_read_4k 1.17–1.18× their recorded medians, open_close 1.20×, pipe_write 0.97×),
 * to be replaced by the recorded socket figures.
 */
export interface IoCosts {
  /** open(2) or close(2) of a file: half of os.Open + Close (open_close_us 4.06 µs). */
  openCall: number;
  /** stat(2)/fstat(2) (stat_us 1.83 µs). */
  statCall: number;
  /** Fixed part of a read(2) served from the page cache. */
  cachedReadCall: number;
  /** Page-cache copy per byte (cached_read_per_byte_ns). */
  cachedReadPerByte: number;
  /** Fixed part of a read(2) that misses the page cache (after fadvise(DONTNEED) or on a cold file). */
  missReadCall: number;
  /** Per byte of such a read (the device through readahead): (dontneed_read_1m − dontneed_read_4k) / bytes. */
  missReadPerByte: number;
  /** Fixed part of an O_DIRECT read(2) (the device's request latency). */
  directReadCall: number;
  /** Per byte of an O_DIRECT read (direct_per_byte_ns). */
  directReadPerByte: number;
  /** Fixed part of a read(2) of /dev/urandom. */
  urandomCall: number;
  /** /dev/urandom per byte (urandom_per_byte_ns: the kernel's ChaCha20). */
  urandomPerByte: number;
  /** Fixed part of a write(2) into the page cache (a regular file). */
  writeCall: number;
  /** Page-cache write per byte (write_per_byte_ns). */
  writePerByte: number;
  /**
   * open(2) with O_CREAT of a name that does not exist: a new inode and directory entry, computed in the
   * kernel (fs_costs.json create_cpu_us ≈ create_us: the thread keeps its CPU). ext4's inode allocator
   * skips inodes deleted recently, so the same call costs more the more files were deleted just before:
   * ≈20 µs on a file system that saw no deletions for minutes (a probe on the reference machine), and
   * 124–168 µs in go1.19.8's recording (5 back-to-back runs, each creating and deleting 1,600 files, as
   * the conformance and recorder runs do; go1.26.8's right after it: 255–342 µs; a probe series the same
   * evening: 132 → 624 µs over six runs). The default is go1.19.8's recorded median.
   */
  createCall: number;
  /** The extra work of O_TRUNC on an existing file (trunc_empty_us − open_rdonly_us). */
  truncCall: number;
  /**
   * A write(2) that extends a file onto pages it did not have (new page-cache pages, the file system's
   * delayed block reservation): a fixed part per such write, beyond the copy (writeCall + writePerByte).
   * Fit of fs_costs.json's write_new_{4k,1m}_us less write_over_{4k,1m}_us (the same write over pages
   * that exist): go1.19.8 4.19 µs for 1 page and 172.9 µs for 256, so 0.66 µs per new page and 3.53 µs
   * fixed (64 KiB: 14.1 µs against the measured 18.3: the first pages of a file cost a little more).
   */
  writeExtendCall: number;
  /** Per new 4 KiB page of such a write (see writeExtendCall). */
  writeExtendPage: number;
  /** unlink(2) of a file (unlink_64k_us: a 64 KiB file, its pages and blocks freed). */
  unlinkCall: number;
  /** fsync(2) of a file with dirty pages (fsync_4k_us − write_4k_us). */
  fsyncCall: number;
  /** A read(2) or write(2) on a pipe that does not block (pipe_write_us). */
  pipeCall: number;
  /** A write(2) to a pipe until the reader asleep in read(2) returns (pipe_wake_us). */
  pipeWake: number;
  /** Loopback latency of a socket write or connect until the peer's fd is ready. */
  netLatency: number;
  /**
   * A write(2) on a loopback TCP socket: the thread is in the kernel for the whole transmit and
   * receive path (loopback delivers in the writer's softirq), so the peer's data is queued when it
   * returns.
   */
  netWrite: number;
  /**
   * The extra time of the process's first socket write (cold kernel paths, socket buffer
   * allocation): real writes after it are several times faster.
   */
  netWriteCold: number;
  /** A read(2) on a socket that has data. */
  netRead: number;
  /** socket(2) of a TCP socket (socket_us). */
  socketCall: number;
  /**
   * connect(2) of a non-blocking TCP socket to a loopback listener: the three-way handshake runs in
   * the caller's softirq inside the call, so the kernel computes for its whole length (connect_loopback_us).
   */
  connectCall: number;
  /** accept4(2) of a connection waiting in the listener's queue (accept4_us). */
  acceptCall: number;
  /** accept4(2) on a listener with an empty queue: EAGAIN, Go's Accept tries it before it parks (accept4_eagain_us). */
  acceptEagainCall: number;
  /** read(2) of a non-blocking socket with no data: EAGAIN, Go's Read tries it before it parks (read_eagain_us). */
  readEagainCall: number;
  /** setsockopt(2) / getsockopt(2) on a socket (setsockopt_us; getsockopt_us is within 10 %). */
  sockoptCall: number;
  /** getsockname(2) / getpeername(2) (getsockname_us, getpeername_us). */
  socknameCall: number;
  /** epoll_ctl(EPOLL_CTL_ADD) of a new fd: the runtime's netpollopen (epoll_ctl_add_us). */
  epollAddCall: number;
  /** epoll_ctl(EPOLL_CTL_DEL): the runtime's netpollclose before close(2) (epoll_ctl_del_us). */
  epollDelCall: number;
  /** close(2) of a connected TCP socket whose peer is still open: it sends the FIN (tcp_close_active_us). */
  tcpCloseActive: number;
  /** close(2) of a TCP socket whose peer has closed: the last FIN of the exchange (tcp_close_passive_us). */
  tcpClosePassive: number;
  /** Any other system call a program makes (getpid-class: a few hundred ns). */
  otherCall: number;
}

export const defaultIoCosts: Readonly<IoCosts> = Object.freeze({
  openCall: 1_600, // open_close_us 3.17 / 2
  statCall: 1_300, // stat_us 1.32
  cachedReadCall: 440, // cached_read_4k_us 0.601 − 4096 × 0.0331 ns − 25 ns
  cachedReadPerByte: 0.0331, // cached_read_per_byte_ns
  missReadCall: 54_000, // dontneed_read_4k_us 59.5 − 4096 × 1.38 ns
  missReadPerByte: 1.38, // (dontneed_read_1m_us 1505 − 59.5) / (1 MiB − 4 KiB)
  directReadCall: 44_000, // direct_read_4k_us 46.1 − 4096 × 0.594 ns
  directReadPerByte: 0.594, // direct_per_byte_ns
  urandomCall: 270, // urandom_read_4k_us 10.40 − 4096 × 2.474 ns
  urandomPerByte: 2.474, // urandom_per_byte_ns (1 MiB: 2.59 ms)
  writeCall: 720, // write_4k_us 0.841 − 4096 × 0.0283 ns
  writePerByte: 0.0283, // write_per_byte_ns
  // fs_costs.json (go1.19.8, 2026-12-07 21:50, quiet machine, foreignCpu 0), medians of 5 runs
  createCall: 135_200, // create_us 135.2 (123.8–167.9)
  truncCall: 2_850, // trunc_empty_us 8.753 − open_rdonly_us 5.899
  writeExtendCall: 3_530, // (write_new_4k_us 5.248 − write_over_4k_us 1.062) − writeExtendPage
  writeExtendPage: 662, // ((write_new_1m 204.6 − write_over_1m 31.73) − 4.186) / 255 pages
  unlinkCall: 16_400, // unlink_64k_us 16.36 (os.Remove)
  fsyncCall: 75_000, // fsync_4k_us 75.8 − write_4k_us 0.84
  pipeCall: 530, // pipe_write_us 0.55 − 25 ns
  pipeWake: 3_800, // pipe_wake_us 3.84 (write → the reader's goroutine runs again)
  netLatency: 1_000, // loopback delivers inside the writer's write(2) (softirq): the peer's fd is ready when it returns; netpoll_wake.json n1_p1: the reader returns 12 µs after its write (first_us 77.8 − write_ms 66 on go1.19.8), its own read and print included
  netWrite: 10_000, // netpoll_wake.json write_ms / N at GOMAXPROCS=1, N=1000: go1.19.8 10.27 µs, go1.26.8 9.13 (N=100: 11.05, 8.39), less the loop's Go code
  netWriteCold: 55_000, // netpoll_wake.json n1_p1 write_ms: one write 66 µs (go1.19.8), 72 µs (go1.26.8), − netWrite
  netRead: 3_000, // a read(2) of a socket with data
  // provisional (see above): io_costs.go socketCosts, medians of 3 runs on the loaded machine − 50 ns
  socketCall: 2_940, // socket_us 2.95–3.00
  connectCall: 14_760, // connect_loopback_us 14.56–14.89
  acceptCall: 2_630, // accept4_us 2.66–2.68
  acceptEagainCall: 3_570, // accept4_eagain_us 3.62 (the kernel allocates the new socket before it finds the queue empty)
  readEagainCall: 520, // read_eagain_us 0.53–0.67
  sockoptCall: 500, // setsockopt_us 0.55 (getsockopt_us 0.52–0.69)
  socknameCall: 500, // getsockname_us 0.54–0.57, getpeername_us 0.54–0.61
  epollAddCall: 1_170, // epoll_ctl_add_us 1.16–1.31
  epollDelCall: 960, // epoll_ctl_del_us 0.99–1.06
  tcpCloseActive: 6_460, // tcp_close_active_us 6.48–6.81
  tcpClosePassive: 10_830, // tcp_close_passive_us 10.79–11.14
  otherCall: 300, // a getpid-class syscall (calibrate.go: raw getpid ≈ 230 ns + overhead)
});

export const ioCostNames = Object.keys(defaultIoCosts) as (keyof IoCosts)[];

/** The parameters that are per-byte rates (ns per byte); the others are durations in ns. */
export const perByteIoCosts: ReadonlySet<keyof IoCosts> = new Set<keyof IoCosts>(['cachedReadPerByte', 'missReadPerByte', 'directReadPerByte', 'urandomPerByte', 'writePerByte']);

/** One line per I/O cost parameter, for `gmpsim run --help` and the CLI's messages. */
export const ioCostDocs: Readonly<Record<keyof IoCosts, string>> = Object.freeze({
  openCall: 'open(2) or close(2) of an existing file',
  statCall: 'stat(2)/fstat(2)',
  cachedReadCall: 'read(2) from the page cache, fixed part',
  cachedReadPerByte: 'read(2) from the page cache, per byte',
  missReadCall: 'read(2) that misses the page cache (the disk), fixed part',
  missReadPerByte: 'read(2) that misses the page cache, per byte',
  directReadCall: 'O_DIRECT read(2) (the device\'s request latency), fixed part',
  directReadPerByte: 'O_DIRECT read(2), per byte',
  urandomCall: 'read(2) of /dev/urandom, fixed part',
  urandomPerByte: 'read(2) of /dev/urandom, per byte (the kernel\'s ChaCha20)',
  writeCall: 'write(2) into the page cache, fixed part',
  writePerByte: 'write(2) into the page cache, per byte',
  createCall: 'open(2) with O_CREAT of a new file (kernel CPU)',
  truncCall: 'the extra work of O_TRUNC on an existing file',
  writeExtendCall: 'a write(2) past the file\'s end onto new pages, fixed part',
  writeExtendPage: 'a write(2) past the file\'s end, per new 4 KiB page',
  unlinkCall: 'unlink(2) of a file',
  fsyncCall: 'fsync(2) of a file with dirty pages',
  pipeCall: 'read(2)/write(2) on a pipe that does not block',
  pipeWake: 'a pipe write until the reader asleep in read(2) returns',
  netLatency: 'loopback latency of a socket write or connect until the peer\'s fd is ready',
  netWrite: 'write(2) on a loopback TCP socket',
  netWriteCold: 'the extra time of the process\'s first socket write',
  netRead: 'read(2) of a socket that has data',
  socketCall: 'socket(2)',
  connectCall: 'connect(2) to a loopback listener (the handshake, in the caller)',
  acceptCall: 'accept4(2) of a queued connection',
  acceptEagainCall: 'accept4(2) on an empty queue (EAGAIN)',
  readEagainCall: 'read(2) of a socket with no data (EAGAIN)',
  sockoptCall: 'setsockopt(2)/getsockopt(2)',
  socknameCall: 'getsockname(2)/getpeername(2)',
  epollAddCall: 'epoll_ctl(EPOLL_CTL_ADD) of a new fd',
  epollDelCall: 'epoll_ctl(EPOLL_CTL_DEL)',
  tcpCloseActive: 'close(2) of a TCP socket whose peer is open (sends the FIN)',
  tcpClosePassive: 'close(2) of a TCP socket whose peer has closed',
  otherCall: 'any other system call (getpid-class)',
});

/** Why `v` is not a valid value for I/O cost `k` (ns, or ns per byte for the per-byte rates), or null. */
export function ioCostValueError(k: keyof IoCosts, v: number): string | null {
  if (!Number.isFinite(v) || v < 0) return perByteIoCosts.has(k) ? 'the value must be a non-negative number of nanoseconds per byte' : 'the value must be a non-negative number of nanoseconds';
  if (perByteIoCosts.has(k) ? v > 1e6 : v > 86_400e9) return 'the value is more than gmpsim takes (at most 24h per call, 1 ms per byte)';
  return null;
}
