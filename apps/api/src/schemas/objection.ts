import { z } from 'zod';
import { CONTESTABLE_FIELD_KEYS, REVIEWERS, VALUE_KINDS } from '../domain/contestable-fields.js';
import { Cursor, Instant, Limit, Uscc, pageOf } from './common.js';

export const ContestableField = z.enum(CONTESTABLE_FIELD_KEYS).meta({
  id: 'ContestableField',
  description:
    'a figure or bonus/penalty input of the data dictionary; each figure is routed to the department ' +
    'that owns it, the bonus and penalty inputs (highTech, specialized, emergencySupplier, keyChainLink, ' +
    'subletTenants) to the bureau',
});
export const Reviewer = z.enum(REVIEWERS).meta({
  id: 'Reviewer',
  description: 'who reviews an item: the department that owns the figure, or `bureau` (admin)',
});
export const ValueKind = z.enum(VALUE_KINDS).meta({
  id: 'ValueKind',
  description:
    'how the field’s values are written: `figure` a decimal string; `flag` `true`/`false`; ' +
    '`specialized` `none`/`province`/`national`; `count` a whole number ≥ 0',
});
export const ContestedValue = z
  .string()
  .regex(
    /^(-?(0|[1-9]\d*)(\.\d+)?|true|false|none|province|national)$/,
    'a decimal string, true/false, or none/province/national, as the field takes',
  )
  .meta({
    id: 'ContestedValue',
    description: 'a value in the form its field takes (see ValueKind); checked against the field: 422',
    examples: ['16.2', 'true', 'province', '2'],
  });

/** The `objection` part of the multipart filing: what is contested, and why. */
export const NewObjection = z
  .strictObject({
    uscc: Uscc.optional().meta({ description: 'the enterprise; an enterprise token may leave it out' }),
    reason: z.string().trim().min(1).max(4000),
    items: z
      .array(z.strictObject({ field: ContestableField, claimedValue: ContestedValue }))
      .min(1)
      .max(CONTESTABLE_FIELD_KEYS.length)
      .refine((items) => new Set(items.map((item) => item.field)).size === items.length, {
        message: '同一数据项在一次异议中只能出现一次 (each field may be contested once per objection)',
      }),
  })
  .meta({ id: 'NewObjection' });

export const FileObjectionForm = z.object({
  objection: NewObjection,
  evidence: z
    .array(z.string().meta({ format: 'binary' }))
    .min(1)
    .max(10)
    .meta({ description: '1–10 files, PDF, JPEG or PNG (told by content), at most 10 MB each' }),
});

export const ItemStatus = z.enum(['pending', 'upheld', 'rejected']);

export const ObjectionItem = z
  .object({
    id: z.string(),
    field: ContestableField,
    header: z.string(),
    kind: ValueKind,
    department: Reviewer,
    currentValue: ContestedValue.nullable().meta({
      description: 'the value as graded when the objection was filed',
    }),
    claimedValue: ContestedValue,
    status: ItemStatus,
    correctedValue: ContestedValue.nullable(),
    decisionReason: z.string().nullable(),
    decidedAt: Instant.nullable(),
    version: z.int().meta({ description: 'send as If-Match: "<version>" to decide' }),
  })
  .meta({ id: 'ObjectionItem' });

export const EvidenceMeta = z
  .object({
    id: z.string(),
    filename: z.string(),
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    size: z.int(),
    sha256: z.string(),
  })
  .meta({ id: 'Evidence' });

export const Objection = z
  .object({
    id: z.string(),
    receiptNo: z.string().meta({
      description:
        '受理回执编号: YY, the year filed (Asia/Shanghai) and the filing sequence, e.g. YY2025-000123',
    }),
    evaluationId: z.string(),
    uscc: Uscc,
    name: z.string(),
    town: z.string().nullable(),
    reason: z.string(),
    filedAt: Instant,
    filedBy: z.enum(['admin', 'town', 'enterprise']),
    status: z
      .enum(['under_review', 'decided'])
      .meta({ description: 'decided once every item is upheld or rejected' }),
    items: z.array(ObjectionItem),
    evidence: z.array(EvidenceMeta),
  })
  .meta({ id: 'Objection' });

export const ObjectionsPage = pageOf(Objection).meta({ id: 'ObjectionsPage' });
export const ObjectionsQuery = z.object({ limit: Limit, cursor: Cursor });

export const ReviewItem = ObjectionItem.extend({
  objectionId: z.string(),
  evaluationId: z.string(),
  uscc: Uscc,
  name: z.string(),
  windowLastDay: z.iso
    .date()
    .nullable()
    .meta({
      description:
        'the last day of the 公示 window (Asia/Shanghai) the objection was filed in: the bureau recomputes ' +
        'once it has passed and every item is decided',
    }),
}).meta({ id: 'ReviewItem' });
export const ReviewItemsPage = pageOf(ReviewItem).meta({ id: 'ReviewItemsPage' });
export const ReviewItemsQuery = z.object({
  status: z.enum(['pending', 'decided']).optional(),
  evaluation: z.string().max(100).optional(),
  limit: Limit,
  cursor: Cursor,
});

export const Decision = z
  .discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('upheld'),
      correctedValue: ContestedValue.meta({ description: 'the verified value (may differ from the claim)' }),
      reason: z.string().trim().min(1).max(4000).optional(),
    }),
    z.strictObject({ decision: z.literal('rejected'), reason: z.string().trim().min(1).max(4000) }),
  ])
  .meta({ id: 'Decision' });

export const ItemEvent = z
  .object({
    at: Instant,
    kind: z.enum(['filed', 'routed', 'decided', 'revised', 'recomputed', 'finalized']),
    by: z.enum(['admin', 'department', 'town', 'enterprise', 'system']),
    text: z.string().meta({ description: 'what happened, in a Chinese sentence' }),
  })
  .meta({ id: 'ItemEvent' });
export const ItemHistory = z
  .object({ data: z.array(ItemEvent) })
  .meta({ id: 'ItemHistory', description: 'oldest first, from the audit trail' });

export const ObjectionPath = z.object({ id: z.string().max(100) });
export const ItemPath = z.object({ id: z.string().max(100), itemId: z.string().max(100) });
export const EvidencePath = z.object({ id: z.string().max(100), evidenceId: z.string().max(100) });
