// The recorders' command lines: a missing or unknown toolchain is a usage error with the reason and how
// to install the right toolchain, never a Node stack trace (the guide's "bad input gets a clear error").
// Before resolveGoOrExit (conformance/toolchain.mjs), `node corpus/record.mjs` without --go died with
// `Error: say which Go toolchain…` and six `at …` frames.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
    // the corpus comparison (npm run corpus): `--go 1.26` died with `Error: unknown option --go` and a stack
    ['dist/corpus/compare.js', ['--frob'], /^corpus: unknown argument --frob \(usage: corpus /m],
    ['dist/corpus/compare.js', ['--go', '1.20'], /^corpus: --go 1\.20: the corpus is recorded for go1\.19 and go1\.26 only$/m],
    ['dist/corpus/compare.js', ['--root'], /^corpus: --root needs a value$/m],
    ['dist/corpus/compare.js', ['--root', '/nonexistent/corpus'], /^corpus: --root \/nonexistent\/corpus: no such directory$/m],
    ['dist/corpus/compare.js', ['--pin', '--only', 'gotest/ken'], /^corpus: --pin needs the whole corpus: no --only with it$/m],
  ])('%s %j', (script, args, message) => {
    const r = runScript(script, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('corpus/record.mjs on programs that misbehave', () => {
  // A file of a library package builds into an archive, not an executable: spawnSync failed with EACCES,
  // returned no output, and the recorder died in normalise(null) with a TypeError, losing the exclusions
  // it had collected (learngo's corpus, session 9); one that prints without end fills spawnSync's
  // 64 MiB buffer (ENOBUFS). Now both are excluded with the reason, and excluded.json is written after
  // every program, so `--missing` resumes an interrupted recording.
  it('excludes a program that writes more than 64 MiB, and --missing skips what is recorded', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-rec-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'flood.go'), 'package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n\nfunc main() {\n\ts := strings.Repeat("x", 1<<20)\n\tfor {\n\t\tfmt.Println(s)\n\t}\n}\n');
      fs.writeFileSync(path.join(dir, 'src', 'lib.go'), 'package lib\n\nfunc Hello() string { return "hi" }\n');
      fs.writeFileSync(path.join(dir, 'src', 'hello.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n');
      const r = runScript('corpus/record.mjs', ['--go', '1.26', '--root', dir]);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.status).toBe(0);
      const ex = JSON.parse(fs.readFileSync(path.join(dir, 'reference', 'go1.26', 'excluded.json'), 'utf8')) as Record<string, string>;
      expect(ex).toEqual({ 'src/flood': 'writes more than 64 MiB of output', 'src/lib': 'not a command: go build made no executable (its package is not main)' });
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'reference', 'go1.26', 'src', 'hello.json'), 'utf8')).stdout).toBe('hi\n');
      const again = spawnSync(process.execPath, [path.join(root, 'corpus/record.mjs'), '--go', '1.26', '--root', dir, '--missing'], { encoding: 'utf8', timeout: 60_000 });
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/: 0 recorded, 2 excluded in total/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
