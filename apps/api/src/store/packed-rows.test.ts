import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { packRecordRows, packResultRows, packTexts, recordRowsOf, resultRowsOf } from './packed-rows.js';
import type { PackedTexts } from './packed-rows.js';
import type { ResultRow, Rows } from './store.js';
import { textOf } from './utf8-text.js';

/** What a thread receives: the packed rows after a postMessage (plain data, the memory shared). */
function posted(packed: PackedTexts): PackedTexts {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(packed);
  const received = receiveMessageOnPort(port2)?.message as PackedTexts;
  port1.close();
  return received;
}

function all<T>(rows: Rows<T>): T[] {
  return Array.from({ length: rows.length }, (_, index) => rows.at(index) as T);
}

const RESULTS: ResultRow[] = [
  {
    ordinal: 0,
    uscc: '91331003MA2AAAAA01',
    cohort: '规上工业',
    finalClass: 'A',
    town: '西城街道',
    industry: '3670',
    summaryJson: '{"name":"台州某某模具有限公司","total":"92.15"}',
    resultJson: '{"name":"台州某某模具有限公司","trace":["亩均税收 = 5.6 ÷ 8"]}',
    etag: '"abc"',
  },
  {
    ordinal: 1,
    uscc: '91331003MA2AAAAA02',
    cohort: null,
    finalClass: null,
    town: null,
    industry: null,
    summaryJson: '{}',
    resultJson: '{"emoji":"𠀋😀","empty":""}',
    etag: '',
  },
  {
    ordinal: 2,
    uscc: '',
    cohort: '',
    finalClass: 'D',
    town: '',
    industry: null,
    summaryJson: '{"a":1}',
    resultJson: '{"a":1,"trace":[]}',
    etag: '"d"',
  },
];

describe('rows packed in shared memory (worker thread → event loop)', () => {
  it('reads every result row back as it was, nulls and empty texts and 4-byte characters included', () => {
    const rows = resultRowsOf(posted(packResultRows(RESULTS)));
    expect(rows.length).toBe(3);
    expect(
      all(rows).map((row) => ({
        ...row,
        summaryJson: textOf(row.summaryJson),
        resultJson: textOf(row.resultJson),
      })),
    ).toEqual(RESULTS);
    expect(rows.at(3)).toBeUndefined();
    expect(rows.at(-1)).toBeUndefined();
  });

  it('keeps the JSON as bytes on the shared memory, not strings', () => {
    const rows = resultRowsOf(posted(packResultRows(RESULTS)));
    const json = rows.at(1)?.resultJson;
    expect(typeof json).toBe('object');
    const bytes = (json as { utf8: Uint8Array }).utf8;
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes).toString('utf8')).toBe(RESULTS[1]?.resultJson);
  });

  it('reads record rows back, and packs no rows at all', () => {
    const records = [
      { uscc: 'x1', recordJson: '{"name":"甲"}' },
      { uscc: 'x2', recordJson: '{"name":"乙"}' },
    ];
    const rows = recordRowsOf(posted(packRecordRows(records)));
    expect(all(rows).map((row) => ({ uscc: row.uscc, recordJson: textOf(row.recordJson) }))).toEqual(records);
    expect(resultRowsOf(posted(packResultRows([]))).length).toBe(0);
  });

  it('refuses a row of the wrong width', () => {
    expect(() => packTexts([['a', 'b'], ['c']], 2)).toThrow(/1 cells, not 2/);
  });
});
