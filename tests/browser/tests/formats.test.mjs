// Forms a reply arrives in, dropped on the page (issue 14). The start-up module reads text and
// CSV; it sniffs every other input by its content and the page loads, from its own files and
// only then, the reader it needs: the formats module (e-mail, Word, Excel, OpenDocument, zip,
// HTML) or PDF.js. What they read is analysed by the same engine as the CLI's, so the answer
// table is the CLI's. Hostile files get their message quickly, alone or among other files.
// Assertions are on test ids, states and the CLI's own output, not on the page's wording.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT, CORPUS, DIST, afterAnalysis, checkBuilt, cli, dropFiles, goldCases, launch, openPage,
  pasteAndAnalyse, rows, serveDist, tid, waitState,
} from '../lib.mjs';

checkBuilt();
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'formats');
const fx = (name) => join(FIXTURES, name);

// One of each form, with what makes it hard: numbers that exist only as Word's list numbering,
// the answer in an attached .docx or .pdf (the formats module finds the PDF, PDF.js reads it,
// the formats module decodes again with its text), an HTML-only e-mail, a Windows-1252 e-mail, spreadsheets,
// WhatDoTheyKnow's correspondence zip, PDFs with a text layer (a real reply among them), a
// .docx saved as .txt, saved web pages.
const EVERY_FORM = [
  fx('eir-planning-reply.list-numbers.docx'),
  fx('police-ncnd-subparts.docx-attached.eml'),
  fx('police-ncnd-subparts.pdf-attached.eml'),
  fx('nhs-trust-disclosure-log.html-only.eml'),
  fx('prose-reply-no-restated-questions.windows-1252.eml'),
  fx('district-council-table.xlsx'),
  fx('district-council-table.ods'),
  fx('district-council-table.csv'),
  fx('district-council-table.odt'),
  fx('eir-planning-reply.list-numbers.odt'),
  fx('district-council-table.mbox'),
  fx('police-ncnd-subparts.wdtk.zip'),
  fx('district-council-table.pdf'),
  join(CORPUS, 'peers', 'alaveteli', 'documents', 'psni.pdf'),
  fx('district-council-table.docx.txt'),
  fx('nhs-trust-disclosure-log.html'),
  join(CORPUS, 'real-pages', 'mhclg-wdtk-private-parking-not-held.html'),
];

// Each gets a message in words (an error state), quickly.
const HOSTILE = ['zip-bomb.docx', 'truncated.zip', 'broken-xref.pdf', 'nested-1000-parts.eml',
  'png-renamed.pdf', 'billion-laughs.docx'].map((f) => fx(join('hostile', f)));
const QUICK_MS = 5000; // in the page, the first use of a reader included (the CLI: 1 s)

const file = (path) => ({ name: basename(path), bytes: readFileSync(path) });
const cliJson = (path) => JSON.parse(cli('json', basename(path), { cwd: dirname(path) }));
const rowsOf = (analysis) => analysis.questions.map((q) => ({ id: q.id, status: q.status }));
// What the page loaded after `from` (its own files: paths; anything else: the full URL).
const own = (srv, urls) => urls.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'))
  .map((u) => (u.startsWith(srv.url) ? `/${u.slice(srv.url.length)}` : u));

describe('formats dropped on the page', () => {
  let srv;
  let browser;
  before(async () => {
    srv = await serveDist();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('reads every form a reply arrives in: the answer table and the format are the CLI\'s', async () => {
    const { page, context } = await openPage(browser, srv.url);
    for (const path of EVERY_FORM) {
      const name = basename(path);
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(path)])), 'done', name);
      const want = cliJson(path);
      assert.ok(want.questions.length >= 2, `${name}: the CLI finds questions`);
      assert.deepEqual(await rows(page), rowsOf(want), name);
      assert.equal(await page.getAttribute(tid('source-format'), 'data-format'), want.source.format, name);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('says where an answer came from: the page of a PDF, the attachment of an e-mail', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const cases = [
      [fx('district-council-table.pdf'), /^page \d+$/],
      [fx('police-ncnd-subparts.docx-attached.eml'), /^attachment \d+: .*\.docx$/],
      [fx('police-ncnd-subparts.pdf-attached.eml'), /^page \d+$/],
      [fx('district-council-table.xlsx'), /^sheet /],
      [fx('police-ncnd-subparts.wdtk.zip'), /^file \d+: /],
    ];
    for (const [path, where] of cases) {
      const name = basename(path);
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(path)])), 'done', name);
      const want = cliJson(path);
      const q = want.questions.find((x) => x.answer);
      await page.click(`${tid('answer-row')}[data-qid="${q.id}"] button`);
      const part = await page.getAttribute(tid('highlight'), 'data-part');
      // The innermost part that holds the answer, as the source map of the CLI's JSON says.
      const holding = want.source.parts.filter((p) => p.span.start <= q.answer.span.start && q.answer.span.start < p.span.end);
      assert.ok(holding.length > 0, `${name}: the CLI's source map holds the answer`);
      assert.match(part.split(', ').pop(), where, `${name}: ${part}`);
      assert.equal(part, holding.sort((a, b) => (b.span.end - b.span.start) - (a.span.end - a.span.start)).map((p) => p.label).join(', '), name);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('gives each hostile file its message quickly, and stays usable', async () => {
    const { page, context } = await openPage(browser, srv.url);
    for (const path of HOSTILE) {
      const name = basename(path);
      const t0 = Date.now();
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(path)]), QUICK_MS * 4), 'error', name);
      const ms = Date.now() - t0;
      assert.ok(ms < QUICK_MS, `${name}: ${ms} ms`);
      const message = await page.textContent(tid('error'));
      assert.ok(message.startsWith(`${name}: `) && message.length > name.length + 20, `${name}: ${message}`);
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(fx('district-council-table.docx'))])), 'done', `${name}: usable after`);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('goes on with the other files of a drop when some are hostile', async () => {
    const { page, context } = await openPage(browser, srv.url);
    // One questionnaire in six forms, and every hostile file between them.
    const good = ['district-council-table.docx', 'district-council-table.xlsx', 'district-council-table.pdf',
      'district-council-table.ods', 'district-council-table.odt', 'district-council-table.csv'].map(fx);
    const all = [];
    good.forEach((g, i) => { all.push(g); if (HOSTILE[i]) all.push(HOSTILE[i]); });
    const t0 = Date.now();
    await dropFiles(page, all.map(file));
    await page.waitForFunction((n) => {
      const p = document.querySelector('[data-testid="progress"]');
      return p && Number(p.value) === n && document.body.dataset.state === 'done';
    }, all.length, { timeout: 120000 });
    const ms = Date.now() - t0;
    const failed = await page.$$eval(`${tid('batch-errors')} li strong`, (l) => l.map((x) => x.textContent));
    assert.deepEqual(failed.sort(), HOSTILE.map((h) => basename(h)).sort());
    // Every good file is a row of the matrix with answers in its cells.
    const replies = await page.$$eval(tid('cell'), (cells) => [...new Set(cells
      .filter((c) => c.dataset.status !== 'none' && c.dataset.status !== 'missing').map((c) => c.dataset.reply))]);
    assert.equal(replies.length, good.length, `replies with answers: ${replies}`);
    assert.ok(ms < QUICK_MS * all.length, `${all.length} files in ${ms} ms`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('loads a reader only when a file needs it, from the page\'s own files', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (w) => requests.push(w.url()));
    await page.goto(srv.url);
    await waitState(page, ['ready']);
    let seen = requests.length;
    const since = () => { const r = own(srv, requests.slice(seen)); seen = requests.length; return r; };
    since();
    // A plain-text reply pasted, or dropped: no module is fetched.
    const [c] = goldCases();
    assert.equal(await pasteAndAnalyse(page, readFileSync(c.file, 'utf8')), 'done');
    assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(c.file)])), 'done');
    assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(fx('district-council-table.csv'))])), 'done');
    assert.deepEqual(since(), [], 'a text reply fetched something');
    // A Word file: the formats module, nothing else.
    assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(fx('eir-planning-reply.list-numbers.docx'))])), 'done');
    assert.deepEqual(since().sort(), ['/foi_analyser_formats.js', '/foi_analyser_formats_bg.wasm', '/formats-worker.js']);
    // A PDF: PDF.js, nothing else (no worker file, fonts, character maps or image codecs).
    assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(fx('district-council-table.pdf'))])), 'done');
    assert.deepEqual(since(), ['/pdf-reader.js']);
    // Loaded once: more files of either kind fetch nothing.
    for (const f of ['district-council-table.xlsx', 'scanned.pdf', 'police-ncnd-subparts.docx-attached.eml']) {
      await afterAnalysis(page, () => dropFiles(page, [file(fx(f))]));
    }
    assert.deepEqual(since(), []);
    assert.ok(requests.every((u) => u.startsWith(srv.url) || u.startsWith('blob:') || u.startsWith('data:')), requests.join(', '));
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('reads them in the single file opened from disk, with no request at all', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(DIST, 'foi-analyser.html')).href;
    await page.goto(url);
    await waitState(page, ['ready']);
    for (const path of [fx('eir-planning-reply.list-numbers.docx'), fx('district-council-table.pdf'),
      fx('police-ncnd-subparts.wdtk.zip'), fx('police-ncnd-subparts.docx-attached.eml')]) {
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [file(path)])), 'done', basename(path));
      assert.deepEqual(await rows(page), rowsOf(cliJson(path)), basename(path));
    }
    assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:')), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
