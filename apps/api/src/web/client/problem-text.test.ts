import { describe, expect, it } from 'vitest';
import { readableDetail } from './problem-text.js';

describe('a problem detail as a person reads it', () => {
  it('drops the English gloss after the Chinese, file names and all', () => {
    expect(
      readableDetail(
        '证明材料「完税证明.docx」不是 PDF、JPEG 或 PNG 文件 (evidence file 完税证明.docx is not a PDF, JPEG or PNG by its content)',
      ),
    ).toBe('证明材料「完税证明.docx」不是 PDF、JPEG 或 PNG 文件');
    expect(readableDetail('未找到评价，或您无权查看 (evaluation not found)')).toBe(
      '未找到评价，或您无权查看',
    );
  });

  it('names a field the form shows instead of its JSON Pointer, and drops one it does not', () => {
    expect(
      readableDetail(
        '请求内容有 1 处不符合要求：#/year: 应为四位数字年份，如 2025 (a four-digit year such as 2025)',
      ),
    ).toBe('请求内容有 1 处不符合要求：评价年度：应为四位数字年份，如 2025');
    expect(
      readableDetail('请求内容有 2 处不符合要求：#/items/0/claimedValue: 应为数字；#/date: 日期格式不对'),
    ).toBe('请求内容有 2 处不符合要求：应为数字；公示日期：日期格式不对');
  });

  it('keeps Chinese brackets and text with no gloss as they are', () => {
    expect(readableDetail('行业代码（GB/T 4754）不在目录中')).toBe('行业代码（GB/T 4754）不在目录中');
    expect(readableDetail('登录失败次数过多，请 15 分钟后再试。')).toBe(
      '登录失败次数过多，请 15 分钟后再试。',
    );
  });

  it('gives nothing for a detail written only in English, so the Chinese message stands alone', () => {
    expect(readableDetail('Unexpected token } in JSON at position 7')).toBeUndefined();
    expect(readableDetail(undefined)).toBeUndefined();
  });
});
