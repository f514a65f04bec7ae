// parseScheme asks zod for its interpreted parser (`jitless`, load.ts says why): it must accept, fill
// defaults and refuse exactly as the compiled parser that schemeSchema.safeParse uses by default.
import { InvalidSchemeError, parseScheme, presetDocument, PRESET_IDS, schemeSchema } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';

/** What parseScheme gives: the scheme, or the problems it lists. */
function viaParseScheme(document: unknown): unknown {
  try {
    return { scheme: parseScheme(document) };
  } catch (error) {
    if (!(error instanceof InvalidSchemeError)) throw error;
    return { problems: error.issues };
  }
}

/** The same from zod's default (compiled) parser. */
function viaCompiledParser(document: unknown): unknown {
  const parsed = schemeSchema.safeParse(document);
  if (parsed.success) return { scheme: parsed.data };
  const problems = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
  }));
  return { problems };
}

const documents = PRESET_IDS.map((id) => [id, presetDocument(id)] as const).filter(
  ([, document]) => !Object.hasOwn(document as object, 'extends'),
);

describe('parseScheme agrees with zod’s compiled parser', () => {
  it.each(documents)('preset %s, with its defaults filled', (_, document) => {
    const result = viaParseScheme(document);
    expect(result).toHaveProperty('scheme');
    expect(result).toEqual(viaCompiledParser(document));
  });

  it.each(documents)('preset %s broken three ways, with the same problems', (_, document) => {
    const { rounding, cohorts, ...rest } = document as Record<string, unknown>;
    const broken: unknown[] = [
      rest,
      { ...rest, rounding: { ...(rounding as object), score: 'two' }, cohorts },
      { ...rest, rounding, cohorts: [{ ...(cohorts as object[])[0], id: 7 }] },
    ];
    for (const scheme of broken) {
      const result = viaParseScheme(scheme);
      expect(result).toHaveProperty('problems');
      expect(result).toEqual(viaCompiledParser(scheme));
    }
  });
});
