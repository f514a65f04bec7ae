/** The command's exit codes: scripts and outside checks branch on these, so they never change meaning. */
export const ExitCode = {
  Ok: 0,
  /** A bug or an environment failure (disk full): nothing the input could fix. */
  Internal: 1,
  /** Bad arguments, an unreadable or invalid file, an unknown or invalid scheme: fix the input and rerun. */
  Invalid: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
