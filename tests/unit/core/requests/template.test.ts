import { describe, expect, it } from 'vitest';
import { TemplateError, parseTemplate, renderTemplate } from '../../../../core/requests/template';

describe('renderTemplate', () => {
  it('fills values and dotted paths', () => {
    expect(renderTemplate('Hi {{user.name}}, {{n}}!', { user: { name: 'Lan' }, n: 3 })).toBe('Hi Lan, 3!');
  });

  it('errors on an unknown or empty placeholder, naming it', () => {
    expect(() => renderTemplate('Hi {{who}}', {})).toThrow(TemplateError);
    expect(() => renderTemplate('Hi {{who}}', {})).toThrow('{{who}}');
    expect(() => renderTemplate('Hi {{who}}', { who: null })).toThrow('no value');
    expect(() => renderTemplate('Hi {{who}}', { who: ['a'] })).toThrow('not text');
    expect(() => renderTemplate('Hi {{a.b}}', { a: {} })).toThrow('{{a.b}}');
  });

  it('does not reach into prototypes', () => {
    expect(() => renderTemplate('{{constructor}}', {})).toThrow('no value');
    expect(() => renderTemplate('{{x.toString}}', { x: { y: 'z' } })).toThrow('no value');
  });

  it('handles if/else and nested blocks', () => {
    const t = '{{#if a}}A{{#if b}}B{{else}}b{{/if}}{{else}}-{{/if}}';
    expect(renderTemplate(t, { a: true, b: true })).toBe('AB');
    expect(renderTemplate(t, { a: 'x', b: '' })).toBe('Ab');
    expect(renderTemplate(t, { a: [], b: true })).toBe('-');
  });

  it('loops with each, looking names up on the item first, then outside', () => {
    const t = '{{#each xs}}[{{name}}/{{site}}]{{/each}}{{#each ys}}<{{.}}>{{/each}}';
    expect(renderTemplate(t, { site: 's', xs: [{ name: 'a' }, { name: 'b' }], ys: ['1', '2'] })).toBe('[a/s][b/s]<1><2>');
    expect(() => renderTemplate('{{#each x}}{{/each}}', { x: 'no' })).toThrow('needs a list');
  });

  it('nests each inside if inside each', () => {
    const t = '{{#each rows}}{{#if cells}}{{#each cells}}{{.}}{{/each}};{{/if}}{{/each}}';
    expect(renderTemplate(t, { rows: [{ cells: ['a', 'b'] }, { cells: [] }, { cells: ['c'] }] })).toBe('ab;c;');
  });

  it('includes blocks and stops include loops', () => {
    expect(renderTemplate('<{{> b}}>', { v: 'x' }, { blocks: { b: '{{v}}' } })).toBe('<x>');
    expect(() => renderTemplate('{{> b}}', {}, { blocks: { b: '{{> b}}' } })).toThrow('deeper');
    expect(() => renderTemplate('{{> missing}}', {}, { blocks: {} })).toThrow('no block');
  });

  it('escapes a literal {{ and skips comments', () => {
    expect(renderTemplate('a \\{{b}} {{! note }}c', {})).toBe('a {{b}} c');
  });

  it('never interprets values as templates or patterns', () => {
    expect(renderTemplate('{{v}}', { v: '{{x}} $& \\1 .*' })).toBe('{{x}} $& \\1 .*');
  });

  it('drops the lines of block tags that stand alone, keeping the rest', () => {
    const t = 'a\n{{#if x}}\n  b\n{{/if}}\nc {{#if x}}d{{/if}}\n';
    expect(renderTemplate(t, { x: true })).toBe('a\n  b\nc d\n');
    expect(renderTemplate(t, { x: false })).toBe('a\nc \n');
  });

  it('reports broken templates with where they break', () => {
    expect(() => parseTemplate('{{#if a}}x')).toThrow('never closed');
    expect(() => parseTemplate('x{{/if}}')).toThrow('nothing open');
    expect(() => parseTemplate('{{#if a}}{{/each}}')).toThrow('closes an open');
    expect(() => parseTemplate('{{else}}')).toThrow('outside');
    expect(() => parseTemplate('{{#if a}}{{else}}{{else}}{{/if}}')).toThrow('outside');
    expect(() => parseTemplate('{{a')).toThrow('without');
    expect(() => parseTemplate('{{a b}}')).toThrow('bad character');
    expect(() => parseTemplate('{{#with a}}{{/with}}')).toThrow('unknown tag');
    expect(() => parseTemplate('{{}}')).toThrow('empty name');
    try {
      parseTemplate('abc{{#if a}}', 'demo');
    } catch (e) {
      expect((e as TemplateError).at).toBe(3);
      expect((e as TemplateError).template).toBe('demo');
    }
  });
});
