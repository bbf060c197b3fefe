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
import type { GView, MView, PView } from '../../../src/log/replay.js';
import type { RunModel } from '../model';

export type Selection = { kind: 'g' | 'm' | 'p'; id: number } | null;

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

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
  return `<span class="${cls}" data-g="${g}" style="--h:${h}" title="${esc(title)}">G${g}</span>`;
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
  return `<span class="${cls}" data-m="${m.id}" title="M${m.id}: ${esc(st)}">M${m.id}<span class="st">${extra || esc(st)}</span></span>`;
}

function chips(ids: readonly number[], gs: ReadonlyMap<number, GView>, max: number, sel: Selection): string {
  let s = '';
  const n = Math.min(ids.length, max);
  for (let i = 0; i < n; i++) s += gChip(ids[i]!, gs.get(ids[i]!), false, sel);
  if (ids.length > max) s += `<span class="more">+${ids.length - max} more</span>`;
  return s;
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

  constructor(root: HTMLElement, onSelect: (s: Selection) => void) {
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
    root.addEventListener('click', (ev) => {
      const el = (ev.target as HTMLElement).closest<HTMLElement>('[data-g],[data-m],[data-p]');
      if (!el) return;
      if (el.dataset['g'] !== undefined) onSelect({ kind: 'g', id: Number(el.dataset['g']) });
      else if (el.dataset['m'] !== undefined) onSelect({ kind: 'm', id: Number(el.dataset['m']) });
      else onSelect({ kind: 'p', id: Number(el.dataset['p']) });
    });
  }

  clear(message: string): void {
    this.last.clear();
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
    const before = animate ? this.measure() : null;
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
    if (!changed) return;
    if (before) this.flip(before);
    if (animate) this.arrows(model);
    else this.svg.innerHTML = '';
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
    const base = this.root.getBoundingClientRect();
    let s = '<defs><marker id="ah" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#e03131" stroke="none"/></marker></defs>';
    for (const [from, to, label] of pairs.slice(0, 6)) {
      const a = this.root.querySelector(from);
      const b = this.root.querySelector(to);
      if (!a || !b || a === b) continue;
      const ra = a.getBoundingClientRect();
      const rb = b.getBoundingClientRect();
      const x1 = ra.left + ra.width / 2 - base.left;
      const y1 = ra.top + ra.height / 2 - base.top;
      const x2 = rb.left + rb.width / 2 - base.left;
      const y2 = rb.top + rb.height / 2 - base.top;
      const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15;
      const my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
      s += `<path d="M${x1},${y1} Q${mx},${my} ${x2},${y2}" marker-end="url(#ah)"/><text x="${mx}" y="${my}">${esc(label)}</text>`;
    }
    this.svg.innerHTML = s;
    this.svg.animate([{ opacity: 1 }, { opacity: 1, offset: 0.7 }, { opacity: 0.25 }], { duration: 2500, fill: 'forwards' });
  }

  private build(model: RunModel, sel: Selection): Parts {
    const r = model.replay;
    const log = model.log;
    const cur = r.index;
    const gs = r.gs;
    const ps = r.ps;
    const ms = r.ms;
    // One pass over the goroutines: netpoller list and wait reasons. Timers come from the replay
    // (E.Timers: each P's heap and the sleepers on it).
    const netpoll: number[] = [];
    const timers = new Map<number, number[]>();
    for (const p of ps) if (p) timers.set(p.id, p.sleepers);
    const reasons = new Map<string, number>();
    for (const gv of gs.values()) {
      if (gv.loc === Loc.Netpoll) {
        netpoll.push(gv.goid);
        if (!gv.system) reasons.set('IO wait (netpoller)', (reasons.get('IO wait (netpoller)') ?? 0) + 1);
      }
      else if (gv.loc === Loc.Waiting) {
        if (!gv.system) reasons.set(gv.reason || 'waiting', (reasons.get(gv.reason || 'waiting') ?? 0) + 1);
      }
    }
    // Which P an M in a syscall came from (its last entersyscall), for _Psyscall Ps.
    const syscallFrom = new Map<number, number>();
    for (const m of ms) {
      if (!m || m.dead || m.state !== MS.Syscall) continue;
      const list = model.byM.get(m.id) ?? [];
      for (let j = list.length - 1; j >= 0; j--) {
        const i = list[j]!;
        if (i >= cur) continue;
        if (log.k[i] === E.EnterSyscall) {
          syscallFrom.set(m.id, log.p[i]!);
          break;
        }
      }
    }
    let sysmonM: MView | undefined;
    let templateM: MView | undefined;
    const inSyscall: MView[] = [];
    const idle: MView[] = [];
    const other: MView[] = [];
    const withP = new Set<number>();
    for (const p of ps) if (p && p.m >= 0 && !p.dead) withP.add(p.m);
    for (const m of ms) {
      if (!m || m.dead) continue;
      if (m.state === MS.Sysmon || m.state === MS.SysmonSleep || (m.sys && m.id === 1 && m.state === MS.Starting)) sysmonM = m;
      else if (m.state === MS.Template) templateM = m;
      else if (withP.has(m.id)) continue;
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
      pboxes.push(this.pbox(p, ms, gs, timers.get(p.id) ?? [], syscallFrom, sel));
    }
    h = `<section class="box lane syscall" data-box="syscall"><h3>Ms in a syscall, without a P <span class="len" data-testid="syscall-ms">${inSyscall.length}</span></h3><div class="qrow">`;
    for (const m of inSyscall.slice(0, 24)) h += `<span class="pair">${mChip(m, sel, '')}${m.g >= 0 ? gChip(m.g, gs.get(m.g), false, sel) : ''}</span>`;
    if (inSyscall.length > 24) h += `<span class="more">+${inSyscall.length - 24} more</span>`;
    h += `</div></section><section class="box lane idle" data-box="idle"><h3>Idle Ms <span class="sub">sched.midle</span><span class="len" data-testid="idle-ms">${idle.length}</span></h3><div class="qrow">`;
    for (const m of idle.slice(0, 30)) h += mChip(m, sel, m.state === MS.LockedIdle ? 'locked' : '');
    if (idle.length > 30) h += `<span class="more">+${idle.length - 30} more</span>`;
    h += `</div></section><section class="box lane other" data-box="other"><h3>Other Ms without a P <span class="len">${other.length}</span></h3><div class="qrow">`;
    for (const m of other.slice(0, 20)) h += mChip(m, sel);
    h += '</div></section>';
    const lanes = h;
    h = `<span>Parked goroutines: <b data-testid="waiting-count">${c.waiting + c.netpoll}</b></span>`;
    for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8)) h += `<span class="reason">${esc(why)} <b>${n}</b></span>`;
    return { top, ps: pboxes, lanes, wait: h };
  }

  private pbox(p: PView, ms: readonly MView[], gs: ReadonlyMap<number, GView>, timers: number[], syscallFrom: Map<number, number>, sel: Selection): string {
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
    let h = `<div class="pbox ${cls}${selCls}" data-p="${p.id}" data-testid="p${p.id}" data-runq="${p.runq.length}" data-runnext="${p.runnext}" data-pm="${p.m}" data-status="${p.status}">`;
    h += `<header><span class="pid">P${p.id}</span><span class="pst">_P${st}</span><span class="tick">schedtick ${p.schedtick}</span></header>`;
    h += '<div class="mline">';
    if (m) {
      h += mChip(m, sel);
      h += '<span class="arrow">→</span>';
      h += m.g >= 0 ? gChip(m.g, gs.get(m.g), true, sel) : '<span class="slot"><span class="empty"></span> no G</span>';
    } else if (p.status === 2) {
      let sm: MView | undefined;
      for (const [mid, pid] of syscallFrom) if (pid === p.id) sm = ms[mid];
      h += sm ? `<span class="slot">${mChip(sm, sel, 'in syscall')} ⇢ ${sm.g >= 0 ? gChip(sm.g, gs.get(sm.g), false, sel) : ''}</span>` : '<span class="slot">in syscall</span>';
    } else {
      h += `<span class="slot">no M${p.idle ? ' · on the idle P list' : ''}</span>`;
    }
    h += '</div>';
    h += `<div class="qlabel">runnext ${p.runnext >= 0 ? gChip(p.runnext, gs.get(p.runnext), false, sel) : '<span class="slot"><span class="empty"></span></span>'}</div>`;
    h += `<div class="qlabel">local queue <span class="n" data-testid="runq-len">${p.runq.length}</span>/256</div><div class="qrow">${chips(p.runq, gs, Math.round(24 * this.cap), sel)}</div>`;
    if (p.timers) h += `<div class="qlabel">timers <span class="n">${p.timers}</span></div><div class="qrow">${chips(timers, gs, 8, sel)}</div>`;
    h += '</div>';
    return h;
  }
}
