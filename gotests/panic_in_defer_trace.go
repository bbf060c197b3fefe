// A deferred call that panics while its frame is panicking runs on top of the panicking stack: the
// traceback shows the deferred call, gopanic's frame, then the first panic's frames from its site
// (here a runtime error two calls above the deferring frame).
package main

func index(x []int, i int) int {
	return x[i]
}

func inner(fn func()) {
	fn()
}

func wantPanic(fn func()) {
	defer func() {
		recover()
		panic("again")
	}()
	inner(fn)
}

func main() {
	wantPanic(func() {
		println(index(nil, 5))
	})
}
