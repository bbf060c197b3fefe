/**
 * Twin of conformance/programs/panic_exit.go (unrecovered panics: text and exit status; PANIC_WHERE selects
 * the case). Twin note: deferred calls are written where Go runs them (main's deferred print runs before
 * the panic text when main itself panics; it does not run when another goroutine panics). A twin because
 * the Go frontend cannot compile every program yet.
 */
import { chan, fmt, go, os, panic, recv, type Go } from '../../src/workload/api.js';
import type { Env, TwinProgram } from './_common.js';

export function program(env: Env): TwinProgram {
  function* main(): Go {
    const deferred = () => fmt.Println("main's deferred call ran");
    switch (env.PANIC_WHERE ?? '') {
      case 'main':
        yield* deferred();
        yield* panic('boom in main');
        break;
      case 'goroutine': {
        const block = chan<void>();
        yield* go(function* (): Go {
          yield* panic(fmt.Sprintf('boom in goroutine %d', 7));
        });
        yield* recv(block);
        break;
      }
      case 'nilmap':
        yield* deferred();
        yield* panic('assignment to entry in nil map');
        break;
      case 'error':
        yield* deferred();
        yield* panic(new Error('wrapped: file does not exist'));
        break;
      default:
        yield* fmt.Println('set PANIC_WHERE');
        yield* os.Exit(1);
    }
  }
  return { main, linksOS: true };
}
