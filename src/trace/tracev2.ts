/**
 * The wire format of Go's execution traces since Go 1.22 ("tracev2"): what the runtime's tracer writes
 * (runtime/traceevent.go, tracebuf.go, tracestack.go, tracestring.go, tracetime.go) and what the Go team's
 * parser reads (internal/trace/tracev2/events.go, internal/trace/version). Shared by the writer
 * (src/views/gotrace.ts) and the reader (src/trace/reader.ts); it holds no state.
 *
 * What it models: the event types and their arguments, the trace versions that use them, the goroutine
 * and P statuses written at the start of a generation, and the format's size limits.
 *
 * Versions: the header names the version ("go 1.N trace\0\0\0", internal/trace/version). Go 1.22 (v2
 * format) added everything up to EvUserLog; 1.23 coroutine switches, GoStatusStack and experimental
 * batches; 1.25 the sync batch (EvSync, EvClockSnapshot; before it a generation's lone EvFrequency batch);
 * 1.26 the in-band EvEndOfGeneration. Go 1.11–1.21 wrote another format ("v1"), not read here.
 */

/** tracev2 event types (internal/trace/tracev2/events.go, go1.26.8). */
export const Ev = {
  None: 0,
  // Structural events.
  EventBatch: 1,
  Stacks: 2,
  Stack: 3,
  Strings: 4,
  String: 5,
  CPUSamples: 6,
  CPUSample: 7,
  Frequency: 8,
  // Procs.
  ProcsChange: 9,
  ProcStart: 10,
  ProcStop: 11,
  ProcSteal: 12,
  ProcStatus: 13,
  // Goroutines.
  GoCreate: 14,
  GoCreateSyscall: 15,
  GoStart: 16,
  GoDestroy: 17,
  GoDestroySyscall: 18,
  GoStop: 19,
  GoBlock: 20,
  GoUnblock: 21,
  GoSyscallBegin: 22,
  GoSyscallEnd: 23,
  GoSyscallEndBlocked: 24,
  GoStatus: 25,
  // STW.
  STWBegin: 26,
  STWEnd: 27,
  // GC.
  GCActive: 28,
  GCBegin: 29,
  GCEnd: 30,
  GCSweepActive: 31,
  GCSweepBegin: 32,
  GCSweepEnd: 33,
  GCMarkAssistActive: 34,
  GCMarkAssistBegin: 35,
  GCMarkAssistEnd: 36,
  HeapAlloc: 37,
  HeapGoal: 38,
  // Annotations.
  GoLabel: 39,
  UserTaskBegin: 40,
  UserTaskEnd: 41,
  UserRegionBegin: 42,
  UserRegionEnd: 43,
  UserLog: 44,
  // Coroutines (Go 1.23).
  GoSwitch: 45,
  GoSwitchDestroy: 46,
  GoCreateBlocked: 47,
  // GoStatus with a stack (Go 1.23).
  GoStatusStack: 48,
  // An experiment's batch (Go 1.23).
  ExperimentalBatch: 49,
  // Sync batch (Go 1.25).
  Sync: 50,
  ClockSnapshot: 51,
  // In-band end of a generation (Go 1.26).
  EndOfGeneration: 52,
  // Experimental events (AllocFree experiment, Go 1.23): MaxEvent = 127, then these.
  Span: 128,
  SpanAlloc: 129,
  SpanFree: 130,
  HeapObject: 131,
  HeapObjectAlloc: 132,
  HeapObjectFree: 133,
  GoroutineStack: 134,
  GoroutineStackAlloc: 135,
  GoroutineStackFree: 136,
} as const;

/** The trace versions this format covers (internal/trace/version: Go122…Go126). */
export const Version = { Go122: 22, Go123: 23, Go125: 25, Go126: 26 } as const;
/** Versions written by Go 1.11–1.21 in the older format (internal/trace/version Go111, Go119, Go121). */
export const v1Versions: readonly number[] = [11, 19, 21];
/** The last event type each version knows (internal/trace/version: versions[...] = Specs()[:N+1]). */
const lastEventOf: Record<number, number> = {
  [Version.Go122]: Ev.UserLog,
  [Version.Go123]: Ev.ExperimentalBatch,
  [Version.Go125]: Ev.ClockSnapshot,
  [Version.Go126]: Ev.EndOfGeneration,
};

/** One event type: its name, how many arguments follow the type byte (a timed event's first one is
 * the timestamp delta), which arguments are stack and string IDs (indices into the args after the
 * timestamp), and whether it has a timestamp. */
export interface EventSpec {
  name: string;
  /** Arguments after the timestamp delta (timed events) or after the type byte (the others). */
  nargs: number;
  timed: boolean;
  stackArgs: readonly number[];
  stringArgs: readonly number[];
  /** The Begin event a range's Active/End belongs to. */
  startEv?: number;
}

const t = (name: string, nargs: number, stackArgs: number[] = [], stringArgs: number[] = [], startEv?: number): EventSpec => ({
  name,
  nargs,
  timed: true,
  stackArgs,
  stringArgs,
  ...(startEv !== undefined ? { startEv } : {}),
});

/** The timed events, by type (tracev2/events.go specs; args are counted without "dt"). */
export const specs: ReadonlyMap<number, EventSpec> = new Map<number, EventSpec>([
  [Ev.ProcsChange, t('ProcsChange', 2, [1])],
  [Ev.ProcStart, t('ProcStart', 2)],
  [Ev.ProcStop, t('ProcStop', 0)],
  [Ev.ProcSteal, t('ProcSteal', 3)],
  [Ev.ProcStatus, t('ProcStatus', 2)],
  [Ev.GoCreate, t('GoCreate', 3, [2, 1])],
  [Ev.GoCreateSyscall, t('GoCreateSyscall', 1)],
  [Ev.GoStart, t('GoStart', 2)],
  [Ev.GoDestroy, t('GoDestroy', 0)],
  [Ev.GoDestroySyscall, t('GoDestroySyscall', 0)],
  [Ev.GoStop, t('GoStop', 2, [1], [0])],
  [Ev.GoBlock, t('GoBlock', 2, [1], [0])],
  [Ev.GoUnblock, t('GoUnblock', 3, [2])],
  [Ev.GoSyscallBegin, t('GoSyscallBegin', 2, [1])],
  [Ev.GoSyscallEnd, t('GoSyscallEnd', 0, [], [], Ev.GoSyscallBegin)],
  [Ev.GoSyscallEndBlocked, t('GoSyscallEndBlocked', 0, [], [], Ev.GoSyscallBegin)],
  [Ev.GoStatus, t('GoStatus', 3)],
  [Ev.STWBegin, t('STWBegin', 2, [1], [0])],
  [Ev.STWEnd, t('STWEnd', 0, [], [], Ev.STWBegin)],
  [Ev.GCActive, t('GCActive', 1, [], [], Ev.GCBegin)],
  [Ev.GCBegin, t('GCBegin', 2, [1])],
  [Ev.GCEnd, t('GCEnd', 1, [], [], Ev.GCBegin)],
  [Ev.GCSweepActive, t('GCSweepActive', 1, [], [], Ev.GCSweepBegin)],
  [Ev.GCSweepBegin, t('GCSweepBegin', 1, [0])],
  [Ev.GCSweepEnd, t('GCSweepEnd', 2, [], [], Ev.GCSweepBegin)],
  [Ev.GCMarkAssistActive, t('GCMarkAssistActive', 1, [], [], Ev.GCMarkAssistBegin)],
  [Ev.GCMarkAssistBegin, t('GCMarkAssistBegin', 1, [0])],
  [Ev.GCMarkAssistEnd, t('GCMarkAssistEnd', 0, [], [], Ev.GCMarkAssistBegin)],
  [Ev.HeapAlloc, t('HeapAlloc', 1)],
  [Ev.HeapGoal, t('HeapGoal', 1)],
  [Ev.GoLabel, t('GoLabel', 1, [], [0])],
  [Ev.UserTaskBegin, t('UserTaskBegin', 4, [3], [2])],
  [Ev.UserTaskEnd, t('UserTaskEnd', 2, [1])],
  [Ev.UserRegionBegin, t('UserRegionBegin', 3, [2], [1])],
  [Ev.UserRegionEnd, t('UserRegionEnd', 3, [2], [1], Ev.UserRegionBegin)],
  [Ev.UserLog, t('UserLog', 4, [3], [1, 2])],
  [Ev.GoSwitch, t('GoSwitch', 2)],
  [Ev.GoSwitchDestroy, t('GoSwitchDestroy', 2)],
  [Ev.GoCreateBlocked, t('GoCreateBlocked', 3, [2, 1])],
  [Ev.GoStatusStack, t('GoStatusStack', 4, [3])],
  [Ev.ClockSnapshot, t('ClockSnapshot', 3)],
  [Ev.Span, t('Span', 3)],
  [Ev.SpanAlloc, t('SpanAlloc', 3)],
  [Ev.SpanFree, t('SpanFree', 1)],
  [Ev.HeapObject, t('HeapObject', 2)],
  [Ev.HeapObjectAlloc, t('HeapObjectAlloc', 2)],
  [Ev.HeapObjectFree, t('HeapObjectFree', 1)],
  [Ev.GoroutineStack, t('GoroutineStack', 2)],
  [Ev.GoroutineStackAlloc, t('GoroutineStackAlloc', 2)],
  [Ev.GoroutineStackFree, t('GoroutineStackFree', 1)],
]);

/** The spec of a timed event `type` in trace version `v`, or undefined when v does not have it. */
export function timedSpec(v: number, type: number): EventSpec | undefined {
  if (type <= 127 && type > (lastEventOf[v] ?? -1)) return undefined;
  if (type > 127 && v < Version.Go123) return undefined;
  return specs.get(type);
}

/** tracev2.GoStatus: a goroutine's status as written in GoStatus events. */
export const GoStatus = { Bad: 0, Runnable: 1, Running: 2, Syscall: 3, Waiting: 4 } as const;
/** tracev2.ProcStatus: a P's status in ProcStatus events (SyscallAbandoned: its M is gone, the P is
 * about to be stolen). */
export const ProcStatus = { Bad: 0, Running: 1, Idle: 2, Syscall: 3, SyscallAbandoned: 4 } as const;

/** tracev2.MaxBatchSize: a batch's data is at most 64 KiB. */
export const maxBatchSize = 64 << 10;
/** tracev2.MaxFramesPerStack. */
export const maxFramesPerStack = 128;
/** tracev2.MaxEventTrailerDataSize: a string is at most 1 KiB. */
export const maxStringSize = 1 << 10;
/** The file header: "go 1.N trace" padded with NULs to 16 bytes (internal/trace/version headerFmt). */
export const headerSize = 16;
export function headerFor(v: number): string {
  return `go 1.${v} trace\x00\x00\x00`;
}
