import { availableParallelism } from 'node:os';
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords: argon2id (RFC 9106) with OWASP's minimum, m = 19 MiB, t = 2, p = 1, through
 * @node-rs/argon2, whose async functions run on libuv's thread pool, never on the event loop. At most
 * HASH_CONCURRENCY hashes run at once (a semaphore): a burst of sign-ins queues here instead of taking
 * every pool thread and every core from result lookups. On this machine one hash takes about 25–90 ms.
 */
export const ARGON2_PARAMETERS = {
  // The algorithm is the library's default, Argon2id (a const enum, not importable under
  // verbatimModuleSyntax); the test checks that hashes say $argon2id$.
  memoryCost: 19_456, // KiB = 19 MiB
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * One hash per core but one (the event loop keeps a core for lookups: with a hash on every core a
 * burst of sign-ins starved them), at least one and never more than 4 (the other pool threads stay
 * free for file and crypto work).
 */
export const HASH_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism() - 1));
/** Beyond this many waiting, a sign-in is refused as busy (503) rather than queued without bound. */
export const HASH_QUEUE_LIMIT = 1_000;

export class HashQueueFull extends Error {
  constructor() {
    super('too many password checks waiting');
    this.name = new.target.name;
  }
}

/** A counting semaphore with a bounded queue. */
export class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(
    permits: number,
    private readonly queueLimit: number,
  ) {
    this.#free = permits;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else {
      if (this.#waiting.length >= this.queueLimit) throw new HashQueueFull();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#free += 1;
      else next();
    }
  }
}

const hashing = new Semaphore(HASH_CONCURRENCY, HASH_QUEUE_LIMIT);

export function hashPassword(password: string): Promise<string> {
  return hashing.run(() => hash(password, ARGON2_PARAMETERS));
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return hashing.run(async () => {
    try {
      return await verify(stored, password);
    } catch {
      // A malformed stored hash never matches.
      return false;
    }
  });
}

let dummy: Promise<string> | undefined;

/**
 * For an unknown account, or one without a password yet: the same work as a real check, against a
 * hash of a random password, so the answer's timing does not tell whether the account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(`dummy-${randomInt(2 ** 40)}`);
  await verifyPassword(await dummy, password);
  return false;
}

const CLASSES: readonly RegExp[] = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];
export const PASSWORD_MAX = 128;

/** 等保 complexity, as the pages state it. */
export const PASSWORD_RULE =
  '密码至少 8 位，须包含大写字母、小写字母、数字、符号四类中的至少三类，且不得包含账号名。';

/**
 * Why a password is refused (in Chinese), or null: at least 8 characters (at most 128), three of the
 * four classes (upper, lower, digit, symbol), and not containing the account name (case-insensitive).
 */
export function passwordProblem(password: string, accountName: string): string | null {
  if (password.length < 8) return '密码至少 8 位。';
  if (password.length > PASSWORD_MAX) return `密码不能超过 ${PASSWORD_MAX} 位。`;
  const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号四类中的至少三类。';
  const name = accountName.trim().toLowerCase();
  if (name !== '' && password.toLowerCase().includes(name)) return '密码不得包含账号名。';
  return null;
}

/** Unambiguous characters (no 0/O, 1/l/I), for what a person copies from paper. */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@';

/** A temporary password: 14 characters, every class present, about 80 bits. */
export function temporaryPassword(): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => set.charAt(randomInt(set.length)));
  while (chars.length < 14) chars.push(all.charAt(randomInt(all.length)));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
