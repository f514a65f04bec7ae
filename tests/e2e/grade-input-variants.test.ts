import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, mujun, ROOT, SAMPLE, tempDirectory } from './support/mujun.js';

/**
 * The same enterprises, however the file spells them, must give the same bytes: a clerk who re-saves a
 * spreadsheet, sorts it or swaps header languages must not get a different published result.
 */

const BOM = '\uFEFF';
let dir: Awaited<ReturnType<typeof tempDirectory>>;

beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

/** Grades `input` (a path from the root, or text to write to a temp file) and returns the result bytes. */
async function gradeTo(
  name: string,
  input: { path: string } | { text: string },
  out: string,
): Promise<Buffer> {
  let path: string;
  if ('path' in input) path = input.path;
  else {
    path = join(dir.path, `${name}-input.csv`);
    await writeFile(path, input.text, 'utf8');
  }
  const target = join(dir.path, `${name}${out}`);
  const run = await mujun('grade', '--input', path, '--out', target);
  expect(run.code, run.stderr).toBe(0);
  return readFile(target);
}

async function text(path: string): Promise<string> {
  return readFile(join(ROOT, path), 'utf8');
}

/** A fixed permutation (a small LCG), so a failure reproduces. */
function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  let seed = 20250101;
  for (let i = result.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

describe('mujun grade gives the same output bytes for the same data', () => {
  it('with or without a BOM', async () => {
    const sample = await text(SAMPLE);
    expect(sample.startsWith(BOM)).toBe(true);
    const [withBom, withoutBom] = await Promise.all([
      gradeTo('with-bom', { path: SAMPLE }, '.json'),
      gradeTo('without-bom', { text: sample.slice(1) }, '.json'),
    ]);
    expect(withoutBom.equals(withBom)).toBe(true);
  });

  it('with English keys or Chinese names as headers (and English enumeration spellings)', async () => {
    for (const out of ['.json', '.csv']) {
      const [chinese, english] = await Promise.all([
        gradeTo('chinese', { path: `${FIXTURES}/grade-chinese-headers.csv` }, out),
        gradeTo('english', { path: `${FIXTURES}/grade-english-headers.csv` }, out),
      ]);
      expect(english.equals(chinese), out).toBe(true);
    }
  });

  it('with the rows in any order', async () => {
    const [header = '', ...rows] = (await text(SAMPLE)).split('\n').filter((line) => line !== '');
    const reordered = shuffled(rows);
    expect(reordered).not.toEqual(rows);
    for (const out of ['.json', '.csv']) {
      const [original, shuffledRun] = await Promise.all([
        gradeTo('original', { path: SAMPLE }, out),
        gradeTo('shuffled', { text: `${[header, ...reordered].join('\n')}\n` }, out),
      ]);
      expect(shuffledRun.equals(original), out).toBe(true);
    }
  });

  it('with CRLF line ends and a tail of empty spreadsheet rows', async () => {
    const sample = await text(SAMPLE);
    const original = await gradeTo('lf', { path: SAMPLE }, '.json');
    const excel = `${sample.trimEnd().replaceAll('\n', '\r\n')}\r\n,,,,,\r\n\r\n,,\r\n`;
    expect((await gradeTo('crlf', { text: excel }, '.json')).equals(original)).toBe(true);
  });

  it('with an unknown column, which is reported as a warning and does not fail the run', async () => {
    const lines = (await text(`${FIXTURES}/grade-chinese-headers.csv`)).trimEnd().split('\n');
    const withNote = lines.map((line, i) => `${line},${i === 0 ? '备注' : '已核实'}`).join('\n');
    const path = join(dir.path, 'with-note.csv');
    await writeFile(path, withNote, 'utf8');
    const run = await mujun('grade', '--input', path, '--out', join(dir.path, 'with-note.json'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('备注');
    expect(run.stderr).toContain('warning');
    const plain = await gradeTo('plain', { path: `${FIXTURES}/grade-chinese-headers.csv` }, '.json');
    expect((await readFile(join(dir.path, 'with-note.json'))).equals(plain)).toBe(true);
  });
});
