import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { Router } from 'express';
import type { Response } from 'express';
import { VERSION } from '../version.js';

/**
 * The web pages under `/app/`: one HTML shell, one stylesheet and one ES module, bundled from the
 * TypeScript in `client/` with esbuild: by `pnpm build` into dist/web/assets/, which the compiled server
 * reads at start; run from source (no such folder beside this file), in memory when the server starts.
 * No CDN either way.
 * They are public static assets: every figure they show comes from the JSON API with the session
 * cookie the user signs in for, so the pages add no second back end and no second access rule.
 */

const CLIENT = fileURLToPath(new URL('../../src/web/client/', import.meta.url));
/** Where `pnpm build` writes the bundles (scripts/build.mjs): beside the compiled pages.js. */
const BUILT = fileURLToPath(new URL('./assets/', import.meta.url));

/** script-src 'self' and no inline anything: the page's only script is /app/app.js. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SHELL = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>亩均论英雄 · 企业综合评价</title>
<link rel="stylesheet" href="/app/app.css">
<script type="module" src="/app/app.js"></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top"><h1>亩均论英雄 · 企业综合评价</h1><div id="who" aria-live="polite"></div></header>
<main id="main" tabindex="-1"><p>正在加载…</p></main>
<noscript><p>本页面需要启用 JavaScript。</p></noscript>
<footer class="foot">亩均论英雄 mujun ${VERSION}</footer>
</body>
</html>
`;

/** The public self-check page (/check/{id}): no sign-in, its own script with the scoring library. */
const SELF_CHECK_SHELL = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>亩均论英雄 · 自助测算</title>
<link rel="stylesheet" href="/app/app.css">
<script type="module" src="/app/self-check.js"></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top"><h1>亩均论英雄 · 企业综合评价</h1></header>
<main id="main" tabindex="-1"><p>正在加载…</p></main>
<noscript><p>本页面需要启用 JavaScript。</p></noscript>
<footer class="foot">亩均论英雄 mujun ${VERSION}</footer>
</body>
</html>
`;

interface Assets {
  readonly js: string;
  readonly selfCheckJs: string;
  readonly css: string;
}

const BUNDLE: BuildOptions & { write: false } = {
  bundle: true,
  write: false,
  format: 'esm',
  target: 'es2022',
  charset: 'utf8',
  minify: true,
  legalComments: 'none',
  logLevel: 'silent',
  // The workspace packages' TypeScript source, as the server itself runs them.
  conditions: ['@mujun/source'],
};

let assets: Promise<Assets> | undefined;

async function builtAssets(): Promise<Assets | undefined> {
  try {
    const [js, selfCheckJs, css] = await Promise.all([
      readFile(`${BUILT}app.js`, 'utf8'),
      readFile(`${BUILT}self-check.js`, 'utf8'),
      readFile(`${BUILT}app.css`, 'utf8'),
    ]);
    return { js, selfCheckJs, css };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Read (compiled) or bundled (from source) once per process, on first use (the server's start warms it). */
export function webAssets(): Promise<Assets> {
  assets ??= (async () => {
    const built = await builtAssets();
    if (built !== undefined) return built;
    // esbuild only from source: a production install runs without it.
    const { build } = await import('esbuild');
    const [bundle, selfCheck, css] = await Promise.all([
      build({ ...BUNDLE, entryPoints: [`${CLIENT}main.ts`] }),
      build({ ...BUNDLE, entryPoints: [`${CLIENT}self-check.ts`] }),
      readFile(`${CLIENT}app.css`, 'utf8'),
    ]);
    const js = bundle.outputFiles[0]?.text;
    const selfCheckJs = selfCheck.outputFiles[0]?.text;
    if (js === undefined || selfCheckJs === undefined) {
      throw new Error('esbuild produced no bundle for the web client');
    }
    return { js, selfCheckJs, css };
  })();
  return assets;
}

function secure(res: Response, type: string): void {
  res.set({
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

/** The pages' router, mounted by app.ts before the API's 404. */
export function webRouter(): Router {
  // Strict: /app and /app/ are different paths (the first redirects to the second).
  const router = Router({ strict: true });
  // The server's address leads to the pages (a 303: a later landing page may take its place).
  router.get('/', (_req, res) => {
    res.redirect(303, '/app/');
  });
  router.get('/app', (_req, res) => {
    res.redirect(301, '/app/');
  });
  router.get('/app/', (_req, res) => {
    secure(res, 'text/html; charset=utf-8');
    res.send(SHELL);
  });
  router.get('/app/app.js', async (_req, res) => {
    const { js } = await webAssets();
    secure(res, 'text/javascript; charset=utf-8');
    res.send(js);
  });
  router.get('/app/self-check.js', async (_req, res) => {
    const { selfCheckJs } = await webAssets();
    secure(res, 'text/javascript; charset=utf-8');
    res.send(selfCheckJs);
  });
  // Public: the page holds no figure; it reads the published benchmarks from the public route.
  router.get('/check/:id', (_req, res) => {
    secure(res, 'text/html; charset=utf-8');
    res.send(SELF_CHECK_SHELL);
  });
  router.get('/app/app.css', async (_req, res) => {
    const { css } = await webAssets();
    secure(res, 'text/css; charset=utf-8');
    res.send(css);
  });
  return router;
}
