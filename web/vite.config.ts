// Vite project for the gmpsim visualizer. Root is web/; the engine is imported from ../src directly
// (pure TypeScript, no Node APIs) and the gallery from ../examples. `base: './'` makes the build
// work from any static host or sub-path.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
