import type { Grading, ToNextClass } from '@mujun/scoring';
import type { TextSink } from './atomic-file.js';

/**
 * Writes `grading.report()` as compact JSON with one enterprise per line: one valid JSON document (the
 * report object, its keys in the report's order), each of the report's other keys compact on a line of
 * its own, then `"enterprises":[` and one compact enterprise result per line. A clerk can grep or diff it
 * enterprise by enterprise, and it is about a third of the indented file's size. JSON.parse of the file
 * gives exactly `grading.report()`. Written one enterprise at a time: the full report of a million
 * enterprises, traces included, would be gigabytes as one string. Figures stay the decimal strings the
 * library produced. With `toNextClass`, each rated enterprise also carries its way up (the library's
 * toNextClass) after its result's fields.
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
    sink.write(`${JSON.stringify(key)}:${JSON.stringify(value)},\n`);
  }
  sink.write('"enterprises":[');
  if (toNextClass === undefined) {
    // Straight to UTF-8 from the run's state, byte for byte the JSON.stringify of each result.
    if (grading.size > 0) sink.write('\n');
    grading.writeResultsJson((bytes) => {
      sink.writeBytes(bytes);
    });
    sink.write('\n]\n}\n');
    return;
  }
  let first = true;
  for (const result of grading.results()) {
    const way = toNextClass.get(result.uscc);
    const written = way === undefined ? result : { ...result, toNextClass: way };
    sink.write(first ? '\n' : ',\n');
    sink.write(JSON.stringify(written));
    first = false;
  }
  sink.write('\n]\n}\n');
}
