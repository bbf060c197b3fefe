/**
 * Package container/list: doubly linked lists (container/list/list.go). A List holds a sentinel
 * root Element, as Go's does, and its methods are list.go's algorithms: the zero List is usable
 * (lazyInit), an Element remembers its list so that Remove, Move* and Insert* with another list's
 * element do nothing, and Next/Prev stop at the root. Element is a native struct with Go's exported
 * field Value.
 *
 * Simplified: copying a List value (`l2 := *l`) shares it, as for the library's other native types.
 */
import { tInt, type NamedType } from '../types.js';
import { pkg, F, T, fn, tAny, subset, native, method } from './registry.js';

export class Element {
  next: Element | null = null;
  prev: Element | null = null;
  list: List | null = null;
  Value: unknown = null;
  Next(): Element | null {
    const p = this.next;
    return this.list !== null && p !== this.list.root ? p : null;
  }
  Prev(): Element | null {
    const p = this.prev;
    return this.list !== null && p !== this.list.root ? p : null;
  }
}

export class List {
  readonly root = new Element();
  len = 0;
  Init(): List {
    this.root.next = this.root;
    this.root.prev = this.root;
    this.len = 0;
    return this;
  }
  Len(): number {
    return this.len;
  }
  Front(): Element | null {
    return this.len === 0 ? null : this.root.next;
  }
  Back(): Element | null {
    return this.len === 0 ? null : this.root.prev;
  }
  private lazyInit(): void {
    if (this.root.next === null) this.Init();
  }
  private insertValue(v: unknown, at: Element): Element {
    const e = new Element();
    e.Value = v;
    e.prev = at;
    e.next = at.next;
    e.prev.next = e;
    e.next!.prev = e;
    e.list = this;
    this.len++;
    return e;
  }
  private move(e: Element, at: Element): void {
    if (e === at) return;
    e.prev!.next = e.next;
    e.next!.prev = e.prev;
    e.prev = at;
    e.next = at.next;
    e.prev.next = e;
    e.next!.prev = e;
  }
  Remove(e: Element): unknown {
    if (e.list === this) {
      e.prev!.next = e.next;
      e.next!.prev = e.prev;
      e.next = null;
      e.prev = null;
      e.list = null;
      this.len--;
    }
    return e.Value;
  }
  PushFront(v: unknown): Element {
    this.lazyInit();
    return this.insertValue(v, this.root);
  }
  PushBack(v: unknown): Element {
    this.lazyInit();
    return this.insertValue(v, this.root.prev!);
  }
  InsertBefore(v: unknown, mark: Element): Element | null {
    return mark.list !== this ? null : this.insertValue(v, mark.prev!);
  }
  InsertAfter(v: unknown, mark: Element): Element | null {
    return mark.list !== this ? null : this.insertValue(v, mark);
  }
  MoveToFront(e: Element): void {
    if (e.list !== this || this.root.next === e) return;
    this.move(e, this.root);
  }
  MoveToBack(e: Element): void {
    if (e.list !== this || this.root.prev === e) return;
    this.move(e, this.root.prev!);
  }
  MoveBefore(e: Element, mark: Element): void {
    if (e.list !== this || e === mark || mark.list !== this) return;
    this.move(e, mark.prev!);
  }
  MoveAfter(e: Element, mark: Element): void {
    if (e.list !== this || e === mark || mark.list !== this) return;
    this.move(e, mark);
  }
  PushBackList(other: List): void {
    this.lazyInit();
    for (let i = other.Len(), e = other.Front(); i > 0; i--, e = e!.Next()) this.insertValue(e!.Value, this.root.prev!);
  }
  PushFrontList(other: List): void {
    this.lazyInit();
    for (let i = other.Len(), e = other.Back(); i > 0; i--, e = e!.Prev()) this.insertValue(e!.Value, this.root);
  }
}

export const tElement: NamedType = native('Element', 'list', '$P.container_list.Element', { k: 'struct', fields: [{ name: 'Value', type: tAny, embedded: false, js: 'Value' }] });
export const tList: NamedType = native('List', 'list', '$P.container_list.List');
const pE = { k: 'ptr', elem: tElement } as const;
const pL = { k: 'ptr', elem: tList } as const;
method(tElement, 'Next', fn([], [pE]), false);
method(tElement, 'Prev', fn([], [pE]), false);
method(tList, 'Init', fn([], [pL]), false);
method(tList, 'Len', fn([], [tInt]), false);
method(tList, 'Front', fn([], [pE]), false);
method(tList, 'Back', fn([], [pE]), false);
method(tList, 'Remove', fn([pE], [tAny]), false);
method(tList, 'PushFront', fn([tAny], [pE]), false);
method(tList, 'PushBack', fn([tAny], [pE]), false);
method(tList, 'InsertBefore', fn([tAny, pE], [pE]), false);
method(tList, 'InsertAfter', fn([tAny, pE], [pE]), false);
method(tList, 'MoveToFront', fn([pE]), false);
method(tList, 'MoveToBack', fn([pE]), false);
method(tList, 'MoveBefore', fn([pE, pE]), false);
method(tList, 'MoveAfter', fn([pE, pE]), false);
method(tList, 'PushBackList', fn([pL]), false);
method(tList, 'PushFrontList', fn([pL]), false);

pkg('container/list', {
  Element: T(tElement),
  List: T(tList),
  New: F(fn([], [pL]), () => `new $P.container_list.List().Init()`),
  $unsupported: subset(),
});
