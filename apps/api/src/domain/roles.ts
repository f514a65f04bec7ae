/** Who calls the API. Each bearer token carries one role and, for three of them, the scope it is bound to. */
export const ROLES = ['admin', 'department', 'town', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

/** The departments that own the figures of a record (§11: tax, statistics, natural resources, power, ecology). */
export const DEPARTMENTS = ['tax', 'statistics', 'natural-resources', 'power', 'ecology'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Readonly<Record<Department, string>> = {
  tax: '税务',
  statistics: '统计',
  'natural-resources': '自然资源和规划',
  power: '供电',
  ecology: '生态环境',
};

/**
 * The caller, as its token says: admin (the bureau) sees everything; a department the objection items
 * routed to it; a town (乡镇街道) its enterprises; an enterprise its own USCC.
 */
export type Principal = {
  /** The token's id, or for a signed-in person the account's: audit actor and idempotency scope. */
  readonly tokenId: string;
  /** Set when the caller came with a session cookie (sign-in), not a bearer token. */
  readonly sessionId?: string;
} & (
  | { readonly role: 'admin' }
  | { readonly role: 'department'; readonly department: Department }
  | { readonly role: 'town'; readonly town: string }
  | { readonly role: 'enterprise'; readonly uscc: string }
);

/** Who did something, in the audit trail: a token or an account, or the command line (`system`). */
export interface Actor {
  readonly id: string;
  readonly role: Role | 'system';
}

export function actorOf(principal: Principal): Actor {
  return { id: principal.tokenId, role: principal.role };
}
