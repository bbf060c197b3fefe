/**
 * Checker errors: every program in gotests/errors/ must fail to compile with exactly the messages
 * `go build` printed, per release (gotests/reference/go<release>/err_<name>.json, recorded by
 * `node gotests/record.mjs --go <release>`). Exit status 1, as `go run` / `go build`. Programs pinned in
 * gotests/known-failures.json for a release (`err_<name>`, with the cause) must still differ.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorCorpus, reference, root, runGo, recordedReleases, knownFailures, refDir } from './harness.js';

for (const release of recordedReleases()) {
  describe(`checker errors vs go${release} \`go build\``, () => {
    const pinned = knownFailures(release);
    const names = errorCorpus().filter((n) => existsSync(join(refDir(release), `err_${n}.json`)));
    for (const name of names) {
      it(name, () => {
        const ref = reference(`err_${name}`, release);
        const { compile: raw, res } = runGo(readFileSync(join(root, 'errors', `${name}.go`), 'utf8'), {}, {}, 20e9, release);
        // gotests/record.mjs writes the build directory as `.` (go1.19's "cannot infer T (/abs/main.go:5:8)");
        // gmpsim's is CompileOptions.dir, /tmp/gmpsim
        const compile = raw === null ? null : raw.split('/tmp/gmpsim').join('.');
        const cause = pinned[`err_${name}`];
        if (cause !== undefined) {
          expect(cause.length, `no cause for err_${name}`).toBeGreaterThan(20);
          expect(compile, `err_${name} now matches go${release}: remove it from gotests/known-failures.json`).not.toBe(ref.buildErrors ?? null);
          return;
        }
        if (ref.buildErrors === undefined) {
          // this release's language accepts the program (go1.22's range over int): it must compile and run as recorded
          expect(compile).toBeNull();
          expect(res!.stdout).toBe(ref.stdout);
          expect(res!.exitCode).toBe(ref.exit);
          return;
        }
        expect(ref.exit).toBe(1);
        expect(compile).toBe(ref.buildErrors);
      });
    }
    it('every pinned err_ program has a reference', () => {
      for (const name of Object.keys(pinned).filter((n) => n.startsWith('err_'))) {
        expect(names.includes(name.slice(4)), `${name} is pinned but has no go${release} reference`).toBe(true);
      }
    });
  });
}

describe('checker state', () => {
  it("a const declaration that fails to compile does not leave its iota behind for the next compilation (iota_bad_const, then iota_outside)", () => {
    // The checker's iota used to be module state set around each ConstSpec: an error inside the spec
    // skipped the reset, and the next program's `x := iota` compiled instead of failing as in Go.
    for (const name of ['iota_bad_const', 'iota_outside']) {
      const { compile } = runGo(readFileSync(join(root, 'errors', `${name}.go`), 'utf8'));
      expect(compile, name).toBe(reference(`err_${name}`).buildErrors);
    }
  });
});
