// Developer tool: show the simulator's output next to the go1.19 reference for some programs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reference, root, runGo, normStderr } from '../../test/golang/harness.js';
for (const name of process.argv.slice(2)) {
  const ref = reference(name);
  const { compile, res } = runGo(readFileSync(join(root, `${name}.go`), 'utf8'), ref.env ?? {});
  console.log(`===== ${name}`);
  if (compile !== null) { console.log('COMPILE:', compile, '\nREF:', ref.buildErrors); continue; }
  if (res!.stdout !== ref.stdout) console.log('STDOUT sim:\n' + res!.stdout + '\nSTDOUT ref:\n' + ref.stdout);
  if (res!.exitCode !== ref.exit) console.log('EXIT', res!.exitCode, 'ref', ref.exit, res!.message);
  const a = normStderr(res!.stderr), b = normStderr(ref.stderr ?? '');
  if (a !== b) console.log('STDERR sim:\n' + a + '\nSTDERR ref:\n' + b);
}
