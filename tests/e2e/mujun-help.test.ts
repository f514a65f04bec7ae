import { describe, expect, it } from 'vitest';
import { mujun } from './support/mujun.js';

describe('mujun usage', () => {
  it('prints the usage in Chinese and English for --help', async () => {
    const run = await mujun('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法');
    expect(run.stdout).toContain('Usage');
    expect(run.stdout).toContain('grade');
  });

  it('prints the grade options for grade --help', async () => {
    const run = await mujun('grade', '--help');
    expect(run.code).toBe(0);
    for (const text of ['--input', '--scheme', '--out', 'reference', 'huangyan-2022', '评价办法', 'result']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('exits 2 with the usage on an unknown command or none', async () => {
    const [unknown, none] = await Promise.all([mujun('publish'), mujun()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('publish');
    expect(unknown.stderr).toContain('Usage');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage');
  });
});
