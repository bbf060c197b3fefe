/**
 * Go syntax errors as the real compilers report them (src/golang/gosyntax): every invalid program in
 * test/golang/syntax/ must fail to compile with exactly what `go run NAME.go` printed on go1.19.8
 * and on go1.26.8, recorded by test/golang/syntax/record.mjs into expected.json (each toolchain's
 * binary and `go version` are stamped there); and every valid program of the project (gotests/,
 * gotests/errors/, conformance/programs/) passes the checker on both releases.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileGo, formatGoErrors } from '../../src/golang/index.js';
import { checkSyntax } from '../../src/golang/gosyntax/check.js';
import { goReleases, type GoRelease } from '../../src/runtime/version.js';

const here = join(import.meta.dirname, 'syntax');
const repo = join(import.meta.dirname, '..', '..');

interface Recorded {
  exit: number;
  stderr: string;
}
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as {
  toolchains: Record<GoRelease, { binary: string; version: string }>;
  cases: Record<string, Record<GoRelease, Recorded>>;
};

/** What gmpsim's compiler prints for the program, as `go run` would (errors under the package header). */
function gmpsimOutput(name: string, release: GoRelease): string {
  const text = readFileSync(join(here, `${name}.go`), 'utf8');
  const r = compileGo([{ name: `${name}.go`, text }], { go: release });
  expect(r.release).toBe(release);
  if (r.ok) return '(compiled)';
  return formatGoErrors(r.errors);
}

describe('syntax errors vs real go run', () => {
  it('the recordings name their toolchains', () => {
    expect(expected.toolchains['1.19'].version).toMatch(/^go version go1\.19\.8 /);
    expect(expected.toolchains['1.26'].version).toMatch(/^go version go1\.26\.8 /);
    expect(Object.keys(expected.cases).length).toBeGreaterThanOrEqual(60);
  });
  for (const release of goReleases)
    describe(`go${release}`, () => {
      for (const [name, rec] of Object.entries(expected.cases)) {
        it(name, () => {
          const want = rec[release];
          // a failed build: go1.19's cmd/go exits 2, go1.26's 1 (cli/load.ts follows CompileResult.release)
          expect(want.exit).toBe(release === '1.19' ? 2 : 1);
          expect(gmpsimOutput(name, release)).toBe(want.stderr);
        });
      }
    });
});

describe('no false syntax errors', () => {
  /** Every .go file of the project outside this corpus: valid programs (Go's own test programs among them). */
  function goFiles(dir: string, out: string[] = []): string[] {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!['node_modules', 'dist', '.git'].includes(e.name) && p !== here) goFiles(p, out);
      } else if (e.name.endsWith('.go')) out.push(p);
    }
    return out;
  }
  it('every other .go file of the project passes on both releases', () => {
    const files = goFiles(repo);
    expect(files.length).toBeGreaterThan(400);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const release of goReleases) expect(checkSyntax([{ name: f, text }], release).errors, `${f} go${release}`).toEqual([]);
    }
  });
});
