/**
 * Package log: the standard logger, writing to stderr (one write(2) per message, through the
 * scheduler like any fmt.Fprint to os.Stderr). Its flags and prefix are run state (Process).
 *
 * The date and time come from the simulated clock's fixed epoch, as Go's playground prints them
 * (2009/11/10 23:00:00): a simulated run has no wall clock.
 */
import { tInt, tString } from '../types.js';
import type { Process } from './process.js';
import { pkg, F, C, fn, op, write, arr, vAny, subset } from './registry.js';
import { gopanic } from '../rt/panicval.js';

/** log.Ldate | log.Ltime … (log/log.go). */
export const Ldate = 1;
export const Ltime = 2;
export const Lmicroseconds = 4;
export const Lmsgprefix = 64;

/** The header log.Output writes before a message. */
export function header(p: Process): string {
  let s = p.logFlags & Lmsgprefix ? '' : p.logPrefix;
  if (p.logFlags & Ldate) s += '2009/11/10 ';
  if (p.logFlags & (Ltime | Lmicroseconds)) s += p.logFlags & Lmicroseconds ? '23:00:00.000000 ' : '23:00:00 ';
  if (p.logFlags & Lmsgprefix) s += p.logPrefix;
  return s;
}
/** A message as log.Output writes it: header, text, a newline unless there is one. */
export function line(p: Process, s: string): string {
  return header(p) + (s.endsWith('\n') ? s : s + '\n');
}
export function SetFlags(p: Process, f: number): void {
  p.logFlags = f;
}
export function SetPrefix(p: Process, s: string): void {
  p.logPrefix = s;
}

/** log.Panic's panic(s): the message as a string value. */
export function panic(s: string): never {
  gopanic({ t: tString, v: s });
}

const out = (text: string): string => write('2', `$P.log.line($proc, ${text})`);
const exit1 = op(`{k: $K.Exit, code: 1}`);
const print = (a: string[]) => `$L.sprint(${arr(a[0]!)}, false)`;
const println = (a: string[]) => `$L.sprint(${arr(a[0]!)}, true)`;
const printf = (a: string[]) => `$L.sprintf(${a[0]}, ${arr(a[1]!)})`;
pkg(
  'log',
  {
    Print: F(fn([vAny], [], true), (a) => out(print(a))),
    Println: F(fn([vAny], [], true), (a) => out(println(a))),
    Printf: F(fn([tString, vAny], [], true), (a) => out(printf(a))),
    Fatal: F(fn([vAny], [], true), (a) => `(${out(print(a))}, ${exit1})`),
    Fatalln: F(fn([vAny], [], true), (a) => `(${out(println(a))}, ${exit1})`),
    Fatalf: F(fn([tString, vAny], [], true), (a) => `(${out(printf(a))}, ${exit1})`),
    Panic: F(fn([vAny], [], true), (a) => `(${out(print(a))}, $P.log.panic(${print(a)}))`),
    Panicf: F(fn([tString, vAny], [], true), (a) => `(${out(printf(a))}, $P.log.panic(${printf(a)}))`),
    SetFlags: F(fn([tInt]), (a) => `$P.log.SetFlags($proc, ${a[0]})`),
    SetPrefix: F(fn([tString]), (a) => `$P.log.SetPrefix($proc, ${a[0]})`),
    Flags: F(fn([], [tInt]), () => `$proc.logFlags`),
    Prefix: F(fn([], [tString]), () => `$proc.logPrefix`),
    Ldate: C(tInt, Ldate),
    Ltime: C(tInt, Ltime),
    Lmicroseconds: C(tInt, Lmicroseconds),
    Llongfile: C(tInt, 8),
    Lshortfile: C(tInt, 16),
    LUTC: C(tInt, 32),
    Lmsgprefix: C(tInt, Lmsgprefix),
    LstdFlags: C(tInt, Ldate | Ltime),
    $unsupported: subset(),
  },
  true,
);
