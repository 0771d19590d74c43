// Benchmark of the batch comparison in the page (printed, not a test): N replies of about 20 KB
// (made by `cargo run --release --example compare_batch -- DIR N`) dropped at once; time from the
// drop to the matrix drawn with every file, the main thread's long tasks meanwhile, its JS heap;
// and `foi-analyser compare` on the same files.
//
//   node bench-compare.mjs DIR
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, checkBuilt, dropFiles, launch, openPage, serveDist } from './lib.mjs';

checkBuilt();
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench-compare.mjs DIR');
  process.exit(2);
}
const names = readdirSync(dir).sort();
const files = names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);

const t = process.hrtime.bigint();
const r = spawnSync(CLI, ['compare', '-o', '/dev/null', dir]);
const cliMs = Number(process.hrtime.bigint() - t) / 1e6;
if (r.status !== 0) throw new Error(`CLI: ${r.stderr}`);

const srv = await serveDist();
const browser = await launch();
const { page } = await openPage(browser, srv.url, { viewport: { width: 1280, height: 900 } });
await page.evaluate(() => window.foiAnalyser.timings.warm || new Promise((ok) => setTimeout(ok, 1500)));
const heapBefore = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : null);
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); for (const e of list.getEntries()) (window.__longAt = window.__longAt || []).push([Math.round(e.startTime - (window.__t0 || 0)), Math.round(e.duration)]); })
    .observe({ type: 'longtask', buffered: false });
  window.__t0 = null;
  document.addEventListener('drop', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
});
await dropFiles(page, files);
// The matrix draws a window of rows (all of them up to 60): done with every file in it.
await page.waitForFunction((n) => document.body.dataset.state === 'done' &&
  document.querySelector('[data-testid="matrix"]').dataset.rows === String(n) &&
  document.querySelectorAll('[data-testid="matrix"] tbody tr[data-reply]').length === Math.min(n, 60),
files.length, { timeout: 300000, polling: 20 });
// Then the first frame with it.
await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
const res = await page.evaluate(() => ({ ms: performance.now() - window.__t0, long: window.__long,
  heap: performance.memory ? performance.memory.usedJSHeapSize : null, cores: navigator.hardwareConcurrency,
  stats: window.foiCompare.stats, longAt: window.__longAt,
  wasmMs: window.foiAnalyser.timings.analyses.slice(-400).reduce((n, a) => n + (a.ms || 0), 0) }));
await browser.close();
await srv.close();
const mb = (n) => (n / 1e6).toFixed(1);
console.log(`${files.length} replies, ${mb(bytes)} MB (${Math.round(bytes / files.length / 1000)} KB each)`);
console.log(`foi-analyser compare: ${Math.round(cliMs)} ms (process, wide CSV)`);
console.log(`page (${res.cores} workers): drop -> matrix of every reply drawn ${Math.round(res.ms)} ms`);
console.log(`page main thread: ${res.long.length} long tasks, longest ${Math.round(Math.max(0, ...res.long))} ms, ` +
  `${res.long.filter((d) => d > 100).length} over 100 ms`);
console.log(`page: the engine's own time in the workers, summed: ${Math.round(res.wasmMs)} ms`);
console.log(`page long tasks [start ms after the drop, ms]: ${JSON.stringify(res.longAt || [])}`);
console.log(`page stages: ${JSON.stringify(res.stats, (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
if (res.heap !== null) console.log(`page main-thread JS heap: ${mb(heapBefore)} MB before, ${mb(res.heap)} MB after`);
