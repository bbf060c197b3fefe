/**
 * e2e harness: build the app, serve web/dist on 127.0.0.1 (a free port), find or install Debian's
 * chromium, launch it headless with playwright-core. Everything has a timeout.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const webDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = path.resolve(webDir, '..');

export function findChromium(): string {
  const candidates = [process.env['CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((x): x is string => !!x);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  // Try Debian's package (root on the project's machines); never a downloaded browser build.
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log('# chromium not found: apt-get install -y chromium');
    spawnSync('apt-get', ['update'], { stdio: 'inherit', timeout: 300_000 });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    for (const c of candidates) if (fs.existsSync(c)) return c;
  }
  throw new Error('test:web needs Debian\'s chromium: install it with `apt-get install -y chromium`, or set CHROMIUM=/path/to/chromium');
}

export function build(): void {
  execFileSync(process.execPath, [path.join(repoDir, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(webDir, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: repoDir,
    stdio: 'inherit',
    timeout: 180_000,
  });
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** A static server for web/dist on 127.0.0.1 only. */
export function serve(dir = path.join(webDir, 'dist')): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    let f = path.join(dir, decodeURIComponent(u.pathname));
    if (!f.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html');
    if (!fs.existsSync(f)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(f)] ?? 'application/octet-stream' });
    fs.createReadStream(f).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${addr.port}/`, close: () => server.close() });
    });
  });
}

/** Chromium with a fresh user-data-dir (removed by the returned close()). */
export async function launch(viewport = { width: 1500, height: 1000 }): Promise<{ ctx: BrowserContext; close: () => Promise<void> }> {
  const exe = findChromium();
  const userDataDir = fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'gmpsim-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: exe,
    headless: true,
    timeout: 60_000,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  return {
    ctx,
    close: async () => {
      await ctx.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
