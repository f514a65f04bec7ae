import type { SurchargeList, SurchargeRow } from '../list/build.js';

/**
 * The list's columns, as reference-method.md §10 names them, then 备注. The CSV, the workbook and the
 * page all take their headers and cells from here, so the three say the same thing.
 */
export function listHeaders(list: Pick<SurchargeList, 'unit' | 'worstClass'>): string[] {
  return [
    '统一社会信用代码',
    '企业名称',
    '电力户号',
    '行业',
    '乡镇街道',
    '评价年度',
    '类别',
    `连续${list.worstClass}类年数`,
    `加价标准(${list.unit})`,
    '执行起始日期',
    '执行截止日期',
    '依据文号',
    '备注',
  ];
}

/** A row's cells in header order: texts, and the year, the count and the price as they are written. */
export function listCells(
  row: SurchargeRow,
): [string, string, string, string, string, number, string, number, string, string, string, string, string] {
  return [
    row.uscc,
    row.name,
    row.account,
    row.industry,
    row.town,
    row.year,
    row.class,
    row.consecutiveDYears,
    row.price,
    row.start,
    row.end,
    row.documentNumber,
    row.note,
  ];
}
