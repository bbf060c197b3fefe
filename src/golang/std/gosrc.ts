/**
 * Library packages written in Go: cmp, slices and maps (Go 1.21+), and errors.AsType (Go 1.26).
 * Their functions are generic — a TS member cannot be, since the frontend stencils generics by
 * compiling a body per type-argument list — so they are Go source, compiled with the program that
 * imports them (compiler/stdsrc.ts): `<` on any cmp.Ordered type, `==` on any comparable type and
 * calls of the program's func values are then the language's own, with its costs.
 *
 * The code is gmpsim's, written from the packages' documentation (pkg.go.dev) with the behaviour
 * the documentation and go1.26.8 give (checked by gotests/std_slices_maps.go against real Go): Max
 * and Min panic "slices.Max: empty list", Insert/Delete/Replace check their indices with a slice
 * expression (the same runtime panic), Delete, DeleteFunc, Compact and Replace zero the elements
 * they drop (Go 1.22), Grow panics "cannot be negative", Insert reuses spare capacity.
 *
 * Sort and SortFunc are Go's pdqsort (sort.Slice's: the same template as slices' pdqsortCmpFunc),
 * so elements SortFunc's cmp calls equal end in Go's order.
 *
 * SIMPLIFICATIONS. SortStableFunc is a merge sort (stable, so its result is Go's; Go's
 * insertion-sorted blocks and symMerge make a different number of comparisons: the CPU time
 * charged differs).
 * The iterator functions (Go 1.23: slices.All, Values, Backward, Collect, AppendSeq, Sorted,
 * SortedFunc, Chunk; maps.Keys, Values, All, Collect, Insert) return and take plain func types
 * (`func(yield func(int, E) bool)`) instead of iter.Seq/iter.Seq2: the same underlying types, so
 * they are assignable both ways, but %T prints the func type; ranging over them needs
 * range-over-func in the frontend.
 */
import { goSources, pkgSince } from '../core.js';

/** Register a source file of package `path`; `since`: the Go release that added what it declares. */
function goPkg(path: string, file: string, src: string, since?: string): void {
  const list = goSources.get(path) ?? [];
  list.push(since ? { file, src, since } : { file, src });
  goSources.set(path, list);
}

// Go 1.21 added slices, maps and cmp; the 1.19 profile refuses their import as go1.19 does.
for (const p of ['cmp', 'slices', 'maps']) pkgSince.set(p, '1.21');

goPkg(
  'cmp',
  'cmp.go',
  `package cmp

// Ordered is a constraint permitting any ordered type: any type that supports < <= >= >.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

func isNaN[T Ordered](x T) bool {
	return x != x
}

// Less reports whether x < y; a NaN is less than any non-NaN.
func Less[T Ordered](x, y T) bool {
	return (isNaN(x) && !isNaN(y)) || x < y
}

// Compare returns -1, 0 or +1; a NaN is less than any non-NaN, and equal to a NaN.
func Compare[T Ordered](x, y T) int {
	xNaN := isNaN(x)
	yNaN := isNaN(y)
	if xNaN {
		if yNaN {
			return 0
		}
		return -1
	}
	if yNaN {
		return +1
	}
	if x < y {
		return -1
	}
	if x > y {
		return +1
	}
	return 0
}

// Or returns the first of its arguments that is not the zero value.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
`,
);

goPkg(
  'slices',
  'slices.go',
  `package slices

import "cmp"

func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index(s, v) >= 0
}

func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:]
	m := len(v)
	if m == 0 {
		return s
	}
	n := len(s)
	if i == n {
		return append(s, v...)
	}
	if n+m > cap(s) {
		s2 := append(s[:i:i], make(S, n+m-i)...)
		copy(s2[i:], v)
		copy(s2[i+m:], s[i:])
		return s2
	}
	s = s[:n+m]
	for j := n - 1; j >= i; j-- {
		s[j+m] = s[j]
	}
	copy(s[i:], v)
	return s
}

func zeroTail[S ~[]E, E any](s S) {
	var zero E
	for k := range s {
		s[k] = zero
	}
}

func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)]
	if i == j {
		return s
	}
	oldlen := len(s)
	s = append(s[:i], s[j:]...)
	zeroTail(s[len(s):oldlen])
	return s
}

func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := IndexFunc(s, del)
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	zeroTail(s[i:])
	return s[:i]
}

func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j]
	tail := Clone(s[j:])
	s2 := append(append(s[:i], v...), tail...)
	if len(s2) < len(s) {
		zeroTail(s[len(s2):])
	}
	return s2
}

func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S([]E{}), s...)
}

func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if s[k] != s[k-1] {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	zeroTail(s[i:])
	return s[:i]
}

func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if !eq(s[k], s[k-1]) {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	zeroTail(s[i:])
	return s[:i]
}

func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func Concat[S ~[]E, E any](slices ...S) S {
	size := 0
	for _, s := range slices {
		size += len(s)
	}
	newslice := Grow[S](nil, size)
	for _, s := range slices {
		newslice = append(newslice, s...)
	}
	return newslice
}

func Max[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if x[i] != x[i] {
			return x[i]
		}
		if x[i] > m {
			m = x[i]
		}
	}
	return m
}

func Min[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if x[i] != x[i] {
			return x[i]
		}
		if x[i] < m {
			m = x[i]
		}
	}
	return m
}

func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}
`,
);

goPkg(
  'slices',
  'sort.go',
  `package slices

import (
	"cmp"
	"sort"
)

func Sort[S ~[]E, E cmp.Ordered](x S) {
	SortFunc(x, cmp.Compare[E])
}

// SortFunc is pdqsort through sort.Slice: Go's pdqsortCmpFunc and sort's pdqsort_func are one
// template (sort/gen_sort_variants.go) with less(i, j) = cmp(x[i], x[j]) < 0, so the elements cmp
// calls equal end in Go's order and the comparisons are Go's.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	sort.Slice(x, func(i, j int) bool { return cmp(x[i], x[j]) < 0 })
}

func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	n := len(x)
	if n < 2 {
		return
	}
	buf := make([]E, n)
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid := lo + width
			if mid > n {
				mid = n
			}
			hi := lo + 2*width
			if hi > n {
				hi = n
			}
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if cmp(x[j], x[i]) < 0 {
					buf[k] = x[j]
					j++
				} else {
					buf[k] = x[i]
					i++
				}
				k++
			}
			for ; i < mid; i, k = i+1, k+1 {
				buf[k] = x[i]
			}
			for ; j < hi; j, k = j+1, k+1 {
				buf[k] = x[j]
			}
		}
		for i := range x {
			x[i] = buf[i]
		}
	}
}

func IsSorted[S ~[]E, E cmp.Ordered](x S) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp.Less(x[h], target) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && (x[i] == target || (x[i] != x[i] && target != target))
}

func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(x[i], target) == 0
}
`,
);

// ---------------------------------------------------------------- iterator functions (Go 1.23)

goPkg(
  'slices',
  'iter.go',
  `package slices

import "cmp"

func All[S ~[]E, E any](s S) func(yield func(int, E) bool) {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Backward[S ~[]E, E any](s S) func(yield func(int, E) bool) {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

func Values[S ~[]E, E any](s S) func(yield func(E) bool) {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func AppendSeq[S ~[]E, E any](s S, seq func(yield func(E) bool)) S {
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

func Collect[E any](seq func(yield func(E) bool)) []E {
	return AppendSeq([]E(nil), seq)
}

func Sorted[E cmp.Ordered](seq func(yield func(E) bool)) []E {
	s := Collect(seq)
	Sort(s)
	return s
}

func SortedFunc[E any](seq func(yield func(E) bool), cmp func(E, E) int) []E {
	s := Collect(seq)
	SortFunc(s, cmp)
	return s
}

func Chunk[S ~[]E, E any](s S, n int) func(yield func(S) bool) {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(S) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
`,
  '1.23',
);

goPkg(
  'maps',
  'maps.go',
  `package maps

func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}

func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

func Clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return nil
	}
	r := make(M, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}

func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {
	for k, v := range src {
		dst[k] = v
	}
}

func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {
	for k, v := range m {
		if del(k, v) {
			delete(m, k)
		}
	}
}
`,
);

goPkg(
  'maps',
  'iter.go',
  `package maps

func All[M ~map[K]V, K comparable, V any](m M) func(yield func(K, V) bool) {
	return func(yield func(K, V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func Keys[M ~map[K]V, K comparable, V any](m M) func(yield func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func Values[M ~map[K]V, K comparable, V any](m M) func(yield func(V) bool) {
	return func(yield func(V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

func Insert[M ~map[K]V, K comparable, V any](m M, seq func(yield func(K, V) bool)) {
	seq(func(k K, v V) bool {
		m[k] = v
		return true
	})
}

func Collect[K comparable, V any](seq func(yield func(K, V) bool)) map[K]V {
	m := make(map[K]V)
	Insert(m, seq)
	return m
}
`,
  '1.23',
);

goPkg(
  'errors',
  'astype.go',
  `package errors

// the package's TS members (Unwrap follows the library's own wrapping errors)
import self "errors"

func AsType[E error](err error) (E, bool) {
	for err != nil {
		if e, ok := err.(E); ok {
			return e, true
		}
		if x, ok := err.(interface{ As(any) bool }); ok {
			var e E
			if x.As(&e) {
				return e, true
			}
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if r, ok := AsType[E](e); ok {
					return r, true
				}
			}
			err = nil
		default:
			err = self.Unwrap(err)
		}
	}
	var zero E
	return zero, false
}
`,
  '1.26',
);

// Go 1.23 added iter (Seq and Seq2; not Pull, Pull2: unsupported); the 1.19 profile refuses its
// import as go1.19 does.
pkgSince.set('iter', '1.23');

goPkg(
  'iter',
  'iter.go',
  `package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
`,
);

// Go 1.24 added strings' iterator functions (Lines, SplitSeq, SplitAfterSeq, FieldsSeq,
// FieldsFuncSeq): Go source over the package's TS members, returning plain func types (as slices'
// iterators do, see the note above). Library sources hold generic functions only (they are
// stencilled per use), so each takes its string as `S ~string`: inferred as string at every call a
// program makes, where Go's take a string. Like Go's, each iterator walks the string it captured, so a
// second range over the same iterator value starts where the first stopped.
goPkg(
  'strings',
  'iter.go',
  `package strings

import (
	self "strings"
	"unicode/utf8"
)

func Lines[S ~string](s S) func(yield func(S) bool) {
	return func(yield func(S) bool) {
		for s != "" {
			end := len(s)
			if nl := self.IndexByte(string(s), '\\n'); nl >= 0 {
				end = nl + 1
			}
			line := s[:end]
			s = s[end:]
			if !yield(line) {
				return
			}
		}
	}
}

func splitSeqAt[S ~string](s, sep S, keep int) func(yield func(S) bool) {
	return func(yield func(S) bool) {
		if sep == "" {
			for s != "" {
				_, n := utf8.DecodeRuneInString(string(s))
				part := s[:n]
				s = s[n:]
				if !yield(part) {
					return
				}
			}
			return
		}
		for {
			at := self.Index(string(s), string(sep))
			if at < 0 {
				break
			}
			part := s[:at+keep]
			s = s[at+len(sep):]
			if !yield(part) {
				return
			}
		}
		yield(s)
	}
}

func SplitSeq[S ~string](s, sep S) func(yield func(S) bool) {
	return splitSeqAt(s, sep, 0)
}

func SplitAfterSeq[S ~string](s, sep S) func(yield func(S) bool) {
	return splitSeqAt(s, sep, len(sep))
}

func FieldsSeq[S ~string](s S) func(yield func(S) bool) {
	return func(yield func(S) bool) {
		for _, f := range self.Fields(string(s)) {
			if !yield(S(f)) {
				return
			}
		}
	}
}

func FieldsFuncSeq[S ~string](s S, f func(rune) bool) func(yield func(S) bool) {
	return func(yield func(S) bool) {
		for _, x := range self.FieldsFunc(string(s), f) {
			if !yield(S(x)) {
				return
			}
		}
	}
}
`,
  '1.24',
);

// Go 1.21 added sync.OnceFunc, OnceValue and OnceValues: Go source over the package's TS Once
// (sync/oncefunc.go's code: f runs once; a panic in f is re-raised by every call). OnceFunc takes
// its function as `F ~func()` (library sources hold generic functions only; see strings' iterators
// above): inferred as func() at every call a program makes.
goPkg(
  'sync',
  'oncefunc.go',
  `package sync

import self "sync"

func OnceFunc[F ~func()](f F) func() {
	var (
		once  self.Once
		valid bool
		p     any
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}

func OnceValue[T any](f func() T) func() T {
	var (
		once   self.Once
		valid  bool
		p      any
		result T
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		result = f()
		f = nil
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var (
		once  self.Once
		valid bool
		p     any
		r1    T1
		r2    T2
	)
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		f = nil
		valid = true
	}
	return func() (T1, T2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}
`,
  '1.21',
);
