import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the command runs from there, as `pnpm mujun` does. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SAMPLE = 'apps/cli/samples/sample-2025.csv';
export const FIXTURES = 'tests/fixtures/cli';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `mujun` entry point from source, in a child process, exactly as a user would. */
export function mujun(...args: string[]): Promise<Run> {
  return mujunWithInput(undefined, ...args);
}

/** The same, with `input` on its standard input (`--password-stdin`). */
export function mujunWithInput(input: string | undefined, ...args: string[]): Promise<Run> {
  return run(['--conditions=@mujun/source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args], input);
}

/** What `pnpm build` emitted, under plain node as `pnpm mujun` runs it: no TypeScript loader. */
export function builtMujun(...args: string[]): Promise<Run> {
  return run(['apps/cli/dist/main.js', ...args], undefined);
}

function run(nodeArgs: readonly string[], input: string | undefined): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(input ?? '');
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** A fresh directory per test file; `cleanup` removes it. */
export async function tempDirectory(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'mujun-e2e-'));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** What a directory holds, temporary files included: a failed run must leave nothing behind. */
export async function listing(directory: string): Promise<string[]> {
  return (await readdir(directory)).sort();
}
