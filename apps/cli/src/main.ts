import { accountCommand } from './commands/account.js';
import { backupCommand } from './commands/backup.js';
import { gradeCommand } from './commands/grade.js';
import { publishCommand } from './commands/publish.js';
import { simulateCommand } from './commands/simulate.js';
import { storeCommand } from './commands/store.js';
import { schemeCommand } from './commands/scheme.js';
import { surchargesCommand } from './commands/surcharges.js';
import { templateCommand } from './commands/template.js';
import { tokenCommand } from './commands/token.js';
import { validateCommand } from './commands/validate.js';
import { reportFailure } from './errors.js';
import { ExitCode } from './exit-code.js';
import { mainUsage } from './help.js';
import { processTerminal } from './io/terminal.js';
import type { Terminal } from './io/terminal.js';

/** The `mujun` command line: dispatches to one command per file under commands/. */

type Command = (args: readonly string[], terminal: Terminal) => ExitCode | Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, Command>> = {
  grade: gradeCommand,
  publish: publishCommand,
  validate: validateCommand,
  scheme: schemeCommand,
  template: templateCommand,
  token: tokenCommand,
  account: accountCommand,
  backup: backupCommand,
  store: storeCommand,
  surcharges: surchargesCommand,
  simulate: simulateCommand,
};

export async function main(argv: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    terminal.out(mainUsage());
    return ExitCode.Ok;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    if (name !== undefined) terminal.err(`错误：未知命令「${name}」(error: unknown command "${name}")\n\n`);
    terminal.err(mainUsage());
    return ExitCode.Invalid;
  }
  try {
    return await command(args, terminal);
  } catch (error) {
    return reportFailure(error, terminal);
  }
}

// Set, not process.exit(): pending output to a pipe must be flushed before the process ends.
process.exitCode = await main(process.argv.slice(2), processTerminal);
