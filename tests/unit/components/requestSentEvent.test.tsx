import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../components/ledger/EventLine';
import { createTranslator } from '../../../core/i18n/translate';

const event = (to: string | null, dueDate: string | null = '2026-04-02') => ({
  site: 'shop.test', at: 1, kind: 'request.sent',
  data: { id: 'r1', regime: 'gdpr', type: 'erasure', channel: 'mailto', to, sentOn: '2026-03-02', dueDate },
});

describe('the request.sent line in a site\'s timeline', () => {
  it('says what was asked, of whom, and by when the answer is due', () => {
    expect(describeEvent(createTranslator('en'), event('privacy@shop.test'))).toBe('You sent a request (Delete my data) to privacy@shop.test; the answer is due by 2 Apr 2026.');
    expect(describeEvent(createTranslator('en'), event(null))).toBe('You sent a request (Delete my data); the answer is due by 2 Apr 2026.');
    expect(describeEvent(createTranslator('vi'), event('privacy@shop.test'))).toMatch(/^Bạn đã gửi yêu cầu \(Xóa dữ liệu của tôi\) tới privacy@shop\.test; hạn trả lời là /);
  });

  it('says a letter by post counts from its delivery when that day was not known yet', () => {
    expect(describeEvent(createTranslator('en'), event('Shop, 1 High St', null))).toBe('You sent a request (Delete my data) by post to Shop, 1 High St; the deadline counts from its delivery.');
    expect(describeEvent(createTranslator('vi'), event(null, null))).toBe('Bạn đã gửi yêu cầu (Xóa dữ liệu của tôi) qua bưu điện; thời hạn tính từ ngày thư được nhận.');
  });
});
