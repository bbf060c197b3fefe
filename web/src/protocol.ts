/**
 * Messages between the page and the engine worker. The worker owns everything that executes user
 * code (transpile + evaluate + run); the page only receives plain data: the event log's columns
 * (transferred, not copied) and its string table.
 */
import type { EventColumns } from '../../src/index.js';

/** What the page runs: a TypeScript workload, a Go program, or a real program's execution trace (replayed). */
export type Lang = 'ts' | 'go' | 'trace';

/** Run settings; an absent field means "the workload's exported config, else the default". */
export interface Knobs {
  /** The Go release (the CLI's --go): "1.19", "1.26"; absent: the workload's config.go, else the default. */
  go?: string;
  /** Also run every release and show the A/B summary (the CLI's --go 1.19,1.26 --summary). */
  compare?: boolean;
  gomaxprocs?: number;
  seed?: number;
  /** GODEBUG string, e.g. "schedtrace=10,asyncpreemptoff=1". */
  godebug?: string;
  /** Cost model overrides (ns), only the changed ones. */
  cost: Record<string, number>;
  /** Event budget (the CLI's --max-events). */
  maxEvents?: number;
  /** Values for the workload's exported `params` (the CLI's --param name=value). */
  params?: Record<string, number | string | boolean>;
  /** A replayed trace's capacity knobs (the CLI's --scale-cpu, --scale-syscalls, --scale-network): factors on the traced times. */
  scale?: { cpu?: number; syscalls?: number; network?: number };
  /** A replayed trace: also replay the tracer's and profiler's own goroutines (the CLI's --keep-tracing). */
  keepTracing?: boolean;
}

/** The settings a run actually used. */
export interface Effective {
  /** The Go release the run followed. */
  go: string;
  gomaxprocs: number;
  seed: number;
  godebug: string;
  maxEvents: number;
  ncpu: number;
}

export interface RunRequest {
  type: 'run';
  lang: Lang;
  /** The source (ts, go); empty for a trace. */
  code: string;
  /** lang 'trace': the execution trace's bytes (go1.22+: runtime/trace, `go test -trace`). */
  trace?: ArrayBuffer;
  file: string;
  knobs: Knobs;
  /**
   * Wall-clock budget of the run (ms): the engine stops the run there (exit 124) and sends what it
   * has. A workload that stops yielding never reaches that check; the page kills the worker a little
   * later and shows the last progress (RunProgress).
   */
  wallMs: number;
}

/**
 * The run so far, sent by the worker every `progressEveryMs` of wall time while it runs: the events
 * and strings added since the previous progress message (EventLog.toColumns(from, stringsFrom)),
 * and the output so far. The page keeps them only to show a run it has to kill.
 */
export interface RunProgress {
  type: 'progress';
  cols: EventColumns;
  stdout: string;
  stderr: string;
  simTime: number;
  events: number;
  effective: Effective;
}

export interface WorkloadError {
  /** 'syntax' (transpile), 'load' (evaluating the module), 'options' (bad knobs). */
  /** syntax: the parser's; compile: Go's type checker (or an unsupported construct); load: the workload would not start; options: a knob. */
  kind: 'syntax' | 'compile' | 'load' | 'options';
  message: string;
  /** 1-based line in the user's source, when known. */
  line?: number;
  column?: number;
}

export interface RunDone {
  type: 'done';
  exitCode: number;
  reason: 'exit' | 'fatal' | 'panic' | 'budget' | 'hang';
  message: string;
  simTime: number;
  events: number;
  stdout: string;
  stderr: string;
  effective: Effective;
  /** The workload's `params` defaults. */
  params: Record<string, number | string | boolean>;
  godebugWarnings: string[];
  /** With Knobs.compare: the A/B summary of the workload under every release (formatSummaryAB). */
  ab?: string;
  /** A replayed trace: the replay next to the traced run (src/trace/whatif.ts formatWhatIf, as `gmpsim replay --summary`). */
  whatif?: string;
  wallMs: number;
  /** The run ended at the page's wall-clock limit (its message says how), not by itself. */
  wallStopped?: boolean;
  cols: EventColumns;
}

export interface RunFailed {
  type: 'error';
  error: WorkloadError;
}

export type WorkerReply = RunDone | RunFailed | RunProgress;
