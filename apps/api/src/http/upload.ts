import busboy from 'busboy';
import type { Request } from 'express';
import { formatBytes, hasBody, refuseDeclaredOver, tooLarge, watchBodySize } from './body-limit.js';
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
/** multipart/form-data, any case, with or without parameters (busboy reads the boundary). */
const MULTIPART = /^multipart\/form-data[\t ]*(?:;|$)/i;

function maxFiles(spec: UploadSpec): number {
  return spec.files.reduce((sum, file) => sum + file.maxCount, 0);
}

export function maxRequestBytes(spec: UploadSpec): number {
  return (
    spec.maxRequestBytes ??
    maxFiles(spec) * spec.maxFileBytes + spec.maxFields * spec.maxFieldBytes + FRAMING_BYTES
  );
}

export interface UploadedFile {
  readonly field: string;
  /** The name the client gave (UTF-8): used in messages only, never as a path. */
  readonly name: string;
  readonly bytes: Buffer;
}

/** A multipart route's limits, and the per-field file counts its reader checks. */
export interface Upload {
  readonly spec: UploadSpec;
  readonly maxCountOf: ReadonlyMap<string, number>;
}

export function uploadMiddleware(spec: UploadSpec): Upload {
  return { spec, maxCountOf: new Map(spec.files.map((file) => [file.name, file.maxCount])) };
}

/** A form as read: its text fields (a name sent twice is a list, which no route's schema takes) and files. */
interface Form {
  readonly fields: Record<string, string | string[]>;
  readonly files: Map<string, UploadedFile[]>;
}

const forms = new WeakMap<Request, Form>();

/** A refused form: the limit it passed, in Chinese, naming the field. */
type Refusal =
  | 'file-size'
  | 'field-size'
  | 'part-count'
  | 'file-count'
  | 'field-count'
  | 'field-name'
  | 'unexpected-file'
  | 'missing-name';

function refusal(kind: Refusal, spec: UploadSpec, field?: string): HttpProblem {
  const files = maxFiles(spec);
  const named = field === undefined ? '' : `「${field}」`;
  const pointer = field === undefined ? '#' : `#/${field}`;
  const problem = (
    status: number,
    slug: string,
    title: string,
    detail: string,
    limit?: { name: string; value: number },
  ) =>
    new HttpProblem(status, slug, title, detail, {
      ...(limit === undefined ? {} : { limit }),
      errors: [{ pointer, detail }],
    });
  switch (kind) {
    case 'file-size':
      return problem(
        413,
        'too-large',
        '文件过大',
        `字段${named}中的文件超过每个文件 ${formatBytes(spec.maxFileBytes)} 的上限 (a file is over ${spec.maxFileBytes} bytes)`,
        { name: 'LIMIT_FILE_SIZE', value: spec.maxFileBytes },
      );
    case 'field-size':
      return problem(
        413,
        'too-large',
        '表单字段过大',
        `表单字段${named}超过 ${formatBytes(spec.maxFieldBytes)} 的上限 (a field is over ${spec.maxFieldBytes} bytes)`,
        { name: 'LIMIT_FIELD_VALUE', value: spec.maxFieldBytes },
      );
    case 'part-count':
      return problem(
        413,
        'too-large',
        '表单部分过多',
        `表单最多 ${files + spec.maxFields} 个部分 (at most ${files + spec.maxFields} parts)`,
        { name: 'LIMIT_PART_COUNT', value: files + spec.maxFields },
      );
    case 'file-count':
      return problem(400, 'validation', '文件过多', `最多上传 ${files} 个文件 (at most ${files} files)`, {
        name: 'LIMIT_FILE_COUNT',
        value: files,
      });
    case 'field-count':
      return problem(
        400,
        'validation',
        '表单字段过多',
        `表单最多 ${spec.maxFields} 个字段 (at most ${spec.maxFields} fields)`,
        { name: 'LIMIT_FIELD_COUNT', value: spec.maxFields },
      );
    case 'field-name':
      return problem(
        400,
        'validation',
        '字段名过长',
        `字段名最长 ${MAX_FIELD_NAME_BYTES} 字节 (a field name is over ${MAX_FIELD_NAME_BYTES} bytes)`,
        { name: 'LIMIT_FIELD_KEY', value: MAX_FIELD_NAME_BYTES },
      );
    case 'unexpected-file':
      return problem(
        400,
        'validation',
        '意外的文件字段',
        `文件放在了本接口不接收的字段${named}中，或超过该字段的文件数 (a file in a field this route does not take, or one too many)`,
      );
    case 'missing-name':
      return problem(
        400,
        'validation',
        '表单部分缺少字段名',
        '表单的某一部分没有字段名 (a part has no name)',
      );
  }
}

/** busboy's parse errors (a truncated or malformed body, no boundary) as a 400. */
function malformed(error: unknown): HttpProblem {
  const message = error instanceof Error ? error.message : String(error);
  return new HttpProblem(
    400,
    'malformed-multipart',
    '表单格式错误',
    `上传的 multipart 表单不完整或格式错误 (malformed multipart body: ${message})`,
  );
}

/**
 * Browsers escape LF, CR and `"` in field and file names as %0A, %0D and %22 (the WHATWG form
 * encoding); exactly those three are reversed, as multer did (a bare `%` is never escaped).
 */
function formDataName(name: string): string {
  if (!name.includes('%')) return name;
  return name.replace(/%0A|%0D|%22/gi, (match) =>
    match.toUpperCase() === '%0A' ? '\n' : match.toUpperCase() === '%0D' ? '\r' : '"',
  );
}

/**
 * Reads a multipart form with busboy, every file into memory within the route's limits, and keeps it for
 * `filesOf` and `fieldsOf`. Refused: anything but multipart/form-data, a declared Content-Length over the
 * route's limit (before a byte is read), a body that streams past it, and a form that passes any limit of
 * its spec, each answered as soon as the limit is passed rather than once the body has arrived: the rest
 * of the body is then drained, not parsed (connection.ts closes the connection once it has arrived).
 */
export async function readUpload(upload: Upload, req: Request): Promise<void> {
  const { spec } = upload;
  const limit = maxRequestBytes(spec);
  refuseDeclaredOver(req, limit);
  // As req.is would say (a body, of that media type), without parsing the header with type-is per request.
  if (!hasBody(req) || !MULTIPART.test(req.headers['content-type'] ?? '')) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      '不支持的内容类型',
      '请求体须为 multipart/form-data 表单 (expected multipart/form-data)',
    );
  }
  const files = maxFiles(spec);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // Browsers and curl send UTF-8 file names without declaring it; busboy's default would be latin1.
      defParamCharset: 'utf8',
      // Every limit busboy knows, set: none is left at its default of Infinity. busboy reports a size or
      // part count on reaching it, so it is given one more, to report only what passes the limit.
      limits: {
        fileSize: spec.maxFileBytes + 1,
        files,
        fields: spec.maxFields,
        fieldSize: spec.maxFieldBytes + 1,
        parts: files + spec.maxFields + 1,
        headerPairs: MAX_HEADER_PAIRS,
      },
    });
  } catch (error) {
    throw malformed(error);
  }
  const form: Form = { fields: Object.create(null) as Record<string, string | string[]>, files: new Map() };
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const stop = watchBodySize(req, limit, () => {
      fail(tooLarge(limit, '请求体'));
    });
    const onAborted = () => {
      // 'close' after the whole body is the ordinary end; before it, the client went away.
      if (!req.readableEnded) fail(new Error('the client went away during its upload'));
    };
    function fail(error: Error): void {
      if (settled) return;
      settled = true;
      stop();
      req.off('close', onAborted);
      req.unpipe(parser);
      parser.removeAllListeners();
      // A late parse error after the answer must not crash the process.
      parser.on('error', () => undefined);
      // Not inside busboy's own callback (which goes on using the part it is in): once it has returned.
      setImmediate(() => parser.destroy());
      // The request stays paused: the refusal's answer drains the rest of the body or closes the
      // connection under it (connection.ts endRefusal).
      reject(error);
    }
    req.on('close', onAborted);
    parser.on('field', (raw: string | undefined, value: string, info: busboy.FieldInfo) => {
      if (raw === undefined) {
        fail(refusal('missing-name', spec));
        return;
      }
      if (raw.length > MAX_FIELD_NAME_BYTES) {
        fail(refusal('field-name', spec));
        return;
      }
      const name = formDataName(raw);
      if (info.valueTruncated) {
        fail(refusal('field-size', spec, name));
        return;
      }
      const earlier = form.fields[name];
      form.fields[name] =
        earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
    });
    parser.on('file', (raw: string | undefined, stream, info: busboy.FileInfo) => {
      // Every file stream gets its listener first, the refused ones included: destroying the parser
      // mid-part (after a refusal) destroys the live part's stream with busboy's end-of-file error.
      stream.on('error', (error: Error) => {
        fail(malformed(error));
      });
      if (raw === undefined) {
        stream.resume();
        fail(refusal('missing-name', spec));
        return;
      }
      // A part with no file name (an empty file input) is no file.
      if (info.filename === undefined || info.filename === '') {
        stream.resume();
        return;
      }
      if (raw.length > MAX_FIELD_NAME_BYTES) {
        stream.resume();
        fail(refusal('field-name', spec));
        return;
      }
      const field = formDataName(raw);
      const sent = form.files.get(field) ?? [];
      if (sent.length >= (upload.maxCountOf.get(field) ?? 0)) {
        stream.resume();
        fail(refusal('unexpected-file', spec, field));
        return;
      }
      const chunks: Buffer[] = [];
      const name = formDataName(info.filename);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        fail(refusal('file-size', spec, field));
      });
      stream.on('end', () => {
        if (!settled) sent.push({ field, name, bytes: Buffer.concat(chunks) });
      });
      form.files.set(field, sent);
    });
    parser.on('partsLimit', () => {
      fail(refusal('part-count', spec));
    });
    parser.on('filesLimit', () => {
      fail(refusal('file-count', spec));
    });
    parser.on('fieldsLimit', () => {
      fail(refusal('field-count', spec));
    });
    parser.on('error', (error: unknown) => {
      fail(malformed(error));
    });
    // 'close' comes once the request has ended and every file stream with it.
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      stop();
      req.off('close', onAborted);
      resolve();
    });
    req.pipe(parser);
  });
  forms.set(req, form);
}

/** The form's text fields, as read by readUpload. */
export function fieldsOf(req: Request): Readonly<Record<string, string | string[]>> {
  return forms.get(req)?.fields ?? {};
}

/** The uploaded files of one field, in the order sent. */
export function filesOf(req: Request, field: string): UploadedFile[] {
  return forms.get(req)?.files.get(field) ?? [];
}
