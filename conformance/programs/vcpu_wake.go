// Behaviour: the VM's idle-CPU wake-up. How long a futex wake-up takes to run the woken thread as a function
// of how long the CPU it lands on had been idle, and which CPU Linux picks for it. On a KVM guest an idle
// vCPU halts; the host polls it for a while (KVM's halt_poll_ns, not visible in the guest) and then
// deschedules it, so waking a thread onto a CPU idle longer than that window costs the host's wake-up of the
// vCPU too. Calibration for src/runtime/os.ts (haltPollWindow, vcpuWake), not a scheduler behaviour of Go.
// Spec: none (OS/VM costs, spec §19's environment parameters).
// All in C threads inside one cgo call (the Go runtime only has sysmon, which backs off to 10 ms sleeps).
// Thread W (the waker) spins; thread S sleeps in FUTEX_WAIT. Each trial: S blocks, W spins 5 µs + IDLE_US µs
// more (so S's CPU idles IDLE_US + 5 µs), stamps t0 and FUTEX_WAKEs S, which stamps t1 when it runs; then W waits
// (spinning) for S to block again. Trials cycle through the idle times, TRIALS per idle time.
// PIN=1: W pinned to CPU 0 and S to CPU 1 (S's CPU is idle for IDLE_US + 5 µs). PIN=0: no affinity, Linux
// picks S's CPU at each wake-up (select_task_rq_fair: the previous CPU if idle, else the waker's...).
// MEASURE wake_us_i<IDLE_US> = t1 − t0 per trial (µs); with PIN=0 also same_cpu_i<IDLE_US> = 1 when S ran on
// W's CPU, prev_cpu_i<IDLE_US> = 1 when S ran on the CPU it blocked on.
// BLOCK=1: right after the wake-up W blocks itself (nanosleep 100 µs), as a Go M that wakes a spinning M
// (wakep) and then parks in findRunnable does; whether Linux then runs S on W's CPU shows in same_cpu.
// TIMEOUT_US=T: every other round of trials (one trial per idle time) S sleeps in FUTEX_WAIT with a timeout
// of T µs (re-waiting when it expires), as Go's notetsleep does (stopTheWorldWithSema's
// notetsleep(&sched.stopnote, 100 µs)): the kernel arms an hrtimer for the sleep and cancels it at the
// wake-up. Those trials' wake-ups are timed_wake_us_i<IDLE_US>, the untimed rounds' wake_us_i<IDLE_US>
// as above, interleaved within each run so that the two compare on the same machine state. With T = 100 the
// idle times up to 50 µs are wake-ups within the first timed wait; longer ones wake a thread that re-waited.
//
// conformance-build: cgo=1
// conformance: variant=pinned GOMAXPROCS=1 PIN=1 runs=5 timeout=60s expect=0
// conformance: variant=free GOMAXPROCS=1 PIN=0 runs=5 timeout=60s expect=0
// conformance: variant=free_block GOMAXPROCS=1 PIN=0 BLOCK=1 runs=5 timeout=60s expect=0
// conformance: variant=pinned_timed GOMAXPROCS=1 PIN=1 TIMEOUT_US=100 runs=5 timeout=60s expect=0
package main

/*
#define _GNU_SOURCE
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NIDLE 12
static const int idles[NIDLE] = {0, 10, 25, 50, 100, 200, 400, 1000, 2000, 5000, 20000, 100000};
#define TRIALS 25

static _Atomic int word;     // the futex S sleeps on: 0 = sleep, 1 = woken
static _Atomic int asleep;   // S announces it is about to sleep
static _Atomic int64_t t1;   // S's stamp after the wake-up
static _Atomic int s_cpu, s_prev;
static int pin, block, timeout_us;

static int64_t nowns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void pinto(int cpu) {
	cpu_set_t s;
	CPU_ZERO(&s);
	CPU_SET(cpu, &s);
	sched_setaffinity(0, sizeof s, &s);
}

// Whether trial k sleeps with a timeout: the odd rounds of NIDLE trials when TIMEOUT_US is set.
static int timed_trial(int k) { return timeout_us > 0 && (k / NIDLE) % 2 == 1; }

static void *sleeper(void *arg) {
	(void)arg;
	if (pin) pinto(1);
	for (int k = 0;; k++) {
		s_prev = sched_getcpu();
		int timed = timed_trial(k);
		atomic_store(&asleep, 1);
		while (atomic_load(&word) == 0) {
			if (timed) {
				struct timespec ts = {0, (long)timeout_us * 1000};
				syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0);
			} else {
				syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
			}
		}
		int64_t t = nowns();
		s_cpu = sched_getcpu();
		atomic_store(&word, 0);
		atomic_store(&t1, t);
		if (atomic_load(&asleep) == 2) return NULL;
	}
}

static void spin(int64_t ns) {
	int64_t end = nowns() + ns;
	while (nowns() < end) {
	}
}

static void run(void) {
	pthread_t th;
	int ntrials = NIDLE * TRIALS * (timeout_us > 0 ? 2 : 1);
	pthread_create(&th, NULL, sleeper, NULL);
	if (pin) pinto(0);
	for (int k = 0; k < ntrials + 1; k++) {
		int idle = idles[k % NIDLE];
		while (atomic_load(&asleep) != 1) {
		}
		spin(5000); // S is inside FUTEX_WAIT by now (its CPU idles IDLE_US + 5 µs in all)
		if (k == ntrials) atomic_store(&asleep, 2); else atomic_store(&asleep, 0);
		atomic_store(&t1, 0);
		spin((int64_t)idle * 1000);
		int w_cpu = sched_getcpu();
		int64_t t0 = nowns();
		atomic_store(&word, 1);
		syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		if (block) {
			struct timespec ts = {0, 100000};
			nanosleep(&ts, NULL);
		}
		while (atomic_load(&t1) == 0) {
		}
		if (k == ntrials) break;
		double us = (double)(atomic_load(&t1) - t0) / 1000.0;
		printf("MEASURE %swake_us_i%06d=%.2f us\n", timed_trial(k) ? "timed_" : "", idle, us);
		if (!pin) {
			printf("MEASURE same_cpu_i%06d=%d\n", idle, s_cpu == w_cpu);
			printf("MEASURE prev_cpu_i%06d=%d\n", idle, s_cpu == s_prev);
		}
	}
	pthread_join(th, NULL);
	fflush(stdout);
}

static void calibrate(int p, int b, int t) {
	pin = p;
	block = b;
	timeout_us = t;
	run();
}
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	pin := 0
	if os.Getenv("PIN") == "1" {
		pin = 1
	}
	block := 0
	if os.Getenv("BLOCK") == "1" {
		block = 1
	}
	timeout := 0
	if t, err := strconv.Atoi(os.Getenv("TIMEOUT_US")); err == nil && t > 0 && t < 1000000 {
		timeout = t
	}
	C.calibrate(C.int(pin), C.int(block), C.int(timeout))
	fmt.Println("done")
}
