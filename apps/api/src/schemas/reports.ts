import { z } from 'zod';

/** The files the bureau downloads from a grading: the result workbook and the 公示 list. */

export const PUBLICATION_LIST_FORMATS = ['xlsx', 'html'] as const;

export const PublicationListQuery = z.object({
  format: z
    .enum(PUBLICATION_LIST_FORMATS)
    .optional()
    .meta({
      description:
        'xlsx (default): the list workbook, one sheet per cohort by class and the appendices; html: the ' +
        'printable 公示 page',
    }),
  order: z.enum(['name', 'code']).optional().meta({
    description:
      'the order within a class (排名不分先后): name (default), in 拼音 order, or 统一社会信用代码',
  }),
});

/** Whose 一企一单: one enterprise, or every enterprise of a town (towns and enterprises: their own). */
export const ConfirmationQuery = z.object({
  town: z.string().min(1).max(100).optional().meta({
    description: 'every enterprise of this town in one printable document (a town: its own, and the default)',
  }),
  uscc: z.string().min(1).max(40).optional().meta({
    description: 'one enterprise’s sheet (an enterprise: its own, and the default)',
  }),
});

export const SummaryQuery = z.object({
  format: z
    .enum(PUBLICATION_LIST_FORMATS)
    .optional()
    .meta({ description: 'xlsx (default): the summary workbook; html: the page with its charts' }),
  lowThreshold: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,5})(\.[0-9]{1,4})?$/, '应为不小于 0 的数，如 1 或 1.5')
    .optional()
    .meta({ description: 'the 亩均税收 line drawn on the distribution chart, 万元/亩; default 1' }),
});

export const LowEfficiencyQuery = z.object({
  threshold: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,5})(\.[0-9]{1,4})?$/, '应为不小于 0 的数，如 1 或 1.5')
    .optional()
    .meta({ description: 'enterprises under this 亩均税收, 万元/亩; default 1 (the reference method)' }),
});
