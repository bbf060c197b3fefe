package main

import (
	"fmt"
	"os"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Tags  []string
}

func (i Item) Label() string { return "<" + i.Name + ">" }

func main() {
	run := func(src string, data interface{}) {
		t, err := template.New("t").Parse(src)
		if err != nil {
			fmt.Println("parse:", err)
			return
		}
		if err := t.Execute(os.Stdout, data); err != nil {
			fmt.Println("\nexec:", err)
		}
		fmt.Println("|")
	}
	items := []Item{{"pen", 1.5, []string{"a", "b"}}, {"ink", 20, nil}}
	run("{{.}}", "some text")
	run("{{.}} {{.}}", 5)
	run("{{range .}}{{.Name}}={{.Price}} {{.Label}} tags:{{len .Tags}}{{range .Tags}}[{{.}}]{{else}} none{{end}}\n{{end}}", items)
	run("{{range $i, $e := .}}{{$i}}:{{$e.Name}}{{if gt $e.Price 10.0}} dear{{else if eq $e.Price 1.5}} cheap{{end}}; {{end}}", items)
	run("{{with index . 1}}{{.Name}}{{end}} {{with .x}}yes{{else}}no{{end}}", items)
	run("{{.a}} {{.missing}} {{index . \"b\"}} {{len .}}", map[string]int{"a": 1, "b": 2})
	run("{{if . -}} yes {{- else -}} no {{- end}}!", "")
	run("{{if and .A (not .B)}}and{{end}} {{or .B \"fallback\"}} {{printf \"%05.1f|%s\" .C \"x\"}} {{print .A .C}} {{println \"p\"}}", map[string]interface{}{"A": true, "B": false, "C": 3.14159})
	run("{{$x := 5}}{{$x}} {{$x = 7}}{{$x}} {{\"str\" | printf \"%q\"}} {{3 | printf \"%d-%d\" 2}}", nil)
	run("{{range 3}}{{.}}{{end}}", nil)
	run("{{.Nope}}", items[0])
	run("{{.Name", nil)
	run("{{if .}}x", true)
	run("{{nofunc .}}", nil)
	run("{{end}}", nil)
	run("{{/* a comment */}}after", nil)
	t := template.Must(template.New("m").Parse("Name: {{.Name}}\n"))
	t.Execute(os.Stdout, struct{ Name string }{"Jane"})
	fmt.Println(t.Name())
	defer func() { fmt.Println("recovered:", recover()) }()
	template.Must(template.New("bad").Parse("{{.x"))
}
