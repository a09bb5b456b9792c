import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy, policyText } from '../../../../core/policy/analyse';
import { POLICY_SUMMARY_VERSION, type Evidence, type PolicySummary } from '../../../../core/policy/index';

const DIR = join(import.meta.dirname, '../../../fixtures/policies');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');

function allEvidence(s: PolicySummary): Evidence[] {
  const out: Evidence[] = [];
  for (const value of Object.values(s)) {
    if (value && typeof value === 'object' && 'evidence' in value && Array.isArray(value.evidence)) out.push(...(value.evidence as Evidence[]));
  }
  out.push(...s.contacts.map((c) => c.evidence));
  return out;
}

describe('analysePolicy on the development corpus', () => {
  it('has all twenty policies', () => expect(FILES).toHaveLength(20));

  for (const file of FILES) {
    it(`${file}: every quote is the exact text at its offsets, and the summary is plain JSON`, () => {
      const input = { text: readFileSync(join(DIR, file), 'utf8') };
      const s = analysePolicy(input);
      const text = policyText(input);
      expect(s.textLength).toBe(text.length);
      for (const e of allEvidence(s)) {
        expect(e.quote.length).toBeGreaterThan(0);
        expect(text.slice(e.start, e.end)).toBe(e.quote);
      }
      for (const f of [s.sale, s.retention, s.rights, s.dataCategories, s.purposes, s.sharing, s.transfers, s.childrenMinAge, s.lastUpdated, s.legalBases, s.securityMeasures, s.regimes]) {
        expect(f.confidence).toBeGreaterThanOrEqual(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
      }
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
      expect(s.version).toBe(POLICY_SUMMARY_VERSION);
    });
  }

  it('is deterministic', () => {
    const text = readFileSync(join(DIR, 'en_signal.md'), 'utf8');
    expect(analysePolicy({ text })).toEqual(analysePolicy({ text }));
  });

  it('reads the same policy as HTML and as text', () => {
    const html = '<html lang="en"><body><h1>Privacy Policy</h1><p>Last updated: May 25, 2018.</p><p>We do not sell your personal information.</p><p>Questions? Email <a href="mailto:privacy@example.org">privacy@example.org</a>.</p></body></html>';
    const fromHtml = analysePolicy({ html });
    const fromText = analysePolicy({ text: '# Privacy Policy\nLast updated: May 25, 2018.\nWe do not sell your personal information.\nQuestions? Email privacy@example.org.' });
    for (const s of [fromHtml, fromText]) {
      expect(s.sale.value).toBe('doesNotSell');
      expect(s.lastUpdated.value).toBe('2018-05-25');
      expect(s.bestContact?.value.value).toBe('privacy@example.org');
      expect(s.title).toBe('Privacy Policy');
    }
  });

  it('treats text sent with an HTML content type as HTML', () => {
    const s = analysePolicy({ text: '<p>We do not sell your personal information.</p><script>we sell</script>', contentType: 'text/html; charset=utf-8' });
    expect(s.sale.value).toBe('doesNotSell');
  });
});

describe('hostile input', () => {
  it('handles empty, binary, huge and malformed input without throwing', () => {
    expect(analysePolicy({}).warnings).toContain('The document has no text.');
    const binary = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => i % 256));
    expect(() => analysePolicy({ text: binary })).not.toThrow();
    const huge = analysePolicy({ text: 'We keep data for 30 days. '.repeat(40_000) });
    expect(huge.warnings.some((w) => w.startsWith('Text cut'))).toBe(true);
    expect(huge.retention.value.kind).toBe('period');
    const broken = '<div>'.repeat(50_000) + '<a href="mailto:x@y.com">' + '<p>privacy@'.repeat(10_000);
    expect(() => analysePolicy({ html: broken })).not.toThrow();
    expect(analysePolicy({ html: broken }).warnings.some((w) => w.startsWith('HTML nested too deeply'))).toBe(true);
  }, 60_000);

  it('stays linear on inputs built to make regexes backtrack', () => {
    const s = analysePolicy({ text: `${'a.'.repeat(100_000)} ${'A '.repeat(50_000)}GmbH ${'1'.repeat(50_000)} ${'x@'.repeat(30_000)}` });
    expect(s.textLength).toBeGreaterThan(0);
  }, 60_000);
});
