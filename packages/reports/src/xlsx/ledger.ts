import type { Writable } from 'node:stream';
import { decimal, INTEGER, TEXT, XlsxWriter } from './workbook.js';

/**
 * The county's 一企一档 rectification ledger workbook (整改台账): a row per enterprise file with its
 * measures, responsible person, deadline, status, outcome and next year's class; the progress by town
 * and by measure; and every progress note. Built by the server from its ledger, written here through
 * the one XLSX writer, so every name and note a town typed is a string cell, never a formula.
 */

export interface LedgerWorkbookFile {
  readonly town: string;
  readonly uscc: string;
  readonly name: string;
  readonly industryCode: string;
  readonly taxPerMu: string | null;
  readonly finalClass: string;
  readonly reasons: string;
  readonly measures: string;
  readonly responsible: string;
  readonly deadline: string;
  readonly status: string;
  readonly outcome: string;
  readonly notes: number;
  readonly lastNote: string;
  readonly nextYear: string;
  readonly nextClass: string;
  readonly nextTaxPerMu: string | null;
}

export interface LedgerWorkbookProgress {
  readonly group: string;
  readonly files: number;
  readonly pending: number;
  readonly inProgress: number;
  readonly completed: number;
  readonly movedUp: number;
}

export interface LedgerWorkbookNote {
  readonly town: string;
  readonly uscc: string;
  readonly name: string;
  readonly at: string;
  readonly author: string;
  readonly text: string;
  readonly attachments: string;
}

export interface LedgerWorkbook {
  /** 2025年度亩均税收低于 1 万元/亩及 D 类企业 */
  readonly title: string;
  readonly valueDp: number;
  readonly files: readonly LedgerWorkbookFile[];
  readonly byTown: readonly LedgerWorkbookProgress[];
  readonly byMeasure: readonly LedgerWorkbookProgress[];
  readonly notes: readonly LedgerWorkbookNote[];
}

export const LEDGER_SHEETS = ['整改台账', '按乡镇进展', '按措施进展', '整改记录'] as const;

function progressSheet(
  xlsx: XlsxWriter,
  name: string,
  label: string,
  rows: readonly LedgerWorkbookProgress[],
) {
  const sheet = xlsx.sheet(
    name,
    [
      { header: label, width: 18, type: TEXT },
      { header: '档案数', width: 9, type: INTEGER },
      { header: '未开始', width: 9, type: INTEGER },
      { header: '整改中', width: 9, type: INTEGER },
      { header: '已完成', width: 9, type: INTEGER },
      { header: '次年已脱低', width: 11, type: INTEGER },
    ],
    { landscape: false },
  );
  for (const r of rows) sheet.row([r.group, r.files, r.pending, r.inProgress, r.completed, r.movedUp]);
  sheet.commit();
}

export async function writeLedgerWorkbook(ledger: LedgerWorkbook, stream: Writable): Promise<void> {
  const xlsx = new XlsxWriter(stream);
  const files = xlsx.sheet(
    LEDGER_SHEETS[0],
    [
      { header: '序号', width: 7, type: INTEGER },
      { header: '所属乡镇街道', width: 14, type: TEXT },
      { header: '统一社会信用代码', width: 22, type: TEXT },
      { header: '企业名称', width: 32, type: TEXT },
      { header: '行业代码', width: 9, type: TEXT },
      { header: '亩均税收(万元/亩)', width: 12, type: decimal(ledger.valueDp) },
      { header: '最终类别', width: 8, type: TEXT },
      { header: '列入原因', width: 16, type: TEXT },
      { header: '整改措施', width: 24, type: TEXT },
      { header: '责任人', width: 10, type: TEXT },
      { header: '整改期限', width: 12, type: TEXT },
      { header: '整改状态', width: 9, type: TEXT },
      { header: '整改成效', width: 30, type: TEXT },
      { header: '进展记录数', width: 8, type: INTEGER },
      { header: '最近进展', width: 36, type: TEXT },
      { header: '次年评价', width: 12, type: TEXT },
      { header: '次年类别', width: 8, type: TEXT },
      { header: '次年亩均税收(万元/亩)', width: 12, type: decimal(ledger.valueDp) },
    ],
    { title: `一企一档整改台账：${ledger.title}（${String(ledger.files.length)} 家）`, freezeColumns: 4 },
  );
  ledger.files.forEach((f, i) => {
    files.row([
      i + 1,
      f.town,
      f.uscc,
      f.name,
      f.industryCode,
      f.taxPerMu,
      f.finalClass,
      f.reasons,
      f.measures,
      f.responsible,
      f.deadline,
      f.status,
      f.outcome,
      f.notes,
      f.lastNote,
      f.nextYear,
      f.nextClass,
      f.nextTaxPerMu,
    ]);
  });
  files.commit();
  progressSheet(xlsx, LEDGER_SHEETS[1], '所属乡镇街道', ledger.byTown);
  progressSheet(xlsx, LEDGER_SHEETS[2], '整改措施', ledger.byMeasure);
  const notes = xlsx.sheet(LEDGER_SHEETS[3], [
    { header: '所属乡镇街道', width: 14, type: TEXT },
    { header: '统一社会信用代码', width: 22, type: TEXT },
    { header: '企业名称', width: 32, type: TEXT },
    { header: '时间', width: 20, type: TEXT },
    { header: '记录人', width: 14, type: TEXT },
    { header: '进展情况', width: 50, type: TEXT },
    { header: '附件', width: 30, type: TEXT },
  ]);
  for (const n of ledger.notes) notes.row([n.town, n.uscc, n.name, n.at, n.author, n.text, n.attachments]);
  notes.commit();
  await xlsx.commit();
}
