// layout: sleep_tick's loop, recording when each goroutine starts and ends each 1 ms sleep (ns since start),
// then per round: span of the wake-ups, gap from the last sleep of a round to the first wake of the next.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func med(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func main() {
	n := envInt("N", 1000)
	rounds := envInt("ROUNDS", 20)
	if os.Getenv("WARM") != "" {
		var w sync.WaitGroup
		for g := 0; g < n; g++ {
			w.Add(1)
			go func() {
				defer w.Done()
				time.Sleep(time.Millisecond)
			}()
		}
		w.Wait()
	}
	sl := make([][]int64, n)
	wk := make([][]int64, n)
	var wg sync.WaitGroup
	start := time.Now()
	for g := 0; g < n; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			a := make([]int64, rounds)
			b := make([]int64, rounds)
			for i := 0; i < rounds; i++ {
				t := time.Now()
				time.Sleep(time.Millisecond)
				a[i] = int64(t.Sub(start))
				b[i] = int64(time.Since(start))
			}
			sl[g] = a
			wk[g] = b
		}(g)
	}
	created := time.Since(start)
	wg.Wait()
	{
		var s0, w0 []float64
		for g := 0; g < n; g++ {
			s0 = append(s0, float64(sl[g][0]))
			w0 = append(w0, float64(wk[g][0]))
		}
		var d0 []float64
		for g := 0; g < n; g++ {
			d0 = append(d0, w0[g]-s0[g])
		}
		sort.Float64s(d0)
		fmt.Printf("R0 tickfirst median %.1f p10 %.1f p90 %.1f us\n", d0[n/2]/1e3, d0[n/10]/1e3, d0[9*n/10]/1e3)
		if os.Getenv("ORD") != "" {
			for g := 0; g < n; g += 50 {
				fmt.Printf("ORD g%d sleep %.1f wake %.1f\n", g, s0[g]/1e3, w0[g]/1e3)
			}
		}
		sort.Float64s(s0)
		sort.Float64s(w0)
		fmt.Printf("R0 created %.1f firstsleep %.1f lastsleep %.1f firstwake %.1f lastwake %.1f us\n", float64(created)/1e3, s0[0]/1e3, s0[n-1]/1e3, w0[0]/1e3, w0[n-1]/1e3)
	}
	var spanW, spanS, gap, perWake, firstLate []float64
	for r := 0; r < rounds; r++ {
		var ws, ss []float64
		for g := 0; g < n; g++ {
			ws = append(ws, float64(wk[g][r]))
			ss = append(ss, float64(sl[g][r]))
		}
		sort.Float64s(ws)
		sort.Float64s(ss)
		spanW = append(spanW, (ws[n-1]-ws[0])/1e3)
		spanS = append(spanS, (ss[n-1]-ss[0])/1e3)
		if n >= 1000 && os.Getenv("Q") != "" {
			fmt.Printf("q r%d", r)
			for q := 0; q < 10; q++ {
				fmt.Printf(" %.0f", (ws[(q+1)*n/10-1]-ws[q*n/10])/float64(n/10-1))
			}
			fmt.Println()
		}
		if n > 1 {
			perWake = append(perWake, (ws[n-1]-ws[0])/float64(n-1))
		}
		firstLate = append(firstLate, (ws[0]-ss[0]-1e6)/1e3)
		if r+1 < rounds {
			var nx []float64
			for g := 0; g < n; g++ {
				nx = append(nx, float64(sl[g][r+1]))
			}
			sort.Float64s(nx)
			gap = append(gap, (ws[0]-ss[n-1])/1e3)
		}
	}
	fmt.Printf("N=%d rounds=%d phase=%.3f ms\n", n, rounds, float64(time.Since(start))/1e6)
	fmt.Printf("median over rounds: sleep span %.1f us, wake span %.1f us (%.0f ns per wake), first wake - last sleep %.1f us, first wake - first sleep - 1ms %.1f us\n",
		med(spanS), med(spanW), med(perWake), med(gap), med(firstLate))
	if os.Getenv("V") != "" {
		for r := 0; r < rounds; r++ {
			fmt.Printf("r%d sleepspan %.1f wakespan %.1f firstlate %.1f\n", r, spanS[r], spanW[r], firstLate[r])
		}
	}
}
