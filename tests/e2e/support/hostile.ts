import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { crc32, createDeflateRaw } from 'node:zlib';
import { endRecord, entryRecords } from '../../../apps/api/src/http/zip.js';
import { count, openReadonly } from './sqlite-readonly.js';

/**
 * Tools for the hostile-input suite: zip (XLSX) bombs built by streaming deflate, raw HTTP requests
 * that lie about their length or trickle their body, a /healthz poller, the server's peak RSS from
 * /proc, and a digest of the stored tables.
 */

interface ZipEntry {
  readonly name: string;
  /** The entry's uncompressed content, produced in chunks so that a 1 GiB entry never sits in memory. */
  readonly chunks: () => Iterable<Buffer>;
}

async function deflated(chunks: Iterable<Buffer>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/**
 * A zip archive (deflate, no zip64: every entry under 4 GiB) of `entries`, with the server's own header
 * layout (http/zip.ts) but each entry deflated from chunks as they come, at level 9, so that a 1 GiB
 * entry is never held whole, as the server's writer holds each of its (small) files. Time and date 0.
 */
export async function zip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflated(entry.chunks());
    const name = Buffer.from(entry.name, 'utf8');
    const { local, central } = entryRecords({
      name,
      crc,
      compressedSize: data.length,
      size,
      offset,
      time: 0,
      date: 0,
    });
    parts.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...parts, directory, endRecord(entries.length, directory.length, offset)]);
}

const once = (text: string) => () => [Buffer.from(text, 'utf8')];

/**
 * An XLSX workbook of one sheet: `header` as inline strings in row 1, then the <row> elements that
 * `rows` yields (already XML), streamed into the deflater so that a 1 GiB sheet never sits in memory.
 */
export function xlsx(
  header: readonly string[],
  rows: () => Iterable<Buffer>,
  /** Shared strings (`<c t="s"><v>i</v></c>` cells refer to them), as Excel writes text. */
  shared: readonly string[] = [],
): Promise<Buffer> {
  const cells = header
    .map((text, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${text}</t></is></c>`)
    .join('');
  return zip([
    {
      name: '[Content_Types].xml',
      chunks: once(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      chunks: once(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: once(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="企业数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: once(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/sharedStrings.xml',
      chunks: once(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
          `count="${shared.length}" uniqueCount="${shared.length}">${shared.map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: function* () {
        yield Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
            `<sheetData><row r="1">${cells}</row>`,
          'utf8',
        );
        yield* rows();
        yield Buffer.from('</sheetData></worksheet>', 'utf8');
      },
    },
  ]);
}

/** Rows 2 to count + 1 as Excel writes them (`r` on every row and cell), `cells(n)` giving row n's cells. */
export function* numberedRows(count: number, cells: (n: number) => string): Generator<Buffer> {
  let batch: string[] = [];
  for (let n = 2; n <= count + 1; n++) {
    batch.push(`<row r="${n}">${cells(n)}</row>`);
    if (batch.length === 5000) {
      yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
    }
  }
  if (batch.length > 0) yield Buffer.from(batch.join(''), 'utf8');
}

/** `count` copies of `row` (XML of one <row>), in chunks of about 1 MiB: the same buffer, yielded again. */
export function* repeatedRows(row: string, count: number): Generator<Buffer> {
  const perChunk = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(row)));
  const chunk = Buffer.from(row.repeat(perChunk), 'utf8');
  let left = count;
  while (left >= perChunk) {
    yield chunk;
    left -= perChunk;
  }
  if (left > 0) yield Buffer.from(row.repeat(left), 'utf8');
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Whether the server closed the connection (rather than the test giving up). */
  readonly closedByServer: boolean;
}

/**
 * One HTTP/1.1 request over a bare socket: `head` (request line and headers, without the blank line),
 * then `send` writes the body as it likes (a few bytes of a declared terabyte, a trickle) until the
 * answer arrives. Resolves with the answer once it is complete or the server closes the connection.
 */
export function rawRequest(
  port: number,
  head: string,
  send: (write: (chunk: Buffer | string) => boolean, answered: () => boolean) => Promise<void> | void,
  timeoutMs: number,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let settled = false;
    let answered = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const lines = text.slice(0, split < 0 ? text.length : split).split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers, body: split < 0 ? '' : text.slice(split + 4), closedByServer });
    };
    const timer = setTimeout(() => {
      if (received.length > 0) finish(false);
      else {
        settled = true;
        socket.destroy();
        reject(new Error(`no answer in ${timeoutMs} ms`));
      }
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      answered = true;
      const text = Buffer.concat(received).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, split))?.[1];
      if (split >= 0 && length !== undefined && text.length - split - 4 >= Number(length)) {
        // The whole answer is here; wait a moment to see whether the server closes the connection.
        setTimeout(() => {
          finish(socket.readableEnded || socket.destroyed);
        }, 300);
      }
    });
    socket.on('end', () => {
      finish(true);
    });
    socket.on('error', () => {
      finish(true);
    });
    socket.on('connect', () => {
      socket.write(`${head}\r\n\r\n`);
      void Promise.resolve(
        send(
          (chunk) => !socket.destroyed && socket.write(chunk),
          () => answered || settled,
        ),
      ).catch(() => undefined);
    });
  });
}

/** Polls /healthz every 100 ms until stopped: the slowest answer, and how many failed or took over 10 s. */
export function pollHealth(base: string): {
  stop: () => Promise<{ maxMs: number; failures: number; polls: number }>;
} {
  const state = { running: true };
  let maxMs = 0;
  let failures = 0;
  let polls = 0;
  const loop = (async () => {
    while (state.running) {
      const started = Date.now();
      try {
        const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) });
        if (res.status !== 200) failures++;
        await res.arrayBuffer();
      } catch {
        failures++;
      }
      polls++;
      maxMs = Math.max(maxMs, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      state.running = false;
      await loop;
      return { maxMs, failures, polls };
    },
  };
}

/**
 * The peak resident set of process `pid` since the last reset (VmHWM), in MiB; `reset` starts a new
 * peak (writing 5 to clear_refs, Linux ≥ 4.0). Sampled VmRSS backs it up where the reset is refused.
 */
export const memory = {
  reset(pid: number): boolean {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  },
  peakMiB(pid: number): number {
    return memory.field(pid, 'VmHWM');
  },
  rssMiB(pid: number): number {
    return memory.field(pid, 'VmRSS');
  },
  field(pid: number, name: string): number {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 'NaN');
      return Math.round(kb / 1024);
    } catch {
      return Number.NaN;
    }
  },
};

/** One literal query per table a request could write, the audit trail included. */
const COUNTS: Readonly<Record<string, string>> = {
  evaluations: 'SELECT COUNT(*) FROM evaluations',
  records: 'SELECT COUNT(*) FROM records',
  results: 'SELECT COUNT(*) FROM results',
  objections: 'SELECT COUNT(*) FROM objections',
  objection_items: 'SELECT COUNT(*) FROM objection_items',
  evidence: 'SELECT COUNT(*) FROM evidence',
  idempotency: 'SELECT COUNT(*) FROM idempotency',
  audit: 'SELECT COUNT(*) FROM audit',
};

/** Row counts of every table a request could write: equal before and after means nothing was stored. */
export function storedDigest(dataDir: string): Record<string, number> {
  const db = openReadonly(dataDir);
  try {
    return Object.fromEntries(Object.entries(COUNTS).map(([table, sql]) => [table, count(db, sql)]));
  } finally {
    db.close();
  }
}
