// The page in headless Chromium: input (paste, drop, file picker, example), results (thread,
// table, filter, highlight, downloads, copy), bad and hostile input, no network after load,
// the single file from file://, keyboard-only use, accessibility (axe-core) and screenshots.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ARTIFACTS, CORPUS, DIST, afterAnalysis, checkBuilt, cli, downloadBytes, dropFiles, goldCases,
  launch, openPage, pasteAndAnalyse, rows, serveDist, tid, waitState,
} from '../lib.mjs';
import { fixture } from '../fixture.mjs';

checkBuilt();
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const EXAMPLE = readFileSync(join(DIST, '..', 'www', 'example.txt'), 'utf8');
const HOSTILE_HTML = join(CORPUS, 'peers/alaveteli/documents/interesting.html');
const SCANNED_PDF = join(DIST, '..', 'tests', 'fixtures', 'formats', 'scanned.pdf');
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const tmp = mkdtempSync(join(tmpdir(), 'foi-page-test-'));
mkdirSync(ARTIFACTS, { recursive: true });

// The CLI's output for `bytes` saved as a file called `name` (so the source name matches).
function cliOn(format, name, bytes) {
  const dir = mkdtempSync(join(tmp, 'cli-'));
  writeFileSync(join(dir, name), bytes);
  return cli(format, name, { cwd: dir });
}

async function showFixture(page) {
  const f = fixture();
  await page.evaluate(async (r) => window.foiAnalyser.show(r), { name: f.name, json: f.json, csv: f.csv, text: f.text, analysis: f.analysis });
  await waitState(page, ['done']);
  return f;
}

async function axeViolations(page) {
  await page.evaluate(AXE); // runs outside the page's CSP (DevTools protocol)
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
}

describe('the page', () => {
  let srv;
  let browser;
  before(async () => {
    srv = await serveDist();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('loads, becomes ready and says that nothing leaves the browser', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const privacy = await page.textContent(tid('privacy'));
    assert.match(privacy, /Nothing leaves your browser/);
    assert.ok(await page.isVisible(tid('privacy')));
    for (const id of ['input', 'analyse', 'file-input', 'example']) assert.ok(await page.$(tid(id)), `${id} is missing`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('loads the example reply in one click and downloads the CLI’s JSON and CSV for it', async () => {
    const { page, context } = await openPage(browser, srv.url);
    assert.equal(await afterAnalysis(page, () => page.click(tid('example'))), 'done');
    const text = await page.inputValue(tid('input'));
    assert.equal(text, EXAMPLE);
    const json = cliOn('json', 'example-reply.txt', text);
    assert.deepEqual(await rows(page), JSON.parse(json).questions.map((q) => ({ id: q.id, status: q.status })));
    const dj = await downloadBytes(page, 'download-json');
    assert.equal(dj.name, 'example-reply.foi.json');
    assert.ok(dj.bytes.equals(json), 'the JSON differs from the CLI output');
    const dc = await downloadBytes(page, 'download-csv');
    assert.equal(dc.name, 'example-reply.foi.csv');
    assert.ok(dc.bytes.equals(cliOn('csv', 'example-reply.txt', text)), 'the CSV differs from the CLI output');
    assert.deepEqual([...dc.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM');
    assert.ok(dc.bytes.toString('utf8').includes('\r\n'), 'the CSV ends its lines with CRLF');
    assert.ok((await page.textContent(tid('thread'))).length > 0);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('shows the questions of the example reply', async () => {
    const { page, context } = await openPage(browser, srv.url);
    await afterAnalysis(page, () => page.click(tid('example')));
    const got = await rows(page);
    assert.ok(got.length >= 7, `the example has 7 questions; the table shows ${got.length}`);
    await context.close();
  });

  it('analyses a dropped file: the JSON and CSV are the CLI’s for that file, byte for byte', async () => {
    const { page, context } = await openPage(browser, srv.url);
    for (const c of goldCases().slice(0, 3)) {
      const bytes = readFileSync(c.file);
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [{ name: c.name, bytes }])), 'done');
      const json = cli('json', c.name, { cwd: c.dir });
      assert.deepEqual(await rows(page), JSON.parse(json).questions.map((q) => ({ id: q.id, status: q.status })));
      const dj = await downloadBytes(page, 'download-json');
      assert.equal(dj.name, c.name.replace(/\.txt$/, '.foi.json'));
      assert.ok(dj.bytes.equals(json), `${c.name}: the JSON differs from the CLI output`);
      const dc = await downloadBytes(page, 'download-csv');
      assert.ok(dc.bytes.equals(cli('csv', c.name, { cwd: c.dir })), `${c.name}: the CSV differs from the CLI output`);
      assert.equal((await page.textContent(tid('source'))), readFileSync(c.file, 'utf8'));
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('takes several files from the file picker, reports the ones it cannot read and stays usable', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const [a, b] = goldCases();
    await page.setInputFiles(tid('file-input'), [
      { name: a.name, mimeType: 'text/plain', buffer: readFileSync(a.file) },
      { name: 'pixel.png', mimeType: 'image/png', buffer: PNG },
      { name: b.name, mimeType: 'text/plain', buffer: readFileSync(b.file) },
    ]);
    await page.waitForFunction(() => document.querySelector('[data-testid="progress"]').value === 3 &&
      document.body.dataset.state !== 'busy', null, { timeout: 30000 });
    assert.equal(await page.getAttribute(tid('progress'), 'max'), '3');
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'done');
    const errors = await page.$$eval(`${tid('batch-errors')} li`, (lis) => lis.map((li) => li.textContent));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /pixel\.png/);
    assert.match(errors[0], /PNG/i);
    // The shown result is the first file's; the chooser switches to the PNG's message and back.
    assert.deepEqual(await rows(page), JSON.parse(cli('json', a.name, { cwd: a.dir })).questions.map((q) => ({ id: q.id, status: q.status })));
    await page.selectOption('#file-choice', '1');
    assert.equal(await waitState(page, ['error']), 'error');
    assert.match(await page.textContent(tid('error')), /pixel\.png/);
    await page.selectOption('#file-choice', '2');
    assert.equal(await waitState(page, ['done']), 'done');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('gives a clear message for bad input (empty, binary, PNG, scanned PDF, too large) and stays usable', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const cases = [
      ['empty', () => pasteAndAnalyse(page, ''), /empty/i],
      ['white space', () => pasteAndAnalyse(page, ' \n\t \n'), /white space|empty/i],
      ['PNG', () => afterAnalysis(page, () => dropFiles(page, [{ name: 'photo.png', bytes: PNG, type: 'image/png' }])), /image|PNG/i],
      ['scanned PDF', () => afterAnalysis(page, () => dropFiles(page, [{ name: 'scanned.pdf', bytes: readFileSync(SCANNED_PDF) }])), /PDF/],
      ['binary', () => afterAnalysis(page, () => dropFiles(page, [{ name: 'x.bin', bytes: Buffer.alloc(4096, 1) }])), /text/i],
    ];
    for (const [what, act, re] of cases) {
      assert.equal(await act(), 'error', `${what}: the page is not in the error state`);
      const msg = await page.textContent(tid('error'));
      assert.match(msg, re, `${what}: ${msg}`);
      assert.ok(await page.isVisible(tid('error')));
      // Usable again at once: a good paste works.
      assert.equal(await pasteAndAnalyse(page, 'Dear Requester,\n1. How many? 12\n'), 'done', `${what}: not usable after`);
      assert.equal(await page.textContent(tid('error')), '');
    }
    // Bigger than the page reads (100 MB): refused before reading, with the limit in words.
    const huge = join(tmp, 'huge.txt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 101 * 1024 * 1024);
    closeSync(fd);
    assert.equal(await afterAnalysis(page, () => page.setInputFiles(tid('file-input'), huge)), 'error');
    assert.match(await page.textContent(tid('error')), /up to 100 MB/);
    rmSync(huge);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('takes a 50 MB reply in the worker: says so, never freezes, can be stopped or replaced', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const one = readFileSync(goldCases()[0].file);
    const big = join(tmp, 'big-reply.txt');
    const parts = [];
    let size = 0;
    while (size < 50 * 1024 * 1024) { parts.push(one); size += one.length; }
    writeFileSync(big, Buffer.concat(parts));
    const freeze = async () => {
      // The main thread answers while the worker works.
      const lags = [];
      for (let i = 0; i < 5 && (await page.evaluate(() => document.body.dataset.state)) === 'busy'; i++) {
        lags.push(await page.evaluate(() => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); })));
        await page.waitForTimeout(100);
      }
      assert.ok(lags.every((l) => l < 250), `the page froze: ${lags.join(', ')} ms`);
    };
    // Stop.
    await page.setInputFiles(tid('file-input'), big);
    assert.equal(await waitState(page, ['busy']), 'busy');
    assert.match(await page.textContent('#status'), /big-reply\.txt \(50 MB; large inputs take a while/);
    await freeze();
    assert.ok(await page.isVisible(tid('cancel')));
    await page.click(tid('cancel'));
    assert.equal(await waitState(page, ['ready']), 'ready');
    assert.match(await page.textContent('#status'), /Stopped/);
    assert.equal(await pasteAndAnalyse(page, 'Dear Requester,\n1. How many? 12\n'), 'done');
    assert.ok(await page.isHidden(tid('cancel')));
    // Replaced by a new input.
    await page.setInputFiles(tid('file-input'), big);
    assert.equal(await waitState(page, ['busy']), 'busy');
    await freeze();
    assert.equal(await afterAnalysis(page, () => page.click(tid('example'))), 'done');
    assert.match(await page.textContent('#status'), /example-reply\.txt/);
    rmSync(big);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('survives a panic in the WebAssembly: says so, restarts the worker and goes on', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const before = await page.evaluate(() => window.foiAnalyser.restarts);
    await page.evaluate(() => window.foiAnalyser.panicForTest());
    assert.equal(await waitState(page, ['error']), 'error');
    assert.match(await page.textContent(tid('error')), /internal error.*panic requested by the page's self-test/s);
    assert.equal(await page.evaluate(() => window.foiAnalyser.restarts), before + 1);
    assert.equal(await afterAnalysis(page, () => page.click(tid('example'))), 'done');
    await context.close();
  });

  it('shows hostile markup in a reply as text and runs nothing', async () => {
    const { page, context } = await openPage(browser, srv.url);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    });
    await page.reload();
    await waitState(page, ['ready']);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; d.dismiss(); });
    const scriptsBefore = await page.evaluate(() => document.scripts.length);
    const hostile = 'Dear Requester,\n1. <script>window.__pwned = "script"</script>\n' +
      'Answer: <img src=x onerror="window.__pwned = \'img\'"> <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>\n' +
      '2. <a href="javascript:window.__pwned=3">click</a> <svg onload="window.__pwned=4"></svg>\n';
    assert.equal(await pasteAndAnalyse(page, hostile), 'done');
    assert.equal(await page.textContent(tid('source')), hostile);
    // An HTML page with a script: read as text (the engine says it is not an FOI reply).
    const st = await afterAnalysis(page, () => dropFiles(page, [{ name: 'interesting.html', bytes: readFileSync(HOSTILE_HTML) }]));
    if (st === 'done') assert.match(await page.textContent(tid('source')), /<script>alert\('interesting'\)<\/script>/);
    else assert.match(await page.textContent(tid('error')), /interesting\.html/);
    const f = await showFixture(page);
    assert.equal(await page.textContent(`${tid('answer-row')}[data-qid="Q2"] td.question`), f.analysis.questions[1].text);
    await page.click(`${tid('answer-row')}[data-qid="Q2"] button`);
    assert.equal(await page.textContent(tid('highlight')), f.analysis.questions[1].answer.text);
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => ({
      pwned: window.__pwned,
      markup: document.querySelectorAll('main img, main iframe, main svg, main a[href^="javascript"], main script').length,
      violations: window.__violations,
    }));
    assert.deepEqual(found, { pwned: undefined, markup: 0, violations: [] });
    assert.equal(await page.evaluate(() => document.scripts.length), scriptsBefore);
    assert.equal(dialogs, 0);
    assert.deepEqual(page.problems, []);
    // Trusted Types are enforced: no string can reach an HTML sink, even by mistake.
    const sink = await page.evaluate(() => {
      try { document.createElement('div').innerHTML = '<b>x</b>'; return 'allowed'; } catch (e) { return e.name; }
    });
    assert.equal(sink, 'TypeError');
    await context.close();
  });

  it('makes no request after load but, for a file that needs one, a reader from the page\'s own files', async () => {
    const context = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const requests = [];
    let ready = false;
    const after = [];
    context.on('request', (r) => { requests.push(r.url()); if (ready) after.push(r.url()); });
    page.on('websocket', (w) => after.push(w.url()));
    await page.goto(srv.url);
    await waitState(page, ['ready']);
    ready = true;
    const hitsAtReady = srv.hits.length;
    await afterAnalysis(page, () => page.click(tid('example')));
    const [c] = goldCases();
    await pasteAndAnalyse(page, readFileSync(c.file, 'utf8'));
    await afterAnalysis(page, () => dropFiles(page, [{ name: c.name, bytes: readFileSync(c.file) }]));
    await afterAnalysis(page, () => dropFiles(page, [{ name: 'p.png', bytes: PNG }]));
    await showFixture(page);
    await page.click(`${tid('answer-row')} button`);
    await page.selectOption(tid('status-filter'), 'not_held');
    await page.click(tid('copy-table'));
    await downloadBytes(page, 'download-json');
    await downloadBytes(page, 'download-csv');
    await page.evaluate(() => window.foiAnalyser.panicForTest());
    await waitState(page, ['error']);
    await afterAnalysis(page, () => page.click(tid('example')));
    await page.waitForTimeout(500);
    const network = after.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(network, [], `requests after load: ${network.join(', ')}`);
    assert.equal(srv.hits.length, hitsAtReady, `the server saw: ${srv.hits.slice(hitsAtReady).join(', ')}`);
    assert.ok(requests.length > 0 && requests.every((u) => u.startsWith(srv.url) || u.startsWith('blob:') || u.startsWith('data:')),
      `requests while loading: ${requests.join(', ')}`);
    // An HTML page needs the formats module: the page's own files, and only then (the readers'
    // requests are tested in formats.test.mjs).
    await afterAnalysis(page, () => dropFiles(page, [{ name: 'interesting.html', bytes: readFileSync(HOSTILE_HTML) }]));
    const readers = after.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(readers.map((u) => u.slice(srv.url.length)).sort(),
      ['foi_analyser_formats.js', 'foi_analyser_formats_bg.wasm', 'formats-worker.js']);
    await context.close();
  });

  it('works as a single file opened from disk (file://), with no request at all', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(DIST, 'foi-analyser.html')).href;
    await page.goto(url);
    await waitState(page, ['ready']);
    const [c] = goldCases();
    assert.equal(await pasteAndAnalyse(page, readFileSync(c.file, 'utf8')), 'done');
    const pasted = await page.inputValue(tid('input'));
    assert.deepEqual(await rows(page), JSON.parse(cli('json', '-', { input: pasted })).questions.map((q) => ({ id: q.id, status: q.status })));
    const dj = await downloadBytes(page, 'download-json');
    assert.ok(dj.bytes.equals(cli('json', '-', { input: pasted })), 'the JSON differs from the CLI output');
    assert.equal(await afterAnalysis(page, () => dropFiles(page, [{ name: c.name, bytes: readFileSync(c.file) }])), 'done');
    await page.evaluate(() => window.foiAnalyser.panicForTest());
    assert.equal(await waitState(page, ['error']), 'error');
    assert.equal(await afterAnalysis(page, () => page.click(tid('example'))), 'done');
    const others = requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(others, []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('draws the thread card, the table, values and notes from an analysis', async () => {
    const { page, context } = await openPage(browser, srv.url);
    await showFixture(page);
    const thread = await page.textContent(tid('thread'));
    for (const s of ['Example Council', 'FOI/2025/1', 'A. Person', 'On time', '2025-01-30', '2025-01-02',
      'computed: 2025-01-30 (20 working days, UK holidays)', 'partially successful', 'Contracts <b>bold</b>']) {
      assert.ok(thread.includes(s), `the thread card lacks ${s}: ${thread}`);
    }
    assert.deepEqual(await rows(page), [{ id: 'Q1', status: 'answered' }, { id: 'Q2', status: 'not_held' }, { id: 'Q3', status: 'partial' }]);
    assert.match(await page.textContent(`${tid('answer-row')}[data-qid="Q1"]`), /money: £1,200/);
    assert.match(await page.textContent(`${tid('answer-row')}[data-qid="Q3"]`), /percent: ≈ 70%/);
    assert.match(await page.textContent(`${tid('answer-row')}[data-qid="Q3"]`), /FOIA s43\(2\)/);
    assert.match(await page.textContent(tid('diagnostics')), /A note <i>with markup<\/i> about the greeting/);
    // The filter shows only the chosen status.
    await page.selectOption(tid('status-filter'), 'not_held');
    assert.deepEqual(await page.$$eval(`${tid('answer-row')}:not([hidden])`, (t) => t.map((r) => r.dataset.qid)), ['Q2']);
    await page.selectOption(tid('status-filter'), 'all');
    assert.equal((await page.$$(`${tid('answer-row')}:not([hidden])`)).length, 3);
    await context.close();
  });

  it('highlights the selected answer in the source at the right place (UTF-8 spans over £ ’ — 🚀)', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const f = await showFixture(page);
    for (const q of f.analysis.questions) {
      await page.click(`${tid('answer-row')}[data-qid="${q.id}"] td.question`);
      assert.equal(await page.textContent(tid('highlight')), q.answer.text, q.id);
      assert.equal(await page.getAttribute(`${tid('answer-row')}[data-qid="${q.id}"]`, 'aria-current'), 'true');
      // The source pane still holds the whole text, in order.
      assert.equal(await page.textContent(tid('source')), f.text);
      assert.ok(await page.isVisible(tid('highlight')));
    }
    await page.click(`${tid('diagnostics')} button`);
    assert.equal(await page.textContent(tid('highlight')), 'Dear Requester');
    await context.close();
  });

  it('shows, for the selected question, the words that decided its status (the CLI’s status_basis)', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const dir = join(CORPUS, 'real-layouts');
    const name = 'ps-westmercia-firearms-records.txt';
    const bytes = readFileSync(join(dir, name));
    assert.equal(await afterAnalysis(page, () => dropFiles(page, [{ name, bytes }])), 'done');
    assert.equal(await page.isVisible(tid('status-basis')), false, 'no evidence before a row is selected');
    const analysis = JSON.parse(cli('json', name, { cwd: dir }));
    const decided = analysis.questions.filter((q) => q.status_basis);
    assert.ok(decided.length >= 2, 'the reply has questions with evidence');
    for (const q of decided) {
      await page.click(`${tid('answer-row')}[data-qid="${q.id}"] td.question`);
      assert.ok(await page.isVisible(tid('status-basis')), q.id);
      const shown = await page.textContent(tid('status-basis'));
      assert.ok(shown.includes(q.status_basis.text), `${q.id}: ${shown}`);
      assert.ok(shown.includes(q.status.replace(/_/g, ' ')), `${q.id}: ${shown}`);
      assert.equal(await page.getAttribute(tid('status-basis'), 'data-status'), q.status);
      // The evidence lies in the source the page shows, at its span.
      const text = await page.textContent(tid('source'));
      assert.ok(text.includes(q.status_basis.text.split('\n')[0].slice(0, 40)), q.id);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('copies the table to the clipboard as tab-separated text', async () => {
    const { page, context } = await openPage(browser, srv.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    await showFixture(page);
    await page.click(tid('copy-table'));
    await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const lines = text.trimEnd().split(/\r\n/);
    assert.equal(lines[0], 'id\tquestion\tanswer\tstatus\texemptions\tvalues');
    assert.equal(lines.length, 4);
    assert.ok(lines[1].startsWith('Q1\tWhat did the café’s contract cost? 🚀\t£1,200 — paid in 2023.\tanswered'));
    await context.close();
  });

  it('works with the keyboard alone', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const focused = () => page.evaluate(() => {
      const a = document.activeElement;
      return a ? (a.dataset.testid || (a.classList.contains('qid') ? `qid:${a.textContent}` : a.id || a.tagName)) : null;
    });
    async function tabTo(want, max = 40) {
      for (let i = 0; i < max; i++) {
        if (want(await focused())) return;
        await page.keyboard.press('Tab');
      }
      assert.fail(`Tab never reached the wanted control (last: ${await focused()})`);
    }
    // The example, by keyboard.
    await tabTo((f) => f === 'example');
    assert.equal(await afterAnalysis(page, () => page.keyboard.press('Enter')), 'done');
    // Download the JSON by keyboard.
    await tabTo((f) => f === 'download-json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'example-reply.foi.json');
    // Type a reply and analyse it with Ctrl+Enter.
    await page.focus(tid('input'));
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Dear Requester,\n1. How many? 12\n');
    assert.equal(await afterAnalysis(page, () => page.keyboard.press('Control+Enter')), 'done');
    // Rows: focus a question's button and press Enter; its answer is highlighted.
    await showFixture(page);
    await page.focus(tid('example'));
    await tabTo((f) => f === 'qid:Q3', 60);
    await page.keyboard.press('Enter');
    assert.equal(await page.textContent(tid('highlight')), 'Approximately 70% (“roughly”).');
    assert.match(await page.textContent('#status'), /Q3/);
    // The filter, by keyboard.
    await page.focus(tid('status-filter'));
    await page.keyboard.press('ArrowDown');
    const value = await page.inputValue(tid('status-filter'));
    assert.notEqual(value, 'all');
    const shown = await page.$$eval(`${tid('answer-row')}:not([hidden])`, (t) => t.map((r) => r.dataset.status));
    assert.ok(shown.length > 0 && shown.every((s) => s === value));
    // Focus is always visible.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
    await context.close();
  });

  it('has no serious or critical axe-core violations (ready, results, error, narrow, dark)', async () => {
    const problems = [];
    const check = async (label, opts, act) => {
      const { page, context } = await openPage(browser, srv.url, opts);
      await act(page);
      for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
      await context.close();
    };
    await check('ready', {}, async () => {});
    await check('example', {}, (p) => afterAnalysis(p, () => p.click(tid('example'))));
    await check('table', {}, async (p) => { await showFixture(p); await p.click(`${tid('answer-row')} button`); });
    await check('error', {}, (p) => pasteAndAnalyse(p, ''));
    await check('narrow', { viewport: { width: 375, height: 800 } }, async (p) => { await showFixture(p); });
    await check('dark', { colorScheme: 'dark' }, async (p) => { await showFixture(p); await p.click(`${tid('answer-row')} button`); });
    assert.deepEqual(problems, []);
  });

  it('is readable at phone width (no sideways scrolling) and saves screenshots', async () => {
    const shots = [
      ['result-light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
      ['result-narrow', { viewport: { width: 375, height: 800 }, colorScheme: 'light', isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
      ['result-dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
    ];
    for (const [name, opts] of shots) {
      const { page, context } = await openPage(browser, srv.url, opts);
      await afterAnalysis(page, () => page.click(tid('example')));
      const selectable = await page.$(`${tid('answer-row')} button`);
      if (selectable) await selectable.click();
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      await showFixture(page);
      await page.click(`${tid('answer-row')}[data-qid="Q3"] button`);
      await page.screenshot({ path: join(ARTIFACTS, `${name}-table.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
      await context.close();
    }
  });
});
