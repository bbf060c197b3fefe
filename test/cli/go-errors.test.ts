/**
 * `gmpsim run x.go` fails the way go1.19's `go run x.go` does (issue #13 item 13): exit status and
 * the shape of stderr for compile errors, files that are not Go source, and the paths a panic
 * traceback names.
 *
 * Expected values recorded on real Go, 2026-12-06, with the file in a temporary directory and the
 * command run from that directory (`go run X.go`) unless said otherwise:
 *   /usr/lib/go-1.19/bin/go run …  — go version go1.19.8 linux/amd64
 *   go run …                       — go version go1.26.8 linux/amd64
 * Where go1.26 differs from go1.19 (gmpsim models go1.19) the test says so.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './harness.js';

ensureBuilt();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-goerr-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
}

/** `gmpsim run ARG` from directory cwd (default: the file's directory). */
function run(arg: string, cwd = tmp, flags: string[] = []) {
  return spawnSync(process.execPath, [path.join(root, 'bin/gmpsim.js'), 'run', ...flags, arg], { cwd, encoding: 'utf8' });
}

describe('gmpsim run x.go: errors as go1.19 go run reports them', () => {
  it('a type error: "# command-line-arguments", ./file:line:col, exit status 2', () => {
    write('typeerr.go', 'package main\n\nfunc main() {\n\tvar x int = "s"\n\t_ = x\n}\n');
    const o = run('typeerr.go');
    // go1.19 and go1.26 print the same text; go1.19 exits 2, go1.26 exits 1.
    expect(o.stderr).toBe('# command-line-arguments\n./typeerr.go:4:14: cannot use "s" (untyped string constant) as int value in variable declaration\n');
    expect(o.status).toBe(2);
    expect(o.stdout).toBe('');
  });

  it('a compile error of a file in another directory names it relative to the current one (cmd/go base.ShortPath)', () => {
    // real go1.19, from the parent of the file's directory: `go run DIR/typeerr.go` prints DIR/typeerr.go:4:14
    write('typeerr.go', 'package main\n\nfunc main() {\n\tvar x int = "s"\n\t_ = x\n}\n');
    const o = run(path.join(path.basename(tmp), 'typeerr.go'), path.dirname(tmp));
    expect(o.stderr.split('\n')[1]).toBe(`${path.basename(tmp)}/typeerr.go:4:14: cannot use "s" (untyped string constant) as int value in variable declaration`);
    expect(o.status).toBe(2);
  });

  it('a syntax error: same header, path shape and exit status', () => {
    write('syntax.go', 'package main\n\nfunc main() {\n\tx := \n}\n');
    const o = run('syntax.go');
    // go1.19.8 `go run syntax.go` (go1.26: "expected expression", exit 1; every message of the
    // syntax checker is compared with both toolchains in test/golang/syntax.test.ts)
    expect(o.stderr).toBe('# command-line-arguments\n./syntax.go:5:1: syntax error: unexpected }, expecting expression\n');
    expect(o.status).toBe(2);
  });

  it('--go 1.26: the syntax error in go1.26 words ("expected"), exit status 1', () => {
    write('syntax126.go', 'package main\n\nfunc main() {\n\tx := \n}\n');
    const o = run('syntax126.go', tmp, ['--go', '1.26']);
    // go1.26.8 `go run syntax126.go` (the same program: test/golang/syntax/expr_missing_operand.go, expected.json)
    expect(o.stderr).toBe('# command-line-arguments\n./syntax126.go:5:1: syntax error: unexpected }, expected expression\n');
    expect(o.status).toBe(1);
  });

  it('a program that only an error-tolerant parser accepts is a syntax error (issue #11), not a run', () => {
    // gmpsim's Lezer parser recovered from the brace on the next line and ran the loop (exit 0).
    write('forbrace.go', 'package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ \n\t{\n\t\tprintln(i)\n\t}\n}\n');
    const o = run('forbrace.go');
    // go1.19.8 `go run forbrace.go`
    expect(o.stderr).toBe('# command-line-arguments\n./forbrace.go:4:25: syntax error: unexpected newline, expecting { after for clause\n');
    expect(o.status).toBe(2);
  });

  it('an empty file: "expected \'package\', found \'EOF\'", no header, exit status 1', () => {
    write('empty.go', '');
    const o = run('empty.go');
    // go1.19 and go1.26 alike (the error of go list's parse, before any compiling)
    expect(o.stderr).toBe("empty.go:1:1: expected 'package', found 'EOF'\n");
    expect(o.status).toBe(1);
  });

  it('a file of white space and comments only: the position is the end of the file (go/token lines)', () => {
    write('cmt.go', '\n\n// c\n');
    write('ws.go', '  \n\t ');
    // real go1.19 and go1.26: cmt.go:3:6 and ws.go:2:3
    expect(run('cmt.go').stderr).toBe("cmt.go:3:6: expected 'package', found 'EOF'\n");
    expect(run('ws.go').stderr).toBe("ws.go:2:3: expected 'package', found 'EOF'\n");
  });

  it('a file starting with another token: "expected \'package\', found …" at that token', () => {
    write('nopkg.go', 'func main() {}\n');
    write('ident.go', '// x\nfoo bar\n');
    write('bom.go', '\ufeffpackage main\n\nfunc main() {}\n');
    // real go1.19 and go1.26: a keyword is quoted, an identifier is not; exit status 1
    const o = run('nopkg.go');
    expect(o.stderr).toBe("nopkg.go:1:1: expected 'package', found 'func'\n");
    expect(o.status).toBe(1);
    expect(run('ident.go').stderr).toBe("ident.go:2:1: expected 'package', found foo\n");
    // a leading byte order mark is skipped (go/scanner): the program runs
    expect(run('bom.go').status).toBe(0);
  });

  it('a binary file named .go: one line "go: reading FILE: unexpected NUL in input", exit status 1, no raw bytes', () => {
    const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3e, 0x00]);
    const f = write('bin.go', bytes);
    // go1.19 and go1.26 alike; FILE is the argument as given
    const o = run(f);
    expect(o.stderr).toBe(`go: reading ${f}: unexpected NUL in input\n`);
    expect(o.status).toBe(1);
    expect(run('bin.go').stderr).toBe('go: reading bin.go: unexpected NUL in input\n');
  });

  it("a panic traceback names the source file's absolute path, not a temporary one", () => {
    const f = write('panic.go', 'package main\n\nfunc main() {\n\tpanic("boom")\n}\n');
    // real go1.19 (and go1.26), `go run /abs/panic.go` or `go run panic.go`:
    //   panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/abs/panic.go:4 +0x27\nexit status 2
    for (const arg of [f, 'panic.go']) {
      const o = run(arg);
      expect(o.stderr).toContain(`main.main()\n\t${f}:4 +0x`);
      expect(o.stderr).not.toContain('/tmp/gmpsim/');
    }
  });

  it('an unsupported construct names its position once', () => {
    write('unsup.go', 'package main\n\nimport "runtime"\n\nfunc main() {\n\tvar x int\n\t_ = runtime.GOROOT() + string(rune(x))\n}\n');
    const o = run('unsup.go');
    // not a Go error (real Go runs this program): gmpsim's own message, its position given once
    expect(o.stderr).toBe('unsupported: runtime.GOROOT (at unsup.go:7:6) is outside the Go subset gmpsim runs\n');
    expect(o.status).toBe(1);
  });

  it('pointer arithmetic gmpsim cannot represent stops the run with a message naming it (unsafe.Add off an array)', () => {
    write('unsafeadd.go', 'package main\n\nimport "unsafe"\n\nfunc main() {\n\tvar x int\n\t_ = unsafe.Add(unsafe.Pointer(&x), 1)\n}\n');
    const o = run('unsafeadd.go');
    expect(o.stderr.split('\n')[0]).toBe("panic: unsupported: unsafe.Add off an array's elements is outside what gmpsim can represent");
    expect(o.stderr).toContain('unsafeadd.go:7');
    expect(o.status).toBe(2);
  });

  it('running another program (os/exec) stops the run with a message naming it; building the command does not', () => {
    write('exec.go', 'package main\n\nimport (\n\t"fmt"\n\t"os/exec"\n)\n\nfunc main() {\n\tc := exec.Command("go", "version")\n\tfmt.Println(len(c.Args))\n\t_, _ = c.Output()\n}\n');
    const o = run('exec.go');
    expect(o.stdout).toBe('2\n');
    expect(o.stderr.split('\n')[0]).toBe('panic: unsupported: os/exec: running "go" (a program other than the simulated one) is outside what gmpsim can represent');
    expect(o.status).toBe(2);
  });
});
