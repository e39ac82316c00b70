// Small helpers for the ui*.test.mjs files, beside harness.mjs: a server that serves the tests' own
// pages (mail-like pages, 5,000 links) for any host name, as a plain server or as the browsers'
// HTTP proxy, counting requests per host; and a Chromium launcher taking any extension directory
// (the cost test compares the extension with and without its content script).

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

/** pages: {"/path": html}. Any other path answers a small page. Counts requests per host. */
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
  // https through the proxy: refused. Counted apart from requests, because Chromium preconnects
  // to a link's host on hover/pointerdown (a CONNECT, no request is ever sent in it).
  const connects = new Map();
  server.on('connect', (req, socket) => {
    const host = String(req.url).replace(/:\d+$/, '').toLowerCase();
    connects.set(host, (connects.get(host) ?? 0) + 1);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    hits: (host) => hits.get(host) ?? 0,
    connects: (host) => connects.get(host) ?? 0,
    reset: () => { hits.clear(); connects.clear(); },
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

