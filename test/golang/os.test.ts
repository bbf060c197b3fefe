/**
 * Packages os and syscall over the simulated kernel (src/sys): Go's texts and semantics, the
 * blocking pipe that holds a thread, the costs of reads by size, and run state that never leaks
 * from one run into the next.
 *
 * Expected values come from real Go: the outputs below were printed by the same programs built
 * with go1.19.8 (/usr/lib/go-1.19/bin/go) on the reference machine (temp-dir names aside), and
 * conformance/reference/go1.19/{pipe_block_threads,io_costs}.json.
 */
import { describe, expect, it } from 'vitest';
import { compileGo } from '../../src/golang/index.js';
import { run } from '../../src/runtime/runtime.js';

function exec(src: string, env: Record<string, string> = {}, gomaxprocs = 1, opts: Parameters<typeof compileGo>[1] = {}) {
  const r = compileGo([{ name: 'main.go', text: src }], { env, ...opts });
  if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
  return run({ main: r.main, linksOS: r.linksOS, ncpu: 2, gomaxprocs, seed: 1, storeLog: false, until: 20e9 });
}

const osProgram = `package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"syscall"
)

func main() {
	_, err := os.Open("/nope/x")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	dir, _ := os.MkdirTemp("", "t")
	p := dir + "/a.txt"
	fmt.Println(os.WriteFile(p, []byte("hello\\nworld\\n"), 0o644))
	b, err := os.ReadFile(p)
	fmt.Printf("%q %v\\n", b, err)
	fi, _ := os.Stat(p)
	fmt.Println(fi.Name(), fi.Size(), fi.IsDir(), fi.Mode())
	di, _ := os.Stat(dir)
	fmt.Println(di.IsDir(), di.Mode().IsDir())
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		fmt.Println(e.Name(), e.IsDir())
	}
	f, _ := os.Open(p)
	buf := make([]byte, 4)
	n, err := f.ReadAt(buf, 6)
	fmt.Println(n, err, string(buf))
	off, err := f.Seek(2, 0)
	fmt.Println(off, err)
	n, _ = f.Read(buf)
	fmt.Println(n, string(buf[:n]))
	fmt.Println(f.Close(), f.Close() != nil)
	_, err = os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	fmt.Println(os.IsExist(err))
	fmt.Println(os.Remove(p), os.IsNotExist(os.Remove(p)))
	var fds [2]int
	syscall.Pipe(fds[:])
	syscall.Close(fds[0])
	_, err = syscall.Write(fds[1], []byte("x"))
	fmt.Println(err, err == syscall.EPIPE)
	_, err = syscall.Read(99, buf)
	fmt.Println(err)
	log.SetFlags(0)
	log.SetPrefix("p: ")
	log.Println("logged")
	os.RemoveAll(dir)
	_, err = os.Stat(dir)
	fmt.Println(os.IsNotExist(err))
}
`;

describe('package os over the simulated kernel', () => {
  it('prints what go1.19.8 prints for files, directories, errors and pipes', () => {
    const res = exec(osProgram);
    expect(res.exitCode).toBe(0);
    // go1.19.8's output of the same program (real run on the reference machine)
    expect(res.stdout).toBe(
      [
        'open /nope/x: no such file or directory true true',
        '<nil>',
        '"hello\\nworld\\n" <nil>',
        'a.txt 12 false -rw-r--r--',
        'true true',
        'a.txt false',
        '4 <nil> worl',
        '2 <nil>',
        '4 llo',
        '',
        '<nil> true',
        'true',
        '<nil> true',
        'broken pipe true',
        'bad file descriptor',
        'true',
        '',
      ].join('\n'),
    );
    expect(res.stderr).toBe('p: logged\n');
  });

  it('a second run in the same process gives byte-identical output (no state leaks between runs)', () => {
    const src = `package main

import (
	"fmt"
	"log"
	"math/rand"
	"net"
	"os"
)

func main() {
	f, _ := os.CreateTemp("", "x*.txt")
	fmt.Println(f.Fd(), f.Name())
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	fmt.Println(l.Addr())
	log.Println("before")
	log.SetFlags(0)
	log.Println("after")
	fmt.Println(rand.Intn(1000), rand.Intn(1000))
	os.Setenv("K", "v")
}
`;
    const r = compileGo([{ name: 'main.go', text: src }]);
    if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
    const once = () => run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 1, seed: 1, storeLog: false });
    const a = once();
    const b = once();
    expect(a.exitCode).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
    // log's default flags (LstdFlags) apply again on the second run
    expect(b.stderr).toBe('2009/11/10 23:00:00 before\nafter\n');
    // and a fresh compile of the same source agrees too
    const c = exec(src);
    expect(c.stdout).toBe(a.stdout);
  });

  it('fds follow Linux: the lowest free fd; the netpoller takes three fds when os first opens a file (go1.19)', () => {
    // go1.19.8 printed: syscall.Pipe [3 4] / open 5 / open2 9 / create after close 5
    const res = exec(`package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	var p [2]int
	syscall.Pipe(p[:])
	fmt.Println("syscall.Pipe", p)
	f, _ := os.Open("/dev/urandom")
	fmt.Println("open", f.Fd())
	g, _ := os.Open("/dev/urandom")
	fmt.Println("open2", g.Fd())
	f.Close()
	k, _ := os.Create("/tmp/x")
	fmt.Println("create after close", k.Fd())
}
`);
    expect(res.stdout).toBe('syscall.Pipe [3 4]\nopen 5\nopen2 9\ncreate after close 5\n');
  });

  it('standard input and os.Args reach the program', () => {
    const res = exec(
      `package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	fmt.Println(len(os.Args), os.Args[1:])
	r := bufio.NewReader(os.Stdin)
	for {
		line, err := r.ReadString('\\n')
		if line != "" {
			fmt.Printf("%q\\n", line)
		}
		if err != nil {
			fmt.Println(err)
			break
		}
	}
}
`,
      {},
      1,
      { args: ['a', 'b'], stdin: 'one\ntwo' },
    );
    expect(res.stdout).toBe('3 [a b]\n"one\\n"\n"two"\nEOF\n');
  });

  it("os.Args[0] is the binary go run builds: named after the first file, without its directory", () => {
    const r = compileGo([{ name: '/home/u/proj/tool.go', text: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() { fmt.Println(os.Args[0]) }\n' }]);
    if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('\n'));
    const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 1, seed: 1, storeLog: false });
    // go run prints /tmp/go-build<random>/b001/exe/tool: the base name is tool
    expect(res.stdout).toBe('/tmp/go-build/exe/tool\n');
  });

  it('fmt.Scan, Scanln and Fscan read standard input (the count, the values, then a bufio.Reader over the rest)', () => {
    // go1.19.8 and go1.26.8 both print "3 [1 2 3] bob\n9\n" for this program with this input
    const res = exec(
      `package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var n int
	fmt.Scan(&n)
	xs := make([]int, n)
	for i := range xs {
		fmt.Scan(&xs[i])
	}
	var name string
	fmt.Scanln(&name)
	fmt.Println(n, xs, name)
	in := bufio.NewReader(os.Stdin)
	var a, b int
	fmt.Fscan(in, &a, &b)
	fmt.Println(a + b)
}
`,
      {},
      1,
      { stdin: '3\n1 2 3\nbob\n4 5\n' },
    );
    expect(res.stdout).toBe('3 [1 2 3] bob\n9\n');
  });
});

describe('blocking system calls hold their thread', () => {
  const pipeProgram = (n: number) => `package main

import (
	"fmt"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

func main() {
	pipes := make([][2]int, ${n})
	for i := range pipes {
		syscall.Pipe(pipes[i][:])
	}
	var wg sync.WaitGroup
	for i := 0; i < ${n}; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var b [1]byte
			syscall.Read(pipes[i][0], b[:])
		}(i)
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println(pprof.Lookup("threadcreate").Count())
	for i := 0; i < ${n}; i++ {
		syscall.Write(pipes[i][1], []byte{1})
	}
	wg.Wait()
	fmt.Println("woke")
}
`;
  it('N readers of empty blocking pipes (syscall.Pipe) reach N + 2 threads at GOMAXPROCS=1, as go1.19 (12 at N=10)', () => {
    // conformance/reference/go1.19/pipe_block_threads.json, variant n10_p1: threads_blocked 12 in every run
    const res = exec(pipeProgram(10));
    expect(res.stdout).toBe('12\nwoke\n');
  });

  it('os.Pipe ends are in the netpoller: their readers park and hold no thread', () => {
    const res = exec(`package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	ws := make([]*os.File, 10)
	for i := 0; i < 10; i++ {
		r, w, _ := os.Pipe()
		ws[i] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := make([]byte, 1)
			r.Read(b)
		}()
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println(pprof.Lookup("threadcreate").Count() <= 5)
	for _, w := range ws {
		w.Write([]byte{1})
	}
	wg.Wait()
	fmt.Println("woke")
}
`);
    expect(res.stdout).toBe('true\nwoke\n');
  });

  it('a read costs its size: 1 MiB of /dev/urandom keeps the thread in the kernel long enough for sysmon to hand its P to another goroutine', () => {
    // go1.19.8 at GOMAXPROCS=1 printed true in 5 of 5 runs: the second goroutine starts while the
    // first is still in read(2) (io_costs.json: urandom_read_1m_us median 3146 µs).
    const res = exec(`package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	f, _ := os.Open("/dev/urandom")
	b := make([]byte, 1<<20)
	done := make(chan bool)
	var readDone, bStart time.Duration
	start := time.Now()
	go func() { f.Read(b); readDone = time.Since(start); done <- true }()
	runtime.Gosched()
	go func() { bStart = time.Since(start); done <- true }()
	<-done
	<-done
	fmt.Println(bStart < readDone)
}
`);
    expect(res.stdout).toBe('true\n');
  });
});

describe('bufio.Scanner', () => {
  it('scans lines (CRLF, an empty line, a last line without newline), words, runes, and stops at a token over 64 KiB, as go1.19.8 does', () => {
    // The expected output is go1.19.8's for the same program with the same standard input.
    const res = exec(`package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	s := bufio.NewScanner(os.Stdin)
	n := 0
	for s.Scan() {
		n++
		fmt.Printf("%d %q\\n", n, s.Text())
	}
	fmt.Println("err", s.Err())
	w := bufio.NewScanner(strings.NewReader("  alpha beta\\tgamma\\n\\ndelta  "))
	w.Split(bufio.ScanWords)
	for w.Scan() {
		fmt.Printf("[%s]", w.Text())
	}
	fmt.Println()
	r := bufio.NewScanner(strings.NewReader("héllo"))
	r.Split(bufio.ScanRunes)
	for r.Scan() {
		fmt.Printf("<%s>", r.Text())
	}
	fmt.Println()
	long := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 70000) + "\\n"))
	fmt.Println(long.Scan(), long.Err())
	f, _ := os.Open("/proc/self/status")
	ps := bufio.NewScanner(f)
	for ps.Scan() {
		if strings.HasPrefix(ps.Text(), "Threads:") {
			fmt.Println("has threads line")
		}
	}
}
`, {}, 1, { stdin: 'one\r\ntwo\n\nlast' });
    expect(res.stdout).toBe(`1 "one"
2 "two"
3 ""
4 "last"
err <nil>
[alpha][beta][gamma][delta]
<h><é><l><l><o>
false bufio.Scanner: token too long
has threads line
`);
  });
});
