package main

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

type person struct {
	name string
	age  int
}

type myErr struct{ code int }

func (e *myErr) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	s := []int{5, 2, 8, 2, 9, 1}
	slices.Sort(s)
	fmt.Println(s, slices.IsSorted(s), slices.Contains(s, 8), slices.Index(s, 2), slices.Index(s, 7))
	fmt.Println(slices.BinarySearch(s, 8))
	fmt.Println(slices.BinarySearch(s, 3))
	fmt.Println(slices.Max(s), slices.Min(s), slices.Compact(slices.Clone(s)))
	s2 := slices.Insert(s, 2, 100, 200)
	fmt.Println(s2, len(s2))
	s3 := slices.Delete(slices.Clone(s2), 1, 3)
	fmt.Println(s3, slices.Equal(s3, s2), slices.Compare(s3, s2))
	slices.Reverse(s3)
	fmt.Println(s3, slices.IndexFunc(s3, func(x int) bool { return x > 7 }))
	fl := []float64{3, -1, 2.5}
	slices.Sort(fl)
	fmt.Println(fl, cmp.Compare(1.5, 2), cmp.Less("b", "a"), cmp.Or("", "x", "y"), cmp.Or(0, 0))
	people := []person{{"Jax", 37}, {"TJ", 25}, {"Alex", 72}, {"Bo", 25}}
	slices.SortFunc(people, func(a, b person) int { return cmp.Compare(a.age, b.age) })
	fmt.Println(people)
	slices.SortStableFunc(people, func(a, b person) int { return strings.Compare(a.name, b.name) })
	fmt.Println(people)
	words := []string{}
	for i := 0; i < 30; i++ {
		words = append(words, fmt.Sprint((i*7)%30))
	}
	slices.Sort(words)
	fmt.Println(words)
	fmt.Println(slices.DeleteFunc([]int{1, 2, 3, 4, 5, 6}, func(x int) bool { return x%2 == 0 }))
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, nil), len(slices.Grow([]int{1}, 10)))
	m := map[string]int{"a": 1, "b": 2}
	m2 := maps.Clone(m)
	fmt.Println(maps.Equal(m, m2))
	m2["c"] = 3
	maps.DeleteFunc(m2, func(k string, v int) bool { return v == 1 })
	fmt.Println(m2, maps.Equal(m, m2))
	maps.Copy(m2, m)
	fmt.Println(m2)
	keys := slices.Sorted(maps.Keys(m2))
	fmt.Println(keys, slices.Collect(slices.Values([]string{"x", "y"})))
	var err error = fmt.Errorf("wrapped: %w", &myErr{42})
	if e, ok := errors.AsType[*myErr](err); ok {
		fmt.Println("AsType:", e.code)
	}
	_, ok := errors.AsType[*myErr](errors.New("plain"))
	fmt.Println(ok)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 4; i++ {
		wg.Go(func() {
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("total", total)
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.Max([]int{})
}
