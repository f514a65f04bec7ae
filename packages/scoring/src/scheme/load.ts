import { InvalidSchemeError, UnknownPresetError } from '../errors/errors.js';
import huangyan2021 from './presets/huangyan-2021.json' with { type: 'json' };
import huangyan2022 from './presets/huangyan-2022.json' with { type: 'json' };
import huangyan2022Reference from './presets/huangyan-2022-reference.json' with { type: 'json' };
import linhai from './presets/linhai.json' with { type: 'json' };
import reference from './presets/reference.json' with { type: 'json' };
import shandong2022 from './presets/shandong-2022.json' with { type: 'json' };
import { schemeSchema } from './scheme.js';
import type { Scheme } from './scheme.js';

/**
 * Validates a scheme document (parsed JSON); every problem is listed with its path. `jitless`: zod would
 * otherwise generate and compile a parser for each object schema on first use, which a process that
 * parses one scheme (the CLI) never earns back: the reference preset's parse took 20 ms with it, 8 ms
 * without, and a warm parse is no slower (about 0.3 ms either way). Same checks, same result.
 */
export function parseScheme(input: unknown): Scheme {
  const parsed = schemeSchema.safeParse(resolveExtends(input, []), { jitless: true });
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
  'huangyan-2021': huangyan2021,
  'huangyan-2022': huangyan2022,
  /** Called huangyan-2022 before Huangyan's own method took that id; stored results keep their scheme. */
  'huangyan-2022-reference': huangyan2022Reference,
  linhai,
  'shandong-2022': shandong2022,
};

export const PRESET_IDS: readonly string[] = Object.keys(PRESET_DOCUMENTS);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `{"extends": "reference", "id": …, "name": …, "policy": {…}}` is the preset `reference` with the
 * sections the document gives put in place of the preset's: whole top-level sections, never merged
 * deeper, so what a document says is what applies. A county that keeps the reference method and sets its
 * own price policy writes only that (shandong-2022.json). A preset may itself extend another.
 */
export function resolveExtends(input: unknown, seen: readonly string[] = []): unknown {
  if (!isObject(input) || !('extends' in input)) return input;
  const { extends: base, ...own } = input;
  const fail = (message: string): never => {
    throw new InvalidSchemeError([{ path: 'extends', message }]);
  };
  if (typeof base !== 'string') return fail('must be the id of a preset, such as "reference"');
  if (seen.includes(base)) return fail(`presets extend each other in a loop: ${[...seen, base].join(' → ')}`);
  const document = PRESET_DOCUMENTS[base];
  if (document === undefined) return fail(`unknown preset "${base}" (known: ${PRESET_IDS.join(', ')})`);
  const resolved = resolveExtends(document, [...seen, base]);
  return isObject(resolved) ? { ...resolved, ...own } : fail(`preset "${base}" is not an object`);
}

/** A shipped preset's document as written (before validation), for the scheme check. */
export function presetDocument(id: string): unknown {
  const document = PRESET_DOCUMENTS[id];
  if (document === undefined) throw new UnknownPresetError(id, PRESET_IDS);
  return document;
}

/** Freezes a plain-data value and everything in it, so that a shared copy cannot be changed by one user. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The presets parsed so far: each validated once per process, then shared (frozen). */
const PARSED_PRESETS = new Map<string, Scheme>();

/**
 * A shipped preset by id (`reference`, `huangyan-2022`, `shandong-2022`). The presets are immutable data,
 * so each is validated once and the same frozen Scheme returned after: parsing one with zod takes 7–60 ms
 * (the first the slowest), which the server paid on its event loop at every upload (issue 17).
 */
export function presetScheme(id: string): Scheme {
  const parsed = PARSED_PRESETS.get(id);
  if (parsed !== undefined) return parsed;
  const document = PRESET_DOCUMENTS[id];
  if (document === undefined) throw new UnknownPresetError(id, PRESET_IDS);
  const scheme = deepFreeze(parseScheme(document));
  PARSED_PRESETS.set(id, scheme);
  return scheme;
}
