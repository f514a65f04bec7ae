import { checkScheme, explainScheme, explanationMarkdown, explanationText } from '@mujun/scoring';
import type { SchemeProblem } from '@mujun/scoring';
import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { schemeUsage } from '../help.js';
import { parseCommandWords } from '../options.js';
import type { Terminal } from '../io/terminal.js';
import { loadScheme, readSchemeDocument } from '../scheme.js';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'scheme');
}

/** Control characters inside a file's text must not split one problem over several lines. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

function printProblems(terminal: Terminal, kind: string, problems: readonly SchemeProblem[]): void {
  for (const problem of problems)
    terminal.err(`${kind} ${oneLine(problem.path)}：${oneLine(problem.message)}\n`);
}

/**
 * `mujun scheme explain <preset|file>` writes the scheme as a county publishes its 计算说明 (text, or
 * Markdown with --format md); `mujun scheme check <preset|file>` lists every problem and warning and
 * exits 2 when there is a problem, so that a bureau can check its file before grading anything.
 */
export function schemeCommand(args: readonly string[], terminal: Terminal): ExitCode {
  const { values, positionals } = parseCommandWords(args, OPTIONS, 'scheme');
  if (values.help === true) {
    terminal.out(schemeUsage());
    return ExitCode.Ok;
  }
  const [action, target, ...rest] = positionals;
  if (target === undefined || rest.length > 0 || (action !== 'explain' && action !== 'check')) {
    throw usageError(
      '用法：mujun scheme explain|check <预置办法或 scheme.json> (usage: mujun scheme explain|check <preset or file>)',
    );
  }
  if (action === 'check') {
    if (values.format !== undefined)
      throw usageError('--format 只用于 explain (--format is for explain only)');
    return check(target, terminal);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'md') {
    throw usageError(`--format 应为 text 或 md：${format} (--format must be text or md)`);
  }
  const explanation = explainScheme(loadScheme(target));
  terminal.out(format === 'md' ? explanationMarkdown(explanation) : explanationText(explanation));
  return ExitCode.Ok;
}

function check(target: string, terminal: Terminal): ExitCode {
  const { scheme, problems, warnings } = checkScheme(readSchemeDocument(target));
  printProblems(terminal, '问题 (problem)', problems);
  printProblems(terminal, '提示 (warning)', warnings);
  if (scheme === null) {
    terminal.err(
      `错误：评价办法 ${target} 有 ${String(problems.length)} 处问题，不能用于评分 ` +
        `(error: ${String(problems.length)} problem(s) in the scheme; it cannot grade)\n`,
    );
    return ExitCode.Invalid;
  }
  const noted = warnings.length === 0 ? '' : `，${String(warnings.length)} 处提示请核对`;
  terminal.out(
    `评价办法 ${target}（${scheme.name}）检查通过，可以用于评分${noted} ` +
      `(the scheme is valid${warnings.length === 0 ? '' : `; ${String(warnings.length)} warning(s)`})\n`,
  );
  return ExitCode.Ok;
}
