/**
 * The app controller: gallery + editor + knobs → worker run → RunModel → picture, why-panel,
 * charts, inspector, all driven by one time cursor (the number of events applied).
 *
 * Design notes:
 *  - One source of truth per run: the event log. Every panel reads the Replay positioned at the
 *    cursor (or the model's precomputed series), never the engine.
 *  - Rendering happens in requestAnimationFrame only, when something changed (`dirty`). Playing
 *    advances the cursor by speed × elapsed time; at high speed the picture is redrawn without
 *    move animations.
 *  - User code never runs in the page: the worker transpiles and runs it; a run that exceeds the
 *    wall-clock limit is terminated.
 */
import './style.css';
import { costNames, costDocs, costsFor, defaultCosts, defaultRelease, E, EventLog, EventName, goReleases, profiles, type GoRelease } from '../../src/index.js';
import { explainEvent, explainGroup, describeEvent, groupRange } from '../../src/views/explain.js';
import { loadGallery, type GalleryItem } from './gallery';
import { RunModel, jumpKinds, type JumpKind } from './model';
import type { Knobs, Lang, RunDone, RunProgress, RunRequest, WorkerReply } from './protocol';
import { decodeShare, encodeShare } from './share';
import { Editor } from './editor';
import { writePerfetto } from '../../src/views/perfetto.js';
import { writeGoTrace } from '../../src/views/gotrace.js';
import { Picture, fmtNs, type Selection } from './views/picture';
import { Charts } from './views/charts';
import { Inspector } from './views/inspector';
import { Timeline } from './views/timeline';
import { escapeHtml as esc } from '../../src/views/html.js';

/** Wall-clock limit of one run (ms); `?wall=N` in the page URL overrides it (tests). */
const WALL_LIMIT_MS = Number(new URLSearchParams(location.search).get('wall')) || 30_000;
/**
 * How long after the limit the page kills a worker whose engine never stopped the run itself (a
 * workload that stopped yielding: the engine's watchdog never gets a turn).
 */
const KILL_GRACE_MS = 1_500;
const speeds = [1, 4, 15, 60, 250, 1000, 5000, 20000, 100000];
/** Play in simulated time: ns of simulated time per second of wall time (1 µs/s … 10 ms/s). */
const simRates = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

interface AppState {
  gallery: GalleryItem[];
  item: GalleryItem | null;
  /** The editor no longer holds the item's code (the item stays selected). */
  edited: boolean;
  lang: Lang;
  knobs: Knobs;
  model: RunModel | null;
  /** Identity of the workload of the current model (re-runs of the same one keep the cursor time). */
  runKey: string;
  cursor: number;
  playing: boolean;
  speed: number;
  /** Simulated ns per wall second when playing in simulated time (0: play in events, `speed`). */
  simRate: number;
  sel: Selection;
  worker: Worker | null;
  dirty: boolean;
  lastStepSize: number;
  /** The execution trace being replayed (lang 'trace'): a gallery item's, or a file the user opened. */
  trace: { name: string; bytes: ArrayBuffer } | null;
}

const st: AppState = {
  gallery: loadGallery(),
  item: null,
  edited: false,
  lang: 'ts',
  knobs: { cost: {} },
  model: null,
  runKey: '',
  cursor: 0,
  playing: false,
  speed: 15,
  simRate: 0,
  sel: null,
  worker: null,
  dirty: true,
  lastStepSize: 0,
  trace: null,
};

// ---------------------------------------------------------------- panels
const editor = new Editor($('editor'), () => onEdit(), () => void run());
const picture = new Picture($('picture'), (s, anchor) => {
  st.sel = s;
  st.dirty = true;
  if (st.model) inspector.render(st.model, s);
  placeInspector(anchor);
  if (s?.kind === 'g') timeline.pin(s.id);
});
const charts = new Charts($('charts'), (t) => {
  if (st.model) seek(st.model.indexAtTime(t));
});
const inspector = new Inspector($('inspector'), (c) => seek(c));
const timeline = new Timeline($('timeline'), (t) => {
  if (st.model) seek(st.model.indexAfterTime(t));
});

/**
 * The inspector opens beside what was clicked: to its right, else to its left, else under it,
 * kept inside the viewport (in page coordinates, so it scrolls with the picture). On a phone it is
 * a bottom sheet (CSS).
 */
function placeInspector(anchor: HTMLElement): void {
  const pop = $('inspector-panel');
  pop.hidden = false;
  inspectorAnchor = anchor;
  if (matchMedia('(max-width: 640px)').matches) {
    pop.style.left = '';
    pop.style.top = '';
    return;
  }
  const r = anchor.getBoundingClientRect();
  const w = pop.offsetWidth;
  const h = pop.offsetHeight;
  const gap = 8;
  const vw = document.documentElement.clientWidth;
  let left = r.right + gap;
  let top = r.top;
  if (left + w > vw - gap) left = r.left - w - gap;
  if (left < gap) {
    // no room at either side: under the element
    left = Math.max(gap, Math.min(vw - w - gap, r.left));
    top = r.bottom + gap;
  }
  if (top + h > innerHeight - gap) top = Math.max(gap, innerHeight - h - gap);
  pop.style.left = `${Math.round(left + scrollX)}px`;
  pop.style.top = `${Math.round(top + scrollY)}px`;
}
let inspectorAnchor: HTMLElement | null = null;

function closeInspector(): void {
  const pop = $('inspector-panel');
  if (pop.hidden) return;
  pop.hidden = true;
  st.sel = null;
  st.dirty = true;
  const key = inspectorAnchor?.dataset;
  inspectorAnchor = null;
  // Focus returns to the chip or box that opened it (found again: the picture redraws).
  const sel = key ? (key['g'] !== undefined ? `[data-g="${key['g']}"]` : key['m'] !== undefined ? `[data-m="${key['m']}"]` : `[data-p="${key['p']}"]`) : '';
  const back = sel ? $('picture').querySelector<HTMLElement>(sel) : null;
  (back ?? $('picture')).focus({ preventScroll: true });
}
$('inspector-close').onclick = () => closeInspector();

// ---------------------------------------------------------------- controls
function buildControls(): void {
  const c = $('controls');
  c.innerHTML = `
    <button data-testid="first" title="Start (Home)" aria-label="Go to the start (Home)">⇤</button>
    <button data-testid="back" title="Step one event back (←)">◀︎ step</button>
    <button data-testid="play" class="primary" title="Play / pause (space)">▶ play</button>
    <button data-testid="fwd" title="Step one event forward (→)">step ▶︎</button>
    <button data-testid="last" title="End (End)" aria-label="Go to the end (End)">⇥</button>
    <label>speed <select data-testid="speed"><optgroup label="events per second">${speeds.map((s) => `<option value="${s}" ${s === st.speed ? 'selected' : ''}>${s.toLocaleString('en')} ev/s</option>`).join('')}</optgroup><optgroup label="simulated time per second">${simRates.map((r) => `<option value="t${r}">${fmtNs(r)}/s</option>`).join('')}</optgroup></select></label>
    <span class="scrub"><input type="range" min="0" max="0" value="0" data-testid="scrub" aria-label="Time cursor (event)"></span>
    <span class="pos" data-testid="pos"></span>
    <div class="jumps"><span class="lbl">jump to:</span>${(Object.keys(jumpKinds) as JumpKind[])
      .map((k) => `<span class="jump"><button data-jump="${k}" data-dir="-1" title="previous ${jumpKinds[k]}" aria-label="previous ${jumpKinds[k]}">◂</button><b>${jumpKinds[k]}</b><small data-count="${k}"></small><button data-jump="${k}" data-dir="1" data-testid="next-${k}" title="next ${jumpKinds[k]}" aria-label="next ${jumpKinds[k]}">▸</button></span>`)
      .join('')}</div>`;
  const q = (sel: string): HTMLElement => c.querySelector(sel) as HTMLElement;
  q('[data-testid=first]').onclick = () => seek(0);
  q('[data-testid=last]').onclick = () => seek(st.model?.length ?? 0);
  q('[data-testid=back]').onclick = () => step(-1);
  q('[data-testid=fwd]').onclick = () => step(1);
  q('[data-testid=play]').onclick = () => togglePlay();
  (q('[data-testid=speed]') as HTMLSelectElement).onchange = (ev) => {
    const v = (ev.target as HTMLSelectElement).value;
    // "tN": N ns of simulated time per second; else events per second
    st.simRate = v.startsWith('t') ? Number(v.slice(1)) : 0;
    if (!st.simRate) st.speed = Number(v);
    playTime = st.model?.replay.time ?? 0;
  };
  (q('[data-testid=scrub]') as HTMLInputElement).oninput = (ev) => seek(Number((ev.target as HTMLInputElement).value));
  c.querySelectorAll<HTMLButtonElement>('[data-jump]').forEach((b) => {
    b.onclick = () => {
      if (!st.model) return;
      const to = st.model.nextOf(b.dataset['jump'] as JumpKind, st.cursor, Number(b.dataset['dir']) as 1 | -1);
      if (to >= 0) {
        st.playing = false;
        seek(to, true);
      }
    };
  });
}

function seek(n: number, animate = false): void {
  const m = st.model;
  if (!m) return;
  const to = Math.max(0, Math.min(m.length, Math.round(n)));
  st.lastStepSize = animate ? 1 : Math.abs(to - st.cursor);
  st.cursor = to;
  st.dirty = true;
}

function step(d: 1 | -1): void {
  st.playing = false;
  seek(st.cursor + d, true);
  st.lastStepSize = 1;
}

function togglePlay(): void {
  if (!st.model) return;
  if (!st.playing && st.cursor >= st.model.length) seek(0);
  st.playing = !st.playing;
  lastFrame = performance.now();
  playAcc = 0;
  playTime = st.cursor > 0 ? st.model.log.t[st.cursor - 1]! : 0;
  st.dirty = true;
}

document.addEventListener('keydown', (ev) => {
  const t = ev.target as HTMLElement;
  if (ev.key === 'Escape' && !$('inspector-panel').hidden && !t.closest('.cm-editor')) {
    closeInspector();
    ev.preventDefault();
    return;
  }
  if (t.closest('.cm-editor') || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA') return;
  if (ev.key === 'ArrowRight') step(1);
  else if (ev.key === 'ArrowLeft') step(-1);
  else if (ev.key === ' ') togglePlay();
  else if (ev.key === 'Home') seek(0);
  else if (ev.key === 'End') seek(st.model?.length ?? 0);
  else return;
  ev.preventDefault();
});

// ---------------------------------------------------------------- knobs
function buildKnobs(): void {
  const k = $('knobs');
  const costRows = costNames
    .map((n) => `<label for="cost-${n}" title="${esc(costDocs[n])}">${n}</label><input id="cost-${n}" data-cost="${n}" type="number" min="0" placeholder="${defaultCosts[n]}" title="${esc(costDocs[n])} (ns, default ${defaultCosts[n]})">`)
    .join('');
  k.innerHTML = `
    <label for="k-go">Go</label><select id="k-go" data-testid="k-go" title="The Go release whose runtime the run follows (the CLI's --go)"><option value="">default (workload config, else ${esc(defaultRelease)})</option>${goReleases.map((r) => `<option value="${r}">Go ${r}${profiles[r].validated ? '' : ' (not yet validated)'}</option>`).join('')}</select>
    <label for="k-ab">A/B</label><span><input id="k-ab" data-testid="k-ab" type="checkbox"> compare the summaries of ${goReleases.map((r) => `Go ${r}`).join(' and ')}</span>
    <label for="k-procs">GOMAXPROCS</label><input id="k-procs" data-testid="k-procs" type="number" min="1" max="1024">
    <label for="k-seed">seed</label><input id="k-seed" data-testid="k-seed" type="number">
    <label for="k-godebug">GODEBUG</label><input id="k-godebug" data-testid="k-godebug" type="text" placeholder="schedtrace=10,asyncpreemptoff=1">
    <label for="k-max">max events</label><input id="k-max" data-testid="k-max" type="number" min="1000" step="1000">
    <span class="hint">Empty fields use the workload's <code>export const config</code>, then the defaults (shown greyed). Changing a knob re-runs and keeps the time cursor.</span>
    <div class="params" id="k-params"></div>
    <div class="params" id="k-scale" hidden><span class="hint">Replay: factors on the traced times (the CLI's <code>--scale-cpu</code>, <code>--scale-syscalls</code>, <code>--scale-network</code>)</span>
      <label for="k-scale-cpu">× CPU</label><input id="k-scale-cpu" data-testid="k-scale-cpu" data-scale="cpu" type="number" min="0.01" step="0.1" placeholder="1">
      <label for="k-scale-syscalls">× syscalls</label><input id="k-scale-syscalls" data-testid="k-scale-syscalls" data-scale="syscalls" type="number" min="0.01" step="0.1" placeholder="1">
      <label for="k-scale-network">× network</label><input id="k-scale-network" data-testid="k-scale-network" data-scale="network" type="number" min="0.01" step="0.1" placeholder="1">
      <label for="k-keep-tracing">tracer</label><span><input id="k-keep-tracing" data-testid="k-keep-tracing" type="checkbox"> also replay runtime/trace's and runtime/pprof's goroutines, the tracer's timers among them (the CLI's <code>--keep-tracing</code>)</span></div>
    <details><summary>Cost model (ns)</summary><div class="costs">${costRows}</div></details>`;
  k.addEventListener('input', () => {
    readKnobs();
    clearTimeout(knobTimer);
    knobTimer = window.setTimeout(() => void run(), 350);
  });
}
let knobTimer = 0;

function readKnobs(): void {
  const num = (id: string): number | undefined => {
    const v = ($(id) as HTMLInputElement).value.trim();
    return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
  };
  const knobs: Knobs = { cost: {} };
  const goSel = ($('k-go') as HTMLSelectElement).value;
  if (goSel !== '') knobs.go = goSel;
  if (($('k-ab') as HTMLInputElement).checked) knobs.compare = true;
  const procs = num('k-procs');
  if (procs !== undefined) knobs.gomaxprocs = procs;
  const seed = num('k-seed');
  if (seed !== undefined) knobs.seed = seed;
  const gd = ($('k-godebug') as HTMLInputElement).value.trim();
  if (gd !== '') knobs.godebug = gd;
  const max = num('k-max');
  if (max !== undefined) knobs.maxEvents = max;
  document.querySelectorAll<HTMLInputElement>('[data-cost]').forEach((el) => {
    if (el.value.trim() !== '' && Number.isFinite(Number(el.value))) knobs.cost[el.dataset['cost']!] = Number(el.value);
  });
  document.querySelectorAll<HTMLInputElement>('[data-param]').forEach((el) => {
    if (el.value.trim() !== '') (knobs.params ??= {})[el.dataset['param']!] = el.value.trim();
  });
  if ($<HTMLInputElement>('k-keep-tracing').checked) knobs.keepTracing = true;
  document.querySelectorAll<HTMLInputElement>('[data-scale]').forEach((el) => {
    const v = Number(el.value);
    if (el.value.trim() !== '' && Number.isFinite(v) && v > 0) (knobs.scale ??= {})[el.dataset['scale'] as 'cpu' | 'syscalls' | 'network'] = v;
  });
  st.knobs = knobs;
}

function writeKnobs(): void {
  const k = st.knobs;
  const set = (id: string, v: string | number | undefined): void => {
    ($(id) as HTMLInputElement).value = v === undefined ? '' : String(v);
  };
  ($('k-go') as HTMLSelectElement).value = k.go ?? '';
  ($('k-ab') as HTMLInputElement).checked = k.compare === true;
  set('k-procs', k.gomaxprocs);
  set('k-seed', k.seed);
  set('k-godebug', k.godebug);
  set('k-max', k.maxEvents);
  document.querySelectorAll<HTMLInputElement>('[data-cost]').forEach((el) => {
    const v = k.cost[el.dataset['cost']!];
    el.value = v === undefined ? '' : String(v);
  });
  document.querySelectorAll<HTMLInputElement>('[data-param]').forEach((el) => {
    const v = k.params?.[el.dataset['param']!];
    el.value = v === undefined ? '' : String(v);
  });
  $<HTMLInputElement>('k-keep-tracing').checked = k.keepTracing === true;
  document.querySelectorAll<HTMLInputElement>('[data-scale]').forEach((el) => {
    const v = k.scale?.[el.dataset['scale'] as 'cpu' | 'syscalls' | 'network'];
    el.value = v === undefined ? '' : String(v);
  });
}

/** The workload's params as knob fields (rebuilt when the set of names changes). */
function showParams(defaults: Record<string, number | string | boolean>): void {
  const box = $('k-params');
  const names = Object.keys(defaults);
  const sig = names.join(',');
  if (box.dataset['sig'] !== sig) {
    box.dataset['sig'] = sig;
    box.innerHTML = names.length
      ? `<div class="sub">Workload params (<code>export const params</code>, the CLI's <code>--param</code>)</div>` +
        names.map((n) => `<label for="param-${esc(n)}">${esc(n)}</label><input id="param-${esc(n)}" data-param="${esc(n)}" data-testid="param-${esc(n)}" type="text">`).join('')
      : '';
  }
  for (const n of names) {
    const el = document.querySelector<HTMLInputElement>(`[data-param="${CSS.escape(n)}"]`);
    if (!el) continue;
    el.placeholder = String(defaults[n]);
    const v = st.knobs.params?.[n];
    if (v !== undefined && el.value === '') el.value = String(v);
  }
}

function showEffective(d: RunDone): void {
  showParams(d.params);
  const ph = (id: string, v: string | number): void => {
    ($(id) as HTMLInputElement).placeholder = String(v);
  };
  ph('k-procs', d.effective.gomaxprocs);
  ph('k-seed', d.effective.seed);
  ph('k-godebug', d.effective.godebug || 'schedtrace=10,asyncpreemptoff=1');
  ph('k-max', d.effective.maxEvents);
  const ts = document.querySelector<HTMLElement>('[data-testid=trace-settings]');
  if (ts && st.lang === 'trace') ts.textContent = `· replayed on Go ${d.effective.go} at GOMAXPROCS=${d.effective.gomaxprocs}`;
  // The cost defaults are the run's release's (src/runtime/cost.ts releaseCosts).
  const costs = (goReleases as readonly string[]).includes(d.effective.go) ? costsFor(d.effective.go as GoRelease) : defaultCosts;
  for (const n of costNames) {
    const el = document.getElementById(`cost-${n}`) as HTMLInputElement | null;
    if (el) {
      el.placeholder = String(costs[n]);
      el.title = `${costDocs[n]} (ns, default ${costs[n]} on go${d.effective.go})`;
    }
  }
}

// ---------------------------------------------------------------- gallery / editor
function buildGallery(): void {
  const sel = $<HTMLSelectElement>('gallery');
  // Groups by file-name prefix: the seeds' four blocking kinds, the quiz answers, the rest.
  const groupOf = (g: GalleryItem): string => (g.lang === 'trace' ? "Real programs' traces (replayed)" : g.id.startsWith('block') ? 'The four blocking kinds' : g.id.startsWith('quiz') ? 'Quiz answers' : g.origin === 'web' && g.id.startsWith('stress') ? 'Stress' : 'Scenarios');
  const groups = new Map<string, GalleryItem[]>();
  for (const g of st.gallery) {
    const k = groupOf(g);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(g);
  }
  let html = '';
  for (const [name, items] of groups) html += `<optgroup label="${esc(name)}">${items.map((g) => `<option value="${esc(g.id)}">${esc(g.title)}${g.lang === 'go' ? ' (Go)' : ''}</option>`).join('')}</optgroup>`;
  sel.innerHTML = html + '<option value="__custom">✎ your own workload</option><option value="__trace" hidden>▤ your trace file</option>';
  sel.onchange = () => {
    const it = st.gallery.find((g) => g.id === sel.value);
    // Hand the keys back to the picture: → and ← step the run, they do not browse the gallery.
    $('picture').focus({ preventScroll: true });
    if (it) selectItem(it, { cost: {} });
    else if (sel.value === '__trace' && st.trace) {
      st.item = null;
      setLang('trace');
      describe();
      void run();
    } else {
      st.item = null;
      st.edited = false;
      if (st.lang === 'trace') setLang('ts');
      describe();
    }
  };
}

function setLang(lang: Lang): void {
  st.lang = lang;
  $<HTMLSelectElement>('lang').value = lang;
  // A trace replaces the editor by its panel, and brings the replay's knobs.
  const trace = lang === 'trace';
  $('editor').hidden = trace;
  $('trace-info').hidden = !trace;
  $('k-scale').hidden = !trace;
  $<HTMLOptionElement>('lang').querySelector<HTMLOptionElement>('option[value=trace]')!.disabled = st.trace === null;
  if (!trace) editor.setLanguage(lang);
}

$<HTMLSelectElement>('lang').onchange = (ev) => {
  const v = (ev.target as HTMLSelectElement).value;
  setLang(v === 'go' ? 'go' : v === 'trace' && st.trace ? 'trace' : 'ts');
  // A gallery item in the other language is no longer what the editor holds: say so.
  if (st.item && st.item.lang !== st.lang) {
    st.item = null;
    st.edited = false;
    $<HTMLSelectElement>('gallery').value = '__custom';
    describe();
  }
};

function selectItem(it: GalleryItem, knobs: Knobs): void {
  if (it.lang === 'trace') {
    st.knobs = knobs;
    writeKnobs();
    void fetchTrace(it);
    return;
  }
  st.item = it;
  setLang(it.lang);
  st.knobs = knobs;
  writeKnobs();
  editor.set(it.code);
  st.edited = false;
  $<HTMLSelectElement>('gallery').value = it.id;
  describe();
  void run();
}

/** A gallery trace: fetch the bundled file, then replay it. */
async function fetchTrace(it: GalleryItem): Promise<void> {
  setStatus(`loading ${it.file}…`, 'busy');
  try {
    const res = await fetch(it.traceUrl!);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    openTrace(it.file, await res.arrayBuffer(), it);
  } catch (e) {
    setStatus(`could not load ${it.file}: ${e instanceof Error ? e.message : String(e)}`, 'bad');
    markDone();
  }
}

/**
 * Replay an execution trace: a gallery item's, or a file the user opened or dropped on the page (read
 * here, parsed by the worker: a file that is no trace gets the CLI's error in the errors box).
 */
function openTrace(name: string, bytes: ArrayBuffer, it: GalleryItem | null): void {
  st.trace = { name, bytes };
  st.item = it;
  st.edited = false;
  setLang('trace');
  const sel = $<HTMLSelectElement>('gallery');
  const own = sel.querySelector<HTMLOptionElement>('option[value=__trace]')!;
  own.hidden = it !== null;
  own.textContent = `▤ your trace file: ${name}`;
  sel.value = it ? it.id : '__trace';
  describe();
  void run();
}

async function openTraceFile(f: File): Promise<void> {
  // Traces of long runs are large; the page keeps one in memory (the worker parses a copy).
  if (f.size > 512 * 1024 * 1024) {
    setStatus(`${f.name}: ${(f.size / 1048576).toFixed(0)} MiB is more than this page replays (512 MiB): use \`gmpsim replay\``, 'bad');
    return;
  }
  openTrace(f.name, await f.arrayBuffer(), null);
}

$<HTMLInputElement>('open-trace').onchange = (ev) => {
  const input = ev.target as HTMLInputElement;
  const f = input.files?.[0];
  input.value = '';
  if (f) void openTraceFile(f);
};

// Drop a trace anywhere on the page.
let dragDepth = 0;
const hasFiles = (ev: DragEvent): boolean => ev.dataTransfer?.types.includes('Files') === true;
document.addEventListener('dragenter', (ev) => {
  if (!hasFiles(ev)) return;
  dragDepth++;
  $('drop-hint').hidden = false;
});
document.addEventListener('dragleave', (ev) => {
  if (!hasFiles(ev)) return;
  if (--dragDepth <= 0) {
    dragDepth = 0;
    $('drop-hint').hidden = true;
  }
});
document.addEventListener('dragover', (ev) => {
  if (hasFiles(ev)) ev.preventDefault();
});
document.addEventListener('drop', (ev) => {
  if (!hasFiles(ev)) return;
  ev.preventDefault();
  dragDepth = 0;
  $('drop-hint').hidden = true;
  const f = ev.dataTransfer?.files[0];
  if (f) void openTraceFile(f);
});

function describe(): void {
  const it = st.item;
  if (st.lang === 'trace' && st.trace) {
    const t = st.trace;
    $('wl-title').textContent = it ? it.title : `Your trace: ${t.name}`;
    $('revert').hidden = true;
    $('wl-desc').textContent = it
      ? it.description
      : 'Your execution trace, replayed as `gmpsim replay` does: each goroutine of the program becomes a script of its CPU bursts, system calls, network waits, sleeps and waits for the goroutine that woke it, run on the simulated runtime. Change GOMAXPROCS, the release or the scale knobs to ask "what if"; the box under the output puts the replay next to the traced run.';
    $('trace-info').innerHTML = `<b>${esc(t.name)}</b> · ${(t.bytes.byteLength / 1024).toFixed(0)} KiB <span data-testid="trace-settings"></span><br>What the replay cannot know (which code ran, why a network peer answered when it did, the garbage collector's work) is kept as traced: see src/trace/reconstruct.ts.`;
    return;
  }
  $('wl-title').textContent = it ? it.title + (st.edited ? ' (edited)' : '') : 'Your own workload';
  $('revert').hidden = !(it && st.edited);
  $('wl-desc').textContent = it
    ? it.description
    : "Edit the code and press Run (Ctrl+Enter). Write TypeScript that imports from 'gmpsim' and exports function* main()" + (st.lang === 'go' ? ' — or Go.' : '.');
}

/**
 * The editor diverged from (or came back to) the gallery item: the item stays selected, marked
 * "edited" with a way back; Run runs the edited code and a share link carries the code.
 */
function onEdit(): void {
  const edited = st.item !== null && editor.text !== st.item.code;
  if (edited !== st.edited) {
    st.edited = edited;
    describe();
  }
}

// ---------------------------------------------------------------- running
function setStatus(text: string, cls = ''): void {
  const s = $('status');
  s.textContent = text;
  s.className = `status ${cls}`;
}

function fileName(): string {
  if (st.lang === 'trace' && st.trace) return st.trace.name;
  return st.item ? st.item.file : st.lang === 'go' ? 'main.go' : 'workload.ts';
}

async function run(): Promise<void> {
  readKnobs();
  st.worker?.terminate();
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  st.worker = w;
  const tr = st.lang === 'trace' ? st.trace : null;
  const code = tr ? '' : editor.text;
  const key = tr ? `trace:${tr.name}:${tr.bytes.byteLength}` : st.item && !st.edited ? `id:${st.item.id}` : `code:${code}`;
  // The trace's bytes are copied to the worker (structured clone): the page keeps them for re-runs.
  const req: RunRequest = { type: 'run', lang: st.lang, code, ...(tr ? { trace: tr.bytes } : {}), file: fileName(), knobs: st.knobs, wallMs: WALL_LIMIT_MS };
  setStatus('running…', 'busy');
  $('errors').textContent = '';
  editor.clearError();
  void updateHash();
  const started = performance.now();
  // The run so far (RunProgress), kept to show a run the page has to kill.
  const progress: RunProgress[] = [];
  // null: the page killed the worker (a workload that stopped yielding).
  const reply = await new Promise<WorkerReply | null>((resolve) => {
    // The engine stops a long run itself at WALL_LIMIT_MS (exit 124, with its log). Only a workload
    // that stopped yielding misses that check: kill the worker a little later.
    const timer = window.setTimeout(() => {
      resolve(null);
    }, WALL_LIMIT_MS + KILL_GRACE_MS);
    w.onmessage = (ev: MessageEvent<WorkerReply>) => {
      if (ev.data.type === 'progress') {
        progress.push(ev.data);
        setStatus(`running… ${ev.data.events.toLocaleString('en')} events · ${fmtNs(ev.data.simTime)} simulated`, 'busy');
        return;
      }
      clearTimeout(timer);
      resolve(ev.data);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      clearTimeout(timer);
      resolve({ type: 'error', error: { kind: 'load', message: `gmpsim: internal error: ${ev.message}` } });
    };
    w.postMessage(req);
  });
  if (st.worker !== w) return; // superseded
  w.terminate();
  st.worker = null;
  const done = reply ?? killedRun(progress);
  if (done === null) return showKilledEmpty();
  if (done.type === 'progress') return;
  if (done.type === 'error') {
    const e = done.error;
    $('errors').textContent = e.message + (e.line !== undefined ? `\n(line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''})` : '');
    if (e.line !== undefined) editor.error(e.message, e.line, e.column);
    $('output').innerHTML = `<span class="err">${esc(e.message)}</span>\n<span class="exit">exit status 1</span>`;
    clearRun();
    const at = e.line !== undefined ? ` at line ${e.line}` : '';
    setStatus(e.kind === 'syntax' ? `syntax error${at}` : e.kind === 'compile' ? `compile error${at}` : e.kind === 'options' ? 'a knob is not valid' : 'the workload did not load', 'bad');
    markDone();
    return;
  }
  const prevTime = st.model && st.runKey === key ? st.model.replay.time : -1;
  const prevAtEnd = st.model !== null && st.cursor >= st.model.length;
  const model = new RunModel(done);
  st.model = model;
  $<HTMLSelectElement>('download').disabled = false;
  // Re-running the same workload keeps the cursor at the same simulated time. A new workload
  // starts at the beginning, or at the end when the run failed (the state it died in).
  let cursor = done.reason === 'exit' && done.exitCode === 0 ? model.firstScene() : model.length;
  if (prevTime >= 0) cursor = prevAtEnd ? model.length : model.indexAfterTime(prevTime);
  if (pendingAt !== undefined) {
    cursor = pendingAt;
    pendingAt = undefined;
  }
  st.runKey = key;
  st.cursor = Math.min(cursor, model.length);
  st.playing = false;
  st.sel = null;
  $('inspector-panel').hidden = true;
  showEffective(done);
  charts.setModel(model);
  timeline.setModel(model);
  showOutput(model);
  const scrub = document.querySelector<HTMLInputElement>('[data-testid=scrub]')!;
  scrub.max = String(model.length);
  for (const k of Object.keys(jumpKinds) as JumpKind[]) {
    const el = document.querySelector(`[data-count=${k}]`);
    if (el) el.textContent = String(model.jumps[k].length);
  }
  const wall = performance.now() - started;
  const bad = done.reason !== 'exit' || done.exitCode !== 0;
  const what = done.reason === 'exit' ? `exit ${done.exitCode}` : done.wallStopped ? 'stopped: wall-clock limit' : done.reason;
  setStatus(`${what} · ${model.length.toLocaleString('en')} events · ${fmtNs(done.simTime)} simulated · ${(wall / 1000).toFixed(2)} s`, bad ? 'bad' : '');
  st.dirty = true;
  markDone();
}

/**
 * The reply for a worker the page killed: the run up to its last progress message, ended as the CLI
 * ends a workload that never yields (exit 124, reason 'hang'). Null when it never reported.
 */
function killedRun(progress: RunProgress[]): RunDone | null {
  const last = progress[progress.length - 1];
  if (last === undefined) return null;
  const message = `gmpsim: the workload stopped yielding to the runtime (a loop with no yield*?): it was stopped after ${WALL_LIMIT_MS / 1000} s of wall-clock time (the page's limit); the picture shows the run up to ${fmtNs(last.simTime)} simulated, where it last reported`;
  return {
    type: 'done',
    exitCode: 124,
    reason: 'hang',
    message,
    simTime: last.simTime,
    events: last.events,
    stdout: last.stdout,
    stderr: last.stderr,
    effective: last.effective,
    params: {},
    godebugWarnings: [],
    wallMs: WALL_LIMIT_MS,
    wallStopped: true,
    cols: EventLog.concatColumns(progress.map((p) => p.cols)),
  };
}

/** A worker killed before it reported anything: nothing to show but why. */
function showKilledEmpty(): void {
  const msg = `gmpsim: the run was stopped after ${WALL_LIMIT_MS / 1000} s of wall-clock time (the page's limit) before it reported any progress (a workload that never yields?); lower "max events" or the workload's size`;
  $('errors').textContent = msg;
  $('output').innerHTML = `<span class="msg">${esc(msg)}</span>`;
  clearRun();
  setStatus('stopped: wall-clock limit', 'bad');
  markDone();
}

/** No run to show (the workload failed to load): empty the picture and the panels. */
function clearRun(): void {
  st.model = null;
  $<HTMLSelectElement>('download').disabled = true;
  st.runKey = '';
  st.playing = false;
  picture.clear('No run to show: the workload did not load (see the error on the right).');
  $('stats').innerHTML = '';
  lastStats = '';
  $('why').innerHTML = '';
  charts.clear();
  timeline.setModel(null);
  st.sel = null;
  inspector.clear();
  $('inspector-panel').hidden = true;
  document.querySelectorAll<HTMLElement>('[data-count]').forEach((el) => (el.textContent = ''));
  const pos = document.querySelector<HTMLElement>('[data-testid=pos]')!;
  pos.textContent = 'no run';
  pos.dataset['cursor'] = '0';
}

/** Tests wait on this counter (one per finished run, whatever its outcome). */
function markDone(): void {
  document.body.dataset['done'] = String(Number(document.body.dataset['done'] ?? 0) + 1);
}

/** Program output in event order (as the CLI writes it), then the engine's message and the status. */
function showOutput(m: RunModel): void {
  const log = m.log;
  const r = m.result;
  let h = '';
  for (const w of r.godebugWarnings) h += `<span class="msg">${esc(w)}</span>\n`;
  for (let i = 0; i < log.length; i++) {
    if (log.k[i] !== E.Write) continue;
    const text = esc(log.string(log.b[i]!));
    h += log.a[i] === 2 ? `<span class="err">${text}</span>` : text;
  }
  if (r.message) h += `<span class="msg">${esc(r.message)}</span>\n`;
  h += `<span class="exit">exit status ${r.exitCode} (Go ${esc(r.effective.go)})</span>`;
  $('output').innerHTML = h;
  const ab = $('ab');
  ab.hidden = r.ab === undefined;
  ab.textContent = r.ab ?? '';
  const wi = $('whatif');
  wi.hidden = r.whatif === undefined;
  wi.textContent = r.whatif ?? '';
  $('errors').textContent = r.reason === 'exit' ? '' : r.message || r.stderr.split('\n').slice(0, 3).join('\n');
}

// ---------------------------------------------------------------- share
let pendingAt: number | undefined;

async function updateHash(): Promise<void> {
  // A trace file the user opened cannot go into a link (a gallery trace is shared by its id).
  if (st.lang === 'trace' && !st.item) {
    history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  const h = await encodeShare(st.item && !st.edited ? { id: st.item.id, lang: st.lang, knobs: st.knobs } : { code: editor.text, lang: st.lang, knobs: st.knobs });
  history.replaceState(null, '', h);
}

/**
 * "Download trace": the run on screen as a file for Perfetto / chrome://tracing (Trace Event Format
 * JSON, src/views/perfetto.ts) or for `go tool trace` (go1.26's execution-trace format,
 * src/views/gotrace.ts) — the exports the CLI writes with --perfetto and --trace, made here from the
 * page's copy of the event log.
 */
$<HTMLSelectElement>('download').onchange = () => {
  const sel = $<HTMLSelectElement>('download');
  const kind = sel.value;
  sel.value = '';
  const model = st.model;
  if (model === null || kind === '') return;
  const base = fileName().replace(/^.*\//, '').replace(/\.(ts|go|js)$/, '');
  const title = `${fileName()} — GOMAXPROCS=${model.result.effective.gomaxprocs} — Go ${model.result.effective.go}`;
  let blob: Blob;
  let name: string;
  if (kind === 'perfetto') {
    const parts: string[] = [];
    writePerfetto(model.log, (c) => parts.push(c), title);
    blob = new Blob(parts, { type: 'application/json' });
    name = `${base}.json`;
  } else {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    writeGoTrace(model.log, (c) => parts.push(new Uint8Array(c)), { file: fileName() });
    blob = new Blob(parts, { type: 'application/octet-stream' });
    name = `${base}.trace`;
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  setStatus(`saved ${name} (${(blob.size / 1024).toFixed(0)} KiB)`);
};

$('share').onclick = async () => {
  if (st.lang === 'trace' && !st.item) {
    setStatus('a trace file you opened is not put in a link: share the file, and the knobs you set');
    return;
  }
  const h = await encodeShare({ ...(st.item && !st.edited ? { id: st.item.id } : { code: editor.text }), lang: st.lang, knobs: st.knobs, at: st.cursor });
  history.replaceState(null, '', h);
  try {
    await navigator.clipboard.writeText(location.href);
    setStatus('link copied to the clipboard');
  } catch {
    setStatus('link is in the address bar');
  }
};

// ---------------------------------------------------------------- frame loop
let lastFrame = performance.now();
let lastRender = 0;
/** Moving average of one render's main-thread cost (ms). */
let renderCost = 0;
let playAcc = 0;
/** The simulated clock of simulated-time play (ns). */
let playTime = 0;
const counters = ['threads', 'gomaxprocs', 'idleprocs', 'idlethreads', 'spinningthreads', 'runqueue', 'running', 'runnable', 'syscall', 'netpoll', 'waiting'] as const;
const counterLabel: Record<(typeof counters)[number], string> = {
  threads: 'threads',
  gomaxprocs: 'GOMAXPROCS',
  idleprocs: 'idle Ps',
  idlethreads: 'idle Ms',
  spinningthreads: 'spinning Ms',
  runqueue: 'global queue',
  running: 'G running',
  runnable: 'G runnable',
  syscall: 'G in syscall',
  netpoll: 'G on netpoller',
  waiting: 'G parked (not IO)',
};

function frame(now: number): void {
  const m = st.model;
  if (m && st.playing && st.simRate > 0) {
    // Simulated-time play: the clock advances rate × elapsed; the cursor shows the state at it.
    playTime += ((now - lastFrame) / 1000) * st.simRate;
    const to = m.indexAfterTime(playTime);
    if (to !== st.cursor) {
      st.lastStepSize = to - st.cursor;
      st.cursor = to;
      st.dirty = true;
    }
    if (playTime >= m.endTime) st.playing = false;
  } else if (m && st.playing) {
    playAcc += ((now - lastFrame) / 1000) * st.speed;
    const n = Math.floor(playAcc);
    if (n > 0) {
      playAcc -= n;
      st.lastStepSize = n;
      st.cursor = Math.min(m.length, st.cursor + n);
      st.dirty = true;
      if (st.cursor >= m.length) st.playing = false;
    }
  }
  lastFrame = now;
  // While playing, the picture is redrawn as often as the machine allows with the page staying
  // responsive: at most a third of the time goes to rendering (cost = script + style + layout of
  // the last renders). Small runs redraw every frame; the 10k-goroutine run ~10–15 times a second.
  const minGap = st.playing ? Math.min(250, renderCost * 3) : 0;
  if (m && st.dirty && now - lastRender >= minGap) {
    st.dirty = false;
    lastRender = now;
    const t0 = performance.now();
    render(m);
    void document.body.offsetHeight; // style + layout now, inside the measurement (it is due anyway)
    renderCost = renderCost * 0.7 + (performance.now() - t0) * 0.3;
  } else if (m && st.dirty) {
    charts.cursor(m.log.t[Math.max(0, st.cursor - 1)] ?? 0);
  }
  requestAnimationFrame(frame);
}

/** Time spent per render phase (ms, cumulative), for performance work: window.gmpsim.prof. */
const prof: Record<string, number> = { frames: 0, seek: 0, picture: 0, stats: 0, why: 0, charts: 0, rest: 0 };
let lastStats = '';

function render(m: RunModel): void {
  let t0 = performance.now();
  m.replay.seek(st.cursor);
  const r = m.replay;
  const c = r.counts();
  let t1 = performance.now();
  prof['seek']! += t1 - t0;
  t0 = t1;
  const animate = st.lastStepSize <= 3 || (st.playing && st.speed <= 60);
  picture.render(m, st.sel, animate, st.playing && (st.speed > 1000 || renderCost > 8));
  t1 = performance.now();
  prof['picture']! += t1 - t0;
  t0 = t1;
  prof['frames']!++;
  // stats
  let s = '';
  for (const k of counters) s += `<span class="stat ${k === 'threads' ? 'threads' : k === 'gomaxprocs' ? 'procs' : ''}">${counterLabel[k]}<b data-testid="stat-${k}">${c[k]}</b></span>`;
  if (s !== lastStats) {
    $('stats').innerHTML = s;
    lastStats = s;
  }
  // controls
  const pos = document.querySelector<HTMLElement>('[data-testid=pos]')!;
  pos.textContent = `event ${st.cursor.toLocaleString('en')} / ${m.length.toLocaleString('en')} · t = ${fmtNs(r.time)}`;
  pos.dataset['cursor'] = String(st.cursor);
  const scrub = document.querySelector<HTMLInputElement>('[data-testid=scrub]')!;
  if (Number(scrub.value) !== st.cursor) scrub.value = String(st.cursor);
  const playLabel = st.playing ? '⏸ pause' : '▶ play';
  const playBtn = document.querySelector('[data-testid=play]')!;
  if (playBtn.textContent !== playLabel) playBtn.textContent = playLabel;
  t1 = performance.now();
  prof['stats']! += t1 - t0;
  t0 = t1;
  // why
  renderWhy(m);
  t1 = performance.now();
  prof['why']! += t1 - t0;
  t0 = t1;
  charts.cursor(r.time);
  timeline.cursor(r.time);
  t1 = performance.now();
  prof['charts']! += t1 - t0;
  t0 = t1;
  inspector.render(m, st.sel);
  prof['rest']! += performance.now() - t0;
}

/**
 * The why-panel, from the events applied so far: the sentence of the current instant up to the
 * cursor (its last piece is what the current event did), the current event itself, and — marked,
 * not yet applied — what the same instant still holds. The picture shows the same state.
 */
function renderWhy(m: RunModel): void {
  const el = $('why');
  const i = st.cursor - 1;
  if (i < 0) {
    el.innerHTML = '<div class="now" data-testid="why-text">Before the first event. Step forward (→) or press play.</div>';
    return;
  }
  const log = m.log;
  const ex = explainGroup(log, i, m.replay, true);
  const [, end] = groupRange(log, i);
  let next = '';
  let pending = 0;
  for (let j = i + 1; j <= end; j++) {
    const s = explainEvent(log, j, m.replay);
    pending++;
    if (s !== null && next.length < 400) next += (next ? '; ' : '') + s;
  }
  let recent = '';
  let j = ex.first - 1;
  const fast = st.playing && (st.speed > 1000 || renderCost > 8);
  for (let n = 0; n < 5 && j >= 0 && !fast; n++) {
    const [a] = groupRange(log, j);
    const g = explainGroup(log, j, m.replay, true);
    recent += `<li><button type="button" class="linkish" data-i="${g.last}">${fmtNs(log.t[j]!)} — ${esc(g.text)}</button></li>`;
    j = a - 1;
  }
  el.innerHTML =
    `<div class="now" data-testid="why-text" data-first="${ex.first}" data-last="${ex.last}">${esc(ex.text)}</div>` +
    `<div class="ev" data-testid="why-event"><span class="tag">this step</span> #${i} · ${fmtNs(log.t[i]!)} · ${EventName[log.k[i]!]}: ${esc(describeEvent(log, i, m.replay))}</div>` +
    (pending ? `<div class="next" data-testid="why-next" data-pending="${pending}"><span class="tag">not yet applied</span> ${pending} more event${pending > 1 ? 's' : ''} at this instant${next ? `: ${esc(next)}` : ''} (step → to apply)</div>` : '') +
    (recent ? `<h3 class="sr-only">Earlier steps</h3><ol reversed>${recent}</ol>` : '');
}

$('why').addEventListener('click', (ev) => {
  const b = (ev.target as HTMLElement).closest<HTMLElement>('[data-i]');
  if (b) seek(Number(b.dataset['i']) + 1, true);
});

$('run').onclick = () => void run();
$('revert').onclick = () => {
  if (st.item) selectItem(st.item, st.knobs);
};

// ---------------------------------------------------------------- start
/** Load what a share link holds (gallery item or code, knobs, cursor); false when the hash holds none. */
async function loadShared(hash: string): Promise<boolean> {
  const shared = await decodeShare(hash);
  if (!shared) return false;
  pendingAt = shared.at;
  const it = shared.id !== undefined ? st.gallery.find((g) => g.id === shared.id) : undefined;
  if (it) {
    selectItem(it, shared.knobs);
    return true;
  }
  st.item = null;
  st.edited = false;
  setLang(shared.lang);
  st.knobs = shared.knobs;
  writeKnobs();
  editor.set(shared.code ?? '');
  $<HTMLSelectElement>('gallery').value = '__custom';
  describe();
  void run();
  return true;
}

async function start(): Promise<void> {
  buildControls();
  buildKnobs();
  buildGallery();
  requestAnimationFrame(frame);
  // A link pasted into the address bar of an open tab changes only the hash: load it too.
  window.addEventListener('hashchange', () => void loadShared(location.hash));
  if (await loadShared(location.hash)) return;
  const first = st.gallery[0];
  if (first) selectItem(first, { cost: {} });
}

void start();

// For the e2e tests and the curious: read-only access to the current model.
declare global {
  interface Window {
    gmpsim: { prof: Record<string, number>; time: () => number; cursor: () => number; length: () => number; seek: (n: number) => void; renderNow: () => void; playTime: () => number; play: (speed: number) => void; pause: () => void };
  }
}
window.gmpsim = {
  prof,
  time: () => (st.model ? st.model.replay.time : 0),
  cursor: () => st.cursor,
  length: () => st.model?.length ?? 0,
  seek: (n) => seek(n),
  /** Draw the cursor's frame now (the tests read every step without waiting for a frame). */
  renderNow: () => {
    if (!st.model) return;
    st.dirty = false;
    st.lastStepSize = Number.POSITIVE_INFINITY; // no slides: a test reads frame after frame
    render(st.model);
  },
  playTime: () => playTime,
  play: (speed) => {
    st.speed = speed;
    st.simRate = 0;
    const sel = document.querySelector<HTMLSelectElement>('[data-testid=speed]')!;
    if (![...sel.options].some((o) => o.value === String(speed))) sel.add(new Option(`${speed.toLocaleString('en')} ev/s`, String(speed)));
    sel.value = String(speed);
    if (!st.playing) togglePlay();
  },
  pause: () => {
    st.playing = false;
  },
};
