#!/usr/bin/env node
/**
 * Sample outputs in the docs come from real runs: every fenced block that follows a marker
 *
 *   <!-- sample: [ENV=value …] gmpsim <args…> -->
 *
 * in README.md, cli/README-cli.md and docs/api.md is the output (stdout and stderr together, in the
 * order gmpsim wrote them) of that command run from the repository's root with the built CLI.
 *
 *   node docs/samples.mjs           check: exit 1 and a diff summary when a block differs
 *   node docs/samples.mjs --write   regenerate the blocks
 *
 * Wall-clock figures (`wall 14ms` in a summary) differ between runs; they are compared as
 * "wall <n>ms" and written as measured. test/docs.test.ts runs the check, so samples cannot drift.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sampleDocs = ['README.md', 'cli/README-cli.md', 'docs/api.md'];
const marker = /^<!-- sample: (.+?) -->$/;

/** Run one sample command; returns its combined output. */
export function runSample(command) {
  const words = command.split(/\s+/).filter(Boolean);
  const env = { ...process.env };
  delete env.GOMAXPROCS;
  delete env.GODEBUG;
  while (words.length > 0 && /^[A-Z_]+=/.test(words[0])) {
    const w = words.shift();
    env[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
  }
  if (words.shift() !== 'gmpsim') throw new Error(`sample "${command}": the command must be gmpsim`);
  // One file for both streams: the order is the order gmpsim wrote them (its writes to files are synchronous).
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-sample-')), 'out');
  const fd = fs.openSync(tmp, 'w');
  const r = spawnSync(process.execPath, [path.join(root, 'bin/gmpsim.js'), ...words], { cwd: root, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const out = fs.readFileSync(tmp, 'utf8');
  fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  return { out: out.replace(/\n+$/, ''), status: r.status };
}

const normalize = (s) => s.replace(/wall \d+ms/g, 'wall <n>ms').replace(/[ \t]+$/gm, '');

/** The samples of one document: [{ line, command, block: [start, end) line indexes of the block's body }]. */
export function findSamples(text, doc) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = marker.exec(lines[i].trim());
    if (!m) continue;
    if (!/^```/.test(lines[i + 1] ?? '')) throw new Error(`${doc}:${i + 1}: a sample marker must be followed by a fenced block`);
    let end = i + 2;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    if (end >= lines.length) throw new Error(`${doc}:${i + 1}: the sample's block is not closed`);
    out.push({ line: i + 1, command: m[1], start: i + 2, end });
  }
  return out;
}

function main() {
  const write = process.argv.includes('--write');
  let bad = 0;
  let count = 0;
  for (const doc of sampleDocs) {
    const file = path.join(root, doc);
    if (!fs.existsSync(file)) continue;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const samples = findSamples(lines.join('\n'), doc);
    // Replace from the end so earlier indexes stay valid.
    for (const s of samples.reverse()) {
      count++;
      const { out } = runSample(s.command);
      const have = lines.slice(s.start, s.end).join('\n');
      if (normalize(have) === normalize(out)) continue;
      if (write) {
        lines.splice(s.start, s.end - s.start, ...out.split('\n'));
      } else {
        bad++;
        const a = have.split('\n');
        const b = out.split('\n');
        let j = 0;
        while (j < a.length && j < b.length && normalize(a[j]) === normalize(b[j])) j++;
        process.stderr.write(`${doc}:${s.start + j + 1}: the sample of \`${s.command}\` differs from what it prints today:\n  doc: ${a[j] ?? '(end)'}\n  now: ${b[j] ?? '(end)'}\n`);
      }
    }
    if (write) fs.writeFileSync(file, lines.join('\n'));
  }
  if (bad > 0) {
    process.stderr.write(`${bad} of ${count} samples differ: run \`node docs/samples.mjs --write\` (after npm run build)\n`);
    process.exit(1);
  }
  process.stdout.write(`${count} samples ${write ? 'written' : 'match'}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
