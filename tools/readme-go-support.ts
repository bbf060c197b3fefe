/**
 * Rewrites the Go support table in README.md ("Running Go programs") from the package modules
 * (src/golang/std/support.ts), between its markers: `npm run readme:go-support`.
 * test/golang/support.test.ts fails when the README's table differs from the generated one.
 */
import { supportBegin, supportEnd, supportTableMarkdown } from '../src/golang/std/support.js';
import { rewriteSection } from './readme-section.js';

rewriteSection('README.md', supportBegin, supportEnd, supportTableMarkdown(), 'Go support table');
