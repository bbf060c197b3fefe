/**
 * The runtime's own frames as a release prints them in crash output: the `runtime stack:` of a
 * throw, the frames of the system goroutines, the `runtime.goexit` frame that ends a goroutine at
 * traceback level system, and the names runtime.main gives its goroutines.
 *
 * What it models: only names and file:line sites, which move between releases (go1.26's proc.go is
 * longer, `runtime.goexit` gained an argument list `({})`, package runtime's init that starts
 * forcegchelper is `init.7` instead of `init.6`, the finalizer goroutine runs `runFinalizers`
 * instead of `runfinq`, gcenable's go statements are `gowrap1/2` instead of `func1/2`). The sites
 * are taken from crash dumps recorded with each toolchain (test/versions/recorded/*.json, made by
 * tools/record-versions.mjs: go1.19.8's thread_exhaustion and go1.26.8's), never from the model.
 *
 * Simplified: addresses, arguments and pc offsets print as 0x0 (the model has no memory), and a
 * system goroutine shows only gopark and its start function (Go shows goparkunlock and helpers too).
 */
import type { VersionProfile } from './version.js';

export interface RuntimeFrames {
  /** runtime function → [argument text, file:line] of its call site in a throw's `runtime stack:`. */
  readonly sites: Readonly<Record<string, readonly [string, string]>>;
  /** gopark's site, the top frame of every parked system goroutine. */
  readonly gopark: string;
  /** The frame that ends a goroutine's stack at traceback level system. */
  readonly goexit: string;
  /** runtime.main's frame under main.main at traceback level system (its call of main_main). */
  readonly runtimeMain: string;
  /** The function names of the goroutines runtime.main starts (G.startfn). */
  readonly forcegc: string;
  readonly bgsweep: string;
  readonly bgscavenge: string;
  readonly finalizer: string;
  /** runtime.updateMaxProcsGoroutine (1.25+: version.ts containerAwareGOMAXPROCS). */
  readonly updateMaxProcs: string;
  /** The GC's mark worker goroutines (mgc.ts), started at the first cycle. */
  readonly gcBgMarkWorker: string;
  /**
   * Where the standard library's own `go` statements are, for the `created by` lines of the
   * goroutines they start (time.AfterFunc's, os/signal's loop), as each toolchain prints them.
   */
  readonly stdCreators: Readonly<Record<string, string>>;
  /**
   * The `created by` frame (function and file:line) of each of runtime.main's goroutines, by start
   * function, as a throw's dump prints it (gotests/reference/go<release>/stack_overflow.json).
   */
  readonly systemCreators: Readonly<Record<string, string>>;
  /**
   * gopanic's call of a deferred function: the `panic(…)` frame between a deferred call that panics
   * while its frame is panicking and the frames of the panic it ran for (the deferred call runs on
   * top of the panicking stack).
   */
  readonly gopanic: string;
}

/** go1.19.8 (/usr/lib/go-1.19/src/runtime), from its thread-exhaustion and deadlock dumps. */
const go119: RuntimeFrames = {
  sites: {
    throw: ['({0x0, 0x0})', 'runtime/panic.go:1047'],
    checkmcount: ['()', 'runtime/proc.go:765'],
    // gotests/reference/go1.19/stack_overflow.json
    newstack: ['()', 'runtime/stack.go:1103'],
    morestack: ['()', 'runtime/asm_amd64.s:570'],
    mReserveID: ['()', 'runtime/proc.go:781'],
    startm: ['(0x0, 0x0)', 'runtime/proc.go:2317'],
    handoffp: ['(0x0)', 'runtime/proc.go:2360'],
    retake: ['(0x0)', 'runtime/proc.go:5350'],
    sysmon: ['()', 'runtime/proc.go:5258'],
    mstart1: ['()', 'runtime/proc.go:1425'],
    mstart0: ['()', 'runtime/proc.go:1382'],
    mstart: ['()', 'runtime/asm_amd64.s:390'],
  },
  gopark: 'runtime/proc.go:363',
  goexit: 'runtime.goexit()\n\truntime/asm_amd64.s:1594',
  runtimeMain: 'runtime.main()\n\truntime/proc.go:250',
  forcegc: 'runtime.forcegchelper',
  bgsweep: 'runtime.bgsweep',
  bgscavenge: 'runtime.bgscavenge',
  finalizer: 'runtime.runfinq',
  updateMaxProcs: 'runtime.updateMaxProcsGoroutine',
  gcBgMarkWorker: 'runtime.gcBgMarkWorker',
  stdCreators: {
    'time.goFunc': '/usr/lib/go-1.19/src/time/sleep.go:176',
    'os/signal.Notify.func1.1': '/usr/lib/go-1.19/src/os/signal/signal.go:151',
    // net/http's `go c.serve(connCtx)` and `go pconn.readLoop()` / `writeLoop()`
    'net/http.(*Server).Serve': '/usr/lib/go-1.19/src/net/http/server.go:3102',
    'net/http.(*Transport).dialConn': '/usr/lib/go-1.19/src/net/http/transport.go:1751',
    'net/http.(*connReader).startBackgroundRead': '/usr/lib/go-1.19/src/net/http/server.go:674',
  },
  // gotests/reference/go1.19/panic_float.json
  gopanic: '/usr/lib/go-1.19/src/runtime/panic.go:884',
  systemCreators: {
    'runtime.forcegchelper': 'runtime.init.6\n\t/usr/lib/go-1.19/src/runtime/proc.go:290',
    'runtime.bgsweep': 'runtime.gcenable\n\t/usr/lib/go-1.19/src/runtime/mgc.go:178',
    'runtime.bgscavenge': 'runtime.gcenable\n\t/usr/lib/go-1.19/src/runtime/mgc.go:179',
    'runtime.runfinq': 'runtime.createfing\n\t/usr/lib/go-1.19/src/runtime/mfinal.go:157',
  },
};

/** go1.26.8 ($(go env GOROOT)/src/runtime), from its thread-exhaustion and deadlock dumps. */
const go126: RuntimeFrames = {
  sites: {
    throw: ['({0x0, 0x0})', 'runtime/panic.go:1229'],
    checkmcount: ['()', 'runtime/proc.go:977'],
    // gotests/reference/go1.26/stack_overflow.json
    newstack: ['()', 'runtime/stack.go:1207'],
    morestack: ['()', 'runtime/asm_amd64.s:681'],
    mReserveID: ['()', 'runtime/proc.go:993'],
    startm: ['(0x0, 0x0, 0x0)', 'runtime/proc.go:3088'],
    handoffp: ['(0x0)', 'runtime/proc.go:3137'],
    retake: ['(0x0)', 'runtime/proc.go:6715'],
    sysmon: ['()', 'runtime/proc.go:6597'],
    mstart1: ['()', 'runtime/proc.go:1935'],
    mstart0: ['()', 'runtime/proc.go:1888'],
    mstart: ['()', 'runtime/asm_amd64.s:426'],
  },
  gopark: 'runtime/proc.go:462',
  goexit: 'runtime.goexit({})\n\truntime/asm_amd64.s:1771',
  // gotests/reference/go1.26/stack_overflow.json
  runtimeMain: 'runtime.main()\n\truntime/proc.go:290',
  forcegc: 'runtime.forcegchelper',
  bgsweep: 'runtime.bgsweep',
  bgscavenge: 'runtime.bgscavenge',
  finalizer: 'runtime.runFinalizers',
  updateMaxProcs: 'runtime.updateMaxProcsGoroutine',
  gcBgMarkWorker: 'runtime.gcBgMarkWorker',
  // go1.26.8: a time.AfterFunc goroutine panicking prints `created by time.goFunc` /
  // `\t/usr/local/go/src/time/sleep.go:215` (no ` in goroutine`: the timer ran on the system stack).
  stdCreators: {
    'time.goFunc': '/usr/local/go/src/time/sleep.go:215',
    'os/signal.Notify.func1.1': '/usr/local/go/src/os/signal/signal.go:152',
    'net/http.(*Server).Serve': '/usr/local/go/src/net/http/server.go:3464',
    'net/http.(*Transport).dialConn': '/usr/local/go/src/net/http/transport.go:1994',
    'net/http.(*connReader).startBackgroundRead': '/usr/local/go/src/net/http/server.go:698',
  },
  // gotests/reference/go1.26/panic_float.json, corpus/reference/go1.26/gotest/convert4.json
  gopanic: '/usr/local/go/src/runtime/panic.go:860',
  systemCreators: {
    'runtime.forcegchelper': 'runtime.init.7\n\t/usr/local/go/src/runtime/proc.go:363',
    'runtime.bgsweep': 'runtime.gcenable\n\t/usr/local/go/src/runtime/mgc.go:214',
    'runtime.bgscavenge': 'runtime.gcenable\n\t/usr/local/go/src/runtime/mgc.go:215',
    'runtime.runFinalizers': 'runtime.createfing\n\t/usr/local/go/src/runtime/mfinal.go:172',
  },
};

const byRelease: Readonly<Record<VersionProfile['runtimeFrames'], RuntimeFrames>> = { '1.19': go119, '1.26': go126 };

/** The runtime frames of a profile's release. */
export function runtimeFrames(v: VersionProfile): RuntimeFrames {
  return byRelease[v.runtimeFrames];
}

/**
 * How many of the runtime's own frames sit on top of a goroutine parked for `waitreason`, which a
 * traceback does not print (traceback.go showframe hides `runtime.*`). go1.19's traceback walks 100
 * frames and prints the shown ones among them (gentraceback: n = nprint), so these frames shorten
 * what it prints — gotests/reference/go1.19/traceback_100.json: a goroutine 98 calls deep in a
 * channel receive prints 97 (gopark, chanrecv, chanrecv1 fill the rest); go1.21+ counts only shown
 * frames. From the call chains in chan.go (chanrecv1/2 → chanrecv → gopark, chansend1 → chansend →
 * gopark), select.go (selectgo → gopark; block → gopark), sema.go (semacquire1 → goparkunlock →
 * gopark under sync's runtime_Semacquire*), time.go (timeSleep → gopark). Other waits: 1 (gopark).
 */
export function hiddenTopFrames(waitreason: string): number {
  switch (waitreason) {
    case 'chan receive':
    case 'chan send':
    case 'chan receive (nil chan)':
    case 'chan send (nil chan)':
    case 'semacquire':
    case 'sync.Mutex.Lock':
    case 'sync.RWMutex.RLock':
    case 'sync.RWMutex.Lock':
    case 'sync.WaitGroup.Wait':
      return 3;
    case 'select':
    case 'select (no cases)':
      return 2;
    default:
      return 1;
  }
}
