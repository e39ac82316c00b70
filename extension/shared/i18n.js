// Linkguard i18n: one message catalogue (_locales/{en,ja}/messages.json) for the extension and www.
//
// In extension pages (chrome.i18n / browser.i18n present) messages come from the browser; elsewhere
// (the www page, or when a language is forced) the catalogue is fetched from `_locales/<lang>/`.
// Placeholders follow chrome.i18n: `$BRAND$` → placeholders.brand.content ("$1") → substitutions[0].
// Dynamic values are inserted as text nodes or caller-made DOM nodes, never as HTML.
//
//   import { initI18n, t, tNodes, applyI18n } from "../shared/i18n.js";
//   await initI18n();                 // or initI18n({ lang: "ja" }) to force a language
//   applyI18n(document);              // fills [data-i18n] (textContent) and [data-i18n-attr]
//   el.append(tNodes("reason_lookalike_domain", ["J:COM", "jcom.co.jp", null]));

export const SUPPORTED_LANGS = Object.freeze(["ja", "en"]);
export const DEFAULT_LANG = "en";

const extApi = (() => {
  const g = globalThis;
  const api = g.browser ?? g.chrome;
  try {
    return api && api.i18n && typeof api.i18n.getMessage === "function" && api.runtime && api.runtime.id
      ? api
      : null;
  } catch {
    return null;
  }
})();

let lang = null;
let catalogue = null; // parsed messages.json when not using the browser's i18n
const cache = new Map();

/** "ja" or "en" from a list of BCP 47 tags (navigator.languages by default). */
export function pickLanguage(list) {
  const tags = list ?? (globalThis.navigator ? navigator.languages ?? [navigator.language] : []);
  for (const tag of tags || []) {
    const base = String(tag || "").toLowerCase().split(/[-_]/)[0];
    if (SUPPORTED_LANGS.includes(base)) return base;
  }
  return DEFAULT_LANG;
}

function defaultBase() {
  if (extApi) return extApi.runtime.getURL("/_locales/");
  return new URL("_locales/", globalThis.document ? document.baseURI : globalThis.location.href).href;
}

/** Fetches and caches one catalogue. */
export async function loadCatalogue(which, base = defaultBase()) {
  const url = new URL(`${which}/messages.json`, base).href;
  if (!cache.has(url)) {
    cache.set(
      url,
      fetch(url).then((r) => {
        if (!r.ok) throw new Error(`cannot load ${url}: HTTP ${r.status}`);
        return r.json();
      }),
    );
  }
  try {
    return await cache.get(url);
  } catch (e) {
    cache.delete(url);
    throw e;
  }
}

/**
 * Chooses the language and loads its messages. Without `lang`, extension pages use the browser's UI
 * language through chrome.i18n; other pages use navigator.languages. Sets <html lang>.
 * Returns the language ("ja" | "en").
 */
export async function initI18n({ lang: wanted, base } = {}) {
  if (extApi && !wanted) {
    lang = extLang();
    catalogue = null;
  } else {
    const next = SUPPORTED_LANGS.includes(wanted) ? wanted : pickLanguage();
    catalogue = await loadCatalogue(next, base);
    lang = next;
  }
  if (globalThis.document) document.documentElement.lang = lang;
  return lang;
}

/** The current language ("ja" | "en"); before initI18n, a guess from the browser. */
export function currentLang() {
  if (lang) return lang;
  if (extApi) return extLang();
  return pickLanguage();
}

// The language chrome.i18n actually serves. getUILanguage() and @@ui_locale can disagree with the
// catalogue chosen (measured in headless Chromium 156 with --lang=ja: both say en-US while
// messages come from ja), so each catalogue names itself in `i18nLang`.
function extLang() {
  const own = extApi.i18n.getMessage("i18nLang");
  return SUPPORTED_LANGS.includes(own) ? own : pickLanguage([extApi.i18n.getUILanguage()]);
}

/** True when the key exists in the current catalogue. */
export function hasMessage(key) {
  if (catalogue) return Object.prototype.hasOwnProperty.call(catalogue, key);
  if (extApi) return extApi.i18n.getMessage(key) !== "";
  return false;
}

const TOKEN = /\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g;

function format(entry, subs) {
  const ph = entry.placeholders || {};
  const arg = (i) => {
    const v = subs[i - 1];
    return v === undefined || v === null ? "" : String(v);
  };
  return String(entry.message).replace(TOKEN, (m, name, digit) => {
    if (m === "$$") return "$";
    if (digit) return arg(Number(digit));
    const p = ph[name.toLowerCase()];
    if (!p) return m;
    return String(p.content).replace(/\$([1-9])/g, (_, d) => arg(Number(d)));
  });
}

/**
 * The message for `key` with string substitutions. Unknown keys return the key itself, so a
 * missing translation is visible rather than blank.
 */
export function t(key, subs = []) {
  const list = Array.isArray(subs) ? subs : [subs];
  if (catalogue) {
    const entry = catalogue[key];
    return entry ? format(entry, list) : key;
  }
  if (extApi) {
    const s = extApi.i18n.getMessage(key, list.map((v) => (v === undefined || v === null ? "" : String(v))));
    return s || key;
  }
  return key;
}

// Private-use markers: substitutions are replaced by markers, then the markers by nodes. Values
// never pass through the formatter, so nothing in them can be read as a placeholder.
const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";

/**
 * The message as a DocumentFragment; each substitution may be a string (→ text node) or a Node
 * (inserted as is; cloned when a placeholder is used twice).
 */
export function tNodes(key, subs = [], doc = globalThis.document) {
  const list = Array.isArray(subs) ? subs : [subs];
  const marks = list.map((_, i) => `${MARK_OPEN}${i}${MARK_CLOSE}`);
  const text = t(key, marks);
  const frag = doc.createDocumentFragment();
  const used = new Set();
  const re = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, "g");
  let last = 0;
  for (let m; (m = re.exec(text)); ) {
    if (m.index > last) frag.append(doc.createTextNode(text.slice(last, m.index)));
    const i = Number(m[1]);
    const v = list[i];
    if (v && typeof v === "object" && typeof v.nodeType === "number") {
      frag.append(used.has(i) ? v.cloneNode(true) : v);
      used.add(i);
    } else if (v !== undefined && v !== null) {
      frag.append(doc.createTextNode(String(v)));
    }
    last = re.lastIndex;
  }
  if (last < text.length) frag.append(doc.createTextNode(text.slice(last)));
  return frag;
}

/**
 * Fills translations under `root`: `data-i18n="key"` sets textContent;
 * `data-i18n-attr="placeholder:key; aria-label:key2"` sets attributes.
 */
export function applyI18n(root = globalThis.document) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.getAttribute("data-i18n"));
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.getAttribute("data-i18n-attr").split(";")) {
      const [attr, key] = pair.split(":").map((s) => s && s.trim());
      if (attr && key && !/^on/i.test(attr)) el.setAttribute(attr, t(key));
    }
  }
}
