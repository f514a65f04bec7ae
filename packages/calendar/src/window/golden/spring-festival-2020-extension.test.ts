// 国办发明电〔2019〕16号 set 春节 2020 at 1月24日至30日, with 1月19日（星期日）、2月1日（星期六）上班;
// 国办发明电〔2020〕1号 extended it to 2月2日, "2月3日（星期一）起正常上班".
import { describe, expect, it } from 'vitest';
import { explainDay, publicationWindow } from '../../index.js';

describe('公示 around the extended 春节 2020 (国办发明电〔2020〕1号)', () => {
  it('published 2020-01-31, a working day before the extension: day 1 is 2月3日', () => {
    expect(publicationWindow('2020-01-31')).toMatchObject({
      firstDay: '2020-02-03',
      days: ['2020-02-03', '2020-02-04', '2020-02-05', '2020-02-06', '2020-02-07'],
      closesAt: '2020-02-07T16:00:00.000Z',
    });
  });

  it('published 2020-01-23: day 1 is that Thursday, then the window resumes on 2月3日', () => {
    expect(publicationWindow('2020-01-23').days).toEqual([
      '2020-01-23',
      '2020-02-03',
      '2020-02-04',
      '2020-02-05',
      '2020-02-06',
    ]);
  });

  it('2月1日 is a day off under the amending notice, not the make-up day first announced', () => {
    expect(explainDay('2020-02-01')).toMatchObject({
      working: false,
      notices: ['国办发明电〔2019〕16号', '国办发明电〔2020〕1号'],
    });
  });
});
