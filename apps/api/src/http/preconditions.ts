import type { Request } from 'express';
import { HttpProblem } from './problem.js';

/**
 * `If-Match: "3"` for a resource at version 3. Required on writes to versioned resources: 428 without
 * it (a client must show which version it decided on), 412 when stale (checked by the store in SQL).
 */
export function requiredVersion(req: Request): number {
  const header = req.get('if-match');
  if (header === undefined) {
    throw new HttpProblem(
      428,
      'precondition-required',
      '缺少版本号',
      '请在 If-Match 头中带上读取时的版本号，如 If-Match: "1" (send If-Match with the version you read)',
    );
  }
  const match = /^\s*"([1-9][0-9]{0,9})"\s*$/.exec(header);
  if (match?.[1] === undefined) {
    throw new HttpProblem(
      412,
      'stale-version',
      '版本已过期',
      `If-Match ${header} 不是此数据的版本号 (If-Match names no version of this resource)`,
    );
  }
  return Number(match[1]);
}

export function versionEtag(version: number): string {
  return `"${version}"`;
}

/** Whether If-None-Match names `etag` (strong comparison; `*` matches any). */
export function notModified(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag;
  });
}
