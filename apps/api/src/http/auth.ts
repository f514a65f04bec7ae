import type { Request } from 'express';
import { DEPARTMENT_LABELS } from '../domain/roles.js';
import type { Department, Principal, Role } from '../domain/roles.js';
import { hashToken, TOKEN_PREFIX } from '../domain/tokens.js';
import type { Services } from '../services.js';
import { HttpProblem } from './problem.js';
import type { Access } from './route.js';

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: '管理员（经信局）',
  department: '部门',
  town: '乡镇街道',
  enterprise: '企业',
};

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="mujun"' };
const BEARER = new RegExp(`^Bearer (${TOKEN_PREFIX}[A-Za-z0-9_-]{43})$`);

function unauthorized(detail: string): HttpProblem {
  return new HttpProblem(401, 'unauthorized', '未登录或令牌无效', detail, {}, CHALLENGE);
}

/**
 * The caller of a route: its bearer token, looked up by hash, or else its session cookie (a state
 * change by cookie must come from our own origin: CSRF). No credentials, a malformed or unknown token,
 * or an ended or expired session is 401. Then its role is checked against the route's, and a
 * department against the route's departments when it names some (403). Scope (which evaluation, town
 * or enterprise) is the handler's, and out of scope answers 404 so as not to reveal what exists. A
 * session and a token of the same role and scope are the same principal to every route.
 */
export async function authenticate(
  services: Services,
  req: Request,
  access: Exclude<Access, 'public'>,
  departments?: readonly Department[],
): Promise<Principal> {
  const header = req.get('authorization');
  let principal: Principal | undefined;
  if (header === undefined) {
    principal = await services.auth.sessionPrincipal(req);
    if (principal === undefined)
      throw unauthorized('请先登录（或以 Authorization: Bearer mjt_… 提供访问令牌）。');
  } else {
    const match = BEARER.exec(header.trim());
    const token = match?.[1];
    if (token === undefined) throw unauthorized('访问令牌格式不正确 (malformed bearer token)');
    principal = await services.store.principalForTokenHash(hashToken(token));
    if (principal === undefined) throw unauthorized('访问令牌不存在或已被吊销 (unknown or revoked token)');
  }
  if (!access.includes(principal.role)) {
    throw new HttpProblem(
      403,
      'forbidden',
      '无权访问',
      `${ROLE_LABELS[principal.role]}身份无权使用此接口 (the ${principal.role} role may not use this route)`,
    );
  }
  if (
    principal.role === 'department' &&
    departments !== undefined &&
    !departments.includes(principal.department)
  ) {
    throw new HttpProblem(
      403,
      'forbidden',
      '无权访问',
      `${DEPARTMENT_LABELS[principal.department]}部门无权使用此接口，仅限${departments.map((d) => DEPARTMENT_LABELS[d]).join('、')} ` +
        `(the ${principal.department} department may not use this route (only ${departments.join(', ')}))`,
    );
  }
  return principal;
}
