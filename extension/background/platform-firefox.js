// Firefox (MV3 event page). Firefox lets an extension hold a request: a blocking
// webRequest.onBeforeRequest listener returns a Promise, so every main-frame request (redirect
// hops included) waits until the engine is ready and has judged it. A dangerous one is redirected
// to the warning page (listed in web_accessible_resources) before anything reaches the server.
// Allow-once needs nothing here: main.js's decide() already consults the session list.

export function install(ctx) {
  const { api, decide, warningUrl } = ctx;
  const origin = api.runtime.getURL("");

  api.webRequest.onBeforeRequest.addListener(
    (details) => {
      try {
        if (details.url.startsWith(origin)) return {};
        return decide(details.url, { tabId: details.tabId }).then(
          ({ action }) => (action === "warn" ? { redirectUrl: warningUrl(details.url) } : {}),
          () => ({}),
        );
      } catch (e) {
        console.error(e);
        return {};
      }
    },
    { urls: ["http://*/*", "https://*/*"], types: ["main_frame"] },
    ["blocking"],
  );

  return {};
}
