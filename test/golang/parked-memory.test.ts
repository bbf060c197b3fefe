/**
 * What a goroutine of compiled Go holds while parked (issue 14: bytes per parked goroutine): its
 * GCtx allocates its panic state (GCtxExtra) only when it needs it, and the goroutines
 * one go statement starts share one immutable Origin — without changing a traceback's `created by`
 * lines, whose expected lines are the go statements' lines in the source below.
 */
import { describe, expect, it } from 'vitest';
import { compileGo } from '../../src/golang/index.js';
import { Runtime, run } from '../../src/runtime/runtime.js';
import { Body } from '../../src/golang/rt/goroutine.js';

const parked = `package main

import (
	"sync"
	"time"
)

func block(c chan int) { <-c }

func main() {
	var gate sync.WaitGroup
	gate.Add(1)
	for i := 0; i < 50; i++ {
		go func() { gate.Wait() }()
	}
	c := make(chan int)
	for i := 0; i < 2; i++ {
		go block(c)
		go func() { <-c }()
	}
	go block(c)
	time.Sleep(time.Hour)
}
`;

const deadlock = `package main

func block(c chan int) { <-c }

func main() {
	c := make(chan int)
	for i := 0; i < 2; i++ {
		go block(c)
		go func() { <-c }()
	}
	go block(c)
	<-c
}
`;

function compile(text: string): ReturnType<typeof compileGo> & { ok: true } {
  const r = compileGo([{ name: 'main.go', text }]);
  if (!r.ok) throw new Error(r.errors.map((e) => e.msg).join('; '));
  return r;
}

describe('a parked goroutine of compiled Go', () => {
  it('has no GCtxExtra, and the goroutines of one go statement share one Origin', () => {
    const r = compile(parked);
    const rt = new Runtime({ main: r.main, linksOS: r.linksOS, gomaxprocs: 2, storeLog: false, until: 1e9 });
    rt.run();
    const users = rt.allgs.filter((g) => !g.system && g.goid !== 1 && g.body instanceof Body);
    expect(users.length).toBe(55);
    const origins = new Set<unknown>();
    for (const g of users) {
      const b = g.body as Body;
      expect(b.ctx.extra).toBeNull();
      if (g.startfn === 'main.main.func1') origins.add((b as unknown as { origin: unknown }).origin);
    }
    // The 50 goroutines of the loop at main.go:14 share one (GCtxExtra.lastOrigin: the last one made).
    expect(origins.size).toBe(1);
  });

  it("keeps each goroutine's created-by line (deadlock dump)", () => {
    const r = compile(deadlock);
    const res = run({ main: r.main, linksOS: r.linksOS, gomaxprocs: 2, storeLog: false });
    const stderr = res.stderr;
    const created = [...stderr.matchAll(/^(main\.\S+)\(.*\n.*\ncreated by main\.main\n\t\/tmp\/gmpsim\/main\.go:(\d+)/gm)].map((m) => `${m[1]}@${m[2]}`);
    expect(created).toEqual(['main.block@8', 'main.main.func1@9', 'main.block@8', 'main.main.func1@9', 'main.block@11']);
  });
});
