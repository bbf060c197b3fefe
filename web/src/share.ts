/**
 * Shareable links: the URL hash carries the workload (a gallery id, or the code itself, deflated
 * and base64url-encoded), the knobs and the time cursor. A trace from the gallery is shared by its id;
 * a trace file the user opened is not in the link (the page says so). Decoding only produces data: the code is
 * handed to the worker, never evaluated in the page.
 */
import type { Knobs, Lang } from './protocol';

export interface ShareState {
  /** Gallery id (when the code is unmodified) … */
  id?: string;
  /** … or the code itself. */
  code?: string;
  lang: Lang;
  knobs: Knobs;
  /** Event cursor. */
  at?: number;
}

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unb64url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeShare(st: ShareState): Promise<string> {
  const q = new URLSearchParams();
  if (st.id !== undefined) q.set('w', st.id);
  else if (st.code !== undefined) q.set('code', b64url(await pipe(new TextEncoder().encode(st.code), new CompressionStream('deflate-raw'))));
  q.set('lang', st.lang);
  const k = st.knobs;
  if (k.go !== undefined) q.set('go', k.go);
  if (k.compare === true) q.set('ab', '1');
  if (k.gomaxprocs !== undefined) q.set('procs', String(k.gomaxprocs));
  if (k.seed !== undefined) q.set('seed', String(k.seed));
  if (k.godebug !== undefined) q.set('godebug', k.godebug);
  if (k.maxEvents !== undefined) q.set('max', String(k.maxEvents));
  const cost = Object.entries(k.cost);
  if (cost.length) q.set('cost', cost.map(([n, v]) => `${n}:${v}`).join(','));
  const params = Object.entries(k.params ?? {});
  if (params.length) q.set('param', params.map(([n, v]) => `${n}:${v}`).join(','));
  const scale = Object.entries(k.scale ?? {}).filter(([, v]) => v !== undefined);
  if (scale.length) q.set('scale', scale.map(([n, v]) => `${n}:${v}`).join(','));
  if (k.keepTracing === true) q.set('tracer', '1');
  if (st.at !== undefined) q.set('at', String(st.at));
  return '#' + q.toString();
}

const int = (s: string | null): number | undefined => {
  if (s === null || s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

export async function decodeShare(hash: string): Promise<ShareState | null> {
  const h = hash.replace(/^#/, '');
  if (!h) return null;
  const q = new URLSearchParams(h);
  const l = q.get('lang');
  const lang: Lang = l === 'go' ? 'go' : l === 'trace' ? 'trace' : 'ts';
  const cost: Record<string, number> = {};
  for (const part of (q.get('cost') ?? '').split(',')) {
    const [n, v] = part.split(':');
    if (n && v !== undefined && Number.isFinite(Number(v))) cost[n] = Number(v);
  }
  const knobs: Knobs = { cost };
  const go = q.get('go');
  if (go !== null && go !== '') knobs.go = go;
  if (q.get('ab') === '1') knobs.compare = true;
  const procs = int(q.get('procs'));
  if (procs !== undefined) knobs.gomaxprocs = procs;
  const seed = int(q.get('seed'));
  if (seed !== undefined) knobs.seed = seed;
  const gd = q.get('godebug');
  if (gd !== null) knobs.godebug = gd;
  const max = int(q.get('max'));
  if (max !== undefined) knobs.maxEvents = max;
  const par = q.get('param');
  if (par) {
    knobs.params = {};
    for (const part of par.split(',')) {
      const j = part.indexOf(':');
      if (j > 0) knobs.params[part.slice(0, j)] = part.slice(j + 1);
    }
  }
  for (const part of (q.get('scale') ?? '').split(',')) {
    const [n, v] = part.split(':');
    const x = Number(v);
    if ((n === 'cpu' || n === 'syscalls' || n === 'network') && v !== undefined && Number.isFinite(x) && x > 0) (knobs.scale ??= {})[n] = x;
  }
  if (q.get('tracer') === '1') knobs.keepTracing = true;
  const st: ShareState = { lang, knobs };
  const at = int(q.get('at'));
  if (at !== undefined) st.at = at;
  const id = q.get('w');
  const code = q.get('code');
  if (id !== null) st.id = id;
  else if (code !== null) {
    try {
      st.code = new TextDecoder().decode(await pipe(unb64url(code), new DecompressionStream('deflate-raw')));
    } catch {
      return null;
    }
  } else return null;
  return st;
}
