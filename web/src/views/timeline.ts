/**
 * The timeline: the run against simulated time, as trace viewers draw it — one track per P (running
 * G, syscall, spinning, scheduling, idle, GC stop), one per M (thread states), and one per
 * goroutine on demand (pinned from the picture: scheduling latency shows as its runnable stretches).
 *
 *  - time-proportional; zoom with the wheel (around the pointer), +/− keys or buttons; pan by
 *    dragging, ←/→ keys; "fit" shows the whole run;
 *  - hovering a bar reads it out: what it is, from when to when, how long (a G's runnable stretch is
 *    its scheduling latency, a syscall bar its duration, a P's syscall bar the time until it was
 *    handed off or its M came back);
 *  - the cursor is shared with the picture: a red line at the replay's time; a click seeks there.
 *
 * Bars come from the run model's segments (model.ts), which are read from a Replay: the timeline
 * keeps no state of its own but the view window. Drawn on a canvas when the window, the model, the
 * pinned Gs or the size change; the cursor line is a transformed div (no redraw per frame).
 */
import type { RunModel, Activity, MActivity, GActivity } from '../model';
import { fmtNs } from './picture';

const rowH = 18;
const labelW = 56;
const axisH = 22;

/** Bar colours, read from the page's colour tokens (light or dark scheme) at draw time. */
function palette(): Record<string, string> {
  const cs = getComputedStyle(document.documentElement);
  const v = (n: string): string => cs.getPropertyValue(n).trim() || '#888';
  return {
    run: v('--run'),
    syscall: v('--sys'),
    spin: v('--spin'),
    sched: v('--sched'),
    idle: v('--line'),
    gc: v('--gc'),
    netpoll: v('--net'),
    sysmon: v('--mute'),
    start: v('--glob'),
    runnable: v('--glob'),
    running: v('--run'),
    waiting: v('--line2'),
    ink: v('--ink'),
    mute: v('--mute'),
    grid: v('--line'),
    bg: v('--panel'),
  };
}

const actText: Record<string, string> = {
  run: 'running',
  syscall: 'in a syscall',
  spin: 'spinning (looking for work)',
  sched: 'in the scheduler',
  idle: 'idle',
  gc: 'stopped (_Pgcstop)',
  netpoll: 'blocked in netpoll (epoll_wait)',
  sysmon: 'sysmon',
  start: 'starting (clone)',
  runnable: 'runnable: waiting for an M and P (scheduling latency)',
  running: 'running',
  waiting: 'parked',
};

interface Track {
  label: string;
  kind: 'p' | 'm' | 'g';
  id: number;
  bars: { t0: number; t1: number; act: Activity | MActivity | GActivity; g: number; note: string }[];
}

/** A "nice" step (1, 2, 5 × 10^k) for about `n` ticks over `span`. */
function tickStep(span: number, n: number): number {
  const raw = span / Math.max(1, n);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return m * p;
  return 10 * p;
}

export class Timeline {
  private root: HTMLElement;
  private canvas: HTMLCanvasElement;
  private line: HTMLDivElement;
  private tip: HTMLDivElement;
  private model: RunModel | null = null;
  private tracks: Track[] = [];
  /** The view window [t0, t1] in simulated ns. */
  private t0 = 0;
  private t1 = 1;
  private width = 0;
  private pinned: number[] = [];
  private allMs = false;
  private lastT = 0;
  private onSeekTime: (t: number) => void;

  constructor(root: HTMLElement, onSeekTime: (t: number) => void) {
    this.root = root;
    this.onSeekTime = onSeekTime;
    root.innerHTML = `<h2 id="tl-h">Timeline <span class="sub">simulated time · wheel or +/− to zoom, drag or ←/→ to pan, click to move the cursor</span></h2>
      <div class="tl-bar">
        <button type="button" data-tl="in" data-testid="tl-zoom-in" aria-label="Zoom in">+</button>
        <button type="button" data-tl="out" data-testid="tl-zoom-out" aria-label="Zoom out">−</button>
        <button type="button" data-tl="fit" data-testid="tl-fit">fit</button>
        <button type="button" data-tl="cursor" data-testid="tl-cursor">centre on cursor</button>
        <label><input type="checkbox" data-testid="tl-all-ms"> every M</label>
        <span class="tl-span" data-testid="tl-span"></span>
        <span class="tl-pins" data-testid="tl-pins"></span>
      </div>
      <div class="tl-wrap"><canvas data-testid="timeline" tabindex="0"></canvas><div class="cursor-line"></div><div class="tl-tip" data-testid="tl-tip" role="status" hidden></div></div>`;
    this.canvas = root.querySelector('canvas')!;
    this.line = root.querySelector('.cursor-line')!;
    this.tip = root.querySelector('.tl-tip')!;
    this.canvas.setAttribute('role', 'img');
    root.querySelectorAll<HTMLButtonElement>('[data-tl]').forEach((b) => {
      b.onclick = () => {
        const k = b.dataset['tl'];
        if (k === 'in') this.zoom(0.5, (this.t0 + this.t1) / 2);
        else if (k === 'out') this.zoom(2, (this.t0 + this.t1) / 2);
        else if (k === 'fit') this.fit();
        else this.centre(this.lastT);
      };
    });
    root.querySelector<HTMLInputElement>('[data-testid=tl-all-ms]')!.onchange = (ev) => {
      this.allMs = (ev.target as HTMLInputElement).checked;
      this.rebuild();
    };
    root.querySelector('[data-testid=tl-pins]')!.addEventListener('click', (ev) => {
      const b = (ev.target as HTMLElement).closest<HTMLElement>('[data-unpin]');
      if (b) this.unpin(Number(b.dataset['unpin']));
    });
    this.canvas.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      this.zoom(ev.deltaY > 0 ? 1.25 : 0.8, this.timeAt(ev.offsetX));
    }, { passive: false });
    let drag: { x: number; t0: number; t1: number; moved: boolean } | null = null;
    this.canvas.addEventListener('pointerdown', (ev) => {
      drag = { x: ev.clientX, t0: this.t0, t1: this.t1, moved: false };
      this.canvas.setPointerCapture(ev.pointerId);
    });
    this.canvas.addEventListener('pointermove', (ev) => {
      if (drag) {
        const dx = ev.clientX - drag.x;
        if (Math.abs(dx) > 3) drag.moved = true;
        if (drag.moved) {
          const dt = (dx / this.plotW()) * (drag.t1 - drag.t0);
          this.setWindow(drag.t0 - dt, drag.t1 - dt);
        }
        return;
      }
      this.hover(ev.offsetX, ev.offsetY);
    });
    this.canvas.addEventListener('pointerup', (ev) => {
      if (drag && !drag.moved && ev.offsetX > labelW) this.onSeekTime(this.timeAt(ev.offsetX));
      drag = null;
    });
    this.canvas.addEventListener('pointerleave', () => (this.tip.hidden = true));
    this.canvas.addEventListener('keydown', (ev) => {
      const span = this.t1 - this.t0;
      if (ev.key === '+' || ev.key === '=') this.zoom(0.5, (this.t0 + this.t1) / 2);
      else if (ev.key === '-') this.zoom(2, (this.t0 + this.t1) / 2);
      else if (ev.key === 'ArrowLeft') this.setWindow(this.t0 - span * 0.2, this.t1 - span * 0.2);
      else if (ev.key === 'ArrowRight') this.setWindow(this.t0 + span * 0.2, this.t1 + span * 0.2);
      else if (ev.key === '0') this.fit();
      else return;
      ev.preventDefault();
      ev.stopPropagation();
    });
    new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]!.contentRect.width);
      if (w !== this.width) {
        this.width = w;
        this.draw();
      }
    }).observe(this.canvas);
  }

  setModel(m: RunModel | null): void {
    this.model = m;
    this.pinned = [];
    this.rebuild();
    this.fit();
  }

  /** Add goroutine g's track (from the picture or the inspector). */
  pin(g: number): void {
    if (!this.model || this.pinned.includes(g)) return;
    this.pinned.push(g);
    this.rebuild();
  }

  unpin(g: number): void {
    this.pinned = this.pinned.filter((x) => x !== g);
    this.rebuild();
  }

  /** The window the timeline shows (simulated ns). */
  window(): [number, number] {
    return [this.t0, this.t1];
  }

  /** Move the cursor line to simulated time t. */
  cursor(t: number): void {
    this.lastT = t;
    const x = this.xOf(t);
    const visible = t >= this.t0 && t <= this.t1 && this.width > 0;
    this.line.style.transform = `translateX(${visible ? x.toFixed(1) : -10}px)`;
  }

  private rebuild(): void {
    const m = this.model;
    this.tracks = [];
    if (m) {
      for (let p = 0; p < m.segments.length; p++) {
        this.tracks.push({ label: `P${p}`, kind: 'p', id: p, bars: (m.segments[p] ?? []).filter((s) => s.act !== 'dead').map((s) => ({ ...s, note: '' })) });
      }
      const ms = m.mSegments.map((segs, id) => ({ id, segs: segs ?? [] })).filter((x) => x.segs.length);
      const shown = this.allMs ? ms : ms.slice(0, 12);
      for (const { id, segs } of shown) this.tracks.push({ label: `M${id}`, kind: 'm', id, bars: segs.filter((s) => s.act !== 'other').map((s) => ({ ...s, note: '' })) });
      for (const g of this.pinned) {
        this.tracks.push({
          label: `G${g}`,
          kind: 'g',
          id: g,
          bars: m.gSegments(g).map((s) => ({ t0: s.t0, t1: s.t1, act: s.act, g, note: s.act === 'waiting' ? s.reason : s.act === 'runnable' && s.where >= 0 ? `queued on P${s.where}` : s.where >= 0 ? `on M${s.where}` : '' })),
        });
      }
      const hidden = ms.length - shown.length;
      this.canvas.setAttribute('aria-label', this.summary(hidden));
    }
    const pins = this.root.querySelector('[data-testid=tl-pins]')!;
    pins.innerHTML = this.pinned.length
      ? `goroutine tracks: ${this.pinned.map((g) => `<button type="button" data-unpin="${g}" aria-label="Remove G${g}'s track">G${g} ✕</button>`).join(' ')}`
      : '<span class="sub">Click a goroutine in the picture to add its track.</span>';
    this.draw();
  }

  private summary(hiddenMs: number): string {
    const m = this.model!;
    const ps = this.tracks.filter((t) => t.kind === 'p').length;
    const mt = this.tracks.filter((t) => t.kind === 'm').length;
    return `Timeline of ${fmtNs(m.endTime)}: ${ps} P tracks, ${mt} M tracks${hiddenMs ? ` (${hiddenMs} more Ms hidden)` : ''}${this.pinned.length ? `, goroutine tracks ${this.pinned.map((g) => `G${g}`).join(', ')}` : ''}; showing ${fmtNs(Math.round(this.t0))} to ${fmtNs(Math.round(this.t1))}.`;
  }

  private fit(): void {
    const end = this.model?.endTime ?? 1;
    this.setWindow(0, Math.max(1, end));
  }

  private centre(t: number): void {
    const span = this.t1 - this.t0;
    this.setWindow(t - span / 2, t + span / 2);
  }

  private zoom(f: number, at: number): void {
    const end = Math.max(1, this.model?.endTime ?? 1);
    const span = Math.min(end, Math.max(100, (this.t1 - this.t0) * f));
    const frac = (at - this.t0) / (this.t1 - this.t0 || 1);
    this.setWindow(at - span * frac, at - span * frac + span);
  }

  private setWindow(a: number, b: number): void {
    const end = Math.max(1, this.model?.endTime ?? 1);
    let span = Math.min(end, b - a);
    if (span <= 0) span = end;
    if (a < 0) a = 0;
    if (a + span > end) a = end - span;
    this.t0 = a;
    this.t1 = a + span;
    const el = this.root.querySelector<HTMLElement>('[data-testid=tl-span]')!;
    el.textContent = this.model ? `${fmtNs(Math.round(this.t0))} – ${fmtNs(Math.round(this.t1))} (${fmtNs(Math.round(span))} shown)` : 'no run';
    el.dataset['t0'] = String(this.t0);
    el.dataset['t1'] = String(this.t1);
    this.draw();
    this.cursor(this.lastT);
    if (this.model) this.canvas.setAttribute('aria-label', this.summary(0));
  }

  private plotW(): number {
    return Math.max(1, this.width - labelW - 6);
  }

  private xOf(t: number): number {
    return labelW + ((t - this.t0) / (this.t1 - this.t0 || 1)) * this.plotW();
  }

  private timeAt(x: number): number {
    return this.t0 + ((x - labelW) / this.plotW()) * (this.t1 - this.t0);
  }

  private draw(): void {
    const w = this.width;
    const h = axisH + this.tracks.length * rowH + 4;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.height = `${this.model ? h : 0}px`;
    this.line.style.height = `${h}px`;
    if (w === 0 || !this.model) return;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const c = palette();
    ctx.clearRect(0, 0, w, h);
    ctx.font = '11px system-ui, sans-serif';
    // time axis with ticks
    const span = this.t1 - this.t0;
    const step = tickStep(span, Math.max(2, Math.floor(this.plotW() / 110)));
    ctx.textAlign = 'center';
    for (let t = Math.ceil(this.t0 / step) * step; t <= this.t1; t += step) {
      const x = this.xOf(t);
      ctx.fillStyle = c.grid;
      ctx.fillRect(x, axisH - 4, 1, h - axisH + 4);
      ctx.fillStyle = c.mute;
      ctx.fillText(fmtNs(Math.round(t)), x, 12);
    }
    ctx.textAlign = 'right';
    this.tracks.forEach((tr, j) => {
      const y = axisH + j * rowH;
      ctx.fillStyle = c.ink;
      ctx.fillText(tr.label, labelW - 6, y + rowH - 5);
      for (const b of tr.bars) {
        if (b.t1 < this.t0 || b.t0 > this.t1) continue;
        const x0 = Math.max(labelW, this.xOf(b.t0));
        const x1 = Math.min(w - 6, Math.max(x0 + 1, this.xOf(b.t1)));
        const full = b.act === 'run' || b.act === 'running' || b.act === 'syscall';
        ctx.fillStyle = b.act === 'run' && b.g >= 0 ? `hsl(${(b.g * 47) % 360} 55% 38%)` : c[b.act] ?? c.mute;
        if (b.act === 'idle') ctx.fillRect(x0, y + rowH / 2 - 1, x1 - x0, 2);
        else ctx.fillRect(x0, full ? y + 2 : y + 5, x1 - x0, full ? rowH - 4 : rowH - 10);
      }
    });
  }

  private hover(x: number, y: number): void {
    const j = Math.floor((y - axisH) / rowH);
    const tr = this.tracks[j];
    if (!tr || x < labelW) {
      this.tip.hidden = true;
      return;
    }
    const t = this.timeAt(x);
    const slack = ((this.t1 - this.t0) / this.plotW()) * 2;
    const b = tr.bars.find((s) => s.t0 - slack <= t && t <= s.t1 + slack);
    if (!b) {
      this.tip.hidden = true;
      return;
    }
    const what = b.act === 'run' ? `running G${b.g}` : b.act === 'syscall' && tr.kind === 'p' ? 'in _Psyscall (its M in the kernel) until handed off or reacquired' : b.act === 'syscall' && b.g >= 0 ? `in a syscall with G${b.g}` : actText[b.act] ?? b.act;
    const lat = tr.kind === 'g' && b.act === 'runnable' ? 'scheduling latency ' : b.act === 'syscall' ? (tr.kind === 'p' ? 'handoff window ' : 'syscall ') : '';
    this.tip.textContent = `${tr.label} ${what}${b.note ? ` (${b.note})` : ''} · ${fmtNs(b.t0)} → ${fmtNs(b.t1)} · ${lat}${fmtNs(b.t1 - b.t0)}`;
    this.tip.dataset['t0'] = String(b.t0);
    this.tip.dataset['t1'] = String(b.t1);
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(x + 12, this.width - 260)}px`;
    this.tip.style.top = `${y + 14}px`;
  }
}
