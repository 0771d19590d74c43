// Pastes that are not one FOI reply, in the page: a binary file's bytes pasted as text is
// refused as binary, quickly, and the page stays usable; a paste of several separate requests
// is analysed with a warning that says how many it holds and suggests a batch.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CORPUS, afterAnalysis, checkBuilt, cli, launch, openPage, pasteAndAnalyse, serveDist, tid,
} from '../lib.mjs';

checkBuilt();

// 2 MB of deterministic pseudo-random bytes (xorshift32) as a paste holds them: read as UTF-8,
// every invalid byte a U+FFFD replacement character (what the clipboard gives for such bytes).
function pastedBinary(len = 2 * 1024 * 1024) {
  const bytes = new Uint8Array(len);
  let x = 0x9e3779b9;
  for (let i = 0; i < len; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

describe('pastes that are not one reply', () => {
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

  it('refuses 2 MB of pasted binary as binary, quickly, and stays usable', async () => {
    const { page, context } = await openPage(browser, srv.url);
    const text = pastedBinary();
    assert.ok(text.includes('\uFFFD'));
    // Put in the paste area as a paste does: at once (page.fill types 2 MB through DevTools,
    // too slowly), then analysed with the button, as pasteAndAnalyse does.
    await page.$eval(tid('input'), (el, t) => { el.value = t; }, text);
    // (A text area keeps line ends as LF.)
    assert.equal(await page.$eval(tid('input'), (el) => el.value.length), text.replace(/\r\n?/g, '\n').length);
    const start = Date.now();
    const state = await afterAnalysis(page, () => page.click(tid('analyse')));
    const ms = Date.now() - start;
    console.log(`# 2 MB of pasted binary refused in the page in ${ms} ms`);
    assert.equal(state, 'error');
    const msg = await page.textContent(tid('error'));
    assert.match(msg, /does not look like text/);
    assert.match(msg, /binary file/);
    assert.ok(await page.isVisible(tid('error')));
    assert.equal(await page.locator(tid('answer-row')).count(), 0);
    // Within a second on an idle machine; the bound here only guards against a hang on a
    // shared one (it took 5.5 s when such a paste was analysed as a reply).
    assert.ok(ms < 3000, `took ${ms} ms`);
    // The page is usable again at once.
    assert.equal(await pasteAndAnalyse(page, 'Dear Requester,\n1. How many? 12\n'), 'done');
    assert.equal(await page.textContent(tid('error')), '');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('says how many separate requests a paste of several threads holds', async () => {
    const dir = join(CORPUS, 'real-threads');
    const threads = readdirSync(dir).filter((f) => f.startsWith('sheffield-')).sort().slice(0, 4)
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const paste = threads.join('\n\n');
    const { page, context } = await openPage(browser, srv.url);
    assert.equal(await pasteAndAnalyse(page, paste), 'done');
    const diags = await page.textContent(tid('diagnostics'));
    assert.match(diags, /4 separate requests/);
    assert.match(diags, /batch/);
    // The same warning as the CLI's for the same text.
    const pasted = await page.inputValue(tid('input'));
    const fromCli = JSON.parse(cli('json', '-', { input: pasted })).diagnostics.filter((d) => d.code === 'many-requests');
    assert.equal(fromCli.length, 1);
    assert.ok(diags.includes(fromCli[0].message), 'the page does not show the CLI\'s message');
    // One thread alone: no such warning.
    assert.equal(await pasteAndAnalyse(page, threads[0]), 'done');
    assert.doesNotMatch(await page.textContent(tid('diagnostics')), /separate requests/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
