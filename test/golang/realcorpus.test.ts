/**
 * Issue #11's acceptance corpus: real Go programs written by others (corpus/<source>/, origin in each
 * ORIGIN.md), recorded on real go1.19.8 and go1.26.8 (corpus/reference/go<release>/, by
 * corpus/record.mjs with the named toolchain binaries), run on gmpsim under the same release's
 * profile (corpus/run.ts). Each release's failing programs are pinned with their cause in
 * corpus/known-failures.json: a pinned-passing program that fails is a regression; a pinned-failing
 * program that passes, or fails for another kind of reason, must be re-pinned, so that
 * docs/corpus.md (generated from the pins) stays a true measurement.
 *
 * Programs that took more than corpus/run.ts slowMs on gmpsim when pinned (the pin file's `slow`) are
 * left to `npm run corpus -- --check`, which checks all of them in the same way.
 *
 * Re-pin after a deliberate change:  npm run corpus -- --pin --write
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareOne, programs, releases, corpusRoot } from '../../corpus/run.js';
import { loadPinned, pinnedOutcomes, renderDoc } from '../../corpus/compare.js';

const REPIN = 'npm run corpus -- --pin --write';
const pinned = loadPinned();

for (const release of releases) {
  describe(`corpus vs go${release}`, () => {
    const names = programs(release);
    const slow = new Set(pinned.slow[release] ?? []);

    it('has at least 250 recorded programs and no stale pins', () => {
      expect(names.length).toBeGreaterThanOrEqual(250);
      const stale = [...Object.keys(pinned.failures[release] ?? {}), ...slow].filter((n) => !names.includes(n));
      expect(stale, `pinned programs without a recording; re-pin: ${REPIN}`).toEqual([]);
    });

    for (const name of names.filter((n) => !slow.has(n))) {
      it(name, () => {
        const o = compareOne(name, release);
        const pin = pinned.failures[release]?.[name];
        if (pin === undefined) {
          expect(o.pass, `${name} regressed on go${release}: ${o.category}: ${o.detail} (if intended: ${REPIN})`).toBe(true);
        } else {
          expect(o.pass, `${name} now passes on go${release} (pinned as failing: ${pin.category}); re-pin: ${REPIN}`).toBe(false);
          expect(o.category, `${name} fails differently on go${release}: ${o.detail} (pinned: ${pin.detail}); re-pin: ${REPIN}`).toBe(pin.category);
        }
      });
    }
  });
}

describe('docs/corpus.md', () => {
  it('is generated from the pins', () => {
    const doc = readFileSync(join(corpusRoot, '..', 'docs', 'corpus.md'), 'utf8');
    const title = /^# (.*)$/m.exec(doc)?.[1] ?? '';
    expect(doc, `docs/corpus.md is stale; regenerate: ${REPIN}`).toBe(renderDoc(pinnedOutcomes(pinned), corpusRoot, title, pinned.slow) + '\n');
  });
});
