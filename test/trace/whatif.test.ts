/**
 * docs/whatif.md's checks (src/trace/whatif-table.ts): each whatif program's real go1.26.8 trace replayed
 * at the traced setting and at GOMAXPROCS 1, 2, 8 against real go1.26.8 (whatif/reference/, recorded by
 * whatif/record.mjs). The set of checks outside tolerance must equal the pinned set (whatif/misses.json),
 * each with a cause; a fixed miss or a new one fails until re-pinned (`node dist/tools/whatif-doc.js
 * --sync-misses`) and its cause written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGoTrace } from '../../src/trace/reader.js';
import { checks, missKey, type WhatIfReference } from '../../src/trace/whatif-table.js';

const root = path.resolve(__dirname, '../..');
const refDir = path.join(root, 'whatif/reference');
const names = fs.readdirSync(refDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const pinned = (JSON.parse(fs.readFileSync(path.join(root, 'whatif/misses.json'), 'utf8')) as { misses: Record<string, string> }).misses;

describe('what if: replays of real traces against real go1.26.8', () => {
  it('8 programs of different shapes, each recorded on go1.26.8 at 4 (traced), 1, 2 and 8 with ≥ 5 runs', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const n of names) {
      const ref = JSON.parse(fs.readFileSync(path.join(refDir, `${n}.json`), 'utf8')) as WhatIfReference;
      expect(ref.env.goVersion).toMatch(/^go version go1\.26\.8 /);
      expect(ref.trace.gomaxprocs).toBe(4);
      for (const s of ['1', '2', '4', '8']) expect(ref.settings[s]!.runs.length, `${n} GOMAXPROCS=${s}`).toBeGreaterThanOrEqual(5);
    }
  });
  it('every pinned miss has a cause', () => {
    for (const [k, cause] of Object.entries(pinned)) expect(cause.length, k).toBeGreaterThan(20);
  });
  for (const n of names) {
    it(`${n}: the misses are the pinned ones`, () => {
      const ref = JSON.parse(fs.readFileSync(path.join(refDir, `${n}.json`), 'utf8')) as WhatIfReference;
      const t = readGoTrace(new Uint8Array(fs.readFileSync(path.join(root, ref.trace.file))));
      const got = checks(n, ref, t).checks.filter((c) => !c.ok).map(missKey).sort();
      const want = Object.keys(pinned).filter((k) => k.startsWith(`${n} `)).sort();
      expect(got).toEqual(want);
    });
  }
});
