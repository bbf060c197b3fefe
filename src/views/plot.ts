/**
 * Plots of a run, as standalone SVG (and an HTML page around it), derived from the event log
 * through Replay. Pure TypeScript, no Node APIs: the web app can reuse it.
 *
 *   - threads (Ms alive, schedtrace's threads=) against the GOMAXPROCS line;
 *   - user goroutines by state: running, runnable, in syscall, waiting, IO wait (netpoller);
 *   - run queues: the global queue and each P's local queue (runnext excluded, as schedtrace);
 *   - each P's status over time (running / in syscall / idle / stopped).
 *
 * Sampling: the state at the end of every distinct event time is one sample. When there are more
 * samples than pixels, each pixel column shows the maximum in its interval (peaks stay visible).
 */
import { E, type EventLog } from '../log/events.js';
import { Replay, pShownStatus } from '../log/replay.js';
import { _Pdead } from '../runtime/runtime2.js';
import { escapeHtml as esc } from './html.js';

export interface PlotSamples {
  /** Sample times (ns). A sample's values hold from its time to the next sample's. */
  t: number[];
  end: number;
  gomaxprocs: number[];
  threads: number[];
  /** Ms parked on the idle list (stopm), schedtrace's idlethreads=. */
  idlethreads: number[];
  running: number[];
  runnable: number[];
  syscall: number[];
  waiting: number[];
  iowait: number[];
  global: number[];
  /** Local run queue length per P (index = P id). */
  pq: number[][];
  /** P status segments: [p, status, from, to]. */
  pseg: [number, number, number, number][];
}

/**
 * Replay the log once and take a sample at the end of every distinct event time. Every number
 * comes from the Replay (its O(1) counts(), its P and queue records): the plot keeps no scheduler
 * state of its own, only the P status segments it draws.
 */
export function samplePlot(log: EventLog): PlotSamples {
  const r = new Replay(log, 1 << 30);
  const S: PlotSamples = { t: [], end: 0, gomaxprocs: [], threads: [], idlethreads: [], running: [], runnable: [], syscall: [], waiting: [], iowait: [], global: [], pq: [], pseg: [] };
  const pStat: number[] = [];
  const pFrom: number[] = [];
  const n = log.length;
  const sample = (t: number): void => {
    const c = r.counts();
    S.t.push(t);
    S.gomaxprocs.push(c.gomaxprocs);
    S.threads.push(c.threads);
    S.idlethreads.push(c.idlethreads);
    S.running.push(c.running);
    S.runnable.push(c.runnable);
    S.syscall.push(c.syscall);
    S.waiting.push(c.waiting);
    S.iowait.push(c.netpoll);
    S.global.push(c.runqueue);
    const ps = r.ps;
    for (let p = 0; p < Math.max(ps.length, S.pq.length); p++) {
      let q = S.pq[p];
      if (!q) {
        q = new Array<number>(S.t.length - 1).fill(0);
        S.pq[p] = q;
      }
      const pp = ps[p];
      q.push(pp && !pp.dead ? pp.runq.length : 0);
    }
  };
  for (let i = 0; i < n; i++) {
    const t = log.t[i]!;
    if (i > 0 && t !== log.t[i - 1]) sample(log.t[i - 1]!);
    r.step();
    const k = log.k[i]!;
    // A P's shown status (pShownStatus) changes with its PState events, and since Go 1.26 with the
    // MState of its M entering or leaving a syscall while it keeps the P.
    const p = k === E.PState || k === E.MState ? log.p[i]! : -1;
    const pp = p >= 0 ? r.ps[p] : undefined;
    if (pp !== undefined && (k === E.PState || (pp.m === log.m[i] && pStat[p] !== undefined))) {
      const st = pShownStatus(pp, r.ms);
      if (pStat[p] === undefined) {
        pStat[p] = st;
        pFrom[p] = t;
      } else if (pStat[p] !== st) {
        if (pFrom[p]! < t) S.pseg.push([p, pStat[p]!, pFrom[p]!, t]);
        pStat[p] = st;
        pFrom[p] = t;
      }
    }
  }
  const end = n > 0 ? log.t[n - 1]! : 0;
  if (n > 0) sample(end);
  for (let p = 0; p < pStat.length; p++) {
    if (pStat[p] !== undefined && pFrom[p]! < end) S.pseg.push([p, pStat[p]!, pFrom[p]!, end]);
  }
  S.end = end;
  return S;
}

// ---------------------------------------------------------------- drawing helpers

const f1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Go-style duration label for an axis tick. */
export function tickDuration(ns: number): string {
  if (ns === 0) return '0';
  const r = (x: number): string => String(Math.round(x * 1000) / 1000);
  if (ns < 1e3) return `${r(ns)}ns`;
  if (ns < 1e6) return `${r(ns / 1e3)}µs`;
  if (ns < 1e9) return `${r(ns / 1e6)}ms`;
  return `${r(ns / 1e9)}s`;
}

/** "Nice" tick step (1, 2, 5 × 10^k) giving about `count` ticks over [0, max]. */
export function niceStep(max: number, count: number, integer: boolean): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = p;
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (p * m >= raw) {
      step = p * m;
      break;
    }
  }
  if (integer) step = Math.max(1, Math.round(step));
  return step;
}

const palette = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

interface Series {
  name: string;
  color: string;
  values: number[];
  width?: number;
  dash?: string;
}

interface Frame {
  x0: number;
  x1: number;
  t0: number;
  t1: number;
}

/** Reduce samples to at most `cols` points: each column keeps the maximum of its interval. */
function reduce(t: number[], end: number, values: number[][], cols: number): { t: number[]; v: number[][] } {
  if (t.length <= cols * 2) return { t, v: values };
  const span = Math.max(end - (t[0] ?? 0), 1);
  const t0 = t[0] ?? 0;
  const outT: number[] = [];
  const outV: number[][] = values.map(() => []);
  let col = -1;
  for (let i = 0; i < t.length; i++) {
    const c = Math.min(cols - 1, Math.floor(((t[i]! - t0) / span) * cols));
    if (c !== col) {
      col = c;
      outT.push(t0 + (c / cols) * span);
      for (let s = 0; s < values.length; s++) outV[s]!.push(values[s]![i]!);
    } else {
      for (let s = 0; s < values.length; s++) {
        const arr = outV[s]!;
        if (values[s]![i]! > arr[arr.length - 1]!) arr[arr.length - 1] = values[s]![i]!;
      }
    }
  }
  return { t: outT, v: outV };
}

function stepPath(t: number[], v: number[], end: number, fx: (t: number) => number, fy: (v: number) => number): string {
  if (t.length === 0) return '';
  let d = `M${f1(fx(t[0]!))},${f1(fy(v[0]!))}`;
  for (let i = 1; i < t.length; i++) {
    d += `H${f1(fx(t[i]!))}`;
    if (v[i] !== v[i - 1]) d += `V${f1(fy(v[i]!))}`;
  }
  d += `H${f1(fx(end))}`;
  return d;
}

function xAxis(fr: Frame, y: number, labels: boolean): string {
  const span = fr.t1 - fr.t0;
  const step = niceStep(span, 8, false);
  let s = '';
  for (let tv = 0; tv <= span + step * 1e-9; tv += step) {
    const x = fr.x0 + (tv / (span || 1)) * (fr.x1 - fr.x0);
    s += `<line x1="${f1(x)}" y1="${y}" x2="${f1(x)}" y2="${y + 4}" stroke="#555"/>`;
    if (labels) s += `<text x="${f1(x)}" y="${y + 16}" text-anchor="middle" class="tick">${esc(tickDuration(tv))}</text>`;
  }
  return s;
}

function xGrid(fr: Frame, yTop: number, yBot: number): string {
  const span = fr.t1 - fr.t0;
  const step = niceStep(span, 8, false);
  let s = '';
  for (let tv = step; tv < span; tv += step) {
    const x = fr.x0 + (tv / (span || 1)) * (fr.x1 - fr.x0);
    s += `<line x1="${f1(x)}" y1="${yTop}" x2="${f1(x)}" y2="${yBot}" class="grid"/>`;
  }
  return s;
}

function legend(x: number, y: number, items: { name: string; color: string; dash?: string; box?: boolean }[]): string {
  let s = '';
  items.forEach((it, i) => {
    const yy = y + i * 17;
    if (it.box) s += `<rect x="${x}" y="${yy - 8}" width="18" height="10" fill="${it.color}" stroke="#999" stroke-width="0.5"/>`;
    else s += `<line x1="${x}" y1="${yy - 3}" x2="${x + 18}" y2="${yy - 3}" stroke="${it.color}" stroke-width="2.5"${it.dash ? ` stroke-dasharray="${it.dash}"` : ''}/>`;
    s += `<text x="${x + 24}" y="${yy + 1}" class="legend">${esc(it.name)}</text>`;
  });
  return s;
}

/** One line-chart panel: y axis, grid, series as step lines, legend on the right. */
function linePanel(fr: Frame, top: number, height: number, title: string, t: number[], end: number, series: Series[], cls: string): string {
  let max = 1;
  for (const se of series) for (const v of se.values) if (v > max) max = v;
  const step = niceStep(max, 4, true);
  let ymax = Math.ceil(max / step) * step;
  if (ymax <= max) ymax += step; // headroom: a series at its maximum stays off the frame
  const bot = top + height;
  const fy = (v: number): number => bot - (v / ymax) * height;
  const fx = (tv: number): number => fr.x0 + ((tv - fr.t0) / (fr.t1 - fr.t0 || 1)) * (fr.x1 - fr.x0);
  let s = `<g class="${cls}">`;
  s += `<text x="${fr.x0}" y="${top - 8}" class="ptitle">${esc(title)}</text>`;
  s += `<rect x="${fr.x0}" y="${top}" width="${fr.x1 - fr.x0}" height="${height}" class="frame"/>`;
  for (let v = 0; v <= ymax; v += step) {
    const y = fy(v);
    if (v > 0) s += `<line x1="${fr.x0}" y1="${f1(y)}" x2="${fr.x1}" y2="${f1(y)}" class="grid"/>`;
    s += `<text x="${fr.x0 - 6}" y="${f1(y + 4)}" text-anchor="end" class="tick">${v}</text>`;
  }
  s += xGrid(fr, top, bot);
  // Drawn bottom-up: the first series (first in the legend) ends on top.
  for (const se of series.slice().reverse()) {
    s += `<path d="${stepPath(t, se.values, end, fx, fy)}" fill="none" stroke="${se.color}" stroke-width="${se.width ?? 1.8}" stroke-linejoin="round"${se.dash ? ` stroke-dasharray="${se.dash}"` : ''} data-series="${esc(se.name)}"><title>${esc(se.name)}</title></path>`;
  }
  s += xAxis(fr, bot, true);
  s += legend(fr.x1 + 18, top + 10, series.map((se) => ({ name: se.name, color: se.color, dash: se.dash })));
  s += '</g>';
  return s;
}

const pColors: Record<number, { name: string; color: string }> = {
  0: { name: 'idle', color: '#e8e8e8' },
  1: { name: 'running', color: '#59a14f' },
  2: { name: 'in syscall', color: '#b07aa1' },
  3: { name: 'stopped (gcstop)', color: '#bab0ac' },
  4: { name: 'dead', color: '#ffffff' },
};

function pStatusPanel(fr: Frame, top: number, S: PlotSamples, nP: number, rowH: number): string {
  const height = nP * rowH;
  let s = `<g class="pstatus" shape-rendering="crispEdges">`;
  s += `<text x="${fr.x0}" y="${top - 8}" class="ptitle">P status</text>`;
  // Per pixel column, the status the P spent most of that column in; equal neighbours merge into one rect.
  const cols = Math.max(1, Math.floor(fr.x1 - fr.x0));
  const span = fr.t1 - fr.t0 || 1;
  const acc: Float64Array[] = [];
  for (const [p, st, a, b] of S.pseg) {
    if (p >= nP) continue;
    const arr = (acc[p] ??= new Float64Array(cols * 5));
    let c = Math.max(0, Math.floor(((a - fr.t0) / span) * cols));
    while (c < cols) {
      const c0 = fr.t0 + (c / cols) * span;
      const c1 = fr.t0 + ((c + 1) / cols) * span;
      const ov = Math.min(b, c1) - Math.max(a, c0);
      if (ov > 0) arr[c * 5 + st]! += ov;
      if (b <= c1) break;
      c++;
    }
  }
  for (let p = 0; p < nP; p++) {
    const arr = acc[p];
    if (!arr) continue;
    let runSt = -1;
    let runFrom = 0;
    const flush = (to: number): void => {
      if (runSt < 0 || runSt === _Pdead) return;
      const x = fr.x0 + runFrom;
      s += `<rect x="${f1(x)}" y="${f1(top + p * rowH + 1)}" width="${f1(to - runFrom)}" height="${rowH - 2}" fill="${pColors[runSt]?.color ?? '#ccc'}"/>`;
    };
    for (let c = 0; c < cols; c++) {
      let best = -1;
      let bestT = 0;
      for (let k = 0; k < 5; k++) {
        if (arr[c * 5 + k]! > bestT) {
          bestT = arr[c * 5 + k]!;
          best = k;
        }
      }
      if (best !== runSt) {
        flush(c);
        runSt = best;
        runFrom = c;
      }
    }
    flush(cols);
  }
  for (let p = 0; p < nP; p++) {
    if (nP <= 32 || p % Math.ceil(nP / 16) === 0) s += `<text x="${fr.x0 - 6}" y="${f1(top + p * rowH + rowH / 2 + 4)}" text-anchor="end" class="tick">P${p}</text>`;
  }
  s += `<rect x="${fr.x0}" y="${top}" width="${fr.x1 - fr.x0}" height="${height}" class="frame"/>`;
  s += xAxis(fr, top + height, true);
  s += legend(fr.x1 + 18, top + 10, [1, 2, 0, 3].map((k) => ({ name: pColors[k]!.name, color: pColors[k]!.color, box: true })));
  s += '</g>';
  return s;
}

export interface PlotOptions {
  title?: string;
  /** Total width in px (default 1100). */
  width?: number;
}

/** The values under the HTML page's cursor: the plotted (reduced) series. */
export interface PlotData {
  t: number[];
  end: number;
  series: { name: string; values: number[] }[];
}

/** The run's plot as a standalone SVG document. */
export function renderPlotSvg(log: EventLog, opts: PlotOptions = {}): string {
  return renderSamplesSvg(samplePlot(log), opts).svg;
}

/** The SVG and the plotted series (for `wrapHtml`'s hover read-out). */
export function renderPlot(log: EventLog, opts: PlotOptions = {}): { svg: string; data: PlotData } {
  return renderSamplesSvg(samplePlot(log), opts);
}

/**
 * The largest value of `xs`, at least 0. A loop, not Math.max(...xs): a spread passes every element
 * as an argument on the stack, which overflows it past about a million samples (a long run).
 */
function maxOf(xs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}

export function renderSamplesSvg(S0: PlotSamples, opts: PlotOptions = {}): { svg: string; data: PlotData } {
  const W = opts.width ?? 1100;
  const left = 64;
  const right = 190;
  const fr: Frame = { x0: left, x1: W - right, t0: 0, t1: Math.max(S0.end, 1) };
  const cols = Math.max(50, Math.floor(fr.x1 - fr.x0));
  const nP = S0.pq.length;
  const base = [S0.gomaxprocs, S0.threads, S0.idlethreads, S0.running, S0.runnable, S0.syscall, S0.waiting, S0.iowait, S0.global, ...S0.pq];
  const { t, v } = reduce(S0.t, S0.end, base, cols);
  const [gmp, thr, idl, run, rbl, sys, wai, iow, glob, ...pq] = v as [number[], number[], number[], number[], number[], number[], number[], number[], number[], ...number[][]];
  const peakThreads = maxOf(S0.threads);
  const finalGmp = S0.gomaxprocs[S0.gomaxprocs.length - 1] ?? 0;

  const panelH = 150;
  const gap = 62;
  let y = 78;
  let body = '';
  body += linePanel(fr, y, panelH, 'OS threads (M)', t, S0.end, [
    { name: 'threads', color: '#4e79a7', values: thr, width: 2.4 },
    { name: 'GOMAXPROCS', color: '#e15759', values: gmp, dash: '6 4', width: 1.8 },
    { name: 'idle threads (stopm)', color: '#a0cbe8', values: idl, width: 1.6 },
  ], 'threads');
  y += panelH + gap;
  body += linePanel(fr, y, panelH, 'Goroutines by state (user goroutines)', t, S0.end, [
    { name: 'running', color: '#59a14f', values: run, width: 2.2 },
    { name: 'runnable', color: '#f28e2b', values: rbl },
    { name: 'in syscall', color: '#b07aa1', values: sys },
    { name: 'waiting', color: '#9c9c9c', values: wai },
    { name: 'IO wait (netpoll)', color: '#76b7b2', values: iow },
  ], 'goroutines');
  y += panelH + gap;
  const qSeries: Series[] = [{ name: 'global runq', color: '#222222', values: glob, width: 2.2 }];
  const maxLegend = 9;
  pq.forEach((vals, p) => {
    if (p < maxLegend || nP <= maxLegend + 1) qSeries.push({ name: `P${p} local runq`, color: palette[p % palette.length]!, values: vals, width: 1.4 });
  });
  if (nP > maxLegend + 1) {
    const rest = t.map((_, i) => {
      let m = 0;
      for (let p = maxLegend; p < nP; p++) m = Math.max(m, pq[p]![i]!);
      return m;
    });
    qSeries.push({ name: `max of P${maxLegend}–P${nP - 1}`, color: '#bbbbbb', values: rest, width: 1.4 });
  }
  body += linePanel(fr, y, panelH, 'Run queue lengths (local queues exclude runnext, as schedtrace)', t, S0.end, qSeries, 'runqueues');
  y += panelH + gap;
  const rowH = nP <= 8 ? 18 : nP <= 32 ? 10 : Math.max(3, Math.floor(320 / nP));
  body += pStatusPanel(fr, y, S0, nP, rowH);
  y += nP * rowH + 40;
  const H = y + 10;
  const title = opts.title ?? 'gmpsim run';
  const sub = `simulated time ${tickDuration(S0.end)} · GOMAXPROCS ${finalGmp} · peak threads ${peakThreads} · ${nP} P${nP === 1 ? '' : 's'}`;
  const data: PlotData = {
    t,
    end: S0.end,
    series: [
      { name: 'threads', values: thr },
      { name: 'GOMAXPROCS', values: gmp },
      { name: 'idle threads', values: idl },
      { name: 'running', values: run },
      { name: 'runnable', values: rbl },
      { name: 'in syscall', values: sys },
      { name: 'waiting', values: wai },
      { name: 'IO wait', values: iow },
      { name: 'global runq', values: glob },
      ...pq.map((values, p) => ({ name: `P${p} runq`, values })),
    ],
  };
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" data-t0="${fr.t0}" data-t1="${fr.t1}" data-x0="${fr.x0}" data-x1="${fr.x1}">`,
    `<style>.tick{font-size:11px;fill:#555}.legend{font-size:12px;fill:#333}.ptitle{font-size:13px;font-weight:600;fill:#222}.grid{stroke:#e6e6e6;stroke-width:1}.frame{fill:none;stroke:#999;stroke-width:1}.title{font-size:17px;font-weight:700;fill:#111}.sub{font-size:12px;fill:#555}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${left}" y="28" class="title">${esc(title)}</text>`,
    `<text x="${left}" y="48" class="sub">${esc(sub)}</text>`,
    `<text x="${(fr.x0 + fr.x1) / 2}" y="${H - 8}" text-anchor="middle" class="tick">simulated time</text>`,
    body,
    `</svg>`,
  ].join('\n');
  return { svg, data };
}

/** An HTML page around an SVG, with a hover cursor showing the simulated time. */
export function wrapHtml(svg: string, title: string, data?: PlotData): string {
  const json = data ? JSON.stringify(data).replace(/</g, '\\u003c') : 'null';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{margin:16px;background:#fafafa;font-family:system-ui,sans-serif}#wrap{position:relative;display:inline-block;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.15)}#cursor{position:absolute;top:0;bottom:0;width:1px;background:rgba(0,0,0,.35);pointer-events:none;display:none}#tip{position:absolute;top:56px;font-size:12px;line-height:1.35;background:rgba(34,34,34,.92);color:#fff;padding:4px 8px;border-radius:3px;pointer-events:none;display:none;white-space:pre;font-family:ui-monospace,monospace}</style>
</head><body><div id="wrap">${svg}<div id="cursor"></div><div id="tip"></div></div>
<script>
var DATA=${json};
(function(){var w=document.getElementById('wrap'),s=w.querySelector('svg'),c=document.getElementById('cursor'),tip=document.getElementById('tip');
var x0=+s.dataset.x0,x1=+s.dataset.x1,t0=+s.dataset.t0,t1=+s.dataset.t1;
function fmt(ns){if(ns<1e3)return ns.toFixed(0)+'ns';if(ns<1e6)return (ns/1e3).toFixed(2)+'µs';if(ns<1e9)return (ns/1e6).toFixed(3)+'ms';return (ns/1e9).toFixed(4)+'s'}
w.addEventListener('mousemove',function(e){var r=s.getBoundingClientRect(),x=(e.clientX-r.left)*(s.viewBox.baseVal.width/r.width);
if(x<x0||x>x1){c.style.display=tip.style.display='none';return}
var px=e.clientX-r.left;c.style.left=px+'px';c.style.display='block';tip.style.left=(px+6)+'px';tip.style.display='block';
var t=t0+(x-x0)/(x1-x0)*(t1-t0),txt='t = '+fmt(t);
if(DATA){var lo=0,hi=DATA.t.length-1;while(lo<hi){var mid=(lo+hi+1)>>1;if(DATA.t[mid]<=t)lo=mid;else hi=mid-1}
DATA.series.forEach(function(s){txt+='\\n'+s.name+': '+s.values[lo]})}
tip.textContent=txt;if(px>r.width*0.6)tip.style.left=(px-tip.offsetWidth-6)+'px';});
w.addEventListener('mouseleave',function(){c.style.display=tip.style.display='none'});})();
</script></body></html>
`;
}

// ---------------------------------------------------------------- sweep plot

export interface SweepPoint {
  /** The group (one line per group): e.g. "n=100". */
  group: string;
  gomaxprocs: number;
  /** metric name → value */
  values: Record<string, number>;
}

/** Sweep results: one panel per metric, x = GOMAXPROCS (log2 spacing when ≥ 3 distinct values double), one line per group. */
export function renderSweepSvg(points: SweepPoint[], metrics: { key: string; title: string; integer?: boolean; format?: (v: number) => string }[], title: string): string {
  const W = 900;
  const left = 80;
  const right = 200;
  const panelH = 200;
  const gap = 70;
  const xs = [...new Set(points.map((p) => p.gomaxprocs))].sort((a, b) => a - b);
  const groups = [...new Set(points.map((p) => p.group))];
  const useLog = xs.length >= 3 && xs[0]! >= 1 && xs.every((x, i) => i === 0 || x / xs[i - 1]! >= 1.9);
  const xv = (g: number): number => (useLog ? Math.log2(g) : g);
  const xmin = xv(xs[0] ?? 1);
  const xmax = xv(xs[xs.length - 1] ?? 1);
  const x0 = left;
  const x1 = W - right;
  const fx = (g: number): number => (xmax === xmin ? (x0 + x1) / 2 : x0 + ((xv(g) - xmin) / (xmax - xmin)) * (x1 - x0));
  let y = 78;
  let body = '';
  for (const m of metrics) {
    let max = 0;
    for (const p of points) max = Math.max(max, p.values[m.key] ?? 0);
    const step = niceStep(max || 1, 4, m.integer ?? false);
    let ymax = Math.ceil((max || 1) / step) * step;
    if (ymax <= max) ymax += step;
    const bot = y + panelH;
    const fy = (v: number): number => bot - (v / ymax) * panelH;
    const fmtv = m.format ?? ((v: number) => String(Math.round(v * 1000) / 1000));
    body += `<text x="${x0}" y="${y - 8}" class="ptitle">${esc(m.title)}</text>`;
    body += `<rect x="${x0}" y="${y}" width="${x1 - x0}" height="${panelH}" class="frame"/>`;
    for (let v = 0; v <= ymax + step * 1e-9; v += step) {
      const yy = fy(v);
      if (v > 0) body += `<line x1="${x0}" y1="${f1(yy)}" x2="${x1}" y2="${f1(yy)}" class="grid"/>`;
      body += `<text x="${x0 - 6}" y="${f1(yy + 4)}" text-anchor="end" class="tick">${esc(fmtv(v))}</text>`;
    }
    for (const g of xs) {
      body += `<line x1="${f1(fx(g))}" y1="${bot}" x2="${f1(fx(g))}" y2="${bot + 4}" stroke="#555"/>`;
      body += `<text x="${f1(fx(g))}" y="${bot + 17}" text-anchor="middle" class="tick">${g}</text>`;
    }
    body += `<text x="${(x0 + x1) / 2}" y="${bot + 34}" text-anchor="middle" class="tick">GOMAXPROCS</text>`;
    groups.forEach((grp, gi) => {
      const pts = points.filter((p) => p.group === grp).sort((a, b) => a.gomaxprocs - b.gomaxprocs);
      const color = palette[gi % palette.length]!;
      const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${f1(fx(p.gomaxprocs))},${f1(fy(p.values[m.key] ?? 0))}`).join('');
      body += `<path d="${d}" fill="none" stroke="${color}" stroke-width="2" data-series="${esc(grp)}"/>`;
      for (const p of pts) body += `<circle cx="${f1(fx(p.gomaxprocs))}" cy="${f1(fy(p.values[m.key] ?? 0))}" r="3.5" fill="${color}"><title>${esc(`${grp} GOMAXPROCS=${p.gomaxprocs}: ${fmtv(p.values[m.key] ?? 0)}`)}</title></circle>`;
    });
    body += legend(x1 + 18, y + 10, groups.map((g, gi) => ({ name: g || 'all', color: palette[gi % palette.length]! })));
    y += panelH + gap;
  }
  const H = y - 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">`,
    `<style>.tick{font-size:11px;fill:#555}.legend{font-size:12px;fill:#333}.ptitle{font-size:13px;font-weight:600;fill:#222}.grid{stroke:#e6e6e6;stroke-width:1}.frame{fill:none;stroke:#999;stroke-width:1}.title{font-size:17px;font-weight:700;fill:#111}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${left}" y="32" class="title">${esc(title)}</text>`,
    body,
    `</svg>`,
  ].join('\n');
}
