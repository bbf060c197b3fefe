/**
 * The Go corpus (gotests/*.go) on the simulated runtime vs. real Go, per release: each program runs under
 * the profile of every release whose toolchain recorded it (`node gotests/record.mjs --go <release>` →
 * gotests/reference/go<release>/<name>.json: stdout, normalised stderr, exit status). Programs that real
 * Go does not compile are compared with `go build`'s messages (errors.test.ts).
 *
 * gotests/known-failures.json pins, per release, the programs whose output gmpsim does not reproduce yet,
 * each with its cause: a pinned program must still differ (when it passes, the pin has to go), every other
 * program must match.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, reference, root, runGo, normStderr, recordedReleases, knownFailures } from './harness.js';
import type { GoRelease } from '../../src/runtime/version.js';

/** The first difference between gmpsim and the reference, or null when they agree. */
function difference(name: string, release: GoRelease): string | null {
  const ref = reference(name, release);
  const src = readFileSync(join(root, `${name}.go`), 'utf8');
  const { compile, res } = runGo(src, ref.env ?? {}, {}, ref.timedOut ? 200e6 : 20e9, release);
  const differ = (what: string, want: unknown, got: unknown): string | null =>
    want === got ? null : `${what}: real ${JSON.stringify(want)}, gmpsim ${JSON.stringify(got)}`;
  if (ref.buildErrors !== undefined) return differ('build errors', ref.buildErrors, compile);
  if (compile !== null) return `gmpsim does not compile it: ${compile}`;
  if (ref.timedOut) {
    // Real Go was killed by the recording timeout: the simulation must still be running at its budget.
    return differ('end', 'budget', res!.reason) ?? differ('stdout', ref.stdout, res!.stdout);
  }
  // With 2 or more Ps goroutine ids depend on which P main runs on after the startup races
  // (runtime-spec §21.8; go1.19 gave 17 in 8 and 5 in 2 of 10 runs of
  // conformance/programs/deadlock_text.go): compare them up to the ids there.
  const multiP = (ref.env?.GOMAXPROCS ?? '2') !== '1';
  const ids = (t: string): string => (multiP ? t.replace(/goroutine \d+/g, 'goroutine N') : t);
  return (
    differ('stdout', ref.stdout, res!.stdout) ??
    differ('exit status', ref.exit, res!.exitCode) ??
    differ('stderr', ids(normStderr(ref.stderr ?? '')), ids(normStderr(res!.stderr)))
  );
}

for (const release of recordedReleases()) {
  describe(`gotests corpus vs go${release} references`, () => {
    const pinned = knownFailures(release);
    for (const name of corpus(release)) {
      it(name, () => {
        const diff = difference(name, release);
        if (pinned[name] !== undefined) {
          expect(diff, `${name} now matches go${release}: remove it from gotests/known-failures.json`).not.toBeNull();
        } else {
          expect(diff).toBeNull();
        }
      });
    }
    it('every pinned failure names a program of this corpus and its cause', () => {
      const names = new Set(corpus(release));
      for (const [name, cause] of Object.entries(pinned)) {
        if (name.startsWith('err_')) continue; // errors.test.ts
        expect(names.has(name), `${name} is pinned but has no go${release} reference`).toBe(true);
        expect(cause.length, `no cause for ${name}`).toBeGreaterThan(20);
      }
    });
  });
}
