/**
 * Package net/url: URL parsing and printing with net/url's rules (RFC 3986 as Go applies it) —
 * Parse (scheme, opaque part, authority with userinfo and host:port, path with RawPath, query,
 * fragment), URL.String, Query/ParseQuery and Values (Get, Set, Add, Del, Has, Encode),
 * QueryEscape/QueryUnescape, PathEscape/PathUnescape, User/UserPassword, Hostname, Port,
 * EscapedPath, EscapedFragment, IsAbs. The escaping modes are net/url's (shouldEscape per mode:
 * path, path segment, host, userinfo, query component, fragment); errors are *url.Error texts
 * (`parse "x": invalid port ":y" after host`) and EscapeError's (`invalid URL escape "%zz"`).
 *
 * A URL is a native struct (its fields readable and settable by the program, go1.19's field
 * order) whose methods are the JS class's; Values is a named map[string][]string whose methods are
 * JS functions of the map.
 *
 * Simplified: a URL value is not copied on assignment (programs use *url.URL); no
 * ResolveReference, JoinPath, Redacted, RequestURI, ParseRequestURI; IPv6 zone identifiers are
 * not validated; the URL's field order is go1.19's (go1.26 moved Fragment up) — visible only in
 * %v of a URL value.
 */
import { tBool, tString, newNamed } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, T, fn, sl, ptr, native, method, jsMethod, subset } from './registry.js';
import { ErrorString, tErrorStringPtr } from './errors.js';
import { sprintf } from '../rt/format.js';
import { type Slice, sliceLit, sliceToArray, append } from '../rt/slices.js';
import type { Iface } from '../rt/values.js';
import { plainPanic } from '../rt/panics.js';

/** The escaping modes (net/url's encoding). */
const enum Mode {
  Path = 1,
  PathSegment,
  Host,
  Zone,
  UserPassword,
  QueryComponent,
  Fragment,
}

const quote = (s: string): string => sprintf('%q', [{ t: tString, v: s }]);
const isAlnum = (c: string): boolean => /^[a-zA-Z0-9]$/.test(c);

/** net/url's shouldEscape: must byte c be %-escaped in this mode? */
function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if ((mode === Mode.Host || mode === Mode.Zone) && `!$&'()*+,;=:[]<>"`.includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case Mode.Path:
        return c === '?';
      case Mode.PathSegment:
        return c === '/' || c === ';' || c === ',' || c === '?';
      case Mode.UserPassword:
        return c === '@' || c === '/' || c === '?' || c === ':';
      case Mode.QueryComponent:
        return true;
      case Mode.Fragment:
        return false;
    }
  }
  if (mode === Mode.Fragment && '!()*'.includes(c)) return false;
  return true;
}
/** net/url's escape: bytes to %XX (upper-case hex), a space to '+' in query components. */
function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of s) {
    if (c === ' ' && mode === Mode.QueryComponent) out += '+';
    else if (shouldEscape(c, mode)) out += '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    else out += c;
  }
  return out;
}
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** url.EscapeError and InvalidHostError as their texts. */
class EscapeError extends Error {}
/** net/url's unescape: %XX decoded ('+' is a space in query components); the reason it failed, thrown. */
function unescape(s: string, mode: Mode): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === '%') {
      if (!isHex(s[i + 1]) || !isHex(s[i + 2])) throw new EscapeError(`invalid URL escape ${quote(s.slice(i, i + 3))}`);
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      if (mode === Mode.Host && v < 0x80 && s.slice(i, i + 3) !== '%25' && parseInt(s[i + 1]!, 16) < 8) throw new EscapeError(`invalid URL escape ${quote(s.slice(i, i + 3))}`);
      out += String.fromCharCode(v);
      i += 3;
      continue;
    }
    if (c === '+') out += mode === Mode.QueryComponent ? ' ' : '+';
    else {
      if ((mode === Mode.Host || mode === Mode.Zone) && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) throw new EscapeError(`invalid character ${quote(c)} in host name`);
      out += c;
    }
    i++;
  }
  return out;
}

/** url.Userinfo: a username and an optional password (immutable). */
export class Userinfo {
  constructor(
    readonly username: string,
    readonly password: string,
    readonly passwordSet: boolean,
  ) {}
  Username(): string {
    return this.username;
  }
  Password(): [string, boolean] {
    return [this.password, this.passwordSet];
  }
  String(): string {
    return escape(this.username, Mode.UserPassword) + (this.passwordSet ? ':' + escape(this.password, Mode.UserPassword) : '');
  }
}

/** url.URL (go1.19's field order). */
export class URL {
  constructor(
    public Scheme = '',
    public Opaque = '',
    public User: Userinfo | null = null,
    public Host = '',
    public Path = '',
    public RawPath = '',
    public OmitHost = false,
    public ForceQuery = false,
    public RawQuery = '',
    public Fragment = '',
    public RawFragment = '',
  ) {}
  EscapedPath(): string {
    if (this.RawPath !== '' && validEncoded(this.RawPath, Mode.Path)) {
      try {
        if (unescape(this.RawPath, Mode.Path) === this.Path) return this.RawPath;
      } catch {
        // an invalid RawPath is ignored
      }
    }
    if (this.Path === '*') return '*';
    return escape(this.Path, Mode.Path);
  }
  EscapedFragment(): string {
    if (this.RawFragment !== '' && validEncoded(this.RawFragment, Mode.Fragment)) {
      try {
        if (unescape(this.RawFragment, Mode.Fragment) === this.Fragment) return this.RawFragment;
      } catch {
        // an invalid RawFragment is ignored
      }
    }
    return escape(this.Fragment, Mode.Fragment);
  }
  String(): string {
    let buf = '';
    if (this.Opaque !== '') buf = (this.Scheme !== '' ? this.Scheme + ':' : '') + this.Opaque;
    else {
      if (this.Scheme !== '') buf += this.Scheme + ':';
      if (this.Scheme !== '' || this.Host !== '' || this.User !== null) {
        if (!(this.OmitHost && this.Host === '' && this.User === null)) {
          if (this.Host !== '' || this.Path !== '' || this.User !== null) buf += '//';
          if (this.User !== null) buf += this.User.String() + '@';
          if (this.Host !== '') buf += escape(this.Host, Mode.Host);
        }
      }
      const path = this.EscapedPath();
      if (path !== '' && path[0] !== '/' && this.Host !== '') buf += '/';
      if (buf === '') {
        // a first path segment with a colon would read as a scheme: "./" before it
        const seg = path.split('/')[0]!;
        if (seg.includes(':')) buf += './';
      }
      buf += path;
    }
    if (this.ForceQuery || this.RawQuery !== '') buf += '?' + this.RawQuery;
    if (this.Fragment !== '') buf += '#' + this.EscapedFragment();
    return buf;
  }
  Query(): Map<string, Slice> {
    return parseQuery(this.RawQuery)[0];
  }
  Hostname(): string {
    const [host] = splitHostPort(this.Host);
    return host;
  }
  Port(): string {
    return splitHostPort(this.Host)[1];
  }
  IsAbs(): boolean {
    return this.Scheme !== '';
  }
}
/** url.URL's splitHostPort (no validation): host without brackets, port without ':'. */
function splitHostPort(hostPort: string): [string, string] {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) [host, port] = [host.slice(0, colon), host.slice(colon + 1)];
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return [host, port];
}
/** ":" followed by digits, or "". */
const validOptionalPort = (port: string): boolean => port === '' || /^:[0-9]*$/.test(port);
/** Is s a valid escaping of itself in this mode (net/url's validEncoded)? */
function validEncoded(s: string, mode: Mode): boolean {
  for (const c of s) {
    if ("!$&'()*+,;=:@[]".includes(c) || c === '%') continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

/** *url.Error's text: `parse "raw": why`. */
class ParseError extends Error {}

/** url.Parse: the URL, or the *url.Error's text thrown as a ParseError. */
function parseURL(raw: string): URL {
  const hash = raw.indexOf('#');
  const [u, frag] = hash < 0 ? [raw, null] : [raw.slice(0, hash), raw.slice(hash + 1)];
  const url = parse(raw, u);
  if (frag !== null) {
    try {
      url.Fragment = unescape(frag, Mode.Fragment);
    } catch (e) {
      throw new ParseError(`parse ${quote(raw)}: ${(e as Error).message}`);
    }
    url.RawFragment = escape(url.Fragment, Mode.Fragment) === frag ? '' : frag;
  }
  return url;
}
function parse(whole: string, raw: string): URL {
  const fail = (why: string): never => {
    throw new ParseError(`parse ${quote(whole)}: ${why}`);
  };
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) fail('net/url: invalid control character in URL');
  const url = new URL();
  if (raw === '*') {
    url.Path = '*';
    return url;
  }
  // the scheme: a letter, then letters, digits, + - . up to the first ':'
  let rest = raw;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) fail('missing protocol scheme');
      url.Scheme = raw.slice(0, i).toLowerCase();
      rest = raw.slice(i + 1);
    }
    break;
  }
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.ForceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) [rest, url.RawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  }
  if (!rest.startsWith('/')) {
    if (url.Scheme !== '') {
      url.Opaque = rest;
      return url;
    }
    const slash = rest.indexOf('/');
    const seg = slash < 0 ? rest : rest.slice(0, slash);
    if (seg.includes(':')) fail('first path segment in URL cannot contain colon');
  }
  if ((url.Scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    try {
      [url.User, url.Host] = parseAuthority(authority);
    } catch (e) {
      fail((e as Error).message);
    }
  } else if (url.Scheme !== '' && rest.startsWith('/')) url.OmitHost = true;
  try {
    url.Path = unescape(rest, Mode.Path);
  } catch (e) {
    fail((e as Error).message);
  }
  url.RawPath = escape(url.Path, Mode.Path) === rest ? '' : rest;
  return url;
}
function parseAuthority(authority: string): [Userinfo | null, string] {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return [null, host];
  const userinfo = authority.slice(0, at);
  if (!/^[a-zA-Z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new EscapeError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return [new Userinfo(unescape(userinfo, Mode.UserPassword), '', false), host];
  return [new Userinfo(unescape(userinfo.slice(0, colon), Mode.UserPassword), unescape(userinfo.slice(colon + 1), Mode.UserPassword), true), host];
}
function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const end = host.lastIndexOf(']');
    if (end < 0) throw new EscapeError(`missing ']' in host`);
    const colonPort = host.slice(end + 1);
    if (!validOptionalPort(colonPort)) throw new EscapeError(`invalid port ${quote(colonPort)} after host`);
    return unescape(host, Mode.Host);
  }
  const colon = host.lastIndexOf(':');
  if (colon !== -1) {
    const colonPort = host.slice(colon);
    if (!validOptionalPort(colonPort)) throw new EscapeError(`invalid port ${quote(colonPort)} after host`);
  }
  return unescape(host, Mode.Host);
}

/** url.Parse. */
export function Parse(raw: string): [URL | null, Iface | null] {
  try {
    return [parseURL(raw), null];
  } catch (e) {
    if (e instanceof ParseError) return [null, urlError(e.message)];
    throw e;
  }
}
/** A *url.Error (its text; the dynamic type is errors' *errorString here). */
const urlError = (text: string): Iface => ({ t: tErrorStringPtr, v: new ErrorString(text) });

/** url.ParseQuery: the values (all of them, the bad ones left out) and the first error. */
function parseQuery(query: string): [Map<string, Slice>, Iface | null] {
  const m = new Map<string, Slice>();
  let err: Iface | null = null;
  for (const part of query.split('&')) {
    if (part === '') continue;
    if (part.includes(';')) {
      err ??= urlError('invalid semicolon separator in query');
      continue;
    }
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    try {
      const key = unescape(k, Mode.QueryComponent);
      const val = unescape(v, Mode.QueryComponent);
      m.set(key, append(m.get(key) ?? null, [val], 16, ''));
    } catch (e) {
      if (!(e instanceof EscapeError)) throw e;
      err ??= urlError(e.message);
    }
  }
  return [m, err];
}
export function ParseQuery(query: string): [Map<string, Slice>, Iface | null] {
  return parseQuery(query);
}
/** Values.Encode: "k=v&…" sorted by key, escaped as query components. */
export function encodeValues(m: Map<string, Slice | null> | null): string {
  if (m === null) return '';
  const out: string[] = [];
  for (const k of [...m.keys()].sort()) for (const v of sliceToArray(m.get(k) ?? null) as string[]) out.push(`${escape(k, Mode.QueryComponent)}=${escape(v, Mode.QueryComponent)}`);
  return out.join('&');
}
export function valuesGet(m: Map<string, Slice | null> | null, k: string): string {
  const vs = m?.get(k);
  return vs ? ((sliceToArray(vs)[0] as string | undefined) ?? '') : '';
}
export function valuesAdd(m: Map<string, Slice | null> | null, k: string, v: string): void {
  if (m === null) throw plainPanic('assignment to entry in nil map');
  m.set(k, append(m.get(k) ?? null, [v], 16, ''));
}
export function valuesSet(m: Map<string, Slice | null> | null, k: string, v: string): void {
  if (m === null) throw plainPanic('assignment to entry in nil map');
  m.set(k, sliceLit([v]));
}
/** The result of an unescaping function: the text, or "" and the EscapeError. */
function unescaped(s: string, mode: Mode): [string, Iface | null] {
  try {
    return [unescape(s, mode), null];
  } catch (e) {
    if (!(e instanceof EscapeError)) throw e;
    return ['', urlError(e.message)];
  }
}
export const QueryEscape = (s: string): string => escape(s, Mode.QueryComponent);
export const PathEscape = (s: string): string => escape(s, Mode.PathSegment);
export const QueryUnescape = (s: string): [string, Iface | null] => unescaped(s, Mode.QueryComponent);
export const PathUnescape = (s: string): [string, Iface | null] => unescaped(s, Mode.PathSegment);

export const tUserinfo = native('Userinfo', 'url', '$P.net_url.Userinfo');
method(tUserinfo, 'Username', fn([], [tString]), false);
method(tUserinfo, 'Password', fn([], [tString, tBool]), false);
method(tUserinfo, 'String', fn([], [tString]), false);
const tUserinfoPtr = globalTypes.intern(ptr(tUserinfo));
const S = tString;
const field = (name: string, type: typeof S | typeof tBool | typeof tUserinfoPtr) => ({ name, type, embedded: false, js: name });
export const tValues = newNamed('Values', 'url', globalTypes.intern({ k: 'map', key: S, elem: sl(S) }));
jsMethod(tValues, 'Get', fn([S], [S]), '$P.net_url.valuesGet');
jsMethod(tValues, 'Set', fn([S, S]), '$P.net_url.valuesSet');
jsMethod(tValues, 'Add', fn([S, S]), '$P.net_url.valuesAdd');
jsMethod(tValues, 'Del', fn([S]), '((m, k) => { if (m !== null) m.delete(k); })');
jsMethod(tValues, 'Has', fn([S], [tBool]), '((m, k) => m !== null && m.has(k))');
jsMethod(tValues, 'Encode', fn([], [S]), '$P.net_url.encodeValues');
export const tURL = native(
  'URL',
  'url',
  '$P.net_url.URL',
  globalTypes.intern({
    k: 'struct',
    fields: [field('Scheme', S), field('Opaque', S), field('User', tUserinfoPtr), field('Host', S), field('Path', S), field('RawPath', S), field('OmitHost', tBool), field('ForceQuery', tBool), field('RawQuery', S), field('Fragment', S), field('RawFragment', S)],
  }) as never,
);
const tURLPtr = globalTypes.intern(ptr(tURL));
method(tURL, 'String', fn([], [S]), false);
method(tURL, 'EscapedPath', fn([], [S]), false);
method(tURL, 'EscapedFragment', fn([], [S]), false);
method(tURL, 'Query', fn([], [tValues]), false);
method(tURL, 'Hostname', fn([], [S]), false);
method(tURL, 'Port', fn([], [S]), false);
method(tURL, 'IsAbs', fn([], [tBool]), false);

pkg('net/url', {
  URL: T(tURL),
  Userinfo: T(tUserinfo),
  Values: T(tValues),
  Parse: F(fn([S], [tURLPtr, tError]), (a) => `$P.net_url.Parse(${a[0]})`),
  ParseQuery: F(fn([S], [tValues, tError]), (a) => `$P.net_url.ParseQuery(${a[0]})`),
  QueryEscape: F(fn([S], [S]), (a) => `$P.net_url.QueryEscape(${a[0]})`),
  QueryUnescape: F(fn([S], [S, tError]), (a) => `$P.net_url.QueryUnescape(${a[0]})`),
  PathEscape: F(fn([S], [S]), (a) => `$P.net_url.PathEscape(${a[0]})`),
  PathUnescape: F(fn([S], [S, tError]), (a) => `$P.net_url.PathUnescape(${a[0]})`),
  User: F(fn([S], [tUserinfoPtr]), (a) => `new $P.net_url.Userinfo(${a[0]}, '', false)`),
  UserPassword: F(fn([S, S], [tUserinfoPtr]), (a) => `new $P.net_url.Userinfo(${a[0]}, ${a[1]}, true)`),
  $unsupported: subset(),
});
