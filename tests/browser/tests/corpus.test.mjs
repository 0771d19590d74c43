// Every corpus reply pasted into the page: the table equals the CLI's analysis of the same text,
// the JSON the page downloads is byte-for-byte the CLI's, and the table agrees with the gold
// (every gold question found, at least 90 % of gold statuses).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  checkBuilt, cli, downloadBytes, goldCases, launch, normId, openPage, pasteAndAnalyse, rows,
  serveDist, tid,
} from '../lib.mjs';

checkBuilt();

describe('corpus pasted into the page', () => {
  let srv;
  let browser;
  let page;
  before(async () => {
    srv = await serveDist();
    browser = await launch();
    ({ page } = await openPage(browser, srv.url));
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  for (const c of goldCases()) {
    describe(c.gold.file, () => {
      let state;
      let got;
      let pasted;
      before(async () => {
        state = await pasteAndAnalyse(page, readFileSync(c.file, 'utf8'));
        got = await rows(page);
        // What the page analysed: the text area's value (line ends normalised by the browser).
        pasted = await page.inputValue(tid('input'));
      });

      it('is analysed', () => {
        assert.equal(state, 'done', `the page is in state ${state}`);
        assert.deepEqual(page.problems, []);
      });

      it('has exactly the rows of the CLI (ids and statuses)', () => {
        const want = JSON.parse(cli('json', '-', { input: pasted }));
        assert.deepEqual(got, want.questions.map((q) => ({ id: q.id, status: q.status })));
      });

      it('downloads the JSON the CLI prints for the same text, byte for byte', async () => {
        const { bytes, name } = await downloadBytes(page, 'download-json');
        assert.equal(name, 'pasted-reply.foi.json');
        assert.ok(bytes.equals(cli('json', '-', { input: pasted })), 'the JSON differs from the CLI output');
      });

      it('agrees with the gold: every question found, >= 90 % of statuses', () => {
        const scored = c.gold.questions.filter((g) => !(g.header && !('status' in g)));
        const byId = new Map(got.map((r) => [normId(r.id), r]));
        const missing = scored.filter((g) => !byId.has(normId(g.id))).map((g) => g.id);
        assert.deepEqual(missing, [], `gold questions without a row: ${missing.join(', ')}`);
        const wrong = scored.filter((g) => ![g.status, ...(g.also || [])].includes(byId.get(normId(g.id)).status));
        const ratio = (scored.length - wrong.length) / scored.length;
        assert.ok(ratio >= 0.9, `statuses right: ${(ratio * 100).toFixed(0)} %; wrong: ` +
          wrong.map((g) => `${g.id} ${byId.get(normId(g.id)).status} != ${g.status}`).join(', '));
      });
    });
  }
});
