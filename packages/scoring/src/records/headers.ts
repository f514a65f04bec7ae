import { FIELDS, type FieldKey } from './fields.js';

const WHITESPACE = /\s+/gu;

/**
 * A header as compared: NFKC (full-width brackets and letters become ASCII), all whitespace removed (a
 * BOM included), lower-cased (English keys match case-insensitively).
 */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(WHITESPACE, '').toLowerCase();
}

const BY_HEADER: ReadonlyMap<string, FieldKey> = new Map(
  FIELDS.flatMap((field): [string, FieldKey][] => [
    [normaliseHeader(field.key), field.key],
    [normaliseHeader(field.header), field.key],
  ]),
);

/**
 * The column a header names: its English key (any case) or its Chinese header, so `用地面积（亩）` and
 * `用地面积 (亩)` both name `landAreaMu`. Undefined for a header the record does not know.
 */
export function fieldForHeader(header: string): FieldKey | undefined {
  return BY_HEADER.get(normaliseHeader(header));
}
