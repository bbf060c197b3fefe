/**
 * A heap allocation is a call of mallocgc (runtime.newobject, makeslice, makemap, concatstrings: Go
 * functions with a stack-check prologue), so an allocating loop stops within one iteration when the
 * world stops (src/golang/rt/malloc.ts, src/runtime/exec.ts safePointWait). Expected values from the
 * recording conformance/reference/go1.19/gc_alloc_loop.json (go1.19.8) and Go's sources.
 */
import { describe, expect, it } from 'vitest';
import { runGo } from './harness.js';
import { defaultCosts } from '../../src/runtime/cost.js';

const src = `package main

type node struct {
	next *node
	val  [7]int64
}

func main() {
	live := make([]*node, 1<<16)
	for i := 0; i < 400000; i++ {
		n := &node{}
		n.val[0] = int64(i)
		live[i&(1<<16-1)] = n
	}
	println(len(live))
}
`;

/** gctrace's mark termination clock (the third `ms clock` field) of every cycle, in ms. */
function markTermMs(stderr: string): number[] {
  return [...stderr.matchAll(/ms clock/g)].length === 0 ? [] : stderr.split('\n').flatMap((l) => {
    const m = /^gc \d+ @\S+ \d+%: [\d.]+\+[\d.]+\+([\d.]+) ms clock/.exec(l);
    return m ? [Number(m[1])] : [];
  });
}

describe('an allocating loop is preempted at its allocations (mallocgc prologue)', () => {
  it('mark termination at GOMAXPROCS=2 does not wait for a SIGURG: main stops at its next allocation, well before the signal lands', () => {
    // go1.19 gc_alloc_loop p2 (re-recorded 2026-12-07): mark termination 0.066 ms median (per-run medians
    // 0.054–0.079), go1.26 0.040: the stopper's tgkill, the hand-off of sched.lock and its timed wake-up
    // (exec.ts stwWait), not an async preemption — before, the model charged one (0.058 ms of
    // signalDelivery) on top to stop main.
    const { compile, res } = runGo(src, { GOMAXPROCS: '2', GODEBUG: 'gctrace=1' });
    expect(compile).toBeNull();
    const mt = markTermMs(res!.stderr);
    expect(mt.length).toBeGreaterThan(3);
    const sorted = [...mt].sort((a, b) => a - b);
    const signalDeliveryMs = defaultCosts.signalDelivery / 1e6;
    expect(sorted[sorted.length >> 1]!).toBeLessThan(signalDeliveryMs);
  });
});
