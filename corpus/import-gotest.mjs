#!/usr/bin/env node
// Copies the corpus's `gotest` source, byte for byte, from the Go test programs installed on this
// machine by Debian's golang-1.19-src (1.19.8-2, /usr/share/go-1.19/test): every single-file
// program whose header is exactly `// run` (Go's own test driver builds and runs it with no flags and
// no companion files) in test/, test/ken, test/chan, test/interface and test/typeparam. Excluded by
// rule, not by what gmpsim supports: `// run <flags>`, `// runoutput`, `// rundir`, `// buildrun`
// (they need the driver's flags, generated programs or several packages) and test/fixedbugs (compiler
// regression cases, measured separately if ever). The importer writes ORIGIN.md with each file's path.
// `gotest126` is the same selection from go1.26.8's test directory (/usr/local/go/test), only the
// programs go1.19.8 does not have: the newer language and library (clear, range over int and
// functions, …), for the go1.26 profile.
// Usage: node corpus/import-gotest.mjs
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const dirs = ['.', 'ken', 'chan', 'interface', 'typeparam'];
const SRC119 = '/usr/share/go-1.19/test';
const pkg = execFileSync('dpkg-query', ['-W', '-f', '${Package} ${Version}', 'golang-1.19-src']).toString();
const v126 = readFileSync('/usr/local/go/VERSION', 'utf8').split('\n')[0];

function runProgram(text) {
  return /^\/\/ run$/m.test(text.split('\n').slice(0, 20).join('\n')) && /^package main$/m.test(text);
}

function importSource(name, SRC, onlyNew) {
  const out = join(here, name);
  rmSync(out, { recursive: true, force: true });
  const files = [];
  for (const d of dirs) {
    for (const f of readdirSync(join(SRC, d)).filter((f) => f.endsWith('.go')).sort()) {
      const rel = d === '.' ? f : `${d}/${f}`;
      if (onlyNew && existsSync(join(SRC119, rel))) continue;
      if (!runProgram(readFileSync(join(SRC, d, f), 'utf8'))) continue;
      mkdirSync(dirname(join(out, rel)), { recursive: true });
      copyFileSync(join(SRC, d, f), join(out, rel));
      files.push(rel);
    }
  }
  return { out, files };
}

{
  const { out, files } = importSource('gotest', SRC119, false);
  copyFileSync('/usr/share/doc/golang-1.19-src/copyright', join(out, 'COPYRIGHT'));
  writeFileSync(
    join(out, 'ORIGIN.md'),
    `# gotest — Go's own test programs

Origin: the Go project's \`test/\` directory (https://go.googlesource.com/go, tag go1.19.8), as installed
by Debian's \`${pkg}\` in ${SRC119}; written by The Go Authors, BSD-style licence (the Debian copyright
file, which carries it, is COPYRIGHT beside this file). Copied byte for byte by \`node corpus/import-gotest.mjs\`.

Selection (a rule, not what gmpsim supports): every single-file \`package main\` program in test/,
test/ken, test/chan, test/interface and test/typeparam whose header is exactly \`// run\` (Go's test
driver builds and runs it with no flags and no companion files). Not taken: \`// run <flags>\`,
\`// runoutput\`, \`// rundir\`, \`// buildrun\` (driver flags, generated programs, several packages) and
test/fixedbugs (compiler regression cases).

${files.length} programs:

${files.map((f) => `- test/${f}`).join('\n')}
`,
  );
  console.log(`gotest: ${files.length} programs from ${pkg}`);
}
{
  const { out, files } = importSource('gotest126', '/usr/local/go/test', true);
  copyFileSync('/usr/local/go/LICENSE', join(out, 'LICENSE'));
  writeFileSync(
    join(out, 'ORIGIN.md'),
    `# gotest126 — Go's own test programs that are new since go1.19

Origin: the Go project's \`test/\` directory (https://go.googlesource.com/go, tag ${v126}), as installed
in /usr/local/go (the machine image's Go toolchain, \`${v126}\`); written by The Go Authors, BSD-style
licence (LICENSE beside this file). Copied byte for byte by \`node corpus/import-gotest.mjs\`.

Selection: the same rule as gotest (single-file \`// run\` programs of test/, test/ken, test/chan,
test/interface, test/typeparam), only the files go1.19.8's test directory does not have.

${files.length} programs:

${files.map((f) => `- test/${f}`).join('\n')}

Recorded on go1.26.8 only (RELEASES): these programs test what changed after go1.19, and go1.19.8 either
rejects them or runs them into the bugs they were written for.
`,
  );
  writeFileSync(join(out, 'RELEASES'), '1.26\n');
  console.log(`gotest126: ${files.length} programs from ${v126}`);
}
