// The recorders' command lines: a missing or unknown toolchain is a usage error with the reason and how
// to install the right toolchain, never a Node stack trace (the guide's "bad input gets a clear error").
// Before resolveGoOrExit (conformance/toolchain.mjs), `node corpus/record.mjs` without --go died with
// `Error: say which Go toolchain…` and six `at …` frames.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function runScript(script: string, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, script), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

describe('recorder scripts refuse a bad --go with a clear error', () => {
  it.each([
    ['corpus/record.mjs', [] as string[], /corpus\/record: say which Go toolchain to record with: --go RELEASE/],
    ['corpus/record.mjs', ['--go', '1.20'], /corpus\/record: --go 1\.20: gmpsim has profiles for .*1\.19.*1\.26 only/],
    ['gotests/record.mjs', ['--go', '/nonexistent/bin/go', 'x'], /gotests\/record: --go \/nonexistent\/bin\/go: `\/nonexistent\/bin\/go version` does not run/],
    // the comparison's own command line (npm run conformance; built by npm test's build step)
    ['dist/conformance/compare.js', ['--go', '1.26', '--write'], /^conformance: --write regenerates the document of every release: no --go with it$/m],
    ['dist/conformance/compare.js', ['--frob'], /^conformance: unknown argument --frob$/m],
  ])('%s %j', (script, args, message) => {
    const r = runScript(script, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
