/**
 * Package encoding: the four interfaces other packages and programs use to convert a value to and
 * from a byte or text form (encoding/encoding.go): BinaryMarshaler, BinaryUnmarshaler,
 * TextMarshaler, TextUnmarshaler. Interfaces only: the package has no functions, and nothing here
 * runs.
 *
 * Simplified: go1.24's BinaryAppender and TextAppender are not declared.
 */
import { newNamed } from '../types.js';
import { tError } from '../core.js';
import { pkg, T, fn, tBytes, subset } from './registry.js';

/** encoding.BinaryMarshaler: MarshalBinary() (data []byte, err error). */
export const tBinaryMarshaler = newNamed('BinaryMarshaler', 'encoding', { k: 'iface', methods: new Map([['MarshalBinary', fn([], [tBytes, tError])]]) });
/** encoding.BinaryUnmarshaler: UnmarshalBinary(data []byte) error. */
export const tBinaryUnmarshaler = newNamed('BinaryUnmarshaler', 'encoding', { k: 'iface', methods: new Map([['UnmarshalBinary', fn([tBytes], [tError])]]) });
/** encoding.TextMarshaler: MarshalText() (text []byte, err error). */
export const tTextMarshaler = newNamed('TextMarshaler', 'encoding', { k: 'iface', methods: new Map([['MarshalText', fn([], [tBytes, tError])]]) });
/** encoding.TextUnmarshaler: UnmarshalText(text []byte) error. */
export const tTextUnmarshaler = newNamed('TextUnmarshaler', 'encoding', { k: 'iface', methods: new Map([['UnmarshalText', fn([tBytes], [tError])]]) });

pkg('encoding', {
  BinaryMarshaler: T(tBinaryMarshaler),
  BinaryUnmarshaler: T(tBinaryUnmarshaler),
  TextMarshaler: T(tTextMarshaler),
  TextUnmarshaler: T(tTextUnmarshaler),
  $unsupported: subset(),
});
