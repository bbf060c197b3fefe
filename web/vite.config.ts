// Vite project for the gmpsim visualizer. Root is web/; the engine is imported from ../src directly
// (pure TypeScript, no Node APIs) and the gallery from ../examples. `base: './'` makes the build
// work from any static host or sub-path.
//
// The Go frontend (../src/golang) is optional: the virtual module 'virtual:gmpsim-golang' re-exports
// it when it exists and bundles cleanly (checked with esbuild), and is a stub otherwise, so a
// missing or half-finished frontend never breaks the app's build (Go workloads then report that
// the frontend is not in this build, as the CLI does).
import { defineConfig, type Plugin } from 'vite';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const golangEntry = fileURLToPath(new URL('../src/golang/index.ts', import.meta.url));

function golang(): Plugin {
  const id = '\0gmpsim-golang';
  return {
    name: 'gmpsim-golang',
    resolveId(source) {
      return source === 'virtual:gmpsim-golang' ? id : null;
    },
    load(source) {
      if (source !== id) return null;
      const stub = (why: string): string => `export const compileGo = undefined;\nexport const unavailable = ${JSON.stringify(why)};\n`;
      if (!fs.existsSync(golangEntry)) return stub('src/golang is not in this build');
      try {
        buildSync({ entryPoints: [golangEntry], bundle: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent', external: ['gmpsim'] });
      } catch (e) {
        const msg = (e as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(e);
        this.warn(`the Go frontend does not bundle, Go workloads are disabled in this build: ${msg}`);
        return stub(`src/golang does not build: ${msg}`);
      }
      return `export * from ${JSON.stringify(golangEntry)};\nexport const unavailable = '';\n`;
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [golang()],
  server: { host: '127.0.0.1', port: Number(process.env['PORT'] ?? 5173), strictPort: false, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1', port: Number(process.env['PORT'] ?? 4173) },
  worker: { format: 'es', plugins: () => [golang()] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
