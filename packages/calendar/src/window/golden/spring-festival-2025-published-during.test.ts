// 国办发明电〔2024〕12号 (2025): 春节 1月28日（除夕）至2月4日放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
import { describe, expect, it } from 'vitest';
import { publicationWindow } from '../../index.js';

describe('公示 around 春节 2025 (国办发明电〔2024〕12号)', () => {
  it('published during the holiday, 2025-01-30: day 1 is 2月5日, and the make-up Saturday 2月8日 counts', () => {
    expect(publicationWindow('2025-01-30')).toMatchObject({
      firstDay: '2025-02-05',
      days: ['2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08', '2025-02-10'],
      closesAt: '2025-02-10T16:00:00.000Z',
    });
  });

  it('published on the make-up Sunday 2025-01-26: day 1, then 1月27日, then after the holiday', () => {
    expect(publicationWindow('2025-01-26').days).toEqual([
      '2025-01-26',
      '2025-01-27',
      '2025-02-05',
      '2025-02-06',
      '2025-02-07',
    ]);
  });

  it('published on the make-up Saturday 2025-02-08: that Saturday is day 1', () => {
    expect(publicationWindow('2025-02-08')).toMatchObject({
      firstDay: '2025-02-08',
      lastDay: '2025-02-13',
      closesAt: '2025-02-13T16:00:00.000Z',
    });
  });
});
