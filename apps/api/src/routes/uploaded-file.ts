import { createHash } from 'node:crypto';
import { evidenceFilename, sniffEvidence } from '../domain/evidence.js';
import { newId } from '../domain/ids.js';
import { asciiFilename, attachmentDisposition } from '../http/disposition.js';
import { HttpProblem } from '../http/problem.js';
import type { Reply } from '../http/route.js';
import type { UploadedFile } from '../http/upload.js';
import type { EvidenceMeta } from '../store/store.js';

/**
 * A file someone uploaded (an objection's evidence, a ledger note's attachment), served back: typed by
 * its bytes again (so a row stored before names followed content is served right too), named with that
 * type's extension, an attachment never shown inline, its type never sniffed, and were a browser to
 * render it anyway, sandboxed with nothing allowed to run or load. `fallback` names a file of no known
 * type (`evidence` → `evidence.bin`).
 */
export function uploadedFileReply(
  file: { readonly meta: EvidenceMeta; readonly content: Buffer },
  fallback: string,
): Reply {
  const mediaType = sniffEvidence(file.content) ?? 'application/octet-stream';
  const name =
    mediaType === 'application/octet-stream'
      ? `${fallback}.bin`
      : evidenceFilename(file.meta.filename, mediaType);
  return {
    status: 200,
    bytes: file.content,
    contentType: mediaType,
    etag: `"sha256-${Buffer.from(file.meta.sha256, 'hex').toString('base64url')}"`,
    headers: {
      'Content-Disposition': attachmentDisposition(name, asciiFilename(name, fallback)),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'private, no-store',
    },
  };
}

/** How a route names its uploads in a refusal: the form field, and the word for one file. */
export interface UploadKind {
  /** The multipart field, for the problem's pointer: `evidence`, `attachment`. */
  readonly field: string;
  /** 证明材料, 附件. */
  readonly chinese: string;
  /** `evidence file`, `attachment`. */
  readonly english: string;
  /** The stored id's prefix: `evd`, `att`. */
  readonly idPrefix: 'evd' | 'att';
}

/**
 * An uploaded file checked by its bytes, ready to store: a PDF, JPEG or PNG whatever its name says
 * (415 otherwise), named by that type (`../../x.html` that is a PDF is stored as `x.pdf`), hashed.
 */
export function storableUpload(file: UploadedFile, index: number, kind: UploadKind) {
  const mediaType = sniffEvidence(file.bytes);
  if (mediaType === undefined) {
    throw new HttpProblem(
      415,
      'unsupported-evidence',
      `${kind.chinese}类型不支持`,
      `${kind.chinese}「${file.name}」不是 PDF、JPEG 或 PNG 文件 (${kind.english} ${file.name} is not a PDF, JPEG or PNG by its content)`,
      {
        errors: [{ pointer: `#/${kind.field}/${String(index)}`, detail: '按内容判断不是 PDF、JPEG 或 PNG' }],
      },
    );
  }
  return {
    id: newId(kind.idPrefix),
    filename: evidenceFilename(file.name, mediaType),
    mediaType,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    content: file.bytes,
  };
}
