// 国办发明电〔2022〕16号 (2023): 中秋节、国庆节 9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。
// 元旦 2022年12月31日至2023年1月2日放假调休，共3天。
import { describe, expect, it } from 'vitest';
import { publicationWindow } from '../../index.js';

describe('公示 in 2023 (国办发明电〔2022〕16号)', () => {
  it('published 2023-09-28: both make-up weekend days count', () => {
    expect(publicationWindow('2023-09-28').days).toEqual([
      '2023-09-28',
      '2023-10-07',
      '2023-10-08',
      '2023-10-09',
      '2023-10-10',
    ]);
  });

  it('published on the make-up Saturday 2023-05-06 (劳动节): that Saturday is day 1', () => {
    expect(publicationWindow('2023-05-06')).toMatchObject({ firstDay: '2023-05-06', lastDay: '2023-05-11' });
  });

  it('published 2022-12-30, across the 元旦 that began in 2022', () => {
    expect(publicationWindow('2022-12-30').days).toEqual([
      '2022-12-30',
      '2023-01-03',
      '2023-01-04',
      '2023-01-05',
      '2023-01-06',
    ]);
  });
});
