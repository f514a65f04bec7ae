import type { CalendarYear } from '../calendar/schema.js';

/**
 * A made-up arrangement for 2027, for tests of entering a year the bundled calendar lacks: the shape of
 * a State Council notice, with plausible dates (春节 around 2027-02-06, 国庆节 from Friday 10-01), but NOT
 * the real notice (hence `verify: true` and the note). 国庆节 has make-up days on Sunday 09-26 and
 * Saturday 10-09, so a list published on Tuesday 2027-09-28 runs 09-28, 09-29, 09-30, 10-08, 10-09.
 */
export function exampleYear2027(): CalendarYear {
  const notice = '国办发明电〔2026〕99号';
  return {
    year: 2027,
    notices: [
      {
        number: notice,
        title: '国务院办公厅关于2027年部分节假日安排的通知（测试用示例）',
        issued: '2026-11-10',
        verify: true,
        note: 'a test fixture, not the real notice',
      },
    ],
    holidays: [
      { names: ['元旦'], from: '2027-01-01', to: '2027-01-03', days: 3, makeUp: [], notice },
      { names: ['春节'], from: '2027-02-06', to: '2027-02-12', days: 7, makeUp: ['2027-02-14'], notice },
      { names: ['清明节'], from: '2027-04-03', to: '2027-04-05', days: 3, makeUp: [], notice },
      {
        names: ['劳动节'],
        from: '2027-05-01',
        to: '2027-05-05',
        days: 5,
        makeUp: ['2027-04-25', '2027-05-08'],
        notice,
      },
      { names: ['端午节'], from: '2027-06-09', to: '2027-06-09', days: 1, makeUp: [], notice },
      { names: ['中秋节'], from: '2027-09-15', to: '2027-09-15', days: 1, makeUp: [], notice },
      {
        names: ['国庆节'],
        from: '2027-10-01',
        to: '2027-10-07',
        days: 7,
        makeUp: ['2027-09-26', '2027-10-09'],
        notice,
      },
    ],
  };
}
