/**
 * The runtime's own printing of numbers (runtime/print.go), as `print`/`println`, panics and the GC's
 * traces write them — not fmt's formatting.
 *
 * printfloat: go1.19's `+d.dddddde±ddd` (7 digits: normalise to [1, 10) by dividing or multiplying by
 * ten, round by adding 5e-7, then take the digits one by one), or, since go1.24 (the go1.26 profile:
 * VersionProfile.printFloatShortest), strconv.AppendFloat(v, 'g', -1, 64)'s shortest form.
 */
import { formatFloat } from '../workload/fmt.js';

/** print.go printfloat (go1.19) or printfloat64 (shortest). */
export function printfloat(v: number, shortest: boolean): string {
  if (shortest) return formatFloat(v);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  let sign = '+';
  let e = 0;
  let x = v;
  if (x === 0) {
    if (Object.is(x, -0)) sign = '-';
  } else {
    if (x < 0) {
      x = -x;
      sign = '-';
    }
    while (x >= 10) {
      e++;
      x /= 10;
    }
    while (x < 1) {
      e--;
      x *= 10;
    }
    let h = 5.0;
    for (let i = 0; i < 7; i++) h /= 10;
    x += h;
    if (x >= 10) {
      e++;
      x /= 10;
    }
  }
  let digits = '';
  for (let i = 0; i < 7; i++) {
    const d = Math.trunc(x);
    digits += String(d);
    x -= d;
    x *= 10;
  }
  const ae = Math.abs(e);
  return `${sign}${digits[0]}.${digits.slice(1)}e${e < 0 ? '-' : '+'}${String(Math.floor(ae / 100))}${String(Math.floor(ae / 10) % 10)}${String(ae % 10)}`;
}
