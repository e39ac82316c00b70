// Issue 5 in Firefox ESR (dist/firefox installed temporarily through WebDriver BiDi): the in-page
// click warning, its keyboard use, "Open anyway" meeting the interception layer, mismatch and
// download warnings, and the control link that must not be held up.
//
// BiDi cannot look into a closed shadow root (that is the point of it), so the warning is seen
// the way the page itself would see it: focus moves into our UI, whose host element is all the
// page's document.activeElement can show. The screenshots show the rest.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchFirefox, closeQuietly, FIREFOX_DIR } from './harness.mjs';
import { startServer, sleep, waitFor } from './ui-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXT_DIR = FIREFOX_DIR;
const ARTIFACTS = path.join(root, 'tests', 'artifacts');
const SEED = 'https://www2.jcom.co.jp.login.vkia.cn/';
const SEED_HOST = 'www2.jcom.co.jp.login.vkia.cn';

const MAIL = `<!doctype html><html lang="ja"><meta charset="utf-8"><title>Webmail</title>
<p><a id="seed" href="${SEED}">ご請求の確認はこちら</a></p>
<p><a id="mismatch" href="https://mypage-support.example-billing.net/login">https://www.jcom.co.jp/mypage</a></p>
<p><a id="download" href="http://files.example-cdn.net/dl/setup.exe">日本郵便追跡</a></p>
<p><a id="plain" href="http://news.example.org/article">ニュース</a></p>
<script>
  window.pageClicks = [];
  document.addEventListener('click', (e) => { const a = e.target.closest('a'); if (a) window.pageClicks.push(a.id); });
</script>`;

let server;
let ff;
const focusInWarning = (page) => page.evaluate(() => document.activeElement?.tagName === 'LINKGUARD-UI');

async function mailPage() {
  const page = await ff.browser.newPage();
  await page.setViewport({ width: 900, height: 700 });
  await page.goto('http://mail.example.test/mail', { waitUntil: 'load' });
  return page;
}

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  assert.ok(fs.existsSync(path.join(EXT_DIR, 'manifest.json')), `${EXT_DIR} missing: run ./build.sh first`);
  server = await startServer({ '/mail': MAIL });
  ff = await launchFirefox({ server, lang: 'en' });
});

after(async () => {
  if (ff) await closeQuietly(ff.browser);
  await server?.close();
});

describe('in-page click warning (Firefox)', { timeout: 120_000 }, () => {
  it('clicking the seed link warns in the page, keeps focus on "Don\'t open", and nothing navigates', async () => {
    const page = await mailPage();
    server.reset();
    await page.click('#seed');
    await waitFor(() => focusInWarning(page), 5000, 'no in-page warning took the focus');
    await sleep(300);
    assert.equal(page.url(), 'http://mail.example.test/mail');
    assert.equal(server.hits(SEED_HOST), 0);
    assert.deepEqual(await page.evaluate(() => window.pageClicks), []);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ui-inpage-warning-firefox-en.png') });
    await page.keyboard.press('Enter'); // the default button: Don't open
    await waitFor(() => page.evaluate(() => document.activeElement?.id === 'seed'), 3000, 'focus did not return to the link');
    assert.equal(page.url(), 'http://mail.example.test/mail');
    await page.close();
  });

  it('"Open anyway" follows the link and the interception layer still stops it', async () => {
    const page = await mailPage();
    server.reset();
    await page.click('#seed');
    await waitFor(() => focusInWarning(page), 5000, 'no in-page warning');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const warning = `${ff.origin}/pages/warning.html`;
    // BiDi does not report navigations to moz-extension: pages, so ask the document itself.
    await waitFor(async () => (await page.evaluate(() => location.href)).startsWith(warning), 8000, `tab did not reach ${warning}`);
    assert.equal(server.hits(SEED_HOST), 0);
    await page.close();
  });

  it('text/href mismatch and a setup.exe download are warned; a plain link is not held up', async () => {
    const page = await mailPage();
    server.reset();
    for (const id of ['mismatch', 'download']) {
      await page.click(`#${id}`);
      await waitFor(() => focusInWarning(page), 5000, `no warning for #${id}`);
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await focusInWarning(page)), 3000, 'Escape did not close the warning');
    }
    assert.equal(server.hits('mypage-support.example-billing.net') + server.hits('files.example-cdn.net'), 0);
    assert.deepEqual(await page.evaluate(() => window.pageClicks), []);
    await page.click('#plain');
    await waitFor(() => server.hits('news.example.org') > 0, 5000, 'the plain link did not navigate');
    await page.close();
  });

  it('the page has no way to reach the extension or into its warning', async () => {
    const page = await mailPage();
    await page.click('#seed');
    await waitFor(() => focusInWarning(page), 5000, 'no in-page warning');
    assert.equal(await page.evaluate(() => document.querySelectorAll('linkguard-ui').length), 1);
    const seen = await page.evaluate(() => [typeof globalThis.browser, typeof globalThis.chrome?.runtime?.sendMessage,
      Object.keys(window).filter((k) => /linkguard/i.test(k)).length,
      document.querySelector('linkguard-ui')?.shadowRoot ?? null]);
    assert.deepEqual(seen, ['undefined', 'undefined', 0, null]);
    await page.close();
  });
});
