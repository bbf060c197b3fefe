// encoding/xml: Marshal and MarshalIndent (XMLName, attributes, a>b parents shared by consecutive
// fields, slices as repeated elements, omitempty, chardata, comments, EscapeText's escapes, the
// type's name for an element without one), Unmarshal back (XMLName, attributes, parents, slices
// of pointers, strconv's errors, a wrong root element, empty input) and the unsupported-type error.
package main

import (
	"encoding/xml"
	"fmt"
)

type Book struct {
	XMLName xml.Name `xml:"book"`
	ISBN    string   `xml:"isbn,attr"`
	Year    int      `xml:"year,attr,omitempty"`
	Title   string   `xml:"title"`
	Authors []string `xml:"authors>author"`
	Price   float64  `xml:"price"`
}

type Shelf struct {
	XMLName xml.Name `xml:"shelf"`
	Label   string   `xml:"meta>label"`
	Room    string   `xml:"meta>room"`
	Books   []*Book  `xml:"row>book"`
}

type Note struct {
	Text    string `xml:",chardata"`
	Lang    string `xml:"lang,attr"`
	Comment string `xml:",comment"`
}

type Pair[K, V any] struct {
	Key K `xml:"key"`
	Val V `xml:"val"`
}

func main() {
	b1 := &Book{ISBN: "0-201", Year: 1978, Title: "C & <Unix>", Authors: []string{"K", "R"}, Price: 39.5}
	b2 := &Book{ISBN: "0-13", Title: "Go \"quoted\"", Authors: []string{"D"}, Price: 1e21}
	out, err := xml.MarshalIndent(b1, "", "\t")
	fmt.Println(string(out), err)
	out, _ = xml.Marshal(b2)
	fmt.Println(xml.Header + string(out))

	var back Book
	fmt.Println(xml.Unmarshal(out, &back), back.XMLName.Local, back.ISBN, back.Year, back.Title, back.Authors, back.Price)

	shelf := Shelf{Label: "SF", Room: "2\t3", Books: []*Book{b1, nil, b2}}
	out, _ = xml.MarshalIndent(shelf, "> ", "  ")
	fmt.Println(string(out))
	var s2 Shelf
	fmt.Println(xml.Unmarshal(out, &s2), s2.Label, s2.Room, len(s2.Books), s2.Books[1].Title)

	out, _ = xml.Marshal(Note{Text: "it's\nfine", Lang: "en", Comment: "c"})
	fmt.Println(string(out))
	var n Note
	fmt.Println(xml.Unmarshal([]byte(`<Note lang='fr'>a&lt;b&#65;<![CDATA[<raw>]]><!-- x --></Note>`), &n), n.Text, n.Lang)

	out, _ = xml.Marshal(Pair[string, int]{"k", 1})
	fmt.Println(string(out))

	fmt.Println(xml.Unmarshal([]byte(`<book year="soon"></book>`), &back))
	fmt.Println(xml.Unmarshal([]byte(`<shelf></shelf>`), &back))
	fmt.Println(xml.Unmarshal([]byte(``), &back))
	_, err = xml.Marshal(map[string]int{"a": 1})
	fmt.Println(err)
	_, err = xml.Marshal(struct{ C chan int }{})
	fmt.Println(err)
}
