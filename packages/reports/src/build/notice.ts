import type { PublicationList } from './publication.js';

/**
 * The words of the 公示 notice above the list: the year, the 公示期 with its dates and weekdays, how an
 * enterprise files an objection (online, at the server's address), and who issues the notice and how
 * to reach them. Every part is optional: a part not given is left out, never printed empty.
 */

export interface PublicationNotice {
  /** 评价年度, the data year. */
  readonly year?: number | null;
  /** The 公示期: first and last working day (ISO dates, Asia/Shanghai), and how many working days. */
  readonly window?: {
    readonly firstDay: string;
    readonly lastDay: string;
    readonly workingDays?: number;
  } | null;
  /** 发布单位, e.g. 黄岩区经济和信息化局. */
  readonly issuer?: string | null;
  /** 联系方式, e.g. 联系人 王某 0576-84123456. */
  readonly contact?: string | null;
  /** The address where an enterprise files an objection online (the server's pages). */
  readonly objectionUrl?: string | null;
  /**
   * Which list this is: the one put up for 公示 (the default: the window is open and objections are
   * invited), the recomputed one awaiting finalization, or the final one, published after the window
   * closed and the objections were reviewed (no window to object in any more).
   */
  readonly stage?: 'publication' | 'recomputed' | 'final';
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** 2025年6月3日（星期二）, from an ISO date (a calendar day: no time zone enters). */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  return `${String(year)}年${String(month)}月${String(day)}日（星期${weekday}）`;
}

const present = (text: string | null | undefined): text is string =>
  text !== null && text !== undefined && text.trim() !== '';

export function noticeTitle(title: string, notice: PublicationNotice): string {
  return notice.year === null || notice.year === undefined ? title : `${String(notice.year)}年度${title}`;
}

/** The notice's paragraphs, in order, as plain text (the page and the workbook set them each their way). */
export function noticeParagraphs(list: PublicationList, notice: PublicationNotice): string[] {
  const year = notice.year === null || notice.year === undefined ? '' : `${String(notice.year)}年度`;
  const order = list.order === 'name' ? '按企业名称拼音排序' : '按统一社会信用代码排序';
  if (notice.stage === 'final' || notice.stage === 'recomputed') return afterWindow(notice, year, order);
  const paragraphs = [
    `现将${year}工业企业亩均效益综合评价结果予以公示。各类别内企业排名不分先后（${order}）。`,
  ];
  if (notice.window !== null && notice.window !== undefined) {
    const days =
      notice.window.workingDays === undefined ? '' : `，共 ${String(notice.window.workingDays)} 个工作日`;
    paragraphs.push(
      `公示期：${chineseDate(notice.window.firstDay)}至${chineseDate(notice.window.lastDay)}${days}，` +
        `至最后一日 24:00 止。`,
    );
  }
  const where = present(notice.objectionUrl)
    ? `请登录 ${notice.objectionUrl.trim()} 在线提出异议申诉`
    : '请通过亩均效益评价系统在线提出异议申诉';
  paragraphs.push(
    `公示期间，企业对本企业的评价结果或所用数据有异议的，${where}，逐项写明异议内容和理由，并上传佐证材料；` +
      `公示期结束后提出的异议不予受理。`,
  );
  if (present(notice.issuer)) paragraphs.push(`发布单位：${notice.issuer.trim()}`);
  if (present(notice.contact)) paragraphs.push(`联系方式：${notice.contact.trim()}`);
  return paragraphs;
}

/**
 * The notice of a list graded again after the 公示期: the window is over and said so, the objections
 * were reviewed, and the list is the final result (or, before finalization, the bureau's draft of it).
 */
function afterWindow(notice: PublicationNotice, year: string, order: string): string[] {
  const window = notice.window;
  const closed =
    window === null || window === undefined
      ? '公示期已结束'
      : `${year}工业企业亩均效益综合评价结果已于${chineseDate(window.firstDay)}至${chineseDate(window.lastDay)}公示，公示期已于${chineseDate(window.lastDay)} 24:00 结束`;
  const paragraphs =
    notice.stage === 'final'
      ? [
          `${closed}。经对公示期内企业提出的异议逐项核实、复核重新计算，现予公布${year}最终评价结果。各类别内企业排名不分先后（${order}）。`,
          '本名单为最终评价结果，作为差别化政策的执行依据，异议受理已截止。对结果仍有疑问的，可向发布单位咨询。',
        ]
      : [
          `${closed}。本名单为对公示期内企业提出的异议复核重新计算后的结果，尚未定稿，仅供内部核对，不作公布。各类别内企业排名不分先后（${order}）。`,
        ];
  if (present(notice.issuer)) paragraphs.push(`发布单位：${notice.issuer.trim()}`);
  if (present(notice.contact)) paragraphs.push(`联系方式：${notice.contact.trim()}`);
  return paragraphs;
}
