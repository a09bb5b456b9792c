import { describe, expect, it } from 'vitest';
import { htmlToStructuredText } from '../../../../core/policy/html';

const PAGE = `<!doctype html><html lang="de-DE"><head><title>Datenschutz &amp; Cookies</title><style>.x{color:red}</style>
<script>var email = "spam@example.com";</script></head><body>
<nav><a href="/">Start</a><a href="/shop">Shop</a></nav>
<h1>Datenschutzerklärung</h1>
<p>Wir   speichern
Daten für <b>90 Tage</b>.</p>
<h2>Kontakt</h2>
<p>Schreiben Sie <a href="mailto:datenschutz@example.de">unserem Datenschutzbeauftragten</a>.</p>
<ul><li>Auskunft</li><li>Löschung</li></ul>
<table><tr><th>Zweck</th><th>Dauer</th></tr><tr><td>Logs</td><td>7 Tage</td></tr></table>
<template><p>hidden template</p></template><div hidden>hidden div</div>
<footer><p>Beispiel GmbH, Berlin</p></footer>
</body></html>`;

describe('htmlToStructuredText', () => {
  const out = htmlToStructuredText(PAGE);

  it('keeps headings as # lines and records them', () => {
    expect(out.text).toContain('# Datenschutzerklärung');
    expect(out.text).toContain('## Kontakt');
    expect(out.headings.map((h) => [h.level, h.text])).toEqual([
      [1, 'Datenschutzerklärung'],
      [2, 'Kontakt'],
    ]);
    for (const h of out.headings) expect(out.text.slice(h.start)).toMatch(/^#+ /);
  });

  it('makes list items and table rows into lines', () => {
    expect(out.text).toContain('- Auskunft\n- Löschung');
    expect(out.text).toContain('Zweck | Dauer\nLogs | 7 Tage');
  });

  it('keeps mailto targets with the position of their anchor text', () => {
    const link = out.links.find((l) => l.href.startsWith('mailto:'));
    expect(link?.href).toBe('mailto:datenschutz@example.de');
    expect(out.text.slice(link!.start, link!.end)).toBe('unserem Datenschutzbeauftragten');
  });

  it('drops scripts, styles, navigation, templates and hidden elements', () => {
    expect(out.text).not.toContain('spam@example.com');
    expect(out.text).not.toContain('color:red');
    expect(out.text).not.toContain('Shop');
    expect(out.text).not.toContain('hidden');
  });

  it('reads title and lang and collapses whitespace', () => {
    expect(out.title).toBe('Datenschutz & Cookies');
    expect(out.lang).toBe('de-de');
    expect(out.text).toContain('Wir speichern Daten für 90 Tage.');
    expect(out.text).toContain('Beispiel GmbH, Berlin');
  });

  it('survives malformed and hostile HTML', () => {
    const broken = '<div><p>Unclosed <b>bold <i>nested</div></td></tr><a href="x">link' + '<div>'.repeat(20000) + '&#xZZZ; &bogus; <';
    const r = htmlToStructuredText(broken);
    expect(r.text).toContain('Unclosed bold nested');
    expect(r.text).toContain('link');
    expect(htmlToStructuredText('\u0000\u0001\u00ff'.repeat(1000)).text.length).toBeGreaterThan(0);
    expect(htmlToStructuredText('').text).toBe('');
  });
});
