import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotChunks, snapshotDocument, snapshotEtag, strongEtag } from './snapshot.js';

/** `results` cut into pages at the given points (an empty page where two cuts meet). */
function paged(results: readonly string[], cuts: readonly number[]): string[][] {
  const points = [...cuts.map((cut) => cut % (results.length + 1)), results.length].sort((a, b) => a - b);
  let from = 0;
  return points.map((to) => {
    const page = results.slice(from, to);
    from = to;
    return page;
  });
}

async function* asynchronously(pages: readonly string[][]): AsyncGenerator<readonly string[]> {
  for (const page of pages) {
    await Promise.resolve();
    yield page;
  }
}

const snapshots = fc.record({
  id: fc.string(),
  phase: fc.constantFrom('published' as const, 'final' as const),
  results: fc.array(fc.json(), { maxLength: 50 }),
  cuts: fc.array(fc.nat(60), { maxLength: 6 }),
});

describe('the snapshot streamed and hashed a page at a time', () => {
  it('streams exactly the bytes of the whole document, however the results are paged', async () => {
    await fc.assert(
      fc.asyncProperty(snapshots, async ({ id, phase, results, cuts }) => {
        let streamed = '';
        for await (const chunk of snapshotChunks(id, phase, asynchronously(paged(results, cuts))))
          streamed += chunk;
        expect(streamed).toBe(snapshotDocument(id, phase, results));
      }),
      { numRuns: 60 },
    );
  });

  it('is the strong ETag of the whole snapshot document, however the results are paged', async () => {
    await fc.assert(
      fc.asyncProperty(snapshots, async ({ id, phase, results, cuts }) => {
        expect(await snapshotEtag(id, phase, asynchronously(paged(results, cuts)))).toBe(
          strongEtag(snapshotDocument(id, phase, results)),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('is the same over many pages as over one', async () => {
    const results = Array.from({ length: 2_345 }, (_, i) => JSON.stringify({ ordinal: i, total: `${i}.25` }));
    const pages = paged(results, [1_000, 2_000]);
    expect(await snapshotEtag('ev_1', 'final', pages)).toBe(await snapshotEtag('ev_1', 'final', [results]));
    expect(await snapshotEtag('ev_1', 'final', pages)).toBe(
      strongEtag(snapshotDocument('ev_1', 'final', results)),
    );
  });
});
