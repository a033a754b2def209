/**
 * `pnpm test:consumers`: what npm and CDN users receive, tried as a new user would (needs `pnpm build`).
 *
 * 1. Packs every published package (`pnpm pack`) and checks each tarball against the sizes in the
 *    README's "Install from npm" table and against the allow-list below (no tests, no build info, no
 *    test runtime; the files each package must hold).
 * 2. Copies each app of `apps/` to a fresh directory outside the repository and installs it with the
 *    README's own `npm install …` line (the tarballs in place of the package names; everything else
 *    from the npm registry), then runs its `typecheck` (`skipLibCheck: false`) and production `build`.
 * 3. Serves each build on 127.0.0.1 and checks it in headless Chromium (check-page.mjs).
 *
 * `node test/consumers/run.mjs vite-ts webpack` runs only those apps. Ends with `N passed, N failed`.
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPage, launch, serve } from './check-page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const PACKAGES = ['core', 'adapters', 'elements', 'react', 'vue'];

/** Which files each tarball may hold (every path must match one), and which it must. */
const COMMON = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^dist\/.+\.(js|d\.ts)(\.map)?$/, /^src\/.+\.ts$/];
const ALLOWED = {
  core: [...COMMON],
  adapters: [...COMMON],
  elements: [
    ...COMMON,
    /^cdn\/(elements\/)?(chunks\/)?[\w.-]+\.js$/,
    /^cdn\/(elements\/)?integrity\.json$/,
    /^custom-elements\.json$/,
    /^vscode\.html-custom-data\.json$/,
    /^web-types\.json$/,
  ],
  react: [...COMMON],
  vue: [...COMMON],
};
const FORBIDDEN = [/\.test\.[jt]s/, /\.tsbuildinfo$/, /(^|\/)test\//, /\.typecheck\./, /\.stories\./];
const REQUIRED = {
  core: ['dist/index.js', 'dist/index.d.ts', 'dist/memory/demo.js'],
  adapters: ['dist/rest/index.js', 'dist/rest/index.d.ts'],
  elements: [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/map/map.worker.js',
    'dist/translations/fr.js',
    'cdn/civic-kit.js',
    'cdn/integrity.json',
    'cdn/elements/civic-initiative-card.js',
    'cdn/elements/integrity.json',
    'custom-elements.json',
  ],
  react: ['dist/index.js', 'dist/index.d.ts', 'dist/jsx.d.ts'],
  vue: ['dist/index.js', 'dist/index.d.ts'],
};

/** Each app: the README command it installs with, and the tags its page shows. */
const EVERY_TAG = [
  'civic-provider',
  'civic-initiative-card',
  'civic-poll',
  'civic-initiative-list',
  'civic-map',
  'civic-map-pin',
  'civic-find-the-others',
];
const APPS = {
  'vite-ts': { install: 'npm install @civic-kit/elements', tags: EVERY_TAG },
  'vite-react': {
    install: 'npm install @civic-kit/elements @civic-kit/react',
    tags: EVERY_TAG,
    pages: {
      'card.html': { tags: ['civic-initiative-card'] },
      'element.html': { tags: ['civic-initiative-card'] },
    },
    measure: true,
  },
  'vite-vue': { install: 'npm install @civic-kit/elements @civic-kit/vue', tags: EVERY_TAG },
  webpack: { install: 'npm install @civic-kit/elements', tags: EVERY_TAG },
  // Server-rendered by Eleventy's Lit plugin, then taken over by the CDN bundle.
  eleventy: { install: 'npm install @civic-kit/elements', tags: EVERY_TAG, serverRendered: true },
  'html-cdn': {
    install: 'npm install @civic-kit/elements',
    tags: EVERY_TAG,
    // A theme with a 62.5% root (body text set back to 16 px), Bootstrap 5 and Tailwind's preflight.
    pages: { 'host-62.html': { tags: EVERY_TAG, minTextPx: 12, axe: true } },
  },
};

const results = [];
const record = (name, problems) => {
  results.push({ name, problems });
  console.log(`${problems.length ? '✗' : '✓'} ${name}`);
  for (const p of problems) console.log(`    ${p}`);
};
const sh = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });

/** The README's "Install from npm" section: its `npm install` lines, its import lines, its size table. */
function readme() {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const start = text.indexOf('## Install from npm');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  const code = [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n'));
  const budgets = Object.fromEntries(
    [...section.matchAll(/^\| `@civic-kit\/(\w+)` \| (\d+) KB \| (\d+) KB \|$/gm)].map((m) => [
      m[1],
      { packed: Number(m[2]) * 1000, unpacked: Number(m[3]) * 1000 },
    ]),
  );
  return {
    installs: code.filter((l) => l.startsWith('npm install ')),
    imports: code.filter((l) => l.startsWith('import ')),
    budgets,
  };
}

function pack(dir) {
  mkdirSync(dir, { recursive: true });
  const tarballs = {};
  for (const name of PACKAGES) {
    const out = sh('pnpm', ['pack', '--pack-destination', dir], join(root, 'packages', name));
    const file = readdirSync(dir).find((f) => f.startsWith(`civic-kit-${name}-`) && f.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${name}:\n${out}`);
    tarballs[name] = join(dir, file);
  }
  return tarballs;
}

function checkTarball(name, file, budget) {
  const problems = [];
  // `tar tvzf`: permissions, owner, size, date, time, path.
  const entries = sh('tar', ['tvzf', file], here)
    .trim()
    .split('\n')
    .map((line) => {
      const parts = line.trim().split(/\s+/);
      return {
        size: Number(parts[2]),
        path: parts
          .slice(5)
          .join(' ')
          .replace(/^package\//, ''),
      };
    })
    .filter((e) => !e.path.endsWith('/'));
  const packed = statSync(file).size;
  const unpacked = entries.reduce((n, e) => n + e.size, 0);
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  console.log(`  @civic-kit/${name}: ${entries.length} files, ${kb(packed)} packed, ${kb(unpacked)} unpacked`);
  if (!budget) problems.push('no size in the README table');
  else {
    if (packed > budget.packed) problems.push(`packed ${kb(packed)} is over the README's ${kb(budget.packed)}`);
    if (unpacked > budget.unpacked)
      problems.push(`unpacked ${kb(unpacked)} is over the README's ${kb(budget.unpacked)}`);
  }
  for (const { path } of entries) {
    if (FORBIDDEN.some((re) => re.test(path))) problems.push(`ships ${path}`);
    else if (!ALLOWED[name].some((re) => re.test(path))) problems.push(`not on the allow-list: ${path}`);
  }
  for (const path of REQUIRED[name]) if (!entries.some((e) => e.path === path)) problems.push(`lacks ${path}`);
  const pkg = JSON.parse(sh('tar', ['xzOf', file, 'package/package.json'], here));
  for (const field of ['license', 'repository', 'homepage', 'bugs', 'types'])
    if (!pkg[field] && !(field === 'types' && !pkg.exports['.'])) problems.push(`package.json has no ${field}`);
  for (const [dep, range] of Object.entries(pkg.dependencies ?? {}))
    if (/^(lit|@lit\/|@lit-labs\/)/.test(dep) && !range.startsWith('^')) problems.push(`${dep} is pinned (${range})`);
  if (JSON.stringify(pkg).includes('workspace:')) problems.push('package.json still names workspace: ranges');
  return problems;
}

/** The README's line with each package name replaced by its tarball and those of its @civic-kit dependencies. */
function installArgs(line, tarballs) {
  const deps = { core: [], adapters: ['core'], elements: ['core', 'adapters'], react: ['elements'], vue: ['elements'] };
  const names = new Set();
  const add = (n) => {
    if (names.has(n)) return;
    names.add(n);
    deps[n].forEach(add);
  };
  const words = line.split(/\s+/).slice(2);
  for (const w of words) {
    const m = /^@civic-kit\/(\w+)$/.exec(w);
    if (!m) throw new Error(`the README's line names ${w}, which this test cannot install from a tarball`);
    add(m[1]);
  }
  return [...names].map((n) => tarballs[n]);
}

/**
 * What the card alone adds to a React app (card.html minus react.html, the JavaScript each page loads
 * at once, gzip -9 per file) may be no more than the card's own entry bundled by the same Vite
 * (element.html) and 1.5 KB for the @lit/react wrapper.
 */
function measureReactCard(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const files = (page) => new Set([...closure(page)].map((k) => manifest[k].file));
  const gz = (set) => [...set].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  const react = files('react.html');
  const added = (page) => gz(new Set([...files(page)].filter((f) => !react.has(f))));
  const card = added('card.html');
  const everything = added('index.html');
  const element = gz(files('element.html'));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `  React app, gzip: the card alone adds ${kb(card)} (the card's own entry: ${kb(element)}); every component adds ${kb(everything)}`,
  );
  return card <= element + 1536
    ? []
    : [`the card alone adds ${kb(card)}, more than its entry's ${kb(element)} + 1.5 KB`];
}

const run = (cmd, args, cwd) => {
  try {
    sh(cmd, args, cwd);
    return [];
  } catch (e) {
    return [`${cmd} ${args.join(' ')} failed:\n${`${e.stdout ?? ''}\n${e.stderr ?? ''}`.trim().slice(-4000)}`];
  }
};

const only = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'civic-consumers-'));
const { installs, imports, budgets } = readme();
console.log(`Packing into ${work}`);
const tarballs = pack(join(work, 'tarballs'));
for (const name of PACKAGES) record(`tarball @civic-kit/${name}`, checkTarball(name, tarballs[name], budgets[name]));

// The README's import lines are the first lines of the TypeScript app.
const main = readFileSync(join(here, 'apps/vite-ts/src/main.ts'), 'utf8');
record(
  "the README's import lines are in apps/vite-ts/src/main.ts",
  imports.filter((l) => !main.includes(l.replace(/\s*\/\/.*$/, ''))).map((l) => `missing: ${l}`),
);

const browser = await launch();
try {
  for (const [name, app] of Object.entries(APPS)) {
    if (only.length && !only.includes(name)) continue;
    const dir = join(work, 'apps', name);
    cpSync(join(here, 'apps', name), dir, {
      recursive: true,
      filter: (src) => !/node_modules|dist/.test(src.slice(here.length)),
    });
    const line = installs.find((l) => l === app.install);
    if (!line) {
      record(`${name}: install`, [`the README has no line "${app.install}"`]);
      continue;
    }
    const started = Date.now();
    let problems = run('npm', ['install', '--no-audit', '--no-fund', ...installArgs(line, tarballs)], dir);
    record(`${name}: ${line} (${Math.round((Date.now() - started) / 1000)} s)`, problems);
    if (problems.length) continue;
    const scripts = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts;
    if (scripts.typecheck) record(`${name}: type check`, run('npm', ['run', '-s', 'typecheck'], dir));
    problems = run('npm', ['run', '-s', 'build'], dir);
    record(`${name}: production build`, problems);
    if (problems.length || !existsSync(join(dir, 'dist/index.html'))) continue;
    if (app.serverRendered) {
      const built = readFileSync(join(dir, 'dist/index.html'), 'utf8');
      const shown = [
        'civic-initiative-card',
        'civic-poll',
        'civic-initiative-list',
        'civic-map',
        'civic-find-the-others',
      ];
      record(
        `${name}: the server wrote each element's shadow root into the page`,
        shown
          .filter((tag) => !new RegExp(`<${tag}[^>]*>\\s*<template shadowroot(mode)?="open"`).test(built))
          .map((tag) => `<${tag}> has no declarative shadow root`),
      );
    }
    if (app.measure)
      record(`${name}: the card alone costs no more than its own entry`, measureReactCard(join(dir, 'dist')));
    const { origin, server } = await serve(join(dir, 'dist'));
    try {
      record(`${name}: every element renders and a vote is counted`, await checkPage(browser, `${origin}/`, app));
      for (const [page, options] of Object.entries(app.pages ?? {}))
        record(
          `${name}: ${page} renders${options.minTextPx ? `, no text below ${options.minTextPx} px, axe clean` : ''}`,
          await checkPage(browser, `${origin}/${page}`, { vote: false, ...options }),
        );
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
}

const failed = results.filter((r) => r.problems.length).length;
if (!failed && !process.env.KEEP_CONSUMERS) rmSync(work, { recursive: true, force: true });
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
