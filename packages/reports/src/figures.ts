import { FIELDS } from '@mujun/scoring';
import type { EnterpriseRecord, FigureKey } from '@mujun/scoring';
import type { DecimalString } from './decimal.js';

/** A record's figure by key, as the exact decimal string the record holds; undefined when not given. */
export function figureValue(record: EnterpriseRecord, key: FigureKey): DecimalString | undefined {
  return record[key];
}

export interface FigureLabel {
  readonly key: FigureKey;
  /** The data dictionary's Chinese name without its unit: `税收实际贡献`. */
  readonly label: string;
  readonly unit: string;
}

const HEADER = /^(.*?)\((.*)\)$/;

/** The Chinese name and unit of each figure, from the data dictionary's table (landMu is 用地面积, 亩). */
export const FIGURE_LABELS: readonly FigureLabel[] = FIELDS.flatMap((field): FigureLabel[] => {
  if (field.key === 'landAreaM2') return [];
  const key = (field.key === 'landAreaMu' ? 'landMu' : field.key) as FigureKey;
  if (!('unit' in field)) return [];
  const label = HEADER.exec(field.header)?.[1] ?? field.header;
  return [{ key, label, unit: field.unit }];
});
