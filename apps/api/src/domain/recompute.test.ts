import { describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from '@mujun/scoring';
import type { DecidedItem } from '../store/store.js';
import { correctRecords } from './recompute.js';

const record = {
  uscc: '91331003MA20CKPQ23',
  name: '台州远东铸造有限公司',
  scale: 'above',
  landMu: '41',
  tax: '36.9',
  specialized: 'none',
  subletTenants: 0,
  powerAccounts: [],
  emergencySupplier: false,
  keyChainLink: false,
  highTech: false,
  vetoReasons: [],
  protectedReason: [],
  exemptReason: [],
} as const satisfies EnterpriseRecord;

const item = (over: Partial<DecidedItem>): DecidedItem => ({
  objectionId: 'obj_1',
  itemId: 'itm_1',
  uscc: record.uscc,
  field: 'landAreaMu',
  status: 'upheld',
  currentValue: '41',
  correctedValue: '30',
  ...over,
});

describe('corrections replace the contested figures', () => {
  it('applies upheld items to the record figure they name, without touching the input', () => {
    const input = [record];
    const { records, corrections } = correctRecords(input, [
      item({}),
      item({ itemId: 'itm_2', field: 'tax', currentValue: '36.9', correctedValue: '50' }),
    ]);
    expect(records[0]).toMatchObject({ landMu: '30', tax: '50' });
    expect(input[0]?.landMu).toBe('41');
    expect(corrections.get(record.uscc)?.map((c) => [c.field, c.department, c.from, c.to])).toEqual([
      ['landAreaMu', 'natural-resources', '41', '30'],
      ['tax', 'tax', '36.9', '50'],
    ]);
  });

  it('ignores rejected items', () => {
    const { records, corrections } = correctRecords(
      [record],
      [item({ status: 'rejected', correctedValue: null })],
    );
    expect(records[0]).toBe(record);
    expect(corrections.size).toBe(0);
  });
});
