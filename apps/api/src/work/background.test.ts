import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_READ_LIMITS } from '@mujun/sheets';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from './background.js';
import { HeavyWork } from './pool.js';

/** Each thread of this process: its id and nice value (Linux's /proc, field 19 of stat). */
function threads(): { readonly tid: number; readonly nice: number }[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { tid: Number(tid), nice: Number(fields[16]) };
  });
}

describe('heavy work yields the cores to the event loop', () => {
  const work = new HeavyWork({ threads: 1 });
  afterAll(() => work.close());

  it('runs its worker thread at a lower priority, the event loop at its own', async () => {
    const before = threads().filter((thread) => thread.nice === BACKGROUND_NICE).length;
    // Any job starts the worker; this one fails (not a spreadsheet), which is enough.
    await expect(
      work.gradeUpload({
        files: [{ name: 'x.csv', bytes: new Uint8Array([0, 1, 2, 3]) }],
        schemeJson: '{}',
        limits: DEFAULT_READ_LIMITS,
      }),
    ).rejects.toThrow();
    expect(threads().filter((thread) => thread.nice === BACKGROUND_NICE)).toHaveLength(before + 1);
    expect(threads().find((thread) => thread.tid === process.pid)?.nice).toBe(0);
  });
});
