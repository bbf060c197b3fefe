/** The optional Go frontend, through vite.config.ts's virtual module. */
declare module 'virtual:gmpsim-golang' {
  export const compileGo: ((files: { name: string; text: string }[], opts?: { go?: '1.19' | '1.26' }) => import('./runner').Compiled) | undefined;
  /** Why the frontend is missing (empty when it is there). */
  export const unavailable: string;
}
