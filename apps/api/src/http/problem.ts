import { InvalidRecordsError, InvalidSchemeError, UnknownPresetError } from '@mujun/scoring';
import { SheetError, SheetLimitError } from '@mujun/sheets';
import type { Metrics } from './metrics.js';
import { InvalidHistoryError, SurchargeError, SurchargeErrorCode } from '@mujun/surcharges';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, DomainErrorCode } from '../domain/errors.js';
import { StoreUnavailableError } from '../store/store.js';
import { endRefusal } from './connection.js';
import { redactUrl } from './redact.js';

/** Problem types are stable URIs: clients branch on `type`, never on `title` or `detail`. */
export const PROBLEM_BASE = 'https://mujun.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly [extension: string]: unknown;
}

/** An HTTP-level refusal (bad header, no token, wrong role), thrown by the http/ layer. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

const DOMAIN: Readonly<Record<DomainErrorCode, { status: number; slug: string; title: string }>> = {
  [DomainErrorCode.NotFound]: { status: 404, slug: 'not-found', title: '未找到' },
  [DomainErrorCode.InvalidState]: { status: 409, slug: 'invalid-state', title: '当前状态不允许此操作' },
  [DomainErrorCode.WindowNotOpen]: {
    status: 409,
    slug: 'window-not-open',
    title: '公示期尚未开始',
  },
  [DomainErrorCode.WindowClosed]: { status: 409, slug: 'window-closed', title: '公示期已结束' },
  [DomainErrorCode.WindowStillOpen]: {
    status: 409,
    slug: 'window-open',
    title: '公示期尚未结束',
  },
  [DomainErrorCode.ObjectionsPending]: {
    status: 409,
    slug: 'objections-pending',
    title: '尚有异议未复核',
  },
  [DomainErrorCode.Frozen]: { status: 409, slug: 'final', title: '评价已定稿' },
  [DomainErrorCode.FieldAlreadyContested]: {
    status: 409,
    slug: 'already-contested',
    title: '该项数据已有异议',
  },
  [DomainErrorCode.WrongEnterprise]: { status: 403, slug: 'wrong-enterprise', title: '非本企业' },
  [DomainErrorCode.InvalidValue]: { status: 422, slug: 'invalid-value', title: '数值无效' },
  [DomainErrorCode.Concurrent]: { status: 409, slug: 'concurrent-change', title: '数据已被同时修改' },
  [DomainErrorCode.StaleVersion]: { status: 412, slug: 'stale-version', title: '版本已过期' },
  [DomainErrorCode.CalendarCoverage]: {
    status: 422,
    slug: 'calendar-coverage',
    title: '日期超出节假日日历范围',
  },
  [DomainErrorCode.EvidenceQuota]: {
    status: 413,
    slug: 'evidence-quota',
    title: '证明材料总量超过上限',
  },
  [DomainErrorCode.NoDataYear]: {
    status: 409,
    slug: 'no-data-year',
    title: '评价未登记评价年度',
  },
};

/** The surcharge list's errors: a scheme without a price policy is the evaluation's, not the request's. */
const SURCHARGE: Readonly<Record<SurchargeErrorCode, { status: number; slug: string; title: string }>> = {
  [SurchargeErrorCode.NoPolicy]: {
    status: 409,
    slug: 'no-surcharge-policy',
    title: '评价办法未规定差别化电价',
  },
  [SurchargeErrorCode.InvalidDate]: { status: 422, slug: 'invalid-value', title: '数值无效' },
  [SurchargeErrorCode.InvalidArgument]: { status: 422, slug: 'invalid-value', title: '数值无效' },
  [SurchargeErrorCode.InvalidHistory]: {
    status: 422,
    slug: 'invalid-history',
    title: '历年类别记录有冲突',
  },
};

function body(
  status: number,
  slug: string,
  title: string,
  detail: string,
  extensions: Readonly<Record<string, unknown>> = {},
): ProblemBody {
  return { ...extensions, type: `${PROBLEM_BASE}${slug}`, title, status, detail };
}

/** A thrown value as a problem, or undefined when it is a bug (the caller answers 500). */
export function problemOf(
  error: unknown,
): { body: ProblemBody; headers: Readonly<Record<string, string>> } | undefined {
  const plain = (problem: ProblemBody) => ({ body: problem, headers: {} });
  if (error instanceof HttpProblem) {
    return {
      body: body(error.status, error.slug, error.title, error.message, error.extensions),
      headers: error.headers,
    };
  }
  if (error instanceof StoreUnavailableError) {
    // The database is down or restarting: nothing was done, and the engine reconnects by itself.
    return {
      body: body(
        503,
        'store-unavailable',
        '数据库暂时无法访问',
        '数据库暂时无法访问，本次请求未执行，请稍后重试 (the database cannot be reached; nothing was done, retry later)',
      ),
      headers: { 'Retry-After': '5' },
    };
  }
  if (error instanceof DomainError) {
    const { status, slug, title } = DOMAIN[error.code];
    return plain(body(status, slug, title, error.message, error.extensions));
  }
  if (error instanceof SurchargeError) {
    const { status, slug, title } = SURCHARGE[error.code];
    const issues = error instanceof InvalidHistoryError ? { issues: error.issues } : {};
    return plain(body(status, slug, title, error.message, issues));
  }
  if (error instanceof InvalidRecordsError) {
    const detail = `数据有 ${error.issues.length} 处问题，未建立评价 (${error.issues.length} problem(s) in the data; nothing was stored)`;
    return plain(body(422, 'invalid-data', '数据有误', detail, { issues: error.issues }));
  }
  if (error instanceof SheetLimitError) {
    // Over a read limit: too large (bytes, ratio) is 413, too many rows, columns or cells 422.
    const [status, slug, title] = error.tooLarge
      ? [413, 'file-too-large', '文件超过大小上限']
      : [422, 'file-over-limit', '文件超过行数、列数或单元格上限'];
    const limit = { name: error.limit, value: error.value };
    return plain(body(status, slug, title, error.message, { file: error.file, code: error.code, limit }));
  }
  if (error instanceof SheetError) {
    return plain(
      body(422, 'unreadable-file', '文件无法读取', error.message, { file: error.file, code: error.code }),
    );
  }
  if (error instanceof InvalidSchemeError) {
    const errors = error.issues.map((issue) => ({
      pointer: `#/scheme/${issue.path.replaceAll('.', '/')}`,
      detail: issue.message,
    }));
    return plain(body(422, 'invalid-scheme', '评价办法无效', '评价办法无效 (invalid scheme)', { errors }));
  }
  if (error instanceof UnknownPresetError) {
    return plain(
      body(
        422,
        'unknown-scheme',
        '未知的评价办法',
        `没有名为「${error.presetId}」的内置评价办法，可选：${error.known.join('、')} (unknown scheme preset)`,
        { errors: [{ pointer: '#/scheme', detail: `可选：${error.known.join('、')}` }] },
      ),
    );
  }
  return httpErrorOf(error);
}

/** Errors from express's own parsers (a malformed path): a 4xx `status`, or a known type. */
function httpErrorOf(
  error: unknown,
): { body: ProblemBody; headers: Readonly<Record<string, string>> } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { status?: unknown; statusCode?: unknown; type?: unknown };
  const type = typeof record.type === 'string' ? record.type : '';
  if (type === 'entity.parse.failed') {
    return {
      body: body(
        400,
        'malformed-json',
        'JSON 格式错误',
        `请求体不是有效的 JSON (the body is not valid JSON)`,
      ),
      headers: {},
    };
  }
  if (type === 'entity.too.large') {
    return {
      body: body(413, 'too-large', '请求过大', '请求体超过允许的大小 (request too large)'),
      headers: {},
    };
  }
  const status = typeof record.status === 'number' ? record.status : record.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const unsupported = status === 415;
    return {
      body: body(
        status,
        unsupported ? 'unsupported-media-type' : 'bad-request',
        unsupported ? '不支持的内容类型' : '请求无效',
        unsupported ? '请求的内容类型不受支持 (unsupported media type)' : '请求无法处理 (bad request)',
      ),
      headers: {},
    };
  }
  return undefined;
}

/**
 * A problem body larger than this is cut down (its lists shortened, then dropped) rather than sent:
 * the limits of the readers keep real ones far below it, so only a bug or a missed limit reaches it.
 */
export const MAX_PROBLEM_BYTES = 8 * 1024 * 1024;
/** How many entries of each list a cut-down body keeps. */
const KEPT_ENTRIES = 1000;

/** The body as JSON within MAX_PROBLEM_BYTES: lists cut to their first entries with a count of the rest. */
function serialise(problem: ProblemBody): string {
  const full = JSON.stringify(problem);
  if (full.length <= MAX_PROBLEM_BYTES / 3 || Buffer.byteLength(full) <= MAX_PROBLEM_BYTES) return full;
  const shortened: Record<string, unknown> = { ...problem };
  for (const [key, value] of Object.entries(problem)) {
    if (Array.isArray(value) && value.length > KEPT_ENTRIES) {
      shortened[key] = value.slice(0, KEPT_ENTRIES);
      shortened[`${key}Omitted`] = value.length - KEPT_ENTRIES;
    }
  }
  const cut = JSON.stringify(shortened);
  if (Buffer.byteLength(cut) <= MAX_PROBLEM_BYTES) return cut;
  const { type, title, status, detail } = problem;
  return JSON.stringify({ type, title, status, detail: detail.slice(0, 4096), truncated: true });
}

/** The request id problem.ts and the log agree on (request-log.ts sets it first thing). */
function traceIdOf(res: Response): string {
  const id = (res.req as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : 'unknown';
}

/** The last-resort answer: a fixed 500 body written with Node's own calls, nothing left to fail. */
function sendMinimal500(res: Response, traceId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text =
    '{"type":"https://mujun.dev/problems/internal","title":"服务器内部错误","status":500,' +
    `"detail":"服务器内部错误，请将 traceId ${traceId} 告知管理员 (an internal error occurred)",` +
    `"traceId":${JSON.stringify(traceId)}}`;
  for (const name of res.getHeaderNames()) if (name !== 'x-request-id') res.removeHeader(name);
  res.statusCode = 500;
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  endRefusal(res.req, res, text);
}

/**
 * Sends a problem. Whatever fails on the way (a body JSON cannot serialise, a getter that throws), the
 * client still gets problem+json: a minimal 500 with the traceId, and `onFailure` hears of the error.
 * Sent before the request's body was read, it goes out at once with `Connection: close`, the
 * connection closing once the rest of the body has arrived, or at once if that is not worth reading
 * (connection.ts endRefusal).
 */
export function sendProblem(
  res: Response,
  problem: ProblemBody,
  headers: Readonly<Record<string, string>> = {},
  onFailure?: (error: unknown) => void,
): void {
  if (res.headersSent) return;
  try {
    const text = serialise(problem);
    res.status(problem.status).set(headers);
    res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    res.setHeader('Content-Length', Buffer.byteLength(text));
    endRefusal(res.req, res, text);
  } catch (error) {
    onFailure?.(error);
    try {
      sendMinimal500(res, traceIdOf(res));
    } catch {
      res.destroy();
    }
  }
}

/**
 * The one error middleware: every refusal becomes problem+json; anything else is a bug, logged with
 * the request id and answered 500 with that id as `traceId` and nothing of the internals. Nothing it
 * does can fall through to Express's HTML page: a failure while building or sending the problem is a
 * minimal 500, and an error after the headers went out ends the connection (the client sees a cut
 * response, never a second one) and is logged.
 */
export function errorMiddleware(logger: Logger, metrics?: Metrics): ErrorRequestHandler {
  // Express knows an error middleware by its four parameters; `next` is never called.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (error: unknown, req, res, _next) => {
    const traceId = traceIdOf(res);
    const where = { traceId, method: req.method, url: redactUrl(req.originalUrl) };
    const failed = (failure: unknown) => {
      logSafely(logger, { err: failure, ...where }, 'the problem could not be sent');
    };
    if (metrics !== undefined && error instanceof SheetLimitError) {
      metrics.uploadLimitRefusals.inc({ limit: error.limit });
    }
    try {
      if (res.headersSent) {
        logSafely(logger, { err: error, ...where }, 'error after the response started');
        res.destroy();
        return;
      }
      const problem = problemOf(error);
      if (problem !== undefined) {
        sendProblem(res, problem.body, problem.headers, failed);
        return;
      }
      logSafely(logger, { err: error, ...where }, 'unhandled error');
      sendProblem(
        res,
        body(
          500,
          'internal',
          '服务器内部错误',
          `服务器内部错误，请将 traceId ${traceId} 告知管理员 (an internal error occurred; report the traceId)`,
          { traceId },
        ),
        {},
        failed,
      );
    } catch (failure) {
      failed(failure);
      try {
        sendMinimal500(res, traceId);
      } catch {
        res.destroy();
      }
    }
  };
}

/** A log line that cannot throw (an error whose getters throw must not stop the answer). */
function logSafely(logger: Logger, fields: Record<string, unknown>, message: string): void {
  try {
    logger.error(fields, message);
  } catch {
    try {
      logger.error({ traceId: fields['traceId'] }, `${message} (the error itself could not be logged)`);
    } catch {
      // nothing more can be done: the answer matters more than the line
    }
  }
}

export function notFoundProblem(detail: string): HttpProblem {
  return new HttpProblem(404, 'not-found', '未找到', detail);
}
