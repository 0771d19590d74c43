#!/usr/bin/env node
// Assembles the page from www/ and the wasm-bindgen output (called by scripts/build-page.sh).
//
//   node scripts/assemble-page.mjs BINDGEN_DIR DIST_DIR
//
// Writes DIST_DIR/{index.html, app.js, worker.js, style.css, foi_analyser_wasm.js,
// foi_analyser_wasm_bg.wasm}, the on-demand modules (the formats module, the batch module, the
// PDF reader built from the vendored pdfjs-dist) and the self-contained
// DIST_DIR/foi-analyser.html (every script, the styles and every module inline; works from
// file://). Each HTML file carries a Content-Security-Policy that allows no network but the
// page's own files: the single file allows nothing but its own inline script and style (by
// hash), WebAssembly and Blob-URL workers. Prints every module's size, raw and gzipped.
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
// www/readers.js (the on-demand readers) runs before app.js and www/compare.js (the batch
// comparison) after it, in the same script.
const app = `${www('readers.js')}\n${www('app.js')}\n${www('compare.js')}`;
const worker = www('worker.js');
const css = www('style.css');
const example = www('example.txt');
const glue = readFileSync(join(bindgen, 'foi_analyser_wasm.js'), 'utf8');
const wasm = readFileSync(join(bindgen, 'foi_analyser_wasm_bg.wasm'));
// The batch module (scripts/build-batch-wasm.sh): fetched while the page loads, compiled only
// when several files are dropped.
const batchGlue = readFileSync(join(bindgen, 'foi_analyser_batch.js'), 'utf8');
const batchWasm = readFileSync(join(bindgen, 'foi_analyser_batch_bg.wasm'));
// The formats module (scripts/build-wasm-module.sh formats): loaded when an e-mail, Word, Excel,
// OpenDocument, zip or HTML file is dropped.
const formatsGlue = readFileSync(join(bindgen, 'foi_analyser_formats.js'), 'utf8');
const formatsWasm = readFileSync(join(bindgen, 'foi_analyser_formats_bg.wasm'));
const formatsWorker = www('formats-worker.js');

// The PDF reader: PDF.js from vendor/node_modules (scripts/prereqs.sh installs it with npm ci)
// made into one classic worker script, loaded when a PDF is dropped. PDF.js is published as two
// ES modules (its API and its worker half); a classic script keeps the page's workers alike
// (Blob-URL workers, which also work from file://). Each module's code runs in a function of
// its own, its `export {…}` turned into the function's result, `import.meta.url` (used only by
// code for Node and by image codecs that text extraction does not run) into the worker's own
// URL. The worker half runs with `self` hidden, so that it does not take over this worker's
// messages as it would in a worker of its own; it sets globalThis.pdfjsWorker, with which the
// API runs it in this same thread and loads no worker file.
const pdfjsDir = join(root, 'vendor', 'node_modules', 'pdfjs-dist');
const pdfjsVersion = JSON.parse(readFileSync(join(pdfjsDir, 'package.json'), 'utf8')).version;
function moduleAsFunction(file, hideSelf) {
  const src = readFileSync(join(pdfjsDir, 'build', file), 'utf8');
  const exports = [...src.matchAll(/export\s*\{([^}]*)\}\s*;?/g)];
  if (exports.length !== 1 || src.slice(exports[0].index + exports[0][0].length).trim() !== '') {
    throw new Error(`pdfjs-dist ${file}: expected one export {…} at its end; the PDF reader's build needs updating`);
  }
  if (/^\s*import[\s{*]/m.test(src)) throw new Error(`pdfjs-dist ${file}: has static imports`);
  const names = exports[0][1].split(',').map((e) => e.trim()).filter(Boolean).map((e) => {
    const [local, exported] = e.split(/\s+as\s+/);
    return exported ? `${JSON.stringify(exported)}: ${local}` : local;
  });
  const body = src.slice(0, exports[0].index).replaceAll('import.meta.url', 'globalThis.location.href');
  return `(async function (${hideSelf ? 'self' : ''}) {\n'use strict';\n${body}\nreturn { ${names.join(', ')} };\n})()`;
}
const pdfReader = [
  `// PDF.js ${pdfjsVersion} (pdfjs-dist, Apache-2.0: pdfjs-LICENSE.txt) and www/pdf-worker.js, made by`,
  '// scripts/assemble-page.mjs. A classic worker script; it fetches nothing.',
  "'use strict';",
  `const pdfjsReady = (async () => {\nawait ${moduleAsFunction('pdf.worker.min.mjs', true)};`,
  `return ${moduleAsFunction('pdf.min.mjs', false)};\n})();`,
  www('pdf-worker.js'),
].join('\n');

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
  "require-trusted-types-for 'script'", 'trusted-types foi-worker foi-batch-worker foi-reader-worker'];
const exampleText = scriptSafe('www/example.txt', `\n${example}`);

// dist/index.html: served over HTTP. The only requests it may make are for its own files: while
// it loads (connect-src 'self' for the .wasm, script-src 'self' for the scripts), and, when a
// dropped file needs one, for an on-demand reader (the formats module, the PDF reader).
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
  `<script type="text/plain" id="formats-glue-src">${scriptSafe('the formats glue', formatsGlue)}</script>`,
  `<script type="text/plain" id="formats-worker-src">${scriptSafe('www/formats-worker.js', formatsWorker)}</script>`,
  `<script type="application/octet-stream" id="formats-wasm-src">${formatsWasm.toString('base64')}</script>`,
  `<script type="text/plain" id="pdf-src">${scriptSafe('the PDF reader (pdfjs-dist)', pdfReader)}</script>`,
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
writeFileSync(join(dist, 'foi_analyser_formats.js'), formatsGlue);
writeFileSync(join(dist, 'formats-worker.js'), formatsWorker);
copyFileSync(join(bindgen, 'foi_analyser_formats_bg.wasm'), join(dist, 'foi_analyser_formats_bg.wasm'));
writeFileSync(join(dist, 'pdf-reader.js'), pdfReader);
copyFileSync(join(pdfjsDir, 'LICENSE'), join(dist, 'pdfjs-LICENSE.txt'));
writeFileSync(join(dist, 'foi-analyser.html'), singleHtml);

// Every module the page may load, gzipped (what a server with compression sends): the start-up
// module, the on-demand ones, and the JavaScript each needs.
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const gzip = (x) => gzipSync(x, { level: 9 }).length;
const modules = [
  { key: 'startup', file: 'foi_analyser_wasm_bg.wasm', bytes: wasm, glue: glue, when: 'at start-up' },
  { key: 'formats', file: 'foi_analyser_formats_bg.wasm', bytes: formatsWasm, glue: `${formatsGlue}\n${formatsWorker}`, when: 'when an e-mail, Word, Excel, OpenDocument, zip or HTML file is dropped' },
  { key: 'batch', file: 'foi_analyser_batch_bg.wasm', bytes: batchWasm, glue: batchGlue, when: 'for a batch (fetched at load, compiled when used)' },
  { key: 'pdf', file: 'pdf-reader.js', bytes: Buffer.from(pdfReader), glue: '', when: `when a PDF is dropped (PDF.js ${pdfjsVersion})` },
];
const sizes = {};
for (const m of modules) {
  const gz = gzip(m.bytes);
  const glueGz = m.glue ? gzip(m.glue) : 0;
  sizes[m.key] = { file: m.file, bytes: m.bytes.length, gzip: gz, glue_gzip: glueGz };
  console.log(`${`dist/${m.file}`.padEnd(34)} ${kb(m.bytes.length).padStart(11)}, gzip -9 ${kb(gz).padStart(10)}` +
    `${glueGz ? ` (+${kb(glueGz)} JS)` : ''}: ${m.when}`);
}
const notPdf = modules.filter((m) => m.key !== 'pdf').reduce((n, m) => n + sizes[m.key].gzip, 0);
console.log(`every module but PDF.js together: gzip -9 ${kb(notPdf)} (${notPdf} bytes); ` +
  `start-up + formats: ${kb(sizes.startup.gzip + sizes.formats.gzip)}`);
const single = Buffer.byteLength(singleHtml);
console.log(`dist/foi-analyser.html             ${kb(single)} (gzip -9: ${kb(gzip(singleHtml))})`);
writeFileSync(join(dist, 'sizes.json'), `${JSON.stringify({
  wasm: wasm.length, wasm_gzip: sizes.startup.gzip, batch_wasm: batchWasm.length, batch_wasm_gzip: sizes.batch.gzip,
  modules: sizes, all_but_pdf_gzip: notPdf, single_html: single,
}, null, 2)}\n`);
