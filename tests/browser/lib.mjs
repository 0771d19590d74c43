// Shared helpers of the browser tests and the benchmark: a static server for dist/, headless
// Chromium driven by playwright-core, the native CLI, the corpus and the page's test ids.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// FOI_ROOT: test another checkout's build (dist/, target/) with these tests.
export const ROOT = resolve(process.env.FOI_ROOT || resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
export const DIST = join(ROOT, 'dist');
export const CORPUS = resolve(ROOT, process.env.FOI_CORPUS || '../shared/corpus');
export const CLI = resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target', 'release', 'foi-analyser');
export const ARTIFACTS = join(ROOT, 'tests', 'browser', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const tid = (id) => `[data-testid="${id}"]`;

export function checkBuilt() {
  for (const f of [join(DIST, 'index.html'), join(DIST, 'foi-analyser.html'), CLI]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run scripts/build-page.sh and cargo build --release first`);
  }
}

// ---- Static server for dist/ that counts every request it answers ----

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
};

export async function serveDist() {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, hits, close: () => new Promise((ok) => server.close(ok)) };
}

// ---- Chromium ----

export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'foi-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${userDataDir}`],
  }).catch(async () => chromium.launch({
    // Playwright manages the profile itself: retry without our own user-data-dir.
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }));
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return browser;
}

// A fresh context and page at `url`; collects console errors and uncaught exceptions.
export async function openPage(browser, url, opts = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...opts });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  await waitState(page, ['ready']);
  return { context, page };
}

export async function waitState(page, states, timeout = 30000) {
  await page.waitForFunction((s) => s.includes(document.body.dataset.state), states, { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

// Number of analyses the page has finished (results or failures).
const analysesDone = (page) => page.evaluate(() => window.foiAnalyser.timings.analyses.length);

// Runs `action` and waits until the page has a new result (done) or error.
export async function afterAnalysis(page, action, timeout = 60000) {
  const before = await page.evaluate(() => ({
    n: window.foiAnalyser.timings.analyses.length, restarts: window.foiAnalyser.restarts,
  }));
  await action();
  await page.waitForFunction((b) => {
    const st = document.body.dataset.state;
    if (st !== 'done' && st !== 'error') return false;
    return window.foiAnalyser.timings.analyses.length > b.n || window.foiAnalyser.restarts > b.restarts ||
      st === 'error';
  }, before, { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

export async function pasteAndAnalyse(page, text) {
  await page.fill(tid('input'), text);
  return afterAnalysis(page, () => page.click(tid('analyse')));
}

// Drops files on the page as a user would (a DataTransfer with File objects).
export async function dropFiles(page, files, target = 'body') {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64'), type: f.type || '' }));
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      d.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return d;
  }, payload);
  await page.dispatchEvent(target, 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent(target, 'dragover', { dataTransfer: dt });
  await page.dispatchEvent(target, 'drop', { dataTransfer: dt });
}

export async function rows(page) {
  return page.$$eval(tid('answer-row'), (trs) => trs.map((tr) => ({ id: tr.dataset.qid, status: tr.dataset.status })));
}

export async function downloadBytes(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid(testid))]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

// ---- The CLI ----

// `foi-analyser --format FORMAT NAME` run in `cwd` (so the source name in the output is NAME),
// or with `input` on standard input when `name` is '-'.
export function cli(format, name, { cwd = ROOT, input } = {}) {
  const r = spawnSync(CLI, ['--format', format, name], { cwd, input, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r.stdout;
}

// ---- The corpus ----

export function goldCases() {
  const dir = join(CORPUS, 'gold');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const file = join(CORPUS, gold.file);
    return { goldName: f, gold, file, name: basename(file), dir: dirname(file) };
  });
}

// The scorer's id normalisation (Q4a = 4a = 4(a)): shared/tools/score.py norm_id.
export function normId(s) {
  return String(s).trim().toLowerCase().replace(/^(question|q)\s*/, '').replace(/[\s().\-_:]/g, '');
}
