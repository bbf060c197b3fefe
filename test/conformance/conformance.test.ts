/**
 * Fidelity can never silently regress: every conformance program runs on gmpsim and is compared with its
 * recorded real-Go reference (conformance/compare-lib.ts). The set of mismatching (program, variant, check)
 * must be exactly the documented conformance/known-mismatches.json — a new mismatch fails, and so does a
 * fixed one until the list is updated — and docs/fidelity.md must be what `npm run conformance -- --write`
 * produces.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareAll, checkId, loadKnown, DOC_FILE, type Comparison } from '../../conformance/compare-lib.js';
import { renderDoc, summarise } from '../../conformance/compare-doc.js';

describe('conformance against recorded go1.19 references', () => {
  let cmp: Comparison;

  it('runs every program and variant on gmpsim', async () => {
    cmp = await compareAll();
    expect(cmp.programs.length).toBeGreaterThanOrEqual(20);
    expect(cmp.checks.length).toBeGreaterThan(0);
  }, 240_000); // ≈70 s on a quiet 2-core machine; other helpers' test runs can double it

  it('mismatches are exactly the documented known-mismatches.json, each with a cause', () => {
    const known = loadKnown();
    for (const k of known) expect(k.cause.trim().length, `no cause for ${checkId(k)}`).toBeGreaterThan(20);
    const got = cmp.checks.filter((c) => c.verdict === 'FAIL').map(checkId).sort();
    const want = known.map(checkId).sort();
    expect(got).toEqual(want);
  });

  it('docs/fidelity.md is what `npm run conformance -- --write` produces', () => {
    const known = loadKnown();
    const doc = renderDoc(cmp, summarise(cmp, known), known);
    expect(fs.readFileSync(DOC_FILE, 'utf8')).toBe(doc);
  });
});
