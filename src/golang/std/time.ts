/**
 * Package time: Duration (with Go's String) and ParseDuration; Time as an instant with Go's calendar
 * (Date, Unix, Year…Weekday, YearDay, AddDate, Truncate/Round), Format and Parse with format.go's
 * layout elements and error texts, locations (UTC, Local, FixedZone); Sleep, Now/Since/Until, timers,
 * tickers and AfterFunc over the runtime's timers (runtime/time.ts).
 *
 * Time is simulated: Now() is a fixed wall clock, Unix 1700000000 (2023-11-14T22:13:20Z), plus the
 * run's monotonic clock (ns since the program started), and carries that monotonic reading as Go's
 * does (`m=+0.000123456`; Sub/Before/After/Equal use it when both sides have one), so printed times
 * are the same in every run. A timer's channel receives time.Now() (runtime Timer.value).
 *
 * Simplified: the simulated machine's zone is UTC (time.Local prints "Local" and its times "UTC", as
 * on the recording machine, whose /etc/localtime is Etc/UTC); no time zone database (LoadLocation), so
 * Parse's named zones other than UTC are fixed zones of offset 0 (GMT±h excepted); a Parse error
 * reports the element as go1.26 does (go1.19 reports what was left after a partly consumed element);
 * A Duration or UnixNano beyond 2^53 is a bigint (rt/integers.ts).
 */
import { K, type GoBody, type Op } from '../../workload/ops.js';
import { Timer as RTimer, TimerKind } from '../../runtime/time.js';
import { Chan } from '../../runtime/chan.js';
import { type NamedType, type Type, newNamed, tBool, tFloat64, tInt, tInt64, tString, tUint8 } from '../types.js';
import { pkg, F, C, T, V, fn, ptr, sl, op, native, method, jsMethod, subset } from './registry.js';
import { Body } from '../rt/goroutine.js';
import { GoPanic } from '../rt/panics.js';
import { encodeUTF8, stringToBytes } from '../rt/strings.js';
import type { Slice } from '../rt/slices.js';
import { type Int64, w64 } from '../rt/integers.js';
import { newError } from './errors.js';
import { Quote } from './strconv.js';
import type { Iface } from '../rt/values.js';
import { tError } from '../core.js';

type Go<T = void> = Generator<Op, T, unknown>;

const minDuration = -(1n << 63n);
const maxDuration = (1n << 63n) - 1n;
/** time.Duration.Truncate: d rounded toward zero to a multiple of m (d itself when m <= 0). */
export function durationTruncate(d: Int64, m: Int64): Int64 {
  if (m <= 0) return d;
  const bd = BigInt(d);
  return w64(bd - (bd % BigInt(m)));
}
/** time.Duration.Round: d rounded to the nearest multiple of m, halfway values away from zero. */
export function durationRound(d: Int64, m: Int64): Int64 {
  if (m <= 0) return d;
  const bd = BigInt(d);
  const bm = BigInt(m);
  let r = bd % bm;
  if (bd < 0n) {
    r = -r;
    if (r + r < bm) return w64(bd + r);
    const d1 = bd - bm + r;
    return w64(d1 >= minDuration ? d1 : minDuration);
  }
  if (r + r < bm) return w64(bd - r);
  const d1 = bd + bm - r;
  return w64(d1 <= maxDuration ? d1 : maxDuration);
}
/** time.Duration.Abs: |d|, with the minimum Duration saturating to the maximum. */
export function durationAbs(d: Int64): Int64 {
  if (d >= 0) return d;
  return BigInt(d) === minDuration ? w64(maxDuration) : w64(-BigInt(d));
}

/** Duration.Seconds/Minutes/Hours: the whole units plus the remainder's fraction, as time.go computes them. */
export function durationUnits(d: Int64, unit: number): number {
  if (typeof d === 'bigint') {
    const u = BigInt(unit);
    return Number(d / u) + Number(d % u) / unit;
  }
  const whole = Math.trunc(d / unit);
  return whole + (d - whole * unit) / unit;
}
/** time.Duration.String() */
export function durationString(d: Int64): string {
  if (typeof d === 'bigint') {
    // beyond 2^53 ns (104 days): hours, minutes and seconds exactly
    const neg = d < 0n;
    let u = neg ? -d : d;
    const h = u / 3600000000000n;
    u -= h * 3600000000000n;
    const m = u / 60000000000n;
    u -= m * 60000000000n;
    return encodeUTF8(`${neg ? '-' : ''}${h}h${m}m${fmtFrac(Number(u), 1e9)}s`);
  }
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
  const q = Quote(orig);
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
    if (unit === undefined) return `time: unknown unit ${Quote(u)} in duration ${q}`;
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
  *Reset(d: Int64): Go<boolean> {
    return (yield { k: K.TimerReset, t: this.t, ns: Number(d) }) as boolean;
  }
}
export function* newTimer(d: Int64, period: number, fn: (() => GoBody) | null, name = 'time.goFunc'): Go<TimeTimer> {
  // a Duration beyond 2^53 ns is a bigint (rt/integers.ts); the engine's clock is a double
  d = Number(d);
  const t = new RTimer(fn ? TimerKind.Func : TimerKind.ChanSend);
  if (fn) {
    t.fn = fn;
    t.name = name;
  } else {
    t.ch = new Chan(1);
    t.value = nowTime; // sendTime: the channel receives time.Now()
  }
  if (period > 0) t.period = period;
  const clock = (yield { k: K.Nanotime }) as number;
  t.when = clock + Math.max(d, 0);
  yield { k: K.TimerStart, t };
  return new TimeTimer(t);
}
/** A func value as the body of the goroutine a timer starts (time.AfterFunc's goFunc). */
export function goBody(f: () => Iterator<Op, unknown, unknown>): () => GoBody {
  return () => new Body(f(), 'created by time.goFunc\n\t/usr/lib/go-1.19/src/time/sleep.go:176 +0x0\n');
}
export function tickerPeriod(d: Int64): number {
  if (!(d > 0)) throw new GoPanic(null, 'non-positive interval for NewTicker');
  return Number(d);
}

// ---------------------------------------------------------------- Time
/**
 * Seconds from 0001-01-01 to 1970-01-01 (time.go unixToInternal): the zero Time is year 1, UTC.
 */
const unixToInternal = 62135596800;
/**
 * The simulated wall clock: Now() is this Unix time (2023-11-14T22:13:20Z) plus the run's monotonic
 * clock (ns since the program started), so printed times are the same in every run.
 */
export const epochUnix = 1700000000;

/** A *time.Location: UTC, Local (the simulated machine's zone is UTC, as /etc/localtime here), or a fixed zone. */
export class GoLocation {
  constructor(
    /** What Location.String() says ("UTC", "Local", FixedZone's name). */
    readonly name: string,
    /** Seconds east of UTC. */
    readonly offset: number,
    /** The zone abbreviation Format's MST prints ("" prints the offset, as -0700). */
    readonly abbr: string,
  ) {}
  String(): string {
    return this.name;
  }
}
export const UTC = new GoLocation('UTC', 0, 'UTC');
export const Local = new GoLocation('Local', 0, 'UTC');
export function FixedZone(name: string, offset: number): GoLocation {
  return new GoLocation(name, offset, name);
}

/**
 * A time.Time value: an instant as Unix seconds and nanoseconds (exact: a double holds every second of
 * years 1–9999), the monotonic reading when it came from the clock (ns since the program started; Go's
 * `m=` — Sub, Before, After, Equal use it when both sides have one), and its location (null: UTC, the
 * zero Time's). Immutable: assignment shares it, as a copy of Go's struct would be equal.
 */
export class GoTime {
  constructor(
    readonly sec: number = -unixToInternal,
    readonly nsec: number = 0,
    readonly mono: number | null = null,
    readonly loc: GoLocation | null = null,
  ) {}
  private zone(): GoLocation {
    return this.loc ?? UTC;
  }
  /** Seconds since 1970 in the time's zone (the wall clock it shows). */
  private local(): number {
    return this.sec + this.zone().offset;
  }
  Unix(): number {
    return this.sec;
  }
  UnixNano(): Int64 {
    return w64(BigInt(this.sec) * 1000000000n + BigInt(this.nsec));
  }
  UnixMilli(): number {
    return this.sec * 1e3 + Math.floor(this.nsec / 1e6);
  }
  UnixMicro(): Int64 {
    return w64(BigInt(this.sec) * 1000000n + BigInt(Math.floor(this.nsec / 1e3)));
  }
  IsZero(): boolean {
    return this.sec === -unixToInternal && this.nsec === 0;
  }
  Location(): GoLocation {
    return this.zone();
  }
  UTC(): GoTime {
    return new GoTime(this.sec, this.nsec, this.mono, UTC);
  }
  Local(): GoTime {
    return new GoTime(this.sec, this.nsec, this.mono, Local);
  }
  In(loc: GoLocation | null): GoTime {
    if (loc === null) throw new GoPanic(null, 'time: missing Location in call to Time.In');
    return new GoTime(this.sec, this.nsec, this.mono, loc);
  }
  Add(d: Int64): GoTime {
    // a Duration beyond 2^53 ns (104 days) is a bigint (rt/integers.ts): a year's Add is exact
    const [s, n] = norm(this.sec, typeof d === 'bigint' ? BigInt(this.nsec) + d : this.nsec + d);
    return new GoTime(s, n, this.mono === null ? null : this.mono + Number(d), this.loc);
  }
  Sub(u: GoTime): Int64 {
    if (this.mono !== null && u.mono !== null) return this.mono - u.mono;
    const d = (this.sec - u.sec) * 1e9 + (this.nsec - u.nsec);
    if (d >= -9007199254740991 && d <= 9007199254740991) return d;
    // beyond 2^53 ns: exact, and Go's saturation at the int64 bounds (time.go Sub)
    const b = BigInt(this.sec - u.sec) * 1000000000n + BigInt(this.nsec - u.nsec);
    return b > 9223372036854775807n ? 9223372036854775807n : b < -9223372036854775808n ? -9223372036854775808n : b;
  }
  After(u: GoTime): boolean {
    return this.mono !== null && u.mono !== null ? this.mono > u.mono : this.sec > u.sec || (this.sec === u.sec && this.nsec > u.nsec);
  }
  Before(u: GoTime): boolean {
    return this.mono !== null && u.mono !== null ? this.mono < u.mono : this.sec < u.sec || (this.sec === u.sec && this.nsec < u.nsec);
  }
  /** Time.Compare (Go 1.20): -1, 0 or +1 as t is before, equal to or after u. */
  Compare(u: GoTime): number {
    return this.Before(u) ? -1 : this.After(u) ? 1 : 0;
  }
  /** Time.ISOWeek: the ISO 8601 year and week of the Thursday of t's week (time.go). */
  ISOWeek(): [number, number] {
    let d = 4 - this.Weekday();
    if (d === 4) d = -3;
    const th = this.Add(d * 86400e9);
    return [th.Year(), Math.floor((th.YearDay() - 1) / 7) + 1];
  }
  /** Time.Zone: the zone's abbreviation and its offset east of UTC in seconds. */
  Zone(): [string, number] {
    return [this.zone().abbr, this.zone().offset];
  }
  Equal(u: GoTime): boolean {
    return this.mono !== null && u.mono !== null ? this.mono === u.mono : this.sec === u.sec && this.nsec === u.nsec;
  }
  /** [year, month, day, yday (1-based), weekday] of the wall clock. */
  date(): [number, number, number, number, number] {
    const days = Math.floor(this.local() / 86400);
    const [y, m, d] = civil(days);
    return [y, m, d, days - daysFromCivil(y, 1, 1) + 1, (((days + 4) % 7) + 7) % 7];
  }
  /** [hour, minute, second] of the wall clock. */
  clock(): [number, number, number] {
    const s = ((this.local() % 86400) + 86400) % 86400;
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  }
  Year(): number {
    return this.date()[0];
  }
  Month(): number {
    return this.date()[1];
  }
  Day(): number {
    return this.date()[2];
  }
  YearDay(): number {
    return this.date()[3];
  }
  Weekday(): number {
    return this.date()[4];
  }
  Hour(): number {
    return this.clock()[0];
  }
  Minute(): number {
    return this.clock()[1];
  }
  Second(): number {
    return this.clock()[2];
  }
  Nanosecond(): number {
    return this.nsec;
  }
  Date(): [number, number, number] {
    const [y, m, d] = this.date();
    return [y, m, d];
  }
  Clock(): [number, number, number] {
    return this.clock();
  }
  AddDate(years: number, months: number, days: number): GoTime {
    const [y, m, d] = this.date();
    const [h, mi, s] = this.clock();
    return Date(y + years, m + months, d + days, h, mi, s, this.nsec, this.zone());
  }
  /** Truncate/Round work on the time since the zero Time, as Go's do (and drop the monotonic reading). */
  Truncate(d: number): GoTime {
    if (d <= 0) return new GoTime(this.sec, this.nsec, null, this.loc);
    return this.Add(-this.sinceZeroMod(d)).stripMono();
  }
  Round(d: number): GoTime {
    if (d <= 0) return new GoTime(this.sec, this.nsec, null, this.loc);
    const r = this.sinceZeroMod(d);
    return (r + r < d ? this.Add(-r) : this.Add(d - r)).stripMono();
  }
  private stripMono(): GoTime {
    return new GoTime(this.sec, this.nsec, null, this.loc);
  }
  /** (t − zero Time) mod d, exactly (BigInt: the span is up to 2^63 ns). */
  private sinceZeroMod(d: number): number {
    const ns = BigInt(this.sec + unixToInternal) * 1000000000n + BigInt(this.nsec);
    return Number(ns % BigInt(d));
  }
  Format(layout: string): string {
    return format(this, layout);
  }
  /** Time.MarshalJSON: the time in RFC 3339 with nanoseconds, quoted (years 0–9999 only). */
  MarshalJSON(): [Slice | null, Iface | null] {
    const y = this.Year();
    if (y < 0 || y >= 10000) return [null, newError('Time.MarshalJSON: year outside of range [0,9999]')];
    return [stringToBytes('"' + format(this, '2006-01-02T15:04:05.999999999Z07:00') + '"'), null];
  }
  String(): string {
    let s = format(this, '2006-01-02 15:04:05.999999999 -0700 MST');
    if (this.mono !== null) {
      // m=±<seconds>.<9 digits> (time.go String)
      const m = this.mono;
      const a = Math.abs(m);
      s += ` m=${m < 0 ? '-' : '+'}${Math.floor(a / 1e9)}.${String(a % 1e9).padStart(9, '0')}`;
    }
    return s;
  }
}

/** sec, nsec with nsec brought into [0, 1e9). */
function norm(sec: Int64, nsec: Int64): [number, number] {
  if (typeof sec === 'bigint' || typeof nsec === 'bigint') {
    // an int64 beyond 2^53 (rt/integers.ts): the carry and the remainder exactly
    const n = BigInt(nsec);
    let carry = n / 1000000000n;
    let r = n % 1000000000n;
    if (r < 0n) (r += 1000000000n), (carry -= 1n);
    return [Number(BigInt(sec) + carry), Number(r)];
  }
  const carry = Math.floor(nsec / 1e9);
  return [sec + carry, nsec - carry * 1e9];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (any month/day: they carry, as Date normalises). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
/** The date of a day since 1970-01-01: [year, month 1–12, day 1–31]. */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (m: number, y: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!);

/** time.Date: fields out of range carry over (Oct 32 is Nov 1); loc nil panics. */
export function Date(year: number, month: number, day: number, hour: number, min: number, sec: number, nsec: number, loc: GoLocation | null): GoTime {
  if (loc === null) throw new GoPanic(null, 'time: missing Location in call to Date');
  // normalise the month into the year, then everything else through the day count
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const [s2, n] = norm(sec, nsec);
  const secs = (daysFromCivil(y, m, 1) + day - 1) * 86400 + hour * 3600 + min * 60 + s2 - loc.offset;
  return new GoTime(secs, n, null, loc);
}
export function Unix(sec: Int64, nsec: Int64): GoTime {
  const [s, n] = norm(sec, nsec);
  return new GoTime(s, n, null, Local);
}
export function UnixMilli(ms: Int64): GoTime {
  if (typeof ms === 'bigint') return Unix(ms / 1000n, (ms % 1000n) * 1000000n);
  return Unix(Math.floor(ms / 1e3), (ms - Math.floor(ms / 1e3) * 1e3) * 1e6);
}
export function UnixMicro(us: Int64): GoTime {
  if (typeof us === 'bigint') return Unix(us / 1000000n, (us % 1000000n) * 1000n);
  return Unix(Math.floor(us / 1e6), (us - Math.floor(us / 1e6) * 1e6) * 1e3);
}
/** time.Now() at the run's monotonic clock reading `mono` (ns since start). */
export function now(mono: number): GoTime {
  return nowTime(mono);
}
function nowTime(mono: number): GoTime {
  const [s, n] = norm(epochUnix, mono);
  return new GoTime(s, n, mono, Local);
}
/** A file's modification time: the simulated wall clock at `mono`, without a monotonic reading. */
export function wallAt(mono: number): GoTime {
  const [s, n] = norm(epochUnix, mono);
  return new GoTime(s, n, null, Local);
}

const longDayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const longMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function monthString(m: number): string {
  return m >= 1 && m <= 12 ? longMonthNames[m - 1]! : `%!Month(${m})`;
}
export function weekdayString(d: number): string {
  return d >= 0 && d <= 6 ? longDayNames[d]! : `%!Weekday(${d})`;
}

/** The layout elements of format.go (std* codes), by what they print. */
const enum Std {
  None, LongMonth, Month, NumMonth, ZeroMonth, LongWeekDay, WeekDay, Day, UnderDay, ZeroDay, UnderYearDay, ZeroYearDay,
  Hour, Hour12, ZeroHour12, Minute, ZeroMinute, Second, ZeroSecond, LongYear, Year, PM, pm, TZ,
  ISO8601TZ, ISO8601SecondsTZ, ISO8601ShortTZ, ISO8601ColonTZ, ISO8601ColonSecondsTZ,
  NumTZ, NumSecondsTz, NumShortTZ, NumColonTZ, NumColonSecondsTZ, FracSecond0, FracSecond9,
}
interface Chunk {
  prefix: string;
  std: Std;
  suffix: string;
  /** Fractional seconds: the digits asked for and the separator. */
  digits?: number;
  sep?: string;
}
const std0x = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year];
const lowerStart = (s: string): boolean => s.length > 0 && s[0]! >= 'a' && s[0]! <= 'z';
const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** format.go nextStdChunk: the text before the first layout element, the element, the rest. */
function nextStdChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number, extra: Partial<Chunk> = {}): Chunk => ({ prefix: layout.slice(0, i), std, suffix: layout.slice(i + len), ...extra });
  const has = (i: number, s: string): boolean => layout.startsWith(s, i);
  for (let i = 0; i < layout.length; i++) {
    switch (layout[i]) {
      case 'J':
        if (has(i, 'Jan')) {
          if (has(i, 'January')) return at(i, Std.LongMonth, 7);
          if (!lowerStart(layout.slice(i + 3))) return at(i, Std.Month, 3);
        }
        break;
      case 'M':
        if (has(i, 'Mon')) {
          if (has(i, 'Monday')) return at(i, Std.LongWeekDay, 6);
          if (!lowerStart(layout.slice(i + 3))) return at(i, Std.WeekDay, 3);
        }
        if (has(i, 'MST')) return at(i, Std.TZ, 3);
        break;
      case '0':
        if (i + 1 < layout.length && layout[i + 1]! >= '1' && layout[i + 1]! <= '6') return at(i, std0x[layout.charCodeAt(i + 1) - 49]!, 2);
        if (has(i, '002')) return at(i, Std.ZeroYearDay, 3);
        break;
      case '1':
        if (has(i, '15')) return at(i, Std.Hour, 2);
        return at(i, Std.NumMonth, 1);
      case '2':
        if (has(i, '2006')) return at(i, Std.LongYear, 4);
        return at(i, Std.Day, 1);
      case '_':
        if (has(i, '_2')) {
          if (has(i + 1, '2006')) return { prefix: layout.slice(0, i + 1), std: Std.LongYear, suffix: layout.slice(i + 5) };
          return at(i, Std.UnderDay, 2);
        }
        if (has(i, '__2')) return at(i, Std.UnderYearDay, 3);
        break;
      case '3':
        return at(i, Std.Hour12, 1);
      case '4':
        return at(i, Std.Minute, 1);
      case '5':
        return at(i, Std.Second, 1);
      case 'P':
        if (has(i, 'PM')) return at(i, Std.PM, 2);
        break;
      case 'p':
        if (has(i, 'pm')) return at(i, Std.pm, 2);
        break;
      case '-':
        if (has(i, '-070000')) return at(i, Std.NumSecondsTz, 7);
        if (has(i, '-07:00:00')) return at(i, Std.NumColonSecondsTZ, 9);
        if (has(i, '-0700')) return at(i, Std.NumTZ, 5);
        if (has(i, '-07:00')) return at(i, Std.NumColonTZ, 6);
        if (has(i, '-07')) return at(i, Std.NumShortTZ, 3);
        break;
      case 'Z':
        if (has(i, 'Z070000')) return at(i, Std.ISO8601SecondsTZ, 7);
        if (has(i, 'Z07:00:00')) return at(i, Std.ISO8601ColonSecondsTZ, 9);
        if (has(i, 'Z0700')) return at(i, Std.ISO8601TZ, 5);
        if (has(i, 'Z07:00')) return at(i, Std.ISO8601ColonTZ, 6);
        if (has(i, 'Z07')) return at(i, Std.ISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        if (i + 1 < layout.length && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
          const ch = layout[i + 1]!;
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) return at(i, ch === '0' ? Std.FracSecond0 : Std.FracSecond9, j - i, { digits: j - i - 1, sep: layout[i]! });
        }
        break;
    }
  }
  return { prefix: layout, std: Std.None, suffix: '' };
}

const pad = (x: number, w: number): string => (x < 0 ? '-' + String(-x).padStart(w, '0') : String(x).padStart(w, '0'));

/** Time.Format (format.go appendFormat); layout and result are byte strings (ASCII in practice). */
export function format(t: GoTime, layout: string): string {
  const loc = t.Location();
  const [year, month, day, yday, wday] = t.date();
  const [hour, min, sec] = t.clock();
  let b = '';
  while (layout !== '') {
    const c = nextStdChunk(layout);
    b += c.prefix;
    if (c.std === Std.None) break;
    layout = c.suffix;
    switch (c.std) {
      case Std.Year:
        b += pad(Math.abs(year) % 100, 2);
        break;
      case Std.LongYear:
        b += pad(year, 4);
        break;
      case Std.Month:
        b += monthString(month).slice(0, 3);
        break;
      case Std.LongMonth:
        b += monthString(month);
        break;
      case Std.NumMonth:
        b += String(month);
        break;
      case Std.ZeroMonth:
        b += pad(month, 2);
        break;
      case Std.WeekDay:
        b += weekdayString(wday).slice(0, 3);
        break;
      case Std.LongWeekDay:
        b += weekdayString(wday);
        break;
      case Std.Day:
        b += String(day);
        break;
      case Std.UnderDay:
        b += (day < 10 ? ' ' : '') + String(day);
        break;
      case Std.ZeroDay:
        b += pad(day, 2);
        break;
      case Std.UnderYearDay:
        b += (yday < 100 ? (yday < 10 ? '  ' : ' ') : '') + String(yday);
        break;
      case Std.ZeroYearDay:
        b += pad(yday, 3);
        break;
      case Std.Hour:
        b += pad(hour, 2);
        break;
      case Std.Hour12:
        b += String(hour % 12 === 0 ? 12 : hour % 12);
        break;
      case Std.ZeroHour12:
        b += pad(hour % 12 === 0 ? 12 : hour % 12, 2);
        break;
      case Std.Minute:
        b += String(min);
        break;
      case Std.ZeroMinute:
        b += pad(min, 2);
        break;
      case Std.Second:
        b += String(sec);
        break;
      case Std.ZeroSecond:
        b += pad(sec, 2);
        break;
      case Std.PM:
        b += hour >= 12 ? 'PM' : 'AM';
        break;
      case Std.pm:
        b += hour >= 12 ? 'pm' : 'am';
        break;
      case Std.TZ:
        if (loc.abbr !== '') b += loc.abbr;
        else b += zoneText(loc.offset, Std.NumTZ);
        break;
      case Std.FracSecond0:
        b += c.sep! + String(t.nsec).padStart(9, '0').slice(0, c.digits!);
        break;
      case Std.FracSecond9: {
        const f = String(t.nsec).padStart(9, '0').slice(0, c.digits!).replace(/0+$/, '');
        if (f !== '') b += c.sep! + f;
        break;
      }
      default:
        b += zoneText(loc.offset, c.std);
    }
  }
  return b;
}
/** A numeric zone element (format.go: Z prints Z for UTC, ±hh[[:]mm[[:]ss]] otherwise). */
function zoneText(offset: number, std: Std): string {
  const iso = std === Std.ISO8601TZ || std === Std.ISO8601ColonTZ || std === Std.ISO8601SecondsTZ || std === Std.ISO8601ShortTZ || std === Std.ISO8601ColonSecondsTZ;
  if (offset === 0 && iso) return 'Z';
  const zone = Math.trunc(offset / 60);
  const a = Math.abs(zone);
  const colon = std === Std.ISO8601ColonTZ || std === Std.NumColonTZ || std === Std.ISO8601ColonSecondsTZ || std === Std.NumColonSecondsTZ;
  let b = (zone < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2);
  if (colon) b += ':';
  if (std !== Std.NumShortTZ && std !== Std.ISO8601ShortTZ) b += pad(a % 60, 2);
  if (std === Std.ISO8601SecondsTZ || std === Std.NumSecondsTz || std === Std.NumColonSecondsTZ || std === Std.ISO8601ColonSecondsTZ) {
    if (colon) b += ':';
    b += pad(Math.abs(offset) % 60, 2);
  }
  return b;
}

/** time.ParseError's text. */
function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message: string): string {
  return message === '' ? `parsing time ${Quote(value)} as ${Quote(layout)}: cannot parse ${Quote(valueElem)} as ${Quote(layoutElem)}` : `parsing time ${Quote(value)}${message}`;
}

/** time.Parse (format.go parse) with UTC as the default location; the Time or the error text. */
/**
 * `holdYear` (Go 1.20+): a 2006 element whose four bytes are not all digits is reported with the
 * value from where it started; go1.19 reports the rest after them (`cannot parse "1-01" as "2006"`
 * for "20-01-01": its stdLongYear consumed the four bytes before atoi failed, and its error
 * carried `value`, not `hold`).
 */
export function parse(layout: string, value: string, holdYear = true): GoTime | string {
  const alayout = layout;
  const avalue = value;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: GoLocation | null = null;
  let zoneOffset = -1;
  let zoneName = '';
  let amSet = false;
  let pmSet = false;
  for (;;) {
    const c = nextStdChunk(layout);
    const stdstr = layout.slice(c.prefix.length, layout.length - c.suffix.length);
    const sk = skip(value, c.prefix);
    if (sk === null) return parseError(alayout, avalue, c.prefix, value, '');
    value = sk;
    if (c.std === Std.None) {
      if (value.length !== 0) return parseError(alayout, avalue, '', value, `: extra text: ${Quote(value)}`);
      break;
    }
    layout = c.suffix;
    const hold = value;
    let badAt: string | null = null;
    let bad = false;
    let range = '';
    const num = (fixed: boolean): number => {
      if (!isDigitAt(value, 0)) return ((bad = true), 0);
      if (!isDigitAt(value, 1)) {
        if (fixed) return ((bad = true), 0);
        const v = value.charCodeAt(0) - 48;
        value = value.slice(1);
        return v;
      }
      const v = (value.charCodeAt(0) - 48) * 10 + value.charCodeAt(1) - 48;
      value = value.slice(2);
      return v;
    };
    const lookup = (tab: string[]): number => {
      for (let i = 0; i < tab.length; i++) {
        if (value.length >= tab[i]!.length && value.slice(0, tab[i]!.length).toLowerCase() === tab[i]!.toLowerCase()) {
          value = value.slice(tab[i]!.length);
          return i;
        }
      }
      bad = true;
      return -1;
    };
    switch (c.std) {
      case Std.Year:
        if (value.length < 2 || !/^\d\d/.test(value)) bad = true;
        else {
          year = Number(value.slice(0, 2));
          value = value.slice(2);
          year += year >= 69 ? 1900 : 2000;
        }
        break;
      case Std.LongYear:
        if (value.length < 4 || !/^\d{4}/.test(value)) {
          bad = true;
          // go1.19 reports the error with `value` (the rest after the four bytes), later releases with `hold`
          if (!holdYear && value.length >= 4 && /^\d/.test(value)) badAt = value.slice(4);
        } else {
          year = Number(value.slice(0, 4));
          value = value.slice(4);
        }
        break;
      case Std.Month:
        month = lookup(longMonthNames.map((m) => m.slice(0, 3))) + 1;
        break;
      case Std.LongMonth:
        month = lookup(longMonthNames) + 1;
        break;
      case Std.NumMonth:
      case Std.ZeroMonth:
        month = num(c.std === Std.ZeroMonth);
        if (!bad && (month <= 0 || month > 12)) range = 'month';
        break;
      case Std.WeekDay:
        lookup(longDayNames.map((d) => d.slice(0, 3)));
        break;
      case Std.LongWeekDay:
        lookup(longDayNames);
        break;
      case Std.Day:
      case Std.UnderDay:
      case Std.ZeroDay:
        if (c.std === Std.UnderDay && value[0] === ' ') value = value.slice(1);
        day = num(c.std === Std.ZeroDay);
        break;
      case Std.UnderYearDay:
      case Std.ZeroYearDay: {
        for (let i = 0; i < 2; i++) if (c.std === Std.UnderYearDay && value[0] === ' ') value = value.slice(1);
        const m = /^\d{1,3}/.exec(value);
        if (m === null || (c.std === Std.ZeroYearDay && m[0].length !== 3)) bad = true;
        else {
          yday = Number(m[0]);
          value = value.slice(m[0].length);
        }
        break;
      }
      case Std.Hour:
        hour = num(false);
        if (hour < 0 || hour >= 24) range = 'hour';
        break;
      case Std.Hour12:
      case Std.ZeroHour12:
        hour = num(c.std === Std.ZeroHour12);
        if (hour < 0 || hour > 12) range = 'hour';
        break;
      case Std.Minute:
      case Std.ZeroMinute:
        min = num(c.std === Std.ZeroMinute);
        if (min < 0 || min >= 60) range = 'minute';
        break;
      case Std.Second:
      case Std.ZeroSecond: {
        sec = num(c.std === Std.ZeroSecond);
        if (bad) break;
        if (sec < 0 || sec >= 60) {
          range = 'second';
          break;
        }
        // a fractional second the layout does not ask for
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
          const next = nextStdChunk(layout).std;
          if (next === Std.FracSecond0 || next === Std.FracSecond9) break;
          let n = 2;
          while (n < value.length && isDigitAt(value, n)) n++;
          nsec = nanos(value, n);
          value = value.slice(n);
        }
        break;
      }
      case Std.PM:
      case Std.pm: {
        const p = value.slice(0, 2);
        const [am, pm] = c.std === Std.PM ? ['AM', 'PM'] : ['am', 'pm'];
        if (value.length < 2 || (p !== am && p !== pm)) bad = true;
        else {
          if (p === pm) pmSet = true;
          else amSet = true;
          value = value.slice(2);
        }
        break;
      }
      case Std.TZ: {
        if (value.startsWith('UTC')) {
          z = UTC;
          value = value.slice(3);
          break;
        }
        const m = /^(ChST|MeST|GMT[+-]\d{1,2}|GMT|[A-Z]{3}[A-Z]?T?|[+-]\d\d(\d\d)?)/.exec(value);
        if (m === null || (m[0].length > 3 && /^[A-Z]+$/.test(m[0]) && !m[0].endsWith('T') && m[0] !== 'ChST' && m[0] !== 'MeST')) bad = true;
        else {
          zoneName = m[0];
          value = value.slice(m[0].length);
        }
        break;
      }
      case Std.FracSecond0: {
        const n = 1 + c.digits!;
        if (value.length < n || (value[0] !== '.' && value[0] !== ',') || !/^\d+$/.test(value.slice(1, n))) bad = true;
        else {
          nsec = nanos(value, n);
          value = value.slice(n);
        }
        break;
      }
      case Std.FracSecond9: {
        if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigitAt(value, 1)) break;
        let i = 0;
        while (i + 1 < value.length && isDigitAt(value, i + 1)) i++;
        nsec = nanos(value, 1 + i);
        value = value.slice(1 + i);
        break;
      }
      default: {
        // the numeric and ISO 8601 zones
        const iso = c.std >= Std.ISO8601TZ && c.std <= Std.ISO8601ColonSecondsTZ;
        if (iso && value[0] === 'Z') {
          value = value.slice(1);
          z = UTC;
          break;
        }
        const colon = c.std === Std.ISO8601ColonTZ || c.std === Std.NumColonTZ;
        const short = c.std === Std.NumShortTZ || c.std === Std.ISO8601ShortTZ;
        const colonSec = c.std === Std.ISO8601ColonSecondsTZ || c.std === Std.NumColonSecondsTZ;
        const secs = c.std === Std.ISO8601SecondsTZ || c.std === Std.NumSecondsTz;
        const need = colon ? 6 : short ? 3 : colonSec ? 9 : secs ? 7 : 5;
        if (value.length < need || (colon && value[3] !== ':') || (colonSec && (value[3] !== ':' || value[6] !== ':'))) {
          bad = true;
          break;
        }
        const sign = value[0]!;
        const hh = value.slice(1, 3);
        const mm = colon || colonSec ? value.slice(4, 6) : short ? '00' : value.slice(3, 5);
        const ss = colonSec ? value.slice(7, 9) : secs ? value.slice(5, 7) : '00';
        value = value.slice(need);
        if (!/^\d\d$/.test(hh) || !/^\d\d$/.test(mm) || !/^\d\d$/.test(ss)) {
          bad = true;
          break;
        }
        const hr = Number(hh);
        const mi = Number(mm);
        const se = Number(ss);
        if (hr > 24) range = 'time zone offset hour';
        if (mi > 60) range = 'time zone offset minute';
        if (se > 60) range = 'time zone offset second';
        zoneOffset = (hr * 60 + mi) * 60 + se;
        if (sign === '-') zoneOffset = -zoneOffset;
        else if (sign !== '+') bad = true;
      }
    }
    if (range !== '') return parseError(alayout, avalue, stdstr, value, `: ${range} out of range`);
    if (bad) return parseError(alayout, avalue, stdstr, badAt ?? hold, '');
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) [m, d] = [2, 29];
      else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) return parseError(alayout, avalue, '', value, ': day-of-year out of range');
    if (m === 0) {
      const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
      m = Math.floor((yday - 1) / 31) + 1;
      if (before[m]! < yday) m++;
      d = yday - before[m - 1]!;
    }
    if (month >= 0 && month !== m) return parseError(alayout, avalue, '', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) return parseError(alayout, avalue, '', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) return parseError(alayout, avalue, '', value, ': day out of range');
  if (z !== null) return Date(year, month, day, hour, min, sec, nsec, z);
  if (zoneOffset !== -1) {
    const t = Date(year, month, day, hour, min, sec, nsec, UTC);
    // the local zone (UTC here) when it has that offset and name, else a fixed zone recording the offset
    const loc = zoneOffset === 0 && (zoneName === '' || zoneName === 'UTC') ? Local : FixedZone(zoneName, zoneOffset);
    return new GoTime(t.sec - zoneOffset, t.nsec, null, loc);
  }
  if (zoneName !== '') {
    const t = Date(year, month, day, hour, min, sec, nsec, UTC);
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = Number(zoneName.slice(3)) * 3600;
    return new GoTime(t.sec - offset, t.nsec, null, FixedZone(zoneName, offset));
  }
  return Date(year, month, day, hour, min, sec, nsec, UTC);
}
/** format.go skip: the value after the layout's literal prefix (a space matches any run of spaces), or null. */
function skip(value: string, prefix: string): string | null {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return null;
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return null;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}
/** parseNanoseconds: the digits after the separator, scaled to ns (at most 9 digits count). */
function nanos(value: string, n: number): number {
  const digits = value.slice(1, Math.min(n, 10));
  return Number(digits) * Math.pow(10, 9 - digits.length);
}
/** time.Parse's two results. */
export function Parse(layout: string, value: string, holdYear = true): [GoTime, Iface | null] {
  const t = parse(layout, value, holdYear);
  return typeof t === 'string' ? [new GoTime(), newError(t)] : [t, null];
}

export const tDuration: NamedType = newNamed('Duration', 'time', tInt64);
jsMethod(tDuration, 'String', fn([], [tString]), '$P.time.durationString');
for (const [m, div] of [
  ['Seconds', 1e9],
  ['Minutes', 60e9],
  ['Hours', 3600e9],
] as const)
  // time.go: `hour := d / Hour; nsec := d % Hour; return float64(hour) + float64(nsec)/(60*60*1e9)`
  // (the whole units and the rest converted apart: d/div in one division rounds differently)
  jsMethod(tDuration, m, fn([], [tFloat64]), `((d) => $P.time.durationUnits(d, ${div}))`);
for (const [m, div] of [
  ['Milliseconds', 1e6],
  ['Microseconds', 1e3],
  ['Nanoseconds', 1],
] as const)
  jsMethod(tDuration, m, fn([], [tInt64]), `((d) => $L.div64(d, ${div}))`);
// Duration.Truncate, Round (time.go; a result beyond int64 saturates as Go's does) and Abs (Go 1.19).
jsMethod(tDuration, 'Truncate', fn([tDuration], [tDuration]), '$P.time.durationTruncate');
jsMethod(tDuration, 'Round', fn([tDuration], [tDuration]), '$P.time.durationRound');
jsMethod(tDuration, 'Abs', fn([], [tDuration]), '$P.time.durationAbs');
export const tLocation = native('Location', 'time', '$P.time.GoLocation');
method(tLocation, 'String', fn([], [tString]), false);
export const tMonth: NamedType = newNamed('Month', 'time', tInt);
jsMethod(tMonth, 'String', fn([], [tString]), '((m) => $P.time.monthString(m))');
export const tWeekday: NamedType = newNamed('Weekday', 'time', tInt);
jsMethod(tWeekday, 'String', fn([], [tString]), '((d) => $P.time.weekdayString(d))');
export const tTime = native('Time', 'time', '$P.time.GoTime', {
  k: 'struct',
  fields: [
    { name: 'sec', type: tInt64, embedded: false, js: 'sec' },
    { name: 'nsec', type: tInt64, embedded: false, js: 'nsec' },
  ],
});
const tLocPtr = ptr(tLocation);
for (const [m, sig] of [
  ['Add', fn([tDuration], [tTime])],
  ['Sub', fn([tTime], [tDuration])],
  ['After', fn([tTime], [tBool])],
  ['Before', fn([tTime], [tBool])],
  ['Equal', fn([tTime], [tBool])],
  ['IsZero', fn([], [tBool])],
  ['Unix', fn([], [tInt64])],
  ['UnixNano', fn([], [tInt64])],
  ['UnixMilli', fn([], [tInt64])],
  ['UnixMicro', fn([], [tInt64])],
  ['Year', fn([], [tInt])],
  ['Month', fn([], [tMonth])],
  ['Day', fn([], [tInt])],
  ['YearDay', fn([], [tInt])],
  ['Weekday', fn([], [tWeekday])],
  ['Hour', fn([], [tInt])],
  ['Minute', fn([], [tInt])],
  ['Second', fn([], [tInt])],
  ['Nanosecond', fn([], [tInt])],
  ['Date', fn([], [tInt, tMonth, tInt])],
  ['Clock', fn([], [tInt, tInt, tInt])],
  ['AddDate', fn([tInt, tInt, tInt], [tTime])],
  ['Truncate', fn([tDuration], [tTime])],
  ['Round', fn([tDuration], [tTime])],
  ['Format', fn([tString], [tString])],
  ['MarshalJSON', fn([], [sl(tUint8), tError])],
  ['ISOWeek', fn([], [tInt, tInt])],
  ['Zone', fn([], [tString, tInt])],
  ['String', fn([], [tString])],
  ['UTC', fn([], [tTime])],
  ['Local', fn([], [tTime])],
  ['In', fn([tLocPtr], [tTime])],
  ['Location', fn([], [tLocPtr])],
] as const)
  method(tTime, m, sig, false, false);
method(tTime, 'Compare', fn([tTime], [tInt]), false, false, '1.20');
const chTime: Type = { k: 'chan', elem: tTime, dir: 'recv' };
export const tTimer = native('Timer', 'time', '$P.time.TimeTimer', { k: 'struct', fields: [{ name: 'C', type: chTime, embedded: false, js: 'C' }] });
method(tTimer, 'Stop', fn([], [tBool]), true);
method(tTimer, 'Reset', fn([tDuration], [tBool]), true);
export const tTicker = native('Ticker', 'time', '$P.time.TimeTimer', { k: 'struct', fields: [{ name: 'C', type: chTime, embedded: false, js: 'C' }] });
method(tTicker, 'Stop', fn([], [tBool]), true);
method(tTicker, 'Reset', fn([tDuration], [tBool]), true);
const D = (v: number) => C(tDuration, v);
const nanotime = op(`{k: $K.Nanotime}`);
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
  Sleep: F(fn([tDuration]), (a) => op(`{k: $K.Sleep, ns: $L.i2f(${a[0]})}`)),
  ParseDuration: F(fn([tString], [tDuration, tError]), (a) => `$P.time.ParseDuration(${a[0]})`),
  Now: F(fn([], [tTime]), () => `$P.time.now(${nanotime})`),
  Location: T(tLocation),
  Month: T(tMonth),
  Weekday: T(tWeekday),
  UTC: V(tLocPtr, '$P.time.UTC'),
  Local: V(tLocPtr, '$P.time.Local'),
  FixedZone: F(fn([tString, tInt], [tLocPtr]), (a) => `$P.time.FixedZone(${a[0]}, ${a[1]})`),
  Date: F(fn([tInt, tMonth, tInt, tInt, tInt, tInt, tInt, tLocPtr], [tTime]), (a) => `$P.time.Date(${a.join(', ')})`),
  Unix: F(fn([tInt64, tInt64], [tTime]), (a) => `$P.time.Unix(${a[0]}, ${a[1]})`),
  UnixMilli: F(fn([tInt64], [tTime]), (a) => `$P.time.UnixMilli(${a[0]})`),
  UnixMicro: F(fn([tInt64], [tTime]), (a) => `$P.time.UnixMicro(${a[0]})`),
  Parse: F(fn([tString, tString], [tTime, tError]), (a, c) => `$P.time.Parse(${a[0]}, ${a[1]}, ${c.release !== '1.19'})`),
  ...Object.fromEntries(longMonthNames.map((m, i) => [m, C(tMonth, i + 1)])),
  ...Object.fromEntries(longDayNames.map((d, i) => [d, C(tWeekday, i)])),
  ...Object.fromEntries(
    Object.entries({
      Layout: '01/02 03:04:05PM \'06 -0700',
      ANSIC: 'Mon Jan _2 15:04:05 2006',
      UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
      RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
      RFC822: '02 Jan 06 15:04 MST',
      RFC822Z: '02 Jan 06 15:04 -0700',
      RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
      RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
      RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
      RFC3339: '2006-01-02T15:04:05Z07:00',
      RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
      Kitchen: '3:04PM',
      Stamp: 'Jan _2 15:04:05',
      StampMilli: 'Jan _2 15:04:05.000',
      StampMicro: 'Jan _2 15:04:05.000000',
      StampNano: 'Jan _2 15:04:05.000000000',
    }).map(([k, v]) => [k, C(tString, v)]),
  ),
  // Go 1.20's layouts
  DateTime: { ...C(tString, '2006-01-02 15:04:05'), since: '1.20' },
  DateOnly: { ...C(tString, '2006-01-02'), since: '1.20' },
  TimeOnly: { ...C(tString, '15:04:05'), since: '1.20' },
  Since: F(fn([tTime], [tDuration]), (a) => `$P.time.now(${nanotime}).Sub(${a[0]})`),
  Until: F(fn([tTime], [tDuration]), (a) => `${a[0]}.Sub($P.time.now(${nanotime}))`),
  After: F(fn([tDuration], [chTime]), (a) => `(yield* $P.time.newTimer(${a[0]}, 0, null)).C`),
  Tick: F(fn([tDuration], [chTime]), (a) => `(yield* $P.time.newTimer(${a[0]}, ${a[0]}, null)).C`),
  NewTimer: F(fn([tDuration], [ptr(tTimer)]), (a) => `(yield* $P.time.newTimer(${a[0]}, 0, null))`),
  NewTicker: F(fn([tDuration], [ptr(tTicker)]), (a) => `(yield* $P.time.newTimer(${a[0]}, $P.time.tickerPeriod(${a[0]}), null))`),
  AfterFunc: F(fn([tDuration, fn([])], [ptr(tTimer)]), (a) => `(yield* $P.time.newTimer(${a[0]}, 0, $P.time.goBody(${a[1]}), 'time.goFunc'))`),
  $unsupported: subset(),
});
