/** Chinese formats: dates in Asia/Shanghai, figures from decimal strings (never through a float). */
import { asPercent, separated } from '../../domain/wording.js';

const ZONE = 'Asia/Shanghai';
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `1234567.5` → `1,234,567.5`; `-0.25` stays; null → `—`. */
export function figure(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : separated(value);
}

/** `2025-06-09` → `2025年6月9日（星期一）`. */
export function day(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()] ?? '';
  return `${year}年${month}月${date}日（${weekday}）`;
}

const INSTANT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant in Beijing time: `2025年6月10日 00:00`. */
export function instant(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return INSTANT.format(date);
}

/** The instant a window closes is 24:00 of its last day: said as such, not as 00:00 of the next. */
export function deadline(lastDay: string): string {
  return `${day(lastDay)} 24:00（北京时间）`;
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} 字节`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export const STATE_LABELS: Readonly<Record<string, string>> = {
  draft: '草稿（未公示）',
  published: '公示中',
  recomputed: '已复核重算',
  final: '已定稿',
};

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  rated: '参评',
  exempt: '免评',
  out_of_scope: '不在评价范围',
};

export const ITEM_STATUS_LABELS: Readonly<Record<string, string>> = {
  pending: '待审核',
  upheld: '已采纳',
  rejected: '未采纳',
};

export const OBJECTION_STATUS_LABELS: Readonly<Record<string, string>> = {
  under_review: '审核中',
  decided: '已办结',
};

export const SCALE_LABELS: Readonly<Record<string, string>> = { above: '规上', below: '规下' };

export const FILED_BY_LABELS: Readonly<Record<string, string>> = {
  admin: '经信局代填',
  town: '乡镇街道代填',
  enterprise: '企业本人',
};

/** An evaluation's title: its name, else its data year, else its id. */
export function evaluationTitle(evaluation: {
  readonly name: string;
  readonly year: number | null;
  readonly id: string;
}): string {
  const year = evaluation.year === null ? '' : `${evaluation.year} 年度`;
  const name = evaluation.name.trim();
  // The year once: a name that already says it (2025年度亩均效益评价) is shown as it is.
  if (name !== '') return year === '' || name.includes(String(evaluation.year)) ? name : `${year} · ${name}`;
  return year === '' ? `评价 ${evaluation.id}` : `${year}亩均效益评价`;
}

/**
 * An indicator's value as officials write it: with its unit and separators (`1,356.80 万元/亩`), and a
 * ratio without a unit (R&D 经费支出占营业收入比重) as a percentage (`1.69%`).
 */
export function indicatorValue(value: string | null, unit: string, applicable = true): string {
  if (!applicable) return '不适用';
  if (value === null) return '—';
  if (unit === '') return asPercent(value);
  return `${figure(value)} ${unit}`;
}

/** A data item's name without its unit: `用地面积(亩)` → `用地面积`. */
export function fieldName(header: string): string {
  return header.replace(/\([^()]*\)$/, '');
}

/** A figure with the unit its header names: (`18.6`, `用地面积(亩)`) → `18.6 亩`; a head count in 人. */
export function withUnit(value: string | null, header: string): string {
  if (value === null) return '—';
  const unit = /\(([^()]*)\)$/.exec(header)?.[1] ?? (header.endsWith('人数') ? '人' : '');
  return unit === '' ? figure(value) : `${figure(value)} ${unit}`;
}

/** Where the 公示 window stands on the server's date: not yet open, open, or closed; null before 公示. */
export function windowPhase(evaluation: {
  readonly publication: { readonly window: { readonly firstDay: string; readonly lastDay: string } } | null;
  readonly today?: string;
}): 'before' | 'open' | 'closed' | null {
  const window = evaluation.publication?.window;
  if (window === undefined) return null;
  const today = evaluation.today;
  if (today === undefined) return 'open';
  if (today < window.firstDay) return 'before';
  return today > window.lastDay ? 'closed' : 'open';
}

/** The evaluation's state as read from the clock: 草稿, 待公示, 公示中, 公示期已结束, 复核中, 已定稿. */
export function stateLabel(evaluation: {
  readonly state: string;
  readonly publication: { readonly window: { readonly firstDay: string; readonly lastDay: string } } | null;
  readonly today?: string;
}): string {
  switch (evaluation.state) {
    case 'draft':
      return '草稿（未公示）';
    case 'published': {
      const phase = windowPhase(evaluation);
      if (phase === 'before') return `已发布，${day(evaluation.publication?.window.firstDay ?? '')}起公示`;
      return phase === 'closed' ? '公示期已结束' : '公示中';
    }
    case 'recomputed':
      return '复核中';
    case 'final':
      return '已定稿';
    default:
      return evaluation.state;
  }
}
