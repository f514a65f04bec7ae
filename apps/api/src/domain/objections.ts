import type { EvidenceMeta, FilingView, ItemDecision, NewObjection, DecisionView } from '../store/store.js';
import { CONTESTABLE_FIELDS, contestedValue, departmentOf, recordValue } from './contestable-fields.js';
import type { ContestableField } from './contestable-fields.js';
import { formatBytes } from './bytes.js';
import { DomainError, DomainErrorCode, notFound } from './errors.js';
import type { EvidenceQuota } from './evidence.js';
import { newId } from './ids.js';
import { assertDecisionOpen, assertFilingOpen } from './lifecycle.js';
import type { Principal } from './roles.js';

/** An objection as filed: fields with claimed values, a reason, the evidence already sniffed. */
export interface Filing {
  readonly reason: string;
  readonly items: readonly { readonly field: ContestableField; readonly claimedValue: string }[];
  readonly evidence: readonly (EvidenceMeta & { readonly content: Uint8Array })[];
}

/** A claimed or corrected value in its field's form (a figure canonical, `true`/`false`, a level, a count). */
function figure(field: ContestableField, value: string, pointer: string): string {
  const checked = contestedValue(field, value);
  if (!checked.ok) {
    throw new DomainError(DomainErrorCode.InvalidValue, checked.reason, {
      errors: [{ pointer, detail: checked.reason }],
    });
  }
  return checked.value;
}

/**
 * The objection to write, decided inside the filing's transaction: the window is open, the enterprise
 * is in the evaluation (and in the filing town's scope), and no field is contested twice at once.
 */
export function fileObjection(
  view: FilingView,
  principal: Principal,
  filing: Filing,
  now: Date,
  quota: EvidenceQuota,
): NewObjection {
  const { record } = view;
  if (record === undefined) throw notFound('enterprise in this evaluation');
  if (principal.role === 'town' && record.town !== principal.town)
    throw notFound('enterprise in this evaluation');
  if (principal.role === 'department') throw new Error('a department never files an objection');
  assertFilingOpen(view.evaluation, now);
  assertEvidenceQuota(view.evidenceBytes, filing, quota);
  const items = filing.items.map((item, i) => {
    if (view.contested.has(item.field)) {
      throw new DomainError(
        DomainErrorCode.FieldAlreadyContested,
        `${CONTESTABLE_FIELDS[item.field].header}已有待审核或已采纳的异议，不能重复提出`,
        {
          errors: [
            {
              pointer: `#/objection/items/${i}/field`,
              detail: `${CONTESTABLE_FIELDS[item.field].header}已在异议中`,
            },
          ],
        },
      );
    }
    const pointer = `#/objection/items/${i}/claimedValue`;
    const currentValue = recordValue(record, item.field);
    const claimedValue = figure(item.field, item.claimedValue, pointer);
    // Canonical forms compare as values: a claim of what is already graded would change nothing.
    const current = currentValue === null ? undefined : contestedValue(item.field, currentValue);
    if (current?.ok === true && current.value === claimedValue) {
      const detail = `${CONTESTABLE_FIELDS[item.field].header}的申报值与评价所用数据相同，无需提出异议`;
      throw new DomainError(DomainErrorCode.InvalidValue, detail, { errors: [{ pointer, detail }] });
    }
    return {
      id: newId('itm'),
      field: item.field,
      department: departmentOf(item.field),
      currentValue,
      claimedValue,
    };
  });
  return {
    id: newId('obj'),
    uscc: record.uscc,
    name: record.name,
    town: record.town ?? null,
    reason: filing.reason,
    filedRole: principal.role,
    items,
    evidence: filing.evidence,
  };
}

/** The filing's evidence fits the enterprise's and the evaluation's quotas, with what is stored already. */
function assertEvidenceQuota(
  stored: FilingView['evidenceBytes'],
  filing: Filing,
  quota: EvidenceQuota,
): void {
  const adding = filing.evidence.reduce((sum, file) => sum + file.size, 0);
  const over = (scope: string, setting: string, limit: number, already: number): DomainError =>
    new DomainError(
      DomainErrorCode.EvidenceQuota,
      `${scope}的证明材料已有 ${formatBytes(already)}，加上本次 ${formatBytes(adding)} 将超过 ` +
        `${formatBytes(limit)} 的上限（设置项 ${setting}），本次异议未提交 ` +
        `(the evidence would pass the quota of ${limit} bytes; nothing was stored)`,
      { limit: { name: setting, bytes: limit, stored: already, adding } },
    );
  if (stored.enterprise + adding > quota.perEnterprise) {
    throw over(
      '该企业在本次评价中',
      'MUJUN_EVIDENCE_QUOTA_ENTERPRISE_BYTES',
      quota.perEnterprise,
      stored.enterprise,
    );
  }
  if (stored.evaluation + adding > quota.perEvaluation) {
    throw over('本次评价', 'MUJUN_EVIDENCE_QUOTA_EVALUATION_BYTES', quota.perEvaluation, stored.evaluation);
  }
}

export type DecisionInput =
  | { readonly decision: 'upheld'; readonly correctedValue: string; readonly reason?: string | undefined }
  | { readonly decision: 'rejected'; readonly reason: string };

/** A department's decision on one item: its own items only, while the review is open. */
export function decideItem(view: DecisionView, principal: Principal, input: DecisionInput): ItemDecision {
  if (principal.role === 'department' && view.item.department !== principal.department) {
    throw notFound('objection item');
  }
  assertDecisionOpen(view.evaluation);
  if (input.decision === 'rejected')
    return { decision: 'rejected', correctedValue: null, reason: input.reason };
  return {
    decision: 'upheld',
    correctedValue: figure(view.item.field, input.correctedValue, '#/correctedValue'),
    reason: input.reason ?? null,
  };
}
