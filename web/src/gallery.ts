/**
 * The gallery: the project's examples (../examples/*.ts and *.go, shared with the CLI) plus the
 * app's own scenarios (src/workloads/*.ts: the 10k-goroutine stress run; an example with the same
 * name wins), and real programs' execution traces (../whatif/traces/*.trace, recorded with go1.26.8 by
 * whatif/record.mjs; their programs' comments in ../whatif/programs say what each does), which the page
 * replays as `gmpsim replay` does. Each file starts with a comment: its first line is the
 * title, the rest says what to look for.
 */
import type { Lang } from './protocol';

export interface GalleryItem {
  id: string;
  title: string;
  description: string;
  code: string;
  lang: Lang;
  file: string;
  origin: 'examples' | 'web' | 'whatif';
  /** lang 'trace': where the bundled trace file is served (fetched when the item is chosen). */
  traceUrl?: string;
}


/** The leading comment of a file (block or line comments), as plain text. */
export function leadingComment(code: string): string {
  const s = code.trimStart();
  if (s.startsWith('/*')) {
    const end = s.indexOf('*/');
    return s
      .slice(2, end < 0 ? undefined : end)
      .split('\n')
      .map((l) => l.replace(/^\s*\*+ ?/, '').trimEnd())
      .join('\n')
      .trim();
  }
  const lines: string[] = [];
  for (const l of s.split('\n')) {
    if (!/^\s*\/\//.test(l)) break;
    lines.push(l.replace(/^\s*\/\/ ?/, ''));
  }
  return lines.join('\n').trim();
}

function item(path: string, code: string, origin: GalleryItem['origin'], traceUrl?: string): GalleryItem {
  const file = path.split('/').pop()!;
  const id = file.replace(/\.(ts|go)$/, '');
  const lang: Lang = file.endsWith('.go') ? 'go' : 'ts';
  const comment = leadingComment(code).replace(/^Shape: /, '');
  if (traceUrl !== undefined) {
    // A traced real program: its comment says what it does; the page replays its trace.
    const name = `${id}.trace`;
    const title = `${id.replace(/_/g, ' ')} (a real program's trace)`;
    const description = `A real Go program (whatif/programs/${file}), traced with go1.26.8 at GOMAXPROCS=4 and replayed here as \`gmpsim replay ${name}\` does: ${comment.replace(/\s*\n\s*/g, ' ')}\n\nChange GOMAXPROCS, the release or the scale knobs (CPU, syscalls, network) to ask "what if"; the box under the output puts the replay next to the traced run.`;
    return { id: `trace-${id}`, title, description, code: '', lang: 'trace', file: name, origin, traceUrl };
  }
  // Title: the first sentence; a long one is cut at its colon ("The seed's processFiles: one
  // goroutine reads…" → "The seed's processFiles") or at a word.
  const firstPara = (comment.split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ');
  const sentence = /^(.*?[.?!]["”]?)(\s|$)/.exec(firstPara);
  let title = (sentence ? sentence[1]! : firstPara).replace(/\.$/, '').trim();
  if (title.length > 70) {
    const colon = title.indexOf(': ');
    title = colon > 0 && colon <= 60 ? title.slice(0, colon) : title.slice(0, 68).replace(/\s+\S*$/, '') + '…';
  }
  if (title === '') title = id;
  // Description: the whole comment, wrapped lines joined. In a paragraph with list items ("- "),
  // indented lines continue the item above; elsewhere indented lines are code and keep their line.
  const description = comment
    .split(/\n\s*\n/)
    .map((para) => {
      const lines = para.split('\n');
      const list = lines.some((l) => /^\s*[-*] /.test(l));
      let out = '';
      for (const l of lines) {
        if (out === '') out = l;
        else if (/^\s*[-*] /.test(l)) out += '\n' + l.trim();
        else if (/^\s/.test(l) && !list) out += '\n' + l;
        else out += ' ' + l.trim();
      }
      return out;
    })
    .join('\n\n');
  return { id, title, description, code, lang, file, origin };
}

/** The gallery as bundled by Vite. */
export function loadGallery(): GalleryItem[] {
  const examples = import.meta.glob<string>(['../../examples/*.ts', '../../examples/*.go'], { query: '?raw', import: 'default', eager: true });
  const own = import.meta.glob<string>('./workloads/*.ts', { query: '?raw', import: 'default', eager: true });
  const traced = import.meta.glob<string>('../../whatif/programs/*.go', { query: '?raw', import: 'default', eager: true });
  const traces = import.meta.glob<string>('../../whatif/traces/*.trace', { query: '?url', import: 'default', eager: true });
  return galleryFrom(examples, own, traced, traces);
}

/** The gallery from path → source maps (also used by the e2e tests, reading the files). */
export function galleryFrom(examples: Record<string, string>, own: Record<string, string>, traced: Record<string, string> = {}, traces: Record<string, string> = {}): GalleryItem[] {
  const out: GalleryItem[] = [];
  const seen = new Set<string>();
  for (const [p, code] of Object.entries(examples).sort(([a], [b]) => a.localeCompare(b))) {
    const it = item(p, code, 'examples');
    out.push(it);
    seen.add(it.id);
  }
  for (const [p, code] of Object.entries(own).sort(([a], [b]) => a.localeCompare(b))) {
    const it = item(p, code, 'web');
    if (!seen.has(it.id)) out.push(it);
  }
  // Traces: whatif/traces/NAME.trace with whatif/programs/NAME.go for what it is.
  for (const [p, url] of Object.entries(traces).sort(([a], [b]) => a.localeCompare(b))) {
    const name = p.split('/').pop()!.replace(/\.trace$/, '');
    const src = Object.entries(traced).find(([q]) => q.endsWith(`/${name}.go`));
    if (src) out.push(item(src[0], src[1], 'whatif', url));
  }
  return out;
}
