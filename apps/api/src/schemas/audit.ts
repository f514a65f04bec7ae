import { z } from 'zod';
import { Cursor, Instant, Limit, pageOf } from './common.js';

export const AuditEntry = z
  .object({
    seq: z.int(),
    at: Instant,
    actor: z.object({
      id: z.string(),
      role: z.enum(['admin', 'department', 'town', 'enterprise', 'system']),
    }),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown().meta({ description: 'the state before, or null for a creation' }),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPage = pageOf(AuditEntry).meta({ id: 'AuditPage' });
export const AuditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  limit: Limit,
  cursor: Cursor,
});
