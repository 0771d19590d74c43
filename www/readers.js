// FOI analyser: the on-demand readers. The start-up module reads text and CSV; a dropped file
// in another form is read by a module loaded only then, from the page's own files (or, in the
// single-file page, from the page itself), never from anywhere else:
//
//   formats  the formats module (wasm: e-mail, Word, Excel, OpenDocument, zip, HTML) in a
//            worker of its own; it decodes and the analysis worker analyses the text
//   pdf      PDF.js in a worker of its own (dist/pdf-reader.js); it reads a PDF's pages to text
//
// Which one a file needs is decided by its content, by the start-up module (`needs`): the
// analysis worker answers {type: 'needs'} instead of a result, app.js calls `prepare` here, and
// sends the file again with what was read. Each reader is a queue (one file at a time) with a
// time limit: a file that makes a reader trap or hang gets a message, the reader is replaced,
// and the other files go on.
'use strict';
(() => {
  const byId = (id) => document.getElementById(id);
  const DECODE_MS = 30000; // a decode within the limits of src/decode/limits.rs takes < 1 s
  const PDF_MS = 30000; // per PDF
  const MAX_PDF_PAGES = 2000; // as src/decode/limits.rs

  // What was loaded, for the page's tests: {formats: n, pdf: n} workers started.
  const stats = { formats: 0, pdf: 0, loads: [] };

  let policy = null;
  function workerUrl(src) {
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    if (!window.trustedTypes) return url;
    if (!policy) {
      policy = window.trustedTypes.createPolicy('foi-reader-worker', {
        createScriptURL: (u) => {
          if (!u.startsWith('blob:')) throw new TypeError('only the page\u2019s own readers may be loaded');
          return u;
        },
      });
    }
    return policy.createScriptURL(url);
  }

  function base64ToBytes(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  // One of the page's own files: inline in the single-file page, else fetched from the page's
  // own directory (the Content-Security-Policy allows no other).
  async function ownFile(file, inlineId, binary) {
    const inline = byId(inlineId);
    if (inline) return binary ? base64ToBytes(inline.textContent.trim()) : inline.textContent;
    stats.loads.push(file);
    const resp = await fetch(new URL(file, document.baseURI));
    if (!resp.ok) throw new Error(`${file}: HTTP ${resp.status}`);
    return binary ? new Uint8Array(await resp.arrayBuffer()) : resp.text();
  }

  // The sources are loaded once; a worker is (re)made from them when needed.
  const sources = {
    formats: null,
    pdf: null,
  };
  function formatsSource() {
    if (!sources.formats) {
      sources.formats = Promise.all([
        ownFile('foi_analyser_formats.js', 'formats-glue-src', false),
        ownFile('formats-worker.js', 'formats-worker-src', false),
        ownFile('foi_analyser_formats_bg.wasm', 'formats-wasm-src', true),
      ]).then(async ([glue, main, wasm]) => ({ src: `${glue}\n${main}`, module: await WebAssembly.compile(wasm) }));
      sources.formats.catch(() => { sources.formats = null; });
    }
    return sources.formats;
  }
  function pdfSource() {
    if (!sources.pdf) {
      sources.pdf = ownFile('pdf-reader.js', 'pdf-src', false).then((src) => ({ src }));
      sources.pdf.catch(() => { sources.pdf = null; });
    }
    return sources.pdf;
  }

  class ReaderFailed extends Error {}

  // A worker that reads one file at a time; replaced after a trap or a time-out.
  class Reader {
    constructor(kind, source) {
      this.kind = kind;
      this.source = source;
      this.worker = null; // Promise of a ready Worker
      this.queue = Promise.resolve();
      this.pending = null; // {resolve, reject, timer}
      this.nextId = 1;
    }

    start() {
      if (this.worker) return this.worker;
      stats[this.kind]++;
      this.worker = this.source().then((s) => new Promise((resolve, reject) => {
        const w = new Worker(workerUrl(s.src));
        w.onmessage = (e) => {
          const m = e.data || {};
          if (m.type === 'ready') resolve(w);
          else if (m.type === 'fatal') reject(new ReaderFailed(m.message));
          else if (this.pending && m.id === this.pending.id) this.settle(m);
        };
        w.onerror = (e) => {
          e.preventDefault();
          const err = new ReaderFailed(e.message || `the ${this.kind} reader stopped`);
          reject(err);
          this.fail(err);
        };
        if (s.module) w.postMessage({ type: 'init', module: s.module });
      }));
      this.worker.catch(() => { this.worker = null; });
      return this.worker;
    }

    settle(m) {
      const p = this.pending;
      this.pending = null;
      clearTimeout(p.timer);
      if (m.type === 'trap') {
        this.stop();
        p.reject(new ReaderFailed(m.message));
      } else p.resolve(m);
    }

    fail(err) {
      const p = this.pending;
      this.stop();
      if (p) {
        this.pending = null;
        clearTimeout(p.timer);
        p.reject(err);
      }
    }

    stop() {
      const w = this.worker;
      this.worker = null;
      if (w) w.then((x) => x.terminate(), () => {});
    }

    // Runs `msg` when the reader is free; rejects after `ms` (the worker is then replaced).
    call(msg, transfer, ms) {
      const run = async () => {
        const w = await this.start();
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => this.fail(new TimedOut(`the ${this.kind} reader took more than ${ms / 1000} s`)), ms);
          this.pending = { id, resolve, reject, timer };
          w.postMessage({ ...msg, id }, transfer);
        });
      };
      const p = this.queue.then(run, run);
      this.queue = p.catch(() => {});
      return p;
    }
  }
  class TimedOut extends ReaderFailed {}

  const formats = new Reader('formats', formatsSource);
  const pdf = new Reader('pdf', pdfSource);

  // The text of one PDF as the decoder takes it (src/decode/pdf.rs: pages separated by form
  // feeds, or a NUL and why it could not be read).
  async function readPdf(bytes) {
    try {
      const m = await pdf.call({ type: 'read', bytes, maxPages: MAX_PDF_PAGES }, [bytes.buffer], PDF_MS);
      return m.text;
    } catch (err) {
      if (err instanceof TimedOut) return '\0timeout';
      throw new Error(`The PDF reader could not start or failed (${err.message}).`);
    }
  }

  // What the analysis worker needs to analyse `bytes`, which need the reader `need`:
  // {pdfTexts} for a PDF, {decoded, meta} for a file the formats module read.
  async function prepare(bytes, need) {
    if (need === 'pdf') return { pdfTexts: [await readPdf(bytes.slice())] };
    if (need !== 'formats') throw new Error(`unknown reader ${need}`);
    const decode = async (pdfTexts) => {
      const copy = bytes.slice(); // `bytes` stay with the caller, for the analysis
      try {
        return await formats.call({ type: 'decode', bytes: copy, pdfTexts }, [copy.buffer], DECODE_MS);
      } catch (err) {
        if (err instanceof TimedOut) {
          throw new Error('This file took too long to read and was not read further (a damaged or hostile file).');
        }
        throw new Error(`The reader of this file failed (an internal error: ${err.message}). ` +
          'It has been restarted, so you can go on with other files; please report this with the file.');
      }
    };
    let r = await decode([]);
    // PDFs inside an e-mail or a zip: read by PDF.js, then decoded again with their text.
    if (r.pdfs && r.pdfs.length) {
      const texts = [];
      for (const p of r.pdfs) texts.push(await readPdf(p));
      r = await decode(texts);
    }
    return { decoded: r.text === undefined ? '' : r.text, meta: r.meta };
  }

  // Stops what the readers are doing (the page's Stop): a reader at work is replaced.
  function stop() {
    for (const r of [formats, pdf]) if (r.pending) r.fail(new ReaderFailed('stopped'));
  }

  window.foiReaders = { prepare, stop, stats };
})();
