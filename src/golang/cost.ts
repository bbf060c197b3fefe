/**
 * What compiled Go code costs on the CPU: the simulated time the Go frontend charges for the
 * program's own computation (the runtime's and the kernel's costs are src/runtime/cost.ts and
 * src/sys/costs.ts).
 *
 * Every statement counts its operations (operators, index and selector operations, calls, loop
 * conditions and steps: see stmt.ts); each costs `op` ns. The operations compiled Go does not do in
 * a cycle or two add their own cost on top: a call of a Go function that is not inlined (`call`), a
 * map lookup or assignment (`mapAccess`: hashing and probing), an append (`append`, growth
 * amortised). The time accumulates and reaches the runtime as Work ops (preemptible CPU).
 *
 * Defaults: fitted to conformance/reference/go1.19/cpu_costs.json (go1.19.8, GOMAXPROCS=1, 5 runs on the
 * reference machine, 2 vCPU AMD EPYC, recorded 2026-12-06): ns per loop iteration of nine loop shapes,
 * divided by the operations this compiler counts for them. `op` is the median ns per counted operation
 * of the six shapes made of simple operations (empty 0.278 ns/3 ops, sum 0.277/4, count_until 0.632/5,
 * slice 0.554/6, arith 1.096/7, nested 0.300/4: 0.069–0.157 ns, median 0.092); `call`, `mapAccess` and
 * `append` are what loop_call (1.65 ns), loop_map (5.69 ns) and loop_append (3.17 ns) take beyond
 * their counted operations; `atomic` is half of an uncontended sync.Mutex Lock+Unlock (calibrate.json), the
 * two locked instructions it is made of. A loop whose iteration depends on the previous one (a loop-carried
 * dependency chain: a hash, a random-number generator) costs at least the chain's latency, `chainAlu`,
 * `chainMul` and `chainFloat` per operation on it (compiler/chain.ts; cpu_chain_costs.go: the counted
 * operations are throughput — FNV-1a's `h ^= uint64(c); h *= prime` was 0.28 ns per byte by them, 1.10 ns
 * in real Go). Simplified: no inlining decisions, caches or branch prediction — a loop's speed is right
 * within ≈±30 % for simple bodies, not per instruction.
 */
import type { GoRelease } from '../runtime/version.js';
import { allocLoopMutatorNs, allocLoopSweepNs, significant, type AllocLoopMeasurements } from '../runtime/calibration.js';

export interface GoCpuCosts {
  /** One counted operation (ns). */
  op: number;
  /** A call of a Go function, beyond its counted operations (ns). */
  call: number;
  /** A map lookup or assignment, beyond its counted operations (ns). */
  mapAccess: number;
  /** An append, beyond its counted operations (ns, growth amortised). */
  append: number;
  /**
   * A sync/atomic read-modify-write (Add, Swap, CompareAndSwap, Store: LOCK XADD / XCHG / LOCK
   * CMPXCHG on amd64), beyond its counted operation. A plain atomic Load is a MOV and costs `op`.
   */
  atomic: number;
  /**
   * A heap allocation (mallocgc of a small object: make, new, an escaping composite literal; a string
   * concatenation is concatString), beyond its counted operations, clearing a small object included (an append's
   * growth is in `append`, fitted on a loop that grows its slice; fresh memory's page faults are the
   * runtime's: runtime/cost.ts heapGrowNsPerByte).
   */
  malloc: number;
  /**
   * A string concatenation (`s + t`, `s += t`: concatstrings — the new string's allocation, a
   * pointer-free object, and the copy of its bytes), beyond its counted operation. lib_costs.go's
   * concat_2 (short strings): not `malloc`, which is fitted on gc_alloc_loop's pointer-holding objects
   * streaming through a 10 MB heap (go1.19: 31 ns per concatenation, 45 ns per gc_alloc_loop iteration).
   */
  concatString: number;
  /**
   * What sort.Ints/Float64s (and Sort of an IntSlice/Float64Slice) cost per comparison pdqsort makes,
   * swaps, loops and the copy-free comparison included (std/sort.ts counts the comparisons).
   */
  sortCmp: number;
  /** The same for sort.Strings: a comparison of two strings (runtime cmpstring) instead of two ints. */
  sortStringCmp: number;
  /**
   * sort.Slice/SliceStable/Sort/Stable per comparison beyond the code of the program's Less (which its
   * statements charge): the indirect call of the closure or method and, for Slice, reflect's swapper.
   */
  sortFuncCmp: number;
  /**
   * A map assignment that adds a key, beyond an assignment to an existing key (mapAccess): the
   * table's growth (Go 1.19: doubling buckets and evacuating; Go 1.24+: Swiss-table splits), amortised.
   */
  mapNewKey: number;
  /** strconv's integer formatting (Itoa, FormatInt, FormatUint, FormatBool, Quote), per call. */
  strconvFormat: number;
  /** strconv's integer parsing (Atoi, ParseInt, ParseUint, ParseBool), per call. */
  strconvParse: number;
  /** strconv's float conversions (FormatFloat, ParseFloat), per call. */
  strconvFloat: number;
  /**
   * fmt's Sprint/Sprintf/Fprint/Errorf family: a call costs (operands + 1) × fmtArg — each operand
   * formatted, and the call's own work (the printer from its pool, the format's parsing) about one more.
   */
  fmtArg: number;
  /** strings/bytes functions that build a slice or string of fields (Split, Join, Fields, Replace…), per call. */
  stringsBuild: number;
  /** strings/bytes searches (Contains, Index, Count…), per call. */
  stringsSearch: number;
  /** copy()'s memmove, per byte copied. */
  memmoveNsPerByte: number;
  /** One element of a range over a map (mapiternext), beyond the loop's counted operation. */
  mapIterNext: number;
  /** A write to a strings.Builder or bytes.Buffer (WriteString, WriteByte, WriteRune, Write), growth amortised. */
  builderWrite: number;
  /**
   * net/http's server per request, on its connection's goroutine: reading and parsing the request and
   * writing the response's head and body (std/net_http.ts). See httpCosts119.
   */
  httpServerReq: number;
  /** net/http's client per request: NewRequest, writing the request, reading and parsing the response. */
  httpClientReq: number;
  /**
   * Bytes net/http allocates per request on each side (server, client): the Request, Response and header
   * maps, the context, the transport's channels — heap the garbage collector has to pace and mark (not CPU:
   * the measured CPU above includes mallocgc).
   */
  httpReqAllocBytes: number;
  /**
   * net.Dial's own Go code on the dialing goroutine, beyond the system calls std/net.ts charges (address
   * parsing, the Dialer and its context, the netFD, the poll descriptor, the TCPConn). See netCosts119.
   */
  netDial: number;
  /** (*TCPListener).Accept's own Go code for a queued connection, beyond its system calls. */
  netAccept: number;
  /** (*TCPConn).Close's own Go code (netFD.Close: evicting and closing the poll descriptor), beyond its system calls. */
  netClose: number;
  /**
   * The latency of an integer add, subtract, logic operation or shift on a loop-carried dependency chain
   * (one cycle): an iteration of a loop whose variables depend on their previous values costs at least its
   * chain's latency (compiler/chain.ts), not only its counted operations' throughput. See chainCostsFromMeasurements.
   */
  chainAlu: number;
  /** The same for an integer multiply (imul, three cycles). */
  chainMul: number;
  /** The same for a float add, subtract or multiply (three cycles). */
  chainFloat: number;
  /** The same for a load through a pointer (`p = p.next`: L1's load-to-use latency, four cycles). */
  chainLoad: number;
  /** The same for a load of an indexed element (`x = tab[x&1023]`: a scaled address, five cycles). */
  chainIndexLoad: number;
}

/**
 * net/http's CPU per request — PROVISIONAL, to be re-measured on a quiet machine: medians of 3 runs of
 * a benchmark of the steps alone (http.ReadRequest, Response.Write, NewRequest, Request.Write,
 * ReadResponse + body: user+sys CPU per call over 200,000 calls, GOMAXPROCS=1), recorded 2026-12-07
 * on the 2-vCPU reference machine under a load average of 15–18 (other jobs running), which inflates
 * them. go1.19.8: ReadRequest 1842 + Response.Write 1433 → server 3300; NewRequest 659 +
 * Request.Write 1164 + ReadResponse 1633 → client 3500 (whole loopback round trips took 31 µs of user
 * and 22 µs of system CPU per request: the rest is the runtime's, the syscalls' and the transport's
 * goroutine hand-offs, which the simulation charges through its own mechanisms).
 */
export const httpCosts119: Readonly<Pick<GoCpuCosts, 'httpServerReq' | 'httpClientReq' | 'httpReqAllocBytes'>> = Object.freeze({
  httpServerReq: 3300,
  httpClientReq: 3500,
  // runtime.MemStats TotalAlloc over 20,000 keep-alive round trips: 4412 B (56 objects) per request, client and
  // server together (a deterministic count, not load-sensitive), split evenly between the two sides
  httpReqAllocBytes: 2200,
});
/**
 * The same on go1.26.8: ReadRequest 2288 + Response.Write 1400; NewRequest 610 + Request.Write 930 +
 * ReadResponse 1861 (PROVISIONAL); 5045 B (61 objects) allocated per round trip.
 */
export const httpCosts126: Readonly<Pick<GoCpuCosts, 'httpServerReq' | 'httpClientReq' | 'httpReqAllocBytes'>> = Object.freeze({ httpServerReq: 3700, httpClientReq: 3400, httpReqAllocBytes: 2500 });

/**
 * net.Dial's and Accept's Go code — PROVISIONAL, to be re-derived from io_costs.go's net_dial_us and
 * net_accept_us once recorded on a quiet machine: a whole call's median (netCallCosts: 1000 loopback
 * connections dialed, then accepted, 4 rounds, GOMAXPROCS=1) minus what gmpsim charges for the same call
 * (its system calls at sys/costs.ts's defaults, the park for writability, the runtime's work: the same
 * loop run by gmpsim), measured on 2026-12-07 03:45–03:55 UTC on the reference machine under a load
 * average of 6–9 (the same io_costs runs measured cached_read_4k and write_4k 1.17–1.18× their recorded
 * medians). go1.19.8: Dial 29.3–30.0 µs (5 runs, median 29.6) − gmpsim 22.85 → 6.8 µs; Accept 8.30–8.51
 * (median 8.33) − 6.53 → 1.8 µs; Close 9.27 µs (active: the peer open) − 7.57 → 1.7, 13.35 (passive) − 11.89
 * → 1.5: 1.6 µs.
 */
export const netCosts119: Readonly<Pick<GoCpuCosts, 'netDial' | 'netAccept' | 'netClose'>> = Object.freeze({ netDial: 6800, netAccept: 1800, netClose: 1600 });
/**
 * The same on go1.26.8 (PROVISIONAL, 3 runs): Dial 31.2–31.7 µs (median 31.5) − gmpsim 23.39 → 8.1 µs
 * (its Dialer sets the keep-alive configuration and checks multipath TCP); Accept 8.91–8.95 − 7.04 → 1.9 µs;
 * Close 9.28 − 7.57 → 1.7 (active), 13.63 − 11.89 → 1.7 (passive).
 */
export const netCosts126: Readonly<Pick<GoCpuCosts, 'netDial' | 'netAccept' | 'netClose'>> = Object.freeze({ netDial: 8100, netAccept: 1900, netClose: 1700 });

/** lib_costs.go's figures: ns per call or per comparison (MEASURE names). */
export type LibMeasurements = Record<
  'concat_2' | 'sort_ints_cmp' | 'sort_slice_cmp' | 'sort_strings_cmp' | 'map_insert_grow' | 'map_insert_small' | 'itoa' | 'atoi' | 'format_float' | 'sprintf_d_s' | 'sprint_3' | 'split_join_8' | 'contains_44' | 'copy_8k' | 'range_map_elem' | 'builder_write8',
  number
>;

/**
 * The counted operations of lib_costs.go's less closure (`return buf[i] < buf[j]`: two index
 * operations, the comparison, the return), which the model charges besides sortFuncCmp.
 */
export const lessClosureOps = 4;

/**
 * The library costs from lib_costs.go's medians: the ordered sorts' ns per comparison as measured
 * (the copy before each sort is ≈ 0.1 % of it); sort.Slice's minus its less closure's counted code.
 */
export function libCostsFromMeasurements(m: LibMeasurements, op: number): LibCosts {
  // Sprintf("%d-%s", i, "x") is 3 × fmtArg, Sprint("a", i, "b") 4 ×: the mean of the two estimates
  // (their difference alone, one operand, is within the runs' spread)
  const fmtArg = nice2((m.sprintf_d_s / 3 + m.sprint_3 / 4) / 2);
  return {
    sortCmp: nice2(m.sort_ints_cmp),
    sortStringCmp: nice2(m.sort_strings_cmp),
    sortFuncCmp: nice2(m.sort_slice_cmp - lessClosureOps * op),
    mapNewKey: nice2(m.map_insert_grow - m.map_insert_small),
    strconvFormat: nice2(m.itoa),
    strconvParse: nice2(m.atoi),
    strconvFloat: nice2(m.format_float),
    fmtArg,
    stringsBuild: nice2(m.split_join_8 / 2),
    stringsSearch: nice2(m.contains_44),
    memmoveNsPerByte: nice2(m.copy_8k / 8192),
    mapIterNext: nice2(m.range_map_elem),
    builderWrite: nice2(m.builder_write8),
    // as measured: the loop's counted operations are ≈ 0.4 ns of it (within the 2 digits)
    concatString: nice2(m.concat_2),
  };
}
type LibCosts = Pick<GoCpuCosts, 'concatString' | 'sortCmp' | 'sortStringCmp' | 'sortFuncCmp' | 'mapNewKey' | 'strconvFormat' | 'strconvParse' | 'strconvFloat' | 'fmtArg' | 'stringsBuild' | 'stringsSearch' | 'memmoveNsPerByte' | 'mapIterNext' | 'builderWrite'>;

/**
 * What a call of a standard-library function or method costs at its call site, beyond the call's counted
 * operation, by Go's qualified name (`strconv.Itoa`, `strings.Builder.WriteString`) (the compiler charges it: compiler/call.ts). `nargs`: the operands
 * the call passes (fmt formats each). Calls not listed cost their counted operation only.
 * Simplified: a fixed cost per call, measured on short strings (lib_costs.go); the per-byte part of
 * long strings is not counted.
 */
export function libCallNs(c: GoCpuCosts, pkg: string, name: string, nargs: number): number {
  const kind = libCallKinds[`${pkg}.${name}`];
  switch (kind) {
    case undefined:
      return 0;
    case 'fmtf':
    case 'fmtw':
      return c.fmtArg * Math.max(1, nargs);
    case 'fmt':
      return c.fmtArg * (nargs + 1);
    case 'fmtwf':
      return c.fmtArg * Math.max(1, nargs - 1);
    default:
      return c[kind];
  }
}
type LibCallKind = 'strconvFormat' | 'strconvParse' | 'strconvFloat' | 'stringsBuild' | 'stringsSearch' | 'builderWrite' | 'fmt' | 'fmtf' | 'fmtw' | 'fmtwf';
const libCallKinds: Readonly<Record<string, LibCallKind>> = Object.freeze({
  'strconv.Itoa': 'strconvFormat',
  'strconv.FormatInt': 'strconvFormat',
  'strconv.FormatUint': 'strconvFormat',
  'strconv.Atoi': 'strconvParse',
  'strconv.ParseInt': 'strconvParse',
  'strconv.ParseUint': 'strconvParse',
  'strconv.ParseBool': 'strconvParse',
  'strconv.Quote': 'strconvFormat',
  'strconv.FormatBool': 'strconvFormat',
  'strconv.FormatFloat': 'strconvFloat',
  'strconv.ParseFloat': 'strconvFloat',
  // fmt: the format string is not an operand (fmtf); Fprint*'s writer is not either (fmtw, fmtwf)
  'fmt.Sprint': 'fmt',
  'fmt.Sprintln': 'fmt',
  'fmt.Print': 'fmt',
  'fmt.Println': 'fmt',
  'fmt.Sprintf': 'fmtf',
  'fmt.Printf': 'fmtf',
  'fmt.Errorf': 'fmtf',
  'fmt.Fprint': 'fmtw',
  'fmt.Fprintln': 'fmtw',
  'fmt.Fprintf': 'fmtwf',
  'strings.Split': 'stringsBuild',
  'strings.SplitN': 'stringsBuild',
  'strings.SplitAfter': 'stringsBuild',
  'strings.Join': 'stringsBuild',
  'strings.Fields': 'stringsBuild',
  'strings.Replace': 'stringsBuild',
  'strings.ReplaceAll': 'stringsBuild',
  'strings.Repeat': 'stringsBuild',
  'strings.ToUpper': 'stringsBuild',
  'strings.ToLower': 'stringsBuild',
  'strings.Title': 'stringsBuild',
  'bytes.Split': 'stringsBuild',
  'bytes.Join': 'stringsBuild',
  'bytes.Fields': 'stringsBuild',
  'strings.Contains': 'stringsSearch',
  'strings.ContainsRune': 'stringsSearch',
  'strings.ContainsAny': 'stringsSearch',
  'strings.Index': 'stringsSearch',
  'strings.IndexByte': 'stringsSearch',
  'strings.IndexRune': 'stringsSearch',
  'strings.LastIndex': 'stringsSearch',
  'strings.Count': 'stringsSearch',
  'strings.EqualFold': 'stringsSearch',
  'bytes.Contains': 'stringsSearch',
  'bytes.Index': 'stringsSearch',
  'bytes.Equal': 'stringsSearch',
  // methods of the library's types: package.Type.Method
  'strings.Builder.WriteString': 'builderWrite',
  'strings.Builder.WriteByte': 'builderWrite',
  'strings.Builder.WriteRune': 'builderWrite',
  'strings.Builder.Write': 'builderWrite',
  'bytes.Buffer.WriteString': 'builderWrite',
  'bytes.Buffer.WriteByte': 'builderWrite',
  'bytes.Buffer.WriteRune': 'builderWrite',
  'bytes.Buffer.Write': 'builderWrite',
});

/** libCostsFromMeasurements of conformance/reference/go1.19/lib_costs.json (go1.19.8, quiet: foreignCpu 0.002; test/golang/cost.test.ts checks it). */
export const libCosts119: Readonly<LibCosts> = Object.freeze({
  sortCmp: 7.8, // sort.Ints via Sort(IntSlice): an interface call per comparison
  sortStringCmp: 14,
  sortFuncCmp: 7.8, // sort_slice_cmp 8.13 − 4 counted ops of the less closure
  mapNewKey: 68, // map_insert_grow 79.3 − map_insert_small 11.7
  strconvFormat: 53, // itoa 53.1
  strconvParse: 6.8, // atoi 6.77
  strconvFloat: 170, // format_float 165.8
  fmtArg: 37, // (sprintf_d_s 121.8 / 3 + sprint_3 134.1 / 4) / 2
  stringsBuild: 140, // split_join_8 272.9 / 2
  stringsSearch: 9.9,
  memmoveNsPerByte: 0.015, // copy_8k 119.7 / 8192
  mapIterNext: 24,
  builderWrite: 9,
  concatString: 31, // concat_2 30.98
});
/**
 * The same of conformance/reference/go1.26/lib_costs.json (go1.26.8, quiet: foreignCpu 0.028): sort.Ints is
 * slices.Sort's generic pdqsortOrdered (no call per comparison) and its floats print faster; its maps
 * (Swiss tables) and strings cost a little more.
 */
export const libCosts126: Readonly<LibCosts> = Object.freeze({
  sortCmp: 5.4,
  sortStringCmp: 17,
  sortFuncCmp: 10, // sort_slice_cmp 10.41 − 4 counted ops
  mapNewKey: 78, // 93.98 − 15.69
  strconvFormat: 28,
  strconvParse: 18,
  strconvFloat: 77,
  fmtArg: 49, // (134.8 / 3 + 214.1 / 4) / 2
  stringsBuild: 160, // 317.7 / 2
  stringsSearch: 14,
  memmoveNsPerByte: 0.015, // 124.5 / 8192
  mapIterNext: 19,
  builderWrite: 13,
  concatString: 42, // concat_2 41.57
});

/**
 * The counted operations of one gc_alloc_loop.go iteration besides its allocation (the loop's condition
 * and step, `&node{}`'s assignment, `n.val[0] = int64(i)`, `live[i&(liveN-1)] = n`), which the model
 * charges at `op` each besides `malloc`.
 */
export const allocLoopOps = 11;

/**
 * mallocgc of a small object (`malloc`) from a release's conformance/reference/<release>/gc_alloc_loop.json
 * p1 medians (GOGC=100, GOMAXPROCS=1: the heap is reused, so no fresh memory's page faults): the
 * mutator's ns per `&node{}` iteration (calibration.ts allocLoopMutatorNs: loop_ms × (1 − gc_cpu_pct) /
 * 3M) less what the model charges for the rest of the iteration (allocLoopOps × op) and for the
 * sweeping the loop's goroutine does at GOMAXPROCS=1 (allocLoopSweepNs at the release's sweepSpanNs:
 * the model charges each span it sweeps, runtime/mgc.ts deductSweepCredit). 3 significant digits. Not
 * from cpu_costs.go: its loops do not allocate (except loop_append, whose growth `append` holds).
 */
export function mallocNsFromMeasurements(p1: AllocLoopMeasurements, op: number, sweepSpanNs: number): number {
  return significant(allocLoopMutatorNs(p1) - allocLoopOps * op - allocLoopSweepNs(p1, sweepSpanNs), 3);
}

/**
 * mallocNsFromMeasurements of go1.19.8's gc_alloc_loop.json p1 (quiet machine, 5 runs): loop_ms 178.0 ×
 * (1 − 24.2 %) / 3M = 45.0 ns − 11 × 0.092 ns − the sweep, 28 cycles × 13 MB / 8 KiB × 178 ns / 3M =
 * 2.8 ns. go1.19's mallocgc is slower than go1.26's (below).
 */
const mallocNs119 = 41.2;
/**
 * The same of go1.26.8's (quiet, 5 runs): loop_ms 129.9 × (1 − 20.0 %) / 3M = 34.7 ns − 11 × 0.092 ns −
 * 26 cycles × 12 MB / 8 KiB × 237 ns / 3M = 3.2 ns.
 */
export const allocCosts126: Readonly<Pick<GoCpuCosts, 'malloc'>> = Object.freeze({ malloc: 30.5 });

/** cpu_chain_costs.go's figures: ns per iteration of each loop shape (MEASURE names). */
export type ChainMeasurements = Record<'loop_empty' | 'chain_mul' | 'chain_lcg' | 'chain_xorshift' | 'chain_add_shift' | 'fnv64_bytes' | 'fnv32_bytes' | 'indep_mul_bytes' | 'chain_load' | 'chain_ptr' | 'chain_float', number>;

/**
 * The chain latencies from cpu_chain_costs.json's fastest run of each shape (`min`; each run reports its
 * fastest of 15 interleaved batches). A latency is what an uncontended chain takes: on the 2-vCPU
 * recording machine other jobs' work only lengthens it, and by much (the same binary's xorshift chain
 * measured 1.64 ns quiet and 2.2–2.6 ns next to three conformance runs, in every batch of a run: the
 * other vCPU's work shares the core's execution units), so the runs' median is the load's, not the code's.
 * `chainAlu` is chain_xorshift's six dependent
 * shifts and xors per iteration / 6, `chainMul` chain_mul's one imul per iteration, `chainFloat`
 * chain_float's multiply and add / 2, `chainLoad` chain_ptr's one load per iteration, `chainIndexLoad`
 * chain_load's less its xor and and (2 × chainAlu). chain_lcg (imul + add), chain_add_shift (three ALU
 * ops) and the FNV-1a hashes (xor + imul per byte) are the check (test/golang/cost.test.ts): the sums of
 * these match them within 3 %.
 */
export function chainCostsFromMeasurements(m: ChainMeasurements): ChainCosts {
  const chainAlu = significant(m.chain_xorshift / 6, 3);
  return {
    chainAlu,
    chainMul: significant(m.chain_mul, 3),
    chainFloat: significant(m.chain_float / 2, 3),
    chainLoad: significant(m.chain_ptr, 3),
    chainIndexLoad: significant(m.chain_load - 2 * chainAlu, 3),
  };
}
type ChainCosts = Pick<GoCpuCosts, 'chainAlu' | 'chainMul' | 'chainFloat' | 'chainLoad' | 'chainIndexLoad'>;

/**
 * chainCostsFromMeasurements of conformance/reference/go1.19/cpu_chain_costs.json (go1.19.8, 5 runs,
 * GOMAXPROCS=1, recorded 2026-12-07 21:03 UTC next to other jobs: foreignCpu 0.67; the fastest runs are
 * the quiet machine's figures, loop_empty 0.271 ns, one cycle: 1, 3, 3, 4 and 5 cycles). The go1.26.8
 * recording is the same hardware latency within 3 % (test/golang/cost.test.ts): one set for both releases.
 */
export const chainCosts119: Readonly<ChainCosts> = Object.freeze({
  chainAlu: 0.274, // chain_xorshift 1.646 / 6
  chainMul: 0.812, // chain_mul 0.8122
  chainFloat: 0.819, // chain_float 1.637 / 2
  chainLoad: 1.09, // chain_ptr 1.093
  chainIndexLoad: 1.37, // chain_load 1.917 − 2 × 0.274
});

export const defaultGoCpuCosts: Readonly<GoCpuCosts> = Object.freeze({
  op: 0.092, // median of 0.093, 0.069, 0.126, 0.092, 0.157, 0.075 ns per counted op (cpu_costs.json)
  call: 1.1, // loop_call 1.65 ns − 6 ops × 0.092
  mapAccess: 5.1, // loop_map 5.69 ns − 6 ops × 0.092
  append: 2.8, // loop_append 3.17 ns − 4 ops × 0.092
  malloc: mallocNs119, // go1.19 gc_alloc_loop.json p1 (see mallocNsFromMeasurements)
  atomic: 2.4, // calibrate.json mutex_uncontended_ns 4.89 / 2: an uncontended Lock+Unlock is one LOCK CMPXCHG and one LOCK XADD (both inlined)
  ...libCosts119,
  ...httpCosts119,
  ...netCosts119,
  ...chainCosts119,
});

/** cpu_costs.go's figures: ns per iteration of each loop shape (MEASURE loop_*). */
export type LoopMeasurements = Record<'loop_empty' | 'loop_sum' | 'loop_count_until' | 'loop_slice' | 'loop_arith' | 'loop_nested' | 'loop_call' | 'loop_map' | 'loop_append', number>;

/**
 * The operations this compiler counts per iteration of each of cpu_costs.go's loop shapes (the loop's
 * condition and step included): ns per iteration / ops is that shape's ns per counted operation.
 */
const opsPerIteration = { loop_empty: 3, loop_sum: 4, loop_count_until: 5, loop_slice: 6, loop_arith: 7, loop_nested: 4, loop_call: 6, loop_map: 6, loop_append: 4 } as const;

/** 2 significant digits: the loops' run-to-run spread is larger than that. */
function nice2(x: number): number {
  return significant(x, 2);
}

/**
 * The fit documented above, from cpu_costs.go's medians and calibrate.go's uncontended Lock+Unlock:
 * `op` is the lower median of the six simple shapes' ns per counted operation, `call`, `mapAccess` and
 * `append` what their loops take beyond their counted operations, `atomic` half a Lock+Unlock.
 * defaultGoCpuCosts is this of go1.19's recordings (test/golang/cost.test.ts checks it).
 */
export function goCpuCostsFromMeasurements(m: LoopMeasurements, mutexUncontendedNs: number): GoCpuCosts {
  const simple = (['loop_empty', 'loop_sum', 'loop_count_until', 'loop_slice', 'loop_arith', 'loop_nested'] as const).map((k) => m[k] / opsPerIteration[k]).sort((a, b) => a - b);
  const op = nice2(simple[(simple.length - 1) >> 1]!);
  return {
    op,
    call: nice2(m.loop_call - opsPerIteration.loop_call * op),
    mapAccess: nice2(m.loop_map - opsPerIteration.loop_map * op),
    append: nice2(m.loop_append - opsPerIteration.loop_append * op),
    atomic: nice2(mutexUncontendedNs / 2),
    malloc: mallocNs119,
    ...libCosts119,
    ...httpCosts119,
    ...netCosts119,
    ...chainCosts119,
  };
}

/**
 * What a later release's compiled code costs, where it differs from go1.19's: cpu_costs.go's go1.19
 * medians times the release's median ratio to go1.19 in back-to-back pairs (the ratio of
 * conformance/reference/release-costs.json; see src/runtime/cost.ts releaseCosts for why pairs), through
 * goCpuCostsFromMeasurements. go1.26.8's compiler makes calls cheaper (register ABI and inlining work
 * since 1.19) and its maps (Swiss tables, 1.24) and nested loops of this shape dearer.
 */
export const releaseGoCpuCosts: Readonly<Record<GoRelease, Readonly<Partial<GoCpuCosts>>>> = Object.freeze({
  '1.19': Object.freeze({}),
  '1.26': Object.freeze({
    // release-costs:1.26 begin
    call: 0.82,
    mapAccess: 6,
    append: 3.3,
    atomic: 2.3,
    // release-costs:1.26 end
    ...libCosts126,
    ...httpCosts126,
    ...netCosts126,
    ...allocCosts126,
  }),
});
