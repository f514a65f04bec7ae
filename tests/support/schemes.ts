import { parseScheme } from '@mujun/scoring';
import type { Scheme, SchemeInput } from '@mujun/scoring';
import reference from '../../packages/scoring/src/scheme/presets/reference.json' with { type: 'json' };

/** The reference preset as a fresh editable document, changed by `edit` and then validated. */
export function referenceWith(edit: (document: SchemeInput) => void): Scheme {
  const document = structuredClone(reference) as SchemeInput;
  edit(document);
  return parseScheme(document);
}

/** The reference preset with the 规上 indicator set replaced by `indicators`. */
export function aboveIndicators(indicators: SchemeInput['indicatorSets'][string]): Scheme {
  return referenceWith((document) => {
    document.indicatorSets['above'] = indicators;
  });
}
