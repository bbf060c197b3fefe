// rusage: run a command and report the CPU time and peak RSS of it and of every process it started,
// including the ones it left behind (bench/vs-go.mjs's measuring tool).
//
//	rusage OUTFILE command [args...]
//
// /usr/bin/time reports wait4's rusage of its child, which includes only the grandchildren that child
// waited for: a helper the child spawned and never reaped (esbuild's service process, which gmpsim
// run's Node leaves to exit on its own) is reparented to init and its CPU is lost. rusage makes itself
// a child subreaper (prctl PR_SET_CHILD_SUBREAPER), so orphaned descendants are reparented to it; it
// reaps every one of them before reading getrusage(RUSAGE_CHILDREN): user and system time summed over
// the whole process tree, ru_maxrss the largest single process's peak RSS.
// OUTFILE gets one line: "wall_s user_s sys_s maxrss_KiB". The command's exit status is rusage's.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

const prSetChildSubreaper = 36 // <linux/prctl.h> PR_SET_CHILD_SUBREAPER

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: rusage OUTFILE command [args...]")
		os.Exit(2)
	}
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); e != 0 {
		fmt.Fprintln(os.Stderr, "rusage: prctl(PR_SET_CHILD_SUBREAPER):", e)
		os.Exit(2)
	}
	start := time.Now()
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "rusage:", err)
		os.Exit(2)
	}
	cmd.Wait()
	wall := time.Since(start)
	code := cmd.ProcessState.ExitCode()
	// Reap the orphans (they exit once their parent is gone: esbuild's service on EOF of its stdin).
	for {
		var ws syscall.WaitStatus
		if _, err := syscall.Wait4(-1, &ws, 0, nil); err == syscall.ECHILD {
			break
		} else if err != nil && err != syscall.EINTR {
			fmt.Fprintln(os.Stderr, "rusage: wait4:", err)
			break
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru)
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	line := fmt.Sprintf("%.4f %.4f %.4f %d\n", wall.Seconds(), tv(ru.Utime), tv(ru.Stime), ru.Maxrss)
	if err := os.WriteFile(os.Args[1], []byte(line), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "rusage:", err)
		os.Exit(2)
	}
	if code < 0 {
		code = 1
	}
	os.Exit(code)
}
