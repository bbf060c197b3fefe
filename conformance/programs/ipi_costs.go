// Behaviour: none — calibration of what a thread pays to wake or signal a thread on ANOTHER CPU of this
// VM (runtime/cost.ts signalSend): the kernel sends an inter-processor interrupt, which on a
// Firecracker/KVM guest is a VM exit, so the calling thread's syscall takes microseconds, not the
// ≈1 µs of a call that needs no IPI. Go sends one per preemptone/preemptall (preemptM → signalM →
// tgkill(SIGURG)) — every stop-the-world with a running P pays it, and sysmon for each preemption —
// and one per notewakeup of an M parked on another CPU (futexwakeup).
// Spec: §19 (the environment's costs).
// All in C threads inside one cgo call, pinned with pthread_setaffinity_np; TRIALS per figure, one
// MEASURE per trial (the median is the figure):
//   tgkill_ns: tgkill(SIGURG) to a thread spinning on the other CPU (it has a handler, as Go's Ms do);
//   futex_wake_remote_ns: FUTEX_WAKE of a waiter asleep on the other, idle CPU (IDLE_US after it slept);
//   futex_wake_remote_busy_ns: the same while a third thread spins on the waiter's CPU;
//   futex_wake_local_ns: FUTEX_WAKE of a waiter asleep on the caller's own CPU (no IPI);
//   futex_wake_nowaiter_ns: FUTEX_WAKE with nobody waiting (the syscall alone).
// Recorded on the quiet reference machine (2 vCPUs); the figures describe the machine, not Go, so both
// toolchains must agree.
//
// conformance-build: cgo=1
// conformance: variant=default GOMAXPROCS=1 IDLE_US=20 runs=5 timeout=60s expect=0
// conformance: variant=idle200 GOMAXPROCS=1 IDLE_US=200 runs=5 timeout=60s expect=0
package main

/*
#define _GNU_SOURCE
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define TRIALS 200

static _Atomic int word;
static _Atomic int ready;
static _Atomic int quit;
static _Atomic int tid;

static int64_t nowns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void pin(int cpu) {
	cpu_set_t s;
	CPU_ZERO(&s);
	CPU_SET(cpu, &s);
	pthread_setaffinity_np(pthread_self(), sizeof s, &s);
}

static void onurg(int sig) { (void)sig; }

static void *spinner(void *arg) {
	pin((int)(intptr_t)arg);
	atomic_store(&tid, (int)syscall(SYS_gettid));
	volatile uint64_t x = 0;
	while (!atomic_load(&quit)) x++;
	return NULL;
}

static void *waiter(void *arg) {
	pin((int)(intptr_t)arg);
	for (;;) {
		atomic_store(&ready, 1);
		while (atomic_load(&word) == 0) syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
		if (atomic_load(&word) == 2) return NULL;
		atomic_store(&word, 0);
	}
}

// One FUTEX_WAKE figure: the waiter on waiterCpu, the caller on CPU 0, a spinner on the waiter's CPU if busy.
static void futexFigure(const char *name, int waiterCpu, int busy, int idleUs) {
	pthread_t w, h;
	atomic_store(&quit, 0);
	atomic_store(&word, 0);
	atomic_store(&ready, 0);
	pthread_create(&w, NULL, waiter, (void *)(intptr_t)waiterCpu);
	if (busy) pthread_create(&h, NULL, spinner, (void *)(intptr_t)waiterCpu);
	usleep(20000);
	for (int k = 0; k < TRIALS; k++) {
		while (!atomic_load(&ready)) sched_yield();
		usleep(idleUs);
		atomic_store(&ready, 0);
		atomic_store(&word, 1);
		int64_t t0 = nowns();
		syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		printf("MEASURE %s=%ld ns\n", name, (long)(nowns() - t0));
		usleep(200);
	}
	while (!atomic_load(&ready)) sched_yield();
	atomic_store(&word, 2);
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	pthread_join(w, NULL);
	atomic_store(&quit, 1);
	if (busy) pthread_join(h, NULL);
}

static void calibrate(int idleUs) {
	pin(0);
	signal(SIGURG, onurg);
	// tgkill to a spinner on CPU 1.
	pthread_t s;
	atomic_store(&quit, 0);
	atomic_store(&tid, 0);
	pthread_create(&s, NULL, spinner, (void *)(intptr_t)1);
	while (atomic_load(&tid) == 0) sched_yield();
	usleep(20000);
	for (int k = 0; k < TRIALS; k++) {
		int64_t t0 = nowns();
		syscall(SYS_tgkill, getpid(), atomic_load(&tid), SIGURG);
		printf("MEASURE tgkill_ns=%ld ns\n", (long)(nowns() - t0));
		usleep(300);
	}
	atomic_store(&quit, 1);
	pthread_join(s, NULL);
	futexFigure("futex_wake_remote_ns", 1, 0, idleUs);
	futexFigure("futex_wake_remote_busy_ns", 1, 1, idleUs);
	futexFigure("futex_wake_local_ns", 0, 0, idleUs);
	for (int k = 0; k < TRIALS; k++) {
		int64_t t0 = nowns();
		syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		printf("MEASURE futex_wake_nowaiter_ns=%ld ns\n", (long)(nowns() - t0));
	}
	fflush(stdout);
}
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	idle, err := strconv.Atoi(os.Getenv("IDLE_US"))
	if err != nil {
		idle = 20
	}
	C.calibrate(C.int(idle))
	fmt.Println("done")
}
