/**
 * Large objects (make of more than 32 KiB) as mallocgc's large path charges them (runtime/mgc.ts,
 * runtime/cost.ts largeClearNsPerByte), and the frontend's []byte backing (rt/slices.ts):
 * - a 1 MiB make on pages the GC freed is cleared with the P held: go1.19.8 io_costs.json's
 *   os.ReadFile of a 1 MiB cached file (readfile_1m_us 102.4) minus its read, open/close and fstat
 *   leaves 62.8 µs for the buffer;
 * - a 1 MiB make on fresh pages is not cleared (they are already zero): go1.19.8 only clears the new
 *   span's heap bitmap, whose own fresh pages fault (gc_start_sema.json seq_off: 25.7 µs against
 *   go1.26.8's 1.2 µs); the buffer's page faults come in the read(2) that first fills them, inside the
 *   syscall, where sysmon can retake the P (urandom_read.json n1_p1's read of a fresh buffer against
 *   io_costs.json's read into a reused one);
 * - 1 MiB byte buffers are bytes, not 8-byte JS numbers made one at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGo } from '../../src/golang/index.js';
import { run } from '../../src/runtime/runtime.js';
import { defaultIoCosts } from '../../src/sys/costs.js';
import { append1, copySlice, isByteArray, makeBytesA, reslice, sliceToArray, type Slice } from '../../src/golang/rt/slices.js';
import { stringToBytes } from '../../src/golang/rt/strings.js';

const root = join(import.meta.dirname, '..', '..', 'conformance');

function runGo(src: string, env: Record<string, string> = {}, go: '1.19' | '1.26' = '1.19'): string {
  const r = compileGo([{ name: 'main.go', text: src }], { go });
  if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
  const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 1, seed: 1, storeLog: false, env, go });
  expect(res.exitCode).toBe(0);
  return res.stdout;
}

/** A measure's median in conformance/reference/go<release>/<program>.json's variant. */
function recorded(release: '1.19' | '1.26', program: string, variant: string, measure: string): number {
  const j = JSON.parse(readFileSync(join(root, 'reference', `go${release}`, `${program}.json`), 'utf8')) as { variants: { id: string; measures: Record<string, { median: number }> }[] };
  return j.variants.find((v) => v.id === variant)!.measures[measure]!.median;
}

function measures(out: string): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of out.matchAll(/^MEASURE (\w+)=([\d.]+)/gm)) m[x[1]!] = Number(x[2]);
  return m;
}

describe('large objects', () => {
  it('a 1 MiB make on freed pages costs what go1.19.8 spends clearing it (io_costs.json)', () => {
    const io = JSON.parse(readFileSync(join(root, 'reference', 'go1.19', 'io_costs.json'), 'utf8')) as { variants: { measures: Record<string, { median: number }> }[] };
    const m = io.variants[0]!.measures;
    const realClearUs = m.readfile_1m_us!.median - m.cached_read_1m_us!.median - m.open_close_us!.median - m.stat_us!.median;
    const out = runGo(`package main
import ("fmt"; "sort"; "time")
var sink []byte
func main() {
	var ds []float64
	for i := 0; i < 60; i++ {
		t := time.Now()
		sink = make([]byte, 1<<20)
		ds = append(ds, float64(time.Since(t).Nanoseconds())/1e3)
	}
	late := ds[20:]
	sort.Float64s(late)
	fmt.Printf("MEASURE first_us=%.2f\\nMEASURE steady_us=%.2f\\n", ds[0], late[len(late)/2])
}
`);
    const r = measures(out);
    // Once the GC recycles the buffers every make lands on freed pages and clears 1 MiB.
    expect(r.steady_us! / realClearUs).toBeGreaterThan(0.9);
    expect(r.steady_us! / realClearUs).toBeLessThan(1.1);
    // The very first one gets fresh pages: nothing to clear, no page touched yet — but go1.19 clears
    // the new span's heap bitmap on fresh pages (gc_start_sema.json seq_off: 25.7 µs), go1.26 has none (1.2 µs).
    const bitmapUs = recorded('1.19', 'gc_start_sema', 'seq_off', 'alloc_us');
    expect(r.first_us! / bitmapUs).toBeGreaterThan(0.85);
    expect(r.first_us! / bitmapUs).toBeLessThan(1.15);
  });

  it('the page faults of a fresh 1 MiB buffer come inside the read(2) that fills it', () => {
    const src = `package main
import ("fmt"; "os"; "time")
func main() {
	f, _ := os.Open("/dev/urandom")
	t := time.Now()
	buf := make([]byte, 1<<20)
	a := time.Now()
	n, _ := f.Read(buf)
	r := time.Now()
	n2, _ := f.Read(buf)
	r2 := time.Now()
	fmt.Printf("MEASURE alloc_us=%.2f\\nMEASURE read_us=%.2f\\nMEASURE reread_us=%.2f\\nMEASURE n=%d\\n", float64(a.Sub(t).Nanoseconds())/1e3, float64(r.Sub(a).Nanoseconds())/1e3, float64(r2.Sub(r).Nanoseconds())/1e3, n+n2)
}
`;
    const out = runGo(src);
    const r = measures(out);
    expect(r.n).toBe(2 << 20);
    const urandomUs = (defaultIoCosts.urandomCall + (1 << 20) * defaultIoCosts.urandomPerByte) / 1e3;
    // The second read finds the pages mapped: only the kernel's ChaCha20 (plus the syscall's entry/exit).
    expect(r.reread_us! - urandomUs).toBeGreaterThanOrEqual(0);
    expect(r.reread_us! - urandomUs).toBeLessThan(5);
    // The first read pays the fresh pages' faults: real go1.19.8's first read of a fresh buffer
    // (urandom_read.json n1_p1) against the same day's read into a reused one (io_costs.json).
    const realFaultsUs = recorded('1.19', 'urandom_read', 'n1_p1', 'read_us') - recorded('1.19', 'io_costs', 'default', 'urandom_read_1m_us');
    expect(Math.abs(r.read_us! - r.reread_us! - realFaultsUs) / realFaultsUs).toBeLessThan(0.03);
    // The make itself touches none of them: go1.26.8 (no heap bitmap to clear) makes it in ≈1 µs.
    const out26 = runGo(src, {}, '1.26');
    expect(measures(out26).alloc_us!).toBeLessThan(recorded('1.26', 'gc_start_sema', 'seq_off', 'alloc_us') * 1.5);
  });

  it('a []byte keeps a Uint8Array through make, conversion, growth and copy', () => {
    const b = makeBytesA(3, 3);
    expect(isByteArray(b.a)).toBe(true);
    const g = append1(b, 200, 1);
    expect(isByteArray(g.a)).toBe(true);
    expect(sliceToArray(g)).toEqual([0, 0, 0, 200]);
    expect(Array.isArray(sliceToArray(g))).toBe(true);
    const s = stringToBytes('abcdef');
    expect(isByteArray(s.a)).toBe(true);
    copySlice(reslice(s, 2, -1, -1) as Slice, s); // memmove forward: abab cd
    expect(String.fromCharCode(...(sliceToArray(s) as number[]))).toBe('ababcd');
  });

  it('make([]byte, 1 MiB) is backed by bytes: 3000 of them run in seconds, not minutes', () => {
    const t0 = performance.now();
    const out = runGo(`package main
import "fmt"
var sink []byte
func main() {
	t := 0
	for i := 0; i < 3000; i++ {
		b := make([]byte, 1<<20)
		b[i] = byte(i)
		b = append(b, 1)
		t += int(b[i]) + len(b)
		sink = b
	}
	fmt.Println(t)
}
`);
    const ms = performance.now() - t0;
    // Σ byte(i) over 3000 values (each 0..255 block sums to 32640) + 3000 × (1 MiB + 1).
    let want = 0;
    for (let i = 0; i < 3000; i++) want += (i & 255) + (1 << 20) + 1;
    expect(out.trim()).toBe(String(want));
    // Plain JS arrays took 5.7 s for the makes alone and 4.2 GB; bytes take well under that.
    expect(ms).toBeLessThan(20_000);
  });

  it('the watchdog counts a read that fills 1 MiB as the JavaScript work it is (thousands of events)', () => {
    // 24 reads of 1 MiB are a few hundred kernel events, far below the watchdog's 65536-event spacing,
    // but ≈24 ms of JavaScript writing bytes: with reads of that size a run of few events ran for
    // seconds between two checks, and the CLI's stall limit took it for a loop that never yields.
    const r = compileGo([{ name: 'main.go', text: `package main
import ("fmt"; "os")
func main() {
	f, _ := os.Open("/dev/urandom")
	buf := make([]byte, 1<<20)
	t := 0
	for i := 0; i < 24; i++ {
		n, _ := f.Read(buf)
		t += n
	}
	fmt.Println(t)
}
` }]);
    if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
    let checks = 0;
    const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 1, seed: 1, storeLog: false, watchdog: { check: () => (checks++, null), pause: () => false } });
    expect(res.stdout).toBe(`${24 << 20}\n`);
    expect(res.events).toBeLessThan(65536);
    // 24 MiB / 256 bytes per event ≈ 98k events of work: at least one check.
    expect(checks).toBeGreaterThanOrEqual(1);
  });
});
