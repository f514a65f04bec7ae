import { describe, expect, it } from 'vitest';
import { newIndustries } from './new-industries.js';
import type { NewlySurcharged } from './new-industries.js';

const e = (uscc: string, industryCode: string | null, price: string): NewlySurcharged => ({
  uscc,
  name: `企业${uscc}`,
  town: '',
  industryCode,
  class: 'D',
  price,
});

describe('the industries newly under surcharge', () => {
  it('groups by GB/T 4754 大类 in code order, the unspecified last, with the distinct prices lowest first', () => {
    const groups = newIndustries([
      e('3', 'C3391', '0.40'),
      e('1', null, '0.30'),
      e('2', '2927', '0.30'),
      e('4', 'C3311', '0.30'),
      e('5', 'X99', '0.30'),
      e('6', 'C3399', '0.40'),
    ]);
    expect(groups.map((g) => [g.code, g.label, g.enterprises.map((x) => x.uscc), g.prices])).toEqual([
      ['C29', 'C29 橡胶和塑料制品业', ['2'], ['0.30']],
      ['C33', 'C33 金属制品业', ['3', '4', '6'], ['0.30', '0.40']],
      [null, '（未填）', ['1', '5'], ['0.30']],
    ]);
  });

  it('nothing new, no industries', () => {
    expect(newIndustries([])).toEqual([]);
  });
});
