/**
 * Generics in the Go frontend (src/golang/compiler/check/generics.ts) beyond what the recorded
 * programs check (gotests/generics*.go, gotests/errors/generic_*.go, corpus/gotest/typeparam): one
 * instance per distinct type-argument list, determinism, and no state carried between compilations.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGo } from '../../src/golang/index.js';
import { root, runGo } from './harness.js';

const prog = (body: string, decls = ''): string => `package main\n\nimport "fmt"\n\n${decls}\nfunc main() {\n${body}\n}\n`;

describe('generics (stenciling)', () => {
  it('compiles one instance per distinct list of type arguments, whether given or inferred', () => {
    const decls = 'type Ordered interface{ ~int | ~string }\n\nfunc Max[T Ordered](a, b T) T {\n\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n}\n\ntype MyInt int\n';
    const r = compileGo([{ name: 'main.go', text: prog('\tfmt.Println(Max(1, 2), Max[int](3, 4), Max("a", "b"), Max(MyInt(1), 2))', decls) }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // int, string, MyInt: three bodies, each named for tracebacks as gc names them (main.Max[...])
    expect([...r.js.matchAll(/function\* (F_Max\$\d+)\(/g)].map((m) => m[1])).toEqual(['F_Max$0', 'F_Max$1', 'F_Max$2']);
    expect(r.js.match(/"main\.Max\[\.\.\.\]"/g)).toHaveLength(3);
  });

  it('is deterministic: the same program compiled and run twice in one process gives identical code and output', () => {
    const src = readFileSync(join(root, 'generics.go'), 'utf8');
    const a = compileGo([{ name: 'main.go', text: src }]);
    const b = compileGo([{ name: 'main.go', text: src }]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.js).toBe(b.js);
    const x = runGo(src);
    const y = runGo(src);
    expect(x.compile).toBeNull();
    expect(y.res!.stdout).toBe(x.res!.stdout);
    expect(y.res!.stderr).toBe(x.res!.stderr);
  });

  it('keeps instances per compilation: a program does not see the instances or generics of the one before', () => {
    const first = prog('\tvar b Box[int]\n\tfmt.Printf("%T\\n", b)', 'type Box[T any] struct{ v T }\n');
    const second = prog('\tvar b Box[int]\n\tfmt.Println(b)', 'type Box[T any] struct{ w, v T }\n\nfunc (b Box[T]) String() string { return "box" }\n');
    expect(runGo(first).res!.stdout).toBe('main.Box[int]\n');
    expect(runGo(second).res!.stdout).toBe('box\n');
    expect(runGo(first).res!.stdout).toBe('main.Box[int]\n');
  });
});
