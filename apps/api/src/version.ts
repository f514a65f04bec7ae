import { readFileSync } from 'node:fs';

/**
 * The release's version: apps/api/package.json's, read beside this module's folder (src/ from source,
 * dist/ compiled, the package root of a release), so one number names the archive, /healthz and the
 * pages' footer.
 */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
