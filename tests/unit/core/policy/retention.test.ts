import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';
import { findDurations } from '../../../../core/policy/extract/duration';

const retention = (text: string) => analysePolicy({ text }).retention;

describe('durations', () => {
  it('normalises numbers and number words with units to days', () => {
    expect(findDurations('for 90 days').map((d) => d.days)).toEqual([90]);
    expect(findDurations('drei jahre lang').map((d) => d.days)).toEqual([3 * 365]);
    expect(findDurations('conservées 10 ans').map((d) => d.days)).toEqual([3650]);
    expect(findDurations('eighteen (18) months').map((d) => d.days)).toEqual([540]);
    expect(findDurations('trong 90 ngày').map((d) => d.days)).toEqual([90]);
    expect(findDurations('durante 2 años').map((d) => d.days)).toEqual([730]);
    expect(findDurations('two weeks').map((d) => d.days)).toEqual([14]);
  });

  it('does not read a Vietnamese date or a year as a duration', () => {
    expect(findDurations('ngày 1 tháng 1 năm 2025')).toEqual([]);
  });
});

describe('retention', () => {
  it('finds a specific period next to a retention verb, the longest one first', () => {
    const r = retention('We keep server logs for 30 days. Invoices are retained for 10 years as required by tax law.');
    expect(r.value).toEqual({ kind: 'period', days: 3650 });
    expect(r.evidence[0]?.quote).toContain('10 years');
  });

  it('reads Vietnamese, German, French and Spanish periods', () => {
    expect(retention('Địa chỉ IP của bạn được lưu trữ như một phần nhật ký máy chủ của chúng tôi trong 90 ngày.').value).toEqual({ kind: 'period', days: 90 });
    expect(retention('Die Daten werden nach sieben Tagen gelöscht.').value).toEqual({ kind: 'period', days: 7 });
    expect(retention('Vos données sont conservées 3 ans.').value).toEqual({ kind: 'period', days: 1095 });
    expect(retention('Conservaremos tus datos durante 2 años.').value).toEqual({ kind: 'period', days: 730 });
  });

  it('says criteria when only criteria are given', () => {
    expect(retention('We retain your personal data only for as long as necessary to provide the service.').value).toEqual({ kind: 'criteria', days: null });
    expect(retention('Wir speichern Ihre Daten nur so lange, wie es für den Zweck erforderlich ist.').value.kind).toBe('criteria');
    expect(retention('Vos données sont conservées pendant la durée nécessaire à la gestion de votre compte.').value.kind).toBe('criteria');
    expect(retention('Chúng tôi lưu giữ dữ liệu trong thời gian cần thiết để cung cấp dịch vụ.').value.kind).toBe('criteria');
  });

  it('says notStated when nothing is said, and ignores deadlines for answering requests and ages', () => {
    expect(retention('We collect your email address to send the newsletter.').value).toEqual({ kind: 'notStated', days: null });
    expect(retention('We will respond to your deletion request within 30 days.').value.kind).toBe('notStated');
    expect(retention('Please allow five (5) business days to be removed from our email lists.').value.kind).toBe('notStated');
  });
});
