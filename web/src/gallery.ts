/**
 * The gallery: the project's examples (../examples/*.ts and *.go, shared with the CLI) plus the
 * app's own fallback scenarios (src/workloads/*.ts; used for names the examples do not provide, and
 * for the 10k-goroutine stress scenario). Each file starts with a comment: its first line is the
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
  origin: 'examples' | 'web';
}

const examples = import.meta.glob<string>(['../../examples/*.ts', '../../examples/*.go'], { query: '?raw', import: 'default', eager: true });
const own = import.meta.glob<string>('./workloads/*.ts', { query: '?raw', import: 'default', eager: true });

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

function item(path: string, code: string, origin: GalleryItem['origin']): GalleryItem {
  const file = path.split('/').pop()!;
  const id = file.replace(/\.(ts|go)$/, '');
  const lang: Lang = file.endsWith('.go') ? 'go' : 'ts';
  const comment = leadingComment(code);
  const [first = id, ...rest] = comment.split('\n');
  const title = first.replace(/[.:]$/, '').trim() || id;
  return { id, title, description: rest.join('\n').trim(), code, lang, file, origin };
}

export function loadGallery(): GalleryItem[] {
  const out: GalleryItem[] = [];
  const seen = new Set<string>();
  for (const [p, code] of Object.entries(examples).sort(([a], [b]) => a.localeCompare(b))) {
    const it = item(p, code, 'examples');
    out.push(it);
    seen.add(it.id);
  }
  const haveExamples = out.length > 0;
  for (const [p, code] of Object.entries(own).sort(([a], [b]) => a.localeCompare(b))) {
    const it = item(p, code, 'web');
    // Fallbacks stand in only while ../examples is empty; the stress scenario is the app's own.
    if (seen.has(it.id) || (haveExamples && !it.id.startsWith('stress'))) continue;
    out.push(it);
  }
  return out;
}
