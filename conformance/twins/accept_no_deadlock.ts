/**
 * Twin of conformance/programs/accept_no_deadlock.go (main blocked in ln.Accept() is not a deadlock: the G
 * parks in the netpoller, an M blocks in epoll_wait). Twin note: net.Listen is the twins' loopback model
 * (_common.ts: a short socket/bind/listen syscall); nobody ever connects. A twin because the Go frontend
 * cannot compile every program yet.
 */
import { fmt, type Go } from '../../src/workload/api.js';
import { listen, type Env, type TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    const ln = yield* listen();
    const c = yield* ln.Accept();
    yield* fmt.Println('accepted?', c, null);
  }
  return { main, linksOS: true };
}
