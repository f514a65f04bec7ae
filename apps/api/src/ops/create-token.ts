import { usccProblem } from '@mujun/scoring';
import { isValidUscc } from '../domain/uscc.js';
import { newId } from '../domain/ids.js';
import { DEPARTMENTS, ROLES } from '../domain/roles.js';
import type { Department, Role } from '../domain/roles.js';
import { generateToken, hashToken } from '../domain/tokens.js';
import type { Actor } from '../domain/roles.js';
import type { ClientInfo, NewToken, Store } from '../store/store.js';

export interface TokenRequest {
  readonly role: string;
  readonly department?: string | undefined;
  readonly town?: string | undefined;
  readonly uscc?: string | undefined;
  readonly label?: string | undefined;
}

export interface CreatedToken {
  readonly id: string;
  /** The bearer token: shown once, never stored. */
  readonly token: string;
  readonly role: Role;
}

/** A token request that does not name a valid role and scope. */
export class TokenRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

function isDepartment(department: string): department is Department {
  return (DEPARTMENTS as readonly string[]).includes(department);
}

/** Checks the role's scope: a department names its department, a town its town, an enterprise its code. */
function tokenRow(request: TokenRequest, id: string, hash: string): NewToken {
  const { role } = request;
  if (!isRole(role)) throw new TokenRequestError(`--role must be one of ${ROLES.join(', ')}`);
  const extra = (['department', 'town', 'uscc'] as const).filter(
    (key) =>
      request[key] !== undefined &&
      !(role === 'department' && key === 'department') &&
      !(role === 'town' && key === 'town') &&
      !(role === 'enterprise' && key === 'uscc'),
  );
  if (extra.length > 0) throw new TokenRequestError(`a ${role} token takes no --${extra.join(', --')}`);
  const label = request.label ?? '';
  switch (role) {
    case 'admin':
      return { id, hash, role, label };
    case 'department': {
      const department = request.department ?? '';
      if (!isDepartment(department))
        throw new TokenRequestError(`--department must be one of ${DEPARTMENTS.join(', ')}`);
      return { id, hash, role, department, label };
    }
    case 'town': {
      const town = request.town?.trim() ?? '';
      if (town === '') throw new TokenRequestError('--town <乡镇街道名称> is required for a town token');
      return { id, hash, role, town, label };
    }
    case 'enterprise': {
      const uscc = request.uscc?.trim().toUpperCase() ?? '';
      if (uscc === '')
        throw new TokenRequestError('--uscc <统一社会信用代码> is required for an enterprise token');
      if (!isValidUscc(uscc)) {
        throw new TokenRequestError(
          `--uscc ${uscc} is not a valid 统一社会信用代码: ${usccProblem(uscc) ?? 'wrong characters'}`,
        );
      }
      return { id, hash, role, uscc, label };
    }
  }
}

/** Issues a bearer token: stores its hash with the role and scope, returns the token once. */
export async function createToken(
  store: Store,
  request: TokenRequest,
  at: string,
  actor: Actor = { id: 'cli', role: 'system' },
  client?: ClientInfo,
): Promise<CreatedToken> {
  const token = generateToken();
  const row = tokenRow(request, newId('tok'), hashToken(token));
  await store.createToken(row, actor, at, client);
  return { id: row.id, token, role: row.role };
}
