import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_READ_LIMITS } from '@mujun/sheets';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env.js';
import { BACKGROUND_NICE } from './background.js';
import { HeavyWork } from './pool.js';

/** Each thread of this process: its id and nice value (Linux's /proc, field 19 of stat). */
function threads(): { readonly tid: number; readonly nice: number }[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { tid: Number(tid), nice: Number(fields[16]) };
  });
}

/** Starts `work`'s worker with a job that fails at once (not a spreadsheet), which is enough. */
async function startWorker(work: HeavyWork): Promise<void> {
  await expect(
    work.gradeUpload({
      files: [{ name: 'x.csv', bytes: new Uint8Array([0, 1, 2, 3]) }],
      schemeJson: '{}',
      limits: DEFAULT_READ_LIMITS,
    }),
  ).rejects.toThrow();
}

describe('heavy work yields the cores to the event loop', () => {
  const work = new HeavyWork({ threads: 1 });
  const niceFive = new HeavyWork({ threads: 1, nice: 5 });
  afterAll(() => Promise.all([work.close(), niceFive.close()]));

  it('runs its worker thread at a lower priority, the event loop at its own', async () => {
    const before = threads().filter((thread) => thread.nice === BACKGROUND_NICE).length;
    await startWorker(work);
    expect(threads().filter((thread) => thread.nice === BACKGROUND_NICE)).toHaveLength(before + 1);
    expect(threads().find((thread) => thread.tid === process.pid)?.nice).toBe(0);
  });

  it('at the nice value it is given (MUJUN_BACKGROUND_NICE)', async () => {
    const before = threads().filter((thread) => thread.nice === 5).length;
    await startWorker(niceFive);
    expect(threads().filter((thread) => thread.nice === 5)).toHaveLength(before + 1);
    expect(threads().find((thread) => thread.tid === process.pid)?.nice).toBe(0);
  });

  it('takes MUJUN_BACKGROUND_NICE from 0 to 19 only', () => {
    expect(loadEnv({}).MUJUN_BACKGROUND_NICE).toBeUndefined();
    expect(loadEnv({ MUJUN_BACKGROUND_NICE: '0' }).MUJUN_BACKGROUND_NICE).toBe(0);
    expect(loadEnv({ MUJUN_BACKGROUND_NICE: '19' }).MUJUN_BACKGROUND_NICE).toBe(19);
    for (const value of ['-1', '20', '2.5', 'low']) {
      expect(() => loadEnv({ MUJUN_BACKGROUND_NICE: value })).toThrow(/MUJUN_BACKGROUND_NICE/);
    }
  });
});
