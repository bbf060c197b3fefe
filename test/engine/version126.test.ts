/**
 * The scheduler mechanisms where Go 1.26's runtime decides differently from Go 1.19 (version.ts),
 * run on both profiles. Expected values come from the runtimes' sources (go1.19.8 in
 * /usr/lib/go-1.19/src/runtime, go1.26.8 in $(go env GOROOT)/src/runtime; each test names the
 * function) or from real runs recorded with both toolchains (named where used). Every run has the
 * invariant checker on and the replay compared with the engine after every event (test/helpers.ts).
 */
import { describe, expect, it } from 'vitest';
import { runChecked } from '../helpers.js';
import { E, ExitPath, RetakeWhy } from '../../src/log/events.js';
import { Replay, pShownStatus } from '../../src/log/replay.js';
import { summarize } from '../../src/views/summary.js';
import type { EventLog } from '../../src/log/events.js';
import type { RunResult } from '../../src/runtime/runtime.js';
import { _Pidle, _Prunning, _Psyscall } from '../../src/runtime/runtime2.js';
import { chan, go, ms, recv, runtime, send, syscall, us, work } from '../../src/workload/api.js';
import type { GoRelease } from '../../src/runtime/version.js';

/** Indices of the log's events of kind k (optionally for goroutine g). */
function events(log: EventLog, k: number, g = -2): number[] {
  const out: number[] = [];
  for (let i = 0; i < log.length; i++) if (log.k[i] === k && (g === -2 || log.g[i] === g)) out.push(i);
  return out;
}

/** Replay to the state at simulated time t (after every event stamped ≤ t). */
function replayAtTime(r: RunResult, t: number): Replay {
  let n = 0;
  while (n < r.log.length && r.log.t[n]! <= t) n++;
  const rp = new Replay(r.log);
  rp.seek(n);
  return rp;
}

/** Replay to just after event i. */
function replayAt(r: RunResult, i: number): Replay {
  const rp = new Replay(r.log);
  rp.seek(i + 1);
  return rp;
}

const both: GoRelease[] = ['1.19', '1.26'];

describe('syscallKeepsP: a syscall nobody retakes (GOMAXPROCS=2, P1 idle, 3 ms)', () => {
  // retake (both versions) leaves a P in a syscall while its run queue is empty, a P is idle and
  // sysmon has seen the call for < 10 ms. go1.19 reentersyscall detaches the P (_Psyscall, p.m = nil)
  // and exitsyscallfast CASes it back; go1.26 reentersyscall leaves it _Prunning and wired, and
  // exitsyscall's fast path finds m.p still set.
  const runOn = (goRelease: GoRelease): RunResult =>
    runChecked({
      go: goRelease,
      gomaxprocs: 2,
      main: function* () {
        yield* work(us(100));
        yield* syscall.Syscall(ms(3), 'read');
        yield* work(us(100));
      },
    });

  it.each(both)('Go %s: the P during the call, the exit path, and the views', (goRelease) => {
    const r = runOn(goRelease);
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const enter = events(log, E.EnterSyscall, 1).find((i) => log.b[i] === ms(3))!;
    expect(enter).toBeDefined();
    const pid = log.p[enter]!;
    const mid = log.m[enter]!;
    expect(events(log, E.Retake, 1)).toEqual([]);
    const exit = events(log, E.ExitSyscall, 1).find((i) => i > enter)!;
    const mid1 = replayAtTime(r, log.t[enter]! + ms(1.5));
    const pv = mid1.ps[pid]!;
    if (goRelease === '1.26') {
      expect(pv.status).toBe(_Prunning);
      expect(pv.m).toBe(mid);
      expect(mid1.ms[mid]!.p).toBe(pid);
      expect(log.a[exit]).toBe(ExitPath.KeptP);
    } else {
      expect(pv.status).toBe(_Psyscall);
      expect(pv.m).toBe(-1);
      expect(mid1.ms[mid]!.p).toBe(-1);
      expect(log.a[exit]).toBe(ExitPath.FastOldP);
    }
    // Both versions show "P in syscall" the same way (replay.ts pShownStatus), and the summary's P
    // time counts the call as syscall time: the P spent ≥ 3 ms in it.
    expect(pShownStatus(pv, mid1.ms)).toBe(_Psyscall);
    const sum = summarize(log, r.simTime);
    const pt = sum.pTime.perP.find((q) => q.p === pid)!;
    expect(pt.syscallNs).toBeGreaterThanOrEqual(ms(3));
    expect(pt.syscallNs).toBeLessThan(ms(3.2));
    expect(sum.syscalls.exits.fastOldP).toBeGreaterThanOrEqual(1);
  });
});

describe('syscallKeepsP: a lone long syscall is retaken (GOMAXPROCS=1, 50 ms)', () => {
  // retake: no idle P and nobody spinning → retaken at sysmon's second look.
  // go1.26.8 takes it with setBlockOnExitSyscall + takeP (the P goes _Pidle unwired from the M that
  // stays in the syscall), handoffp's "nobody spinning" case starts a spinning M. On return the old
  // P is idle, so exitsyscallTryGetP's setBlockOnExitSyscall(oldp) fails and pidleget gives it back
  // (ExitPath.FastIdleP), as 1.19's exitsyscallfast_pidle does.
  it.each(both)('Go %s', (goRelease) => {
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 1,
      main: function* () {
        yield* syscall.Syscall(ms(50), 'nanosleep');
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const enter = events(log, E.EnterSyscall, 1).find((i) => log.b[i] === ms(50))!;
    const rets = events(log, E.Retake, 1).filter((i) => i > enter);
    expect(rets.length).toBe(1);
    const ret = rets[0]!;
    expect([RetakeWhy.NoIdle, RetakeWhy.RunqNotEmpty]).toContain(log.a[ret]);
    expect(log.t[ret]! - log.t[enter]!).toBeLessThan(ms(1));
    // Right after the retake the P is no longer the syscall M's.
    const rp = replayAt(r, ret);
    const mid = log.m[enter]!;
    expect(rp.ms[mid]!.p).toBe(-1);
    expect(rp.ps[0]!.m).not.toBe(mid);
    expect(pShownStatus(rp.ps[0]!, rp.ms)).not.toBe(_Psyscall);
    // The PState event that takes it (1.19's CAS, 1.26's takeP) is _Pidle.
    const take = ret - 1;
    expect(log.k[take]).toBe(E.PState);
    expect(log.a[take]).toBe(_Pidle);
    const exit = events(log, E.ExitSyscall, 1).find((i) => i > ret)!;
    expect(log.a[exit]).toBe(ExitPath.FastIdleP);
  });
});

describe('syscallKeepsP: exitsyscall takes its old P back from another M in a syscall', () => {
  // GOMAXPROCS=2. A worker keeps P1 busy for 1 ms; main puts g2 in its runnext and enters an 8 ms
  // syscall: its run queue is not empty, so sysmon retakes P0 and hands it to a new M for g2. g2
  // works 2 ms (P1 goes idle meanwhile) and enters a 30 ms syscall on P0: run queue empty, a P idle,
  // < 10 ms, so it keeps P0. When main returns, the old P is in a syscall on that other M:
  // go1.19 exitsyscallfast CASes it from _Psyscall; go1.26 exitsyscallTryGetP takes it with
  // setBlockOnExitSyscall + takeP. Either way main goes on on P0 (ExitPath.FastOldP) and g2's M
  // has lost it.
  it.each(both)('Go %s', (goRelease) => {
    let g2id = -1;
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 2,
      main: function* () {
        const done = chan<number>(1);
        const started = chan<number>(0);
        yield* go(function* () {
          yield* send(started, 1);
          yield* work(ms(1));
        });
        yield* recv(started);
        g2id = yield* go(function* () {
          yield* work(ms(2));
          yield* syscall.Syscall(ms(30), 'read');
          yield* send(done, 1);
        });
        yield* syscall.Syscall(ms(8), 'read');
        yield* recv(done);
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const mainEnter = events(log, E.EnterSyscall, 1).find((i) => log.b[i] === ms(8))!;
    const g2Enter = events(log, E.EnterSyscall, g2id).find((i) => log.b[i] === ms(30))!;
    expect(log.p[mainEnter]).toBe(0);
    expect(log.p[g2Enter]).toBe(0);
    const mainExit = events(log, E.ExitSyscall, 1).find((i) => i > mainEnter)!;
    expect(log.t[mainExit]!).toBeGreaterThan(log.t[g2Enter]!);
    expect(log.a[mainExit]).toBe(ExitPath.FastOldP);
    expect(log.p[mainExit]).toBe(0);
    // g2's syscall was never retaken by sysmon (it is < 10 ms old when main returns).
    expect(events(log, E.Retake, g2id).filter((i) => i > g2Enter && i < mainExit)).toEqual([]);
    const rp = replayAt(r, mainExit);
    const g2m = log.m[g2Enter]!;
    expect(rp.ms[g2m]!.p).toBe(-1);
    expect(rp.ps[0]!.m).toBe(log.m[mainExit]);
    // g2 comes back without its P: an idle P (P1 is idle by then).
    const g2Exit = events(log, E.ExitSyscall, g2id).find((i) => i > g2Enter)!;
    expect(log.a[g2Exit]).toBe(ExitPath.FastIdleP);
  });
});

describe('syscallKeepsP: stop-the-world with a goroutine in a syscall', () => {
  // runtime.GOMAXPROCS stops the world. go1.26.8 stopTheWorldWithSema takes a P whose G is in a
  // syscall with setBlockOnExitSyscall + gcstopP (_Pgcstop, unwired); the M stays in its syscall
  // and gets a P when it returns. (go1.19 CASes it from _Psyscall.)
  it.each(both)('Go %s', (goRelease) => {
    let g2id = -1;
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 2,
      main: function* () {
        const done = chan<number>(1);
        g2id = yield* go(function* () {
          yield* syscall.Syscall(ms(5), 'read');
          yield* send(done, 1);
        });
        yield* work(ms(1));
        yield* runtime.GOMAXPROCS(1);
        yield* recv(done);
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const enter = events(log, E.EnterSyscall, g2id)[0]!;
    const stw = events(log, E.STW).find((i) => log.a[i] === 1 && i > enter)!;
    const exit = events(log, E.ExitSyscall, g2id)[0]!;
    expect(stw).toBeLessThan(exit);
    const rp = replayAt(r, stw + 1);
    expect(rp.ms[log.m[enter]!]!.p).toBe(-1);
    expect(r.runtime.gomaxprocs).toBe(1);
  });
});
