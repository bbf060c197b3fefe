// Behaviour: none — this program measures what the kernel charges a thread for system calls that change
// the file system: creating a file, truncating one, writing past a file's end (new page-cache pages and
// the file system's block reservations), appending a short line, unlinking. gmpsim's I/O cost model
// (src/sys/costs.ts) takes its file-creation and file-growth defaults from it; io_costs.go measures
// reads and writes of files that already exist.
// Each figure is the median of many repetitions inside one run (DESCRIBE lines say what it is); the
// reference keeps every run's value. Calls are timed around the raw syscall (syscall.Open/Write/…), so
// they are the kernel's time plus entersyscall/exitsyscall (≈50 ns). The files are in a fresh directory
// under os.TempDir() (on the reference machine: ext4 on a virtio disk), a new one per figure.
// create_cpu_us is the process's CPU time (getrusage, user + system) per create over the loop: when it
// equals create_us the call computes in the kernel (a thread that keeps its CPU) rather than waiting.
//
// conformance: variant=default GOMAXPROCS=1 runs=5 timeout=120s expect=0
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"time"
	"unsafe"
)

const reps = 400

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func report(name, unit string, v float64, what string) {
	fmt.Printf("DESCRIBE %s %s\n", name, what)
	fmt.Printf("MEASURE %s=%.4g %s\n", name, v, unit)
}

func must(err error) {
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
}

// rusage is struct rusage's head (Linux, amd64): ru_utime and ru_stime as {sec, usec}, then 14 longs.
type rusage struct {
	utimeSec, utimeUsec, stimeSec, stimeUsec int64
	rest                                     [14]int64
}

// cpuNow is the process's CPU time, getrusage(RUSAGE_SELF) (made with syscall.Syscall: SYS_GETRUSAGE
// is 98 on linux/amd64).
func cpuNow() time.Duration {
	var r rusage
	if _, _, e := syscall.Syscall(98, 0, uintptr(unsafe.Pointer(&r)), 0); e != 0 {
		must(e)
	}
	return time.Duration((r.utimeSec+r.stimeSec)*1e9 + (r.utimeUsec+r.stimeUsec)*1e3)
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }

const createFlags = syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC | syscall.O_CLOEXEC

// newDir returns a fresh directory; the caller removes it.
func newDir() string {
	d, err := os.MkdirTemp("", "fscosts")
	must(err)
	return d
}

func name(dir string, i int) string { return filepath.Join(dir, fmt.Sprintf("f%04d", i)) }

func create(path string) int {
	fd, err := syscall.Open(path, createFlags, 0o600)
	must(err)
	return fd
}

func main() {
	buf := make([]byte, 1<<20)
	for i := range buf {
		buf[i] = byte(i * 7)
	}

	// Creating files: open(O_CREAT|O_TRUNC) of a name that does not exist.
	dir := newDir()
	var cr []float64
	c0, w0 := cpuNow(), time.Now()
	for i := 0; i < reps; i++ {
		t := time.Now()
		fd := create(name(dir, i))
		cr = append(cr, us(time.Since(t)))
		syscall.Close(fd)
	}
	cpu, wall := us(cpuNow()-c0)/reps, us(time.Since(w0))/reps
	report("create_us", "us", median(cr), "open(2) with O_CREAT|O_TRUNC of a file that does not exist (a new inode and directory entry)")
	report("create_cpu_us", "us", cpu, "the process's CPU time (getrusage) per create+close over the create_us loop")
	report("create_loop_wall_us", "us", wall, "the wall time per create+close over the same loop (≈ create_cpu_us: the call computes)")

	// Opening the same names again: O_TRUNC of an empty file, then of a 64 KiB one, and O_RDONLY.
	var te, t64, ro []float64
	for i := 0; i < reps; i++ {
		t := time.Now()
		fd := create(name(dir, i))
		te = append(te, us(time.Since(t)))
		_, err := syscall.Write(fd, buf[:64<<10])
		must(err)
		syscall.Close(fd)
		t = time.Now()
		fd = create(name(dir, i))
		t64 = append(t64, us(time.Since(t)))
		syscall.Close(fd)
		t = time.Now()
		fd, err = syscall.Open(name(dir, i), syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		ro = append(ro, us(time.Since(t)))
		must(err)
		syscall.Close(fd)
	}
	report("trunc_empty_us", "us", median(te), "open(2) with O_CREAT|O_TRUNC of an existing empty file")
	report("trunc_64k_us", "us", median(t64), "open(2) with O_CREAT|O_TRUNC of an existing 64 KiB file (its pages and blocks freed)")
	report("open_rdonly_us", "us", median(ro), "open(2) O_RDONLY of an existing file")
	must(os.RemoveAll(dir))

	// Writing into a file just created: every page is new (page cache allocation, delayed block
	// allocation). The same write again over the same range (pwrite at 0) for comparison.
	for _, size := range []int{4 << 10, 64 << 10, 1 << 20} {
		dir := newDir()
		var wn, wo []float64
		n := reps
		if size == 1<<20 {
			n = 100
		}
		for i := 0; i < n; i++ {
			fd := create(name(dir, i))
			t := time.Now()
			_, err := syscall.Write(fd, buf[:size])
			wn = append(wn, us(time.Since(t)))
			must(err)
			t = time.Now()
			_, err = syscall.Pwrite(fd, buf[:size], 0)
			wo = append(wo, us(time.Since(t)))
			must(err)
			syscall.Close(fd)
		}
		k := fmt.Sprintf("%dk", size>>10)
		if size == 1<<20 {
			k = "1m"
		}
		report("write_new_"+k+"_us", "us", median(wn), fmt.Sprintf("write(2) of %d bytes into a file just created (all pages new)", size))
		report("write_over_"+k+"_us", "us", median(wo), fmt.Sprintf("pwrite(2) of the same %d bytes over them (pages present)", size))
		must(os.RemoveAll(dir))
	}

	// Appending short lines to a growing file (a log): O_APPEND writes of 100 bytes.
	dir = newDir()
	fd, err := syscall.Open(filepath.Join(dir, "log"), createFlags|syscall.O_APPEND, 0o600)
	must(err)
	var ap []float64
	line := buf[:100]
	for i := 0; i < 20*reps; i++ {
		t := time.Now()
		_, err := syscall.Write(fd, line)
		ap = append(ap, us(time.Since(t)))
		must(err)
	}
	syscall.Close(fd)
	report("append_100_us", "us", median(ap), "write(2) of 100 bytes to an O_APPEND file that grows (a new page every 41st write)")

	// Unlinking files of 64 KiB.
	for i := 0; i < reps; i++ {
		fd := create(name(dir, i))
		_, err := syscall.Write(fd, buf[:64<<10])
		must(err)
		syscall.Close(fd)
	}
	var ul []float64
	for i := 0; i < reps; i++ {
		t := time.Now()
		must(os.Remove(name(dir, i))) // unlink(2)
		ul = append(ul, us(time.Since(t)))
	}
	report("unlink_64k_us", "us", median(ul), "os.Remove (unlink(2)) of a 64 KiB file")
	must(os.RemoveAll(dir))
}
