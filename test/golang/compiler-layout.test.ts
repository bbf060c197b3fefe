/**
 * The Go frontend's layout (issue #11): no module of src/golang imports one that imports it back
 * (the modules of src/golang/compiler/ recurse through the Compiler's `Descent` table, core.ts); the run-time
 * support of compiled code is one module per concept under src/golang/rt/, and `$L` — the object the generated code
 * calls them through — has each name from exactly one module and has every name the frontend emits;
 * emitted code names runtime ops by their name in workload/ops.ts's table, never by number.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { importGraph, cycles } from './import-graph.js';
import { L, valueModules } from '../../src/golang/rt/index.js';
import { compileGo } from '../../src/golang/index.js';
import { K } from '../../src/workload/ops.js';

const golang = join(import.meta.dirname, '..', '..', 'src', 'golang');

/** Every .ts file under a directory (recursively). */
function tsFiles(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? tsFiles(p) : f.endsWith('.ts') ? [p] : [];
  });
}

describe('src/golang layout', () => {
  it('the cycle finder finds a cycle (checked on a known graph, so a pass below means something)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('rt/ (run-time support) has no import cycle, type-only imports included', () => {
    const g = importGraph(join(golang, 'rt'));
    expect(g.size).toBeGreaterThan(10);
    expect(cycles(g)).toEqual([]);
  });

  it('the compiler (src/golang/compiler/ and the modules beside it: core, types, cost, index) has no import cycle, type-only imports included', () => {
    const g = importGraph(golang);
    expect(g.get('compiler/expr.ts')).toContain('compiler/call.ts');
    const inCompiler = (f: string): boolean => f.startsWith('compiler/') || !f.includes('/');
    const compiler = new Map([...g].filter(([f]) => inCompiler(f)).map(([f, deps]) => [f, deps.filter(inCompiler)]));
    expect(compiler.size).toBeGreaterThan(18);
    expect(cycles(compiler)).toEqual([]);
  });

  it('src/golang as a whole (compiler, rt/, std/) has no cycle of value imports (std/ has type-only ones, e.g. Process ↔ net.Listener)', () => {
    const g = importGraph(golang, { types: false });
    expect(g.size).toBeGreaterThan(60);
    expect(cycles(g)).toEqual([]);
  });

  it('each name of $L comes from one rt module', () => {
    const owner = new Map<string, string>();
    for (const [mod, ns] of Object.entries(valueModules))
      for (const name of Object.keys(ns)) {
        expect(owner.get(name), `${name} in ${mod} and ${owner.get(name)}`).toBeUndefined();
        owner.set(name, mod);
      }
  });

  it('$L is exactly the rt value modules, and V8 keeps it in fast-properties mode (a dictionary-mode $L made the Go bench 1.5x slower)', () => {
    expect(Object.keys(L).sort()).toEqual(Object.values(valueModules).flatMap((ns) => Object.keys(ns)).sort());
    const rtIndex = join(golang, '..', '..', 'dist', 'src', 'golang', 'rt', 'index.js');
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(rtIndex).href)}); console.log(%HasFastProperties(m.L));`], { encoding: 'utf8' });
    expect(out.trim()).toBe('true');
  });

  it('every $L.<name> the frontend and the package modules emit exists', () => {
    let n = 0;
    for (const f of tsFiles(golang)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\$L\.(\w+)/g)) {
        n++;
        expect(L[m[1]!], `${f}: ${m[0]}`).toBeDefined();
      }
    }
    expect(n).toBeGreaterThan(100);
  });
});

describe('emitted code', () => {
  it('names every runtime op ($K.<name>, workload/ops.ts), never by its number', () => {
    const dirs = [join(golang, '..', '..', 'gotests'), join(golang, '..', '..', 'conformance', 'programs')];
    let compiled = 0;
    let named = 0;
    for (const d of dirs)
      for (const f of readdirSync(d).filter((x) => x.endsWith('.go'))) {
        const r = compileGo([{ name: f, text: readFileSync(join(d, f), 'utf8') }]);
        if (!r.ok) continue;
        compiled++;
        // an op object literal is `{k: <code>, …}`: its code must be a $K member
        for (const m of r.js.matchAll(/[{,]\s*k\s*:\s*([^,}\s]+)/g)) {
          expect(m[1], `${f}: ${m[0]}`).toMatch(/^\$K\.\w+$/);
          expect(K[m[1]!.slice(3) as keyof typeof K], `${f}: ${m[0]}`).toBeDefined();
          named++;
        }
      }
    expect(compiled).toBeGreaterThan(60);
    expect(named).toBeGreaterThan(500);
  });
});
