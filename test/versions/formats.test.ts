/**
 * What a program prints under each Go release: gmpsim run with `--go <release>` against recordings of
 * the same program on the real toolchain (test/versions/recorded/*.json, made by
 * tools/record-versions.mjs with go1.19.8 = /usr/lib/go-1.19/bin/go and go1.26.8 = /usr/local/go/bin/go;
 * each file names its `go version`).
 *
 * Compared, as a skeleton of the output (see `skeleton`): the exit status, stdout, the message block
 * (panic chains with `[recovered]` / `[recovered, repanicked]`, `fatal error: …`), every goroutine
 * header with its id, wait reason and (1.26, at throw level) `gp=… m=…`, every `created by f[ in
 * goroutine N]` line of a user goroutine, and a throw's `runtime stack:` functions. Addresses and
 * argument words print as 0x0 in gmpsim; file:line lines and runtime-internal frames of user
 * goroutines (gopark, chanrecv…) are not modelled and are left out of the skeleton, as are the
 * `created by` lines of runtime goroutines. A run matches when its skeleton equals the one of any
 * recorded run (real runs differ in thread counts and, at GOMAXPROCS > 1, goroutine ids).
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, gmpsim, root } from '../cli/harness.js';

interface Recording {
  program: string;
  variant: string;
  env: Record<string, string>;
  toolchain: string;
  runs: { exit: number; stdout: string; stderr: string }[];
}

const recDir = path.join(root, 'test/versions/recorded');
const progDir = 'test/versions/programs';
const recordings: Recording[] = fs
  .readdirSync(recDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(recDir, f), 'utf8')) as Recording);

/** "go version go1.26.8 linux/amd64" → "1.26". */
function release(toolchain: string): string {
  const m = /go version go(\d+\.\d+)/.exec(toolchain);
  if (!m) throw new Error(`not a go version line: ${toolchain}`);
  return m[1]!;
}

/** The comparable part of a run's output (see the module note). */
export function skeleton(exit: number, stdout: string, stderr: string): string {
  const lines = stderr.replace(/0x[0-9a-f]+\??/g, '0x0').split('\n');
  const out: string[] = [`exit ${exit}`, `stdout ${JSON.stringify(stdout)}`];
  let i = 0;
  // The message block: up to the first blank line (a compile error's paths are the caller's).
  const msg: string[] = [];
  for (; i < lines.length && lines[i] !== ''; i++) {
    const l = lines[i]!;
    // A crash's scheddetail dump (schedtrace on): its form, and the dying M's line in full but for its ids.
    if (/^(SCHED |  [PMG]\d)/.test(l)) {
      if (/dying=1/.test(l)) msg.push(l.replace(/^  M\d+: p=\S+/, '  MN: p=X'));
      else if (l.startsWith('SCHED ') || l.startsWith('  P')) msg.push(shape(l));
      continue;
    }
    msg.push(l.replace(/^[^\s:]*\.go:/, 'FILE.go:'));
  }
  out.push('message ' + msg.join('\n'));
  let inRuntimeStack = false;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === 'runtime stack:') {
      inRuntimeStack = true;
      out.push(l);
      continue;
    }
    if (l === '') {
      inRuntimeStack = false;
      continue;
    }
    if (inRuntimeStack) {
      if (!l.startsWith('\t')) out.push('  ' + l.replace(/\(.*\)$/, '()'));
      continue;
    }
    if (l.startsWith('goroutine ')) out.push(l.replace(/ m=\d+ /, ' m=N '));
    else if (l.startsWith('created by ') && !l.startsWith('created by runtime.')) {
      out.push(l);
      // A standard-library creator's site is the toolchain's (the program's own path is the caller's).
      const next = lines[i + 1] ?? '';
      if (next.startsWith('\t/usr/')) out.push(next.replace(/ \+0x0$/, ''));
    }
  }
  return out.join('\n');
}

ensureBuilt();

describe('each release prints what its real toolchain prints', () => {
  const cases = recordings.filter((r) => r.program !== 'sched.go');
  it('has recordings of both toolchains', () => {
    const tcs = new Set(recordings.map((r) => r.toolchain));
    expect([...tcs].sort()).toEqual(['go version go1.19.8 linux/amd64', 'go version go1.26.8 linux/amd64']);
    for (const tc of tcs) expect(recordings.filter((r) => r.toolchain === tc && r.program === 'sched.go').map((r) => r.variant).sort()).toEqual(['detail', 'trace']);
  });
  for (const rec of cases) {
    it(`${rec.program} [${rec.variant}] under --go ${release(rec.toolchain)} (${rec.toolchain.split(' ')[2]})`, async () => {
      const env: Record<string, string> = { ...rec.env };
      const o = await gmpsim(['run', '--go', release(rec.toolchain), path.join(progDir, rec.program)], env);
      const got = skeleton(o.code, o.stdout, o.stderr);
      const want = rec.runs.map((r) => skeleton(r.exit, r.stdout, r.stderr));
      if (!want.includes(got)) expect(got, o.stderr).toBe(want[0]);
    });
  }
});

/**
 * A schedtrace/scheddetail line's form: a G's wait reason → (…), numbers (go1.19's −1 for "none"
 * included) → N, true/false → B. What stays is the release's form: field names and order, `nil`,
 * `[ … ]` and `schedticks=`. (The −1 vs nil difference is checked separately.)
 */
function shape(line: string): string {
  return line
    .replace(/(status=\d+)\(.*\)( m=)/, '$1(…)$2')
    .replace(/-?\d+/g, 'N')
    .replace(/\b(true|false)\b/g, 'B');
}

describe('schedtrace and scheddetail lines have the release’s form', () => {
  for (const rec of recordings.filter((r) => r.program === 'sched.go')) {
    it(`${rec.variant} under --go ${release(rec.toolchain)} (${rec.toolchain.split(' ')[2]})`, async () => {
      const o = await gmpsim(['run', '--go', release(rec.toolchain), path.join(progDir, rec.program)], rec.env);
      expect(o.code, o.stderr).toBe(0);
      const real = new Set(rec.runs.flatMap((r) => r.stderr.split('\n').filter((l) => l !== '').map(shape)));
      const mine = o.stderr.split('\n').filter((l) => l !== '');
      expect(mine.length).toBeGreaterThan(0);
      for (const l of mine) expect(real.has(shape(l)), `${l}\nis not of a form go ${release(rec.toolchain)} prints:\n${[...real].join('\n')}`).toBe(true);
      // "none" is -1 in go1.19 and nil in go1.26, in every P, M and G line.
      if (release(rec.toolchain) === '1.19') expect(o.stderr).not.toMatch(/=nil\b/);
      else expect(o.stderr).not.toMatch(/=-1\b/);
      // Every kind of line the release prints appears (SCHED, and with scheddetail P, M and G lines).
      const kinds = (ls: Iterable<string>): string[] => [...new Set([...ls].map((l) => l.trim().replace(/^(SCHED|P|M|G).*$/, '$1')))].sort();
      expect(kinds(mine)).toEqual(kinds(real));
    });
  }
});
