/**
 * Click-for-history: the selected G, P or M — its state at the cursor and the events that mention
 * it (the last ones before the cursor, the next few after it, greyed), each as a sentence; clicking
 * an entry moves the cursor there.
 */
import { Loc, MS } from '../../../src/index.js';
import { describeEvent } from '../../../src/views/explain.js';
import type { RunModel } from '../model';
import { fmtNs, type Selection } from './picture';
import { escapeHtml as esc } from '../../../src/views/html.js';

const locName: Record<number, string> = {
  [Loc.None]: 'runnable (in transit)',
  [Loc.Runnext]: 'runnable, in runnext',
  [Loc.Runq]: 'runnable, in a local queue',
  [Loc.Global]: 'runnable, in the global queue',
  [Loc.GlobalHead]: 'runnable, in the global queue',
  [Loc.Running]: 'running',
  [Loc.Syscall]: 'in a syscall',
  [Loc.Waiting]: 'waiting',
  [Loc.Netpoll]: 'waiting on the netpoller',
  [Loc.Dead]: 'dead',
};
const mName: Record<number, string> = Object.fromEntries(Object.entries(MS).map(([k, v]) => [v, k]));

export class Inspector {
  private root: HTMLElement;
  private last = '';

  constructor(root: HTMLElement, onSeek: (cursor: number) => void) {
    this.root = root;
    root.addEventListener('click', (ev) => {
      const b = (ev.target as HTMLElement).closest<HTMLElement>('[data-i]');
      if (b) onSeek(Number(b.dataset['i']) + 1);
    });
  }

  clear(): void {
    this.last = '';
    this.root.innerHTML = '<p class="hint">Click a G, P or M in the picture to see its state and history.</p>';
  }

  render(model: RunModel, sel: Selection): void {
    if (!sel) {
      if (this.last !== '') this.root.innerHTML = '<p class="hint">Click a G, P or M in the picture to see its state and history.</p>';
      this.last = '';
      return;
    }
    const r = model.replay;
    const cur = r.index;
    let dl = '';
    let list: number[] = [];
    let title = '';
    if (sel.kind === 'g') {
      const g = r.gs.get(sel.id);
      title = `G${sel.id}`;
      list = model.byG.get(sel.id) ?? [];
      if (g) {
        const where = g.loc === Loc.Runnext || g.loc === Loc.Runq ? ` (P${g.where})` : g.loc === Loc.Running || g.loc === Loc.Syscall ? ` (M${g.where})` : '';
        dl = `<dt>function</dt><dd>${esc(g.name)}</dd><dt>state</dt><dd>${locName[g.loc]}${where}${g.reason && g.loc >= Loc.Waiting ? ` — ${esc(g.reason)}` : ''}</dd><dt>created by</dt><dd>${g.parent >= 0 ? `G${g.parent}` : 'the runtime'}</dd>`;
      } else dl = '<dt>state</dt><dd>not created yet</dd>';
    } else if (sel.kind === 'm') {
      const m = r.ms[sel.id];
      title = `M${sel.id}`;
      list = model.byM.get(sel.id) ?? [];
      if (m) dl = `<dt>activity</dt><dd>${mName[m.state] ?? m.state}${m.spinning ? ', spinning' : ''}${m.dead ? ' (exited)' : ''}</dd><dt>P</dt><dd>${m.p >= 0 ? `P${m.p}` : 'none'}</dd><dt>G</dt><dd>${m.g >= 0 ? `G${m.g}` : 'none'}</dd><dt>kind</dt><dd>${m.sys ? 'system thread' : 'worker thread'}</dd>`;
      else dl = '<dt>state</dt><dd>not created yet</dd>';
    } else {
      const p = r.ps[sel.id];
      title = `P${sel.id}`;
      list = model.byP.get(sel.id) ?? [];
      if (p) dl = `<dt>status</dt><dd>${['_Pidle', '_Prunning', '_Psyscall', '_Pgcstop', '_Pdead'][p.status] ?? p.status}${p.idle ? ' (idle list)' : ''}</dd><dt>M</dt><dd>${p.m >= 0 ? `M${p.m}` : 'none'}</dd><dt>runnext</dt><dd>${p.runnext >= 0 ? `G${p.runnext}` : '—'}</dd><dt>local queue</dt><dd>${p.runq.length}: ${p.runq.slice(0, 12).map((g) => `G${g}`).join(' ')}${p.runq.length > 12 ? ' …' : ''}</dd><dt>schedtick</dt><dd>${p.schedtick}</dd>`;
    }
    // entries: up to 40 before the cursor, 8 after
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < cur) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, lo - 40);
    const to = Math.min(list.length, lo + 8);
    const key = `${sel.kind}${sel.id}@${cur}`;
    if (key === this.last) return;
    this.last = key;
    let items = '';
    for (let j = from; j < to; j++) {
      const i = list[j]!;
      const cls = i >= cur ? 'future' : i === cur - 1 ? 'cur' : '';
      items += `<li class="${cls}"><button type="button" data-i="${i}"><span class="t">${fmtNs(model.log.t[i]!)}</span><span>${esc(describeEvent(model.log, i, r))}</span></button></li>`;
    }
    this.root.innerHTML = `<h3 data-testid="inspect-title">${title}</h3><dl>${dl}</dl><div class="sub">${list.length} events; ${from > 0 ? `${from} earlier not shown` : 'all shown'}</div><ol class="hist">${items}</ol>`;
    const curLi = this.root.querySelector('li.cur');
    if (curLi) curLi.scrollIntoView({ block: 'nearest' });
  }
}
