// runtime.SetFinalizer (runtime/mfinal.go): a finalizer runs on the finalizer goroutine after a
// GC finds its object unreachable; what a finalized object points to is found dead one cycle
// later (A → B: every A's finalizer before any B's); a nil finalizer removes one; an interface
// parameter gets the pointer in an interface; runtime.KeepAlive keeps an object alive to that
// point; a variable past its last use is dead (the stack maps' liveness).
package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type A struct {
	b *B
	n int
}

// B holds a pointer so that it is not tiny-allocated (malloc.go: a 16-byte tiny block lives
// while any object in it does, and the current one while it is being filled).
type B struct {
	n int
	p *int
}

var done = make(chan string, 100)

// collect waits for n finalizer messages (or 1 s) and prints them sorted.
func collect(what string, n int) {
	var got []string
	timeout := time.After(time.Second)
	for len(got) < n {
		select {
		case m := <-done:
			got = append(got, m)
		case <-timeout:
			fmt.Println(what, "timeout after", len(got))
			return
		}
	}
	sort.Strings(got)
	fmt.Println(what, got)
}

// none checks that no finalizer ran after a GC and a pause.
func none(what string) {
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	select {
	case m := <-done:
		fmt.Println(what, "unexpected finalizer", m)
	default:
		fmt.Println(what, "no finalizer")
	}
}

func chain() {
	for i := 0; i < 3; i++ {
		b := &B{n: i}
		a := &A{b, i}
		runtime.SetFinalizer(b, func(b *B) { done <- fmt.Sprint("B", b.n) })
		runtime.SetFinalizer(a, func(a *A) { done <- fmt.Sprint("A", a.n) })
	}
	runtime.GC()
	collect("first GC:", 3)
	runtime.GC()
	collect("second GC:", 3)
}

func removed() {
	for i := 0; i < 3; i++ {
		p := &B{n: i}
		runtime.SetFinalizer(p, func(p *B) { done <- "removed finalizer ran" })
		runtime.SetFinalizer(p, nil)
	}
	none("removed:")
}

func iface() {
	var x interface{} = &B{n: 7}
	runtime.SetFinalizer(x, func(v interface{}) { done <- fmt.Sprintf("%T %d", v, v.(*B).n) })
	x = nil
	runtime.GC()
	collect("interface parameter:", 1)
}

func keepAlive() {
	p := &B{n: 8}
	runtime.SetFinalizer(p, func(p *B) { done <- fmt.Sprint("kept ", p.n) })
	none("before KeepAlive:")
	runtime.KeepAlive(p)
	runtime.GC()
	collect("after KeepAlive:", 1)
}

func use(p *B) {
	runtime.GC()
	collect("during use:", 1)
}

func lastUse() {
	q := &B{n: 9}
	runtime.SetFinalizer(q, func(q *B) { done <- fmt.Sprint("dead ", q.n) })
	use(q)
}

func main() {
	chain()
	removed()
	iface()
	keepAlive()
	lastUse()
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
