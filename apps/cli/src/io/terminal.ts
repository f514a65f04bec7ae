/** Where a command speaks: injected, so a command never reaches for `process` and a test can listen. */
export interface Terminal {
  /** Results and help: what a user may pipe on. */
  readonly out: (text: string) => void;
  /** Problems, warnings and progress: never mixed into piped output. */
  readonly err: (text: string) => void;
}

export const processTerminal: Terminal = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
