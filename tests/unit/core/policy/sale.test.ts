import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';

const sale = (text: string) => analysePolicy({ text }).sale;

describe('sale', () => {
  it('reads denials in several languages (negation before or after the verb)', () => {
    expect(sale('We do not sell your personal information.').value).toBe('doesNotSell');
    expect(sale('We have never sold any personal information to anyone.').value).toBe('doesNotSell');
    expect(sale('Wir verkaufen Ihre personenbezogenen Daten nicht an Dritte.').value).toBe('doesNotSell');
    expect(sale('Nous ne vendons pas vos données personnelles.').value).toBe('doesNotSell');
    expect(sale('No vendemos tus datos personales a terceros.').value).toBe('doesNotSell');
    expect(sale('Chúng tôi không bán dữ liệu cá nhân của bạn.').value).toBe('doesNotSell');
    expect(sale('Datele colectate sunt confidențiale și nu vor fi vândute sau închiriate unor terțe părți.').value).toBe('doesNotSell');
  });

  it('treats a merger, acquisition or bankruptcy transfer as not a sale', () => {
    const s = sale('If we are involved in a merger, acquisition, bankruptcy or sale of all or a portion of our assets, your information may be sold or transferred as part of that transaction.');
    expect(s.value).toBe('notMentioned');
    expect(sale('Falls wir an einer Fusion, einem Verkauf oder einer Übernahme beteiligt sind, können Ihre Daten übertragen werden.').value).toBe('notMentioned');
  });

  it('recognises CCPA sharing for cross-context behavioural advertising, even next to "we do not sell for money"', () => {
    const s = sale(
      'Although we do not sell your personal information for money, our sharing of your personal information with some advertising partners may be considered a "sale" or "sharing" for cross-context behavioral advertising.',
    );
    expect(s.value).toBe('sharesForAds');
    expect(sale('You can opt-out of sharing your personal data for targeted advertising.').value).toBe('sharesForAds');
  });

  it('reads an admitted sale', () => {
    expect(sale('We sell your personal information to data brokers and marketing companies.').value).toBe('sells');
  });

  it('is not fooled by vendors, product sales, home selling or a bare right', () => {
    expect(sale('We use vendors and suppliers to host our services. Our sales team handles tickets. Find, buy or sell your home with us.').value).toBe('notMentioned');
    expect(sale('California residents have the right to opt-out of the sale of personal information.').value).toBe('notMentioned');
    expect(sale('We do not knowingly sell the personal information of children under 16.').value).toBe('notMentioned');
  });

  it('needs personal data as what is sold, not a rented bike or a sold product', () => {
    expect(sale('When you rent a bike, we collect your name and payment data to run the rental.').value).toBe('notMentioned');
    expect(sale('We sell bikes and accessories and collect your data to deliver them.').value).toBe('notMentioned');
    expect(sale('We sell subscriptions to our data platform.').value).toBe('notMentioned');
    const s = sale('When you rent a bike, we collect your name and payment data to run the rental. We do not sell your personal data.');
    expect(s.value).toBe('doesNotSell');
    expect(s.evidence.map((e) => e.quote)).toEqual(['We do not sell your personal data.']);
    expect(sale('Wir verkaufen Ihre Daten an Werbepartner.').value).toBe('sells');
    expect(sale('We may sell, rent or lease your personal information to third parties.').value).toBe('sells');
  });

  it('lets an explicit denial win over a sale read only from a pronoun', () => {
    expect(sale('We collect your address and may sell it to marketing partners.').value).toBe('sells');
    expect(sale('We collect your address and may sell it to marketing partners. We do not sell your personal data.').value).toBe('doesNotSell');
  });

  it('reads an explicit sale to advertisers as a sale, and only CCPA sharing wording as sharing for ads', () => {
    expect(sale('We sell your personal information to selected advertising partners.').value).toBe('sells');
    expect(sale('We sell and share your personal data with advertising partners for targeted advertising.').value).toBe('sells');
    expect(sale('We share your personal information with advertising partners for targeted advertising. We do not sell your personal information.').value).toBe(
      'sharesForAds',
    );
  });

  it('quotes its evidence', () => {
    const text = 'Intro.\nWe do not sell your personal information.';
    const s = analysePolicy({ text }).sale;
    expect(s.evidence[0]?.quote).toBe('We do not sell your personal information.');
    expect(text.slice(s.evidence[0]!.start, s.evidence[0]!.end)).toBe(s.evidence[0]!.quote);
  });
});
