package main

import (
	"fmt"
	"os"
	"sort"

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
	if os.Getenv("SWP") != "" {
		open := map[trace.GoID]trace.Time{}
		tot := map[string]float64{}
		n := map[string]int{}
		for _, e := range evs {
			if e.Kind() == trace.EventRangeBegin {
				open[e.Goroutine()] = e.Time()
			}
			if e.Kind() == trace.EventRangeEnd {
				name := e.Range().Name
				if t, ok := open[e.Goroutine()]; ok {
					k := name
					if e.Goroutine() == 1 { k = "g1 " + name }
					tot[k] += float64(e.Time()-t) / 1e3
					n[k]++
				}
			}
		}
		for k, v := range tot { fmt.Printf("  %-45s n=%d %.0fus\n", k, n[k], v) }
		return
	}
	if os.Getenv("WIN") != "" {
		var a, b float64
		fmt.Sscanf(os.Getenv("WIN"), "%f-%f", &a, &b)
		t0 := evs[0].Time()
		for _, e := range evs {
			t := float64(e.Time()-t0) / 1e3
			if t < a || t > b { continue }
			if e.Kind() == trace.EventStateTransition {
				st := e.StateTransition()
				if st.Resource.Kind == trace.ResourceGoroutine {
					x, y := st.Goroutine()
					if x == trace.GoRunning || y == trace.GoRunning || st.Resource.Goroutine() < 12 {
						fmt.Printf("%8.1f M%d P%d G%d g%d %v->%v %s\n", t, e.Thread(), e.Proc(), e.Goroutine(), st.Resource.Goroutine(), x, y, st.Reason)
					}
				} else if st.Resource.Kind == trace.ResourceProc {
					x, y := st.Proc()
					fmt.Printf("%8.1f M%d P%d proc%d %v->%v\n", t, e.Thread(), e.Proc(), st.Resource.Proc(), x, y)
				}
			} else if e.Kind() == trace.EventRangeBegin || e.Kind() == trace.EventRangeEnd {
				fmt.Printf("%8.1f M%d P%d G%d %v %s\n", t, e.Thread(), e.Proc(), e.Goroutine(), e.Kind(), e.Range().Name)
			}
		}
		return
	}
	if os.Getenv("BLK") != "" {
		type st struct{ t trace.Time; r string }
		last := map[trace.GoID]st{}
		sum := map[string]float64{}
		cnt := map[string]int{}
		var t0 trace.Time
		for i, ev := range evs {
			if i == 0 { t0 = ev.Time() }
			if ev.Kind() == trace.EventRangeBegin || ev.Kind() == trace.EventRangeEnd {
				if ev.Range().Name[:2] == "GC" || ev.Range().Name[:4] == "stop" {
					fmt.Printf("%8.1fus %v %s P%d G%d\n", float64(ev.Time()-t0)/1e3, ev.Kind(), ev.Range().Name, ev.Proc(), ev.Goroutine())
				}
			}
			if ev.Kind() != trace.EventStateTransition { continue }
			x := ev.StateTransition()
			if x.Resource.Kind != trace.ResourceGoroutine { continue }
			g := x.Resource.Goroutine()
			from, to := x.Goroutine()
			if p, ok := last[g]; ok && from != trace.GoRunning {
				sum[p.r] += float64(ev.Time()-p.t) / 1e3
				cnt[p.r]++
			}
			if to != trace.GoRunning && to != trace.GoNotExist {
				last[g] = st{ev.Time(), to.String() + " " + x.Reason}
			} else {
				delete(last, g)
			}
		}
		for k, v := range sum { fmt.Printf("  %-45s n=%d %.0fus\n", k, cnt[k], v) }
		return
	}
	if os.Getenv("STAT") != "" {
		stat(evs)
		return
	}
	if os.Getenv("PRE") != "" {
		for i, ev := range evs {
			if ev.Kind() == trace.EventRangeBegin && ev.Range().Name == "stop-the-world (GC sweep termination)" {
				t0 := ev.Time()
				for j := i - 1; j >= 0 && float64(t0-evs[j].Time()) < 400e3; j-- {
					e := evs[j]
					if e.Kind() == trace.EventStateTransition || e.Kind() == trace.EventRangeEnd || e.Kind() == trace.EventRangeBegin {
						fmt.Printf("  -%7.1fus M%d P%d G%d %v", float64(t0-e.Time())/1e3, e.Thread(), e.Proc(), e.Goroutine(), e.Kind())
						if e.Kind() == trace.EventStateTransition {
							st := e.StateTransition()
							if st.Resource.Kind == trace.ResourceGoroutine {
								a, b := st.Goroutine()
								fmt.Printf(" g%d %v->%v %s", st.Resource.Goroutine(), a, b, st.Reason)
							} else if st.Resource.Kind == trace.ResourceProc {
								a, b := st.Proc()
								fmt.Printf(" proc%d %v->%v", st.Resource.Proc(), a, b)
							}
						} else {
							fmt.Printf(" %s", e.Range().Name)
						}
						fmt.Println()
					}
				}
				fmt.Println("=====")
			}
		}
		return
	}
	in := false
	var t0 trace.Time
	n := 0
	for _, ev := range evs {
		k := ev.Kind()
		if k == trace.EventRangeBegin && ev.Range().Name[:len(os.Getenv("RNG"))] == os.Getenv("RNG") {
			in = true
			t0 = ev.Time()
			n++
		}
		if in && n > 3 && n < 12 {
			fmt.Printf("%8.1fus M%d P%d G%d %v", float64(ev.Time()-t0)/1e3, ev.Thread(), ev.Proc(), ev.Goroutine(), k)
			switch k {
			case trace.EventLabel:
				fmt.Printf(" %s", ev.Label().Label)
			case trace.EventRangeBegin, trace.EventRangeEnd:
				fmt.Printf(" %s", ev.Range().Name)
			case trace.EventStateTransition:
				st := ev.StateTransition()
				if st.Resource.Kind == trace.ResourceProc {
					a, b := st.Proc()
					fmt.Printf(" proc %v %v->%v", st.Resource.Proc(), a, b)
				} else if st.Resource.Kind == trace.ResourceGoroutine {
					from, to := st.Goroutine()
					fmt.Printf(" g%v %v->%v %s", st.Resource.Goroutine(), from, to, st.Reason)
				} else {
					fmt.Printf(" %v", st.Resource)
				}
			}
			fmt.Println()
		}
		if k == trace.EventRangeEnd && ev.Range().Name[:len(os.Getenv("RNG"))] == os.Getenv("RNG") {
			in = false
			if n > 3 && n < 12 {
				fmt.Println("----")
			}
		}
		if in && k != trace.EventRangeBegin && float64(ev.Time()-t0) > 20000e3 {
			in = false
		}
	}
}

func stat(evs []trace.Event) {
	inMark := false
	var markStart trace.Time
	var markTotal, offInMark, offOut float64
	running := true
	var lastT trace.Time
	reasons := map[string]float64{}
	lastReason := ""
	nmark := 0
	for _, ev := range evs {
		t := ev.Time()
		if !running {
			d := float64(t-lastT) / 1e3
			if inMark {
				offInMark += d
				reasons[lastReason] += d
			} else {
				offOut += d
			}
		}
		lastT = t
		switch ev.Kind() {
		case trace.EventRangeBegin:
			if ev.Range().Name == "GC concurrent mark phase" {
				inMark = true
				markStart = t
				nmark++
			}
		case trace.EventRangeEnd:
			if ev.Range().Name == "GC concurrent mark phase" {
				inMark = false
				markTotal += float64(t-markStart) / 1e3
			}
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind == trace.ResourceGoroutine && st.Resource.Goroutine() == 1 {
				from, to := st.Goroutine()
				if to == trace.GoRunning {
					running = true
				} else if from == trace.GoRunning {
					running = false
					lastReason = to.String() + " " + st.Reason
				}
			}
		}
	}
	fmt.Printf("marks %d markTotal %.0fus offInMark %.0fus offOutside %.0fus\n", nmark, markTotal, offInMark, offOut)
	for k, v := range reasons {
		fmt.Printf("  %-40s %.0fus\n", k, v)
	}
}
