package main

import (
	"fmt"
	"os"
	"sort"

	"golang.org/x/exp/trace"
)

type ev struct {
	t    float64
	g    int64 // context goroutine
	m    int64
	p    int64
	tg   int64 // target goroutine
	from trace.GoState
	to   trace.GoState
	why  string
	kind string
}

func pct(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return -1
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[int(q*float64(len(s)-1))]
}

func main() {
	f, _ := os.Open(os.Args[1])
	r, err := trace.NewReader(f)
	if err != nil {
		panic(err)
	}
	var evs []ev
	var t0 trace.Time = -1
	for {
		e, err := r.ReadEvent()
		if err != nil {
			break
		}
		if t0 < 0 {
			t0 = e.Time()
		}
		if e.Kind() != trace.EventStateTransition {
			continue
		}
		st := e.StateTransition()
		if st.Resource.Kind == trace.ResourceGoroutine {
			a, b := st.Goroutine()
			evs = append(evs, ev{t: float64(e.Time()-t0) / 1e3, g: int64(e.Goroutine()), m: int64(e.Thread()), p: int64(e.Proc()), tg: int64(st.Resource.Goroutine()), from: a, to: b, why: st.Reason, kind: "g"})
		} else if st.Resource.Kind == trace.ResourceProc {
			a, b := st.Proc()
			evs = append(evs, ev{t: float64(e.Time()-t0) / 1e3, g: int64(e.Goroutine()), m: int64(e.Thread()), p: int64(st.Resource.Proc()), from: trace.GoState(a), to: trace.GoState(b), kind: fmt.Sprintf("proc %v->%v", a, b)})
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].t < evs[j].t })
	// per goroutine: sleep start, ready, run
	sleepAt := map[int64]float64{}
	readyAt := map[int64]float64{}
	readyBy := map[int64]int64{}
	var late, qwait, tick []float64
	// batches: readies by a no-goroutine context, grouped by M until a goroutine runs on that M
	type batch struct {
		m, p       int64
		start, end float64
		n          int
		gs         []int64
	}
	cur := map[int64]*batch{}
	var batches []*batch
	readyOrder := map[int64]int{}
	var runPos []float64 // position in batch of the g vs time it waited
	verbose := os.Getenv("V") != ""
	runStart := map[int64]float64{}
	lastStop := map[int64]float64{}
	var runDur, switchGap []float64
	var sleepTimes []float64
	for _, e := range evs {
		if e.kind != "g" {
			if verbose {
				fmt.Printf("%10.2f M%d P%d %s\n", e.t, e.m, e.p, e.kind)
			}
			continue
		}
		if verbose {
			fmt.Printf("%10.2f M%d P%d G%d g%d %v->%v %s\n", e.t, e.m, e.p, e.g, e.tg, e.from, e.to, e.why)
		}
		if e.to == trace.GoWaiting && e.why == "sleep" {
			sleepAt[e.tg] = e.t
			sleepTimes = append(sleepTimes, e.t)
			if rs, ok := runStart[e.tg]; ok {
				runDur = append(runDur, e.t-rs)
			}
			lastStop[e.m] = e.t
		}
		if e.from == trace.GoWaiting && e.to == trace.GoRunnable {
			if _, ok := sleepAt[e.tg]; ok {
				readyAt[e.tg] = e.t
				readyBy[e.tg] = e.g
				late = append(late, e.t-sleepAt[e.tg]-1000)
				b := cur[e.m]
				if b == nil || e.g != -1 && false {
					b = &batch{m: e.m, p: e.p, start: e.t}
					cur[e.m] = b
					batches = append(batches, b)
				}
				b.end = e.t
				b.n++
				readyOrder[e.tg] = b.n
				b.gs = append(b.gs, e.tg)
			}
		}
		if e.to == trace.GoRunning {
			runStart[e.tg] = e.t
			if ls, ok := lastStop[e.m]; ok && e.t-ls < 50 {
				switchGap = append(switchGap, e.t-ls)
			}
			delete(cur, e.m)
			if ra, ok := readyAt[e.tg]; ok {
				qwait = append(qwait, e.t-ra)
				tick = append(tick, e.t-sleepAt[e.tg])
				runPos = append(runPos, float64(readyOrder[e.tg]))
				delete(readyAt, e.tg)
				delete(sleepAt, e.tg)
			}
		}
	}
	fmt.Printf("ticks %d: median %.1f p10 %.1f p90 %.1f us\n", len(tick), pct(tick, .5), pct(tick, .1), pct(tick, .9))
	fmt.Printf("timer lateness (ready - sleep - 1ms): median %.1f p10 %.1f p90 %.1f us\n", pct(late, .5), pct(late, .1), pct(late, .9))
	fmt.Printf("queue wait (run - ready): median %.1f p10 %.1f p90 %.1f us\n", pct(qwait, .5), pct(qwait, .1), pct(qwait, .9))
	var sizes, durs, gaps []float64
	for _, b := range batches {
		sizes = append(sizes, float64(b.n))
		if b.n > 1 {
			durs = append(durs, b.end-b.start)
			gaps = append(gaps, (b.end-b.start)/float64(b.n-1)*1000)
		}
	}
	fmt.Printf("batches %d: size median %.0f p90 %.0f max %.0f; dur median %.1f us; ready gap median %.0f ns p10 %.0f p90 %.0f\n", len(batches), pct(sizes, .5), pct(sizes, .9), pct(sizes, 1), pct(durs, .5), pct(gaps, .5), pct(gaps, .1), pct(gaps, .9))
	fmt.Printf("run (Running->sleep) median %.0f ns p10 %.0f p90 %.0f; switch gap median %.0f ns p10 %.0f p90 %.0f\n", pct(runDur, .5)*1000, pct(runDur, .1)*1000, pct(runDur, .9)*1000, pct(switchGap, .5)*1000, pct(switchGap, .1)*1000, pct(switchGap, .9)*1000)
	// per round: B, R (batch end -> last sleep before next batch), idle (last sleep -> next batch)
	sort.Float64s(sleepTimes)
	var Bs, Rs, Is []float64
	for i := 0; i+1 < len(batches); i++ {
		b, nb := batches[i], batches[i+1]
		if b.n < 100 { continue }
		last := -1.0
		for _, st := range sleepTimes { if st > b.end && st < nb.start { last = st } }
		if last < 0 { continue }
		Bs = append(Bs, b.end-b.start); Rs = append(Rs, last-b.end); Is = append(Is, nb.start-last)
		if os.Getenv("R") != "" { fmt.Printf("round at %.1f: batch %.1f run-all %.1f idle %.1f total %.1f\n", b.start, b.end-b.start, last-b.end, nb.start-last, nb.start-b.start) }
	}
	fmt.Printf("rounds %d: batch %.1f us, run-all %.1f us, idle %.1f us (medians)\n", len(Bs), pct(Bs, .5), pct(Rs, .5), pct(Is, .5))
	if os.Getenv("B") != "" {
		for _, b := range batches {
			fmt.Printf("batch M%d P%d %.1f..%.1f n=%d\n", b.m, b.p, b.start, b.end, b.n)
		}
	}
}
