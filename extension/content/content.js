// Linkguard content script: warns on click before a dangerous link opens, flags links whose
// visible text names another site, warns on risky downloads, and shows a small banner on a
// suspicious page. Classic script (content scripts cannot be ES modules): everything lives in
// this closure, nothing is put on `window`, no message from the page is ever listened to.
//
// Links are judged lazily: only when the pointer or the focus reaches one (or on pointerdown),
// with one `checkMany` round trip to the background per link, cached. The DOM is never scanned.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.id || window.top !== window) return;

  // File types that run or carry programs. A link to one of these on a site that is not the
  // brand's own (or trusted by the user) is warned about on click.
  const RISKY_EXT = new Set([
    'exe', 'msi', 'msix', 'appx', 'scr', 'com', 'pif', 'bat', 'cmd', 'lnk', 'vbs', 'vbe', 'js',
    'jse', 'wsf', 'wsh', 'hta', 'ps1', 'jar', 'cpl', 'reg', 'apk', 'xapk', 'apks', 'ipa', 'dmg',
    'pkg', 'iso', 'img', 'vhd', 'vhdx', 'zip', 'rar', '7z', 'cab', 'ace', 'arj', 'lzh', 'gz',
    'tgz', 'bz2', 'xz', 'tar', 'docm', 'xlsm', 'pptm', 'one',
  ]);
  const JUDGE_TIMEOUT_MS = 2500;
  const MAX_CACHE = 2000;

  const msg = (key, subs) => {
    try {
      return api.i18n.getMessage(key, subs) || key;
    } catch {
      return key;
    }
  };

  // ---- settings (storage.sync "settings"; read once, kept current) -------------------------
  let clickWarnings = true;
  try {
    api.storage.sync.get('settings').then(
      (r) => { clickWarnings = r?.settings?.clickWarnings !== false; },
      () => {},
    );
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && changes.settings) {
        clickWarnings = changes.settings.newValue?.clickWarnings !== false;
        cache.clear(); // trusted sites / sensitivity may have changed the verdicts
      }
    });
  } catch { /* storage unavailable: keep defaults */ }

  // ---- background round trips ---------------------------------------------------------------
  function send(message) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), JUDGE_TIMEOUT_MS);
      try {
        Promise.resolve(api.runtime.sendMessage(message)).then(
          (r) => { clearTimeout(timer); resolve(r && r.ok ? r : null); },
          () => { clearTimeout(timer); resolve(null); },
        );
      } catch {
        clearTimeout(timer);
        resolve(null);
      }
    });
  }

  function httpUrl(href) {
    try {
      const u = new URL(href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
    } catch {
      return null;
    }
  }

  // A domain shown in the link's visible text ("https://www.jcom.co.jp/mypage", "jcom.co.jp").
  const TEXT_HOST = /(?:https?:\/\/)?((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,63})(?![\p{L}\p{N}-])/u;
  function textHost(a) {
    const text = (a.textContent || '').trim().slice(0, 300).normalize('NFKC');
    if (!text || text.includes('@') && !/https?:/i.test(text)) return null; // mail addresses
    const m = TEXT_HOST.exec(text);
    if (!m) return null;
    const host = m[1].toLowerCase();
    // "file.zip", "setup.exe": a file name, not a domain.
    const last = host.slice(host.lastIndexOf('.') + 1);
    if (RISKY_EXT.has(last) || ['html', 'htm', 'php', 'pdf', 'jpg', 'png'].includes(last)) return null;
    return host;
  }

  function downloadName(a, url) {
    const attr = a.getAttribute('download');
    let name = attr && attr.trim() ? attr.trim() : '';
    if (!name) {
      const seg = url.pathname.split('/').pop() || '';
      try { name = decodeURIComponent(seg); } catch { name = seg; }
    }
    const dot = name.lastIndexOf('.');
    if (dot < 0) return null;
    return RISKY_EXT.has(name.slice(dot + 1).toLowerCase()) ? name.slice(0, 120) : null;
  }

  const has = (v, code) => !!v?.reasons?.some((r) => r.code === code);
  const trustedHere = (v) => has(v, 'official_domain') || has(v, 'trusted_by_user');
  const brandOf = (v) => v?.brand ?? v?.reasons?.find((r) => r.brand)?.brand ?? null;
  // Flagged only for being a shortened link (t.co on X, bit.ly in newsletters): where it goes is
  // judged when it is opened. Its text naming another site is how those services show links.
  const onlyShortened = (v) => v?.reasons?.every((r) => r.weight === 0 || r.code === 'url_shortener') ?? false;

  // Decides what the link deserves: {warn: bool, kind, verdict, textVerdict, file}.
  function assess(a, url, shown, verdicts) {
    const [v, tv] = verdicts;
    const out = { warn: false, kind: null, verdict: v, textVerdict: tv ?? null, file: null, shown };
    if (!v || v.level === 'invalid') return out;
    if (v.level === 'dangerous') return { ...out, warn: true, kind: 'dangerous' };
    // The mail trick: the text shows one owner's domain, the link goes to another's. Flagged when
    // the target is not plainly safe, or when the text shows a protected brand's own domain.
    if (tv && tv.level !== 'invalid' && tv.registrable && v.registrable
        && tv.registrable !== v.registrable && !trustedHere(v)
        && ((v.level !== 'safe' && !onlyShortened(v)) || has(tv, 'official_domain'))) {
      return { ...out, warn: true, kind: 'mismatch' };
    }
    const file = downloadName(a, url);
    if (file && !trustedHere(v)) return { ...out, warn: true, kind: 'download', file };
    return out;
  }

  // href + shown domain -> {promise, result}
  const cache = new Map();
  function judge(a) {
    const url = httpUrl(a.href);
    if (!url) return null;
    // Links within the page's own site: that site was judged when it loaded (and stopped by the
    // interception layer if it was dangerous). Only downloads from it are still worth a look.
    if (url.origin === location.origin && !downloadName(a, url)) return null;
    const shown = textHost(a);
    const shownDiffers = shown && shown !== url.hostname && shown !== safeUnicodeHost(url);
    const key = `${url.href}\n${shownDiffers ? shown : ''}\n${a.getAttribute('download') ?? ''}`;
    let entry = cache.get(key);
    if (entry) return entry;
    entry = { result: null, promise: null };
    const urls = shownDiffers ? [url.href, `https://${shown}/`] : [url.href];
    entry.promise = send({ type: 'checkMany', urls }).then((r) => {
      entry.result = r && Array.isArray(r.verdicts)
        ? assess(a, url, shownDiffers ? shown : null, r.verdicts)
        : { warn: false, kind: null, verdict: null, failed: true };
      if (r === null) cache.delete(key); // try again next time
      return entry.result;
    });
    if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value);
    cache.set(key, entry);
    return entry;
  }

  function safeUnicodeHost(url) {
    return url.hostname; // URL gives punycode; the text comparison below is by registrable anyway
  }

  function linkFromEvent(e) {
    const path = typeof e.composedPath === 'function' ? e.composedPath() : [e.target];
    for (const n of path) {
      if (n === host) return null; // our own UI
      if (n instanceof HTMLAnchorElement || n instanceof HTMLAreaElement) {
        return n.hasAttribute('href') ? n : null;
      }
    }
    return null;
  }

  // ---- our UI: one host element, CLOSED shadow root -----------------------------------------
  let host = null;
  let root = null;
  function ui() {
    if (!host) {
      host = document.createElement('linkguard-ui');
      root = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
    if (!host.isConnected) (document.documentElement || document).append(host);
    return root;
  }

  const el = (tag, cls, text) => {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  };

  // ---- hover flag ------------------------------------------------------------------------------
  let tip = null;
  let tipFor = null;
  function showTip(a, result) {
    if (!result?.warn || !a.isConnected) return;
    const r = ui();
    if (!tip) {
      tip = el('div', 'tip');
      tip.setAttribute('role', 'tooltip');
      r.append(tip);
    }
    tip.replaceChildren(el('strong', null, msg('contentTipTitle')), el('span', null, ` ${summary(result)}`));
    const rect = a.getBoundingClientRect();
    const top = rect.bottom + 6 + 80 > innerHeight ? Math.max(4, rect.top - 6 - 80) : rect.bottom + 6;
    tip.style.top = `${Math.round(top)}px`;
    tip.style.left = `${Math.round(Math.max(4, Math.min(rect.left, innerWidth - 360)))}px`;
    tip.hidden = false;
    tipFor = a;
  }
  function hideTip(a) {
    if (tip && (!a || tipFor === a)) { tip.hidden = true; tipFor = null; }
  }

  function ownerOf(v) {
    return v?.registrable ?? v?.hostUnicode ?? v?.hostAscii ?? '';
  }
  function brandName(b) {
    if (!b) return '';
    const ja = msg('i18nLang') === 'ja'; // the catalogue actually in use
    return ja ? b.nameJa || b.nameEn : b.nameEn || b.nameJa;
  }

  function summary(result) {
    const v = result.verdict;
    const owner = ownerOf(v);
    if (result.kind === 'mismatch') {
      return msg('contentMismatch', [result.shown ?? ownerOf(result.textVerdict), owner]);
    }
    if (result.kind === 'download') {
      const b = brandOf(v) ?? brandOf(result.textVerdict);
      return b ? msg('contentDownloadBrand', [result.file, owner, brandName(b)])
        : msg('contentDownload', [result.file, owner]);
    }
    const b = brandOf(v);
    return b ? msg('contentDangerBrand', [brandName(b), owner]) : msg('contentDanger', [owner]);
  }

  // ---- the in-page warning (modal <dialog> in the closed shadow root) ----------------------
  let open = null;
  function showWarning(a, result, how) {
    if (open) open.close('cancel');
    hideTip();
    const r = ui();
    const dlg = el('dialog', 'warn');
    dlg.setAttribute('aria-labelledby', 'lg-title');
    dlg.setAttribute('aria-describedby', 'lg-what');
    const title = el('h2', null, msg(result.kind === 'download' ? 'contentTitleDownload' : 'contentTitle'));
    title.id = 'lg-title';
    const what = el('p', 'what', summary(result));
    what.id = 'lg-what';
    dlg.append(el('div', 'badge', 'Linkguard'), title, what);

    const v = result.verdict;
    const where = el('p', 'where');
    where.append(el('span', 'label', `${msg('contentDestination')} `));
    const hostText = v?.hostUnicode ?? v?.hostAscii ?? '';
    const reg = v?.registrable ?? '';
    if (reg && hostText.endsWith(reg)) {
      where.append(el('span', null, hostText.slice(0, hostText.length - reg.length)), el('b', null, reg));
    } else {
      where.append(el('b', null, hostText));
    }
    if (v?.country) where.append(el('span', 'country', ` (${v.country})`));
    dlg.append(where);

    const reasons = (v?.reasons ?? []).filter((x) => x.weight > 0).slice(0, 3);
    if (reasons.length) {
      const ul = el('ul', 'reasons');
      for (const x of reasons) {
        const b = x.brand;
        ul.append(el('li', null, msg(`reason_${x.code}`, [brandName(b) || '', b?.officialDomain ?? '', x.detail ?? ''])));
      }
      dlg.append(ul);
    }
    const b = brandOf(v) ?? brandOf(result.textVerdict);
    if (b?.officialSite && /^https:\/\//.test(b.officialSite)) {
      const p = el('p', 'official');
      p.append(el('span', null, `${msg('contentOfficial', [brandName(b)])} `));
      const link = el('a', null, b.officialSite);
      link.href = b.officialSite;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      p.append(link);
      dlg.append(p);
    }

    const buttons = el('div', 'buttons');
    const stay = el('button', 'stay', msg('contentDontOpen'));
    stay.type = 'button';
    stay.autofocus = true;
    const go = el('button', 'go', msg('contentOpenAnyway'));
    go.type = 'button';
    buttons.append(stay, go);
    dlg.append(buttons);

    stay.addEventListener('click', (e) => { if (e.isTrusted) dlg.close('stay'); });
    go.addEventListener('click', (e) => { if (e.isTrusted) dlg.close('go'); });
    dlg.addEventListener('cancel', () => { dlg.returnValue = 'stay'; });
    dlg.addEventListener('close', () => {
      const choice = dlg.returnValue;
      dlg.remove();
      if (open === dlg) open = null;
      if (choice === 'go') follow(a, how);
      else try { a.focus({ preventScroll: true }); } catch { /* detached */ }
    });
    r.append(dlg);
    open = dlg;
    dlg.showModal();
    stay.focus();
  }

  // Opens the link the way the user asked (same tab / new tab). The interception layer in the
  // background still judges the navigation, so "Open anyway" here leads to its warning page.
  const allowedOnce = new WeakSet();
  function follow(a, how) {
    const newTab = how.button === 1 || how.ctrlKey || how.metaKey || how.shiftKey;
    if (!newTab && a.isConnected) {
      allowedOnce.add(a);
      a.dispatchEvent(new MouseEvent('click', {
        bubbles: true, cancelable: true, composed: true, view: window, altKey: how.altKey,
      }));
      allowedOnce.delete(a);
      return;
    }
    const url = httpUrl(a.href);
    if (!url) return;
    if (newTab) window.open(url.href, '_blank', 'noopener');
    else location.assign(url.href);
  }

  // ---- events (capture on window, registered at document_start, before the page's) -----------
  function stop(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  function onActivate(e) {
    if (e.type === 'click' && e.button !== 0) return;
    if (e.type === 'auxclick' && e.button !== 1) return;
    if (!clickWarnings) return;
    const a = linkFromEvent(e);
    if (!a || allowedOnce.has(a)) return;
    const entry = judge(a);
    if (!entry) return;
    const how = {
      button: e.button, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey,
    };
    if (entry.result) {
      if (entry.result.warn) {
        stop(e);
        showWarning(a, entry.result, how);
      }
      return;
    }
    // Not judged yet (no hover, e.g. a keyboard user or a script): hold the click until the
    // answer arrives, then warn or carry on. The background fails open after a timeout.
    stop(e);
    entry.promise.then((result) => {
      if (result.warn) showWarning(a, result, how);
      else follow(a, how);
    });
  }

  function onLook(e) {
    const a = linkFromEvent(e);
    if (!a) {
      if (e.type === 'pointerover') hideTip();
      return;
    }
    const entry = judge(a);
    if (!entry) return;
    if (e.type === 'pointerdown') return;
    if (entry.result) showTip(a, entry.result);
    else entry.promise.then((result) => { if (a.matches(':hover, :focus')) showTip(a, result); });
  }

  function onLeave(e) {
    const a = linkFromEvent(e);
    if (a) hideTip(a);
  }

  const opts = { capture: true };
  window.addEventListener('click', onActivate, opts);
  window.addEventListener('auxclick', onActivate, opts);
  window.addEventListener('pointerover', onLook, { capture: true, passive: true });
  window.addEventListener('focusin', onLook, { capture: true, passive: true });
  window.addEventListener('pointerdown', onLook, { capture: true, passive: true });
  window.addEventListener('pointerout', onLeave, { capture: true, passive: true });
  window.addEventListener('focusout', onLeave, { capture: true, passive: true });
  window.addEventListener('scroll', () => hideTip(), { capture: true, passive: true });

  // ---- banner on a suspicious page -----------------------------------------------------------
  async function pageBanner() {
    const here = httpUrl(location.href);
    if (!here) return;
    const r = await send({ type: 'pageBanner', url: here.href });
    const v = r?.verdict;
    if (!r?.show || (v?.level !== 'suspicious' && v?.level !== 'dangerous')) return;
    const danger = v.level === 'dangerous'; // reached only through "Proceed anyway"
    const bar = document.createElement('linkguard-banner');
    const sr = bar.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = BANNER_CSS;
    const box = el('div', danger ? 'bar danger' : 'bar');
    box.setAttribute('role', 'status');
    const top = (v.reasons ?? []).find((x) => x.weight > 0);
    const b = top?.brand;
    box.append(el('strong', null, msg(danger ? 'contentBannerDangerTitle' : 'contentBannerTitle')), el('span', 'why',
      top ? ` ${msg(`reason_${top.code}`, [brandName(b) || '', b?.officialDomain ?? '', top.detail ?? ''])}` : ''));
    const close = el('button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', msg('contentBannerDismiss'));
    close.title = msg('contentBannerDismiss');
    close.addEventListener('click', (e) => { if (e.isTrusted) bar.remove(); });
    box.append(close);
    sr.append(style, box);
    // In the normal flow, before the page: it pushes the page down instead of covering it.
    const parent = document.body ?? document.documentElement;
    parent.insertBefore(bar, parent.firstChild);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => { pageBanner(); }, { once: true });
  } else {
    pageBanner();
  }

  const CSS = `
:host { all: initial !important; display: block !important; position: fixed !important;
  top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important;
  z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important; }
* { box-sizing: border-box; font-family: system-ui, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", sans-serif; }
.tip { position: fixed; max-width: 360px; padding: 8px 10px; border-radius: 6px;
  background: #fff4e0; color: #3b2600; border: 2px solid #c76b00; font-size: 13px; line-height: 1.4;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); pointer-events: none; }
.tip[hidden] { display: none; }
dialog.warn { max-width: 520px; width: calc(100vw - 32px); padding: 20px 22px; border: 0;
  border-top: 8px solid #b3001b; border-radius: 10px; background: #fff; color: #1a1a1a;
  font-size: 15px; line-height: 1.5; box-shadow: 0 10px 40px rgba(0,0,0,.45); }
dialog.warn::backdrop { background: rgba(20, 0, 0, .55); }
.badge { font-size: 12px; font-weight: 700; letter-spacing: .04em; color: #b3001b; }
h2 { margin: 4px 0 8px; font-size: 20px; color: #b3001b; }
.what { margin: 0 0 10px; font-weight: 600; }
.where { margin: 0 0 10px; padding: 8px 10px; background: #f4f4f4; border-radius: 6px;
  font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; word-break: break-all; }
.where .label { font-family: system-ui, sans-serif; color: #555; }
.where b { color: #b3001b; font-size: 1.1em; }
.reasons { margin: 0 0 10px; padding-left: 20px; }
.official { margin: 0 0 12px; }
.official a { color: #0b57d0; }
.buttons { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-top: 14px; }
button { font: inherit; cursor: pointer; }
.stay { padding: 10px 22px; border: 0; border-radius: 6px; background: #0b57d0; color: #fff; font-weight: 700; }
.go { padding: 6px 4px; border: 0; background: none; color: #666; text-decoration: underline; font-size: 13px; }
button:focus-visible, a:focus-visible { outline: 3px solid #ffb300; outline-offset: 2px; }
`;
  const BANNER_CSS = `
:host { all: initial !important; display: block !important; position: static !important;
  visibility: visible !important; opacity: 1 !important; }
.bar { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: #fff4e0;
  color: #3b2600; border-bottom: 2px solid #c76b00; font: 13px/1.4 system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; }
.bar.danger { background: #fde8ea; color: #5c000d; border-bottom-color: #b3001b; }
.why { flex: 1; }
.close { font: inherit; font-size: 18px; line-height: 1; padding: 2px 8px; border: 1px solid #c76b00;
  border-radius: 4px; background: #fff; color: #3b2600; cursor: pointer; }
.close:focus-visible { outline: 3px solid #ffb300; outline-offset: 1px; }
`;
})();
