/**
 * Package text/template: templates parsed into a tree of text, actions, if/else, range/else,
 * with/else, and executed over the data's Go type (the type descriptor every interface value
 * carries), writing to an io.Writer — the subset of text/template programs use most:
 *
 * - actions `{{pipeline}}`, trim markers `{{- ` and ` -}}` (the adjacent text's space removed),
 *   comments (an action starting with a slash and a star); pipelines of commands joined by `|` (the previous result is the last
 *   argument), variables (`$`, `$x := …`, `$x = …`, `range $i, $e := …`), fields and map keys
 *   (`.A.B`, `$x.A`), niladic methods of the value (`.String`), string, raw string, number and
 *   bool literals, nil, parenthesized pipelines;
 * - functions and, or, not, len, index, print, printf, println, eq, ne, lt, le, gt, ge;
 * - if/with truth (exec.go's isTrue: zero values, empty slices, maps and strings, nil are false);
 *   range over slices, arrays, maps (in key order) and, from Go 1.22 on, integers (not channels;
 *   the release is the compiling profile's, given to template.New by the generated code);
 * - values printed as fmt.Fprint prints them.
 *
 * Errors are text/template's: `template: NAME:LINE: …` for parse errors, `template: NAME:LINE:COL:
 * executing "NAME" at <.Foo>: can't evaluate field Foo in type string` at run time.
 *
 * Simplified: no define/template/block, no custom Funcs, no html/js/urlquery/slice/call functions,
 * no Option("missingkey=…"); methods with arguments are not callable; Execute writes the output in
 * one piece at the end (Go writes as it goes: a failing template's partial output differs).
 */
import type { Op } from '../../workload/ops.js';
import { type Type, tBool, tFloat64, tInt, tString, underlying, typeString } from '../types.js';
import { globalTypes, tError } from '../core.js';
import { pkg, F, T, fn, ptr, tAny, native, method, subset } from './registry.js';
import { ErrorString, tErrorStringPtr } from './errors.js';
import { writeString, tWriter } from './io.js';
import { GoPanic } from '../rt/panics.js';
import { sprint, sprintf } from '../rt/format.js';
import { type Slice, sliceToArray } from '../rt/slices.js';
import type { Iface, Ref } from '../rt/values.js';

type Go<T = void> = Generator<Op, T, unknown>;
type MethodTable = Record<string, (...a: unknown[]) => Go<unknown>>;

/** A template error (its text). */
class TmplError extends Error {}

// ---------------------------------------------------------------- parsing

type Arg = { k: 'dot' } | { k: 'field'; base: Arg | null; names: string[] } | { k: 'var'; name: string; names: string[] } | { k: 'lit'; v: Iface | null } | { k: 'fn'; name: string } | { k: 'pipe'; p: Pipe };
interface Cmd {
  args: Arg[];
  src: string;
}
interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Cmd[];
  src: string;
  line: number;
  col: number;
}
type TNode = { k: 'text'; s: string } | { k: 'action'; p: Pipe } | { k: 'if' | 'with' | 'range'; p: Pipe; list: TNode[]; els: TNode[] | null };

const funcs = new Set(['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** Parse template text into its nodes (throws TmplError with Go's text). */
function parse(name: string, text: string): TNode[] {
  // the actions and the texts between them
  const items: ({ k: 'text'; s: string } | { k: 'act'; s: string; line: number; col: number })[] = [];
  let i = 0;
  let trimNext = false;
  const lineAt = (off: number): number => text.slice(0, off).split('\n').length;
  while (i <= text.length) {
    const open = text.indexOf('{{', i);
    let chunk = open < 0 ? text.slice(i) : text.slice(i, open);
    if (trimNext) chunk = chunk.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    if (open < 0) {
      if (chunk !== '') items.push({ k: 'text', s: chunk });
      break;
    }
    let start = open + 2;
    if (/^- [\s\S]/.test(text.slice(start)) || /^-[\t\r\n]/.test(text.slice(start))) {
      chunk = chunk.replace(/[ \t\r\n]+$/, '');
      start += 1;
    }
    if (chunk !== '') items.push({ k: 'text', s: chunk });
    const close = text.indexOf('}}', start);
    if (close < 0) throw new TmplError(`template: ${name}:${lineAt(open)}: unclosed action`);
    let body = text.slice(start, close);
    if (/[ \t\r\n]-$/.test(body)) {
      body = body.slice(0, -1);
      trimNext = true;
    }
    const line = lineAt(open);
    const col = open - text.lastIndexOf('\n', open - 1);
    items.push({ k: 'act', s: body.trim(), line, col: col - 1 });
    i = close + 2;
  }
  let pos = 0;
  // if/with/range through its {{end}}; `{{else if p}}` is an if in the else branch sharing that {{end}}
  const control = (word: 'if' | 'with' | 'range', src: string, line: number, col: number): TNode => {
    const p = pipe(name, src, line, col);
    const [body, ended] = list(['end', 'else']);
    let els: TNode[] | null = null;
    if (ended.startsWith('else')) {
      const rest = ended.slice(4).trim();
      if (word === 'if' && rest.startsWith('if ')) els = [control('if', rest.slice(3).trim(), line, col)];
      else els = list(['end'])[0];
    }
    return { k: word, p, list: body, els };
  };
  const list = (stop: string[]): [TNode[], string] => {
    const out: TNode[] = [];
    while (pos < items.length) {
      const it = items[pos++]!;
      if (it.k === 'text') {
        out.push({ k: 'text', s: it.s });
        continue;
      }
      const s = it.s;
      if (s.startsWith('/*')) continue;
      const word = /^[a-z]+/.exec(s)?.[0] ?? '';
      if (word === 'end' || word === 'else') {
        if (!stop.includes(word)) throw new TmplError(`template: ${name}:${it.line}: unexpected {{${word}}}`);
        return [out, s];
      }
      if (word === 'if' || word === 'with' || word === 'range') {
        out.push(control(word, s.slice(word.length).trim(), it.line, it.col + 2 + word.length + 1));
        continue;
      }
      if (['define', 'template', 'block', 'break', 'continue'].includes(word)) throw new TmplError(`template: ${name}:${it.line}: {{${word}}} is not supported by gmpsim's text/template`);
      out.push({ k: 'action', p: pipe(name, s, it.line, it.col + 2) });
    }
    if (stop.length) throw new TmplError(`template: ${name}:${items.length ? (items[items.length - 1] as { line?: number }).line ?? 1 : 1}: unexpected EOF`);
    return [out, ''];
  };
  return list([])[0];
}

/** Parse a pipeline: `[$x[, $y] :=] cmd | cmd …`. */
function pipe(name: string, s: string, line: number, col: number): Pipe {
  const p: Pipe = { decl: [], assign: false, cmds: [], src: s, line, col };
  const decl = /^(\$\w*)(?:\s*,\s*(\$\w*))?\s*(:=|=)\s*/.exec(s);
  if (decl) {
    p.decl = [decl[1]!, ...(decl[2] ? [decl[2]] : [])];
    p.assign = decl[3] === '=';
    s = s.slice(decl[0].length);
  }
  const toks = tokens(name, s, line);
  let cur: Cmd = { args: [], src: '' };
  const parts: Cmd[] = [cur];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t === '|') {
      cur = { args: [], src: '' };
      parts.push(cur);
      continue;
    }
    if (t === '(') {
      // a parenthesized pipeline: collect up to the matching ')'
      let depth = 1;
      let j = k + 1;
      for (; j < toks.length && depth > 0; j++) depth += toks[j] === '(' ? 1 : toks[j] === ')' ? -1 : 0;
      if (depth !== 0) throw new TmplError(`template: ${name}:${line}: unclosed left paren`);
      const inner = toks.slice(k + 1, j - 1).join(' ');
      cur.args.push(withFields({ k: 'pipe', p: pipe(name, inner, line, col) }, toks[j]));
      if (toks[j]?.startsWith('.')) j++;
      k = j - 1;
      continue;
    }
    cur.args.push(operand(name, t, line));
    cur.src += (cur.src ? ' ' : '') + t;
  }
  for (const c of parts) if (c.args.length === 0) throw new TmplError(`template: ${name}:${line}: missing value for command`);
  p.cmds = parts;
  return p;
}
const withFields = (a: Arg, next: string | undefined): Arg => (next?.startsWith('.') && next.length > 1 ? { k: 'field', base: a, names: next.slice(1).split('.') } : a);
function tokens(name: string, s: string, line: number): string[] {
  const out: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'|\(|\)|\||\$?\w*(?:\.\w+)+|\.|\$\w*|[-+]?[0-9][\w.+-]*|[A-Za-z_]\w*)/y;
  let i = 0;
  while (i < s.length) {
    if (/^\s*$/.test(s.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new TmplError(`template: ${name}:${line}: unexpected ${JSON.stringify(s.slice(i).trim()[0])} in command`);
    out.push(m[1]!);
    i = re.lastIndex;
  }
  return out;
}
function operand(name: string, t: string, line: number): Arg {
  if (t === '.') return { k: 'dot' };
  if (t.startsWith('.')) return { k: 'field', base: null, names: t.slice(1).split('.') };
  if (t.startsWith('$')) {
    const [v, ...names] = t.split('.');
    return { k: 'var', name: v!, names };
  }
  if (t.startsWith('"')) return { k: 'lit', v: { t: tString, v: JSON.parse(t) as string } };
  if (t.startsWith('`')) return { k: 'lit', v: { t: tString, v: t.slice(1, -1) } };
  if (t.startsWith("'")) return { k: 'lit', v: { t: basicRune, v: (JSON.parse('"' + t.slice(1, -1).replace(/"/g, '\\"') + '"') as string).codePointAt(0)! } };
  if (t === 'true' || t === 'false') return { k: 'lit', v: { t: tBool, v: t === 'true' } };
  if (t === 'nil') return { k: 'lit', v: null };
  if (/^[-+]?[0-9]/.test(t)) {
    const n = Number(t.replace(/_/g, ''));
    if (Number.isNaN(n)) throw new TmplError(`template: ${name}:${line}: bad number syntax: "${t}"`);
    return { k: 'lit', v: /^[-+]?(0x[0-9a-fA-F]+|[0-9]+)$/.test(t) ? { t: tInt, v: n } : { t: tFloat64, v: n } };
  }
  if (!funcs.has(t)) throw new TmplError(`template: ${name}:${line}: function "${t}" not defined`);
  return { k: 'fn', name: t };
}
const basicRune = globalTypes.intern({ k: 'basic', name: 'int32' });

// ---------------------------------------------------------------- execution

interface State {
  name: string;
  /** range over an integer (Go 1.22+). */
  rangeInt: boolean;
  out: string;
  vars: [string, Iface | null][];
  at: Pipe | null;
}
const methods = (t: Type): MethodTable | undefined => (t as unknown as { $m?: MethodTable }).$m;
function fail(st: State, what: string, msg: string): never {
  const p = st.at;
  throw new TmplError(`template: ${st.name}:${p ? `${p.line}:${p.col}` : '1'}: executing "${st.name}" at <${what}>: ${msg}`);
}
/** The value behind a pointer (a pointer to struct is the struct object itself). */
function indirect(v: Iface | null): Iface | null {
  while (v !== null && underlying(v.t).k === 'ptr') {
    if (v.v === null) return v;
    const e = (underlying(v.t) as { elem: Type }).elem;
    v = { t: e, v: underlying(e).k === 'struct' ? v.v : (v.v as Ref).v };
  }
  if (v !== null && underlying(v.t).k === 'iface') return v.v as Iface | null;
  return v;
}
function* field(st: State, v: Iface | null, name: string, what: string): Go<Iface | null> {
  if (v === null) fail(st, what, `nil data; no entry for key "${name}"`);
  const m = methods(v.t)?.[name];
  if (m) return wrapResult((yield* m(v.v)) as unknown, v.t, name);
  const x = indirect(v);
  if (x === null || x.v === null) fail(st, what, `nil pointer evaluating ${typeString(v.t)}.${name}`);
  const u = underlying(x.t);
  if (u.k === 'struct') {
    const f = u.fields.find((g) => g.name === name);
    if (!f) fail(st, what, `can't evaluate field ${name} in type ${typeString(x.t)}`);
    if (!/^[A-Z]/.test(name)) fail(st, what, `${name} is an unexported field of struct type ${typeString(x.t)}`);
    return valueOf(f.type, (x.v as Record<string, unknown>)[f.js]);
  }
  if (u.k === 'map') {
    // a missing key is no value (printed "<no value>")
    const e = (x.v as Map<unknown, unknown> | null)?.get(name);
    return e === undefined ? null : valueOf(u.elem, e);
  }
  return fail(st, what, `can't evaluate field ${name} in type ${typeString(x.t)}`);
}
function zeroLike(t: Type): unknown {
  const u = underlying(t);
  return u.k === 'basic' ? (u.name === 'string' ? '' : u.name === 'bool' ? false : 0) : null;
}
/** A stored value of static type t as the dynamic value template code works on (interfaces unwrapped). */
const valueOf = (t: Type, x: unknown): Iface | null => (underlying(t).k === 'iface' ? (x as Iface | null) : { t, v: x });
/** A niladic method's result as a value of its declared result type. */
function wrapResult(r: unknown, t: Type, name: string): Iface | null {
  const sig = findSig(t, name);
  const rt = sig?.results[0];
  if (!rt) return null;
  const v = Array.isArray(r) && sig!.results.length > 1 ? r[0] : r;
  return underlying(rt).k === 'iface' ? (v as Iface | null) : { t: rt, v };
}
function findSig(t: Type, name: string): { results: Type[] } | undefined {
  const base = t.k === 'ptr' ? t.elem : t;
  return base.k === 'named' ? base.methods.get(name)?.sig : undefined;
}
/** exec.go's isTrue. */
function truth(v: Iface | null): boolean {
  if (v === null) return false;
  const u = underlying(v.t);
  switch (u.k) {
    case 'basic':
      return v.v !== false && v.v !== 0 && v.v !== '';
    case 'slice':
      return v.v !== null && (v.v as Slice).n > 0;
    case 'map':
      return v.v !== null && (v.v as Map<unknown, unknown>).size > 0;
    case 'array':
      return u.len > 0;
    case 'struct':
      return true;
    default:
      return v.v !== null;
  }
}
function* evalArg(st: State, a: Arg, dot: Iface | null): Go<Iface | null> {
  switch (a.k) {
    case 'dot':
      return dot;
    case 'lit':
      return a.v;
    case 'field': {
      let v = a.base ? yield* evalArg(st, a.base, dot) : dot;
      for (const n of a.names) v = yield* field(st, v, n, '.' + a.names.join('.'));
      return v;
    }
    case 'var': {
      const e = [...st.vars].reverse().find(([n]) => n === a.name);
      if (!e) fail(st, a.name, `undefined variable: ${a.name}`);
      let v = e[1];
      for (const n of a.names) v = yield* field(st, v, n, a.name + '.' + a.names.join('.'));
      return v;
    }
    case 'pipe':
      return yield* evalPipe(st, a.p, dot);
    case 'fn':
      return yield* call(st, a.name, [], dot);
  }
}
const num = (v: Iface | null): number | string | boolean | null => (v === null ? null : (indirect(v)?.v as number | string | boolean));
function* call(st: State, name: string, args: (Iface | null)[], _dot: Iface | null): Go<Iface | null> {
  const b = (x: boolean): Iface => ({ t: tBool, v: x });
  switch (name) {
    case 'and': {
      let last: Iface | null = null;
      for (const a of args) if (!truth((last = a))) return a;
      return last;
    }
    case 'or': {
      let last: Iface | null = null;
      for (const a of args) if (truth((last = a))) return a;
      return last;
    }
    case 'not':
      return b(!truth(args[0] ?? null));
    case 'len': {
      const x = indirect(args[0] ?? null);
      if (x === null) fail(st, 'len', 'len of nil pointer');
      const u = underlying(x.t);
      const n = u.k === 'slice' ? (x.v === null ? 0 : (x.v as Slice).n) : u.k === 'map' ? (x.v === null ? 0 : (x.v as Map<unknown, unknown>).size) : u.k === 'array' ? u.len : u.k === 'basic' && u.name === 'string' ? (x.v as string).length : fail(st, 'len', `error calling len: len of type ${typeString(x.t)}`);
      return { t: tInt, v: n };
    }
    case 'index': {
      let x = args[0] ?? null;
      for (const k of args.slice(1)) {
        x = indirect(x);
        if (x === null) fail(st, 'index', 'error calling index: index of untyped nil');
        const u = underlying(x.t);
        if (u.k === 'slice' || u.k === 'array') {
          const items = u.k === 'slice' ? sliceToArray(x.v as Slice) : (x.v as unknown[]);
          const i = num(k) as number;
          if (i < 0 || i >= items.length) fail(st, 'index', `error calling index: index out of range: ${i}`);
          x = valueOf(u.elem, items[i]);
        } else if (u.k === 'map') {
          const e = (x.v as Map<unknown, unknown> | null)?.get(num(k));
          x = e === undefined ? (underlying(u.elem).k === 'iface' ? null : { t: u.elem, v: zeroLike(u.elem) }) : valueOf(u.elem, e);
        } else fail(st, 'index', `error calling index: can't index item of type ${typeString(x.t)}`);
      }
      return x;
    }
    case 'print':
      return { t: tString, v: sprint(args, false) };
    case 'println':
      return { t: tString, v: sprint(args, true) };
    case 'printf':
      return { t: tString, v: sprintf((num(args[0] ?? null) as string) ?? '', args.slice(1)) };
    default: {
      // comparisons (funcs.go: basic kinds only)
      const [x, ...ys] = args.map(num);
      const cmp = (y: unknown): number => ((x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0);
      if (name === 'eq') return b(ys.some((y) => y === x));
      if (name === 'ne') return b(ys[0] !== x);
      if (name === 'lt') return b(cmp(ys[0]) < 0);
      if (name === 'le') return b(cmp(ys[0]) <= 0);
      if (name === 'gt') return b(cmp(ys[0]) > 0);
      return b(cmp(ys[0]) >= 0);
    }
  }
}
function* evalPipe(st: State, p: Pipe, dot: Iface | null): Go<Iface | null> {
  const saved = st.at;
  st.at = p;
  let v: Iface | null = null;
  for (let ci = 0; ci < p.cmds.length; ci++) {
    const c = p.cmds[ci]!;
    const head = c.args[0]!;
    if (head.k === 'fn') {
      const args: (Iface | null)[] = [];
      for (const a of c.args.slice(1)) args.push(yield* evalArg(st, a, dot));
      if (ci > 0) args.push(v);
      v = yield* call(st, head.name, args, dot);
    } else {
      if (c.args.length > 1 || ci > 0) fail(st, c.src, `can't give argument to non-function ${c.src.split(' ')[0]}`);
      v = yield* evalArg(st, head, dot);
    }
  }
  if (p.decl.length === 1) {
    if (p.assign) {
      const e = [...st.vars].reverse().find(([n]) => n === p.decl[0]);
      if (e) e[1] = v;
    } else st.vars.push([p.decl[0]!, v]);
  }
  st.at = saved;
  return v;
}
function* run(st: State, list: TNode[], dot: Iface | null): Go {
  for (const n of list) {
    switch (n.k) {
      case 'text':
        st.out += n.s;
        break;
      case 'action': {
        const v = yield* evalPipe(st, n.p, dot);
        if (n.p.decl.length === 0) st.out += printValue(v);
        break;
      }
      case 'if':
      case 'with': {
        const mark = st.vars.length;
        const v = yield* evalPipe(st, n.p, dot);
        if (truth(v)) yield* run(st, n.list, n.k === 'with' ? v : dot);
        else if (n.els) yield* run(st, n.els, dot);
        st.vars.length = mark;
        break;
      }
      case 'range': {
        const mark = st.vars.length;
        const decl = n.p.decl;
        const v = indirect(yield* evalPipe(st, { ...n.p, decl: [] }, dot));
        const items: [Iface | null, Iface | null][] = [];
        if (v !== null) {
          const u = underlying(v.t);
          const elem = valueOf;
          if (u.k === 'slice' || u.k === 'array') (u.k === 'slice' ? sliceToArray(v.v as Slice) : (v.v as unknown[])).forEach((x, i) => items.push([{ t: tInt, v: i }, elem(u.elem, x)]));
          else if (u.k === 'map') {
            const keys = [...((v.v as Map<unknown, unknown> | null)?.keys() ?? [])].sort((a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0));
            for (const k of keys) items.push([elem(u.key, k), elem(u.elem, (v.v as Map<unknown, unknown>).get(k))]);
          } else if (u.k === 'basic' && /int/.test(u.name) && st.rangeInt) for (let i = 0; i < (v.v as number); i++) items.push([{ t: v.t, v: i }, { t: v.t, v: i }]);
          else {
            st.at = n.p;
            fail(st, n.p.src, `range can't iterate over ${printValue(v)}`);
          }
        }
        if (items.length === 0 && n.els) yield* run(st, n.els, dot);
        for (const [k, e] of items) {
          st.vars.length = mark;
          if (decl.length === 1) st.vars.push([decl[0]!, e]);
          if (decl.length === 2) st.vars.push([decl[0]!, k], [decl[1]!, e]);
          yield* run(st, n.list, e);
        }
        st.vars.length = mark;
        break;
      }
    }
  }
}
/** exec.go's printValue: fmt.Fprint of the value ("<no value>" for a missing map entry's nil). */
function printValue(v: Iface | null): string {
  if (v === null) return '<no value>';
  return sprint([v], false);
}

/** template.Template: a name and its parsed tree. */
export class Template {
  tree: TNode[] | null = null;
  /** `release`: the Go release of the compiling profile ("1.19"): what the template language has. */
  constructor(
    readonly name: string,
    readonly release = '1.26',
  ) {}
  Name(): string {
    return this.name;
  }
  Parse(text: string): [Template | null, Iface | null] {
    try {
      this.tree = parse(this.name, text);
      return [this, null];
    } catch (e) {
      if (e instanceof TmplError) return [null, errorOf(e.message)];
      throw e;
    }
  }
  *Execute(w: Iface | null, data: Iface | null): Go<Iface | null> {
    if (this.tree === null) return errorOf(`template: ${this.name}: "${this.name}" is an incomplete or empty template`);
    const st: State = { name: this.name, rangeInt: Number(this.release.split('.')[1]) >= 22, out: '', vars: [['$', data]], at: null };
    let err: Iface | null = null;
    try {
      yield* run(st, this.tree, data);
    } catch (e) {
      if (!(e instanceof TmplError)) throw e;
      err = errorOf(e.message);
    }
    if (st.out !== '') {
      const [, werr] = yield* writeString(w, st.out);
      err ??= werr;
    }
    return err;
  }
}
const errorOf = (msg: string): Iface => ({ t: tErrorStringPtr, v: new ErrorString(msg) });
/** template.Must: t, or a panic with err. */
export function Must(t: Template | null, err: Iface | null): Template | null {
  if (err !== null) throw new GoPanic(err, (err.v as ErrorString).s);
  return t;
}

export const tTemplate = native('Template', 'template', '$P.text_template.Template');
const tTemplatePtr = globalTypes.intern(ptr(tTemplate));
method(tTemplate, 'Parse', fn([tString], [tTemplatePtr, tError]), false);
method(tTemplate, 'Execute', fn([tWriter, tAny], [tError]), true);
method(tTemplate, 'Name', fn([], [tString]), false);

pkg('text/template', {
  Template: T(tTemplate),
  New: { kind: 'func', t: fn([tString], [tTemplatePtr]), call: (a, c) => `new $P.text_template.Template(${a[0]}, ${JSON.stringify(c.release)})` },
  Must: F(fn([tTemplatePtr, tError], [tTemplatePtr]), (a) => `$P.text_template.Must(${a[0]}, ${a[1]})`),
  $unsupported: subset(),
});
