import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeReport } from '@mujun/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mujun, ROOT, SAMPLE, tempDirectory } from './support/mujun.js';

const PRESETS = 'packages/scoring/src/scheme/presets';

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

async function gradeWith(name: string, ...scheme: string[]): Promise<Buffer> {
  const out = join(dir.path, `${name}.json`);
  const run = await mujun('grade', '--input', SAMPLE, ...scheme, '--out', out);
  expect(run.code, run.stderr).toBe(0);
  return readFile(out);
}

describe('mujun grade --scheme', () => {
  it('grades with the huangyan-2022-reference preset and its published fixed benchmarks', async () => {
    const report = JSON.parse(
      (await gradeWith('huangyan', '--scheme', 'huangyan-2022-reference')).toString(),
    ) as GradeReport;
    expect(report.scheme.id).toBe('huangyan-2022-reference');
    expect(report.cohorts['above']?.benchmarks['taxPerMu']).toBe('24.0970');
    expect(report.enterprises.length).toBe(31);
  });

  it('takes a scheme.json path, and a copy of a preset grades exactly as the preset does', async () => {
    const copies = ['reference', 'huangyan-2022-reference'].map(async (id) => {
      const path = join(dir.path, `county-${id}.json`);
      await copyFile(join(ROOT, PRESETS, `${id}.json`), path);
      const [fromPreset, fromFile] = await Promise.all([
        gradeWith(`preset-${id}`, '--scheme', id),
        gradeWith(`file-${id}`, '--scheme', path),
      ]);
      expect(fromFile.equals(fromPreset), id).toBe(true);
    });
    await Promise.all(copies);
  });

  it('uses the reference preset when no scheme is given', async () => {
    const [implicit, explicit] = await Promise.all([
      gradeWith('implicit'),
      gradeWith('explicit', '--scheme', 'reference'),
    ]);
    expect(implicit.equals(explicit)).toBe(true);
  });
});
