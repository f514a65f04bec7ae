import { FIELDS, FIGURE_KEYS } from '@mujun/scoring';
import type { DeclaredFigure, EnterpriseRecord, FigureKey } from '@mujun/scoring';
import type { DecimalString } from './decimal.js';

const BUILT_IN: ReadonlySet<string> = new Set(FIGURE_KEYS);

/**
 * A record's figure by key, as the exact decimal string the record holds; undefined when not given. A key
 * the data dictionary lacks is a figure the scheme declares, held in the record's `extra`.
 */
export function figureValue(record: EnterpriseRecord, key: string): DecimalString | undefined {
  return BUILT_IN.has(key) ? record[key as FigureKey] : record.extra?.[key];
}

/** A declared figure's name and unit: the header without a trailing bracketed unit, the unit it declares. */
export function declaredLabel(figure: DeclaredFigure): { readonly label: string; readonly unit: string } {
  const match = /^(.*?)[(（]([^()（）]*)[)）]$/.exec(figure.header);
  return { label: match?.[1] ?? figure.header, unit: figure.unit ?? match?.[2] ?? '' };
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
