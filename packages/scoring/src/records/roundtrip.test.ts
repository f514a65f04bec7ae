// The benchmark generator's records survive a trip through a sheet and the validator unchanged.
import { describe, expect, it } from 'vitest';
import { generateRecords, recordsToTable } from '../../bench/generate.js';
import { DECIMAL_STRING } from '../decimal/decimal.js';
import { parseRecords } from './parse.js';
import { usccProblem } from './uscc.js';

describe('generateRecords', () => {
  const records = generateRecords(5000, 20240601);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateRecords(200, 20240601)).toEqual(records.slice(0, 200));
    expect(generateRecords(200, 7)).not.toEqual(records.slice(0, 200));
  });

  it('makes valid, unique codes and canonical figures', () => {
    expect(new Set(records.map((record) => record.uscc)).size).toBe(records.length);
    for (const record of records) {
      expect(usccProblem(record.uscc)).toBeUndefined();
      expect(record.landMu).toMatch(DECIMAL_STRING);
      expect(record.tax).toMatch(DECIMAL_STRING);
      expect(record.landMu).not.toMatch(/\.\d*0$/);
    }
  });

  it('has realistic proportions', () => {
    const share = (test: (record: (typeof records)[number]) => boolean) =>
      records.filter(test).length / records.length;
    expect(share((record) => record.scale === 'above')).toBeCloseTo(0.3, 1);
    expect(share((record) => record.tax.startsWith('-'))).toBeGreaterThan(0.01);
    expect(share((record) => record.tax.startsWith('-'))).toBeLessThan(0.06);
    const above = records.filter((record) => record.scale === 'above');
    for (const record of above) {
      for (const key of [
        'addedValue',
        'revenue',
        'employees',
        'energyTce',
        'rdExpense',
        'electricityKwh',
      ] as const) {
        expect(record[key]).toBeDefined();
      }
    }
    expect(records.some((record) => record.scale === 'below' && Number(record.landMu) < 3)).toBe(true);
    expect(records.some((record) => record.exemptReason.length > 0)).toBe(true);
    expect(records.some((record) => record.vetoReasons.length > 0)).toBe(true);
    expect(records.some((record) => record.specialized === 'national')).toBe(true);
    for (const record of records) {
      expect(Number(record.tax)).toBeGreaterThanOrEqual(-5);
      expect(Number(record.tax)).toBeLessThanOrEqual(2000);
    }
  });
});

describe('generateRecords → recordsToTable → parseRecords', () => {
  it('gives back the same records, with no issues and no warnings', () => {
    const records = generateRecords(5000, 42);
    const parsed = parseRecords(recordsToTable(records));
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.records).toEqual(
      records.map((record, index) => ({ ...record, source: { row: index + 2 } })),
    );
  });
});
