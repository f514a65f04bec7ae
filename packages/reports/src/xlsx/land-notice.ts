import type { Writable } from 'node:stream';
import type { LandNotice } from '../build/land-notice.js';
import { SCALE_LABEL } from '../build/confirmation.js';
import { EXACT, INTEGER, TEXT, XlsxWriter } from './workbook.js';

/** 用地面积公示: every enterprise with its evaluated land area, by town, with town subtotals. */
export async function writeLandNoticeWorkbook(notice: LandNotice, stream: Writable): Promise<void> {
  const xlsx = new XlsxWriter(stream);
  const sheet = xlsx.sheet(
    '用地面积公示',
    [
      { header: '序号', width: 7, type: INTEGER },
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '企业名称', width: 40, type: TEXT },
      { header: '企业规模', width: 9, type: TEXT },
      { header: '所属乡镇街道', width: 16, type: TEXT },
      { header: '用地面积(亩)', width: 14, type: EXACT },
    ],
    { title: '工业企业亩均效益综合评价用地面积公示', landscape: false },
  );
  let n = 0;
  let at = 0;
  for (const town of notice.towns) {
    for (const row of notice.rows.slice(at, at + town.enterprises)) {
      sheet.row([++n, row.uscc, row.name, SCALE_LABEL[row.scale], row.town, row.landMu]);
    }
    at += town.enterprises;
    sheet.row(
      [null, null, `${town.town} 小计（${String(town.enterprises)} 家）`, null, town.town, town.landMu],
      'group',
    );
  }
  sheet.row(
    [null, null, `合计（${String(notice.rows.length)} 家）`, null, null, notice.totalLandMu],
    'total',
  );
  sheet.commit();
  await xlsx.commit();
}
