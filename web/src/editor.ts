/**
 * The workload editor: CodeMirror 6 with TypeScript highlighting, and diagnostics (syntax and load
 * errors reported by the worker) shown at their line.
 */
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars } from '@codemirror/view';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { go } from '@codemirror/lang-go';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput, foldGutter } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { javascript } from '@codemirror/lang-javascript';
import { setDiagnostics, lintGutter } from '@codemirror/lint';

// The usual "basic setup", spelled out (the `codemirror` meta package on npm is not CM6 here).
const basicSetup: Extension = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  foldGutter(),
  drawSelection(),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  closeBrackets(),
  highlightActiveLine(),
  highlightSelectionMatches(),
  keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
];

export class Editor {
  readonly view: EditorView;
  private lang = new Compartment();
  private onChange: () => void;

  constructor(parent: HTMLElement, onChange: () => void, onRun: () => void) {
    this.onChange = onChange;
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: '',
        extensions: [
          basicSetup,
          this.lang.of(javascript({ typescript: true })),
          lintGutter(),
          // Above the default keymap, whose Mod-Enter inserts a blank line.
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }])),
          // tabindex: the content is a tab stop anyway (contenteditable); said so, checkers see the scroller is reachable.
          EditorView.contentAttributes.of({ 'aria-label': 'Workload source (Ctrl+Enter runs; Escape then Tab leaves the editor)', tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) this.onChange();
          }),
        ],
      }),
    });
  }

  /** Highlight as TypeScript or Go. */
  setLanguage(lang: 'ts' | 'go'): void {
    this.view.dispatch({ effects: this.lang.reconfigure(lang === 'go' ? go() : javascript({ typescript: true })) });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replace the document (without firing onChange). */
  set(text: string): void {
    const cb = this.onChange;
    this.onChange = () => {};
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    this.onChange = cb;
    this.clearError();
  }

  /** Mark an error at a 1-based line (and column). */
  error(message: string, line?: number, column?: number): void {
    const doc = this.view.state.doc;
    if (line === undefined || line < 1 || line > doc.lines) {
      this.view.dispatch(setDiagnostics(this.view.state, []));
      return;
    }
    const l = doc.line(line);
    const from = Math.min(l.to, l.from + Math.max(0, (column ?? 1) - 1));
    this.view.dispatch(setDiagnostics(this.view.state, [{ from, to: Math.max(from, l.to), severity: 'error', message }]));
    this.view.dispatch({ effects: EditorView.scrollIntoView(from, { y: 'center' }) });
  }

  clearError(): void {
    this.view.dispatch(setDiagnostics(this.view.state, []));
  }
}
