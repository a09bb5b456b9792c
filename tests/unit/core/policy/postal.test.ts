import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';
import { findPostalAddresses } from '../../../../core/policy/extract/postal';
import { normaliseText } from '../../../../core/policy/normalise';
import { segment } from '../../../../core/policy/segment';

const postal = (text: string) => findPostalAddresses(segment(normaliseText(text))).map((h) => h.address);

describe('postal addresses', () => {
  it('reads an address after a postal cue, across lines, up to the postcode and place', () => {
    expect(postal('Alternatively, inquiries may be addressed to:\n\nExample, Inc.\nAttn: Consumer Care\n1301 Second Avenue, Floor 31\nSeattle, WA 98101\n\nThank you.')).toEqual([
      'Example, Inc., Attn: Consumer Care, 1301 Second Avenue, Floor 31, Seattle, WA 98101',
    ]);
    expect(postal('Schreiben Sie uns per Post an Beispiel GmbH, Hauptstraße 1, 10115 Berlin.')).toEqual(['Beispiel GmbH, Hauptstraße 1, 10115 Berlin']);
    expect(postal('Écrivez-nous par courrier à Exemple SAS, 12 rue de la Paix, 75002 Paris.')).toEqual(['Exemple SAS, 12 rue de la Paix, 75002 Paris']);
  });

  it('finds nothing without a postcode', () => {
    expect(postal('You can write to us by post at our head office.')).toEqual([]);
  });

  it('offers a postal address only when nothing better is given', () => {
    const onlyPost = analysePolicy({ text: 'Privacy notice\nTo exercise your rights, write to us by post at Example Ltd, 1 High Street, London EC1A 1BB.' });
    expect(onlyPost.bestContact?.value).toMatchObject({ channel: 'postal', value: 'Example Ltd, 1 High Street, London EC1A 1BB' });
    const withEmail = analysePolicy({ text: 'Privacy notice\nTo exercise your rights, email privacy@example.co.uk or write to us by post at Example Ltd, 1 High Street, London EC1A 1BB.' });
    expect(withEmail.bestContact?.value.channel).toBe('email');
  });
});
