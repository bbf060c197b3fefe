package main

// encoding/json with a time.Time field (Time.MarshalJSON: RFC 3339 with nanoseconds; the decoder
// parses it back; MarshalJSON called directly; a year beyond 9999 is Marshal's error), and
// Decoder.More over a stream of values: false at the end of the input, so the loop ends without a
// Decode that fails with EOF.

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

type Event struct {
	Name string    `json:"name"`
	At   time.Time `json:"at"`
	Ptr  *time.Time `json:"ptr,omitempty"`
}

func main() {
	at := time.Date(2024, 1, 2, 3, 4, 5, 600000000, time.UTC)
	b, err := json.Marshal(Event{"launch", at, nil})
	fmt.Println(string(b), err)
	var e Event
	err = json.Unmarshal([]byte(`{"name":"x","at":"2023-06-07T08:09:10+02:00","ptr":"2000-01-01T00:00:00Z"}`), &e)
	fmt.Println(e.Name, e.At, e.At.UTC(), *e.Ptr, err)
	fmt.Println(json.Unmarshal([]byte(`{"at":"yesterday"}`), &e) != nil, json.Unmarshal([]byte(`{"at":null}`), &e), e.At.Year())
	mj, err := at.In(time.FixedZone("X", 3600)).MarshalJSON()
	fmt.Println(string(mj), err)
	_, err = json.Marshal(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	dec := json.NewDecoder(strings.NewReader(` {"name":"a"}
	{"name":"b"}   `))
	for dec.More() {
		var x Event
		if err := dec.Decode(&x); err != nil {
			fmt.Println("error:", err)
			break
		}
		fmt.Println(x.Name)
	}
	fmt.Println(dec.More())
	arr := json.NewDecoder(strings.NewReader(`[1, 2]`))
	fmt.Println(arr.More())
}
