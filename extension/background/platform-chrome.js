// Chrome (MV3 service worker). Three layers, because Chrome does not wait for a sleeping worker:
//  1. the static declarativeNetRequest ruleset (rules/brands.json, generated from the brand table)
//     redirects the high-precision patterns before any request is sent, whatever the worker does;
//  2. webRequest.onBeforeRequest (observing) judges every main-frame request, redirect hops
//     included, and replaces the tab with the warning page when the verdict is dangerous;
//  3. a dynamic rule for each host judged dangerous, so later visits stop before the request.
// "Proceed anyway" adds a session-scoped allow rule (priority above every redirect rule), gone
// when the browser closes. Hosts the user trusts get one dynamic allow rule.

const REDIRECT_PRIORITY = 1;
const TRUSTED_PRIORITY = 50;
const ALLOW_ONCE_PRIORITY = 100;
const TRUSTED_RULE_ID = 1;
const FIRST_HOST_RULE_ID = 1000;
const MAX_HOST_RULES = 500; // dynamic regex rules share a limit of 1000

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches every URL on exactly `host` (optional userinfo, port, trailing dot). */
export function hostRegex(host) {
  return `^https?://(?:[^/?#@]*@)?${escapeRegex(host)}\\.?(?:[:/?#].*)?$`;
}

function toAscii(domain) {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

export function install(ctx) {
  const { api, decide, warningUrl, hostOf } = ctx;
  const dnr = api.declarativeNetRequest;
  const origin = api.runtime.getURL("").replace(/\/$/, "");
  const warningPrefix = `${origin}/pages/warning.html`;
  let ruleQueue = Promise.resolve(); // serialises rule updates

  function queue(fn) {
    ruleQueue = ruleQueue.then(fn).catch((e) => console.error("Linkguard: DNR update failed", e));
    return ruleQueue;
  }

  function addHostRule(host) {
    return queue(async () => {
      const rules = await dnr.getDynamicRules();
      const regex = hostRegex(host);
      if (rules.some((r) => r.condition?.regexFilter === regex)) return;
      const hostRules = rules.filter((r) => r.id >= FIRST_HOST_RULE_ID).sort((a, b) => a.id - b.id);
      const removeRuleIds = hostRules.slice(0, Math.max(0, hostRules.length - MAX_HOST_RULES + 1)).map((r) => r.id);
      const id = (hostRules.at(-1)?.id ?? FIRST_HOST_RULE_ID - 1) + 1;
      await dnr.updateDynamicRules({
        removeRuleIds,
        addRules: [
          {
            id,
            priority: REDIRECT_PRIORITY,
            action: { type: "redirect", redirect: { regexSubstitution: `${warningPrefix}#url=\\0` } },
            condition: { regexFilter: regex, resourceTypes: ["main_frame"] },
          },
        ],
      });
    });
  }

  // The static rules as JS regexes (same syntax subset): when one of them already redirected a
  // request, layer 2 must not navigate the tab a second time.
  const staticRules = fetch(api.runtime.getURL("rules/brands.json"))
    .then((r) => r.json())
    .then((rules) => rules.map((r) => new RegExp(r.condition.regexFilter, "i")))
    .catch(() => []);

  // Layer 2: every main-frame request, redirect hops included. Observing only (MV3).
  api.webRequest.onBeforeRequest.addListener(
    (details) => {
      try {
        if (details.tabId < 0 || details.url.startsWith(origin)) return;
        decide(details.url, { tabId: details.tabId })
          .then(async ({ action }) => {
            if (action !== "warn") return;
            if (!(await staticRules).some((re) => re.test(details.url))) {
              await api.tabs.update(details.tabId, { url: warningUrl(details.url) });
            }
            const host = hostOf(details.url);
            if (host) await addHostRule(host);
          })
          .catch((e) => console.error("Linkguard: could not stop a dangerous page", e));
      } catch (e) {
        console.error(e);
      }
    },
    { urls: ["http://*/*", "https://*/*"], types: ["main_frame"] },
  );

  /** The host a dynamic redirect rule was made for (inverse of hostRegex). */
  function ruleHost(r) {
    const s = r.condition?.regexFilter ?? "";
    const a = s.indexOf("@)?");
    const b = s.lastIndexOf("\\.?(?:");
    return a >= 0 && b > a ? s.slice(a + 3, b).replace(/\\(.)/g, "$1") : null;
  }

  function applyTrusted(settings) {
    return queue(async () => {
      const trusted = settings.trusted.map(toAscii).filter(Boolean).sort();
      const current = (await dnr.getDynamicRules()).find((r) => r.id === TRUSTED_RULE_ID);
      const have = [...(current?.condition?.requestDomains ?? [])].sort();
      if (JSON.stringify(have) === JSON.stringify(trusted)) return;
      await dnr.updateDynamicRules({
        removeRuleIds: [TRUSTED_RULE_ID],
        addRules: trusted.length
          ? [
              {
                id: TRUSTED_RULE_ID,
                priority: TRUSTED_PRIORITY,
                action: { type: "allow" },
                condition: { requestDomains: trusted, resourceTypes: ["main_frame"] },
              },
            ]
          : [],
      });
    });
  }

  async function settingsChanged(settings) {
    await applyTrusted(settings);
    // Hosts judged dangerous under the old settings: keep only those still dangerous.
    await queue(async () => {
      const stale = [];
      for (const r of await dnr.getDynamicRules()) {
        if (r.id < FIRST_HOST_RULE_ID) continue;
        const host = ruleHost(r);
        if (!host) continue;
        const { action } = await decide(`https://${host}/`);
        if (action !== "warn") stale.push(r.id);
      }
      if (stale.length) await dnr.updateDynamicRules({ removeRuleIds: stale });
    });
  }

  // The stored trusted list as an allow rule (install, update, wake; a no-op when unchanged).
  ctx.ready.then(() => applyTrusted(ctx.getSettings())).catch(() => {});

  return {
    /** "Proceed anyway": let this host through until the browser closes. */
    async allowHost(host) {
      await queue(async () => {
        const rules = await dnr.getSessionRules();
        const regex = hostRegex(host);
        if (rules.some((r) => r.condition?.regexFilter === regex)) return;
        const id = Math.max(0, ...rules.map((r) => r.id)) + 1;
        await dnr.updateSessionRules({
          addRules: [
            {
              id,
              priority: ALLOW_ONCE_PRIORITY,
              action: { type: "allow" },
              condition: { regexFilter: regex, resourceTypes: ["main_frame"] },
            },
          ],
        });
      });
    },
    settingsChanged,
  };
}
