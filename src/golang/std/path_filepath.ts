/**
 * Package path/filepath: on Linux (the platform simulated) Join, Base and Dir are package path's
 * algorithms with '/' as the separator, so the members are path's declarations (std/path.ts).
 *
 * Simplified: no Walk, Glob, Abs, Rel, Ext.
 */
import { members } from './path.js';
import { pkg, subset } from './registry.js';

pkg('path/filepath', { Join: members.Join, Base: members.Base, Dir: members.Dir, $unsupported: subset() });
