import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotDocument, strongEtag } from '../domain/snapshot.js';
import { OFF_THREAD_FROM, snapshotEtagOffLoop } from './snapshot-hash.js';

/** Threads of this process at the nice value (Linux's /proc, field 19 of stat). */
function threadsAtNice(nice: number): number {
  return readdirSync('/proc/self/task').filter((tid) => {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[16]) === nice;
  }).length;
}

const results = (count: number) =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ ordinal: i, total: `${i}.25`, 名称: `企业${i}` }));

/** The results in pages of 250, as the store reads them, each after a turn; `after` runs before the last. */
async function* pagesOf(all: readonly string[], after?: () => void): AsyncGenerator<readonly string[]> {
  for (let from = 0; from < all.length; from += 250) {
    await new Promise((resolve) => setImmediate(resolve));
    if (from + 250 >= all.length) after?.();
    yield all.slice(from, from + 250);
  }
}

// A nice value no other thread of the test process has, to see the hash thread by.
const NICE = 7;

describe('the snapshot hashed in a worker thread', () => {
  it('gives the ETag of the whole document, from a thread of its own for a large evaluation', async () => {
    const all = results(OFF_THREAD_FROM * 2 + 17);
    const before = threadsAtNice(NICE);
    let during = before;
    const etag = await snapshotEtagOffLoop(
      'ev_1',
      'published',
      pagesOf(all, () => (during = threadsAtNice(NICE))),
      NICE,
    );
    expect(etag).toBe(strongEtag(snapshotDocument('ev_1', 'published', all)));
    expect(during).toBe(before + 1);
  });

  it('gives the same ETag on the event loop for a small one, with no thread', async () => {
    const all = results(OFF_THREAD_FROM - 1);
    const before = threadsAtNice(NICE);
    let during = before;
    const etag = await snapshotEtagOffLoop(
      'ev_2',
      'final',
      pagesOf(all, () => (during = threadsAtNice(NICE))),
      NICE,
    );
    expect(etag).toBe(strongEtag(snapshotDocument('ev_2', 'final', all)));
    expect(during).toBe(before);
  });

  it('fails with the pages when their read fails', async () => {
    async function* failing(): AsyncGenerator<readonly string[]> {
      yield* pagesOf(results(OFF_THREAD_FROM + 500));
      throw new Error('the store failed');
    }
    await expect(snapshotEtagOffLoop('ev_3', 'published', failing(), NICE)).rejects.toThrow(
      'the store failed',
    );
  });
});
