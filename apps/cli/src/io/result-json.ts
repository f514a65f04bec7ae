import type { Grading, ToNextClass } from '@mujun/scoring';
import type { TextSink } from './atomic-file.js';

/** Re-indents a nested JSON text; safe because JSON strings never hold a raw line break. */
function nested(json: string, indent: string): string {
  return json.replaceAll('\n', `\n${indent}`);
}

/** What JSON.stringify({ enterprises: [result] }, null, 2) puts around the result. */
const WRAPPED_HEAD = '{\n  "enterprises": [\n';
const WRAPPED_TAIL = '\n  ]\n}';

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
    sink.write(`  ${JSON.stringify(key)}: ${nested(JSON.stringify(value, null, 2), '  ')},\n`);
  }
  sink.write('  "enterprises": [');
  let first = true;
  for (const result of grading.results()) {
    const way = toNextClass?.get(result.uscc);
    // With --to-next-class, each rated enterprise's way up follows its result's fields.
    const written = way === undefined ? result : { ...result, toNextClass: way };
    // Stringified inside the report's own shape, so JSON.stringify indents it as the whole report would
    // (4 spaces deep): no second pass over 370 MB of text (100,000 results) to re-indent it.
    const json = JSON.stringify({ enterprises: [written] }, null, 2);
    sink.write(first ? '\n' : ',\n');
    sink.write(json.slice(WRAPPED_HEAD.length, json.length - WRAPPED_TAIL.length));
    first = false;
  }
  sink.write(first ? ']\n}\n' : '\n  ]\n}\n');
}
