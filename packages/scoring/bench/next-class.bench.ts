/**
 * The cost of toNextClass (`pnpm bench:next-class`): how long finding every rated enterprise's way up
 * takes on synthetic counties (./generate.ts, about 30% 规上) under the reference method, for 税收 alone
 * and for all three figures (税收, 增加值, 用地), after one ordinary grading (timed apart).
 *
 * Options: --sizes 10000,100000 (default), --figures tax|all|both (default both), --seed N (default 42).
 * Prints one line per measurement (wall and CPU seconds, the ratio to the plain grading of the same cohort
 * in the same run, the load) and a JSON summary; nothing is asserted (speed is measured, not tested).
 */
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
    const answers = toNextClass(records, scheme, grading, { figures });
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
    };
    rows.push(row);
    console.log(
      `${size} enterprises, ${name}: grade ${gradeSeconds.toFixed(2)} s, toNextClass ${seconds.toFixed(1)} s ` +
        `(${cpuSeconds.toFixed(1)} s CPU, ${ratio.toFixed(0)}× the grading, load ${(loadavg()[0] ?? 0).toFixed(1)}) ` +
        `(${answers.size} rated, ${withAnswer} with a way up, ${withTax} by tax)`,
    );
  }
}
console.log(JSON.stringify(rows));
