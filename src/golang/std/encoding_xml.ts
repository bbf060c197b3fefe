/**
 * Package encoding/xml: Marshal, MarshalIndent, Unmarshal, EscapeText's escaping, Name and Header,
 * driven by the values' Go types (the descriptors interface values carry) with marshal.go's and
 * read.go's rules and output:
 *
 * - marshalling (marshal.go marshalValue): nil pointers and interfaces write nothing; a slice or
 *   array (not []byte) writes one element per item; an element's name is the field's (tag name or
 *   field name) unless the struct's XMLName field names it (its tag, else its value's Local), else
 *   the type's name without type arguments (issue 48318); fields tagged `,attr` are attributes,
 *   `,chardata` text, `,innerxml` raw text, `,comment` a comment, `a>b>c` nests the element in
 *   parents shared by consecutive fields, `omitempty` drops an empty value, `-` and unexported
 *   fields are skipped, embedded structs' fields are promoted; simple values are text: bools,
 *   integers (strconv.FormatInt), floats (FormatFloat 'g' −1), strings and []byte escaped as
 *   EscapeText does (" ' & < > tab newline CR as &#34; &#39; &amp; &lt; &gt; &#x9; &#xA; &#xD;);
 *   maps, channels, funcs and complex numbers are `xml: unsupported type: T`.
 * - MarshalIndent: printer.writeIndent's layout (a start tag on a new line at its depth, an element
 *   with only text kept on one line).
 * - unmarshalling (read.go): the document is parsed whole (elements, attributes, text with the
 *   predefined and numeric entities, CDATA; comments, processing instructions and directives are
 *   skipped); into a struct: XMLName gets the element's name (a tagged XMLName must match:
 *   `expected element type <a> but have <b>`), attributes go to `,attr` fields, child elements to
 *   the field whose path (parents and name) they match (a slice field appends), text to a
 *   `,chardata` field; into a simple value: the element's text (integers, floats and bools after
 *   strings.TrimSpace, strconv's errors).
 *
 * Simplified: no namespaces (xmlns tags and prefixes are kept as written in names), no Marshaler,
 * Unmarshaler, TextMarshaler or Encoder/Decoder/Token API, no `,any`; structs made while decoding (an
 * element of a slice of structs) are plain objects with the fields (encoding_json.ts newStruct);
 * syntax errors are `XML syntax error on line N: <what>` with simpler wording than Go's.
 */
import type { Op } from '../../workload/ops.js';
import { type Type, type StructType, type NamedType, tString, typeString, underlying } from '../types.js';
import { tError } from '../core.js';
import { pkg, F, C, T, fn, tAny, tBytes, subset } from './registry.js';
import { ErrorString, tErrorStringPtr } from './errors.js';
import { FormatFloat, ParseInt, ParseUint, ParseBool, ParseFloat } from './strconv.js';
import { type Slice, sliceLit, sliceToArray } from '../rt/slices.js';
import { bytesToString, stringToBytes } from '../rt/strings.js';
import { type Iface, type Ref, Box } from '../rt/values.js';
import { newNamed } from '../types.js';
import { tagValue, zeroOf, newStruct } from './encoding_json.js';

type Go<T = void> = Generator<Op, T, unknown>;

/** xml.Name (xml.go): a name with its namespace. */
export const tName: NamedType = newNamed('Name', 'xml', {
  k: 'struct',
  fields: [
    { name: 'Space', type: tString, embedded: false, js: 'Space' },
    { name: 'Local', type: tString, embedded: false, js: 'Local' },
  ],
});

/** xml.Header (xml.go). */
const header = '<?xml version="1.0" encoding="UTF-8"?>\n';

const xmlErr = (msg: string): Iface => ({ t: tErrorStringPtr, v: new ErrorString(msg) });
class XmlError extends Error {}

// ---------------------------------------------------------------- struct fields (typeinfo.go)

const fElement = 1;
const fAttr = 2;
const fCDATA = 4;
const fCharData = 8;
const fInnerXML = 16;
const fComment = 32;
const fAny = 64;
const fOmitEmpty = 128;

interface XField {
  /** The element or attribute name. */
  name: string;
  /** The `a>b` parents of an element field. */
  parents: string[];
  /** JS property names from the struct to the field (through embedded structs). */
  path: string[];
  type: Type;
  flags: number;
}
interface TypeInfo {
  xmlname: XField | null;
  fields: XField[];
}

/** typeinfo.go getTypeInfo (simplified: promoted fields never conflict). */
function typeInfo(st: StructType, path: string[] = [], depth = 0): TypeInfo {
  const ti: TypeInfo = { xmlname: null, fields: [] };
  for (const f of st.fields) {
    const tag = tagValue(f.tag ?? '', 'xml');
    if (tag === '-') continue;
    if (f.embedded && tag === null) {
      const base = f.type.k === 'ptr' ? f.type.elem : f.type;
      const bu = underlying(base);
      if (bu.k === 'struct' && depth < 8) {
        const inner = typeInfo(bu, [...path, f.js], depth + 1);
        ti.xmlname ??= inner.xmlname;
        ti.fields.push(...inner.fields);
        continue;
      }
    }
    if (!/^[A-Z]/.test(f.name)) continue;
    const [tname = '', ...opts] = (tag ?? '').split(',');
    let flags = 0;
    for (const o of opts) {
      flags |= o === 'attr' ? fAttr : o === 'cdata' ? fCDATA : o === 'chardata' ? fCharData : o === 'innerxml' ? fInnerXML : o === 'comment' ? fComment : o === 'any' ? fAny : o === 'omitempty' ? fOmitEmpty : o === 'element' ? fElement : 0;
    }
    if ((flags & (fAttr | fCDATA | fCharData | fInnerXML | fComment | fAny)) === 0) flags |= fElement;
    const parts = tname.split('>');
    const name = parts[parts.length - 1] || f.name;
    const xf: XField = { name, parents: parts.slice(0, -1), path: [...path, f.js], type: f.type, flags };
    if (f.name === 'XMLName') {
      ti.xmlname = { ...xf, name: tname };
      continue;
    }
    ti.fields.push(xf);
  }
  return ti;
}

function fieldOf(o: Record<string, unknown>, path: string[]): unknown {
  let x: unknown = o;
  for (const k of path) {
    if (x === null || x === undefined) return null;
    x = (x as Record<string, unknown>)[k];
  }
  return x;
}

// ---------------------------------------------------------------- marshalling (marshal.go)

/** EscapeText / escapeString (xml.go). */
export function escapeText(s: string): string {
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '"':
        out += '&#34;';
        break;
      case "'":
        out += '&#39;';
        break;
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '\t':
        out += '&#x9;';
        break;
      case '\n':
        out += '&#xA;';
        break;
      case '\r':
        out += '&#xD;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** The printer: output and writeIndent's state. */
class Printer {
  out = '';
  depth = 0;
  indentedIn = false;
  putNewline = false;
  constructor(
    readonly prefix: string,
    readonly indent: string,
  ) {}
  /** printer.writeIndent. */
  writeIndent(depthDelta: number): void {
    if (this.prefix === '' && this.indent === '') return;
    if (depthDelta < 0) {
      this.depth--;
      if (this.indentedIn) {
        this.indentedIn = false;
        return;
      }
      this.indentedIn = false;
    }
    if (this.putNewline) this.out += '\n';
    else this.putNewline = true;
    this.out += this.prefix;
    for (let i = 0; i < this.depth; i++) this.out += this.indent;
    if (depthDelta > 0) {
      this.depth++;
      this.indentedIn = true;
    }
  }
  writeStart(name: string, attrs: [string, string][]): void {
    this.writeIndent(1);
    this.out += '<' + name;
    for (const [k, v] of attrs) this.out += ` ${k}="${escapeText(v)}"`;
    this.out += '>';
  }
  writeEnd(name: string): void {
    this.writeIndent(-1);
    this.out += `</${name}>`;
  }
}

const isBytes = (t: Type): boolean => {
  const u = underlying(t);
  return (u.k === 'slice' || u.k === 'array') && underlying(u.elem).k === 'basic' && (underlying(u.elem) as { name: string }).name === 'uint8';
};

/** isEmptyValue (marshal.go). */
function isEmpty(v: unknown, t: Type): boolean {
  const u = underlying(t);
  switch (u.k) {
    case 'basic':
      return v === 0 || v === '' || v === false || v === 0n;
    case 'array':
      return u.len === 0;
    case 'slice':
      return v === null || (v as Slice).n === 0;
    case 'map':
      return v === null || (v as Map<unknown, unknown>).size === 0;
    case 'ptr':
    case 'iface':
    case 'func':
    case 'chan':
      return v === null;
    default:
      return false;
  }
}

function unsupported(t: Type): never {
  throw new XmlError(`xml: unsupported type: ${typeString(t, true)}`);
}

/** marshalSimple: a simple value's text (its kind's strconv form). */
function simpleText(v: unknown, t: Type): string | null {
  const u = underlying(t);
  if (isBytes(t)) return bytesToString(u.k === 'slice' ? (v as Slice | null) : sliceLit(v as number[]));
  if (u.k !== 'basic') return null;
  switch (u.name) {
    case 'bool':
      return v ? 'true' : 'false';
    case 'string':
      return v as string;
    case 'float32':
    case 'float64':
      return FormatFloat(v as number, 'g'.charCodeAt(0), -1);
    case 'complex64':
    case 'complex128':
    case 'unsafe.Pointer':
      return null;
    default:
      return String(v);
  }
}

/** The value behind pointers and interfaces, or null when one is nil. */
function deref(v: unknown, t: Type): [unknown, Type] | null {
  for (;;) {
    const u = underlying(t);
    if (u.k === 'ptr') {
      if (v === null) return null;
      if (underlying(u.elem).k !== 'struct') v = (v as Ref).v;
      t = u.elem;
    } else if (u.k === 'iface') {
      if (v === null) return null;
      t = (v as Iface).t;
      v = (v as Iface).v;
    } else return [v, t];
  }
}

/** printer.marshalValue. */
function marshalValue(p: Printer, v0: unknown, t0: Type, finfo: XField | null, startName: string | null): void {
  const d = deref(v0, t0);
  if (d === null) return;
  const [v, t] = d;
  const u = underlying(t);
  if (u.k === 'map' || u.k === 'chan' || u.k === 'func' || (u.k === 'basic' && (u.name === 'complex64' || u.name === 'complex128'))) unsupported(t);
  if ((u.k === 'slice' || u.k === 'array') && !isBytes(t)) {
    const items = u.k === 'slice' ? sliceToArray(v as Slice | null) : (v as unknown[]);
    for (const x of items) marshalValue(p, x, u.elem, finfo, startName);
    return;
  }
  const ti = u.k === 'struct' ? typeInfo(u) : null;
  let name = startName ?? '';
  if (startName === null && ti !== null && ti.xmlname !== null) {
    if (ti.xmlname.name !== '') name = ti.xmlname.name;
    else {
      const n = fieldOf(v as Record<string, unknown>, ti.xmlname.path) as { Local?: string } | null;
      if (n && n.Local) name = n.Local;
    }
  }
  if (name === '' && finfo !== null) name = finfo.name;
  if (name === '') {
    name = t.k === 'named' ? t.name : '';
    const i = name.indexOf('[');
    if (i >= 0) name = name.slice(0, i);
    if (name === '') unsupported(t);
  }
  const attrs: [string, string][] = [];
  if (ti !== null) {
    for (const f of ti.fields) {
      if ((f.flags & fAttr) === 0) continue;
      const fv = fieldOf(v as Record<string, unknown>, f.path);
      if ((f.flags & fOmitEmpty) !== 0 && isEmpty(fv, f.type)) continue;
      const fd = deref(fv, f.type);
      if (fd === null) continue;
      const s = simpleText(fd[0], fd[1]);
      if (s === null) unsupported(fd[1]);
      attrs.push([f.name, s]);
    }
  }
  p.writeStart(name, attrs);
  if (ti !== null) marshalStruct(p, ti, v as Record<string, unknown>);
  else {
    const s = simpleText(v, t);
    if (s === null) unsupported(t);
    p.out += escapeText(s);
  }
  p.writeEnd(name);
}

/** printer.marshalStruct with its parent stack (marshal.go parentStack). */
function marshalStruct(p: Printer, ti: TypeInfo, o: Record<string, unknown>): void {
  const stack: string[] = [];
  const trim = (parents: string[]): void => {
    let split = 0;
    while (split < parents.length && split < stack.length && parents[split] === stack[split]) split++;
    for (let i = stack.length - 1; i >= split; i--) p.writeEnd(stack[i]!);
    stack.length = split;
  };
  for (const f of ti.fields) {
    if ((f.flags & fAttr) !== 0) continue;
    const fv = fieldOf(o, f.path);
    if ((f.flags & fOmitEmpty) !== 0 && isEmpty(fv, f.type)) continue;
    if ((f.flags & (fCharData | fCDATA)) !== 0) {
      const fd = deref(fv, f.type);
      if (fd === null) continue;
      const s = simpleText(fd[0], fd[1]);
      if (s === null) unsupported(fd[1]);
      p.out += (f.flags & fCDATA) !== 0 ? `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : escapeText(s);
      continue;
    }
    if ((f.flags & fInnerXML) !== 0) {
      const fd = deref(fv, f.type);
      if (fd !== null) p.out += simpleText(fd[0], fd[1]) ?? '';
      continue;
    }
    if ((f.flags & fComment) !== 0) {
      const fd = deref(fv, f.type);
      const s = fd === null ? '' : simpleText(fd[0], fd[1]) ?? '';
      if (s.includes('--')) throw new XmlError(`xml: comments must not contain "--"`);
      if (s === '') continue;
      p.writeIndent(0);
      p.out += `<!--${s}${s.endsWith('-') ? ' ' : ''}-->`;
      continue;
    }
    trim(f.parents);
    if (f.parents.length > stack.length) {
      const k = underlying(f.type).k;
      if ((k !== 'ptr' && k !== 'iface') || fv !== null) {
        for (const par of f.parents.slice(stack.length)) {
          p.writeStart(par, []);
          stack.push(par);
        }
      }
    }
    marshalValue(p, fv, f.type, f, null);
  }
  trim([]);
}

function marshal(v: Iface | null, prefix: string, ind: string): [Slice | null, Iface | null] {
  const p = new Printer(prefix, ind);
  try {
    if (v !== null) marshalValue(p, v.v, v.t, null, null);
  } catch (e) {
    if (e instanceof XmlError) return [null, xmlErr(e.message)];
    throw e;
  }
  return [stringToBytes(p.out), null];
}
/** xml.Marshal(v). */
export function* Marshal(v: Iface | null): Go<[Slice | null, Iface | null]> {
  return marshal(v, '', '');
}
/** xml.MarshalIndent(v, prefix, indent). */
export function* MarshalIndent(v: Iface | null, prefix: string, ind: string): Go<[Slice | null, Iface | null]> {
  return marshal(v, prefix, ind);
}

// ---------------------------------------------------------------- parsing

interface XElem {
  name: string;
  attrs: [string, string][];
  kids: (XElem | string)[];
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** The document's root element (the parser of xml.go, simplified). */
function parse(s: string): XElem {
  let i = 0;
  const line = (): number => s.slice(0, i).split('\n').length;
  const syntax = (what: string): never => {
    throw new XmlError(`XML syntax error on line ${line()}: ${what}`);
  };
  const text = (raw: string): string =>
    raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      const r = entities[e];
      return r ?? syntax(`invalid character entity ${m}`);
    });
  const name = (): string => {
    const m = /^[A-Za-z_:][-A-Za-z0-9_:.]*/.exec(s.slice(i));
    if (m === null) syntax('expected element name after <');
    i += m![0].length;
    return m![0];
  };
  const skipSpace = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  /** Skip comments, processing instructions and directives; false at a start or end tag or text. */
  const skipMisc = (): boolean => {
    if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e < 0) syntax('unexpected EOF');
      i = e + 3;
      return true;
    }
    if (s.startsWith('<?', i)) {
      const e = s.indexOf('?>', i + 2);
      if (e < 0) syntax('unexpected EOF');
      i = e + 2;
      return true;
    }
    if (s.startsWith('<!', i) && !s.startsWith('<![CDATA[', i)) {
      const e = s.indexOf('>', i + 2);
      if (e < 0) syntax('unexpected EOF');
      i = e + 1;
      return true;
    }
    return false;
  };
  const element = (): XElem => {
    i++; // <
    const el: XElem = { name: name(), attrs: [], kids: [] };
    for (;;) {
      skipSpace();
      if (i >= s.length) syntax('unexpected EOF');
      if (s.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (s[i] === '>') {
        i++;
        break;
      }
      const an = name();
      skipSpace();
      if (s[i] !== '=') syntax('attribute name without = in element');
      i++;
      skipSpace();
      const q = s[i];
      if (q !== '"' && q !== "'") syntax('unquoted or missing attribute value in element');
      const e = s.indexOf(q!, i + 1);
      if (e < 0) syntax('unexpected EOF');
      el.attrs.push([an, text(s.slice(i + 1, e))]);
      i = e + 1;
    }
    for (;;) {
      if (i >= s.length) syntax('unexpected EOF');
      if (s.startsWith('</', i)) {
        i += 2;
        const n = name();
        if (n !== el.name) syntax(`element <${el.name}> closed by </${n}>`);
        skipSpace();
        if (s[i] !== '>') syntax(`invalid characters between </${n} and >`);
        i++;
        return el;
      }
      if (s.startsWith('<![CDATA[', i)) {
        const e = s.indexOf(']]>', i);
        if (e < 0) syntax('unexpected EOF in CDATA section');
        el.kids.push(s.slice(i + 9, e));
        i = e + 3;
        continue;
      }
      if (skipMisc()) continue;
      if (s[i] === '<') {
        el.kids.push(element());
        continue;
      }
      const e = s.indexOf('<', i);
      const end = e < 0 ? s.length : e;
      el.kids.push(text(s.slice(i, end)));
      i = end;
    }
  };
  for (;;) {
    skipSpace();
    if (i >= s.length) throw new XmlError('EOF');
    if (skipMisc()) continue;
    if (s[i] === '<') return element();
    // text before the root element: Decoder.unmarshal reads tokens up to the first StartElement
    const e = s.indexOf('<', i);
    i = e < 0 ? s.length : e;
  }
}

// ---------------------------------------------------------------- unmarshalling (read.go)

const charData = (el: XElem): string => el.kids.filter((k): k is string => typeof k === 'string').join('');

/** copyValue: a simple value of type t from its text. */
function fromText(s: string, t: Type): unknown {
  const u = underlying(t);
  if (isBytes(t) && u.k === 'slice') return stringToBytes(s);
  if (u.k !== 'basic') return unsupported(t);
  const check = <V>([v, err]: [V, Iface | null]): V => {
    if (err !== null) throw new XmlError((err.v as ErrorString).Error());
    return v;
  };
  switch (u.name) {
    case 'string':
      return s;
    case 'bool':
      return check(ParseBool(s.trim()));
    case 'float32':
    case 'float64':
      return s.trim() === '' ? 0 : check(ParseFloat(s.trim()));
    case 'int':
    case 'int64':
    case 'int32':
    case 'int16':
    case 'int8':
      return s.trim() === '' ? 0 : check(ParseInt(s.trim(), 10, u.name === 'int' ? 64 : Number(u.name.slice(3))));
    case 'uint':
    case 'uint64':
    case 'uint32':
    case 'uint16':
    case 'uint8':
    case 'uintptr':
      return s.trim() === '' ? 0 : check(ParseUint(s.trim(), 10, u.name === 'uint' || u.name === 'uintptr' ? 64 : Number(u.name.slice(4))));
    default:
      return unsupported(t);
  }
}

/** Decoder.unmarshal: element el into a value of type t whose current value is cur; the new value. */
function unmarshalInto(el: XElem, t: Type, cur: unknown): unknown {
  const u = underlying(t);
  if (u.k === 'ptr') {
    const eu = underlying(u.elem);
    if (eu.k === 'struct') {
      const o = cur ?? newStruct(eu);
      unmarshalStruct(el, u.elem, eu, o as Record<string, unknown>);
      return o;
    }
    const b = (cur as Ref | null) ?? new Box(zeroOf(u.elem));
    b.v = unmarshalInto(el, u.elem, b.v);
    return b;
  }
  if (u.k === 'slice' && !isBytes(t)) {
    const items = sliceToArray(cur as Slice | null);
    items.push(unmarshalInto(el, u.elem, zeroOf(u.elem)));
    return sliceLit(items);
  }
  if (u.k === 'struct') {
    unmarshalStruct(el, t, u, cur as Record<string, unknown>);
    return cur;
  }
  if (u.k === 'iface') return cur;
  return fromText(charData(el), t);
}

function setField(o: Record<string, unknown>, path: string[], v: unknown): void {
  let x = o;
  for (const k of path.slice(0, -1)) x = x[k] as Record<string, unknown>;
  x[path[path.length - 1]!] = v;
}

function unmarshalStruct(el: XElem, t: Type, st: StructType, o: Record<string, unknown>): void {
  const ti = typeInfo(st);
  if (ti.xmlname !== null) {
    if (ti.xmlname.name !== '' && ti.xmlname.name !== el.name) throw new XmlError(`expected element type <${ti.xmlname.name}> but have <${el.name}>`);
    const n = fieldOf(o, ti.xmlname.path) as Record<string, unknown> | null;
    if (n !== null && typeof n === 'object') {
      n.Space = '';
      n.Local = el.name;
    }
  }
  for (const f of ti.fields) {
    if ((f.flags & fAttr) === 0) continue;
    const a = el.attrs.find(([k]) => k === f.name);
    if (a !== undefined) setField(o, f.path, attrValue(a[1], f.type, fieldOf(o, f.path)));
  }
  const text = ti.fields.find((f) => (f.flags & (fCharData | fCDATA)) !== 0);
  if (text !== undefined) setField(o, text.path, fromText(charData(el), text.type));
  const elems = ti.fields.filter((f) => (f.flags & fElement) !== 0);
  const consume = (e: XElem, prefix: string[]): void => {
    for (const k of e.kids) {
      if (typeof k === 'string') continue;
      const path = [...prefix, k.name];
      const f = elems.find((x) => x.parents.length === prefix.length && x.name === k.name && x.parents.every((p, i) => p === prefix[i]));
      if (f !== undefined) {
        setField(o, f.path, unmarshalInto(k, f.type, fieldOf(o, f.path)));
        continue;
      }
      if (elems.some((x) => x.parents.length >= path.length && path.every((p, i) => x.parents[i] === p))) consume(k, path);
    }
  };
  consume(el, []);
  void t;
}

function attrValue(s: string, t: Type, cur: unknown): unknown {
  const u = underlying(t);
  if (u.k === 'ptr') {
    const b = (cur as Ref | null) ?? new Box(zeroOf(u.elem));
    b.v = fromText(s, u.elem);
    return b;
  }
  return fromText(s, t);
}

/** xml.Unmarshal(data, v). */
export function Unmarshal(data: Slice | null, v: Iface | null): Iface | null {
  if (v === null || underlying(v.t).k !== 'ptr' || v.v === null) return xmlErr('non-pointer passed to Unmarshal');
  try {
    const root = parse(bytesToString(data));
    const pt = underlying(v.t) as { elem: Type };
    const eu = underlying(pt.elem);
    if (eu.k === 'struct') unmarshalStruct(root, pt.elem, eu, v.v as Record<string, unknown>);
    else {
      const r = v.v as Ref;
      r.v = unmarshalInto(root, pt.elem, r.v);
    }
  } catch (e) {
    if (e instanceof XmlError) return xmlErr(e.message);
    throw e;
  }
  return null;
}

pkg('encoding/xml', {
  Name: T(tName),
  Header: C(tString, header),
  Marshal: F(fn([tAny], [tBytes, tError]), (a) => `(yield* $P.encoding_xml.Marshal(${a[0]}))`),
  MarshalIndent: F(fn([tAny, tString, tString], [tBytes, tError]), (a) => `(yield* $P.encoding_xml.MarshalIndent(${a[0]}, ${a[1]}, ${a[2]}))`),
  Unmarshal: F(fn([tBytes, tAny], [tError]), (a) => `$P.encoding_xml.Unmarshal(${a[0]}, ${a[1]})`),
  $unsupported: subset(),
});
