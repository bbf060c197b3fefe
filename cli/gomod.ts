/**
 * The main module: what `go run .` reads from the go.mod above a program's directory.
 *
 * cmd/go (modload.findModuleRoot) looks for go.mod in the package's directory and its parents; a
 * package in a module is compiled with the module's `go` line as its language version (-lang) and
 * carries the GODEBUG defaults of that version (load/godebug.go), and its compile errors are headed by
 * its import path ("# example.com/m", not "# command-line-arguments"). gmpsim does the same for a
 * directory it runs. `go run prog.go` names files, which go1.22+ compile as "command-line-arguments"
 * with the toolchain's own language version (checked on go1.26.8: a go.mod saying `go 1.21` beside
 * prog.go keeps per-iteration loop variables for `go run prog.go`, not for `go run .`), so a file is
 * run as before. GO111MODULE=off (GOPATH mode) reads no go.mod.
 *
 * Read: the `module` and `go` directives. Not read: `toolchain` (gmpsim's --go chooses the
 * runtime), `godebug` blocks and //go:debug lines (say them in GODEBUG), require/replace (the
 * standard library is all gmpsim links).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface MainModule {
  /** The go.mod file. */
  file: string;
  /** The module path (its `module` line). */
  path: string;
  /** The `go` line's version ("1.21"), or null when go.mod has none (cmd/go then takes 1.16). */
  go: string | null;
  /** The package's import path: the module path, and the directory below the module root. */
  importPath: string;
}

/** The module the package in `dir` belongs to, or null (no go.mod up to the root, or GOPATH mode). */
export function findMainModule(dir: string, env: Record<string, string | undefined>): MainModule | null {
  if (env['GO111MODULE'] === 'off') return null;
  const abs = path.resolve(dir);
  for (let d = abs; ; d = path.dirname(d)) {
    const file = path.join(d, 'go.mod');
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      const { module, go } = parseGoMod(fs.readFileSync(file, 'utf8'));
      const rel = path.relative(d, abs).split(path.sep).join('/');
      const mod = module ?? 'command-line-arguments';
      return { file, path: mod, go, importPath: rel === '' ? mod : `${mod}/${rel}` };
    }
    if (path.dirname(d) === d) return null;
  }
}

/** The `module` and `go` directives of a go.mod's text (modfile's syntax: comments, quoted paths, blocks elsewhere). */
export function parseGoMod(text: string): { module: string | null; go: string | null } {
  let module: string | null = null;
  let go: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^module\s+("?)([^"\s]+)\1$/.exec(line);
    if (m) module = m[2]!;
    const g = /^go\s+(\S+)$/.exec(line);
    if (g) go = g[1]!;
  }
  return { module, go };
}
