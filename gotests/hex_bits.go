package main

// encoding/hex (EncodeToString, DecodeString with its invalid-byte and odd-length errors and the
// bytes decoded before them, Encode, Decode, EncodedLen, DecodedLen) and math/bits (OnesCount,
// LeadingZeros, TrailingZeros, Len, Reverse, ReverseBytes, RotateLeft over uint, uint8…uint64,
// 64-bit values beyond 2^53 included, UintSize).

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/bits"
)

func main() {
	sum := sha256.Sum256([]byte("hello"))
	fmt.Println(hex.EncodeToString(sum[:]), hex.EncodeToString(nil) == "")
	for _, s := range []string{"48656c6C6f", "4865g6", "486", "48x", "", "zz"} {
		b, err := hex.DecodeString(s)
		fmt.Printf("%q %v\n", b, err)
	}
	dst := make([]byte, hex.EncodedLen(3))
	fmt.Println(hex.Encode(dst, []byte{1, 0xab, 0xff}), string(dst), hex.DecodedLen(7))
	raw := make([]byte, 4)
	n, err := hex.Decode(raw, []byte("cafe"))
	fmt.Println(n, err, raw, err == nil)
	_, err = hex.DecodeString("abc")
	fmt.Println(err == hex.ErrLength)

	var x uint64 = math.MaxUint64 - 6
	fmt.Println(bits.OnesCount64(x), bits.LeadingZeros64(1), bits.TrailingZeros64(x+7), bits.Len64(x), bits.Len(0), bits.UintSize)
	fmt.Println(bits.OnesCount8(0xf0), bits.LeadingZeros8(1), bits.TrailingZeros16(0), bits.Len32(1<<31), bits.OnesCount(255))
	fmt.Println(bits.Reverse8(1), bits.Reverse16(1), bits.Reverse32(3), bits.Reverse64(1), bits.Reverse(6))
	fmt.Println(bits.ReverseBytes16(0x1234), bits.ReverseBytes32(0x12345678), bits.ReverseBytes64(0x0102030405060708))
	fmt.Println(bits.RotateLeft8(0x81, 1), bits.RotateLeft32(1, -1), bits.RotateLeft64(x, 3), bits.RotateLeft(1, 65), bits.RotateLeft16(1, 17))
}
