/**
 * Twin of conformance/programs/cpu_cgo_spin.go (as cpu_oversubscribed, with the loop in C: each run is one
 * cgo call during which the thread computes, cgo-linked).
 * A twin because the Go frontend cannot compile cgo programs.
 */
import { cgo } from '../../src/workload/api.js';
import { type Env, type TwinProgram } from './_common.js';
import { soloCpu, spinProgram } from './cpu_oversubscribed.js';

export function program(env: Env): TwinProgram {
  return { main: spinProgram(env, () => cgo.Call(soloCpu, 'C.spin', { cpu: true })), linksOS: true, linksCgo: true };
}
