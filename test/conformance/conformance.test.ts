/**
 * Fidelity can never silently regress: every conformance program runs on gmpsim under each release's
 * profile and is compared with the reference recorded on that release's toolchain
 * (conformance/compare-lib.ts). Per release, the set of mismatching (program, variant, check) must be
 * exactly that release's section of conformance/known-mismatches.json — a new mismatch fails, and so does a
 * fixed one until the pins are updated (`npm run conformance -- --sync-known --write`) — and
 * docs/fidelity.md must be what `npm run conformance -- --write` produces.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareAll, checkId, loadKnown, recordedReleases, DOC_FILE, type Comparison } from '../../conformance/compare-lib.js';
import { renderDoc } from '../../conformance/compare-doc.js';
import { profiles } from '../../src/runtime/version.js';

describe('conformance against the references recorded per Go release', () => {
  const cmps: Comparison[] = [];
  const releases = recordedReleases();

  it('references exist for go1.19 and go1.26', () => {
    expect(releases).toEqual(['1.19', '1.26']);
  });

  for (const release of releases) {
    describe(`go${release}`, () => {
      let cmp: Comparison;
      it(`runs every program and variant on gmpsim under the ${release} profile`, async () => {
        cmp = await compareAll({ release });
        cmps.push(cmp);
        expect(cmp.programs.length).toBeGreaterThanOrEqual(20);
        expect(cmp.checks.length).toBeGreaterThan(0);
        for (const p of cmp.programs) expect(p.name).toBeTruthy();
      }, 300_000); // ≈70 s per release on a quiet 2-core machine; other helpers' test runs can double it

      it(`every reference was recorded with the ${release} profile's toolchain`, () => {
        for (const ref of fs.readdirSync(new URL(`../../conformance/reference/go${release}/`, import.meta.url)).filter((f) => f.endsWith('.json'))) {
          const j = JSON.parse(fs.readFileSync(new URL(`../../conformance/reference/go${release}/${ref}`, import.meta.url), 'utf8')) as { env: { goVersion: string } };
          expect(j.env.goVersion.startsWith(`go version ${profiles[release].toolchain} `), `${ref}: ${j.env.goVersion}`).toBe(true);
        }
      });

      it(`mismatches are exactly the pinned go${release} section of known-mismatches.json, each with a cause`, () => {
        const known = loadKnown(release);
        for (const k of known) expect(k.cause.trim().length, `no cause for ${checkId(k)}`).toBeGreaterThan(20);
        const got = cmp.checks.filter((c) => c.verdict === 'FAIL').map(checkId).sort();
        const want = known.map(checkId).sort();
        expect(got).toEqual(want);
      });
    });
  }

  it('docs/fidelity.md is what `npm run conformance -- --write` produces', () => {
    expect(cmps.map((c) => c.release)).toEqual(releases);
    const doc = renderDoc(cmps, Object.fromEntries(releases.map((r) => [r, loadKnown(r)])));
    expect(fs.readFileSync(DOC_FILE, 'utf8')).toBe(doc);
  });
});
