// Linkguard verdict view: renders an engine Verdict into DOM, for extension pages and www.
// Everything is built with createElement/textContent; no data ever goes through innerHTML.
// Styles: shared/verdict-view.css (class names lg-*; data-level on the root).
//
//   import { renderVerdict } from "../shared/verdict-view.js";
//   renderVerdict(container, verdict);              // replaces container's children
//   renderVerdict(container, verdict, { showChecked: false, headingLevel: 2 });

import { t, tNodes, currentLang } from "./i18n.js";

const LEVELS = ["safe", "suspicious", "dangerous", "invalid"];
const ICONS = { safe: "✓", suspicious: "!", dangerous: "✕", invalid: "?" };
const MAX_SHOWN = 300; // characters of a hostile URL shown before eliding

/**
 * Makes a string safe to show: control and bidi-override characters become visible `<U+202E>`
 * marks (they could reorder what the user reads), and very long strings are elided in the middle.
 */
export function displayText(value, max = MAX_SHOWN) {
  let s = String(value ?? "");
  if (s.length > max) s = `${s.slice(0, Math.ceil(max * 0.7))}…${s.slice(-Math.floor(max * 0.3))}`;
  // C0/C1 controls, bidi embeddings/overrides/isolates, LRM/RLM/ALM, zero-widths, lone surrogates.
  return s.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`,
  );
}

/** The brand's name in the UI language. */
export function brandName(brand, lang = currentLang()) {
  if (!brand) return null;
  return (lang === "ja" ? brand.nameJa || brand.nameEn : brand.nameEn || brand.nameJa) || brand.id || null;
}

/** Only an absolute https URL may become a link. */
export function safeHttpsUrl(href) {
  try {
    const u = new URL(String(href));
    return u.protocol === "https:" && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

function el(doc, tag, cls, text) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

/**
 * Splits a host into [prefix, registrable] by labels, so that the Unicode host and an ASCII
 * registrable domain line up (`www2.jcom.co.jp.login.` + `vkia.cn`).
 */
export function splitHost(host, registrable) {
  const h = String(host ?? "");
  if (!registrable) return ["", h]; // IP address or unknown suffix: the whole host is the owner
  const n = String(registrable).split(".").length;
  const labels = h.split(".");
  if (labels.length <= n) return ["", h];
  return [labels.slice(0, labels.length - n).join(".") + ".", labels.slice(-n).join(".")];
}

/**
 * The host with its registrable domain (the part someone actually owns) emphasised:
 * <span class="lg-host" dir="ltr">www2.jcom.co.jp.login.<strong>vkia.cn</strong></span>.
 * `which` chooses hostUnicode (default) or hostAscii.
 */
export function renderHost(verdict, { which = "unicode", doc = globalThis.document } = {}) {
  const host = which === "ascii" ? verdict.hostAscii : verdict.hostUnicode ?? verdict.hostAscii;
  const span = el(doc, "span", "lg-host");
  span.dir = "ltr";
  const [prefix, owned] = splitHost(host, verdict.registrable);
  if (prefix) span.append(el(doc, "span", "lg-host-sub", displayText(prefix, 200)));
  if (owned) span.append(el(doc, "strong", "lg-host-owner", displayText(owned, 200)));
  return span;
}

/** Localised country name for an ISO region code (via Intl.DisplayNames), or the code itself. */
export function countryName(code, lang = currentLang()) {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([lang], { type: "region" }).of(code) || code;
  } catch {
    return code;
  }
}

/** Substitutions [brand, domain, detail] for a reason_<code> message. */
export function reasonSubs(reason, verdict, lang = currentLang()) {
  const brand = reason.brand ?? verdict.brand ?? null;
  return [
    brandName(brand, lang) ?? t("verdictSomeBrand"),
    displayText(brand?.officialDomain ?? t("verdictUnknownValue"), 120),
    reason.detail === null || reason.detail === undefined ? t("verdictUnknownValue") : displayText(reason.detail, 160),
  ];
}

/** One plain sentence for a reason (a string). */
export function reasonText(reason, verdict, lang = currentLang()) {
  return t(`reason_${reason.code}`, reasonSubs(reason, verdict, lang));
}

function officialLink(doc, href) {
  const a = el(doc, "a", "lg-official", displayText(href, 120));
  a.href = href;
  a.rel = "noopener noreferrer";
  return a;
}

function adviceNode(doc, verdict, lang) {
  const p = el(doc, "p", "lg-advice");
  const brand = verdict.brand;
  const name = brandName(brand, lang);
  const official = safeHttpsUrl(verdict.officialSite ?? brand?.officialSite);
  const isOfficial = verdict.reasons?.some((r) => r.code === "official_domain");
  switch (verdict.level) {
    case "dangerous":
    case "suspicious": {
      const prefix = verdict.level === "dangerous" ? "verdictAdviceDangerous" : "verdictAdviceSuspicious";
      if (name && official) {
        p.append(tNodes(`${prefix}Brand`, [name], doc), " ", officialLink(doc, official));
      } else {
        p.append(tNodes(prefix, [], doc));
      }
      break;
    }
    case "safe":
      p.append(isOfficial && name ? tNodes("verdictAdviceOfficial", [name], doc) : tNodes("verdictAdviceSafe", [], doc));
      break;
    default:
      p.append(tNodes("verdictAdviceInvalid", [], doc));
  }
  return p;
}

/**
 * Renders `verdict` into `container` (its children are replaced) and returns the root element.
 * Options: lang (defaults to the i18n language), headingLevel (1–6, default 2; the level text is a
 * heading so screen-reader users can jump to it), showChecked (show the checked address; default
 * true), showReasons (default true), doc.
 */
export function renderVerdict(container, verdict, opts = {}) {
  const doc = opts.doc ?? container?.ownerDocument ?? globalThis.document;
  const lang = opts.lang ?? currentLang();
  const level = LEVELS.includes(verdict?.level) ? verdict.level : "invalid";
  const v = verdict ?? { level, reasons: [] };
  const root = el(doc, "div", `lg-verdict lg-level-${level}`);
  root.dataset.level = level;

  const hl = Math.min(6, Math.max(1, Number(opts.headingLevel) || 2));
  const head = el(doc, `h${hl}`, "lg-level");
  const icon = el(doc, "span", "lg-level-icon", ICONS[level]);
  icon.setAttribute("aria-hidden", "true");
  head.append(icon, el(doc, "span", "lg-level-text", t(`level_${level}`)));
  root.append(head, adviceNode(doc, v, lang));

  if (v.hostUnicode || v.hostAscii) {
    const owner = el(doc, "p", "lg-owner");
    owner.append(el(doc, "span", "lg-label", t("verdictOwnerLabel")), " ", renderHost(v, { doc }));
    root.append(owner);
    if (v.hostAscii && v.hostUnicode && v.hostAscii !== v.hostUnicode) {
      const ascii = el(doc, "p", "lg-ascii");
      ascii.append(el(doc, "span", "lg-label", t("verdictAsciiLabel")), " ", renderHost(v, { which: "ascii", doc }));
      root.append(ascii);
    }
  }

  if (v.country) {
    const name = el(doc, "strong", "lg-country-name", countryName(v.country, lang));
    const p = el(doc, "p", "lg-country");
    p.dataset.country = v.country;
    p.append(tNodes("verdictCountry", [name], doc));
    root.append(p);
  }

  if (opts.showReasons !== false) {
    const box = el(doc, "div", "lg-reasons");
    const reasons = Array.isArray(v.reasons) ? v.reasons : [];
    if (reasons.length) {
      box.append(el(doc, "p", "lg-reasons-heading", t("verdictReasonsHeading")));
      const ul = el(doc, "ul", "lg-reason-list");
      for (const r of reasons) {
        const li = el(doc, "li", "lg-reason", reasonText(r, v, lang));
        li.dataset.code = String(r.code);
        ul.append(li);
      }
      box.append(ul);
    } else if (level === "safe") {
      box.append(el(doc, "p", "lg-reasons-none", t("verdictNoReasons")));
    }
    if (box.childNodes.length) root.append(box);
  }

  const checked = v.url ?? v.input;
  if (opts.showChecked !== false && checked) {
    const p = el(doc, "p", "lg-checked");
    const u = el(doc, "span", "lg-url", displayText(checked));
    u.dir = "ltr";
    p.append(el(doc, "span", "lg-label", t("verdictCheckedLabel")), " ", u);
    root.append(p);
  }

  if (container) container.replaceChildren(root);
  return root;
}
