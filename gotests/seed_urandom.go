// Seed 002 (syscalls): 100 goroutines doing blocking reads of /dev/urandom. os.ReadFile never
// reaches EOF on /dev/urandom, so real Go runs until it is killed (recorded with a timeout).
// gmpsim: timeout=0.5
package main

import (
    "os"
    "runtime"
    "sync"
)

func main() {
    var wg sync.WaitGroup
    
    // Many blocking file reads = many Ms
    for i := 0; i < 100; i++ {
        wg.Add(1)
        go func() {
            defer wg.Done()
            os.ReadFile("/dev/urandom")  // Blocking syscall
        }()
    }
    
    wg.Wait()
    
    // Check thread count
    var m runtime.MemStats
    runtime.ReadMemStats(&m)
    println("Check thread count with pprof")
}
