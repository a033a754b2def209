/** Names a source file of the bundles by what it is: a package, a core module, an element folder, one language of strings. */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export const LANGS = ['en', 'es', 'de', 'fr', 'ar'];
/** The group a source file (and, for a strings module, the line a byte came from) belongs to. */
export function group(file, line) {
  const nm = file.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (nm) {
    const pkg = nm[1];
    return ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg)
      ? 'lit (lit-html, lit-element)'
      : pkg;
  }
  const rel = relative(root, file);
  const strings = rel.match(/([\w-]+)\.strings\.ts$/);
  if (strings) return `strings: ${strings[1]} (${languageAt(file, line)})`;
  const translation = rel.match(/translations\/(\w+)\.ts$/);
  if (translation && LANGS.includes(translation[1])) return `strings: common and card (${translation[1]})`;
  const core = rel.match(/^packages\/core\/src\/(?:controllers\/)?([\w.-]+?)(?:\.ts)?$/);
  if (core) return `core: ${core[1]}`;
  const el = rel.match(/^packages\/elements\/src\/([\w-]+)\//);
  if (el) return `elements: ${el[1]}`;
  const adapters = rel.match(/^packages\/adapters\/src\/([\w-]+)/);
  if (adapters) return `adapters: ${adapters[1]}`;
  return rel;
}

/** In a strings module (one table per language, `const de: … = {`), the language a line belongs to. */
const tableStarts = new Map();
function languageAt(file, line) {
  if (!tableStarts.has(file)) {
    const starts = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = text.match(/^(?:export )?const (en|es|de|fr|ar)\b/);
        if (m) starts.push([i, m[1]]);
      });
    tableStarts.set(file, starts);
  }
  const found = tableStarts
    .get(file)
    .filter(([i]) => i <= line)
    .pop();
  return found ? found[1] : 'types and helpers';
}
