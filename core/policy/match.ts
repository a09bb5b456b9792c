/**
 * Lexicon terms compiled into one RegExp per list. A term matches at a word
 * start; it must also end at a word end unless it ends in `*` (a stem:
 * `verkauf*` matches "verkaufen"). Terms are data, escaped here, never
 * pattern syntax. The alternatives are emitted as a trie (shared prefixes
 * factored out), so each position costs one character test per level
 * instead of one attempt per term: linear in the text, whatever the size
 * of the lexicon.
 */

// Letters and digits of lower-cased Latin, Vietnamese, Greek and Cyrillic text. A small explicit class:
// with \p{L} repeated at every word end, compiling one lexicon took hundreds of milliseconds.
const WORD = '[0-9a-z\\u00b5\\u00df-\\u00f6\\u00f8-\\u024f\\u0300-\\u036f\\u0370-\\u03ff\\u0400-\\u04ff\\u1e00-\\u1eff]';
const END = `(?!${WORD})`;

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

interface Node {
  children: Map<string, Node>;
  /** Terminal: 'word' needs a word end after it, 'stem' does not. */
  end: 'word' | 'stem' | null;
}

function node(): Node {
  return { children: new Map(), end: null };
}

function emit(n: Node): string {
  const branches: string[] = [];
  for (const [ch, child] of n.children) {
    let literal = escape(ch);
    let cur = child;
    // Collapse single-child chains into one literal run.
    while (cur.children.size === 1 && cur.end === null) {
      const [[c, next]] = [...cur.children] as [[string, Node]];
      literal += escape(c);
      cur = next;
    }
    branches.push(literal + emit(cur));
  }
  if (n.end === 'stem') branches.push('');
  else if (n.end === 'word') branches.push(END);
  if (branches.length === 0) return '';
  if (branches.length === 1) return branches[0]!;
  return `(?:${branches.join('|')})`;
}

function body(term: string): { body: string; stem: boolean } {
  const t = term.normalize('NFC').toLowerCase().trim();
  const stem = t.endsWith('*');
  return { body: stem ? t.slice(0, -1) : t, stem };
}

export function compileTerms(terms: readonly string[]): RegExp {
  const root = node();
  let any = false;
  for (const raw of terms) {
    const { body: b, stem } = body(raw);
    if (!b) continue;
    any = true;
    let cur = root;
    for (const ch of b) {
      let next = cur.children.get(ch);
      if (!next) cur.children.set(ch, (next = node()));
      cur = next;
    }
    // A stem covers the word form too.
    if (cur.end !== 'stem') cur.end = stem ? 'stem' : 'word';
  }
  if (!any) return /(?!)/g;
  return new RegExp(`(?<!${WORD})${emit(root)}`, 'g');
}

export interface TermHit {
  index: number;
  term: string;
}

/** First hit of a compiled list in a lower-cased string, from `from` on. */
export function firstHit(re: RegExp, lower: string, from = 0): TermHit | null {
  re.lastIndex = from;
  const m = re.exec(lower);
  return m ? { index: m.index, term: m[0] } : null;
}

export function allHits(re: RegExp, lower: string): TermHit[] {
  const hits: TermHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    hits.push({ index: m.index, term: m[0] });
    if (m[0].length === 0) re.lastIndex++;
  }
  return hits;
}

export function hasTerm(re: RegExp, lower: string): boolean {
  return firstHit(re, lower) !== null;
}

/**
 * Several named term lists in one RegExp, so a text is scanned once for a
 * whole vocabulary. A hit's text is the term (or stem) itself, which names
 * its keys. Where two terms start at one place the longer wins.
 */
export interface Vocabulary<K extends string> {
  re: RegExp;
  keysOf: Map<string, K[]>;
}

export function compileVocabulary<K extends string>(order: readonly K[], lists: Partial<Record<string, readonly string[]>>): Vocabulary<K> {
  const keysOf = new Map<string, K[]>();
  const all: string[] = [];
  for (const k of order) {
    for (const t of lists[k] ?? []) {
      const { body: b } = body(t);
      if (!b) continue;
      all.push(t);
      const keys = keysOf.get(b) ?? [];
      if (!keys.includes(k)) keys.push(k);
      keysOf.set(b, keys);
    }
  }
  return { re: compileTerms(all), keysOf };
}

/** The keys a lower-cased string mentions, each with the index of its first hit (of the first that `keep` accepts, if given). */
export function vocabularyHits<K extends string>(v: Vocabulary<K>, lower: string, keep?: (index: number) => boolean): Map<K, number> {
  const out = new Map<K, number>();
  for (const hit of allHits(v.re, lower)) {
    if (keep && !keep(hit.index)) continue;
    for (const k of v.keysOf.get(hit.term) ?? []) if (!out.has(k)) out.set(k, hit.index);
  }
  return out;
}
