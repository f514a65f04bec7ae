#!/usr/bin/env node
// `pnpm build`: JavaScript that runs with plain `node`, no TypeScript loader and no dev dependency.
//
// Every .ts under packages/*/src and apps/*/src (tests excepted, and the pages' browser code, which is
// bundled instead) is transpiled one file to one file into that package's dist/, keeping the folder
// layout, so that `new URL('./x.js', import.meta.url)` (a worker file, a data file) finds its neighbour
// in dist/ as it does in src/. JSON files beside the source are copied. Packages resolve each other
// through their `exports`' default condition (dist/); the `@mujun/source` condition stays for tools
// that run the TypeScript (tsx, vitest). Type checking is `pnpm typecheck`'s job, not this one's:
// esbuild transpiles a file without reading its neighbours, in about a second for the whole workspace.
//
// The pages' client is bundled and minified here into apps/api/dist/web/assets/, which the server
// then serves as files (with no esbuild at run time); from source it bundles them at start instead.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The projects: every folder under packages/ and apps/ with a package.json and a src/. */
async function projects() {
  const found = [];
  for (const group of ['packages', 'apps']) {
    for (const entry of await readdir(join(ROOT, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(ROOT, group, entry.name);
      const names = await readdir(dir);
      if (names.includes('package.json') && names.includes('src')) found.push(dir);
    }
  }
  return found;
}

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** The pages' browser code: bundled, not transpiled file by file. */
const CLIENT = join(ROOT, 'apps/api/src/web/client');

function compiled(path) {
  if (path.startsWith(CLIENT + '/')) return false;
  if (path.endsWith('.test.ts') || path.endsWith('.d.ts')) return false;
  return path.endsWith('.ts');
}

async function buildProject(dir) {
  const src = join(dir, 'src');
  const dist = join(dir, 'dist');
  await rm(dist, { recursive: true, force: true });
  let count = 0;
  const jobs = [];
  for await (const path of files(src)) {
    const target = join(dist, relative(src, path));
    if (compiled(path)) {
      count += 1;
      jobs.push(
        (async () => {
          const source = await readFile(path, 'utf8');
          const out = await transform(source, {
            loader: 'ts',
            format: 'esm',
            // The oldest Node.js package.json's engines allow: import attributes (`with { type: 'json' }`).
            target: 'node20.19',
            sourcefile: relative(ROOT, path),
          });
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target.replace(/\.ts$/, '.js'), out.code);
        })(),
      );
    } else if (path.endsWith('.json') && !path.startsWith(CLIENT + '/')) {
      jobs.push(
        (async () => {
          await mkdir(dirname(target), { recursive: true });
          await copyFile(path, target);
        })(),
      );
    }
  }
  await Promise.all(jobs);
  return count;
}

async function buildClient() {
  const out = join(ROOT, 'apps/api/dist/web/assets');
  await mkdir(out, { recursive: true });
  const options = {
    bundle: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    conditions: ['@mujun/source'],
  };
  await Promise.all([
    build({ ...options, entryPoints: [join(CLIENT, 'main.ts')], outfile: join(out, 'app.js') }),
    build({ ...options, entryPoints: [join(CLIENT, 'self-check.ts')], outfile: join(out, 'self-check.js') }),
    copyFile(join(CLIENT, 'app.css'), join(out, 'app.css')),
  ]);
}

/**
 * The `mujun` command: its entry bundled with the workspace libraries and their pure-JavaScript
 * dependencies into a few files (split at each command's dynamic import, so `grade` loads no more than
 * grading needs). Loading ~270 small modules one by one costs Node.js about as much again as a grade
 * of the sample; a bundle is read and compiled in one go. Left outside the bundle and resolved from
 * apps/cli/node_modules as usual: the server package (@mujun/api, with its native better-sqlite3 and
 * argon2, its migrations and its worker files, which need their own folder layout) and exceljs (loaded
 * lazily, only when a workbook is written). The per-file output stays beside it in dist/.
 */
async function bundleCli() {
  const EXTERNAL = new Set(['@mujun/api', 'exceljs']);
  await build({
    entryPoints: { main: join(ROOT, 'apps/cli/src/main.ts') },
    outdir: join(ROOT, 'apps/cli/dist'),
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    charset: 'utf8',
    // Minified: less for V8 to read at every start (zod alone is ~600 kB of source). Names are kept,
    // so a stack trace still names the function.
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    conditions: ['@mujun/source'],
    // The CommonJS dependencies inside (yauzl, saxes's neighbours) call require(): give them Node's.
    banner: {
      js: "import { createRequire as mujunCreateRequire } from 'node:module'; const require = mujunCreateRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'mujun-external',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('node:') || EXTERNAL.has(args.path) ? { external: true } : undefined,
          );
        },
      },
    ],
  });
}

const started = performance.now();
let total = 0;
for (const dir of await projects()) {
  total += await buildProject(dir);
}
await Promise.all([buildClient(), bundleCli()]);
process.stdout.write(
  `built ${total} modules and the pages' client in ${Math.round(performance.now() - started)} ms\n`,
);
