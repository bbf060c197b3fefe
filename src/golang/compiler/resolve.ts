/**
 * The resolve pass (go/types' resolver.go, collectObjects): parses the files (syntax.ts), checks
 * their package clauses, gives each file its scope of imports, lists the package-level
 * declarations in source order with the file scope each is resolved in, declares the package's
 * type names (so types may refer to each other in any order; a generic type is declared as a
 * Generic, instantiated on use), and finds the package-level
 * variables whose address is taken (they live in Boxes). What it returns is the Package the
 * checking and emitting pass (program.ts) compiles.
 *
 * Errors: syntax errors, `package X is not a main package`, unknown imports — each stage stops the
 * compilation when it found any, as go1.19's compiler does (later passes would only add noise).
 * Imports of Go packages the release has but gmpsim's library lacks are `unsupported:` (std/goroot.ts
 * lists each release's packages); a package newer than the release (slices under go1.19) is the
 * release's own "not in GOROOT" / "not in std" error.
 */
import { type Node, SourceFile, parseFile, text, kid } from './syntax.js';
import { type Compiler, type Obj, type PkgMember, Scope, pkgs, linksOSPkgs, goSources, pkgSince } from '../core.js';
import { type NamedType, newNamed, tInt } from '../types.js';
import { cgoMember, cgoUnmodelled, cPkg } from '../std/index.js';
import { newGeneric } from './check/generics.js';
import { loadGoSource } from './stdsrc.js';
import { releaseAtLeast } from './operand.js';
import { gorootPackages } from '../std/goroot.js';

/** The program's package as the resolver leaves it. */
export interface Package {
  /** Each file's syntax tree. */
  roots: Node[];
  /** The import declarations: the package object in its file scope (its `used` flag is set by the checker). */
  /** Each named import: its object, the spec (errors point at its start: the alias when there is one), path, alias. */
  importObjs: { o: Obj; n: Node; path: string; alias: string | null }[];
  /** Package os is linked (RunOptions.linksOS). */
  linksOS: boolean;
  /** Package-level declarations in source order, each with the scope of its file. */
  decls: { n: Node; scope: Scope }[];
  /** Type declarations: a defined type's NamedType (its underlying type resolved later), null for an alias. */
  typeSpecs: { spec: Node; nt: NamedType | null; scope: Scope }[];
  /** Package-level variables whose address is taken (&x) somewhere. */
  addrTaken: Set<string>;
  /** Constant declarations that use package variables: checked once the variables are (check/decls.ts). */
  afterVars: { n: Node; scope: Scope }[];
}

/** The specs of a declaration (`var x = 1` or `var ( … )`). */
export function specs(n: Node, spec: string): Node[] {
  const direct = n.kids.filter((k) => k.name === spec);
  const list = kid(n, 'SpecList');
  return list ? direct.concat(list.kids.filter((k) => k.name === spec)) : direct;
}

export function resolve(c: Compiler, files: { name: string; text: string }[], cgo: Record<string, number>, cgoDefault: number): Package | null {
  const roots: Node[] = [];
  for (const f of files) {
    const sf = new SourceFile(f.name, f.text);
    c.files.push(sf);
    const { root, errors } = parseFile(sf);
    for (const e of errors) c.errors.push({ node: null, file: sf, from: e.from, msg: e.msg });
    roots.push(root);
  }
  if (c.errors.length) return null;
  for (const r of roots) {
    const pc = kid(r, 'PackageClause');
    if (!pc || text(pc.kids[pc.kids.length - 1]!) !== 'main') c.err(pc ?? r, `package ${pc ? text(pc.kids[pc.kids.length - 1]!) : '?'} is not a main package`);
  }
  if (c.errors.length) return null;
  // ---- imports (file scopes)
  const fileScope = new Map<Node, Scope>();
  let linksOS = false;
  const importObjs: { o: Obj; n: Node; path: string; alias: string | null }[] = [];
  for (const r of roots) {
    const fs = new Scope(c.pkgScope, null);
    fileScope.set(r, fs);
    for (const d of r.kids.filter((k) => k.name === 'ImportDecl'))
      for (const sp of specs(d, 'ImportSpec')) {
        const s = kid(sp, 'String')!;
        const path = text(s).slice(1, -1);
        const alias = sp.kids.find((k) => k.name === 'DefName');
        if (/^\.\s/.test(text(sp))) c.unsupported(sp, 'dot imports');
        const since = pkgSince.get(path);
        const inRelease = gorootPackages[c.release].has(path);
        if ((!pkgs.has(path) && !goSources.has(path)) || (since !== undefined && !releaseAtLeast(c.release, since))) {
          // a package of the release that gmpsim's library lacks, or the release's own error
          if (inRelease) c.unsupported(s, `package ${path} (Go ${c.release} has it; gmpsim's library does not)`);
          c.err(s, c.release === '1.19' ? `package ${path} is not in GOROOT (/usr/lib/go-1.19/src/${path})` : `package ${path} is not in std (/usr/local/go/src/${path})`);
          continue;
        }
        c.linked.add(path);
        if (linksOSPkgs.has(path)) linksOS = true;
        const name = alias ? text(alias) : path.split('/').pop()!;
        if (name === '_' || name === '.') {
          if (name === '.') c.unsupported(sp, 'dot imports');
          continue;
        }
        const o: Obj = { kind: 'pkg', name, t: tInt, js: '', pkg: path, used: path === 'C', node: s };
        fs.m.set(name, o);
        importObjs.push({ o, n: sp, path, alias: alias ? name : null });
      }
  }
  // the only errors of the loop above are imports the release lacks (the checks before it returned on any)
  if (c.errors.length) {
    c.importFailed = true;
    return null;
  }
  // cgo members are resolved lazily, with this compilation's durations: its own view of package C
  const cWarned = new Set<string>();
  const cproxy = new Proxy(cPkg, {
    get(target, prop) {
      if (prop === 'get')
        return (name: string) => {
          const m = target.get(name);
          if (m !== undefined || name === '$unsupported') return m;
          // gmpsim does not run C code: say so once for each C function whose result is made up
          if (cgoUnmodelled(name) && cgo[name] === undefined && !cWarned.has(name)) {
            cWarned.add(name);
            c.warnings.push(`C.${name}: gmpsim does not run C code: each call is a cgo call (entersyscall … exitsyscall) of ${cgoDefault} ns that returns 0; CompileOptions.cgo sets its duration`);
          }
          return cgoMember(name, cgo, cgoDefault);
        };
      if (prop === 'has') return (name: string) => name !== '$unsupported' || target.has(name);
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  c.pkgs = new Map(pkgs).set('C', cproxy);
  // library packages written in Go (and Go-written members of TS packages): this compilation's view
  const loaded = new Map<string, Map<string, PkgMember>>();
  for (const { path } of importObjs) if (goSources.has(path)) loadGoSource(c, path, loaded);
  if (loaded.size) c.pkgs = new Map([...c.pkgs, ...loaded]);
  // ---- declarations
  const decls: { n: Node; scope: Scope }[] = [];
  for (const r of roots) for (const d of r.kids) if (['TypeDecl', 'ConstDecl', 'VarDecl', 'FunctionDecl', 'MethodDecl'].includes(d.name)) decls.push({ n: d, scope: fileScope.get(r)! });
  // types: declare names first, then resolve
  const typeSpecs: { spec: Node; nt: NamedType | null; scope: Scope }[] = [];
  for (const { n, scope } of decls)
    if (n.name === 'TypeDecl')
      for (const spec of specs(n, 'TypeSpec')) {
        const dn = spec.kids[0]!;
        if (spec.kids.some((k) => k.name === 'TypeParams')) {
          // a generic type: instantiated on use (check/generics.ts)
          c.pkgScope.m.set(text(dn), { kind: 'type', name: text(dn), t: tInt, js: '', node: dn, used: true, generic: newGeneric('type', text(dn), spec, scope) });
          continue;
        }
        const alias = spec.kids.some((k) => k.name === '=');
        const nt = alias ? null : newNamed(text(dn), 'main', tInt);
        if (nt) {
          c.named.push(nt);
          c.pkgScope.m.set(text(dn), { kind: 'type', name: text(dn), t: nt, js: '', node: dn, used: true });
        }
        typeSpecs.push({ spec, nt, scope });
      }
  // globals whose address is taken anywhere are boxed
  const addrTaken = new Set<string>();
  const scanAddr = (n: Node): void => {
    if (n.name === 'UnaryExp' && text(n.kids[0]!) === '&' && n.kids[1]?.name === 'VariableName') addrTaken.add(text(n.kids[1]));
    for (const k of n.kids) scanAddr(k);
  };
  roots.forEach(scanAddr);
  return { roots, importObjs, linksOS, decls, typeSpecs, addrTaken, afterVars: [] };
}
