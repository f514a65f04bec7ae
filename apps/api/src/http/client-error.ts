import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE } from './problem.js';

/** What Node's parser reports, by code, as the problem a client gets (anything else is a 400). */
const ANSWERS: Readonly<Record<string, { status: number; slug: string; title: string; detail: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    slug: 'headers-too-large',
    title: '请求头过大',
    detail:
      '请求行和请求头超过服务器允许的 16 KiB (the request line and headers are longer than the server accepts)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    slug: 'request-timeout',
    title: '请求超时',
    detail: '未能在规定时间内收到完整的请求 (the request was not received in time)',
  },
};

/**
 * The http server's 'clientError' handler: a request Node could not parse (headers too long, malformed,
 * too slow) never reaches Express, and Node's own answer is a bare status line. This writes the same
 * status with an application/problem+json body, as every other refusal has, then closes the connection.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // Nothing can be written to a connection the client reset, or once a response is under way on it
  // (Node's own handler checks the same `_httpMessage`).
  const current = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent === true) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[error.code ?? ''] ?? {
    status: 400,
    slug: 'bad-request',
    title: '请求无效',
    detail: '请求不是有效的 HTTP (the request is not valid HTTP)',
  };
  const reason = STATUS_CODES[answer.status] ?? 'Bad Request';
  const body = JSON.stringify({
    type: `${PROBLEM_BASE}${answer.slug}`,
    title: answer.title,
    status: answer.status,
    detail: answer.detail,
  });
  socket.end(
    `HTTP/1.1 ${answer.status} ${reason}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
