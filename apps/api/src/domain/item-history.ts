import type { Audit, Objection, ObjectionItem } from '../store/store.js';
import { CONTESTABLE_FIELDS, reviewerName, valueText } from './contestable-fields.js';

/**
 * An objection item's history as the audit trail records it, in the sentences a reviewer reads: filed
 * (by whom, with the receipt number, the claim beside the graded value), routed, each decision and each
 * revision with its reason, the recomputation that applied it, finalization.
 */
export interface ItemEvent {
  readonly at: string;
  readonly kind: 'filed' | 'routed' | 'decided' | 'revised' | 'recomputed' | 'finalized';
  readonly by: Audit['actor']['role'];
  readonly text: string;
}

const FILED_BY = { admin: '经信局代企业', town: '乡镇街道代企业', enterprise: '企业' } as const;

interface Decided {
  readonly status?: unknown;
  readonly correctedValue?: unknown;
  readonly decisionReason?: unknown;
}

function decidedOf(value: unknown): Decided {
  return typeof value === 'object' && value !== null ? value : {};
}

export function itemHistory(
  objection: Objection,
  item: ObjectionItem,
  trail: {
    readonly filing: readonly Audit[];
    readonly item: readonly Audit[];
    readonly evaluation: readonly Audit[];
  },
): ItemEvent[] {
  const name = CONTESTABLE_FIELDS[item.field].header.replace(/\([^()]*\)$/, '');
  const text = (value: string | null) => valueText(item.field, value);
  const reviewer = reviewerName(item.department);
  const events: ItemEvent[] = [];
  const filed = trail.filing.find((entry) => entry.action === 'file');
  events.push({
    at: filed?.at ?? objection.filedAt,
    kind: 'filed',
    by: filed?.actor.role ?? objection.filedBy,
    text:
      `${FILED_BY[objection.filedBy]}提出异议（受理回执 ${objection.receiptNo}），` +
      `主张${name}为 ${text(item.claimedValue)}（评价所用为 ${text(item.currentValue)}）`,
  });
  events.push({
    at: filed?.at ?? objection.filedAt,
    kind: 'routed',
    by: 'system',
    text: `按数据归属分送${reviewer}审核`,
  });
  for (const entry of trail.item.filter((row) => row.action === 'decide')) {
    const before = decidedOf(entry.before);
    const after = decidedOf(entry.after);
    const revised = before.status === 'upheld' || before.status === 'rejected';
    const who = entry.actor.role === 'admin' ? '经信局' : reviewer;
    const reason = typeof after.decisionReason === 'string' ? `，理由：${after.decisionReason}` : '';
    const verdict =
      after.status === 'upheld'
        ? `采纳，${name}核实为 ${text(typeof after.correctedValue === 'string' ? after.correctedValue : null)}`
        : '不采纳';
    events.push({
      at: entry.at,
      kind: revised ? 'revised' : 'decided',
      by: entry.actor.role,
      text: `${who}${revised ? '改为' : ''}${verdict}${reason}`,
    });
  }
  const since = filed?.at ?? objection.filedAt;
  for (const entry of trail.evaluation) {
    if (entry.at < since) continue;
    if (entry.action === 'recompute') {
      events.push({
        at: entry.at,
        kind: 'recomputed',
        by: entry.actor.role,
        text:
          item.status === 'upheld'
            ? `经信局复核重算，核实后的${name}已计入评价结果`
            : '经信局复核重算，本项未采纳，评价结果不因此项改变',
      });
    }
    if (entry.action === 'finalize') {
      events.push({ at: entry.at, kind: 'finalized', by: entry.actor.role, text: '评价结果定稿' });
    }
  }
  return events;
}
