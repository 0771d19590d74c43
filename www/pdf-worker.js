// The PDF reader: PDF.js (pdfjs-dist, vendored into dist/ at build time) reads a PDF's text
// layer page by page, off the page's main thread. The page loads it only when a PDF is dropped
// (or found inside a dropped e-mail or zip).
//
// scripts/assemble-page.mjs builds dist/pdf-reader.js, a classic worker script: PDF.js's
// worker half (which sets globalThis.pdfjsWorker), then its API, each in a function of its own
// (`pdfjsReady` resolves to the API), then this file. With globalThis.pdfjsWorker set, PDF.js
// runs its "worker" in this same thread, so it loads nothing more: no worker file, no fonts, no
// character maps, no WebAssembly image codecs (text needs none of them). It fetches nothing at
// all: the bytes come in a message.
//
// Messages in:  {type: 'read', id, bytes: Uint8Array, maxPages}
// Messages out: {type: 'ready'} once, then {type: 'text', id, text} where `text` is what the
//               decoder takes (src/decode/pdf.rs, `Supplied`): the pages' text separated by form
//               feeds, or a NUL and why it could not be read (`damaged`, `encrypted`,
//               `too-many-pages:N`).
/* global pdfjsReady */

// The text of one page from PDF.js's text items, in the order the PDF draws them (the reading
// order of a letter; the CLI's reader keeps the same order): a new line where the baseline
// moves, a blank line where it jumps by more than one and a half times the type size (lines of
// a paragraph are about 1.2 times it apart), a space where a gap separates two items on a line.
function pageText(items) {
  let out = '';
  let prev = null; // {x, y, w, h} of the previous item with text
  let eol = false;
  for (const it of items) {
    if (typeof it.str !== 'string') continue; // marked-content markers
    const t = it.transform || [1, 0, 0, 1, 0, 0];
    const x = t[4];
    const y = t[5];
    const h = Math.abs(it.height || t[3] || 0) || 10;
    if (it.str !== '') {
      if (prev) {
        const dy = Math.abs(y - prev.y);
        const size = Math.max(h, prev.h);
        if (eol || dy > size * 0.5) {
          out = out.replace(/[ \t]+$/, '');
          out += dy > size * 1.5 ? '\n\n' : '\n';
        } else {
          const gap = x - (prev.x + prev.w);
          if (gap > size * 0.2 && !/\s$/.test(out) && !/^\s/.test(it.str)) out += ' ';
        }
      }
      out += it.str;
      prev = { x, y, w: it.width || 0, h };
      eol = false;
    }
    if (it.hasEOL) eol = true;
  }
  return `${out.replace(/[ \t]+$/, '')}\n`;
}

async function readPdf(bytes, maxPages) {
  const pdfjsLib = await pdfjsReady;
  let task = null;
  try {
    task = pdfjsLib.getDocument({
      data: bytes,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWasm: false,
      useWorkerFetch: false,
      disableAutoFetch: true,
      disableStream: true,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    const doc = await task.promise;
    if (doc.numPages > maxPages) return `\0too-many-pages:${doc.numPages}`;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(pageText(content.items));
        page.cleanup();
      } catch (err) {
        pages.push(''); // a page that cannot be read is left empty; the others go on
      }
    }
    return pages.join('\f');
  } catch (err) {
    const name = (err && err.name) || '';
    if (name === 'PasswordException') return '\0encrypted';
    return '\0damaged';
  } finally {
    if (task) task.destroy().catch(() => {});
  }
}

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type !== 'read') return;
  const text = await readPdf(m.bytes, m.maxPages || 2000);
  self.postMessage({ type: 'text', id: m.id, text });
};
pdfjsReady.then(() => self.postMessage({ type: 'ready' }),
  (err) => self.postMessage({ type: 'fatal', message: String((err && err.message) || err) }));
