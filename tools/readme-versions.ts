/**
 * Rewrites the Go versions table in README.md and cli/README-cli.md from the profile definitions
 * (src/runtime/version.ts via src/views/versions.ts), between their markers: `npm run readme:versions`.
 * test/docs/versions.test.ts fails when a checked-in table differs from the generated one.
 */
import { versionsBegin, versionsEnd, versionTableMarkdown } from '../src/views/versions.js';
import { rewriteSection } from './readme-section.js';

for (const name of ['README.md', 'cli/README-cli.md']) rewriteSection(name, versionsBegin, versionsEnd, versionTableMarkdown(), 'Go versions table');
