/**
 * The scheduler mechanisms where Go 1.26's runtime decides differently from Go 1.19 (version.ts),
 * run on both profiles. Expected values come from the runtimes' sources (go1.19.8 in
 * /usr/lib/go-1.19/src/runtime, go1.26.8 in $(go env GOROOT)/src/runtime; each test names the
 * function) or from real runs recorded with both toolchains (named where used). Every run has the
 * invariant checker on and the replay compared with the engine after every event (test/helpers.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileGo } from '../../src/golang/index.js';
import { runChecked } from '../helpers.js';
import { E, ExitPath, RetakeWhy } from '../../src/log/events.js';
import { Replay, pShownStatus } from '../../src/log/replay.js';
import { summarize } from '../../src/views/summary.js';
import type { EventLog } from '../../src/log/events.js';
import { run, type RunResult } from '../../src/runtime/runtime.js';
import { _Pidle, _Prunning, _Psyscall } from '../../src/runtime/runtime2.js';
import { chan, go, ms, net, recv, runtime, send, syscall, time, us, work } from '../../src/workload/api.js';
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
const HERE = path.dirname(fileURLToPath(import.meta.url));

describe('syscallKeepsP: a syscall nobody retakes (GOMAXPROCS=2, P1 idle, 3 ms)', () => {
  // retake (both versions) leaves a P in a syscall while its run queue is empty, a P is idle and
  // sysmon has seen the call for < 10 ms. go1.19 reentersyscall detaches the P (_Psyscall, p.m = nil)
  // and exitsyscallfast CASes it back; go1.26 reentersyscall leaves it _Prunning and wired, and
  // exitsyscall's fast path finds m.p still set. A short syscall first moves the P's syscalltick off
  // sysmon's initial record: a P's very first syscall is retaken at first sight (osInitRawFcntl test).
  const runOn = (goRelease: GoRelease): RunResult =>
    runChecked({
      go: goRelease,
      gomaxprocs: 2,
      main: function* () {
        yield* syscall.Syscall(us(2), 'getpid');
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

describe("osInitRawFcntl: main's first syscall and sysmon's first look at it (GOMAXPROCS=1)", () => {
  // proc.go retake (both): a syscall is taken only if the P's syscalltick equals sysmon's record
  // pd.syscalltick (0 at start); a different one is recorded and the P kept for one more tick.
  // go1.19.8's os init makes three fcntl(F_GETFL) through syscall.Syscall (exitsyscall: syscalltick 3),
  // go1.26.8's goes through runtime.fcntl (no entersyscall: 0). strace of both toolchains shows the
  // fcntls; in go1.26.8 the futex wake of the M that gets the P follows the first sysmon usleep that
  // ends after main's nanosleep began, in go1.19.8 the second (handoff_latency p1_none / retake_latency
  // fresh: first handoff 70 µs median on go1.26.8 vs 187 µs on go1.19.8, same machine, same day).
  it.each(both)('Go %s', (goRelease) => {
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 1,
      main: function* () {
        yield* go(function* () {
          yield* work(us(10));
        });
        yield* syscall.Syscall(ms(20), 'nanosleep');
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const enter = events(log, E.EnterSyscall, 1).find((i) => log.b[i] === ms(20))!;
    expect(enter).toBeDefined();
    const ret = events(log, E.Retake, 1).find((i) => i > enter)!;
    expect(ret).toBeDefined();
    expect(log.a[ret]).toBe(RetakeWhy.RunqNotEmpty);
    // sysmon usleeps between the call and the retake: none when it takes the P at first sight.
    const sleeps = events(log, E.SysmonTick).filter((i) => i > enter && i < ret).length;
    expect(sleeps).toBe(goRelease === '1.26' ? 0 : 1);
    // The event's age of the syscall: 0 at first sight, else since sysmon's first look (one tick).
    if (goRelease === '1.26') expect(log.b[ret]).toBe(0);
    else expect(log.b[ret]).toBeGreaterThan(us(20));
  });
});

describe("retake: a P's first syscall is not \"seen for < 10 ms\" (GOMAXPROCS=2, the other P idle, 40 ms)", () => {
  // proc.go retake (both releases) keeps a syscall's P while its run queue is empty, someone is idle
  // and pd.syscallwhen+10ms > now. p.sysmontick starts zeroed and nanotime counts from boot, so for a
  // syscall sysmon never recorded that test is false: with 1.26 (syscalltick still 0, osInitRawFcntl)
  // main's first syscall is retaken at sysmon's first sight even in the run's first 10 ms. Recorded:
  // syscall_pstatus one40_p2 on go1.26.8 shows both Ps idle in the dump at 1 ms; on go1.19.8 (P0's
  // syscalltick 3 at main) the P stays in the syscall until ≈10–12 ms.
  it.each(both)('Go %s', (goRelease) => {
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 2,
      main: function* () {
        yield* syscall.Syscall(ms(40), 'nanosleep');
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const enter = events(log, E.EnterSyscall, 1).find((i) => log.b[i] === ms(40))!;
    const ret = events(log, E.Retake, 1).find((i) => i > enter)!;
    expect(ret).toBeDefined();
    const after = log.t[ret]! - log.t[enter]!;
    if (goRelease === '1.26') expect(after).toBeLessThan(ms(1));
    else expect(after).toBeGreaterThanOrEqual(ms(10));
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

// ---------------------------------------------------------------------------------------------
// Real programs run on both toolchains: test/engine/fixtures/go126-<name>.go, outcomes recorded in
// test/engine/fixtures/go126-mechanisms.txt (go1.19.8 with `go 1.19`, go1.26.8 with `go 1.26` in go.mod).

const fixture = (name: string): string => fs.readFileSync(path.join(HERE, 'fixtures', `go126-${name}.go`), 'utf8');

function runFixture(name: string, goRelease: GoRelease, env: Record<string, string> = {}, gomaxprocs = 2, until = 3e9): RunResult {
  const c = compileGo([{ name: 'main.go', text: fixture(name) }], { env });
  if (!c.ok) throw new Error(`${name}: ${JSON.stringify(c.errors)}`);
  return runChecked({ main: c.main, linksOS: c.linksOS, linksCgo: c.linksCgo ?? false, go: goRelease, gomaxprocs, ncpu: 2, until });
}

describe('netpollWaiterDelta: a finished network wait keeps nothing alive (go126-netdelta.go, CGO_ENABLED=0)', () => {
  // main reads one byte over loopback TCP, closes everything and blocks on a nil channel. Real runs:
  // go1.19.8 hangs (killed by the timeout, 5/5: netpollWaiters never drops, an M blocks in netpoll and
  // checkdead never concludes); go1.26.8 reports the deadlock (5/5: netpoll's delta brought the
  // count back to 0, so the last M stops and checkdead runs).
  it('Go 1.19: hangs with an M in netpoll', () => {
    const r = runFixture('netdelta', '1.19');
    expect(r.stdout).toBe('read 1\n');
    expect(r.reason).toBe('hang');
    expect(r.message).toContain('blocked in netpoll');
    expect(r.runtime.netpollWaiters).toBeGreaterThan(0);
  });
  it('Go 1.26: all goroutines are asleep - deadlock!', () => {
    const r = runFixture('netdelta', '1.26');
    expect(r.stdout).toBe('read 1\n');
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('fatal error: all goroutines are asleep - deadlock!');
    expect(r.runtime.netpollWaiters).toBe(0);
  });
});

describe('lazyChannelTimers: an un-waited channel timer keeps nothing alive (go126-timerdl.go)', () => {
  // `time.NewTimer(d); select {}`. Real runs: go1.19.8 reports the deadlock when the 300 ms timer has
  // fired (wall 307–315 ms, 3/3) and hangs with a 1 h timer (2/2); go1.26.8 reports it at once (wall
  // 9–22 ms including start-up) in both cases: the timer was never in a heap (time.go needsAdd).
  it.each([
    ['1.19', '', 'deadlock after the timer fired'],
    ['1.26', '', 'deadlock at once'],
    ['1.19', '1', 'hang'],
    ['1.26', '1', 'deadlock at once'],
  ] as const)('Go %s LONG=%s: %s', (goRelease, long, what) => {
    const r = runFixture('timerdl', goRelease, long ? { LONG: long } : {}, 2, 2e9);
    expect(r.stderr.split('\n')[0]).toBe('started true');
    if (what === 'hang') {
      expect(r.reason).toBe('budget');
      return;
    }
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')[1]).toBe('fatal error: all goroutines are asleep - deadlock!');
    if (what === 'deadlock at once') expect(r.simTime).toBeLessThan(ms(5));
    else expect(r.simTime).toBeGreaterThanOrEqual(ms(300));
  });
});

describe('lazyChannelTimers: Reset and Stop on a timer whose time has passed (go126-timerreset.go)', () => {
  // A 1 ms timer nobody waits on, 5 ms later Reset(20ms) then <-t.C; another Stop()ped after 5 ms.
  // Real runs (3/3 each): go1.19.8 — the timer fired into the buffered channel: Reset reports it
  // not pending and the receive gets the stale value at once, Stop reports false; go1.26.8 — the
  // timer never ran (not heaped): Reset and Stop report it pending and the receive waits the new
  // 20 ms (time.go modify/stop, the synchronous channel).
  it.each([
    ['1.19', 'reset_pending false waited_over_10ms false\nstop_pending false\n'],
    ['1.26', 'reset_pending true waited_over_10ms true\nstop_pending true\n'],
  ] as const)('Go %s', (goRelease, out) => {
    const r = runFixture('timerreset', goRelease);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(out);
  });
});

describe('lazyChannelTimers: a channel timer runs on the P of the goroutine blocked on it', () => {
  // go1.26.8 blockTimerChan → maybeAdd puts the timer in the heap of the P the blocking goroutine
  // runs on (getg().m.p), not of the P that called NewTimer; go1.19.8 addtimer uses the P that
  // started it. Here a goroutine on the other P starts the timer while main works, then main
  // blocks on its channel.
  it.each(both)('Go %s', (goRelease) => {
    let starter = -1;
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 2,
      main: function* () {
        const got = chan<import('../../src/workload/api.js').TimeTimer>(1);
        starter = yield* go(function* () {
          const t = yield* time.NewTimer(ms(2));
          yield* send(got, t);
        });
        yield* work(ms(1));
        const [t] = yield* recv(got);
        yield* recv(t!.C!);
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const startP = events(log, E.Execute, starter).map((i) => log.p[i]!)[0]!;
    const park = events(log, E.Park, 1).at(-1)!;
    const mainP = log.p[park]!;
    expect(startP).not.toBe(mainP);
    const heaped = events(log, E.Timers).filter((i) => log.g[i] === -1 && log.a[i]! > 0).map((i) => log.p[i]!);
    expect(heaped.length).toBeGreaterThan(0);
    expect(heaped[0]).toBe(goRelease === '1.26' ? mainP : startP);
  });
});

describe('needspinning: wakep with no idle P (go126-needspin.go, GOMAXPROCS=1)', () => {
  // main starts a goroutine and both spin 350 ms. go1.26.8 wakep finds no idle P for a spinning M
  // (pidlegetSpinning) and sets sched.needspinning: real schedtrace lines say needspinning=1 on
  // every line (3/3 runs, GOMAXPROCS=1); go1.19.8 has no such field (wakep returns at npidle == 0).
  it.each(both)('Go %s', (goRelease) => {
    const r = runFixture('needspin', goRelease, {}, 1, ms(2));
    expect(r.runtime.sched.needspinning).toBe(goRelease === '1.26' ? 1 : 0);
  });

  it('Go 1.26: an M that becomes spinning clears it (becomeSpinning, handoffp)', () => {
    // GOMAXPROCS=2 with both Ps busy: `go` statements set needspinning (no idle P); proc.go
    // becomeSpinning (findRunnable) and handoffp's "nobody spinning" case clear it. Every 1 → 0
    // step happens in a kernel event that logged one of those.
    let prev = 0;
    let from = 0;
    let cleared = 0;
    const r = run({
      go: '1.26',
      gomaxprocs: 2,
      until: ms(20),
      main: function* () {
        yield* go(function* () {
          yield* work(ms(2));
        });
        yield* work(ms(1));
        yield* go(function* () {
          yield* work(ms(1));
        });
        yield* work(ms(5));
      },
      afterEvent: (rt) => {
        const ns = rt.sched.needspinning;
        const log = rt.log;
        if (prev === 1 && ns === 0) {
          let why = false;
          for (let i = from; i < log.length; i++) if ((log.k[i] === E.MSpin && log.a[i] === 1) || (log.k[i] === E.Handoff && log.a[i] === 4)) why = true;
          expect(why).toBe(true);
          cleared++;
        }
        prev = ns;
        from = log.length;
      },
    });
    expect(r.exitCode).toBe(0);
    expect(cleared).toBeGreaterThan(0);
  });
});

describe('goschedWakep: runtime.Gosched wakes an idle P', () => {
  // go1.26.8 goschedImpl calls wakep() after putting the G on the global queue (mainStarted);
  // go1.19.8 does not. GOMAXPROCS=2, P1 idle, nobody spinning: only 1.26 logs a Wakep at the Gosched.
  it.each(both)('Go %s', (goRelease) => {
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 2,
      main: function* () {
        yield* work(ms(2));
        yield* runtime.Gosched();
        yield* work(us(10));
      },
    });
    const log = r.log;
    const gs = events(log, E.GLoc, 1).filter((i) => log.a[i] === 3 /* Loc.Global */ && log.t[i]! >= ms(2));
    expect(gs.length).toBe(1);
    const t = log.t[gs[0]!]!;
    const wakeps = events(log, E.Wakep).filter((i) => log.t[i] === t && i > gs[0]!);
    expect(wakeps.length).toBe(goRelease === '1.26' ? 1 : 0);
  });
});

describe('procresizeIdleHighFirst: which idle P the first woken M gets', () => {
  // go1.19.8 procresize pidleputs P(n−1)…P1 walking down, so the idle list's head is P1;
  // go1.26.8 collects the idle Ps first and pidleputs them from P1 up, so the head is P(n−1).
  it.each([
    ['1.19', 1],
    ['1.26', 3],
  ] as const)('Go %s, GOMAXPROCS=4: the first startm gets P%i', (goRelease, want) => {
    const r = runChecked({ go: goRelease, gomaxprocs: 4, ncpu: 4, main: function* () {} });
    const first = events(r.log, E.StartM)[0]!;
    expect(r.log.p[first]).toBe(want);
  });
});

describe('injectglistWakep: netpoll injecting from a thread with a P ends with wakep', () => {
  // go1.26.8 injectglist calls wakep() at its end when the caller has a P; go1.19.8 does not.
  // GOMAXPROCS=4, main busy: three goroutines' reads complete together; the M that polls takes an
  // idle P, injects the rest (one per idle P goes global with an M started for it), and then —
  // 1.26 only — wakep starts a spinning M on an idle P that is left.
  it.each(both)('Go %s', (goRelease) => {
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 4,
      ncpu: 4,
      main: function* () {
        const done = chan<number>(3);
        for (let i = 0; i < 3; i++)
          yield* go(function* () {
            yield* net.Read(ms(1));
            yield* work(us(300));
            yield* send(done, 1);
          });
        yield* work(ms(3));
        for (let i = 0; i < 3; i++) yield* recv(done);
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const injects = events(log, E.Inject).filter((i) => log.p[i]! >= 0);
    expect(injects.length).toBeGreaterThan(0);
    // Right after the Inject (after the PState of the P it takes): 1.26's wakep, or nothing of the kind.
    const followed = injects.filter((i) => log.k[i + 1] === E.Wakep || (log.k[i + 1] === E.PState && log.k[i + 2] === E.Wakep)).length;
    if (goRelease === '1.26') expect(followed).toBeGreaterThan(0);
    else expect(followed).toBe(0);
  });
});

describe('stwPreemptToRunnext + procresizeOldm: goroutines stopped by a stop-the-world', () => {
  // runtime.GOMAXPROCS(5) at GOMAXPROCS=4 stops the world while three workers run.
  // go1.26.8 goschedImpl puts a G preempted for the STW in its own P's runnext, and procresize gives
  // each such P back to its previous M (p.oldm, mgetSpecific) before handing out other idle Ms
  // (here the stop-the-world parks their Ms in an order that LIFO would hand out wrongly for all
  // three Ps). Who then runs the worker races
  // with startTheWorld's wakep (a spinning M may steal it), as in Go, so the test reads the
  // decisions: where the worker was put and which M each P was given. go1.19.8 puts them on the
  // global queue (goschedImpl) and procresize leaves their Ps idle.
  it.each(both)('Go %s', (goRelease) => {
    const workers: number[] = [];
    const r = runChecked({
      go: goRelease,
      gomaxprocs: 4,
      ncpu: 4,
      main: function* () {
        const done = chan<number>(3);
        for (let k = 0; k < 3; k++)
          workers.push(
            yield* go(function* () {
              yield* work(ms(3));
              yield* send(done, 1);
            }),
          );
        yield* work(ms(1));
        yield* runtime.GOMAXPROCS(5);
        for (let k = 0; k < 3; k++) yield* recv(done);
      },
    });
    expect(r.exitCode).toBe(0);
    const log = r.log;
    const stwStart = events(log, E.STW).find((i) => log.a[i] === 1)!;
    expect(stwStart).toBeDefined();
    const stwEnd = events(log, E.STW).find((i) => log.a[i] === 0 && i > stwStart)!;
    for (const w of workers) {
      const before = events(log, E.Execute, w).filter((i) => i < stwStart).at(-1)!;
      expect(before).toBeDefined();
      // Where the stop-the-world put the worker: its P's runnext (Loc.Runnext = 1) or the global queue (3).
      const moved = events(log, E.GLoc, w).find((i) => i > stwStart && i < stwEnd)!;
      if (goRelease === '1.26') {
        expect([log.a[moved], log.b[moved]]).toEqual([1, log.p[before]]);
        // startTheWorld: the StartM for that P names the M that ran it (p.oldm).
        const sm = events(log, E.StartM).find((i) => i > stwEnd && log.p[i] === log.p[before])!;
        expect(log.m[sm]).toBe(log.m[before]);
      } else {
        expect(log.a[moved]).toBe(3);
      }
    }
  });
});
