// A pointer method called on an addressable variable of a non-struct named type (`v.Set(…)` is
// `(&v).Set(…)`), in a plain and in a generic function; and package encoding's interfaces
// satisfied by such a type (test/typeparam/issue47713.go).
package main

import (
	"encoding"
	"fmt"
)

type Text string

func (t *Text) UnmarshalText(in []byte) error {
	*t = Text(in)
	return nil
}

func (t Text) MarshalText() ([]byte, error) {
	return []byte("<" + string(t) + ">"), nil
}

type Count int

func (c *Count) Inc() { *c++ }

type Both interface {
	encoding.TextMarshaler
	encoding.TextUnmarshaler
}

func roundTrip[T Both](v T) {
	out, _ := v.MarshalText()
	var back Text
	back.UnmarshalText(out)
	fmt.Println(string(out), back)
}

func main() {
	var n Count
	for i := 0; i < 3; i++ {
		n.Inc()
	}
	inc := n.Inc
	inc()
	fmt.Println(n)

	t := Text("go")
	roundTrip[*Text](&t)
	var m encoding.TextMarshaler = t
	var u encoding.TextUnmarshaler = &t
	u.UnmarshalText([]byte("set"))
	b, _ := m.MarshalText()
	fmt.Println(string(b), t)
	var _ encoding.BinaryMarshaler
	var _ encoding.BinaryUnmarshaler
}
