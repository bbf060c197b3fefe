// Developer tool: show the simulator's output next to a release's reference for some programs
// (GO=1.26 for go1.26's, default 1.19).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reference, root, runGo, normStderr } from '../../test/golang/harness.js';
import type { GoRelease } from '../../src/runtime/version.js';
const release = (process.env.GO ?? '1.19') as GoRelease;
for (const name of process.argv.slice(2)) {
  const ref = reference(name, release);
  const { compile, res } = runGo(readFileSync(join(root, `${name}.go`), 'utf8'), ref.env ?? {}, {}, 20e9, release);
  console.log(`===== ${name}`);
  if (compile !== null) { console.log('COMPILE:', compile, '\nREF:', ref.buildErrors); continue; }
  if (res!.stdout !== ref.stdout) console.log('STDOUT sim:\n' + res!.stdout + '\nSTDOUT ref:\n' + ref.stdout);
  if (res!.exitCode !== ref.exit) console.log('EXIT', res!.exitCode, 'ref', ref.exit, res!.message);
  const a = normStderr(res!.stderr), b = normStderr(ref.stderr ?? '');
  if (a !== b) console.log('STDERR sim:\n' + a + '\nSTDERR ref:\n' + b);
}
