// Source: shared/spec/reference-method.md §8, steps 3 and 4 (Changle 2023 办法):
//   "Veto (一票否决, Changle): `vetoReasons` counts (major safety, environmental or food-safety accident, a
//   missed energy-saving task, …) → the class is at best C (A or B becomes C)."
//   "Protection (Changle): not vetoed, `protectedReason` counts (new production, 小升规 last year,
//   major-project construction period) and class D → C."
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { ladder } from '../support/ladder.js';
import type { Figures } from '../support/ladder.js';
import { resultFor } from '../support/results.js';

const reference = presetScheme('reference');
const veto = { vetoReasons: ['重大安全生产事故'] };
const protectedFigures = { protectedReason: ['新投产'] };

function outcome(rank: 1 | 2 | 3 | 4 | 5, figures: Figures) {
  const records = ladder({ [rank]: figures });
  const result = resultFor(grade(records, reference), records[rank - 1] ?? '');
  return {
    band: result.bandClass,
    final: result.finalClass,
    overrides: result.overrides.map((o) => [o.step, o.from, o.to]),
    result,
  };
}

describe('veto alone: at best C', () => {
  it('A → C, with the reason read out', () => {
    const { band, final, overrides, result } = outcome(1, veto);
    expect([band, final, overrides]).toEqual(['A', 'C', [['veto', 'A', 'C']]]);
    expect(result.overrides[0]?.reason).toContain('重大安全生产事故');
  });

  it('B → C', () => {
    expect(outcome(2, veto)).toMatchObject({ band: 'B', final: 'C', overrides: [['veto', 'B', 'C']] });
  });

  it('C and D are left as they are', () => {
    expect(outcome(4, veto)).toMatchObject({ band: 'C', final: 'C', overrides: [] });
    expect(outcome(5, veto)).toMatchObject({ band: 'D', final: 'D', overrides: [] });
  });
});

describe('protection alone: D → C', () => {
  it('D → C, with the reason read out', () => {
    const { band, final, overrides, result } = outcome(5, protectedFigures);
    expect([band, final, overrides]).toEqual(['D', 'C', [['protection', 'D', 'C']]]);
    expect(result.overrides[0]?.reason).toContain('新投产');
  });

  it('A, B and C are left as they are', () => {
    expect(outcome(1, protectedFigures)).toMatchObject({ band: 'A', final: 'A', overrides: [] });
    expect(outcome(2, protectedFigures)).toMatchObject({ band: 'B', final: 'B', overrides: [] });
    expect(outcome(4, protectedFigures)).toMatchObject({ band: 'C', final: 'C', overrides: [] });
  });

  it('only when not vetoed: a vetoed, protected D stays D', () => {
    expect(outcome(5, { ...veto, ...protectedFigures })).toMatchObject({
      band: 'D',
      final: 'D',
      overrides: [],
    });
  });
});
