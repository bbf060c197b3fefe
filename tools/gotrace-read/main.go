// Command gotrace-read reads a Go execution trace with the Go team's own parser
// (golang.org/x/exp/trace, the exported copy of go1.26's internal/trace) and prints
// what it read as JSON on stdout: goroutines and their state sequences, system calls
// and their durations, threads, P steals and handoffs, block reasons, GOMAXPROCS,
// scheduling latencies. gmpsim's tests compare it with the simulator's own event log;
// docs/traces.md puts a real program's summary next to gmpsim's.
//
// Usage: gotrace-read FILE.trace
//
// A trace the parser rejects makes it exit 1 with the parser's error on stderr.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"golang.org/x/exp/trace"
)

// Syscall is one system call as the parser sees it: the goroutine's Syscall state.
type Syscall struct {
	G   int64 `json:"g"`
	Dur int64 `json:"dur"`
	// Blocked: it left the call without its P (GoSyscallEndBlocked: Syscall -> Runnable).
	Blocked bool `json:"blocked"`
}

// Summary is what the helper prints.
type Summary struct {
	Events      int                 `json:"events"`
	Generations int                 `json:"generations"`
	Goroutines  int                 `json:"goroutines"`
	States      map[string][]string `json:"states"`
	Functions   map[string]string   `json:"functions"`
	Syscalls    []Syscall           `json:"syscalls"`
	Threads     []int64             `json:"threads"`
	Procs       []int64             `json:"procs"`
	// Steals: a P taken from another thread's system call (ProcSteal).
	Steals int `json:"steals"`
	// Handoffs: a P started on a thread other than the one that last had it.
	Handoffs   int              `json:"handoffs"`
	ProcStarts int              `json:"procStarts"`
	Blocks     map[string]int   `json:"blocks"`
	BlockNs    map[string]int64 `json:"blockNs"`
	Stops      map[string]int   `json:"stops"`
	Gomaxprocs []uint64         `json:"gomaxprocs"`
	// Ranges: range events begun, by name (e.g. "stop-the-world (GOMAXPROCS)").
	Ranges map[string]int `json:"ranges"`
	// Scheduling latency: Runnable -> Running, ns.
	Latency Percentiles `json:"latency"`
	// Duration: first to last event, ns.
	Duration int64 `json:"duration"`
}

// Percentiles of a set of durations.
type Percentiles struct {
	N   int   `json:"n"`
	P50 int64 `json:"p50"`
	P90 int64 `json:"p90"`
	P99 int64 `json:"p99"`
	Max int64 `json:"max"`
}

func percentiles(xs []int64) Percentiles {
	if len(xs) == 0 {
		return Percentiles{}
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	at := func(q float64) int64 { return xs[int(q*float64(len(xs)-1)+0.5)] }
	return Percentiles{N: len(xs), P50: at(0.5), P90: at(0.9), P99: at(0.99), Max: xs[len(xs)-1]}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gotrace-read FILE.trace")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	r, err := trace.NewReader(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gotrace-read:", err)
		os.Exit(1)
	}
	s := Summary{
		States:    map[string][]string{},
		Functions: map[string]string{},
		Blocks:    map[string]int{},
		BlockNs:   map[string]int64{},
		Stops:     map[string]int{},
		Ranges:    map[string]int{},
		Syscalls:  []Syscall{},
		Threads:   []int64{},
		Procs:     []int64{},
	}
	threads := map[trace.ThreadID]bool{}
	procs := map[trace.ProcID]bool{}
	lastThread := map[trace.ProcID]trace.ThreadID{}
	since := map[trace.GoID]trace.Time{}
	blockReason := map[trace.GoID]string{}
	var latencies []int64
	var first, last trace.Time
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "gotrace-read:", err)
			os.Exit(1)
		}
		s.Events++
		if first == 0 {
			first = ev.Time()
		}
		last = ev.Time()
		if t := ev.Thread(); t != trace.NoThread {
			threads[t] = true
		}
		switch ev.Kind() {
		case trace.EventSync:
			s.Generations++
		case trace.EventRangeBegin:
			s.Ranges[ev.Range().Name]++
		case trace.EventMetric:
			if m := ev.Metric(); m.Name == "/sched/gomaxprocs:threads" {
				s.Gomaxprocs = append(s.Gomaxprocs, m.Value.Uint64())
			}
		case trace.EventStateTransition:
			st := ev.StateTransition()
			switch st.Resource.Kind {
			case trace.ResourceGoroutine:
				id := st.Resource.Goroutine()
				from, to := st.Goroutine()
				key := fmt.Sprint(id)
				if from == trace.GoNotExist {
					s.Goroutines++
					for fr := range st.Stack.Frames() {
						s.Functions[key] = fr.Func
						break
					}
				}
				if from == to {
					break
				}
				if from == trace.GoUndetermined {
					s.Goroutines++
				}
				s.States[key] = append(s.States[key], to.String())
				t := ev.Time()
				switch {
				case from == trace.GoSyscall:
					s.Syscalls = append(s.Syscalls, Syscall{G: int64(id), Dur: int64(t - since[id]), Blocked: to == trace.GoRunnable})
				case from == trace.GoRunnable && to == trace.GoRunning:
					latencies = append(latencies, int64(t-since[id]))
				case from == trace.GoWaiting:
					s.BlockNs[blockReason[id]] += int64(t - since[id])
				case from == trace.GoRunning && to == trace.GoWaiting:
					s.Blocks[st.Reason]++
					blockReason[id] = st.Reason
				case from == trace.GoRunning && to == trace.GoRunnable:
					s.Stops[st.Reason]++
				}
				since[id] = t
			case trace.ResourceProc:
				id := st.Resource.Proc()
				procs[id] = true
				from, to := st.Proc()
				if from == trace.ProcRunning && to == trace.ProcIdle && id != ev.Proc() {
					s.Steals++
				}
				if to == trace.ProcRunning && from != to {
					s.ProcStarts++
					if prev, ok := lastThread[id]; ok && prev != ev.Thread() {
						s.Handoffs++
					}
					lastThread[id] = ev.Thread()
				}
			}
		}
	}
	for t := range threads {
		s.Threads = append(s.Threads, int64(t))
	}
	sort.Slice(s.Threads, func(i, j int) bool { return s.Threads[i] < s.Threads[j] })
	for p := range procs {
		s.Procs = append(s.Procs, int64(p))
	}
	sort.Slice(s.Procs, func(i, j int) bool { return s.Procs[i] < s.Procs[j] })
	s.Latency = percentiles(latencies)
	s.Duration = int64(last - first)
	out, _ := json.Marshal(s)
	os.Stdout.Write(append(out, '\n'))
}
