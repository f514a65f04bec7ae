/** Where a command speaks: injected, so a command never reaches for `process` and a test can listen. */
export interface Terminal {
  /** Results and help: what a user may pipe on. */
  readonly out: (text: string) => void;
  /** Problems, warnings and progress: never mixed into piped output. */
  readonly err: (text: string) => void;
  /** All of standard input, for secrets that must not be in argv (`--password-stdin`). */
  readonly stdin?: () => Promise<string>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export const processTerminal: Terminal = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: readStdin,
};
