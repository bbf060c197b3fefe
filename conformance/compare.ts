/**
 * gmpsim vs real go1.19: run every conformance program on gmpsim and compare it with the recorded
 * reference (conformance/reference/<name>.json). See compare-lib.ts for what is compared and how.
 *
 *   npm run conformance                        table + pass count; exit 1 on any mismatch
 *   npm run conformance -- --write             also regenerate docs/fidelity.md
 *   npm run conformance -- --only NAME [--only NAME2] [--seeds N] [--source auto|go|twin] [--quiet]
 *   npm run conformance -- --sync-known        after a re-recording: drop fixed entries from
 *       known-mismatches.json, add new mismatches reusing the cause of the same program's same check (or of
 *       its only cause for that kind of check); anything else gets an empty cause, which the test rejects
 *       until someone writes the analysis.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareAll, loadKnown, checkId, DOC_FILE, KNOWN_FILE, DEFAULT_SEEDS, type Check, type KnownMismatch, type SourceMode } from './compare-lib.js';
import { renderDoc, renderTable, summarise } from './compare-doc.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let write = false;
  let seeds = DEFAULT_SEEDS;
  let source: SourceMode = 'auto';
  let quiet = false;
  let syncKnown = false;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i]!;
    };
    if (a === '--write') write = true;
    else if (a === '--seeds') seeds = Math.max(1, parseInt(next(), 10));
    else if (a === '--only') only.push(next().replace(/\.go$/, ''));
    else if (a === '--source') source = next() as SourceMode;
    else if (a === '--quiet') quiet = true;
    else if (a === '--sync-known') syncKnown = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: compare [--write] [--only NAME]… [--seeds N] [--source auto|go|twin] [--quiet]');
      return;
    } else throw new Error(`unknown argument ${a}`);
  }
  if ((write || syncKnown) && (only.length || seeds !== DEFAULT_SEEDS || source !== 'auto')) {
    throw new Error('--write regenerates the whole document: no --only, --seeds or --source with it');
  }
  const cmp = await compareAll({ seeds, only, source, progress: quiet ? undefined : (m) => process.stderr.write(`  ${m}\n`) });
  let known = loadKnown();
  if (syncKnown) {
    known = syncKnownList(known, cmp.checks.filter((c) => c.verdict === 'FAIL'));
    const old = JSON.parse(fs.readFileSync(KNOWN_FILE, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(KNOWN_FILE, JSON.stringify({ ...old, mismatches: known }, null, 1) + '\n');
    const empty = known.filter((k) => !k.cause).length;
    console.error(`synced ${path.relative(process.cwd(), KNOWN_FILE)}: ${known.length} entries, ${empty} without a cause`);
  }
  const sum = summarise(cmp, known);
  console.log(renderTable(cmp, sum));
  if (write) {
    fs.mkdirSync(path.dirname(DOC_FILE), { recursive: true });
    fs.writeFileSync(DOC_FILE, renderDoc(cmp, sum, known));
    console.log(`wrote ${path.relative(process.cwd(), DOC_FILE)}`);
  }
  if (sum.fail > 0) process.exitCode = 1;
}

const kind = (check: string): string => check.split(':')[0]!;

function syncKnownList(known: KnownMismatch[], fails: Check[]): KnownMismatch[] {
  const byId = new Map(known.map((k) => [checkId(k), k]));
  return fails.map((c) => {
    const old = byId.get(checkId(c));
    if (old) return old;
    const same = known.filter((k) => k.program === c.program && k.check === c.check);
    const sameKind = known.filter((k) => k.program === c.program && kind(k.check) === kind(c.check));
    const causes = new Set((same.length ? same : sameKind).map((k) => k.cause));
    const cause = causes.size === 1 ? [...causes][0]! : '';
    return { program: c.program, variant: c.variant, check: c.check, cause };
  });
}

main().catch((e) => {
  console.error((e as Error).stack ?? String(e));
  process.exit(2);
});
