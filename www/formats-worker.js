// The formats worker: owns the formats module (the wasm crate built with its `formats` feature:
// the readers of e-mail, Word, Excel, OpenDocument, zip and HTML, without the engine). The page
// starts it only when a dropped file needs one of those readers; it decodes the bytes, and the
// analysis worker's start-up module analyses the text (see app.js, `prepare`).
//
// It runs after the formats module's wasm-bindgen glue (which defines `wasm_bindgen`), in one
// Blob made by app.js.
//
// Messages in:  {type: 'init', module: WebAssembly.Module}
//               {type: 'decode', id, bytes: Uint8Array, pdfTexts: string[]}
// Messages out: {type: 'ready'} | {type: 'fatal', message}
//               {type: 'decoded', id, text: string | undefined, meta: string, pdfs: Uint8Array[]}
//               {type: 'trap', id, message}   (the instance is dead: start a new worker)
'use strict';

let lastPanic = null;
// Called by the Rust panic hook just before the instance aborts.
self.foiAnalyserPanic = (message) => {
  lastPanic = String(message);
};

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === 'init') {
    try {
      await wasm_bindgen({ module_or_path: m.module });
      self.postMessage({ type: 'ready' });
    } catch (err) {
      self.postMessage({ type: 'fatal', message: String((err && err.message) || err) });
    }
  } else if (m.type === 'decode') {
    lastPanic = null;
    try {
      const r = wasm_bindgen.decode(m.bytes, m.pdfTexts || []);
      const pdfs = Array.from(r.pdfs || []);
      self.postMessage({ type: 'decoded', id: m.id, text: r.text, meta: r.meta, pdfs },
        pdfs.map((p) => p.buffer));
    } catch (err) {
      self.postMessage({ type: 'trap', id: m.id, message: lastPanic || String((err && err.message) || err) });
    }
  }
};
