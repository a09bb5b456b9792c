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
