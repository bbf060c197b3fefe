/** The one HTML escape (src/views/html.ts): what the HTML spec says must not appear raw in text or quoted attributes. */
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/views/html.js';
import { wrapHtml } from '../../src/views/plot.js';

describe('escapeHtml', () => {
  it('escapes & < > and both quotes, and nothing else', () => {
    expect(escapeHtml(`a<b>&"c"'d' µs é`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; µs é');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('the plot page escapes what it is given', () => {
  it('a title with markup stays text', () => {
    const page = wrapHtml('<svg></svg>', 'run of <script>alert(1)</script> & "x"');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });
});
