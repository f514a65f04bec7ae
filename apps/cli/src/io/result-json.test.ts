import { grade, parseRecords, presetScheme, toNextClass } from '@mujun/scoring';
import type { Grading } from '@mujun/scoring';
import { readTable } from '@mujun/sheets';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecords } from '../../../../packages/scoring/bench/generate.js';
import type { TextSink } from './atomic-file.js';
import { writeResultJson } from './result-json.js';

function collect(write: (sink: TextSink) => void): string {
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  write({
    write: (text) => parts.push(text),
    // Chunks may end inside a result, never inside a character: decoded each on its own.
    writeBytes: (bytes) => parts.push(decoder.decode(bytes)),
  });
  return parts.join('');
}

function written(grading: Grading): string {
  return collect((sink) => {
    writeResultJson(grading, sink);
  });
}

/** The lines between `"enterprises":[` and `]`, each one enterprise (with its separating comma). */
function enterpriseLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('"enterprises":[');
  const end = lines.lastIndexOf(']');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return lines.slice(start + 1, end);
}

const CSV = `统一社会信用代码,企业名称,企业规模,用地面积(亩),税收实际贡献(万元),用电量(千瓦时),暂不评价事由
91330100000000005Q,测试规下企业五,规下,6,45,500000,
91330100000000006U,测试规下企业六,规下,2.5,10,200000,
91330100000000007Y,测试规下企业七,规下,8,30.5,900000,
91330100000000001C,测试规下企业一,规下,5,3,,停产
`;

describe('writeResultJson', () => {
  it('writes one JSON document that parses to exactly grading.report(), for any cohort and any names', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        // Names with quotes, backslashes, line breaks, U+2028 and astral characters: escaped, never a line.
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 20 }),
        (size, seed, names) => {
          const records = generateRecords(size, seed).map((record, i) =>
            i < names.length ? { ...record, name: names[i] ?? record.name } : record,
          );
          const grading = grade(records, presetScheme('reference'));
          const report = grading.report();
          const text = written(grading);
          expect(JSON.parse(text)).toStrictEqual(report);
          // Same keys in the same order, each enterprise's too (toStrictEqual does not look at order).
          expect(text).toBe(
            `{\n${Object.entries(report)
              .filter(([key]) => key !== 'enterprises')
              .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},\n`)
              .join(
                '',
              )}"enterprises":[\n${report.enterprises.map((e) => JSON.stringify(e)).join(',\n')}${report.enterprises.length > 0 ? '\n' : ''}]\n}\n`,
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('puts each enterprise on a line of its own, in the report’s order', () => {
    const grading = grade(generateRecords(300, 20261202), presetScheme('reference'));
    const report = grading.report();
    const lines = enterpriseLines(written(grading));
    expect(lines).toHaveLength(report.enterprises.length);
    lines.forEach((line, i) => {
      const json = i < lines.length - 1 ? line.replace(/,$/, '') : line;
      expect(JSON.parse(json)).toStrictEqual(report.enterprises[i]);
    });
    expect(new Set(report.enterprises.map((e) => e.status)).size).toBeGreaterThan(1);
  });

  it('writes an empty enterprise list as a valid document', () => {
    const grading = grade([], presetScheme('reference'));
    const text = written(grading);
    expect(JSON.parse(text)).toStrictEqual(grading.report());
    expect(enterpriseLines(text)).toEqual([]);
  });

  it('is about a third smaller than the indented report', () => {
    const grading = grade(generateRecords(500, 7), presetScheme('reference'));
    const compact = Buffer.byteLength(written(grading));
    const indented = Buffer.byteLength(`${JSON.stringify(grading.report(), null, 2)}\n`);
    expect(compact).toBeLessThan(indented * 0.8);
  });
});

describe('writeResultJson with toNextClass', () => {
  it('adds each rated enterprise’s way up after its result’s fields, and nothing to the others', async () => {
    const { records } = parseRecords(await readTable(Buffer.from(CSV), { file: 'x.csv' }));
    const scheme = presetScheme('reference');
    const grading = grade(records, scheme);
    const ways = toNextClass(records, scheme, grading);
    const text = collect((sink) => {
      writeResultJson(grading, sink, ways);
    });
    const parsed = JSON.parse(text) as {
      enterprises: { uscc: string; status: string; toNextClass?: unknown }[];
    };
    for (const enterprise of parsed.enterprises) {
      if (enterprise.status === 'rated') {
        expect(enterprise.toNextClass).toEqual(ways.get(enterprise.uscc));
        expect(Object.keys(enterprise).at(-1)).toBe('toNextClass');
      } else expect('toNextClass' in enterprise).toBe(false);
    }
    expect(parsed.enterprises.some((e) => e.toNextClass !== null && e.toNextClass !== undefined)).toBe(true);
    expect(enterpriseLines(text)).toHaveLength(parsed.enterprises.length);
  });
});
