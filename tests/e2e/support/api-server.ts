import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ROOT } from './mujun.js';

/**
 * The real API server as a child process (`pnpm start` runs the same entry point), on an ephemeral
 * loopback port read from its "listening" log line. For tests that stop it (SIGTERM) or kill it
 * (SIGKILL) and start it again on the same data directory.
 */
export interface ServerProcess {
  readonly base: string;
  readonly port: number;
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Every JSON log line so far, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The server's clock in these processes (MUJUN_CLOCK): a Monday inside the bundled calendar's coverage,
 * so that publishing "today" does not depend on the real date. It advances in real time from there.
 */
export const SERVER_CLOCK = '2026-06-01T10:00:00+08:00';

export function startServer(
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
  /** Extra node options, e.g. --cpu-prof for a profile of a bench run. */
  nodeArgs: readonly string[] = [],
  /**
   * The TypeScript source under tsx (tests), what `pnpm build` emitted, or a script elsewhere (a release
   * archive's server.js, run from its working directory), the last two under plain node.
   */
  entry: 'source' | 'built' | { readonly script: string; readonly cwd: string } = 'source',
): Promise<ServerProcess> {
  const command =
    entry === 'source'
      ? ['--conditions=@mujun/source', '--import', 'tsx', 'apps/api/src/server.ts']
      : [entry === 'built' ? 'apps/api/dist/server.js' : entry.script];
  const child = spawn(process.execPath, [...nodeArgs, ...command], {
    cwd: typeof entry === 'object' ? entry.cwd : ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      MUJUN_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MUJUN_CLOCK: SERVER_CLOCK,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 60 s: ${stderr.join('')}`));
    }, 60_000);
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        logs.push(entry);
        if (entry['msg'] === 'listening' && typeof entry['port'] === 'number') {
          clearTimeout(timer);
          const port = entry['port'];
          resolve({
            base: `http://127.0.0.1:${port}`,
            port,
            child,
            logs,
            stop: (signal: NodeJS.Signals = 'SIGTERM') => {
              child.kill(signal);
              return exited;
            },
          });
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}) before listening: ${stderr.join('')}`));
    });
  });
}
