// Grading.writeResultsJson (the CLI's result JSON, written from the run's state through templates): byte for
// byte the UTF-8 of each result's JSON.stringify, joined by the separator, for every preset scheme (their
// wording differs: min–max, thresholds, caps, overrides, missing-data rules), for adversarial cohorts
// (ties, huge and negative figures, values decimal.js decides) and for names, towns, industries and
// veto, protection and exemption reasons (which override and scope reasons quote) with every character
// JSON escapes.
import fc from 'fast-check';
import { grade, InvalidRecordsError, presetScheme, PRESET_IDS } from '@mujun/scoring';
import type { EnterpriseRecord, Grading, Scheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { generateRecords } from '../../packages/scoring/bench/generate.js';
import { cohortArbitrary } from '../support/arbitraries.js';
import { REFERENCE_METHOD } from '../support/oracle.js';

function writtenBytes(grading: Grading, separator?: string): Buffer {
  const chunks: Buffer[] = [];
  // The chunk is the writer's reused buffer: copied, as the writer's contract says.
  grading.writeResultsJson((chunk) => chunks.push(Buffer.from(chunk)), separator);
  return Buffer.concat(chunks);
}

function expected(grading: Grading, separator = ',\n'): Buffer {
  return Buffer.from([...grading.results()].map((result) => JSON.stringify(result)).join(separator), 'utf8');
}

const text = fc.string({ unit: 'binary', maxLength: 10 });

/**
 * Records with some names, towns, parks and industry names replaced by arbitrary text, and some veto,
 * protection and exemption reasons too (an override's or a scope rule's reason quotes them, so their
 * escaping is tested).
 */
function renamed(
  records: readonly EnterpriseRecord[],
  names: readonly (readonly [string, string, string])[],
): EnterpriseRecord[] {
  return records.map((record, i) => {
    const [name, town, industryName] = names[i % Math.max(names.length, 1)] ?? ['', '', ''];
    if (i % 3 !== 0 || names.length === 0) return record;
    const reasons =
      i % 2 === 0
        ? { vetoReasons: [name, town] }
        : i % 5 === 0
          ? { exemptReason: [name] }
          : { protectedReason: [industryName] };
    return { ...record, name, town, industryName, park: town, ...reasons };
  });
}

/**
 * Grades the records, first filling in the figures a preset's cohort requires and the generator left
 * blank (each its own value, so that benchmarks and ranks still vary).
 */
function gradeFilled(records: EnterpriseRecord[], scheme: Scheme): Grading {
  for (;;) {
    try {
      return grade(records, scheme);
    } catch (error) {
      if (!(error instanceof InvalidRecordsError)) throw error;
      for (const issue of error.issues) {
        const at = issue.row - 1;
        const record = records[at] as EnterpriseRecord;
        records[at] = { ...record, [issue.column]: `${String((at * 37) % 500)}.25` };
      }
    }
  }
}

describe('Grading.writeResultsJson', () => {
  it('writes exactly the JSON.stringify of each result, for every preset scheme and any names', () => {
    let rated = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_IDS),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.tuple(text, text, text), { maxLength: 8 }),
        (preset, size, seed, names) => {
          const grading = gradeFilled(renamed(generateRecords(size, seed), names), presetScheme(preset));
          rated += grading.counts().rated;
          expect(writtenBytes(grading).equals(expected(grading))).toBe(true);
        },
      ),
      { seed: 0x6a736f6e, numRuns: 60 },
    );
    expect(rated).toBeGreaterThan(1000);
  });

  it('writes exactly the JSON.stringify of each result for adversarial cohorts, with any separator', () => {
    const scheme = presetScheme('reference');
    fc.assert(
      fc.property(cohortArbitrary(REFERENCE_METHOD), text, (records, separator) => {
        const grading = grade(records, scheme);
        expect(writtenBytes(grading, separator).equals(expected(grading, separator))).toBe(true);
      }),
      { seed: 0x62797465, numRuns: 40 },
    );
  });

  it('writes the same bytes when scheme texts hold the characters templates mark their slots with', () => {
    // U+E000 onwards mark a template's slots: an override step's label or the exempt class's holding one
    // cannot be templated, and the results they are in go through JSON.stringify instead (a scope rule's
    // label is part of its reason, text in a slot, and is written as any text).
    const reference = presetScheme('reference');
    const marked = <T extends { label: string }>(rule: T, k: number): T => ({
      ...rule,
      label: `${rule.label}${String.fromCharCode(0xe000 + k)}`,
    });
    const scheme: Scheme = {
      ...reference,
      overrides: reference.overrides.map(marked),
      scope: {
        outOfScope: reference.scope.outOfScope.map(marked),
        exempt: reference.scope.exempt.map(marked),
      },
      exemptClass: marked(reference.exemptClass, 0),
    };
    const grading = gradeFilled(generateRecords(400, 20261203), scheme);
    const results = [...grading.results()];
    expect(results.filter((result) => result.overrides.length > 0).length).toBeGreaterThan(5);
    expect(results.filter((result) => result.status === 'exempt').length).toBeGreaterThan(0);
    expect(results.filter((result) => result.status === 'out_of_scope').length).toBeGreaterThan(0);
    expect(writtenBytes(grading).equals(expected(grading))).toBe(true);
  });

  it('hands over whole characters in chunks, however long the output', () => {
    const grading = grade(generateRecords(1500, 20261202), presetScheme('reference'));
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let decoded = '';
    let chunks = 0;
    grading.writeResultsJson((chunk) => {
      chunks++;
      decoded += decoder.decode(chunk);
    });
    expect(chunks).toBeGreaterThan(3);
    expect(decoded).toBe(expected(grading).toString('utf8'));
  });
});
