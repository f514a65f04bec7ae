import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { dataset } from '../dataset.js';
import { renderPublicationPage } from '../html/publication.js';
import { TINY_RECORDS } from '../testing/tiny-county.js';
import { chineseDate, noticeParagraphs } from './notice.js';
import { publicationList } from './publication.js';

const list = publicationList(dataset(TINY_RECORDS, grade(TINY_RECORDS, presetScheme('reference'))));

describe('the 公示 notice', () => {
  it('writes a date with its weekday, as a calendar day', () => {
    expect(chineseDate('2025-06-03')).toBe('2025年6月3日（星期二）');
    expect(chineseDate('2026-10-08')).toBe('2026年10月8日（星期四）');
    expect(chineseDate('2024-12-29')).toBe('2024年12月29日（星期日）');
  });

  it('states the year, the 公示期, the online address, the issuer and the contact', () => {
    const text = noticeParagraphs(list, {
      year: 2025,
      window: { firstDay: '2025-06-03', lastDay: '2025-06-09', workingDays: 5 },
      issuer: '黄岩区经济和信息化局',
      contact: '联系人 王某 0576-84123456',
      objectionUrl: 'https://mujun.example.gov.cn/app/',
    }).join('\n');
    expect(text).toContain('现将2025年度工业企业亩均效益综合评价结果予以公示');
    expect(text).toContain('公示期：2025年6月3日（星期二）至2025年6月9日（星期一），共 5 个工作日');
    expect(text).toContain('请登录 https://mujun.example.gov.cn/app/ 在线提出异议申诉');
    expect(text).toContain('佐证材料');
    expect(text).toContain('发布单位：黄岩区经济和信息化局');
    expect(text).toContain('联系方式：联系人 王某 0576-84123456');
    expect(text).not.toContain('书面');
  });

  it('leaves out what is not given, and still sends objections online', () => {
    const paragraphs = noticeParagraphs(list, { issuer: '  ', contact: null });
    const text = paragraphs.join('\n');
    expect(paragraphs).toHaveLength(2);
    expect(text).not.toMatch(/undefined|null|公示期：|发布单位|联系方式|书面/);
    expect(text).toContain('在线提出异议申诉');
    const page = renderPublicationPage(list);
    expect(page).toContain('<h1>工业企业亩均效益综合评价结果公示名单</h1>');
    expect(page).not.toMatch(/undefined|书面/);
  });

  it('escapes the settings on the page', () => {
    const page = renderPublicationPage(list, { year: 2025, issuer: '<b>局</b>' });
    expect(page).toContain('<h1>2025年度工业企业亩均效益综合评价结果公示名单</h1>');
    expect(page).toContain('发布单位：&lt;b&gt;局&lt;/b&gt;');
  });

  it('words a final list for after the window: closed, reviewed, the final result; no objection invited', () => {
    const text = noticeParagraphs(list, {
      year: 2025,
      window: { firstDay: '2025-06-03', lastDay: '2025-06-09', workingDays: 5 },
      issuer: '黄岩区经济和信息化局',
      objectionUrl: 'https://mujun.example.gov.cn/app/',
      stage: 'final',
    }).join('\n');
    expect(text).toContain('公示期已于2025年6月9日（星期一） 24:00 结束');
    expect(text).toContain('现予公布2025年度最终评价结果');
    expect(text).toContain('异议受理已截止');
    expect(text).toContain('发布单位：黄岩区经济和信息化局');
    expect(text).not.toMatch(/公示期：|公示期间|在线提出异议申诉|不予受理/);
  });

  it('marks a recomputed list before finalization as not yet final and not for publication', () => {
    const text = noticeParagraphs(list, {
      year: 2025,
      window: { firstDay: '2025-06-03', lastDay: '2025-06-09' },
      stage: 'recomputed',
    }).join('\n');
    expect(text).toContain('尚未定稿');
    expect(text).not.toMatch(/公示期：|公示期间|现予公布/);
  });
});
