import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, unitSettings } from './support/build.js';
import { ROOT } from './support/mujun.js';

/**
 * The service files under deploy/: the unit is checked by systemd's own tools (`systemd-analyze verify`
 * must print nothing, `systemd-analyze security --offline` must rate it OK), and carries the settings
 * the deployment guide promises. CI installs systemd's tools when the machine lacks them (.ci/run).
 * That the unit's ExecStart really serves, from the release archive, is release-archive.test.ts's part.
 */

const UNIT = join(ROOT, 'deploy/mujun.service');

describe('the systemd unit', () => {
  it('passes systemd-analyze verify with no warning', async () => {
    // verify prints problems to stderr and still exits 0 for most of them: both are checked.
    const output = await runCommand('systemd-analyze', ['verify', UNIT]);
    expect(output).toBe('');
  });

  it('is rated OK by systemd-analyze security', async () => {
    const output = await runCommand('systemd-analyze', ['security', '--offline=yes', '--no-pager', UNIT]);
    const exposure = /Overall exposure level for mujun\.service: ([\d.]+) (\w+)/.exec(output);
    expect(exposure?.[2]).toBe('OK');
    expect(Number(exposure?.[1])).toBeLessThanOrEqual(2);
  });

  it('runs as its own user in its own data folder, restarts on failure, and is hardened', async () => {
    const settings = unitSettings(await readFile(UNIT, 'utf8'));
    const one = (key: string) => settings.get(key)?.at(-1);
    expect(one('User')).toBe('mujun');
    expect(one('StateDirectory')).toBe('mujun');
    expect(settings.get('Environment')).toContain('MUJUN_DATA_DIR=/var/lib/mujun');
    expect(one('EnvironmentFile')).toBe('/etc/mujun/mujun.env');
    expect(one('ExecStart')).toBe('/usr/bin/node /opt/mujun/current/server.js');
    expect(one('Restart')).toBe('on-failure');
    expect(one('RestartPreventExitStatus')).toBe('78');
    expect(one('KillSignal')).toBe('SIGTERM');
    for (const [key, value] of [
      ['NoNewPrivileges', 'yes'],
      ['ProtectSystem', 'strict'],
      ['ProtectHome', 'yes'],
      ['PrivateTmp', 'yes'],
      ['PrivateDevices', 'yes'],
      ['CapabilityBoundingSet', ''],
      ['RestrictSUIDSGID', 'yes'],
    ] as const) {
      expect(one(key), key).toBe(value);
    }
    // The user systemd-sysusers makes, and the environment file's keys are the server's settings.
    expect(await readFile(join(ROOT, 'deploy/mujun.sysusers'), 'utf8')).toMatch(/^u mujun /m);
    const env = await readFile(join(ROOT, 'deploy/mujun.env'), 'utf8');
    const envSource = await readFile(join(ROOT, 'apps/api/src/env.ts'), 'utf8');
    for (const match of env.matchAll(/^#?([A-Z_]+)=/gm)) {
      expect(envSource, match[1]).toContain(`${match[1] ?? ''}:`);
    }
  });
});
