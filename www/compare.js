// FOI analyser: the batch comparison. Several files dropped or opened at once are replies to one
// questionnaire: each is analysed in a pool of Web Workers (one per core) as they come, then the
// batch module (the wasm crate built with its `batch` feature, loaded for batches only) maps
// every reply's questions onto the questionnaire they share and gives the matrix, the
// summaries and the exports. Text from the files is only ever put into the page as text.
//
// Runs after app.js (assembled into the same script) and uses what it shares in
// window.foiAnalyser.internals: the compiled start-up module, the worker's URL, the single-reply
// view.
'use strict';
(() => {
  const app = window.foiAnalyser && window.foiAnalyser.internals;
  if (!app) return;
  const byId = (id) => document.getElementById(id);
  const ui = {
    batch: byId('batch'), progress: byId('progress'), progressText: byId('progress-text'),
    fileChoice: byId('file-choice'), batchErrors: byId('batch-errors'), cancel: byId('cancel'),
    section: byId('comparison'), status: byId('compare-status'), matrix: byId('matrix'),
    detail: byId('cell-detail'), facts: byId('cell-facts'), reassign: byId('reassign'),
    summaries: byId('summaries'), authorities: byId('authorities'), results: byId('results'),
    xlsx: byId('download-xlsx'), wide: byId('download-csv-wide'), long: byId('download-csv-long'),
    json: byId('download-batch-json'),
  };
  const STATUS_LABEL = {
    answered: 'Answered', partial: 'Partly answered', refused: 'Refused', ncnd: 'Neither confirm nor deny',
    not_held: 'Not held', referred: 'Referred elsewhere', not_applicable: 'Not applicable',
    clarification: 'Clarification asked', unanswered: 'Unanswered', missing: 'Not in this reply',
  };
  const SHORT = {
    answered: 'answered', partial: 'partial', refused: 'refused', ncnd: 'NCND', not_held: 'not held',
    referred: 'referred', not_applicable: 'n/a', clarification: 'clarification', unanswered: 'no answer',
    missing: '—',
  };
  const MEMBERSHIP = {
    same: null, different: 'answers another questionnaire', no_questions: 'no questions found',
    failed: 'could not be read',
  };
  const REDRAW_MS = 700; // the matrix is redrawn at most this often while files come in

  // ---- The batch module: one worker, created when the first batch arrives ----------------------

  // Fetched while the page loads (the page makes no request after that), compiled on first use.
  const batchSource = (() => {
    const glue = byId('batch-glue-src');
    const wasm = byId('batch-wasm-src');
    if (glue && wasm) {
      return Promise.resolve({ glue: glue.textContent, bytes: () => base64ToBytes(wasm.textContent.trim()) });
    }
    const get = (f) => fetch(new URL(f, document.baseURI)).then((r) => {
      if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
      return f.endsWith('.wasm') ? r.arrayBuffer() : r.text();
    });
    const p = Promise.all([get('foi_analyser_batch.js'), get('foi_analyser_batch_bg.wasm')])
      .then(([glue, buf]) => ({ glue, bytes: () => new Uint8Array(buf) }));
    p.catch(() => {});
    return p;
  })();

  function base64ToBytes(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  // The batch worker keeps the analyses (so this thread does not) and runs the comparison.
  const BATCH_WORKER = `
'use strict';
let lastPanic = null;
self.foiAnalyserPanic = (m) => { lastPanic = String(m); };
const analyses = [];
self.onmessage = async (e) => {
  const m = e.data;
  try {
    if (m.type === 'init') {
      await wasm_bindgen({ module_or_path: m.module });
      self.postMessage({ type: 'ready' });
    } else if (m.type === 'reset') {
      analyses.length = 0;
    } else if (m.type === 'add') {
      analyses[m.index] = m.json;
    } else if (m.type === 'compare' || m.type === 'xlsx') {
      const list = '[' + analyses.filter((a) => typeof a === 'string').join(',') + ']';
      const overrides = JSON.stringify(m.overrides || []);
      if (m.type === 'xlsx') {
        const bytes = wasm_bindgen.compare_xlsx(list, overrides);
        self.postMessage({ type: 'done', id: m.id, out: bytes }, [bytes.buffer]);
      } else {
        self.postMessage({ type: 'done', id: m.id, out: wasm_bindgen.compare(list, overrides, m.format) });
      }
    }
  } catch (err) {
    self.postMessage({ type: 'failed', id: m.id, message: lastPanic || String((err && err.message) || err) });
  }
};`;

  let batchWorker = null;
  let batchReady = null;
  let batchCalls = new Map();
  let batchNext = 1;
  let policy = null;

  function workerUrlFor(src) {
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    if (!window.trustedTypes) return url;
    if (!policy) {
      policy = window.trustedTypes.createPolicy('foi-batch-worker', {
        createScriptURL: (u) => {
          if (!u.startsWith('blob:')) throw new TypeError('only the batch worker may be loaded');
          return u;
        },
      });
    }
    return policy.createScriptURL(url);
  }

  function startBatchWorker() {
    if (batchReady) return batchReady;
    batchReady = batchSource.then(async (src) => {
      const module = await WebAssembly.compile(src.bytes());
      const w = new Worker(workerUrlFor(`${src.glue}\n${BATCH_WORKER}`));
      await new Promise((resolve, reject) => {
        w.onmessage = (e) => {
          const m = e.data;
          if (m.type === 'ready') resolve();
          else if (m.type === 'done' || m.type === 'failed') {
            const c = batchCalls.get(m.id);
            batchCalls.delete(m.id);
            if (c) (m.type === 'done' ? c.resolve(m.out) : c.reject(new Error(m.message)));
          }
        };
        w.onerror = (e) => {
          e.preventDefault();
          const err = new Error(e.message || 'the comparison stopped');
          reject(err);
          for (const c of batchCalls.values()) c.reject(err);
          batchCalls = new Map();
          batchWorker = null;
          batchReady = null; // a fresh worker next time
        };
        w.postMessage({ type: 'init', module });
      });
      batchWorker = w;
      return w;
    });
    batchReady.catch(() => { batchReady = null; });
    return batchReady;
  }

  async function batchCall(msg) {
    const w = await startBatchWorker();
    const id = batchNext++;
    return new Promise((resolve, reject) => {
      batchCalls.set(id, { resolve, reject });
      w.postMessage({ ...msg, id });
    });
  }

  // ---- The pool of analysis workers ------------------------------------------------------------

  let pool = [];

  // Each worker has two files in flight, so it never waits for this thread between files.
  const LANES = 2;
  class Retry extends Error {}

  async function makePoolWorker() {
    const url = await app.workerUrl();
    const module = await app.module();
    const w = new Worker(url);
    const pw = { w, jobs: new Map(), lanes: 0 };
    // A trap kills the instance: the file it was on failed, the files queued behind it go back.
    const dead = (id, message) => {
      const jobs = [...pw.jobs.entries()];
      pw.jobs.clear();
      replace(pw);
      for (const [jid, job] of jobs) {
        job.reject(jid === id || id === undefined ? new Error(message) : new Retry('retry'));
      }
    };
    await new Promise((resolve, reject) => {
      w.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') resolve();
        else if (m.type === 'fatal') reject(new Error(m.message));
        else if (m.type === 'trap') {
          dead(m.id, `the analyser failed on this file (an internal error: ${m.message}); please report it with the file`);
        } else if (pw.jobs.has(m.id)) {
          const job = pw.jobs.get(m.id);
          pw.jobs.delete(m.id);
          job.resolve(m);
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        const first = pw.jobs.keys().next().value;
        dead(first, e.message || 'the analyser stopped');
        reject(new Error(e.message || 'the analyser stopped'));
      };
      w.postMessage({ type: 'init', module });
    });
    return pw;
  }

  // A worker whose instance trapped is replaced; the batch goes on.
  function replace(pw) {
    pw.w.terminate();
    const i = pool.indexOf(pw);
    if (i < 0) return;
    pool[i] = null;
    makePoolWorker().then((fresh) => { pool[i] = fresh; pumpAll(); }, () => {});
  }

  let jobId = 1;
  function runOn(pw, msg, transfer) {
    return new Promise((resolve, reject) => {
      const id = jobId++;
      pw.jobs.set(id, { resolve, reject });
      pw.w.postMessage({ ...msg, id }, transfer || []);
    });
  }

  async function ensurePool(n) {
    const want = Math.max(1, Math.min(n, navigator.hardwareConcurrency || 2, 8));
    while (pool.length < want) pool.push(await makePoolWorker());
  }

  // ---- A batch -----------------------------------------------------------------------------------

  let batch = null; // {gen, files, done, failed, errors, started, queue, overrides, view, ...}
  let generation = 0;

  function stop() {
    if (!batch || batch.finished) return;
    generation++;
    for (const pw of pool) if (pw) pw.w.terminate();
    pool = [];
    batch.finished = true;
  }

  async function run(fileList) {
    stop();
    const my = ++generation;
    const files = Array.from(fileList);
    batch = {
      gen: my, files, results: new Array(files.length).fill(null), done: 0, queue: files.map((_, i) => i),
      t0: performance.now(), overrides: [], view: null, finished: false, lastDraw: 0, drawing: null,
      stats: { files: files.length, redraws: 0 },
    };
    app.clearError();
    app.setState('busy');
    ui.results.hidden = true;
    ui.batch.hidden = false;
    ui.section.hidden = false;
    ui.detail.hidden = true;
    ui.fileChoice.replaceChildren();
    ui.batchErrors.replaceChildren();
    ui.matrix.replaceChildren();
    ui.summaries.replaceChildren();
    ui.authorities.replaceChildren();
    ui.progress.max = files.length;
    ui.progress.value = 0;
    ui.progressText.textContent = `0 of ${files.length}`;
    app.say(`Analysing ${files.length} files…`);
    ui.cancel.hidden = false; // Stop (app.js) ends the batch too
    ui.status.textContent = 'The comparison appears as the files are analysed.';
    setExports(false);
    startBatchWorker().catch(() => {});
    batchCall({ type: 'reset' }).catch(() => {});
    try {
      await ensurePool(files.length);
    } catch (err) {
      app.setState('error');
      ui.status.textContent = `The analysers could not start: ${err.message}`;
      return;
    }
    if (my !== generation) return;
    await new Promise((resolve) => { batch.resolveAll = resolve; pumpAll(); });
    if (my !== generation) return;
    batch.finished = true;
    await redraw(true);
    if (my !== generation) return;
    finish();
  }

  function pumpAll() {
    if (!batch || batch.finished) return;
    for (const pw of pool) {
      while (pw && pw.lanes < LANES) {
        pw.lanes++;
        pump(pw).finally(() => { pw.lanes--; });
      }
    }
  }

  async function pump(pw) {
    const b = batch;
    while (b.gen === generation && b.queue.length) {
      const i = b.queue.shift();
      const file = b.files[i];
      let outcome;
      try {
        if (file.size > app.MAX_FILE_BYTES) {
          throw new Error(`${file.name} is ${app.mb(file.size)} MB; the page reads files up to ${app.mb(app.MAX_FILE_BYTES)} MB`);
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (b.gen !== generation) return;
        let m = await runOn(pw, { type: 'analyse-json', name: file.name, bytes }, [bytes.buffer]);
        if (m.type === 'needs') {
          // A file in another form: read by an on-demand reader (readers.js), then analysed.
          const prepared = await window.foiReaders.prepare(m.bytes, m.need);
          if (b.gen !== generation) return;
          if (pool.indexOf(pw) < 0) throw new Retry('retry'); // this worker was replaced meanwhile
          m = await runOn(pw, { type: 'analyse-json', name: file.name, bytes: m.bytes, prepared }, [m.bytes.buffer]);
        }
        outcome = { json: m.json, ms: m.ms };
      } catch (err) {
        if (err instanceof Retry) {
          b.queue.unshift(i);
          return;
        }
        outcome = { error: err.message || String(err) };
      }
      if (b.gen !== generation) return;
      arrived(i, outcome);
      if (pool.indexOf(pw) < 0) return; // this worker was replaced after a trap
    }
  }

  // A file is done: count it, keep its analysis in the batch worker, note a failure.
  function arrived(i, outcome) {
    const b = batch;
    const file = b.files[i];
    let error = outcome.error || null;
    if (!error) {
      error = readError(outcome.json);
      batchCall({ type: 'add', index: i, json: outcome.json }).catch(() => {});
      window.foiAnalyser.timings.analyses.push({ name: file.name, ms: outcome.ms, roundTrip: outcome.ms });
    } else {
      window.foiAnalyser.timings.analyses.push({ name: file.name, ms: 0, roundTrip: 0, error });
    }
    // Unreadable files (a PNG) have an analysis that says so, and a row; a file that never
    // reached the analyser (too large, a crash) has neither.
    b.results[i] = { error, hasAnalysis: !outcome.error };
    b.done++;
    ui.progress.value = b.done;
    const elapsed = performance.now() - b.t0;
    const left = b.files.length - b.done;
    const eta = b.done > 0 ? (elapsed / b.done) * left : 0;
    ui.progressText.textContent = `${b.done} of ${b.files.length}` +
      (left > 0 ? ` · about ${Math.max(1, Math.round(eta / 1000))} s left` : ` · ${(elapsed / 1000).toFixed(1)} s`);
    ui.progress.setAttribute('aria-valuetext', `${b.done} of ${b.files.length} files analysed`);
    if (b.done === b.files.length) {
      b.stats.analysed = performance.now() - b.t0;
      b.resolveAll();
    }
    else if (!b.drawing && performance.now() - b.lastDraw > Math.max(REDRAW_MS, 4 * (b.stats.drawMs || 0)) &&
      b.done < 0.8 * b.files.length) redraw(false);
  }

  // An analysis whose input could not be read reports it in its error diagnostics.
  function readError(json) {
    if (!json.includes('"level": "error"')) return null; // the JSON is pretty-printed
    try {
      const a = JSON.parse(json);
      const errs = (a.diagnostics || []).filter((d) => d.level === 'error').map((d) => d.message);
      return errs.length ? errs.join(' ') : null;
    } catch (e) {
      return 'the analysis could not be read';
    }
  }

  async function redraw(final) {
    const b = batch;
    b.lastDraw = performance.now();
    // Reply r of the comparison is the r-th file with an analysis, in drop order: the batch
    // worker has every analysis that arrived before this call.
    const fileOf = [];
    b.results.forEach((r, i) => { if (r && r.hasAnalysis) fileOf.push(i); });
    const run = (async () => {
      let view;
      const t0 = performance.now();
      try {
        view = JSON.parse(await batchCall({ type: 'compare', format: 'view', overrides: b.overrides }));
        b.stats.compareMs = performance.now() - t0;
      } catch (err) {
        ui.status.textContent = `The comparison failed: ${err.message}`;
        return;
      }
      if (b.gen !== generation) return;
      b.view = view;
      b.fileOf = fileOf;
      const t1 = performance.now();
      await drawMatrix(view);
      b.stats.matrixMs = performance.now() - t1;
      const tf = performance.now();
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      b.stats.frameMs = performance.now() - tf;
      b.stats.drawMs = performance.now() - t0;
      b.stats.redraws++;
      if (final) {
        const t2 = performance.now();
        drawSummaries(view);
        drawAuthorities(view);
        b.stats.summariesMs = performance.now() - t2;
        b.stats.shown = performance.now() - b.t0;
      }
    })();
    b.drawing = run;
    await run;
    b.drawing = null;
  }

  function finish() {
    const b = batch;
    ui.cancel.hidden = true;
    app.say(`Analysed ${b.files.length} files.`);
    // The chooser and the errors, in drop order, as for any batch.
    b.files.forEach((f, i) => {
      const o = document.createElement('option');
      o.value = String(i);
      o.textContent = b.results[i].error ? `${f.name} (could not be read)` : f.name;
      ui.fileChoice.append(o);
      if (b.results[i].error) {
        const li = document.createElement('li');
        const s = document.createElement('strong');
        s.textContent = f.name;
        li.append(s, `: ${b.results[i].error}`);
        ui.batchErrors.append(li);
      }
    });
    const v = b.view;
    const same = v ? v.replies.filter((r) => r.questionnaire === 'same').length : 0;
    const other = v ? v.replies.filter((r) => r.questionnaire === 'different').length : 0;
    const uncertain = v ? v.replies.reduce((n, r) => n + r.questions.filter((q) => q.uncertain).length, 0) : 0;
    ui.status.textContent = `${v ? v.questionnaire.length : 0} questions, ${same} replies to the questionnaire` +
      (other ? `, ${other} to another questionnaire (left out of the columns)` : '') +
      (uncertain ? `; ${uncertain} uncertain matches marked “?”` : '') + '.';
    setExports(true);
    const first = b.results.findIndex((r) => !r.error);
    b.stats.listed = performance.now() - b.t0;
    showFile(first >= 0 ? first : 0).then(() => {
      b.stats.done = performance.now() - b.t0;
      if (batch === b && b.gen === generation) app.setState('done');
    });
  }

  // Shows one file of the batch in the single-reply view (analysed again: the page keeps no
  // file's text or analysis on this thread), then selects question `index` if given.
  async function showFile(i, index) {
    const b = batch;
    const file = b.files[i];
    if (!file) return;
    ui.fileChoice.value = String(i);
    if (b.results[i] && b.results[i].error && !b.results[i].shown) {
      app.showOutcome({ name: file.name, error: b.results[i].error });
      return;
    }
    await ensurePool(1);
    const pw = pool.filter(Boolean).sort((x, y) => x.jobs.size - y.jobs.size)[0];
    try {
      const t0 = performance.now();
      const bytes = new Uint8Array(await file.arrayBuffer());
      let result = await runOn(pw, { type: 'analyse', name: file.name, bytes }, [bytes.buffer]);
      if (result.type === 'needs') {
        const prepared = await window.foiReaders.prepare(result.bytes, result.need);
        result = await runOn(pw, { type: 'analyse', name: file.name, bytes: result.bytes, prepared }, [result.bytes.buffer]);
      }
      b.stats.showAnalyseMs = performance.now() - t0;
      b.stats.showEngineMs = result.ms;
      if (b.gen !== generation) return;
      window.foiAnalyser.timings.analyses.push({ name: file.name, ms: result.ms, roundTrip: result.ms });
      const t1 = performance.now();
      app.showOutcome({ name: file.name, result });
      if (typeof index === 'number') app.select(index);
      b.stats.showDrawMs = performance.now() - t1;
    } catch (err) {
      app.showOutcome({ name: file.name, error: err.message });
    }
  }

  // ---- Drawing -----------------------------------------------------------------------------------

  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };

  // The matrix shows a window of rows (WINDOW, moved as the table scrolls) between two spacer
  // rows of the height of the rows left out: 400 replies × 30 questions as elements would take
  // the browser over half a second to lay out and paint, this takes a few milliseconds. Every
  // row has the same height (ROW_PX, names clamped to two lines) so the spacers are exact.
  const WINDOW = 60;
  const STEP = 15; // the window moves when the view is this many rows from its edge
  let shown = { view: null, start: 0, rowPx: 0 };

  async function drawMatrix(view) {
    const table = ui.matrix;
    const head = el('thead');
    const hr = el('tr');
    hr.append(el('th', 'Authority', 'corner'));
    view.questionnaire.forEach((q) => {
      const th = el('th', q.id);
      th.scope = 'col';
      th.title = `${q.text} (in ${q.replies} repl${q.replies === 1 ? 'y' : 'ies'})`;
      hr.append(th);
    });
    head.append(hr);
    table.style.width = `${14 + 6.5 * view.questionnaire.length}rem`;
    table.setAttribute('aria-rowcount', String(view.replies.length + 1));
    table.dataset.rows = String(view.replies.length);
    const keep = shown.view ? shown.start : 0;
    shown = { view, start: -1, rowPx: shown.rowPx };
    table.replaceChildren(el('caption', `${view.replies.length} replies × ${view.questionnaire.length} questions`, 'visually-hidden'), head, el('tbody'));
    placeWindow(Math.min(keep, Math.max(0, view.replies.length - WINDOW)));
  }

  function spacer(rows, cols) {
    const tr = el('tr', null, 'spacer');
    tr.setAttribute('aria-hidden', 'true');
    tr.dataset.rows = String(rows);
    const td = el('td');
    td.colSpan = cols;
    td.style.height = `${rows * (shown.rowPx || 48)}px`;
    tr.append(td);
    return tr;
  }

  function placeWindow(start) {
    const view = shown.view;
    if (!view || start === shown.start) return;
    shown.start = start;
    const end = Math.min(view.replies.length, start + WINDOW);
    const cols = view.questionnaire.length + 1;
    const body = el('tbody');
    if (start > 0) body.append(spacer(start, cols));
    for (let ri = start; ri < end; ri++) body.append(matrixRow(view, ri));
    if (end < view.replies.length) body.append(spacer(view.replies.length - end, cols));
    ui.matrix.tBodies[0].replaceWith(body);
    if (!shown.rowPx) {
      const first = body.querySelector('tr[data-reply]');
      if (first) {
        shown.rowPx = first.getBoundingClientRect().height || 48;
        for (const td of body.querySelectorAll('tr.spacer td')) {
          td.style.height = `${Number(td.parentElement.dataset.rows || 0) * shown.rowPx}px`;
        }
      }
    }
  }

  function onMatrixScroll() {
    const view = shown.view;
    if (!view || view.replies.length <= WINDOW || !shown.rowPx) return;
    const wrap = ui.matrix.parentElement;
    const top = Math.floor(wrap.scrollTop / shown.rowPx);
    const visible = Math.ceil(wrap.clientHeight / shown.rowPx);
    if (top - shown.start < STEP / 2 || top + visible > shown.start + WINDOW - STEP / 2) {
      const start = Math.max(0, Math.min(view.replies.length - WINDOW, top - STEP));
      if (Math.abs(start - shown.start) >= 1) placeWindow(start);
    }
  }

  function matrixRow(view, ri) {
    const r = view.replies[ri];
    const tr = el('tr');
    tr.dataset.reply = String(ri);
    tr.setAttribute('aria-rowindex', String(ri + 2));
    const th = el('th');
    th.scope = 'row';
    th.append(el('span', r.authority || baseName(r.source), 'who'));
    const note = MEMBERSHIP[r.questionnaire];
    if (note) {
      th.append(el('span', note, 'flag'));
      tr.classList.add(`m-${r.questionnaire}`);
    }
    tr.append(th);
    const byIndex = new Map(r.questions.map((q) => [q.index, q]));
    view.questionnaire.forEach((q, slot) => {
      const c = view.cells[ri][slot];
      const status = c ? c.status : (r.questionnaire === 'same' ? 'missing' : 'none');
      const td = el('td', null, `cell s-${status}`);
      td.setAttribute('data-testid', 'cell');
      td.dataset.authority = r.authority || r.source;
      td.dataset.qid = q.id;
      td.dataset.status = status;
      td.dataset.reply = String(ri);
      if (c) {
        const m = byIndex.get(c.index);
        const btn = el('button', null, 'cellbtn');
        btn.type = 'button';
        // The accessible name is the visible text with its row and column before it.
        btn.append(el('span', `${r.authority || baseName(r.source)}, ${q.id}: `, 'visually-hidden'));
        btn.append(el('span', SHORT[status] || status, 'st'));
        if (c.value !== null && c.value !== undefined) btn.append(' ', el('span', c.value, 'val'));
        if (m && m.uncertain) {
          td.dataset.uncertain = 'true';
          btn.append(' ', el('span', '?', 'unsure'), el('span', ' (uncertain match)', 'visually-hidden'));
        }
        btn.dataset.slot = String(slot);
        td.append(btn);
      } else if (status === 'missing') {
        td.append(el('span', SHORT.missing, 'st'));
        td.title = 'This reply does not have this question';
      }
      tr.append(td);
    });
    return tr;
  }

  function baseName(name) {
    return String(name).split(/[\\/]/).pop();
  }

  // A cell: its facts, the reply with the answer highlighted, and the drop-down to move it.
  function selectCell(ri, slot) {
    const b = batch;
    const v = b.view;
    const r = v.replies[ri];
    const c = v.cells[ri][slot];
    const q = v.questionnaire[slot];
    if (!c) return;
    const m = r.questions.find((x) => x.index === c.index);
    for (const td of ui.matrix.querySelectorAll('td[aria-current]')) td.removeAttribute('aria-current');
    const td = ui.matrix.querySelector(`tr[data-reply="${ri}"] td[data-qid="${CSS.escape(q.id)}"]`);
    if (td) td.setAttribute('aria-current', 'true');
    ui.detail.hidden = false;
    ui.facts.replaceChildren();
    const fact = (k, val) => ui.facts.append(el('dt', k), el('dd', val === null || val === undefined || val === '' ? '—' : String(val)));
    fact('Authority', r.authority || r.source);
    fact('Question', `${q.id}: ${q.text}`);
    fact('In the reply', `${c.id}`);
    fact('Status', STATUS_LABEL[c.status] || c.status);
    fact('Value', c.value ? `${c.value}${c.unit ? ` ${c.unit}` : ''}` : '');
    fact('Match', m ? `${Math.round(m.confidence * 100)}% (${(m.basis || '').replace(/_/g, ' ')})${m.uncertain ? ': uncertain' : ''}` : '');
    fillReassign(ri, c.index);
    showFile(b.fileOf[ri], c.index);
  }

  function fillReassign(ri, index) {
    const v = batch.view;
    const r = v.replies[ri];
    const m = r.questions.find((x) => x.index === index);
    ui.reassign.replaceChildren();
    const none = el('option', 'no question of the questionnaire');
    none.value = '';
    ui.reassign.append(none);
    for (const q of v.questionnaire) {
      const o = el('option', `${q.id}: ${q.text.length > 90 ? `${q.text.slice(0, 89)}…` : q.text}`);
      o.value = q.id;
      ui.reassign.append(o);
    }
    ui.reassign.value = (m && m.canonical) || '';
    ui.reassign.dataset.reply = String(ri);
    ui.reassign.dataset.index = String(index);
  }

  async function reassign() {
    const b = batch;
    const reply = Number(ui.reassign.dataset.reply);
    const question = Number(ui.reassign.dataset.index);
    const canonical = ui.reassign.value || null;
    b.overrides = b.overrides.filter((o) => !(o.reply === reply && o.question === question));
    b.overrides.push({ reply, question, canonical });
    app.setState('busy');
    await redraw(true);
    const slot = canonical ? b.view.questionnaire.findIndex((q) => q.id === canonical) : -1;
    ui.status.textContent = canonical
      ? `Moved: the exports follow (${b.overrides.length} correction${b.overrides.length === 1 ? '' : 's'}).`
      : 'Taken out of the table: the exports follow.';
    if (slot >= 0) {
      const td = ui.matrix.querySelector(`tr[data-reply="${reply}"] td[data-qid="${CSS.escape(canonical)}"]`);
      if (td) td.setAttribute('aria-current', 'true');
    }
    app.setState('done');
  }

  function drawSummaries(view) {
    const frag = document.createDocumentFragment();
    view.questionnaire.forEach((q, i) => {
      const s = view.summaries[i];
      const box = el('section', null, 'card summary');
      box.setAttribute('data-testid', 'question-summary');
      box.dataset.qid = q.id;
      box.append(el('h4', `${q.id}: ${q.text}`));
      const st = el('p', null, 'counts');
      for (const c of s.statuses) {
        st.append(el('span', `${STATUS_LABEL[c.label] || c.label}: ${c.count}`, `badge s-${c.label}`), ' ');
      }
      box.append(st);
      if (s.exemptions.length) {
        box.append(el('p', `Exemptions: ${s.exemptions.map((e) => `${e.label} (${e.count})`).join(', ')}`, 'exemptions'));
      }
      if (s.numbers) {
        const n = s.numbers;
        const f = (x) => fmtNum(x, n.kind);
        const p = el('p', `${n.kind}${n.unit ? ` (${n.unit})` : ''}: ${n.count} value${n.count === 1 ? '' : 's'}, ` +
          `min ${f(n.min)}, median ${f(n.median)}, max ${f(n.max)}` +
          (n.bounds ? `; ${n.bounds} more given only as a bound (such as “over 250” or “fewer than 5”), left out` : ''), 'numbers');
        p.dataset.count = String(n.count);
        box.append(p, strip(n, view));
      }
      if (s.choices.length) {
        box.append(el('p', `Choices: ${s.choices.map((c) => `${c.label} (${c.count})`).join(', ')}`, 'choices'));
      }
      if (s.yes_no) box.append(el('p', `Yes: ${s.yes_no.yes}, no: ${s.yes_no.no}`, 'yesno'));
      frag.append(box);
    });
    ui.summaries.replaceChildren(frag);
  }

  function fmtNum(x, kind) {
    if (kind === 'year') return String(x);
    return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(x);
  }

  // A strip plot: one dot per reply's value on a line from min to max.
  function strip(n, view) {
    const NS = 'http://www.w3.org/2000/svg';
    const W = 320;
    const H = 28;
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('width', String(W));
    svg.setAttribute('height', String(H));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${n.count} values from ${n.min} to ${n.max}, median ${n.median}`);
    svg.classList.add('strip');
    const line = document.createElementNS(NS, 'line');
    line.setAttribute('x1', '8'); line.setAttribute('x2', String(W - 8));
    line.setAttribute('y1', String(H / 2)); line.setAttribute('y2', String(H / 2));
    svg.append(line);
    const span = n.max - n.min || 1;
    const x = (v) => 8 + ((v - n.min) / span) * (W - 16);
    for (const [ri, v] of n.values) {
      const c = document.createElementNS(NS, 'circle');
      c.setAttribute('cx', x(v).toFixed(1));
      c.setAttribute('cy', String(H / 2));
      c.setAttribute('r', '4');
      const t = document.createElementNS(NS, 'title');
      const r = view.replies[ri];
      t.textContent = `${r ? (r.authority || r.source) : ''}: ${v}`;
      c.append(t);
      svg.append(c);
    }
    const med = document.createElementNS(NS, 'line');
    med.setAttribute('x1', x(n.median).toFixed(1)); med.setAttribute('x2', x(n.median).toFixed(1));
    med.setAttribute('y1', '3'); med.setAttribute('y2', String(H - 3));
    med.classList.add('median');
    svg.append(med);
    return svg;
  }

  function drawAuthorities(view) {
    const head = el('thead');
    const hr = el('tr');
    for (const h of ['Authority', 'Questionnaire', 'Answered', 'Partly', 'Refused', 'Not held', 'Missing', 'Late']) {
      const th = el('th', h);
      th.scope = 'col';
      hr.append(th);
    }
    head.append(hr);
    const body = el('tbody');
    for (const a of view.authorities) {
      const tr = el('tr');
      const th = el('th', a.authority || baseName(a.source));
      th.scope = 'row';
      tr.append(th, el('td', MEMBERSHIP[a.questionnaire] || 'this one'), el('td', String(a.answered)),
        el('td', String(a.partial)), el('td', String(a.refused)), el('td', String(a.not_held)),
        el('td', String(a.missing)), el('td', a.late === true ? 'late' : a.late === false ? 'on time' : 'unknown'));
      body.append(tr);
    }
    ui.authorities.replaceChildren(head, body);
  }

  // ---- Exports -----------------------------------------------------------------------------------

  function setExports(on) {
    for (const b of [ui.xlsx, ui.wide, ui.long, ui.json]) b.disabled = !on;
  }

  function save(data, name, type) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    app.say(`Saved ${name}.`);
  }

  async function exportAs(kind) {
    if (!batch || !batch.view) return;
    try {
      if (kind === 'xlsx') {
        const bytes = await batchCall({ type: 'xlsx', overrides: batch.overrides });
        save(bytes, 'foi-comparison.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      } else {
        const format = { wide: 'csv', long: 'csv-long', json: 'json' }[kind];
        const text = await batchCall({ type: 'compare', format, overrides: batch.overrides });
        const name = { wide: 'foi-comparison.csv', long: 'foi-comparison-long.csv', json: 'foi-comparison.json' }[kind];
        save(text, name, kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
      }
    } catch (err) {
      ui.status.textContent = `The export failed: ${err.message}`;
    }
  }

  ui.matrix.addEventListener('click', (e) => {
    const btn = e.target.closest('button.cellbtn');
    const tr = btn && btn.closest('tr[data-reply]');
    if (btn && tr) selectCell(Number(tr.dataset.reply), Number(btn.dataset.slot));
  });
  ui.matrix.parentElement.addEventListener('scroll', () => {
    if (!shown.pending) {
      shown.pending = true;
      requestAnimationFrame(() => { shown.pending = false; onMatrixScroll(); });
    }
  }, { passive: true });
  ui.xlsx.addEventListener('click', () => exportAs('xlsx'));
  ui.wide.addEventListener('click', () => exportAs('wide'));
  ui.long.addEventListener('click', () => exportAs('long'));
  ui.json.addEventListener('click', () => exportAs('json'));
  ui.reassign.addEventListener('change', reassign);
  ui.fileChoice.addEventListener('change', () => {
    if (batch && batch.finished && batch.gen === generation) showFile(Number(ui.fileChoice.value));
  });
  // ---- Folders and zips: their files are a batch ---------------------------------------------

  const isZip = (f) => /\.zip$/i.test(f.name);
  const hidden = (name) => name.split('/').some((p) => p.startsWith('.') || p === '__MACOSX');

  // The files of a dropped folder (a FileSystemDirectoryEntry), recursively, sorted by path.
  async function folderFiles(entry) {
    const out = [];
    const walk = async (e, path) => {
      if (hidden(e.name)) return;
      if (e.isFile) {
        const f = await new Promise((ok, no) => e.file(ok, no));
        out.push(new File([f], `${path}${e.name}`, { type: f.type }));
      } else if (e.isDirectory) {
        const reader = e.createReader();
        for (;;) {
          const batchOf = await new Promise((ok, no) => reader.readEntries(ok, no));
          if (batchOf.length === 0) break;
          for (const c of batchOf) await walk(c, `${path}${e.name}/`);
        }
      }
    };
    await walk(entry, '');
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // The files in a zip (stored or deflated entries; the browser inflates them), in zip order.
  async function zipFiles(file) {
    const buf = new Uint8Array(await file.arrayBuffer());
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
      if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) throw new Error(`${file.name} is not a zip file the page can read`);
    const count = dv.getUint16(eocd + 10, true);
    let at = dv.getUint32(eocd + 16, true);
    const out = [];
    const utf8 = new TextDecoder();
    for (let k = 0; k < count; k++) {
      if (at + 46 > buf.length || dv.getUint32(at, true) !== 0x02014b50) throw new Error(`${file.name}: a damaged zip directory`);
      const method = dv.getUint16(at + 10, true);
      const size = dv.getUint32(at + 20, true);
      const nameLen = dv.getUint16(at + 28, true);
      const extra = dv.getUint16(at + 30, true);
      const comment = dv.getUint16(at + 32, true);
      const local = dv.getUint32(at + 42, true);
      const name = utf8.decode(buf.subarray(at + 46, at + 46 + nameLen));
      at += 46 + nameLen + extra + comment;
      if (name.endsWith('/') || hidden(name)) continue;
      const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
      const data = buf.subarray(start, start + size);
      let bytes;
      if (method === 0) bytes = data;
      else if (method === 8) {
        const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      } else throw new Error(`${file.name}: ${name} is compressed in a way the page cannot read`);
      out.push(new File([bytes], `${file.name.replace(/\.zip$/i, '')}/${name}`));
    }
    return out;
  }

  // WhatDoTheyKnow's "download all correspondence" zip (a `correspondence.txt` or `.pdf` beside
  // the attachments) is one thread, read whole by the formats module, not a batch of replies.
  async function isThreadZip(file) {
    const buf = new Uint8Array(await file.arrayBuffer());
    const utf8 = new TextDecoder();
    // The central directory's names: each record starts with PK\1\2 and has the name at +46.
    for (let i = 0; i + 46 < buf.length; i++) {
      if (buf[i] !== 0x50 || buf[i + 1] !== 0x4b || buf[i + 2] !== 1 || buf[i + 3] !== 2) continue;
      const len = buf[i + 28] | (buf[i + 29] << 8);
      const name = utf8.decode(buf.subarray(i + 46, i + 46 + len));
      if (/(^|\/)correspondence\.[a-z]+$/i.test(name)) return true;
    }
    return false;
  }

  // Replaces each zip by its files; a zip that cannot be read stays, and its analysis says so.
  async function expand(files) {
    const out = [];
    for (const f of files) {
      if (!isZip(f) || await isThreadZip(f)) { out.push(f); continue; }
      try {
        out.push(...await zipFiles(f));
      } catch (err) {
        app.say(err.message);
        out.push(f);
      }
    }
    return out;
  }

  // A drop or a pick with a folder or a zip in it is taken here, before app.js sees it.
  window.addEventListener('drop', (e) => {
    const dt = e.dataTransfer;
    if (!dt) return;
    const entries = Array.from(dt.items || []).map((it) => (it.kind === 'file' && it.webkitGetAsEntry ? it.webkitGetAsEntry() : null));
    const files = Array.from(dt.files || []);
    const folder = entries.some((x) => x && x.isDirectory);
    if (!folder && !files.some(isZip)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const overlay = byId('drop-overlay');
    if (overlay) overlay.hidden = true;
    (async () => {
      const all = [];
      for (let i = 0; i < files.length; i++) {
        if (entries[i] && entries[i].isDirectory) all.push(...await folderFiles(entries[i]));
        else all.push(files[i]);
      }
      runOrShow(await expand(all));
    })();
  }, { capture: true });
  const picker = byId('file-input');
  window.addEventListener('change', (e) => {
    if (e.target !== picker) return;
    const files = Array.from(picker.files || []);
    if (!files.some(isZip)) return;
    e.stopImmediatePropagation();
    picker.value = '';
    expand(files).then(runOrShow);
  }, { capture: true });

  // One file (a thread's zip dropped alone) is one reply; several are a batch.
  function runOrShow(files) {
    if (files.length === 1) app.analyseFiles(files);
    else run(files);
  }

  window.foiCompare = {
    run,
    // A new single input: the batch stops and its comparison is put away.
    stop: () => { stop(); ui.section.hidden = true; },
    get view() { return batch && batch.view; },
    // Where the time of the last batch went (the benchmark prints it).
    get stats() { return batch && batch.stats; },
  };
})();
