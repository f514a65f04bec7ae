import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../apps/api/src/env.js';

/**
 * docs/部署手册.md's settings table names every setting the server reads (apps/api/src/env.ts), and no
 * other: a setting added without its row, or a row left after its setting went, fails here.
 */

const MANUAL = readFileSync(new URL('../../docs/部署手册.md', import.meta.url), 'utf8');

function tableNames(section: string): string[] {
  const start = MANUAL.indexOf(`## ${section}\n`);
  if (start < 0) throw new Error(`no section ${section}`);
  const rest = MANUAL.slice(start);
  // The section's first table, up to the first line that is not a table row.
  const lines = rest.split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    const name = /^\| `([A-Z][A-Z0-9_]*)` \|/.exec(line)?.[1];
    if (name !== undefined) rows.push(name);
  }
  return rows;
}

describe('the deployment manual', () => {
  it('lists every setting of env.ts in its settings table, once, in the same order', () => {
    const listed = tableNames('设置一览');
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual([...SETTING_NAMES]);
  });

  it('links the user manual and the README, and the README links both manuals', () => {
    expect(MANUAL).toContain('](用户手册.md)');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('docs/部署手册.md');
    expect(readme).toContain('docs/用户手册.md');
  });
});
