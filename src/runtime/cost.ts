/**
 * The cost model: how long the things that are not scheduler decisions take on a real machine.
 *
 * The runtime's decisions are modelled exactly; the time between them depends on the hardware and
 * the kernel. Every such duration is one named parameter here, in nanoseconds, with a default taken
 * from real go1.19.8 on Linux x86-64: measured on this project's machine (2-core AMD EPYC VM) by
 * conformance/programs/calibrate.go into conformance/reference/go1.19/costs.json (medians), cross-checked
 * with runtime-spec §19's ranges. Users override any of them per run (`--cost name=value`,
 * `RunOptions.cost`), e.g. to calibrate to their own machine (conformance/README.md).
 *
 * Calibration: the defaults marked (c) are `costsFromMeasurements(costs.json medians)`, those
 * marked (w) `costsFromMeasurements(wake_costs.json medians)` (conformance/programs/wake_costs.go, the
 * costs that grow with the number of goroutines and timers) (calibration.ts, which documents each
 * formula); test/engine/calibration.test.ts checks it. go1.26's own wake_costs.json values are in
 * releaseCosts.
 * `gmpsim calibrate` measures the same on your machine.
 */
import { goReleases, type GoRelease } from './version.js';

export interface CostModel {
  /** newproc: allocate/reuse a G, set it up, queue it. Go ~0.3–1 µs incl. stack reuse. */
  goroutineCreate: number;
  /**
   * The extra cost of a go statement that finds no dead G to reuse (gfget returns nil): malg
   * allocates the G and its stack and allgadd records it. A reused G costs only goroutineCreate.
   */
  goroutineAlloc: number;
  /** goexit0 + the schedule() that follows: tear down a G. */
  goroutineExit: number;
  /** One goroutine switch (schedule → execute → gogo). Spec §19: ≈0.2 µs. */
  goroutineSwitch: number;
  /**
   * The extra cost of switching to a goroutine that has not run for a while: its g, sudog, channel
   * and stack are out of the caches once enough other goroutines ran (execute charges it on top of
   * goroutineSwitch, by the number of executes since this G last ran: coldSwitchExtra). Each is
   * (one hop of a token ring of N goroutines created in a random order of their ring places) − (one
   * hop of a ring of 2) on real Go (conformance/programs/wake_costs.go ringperm_hop_ns_N,
   * reference/go<release>/wake_costs.json): the extra after 9, 99, 999 and 9999 other executes.
   */
  coldSwitch10: number;
  coldSwitch100: number;
  coldSwitch1000: number;
  coldSwitch10000: number;
  /**
   * One timer-heap operation's fixed cost (time.go addtimer/modtimer/resettimer on one side, runtimer
   * + dodeltimer0 + the timer's function call on the other; go1.26: maybeAdd/cleanHead, run/
   * unlockAndRun): locks, status CASes, wakeNetPoller. A time.Sleep cycle pays it twice (arm, run).
   * From wake_costs.go: (sleep_cycle_ns_0 − ring_hop_ns_2 + chanOp) / 2 — the bare Sleep(1 ns)
   * cycle less a hot park/ready/switch, split over its two heap operations.
   */
  timerOp: number;
  /**
   * Each level a timer moves in its P's 4-ary heap (siftupTimer/siftdownTimer; go1.26 timers.siftUp/
   * siftDown) while the heap is in the caches: compare with up to four children, move, update the
   * index. From wake_costs.go: (sleep_cycle_ns_10000 − sleep_cycle_ns_0) / 14 — beside 10 000 pending
   * timers a Sleep(1 ns) timer sifts up to the root and back down, 7 levels each way, along a path
   * that stays hot.
   */
  timerHeapLevel: number;
  /**
   * The extra cost of removing (running or stopping) a timer that was armed 10, 100, 1000, 10 000 or
   * 100 000 timer arms ago: it and the timers its removal sifts past are out of the caches (a heap
   * that churns, as N sleepers' does: each timer is touched once per N arms). timerColdExtra
   * interpolates. From wake_costs.go timer_cycle_ns_M (stop the root of M pending timers, start a new
   * latest one: the popped timer was armed M arms ago): timer_cycle_ns_M − timer_cycle_ns_2 − the
   * hot sifting (timerHeapLevel × the extra levels), at least 0.
   */
  timerCold10: number;
  timerCold100: number;
  timerCold1000: number;
  timerCold10000: number;
  timerCold100000: number;
  /** A channel operation that does not block (send/recv/close/select case). */
  chanOp: number;
  /** A semaphore/mutex fast path operation. */
  semOp: number;
  /** Cost of one non-blocking runtime query (nanotime, NumGoroutine…). */
  runtimeCall: number;
  /** entersyscall + exitsyscall overhead around a system call. Spec §19: 0.1–0.3 µs. */
  syscallOverhead: number;
  /** A write(2) to stdout/stderr (fmt.Print*): the time the thread is in the kernel. */
  writeSyscall: number;
  /** Builtin print: a raw write that never enters the scheduler. */
  printCost: number;
  /** clone() of a new M until it runs mstart. Spec §19: ≈30–80 µs. */
  threadCreate: number;
  /**
   * The part of that the CALLING thread spends inside clone() (newm → newosproc runs on the caller's
   * system stack): the M that asked for the thread — a goroutine's `go` statement through wakep, a
   * handoffp, sysmon's retake — does nothing else meanwhile. The child may start before it returns.
   */
  cloneCall: number;
  /** notewakeup (futex wake) of a parked M until it runs. Spec §19: ≈5–50 µs. */
  futexWake: number;
  /**
   * How much longer a futex wake-up takes when the woken thread sleeps in a FUTEX_WAIT with a timeout
   * (Go's notetsleep(note, ns > 0): stopTheWorldWithSema's notetsleep(&sched.stopnote, 100 µs)) than
   * in an untimed one (futexWake): the kernel cancels the sleep's hrtimer and reprograms the CPU's
   * timer (on this VM a write to the virtual LAPIC timer, a VM exit). calibration.ts
   * timedWaitWakeFromMeasurements: conformance/reference/go1.19+go1.26/vcpu_wake.json pinned_timed
   * (TIMEOUT_US=100: timed and untimed waits interleaved in each run, the waker on the other CPU), the
   * timed medians less the untimed at 15, 30 and 55 µs of idle, averaged over the two recordings:
   * 24.1 − 21.3, 26.6 − 21.2, 27.0 − 22.2 µs (go1.19.8's run quiet, go1.26.8's with other processes
   * using 45 % of the CPUs; the same C threads on a quiet machine gave ≈ 25 vs 16 µs, one earlier
   * quiet recording +0.6 to +4.5 µs: the effect is real but its size varies with the machine's state).
   */
  timedWaitWake: number;
  /**
   * The WAKER's side of a wake-up: the time the calling thread spends in futex(FUTEX_WAKE) when a
   * thread sleeps on the futex (the kernel's try_to_wake_up and the IPI to the sleeper's CPU), or in
   * a write(2) whose data wakes a thread blocked in epoll_wait. A `go` statement that wakes an idle
   * M takes this long (newm_clone.go go_wake_us), not a few ns.
   */
  futexWakeCall: number;
  /**
   * The waker's side of waking a thread asleep on a kernel wait queue (a pipe's reader in pipe_read,
   * woken by the writer's write(2): wake_up → try_to_wake_up): the wake-up's time in the waker's system
   * call when the sleeper's CPU is the waker's own (wakeupLocal) or another, idle one (wakeupRemote: an
   * inter-processor interrupt, a VM exit on this Firecracker/KVM guest). conformance/reference/
   * go1.19+go1.26/ipi_costs.json, C threads pinned to the two vCPUs: futex_wake_local_ns median 6.5 /
   * 6.3 µs (go1.19.8 / go1.26.8 recordings), futex_wake_remote_ns 11.5 / 9.3 µs (a waiter asleep on the
   * other, idle CPU; 10.1 / 9.1 µs after 200 µs of idle), futex_wake_remote_busy_ns 9.6 / 9.3 µs.
   * (notewakeup's futexWakeCall is newm_clone's cheaper figure: see there.)
   */
  wakeupLocal: number;
  wakeupRemote: number;
  /**
   * The VM's idle-CPU wake-up (runtime/os.ts): a futex/epoll wake-up of a thread whose CPU has idled
   * at least this long waits for the host to run the halted vCPU again (the guest's haltpoll driver
   * polls 0 ns). Below it the model charges the hot wake-up (futexWake). See calibration.ts
   * vcpuWakeFromMeasurements.
   */
  haltPollWindow: number;
  /**
   * The extra latency of that wake-up, on top of futexWake, for a CPU idle haltPollWindow — the flat
   * level of the recorded curve from 15 µs of idle on, which os.ts pinnedWakeExtra also charges below
   * the window where the sleeper is known to be alone on its CPU and woken from the other (a
   * stop-the-world's sleepers: exec.ts stwWait).
   */
  vcpuWake: number;
  /** How much more it takes per e-fold of idle beyond haltPollWindow (up to 100 ms of idle). */
  vcpuWakeGrowth: number;
  /**
   * The share of such cold wake-ups that the waker's CPU takes over when the waker blocks before the
   * wakee's vCPU is back (sched_balance_newidle pulls the wakee; runtime/os.ts newidlePull).
   */
  newidlePull: number;
  /**
   * The kernel's scheduler tick (1 / CONFIG_HZ; the recording machine's kernel 6.18 has CONFIG_HZ=250,
   * /proc/config.gz): a thread that wakes onto a CPU whose current thread is still inside its
   * protected slice waits for the first tick after that slice ends (runtime/os.ts wakeSend).
   */
  schedTick: number;
  /**
   * EEVDF's base slice before scaling (kernel/sched/fair.c normalized_sysctl_sched_base_slice, 0.70 ms;
   * scaled by 1 + ilog2(min(ncpu, 8)) under the default SCHED_TUNABLESCALING_LOG: 1.4 ms on 2 CPUs).
   * A thread just picked to run keeps its CPU for that long against a wakee (RUN_TO_PARITY's slice
   * protection): the wake-up does not preempt it (runtime/os.ts).
   */
  schedBaseSlice: number;
  /**
   * Extra sleep the kernel adds to a timed sleep — usleep/nanosleep, epoll_wait and futex timeouts
   * (timer slack + waking the thread). Spec §8 step 1: ≈50 µs; a raw nanosleep(20 ms) returns
   * ≈150 µs late on the reference VM (handoff_latency.json nanosleep_late_us), this + the growing part.
   */
  timerSlack: number;
  /**
   * The part of the oversleep that grows with the requested time, as a fraction of it (the VM's
   * wake-up from a longer idle period takes longer), up to timerSlackFractionMax. On the reference VM
   * a 1 ms epoll_wait returns ≈90–100 µs late (conformance/reference/go1.19/sleep_granularity.json: a
   * Sleep(10µs) or Sleep(100µs) at GOMAXPROCS=1 is one 1 ms poll, mean 1.091–1.101 ms; go1.26.8 on the
   * same machine 1.090–1.097), more than timerSlack alone.
   */
  timerSlackFraction: number;
  /**
   * Upper bound of that proportional part. Sysmon's backed-off usleep(10 ms) tick lasts ≈10.15 ms,
   * not 10.4: a schedtrace=100 line follows the previous one after 10 ticks, 101.4–102.4 ms apart in
   * every run (per-run SCHED times in cgo_usleep, lone_syscall, sleep_threads50, syscall_threads50
   * .json), schedtrace=50 after 5 ticks, 50.7–51 ms (netpoll_wait.json), schedtrace=20 after 2,
   * 20.3–20.4 ms (lockosthread_threads.json), schedtrace=1000 after 99, 1004–1006 ms
   * (schedtrace_cadence.json); two ticks are one preempted slice, 20.2 ms (preempt_slices.json,
   * preempt_sleep.json slept_ms). So a 10 ms usleep oversleeps ≈150 µs: timerSlack + 50 µs.
   */
  timerSlackFractionMax: number;
  /**
   * The SENDER's side of a preemption signal: preemptM's tgkill(SIGURG) to a thread running on another
   * CPU. The kernel sends an inter-processor interrupt, a VM exit on this Firecracker/KVM guest, so
   * the call takes microseconds. calibrate.go's sigurg_send_us (a Go thread spinning on the other CPU,
   * costs.json: 11.04 µs on go1.19.8, 12.82 on go1.26.8); conformance/programs/ipi_costs.go's C threads
   * agree (tgkill_ns medians 9.6–12.1 µs). A futex wake-up of a thread on another CPU costs its waker as
   * much (ipi_costs.json futex_wake_remote_ns 9.1–11.5 µs), but futexWakeCall stays at newm_clone's
   * 1.7 µs until futexWake and newidlePull, which were calibrated against it, are re-derived.
   */
  signalSend: number;
  /** SIGURG sent by preemptM until the handler runs on the target thread. Spec §19: ≈5–20 µs. */
  signalDelivery: number;
  /** One epoll_wait call (non-blocking) / return from a blocking one. */
  epollCall: number;
  /** One pass of findRunnable that finds nothing locally (checks, steal attempts). */
  findRunnable: number;
  /** One sysmon loop body (retake walk etc.). */
  sysmonLoop: number;
  /** Stop-the-world latency (GOMAXPROCS change): preempt all and wait. */
  stopTheWorld: number;
  /**
   * CPU time of the runtime's and the packages' init tasks, run by G1 (locked to m0) before
   * main.main. A Go hello-world spends ≈0.1–0.3 ms here; it is why the first schedtrace line comes
   * before main.main's goroutines exist (spec §16, §20.11).
   */
  init: number;
  /**
   * Spread of thread wake-up latencies (futexWake, signalDelivery) as a fraction of
   * their value: each one is drawn uniformly from value × [1 − jitter/2, 1 + jitter/2] with the
   * run's seeded generator. Real kernels are not metronomes (spec §19 gives 5–50 µs for a futex
   * wake); 0 makes every latency exact.
   */
  jitter: number;
  /**
   * Spread of the oversleep of every timed kernel sleep (sysmon's usleep, a goroutine's
   * syscall.Nanosleep or C.usleep, epoll_wait's and notetsleep's timeouts), as a fraction of it:
   * each sleep's slack is drawn uniformly from slack × [1 − slackJitter/2, 1 + slackJitter/2] (a
   * stream of its own, so the other seeded choices do not move). Real wake-ups are not periodic to
   * the nanosecond, and two threads sleeping towards the same moment (sysmon's deep sleep and the M
   * polling for the same timer) do not wake in a fixed order. An
   * exact tick can alias with a goroutine's own period (a 1 µs ping-pong pair and a 10.15 ms tick
   * land in the same phase for many ticks in a row, so every preemption request is lost there).
   */
  slackJitter: number;
  /**
   * The GC's mark CPU time per byte of scan work, per worker (runtime/mgc.ts): go1.19's runtime.GC()
   * with 36 MB of live 64-byte objects with a pointer takes 235 ns per KB of live heap more than with an
   * empty heap at GOMAXPROCS=1 (conformance/reference/go1.19/gc_stw.json p1 mark_ns_per_kb, median of 5
   * runs 234.92, 232.7–275.5). The release's factor (VersionProfile.gcMarkCostFactor) scales it. That
   * figure also holds runtime.GC()'s own sweep of the heap's spans before it returns, which the model now
   * charges itself (mgc.ts gcUserSweep: sweepSpanNs and a Gosched per 8 KiB span, ≈ 33 ns per KB), so the
   * model's mark_ns_per_kb comes out ≈ 12 % over the recording (264 vs 235 ns on go1.19). Not deducted:
   * the spans gc_stw's runtime.GC() sweeps are all live, and a live span sweeps for less than the dead
   * one sweepSpanNs measures (a go1.26.8 probe with gcstoptheworld=2: ≈ 94 ns per live span against 237
   * per dead one), a cost not recorded yet; deducting the dead-span cost made the mark 12–15 % cheaper
   * (wip/bgsweep.md).
   */
  gcMarkNsPerByte: number;
  /**
   * A GC cycle's fixed mark work (root marking, the mark termination handshake), as CPU ns: an empty
   * heap's mark phase takes 43 µs of wall clock at GOMAXPROCS=1 after the first cycle (go1.19
   * gc_stw.json p1 gctrace, the middle `ms clock` field of the forced cycles 2–9: median 0.043 ms,
   * 0.032–0.18).
   */
  gcMarkBase: number;
  /**
   * The sweep termination stop-the-world's own time, once the world is stopped (gctrace's first `ms
   * clock` field at GOMAXPROCS=1, where nothing else runs: 0.003 ms median over the 86 cycles of
   * go1.19 gc_stw.json p1). Waiting for the other Ps to stop adds exec.ts stopTheWorldWithSema's wait
   * (each running goroutine's safe point, a woken M's wake-up, the caller's own futex wake-up).
   */
  gcSweepTermPause: number;
  /** The mark termination stop-the-world's own time (gctrace's third `ms clock` field, 0.001 ms median, same cycles). */
  gcMarkTermPause: number;
  /**
   * Sweeping one span (mgcsweep.go sweepone → mspan.sweep: count its marks, free it to the page heap or
   * keep it with fresh alloc bits), what the background sweeper, an allocating goroutine's
   * proportional sweep (deductSweepCredit) and gcStart's finishing sweep pay per span (runtime/mgc.ts).
   * conformance/programs/sweep_costs.go: runtime.GC() over 256 MB minus over 32 MB of dead 64-byte
   * objects with a pointer (one-page spans), the fastest of 9 cycles each, per span of the difference.
   * go1.19.8 (reference/go1.19/sweep_costs.json, concurrent variant: the caller's sweep loop, one
   * Gosched per span): sweep_span_ns less gosched_ns, the Gosched the model runs itself; go1.26.8's own
   * (releaseCosts) is the stw variant's (gcstoptheworld=2: the sweep inside the pause, no Gosched).
   */
  sweepSpanNs: number;
  /** ReadMemStats' stop-the-world with nothing else running (go1.19 gc_stw.json p1 readmemstats_us: 1.1 µs median). */
  readMemStatsPause: number;
  /**
   * Heap growth beyond what the process ever held: the page faults of fresh memory, per byte. go1.26.8
   * gc_alloc_loop.json: with GOGC=off (183 MB of fresh memory) the loop takes 149.0 ms, 49.7 ns per
   * 64-byte allocation; with GOGC=100 at GOMAXPROCS=1 (the heap reused) its mutator part is 34.6 ns, of
   * which 3.2 ns are the sweep GOGC=off does not have (golang/cost.ts allocCosts126, sweepSpanNs):
   * 18.2 ns per 64 B ≈ 0.28 ns per byte (≈ 1.1 µs per 4 KB page). A cost of the machine, the same for
   * every release: go1.19.8's gogcoff loop is slower still (68.3 − (45.0 − 2.8 of sweep) = 26.1 ns per
   * 64 B object, as if 0.41 ns per byte), but not per byte — its 1 MiB fresh buffers fill no slower than
   * go1.26.8's (urandom_read.json n1 first_read_us 5167–5622 µs against 5388–5660, where 0.41 would add
   * 140 µs) —
   * so that excess is go1.19's small-object path on fresh spans, not modelled (gogcoff loop_ms ≈ 12 %
   * short on go1.19).
   */
  heapGrowNsPerByte: number;
  /**
   * Clearing a large object (> 32 KiB) allocated on freed pages, per byte (mallocgc's
   * memclrNoHeapPointers). go1.19.8 io_costs.json (quiet machine): os.ReadFile of a 1 MiB page-cached
   * file in a loop (the GC hands the freed buffer's pages back) takes readfile_1m_us 102.4 µs, of
   * which the read is cached_read_1m_us 35.15, open+close open_close_us 3.17 and fstat stat_us 1.32:
   * 62.8 µs for the 1 MiB + 512 B buffer. Less its span's allocation (largeSpanNs, 1.2 µs), that clears
   * the buffer and go1.19's heap bitmap for it (1/32 of it, VersionProfile.largeSpanHeapBits) at one
   * speed: 61.6 µs / (1.03125 × 1 MiB) = 0.057 ns per byte (≈ 18 GB/s).
   */
  largeClearNsPerByte: number;
  /**
   * Clearing heap bitmap on fresh pages, per bitmap byte (the release's VersionProfile.largeSpanHeapBits
   * of a new large span: go1.19's initSpan memclr of size/32 bytes, whose pages fault). conformance/
   * reference/go1.19|go1.26/gc_start_sema.json seq_off (quiet machine, 5 runs each): one fresh 1 MiB
   * []byte takes alloc_us 25.7 µs on go1.19.8 against 1.2 µs on go1.26.8, which clears no bitmap:
   * 24.5 µs for 32 KiB of bitmap, 0.75 ns per byte (≈ 3 µs per 4 KiB page: isolated faults, dearer
   * per byte than a heap's sequential growth, heapGrowNsPerByte).
   */
  heapBitsFaultNsPerByte: number;
  /**
   * The page faults the kernel takes when a system call writes a never-touched user buffer (a read(2)
   * into a fresh large []byte: copy_to_user faults and zeroes each page), per byte. conformance/
   * reference/go1.19/urandom_read.json n1_p1 (quiet machine, 5 runs, 2026-12-06): one 1 MiB read of
   * /dev/urandom into a fresh buffer took read_us 5167 µs where the same day's io_costs.json reads
   * 1 MiB into a reused buffer in urandom_read_1m_us 2594 µs (urandomCall 270 ns + urandomPerByte):
   * 2573 µs more for 256 fresh pages, 2.45 ns per byte (≈ 10 µs per 4 KiB page; go1.26.8's n1_p1: 5388
   * µs, 2.66). Part of that may be the host rather than the faults: io_costs was recorded at 15:04,
   * urandom_read at 22:52 (recordedAt), and the host ran 25–35 % slower the next day (docs/fidelity.md,
   * gc_alloc_loop) — the cost is what makes the model's read of a fresh buffer the one urandom_read's
   * references were recorded with. Ten times heapGrowNsPerByte's pages, which Go's own code touches (sequential growth of
   * the heap, faulted on the same VM on the same day): on this Firecracker guest a page the guest
   * never touched, or whose frame free page reporting (page_reporting_order=11) handed back to the
   * host, faults in the host too (an EPT violation), and the host's price varies by day — measured
   * again on 2026-12-07 a fresh 1 MiB read cost 3.1–3.2 ms against 2.7 ms into a reused buffer
   * (0.45 ms of faults). Recalibrate with `gmpsim calibrate` on another machine or day.
   */
  kernelFaultNsPerByte: number;
  /**
   * Allocating a large object's span (mallocgc's large path: mcache.allocLarge → mheap.alloc, the page
   * allocator's search, initSpan), per object. go1.26.8 gc_start_sema.json seq_off (quiet, 5 runs):
   * one fresh pointer-free 1 MiB []byte at a time takes alloc_us 1.2 µs (1.0–1.7) with nothing else
   * running; go1.19.8's 25.7 µs is this plus its heap bitmap (heapBitsFaultNsPerByte).
   */
  largeSpanNs: number;
}

export const defaultCosts: Readonly<CostModel> = Object.freeze({
  goroutineCreate: 83, // (c)
  goroutineAlloc: 300, // (c) goroutine_create_fresh_ns 380 − goroutine_create_reused_ns 82 (costs.json)
  goroutineExit: 41, // (c)
  goroutineSwitch: 86, // (c)
  coldSwitch10: 3, // (w) wake_costs.json ring_hop_ns_10 100.8 − ring_hop_ns_2 97.7 (go1.19.8)
  coldSwitch100: 5, // (w) ring_hop_ns_100 103.0 − 97.7
  coldSwitch1000: 18, // (w) ring_hop_ns_1000 116.2 − 97.7
  coldSwitch10000: 63, // (w) ring_hop_ns_10000 161.2 − 97.7
  timerOp: 24, // (w) (sleep_cycle_ns_0 132.2 − ring_hop_ns_2 97.7 + chanOp 13) / 2
  timerHeapLevel: 1.6, // (w) (sleep_cycle_ns_10000 154.9 − sleep_cycle_ns_0 132.2) / 14
  timerCold10: 0, // (w) timer_cycle_ns_10 126.2 − timer_cycle_ns_2 130.3 − 1.6 × 1 level (< 0)
  timerCold100: 3, // (w) timer_cycle_ns_100 137.7 − 130.3 − 1.6 × 3
  timerCold1000: 0, // (w) timer_cycle_ns_1000 130.1 − 130.3 − 1.6 × 4 (< 0; timerColdExtra keeps 3)
  timerCold10000: 42, // (w) timer_cycle_ns_10000 181.5 − 130.3 − 1.6 × 6
  timerCold100000: 67, // (w) timer_cycle_ns_100000 210.3 − 130.3 − 1.6 × 8
  chanOp: 13, // (c)
  semOp: 10, // (c)
  runtimeCall: 47, // (c)
  syscallOverhead: 25, // (c)
  writeSyscall: 1_500, // estimate: write(2) of a short line to a pipe or terminal, ≈ 1–2 µs
  printCost: 1_000, // estimate: the same write without entersyscall
  threadCreate: 32_000, // (c)
  cloneCall: 24_000, // (c) from conformance/reference/go1.19/newm_clone.json: a `go` statement that creates a thread takes 24.1 µs (go_newthread_us) − goroutineCreate
  futexWake: 8_900, // (c)
  timedWaitWake: 4_400, // (v) vcpu_wake.json pinned_timed: timed − untimed medians at 15–55 µs of idle, both releases (see above)
  futexWakeCall: 1_700, // (c) newm_clone.json go_wake_us 1.76 µs − goroutineCreate
  wakeupLocal: 6_300, // ipi_costs.json futex_wake_local_ns median (go1.26.8 recording; go1.19.8's 6.5 µs)
  wakeupRemote: 9_300, // ipi_costs.json futex_wake_remote_ns median (go1.26.8 recording; go1.19.8's 11.5 µs)
  haltPollWindow: 210_000, // (v) the knee of conformance/reference/go1.19+go1.26/vcpu_wake.json (pinned medians, calibration.ts vcpuWakeFromMeasurements)
  vcpuWake: 12_000, // (v) its flat level: median wake-up onto a CPU idle 15–205 µs (≈20 µs) − futexWake
  vcpuWakeGrowth: 7_800, // (v) its growth per e-fold beyond the knee (100 ms of idle: ≈55 µs extra)
  schedTick: 4_000_000, // CONFIG_HZ=250 of the recording machine's kernel (6.18.44-fc, /proc/config.gz)
  schedBaseSlice: 700_000, // kernel/sched/fair.c normalized_sysctl_sched_base_slice (mainline: 0.70 ms)
  newidlePull: 0.26, // (v) vcpu_wake.json, go1.19 + go1.26 pooled: the woken thread ran on the waker's CPU in 58 % of trials when the waker blocked at once (free_block), 43 % when it kept running (free): (0.58 − 0.43) / (1 − 0.43)
  timerSlack: 73_000, // (c)
  timerSlackFraction: 0.02, // 1 ms epoll: 73 + 20 = 93 µs late (sleep_granularity.json, see above)
  timerSlackFractionMax: 77_000, // (c) nanosleep_20ms_late_us 149.7 − timerSlack; a 10 ms usleep lasts 10.15 ms: schedtrace line spacing ≈101.5 ms per 10 ticks (see above)
  signalSend: 11_000, // (c)
  signalDelivery: 58_000, // (c)
  epollCall: 500, // estimate: epoll_wait(…, 0) on an idle epoll set ≈ a getpid-class syscall (228 ns raw) + the event loop
  findRunnable: 500, // estimate: one pass over 2–8 Ps' queues and timers
  sysmonLoop: 300, // estimate: sysmon's checks and retake walk over a few Ps
  stopTheWorld: 43_000, // (c)
  init: 150_000, // spec §16/§21.4: threads at main match only if init outlasts sysmon's first tick
  gcMarkNsPerByte: 0.2294, // gc_stw.json p1 mark_ns_per_kb 234.92 / 1024 (see above)
  gcMarkBase: 43_000, // gc_stw.json p1 gctrace, empty-heap mark clock (see above)
  gcSweepTermPause: 3_000, // gc_stw.json p1 gctrace (see above)
  gcMarkTermPause: 1_000, // gc_stw.json p1 gctrace (see above)
  sweepSpanNs: 178, // go1.19 sweep_costs.json concurrent: sweep_span_ns 215.9 − gosched_ns 37.7 (medians of 5 runs; see above)
  readMemStatsPause: 1_100, // gc_stw.json p1 readmemstats_us (see above)
  heapGrowNsPerByte: 0.28, // gc_alloc_loop.json gogcoff vs p1 less p1's sweep (see above)
  largeClearNsPerByte: 0.057, // io_costs.json (102.4 − 35.15 − 3.17 − 1.32 − 1.2) µs / 1.03125 MiB (see above)
  heapBitsFaultNsPerByte: 0.75, // gc_start_sema.json seq_off (25.7 − 1.2) µs / 32 KiB (see above)
  kernelFaultNsPerByte: 2.45, // urandom_read.json n1_p1 (5167 − 2594) µs / 1 MiB (see above)
  largeSpanNs: 1_200, // go1.26 gc_start_sema.json seq_off alloc_us (see above)
  slackJitter: 0.41, // (c) usleep_slack_us median 72.6 µs, p90 84.7 µs: the p90 of a uniform spread is 1 + 0.4 × slackJitter
  jitter: 1.4, // futex_handoff_us: median 21 µs, p90 29 µs, 4 µs when the other CPU is busy: ±70 % around futexWake (a thief misses a 10 µs timer ≈8 % of the time, sleep_granularity.json)
});

export const costNames = Object.keys(defaultCosts) as (keyof CostModel)[];

/** Documentation of each parameter, for `--help` and the README. */
export const costDocs: Record<keyof CostModel, string> = {
  goroutineCreate: 'newproc: create and queue a goroutine',
  goroutineAlloc: 'extra cost of a go statement that allocates a new G (no dead G to reuse)',
  goroutineExit: 'goexit0: tear down an exiting goroutine',
  goroutineSwitch: 'one goroutine switch (schedule → execute)',
  coldSwitch10: 'extra cost of switching to a goroutine after 9 executes of others (cache misses)',
  coldSwitch100: 'the same after 99 executes of others',
  coldSwitch1000: 'the same after 999 executes of others',
  coldSwitch10000: 'the same after 9999 or more executes of others',
  timerOp: 'one timer-heap operation (arm / modify, or remove + run), without the sifting',
  timerHeapLevel: 'each level a timer moves in its P\'s 4-ary timer heap (in cache)',
  timerCold10: 'extra cost of removing a timer armed 10 timer arms ago (cache misses)',
  timerCold100: 'the same, armed 100 arms ago',
  timerCold1000: 'the same, armed 1000 arms ago',
  timerCold10000: 'the same, armed 10 000 arms ago',
  timerCold100000: 'the same, armed 100 000 or more arms ago',
  chanOp: 'a channel operation that does not block',
  semOp: 'a semaphore / mutex fast path',
  runtimeCall: 'a non-blocking runtime query (nanotime, NumGoroutine)',
  syscallOverhead: 'entersyscall + exitsyscall bookkeeping around a syscall',
  writeSyscall: 'write(2) of program output (fmt.Print*)',
  printCost: 'builtin print/println (raw write, no scheduler involvement)',
  threadCreate: 'clone() of a new M until it runs',
  cloneCall: 'time the calling thread spends in clone() when it creates an M',
  futexWake: 'futex wake of a parked M until it runs',
  timedWaitWake: 'extra wake-up latency of a thread in a timed futex wait (notetsleep) over an untimed one',
  futexWakeCall: 'time the waking thread spends in futex(FUTEX_WAKE) (or a write that wakes an epoll waiter)',
  wakeupLocal: 'time a write(2) spends waking a thread asleep in the kernel (a pipe reader) on the writer\'s CPU',
  wakeupRemote: 'the same for a sleeper on another, idle CPU (an inter-processor interrupt: a VM exit)',
  haltPollWindow: 'idle time after which a woken thread waits for the hypervisor to run its halted vCPU',
  vcpuWake: 'extra wake-up latency onto a CPU idle haltPollWindow (the host runs the halted vCPU again)',
  vcpuWakeGrowth: 'growth of that extra latency per e-fold of longer idle (up to 100 ms)',
  schedTick: 'the kernel\'s scheduler tick (1/CONFIG_HZ): when a wakee kept off a busy CPU by slice protection gets it',
  schedBaseSlice: 'EEVDF base slice before its 1 + ilog2(ncpu) scaling: how long a just-picked thread is not preempted by a wakee',
  newidlePull: 'share of those cold wake-ups the waker\'s CPU takes over when the waker blocks first (newidle balance)',
  timerSlack: 'kernel timer slack + wake-up added to timed sleeps (usleep, nanosleep, epoll_wait)',
  timerSlackFraction: 'oversleep that grows with the requested time, as a fraction of it',
  timerSlackFractionMax: 'upper bound of that growing part',
  signalSend: 'the sender\'s tgkill of a preemption signal (SIGURG) to a thread on another CPU',
  signalDelivery: 'SIGURG delivery for async preemption',
  epollCall: 'one epoll_wait call',
  findRunnable: 'one findRunnable pass that finds nothing locally and goes stealing',
  sysmonLoop: 'one sysmon loop body',
  stopTheWorld: 'stop-the-world latency (runtime.GOMAXPROCS)',
  gcMarkNsPerByte: 'GC mark CPU per byte of live heap, per worker',
  gcMarkBase: 'GC mark phase fixed work per cycle (roots, termination handshake)',
  gcSweepTermPause: 'GC sweep termination stop-the-world, world already stopped',
  gcMarkTermPause: 'GC mark termination stop-the-world, world already stopped',
  sweepSpanNs: 'GC sweep of one span (background sweeper, proportional sweep)',
  readMemStatsPause: 'runtime.ReadMemStats stop-the-world, world already stopped',
  heapGrowNsPerByte: 'page faults of fresh heap memory (beyond the high-water mark), per byte',
  largeClearNsPerByte: 'clearing a large object (> 32 KiB) allocated on freed pages, per byte',
  heapBitsFaultNsPerByte: 'clearing a new large span\'s heap bitmap on fresh pages (go1.19), per bitmap byte',
  kernelFaultNsPerByte: 'page faults a system call takes writing a never-touched user buffer (read(2) into a fresh []byte), per byte',
  largeSpanNs: 'allocating the span of a large object (> 32 KiB), per object',
  init: 'runtime + package init work on G1 before main.main',
  jitter: 'spread of thread wake-up latencies (futex wake, signal), as a fraction (0 = exact)',
  slackJitter: 'spread of the oversleep of timed kernel sleeps (usleep, nanosleep, epoll/futex timeouts), as a fraction (0 = exact)',
};

/** The parameters that are dimensionless fractions; every other one is a duration in ns. */
const fractionCosts: ReadonlySet<keyof CostModel> = new Set<keyof CostModel>(['timerSlackFraction', 'jitter', 'slackJitter', 'newidlePull']);

/** Whether a parameter is a dimensionless fraction rather than a duration in ns. */
export function isFractionCost(name: keyof CostModel): boolean {
  return fractionCosts.has(name);
}

/** The cost table as Markdown (README's "The cost model"; a test keeps the README in step). */
export function costTableMarkdown(costs: Readonly<CostModel> = defaultCosts): string {
  const fmt = (name: keyof CostModel, v: number = costs[name]): string => {
    if (isFractionCost(name)) return String(v);
    if (v < 1e3) return `${v} ns`;
    if (v < 1e6) return `${Math.round((v / 1e3) * 100) / 100} µs`;
    return `${Math.round((v / 1e6) * 100) / 100} ms`;
  };
  const later = goReleases.filter((r) => r !== '1.19');
  const rows = costNames.map((n) => `| \`${n}\` | ${fmt(n)} | ${later.map((r) => (releaseCosts[r][n] === undefined ? '″' : fmt(n, releaseCosts[r][n]))).join(' | ')} | ${costDocs[n]} |`);
  return [
    `| parameter | go1.19 | ${later.map((r) => `go${r}`).join(' | ')} | what it is |`,
    `|---|---|${later.map(() => '---|').join('')}---|`,
    ...rows,
  ].join('\n');
}

/**
 * What a later release's own code costs on the same machine, where it differs from go1.19's defaults:
 * the release-dependent parameters (calibration.ts releaseDependentCosts: the runtime's fast paths; the
 * kernel's costs are the machine's and shared) are go1.19's measurements times the release's median
 * ratio to go1.19, measured in back-to-back pairs of calibrate.go runs
 * (conformance/reference/release-costs.json, `conformance/release-costs.mjs`; two recordings made at
 * different times of day differ more than the releases do on this VM). `releaseCostsFromRatios` maps
 * the ratios to these values and test/engine/calibration.test.ts checks it.
 */
export const releaseCosts: Readonly<Record<GoRelease, Readonly<Partial<CostModel>>>> = Object.freeze({
  '1.19': Object.freeze({}),
  '1.26': Object.freeze({
    // release-costs:1.26 begin
    chanOp: 15,
    goroutineSwitch: 110,
    goroutineCreate: 84,
    goroutineExit: 42,
    goroutineAlloc: 310,
    semOp: 10,
    runtimeCall: 47,
    syscallOverhead: 24,
    // release-costs:1.26 end
    // Measured directly on go1.26.8 (conformance/reference/go1.26/wake_costs.json, costsFromMeasurements;
    // calibration.ts releaseMeasuredCosts): its timer code (ts.lock + t.lock, the minWhenHeap/
    // minWhenModified atomics, zombies; time.go maybeAdd, cleanHead, run, unlockAndRun) makes a timer-heap
    // operation cost twice go1.19's (sleep_cycle_ns_0 199 vs 132 ns, less a hot ring hop 119 vs 98).
    coldSwitch10: 3,
    coldSwitch100: 5,
    coldSwitch1000: 18,
    coldSwitch10000: 65,
    timerOp: 48,
    timerHeapLevel: 3.1,
    timerCold10: 7,
    timerCold100: 0,
    timerCold1000: 0,
    timerCold10000: 28,
    timerCold100000: 59,
    sweepSpanNs: 237, // go1.26 sweep_costs.json stw sweep_span_ns median 237.3 (202–238.4; the concurrent variant's 241.1 less ≈2 Gosched per 11 spans — runtime.GC's loop yields after each span, bgsweep after 10 — gives ≈230; see CostModel.sweepSpanNs)
  }),
});

/** The default costs of a release: go1.19's, with the release's own code's costs where they differ. */
export function costsFor(release: GoRelease): CostModel {
  return { ...defaultCosts, ...releaseCosts[release] };
}

/**
 * The largest cost gmpsim takes, in ns: one simulated day. The simulated clock is a double, exact
 * to 2^53 ns (≈104 days, src/kernel/sim.ts); a single step longer than a day leaves a run no room.
 */
export const maxCostNs = 86_400e9;

/** Check one cost value (a --cost flag or a config.cost entry); returns an error text or null. */
export function costValueError(key: keyof CostModel, ns: number): string | null {
  if (isFractionCost(key)) {
    if (!Number.isFinite(ns) || ns < 0 || ns > 2) return `the value is a fraction from 0 to 2 (${costDocs[key]})`;
    return null;
  }
  if (!Number.isFinite(ns) || ns < 0) return 'the value must be a non-negative number of nanoseconds';
  if (ns > maxCostNs) return `the value is more than gmpsim takes (at most 24h: the simulated clock is exact to 2^53 ns)`;
  return null;
}

/**
 * The extra cost of switching to a goroutine after `d` executes of other goroutines (execute's
 * working-set cost): 0 at d ≤ 1 (a ping-pong pair stays hot), the coldSwitch* values at d = 9, 99,
 * 999, 9999 (a ring of 10…10 000 goroutines), linear in log10(d + 1) between them, the 9999 value
 * beyond.
 *
 * d counts executes, not distinct goroutines: it is an upper bound of the LRU stack distance (what the
 * caches see) and equal to it in the patterns where many goroutines take turns — rings, N sleepers run
 * in turn from a timer heap, worker pools. It overstates only a goroutine that waited while a few others
 * ran many times, and such a goroutine runs rarely by construction (a G that waited d executes pays at
 * most once per d executes), so the cost it adds to a run is bounded by coldSwitch10000 per d executes.
 */
export function coldSwitchExtra(c: Readonly<CostModel>, d: number): number {
  if (d <= 1) return 0;
  return coldInterp(Math.log10(d + 1), c.coldSwitch10, c.coldSwitch100, c.coldSwitch1000, c.coldSwitch10000, c.coldSwitch10000);
}

/**
 * The extra cost of removing a timer armed `d` timer arms ago (cost.ts timerCold*): the timerCold*
 * values at d = 10, 100, 1000, 10 000, 100 000, linear in log10(d) between them (from 0 at d = 1), the
 * 100 000 value beyond. Like coldSwitchExtra, arms count all timers, not distinct ones.
 */
export function timerColdExtra(c: Readonly<CostModel>, d: number): number {
  if (d <= 1) return 0;
  return coldInterp(Math.log10(d), c.timerCold10, c.timerCold100, c.timerCold1000, c.timerCold10000, c.timerCold100000);
}

/**
 * Piecewise-linear in x between (0, 0), (1, v1), (2, v2), (3, v3), (4, v4), (5, v5), constant after;
 * never decreasing (a noisy calibration point below its predecessor is raised to it).
 */
function coldInterp(x: number, v1: number, v2: number, v3: number, v4: number, v5: number): number {
  const a1 = Math.max(0, v1);
  if (x < 1) return a1 * x;
  const a2 = Math.max(a1, v2);
  if (x < 2) return a1 + (a2 - a1) * (x - 1);
  const a3 = Math.max(a2, v3);
  if (x < 3) return a2 + (a3 - a2) * (x - 2);
  const a4 = Math.max(a3, v4);
  if (x < 4) return a3 + (a4 - a3) * (x - 3);
  const a5 = Math.max(a4, v5);
  if (x < 5) return a4 + (a5 - a4) * (x - 4);
  return a5;
}

/**
 * coldSwitchExtra or timerColdExtra as a lookup table, for the hot paths (execute, goready, every
 * timer removal): entry d for d < 8, then 8 entries per power of two, each the function's value at
 * the bucket's lowest d (so within 1/8 of an octave, ≤ 0.05 decade: at most ≈2 ns below the exact
 * value with the recorded slopes), rounded down to whole ns (every charged duration stays an integer,
 * as the views' µs timestamps with ns precision need). Built once per run from its cost model.
 */
export function coldTable(c: Readonly<CostModel>, f: (c: Readonly<CostModel>, d: number) => number): Float64Array {
  const t = new Float64Array(8 + 8 * 32);
  for (let d = 0; d < 8; d++) t[d] = Math.floor(f(c, d));
  for (let b = 3; b < 32; b++) for (let s = 0; s < 8; s++) t[8 * (b - 2) + s] = Math.floor(f(c, (8 + s) * 2 ** (b - 3)));
  return t;
}

/** A coldTable's value for distance d (≥ 0; clamped at 2^31 − 1). */
export function coldLookup(t: Float64Array, d: number): number {
  if (d < 8) return d <= 0 ? t[0]! : t[d]!;
  const x = d >= 0x7fffffff ? 0x7fffffff : d | 0;
  const b = 31 - Math.clz32(x);
  return t[8 * (b - 2) + ((x >>> (b - 3)) & 7)]!;
}
