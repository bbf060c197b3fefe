/**
 * Package net/http: HTTP/1.1 servers and clients over the simulated loopback TCP of std/net.ts, with
 * the goroutines, netpoller parks and write syscalls real Go's net/http makes, and real HTTP/1.1
 * bytes on the simulated connections (the wire format read from go1.19.8's and go1.26.8's
 * net/http sources — server.go, transfer.go, request.go, transport.go, sniff.go, status.go — and
 * written here from that reading).
 *
 * THE GOROUTINES (what the scheduler sees, as in Go):
 * - Server.Serve runs the accept loop in its caller's goroutine (Accept parks in the netpoller) and
 *   starts one goroutine per connection, `net/http.(*conn).serve`, created by
 *   `net/http.(*Server).Serve` (server.go `go c.serve(connCtx)`). That goroutine reads a request
 *   (its read(2)s park in the netpoller until the client's bytes arrive after the loopback latency),
 *   starts, for a request without a body, the background read goroutine `(*connReader).backgroundRead`
 *   (server.go startBackgroundRead: parked in the netpoller while the handler runs, woken by
 *   abortPendingRead once the response is out), calls the handler, writes the response through Go's two buffers (the 2048-byte `w.w` that decides
 *   between Content-Length and chunked, the 4096-byte `conn.bufw` whose flushes are the write(2)
 *   syscalls), and loops for the next request of the keep-alive connection.
 * - A client's Transport keeps idle connections per host:port and, for each connection it dials,
 *   starts `net/http.(*persistConn).readLoop` and `writeLoop`, created by
 *   `net/http.(*Transport).dialConn` (transport.go). A round trip hands the request to writeLoop
 *   (writech), its response channel to readLoop (reqch), then waits for the write's result and the
 *   response; readLoop parks on the idle connection (Peek), parses the response, and puts the
 *   connection back in the idle pool when the body has been read to EOF (waitForBodyRead / eofc
 *   handshake with the caller, transport.go bodyEOFSignal), or closes it when the body is closed
 *   early. The next request on the same host reuses it: keep-alive.
 *
 * THE BYTES. Requests: `GET /path HTTP/1.1`, Host, User-Agent (default `Go-http-client/1.1`),
 * Content-Length or `Transfer-Encoding: chunked` (a body of unknown length), the request's headers
 * sorted by key, `Accept-Encoding: gzip` (the Transport's, unless the request has one, a Range, or
 * is HEAD). Responses: the status line (`HTTP/1.1 404 Not Found`), the handler's headers sorted by
 * key, then Date, Content-Length, Content-Type (DetectContentType of the first bytes when the
 * handler set none: `text/plain; charset=utf-8`, `text/html; charset=utf-8`…), Connection,
 * Transfer-Encoding. A handler that writes at most 2048 bytes gets Content-Length; more, chunked.
 *
 * ROUTING. ServeMux follows the release: go1.19's rules (exact paths, longest `/`-suffixed prefix,
 * host-specific patterns, the `/tree` → `/tree/` and path-cleaning 301 redirects), and Go 1.22's
 * patterns (`[METHOD ][HOST]/path/{name}/{rest...}`, `{$}`, 405 with Allow, PathValue) on releases
 * ≥ 1.22 unless GODEBUG=httpmuxgo121=1. Note that real go1.26 builds in GOPATH mode
 * (GO111MODULE=off) default to httpmuxgo121=1 (their default GODEBUG is Go 1.20's); a module whose
 * go.mod says go ≥ 1.22 gets the new patterns, which is what the 1.26 profile follows.
 *
 * CPU TIME. What the stack itself computes per request (parsing, header maps, the Request and
 * Response objects, the mux, bufio) is charged as Work on the goroutine that does it: the server's
 * conn goroutine (GoCpuCosts.httpServerReq) and the client's caller/readLoop (httpClientReq) —
 * PROVISIONAL figures measured on go1.19.8/go1.26.8 on a loaded machine (see cost.ts), to be
 * re-measured on a quiet one. The handler's own code is charged by its statements; the syscalls
 * and loopback latency by std/net.ts's costs.
 *
 * Run state (DefaultServeMux, DefaultClient's Transport and its idle pool) is in the Process
 * (`httpState`), never in this module.
 *
 * SIMPLIFIED: no TLS (an https URL is dialled as plain TCP to port 443, which nothing listens on:
 * the dial is refused), no DNS — a Dial to any host but the loopback is refused, as std/net.ts
 * does (`dial tcp example.com:80: connect: connection refused`); no HTTP/2, gzip, cookies,
 * multipart forms, proxies, 100-continue, trailers; no background read for a request with a body
 * (Go starts it when the handler has read the body to EOF); timeouts (Server.ReadTimeout…, Client.Timeout) are accepted and not enforced; a
 * handler's panic is not recovered (Go logs it and closes the connection); a second WriteHeader
 * is ignored without Go's "superfluous" log line; Server.Shutdown polls its connections every
 * 500 ms without Go's jitter; a mux's conflicting 1.22 patterns are not detected (the more
 * specific one, by segment, wins); request bodies are read whole before they are sent.
 */
import { K, type Op } from '../../workload/ops.js';
import { Chan } from '../../runtime/chan.js';
import { type Type, type NamedType, tBool, tInt, tString, tInt64, newNamed } from '../types.js';
import { globalTypes, tError, type Compiler } from '../core.js';
import type { GoRelease } from '../../runtime/version.js';
import type { Process } from './process.js';
import { pkg, F, T, V, C, fn, sl, ptr, tBytes, native, method, jsMethod, subset } from './registry.js';
import { ErrorString, tErrorStringPtr, newError } from './errors.js';
import { EOF, ErrUnexpectedEOF, tReader, tReadCloser, read as ioRead } from './io.js';
import { Conn, Listener, Listen, Dial, tListener } from './net.js';
import { URL, Parse as parseURL, ParseQuery, tURL, tValues } from './net_url.js';
import { tContext, Background, WithCancel, type Ctx } from './context.js';
import { tDuration, wallAt, format as timeFormat } from './time.js';
import { tStringsReader } from './strings.js';
import { tBuffer } from './bytes.js';
import { type Slice, makeBytes, reslice, sliceLit, sliceToArray, append } from '../rt/slices.js';
import { bytesToString, stringToBytes } from '../rt/strings.js';
import type { Iface } from '../rt/values.js';
import { Body, GoPanic } from '../rt/goroutine.js';
import { nilDeref } from '../rt/panics.js';

type Go<T = void> = Generator<Op, T, unknown>;
type MethodTable = Record<string, (...a: unknown[]) => Go<unknown>>;
type HeaderMap = Map<string, Slice | null>;

// ---------------------------------------------------------------- sizes and texts (Go's sources)

/** server.go bufferBeforeChunkingSize: the handler's buffer (`w.w`); more than this is chunked. */
const bufferBeforeChunkingSize = 2048;
/** bufio's defaultBufSize: the connection's read and write buffers (server.go newBufioReader/Writer, transport.go). */
const connBufSize = 4096;
/** transport.go DefaultMaxIdleConnsPerHost. */
const defaultMaxIdleConnsPerHost = 2;
/** client.go: stopped after 10 redirects. */
const maxRedirects = 10;
/** server.go shutdownPollIntervalMax: Shutdown's longest wait between looks at its connections. */
const shutdownPollIntervalMax = 500e6;
/** request.go defaultUserAgent. */
const defaultUserAgent = 'Go-http-client/1.1';
/** server.go TimeFormat. */
const TimeFormat = 'Mon, 02 Jan 2006 15:04:05 GMT';

/** status.go's StatusText table (go1.26.8's; go1.19.8's has the same texts). */
const statusText: Readonly<Record<number, string>> = Object.freeze({
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large', 414: 'Request URI Too Long', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
});
/** The Status* constants (status.go), by Go name. */
const statusNames: Readonly<Record<string, number>> = Object.freeze({
  StatusContinue: 100, StatusSwitchingProtocols: 101, StatusProcessing: 102, StatusEarlyHints: 103,
  StatusOK: 200, StatusCreated: 201, StatusAccepted: 202, StatusNonAuthoritativeInfo: 203, StatusNoContent: 204, StatusResetContent: 205, StatusPartialContent: 206, StatusMultiStatus: 207, StatusAlreadyReported: 208, StatusIMUsed: 226,
  StatusMultipleChoices: 300, StatusMovedPermanently: 301, StatusFound: 302, StatusSeeOther: 303, StatusNotModified: 304, StatusUseProxy: 305, StatusTemporaryRedirect: 307, StatusPermanentRedirect: 308,
  StatusBadRequest: 400, StatusUnauthorized: 401, StatusPaymentRequired: 402, StatusForbidden: 403, StatusNotFound: 404, StatusMethodNotAllowed: 405, StatusNotAcceptable: 406, StatusProxyAuthRequired: 407, StatusRequestTimeout: 408, StatusConflict: 409, StatusGone: 410, StatusLengthRequired: 411, StatusPreconditionFailed: 412, StatusRequestEntityTooLarge: 413, StatusRequestURITooLong: 414, StatusUnsupportedMediaType: 415, StatusRequestedRangeNotSatisfiable: 416, StatusExpectationFailed: 417, StatusTeapot: 418, StatusMisdirectedRequest: 421, StatusUnprocessableEntity: 422, StatusLocked: 423, StatusFailedDependency: 424, StatusTooEarly: 425, StatusUpgradeRequired: 426, StatusPreconditionRequired: 428, StatusTooManyRequests: 429, StatusRequestHeaderFieldsTooLarge: 431, StatusUnavailableForLegalReasons: 451,
  StatusInternalServerError: 500, StatusNotImplemented: 501, StatusBadGateway: 502, StatusServiceUnavailable: 503, StatusGatewayTimeout: 504, StatusHTTPVersionNotSupported: 505, StatusVariantAlsoNegotiates: 506, StatusInsufficientStorage: 507, StatusLoopDetected: 508, StatusNotExtended: 510, StatusNetworkAuthenticationRequired: 511,
});
export const StatusText = (code: number): string => statusText[code] ?? '';

const errText = (s: string): Iface => ({ t: tErrorStringPtr, v: new ErrorString(s) });
/** server.go ErrServerClosed; transport.go / request.go errors (one value each, so == holds). */
export const ErrServerClosed = errText('http: Server closed');
export const ErrBodyNotAllowed = errText('http: request method or response status code does not allow body');
export const ErrBodyReadAfterClose = errText('http: invalid Read on closed Body');
export const ErrNoLocation = errText('http: no Location header in response');
export const ErrMissingFile = errText('http: no such file');
export const ErrUseLastResponse = errText('net/http: use last response');
const strPanic = (msg: string): GoPanic => new GoPanic({ t: tString, v: msg }, msg);

// ---------------------------------------------------------------- Header (textproto's canonical keys)

/** textproto.CanonicalMIMEHeaderKey: Upper-Case-After-Dash, unless the key has a byte a token may not. */
export function CanonicalHeaderKey(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const token = c > 0x20 && c < 0x7f && !'"(),/:;<=>?@[\\]{}'.includes(s[i]!);
    if (!token) return s;
  }
  let out = '';
  let upper = true;
  for (const ch of s) {
    out += upper ? ch.toUpperCase() : ch.toLowerCase();
    upper = ch === '-';
  }
  return out;
}
const hvals = (m: HeaderMap | null, k: string): string[] => (sliceToArray(m?.get(k) ?? null) as string[]);
export function headerGet(m: HeaderMap | null, k: string): string {
  return hvals(m, CanonicalHeaderKey(k))[0] ?? '';
}
export function headerValues(m: HeaderMap | null, k: string): Slice | null {
  return m?.get(CanonicalHeaderKey(k)) ?? null;
}
export function headerSet(m: HeaderMap | null, k: string, v: string): void {
  if (m === null) throw new GoPanic(null, 'assignment to entry in nil map');
  m.set(CanonicalHeaderKey(k), sliceLit([v]));
}
export function headerAdd(m: HeaderMap | null, k: string, v: string): void {
  if (m === null) throw new GoPanic(null, 'assignment to entry in nil map');
  const key = CanonicalHeaderKey(k);
  m.set(key, append(m.get(key) ?? null, [v], 16));
}
export function headerDel(m: HeaderMap | null, k: string): void {
  m?.delete(CanonicalHeaderKey(k));
}
export function headerClone(m: HeaderMap | null): HeaderMap | null {
  if (m === null) return null;
  const c: HeaderMap = new Map();
  for (const [k, v] of m) c.set(k, v === null ? null : sliceLit(sliceToArray(v)));
  return c;
}
/** Header.WriteSubset: `Key: value\r\n` per value, keys sorted, values' newlines as spaces and trimmed. */
function headerLines(m: HeaderMap | null, exclude: ReadonlySet<string>): string {
  if (m === null) return '';
  let out = '';
  for (const k of [...m.keys()].sort()) {
    if (exclude.has(k)) continue;
    for (const v of hvals(m, k)) out += `${k}: ${v.replace(/[\r\n]/g, ' ').trim()}\r\n`;
  }
  return out;
}

// ---------------------------------------------------------------- DetectContentType (sniff.go)

const isWS = (c: number): boolean => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
const htmlSigs = ['<!DOCTYPE HTML', '<HTML', '<HEAD', '<SCRIPT', '<IFRAME', '<H1', '<DIV', '<FONT', '<TABLE', '<A', '<STYLE', '<TITLE', '<B', '<BODY', '<BR', '<P', '<!--'];
const exactSigs: readonly [string, string][] = [
  ['%PDF-', 'application/pdf'],
  ['%!PS-Adobe-', 'application/postscript'],
  ['\x00\x00\x01\x00', 'image/x-icon'],
  ['\x00\x00\x02\x00', 'image/x-icon'],
  ['BM', 'image/bmp'],
  ['GIF87a', 'image/gif'],
  ['GIF89a', 'image/gif'],
  ['\x89PNG\x0D\x0A\x1A\x0A', 'image/png'],
  ['\xFF\xD8\xFF', 'image/jpeg'],
  ['\x1A\x45\xDF\xA3', 'video/webm'],
  ['\x00\x01\x00\x00', 'font/ttf'],
  ['OTTO', 'font/otf'],
  ['ttcf', 'font/collection'],
  ['wOFF', 'font/woff'],
  ['wOF2', 'font/woff2'],
  ['\x1F\x8B\x08', 'application/x-gzip'],
  ['PK\x03\x04', 'application/zip'],
  ['Rar!\x1A\x07\x00', 'application/x-rar-compressed'],
  ['Rar!\x1A\x07\x01\x00', 'application/x-rar-compressed'],
  ['\x00\x61\x73\x6D', 'application/wasm'],
];
/**
 * http.DetectContentType over the first 512 bytes: sniff.go's HTML tags (after leading white space,
 * case-insensitive, then a space or `>`), `<?xml`, the UTF BOMs, the exact signatures above, and text
 * (no control bytes but \t \n \f \r and ESC) — then application/octet-stream. Simplified: the masked
 * image/audio/video signatures (webp, wav, avi, mp3/mp4, ogg, midi…) are not recognised.
 */
export function DetectContentType(data: string): string {
  const d = data.length > 512 ? data.slice(0, 512) : data;
  let ws = 0;
  while (ws < d.length && isWS(d.charCodeAt(ws))) ws++;
  const rest = d.slice(ws);
  for (const sig of htmlSigs) {
    if (rest.length < sig.length + 1) continue;
    if (rest.slice(0, sig.length).toUpperCase() === sig && (rest[sig.length] === ' ' || rest[sig.length] === '>')) return 'text/html; charset=utf-8';
  }
  if (rest.startsWith('<?xml')) return 'text/xml; charset=utf-8';
  if (d.length >= 2 && d.startsWith('\xFE\xFF')) return 'text/plain; charset=utf-16be';
  if (d.length >= 2 && d.startsWith('\xFF\xFE')) return 'text/plain; charset=utf-16le';
  if (d.length >= 3 && d.startsWith('\xEF\xBB\xBF')) return 'text/plain; charset=utf-8';
  for (const [sig, ct] of exactSigs) if (d.startsWith(sig)) return ct;
  for (let i = ws; i < d.length; i++) {
    const b = d.charCodeAt(i);
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return 'application/octet-stream';
  }
  return 'text/plain; charset=utf-8';
}

// ---------------------------------------------------------------- connections: buffered reads and writes

/** A bufio.Reader over a simulated TCP connection: each fill is one read(2) (parking when there is nothing). */
class ConnReader {
  buf = '';
  eof = false;
  private readonly scratch = makeBytes(connBufSize, connBufSize);
  constructor(readonly c: Conn) {}
  /** One read(2) into the buffer; false at EOF (the peer closed) or on a closed connection. */
  *fill(): Go<boolean> {
    if (this.eof) return false;
    const [n, err] = yield* this.c.Read(this.scratch);
    if (n > 0) this.buf += bytesToString(reslice(this.scratch, 0, n, -1));
    if (err !== null) this.eof = true;
    return n > 0;
  }
  /** bufio.Reader.Peek(1): wait until a byte is there; false at EOF. */
  *peek(): Go<boolean> {
    while (this.buf.length === 0) if (!(yield* this.fill())) return false;
    return true;
  }
  /** A line without its CRLF (or LF); null at EOF before a complete line. */
  *readLine(): Go<string | null> {
    for (;;) {
      const i = this.buf.indexOf('\n');
      if (i >= 0) {
        const line = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 1);
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      if (!(yield* this.fill())) return null;
    }
  }
  /** Up to n bytes (at least one unless at EOF, then ''). */
  *readUpTo(n: number): Go<string> {
    if (this.buf.length === 0 && !(yield* this.fill())) return '';
    const s = this.buf.slice(0, n);
    this.buf = this.buf.slice(s.length);
    return s;
  }
}

/** A bufio.Writer of `size` over a sink: Go's Write rules (a big write into an empty buffer goes straight through). */
class BufWriter {
  buf = '';
  constructor(
    readonly size: number,
    readonly sink: (s: string) => Go,
  ) {}
  *write(p: string): Go {
    while (p.length > this.size - this.buf.length) {
      if (this.buf.length === 0) {
        yield* this.sink(p);
        return;
      }
      const n = this.size - this.buf.length;
      this.buf += p.slice(0, n);
      p = p.slice(n);
      yield* this.flush();
    }
    this.buf += p;
  }
  *flush(): Go {
    if (this.buf.length === 0) return;
    const s = this.buf;
    this.buf = '';
    yield* this.sink(s);
  }
}

/** Close a connection and wake its own parked reader (closing an fd wakes its pollers in Go). */
function* closeConn(c: Conn): Go {
  if (c.closed) return;
  yield* c.Close();
  yield { k: K.NetReady, pd: c.pd, ns: 0 };
}

/** A body's framing: a length, chunked, or until the connection closes. */
type Framing = { kind: 'length'; left: number } | { kind: 'chunked'; left: number; done: boolean } | { kind: 'close' } | { kind: 'none' };

/** Read up to `max` bytes of a framed body from `r`; '' at its end. Throws a BodyError on a malformed or cut body. */
function* readFramed(r: ConnReader, f: Framing, max: number): Go<string> {
  switch (f.kind) {
    case 'none':
      return '';
    case 'length': {
      if (f.left === 0) return '';
      const s = yield* r.readUpTo(Math.min(max, f.left));
      if (s === '') throw new BodyError(ErrUnexpectedEOF);
      f.left -= s.length;
      return s;
    }
    case 'close':
      return yield* r.readUpTo(max);
    case 'chunked': {
      if (f.done) return '';
      if (f.left === 0) {
        const line = yield* r.readLine();
        if (line === null) throw new BodyError(ErrUnexpectedEOF);
        const size = parseInt(line.split(';')[0]!.trim(), 16);
        if (Number.isNaN(size)) throw new BodyError(newError('invalid byte in chunk length'));
        if (size === 0) {
          // trailers up to the empty line
          for (;;) {
            const t = yield* r.readLine();
            if (t === null || t === '') break;
          }
          f.done = true;
          return '';
        }
        f.left = size;
      }
      const s = yield* r.readUpTo(Math.min(max, f.left));
      if (s === '') throw new BodyError(ErrUnexpectedEOF);
      f.left -= s.length;
      if (f.left === 0) {
        const crlf = yield* r.readLine();
        if (crlf !== '') throw new BodyError(newError('malformed chunked encoding'));
      }
      return s;
    }
  }
}
class BodyError {
  constructor(readonly err: Iface) {}
}

/** Copy bytes into a Go []byte; the count. */
function fillSlice(b: Slice | null, s: string): number {
  for (let i = 0; i < s.length; i++) b!.a[b!.o + i] = s.charCodeAt(i);
  return s.length;
}

// ---------------------------------------------------------------- the per-run state

/** What the program's compilation decided: its release and the (provisional) CPU charges of cost.ts. */
interface Site {
  readonly release: GoRelease;
  /** ns of CPU per request: server, client (GoCpuCosts.httpServerReq, httpClientReq). */
  readonly srv: number;
  readonly cli: number;
  /** Bytes allocated per request on each side (GoCpuCosts.httpReqAllocBytes). */
  readonly alloc: number;
}

/** net/http's run state: DefaultServeMux, DefaultTransport (and so DefaultClient's idle pool), the CPU charges. */
export class HttpState {
  readonly mux: ServeMux;
  readonly transport: Transport;
  readonly client: Client;
  /** The client side's address of each server-side connection the Transport dialled (Request.RemoteAddr). */
  readonly remote = new WeakMap<Conn, string>();
  constructor(
    readonly p: Process,
    readonly site: Site,
  ) {
    this.mux = new ServeMux(this);
    this.transport = new Transport();
    this.transport.st = this;
    this.client = new Client();
    this.client.st = this;
  }
  /** Go 1.22's patterns: releases from 1.22 on, unless GODEBUG=httpmuxgo121=1. */
  get newMux(): boolean {
    const gd = this.p.env.get('GODEBUG') ?? '';
    if (/(^|,)httpmuxgo121=1(,|$)/.test(gd)) return false;
    return this.site.release !== '1.19';
  }
}
/** The run's HttpState, made on first use. */
export function st(p: Process): HttpState {
  if (p.httpState === null) p.httpState = new HttpState(p, { release: p.release, srv: p.cpu?.httpServerReq ?? 0, cli: p.cpu?.httpClientReq ?? 0, alloc: p.cpu?.httpReqAllocBytes ?? 0 });
  return p.httpState as HttpState;
}

// ---------------------------------------------------------------- Request and Response

export class Request {
  ctx: Iface | null = null;
  /** Go 1.22 wildcards matched by the mux. */
  pathValues: Map<string, string> | null = null;
  /** The whole body of a client request (read before sending; replayed on a 307/308 redirect). */
  sendBody: string | null = null;
  st: HttpState | null = null;
  constructor(
    public Method = '',
    public URL: URL | null = null,
    public Proto = '',
    public ProtoMajor = 0,
    public ProtoMinor = 0,
    public Header: HeaderMap | null = null,
    public Body: Iface | null = null,
    public ContentLength = 0,
    public TransferEncoding: Slice | null = null,
    public Close = false,
    public Host = '',
    public Form: HeaderMap | null = null,
    public PostForm: HeaderMap | null = null,
    public Trailer: HeaderMap | null = null,
    public RemoteAddr = '',
    public RequestURI = '',
    public Response: HttpResponse | null = null,
  ) {}
  Context(): Iface {
    return this.ctx ?? Background();
  }
  WithContext(ctx: Iface | null): Request {
    if (ctx === null) throw strPanic('nil context');
    const r = Object.assign(Object.create(Request.prototype) as Request, this);
    r.ctx = ctx;
    return r;
  }
  ProtoAtLeast(major: number, minor: number): boolean {
    return this.ProtoMajor > major || (this.ProtoMajor === major && this.ProtoMinor >= minor);
  }
  UserAgent(): string {
    return headerGet(this.Header, 'User-Agent');
  }
  Referer(): string {
    return headerGet(this.Header, 'Referer');
  }
  PathValue(name: string): string {
    return this.pathValues?.get(name) ?? '';
  }
  SetPathValue(name: string, v: string): void {
    (this.pathValues ??= new Map()).set(name, v);
  }
  /** ParseForm: the URL's query and, for POST/PUT/PATCH with a form body, the body's values (first). */
  *ParseForm(): Go<Iface | null> {
    if (this.Form !== null) return null;
    let err: Iface | null = null;
    const post: HeaderMap = new Map();
    if ((this.Method === 'POST' || this.Method === 'PUT' || this.Method === 'PATCH') && this.Body !== null) {
      const ct = headerGet(this.Header, 'Content-Type').split(';')[0]!.trim().toLowerCase();
      if (ct === 'application/x-www-form-urlencoded' || (ct === '' && false)) {
        const [data, rerr] = yield* readAllIface(this.Body);
        if (rerr !== null) err = rerr;
        const [vals, perr] = ParseQuery(data);
        err ??= perr;
        for (const [k, v] of vals) post.set(k, v);
      }
    }
    this.PostForm = post;
    const form: HeaderMap = new Map();
    for (const [k, v] of post) form.set(k, sliceLit(sliceToArray(v)));
    const [q, qerr] = ParseQuery(this.URL?.RawQuery ?? '');
    err ??= qerr;
    for (const [k, v] of q) form.set(k, append(form.get(k) ?? null, sliceToArray(v), 16));
    this.Form = form;
    return err;
  }
  *FormValue(key: string): Go<string> {
    if (this.Form === null) yield* this.ParseForm();
    return hvals(this.Form, key)[0] ?? '';
  }
  *PostFormValue(key: string): Go<string> {
    if (this.PostForm === null) yield* this.ParseForm();
    return hvals(this.PostForm, key)[0] ?? '';
  }
}

export class HttpResponse {
  constructor(
    public Status = '',
    public StatusCode = 0,
    public Proto = '',
    public ProtoMajor = 0,
    public ProtoMinor = 0,
    public Header: HeaderMap | null = null,
    public Body: Iface | null = null,
    public ContentLength = 0,
    public TransferEncoding: Slice | null = null,
    public Close = false,
    public Uncompressed = false,
    public Trailer: HeaderMap | null = null,
    public Request: Request | null = null,
  ) {}
  Location(): [URL | null, Iface | null] {
    const loc = headerGet(this.Header, 'Location');
    if (loc === '') return [null, ErrNoLocation];
    return parseURL(loc);
  }
}

/** io.ReadAll over an interface value, as a string. */
function* readAllIface(r: Iface | null): Go<[string, Iface | null]> {
  let out = '';
  const b = makeBytes(512, 512);
  for (;;) {
    const [n, err] = yield* ioRead(r, b);
    out += bytesToString(reslice(b, 0, n, -1));
    if (err !== null) return [out, err === EOF ? null : err];
  }
}

// ---------------------------------------------------------------- the server

/**
 * One Read of a framed body into b (transfer.go body.readLocked): the bytes read, and whether they end
 * the body — a length-framed body reports EOF with its last bytes. A framing error is a BodyError.
 */
function* readBody(r: ConnReader, f: Framing, b: Slice | null): Go<[number, boolean]> {
  const s = yield* readFramed(r, f, b === null ? 0 : b.n);
  return [fillSlice(b, s), s === '' || (f.kind === 'length' && f.left === 0)];
}

/** A request body on the server (*http.body): reads the connection within its framing. */
export class ServerBody {
  closed = false;
  sawEOF = false;
  constructor(
    readonly r: ConnReader,
    readonly f: Framing,
  ) {}
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    if (this.closed) return [0, ErrBodyReadAfterClose];
    if (this.sawEOF) return [0, EOF];
    const max = b === null ? 0 : b.n;
    if (max === 0) return [0, null];
    let n: number, end: boolean;
    try {
      [n, end] = yield* readBody(this.r, this.f, b);
    } catch (e) {
      if (e instanceof BodyError) return [0, e.err];
      throw e;
    }
    if (end) this.sawEOF = true;
    return [n, end ? EOF : null];
  }
  *Close(): Go<Iface | null> {
    this.closed = true;
    return null;
  }
  /** What is left of the body, read and dropped (the server does this before the next request). */
  *drain(): Go<boolean> {
    try {
      while (!this.sawEOF) if ((yield* readFramed(this.r, this.f, connBufSize)) === '') this.sawEOF = true;
    } catch (e) {
      if (e instanceof BodyError) return false;
      throw e;
    }
    return true;
  }
}

/** http.NoBody's type: reads EOF, closes. */
export class NoBodyT {
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    void b;
    return [0, EOF];
  }
  *Close(): Go<Iface | null> {
    return null;
  }
  *WriteTo(w: Iface | null): Go<[number, Iface | null]> {
    void w;
    return [0, null];
  }
}

const bodyAllowedForStatus = (code: number): boolean => !((code >= 100 && code <= 199) || code === 204 || code === 304);

/** The server's ResponseWriter (*http.response): `w.w` (2048) over the chunk writer over `conn.bufw` (4096). */
export class ResponseW {
  readonly header: HeaderMap = new Map();
  /** The header as it was at WriteHeader (what is sent). */
  sent: HeaderMap | null = null;
  status = 0;
  wroteHeader = false;
  /** The status line and headers went out (the chunk writer's writeHeader). */
  cwWroteHeader = false;
  chunking = false;
  closeAfterReply = false;
  handlerDone = false;
  written = 0;
  contentLength = -1;
  readonly w: BufWriter;
  constructor(
    readonly sc: ServerConn,
    readonly req: Request,
  ) {
    this.w = new BufWriter(bufferBeforeChunkingSize, (p) => this.chunkWrite(p));
    if (headerGet(req.Header, 'Connection').toLowerCase() === 'close' || !req.ProtoAtLeast(1, 1)) this.closeAfterReply = true;
  }
  Header(): HeaderMap {
    return this.header;
  }
  WriteHeader(code: number): void {
    if (this.wroteHeader) return; // Go logs "http: superfluous response.WriteHeader call"
    if (code < 100 || code > 999) throw strPanic(`invalid WriteHeader code ${code}`);
    this.wroteHeader = true;
    this.status = code;
    // server.go: the header is snapshotted when the status is set; later changes do not go out
    this.sent = headerClone(this.header);
    const cl = headerGet(this.header, 'Content-Length');
    if (cl !== '' && /^\d+$/.test(cl)) this.contentLength = Number(cl);
  }
  *Write(b: Slice | null): Go<[number, Iface | null]> {
    return yield* this.WriteString(bytesToString(b));
  }
  *WriteString(s: string): Go<[number, Iface | null]> {
    if (!this.wroteHeader) this.WriteHeader(200);
    if (s.length === 0) return [0, null];
    if (!bodyAllowedForStatus(this.status)) return [0, ErrBodyNotAllowed];
    this.written += s.length;
    yield* this.w.write(s);
    return [s.length, null];
  }
  /** http.Flusher: push what is buffered out now (headers first, chunked when no length is known). */
  *Flush(): Go {
    if (!this.wroteHeader) this.WriteHeader(200);
    yield* this.w.flush();
    if (!this.cwWroteHeader) yield* this.writeHeader('');
    yield* this.sc.bufw.flush();
  }
  /** The chunk writer (server.go chunkWriter.Write): headers on the first write, then the bytes, framed. */
  private *chunkWrite(p: string): Go {
    if (!this.cwWroteHeader) yield* this.writeHeader(p);
    if (this.req.Method === 'HEAD') return;
    const bw = this.sc.bufw;
    if (this.chunking) {
      yield* bw.write(`${p.length.toString(16)}\r\n`);
      yield* bw.write(p);
      yield* bw.write('\r\n');
    } else yield* bw.write(p);
  }
  /** chunkWriter.writeHeader: the status line and the headers, deciding length vs chunked. */
  private *writeHeader(p: string): Go {
    this.cwWroteHeader = true;
    const h = this.sent ?? this.header;
    const exclude = new Set<string>();
    const extra: { date?: string; contentLength?: string; contentType?: string; connection?: string; transferEncoding?: string } = {};
    const isHEAD = this.req.Method === 'HEAD';
    const te = headerGet(h, 'Transfer-Encoding');
    const hasTE = te !== '';
    if (this.handlerDone && !hasTE && bodyAllowedForStatus(this.status) && !h.has('Content-Length') && (!isHEAD || p.length > 0)) {
      this.contentLength = p.length;
      extra.contentLength = String(p.length);
    }
    const hasCL = this.contentLength !== -1;
    if (headerGet(h, 'Connection') === 'close') this.closeAfterReply = true;
    if (bodyAllowedForStatus(this.status)) {
      if (!h.has('Content-Type') && headerGet(h, 'Content-Encoding') === '' && !hasTE && p.length > 0) extra.contentType = DetectContentType(p);
    } else for (const k of ['Content-Type', 'Content-Length', 'Transfer-Encoding']) if (this.status === 304 || k !== 'Content-Type') exclude.add(k);
    if (!h.has('Date')) extra.date = timeFormat(wallAt(this.sc.now), TimeFormat);
    if (isHEAD || !bodyAllowedForStatus(this.status)) exclude.add('Transfer-Encoding');
    else if (hasCL) exclude.add('Transfer-Encoding');
    else if (this.req.ProtoAtLeast(1, 1)) {
      if (te === 'identity') {
        this.closeAfterReply = true;
        exclude.add('Transfer-Encoding');
      } else {
        this.chunking = true;
        extra.transferEncoding = 'chunked';
        if (te === 'chunked') exclude.add('Transfer-Encoding');
      }
    } else {
      this.closeAfterReply = true;
      exclude.add('Transfer-Encoding');
    }
    if (this.chunking) exclude.add('Content-Length');
    if (this.closeAfterReply && headerGet(h, 'Connection').toLowerCase() !== 'close') {
      exclude.add('Connection');
      if (this.req.ProtoAtLeast(1, 1)) extra.connection = 'close';
    }
    const text = StatusText(this.status);
    let head = `HTTP/1.${this.req.ProtoAtLeast(1, 1) ? 1 : 0} ${this.status} ${text !== '' ? text : `status code ${this.status}`}\r\n`;
    head += headerLines(h, exclude);
    if (extra.date !== undefined) head += `Date: ${extra.date}\r\n`;
    if (extra.contentLength !== undefined) head += `Content-Length: ${extra.contentLength}\r\n`;
    if (extra.contentType !== undefined) head += `Content-Type: ${extra.contentType}\r\n`;
    if (extra.connection !== undefined) head += `Connection: ${extra.connection}\r\n`;
    if (extra.transferEncoding !== undefined) head += `Transfer-Encoding: ${extra.transferEncoding}\r\n`;
    yield* this.sc.bufw.write(head + '\r\n');
  }
  /** finishRequest: flush the handler's buffer, the chunked trailer, and the connection's buffer (the write(2)). */
  *finish(): Go {
    if (!this.wroteHeader) this.WriteHeader(200);
    this.handlerDone = true;
    yield* this.w.flush();
    if (!this.cwWroteHeader) yield* this.writeHeader('');
    if (this.chunking && this.req.Method !== 'HEAD') yield* this.sc.bufw.write('0\r\n\r\n');
    yield* this.sc.bufw.flush();
  }
}

/** A server-side connection (*http.conn): its buffers and state, for Shutdown and Close. */
export class ServerConn {
  readonly r: ConnReader;
  readonly bufw: BufWriter;
  /** Between requests (StateIdle) or serving one (StateActive). */
  idle = true;
  /** The simulated time of the current response (its Date header). */
  now = 0;
  /** abortPendingRead asked the background read to stop. */
  abortRead = false;
  constructor(readonly c: Conn) {
    this.r = new ConnReader(c);
    this.bufw = new BufWriter(connBufSize, (s) => this.writeConn(s));
  }
  private *writeConn(s: string): Go {
    if (this.c.closed) return;
    yield* this.c.Write(stringToBytes(s));
  }
}

/** A request's head as read from the wire; a string is a 400's reason. */
function* readRequest(r: ConnReader, sc: ServerConn, remoteAddr: string): Go<Request | null | string> {
  let line = yield* r.readLine();
  // server.go: skip empty lines before a request line (RFC 7230 3.5)
  while (line === '') line = yield* r.readLine();
  if (line === null) return null;
  const parts = line.split(' ');
  if (parts.length !== 3) return 'malformed HTTP request';
  const [method, uri, proto] = parts as [string, string, string];
  const pm = /^HTTP\/(\d)\.(\d)$/.exec(proto);
  if (!pm) return 'malformed HTTP version';
  const header: HeaderMap = new Map();
  for (;;) {
    const h = yield* r.readLine();
    if (h === null) return null;
    if (h === '') break;
    const colon = h.indexOf(':');
    if (colon <= 0) return 'malformed MIME header line';
    headerAdd(header, h.slice(0, colon), h.slice(colon + 1).trim());
  }
  const [u, uerr] = parseURL(uri);
  if (uerr !== null || u === null) return 'malformed request URI';
  const req = new Request(method, u, proto, Number(pm[1]), Number(pm[2]), header);
  req.RequestURI = uri;
  req.RemoteAddr = remoteAddr;
  req.Host = u.Host !== '' ? u.Host : headerGet(header, 'Host');
  header.delete('Host');
  if (req.ProtoAtLeast(1, 1) && !headerValues(header, 'Host') && req.Host === '' && hvals(header, 'Host').length === 0) {
    // Go: "missing required Host header" (the header was present but deleted above only when set)
  }
  req.Close = headerGet(header, 'Connection').toLowerCase() === 'close';
  let f: Framing;
  const te = headerGet(header, 'Transfer-Encoding');
  if (te !== '') {
    if (te.toLowerCase() !== 'chunked') return 'unsupported transfer encoding';
    header.delete('Transfer-Encoding');
    header.delete('Content-Length');
    req.TransferEncoding = sliceLit(['chunked']);
    req.ContentLength = -1;
    f = { kind: 'chunked', left: 0, done: false };
  } else {
    const cl = headerGet(header, 'Content-Length');
    if (cl !== '' && !/^\d+$/.test(cl.trim())) return 'bad Content-Length';
    const n = cl === '' ? 0 : Number(cl.trim());
    req.ContentLength = n;
    f = n > 0 ? { kind: 'length', left: n } : { kind: 'none' };
  }
  req.Body = f.kind === 'none' ? noBody : { t: types.serverBody, v: new ServerBody(r, f) };
  void sc;
  return req;
}

export class Server {
  st: HttpState | null = null;
  readonly listeners = new Set<Listener>();
  readonly conns = new Set<ServerConn>();
  inShutdown = false;
  keepAlives = true;
  constructor(
    public Addr = '',
    public Handler: Iface | null = null,
    public ReadTimeout = 0,
    public ReadHeaderTimeout = 0,
    public WriteTimeout = 0,
    public IdleTimeout = 0,
    public MaxHeaderBytes = 0,
  ) {}
  *ListenAndServe(p?: Process): Go<Iface | null> {
    if (this.inShutdown) return ErrServerClosed;
    const s = (this.st ??= st(p!));
    const addr = this.Addr === '' ? ':80' : this.Addr;
    const [l, err] = yield* Listen(s.p, 'tcp', addr);
    if (err !== null) return err;
    return yield* this.Serve(l);
  }
  /** The accept loop, in the caller's goroutine; a goroutine per connection. */
  *Serve(li: Iface | null, p?: Process): Go<Iface | null> {
    if (li === null) nilDeref();
    if (p !== undefined) this.st ??= st(p);
    const l = li.v as Listener;
    if (this.inShutdown) {
      yield* l.Close();
      return ErrServerClosed;
    }
    this.listeners.add(l);
    for (;;) {
      const [ci, err] = yield* l.Accept();
      if (err !== null || ci === null) {
        this.listeners.delete(l);
        return this.inShutdown ? ErrServerClosed : err;
      }
      const sc = new ServerConn(ci.v as Conn);
      this.st ??= st(sc.c.p);
      this.conns.add(sc);
      yield { k: K.Go, fn: (() => new Body(this.serveConn(sc), createdBy.serve)) as never, args: [], name: 'net/http.(*conn).serve' };
    }
  }
  /** (*conn).serve: requests of one connection until it closes or asks to. */
  private *serveConn(sc: ServerConn): Go {
    const s = this.st!;
    const remote = s.remote.get(sc.c) ?? '127.0.0.1:0';
    for (;;) {
      sc.idle = true;
      const req = yield* readRequest(sc.r, sc, remote);
      sc.idle = false;
      if (req === null || this.inShutdown) break;
      if (typeof req === 'string') {
        yield* sc.bufw.write(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request: ${req}`);
        yield* sc.bufw.flush();
        break;
      }
      // reading and parsing the request, the Request and response objects, writing the head
      yield { k: K.Work, ns: s.site.srv, every: 0, alloc: s.site.alloc };
      sc.now = (yield { k: K.Nanotime }) as number;
      req.st = s;
      const [ctx, cancel] = yield* WithCancel(Background());
      req.ctx = ctx;
      const w = new ResponseW(sc, req);
      if (!this.keepAlives) w.closeAfterReply = true;
      // server.go startBackgroundRead: while the handler runs, a goroutine waits in the netpoller for the
      // client's next bytes or its close (Go cancels the request's context then)
      const bg = req.Body === noBody ? new Chan(0) : null;
      if (bg !== null) yield { k: K.Go, fn: (() => new Body(backgroundRead(sc, bg), createdBy.backgroundRead)) as never, args: [], name: 'net/http.(*connReader).backgroundRead' };
      yield* serveHandler(s, this.Handler, w, req);
      yield* w.finish();
      if (bg !== null) yield* abortPendingRead(sc, bg);
      yield* cancel();
      if (w.closeAfterReply || sc.c.closed) break;
      const body = req.Body?.v;
      if (body instanceof ServerBody && !(yield* body.drain())) break;
    }
    this.conns.delete(sc);
    yield* closeConn(sc.c);
  }
  /** Close: the listeners and every connection, now. */
  *Close(): Go<Iface | null> {
    this.inShutdown = true;
    let err: Iface | null = null;
    for (const l of [...this.listeners]) err ??= yield* l.Close();
    this.listeners.clear();
    for (const sc of [...this.conns]) yield* closeConn(sc.c);
    this.conns.clear();
    return err;
  }
  /** Shutdown: close the listeners, then idle connections until none is left (or ctx ends). */
  *Shutdown(ctx: Iface | null): Go<Iface | null> {
    this.inShutdown = true;
    let err: Iface | null = null;
    for (const l of [...this.listeners]) err ??= yield* l.Close();
    this.listeners.clear();
    let interval = 1e6;
    for (;;) {
      for (const sc of [...this.conns])
        if (sc.idle) {
          this.conns.delete(sc);
          yield* closeConn(sc.c);
        }
      if (this.conns.size === 0) return err;
      const c = (ctx?.v as Ctx | undefined) ?? null;
      if (c !== null && c.err !== null) return c.err;
      yield { k: K.Sleep, ns: interval };
      interval = Math.min(interval * 2, shutdownPollIntervalMax);
    }
  }
  SetKeepAlivesEnabled(v: boolean): void {
    this.keepAlives = v;
  }
}

/** connReader.backgroundRead: parked in the netpoller until bytes come, the peer closes, or the read is aborted. */
function* backgroundRead(sc: ServerConn, done: Chan): Go {
  const c = sc.c;
  // cr.conn.rwc.Read of one byte: poll.FD.Read's read(2) returns EAGAIN, then the wait in the netpoller
  while (sc.r.buf.length === 0 && c.buf.length === 0 && !c.closed && !sc.abortRead) {
    yield { k: K.Syscall, ns: c.p.kernel.costs.readEagainCall, mode: 'syscall', name: 'read', cpu: true };
    if (sc.abortRead) break;
    yield { k: K.NetWait, pd: c.pd };
  }
  yield { k: K.Close, ch: done };
}
/**
 * connReader.abortPendingRead (finishRequest, after the response went out): a read deadline in the past
 * wakes the background read (poll_runtime_pollSetDeadline: netpollunblock + netpollgoready readies it
 * into this P's runnext at once, not through epoll), and the conn goroutine waits for it to end (cr.cond),
 * so the background read has exited before the client can have read the response.
 */
function* abortPendingRead(sc: ServerConn, done: Chan): Go {
  sc.abortRead = true;
  yield { k: K.NetUnblock, pd: sc.c.pd };
  yield { k: K.Recv, ch: done };
  sc.abortRead = false;
}

/** serverHandler.ServeHTTP: the server's Handler, or DefaultServeMux when it is nil. */
function* serveHandler(s: HttpState, h: Iface | null, w: ResponseW, r: Request): Go {
  const wi: Iface = { t: types.response, v: w };
  if (h === null) return yield* s.mux.ServeHTTP(wi, r);
  yield* callHandler(h, wi, r);
}
function* callHandler(h: Iface | null, w: Iface | null, r: Request): Go {
  if (h === null) nilDeref();
  yield* (h.t as unknown as { $m: MethodTable }).$m.ServeHTTP!(h.v, w, r);
}

// ---------------------------------------------------------------- helpers handlers use

const wHeader = (w: Iface | null): HeaderMap => {
  if (w === null) nilDeref();
  return callSyncMethod(w, 'Header') as HeaderMap;
};
/** A ResponseWriter's method through its method table (the program's own type, or ours). */
function* wcall(w: Iface | null, name: string, ...a: unknown[]): Go<unknown> {
  if (w === null) nilDeref();
  return yield* (w.t as unknown as { $m: MethodTable }).$m[name]!(w.v, ...a);
}
/** Header() of our writer without a generator; a program's own ResponseWriter is asked through its method. */
function callSyncMethod(w: Iface, name: string): unknown {
  if (w.v instanceof ResponseW) return w.v.Header();
  const it = (w.t as unknown as { $m: MethodTable }).$m[name]!(w.v);
  const r = it.next();
  if (!r.done) throw new globalThis.Error(`net/http: ${name} of the program's ResponseWriter blocked`);
  return r.value;
}
const wWriteString = (w: Iface | null, s: string): Go<unknown> => wcall(w, 'Write', stringToBytes(s));

/** http.Error: text/plain, nosniff, the code, the message and a newline (1.23+ drops Content-Length first). */
export function* Error(w: Iface | null, msg: string, code: number, release: GoRelease): Go {
  const h = wHeader(w);
  if (release !== '1.19') headerDel(h, 'Content-Length');
  headerSet(h, 'Content-Type', 'text/plain; charset=utf-8');
  headerSet(h, 'X-Content-Type-Options', 'nosniff');
  yield* wcall(w, 'WriteHeader', code);
  yield* wWriteString(w, msg + '\n');
}
export function* NotFound(w: Iface | null, r: Request | null, release: GoRelease): Go {
  void r;
  yield* Error(w, '404 page not found', 404, release);
}

/** path.Clean of a URL path (server.go cleanPath keeps a trailing slash). */
function cleanPath(p: string): string {
  if (p === '') return '/';
  if (p[0] !== '/') p = '/' + p;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  let np = '/' + out.join('/');
  if (p.endsWith('/') && np !== '/') np += '/';
  return np;
}
const htmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/** http.Redirect: Location (made absolute against the request's path), and a short HTML body for GET. */
export function* Redirect(w: Iface | null, r: Request | null, url: string, code: number): Go {
  if (r === null) nilDeref();
  const [u] = parseURL(url);
  if (u !== null && u.Scheme === '' && u.Host === '') {
    const oldpath = r.URL?.Path || '/';
    if (url === '' || url[0] !== '/') {
      const dir = oldpath.slice(0, oldpath.lastIndexOf('/') + 1);
      url = dir + url;
    }
    let query = '';
    const qi = url.indexOf('?');
    if (qi >= 0) [url, query] = [url.slice(0, qi), url.slice(qi)];
    const trailing = url.endsWith('/');
    url = cleanPath(url);
    if (trailing && !url.endsWith('/')) url += '/';
    url += query;
  }
  const h = wHeader(w);
  const hadCT = h.has('Content-Type');
  headerSet(h, 'Location', url);
  if (!hadCT && (r.Method === 'GET' || r.Method === 'HEAD')) headerSet(h, 'Content-Type', 'text/html; charset=utf-8');
  yield* wcall(w, 'WriteHeader', code);
  if (!hadCT && r.Method === 'GET') yield* wWriteString(w, `<a href="${htmlEscape(url)}">${StatusText(code)}</a>.\n\n`);
}

// ---------------------------------------------------------------- ServeMux

/** One registered pattern (both rule sets). */
interface Entry {
  readonly pattern: string;
  readonly h: Iface;
  readonly method: string;
  readonly host: string;
  /** go1.22: path segments; `{x}` a wildcard, `{x...}` / a trailing `/` the rest, `{$}` the end. */
  readonly segs: readonly Seg[];
  /** The pattern's path ends with `/` (old rules: a prefix pattern). */
  readonly prefix: boolean;
  readonly path: string;
}
type Seg = { kind: 'lit'; s: string } | { kind: 'wild'; name: string } | { kind: 'multi'; name: string } | { kind: 'end' };

export class ServeMux {
  readonly entries: Entry[] = [];
  readonly byPattern = new Map<string, Entry>();
  private hosts = false;
  constructor(public st: HttpState | null = null) {}
  Handle(pattern: string, h: Iface | null, p?: Process): void {
    if (p !== undefined) this.st ??= st(p);
    const s = this.st!;
    if (pattern === '') throw strPanic('http: invalid pattern');
    if (h === null) throw strPanic('http: nil handler');
    const newMux = s.newMux;
    if (this.byPattern.has(pattern)) throw strPanic(newMux ? `pattern ${JSON.stringify(pattern)} conflicts with pattern ${JSON.stringify(pattern)}: ${pattern} matches the same requests as ${pattern}` : `http: multiple registrations for ${pattern}`);
    let e: Entry;
    if (newMux) e = parsePattern(pattern, h);
    else {
      const slash = pattern.indexOf('/');
      const host = slash < 0 ? pattern : pattern.slice(0, slash);
      const path = slash < 0 ? '' : pattern.slice(slash);
      if (pattern[0] !== '/') this.hosts = true;
      e = { pattern, h, method: '', host, segs: [], prefix: pattern.endsWith('/'), path };
    }
    this.entries.push(e);
    this.byPattern.set(pattern, e);
  }
  *HandleFunc(pattern: string, f: ((...a: unknown[]) => Go) | null, p?: Process): Go {
    if (f === null) throw strPanic('http: nil handler');
    this.Handle(pattern, { t: types.handlerFunc, v: f }, p);
  }
  *ServeHTTP(w: Iface | null, r: Request | null): Go {
    if (r === null) nilDeref();
    const s = (this.st ??= r.st);
    if (s === null) nilDeref();
    if (r.RequestURI === '*') {
      if (r.ProtoAtLeast(1, 1)) headerSet(wHeader(w), 'Connection', 'close');
      yield* wcall(w, 'WriteHeader', 400);
      return;
    }
    const release = s.site.release;
    const [h, redirect, allow] = s.newMux ? this.match122(r) : this.matchOld(r);
    if (redirect !== null) {
      // go1.19's mux and go1.22's with httpmuxgo121=1 redirect with 301, go1.22's own with 307 (server.go findHandler)
      const u = r.URL;
      const q = u !== null && u.RawQuery !== '' ? `?${u.RawQuery}` : '';
      yield* Redirect(w, r, redirect + q, s.newMux ? 307 : 301);
      return;
    }
    if (h === null) {
      if (allow.length > 0) {
        headerSet(wHeader(w), 'Allow', allow.join(', '));
        yield* Error(w, 'Method Not Allowed', 405, release);
        return;
      }
      yield* NotFound(w, r, release);
      return;
    }
    yield* callHandler(h, w, r);
  }
  /** go1.19's match: host+path first when any pattern has a host, exact, then the longest prefix. */
  private matchOld(r: Request): [Iface | null, string | null, string[]] {
    const host = stripPort(r.Host);
    const rawPath = r.URL?.Path ?? '/';
    const path = cleanPath(rawPath);
    if (r.Method !== 'CONNECT' && path !== rawPath) return [null, path, []];
    const look = (p: string): Entry | null => {
      const exact = this.byPattern.get(p);
      if (exact) return exact;
      let best: Entry | null = null;
      for (const e of this.entries) if (e.prefix && p.startsWith(e.pattern) && (best === null || e.pattern.length > best.pattern.length)) best = e;
      return best;
    };
    // redirectToPathSlash: /tree when only /tree/ is registered
    const wantSlash = (p: string): boolean => !this.byPattern.has(p) && this.byPattern.has(p + '/');
    if (!path.endsWith('/') && (wantSlash(path) || (this.hosts && wantSlash(host + path)))) return [null, path + '/', []];
    let e: Entry | null = null;
    if (this.hosts) e = look(host + path);
    e ??= look(path);
    return [e?.h ?? null, null, []];
  }
  /** Go 1.22's match: the most specific pattern matching method, host and path; 405 with Allow; redirects. */
  private match122(r: Request): [Iface | null, string | null, string[]] {
    const host = stripPort(r.Host);
    const rawPath = r.URL?.Path ?? '/';
    const path = r.Method === 'CONNECT' ? rawPath : cleanPath(rawPath);
    const segs = path.split('/').slice(1);
    const find = (p: string[], method: string | null): [Entry, Map<string, string>] | null => {
      let best: [Entry, Map<string, string>] | null = null;
      for (const e of this.entries) {
        if (e.host !== '' && e.host !== host) continue;
        if (method !== null && e.method !== '' && e.method !== method && !(e.method === 'GET' && method === 'HEAD')) continue;
        const vals = matchSegs(e.segs, p);
        if (vals === null) continue;
        if (best === null || moreSpecific(e, best[0], method)) best = [e, vals];
      }
      return best;
    };
    const hit = find(segs, r.Method);
    // server.go matchOrRedirect: unless the match is exact, a pattern that matches path+"/" exactly redirects there
    if (!(hit !== null && exactMatch(hit[0], path)) && !path.endsWith('/') && path !== '') {
      const hit2 = find((path + '/').split('/').slice(1), r.Method);
      if (hit2 !== null && exactMatch(hit2[0], path + '/')) return [null, path + '/', []];
    }
    if (path !== rawPath) return [null, path, []];
    if (hit !== null) {
      r.pathValues = hit[1];
      return [hit[0].h, null, []];
    }
    const methods = new Set<string>();
    for (const e of this.entries) {
      if (e.method === '' || (e.host !== '' && e.host !== host) || matchSegs(e.segs, segs) === null) continue;
      methods.add(e.method);
      if (e.method === 'GET') methods.add('HEAD');
    }
    return [null, null, [...methods].sort()];
  }
}

const stripPort = (h: string): string => {
  const i = h.lastIndexOf(':');
  return i >= 0 && !h.endsWith(']') ? h.slice(0, i) : h;
};

/** A Go 1.22 pattern: `[METHOD ][HOST]/[PATH]`. */
function parsePattern(pattern: string, h: Iface): Entry {
  let rest = pattern;
  let method = '';
  const sp = rest.search(/[ \t]/);
  if (sp >= 0) {
    method = rest.slice(0, sp);
    rest = rest.slice(sp).trimStart();
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) throw strPanic(`parsing ${JSON.stringify(pattern)}: invalid method ${JSON.stringify(method)}`);
  }
  const slash = rest.indexOf('/');
  if (slash < 0) throw strPanic(`parsing ${JSON.stringify(pattern)}: host/path missing /`);
  const host = rest.slice(0, slash);
  const path = rest.slice(slash);
  const segs: Seg[] = [];
  const parts = path.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const last = i === parts.length - 1;
    if (p === '' && last) {
      if (parts.length > 0 && path !== '/' ? true : true) segs.push({ kind: 'multi', name: '' });
      continue;
    }
    const m = /^\{([^}]*)\}$/.exec(p);
    if (!m) {
      if (p.includes('{') || p.includes('}')) throw strPanic(`parsing ${JSON.stringify(pattern)}: bad wildcard segment (must be "{name}" or "{name...}")`);
      segs.push({ kind: 'lit', s: p });
      continue;
    }
    const name = m[1]!;
    if (name === '$') {
      if (!last) throw strPanic(`parsing ${JSON.stringify(pattern)}: {$} not at end`);
      segs.push({ kind: 'end' });
    } else if (name.endsWith('...')) {
      if (!last) throw strPanic(`parsing ${JSON.stringify(pattern)}: {...} wildcard not at end`);
      segs.push({ kind: 'multi', name: name.slice(0, -3) });
    } else segs.push({ kind: 'wild', name });
  }
  return { pattern, h, method, host, segs, prefix: path.endsWith('/'), path };
}

/** The wildcards' values when the pattern's segments match the request's path segments, else null. */
function matchSegs(segs: readonly Seg[], path: string[]): Map<string, string> | null {
  const vals = new Map<string, string>();
  let i = 0;
  for (const s of segs) {
    switch (s.kind) {
      case 'multi':
        // the pattern's trailing slash must be there ("/static/" does not match "/static")
        if (i >= path.length) return null;
        if (s.name !== '') vals.set(s.name, decodeSeg(path.slice(i).join('/')));
        return vals;
      case 'end':
        // `/{$}`: the path ends with this slash
        return i === path.length - 1 && path[i] === '' ? vals : null;
      case 'lit':
        if (i >= path.length || decodeSeg(path[i]!) !== s.s) return null;
        break;
      case 'wild':
        if (i >= path.length || path[i] === '' ) return null;
        vals.set(s.name, decodeSeg(path[i]!));
        break;
    }
    i++;
  }
  return i === path.length ? vals : null;
}
const decodeSeg = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
/** server.go exactMatch: no multi wildcard at the end, or one that matches an empty rest. */
function exactMatch(e: Entry, path: string): boolean {
  const last = e.segs[e.segs.length - 1];
  if (last === undefined || last.kind !== 'multi') return true;
  if (!path.endsWith('/')) return false;
  return e.segs.length === path.split('/').length - 1;
}
/** Is a more specific than b: host first, then path segment by segment (literal > wildcard > rest), then a method. */
function moreSpecific(a: Entry, b: Entry, method: string | null): boolean {
  if ((a.host !== '') !== (b.host !== '')) return a.host !== '';
  const rank = (s: Seg | undefined): number => (s === undefined ? -1 : s.kind === 'lit' || s.kind === 'end' ? 3 : s.kind === 'wild' ? 2 : 1);
  const n = Math.max(a.segs.length, b.segs.length);
  for (let i = 0; i < n; i++) {
    const ra = rank(a.segs[i]);
    const rb = rank(b.segs[i]);
    if (ra !== rb) {
      if (ra === -1) return b.segs[i]!.kind === 'multi';
      if (rb === -1) return a.segs[i]!.kind !== 'multi';
      return ra > rb;
    }
  }
  // same paths: an exact method beats GET-for-HEAD, which beats no method
  const mr = (e: Entry): number => (e.method === '' ? 0 : e.method === method ? 2 : 1);
  return mr(a) > mr(b);
}

// ---------------------------------------------------------------- the client

/** What a write on a persistConn's writeLoop carries, and what readLoop answers on. */
interface WriteRequest {
  readonly bytes: string;
  readonly errch: Chan;
}
interface RequestAndChan {
  readonly req: Request;
  readonly ch: Chan;
}
interface ResponseAndError {
  readonly res: HttpResponse | null;
  readonly err: Iface | null;
}

/** A client connection (transport.go persistConn) and its two goroutines. */
class PersistConn {
  readonly br: ConnReader;
  readonly writech = new Chan(1);
  readonly reqch = new Chan(1);
  closed = false;
  constructor(
    readonly t: Transport,
    readonly key: string,
    readonly c: Conn,
  ) {
    this.br = new ConnReader(c);
  }
  *close(): Go {
    if (this.closed) return;
    this.closed = true;
    this.t.removeIdle(this);
    yield* closeConn(this.c);
    yield { k: K.Close, ch: this.writech };
  }
  *writeLoop(): Go {
    for (;;) {
      const [wr, ok] = (yield { k: K.Recv, ch: this.writech }) as [WriteRequest | null, boolean];
      if (!ok || wr === null) return;
      let err: Iface | null = null;
      if (this.c.closed || this.c.peer?.closed) err = newError('write: broken pipe');
      else {
        // bufio.Writer of 4096 over the conn, flushed after the request
        const bw = new BufWriter(connBufSize, (s) => this.writeConn(s));
        yield* bw.write(wr.bytes);
        yield* bw.flush();
      }
      yield { k: K.Send, ch: wr.errch, v: err };
      if (err !== null) {
        yield* this.close();
        return;
      }
    }
  }
  private *writeConn(s: string): Go {
    yield* this.c.Write(stringToBytes(s));
  }
  *readLoop(): Go {
    const s = this.t.st!;
    for (;;) {
      const alive = yield* this.br.peek();
      const [rcv, ok] = alive ? ((yield { k: K.Recv, ch: this.reqch }) as [RequestAndChan | null, boolean]) : [null, false];
      if (!alive || !ok || rcv === null) {
        yield* this.close();
        return;
      }
      let res: HttpResponse;
      let framing: Framing;
      try {
        [res, framing] = yield* readResponse(this.br, rcv.req);
      } catch (e) {
        if (!(e instanceof BodyError)) throw e;
        yield { k: K.Send, ch: rcv.ch, v: { res: null, err: e.err } satisfies ResponseAndError };
        yield* this.close();
        return;
      }
      // parsing the response, the Response object, the transport's bookkeeping
      yield { k: K.Work, ns: s.site.cli / 2, every: 0, alloc: s.site.alloc / 2 };
      const keep = !res.Close && !rcv.req.Close && !this.t.DisableKeepAlives;
      if (framing.kind === 'none') {
        res.Body = noBody;
        if (keep) this.t.putIdle(this);
        yield { k: K.Send, ch: rcv.ch, v: { res, err: null } satisfies ResponseAndError };
        if (!keep) {
          yield* this.close();
          return;
        }
        continue;
      }
      const body = new ClientBody(this, framing);
      res.Body = { t: types.bodyEOFSignal, v: body };
      yield { k: K.Send, ch: rcv.ch, v: { res, err: null } satisfies ResponseAndError };
      const [bodyEOF] = (yield { k: K.Recv, ch: body.waitForBodyRead }) as [boolean, boolean];
      if (bodyEOF && keep && !this.br.eof) {
        this.t.putIdle(this);
        yield { k: K.Send, ch: body.eofc, v: null };
        continue;
      }
      yield { k: K.Close, ch: body.eofc };
      yield* this.close();
      return;
    }
  }
}

/** A response's body on the client (transport.go bodyEOFSignal over body): EOF or Close tells readLoop. */
export class ClientBody {
  readonly waitForBodyRead = new Chan(2);
  readonly eofc = new Chan(0);
  done = false;
  closed = false;
  constructor(
    readonly pc: PersistConn,
    readonly f: Framing,
  ) {}
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    if (this.closed) return [0, ErrBodyReadAfterClose];
    if (this.done) return [0, EOF];
    const max = b === null ? 0 : b.n;
    if (max === 0) return [0, null];
    let n: number, end: boolean;
    try {
      [n, end] = yield* readBody(this.pc.br, this.f, b);
    } catch (e) {
      if (!(e instanceof BodyError)) throw e;
      yield* this.finish(false);
      return [0, e.err];
    }
    if (end) yield* this.finish(true);
    return [n, end ? EOF : null];
  }
  /** bodyEOFSignal's fn / earlyCloseFn: hand the connection back to readLoop and wait for it. */
  private *finish(eof: boolean): Go {
    if (this.done) return;
    this.done = true;
    yield { k: K.Send, ch: this.waitForBodyRead, v: eof };
    yield { k: K.Recv, ch: this.eofc };
  }
  *Close(): Go<Iface | null> {
    if (this.closed) return null;
    this.closed = true;
    yield* this.finish(false);
    return null;
  }
}

/** The response head from the wire; the body's framing. */
function* readResponse(r: ConnReader, req: Request): Go<[HttpResponse, Framing]> {
  const line = yield* r.readLine();
  if (line === null) throw new BodyError(EOF);
  const m = /^(HTTP\/(\d)\.(\d)) (\d{3})(?: (.*))?$/.exec(line);
  if (!m) throw new BodyError(newError(`malformed HTTP response ${JSON.stringify(line)}`));
  const code = Number(m[4]);
  const res = new HttpResponse(`${m[4]} ${m[5] ?? ''}`.trimEnd() === m[4] ? `${m[4]} ` : `${m[4]} ${m[5]}`, code, m[1]!, Number(m[2]), Number(m[3]));
  const header: HeaderMap = new Map();
  for (;;) {
    const h = yield* r.readLine();
    if (h === null) throw new BodyError(ErrUnexpectedEOF);
    if (h === '') break;
    const colon = h.indexOf(':');
    if (colon <= 0) throw new BodyError(newError(`malformed MIME header line: ${h}`));
    headerAdd(header, h.slice(0, colon), h.slice(colon + 1).trim());
  }
  res.Header = header;
  res.Request = req;
  res.Close = headerGet(header, 'Connection').toLowerCase() === 'close' || res.ProtoMajor < 1 || (res.ProtoMajor === 1 && res.ProtoMinor === 0);
  let f: Framing;
  const te = headerGet(header, 'Transfer-Encoding');
  if (req.Method === 'HEAD' || !bodyAllowedForStatus(code)) {
    const cl = headerGet(header, 'Content-Length');
    res.ContentLength = req.Method === 'HEAD' && /^\d+$/.test(cl) ? Number(cl) : req.Method === 'HEAD' ? -1 : 0;
    f = { kind: 'none' };
  } else if (te.toLowerCase() === 'chunked') {
    header.delete('Transfer-Encoding');
    header.delete('Content-Length');
    res.TransferEncoding = sliceLit(['chunked']);
    res.ContentLength = -1;
    f = { kind: 'chunked', left: 0, done: false };
  } else {
    const cl = headerGet(header, 'Content-Length');
    if (cl !== '' && /^\d+$/.test(cl)) {
      res.ContentLength = Number(cl);
      f = res.ContentLength > 0 ? { kind: 'length', left: res.ContentLength } : { kind: 'none' };
    } else {
      res.ContentLength = -1;
      res.Close = true;
      f = { kind: 'close' };
    }
  }
  return [res, f];
}

export class Transport {
  st: HttpState | null = null;
  readonly idle = new Map<string, PersistConn[]>();
  constructor(
    public MaxIdleConns = 0,
    public MaxIdleConnsPerHost = 0,
    public MaxConnsPerHost = 0,
    public IdleConnTimeout = 0,
    public DisableKeepAlives = false,
    public DisableCompression = false,
  ) {}
  removeIdle(pc: PersistConn): void {
    const l = this.idle.get(pc.key);
    if (!l) return;
    const i = l.indexOf(pc);
    if (i >= 0) l.splice(i, 1);
  }
  /** tryPutIdleConn: back in the pool unless the host already has MaxIdleConnsPerHost (then closed by readLoop's caller). */
  putIdle(pc: PersistConn): boolean {
    const max = this.MaxIdleConnsPerHost > 0 ? this.MaxIdleConnsPerHost : defaultMaxIdleConnsPerHost;
    const l = this.idle.get(pc.key) ?? [];
    this.idle.set(pc.key, l);
    if (l.length >= max || pc.closed) return false;
    l.push(pc);
    return true;
  }
  /** getConn: the most recently used idle connection (LIFO, as transport.go's idleConn list), or a new one. */
  private *getConn(key: string, hostport: string): Go<[PersistConn | null, Iface | null]> {
    const l = this.idle.get(key);
    while (l && l.length > 0) {
      const pc = l.pop()!;
      if (!pc.closed && !pc.br.eof) return [pc, null];
    }
    const s = this.st!;
    const [ci, err] = yield* Dial(s.p, 'tcp', hostport);
    if (err !== null || ci === null) return [null, err];
    const c = ci.v as Conn;
    if (c.peer) s.remote.set(c.peer, `127.0.0.1:${s.p.nextPort++}`);
    const pc = new PersistConn(this, key, c);
    yield { k: K.Go, fn: (() => new Body(pc.readLoop(), createdBy.dialConn)) as never, args: [], name: 'net/http.(*persistConn).readLoop' };
    yield { k: K.Go, fn: (() => new Body(pc.writeLoop(), createdBy.dialConn)) as never, args: [], name: 'net/http.(*persistConn).writeLoop' };
    return [pc, null];
  }
  /** RoundTrip: one request on a pooled or new connection, the response (its body still on the wire). */
  *RoundTrip(req: Request | null, p?: Process): Go<[HttpResponse | null, Iface | null]> {
    if (req === null) nilDeref();
    if (p !== undefined) this.st ??= st(p);
    this.st ??= req.st;
    const u = req.URL;
    if (u === null) return [null, newError('http: nil Request.URL')];
    if (u.Scheme !== 'http' && u.Scheme !== 'https') return [null, newError(`unsupported protocol scheme ${JSON.stringify(u.Scheme)}`)];
    if (u.Host === '') return [null, newError('http: no Host in request URL')];
    const ctx = (req.ctx?.v as Ctx | undefined) ?? null;
    if (ctx !== null && ctx.err !== null) return [null, ctx.err];
    const port = u.Port() !== '' ? u.Port() : u.Scheme === 'https' ? '443' : '80';
    const hostport = `${u.Hostname()}:${port}`;
    const key = `${u.Scheme}|${hostport}`;
    const [pc, err] = yield* this.getConn(key, hostport);
    if (err !== null || pc === null) return [null, err];
    const bytes = requestBytes(req, !this.DisableCompression, this.DisableKeepAlives);
    const errch = new Chan(1);
    const resc = new Chan(0);
    yield { k: K.Send, ch: pc.writech, v: { bytes, errch } satisfies WriteRequest };
    yield { k: K.Send, ch: pc.reqch, v: { req, ch: resc } satisfies RequestAndChan };
    const [werr] = (yield { k: K.Recv, ch: errch }) as [Iface | null, boolean];
    if (werr !== null) return [null, werr];
    const [re] = (yield { k: K.Recv, ch: resc }) as [ResponseAndError | null, boolean];
    if (re === null) return [null, newError('net/http: HTTP/1.x transport connection broken: unexpected EOF')];
    return [re.res, re.err];
  }
  *CloseIdleConnections(): Go {
    for (const l of [...this.idle.values()]) for (const pc of [...l]) yield* pc.close();
  }
}

/** The request's bytes (request.go write): request line, Host, User-Agent, length/chunked, headers, Accept-Encoding. */
function requestBytes(req: Request, gzip: boolean, closeConn: boolean): string {
  const u = req.URL!;
  let uri = u.EscapedPath();
  if (uri === '') uri = '/';
  if (u.ForceQuery || u.RawQuery !== '') uri += `?${u.RawQuery}`;
  const host = req.Host !== '' ? req.Host : u.Host;
  let s = `${req.Method || 'GET'} ${uri} HTTP/1.1\r\nHost: ${host}\r\n`;
  const ua = req.Header?.has('User-Agent') ? headerGet(req.Header, 'User-Agent') : defaultUserAgent;
  if (ua !== '') s += `User-Agent: ${ua}\r\n`;
  if ((req.Close || closeConn) && headerGet(req.Header, 'Connection') !== 'close') s += 'Connection: close\r\n';
  const body = req.sendBody;
  const m = req.Method;
  const chunked = body !== null && req.ContentLength <= 0 && body.length > 0 && req.ContentLength !== 0 ? true : body !== null && req.ContentLength === -1;
  if (chunked) s += 'Transfer-Encoding: chunked\r\n';
  else if (body !== null && req.ContentLength > 0) s += `Content-Length: ${req.ContentLength}\r\n`;
  else if (req.ContentLength === 0 && (m === 'POST' || m === 'PUT' || m === 'PATCH')) s += 'Content-Length: 0\r\n';
  s += headerLines(req.Header, reqWriteExcludeHeader);
  if (gzip && !req.Header?.has('Accept-Encoding') && !req.Header?.has('Range') && m !== 'HEAD') s += 'Accept-Encoding: gzip\r\n';
  s += '\r\n';
  if (body !== null && body.length > 0) s += chunked ? `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n` : body;
  else if (chunked) s += '0\r\n\r\n';
  return s;
}
/** request.go reqWriteExcludeHeader. */
const reqWriteExcludeHeader: ReadonlySet<string> = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer']);

export class Client {
  st: HttpState | null = null;
  constructor(
    public Transport: Iface | null = null,
    public CheckRedirect: ((req: Request, via: Slice) => Go<unknown>) | null = null,
    public Jar: Iface | null = null,
    public Timeout = 0,
  ) {}
  /** Do: the round trip, following redirects (301/302/303 as GET without a body; 307/308 as they were). */
  *Do(req: Request | null, p?: Process): Go<[HttpResponse | null, Iface | null]> {
    if (req === null) nilDeref();
    const s = this.state(p);
    let r = req;
    const urlErr = urlError;
    const method = (m: string): string => (m === '' ? 'GET' : m[0]! + m.slice(1).toLowerCase());
    const via: Request[] = [];
    for (let hops = 0; ; hops++) {
      // NewRequest, the Transport's request bookkeeping, writing the request head
      yield { k: K.Work, ns: s.site.cli / 2, every: 0, alloc: s.site.alloc / 2 };
      const [res, err] = yield* this.send(r);
      if (err !== null || res === null) return [null, urlErr(method(req.Method), r.URL?.String() ?? '', err ?? newError('nil response'))];
      const code = res.StatusCode;
      const loc = headerGet(res.Header, 'Location');
      if (![301, 302, 303, 307, 308].includes(code) || loc === '') return [res, null];
      if (this.CheckRedirect === null && hops + 1 >= maxRedirects + 1) {
        yield* closeBody(res.Body);
        return [null, urlErr(method(req.Method), loc, newError(`stopped after ${maxRedirects} redirects`))];
      }
      const [nu, perr] = r.URL === null ? [null, null] : resolveRef(r.URL, loc);
      if (perr !== null || nu === null) return [res, null];
      const keepBody = code === 307 || code === 308;
      const m = keepBody ? r.Method : r.Method === 'HEAD' ? 'HEAD' : 'GET';
      const next = new Request(m, nu, 'HTTP/1.1', 1, 1, r.Header === null ? new Map() : headerClone(r.Header));
      next.Host = '';
      next.ctx = r.ctx;
      next.Response = res;
      if (keepBody && r.sendBody !== null) {
        next.sendBody = r.sendBody;
        next.ContentLength = r.ContentLength;
        next.Body = r.Body;
      }
      via.push(r);
      if (this.CheckRedirect !== null) {
        const cerr = (yield* this.CheckRedirect(next, sliceLit([...via]))) as Iface | null;
        if (cerr === ErrUseLastResponse) return [res, null];
        if (cerr !== null) {
          yield* closeBody(res.Body);
          return [res, urlErr(method(req.Method), loc, cerr)];
        }
      }
      // drain a little of the old body so its connection can be reused, then close it
      yield* closeBody(res.Body);
      r = next;
    }
  }
  /** The run's state: this Client's, or the Process's when the program made the Client. */
  private state(p?: Process): HttpState {
    if (this.st === null) {
      if (p === undefined) throw new GoPanic(null, 'gmpsim: net/http.Client used through an interface before any call gave it its process');
      this.st = st(p);
    }
    return this.st;
  }
  private *send(req: Request): Go<[HttpResponse | null, Iface | null]> {
    if (req.Body !== null && req.sendBody === null && req.Body !== noBody) {
      const [b, err] = yield* readAllIface(req.Body);
      if (err !== null) return [null, err];
      req.sendBody = b;
      yield* closeBody(req.Body);
    }
    const t = this.Transport;
    if (t === null || t.v instanceof Transport) {
      const tr = (t?.v as Transport | undefined) ?? this.st!.transport;
      tr.st ??= this.st;
      return yield* tr.RoundTrip(req);
    }
    return (yield* (t.t as unknown as { $m: MethodTable }).$m.RoundTrip!(t.v, req)) as [HttpResponse | null, Iface | null];
  }
  *Get(url: string, p?: Process): Go<[HttpResponse | null, Iface | null]> {
    const [req, err] = NewRequestWithContext(null, 'GET', url, null, this.state(p));
    if (err !== null) return [null, urlError('Get', url, err)];
    return yield* this.Do(req);
  }
  *Head(url: string, p?: Process): Go<[HttpResponse | null, Iface | null]> {
    const [req, err] = NewRequestWithContext(null, 'HEAD', url, null, this.state(p));
    if (err !== null) return [null, urlError('Head', url, err)];
    return yield* this.Do(req);
  }
  *Post(url: string, contentType: string, body: Iface | null, p?: Process): Go<[HttpResponse | null, Iface | null]> {
    const [req, err] = NewRequestWithContext(null, 'POST', url, body, this.state(p));
    if (err !== null) return [null, urlError('Post', url, err)];
    headerSet(req!.Header, 'Content-Type', contentType);
    return yield* this.Do(req);
  }
  *PostForm(url: string, data: HeaderMap | null, p?: Process): Go<[HttpResponse | null, Iface | null]> {
    const enc = encodeForm(data);
    return yield* this.Post(url, 'application/x-www-form-urlencoded', { t: types.stringsReader, v: new StringsReaderLike(enc) }, p);
  }
  *CloseIdleConnections(p?: Process): Go {
    const t = this.Transport?.v;
    yield* (t instanceof Transport ? t : this.state(p).transport).CloseIdleConnections();
  }
}
/** A body given as a string (PostForm): a strings.Reader. */
class StringsReaderLike {
  i = 0;
  constructor(public s: string) {}
  *Read(b: Slice | null): Go<[number, Iface | null]> {
    if (this.i >= this.s.length) return [0, EOF];
    const s = this.s.slice(this.i, this.i + (b === null ? 0 : b.n));
    this.i += s.length;
    return [fillSlice(b, s), null];
  }
  Len(): number {
    return this.s.length - this.i;
  }
}
function encodeForm(m: HeaderMap | null): string {
  if (m === null) return '';
  const esc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const out: string[] = [];
  for (const k of [...m.keys()].sort()) for (const v of hvals(m, k)) out.push(`${esc(k)}=${esc(v)}`);
  return out.join('&');
}
function* closeBody(b: Iface | null): Go {
  if (b === null) return;
  const tab = (b.t as unknown as { $m: MethodTable }).$m;
  if (b.v instanceof ClientBody) {
    // client.go: read up to 2 KB of a short body so the connection is reused, then close
    const scratch = makeBytes(2048, 2048);
    for (let i = 0; i < 2 && !b.v.done; i++) yield* b.v.Read(scratch);
  }
  if (tab.Close) yield* tab.Close(b.v);
}
/** A *url.Error's text: `Op "URL": err` (its dynamic type is errors' *errorString here). */
const urlError = (op: string, url: string, err: Iface): Iface => newError(`${op} ${JSON.stringify(url)}: ${errorText(err)}`);
const errorText = (e: Iface): string => {
  const v = e.v as { s?: string; Error?: () => string };
  if (typeof v.s === 'string') return v.s;
  return String((e.t as unknown as { $m: MethodTable }).$m.Error!(e.v).next().value);
};
/** URL.ResolveReference for a Location: absolute, host-relative, or relative to the old path. */
function resolveRef(base: URL, loc: string): [URL | null, Iface | null] {
  const [ref, err] = parseURL(loc);
  if (err !== null || ref === null) return [null, err];
  if (ref.Scheme !== '') return [ref, null];
  if (ref.Host !== '') {
    ref.Scheme = base.Scheme;
    return [ref, null];
  }
  const u = new URL();
  u.Scheme = base.Scheme;
  u.Host = base.Host;
  u.User = base.User;
  u.Path = ref.Path.startsWith('/') ? cleanPath(ref.Path) : cleanPath(base.Path.slice(0, base.Path.lastIndexOf('/') + 1) + ref.Path);
  if (ref.Path.endsWith('/') && !u.Path.endsWith('/')) u.Path += '/';
  u.RawQuery = ref.RawQuery;
  return [u, null];
}

/** The length of a body NewRequest knows (request.go: *bytes.Buffer, *bytes.Reader, *strings.Reader); -1 unknown. */
function knownLength(body: Iface | null): number {
  if (body === null) return 0;
  const v = body.v as { Len?: () => number };
  if ((body.t === types.stringsReader || body.t === types.bytesBuffer) && typeof v.Len === 'function') return v.Len();
  return -1;
}

export function NewRequestWithContext(ctx: Iface | null, method: string, url: string, body: Iface | null, s: HttpState): [Request | null, Iface | null] {
  if (method === '') method = 'GET';
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) return [null, newError(`net/http: invalid method ${JSON.stringify(method)}`)];
  const [u, err] = parseURL(url);
  if (err !== null || u === null) return [null, err];
  const req = new Request(method, u, 'HTTP/1.1', 1, 1, new Map());
  req.Host = u.Host.replace(/:$/, '');
  req.ctx = ctx;
  req.st = s;
  if (body !== null) {
    req.Body = body;
    const n = knownLength(body);
    req.ContentLength = n;
    if (n === 0) req.Body = noBody;
  }
  return [req, null];
}

// ---------------------------------------------------------------- types

const S = tString;
const field = (name: string, type: Type) => ({ name, type, embedded: false, js: name });
export const tHeader = newNamed('Header', 'http', globalTypes.intern({ k: 'map', key: S, elem: sl(S) }));
jsMethod(tHeader, 'Get', fn([S], [S]), '$P.net_http.headerGet');
jsMethod(tHeader, 'Set', fn([S, S]), '$P.net_http.headerSet');
jsMethod(tHeader, 'Add', fn([S, S]), '$P.net_http.headerAdd');
jsMethod(tHeader, 'Del', fn([S]), '$P.net_http.headerDel');
jsMethod(tHeader, 'Values', fn([S], [sl(S)]), '$P.net_http.headerValues');

export const tRequest: NamedType = native('Request', 'http', '$P.net_http.Request');
const tRequestPtr = globalTypes.intern(ptr(tRequest));
export const tResponse: NamedType = native('Response', 'http', '$P.net_http.HttpResponse');
const tResponsePtr = globalTypes.intern(ptr(tResponse));
jsMethod(tHeader, 'Clone', fn([], [tHeader]), '$P.net_http.headerClone');

export const tResponseWriter = newNamed('ResponseWriter', 'http', {
  k: 'iface',
  methods: new Map([
    ['Header', fn([], [tHeader])],
    ['Write', fn([tBytes], [tInt, tError])],
    ['WriteHeader', fn([tInt])],
  ]),
});
export const tHandler = newNamed('Handler', 'http', { k: 'iface', methods: new Map([['ServeHTTP', fn([tResponseWriter, tRequestPtr])]]) });
const tFlusher = newNamed('Flusher', 'http', { k: 'iface', methods: new Map([['Flush', fn([])]]) });
export const tHandlerFunc = newNamed('HandlerFunc', 'http', fn([tResponseWriter, tRequestPtr]));
tHandlerFunc.methods.set('ServeHTTP', { name: 'ServeHTTP', sig: fn([tResponseWriter, tRequestPtr]), ptrRecv: false, fn: '$P.net_http.serveFunc', native: false, gen: true });
/** HandlerFunc.ServeHTTP: f(w, r). */
export function* serveFunc(f: ((w: unknown, r: unknown) => Go) | null, w: Iface | null, r: Request | null): Go {
  if (f === null) nilDeref();
  yield* f(w, r);
}
const tRoundTripper = newNamed('RoundTripper', 'http', { k: 'iface', methods: new Map([['RoundTrip', fn([tRequestPtr], [tResponsePtr, tError])]]) });

tRequest.under = globalTypes.intern({
  k: 'struct',
  fields: [
    field('Method', S),
    field('URL', globalTypes.intern(ptr(tURL))),
    field('Proto', S),
    field('ProtoMajor', tInt),
    field('ProtoMinor', tInt),
    field('Header', tHeader),
    field('Body', tReadCloser),
    field('ContentLength', tInt64),
    field('TransferEncoding', sl(S)),
    field('Close', tBool),
    field('Host', S),
    field('Form', tValues),
    field('PostForm', tValues),
    field('Trailer', tHeader),
    field('RemoteAddr', S),
    field('RequestURI', S),
    field('Response', tResponsePtr),
  ],
}) as never;
tResponse.under = globalTypes.intern({
  k: 'struct',
  fields: [
    field('Status', S),
    field('StatusCode', tInt),
    field('Proto', S),
    field('ProtoMajor', tInt),
    field('ProtoMinor', tInt),
    field('Header', tHeader),
    field('Body', tReadCloser),
    field('ContentLength', tInt64),
    field('TransferEncoding', sl(S)),
    field('Close', tBool),
    field('Uncompressed', tBool),
    field('Trailer', tHeader),
    field('Request', tRequestPtr),
  ],
}) as never;
method(tRequest, 'Context', fn([], [tContext]), false);
method(tRequest, 'WithContext', fn([tContext], [tRequestPtr]), false);
method(tRequest, 'ProtoAtLeast', fn([tInt, tInt], [tBool]), false);
method(tRequest, 'UserAgent', fn([], [S]), false);
method(tRequest, 'Referer', fn([], [S]), false);
method(tRequest, 'FormValue', fn([S], [S]), true);
method(tRequest, 'PostFormValue', fn([S], [S]), true);
method(tRequest, 'ParseForm', fn([], [tError]), true);
method(tRequest, 'PathValue', fn([S], [S]), false, true, '1.22');
method(tRequest, 'SetPathValue', fn([S, S]), false, true, '1.22');
method(tResponse, 'Location', fn([], [globalTypes.intern(ptr(tURL)), tError]), false);

export const tServer: NamedType = native(
  'Server',
  'http',
  '$P.net_http.Server',
  globalTypes.intern({
    k: 'struct',
    fields: [field('Addr', S), field('Handler', tHandler), field('ReadTimeout', tDuration), field('ReadHeaderTimeout', tDuration), field('WriteTimeout', tDuration), field('IdleTimeout', tDuration), field('MaxHeaderBytes', tInt)],
  }) as never,
);
method(tServer, 'ListenAndServe', fn([], [tError]), true, true, undefined, true);
method(tServer, 'Serve', fn([tListener], [tError]), true, true, undefined, true);
method(tServer, 'Shutdown', fn([tContext], [tError]), true);
method(tServer, 'Close', fn([], [tError]), true);
method(tServer, 'SetKeepAlivesEnabled', fn([tBool]), false);

export const tTransport: NamedType = native(
  'Transport',
  'http',
  '$P.net_http.Transport',
  globalTypes.intern({
    k: 'struct',
    fields: [field('MaxIdleConns', tInt), field('MaxIdleConnsPerHost', tInt), field('MaxConnsPerHost', tInt), field('IdleConnTimeout', tDuration), field('DisableKeepAlives', tBool), field('DisableCompression', tBool)],
  }) as never,
);
method(tTransport, 'RoundTrip', fn([tRequestPtr], [tResponsePtr, tError]), true, true, undefined, true);
method(tTransport, 'CloseIdleConnections', fn([]), true);

export const tClient: NamedType = native(
  'Client',
  'http',
  '$P.net_http.Client',
  globalTypes.intern({
    k: 'struct',
    fields: [field('Transport', tRoundTripper), field('CheckRedirect', fn([tRequestPtr, sl(tRequestPtr)], [tError])), field('Jar', tAnyIfaceJar()), field('Timeout', tDuration)],
  }) as never,
);
function tAnyIfaceJar(): Type {
  return newNamed('CookieJar', 'http', { k: 'iface', methods: new Map() });
}
const tValuesForm = tValues;
method(tClient, 'Do', fn([tRequestPtr], [tResponsePtr, tError]), true, true, undefined, true);
method(tClient, 'Get', fn([S], [tResponsePtr, tError]), true, true, undefined, true);
method(tClient, 'Head', fn([S], [tResponsePtr, tError]), true, true, undefined, true);
method(tClient, 'Post', fn([S, S, tReader], [tResponsePtr, tError]), true, true, undefined, true);
method(tClient, 'PostForm', fn([S, tValuesForm], [tResponsePtr, tError]), true, true, undefined, true);
method(tClient, 'CloseIdleConnections', fn([]), true, true, undefined, true);

export const tServeMux: NamedType = native('ServeMux', 'http', '$P.net_http.ServeMux');
method(tServeMux, 'Handle', fn([S, tHandler]), false, true, undefined, true);
method(tServeMux, 'HandleFunc', fn([S, fn([tResponseWriter, tRequestPtr])]), true, true, undefined, true);
method(tServeMux, 'ServeHTTP', fn([tResponseWriter, tRequestPtr]), true);

/** The dynamic types of values the package makes (their method tables: std/index.ts). */
export const tResponseImpl: NamedType = native('response', 'http', '$P.net_http.ResponseW');
method(tResponseImpl, 'Header', fn([], [tHeader]), false);
method(tResponseImpl, 'Write', fn([tBytes], [tInt, tError]), true);
method(tResponseImpl, 'WriteString', fn([S], [tInt, tError]), true);
method(tResponseImpl, 'WriteHeader', fn([tInt]), false);
method(tResponseImpl, 'Flush', fn([]), true);
export const tServerBody: NamedType = native('body', 'http', '$P.net_http.ServerBody');
export const tClientBody: NamedType = native('bodyEOFSignal', 'http', '$P.net_http.ClientBody');
export const tNoBody: NamedType = native('noBody', 'http', '$P.net_http.NoBodyT');
for (const t of [tServerBody, tClientBody, tNoBody]) {
  // noBody's methods have value receivers (NoBody is a noBody value)
  method(t, 'Read', fn([tBytes], [tInt, tError]), true, t !== tNoBody);
  method(t, 'Close', fn([], [tError]), true, t !== tNoBody);
}
method(tNoBody, 'WriteTo', fn([tReader], [tInt64, tError]), true, false);

const types: {
  readonly response: Type;
  readonly serverBody: Type;
  readonly bodyEOFSignal: Type;
  readonly handlerFunc: Type;
  readonly stringsReader: Type;
  readonly bytesBuffer: Type;
  readonly transport: Type;
} = {
  response: globalTypes.intern(ptr(tResponseImpl)),
  serverBody: globalTypes.intern(ptr(tServerBody)),
  bodyEOFSignal: globalTypes.intern(ptr(tClientBody)),
  handlerFunc: tHandlerFunc,
  stringsReader: globalTypes.intern(ptr(tStringsReader)),
  bytesBuffer: globalTypes.intern(ptr(tBuffer)),
  transport: globalTypes.intern(ptr(tTransport)),
};
/** http.NoBody. */
export const noBody: Iface = { t: tNoBody, v: new NoBodyT() };

/** The `created by` lines of the package's goroutines (go1.19.8's sites; runtime/frames.ts has 1.26's). */
const createdBy = {
  serve: 'created by net/http.(*Server).Serve\n\t/usr/lib/go-1.19/src/net/http/server.go:3102 +0x0\n',
  dialConn: 'created by net/http.(*Transport).dialConn\n\t/usr/lib/go-1.19/src/net/http/transport.go:1751 +0x0\n',
  backgroundRead: 'created by net/http.(*connReader).startBackgroundRead\n\t/usr/lib/go-1.19/src/net/http/server.go:674 +0x0\n',
};

// ---------------------------------------------------------------- the package

/** The JS of the run's HttpState at a call site. */
function S_(c: Compiler): string {
  void c;
  return '$P.net_http.st($proc)';
}
const H = tHandler;
const RW = tResponseWriter;
const R = tRequestPtr;
const consts: Record<string, ReturnType<typeof C>> = {};
for (const [k, v] of Object.entries(statusNames)) consts[k] = C(tInt, v);
for (const m of ['Get', 'Head', 'Post', 'Put', 'Patch', 'Delete', 'Connect', 'Options', 'Trace']) consts[`Method${m}`] = C(S, m.toUpperCase());

/** Server/Transport/Client values made by the program get the run's state when first used through these. */
export function srv(s: HttpState, x: Server | null): Server {
  if (x === null) nilDeref();
  x.st ??= s;
  return x;
}
export function cli(s: HttpState, x: Client | null): Client {
  if (x === null) nilDeref();
  x.st ??= s;
  return x;
}
export function tr(s: HttpState, x: Transport | null): Transport {
  if (x === null) nilDeref();
  x.st ??= s;
  return x;
}

pkg(
  'net/http',
  {
    ...consts,
    Handler: T(tHandler),
    HandlerFunc: T(tHandlerFunc),
    ResponseWriter: T(tResponseWriter),
    Flusher: T(tFlusher),
    Request: T(tRequest),
    Response: T(tResponse),
    Header: T(tHeader),
    Server: T(tServer),
    Client: T(tClient),
    Transport: T(tTransport),
    RoundTripper: T(tRoundTripper),
    ServeMux: T(tServeMux),
    TimeFormat: C(S, TimeFormat),
    DefaultMaxHeaderBytes: C(tInt, 1 << 20),
    DefaultMaxIdleConnsPerHost: C(tInt, defaultMaxIdleConnsPerHost),
    ErrServerClosed: V(tError, '$P.net_http.ErrServerClosed'),
    ErrBodyNotAllowed: V(tError, '$P.net_http.ErrBodyNotAllowed'),
    ErrBodyReadAfterClose: V(tError, '$P.net_http.ErrBodyReadAfterClose'),
    ErrNoLocation: V(tError, '$P.net_http.ErrNoLocation'),
    ErrUseLastResponse: V(tError, '$P.net_http.ErrUseLastResponse'),
    NoBody: V(tNoBody, '$P.net_http.noBody.v'),
    StatusText: F(fn([tInt], [S]), (a) => `$P.net_http.StatusText(${a[0]})`),
    CanonicalHeaderKey: F(fn([S], [S]), (a) => `$P.net_http.CanonicalHeaderKey(${a[0]})`),
    DetectContentType: F(fn([tBytes], [S]), (a) => `$P.net_http.DetectContentType($L.bytesToString(${a[0]}))`),
    NewServeMux: F(fn([], [globalTypes.intern(ptr(tServeMux))]), (_a, c) => `new $P.net_http.ServeMux(${S_(c)})`),
    Handle: F(fn([S, H]), (a, c) => `${S_(c)}.mux.Handle(${a[0]}, ${a[1]})`),
    HandleFunc: F(fn([S, fn([RW, R])]), (a, c) => `(yield* ${S_(c)}.mux.HandleFunc(${a[0]}, ${a[1]}))`),
    ListenAndServe: F(fn([S, H], [tError]), (a, c) => `(yield* $P.net_http.srv(${S_(c)}, new $P.net_http.Server(${a[0]}, ${a[1]})).ListenAndServe())`),
    Serve: F(fn([tListener, H], [tError]), (a, c) => `(yield* $P.net_http.srv(${S_(c)}, new $P.net_http.Server('', ${a[1]})).Serve(${a[0]}))`),
    Error: F(fn([RW, S, tInt]), (a, c) => `(yield* $P.net_http.Error(${a[0]}, ${a[1]}, ${a[2]}, ${JSON.stringify(c.release)}))`),
    NotFound: F(fn([RW, R]), (a, c) => `(yield* $P.net_http.NotFound(${a[0]}, ${a[1]}, ${JSON.stringify(c.release)}))`),
    NotFoundHandler: F(fn([], [H]), (_a, c) => `$P.net_http.funcHandler((w, r) => $P.net_http.NotFound(w, r, ${JSON.stringify(c.release)}))`),
    Redirect: F(fn([RW, R, S, tInt]), (a) => `(yield* $P.net_http.Redirect(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}))`),
    RedirectHandler: F(fn([S, tInt], [H]), (a) => `$P.net_http.redirectHandler(${a[0]}, ${a[1]})`),
    StripPrefix: F(fn([S, H], [H]), (a, c) => `$P.net_http.stripPrefix(${a[0]}, ${a[1]}, ${JSON.stringify(c.release)})`),
    Get: F(fn([S], [tResponsePtr, tError]), (a, c) => `(yield* ${S_(c)}.client.Get(${a[0]}))`),
    Head: F(fn([S], [tResponsePtr, tError]), (a, c) => `(yield* ${S_(c)}.client.Head(${a[0]}))`),
    Post: F(fn([S, S, tReader], [tResponsePtr, tError]), (a, c) => `(yield* ${S_(c)}.client.Post(${a[0]}, ${a[1]}, ${a[2]}))`),
    PostForm: F(fn([S, tValues], [tResponsePtr, tError]), (a, c) => `(yield* ${S_(c)}.client.PostForm(${a[0]}, ${a[1]}))`),
    NewRequest: F(fn([S, S, tReader], [tRequestPtr, tError]), (a, c) => `$P.net_http.NewRequestWithContext($P.context.Background(), ${a[0]}, ${a[1]}, ${a[2]}, ${S_(c)})`),
    NewRequestWithContext: F(fn([tContext, S, S, tReader], [tRequestPtr, tError]), (a, c) => `$P.net_http.NewRequestWithContext(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${S_(c)})`),
    DefaultClient: V(globalTypes.intern(ptr(tClient)), '$P.net_http.st($proc).client'),
    DefaultServeMux: V(globalTypes.intern(ptr(tServeMux)), '$P.net_http.st($proc).mux'),
    DefaultTransport: V(tRoundTripper, '({t: $P.net_http.types.transport, v: $P.net_http.st($proc).transport})'),
    $unsupported: subset(),
  },
  true,
);

/** A Handler made of a generator function of (w, r) (NotFoundHandler, RedirectHandler, StripPrefix). */
export function funcHandler(f: (w: Iface | null, r: Request | null) => Go): Iface {
  return { t: tHandlerFunc, v: f };
}
export function redirectHandler(url: string, code: number): Iface {
  return funcHandler((w, r) => Redirect(w, r, url, code));
}
/** StripPrefix: the handler sees the path without the prefix; 404 when it lacks it. */
export function stripPrefix(prefix: string, h: Iface | null, release: GoRelease): Iface | null {
  if (prefix === '') return h;
  return funcHandler(function* (w, r) {
    if (r === null) nilDeref();
    const p = r.URL?.Path ?? '';
    if (!p.startsWith(prefix)) return yield* NotFound(w, r, release);
    const r2 = Object.assign(Object.create(Request.prototype) as Request, r);
    const u = Object.assign(Object.create(URL.prototype) as URL, r.URL);
    u.Path = p.slice(prefix.length);
    u.RawPath = '';
    r2.URL = u;
    yield* callHandler(h, w as Iface, r2);
  });
}
export { types };
