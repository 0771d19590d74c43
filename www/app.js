// FOI analyser: the page. Hand-written, no framework, no network.
//
// The analysis runs in a Web Worker that owns the WebAssembly instance (see worker.js); this
// file reads the input, talks to the worker and draws the result. Text from the input is only
// ever put into the page as text (textContent / text nodes), never as HTML.
'use strict';
(() => {
  const MAX_FILE_BYTES = 100 * 1024 * 1024; // the page refuses bigger files with a message
  const MAX_ROWS = 2000; // rows drawn; the downloads always hold every question
  const SOURCE_MAX = 1000000; // beyond this many characters the source pane shows a window
  const SOURCE_WINDOW = 300000;
  const DEBOUNCE_MS = 400;
  const PASTE_NAME = '-'; // a paste is named like standard input in the CLI
  const STATUS_ORDER = ['answered', 'partial', 'refused', 'ncnd', 'not_held', 'referred',
    'not_applicable', 'clarification', 'unanswered'];
  const STATUS_LABEL = {
    answered: 'Answered', partial: 'Partly answered', refused: 'Refused',
    ncnd: 'Neither confirm nor deny', not_held: 'Not held', referred: 'Referred elsewhere',
    not_applicable: 'Not applicable', clarification: 'Clarification asked', unanswered: 'Unanswered',
  };

  const byId = (id) => document.getElementById(id);
  const ui = {
    input: byId('input'), analyse: byId('analyse'), fileInput: byId('file-input'),
    example: byId('example'), cancel: byId('cancel'), engine: byId('engine'), status: byId('status'), error: byId('error'),
    batch: byId('batch'), progress: byId('progress'), progressText: byId('progress-text'),
    fileChoice: byId('file-choice'), batchErrors: byId('batch-errors'),
    results: byId('results'), resultsName: byId('results-name'), thread: byId('thread'),
    filter: byId('status-filter'), rows: byId('answer-rows'), noQuestions: byId('no-questions'),
    rowsCapped: byId('rows-capped'), diagnostics: byId('diagnostics'), source: byId('source'),
    sourceNote: byId('source-note'), version: byId('version'), overlay: byId('drop-overlay'),
    statusBasis: byId('status-basis'), sourceFormat: byId('source-format'),
    downloadJson: byId('download-json'), downloadCsv: byId('download-csv'), copy: byId('copy-table'),
  };

  const timings = { start: null, compiled: null, workerSource: null, ready: null, warm: null, analyses: [] };
  const setState = (s) => { document.body.dataset.state = s; };
  const say = (text) => { ui.status.textContent = text; };

  // ---- The worker -------------------------------------------------------------------------

  class Trap extends Error {}
  class Cancelled extends Error {}

  let modulePromise = null; // the compiled WebAssembly.Module, shared by every worker
  let workerUrl = null;
  let worker = null;
  let started = null; // Promise: the first worker has been created
  let ready = null; // Promise of the current worker's 'ready' message
  let running = null; // {id, resolve, reject} of the message the worker is working on
  let nextId = 1;
  let restarts = 0;

  function base64ToBytes(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  async function compileModule() {
    const inline = byId('wasm-src');
    if (inline) return WebAssembly.compile(base64ToBytes(inline.textContent.trim()));
    const url = new URL('foi_analyser_wasm_bg.wasm', document.baseURI);
    if (typeof WebAssembly.compileStreaming === 'function') {
      try {
        return await WebAssembly.compileStreaming(fetch(url));
      } catch (e) {
        // a server that does not say application/wasm: compile from the bytes instead
      }
    }
    const resp = await fetch(url);
    return WebAssembly.compile(await resp.arrayBuffer());
  }

  // The worker always runs from a Blob URL made from its source text, fetched once while the
  // page loads: it then shares this page's Content-Security-Policy, it works from file://
  // (Chrome refuses a worker script file there), and a restarted worker fetches nothing.
  async function makeWorkerUrl() {
    const inline = byId('worker-src');
    let src;
    if (inline) {
      src = inline.textContent;
    } else {
      const get = async (f) => {
        const resp = await fetch(new URL(f, document.baseURI));
        if (!resp.ok) throw new Error(`${f}: HTTP ${resp.status}`);
        return resp.text();
      };
      const [glue, main] = await Promise.all([get('foi_analyser_wasm.js'), get('worker.js')]);
      src = `${glue}\n${main}`;
    }
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    // The Content-Security-Policy requires Trusted Types: no string ever reaches an HTML or
    // script sink, except this one Blob URL of our own worker.
    if (window.trustedTypes) {
      const policy = window.trustedTypes.createPolicy('foi-worker', {
        createScriptURL: (u) => {
          if (u !== url) throw new TypeError('only the analyser worker may be loaded');
          return u;
        },
      });
      return policy.createScriptURL(url);
    }
    return url;
  }

  function spawn() {
    const w = new Worker(workerUrl);
    worker = w;
    let resolveReady;
    let rejectReady;
    ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
    ready.catch(() => {}); // handled where awaited
    w.onmessage = (event) => {
      const m = event.data;
      if (m.type === 'ready') {
        resolveReady(m);
        // The first worker runs the engine on the built-in example in the background: the
        // browser optimises the hot code before the user's first input (the first analysis on
        // a fresh module is many times slower), and the optimised code stays with the compiled
        // module for any later worker. Not tracked as a job: an input that arrives meanwhile
        // waits for it (well under a second).
        if (restarts === 0) w.postMessage({ type: 'warm', text: byId('example-reply').textContent });
      } else if (m.type === 'warm') timings.warm = performance.now();
      else if (m.type === 'fatal') rejectReady(new Error(m.message));
      else if (m.type === 'result' || m.type === 'bench' || m.type === 'offsets' || m.type === 'needs') settle(m.id, m, null);
      else if (m.type === 'trap') {
        restart();
        settle(m.id, null, new Trap(m.message));
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      const err = new Trap(event.message || 'the analyser stopped');
      rejectReady(err);
      if (worker === w) {
        const r = running;
        restart();
        if (r) settle(r.id, null, err);
      }
    };
    modulePromise.then((module) => w.postMessage({ type: 'init', module }), (err) => rejectReady(err));
  }

  function restart() {
    if (worker) worker.terminate();
    restarts++;
    spawn();
  }

  function settle(id, value, err) {
    if (!running || running.id !== id) return;
    const r = running;
    running = null;
    if (err) r.reject(err);
    else r.resolve(value);
  }

  // Stops whatever the worker is doing (a long analysis) by replacing the worker.
  function cancelRunning() {
    if (!running) return;
    const r = running;
    running = null;
    restart();
    r.reject(new Cancelled('cancelled'));
  }

  async function call(msg, transfer) {
    await started;
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      running = { id, resolve, reject };
      worker.postMessage({ ...msg, id }, transfer || []);
    });
  }

  async function start() {
    timings.start = performance.now();
    modulePromise = compileModule();
    modulePromise.then(() => { timings.compiled = performance.now(); }, () => {}); // errors: see `ready`
    started = makeWorkerUrl().then((url) => { workerUrl = url; timings.workerSource = performance.now(); spawn(); });
    try {
      await started;
      const m = await ready;
      timings.ready = performance.now();
      ui.engine.textContent = 'Analyser ready.';
      ui.version.textContent = `version ${m.version}`;
      if (document.body.dataset.state === 'loading') setState('ready');
    } catch (err) {
      ui.engine.textContent = 'The analyser could not start.';
      showError(`The analyser could not start in this browser (${err.message}). ` +
        'The page needs WebAssembly; try a current version of Chrome, Edge, Firefox or Safari.');
    }
  }

  // ---- Input --------------------------------------------------------------------------------

  let generation = 0; // bumped by every new input; older runs stop drawing
  let debounce = 0;

  function analysePaste(name) {
    clearTimeout(debounce);
    analyseInputs([{ name: name || PASTE_NAME, text: ui.input.value }]);
  }

  async function readFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      throw new Error(`${file.name} is ${mb(file.size)} MB; the page reads files up to ` +
        `${mb(MAX_FILE_BYTES)} MB. Split it, or use the command-line tool.`);
    }
    return new Uint8Array(await file.arrayBuffer());
  }

  function analyseFiles(fileList) {
    const files = Array.from(fileList || []);
    if (files.length === 0) return;
    // Several files: a batch, compared as replies to one questionnaire (compare.js).
    if (files.length > 1 && window.foiCompare) {
      generation++;
      cancelRunning();
      batchResults = [];
      window.foiCompare.run(files);
      return;
    }
    analyseInputs(files.map((file) => ({ name: file.name, file })));
  }

  async function analyseInputs(inputs) {
    if (window.foiCompare) window.foiCompare.stop();
    const my = ++generation;
    cancelRunning();
    setState('busy');
    clearError();
    const batch = inputs.length > 1;
    ui.batch.hidden = !batch;
    batchResults = [];
    ui.fileChoice.replaceChildren();
    ui.batchErrors.replaceChildren();
    ui.progress.max = inputs.length;
    ui.progress.value = 0;
    ui.progressText.textContent = `0 of ${inputs.length}`;
    const size = inputs.reduce((n, x) => n + (x.file ? x.file.size : (x.text || '').length), 0);
    const what = batch ? `${inputs.length} files` : displayName(inputs[0].name);
    const working = `Analysing ${what}${size >= 1024 * 1024 ? ` (${mb(size)} MB; large inputs take a while, and you can stop)` : ''}…`;
    say(working);
    ui.cancel.hidden = false;
    const t0 = performance.now();
    const ticker = setInterval(() => {
      if (my !== generation || document.body.dataset.state !== 'busy') return;
      if (!batch) say(`${working} ${Math.round((performance.now() - t0) / 1000)} s`);
    }, 1000);
    try {
      await runInputs(my, inputs, batch);
    } finally {
      clearInterval(ticker);
      if (my === generation) ui.cancel.hidden = true;
    }
  }

  // Stops the analysis in progress (the Stop button): the worker is replaced.
  function stop() {
    generation++;
    cancelRunning();
    if (window.foiReaders) window.foiReaders.stop();
    if (window.foiCompare) window.foiCompare.stop();
    ui.cancel.hidden = true;
    ui.results.hidden = true;
    current = null;
    say('Stopped. Paste, drop or open another reply.');
    setState('ready');
  }

  async function runInputs(my, inputs, batch) {
    let shown = false;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      let outcome;
      try {
        const bytes = input.file ? await readFile(input.file) : undefined;
        if (my !== generation) return;
        const msg = { type: 'analyse', name: input.name, bytes, text: input.text, panic: input.panic };
        const t0 = performance.now();
        const result = await analyseWithReaders(my, msg, bytes);
        if (!result) return; // a newer input took over while a reader was reading
        result.roundTrip = performance.now() - t0;
        timings.analyses.push({ name: input.name, ms: result.ms, roundTrip: result.roundTrip });
        outcome = { name: input.name, result };
      } catch (err) {
        if (err instanceof Cancelled || my !== generation) return;
        outcome = { name: input.name, error: failureMessage(input.name, err) };
      }
      if (my !== generation) return;
      batchResults.push(outcome);
      const failed = outcome.error || readError(outcome.result);
      if (batch) {
        addChoice(batchResults.length - 1, outcome);
        if (failed) addBatchError(input.name, failed);
        ui.progress.value = i + 1;
        ui.progressText.textContent = `${i + 1} of ${inputs.length}`;
        if (i + 1 < inputs.length) say(`Analysed ${i + 1} of ${inputs.length} files…`);
      }
      if (!shown && (!failed || !batch)) {
        shown = true;
        showOutcome(outcome, batch);
        if (batch && i + 1 < inputs.length) setState('busy');
        if (batch) ui.fileChoice.value = String(batchResults.length - 1);
      }
    }
    if (batch) {
      const ok = batchResults.filter((o) => !o.error && !readError(o.result)).length;
      say(`Analysed ${inputs.length} files: ${ok} read, ${inputs.length - ok} could not be read.`);
      if (!shown) showOutcome(batchResults[0], true);
      else setState(document.body.dataset.state === 'busy' ? 'done' : document.body.dataset.state);
    }
  }

  const READER_WORDS = { formats: 'the reader of e-mail, Word, Excel, OpenDocument, zip and HTML files', pdf: 'the PDF reader' };

  // Analyses one input; when the start-up module says that it needs an on-demand reader
  // (readers.js), reads it with that reader and analyses what it read. Null when a newer input
  // took over meanwhile.
  async function analyseWithReaders(my, msg, bytes) {
    const first = await call(msg, bytes ? [bytes.buffer] : []);
    if (first.type !== 'needs') return first;
    if (!batchMode()) say(`Reading ${displayName(msg.name)} with ${READER_WORDS[first.need] || first.need}…`);
    const prepared = await window.foiReaders.prepare(first.bytes, first.need);
    if (my !== generation) return null;
    return call({ ...msg, text: undefined, bytes: first.bytes, prepared }, [first.bytes.buffer]);
  }

  const batchMode = () => !ui.batch.hidden;

  function failureMessage(name, err) {
    if (err instanceof Trap) {
      return `The analyser failed on ${displayName(name)} (an internal error: ${err.message}). ` +
        'It has been restarted, so you can go on with another input; please report this with the file.';
    }
    return err.message || String(err);
  }

  // The message of an analysis whose input could not be read (error diagnostics), or null.
  function readError(result) {
    const errors = (result.analysis.diagnostics || []).filter((d) => d.level === 'error');
    if (errors.length === 0) return null;
    return errors.map((d) => d.message).join(' ');
  }

  // ---- Results ------------------------------------------------------------------------------

  let batchResults = [];
  let current = null; // the result shown: {name, json, csv, text, analysis, offsets}
  let selectedRow = null;

  function addChoice(index, outcome) {
    const opt = document.createElement('option');
    opt.value = String(index);
    opt.textContent = outcome.error || readError(outcome.result)
      ? `${outcome.name} (could not be read)` : outcome.name;
    ui.fileChoice.append(opt);
  }

  function addBatchError(name, message) {
    const li = document.createElement('li');
    const b = document.createElement('strong');
    b.textContent = name;
    li.append(b, `: ${message}`);
    ui.batchErrors.append(li);
  }

  function showOutcome(outcome, batch) {
    if (outcome.error) {
      current = null;
      ui.results.hidden = true;
      showError(`${batch ? `${outcome.name}: ` : ''}${outcome.error}`);
      return;
    }
    show(outcome.result, batch);
  }

  function show(result, batch) {
    current = result;
    const a = result.analysis;
    const problem = readError(result);
    if (problem) {
      ui.results.hidden = true;
      showError(`${batch || result.name !== PASTE_NAME ? `${displayName(result.name)}: ` : ''}${problem}`);
      return;
    }
    clearError();
    ui.results.hidden = false;
    ui.resultsName.textContent = `for ${displayName(result.name)}`;
    drawFormat(a.source || {});
    drawThread(a.thread || {});
    drawTable(a.questions || []);
    drawDiagnostics(a.diagnostics || []);
    selectedRow = null;
    drawSource([]);
    drawBasis(null);
    const n = (a.questions || []).length;
    say(`Found ${n} question${n === 1 ? '' : 's'} in ${displayName(result.name)} ` +
      `(analysed in ${fmtMs(result.ms)}).`);
    setState('done');
  }

  const FORMAT_WORDS = {
    email: 'an e-mail', mbox: 'a mailbox', html: 'a web page', 'wdtk-page': 'a saved WhatDoTheyKnow page',
    docx: 'a Word document', odt: 'an OpenDocument text', xlsx: 'an Excel workbook',
    ods: 'an OpenDocument spreadsheet', csv: 'a CSV table', pdf: 'a PDF', zip: 'a zip archive',
  };

  // What the input was read as (`source.format`), with its parts: "read as a PDF (3 pages)".
  function drawFormat(source) {
    const words = FORMAT_WORDS[source.format];
    ui.sourceFormat.dataset.format = source.format || '';
    if (!words) {
      ui.sourceFormat.textContent = '';
      return;
    }
    const parts = source.parts || [];
    const count = (kind, one, many) => {
      const n = parts.filter((p) => p.kind === kind).length;
      return n ? `${n} ${n === 1 ? one : many}` : null;
    };
    const detail = [count('page', 'page', 'pages'), count('attachment', 'attachment', 'attachments'),
      count('member', 'file', 'files'), count('sheet', 'sheet', 'sheets'), count('message', 'message', 'messages')]
      .filter(Boolean).join(', ');
    ui.sourceFormat.textContent = `(read as ${words}${detail ? `: ${detail}` : ''})`;
  }

  function showError(message) {
    ui.error.hidden = false;
    ui.error.textContent = message;
    say('');
    setState('error');
  }

  function clearError() {
    ui.error.hidden = true;
    ui.error.textContent = '';
  }

  function field(label, value, opts) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    if (value === null || value === undefined || value === '') {
      dd.className = 'missing';
      dd.textContent = 'not found';
    } else if (value instanceof Node) {
      dd.append(value);
    } else {
      dd.textContent = String(value);
    }
    if (opts && opts.key) dd.dataset.field = opts.key;
    ui.thread.append(dt, dd);
  }

  function drawThread(t) {
    ui.thread.replaceChildren();
    if (t.title) field('Title', t.title, { key: 'title' });
    field('Authority', t.authority, { key: 'authority' });
    field(t.references && t.references.length > 1 ? 'References' : 'Reference',
      (t.references || []).join(', '), { key: 'references' });
    field('Requester', t.requester, { key: 'requester' });
    field('Law', LAW_NAME[t.law] || t.law, { key: 'law' });
    field('Received', date(t.received), { key: 'received' });
    field('Due', due(t.due), { key: 'due' });
    field('Responded', date(t.responded), { key: 'responded' });
    let timely = null;
    if (t.late === true) timely = 'Late';
    else if (t.late === false) timely = 'On time';
    if (timely && typeof t.working_days_taken === 'number') {
      timely += ` (${t.working_days_taken} working days)`;
    }
    field('Late or on time', timely, { key: 'late' });
    let outcome = t.outcome ? t.outcome.replace(/_/g, ' ') : null;
    if (outcome && t.outcome_basis) outcome += ` (${t.outcome_basis})`;
    field('Outcome', outcome, { key: 'outcome' });
    if (t.exemptions && t.exemptions.length) field('Exemptions cited', exemptionsText(t.exemptions));
    if (t.messages && t.messages.length) {
      const kinds = t.messages.filter((m) => !m.quoted).map((m) => m.kind.replace(/_/g, ' '));
      const quoted = t.messages.length - kinds.length;
      field('Messages', `${kinds.join(', ') || 'none'}${quoted ? ` (+${quoted} quoted)` : ''}`);
    }
  }

  const LAW_NAME = {
    FOIA: 'Freedom of Information Act 2000', EIR: 'Environmental Information Regulations 2004',
    FOISA: 'Freedom of Information (Scotland) Act 2002',
    EIRS: 'Environmental Information (Scotland) Regulations 2004',
  };

  function date(iso) {
    if (!iso) return null;
    const t = document.createElement('time');
    t.dateTime = iso;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (m) {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      const human = d.toLocaleDateString('en-GB', {
        weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC',
      });
      t.textContent = `${human} (${iso})`;
    } else {
      t.textContent = iso;
    }
    return t;
  }

  function due(d) {
    if (!d) return null;
    const span = document.createElement('span');
    span.append(date(d.value));
    const parts = [];
    parts.push(d.stated ? `stated in the reply: ${d.stated}` : 'not stated in the reply');
    if (d.computed) {
      parts.push(`computed: ${d.computed} (${d.working_days} working days, ${d.holidays} holidays)`);
    } else {
      parts.push('not computed (no date of receipt)');
    }
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = parts.join('; ');
    span.append(' ', detail);
    return span;
  }

  function exemptionsText(list) {
    return (list || []).map((e) => (e.law === 'EIR' || e.law === 'EIRS'
      ? `${e.law} reg ${e.section}` : `${e.law} s${e.section}`)).join('; ');
  }

  const QUALIFIER = { at_least: '≥ ', at_most: '≤ ', approx: '≈ ', less_than: '< ' };
  const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const num = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

  function valueText(v) {
    const q = QUALIFIER[v.qualifier] || '';
    const x = v.value;
    let s;
    if (typeof x === 'boolean') s = x ? 'yes' : 'no';
    else if (typeof x === 'number') {
      if (v.kind === 'money' && (!v.unit || v.unit === 'GBP')) s = gbp.format(x);
      else if (v.kind === 'percent') s = `${num.format(x)}%`;
      else if (v.kind === 'area') s = `${num.format(x)} km²`;
      else if (v.kind === 'duration') s = `${num.format(x)} months`;
      else if (v.kind === 'year') s = String(x);
      else s = num.format(x);
      if (v.unit && !['GBP', '%', 'km2', 'km²', 'months'].includes(v.unit)) s += ` ${v.unit}`;
    } else s = x === null || x === undefined ? '?' : String(x);
    return `${v.kind.replace(/_/g, ' ')}: ${q}${s}`;
  }

  function drawTable(questions) {
    ui.rows.replaceChildren();
    const frag = document.createDocumentFragment();
    const shown = questions.slice(0, MAX_ROWS);
    shown.forEach((q, i) => frag.append(row(q, i)));
    ui.rows.append(frag);
    ui.noQuestions.hidden = questions.length > 0;
    ui.rowsCapped.hidden = questions.length <= MAX_ROWS;
    ui.rowsCapped.textContent = questions.length > MAX_ROWS
      ? `Showing the first ${MAX_ROWS} of ${questions.length} questions; the downloads hold all of them.` : '';
    // The filter: every status present, in a fixed order, with counts.
    const counts = new Map();
    for (const q of questions) counts.set(q.status, (counts.get(q.status) || 0) + 1);
    ui.filter.replaceChildren(option('all', `All questions (${questions.length})`));
    const statuses = [...counts.keys()].sort((x, y) => rank(x) - rank(y));
    for (const s of statuses) ui.filter.append(option(s, `${STATUS_LABEL[s] || s} (${counts.get(s)})`));
    ui.filter.value = 'all';
    const none = questions.length === 0;
    ui.filter.disabled = none;
    ui.copy.disabled = none;
  }

  const rank = (s) => { const i = STATUS_ORDER.indexOf(s); return i < 0 ? 99 : i; };

  function option(value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  }

  function cell(tag, text, cls) {
    const c = document.createElement(tag);
    if (cls) c.className = cls;
    if (text !== undefined && text !== null) c.textContent = text;
    return c;
  }

  function row(q, index) {
    const tr = document.createElement('tr');
    tr.setAttribute('data-testid', 'answer-row');
    tr.dataset.qid = q.id;
    tr.dataset.status = q.status;
    tr.dataset.index = String(index);
    if (q.parent) tr.classList.add('sub');
    if (q.header) tr.classList.add('group');

    const th = cell('th');
    th.scope = 'row';
    const b = cell('button', q.id, 'qid');
    b.type = 'button';
    b.setAttribute('aria-label', `Question ${q.id}: show its answer in the source`);
    b.addEventListener('click', (e) => { e.stopPropagation(); select(index); });
    th.append(b);

    const answer = cell('td', null, 'answer');
    if (q.answer && q.answer.text) answer.append(cell('div', q.answer.text, 'clamp'));
    else answer.append(cell('span', 'No answer found', 'missing'));
    if (q.refers_to) answer.append(cell('span', `See the answer to ${q.refers_to}.`, 'refers'));

    const status = cell('td');
    status.append(cell('span', STATUS_LABEL[q.status] || q.status, `badge s-${q.status}`));

    const values = cell('td', null, 'values');
    if (q.values && q.values.length) {
      const ul = document.createElement('ul');
      for (const v of q.values) {
        const li = cell('li', valueText(v));
        if (v.text) li.title = `Read from: ${v.text}`;
        ul.append(li);
      }
      values.append(ul);
    }

    const question = cell('td', null, 'question');
    question.append(cell('div', q.text, 'clamp'));
    const exemptions = cell('td', exemptionsText(q.exemptions), 'exemptions');
    // Labels for the narrow layout, where each row is drawn as a card.
    question.dataset.label = 'Question';
    answer.dataset.label = 'Answer';
    status.dataset.label = 'Status';
    exemptions.dataset.label = 'Exemptions';
    values.dataset.label = 'Values';
    tr.append(th, question, answer, status, exemptions, values);
    tr.addEventListener('click', () => {
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed && tr.contains(sel.anchorNode)) return; // the user is selecting text
      select(index);
    });
    return tr;
  }

  function toIndex(byteOffset) {
    const i = current && current.offsets ? current.offsets.get(byteOffset) : undefined;
    return i === undefined ? null : i;
  }

  function u16Span(span) {
    if (!span) return null;
    const start = toIndex(span.start);
    const end = toIndex(span.end);
    if (start === null || end === null || end < start) return null;
    return { start, end };
  }

  function select(index) {
    if (!current) return;
    const q = current.analysis.questions[index];
    if (!q) return;
    if (selectedRow) selectedRow.removeAttribute('aria-current');
    selectedRow = ui.rows.querySelector(`tr[data-index="${index}"]`);
    if (selectedRow) selectedRow.setAttribute('aria-current', 'true');
    const marks = [];
    const ans = q.answer ? u16Span(q.answer.span) : null;
    const qs = u16Span(q.span);
    const ansPart = ans ? partLabel(q.answer.span) : '';
    if (ans) marks.push({ ...ans, cls: 'hl-answer', testid: 'highlight', label: `answer to ${q.id}`, part: ansPart });
    if (qs && !(ans && qs.start < ans.end && ans.start < qs.end)) {
      marks.push({ ...qs, cls: 'hl-question', testid: 'highlight-question', label: `question ${q.id}`, part: partLabel(q.span) });
    }
    // The evidence of the status: outside the answer it gets a mark of its own; inside, the
    // panel above the source quotes it.
    const basis = q.status_basis ? u16Span(q.status_basis.span) : null;
    if (basis && !(ans && basis.start >= ans.start && basis.end <= ans.end) &&
        !marks.some((m) => basis.start < m.end && m.start < basis.end)) {
      marks.push({ ...basis, cls: 'hl-basis', testid: 'highlight-basis', label: `why ${q.id} is ${q.status}` });
    }
    drawBasis(q);
    drawSource(marks);
    const target = ui.source.querySelector('[data-testid="highlight"]') ||
      ui.source.querySelector('[data-testid="highlight-question"]');
    if (target) {
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
      const line = current.text.slice(0, (ans || qs).start).split('\n').length;
      const where = ans ? ansPart : partLabel(q.span);
      const at = `${where ? `${where}; ` : ''}line ${line}`;
      say(ans ? `Question ${q.id}: its answer is highlighted in the source (${at}).`
        : `Question ${q.id}: no answer was found; the question is highlighted in the source (${at}).`);
    } else {
      say(`Question ${q.id}: no answer was found, so there is nothing to highlight.`);
    }
  }

  // Where a span (UTF-8 byte offsets) lies in the input, from the source map of the JSON
  // (`source.parts`): the parts that hold its start, outermost first ("attachment 2: reply.pdf,
  // page 3"), or '' for plain text.
  function partLabel(span) {
    const parts = (current && current.analysis.source && current.analysis.source.parts) || [];
    if (!span) return '';
    return parts.filter((p) => p.span && p.span.start <= span.start && span.start < p.span.end)
      .sort((a, b) => (b.span.end - b.span.start) - (a.span.end - a.span.start))
      .map((p) => p.label).join(', ');
  }

  /** The words that decided the selected question's status, as text (never as markup). */
  function drawBasis(q) {
    if (!q || !q.status_basis) {
      ui.statusBasis.hidden = true;
      ui.statusBasis.replaceChildren();
      return;
    }
    const label = cell('strong', `Why “${q.status.replace(/_/g, ' ')}”: `);
    const quote = cell('q', q.status_basis.text);
    ui.statusBasis.replaceChildren(label, quote);
    ui.statusBasis.dataset.status = q.status;
    ui.statusBasis.hidden = false;
  }

  function drawSource(marks) {
    const text = current && current.text !== null ? current.text : '';
    let from = 0;
    let to = text.length;
    if (text.length > SOURCE_MAX) {
      const centre = marks.length ? marks[0].start : 0;
      from = Math.max(0, Math.min(centre - SOURCE_WINDOW / 2, text.length - SOURCE_WINDOW));
      to = Math.min(text.length, from + SOURCE_WINDOW);
      if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
      if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
      ui.sourceNote.hidden = false;
      ui.sourceNote.textContent = `The text is long: showing characters ${from + 1}–${to} of ${text.length}.`;
    } else {
      ui.sourceNote.hidden = true;
    }
    const frag = document.createDocumentFragment();
    let at = from;
    const sorted = marks.filter((m) => m.end > from && m.start < to).sort((x, y) => x.start - y.start);
    for (const m of sorted) {
      const s = Math.max(m.start, at);
      const e = Math.min(m.end, to);
      if (e < s) continue;
      if (s > at) frag.append(document.createTextNode(text.slice(at, s)));
      const mark = document.createElement('mark');
      mark.className = m.cls;
      mark.setAttribute('data-testid', m.testid);
      mark.setAttribute('aria-label', m.part ? `${m.label} (${m.part})` : m.label);
      if (m.part) mark.dataset.part = m.part;
      mark.textContent = text.slice(s, e);
      frag.append(mark);
      at = e;
    }
    if (at < to) frag.append(document.createTextNode(text.slice(at, to)));
    ui.source.replaceChildren(frag);
  }

  const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

  function drawDiagnostics(list) {
    ui.diagnostics.replaceChildren();
    if (list.length === 0) {
      ui.diagnostics.append(cell('p', 'None: the analyser read the whole text.', 'note'));
      return;
    }
    const ul = cell('ul', null, 'diags');
    for (const d of list) {
      const li = document.createElement('li');
      li.dataset.level = d.level;
      li.append(cell('span', d.level, `badge level-${d.level}`), ' ', d.message);
      const s = u16Span(d.span);
      if (s) {
        const b = cell('button', 'Show in the source', 'link');
        b.type = 'button';
        b.addEventListener('click', () => {
          if (selectedRow) selectedRow.removeAttribute('aria-current');
          selectedRow = null;
          drawSource([{ ...s, cls: 'hl-answer', testid: 'highlight', label: 'the place of this note' }]);
          const m = ui.source.querySelector('mark');
          if (m) m.scrollIntoView({ block: 'center' });
        });
        li.append(' ', b);
      }
      ul.append(li);
    }
    ui.diagnostics.append(ul);
  }

  // ---- Filter, downloads, copy ----------------------------------------------------------------

  function applyFilter() {
    const want = ui.filter.value;
    for (const tr of ui.rows.children) tr.hidden = want !== 'all' && tr.dataset.status !== want;
    const n = [...ui.rows.children].filter((tr) => !tr.hidden).length;
    say(`Showing ${n} question${n === 1 ? '' : 's'}.`);
  }

  function baseName(name) {
    if (!name || name === PASTE_NAME) return 'pasted-reply';
    const file = name.split(/[\\/]/).pop();
    return file.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'reply';
  }

  function download(text, filename, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(`Saved ${filename}.`);
  }

  function visibleQuestions() {
    if (!current) return [];
    return [...ui.rows.children].filter((tr) => !tr.hidden)
      .map((tr) => current.analysis.questions[Number(tr.dataset.index)]);
  }

  async function copyTable() {
    const qs = visibleQuestions();
    const head = ['id', 'question', 'answer', 'status', 'exemptions', 'values'];
    const rows = qs.map((q) => [q.id, q.text, q.answer ? q.answer.text : '', q.status,
      exemptionsText(q.exemptions), (q.values || []).map(valueText).join('; ')]);
    const tsv = [head, ...rows].map((r) => r.map((c) => String(c).replace(/[\t\r\n]+/g, ' ')).join('\t'))
      .join('\r\n') + '\r\n';
    const table = document.createElement('table');
    for (const [i, r] of [head, ...rows].entries()) {
      const tr = document.createElement('tr');
      for (const c of r) tr.append(cell(i === 0 ? 'th' : 'td', c));
      table.append(tr);
    }
    const html = table.outerHTML; // built from text nodes: the input cannot become markup
    try {
      if (navigator.clipboard && window.ClipboardItem) {
        await navigator.clipboard.write([new ClipboardItem({
          'text/plain': new Blob([tsv], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        })]);
      } else {
        await navigator.clipboard.writeText(tsv);
      }
      say(`Copied ${qs.length} row${qs.length === 1 ? '' : 's'} to the clipboard (paste into a spreadsheet).`);
    } catch (err) {
      // The older way, for browsers that refuse the asynchronous clipboard here.
      const ta = document.createElement('textarea');
      ta.value = tsv;
      ta.setAttribute('readonly', '');
      ta.className = 'offscreen';
      document.body.append(ta);
      ta.select();
      const ok = document.execCommand && document.execCommand('copy');
      ta.remove();
      say(ok ? `Copied ${qs.length} rows to the clipboard.` : 'The browser did not allow copying to the clipboard.');
    }
  }

  // ---- Small helpers --------------------------------------------------------------------------

  const mb = (n) => Math.round(n / (1024 * 1024));
  const fmtMs = (ms) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);
  const displayName = (name) => (name === PASTE_NAME ? 'the pasted text' : name);

  // ---- Wiring ---------------------------------------------------------------------------------

  ui.input.addEventListener('input', () => {
    clearTimeout(debounce);
    if (ui.input.value.trim() === '') return;
    debounce = setTimeout(() => analysePaste(), DEBOUNCE_MS);
  });
  ui.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      analysePaste();
    }
  });
  ui.analyse.addEventListener('click', () => analysePaste());
  ui.cancel.addEventListener('click', stop);
  ui.example.addEventListener('click', () => {
    ui.input.value = byId('example-reply').textContent.replace(/^\n/, '');
    analysePaste('example-reply.txt');
  });
  ui.fileInput.addEventListener('change', () => {
    analyseFiles(ui.fileInput.files);
    ui.fileInput.value = '';
  });
  ui.filter.addEventListener('change', applyFilter);
  ui.fileChoice.addEventListener('change', () => {
    const o = batchResults[Number(ui.fileChoice.value)];
    if (o) showOutcome(o, true);
  });
  ui.downloadJson.addEventListener('click', () => {
    if (current) download(current.json, `${baseName(current.name)}.foi.json`, 'application/json');
  });
  ui.downloadCsv.addEventListener('click', () => {
    if (current) download(current.csv, `${baseName(current.name)}.foi.csv`, 'text/csv;charset=utf-8');
  });
  ui.copy.addEventListener('click', copyTable);

  // Drag and drop anywhere on the page (the file picker is the non-drag alternative).
  let dragDepth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    dragDepth++;
    ui.overlay.hidden = false;
  });
  document.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) ui.overlay.hidden = true;
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e) && e.target === ui.input) return; // dragging text into the box
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    dragDepth = 0;
    ui.overlay.hidden = true;
    const files = e.dataTransfer ? e.dataTransfer.files : null;
    if (files && files.length) {
      e.preventDefault();
      analyseFiles(files);
    } else if (e.target !== ui.input) {
      e.preventDefault();
      const text = e.dataTransfer ? e.dataTransfer.getData('text/plain') : '';
      if (text) {
        ui.input.value = text;
        analysePaste();
      }
    }
  });

  // For the page's own tests and benchmark; nothing here reaches the network.
  window.foiAnalyser = {
    // What compare.js (the batch comparison) shares with this file.
    internals: {
      module: () => modulePromise,
      workerUrl: async () => { await started; return workerUrl; },
      showOutcome: (outcome) => showOutcome(outcome, true),
      analyseFiles: (files) => analyseFiles(files),
      select: (index) => select(index),
      say,
      setState,
      clearError,
      mb,
      MAX_FILE_BYTES,
    },
    timings,
    get restarts() { return restarts; },
    ready: () => ready,
    // Makes the wasm panic while analysing, as a bug would: the page must say so and recover.
    panicForTest: () => analyseInputs([{ name: 'panic-test.txt', text: 'x', panic: true }]),
    bench: (bytes, name, minMs) => call({ type: 'bench', bytes, name, minMs }),
    // Draws a given result ({name, json, csv, text, analysis}); the worker maps its spans.
    show: async (result) => {
      const m = await call({ type: 'offsets', text: result.text, analysis: result.analysis });
      show({ ms: 0, ...result, offsets: m.offsets }, false);
    },
  };

  start();
})();
