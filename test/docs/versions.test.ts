/**
 * README.md and cli/README-cli.md carry the Go versions table generated from the profile definitions
 * (issue #12: "a table generated from the profile definitions"); every profile field is described.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { versionsBegin, versionsEnd, versionTableMarkdown } from '../../src/views/versions.js';
import { profileFieldDocs, profiles } from '../../src/runtime/version.js';

describe('Go versions table', () => {
  for (const name of ['README.md', 'cli/README-cli.md']) {
    it(`${name}'s table is the generated one (run \`npm run readme:versions\` after changing src/runtime/version.ts)`, () => {
      const text = readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
      const b = text.indexOf(versionsBegin);
      const e = text.indexOf(versionsEnd);
      expect(b).toBeGreaterThan(0);
      expect(e).toBeGreaterThan(b);
      expect(text.slice(b + versionsBegin.length, e).trim()).toBe(versionTableMarkdown());
    });
  }
  it('shows every value, structured ones field by field (gcMemoryLimitHeadroom printed `[object Object]`)', () => {
    const table = versionTableMarkdown();
    expect(table).not.toContain('[object Object]');
    expect(table).toContain('`bytes: 1048576, percent: 3`');
  });

  it('describes every field of a profile', () => {
    const fields = Object.keys(profiles['1.26']).filter((k) => k !== 'release').sort();
    expect(Object.keys(profileFieldDocs).sort()).toEqual(fields);
  });
});
