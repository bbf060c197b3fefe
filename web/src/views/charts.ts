/**
 * Charts under the picture, on canvas, linked to the time cursor (click or drag to scrub):
 *  1. threads over time against GOMAXPROCS;
 *  2. goroutines by state (stacked: running, runnable, in syscall, on the netpoller, parked);
 *  3. each P's activity as a timeline (running G / syscall / idle / spinning / scheduling).
 * The plots are drawn once per run (and on resize); a frame only moves the cursor line (a CSS
 * transform), so playing costs nothing here. x is simulated time for all three.
 */
import type { RunModel, Activity, Series } from '../model';
import { fmtNs } from './picture';

const colors = {
  threads: '#e8590c',
  procs: '#2f9e44',
  running: '#2f9e44',
  runnable: '#f08c00',
  syscall: '#e8590c',
  netpoll: '#0c8599',
  waiting: '#adb5bd',
};
const actColor: Record<Activity, string> = { run: '#2f9e44', syscall: '#e8590c', idle: '#e9ecef', spin: '#1c7ed6', sched: '#ae3ec9', gc: '#868e96', dead: '#f8f9fa' };

interface Chart {
  canvas: HTMLCanvasElement;
  /** The cursor: a 2px div moved with a transform (compositor only, no canvas redraw). */
  line: HTMLDivElement;
  height: number;
  draw: (ctx: CanvasRenderingContext2D, w: number, h: number, m: RunModel) => void;
}

const padL = 34;
const padR = 8;

export class Charts {
  private charts: Chart[] = [];
  private model: RunModel | null = null;
  private width = 0;
  private onSeekTime: (t: number) => void;

  constructor(root: HTMLElement, onSeekTime: (t: number) => void) {
    this.onSeekTime = onSeekTime;
    const mk = (title: string, legend: [string, string][], height: number, draw: Chart['draw'], testid: string): void => {
      const wrap = document.createElement('div');
      wrap.className = 'chart';
      wrap.innerHTML = `<h4>${title}<span class="legend">${legend.map(([c, n]) => `<span><i style="background:${c}"></i>${n}</span>`).join('')}</span></h4>`;
      const canvas = document.createElement('canvas');
      canvas.dataset['testid'] = testid;
      canvas.style.height = `${height}px`;
      const line = document.createElement('div');
      line.className = 'cursor-line';
      wrap.append(canvas, line);
      root.append(wrap);
      const chart: Chart = { canvas, line, height, draw };
      this.charts.push(chart);
      let dragging = false;
      const seek = (ev: PointerEvent): void => {
        const m = this.model;
        if (!m) return;
        const r = canvas.getBoundingClientRect();
        const x = Math.max(0, Math.min(1, (ev.clientX - r.left - padL) / (r.width - padL - padR)));
        this.onSeekTime(x * m.endTime);
      };
      canvas.addEventListener('pointerdown', (ev) => {
        dragging = true;
        canvas.setPointerCapture(ev.pointerId);
        seek(ev);
      });
      canvas.addEventListener('pointermove', (ev) => dragging && seek(ev));
      canvas.addEventListener('pointerup', () => (dragging = false));
    };
    mk('Threads vs GOMAXPROCS', [[colors.threads, 'threads (Ms)'], [colors.procs, 'GOMAXPROCS']], 90, drawThreads, 'chart-threads');
    mk('Goroutines by state', [[colors.running, 'running'], [colors.runnable, 'runnable'], [colors.syscall, 'syscall'], [colors.netpoll, 'netpoll'], [colors.waiting, 'parked']], 90, drawStates, 'chart-states');
    mk('P activity', [['linear-gradient(90deg,#2f9e44,#1c7ed6,#ae3ec9)', 'running G (its chip colour)'], [actColor.syscall, 'syscall'], [actColor.spin, 'spinning'], [actColor.sched, 'scheduling'], ['#ced4da', 'idle']], 0, drawPs, 'chart-ps');
    new ResizeObserver((entries) => {
      this.observedWidth = Math.floor(entries[0]!.contentRect.width);
      this.layout();
      if (this.lastT >= 0) this.cursor(this.lastT);
    }).observe(this.charts[0]!.canvas);
  }

  private observedWidth = 0;
  private lastT = -1;

  setModel(m: RunModel): void {
    this.model = m;
    const pc = Math.max(1, m.segments.length);
    const psChart = this.charts[2]!;
    psChart.height = Math.min(16 + pc * 14, 260);
    psChart.canvas.style.height = `${psChart.height}px`;
    this.width = 0;
    this.layout();
    // Text alternatives: what each chart shows, in numbers (screen readers, and anyone reading).
    const [a, b, c] = describeCharts(m);
    for (const [chart, label] of [[this.charts[0]!, a], [this.charts[1]!, b], [this.charts[2]!, c]] as const) {
      chart.canvas.setAttribute('role', 'img');
      chart.canvas.setAttribute('aria-label', label);
    }
  }

  private layout(): void {
    const m = this.model;
    if (!m) return;
    const w = this.observedWidth || this.charts[0]!.canvas.clientWidth;
    if (w === 0 || w === this.width) return;
    this.width = w;
    const dpr = window.devicePixelRatio || 1;
    for (const c of this.charts) {
      c.canvas.width = Math.round(w * dpr);
      c.canvas.height = Math.round(c.height * dpr);
      c.line.style.height = `${c.height}px`;
      const ctx = c.canvas.getContext('2d')!;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, c.height);
      c.draw(ctx, w, c.height, m);
    }
  }

  clear(): void {
    this.model = null;
    for (const c of this.charts) {
      c.canvas.getContext('2d')!.clearRect(0, 0, c.canvas.width, c.canvas.height);
      c.line.style.transform = 'translateX(-10px)';
    }
  }

  /** Move the cursor lines to simulated time t. */
  cursor(t: number): void {
    const m = this.model;
    this.lastT = t;
    if (!m || this.width === 0) return;
    const x = xOf(t, m, this.width);
    for (const c of this.charts) c.line.style.transform = `translateX(${x.toFixed(1)}px)`;
  }
}

/** One sentence per chart: threads vs GOMAXPROCS, goroutines by state, each P's time by activity. */
function describeCharts(m: RunModel): [string, string, string] {
  const s = m.series;
  const end = fmtNs(m.endTime);
  let peak = 0;
  let peakAt = 0;
  let procsMin = Infinity;
  let procsMax = 0;
  let gPeak = 0;
  let gPeakAt = 0;
  for (let j = 0; j < s.n; j++) {
    if (s.threads[j]! > peak) {
      peak = s.threads[j]!;
      peakAt = s.t[j]!;
    }
    procsMin = Math.min(procsMin, s.procs[j]!);
    procsMax = Math.max(procsMax, s.procs[j]!);
    const live = s.running[j]! + s.runnable[j]! + s.syscall[j]! + s.netpoll[j]! + s.waiting[j]!;
    if (live > gPeak) {
      gPeak = live;
      gPeakAt = s.t[j]!;
    }
  }
  const last = s.n - 1;
  const procs = s.n === 0 ? 'none' : procsMin === procsMax ? String(procsMax) : `${procsMin} to ${procsMax}`;
  const threads = s.n === 0 ? 'Threads vs GOMAXPROCS: no data.' : `Threads (Ms) over ${end}: peak ${peak} at ${fmtNs(peakAt)}, ${s.threads[last]} at the end; GOMAXPROCS ${procs}.`;
  const states =
    s.n === 0
      ? 'Goroutines by state: no data.'
      : `Goroutines by state over ${end}: at most ${gPeak} alive (at ${fmtNs(gPeakAt)}); at the end ${s.running[last]} running, ${s.runnable[last]} runnable, ${s.syscall[last]} in a syscall, ${s.netpoll[last]} on the netpoller, ${s.waiting[last]} parked.`;
  const ps = m.segments.map((segs, p) => {
    const tot: Record<string, number> = {};
    for (const g of segs ?? []) tot[g.act] = (tot[g.act] ?? 0) + (g.t1 - g.t0);
    const pct = (k: string): number => (m.endTime > 0 ? Math.round((100 * (tot[k] ?? 0)) / m.endTime) : 0);
    return `P${p} running ${pct('run')}%, syscall ${pct('syscall')}%, spinning ${pct('spin')}%, scheduling ${pct('sched')}%`;
  });
  return [threads, states, `P activity over ${end} (share of the run's time): ${ps.join('; ') || 'no Ps'}.`];
}

/** A colour token of the page (light or dark scheme), for text and lines drawn on the canvases. */
function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#596070';
}

function xOf(t: number, m: RunModel, w: number): number {
  return padL + (m.endTime > 0 ? t / m.endTime : 0) * (w - padL - padR);
}

/** Time labels along the bottom at "nice" steps (1, 2, 5 × 10^k ns), not only at both ends. */
function timeTicks(ctx: CanvasRenderingContext2D, w: number, h: number, m: RunModel): void {
  const end = m.endTime;
  if (end <= 0) return;
  const raw = end / Math.max(2, Math.floor((w - padL - padR) / 90));
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
  ctx.fillStyle = cssVar('--mute');
  for (let t = 0; t <= end; t += step) {
    const x = xOf(t, m, w);
    ctx.fillRect(x, h - 14, 1, 3);
    ctx.textAlign = t === 0 ? 'left' : x > w - padR - 30 ? 'right' : 'center';
    ctx.fillText(fmtNs(Math.round(t)), x, h - 2);
  }
}

function axes(ctx: CanvasRenderingContext2D, w: number, h: number, max: number, m: RunModel): void {
  ctx.fillStyle = cssVar('--mute');
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText(String(max), padL - 4, 10);
  ctx.fillText('0', padL - 4, h - 12);
  ctx.strokeStyle = cssVar('--line');
  ctx.beginPath();
  ctx.moveTo(padL, h - 14.5);
  ctx.lineTo(w - padR, h - 14.5);
  ctx.stroke();
  timeTicks(ctx, w, h, m);
}

/** Last value of a column in each pixel column (step plot). */
function stepPath(ctx: CanvasRenderingContext2D, s: Series, col: Int32Array, m: RunModel, w: number, y: (v: number) => number): void {
  ctx.beginPath();
  let prevY = y(0);
  ctx.moveTo(padL, prevY);
  for (let j = 0; j < s.n; j++) {
    const x = xOf(s.t[j]!, m, w);
    const ny = y(col[j]!);
    if (ny === prevY) continue;
    ctx.lineTo(x, prevY);
    ctx.lineTo(x, ny);
    prevY = ny;
  }
  ctx.lineTo(w - padR, prevY);
  ctx.stroke();
}

function drawThreads(ctx: CanvasRenderingContext2D, w: number, h: number, m: RunModel): void {
  const s = m.series;
  let max = 1;
  for (let j = 0; j < s.n; j++) max = Math.max(max, s.threads[j]!, s.procs[j]!);
  const y = (v: number): number => 4 + (h - 20) * (1 - v / max);
  axes(ctx, w, h, max, m);
  ctx.lineWidth = 1.5;
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = colors.procs;
  stepPath(ctx, s, s.procs, m, w, y);
  ctx.setLineDash([]);
  ctx.strokeStyle = colors.threads;
  ctx.lineWidth = 2;
  stepPath(ctx, s, s.threads, m, w, y);
}

function drawStates(ctx: CanvasRenderingContext2D, w: number, h: number, m: RunModel): void {
  const s = m.series;
  const cols = [s.running, s.runnable, s.syscall, s.netpoll, s.waiting];
  const cs = [colors.running, colors.runnable, colors.syscall, colors.netpoll, colors.waiting];
  let max = 1;
  for (let j = 0; j < s.n; j++) {
    let sum = 0;
    for (const c of cols) sum += c[j]!;
    max = Math.max(max, sum);
  }
  axes(ctx, w, h, max, m);
  const plotW = Math.max(1, Math.floor(w - padL - padR));
  const top = 4;
  const ph = h - 20;
  // per pixel column: the state at the column's last change point
  let j = 0;
  for (let px = 0; px < plotW; px++) {
    const tEnd = ((px + 1) / plotW) * m.endTime;
    while (j + 1 < s.n && s.t[j + 1]! <= tEnd) j++;
    if (s.n === 0) break;
    let acc = 0;
    for (let c = 0; c < cols.length; c++) {
      const v = cols[c]![j]!;
      if (v <= 0) continue;
      const y0 = top + ph * (1 - (acc + v) / max);
      const hh = (ph * v) / max;
      ctx.fillStyle = cs[c]!;
      ctx.fillRect(padL + px, y0, 1, hh);
      acc += v;
    }
  }
}

function drawPs(ctx: CanvasRenderingContext2D, w: number, h: number, m: RunModel): void {
  const rows = m.segments.length;
  const rh = Math.max(6, Math.min(12, (h - 16) / Math.max(1, rows) - 2));
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  for (let p = 0; p < rows; p++) {
    const y = 2 + p * (rh + 2);
    ctx.fillStyle = cssVar('--mute');
    ctx.fillText(`P${p}`, padL - 4, y + rh - 2);
    ctx.fillStyle = cssVar('--panel2');
    ctx.fillRect(padL, y, w - padL - padR, rh);
    for (const seg of m.segments[p] ?? []) {
      if (seg.act === 'idle' || seg.act === 'dead') continue;
      const x0 = xOf(seg.t0, m, w);
      const x1 = Math.max(x0 + 0.5, xOf(seg.t1, m, w));
      // running: a full-height bar in the G's chip colour (switches between goroutines show);
      // syscall / spinning / scheduling: thinner bars in their colour.
      if (seg.act === 'run') {
        ctx.fillStyle = seg.g >= 0 ? `hsl(${(seg.g * 47) % 360} 55% 45%)` : actColor.run;
        ctx.fillRect(x0, y, x1 - x0, rh);
      } else {
        ctx.fillStyle = actColor[seg.act];
        ctx.fillRect(x0, y + rh * 0.25, x1 - x0, rh * 0.5);
      }
    }
  }
  ctx.fillStyle = cssVar('--mute');
  timeTicks(ctx, w, h, m);
}
