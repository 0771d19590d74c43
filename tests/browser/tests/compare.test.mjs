// The batch comparison in the page: 50 files dropped at once (the three seed replies, copies of
// them as other councils, a reply to another questionnaire and an image) are analysed in a pool
// of workers; the matrix equals `foi-analyser compare` on the same files; a summary, a
// reassigned mapping that every export follows, and the XLSX read back with openpyxl.
// Also: the single reply's Values column has room at 1280 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CLI, CORPUS, DIST, afterAnalysis, checkBuilt, downloadBytes, dropFiles, launch, openPage, serveDist, tid,
  waitState,
} from '../lib.mjs';

checkBuilt();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SEEDS = [['portsmouth-crm.txt', 'Portsmouth City Council'], ['oxford-crm.txt', 'Oxford City Council'],
  ['stoke-crm.txt', 'Stoke on Trent City Council']];
const tmp = mkdtempSync(join(tmpdir(), 'foi-compare-test-'));

// The batch: the seeds, 45 copies of them under other councils' names, one reply to another
// questionnaire, one image: 50 files.
function batchFiles() {
  const files = [];
  SEEDS.forEach(([f]) => files.push({ name: f, bytes: readFileSync(join(CORPUS, 'seeds', f)) }));
  for (let i = 0; i < 45; i++) {
    const [f, authority] = SEEDS[i % 3];
    const text = readFileSync(join(CORPUS, 'seeds', f), 'utf8').split(authority).join(`Borough Council ${i}`);
    files.push({ name: `copy-${String(i).padStart(2, '0')}-${f}`, bytes: Buffer.from(text) });
  }
  files.push({ name: 'other-questionnaire.txt',
    bytes: readFileSync(join(CORPUS, 'real-threads', 'sheffield-crm-and-cms-platform-information.txt')) });
  files.push({ name: 'scan.png', bytes: PNG, type: 'image/png' });
  return files;
}

// `foi-analyser compare` on the same files under the same names.
function cliCompare(files, format) {
  const dir = mkdtempSync(join(tmp, 'cli-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  const r = spawnSync(CLI, ['compare', '--format', format, ...files.map((f) => f.name)], { cwd: dir, maxBuffer: 1 << 30 });
  return r.stdout;
}

// RFC 4180 rows (BOM, CRLF, quoted fields).
function csvRows(buf) {
  const s = buf.toString('utf8');
  assert.ok(s.startsWith('\ufeff'), 'a byte-order mark');
  const rows = [];
  let row = [];
  let cell = '';
  let q = false;
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += c;
  }
  return rows;
}

describe('a batch of 50 replies', () => {
  let srv;
  let browser;
  let page;
  let context;
  const files = batchFiles();
  let cliView;
  before(async () => {
    srv = await serveDist();
    browser = await launch();
    ({ page, context } = await openPage(browser, srv.url, { viewport: { width: 1280, height: 900 } }));
    cliView = JSON.parse(cliCompare(files, 'json').toString('utf8'));
    await afterAnalysis(page, () => dropFiles(page, files), 120000);
    await page.waitForFunction(() => document.querySelector('[data-testid="progress"]').value === 50 &&
      document.body.dataset.state !== 'busy', null, { timeout: 120000 });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await srv?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('analyses every file, names the one it cannot read, and draws the matrix as the CLI compares', async () => {
    assert.equal(await page.getAttribute(tid('progress'), 'max'), '50');
    const errors = await page.$$eval(`${tid('batch-errors')} li`, (lis) => lis.map((li) => li.textContent));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /scan\.png/);
    const rows = await page.$$eval(`${tid('matrix')} tbody tr[data-reply]`, (trs) => trs.length);
    assert.equal(rows, 50);
    assert.equal(await page.getAttribute(tid('matrix'), 'data-rows'), '50');
    // Every cell equals the CLI's comparison of the same files: column ids and statuses.
    const cells = await page.$$eval(tid('cell'), (tds) => tds.map((td) => ({
      reply: Number(td.dataset.reply), qid: td.dataset.qid, status: td.dataset.status })));
    const cols = cliView.questionnaire.map((q) => q.id);
    assert.equal(cells.length, 50 * cols.length);
    for (const c of cells) {
      const m = cliView.replies[c.reply];
      const qm = m.questions.find((x) => x.canonical === c.qid);
      const want = qm ? cliView.analyses[c.reply].questions[qm.index].status : (m.questionnaire === 'same' ? 'missing' : 'none');
      assert.equal(c.status, want, `${m.source} ${c.qid}`);
    }
    // Oxford's "Q7b" sits in the Q6c column; the other questionnaire is flagged.
    const oxford = cliView.replies.findIndex((r) => r.source === 'oxford-crm.txt');
    const q7b = cliView.replies[oxford].questions.find((q) => q.id === 'Q7b');
    assert.equal(q7b.canonical, 'Q6c');
    const other = await page.textContent(`${tid('matrix')} tbody tr[data-reply="${cliView.replies.findIndex((r) => r.source === 'other-questionnaire.txt')}"] th`);
    assert.match(other, /another questionnaire/);
    assert.deepEqual(page.problems, []);
  });

  it('summarises a question: statuses, yes/no, numbers with a strip plot', async () => {
    const slot = cliView.questionnaire.findIndex((q) => q.id === 'Q11');
    const want = cliView.summaries[slot].yes_no;
    const text = await page.textContent(`${tid('question-summary')}[data-qid="Q11"]`);
    assert.match(text, new RegExp(`Yes: ${want.yes}, no: ${want.no}`));
    const q4 = cliView.summaries[cliView.questionnaire.findIndex((q) => q.id === 'Q4')];
    assert.ok(q4.numbers && q4.numbers.count > 10);
    const dots = await page.$$eval(`${tid('question-summary')}[data-qid="Q4"] svg circle`, (c) => c.length);
    assert.equal(dots, q4.numbers.count);
    const numbers = await page.textContent(`${tid('question-summary')}[data-qid="Q4"] .numbers`);
    assert.match(numbers, new RegExp(`${q4.numbers.count} values`));
  });

  it('shows a cell’s answer highlighted in its reply, and a reassigned mapping reaches every export', async () => {
    const oxford = cliView.replies.findIndex((r) => r.source === 'oxford-crm.txt');
    const q7b = cliView.replies[oxford].questions.find((q) => q.id === 'Q7b');
    const status = cliView.analyses[oxford].questions[q7b.index].status;
    const cellSel = (qid) => `${tid('matrix')} tr[data-reply="${oxford}"] ${tid('cell')}[data-qid="${qid}"]`;
    // Oxford's answer to Q4 (how many systems: 115) is highlighted in Oxford's reply.
    await afterAnalysis(page, () => page.click(`${cellSel('Q4')} button`));
    await page.waitForSelector(tid('highlight'), { timeout: 30000 });
    assert.match(await page.textContent(tid('thread')), /Oxford City Council/);
    assert.match(await page.textContent(tid('highlight')), /115/);
    assert.equal(await page.isVisible(tid('cell-detail')), true);
    await afterAnalysis(page, () => page.click(`${cellSel('Q6c')} button`));
    assert.equal(await page.inputValue(tid('reassign')), 'Q6c');
    // Move Oxford's Q7b from Q6c to Q6b.
    await page.selectOption(tid('reassign'), 'Q6b');
    await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.status !== 'missing' &&
      document.body.dataset.state === 'done', cellSel('Q6b'), { timeout: 30000 });
    assert.equal(await page.getAttribute(cellSel('Q6b'), 'data-status'), status);
    assert.equal(await page.getAttribute(cellSel('Q6c'), 'data-status'), 'missing');

    const wide = csvRows((await downloadBytes(page, 'download-csv-wide')).bytes);
    assert.equal(wide.length, 51);
    const col = (h) => wide[0].indexOf(h);
    const orow = wide.find((r) => r[0] === 'oxford-crm.txt');
    assert.equal(orow[col('Q6b status')], status);
    assert.equal(orow[col('Q6c status')], 'missing');
    // Apart from the correction, the page's CSV is the CLI's.
    const cliWide = csvRows(cliCompare(files, 'csv'));
    assert.deepEqual(wide[0], cliWide[0]);
    assert.deepEqual(wide.filter((r) => r[0] !== 'oxford-crm.txt'), cliWide.filter((r) => r[0] !== 'oxford-crm.txt'));

    const long = csvRows((await downloadBytes(page, 'download-csv-long')).bytes);
    const l = long.find((r) => r[0] === 'oxford-crm.txt' && r[4] === 'Q7b');
    assert.equal(l[2], 'Q6b');

    const json = JSON.parse((await downloadBytes(page, 'download-batch-json')).bytes.toString('utf8'));
    assert.equal(json.schema_version, cliView.schema_version);
    assert.equal(json.analyses.length, 50);
    const m = json.replies[oxford].questions.find((q) => q.id === 'Q7b');
    assert.deepEqual([m.canonical, m.basis], ['Q6b', 'user']);

    const xlsx = await downloadBytes(page, 'download-xlsx');
    assert.match(xlsx.name, /\.xlsx$/);
    const path = join(tmp, 'page.xlsx');
    writeFileSync(path, xlsx.bytes);
    const py = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
m = [list(r) for r in wb['Matrix'].iter_rows(values_only=True)]
print(json.dumps({'sheets': wb.sheetnames, 'matrix': m}, default=str))`;
    // A real reader: Python's openpyxl (pip install openpyxl, or apt-get install python3-openpyxl
    // with PYTHON=/usr/bin/python3).
    const r = spawnSync(process.env.PYTHON || 'python3', ['-c', py, path], { maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, `reading the XLSX with openpyxl failed (is openpyxl installed?): ${r.stderr}`);
    const book = JSON.parse(r.stdout.toString('utf8'));
    assert.deepEqual(book.sheets, ['Matrix', 'Long', 'Summary', 'Authorities', 'Questionnaire']);
    assert.equal(book.matrix.length, 51);
    const head = book.matrix[0];
    const ox = book.matrix.find((row) => row[0] === 'oxford-crm.txt');
    assert.equal(ox[head.indexOf('Q6b status')], status);
    assert.equal(ox[head.indexOf('Q6c status')], 'missing');
    // Numbers are numbers: Stoke's software licensing spend.
    const stoke = book.matrix.find((row) => row[0] === 'stoke-crm.txt');
    assert.equal(stoke[head.indexOf('Q9 value')], 2448000);
    assert.deepEqual(page.problems, []);
  });
});

describe('the single reply at 1280 px', () => {
  it('gives the answer table’s Values column room beside the source', async () => {
    const srv = await serveDist();
    const browser = await launch();
    try {
      const { page } = await openPage(browser, srv.url, { viewport: { width: 1280, height: 900 } });
      const seed = readFileSync(join(CORPUS, 'seeds', 'stoke-crm.txt'));
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [{ name: 'stoke-crm.txt', bytes: seed }])), 'done');
      await waitState(page, ['done']);
      const fit = await page.evaluate(() => {
        const table = document.querySelector('[data-testid="answers"]');
        const wrap = table.parentElement;
        const th = [...table.querySelectorAll('thead th')].pop();
        const w = wrap.getBoundingClientRect();
        const v = th.getBoundingClientRect();
        return { overflow: table.scrollWidth - wrap.clientWidth, valuesRight: v.right, wrapRight: w.right, valuesWidth: v.width };
      });
      assert.ok(fit.overflow <= 1, `the table is ${fit.overflow}px wider than its pane`);
      assert.ok(fit.valuesRight <= fit.wrapRight + 1, JSON.stringify(fit));
      assert.ok(fit.valuesWidth >= 110, `the Values column is ${fit.valuesWidth}px wide`);
    } finally {
      await browser.close();
      await srv.close();
    }
  });
});

describe('a batch in other forms', () => {
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

  // A zip of the three seeds made by Python's zipfile (deflated), dropped as one file.
  it('takes a zip of replies as the batch of its files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'foi-zip-'));
    const zip = join(dir, 'replies.zip');
    const py = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for p in sys.argv[2:]:
        z.write(p, 'replies/' + p.rsplit('/', 1)[-1])
    z.writestr('__MACOSX/._junk', b'x')`;
    const r = spawnSync('python3', ['-c', py, zip, ...SEEDS.map(([f]) => join(CORPUS, 'seeds', f))]);
    assert.equal(r.status, 0, String(r.stderr));
    const { page, context } = await openPage(browser, srv.url);
    await dropFiles(page, [{ name: 'replies.zip', bytes: readFileSync(zip), type: 'application/zip' }]);
    await page.waitForFunction(() => document.body.dataset.state === 'done' &&
      document.querySelectorAll('[data-testid="matrix"] tbody tr[data-reply]').length === 3, null, { timeout: 60000 });
    const authorities = await page.$$eval(`${tid('matrix')} tbody th .who`, (e) => e.map((x) => x.textContent));
    assert.deepEqual(authorities.sort(), SEEDS.map(([, a]) => a).sort());
    assert.equal(await page.getAttribute(`${tid('cell')}[data-authority="Oxford City Council"][data-qid="Q6c"]`, 'data-status'), 'unanswered');
    assert.deepEqual(page.problems, []);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws a window of the rows of a long batch and moves it as the matrix scrolls', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const files = [];
    for (let i = 0; i < 80; i++) {
      const [f, authority] = SEEDS[i % 3];
      const text = readFileSync(join(CORPUS, 'seeds', f), 'utf8').split(authority).join(`District ${i}`);
      files.push({ name: `r${String(i).padStart(2, '0')}.txt`, bytes: Buffer.from(text) });
    }
    await dropFiles(page, files);
    await page.waitForFunction(() => document.body.dataset.state === 'done' &&
      document.querySelector('[data-testid="matrix"]').dataset.rows === '80', null, { timeout: 120000 });
    assert.equal(await page.getAttribute(tid('matrix'), 'aria-rowcount'), '81');
    const drawn = () => page.$$eval(`${tid('matrix')} tbody tr[data-reply]`, (t) => t.map((r) => Number(r.dataset.reply)));
    const before = await drawn();
    assert.ok(before.length < 80 && before[0] === 0, `${before.length} rows drawn`);
    await page.$eval('.matrix-wrap', (w) => { w.scrollTop = w.scrollHeight; });
    await page.waitForFunction(() => document.querySelector('[data-testid="matrix"] tr[data-reply="79"]'), null, { timeout: 10000 });
    const after = await drawn();
    assert.equal(after[after.length - 1], 79);
    // The last row is in view, at the bottom of the scrolled table.
    const inView = await page.$eval('[data-testid="matrix"] tr[data-reply="79"]', (tr) => {
      const w = tr.closest('.matrix-wrap').getBoundingClientRect();
      const r = tr.getBoundingClientRect();
      return r.top >= w.top - 1 && r.bottom <= w.bottom + 1;
    });
    assert.ok(inView, 'the last row is visible after scrolling to the end');
    assert.equal(await page.textContent('[data-testid="matrix"] tr[data-reply="79"] th .who'),
      await page.evaluate(() => window.foiCompare.view.replies[79].authority || window.foiCompare.view.replies[79].source));
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('stops a batch with Stop and takes the next input', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const files = [];
    // Enough files that Stop comes long before the end.
    for (let i = 0; i < 200; i++) {
      const [f] = SEEDS[i % 3];
      files.push({ name: `s${i}.txt`, bytes: readFileSync(join(CORPUS, 'seeds', f)) });
    }
    await dropFiles(page, files);
    await page.waitForSelector(`${tid('cancel')}:not([hidden])`, { timeout: 10000 });
    await page.click(tid('cancel'));
    assert.equal(await waitState(page, ['ready']), 'ready');
    const done = await page.$eval(tid('progress'), (p) => Number(p.value));
    assert.ok(done < 200, `${done} files analysed before Stop`);
    await page.waitForTimeout(500);
    assert.equal(await page.$eval(tid('progress'), (p) => Number(p.value)), done, 'nothing more is analysed');
    assert.equal(await page.isVisible('#comparison'), false);
    // The page goes on: a single reply.
    assert.equal(await afterAnalysis(page, () => page.click(tid('example'))), 'done');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('compares a batch in the single file opened from disk, with no request at all', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(DIST, 'foi-analyser.html')).href);
    await waitState(page, ['ready']);
    await dropFiles(page, SEEDS.map(([f]) => ({ name: f, bytes: readFileSync(join(CORPUS, 'seeds', f)) })));
    await page.waitForFunction(() => document.body.dataset.state === 'done' &&
      document.querySelectorAll('[data-testid="matrix"] tbody tr[data-reply]').length === 3, null, { timeout: 60000 });
    const xlsx = await downloadBytes(page, 'download-xlsx');
    assert.ok(xlsx.bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'an XLSX is a zip');
    const network = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(network, []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('has no serious or critical axe-core violations in the comparison', async () => {
    const { page, context } = await openPage(browser, srv.url);
    await dropFiles(page, SEEDS.map(([f]) => ({ name: f, bytes: readFileSync(join(CORPUS, 'seeds', f)) })));
    await page.waitForFunction(() => document.body.dataset.state === 'done' &&
      document.querySelectorAll('[data-testid="matrix"] tbody tr[data-reply]').length === 3, null, { timeout: 60000 });
    await page.click(`${tid('cell')}[data-authority="Oxford City Council"][data-qid="Q4"] button`);
    await waitState(page, ['done']);
    await page.evaluate(AXE);
    const res = await page.evaluate(() => window.axe.run(document.getElementById('comparison'), { resultTypes: ['violations'] }));
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
    assert.deepEqual(bad, []);
    await context.close();
  });
});
