/**
 * Fatal errors a goroutine's body raises for the runtime to crash with (Go: panic.go's throw and
 * fatalthrow, stack.go's newstack). A body throws a GoThrow where Go's runtime would call throw on
 * the goroutine's behalf — today the Go frontend's stack overflow (its goroutine passed the
 * simulator's frame limit, Go's newstack: "goroutine stack exceeds 1000000000-byte limit"); exec.ts
 * turns it into Runtime.throw: `fatal error: msg`, the `runtime stack:` of the frames given, the
 * throwing goroutine's traceback, every other goroutine (runtime ones too), exit status 2.
 * A GoPanic (chan.ts) is a panic, recoverable and printed as `panic: msg`; a GoThrow is not.
 */
export class GoThrow extends Error {
  constructor(
    /** The text after `fatal error: `. */
    readonly msg: string,
    /** Lines the runtime prints before `fatal error:` (newstack's `runtime: goroutine stack exceeds …`). */
    readonly prefix: string,
    /** The runtime functions between throw and the goroutine's stack, innermost first (frames.ts sites). */
    readonly frames: readonly string[],
  ) {
    super(msg);
  }
}
