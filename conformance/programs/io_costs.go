// Behaviour: none — this program measures what the kernel charges a thread for file, device and pipe
// system calls, the figures gmpsim's I/O cost model (src/sys/costs.ts) takes its defaults from.
// Each figure is the median of many repetitions inside one run (DESCRIBE lines say what it is); the
// reference keeps every run's value. Reads are timed around the raw syscall (syscall.Pread/Read), so
// they are the kernel's time plus entersyscall/exitsyscall, without Go's allocation of the buffer.
// A "fit" pair (call + per_byte) comes from reads of 4 KiB and 1 MiB of the same kind.
//
// conformance: variant=default GOMAXPROCS=2 runs=5 timeout=120s expect=0
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

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func report(name, unit string, v float64, what string) {
	fmt.Printf("DESCRIBE %s %s\n", name, what)
	fmt.Printf("MEASURE %s=%.4g %s\n", name, v, unit)
}

// timeUs runs f reps times and returns the median duration of one call in µs.
func timeUs(reps int, f func()) float64 {
	out := make([]float64, reps)
	for i := range out {
		t := time.Now()
		f()
		out[i] = float64(time.Since(t).Nanoseconds()) / 1e3
	}
	return median(out)
}

func must(err error) {
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
}

// alignedBuf returns a 4096-aligned buffer of n bytes (O_DIRECT needs aligned memory).
func alignedBuf(n int) []byte {
	b := make([]byte, n+4096)
	off := int(uintptr(unsafe.Pointer(&b[0])) & 4095)
	if off != 0 {
		off = 4096 - off
	}
	return b[off : off+n]
}

const fadvDontneed = 4 // POSIX_FADV_DONTNEED

func dropCache(fd int) {
	_, _, e := syscall.Syscall6(syscall.SYS_FADVISE64, uintptr(fd), 0, 0, fadvDontneed, 0, 0)
	if e != 0 {
		must(e)
	}
}

func main() {
	dir, err := os.MkdirTemp("", "iocosts")
	must(err)
	defer os.RemoveAll(dir)
	const mib = 1 << 20
	data := make([]byte, 8*mib)
	for i := range data {
		data[i] = byte(i * 7)
	}
	path := filepath.Join(dir, "data")
	must(os.WriteFile(path, data, 0o644))
	f, err := os.Open(path)
	must(err)
	fd := int(f.Fd())
	buf := alignedBuf(mib)

	// Page-cached reads of 4 KiB, 64 KiB and 1 MiB.
	pread := func(n int) func() {
		return func() {
			if _, err := syscall.Pread(fd, buf[:n], 0); err != nil {
				must(err)
			}
		}
	}
	syscall.Pread(fd, buf, 0) // warm
	c4 := timeUs(2000, pread(4096))
	c64 := timeUs(1000, pread(64<<10))
	c1m := timeUs(200, pread(mib))
	report("cached_read_4k_us", "us", c4, "pread(2) of 4 KiB from the page cache")
	report("cached_read_64k_us", "us", c64, "pread(2) of 64 KiB from the page cache")
	report("cached_read_1m_us", "us", c1m, "pread(2) of 1 MiB from the page cache")
	report("cached_read_per_byte_ns", "ns", (c1m-c4)*1e3/float64(mib-4096), "page-cache copy per byte: (1 MiB − 4 KiB read) / bytes")

	// os.ReadFile of a 1 MiB page-cached file, end to end (open, fstat, allocate, read, read EOF, close).
	small := filepath.Join(dir, "one")
	must(os.WriteFile(small, data[:mib], 0o644))
	os.ReadFile(small)
	report("readfile_1m_us", "us", timeUs(200, func() { os.ReadFile(small) }), "os.ReadFile of a 1 MiB page-cached file")
	report("open_close_us", "us", timeUs(2000, func() {
		g, err := os.Open(small)
		must(err)
		g.Close()
	}), "os.Open + Close of an existing file")
	report("stat_us", "us", timeUs(2000, func() { os.Stat(small) }), "os.Stat of an existing file")

	// /dev/urandom reads.
	u, err := os.Open("/dev/urandom")
	must(err)
	ufd := int(u.Fd())
	uread := func(n int) func() {
		return func() {
			if _, err := syscall.Read(ufd, buf[:n]); err != nil {
				must(err)
			}
		}
	}
	u4 := timeUs(2000, uread(4096))
	u64 := timeUs(500, uread(64<<10))
	u1m := timeUs(100, uread(mib))
	report("urandom_read_4k_us", "us", u4, "read(2) of 4 KiB from /dev/urandom")
	report("urandom_read_64k_us", "us", u64, "read(2) of 64 KiB from /dev/urandom")
	report("urandom_read_1m_us", "us", u1m, "read(2) of 1 MiB from /dev/urandom")
	report("urandom_per_byte_ns", "ns", (u1m-u4)*1e3/float64(mib-4096), "/dev/urandom per byte: (1 MiB − 4 KiB read) / bytes")
	report("urandom_read_512_us", "us", timeUs(2000, uread(512)), "read(2) of 512 B from /dev/urandom (os.ReadFile's first read)")

	// Reads that miss the page cache: after fadvise(DONTNEED) (the file was fsynced, so its pages are
	// clean and can be dropped), and O_DIRECT.
	must(f.Sync())
	cold := func(n int, reps int) float64 {
		out := make([]float64, reps)
		for i := range out {
			off := int64((i * n) % (8*mib - n))
			off -= off % 4096
			dropCache(fd)
			t := time.Now()
			if _, err := syscall.Pread(fd, buf[:n], off); err != nil {
				must(err)
			}
			out[i] = float64(time.Since(t).Nanoseconds()) / 1e3
		}
		return median(out)
	}
	d4 := cold(4096, 200)
	d1m := cold(mib, 40)
	report("dontneed_read_4k_us", "us", d4, "pread(2) of 4 KiB after fadvise(DONTNEED)")
	report("dontneed_read_1m_us", "us", d1m, "pread(2) of 1 MiB after fadvise(DONTNEED)")
	df, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_DIRECT, 0)
	must(err)
	direct := func(n int, reps int) float64 {
		out := make([]float64, reps)
		for i := range out {
			off := int64((i * n) % (8*mib - n))
			off -= off % 4096
			t := time.Now()
			if _, err := syscall.Pread(df, buf[:n], off); err != nil {
				must(err)
			}
			out[i] = float64(time.Since(t).Nanoseconds()) / 1e3
		}
		return median(out)
	}
	o4 := direct(4096, 500)
	o64 := direct(64<<10, 200)
	o1m := direct(mib, 50)
	report("direct_read_4k_us", "us", o4, "pread(2) of 4 KiB with O_DIRECT")
	report("direct_read_64k_us", "us", o64, "pread(2) of 64 KiB with O_DIRECT")
	report("direct_read_1m_us", "us", o1m, "pread(2) of 1 MiB with O_DIRECT")
	report("direct_per_byte_ns", "ns", (o1m-o4)*1e3/float64(mib-4096), "O_DIRECT per byte: (1 MiB − 4 KiB read) / bytes")
	syscall.Close(df)

	// Writes into the page cache, and fsync.
	w, err := os.Create(filepath.Join(dir, "w"))
	must(err)
	wfd := int(w.Fd())
	w4 := timeUs(2000, func() { syscall.Pwrite(wfd, buf[:4096], 0) })
	w1m := timeUs(200, func() { syscall.Pwrite(wfd, buf[:mib], 0) })
	report("write_4k_us", "us", w4, "pwrite(2) of 4 KiB into the page cache")
	report("write_1m_us", "us", w1m, "pwrite(2) of 1 MiB into the page cache")
	report("write_per_byte_ns", "ns", (w1m-w4)*1e3/float64(mib-4096), "page-cache write per byte")
	report("fsync_4k_us", "us", timeUs(100, func() {
		syscall.Pwrite(wfd, buf[:4096], 0)
		w.Sync()
	}), "pwrite 4 KiB + fsync(2)")
	w.Close()

	// A blocking pipe: the time from write(2) to the blocked reader's return (the reader's thread is
	// asleep in read(2); GOMAXPROCS=2, so the writer runs on another thread).
	var p [2]int
	must(syscall.Pipe(p[:]))
	lat := make([]float64, 0, 300)
	done := make(chan float64)
	for i := 0; i < 300; i++ {
		go func() {
			var b [8]byte
			syscall.Read(p[0], b[:])
			done <- float64(time.Now().UnixNano())
		}()
		time.Sleep(200 * time.Microsecond) // the reader is blocked in read(2) by now
		t := time.Now()
		syscall.Write(p[1], []byte("x"))
		got := <-done
		lat = append(lat, (got-float64(t.UnixNano()))/1e3)
	}
	report("pipe_wake_us", "us", median(lat), "write(2) to a blocking pipe until the reader blocked in read(2) returns")
	report("pipe_write_us", "us", timeUs(2000, func() {
		syscall.Write(p[1], []byte("x"))
		var b [1]byte
		syscall.Read(p[0], b[:])
	})/2, "write(2) or read(2) of 1 byte on a pipe that does not block (half a write+read pair)")
}
