import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a set of files all or nothing: every file goes into a temporary directory first, and only when
 * all of them are complete do they take their places. A new directory is renamed into place in one step;
 * into an existing one the finished files are renamed one by one (each rename atomic, none of them a
 * partial file). A failure removes the temporary directory and leaves the target as it was.
 */
export async function writeDirectoryAtomically(
  directory: string,
  writer: (temporary: string) => Promise<void>,
): Promise<string[]> {
  const exists = statSync(directory, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const parent = exists ? directory : dirname(directory);
  mkdirSync(parent, { recursive: true });
  const temporary = join(parent, `.${basename(directory)}.${randomBytes(6).toString('hex')}.tmp`);
  mkdirSync(temporary);
  try {
    await writer(temporary);
    const files = readdirSync(temporary).sort();
    if (exists) {
      for (const file of files) renameSync(join(temporary, file), join(directory, file));
      rmSync(temporary, { recursive: true, force: true });
    } else {
      renameSync(temporary, directory);
    }
    return files;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
