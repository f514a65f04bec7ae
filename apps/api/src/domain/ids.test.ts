import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('gives a prefix and 96 random bits, never the same twice across refills of its pool', () => {
    const ids = Array.from({ length: 2_000 }, () => newId('obj'));
    for (const id of ids) expect(id).toMatch(/^obj_[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Every character of the alphabet turns up somewhere: the bits are not stuck.
    expect(new Set(ids.join('')).size).toBeGreaterThan(60);
  });
});
