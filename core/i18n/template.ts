/**
 * Fills `{name}` placeholders by scanning the template once. A name missing
 * from `params` is left as written so tests can find it; `{{` writes `{`.
 * No RegExp is ever built from the template or the values.
 */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '{' && template[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    if (ch === '{') {
      const end = template.indexOf('}', i + 1);
      const name = end === -1 ? '' : template.slice(i + 1, end);
      if (end !== -1 && /^[A-Za-z][\w]*$/.test(name)) {
        const value = params[name];
        out += value === undefined ? template.slice(i, end + 1) : String(value);
        i = end + 1;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** The placeholder names a template uses, for checking catalogs against each other. */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '{' && template[i + 1] === '{') {
      i++;
      continue;
    }
    if (template[i] !== '{') continue;
    const end = template.indexOf('}', i + 1);
    const name = end === -1 ? '' : template.slice(i + 1, end);
    if (/^[A-Za-z][\w]*$/.test(name)) names.push(name);
  }
  return [...new Set(names)].sort();
}
