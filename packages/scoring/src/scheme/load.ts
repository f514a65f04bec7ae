import { InvalidSchemeError, UnknownPresetError } from '../errors/errors.js';
import huangyan2022 from './presets/huangyan-2022.json' with { type: 'json' };
import reference from './presets/reference.json' with { type: 'json' };
import { schemeSchema } from './scheme.js';
import type { Scheme } from './scheme.js';

/** Validates a scheme document (parsed JSON); every problem is listed with its path. */
export function parseScheme(input: unknown): Scheme {
  const parsed = schemeSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidSchemeError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(root)',
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

const PRESET_DOCUMENTS: Readonly<Record<string, unknown>> = {
  reference,
  'huangyan-2022': huangyan2022,
};

export const PRESET_IDS: readonly string[] = Object.keys(PRESET_DOCUMENTS);

/** A shipped preset by id (`reference`, `huangyan-2022`). */
export function presetScheme(id: string): Scheme {
  const document = PRESET_DOCUMENTS[id];
  if (document === undefined) throw new UnknownPresetError(id, PRESET_IDS);
  return parseScheme(document);
}
