/**
 * The trace reader (src/trace/reader.ts) against the Go team's own parser: for every real trace in the
 * repository — the whatif programs' (whatif/traces/, recorded with go1.26.8 by whatif/record.mjs) and
 * conformance programs' (test/trace/fixtures/, by test/trace/record-fixtures.mjs), each stamped with the
 * `go version` that wrote it — what src/trace reads must equal what tools/gotrace-read
 * (golang.org/x/exp/trace, built here with go1.26) reads: events, generations, every goroutine's state
 * sequence and function, syscalls with their durations, threads, Ps, steals, handoffs, block and stop
 * reasons with their time, GOMAXPROCS values, ranges, scheduling latency, duration — to the nanosecond
 * (same frontier, same timestamp fix-ups). gmpsim's own go1.26 traces (views/gotrace.ts) too.
 *
 * Damage: a trace cut at any byte, or with any byte changed, is either still a valid trace (cut at a
 * generation's end) or refused with a TraceFormatError naming a byte offset inside the file — never
 * another exception (fast-check). Where the cut falls, Go's parser agrees on accept/refuse.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGoTrace, TraceFormatError } from '../../src/trace/reader.js';
import { headerFor } from '../../src/trace/tracev2.js';
import { goTraceBytes } from '../../src/views/gotrace.js';
import { run } from '../../src/runtime/runtime.js';
import { chan, go as goroutine, recv, send, sync, syscall, time, us, ms, work, net, type Go } from '../../src/workload/api.js';
import { summarize } from './xsummary.js';

const root = path.resolve(__dirname, '../..');
const GO = process.env.GO126 ?? '/usr/local/go/bin/go';
let reader = '';
let dir = '';

beforeAll(() => {
  if (!fs.existsSync(GO)) throw new Error(`go1.26 is needed to build tools/gotrace-read (${GO} is missing): install go1.26.x into /usr/local/go, or set GO126`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-tracein-'));
  reader = path.join(dir, 'gotrace-read');
  const r = spawnSync(GO, ['build', '-mod=readonly', '-o', reader, '.'], { cwd: path.join(root, 'tools/gotrace-read'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building tools/gotrace-read failed:\n${r.stderr}`);
}, 300_000);

/** What Go's parser reads (null: it refuses the file). */
function goRead(bytes: Uint8Array, name: string): Record<string, unknown> | null {
  const f = path.join(dir, `${name.replace(/[^\w.-]/g, '_')}.trace`);
  fs.writeFileSync(f, bytes);
  const r = spawnSync(reader, [f], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.status === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>) : null;
}

/** Maps with sorted keys (Go's encoding/json sorts them). */
function sorted(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sorted);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, unknown>)[k])]));
  return x;
}

const realTraces: { name: string; file: string; stamp: string }[] = [];
for (const f of fs.existsSync(path.join(root, 'whatif/traces')) ? fs.readdirSync(path.join(root, 'whatif/traces')) : []) {
  if (!f.endsWith('.trace')) continue;
  const name = f.slice(0, -6);
  const ref = JSON.parse(fs.readFileSync(path.join(root, 'whatif/reference', `${name}.json`), 'utf8')) as { env: { goVersion: string } };
  realTraces.push({ name: `whatif/${name}`, file: path.join(root, 'whatif/traces', f), stamp: ref.env.goVersion });
}
for (const f of fs.existsSync(path.join(root, 'test/trace/fixtures')) ? fs.readdirSync(path.join(root, 'test/trace/fixtures')) : []) {
  if (!f.endsWith('.trace')) continue;
  const name = f.slice(0, -6);
  const stamp = JSON.parse(fs.readFileSync(path.join(root, 'test/trace/fixtures', `${name}.json`), 'utf8')) as { goVersion: string };
  realTraces.push({ name: `conformance/${name}`, file: path.join(root, 'test/trace/fixtures', f), stamp: stamp.goVersion });
}

describe('real go1.26.8 traces read as Go reads them', () => {
  it('the set is there: 8 whatif programs and the conformance fixtures, each stamped go1.26.8', () => {
    expect(realTraces.filter((t) => t.name.startsWith('whatif/')).length).toBeGreaterThanOrEqual(8);
    expect(realTraces.filter((t) => t.name.startsWith('conformance/')).length).toBeGreaterThanOrEqual(8);
    for (const t of realTraces) expect(t.stamp, t.name).toMatch(/^go version go1\.26\.8 /);
  });
  for (const t of realTraces) {
    it(t.name, () => {
      const bytes = new Uint8Array(fs.readFileSync(t.file));
      const mine = readGoTrace(bytes);
      expect(mine.version).toBe(26);
      const go = goRead(bytes, t.name);
      expect(go, 'Go parser refused it').not.toBeNull();
      expect(sorted(summarize(mine))).toEqual(sorted(go));
    });
  }
});

describe("gmpsim's own traces read back", () => {
  function* mainW(): Go {
    const wg = new sync.WaitGroup();
    const c = chan<number>(0);
    const mu = new sync.Mutex();
    for (let i = 0; i < 6; i++) {
      wg.Add(1);
      yield* goroutine(function* worker() {
        yield* syscall.Syscall(us(300), 'read');
        yield* mu.Lock();
        yield* work(us(50));
        yield* mu.Unlock();
        yield* net.Read(us(200));
        yield* send(c, i);
        yield* wg.Done();
      } as never);
    }
    for (let i = 0; i < 6; i++) yield* recv(c);
    yield* time.Sleep(ms(1));
    yield* wg.Wait();
  }
  for (const gmp of [1, 3]) {
    it(`a workload at GOMAXPROCS=${gmp}, 1 s and 100 µs generations`, () => {
      const res = run({ main: mainW as never, gomaxprocs: gmp, seed: 1, storeLog: true });
      for (const generationNs of [1e9, 1e5]) {
        const bytes = goTraceBytes(res.log, { generationNs });
        const go = goRead(bytes, `gmpsim-${gmp}-${generationNs}`);
        expect(go).not.toBeNull();
        expect(sorted(summarize(readGoTrace(bytes)))).toEqual(sorted(go));
      }
    });
  }
});

describe('refused traces say why and where', () => {
  const expectRefused = (bytes: Uint8Array, offset: number | null, what: RegExp): void => {
    let err: unknown;
    try {
      readGoTrace(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TraceFormatError);
    const e = err as TraceFormatError;
    expect(e.message).toMatch(what);
    expect(e.message).toMatch(/at byte \d+/);
    if (offset !== null) expect(e.offset).toBe(offset);
  };
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('not a trace', () => expectRefused(enc('hello, world, this is text'), 0, /not a Go execution trace/));
  it('a go1.19 trace (the older format)', () => expectRefused(enc(headerFor(19) + 'xxxx'), 3, /go1\.19 trace.*older trace format.*Go 1\.22 or later/));
  it('an unknown version', () => expectRefused(enc(headerFor(99)), 3, /unknown trace version go 1\.99/));
  it('a header cut short', () => expectRefused(enc('go 1.26 tr'), 10, /ends inside the header/));
  it('a generation without its end (go1.26 traces end every generation)', () => {
    const bytes = new Uint8Array(fs.readFileSync(realTraces[0]!.file));
    // Drop the final EvEndOfGeneration byte.
    expectRefused(bytes.subarray(0, bytes.length - 1), bytes.length - 1, /no end-of-generation mark: the trace is truncated/);
  });
  it('a batch longer than the file', () => {
    const bytes = new Uint8Array(fs.readFileSync(realTraces[0]!.file));
    expectRefused(bytes.subarray(0, 100), null, /(truncated|file ends)/);
  });
});

describe('damaged traces never crash the reader (fast-check)', () => {
  const bytes = new Uint8Array(fs.readFileSync(realTraces.find((t) => t.name === 'whatif/cond_queue')?.file ?? realTraces[0]!.file));
  /** Accept, or refuse with a TraceFormatError whose offset lies in the file. */
  const readsOrRefuses = (b: Uint8Array): boolean => {
    try {
      readGoTrace(b);
      return true;
    } catch (e) {
      if (!(e instanceof TraceFormatError)) throw e;
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(b.length);
      return false;
    }
  };
  it('cut at any byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (n) => {
        readsOrRefuses(bytes.subarray(0, n));
      }),
      { numRuns: 120, seed: 17 },
    );
  });
  it('any bytes changed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 16, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const b = bytes.slice();
        for (const [i, v] of edits) b[i] = v;
        readsOrRefuses(b);
      }),
      { numRuns: 120, seed: 17 },
    );
  });
  it("where a cut falls, Go's parser agrees on accept or refuse", () => {
    // The generation ends (EvEndOfGeneration bytes the reader stopped at) and points inside batches.
    const cuts = [bytes.length, bytes.length - 1, 16, 17, 40, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2)];
    for (const n of cuts) {
      const mine = readsOrRefuses(bytes.subarray(0, n));
      const go = goRead(bytes.subarray(0, n), `cut-${n}`) !== null;
      expect(mine, `cut at ${n}`).toBe(go);
    }
  });
});

/**
 * Older formats, made from a real go1.26.8 trace by undoing what later releases added (tracev2/events.go:
 * EvEndOfGeneration is Go 1.26's, the sync batch — EvSync with EvClockSnapshot — Go 1.25's; before it a
 * generation's clock frequency was a lone EvFrequency batch): go1.25's format (generations end where
 * the next one's first batch starts) and go1.23's. Both readers must read them alike.
 */
describe('go1.25 and go1.23 formats (converted from real go1.26.8 traces)', () => {
  const uvarint = (b: Uint8Array, i: number): [number, number] => {
    let x = 0;
    let mul = 1;
    for (;;) {
      const c = b[i++]!;
      x += (c & 0x7f) * mul;
      if (c < 0x80) return [x, i];
      mul *= 128;
    }
  };
  const put = (out: number[], x: number): void => {
    while (x >= 0x80) {
      out.push((x % 0x80) | 0x80);
      x = Math.floor(x / 0x80);
    }
    out.push(x);
  };
  /** Rewrite a go1.26 trace as version `v`: no end-of-generation marks; below 1.25, no sync batches. */
  function convert(src: Uint8Array, v: number): Uint8Array {
    const out: number[] = [...new TextEncoder().encode(headerFor(v))];
    let i = 16;
    while (i < src.length) {
      if (src[i] === 52) {
        i++; // EvEndOfGeneration
        continue;
      }
      const start = i;
      let p = i + 1;
      const fields: number[] = [];
      for (let k = 0; k < 4; k++) {
        const [x, q] = uvarint(src, p);
        fields.push(x);
        p = q;
      }
      const data = src.subarray(p, p + fields[3]!);
      i = p + fields[3]!;
      if (v < 25 && data[0] === 50) {
        // [Sync, Frequency f, ClockSnapshot …] → [Frequency f]
        const [f] = uvarint(data, 2);
        const body: number[] = [8];
        put(body, f);
        out.push(1);
        put(out, fields[0]!);
        // the M field is ^0 (NoThread), too big for a JS number: copy its bytes as they are
        let q = start + 1;
        [, q] = uvarint(src, q);
        const mStart = q;
        [, q] = uvarint(src, q);
        for (const b of src.subarray(mStart, q)) out.push(b);
        put(out, fields[2]!);
        put(out, body.length);
        out.push(...body);
        continue;
      }
      for (const b of src.subarray(start, i)) out.push(b);
    }
    return new Uint8Array(out);
  }
  for (const v of [25, 23]) {
    for (const name of ['whatif/cond_queue', 'conformance/gomaxprocs_call', 'conformance/netpoll_wake']) {
      it(`${name} as go1.${v}`, () => {
        const t = realTraces.find((x) => x.name === name)!;
        const bytes = convert(new Uint8Array(fs.readFileSync(t.file)), v);
        const mine = readGoTrace(bytes);
        expect(mine.version).toBe(v);
        const go = goRead(bytes, `${name}-go1${v}`);
        expect(go, 'Go parser refused it').not.toBeNull();
        expect(sorted(summarize(mine))).toEqual(sorted(go));
      });
    }
  }
});
