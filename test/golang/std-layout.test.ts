/**
 * The standard library's layout (issue #11): one module per Go package under src/golang/std/, which
 * can be evaluated in some order (no import cycle among them at evaluation time: type-only imports
 * are erased), none of which imports std/index.ts back; the run-time code the generated programs
 * name as `$P.<module>.<name>` exists; and no module of the Go frontend keeps mutable state at
 * module level (run state lives in the Process, compile state in the Compiler).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { $P } from '../../src/golang/std/index.js';

const golang = join(import.meta.dirname, '..', '..', 'src', 'golang');
const std = join(golang, 'std');
const stdModules = readdirSync(std).filter((f) => f.endsWith('.ts'));

/** The std modules a module imports for their values (an import of types only is erased by tsc). */
function valueImports(file: string): string[] {
  const src = readFileSync(join(std, file), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^import\s+(type\s+)?(?:([^'"]*?)\s+from\s+)?'\.\/([\w]+)\.js';/gm)) {
    const [, typeOnly, clause, mod] = m;
    if (typeOnly) continue;
    const braces = clause?.match(/^\{([^}]*)\}$/);
    if (braces && braces[1]!.split(',').every((s) => s.trim() === '' || s.trim().startsWith('type '))) continue;
    out.push(`${mod}.ts`);
  }
  return out;
}

describe('src/golang/std layout', () => {
  it('the package modules import each other without a cycle, and none imports std/index.ts', () => {
    const graph = new Map(stdModules.map((f) => [f, valueImports(f)]));
    for (const [f, deps] of graph) if (f !== 'support.ts') expect(deps, f).not.toContain('index.ts');
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      expect(state.get(f), `import cycle: ${[...path, f].join(' → ')}`).not.toBe('visiting');
      state.set(f, 'visiting');
      for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of stdModules) visit(f, []);
  });

  it('every $P.<module>.<name> the package modules generate is exported by that module', () => {
    const P = $P as Record<string, Record<string, unknown>>;
    let n = 0;
    for (const f of stdModules) {
      const src = readFileSync(join(std, f), 'utf8');
      for (const m of src.matchAll(/\$P\.(\w+)\.(\w+)/g)) {
        n++;
        expect(P[m[1]!], `${f}: $P.${m[1]}`).toBeDefined();
        expect(P[m[1]!]![m[2]!], `${f}: ${m[0]}`).toBeDefined();
      }
    }
    expect(n).toBeGreaterThan(50);
  });

  it('no module of the Go frontend has module-level mutable state (`let`/`var` at top level)', () => {
    const allowed = new Set<string>([]);
    for (const dir of [golang, std, join(golang, 'rt'), join(golang, 'compiler')]) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
        for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/^(?:export\s+)?(?:let|var)\s+(\w+)/gm)) expect(allowed.has(`${f}:${m[1]}`), `${f}: ${m[0]}`).toBe(true);
      }
    }
  });
});
