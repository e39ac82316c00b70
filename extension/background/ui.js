// Background side of the UI (issue 5): the context menu "Check this link with Linkguard", the
// toolbar badge and icon colour per tab, and the once-per-site banner decision for the content
// script. main.js calls installUi(ctx) synchronously at start-up; every listener is registered
// synchronously here too (a Chrome service worker only gets events for listeners added on wake).
//
// ctx (from main.js): { api, check(url), onVerdict(fn), addMessageHandler(type, fn, opts), ... }

const MENU_LINK = 'linkguard-check-link';
const MENU_SELECTION = 'linkguard-check-selection';
const BANNER_KEY = 'bannerShownSites';
const MAX_TEXT = 4000;

const COLORS = {
  safe: null, // default icon, no badge
  invalid: null,
  suspicious: { badge: '#E8A000', text: '!', icon: '#E8A000', titleKey: 'badgeSuspicious' },
  dangerous: { badge: '#C8001E', text: '✕', icon: '#C8001E', titleKey: 'badgeDangerous' },
};

/** The popup page with a link or a text to check, for a new tab. */
export function popupUrl(api, { url, text }) {
  const hash = url ? `url=${encodeURIComponent(url)}` : `text=${encodeURIComponent(String(text).slice(0, MAX_TEXT))}`;
  return api.runtime.getURL(`popup/popup.html#${hash}`);
}

export function installUi(ctx) {
  const { api } = ctx;
  const menus = api.contextMenus ?? api.menus;
  const msg = (key) => {
    try {
      return api.i18n.getMessage(key) || key;
    } catch {
      return key;
    }
  };

  // ---- context menu ---------------------------------------------------------------------------
  if (menus) {
    const create = () => {
      const done = () => {
        const err = api.runtime.lastError;
        if (err) console.warn('linkguard: context menu', err.message);
      };
      menus.create({ id: MENU_LINK, title: msg('menuCheckLink'), contexts: ['link'] }, done);
      menus.create({ id: MENU_SELECTION, title: msg('menuCheckSelection'), contexts: ['selection'] }, done);
    };
    // Chrome keeps items across service-worker restarts and Firefox does not: start clean each time.
    // (Promise form only: Firefox's `browser` namespace takes no callbacks.)
    let cleared = null;
    try {
      cleared = menus.removeAll();
    } catch {
      cleared = null;
    }
    Promise.resolve(cleared).then(create, create);
    menus.onClicked.addListener((info, tab) => {
      let target = null;
      if (info.menuItemId === MENU_LINK && info.linkUrl) target = { url: info.linkUrl };
      else if (info.menuItemId === MENU_SELECTION && info.selectionText) target = { text: info.selectionText };
      if (!target) return;
      const props = { url: popupUrl(api, target) };
      if (tab && tab.id >= 0) {
        props.index = tab.index + 1;
        props.openerTabId = tab.id;
      }
      Promise.resolve(api.tabs.create(props)).catch((e) => console.error('linkguard: menu', e));
    });
  }

  // ---- toolbar badge and icon colour per tab ------------------------------------------------
  const iconCache = new Map();
  function icon(color) {
    if (typeof OffscreenCanvas !== 'function') return null;
    if (!iconCache.has(color)) {
      const images = {};
      for (const size of [16, 32]) {
        const c = new OffscreenCanvas(size, size);
        const g = c.getContext('2d');
        const s = size / 16;
        g.fillStyle = color;
        g.beginPath(); // a shield
        g.moveTo(8 * s, 0.5 * s);
        g.lineTo(14.5 * s, 3 * s);
        g.quadraticCurveTo(14.5 * s, 12 * s, 8 * s, 15.5 * s);
        g.quadraticCurveTo(1.5 * s, 12 * s, 1.5 * s, 3 * s);
        g.closePath();
        g.fill();
        g.fillStyle = '#fff';
        g.fillRect(7 * s, 3.5 * s, 2 * s, 6 * s);
        g.fillRect(7 * s, 11 * s, 2 * s, 2 * s);
        images[size] = g.getImageData(0, 0, size, size);
      }
      iconCache.set(color, images);
    }
    return iconCache.get(color);
  }

  const action = api.action ?? api.browserAction;
  async function showOnToolbar(tabId, verdict) {
    if (!action || typeof tabId !== 'number' || tabId < 0) return;
    const look = COLORS[verdict?.level] ?? null;
    try {
      if (!look) {
        await action.setBadgeText({ tabId, text: '' });
        await action.setTitle({ tabId, title: msg('extName') });
        const def = api.runtime.getManifest().action?.default_icon;
        if (def) await action.setIcon({ tabId, path: def });
        return;
      }
      await action.setBadgeBackgroundColor({ tabId, color: look.badge });
      if (action.setBadgeTextColor) await action.setBadgeTextColor({ tabId, color: '#FFFFFF' });
      await action.setBadgeText({ tabId, text: look.text });
      await action.setTitle({ tabId, title: msg(look.titleKey) });
      const imageData = icon(look.icon);
      if (imageData) await action.setIcon({ tabId, imageData });
    } catch (e) {
      // The tab may be gone already; never let the badge break anything.
      if (!/No tab|Invalid tab/i.test(String(e?.message))) console.warn('linkguard: badge', e);
    }
  }
  ctx.onVerdict?.((tabId, verdict) => { showOnToolbar(tabId, verdict); });
  // Chrome clears a tab's badge and icon when a navigation commits, which is after the verdict
  // (given at request time): apply the tab's verdict again once its page is there.
  const origin = api.runtime.getURL('');
  api.tabs?.onUpdated?.addListener((tabId, change, tab) => {
    if (change.status !== 'loading' && change.status !== 'complete' && !change.url) return;
    const url = tab?.url ?? change.url ?? '';
    Promise.resolve(ctx.getVerdictForTab?.(tabId))
      .then((verdict) => {
        const host = ctx.hostOf?.(url) ?? null;
        const same = verdict && host !== null && (verdict.hostAscii === host || verdict.hostUnicode === host);
        const onWarning = verdict && url.startsWith(`${origin}pages/warning.html`);
        showOnToolbar(tabId, same || onWarning ? verdict : null);
      })
      .catch(() => {});
  });

  // ---- suspicious-page banner: once per site until the browser closes ------------------------
  const shownMemory = new Set();
  const session = api.storage?.session ?? null;
  async function firstTimeFor(site) {
    if (!session) {
      if (shownMemory.has(site)) return false;
      shownMemory.add(site);
      return true;
    }
    const got = await session.get(BANNER_KEY);
    const list = Array.isArray(got?.[BANNER_KEY]) ? got[BANNER_KEY] : [];
    if (list.includes(site)) return false;
    list.push(site);
    await session.set({ [BANNER_KEY]: list.slice(-1000) });
    return true;
  }

  // {type:"pageBanner", url} from the content script of a loaded top-level page →
  // {ok, show, verdict}. `show` is true only for a suspicious (or let-through dangerous) page not
  // yet bannered this session.
  ctx.addMessageHandler?.('pageBanner', async (m, sender) => {
    if (typeof m.url !== 'string' || m.url.length > 8192) return { ok: false, error: 'bad url' };
    // The page reports its own address; judge the one the browser knows when there is one.
    const url = typeof sender?.tab?.url === 'string' && /^https?:/.test(sender.tab.url) ? sender.tab.url : m.url;
    if (!/^https?:\/\//i.test(url)) return { ok: true, show: false, verdict: null };
    const verdict = await ctx.check(url);
    // Suspicious pages, and dangerous ones the user let through with "Proceed anyway".
    if (verdict?.level !== 'suspicious' && verdict?.level !== 'dangerous') return { ok: true, show: false, verdict };
    // A shortener's hop to elsewhere: the page it leads to is judged on its own.
    if (verdict.reasons?.every((r) => r.weight === 0 || r.code === 'url_shortener')) return { ok: true, show: false, verdict };
    const site = verdict.registrable ?? verdict.hostAscii ?? url;
    return { ok: true, show: await firstTimeFor(site), verdict };
  });
}
