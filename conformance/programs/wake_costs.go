// Behaviour: none — this program measures two costs that grow with the number of goroutines or timers,
// which the simulator's fixed per-call costs (costs.json) leave out. Both at GOMAXPROCS=1, single P.
//
// ring_hop_ns_N: a token ring of N goroutines (main + N−1 workers) over unbuffered channels, no timers:
// each hop is a send to a parked receiver (goready → runnext), the sender's blocking receive (gopark →
// schedule) and the switch to the receiver (execute → gogo). Every goroutine runs once per round, so
// between two runs of one goroutine exactly N−1 others ran: the per-hop time as a function of N is the
// cost of waking and switching to a goroutine whose g, sudog, channel and stack have not been touched for
// N−1 switches (N=2 is the hot ping-pong of calibrate.go's goroutine_switch_ns).
//
// ringperm_hop_ns_N: the same ring with the goroutines created (g and stack allocated) in a random
// order of their places on it: consecutive hops touch memory far apart, as when goroutines wake in an
// order unrelated to their creation (N sleepers in timer order, a worker pool).
//
// timer_cycle_ns_M: M pending time.AfterFunc timers on the one P's heap, due 1 h from now in creation
// order. Each iteration stops the earliest (the heap's root: go1.19 marks it timerDeleted, go1.26 a
// zombie) and starts a new one due after all others; addtimer/maybeAdd's cleantimers/cleanHead then pops
// the stopped root (siftdown from the root through log4(M) levels) and the new timer is appended at the
// bottom (one comparison with its parent). That is the heap work of a time.Sleep cycle of M sleepers (the
// root runs, the sleeper re-arms later than everyone), and like theirs each timer is touched once per M
// iterations. The per-iteration time as a function of M is the timer-heap cost at that heap size.
//
// sleep_cycle_ns_M: main loops time.Sleep(1 ns) beside M pending 1 h AfterFunc timers: the whole
// time.Sleep cycle of one sleeper — timeSleep + gopark + resetForSleep's modtimer (the new timer is the
// earliest: siftup to the root), schedule() → checkTimers → runtimer (pop the root: siftdown) →
// goroutineReady → goready into runnext, and the switch back — without the 1 ms netpoll wait that
// dominates real sleeps: the timer is already due when schedule() checks, so the P never idles. M=0
// is the bare cycle (a one-timer heap).
//
// Each figure is the median of 9 timed batches (after one warm-up batch) of ≈100k hops / 50k iterations.
//
// conformance: variant=default GOMAXPROCS=1 runs=5 timeout=120s expect=0
package main

import (
	"fmt"
	"sort"
	"time"
)

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// ring times 1+9 batches of `rounds` rounds of a token around main + n−1 workers; ns per hop. With
// shuffle, the workers are created (their g and stack allocated) in a random order of their places on
// the ring, so consecutive hops touch memory far apart, as when goroutines wake in an order unrelated
// to the one they were created in; without, in ring order (neighbouring hops touch neighbouring
// stacks, which the hardware prefetcher can follow).
func ring(n, rounds int, shuffle bool) float64 {
	chs := make([]chan int, n)
	for i := range chs {
		chs[i] = make(chan int)
	}
	order := make([]int, n-1)
	for i := range order {
		order[i] = i + 1
	}
	if shuffle {
		x := uint32(12345)
		for i := len(order) - 1; i > 0; i-- {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			j := int(x % uint32(i+1))
			order[i], order[j] = order[j], order[i]
		}
	}
	// main → chs[0] → worker 1 → chs[1] → … → worker n−1 → chs[n−1] → main.
	if n < 2 {
		panic("ring needs n >= 2")
	}
	for _, i := range order {
		go func(in, out chan int) {
			for v := range in {
				out <- v
			}
			close(out)
		}(chs[i-1], chs[i])
	}
	in := chs[n-1]
	out := chs[0]
	batch := func() {
		for r := 0; r < rounds; r++ {
			out <- r
			<-in
		}
	}
	batch() // warm-up: every goroutine has run once
	xs := make([]float64, 9)
	for i := range xs {
		t := time.Now()
		batch()
		xs[i] = float64(time.Since(t).Nanoseconds()) / float64(rounds*n)
	}
	close(out)
	for range in { // the close travels round the ring; every worker exits
	}
	return median(xs)
}

// timerCycle times 1+9 batches of `iters` stop-the-earliest / start-the-latest iterations with m pending
// AfterFunc timers; ns per iteration.
func timerCycle(m, iters int) float64 {
	f := func() { panic("a 1 h timer fired") }
	k := 0
	next := func() time.Duration { k++; return time.Hour + time.Duration(k)*time.Microsecond }
	q := make([]*time.Timer, m)
	for i := range q {
		q[i] = time.AfterFunc(next(), f)
	}
	head := 0
	batch := func() {
		for i := 0; i < iters; i++ {
			q[head].Stop()
			q[head] = time.AfterFunc(next(), f)
			head++
			if head == m {
				head = 0
			}
		}
	}
	batch()
	xs := make([]float64, 9)
	for i := range xs {
		t := time.Now()
		batch()
		xs[i] = float64(time.Since(t).Nanoseconds()) / float64(iters)
	}
	for _, t := range q {
		t.Stop()
	}
	return median(xs)
}

// sleepCycle times 1+9 batches of `iters` time.Sleep(1 ns) with m pending 1 h timers; ns per sleep.
func sleepCycle(m, iters int) float64 {
	f := func() { panic("a 1 h timer fired") }
	q := make([]*time.Timer, m)
	for i := range q {
		q[i] = time.AfterFunc(time.Hour+time.Duration(i)*time.Microsecond, f)
	}
	batch := func() {
		for i := 0; i < iters; i++ {
			time.Sleep(time.Nanosecond)
		}
	}
	batch()
	xs := make([]float64, 9)
	for i := range xs {
		t := time.Now()
		batch()
		xs[i] = float64(time.Since(t).Nanoseconds()) / float64(iters)
	}
	for _, t := range q {
		t.Stop()
	}
	return median(xs)
}

func report(name string, v float64, what string) {
	fmt.Printf("DESCRIBE %s %s\n", name, what)
	fmt.Printf("MEASURE %s=%.4g ns\n", name, v)
}

func main() {
	for _, n := range []int{2, 10, 100, 1000, 10000} {
		rounds := 100000 / n
		report(fmt.Sprintf("ring_hop_ns_%d", n), ring(n, rounds, false),
			fmt.Sprintf("one hop of a token ring of %d goroutines over unbuffered channels (send to a parked receiver, park, switch)", n))
		if n > 2 {
			report(fmt.Sprintf("ringperm_hop_ns_%d", n), ring(n, rounds, true),
				"the same, the goroutines created in a random order of their places on the ring")
		}
	}
	for _, m := range []int{2, 10, 100, 1000, 10000, 100000} {
		iters := 50000
		if iters < m {
			iters = m
		}
		report(fmt.Sprintf("timer_cycle_ns_%d", m), timerCycle(m, iters),
			fmt.Sprintf("Stop the earliest of %d pending AfterFunc timers + AfterFunc a new latest one (pop the root, push at the bottom)", m))
	}
	for _, m := range []int{0, 100, 10000} {
		report(fmt.Sprintf("sleep_cycle_ns_%d", m), sleepCycle(m, 50000),
			fmt.Sprintf("one time.Sleep(1 ns) cycle of main beside %d pending 1 h timers (arm at the root, park, run the timer, ready, switch back)", m))
	}
	fmt.Println("done")
}
