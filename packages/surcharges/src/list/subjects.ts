import type { DecimalString, EnterpriseRecord, Grading } from '@mujun/scoring';

/**
 * What the list needs of one enterprise of the evaluation year: who it is, where, its final class, its
 * power accounts and any surcharge it already pays. The CLI makes these from a grading run; the server
 * will make them from a finalized evaluation's stored records and results.
 */
export interface SurchargeSubject {
  readonly uscc: string;
  readonly name: string;
  readonly industryCode?: string | null;
  readonly industryName?: string | null;
  readonly town?: string | null;
  /** The final class of the evaluation year; null when the enterprise was not classed (不纳入评价). */
  readonly finalClass: string | null;
  /** 电力户号, as the record lists them. */
  readonly powerAccounts: readonly string[];
  /** 已执行其他加价(元/千瓦时): another differential or punitive surcharge it already pays. */
  readonly existingSurchargePerKwh?: DecimalString | null;
}

/** The subjects of a grading run: each record with the final class its grading gave it. */
export function subjectsFromGrading(
  records: readonly EnterpriseRecord[],
  grading: Grading,
): SurchargeSubject[] {
  return records.map((record) => {
    const result = grading.result(record.uscc);
    if (result === undefined) throw new Error(`the grading has no result for ${record.uscc}`);
    return {
      uscc: record.uscc,
      name: record.name,
      industryCode: record.industryCode ?? null,
      industryName: record.industryName ?? null,
      town: record.town ?? null,
      finalClass: result.finalClass,
      powerAccounts: record.powerAccounts,
      existingSurchargePerKwh: record.existingSurchargePerKwh ?? null,
    };
  });
}
