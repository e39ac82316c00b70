// Small helpers for ui.test.mjs: a local server that answers every host name and counts requests
// per host, and a headless Chromium launcher with (or without) the unpacked extension.

import http from 'node:http';
import puppeteer from 'puppeteer-core';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; returns it, or throws `message` after `timeout` ms. */
export async function waitFor(fn, timeout, message) {
  const end = Date.now() + timeout;
  for (;;) {
    let v;
    try {
      v = await fn();
    } catch {
      v = null;
    }
    if (v) return v;
    if (Date.now() > end) throw new Error(message);
    await sleep(50);
  }
}

/** pages: {"/path": html}. Any other path answers a small page. Counts requests per Host. */
export async function startServer(pages) {
  const hits = new Map();
  const server = http.createServer((req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!req.url.startsWith('/favicon')) hits.set(host, (hits.get(host) ?? 0) + 1);
    // Firefox sends absolute-form URLs (this server is also its HTTP proxy).
    const pathname = new URL(req.url, 'http://localhost').pathname;
    const body = pages[pathname] ?? `<!doctype html><meta charset="utf-8"><title>${host}</title><p>page of ${host}</p>`;
    res.writeHead(req.url.startsWith('/favicon') ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  server.on('connect', (req, socket) => { // https through the proxy: count, then refuse
    const host = String(req.url).replace(/:\d+$/, '').toLowerCase();
    hits.set(host, (hits.get(host) ?? 0) + 1);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    hits: (host) => hits.get(host) ?? 0,
    reset: () => hits.clear(),
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Headless Chromium with every host name mapped to the local server; the unpacked extension in
 * `extDir` (none when null). Returns {browser, extId}.
 */
export async function launchChromium({ extDir, port, lang = 'en' }) {
  const args = [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-features=HttpsUpgrades', `--host-resolver-rules=MAP * 127.0.0.1:${port}`, `--lang=${lang}`, `--accept-lang=${lang}`,
  ];
  if (extDir) args.push(`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`);
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    ignoreDefaultArgs: extDir ? ['--disable-extensions'] : [],
    args,
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' },
  });
  let extId = null;
  if (extDir) {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    extId = new URL(target.url()).host;
  }
  return { browser, extId };
}

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_UUID = '3f6e1d2a-5b7c-4e8f-9a10-2b3c4d5e6f70';

/**
 * Headless Firefox using the local server as its HTTP proxy for every host, with the unpacked
 * extension in `extDir` installed temporarily (fixed moz-extension UUID). Returns {browser, extId}.
 */
export async function launchFirefox({ extDir, port, lang = 'en', gecko = 'linkguard@linkguard.invalid' }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'intl.locale.requested': lang === 'ja' ? 'ja,en-US' : 'en-US',
      'intl.accept_languages': lang,
      'extensions.webextensions.uuids': JSON.stringify({ [gecko]: FIREFOX_UUID }),
    },
  });
  if (extDir) await browser.installExtension(extDir);
  return { browser, extId: extDir ? FIREFOX_UUID : null };
}
