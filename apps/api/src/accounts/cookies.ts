import type { Request } from 'express';
import { HttpProblem } from '../http/problem.js';
import type { AuthSettings } from './settings.js';

/** The session cookie: a random 256-bit secret, base64url; the server keeps its SHA-256. */
export const SESSION_COOKIE = 'mujun_session';
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** The session secret the request carries, if any well-formed one. */
export function sessionSecret(req: Request): string | undefined {
  const header = req.get('cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SECRET.test(value)) return value;
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, Secure when
 * the server is reached over HTTPS. No Max-Age: it ends with the browser; the server ends it sooner
 * (idle timeout, absolute lifetime, sign-out).
 */
export function sessionCookie(secret: string, settings: AuthSettings): string {
  return `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict${settings.secureCookies ? '; Secure' : ''}`;
}

export function clearedCookie(settings: AuthSettings): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${settings.secureCookies ? '; Secure' : ''}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF, as OWASP describes it beside SameSite: a state change authenticated by the cookie must come
 * from the server's own origin, by its Origin header (or, without one, its Referer). The own origin is
 * MUJUN_PUBLIC_URL's when set; otherwise the request's Host (any scheme, since a TLS proxy in front
 * makes the scheme unknowable here). Neither header, or `Origin: null`: refused. Bearer-token callers
 * never reach this.
 */
export function checkSameOrigin(req: Request, settings: AuthSettings): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.get('origin');
  const referer = req.get('referer');
  let from: URL | undefined;
  try {
    if (origin !== undefined && origin !== 'null') from = new URL(origin);
    else if (origin === undefined && referer !== undefined) from = new URL(referer);
  } catch {
    from = undefined;
  }
  const own =
    from !== undefined &&
    (settings.publicOrigin !== null ? from.origin === settings.publicOrigin : from.host === req.get('host'));
  if (!own) {
    throw new HttpProblem(
      403,
      'cross-site-request',
      '跨站请求被拒绝',
      '以登录会话提交的修改须来自本系统的页面（请求的 Origin 或 Referer 不是本站）。',
    );
  }
}

/** The client's address (req.ip: behind a proxy, as MUJUN_TRUST_PROXY says) and user agent, for the audit. */
export function clientOf(req: Request): { address: string | null; userAgent: string | null } {
  const agent = req.get('user-agent');
  return { address: req.ip ?? null, userAgent: agent === undefined ? null : agent.slice(0, 300) };
}
