// Linkguard background: the shared decision logic for Chrome (module service worker) and Firefox
// (event page). Browser-specific wiring lives in platform.js (a copy of platform-<browser>.js).
//
// Every listener is registered synchronously while this module is evaluated (no top-level await),
// so an event that wakes the background is delivered. The engine starts loading at top level;
// handlers await `ready`, so a navigation that arrives while the wasm is loading is judged once
// it is ready, never waved through. Nothing throws out of a listener: on any failure the page is
// allowed and the failure is made visible (badge + console).

import { api } from "./compat.js";
import * as engine from "./engine.js";
import { install as installPlatform } from "./platform.js";
import { installUi } from "./ui.js";

const t0 = performance.now();
/** Timings of this background context, in ms since the module started (read by tests). */
export const stats = {
  wasmReadyMs: null,
  // The two halves of wasmReadyMs: the wasm fetched, compiled and instantiated; settings read.
  wasmLoadedMs: null,
  stateLoadedMs: null,
  firstVerdictMs: null,
  verdicts: 0,
  engineError: null,
  // Main-frame decisions: how long each navigation waited for decide() (Firefox holds the request).
  decisions: 0,
  decideTotalMs: 0,
  decideMaxMs: 0,
};
globalThis.linkguardStats = stats;

const DEFAULT_SETTINGS = Object.freeze({ trusted: [], protected: [], sensitivity: "normal", clickWarnings: true });
const SENSITIVITIES = ["low", "normal", "high"];
const MAX_URL = 65536;
const MAX_MANY = 1000;
const MAX_LIST = 1000;
const EXT_ORIGIN = api.runtime.getURL("");

let settings = { ...DEFAULT_SETTINGS };
let allowedOnce = new Set();
const tabVerdicts = new Map();
const verdictListeners = new Set();
const errorListeners = new Set();
const handlers = new Map(); // message type -> {fn, extensionPagesOnly}

// ---------- settings ----------

function cleanList(v) {
  if (!Array.isArray(v)) return [];
  const out = [];
  for (const x of v) {
    if (typeof x !== "string") continue;
    const s = x.trim().toLowerCase();
    if (s && s.length <= 253 && !out.includes(s)) out.push(s);
    if (out.length >= MAX_LIST) break;
  }
  return out;
}

export function normalizeSettings(s) {
  const o = s && typeof s === "object" ? s : {};
  return {
    trusted: cleanList(o.trusted),
    protected: cleanList(o.protected),
    sensitivity: SENSITIVITIES.includes(o.sensitivity) ? o.sensitivity : "normal",
    clickWarnings: typeof o.clickWarnings === "boolean" ? o.clickWarnings : true,
  };
}

/** Lower-case ASCII host without a trailing dot, or null. */
export function hostOf(url) {
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.hostname.toLowerCase().replace(/\.$/, "") || null;
  } catch {
    return null;
  }
}

// ---------- engine start (top level, not awaited here) ----------

async function loadState() {
  const [sync, session] = await Promise.all([
    api.storage.sync.get("settings").catch(() => ({})),
    api.storage.session.get("allowedOnce").catch(() => ({})),
  ]);
  settings = normalizeSettings(sync.settings);
  allowedOnce = new Set(Array.isArray(session.allowedOnce) ? session.allowedOnce : []);
}

function engineFailed(e) {
  const msg = String(e?.message ?? e);
  if (!stats.engineError) {
    stats.engineError = msg;
    console.error("Linkguard: the checking engine failed; pages are NOT being checked.", e);
    try {
      api.action.setBadgeBackgroundColor({ color: "#6b7280" })?.catch?.(() => {});
      api.action.setBadgeText({ text: "ERR" })?.catch?.(() => {});
      api.action.setTitle({ title: `Linkguard: ${msg}` })?.catch?.(() => {});
    } catch {
      // no action API: the console message stands
    }
    for (const fn of errorListeners) {
      try {
        fn(e);
      } catch (err) {
        console.error(err);
      }
    }
  }
}

export const ready = Promise.all([
  engine.load().then(() => (stats.wasmLoadedMs = performance.now() - t0)),
  loadState().then(() => (stats.stateLoadedMs = performance.now() - t0)),
]).then(() => {
  engine.configure(settings);
  stats.wasmReadyMs = performance.now() - t0;
});
ready.catch(engineFailed);

// ---------- decisions ----------

function isAllowedOnce(host) {
  return host !== null && allowedOnce.has(host);
}

export function warningUrl(url) {
  return `${EXT_ORIGIN}pages/warning.html#url=${encodeURIComponent(url)}`;
}

async function checkUrl(url) {
  await ready;
  const v = engine.check(url);
  stats.verdicts++;
  if (stats.firstVerdictMs === null) {
    stats.firstVerdictMs = performance.now() - t0;
    // Kept for measurement (tests read it from an extension page after waking the worker).
    api.storage.session.set({ coldStart: { ...stats, wokeAt: Date.now() - stats.firstVerdictMs } }).catch(() => {});
  }
  return v;
}

function rememberTab(tabId, verdict) {
  if (!(Number.isInteger(tabId) && tabId >= 0)) return;
  tabVerdicts.set(tabId, verdict);
  api.storage.session.set({ [`tab:${tabId}`]: verdict }).catch(() => {});
  for (const fn of verdictListeners) {
    try {
      fn(tabId, verdict);
    } catch (e) {
      console.error(e);
    }
  }
}

/**
 * The decision for a main-frame navigation: {action: "allow"|"warn", verdict|null}.
 * Never throws: a failure allows the page (and is shown by engineFailed).
 */
export async function decide(url, { tabId = -1 } = {}) {
  const start = performance.now();
  try {
    const host = hostOf(url);
    if (host === null) return { action: "allow", verdict: null };
    const verdict = await checkUrl(url);
    rememberTab(tabId, verdict);
    const warn = verdict.level === "dangerous" && !isAllowedOnce(host);
    const ms = performance.now() - start;
    stats.decisions++;
    stats.decideTotalMs += ms;
    stats.decideMaxMs = Math.max(stats.decideMaxMs, ms);
    return { action: warn ? "warn" : "allow", verdict };
  } catch (e) {
    engineFailed(e);
    return { action: "allow", verdict: null, error: String(e?.message ?? e) };
  }
}

export async function getVerdictForTab(tabId) {
  if (tabVerdicts.has(tabId)) return tabVerdicts.get(tabId);
  const key = `tab:${tabId}`;
  const got = await api.storage.session.get(key).catch(() => ({}));
  return got[key] ?? null;
}

// ---------- platform layer ----------

const ctx = {
  api,
  ready,
  stats,
  decide,
  check: checkUrl,
  getVerdictForTab,
  getSettings: () => settings,
  getAllowedOnce: () => [...allowedOnce],
  onVerdict: (fn) => verdictListeners.add(fn),
  onEngineError: (fn) => errorListeners.add(fn),
  warningUrl,
  hostOf,
  addMessageHandler,
};

const platform = installPlatform(ctx) ?? {};

async function allowOnce(url) {
  const host = hostOf(url);
  if (!host) throw new Error("only http and https addresses can be allowed");
  allowedOnce.add(host);
  await api.storage.session.set({ allowedOnce: [...allowedOnce] });
  await platform.allowHost?.(host);
}

// ---------- settings changes (no restart) ----------

api.storage.onChanged.addListener((changes, area) => {
  try {
    if (area === "sync" && changes.settings) {
      settings = normalizeSettings(changes.settings.newValue);
      ready
        .then(() => {
          engine.configure(settings);
          return platform.settingsChanged?.(settings);
        })
        .catch((e) => console.error("Linkguard: applying settings failed", e));
    }
  } catch (e) {
    console.error(e);
  }
});

api.tabs?.onRemoved?.addListener((tabId) => {
  tabVerdicts.delete(tabId);
  api.storage.session.remove(`tab:${tabId}`).catch(() => {});
});

// ---------- messages ----------

/** Registers a message type. fn(msg, sender) returns (a promise of) the reply object. */
export function addMessageHandler(type, fn, { extensionPagesOnly = false } = {}) {
  handlers.set(type, { fn, extensionPagesOnly });
}

function fromExtensionPage(sender) {
  return typeof sender?.url === "string" && sender.url.startsWith(EXT_ORIGIN);
}

function needUrl(v) {
  if (typeof v !== "string" || v.length > MAX_URL) throw new Error("url must be a string");
  return v;
}

addMessageHandler("check", async (m) => ({ ok: true, verdict: await checkUrl(needUrl(m.url)) }));
addMessageHandler("checkMany", async (m) => {
  if (!Array.isArray(m.urls) || m.urls.length > MAX_MANY) throw new Error("urls must be an array");
  const urls = m.urls.map(needUrl);
  await ready;
  return { ok: true, verdicts: await Promise.all(urls.map(checkUrl)) };
});
addMessageHandler("tabVerdict", async (m) => {
  if (!Number.isInteger(m.tabId)) throw new Error("tabId must be an integer");
  return { ok: true, verdict: await getVerdictForTab(m.tabId) };
});
addMessageHandler("getSettings", async () => {
  await ready.catch(() => {});
  return { ok: true, settings, allowedOnce: [...allowedOnce] };
});
addMessageHandler(
  "setSettings",
  async (m) => {
    if (!m.settings || typeof m.settings !== "object") throw new Error("settings must be an object");
    const next = normalizeSettings(m.settings);
    await api.storage.sync.set({ settings: next });
    return { ok: true };
  },
  { extensionPagesOnly: true },
);
addMessageHandler("stats", async () => ({ ok: true, stats: { ...stats } }), { extensionPagesOnly: true });
addMessageHandler(
  "allowOnce",
  async (m) => {
    await allowOnce(needUrl(m.url));
    return { ok: true };
  },
  { extensionPagesOnly: true },
);

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  try {
    if (!msg || typeof msg !== "object" || typeof msg.type !== "string") return false;
    const h = handlers.get(msg.type);
    if (!h) return false; // not ours: another listener may answer
    if (sender?.id !== api.runtime.id) {
      sendResponse({ ok: false, error: "forbidden" });
      return false;
    }
    if (h.extensionPagesOnly && !fromExtensionPage(sender)) {
      sendResponse({ ok: false, error: "forbidden" });
      return false;
    }
    Promise.resolve()
      .then(() => h.fn(msg, sender))
      .then(
        (reply) => sendResponse(reply),
        (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
      );
    return true;
  } catch (e) {
    console.error(e);
    return false;
  }
});

// ---------- UI (helper "ui") ----------

try {
  installUi(ctx);
} catch (e) {
  console.error("Linkguard: installUi failed", e);
}
