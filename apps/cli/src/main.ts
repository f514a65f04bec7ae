import { reportFailure } from './errors.js';
import { ExitCode } from './exit-code.js';
import { mainUsage } from './help.js';
import { processTerminal } from './io/terminal.js';
import type { Terminal } from './io/terminal.js';

/** The `mujun` command line: dispatches to one command per file under commands/. */

type Command = (args: readonly string[], terminal: Terminal) => ExitCode | Promise<ExitCode>;

/**
 * Each command's module is imported when that command runs, not all of them at start: `grade` does not
 * load the server's store (better-sqlite3, argon2) that `account` and `store` need, nor `publish`'s pages.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  publish: async () => (await import('./commands/publish.js')).publishCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  scheme: async () => (await import('./commands/scheme.js')).schemeCommand,
  template: async () => (await import('./commands/template.js')).templateCommand,
  token: async () => (await import('./commands/token.js')).tokenCommand,
  account: async () => (await import('./commands/account.js')).accountCommand,
  backup: async () => (await import('./commands/backup.js')).backupCommand,
  store: async () => (await import('./commands/store.js')).storeCommand,
  surcharges: async () => (await import('./commands/surcharges.js')).surchargesCommand,
  simulate: async () => (await import('./commands/simulate.js')).simulateCommand,
};

export async function main(argv: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    terminal.out(mainUsage());
    return ExitCode.Ok;
  }
  const load = name === undefined || !Object.hasOwn(COMMANDS, name) ? undefined : COMMANDS[name];
  if (load === undefined) {
    if (name !== undefined) terminal.err(`错误：未知命令「${name}」(error: unknown command "${name}")\n\n`);
    terminal.err(mainUsage());
    return ExitCode.Invalid;
  }
  try {
    const command = await load();
    return await command(args, terminal);
  } catch (error) {
    return reportFailure(error, terminal);
  }
}

// Set, not process.exit(): pending output to a pipe must be flushed before the process ends.
process.exitCode = await main(process.argv.slice(2), processTerminal);
