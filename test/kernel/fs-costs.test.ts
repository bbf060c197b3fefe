/**
 * What the simulated kernel charges for system calls that change the file system (src/sys/kernel.ts,
 * src/sys/costs.ts createCall … unlinkCall), against conformance/reference/go1.19/fs_costs.json (real
 * go1.19.8 on the reference machine): creating a file is tens of µs of kernel CPU, not the 1.6 µs of
 * opening one that exists; writing past a file's end costs its new pages; unlink frees the file's blocks.
 * Before these costs a create cost openCall (1.6 µs) and a write into a new file only its copy (8 KiB:
 * 0.95 µs against real ≈ 8 µs), so no os.Create or os.WriteFile lasted long enough to be retaken.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kernel, O, type ByteBuf } from '../../src/sys/kernel.js';
import { defaultIoCosts } from '../../src/sys/costs.js';

type Measure = { median: number };
const ref = JSON.parse(fs.readFileSync(new URL('../../conformance/reference/go1.19/fs_costs.json', import.meta.url), 'utf8')) as {
  env: { goVersion: string };
  variants: { measures: Record<string, Measure> }[];
};
const m = (k: string): number => ref.variants[0]!.measures[k]!.median * 1000; // ns

const bytes = (n: number): ByteBuf => ({ a: new Uint8Array(n) as unknown as unknown[], o: 0, n });

describe('file-system costs come from fs_costs.json (go1.19.8)', () => {
  it('the recording is go1.19.8', () => {
    expect(ref.env.goVersion).toBe('go version go1.19.8 linux/amd64');
  });
  it('a create costs create_us, O_TRUNC of an existing file trunc_empty − open_rdonly, an unlink unlink_64k', () => {
    expect(defaultIoCosts.createCall).toBeCloseTo(m('create_us'), -2);
    expect(defaultIoCosts.truncCall).toBeCloseTo(m('trunc_empty_us') - m('open_rdonly_us'), -2);
    expect(defaultIoCosts.unlinkCall).toBeCloseTo(m('unlink_64k_us'), -2);
  });
  it('a write into new pages costs the fit of write_new − write_over at 4 KiB and 1 MiB', () => {
    const extra4 = m('write_new_4k_us') - m('write_over_4k_us');
    const extra1m = m('write_new_1m_us') - m('write_over_1m_us');
    expect(defaultIoCosts.writeExtendCall + defaultIoCosts.writeExtendPage).toBeCloseTo(extra4, -2);
    expect(defaultIoCosts.writeExtendCall + 256 * defaultIoCosts.writeExtendPage).toBeCloseTo(extra1m, -3);
    // and the fit predicts the 64 KiB write within 30 % (measured, not fitted)
    const extra64 = m('write_new_64k_us') - m('write_over_64k_us');
    const model64 = defaultIoCosts.writeExtendCall + 16 * defaultIoCosts.writeExtendPage;
    expect(Math.abs(model64 - extra64) / extra64).toBeLessThan(0.3);
  });
});

describe('the kernel charges them', () => {
  const c = defaultIoCosts;
  it('open(O_CREAT) of a new name creates it, computing in the kernel; of an existing one it opens', () => {
    const k = new Kernel();
    const r = k.open('/tmp/a', O.WRONLY | O.CREAT | O.TRUNC, 0o600);
    expect(r.r).toBeGreaterThanOrEqual(3);
    expect(r.ns).toBe(c.createCall);
    expect(r.cpu).toBe(true);
    k.close(r.r);
    const again = k.open('/tmp/a', O.WRONLY | O.CREAT | O.TRUNC, 0o600);
    expect(again.ns).toBe(c.openCall + c.truncCall);
    k.close(again.r);
    expect(k.open('/tmp/a', O.RDONLY, 0).ns).toBe(c.openCall);
  });

  it('a write past the end pays for its new pages; the same write over them does not', () => {
    const k = new Kernel();
    const fd = k.open('/tmp/b', O.WRONLY | O.CREAT, 0o600).r;
    const first = k.write(fd, bytes(8192));
    expect(first.ns).toBeCloseTo(c.writeCall + 8192 * c.writePerByte + c.writeExtendCall + 2 * c.writeExtendPage, 6);
    const over = k.write(fd, bytes(8192), 0); // pwrite at 0
    expect(over.ns).toBeCloseTo(c.writeCall + 8192 * c.writePerByte, 6);
    // an append that stays inside the last page allocates none; one that crosses into the next does
    const fd2 = k.open('/tmp/log', O.WRONLY | O.CREAT | O.APPEND, 0o600).r;
    expect(k.write(fd2, bytes(100)).ns).toBeCloseTo(c.writeCall + 100 * c.writePerByte + c.writeExtendCall + c.writeExtendPage, 6);
    expect(k.write(fd2, bytes(100)).ns).toBeCloseTo(c.writeCall + 100 * c.writePerByte, 6);
    expect(k.write(fd2, bytes(4000)).ns).toBeCloseTo(c.writeCall + 4000 * c.writePerByte + c.writeExtendCall + c.writeExtendPage, 6);
  });

  it('unlink of a file costs unlinkCall; rmdir of an empty directory an open', () => {
    const k = new Kernel();
    k.close(k.open('/tmp/c', O.WRONLY | O.CREAT, 0o600).r);
    expect(k.unlink('/tmp/c', false).ns).toBe(c.unlinkCall);
    k.mkdir('/tmp/d', 0o700);
    expect(k.unlink('/tmp/d', true).ns).toBe(c.openCall);
  });
});
