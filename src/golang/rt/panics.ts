/**
 * Go panics as JavaScript exceptions (runtime/panic.go, runtime/error.go): the GoPanic a panic
 * travels as, run-time errors (a runtime.Error value whose Error() is the message, printed with
 * Go's `panic: runtime error: …` text), and the checks the generated code calls that raise them
 * (index out of range, integer divide by zero, nil dereference).
 *
 * Invariant: every exception leaving compiled Go code is a GoPanic (toPanic normalises a JS
 * TypeError from a nil access to Go's nil-dereference panic, a JS stack overflow to Go's fatal
 * `stack overflow`). Simplification: addresses in the SIGSEGV line are always 0x0.
 */
import type { NamedType } from '../types.js';
import { newNamed, tString } from '../types.js';
import type { Iface } from './values.js';
import { GoFatal } from '../../runtime/panic.js';

/**
 * A Go panic travelling as a JS exception. `message` is its own `panic: …` text; `link` is the panic
 * it interrupted (Go's _panic.link: a deferred call, run for that panic or after recovering it,
 * panicked), and `goText` prints the chain as the runtime's printpanics does.
 */
export class GoPanic extends Error {
  /** The panic value (an interface value). */
  value: Iface | null;
  /** recover() stopped it (the deferred call that recovered it had not returned when `link`'s successor began). */
  recovered = false;
  /** The earlier panic on the goroutine's chain, or null. */
  link: GoPanic | null = null;
  /** Traceback captured where the panic left the goroutine (filled by the body wrapper). */
  trace: string | null = null;
  constructor(value: Iface | null, message: string) {
    super(message);
    this.value = value;
  }

  /**
   * What follows `panic: ` for this panic and the ones it interrupted, oldest first (panic.go
   * printpanics): each earlier one `v [recovered]` when recovered, then `\n\tpanic: ` and the next.
   * `repanicked` (Go 1.23+, preprintpanics): a panic whose value is the one of the panic before it
   * is not printed again and marks that one `[recovered, repanicked]` (or nothing when it was not
   * recovered). Go compares the two interface words; here type and value (the same for strings
   * and numbers, whose data Go shares; two equal composite values built apart would differ in Go).
   */
  goText(repanicked: boolean): string {
    const chain: GoPanic[] = [];
    for (let p: GoPanic | null = this; p !== null; p = p.link) chain.unshift(p);
    const signal = /\n\[signal[^\n]*$/;
    let s = '';
    let prevRepanicked = false;
    for (let i = 0; i < chain.length; i++) {
      const p = chain[i]!;
      const next = chain[i + 1];
      const rep = repanicked && next !== undefined && sameValue(p.value, next.value);
      // printpanics: a panic after one marked repanicked is not printed.
      if (!(i > 0 && prevRepanicked)) {
        s += (i > 0 ? '\n\tpanic: ' : '') + p.message.replace(signal, '');
        if (p.recovered) s += rep ? ' [recovered, repanicked]' : ' [recovered]';
      }
      prevRepanicked = rep;
    }
    // The signal line ([signal SIGSEGV …]) follows the whole chain (panic.go fatalpanic → dopanic_m).
    const sig = signal.exec(this.message);
    return sig ? s + sig[0] : s;
  }
}

function sameValue(a: Iface | null, b: Iface | null): boolean {
  if (a === null || b === null) return a === b;
  return a.t === b.t && a.v === b.v;
}

/**
 * The dynamic type of run-time error values (a runtime.Error: Error() is the message). Its `$m`
 * method table is built with the library's (std/index.ts).
 */
export const tRuntimeError: NamedType = newNamed('boundsError', 'runtime', { k: 'struct', fields: [] }, null);
tRuntimeError.methods.set('Error', { name: 'Error', sig: { k: 'func', params: [], results: [tString], variadic: false }, ptrRecv: false, fn: '((e) => e.msg)', native: false, gen: false });
tRuntimeError.methods.set('RuntimeError', { name: 'RuntimeError', sig: { k: 'func', params: [], results: [], variadic: false }, ptrRecv: false, fn: '(() => undefined)', native: false, gen: false });

/** A run-time error panic (`panic: runtime error: …`). */
export function rtPanic(msg: string, extra = ''): GoPanic {
  const text = 'runtime error: ' + msg;
  return new GoPanic({ t: tRuntimeError, v: new RuntimeError(text) }, text + extra);
}
export class RuntimeError {
  constructor(public msg: string) {}
  Error(): string {
    return this.msg;
  }
}
export const nilDerefExtra = '\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]';

/** Normalise any JS exception raised by compiled code into a GoPanic. */
export function toPanic(e: unknown): GoPanic {
  if (e instanceof GoPanic) return e;
  if (e instanceof GoFatal) {
    // sync's fatal: unrecoverable, printed as `fatal error:` (goroutine.ts turns it back into a GoFatal)
    const p = new GoPanic(null, e.msg);
    p.fatal = e.msg;
    p.userFatal = true;
    return p;
  }
  if (e instanceof TypeError) return rtPanic('invalid memory address or nil pointer dereference', nilDerefExtra);
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    const p = new GoPanic(null, 'stack overflow');
    p.fatal = 'stack overflow';
    return p;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new GoPanic({ t: tString, v: msg }, msg);
}
declare module './panics.js' {
  interface GoPanic {
    /** A fatal error rather than a panic (not recoverable). */
    fatal?: string;
    /** The fatal error is the library's on the user's behalf (runtime GoFatal: `fatal error: …`, the goroutine's traceback). */
    userFatal?: boolean;
  }
}


/**
 * A run-time operation gmpsim cannot represent (values are JS objects, not memory: unsafe pointer
 * arithmetic off an array's elements): a fatal error naming it, never a wrong value.
 */
export function unsupportedAtRun(what: string): never {
  const msg = `unsupported: ${what} is outside what gmpsim can represent`;
  const p = new GoPanic(null, msg);
  p.fatal = msg;
  throw p;
}

export function oob(i: number, n: number): never {
  throw rtPanic(`index out of range [${i}] with length ${n}`);
}
export function divZero(): never {
  throw rtPanic('integer divide by zero');
}
export function nilDeref(): never {
  throw rtPanic('invalid memory address or nil pointer dereference', nilDerefExtra);
}

/**
 * A runtime panic whose value is a runtime.Error without the "runtime error: " prefix, in its
 * Error() text as in the printed panic (runtime/error.go plainError, TypeAssertionError).
 */
export function plainPanic(msg: string): GoPanic {
  return new GoPanic({ t: tRuntimeError, v: new RuntimeError(msg) }, msg);
}
