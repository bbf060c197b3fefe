/**
 * The run state of a Go program's standard library: one Process per run, made when the program's
 * main goroutine starts and handed to the generated code as `$proc`. Nothing the library keeps
 * between calls lives anywhere else, so running a program twice in one process (a sweep, the web
 * app, a test) gives the same fds, ports, file names and random numbers both times.
 *
 * It holds the simulated operating system beneath the program (sys/kernel.ts: files, fds, pipes,
 * standard input), the process's arguments and environment, and the packages' own globals: log's
 * flags and prefix, math/rand's global source, os/signal's receiving goroutine, the loopback
 * network's listeners and ephemeral ports, os.MkdirTemp's names.
 */
import { Finq } from '../rt/mfinal.js';
import { Kernel } from '../../sys/kernel.js';
import type { IoCosts } from '../../sys/costs.js';
import { Rand } from './math_rand.js';
import { PcTable } from './runtime.js';
import type { Listener } from './net.js';
import { type Slice, sliceLit } from '../rt/slices.js';
import { encodeUTF8 } from '../rt/strings.js';
import type { TypeTable } from '../types.js';
import type { GoRelease } from '../../runtime/version.js';
import type { GoCpuCosts } from '../cost.js';

export interface ProcessOptions {
  /** os.Args[0] (Go's build cache path of the binary). */
  argv0: string;
  /** os.Args[1:]. */
  args: string[];
  /** The environment (os.Getenv). */
  env: Record<string, string>;
  /** Standard input's bytes, or a function that gives them when the program first reads fd 0. */
  stdin: Uint8Array | (() => Uint8Array);
  /** Files present when the program starts: path → bytes. */
  files: Record<string, Uint8Array>;
  /** Overrides of the kernel's I/O costs. */
  io: Partial<IoCosts>;
  /** os.ReadFile of an endless device stops after this many bytes (Go's never does: Infinity). */
  deviceReadLimit: number;
}

export class Process {
  readonly kernel: Kernel;
  readonly args: Slice;
  readonly env: Map<string, string>;
  readonly deviceReadLimit: number;
  /** *os.File values of fds 0, 1, 2 (made by package os on first use). */
  stdFiles: unknown[] = [];
  /** log's flags (LstdFlags = Ldate|Ltime) and prefix. */
  logFlags = 3;
  /**
   * runtime.MemProfileRate: 512 KiB in runtime/mprof.go, but schedinit zeroes it when the linker set
   * disableMemoryProfiling (runtime.MemProfile not linked: never here, gmpsim has no heap profiles);
   * the program may set it, nothing samples.
   */
  memProfileRate = 0;
  /** The pcs runtime.Callers/Caller handed out (std/runtime.ts PcTable). */
  readonly pcs = new PcTable();
  /** runtime.SetFinalizer's specials, queue and finalizer goroutine (rt/mfinal.ts); the run's heap mark sees them. */
  readonly finq = new Finq();
  logPrefix = '';
  /** math/rand's global source: Go 1.19 seeds it with 1. */
  readonly rand = new Rand();
  /** os/signal.Notify has started the signal_recv goroutine. */
  signalStarted = false;
  /** Loopback listeners by address, and the next ephemeral port. */
  readonly listeners = new Map<string, Listener>();
  nextPort = 40000;
  /** Socket writes so far (the first one pays sys/costs.ts netWriteCold). */
  netWrites = 0;
  /** Names os.MkdirTemp / os.CreateTemp made so far (Go draws random digits; we count). */
  tmpSeq = 0;
  /**
   * The program's type table (its compilation's descriptors): package reflect interns the types it
   * makes at run time there (std/reflect.ts), so they are the program's own descriptors.
   */
  types: TypeTable | null = null;
  /** Package flag's CommandLine and its Usage variable (std/flag.ts FlagState), made on first use. */
  flagState: unknown = null;
  /** Package net/http's DefaultServeMux and DefaultTransport (std/net_http.ts HttpState), made on first use. */
  httpState: unknown = null;
  /** The release the program was compiled for and its CPU cost model (what library code running on its own goroutines charges). */
  release: GoRelease = '1.26';
  cpu: GoCpuCosts | null = null;

  constructor(o: ProcessOptions) {
    this.kernel = new Kernel(o.io, o.files, o.stdin);
    this.args = sliceLit([o.argv0, ...o.args].map(encodeUTF8));
    this.env = new Map(Object.entries(o.env));
    this.deviceReadLimit = o.deviceReadLimit;
    this.rand.Seed(1);
  }
}
