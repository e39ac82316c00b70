// Options: trusted sites, extra protected domains, click warnings, sensitivity, export/import.
// Stored by the background in storage.sync "settings" (setSettings); applied without a restart.
import { api } from '../background/compat.js';
import { initI18n, applyI18n, t } from '../shared/i18n.js';

const $ = (id) => document.getElementById(id);
const DEFAULTS = { trusted: [], protected: [], sensitivity: 'normal', clickWarnings: true };
const SENSITIVITIES = ['low', 'normal', 'high'];
const MAX_ENTRIES = 500;

let settings = { ...DEFAULTS };
let allowedOnce = [];

async function send(message) {
  try {
    const r = await api.runtime.sendMessage(message);
    if (r && r.ok) return r;
    throw new Error(r?.error ?? 'no answer');
  } catch (e) {
    status(t('optionsSaveFailed', [String(e.message ?? e)]), true);
    return null;
  }
}

function status(text, error = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

// "https://Example.co.jp/login" -> "example.co.jp"; null when it is not a host name.
export function normalizeHost(input) {
  let s = String(input ?? '').trim().normalize('NFKC');
  if (!s) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `https://${s}`;
  try {
    const u = new URL(s);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    const h = u.hostname.replace(/\.$/, '');
    if (!h.includes('.') || h.startsWith('[') || /^[\d.]+$/.test(h)) return null;
    return h;
  } catch {
    return null;
  }
}

function clean(input) {
  const out = { ...DEFAULTS };
  if (!input || typeof input !== 'object') return null;
  for (const key of ['trusted', 'protected']) {
    if (input[key] === undefined) continue;
    if (!Array.isArray(input[key])) return null;
    out[key] = [...new Set(input[key].map(normalizeHost).filter(Boolean))].slice(0, MAX_ENTRIES);
  }
  if (input.sensitivity !== undefined) {
    if (!SENSITIVITIES.includes(input.sensitivity)) return null;
    out.sensitivity = input.sensitivity;
  }
  if (input.clickWarnings !== undefined) {
    if (typeof input.clickWarnings !== 'boolean') return null;
    out.clickWarnings = input.clickWarnings;
  }
  return out;
}

async function save(next, doneKey) {
  const r = await send({ type: 'setSettings', settings: next });
  if (!r) return false;
  settings = next;
  render();
  status(t(doneKey));
  return true;
}

function entry(host, why, removeLabel, onRemove) {
  const li = document.createElement('li');
  const h = document.createElement('span');
  h.className = 'host';
  h.textContent = host;
  const w = document.createElement('span');
  w.className = 'why';
  w.textContent = why;
  li.append(h, w);
  if (onRemove) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = t('optionsRemove');
    b.setAttribute('aria-label', removeLabel);
    b.addEventListener('click', onRemove);
    li.append(b);
  }
  return li;
}

function empty(text) {
  const li = document.createElement('li');
  li.className = 'empty';
  li.textContent = text;
  return li;
}

function render() {
  const tl = $('trusted-list');
  tl.replaceChildren();
  for (const host of settings.trusted) {
    tl.append(entry(host, t('optionsWhyTrusted'), t('optionsRemoveNamed', [host]), () => {
      save({ ...settings, trusted: settings.trusted.filter((x) => x !== host) }, 'optionsRemoved');
    }));
  }
  for (const host of allowedOnce) {
    if (!settings.trusted.includes(host)) tl.append(entry(host, t('optionsWhyAllowedOnce'), '', null));
  }
  if (!tl.children.length) tl.append(empty(t('optionsNone')));

  const pl = $('protected-list');
  pl.replaceChildren();
  for (const host of settings.protected) {
    pl.append(entry(host, t('optionsWhyProtected'), t('optionsRemoveNamed', [host]), () => {
      save({ ...settings, protected: settings.protected.filter((x) => x !== host) }, 'optionsRemoved');
    }));
  }
  if (!pl.children.length) pl.append(empty(t('optionsNone')));

  $('click-warnings').checked = settings.clickWarnings !== false;
  for (const r of document.querySelectorAll('input[name=sensitivity]')) {
    r.checked = r.value === settings.sensitivity;
  }
}

function addForm(formId, inputId, key) {
  $(formId).addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = $(inputId);
    const host = normalizeHost(input.value);
    if (!host) {
      status(t('optionsInvalidHost'), true);
      input.focus();
      return;
    }
    if (settings[key].includes(host)) {
      status(t('optionsAlreadyThere', [host]));
      return;
    }
    if (await save({ ...settings, [key]: [...settings[key], host] }, 'optionsAdded')) {
      input.value = '';
      input.focus();
    }
  });
}

async function load() {
  const r = await send({ type: 'getSettings' });
  if (!r) return;
  settings = clean(r.settings) ?? { ...DEFAULTS };
  allowedOnce = Array.isArray(r.allowedOnce) ? r.allowedOnce.filter((h) => typeof h === 'string') : [];
  render();
}

function exportSettings() {
  const blob = new Blob([`${JSON.stringify(settings, null, 2)}\n`], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'linkguard-settings.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  status(t('optionsExported'));
}

async function importSettings(file) {
  let parsed = null;
  try {
    if (file.size > 1_000_000) throw new Error('too big');
    parsed = clean(JSON.parse(await file.text()));
  } catch {
    parsed = null;
  }
  if (!parsed) {
    status(t('optionsImportFailed'), true);
    return;
  }
  await save(parsed, 'optionsImported');
}

async function main() {
  await initI18n();
  applyI18n(document);
  addForm('trusted-form', 'trusted-input', 'trusted');
  addForm('protected-form', 'protected-input', 'protected');
  $('click-warnings').addEventListener('change', (e) => {
    save({ ...settings, clickWarnings: e.target.checked }, 'optionsSaved');
  });
  for (const r of document.querySelectorAll('input[name=sensitivity]')) {
    r.addEventListener('change', () => { if (r.checked) save({ ...settings, sensitivity: r.value }, 'optionsSaved'); });
  }
  $('export').addEventListener('click', exportSettings);
  $('import').addEventListener('change', (e) => {
    const f = e.target.files?.[0];
    if (f) importSettings(f);
    e.target.value = '';
  });
  api.storage?.onChanged?.addListener((changes, area) => {
    if (area === 'sync' && changes.settings) load();
  });
  await load();
  document.body.dataset.ready = 'true';
}

main();
