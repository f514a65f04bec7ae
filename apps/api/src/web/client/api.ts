import type { components } from '../../generated/openapi.generated.js';

/**
 * The JSON API, called with the session cookie the sign-in set (HttpOnly: no script here ever sees it;
 * every request is same-origin with credentials, and no Authorization header). Every error is the
 * API's problem+json, turned into a message in Chinese.
 */

export type Schemas = components['schemas'];
export type Session = Schemas['Session'];
export type Evaluation = Schemas['Evaluation'];
export type EnterpriseResult = Schemas['EnterpriseResult'];
export type ResultSummary = Schemas['ResultSummary'];
export type ResultIndicators = Schemas['ResultIndicators'];
export type Publication = Schemas['Publication'];
export type Objection = Schemas['Objection'];
export type ReviewItem = Schemas['ReviewItem'];
export type Recomputation = Schemas['Recomputation'];
export type Problem = Schemas['Problem'];

/** What the API refused, with the message to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Chinese for each problem type; the API's own detail follows it. */
const PROBLEM_MESSAGES: Readonly<Record<string, string>> = {
  unauthorized: '尚未登录或登录已失效，请重新登录。',
  'session-expired': '登录已超时或已退出，请重新登录。',
  'sign-in-failed': '账号或密码错误。',
  locked: '登录失败次数过多，账号已暂时锁定。',
  'password-change-required': '这是临时密码，须先修改密码。',
  'totp-enrolment-required': '管理员账号须先绑定动态口令。',
  'otp-required': '请输入手机验证器应用显示的 6 位动态口令。',
  'otp-invalid': '动态口令错误或已过期。',
  'weak-password': '新密码不符合要求。',
  'activation-failed': '统一社会信用代码或激活码错误，或激活码已使用、已过期。',
  'cross-site-request': '请求来源不是本系统页面，已被拒绝。',
  busy: '登录人数较多，请稍后再试。',
  forbidden: '当前身份无权进行此操作。',
  'not-found': '未找到相应的数据，或您无权查看。',
  'window-closed': '公示期已结束，异议受理已截止，不能再提出异议。',
  'window-not-open': '公示期尚未开始，暂不能提出异议。',
  'window-open': '公示期尚未结束，暂不能复核重算。',
  'objections-pending': '仍有异议事项未审核完毕。',
  'already-contested': '该项数据已有异议在审核中，不能重复提出。',
  'wrong-enterprise': '企业只能就本企业的评价结果提出异议。',
  'invalid-value': '填写的数值不符合要求。',
  'invalid-state': '评价当前所处阶段不允许此操作。',
  final: '评价已定稿，不能再修改。',
  'stale-version': '该事项已被他人处理，请刷新后重试。',
  'concurrent-change': '数据同时被他人修改，请刷新后重试。',
  'unsupported-evidence': '证明材料须为 PDF、JPEG 或 PNG 文件。',
  'payload-too-large': '上传的内容超过允许的大小。',
  'too-large': '上传的内容超过允许的大小。',
  'evidence-quota': '证明材料总量已达上限，本次异议未提交。',
  'unsupported-media-type': '上传的内容格式不受支持。',
  'malformed-multipart': '上传的表单不完整，请重新提交。',
  'request-timeout': '请求超时，请检查网络后重试。',
  validation: '提交的内容不完整或格式有误。',
  'invalid-data': '上传的数据文件有错误，请按下表逐项更正后重新上传。',
  'invalid-past-year': '往年评价结果文件有误，请按下表逐项更正后重新导入。',
  'calendar-coverage': '该日期不在节假日日历覆盖范围内。',
  'idempotency-in-flight': '上一次提交仍在处理中，请稍候。',
  'idempotency-key-reused': '提交内容与上一次不一致，请重新提交。',
};

export function problemMessage(status: number, problem: Problem | undefined): string {
  const slug = problem?.type.slice(problem.type.lastIndexOf('/') + 1) ?? '';
  const chinese =
    PROBLEM_MESSAGES[slug] ??
    (status === 413
      ? PROBLEM_MESSAGES['too-large']
      : status >= 500
        ? '服务器内部错误，请稍后重试。'
        : '请求未能完成。');
  return chinese ?? '请求未能完成。';
}

function parseProblem(text: string): Problem | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && 'type' in value) return value as Problem;
  } catch {
    // not JSON: no problem body
  }
  return undefined;
}

function authHeaders(extra: Readonly<Record<string, string>> = {}): Headers {
  return new Headers(extra);
}

async function request(method: string, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, { ...init, method, cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) {
    const problem = parseProblem(await response.text());
    throw new ApiError(response.status, problem, problemMessage(response.status, problem));
  }
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await request('GET', path, { headers: authHeaders({ Accept: 'application/json' }) });
  return (await response.json()) as T;
}

export async function sendJson<T>(
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<T> {
  const response = await request(method, path, {
    headers: authHeaders({ 'Content-Type': 'application/json', Accept: 'application/json', ...headers }),
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

/** A POST whose answer is 204 (sign-in, sign-out, password, activation). */
export async function postNoContent(path: string, body: unknown = {}): Promise<void> {
  await request('POST', path, {
    headers: authHeaders({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    body: JSON.stringify(body),
  });
}

/**
 * POST /v1/auth/sign-out: the provider's end-session address when the session came from single
 * sign-on and the provider offers RP-initiated logout (a 200), else null (a 204).
 */
export async function postSignOut(): Promise<string | null> {
  const response = await request('POST', '/v1/auth/sign-out', {
    headers: authHeaders({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    body: '{}',
  });
  if (response.status !== 200) return null;
  const body = (await response.json()) as { endSession?: unknown };
  return typeof body.endSession === 'string' ? body.endSession : null;
}

/** The problem type's last segment (`otp-required`), for the pages that branch on it. */
export function problemSlug(error: unknown): string {
  if (!(error instanceof ApiError) || error.problem === undefined) return '';
  return error.problem.type.slice(error.problem.type.lastIndexOf('/') + 1);
}

/**
 * The name a `Content-Disposition` header gives: RFC 8187's `filename*=UTF-8''…` (the Chinese name the
 * server chose, routes/document-names.ts), else the plain `filename`; null without either.
 */
export function dispositionName(header: string | null): string | null {
  if (header === null) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain =
    /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
  return plain === undefined || plain === '' ? null : plain;
}

/** Saves an answer's body as `filename`, through a temporary link the browser follows. */
async function saveAs(response: Response, filename: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/**
 * Saves what `path` answers under the name the server gives it (Content-Disposition), so every page
 * names a file as the server does; `fallback` only for an answer without one. Resolves with the name.
 */
export async function download(path: string, fallback = '下载文件'): Promise<string> {
  const response = await request('GET', path, { headers: authHeaders() });
  const filename = dispositionName(response.headers.get('content-disposition')) ?? fallback;
  await saveAs(response, filename);
  return filename;
}

/** A file the API answers to a POST (a simulation's workbook or page), saved through a temporary link. */
export async function postDownload(path: string, body: unknown, filename: string): Promise<void> {
  const response = await request('POST', path, {
    headers: authHeaders({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
  });
  await saveAs(response, filename);
}

/** An Idempotency-Key: 128 random bits (getRandomValues works outside secure contexts too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A multipart POST through XMLHttpRequest, for its upload progress events (fetch has none).
 * Resolves with the JSON answer; rejects with an ApiError (or a network error in Chinese).
 */
export function upload<T>(
  path: string,
  form: FormData,
  headers: Readonly<Record<string, string>>,
  onProgress: (loaded: number, total: number) => void,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    authHeaders({ Accept: 'application/json', ...headers }).forEach((value, name) => {
      xhr.setRequestHeader(name, value);
    });
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as T);
      } else {
        const problem = parseProblem(xhr.responseText);
        reject(new ApiError(xhr.status, problem, problemMessage(xhr.status, problem)));
      }
    });
    xhr.addEventListener('error', () => {
      reject(new ApiError(0, undefined, '网络连接失败，请检查网络后重试。'));
    });
    xhr.send(form);
  });
}

/** Every page of a list endpoint (`{ data, next_cursor }`). */
export async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string =
      cursor === null
        ? `${path}${separator}limit=100`
        : `${path}${separator}limit=100&cursor=${encodeURIComponent(cursor)}`;
    const page: { data: T[]; next_cursor: string | null } = await getJson(url);
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return items;
}

/** A file from the API as a Blob (an evidence file to show in the page), fetched with the credentials. */
export async function fetchBlob(path: string): Promise<Blob> {
  const response = await request('GET', path, { headers: authHeaders() });
  return response.blob();
}
