package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(fmt.Sprintf("k%d", i), i*i)
		}(i)
	}
	wg.Wait()
	v, ok := m.Load("k3")
	fmt.Println(v, ok)
	_, ok = m.Load("nope")
	fmt.Println(ok)
	a, loaded := m.LoadOrStore("k1", 100)
	fmt.Println(a, loaded)
	m.Delete("k0")
	keys := []string{}
	m.Range(func(k, v interface{}) bool {
		keys = append(keys, k.(string))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
}
