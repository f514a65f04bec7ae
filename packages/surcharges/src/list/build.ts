import { dec } from '@mujun/scoring';
import type { DecimalString, Scheme } from '@mujun/scoring';
import { diffLists } from '../diff/diff.js';
import type { ListDiff } from '../diff/diff.js';
import type { PreviousListRow } from '../diff/previous-list.js';
import { InvalidArgumentError } from '../errors.js';
import { classHistory, consecutiveYears } from '../history/history.js';
import type { ClassHistory } from '../history/history.js';
import type { ClassHistoryEntry } from '../history/parse-history.js';
import { executionPeriod } from '../period/period.js';
import type { ExecutionPeriod, IsoDate } from '../period/period.js';
import { describeTiers, surchargedClasses, surchargePerUnit, surchargeTable } from '../policy/policy.js';
import type { SurchargeTable } from '../policy/policy.js';
import { decimalsOf, priceText } from '../policy/price.js';
import { newIndustries } from './new-industries.js';
import type { NewIndustry, NewlySurcharged } from './new-industries.js';
import { noStacking, noStackingNote } from './no-stacking.js';
import type { PriceBasis } from './no-stacking.js';
import type { SurchargeSubject } from './subjects.js';

export interface SurchargeListInput {
  readonly scheme: Scheme;
  /** The evaluation (data) year whose final classes the list executes: 评价年度. */
  readonly year: number;
  /** Every enterprise of that year with its final class (subjectsFromGrading, or the server's store). */
  readonly subjects: readonly SurchargeSubject[];
  /** Final classes of earlier years; entries for `year` or later are ignored with a warning. */
  readonly history: readonly ClassHistoryEntry[];
  /** The date of final publication (YYYY-MM-DD): the period starts on the first of the next month. */
  readonly publishedOn: IsoDate;
  /** 依据文号, the document the list executes. */
  readonly documentNumber: string;
  /** Last year's list, for 新增 / 移出 / 加价变化; absent or null when there is none to compare with. */
  readonly previous?: readonly PreviousListRow[] | null;
}

/** One row for the grid company: one power account of one surcharged enterprise. */
export interface SurchargeRow {
  readonly uscc: string;
  readonly name: string;
  /** 电力户号; empty (and `noAccount`) for an enterprise whose record names none. */
  readonly account: string;
  readonly noAccount: boolean;
  /** 行业: the industry name, else the code. */
  readonly industry: string;
  readonly town: string;
  readonly year: number;
  readonly class: string;
  /** 连续D类年数: consecutive years in the scheme's last class (D), this year included; 0 for other classes. */
  readonly consecutiveDYears: number;
  /** 加价标准: the executed price, the higher of this policy's and the existing one. */
  readonly price: DecimalString;
  readonly policyPrice: DecimalString;
  readonly existingPrice: DecimalString | null;
  readonly basis: PriceBasis;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly documentNumber: string;
  /** 备注: which surcharge applies when there is another, and a missing account. */
  readonly note: string;
}

/** One surcharged enterprise, with all its accounts. */
export interface SurchargedEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly industryCode: string | null;
  readonly industry: string;
  readonly town: string;
  readonly class: string;
  /** Consecutive years in its class, this year included: what chose the tier. */
  readonly consecutiveYears: number;
  readonly accounts: readonly string[];
  readonly price: DecimalString;
  readonly policyPrice: DecimalString;
  readonly existingPrice: DecimalString | null;
  readonly basis: PriceBasis;
  /** Not surcharged under this policy last year (last year's class carried no surcharge, or no class). */
  readonly newlySurcharged: boolean;
}

/** A class the policy surcharges, with its tiers in words, for the publication. */
export interface PolicyClass {
  readonly id: string;
  readonly label: string;
  readonly tiers: string;
}

export interface SurchargeList {
  readonly schemeId: string;
  readonly schemeName: string;
  /** 差别化电价, 元/kWh and the table's decimals. */
  readonly label: string;
  readonly unit: string;
  /** The decimals every price column is written with: the table's, or more if an existing surcharge has more. */
  readonly priceDecimals: number;
  readonly policySources: readonly string[];
  readonly policyClasses: readonly PolicyClass[];
  /** The scheme's last class, whose consecutive years the list counts (D). */
  readonly worstClass: string;
  readonly year: number;
  readonly publishedOn: IsoDate;
  readonly period: ExecutionPeriod;
  readonly documentNumber: string;
  /** By 统一社会信用代码. */
  readonly enterprises: readonly SurchargedEnterprise[];
  /** By 统一社会信用代码, then each enterprise's accounts in the order its record lists them. */
  readonly rows: readonly SurchargeRow[];
  readonly newIndustries: readonly NewIndustry[];
  /** Null when there was no previous list to compare with. */
  readonly diff: ListDiff | null;
  /** What a clerk should check: an enterprise without a power account, an account on two enterprises. */
  readonly warnings: readonly string[];
}

const NO_ACCOUNT_NOTE = '未提供电力户号，请供电企业核实户号后执行';

function checkArguments(input: SurchargeListInput): string {
  if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 9999) {
    throw new InvalidArgumentError(
      'year',
      `评价年度应为四位年份：${String(input.year)} (the year must be four digits)`,
    );
  }
  const documentNumber = input.documentNumber.trim();
  if (documentNumber === '') {
    throw new InvalidArgumentError(
      'documentNumber',
      '依据文号不能为空 (the document number must not be empty)',
    );
  }
  return documentNumber;
}

/** Whether the enterprise paid this policy's surcharge last year: its class then, and its run then. */
function surchargedLastYear(
  table: SurchargeTable,
  history: ClassHistory,
  uscc: string,
  year: number,
): boolean {
  const lastClass = history.get(uscc)?.get(year - 1);
  if (lastClass === undefined) return false;
  return !surchargePerUnit(table, lastClass, consecutiveYears(history, uscc, year - 1, lastClass)).isZero();
}

function industryOf(subject: SurchargeSubject): string {
  return subject.industryName ?? subject.industryCode ?? '';
}

const byCode = (a: { readonly uscc: string }, b: { readonly uscc: string }) =>
  a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0;

/**
 * The differentiated electricity-price list (reference-method.md §10) from the evaluation year's final
 * classes. Pure: the same input gives the same list, with no clock and no files.
 *
 * - The price: the scheme's electricity table, by final class and consecutive years in that class (this
 *   year included, from the class history; a gap year or another class breaks the run).
 * - No stacking: with an existing surcharge the higher one is executed, and 备注 says which.
 * - One row per power account of each surcharged enterprise. An enterprise with no account still gets one
 *   row, with 电力户号 empty and 备注 asking the grid company to find the account, plus a warning: leaving
 *   it out would drop an enterprise the policy surcharges from the list without anyone noticing.
 * - Period: from the first day of the month after `publishedOn`, for 12 months.
 * - What is new: enterprises not surcharged last year, by industry; and with `previous`, the diff.
 */
export function surchargeList(input: SurchargeListInput): SurchargeList {
  const { scheme, year } = input;
  const documentNumber = checkArguments(input);
  const table = surchargeTable(scheme, 'electricity');
  const period = executionPeriod(input.publishedOn);
  const worstClass = scheme.classes.at(-1)?.id ?? '';
  const warnings: string[] = [];

  const later = input.history.filter((entry) => entry.year >= year);
  if (later.length > 0) {
    warnings.push(
      `类别历史中有 ${String(later.length)} 条 ${String(year)} 年及以后的记录，已忽略：本年度类别以本次评价结果为准 ` +
        `(${String(later.length)} history entries for ${String(year)} or later ignored; this year's class is the grading's)`,
    );
  }
  const history = classHistory(input.history.filter((entry) => entry.year < year));
  if (Number(input.publishedOn.slice(0, 4)) <= year) {
    warnings.push(
      `公布日期 ${input.publishedOn} 不晚于评价年度 ${String(year)} 年：请核对 --published 与 --year ` +
        `(the publication date is not after the evaluation year; check both)`,
    );
  }

  const enterprises: SurchargedEnterprise[] = [];
  const rows: SurchargeRow[] = [];
  const accountOwners = new Map<string, string[]>();
  const subjects = [...input.subjects].sort(byCode);
  // The decimals of every price column: the table's, or more when an existing surcharge has more.
  const priceDecimals = Math.max(
    table.decimals,
    ...subjects.map((s) => (s.existingSurchargePerKwh == null ? 0 : decimalsOf(s.existingSurchargePerKwh))),
  );

  for (const subject of subjects) {
    const classId = subject.finalClass;
    if (classId === null) continue;
    const run = consecutiveYears(history, subject.uscc, year, classId);
    const policy = surchargePerUnit(table, classId, run);
    if (policy.isZero()) continue;
    const existing = subject.existingSurchargePerKwh == null ? null : dec(subject.existingSurchargePerKwh);
    const price = noStacking(policy, existing);
    const accounts = [...new Set(subject.powerAccounts)];
    if (accounts.length < subject.powerAccounts.length) {
      warnings.push(
        `${subject.name}（${subject.uscc}）的电力户号有重复，每个户号只列一行 (a power account listed twice; one row each)`,
      );
    }
    const base = {
      uscc: subject.uscc,
      name: subject.name,
      industry: industryOf(subject),
      town: subject.town ?? '',
      class: classId,
      price: priceText(price.applied, priceDecimals),
      policyPrice: priceText(price.policy, priceDecimals),
      existingPrice: price.existing === null ? null : priceText(price.existing, priceDecimals),
      basis: price.basis,
    };
    enterprises.push({
      ...base,
      industryCode: subject.industryCode ?? null,
      consecutiveYears: run,
      accounts,
      newlySurcharged: !surchargedLastYear(table, history, subject.uscc, year),
    });
    const stacking = noStackingNote(price, priceDecimals, table.unit);
    if (accounts.length === 0) {
      warnings.push(
        `${subject.name}（${subject.uscc}）应执行${table.label}，但未提供电力户号：清单中列一行，电力户号为空，请供电企业核实 ` +
          `(surcharged but no power account: listed once with the account empty)`,
      );
    }
    for (const account of accounts.length === 0 ? [''] : accounts) {
      if (account !== '') accountOwners.set(account, [...(accountOwners.get(account) ?? []), subject.uscc]);
      rows.push({
        ...base,
        account,
        noAccount: account === '',
        year,
        consecutiveDYears: classId === worstClass ? run : 0,
        start: period.start,
        end: period.end,
        documentNumber,
        note: [stacking, account === '' ? NO_ACCOUNT_NOTE : ''].filter((text) => text !== '').join('；'),
      });
    }
  }
  for (const [account, owners] of accountOwners) {
    if (owners.length > 1) {
      warnings.push(
        `电力户号 ${account} 同时列在 ${owners.join('、')} 名下，请核实由哪家企业执行 ` +
          `(one power account under several enterprises; check which one it belongs to)`,
      );
    }
  }

  const fresh: NewlySurcharged[] = enterprises
    .filter((e) => e.newlySurcharged)
    .map((e) => ({
      uscc: e.uscc,
      name: e.name,
      town: e.town,
      industryCode: e.industryCode,
      class: e.class,
      price: e.price,
    }));
  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    label: table.label,
    unit: table.unit,
    priceDecimals,
    policySources: scheme.policy?.sources ?? [],
    policyClasses: surchargedClasses(scheme, table).map((id) => ({
      id,
      label: scheme.classes.find((c) => c.id === id)?.label ?? id,
      tiers: describeTiers(table, id),
    })),
    worstClass,
    year,
    publishedOn: input.publishedOn,
    period,
    documentNumber,
    enterprises,
    rows,
    newIndustries: newIndustries(fresh),
    diff: input.previous == null ? null : diffLists(rows, input.previous, priceDecimals),
    warnings,
  };
}
