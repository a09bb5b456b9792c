import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerViewModel } from '../../../components/requests/Composer';
import { buildMailto, chooseRegime, computeDeadline, REGIMES, renderLetter, requestTypesFor, type LedgerFacts } from '../../../core/requests';
import { renderIn } from './render';

const facts: LedgerFacts = {
  asked: { purposes: ['analytics', 'advertising'], vendors: [], formFields: ['email'], permissions: [] },
  refused: { purposes: ['analytics', 'advertising'], at: Date.UTC(2026, 2, 1, 9) },
  cookiesDespiteRefusal: [{ name: '_ga', domain: 'shop.example', purpose: 'analytics', at: Date.UTC(2026, 2, 1, 9, 1) }],
  storedConsent: null,
  thirdParties: ['tracker.example'],
  policy: null,
};
const identity = { name: 'Ana Weber', email: 'ana@example.org', postalAddress: 'Hauptstraße 1', country: 'DE', accountIds: [{ label: 'Customer', value: 'C-1' }] };

function model(over: Partial<ComposerViewModel['choices']> = {}, contacts: ComposerViewModel['contacts'] = [
  { channel: 'email', value: 'privacy@shop.example', source: 'policy', confidence: 0.9 },
  { channel: 'email', value: 'dpo@shop.example', source: 'companyIndex', confidence: 0.7, quality: 'verified', credit: 'Datenanfragen.de, CC0' },
]): ComposerViewModel {
  const choices = { regime: 'gdpr' as const, type: 'erasure' as const, language: 'en' as const, contact: 0, typedContact: '',
    disclose: { name: true, email: true, postalAddress: false, accounts: [false] }, ...over };
  const contact = contacts[choices.contact] ?? null;
  const letter = renderLetter({ regime: choices.regime, type: choices.type, language: choices.language, company: { name: 'Shop', site: 'shop.example', contact: contact?.value ?? null },
    identity: { name: identity.name, email: identity.email, postalAddress: null, accountIds: [] }, facts, today: '2026-03-02' });
  return {
    site: 'shop.example', company: null, companyName: 'Shop', regimeChoice: chooseRegime('DE', 'shop.example'),
    regimes: REGIMES.map((r) => ({ id: r.id, name: r.name })), types: requestTypesFor(choices.regime), contacts, contact, letter, letterError: null,
    // A short body, so the whole letter fits a mailto link here.
    mailto: contact?.channel === 'email' ? buildMailto(contact.value, letter.subject, 'Please erase my data.') : null, shortMailto: null, deadline: computeDeadline(choices.regime, choices.type, '2026-03-02'),
    deadlineCitation: { en: 'Art. 12(3) GDPR', vi: 'Điều 12(3) GDPR' }, byPost: contact?.channel === 'postal', deadlinePeriod: { en: 'one month', vi: 'một tháng' }, choices, facts, identity,
  };
}

const props = (m: ComposerViewModel) => ({
  model: m, locked: false, today: '2026-03-02', onChange: vi.fn(), onUnlock: vi.fn(), onSend: vi.fn(async () => {}),
  onSent: vi.fn(async () => '2026-04-02'), onSaveDraft: vi.fn(async () => {}),
});

describe('Composer', () => {
  it('shows each contact with where it came from and how sure it is, crediting the company index', () => {
    renderIn(<Composer {...props(model())} />);
    const sources = screen.getAllByTestId('composer-contact-source').map((s) => s.textContent);
    expect(sources[0]).toBe('from its privacy policy · 90% sure');
    expect(sources[1]).toBe('from the company index · 70% sure · record: verified · Datenanfragen.de, CC0');
    expect(screen.getByTestId('composer-regime-reason').textContent).toBe('GDPR, because of the country you live in (Identity).');
  });

  it('says whom the chosen law protects, and when a deadline is not yet confirmed from the law\'s text or is no legal deadline', () => {
    const gdpr = model();
    renderIn(<Composer {...props(gdpr)} />);
    expect(screen.getByTestId('composer-regime-applies').textContent).toMatch(/^Protects people in the EU and EEA/);
    expect(gdpr.deadline.confirmed && gdpr.deadline.statutory).toBe(true);
    expect(screen.queryByTestId('composer-deadline-note')).toBeNull();
  });

  it('warns in Vietnamese that Vietnam\'s deadline comes from commentary, and that a California letter claims residence', () => {
    const vn = { ...model(), choices: { ...model().choices, regime: 'vnPdpl' as const, type: 'access' as const }, deadline: computeDeadline('vnPdpl', 'access', '2026-03-02') };
    expect(vn.deadline.confirmed).toBe(false);
    const { unmount } = renderIn(<Composer {...props(vn)} />, 'vi');
    expect(screen.getByTestId('composer-regime-applies').textContent).toMatch(/Việt Nam/);
    expect(screen.getByTestId('composer-deadline-note').textContent).toMatch(/chưa đối chiếu được với văn bản luật/);
    unmount();
    const ca = { ...model(), choices: { ...model().choices, regime: 'ccpa' as const, type: 'delete' as const }, deadline: computeDeadline('ccpa', 'delete', '2026-03-02') };
    renderIn(<Composer {...props(ca)} />);
    expect(screen.getByTestId('composer-regime-applies').textContent).toContain('choose it only if you do');
  });

  it('never picks an address by itself when none is known', () => {
    const p = props(model({}, []));
    renderIn(<Composer {...p} />);
    expect(screen.getByText(/No address is known for this site/)).toBeTruthy();
    expect(screen.queryByTestId('send-mailto')).toBeNull();
    fireEvent.input(screen.getByTestId('composer-contact-typed'), { target: { value: 'privacy@shop.example' } });
    expect(p.onChange).toHaveBeenCalledWith({ typedContact: 'privacy@shop.example' });
  });

  it('shows the letter as text, the facts for review, and a mailto link with the address and subject', () => {
    const m = model();
    renderIn(<Composer {...props(m)} />);
    expect(screen.getByTestId('composer-letter').textContent).toBe(m.letter!.body);
    expect(screen.getByTestId('composer-facts').textContent).toContain('Cookie _ga (shop.example, Analytics)');
    const href = screen.getByTestId('send-mailto').getAttribute('href')!;
    expect(href.startsWith('mailto:privacy@shop.example?')).toBe(true);
    expect(new URL(href).searchParams.get('subject')).toBe(m.letter!.subject);
  });

  it('disclosure is minimal by default and each field can be ticked', () => {
    const p = props(model());
    renderIn(<Composer {...p} />);
    const address = screen.getByLabelText('Postal address: Hauptstraße 1') as HTMLInputElement;
    expect(address.checked).toBe(false);
    expect((screen.getByLabelText('Email: ana@example.org') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(address);
    expect(p.onChange).toHaveBeenCalledWith({ disclose: { name: true, email: true, postalAddress: true, accounts: [false] } });
  });

  it('after sending asks whether it went out, then records it with its day', async () => {
    const p = props(model());
    renderIn(<Composer {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByTestId('confirm-sent')).toBeTruthy());
    expect(p.onSend).toHaveBeenCalledWith('copy');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, track it' }));
    await waitFor(() => expect(screen.getByTestId('composer-notice').textContent).toBe('Tracked. They must answer by 2 Apr 2026; you will get a reminder.'));
    expect(p.onSent).toHaveBeenCalledWith('copy', '2026-03-02', null);
  });

  const postal: ComposerViewModel['contacts'] = [{ channel: 'postal', value: 'Shop GmbH, Hauptstraße 2, Berlin', source: 'companyIndex', confidence: 0.6 }];

  it('by post, names the period from receipt rather than a due day, and asks for the delivery day apart', async () => {
    const p = { ...props(model({}, postal)), today: '2026-03-06', onSent: vi.fn(async () => '2026-04-05') };
    renderIn(<Composer {...p} />);
    expect(screen.getByTestId('composer-deadline').textContent).toBe('By post, the answer is due one month after the company receives your letter (Art. 12(3) GDPR).');
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    await waitFor(() => expect(screen.getByTestId('confirm-sent')).toBeTruthy());
    expect(screen.getByLabelText('Posted on')).toBeTruthy();
    fireEvent.input(screen.getByTestId('confirm-sent-on'), { target: { value: '2026-03-03' } });
    // Delivered before it was posted: not accepted.
    fireEvent.input(screen.getByTestId('confirm-received-on'), { target: { value: '2026-03-02' } });
    const track = screen.getByRole('button', { name: 'Yes, track it' }) as HTMLButtonElement;
    expect(track.disabled).toBe(true);
    // Not delivered yet: a day still to come is not accepted either.
    fireEvent.input(screen.getByTestId('confirm-received-on'), { target: { value: '2026-03-07' } });
    expect(track.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('confirm-received-on'), { target: { value: '2026-03-05' } });
    expect(track.disabled).toBe(false);
    fireEvent.click(track);
    await waitFor(() => expect(screen.getByTestId('composer-notice').textContent).toBe('Tracked. They must answer by 5 Apr 2026; you will get a reminder.'));
    expect(p.onSent).toHaveBeenCalledWith('print', '2026-03-03', '2026-03-05');
  });

  it('by post without a delivery day, tracks it and says the deadline waits for that day, in Vietnamese too', async () => {
    const p = { ...props(model({}, postal)), onSent: vi.fn(async () => null) };
    renderIn(<Composer {...p} />, 'vi');
    expect(screen.getByTestId('composer-deadline').textContent).toBe('Nếu gửi qua bưu điện, hạn trả lời là một tháng kể từ ngày công ty nhận được thư (Điều 12(3) GDPR).');
    fireEvent.click(screen.getByRole('button', { name: 'In hoặc lưu PDF' }));
    await waitFor(() => expect(screen.getByTestId('confirm-sent')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Rồi, theo dõi yêu cầu' }));
    await waitFor(() => expect(screen.getByTestId('composer-notice').textContent).toMatch(/^Đã theo dõi\. Hãy thêm ngày thư được nhận/));
    expect(p.onSent).toHaveBeenCalledWith('print', '2026-03-02', null);
  });

  it('offers copy-and-open when the mailto link would be too long', async () => {
    const m = { ...model(), mailto: { tooLong: true as const, length: 9000 }, shortMailto: 'mailto:privacy@shop.example?subject=Erasure' };
    const p = props(m);
    renderIn(<Composer {...p} />);
    expect(screen.queryByTestId('send-mailto')).toBeNull();
    expect(screen.getByTestId('send-mailto-short').getAttribute('href')).toBe('mailto:privacy@shop.example?subject=Erasure');
    fireEvent.click(screen.getByTestId('send-mailto-short'));
    await waitFor(() => expect(screen.getByTestId('composer-notice').textContent).toMatch(/too long for an email link/));
    expect(p.onSend).toHaveBeenCalledWith('mailtoSubjectOnly');
  });

  it('speaks Vietnamese, with the letter in the language chosen for it', () => {
    renderIn(<Composer {...props(model({ language: 'vi' }))} />, 'vi');
    expect(screen.getByRole('button', { name: 'Sao chép' })).toBeTruthy();
    expect(screen.getAllByTestId('composer-contact-source')[0]!.textContent).toBe('từ chính sách quyền riêng tư của trang · chắc chắn 90%');
    expect(screen.getByTestId('composer-letter').textContent).toContain('Ana Weber');
    expect(screen.getByTestId('composer-letter').textContent).not.toContain('Dear Sir or Madam');
    expect(screen.getByTestId('composer-deadline').textContent).toContain('Điều 12(3) GDPR');
    expect([...screen.getByTestId('composer-regime').querySelectorAll('option')].map((o) => o.textContent)).toContain('Luật Bảo vệ dữ liệu cá nhân (Việt Nam)');
  });
});
