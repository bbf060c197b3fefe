package main

// A panic's float value prints in print's float format (runtime/error.go printpanicval):
// go1.19 `+2.500000e+000`, go1.26 shortest `2.5`.

type F float64

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(float64))
		panic(F(2.5))
	}()
	panic(0.125)
}
