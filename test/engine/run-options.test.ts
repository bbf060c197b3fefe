/**
 * The library's RunOptions are checked before anything runs (src/runtime/runtime.ts checkRunOptions):
 * a host that passes a wrong option gets a TypeError/RangeError naming it, what it must be and what it
 * was — not a Go panic of the simulated program, and nothing is silently dropped (bugs fixed here: an
 * unknown or negative cost, an unknown GODEBUG key, a negative `until` and a missing main were all
 * accepted or turned into "panic: this.opts.main is not a function").
 */
import { describe, expect, it } from 'vitest';
import { go, run, type RunOptions } from '../../src/index.js';

const main = function* (): Generator<never, void, unknown> {};
const opts = (o: Partial<Record<keyof RunOptions, unknown>>): RunOptions => ({ main, ...o }) as unknown as RunOptions;

describe('RunOptions are checked before the run', () => {
  it.each([
    [{ main: undefined }, TypeError, /main must be the program's main\.main: a generator function .* got undefined/],
    [{ main: 42 }, TypeError, /got 42/],
    [{ go: '1.20' }, RangeError, /go must be one of 1\.19, 1\.26, got "1\.20"/],
    [{ cost: { fooBar: 5 } }, RangeError, /cost\.fooBar: no such cost parameter \(known: goroutineCreate, /],
    [{ cost: { futexWake: -5 } }, RangeError, /cost\.futexWake=-5: the value must be a non-negative number of nanoseconds$/],
    [{ cost: { futexWake: '5us' } }, RangeError, /cost\.futexWake: must be a number \(ns\), got "5us"/],
    [{ cost: { jitter: 3 } }, RangeError, /cost\.jitter=3: the value is a fraction from 0 to 2/],
    [{ godebug: { schedtrce: 10 } }, RangeError, /godebug\.schedtrce: gmpsim models no such GODEBUG key \(known: schedtrace, /],
    [{ godebug: { schedtrace: -1 } }, RangeError, /godebug\.schedtrace: must be a non-negative integer/],
    [{ until: -5 }, RangeError, /until must be a non-negative number of ns/],
    [{ until: NaN }, RangeError, /until must be/],
    [{ maxEvents: 0 }, RangeError, /maxEvents must be a positive integer/],
    [{ maxEvents: 2.5 }, RangeError, /maxEvents must be a positive integer/],
  ])('%o is refused', (o, type, msg) => {
    expect(() => run(opts(o))).toThrow(type);
    expect(() => run(opts(o))).toThrow(msg);
  });

  it('valid options still run: known costs and GODEBUG keys, until 0, maxEvents Infinity', () => {
    const r = run(opts({ cost: { futexWake: 5000, jitter: 0 }, godebug: { schedtrace: 0, asyncpreemptoff: true }, maxEvents: Infinity }));
    expect([r.exitCode, r.reason]).toEqual([0, 'exit']);
  });
});

describe('a goroutine that is no generator is a clear panic, not a JS error text', () => {
  it('main that returns no generator', () => {
    const r = run(opts({ main: () => 1 }));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^panic: main: the function returned 1, not a generator: write it as a generator function/);
  });

  it('a go statement whose function returns no generator', () => {
    const notGen = (() => undefined) as unknown as () => Generator<never, void, unknown>;
    const r = run(opts({ main: function* () { yield* go(notGen); } }));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^panic: go main\.\S*: the function returned nothing, not a generator/);
  });

  it('a yielded value that is no operation', () => {
    const r = run(opts({ main: function* () { yield 42; } }));
    expect(r.stderr).toMatch(/^panic: the goroutine yielded 42, which is no gmpsim operation: delegate to the API's functions with yield\*/);
  });
});
