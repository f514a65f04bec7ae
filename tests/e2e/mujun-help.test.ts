import { describe, expect, it } from 'vitest';
import { mujun } from './support/mujun.js';

describe('mujun usage', () => {
  it('prints the usage in Chinese and English for --help', async () => {
    const run = await mujun('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法');
    expect(run.stdout).toContain('Usage');
    expect(run.stdout).toContain('grade');
    expect(run.stdout).toContain('publish');
  });

  it('prints the grade options for grade --help', async () => {
    const run = await mujun('grade', '--help');
    expect(run.code).toBe(0);
    for (const text of ['--input', '--scheme', '--out', 'reference', 'huangyan-2022', '评价办法', 'result']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('prints the publish options and the files it writes for publish --help', async () => {
    const run = await mujun('publish', '--help');
    expect(run.code).toBe(0);
    for (const text of [
      '--input',
      '--previous',
      '--low-threshold',
      '--out-dir',
      '公示名单.xlsx',
      '一企一单.html',
      'Usage',
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it('exits 2 with the usage on an unknown command or none', async () => {
    const [unknown, none] = await Promise.all([mujun('frobnicate'), mujun()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
    expect(unknown.stderr).toContain('Usage');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage');
  });
});
