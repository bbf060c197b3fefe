package main

// Package reflect over the frontend's type descriptors: TypeOf/ValueOf, Kind, Type's String,
// Name, Elem, Field, Method, Value's getters and setters, method values and Call, DeepEqual.

import (
	"fmt"
	"reflect"
)

type M int

func (m M) Double() int      { return int(m) * 2 }
func (m M) Add(n int) M      { return m + M(n) }
func (m *M) Inc()            { *m++ }
func (m M) unexported() bool { return true }

type Pt struct {
	X, Y int
	Name string
	tags []string
}

type Named []int

func main() {
	var m M = 20
	t := reflect.TypeOf(m)
	fmt.Println(t.String(), t.Name(), t.Kind(), t.NumMethod(), t.Kind() == reflect.Int)
	for i := 0; i < t.NumMethod(); i++ {
		fmt.Println(i, t.Method(i).Name, t.Method(i).Type)
	}
	pt := reflect.TypeOf(&m)
	fmt.Println(pt, pt.Kind(), pt.Elem() == t, pt.NumMethod(), reflect.PointerTo(t) == pt)
	meth, ok := pt.MethodByName("Inc")
	fmt.Println(meth.Name, ok)
	meth.Func.Call([]reflect.Value{reflect.ValueOf(&m)})
	fmt.Println(m)
	out := reflect.ValueOf(m).MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(5)})
	fmt.Println(len(out), out[0].Int(), out[0].Type())
	f := t.Method(1).Func.Interface().(func(M) int)
	fmt.Println(f(7))

	p := Pt{1, 2, "p", nil}
	st := reflect.TypeOf(p)
	fmt.Println(st, st.Kind(), st.NumField())
	for i := 0; i < st.NumField(); i++ {
		fl := st.Field(i)
		fmt.Println(fl.Name, fl.Type, fl.Type.Kind(), fl.Index)
	}
	v := reflect.ValueOf(p)
	fmt.Println(v.Field(0).Int(), v.Field(2).String(), v.Field(0).CanSet(), v.NumField(), v.Kind())
	pv := reflect.ValueOf(&p).Elem()
	pv.Field(1).SetInt(40)
	pv.Field(2).SetString("q")
	fmt.Println(p, pv.Field(1).CanSet())
	x := 3.5
	reflect.ValueOf(&x).Elem().SetFloat(1.25)
	fmt.Println(x)

	for _, i := range []interface{}{1, "s", 2.5, true, []int{1}, map[string]int{}, &p, Named{}, [2]int{}, make(chan int), func() {}, uint8(1), struct{}{}} {
		fmt.Print(reflect.TypeOf(i), " ", reflect.TypeOf(i).Kind(), " ", reflect.ValueOf(i).Kind(), "; ")
	}
	fmt.Println()
	fmt.Println(reflect.TypeOf(nil) == nil, reflect.ValueOf(nil).IsValid())
	s := reflect.ValueOf([]string{"a", "b"})
	fmt.Println(s.Len(), s.Index(1).String(), s.Index(1).Interface())
	var np *Pt
	fmt.Println(reflect.ValueOf(np).IsNil(), reflect.TypeOf(np).Elem().Name())

	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual([]int{1}, []int{2}), reflect.DeepEqual([]int(nil), []int{}))
	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}), reflect.DeepEqual(map[int]int{1: 1}, map[int]int{1: 2}))
	fmt.Println(reflect.DeepEqual(&Pt{1, 2, "a", []string{"x"}}, &Pt{1, 2, "a", []string{"x"}}), reflect.DeepEqual(Pt{}, Pt{tags: []string{}}))
	fmt.Println(reflect.DeepEqual(1, 1), reflect.DeepEqual(1, int64(1)), reflect.DeepEqual(nil, nil), reflect.DeepEqual([]interface{}{1, "a"}, []interface{}{1, "a"}))
	var f1 func()
	fmt.Println(reflect.DeepEqual(f1, f1), reflect.DeepEqual(Named{1}, Named{1}), reflect.DeepEqual(Named{1}, []int{1}))
}
