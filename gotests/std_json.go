package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type Inner struct {
	X int `json:"x"`
}

type Outer struct {
	Name    string            `json:"name"`
	Age     int               `json:"age,omitempty"`
	Tags    []string          `json:"tags"`
	Skip    string            `json:"-"`
	private int
	Ptr     *Inner            `json:"ptr,omitempty"`
	Inner                     // promoted
	M       map[string]int    `json:"m,omitempty"`
	Any     interface{}       `json:"any"`
	F       float64           `json:"f"`
	Quoted  int               `json:"q,string"`
	Raw     []byte            `json:"raw"`
	Nested  []Inner           `json:"nested"`
	Flag    bool
	Extra   map[string]string `json:",omitempty"`
}

func main() {
	for _, v := range []interface{}{true, 1, 2.34, -0.000001, 1e21, 1e-7, 123456789.0, "gopher <&> \"q\" \n\t\x01 é \u2028", []string{"a"}, []int(nil), map[string]int{"b": 2, "a": 1}, map[int]string{10: "x", 2: "y"}, nil, [2]bool{true, false}} {
		b, err := json.Marshal(v)
		fmt.Println(string(b), err)
	}
	o := Outer{Name: "Ann", Tags: []string{"x", "y"}, Skip: "no", private: 3, Inner: Inner{7}, Any: map[string]interface{}{"k": []interface{}{1.5, "s", nil}}, F: 3, Quoted: 42, Raw: []byte("hi"), Nested: []Inner{{1}, {2}}, Flag: true}
	b, err := json.Marshal(o)
	fmt.Println(string(b), err)
	b, _ = json.Marshal(&o)
	fmt.Println(len(b))
	b, err = json.MarshalIndent(map[string]interface{}{"a": []int{1, 2}, "b": map[string]int{}, "c": []int{}}, ">", "  ")
	fmt.Println(string(b), err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	var dat map[string]interface{}
	err = json.Unmarshal([]byte(`{"num":6.13,"strs":["a","b"],"obj":{"n":null,"t":true}, "big": 12345678901}`), &dat)
	fmt.Println(dat, err)
	var back Outer
	err = json.Unmarshal([]byte(`{"NAME":"Bob","age":30,"tags":["p"],"x":5,"ptr":{"x":9},"m":{"k":1},"any":[1,"two"],"f":1.5,"raw":"aGk=","nested":[{"x":3},{"x":4}],"flag":true,"unknown":1}`), &back)
	fmt.Println(err, back.Name, back.Age, back.Tags, back.X, back.Ptr.X, back.M, back.Any, back.F, string(back.Raw), back.Nested, back.Flag)
	var n int
	fmt.Println(json.Unmarshal([]byte(`"str"`), &n), json.Unmarshal([]byte(`1.5`), &n), json.Unmarshal([]byte(`300`), &n), n)
	var small struct {
		A int8 `json:"a"`
		B string
	}
	fmt.Println(json.Unmarshal([]byte(`{"a": 300, "B": "ok"}`), &small), small.B)
	for _, bad := range []string{`{"a":1,}`, `[1 2]`, `{"a" 1}`, ``, `  `, `{"a":`, `tru`, `"abc`, `nul`, `{"a":1} x`, `01`, `-`, `[1,]`, "\"a\x01\""} {
		var x interface{}
		fmt.Println(json.Unmarshal([]byte(bad), &x), json.Valid([]byte(bad)))
	}
	fmt.Println(json.Unmarshal([]byte(`1`), n))
	enc := json.NewEncoder(os.Stdout)
	enc.Encode(map[string]int{"apple": 5, "lettuce": 7})
	enc.SetIndent("", "\t")
	enc.Encode([]Inner{{1}})
	enc.SetEscapeHTML(false)
	enc.Encode("<a&b>")
	dec := json.NewDecoder(strings.NewReader(`{"x": 1} {"x": 2}
[3]`))
	var i1, i2 Inner
	var arr []int
	fmt.Println(dec.Decode(&i1), dec.Decode(&i2), dec.Decode(&arr), i1, i2, arr)
	fmt.Println(dec.Decode(&arr))
}
