/**
 * Constructs outside the supported subset: each gives one clear message naming the construct and
 * its position (`unsupported: <construct> (at main.go:L:C) is outside the Go subset gmpsim runs`),
 * never a crash. Go 1.19 itself accepts every program here (except where noted), so these are
 * limitations of gmpsim, not errors of the program.
 */
import { describe, it, expect } from 'vitest';
import { compileGo, formatGoErrors } from '../../src/golang/index.js';
import { runGo } from './harness.js';
import { mset, cmset, maxMapEntries } from '../../src/golang/rt/maps.js';

const cases: [string, string, RegExp, ('1.19' | '1.26')?][] = [
  ['runtime.GOROOT', 'package main\n\nimport "runtime"\n\nfunc main() { var x int; _ = x; _ = runtime.GOROOT() }\n', /^unsupported: runtime\.GOROOT \(at main\.go:5:37\)/],
  ['package encoding/csv', 'package main\n\nimport "encoding/csv"\n\nfunc main() { _ = csv.NewReader(nil) }\n', /^unsupported: package encoding\/csv \(Go 1\.19 has it; gmpsim's library does not\) \(at main\.go:3:8\)/],
  ['a member of package reflect outside the subset', 'package main\n\nimport "reflect"\n\nfunc main() { _ = reflect.Select }\n', /^unsupported: reflect\.Select \(at main\.go:5:19\)/],
  ['package os/user', 'package main\n\nimport "os/user"\n\nfunc main() { _, _ = user.Current() }\n', /^unsupported: package os\/user \(Go 1\.19 has it; gmpsim's library does not\) \(at main\.go:3:8\)/],
  ['dot import', 'package main\n\nimport . "fmt"\n\nfunc main() { Println(1) }\n', /^unsupported: dot imports \(at main\.go:3:8\)/],
  ['unsupported member of a supported package', 'package main\n\nimport "os"\n\nfunc main() { _ = os.Chtimes }\n', /^unsupported: os\.Chtimes \(at main\.go:5:19\)/],
  [
    "a string's memory read through a struct of the program's own (learngo's strings-runes-bytes/05-internals)",
    'package main\n\nimport "unsafe"\n\ntype H struct {\n\tp uintptr\n\tn int\n}\n\nfunc main() {\n\ts := "hi"\n\th := *(*H)(unsafe.Pointer(&s))\n\t_ = h\n}\n',
    /^unsupported: reading a string's memory as H through unsafe\.Pointer \(reflect\.StringHeader is supported\) \(at main\.go:12:8\)/,
  ],
  ['strings.ToValidUTF8', 'package main\n\nimport "strings"\n\nfunc main() { _ = strings.ToValidUTF8("a", "b") }\n', /^unsupported: strings\.ToValidUTF8 \(at main\.go:5:19\)/],
  [
    "a method of a library type gmpsim's package lacks (not a type error blaming the program)",
    'package main\n\nimport "time"\n\nfunc main() { _ = time.Now().GoString() }\n',
    /^unsupported: time\.Time\.GoString \(package time\) \(at main\.go:5:19\)/,
  ],
  [
    "a field of a library struct gmpsim's package lacks (not a type error blaming the program; ultimate-go's context_5)",
    'package main\n\nimport "net/http"\n\nfunc main() {\n\t_ = http.Transport{\n\t\tProxy: http.ProxyFromEnvironment,\n\t}\n}\n',
    /^unsupported: http\.Transport\.Proxy \(a field of package http\) \(at main\.go:7:3\)/,
  ],
  ['a member of sync/atomic gmpsim lacks', 'package main\n\nimport "sync/atomic"\n\nfunc main() { var p atomic.Pointer[int]; _ = p }\n', /^unsupported: sync\/atomic\.Pointer \(at main\.go:5:21\)/],
  ['a member of a Go-source package gmpsim lacks', 'package main\n\nimport "slices"\n\nfunc main() { _ = slices.Repeat([]int{1}, 2) }\n', /^unsupported: slices\.Repeat \(at main\.go:5:19\)/, '1.26'],
];

describe('unsupported constructs give one clear message', () => {
  for (const [what, src, re, go] of cases) {
    it(what, () => {
      const r = compileGo([{ name: 'main.go', text: src }], go ? { go } : {});
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]!.msg).toMatch(re);
      expect(formatGoErrors(r.errors)).toMatch(/^unsupported: /);
    });
  }
});

describe('pointer arithmetic through uintptr stops the run naming it (never a pointer to nothing)', () => {
  it("uintptr(unsafe.Pointer(&x)) + unsafe.Offsetof(x.b) (gopl.io's ch13/unsafeptr)", () => {
    // real Go prints 42; gmpsim's pointers are references, not addresses, so the sum is no pointer
    const src = 'package main\n\nimport (\n\t"fmt"\n\t"unsafe"\n)\n\nfunc main() {\n\tvar x struct {\n\t\ta bool\n\t\tb int16\n\t}\n\tpb := (*int16)(unsafe.Pointer(uintptr(unsafe.Pointer(&x)) + unsafe.Offsetof(x.b)))\n\t*pb = 42\n\tfmt.Println(x.b)\n}\n';
    const { compile, res } = runGo(src);
    expect(compile).toBeNull();
    expect(res!.stdout).toBe('');
    expect(res!.exitCode).toBe(2);
    expect(res!.stderr.split('\n')[0]).toBe("panic: unsupported: unsafe.Pointer of arithmetic on a pointer's uintptr (uintptr(unsafe.Pointer(p)) + offset) is outside what gmpsim can represent");
  });
});

describe('a map beyond what a JS Map holds stops the run naming it (never a JS RangeError)', () => {
  it('the 2^24+1-th key (ultimate-go profiling/memory_tracing fills a map until a signal arrives)', () => {
    // a Map that reports being full: filling a real one takes seconds
    const full = new Map<unknown, unknown>([[0, 0]]);
    Object.defineProperty(full, 'size', { get: () => maxMapEntries });
    expect(() => mset(full, 1, 1)).toThrow(/^unsupported: a map of more than 16777216 entries \(the most a JS Map holds\) is outside what gmpsim can represent$/);
    expect(() => cmset(full, { a: 1 }, 1)).toThrow(/^unsupported: a map of more than 16777216 entries/);
    // an existing key is still assignable
    mset(full, 0, 5);
    expect(full.get(0)).toBe(5);
  });
});
