import type { Env } from '../env.js';
import type { OidcSettings } from './oidc.js';

/** How sign-in, sessions, lockout and activation codes behave: from the environment, or a test's. */
export interface AuthSettings {
  /** The server's public origin (scheme://host[:port]) for the CSRF check; null: the request's Host. */
  readonly publicOrigin: string | null;
  /** Whether the session cookie carries Secure. */
  readonly secureCookies: boolean;
  readonly idleMs: number;
  readonly absoluteMs: number;
  /** Failures within `lockoutWindowMs` that lock an account name for `lockoutMs`. */
  readonly lockoutFailures: number;
  readonly lockoutWindowMs: number;
  readonly lockoutMs: number;
  /** Failed sign-ins per client address within `lockoutWindowMs` before the address is refused. */
  readonly addressFailures: number;
  readonly activationMs: number;
  /** OpenID Connect single sign-on; null when not configured (the sign-in page then does not offer it). */
  readonly oidc: OidcSettings | null;
}

const MINUTE = 60_000;

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  publicOrigin: null,
  secureCookies: false,
  idleMs: 30 * MINUTE,
  absoluteMs: 12 * 60 * MINUTE,
  lockoutFailures: 5,
  lockoutWindowMs: 15 * MINUTE,
  lockoutMs: 15 * MINUTE,
  addressFailures: 50,
  activationMs: 60 * 24 * 60 * MINUTE,
  oidc: null,
};

export function authSettingsFrom(env: Env): AuthSettings {
  const publicOrigin = env.MUJUN_PUBLIC_URL === undefined ? null : new URL(env.MUJUN_PUBLIC_URL).origin;
  const forced = env.MUJUN_SECURE_COOKIES;
  return {
    ...DEFAULT_AUTH_SETTINGS,
    publicOrigin,
    secureCookies:
      forced === undefined
        ? (publicOrigin?.startsWith('https:') ?? false)
        : forced === '1' || forced === 'true',
    idleMs: env.MUJUN_SESSION_IDLE_MINUTES * MINUTE,
    absoluteMs: env.MUJUN_SESSION_MAX_HOURS * 60 * MINUTE,
    lockoutFailures: env.MUJUN_LOCKOUT_FAILURES,
    lockoutWindowMs: env.MUJUN_LOCKOUT_MINUTES * MINUTE,
    lockoutMs: env.MUJUN_LOCKOUT_MINUTES * MINUTE,
    activationMs: env.MUJUN_ACTIVATION_DAYS * 24 * 60 * MINUTE,
    oidc:
      env.MUJUN_OIDC_ISSUER === undefined || env.MUJUN_OIDC_CLIENT_ID === undefined
        ? null
        : {
            issuer: env.MUJUN_OIDC_ISSUER,
            clientId: env.MUJUN_OIDC_CLIENT_ID,
            clientSecret: env.MUJUN_OIDC_CLIENT_SECRET ?? null,
            redirectUrl: env.MUJUN_OIDC_REDIRECT_URL ?? null,
            scope: env.MUJUN_OIDC_SCOPE,
            usccClaim: env.MUJUN_OIDC_USCC_CLAIM,
            usernameClaim: env.MUJUN_OIDC_USERNAME_CLAIM,
            label: env.MUJUN_OIDC_LABEL,
          },
  };
}
