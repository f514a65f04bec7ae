import { HttpProblem } from './problem.js';

/**
 * Opaque list cursors: the position to continue after, wrapped so that clients treat it as a token and
 * the server may change what is inside.
 */
export function encodeCursor(position: number | null): string | null {
  return position === null ? null : Buffer.from(`p${position}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^p(-?[0-9]{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match?.[1] === undefined) {
    throw new HttpProblem(
      400,
      'validation',
      '翻页游标无效',
      '翻页游标不是本服务器给出的，请原样传回上一页的 next_cursor (the cursor is not one this server issued)',
      { errors: [{ pointer: '#/query/cursor', detail: '请原样传回上一页的 next_cursor' }] },
    );
  }
  return Number(match[1]);
}

export const DEFAULT_LIMIT = 50;

export function pageRequest(query: {
  readonly limit?: string | undefined;
  readonly cursor?: string | undefined;
}): {
  readonly limit: number;
  readonly after?: number;
} {
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  const after = decodeCursor(query.cursor);
  return after === undefined ? { limit } : { limit, after };
}

/** A cursor for a sorted search: the offset of the next row (`o<offset>`). */
export function encodeOffset(offset: number | null): string | null {
  return offset === null ? null : Buffer.from(`o${offset}`, 'utf8').toString('base64url');
}

export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o([0-9]{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match?.[1] === undefined) {
    throw new HttpProblem(
      400,
      'validation',
      '翻页参数无效',
      '翻页参数不是本服务器给出的，请从第一页重新查询。',
      {
        errors: [{ pointer: '#/query/cursor', detail: 'pass next_cursor from the previous page as it is' }],
      },
    );
  }
  return Number(match[1]);
}
