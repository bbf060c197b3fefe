/**
 * Package os/exec: what a simulator can honestly do with another program. The simulated OS runs
 * one process, the program; it has no executables, and running a real one (`go build`, `ls`)
 * would put the host's behaviour and timing into a deterministic simulation. So:
 *
 * - a program may build commands: Command and CommandContext return a *Cmd with Go's fields (Path,
 *   Args, Env, Dir, Stdin, Stdout, Stderr) set as exec.go's Command sets them (Path is the name,
 *   Args the name and its arguments), and Cmd.String is exec.go's (the path and arguments joined by
 *   spaces);
 * - running one (Run, Start, Output, CombinedOutput) or looking one up in $PATH (LookPath) stops the
 *   run with `unsupported: os/exec: running "<name>" (a program other than the simulated one) is
 *   outside what gmpsim can represent`: never an error value a real system would not give (an
 *   "executable file not found" would be false on a machine that has it), never a made-up result.
 */
import type { Op } from '../../workload/ops.js';
import { type NamedType, tString } from '../types.js';
import { tError } from '../core.js';
import { pkg, F, T, fn, ptr, sl, tBytes, native, method, subset } from './registry.js';
import { tContext } from './context.js';
import { tReader, tWriter } from './io.js';
import { unsupportedAtRun } from '../rt/panics.js';
import { type Slice, sliceLit, sliceToArray } from '../rt/slices.js';
import type { Iface } from '../rt/values.js';
import { sprintf } from '../rt/format.js';

type Go<T = void> = Generator<Op, T, unknown>;

const quote = (s: string): string => sprintf('%q', [{ t: tString, v: s }]);
const running = (name: string): never => unsupportedAtRun(`os/exec: running ${quote(name)} (a program other than the simulated one)`);

/** *exec.Cmd (exec.go): the fields a program sets; running it is unsupported. */
export class Cmd {
  Path = '';
  Args: Slice | null = null;
  Env: Slice | null = null;
  Dir = '';
  Stdin: Iface | null = null;
  Stdout: Iface | null = null;
  Stderr: Iface | null = null;
  private name(): string {
    const a = sliceToArray(this.Args) as string[];
    return a[0] ?? this.Path;
  }
  *Run(): Go<Iface | null> {
    return running(this.name());
  }
  *Start(): Go<Iface | null> {
    return running(this.name());
  }
  *Wait(): Go<Iface | null> {
    return running(this.name());
  }
  *Output(): Go<[Slice | null, Iface | null]> {
    return running(this.name());
  }
  *CombinedOutput(): Go<[Slice | null, Iface | null]> {
    return running(this.name());
  }
  /** Cmd.String: the path and the arguments after the name, joined by spaces. */
  String(): string {
    const a = sliceToArray(this.Args) as string[];
    return [this.Path, ...a.slice(1)].join(' ');
  }
}

/** exec.Command(name, arg...): Path is the name (no $PATH lookup here), Args name and args. */
export function Command(name: string, args: Slice | null): Cmd {
  const c = new Cmd();
  c.Path = name;
  c.Args = sliceLit([name, ...(sliceToArray(args) as string[])]);
  return c;
}
/** exec.LookPath(file): unsupported (the answer would be the host's). */
export function LookPath(file: string): [string, Iface | null] {
  return running(file);
}

export const tCmd: NamedType = native('Cmd', 'exec', '$P.os_exec.Cmd', {
  k: 'struct',
  fields: (
    [
      ['Path', tString],
      ['Args', sl(tString)],
      ['Env', sl(tString)],
      ['Dir', tString],
      ['Stdin', tReader],
      ['Stdout', tWriter],
      ['Stderr', tWriter],
    ] as const
  ).map(([name, type]) => ({ name, type, embedded: false, js: name })),
});
method(tCmd, 'Run', fn([], [tError]), true);
method(tCmd, 'Start', fn([], [tError]), true);
method(tCmd, 'Wait', fn([], [tError]), true);
method(tCmd, 'Output', fn([], [tBytes, tError]), true);
method(tCmd, 'CombinedOutput', fn([], [tBytes, tError]), true);
method(tCmd, 'String', fn([], [tString]), false);

pkg('os/exec', {
  Cmd: T(tCmd),
  Command: F(fn([tString, sl(tString)], [ptr(tCmd)], true), (a) => `$P.os_exec.Command(${a[0]}, ${a[1]})`),
  CommandContext: F(fn([tContext, tString, sl(tString)], [ptr(tCmd)], true), (a) => `$P.os_exec.Command(${a[1]}, ${a[2]})`),
  LookPath: F(fn([tString], [tString, tError]), (a) => `$P.os_exec.LookPath(${a[0]})`),
  $unsupported: subset(),
}, true);
