/** Running the built `gmpsim` command as a subprocess, for the CLI tests. */
import { beforeAll, expect } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fx = (name: string): string => path.join('test/cli/fixtures', name);

export interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built command in the repository's root (asynchronously, so concurrent tests overlap). */
export function gmpsim(args: string[], env: Record<string, string> = {}): Promise<Out> {
  const baseEnv = { ...process.env };
  delete baseEnv['GOMAXPROCS'];
  delete baseEnv['GODEBUG'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gmpsim.js', ...args], { cwd: root, env: { ...baseEnv, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestMtime(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Build the command first when dist/ is missing or older than the sources. */
export function ensureBuilt(): void {
  beforeAll(() => {
    const built = path.join(root, 'dist/cli/main.js');
    const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(newestMtime(path.join(root, 'cli')), newestMtime(path.join(root, 'src')));
    if (stale) execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'pipe' });
  }, 120_000);
}

/** A gmpsim error: exactly one line `gmpsim: …`, no JavaScript stack trace, nothing on stdout. */
export function expectOneLineError(o: Out, code: number, mentions: RegExp): void {
  expect(o.code, o.stderr).toBe(code);
  const lines = o.stderr.split('\n').filter((l) => l !== '');
  expect(lines, o.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^gmpsim: /);
  expect(lines[0]).toMatch(mentions);
  expect(o.stderr).not.toMatch(/\n\s+at /);
  expect(o.stdout).toBe('');
}
