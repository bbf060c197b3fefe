// Behaviour: none — this program measures what the kernel charges a thread for file, device, pipe and
// socket system calls, the figures gmpsim's I/O cost model (src/sys/costs.ts) takes its defaults from.
// Each figure is the median of many repetitions inside one run (DESCRIBE lines say what it is); the
// reference keeps every run's value. Reads are timed around the raw syscall (syscall.Pread/Read), so
// they are the kernel's time plus entersyscall/exitsyscall, without Go's allocation of the buffer.
// A "fit" pair (call + per_byte) comes from reads of 4 KiB and 1 MiB of the same kind.
// The socket figures time each system call Go's net.Dial, (*TCPListener).Accept and (*TCPConn).Close make
// on a loopback TCP connection (the sequence strace shows for go1.19.8 and go1.26.8), one raw call at a
// time (syscall.RawSyscall: the kernel's time without entersyscall/exitsyscall).
//
// conformance: variant=default GOMAXPROCS=2 runs=5 timeout=120s expect=0
package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
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
	wlat := make([]float64, 0, 300)
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
		wlat = append(wlat, float64(time.Since(t).Nanoseconds())/1e3)
		got := <-done
		lat = append(lat, (got-float64(t.UnixNano()))/1e3)
	}
	report("pipe_wake_us", "us", median(lat), "write(2) to a blocking pipe until the reader blocked in read(2) returns")
	report("pipe_wake_write_us", "us", median(wlat), "the writer's side of pipe_wake_us: its write(2) (with entersyscall/exitsyscall), which wakes the reader's thread (try_to_wake_up, an IPI to the reader's CPU)")
	report("pipe_write_us", "us", timeUs(2000, func() {
		syscall.Write(p[1], []byte("x"))
		var b [1]byte
		syscall.Read(p[0], b[:])
	})/2, "write(2) or read(2) of 1 byte on a pipe that does not block (half a write+read pair)")

	socketCosts()
	netCallCosts()
}

// Linux x86-64 system call numbers (asm/unistd_64.h) and socket constants, spelled out (gmpsim's Go
// frontend compiles every conformance program and has no socket API in package syscall).
const (
	sysSocket       = 41
	sysConnect      = 42
	sysBind         = 49
	sysListen       = 50
	sysGetsockname  = 51
	sysGetpeername  = 52
	sysSetsockopt   = 54
	sysGetsockopt   = 55
	sysEpollCtl     = 233
	sysAccept4      = 288
	sysEpollCreate1 = 291
	afInet          = 2
	sockStream      = 1
	sockNonblock    = 0x800
	sockCloexec     = 0x80000
	solSocket       = 1
	soError         = 4
	ipprotoTCP      = 6
	tcpNodelay      = 1
	epollCtlAdd     = 1
	epollCtlDel     = 2
	epollIn         = 0x1
	epollOut        = 0x4
	epollRdhup      = 0x2000
	epollEt         = 1 << 31
	epollCloexec    = 0x80000
)

// socketCosts times the system calls of one loopback TCP connection's life in Go's net package:
// net.Dial: socket (RawSyscall), connect (EINPROGRESS; on loopback the handshake runs inside it),
// epoll_ctl ADD (the runtime's netpollopen), getsockopt(SO_ERROR), getpeername, getsockname, then
// setsockopt TCP_NODELAY and the keep-alive options; Accept: accept4, epoll_ctl ADD, getsockname and
// the same setsockopts; Close: epoll_ctl DEL (netpollclose) and close(2) — the first end closed sends
// its FIN to a peer still open (active close), the second end's close finishes the exchange.
func socketCosts() {
	raw := func(trap, a1, a2, a3 uintptr) uintptr {
		r, _, e := syscall.RawSyscall(trap, a1, a2, a3)
		if e != 0 {
			must(e)
		}
		return r
	}
	lfd := raw(sysSocket, afInet, sockStream|sockNonblock|sockCloexec, 0)
	var sa [16]byte // struct sockaddr_in: AF_INET, port 0 (any), 127.0.0.1
	sa[0], sa[4], sa[7] = afInet, 127, 1
	raw(sysBind, lfd, uintptr(unsafe.Pointer(&sa[0])), 16)
	raw(sysListen, lfd, 4096, 0)
	sal := uint32(16)
	raw(sysGetsockname, lfd, uintptr(unsafe.Pointer(&sa[0])), uintptr(unsafe.Pointer(&sal))) // sa now has the port
	epfd := raw(sysEpollCreate1, epollCloexec, 0, 0)
	var ev [12]byte // struct epoll_event (packed): events, data
	evs := uint32(epollIn | epollOut | epollRdhup | epollEt)
	ev[0], ev[1], ev[2], ev[3] = byte(evs), byte(evs>>8), byte(evs>>16), byte(evs>>24)
	names := []string{"socket_us", "connect_loopback_us", "epoll_ctl_add_us", "accept4_us", "getsockopt_us", "getpeername_us", "getsockname_us", "setsockopt_us", "epoll_ctl_del_us", "tcp_close_active_us", "tcp_close_passive_us", "read_eagain_us", "accept4_eagain_us", "tcp_write_1b_us", "tcp_read_1b_us"}
	what := []string{
		"socket(2) of a non-blocking TCP socket",
		"connect(2) of a non-blocking TCP socket to a loopback listener (EINPROGRESS; the handshake runs in the caller's softirq)",
		"epoll_ctl(EPOLL_CTL_ADD) of a socket (the runtime's netpollopen)",
		"accept4(2) of a queued loopback connection",
		"getsockopt(SO_ERROR) of a connected socket",
		"getpeername(2) of a connected socket",
		"getsockname(2) of a connected socket",
		"setsockopt(TCP_NODELAY) of a connected socket",
		"epoll_ctl(EPOLL_CTL_DEL) of a socket (the runtime's netpollclose)",
		"close(2) of a connected loopback TCP socket whose peer is open (active close: sends the FIN)",
		"close(2) of a loopback TCP socket whose peer has closed (passive close: the last FIN)",
		"read(2) of a connected non-blocking TCP socket with no data (EAGAIN: Go's Read tries before it parks)",
		"accept4(2) on a listener with no connection queued (EAGAIN: Go's Accept tries before it parks)",
		"write(2) of 1 byte on a connected loopback TCP socket whose peer is not waiting (TCP_NODELAY; loopback delivers it inside the call)",
		"read(2) of 1 byte waiting on a connected loopback TCP socket",
	}
	// Batches of 1000 connections, one call kind at a time over the batch (as a program with many
	// connections makes them: the kernel's per-socket state is not in the caches): each call timed alone.
	res := make([][]float64, len(names))
	const batch, rounds = 1000, 4
	one := int32(1)
	var buf [112]byte
	rsa := &sa[0]
	fds := make([]uintptr, batch)
	sfds := make([]uintptr, batch)
	timed := func(k int, f func(i int)) {
		for i := 0; i < batch; i++ {
			t := time.Now()
			f(i)
			res[k] = append(res[k], float64(time.Since(t).Nanoseconds())/1e3)
		}
	}
	for r := 0; r < rounds; r++ {
		timed(0, func(i int) {
			fd, _, e := syscall.RawSyscall(sysSocket, afInet, sockStream|sockNonblock|sockCloexec, 0)
			if e != 0 {
				must(e)
			}
			fds[i] = fd
		})
		timed(1, func(i int) { syscall.RawSyscall(sysConnect, fds[i], uintptr(unsafe.Pointer(rsa)), 16) })
		timed(2, func(i int) {
			syscall.RawSyscall6(sysEpollCtl, epfd, epollCtlAdd, fds[i], uintptr(unsafe.Pointer(&ev[0])), 0, 0)
		})
		timed(3, func(i int) {
			bl := uint32(len(buf))
			sfd, _, e := syscall.RawSyscall6(sysAccept4, lfd, uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&bl)), sockNonblock|sockCloexec, 0, 0)
			if e != 0 {
				must(e)
			}
			sfds[i] = sfd
		})
		timed(11, func(i int) { syscall.RawSyscall(syscall.SYS_READ, fds[i], uintptr(unsafe.Pointer(&buf[0])), 1) })
		timed(12, func(i int) {
			bl := uint32(len(buf))
			syscall.RawSyscall6(sysAccept4, lfd, uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&bl)), sockNonblock|sockCloexec, 0, 0)
		})
		for i := 0; i < batch; i++ { // TCP_NODELAY first, as Go's conns have it
			syscall.RawSyscall6(sysSetsockopt, fds[i], ipprotoTCP, tcpNodelay, uintptr(unsafe.Pointer(&one)), 4, 0)
		}
		timed(13, func(i int) { syscall.RawSyscall(syscall.SYS_WRITE, fds[i], uintptr(unsafe.Pointer(&buf[0])), 1) })
		timed(14, func(i int) { syscall.RawSyscall(syscall.SYS_READ, sfds[i], uintptr(unsafe.Pointer(&buf[0])), 1) })
		timed(4, func(i int) {
			var v int32
			vl := uint32(4)
			syscall.RawSyscall6(sysGetsockopt, fds[i], solSocket, soError, uintptr(unsafe.Pointer(&v)), uintptr(unsafe.Pointer(&vl)), 0)
		})
		timed(5, func(i int) {
			bl := uint32(len(buf))
			syscall.RawSyscall(sysGetpeername, fds[i], uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&bl)))
		})
		timed(6, func(i int) {
			bl := uint32(len(buf))
			syscall.RawSyscall(sysGetsockname, fds[i], uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&bl)))
		})
		timed(7, func(i int) {
			syscall.RawSyscall6(sysSetsockopt, fds[i], ipprotoTCP, tcpNodelay, uintptr(unsafe.Pointer(&one)), 4, 0)
		})
		timed(8, func(i int) {
			syscall.RawSyscall6(sysEpollCtl, epfd, epollCtlDel, fds[i], uintptr(unsafe.Pointer(&ev[0])), 0, 0)
		})
		timed(9, func(i int) { syscall.RawSyscall(syscall.SYS_CLOSE, sfds[i], 0, 0) })
		timed(10, func(i int) { syscall.RawSyscall(syscall.SYS_CLOSE, fds[i], 0, 0) })
	}
	syscall.Close(int(epfd))
	syscall.Close(int(lfd))
	for k, name := range names {
		report(name, "us", median(res[k]), what[k])
	}
}

// netCallCosts times whole calls of package net on loopback at GOMAXPROCS=1: 1000 net.Dials (the
// listener's queue holds them), then 1000 Accepts, then Close of every accepted conn (active close)
// and of every dialed one (passive), 4 rounds. Beyond socketCosts' system calls a call is its Go code
// (golang/cost.ts netDial, netAccept) and, for Dial, the park until the netpoller sees the socket
// writable.
func netCallCosts() {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	const n, rounds = 1000, 4
	var dial, accept, closeActive, closePassive []float64
	for r := 0; r < rounds; r++ {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		must(err)
		addr := ln.Addr().String()
		cs := make([]net.Conn, 0, n)
		for i := 0; i < n; i++ {
			t := time.Now()
			c, err := net.Dial("tcp", addr)
			dial = append(dial, float64(time.Since(t).Nanoseconds())/1e3)
			must(err)
			cs = append(cs, c)
		}
		ss := make([]net.Conn, 0, n)
		for i := 0; i < n; i++ {
			t := time.Now()
			c, err := ln.Accept()
			accept = append(accept, float64(time.Since(t).Nanoseconds())/1e3)
			must(err)
			ss = append(ss, c)
		}
		for _, c := range ss {
			t := time.Now()
			c.Close()
			closeActive = append(closeActive, float64(time.Since(t).Nanoseconds())/1e3)
		}
		for _, c := range cs {
			t := time.Now()
			c.Close()
			closePassive = append(closePassive, float64(time.Since(t).Nanoseconds())/1e3)
		}
		ln.Close()
	}
	report("net_dial_us", "us", median(dial), "net.Dial to a loopback listener (GOMAXPROCS=1, 1000 connections queued per round)")
	report("net_accept_us", "us", median(accept), "(*TCPListener).Accept of a queued loopback connection (GOMAXPROCS=1)")
	report("net_close_active_us", "us", median(closeActive), "(*TCPConn).Close of an accepted conn whose peer is open (GOMAXPROCS=1)")
	report("net_close_passive_us", "us", median(closePassive), "(*TCPConn).Close of a dialed conn whose peer has closed (GOMAXPROCS=1)")
}
