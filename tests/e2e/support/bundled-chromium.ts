import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * A headless Chromium that needs nothing but `pnpm install`: @sparticuz/chromium ships one (brotli-packed,
 * with the NSS libraries it links and a Latin font), @expo-google-fonts/noto-sans-sc the Chinese font it
 * lacks. Both are devDependencies of the tests package.
 *
 * Unpacked once per machine into `$TMPDIR/mujun-chromium-<version>/`: sparticuz's own `executablePath()`
 * unpacks into the temporary directory, so it runs in a child process whose TMPDIR is a fresh staging
 * directory, which is then renamed into place (atomic: test files starting in parallel may each unpack,
 * the first rename wins, and no browser ever starts from a half-written directory).
 *
 * The browser gets a fontconfig file of its own listing only the bundled fonts (never the system's), so a
 * test run with the bundled browser shows what a machine without any font package would show.
 */

const require = createRequire(import.meta.url);

export interface BundledChromium {
  readonly executablePath: string;
  /** Sparticuz's recommended flags, less those that weaken the page's security (see below). */
  readonly args: readonly string[];
  /** FONTCONFIG_FILE and LD_LIBRARY_PATH for the browser process. */
  readonly env: Readonly<Record<string, string>>;
  /** Milliseconds spent unpacking now; 0 when an earlier run had unpacked it already. */
  readonly unpackMs: number;
}

/**
 * Dropped from sparticuz's flags: they switch off the same-origin policy and mixed-content blocking, which
 * the page tests rely on seeing as a user's browser has them; and its `--headless='shell'`, since
 * Playwright passes `--headless` itself.
 */
const UNSAFE = [
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  "--headless='shell'",
];

function packageDirectory(name: string): string {
  // Both packages export their entry point only; their root is found from it.
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** The CJK font files: Noto Sans SC, regular and bold, as TrueType. */
function cjkFontDirectories(): string[] {
  const root = packageDirectory('@expo-google-fonts/noto-sans-sc');
  return ['400Regular', '700Bold'].map((weight) => join(root, weight));
}

function fontsConf(directory: string): string {
  const dirs = [join(directory, 'fonts', 'fonts'), ...cjkFontDirectories()];
  const alias = (family: string, prefer: readonly string[]) =>
    `  <alias><family>${family}</family><prefer>${prefer.map((p) => `<family>${p}</family>`).join('')}</prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((dir) => `  <dir>${dir}</dir>`),
    `  <cachedir>${join(directory, 'fontconfig-cache')}</cachedir>`,
    // The pages ask for Noto Sans CJK SC (Debian's name) first; the npm package's family is Noto Sans SC.
    alias('Noto Sans CJK SC', ['Noto Sans SC']),
    alias('sans-serif', ['Open Sans', 'Noto Sans SC']),
    alias('serif', ['Open Sans', 'Noto Sans SC']),
    alias('monospace', ['Open Sans', 'Noto Sans SC']),
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Run in a child process with TMPDIR set to the staging directory: sparticuz unpacks into tmpdir(). */
const UNPACK = `
const [entry, bin] = process.argv.slice(1);
const { default: chromium, inflate } = await import(entry);
await chromium.executablePath();
await inflate(bin + '/al2023.tar.br');
`;

export async function bundledChromium(): Promise<BundledChromium> {
  const root = packageDirectory('@sparticuz/chromium');
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const directory = join(tmpdir(), `mujun-chromium-${version}`);
  let unpackMs = 0;
  if (!existsSync(join(directory, 'chromium'))) {
    const started = performance.now();
    const staging = await mkdtemp(join(tmpdir(), 'mujun-chromium-unpack-'));
    try {
      await promisify(execFile)(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          UNPACK,
          pathToFileURL(require.resolve('@sparticuz/chromium')).href,
          join(root, 'bin'),
        ],
        { env: { ...process.env, TMPDIR: staging } },
      );
      await rename(staging, directory);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      // Another test file unpacked it first: use theirs.
      if (!existsSync(join(directory, 'chromium'))) throw error;
    }
    unpackMs = Math.round(performance.now() - started);
  }
  // The fontconfig file names this checkout's font package, so it is one per checkout, not part of the
  // shared unpacked browser (a cached one would point into a checkout that may be gone).
  const conf = join(
    directory,
    `fonts-${createHash('sha256').update(cjkFontDirectories().join('\n')).digest('hex').slice(0, 16)}.conf`,
  );
  if (!existsSync(conf)) {
    const partial = `${conf}.${process.pid}`;
    await writeFile(partial, fontsConf(directory));
    await rename(partial, conf);
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  const libraries = join(directory, 'al2023', 'lib');
  return {
    executablePath: join(directory, 'chromium'),
    args: chromium.args.filter((arg) => !UNSAFE.includes(arg)),
    env: {
      FONTCONFIG_FILE: conf,
      LD_LIBRARY_PATH: [libraries, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':'),
    },
    unpackMs,
  };
}
