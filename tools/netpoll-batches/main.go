// Command netpoll-batches reads a Go execution trace (golang.org/x/exp/trace, as tools/gotrace-read) of
// conformance/programs/netpoll_wake.go and says how the netpoller woke the readers: each reader's
// Waiting→Runnable (its unblock) and first Running, grouped into batches (unblocks by one thread less
// than 1 µs apart: one netpoll call's list), the batch-size histogram and which thread/P ran them.
// With a second argument it also prints the timeline: P starts/stops and goroutine syscalls.
// FROM=<µs> skips everything before that time (gmpsim's --trace covers the whole run, the traced copy
// of the program only the write phase).
//
// Usage: netpoll-batches FILE.trace [v]
//
// The traced copy of the program (trace.Start just before the write loop, trace.Stop after done.Wait):
//
//	sed -e 's#"runtime/pprof"#"runtime/pprof"\n\t"runtime/trace"#' \
//	    -e 's#\tt0 := now()#\ttf, _ := os.Create(os.Getenv("TRACE"))\n\ttrace.Start(tf)\n\tt0 := now()#' \
//	    -e 's#\tsort.Slice(back#\ttrace.Stop()\n\ttf.Close()\n\tsort.Slice(back#' \
//	    conformance/programs/netpoll_wake.go > /tmp/np/main.go
//	N=100 GOMAXPROCS=2 TRACE=/tmp/np.trace go run /tmp/np/main.go
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/exp/trace"
)

type rec struct {
	g                    trace.GoID
	unblockT, runT, endT trace.Time
	unM                  trace.ThreadID
	unP                  trace.ProcID
	unStack              string
	runM                 trace.ThreadID
	runP                 trace.ProcID
}

func main() {
	f, _ := os.Open(os.Args[1])
	r, err := trace.NewReader(f)
	if err != nil {
		panic(err)
	}
	recs := map[trace.GoID]*rec{}
	var order []*rec
	var t0 trace.Time
	verbose := len(os.Args) > 2
	from0, _ := strconv.ParseFloat(os.Getenv("FROM"), 64)
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		if t0 == 0 {
			t0 = ev.Time()
		}
		rel := func(t trace.Time) float64 { return float64(t-t0) / 1e3 }
		if ev.Kind() == trace.EventStateTransition {
			st := ev.StateTransition()
			if st.Resource.Kind == trace.ResourceGoroutine {
				g := st.Resource.Goroutine()
				from, to := st.Goroutine()
				if from == trace.GoWaiting && to == trace.GoRunnable && st.Reason == "" {
					stk := ""
					for fr := range ev.Stack().Frames() {
						stk += fr.Func + ";"
					}
					// The netpoller's unblocks carry no user stack (or one in the scheduler); a channel or
					// WaitGroup wake-up has the waker's stack and is not counted.
					if strings.Contains(stk, "netpoll") || strings.Contains(stk, "findRunnable") || strings.Contains(stk, "injectglist") || stk == "" {
						rc := &rec{g: g, unblockT: ev.Time(), unM: ev.Thread(), unP: ev.Proc(), unStack: stk}
						recs[g] = rc
						order = append(order, rc)
					}
				}
				if to == trace.GoRunning {
					if rc, ok := recs[g]; ok && rc.runT == 0 {
						rc.runT = ev.Time()
						rc.runM = ev.Thread()
						rc.runP = ev.Proc()
					}
				}
				if from == trace.GoRunning && to == trace.GoNotExist {
					if rc, ok := recs[g]; ok {
						rc.endT = ev.Time()
					}
				}
				if verbose && rel(ev.Time()) > from0 && (to == trace.GoSyscall || from == trace.GoSyscall) {
					fmt.Printf("%10.1f syscall g%d %v->%v M%d P%d\n", rel(ev.Time()), g, from, to, ev.Thread(), ev.Proc())
				}
			}
			if st.Resource.Kind == trace.ResourceProc && verbose && rel(ev.Time()) > from0 {
				from, to := st.Proc()
				fmt.Printf("%10.1f proc P%d %v->%v M%d\n", rel(ev.Time()), st.Resource.Proc(), from, to, ev.Thread())
			}
		}
	}
	// Batches: unblocks by the same thread less than 1 µs apart (one netpoll call's list).
	rel := func(t trace.Time) float64 { return float64(t-t0) / 1e3 }
	from, _ := strconv.ParseFloat(os.Getenv("FROM"), 64)
	var kept []*rec
	for _, rc := range order {
		if rel(rc.unblockT) >= from {
			kept = append(kept, rc)
		}
	}
	order = kept
	sort.Slice(order, func(a, b int) bool { return order[a].unblockT < order[b].unblockT })
	var batches []int
	for i, rc := range order {
		if i == 0 || rc.unM != order[i-1].unM || rc.unblockT-order[i-1].unblockT > 1000 {
			batches = append(batches, 0)
			if verbose {
				fmt.Printf("-- batch at %.1f by M%d P%d stack %s\n", rel(rc.unblockT), rc.unM, rc.unP, short(rc.unStack))
			}
		}
		batches[len(batches)-1]++
		if verbose {
			fmt.Printf("   g%d unblock %.1f run %.1f (M%d P%d) end %.1f\n", rc.g, rel(rc.unblockT), rel(rc.runT), rc.runM, rc.runP, rel(rc.endT))
		}
	}
	hist := map[int]int{}
	for _, b := range batches {
		hist[b]++
	}
	fmt.Println("readers", len(order), "batches", len(batches), "hist(size:count)", hist)
	runOn := map[string]int{}
	for _, rc := range order {
		runOn[fmt.Sprintf("unM%d->runM%d/P%d", rc.unM, rc.runM, rc.runP)]++
	}
	fmt.Println(runOn)
}

func short(s string) string {
	parts := strings.Split(s, ";")
	if len(parts) > 4 {
		parts = parts[:4]
	}
	return strings.Join(parts, "<")
}
