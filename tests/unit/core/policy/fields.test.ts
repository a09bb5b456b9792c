import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';

const analyse = (text: string, url: string | null = null) => analysePolicy({ text, url });

describe('controller', () => {
  it('takes the organisation named as controller, with its country', () => {
    const s = analyse('Verantwortlicher im Sinne der DSGVO ist die Beispiel Reisen GmbH, Hauptstraße 1, 10115 Berlin, Deutschland.');
    expect(s.controller?.value).toEqual({ name: 'Beispiel Reisen GmbH', country: 'DE' });
  });

  it('reads the name on the line after "the controller is:"', () => {
    const s = analyse('Das für Ihre Daten verantwortliche Unternehmen ist:\nMeetic S.A.S.\n53 Rue de Châteaudun Paris 9 Frankreich');
    expect(s.controller?.value).toEqual({ name: 'Meetic S.A.S.', country: 'FR' });
  });

  it('prefers the site over a vendor that acts as its own controller', () => {
    const s = analyse(
      'This notice describes what Example Coffee Corporation and its affiliates ("we", "us") collect.\nOne such supplier is Fraudcheck, Inc., which uses the information as a controller.',
      'https://www.examplecoffee.com/privacy',
    );
    expect(s.controller?.value.name).toBe('Example Coffee Corporation');
  });

  it('is null when no organisation is named', () => {
    expect(analyse('We keep your data safe.').controller).toBeNull();
  });
  it('keeps names joined by "&" and ending in other legal forms whole', () => {
    const name = (text: string) => analyse(text)?.controller?.value.name;
    expect(name('The data controller is Lantern & Loom Lda, Rua das Flores 12, 1200-195 Lisboa, Portugal.')).toBe('Lantern & Loom Lda');
    expect(name('The data controller is Lantern & Loom Ltd, 4 Mill Lane, Leeds, United Kingdom.')).toBe('Lantern & Loom Ltd');
    expect(analyse('The controller is Lantern & Loom, Lda., Rua das Flores 12, 1200-195 Lisboa, Portugal.').controller?.value).toEqual({
      name: 'Lantern & Loom, Lda.',
      country: 'PT',
    });
    expect(name('The data controller is Kowalski & Nowak Sp. z o.o., ul. Polna 3, Warszawa, Poland.')).toBe('Kowalski & Nowak Sp. z o.o.');
    expect(name('The controller is Ponte Dati S.r.l., Via Roma 1, Milano, Italy.')).toBe('Ponte Dati S.r.l.');
    expect(name('The controller is Brasa Digital Ltda., São Paulo, Brazil.')).toBe('Brasa Digital Ltda.');
  });
});

describe('children', () => {
  it('reads the minimum age in several languages', () => {
    expect(analyse('Our services are not directed to children under the age of 13.').childrenMinAge.value).toBe(13);
    expect(analyse('Unser Dienst ist nur für Personen bestimmt, die mindestens 18 Jahre alt sind.').childrenMinAge.value).toBe(18);
    expect(analyse('Los menores de 14 años no podrán usar los servicios.').childrenMinAge.value).toBe(14);
    expect(analyse('Il est nécessaire d’avoir 16 ans pour créer un compte.').childrenMinAge.value).toBe(16);
    expect(analyse('Dịch vụ không dành cho trẻ em dưới 16 tuổi.').childrenMinAge.value).toBe(16);
    expect(analyse('Users must be legal adults, generally eighteen (18) years of age and older.').childrenMinAge.value).toBe(18);
  });

  it('prefers the service age over an age tied to one practice', () => {
    const s = analyse('We do not knowingly sell or share information of customers under the age of 18 for targeted advertising. Our services are not intended for anyone under the age of 13.');
    expect(s.childrenMinAge.value).toBe(13);
  });

  it('is null when no age is given', () => {
    expect(analyse('We collect your name and email address.').childrenMinAge.value).toBeNull();
  });
});

describe('sharing, transfers, security, legal bases, regimes, categories, purposes', () => {
  const s = analyse(`# Privacy Policy
We collect your name, email address, IP address and payment information to provide our services, process payments, prevent fraud and for analytics and advertising.
We share personal data with service providers, affiliates and advertising partners.
Our legal basis is your consent (Art. 6(1)(a) GDPR), the performance of a contract and our legitimate interests.
Data is transferred outside the EEA under standard contractual clauses and the EU-U.S. Data Privacy Framework.
We protect your data with encryption and access controls. California residents have rights under the CCPA.`);

  it('lists recipients and says it shares', () => {
    expect(s.sharing.value.shares).toBe(true);
    expect(s.sharing.value.recipients).toEqual(expect.arrayContaining(['serviceProviders', 'affiliates', 'advertisers']));
  });

  it('finds international transfers with their safeguards', () => {
    expect(s.transfers.value.international).toBe(true);
    expect(s.transfers.value.safeguards).toEqual(expect.arrayContaining(['standardContractualClauses', 'dataPrivacyFramework']));
  });

  it('finds security measures, legal bases and regimes', () => {
    expect(s.securityMeasures.value).toBe(true);
    expect(s.legalBases.value).toEqual(expect.arrayContaining(['consent', 'contract', 'legitimateInterests']));
    expect(s.regimes.value).toEqual(expect.arrayContaining(['GDPR', 'CCPA/CPRA']));
  });

  it('finds data categories and purposes', () => {
    expect(s.dataCategories.value).toEqual(expect.arrayContaining(['contact', 'identifiers', 'deviceAndUsage', 'financial']));
    expect(s.purposes.value).toEqual(expect.arrayContaining(['serviceProvision', 'payments', 'security', 'analytics', 'advertising']));
  });

  it('lists no recipient from a sentence that denies sharing with it', () => {
    const d = analyse('We share your personal data with service providers. We do not share it with advertisers.');
    expect(d.sharing.value).toEqual({ shares: true, recipients: ['serviceProviders'] });
    expect(analyse('We share personal data with service providers, but not with advertisers.').sharing.value.recipients).toEqual(['serviceProviders']);
    expect(analyse('Nous ne partageons pas vos données avec des annonceurs.').sharing.value.recipients).toEqual([]);
    // An exception after a denial names who does receive the data.
    expect(analyse('We do not share your personal data with third parties except service providers.').sharing.value.recipients).toEqual([
      'serviceProviders',
    ]);
    // A denial inside the object is not a denial of the sharing.
    expect(analyse('We may share information that does not identify you with advertisers.').sharing.value.recipients).toEqual(['advertisers']);
  });

  it('says "does not share" when the text only denies sharing', () => {
    const d = analyse('We do not share your personal data with third parties.');
    expect(d.sharing.value).toEqual({ shares: false, recipients: [] });
    expect(d.sharing.evidence[0]?.quote).toBe('We do not share your personal data with third parties.');
  });

  it('reports nothing for a text that says nothing', () => {
    const n = analyse('Hello world. This page is about our shop opening hours and the weather today in the city.');
    expect(n.securityMeasures.value).toBe(false);
    expect(n.transfers.value.international).toBe(false);
    expect(n.regimes.value).toEqual([]);
  });
});
