import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotDocument, snapshotEtag, strongEtag } from './snapshot.js';

describe('the snapshot ETag hashed a slice at a time', () => {
  it('is the strong ETag of the whole snapshot document, whatever the results', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.constantFrom('published' as const, 'final' as const),
        fc.array(fc.json(), { maxLength: 50 }),
        async (id, phase, results) => {
          expect(await snapshotEtag(id, phase, results)).toBe(
            strongEtag(snapshotDocument(id, phase, results)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is the same across the turns between slices (more results than one slice)', async () => {
    const results = Array.from({ length: 2_345 }, (_, i) => JSON.stringify({ ordinal: i, total: `${i}.25` }));
    expect(await snapshotEtag('ev_1', 'final', results)).toBe(
      strongEtag(snapshotDocument('ev_1', 'final', results)),
    );
  });
});
