/**
 * The reader of Go execution traces (go1.22+, the "v2" format): bytes in, one ordered list of events out,
 * each in its scheduling context (thread, P, goroutine) with its state transition. It is the concept of
 * Go's internal/trace reader (reader.go, generation.go, batch.go, batchcursor.go), written here from the
 * format's rules; it runs in the browser (no Node API).
 *
 * What it models:
 *  - the header ("go 1.N trace"): versions 1.22, 1.23, 1.25 and 1.26 are read; 1.11–1.21's older format
 *    and unknown versions are refused, saying which toolchain writes a readable trace;
 *  - generations: the trace is a sequence of self-contained generations, each a set of batches (per-M
 *    event batches; string, stack and CPU-sample tables; a sync batch with the clock frequency). Go 1.26
 *    ends each with EvEndOfGeneration; before 1.26 a generation ends where a batch of the next begins;
 *  - per generation: every M's batches are read in file order through a cursor, timestamps are deltas
 *    from the batch's base (trace clock units, × 1e9/frequency → ns, truncated as Go's frequency.mul);
 *    the cursors sit in a min-heap by their next event's time and the earliest one that the ordering
 *    (./order.ts) accepts goes next — the same frontier rule as reader.go, with the same heap, so events
 *    at equal timestamps come out in the same order as from Go's parser;
 *  - each event's time is made strictly increasing (an event at or before the previous one moves to
 *    1 ns after it), and a Sync event opens each generation and closes the trace, as Go's reader does;
 *  - CPU profile samples (EvCPUSamples batches, when runtime/pprof ran with the trace) join the list as
 *    Ev.CPUSample events where Go's reader puts them: before the frontier's earliest event when older.
 *
 * Invariants: an event's stack and string IDs exist in its generation's tables; every batch lies inside
 * the file; every varint ends inside its batch. Anything else is a TraceFormatError naming the byte
 * offset of what is wrong (a truncated file: where the data stops; a corrupt one: the field that makes no
 * sense; an impossible event order: the event no thread can advance past).
 *
 * Versions 1.22–1.25 are tested on real go1.26.8 traces converted to their format (test/trace/reader.test.ts),
 * 1.26 on real traces.
 *
 * Simplifications: experimental batches (the AllocFree experiment) are skipped; the frontier's fallback
 * sort is stable where Go's pdqsort is not (they agree up to 12 threads: insertion sort); timestamps
 * are JS numbers (exact up to 2^53 ns ≈ 104 days of trace clock).
 */
import { Ev, Version, headerSize, maxBatchSize, maxFramesPerStack, maxStringSize, timedSpec, v1Versions } from './tracev2.js';
import { type Frame, Ordering, type RawEvent, type TraceEvent, TraceFormatError, none } from './order.js';

export { TraceFormatError, type Frame, type TraceEvent } from './order.js';
export type { GoState, ProcState, Transition } from './order.js';

/** The pseudo event type of a Sync event (the parser's generation boundary; not a wire type). */
export const EvSync = -1;
/** A CPU profile sample in the event list: type Ev.CPUSample, args [stack]; its m, p, g are the sampled thread's. */
export { Ev };

/** One generation's tables. */
export interface Generation {
  gen: number;
  strings: Map<number, string>;
  stacks: Map<number, Frame[]>;
  /** ns per trace clock unit. */
  nsPerTick: number;
  /** Offset of the generation's first batch. */
  off: number;
}

/** What the reader produces. */
export interface GoTrace {
  /** The trace version (22, 23, 25, 26: Go 1.N's format). */
  version: number;
  /** Ordered events: Sync events (type EvSync) open every generation and close the trace. */
  events: TraceEvent[];
  generations: Generation[];
  /** CPU profile samples (runtime/pprof running while tracing): also in `events`, as Ev.CPUSample. */
  cpuSamples: number;
}

/** A CPU sample of a generation (EvCPUSamples batch entry), its time in ns. */
interface CPUSample {
  time: number;
  m: number;
  p: number;
  g: number;
  stack: number;
  off: number;
}

const dec = new TextDecoder('utf-8');

/** A batch: its header fields and where its data lies in the file. */
interface Batch {
  gen: number;
  m: number;
  time: number;
  /** Offset of the batch's first data byte. */
  off: number;
  end: number;
  exp: number;
  /** Offset of the batch header. */
  at: number;
}

/** Reads the file's bytes, failing with the offset of what it could not read. */
class Bytes {
  pos: number;
  constructor(
    readonly b: Uint8Array,
    pos: number,
    readonly end: number,
  ) {
    this.pos = pos;
  }
  fail(what: string, at = this.pos): never {
    throw new TraceFormatError(at, what);
  }
  more(): boolean {
    return this.pos < this.end;
  }
  byte(what: string): number {
    if (this.pos >= this.end) this.fail(`${what}: ${this.end === this.b.length ? 'the file ends (truncated?)' : 'the batch ends'}`);
    return this.b[this.pos++]!;
  }
  /**
   * An unsigned LEB128 varint (encoding/binary Uvarint). Values ≥ 2^63 are Go's ^0-style "none" (-1):
   * the trace writes −1 for NoThread/NoProc/NoGoroutine as uint64 ^0.
   */
  uvarint(what: string): number {
    const start = this.pos;
    let x = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) this.fail(`${what}: ${this.end === this.b.length ? 'the file ends inside a varint (truncated?)' : 'a varint runs past the end of its batch'}`, start);
      const c = this.b[this.pos++]!;
      if (i === 9 && c > 1) this.fail(`${what}: varint overflows 64 bits`, start);
      x += (c & 0x7f) * mul;
      if (c < 0x80) return x >= 2 ** 63 ? none : x;
      mul *= 128;
    }
    return this.fail(`${what}: varint longer than 10 bytes`, start);
  }
}

/** Read a whole trace. Throws TraceFormatError (with the byte offset) when it is not a valid one. */
export function readGoTrace(bytes: Uint8Array): GoTrace {
  const version = readHeader(bytes);
  const out: GoTrace = { version, events: [], generations: [], cpuSamples: 0 };
  const r = new Bytes(bytes, headerSize, bytes.length);
  const genTables = new Map<number, Generation>();
  const order = new Ordering((gen, id) => (id === 0 ? '' : genTables.get(gen)?.strings.get(id)));
  let lastTs = 0;
  const emit = (e: TraceEvent): void => {
    if (e.time <= lastTs) e.time = lastTs + 1;
    lastTs = e.time;
    out.events.push(e);
  };
  const sync = (time: number, gen: number, off: number): void => emit({ type: EvSync, time, args: [], off, m: none, p: none, g: none, gen, tr: undefined });

  let spill: Batch | undefined;
  let lastGen = 0;
  for (;;) {
    const g = readGeneration(r, version, spill, out);
    if (g === undefined) break;
    spill = g.spill;
    if (lastGen !== 0 && g.gen.gen <= lastGen) r.fail(`generation ${g.gen.gen} follows generation ${lastGen}: generations out of order`, g.gen.off);
    lastGen = g.gen.gen;
    genTables.clear();
    genTables.set(g.gen.gen, g.gen);
    out.generations.push(g.gen);
    sync(Math.trunc(g.minTs * g.gen.nsPerTick), g.gen.gen, g.gen.off);
    // Samples carry absolute timestamps (generation.go fixUpCPUSamples), sorted by time.
    for (const x of g.samples) x.time = Math.trunc(x.time * g.gen.nsPerTick);
    g.samples.sort((a, b) => a.time - b.time);
    out.cpuSamples += g.samples.length;
    orderGeneration(bytes, version, g.gen, g.batches, g.samples, order, emit);
    if (spill === undefined && version < Version.Go126) break;
  }
  sync(lastTs, lastGen, bytes.length);
  return out;
}

function readHeader(bytes: Uint8Array): number {
  const text = dec.decode(bytes.subarray(0, Math.min(bytes.length, headerSize)));
  const m = /^go 1\.(\d+) trace\0\0\0/.exec(text);
  if (m === null) {
    if (bytes.length < headerSize && /^g?o? ?1?\.?\d* ?t?r?a?c?e?\0*$/.test(text)) throw new TraceFormatError(bytes.length, 'the file ends inside the header (truncated?)');
    throw new TraceFormatError(0, 'not a Go execution trace: the file does not start with "go 1.N trace" (record one with runtime/trace.Start, `go test -trace`, or /debug/pprof/trace)');
  }
  const v = Number(m[1]);
  if (v1Versions.includes(v)) throw new TraceFormatError(3, `a go1.${v} trace: Go 1.11–1.21 wrote an older trace format, which this reader does not read; record the program with Go 1.22 or later`);
  if (!(Object.values(Version) as number[]).includes(v)) throw new TraceFormatError(3, `unknown trace version go 1.${v}: this reader reads the formats of Go 1.22, 1.23, 1.25 and 1.26`);
  return v;
}

/** Read one batch header and skip its data (batch.go readBatch); undefined at the end of the file. */
function readBatch(r: Bytes): Batch | 'end-of-generation' | undefined {
  if (!r.more()) return undefined;
  const at = r.pos;
  const typ = r.byte('batch type');
  if (typ === Ev.EndOfGeneration) return 'end-of-generation';
  if (typ !== Ev.EventBatch && typ !== Ev.ExperimentalBatch) r.fail(`expected a batch (event type ${Ev.EventBatch}), found byte ${typ}`, at);
  const exp = typ === Ev.ExperimentalBatch ? r.byte('experiment ID') : 0;
  const gen = r.uvarint('batch generation');
  const m = r.uvarint('batch thread ID');
  const time = r.uvarint('batch timestamp');
  const sizeAt = r.pos;
  const size = r.uvarint('batch size');
  if (size > maxBatchSize) r.fail(`batch size ${size} is larger than the format's maximum ${maxBatchSize}`, sizeAt);
  const off = r.pos;
  if (off + size > r.end) r.fail(`a batch of ${size} bytes starts here but the file ends after ${r.end - off} (truncated?)`, off);
  r.pos = off + size;
  return { gen, m, time, off, end: off + size, exp, at };
}

interface ReadGen {
  gen: Generation;
  batches: Map<number, Batch[]>;
  /** Thread IDs in the order of their first batch. */
  batchMs: number[];
  minTs: number;
  spill: Batch | undefined;
  samples: CPUSample[];
}

/** Read one generation's batches and tables (generation.go readGeneration / readGenerationWithSpill). */
function readGeneration(r: Bytes, version: number, spill: Batch | undefined, out: GoTrace): ReadGen | undefined {
  const start = spill?.at ?? r.pos;
  const g: ReadGen = {
    gen: { gen: 0, strings: new Map(), stacks: new Map(), nsPerTick: 0, off: start },
    batches: new Map(),
    batchMs: [],
    minTs: 0,
    spill: undefined,
    samples: [],
  };
  const pcs = new Map<number, { fn: number; file: number; line: number }>();
  const stackPcs = new Map<number, number[]>();
  let hasSnapshot = false;
  let any = false;
  const add = (b: Batch): void => {
    any = true;
    if (g.gen.gen === 0) g.gen.gen = b.gen;
    if (g.minTs === 0 || b.time < g.minTs) g.minTs = b.time;
    if (b.exp !== 0) return; // an experiment's data: not read
    if (b.off === b.end) {
      addEventBatch(g, b);
      return;
    }
    const first = r.b[b.off]!;
    const br = new Bytes(r.b, b.off + 1, b.end);
    if (first === Ev.Strings) readStrings(br, g.gen.strings);
    else if (first === Ev.Stacks) readStacks(br, stackPcs, pcs);
    else if (first === Ev.CPUSamples) readCPUSamples(br, g.samples);
    else if ((first === Ev.Frequency && version < Version.Go125) || (first === Ev.Sync && version >= Version.Go125)) {
      const s = readSync(new Bytes(r.b, version >= Version.Go125 ? b.off + 1 : b.off, b.end), version, g.gen.nsPerTick);
      g.gen.nsPerTick = s.nsPerTick;
      hasSnapshot ||= s.snapshot;
    } else addEventBatch(g, b);
  };
  if (spill !== undefined) add(spill);
  for (;;) {
    const at = r.pos;
    const b = readBatch(r);
    if (b === undefined) {
      if (version >= Version.Go126 && any) r.fail(`generation ${g.gen.gen} (from byte ${start}) has no end-of-generation mark: the trace is truncated`, at);
      if (!any) return undefined;
      break;
    }
    if (b === 'end-of-generation') {
      if (version < Version.Go126) r.fail('end-of-generation mark in a trace older than Go 1.26', at);
      if (!any) r.fail('end-of-generation mark with no generation before it', at);
      break;
    }
    if (b.gen === 0) r.fail('batch of generation 0 (the runtime never writes it)', b.at);
    if (version < Version.Go126 && any && b.gen === g.gen.gen + 1) {
      g.spill = b;
      break;
    }
    if (any && b.gen !== g.gen.gen) r.fail(`batch of generation ${b.gen} inside generation ${g.gen.gen}: ${version >= Version.Go126 ? 'missing end-of-generation mark, or generations interleaved' : 'generations out of order'}`, b.at);
    add(b);
  }
  if (g.gen.nsPerTick === 0) r.fail(`generation ${g.gen.gen} (from byte ${start}) has no clock frequency`, start);
  if (version >= Version.Go125 && !hasSnapshot) r.fail(`generation ${g.gen.gen} (from byte ${start}) has no clock snapshot`, start);
  // Stacks: every frame's PC, function and file must be known (generation.go validateStackStrings).
  for (const [id, list] of stackPcs) {
    const frames: Frame[] = [];
    for (const pc of list) {
      const f = pcs.get(pc)!;
      const fn = f.fn === 0 ? '' : g.gen.strings.get(f.fn);
      const file = f.file === 0 ? '' : g.gen.strings.get(f.file);
      if (fn === undefined || file === undefined) r.fail(`stack ${id} of generation ${g.gen.gen} names string ${fn === undefined ? f.fn : f.file}, which is not in the string table`, start);
      frames.push({ pc, fn, file, line: f.line });
    }
    g.gen.stacks.set(id, frames);
  }
  return g;
}

function addEventBatch(g: ReadGen, b: Batch): void {
  let list = g.batches.get(b.m);
  if (list === undefined) {
    list = [];
    g.batches.set(b.m, list);
    g.batchMs.push(b.m);
  }
  list.push(b);
}

function readStrings(r: Bytes, table: Map<number, string>): void {
  while (r.more()) {
    const at = r.pos;
    const t = r.byte('string entry');
    if (t !== Ev.String) r.fail(`expected a string entry (type ${Ev.String}), found ${t}`, at);
    const id = r.uvarint('string ID');
    const lenAt = r.pos;
    const n = r.uvarint('string length');
    if (n > maxStringSize) r.fail(`string of ${n} bytes, more than the format's ${maxStringSize}`, lenAt);
    if (r.pos + n > r.end) r.fail(`string of ${n} bytes runs past its batch`, lenAt);
    if (table.has(id)) r.fail(`string ID ${id} defined twice`, at);
    table.set(id, dec.decode(r.b.subarray(r.pos, r.pos + n)));
    r.pos += n;
  }
}

function readStacks(r: Bytes, stacks: Map<number, number[]>, pcs: Map<number, { fn: number; file: number; line: number }>): void {
  while (r.more()) {
    const at = r.pos;
    const t = r.byte('stack entry');
    if (t !== Ev.Stack) r.fail(`expected a stack entry (type ${Ev.Stack}), found ${t}`, at);
    const id = r.uvarint('stack ID');
    const nAt = r.pos;
    const n = r.uvarint('stack frame count');
    if (n > maxFramesPerStack) r.fail(`stack of ${n} frames, more than the format's ${maxFramesPerStack}`, nAt);
    const list: number[] = [];
    for (let i = 0; i < n; i++) {
      const pc = r.uvarint(`stack ${id} frame ${i + 1} PC`);
      const fn = r.uvarint(`stack ${id} frame ${i + 1} function`);
      const file = r.uvarint(`stack ${id} frame ${i + 1} file`);
      const line = r.uvarint(`stack ${id} frame ${i + 1} line`);
      list.push(pc);
      if (!pcs.has(pc)) pcs.set(pc, { fn, file, line });
    }
    if (stacks.has(id)) r.fail(`stack ID ${id} defined twice`, at);
    stacks.set(id, list);
  }
}

function readCPUSamples(r: Bytes, out: CPUSample[]): void {
  while (r.more()) {
    const at = r.pos;
    const t = r.byte('CPU sample');
    if (t !== Ev.CPUSample) r.fail(`expected a CPU sample (type ${Ev.CPUSample}), found ${t}`, at);
    const time = r.uvarint('CPU sample timestamp');
    const m = r.uvarint('CPU sample thread');
    const p = r.uvarint('CPU sample P');
    const g = r.uvarint('CPU sample goroutine');
    const stack = r.uvarint('CPU sample stack');
    out.push({ time, m, p, g: g === 0 ? none : g, stack, off: at });
  }
}

function readSync(r: Bytes, version: number, prev: number): { nsPerTick: number; snapshot: boolean } {
  let nsPerTick = prev;
  let snapshot = false;
  while (r.more()) {
    const at = r.pos;
    const t = r.byte('sync batch entry');
    if (t === Ev.Frequency) {
      if (nsPerTick !== 0) r.fail('two clock frequencies in one generation', at);
      const fAt = r.pos;
      const f = r.uvarint('clock frequency');
      if (f <= 0) r.fail('clock frequency 0', fAt);
      nsPerTick = 1 / (f / 1e9);
    } else if (t === Ev.ClockSnapshot && version >= Version.Go125) {
      if (snapshot) r.fail('two clock snapshots in one generation', at);
      snapshot = true;
      for (const f of ['time', 'monotonic clock', 'wall seconds', 'wall nanoseconds']) r.uvarint(`clock snapshot ${f}`);
    } else r.fail(`expected a frequency or clock snapshot in the sync batch, found event type ${t}`, at);
  }
  return { nsPerTick, snapshot };
}

/** A thread's cursor over its batches (batchcursor.go). */
interface Cursor {
  m: number;
  batches: Batch[];
  idx: number;
  pos: number;
  lastTs: number;
  ev: RawEvent;
}

/** Order one generation's events (reader.go ReadEvent's frontier loop). */
function orderGeneration(bytes: Uint8Array, version: number, g: Generation, batches: Map<number, Batch[]>, samples: CPUSample[], order: Ordering, emit: (e: TraceEvent) => void): void {
  const nextEvent = (c: Cursor): boolean => {
    while (c.idx < c.batches.length && c.pos === c.batches[c.idx]!.end) {
      c.idx++;
      c.pos = c.idx < c.batches.length ? c.batches[c.idx]!.off : 0;
      c.lastTs = 0;
    }
    if (c.idx === c.batches.length) return false;
    const b = c.batches[c.idx]!;
    if (c.lastTs === 0) c.lastTs = Math.trunc(b.time * g.nsPerTick);
    const r: Bytes = new Bytes(bytes, c.pos, b.end);
    const at = r.pos;
    const type = r.byte('event type');
    const spec = timedSpec(version, type);
    if (spec === undefined) r.fail(`event type ${type} is not a timed event of the go1.${version} format`, at);
    const dt = r.uvarint(`${spec.name} timestamp`);
    const args: number[] = [];
    for (let i = 0; i < spec.nargs; i++) args.push(r.uvarint(`${spec.name} argument ${i + 1}`));
    for (const i of spec.stackArgs) if (args[i]! !== 0 && !g.stacks.has(args[i]!)) r.fail(`${spec.name} names stack ${args[i]}, which is not in generation ${g.gen}'s stack table`, at);
    for (const i of spec.stringArgs) if (args[i]! !== 0 && !g.strings.has(args[i]!)) r.fail(`${spec.name} names string ${args[i]}, which is not in generation ${g.gen}'s string table`, at);
    c.ev = { type, time: Math.trunc(dt * g.nsPerTick) + c.lastTs, args, off: at };
    c.lastTs = c.ev.time;
    c.pos = r.pos;
    return true;
  };

  // The frontier: a binary min-heap of cursors by next event time (batchcursor.go heap*).
  let heap: Cursor[] = [];
  const less = (i: number, j: number): boolean => heap[i]!.ev.time < heap[j]!.ev.time;
  const swap = (i: number, j: number): void => {
    const x = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = x;
  };
  const siftUp = (i: number): number => {
    while (i > 0 && less(i, (i - 1) >> 1)) {
      swap((i - 1) >> 1, i);
      i = (i - 1) >> 1;
    }
    return i;
  };
  const siftDown = (i: number): void => {
    for (;;) {
      let m = i;
      let mt = i < heap.length ? heap[i]!.ev.time : Infinity;
      for (const k of [2 * i + 1, 2 * i + 2]) {
        if (k < heap.length && heap[k]!.ev.time < mt) {
          mt = heap[k]!.ev.time;
          m = k;
        }
      }
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  const update = (i: number): void => {
    if (siftUp(i) !== i) return;
    siftDown(i);
  };
  const remove = (i: number): void => {
    while (i > 0) {
      swap((i - 1) >> 1, i);
      i = (i - 1) >> 1;
    }
    swap(0, heap.length - 1);
    heap.pop();
    siftDown(0);
  };
  for (const [m, list] of batches) {
    const c: Cursor = { m, batches: list, idx: 0, pos: list[0]!.off, lastTs: 0, ev: { type: 0, time: 0, args: [], off: 0 } };
    if (!nextEvent(c)) continue;
    heap.push(c);
    siftUp(heap.length - 1);
  }

  const tryAdvance = (i: number): boolean => {
    const c = heap[i]!;
    if (!order.advance(c.ev, c.m, g.gen)) return false;
    if (nextEvent(c)) update(i);
    else remove(i);
    return true;
  };
  const drain = (): void => {
    for (let e = order.next(); e !== undefined; e = order.next()) emit(e);
  };
  let si = 0;
  for (;;) {
    // A CPU sample goes out when it comes before the frontier's earliest event (reader.go ReadEvent).
    if (si < samples.length && (heap.length === 0 || samples[si]!.time < heap[0]!.ev.time)) {
      const x = samples[si++]!;
      if (x.stack !== 0 && !g.stacks.has(x.stack)) throw new TraceFormatError(x.off, `CPU sample names stack ${x.stack}, which is not in generation ${g.gen}'s stack table`);
      emit({ type: Ev.CPUSample, time: x.time, args: [x.stack], off: x.off, m: x.m, p: x.p, g: x.g, gen: g.gen, tr: undefined });
      continue;
    }
    if (heap.length === 0) break;
    if (!tryAdvance(0)) {
      // Rare: the earliest event waits on another thread's. Try the others in time order.
      heap = heap.slice().sort((a, b) => a.ev.time - b.ev.time);
      let ok = false;
      for (let i = 1; i < heap.length; i++) {
        if (tryAdvance(i)) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        const c = heap[0]!;
        throw new TraceFormatError(c.ev.off, `no thread can advance: thread ${c.m}'s next event (type ${c.ev.type}, args ${c.ev.args.join(' ')}) and every other thread's wait on events that never come (corrupt or reordered batches)`);
      }
    }
    drain();
  }
}

/**
 * What a user is told when a trace cannot be read (the CLI's `gmpsim replay`, the web app's trace
 * drop): what is wrong, at which byte of how many, and what to do about it.
 */
export function traceErrorText(e: TraceFormatError, size: number): string {
  const truncated = /truncated|file ends/.test(e.what);
  const hint = truncated
    ? 'the file is cut short: let the program call trace.Stop (or let `go test -trace` finish) before copying the file, and copy it whole'
    : /older trace format|unknown trace version|not a Go execution trace/.test(e.what)
      ? ''
      : 'the file is damaged: record the trace again';
  return `cannot read the trace: ${e.what} (at byte ${e.offset} of ${size})${hint ? `; ${hint}` : ''}`;
}
