#!/usr/bin/env node
/**
 * Records what each Go release prints for the programs in test/versions/programs/*.go: panic
 * chains, tracebacks (`created by … in goroutine N`), goroutine dumps, fatal errors, schedtrace and
 * scheddetail lines, start-up goroutines and threads, exit statuses. test/versions/formats.test.ts
 * checks gmpsim's output under each profile against these recordings.
 *
 *   node tools/record-versions.mjs [NAME…] [--go119 PATH] [--go126 PATH] [--runs N]
 *
 * Toolchains are named explicitly, never taken from PATH: go1.19.8 = /usr/lib/go-1.19/bin/go,
 * go1.26.8 = /usr/local/go/bin/go by default. Each recording file is stamped with the toolchain's
 * `go version` line. A program's header lines `// variant: NAME ENV=V …` each give one variant (the
 * default is one variant, "default", with no environment); `compileerror.go` is run with `go run`
 * (its exit status is cmd/go's), every other program is built and its binary run N times (default 3).
 * Wrap in `flock /tmp/gorecord.lock` on a shared machine: schedtrace lines are timing-sensitive.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const progDir = path.join(root, 'test/versions/programs');
const outDir = path.join(root, 'test/versions/recorded');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const toolchains = [opt('--go119', '/usr/lib/go-1.19/bin/go'), opt('--go126', '/usr/local/go/bin/go')];
const runs = Number(opt('--runs', '3'));
const names = args.length > 0 ? args : fs.readdirSync(progDir).filter((f) => f.endsWith('.go')).map((f) => f.slice(0, -3)).sort();

function variants(src) {
  const out = [];
  for (const line of src.split('\n')) {
    const m = /^\/\/ variant: (\S+)(.*)$/.exec(line);
    if (!m) continue;
    const env = {};
    for (const kv of m[2].trim().split(/\s+/).filter(Boolean)) env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
    out.push({ name: m[1], env });
  }
  return out.length > 0 ? out : [{ name: 'default', env: {} }];
}

fs.mkdirSync(outDir, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-versions-'));
for (const go of toolchains) {
  const version = execFileSync(go, ['version'], { encoding: 'utf8' }).trim();
  const tag = version.split(' ')[2];
  for (const name of names) {
    const file = path.join(progDir, `${name}.go`);
    const src = fs.readFileSync(file, 'utf8');
    // Build in a directory of its own, so tracebacks name one stable path.
    const dir = path.join(tmp, tag, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, path.join(dir, 'main.go'));
    const goRun = name === 'compileerror';
    const bin = path.join(dir, 'prog');
    // Module mode without a go.mod, as `go run main.go` builds a single file: the GODEBUG defaults are
    // the toolchain's own. (GOPATH mode, GO111MODULE=off, would take go1.20's defaults, under which a
    // go1.26 binary has updatemaxprocs=0 and containermaxprocs=0, internal/godebugs/table.go.)
    const goEnv = { ...process.env, GO111MODULE: 'on', GOFLAGS: '' };
    if (!goRun) {
      const b = spawnSync(go, ['build', '-o', bin, 'main.go'], { cwd: dir, env: goEnv, encoding: 'utf8' });
      if (b.status !== 0) throw new Error(`${tag} ${name}: build failed: ${b.stderr}`);
    }
    for (const v of variants(src)) {
      const rec = { program: `${name}.go`, variant: v.name, env: v.env, toolchain: version, goPath: go, mode: goRun ? 'go run main.go' : 'go build; ./prog', runs: [] };
      for (let i = 0; i < runs; i++) {
        const env = { ...process.env, ...v.env };
        delete env.GOTRACEBACK;
        const r = goRun ? spawnSync(go, ['run', 'main.go'], { cwd: dir, env: { ...goEnv, ...v.env }, encoding: 'utf8' }) : spawnSync(bin, [], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
        rec.runs.push({ exit: r.status, stdout: r.stdout, stderr: r.stderr });
      }
      const out = path.join(outDir, `${name}.${v.name}.${tag}.json`);
      fs.writeFileSync(out, JSON.stringify(rec, null, 2) + '\n');
      console.log(`${tag} ${name} ${v.name}: exit ${rec.runs.map((r) => r.exit).join(',')} → ${path.relative(root, out)}`);
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
