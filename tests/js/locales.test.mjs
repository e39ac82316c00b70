// The one message catalogue: en and ja have the same keys, every entry is documented, every reason
// code the engine can produce has a sentence, and placeholders follow the chrome.i18n rules.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ROOT, loadWasm } from "./helpers.mjs";

const dir = path.join(ROOT, "extension/_locales");
const load = (lang) => JSON.parse(readFileSync(path.join(dir, lang, "messages.json"), "utf8"));
const en = load("en");
const ja = load("ja");

test("only en and ja exist, and both parse", () => {
  assert.deepEqual(readdirSync(dir).sort(), ["en", "ja"]);
});

test("each catalogue names its own language in i18nLang (i18n.js relies on it)", () => {
  assert.equal(en.i18nLang?.message, "en");
  assert.equal(ja.i18nLang?.message, "ja");
});

test("en and ja have identical key sets", () => {
  const a = Object.keys(en).sort();
  const b = Object.keys(ja).sort();
  assert.deepEqual(a.filter((k) => !b.includes(k)), [], "keys only in en");
  assert.deepEqual(b.filter((k) => !a.includes(k)), [], "keys only in ja");
});

test("every entry has a non-empty message and description, and a valid key", () => {
  for (const [lang, cat] of Object.entries({ en, ja })) {
    for (const [k, e] of Object.entries(cat)) {
      assert.match(k, /^[A-Za-z0-9_@]+$/, `${lang}: key ${k} (chrome.i18n allows only [A-Za-z0-9_@])`);
      assert.ok(typeof e.message === "string" && e.message.trim(), `${lang}.${k}: message`);
      assert.ok(typeof e.description === "string" && e.description.trim(), `${lang}.${k}: description`);
    }
  }
});

test("every reason code from the engine has a reason_<code> message", async () => {
  const w = await loadWasm();
  const codes = w.reasonCodes();
  assert.ok(codes.length > 0);
  const missing = codes.filter((c) => !(`reason_${c}` in en) || !(`reason_${c}` in ja));
  assert.deepEqual(missing, [], "codes without a message");
  for (const l of ["safe", "suspicious", "dangerous", "invalid"]) assert.ok(en[`level_${l}`] && ja[`level_${l}`], l);
});

test("placeholders are defined, identical in en and ja, and reason_* use $1 brand, $2 domain, $3 detail", () => {
  const fixed = { brand: "$1", domain: "$2", detail: "$3" };
  for (const k of Object.keys(en)) {
    for (const [lang, e] of [["en", en[k]], ["ja", ja[k]]]) {
      const used = [...e.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase());
      const defined = Object.keys(e.placeholders ?? {}).map((n) => n.toLowerCase());
      for (const u of used) assert.ok(defined.includes(u), `${lang}.${k}: $${u.toUpperCase()}$ has no placeholder`);
      for (const [n, p] of Object.entries(e.placeholders ?? {})) {
        assert.match(String(p.content), /^\$[1-9]$|^[^$]/, `${lang}.${k}.${n}: content`);
        if (k.startsWith("reason_")) assert.equal(p.content, fixed[n.toLowerCase()], `${lang}.${k}.${n}`);
      }
    }
    const names = (e) => Object.keys(e.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
    assert.deepEqual(names(ja[k]), names(en[k]), `${k}: placeholders differ between en and ja`);
  }
});

test("ja messages are Japanese (not left in English)", () => {
  // Proper names such as "Linkguard" may be identical in both; anything else without kana/kanji is untranslated.
  const latinOnly = Object.entries(ja)
    .filter(([k]) => k !== "i18nLang")
    .filter(([k, e]) => e.message !== en[k]?.message || !/^[\sA-Za-z:：]+$/.test(e.message))
    .filter(([, e]) => !/[\u3040-\u30ff\u3400-\u9fff]/.test(e.message.replace(/\$[A-Z_]+\$/g, "")));
  assert.deepEqual(latinOnly.map(([k]) => k), []);
});
