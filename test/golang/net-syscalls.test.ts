/**
 * Package net's system calls around a TCP connection (std/net.ts): net.Dial, (*TCPListener).Accept and
 * (*TCPConn).Close make the calls Go's net package makes, in its order, each charged its kernel time
 * (sys/costs.ts), so that a program opening many connections spends the CPU real Go spends.
 *
 * Expected sequences come from Go's source and strace of real programs built with go1.19.8 and go1.26.8
 * on the reference machine (a Dial + Accept + Close of both ends of one loopback connection):
 * - net.Dial: socket (syscall.socket is a RawSyscall), connect → EINPROGRESS (fd_unix.go connect),
 *   epoll_ctl ADD (the runtime's netpollopen: no entersyscall), the wait for writability,
 *   getsockopt(SO_ERROR), getpeername and getsockname (RawSyscall: fd.setAddr), then newTCPConn's
 *   setsockopt TCP_NODELAY and the keep-alive options: go1.19 SO_KEEPALIVE, TCP_KEEPINTVL,
 *   TCP_KEEPIDLE (dial.go, tcpsockopt_unix.go setKeepAlivePeriod); go1.26 SO_KEEPALIVE, TCP_KEEPIDLE,
 *   TCP_KEEPINTVL, TCP_KEEPCNT (tcpsock.go SetKeepAliveConfig);
 * - Accept: accept4, epoll_ctl ADD, getsockname, the same options;
 * - Close: epoll_ctl DEL (netpollclose), close(2);
 * - a Read with no data, or an Accept with nothing queued, first makes the read(2) / accept4(2) that
 *   returns EAGAIN, then waits in the netpoller and tries again (internal/poll/fd_unix.go FD.Read,
 *   FD.Accept; a runtime/trace of go1.19.8's netpoll_wake shows the reader's read before it parks).
 * Before these were modelled a Dial made no system call at all (netpoll_wake.json n1000_p1_st: real
 * go1.19.8 spends ≈70 ms of GOMAXPROCS=1 CPU setting up 1000 connections and prints 14–15 SCHED lines
 * at schedtrace=10; gmpsim printed 6).
 */
import { describe, expect, it } from 'vitest';
import { K, type Op } from '../../src/workload/ops.js';
import { Process } from '../../src/golang/std/process.js';
import { Conn, Dial, Listen, Listener } from '../../src/golang/std/net.js';
import type { Iface } from '../../src/golang/rt/values.js';
import type { GoRelease } from '../../src/runtime/version.js';
import { defaultIoCosts } from '../../src/sys/costs.js';
import { sliceLit } from '../../src/golang/rt/slices.js';

function process(release: GoRelease): Process {
  const p = new Process({ argv0: '/tmp/go-build/exe/main', args: [], env: {}, stdin: new Uint8Array(0), files: {}, io: {}, deviceReadLimit: Infinity });
  p.release = release;
  return p;
}

/** Drive a net generator to its end (each op answered with undefined); the syscalls it made, and its result. */
function drive<T>(g: Generator<Op, T, unknown>): { calls: string[]; ops: Op[]; value: T } {
  const ops: Op[] = [];
  for (;;) {
    const r = g.next(undefined);
    if (r.done) return { calls: ops.filter((o) => o.k === K.Syscall).map((o) => (o.k === K.Syscall ? `${o.name}:${o.mode}` : '')), ops, value: r.value };
    ops.push(r.value);
  }
}

const keepalive = { '1.19': 3, '1.26': 4 } as const;

describe('net: the system calls of a TCP connection', () => {
  for (const release of ['1.19', '1.26'] as const) {
    it(`go${release}: Dial, Accept and Close make Go's calls in Go's order`, () => {
      const p = process(release);
      const ln = drive(Listen(p, 'tcp', '127.0.0.1:0')).value[0] as Iface;
      const l = ln.v as Listener;
      const opts = Array<string>(1 + keepalive[release]).fill('setsockopt:syscall');

      const dial = drive(Dial(p, 'tcp', l.addr));
      expect(dial.calls).toEqual(['socket:raw', 'connect:syscall', 'epoll_ctl:raw', 'getsockopt:syscall', 'getpeername:raw', 'getsockname:raw', ...opts]);
      // the wait for writability comes after epoll_ctl ADD and before getsockopt(SO_ERROR)
      const kinds = dial.ops.map((o) => (o.k === K.Syscall ? o.name : o.k === K.NetWait ? 'wait' : ''));
      expect(kinds.filter((k) => k !== '').slice(2, 5)).toEqual(['epoll_ctl', 'wait', 'getsockopt']);

      const acc = drive(l.Accept());
      expect(acc.calls).toEqual(['accept4:syscall', 'epoll_ctl:raw', 'getsockname:raw', ...opts]);

      const client = (dial.value[0] as Iface).v as Conn;
      const server = (acc.value[0] as Iface).v as Conn;
      // the first end closed sends the FIN to an open peer; the second finishes the exchange
      const first = drive(server.Close());
      expect(first.calls).toEqual(['epoll_ctl:raw', 'close:syscall']);
      const second = drive(client.Close());
      expect(second.calls).toEqual(['epoll_ctl:raw', 'close:syscall']);
      const closeNs = (r: { ops: Op[] }) => r.ops.filter((o) => o.k === K.Syscall && o.name === 'close').map((o) => (o.k === K.Syscall ? o.ns : 0))[0];
      expect(closeNs(first)).toBe(defaultIoCosts.tcpCloseActive);
      expect(closeNs(second)).toBe(defaultIoCosts.tcpClosePassive);
      // closing a closed conn makes no call (fd_posix.go: the fd is already gone)
      expect(drive(client.Close()).calls).toEqual([]);
    });
  }

  it('every call is kernel CPU time and the connect holds the loopback handshake', () => {
    const p = process('1.19');
    const l = (drive(Listen(p, 'tcp', '127.0.0.1:0')).value[0] as Iface).v as Listener;
    const dial = drive(Dial(p, 'tcp', l.addr));
    for (const o of dial.ops) if (o.k === K.Syscall) expect(o.cpu).toBe(true);
    const connect = dial.ops.find((o) => o.k === K.Syscall && o.name === 'connect');
    expect(connect?.k === K.Syscall ? connect.ns : 0).toBe(defaultIoCosts.connectCall);
  });

  it('a Read with no data and an Accept with nothing queued try the call (EAGAIN) before they park, and again when woken', () => {
    const p = process('1.19');
    const l = (drive(Listen(p, 'tcp', '127.0.0.1:0')).value[0] as Iface).v as Listener;
    // Accept on an empty queue: accept4 → EAGAIN, then the wait
    const acc = l.Accept();
    const a1 = acc.next(undefined).value as Op;
    expect(a1.k === K.Syscall && a1.name === 'accept4' ? a1.ns : -1).toBe(defaultIoCosts.acceptEagainCall);
    expect((acc.next(undefined).value as Op).k).toBe(K.NetWait);
    // a connection arrives; woken, Accept calls accept4 again and gets it
    const client = ((drive(Dial(p, 'tcp', l.addr)).value[0] as Iface).v as Conn);
    const rest = drive(acc as Generator<Op, [Iface | null, Iface | null], unknown>);
    expect(rest.calls[0]).toBe('accept4:syscall');
    expect(rest.ops.filter((o) => o.k === K.Syscall && o.name === 'accept4').map((o) => (o.k === K.Syscall ? o.ns : 0))).toEqual([defaultIoCosts.acceptCall]);
    const server = (rest.value[0] as Iface).v as Conn;
    // Read with no data: read(2) → EAGAIN, wait, then the read that returns the byte
    const buf = sliceLit([0]);
    const rd = server.Read(buf);
    const r1 = rd.next(undefined).value as Op;
    expect(r1.k === K.Syscall ? [r1.name, r1.ns] : []).toEqual(['read', defaultIoCosts.readEagainCall]);
    expect((rd.next(undefined).value as Op).k).toBe(K.NetWait);
    server.buf = 'x'; // the peer's write arrived
    const r2 = rd.next(undefined).value as Op;
    expect(r2.k === K.Syscall ? [r2.name, r2.ns] : []).toEqual(['read', defaultIoCosts.netRead]);
    void client;
  });
});
