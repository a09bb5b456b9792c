import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../core/policy/language';

const SAMPLES: Record<string, string> = {
  en: 'We collect your personal data when you use our services and we share it with our service providers. You can ask us for a copy of the information that we have about you at any time.',
  de: 'Wir verarbeiten Ihre personenbezogenen Daten nur, wenn Sie uns dazu Ihre Einwilligung erteilt haben oder die Verarbeitung für die Erfüllung eines Vertrags mit Ihnen erforderlich ist. Sie haben das Recht auf Auskunft.',
  fr: 'Nous traitons vos données personnelles pour vous fournir nos services et nous ne les vendons pas. Vous pouvez exercer vos droits sur les données qui vous concernent en nous écrivant par courrier.',
  es: 'Tratamos tus datos personales para prestar el servicio y no los cedemos a terceros salvo obligación legal. Puedes ejercer tus derechos de acceso, rectificación y supresión de los datos en cualquier momento.',
  it: 'Il titolare del trattamento dei dati personali è la società che gestisce il sito. I tuoi dati sono trattati per le finalità indicate e non vengono ceduti a terzi per finalità di marketing senza il tuo consenso.',
  nl: 'Wij verwerken je persoonsgegevens om onze diensten te kunnen leveren. De gegevens worden niet verkocht en je kunt altijd een verzoek doen om jouw gegevens in te zien of te laten verwijderen bij ons.',
  pt: 'Tratamos os seus dados pessoais para prestar os nossos serviços e não os vendemos. Você pode pedir acesso aos dados que temos sobre você e a correção dos dados pelo nosso canal de contato.',
  pl: 'Administratorem danych osobowych jest spółka, która przetwarza dane w celu świadczenia usług. Twoje dane osobowe nie są sprzedawane i możesz w każdej chwili żądać dostępu do danych oraz ich usunięcia.',
  ro: 'Prelucrăm datele dumneavoastră cu caracter personal pentru a furniza serviciile și nu le vindem. Aveți dreptul de a solicita accesul la datele care vă privesc și ștergerea acestora prin email către noi.',
  vi: 'Chúng tôi thu thập dữ liệu cá nhân của bạn khi bạn sử dụng dịch vụ và không bán thông tin cho bên thứ ba. Bạn có quyền yêu cầu truy cập, chỉnh sửa và xóa dữ liệu của mình bất cứ lúc nào.',
};

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(SAMPLES)) {
    it(`recognises ${lang}`, () => expect(detectLanguage(text)).toBe(lang));
  }

  it('recognises Vietnamese by its letters even without its function words', () => {
    expect(detectLanguage('Quyền riêng tư. Chính sách bảo mật thông tin khách hàng. Điều khoản sử dụng dịch vụ trực tuyến. Được cập nhật ngày hôm nay. Hướng dẫn mới nhất.')).toBe('vi');
  });

  it('says und for text too short or in no supported language', () => {
    expect(detectLanguage('Privacy')).toBe('und');
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12345 67890 !!! ###')).toBe('und');
  });

  it('judges the document, not the collection: the German text in a French collection is German', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../fixtures/policies/de_eurolines.md'), 'utf8');
    expect(text.startsWith('Politique de confidentialité')).toBe(true);
    expect(detectLanguage(text)).toBe('de');
  });

  it('ignores the English words of URLs and addresses', () => {
    const links = ' [hier](https://example.com/privacy/policy/and/the/terms/of/your/data/with/us)'.repeat(30);
    expect(detectLanguage(SAMPLES.de + links)).toBe('de');
  });
});
