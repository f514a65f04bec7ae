import { z } from 'zod';
import { Decimal, Uscc } from './common.js';

/**
 * The wire form of @mujun/simulation's Simulation: an evaluation's records graded under its own method
 * and a proposed one, compared. Figures are decimal strings; classes are the schemes' ids.
 */

export const SIMULATION_FORMATS = ['json', 'xlsx', 'html'] as const;

export const SimulationQuery = z.object({
  format: z
    .enum(SIMULATION_FORMATS)
    .optional()
    .meta({
      description:
        'json (default): the comparison as data; xlsx: the workbook (概况, 类别变动矩阵, 变动企业, 乡镇分布, ' +
        '行业分布, 差别化电价影响, 全部企业); html: the printable page for the 起草说明',
    }),
});

export const SimulationRequest = z
  .object({
    scheme: z
      .string()
      .min(1, '请选择或上传拟议的评价办法')
      .max(500_000, '评价办法文件过大')
      .meta({
        description:
          'the proposed method: a preset id (reference, huangyan-2022, shandong-2022) or a scheme document ' +
          'as JSON text (`extends` a preset allowed)',
      }),
  })
  .meta({ id: 'SimulationRequest' });

const SchemeName = z.object({ id: z.string(), name: z.string() });

const Side = z.object({
  finalClass: z.string().nullable(),
  totalScore: Decimal.nullable(),
  rank: z.number().int().nullable(),
  status: z.enum(['rated', 'exempt', 'out_of_scope']),
  cohort: z.string().nullable(),
  bandClass: z.string().nullable(),
});

const Rule = z.enum(['scope', 'cohort', 'band', 'override']);

const Counts = z.record(z.string(), z.number().int());

const Group = z.object({
  group: z.string(),
  enterprises: z.number().int(),
  current: Counts,
  proposed: Counts,
  up: z.number().int(),
  down: z.number().int(),
  changed: z.number().int(),
});

const ImpactRow = z.object({
  uscc: Uscc,
  name: z.string(),
  town: z.string().nullable(),
  accounts: z.array(z.string()),
  currentClass: z.string().nullable(),
  proposedClass: z.string().nullable(),
  currentPrice: Decimal,
  proposedPrice: Decimal,
  electricityKwh: Decimal.nullable(),
  currentAmount: Decimal.nullable(),
  proposedAmount: Decimal.nullable(),
  change: z.string().nullable().meta({ description: '元, signed decimal' }),
});

const ImpactTotals = z.object({
  enterprises: z.number().int(),
  accounts: z.number().int(),
  amount: Decimal,
  withoutUse: z.number().int(),
});

export const Simulation = z
  .object({
    evaluationId: z.string(),
    current: SchemeName,
    proposed: SchemeName,
    year: z.number().int().nullable(),
    classOrder: z.array(z.string()),
    matrix: z.record(z.string(), Counts),
    totals: z.object({
      enterprises: z.number().int(),
      moved: z.number().int(),
      up: z.number().int(),
      down: z.number().int(),
      changed: z.number().int(),
      same: z.number().int(),
    }),
    byRule: z.array(z.object({ rule: Rule, label: z.string(), enterprises: z.number().int() })),
    byTown: z.array(Group),
    byIndustry: z.array(Group),
    surcharges: z
      .object({
        label: z.string(),
        unit: z.string(),
        priceDecimals: z.number().int(),
        currentPolicy: z.string(),
        proposedPolicy: z.string(),
        current: ImpactTotals,
        proposed: ImpactTotals,
        newlySurcharged: z.array(ImpactRow),
        newlyTotals: ImpactTotals,
        relieved: z.array(ImpactRow),
        relievedTotals: ImpactTotals,
        changed: z.array(ImpactRow),
        notes: z.array(z.string()),
      })
      .nullable(),
    enterprises: z.array(
      z.object({
        uscc: Uscc,
        name: z.string(),
        town: z.string().nullable(),
        industryCode: z.string().nullable(),
        current: Side,
        proposed: Side,
        move: z.enum(['up', 'down', 'same', 'changed']),
        rules: z.array(Rule),
        reasons: z.array(z.string()),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Simulation' });

/** A proposed method saved from the simulation page, to come back to. */
export const NewProposal = z
  .object({
    name: z.string().trim().min(1, '请填写方案名称').max(100, '方案名称不超过 100 个字'),
    note: z.string().trim().max(500, '说明不超过 500 个字').nullable().optional(),
    scheme: SimulationRequest.shape.scheme,
  })
  .meta({ id: 'NewProposal' });

export const ProposalSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    note: z.string().nullable(),
    schemeId: z.string(),
    schemeName: z.string(),
    savedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'ProposalSummary' });

export const Proposal = ProposalSummary.extend({
  scheme: z.string().meta({ description: 'as given: a preset id or the scheme document as JSON text' }),
}).meta({ id: 'Proposal' });

export const Proposals = z.object({ data: z.array(ProposalSummary) }).meta({ id: 'Proposals' });
export const ProposalPath = z.object({ proposalId: z.string().max(100) });
