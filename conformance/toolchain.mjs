// Which real Go toolchain a recorder runs: never the one that happens to be first on the PATH.
//
// Both recorders (conformance/record.mjs, gotests/record.mjs) take `--go RELEASE` (1.19, 1.26, go1.26…)
// or `--go PATH` (a go binary). A release resolves to the exact toolchain its gmpsim profile names
// (`toolchain:` in src/runtime/version.ts, e.g. go1.26.8): the candidate binaries are tried in order and
// the first whose `<bin> version` prints that toolchain is used; a path is accepted only when its
// `version` is the toolchain of one of the profiles. Either way the release decides the output directory
// (reference/go<release>/), and the references keep the full `go version` line as their stamp.
//
// No dependencies (plain Node ESM): the profiles are read from version.ts's source text, so recording
// does not need a build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const VERSION_TS = path.join(ROOT, 'src', 'runtime', 'version.ts');

/** Where each release's toolchain is looked for, in order (a bare `go` is looked up on the PATH). */
const CANDIDATES = {
  '1.19': ['/usr/lib/go-1.19/bin/go'],
  '1.26': ['/usr/local/go/bin/go', '/usr/lib/go-1.26/bin/go', path.join(process.env.HOME ?? '/root', 'sdk', 'go1.26.8', 'bin', 'go'), 'go'],
};
/** How to install a missing toolchain. */
const INSTALL = {
  '1.19': 'apt-get install golang-1.19-go   (Debian\'s package; its binary is /usr/lib/go-1.19/bin/go)',
  '1.26': 'download go1.26.8.linux-amd64.tar.gz from https://go.dev/dl/ and unpack it into /usr/local (binary /usr/local/go/bin/go)',
};

/** The profiles' release → toolchain, from src/runtime/version.ts (`release: '1.26', toolchain: 'go1.26.8'`). */
export function profileToolchains() {
  const src = fs.readFileSync(VERSION_TS, 'utf8');
  const out = {};
  for (const m of src.matchAll(/release:\s*'(\d+\.\d+)',\s*toolchain:\s*'(go[\d.]+)'/g)) out[m[1]] = m[2];
  if (Object.keys(out).length === 0) throw new Error(`no profiles found in ${VERSION_TS}`);
  return out;
}

/** "1.26", "go1.26", "1.26.8", "go1.26.8" → "1.26"; null when it is not a version. */
export function releaseOf(s) {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.\d+)?$/.exec(String(s).trim());
  return m ? `${m[1]}.${m[2]}` : null;
}

/** The toolchain a go binary reports ("go1.26.8"), its full `go version` line, or null when it does not run. */
export function goVersionOf(bin) {
  try {
    const line = execFileSync(bin, ['version'], { stdio: 'pipe', timeout: 30000, env: { ...process.env, GOTOOLCHAIN: 'local' } }).toString().trim();
    const m = /^go version (go\S+) /.exec(line);
    return m ? { toolchain: m[1], line } : null;
  } catch {
    return null;
  }
}

/**
 * resolveGo for a script's command line: on a missing or wrong toolchain, prints `who: <why and how to
 * install it>` and exits with status 2 (a usage error) instead of throwing a stack trace at the user.
 */
export function resolveGoOrExit(spec, who) {
  try {
    return resolveGo(spec);
  } catch (e) {
    console.error(`${who}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}

/**
 * Resolve `--go` (a release or a path) to { release, toolchain, bin, versionLine, outName: 'go1.26' }.
 * Throws with an explanation (and how to install the toolchain) when it cannot.
 */
export function resolveGo(spec) {
  const tc = profileToolchains();
  const known = Object.keys(tc).join(', ');
  if (spec == null || spec === '') {
    throw new Error(`say which Go toolchain to record with: --go RELEASE (one of ${known}) or --go PATH to a go binary`);
  }
  const isPath = spec.includes('/');
  if (!isPath) {
    const release = releaseOf(spec);
    if (release === null || !tc[release]) throw new Error(`--go ${spec}: gmpsim has profiles for ${known} only (src/runtime/version.ts)`);
    const want = tc[release];
    if (/^(?:go)?\d+\.\d+\.\d+$/.test(spec.trim()) && `go${spec.trim().replace(/^go/, '')}` !== want) {
      throw new Error(`--go ${spec}: the ${release} profile's toolchain is ${want} (src/runtime/version.ts)`);
    }
    const tried = [];
    for (const bin of CANDIDATES[release] ?? ['go']) {
      const v = goVersionOf(bin);
      tried.push(`${bin}: ${v ? v.toolchain : 'not found'}`);
      if (v && v.toolchain === want) return { release, toolchain: want, bin, versionLine: v.line, outName: `go${release}` };
    }
    throw new Error(`--go ${spec}: no ${want} found (${tried.join('; ')}).\nInstall it: ${INSTALL[release] ?? `a ${want} toolchain`}, or pass --go PATH.`);
  }
  const v = goVersionOf(spec);
  if (!v) throw new Error(`--go ${spec}: \`${spec} version\` does not run`);
  const release = releaseOf(v.toolchain);
  if (!release || tc[release] !== v.toolchain) {
    throw new Error(`--go ${spec} is ${v.toolchain}, which is no profile's toolchain (${Object.values(tc).join(', ')}; src/runtime/version.ts)`);
  }
  return { release, toolchain: v.toolchain, bin: spec, versionLine: v.line, outName: `go${release}` };
}
