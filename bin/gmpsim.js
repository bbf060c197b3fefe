#!/usr/bin/env node
// The gmpsim command: a launcher for the compiled CLI (build first: npx tsc -p tsconfig.json).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/cli/main.js')) {
    process.stderr.write('gmpsim: the command is not built yet: run `npx tsc -p tsconfig.json` (npm run build) first\n');
    process.exit(70);
  }
  throw e;
}
await cli.main(process.argv);
