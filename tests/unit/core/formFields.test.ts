import { describe, expect, it } from 'vitest';
import lexicon from '../../../core/ledger/forms/lexicon.json';
import { classifyField, type FieldDescription } from '../../../core/ledger/forms/classify';
import { PhraseSet, words } from '../../../core/ledger/forms/words';
import { FIELD_KINDS } from '../../../core/ledger/records';

const field = (over: Partial<FieldDescription>): FieldDescription => ({ tag: 'input', type: '', autocomplete: '', name: '', id: '', label: '', placeholder: '', ...over });
const kindOf = (over: Partial<FieldDescription>) => classifyField(field(over))?.kind ?? null;

describe('words', () => {
  it('folds case and diacritics the same way whether the text is NFC or NFD', () => {
    const nfc = 'Số điện thoại'.normalize('NFC');
    const nfd = 'Số điện thoại'.normalize('NFD');
    expect(words(nfc)).toEqual(['so', 'dien', 'thoai']);
    expect(words(nfd)).toEqual(words(nfc));
    expect(words('ĐỊA CHỈ')).toEqual(['dia', 'chi']);
    expect(words('Straße')).toEqual(['strasse']);
  });

  it('splits camelCase, snake_case, brackets and digits', () => {
    expect(words('billingAddress_line1')).toEqual(['billing', 'address', 'line', '1']);
    expect(words('user[email]')).toEqual(['user', 'email']);
    expect(words("nom d'utilisateur")).toEqual(['nom', 'd', 'utilisateur']);
  });

  it('matches whole words only, and phrases with characters a RegExp would treat specially', () => {
    const set = new PhraseSet<string>();
    set.add('tel', 'phone');
    set.add('c++ (x)', 'odd');
    expect(set.find('hotel booking')).toEqual([]);
    expect(set.find('Tel.')).toHaveLength(1);
    expect(set.find('c x').map((m) => m.value)).toEqual(['odd']);
  });
});

describe('the lexicon', () => {
  it('names only known kinds', () => {
    expect(Object.keys(lexicon.words).sort()).toEqual([...FIELD_KINDS].sort());
    for (const kind of [...Object.values(lexicon.types), ...Object.values(lexicon.autocomplete)]) {
      if (kind !== null) expect(FIELD_KINDS).toContain(kind);
    }
  });

  it('classifies every phrase, used as a label on its own, as its own kind', () => {
    for (const [kind, phrases] of Object.entries(lexicon.words)) {
      for (const phrase of phrases) expect([phrase, kindOf({ label: phrase })]).toEqual([phrase, kind]);
    }
  });

  it('classifies every ignore phrase as no personal data, and every phrase is some words', () => {
    for (const phrase of lexicon.ignore) expect([phrase, kindOf({ label: phrase })]).toEqual([phrase, null]);
    for (const phrase of [...lexicon.ignore, ...lexicon.skip, ...Object.values(lexicon.words).flat()]) expect(words(phrase).length).toBeGreaterThan(0);
  });

  it('has no phrase twice', () => {
    const all = [...lexicon.ignore, ...lexicon.skip, ...Object.values(lexicon.words).flat()].map((p) => words(p).join(' '));
    expect(all.filter((p, i) => all.indexOf(p) !== i)).toEqual([]);
  });
});

describe('classifyField', () => {
  it('reads the input type first, then autocomplete', () => {
    expect(classifyField(field({ type: 'email', name: 'x' }))).toEqual({ kind: 'email', via: 'type', hint: 'type=email' });
    expect(classifyField(field({ type: 'TEL' }))).toEqual({ kind: 'phone', via: 'type', hint: 'type=tel' });
    expect(classifyField(field({ type: 'password', name: 'pin' }))).toEqual({ kind: 'password', via: 'type', hint: 'type=password' });
    expect(classifyField(field({ autocomplete: 'section-ship shipping postal-code', name: 'f7' }))).toEqual({ kind: 'address', via: 'autocomplete', hint: 'autocomplete=postal-code' });
    expect(classifyField(field({ tag: 'select', autocomplete: 'bday-day' }))).toMatchObject({ kind: 'birthDate', via: 'autocomplete' });
    expect(kindOf({ autocomplete: 'cc-csc' })).toBe('card');
    expect(kindOf({ autocomplete: 'sex' })).toBe('gender');
    expect(kindOf({ autocomplete: 'username webauthn' })).toBeNull();
    expect(kindOf({ autocomplete: 'off', name: 'ngay_sinh' })).toBe('birthDate');
  });

  it.each([
    // Vietnamese, with and without diacritics in names
    ['vi', { label: 'Họ và tên *' }, 'name'],
    ['vi', { name: 'ho_ten' }, 'name'],
    ['vi', { placeholder: 'Số điện thoại' }, 'phone'],
    ['vi', { name: 'sdt' }, 'phone'],
    ['vi', { label: 'Địa chỉ email' }, 'email'],
    ['vi', { label: 'Địa chỉ nhận hàng' }, 'address'],
    ['vi', { label: 'Ngày sinh' }, 'birthDate'],
    ['vi', { label: 'Số CCCD/CMND' }, 'governmentId'],
    ['vi', { placeholder: 'Nhập số căn cước' }, 'governmentId'],
    ['vi', { tag: 'select', label: 'Giới tính' }, 'gender'],
    ['vi', { label: 'Mật khẩu' }, 'password'],
    ['vi', { label: 'Số thẻ' }, 'card'],
    // English
    ['en', { name: 'firstName' }, 'name'],
    ['en', { label: 'Email address' }, 'email'],
    ['en', { label: 'Date of birth (DD/MM/YYYY)' }, 'birthDate'],
    ['en', { id: 'billing-zip' }, 'address'],
    ['en', { label: 'Name on card' }, 'card'],
    ['en', { label: 'Social security number' }, 'governmentId'],
    // German
    ['de', { label: 'Telefonnummer' }, 'phone'],
    ['de', { label: 'Geburtsdatum' }, 'birthDate'],
    ['de', { label: 'Anschrift' }, 'address'],
    ['de', { label: 'Straße und Hausnummer' }, 'address'],
    ['de', { label: 'E-Mail-Adresse' }, 'email'],
    ['de', { label: 'Personalausweisnummer' }, 'governmentId'],
    ['de', { tag: 'select', name: 'anrede' }, 'gender'],
    ['de', { label: 'Kennwort' }, 'password'],
    // French
    ['fr', { label: 'Téléphone' }, 'phone'],
    ['fr', { label: 'Date de naissance' }, 'birthDate'],
    ['fr', { label: 'Adresse' }, 'address'],
    ['fr', { label: 'Adresse e-mail' }, 'email'],
    ['fr', { label: 'Numéro de sécurité sociale' }, 'governmentId'],
    ['fr', { label: 'Prénom' }, 'name'],
    ['fr', { label: 'Mot de passe' }, 'password'],
    // Spanish
    ['es', { label: 'Teléfono móvil' }, 'phone'],
    ['es', { label: 'Fecha de nacimiento' }, 'birthDate'],
    ['es', { label: 'Dirección' }, 'address'],
    ['es', { label: 'Correo electrónico' }, 'email'],
    ['es', { label: 'DNI / NIE' }, 'governmentId'],
    ['es', { label: 'Nombre y apellidos' }, 'name'],
    ['es', { label: 'Contraseña' }, 'password'],
    ['es', { type: 'radio', name: 'sexo', label: 'Mujer' }, 'gender'],
  ] as [string, Partial<FieldDescription>, string][])('%s: %o is %s', (_language, description, kind) => {
    expect(kindOf(description)).toBe(kind);
  });

  it.each([
    ['a search box', { type: 'search', name: 'q', placeholder: 'Search' }],
    ['a text search box', { name: 'q', placeholder: 'Search by city or postcode' }],
    ['a Vietnamese search box', { placeholder: 'Tìm kiếm sản phẩm' }],
    ['a newsletter frequency choice', { tag: 'select', name: 'newsletter_frequency', label: 'Newsletter frequency' }],
    ['a hidden email', { type: 'hidden', name: 'email' }],
    ['a CSRF token', { type: 'hidden', name: 'csrf_token' }],
    ['a visible CSRF field', { name: 'csrf_email_token' }],
    ['a submit button', { type: 'submit', name: 'register', label: 'Register your email' }],
    ['a consent checkbox', { type: 'checkbox', name: 'terms', label: 'Send me offers by email' }],
    ['a user name', { label: 'Username' }],
    ['a German user name', { label: 'Benutzername' }],
    ['a French user name', { label: "Nom d'utilisateur" }],
    ['a Spanish user name', { label: 'Nombre de usuario' }],
    ['a Vietnamese user name', { label: 'Tên đăng nhập' }],
    ['a company', { label: 'Company name' }],
    ['a coupon', { name: 'coupon_code', label: 'Promo code' }],
    ['a comment', { tag: 'textarea', name: 'message', label: 'Your message' }],
    ['a hotel word', { label: 'Hotel' }],
    ['a button element', { tag: 'button', name: 'email' }],
    ['a radio with an address-like option label', { type: 'radio', name: 'delivery', label: 'Home address' }],
  ] as [string, Partial<FieldDescription>][])('%s asks for nothing personal', (_what, description) => {
    expect(kindOf(description)).toBeNull();
  });

  it('says which evidence spoke, and the lexicon phrase, never the page text', () => {
    expect(classifyField(field({ name: 'f1', label: 'Your phone number, e.g. 0912 345 678' }))).toEqual({ kind: 'phone', via: 'label', hint: 'phone number' });
    expect(classifyField(field({ name: 'dien_thoai', label: 'anything' }))).toEqual({ kind: 'phone', via: 'name', hint: 'điện thoại' });
    expect(classifyField(field({ placeholder: 'Geburtsdatum' }))).toEqual({ kind: 'birthDate', via: 'placeholder', hint: 'geburtsdatum' });
  });
});
