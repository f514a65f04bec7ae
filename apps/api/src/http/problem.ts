import { InvalidRecordsError, InvalidSchemeError, UnknownPresetError } from '@mujun/scoring';
import { SheetError, SheetLimitError } from '@mujun/sheets';
import { InvalidHistoryError, SurchargeError, SurchargeErrorCode } from '@mujun/surcharges';
import type { ErrorRequestHandler, Response } from 'express';
import multer from 'multer';
import type { Logger } from 'pino';
import { DomainError, DomainErrorCode } from '../domain/errors.js';

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
  [DomainErrorCode.NotFound]: { status: 404, slug: 'not-found', title: 'Not found' },
  [DomainErrorCode.InvalidState]: { status: 409, slug: 'invalid-state', title: 'Not allowed in this state' },
  [DomainErrorCode.WindowNotOpen]: {
    status: 409,
    slug: 'window-not-open',
    title: 'The 公示 window has not opened',
  },
  [DomainErrorCode.WindowClosed]: { status: 409, slug: 'window-closed', title: 'The 公示 window has closed' },
  [DomainErrorCode.WindowStillOpen]: {
    status: 409,
    slug: 'window-open',
    title: 'The 公示 window is still open',
  },
  [DomainErrorCode.ObjectionsPending]: {
    status: 409,
    slug: 'objections-pending',
    title: 'Objections still pending',
  },
  [DomainErrorCode.Frozen]: { status: 409, slug: 'final', title: 'The evaluation is final' },
  [DomainErrorCode.FieldAlreadyContested]: {
    status: 409,
    slug: 'already-contested',
    title: 'The field is already under objection',
  },
  [DomainErrorCode.WrongEnterprise]: { status: 403, slug: 'wrong-enterprise', title: 'Not your enterprise' },
  [DomainErrorCode.InvalidValue]: { status: 422, slug: 'invalid-value', title: 'Invalid value' },
  [DomainErrorCode.Concurrent]: { status: 409, slug: 'concurrent-change', title: 'Changed concurrently' },
  [DomainErrorCode.StaleVersion]: { status: 412, slug: 'stale-version', title: 'Precondition failed' },
  [DomainErrorCode.CalendarCoverage]: {
    status: 422,
    slug: 'calendar-coverage',
    title: 'Date outside the holiday calendar',
  },
  [DomainErrorCode.NoDataYear]: {
    status: 409,
    slug: 'no-data-year',
    title: 'The evaluation has no data year',
  },
};

/** The surcharge list's errors: a scheme without a price policy is the evaluation's, not the request's. */
const SURCHARGE: Readonly<Record<SurchargeErrorCode, { status: number; slug: string; title: string }>> = {
  [SurchargeErrorCode.NoPolicy]: {
    status: 409,
    slug: 'no-surcharge-policy',
    title: 'The scheme has no surcharge policy',
  },
  [SurchargeErrorCode.InvalidDate]: { status: 422, slug: 'invalid-value', title: 'Invalid value' },
  [SurchargeErrorCode.InvalidArgument]: { status: 422, slug: 'invalid-value', title: 'Invalid value' },
  [SurchargeErrorCode.InvalidHistory]: {
    status: 422,
    slug: 'invalid-history',
    title: 'Conflicting class history',
  },
};

/** multer's limit codes: sizes are 413, shapes are 400. */
const MULTER: Readonly<Record<string, { status: number; slug: string; title: string }>> = {
  LIMIT_FILE_SIZE: { status: 413, slug: 'too-large', title: 'File too large' },
  LIMIT_PART_COUNT: { status: 413, slug: 'too-large', title: 'Too many parts' },
  LIMIT_FIELD_VALUE: { status: 413, slug: 'too-large', title: 'Field too large' },
  LIMIT_FIELD_KEY: { status: 400, slug: 'validation', title: 'Field name too long' },
  LIMIT_FIELD_COUNT: { status: 400, slug: 'validation', title: 'Too many fields' },
  LIMIT_FILE_COUNT: { status: 400, slug: 'validation', title: 'Too many files' },
  LIMIT_UNEXPECTED_FILE: { status: 400, slug: 'validation', title: 'Unexpected file field' },
  MISSING_FIELD_NAME: { status: 400, slug: 'validation', title: 'Part without a field name' },
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
    return plain(body(422, 'invalid-data', 'Invalid data', detail, { issues: error.issues }));
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
      body(422, 'unreadable-file', 'Unreadable file', error.message, { file: error.file, code: error.code }),
    );
  }
  if (error instanceof InvalidSchemeError) {
    const errors = error.issues.map((issue) => ({
      pointer: `#/scheme/${issue.path.replaceAll('.', '/')}`,
      detail: issue.message,
    }));
    return plain(body(422, 'invalid-scheme', 'Invalid scheme', '评价办法无效 (invalid scheme)', { errors }));
  }
  if (error instanceof UnknownPresetError) {
    return plain(
      body(422, 'unknown-scheme', 'Unknown scheme preset', error.message, {
        errors: [{ pointer: '#/scheme', detail: `known presets: ${error.known.join(', ')}` }],
      }),
    );
  }
  if (error instanceof multer.MulterError) {
    const known = MULTER[error.code] ?? { status: 400, slug: 'validation', title: 'Invalid upload' };
    const pointer = error.field === undefined ? '#' : `#/${error.field}`;
    return plain(
      body(known.status, known.slug, known.title, error.message, {
        errors: [{ pointer, detail: error.message }],
      }),
    );
  }
  return httpErrorOf(error);
}

/** Errors from express's body parsers and busboy: they carry a 4xx `status` and a `type`. */
function httpErrorOf(
  error: unknown,
): { body: ProblemBody; headers: Readonly<Record<string, string>> } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const type = typeof record.type === 'string' ? record.type : '';
  const message = typeof record.message === 'string' ? record.message : 'bad request';
  if (type === 'entity.parse.failed') {
    return {
      body: body(400, 'malformed-json', 'Malformed JSON', `the body is not valid JSON: ${message}`),
      headers: {},
    };
  }
  if (type === 'entity.too.large') {
    return { body: body(413, 'too-large', 'Request too large', message), headers: {} };
  }
  const status = typeof record.status === 'number' ? record.status : record.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      body: body(status, status === 415 ? 'unsupported-media-type' : 'bad-request', 'Bad request', message),
      headers: {},
    };
  }
  // busboy's parse errors (a truncated or malformed multipart body) have no status.
  if (
    error instanceof Error &&
    /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found)/.test(error.message)
  ) {
    return { body: body(400, 'malformed-multipart', 'Malformed multipart body', error.message), headers: {} };
  }
  return undefined;
}

export function sendProblem(
  res: Response,
  problem: ProblemBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return;
  res.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/**
 * The one error middleware: every refusal becomes problem+json; anything else is a bug, logged with
 * the request id and answered 500 with that id as `traceId` and nothing of the internals.
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  // Express knows an error middleware by its four parameters.
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = problemOf(error);
    if (problem !== undefined) {
      sendProblem(res, problem.body, problem.headers);
      return;
    }
    const traceId = typeof req.id === 'string' ? req.id : JSON.stringify(req.id);
    logger.error({ err: error, traceId, method: req.method, url: req.originalUrl }, 'unhandled error');
    sendProblem(
      res,
      body(500, 'internal', 'Internal error', `an internal error occurred; report the traceId ${traceId}`, {
        traceId,
      }),
    );
  };
}

export function notFoundProblem(detail: string): HttpProblem {
  return new HttpProblem(404, 'not-found', 'Not found', detail);
}
