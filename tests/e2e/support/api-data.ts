import { createHash, randomBytes } from 'node:crypto';
import type { EnterpriseRecord } from '@mujun/scoring';
import { generateRecords, recordsToTable } from '../../../packages/scoring/bench/generate.js';
import { createToken, openSqliteStore } from '../../../apps/api/src/index.js';
import type { TokenRequest } from '../../../apps/api/src/index.js';

/**
 * Data for the tests and the bench that drive the real server process: a generated year's CSV (the
 * scoring bench's deterministic generator, English-key headers), tokens issued straight into the data
 * directory's store (what `mujun token create` does), small distinct PDFs, and a multipart body built
 * by hand for clients that do not go through fetch's FormData.
 */

export interface GeneratedYear {
  readonly bytes: Buffer;
  readonly records: readonly EnterpriseRecord[];
}

function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** `count` enterprises for `seed` as a UTF-8 CSV upload: the same records every time. */
export function generatedCsv(count: number, seed: number): GeneratedYear {
  const records = generateRecords(count, seed);
  const table = recordsToTable(records);
  const lines = [table.headers.join(',')];
  for (const row of table.rows) lines.push(row.cells.map(csvCell).join(','));
  return { bytes: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), records };
}

/** Issues tokens into the store in `dataDir` (creating it), then closes it: before or while a server runs. */
export async function issueTokens(dataDir: string, requests: readonly TokenRequest[]): Promise<string[]> {
  const store = openSqliteStore(dataDir);
  try {
    const tokens: string[] = [];
    for (const request of requests) {
      tokens.push((await createToken(store, request, new Date().toISOString())).token);
    }
    return tokens;
  } finally {
    store.close();
  }
}

/** A small PDF whose bytes differ by `label`: what the server checks is the `%PDF-` header. */
export function smallPdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type Part =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly filename: string; readonly type: string; readonly bytes: Uint8Array };

/** A multipart/form-data body (RFC 7578) and its Content-Type, with a random boundary. */
export function multipart(parts: readonly Part[]): { body: Buffer; contentType: string } {
  const boundary = `----mujun${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
          'utf8',
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.type}\r\n\r\n`,
          'utf8',
        ),
        Buffer.from(part.bytes),
        Buffer.from('\r\n', 'utf8'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
