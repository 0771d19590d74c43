// The analysis worker: owns the WebAssembly instance so that the page never freezes.
//
// It runs after the wasm-bindgen glue (which defines `wasm_bindgen`): app.js makes one Blob of
// the glue and this file (fetched once from dist/, or inline in the single-file page).
//
// Messages in:  {type: 'init', module: WebAssembly.Module}
//               {type: 'analyse', id, name, bytes: Uint8Array | undefined, text: string | undefined,
//                prepared: what an on-demand reader read (readers.js) | undefined,
//                panic: true to make the wasm panic (the page's self-test of recovery)}
//               {type: 'bench', id, name, bytes, minMs}
//               {type: 'warm', text}                 (runs the engine on the example, untimed)
//               {type: 'offsets', id, text, analysis}    (maps the spans of a given analysis)
//               {type: 'analyse-json', id, name, bytes, prepared}  (a batch file: the JSON only)
// Messages out: {type: 'ready', version, ms} | {type: 'fatal', message} | {type: 'warm'}
//               {type: 'result', id, name, json, csv, text, analysis, offsets, ms}
//               {type: 'bench', id, runs, meanMs, warmupMs} | {type: 'offsets', id, offsets}
//               {type: 'json', id, json, ms}
//               {type: 'needs', id, need, bytes}   (instead of a result: the input needs the
//                on-demand reader `need`, 'formats' or 'pdf'; send it again with `prepared`)
//               {type: 'trap', id, message}           (the instance is dead: start a new worker)
'use strict';

let lastPanic = null;
// Called by the Rust panic hook just before the instance aborts.
self.foiAnalyserPanic = (message) => {
  lastPanic = String(message);
};

function trap(id, err) {
  const message = lastPanic || (err && err.message) || String(err);
  self.postMessage({ type: 'trap', id, message });
}

// UTF-8 byte offsets (what every span holds) → UTF-16 indices into the JS string.
// Walks the text once for all the offsets of an analysis.
function byteOffsetsToIndices(text, byteOffsets) {
  const wanted = Array.from(new Set(byteOffsets)).sort((a, b) => a - b);
  const map = new Map();
  let k = 0;
  let bytes = 0;
  let i = 0;
  const n = text.length;
  while (k < wanted.length) {
    const w = wanted[k];
    if (bytes >= w || i >= n) {
      // An offset inside a character (never from the engine) maps to the next character.
      map.set(w, i);
      k++;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c < 0x80) { bytes += 1; i += 1; }
    else if (c < 0x800) { bytes += 2; i += 1; }
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) { bytes += 4; i += 2; }
    else { bytes += 3; i += 1; }
  }
  return map;
}

function spanOffsets(analysis) {
  const out = [];
  const add = (s) => {
    if (s && typeof s.start === 'number' && typeof s.end === 'number') out.push(s.start, s.end);
  };
  for (const q of analysis.questions || []) {
    add(q.span);
    if (q.answer) add(q.answer.span);
    for (const v of q.values || []) add(v.span);
  }
  for (const d of analysis.diagnostics || []) add(d.span);
  for (const m of (analysis.thread && analysis.thread.messages) || []) add(m.span);
  return out;
}

// The on-demand reader an input needs (decided by its content), or '' when this module reads
// it; never for an input that a reader has already read.
function needs(msg, bytes) {
  if (msg.prepared) return '';
  return wasm_bindgen.needs(bytes);
}

function analyseBytes(bytes, msg) {
  const p = msg.prepared;
  if (!p) return wasm_bindgen.analyse_all(bytes, msg.name);
  return wasm_bindgen.analyse_prepared(bytes, msg.name, p.pdfTexts || [], p.decoded, p.meta);
}

function analyseOne(msg, bytes) {
  const t0 = performance.now();
  const r = analyseBytes(bytes, msg);
  const ms = performance.now() - t0;
  const json = r.json;
  const analysis = JSON.parse(json);
  const text = r.text === undefined ? null : r.text;
  const offsets = text === null ? new Map() : byteOffsetsToIndices(text, spanOffsets(analysis));
  return { type: 'result', id: msg.id, name: msg.name, json, csv: r.csv, text, analysis, offsets, ms };
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    const t0 = performance.now();
    try {
      await wasm_bindgen({ module_or_path: msg.module });
      self.postMessage({ type: 'ready', version: wasm_bindgen.version(), ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ type: 'fatal', message: String((err && err.message) || err) });
    }
  } else if (msg.type === 'analyse') {
    lastPanic = null;
    let result;
    try {
      if (msg.panic) wasm_bindgen.panicForTest(); // the page's self-test of recovery
      const bytes = msg.bytes || new TextEncoder().encode(msg.text || '');
      const need = needs(msg, bytes);
      if (need) {
        self.postMessage({ type: 'needs', id: msg.id, need, bytes }, [bytes.buffer]);
        return;
      }
      result = analyseOne(msg, bytes);
    } catch (err) {
      trap(msg.id, err);
      return;
    }
    self.postMessage(result);
  } else if (msg.type === 'bench') {
    // Times analyse_all (what the page runs per input): one warm-up run, then runs for at
    // least minMs. Reports the mean of the timed runs (the clock of a worker is coarse).
    try {
      const warm = performance.now();
      wasm_bindgen.analyse_all(msg.bytes, msg.name);
      const warmup = performance.now() - warm;
      let runs = 0;
      const start = performance.now();
      let now = start;
      do {
        wasm_bindgen.analyse_all(msg.bytes, msg.name);
        runs++;
        now = performance.now();
      } while (now - start < (msg.minMs || 200) || runs < 5);
      self.postMessage({ type: 'bench', id: msg.id, runs, meanMs: (now - start) / runs, warmupMs: warmup });
    } catch (err) {
      trap(msg.id, err);
    }
  } else if (msg.type === 'warm') {
    // Warm-up on the example reply (see app.js); a failure here shows on the next real input.
    try {
      const bytes = new TextEncoder().encode(msg.text || '');
      for (let i = 0; i < 6; i++) wasm_bindgen.analyse_all(bytes, 'warm-up.txt');
    } catch (err) {
      trap(undefined, err);
      return;
    }
    self.postMessage({ type: 'warm' });
  } else if (msg.type === 'analyse-json') {
    // One file of a batch (compare.js): only the JSON travels back, the rest stays here.
    lastPanic = null;
    try {
      const need = needs(msg, msg.bytes);
      if (need) {
        self.postMessage({ type: 'needs', id: msg.id, need, bytes: msg.bytes }, [msg.bytes.buffer]);
        return;
      }
      const t0 = performance.now();
      const json = msg.prepared ? analyseBytes(msg.bytes, msg).json : wasm_bindgen.analyse_json(msg.bytes, msg.name);
      self.postMessage({ type: 'json', id: msg.id, json, ms: performance.now() - t0 });
    } catch (err) {
      trap(msg.id, err);
    }
  } else if (msg.type === 'offsets') {
    const offsets = byteOffsetsToIndices(msg.text || '', spanOffsets(msg.analysis));
    self.postMessage({ type: 'offsets', id: msg.id, offsets });
  }
};
