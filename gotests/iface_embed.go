package main

import "fmt"

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type Buf struct{ data []string }

func (b *Buf) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *Buf) Write(s string) { b.data = append(b.data, s) }

type Logger struct {
	*Buf
	prefix string
}

func (l Logger) Log(s string) { l.Write(l.prefix + s) }

func kind(v interface{}) string {
	switch x := v.(type) {
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case ReadWriter:
		return "readwriter"
	case fmt.Stringer:
		return "stringer " + x.String()
	}
	return "unknown"
}

type S struct{}

func (S) String() string { return "S!" }

func main() {
	var rw ReadWriter = &Buf{}
	rw.Write("a")
	rw.Write("b")
	fmt.Println(rw.Read(), rw.Read(), rw.Read() == "")
	l := Logger{&Buf{}, "> "}
	l.Log("hello")
	fmt.Println(l.Read(), len(l.data))
	var r Reader = rw
	if w, ok := r.(Writer); ok {
		w.Write("c")
	}
	fmt.Println(r.Read())
	fmt.Println(kind(1), kind(int64(2)), kind(rw), kind(S{}), kind("x"))
}
