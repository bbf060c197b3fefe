/**
 * Package net/http of the Go frontend (src/golang/std/net_http.ts) beyond the gotests comparisons with
 * real Go (http_server_client, http_handler_struct, http_mux_patterns, http_pathvalue, http_wire):
 * its run state lives in the Process, so a program run twice in one process gives the same output at
 * the same simulated time; the goroutines Go's net/http creates are there; DetectContentType and
 * CanonicalHeaderKey follow net/http's sniff.go table and textproto's rule.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runGo } from './harness.js';
import { DetectContentType, CanonicalHeaderKey } from '../../src/golang/std/net_http.js';

describe('net/http', () => {
  it('is deterministic: http_server_client run twice in one process prints the same at the same simulated time', () => {
    const src = readFileSync(join(root, 'http_server_client.go'), 'utf8');
    const a = runGo(src, {}, {}, 20e9, '1.26').res!;
    const b = runGo(src, {}, {}, 20e9, '1.26').res!;
    expect(a.stdout).toContain('keep-alive (same client address): true');
    expect(b.stdout).toBe(a.stdout);
    expect(b.simTime).toBe(a.simTime);
  });

  it("creates Go's goroutines: an accept loop, one per connection, readLoop/writeLoop per client connection, a background read per request", () => {
    const src = `package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
)

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	for i := 0; i < 3; i++ {
		resp, err := http.Get("http://" + ln.Addr().String())
		if err != nil {
			panic(err)
		}
		io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	fmt.Println(runtime.NumGoroutine())
}
`;
    const { compile, res } = runGo(src, {}, {}, 20e9, '1.26');
    expect(compile).toBeNull();
    // real go1.19.8 and go1.26.8 print 5 (8 runs): main, Serve, the server's conn goroutine, the client's readLoop and writeLoop (the connection is
    // reused: one of each); the background reads have ended
    expect(res!.stdout).toBe('5\n');
  });

  it("sniffs content types as net/http's DetectContentType (sniff.go)", () => {
    expect(DetectContentType('hello\n')).toBe('text/plain; charset=utf-8');
    expect(DetectContentType('{"a":1}')).toBe('text/plain; charset=utf-8');
    expect(DetectContentType(' \n<HtMl><body>')).toBe('text/html; charset=utf-8');
    expect(DetectContentType('<!-- c -->')).toBe('text/html; charset=utf-8');
    expect(DetectContentType('<htmlx')).toBe('text/plain; charset=utf-8'); // the tag must end with a space or '>'
    expect(DetectContentType('<?xml version="1.0"?>')).toBe('text/xml; charset=utf-8');
    expect(DetectContentType('%PDF-1.4')).toBe('application/pdf');
    expect(DetectContentType('\x89PNG\x0D\x0A\x1A\x0A....')).toBe('image/png');
    expect(DetectContentType('\x00\x01\x02')).toBe('application/octet-stream');
    expect(DetectContentType('')).toBe('text/plain; charset=utf-8');
  });

  it("canonicalises header keys as textproto's CanonicalMIMEHeaderKey", () => {
    expect(CanonicalHeaderKey('content-type')).toBe('Content-Type');
    expect(CanonicalHeaderKey('x-FORWARDED-for')).toBe('X-Forwarded-For');
    expect(CanonicalHeaderKey('bad key')).toBe('bad key'); // a space is not a token byte: unchanged
  });
});
