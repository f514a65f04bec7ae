import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from './atomic-file.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function temporaryFile(): string {
  const directory = mkdtempSync(join(tmpdir(), 'mujun-atomic-'));
  directories.push(directory);
  return join(directory, 'out.json');
}

describe('writeFileAtomically', () => {
  it('writes every piece as UTF-8, in order, across pieces small and larger than its buffer', () => {
    const pieces = [
      '{"名称": "测试企业',
      '😀'.repeat(10),
      'a',
      '亩均税收'.repeat(40_000),
      ...Array.from({ length: 5_000 }, (_, index) => `,${index}企业`),
      'x'.repeat(70_000),
      '"}',
    ];
    const path = temporaryFile();
    writeFileAtomically(path, (sink) => {
      for (const piece of pieces) sink.write(piece);
    });
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
  });

  it('writes an empty file when the writer writes nothing', () => {
    const path = temporaryFile();
    writeFileAtomically(path, () => undefined);
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});
