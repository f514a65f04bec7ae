#!/usr/bin/env node
// `pnpm release [--out <folder>]`: the archive a bureau's IT staff install, out/release/ by default.
//
//   mujun-<version>.tar.gz   one folder mujun-<version>/:
//     dist/main.js            the `mujun` command (plain node), bin/mujun a launcher for it
//     server.js               the server (imports @mujun/api/server, compiled)
//     node_modules/           the production dependencies only (`pnpm deploy --prod`), native ones built
//     deploy/                 the systemd unit and environment file template
//     THIRD-PARTY-NOTICES     name, version, licence and licence text of every bundled package
//     RELEASE                 version, commit, Node.js version and platform it was built for
//     SHA256SUMS              of every file above, for `sha256sum -c` after unpacking
//   SHA256SUMS                of the archive itself
//
// The version is the root package.json's; every workspace package must carry the same one. The archive
// holds native addons (better-sqlite3, argon2) built for this machine's platform and Node.js ABI: build
// it on the OS and major Node.js version it will run on.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = outIndex === -1 ? join(ROOT, 'out/release') : args[outIndex + 1];
if (OUT === undefined) throw new Error('--out needs a folder');

const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));

const version = (await readJson(join(ROOT, 'package.json'))).version;
for (const group of ['apps', 'packages']) {
  for (const name of await readdir(join(ROOT, group))) {
    const pkg = await readJson(join(ROOT, group, name, 'package.json')).catch(() => undefined);
    if (pkg !== undefined && pkg.version !== version) {
      throw new Error(`${group}/${name} is at ${pkg.version}, the release at ${version}: set one version`);
    }
  }
}

const NAME = `mujun-${version}`;
const STAGE = join(OUT, NAME);
const run = (command, commandArgs, options = {}) =>
  execFileSync(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });

// 1. Build, then deploy the CLI package (which depends on @mujun/api, so the server comes with it)
//    with its production dependencies only. --legacy: pnpm 10 otherwise wants inject-workspace-packages
//    for the whole workspace; the legacy deploy copies each workspace package's `files` (dist/) the same.
run(process.execPath, [join(ROOT, 'scripts/build.mjs')]);
run('pnpm', ['--filter', '@mujun/cli', 'deploy', '--prod', '--legacy', STAGE]);

// 2. The entry points, the service files and the notices.
await writeFile(
  join(STAGE, 'server.js'),
  "// The mujun server: `node server.js`, configured by the environment (deploy/mujun.env).\nimport '@mujun/api/server';\n",
);
await mkdir(join(STAGE, 'bin'), { recursive: true });
await writeFile(
  join(STAGE, 'bin/mujun'),
  // --single-threaded as the root `pnpm mujun` script: a batch command spends less CPU without V8's
  // background compile and collector threads (README, Speed).
  '#!/bin/sh\n# The mujun command: plain Node.js on the compiled CLI.\nexec node --single-threaded "$(dirname "$(readlink -f "$0")")/../dist/main.js" "$@"\n',
);
await chmod(join(STAGE, 'bin/mujun'), 0o755);
await cp(join(ROOT, 'deploy'), join(STAGE, 'deploy'), { recursive: true });
// The manuals travel with the program: the units' Documentation= points at them.
await cp(join(ROOT, 'docs'), join(STAGE, 'docs'), { recursive: true });
await cp(join(ROOT, 'README.md'), join(STAGE, 'README.md'));

/** Every real package folder under node_modules/.pnpm (pnpm's layout), with its package.json. */
async function bundledPackages(stage) {
  const store = join(stage, 'node_modules/.pnpm');
  const found = new Map();
  for (const entry of await readdir(store)) {
    const modules = join(store, entry, 'node_modules');
    let names;
    try {
      names = await readdir(modules);
    } catch {
      continue;
    }
    for (const name of names) {
      const dirs = name.startsWith('@')
        ? (await readdir(join(modules, name))).map((sub) => join(modules, name, sub))
        : [join(modules, name)];
      for (const dir of dirs) {
        // Only the package this .pnpm entry is for, not its symlinked dependencies.
        if ((await stat(dir).catch(() => undefined)) === undefined) continue;
        const real = execFileSync('readlink', ['-f', dir], { encoding: 'utf8' }).trim();
        if (!real.startsWith(join(store, entry) + '/')) continue;
        const pkg = await readJson(join(dir, 'package.json')).catch(() => undefined);
        if (pkg === undefined || pkg.name?.startsWith('@mujun/')) continue;
        found.set(`${pkg.name}@${pkg.version}`, { dir, pkg });
      }
    }
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * Packages that declare no licence at all, reviewed one by one: the archive says so rather than guess.
 * A new one fails the release until it is looked at and added here.
 */
const NO_DECLARED_LICENCE = new Map([
  [
    'buffers@0.1.1',
    'declares no licence and ships no licence file (github.com/substack/node-buffers; exceljs → unzipper → binary)',
  ],
]);

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'UNKNOWN';
}

const packages = await bundledPackages(STAGE);
const notices = [
  `Third-party software in mujun ${version}: ${packages.length} packages, with the licence each declares`,
  'and the licence text it ships (LICENSE, LICENCE, COPYING or NOTICE files).',
  '',
];
const unknown = [];
for (const [id, { dir, pkg }] of packages) {
  const reviewed = NO_DECLARED_LICENCE.get(id);
  const licence = reviewed === undefined ? licenceOf(pkg) : `UNDECLARED: ${reviewed}`;
  if (licence === 'UNKNOWN') unknown.push(id);
  notices.push(
    '='.repeat(78),
    `${id}  (${licence})${pkg.homepage ? `  ${pkg.homepage}` : ''}`,
    '='.repeat(78),
  );
  const texts = (await readdir(dir)).filter((file) => /^(licen[cs]e|copying|notice)/i.test(file)).sort();
  for (const file of texts) {
    notices.push(`--- ${file}`, (await readFile(join(dir, file), 'utf8')).trimEnd(), '');
  }
  if (texts.length === 0)
    notices.push('(no licence file shipped; the package.json declares the licence above)', '');
}
if (unknown.length > 0) throw new Error(`packages without a declared licence: ${unknown.join(', ')}`);
await writeFile(join(STAGE, 'THIRD-PARTY-NOTICES'), `${notices.join('\n')}\n`);

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
await writeFile(
  join(STAGE, 'RELEASE'),
  [
    `version ${version}`,
    `commit ${commit}`,
    `node ${process.version} (modules ABI ${process.versions.modules})`,
    `platform ${process.platform}-${process.arch}`,
    '',
  ].join('\n'),
);
if ((await stat(join(ROOT, 'LICENSE')).catch(() => undefined)) !== undefined) {
  await copyFile(join(ROOT, 'LICENSE'), join(STAGE, 'LICENSE'));
}

// 3. Checksums of every file (symlinks, pnpm's layout, are not files of their own), then the archive.
async function* regularFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* regularFiles(path);
    else if (entry.isFile()) yield path;
  }
}
const sha256 = async (path) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
const sums = [];
for await (const path of regularFiles(STAGE)) sums.push(`${await sha256(path)}  ${relative(STAGE, path)}`);
sums.sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1));
await writeFile(join(STAGE, 'SHA256SUMS'), `${sums.join('\n')}\n`);

const archive = `${NAME}.tar.gz`;
// Sorted names, no owner, one fixed time: the same tree gives the same archive.
execFileSync(
  'sh',
  [
    '-c',
    `tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - ${NAME} | gzip -n -9 > ${archive}`,
  ],
  { cwd: OUT, stdio: 'inherit' },
);
await writeFile(join(OUT, 'SHA256SUMS'), `${await sha256(join(OUT, archive))}  ${archive}\n`);
const size = (await stat(join(OUT, archive))).size;
process.stdout.write(
  `${join(OUT, archive)}: ${(size / 1024 / 1024).toFixed(1)} MiB, ${sums.length} files, ${packages.length} third-party packages\n`,
);
