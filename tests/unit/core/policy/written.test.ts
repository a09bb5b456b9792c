/**
 * Whole policies written for these tests (not from the development corpus),
 * in the styles the reader meets: a Vietnamese shop and a US service that
 * hides its address and routes requests through a form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';

const VI_SHOP = `# Chính sách bảo mật thông tin khách hàng

Cập nhật lần cuối: ngày 1 tháng 3 năm 2025

## 1. Mục đích thu thập thông tin
Công ty TNHH Thương Mại ABC ("chúng tôi") thu thập họ tên, số điện thoại, địa chỉ email và địa chỉ giao hàng của khách hàng để xử lý đơn hàng, chăm sóc khách hàng và gửi thông tin khuyến mãi khi khách hàng đồng ý.

## 2. Thời gian lưu trữ
Dữ liệu cá nhân của khách hàng được lưu trữ trong thời gian cần thiết để cung cấp dịch vụ hoặc cho đến khi khách hàng yêu cầu hủy bỏ. Hóa đơn được lưu giữ 10 năm theo quy định của pháp luật.

## 3. Chia sẻ thông tin
Chúng tôi không bán, không cho thuê thông tin cá nhân của khách hàng cho bên thứ ba. Chúng tôi chỉ chia sẻ với đơn vị vận chuyển và cổng thanh toán để thực hiện đơn hàng, hoặc với cơ quan nhà nước có thẩm quyền theo quy định của pháp luật.

## 4. Quyền của khách hàng
Khách hàng có quyền truy cập, chỉnh sửa, yêu cầu xóa dữ liệu cá nhân và rút lại sự đồng ý theo Nghị định 13/2023/NĐ-CP. Mọi yêu cầu vui lòng gửi về email: baomat@abc.vn hoặc gọi hotline 1900 1234.

## 5. Bảo mật
Chúng tôi áp dụng mã hóa SSL và các biện pháp bảo mật kỹ thuật để bảo vệ dữ liệu. Thông tin thanh toán được xử lý bởi đối tác thanh toán, email hỗ trợ thanh toán: support@payoo.vn.

Website không dành cho trẻ em dưới 16 tuổi.`;

const US_SERVICE = `Example Code Privacy Statement
==============================

Effective date: February 1, 2024

Example Code, Inc. ("Example Code", "we") is the controller of your Personal Data.

## What we collect
We collect your username, email address, billing information, IP address and usage data, and we use cookies.

## How we share
We share Personal Data with service providers and affiliates. We do not sell your Personal Data, and we do not share it for cross-context behavioral advertising.
If Example Code is involved in a merger, acquisition or bankruptcy, your data may be transferred to the new owner.

## How long we keep it
We retain log data for 90 days and account data for as long as your account is active.

## Your rights
You may access, correct or delete your Personal Data and object to its processing. To make a request, use our [Privacy contact form](https://support.example-code.com/contact/privacy) or write to privacy\\[at\\]example-code\\[dot\\]com.
You may lodge a complaint with your supervisory authority, for example the Irish Data Protection Commission at info@dataprotection.ie.
Our services are not directed to children under 13.`;

const DE_SHOP = `# Datenschutzerklärung

Stand: 15. März 2024

## 1. Verantwortlicher
Verantwortlich für die Datenverarbeitung auf dieser Website ist die Muster Handels GmbH, Beispielweg 5, 80331 München, Deutschland. E-Mail: info@muster-handel.de

## 2. Datenschutzbeauftragter
Unseren Datenschutzbeauftragten erreichen Sie unter datenschutz(at)muster-handel(punkt)de.

## 3. Speicherdauer
Server-Logfiles werden nach 14 Tagen gelöscht. Rechnungen bewahren wir gemäß § 147 AO zehn Jahre auf.

## 4. Weitergabe an Dritte
Eine Übermittlung Ihrer Daten an Dritte findet nur an unseren Zahlungsdienstleister statt. Wir verkaufen Ihre Daten nicht.

## 5. Ihre Rechte
Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch. Eine erteilte Einwilligung können Sie jederzeit widerrufen.
Sie haben das Recht, sich bei einer Aufsichtsbehörde zu beschweren: Bayerisches Landesamt für Datenschutzaufsicht, poststelle@lda.bayern.de.`;

const FR_SERVICE = `Politique de confidentialité
============================

Dernière mise à jour : 3 janvier 2025

La société Exemple SAS, dont le siège est à Lyon (France), est responsable du traitement de vos données personnelles.

Vos données de compte sont conservées pendant toute la durée de votre inscription, puis trois ans après votre dernière activité.

Nous ne vendons jamais vos données. Nous les partageons avec nos prestataires techniques (hébergement, paiement).

Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation, de portabilité et d'opposition. Pour exercer vos droits, écrivez à notre délégué à la protection des données : dpo@exemple.fr. Vous pouvez introduire une réclamation auprès de la CNIL (www.cnil.fr).

Nos services ne sont pas destinés aux mineurs de moins de 15 ans.`;

describe('a German shop policy', () => {
  const s = analysePolicy({ text: DE_SHOP });
  it('reads every field and keeps the state authority out of the contacts to write to', () => {
    expect(s.language).toBe('de');
    expect(s.controller?.value).toEqual({ name: 'Muster Handels GmbH', country: 'DE' });
    expect(s.bestContact?.value).toMatchObject({ value: 'datenschutz@muster-handel.de', role: 'dpo' });
    expect(s.contacts.find((c) => c.value === 'poststelle@lda.bayern.de')?.role).toBe('authority');
    expect(s.sale.value).toBe('doesNotSell');
    expect(s.retention.value).toEqual({ kind: 'period', days: 3650 });
    expect(s.rights.value).toEqual(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdrawConsent', 'complaint']);
    expect(s.lastUpdated.value).toBe('2024-03-15');
  });
});

describe('a French service policy', () => {
  const s = analysePolicy({ text: FR_SERVICE });
  it('reads every field', () => {
    expect(s.language).toBe('fr');
    expect(s.title).toBe('Politique de confidentialité');
    expect(s.controller?.value).toEqual({ name: 'Exemple SAS', country: 'FR' });
    expect(s.bestContact?.value).toMatchObject({ value: 'dpo@exemple.fr', role: 'dpo' });
    expect(s.sale.value).toBe('doesNotSell');
    expect(s.retention.value).toEqual({ kind: 'period', days: 1095 });
    expect(s.rights.value).toEqual(['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'complaint']);
    expect(s.childrenMinAge.value).toBe(15);
    expect(s.lastUpdated.value).toBe('2025-01-03');
  });
});

describe('a Vietnamese shop policy', () => {
  const s = analysePolicy({ text: VI_SHOP, url: 'https://abc.vn/chinh-sach-bao-mat' });

  it('reads language, controller, contact, sale, retention, rights, age and date', () => {
    expect(s.language).toBe('vi');
    expect(s.controller?.value.name).toBe('Công ty TNHH Thương Mại ABC');
    expect(s.bestContact?.value).toMatchObject({ channel: 'email', value: 'baomat@abc.vn' });
    expect(s.contacts.find((c) => c.value === 'support@payoo.vn')?.role).toBe('processor');
    expect(s.sale.value).toBe('doesNotSell');
    expect(s.retention.value).toEqual({ kind: 'period', days: 3650 });
    expect(s.rights.value).toEqual(expect.arrayContaining(['access', 'rectification', 'erasure', 'withdrawConsent']));
    expect(s.childrenMinAge.value).toBe(16);
    expect(s.lastUpdated.value).toBe('2025-03-01');
    expect(s.regimes.value).toContain('Vietnam PDPL');
    expect(s.securityMeasures.value).toBe(true);
  });
});

describe('a US service policy with an obfuscated address and a form', () => {
  const s = analysePolicy({ text: US_SERVICE, url: 'https://example-code.com/privacy' });

  it('reads the obfuscated address, the form and the authority as not a contact', () => {
    expect(s.title).toBe('Example Code Privacy Statement');
    expect(s.controller?.value.name).toBe('Example Code, Inc.');
    const roles = Object.fromEntries(s.contacts.map((c) => [c.value, c.role]));
    expect(roles['privacy@example-code.com']).toBe('privacy');
    expect(roles['info@dataprotection.ie']).toBe('authority');
    expect(s.contacts.some((c) => c.channel === 'webForm' && c.value === 'https://support.example-code.com/contact/privacy')).toBe(true);
    expect(['privacy@example-code.com', 'https://support.example-code.com/contact/privacy']).toContain(s.bestContact?.value.value);
  });

  it('reads a denial of sale and of ad sharing, ignoring the merger clause', () => {
    expect(s.sale.value).toBe('doesNotSell');
  });

  it('reads retention, rights, age and date', () => {
    expect(s.retention.value).toEqual({ kind: 'period', days: 90 });
    expect(s.rights.value).toEqual(expect.arrayContaining(['access', 'rectification', 'erasure', 'objection', 'complaint']));
    expect(s.childrenMinAge.value).toBe(13);
    expect(s.lastUpdated.value).toBe('2024-02-01');
  });

  it('gives the same answers for the HTML version', () => {
    const html = readFileSync(new URL('../../../fixtures/policies/labels.json', import.meta.url), 'utf8').length > 0
      ? `<html><body>${US_SERVICE.split('\n\n').map((p) => `<p>${p.replace(/\[(.+?)\]\((.+?)\)/g, '<a href="$2">$1</a>')}</p>`).join('')}</body></html>`
      : '';
    const h = analysePolicy({ html, url: 'https://example-code.com/privacy' });
    expect(h.sale.value).toBe('doesNotSell');
    expect(h.contacts.some((c) => c.channel === 'webForm')).toBe(true);
    expect(h.childrenMinAge.value).toBe(13);
  });
});
