/**
 * How compiled Go values are represented in JavaScript, and the operations on them that are not
 * tied to one kind: the interface value and the pointer forms (Ref, Box, PropRef).
 *
 * Value representation (invariants the compiler relies on):
 * - integers and floats: JS numbers, except a value of a 64-bit integer kind beyond 2^53, a bigint
 *   (integers.ts); bool: boolean;
 * - string: a "byte string" — a JS string whose char codes are the UTF-8 bytes (0–255), so len,
 *   indexing and slicing are Go's; text is decoded only when written out (strings.ts `decodeUTF8`);
 * - slice: `Slice` {a, o, n, c} over a shared JS array, nil slice = null (slices.ts); array: JS array;
 * - map: JS Map (nil map = null); keys of struct/array/interface/float/complex type are encoded with `mapKey`
 *   and the Map then holds [key, value] pairs (`complex` maps, maps.ts);
 * - struct: an instance of a generated class (fields are properties); a pointer to a struct is the
 *   object itself; a pointer to anything else is a `Ref` ({ v } get/set);
 * - interface: null (nil) or `Iface` { t: type descriptor, v: value };
 * - func: a JS generator function (null = nil); chan: runtime Chan (null = nil).
 */
import type { Type } from '../types.js';

/** An interface value (nil is null): its dynamic type's descriptor and the value. */
export interface Iface {
  t: Type;
  v: unknown;
}

/** A pointer to a non-struct location: a Box (a variable whose address is taken) or a PropRef. */
export interface Ref {
  v: unknown;
}
export class Box implements Ref {
  constructor(public v: unknown) {}
}
/**
 * runtime.zerobase: the one address of every zero-size heap object (malloc.go mallocgc: `if size
 * == 0 { return unsafe.Pointer(&zerobase) }`). Here the pointer of a zero-length array allocated
 * at package level: it holds no elements, so it has no state (every read is an empty array,
 * a store changes nothing) and one instance serves every run.
 */
export class ZeroBase implements Ref {
  get v(): unknown {
    return [];
  }
  set v(_x: unknown) {}
}
export const zerobase = new ZeroBase();
export class PropRef implements Ref {
  constructor(
    readonly o: Record<string | number, unknown>,
    readonly k: string | number,
    /** An array element's size in bytes (0 for a field): what unsafe.Add steps by (rt/pointers.ts). */
    readonly es = 0,
  ) {}
  get v(): unknown {
    return this.o[this.k];
  }
  set v(x: unknown) {
    this.o[this.k] = x;
  }
}
