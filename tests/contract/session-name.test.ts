import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { SAMPLE_CSV } from './support/fixtures.js';
import { SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * An enterprise's session carries its name as its latest evaluation lists it, so the pages' header can
 * say who is signed in by name; before any evaluation has listed it, the code alone.
 */
describe.each(ENGINES)('the enterprise’s name in its session (%s)', (engine) => {
  let h: Harness;

  const session = async (token: string): Promise<Record<string, unknown>> => {
    const response = await fetch(`${h.base}/v1/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  const upload = async (csv: Buffer): Promise<void> => {
    await uploadedSample(h, { file: 'sample-2025.csv', bytes: csv });
  };

  beforeAll(async () => {
    h = await startApi({ engine });
  });
  afterAll(() => h.close());

  it('names the enterprise by its latest evaluation, and only an enterprise', async () => {
    const before = await session(h.tokens.enterprise);
    expect(before).toMatchObject({ role: 'enterprise', uscc: SAMPLE.floorD });
    expect(before).not.toHaveProperty('name');

    await upload(SAMPLE_CSV);
    expect(await session(h.tokens.enterprise)).toMatchObject({
      uscc: SAMPLE.floorD,
      name: '台州远东铸造有限公司',
    });
    expect(await session(h.tokens.otherEnterprise)).toMatchObject({
      uscc: SAMPLE.beicheng,
      name: '台州市黄岩恒力模具有限公司',
    });
    expect(await session(h.tokens.town)).not.toHaveProperty('name');
    expect(await session(h.tokens.admin)).not.toHaveProperty('name');

    // Renamed in a later upload: the later name wins.
    const renamed = SAMPLE_CSV.toString('utf8').replace('台州远东铸造有限公司', '台州远东精密铸造有限公司');
    await upload(Buffer.from(renamed, 'utf8'));
    expect(await session(h.tokens.enterprise)).toMatchObject({ name: '台州远东精密铸造有限公司' });
  });
});

afterAll(async () => {
  await stopTestServer();
});
