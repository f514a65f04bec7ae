import { dec } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { noStacking, noStackingNote } from './no-stacking.js';

describe('no stacking: the higher surcharge applies, never the sum', () => {
  it('without another surcharge, this policy’s applies and 备注 is empty', () => {
    const price = noStacking(dec('0.30'), null);
    expect(price.applied.toFixed(2)).toBe('0.30');
    expect(price.basis).toBe('policy');
    expect(noStackingNote(price, 2, '元/kWh')).toBe('');
  });

  it('an existing surcharge of 0 counts as none', () => {
    const price = noStacking(dec('0.30'), dec('0'));
    expect(price.existing).toBeNull();
    expect(noStackingNote(price, 2, '元/kWh')).toBe('');
  });

  it('a higher existing surcharge applies, and 备注 says it is the higher and not added', () => {
    const price = noStacking(dec('0.30'), dec('0.5'));
    expect(price.applied.toFixed(2)).toBe('0.50');
    expect(price.basis).toBe('existing');
    expect(noStackingNote(price, 2, '元/kWh')).toBe(
      '已执行其他加价 0.50 元/kWh，高于本次差别化电价 0.30 元/kWh，按较高的 0.50 元/kWh 执行，不叠加',
    );
  });

  it('a lower existing surcharge: this policy’s applies, and 备注 says so', () => {
    const price = noStacking(dec('0.30'), dec('0.10'));
    expect(price.applied.toFixed(2)).toBe('0.30');
    expect(price.basis).toBe('policy');
    expect(noStackingNote(price, 2, '元/kWh')).toBe(
      '已执行其他加价 0.10 元/kWh，低于本次差别化电价，按本次差别化电价 0.30 元/kWh 执行，不叠加',
    );
  });

  it('an equal one: this policy’s applies (one of them, not both)', () => {
    const price = noStacking(dec('0.3'), dec('0.30'));
    expect(price.basis).toBe('policy');
    expect(price.applied.toFixed(2)).toBe('0.30');
    expect(noStackingNote(price, 2, '元/kWh')).toContain('与本次差别化电价相同');
  });

  it('decides by exact value: 0.3000000001 is higher than 0.30', () => {
    const price = noStacking(dec('0.30'), dec('0.3000000001'));
    expect(price.basis).toBe('existing');
    expect(noStackingNote(price, 2, '元/kWh')).toContain('按较高的 0.3000000001 元/kWh 执行');
  });
});
