/**
 * The environment as the user gave it, captured when the CLI starts. main() then removes
 * GOMAXPROCS and GODEBUG from process.env: they are meant for the simulated Go program, and
 * esbuild (a Go binary that gmpsim runs to bundle the workload) would obey them too
 * (GODEBUG=schedtrace=100 would make esbuild print its own SCHED lines).
 */
export const userEnv: Readonly<Record<string, string | undefined>> = Object.freeze({ ...process.env });
