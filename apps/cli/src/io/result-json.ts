import type { Grading, ToNextClass } from '@mujun/scoring';
import type { TextSink } from './atomic-file.js';
import { prettyJson } from './pretty-json.js';

/**
 * Writes `grading.report()` as pretty JSON, byte for byte what `JSON.stringify(report, null, 2)` gives
 * (plus a final newline), but one enterprise at a time: the full report of a million enterprises, traces
 * included, would be gigabytes as one string. Figures stay the decimal strings the library produced.
 * With `toNextClass`, each rated enterprise also carries its way up (the library's toNextClass).
 */
export function writeResultJson(
  grading: Grading,
  sink: TextSink,
  toNextClass?: ReadonlyMap<string, ToNextClass | null>,
): void {
  const head = {
    scheme: { id: grading.scheme.id, name: grading.scheme.name },
    warnings: grading.warnings,
    counts: grading.counts(),
    cohorts: grading.cohorts(),
  };
  sink.write('{\n');
  for (const [key, value] of Object.entries(head)) {
    sink.write(`  ${JSON.stringify(key)}: ${prettyJson(value, 1) ?? 'null'},\n`);
  }
  sink.write('  "enterprises": [');
  let first = true;
  for (const result of grading.results()) {
    const way = toNextClass?.get(result.uscc);
    // With --to-next-class, each rated enterprise's way up follows its result's fields.
    const written = way === undefined ? result : { ...result, toNextClass: way };
    // Written 2 levels deep, as it sits in the whole report: no second pass over 370 MB of text
    // (100,000 results) to re-indent it.
    sink.write(`${first ? '\n' : ',\n'}    ${prettyJson(written, 2) ?? 'null'}`);
    first = false;
  }
  sink.write(first ? ']\n}\n' : '\n  ]\n}\n');
}
