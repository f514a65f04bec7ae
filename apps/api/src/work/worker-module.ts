import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A worker thread's module `name` (without extension), beside the module at `beside` (its
 * import.meta.url): `name.ts` when the server runs from the TypeScript sources (`pnpm start`, tests: the
 * caller's own URL ends in .ts), then the worker loads it through tsx, as the parent does (`--import
 * tsx` resolved from here, and the `@mujun/source` condition for the workspace libraries); `name.js`
 * when it runs compiled (dist/), then the worker inherits the parent's flags.
 */
export function workerModule(beside: string, name: string): { filename: string; execArgv?: string[] } {
  if (beside.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return {
      filename: fileURLToPath(new URL(`./${name}.ts`, beside)),
      execArgv: ['--import', tsx, '--conditions=@mujun/source'],
    };
  }
  return { filename: fileURLToPath(new URL(`./${name}.js`, beside)) };
}
