#!/usr/bin/env node
// Assembles the page from www/ and the wasm-bindgen output (called by scripts/build-page.sh).
//
//   node scripts/assemble-page.mjs BINDGEN_DIR DIST_DIR
//
// Writes DIST_DIR/{index.html, app.js, worker.js, style.css, foi_analyser_wasm.js,
// foi_analyser_wasm_bg.wasm} and the self-contained DIST_DIR/foi-analyser.html (every script,
// the styles and the .wasm inline; works from file://). Each HTML file carries a
// Content-Security-Policy that allows no network: the single file allows nothing but its own
// inline script and style (by hash), WebAssembly and a Blob-URL worker.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [bindgen, dist] = process.argv.slice(2);
if (!bindgen || !dist) {
  console.error('usage: assemble-page.mjs BINDGEN_DIR DIST_DIR');
  process.exit(2);
}

const www = (f) => readFileSync(join(root, 'www', f), 'utf8');
const template = www('index.html');
// www/compare.js (the batch comparison) runs after app.js, in the same script.
const app = `${www('app.js')}\n${www('compare.js')}`;
const worker = www('worker.js');
const css = www('style.css');
const example = www('example.txt');
const glue = readFileSync(join(bindgen, 'foi_analyser_wasm.js'), 'utf8');
const wasm = readFileSync(join(bindgen, 'foi_analyser_wasm_bg.wasm'));
// The batch module (scripts/build-batch-wasm.sh): fetched while the page loads, compiled only
// when several files are dropped.
const batchGlue = readFileSync(join(bindgen, 'foi_analyser_batch.js'), 'utf8');
const batchWasm = readFileSync(join(bindgen, 'foi_analyser_batch_bg.wasm'));

// Text put inside a <script> element must not be able to end it or open a comment there.
function scriptSafe(what, text) {
  if (/<\/script|<!--|<script/i.test(text)) {
    throw new Error(`${what} contains </script, <script or <!--: it cannot be inlined in a <script> element`);
  }
  return text;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function csp(directives) {
  return `<meta http-equiv="Content-Security-Policy" content="${directives.join('; ')}">`;
}

function fill(html, parts) {
  let out = html;
  for (const [marker, value] of Object.entries(parts)) {
    const tag = `<!-- build:${marker} -->`;
    if (!out.includes(tag)) throw new Error(`www/index.html lacks ${tag}`);
    out = out.split(tag).join(value);
  }
  return out;
}

// Trusted Types: the browser refuses any string put into an HTML or script sink (innerHTML,
// eval, ...); the page has one policy, for the Blob URL of its worker.
const common = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", 'img-src data:',
  "require-trusted-types-for 'script'", 'trusted-types foi-worker foi-batch-worker'];
const exampleText = scriptSafe('www/example.txt', `\n${example}`);

// dist/index.html: served over HTTP. The only request it may make is for its own files while
// it loads (connect-src 'self' for the .wasm, script-src 'self' for the scripts).
const indexHtml = fill(template, {
  csp: csp([...common, "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
    "connect-src 'self'", 'worker-src blob:']),
  // Start fetching the .wasm and the worker's sources while the page is parsed.
  style: ['<link rel="stylesheet" href="style.css">',
    ...['foi_analyser_wasm_bg.wasm', 'foi_analyser_wasm.js', 'worker.js', 'foi_analyser_batch.js',
      'foi_analyser_batch_bg.wasm']
      .map((f) => `<link rel="preload" href="${f}" as="fetch" crossorigin>`)].join('\n'),
  example: exampleText,
  inline: '',
  script: '<script src="app.js"></script>',
});

// dist/foi-analyser.html: one file, nothing to fetch at all.
const inline = [
  `<script type="text/plain" id="worker-src">${scriptSafe('the wasm-bindgen glue', glue)}\n` +
    `${scriptSafe('www/worker.js', worker)}</script>`,
  `<script type="application/octet-stream" id="wasm-src">${wasm.toString('base64')}</script>`,
  `<script type="text/plain" id="batch-glue-src">${scriptSafe('the batch glue', batchGlue)}</script>`,
  `<script type="application/octet-stream" id="batch-wasm-src">${batchWasm.toString('base64')}</script>`,
].join('\n');
const singleHtml = fill(template, {
  csp: csp([...common, `script-src ${sha256(app)} 'wasm-unsafe-eval'`, `style-src ${sha256(css)}`,
    'worker-src blob:']),
  style: `<style>${css}</style>`,
  example: exampleText,
  inline,
  script: `<script>${scriptSafe('www/app.js', app)}</script>`,
});

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'index.html'), indexHtml);
writeFileSync(join(dist, 'app.js'), app);
writeFileSync(join(dist, 'worker.js'), worker);
writeFileSync(join(dist, 'style.css'), css);
writeFileSync(join(dist, 'foi_analyser_wasm.js'), glue);
copyFileSync(join(bindgen, 'foi_analyser_wasm_bg.wasm'), join(dist, 'foi_analyser_wasm_bg.wasm'));
writeFileSync(join(dist, 'foi_analyser_batch.js'), batchGlue);
copyFileSync(join(bindgen, 'foi_analyser_batch_bg.wasm'), join(dist, 'foi_analyser_batch_bg.wasm'));
writeFileSync(join(dist, 'foi-analyser.html'), singleHtml);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gz = gzipSync(wasm, { level: 9 }).length;
const single = Buffer.byteLength(singleHtml);
console.log(`dist/foi_analyser_wasm_bg.wasm  ${kb(wasm.length)} (gzip -9: ${kb(gz)}, ${gz} bytes)`);
const batchGz = gzipSync(batchWasm, { level: 9 }).length;
console.log(`dist/foi_analyser_batch_bg.wasm ${kb(batchWasm.length)} (gzip -9: ${kb(batchGz)}), loaded for a batch only`);
console.log(`dist/foi-analyser.html          ${kb(single)} (gzip -9: ${kb(gzipSync(singleHtml, { level: 9 }).length)})`);
writeFileSync(join(dist, 'sizes.json'), `${JSON.stringify({ wasm: wasm.length, wasm_gzip: gz, batch_wasm: batchWasm.length, batch_wasm_gzip: batchGz, single_html: single }, null, 2)}\n`);
