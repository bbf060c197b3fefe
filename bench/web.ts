/**
 * `npm run bench:web`: how fast the engine simulates in the web app's setting — a Web Worker in
 * Chromium — against Node, on the four workloads of issue 14 (bench/vs-go/*.ts through the TypeScript
 * API; bench/web/worker.ts).
 *
 *   npx tsx bench/web.ts [--runs N] [--only spawn,pingpong,nanosleep,pipes]
 *
 * One esbuild bundle of the engine and the workloads runs in both hosts: imported into this Node
 * process, and loaded as a module worker by a blank page served on 127.0.0.1 in Debian's Chromium
 * (headless, driven by playwright-core, the e2e harness's launcher). Each host keeps its instance for
 * the whole run, so both are JIT-warm after the first round, which is not counted. A round runs every
 * workload once in each host, back to back, the order alternating from round to round; the figure is
 * the ratio worker ms / Node ms within a round (the machine is shared: ratios of neighbouring runs
 * are steadier than absolute times), printed as min / median / max over the rounds with the absolute
 * medians beside them. Every run's output is checked ("done N"), so a broken run cannot pass as fast.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { launch } from '../web/e2e/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const all = ['spawn', 'pingpong', 'nanosleep', 'pipes'];

function args(argv: string[]): { runs: number; only: string[] } {
  const o = { runs: 5, only: all };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--only') o.only = argv[++i]!.split(',');
    else throw new Error(`bench:web: unknown argument ${a} (--runs N, --only a,b)`);
  }
  for (const n of o.only) if (!all.includes(n)) throw new Error(`bench:web: no workload ${n} (${all.join(', ')})`);
  return o;
}

interface Fig {
  ms: number;
  events: number;
  stdout: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const o = args(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-bench-web-'));
  buildSync({
    entryPoints: [path.join(root, 'bench/web/worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: false,
    alias: { gmpsim: path.join(root, 'src/index.ts') },
    outfile: path.join(dir, 'worker.js'),
    logLevel: 'warning',
  });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>gmpsim bench:web</title><script type="module">
const w = new Worker('./worker.js', { type: 'module' });
window.runIt = (name) => new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.postMessage({ name }); });
</script>`,
  );
  const server = http.createServer((req, res) => {
    const f = path.join(dir, path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'index.html');
    if (!fs.existsSync(f)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(fs.readFileSync(f));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`;
  const node = (await import(pathToFileURL(path.join(dir, 'worker.js')).href)) as { runOne: (n: string) => Fig };
  const browser = await launch();
  const page = await browser.ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'runIt' in window);
  const inWorker = async (name: string): Promise<Fig> => {
    const r = (await page.evaluate((n) => (window as unknown as { runIt: (n: string) => Promise<unknown> }).runIt(n), name)) as { ok: boolean; error?: string } & Fig;
    if (!r.ok) throw new Error(`the worker failed on ${name}: ${r.error}`);
    return r;
  };
  const check = (host: string, name: string, f: Fig): Fig => {
    if (!/^done \d+/.test(f.stdout)) throw new Error(`${host} ${name}: printed ${JSON.stringify(f.stdout.slice(0, 80))}, not "done N"`);
    return f;
  };
  const figs: Record<string, { node: number[]; worker: number[]; ratio: number[]; events: number }> = {};
  console.log(`bench:web — the engine in a Chromium Web Worker vs Node ${process.version}, ${o.runs} rounds after a warm-up round; load ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} CPUs`);
  for (let round = 0; round <= o.runs; round++) {
    for (const name of o.only) {
      const order = round % 2 === 0 ? ['node', 'worker'] : ['worker', 'node'];
      const got: Record<string, Fig> = {};
      for (const h of order) got[h] = check(h, name, h === 'node' ? node.runOne(name) : await inWorker(name));
      if (got['node']!.events !== got['worker']!.events) throw new Error(`${name}: ${got['node']!.events} events in Node, ${got['worker']!.events} in the worker (the engine is deterministic)`);
      if (round === 0) continue; // warm-up
      const f = (figs[name] ??= { node: [], worker: [], ratio: [], events: got['node']!.events });
      f.node.push(got['node']!.ms);
      f.worker.push(got['worker']!.ms);
      f.ratio.push(got['worker']!.ms / got['node']!.ms);
    }
  }
  await browser.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('workload    k-events    Node ms (median)  worker ms (median)  worker / Node: min  median  max');
  for (const [name, f] of Object.entries(figs)) {
    const r = [...f.ratio].sort((a, b) => a - b);
    console.log(`${name.padEnd(10)}  ${String(f.events).padStart(9)}  ${median(f.node).toFixed(0).padStart(16)}  ${median(f.worker).toFixed(0).padStart(18)}  ${r[0]!.toFixed(2).padStart(22)}  ${median(r).toFixed(2).padStart(6)}  ${r[r.length - 1]!.toFixed(2).padStart(4)}`);
  }
  console.log(`load ${os.loadavg()[0]!.toFixed(2)} at the end`);
}

main().catch((e: unknown) => {
  console.error(`bench:web: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
