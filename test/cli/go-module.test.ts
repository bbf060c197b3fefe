/**
 * `gmpsim run .` in a Go module follows its go.mod as `go run .` does (cli/gomod.ts): the `go` line is
 * the language version (-lang) and sets the GODEBUG defaults of that version; compile errors are headed
 * by the package's import path. A file (`gmpsim run main.go`) keeps the release's own language version,
 * as `go run main.go` does. An import the release lacks is `go list`'s error (no header, exit status 1).
 *
 * Expected values recorded on real Go, 2026-12-08, in the module's directory:
 *   go run .  /  go run main.go                    — go version go1.26.8 linux/amd64
 *   /usr/lib/go-1.19/bin/go run .  /  … run ne.go  — go version go1.19.8 linux/amd64
 * The GOMAXPROCS defaults under a simulated CPU limit come from the spec instead (this machine has 2
 * CPUs, where the limit never lowers GOMAXPROCS): go1.26.8 internal/godebugs/table.go says
 * containermaxprocs changed in 1.25 (old value 0) and cmd/go/internal/load/godebug.go gives a main
 * module the defaults of its go line.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './harness.js';

ensureBuilt();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-gomod-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A directory with these files (relative names); returns its path. */
function module(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

function run(cwd: string, arg: string, flags: string[] = [], env: Record<string, string> = {}) {
  const e: Record<string, string | undefined> = { ...process.env, ...env };
  delete e['GODEBUG'];
  delete e['GOMAXPROCS'];
  return spawnSync(process.execPath, [path.join(root, 'bin/gmpsim.js'), 'run', ...flags, arg], { cwd, encoding: 'utf8', env: { ...e, ...env } });
}

const closures = `package main

import "fmt"

func main() {
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Print(i, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
	var ps []*int
	for i := range []int{0, 1, 2} {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()
}
`;

const iterators = `package main

import (
	"fmt"
	"iter"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	for v := range Count(5) {
		fmt.Print(v)
	}
	fmt.Println()
}
`;

describe('gmpsim run . in a module: the go line is the language version', () => {
  const loop = module('loop21', { 'go.mod': 'module example.com/loop21\n\ngo 1.21\n', 'main.go': closures });

  it('go 1.21: loop variables are per loop on go1.26 (`go run .`), per iteration for `go run main.go`', () => {
    const dir = run(loop, '.', ['--go', '1.26']);
    expect(dir.stdout).toBe('3 3 3 \n2 2 2 \n');
    expect(dir.status).toBe(0);
    const file = run(loop, 'main.go', ['--go', '1.26']);
    expect(file.stdout).toBe('0 1 2 \n0 1 2 \n');
  });

  it('go 1.21 on go1.19: the release has no newer language (per loop)', () => {
    expect(run(loop, '.', ['--go', '1.19']).stdout).toBe('3 3 3 \n2 2 2 \n');
  });

  it('range over an integer and a function before go 1.22/1.23: the errors say which -lang, headed by the import path', () => {
    const sub = module('loop21/sub', { 'main.go': iterators });
    const o = run(sub, '.', ['--go', '1.26']);
    expect(o.stderr).toBe(
      '# example.com/loop21/sub\n' +
        './main.go:10:18: cannot range over n (variable of type int): requires go1.22 or later (-lang was set to go1.21; check go.mod)\n' +
        './main.go:19:17: cannot range over Count(5) (value of func type iter.Seq[int]): requires go1.23 or later (-lang was set to go1.21; check go.mod)\n',
    );
    expect(o.status).toBe(1);
  });

  it('go 1.19: slice-to-array conversion, min and clear are version errors on go1.26, undefined on go1.19', () => {
    const dir = module('lang19', {
      'go.mod': 'module lang19\n\ngo 1.19 // a comment\n',
      'main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\ta := [3]int(s)\n\tfmt.Println(min(1, 2), a)\n\tclear(s)\n}\n',
    });
    const o = run(dir, '.', ['--go', '1.26']);
    expect(o.stderr).toBe(
      '# lang19\n' +
        './main.go:7:14: cannot convert s (variable of type []int) to type [3]int: conversion of slice to array requires go1.20 or later (-lang was set to go1.19; check go.mod)\n' +
        './main.go:8:14: built-in min requires go1.21 or later (-lang was set to go1.19; check go.mod)\n' +
        './main.go:9:2: clear requires go1.21 or later (-lang was set to go1.19; check go.mod)\n',
    );
    expect(o.status).toBe(1);
    const o19 = run(dir, '.', ['--go', '1.19']);
    expect(o19.stderr).toBe('# lang19\n./main.go:7:14: cannot convert s (variable of type []int) to type [3]int\n./main.go:8:14: undefined: min\n./main.go:9:2: undefined: clear\n');
    expect(o19.status).toBe(2);
  });
});

describe('gmpsim run . in a module: the go line sets GODEBUG defaults', () => {
  const src = 'package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\nfunc main() { fmt.Println(runtime.GOMAXPROCS(0)) }\n';
  const flags = ['--go', '1.26', '--ncpu', '8', '--cpu-quota', '2'];

  it('go 1.24: containermaxprocs=0, the CPU limit does not lower GOMAXPROCS; go 1.25 and a file: it does', () => {
    const old = module('mp124', { 'go.mod': 'module mp\n\ngo 1.24\n', 'main.go': src });
    expect(run(old, '.', flags).stdout).toBe('8\n');
    expect(run(old, 'main.go', flags).stdout).toBe('2\n');
    const cur = module('mp125', { 'go.mod': 'module mp\n\ngo 1.25.0\n', 'main.go': src });
    expect(run(cur, '.', flags).stdout).toBe('2\n');
  });

  it("the environment's GODEBUG wins over the module's defaults", () => {
    const old = module('mp124env', { 'go.mod': 'module mp\n\ngo 1.24\n', 'main.go': src });
    expect(run(old, '.', flags, { GODEBUG: 'containermaxprocs=1' }).stdout).toBe('2\n');
  });
});

describe('an import the release does not have', () => {
  it('is go list\'s error: no header, the file as given, exit status 1 (both releases)', () => {
    const dir = module('missing', { 'ne.go': 'package main\n\nimport "notexist/x"\n\nfunc main() { x.F() }\n' });
    const o19 = run(path.dirname(dir), 'missing/ne.go', ['--go', '1.19']);
    expect(o19.stderr).toBe('missing/ne.go:3:8: package notexist/x is not in GOROOT (/usr/lib/go-1.19/src/notexist/x)\n');
    expect(o19.status).toBe(1);
    const o26 = run(dir, 'ne.go', ['--go', '1.26']);
    expect(o26.stderr).toBe('ne.go:3:8: package notexist/x is not in std (/usr/local/go/src/notexist/x)\n');
    expect(o26.status).toBe(1);
  });
});
