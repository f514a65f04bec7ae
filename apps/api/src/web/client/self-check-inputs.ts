import { FIELDS } from '@mujun/scoring';
import type { Condition, DeclaredFigure, FieldSpec, Scheme } from '@mujun/scoring';
import { nameAndUnit } from '../../domain/wording.js';

/**
 * Which inputs the public self-check asks for: exactly the record fields a published scheme reads to
 * decide an enterprise's status and score (scope rules, cohorts and their required fields, indicators,
 * bonus and penalty items), built-in or declared by the county. What only the ranking or the class reads
 * (tie-breaks, class overrides such as 一票否决) is left out, since the page scores but does not class:
 * an input that changes nothing shown would mislead. Pure (no DOM), so it is tested on its own.
 */

export type InputKind = 'scale' | 'number' | 'count' | 'yesNo' | 'date' | 'specialized' | 'text' | 'reasons';

/** Where the form shows an input: 企业基本情况, 经济数据, or 加分、减分 (and other) 事项. */
export type InputGroup = 'enterprise' | 'figures' | 'items';

export interface CheckInput {
  /** The record key (a data dictionary key or a declared figure's key): the form control's name. */
  readonly key: string;
  /** The column header parseRecords reads it under. */
  readonly header: string;
  /** The header as a form label: `用地面积（亩）`. */
  readonly label: string;
  readonly kind: InputKind;
  readonly group: InputGroup;
}

/** Every row must carry them (parseRecords), and 亩均 is tax per 亩: asked for even if nothing else reads them. */
const ALWAYS = ['landMu', 'tax'] as const;

export function checkInputs(scheme: Scheme): CheckInput[] {
  const read = keysRead(scheme);
  const builtIn = FIELDS.filter((field) =>
    field.key === 'landAreaMu' || field.key === 'landAreaM2' ? read.has('landMu') : read.has(field.key),
  ).map((field) => builtInInput(field));
  const declared = (scheme.figures ?? []).filter((figure) => read.has(figure.key)).map(declaredInput);
  // The data dictionary's order within each group, the county's own figures after the built-in ones, and
  // the free-text 事由 (which take an enterprise out of the scores) at the very end.
  const all = [...builtIn, ...declared];
  const last = (input: CheckInput): number => (input.kind === 'reasons' ? 1 : 0);
  return (['enterprise', 'figures', 'items'] as const).flatMap((group) =>
    all.filter((input) => input.group === group).sort((a, b) => last(a) - last(b)),
  );
}

/** The record keys a scheme reads for status and score; `landMu` stands for either land column. */
export function keysRead(scheme: Scheme): Set<string> {
  const used = new Set(scheme.cohorts.map((cohort) => cohort.indicators));
  const indicators = Object.entries(scheme.indicatorSets)
    .filter(([name]) => used.has(name))
    .flatMap(([, set]) => set);
  const keys = new Set<string>(ALWAYS);
  const add = (condition: Condition): void => {
    for (const key of conditionKeys(condition)) {
      if (!key.startsWith('indicator:')) keys.add(key);
      else {
        const named = key.slice('indicator:'.length);
        for (const indicator of indicators.filter((each) => each.key === named)) {
          keys.add(indicator.numerator);
          keys.add(indicator.denominator);
        }
      }
    }
  };
  for (const rule of [...scheme.scope.outOfScope, ...scheme.scope.exempt]) add(rule.when);
  for (const cohort of scheme.cohorts) {
    add(cohort.when);
    for (const key of cohort.requiredFields)
      keys.add(key === 'landAreaMu' || key === 'landAreaM2' ? 'landMu' : key);
  }
  for (const indicator of indicators) {
    keys.add(indicator.numerator);
    keys.add(indicator.denominator);
  }
  for (const item of [...scheme.bonus.items, ...scheme.penalty.items]) {
    if (item.when !== undefined) add(item.when);
    if (typeof item.points !== 'string') keys.add(item.points.perCount);
  }
  return keys;
}

/** The record keys one condition reads; an indicator condition as `indicator:<key>`. */
function conditionKeys(condition: Condition): string[] {
  if ('flag' in condition) return [condition.flag];
  if ('reason' in condition) return [condition.reason];
  if ('scale' in condition) return ['scale'];
  if ('specialized' in condition) return ['specialized'];
  if ('figure' in condition) return [condition.figure];
  if ('date' in condition) return [condition.date];
  if ('ratio' in condition) return [...condition.ratio];
  if ('indicator' in condition) return [`indicator:${condition.indicator}`];
  if ('industry' in condition) return ['industryCode'];
  if ('text' in condition) return [condition.text];
  if ('all' in condition) return condition.all.flatMap(conditionKeys);
  if ('any' in condition) return condition.any.flatMap(conditionKeys);
  return conditionKeys(condition.not);
}

const KIND_OF_TYPE: Readonly<Record<FieldSpec['type'], InputKind>> = {
  uscc: 'text',
  text: 'text',
  scale: 'scale',
  decimal: 'number',
  nonNegativeDecimal: 'number',
  boolean: 'yesNo',
  specialized: 'specialized',
  nonNegativeInteger: 'count',
  reasons: 'reasons',
};

/** What decides bonus, penalty or being rated at all, beside the flags: last, after the figures. */
const ITEM_FIELDS: ReadonlySet<string> = new Set(['specialized', 'subletTenants']);

function builtInInput(field: FieldSpec): CheckInput {
  const kind = KIND_OF_TYPE[field.type];
  const group: InputGroup =
    kind === 'yesNo' || kind === 'reasons' || ITEM_FIELDS.has(field.key)
      ? 'items'
      : kind === 'number'
        ? 'figures'
        : 'enterprise';
  return { key: field.key, header: field.header, label: labelOf(field.header, field.unit), kind, group };
}

function declaredInput(figure: DeclaredFigure): CheckInput {
  const kind: InputKind =
    figure.kind === 'number' || figure.kind === 'nonNegativeNumber' ? 'number' : figure.kind;
  const group: InputGroup = kind === 'yesNo' ? 'items' : kind === 'date' ? 'enterprise' : 'figures';
  return { key: figure.key, header: figure.header, label: labelOf(figure.header, figure.unit), kind, group };
}

/** A figure's name without its unit, as the form labels it: `出租户数`, `发明专利数`. */
export function figureName(scheme: Scheme, key: string): string {
  const declared = scheme.figures?.find((figure) => figure.key === key);
  return nameAndUnit(declared?.header ?? FIELDS.find((field) => field.key === key)?.header ?? key).name;
}

/** `用地面积(亩)` → `用地面积（亩）`; `年平均职工人数` → `年平均职工人数（人）`; the scheme's unit first. */
function labelOf(header: string, unit: string | undefined): string {
  const split = nameAndUnit(header);
  const shown = unit ?? split.unit;
  return shown === '' ? split.name : `${split.name}（${shown}）`;
}
