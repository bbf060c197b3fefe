package main

// uint64 hashing with wrap-around (issue 11): FNV-1a 64 over strings, xorshift64*, splitmix64, and
// a map keyed by uint64 values near 2^64.

import "fmt"

func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func xorshift64star(x *uint64) uint64 {
	*x ^= *x >> 12
	*x ^= *x << 25
	*x ^= *x >> 27
	return *x * 2685821657736338717
}

func splitmix64(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	z := *state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func main() {
	for _, s := range []string{"", "a", "foobar", "hello, world", "The quick brown fox jumps over the lazy dog"} {
		fmt.Printf("%q %d %x\n", s, fnv1a(s), fnv1a(s))
	}
	x := uint64(88172645463325252)
	for i := 0; i < 5; i++ {
		fmt.Print(xorshift64star(&x), " ")
	}
	fmt.Println()
	st := uint64(1234567)
	for i := 0; i < 5; i++ {
		fmt.Print(splitmix64(&st), " ")
	}
	fmt.Println()
	m := map[uint64]string{}
	for k := uint64(0); k < 8; k++ {
		m[^k] = fmt.Sprint("max-", k)
		m[1<<63+k] = fmt.Sprint("half+", k)
	}
	m[fnv1a("key")] = "fnv"
	var top uint64 = 18446744073709551615
	fmt.Println(len(m), m[top], m[top-7], m[9223372036854775808], m[9223372036854775815], m[fnv1a("key")], m[top-8] == "")
	delete(m, top)
	_, ok := m[top]
	fmt.Println(len(m), ok)
	cnt := map[int64]int{}
	for k := int64(-3); k <= 3; k++ {
		cnt[k*(1<<61)]++
		cnt[k*(1<<61)+(1<<61)]++
	}
	fmt.Println(len(cnt), cnt[-1<<63], cnt[1<<62], cnt[0])
}
