/**
 * Package io/ioutil: the deprecated names Go keeps as wrappers — ioutil.ReadFile and WriteFile are
 * os.ReadFile and os.WriteFile, ioutil.ReadAll is io.ReadAll (io/ioutil/ioutil.go). The members are
 * the very same declarations, so a call costs what the os / io call costs.
 */
import { pkgs } from '../core.js';
import { pkg } from './registry.js';
import './io.js';
import './os.js';

const member = (path: string, name: string) => pkgs.get(path)!.get(name)!;
pkg('io/ioutil', { ReadFile: member('os', 'ReadFile'), ReadAll: member('io', 'ReadAll'), WriteFile: member('os', 'WriteFile') }, true);
