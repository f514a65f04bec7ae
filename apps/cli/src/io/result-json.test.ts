import { grade, parseRecords, presetScheme, toNextClass } from '@mujun/scoring';
import { readTable } from '@mujun/sheets';
import { describe, expect, it } from 'vitest';
import { writeResultJson } from './result-json.js';

function collect(write: (sink: { write(text: string): void }) => void): string {
  const parts: string[] = [];
  write({ write: (text) => parts.push(text) });
  return parts.join('');
}

const CSV = `统一社会信用代码,企业名称,企业规模,用地面积(亩),税收实际贡献(万元),用电量(千瓦时),暂不评价事由
91330100000000005Q,测试规下企业五,规下,6,45,500000,
91330100000000006U,测试规下企业六,规下,2.5,10,200000,
91330100000000007Y,测试规下企业七,规下,8,30.5,900000,
91330100000000001C,测试规下企业一,规下,5,3,,停产
`;

describe('writeResultJson', () => {
  it('streams exactly what JSON.stringify(report, null, 2) gives', async () => {
    const { records, issues } = parseRecords(await readTable(Buffer.from(CSV), { file: 'x.csv' }));
    expect(issues).toEqual([]);
    const grading = grade(records, presetScheme('reference'));
    expect(
      collect((sink) => {
        writeResultJson(grading, sink);
      }),
    ).toBe(`${JSON.stringify(grading.report(), null, 2)}\n`);
  });

  it('writes an empty enterprise list the same way', () => {
    const grading = grade([], presetScheme('reference'));
    expect(
      collect((sink) => {
        writeResultJson(grading, sink);
      }),
    ).toBe(`${JSON.stringify(grading.report(), null, 2)}\n`);
  });
});

describe('writeResultJson with toNextClass', () => {
  it('adds each rated enterprise’s way up after its result’s fields, and nothing to the others', async () => {
    const { records } = parseRecords(await readTable(Buffer.from(CSV), { file: 'x.csv' }));
    const scheme = presetScheme('reference');
    const grading = grade(records, scheme);
    const ways = toNextClass(records, scheme, grading);
    const written = JSON.parse(
      collect((sink) => {
        writeResultJson(grading, sink, ways);
      }),
    ) as { enterprises: { uscc: string; status: string; toNextClass?: unknown }[] };
    for (const enterprise of written.enterprises) {
      if (enterprise.status === 'rated') expect(enterprise.toNextClass).toEqual(ways.get(enterprise.uscc));
      else expect('toNextClass' in enterprise).toBe(false);
    }
    expect(written.enterprises.some((e) => e.toNextClass !== null && e.toNextClass !== undefined)).toBe(true);
  });
});
