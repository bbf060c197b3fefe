import { parser } from '@lezer/go';
import fs from 'fs';
const src = fs.readFileSync(process.argv[2], 'utf8');
const t = parser.parse(src);
let out = '';
function walk(c, d) { do { const n = c.node; const txt = src.slice(n.from, n.to); out += '  '.repeat(d) + n.name + (n.firstChild ? '' : ' ' + JSON.stringify(txt.slice(0,30))) + '\n'; if (c.firstChild()) { walk(c, d+1); c.parent(); } } while (c.nextSibling()); }
walk(t.cursor(), 0); console.log(out);
