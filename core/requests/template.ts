/**
 * A small template language for letters, parsed by hand (no RegExp is ever
 * built from a template or from the values put into it):
 *
 *   {{path.to.value}}        the value, as plain text
 *   {{#if path}}…{{else}}…{{/if}}   a non-empty value (string, list, true, object)
 *   {{#each path}}…{{/each}} once per list item; inside, `{{.}}` is the item
 *                            and names are looked up on the item first
 *   {{> block}}              another template (shared paragraphs)
 *   {{! comment }}           nothing
 *   \{{                      a literal "{{"
 *
 * A name with no value (missing, null, or not text) is an error: a letter
 * never goes out with a gap in it.
 */

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; path: string; at: number }
  | { kind: 'if'; path: string; then: TemplateNode[]; otherwise: TemplateNode[]; at: number }
  | { kind: 'each'; path: string; body: TemplateNode[]; at: number }
  | { kind: 'block'; name: string; at: number };

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly template: string,
    readonly at: number,
  ) {
    super(`${template}: ${message} (at character ${at})`);
    this.name = 'TemplateError';
  }
}

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-';

function checkName(name: string, template: string, at: number): string {
  if (!name) throw new TemplateError('empty name', template, at);
  for (const ch of name) if (!NAME_CHARS.includes(ch)) throw new TemplateError(`bad character "${ch}" in name "${name}"`, template, at);
  return name;
}

interface Frame {
  kind: 'root' | 'if' | 'each';
  nodes: TemplateNode[];
  node?: Extract<TemplateNode, { kind: 'if' | 'each' }>;
  inElse?: boolean;
  at: number;
}

function isLineStart(source: string, index: number): boolean {
  return index === 0 || source[index - 1] === '\n';
}

/** The index after the line break ending `source` from `from`, when only spaces/tabs stand before it; else -1. */
function endOfBlankRest(source: string, from: number): number {
  let j = from;
  while (source[j] === ' ' || source[j] === '\t') j += 1;
  if (j === source.length) return j;
  if (source[j] === '\r' && source[j + 1] === '\n') return j + 2;
  return source[j] === '\n' ? j + 1 : -1;
}

/** Splits a template into nodes, or throws a {@link TemplateError} saying where it is broken. */
export function parseTemplate(source: string, name = 'template'): TemplateNode[] {
  const root: Frame = { kind: 'root', nodes: [], at: 0 };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1] as Frame;
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) top().nodes.push({ kind: 'text', text });
    text = '';
  };
  while (i < source.length) {
    if (source.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!source.startsWith('{{', i)) {
      text += source[i];
      i += 1;
      continue;
    }
    const close = source.indexOf('}}', i + 2);
    if (close < 0) throw new TemplateError('"{{" without "}}"', name, i);
    const tag = source.slice(i + 2, close).trim();
    const at = i;
    i = close + 2;
    // A tag other than a value alone on its line takes the line with it.
    if (/^[#/!>]|^else$/.test(tag)) {
      const lineStart = text.lastIndexOf('\n') + 1;
      const before = text.slice(lineStart);
      const startsLine = before.trim() === '' && (lineStart > 0 || (text === before && isLineStart(source, at - before.length)));
      const eol = endOfBlankRest(source, i);
      if (startsLine && eol >= 0) {
        text = text.slice(0, lineStart);
        i = eol;
      }
    }
    flush();
    if (tag.startsWith('!')) continue;
    if (tag.startsWith('#if ') || tag.startsWith('#each ')) {
      const isIf = tag.startsWith('#if ');
      const path = checkName(tag.slice(isIf ? 4 : 6).trim(), name, at);
      const node: Extract<TemplateNode, { kind: 'if' | 'each' }> = isIf
        ? { kind: 'if', path, then: [], otherwise: [], at }
        : { kind: 'each', path, body: [], at };
      top().nodes.push(node);
      stack.push({ kind: isIf ? 'if' : 'each', nodes: isIf ? (node as { then: TemplateNode[] }).then : (node as { body: TemplateNode[] }).body, node, at });
    } else if (tag === 'else') {
      const frame = top();
      if (frame.kind !== 'if' || frame.inElse || frame.node?.kind !== 'if') throw new TemplateError('"{{else}}" outside an "{{#if}}"', name, at);
      frame.inElse = true;
      frame.nodes = frame.node.otherwise;
    } else if (tag === '/if' || tag === '/each') {
      const frame = top();
      const want = tag.slice(1);
      if (frame.kind !== want) {
        throw new TemplateError(frame.kind === 'root' ? `"{{${tag}}}" with nothing open` : `"{{${tag}}}" closes an open "{{#${frame.kind}}}"`, name, at);
      }
      stack.pop();
    } else if (tag.startsWith('>')) {
      top().nodes.push({ kind: 'block', name: checkName(tag.slice(1).trim(), name, at), at });
    } else if (tag.startsWith('#') || tag.startsWith('/')) {
      throw new TemplateError(`unknown tag "{{${tag}}}"`, name, at);
    } else {
      top().nodes.push({ kind: 'value', path: tag === '.' ? '.' : checkName(tag, name, at), at });
    }
  }
  flush();
  if (stack.length > 1) {
    const open = top();
    throw new TemplateError(`"{{#${open.kind}}}" is never closed`, name, open.at);
  }
  return root.nodes;
}

export type TemplateValue = string | number | boolean | null | undefined | TemplateValue[] | { [key: string]: TemplateValue };
export type TemplateContext = { [key: string]: TemplateValue };

function own(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function lookup(scopes: TemplateValue[], path: string): { found: boolean; value: TemplateValue } {
  if (path === '.') return { found: scopes.length > 1, value: scopes[scopes.length - 1] };
  const [head, ...rest] = path.split('.');
  for (let s = scopes.length - 1; s >= 0; s -= 1) {
    const scope = scopes[s];
    if (scope === null || typeof scope !== 'object' || Array.isArray(scope) || !own(scope, head as string)) continue;
    let value: TemplateValue = scope[head as string];
    for (const key of rest) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !own(value, key)) return { found: false, value: undefined };
      value = value[key];
    }
    return { found: true, value };
  }
  return { found: false, value: undefined };
}

function truthy(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

export interface RenderOptions {
  /** Other templates `{{> name}}` may include. */
  blocks?: Record<string, string>;
  name?: string;
}

const MAX_DEPTH = 8;

/** Renders a template with plain-text values; throws a {@link TemplateError} for any gap. */
export function renderTemplate(source: string, context: TemplateContext, options: RenderOptions = {}): string {
  const cache = new Map<string, TemplateNode[]>();
  const parsed = (src: string, nm: string) => {
    let nodes = cache.get(nm);
    if (!nodes) cache.set(nm, (nodes = parseTemplate(src, nm)));
    return nodes;
  };
  const blocks = options.blocks ?? {};
  const walk = (nodes: TemplateNode[], scopes: TemplateValue[], nm: string, depth: number): string => {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') {
        out += node.text;
      } else if (node.kind === 'value') {
        const { found, value } = lookup(scopes, node.path);
        if (!found || value === null || value === undefined) throw new TemplateError(`no value for "{{${node.path}}}"`, nm, node.at);
        if (typeof value !== 'string' && typeof value !== 'number') throw new TemplateError(`"{{${node.path}}}" is not text`, nm, node.at);
        out += String(value);
      } else if (node.kind === 'if') {
        const { found, value } = lookup(scopes, node.path);
        if (!found) throw new TemplateError(`no value for "{{#if ${node.path}}}"`, nm, node.at);
        out += walk(truthy(value) ? node.then : node.otherwise, scopes, nm, depth);
      } else if (node.kind === 'each') {
        const { found, value } = lookup(scopes, node.path);
        if (!found || !Array.isArray(value)) throw new TemplateError(`"{{#each ${node.path}}}" needs a list`, nm, node.at);
        for (const item of value) out += walk(node.body, [...scopes, item], nm, depth);
      } else {
        if (!own(blocks, node.name)) throw new TemplateError(`no block "${node.name}"`, nm, node.at);
        if (depth >= MAX_DEPTH) throw new TemplateError(`blocks nested deeper than ${MAX_DEPTH} (a loop?)`, nm, node.at);
        out += walk(parsed(blocks[node.name] as string, node.name), scopes, node.name, depth + 1);
      }
    }
    return out;
  };
  const nm = options.name ?? 'template';
  return walk(parsed(source, nm), [context], nm, 0);
}
