// 2026 notice (国办发明电〔2025〕7号, released 4 November 2025): 春节 2月15日至23日放假调休，共9天。
// 2月14日（周六）、2月28日（周六）上班。国庆节 10月1日至7日；9月20日（周日）、10月10日（周六）上班。
import { describe, expect, it } from 'vitest';
import { publicationWindow } from '../../index.js';

describe('公示 in 2026 (国办发明电〔2025〕7号)', () => {
  it('published Friday 2026-02-13: the make-up Saturday 2月14日 is day 2, then after the nine days', () => {
    expect(publicationWindow('2026-02-13')).toMatchObject({
      days: ['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26'],
      closesAt: '2026-02-26T16:00:00.000Z',
    });
  });

  it('published 2026-09-30: 国庆节, then the make-up Saturday 10月10日 counts', () => {
    expect(publicationWindow('2026-09-30').days).toEqual([
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);
  });

  it('published on the make-up Sunday 2026-01-04 (元旦): that Sunday is day 1', () => {
    expect(publicationWindow('2026-01-04')).toMatchObject({ firstDay: '2026-01-04', lastDay: '2026-01-08' });
  });
});
