import type { Request } from 'express';
import type { Department, Principal } from '../domain/roles.js';
import { hashToken, TOKEN_PREFIX } from '../domain/tokens.js';
import type { Store } from '../store/store.js';
import { HttpProblem } from './problem.js';
import type { Access } from './route.js';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="mujun"' };
const BEARER = new RegExp(`^Bearer (${TOKEN_PREFIX}[A-Za-z0-9_-]{43})$`);

function unauthorized(detail: string): HttpProblem {
  return new HttpProblem(401, 'unauthorized', 'Unauthorized', detail, {}, CHALLENGE);
}

/**
 * The caller of a route: its bearer token, looked up by hash (no token, a malformed one or an unknown
 * one is 401), then its role checked against the route's, and a department against the route's
 * departments when it names some (403). Scope (which evaluation, town or enterprise) is the handler's,
 * and out of scope answers 404 so as not to reveal what exists.
 */
export async function authenticate(
  store: Store,
  req: Request,
  access: Exclude<Access, 'public'>,
  departments?: readonly Department[],
): Promise<Principal> {
  const header = req.get('authorization');
  if (header === undefined) throw unauthorized('missing bearer token (Authorization: Bearer mjt_…)');
  const match = BEARER.exec(header.trim());
  const token = match?.[1];
  if (token === undefined) throw unauthorized('malformed bearer token');
  const principal = await store.principalForTokenHash(hashToken(token));
  if (principal === undefined) throw unauthorized('unknown or revoked token');
  if (!access.includes(principal.role)) {
    throw new HttpProblem(403, 'forbidden', 'Forbidden', `the ${principal.role} role may not use this route`);
  }
  if (
    principal.role === 'department' &&
    departments !== undefined &&
    !departments.includes(principal.department)
  ) {
    throw new HttpProblem(
      403,
      'forbidden',
      'Forbidden',
      `the ${principal.department} department may not use this route (only ${departments.join(', ')})`,
    );
  }
  return principal;
}
