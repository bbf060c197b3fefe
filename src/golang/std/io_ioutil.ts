/**
 * Package io/ioutil: the deprecated names Go keeps as wrappers — ioutil.ReadFile and WriteFile are
 * os.ReadFile and os.WriteFile, ioutil.ReadAll is io.ReadAll (io/ioutil/ioutil.go), TempDir and
 * TempFile are os.MkdirTemp and os.CreateTemp (io/ioutil/tempfile.go). The members are
 * the very same declarations, so a call costs what the os / io call costs. ReadDir returns
 * []fs.FileInfo sorted by name (os.ts ioutilReadDir).
 */
import { pkgs } from '../core.js';
import { pkg, F, fn, sl, subset } from './registry.js';
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
    // ioutil.TempDir and TempFile are os.MkdirTemp and os.CreateTemp (io/ioutil/tempfile.go)
    TempDir: member('os', 'MkdirTemp'),
    TempFile: member('os', 'CreateTemp'),
    // []fs.FileInfo sorted by name (os.ts ioutilReadDir)
    ReadDir: F(fn([tString], [sl(tFileInfo), tError]), (a) => `(yield* $P.os.ioutilReadDir($proc, ${a[0]}))`),
    $unsupported: subset(),
  },
  true,
);
