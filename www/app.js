// Linkguard www checker: one input → verdict as you type. Everything runs in this page; the only
// requests go to this site's own files (pkg/, shared/, _locales/), and a service worker keeps them
// for offline use.
import { initI18n, applyI18n, pickLanguage, t, tNodes, SUPPORTED_LANGS } from "./shared/i18n.js";
import { renderVerdict } from "./shared/verdict-view.js";

const $ = (id) => document.getElementById(id);
const input = $("q");
const verdictBox = $("verdict");
const more = $("more");
const status = $("status");
const langSelect = $("lang");

let engine = null; // { checker, extractUrls, dataVersion }
let lastText = null;

const FALLBACK_WASM_ERROR =
  "The checker cannot run in this browser because WebAssembly is turned off or not supported. " +
  "このブラウザではWebAssemblyが無効か未対応のため、チェッカーを動かせません。";

function wantedLanguage() {
  const fromQuery = new URLSearchParams(location.search).get("lang");
  if (SUPPORTED_LANGS.includes(fromQuery)) return fromQuery;
  try {
    const saved = localStorage.getItem("linkguard.lang");
    if (SUPPORTED_LANGS.includes(saved)) return saved;
  } catch {
    /* storage may be blocked */
  }
  return pickLanguage();
}

function showError(key, fallback) {
  let msg = fallback;
  try {
    const m = t(key);
    if (m && m !== key) msg = m;
  } catch {
    /* i18n not loaded */
  }
  status.textContent = msg;
  status.hidden = false;
  $("loading").hidden = true;
}

async function loadEngine() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    throw new Error("WebAssembly is not available");
  }
  // Imported only now: the glue must not run where WebAssembly is missing.
  const pkg = await import("./pkg/linkguard.js");
  await pkg.default({ module_or_path: new URL("./pkg/linkguard_bg.wasm", import.meta.url) });
  return { checker: new pkg.Checker(), extractUrls: pkg.extractUrls, dataVersion: pkg.dataVersion() };
}

/** The address to judge: the text itself when it is one word, else the first URL found in it. */
function pickTarget(text) {
  const trimmed = text.trim();
  if (!trimmed) return { url: null, others: 0 };
  const urls = engine.extractUrls(text);
  if (urls.length) return { url: urls[0], others: urls.length - 1 };
  // One word that looks like an address (has a dot or a scheme colon): let the engine judge it,
  // so `javascript:…` or a half-typed host still gets an answer. Anything else has no address.
  if (!/\s/.test(trimmed) && /[.:]/.test(trimmed)) return { url: trimmed, others: 0 };
  return { url: null, others: 0, none: true };
}

function render(force = false) {
  if (!engine) return;
  const text = input.value;
  if (!force && text === lastText) return;
  lastText = text;
  const { url, others, none } = pickTarget(text);
  more.hidden = true;
  if (!url) {
    const p = document.createElement("p");
    p.className = none ? "placeholder lg-none" : "placeholder";
    p.textContent = t(none ? "wwwNoUrlFound" : "wwwEmptyResult");
    verdictBox.replaceChildren(p);
    return;
  }
  const verdict = engine.checker.check(url);
  renderVerdict(verdictBox, verdict, { headingLevel: 3 });
  if (others > 0) {
    more.replaceChildren(tNodes("wwwMoreUrls", [String(others)]));
    more.hidden = false;
  }
}

async function setLanguage(lang, { save = false } = {}) {
  const chosen = await initI18n({ lang });
  langSelect.value = chosen;
  applyI18n(document);
  if (engine) $("data-version").textContent = t("wwwDataVersion", [engine.dataVersion]);
  if (save) {
    try {
      localStorage.setItem("linkguard.lang", chosen);
    } catch {
      /* ignore */
    }
  }
  render(true);
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register("./sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      $("offline").hidden = false;
    })
    .catch((e) => console.warn("linkguard: offline cache unavailable:", e));
}

async function main() {
  try {
    await setLanguage(wantedLanguage());
  } catch (e) {
    console.error("linkguard: cannot load messages", e);
  }
  langSelect.addEventListener("change", () => setLanguage(langSelect.value, { save: true }));

  try {
    engine = await loadEngine();
  } catch (e) {
    console.error("linkguard: cannot start the checker", e);
    document.body.dataset.state = "error";
    showError("wwwWasmError", FALLBACK_WASM_ERROR);
    return;
  }
  $("loading").hidden = true;
  $("data-version").textContent = t("wwwDataVersion", [engine.dataVersion]);
  input.disabled = false;
  let pending = 0;
  input.addEventListener("input", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => render());
  });
  // A link passed as ?url=… (e.g. from a share action) is checked straight away.
  const shared = new URLSearchParams(location.search).get("url");
  if (shared) input.value = shared;
  render(true);
  input.focus();
  document.body.dataset.state = "ready";
  registerServiceWorker();
}

main();
