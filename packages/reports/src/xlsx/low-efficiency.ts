import type { Writable } from 'node:stream';
import type { LowEfficiencyList } from '../build/low-efficiency.js';
import { decimal, EXACT, INTEGER, TEXT, XlsxWriter } from './workbook.js';

/** The low-efficiency screening list: by town, lowest 亩均税收 first, with town subtotals. */
export async function writeLowEfficiencyWorkbook(
  list: LowEfficiencyList,
  valueDp: number,
  stream: Writable,
): Promise<void> {
  const xlsx = new XlsxWriter(stream);
  const sheet = xlsx.sheet(
    '低效企业筛选',
    [
      { header: '序号', width: 7, type: INTEGER },
      { header: '所属乡镇街道', width: 16, type: TEXT },
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '企业名称', width: 40, type: TEXT },
      { header: '评价组', width: 14, type: TEXT },
      { header: '用地面积(亩)', width: 13, type: EXACT },
      { header: '税收实际贡献(万元)', width: 15, type: EXACT },
      { header: `${list.label}(${list.unit})`, width: 15, type: decimal(valueDp) },
      { header: '最终类别', width: 9, type: TEXT },
    ],
    {
      title: `${list.label}低于 ${list.threshold} ${list.unit}的参评企业（${String(list.count)} 家）`,
      freezeColumns: 4,
    },
  );
  let n = 0;
  for (const town of list.towns) {
    for (const e of town.enterprises) {
      sheet.row([++n, town.town, e.uscc, e.name, e.cohortLabel, e.landMu, e.tax, e.taxPerMu, e.finalClass]);
    }
    const subtotal = `${town.town} 小计（${String(town.enterprises.length)} 家）`;
    sheet.row([null, town.town, null, subtotal, null, town.landMu, town.tax, null, null], 'group');
  }
  sheet.commit();
  await xlsx.commit();
}
