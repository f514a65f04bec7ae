/**
 * CPU profile of one timed run (after a warm-up), written as a .cpuprofile for Chrome DevTools or speedscope.
 * Only the timed run is profiled (node:inspector), not the record generation.
 *
 *   node --conditions=@mujun/source --import tsx packages/scoring/bench/profile.ts <mode> [size] [out]
 *     mode: grade (decisions only) | results (grade + every result object) | baseline (float64 yardstick)
 *
 * tsx writes each module on very few lines, so its line numbers are useless in a profile. For file:line
 * hot spots, bundle first (esbuild keeps the lines and writes a source map) and run the bundle:
 *
 *   node_modules/.bin/esbuild packages/scoring/bench/profile.ts --bundle --platform=node --format=esm \
 *     --target=node20 --sourcemap --keep-names --conditions=@mujun/source --outfile=/tmp/profile.mjs
 *   node --expose-gc --max-old-space-size=4096 /tmp/profile.mjs grade 1000000 /tmp/grade-1m.cpuprofile
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { grade, presetScheme } from '../src/index.js';
import type { EnterpriseRecord } from '../src/index.js';
import { floatBaseline } from './float-baseline.js';
import { generateRecords } from './generate.js';

const [mode = 'grade', sizeText = '100000', out = `${mode}-${sizeText}.cpuprofile`] = process.argv.slice(2);
if (!['grade', 'results', 'baseline'].includes(mode)) throw new Error(`unknown mode ${mode}`);
const size = Number(sizeText);
const records = generateRecords(size, 42);
const scheme = presetScheme('reference');

function run(input: readonly EnterpriseRecord[]): unknown {
  if (mode === 'baseline') return floatBaseline(input);
  const grading = grade(input, scheme);
  if (mode === 'grade') return grading;
  let traceLines = 0;
  for (const result of grading.results()) traceLines += result.trace.length;
  return traceLines;
}

run(size > 100_000 ? records.slice(0, 100_000) : records); // warm-up
(globalThis as { gc?: () => void }).gc?.();

const session = new Session();
session.connect();
const post = (method: string, params: object = {}): Promise<unknown> =>
  new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => {
      if (error) reject(error);
      else resolve(result);
    });
  });

await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 500 });
await post('Profiler.start');
const start = performance.now();
run(records);
const seconds = (performance.now() - start) / 1000;
const { profile } = (await post('Profiler.stop')) as { profile: unknown };
session.disconnect();
writeFileSync(out, JSON.stringify(profile));
console.log(`${mode} ${size}: ${seconds.toFixed(3)} s; profile written to ${out}`);
