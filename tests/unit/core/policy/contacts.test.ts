import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';
import { findEmails } from '../../../../core/policy/extract/emails';
import { NOT_A_CONTACT_ROLES } from '../../../../core/policy/types';

const addresses = (text: string) => findEmails(text).map((h) => h.address);

describe('findEmails', () => {
  it('de-obfuscates [at]/[dot], Markdown-escaped \\[at\\], (at), (ät), [punkt] and spelled-out forms', () => {
    expect(addresses('write to privacy\\[at\\]github\\[dot\\]com')).toEqual(['privacy@github.com']);
    expect(addresses('privacy [at] example [dot] org')).toEqual(['privacy@example.org']);
    expect(addresses('datenschutz(at)beispiel(punkt)de')).toEqual(['datenschutz@beispiel.de']);
    expect(addresses('kontakt (ät) firma.de')).toEqual(['kontakt@firma.de']);
    expect(addresses('email privacy at example dot com today')).toEqual(['privacy@example.com']);
  });

  it('does not invent an address from "at" in a sentence', () => {
    expect(addresses('look at example.com and at our terms')).toEqual([]);
  });

  it('strips Markdown emphasis and escapes around an address', () => {
    expect(addresses('email us at _privacy@zillow.com_.')).toEqual(['privacy@zillow.com']);
    expect(addresses('[rep\\_lovescout24@prighter.com](mailto:rep_lovescout24@prighter.com)')).toEqual(['rep_lovescout24@prighter.com', 'rep_lovescout24@prighter.com']);
  });

  it('rejects addresses glued to a footnote number or a word at a line join', () => {
    expect(addresses('siehe Fußnote 90datenschutz@deutschebahn.com')).toEqual([]);
    expect(addresses('contact@avoteca.com … un email lacontact@avoteca.com.')).toEqual(['contact@avoteca.com']);
  });

  it('decodes percent-encoded mailto addresses', () => {
    expect(addresses('mailto:fv%E2%80%90datenschutz@deutschebahn.com')).toEqual(['fv-datenschutz@deutschebahn.com']);
  });

  it('stays linear on long runs without an address', () => {
    expect(addresses('a'.repeat(200_000) + ' ' + '@'.repeat(5000) + ' x[at]'.repeat(5000))).toEqual([]);
  });
});

function summary(text: string, url?: string) {
  return analysePolicy({ text, url: url ?? null });
}

describe('contact roles and the best contact', () => {
  it('never offers a supervisory authority, a payment processor, careers or press address', () => {
    const s = summary(`# Datenschutzerklärung
Verantwortlich ist die Beispiel Reisen GmbH, Hauptstraße 1, 10115 Berlin.
Unseren Datenschutzbeauftragten erreichen Sie unter datenschutz@beispiel-reisen.de.
Zuständige Aufsichtsbehörde: Der Hamburgische Beauftragte für Datenschutz, E-Mail: mailbox@datenschutz.hamburg.de
Die Zahlungsabwicklung erfolgt durch die Concardis GmbH, E-Mail: service@concardis.com
Bewerbungen an career@beispiel-reisen.de, Presseanfragen an presse@beispiel-reisen.de.`);
    const role = (v: string) => s.contacts.find((c) => c.value === v)?.role;
    expect(role('mailbox@datenschutz.hamburg.de')).toBe('authority');
    expect(role('service@concardis.com')).toBe('processor');
    expect(role('career@beispiel-reisen.de')).toBe('careers');
    expect(role('presse@beispiel-reisen.de')).toBe('press');
    expect(s.bestContact?.value.value).toBe('datenschutz@beispiel-reisen.de');
    expect(['dpo', 'privacy']).toContain(s.bestContact?.value.role);
  });

  it('recognises EU and UK representatives and ministries, and prefers the controller', () => {
    const s = summary(`Privacy Policy of Example Inc.
If you have questions or want to exercise your rights, email privacy@example.com.
Our EU representative under Article 27 GDPR is reachable at example@LionheartSquared.eu and EUrepresentative.Example@twobirds.com.
Our UK representative: rep_example@prighter.com (United Kingdom).
For the energy savings scheme write to the ministry at dpd.daj.sg@developpement-durable.gouv.fr.`);
    const role = (v: string) => s.contacts.find((c) => c.value === v)?.role;
    expect(role('example@lionheartsquared.eu')).toBe('euRepresentative');
    expect(role('eurepresentative.example@twobirds.com')).toBe('euRepresentative');
    expect(role('rep_example@prighter.com')).toBe('ukRepresentative');
    expect(role('dpd.daj.sg@developpement-durable.gouv.fr')).toBe('authority');
    expect(s.bestContact?.value.value).toBe('privacy@example.com');
  });

  it('finds a request web form when no address is given', () => {
    const s = summary(`Politique de confidentialité
Pour exercer vos droits d'accès et de suppression, faites votre demande en cliquant [ici](https://example.fr/privacy-request/form).
Consultez la [politique de notre partenaire](https://partner.example/privacy-policy).`);
    expect(s.bestContact?.value.channel).toBe('webForm');
    expect(s.bestContact?.value.value).toBe('https://example.fr/privacy-request/form');
    expect(s.contacts.some((c) => c.value.includes('partner.example'))).toBe(false);
  });

  it('gives no best contact when the policy offers none', () => {
    const s = summary('We do not track you. We do not sell your personal information. Questions go to the help pages.');
    expect(s.bestContact).toBeNull();
  });

  it('reads mailto links of HTML input, with the anchor text as evidence', () => {
    const s = analysePolicy({ html: '<h1>Privacy notice</h1><p>To exercise your rights <a href="mailto:dpo@shop.example">write to our DPO</a>.</p>' });
    expect(s.bestContact?.value).toMatchObject({ channel: 'email', value: 'dpo@shop.example', role: 'dpo' });
    expect(s.bestContact?.evidence[0]?.quote).toBe('write to our DPO');
  });

  it('keeps every role of the closed list, and the forbidden ones are the ones documented', () => {
    expect([...NOT_A_CONTACT_ROLES].sort()).toEqual(['authority', 'careers', 'press', 'processor']);
  });
});
