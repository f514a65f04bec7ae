/**
 * `pnpm --filter @mujun/api openapi [--check]`: writes apps/api/openapi.json (the OpenAPI 3.1 document
 * generated from the zod schemas) and src/generated/openapi.generated.ts (its client types, by
 * openapi-typescript, which also validates the document). With --check, writes nothing and exits 1
 * when either committed file differs from what the code generates now: CI's drift check.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format } from 'prettier';
import { ROUTES } from '../routes/index.js';
import { buildDocument } from './document.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCUMENT = join(root, 'openapi.json');
const TYPES = join(root, 'src', 'generated', 'openapi.generated.ts');

const HEADER = `// Generated from apps/api/openapi.json by openapi-typescript (pnpm --filter @mujun/api openapi).
// Do not edit: change the zod schemas in apps/api/src/schemas/ and regenerate.
`;

async function generate(): Promise<Map<string, string>> {
  const document = buildDocument(ROUTES);
  const options = { printWidth: 110, singleQuote: true, trailingComma: 'all' } as const;
  const json = await format(JSON.stringify(document), { ...options, parser: 'json' });
  const types = astToString(
    await openapiTS(JSON.parse(json) as Parameters<typeof openapiTS>[0], { silent: true }),
  );
  const ts = await format(`${HEADER}${types}`, { ...options, parser: 'typescript' });
  return new Map([
    [DOCUMENT, json],
    [TYPES, ts],
  ]);
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const check = process.argv.includes('--check');
const files = await generate();
let stale = 0;
for (const [file, text] of files) {
  const relative = file.slice(root.length + 1);
  if (read(file) === text) {
    console.log(`up to date: apps/api/${relative}`);
  } else if (check) {
    stale++;
    console.error(
      `stale: apps/api/${relative} differs from what the schemas generate; run pnpm --filter @mujun/api openapi`,
    );
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote apps/api/${relative}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
