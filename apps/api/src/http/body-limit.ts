import type { Request } from 'express';
import { formatBytes } from '../domain/bytes.js';
import { closeAfterAnswer } from './connection.js';
import { HttpProblem } from './problem.js';

export { formatBytes };

/**
 * Request bodies are bounded before they are read and while they stream: a declared Content-Length
 * over the route's limit is refused at once (413, nothing parsed), and a body without one (chunked) is
 * cut off with 413 as soon as it passes the limit. A cut-off body's answer carries `Connection: close`;
 * a refused declared one is closed only when it is larger than the server ever reads (connection.ts),
 * and otherwise drained after the answer, so that a client still sending it reads the 413 instead of a
 * reset connection (fetch fails with "fetch failed" when the server closes under its upload).
 */

/** 413 naming the limit (`limit` bytes) and what it bounds (请求体, 证明材料, …). */
export function tooLarge(limit: number, what: string, setting?: string): HttpProblem {
  const named = setting === undefined ? '' : `（设置项 ${setting}）`;
  return new HttpProblem(
    413,
    'too-large',
    '上传内容过大',
    `${what}超过 ${formatBytes(limit)} 的上限${named} (over the limit of ${limit} bytes)`,
    { limit: { name: what, bytes: limit, ...(setting === undefined ? {} : { setting }) } },
  );
}

/** The declared Content-Length, when there is one that is a number. */
export function declaredLength(req: Request): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined || !/^\s*[0-9]+\s*$/.test(header)) return undefined;
  return Number(header);
}

/** Whether the request carries a body at all (a length over 0, or chunked). */
export function hasBody(req: Request): boolean {
  const length = declaredLength(req);
  return (length !== undefined && length > 0) || req.headers['transfer-encoding'] !== undefined;
}

/** Refuses, before anything of the body is read, a request that declares more than `limit` bytes. */
export function refuseDeclaredOver(req: Request, limit: number, what = '请求体'): void {
  const length = declaredLength(req);
  if (length !== undefined && length > limit) throw tooLarge(limit, what);
}

/**
 * Calls `onOver` once the bytes read from `req` pass `limit` (a body sent without Content-Length, or
 * one longer than it said), after detaching every reader and pausing the request. Returns the
 * function that stops counting.
 */
export function watchBodySize(req: Request, limit: number, onOver: () => void): () => void {
  let seen = 0;
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= limit) return;
    req.off('data', onData);
    req.unpipe();
    req.pause();
    closeAfterAnswer(req);
    onOver();
  };
  req.on('data', onData);
  return () => {
    req.off('data', onData);
  };
}

/** The body as bytes, at most `limit` of them: 413 as soon as it passes the limit. */
export function readBody(req: Request, limit: number): Promise<Buffer> {
  refuseDeclaredOver(req, limit);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) {
        cleanup();
        req.pause();
        closeAfterAnswer(req);
        reject(tooLarge(limit, '请求体'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
