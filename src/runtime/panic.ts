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

/**
 * A fatal error the standard library raises for a user's mistake (runtime.fatal, throwTypeUser: sync's
 * "unlock of unlocked mutex", "RUnlock of unlocked RWMutex", "Unlock of unlocked RWMutex"): not
 * recoverable, printed as `fatal error: msg` and the failing goroutine's traceback (no `runtime
 * stack:`; GOTRACEBACK's default shows that goroutine only), exit status 2 — recorded on go1.19.8 and
 * go1.26.8 (gotests/sync_unlock_fatal.go).
 */
export class GoFatal extends Error {
  constructor(readonly msg: string) {
    super(msg);
  }
}
