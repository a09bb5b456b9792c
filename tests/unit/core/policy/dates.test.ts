import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../../../../core/policy/analyse';
import { findDate } from '../../../../core/policy/extract/dates';

const updated = (text: string) => analysePolicy({ text }).lastUpdated.value;

describe('dates', () => {
  it('parses the formats policies use', () => {
    expect(findDate('2024-12-23', false)?.iso).toBe('2024-12-23');
    expect(findDate('may 25, 2018', true)?.iso).toBe('2018-05-25');
    expect(findDate('25 may 2018', true)?.iso).toBe('2018-05-25');
    expect(findDate('27 de agosto de 2021', false)?.iso).toBe('2021-08-27');
    expect(findDate('17 mai 2024', false)?.iso).toBe('2024-05-17');
    expect(findDate('01.02.2026', false)?.iso).toBe('2026-02-01');
    expect(findDate('31/05/2024', false)?.iso).toBe('2024-05-31');
    expect(findDate('06-03-26', true)?.iso).toBe('2026-06-03');
    expect(findDate('ngày 1 tháng 1 năm 2025', false)?.iso).toBe('2025-01-01');
    expect(findDate('stand mai 2018', false)?.iso).toBe('2018-05');
    expect(findDate('april-2024', true)?.iso).toBe('2024-04');
  });

  it('rejects impossible dates', () => {
    expect(findDate('45.13.2020', false)).toBeNull();
  });
});

describe('lastUpdated', () => {
  it('takes the date next to an update or effective-date phrase', () => {
    expect(updated('Privacy Policy\nLast updated: March 3, 2025\nWe collect data since 2010-01-01.')).toBe('2025-03-03');
    expect(updated('Datenschutzerklärung\nDiese Datenschutzerklärung wurde zuletzt am 24.05.2018 angepasst.')).toBe('2018-05-24');
    expect(updated('Chính sách quyền riêng tư\nCập nhật lần cuối ngày 1 tháng 1 năm 2025.')).toBe('2025-01-01');
    expect(updated('Politique de confidentialité (Mise à jour du 17 mai 2024 )')).toBe('2024-05-17');
  });

  it('takes the end date of a previous version as the start of the current one', () => {
    expect(updated('Previous versions\n- This version was effective from June 24, 2021, until October 6, 2025.')).toBe('2025-10-06');
    expect(updated('Diese Datenschutzbestimmungen gelten ab 01.02.2026 Bis dahin gilt die bisherige Version.')).toBe('2026-02-01');
  });

  it('is null when no date is stated', () => {
    expect(updated('We may update this policy from time to time.')).toBeNull();
  });
});
