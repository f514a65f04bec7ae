import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mujun, tempDirectory } from './support/mujun.js';

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

describe('mujun scheme', () => {
  it('explains a preset in Chinese words and formulas, as text or Markdown', async () => {
    const [text, markdown] = await Promise.all([
      mujun('scheme', 'explain', 'reference'),
      mujun('scheme', 'explain', 'reference', '--format', 'md'),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('参考评价办法');
    expect(text.stdout).toContain('规上工业企业：亩均税收 ÷ 基准值 × 40 + 亩均增加值 ÷ 基准值 × 20');
    expect(text.stdout).toContain('一票否决');
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toMatch(/^# 参考评价办法/);
    expect(markdown.stdout).toContain('\n## 五、计分公式\n');
  });

  it('checks a file: lists every problem with its path and exits 2', async () => {
    const path = join(dir.path, '本县办法.json');
    await writeFile(
      path,
      JSON.stringify({
        extends: 'reference',
        id: 'county',
        name: '本县办法',
        classes: [{ id: 'A', label: '优先发展类' }],
        tieBreak: ['taxes'],
      }),
    );
    const run = await mujun('scheme', 'check', path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('问题 (problem) classes：至少要有 2 项');
    expect(run.stderr).toContain('问题 (problem) tieBreak.0：没有名为「taxes」的数字数据');
    const listed = run.stderr.split('\n').filter((text) => text.startsWith('问题 (problem) ')).length;
    expect(listed).toBeGreaterThanOrEqual(2);
    expect(run.stderr).toContain(`有 ${String(listed)} 处问题，不能用于评分`);
  });

  it('passes a valid file and exits 0', async () => {
    const path = join(dir.path, 'weights.json');
    await writeFile(path, JSON.stringify({ extends: 'reference', id: 'w', name: '权重待核对' }));
    const run = await mujun('scheme', 'check', path);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('检查通过');
  });

  it('refuses a missing action, an unknown format and an unreadable file with exit 2', async () => {
    const runs = await Promise.all([
      mujun('scheme', 'explain'),
      mujun('scheme', 'explain', 'reference', '--format', 'pdf'),
      mujun('scheme', 'check', join(dir.path, 'none.json')),
      mujun('scheme', 'explain', 'nowhere'),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2]);
    expect(runs[1].stderr).toContain('--format 应为 text 或 md');
    expect(runs[2].stderr).toContain('无法读取评价办法文件');
    expect(runs[3].stderr).toContain('未知的预置评价办法「nowhere」');
  });

  it('prints its usage', async () => {
    const run = await mujun('scheme', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mujun scheme explain');
    expect(run.stdout).toContain('mujun scheme check');
  });
});
