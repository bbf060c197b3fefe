// Behaviour: none — calibration for the OS model (src/runtime/os.ts): how late a thread runs after
// its wake-up when every CPU is busy with threads computing in the kernel (read(2) of 1 MiB from
// /dev/urandom: ≈2.6–3 ms of kernel CPU each, preemptible only at the kernel's cond_resched points
// on this CONFIG_PREEMPT_NONE, HZ=250, EEVDF kernel). Not a scheduler behaviour of Go, but what
// decides how fast sysmon retakes and a handed-off M starts in urandom_read.go, where real go1.26.8
// (runtime/trace, N=100, GOMAXPROCS=2) saw sysmon's retake land 0.16 / 2.7 / 8.5 ms (p10/p50/p90)
// after a read began and the new M run 0.02 / 2.0 / 8.7 ms after the retake, while gmpsim runs a
// woken thread at once (issue 19; session-10 note). A quick run on a loaded machine (2026-12-07,
// load 4) put a 1 ms sleeper's lateness at p50 100 µs, p90 1.7–3.9 ms, max 10–14 ms next to two
// such readers, and a 20 µs sleeper's at p50 77–81 µs, p90 93–140 µs.
// Spec: none (OS costs, spec §19's environment parameters).
// All in C threads inside one cgo call: HOGS threads read 1 MiB from /dev/urandom in a loop (FRESH=1:
// each into a newly mapped buffer, so the read also takes the first-touch page faults, as a fresh
// make([]byte, 1<<20) does; FRESH=0: into one buffer). Meanwhile a thread sleeps SLEEP_US µs with
// clock_nanosleep (TRIALS times): MEASURE late_us = how long after its deadline it ran (timer slack +
// wake-up + waiting for a CPU); then it wakes a second thread with FUTEX_WAKE right after its own
// wake-up, as sysmon's handoffp → startm → notewakeup does: MEASURE wake_us = FUTEX_WAKE → the woken
// thread running. With HOGS=0 both are the idle machine's figures.
//
// conformance-build: cgo=1
// conformance: variant=idle_1ms GOMAXPROCS=1 HOGS=0 FRESH=0 SLEEP_US=1000 runs=5 timeout=60s expect=0
// conformance: variant=hogs2_20us GOMAXPROCS=1 HOGS=2 FRESH=0 SLEEP_US=20 runs=5 timeout=60s expect=0
// conformance: variant=hogs2_1ms GOMAXPROCS=1 HOGS=2 FRESH=0 SLEEP_US=1000 runs=5 timeout=60s expect=0
// conformance: variant=hogs2_fresh_1ms GOMAXPROCS=1 HOGS=2 FRESH=1 SLEEP_US=1000 runs=5 timeout=60s expect=0
// conformance: variant=hogs4_1ms GOMAXPROCS=1 HOGS=4 FRESH=0 SLEEP_US=1000 runs=5 timeout=60s expect=0
// conformance: variant=hogs8_1ms GOMAXPROCS=1 HOGS=8 FRESH=0 SLEEP_US=1000 runs=5 timeout=60s expect=0
package main

/*
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define TRIALS 200
#define MIB (1 << 20)

static _Atomic int stop;
static _Atomic int word;
static _Atomic int64_t t1;
static int fresh;

static int64_t nowns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void *hog(void *arg) {
	(void)arg;
	int fd = open("/dev/urandom", O_RDONLY);
	char *buf = malloc(MIB);
	for (int i = 0; i < MIB; i += 4096) buf[i] = 1;
	while (!atomic_load(&stop)) {
		if (fresh) {
			char *f = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (read(fd, f, MIB) < 0) break;
			munmap(f, MIB);
		} else if (read(fd, buf, MIB) < 0) break;
	}
	close(fd);
	return NULL;
}

static void *wakee(void *arg) {
	(void)arg;
	for (;;) {
		while (atomic_load(&word) == 0) syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
		if (atomic_load(&word) == 2) return NULL;
		atomic_store(&t1, nowns());
		atomic_store(&word, 0);
	}
}

static void calibrate(int hogs, int freshBuf, int sleepUs) {
	fresh = freshBuf;
	pthread_t th[64], w;
	for (int i = 0; i < hogs && i < 64; i++) pthread_create(&th[i], NULL, hog, NULL);
	pthread_create(&w, NULL, wakee, NULL);
	usleep(50000); // the readers are running
	for (int k = 0; k < TRIALS; k++) {
		int64_t deadline = nowns() + (int64_t)sleepUs * 1000;
		struct timespec ts = {deadline / 1000000000, deadline % 1000000000};
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
		int64_t woke = nowns();
		atomic_store(&t1, 0);
		int64_t t0 = nowns();
		atomic_store(&word, 1);
		syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		while (atomic_load(&t1) == 0) {
			struct timespec q = {0, 20000};
			nanosleep(&q, NULL);
		}
		printf("MEASURE late_us=%.2f us\n", (double)(woke - deadline) / 1000.0);
		printf("MEASURE wake_us=%.2f us\n", (double)(atomic_load(&t1) - t0) / 1000.0);
	}
	atomic_store(&stop, 1);
	atomic_store(&word, 2);
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	pthread_join(w, NULL);
	for (int i = 0; i < hogs && i < 64; i++) pthread_join(th[i], NULL);
	fflush(stdout);
}
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
)

func env(k string) int {
	n, err := strconv.Atoi(os.Getenv(k))
	if err != nil {
		return 0
	}
	return n
}

func main() {
	C.calibrate(C.int(env("HOGS")), C.int(env("FRESH")), C.int(env("SLEEP_US")))
	fmt.Println("done")
}
