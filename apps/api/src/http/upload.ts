import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { formatBytes, refuseDeclaredOver, tooLarge, watchBodySize } from './body-limit.js';
import { HttpProblem } from './problem.js';

/** The limits of one multipart route: files in memory, so every size is bounded before it is read. */
export interface UploadSpec {
  readonly files: readonly { readonly name: string; readonly maxCount: number }[];
  readonly maxFileBytes: number;
  readonly maxFieldBytes: number;
  readonly maxFields: number;
  /**
   * The whole request body, multipart framing included. Default: every file and field at its limit,
   * plus 1 MB of framing; a route sets less when that sum is more than it should hold in memory.
   */
  readonly maxRequestBytes?: number;
}

/** Bytes of multipart framing (boundaries, part headers) allowed beyond the files and fields. */
const FRAMING_BYTES = 1024 * 1024;
const MAX_HEADER_PAIRS = 100;
const MAX_FIELD_NAME_BYTES = 100;

export function maxRequestBytes(spec: UploadSpec): number {
  const maxFiles = spec.files.reduce((sum, file) => sum + file.maxCount, 0);
  return (
    spec.maxRequestBytes ?? maxFiles * spec.maxFileBytes + spec.maxFields * spec.maxFieldBytes + FRAMING_BYTES
  );
}

export interface UploadedFile {
  readonly field: string;
  /** The name the client gave (UTF-8): used in messages only, never as a path. */
  readonly name: string;
  readonly bytes: Buffer;
}

/** A multipart route's reader and its limits. */
export interface Upload {
  readonly spec: UploadSpec;
  readonly handler: RequestHandler;
}

export function uploadMiddleware(spec: UploadSpec): Upload {
  const maxFiles = spec.files.reduce((sum, file) => sum + file.maxCount, 0);
  const handler = multer({
    storage: multer.memoryStorage(),
    // Browsers and curl send UTF-8 file names without declaring it; busboy's default would be latin1.
    defParamCharset: 'utf8',
    // Every limit busboy knows, set: none is left at its default of Infinity.
    limits: {
      fileSize: spec.maxFileBytes,
      files: maxFiles,
      fields: spec.maxFields,
      fieldSize: spec.maxFieldBytes,
      fieldNameSize: MAX_FIELD_NAME_BYTES,
      parts: maxFiles + spec.maxFields,
      headerPairs: MAX_HEADER_PAIRS,
    },
  }).fields(spec.files.map((file) => ({ name: file.name, maxCount: file.maxCount })));
  return { spec, handler };
}

/** multer's limit errors as problems that name the limit, in Chinese. */
function limitProblem(error: multer.MulterError, spec: UploadSpec): HttpProblem | undefined {
  const maxFiles = spec.files.reduce((sum, file) => sum + file.maxCount, 0);
  const field = error.field === undefined ? '' : `「${error.field}」`;
  const pointer = error.field === undefined ? '#' : `#/${error.field}`;
  const problem = (status: number, slug: string, title: string, detail: string, limit: number) =>
    new HttpProblem(status, slug, title, detail, {
      limit: { name: error.code, value: limit },
      errors: [{ pointer, detail }],
    });
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return problem(
        413,
        'too-large',
        '文件过大',
        `字段${field}中的文件超过每个文件 ${formatBytes(spec.maxFileBytes)} 的上限 (a file is over ${spec.maxFileBytes} bytes)`,
        spec.maxFileBytes,
      );
    case 'LIMIT_FIELD_VALUE':
      return problem(
        413,
        'too-large',
        '表单字段过大',
        `表单字段${field}超过 ${formatBytes(spec.maxFieldBytes)} 的上限 (a field is over ${spec.maxFieldBytes} bytes)`,
        spec.maxFieldBytes,
      );
    case 'LIMIT_PART_COUNT':
      return problem(
        413,
        'too-large',
        '表单部分过多',
        `表单最多 ${maxFiles + spec.maxFields} 个部分 (at most ${maxFiles + spec.maxFields} parts)`,
        maxFiles + spec.maxFields,
      );
    case 'LIMIT_FILE_COUNT':
      return problem(
        400,
        'validation',
        '文件过多',
        `最多上传 ${maxFiles} 个文件 (at most ${maxFiles} files)`,
        maxFiles,
      );
    case 'LIMIT_FIELD_COUNT':
      return problem(
        400,
        'validation',
        '表单字段过多',
        `表单最多 ${spec.maxFields} 个字段 (at most ${spec.maxFields} fields)`,
        spec.maxFields,
      );
    case 'LIMIT_FIELD_KEY':
      return problem(
        400,
        'validation',
        '字段名过长',
        `字段名最长 ${MAX_FIELD_NAME_BYTES} 字节 (a field name is over ${MAX_FIELD_NAME_BYTES} bytes)`,
        MAX_FIELD_NAME_BYTES,
      );
    case 'LIMIT_UNEXPECTED_FILE':
    case 'MISSING_FIELD_NAME':
      return undefined;
  }
}

/**
 * Runs multer as a promise, refusing anything but multipart/form-data (multer would let it through),
 * a declared Content-Length over the route's limit (before a byte is read) and a body that streams
 * past it (cut off there).
 */
export async function readUpload(
  upload: Upload,
  req: Request,
  res: Parameters<RequestHandler>[1],
): Promise<void> {
  const limit = maxRequestBytes(upload.spec);
  refuseDeclaredOver(req, limit);
  if (!req.is('multipart/form-data')) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      '不支持的内容类型',
      '请求体须为 multipart/form-data 表单 (expected multipart/form-data)',
    );
  }
  await new Promise<void>((resolve, reject) => {
    const stop = watchBodySize(req, limit, () => {
      reject(tooLarge(limit, '请求体'));
    });
    void upload.handler(req, res, (error?: unknown) => {
      stop();
      if (error === undefined || error === null) resolve();
      else if (error instanceof multer.MulterError) reject(limitProblem(error, upload.spec) ?? error);
      else reject(error instanceof Error ? error : new Error('upload failed', { cause: error }));
    });
  });
}

/** The uploaded files of one field, in the order sent. */
export function filesOf(req: Request, field: string): UploadedFile[] {
  const files = req.files;
  if (files === undefined || Array.isArray(files)) return [];
  return (files[field] ?? []).map((file) => ({ field, name: file.originalname, bytes: file.buffer }));
}
