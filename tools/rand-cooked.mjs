#!/usr/bin/env node
// Derives math/rand's seeding table (rngSource's rngCooked) from real Go's outputs, for
// src/golang/std/math_rand_cooked.ts — recorded, never copied from Go's sources.
//
// rngSource (math/rand/rng.go) is an additive lagged Fibonacci generator over 607 int64s: Seed(s)
// fills vec[i] = u_i(s) ^ rngCooked[i], where u_i comes from the seedrand LCG (x ← 48271·x mod
// 2^31−1, three steps per element after 20 warm-up steps), and each Uint64() adds vec[feed] +
// vec[tap] (feed and tap walking down from 334 and 0) and stores the sum at feed. The first 607
// outputs of a seeded source therefore give its initial vec: output k (k ≥ 273) is vec[feed_k] +
// output k−273, and output k < 273 is vec[333−k] + vec[606−k]. XOR with u_i(1) gives the table.
//
// Usage: npm run build && node tools/rand-cooked.mjs [--go 1.19|1.26]   (writes src/golang/std/math_rand_cooked.ts)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolveGoOrExit } from '../conformance/toolchain.mjs';
import { seedrand } from '../dist/src/golang/std/math_rand.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const goAt = args.indexOf('--go');
const tc = resolveGoOrExit(goAt >= 0 ? args[goAt + 1] : '1.19', 'tools/rand-cooked');
const dir = mkdtempSync(join(tmpdir(), 'randcooked-'));
writeFileSync(
  join(dir, 'main.go'),
  `package main

import (
	"fmt"
	"math/rand"
)

func main() {
	s := rand.NewSource(1).(rand.Source64)
	for i := 0; i < 607; i++ {
		fmt.Printf("%x\\n", s.Uint64())
	}
}
`,
);
const env = { ...process.env, GOCACHE: '/tmp/gocache', GOPATH: '/tmp/gopath', GO111MODULE: 'off', GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '' };
const version = execFileSync(tc.bin, ['version'], { env }).toString().trim();
execFileSync(tc.bin, ['build', '-o', 'prog', 'main.go'], { cwd: dir, env });
const out = execFileSync(join(dir, 'prog'), { cwd: dir }).toString().trim().split('\n').map((h) => BigInt('0x' + h));
rmSync(dir, { recursive: true, force: true });
if (out.length !== 607) throw new Error(`expected 607 outputs, got ${out.length}`);

const M = (1n << 64n) - 1n;
const len = 607;
const tapLag = 273;
// The initial vec from the outputs (see the note above).
const vec = new Array(len).fill(null);
let tap = 0;
let feed = len - tapLag;
const feeds = [];
const taps = [];
for (let k = 0; k < len; k++) {
  tap = (tap + len - 1) % len;
  feed = (feed + len - 1) % len;
  feeds.push(feed);
  taps.push(tap);
}
for (let k = tapLag; k < len; k++) vec[feeds[k]] = (out[k] - out[k - tapLag]) & M;
for (let k = 0; k < tapLag; k++) vec[feeds[k]] = (out[k] - vec[taps[k]]) & M;
if (vec.some((v) => v === null)) throw new Error('vec not fully determined');

// u_i(1): math/rand's seeding values for seed 1 (the module's seedrand; its table is what this writes).
let x = 1;
const cooked = [];
for (let i = -20; i < len; i++) {
  x = seedrand(x);
  if (i >= 0) {
    let u = (BigInt(x) << 40n) & M;
    x = seedrand(x);
    u ^= (BigInt(x) << 20n) & M;
    x = seedrand(x);
    u ^= BigInt(x);
    cooked.push(vec[i] ^ u);
  }
}
const hex = cooked.map((c) => `0x${c.toString(16).padStart(16, '0')}`);
const lines = [];
for (let i = 0; i < hex.length; i += 4) lines.push('  ' + hex.slice(i, i + 4).map((h) => `'${h}'`).join(', ') + ',');
const ts = `/**
 * math/rand's seeding table (rngSource's rngCooked: 607 uint64s, as hex), derived by
 * tools/rand-cooked.mjs from the first 607 Uint64 outputs of rand.NewSource(1) on real Go
 * (${version}): generated, do not edit. math_rand.ts XORs it with the seedrand values of a seed.
 */
export const rngCookedHex: readonly string[] = [
${lines.join('\n')}
];
`;
writeFileSync(join(here, '..', 'src', 'golang', 'std', 'math_rand_cooked.ts'), ts);
console.log(`${version}: wrote src/golang/std/math_rand_cooked.ts (${cooked.length} values)`);
