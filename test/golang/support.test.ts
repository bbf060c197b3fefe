/**
 * The README's Go support table is the one generated from the package modules (issue #11: "generated
 * from the package modules, not written by hand"), and the table covers every declared package.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { supportBegin, supportEnd, supportTableMarkdown } from '../../src/golang/std/support.js';
import { pkgs, goSources } from '../../src/golang/core.js';

describe('Go standard-library support table', () => {
  it("README's table is the generated one (run `npm run readme:go-support` after changing a package module)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const b = readme.indexOf(supportBegin);
    const e = readme.indexOf(supportEnd);
    expect(b).toBeGreaterThan(0);
    expect(e).toBeGreaterThan(b);
    expect(readme.slice(b + supportBegin.length, e).trim()).toBe(supportTableMarkdown());
  });

  it('has one row per declared package, listing its members (strings.Fields, sync.WaitGroup with its methods)', () => {
    const table = supportTableMarkdown();
    const rows = table.split('\n').slice(2);
    // the TS-declared packages and those written in Go (std/gosrc.ts: slices, maps, cmp)
    expect(rows).toHaveLength(new Set([...pkgs.keys(), ...goSources.keys()]).size);
    expect(rows.find((r) => r.startsWith('| slices (Go 1.21+) |'))).toContain('SortFunc');
    const strings = rows.find((r) => r.startsWith('| strings |'))!;
    expect(strings.split(' | ')[1]!.split(', ')).toContain('Fields');
    expect(rows.find((r) => r.startsWith('| sync |'))).toContain('WaitGroup (Add, Done, Go (Go 1.25+), Wait)');
    expect(rows.find((r) => r.startsWith('| `"C"`'))).toContain('cgo call');
  });
});
