/**
 * The compiled `mujun` as the root `pnpm mujun` script runs it: Node.js's flags and the entry file,
 * read from that script, so that a bench times the command a clerk runs and not a copy that drifts.
 * Built first (`pnpm build`) if it is not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliCommand {
  /** Node.js's own flags, as the script passes them (`--single-threaded`). */
  readonly flags: readonly string[];
  /** The compiled entry, absolute. */
  readonly entry: string;
}

export function cliCommand(): CliCommand {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const script = scripts['mujun'] ?? '';
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) (\S+\.js)$/.exec(script);
  if (match === null)
    throw new Error(`the root "mujun" script is not "node [--flag…] <entry>.js": ${script}`);
  const entry = join(ROOT, match[2] as string);
  if (!existsSync(entry)) {
    const build = spawnSync('pnpm', ['--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('pnpm build failed');
  }
  return { flags: (match[1] ?? '').split(' ').filter((flag) => flag !== ''), entry };
}
