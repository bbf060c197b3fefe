/**
 * Package net: TCP over a simulated loopback. Sockets are non-blocking and live in the netpoller,
 * as in Go: a Read with no data parks the goroutine on the socket's poll descriptor (the seed's
 * "network I/O: the M stays free"); the peer's Write makes it ready after the loopback latency;
 * Accept waits the same way for a connection. The bytes move for real (an echo server echoes).
 *
 * Listeners, ephemeral ports and the count of socket writes are run state (Process). Costs:
 * sys/costs.ts (netWrite, netWriteCold for the process's first write, netRead, netLatency); a loopback
 * read(2) or write(2) computes in the kernel (the TCP stack runs on the caller's CPU), so threads in them
 * share the cores. A Listen on an address in use fails (`bind: address already in use`).
 *
 * A connection's life makes the system calls Go's net package makes, in its order (strace of go1.19.8
 * and go1.26.8; net/sock_posix.go socket, fd_unix.go connect/accept, tcpsock.go newTCPConn, the
 * keep-alive options of dial.go and tcpsock_posix.go, fd_posix.go Close), each charged its kernel time
 * (sys/costs.ts socketCall…tcpClosePassive), and Dial, Accept and Close their own Go code
 * (golang/cost.ts netDial, netAccept, netClose) — a thousand connections cost tens of milliseconds of CPU:
 * - Dial: socket (RawSyscall), connect (EINPROGRESS: on loopback the handshake is done inside it),
 *   epoll_ctl ADD (the runtime's netpollopen, no entersyscall), the wait for writability in the
 *   netpoller, getsockopt(SO_ERROR), getpeername and getsockname (RawSyscall), then the options;
 * - Accept: accept4, epoll_ctl ADD, getsockname, then the options;
 * - the options: setsockopt TCP_NODELAY and keep-alive on: SO_KEEPALIVE + TCP_KEEPINTVL + TCP_KEEPIDLE
 *   on go1.19 (setKeepAlivePeriod), + TCP_KEEPCNT from go1.23 (SetKeepAliveConfig);
 * - Close: epoll_ctl DEL (netpollclose) and close(2), which sends the FIN when the peer is still open
 *   (tcpCloseActive) and finishes the exchange when it has closed (tcpClosePassive); closing a closed
 *   Conn makes no call.
 * A Read with no data, or an Accept with no connection queued, first makes the read(2) (accept4) that
 * returns EAGAIN, as poll.FD.Read/Accept do, then parks on the netpoller and tries again when woken.
 * Simplified: no kernel socket buffers or TCP windows (a write never blocks), no
 * network beyond the loopback (a Dial to any other address is refused); Listen and a Listener's Close
 * are one fixed-cost call.
 */
import { K, type Op } from '../../workload/ops.js';
import { PollDesc } from '../../runtime/netpoll.js';
import { newError } from './errors.js';
import { EOF } from './io.js';
import { type Type, newNamed, tInt, tString } from '../types.js';
import { globalTypes, tError } from '../core.js';
import type { Process } from './process.js';
import { pkg, F, T, fn, ptr, tBytes, subset, jsMethod } from './registry.js';
import type { Slice } from '../rt/slices.js';
import { bytesToString, encodeUTF8 } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;

export class Listener {
  backlog: Conn[] = [];
  pd = new PollDesc(null, 'listener');
  closed = false;
  constructor(
    public p: Process,
    public addr: string,
  ) {}
  *Accept(): Go<[Iface | null, Iface | null]> {
    // poll.FD.Accept: accept4 first; EAGAIN → wait for the listener in the netpoller, then again
    while (this.backlog.length === 0 && !this.closed) {
      yield { k: K.Syscall, ns: this.p.kernel.costs.acceptEagainCall, mode: 'syscall', name: 'accept4', cpu: true };
      yield { k: K.NetWait, pd: this.pd };
    }
    if (this.closed) return [null, newError('use of closed network connection')];
    const c = this.backlog.shift()!;
    const k = c.p.kernel.costs;
    const goCode = c.p.cpu?.netAccept ?? 0;
    if (goCode > 0) yield { k: K.Work, ns: goCode, every: 0 };
    yield { k: K.Syscall, ns: k.acceptCall, mode: 'syscall', name: 'accept4', cpu: true };
    yield { k: K.Syscall, ns: k.epollAddCall, mode: 'raw', name: 'epoll_ctl', cpu: true };
    yield { k: K.Syscall, ns: k.socknameCall, mode: 'raw', name: 'getsockname', cpu: true };
    yield* setConnOptions(c.p);
    return [{ t: types.conn, v: c }, null];
  }
  *Close(): Go<Iface | null> {
    this.closed = true;
    yield { k: K.NetReady, pd: this.pd, ns: 0 };
    return null;
  }
  *Addr(): Go<Iface> {
    return { t: tTCPAddr, v: encodeUTF8(this.addr) };
  }
}

export class Conn {
  buf = '';
  /** The peer closed its end (or this one was closed): reads return EOF once the buffer is empty. */
  closed = false;
  /** This end's fd was closed (Close made its system calls). */
  released = false;
  peer: Conn | null = null;
  pd = new PollDesc(null, 'conn');
  constructor(public p: Process) {}
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    // poll.FD.Read: read(2) first; EAGAIN → wait in the netpoller, then read again
    while (this.buf.length === 0 && !this.closed) {
      yield { k: K.Syscall, ns: this.p.kernel.costs.readEagainCall, mode: 'syscall', name: 'read', cpu: true };
      yield { k: K.NetWait, pd: this.pd };
    }
    yield { k: K.Syscall, ns: this.p.kernel.costs.netRead, mode: 'syscall', name: 'read', cpu: true };
    if (this.buf.length === 0) return [0, EOF];
    const n = Math.min(b === null ? 0 : b.n, this.buf.length);
    for (let i = 0; i < n; i++) b!.a[b!.o + i] = this.buf.charCodeAt(i);
    this.buf = this.buf.slice(n);
    return [n, null];
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    const s = bytesToString(b);
    const peer = this.peer!;
    const c = this.p.kernel.costs;
    const cold = this.p.netWrites++ === 0 ? c.netWriteCold : 0;
    yield { k: K.Syscall, ns: c.netWrite + cold, mode: 'syscall', name: 'write', cpu: true };
    peer.buf += s;
    yield { k: K.NetReady, pd: peer.pd, ns: c.netLatency };
    return [s.length, null];
  }
  *Close(): Go<Iface | null> {
    if (!this.released) {
      this.released = true;
      const k = this.p.kernel.costs;
      const goCode = this.p.cpu?.netClose ?? 0;
      if (goCode > 0) yield { k: K.Work, ns: goCode, every: 0 };
      yield { k: K.Syscall, ns: k.epollDelCall, mode: 'raw', name: 'epoll_ctl', cpu: true };
      const active = this.peer !== null && !this.peer.released;
      yield { k: K.Syscall, ns: active ? k.tcpCloseActive : k.tcpClosePassive, mode: 'syscall', name: 'close', cpu: true };
    }
    if (this.peer && !this.peer.closed) {
      this.peer.closed = true;
      yield { k: K.NetReady, pd: this.peer.pd, ns: this.p.kernel.costs.netLatency };
    }
    this.closed = true;
    return null;
  }
}

export function* Listen(p: Process, network: string, addr: string): Go<[Iface | null, Iface | null]> {
  let a = addr;
  if (a.endsWith(':0')) a = a.slice(0, -1) + String(p.nextPort++);
  if (a.startsWith(':')) a = '127.0.0.1' + a;
  void network;
  p.kernel.netpollInit();
  yield { k: K.Syscall, ns: 2_000, mode: 'syscall', name: 'listen' };
  const have = p.listeners.get(a);
  if (have && !have.closed) return [null, newError(`listen ${network} ${a}: bind: address already in use`)];
  const l = new Listener(p, a);
  p.listeners.set(a, l);
  return [{ t: types.listener, v: l }, null];
}

export function* Dial(p: Process, network: string, addr: string): Go<[Iface | null, Iface | null]> {
  let a = addr;
  if (a.startsWith(':')) a = '127.0.0.1' + a;
  a = a.replace(/^localhost:/, '127.0.0.1:');
  p.kernel.netpollInit();
  const l = p.listeners.get(a);
  if (!l || l.closed) {
    yield { k: K.Syscall, ns: 2_000, mode: 'syscall', name: 'connect' };
    return [null, newError(`dial ${network} ${a}: connect: connection refused`)];
  }
  const k = p.kernel.costs;
  // the Dialer's own Go code (GoCpuCosts.netDial), charged before its first system call
  const goCode = p.cpu?.netDial ?? 0;
  if (goCode > 0) yield { k: K.Work, ns: goCode, every: 0 };
  yield { k: K.Syscall, ns: k.socketCall, mode: 'raw', name: 'socket', cpu: true };
  yield { k: K.Syscall, ns: k.connectCall, mode: 'syscall', name: 'connect', cpu: true };
  const c1 = new Conn(p);
  const c2 = new Conn(p);
  c1.peer = c2;
  c2.peer = c1;
  l.backlog.push(c2);
  const lat = k.netLatency;
  yield { k: K.NetReady, pd: l.pd, ns: lat };
  yield { k: K.NetReady, pd: c1.pd, ns: lat };
  yield { k: K.Syscall, ns: k.epollAddCall, mode: 'raw', name: 'epoll_ctl', cpu: true };
  yield { k: K.NetWait, pd: c1.pd };
  yield { k: K.Syscall, ns: k.sockoptCall, mode: 'syscall', name: 'getsockopt', cpu: true };
  yield { k: K.Syscall, ns: k.socknameCall, mode: 'raw', name: 'getpeername', cpu: true };
  yield { k: K.Syscall, ns: k.socknameCall, mode: 'raw', name: 'getsockname', cpu: true };
  yield* setConnOptions(p);
  return [{ t: types.conn, v: c1 }, null];
}

/**
 * The socket options of a new TCP connection, dialed or accepted (newTCPConn's TCP_NODELAY, then
 * keep-alive with the default 15 s period): go1.19 SO_KEEPALIVE, TCP_KEEPINTVL, TCP_KEEPIDLE
 * (net/sockopt_posix.go setKeepAlive, tcpsockopt_unix.go setKeepAlivePeriod); go1.23+ adds TCP_KEEPCNT
 * (tcpsock.go SetKeepAliveConfig).
 */
function* setConnOptions(p: Process): Go {
  const n = p.release === '1.19' ? 4 : 5;
  const ns = p.kernel.costs.sockoptCall;
  for (let i = 0; i < n; i++) yield { k: K.Syscall, ns, mode: 'syscall', name: 'setsockopt', cpu: true };
}

const tAddr = newNamed('Addr', 'net', { k: 'iface', methods: new Map([['String', fn([], [tString])], ['Network', fn([], [tString])]]) });
export const tConn = newNamed('Conn', 'net', {
  k: 'iface',
  methods: new Map([
    ['Close', fn([], [tError])],
    ['Read', fn([tBytes], [tInt, tError])],
    ['Write', fn([tBytes], [tInt, tError])],
  ]),
});
export const tListener = newNamed('Listener', 'net', {
  k: 'iface',
  methods: new Map([
    ['Accept', fn([], [tConn, tError])],
    ['Addr', fn([], [tAddr])],
    ['Close', fn([], [tError])],
  ]),
});
export const tTCPAddr = newNamed('TCPAddr', 'net', tString);
jsMethod(tTCPAddr, 'String', fn([], [tString]), '((a) => a)');
jsMethod(tTCPAddr, 'Network', fn([], [tString]), "(() => 'tcp')");

/** *net.TCPConn and *net.TCPListener: the dynamic types of the interface values (method tables). */
export const tTCPConn = newNamed('TCPConn', 'net', { k: 'struct', fields: [] }, '$P.net.Conn');
export const tTCPListener = newNamed('TCPListener', 'net', { k: 'struct', fields: [] }, '$P.net.Listener');
for (const [t, ms] of [
  [tTCPConn, [['Read', fn([tBytes], [tInt, tError])], ['Write', fn([tBytes], [tInt, tError])], ['Close', fn([], [tError])]]],
  [tTCPListener, [['Accept', fn([], [tConn, tError])], ['Close', fn([], [tError])], ['Addr', fn([], [tAddr])]]],
] as const)
  for (const [m, sig] of ms) t.methods.set(m, { name: m, sig, ptrRecv: true, fn: '', native: true, gen: true });

/** net.SplitHostPort (net/ipsock.go's rules and *net.AddrError texts: `address x: missing port in address`). */
export function SplitHostPort(hostport: string): [string, string, Iface | null] {
  const fail = (why: string): [string, string, Iface | null] => ['', '', newError(`address ${hostport}: ${why}`)];
  const i = hostport.lastIndexOf(':');
  if (i < 0) return fail('missing port in address');
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return fail("missing ']' in address");
    if (end + 1 === hostport.length) return fail('missing port in address');
    if (end + 1 !== i) return fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return fail('too many colons in address');
  }
  if (hostport.slice(j).includes('[')) return fail("unexpected '[' in address");
  if (hostport.slice(k).includes(']')) return fail("unexpected ']' in address");
  return [host, hostport.slice(i + 1), null];
}
/** net.JoinHostPort: host:port, the host in brackets when it has a colon (IPv6). */
export const JoinHostPort = (host: string, port: string): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** The interned *TCPConn / *TCPListener: the dynamic types of the net.Conn / net.Listener values. */
const types: { readonly conn: Type; readonly listener: Type } = { conn: globalTypes.intern(ptr(tTCPConn)), listener: globalTypes.intern(ptr(tTCPListener)) };

pkg(
  'net',
  {
    Conn: T(tConn),
    Listener: T(tListener),
    Addr: T(tAddr),
    Listen: F(fn([tString, tString], [tListener, tError]), (a) => `(yield* $P.net.Listen($proc, ${a[0]}, ${a[1]}))`),
    Dial: F(fn([tString, tString], [tConn, tError]), (a) => `(yield* $P.net.Dial($proc, ${a[0]}, ${a[1]}))`),
    SplitHostPort: F(fn([tString], [tString, tString, tError]), (a) => `$P.net.SplitHostPort(${a[0]})`),
    JoinHostPort: F(fn([tString, tString], [tString]), (a) => `$P.net.JoinHostPort(${a[0]}, ${a[1]})`),
    $unsupported: subset(),
  },
  true,
);
