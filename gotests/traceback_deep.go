package main

// A panic 130 calls deep: go1.19 prints the 100 innermost frames and "...additional frames
// elided..."; go1.21+ the 50 innermost, "...N frames elided...", the 50 outermost (main.main).

func down(n int) {
	if n == 0 {
		panic("deep")
	}
	down(n - 1)
}

func main() {
	down(130)
}
