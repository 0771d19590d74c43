// Forms a reply arrives in, dropped on the page (issue 14). The page's start-up module reads
// HTML (a saved WhatDoTheyKnow request page, a disclosure-log page) with the same reader as the
// CLI, so the table is the CLI's; Word, Excel and zip files get a message naming the format.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  ROOT, CORPUS, afterAnalysis, checkBuilt, cli, dropFiles, launch, openPage, rows, serveDist, tid,
} from '../lib.mjs';

checkBuilt();
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'formats');

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

  it('reads HTML pages as the CLI does: the same answer table', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const files = [
      join(CORPUS, 'real-pages', 'mhclg-wdtk-private-parking-not-held.html'),
      join(CORPUS, 'real-pages', 'mhclg-wdtk-epc-certificates-exempt.html'),
      join(FIXTURES, 'nhs-trust-disclosure-log.html'),
    ];
    for (const file of files) {
      const name = basename(file);
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [{ name, bytes: readFileSync(file) }])), 'done', name);
      const want = JSON.parse(cli('json', name, { cwd: dirname(file) }));
      assert.ok(want.questions.length >= 2, `${name}: the CLI finds questions`);
      assert.deepEqual(await rows(page), want.questions.map((q) => ({ id: q.id, status: q.status })), name);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('names a Word file it cannot read (even saved as .txt) and stays usable', async () => {
    const { page, context } = await openPage(browser, srv.url);
    for (const name of ['district-council-table.docx', 'district-council-table.docx.txt']) {
      const bytes = readFileSync(join(FIXTURES, name));
      assert.equal(await afterAnalysis(page, () => dropFiles(page, [{ name, bytes }])), 'error', name);
      assert.match(await page.textContent(tid('error')), /Word \.docx/, name);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
