/**
 * The docs' sample outputs are what the commands print today (docs/samples.mjs): each block after a
 * `<!-- sample: … -->` marker in README.md, cli/README-cli.md and docs/api.md is rerun and compared.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root, ensureBuilt } from '../cli/harness.js';

ensureBuilt();

describe('sample outputs in the docs', () => {
  it('every doc with samples has some, and they match a run of their command', () => {
    for (const doc of ['README.md', 'cli/README-cli.md']) {
      expect(fs.readFileSync(path.join(root, doc), 'utf8'), doc).toMatch(/<!-- sample: /);
    }
    const r = spawnSync(process.execPath, ['docs/samples.mjs'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+ samples match\n$/);
  }, 120_000);
});
