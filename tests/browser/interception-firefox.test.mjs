// End to end in Firefox ESR: blocking webRequest holds every main-frame request until the wasm
// has judged it, so no request reaches a phishing server. Needs dist/firefox (./build.sh) and
// Firefox ESR (FIREFOX_PATH, default Debian's firefox-esr).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import {
  ROOT,
  FIREFOX_DIR,
  FIREFOX_PATH,
  startServer,
  launchFirefox,
  navigate,
  pageUrl,
  waitFor,
  waitForWarning,
  warningText,
  closeQuietly,
  median,
  artifact,
  tmpProfile,
  SEED,
  SEED_HOST,
  sleep,
  assertSeedWarning,
  redirectCases,
  assertEachStopped,
} from "./harness.mjs";

let server;
let ff;
const profile = tmpProfile("firefox");

before(async () => {
  assert.ok(fs.existsSync(path.join(FIREFOX_DIR, "manifest.json")), "dist/firefox is missing: run ./build.sh first");
  server = await startServer();
  ff = await launchFirefox({ server, userDataDir: profile });
});

after(async () => {
  if (ff) await closeQuietly(ff.browser);
  if (server) await server.close();
});

/** The background's counters, asked from an extension page ({type:"stats"}). */
async function statsOf(f) {
  const page = await f.browser.newPage();
  try {
    // BiDi will not navigate to moz-extension: URLs; the seed's redirect gets us there.
    navigate(page, "http://stats.jcom.co.jp.example.cn/");
    await waitForWarning(page, f.origin);
    return await waitFor(() =>
      page.evaluate(() => browser.runtime.sendMessage({ type: "stats" }).then((r) => r.stats)),
    );
  } finally {
    await page.close().catch(() => {});
  }
}

async function newPage() {
  return ff.browser.newPage();
}

test("first navigation right after start-up is held until the engine is ready: 0 requests", async () => {
  server.reset();
  const page = await newPage();
  const t0 = Date.now();
  navigate(page, SEED);
  await waitForWarning(page, ff.origin, 20000);
  console.log(`# firefox first navigation after install: warning rendered after ${Date.now() - t0} ms`);
  await sleep(300);
  assert.equal(server.count(SEED_HOST), 0);
  assert.equal(server.pinged(SEED_HOST), false);
  await page.close();
});

test("seed URL: warning page names brand and owner, 0 requests, script never runs", async () => {
  const times = [];
  for (let i = 0; i < 3; i++) {
    server.reset();
    const page = await newPage();
    const t0 = Date.now();
    navigate(page, SEED);
    const { committedAt, renderedAt } = await waitForWarning(page, ff.origin);
    times.push(`${committedAt - t0}/${renderedAt - t0}`);
    const w = await warningText(page);
    assertSeedWarning(w);
    await sleep(200);
    assert.equal(server.count(SEED_HOST), 0, "requests that reached the phishing host");
    assert.equal(server.pinged(SEED_HOST), false, "phishing page script ran");
    if (i === 0) await page.screenshot({ path: artifact("warning-firefox-en.png"), fullPage: true });
    await page.close();
  }
  console.log(`# firefox warm: navigation start → warning committed/rendered ms: ${times.join(", ")}`);
});

test("302 chain, meta refresh, location.href, form POST, window.open and an engine-only host: 0 requests each", async () => {
  const cases = [...redirectCases(server), ["engine-only", "http://jcom-login.duckdns.org/", "jcom-login.duckdns.org"]];
  await assertEachStopped(server, newPage, ff.origin, cases);
  server.reset();
  const host = "myjcom.jp.secure-login.xyz";
  const page = await newPage();
  await page.goto("http://mail.example.com/inbox", { waitUntil: "load" });
  const before = new Set(await ff.browser.pages());
  await page.evaluate((u) => window.open(u, "_blank"), `http://${host}/`);
  const popup = await waitFor(async () => (await ff.browser.pages()).find((p) => !before.has(p)), { what: "new tab" });
  await waitForWarning(popup, ff.origin);
  await sleep(200);
  assert.equal(server.count(host), 0, "window.open: requests");
  await popup.close();
  await page.close();
});

test("real sites load untouched; benign navigation time with and without the extension", async () => {
  const sites = ["www.jcom.co.jp", "www.post.japanpost.jp", "www.amazon.co.jp", "example.com"];
  const timeWith = [];
  for (const round of [1, 2]) {
    for (const host of sites) {
      server.reset();
      const page = await newPage();
      const t0 = Date.now();
      await page.goto(`http://${host}/?r=${round}`, { waitUntil: "load" });
      timeWith.push(Date.now() - t0);
      await waitFor(async () => new URL(await pageUrl(page)).hostname === host, { what: `${host} left alone` });
      await waitFor(() => server.pinged(host), { what: `${host} script ran` });
      await page.close();
    }
  }
  const plain = await launchFirefox({ server, extension: false });
  const timeWithout = [];
  try {
    for (const round of [1, 2]) {
      for (const host of sites) {
        const page = await plain.browser.newPage();
        const t0 = Date.now();
        await page.goto(`http://${host}/?r=${round}`, { waitUntil: "load" });
        timeWithout.push(Date.now() - t0);
        await page.close();
      }
    }
  } finally {
    await closeQuietly(plain.browser);
  }
  const st = await statsOf(ff);
  console.log(`# firefox: ${st.decisions} main-frame requests held for a verdict, mean ${(st.decideTotalMs / st.decisions).toFixed(1)} ms, max ${st.decideMaxMs.toFixed(1)} ms (max includes waiting for the engine at start-up)`);
  console.log(`# firefox benign load: with extension median ${median(timeWith)} ms (${timeWith.join(", ")}); without median ${median(timeWithout)} ms (${timeWithout.join(", ")})`);
});

test("Proceed anyway lets the page load; after a browser restart it warns again (Japanese UI)", async () => {
  const host = "www.jcom.co.jp.mypage-login.cn";
  const page = await newPage();
  navigate(page, `http://${host}/`);
  await waitForWarning(page, ff.origin);
  server.reset();
  await page.evaluate(() => document.getElementById("proceed").focus());
  await page.keyboard.press("Enter");
  await waitFor(() => server.pinged(host), { what: "page loaded after proceed" });
  await waitFor(async () => new URL(await pageUrl(page)).hostname === host, { what: `tab shows ${host}` });
  await page.close();
  await closeQuietly(ff.browser);
  ff = null;

  // Same profile, new browser session, Japanese UI.
  ff = await launchFirefox({ server, userDataDir: profile, lang: "ja" });
  server.reset();
  const again = await newPage();
  navigate(again, `http://${host}/`);
  await waitForWarning(again, ff.origin, 20000);
  await sleep(200);
  assert.equal(server.count(host), 0, "after restart: stopped again");
  const seed = await newPage();
  navigate(seed, SEED);
  await waitForWarning(seed, ff.origin);
  const w = await warningText(seed);
  // Firefox shows extension pages in Japanese only with its Japanese language pack (Debian
  // package firefox-esr-l10n-ja); without it the UI language stays English.
  const langpack = fs.existsSync(path.join(path.dirname(fs.realpathSync(FIREFOX_PATH)), "browser", "extensions", "langpack-ja@firefox-esr.mozilla.org.xpi"));
  if (langpack) {
    assert.equal(w.lang, "ja");
    assert.match(w.headline, /ふり/);
  } else {
    console.log("# firefox: no Japanese language pack (firefox-esr-l10n-ja): Japanese UI not checked");
  }
  await seed.screenshot({ path: artifact("warning-firefox-ja.png"), fullPage: true });
});

test("web-ext lint on dist/firefox: no errors", () => {
  const bin = path.join(ROOT, "node_modules", ".bin", "web-ext");
  let out;
  try {
    out = execFileSync(bin, ["lint", "--source-dir", FIREFOX_DIR, "--output", "json", "--no-input"], {
      encoding: "utf8",
      env: { ...process.env, WEB_EXT_TELEMETRY: "false" },
    });
  } catch (e) {
    out = e.stdout; // exit code 1 when errors: parse and show them
  }
  const report = JSON.parse(out);
  const errors = report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ""})`);
  console.log(`# web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
  for (const w of report.warnings) console.log(`#   warning ${w.code}: ${w.message} (${w.file ?? ""})`);
  assert.deepEqual(errors, []);
});
