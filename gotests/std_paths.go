package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

func main() {
	for _, p := range []string{"", ".", "a/b/../c", "/../a", "a//b/./c/", "../../x", "/", "a/.."} {
		fmt.Printf("%q %q %q %q %q\n", path.Clean(p), filepath.Dir(p), filepath.Base(p), filepath.Ext(p), path.Ext(p+".tar.gz"))
	}
	d, f := filepath.Split("dir1/dir2/file.txt")
	fmt.Println(d, f, filepath.IsAbs("/x"), filepath.IsAbs("x"))
	fmt.Println(filepath.Join("dir1//", "filename"), filepath.Join("dir1/../dir1", "filename"), filepath.Join("", ""), filepath.Join("/", "a"))
	for _, pr := range [][2]string{{"a/b", "a/b/t/file"}, {"a/b", "a/c/t/file"}, {"/a", "/a"}, {"a", "/b"}, {"../a", "b"}, {"a/b/c", "a"}, {".", "x/y"}} {
		r, err := filepath.Rel(pr[0], pr[1])
		fmt.Printf("%q %v\n", r, err)
	}
	check := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	check(os.MkdirAll("walk/a/b", 0755))
	check(os.WriteFile("walk/a/f1", []byte("x"), 0644))
	check(os.WriteFile("walk/z", []byte("x"), 0644))
	check(os.Mkdir("walk/c", 0755))
	err := filepath.WalkDir("walk", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fmt.Println("visit", p, d.Name(), d.IsDir())
		if d.Name() == "b" {
			return filepath.SkipDir
		}
		return nil
	})
	fmt.Println("walk:", err)
	err = filepath.WalkDir("missing", func(p string, d fs.DirEntry, err error) error {
		fmt.Println("cb", p, d == nil, err)
		return err
	})
	fmt.Println("walk missing:", err)
	check(os.Chdir("walk/a"))
	b, err := os.ReadFile("f1")
	fmt.Println(string(b), err)
	fmt.Println(os.Chdir("nowhere"))
	fmt.Println(os.Chdir("f1"))
	check(os.Chdir("../.."))
	check(os.RemoveAll("walk"))
}
