import type { EnterpriseRecord } from '@mujun/scoring';
import type { Dataset, Entry } from '../dataset.js';
import {
  cohortIndicators,
  cohortLabel,
  compareCodes,
  compareNames,
  townOf,
  UNSPECIFIED,
} from '../dataset.js';
import type { DecimalString } from '../decimal.js';
import { declaredLabel, FIGURE_LABELS } from '../figures.js';

/**
 * 一企一单: the sheet each enterprise receives before publication to confirm its figures — what the
 * bureau holds for it (with the data dictionary's names and units), each indicator's value, benchmark and
 * score, the bonus and penalty items, the total and the class, and why the class moved. A figure it did not
 * report but is scored on shows as missing, so that it can still supply it.
 */

export const SCALE_LABEL = { above: '规上', below: '规下' } as const;
export const STATUS_LABEL = { rated: '参评', exempt: '暂不评价', out_of_scope: '不纳入评价' } as const;
const SPECIALIZED_LABEL = { none: '无', province: '省级', national: '国家级' } as const;

export interface ConfirmationFigure {
  /** A data-dictionary figure's key, or a figure's the scheme declares. */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** As the record holds it; null when not reported. */
  readonly value: DecimalString | null;
}

export interface ConfirmationIndicator {
  readonly label: string;
  readonly unit: string;
  readonly value: DecimalString | null;
  readonly applicable: boolean;
  readonly benchmark: DecimalString | null;
  readonly weight: DecimalString;
  readonly score: DecimalString;
}

export interface ConfirmationSheet {
  readonly uscc: string;
  readonly name: string;
  readonly scale: string;
  readonly town: string;
  readonly park: string | null;
  readonly industry: string | null;
  readonly status: string;
  readonly cohort: string;
  /** Why it is not rated (exempt or out of scope); null when rated. */
  readonly scopeNote: string | null;
  readonly figures: readonly ConfirmationFigure[];
  /** Yes/no facts and reasons that move scores or classes (bonus items, veto, protection). */
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly indicators: readonly ConfirmationIndicator[];
  readonly bonusItems: readonly { readonly label: string; readonly points: DecimalString }[];
  readonly bonus: DecimalString | null;
  readonly penaltyItems: readonly { readonly label: string; readonly points: DecimalString }[];
  readonly penalty: DecimalString | null;
  readonly totalScore: DecimalString | null;
  readonly bandClass: string | null;
  readonly finalClass: string | null;
  readonly finalClassLabel: string | null;
  readonly overrides: readonly {
    readonly label: string;
    readonly from: string;
    readonly to: string;
    readonly reason: string;
  }[];
}

function listOrNone(items: readonly string[]): string {
  return items.length > 0 ? items.join('；') : '无';
}

export function confirmationSheet(data: Dataset, entry: Entry): ConfirmationSheet {
  const { record, result } = entry;
  const scored = new Set<string>();
  if (result.cohort !== null) {
    for (const indicator of cohortIndicators(data.scheme, result.cohort)) {
      scored.add(indicator.numerator).add(indicator.denominator);
    }
  }
  const figures: ConfirmationFigure[] = FIGURE_LABELS.filter(
    ({ key }) => record[key] !== undefined || scored.has(key),
  ).map(({ key, label, unit }) => ({ key, label, unit, value: record[key] ?? null }));
  // The county's own figures (用水量 …) after the data dictionary's: numbers like them, 是/否 and dates as facts.
  const declared = data.scheme.figures ?? [];
  for (const figure of declared) {
    if (figure.kind === 'yesNo' || figure.kind === 'date') continue;
    const value = record.extra?.[figure.key];
    if (value === undefined && !scored.has(figure.key)) continue;
    figures.push({ key: figure.key, ...declaredLabel(figure), value: value ?? null });
  }
  const yes = (flag: boolean): string => (flag ? '是' : '否');
  const facts = [
    { label: '应急医疗物资重点生产企业', value: yes(record.emergencySupplier) },
    { label: '产业链关键环节企业', value: yes(record.keyChainLink) },
    { label: '国家高新技术企业', value: yes(record.highTech) },
    { label: '专精特新', value: SPECIALIZED_LABEL[record.specialized] },
    { label: '出租户数', value: String(record.subletTenants) },
    { label: '一票否决事项', value: listOrNone(record.vetoReasons) },
    { label: '保护事由', value: listOrNone(record.protectedReason) },
    { label: '暂不评价事由', value: listOrNone(record.exemptReason) },
    ...declared.flatMap((figure) => {
      const value = record.extra?.[figure.key];
      if (figure.kind === 'yesNo') return [{ label: figure.header, value: yes(value === '1') }];
      if (figure.kind === 'date') return [{ label: figure.header, value: value ?? '未填报' }];
      return [];
    }),
  ];
  const industry = [record.industryCode, record.industryName].filter((part) => part !== undefined).join(' ');
  return {
    uscc: result.uscc,
    name: result.name,
    scale: SCALE_LABEL[result.scale],
    town: townOf(entry),
    park: record.park ?? null,
    industry: industry === '' ? null : industry,
    status: STATUS_LABEL[result.status],
    cohort: cohortLabel(data.scheme, result.cohort),
    scopeNote: entry.scopeNote,
    figures,
    facts,
    indicators: Object.values(result.indicators).map(
      ({ label, unit, value, applicable, benchmark, weight, score }) => ({
        label,
        unit,
        value,
        applicable,
        benchmark,
        weight,
        score,
      }),
    ),
    bonusItems: result.bonusItems.map(({ label, points }) => ({ label, points })),
    bonus: result.bonus,
    penaltyItems: result.penaltyItems.map(({ label, points }) => ({ label, points })),
    penalty: result.penalty,
    totalScore: result.totalScore,
    bandClass: result.bandClass,
    finalClass: result.finalClass,
    finalClassLabel: result.finalClassLabel,
    overrides: result.overrides.map(({ label, from, to, reason }) => ({ label, from, to, reason })),
  };
}

/** Every enterprise's sheet, by town (the office that hands them out), then by code; built one at a time. */
export function* confirmationSheets(data: Dataset): Generator<ConfirmationSheet> {
  const order = [...data.entries].sort((a, b) => confirmationOrder(a.record, b.record));
  for (const entry of order) yield confirmationSheet(data, entry);
}

/** The sheets' order, as a sort's comparison of the enterprises' records: by town, then by code. */
export function confirmationOrder(a: EnterpriseRecord, b: EnterpriseRecord): number {
  return compareNames(a.town ?? UNSPECIFIED, b.town ?? UNSPECIFIED) || compareCodes(a.uscc, b.uscc);
}
