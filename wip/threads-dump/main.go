package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"golang.org/x/exp/trace"
)

func main() {
	f, _ := os.Open(os.Args[1])
	r, err := trace.NewReader(f)
	if err != nil {
		panic(err)
	}
	var evs []trace.Event
	for {
		ev, err := r.ReadEvent()
		if err != nil {
			break
		}
		evs = append(evs, ev)
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Time() < evs[j].Time() })
	t0 := evs[0].Time()
	first := map[trace.ThreadID]float64{}
	var a, b float64 = -1, -1
	if os.Getenv("WIN") != "" {
		fmt.Sscanf(os.Getenv("WIN"), "%f-%f", &a, &b)
	}
	for _, e := range evs {
		t := float64(e.Time()-t0) / 1e3
		m := e.Thread()
		if m != trace.NoThread {
			if _, ok := first[m]; !ok {
				first[m] = t
				if a < 0 {
					fmt.Printf("%9.1f NEW M%d (P%d G%d) %v\n", t, m, e.Proc(), e.Goroutine(), desc(e))
				}
			}
		}
		if a >= 0 && t >= a && t <= b {
			fmt.Printf("%9.1f M%d P%d G%d %s\n", t, m, e.Proc(), e.Goroutine(), desc(e))
		}
	}
}

func desc(e trace.Event) string {
	switch e.Kind() {
	case trace.EventStateTransition:
		st := e.StateTransition()
		x, y := st.Resource.Kind, ""
		_ = x
		if st.Resource.Kind == trace.ResourceGoroutine {
			p, q := st.Goroutine()
			y = fmt.Sprintf("g%d %v->%v %s", st.Resource.Goroutine(), p, q, st.Reason)
			if q == trace.GoRunnable || q == trace.GoWaiting || q == trace.GoSyscall {
				stk := []string{}
				for fr := range st.Stack.Frames() {
					stk = append(stk, fr.Func)
					if len(stk) > 3 { break }
				}
				y += " [" + strings.Join(stk, "<") + "]"
			}
		} else if st.Resource.Kind == trace.ResourceProc {
			p, q := st.Proc()
			y = fmt.Sprintf("proc%d %v->%v", st.Resource.Proc(), p, q)
		}
		return y
	case trace.EventRangeBegin, trace.EventRangeEnd:
		return fmt.Sprintf("%v %s", e.Kind(), e.Range().Name)
	case trace.EventMetric:
		return ""
	}
	return e.Kind().String() + " " + e.String()[:min(len(e.String()),160)]
}
