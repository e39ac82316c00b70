// The www checker page (dist/www) in headless Chromium: verdicts as you type, owner domain,
// official link, both languages, hostile input, no outside requests, offline after load, and a
// clear message when WebAssembly is unavailable. Screenshots go to tests/artifacts/.
import test, { before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { serveDir } from "../../scripts/serve.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WWW = path.join(ROOT, "dist/www");
const ARTIFACTS = path.join(ROOT, "tests/artifacts");
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const SEED = "https://www2.jcom.co.jp.login.vkia.cn/";
const ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-features=HttpsUpgrades"];

let server, base, browser;

async function launch(extra = []) {
  return puppeteer.launch({ executablePath: CHROME, headless: true, args: [...ARGS, ...extra], protocolTimeout: 60_000 });
}

async function openPage(b, query = "?lang=ja", viewport = { width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true }) {
  const page = await b.newPage();
  await page.setViewport(viewport);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(base + query, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.state, { timeout: 20_000 });
  return { page, requests, errors };
}

async function typeInto(page, text) {
  await page.$eval("#q", (el) => { el.value = ""; el.dispatchEvent(new Event("input", { bubbles: true })); });
  await page.focus("#q");
  await page.keyboard.type(text);
}

async function setValue(page, text) {
  await page.$eval("#q", (el, t) => { el.value = t; el.dispatchEvent(new Event("input", { bubbles: true })); }, text);
}

async function verdictOf(page, level) {
  await page.waitForSelector(`#verdict .lg-verdict[data-level="${level}"]`, { timeout: 10_000 });
  return page.$eval("#verdict", (el) => ({
    level: el.querySelector(".lg-verdict")?.dataset.level,
    levelText: el.querySelector(".lg-level-text")?.textContent,
    owner: el.querySelector(".lg-host-owner")?.textContent ?? null,
    host: el.querySelector(".lg-owner .lg-host")?.textContent ?? null,
    official: el.querySelector("a.lg-official")?.getAttribute("href") ?? null,
    advice: el.querySelector(".lg-advice")?.textContent ?? "",
    country: el.querySelector(".lg-country")?.textContent ?? null,
    reasons: [...el.querySelectorAll(".lg-reason")].map((li) => ({ code: li.dataset.code, text: li.textContent })),
  }));
}

before(async () => {
  assert.ok(existsSync(path.join(WWW, "index.html")), "dist/www missing: run ./build.sh");
  assert.ok(existsSync(CHROME), `no Chromium at ${CHROME} (set CHROME_PATH)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url: base } = await serveDir(WWW, 0));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("ja: typing the seed URL shows dangerous, owner vkia.cn in China, and the official J:COM link", { timeout: 60_000 }, async () => {
  const { page, requests, errors } = await openPage(browser, "?lang=ja");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ja");
  assert.ok(await page.$eval("#q", (el) => el.labels.length === 1 && el.labels[0].textContent.trim().length > 0), "input has a visible label");
  assert.equal(await page.$eval("#result", (el) => el.getAttribute("aria-live")), "polite");
  await typeInto(page, SEED);
  const v = await verdictOf(page, "dangerous");
  assert.equal(v.levelText, "危険");
  assert.equal(v.owner, "vkia.cn");
  assert.equal(v.host, "www2.jcom.co.jp.login.vkia.cn");
  assert.equal(v.official, "https://www.jcom.co.jp/");
  assert.match(v.advice, /開かないで/);
  assert.match(v.advice, /ジェイコム/);
  assert.match(v.country ?? "", /中国/);
  assert.equal(v.reasons[0].code, "brand_domain_embedded");
  assert.match(v.reasons[0].text, /jcom\.co\.jp/);
  assert.doesNotMatch(v.reasons.map((r) => r.text).join(" "), /reason_|\$[A-Z]+\$/, "every reason is a sentence");
  await page.screenshot({ path: path.join(ARTIFACTS, "www-ja-dangerous.png"), fullPage: true });

  await typeInto(page, "https://www.jcom.co.jp/");
  const s = await verdictOf(page, "safe");
  assert.equal(s.levelText, "危険な兆候なし");
  assert.equal(s.owner, "jcom.co.jp");
  assert.ok(s.reasons.some((r) => r.code === "official_domain"));
  await page.screenshot({ path: path.join(ARTIFACTS, "www-ja-safe.png"), fullPage: true });

  const origins = new Set(requests.map((u) => new URL(u).origin));
  assert.deepEqual([...origins], [new URL(base).origin], "no request leaves the page's own site");
  assert.deepEqual(errors, []);
  await page.close();
});

test("en: switching the language re-renders the verdict in English; the choice is remembered", { timeout: 60_000 }, async () => {
  const { page } = await openPage(browser, "?", { width: 1280, height: 900 });
  await page.select("#lang", "en");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await typeInto(page, SEED);
  const v = await verdictOf(page, "dangerous");
  assert.equal(v.levelText, "Dangerous");
  assert.match(v.advice, /Do not open this link/);
  assert.match(v.advice, /J:COM/);
  assert.match(v.country ?? "", /China/);
  assert.equal(await page.$eval("h1", (el) => el.textContent), "Linkguard — is this link safe?");
  await page.screenshot({ path: path.join(ARTIFACTS, "www-en-dangerous.png"), fullPage: true });
  await page.reload({ waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.state === "ready");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en", "language kept after reload");
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a pasted SMS: the first address in it is judged", { timeout: 60_000 }, async () => {
  const { page } = await openPage(browser, "?lang=ja");
  await setValue(page, "【J:COM】お支払いが確認できません。\n至急ご確認ください：hxxps://www2.jcom.co.jp.login.vkia[.]cn/ \n停止予定 https://example.com/");
  const v = await verdictOf(page, "dangerous");
  assert.equal(v.owner, "vkia.cn");
  assert.equal(await page.$eval("#more", (el) => !el.hidden), true, "mentions the other address");
  await setValue(page, "こんにちは、明日の件です。");
  await page.waitForSelector("#verdict .lg-none");
  await page.close();
});

test("hostile input is shown as text, never as markup or reordered text", { timeout: 60_000 }, async () => {
  const { page, errors } = await openPage(browser, "?lang=en");
  await setValue(page, 'https://evil.example/"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
  await page.waitForSelector("#verdict .lg-verdict");
  await setValue(page, "https://\u202Egnp.exe\u202C.example.com/");
  await page.waitForSelector("#verdict .lg-verdict");
  await setValue(page, "https://" + "a".repeat(5000) + ".com/");
  await page.waitForSelector("#verdict .lg-verdict");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval("#verdict img, #verdict script", (n) => n.length), 0);
  const text = await page.$eval("#verdict", (el) => el.textContent);
  assert.ok(!text.includes("\u202E"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("works offline once loaded (service worker)", { timeout: 60_000 }, async () => {
  const { page } = await openPage(browser, "?lang=ja");
  await page.waitForSelector("#offline:not([hidden])", { timeout: 20_000 });
  await page.setOfflineMode(true);
  server.closeAllConnections?.();
  await page.reload({ waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.state === "ready", { timeout: 20_000 });
  await typeInto(page, SEED);
  const v = await verdictOf(page, "dangerous");
  assert.equal(v.owner, "vkia.cn");
  await page.setOfflineMode(false);
  await page.close();
});

test("without WebAssembly, or when the .wasm cannot load, a clear message is shown", { timeout: 60_000 }, async () => {
  // Chromium 156 ignores --js-flags=--noexpose_wasm (measured), so the page gets a world without
  // the WebAssembly global (ja), and a world where the .wasm request fails (en).
  const b = await launch();
  try {
    for (const lang of ["ja", "en"]) {
      const page = await b.newPage();
      if (lang === "ja") {
        await page.evaluateOnNewDocument(() => { delete globalThis.WebAssembly; });
      } else {
        await page.setRequestInterception(true);
        page.on("request", (r) => (r.url().endsWith(".wasm") ? r.abort("failed") : r.continue()));
      }
      await page.goto(`${base}?lang=${lang}`, { waitUntil: "load" });
      await page.waitForFunction(() => document.body.dataset.state, { timeout: 20_000 });
      if (lang === "ja") assert.equal(await page.evaluate(() => typeof WebAssembly), "undefined");
      assert.equal(await page.evaluate(() => document.body.dataset.state), "error");
      const msg = await page.$eval("#status", (el) => (el.hidden ? "" : el.textContent));
      assert.match(msg, lang === "ja" ? /WebAssembly.*無効/ : /cannot run in this browser because WebAssembly/);
      assert.equal(await page.$eval("#status", (el) => el.getAttribute("role")), "alert");
      assert.equal(await page.$eval("#q", (el) => el.disabled), true);
      await page.screenshot({ path: path.join(ARTIFACTS, `www-${lang}-no-wasm.png`) });
      await page.close();
    }
  } finally {
    await b.close();
  }
});
