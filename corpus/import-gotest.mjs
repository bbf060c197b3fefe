#!/usr/bin/env node
// Copies the corpus's `gotest` source, byte for byte, from the Go test programs installed on this
// machine by Debian's golang-1.19-src (1.19.8-2, /usr/share/go-1.19/test): every single-file
// program whose header is exactly `// run` (Go's own test driver builds and runs it with no flags and
// no companion files) in test/, test/ken, test/chan, test/interface and test/typeparam. Excluded by
// rule, not by what gmpsim supports: `// run <flags>`, `// runoutput`, `// rundir`, `// buildrun`
// (they need the driver's flags, generated programs or several packages) and test/fixedbugs (compiler
// regression cases, measured separately if ever). The importer writes ORIGIN.md with each file's path.
// Usage: node corpus/import-gotest.mjs
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = '/usr/share/go-1.19/test';
const pkg = execFileSync('dpkg-query', ['-W', '-f', '${Package} ${Version}', 'golang-1.19-src']).toString();
const dirs = ['.', 'ken', 'chan', 'interface', 'typeparam'];
const out = join(here, 'gotest');
rmSync(out, { recursive: true, force: true });
const files = [];
for (const d of dirs) {
  for (const f of readdirSync(join(SRC, d)).filter((f) => f.endsWith('.go')).sort()) {
    const text = readFileSync(join(SRC, d, f), 'utf8');
    if (!/^\/\/ run$/m.test(text.split('\n').slice(0, 20).join('\n'))) continue;
    if (!/^package main$/m.test(text)) continue;
    const rel = d === '.' ? f : `${d}/${f}`;
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    copyFileSync(join(SRC, d, f), join(out, rel));
    files.push(rel);
  }
}
copyFileSync('/usr/share/doc/golang-1.19-src/copyright', join(out, 'COPYRIGHT'));
writeFileSync(
  join(out, 'ORIGIN.md'),
  `# gotest — Go's own test programs

Origin: the Go project's \`test/\` directory (https://go.googlesource.com/go, tag go1.19.8), as installed
by Debian's \`${pkg}\` in ${SRC}; written by The Go Authors, BSD-style licence (the Debian copyright
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
console.log(`${files.length} programs from ${pkg}`);
