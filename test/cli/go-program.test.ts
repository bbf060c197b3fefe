/**
 * A Go program run by the CLI sees what `go run prog.go args < input` gives it: its arguments
 * (os.Args[1:], after `--` when they look like flags), standard input, and the environment
 * (issue #13 item 5: before, arguments were a usage error and stdin read as empty).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './harness.js';

const prog = `package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.Args[1:], os.Getenv("GREETING"))
	s := bufio.NewReader(os.Stdin)
	for {
		line, err := s.ReadString('\\n')
		if line != "" {
			fmt.Printf("%q\\n", line)
		}
		if err != nil {
			break
		}
	}
}
`;

function run(args: string[], input: string) {
  return spawnSync(process.execPath, ['bin/gmpsim.js', 'run', ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, GREETING: 'hello' } });
}

describe('gmpsim run prog.go: arguments, stdin and environment reach the program', () => {
  let file = '';
  beforeAll(() => {
    ensureBuilt();
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gmpsim-args-')), 'main.go');
    fs.writeFileSync(file, prog);
  });

  it('passes arguments and piped standard input (go1.19.8 prints the same for `go run main.go a b`)', () => {
    const r = run([file, 'a', 'b'], 'one\ntwo\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('[a b] hello\n"one\\n"\n"two\\n"\n');
    expect(r.status).toBe(0);
  });

  it('takes flag-like arguments after --', () => {
    const r = run([file, '--', '-n', '3'], '');
    expect(r.stdout).toBe('[-n 3] hello\n');
    expect(r.status).toBe(0);
  });

  it('refuses arguments for a TypeScript workload with a one-line usage error', () => {
    const r = run(['examples/deadlock.ts', 'x'], '');
    expect(r.stderr).toBe('gmpsim: x: a TypeScript workload takes no arguments; set its parameters with --param name=value\n');
    expect(r.status).toBe(2);
  });
});
