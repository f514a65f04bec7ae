import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { HttpProblem } from './problem.js';

/** The limits of one multipart route: files in memory, so every size is bounded before it is read. */
export interface UploadSpec {
  readonly files: readonly { readonly name: string; readonly maxCount: number }[];
  readonly maxFileBytes: number;
  readonly maxFieldBytes: number;
  readonly maxFields: number;
}

export interface UploadedFile {
  readonly field: string;
  /** The name the client gave (UTF-8): used in messages only, never as a path. */
  readonly name: string;
  readonly bytes: Buffer;
}

export function uploadMiddleware(spec: UploadSpec): RequestHandler {
  const maxFiles = spec.files.reduce((sum, file) => sum + file.maxCount, 0);
  return multer({
    storage: multer.memoryStorage(),
    // Browsers and curl send UTF-8 file names without declaring it; busboy's default would be latin1.
    defParamCharset: 'utf8',
    limits: {
      fileSize: spec.maxFileBytes,
      files: maxFiles,
      fields: spec.maxFields,
      fieldSize: spec.maxFieldBytes,
      parts: maxFiles + spec.maxFields,
      headerPairs: 100,
    },
  }).fields(spec.files.map((file) => ({ name: file.name, maxCount: file.maxCount })));
}

/** Runs multer as a promise, refusing anything but multipart/form-data (multer would let it through). */
export async function readUpload(
  handler: RequestHandler,
  req: Request,
  res: Parameters<RequestHandler>[1],
): Promise<void> {
  if (!req.is('multipart/form-data')) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      'expected multipart/form-data',
    );
  }
  await new Promise<void>((resolve, reject) => {
    void handler(req, res, (error?: unknown) => {
      if (error === undefined || error === null) resolve();
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
