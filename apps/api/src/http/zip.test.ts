import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflated, zipStream } from './zip.js';
import type { ZipEntry } from './zip.js';

/** A file as the oracle takes it: its bytes. */
interface Held {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The streamed archive is the archive the route built whole before (the activation letters' zip): the
 * same bytes for the same files and time. The oracle is that earlier code, kept here as it was.
 */

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/** DOS date and time of an instant, in the archive's local time (Asia/Shanghai for our readers). */
function dosTime(at: Date): { time: number; date: number } {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return {
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | Math.floor(local.getUTCSeconds() / 2),
    date: ((local.getUTCFullYear() - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
  };
}

/** The whole-archive writer as it was before the archive was streamed. */
function heldZip(entries: readonly Held[], at: Date): Uint8Array {
  const { time, date } = dosTime(at);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = deflateRawSync(entry.bytes);
    const crc = crc32(entry.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function streamed(entries: readonly ZipEntry[], at: Date): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of zipStream(entries, at)) parts.push(part);
  return Buffer.concat(parts);
}

const entry = fc.record({
  name: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
  bytes: fc.uint8Array({ maxLength: 5000 }),
});
const instant = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('zipStream', () => {
  it('writes the bytes the whole-archive writer wrote, a file at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), instant, async (entries, at) => {
        expect(await streamed(entries, at)).toEqual(Buffer.from(heldZip(entries, at)));
      }),
      { numRuns: 200 },
    );
  });

  it('writes the same bytes for files deflated where they were made (the letters, in their thread)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), instant, async (entries, at) => {
        const made = entries.map(({ name, bytes }) => ({ name, deflated: deflated(bytes) }));
        expect(await streamed(made, at)).toEqual(Buffer.from(heldZip(entries, at)));
      }),
      { numRuns: 100 },
    );
  });

  it('takes the files lazily: one is asked for only once the one before it is sent', async () => {
    const asked: string[] = [];
    function* files(): Generator<ZipEntry> {
      for (const name of ['a.txt', 'b.txt']) {
        asked.push(name);
        yield { name, bytes: new TextEncoder().encode(name.repeat(100)) };
      }
    }
    const parts = zipStream(files(), new Date('2026-06-01T02:00:00Z'));
    const first = await parts.next();
    expect(asked).toEqual(['a.txt']);
    // The first part is a.txt's local header, name and deflated data.
    const local = Buffer.from(first.value as Uint8Array);
    expect(local.readUInt32LE(0)).toBe(0x04034b50);
    const data = local.subarray(30 + 'a.txt'.length);
    expect(inflateRawSync(data).toString('utf8')).toBe('a.txt'.repeat(100));
  });
});
