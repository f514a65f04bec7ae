// Source: shared/spec/reference-method.md §8, step 1: "Floor: unrounded `taxPerMu` < 1 万元/亩, in either
//   cohort → D (a low-efficiency enterprise; Wenzhou's 亩均税收 < 1 万元 action)."
// and §3: values "are published rounded to 4 decimals but used unrounded everywhere (scores, the floor
//   rule, export share)".
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { ladder, strongButUnderFloor } from '../support/ladder.js';
import { below } from '../support/records.js';
import { resultFor } from '../support/results.js';

const reference = presetScheme('reference');

describe('the 亩均税收 floor alone', () => {
  it('规上: 0.99995 万元 on 1 亩 prints 1.0000 but is under the floor: A → D', () => {
    const subject = strongButUnderFloor(9);
    const result = resultFor(grade([subject, ...ladder()], reference), subject);
    expect(result.indicators['taxPerMu']?.value).toBe('1.0000');
    expect(result.rank).toBe(1);
    expect(result.bandClass).toBe('A');
    expect(result.finalClass).toBe('D');
    expect(result.finalClassLabel).toBe('整治淘汰类');
    expect(result.overrides.map((o) => [o.step, o.from, o.to])).toEqual([['taxFloor', 'A', 'D']]);
    expect(result.overrides[0]?.reason).toContain('亩均税收');
  });

  it('规上: exactly 1 万元/亩 is not under the floor', () => {
    const subject = strongButUnderFloor(9, { tax: '1' });
    const result = resultFor(grade([subject, ...ladder()], reference), subject);
    expect(result.bandClass).toBe('A');
    expect(result.finalClass).toBe('A');
    expect(result.overrides).toEqual([]);
  });

  it('规下: 9.9999 万元 on 10 亩 (0.99999, printed 1.0000) with a strong 单位电耗税收: A → D', () => {
    const subject = below(1, { landMu: '10', tax: '9.9999', electricityKwh: '1' });
    const others = [2, 3, 4, 5].map((n) => below(n, { landMu: '10', tax: '20', electricityKwh: '500000' }));
    const result = resultFor(grade([subject, ...others], reference), subject);
    expect(result.indicators['taxPerMu']?.value).toBe('1.0000');
    expect(result.indicators['taxPerKwh']?.score).toBe('100.00');
    expect(result.rank).toBe(1);
    expect(result.bandClass).toBe('A');
    expect(result.finalClass).toBe('D');
    expect(result.overrides.map((o) => [o.step, o.from, o.to])).toEqual([['taxFloor', 'A', 'D']]);
  });

  it('a band-D enterprise under the floor stays D, and no override is listed', () => {
    const records = ladder({ 5: { tax: '9' } });
    const result = resultFor(grade(records, reference), records[4] ?? '');
    expect(result.bandClass).toBe('D');
    expect(result.finalClass).toBe('D');
    expect(result.overrides).toEqual([]);
  });
});
