/** `gmpsim calibrate` end to end: measures with real Go when a toolchain is installed, else says how to get one. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { costNames } from '../../src/runtime/cost.js';

const bin = fileURLToPath(new URL('../../bin/gmpsim.js', import.meta.url));
const haveGo = ['go', '/usr/lib/go-1.19/bin/go'].some((g) => spawnSync(g, ['version']).status === 0);

describe('gmpsim calibrate', () => {
  it('measures with real Go and prints cost parameters gmpsim knows (JSON), or says how to get Go', () => {
    const r = spawnSync(process.execPath, [bin, 'calibrate', '--runs', '1', '--json'], { encoding: 'utf8', timeout: 240_000 });
    if (!haveGo) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^gmpsim: calibrate: no Go toolchain found .*apt-get install golang-1.19-go/);
      return;
    }
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { schema: string; go: string; cost: Record<string, number>; measurements: Record<string, number> };
    expect(out.schema).toBe('gmpsim-calibration/1');
    expect(out.go).toMatch(/^go version go1\./);
    expect(Object.keys(out.cost).length).toBeGreaterThanOrEqual(12);
    for (const [k, v] of Object.entries(out.cost)) {
      expect(costNames).toContain(k);
      expect(v).toBeGreaterThan(0);
    }
  }, 300_000);

  it('names the problem in one line when the toolchain given does not work', () => {
    const r = spawnSync(process.execPath, [bin, 'calibrate', '--go', '/nonexistent/go'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gmpsim: calibrate: \/nonexistent\/go is not a working Go toolchain/);
  });
});
