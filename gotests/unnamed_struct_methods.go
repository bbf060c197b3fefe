// An unnamed struct type embedding a type with methods has the promoted methods in its method set:
// as an interface's dynamic type too (test/method.go).
package main

import "fmt"

type S string

func (s S) val() int { return len(s) }

type P struct{ n int }

func (p *P) inc() int { p.n++; return p.n }

type Val interface{ val() int }
type Inc interface{ inc() int }

func main() {
	zs := struct{ S }{"abc"}
	var v Val = zs
	fmt.Println(v.val(), Val(&zs).val())
	zp := struct{ *P }{&P{1}}
	var i Inc = zp
	fmt.Println(i.inc(), Inc(&zp).inc(), zp.n)
	_, ok := interface{}(struct{ P }{}).(Inc)
	_, okp := interface{}(&struct{ P }{}).(Inc)
	fmt.Println(ok, okp)
}
