import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';

/** The server's bare address leads a person to the pages, not to a JSON 404. */
describe('GET /', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(async () => {
    await h.close();
  });

  it('redirects to /app/, where the pages answer', async () => {
    const root = await fetch(`${h.base}/`, { redirect: 'manual' });
    expect(root.status).toBe(303);
    expect(root.headers.get('location')).toBe('/app/');
    const followed = await fetch(`${h.base}/`);
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toContain('text/html');
    expect(followed.url).toBe(`${h.base}/app/`);
    // Only the bare address: an unknown path is still the API's problem document.
    const unknown = await fetch(`${h.base}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });
});
