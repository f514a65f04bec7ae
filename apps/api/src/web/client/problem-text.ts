/**
 * A problem's `detail` as a clerk or an accountant reads it. The API writes each detail in Chinese
 * followed by an English gloss in half-width brackets, for logs and scripts (“证明材料「a.docx」不是 PDF
 * (evidence file a.docx is not a PDF …)”), and a validation detail names each field by its JSON Pointer
 * (“#/year: 应为四位数字年份”). On a page the gloss is noise and the pointer is jargon: the gloss is
 * dropped, and a pointer becomes the field's name on the form when the page knows it, or goes.
 */

/** The request fields the pages send, by their names in the API. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  year: '评价年度',
  name: '评价名称',
  date: '公示日期',
  docNo: '依据文号',
  reason: '理由',
  town: '乡镇街道',
  uscc: '统一社会信用代码',
  account: '账号',
  password: '密码',
  newPassword: '新密码',
  code: '激活码',
  otp: '动态口令',
};

/** ` (an English gloss)` after Chinese: opens with a Latin letter, at the end or before a separator. */
const GLOSS = / \((?=[A-Za-z])[^()]*\)(?=$|[；。，\n])/g;
/** `#/field/…: ` before a field's problem. */
const POINTER = /#\/([A-Za-z][A-Za-z0-9]*)(?:\/[^\s:：；]*)?[:：] ?/g;

export function readableDetail(detail: string | undefined): string | undefined {
  if (detail === undefined) return undefined;
  const text = detail
    .replace(GLOSS, '')
    .replace(POINTER, (_match, field: string) => {
      const name = FIELD_NAMES[field];
      return name === undefined ? '' : `${name}：`;
    })
    .trim();
  // Nothing Chinese left: a detail written only for machines says nothing the message has not.
  return /[\u4e00-\u9fff]/.test(text) ? text : undefined;
}
