/**
 * The picture: the seeds' G/M/P diagram drawn from the replayed state at the cursor.
 *
 *   [global run queue] [netpoller] [sysmon] [template thread]
 *   [P0: M → running G | runnext | local queue | timers]  [P1 …] …
 *   [Ms in a syscall with their G] [idle Ms] [other Ms without a P]
 *   [parked goroutines, counted by wait reason]
 *
 * Rendering is string templates per frame (cheap at a few hundred elements; long queues are capped
 * with "+N" so thousands of goroutines stay readable). Moves are animated FLIP-style: chip positions
 * (keyed by data-g / data-m) are measured before and after an update and each moved chip slides from
 * its old place. Arrows for the last step (steal, retake, handoff, preemption, netpoll) are drawn
 * in an SVG overlay.
 */
import { E, Loc, MS, ExitPath } from '../../../src/index.js';

/** The user asked for less motion (prefers-reduced-motion): no sliding chips, no fading arrows. */
export const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;
import { syscallOldP, type GView, type MView, type PView } from '../../../src/log/replay.js';
import type { RunModel } from '../model';
import { escapeHtml as esc } from '../../../src/views/html.js';

export type Selection = { kind: 'g' | 'm' | 'p'; id: number } | null;


const pStatusName = ['idle', 'running', 'syscall', 'gcstop', 'dead'];

const mStateName: Record<number, string> = {
  [MS.Starting]: 'starting',
  [MS.Scheduling]: 'schedule',
  [MS.Running]: 'running',
  [MS.Syscall]: 'syscall',
  [MS.Idle]: 'idle',
  [MS.LockedIdle]: 'locked, waiting',
  [MS.Netpoll]: 'epoll_wait',
  [MS.Waking]: 'waking',
  [MS.Sysmon]: 'sysmon loop',
  [MS.SysmonSleep]: 'sleeping',
  [MS.Template]: 'template',
  [MS.Dead]: 'dead',
};

function fmtNs(ns: number): string {
  if (ns < 0) return '∞';
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${+(ns / 1e3).toFixed(1)}µs`;
  if (ns < 1e9) return `${+(ns / 1e6).toFixed(2)}ms`;
  return `${+(ns / 1e9).toFixed(2)}s`;
}
export { fmtNs };

function gChip(g: number, gv: GView | undefined, big = false, sel: Selection = null): string {
  const h = (g * 47) % 360;
  const cls = `g${big ? ' big' : ''}${gv?.system ? ' sys' : ''}${sel?.kind === 'g' && sel.id === g ? ' sel' : ''}`;
  const title = gv ? `G${g} ${gv.name}` : `G${g}`;
  return `<span class="${cls}" data-g="${g}" style="--h:${h}" title="${esc(title)}" tabindex="-1" role="button" aria-label="${esc(title)}">G${g}</span>`;
}

function mChip(m: MView, sel: Selection, extra = ''): string {
  let cls = 'm';
  if (m.spinning) cls += ' spinning';
  else if (m.state === MS.Syscall) cls += ' syscall';
  else if (m.state === MS.Idle || m.state === MS.LockedIdle) cls += ' idle';
  else if (m.state === MS.Netpoll) cls += ' netpoll';
  else if (m.state === MS.Scheduling) cls += ' sched';
  if (sel?.kind === 'm' && sel.id === m.id) cls += ' sel';
  const st = m.spinning ? 'spinning' : mStateName[m.state] ?? '';
  // Named by its text ("M3 syscall"), as it reads; the title adds the state when the text shows something else.
  return `<span class="${cls}" data-m="${m.id}" title="M${m.id}: ${esc(st)}" tabindex="-1" role="button">M${m.id} <span class="st">${extra || esc(st)}</span></span>`;
}

function chips(ids: readonly number[], gs: ReadonlyMap<number, GView>, max: number, sel: Selection): string {
  let s = '';
  const n = Math.min(ids.length, max);
  for (let i = 0; i < n; i++) s += gChip(ids[i]!, gs.get(ids[i]!), false, sel);
  if (ids.length > max) s += `<span class="more" data-more="${ids.length - max}">+${ids.length - max} more</span>`;
  return s;
}

/** The selector that finds the same chip or box after a redraw. */
function keyOf(el: HTMLElement): string {
  if (el.dataset['g'] !== undefined) return `[data-g="${el.dataset['g']}"]`;
  if (el.dataset['m'] !== undefined) return `[data-m="${el.dataset['m']}"]`;
  return `[data-p="${el.dataset['p']}"]`;
}

interface Parts {
  top: string;
  ps: string[];
  lanes: string;
  wait: string;
}

export class Picture {
  private root: HTMLElement;
  private pic: HTMLElement;
  private svg: SVGSVGElement;
  /** Section containers; each is rewritten only when its HTML changed. */
  private top: HTMLElement;
  private psEl: HTMLElement;
  private lanes: HTMLElement;
  private wait: HTMLElement;
  private last = new Map<Element, string>();
  /** Multiplier of the chip caps. */
  private cap = 1;
  /** The cursor the arrows were drawn for (−1: none). */
  private arrowsAt = -1;


  constructor(root: HTMLElement, onSelect: (s: Selection, anchor: HTMLElement) => void) {
    this.root = root;
    this.pic = document.createElement('div');
    this.pic.className = 'pic';
    this.pic.dataset['testid'] = 'picture';
    this.svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    this.svg.classList.add('arrows');
    const div = (cls: string): HTMLElement => {
      const d = document.createElement('div');
      d.className = cls;
      return d;
    };
    this.top = div('row');
    this.psEl = div('ps');
    this.lanes = div('row');
    this.wait = div('row waitrow');
    this.wait.dataset['testid'] = 'waiting';
    this.pic.append(this.top, this.psEl, this.lanes, this.wait);
    root.append(this.pic, this.svg);
    // Keyboard: the picture is one tab stop. On it, ← and → step the run (the page's keys) and ↓
    // or Enter goes into it; there, the arrow keys move between its Ps, Ms and goroutines (reading
    // order), Enter or Space inspects the focused one, Tab leaves. Focus survives a redraw.
    root.tabIndex = 0;
    root.setAttribute('role', 'group');
    root.setAttribute('aria-label', 'The scheduler at the cursor. Left and right arrows step the run; down arrow or Enter moves into the picture, then arrow keys move between Ps, Ms and goroutines and Enter inspects one');
    root.addEventListener('keydown', (ev) => {
      const items = [...root.querySelectorAll<HTMLElement>('[data-g],[data-m],[data-p]')];
      if (!items.length) return;
      const at = items.indexOf(document.activeElement as HTMLElement);
      let to = -1;
      if (at < 0) {
        if (ev.key !== 'ArrowDown' && ev.key !== 'Enter') return;
        to = 0;
      } else if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') to = Math.min(items.length - 1, at + 1);
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') to = Math.max(0, at - 1);
      else if (ev.key === 'Home') to = 0;
      else if (ev.key === 'End') to = items.length - 1;
      else if (ev.key === 'Enter' || ev.key === ' ') {
        items[at]!.click();
        ev.preventDefault();
        ev.stopPropagation();
        return;
      } else return;
      ev.preventDefault();
      ev.stopPropagation();
      items[to]!.focus();
    });
    root.addEventListener('click', (ev) => {
      const el = (ev.target as HTMLElement).closest<HTMLElement>('[data-g],[data-m],[data-p]');
      if (!el) return;
      if (el.dataset['g'] !== undefined) onSelect({ kind: 'g', id: Number(el.dataset['g']) }, el);
      else if (el.dataset['m'] !== undefined) onSelect({ kind: 'm', id: Number(el.dataset['m']) }, el);
      else onSelect({ kind: 'p', id: Number(el.dataset['p']) }, el);
    });
  }

  clear(message: string): void {
    this.last.clear();
    this.arrowsAt = -1;
    this.psEl.innerHTML = '';
    this.lanes.innerHTML = '';
    this.wait.innerHTML = '';
    this.top.innerHTML = `<p class="empty-pic">${esc(message)}</p>`;
    this.svg.innerHTML = '';
  }

  private set(el: Element, html: string): boolean {
    if (this.last.get(el) === html) return false;
    el.innerHTML = html;
    this.last.set(el, html);
    return true;
  }

  /** Draw the state at the model's replay position. `animate`: slide moved chips, draw arrows. */
  render(model: RunModel, sel: Selection, animate: boolean, fast = false): void {
    // Fast play shows shorter chip rows (fewer elements to lay out); counts stay exact.
    this.cap = fast ? 0.4 : 1;
    const parts = this.build(model, sel);
    // The chip or box with keyboard focus, found again after the redraw replaced it.
    const active = document.activeElement as HTMLElement | null;
    const focused = active && active !== this.root && this.root.contains(active) ? keyOf(active) : '';
    const moving = animate && !reducedMotion();
    const before = moving ? this.measure() : null;
    let changed = this.set(this.top, parts.top);
    // one child per P
    const kids = this.psEl.children;
    while (kids.length > parts.ps.length) kids[kids.length - 1]!.remove();
    for (let i = 0; i < parts.ps.length; i++) {
      let k = kids[i];
      if (!k) {
        k = document.createElement('div');
        k.className = 'pslot';
        this.psEl.append(k);
      }
      changed = this.set(k, parts.ps[i]!) || changed;
    }
    changed = this.set(this.lanes, parts.lanes) || changed;
    changed = this.set(this.wait, parts.wait) || changed;
    if (changed && focused && !this.root.contains(document.activeElement)) {
      const el = this.root.querySelector<HTMLElement>(focused);
      (el ?? this.root).focus({ preventScroll: true });
    }
    // Arrows first, from the layout (final) positions; then the chips start sliding. A decision
    // that changes no record (startm, a retake's verdict) still gets its arrow.
    if (!animate) {
      this.svg.innerHTML = '';
      this.arrowsAt = -1;
    } else if (model.replay.index !== this.arrowsAt) {
      this.arrowsAt = model.replay.index;
      this.arrows(model);
    }
    if (changed && before) this.flip(before);
  }

  private measure(): Map<string, DOMRect> {
    const out = new Map<string, DOMRect>();
    for (const el of this.pic.querySelectorAll<HTMLElement>('[data-g],[data-m]')) {
      const key = el.dataset['g'] !== undefined ? `g${el.dataset['g']}` : `m${el.dataset['m']}`;
      if (!out.has(key)) out.set(key, el.getBoundingClientRect());
    }
    return out;
  }

  private flip(before: Map<string, DOMRect>): void {
    for (const el of this.pic.querySelectorAll<HTMLElement>('[data-g],[data-m]')) {
      const key = el.dataset['g'] !== undefined ? `g${el.dataset['g']}` : `m${el.dataset['m']}`;
      const old = before.get(key);
      const now = el.getBoundingClientRect();
      if (!old) {
        el.animate([{ transform: 'scale(0.2)', opacity: 0 }, { transform: 'none', opacity: 1 }], { duration: 300, easing: 'ease-out' });
        continue;
      }
      const dx = old.left - now.left;
      const dy = old.top - now.top;
      if (Math.abs(dx) < 1 && Math.abs(dy) < 1) continue;
      el.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], { duration: 420, easing: 'cubic-bezier(.2,.7,.2,1)' });
    }
  }

  private arrows(model: RunModel): void {
    const log = model.log;
    const cur = model.replay.index;
    this.svg.innerHTML = '';
    if (cur === 0) return;
    const t = log.t[cur - 1]!;
    const pairs: [string, string, string][] = [];
    // The applied events of the current instant only (the group up to the cursor).
    for (let i = cur - 1; i >= 0 && log.t[i] === t && cur - i < 40; i--) {
      const k = log.k[i]!;
      const p = log.p[i]!;
      const a = log.a[i]!;
      switch (k) {
        case E.Steal:
          pairs.push([`[data-p="${p}"]`, `[data-p="${a}"]`, `steal ${log.b[i]}`]);
          break;
        case E.Retake:
          pairs.push(['[data-box="sysmon"]', `[data-p="${p}"]`, 'retake']);
          break;
        case E.StartM:
          pairs.push([`[data-p="${p}"]`, `[data-m="${log.m[i]}"]`, log.b[i] === 1 ? 'newm' : 'startm']);
          break;
        case E.Preempted:
          pairs.push([`[data-p="${p}"]`, `[data-box="global"] [data-g="${log.g[i]}"]`, 'preempted']);
          break;
        case E.ExitSyscall:
          if (a === ExitPath.SlowGlobal) pairs.push([`[data-m="${log.m[i]}"]`, '[data-box="global"]', 'no P → global']);
          break;
        case E.RunqOverflow:
          pairs.push([`[data-p="${p}"]`, '[data-box="global"]', `overflow ${a}`]);
          break;
        case E.Netpoll:
          if (a > 0) {
            // the Gs it returned follow as GLoc events
            for (let j = i + 1; j < cur; j++) {
              if (log.k[j] === E.GLoc) {
                pairs.push(['[data-box="netpoller"]', `[data-g="${log.g[j]}"]`, 'netpoll']);
                break;
              }
            }
          }
          break;
        case E.Park:
          if (log.string(log.b[i]!) === 'IO wait') pairs.push([`[data-p="${p}"]`, `[data-box="netpoller"]`, 'IO wait']);
          break;
      }
    }
    if (!pairs.length) return;
    let s = '<defs><marker id="ah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="head"/></marker></defs>';
    for (const [from, to, label] of pairs.slice(0, 6)) {
      const a = this.root.querySelector<HTMLElement>(from);
      const b = this.root.querySelector<HTMLElement>(to);
      if (!a || !b || a === b) continue;
      // Layout positions (offsetLeft/Top ignore transforms): where the chips end up, not where a
      // sliding animation has them at this instant.
      const ra = this.layoutRect(a);
      const rb = this.layoutRect(b);
      const x1 = ra.x + ra.w / 2;
      const y1 = ra.y + ra.h / 2;
      const x2 = rb.x + rb.w / 2;
      const y2 = rb.y + rb.h / 2;
      const cx = (x1 + x2) / 2 + (y2 - y1) * 0.15;
      const cy = (y1 + y2) / 2 - (x2 - x1) * 0.15;
      // The label sits on the curve (its point at t = ½), not at the control point off it.
      const lx = 0.25 * x1 + 0.5 * cx + 0.25 * x2;
      const ly = 0.25 * y1 + 0.5 * cy + 0.25 * y2;
      s += `<path d="M${x1},${y1} Q${cx},${cy} ${x2},${y2}" marker-end="url(#ah)" data-to='${esc(to)}'/><text x="${lx}" y="${ly - 4}" text-anchor="middle">${esc(label)}</text>`;
    }
    this.svg.innerHTML = s;
    if (!reducedMotion()) this.svg.animate([{ opacity: 1 }, { opacity: 1, offset: 0.7 }, { opacity: 0.35 }], { duration: 2500, fill: 'forwards' });
  }

  /** An element's box relative to the picture's root, from layout offsets (transforms ignored). */
  private layoutRect(el: HTMLElement): { x: number; y: number; w: number; h: number } {
    let x = 0;
    let y = 0;
    let e: HTMLElement | null = el;
    while (e && e !== this.root) {
      x += e.offsetLeft;
      y += e.offsetTop;
      const parent = e.offsetParent as HTMLElement | null;
      if (parent && parent !== this.root && !this.root.contains(parent)) break;
      e = parent;
    }
    return { x, y, w: el.offsetWidth, h: el.offsetHeight };
  }

  private build(model: RunModel, sel: Selection): Parts {
    const r = model.replay;
    const gs = r.gs;
    const ps = r.ps;
    const ms = r.ms;
    // One pass over the goroutines: netpoller list and wait reasons. Timers come from the replay
    // (E.Timers: each P's heap and the sleepers on it).
    const netpoll: number[] = [];
    const reasons = new Map<string, number>();
    for (const gv of gs.values()) {
      if (gv.loc === Loc.Netpoll) netpoll.push(gv.goid);
      else if (gv.loc === Loc.Waiting && !gv.system) reasons.set(gv.reason || 'waiting', (reasons.get(gv.reason || 'waiting') ?? 0) + 1);
    }
    // Every M is drawn in exactly one place: sysmon's box, the template thread's, the box of the P
    // it owns (P.m), the box of the P it left in _Psyscall (m.oldp, Go 1.19, until sysmon retakes
    // it), or one lane of Ms without a P.
    let sysmonM: MView | undefined;
    let templateM: MView | undefined;
    const inSyscall: MView[] = [];
    const idle: MView[] = [];
    const other: MView[] = [];
    const owner = new Set<number>();
    for (const p of ps) if (p && p.m >= 0 && !p.dead) owner.add(p.m);
    const syscallM = new Map<number, MView>();
    for (const m of ms) {
      if (!m || m.dead) continue;
      if (m.state === MS.Sysmon || m.state === MS.SysmonSleep || (m.sys && m.id === 1 && m.state === MS.Starting)) sysmonM = m;
      else if (m.state === MS.Template) templateM = m;
      else if (owner.has(m.id)) continue;
      else if (syscallOldP(m, ps) >= 0) syscallM.set(m.oldp, m);
      else if (m.state === MS.Syscall) inSyscall.push(m);
      else if (m.state === MS.Idle || m.state === MS.LockedIdle) idle.push(m);
      else other.push(m);
    }
    const c = r.counts();
    let h = '';
    h += `<section class="box global" data-box="global" data-testid="global"><h3>Global run queue <span class="sub">sched.runq</span><span class="len" data-testid="global-len">${r.global.length}</span></h3><div class="qrow">${chips(r.global, gs, Math.round(40 * this.cap), sel)}</div></section>`;
    const poller = ms.find((m) => m && !m.dead && m.state === MS.Netpoll);
    h += `<section class="box netpoller" data-box="netpoller" data-testid="netpoller"><h3>netpoller <span class="sub">epoll${poller ? ` · M${poller.id} in epoll_wait (${fmtNs(poller.extra)})` : ''}</span><span class="len" data-testid="netpoll-len">${netpoll.length}</span></h3><div class="qrow">${chips(netpoll, gs, Math.round(30 * this.cap), sel)}</div></section>`;
    if (sysmonM) {
      const d = sysmonM.state === MS.SysmonSleep ? (sysmonM.extra < 0 ? 'deep sleep' : `usleep ${fmtNs(sysmonM.extra)}`) : mStateName[sysmonM.state]!;
      h += `<section class="box sysmon" data-box="sysmon" data-testid="sysmon"><h3>sysmon <span class="sub">no P</span></h3>${mChip(sysmonM, sel, d)}</section>`;
    }
    if (templateM) h += `<section class="box template" data-box="template"><h3>template thread</h3>${mChip(templateM, sel, 'parked')}</section>`;
    const top = h;
    const pboxes: string[] = [];
    for (const p of ps) {
      if (!p) continue;
      pboxes.push(this.pbox(p, ms, gs, syscallM.get(p.id), sel));
    }
    const lane = (ls: MView[], max: number, extra: (m: MView) => string): string => {
      let s = '';
      for (const m of ls.slice(0, max)) s += m.g >= 0 ? `<span class="pair">${mChip(m, sel, extra(m))}${gChip(m.g, gs.get(m.g), false, sel)}</span>` : mChip(m, sel, extra(m));
      if (ls.length > max) s += `<span class="more" data-more="${ls.length - max}" data-more-g="${ls.slice(max).filter((m) => m.g >= 0).length}">+${ls.length - max} more</span>`;
      return s;
    };
    h = `<section class="box lane syscall" data-box="syscall"><h3>Ms in a syscall, without a P <span class="len" data-testid="syscall-ms">${inSyscall.length}</span></h3><div class="qrow">${lane(inSyscall, 24, () => '')}</div></section>`;
    h += `<section class="box lane idle" data-box="idle"><h3>Idle Ms <span class="sub">sched.midle</span><span class="len" data-testid="idle-ms">${idle.length}</span></h3><div class="qrow">${lane(idle, 30, (m) => (m.state === MS.LockedIdle ? 'locked' : ''))}</div></section>`;
    h += `<section class="box lane other" data-box="other"><h3>Other Ms without a P <span class="len" data-testid="other-ms">${other.length}</span></h3><div class="qrow">${lane(other, 20, () => '')}</div></section>`;
    const lanes = h;
    h = `<span>Parked goroutines (gopark, not on the netpoller): <b data-testid="waiting-count">${c.waiting}</b></span>`;
    for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8)) h += `<span class="reason">${esc(why)} <b>${n}</b></span>`;
    h += `<span class="legend"><span class="g sys" aria-hidden="true">G</span> runtime goroutine (runtime.*): drawn, not in the G counters (as runtime.NumGoroutine)</span>`;
    return { top, ps: pboxes, lanes, wait: h };
  }

  private pbox(p: PView, ms: readonly MView[], gs: ReadonlyMap<number, GView>, sm: MView | undefined, sel: Selection): string {
    const m = p.m >= 0 ? ms[p.m] : undefined;
    let st = pStatusName[p.status] ?? String(p.status);
    let cls = `st-${st}`;
    if (p.dead) cls = 'st-dead';
    if (m && m.spinning) cls = 'st-spin';
    if (p.status === 1 && m && m.g < 0) st = m.spinning ? 'running · spinning' : 'running · schedule';
    // Go ≥ 1.26: the P stays _Prunning and wired to its M through a syscall (pShownStatus).
    if (p.status === 1 && m && m.state === MS.Syscall) {
      st = 'running · M in syscall';
      cls = 'st-syscall';
    }
    const selCls = sel?.kind === 'p' && sel.id === p.id ? ' sel' : '';
    let h = `<div class="pbox ${cls}${selCls}" data-p="${p.id}" data-testid="p${p.id}" data-runq="${p.runq.length}" data-runnext="${p.runnext}" data-pm="${p.m}" data-status="${p.status}" tabindex="-1" role="group" aria-label="P${p.id} _P${esc(st)}">`;
    h += `<header><span class="pid">P${p.id}</span><span class="pst">_P${st}</span><span class="tick">schedtick ${p.schedtick}</span></header>`;
    h += '<div class="mline">';
    if (m) {
      h += mChip(m, sel);
      h += '<span class="arrow" aria-hidden="true">→</span>';
      h += m.g >= 0 ? gChip(m.g, gs.get(m.g), true, sel) : '<span class="slot"><span class="empty"></span> no G</span>';
    } else if (sm) {
      // Go 1.19: the P is detached (_Psyscall) but its M, blocked in the kernel, may come back for it.
      h += `<span class="slot">${mChip(sm, sel, 'in syscall')} ⇢ ${sm.g >= 0 ? gChip(sm.g, gs.get(sm.g), false, sel) : ''}</span>`;
    } else if (p.status === 2) {
      h += '<span class="slot">in syscall</span>';
    } else {
      h += `<span class="slot">no M${p.idle ? ' · on the idle P list' : ''}</span>`;
    }
    h += '</div>';
    h += `<div class="qlabel">runnext ${p.runnext >= 0 ? gChip(p.runnext, gs.get(p.runnext), false, sel) : '<span class="slot"><span class="empty"></span></span>'}</div>`;
    h += `<div class="qlabel">local queue <span class="n" data-testid="runq-len">${p.runq.length}</span>/256</div><div class="qrow">${chips(p.runq, gs, Math.round(24 * this.cap), sel)}</div>`;
    if (p.timers) h += `<div class="qlabel">timers <span class="n">${p.timers}</span></div><div class="qrow">${chips(p.sleepers, gs, 8, sel)}</div>`;
    h += '</div>';
    return h;
  }
}
