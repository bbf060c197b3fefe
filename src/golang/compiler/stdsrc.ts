/**
 * Library packages written in Go (std/gosrc.ts registers their sources; core.ts `goSources`):
 * slices, maps, cmp, and Go-written members of TS packages (errors.AsType). Their functions are
 * generic, so they are compiled the way the program's generics are — stenciled per type-argument
 * list (check/generics.ts) — which gives them every rule of the language for free: `<` on any
 * ordered type, `==` on any comparable one, calls of the program's func values as Go calls.
 *
 * Per compilation, each imported Go-source package is parsed once, gets a package scope over the
 * universe (its declarations) and a file scope per file (its imports, loaded the same way), so the
 * program's names never leak into it. Its exported generic functions become package members with
 * `generic` (PkgMember), its exported types ordinary type members. Invariants: library sources
 * hold only type declarations and generic functions (a non-generic function would need a body
 * compiled whether used or not; none is needed), and a file marked `since` is skipped by earlier
 * releases' profiles. A library source that does not parse is a bug of gmpsim, reported as one.
 */
import { type Node, SourceFile, parseFile, text, kid } from './syntax.js';
import { type Compiler, type PkgMember, Scope, universe, pkgs, goSources } from '../core.js';
import { newNamed, tInt, underlying } from '../types.js';
import { newGeneric } from './check/generics.js';
import { resolveType } from './check/typexpr.js';
import { releaseAtLeast } from './operand.js';

/** The directory a library source appears to live in (tracebacks, messages): go1.26.8's GOROOT. */
const gorootSrc = '/usr/local/go/src';

function specsOf(n: Node, spec: string): Node[] {
  const direct = n.kids.filter((k) => k.name === spec);
  const list = kid(n, 'SpecList');
  return list ? direct.concat(list.kids.filter((k) => k.name === spec)) : direct;
}

/**
 * The members of package `path` as this compilation sees them: its TS members (if any) plus its
 * Go-source declarations, loading the packages its sources import first. `loaded` memoizes per
 * compilation.
 */
export function loadGoSource(c: Compiler, path: string, loaded: Map<string, Map<string, PkgMember>>): Map<string, PkgMember> {
  const have = loaded.get(path);
  if (have) return have;
  const members = new Map<string, PkgMember>(pkgs.get(path) ?? []);
  // a library package gmpsim has in part: a member it lacks is unsupported, not the program's error
  // (registry.ts subset)
  if (!members.has('$unsupported')) members.set('$unsupported', { kind: 'const', t: tInt, cv: 0 });
  loaded.set(path, members);
  const all = goSources.get(path) ?? [];
  const files = all.filter((f) => f.since === undefined || releaseAtLeast(c.release, f.since));
  // what a later release's file declares is known by name: go1.19 says `undefined: sync.OnceFunc`,
  // not that gmpsim lacks it (PkgMember.since)
  for (const f of all)
    if (!files.includes(f))
      for (const m of f.src.matchAll(/^(func|type) ([A-Z]\w*)/gm))
        if (!members.has(m[2]!)) members.set(m[2]!, { kind: m[1] === 'func' ? 'func' : 'type', t: tInt, since: f.since! });
  if (files.length === 0) return members;
  const pkgName = path.split('/').pop()!;
  const pkgScope = new Scope(universe, null);
  const types: { spec: Node; nt: ReturnType<typeof newNamed>; scope: Scope }[] = [];
  for (const f of files) {
    const sf = new SourceFile(`${gorootSrc}/${path}/${f.file}`, f.src);
    const { root, errors } = parseFile(sf);
    if (errors.length) throw new Error(`library source ${path}/${f.file} does not parse: ${errors[0]!.msg}`);
    const fs = new Scope(pkgScope, null);
    for (const d of root.kids.filter((k) => k.name === 'ImportDecl'))
      for (const sp of specsOf(d, 'ImportSpec')) {
        const ip = text(kid(sp, 'String')!).slice(1, -1);
        const alias = sp.kids.find((k) => k.name === 'DefName');
        const nm = alias ? text(alias) : ip.split('/').pop()!;
        loadGoSource(c, ip, loaded);
        fs.m.set(nm, { kind: 'pkg', name: nm, t: tInt, js: '', pkg: ip, used: true });
      }
    for (const d of root.kids) {
      if (d.name === 'TypeDecl') {
        for (const spec of specsOf(d, 'TypeSpec')) {
          const name = text(spec.kids[0]!);
          if (spec.kids.some((k) => k.name === 'TypeParams')) {
            // a generic type (iter.Seq): instantiated where the program names it (check/generics.ts instType)
            const g = newGeneric('type', name, spec, fs);
            g.pkg = pkgName;
            pkgScope.m.set(name, { kind: 'type', name, t: tInt, js: '', used: true, generic: g });
            if (/^[A-Z]/.test(name)) members.set(name, { kind: 'type', t: tInt, generic: g });
            continue;
          }
          const nt = newNamed(name, pkgName, tInt);
          pkgScope.m.set(name, { kind: 'type', name, t: nt, js: '', used: true });
          if (/^[A-Z]/.test(name)) members.set(name, { kind: 'type', t: nt });
          types.push({ spec, nt, scope: fs });
        }
      } else if (d.name === 'FunctionDecl') {
        const name = text(kid(d, 'DefName')!);
        if (!kid(d, 'TypeParams')) throw new Error(`library source ${path}/${f.file}: ${name} is not generic (library sources hold generic functions only)`);
        const g = newGeneric('func', name, d, fs);
        g.pkg = pkgName;
        pkgScope.m.set(name, { kind: 'func', name, t: tInt, js: '', used: true, generic: g });
        if (/^[A-Z]/.test(name)) members.set(name, { kind: 'func', t: tInt, generic: g });
      }
    }
  }
  // the packages the sources import must be visible (through c.pkgs) before their types resolve
  c.pkgs = new Map([...c.pkgs, ...loaded]);
  const saved = c.scope;
  try {
    for (const { spec, nt, scope } of types) {
      c.scope = scope;
      nt.under = underlying(resolveType(c, spec.kids[spec.kids.length - 1]!));
    }
  } finally {
    c.scope = saved;
  }
  return members;
}
