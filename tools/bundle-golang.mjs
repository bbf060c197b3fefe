// Part of `npm run build`: the Go frontend (dist/src/golang/, 75 modules) bundled into one module,
// dist/src/golang.bundle.js, which `gmpsim run prog.go` loads (cli/load.ts).
//
// Why: Node's ESM loader pays per module (resolve, stat, read, compile: ≈0.6 ms each); importing the
// frontend's 75 files cost ≈80 ms of every Go run's start-up, the bundle ≈33 ms. The engine's modules
// (dist/src/runtime, workload, log, sys, kernel) stay outside the bundle, imported by their usual
// paths, so the CLI, the engine and the frontend share one instance of each (the same Runtime, Call,
// Chan classes). dist/src/golang/ stays as it is: the package's `gmpsim/golang` export and the tests
// use it; a process uses one or the other, never both.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'dist', 'src');
const golang = path.join(src, 'golang') + path.sep;
const esbuild = createRequire(import.meta.url)('esbuild');

await esbuild.build({
  entryPoints: [path.join(golang, 'index.js')],
  outfile: path.join(src, 'golang.bundle.js'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [
    {
      name: 'engine-external',
      setup(b) {
        // A relative import leaving dist/src/golang/ is the engine's: keep it an import, by its path
        // relative to the bundle (which sits in dist/src/).
        b.onResolve({ filter: /^\./ }, (a) => {
          const p = path.resolve(a.resolveDir, a.path);
          if (p.startsWith(golang)) return undefined;
          return { path: './' + path.relative(src, p).split(path.sep).join('/'), external: true };
        });
      },
    },
  ],
});
