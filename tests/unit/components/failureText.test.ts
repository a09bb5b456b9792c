import { describe, expect, it } from 'vitest';
import { failureText } from '../../../components/failureText';
import { createTranslator } from '../../../core/i18n/translate';
import { FAILURES, KnownFailure } from '../../../core/messaging/failures';
import { MIN_PASSPHRASE } from '../../../platform/identity/store';
import { MessageError } from '../../../platform/messaging/envelope';

const en = createTranslator('en');
const vi = createTranslator('vi');

describe('failureText', () => {
  it('words a failure the background named in the user\'s language', () => {
    const error = new MessageError('requests.setStatus', 'The law gives this request no extension.', 'noExtension');
    expect(failureText(en, error)).toBe('The law gives no extension for this request.');
    expect(failureText(vi, error)).toBe('Luật không cho phép gia hạn đối với yêu cầu này.');
    expect(failureText(vi, new KnownFailure('identityLocked'))).toBe('Danh tính của bạn đang khóa. Hãy mở khóa bằng cụm mật khẩu rồi thử lại.');
  });

  it('has words for every failure in both languages, and none left in English in Vietnamese', () => {
    for (const failure of FAILURES) {
      const error = new KnownFailure(failure);
      expect(failureText(en, error)).not.toMatch(/^failure\./);
      expect(failureText(vi, error)).not.toBe(failureText(en, error));
    }
    expect(failureText(en, new KnownFailure('passphraseTooShort'))).toContain(`at least ${MIN_PASSPHRASE} characters`);
  });

  it('gives anything else as its detail, without the name of the message that carried it', () => {
    const error = new MessageError('site.setPaused', 'not a registrable domain: x');
    expect(failureText(en, error)).toBe('not a registrable domain: x');
    expect(failureText(en, 'plain')).toBe('plain');
  });
});
