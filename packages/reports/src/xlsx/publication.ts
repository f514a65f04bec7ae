import type { Writable } from 'node:stream';
import { noticeParagraphs, noticeTitle } from '../build/notice.js';
import type { PublicationNotice } from '../build/notice.js';
import type { PublicationList } from '../build/publication.js';
import type { Column } from './workbook.js';
import { INTEGER, TEXT, XlsxWriter } from './workbook.js';

/**
 * The 公示 list as a workbook: one printable sheet per cohort with the enterprises by class (排名不分先后:
 * no rank, no score), then the appendices for exempt and protected enterprises.
 */

export const PUBLICATION_TITLE = '工业企业亩均效益综合评价结果公示名单';

const LIST_COLUMNS: readonly Column[] = [
  { header: '序号', width: 7, type: INTEGER },
  { header: '企业名称', width: 40, type: TEXT },
  { header: '统一社会信用代码', width: 22, type: TEXT },
  { header: '所属乡镇街道', width: 16, type: TEXT },
  { header: '评价类别', width: 16, type: TEXT },
];

export async function writePublicationWorkbook(
  list: PublicationList,
  stream: Writable,
  notice: PublicationNotice = {},
): Promise<void> {
  const xlsx = new XlsxWriter(stream);
  // The notice first, as the page has it: year, 公示期, how to object, who issues it.
  const words = xlsx.sheet('公示说明', [{ header: '公示说明', width: 100, type: TEXT }], {
    title: noticeTitle(PUBLICATION_TITLE, notice),
    landscape: false,
  });
  for (const paragraph of noticeParagraphs(list, notice)) words.row([paragraph]);
  words.commit();
  for (const cohort of list.cohorts) {
    const sheet = xlsx.sheet(cohort.label, LIST_COLUMNS, {
      title: `${cohort.label}${PUBLICATION_TITLE}（排名不分先后）`,
      landscape: false,
    });
    for (const group of cohort.classes) {
      sheet.row([null, `${group.id} 类（${group.label}）${String(group.enterprises.length)} 家`], 'group');
      group.enterprises.forEach((enterprise, i) => {
        sheet.row([
          i + 1,
          enterprise.name,
          enterprise.uscc,
          enterprise.town,
          `${group.id} 类 ${group.label}`,
        ]);
      });
    }
    sheet.commit();
  }
  const exempt = xlsx.sheet(
    `附件1 ${list.exemptClass.label}企业`,
    [
      { header: '序号', width: 7, type: INTEGER },
      { header: '企业名称', width: 40, type: TEXT },
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '所属乡镇街道', width: 16, type: TEXT },
      { header: `${list.exemptClass.label}事由`, width: 40, type: TEXT },
    ],
    { title: `附件1：${list.exemptClass.label}企业名单`, landscape: false },
  );
  list.exempt.forEach((enterprise, i) => {
    exempt.row([i + 1, enterprise.name, enterprise.uscc, enterprise.town, enterprise.reasons]);
  });
  exempt.commit();
  const protectedSheet = xlsx.sheet(
    '附件2 保护性政策企业',
    [
      { header: '序号', width: 7, type: INTEGER },
      { header: '企业名称', width: 40, type: TEXT },
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '所属乡镇街道', width: 16, type: TEXT },
      { header: '评价组', width: 14, type: TEXT },
      { header: '保护事由', width: 36, type: TEXT },
      { header: '评价类别', width: 16, type: TEXT },
    ],
    { title: '附件2：享受保护性政策企业名单' },
  );
  list.protected.forEach((enterprise, i) => {
    protectedSheet.row([
      i + 1,
      enterprise.name,
      enterprise.uscc,
      enterprise.town,
      enterprise.cohortLabel,
      enterprise.reasons,
      `${enterprise.finalClass} 类 ${enterprise.finalClassLabel}`,
    ]);
  });
  protectedSheet.commit();
  await xlsx.commit();
}
