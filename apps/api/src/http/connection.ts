import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Whether an answer sent before its request's body was read should close the connection. Node, to
 * keep a connection alive, reads and discards the rest of an unread body after the response; for a
 * body of a size the server would have read anyway that is right (the client, still sending, then
 * reads the answer: browsers and fetch do not cope with a connection closed under an upload). For a
 * body declared larger than that, chunked without a length, or cut off for passing a limit, it would
 * mean waiting for up to a terabyte or until the request timeout: those answers close the connection.
 */

/** The most a route reads (a data upload, 100 MB; evidence, 10 × 10 MB and the fields): drained, not cut. */
export const MAX_DRAINED_BYTES = 110 * 1024 * 1024;

const refused = new WeakSet<IncomingMessage>();

/** The body was refused for its size while it streamed: the connection closes after the answer. */
export function closeAfterAnswer(req: IncomingMessage): void {
  refused.add(req);
}

/** Sets `Connection: close` on `res` when the rest of its request's body is not worth reading. */
export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  const header = req.headers['content-length'];
  const declared = header !== undefined && /^\s*[0-9]+\s*$/.test(header) ? Number(header) : undefined;
  if (refused.has(req) || declared === undefined || declared > MAX_DRAINED_BYTES) {
    res.setHeader('Connection', 'close');
  }
}
