import { z } from 'zod';
import {
  CONTESTABLE_FIELDS,
  CONTESTABLE_FIELD_KEYS,
  REVIEWERS,
  reviewerName,
  VALUE_KINDS,
} from '../domain/contestable-fields.js';
import { DEPARTMENTS } from '../domain/roles.js';
import { Uscc } from './common.js';

/** Who the session or bearer token says the caller is, and what the pages need to know to show its side. */
export const Session = z
  .object({
    role: z.enum(['admin', 'department', 'town', 'enterprise']),
    department: z.enum(DEPARTMENTS).optional(),
    departmentLabel: z.string().optional().meta({ description: 'the department in Chinese, e.g. 税务' }),
    town: z.string().optional(),
    uscc: Uscc.optional(),
    name: z.string().optional().meta({
      description: 'an enterprise’s name as its latest evaluation lists it; absent before it was ever graded',
    }),
    contestableFields: z
      .array(
        z.object({
          field: z.enum(CONTESTABLE_FIELD_KEYS),
          header: z.string().meta({ description: 'the data dictionary’s Chinese header' }),
          kind: z.enum(VALUE_KINDS).meta({
            description: 'figure (decimal), flag (true/false), specialized (none/province/national), count',
          }),
          department: z.enum(REVIEWERS),
          reviewerName: z.string().meta({ description: 'who reviews it, in Chinese: 税务部门, 经信局' }),
          nonNegative: z.boolean(),
        }),
      )
      .meta({
        description: 'the figures and bonus/penalty inputs an objection may contest, and who reviews each',
      }),
  })
  .meta({ id: 'Session' });

export const CONTESTABLE_FIELD_LIST = CONTESTABLE_FIELD_KEYS.map((field) => ({
  field,
  header: CONTESTABLE_FIELDS[field].header,
  kind: CONTESTABLE_FIELDS[field].kind,
  department: CONTESTABLE_FIELDS[field].department,
  reviewerName: reviewerName(CONTESTABLE_FIELDS[field].department),
  nonNegative: CONTESTABLE_FIELDS[field].nonNegative,
}));
