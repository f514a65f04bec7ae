import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { CliError, CliErrorCode } from './errors.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Parsed<Options extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: Options; strict: true; allowPositionals: false; tokens: true }>
>;

/**
 * A command's options, strictly: an unknown option or a missing value is a usage error naming the
 * command. The tokens let inputSpecs pair each --sheet and --encoding with the --input before it.
 */
export function parseCommandOptions<const Options extends OptionsConfig>(
  args: readonly string[],
  options: Options,
  command: string,
): Parsed<Options>['values'] & { tokens: Parsed<Options>['tokens'] } {
  try {
    const { values, tokens } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
    return { ...values, tokens };
  } catch (error) {
    // parseArgs throws a TypeError naming the unknown option or the missing value.
    throw new CliError(
      CliErrorCode.Usage,
      error instanceof Error ? error.message : 'invalid arguments',
      command,
    );
  }
}

type ParsedWithWords<Options extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: Options; strict: true; allowPositionals: true }>
>;

/** The same, for commands that also take words (`mujun token create`, `mujun backup <file>`). */
export function parseCommandWords<const Options extends OptionsConfig>(
  args: readonly string[],
  options: Options,
  command: string,
): ParsedWithWords<Options> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(
      CliErrorCode.Usage,
      error instanceof Error ? error.message : 'invalid arguments',
      command,
    );
  }
}
