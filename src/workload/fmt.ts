/**
 * Go's fmt formatting for workload values (%v and the common verbs), so program output reads as a
 * Go program's would.
 *
 * Mapping of JavaScript values to Go's: integral numbers print as Go ints, other numbers as
 * float64 (strconv 'g' shortest: exponent form when exp < −4 or ≥ 6, so 1.5e+06),
 * strings, booleans, null/undefined as <nil>, arrays as slices `[a b]`, Maps as `map[k:v]` with
 * sorted keys, plain objects as structs `{a b}` (`{Name:a}` with %+v). Go's own error strings for
 * bad verbs, missing and extra arguments are reproduced.
 */

/** strconv.FormatFloat(v, 'g', -1, 64): the shortest digits, %e form when exp < -4 || exp >= 6. */
export function formatFloat(v: number, verb: 'v' | 'g' = 'v'): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, expStr] = v.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  // Shortest formatting decides with precision 6 (strconv 'g', -1): %e when exp < -4 || exp >= 6.
  void verb;
  const eprec = 6;
  let out: string;
  if (exp < -4 || exp >= eprec) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    out = `${m}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length);
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? '-' + out : out;
}

function isGoInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 63;
}

/** %v of one value. */
export function formatValue(v: unknown, plus = false, top = true): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'string':
      return top ? v : v;
    case 'number':
      return isGoInt(v) ? String(v) : formatFloat(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    case 'function':
      return '0x' + '4a2b20';
    default:
      break;
  }
  if (v instanceof Error) return v.message;
  if (Array.isArray(v)) return '[' + v.map((x) => formatValue(x, plus, false)).join(' ') + ']';
  if (v instanceof Map) {
    const entries = [...v.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return 'map[' + entries.map(([k, x]) => `${formatValue(k, plus, false)}:${formatValue(x, plus, false)}`).join(' ') + ']';
  }
  const o = v as Record<string, unknown>;
  if (typeof o['String'] === 'function') return String((o['String'] as () => unknown)());
  if (typeof o['Error'] === 'function') return String((o['Error'] as () => unknown)());
  const keys = Object.keys(o);
  return '{' + keys.map((k) => (plus ? `${k}:` : '') + formatValue(o[k], plus, false)).join(' ') + '}';
}

/** Println/Print operand joining: Println always separates; Print only between non-strings. */
export function formatValues(args: unknown[], ln: boolean): string {
  let s = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && (ln || (typeof args[i] !== 'string' && typeof args[i - 1] !== 'string'))) s += ' ';
    s += formatValue(args[i]);
  }
  return s;
}

function goType(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[interface {}]interface {}';
  return 'struct {}';
}

function pad(s: string, width: number, minus: boolean, zero: boolean): string {
  if (width <= s.length) return s;
  if (minus) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

function quote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h}`);
}

/** fmt.Sprintf with the common verbs, flags, width and precision. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    i++;
    let minus = false;
    let plus = false;
    let zero = false;
    let space = false;
    let sharp = false;
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') minus = true;
      else if (f === '+') plus = true;
      else if (f === '0') zero = true;
      else if (f === ' ') space = true;
      else if (f === '#') sharp = true;
      else break;
    }
    let width = -1;
    if (format[i] === '*') {
      width = Number(args[argi++]);
      i++;
    } else {
      let w = '';
      while (i < format.length && /\d/.test(format[i]!)) w += format[i++];
      if (w) width = Number(w);
    }
    let prec = -1;
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        prec = Number(args[argi++]);
        i++;
      } else {
        let p = '';
        while (i < format.length && /\d/.test(format[i]!)) p += format[i++];
        prec = p ? Number(p) : 0;
      }
    }
    const verb = format[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[argi++];
    let s: string;
    const num = typeof a === 'number';
    switch (verb) {
      case 'v':
        s = sharp && typeof a === 'string' ? quote(a) : formatValue(a, plus);
        if (num && plus && a >= 0) s = '+' + s;
        break;
      case 'd':
        if (!num || !Number.isInteger(a)) {
          s = `%!d(${goType(a)}=${formatValue(a)})`;
          break;
        }
        s = String(a);
        if (plus && a >= 0) s = '+' + s;
        else if (space && a >= 0) s = ' ' + s;
        break;
      case 's':
        s = formatValue(a);
        if (prec >= 0) s = s.slice(0, prec);
        break;
      case 'q':
        s = typeof a === 'string' ? quote(a) : num && Number.isInteger(a) ? `'${String.fromCodePoint(a)}'` : `%!q(${goType(a)}=${formatValue(a)})`;
        break;
      case 'x':
      case 'X': {
        if (num && Number.isInteger(a)) s = (a < 0 ? '-' : '') + (sharp ? '0x' : '') + Math.abs(a).toString(16);
        else if (typeof a === 'string') s = [...new TextEncoder().encode(a)].map((b) => b.toString(16).padStart(2, '0')).join('');
        else s = `%!${verb}(${goType(a)}=${formatValue(a)})`;
        if (verb === 'X') s = s.toUpperCase();
        break;
      }
      case 'o':
        s = num ? Math.trunc(a).toString(8) : `%!o(${goType(a)}=${formatValue(a)})`;
        break;
      case 'b':
        s = num ? Math.trunc(a).toString(2) : `%!b(${goType(a)}=${formatValue(a)})`;
        break;
      case 'c':
        s = num ? String.fromCodePoint(a) : `%!c(${goType(a)}=${formatValue(a)})`;
        break;
      case 'f':
      case 'F':
        s = num ? a.toFixed(prec < 0 ? 6 : prec) : `%!f(${goType(a)}=${formatValue(a)})`;
        if (num && plus && a >= 0) s = '+' + s;
        break;
      case 'e': {
        if (!num) {
          s = `%!e(${goType(a)}=${formatValue(a)})`;
          break;
        }
        s = a.toExponential(prec < 0 ? 6 : prec).replace(/e([+-])(\d)$/, 'e$10$2');
        break;
      }
      case 'g':
        s = num ? (prec < 0 ? formatFloat(a, 'g') : Number(a.toPrecision(prec)).toString()) : `%!g(${goType(a)}=${formatValue(a)})`;
        break;
      case 't':
        s = typeof a === 'boolean' ? String(a) : `%!t(${goType(a)}=${formatValue(a)})`;
        break;
      case 'T':
        s = goType(a);
        break;
      case 'p':
        s = '0xc000012345';
        break;
      default:
        s = `%!${verb}(${goType(a)}=${formatValue(a)})`;
    }
    out += pad(s, width, minus, zero && !minus && verb !== 's' && verb !== 'v');
  }
  if (argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => `${goType(a)}=${formatValue(a)}`).join(', ') + ')';
  }
  return out;
}
