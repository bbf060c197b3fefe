/**
 * The import graph of a tree of TypeScript modules, and its cycles (strongly connected components
 * of more than one module, or a module importing itself), for the layout tests. Every relative
 * `import … from './x.js'` and `export … from './x.js'` is an edge; with `types: false` an import of
 * types only (`import type`, or braces holding only `type X` names: erased by tsc) is not.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';

/** Module (path relative to `root`) → the modules under `root` it imports. */
export function importGraph(root: string, opts: { types: boolean } = { types: true }): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);
  const g = new Map<string, string[]>();
  for (const p of files) {
    const src = readFileSync(p, 'utf8');
    const deps = new Set<string>();
    for (const m of src.matchAll(/^(?:import|export)\b([^;]*?)\bfrom\s+'(\.[^']+)\.js';/gms)) {
      const clause = m[1]!.trim();
      if (!opts.types && (clause.startsWith('type ') || /^\{\s*(type\s+\w+\s*,?\s*)*\}$/.test(clause))) continue;
      const target = resolve(dirname(p), m[2]! + '.ts');
      if (!target.startsWith(root)) continue;
      deps.add(relative(root, target));
    }
    g.set(relative(root, p), [...deps].sort());
  }
  return g;
}

/** The cycles of a graph: its strongly connected components with a cycle (Tarjan's algorithm). */
export function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of [...g.keys()].sort()) if (!idx.has(v)) strong(v);
  return out;
}
