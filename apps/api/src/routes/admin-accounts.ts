import { clientOf } from '../accounts/cookies.js';
import { normalizeAccountName } from '../accounts/names.js';
import { actorOf } from '../domain/roles.js';
import { z } from 'zod';
import { decodeOffset, DEFAULT_LIMIT, encodeOffset } from '../http/cursor.js';
import { HttpProblem } from '../http/problem.js';
import { Cursor, Limit } from '../schemas/common.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { AccountRequestError, createAccount, disableAccount } from '../ops/accounts.js';
import { createToken, TokenRequestError } from '../ops/create-token.js';
import {
  ApiTokenList,
  CreatedApiToken,
  CreatedStaffAccount,
  NewApiToken,
  NewStaffAccount,
  StaffAccountList,
  TokenPath,
} from '../schemas/admin.js';
import { AccountPath } from '../schemas/auth.js';

/**
 * The bureau's staff accounts and API tokens in the pages, over the same operations as `mujun account`
 * and `mujun token`, audited with the admin who did them (address and user agent for accounts).
 */

const noContent: Reply = { status: 204, raw: '', contentType: 'text/plain', headers: {} };

/** A message written in Chinese (the username rule); the others name command-line flags. */
const CHINESE_FIRST = /^[\u4e00-\u9fff]/;

/** The operations' refusals, in Chinese (their command-line wording names flags). */
function refused(error: unknown, fallback: string): never {
  if (error instanceof AccountRequestError && error.message.includes('已存在'))
    throw new HttpProblem(409, 'conflict', '账号已存在', '该用户名已被使用，请换一个。');
  if (error instanceof AccountRequestError || error instanceof TokenRequestError) {
    throw new HttpProblem(
      400,
      'validation',
      '提交的内容有误',
      CHINESE_FIRST.test(error.message) ? error.message.replace(/\s*\(.*\)$/, '') : fallback,
    );
  }
  throw error;
}

/**
 * `limit` (1–100, default 50) and an opaque `cursor`: these lists are short (staff, machine clients), so
 * each page is cut from the whole list in its stable order (accounts by role and name, tokens by
 * creation and id).
 */
const ListPage = z.object({ limit: Limit, cursor: Cursor });

function slice<T>(
  list: readonly T[],
  query: { readonly limit?: string | undefined; readonly cursor?: string | undefined },
): { items: T[]; next: string | null } {
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  const from = decodeOffset(query.cursor);
  const items = list.slice(from, from + limit);
  return { items, next: from + limit < list.length ? encodeOffset(from + limit) : null };
}

export const listStaffAccounts = defineRoute({
  method: 'get',
  path: '/v1/accounts',
  operationId: 'listStaffAccounts',
  tag: 'Sign-in',
  summary: 'Staff accounts (admin, department, town) with roles, scopes and state',
  description: 'Enterprise accounts are followed by evaluation on the activation status instead.',
  access: ['admin'],
  query: ListPage,
  responses: { 200: { description: 'a page of staff accounts', schema: StaffAccountList } },
  async handle({ services, query }) {
    const staff = (await services.store.listAccounts()).filter((account) => account.role !== 'enterprise');
    const { items, next } = slice(staff, query);
    return {
      status: 200,
      json: {
        data: items.map((account) => ({
          name: account.name,
          role: account.role as 'admin' | 'department' | 'town',
          department: account.department,
          town: account.town,
          mustChange: account.mustChange,
          totp: account.totpConfirmedAt !== null,
          createdAt: account.createdAt,
          disabledAt: account.disabledAt,
        })),
        next_cursor: next,
      },
    };
  },
});

export const createStaffAccount = defineRoute({
  method: 'post',
  path: '/v1/accounts',
  operationId: 'createStaffAccount',
  tag: 'Sign-in',
  summary: 'A staff account with a temporary password (shown once, changed at first sign-in)',
  description:
    'A department account names its department, a town account its town. Enterprises activate their ' +
    'own accounts with a code. 409 when the username is taken.',
  access: ['admin'],
  body: { kind: 'json', schema: NewStaffAccount },
  problems: [409],
  responses: { 201: { description: 'created', schema: CreatedStaffAccount } },
  async handle({ services, principal, body, req }) {
    if (body.role === 'department' && body.department === undefined)
      throw new HttpProblem(400, 'validation', '提交的内容有误', '部门账号须选择所属部门。');
    if (body.role === 'town' && body.town === undefined)
      throw new HttpProblem(400, 'validation', '提交的内容有误', '乡镇街道账号须填写乡镇街道名称。');
    const at = services.clock.now().toISOString();
    try {
      const { name, temporaryPassword } = await createAccount(
        services.store,
        { role: body.role, username: body.username, department: body.department, town: body.town },
        at,
        services.auth.context(req, actorOf(principal)),
      );
      return { status: 201, json: { name, temporaryPassword: temporaryPassword ?? '' } };
    } catch (error) {
      return refused(error, '用户名、角色或所属范围不符合要求。');
    }
  },
});

export const disableStaffAccount = defineRoute({
  method: 'post',
  path: '/v1/accounts/{account}/disable',
  operationId: 'disableStaffAccount',
  tag: 'Sign-in',
  summary: 'Disable an account: it can no longer sign in, and its sessions end',
  access: ['admin'],
  description:
    '409 for one’s own account (signed in), and for the last admin account able to sign in: the ' +
    'bureau cannot shut itself out.',
  params: AccountPath,
  problems: [409],
  responses: { 204: { description: 'disabled' } },
  async handle({ services, principal, params, req }) {
    const at = services.clock.now().toISOString();
    const context = services.auth.context(req, actorOf(principal));
    const name = normalizeAccountName(params.account);
    const accounts = await services.store.listAccounts();
    const target = accounts.find((account) => account.name === name);
    // The bureau must not shut itself out: not one's own account, nor the last admin able to sign in.
    if (target !== undefined && target.id === principal.tokenId)
      throw new HttpProblem(409, 'conflict', '不能停用', '不能停用自己正在使用的账号。');
    if (
      target?.role === 'admin' &&
      target.disabledAt === null &&
      accounts.filter((account) => account.role === 'admin' && account.disabledAt === null).length === 1
    )
      throw new HttpProblem(
        409,
        'conflict',
        '不能停用',
        '这是唯一可用的管理员账号，请先新建另一个管理员账号。',
      );
    try {
      await disableAccount(services.store, name, at, context);
    } catch (error) {
      if (error instanceof AccountRequestError)
        throw new HttpProblem(404, 'not-found', '未找到', '没有该账号。');
      throw error;
    }
    return noContent;
  },
});

export const listApiTokens = defineRoute({
  method: 'get',
  path: '/v1/tokens',
  operationId: 'listApiTokens',
  tag: 'Sign-in',
  summary: 'API tokens for machine clients, with role, scope and whether revoked (never the token)',
  access: ['admin'],
  query: ListPage,
  responses: { 200: { description: 'a page of tokens', schema: ApiTokenList } },
  async handle({ services, query }) {
    const { items, next } = slice(await services.store.listTokens(), query);
    return { status: 200, json: { data: items, next_cursor: next } };
  },
});

export const createApiToken = defineRoute({
  method: 'post',
  path: '/v1/tokens',
  operationId: 'createApiToken',
  tag: 'Sign-in',
  summary: 'A bearer token for a machine client (shown once; the store keeps its hash)',
  access: ['admin'],
  body: { kind: 'json', schema: NewApiToken },
  responses: { 201: { description: 'created', schema: CreatedApiToken } },
  async handle({ services, principal, body, req }) {
    try {
      const created = await createToken(
        services.store,
        body,
        services.clock.now().toISOString(),
        actorOf(principal),
        clientOf(req),
      );
      return { status: 201, json: created };
    } catch (error) {
      return refused(
        error,
        '角色与所属范围不符：部门令牌须选部门，乡镇街道令牌须填乡镇街道，企业令牌须填有效的统一社会信用代码。',
      );
    }
  },
});

export const revokeApiToken = defineRoute({
  method: 'post',
  path: '/v1/tokens/{id}/revoke',
  operationId: 'revokeApiToken',
  tag: 'Sign-in',
  summary: 'Revoke a token: it stops working at once',
  description: '404 when no live token has this id.',
  access: ['admin'],
  params: TokenPath,
  responses: { 204: { description: 'revoked' } },
  async handle({ services, principal, params, req }) {
    const live = (await services.store.listTokens()).find(
      (token) => token.id === params.id && token.revokedAt === null,
    );
    if (live === undefined) throw new HttpProblem(404, 'not-found', '未找到', '没有该令牌，或已被吊销。');
    // The 404 above is by id; the store's revokeTokens would also revoke a live token whose label equals it.
    await services.store.revokeTokens(
      live.id,
      actorOf(principal),
      services.clock.now().toISOString(),
      clientOf(req),
    );
    return noContent;
  },
});

export const ADMIN_ACCOUNT_ROUTES = [
  listStaffAccounts,
  createStaffAccount,
  disableStaffAccount,
  listApiTokens,
  createApiToken,
  revokeApiToken,
];
