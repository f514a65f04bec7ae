import { FIELDS } from '@mujun/scoring';
import type { FieldKey, FieldSpec } from '@mujun/scoring';

const NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;
const TYPE_OF: ReadonlyMap<string, FieldSpec['type']> = new Map(
  FIELDS.map((field) => [field.key, field.type]),
);

/** A valid number's canonical text: `012.50` → `12.5`, `-0.0` → `0`. */
function canonicalNumber(text: string): string {
  const negative = text.startsWith('-');
  let digits = negative ? text.slice(1) : text;
  if (digits.includes('.')) digits = digits.replace(/\.?0+$/, '');
  digits = digits.replace(/^0+(?=[0-9])/, '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/** Spellings of one value (compared lower-cased), per the data dictionary. */
const SPELLINGS: Partial<Record<FieldSpec['type'], ReadonlyMap<string, string>>> = {
  scale: new Map([
    ['above', 'above'],
    ['规上', 'above'],
    ['below', 'below'],
    ['规下', 'below'],
  ]),
  boolean: new Map([
    ['true', 'true'],
    ['是', 'true'],
    ['1', 'true'],
    ['y', 'true'],
    ['false', 'false'],
    ['否', 'false'],
    ['0', 'false'],
    ['n', 'false'],
  ]),
  specialized: new Map([
    ['none', 'none'],
    ['无', 'none'],
    ['province', 'province'],
    ['省级', 'province'],
    ['national', 'national'],
    ['国家级', 'national'],
  ]),
};

/** What a cell means, as far as two departments' files can be compared without validating them. */
function meaning(type: FieldSpec['type'] | undefined, text: string): string {
  switch (type) {
    case 'decimal':
    case 'nonNegativeDecimal':
    case 'nonNegativeInteger':
      return NUMBER.test(text) ? canonicalNumber(text) : text;
    case 'scale':
    case 'boolean':
    case 'specialized':
      return SPELLINGS[type]?.get(text.toLowerCase()) ?? text;
    case 'reasons':
      return text
        .split(/[;；]/)
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .join(';');
    case 'uscc':
      return text.toUpperCase();
    case 'text':
    case undefined:
      return text;
  }
}

/**
 * Whether two departments give the same value for a field: numbers by their decimal value (`12.50` is
 * `12.5`), enumerations by meaning (`规上` is `above`), reason lists item by item, text exactly (after
 * trimming). Cells that mean different things are a conflict for the clerk, never a silent choice.
 */
export function sameValue(key: FieldKey, a: string, b: string): boolean {
  const left = a.trim();
  const right = b.trim();
  if (left === right) return true;
  const type = TYPE_OF.get(key);
  return meaning(type, left) === meaning(type, right);
}
