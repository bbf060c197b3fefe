/**
 * regexp's translation refuses what it cannot map (std/regexp.ts): a clear `unsupported:` error
 * from Compile, never a JavaScript RegExp that would match differently. Go's own syntax errors are
 * checked against real Go by gotests/std_regexp.go.
 */
import { describe, it, expect } from 'vitest';
import { Compile } from '../../src/golang/std/regexp.js';
import '../../src/golang/std/index.js';

const errText = (expr: string): string | null => {
  const [, err] = Compile(expr);
  return err === null ? null : (err.v as { s: string }).s;
};

describe('regexp: RE2 syntax outside the translation is refused', () => {
  it('Unicode classes, flags inside the pattern, non-ASCII in a class, the U flag', () => {
    expect(errText('\\pL+')).toMatch(/^unsupported: Unicode character classes \(\\p\) on Go's byte strings in regular expression "\\\\pL\+"/);
    expect(errText('a(?i)b')).toMatch(/^unsupported: flags inside the pattern/);
    expect(errText('[é]')).toMatch(/^unsupported: non-ASCII characters inside a character class/);
    expect(errText('(?U)a+')).toMatch(/^unsupported: the U \(ungreedy\) flag/);
  });
  it('accepts what it maps', () => {
    for (const e of ['p([a-z]+)ch', '(?P<x>\\d+)', '(?is)^a.b$', '[[:alpha:]_]+', '\\Qa.b\\E', 'a\\z']) expect(errText(e)).toBeNull();
  });
});
