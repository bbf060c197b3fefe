// Behaviour: none — this program measures the machine-dependent costs the simulator needs as parameters
// (spec §19 "Environment parameters"). The recorder also writes reference/costs.json from it.
// Every figure is the median of many repetitions inside one run; costs.json reports the median (and
// min/max) of those per-run medians across runs. DESCRIBE lines say what each figure is.
// Single-P figures are taken after runtime.GOMAXPROCS(1); cross-thread figures after GOMAXPROCS(2).
//
// conformance-output: costs.json
// conformance: variant=default GOMAXPROCS=2 runs=5 timeout=60s expect=0
package main

import (
	"fmt"
	"net"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return -1
	}
	return s[len(s)/2]
}

func pct(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[int(float64(len(s)-1)*p)]
}

func report(name, unit string, v float64, what string) {
	fmt.Printf("DESCRIBE %s %s\n", name, what)
	fmt.Printf("MEASURE %s=%.4g %s\n", name, v, unit)
}

// repeat runs f reps times; f returns the number of operations it did; result = ns per op for each rep.
func repeat(reps int, f func() int) []float64 {
	out := make([]float64, reps)
	for i := range out {
		t := time.Now()
		n := f()
		out[i] = float64(time.Since(t).Nanoseconds()) / float64(n)
	}
	return out
}

var sink uint64

var epoch = time.Now()

// nanotime is a monotonic clock reading in ns.
func nanotime() int64 { return int64(time.Since(epoch)) }

func main() {
	runtime.GOMAXPROCS(1)

	// --- goroutine create + run + exit (GOMAXPROCS=1)
	{
		var wg sync.WaitGroup
		f := func() int {
			const n = 1000
			wg.Add(n)
			for i := 0; i < n; i++ {
				go wg.Done()
			}
			wg.Wait()
			return n
		}
		repeat(5, f) // warm the G free list
		report("goroutine_create_exit_ns", "ns", median(repeat(200, f)),
			"GOMAXPROCS=1: `go wg.Done()` ×1000 then Wait; per goroutine (newproc + run + goexit, G reused from the free list)")
	}

	// --- the go statement alone (GOMAXPROCS=1: the new goroutines do not run during the loop), with a
	// fresh G (gfget finds no dead G: malg allocates the G and its stack, allgadd) and with a G reused
	// from the P's free list
	{
		block := make(chan struct{})
		var wg sync.WaitGroup
		const n = 200
		spawn := func() int {
			wg.Add(n)
			for i := 0; i < n; i++ {
				go func() {
					<-block
					wg.Done()
				}()
			}
			return n
		}
		// fresh: every G created so far is still blocked, so each go statement allocates one
		fresh := repeat(10, spawn)
		close(block)
		wg.Wait()
		// reused: the 2000 dead Gs are on the free lists; each round's Gs exit before the next
		var reused []float64
		for r := 0; r < 10; r++ {
			block = make(chan struct{})
			reused = append(reused, repeat(1, spawn)...)
			close(block)
			wg.Wait()
		}
		report("goroutine_create_fresh_ns", "ns", median(fresh), "GOMAXPROCS=1: one go statement whose G is new (no dead G to reuse: malg + stack + allgadd), per goroutine")
		report("goroutine_create_reused_ns", "ns", median(reused), "GOMAXPROCS=1: one go statement whose G comes from the free list, per goroutine")
	}

	// --- goroutine switch via unbuffered channel ping-pong (GOMAXPROCS=1)
	{
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v
			}
		}()
		f := func() int {
			const n = 10000
			for i := 0; i < n; i++ {
				ping <- i
				<-pong
			}
			return 2 * n
		}
		repeat(3, f)
		report("goroutine_switch_ns", "ns", median(repeat(40, f)),
			"GOMAXPROCS=1: unbuffered channel ping-pong round trip / 2 (one send/recv handoff + gopark + runnext switch)")
		close(ping)
	}

	// --- buffered channel op (no blocking)
	{
		c := make(chan int, 128)
		f := func() int {
			for r := 0; r < 100; r++ {
				for i := 0; i < 128; i++ {
					c <- i
				}
				for i := 0; i < 128; i++ {
					sink += uint64(<-c)
				}
			}
			return 2 * 128 * 100
		}
		report("chan_buffered_op_ns", "ns", median(repeat(40, f)), "one non-blocking send or receive on a buffered channel")
	}

	// --- uncontended mutex
	{
		var mu sync.Mutex
		f := func() int {
			for i := 0; i < 100000; i++ {
				mu.Lock()
				mu.Unlock()
			}
			return 100000
		}
		report("mutex_uncontended_ns", "ns", median(repeat(20, f)), "sync.Mutex Lock+Unlock, uncontended")
	}

	// --- syscall overhead
	{
		pid := uintptr(syscall.SYS_GETPID)
		fs := func() int {
			for i := 0; i < 20000; i++ {
				syscall.Syscall(pid, 0, 0, 0)
			}
			return 20000
		}
		fr := func() int {
			for i := 0; i < 20000; i++ {
				syscall.RawSyscall(pid, 0, 0, 0)
			}
			return 20000
		}
		s := median(repeat(30, fs))
		r := median(repeat(30, fr))
		report("syscall_getpid_ns", "ns", s, "syscall.Syscall(SYS_GETPID): kernel round trip + entersyscall/exitsyscall (fast path)")
		report("rawsyscall_getpid_ns", "ns", r, "syscall.RawSyscall(SYS_GETPID): kernel round trip only")
		report("entersyscall_exitsyscall_ns", "ns", s-r, "syscall_getpid_ns − rawsyscall_getpid_ns: the runtime's entersyscall+exitsyscall overhead (fast path)")
	}

	// --- time.Now
	{
		f := func() int {
			for i := 0; i < 100000; i++ {
				sink += uint64(time.Now().UnixNano())
			}
			return 100000
		}
		report("time_now_ns", "ns", median(repeat(20, f)), "time.Now() (vDSO clock_gettime)")
	}

	// --- usleep slack: a raw nanosleep(20 µs) on this thread, no runtime involvement
	{
		ts := syscall.NsecToTimespec(20000)
		xs := make([]float64, 2000)
		for i := range xs {
			t := time.Now()
			syscall.RawSyscall(syscall.SYS_NANOSLEEP, uintptr(unsafe.Pointer(&ts)), 0, 0)
			xs[i] = float64(time.Since(t).Nanoseconds())/1e3 - 20
		}
		report("usleep_slack_us", "us", median(xs), "raw nanosleep(20 µs): measured duration − 20 µs, median (what sysmon's usleep(20) really costs extra)")
		report("usleep_slack_p90_us", "us", pct(xs, 0.9), "usleep_slack_us, 90th percentile")
	}

	// --- long nanosleep: a raw nanosleep(20 ms), how late it returns (timer slack + the wake-up of a
	// CPU that has been idle for 20 ms)
	{
		// (a sleep cut short by a signal — sysmon's preemption SIGURG — is not a sample)
		ts := syscall.NsecToTimespec(20e6)
		var xs []float64
		for try := 0; try < 60 && len(xs) < 15; try++ {
			t := time.Now()
			_, _, e := syscall.Syscall(syscall.SYS_NANOSLEEP, uintptr(unsafe.Pointer(&ts)), 0, 0)
			if e == 0 {
				xs = append(xs, float64(time.Since(t).Nanoseconds())/1e3-20000)
			}
		}
		report("nanosleep_20ms_late_us", "us", median(xs), "raw nanosleep(20 ms): measured duration − 20 ms, median")
	}

	// --- futex handoff: ping-pong with a goroutine locked to its thread (GOMAXPROCS=1).
	// Every handoff goes thread → thread: startlockedm / stoplockedm park one M (futex sleep) and wake the
	// other (futex wake), so a one-way trip = futex wake + OS wake-up + a little runtime bookkeeping.
	var futexOneWayUs float64
	{
		ping, pong := make(chan int), make(chan int)
		go func() {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			for v := range ping {
				pong <- v
			}
		}()
		xs := make([]float64, 0, 3000)
		for i := 0; i < 3000; i++ {
			t := time.Now()
			ping <- i
			<-pong
			xs = append(xs, float64(time.Since(t).Nanoseconds())/2e3)
		}
		close(ping)
		futexOneWayUs = median(xs[100:])
		report("futex_handoff_us", "us", futexOneWayUs, "GOMAXPROCS=1 ping-pong with a LockOSThread goroutine, round trip / 2: futex wake → other thread running")
		report("futex_handoff_p90_us", "us", pct(xs[100:], 0.9), "futex_handoff_us, 90th percentile")
	}

	// --- new thread: a locked goroutine exits (its M exits, mexit → handoffp), the P must go to another M.
	// When no idle M is left this is newm (delegated to the template thread, since the exiting M is locked):
	// template-thread futex wake + clone + new thread start + schedule. Trials are classified by whether
	// the runtime's M list shrank (an idle M was reused) or not (a thread was created).
	{
		var newThread, reused []float64
		for i := 0; i < 300; i++ {
			before := pprof.Lookup("threadcreate").Count()
			var t0 int64
			done := make(chan struct{})
			go func() {
				runtime.LockOSThread() // never unlocked: the thread exits with this goroutine
				atomic.StoreInt64(&t0, nanotime())
				close(done)
			}()
			<-done
			d := float64(nanotime()-atomic.LoadInt64(&t0)) / 1e3
			after := pprof.Lookup("threadcreate").Count()
			if after >= before {
				newThread = append(newThread, d)
			} else {
				reused = append(reused, d)
			}
		}
		// main only resumes once the goroutine's thread has handed the P over, so d covers the exit path too.
		nt := median(newThread)
		report("locked_exit_newthread_us", "us", nt, "locked goroutine exits → its thread exits → P handed to a NEW thread (via template thread) → main runs; median")
		report("locked_exit_newthread_trials", "count", float64(len(newThread)), "trials classified as new-thread")
		// Usually only the first trial or two find an idle M; -1 when none did.
		report("locked_exit_idle_m_us", "us", median(reused), "locked goroutine exits → P handed to an existing idle M (futex wake, no thread created) → main runs; -1 if no trial did")
		report("thread_create_est_us", "us", nt-futexOneWayUs, "estimate of OS thread creation + start: locked_exit_newthread − futex_handoff")
	}

	runtime.GOMAXPROCS(2)

	// --- one write(2) of a print argument: a 1-byte write to a pipe whose reader runs on another thread
	// (how the runtime's print reaches a captured stderr: one write per argument), GOMAXPROCS=2
	{
		pr, pw, err := os.Pipe()
		if err == nil {
			go func() {
				buf := make([]byte, 4096)
				for {
					if _, err := pr.Read(buf); err != nil {
						return
					}
				}
			}()
			fd := int(pw.Fd())
			one := []byte{'x'}
			xs := make([]float64, 2000)
			for i := range xs {
				t := time.Now()
				syscall.Write(fd, one)
				xs[i] = float64(time.Since(t).Nanoseconds()) / 1e3
			}
			pw.Close()
			report("print_write_us", "us", median(xs), "write(2) of 1 byte to a pipe read by another goroutine (one argument of the runtime's print)")
		}
	}


	// --- SIGURG preemption. (a) stop-the-world (runtime.ReadMemStats) with a non-yielding spinner on the
	// other P versus with the other P idle: the difference is what preempting a running goroutine costs the
	// stopper (tgkill to the spinner's thread + signal delivery + asyncPreempt + P stopped + futex wake of
	// the waiting M). (b) the tgkill(SIGURG) syscall itself, sent to that spinning thread (the handler sees no
	// preemption request and returns): the sender-side cost of preemptM on this machine.
	{
		var ms runtime.MemStats
		measure := func() []float64 {
			xs := make([]float64, 300)
			for i := range xs {
				t := time.Now()
				runtime.ReadMemStats(&ms)
				xs[i] = float64(time.Since(t).Nanoseconds()) / 1e3
				time.Sleep(200 * time.Microsecond)
			}
			return xs
		}
		base := median(measure())
		var stop int32
		var tid int64
		go func() {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			atomic.StoreInt64(&tid, int64(syscall.Gettid()))
			var x uint64
			for atomic.LoadInt32(&stop) == 0 {
				for i := 0; i < 1000000; i++ { // no calls inside: only async preemption stops this
					x++
				}
			}
			sink = x
		}()
		time.Sleep(5 * time.Millisecond)
		with := median(measure())
		pid := syscall.Getpid()
		ks := make([]float64, 500)
		for i := range ks {
			t := time.Now()
			syscall.Tgkill(pid, int(atomic.LoadInt64(&tid)), syscall.SIGURG)
			ks[i] = float64(time.Since(t).Nanoseconds()) / 1e3
			time.Sleep(100 * time.Microsecond)
		}
		// usleep slack while the other CPU is busy (the spinner): a raw nanosleep(20 µs) on a locked thread
		bs := make([]float64, 1000)
		func() {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			ts := syscall.NsecToTimespec(20000)
			for i := range bs {
				t := time.Now()
				syscall.RawSyscall(syscall.SYS_NANOSLEEP, uintptr(unsafe.Pointer(&ts)), 0, 0)
				bs[i] = float64(time.Since(t).Nanoseconds())/1e3 - 20
			}
		}()
		atomic.StoreInt32(&stop, 1)
		report("usleep_slack_busy_us", "us", median(bs), "raw nanosleep(20 µs) while a goroutine spins on the other CPU: measured duration − 20 µs, median (usleep_slack_us is with every other CPU idle)")
		report("stw_idle_us", "us", base, "runtime.ReadMemStats (one stop-the-world) with the other P idle")
		report("stw_spinner_us", "us", with, "runtime.ReadMemStats with a non-yielding goroutine running on the other P")
		report("sigurg_preempt_us", "us", with-base, "stw_spinner_us − stw_idle_us: preempting a running goroutine by signal, as seen by the stopper (tgkill + delivery + asyncPreempt + futex wake of the waiter)")
		report("sigurg_send_us", "us", median(ks), "tgkill(SIGURG) syscall to a thread spinning on the other CPU (sender-side cost of preemptM)")
	}

	// --- loopback TCP round trip between two goroutines (netpoller wake-ups)
	{
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Println("listen:", err)
			os.Exit(1)
		}
		go func() {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			b := make([]byte, 1)
			for {
				if _, err := c.Read(b); err != nil {
					return
				}
				c.Write(b)
			}
		}()
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			fmt.Println("dial:", err)
			os.Exit(1)
		}
		b := make([]byte, 1)
		xs := make([]float64, 2000)
		for i := range xs {
			t := time.Now()
			c.Write(b)
			c.Read(b)
			xs[i] = float64(time.Since(t).Nanoseconds()) / 1e3
		}
		c.Close()
		ln.Close()
		report("tcp_loopback_rtt_us", "us", median(xs[100:]), "GOMAXPROCS=2: 1-byte echo over loopback TCP between two goroutines, round trip")
	}

	// --- OS/VM stalls seen by a spinning thread (environment noise the simulator does not model)
	{
		base := time.Now()
		last := time.Duration(0)
		var gaps []float64
		for {
			now := time.Since(base)
			if d := now - last; d > 20*time.Microsecond {
				gaps = append(gaps, float64(d.Nanoseconds())/1e3)
			}
			last = now
			if now > 300*time.Millisecond {
				break
			}
		}
		lost, big := 0.0, 0
		for _, g := range gaps {
			lost += g
			if g > 500 {
				big++
			}
		}
		report("stall_rate_per_s", "1/s", float64(len(gaps))/0.3, "stalls > 20 µs per second seen by a spinning goroutine (timer ticks, VM exits, other load)")
		if len(gaps) > 0 {
			report("stall_median_us", "us", median(gaps), "median length of those stalls")
		}
		report("stall_over_500us_per_s", "1/s", float64(big)/0.3, "stalls > 500 µs per second")
		report("stall_time_fraction", "fraction", lost/300000, "fraction of wall time lost to stalls > 20 µs")
	}
	fmt.Println("done")
}
