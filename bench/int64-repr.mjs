// `node bench/int64-repr.mjs`: what exact 64-bit integers would cost the Go frontend (issue 11).
//
// The loop of src/golang/bench.ts (`for i := 0; i < N; i++ { sum += i }`, N = 20M), written by hand
// in the four representations an int64 could have in generated code, each with Go's wrap-around:
//   double+w64  today's: JS numbers, wrapped by rt/integers.ts w64 (exact to ±2^53 only);
//   bigint      BigInt values, BigInt.asIntN(64, …) after each operation (exact);
//   hi/lo pair  an object of two int32 halves per value, add with carry (exact);
//   hybrid      a number while |v| ≤ 2^53 − 1, a BigInt beyond (exact; a type test per operation).
// Prints the median wall time of `--runs` runs (default 5) of each, interleaved, and its ratio to
// double+w64. No dependencies; run it on a quiet machine.
const N = 20_000_000;
const TWO63 = 9223372036854775808;
function w64(x) {
  if (x >= TWO63 || x < -TWO63) return Number(BigInt.asIntN(64, BigInt(Math.trunc(x))));
  return x;
}
function dbl() {
  let sum = 0;
  for (let i = 0; i < N; i = w64(i + 1)) sum = w64(sum + i);
  return String(sum);
}
function big() {
  let sum = 0n;
  const n = BigInt(N);
  for (let i = 0n; i < n; i = BigInt.asIntN(64, i + 1n)) sum = BigInt.asIntN(64, sum + i);
  return String(sum);
}
class I64 {
  constructor(hi, lo) {
    this.hi = hi;
    this.lo = lo;
  }
}
function add64(a, b) {
  const lo = (a.lo >>> 0) + (b.lo >>> 0);
  return new I64((a.hi + b.hi + (lo > 0xffffffff ? 1 : 0)) | 0, lo | 0);
}
const lt64 = (a, b) => a.hi < b.hi || (a.hi === b.hi && a.lo >>> 0 < b.lo >>> 0);
function pair() {
  let sum = new I64(0, 0);
  const one = new I64(0, 1);
  const n = new I64(0, N);
  for (let i = new I64(0, 0); lt64(i, n); i = add64(i, one)) sum = add64(sum, i);
  return String(sum.hi * 4294967296 + (sum.lo >>> 0));
}
const MAXS = Number.MAX_SAFE_INTEGER;
function hslow(x) {
  x = BigInt.asIntN(64, x);
  return x <= BigInt(MAXS) && x >= -BigInt(MAXS) ? Number(x) : x;
}
function hadd(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAXS && r >= -MAXS) return r;
  }
  return hslow(BigInt(a) + BigInt(b));
}
function hyb() {
  let sum = 0;
  for (let i = 0; i < N; i = hadd(i, 1)) sum = hadd(sum, i);
  return String(sum);
}
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;
const reprs = [['double+w64', dbl], ['bigint', big], ['hi/lo pair', pair], ['hybrid', hyb]];
const times = new Map(reprs.map(([n]) => [n, []]));
for (let k = 0; k < runs; k++)
  for (const [name, f] of reprs) {
    const t0 = performance.now();
    const r = f();
    times.get(name).push(performance.now() - t0);
    if (r !== '199999990000000') throw new Error(`${name} summed ${r}`);
  }
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = med(times.get('double+w64'));
for (const [name] of reprs) console.log(`${name.padEnd(11)} ${med(times.get(name)).toFixed(0).padStart(5)} ms  ×${(med(times.get(name)) / base).toFixed(1)}`);
