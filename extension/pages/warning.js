// The warning page: shown instead of a dangerous page (static DNR rule, dynamic rule, tabs.update
// in Chrome; blocking webRequest redirect in Firefox). Its address is warning.html#url=<address>.
// Any site can link here (the page is web-accessible), so the reasons shown come from asking the
// background again, never from the URL. All data is rendered with textContent.

import { api } from "../background/compat.js";
import { initI18n, applyI18n, t, tNodes } from "../shared/i18n.js";
import { renderVerdict, brandName, safeHttpsUrl, displayText } from "../shared/verdict-view.js";

const $ = (id) => document.getElementById(id);

/** The address this page stands for: everything after `#url=` (raw from DNR, or encoded). */
export function targetFromHash(hash) {
  const i = hash.indexOf("url=");
  if (!hash.startsWith("#") || i !== 1) return null;
  let raw = hash.slice(5);
  if (/^https?%3a/i.test(raw)) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  try {
    const u = new URL(raw);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function send(message) {
  return Promise.resolve(api.runtime.sendMessage(message)).then((r) => {
    if (!r || r.ok !== true) throw new Error(r?.error ?? "no answer");
    return r;
  });
}

function showError(key, err) {
  const p = $("error");
  p.replaceChildren(tNodes(key, [displayText(String(err?.message ?? err), 200)]));
  p.hidden = false;
}

function strong(text) {
  const s = document.createElement("strong");
  s.dir = "ltr";
  s.textContent = displayText(text, 120);
  return s;
}

function goBack() {
  if (history.length > 1) {
    history.back();
    return;
  }
  // Opened in a fresh tab (target=_blank, another app): there is nothing to go back to.
  const tabs = api.tabs;
  const tryUrls = ["chrome://newtab/", "about:newtab", "about:blank"];
  (async () => {
    const tab = await tabs.getCurrent();
    for (const url of tryUrls) {
      try {
        await tabs.update(tab.id, { url });
        return;
      } catch {
        // not allowed in this browser: try the next one
      }
    }
  })().catch(() => location.replace("about:blank"));
}

async function render() {
  const url = targetFromHash(location.hash);
  const headline = $("headline");
  const primary = $("primary");
  const more = $("more");
  primary.hidden = true;
  more.hidden = true;
  $("error").hidden = true;
  if (!url) {
    headline.textContent = t("warningNoAddress");
    $("lead").textContent = "";
    $("verdict").replaceChildren();
    primary.textContent = t("warningBack");
    primary.onclick = goBack;
    primary.hidden = false;
    primary.focus();
    return;
  }

  let verdict = null;
  try {
    verdict = (await send({ type: "check", url })).verdict;
  } catch (e) {
    showError("warningEngineError", e);
  }

  const owner = verdict?.registrable ?? verdict?.hostUnicode ?? new URL(url).hostname;
  const name = brandName(verdict?.brand);
  const official = safeHttpsUrl(verdict?.officialSite ?? verdict?.brand?.officialSite);
  const dangerous = verdict === null || verdict.level === "dangerous";
  if (!dangerous) {
    headline.textContent = t("warningHeadlineNotDangerous");
  } else if (name) {
    headline.replaceChildren(tNodes("warningHeadlineBrand", [name, strong(owner)]));
  } else {
    headline.replaceChildren(tNodes("warningHeadlineNoBrand", [strong(owner)]));
  }
  $("lead").textContent = dangerous ? t("warningLead") : "";
  if (verdict) renderVerdict($("verdict"), verdict, { headingLevel: 2 });

  if (name && official) {
    primary.textContent = t("warningGoOfficial", [name]);
    primary.onclick = () => location.assign(official);
  } else {
    primary.textContent = t("warningBack");
    primary.onclick = goBack;
  }
  primary.hidden = false;

  const host = new URL(url).hostname;
  $("proceed-note").textContent = t("warningProceedNote", [displayText(host, 120)]);
  $("proceed").onclick = async () => {
    try {
      await send({ type: "allowOnce", url });
      location.replace(url);
    } catch (e) {
      showError("warningProceedFailed", e);
    }
  };
  more.hidden = false;
  primary.focus();
}

async function main() {
  // Refuse to be framed: stay blank inside any frame.
  if (window.top !== window) return;
  document.documentElement.classList.remove("lg-unverified");
  await initI18n();
  applyI18n(document);
  await render();
  document.documentElement.dataset.ready = "true";
}

window.addEventListener("hashchange", () => {
  render().catch((e) => console.error(e));
});
main().catch((e) => {
  console.error(e);
  document.documentElement.dataset.ready = "error";
});
