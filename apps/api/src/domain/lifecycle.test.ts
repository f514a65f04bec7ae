import defaultCalendar from '@mujun/calendar';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../store/store.js';
import { DomainError } from './errors.js';
import { assertFilingOpen, assertRecomputable, assertWithdrawable, publication } from './lifecycle.js';

const draft: Evaluation = {
  id: 'ev_test',
  name: '',
  year: 2024,
  state: 'draft',
  version: 1,
  scheme: { id: 'reference', name: 'reference' },
  createdAt: '2025-06-01T00:00:00.000Z',
  enterprises: 1,
  summary: { counts: { rated: 1, exempt: 0, outOfScope: 0 }, cohorts: {}, warnings: [] },
  publication: null,
  recomputedAt: null,
  finalizedAt: null,
  finalEtag: null,
};

function published(date: string): Evaluation {
  return {
    ...draft,
    state: 'published',
    publication: publication(draft, defaultCalendar, date, `${date}T00:00:00.000Z`, '"x"', date),
  };
}

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('the 公示 window decides filing and recomputation', () => {
  // Published on Friday 2025-06-06: working days 06-06, 09, 10, 11, 12; closes 24:00 06-12 (+08:00).
  const evaluation = published('2025-06-06');

  it('is open from 00:00 Asia/Shanghai on the publication day until just before 24:00 of day 5', () => {
    expect(evaluation.publication?.window.closesAt).toBe('2025-06-12T16:00:00.000Z');
    expect(
      codeOf(() => {
        assertFilingOpen(evaluation, new Date('2025-06-05T16:00:00.000Z'));
      }),
    ).toBeUndefined();
    expect(
      codeOf(() => {
        assertFilingOpen(evaluation, new Date('2025-06-12T15:59:59.999Z'));
      }),
    ).toBeUndefined();
    expect(
      codeOf(() => {
        assertFilingOpen(evaluation, new Date('2025-06-12T16:00:00.000Z'));
      }),
    ).toBe('WINDOW_CLOSED');
    expect(
      codeOf(() => {
        assertFilingOpen(evaluation, new Date('2025-06-05T15:59:59.999Z'));
      }),
    ).toBe('WINDOW_NOT_OPEN');
  });

  it('takes no objection on a draft or a final evaluation', () => {
    expect(
      codeOf(() => {
        assertFilingOpen(draft, new Date('2025-06-09T00:00:00.000Z'));
      }),
    ).toBe('INVALID_STATE');
    const final = { ...evaluation, state: 'final' as const, finalizedAt: '2025-06-20T00:00:00.000Z' };
    expect(
      codeOf(() => {
        assertFilingOpen(final, new Date('2025-06-09T00:00:00.000Z'));
      }),
    ).toBe('FROZEN');
  });

  it('recomputes only after the window, with nothing pending', () => {
    const during = new Date('2025-06-12T15:00:00.000Z');
    const after = new Date('2025-06-12T16:00:00.000Z');
    expect(
      codeOf(() => {
        assertRecomputable(evaluation, during, 0);
      }),
    ).toBe('WINDOW_STILL_OPEN');
    expect(
      codeOf(() => {
        assertRecomputable(evaluation, after, 2);
      }),
    ).toBe('OBJECTIONS_PENDING');
    expect(
      codeOf(() => {
        assertRecomputable(evaluation, after, 0);
      }),
    ).toBeUndefined();
  });

  it('refuses to publish twice, and a date outside the calendar', () => {
    expect(
      codeOf(() => publication(evaluation, defaultCalendar, '2025-06-06', '', '"x"', '2025-06-06')),
    ).toBe('INVALID_STATE');
    expect(codeOf(() => publication(draft, defaultCalendar, '2019-03-01', '', '"x"', '2025-06-06'))).toBe(
      'CALENDAR_COVERAGE',
    );
    expect(codeOf(() => publication(draft, defaultCalendar, '2025-02-30', '', '"x"', '2025-01-01'))).toBe(
      'INVALID_VALUE',
    );
  });

  it('refuses a publication date before today, in Chinese, and takes today or later', () => {
    const run = () => publication(draft, defaultCalendar, '2025-06-03', '', '"x"', '2025-06-04');
    expect(codeOf(run)).toBe('INVALID_VALUE');
    expect(() => run()).toThrow('公示日期 2025-06-03 早于今天（2025-06-04，北京时间）');
    expect(publication(draft, defaultCalendar, '2025-06-04', '', '"x"', '2025-06-04').window.firstDay).toBe(
      '2025-06-04',
    );
    expect(publication(draft, defaultCalendar, '2025-06-09', '', '"x"', '2025-06-04').publishedOn).toBe(
      '2025-06-09',
    );
  });

  it('withdraws a publication only before its first day', () => {
    const later = published('2025-06-09');
    expect(
      codeOf(() => {
        assertWithdrawable(later, '2025-06-08');
      }),
    ).toBeUndefined();
    expect(
      codeOf(() => {
        assertWithdrawable(later, '2025-06-09');
      }),
    ).toBe('INVALID_STATE');
    expect(
      codeOf(() => {
        assertWithdrawable(draft, '2025-06-01');
      }),
    ).toBe('INVALID_STATE');
  });
});
