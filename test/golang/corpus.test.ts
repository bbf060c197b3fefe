/**
 * The Go corpus (gotests/*.go) on the simulated runtime vs. real go1.19 (Debian golang-1.19-go),
 * whose stdout, normalised stderr and exit status were recorded by gotests/record.mjs into
 * gotests/reference/<name>.json. Programs that real Go does not compile are compared with
 * `go build`'s messages.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, reference, root, runGo, normStderr } from './harness.js';

/** stderr is compared in full where it is deterministic (panics, deadlocks); these differ by design. */
const stderrSkip = new Set<string>([]);

describe('gotests corpus vs go1.19 references', () => {
  for (const name of corpus()) {
    it(name, () => {
      const ref = reference(name);
      const src = readFileSync(join(root, `${name}.go`), 'utf8');
      const { compile, res } = runGo(src, ref.env ?? {}, {}, ref.timedOut ? 200e6 : 20e9);
      if (ref.buildErrors !== undefined) {
        expect(compile).toBe(ref.buildErrors);
        return;
      }
      expect(compile).toBeNull();
      if (ref.timedOut) {
        // Real Go was killed by the recording timeout: the simulation must still be running at its budget.
        expect(res!.reason).toBe('budget');
        expect(res!.stdout).toBe(ref.stdout);
        return;
      }
      expect(res!.stdout).toBe(ref.stdout);
      expect(res!.exitCode).toBe(ref.exit);
      if (stderrSkip.has(name)) return;
      // With 2 or more Ps goroutine ids depend on which P main runs on after the startup races
      // (runtime-spec §21.8; go1.19 gave 17 in 8 and 5 in 2 of 10 runs of
      // conformance/programs/deadlock_text.go): compare them up to the ids there.
      const multiP = (ref.env?.GOMAXPROCS ?? '2') !== '1';
      const ids = (t: string): string => (multiP ? t.replace(/goroutine \d+/g, 'goroutine N') : t);
      expect(ids(normStderr(res!.stderr))).toBe(ids(normStderr(ref.stderr ?? '')));
    });
  }
});
