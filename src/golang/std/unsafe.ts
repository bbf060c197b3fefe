/**
 * Package unsafe: the type name unsafe.Pointer; Sizeof, Alignof and Offsetof are compile-time
 * constants the compiler computes itself (compiler/unsafe.ts), so they are not members here. Pointer
 * arithmetic (Add, Slice, String…) is not supported (values are JS objects, not memory).
 */
import { basic } from '../types.js';
import { pkg, T, subset } from './registry.js';

pkg('unsafe', { Pointer: T(basic('unsafe.Pointer')), $unsupported: subset() });
