/**
 * The live heap of compiled Go programs (src/golang/rt/gcmark.ts: the mark from the package
 * variables and the frames' registered roots; runtime/mgc.ts startCycle asks for it). Expected values
 * are the sizes of Go's types on amd64 (a pointer is 8 bytes; `node` below is 64 bytes: 8 + 7 × 8;
 * makemap's hmap is 48 bytes) — what a forced cycle leaves as HeapAlloc when that much is reachable —
 * or the recordings (conformance/reference/go1.{19,26}/gc_{alloc_loop,stw}.json), never the code
 * under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGo } from './harness.js';

const conformance = join(import.meta.dirname, '..', '..', 'conformance');

interface Recording {
  variants: { id: string; stderr: { text: string } | string; measures: Record<string, { median: number; min: number; max: number }> }[];
}
function recording(name: string, release: '1.19' | '1.26'): Recording {
  return JSON.parse(readFileSync(join(conformance, 'reference', `go${release}`, `${name}.json`), 'utf8')) as Recording;
}
function stderrText(v: Recording['variants'][number]): string {
  return typeof v.stderr === 'string' ? v.stderr : v.stderr.text;
}
/** gctrace lines' heap0->heap1->heap2 MB and goal. */
function cycles(stderr: string): { heap0: number; heap1: number; heap2: number; goal: number; forced: boolean }[] {
  return [...stderr.matchAll(/^gc \d+ .* (\d+)->(\d+)->(\d+) MB, (\d+) MB goal.*$/gm)].map((m) => ({
    heap0: Number(m[1]),
    heap1: Number(m[2]),
    heap2: Number(m[3]),
    goal: Number(m[4]),
    forced: m[0].endsWith('(forced)'),
  }));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** HeapAlloc (bytes) after runtime.GC() at the end of `body` (main's statements; `decls` at package level). */
function liveAfterGC(decls: string, body: string): number {
  const src = `package main
import ("fmt"; "runtime")
type node struct {
	next *node
	val  [7]int64
}
${decls}
func main() {
${body}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("heap=%d\\n", ms.HeapAlloc)
}
`;
  const { compile, res } = runGo(src, { GOMAXPROCS: '1' });
  if (compile) throw new Error(compile);
  expect(res!.exitCode).toBe(0);
  const m = /heap=(\d+)/.exec(res!.stdout);
  return Number(m![1]);
}

const node = 64;
const ptr = 8;

describe('the live heap a cycle marks (rt/gcmark.ts)', () => {
  it('a ring of retained objects: its slots and the objects in them, whatever was allocated through it', () => {
    const live = liveAfterGC('', `	ring := make([]*node, 1024)
	for i := 0; i < 100000; i++ {
		ring[i&1023] = &node{}
	}
	defer runtime.KeepAlive(ring)`);
    expect(live).toBe(1024 * ptr + 1024 * node);
  });

  it('an object reachable twice, and a cycle of objects, count once', () => {
    expect(liveAfterGC('var a, b *node', '	a = &node{}\n	b = a')).toBe(node);
    expect(liveAfterGC('var head *node', '	x, y := &node{}, &node{}\n	x.next, y.next = y, x\n	head = x\n	x, y = nil, nil\n	_, _ = x, y')).toBe(2 * node);
  });

  it('what nothing reaches any more is garbage: a dropped slice, a loop body temporary', () => {
    expect(liveAfterGC('', '	s := make([]*node, 4096)\n	s[0] = &node{}\n	s = nil\n	_ = s')).toBe(0);
    expect(liveAfterGC('var sum int', '	for i := 0; i < 1000; i++ {\n		b := make([]int, 100)\n		b[0] = i\n		sum += b[0]\n	}')).toBe(0);
  });

  it('maps (hmap + entries, also by-value keys), interfaces (the pointer they hold), pointers to non-struct values (a Box)', () => {
    expect(liveAfterGC('var m map[int]*node', '	m = make(map[int]*node)\n	for i := 0; i < 10; i++ {\n		m[i] = &node{}\n	}')).toBe(48 + 10 * (8 + ptr) + 10 * node);
    expect(liveAfterGC('type pt struct{ x, y float64 }\nvar m map[pt]*node', '	m = map[pt]*node{}\n	m[pt{1, 2}] = &node{}')).toBe(48 + (16 + ptr) + node);
    expect(liveAfterGC('var x interface{}', '	x = &node{}')).toBe(node);
    expect(liveAfterGC('var p *int64', '	p = new(int64)')).toBe(8);
  });

  it("a callee's parameters and a goroutine's captured variables are roots while their frames run", () => {
    const held = liveAfterGC(
      `func hold(s []*node, done chan bool) {
	<-done
	runtime.KeepAlive(s)
}`,
      `	done := make(chan bool)
	data := make([]int64, 1000)
	go hold(make([]*node, 512), done)
	go func() {
		<-done
		runtime.KeepAlive(data)
	}()
	data = nil
	runtime.Gosched()
	defer close(done)`,
    );
    // hold's parameter s (512 pointers) and the literal's captured data (1000 int64s; main's own
    // variable was cleared after the goroutine captured it... by reference: Go's closure shares it)
    expect(held).toBe(512 * ptr);
  });
});

describe('the recordings', () => {
  it('gc_stw: the 36 MB a slice keeps alive is what runtime.GC() finds live (go1.19.8 live_mb 36.03)', () => {
    const real = recording('gc_stw', '1.19').variants.find((v) => v.id === 'p1')!.measures.live_mb!.median;
    const src = readFileSync(join(conformance, 'programs', 'gc_stw.go'), 'utf8');
    const { res } = runGo(src, { GOMAXPROCS: '1' });
    const m = /MEASURE live_mb=([\d.]+)/.exec(res!.stdout);
    // The 0.03 MB left is HeapAlloc's free slots of the spans cached in the mcache (no spans in the model).
    expect(Math.abs(Number(m![1]) - real)).toBeLessThan(0.05);
  });

  it('gc_alloc_loop: every cycle marks the ≈4.5 MB ring plus what it allocates black (gctrace heap2 6 MB), at go1.19 and go1.26', () => {
    const src = readFileSync(join(conformance, 'programs', 'gc_alloc_loop.go'), 'utf8');
    for (const release of ['1.19', '1.26'] as const) {
      const realP1 = recording('gc_alloc_loop', release).variants.find((v) => v.id === 'p1')!;
      const realHeap2 = median(cycles(stderrText(realP1)).map((c) => c.heap2));
      const { res } = runGo(src, { GOMAXPROCS: '1', GODEBUG: 'gctrace=1' }, {}, 20e9, release);
      const got = cycles(res!.stderr);
      expect(median(got.map((c) => c.heap2))).toBe(realHeap2);
    }
  });

  it("the first cycle's assists let the heap grow past the goal while it marks (revise's extended goal; go1.19.8 cycle 1: 3->4->4, 3->6->5, 3->5->4 MB at p1, p2, p4)", () => {
    const src = readFileSync(join(conformance, 'programs', 'gc_alloc_loop.go'), 'utf8');
    const real = recording('gc_alloc_loop', '1.19').variants.filter((v) => ['p1', 'p2', 'p4'].includes(v.id));
    const realMin = Math.min(...real.map((v) => cycles(stderrText(v))[0]!.heap1));
    const { res } = runGo(src, { GOMAXPROCS: '1', GODEBUG: 'gctrace=1' });
    const first = cycles(res!.stderr)[0]!;
    expect(first.heap1).toBeGreaterThanOrEqual(realMin);
    // at most revise's hard goal: (1 + GOGC/100) × the 4 MB goal
    expect(first.heap1).toBeLessThanOrEqual(2 * first.goal);
  });
});
