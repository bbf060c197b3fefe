/**
 * Package time: Duration (with Go's String), Time as a monotonic instant, Sleep, Now/Since/Until,
 * timers, tickers and AfterFunc over the runtime's timers (runtime/time.ts).
 *
 * Time is simulated: `Now` is the runtime's nanotime (ns since the program started); `Unix`/
 * `UnixNano` add a fixed epoch (2023-11-14T22:13:20Z) so printed wall-clock values are stable.
 * Simplified: Time is an int64 of ns, so printing a Time or calling calendar methods (Format, Date,
 * Hour…) is not supported yet.
 */
import { K, type GoBody, type Op } from '../../workload/ops.js';
import { Timer as RTimer, TimerKind } from '../../runtime/time.js';
import { Chan } from '../../runtime/chan.js';
import { type NamedType, type Type, newNamed, tBool, tFloat64, tInt64, tString } from '../types.js';
import { pkg, F, C, T, fn, ptr, op, native, method, jsMethod, subset } from './registry.js';
import { Body } from '../rt/goroutine.js';
import { GoPanic } from '../rt/panics.js';
import { decodeUTF8, encodeUTF8 } from '../rt/strings.js';
import { newError } from './errors.js';
import type { Iface } from '../rt/values.js';
import { tError } from '../core.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** time.Duration.String() */
export function durationString(d: number): string {
  if (d === 0) return '0s';
  const neg = d < 0;
  let u = Math.abs(d);
  let s: string;
  if (u < 1e3) s = `${u}ns`;
  else if (u < 1e6) s = `${fmtFrac(u, 1e3)}µs`;
  else if (u < 1e9) s = `${fmtFrac(u, 1e6)}ms`;
  else {
    let out = '';
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    if (h > 0) out += `${h}h`;
    if (h > 0 || m > 0) out += `${m}m`;
    out += `${fmtFrac(u, 1e9)}s`;
    s = out;
  }
  return encodeUTF8(neg ? '-' + s : s);
}
function fmtFrac(v: number, unit: number): string {
  const whole = Math.floor(v / unit);
  let frac = String(v - whole * unit).padStart(String(unit).length - 1, '0');
  frac = frac.replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** time.go's unitMap: ns per unit (µs as U+00B5 and U+03BC, both UTF-8 encoded as the byte strings hold them). */
const units: Record<string, number> = { ns: 1, us: 1e3, [encodeUTF8('µ') + 's']: 1e3, [encodeUTF8('μ') + 's']: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * time.ParseDuration (time/format.go): a signed sequence of decimal numbers with a unit each
 * ("300ms", "-1.5h", "2h45m"); the Duration in ns, or Go's error text for `s` (a byte string).
 */
export function parseDuration(s: string): number | string {
  const orig = s;
  const q = encodeUTF8(JSON.stringify(decodeUTF8(orig)));
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return `time: invalid duration ${q}`;
  let d = 0;
  while (s !== '') {
    const m = /^([0-9]*)(\.([0-9]*))?/.exec(s)!;
    if (m[1] === '' && (m[3] === undefined || m[3] === '')) return `time: invalid duration ${q}`;
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (u === '') return `time: missing unit in duration ${q}`;
    const unit = units[u];
    if (unit === undefined) return `time: unknown unit ${encodeUTF8(JSON.stringify(decodeUTF8(u)))} in duration ${q}`;
    s = s.slice(u.length);
    d += Number(m[1] || '0') * unit + (m[3] ? Math.floor(Number('0.' + m[3]) * unit) : 0);
    if (d > 9223372036854775807) return `time: invalid duration ${q}`;
  }
  return neg ? -d : d;
}
/** time.ParseDuration's two results. */
export function ParseDuration(s: string): [number, Iface | null] {
  const d = parseDuration(s);
  return typeof d === 'number' ? [d, null] : [0, newError(d)];
}

/** A time.Timer / time.Ticker. */
export class TimeTimer {
  C: Chan | null;
  constructor(public t: RTimer) {
    this.C = t.ch;
  }
  *Stop(): Go<boolean> {
    return (yield { k: K.TimerStop, t: this.t }) as boolean;
  }
  *Reset(d: number): Go<boolean> {
    return (yield { k: K.TimerReset, t: this.t, ns: d }) as boolean;
  }
}
export function* newTimer(d: number, period: number, fn: (() => GoBody) | null, name = 'time.goFunc'): Go<TimeTimer> {
  const t = new RTimer(fn ? TimerKind.Func : TimerKind.ChanSend);
  if (fn) {
    t.fn = fn;
    t.name = name;
  } else t.ch = new Chan(1);
  if (period > 0) t.period = period;
  const now = (yield { k: K.Nanotime }) as number;
  t.when = now + Math.max(d, 0);
  yield { k: K.TimerStart, t };
  return new TimeTimer(t);
}
/** A func value as the body of the goroutine a timer starts (time.AfterFunc's goFunc). */
export function goBody(f: () => Iterator<Op, unknown, unknown>): () => GoBody {
  return () => new Body(f(), 'created by time.goFunc\n\t/usr/lib/go-1.19/src/time/sleep.go:176 +0x0\n');
}
export function tickerPeriod(d: number): number {
  if (!(d > 0)) throw new GoPanic(null, 'non-positive interval for NewTicker');
  return d;
}

export const tDuration: NamedType = newNamed('Duration', 'time', tInt64);
jsMethod(tDuration, 'String', fn([], [tString]), '$P.time.durationString');
for (const [m, div] of [
  ['Seconds', 1e9],
  ['Minutes', 60e9],
  ['Hours', 3600e9],
] as const)
  jsMethod(tDuration, m, fn([], [tFloat64]), `((d) => d / ${div})`);
for (const [m, div] of [
  ['Milliseconds', 1e6],
  ['Microseconds', 1e3],
  ['Nanoseconds', 1],
] as const)
  jsMethod(tDuration, m, fn([], [tInt64]), `((d) => Math.trunc(d / ${div}))`);
export const tTime: NamedType = newNamed('Time', 'time', tInt64);
jsMethod(tTime, 'Sub', fn([tTime], [tDuration]), '((a, b) => a - b)');
jsMethod(tTime, 'Add', fn([tDuration], [tTime]), '((a, b) => a + b)');
jsMethod(tTime, 'Before', fn([tTime], [tBool]), '((a, b) => a < b)');
jsMethod(tTime, 'After', fn([tTime], [tBool]), '((a, b) => a > b)');
jsMethod(tTime, 'UnixNano', fn([], [tInt64]), '((a) => a + 1700000000e9)');
jsMethod(tTime, 'Unix', fn([], [tInt64]), '((a) => Math.floor(a / 1e9) + 1700000000)');
const chTime: Type = { k: 'chan', elem: tTime, dir: 'recv' };
export const tTimer = native('Timer', 'time', '$P.time.TimeTimer', { k: 'struct', fields: [{ name: 'C', type: chTime, embedded: false, js: 'C' }] });
method(tTimer, 'Stop', fn([], [tBool]), true);
method(tTimer, 'Reset', fn([tDuration], [tBool]), true);
export const tTicker = native('Ticker', 'time', '$P.time.TimeTimer', { k: 'struct', fields: [{ name: 'C', type: chTime, embedded: false, js: 'C' }] });
method(tTicker, 'Stop', fn([], [tBool]), true);
method(tTicker, 'Reset', fn([tDuration], [tBool]), true);
const D = (v: number) => C(tDuration, v);
const now = op(`{k: $K.Nanotime}`);
pkg('time', {
  Duration: T(tDuration),
  Time: T(tTime),
  Timer: T(tTimer),
  Ticker: T(tTicker),
  Nanosecond: D(1),
  Microsecond: D(1e3),
  Millisecond: D(1e6),
  Second: D(1e9),
  Minute: D(60e9),
  Hour: D(3600e9),
  Sleep: F(fn([tDuration]), (a) => op(`{k: $K.Sleep, ns: ${a[0]}}`)),
  ParseDuration: F(fn([tString], [tDuration, tError]), (a) => `$P.time.ParseDuration(${a[0]})`),
  Now: F(fn([], [tTime]), () => now),
  Since: F(fn([tTime], [tDuration]), (a) => `(${now} - ${a[0]})`),
  Until: F(fn([tTime], [tDuration]), (a) => `(${a[0]} - ${now})`),
  After: F(fn([tDuration], [chTime]), (a) => `(yield* $P.time.newTimer(${a[0]}, 0, null)).C`),
  Tick: F(fn([tDuration], [chTime]), (a) => `(yield* $P.time.newTimer(${a[0]}, ${a[0]}, null)).C`),
  NewTimer: F(fn([tDuration], [ptr(tTimer)]), (a) => `(yield* $P.time.newTimer(${a[0]}, 0, null))`),
  NewTicker: F(fn([tDuration], [ptr(tTicker)]), (a) => `(yield* $P.time.newTimer(${a[0]}, $P.time.tickerPeriod(${a[0]}), null))`),
  AfterFunc: F(fn([tDuration, fn([])], [ptr(tTimer)]), (a) => `(yield* $P.time.newTimer(${a[0]}, 0, $P.time.goBody(${a[1]}), 'time.goFunc'))`),
  $unsupported: subset(),
});
