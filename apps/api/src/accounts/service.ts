import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Clock } from '../domain/clock.js';
import { newId } from '../domain/ids.js';
import type { Principal } from '../domain/roles.js';
import { HttpProblem } from '../http/problem.js';
import type { Account, AuthContext, Store } from '../store/store.js';
import { checkSameOrigin, clientOf, sessionSecret } from './cookies.js';
import { normalizeAccountName } from './names.js';
import { flowSecret, newFlowSecret, OIDC_FLOW_MS, OidcClient, OidcRefused } from './oidc.js';
import type { OidcSettings } from './oidc.js';
import {
  HashQueueFull,
  hashPassword,
  passwordProblem,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.js';
import type { AuthSettings } from './settings.js';
import { newTotpSecret, otpauthUri, totpStep } from './totp.js';

/** The role that must prove a second factor (TOTP) at every sign-in. */
export function requiresTotp(account: Account): boolean {
  return account.role === 'admin';
}

/** A session's last_seen_at is written at most this often: idleness is exact to a minute, lookups stay reads. */
const TOUCH_EVERY_MS = 60_000;
/** Per-address failure counters kept in memory, at most this many addresses (oldest dropped). */
const ADDRESSES_KEPT = 10_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The same refusal for an unknown account, a wrong password, a disabled or not yet activated one. */
function badCredentials(): HttpProblem {
  return new HttpProblem(401, 'sign-in-failed', '登录失败', '账号或密码错误。');
}

function locked(until: number, now: number): HttpProblem {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return new HttpProblem(
    429,
    'locked',
    '登录失败次数过多',
    `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试，或请所在乡镇街道或经信局解除锁定。`,
    { retryAfter: seconds },
    { 'Retry-After': String(seconds) },
  );
}

export interface SignInInput {
  readonly account: string;
  readonly password: string;
  readonly otp?: string | undefined;
}

/** Recovery codes look like `ABCDE-FGHJK`: 10 characters of an unambiguous alphabet. */
const RECOVERY = /^[A-Z2-9]{5}-?[A-Z2-9]{5}$/;

/**
 * Sign-in, sessions, password changes, activation and the second factor: the rules, over the Store.
 * Failures are counted per account name in the store (so every instance sees the same lock, and a
 * restart does not reset it) and per client address in memory (a flood brake for one instance).
 */
export class AuthService {
  readonly #addresses = new Map<string, { failures: number; firstAt: number }>();
  /** Single sign-on, when configured. */
  readonly oidc: OidcClient | null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly settings: AuthSettings,
  ) {
    this.oidc = settings.oidc === null ? null : new OidcClient(settings.oidc, settings.publicOrigin);
  }

  context(req: Request, actor: AuthContext['actor'] = { id: 'anonymous', role: 'system' }): AuthContext {
    return { actor, at: this.clock.now().toISOString(), ...clientOf(req) };
  }

  /**
   * Login CSRF: a browser posting a credential form from another site (to sign its victim in to the
   * attacker's account) says so in Origin; a script or machine client sends none and is let through.
   */
  #notFromElsewhere(req: Request): void {
    if (req.get('origin') !== undefined) checkSameOrigin(req, this.settings);
  }

  #rule() {
    return {
      limit: this.settings.lockoutFailures,
      windowMs: this.settings.lockoutWindowMs,
      lockMs: this.settings.lockoutMs,
    };
  }

  #checkAddress(address: string | null, now: number): void {
    if (address === null) return;
    const seen = this.#addresses.get(address);
    if (seen === undefined) return;
    if (seen.firstAt + this.settings.lockoutWindowMs <= now) {
      this.#addresses.delete(address);
      return;
    }
    if (seen.failures >= this.settings.addressFailures)
      throw locked(seen.firstAt + this.settings.lockoutWindowMs, now);
  }

  #addressFailed(address: string | null, now: number): void {
    if (address === null) return;
    const seen = this.#addresses.get(address);
    if (seen === undefined || seen.firstAt + this.settings.lockoutWindowMs <= now) {
      this.#addresses.delete(address);
      if (this.#addresses.size >= ADDRESSES_KEPT) {
        const oldest = this.#addresses.keys().next();
        if (oldest.done !== true) this.#addresses.delete(oldest.value);
      }
      this.#addresses.set(address, { failures: 1, firstAt: now });
    } else seen.failures += 1;
  }

  /** Refuses a name under lock (429 with Retry-After), before any password is looked at. */
  async #checkLock(name: string, now: number, context: AuthContext): Promise<void> {
    const throttle = await this.store.throttle(name);
    const until =
      throttle?.lockedUntil === null || throttle === undefined ? 0 : Date.parse(throttle.lockedUntil);
    if (until > now) {
      await this.store.recordSignInFailure(name, 'locked', this.#rule(), context);
      throw locked(until, now);
    }
  }

  /** Counts a failure of `name` and answers the refusal: the lock's 429 once it locks, else `problem`. */
  async #fail(name: string, reason: string, context: AuthContext, problem: HttpProblem): Promise<never> {
    const now = Date.parse(context.at);
    this.#addressFailed(context.address, now);
    const throttle = await this.store.recordSignInFailure(name, reason, this.#rule(), context);
    if (throttle.lockedUntil !== null && Date.parse(throttle.lockedUntil) > now)
      throw locked(Date.parse(throttle.lockedUntil), now);
    throw problem;
  }

  /**
   * The account whose password this is, or the refusal: locks and address limits first, then the
   * password (a dummy hash for unknown accounts, so the timing does not tell), counting failures.
   */
  async #passwordHolder(typed: string, password: string, context: AuthContext): Promise<Account> {
    const now = Date.parse(context.at);
    const name = normalizeAccountName(typed);
    this.#checkAddress(context.address, now);
    await this.#checkLock(name, now, context);
    const account = name === '' ? undefined : await this.store.account(name);
    let ok: boolean;
    try {
      ok =
        account === undefined || account.passwordHash === null || account.disabledAt !== null
          ? await verifyAgainstDummy(password)
          : await verifyPassword(account.passwordHash, password);
    } catch (error) {
      if (error instanceof HashQueueFull) {
        throw new HttpProblem(
          503,
          'busy',
          '服务繁忙',
          '登录人数较多，请稍后再试。',
          {},
          { 'Retry-After': '5' },
        );
      }
      throw error;
    }
    if (!ok || account === undefined) {
      const reason =
        account === undefined
          ? 'unknown-account'
          : account.disabledAt !== null
            ? 'disabled'
            : account.passwordHash === null
              ? 'not-activated'
              : 'password';
      return this.#fail(name, reason, context, badCredentials());
    }
    return account;
  }

  /** A second factor: a TOTP code, or one of the recovery codes (used up). */
  async #secondFactor(account: Account, otp: string | undefined, context: AuthContext): Promise<void> {
    if (account.totpSecret === null || account.totpConfirmedAt === null) {
      throw new HttpProblem(
        403,
        'totp-enrolment-required',
        '需要绑定动态口令',
        '管理员账号须先绑定动态口令（手机验证器应用）才能登录：请按页面提示扫码绑定。',
      );
    }
    if (otp === undefined || otp.trim() === '') {
      throw new HttpProblem(401, 'otp-required', '需要动态口令', '请输入手机验证器应用显示的 6 位动态口令。');
    }
    const code = otp.trim().toUpperCase();
    // A code is good once (RFC 6238 section 5.2): whoever saw it typed cannot sign in with it again.
    const step = totpStep(account.totpSecret, code, this.clock.now());
    if (step !== null && (await this.store.useTotpStep(account.id, step))) return;
    if (
      RECOVERY.test(code) &&
      (await this.store.useRecoveryCode(account.id, sha256(code.replace('-', '')), context))
    )
      return;
    return this.#fail(
      account.name,
      'otp',
      context,
      new HttpProblem(
        401,
        'otp-invalid',
        '动态口令错误',
        '动态口令错误或已过期，请输入验证器应用当前显示的口令。',
      ),
    );
  }

  /** POST /v1/auth/sign-in: a new session's cookie secret, or the refusal. */
  async signIn(input: SignInInput, req: Request): Promise<string> {
    this.#notFromElsewhere(req);
    const context = this.context(req);
    const account = await this.#passwordHolder(input.account, input.password, context);
    if (account.mustChange) {
      await this.store.clearSignInFailures(account.name);
      throw new HttpProblem(
        403,
        'password-change-required',
        '须修改密码',
        '这是临时密码，须先修改密码再登录。',
      );
    }
    if (requiresTotp(account)) await this.#secondFactor(account, input.otp, context);
    await this.store.clearSignInFailures(account.name);
    return this.#newSession(account, context, 'password');
  }

  /** A new session for the account (audited as a sign-in by `method`): the cookie's secret. */
  async #newSession(
    account: Account,
    context: AuthContext,
    method: 'password' | 'oidc',
    idToken: string | null = null,
  ): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.store.createSession(
      {
        id: newId('ses'),
        hash: sha256(secret),
        accountId: account.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.settings.absoluteMs).toISOString(),
        method,
        idToken,
      },
      { ...context, actor: { id: account.id, role: account.role } },
    );
    return secret;
  }

  /** GET /v1/auth/oidc/start: a flow kept in the store; the browser's secret and where to send it. */
  async oidcStart(req: Request): Promise<{ secret: string; location: string }> {
    const oidc = this.#oidcConfigured();
    const { flow, location } = await oidc.start(req);
    const secret = newFlowSecret();
    const now = this.clock.now();
    await this.store.saveOidcFlow({
      ...flow,
      hash: sha256(secret),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + OIDC_FLOW_MS).toISOString(),
    });
    return { secret, location };
  }

  /**
   * GET /v1/auth/oidc/callback: the flow this browser started (taken, so it completes once), the
   * provider's answer checked, and the account its claim names signed in: a session's secret. A
   * refusal (OidcRefused) is audited as a failed sign-in by single sign-on; it does not count towards
   * the password lockout, since no password was guessed.
   */
  async oidcCallback(req: Request): Promise<string> {
    const oidc = this.#oidcConfigured();
    const context = this.context(req);
    try {
      const secret = flowSecret(req);
      const flow =
        secret === undefined ? undefined : await this.store.takeOidcFlow(sha256(secret), context.at);
      if (flow === undefined) throw new OidcRefused('expired', 'no flow for this browser');
      const { claims, idToken } = await oidc.finish(req, flow);
      const account = await this.#oidcAccount(claims, oidc.settings);
      return await this.#newSession(account, context, 'oidc', idToken);
    } catch (error) {
      if (error instanceof OidcRefused) {
        await this.store.appendAudit(
          'sign-in',
          error.subject ?? '(single sign-on)',
          'failure',
          { method: 'oidc', reason: `oidc-${error.reason}`, detail: error.detail.slice(0, 300) },
          context,
        );
      }
      throw error;
    }
  }

  /** The account the provider's claims name: an enterprise by 统一社会信用代码, else staff by username. */
  async #oidcAccount(claims: Record<string, unknown>, settings: OidcSettings): Promise<Account> {
    const uscc = claims[settings.usccClaim];
    const username = claims[settings.usernameClaim];
    const subject = typeof claims['sub'] === 'string' ? claims['sub'] : null;
    let account: Account | undefined;
    let name: string | null = null;
    if (typeof uscc === 'string' && uscc.trim() !== '') {
      name = normalizeAccountName(uscc);
      account = await this.store.account(name);
      if (account?.role !== 'enterprise') account = undefined;
    } else if (typeof username === 'string' && username.trim() !== '') {
      name = normalizeAccountName(username);
      account = await this.store.account(name);
      if (account?.role === 'enterprise') account = undefined;
    }
    const who = name ?? (subject === null ? null : `sub:${subject}`);
    if (account === undefined || account.disabledAt !== null) {
      throw new OidcRefused(
        'no-account',
        name === null
          ? `no ${settings.usccClaim} or ${settings.usernameClaim} claim`
          : account === undefined
            ? 'no such account'
            : 'account disabled',
        who,
      );
    }
    if (requiresTotp(account)) throw new OidcRefused('admin', 'administrators sign in with 动态口令', who);
    // A locked account is locked whatever the door (等保 8.1.4.1 b, login-failure handling): failed
    // passwords lock the account, not the password form, so the provider's word does not lift it; the
    // lock runs out or a town or the bureau lifts it, as for a password sign-in.
    const throttle = await this.store.throttle(account.name);
    const until =
      throttle === undefined || throttle.lockedUntil === null ? 0 : Date.parse(throttle.lockedUntil);
    if (until > this.clock.now().getTime())
      throw new OidcRefused('locked', `account locked until ${throttle?.lockedUntil ?? ''}`, who);
    return account;
  }

  #oidcConfigured(): OidcClient {
    if (this.oidc === null) {
      throw new HttpProblem(404, 'not-found', '未找到', '本系统未配置统一身份认证登录。');
    }
    return this.oidc;
  }

  /**
   * The principal of the request's session cookie, or undefined when it carries none; 401 for one that
   * is unknown, ended or expired (idle or absolute). A state change is checked for CSRF.
   */
  async sessionPrincipal(req: Request): Promise<Principal | undefined> {
    const secret = sessionSecret(req);
    if (secret === undefined) return undefined;
    const session = await this.store.sessionByHash(sha256(secret));
    const now = this.clock.now().getTime();
    if (
      session === undefined ||
      Date.parse(session.expiresAt) <= now ||
      Date.parse(session.lastSeenAt) + this.settings.idleMs <= now
    ) {
      throw new HttpProblem(
        401,
        'session-expired',
        '登录已失效',
        '登录已超时或已退出，请重新登录。',
        {},
        {
          'WWW-Authenticate': 'Bearer realm="mujun"',
        },
      );
    }
    checkSameOrigin(req, this.settings);
    if (now - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS)
      await this.store.touchSession(session.id, new Date(now).toISOString());
    const { account } = session;
    const base = { tokenId: account.id, sessionId: session.id };
    switch (account.role) {
      case 'admin':
        return { ...base, role: 'admin' };
      case 'department':
        return { ...base, role: 'department', department: account.department ?? 'tax' };
      case 'town':
        return { ...base, role: 'town', town: account.town ?? '' };
      case 'enterprise':
        return { ...base, role: 'enterprise', uscc: account.uscc ?? account.name };
    }
  }

  /**
   * POST /v1/auth/sign-out: ends the cookie's session, if it is a live one. A session that came from
   * single sign-on, with a provider offering RP-initiated logout, answers where the browser goes next
   * to end the provider's session too (null otherwise).
   */
  async signOut(req: Request): Promise<string | null> {
    const secret = sessionSecret(req);
    if (secret === undefined) return null;
    const session = await this.store.sessionByHash(sha256(secret));
    if (session === undefined) return null;
    checkSameOrigin(req, this.settings);
    await this.store.endSession(
      session.id,
      'sign-out',
      this.context(req, { id: session.account.id, role: session.account.role }),
    );
    if (session.idToken === null || this.oidc === null) return null;
    return this.oidc.endSessionUrl(req, session.idToken);
  }

  async signOutEverywhere(principal: Principal, req: Request): Promise<number> {
    if (principal.sessionId === undefined) {
      throw new HttpProblem(
        400,
        'not-a-session',
        '不是登录会话',
        '此操作只适用于以账号密码登录的会话，不适用于访问令牌。',
      );
    }
    return this.store.endSessions(
      principal.tokenId,
      this.context(req, { id: principal.tokenId, role: principal.role }),
    );
  }

  /**
   * POST /v1/auth/password: the current password proves who it is (with the same throttling as
   * sign-in), from a session or with the account named; every session of the account then ends.
   */
  async changePassword(
    input: {
      readonly account?: string | undefined;
      readonly currentPassword: string;
      readonly newPassword: string;
    },
    req: Request,
  ): Promise<void> {
    this.#notFromElsewhere(req);
    // A signed-in caller changes its own password (a cross-site request is refused); an expired
    // session is as good as none, since the current password is asked for anyway.
    const fromSession = await this.sessionPrincipal(req).catch((error: unknown) => {
      if (error instanceof HttpProblem && error.slug === 'cross-site-request') throw error;
      return undefined;
    });
    let typed = input.account;
    if (fromSession !== undefined) typed = (await this.store.accountById(fromSession.tokenId))?.name;
    if (typed === undefined || typed.trim() === '') {
      throw new HttpProblem(400, 'validation', '请求内容有误', '请填写账号。', {
        errors: [{ pointer: '#/account', detail: '未登录时须填写账号' }],
      });
    }
    const name = normalizeAccountName(typed);
    const problem = passwordProblem(input.newPassword, name);
    if (problem !== null) throw new HttpProblem(422, 'weak-password', '新密码不符合要求', problem);
    if (input.newPassword === input.currentPassword) {
      throw new HttpProblem(422, 'weak-password', '新密码不符合要求', '新密码不能与原密码相同。');
    }
    const context = this.context(req);
    const account = await this.#passwordHolder(name, input.currentPassword, context);
    await this.store.clearSignInFailures(account.name);
    await this.store.setPassword(
      account.id,
      await hashPassword(input.newPassword),
      false,
      'password-change',
      { ...context, actor: { id: account.id, role: account.role } },
    );
  }

  /**
   * POST /v1/auth/totp/enroll: for an account whose password this is, a new (unconfirmed) secret; it
   * replaces any earlier one only while none is confirmed, or when the caller also proves the current
   * second factor.
   */
  async enrollTotp(
    input: SignInInput,
    req: Request,
  ): Promise<{ readonly secret: string; readonly otpauthUri: string }> {
    this.#notFromElsewhere(req);
    const context = this.context(req);
    const account = await this.#passwordHolder(input.account, input.password, context);
    if (account.totpConfirmedAt !== null) await this.#secondFactor(account, input.otp, context);
    const secret = newTotpSecret();
    await this.store.setTotp(account.id, secret, false, [], {
      ...context,
      actor: { id: account.id, role: account.role },
    });
    return { secret, otpauthUri: otpauthUri(secret, account.name) };
  }

  /** POST /v1/auth/totp/confirm: the first code proves the enrolment; answers 10 recovery codes, once. */
  async confirmTotp(input: SignInInput, req: Request): Promise<string[]> {
    this.#notFromElsewhere(req);
    const context = this.context(req);
    const account = await this.#passwordHolder(input.account, input.password, context);
    if (account.totpSecret === null || account.totpConfirmedAt !== null) {
      throw new HttpProblem(409, 'invalid-state', '无待确认的动态口令', '请先发起绑定（或已绑定完成）。');
    }
    const code = (input.otp ?? '').trim();
    const step = totpStep(account.totpSecret, code, this.clock.now());
    if (step === null || !(await this.store.useTotpStep(account.id, step))) {
      return this.#fail(
        account.name,
        'otp',
        context,
        new HttpProblem(
          401,
          'otp-invalid',
          '动态口令错误',
          '动态口令错误或已过期，请输入验证器应用当前显示的口令。',
        ),
      );
    }
    const codes = Array.from({ length: 10 }, () => recoveryCode());
    await this.store.setTotp(
      account.id,
      account.totpSecret,
      true,
      codes.map((c) => sha256(c.replace('-', ''))),
      { ...context, actor: { id: account.id, role: account.role } },
    );
    await this.store.clearSignInFailures(account.name);
    return codes;
  }

  /** POST /v1/auth/activate: the enterprise's code (one-time, unexpired) and a password of its choosing. */
  async activate(
    input: { readonly uscc: string; readonly code: string; readonly password: string },
    req: Request,
  ): Promise<void> {
    this.#notFromElsewhere(req);
    const uscc = input.uscc.trim().toUpperCase();
    const problem = passwordProblem(input.password, uscc);
    if (problem !== null) throw new HttpProblem(422, 'weak-password', '新密码不符合要求', problem);
    const context = this.context(req);
    const now = Date.parse(context.at);
    this.#checkAddress(context.address, now);
    await this.#checkLock(uscc, now, context);
    const stored = await this.store.activationCode(uscc);
    const typed = normalizeCode(input.code);
    const hash = stored === undefined ? '' : codeHash(stored.salt, typed);
    const valid =
      stored !== undefined &&
      stored.usedAt === null &&
      Date.parse(stored.expiresAt) > now &&
      timingSafeEqual(Buffer.from(hash), Buffer.from(stored.hash));
    const refused = new HttpProblem(
      401,
      'activation-failed',
      '激活失败',
      '统一社会信用代码或激活码错误，或激活码已使用、已过期。请向所在乡镇街道索取新的激活码。',
    );
    if (!valid) return this.#fail(uscc, 'activation-code', context, refused);
    const passwordHash = await hashPassword(input.password);
    const done = await this.store.activate(uscc, hash, passwordHash, {
      ...context,
      actor: { id: uscc, role: 'enterprise' },
    });
    if (!done) return this.#fail(uscc, 'activation-code', context, refused);
    await this.store.clearSignInFailures(uscc);
  }
}

/** Activation codes and recovery codes: an alphabet without 0/O, 1/I/L, 5/S, 8/B confusions. */
export const CODE_ALPHABET = '234679ACDEFGHJKMNPQRTUVWXYZ';

function randomCode(length: number): string {
  let out = '';
  while (out.length < length) out += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return out;
}

function recoveryCode(): string {
  const code = randomCode(10);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A new activation code: 10 characters of 27 (about 47.5 bits), shown as XXXXX-XXXXX. */
export function newActivationCode(): string {
  return recoveryCode();
}

/** What a person typed, as hashed: upper case, without spaces or dashes. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Codes are hashed with SHA-256 and a per-code salt, not argon2: they carry ~47 bits of randomness,
 * expire, and sign-in failures lock the enterprise after a few tries, so a slow hash adds nothing but
 * minutes when 3,000 are issued at once.
 */
export function codeHash(salt: string, code: string): string {
  return sha256(`${salt}:${normalizeCode(code)}`);
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}
