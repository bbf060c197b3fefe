/**
 * One run of a loaded workload with resolved settings: the engine, fed the settings, its event
 * log streamed to the sinks (program output in event order, the summary accumulator).
 */
import { E, type RunResult } from '../src/index.js';
import { SummaryAccumulator, type Summary } from '../src/views/summary.js';
import type { Instance } from './load.js';
import type { Settings } from './settings.js';

export interface Sinks {
  /** Program output (E.Write events), in event order. */
  write?: (fd: number, text: string) => void;
  /** Compute the summary (from the log's events, as they happen). */
  summary?: boolean;
  /** Keep the event log in memory (plots). */
  storeLog?: boolean;
}

export interface Executed {
  result: RunResult;
  summary: Summary | null;
  wallMs: number;
}

export function execute(inst: Instance, settings: Settings, file: string, sinks: Sinks): Executed {
  if (inst.params) Object.assign(inst.params, settings.params);
  const rt = new inst.Runtime({
    main: inst.main,
    gomaxprocs: settings.gomaxprocs,
    ncpu: settings.ncpu,
    seed: settings.seed,
    godebug: settings.godebug,
    cost: settings.costOverrides,
    linksOS: settings.linksOS,
    linksCgo: settings.linksCgo,
    until: settings.until ?? undefined,
    maxEvents: settings.maxEvents,
    // Plots replay the stored log; otherwise listeners are enough.
    storeLog: sinks.storeLog === true,
    file,
  });
  // The runtime boots in run(): listeners attached here see every event from schedinit on.
  const log = rt.log;
  const write = sinks.write;
  if (write) {
    log.listen((_t, k, _g, _m, _p, a, b) => {
      if (k === E.Write) write(a, log.string(b));
    });
  }
  const acc = sinks.summary ? new SummaryAccumulator(log) : null;
  if (acc) log.listen(acc.event);
  const t0 = performance.now();
  const result = rt.run();
  const wallMs = performance.now() - t0;
  return { result, summary: acc ? acc.result(result.simTime) : null, wallMs };
}
