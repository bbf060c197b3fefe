package main

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
)

func main() {
	fmt.Printf("%x\n", sha256.Sum256([]byte("")))
	fmt.Printf("%x\n", sha256.Sum256([]byte(strings.Repeat("a", 1000))))
	fmt.Printf("%x\n", sha256.Sum224([]byte("abc")))
	h := sha256.New()
	for i := 0; i < 100; i++ {
		io.WriteString(h, strings.Repeat("xy", i))
	}
	fmt.Printf("%x %d %d\n", h.Sum([]byte{1}), h.Size(), h.BlockSize())

	for _, s := range []string{"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe"} {
		e := base64.StdEncoding.EncodeToString([]byte(s))
		r := base64.RawURLEncoding.EncodeToString([]byte(s))
		d, err := base64.StdEncoding.DecodeString(e)
		d2, err2 := base64.RawURLEncoding.DecodeString(r)
		fmt.Println(e, r, string(d) == s, err, string(d2) == s, err2)
	}
	for _, bad := range []string{"Zm9v!", "Zg=", "Zg==Zg==", "Z", "Zm9vYg=", "Zh==", "Zm9\nvYg==", "====", "Zm=v"} {
		d, err := base64.StdEncoding.DecodeString(bad)
		fmt.Printf("%q %q %v\n", bad, d, err)
		d, err = base64.StdEncoding.Strict().DecodeString(bad)
		fmt.Printf("strict %q %q %v\n", bad, d, err)
		d, err = base64.RawStdEncoding.DecodeString(bad)
		fmt.Printf("raw %q %q %v\n", bad, d, err)
	}
	fmt.Println(base64.StdEncoding.EncodedLen(10), base64.RawStdEncoding.EncodedLen(10), base64.StdEncoding.DecodedLen(16), base64.RawStdEncoding.DecodedLen(14))
}
