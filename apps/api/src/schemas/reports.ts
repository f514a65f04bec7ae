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

export const ReportPath = z.object({
  id: z.string().max(100),
  report: z.enum(['summary', 'low-efficiency', 'land-notice', 'confirmation']).meta({
    description:
      'summary (评价汇总, xlsx or html with charts), low-efficiency (低效企业筛选, xlsx), land-notice ' +
      '(用地面积公示, xlsx), confirmation (一企一单, html: one enterprise, or every one the caller may see)',
  }),
});

export const ReportQuery = z.object({
  format: z.enum(['xlsx', 'html']).optional().meta({ description: 'xlsx (default) or html' }),
  uscc: z.string().max(100).optional().meta({ description: 'confirmation: one enterprise only' }),
});
