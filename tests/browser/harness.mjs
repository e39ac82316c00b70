// Browser test harness: a local server that answers for ANY hostname and counts the requests it
// gets, plus launchers for Chromium and Firefox ESR with the built extension (dist/chrome,
// dist/firefox). Both browsers reach the server as their HTTP proxy, so no DNS, no privileged
// port, and several test files can run at once. Nothing here goes to the network.
//
// HTTPS (browsers upgrade HSTS-preloaded hosts such as www.amazon.co.jp) is answered too: the
// proxy accepts CONNECT and terminates TLS with a throw-away self-signed certificate (openssl);
// the browsers are told to accept it.
//
// Server routes (any host). Targets travel hex-encoded in the path, so that the test pages'
// own addresses do not carry a URL the engine would (rightly) judge:
//   /__ping?id=X        recorded in server.pings (a page's script ran)
//   /redirect/HEX       302 to the URL
//   /meta/HEX           meta refresh to the URL
//   /link/HEX[?target=_blank]   a page with <a id="go" href=URL>
//   /js/HEX             a page whose script sets location.href = URL
//   /form/HEX           a page whose script submits a POST form to URL
//   anything else       a page titled "page <host>" whose script pings /__ping (the "phishing
//                       page ran" detector)
// server.url(kind, target, host = "mail.example.com") builds such an address.

import assert from "node:assert/strict";
import http from "node:http";
import tls from "node:tls";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "..", "..");
export const CHROME_DIR = path.join(ROOT, "dist", "chrome");
export const FIREFOX_DIR = path.join(ROOT, "dist", "firefox");
export const ARTIFACTS = path.join(ROOT, "tests", "artifacts");
export const CHROME_PATH =
  process.env.CHROME_PATH || (fs.existsSync("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium");
export const FIREFOX_PATH = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";
export const GECKO_ID = "linkguard@linkguard.invalid";
export const FIREFOX_UUID = "5c1f0a7e-3b9d-4e52-9a61-0d2c7f4b8e13";
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The seed phish (../shared/seeds): J:COM's address as a subdomain of vkia.cn. */
export const SEED = "http://www2.jcom.co.jp.login.vkia.cn/";
export const SEED_HOST = "www2.jcom.co.jp.login.vkia.cn";

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body, script = "") {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}${
    script ? `<script>${script}</script>` : ""
  }</body></html>`;
}

const hex = (s) => Buffer.from(s, "utf8").toString("hex");
const unhex = (s) => Buffer.from(s, "hex").toString("utf8");

let tlsCert = null;
function selfSigned() {
  if (tlsCert) return tlsCert;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lg-tls-"));
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
    "-subj", "/CN=linkguard-test",
  ], { stdio: "ignore" });
  tlsCert = { key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) };
  fs.rmSync(dir, { recursive: true, force: true });
  return tlsCert;
}

/** Starts the counting server. Returns {port, origin, requests, pings, count(host), reset(), close()}. */
export async function startServer() {
  const requests = [];
  const pings = [];
  const server = http.createServer((req, res) => {
    let url;
    try {
      // As a proxy the request line carries the absolute URL; otherwise use the Host header.
      const scheme = req.socket.encrypted ? "https" : "http";
      url = /^https?:\/\//i.test(req.url) ? new URL(req.url) : new URL(req.url, `${scheme}://${req.headers.host || "localhost"}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const host = url.hostname.toLowerCase();
    const q = url.searchParams;
    if (url.pathname === "/__ping") {
      pings.push({ host, id: q.get("id") ?? "", at: Date.now() });
      res.writeHead(204, { "cache-control": "no-store" }).end();
      return;
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(404).end();
      return;
    }
    requests.push({ host, path: url.pathname + url.search, method: req.method, at: Date.now() });
    const html = (body) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(body);
    };
    const [, kind, enc] = /^\/(redirect|meta|link|js|form)\/([0-9a-f]*)$/.exec(url.pathname) ?? [];
    const to = kind ? unhex(enc) : "";
    switch (kind) {
      case "redirect":
        res.writeHead(302, { location: to, "cache-control": "no-store" }).end();
        return;
      case "meta":
        html(page("meta", `<p>moving on</p><meta http-equiv="refresh" content="0;url=${esc(to)}">`));
        return;
      case "link":
        html(
          page(
            "links",
            `<p><a id="go" href="${esc(to)}"${q.get("target") ? ` target="${esc(q.get("target"))}"` : ""}>open</a></p>`,
          ),
        );
        return;
      case "form":
        html(
          page(
            "form",
            `<form id="f" method="post" action="${esc(to)}"><input name="user" value="taro"></form>`,
            `setTimeout(() => document.getElementById("f").submit(), 50);`,
          ),
        );
        return;
      case "js":
        html(page("js", "<p>script navigation</p>", `setTimeout(() => { location.href = ${JSON.stringify(to)}; }, 50);`));
        return;
      default:
        html(
          page(
            `page ${host}`,
            `<h1 id="host">${esc(host)}</h1><form><input name="password" type="password"></form>`,
            `fetch("/__ping?id=" + encodeURIComponent(location.href)).catch(() => {});`,
          ),
        );
    }
  });
  // HTTPS through the proxy: the CONNECT is counted, then TLS is terminated here and the
  // decrypted requests go through the same handler (and are counted again with their path).
  server.on("connect", (req, socket, head) => {
    const host = String(req.url).split(":")[0].toLowerCase();
    requests.push({ host, path: "CONNECT", method: "CONNECT", at: Date.now() });
    socket.on("error", () => {});
    let cert;
    try {
      cert = selfSigned();
    } catch (e) {
      console.error(`harness: cannot make a TLS certificate (is openssl installed?): ${e.message}`);
      socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      return;
    }
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head?.length) socket.unshift(head);
    const t = new tls.TLSSocket(socket, { isServer: true, ...cert });
    t.on("error", () => {});
    server.emit("connection", t);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    pings,
    count: (host) => requests.filter((r) => r.host === host).length,
    url: (kind, target, host = "mail.example.com", query = "") => `http://${host}/${kind}/${hex(target)}${query}`,
    pinged: (host) => pings.some((p) => p.host === host),
    reset() {
      requests.length = 0;
      pings.length = 0;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

export function tmpProfile(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `lg-${name}-`));
}

/** Chromium with dist/chrome loaded, all traffic through the server. */
export async function launchChrome({
  server,
  lang = "en",
  userDataDir = tmpProfile("chrome"),
  extension = true,
  extensionDir = CHROME_DIR,
} = {}) {
  const args = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable",
    `--proxy-server=http://127.0.0.1:${server.port}`,
    "--proxy-bypass-list=<-loopback>",
    "--ignore-certificate-errors",
    `--lang=${lang}`,
    `--accept-lang=${lang}`,
    `--user-data-dir=${userDataDir}`,
  ];
  if (extension) args.push(`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`);
  const browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    pipe: true,
    ignoreDefaultArgs: ["--disable-extensions"],
    args,
    env: { ...process.env, LANGUAGE: lang, LANG: lang === "ja" ? "ja_JP.UTF-8" : "en_US.UTF-8" },
  });
  let origin = null;
  if (extension) {
    const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, "manifest.json"), "utf8"));
    const { chromeIdFromKey } = await import("../../extension/build.mjs");
    origin = `chrome-extension://${chromeIdFromKey(manifest.key)}`;
  }
  return { browser, origin, userDataDir, kind: "chrome" };
}

/** The extension's service worker target (waits for it). */
export async function chromeWorker(browser, origin, timeout = 10000) {
  const t = await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(origin), { timeout });
  return t.worker();
}

/**
 * Stops the extension's service worker, as Chrome does when it is idle: CDP ServiceWorker domain
 * from a session on one of the extension's own pages (the browser-level session lacks that
 * domain; closing the worker target kills the connection). Resolves true once CDP reports the
 * worker version "stopped".
 */
export async function stopChromeWorker(browser, origin) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/pages/warning.html`);
    const s = await page.createCDPSession();
    const status = new Map();
    s.on("ServiceWorker.workerVersionUpdated", (e) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(origin)) status.set(v.versionId, v.runningStatus);
    });
    await s.send("ServiceWorker.enable");
    // On a loaded machine the first request can go unanswered (the worker was starting up as it
    // came): ask again before giving up.
    let ok = false;
    for (let attempt = 0; attempt < 3 && !ok; attempt++) {
      await s.send("ServiceWorker.stopAllWorkers");
      ok = await waitFor(() => status.size > 0 && [...status.values()].every((v) => v === "stopped"), {
        timeout: 5000,
        what: "worker stopped",
      }).catch(() => false);
    }
    await s.detach().catch(() => {});
    return Boolean(ok);
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Runs `fn(arg)` in one of the extension's own pages (extension APIs available). Unlike a
 * worker handle it survives the worker being stopped and restarted.
 */
export async function inExtensionPage(browser, origin, fn, arg) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/pages/warning.html`);
    return await page.evaluate(fn, arg);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Reads a key of the extension's storage.session from one of its pages. */
export async function chromeSessionValue(browser, origin, key) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/pages/warning.html`);
    return await page.evaluate(async (k) => (await chrome.storage.session.get(k))[k] ?? null, key);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Firefox ESR with dist/firefox installed temporarily, all traffic through the server. */
export async function launchFirefox({ server, lang = "en", userDataDir, extension = true } = {}) {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(userDataDir ? { userDataDir } : {}),
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": server.port,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": server.port,
      "network.proxy.no_proxies_on": "",
      "network.proxy.allow_hijacking_localhost": true,
      "dom.security.https_first": false,
      "dom.security.https_only_mode": false,
      "network.stricttransportsecurity.preloadlist": false,
      "browser.fixup.fallback-to-https": false,
      "intl.locale.requested": lang,
      "intl.multilingual.enabled": true,
      "extensions.langpacks.signatures.required": false,
      "intl.accept_languages": lang,
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      "browser.newtabpage.enabled": false,
      "browser.startup.homepage": "about:blank",
    },
  });
  if (extension) await browser.installExtension(FIREFOX_DIR);
  return { browser, origin: FIREFOX_ORIGIN, kind: "firefox" };
}

/** Polls until `fn()` returns a truthy value; returns it, or throws after `timeout`. */
export async function waitFor(fn, { timeout = 10000, interval = 25, what = "condition" } = {}) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    try {
      last = await fn();
      if (last) return last;
    } catch {
      // page navigating: retry
    }
    await sleep(interval);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}

/** Starts a navigation without awaiting it (Firefox BiDi may never resolve a redirected goto). */
export function navigate(page, url) {
  page.goto(url, { waitUntil: "load", timeout: 15000 }).catch(() => {});
}

export function isWarning(url, origin) {
  return typeof url === "string" && url.startsWith(`${origin}/pages/warning.html`);
}

/**
 * The page's current address. Firefox (BiDi) does not update page.url() when an extension
 * redirects the navigation to a moz-extension: page, so ask the document itself.
 */
export async function pageUrl(page) {
  const known = page.url();
  if (known.includes("-extension://")) return known;
  try {
    // evaluate() can wait for a navigating page's new context: don't let it delay the poll.
    const href = await Promise.race([page.evaluate(() => location.href), sleep(100).then(() => null)]);
    return href ?? page.url();
  } catch {
    return page.url();
  }
}

/**
 * Waits until `page` shows the rendered warning page. Returns {url, committedAt, renderedAt}
 * (Date.now() values: when the warning page's address was first seen, and when it had rendered).
 */
export async function waitForWarning(page, origin, timeout = 10000) {
  let url = "";
  let committedAt = null;
  await waitFor(
    async () => {
      url = await pageUrl(page);
      if (!isWarning(url, origin)) return false;
      committedAt ??= Date.now();
      return page.evaluate(() => document.documentElement.dataset.ready === "true");
    },
    { timeout, interval: 10, what: "rendered warning page" },
  );
  return { url, committedAt, renderedAt: Date.now() };
}

/** The text a user sees on the warning page. */
export function warningText(page) {
  return page.evaluate(() => ({
    headline: document.getElementById("headline")?.textContent ?? "",
    primary: document.getElementById("primary")?.textContent ?? "",
    lang: document.documentElement.lang,
    reasons: [...document.querySelectorAll(".lg-reason")].map((li) => li.dataset.code),
    owner: document.querySelector(".lg-host-owner")?.textContent ?? "",
  }));
}

export async function closeQuietly(browser) {
  try {
    await Promise.race([browser.close(), sleep(5000)]);
  } catch {
    // already gone
  }
  try {
    browser.process()?.kill("SIGKILL");
  } catch {
    // already gone
  }
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** The seed's warning page names J:COM and the real owner, with the reason code. */
export function assertSeedWarning(w) {
  assert.match(w.headline, /J:COM/);
  assert.match(w.headline, /vkia\.cn/);
  assert.match(w.primary, /J:COM/);
  assert.equal(w.owner, "vkia.cn");
  assert.ok(w.reasons.includes("brand_domain_embedded"), w.reasons.join(","));
}

/** Ways a page sends the browser to a phishing host: [name, start URL, phishing host]. */
export function redirectCases(server) {
  return [
    ["302", server.url("redirect", server.url("redirect", "http://www.amazon.co.jp.account-verify.top/signin", "redir.example.net")), "www.amazon.co.jp.account-verify.top"],
    ["meta", server.url("meta", "http://login.jcom-co-jp.com/"), "login.jcom-co-jp.com"],
    ["js", server.url("js", "http://www.post.japanpost.jp.delivery-check.cn/track"), "www.post.japanpost.jp.delivery-check.cn"],
    ["form POST", server.url("form", "http://www.jcom.co.jp.member-login.top/auth"), "www.jcom.co.jp.member-login.top"],
  ];
}

/**
 * For each [name, start, host]: open a fresh page at `start`, wait for the warning page, and
 * assert that no request reached `host` and its script never ran.
 */
export async function assertEachStopped(server, newPage, origin, cases) {
  for (const [name, start, host] of cases) {
    server.reset();
    const page = await newPage();
    navigate(page, start);
    await waitForWarning(page, origin);
    await sleep(200);
    assert.equal(server.count(host), 0, `${name}: requests to ${host}`);
    assert.equal(server.pinged(host), false, `${name}: script on ${host} ran`);
    await page.close();
  }
}
