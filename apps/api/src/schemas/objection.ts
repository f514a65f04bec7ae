import { z } from 'zod';
import { CONTESTABLE_FIELD_KEYS } from '../domain/contestable-fields.js';
import { DEPARTMENTS } from '../domain/roles.js';
import { Cursor, Decimal, Instant, Limit, Uscc, pageOf } from './common.js';

export const ContestableField = z.enum(CONTESTABLE_FIELD_KEYS).meta({
  id: 'ContestableField',
  description: 'a figure of the data dictionary; each is routed to the department that owns it',
});
export const Department = z.enum(DEPARTMENTS).meta({ id: 'Department' });

/** The `objection` part of the multipart filing: what is contested, and why. */
export const NewObjection = z
  .strictObject({
    uscc: Uscc.optional().meta({ description: 'the enterprise; an enterprise token may leave it out' }),
    reason: z.string().trim().min(1).max(4000),
    items: z
      .array(z.strictObject({ field: ContestableField, claimedValue: Decimal }))
      .min(1)
      .max(CONTESTABLE_FIELD_KEYS.length)
      .refine((items) => new Set(items.map((item) => item.field)).size === items.length, {
        message: 'each field may be contested once per objection',
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
    department: Department,
    currentValue: Decimal.nullable().meta({
      description: 'the figure as graded when the objection was filed',
    }),
    claimedValue: Decimal,
    status: ItemStatus,
    correctedValue: Decimal.nullable(),
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
      correctedValue: Decimal.meta({ description: 'the verified figure (may differ from the claim)' }),
      reason: z.string().trim().min(1).max(4000).optional(),
    }),
    z.strictObject({ decision: z.literal('rejected'), reason: z.string().trim().min(1).max(4000) }),
  ])
  .meta({ id: 'Decision' });

export const ObjectionPath = z.object({ id: z.string().max(100) });
export const ItemPath = z.object({ id: z.string().max(100), itemId: z.string().max(100) });
export const EvidencePath = z.object({ id: z.string().max(100), evidenceId: z.string().max(100) });
