import { dec, fixed } from '@mujun/scoring';
import type { Dec, DecimalString, EnterpriseRecord, Grading, Scheme } from '@mujun/scoring';
import { classHistory, consecutiveYears, noStacking, priceText, surchargePerUnit } from '@mujun/surcharges';
import type { ClassHistory, ClassHistoryEntry, SurchargeTable } from '@mujun/surcharges';

/**
 * The 差别化电价 impact of a method change: each enterprise's surcharge under the current and the
 * proposed method's classes, priced with @mujun/surcharges' tiers (runs of D years from the class
 * history, no stacking over an existing surcharge: the higher one is executed), and what that costs at the
 * electricity the enterprise used in the data year (用电量, the year the evaluation measures: last year's
 * use when the list is executed).
 *
 * Each method is priced with its own policy table; a method without one is priced with the other's, so a
 * change of grading alone still shows whom it surcharges. Neither with a table: no impact (null).
 */

export interface ImpactRow {
  readonly uscc: string;
  readonly name: string;
  readonly town: string | null;
  readonly accounts: readonly string[];
  readonly currentClass: string | null;
  readonly proposedClass: string | null;
  /** 元/kWh executed under each method; "0" when not surcharged. */
  readonly currentPrice: DecimalString;
  readonly proposedPrice: DecimalString;
  /** 用电量(千瓦时) of the data year; null when the record has none. */
  readonly electricityKwh: DecimalString | null;
  /** price × use, 元 to the fen; null without a use figure. */
  readonly currentAmount: DecimalString | null;
  readonly proposedAmount: DecimalString | null;
  readonly change: DecimalString | null;
}

export interface ImpactTotals {
  readonly enterprises: number;
  readonly accounts: number;
  /** Σ amount, 元; enterprises without a use figure add nothing (counted in `withoutUse`). */
  readonly amount: DecimalString;
  readonly withoutUse: number;
}

export interface SurchargeImpact {
  readonly label: string;
  readonly unit: string;
  readonly priceDecimals: number;
  /** Which policy table priced each side (a scheme's name). */
  readonly currentPolicy: string;
  readonly proposedPolicy: string;
  /** Surcharged under each method. */
  readonly current: ImpactTotals;
  readonly proposed: ImpactTotals;
  /** Surcharged only under the proposed method. */
  readonly newlySurcharged: readonly ImpactRow[];
  readonly newlyTotals: ImpactTotals;
  /** Surcharged only under the current method. */
  readonly relieved: readonly ImpactRow[];
  readonly relievedTotals: ImpactTotals;
  /** Surcharged under both, at another price. */
  readonly changed: readonly ImpactRow[];
  readonly notes: readonly string[];
}

export interface ImpactInput {
  readonly records: readonly EnterpriseRecord[];
  readonly current: Grading;
  readonly proposed: Grading;
  readonly year: number | null;
  readonly history: readonly ClassHistoryEntry[];
}

function tableOf(scheme: Scheme): SurchargeTable | null {
  return scheme.policy?.surcharges.electricity ?? null;
}

const ZERO = dec('0');

function price(
  table: SurchargeTable,
  history: ClassHistory,
  year: number,
  record: EnterpriseRecord,
  classId: string | null,
): Dec {
  if (classId === null) return ZERO;
  const policy = surchargePerUnit(table, classId, consecutiveYears(history, record.uscc, year, classId));
  if (policy.isZero()) return ZERO;
  const existing = record.existingSurchargePerKwh == null ? null : dec(record.existingSurchargePerKwh);
  return noStacking(policy, existing).applied;
}

function totals(rows: readonly ImpactRow[], pick: (row: ImpactRow) => DecimalString | null): ImpactTotals {
  let amount = ZERO;
  let withoutUse = 0;
  let accounts = 0;
  for (const row of rows) {
    accounts += row.accounts.length;
    const value = pick(row);
    if (value === null) withoutUse++;
    else amount = amount.plus(dec(value));
  }
  return { enterprises: rows.length, accounts, amount: fixed(amount, 2), withoutUse };
}

export function surchargeImpact(input: ImpactInput): SurchargeImpact | null {
  const currentTable = tableOf(input.current.scheme) ?? tableOf(input.proposed.scheme);
  const proposedTable = tableOf(input.proposed.scheme) ?? tableOf(input.current.scheme);
  if (currentTable === null || proposedTable === null) return null;
  const notes: string[] = [];
  if (tableOf(input.current.scheme) === null) {
    notes.push('现行办法未设差别化电价标准，按拟议办法的标准测算');
  }
  if (tableOf(input.proposed.scheme) === null) {
    notes.push('拟议办法未设差别化电价标准，按现行办法的标准测算');
  }
  const year = input.year ?? 0;
  if (input.year === null) {
    notes.push('未提供评价年度，连续D类年数按本年度 1 年计');
  }
  const history = classHistory(input.history.filter((entry) => entry.year < year));
  const dp = Math.max(currentTable.decimals, proposedTable.decimals);
  const text = (value: Dec): DecimalString => (value.isZero() ? '0' : priceText(value, dp));

  const rows: ImpactRow[] = [];
  for (const record of input.records) {
    const now = input.current.result(record.uscc);
    const then = input.proposed.result(record.uscc);
    if (now === undefined || then === undefined) continue;
    const before = price(currentTable, history, year, record, now.finalClass);
    const after = price(proposedTable, history, year, record, then.finalClass);
    if (before.isZero() && after.isZero()) continue;
    const use = record.electricityKwh ?? null;
    const amount = (p: Dec): DecimalString | null => (use === null ? null : fixed(p.times(dec(use)), 2));
    const currentAmount = amount(before);
    const proposedAmount = amount(after);
    rows.push({
      uscc: record.uscc,
      name: record.name,
      town: record.town ?? null,
      accounts: [...new Set(record.powerAccounts)],
      currentClass: now.finalClass,
      proposedClass: then.finalClass,
      currentPrice: text(before),
      proposedPrice: text(after),
      electricityKwh: use,
      currentAmount,
      proposedAmount,
      change:
        currentAmount === null || proposedAmount === null
          ? null
          : fixed(dec(proposedAmount).minus(dec(currentAmount)), 2),
    });
  }
  rows.sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
  const charged = (p: DecimalString) => p !== '0';
  const newlySurcharged = rows.filter((r) => !charged(r.currentPrice) && charged(r.proposedPrice));
  const relieved = rows.filter((r) => charged(r.currentPrice) && !charged(r.proposedPrice));
  const changed = rows.filter(
    (r) =>
      charged(r.currentPrice) &&
      charged(r.proposedPrice) &&
      !dec(r.currentPrice).equals(dec(r.proposedPrice)),
  );
  if (rows.some((r) => r.electricityKwh === null)) {
    notes.push('部分企业未填用电量，其加价金额无法测算，未计入合计');
  }
  return {
    label: proposedTable.label,
    unit: proposedTable.unit,
    priceDecimals: dp,
    currentPolicy: (tableOf(input.current.scheme) === null ? input.proposed : input.current).scheme.name,
    proposedPolicy: (tableOf(input.proposed.scheme) === null ? input.current : input.proposed).scheme.name,
    current: totals(
      rows.filter((r) => charged(r.currentPrice)),
      (r) => r.currentAmount,
    ),
    proposed: totals(
      rows.filter((r) => charged(r.proposedPrice)),
      (r) => r.proposedAmount,
    ),
    newlySurcharged,
    newlyTotals: totals(newlySurcharged, (r) => r.proposedAmount),
    relieved,
    relievedTotals: totals(relieved, (r) => r.currentAmount),
    changed,
    notes,
  };
}
