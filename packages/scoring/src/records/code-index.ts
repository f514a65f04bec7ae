/**
 * Codes (统一社会信用代码) to the position each was first added at: the merge's index of a county's
 * enterprises by code (sheets' mergeTables) and grade()'s look-out for a repeated code. A Map or Set of
 * 100,000 code strings grew its table a dozen times, rehashing every key on each; this is one Int32Array
 * of slots sized for the expected count, probed linearly by a hash of the code's characters, and the
 * codes themselves in the order they were added. Only a slot whose hash matches compares the texts.
 */
export class CodeIndex {
  /** Per slot: the entry's number + 1, or 0 when the slot is free. A power of two long. */
  #slots: Int32Array;
  /** Per slot: the hash of its entry's code, compared before the texts. */
  #hashes: Int32Array;
  readonly #codes: string[] = [];
  readonly #positions: number[] = [];

  /** `expected`: about how many codes will be added (the table grows past it, never fails). */
  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity);
    this.#hashes = new Int32Array(capacity);
  }

  get size(): number {
    return this.#codes.length;
  }

  /** The position `code` was added with, or -1. */
  positionOf(code: string): number {
    const entry = this.#find(code, hashOf(code));
    return entry < 0 ? -1 : (this.#positions[entry] ?? -1);
  }

  /** Adds `code` at `position` unless it is here already; returns the position it has. */
  add(code: string, position: number): number {
    const hash = hashOf(code);
    const entry = this.#find(code, hash);
    if (entry >= 0) return this.#positions[entry] ?? -1;
    // Kept at most half full, so that a probe seldom passes more than a slot or two.
    if ((this.#codes.length + 1) * 2 > this.#slots.length) this.#grow();
    this.#codes.push(code);
    this.#positions.push(position);
    this.#place(this.#codes.length, hash);
    return position;
  }

  /** Every code with its position, in the order they were added. */
  *entries(): IterableIterator<[string, number]> {
    for (let entry = 0; entry < this.#codes.length; entry += 1) {
      yield [this.#codes[entry] ?? '', this.#positions[entry] ?? -1];
    }
  }

  /** The entry holding `code`, or -1. */
  #find(code: string, hash: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const taken = this.#slots[slot] ?? 0;
      if (taken === 0) return -1;
      if (this.#hashes[slot] === hash && this.#codes[taken - 1] === code) return taken - 1;
    }
  }

  /** Puts entry number `taken` (entry + 1) in the first free slot of its probe. */
  #place(taken: number, hash: number): void {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while ((this.#slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = taken;
    this.#hashes[slot] = hash;
  }

  #grow(): void {
    const slots = this.#slots;
    const hashes = this.#hashes;
    this.#slots = new Int32Array(slots.length * 2);
    this.#hashes = new Int32Array(slots.length * 2);
    for (let slot = 0; slot < slots.length; slot += 1) {
      const taken = slots[slot] ?? 0;
      if (taken !== 0) this.#place(taken, hashes[slot] ?? 0);
    }
  }
}

/**
 * A hash of a text's characters: 31-fold sums, then mixed (MurmurHash3's finaliser) so that codes
 * differing only in their last characters, as a county's do, still spread over the low bits a slot uses.
 */
function hashOf(text: string): number {
  let hash = 0;
  for (let at = 0; at < text.length; at += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(at)) | 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
