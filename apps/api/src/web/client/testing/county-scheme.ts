import { presetDocument } from '@mujun/scoring';

/**
 * A county's method for the self-check's tests (the form's unit test and the browser test): Linhai's
 * preset, which declares 用水量 and COD排放量, plus one figure of every other declared kind (a date, a
 * yes/no, a count) read by its bonus and penalty items, which also read 专精特新 and 出租户数; 一票否决 is
 * read only for the class.
 */
export const COUNTY_FIGURES = [
  { key: 'startDate', header: '投产日期', kind: 'date' },
  { key: 'safetyIncident', header: '安全生产事故', kind: 'yesNo' },
  { key: 'patents', header: '发明专利数(件)', kind: 'count' },
] as const;

/** The county document; `unread` figures are declared too, but nothing reads them. */
export function countyDocument(unread: readonly Record<string, string>[] = []): Record<string, unknown> {
  const linhai = presetDocument('linhai') as Record<string, unknown> & { figures: unknown[] };
  return {
    ...linhai,
    id: 'county-figures',
    figures: [...linhai.figures, ...COUNTY_FIGURES, ...unread],
    bonus: {
      cap: '10',
      items: [
        {
          id: 'newPlant',
          label: '新投产',
          when: { date: 'startDate', op: 'gte', value: '2024-01-01' },
          points: '3',
        },
        {
          id: 'patents',
          label: '发明专利',
          points: { perCount: 'patents', from: 1, base: '1', each: '0.5' },
        },
        { id: 'national', label: '国家级专精特新', when: { specialized: ['national'] }, points: '4' },
      ],
    },
    penalty: {
      cap: null,
      items: [
        { id: 'safety', label: '安全生产事故', when: { flag: 'safetyIncident' }, points: '5' },
        { id: 'sublet', label: '出租', points: { perCount: 'subletTenants', from: 1, base: '2', each: '1' } },
      ],
    },
    overrides: [
      { kind: 'atBest', id: 'veto', label: '一票否决', when: { reason: 'vetoReasons' }, class: 'C' },
    ],
  };
}
