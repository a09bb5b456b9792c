import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';

const rights = (text: string) => analysePolicy({ text }).rights.value;

describe('rights', () => {
  it('reads the GDPR rights in English', () => {
    const r = rights(`## Your rights
You have the right of access to your personal data, the right to rectification and the right to erasure.
You have the right to restrict processing, the right to data portability and the right to object to processing.
You can withdraw your consent at any time. You have the right not to be subject to a decision based solely on automated processing.
You may lodge a complaint with a supervisory authority.`);
    expect(r).toEqual(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'automatedDecisions', 'withdrawConsent', 'complaint']);
  });

  it('reads CCPA rights', () => {
    const r = rights(`California Rights and Choices
You have the right to know what personal information we collect and the right to delete it. You may opt out of the sale of personal information.
You have the right to limit the use of your sensitive personal information. We will not discriminate against you for exercising your rights.`);
    expect(r).toEqual(expect.arrayContaining(['access', 'erasure', 'optOutSale', 'limitSensitive', 'nonDiscrimination']));
  });

  it('reads German, French, Spanish, Romanian and Vietnamese rights', () => {
    expect(rights('Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Datenübertragbarkeit sowie ein Widerspruchsrecht.')).toEqual(
      expect.arrayContaining(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']),
    );
    expect(rights('Vous disposez d’un droit d’accès, de rectification, d’effacement, de limitation, de portabilité et d’opposition.')).toEqual(
      expect.arrayContaining(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']),
    );
    expect(rights('Puedes ejercer tus derechos de acceso, rectificación, supresión, limitación, portabilidad y oposición.')).toEqual(
      expect.arrayContaining(['rectification', 'erasure', 'restriction', 'portability', 'objection']),
    );
    expect(rights('Aveți dreptul de acces, dreptul la rectificare, dreptul la ștergere și dreptul la portabilitate.')).toEqual(
      expect.arrayContaining(['access', 'rectification', 'erasure', 'portability']),
    );
    expect(rights('Bạn có quyền truy cập, chỉnh sửa và quyền xóa dữ liệu cá nhân, cũng như rút lại sự đồng ý.')).toEqual(
      expect.arrayContaining(['access', 'rectification', 'erasure', 'withdrawConsent']),
    );
  });

  it('does not read a product feature as a right', () => {
    expect(rights('Monitor can help you scan and remove information from many places on the web. We use AI to make automated decisions about search ranking.')).toEqual([]);
  });

  it('says how rights are exercised', () => {
    const s = analysePolicy({ text: 'Your rights\nYou have the right of access. To exercise it, email privacy@example.com or change your account settings, or write to us by post.' });
    expect(s.rightsExercise.value).toEqual(expect.arrayContaining(['email', 'accountSettings', 'postal']));
  });
});
