/**
 * Checker errors: every program in gotests/errors/ must fail to compile with exactly the messages
 * `go build` (go1.19) printed, recorded by gotests/record.mjs in gotests/reference/err_<name>.json.
 * Exit status 1, as `go run` / `go build`.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCorpus, reference, root, runGo } from './harness.js';

describe('checker errors vs go1.19 `go build`', () => {
  for (const name of errorCorpus()) {
    it(name, () => {
      const ref = reference(`err_${name}`);
      expect(ref.exit).toBe(1);
      const { compile } = runGo(readFileSync(join(root, 'errors', `${name}.go`), 'utf8'));
      expect(compile).toBe(ref.buildErrors);
    });
  }

  it("a const declaration that fails to compile does not leave its iota behind for the next compilation (iota_bad_const, then iota_outside)", () => {
    // The checker's iota used to be module state set around each ConstSpec: an error inside the spec
    // skipped the reset, and the next program's `x := iota` compiled instead of failing as in Go.
    for (const name of ['iota_bad_const', 'iota_outside']) {
      const { compile } = runGo(readFileSync(join(root, 'errors', `${name}.go`), 'utf8'));
      expect(compile, name).toBe(reference(`err_${name}`).buildErrors);
    }
  });
});
