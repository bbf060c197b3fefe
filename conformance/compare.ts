/**
 * gmpsim vs real Go, per release: run every conformance program on gmpsim under each release's profile
 * (src/runtime/version.ts) and compare it with the reference recorded on that release's toolchain
 * (conformance/reference/go<release>/<name>.json). See compare-lib.ts for what is compared and how.
 *
 *   npm run conformance                        tables + pass counts of every recorded release; exit 1 on
 *                                              a mismatch not pinned in known-mismatches.json
 *   npm run conformance -- --go 1.26           only this release (repeatable)
 *   npm run conformance -- --write             also regenerate docs/fidelity.md (every release)
 *   npm run conformance -- --only NAME [--only NAME2] [--seeds N] [--source auto|go|twin] [--quiet]
 *   npm run conformance -- --sync-known        re-pin after a change or a re-recording: per release, drop
 *       fixed entries from known-mismatches.json and add new mismatches, reusing the cause of the same
 *       program's same check (or of its only cause for that kind of check) in that release; anything else
 *       gets an empty cause, which the test rejects until someone writes the analysis.
 *   npm run conformance -- --sync-known --write   both: the usual command after changing a mechanism.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareAll, loadKnown, loadKnownFile, recordedReleases, checkId, DOC_FILE, KNOWN_FILE, DEFAULT_SEEDS, type Check, type Comparison, type KnownMismatch, type SourceMode } from './compare-lib.js';
import { renderDoc, renderTable, summarise } from './compare-doc.js';
import { parseGoRelease, type GoRelease } from '../src/runtime/version.js';

/** A bad command line: printed as one line, exit status 2. */
class UsageError extends Error {}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let write = false;
  let seeds = DEFAULT_SEEDS;
  let source: SourceMode = 'auto';
  let quiet = false;
  let syncKnown = false;
  const only: string[] = [];
  const releases: GoRelease[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i]!;
    };
    if (a === '--write') write = true;
    else if (a === '--seeds') seeds = Math.max(1, parseInt(next(), 10));
    else if (a === '--only') only.push(next().replace(/\.go$/, ''));
    else if (a === '--source') source = next() as SourceMode;
    else if (a === '--quiet') quiet = true;
    else if (a === '--sync-known') syncKnown = true;
    else if (a === '--go') {
      const r = parseGoRelease(next());
      if ('error' in r) throw new UsageError(r.error);
      releases.push(r.release);
    } else if (a === '-h' || a === '--help') {
      console.log('usage: compare [--go 1.19|1.26]… [--write] [--sync-known] [--only NAME]… [--seeds N] [--source auto|go|twin] [--quiet]');
      return;
    } else throw new UsageError(`unknown argument ${a}`);
  }
  if ((write || syncKnown) && (only.length || seeds !== DEFAULT_SEEDS || source !== 'auto')) {
    throw new UsageError('--write and --sync-known cover whole releases: no --only, --seeds or --source with them');
  }
  if (write && releases.length) throw new UsageError('--write regenerates the document of every release: no --go with it');
  const recorded = recordedReleases();
  const todo = releases.length ? releases : recorded;
  for (const r of todo) if (!recorded.includes(r)) throw new UsageError(`no references for go${r} (conformance/reference/go${r}/)`);

  const cmps: Comparison[] = [];
  const file = loadKnownFile();
  let unpinned = 0;
  for (const release of todo) {
    const cmp = await compareAll({ release, seeds, only, source, progress: quiet ? undefined : (m) => process.stderr.write(`  ${m}\n`) });
    cmps.push(cmp);
    let known = loadKnown(release);
    if (syncKnown) {
      known = syncKnownList(known, cmp.checks.filter((c) => c.verdict === 'FAIL'));
      file[`go${release}`] = known;
      const empty = known.filter((k) => !k.cause).length;
      console.error(`synced go${release} in ${path.relative(process.cwd(), KNOWN_FILE)}: ${known.length} entries, ${empty} without a cause`);
    }
    const sum = summarise(cmp, known);
    console.log(`\n===== go${release} =====`);
    console.log(renderTable(cmp, sum));
    unpinned += sum.undocumented.length + sum.fixed.length;
  }
  if (syncKnown) fs.writeFileSync(KNOWN_FILE, JSON.stringify(file, null, 1) + '\n');
  if (write) {
    fs.mkdirSync(path.dirname(DOC_FILE), { recursive: true });
    fs.writeFileSync(DOC_FILE, renderDoc(cmps, Object.fromEntries(cmps.map((c) => [c.release, loadKnownFileFrom(file, c.release)]))));
    console.log(`wrote ${path.relative(process.cwd(), DOC_FILE)}`);
  }
  console.log('\n' + cmps.map((c) => { const s = summarise(c, loadKnownFileFrom(file, c.release)); return `go${c.release}: ${s.pass} of ${s.pass + s.fail} checks pass`; }).join('; '));
  if (unpinned > 0) process.exitCode = 1;
}

const loadKnownFileFrom = (file: ReturnType<typeof loadKnownFile>, release: GoRelease): KnownMismatch[] => file[`go${release}`] ?? [];

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
  // a usage error (UsageError) is a message; anything else is a bug in the comparison: its stack
  console.error(e instanceof UsageError ? `conformance: ${e.message}` : ((e as Error).stack ?? String(e)));
  process.exit(2);
});
