import { describe, expect, it } from 'vitest';
import { letterTemplates, localCitation, renderFollowUp, renderLetter, uiCitation } from '../../../../core/requests/letter';
import { REGIMES } from '../../../../core/requests/regimes';
import { LETTER_LANGUAGES, type LetterLanguage } from '../../../../core/requests/types';
import { EMPTY_FACTS, input } from './fixtures';

const matrix = REGIMES.flatMap((regime) =>
  regime.types.flatMap((spec) => LETTER_LANGUAGES.map((language) => [regime.id, spec.type, language] as const)),
);

describe('letter matrix', () => {
  it('covers every regime x type x language', () => {
    expect(matrix.length).toBe(REGIMES.reduce((n, r) => n + r.types.length, 0) * 4);
    expect(matrix.length).toBe(148); // 37 regime x type pairs
  });

  it.each(matrix)('%s / %s / %s renders whole, with its citations, the name and the facts', (regime, type, language) => {
    const letter = renderLetter(input({ regime, type, language }));
    expect(letter.body).not.toContain('{{');
    expect(letter.body).not.toContain('}}');
    expect(letter.subject).not.toContain('{{');
    expect(letter.subject).toContain('shop.example');
    for (const citation of letter.citations) expect(letter.body).toContain(citation);
    const spec = REGIMES.find((r) => r.id === regime)?.types.find((t) => t.type === type);
    for (const citation of spec?.citations ?? []) expect(letter.citations).toContain(localCitation(citation, language));
    expect(letter.body).toContain('Lan Nguyen');
    expect(letter.body).toContain('lan@mail.example');
    expect(letter.body).toContain('C-1234');
    // The logged facts: the cookie set despite refusal, the CMP and its consent string, a vendor.
    expect(letter.body).toContain('_ga');
    expect(letter.body).toContain('Cookiebot');
    expect(letter.body).toContain('CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA');
    expect(letter.body).toContain('Tracker Inc');
    expect(letter.body).not.toMatch(/\n{3,}/);
  });

  it.each(LETTER_LANGUAGES)('%s has the same blocks as English', (language: LetterLanguage) => {
    expect(Object.keys(letterTemplates()[language]).sort()).toEqual(Object.keys(letterTemplates().en).sort());
  });
});

describe('renderLetter', () => {
  it('leaves out the facts section and unused identity lines when there is nothing to say', () => {
    const letter = renderLetter(
      input({ facts: EMPTY_FACTS, identity: { name: 'Lan Nguyen', email: null, postalAddress: null, accountIds: [] } }),
    );
    expect(letter.body).not.toContain('My browser recorded');
    expect(letter.body).not.toContain('Email address');
    expect(letter.body).toContain('Name: Lan Nguyen');
  });

  it('discloses only the identity fields it is given', () => {
    const body = renderLetter(input({ identity: { name: 'Lan Nguyen', email: 'lan@mail.example', postalAddress: '1 Road\nHanoi', accountIds: [] } })).body;
    expect(body).toContain('Postal address: 1 Road, Hanoi');
    expect(body).not.toContain('Customer number');
  });

  it('inserts outside text as text: template syntax and line breaks in data stay inert', () => {
    const letter = renderLetter(
      input({
        company: { name: 'Evil {{user.name}} Ltd', site: 'shop.example', contact: null },
        identity: { name: 'Lan\r\nBcc: x@evil.example', email: null, postalAddress: null, accountIds: [] },
        details: 'My {{#if x}} name is wrong',
        type: 'rectification',
      }),
    );
    expect(letter.body).toContain('Evil {{user.name}} Ltd');
    expect(letter.body).toContain('My {{#if x}} name is wrong');
    expect(letter.body).toContain('Name: Lan  Bcc: x@evil.example');
    expect(letter.body).not.toContain('\nBcc:');
  });

  it('asks the user to describe a correction when no details are given, and uses them when they are', () => {
    expect(renderLetter(input({ type: 'rectification' })).body).toContain('[describe here');
    const withDetails = renderLetter(input({ type: 'rectification', details: 'My surname is Nguyễn.' })).body;
    expect(withDetails).toContain('My surname is Nguyễn.');
    expect(withDetails).not.toContain('[describe here');
  });

  it('keeps the lines of a postal address heading the letter, flattening control characters', () => {
    const body = renderLetter(input({ company: { name: 'Shop', site: 'shop.example', contact: 'Road 1\n\n12345 City\u0007\nGermany' } })).body;
    expect(body.startsWith('Shop\nRoad 1\n12345 City\nGermany\n')).toBe(true);
  });

  it('withdraws exactly the consent the consent platform stored as on, not what it claims under legitimate interest', () => {
    const body = renderLetter(input({ type: 'withdrawConsent' })).body;
    expect(body).toContain('in particular for: functional.');
    expect(body).not.toMatch(/in particular for: [^.]*personalisation/);
  });

  it('states the due day computed from the letter date', () => {
    expect(renderLetter(input({ today: '2026-01-31' })).body).toContain('by 2 March 2026');
    expect(renderLetter(input({ language: 'de', today: '2026-01-31' })).body).toContain('am 2. März 2026');
    expect(renderLetter(input({ language: 'vi', regime: 'vnPdpl', today: '2026-03-02' })).body).toContain('ngày 23 tháng 3 năm 2026');
  });

  it('refuses a letter without a name or a site, and a type the regime lacks', () => {
    expect(() => renderLetter(input({ identity: { name: ' ', accountIds: [] } }))).toThrow('name');
    expect(() => renderLetter(input({ company: { name: 'X', site: '', contact: null } }))).toThrow('site');
    expect(() => renderLetter(input({ regime: 'ccpa', type: 'access' }))).toThrow('access');
  });
});

describe('renderFollowUp', () => {
  const original = { sentAt: '2026-03-10', dueDate: '2026-04-10', channel: 'mailto' };
  const authority = { slug: 'frcnil', name: 'CNIL', country: 'FR', email: null, webForm: null, address: '3 Place de Fontenoy\n75007 Paris', web: null, credit: '' };

  it.each(LETTER_LANGUAGES)('writes a reminder and a complaint in %s with the dates and citations', (language) => {
    const reminder = renderFollowUp('reminder', { ...input({ language, today: '2026-04-20' }), original });
    expect(reminder.body).toContain(localCitation('Art. 12(3) GDPR', language));
    expect(reminder.body).toContain(localCitation('Art. 77 GDPR', language));
    expect(reminder.body).toContain('2026');
    expect(reminder.body).not.toContain('{{');
    const complaint = renderFollowUp('complaint', { ...input({ language, today: '2026-04-20' }), original, authority });
    expect(complaint.body.startsWith(language === 'vi' ? 'Kính gửi: CNIL' : 'CNIL')).toBe(true);
    expect(complaint.body).toContain('75007 Paris');
    expect(complaint.body).toContain('shop.example');
    expect(complaint.citations).toContain(localCitation('Art. 77 GDPR', language));
    expect(complaint.body).toContain('_ga');
  });

  it.each([
    ['en', 'mailto', ', by email.'],
    ['en', 'webForm', ', through the form on the website.'],
    ['vi', 'print', ', qua đường bưu điện.'],
    ['de', 'eml', ', per E-Mail.'],
    ['fr', 'print', ', par courrier postal.'],
  ] as const)('says in %s how the request went (%s), in words', (language, channel, words) => {
    for (const kind of ['reminder', 'complaint'] as const) {
      const letter = renderFollowUp(kind, { ...input({ language, today: '2026-04-20' }), original: { ...original, channel }, authority });
      expect(letter.body).toContain(words);
      expect(letter.body).not.toContain(channel);
    }
  });

  it('does not say how a copied request went, nor name a channel it does not know', () => {
    for (const channel of ['copy', 'carrier pigeon', null]) {
      const letter = renderFollowUp('reminder', { ...input({ today: '2026-04-20' }), original: { ...original, channel } });
      expect(letter.body).toContain('Art. 15(3) GDPR). The period to answer it ended');
      if (channel) expect(letter.body).not.toContain(channel);
    }
  });

  it('needs an authority for a complaint', () => {
    expect(() => renderFollowUp('complaint', { ...input(), original })).toThrow('authority');
  });
});

describe('citations in the letter language', () => {
  it('names the GDPR as the language does, never the UK GDPR, and Vietnamese law in Vietnamese', () => {
    expect(localCitation('Art. 15(3) GDPR', 'de')).toBe('Art. 15(3) DSGVO');
    expect(localCitation('Art. 15(3) GDPR', 'fr')).toBe('Art. 15(3) RGPD');
    expect(localCitation('Art. 15(3) UK GDPR', 'de')).toBe('Art. 15(3) UK GDPR');
    expect(localCitation('Art. 15(3) GDPR', 'en')).toBe('Art. 15(3) GDPR');
    expect(localCitation('Decree 356/2025/ND-CP', 'vi')).toBe('Nghị định số 356/2025/NĐ-CP');
    const de = renderLetter(input({ language: 'de' }));
    expect(de.citations).toContain('Art. 15(3) DSGVO');
    expect(de.body).not.toContain(' GDPR');
    const fr = renderLetter(input({ language: 'fr' }));
    expect(fr.body).toContain("dans un délai d'un mois");
  });

  it('gives the pages a provision in both interface languages', () => {
    expect(uiCitation('Art. 12(3) GDPR')).toEqual({ en: 'Art. 12(3) GDPR', vi: 'Điều 12(3) GDPR' });
  });
});

describe('facts without a refusal time', () => {
  it.each([
    ['en', '- I refused: analytics, advertising.'],
    ['de', '- Ich habe abgelehnt: Statistik, Werbung.'],
    ['fr', "- J'ai refusé : mesure d'audience, publicité."],
    ['vi', '- Tôi đã từ chối: phân tích, quảng cáo.'],
  ] as const)('%s still says what was refused', (language, line) => {
    const facts = { ...input().facts, refused: { purposes: ['analytics', 'advertising'], at: null } };
    expect(renderLetter(input({ language, facts })).body).toContain(line);
  });
});

describe('objection letters', () => {
  const body = (regime: 'gdpr' | 'ukGdpr' | 'lgpd' | 'vnPdpl', details?: string) => renderLetter(input({ regime, type: 'objection', language: 'en', details })).body;

  it('under the GDPR and the UK GDPR, ask for the grounds of the particular situation (Art. 21(1)) and weigh them against compelling grounds', () => {
    for (const regime of ['gdpr', 'ukGdpr'] as const) {
      expect(body(regime)).toContain('grounds relating to my particular situation:\n[describe here your particular situation');
      expect(body(regime)).toContain('compelling legitimate grounds');
      expect(body(regime, 'I am a journalist and my address must stay private.')).toContain('particular situation:\nI am a journalist');
    }
  });

  it('under the LGPD, state the breach of the law (Art. 18 §2), not the GDPR balance', () => {
    expect(body('lgpd')).toContain('does not comply with the LGPD, because:\n[describe here what in this processing breaks the law');
    expect(body('lgpd')).not.toContain('compelling');
    expect(body('lgpd')).not.toContain('particular situation');
  });

  it("under Vietnam's law, ask to stop without a balance of interests", () => {
    expect(body('vnPdpl')).toContain('Please stop this processing.');
    expect(body('vnPdpl')).not.toContain('compelling');
    expect(body('vnPdpl')).not.toContain('[describe');
  });
});

describe('LGPD letters in its own terms', () => {
  const body = (regime: 'gdpr' | 'lgpd', type: 'restriction' | 'automatedDecision') => renderLetter(input({ regime, type, language: 'en' })).body;

  it('asks to block unnecessary, excessive or unlawful data (Art. 18 IV), not the GDPR restriction', () => {
    expect(body('lgpd', 'restriction')).toContain('block my personal data that is unnecessary, excessive or processed in breach of the LGPD');
    expect(body('lgpd', 'restriction')).not.toContain('I have objected');
    expect(body('gdpr', 'restriction')).toContain('restrict the processing of my personal data');
    expect(renderLetter(input({ regime: 'lgpd', type: 'restriction', language: 'en' })).subject).toBe('Request for blocking of personal data (Art. 18 IV LGPD) – shop.example');
    expect(renderLetter(input({ regime: 'lgpd', type: 'automatedDecision', language: 'vi' })).subject).toContain('Yêu cầu xem xét lại quyết định tự động');
    expect(renderLetter(input({ regime: 'gdpr', type: 'restriction', language: 'en' })).subject).toContain('Request for restriction of processing');
  });

  it('asks for a review of automated decisions that affect my interests (Art. 20), not the GDPR human intervention', () => {
    expect(body('lgpd', 'automatedDecision')).toContain('review the decisions you take about me');
    expect(body('lgpd', 'automatedDecision')).toContain('criteria and procedures');
    expect(body('lgpd', 'automatedDecision')).not.toContain('human intervention');
    expect(body('gdpr', 'automatedDecision')).toContain('human intervention');
  });
});

describe('the answer day', () => {
  it('is named for a letter sent now, and left out of one sent by post, whose day of receipt is unknown', () => {
    for (const regime of ['gdpr', 'lgpd'] as const) {
      const now = renderLetter(input({ regime, type: 'erasure', language: 'en' })).body;
      const posted = renderLetter(input({ regime, type: 'erasure', language: 'en', byPost: true })).body;
      expect(now).toMatch(/(by|from you by) \d{1,2} [A-Z][a-z]+ 2026/);
      expect(posted).not.toMatch(/(by|from you by) \d{1,2} [A-Z][a-z]+ 2026/);
      expect(posted).toContain('of receipt');
    }
    expect(renderLetter(input({ regime: 'gdpr', type: 'access', language: 'vi', byPost: true })).body).not.toContain('tức là chậm nhất');
  });
});

describe('localCitation', () => {
  it('names an article in the letter language, and the GDPR by its local name', () => {
    expect(localCitation('Art. 15(3) GDPR', 'en')).toBe('Art. 15(3) GDPR');
    expect(localCitation('Art. 15(3) GDPR', 'de')).toBe('Art. 15(3) DSGVO');
    expect(localCitation('Art. 15(3) GDPR', 'vi')).toBe('Điều 15(3) GDPR');
    expect(localCitation('Art. 15 UK GDPR', 'vi')).toBe('Điều 15 UK GDPR');
    expect(localCitation('Art. 18 IV LGPD', 'vi')).toBe('Điều 18 IV LGPD');
    expect(localCitation('Cal. Civ. Code §1798.130(a)(2)', 'vi')).toBe('Cal. Civ. Code §1798.130(a)(2)');
    // A citation with English words in it is rewritten whole.
    expect(localCitation('Art. 12(3) and 12A UK GDPR', 'vi')).toBe('Điều 12(3) và Điều 12A UK GDPR');
    expect(localCitation('Art. 12(3) and 12A UK GDPR', 'de')).toBe('Art. 12(3) und 12A UK GDPR');
  });
});

describe('every provision the regimes cite', () => {
  it('reads without English joining words in German, French and Vietnamese', () => {
    const all = REGIMES.flatMap((r) => [r.complaint.citation, ...r.types.flatMap((t) => [...t.citations, t.deadline.citation, t.verificationCitation, ...(t.acknowledgement ? [t.acknowledgement.citation] : [])])]);
    for (const citation of new Set(all)) for (const language of ['de', 'fr', 'vi'] as const) expect(localCitation(citation, language)).not.toMatch(/\b(and|or)\b/);
  });
});
