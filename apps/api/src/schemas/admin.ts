import { z } from 'zod';
import { DEPARTMENTS } from '../domain/roles.js';
import { Instant } from './common.js';

/** The bureau's staff accounts and API tokens, over HTTP as on the command line. */

export const StaffAccount = z
  .object({
    name: z.string(),
    role: z.enum(['admin', 'department', 'town']),
    department: z.enum(DEPARTMENTS).nullable(),
    town: z.string().nullable(),
    mustChange: z.boolean().meta({ description: 'a temporary password not yet changed' }),
    totp: z.boolean().meta({ description: 'an authenticator is bound' }),
    createdAt: Instant,
    disabledAt: Instant.nullable(),
  })
  .meta({ id: 'StaffAccount' });

export const StaffAccountList = z
  .object({ data: z.array(StaffAccount), next_cursor: z.string().nullable() })
  .meta({ id: 'StaffAccountList' });

export const NewStaffAccount = z
  .object({
    role: z.enum(['admin', 'department', 'town']),
    username: z.string().min(1).max(64),
    department: z.enum(DEPARTMENTS).optional(),
    town: z.string().min(1).max(100).optional(),
  })
  .meta({ id: 'NewStaffAccount' });

export const CreatedStaffAccount = z
  .object({
    name: z.string(),
    temporaryPassword: z.string().meta({ description: 'shown once; must be changed at first sign-in' }),
  })
  .meta({ id: 'CreatedStaffAccount' });

export const ApiToken = z
  .object({
    id: z.string(),
    role: z.enum(['admin', 'department', 'town', 'enterprise']),
    department: z.enum(DEPARTMENTS).nullable(),
    town: z.string().nullable(),
    uscc: z.string().nullable(),
    label: z.string(),
    createdAt: Instant,
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const ApiTokenList = z
  .object({ data: z.array(ApiToken), next_cursor: z.string().nullable() })
  .meta({ id: 'ApiTokenList' });

export const NewApiToken = z
  .object({
    role: z.enum(['admin', 'department', 'town', 'enterprise']),
    department: z.enum(DEPARTMENTS).optional(),
    town: z.string().min(1).max(100).optional(),
    uscc: z.string().min(1).max(18).optional(),
    label: z.string().max(100).optional(),
  })
  .meta({ id: 'NewApiToken' });

export const CreatedApiToken = z
  .object({
    id: z.string(),
    token: z.string().meta({ description: 'the bearer token: shown once, never stored' }),
    role: z.enum(['admin', 'department', 'town', 'enterprise']),
  })
  .meta({ id: 'CreatedApiToken' });

export const TokenPath = z.object({ id: z.string().min(1).max(100) });
