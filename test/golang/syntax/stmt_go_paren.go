package main

func main() {
	go (println())
}
