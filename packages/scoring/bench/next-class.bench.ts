/**
 * The cost of toNextClass (`pnpm bench:next-class`): how long finding every rated enterprise's way up
 * takes on synthetic counties (./generate.ts, about 30% 规上) under the reference method, for 税收 alone
 * and for all three figures (税收, 增加值, 用地), after one ordinary grading (timed apart).
 *
 * Options: --sizes 10000,100000 (default), --figures tax|all|both (default both), --seed N (default 42),
 * --answers prefix (writes each measurement's answers to prefix-<size>-<figures>.json, to compare two
 * builds' answers byte for byte).
 * Prints one line per measurement (wall and CPU seconds, the ratio to the plain grading of the same cohort
 * in the same run, the load), a histogram of probes per search by figure, and a JSON summary; nothing is
 * asserted (speed is measured, not tested).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { grade, presetScheme, toNextClass } from '../src/index.js';
import type { MoveFigure } from '../src/index.js';
import { generateRecords } from './generate.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

const sizes = (option('--sizes') ?? '10000,100000').split(',').map(Number);
const seed = Number(option('--seed') ?? 42);
const which = option('--figures') ?? 'both';
const answersPrefix = option('--answers');
/** Probes per search in buckets: 1, 2, 3–4, 5–8, 9–16, 17–32, 33–64, 65+. */
const BUCKETS = [1, 2, 4, 8, 16, 32, 64, Number.POSITIVE_INFINITY];
const BUCKET_NAMES = ['1', '2', '3–4', '5–8', '9–16', '17–32', '33–64', '65+'];
const sets: { name: string; figures: MoveFigure[] }[] = [];
if (which === 'tax' || which === 'both') sets.push({ name: 'tax', figures: ['tax'] });
if (which === 'all' || which === 'both') sets.push({ name: 'all', figures: ['tax', 'addedValue', 'landMu'] });

const scheme = presetScheme('reference');
const rows: unknown[] = [];
console.log(
  `cpus ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const size of sizes) {
  const records = generateRecords(size, seed);
  let started = performance.now();
  const grading = grade(records, scheme);
  const gradeSeconds = (performance.now() - started) / 1000;
  for (const { name, figures } of sets) {
    started = performance.now();
    const cpuStart = process.cpuUsage();
    const histogram = new Map<MoveFigure, { counts: number[]; searches: number; probes: number }>();
    const answers = toNextClass(records, scheme, grading, {
      figures,
      onSearch: ({ figure, probes }) => {
        let h = histogram.get(figure);
        if (h === undefined)
          histogram.set(figure, (h = { counts: BUCKETS.map(() => 0), searches: 0, probes: 0 }));
        const bucket = BUCKETS.findIndex((top) => probes <= top);
        h.counts[bucket] = (h.counts[bucket] ?? 0) + 1;
        h.searches++;
        h.probes += probes;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    let withAnswer = 0;
    let withTax = 0;
    for (const answer of answers.values()) {
      if (answer === null) continue;
      withAnswer++;
      if (answer.taxIncrease !== null) withTax++;
    }
    const cpuSeconds = (process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1e6;
    const ratio = seconds / gradeSeconds;
    const row = {
      size,
      figures: name,
      gradeSeconds,
      seconds,
      cpuSeconds,
      ratio,
      rated: answers.size,
      withAnswer,
      withTax,
      load: loadavg()[0],
      probes: Object.fromEntries([...histogram].map(([figure, h]) => [figure, h.probes])),
    };
    rows.push(row);
    console.log(
      `${size} enterprises, ${name}: grade ${gradeSeconds.toFixed(2)} s, toNextClass ${seconds.toFixed(1)} s ` +
        `(${cpuSeconds.toFixed(1)} s CPU, ${ratio.toFixed(0)}× the grading, load ${(loadavg()[0] ?? 0).toFixed(1)}) ` +
        `(${answers.size} rated, ${withAnswer} with a way up, ${withTax} by tax)`,
    );
    for (const [figure, h] of histogram) {
      const cells = h.counts.map((count, b) => `${BUCKET_NAMES[b] ?? ''}: ${count}`).join(', ');
      console.log(`  ${figure}: ${h.searches} searches, ${h.probes} probes; probes per search ${cells}`);
    }
    if (answersPrefix !== undefined) {
      writeFileSync(`${answersPrefix}-${size}-${name}.json`, JSON.stringify(Object.fromEntries(answers)));
    }
  }
}
console.log(JSON.stringify(rows));
