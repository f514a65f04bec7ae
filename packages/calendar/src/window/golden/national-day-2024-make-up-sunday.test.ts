// 国办发明电〔2023〕7号 (2024): 国庆节 10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
import { describe, expect, it } from 'vitest';
import { isWindowOpen, publicationWindow } from '../../index.js';

describe('公示 around 国庆节 2024 (国办发明电〔2023〕7号)', () => {
  it('published Friday 2024-09-27: the make-up Sunday is day 2, the holiday is skipped', () => {
    const window = publicationWindow('2024-09-27');
    expect(window.days).toEqual(['2024-09-27', '2024-09-29', '2024-09-30', '2024-10-08', '2024-10-09']);
    expect(window.closesAt).toBe('2024-10-09T16:00:00.000Z');
    expect(isWindowOpen(window, '2024-10-09T23:59:59+08:00')).toBe(true);
    expect(isWindowOpen(window, '2024-10-10T00:00:00+08:00')).toBe(false);
  });

  it('published on the make-up Saturday 2024-10-12: that Saturday is day 1', () => {
    expect(publicationWindow('2024-10-12').days).toEqual([
      '2024-10-12',
      '2024-10-14',
      '2024-10-15',
      '2024-10-16',
      '2024-10-17',
    ]);
  });

  it('published during the holiday, 2024-10-03: day 1 is 10-08', () => {
    expect(publicationWindow('2024-10-03')).toMatchObject({
      firstDay: '2024-10-08',
      lastDay: '2024-10-12',
      closesAt: '2024-10-12T16:00:00.000Z',
    });
  });
});
