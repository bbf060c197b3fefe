/**
 * Text into HTML and SVG: the one escape every view that writes markup uses (the SVG plots, the web
 * app's panels), so a goroutine's function name or a program's output can never become markup.
 * Escapes the five characters that matter in text and in double- or single-quoted attributes.
 */
const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c]!);
}
