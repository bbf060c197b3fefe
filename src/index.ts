/**
 * gmpsim: the Go runtime scheduler as a deterministic discrete-event simulation.
 * Public entry point: the workload API (what a workload imports) and the engine (run, options,
 * results, the event log).
 */
export * from './workload/api.js';
export { K, type Op, type GoBody, type GoFunc, type SelectCase } from './workload/ops.js';
export { run, Runtime, parseGODEBUG, defaultGodebug, godebugKeys, libraryGodebugKeys, fmtDuration, defaultMaxEvents, type RunOptions, type RunResult, type GodebugFlags, type EndReason, type Watchdog, type TracebackStyle } from './runtime/runtime.js';
export { defaultCosts, costsFor, releaseCosts, costValueError, maxCostNs, costNames, costDocs, isFractionCost, costTableMarkdown, type CostModel } from './runtime/cost.js';
export { defaultIoCosts, ioCostNames, ioCostDocs, perByteIoCosts, ioCostValueError, type IoCosts } from './sys/costs.js';
export { EventLog, E, Loc, MS, EventName, FoundBy, RetakeWhy, ExitPath, type EventRecord, type EventKind, type EventColumns } from './log/events.js';
export { PollDesc } from './runtime/netpoll.js';
export { defaultNcpu } from './runtime/os.js';
export { profiles, goReleases, defaultRelease, fallbackRelease, defaultReleaseWhy, parseGoRelease, langMinor, moduleGODEBUG, profileFieldDocs, type GoRelease, type VersionProfile, type ProfileFieldDoc } from './runtime/version.js';
export { defaultGOMAXPROCS, normalizeQuota, quotaAt, maxprocsUpdatePeriod, type CpuQuotaStep } from './runtime/maxprocs.js';
export { gcOptionsFromEnv, GCPhase, GCTrigger, GCMarkWorkerMode, STWReason, gctraceLine, type GCOptions, type GCCycleRecord, type MemStatsSnapshot } from './runtime/mgc.js';
