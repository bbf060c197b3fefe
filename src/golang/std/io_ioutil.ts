/**
 * Package io/ioutil: the deprecated names Go keeps as wrappers — ioutil.ReadFile and WriteFile are
 * os.ReadFile and os.WriteFile, ioutil.ReadAll is io.ReadAll (io/ioutil/ioutil.go). The members are
 * the very same declarations, so a call costs what the os / io call costs. ReadDir returns
 * []fs.FileInfo sorted by name (os.ts ioutilReadDir).
 */
import { pkgs } from '../core.js';
import { pkg, F, fn, sl } from './registry.js';
import { tString } from '../types.js';
import { tError } from '../core.js';
import './io.js';
import { tFileInfo } from './os.js';

const member = (path: string, name: string) => pkgs.get(path)!.get(name)!;
pkg(
  'io/ioutil',
  {
    ReadFile: member('os', 'ReadFile'),
    ReadAll: member('io', 'ReadAll'),
    WriteFile: member('os', 'WriteFile'),
    // []fs.FileInfo sorted by name (os.ts ioutilReadDir)
    ReadDir: F(fn([tString], [sl(tFileInfo), tError]), (a) => `(yield* $P.os.ioutilReadDir($proc, ${a[0]}))`),
  },
  true,
);
