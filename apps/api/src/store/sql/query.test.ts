import { describe, expect, it } from 'vitest';
import { driveSync, insertMany, ROWS_PER_INSERT } from './query.js';
import type { Statement } from './query.js';

/** What insertMany asks an engine to run, for `count` rows of two columns. */
function statementsFor(count: number): Statement[] {
  const seen: Statement[] = [];
  const rows = Array.from({ length: count }, (_, i) => [`u${i}`, i]);
  driveSync(insertMany('t', ['a', 'b'], rows), (statement) => {
    seen.push(statement);
    return { changes: 0 };
  });
  return seen;
}

describe('insertMany: multi-row INSERTs of bound values', () => {
  it('cuts 1,999 rows into full batches of 500, then powers of two, every value bound in order', () => {
    const statements = statementsFor(1_999);
    const sizes = statements.map((statement) => statement.params.length / 2);
    expect(ROWS_PER_INSERT).toBe(500);
    expect(sizes).toEqual([500, 500, 500, 256, 128, 64, 32, 16, 2, 1]);
    expect(statements.flatMap((statement) => statement.params)).toEqual(
      Array.from({ length: 1_999 }, (_, i) => [`u${i}`, i]).flat(),
    );
    const [first] = statements;
    expect(first?.sql.startsWith('INSERT INTO t (a, b) VALUES (?, ?), (?, ?),')).toBe(true);
    // Placeholders only: no value is ever spliced into the text.
    expect(statements.every((statement) => !/u\d/.test(statement.sql))).toBe(true);
    // At most 10 distinct statements, however many rows: each is prepared (or numbered) once.
    const distinct = new Set<string>();
    for (let count = 1; count <= 1_200; count += 1)
      for (const statement of statementsFor(count)) distinct.add(statement.sql);
    expect(distinct.size).toBe(10);
  });

  it('runs nothing for no rows, and refuses a row of the wrong width', () => {
    expect(statementsFor(0)).toEqual([]);
    expect(() => {
      driveSync(insertMany('t', ['a', 'b'], [['x']]), () => ({ changes: 0 }));
    }).toThrow(/has 1 values/);
  });
});
