/**
 * The columns of the 差别化电价 list as reference-method.md §10 names them, in order, then 备注 (which
 * price applies, and why). Written out here, not imported from @mujun/surcharges, so the tests check the
 * list against the method rather than against itself.
 */
export const SURCHARGE_LIST_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '电力户号',
  '行业',
  '乡镇街道',
  '评价年度',
  '类别',
  '连续D类年数',
  '加价标准(元/kWh)',
  '执行起始日期',
  '执行截止日期',
  '依据文号',
  '备注',
];
