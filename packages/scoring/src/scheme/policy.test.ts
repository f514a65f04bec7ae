import { describe, expect, it } from 'vitest';
import { InvalidSchemeError } from '../errors/errors.js';
import { parseScheme, presetScheme } from './load.js';
import reference from './presets/reference.json' with { type: 'json' };

function issuesOf(document: unknown): { path: string; message: string }[] {
  try {
    parseScheme(document);
  } catch (error) {
    if (error instanceof InvalidSchemeError) return [...error.issues];
    throw error;
  }
  return [];
}

const electricity = (byClass: unknown, extra: Record<string, unknown> = {}) => ({
  extends: 'reference',
  policy: { surcharges: { electricity: { label: '差别化电价', unit: '元/kWh', byClass, ...extra } } },
});

describe('the price policy section', () => {
  it('is optional: a scheme without one is valid, and the reference preset carries §10’s table', () => {
    expect(presetScheme('huangyan-2022').policy).toBeUndefined();
    expect(presetScheme('reference').policy?.surcharges.electricity?.byClass['D']).toEqual([
      { fromYear: 1, perUnit: '0.30' },
      { fromYear: 3, perUnit: '0.40' },
    ]);
  });

  it('defaults the decimals to 2 and the sources to none', () => {
    const policy = parseScheme(electricity({ D: [{ fromYear: 1, perUnit: '0.3' }] })).policy;
    expect(policy?.surcharges.electricity?.decimals).toBe(2);
    expect(policy?.sources).toEqual([]);
  });

  it('refuses a negative or a float price', () => {
    const issues = issuesOf(
      electricity({ D: [{ fromYear: 1, perUnit: '-0.1' }], C: [{ fromYear: 1, perUnit: 0.3 }] }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'policy.surcharges.electricity.byClass.D.0.perUnit',
      'policy.surcharges.electricity.byClass.C.0.perUnit',
    ]);
  });

  it('refuses tiers that do not start at year 1, are out of order or have more decimals than the table', () => {
    const issues = issuesOf(
      electricity({
        D: [
          { fromYear: 2, perUnit: '0.30' },
          { fromYear: 2, perUnit: '0.40' },
        ],
        B: [{ fromYear: 1, perUnit: '0.305' }],
      }),
    );
    expect(issues).toEqual([
      {
        path: 'policy.surcharges.electricity.byClass.D.0.fromYear',
        message: 'the first tier must start at year 1',
      },
      {
        path: 'policy.surcharges.electricity.byClass.D.1.fromYear',
        message: 'tiers must be in ascending fromYear',
      },
      {
        path: 'policy.surcharges.electricity.byClass.B.0.perUnit',
        message: "has more than the table's 2 decimals",
      },
    ]);
  });

  it('refuses a class the scheme does not have, the exempt class included', () => {
    const issues = issuesOf(
      electricity({ E: [{ fromYear: 1, perUnit: '1' }], T: [{ fromYear: 1, perUnit: '1' }] }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'policy.surcharges.electricity.byClass.E',
      'policy.surcharges.electricity.byClass.T',
    ]);
  });

  it('takes a land-use-tax relief share from 0 to 1 by class', () => {
    const ok = parseScheme({ extends: 'reference', policy: { landTaxRelief: { A: '1', B: '0.50' } } });
    expect(ok.policy?.landTaxRelief).toEqual({ A: '1', B: '0.50' });
    const issues = issuesOf({ extends: 'reference', policy: { landTaxRelief: { A: '1.5', X: '0.5' } } });
    expect(issues.map((i) => i.path).sort()).toEqual(['policy.landTaxRelief.A', 'policy.landTaxRelief.X']);
  });
});

describe('"extends": a scheme that is a preset with some sections of its own', () => {
  it('shandong-2022 is the reference method with Shandong’s table', () => {
    const shandong = presetScheme('shandong-2022');
    const base = presetScheme('reference');
    expect(shandong.id).toBe('shandong-2022');
    expect(shandong.cohorts).toEqual(base.cohorts);
    expect(shandong.overrides).toEqual(base.overrides);
    expect(shandong.indicatorSets).toEqual(base.indicatorSets);
    expect(shandong.policy?.surcharges.electricity?.byClass['D']?.map((t) => t.perUnit)).toEqual([
      '0.05',
      '0.10',
      '0.15',
    ]);
  });

  it('replaces whole sections, never merging them', () => {
    const scheme = parseScheme({ extends: 'reference', id: 'county', tieBreak: [] });
    expect(scheme.tieBreak).toEqual([]);
    expect(scheme.id).toBe('county');
    expect(scheme.name).toBe(reference.name);
  });

  it('refuses an unknown preset or a non-string, naming the known ones', () => {
    expect(issuesOf({ extends: 'wenzhou' })).toEqual([
      {
        path: 'extends',
        message: expect.stringContaining(
          'reference, huangyan-2021, huangyan-2022, huangyan-2022-reference, linhai, shandong-2022',
        ) as string,
      },
    ]);
    expect(issuesOf({ extends: 3 })[0]?.path).toBe('extends');
  });

  it('validates the result like any scheme', () => {
    expect(issuesOf({ extends: 'reference', rounding: { value: 4 } }).map((i) => i.path)).toContain(
      'rounding.benchmark',
    );
  });
});
