// Source: shared/spec/reference-method.md §8: "Then, in this order, to get the final class:
//   1. Floor … → D  2. 提档 … → one class up (… it lifts a floor-D too)  3. Veto … → the class is at best C
//   4. Protection: not vetoed, … and class D → C."
// and §9: a result shows "band class, final class, and each override step that changed the class with its
//   reason — enough for a clerk to answer an enterprise's 'why am I C?'".
// Each case below names the class that another order would give, to show the order is the one that decides.
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord, EnterpriseResult } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { ladder, strongButUnderFloor } from '../support/ladder.js';
import { resultFor } from '../support/results.js';

const reference = presetScheme('reference');
const veto = ['重大环境污染事件'];
const protection = ['重大项目建设期'];

function gradeWith(subject: EnterpriseRecord, others: readonly EnterpriseRecord[]): EnterpriseResult {
  return resultFor(grade([subject, ...others], reference), subject);
}

const steps = (result: EnterpriseResult) => result.overrides.map((o) => `${o.step}:${o.from}→${o.to}`);

describe('the override steps in combination', () => {
  it('the ladder cohort is A, B, B, C, D by rank', () => {
    const grading = grade(ladder(), reference);
    expect([...grading.results()].map((r) => [r.rank, r.bandClass, r.indicators['taxPerMu']?.score])).toEqual(
      [
        [1, 'A', '66.67'],
        [2, 'B', '53.33'],
        [3, 'B', '40.00'],
        [4, 'C', '26.67'],
        [5, 'D', '13.33'],
      ],
    );
  });

  it('floor before 提档: A → D → C (提档 first would leave A, then the floor D)', () => {
    const result = gradeWith(strongButUnderFloor(9, { keyChainLink: true }), ladder());
    expect(result.bandClass).toBe('A');
    expect(steps(result)).toEqual(['taxFloor:A→D', 'upgrade:D→C']);
    expect(result.finalClass).toBe('C');
  });

  it('提档 before veto: B → A → C (veto first would give B → C → B)', () => {
    const records = ladder({ 2: { emergencySupplier: true, vetoReasons: veto } });
    const result = resultFor(grade(records, reference), records[1] ?? '');
    expect(result.bandClass).toBe('B');
    expect(steps(result)).toEqual(['upgrade:B→A', 'veto:A→C']);
    expect(result.finalClass).toBe('C');
  });

  it('提档 before protection: D → C, protection has nothing left to do (first, it would give D → C → B)', () => {
    const records = ladder({ 5: { emergencySupplier: true, protectedReason: protection } });
    const result = resultFor(grade(records, reference), records[4] ?? '');
    expect(steps(result)).toEqual(['upgrade:D→C']);
    expect(result.finalClass).toBe('C');
  });

  it('veto blocks protection: floor-D, vetoed and protected stays D (protection ignoring the veto would give C)', () => {
    const result = gradeWith(
      strongButUnderFloor(9, { vetoReasons: veto, protectedReason: protection }),
      ladder(),
    );
    expect(steps(result)).toEqual(['taxFloor:A→D']);
    expect(result.finalClass).toBe('D');
  });

  it('all four: A → D (floor) → C (提档); the veto allows C; protection does not apply', () => {
    const subject = strongButUnderFloor(9, {
      exportValue: '1500',
      vetoReasons: veto,
      protectedReason: protection,
    });
    const result = gradeWith(subject, ladder());
    expect(steps(result)).toEqual(['taxFloor:A→D', 'upgrade:D→C']);
    expect(result.finalClass).toBe('C');
  });
});

describe('the trace of a changed class', () => {
  it('lists each changing step, in order, with its reason, between the band and the final class', () => {
    const result = gradeWith(strongButUnderFloor(9, { keyChainLink: true }), ladder());
    expect(result.overrides).toEqual([
      {
        step: 'taxFloor',
        label: expect.stringContaining('亩均税收') as unknown,
        from: 'A',
        to: 'D',
        reason: expect.stringContaining('亩均税收') as unknown,
      },
      {
        step: 'upgrade',
        label: expect.stringContaining('提档') as unknown,
        from: 'D',
        to: 'C',
        reason: expect.stringContaining('产业链关键环节企业') as unknown,
      },
    ]);
    const tail = result.trace.slice(-4);
    expect(tail.map((entry) => entry.rule)).toEqual(['band', 'override', 'override', 'final']);
    const [band, floor, upgrade, final] = tail;
    expect(band).toMatchObject({ rule: 'band', class: 'A' });
    expect(floor).toMatchObject({ rule: 'override', step: 'taxFloor', from: 'A', to: 'D' });
    expect(floor?.detail).toContain('亩均税收');
    expect(upgrade).toMatchObject({ rule: 'override', step: 'upgrade', from: 'D', to: 'C' });
    expect(upgrade?.detail).toContain('产业链关键环节企业');
    expect(final).toMatchObject({ rule: 'final', class: 'C' });
  });

  it('the floor reason shows why 1.0000 is under the floor: the unrounded 0.99995, not "1.0000 < 1"', () => {
    // The indicator is published as 1.0000 (4 decimals), but the floor compares the unrounded value (§3). A
    // reason reading "亩均税收 1.0000 万元/亩 < 1" contradicts itself in front of the enterprise.
    const result = gradeWith(strongButUnderFloor(9), ladder());
    expect(result.indicators['taxPerMu']?.value).toBe('1.0000');
    expect(result.overrides[0]?.reason).toContain('0.99995');
  });

  it('a step that changed nothing is not listed (veto on a C)', () => {
    const records = ladder({ 4: { vetoReasons: veto } });
    const result = resultFor(grade(records, reference), records[3] ?? '');
    expect(result.overrides).toEqual([]);
    expect(result.trace.filter((entry) => entry.rule === 'override')).toEqual([]);
  });
});
