import { spawn } from 'node:child_process';
import { ROOT } from './mujun.js';

/** Runs a command from the repository root; rejects with its output when it fails. */
export function runCommand(command: string, args: readonly string[], cwd = ROOT): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const text = Buffer.concat(output).toString('utf8');
      if (code === 0) resolve(text);
      else reject(new Error(`${command} ${args.join(' ')} exited ${String(code)}:\n${text}`));
    });
  });
}

/** `pnpm build`'s script, run by the tests that need its output (CI runs it first too). */
export function build(): Promise<string> {
  return runCommand(process.execPath, ['scripts/build.mjs']);
}

/** The unit's settings: key → every value it is given, in order. */
export function unitSettings(text: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('[')) continue;
    const at = line.indexOf('=');
    const key = line.slice(0, at);
    settings.set(key, [...(settings.get(key) ?? []), line.slice(at + 1)]);
  }
  return settings;
}
