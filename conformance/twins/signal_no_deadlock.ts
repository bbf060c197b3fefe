/**
 * Twin of conformance/programs/signal_no_deadlock.go (signal.Notify starts the signal_recv loop, whose M
 * sits in a blocking syscall; main blocks in select{} and the process hangs without a deadlock report).
 * Twin note: os/signal is not in the workload API; its loop goroutine is written out as a goroutine in
 * syscall.Blocking (entersyscallblock, the P handed off at once) that lasts an hour. A twin because the Go
 * frontend cannot compile every program yet.
 */
import { go, select, syscall, time, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(_env: Env): TwinProgram {
  function* main(): Go {
    // signal.Notify(c, os.Interrupt): os/signal.watchSignalLoop → signal_recv → notetsleepg
    yield* go(function* (): Go {
      yield* syscall.Blocking(time.Hour, 'signal_recv');
    });
    yield* select([]);
  }
  return { main, linksOS: true };
}
