import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BACKGROUND = fileURLToPath(new URL('./background.ts', import.meta.url));

/**
 * The helpers' ms in each scavenge of a process that calls collectYoungOnOwnThread() and then allocates
 * objects that live through about one scavenge (V8's --trace-gc-nvp line of each scavenge after the
 * call: `background.scavenge.parallel`, the platform threads' time in it).
 */
async function helperMsPerScavenge(): Promise<number[]> {
  const script = `
    import { collectYoungOnOwnThread } from ${JSON.stringify(BACKGROUND)};
    collectYoungOnOwnThread();
    console.log('CALLED');
    let kept = [];
    for (let i = 0; i < 2e6; i++) {
      kept.push({ i, list: [i] });
      if (kept.length > 100000) kept = [];
    }`;
  const { stdout } = await run(
    process.execPath,
    ['--trace-gc-nvp', '--conditions=@mujun/source', '--import', 'tsx', '--input-type=module', '-e', script],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const after = stdout.slice(stdout.indexOf('CALLED'));
  return [...after.matchAll(/gc=s .*?background\.scavenge\.parallel=([\d.]+)/g)].map((match) =>
    Number(match[1]),
  );
}

describe('the young generation is collected on the collecting thread alone (issue 17)', () => {
  it('no platform thread takes part in a scavenge, so the event loop never waits for one', async () => {
    const helperMs = await helperMsPerScavenge();
    // Enough scavenges to have seen helpers: by default they take part in most of these.
    expect(helperMs.length).toBeGreaterThan(10);
    expect(helperMs.filter((ms) => ms > 0)).toEqual([]);
  });
});
