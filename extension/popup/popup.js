// Popup: the current tab's verdict, and a box that finds and judges every URL in a pasted text.
// Rendering and texts come from the shared modules (the same as the warning page and www).
import { api } from '../background/compat.js';
import { initI18n, applyI18n, t } from '../shared/i18n.js';
import { renderVerdict } from '../shared/verdict-view.js';

const $ = (id) => document.getElementById(id);

async function send(message) {
  try {
    const r = await api.runtime.sendMessage(message);
    return r && r.ok ? r : null;
  } catch {
    return null;
  }
}

// The wasm package finds URLs in SMS/mail text (full-width, hxxp, [.], broken lines).
let extractor = null;
async function extractUrls(text) {
  extractor ??= import('/pkg/linkguard.js').then(async (m) => {
    await m.default({ module_or_path: '/pkg/linkguard_bg.wasm' });
    return m.extractUrls;
  });
  try {
    return (await extractor)(text);
  } catch (e) {
    console.error('linkguard: extractUrls unavailable', e);
    extractor = null;
    return text.split(/\s+/).filter((w) => /^(https?:\/\/|www\.)/i.test(w));
  }
}

function show(container, verdict) {
  renderVerdict(container, verdict, { headingLevel: 3 });
}

async function showCurrent() {
  const box = $('current-verdict');
  let tab = null;
  try {
    [tab] = await api.tabs.query({ active: true, currentWindow: true });
  } catch { /* no tabs API */ }
  if (!tab?.id || tab.id < 0) return;
  const r = await send({ type: 'tabVerdict', tabId: tab.id });
  if (r?.verdict) {
    show(box, r.verdict);
  } else if (typeof tab.url === 'string' && /^https?:\/\//i.test(tab.url)) {
    // No verdict kept for this tab (e.g. it was open before the extension started): judge it now.
    const c = await send({ type: 'check', url: tab.url });
    if (c?.verdict) show(box, c.verdict);
  }
}

async function checkText(text) {
  const status = $('paste-status');
  const list = $('paste-results');
  list.replaceChildren();
  status.textContent = '';
  if (!text.trim()) return;
  const urls = (await extractUrls(text)).slice(0, 50);
  if (!urls.length) {
    status.textContent = t('popupPasteNone');
    return;
  }
  const r = await send({ type: 'checkMany', urls });
  if (!r) {
    status.textContent = t('popupError');
    return;
  }
  status.textContent = t('popupPasteFound', [String(r.verdicts.length)]);
  for (const v of r.verdicts) {
    const li = document.createElement('li');
    li.className = `level-${v.level}`;
    renderVerdict(li, v, { headingLevel: 3 });
    list.append(li);
  }
}

// popup.html#url=<encoded> (context menu on a link) or #text=<encoded> (on selected text).
function fromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  return params.get('url') ?? params.get('text');
}

// Firefox lets people withhold an MV3 extension's host permissions: without them nothing is
// checked, so say so and offer the grant (permissions.request needs this click).
const ORIGINS = { origins: ['http://*/*', 'https://*/*'] };
async function checkPermission() {
  if (!api.permissions?.contains) return;
  let ok = true;
  try {
    ok = await api.permissions.contains(ORIGINS);
  } catch {
    return;
  }
  const box = $('permission');
  box.hidden = ok;
  if (!ok) {
    $('permission-grant').addEventListener('click', async () => {
      try {
        box.hidden = await api.permissions.request(ORIGINS);
      } catch (e) {
        console.error('linkguard: permission request', e);
      }
    }, { once: true });
  }
}

async function main() {
  await initI18n();
  applyI18n(document);
  $('open-options').addEventListener('click', () => {
    api.runtime.openOptionsPage();
    if (location.hash === '' && window.close) window.close();
  });
  $('paste-form').addEventListener('submit', (e) => {
    e.preventDefault();
    checkText($('paste-text').value);
  });
  $('paste-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      checkText($('paste-text').value);
    }
  });
  await checkPermission();
  const given = fromHash();
  if (given) {
    document.body.classList.add('in-tab');
    $('paste-text').value = given;
    await checkText(given);
  } else {
    $('paste-text').focus();
  }
  await showCurrent();
  document.body.dataset.ready = 'true';
}

main();
