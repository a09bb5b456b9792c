import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_THRESHOLD,
  classifyButton,
  consentScore,
  guessLanguage,
  mentionsAge,
  normalise,
  type ButtonRole,
} from '../../../core/consent/heuristic/classify';
import { chooseButton, REASONS, type ButtonFacts } from '../../../core/consent/heuristic/choose';
import { LANGS, LEXICON_KEYS, LEXICONS, type Lang } from '../../../core/consent/heuristic/lexicon';
import { isWellFormedPhrase } from '../../../core/consent/heuristic/phrases';

const DIR = join(import.meta.dirname, '../../../core/consent/heuristic/lexicon');
const BUTTON_KEYS = ['reject', 'save', 'settings', 'accept', 'never', 'age'] as const;

describe('lexicon files', () => {
  it('are exactly the twelve languages the heuristic loads', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...LANGS].sort());
    expect(LANGS).toHaveLength(12);
  });

  describe.each(LANGS)('%s', (lang) => {
    const raw = JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8')) as Record<string, unknown>;

    it('has every key and nothing else, each a list of strings', () => {
      expect(Object.keys(raw).sort()).toEqual([...LEXICON_KEYS].sort());
      for (const key of LEXICON_KEYS) {
        expect(Array.isArray(raw[key])).toBe(true);
        for (const entry of raw[key] as unknown[]) expect(typeof entry).toBe('string');
      }
    });

    it('has words for every kind of button and for consent dialogs', () => {
      for (const key of ['consentWords', ...BUTTON_KEYS] as const) expect(LEXICONS[lang][key].length).toBeGreaterThan(0);
    });

    it.each(LEXICON_KEYS)('%s has no duplicates, and every entry is normalised (NFC, lower-case, no punctuation)', (key) => {
      const entries = LEXICONS[lang][key];
      expect(new Set(entries).size).toBe(entries.length);
      for (const entry of entries) expect(isWellFormedPhrase(entry), entry).toBe(true);
    });

    it('never lists one phrase under two kinds of button', () => {
      const seen = new Map<string, string>();
      for (const key of BUTTON_KEYS) {
        for (const entry of LEXICONS[lang][key]) {
          expect(seen.get(entry), `${entry} in ${key}`).toBeUndefined();
          seen.set(entry, key);
        }
      }
    });

    it('reads every button phrase as its own kind (each entry is reachable)', () => {
      for (const key of BUTTON_KEYS) {
        const expected: ButtonRole = key === 'age' ? 'never' : key;
        for (const entry of LEXICONS[lang][key]) {
          const sample = entry.replace(/\*/g, 'en');
          expect(classifyButton(sample), `${lang} ${key}: ${entry}`).toBe(expected);
        }
      }
    });
  });

  it('no phrase refuses in one language and accepts in another', () => {
    const all = (key: (typeof BUTTON_KEYS)[number]) => new Set(LANGS.flatMap((l) => LEXICONS[l][key]));
    const reject = all('reject');
    for (const key of ['accept', 'save', 'settings'] as const) {
      for (const entry of all(key)) expect(reject.has(entry), `${entry} is reject and ${key}`).toBe(false);
    }
  });
});

describe('normalise', () => {
  it.each([
    ['  Reject   ALL  ', 'reject all'],
    ['Continuer sans accepter →', 'continuer sans accepter'],
    ['Don’t accept', 'dont accept'],
    ["J'accepte 🍪", 'jaccepte'],
    ['Cookie-Einstellungen', 'cookie einstellungen'],
    ['Acceptă şi închide', 'acceptă și închide'],
    ['Tuỳ chỉnh', 'tùy chỉnh'],
    ['Cá nhân hoá', 'cá nhân hóa'],
    ['Quý khách', 'quý khách'],
    ['Hoàn tất', 'hoàn tất'],
    ['Từ chối'.normalize('NFD'), 'từ chối'],
    ['Yes, I am 18+', 'yes i am 18'],
  ])('%j -> %j', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });
});

type Row = [string, ButtonRole | null];

const TABLE: Record<Lang, Row[]> = {
  vi: [
    ['Từ chối tất cả', 'reject'], ['Từ chối', 'reject'], ['Chỉ chấp nhận cookie cần thiết', 'reject'], ['Không đồng ý', 'reject'],
    ['Tiếp tục mà không chấp nhận', 'reject'], ['Chỉ cookie cần thiết', 'reject'], ['Chấp nhận tất cả', 'accept'], ['Đồng ý', 'accept'],
    ['Chấp nhận cookie không bắt buộc', 'accept'], ['Tùy chỉnh', 'settings'], ['Tuỳ chỉnh', 'settings'], ['Lưu lựa chọn', 'save'],
    ['Đăng nhập', 'never'], ['Đăng ký gói hội viên', 'never'], ['Tôi đã đủ 18 tuổi', 'never'], ['Gói không quảng cáo 99.000đ/tháng', 'never'],
  ],
  en: [
    ['Reject All', 'reject'], ['Decline', 'reject'], ['Use necessary cookies only', 'reject'], ['Continue without accepting →', 'reject'],
    ['Do not accept', 'reject'], ["I don't agree", 'reject'], ['Accept only essential cookies', 'reject'], ['Accept all cookies', 'accept'],
    ['Got it!', 'accept'], ['Accept non-essential cookies', 'accept'], ['Manage preferences', 'settings'], ['Save my choices', 'save'],
    ['Accept and pay', 'never'], ['Reject and subscribe', 'never'], ['Subscribe', 'never'], ['Sign in', 'never'],
    ['I am 18 or older', 'never'], ['Yes, I am 18+', 'never'], ['No', null],
  ],
  de: [
    ['Alle ablehnen', 'reject'], ['Ohne Zustimmung fortfahren', 'reject'], ['Nicht akzeptieren', 'reject'], ['Nur notwendige Cookies', 'reject'],
    ['Nur notwendige Cookies akzeptieren', 'reject'], ['Ich stimme nicht zu', 'reject'], ['Ich akzeptiere nicht', 'reject'],
    ['Akzeptieren und weiter mit Werbung', 'accept'], ['Mit Werbung lesen', 'accept'], ['Mit Werbung weiterlesen', 'accept'],
    ['Alle akzeptieren', 'accept'], ['Nicht notwendige Cookies akzeptieren', 'accept'], ['Speichern und alle akzeptieren', 'accept'],
    ['Einstellungen', 'settings'], ['Einstellungen oder ablehnen', 'settings'], ['Einwilligung widerrufen', 'settings'],
    ['Auswahl speichern', 'save'], ['Jetzt abonnieren', 'never'], ['Werbefrei lesen für 2,99 €/Monat', 'never'],
    ['PUR-Abo abschließen', 'never'], ['Ich bin 18 Jahre oder älter', 'never'],
  ],
  fr: [
    ['Tout refuser', 'reject'], ['Continuer sans accepter', 'reject'], ["Je n'accepte pas", 'reject'], ['Ne pas accepter', 'reject'],
    ['Refuser et fermer', 'reject'], ['Tout accepter', 'accept'], ["J'accepte", 'accept'], ['Personnaliser', 'settings'],
    ['Enregistrer mes choix', 'save'], ["Refuser et s'abonner", 'never'], ['Se connecter', 'never'], ["J'ai plus de 18 ans", 'never'],
  ],
  es: [
    ['Rechazar todo', 'reject'], ['No acepto', 'reject'], ['Solo necesarias', 'reject'], ['Continuar sin aceptar', 'reject'],
    ['Aceptar todas las cookies', 'accept'], ['Aceptar y cerrar', 'accept'], ['Configurar', 'settings'], ['Guardar preferencias', 'save'],
    ['Suscríbete', 'never'], ['Rechazar y pagar', 'never'], ['Iniciar sesión', 'never'], ['Soy mayor de edad', 'never'],
  ],
  it: [
    ['Rifiuta tutto', 'reject'], ['Continua senza accettare', 'reject'], ['Non accetto', 'reject'], ['Accetta solo i cookie necessari', 'reject'],
    ['Accetta tutti', 'accept'], ['Accetta e chiudi', 'accept'], ['Personalizza', 'settings'], ['Salva le preferenze', 'save'],
    ['Abbonati', 'never'], ['Accedi', 'never'], ['Sono maggiorenne', 'never'],
  ],
  nl: [
    ['Alles weigeren', 'reject'], ['Alleen noodzakelijke cookies', 'reject'], ['Ik ga niet akkoord', 'reject'], ['Ik accepteer niet', 'reject'],
    ['Alles accepteren', 'accept'], ['Akkoord', 'accept'], ['Instellingen', 'settings'], ['Voorkeuren opslaan', 'save'],
    ['Abonneer nu', 'never'], ['Inloggen', 'never'], ['Ik ben 18 jaar of ouder', 'never'],
  ],
  pt: [
    ['Rejeitar tudo', 'reject'], ['Não aceito', 'reject'], ['Apenas cookies necessários', 'reject'], ['Continuar sem aceitar', 'reject'],
    ['Aceitar todos', 'accept'], ['Concordo', 'accept'], ['Gerir preferências', 'settings'], ['Guardar preferências', 'save'],
    ['Assine já', 'never'], ['Fazer login', 'never'], ['Tenho mais de 18 anos', 'never'],
  ],
  pl: [
    ['Odrzuć wszystkie', 'reject'], ['Nie zgadzam się', 'reject'], ['Tylko niezbędne', 'reject'], ['Kontynuuj bez akceptacji', 'reject'],
    ['Akceptuję', 'accept'], ['Zaakceptuj wszystkie', 'accept'], ['Ustawienia', 'settings'], ['Zapisz wybór', 'save'],
    ['Subskrybuj', 'never'], ['Zaloguj się', 'never'], ['Mam 18 lat', 'never'],
  ],
  sv: [
    ['Avvisa alla', 'reject'], ['Godkänn inte', 'reject'], ['Endast nödvändiga cookies', 'reject'], ['Fortsätt utan att acceptera', 'reject'],
    ['Acceptera alla', 'accept'], ['Godkänn alla cookies', 'accept'], ['Inställningar', 'settings'], ['Spara mina val', 'save'],
    ['Prenumerera', 'never'], ['Logga in', 'never'], ['Jag är över 18 år', 'never'],
  ],
  cs: [
    ['Odmítnout vše', 'reject'], ['Nesouhlasím', 'reject'], ['Povolit pouze nezbytné', 'reject'], ['Pokračovat bez souhlasu', 'reject'],
    ['Přijmout vše', 'accept'], ['Souhlasit a zavřít', 'accept'], ['Nastavení', 'settings'], ['Uložit nastavení', 'save'],
    ['Předplatit', 'never'], ['Přihlásit se', 'never'], ['Je mi 18 let', 'never'],
  ],
  ro: [
    ['Respinge toate', 'reject'], ['Nu sunt de acord', 'reject'], ['Doar cele necesare', 'reject'], ['Refuz', 'reject'],
    ['Accept toate', 'accept'], ['Sunt de acord', 'accept'], ['Acceptă şi închide', 'accept'], ['Setări', 'settings'],
    ['Salvează preferințele', 'save'], ['Abonează-te', 'never'], ['Autentificare', 'never'], ['Am peste 18 ani', 'never'],
  ],
};

describe('classifyButton', () => {
  describe.each(LANGS)('%s', (lang) => {
    it('has at least eight real-looking buttons in the table', () => {
      expect(TABLE[lang].length).toBeGreaterThanOrEqual(8);
    });
    it.each(TABLE[lang])('%j is %s', (text, role) => {
      expect(classifyButton(text)).toBe(role);
    });
  });

  it('reads nothing into empty, symbol-only or paragraph-long text', () => {
    expect(classifyButton('')).toBeNull();
    expect(classifyButton('✕')).toBeNull();
    expect(classifyButton('We use cookies and similar technologies to measure traffic. You can reject all optional cookies or accept them; your choice is kept for six months on this device.')).toBeNull();
  });

  it('still refuses a paragraph that asks for money', () => {
    expect(classifyButton('Read without ads and without tracking for 3.99 € a month, cancel any time you like from your account page')).toBe('never');
  });
});

describe('consentScore', () => {
  it.each([
    'Chúng tôi sử dụng cookie để cải thiện trải nghiệm và hiển thị quảng cáo cá nhân hóa.',
    'Chúng tôi dùng cookie để phân tích lượt truy cập và hiển thị quảng cáo phù hợp.',
    'We and our partners use cookies to store and/or access information on a device.',
    'Wir und unsere Partner verwenden Cookies, um Inhalte zu personalisieren. Ihre Einwilligung können Sie jederzeit widerrufen.',
    'Nous utilisons des cookies pour mesurer l’audience. Vous pouvez retirer votre consentement.',
    'Usamos cookies propias y de terceros para fines analíticos.',
    'Używamy plików cookie i przetwarzamy dane osobowe.',
  ])('a banner reaches the threshold: %s', (text) => {
    expect(consentScore(text)).toBeGreaterThanOrEqual(CONSENT_THRESHOLD);
  });

  it.each([
    'Get our newsletter: the week’s best stories in your inbox every Friday.',
    'Đăng ký nhận bản tin mỗi sáng.',
    'Are you 18 or older?',
  ])('other dialogs stay below it: %s', (text) => {
    expect(consentScore(text)).toBeLessThan(CONSENT_THRESHOLD);
  });
});

describe('mentionsAge and guessLanguage', () => {
  it('recognises age checks in several languages, and not a consent text', () => {
    for (const text of ['Are you 18 or older?', 'Bạn đã đủ 18 tuổi chưa?', 'Bitte bestätige dein Alter: Ich bin volljährig', 'Contenu 18+']) {
      expect(mentionsAge(text), text).toBe(true);
    }
    expect(mentionsAge('If you are under 16 and wish to give consent, ask your legal guardians.')).toBe(false);
  });

  it('guesses the language from its phrases, with the page language breaking ties', () => {
    expect(guessLanguage('Chúng tôi sử dụng cookie. Từ chối tất cả. Chấp nhận tất cả')).toBe('vi');
    expect(guessLanguage('Wir verwenden Cookies. Alle ablehnen')).toBe('de');
    expect(guessLanguage('Nous utilisons des cookies. Tout refuser')).toBe('fr');
    expect(guessLanguage('Cookies', 'pl-PL')).toBe('pl');
    expect(guessLanguage('zzz', 'ja')).toBeNull();
  });
});

describe('chooseButton', () => {
  const b = (role: ButtonRole | null, more: Partial<ButtonFacts> = {}): ButtonFacts => ({ role, age: false, navigates: false, ...more });
  const dialog = (buttons: ButtonFacts[], more = {}) => ({ buttons, ageText: false, toggles: { visible: 0, on: 0 }, ...more });

  it('presses the first refusal, even next to accept and settings', () => {
    expect(chooseButton(dialog([b('accept'), b('settings'), b('reject'), b('reject')]))).toEqual({ index: 2, role: 'reject', reason: null });
  });

  it('prefers a refusal that stays on the page over a link that leaves it', () => {
    expect(chooseButton(dialog([b('reject', { navigates: true }), b('reject')])).index).toBe(1);
    expect(chooseButton(dialog([b('accept'), b('reject', { navigates: true })])).reason).toBe('ambiguous');
  });

  it('leaves per-vendor lists of refusals alone', () => {
    expect(chooseButton(dialog([b('reject'), b('reject'), b('reject'), b('reject')])).reason).toBe('ambiguous');
  });

  it('leaves age checks alone, whatever else they offer', () => {
    expect(chooseButton(dialog([b('never', { age: true }), b(null)])).reason).toBe('ageGate');
    expect(chooseButton(dialog([b('reject')], { ageText: true })).reason).toBe('ageGate');
  });

  it('tells a pay-or-okay wall from a dialog that only offers an account', () => {
    expect(chooseButton(dialog([b('accept'), b('never')])).reason).toBe('paywall');
    expect(chooseButton(dialog([b('never'), b('settings')])).reason).toBe('forbiddenOnly');
    expect(chooseButton(dialog([b('accept'), b('never'), b('reject')])).role).toBe('reject');
  });

  it('saves only when every switch shown is off', () => {
    expect(chooseButton(dialog([b('accept'), b('save')], { toggles: { visible: 3, on: 0 } }))).toEqual({ index: 1, role: 'save', reason: null });
    expect(chooseButton(dialog([b('accept'), b('save')], { toggles: { visible: 3, on: 1 } })).reason).toBe('ambiguous');
    expect(chooseButton(dialog([b('accept'), b('save')])).reason).toBe('noReject');
  });

  it('chooses nothing when only accept or settings are offered, and says why in words', () => {
    expect(chooseButton(dialog([b('accept')])).reason).toBe('noReject');
    expect(chooseButton(dialog([b('accept'), b('settings')])).reason).toBe('noReject');
    expect(chooseButton(dialog([])).reason).toBe('noReject');
    for (const text of Object.values(REASONS)) expect(text.length).toBeGreaterThan(10);
  });
});
