// reflect.MakeFunc (reflect/makefunc.go): a func of the given type whose calls go to a
// func([]Value) []Value — the documentation's swap example, an interface result, a recover
// in the made func when it is the deferred call, and the panic for a wrong result count.
package main

import (
	"fmt"
	"reflect"
)

func main() {
	swap := func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{in[1], in[0]}
	}
	makeSwap := func(fptr interface{}) {
		fn := reflect.ValueOf(fptr).Elem()
		v := reflect.MakeFunc(fn.Type(), swap)
		fn.Set(v)
	}
	var intSwap func(int, int) (int, int)
	makeSwap(&intSwap)
	fmt.Println(intSwap(0, 1))
	var floatSwap func(float64, float64) (float64, float64)
	makeSwap(&floatSwap)
	fmt.Println(floatSwap(2.72, 3.14))

	describe := reflect.MakeFunc(reflect.TypeOf((func(int, string) error)(nil)), func(in []reflect.Value) []reflect.Value {
		err := fmt.Errorf("%d args: %v %q", len(in), in[0].Int(), in[1].String())
		return []reflect.Value{reflect.ValueOf(err)}
	}).Interface().(func(int, string) error)
	fmt.Println(describe(42, "x"))

	func() {
		rec := reflect.MakeFunc(reflect.TypeOf((func())(nil)), func([]reflect.Value) []reflect.Value {
			fmt.Println("recovered:", recover())
			return nil
		}).Interface().(func())
		defer rec()
		panic("boom")
	}()

	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		bad := reflect.MakeFunc(reflect.TypeOf((func() int)(nil)), func([]reflect.Value) []reflect.Value {
			return nil
		}).Interface().(func() int)
		bad()
	}()
	fmt.Println(reflect.TypeOf(intSwap), reflect.ValueOf(describe).Kind())
}
