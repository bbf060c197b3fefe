// vs-go twin of empty.go: the start-up row.
import { fmt, type Go } from 'gmpsim';

export function* main(): Go {
  yield* fmt.Println('done', 0);
}
