// The built wasm package (dist/pkg) in Node: loads with initSync, judges the seed cases, keeps the
// Verdict contract, and never throws on hostile input.
import test from "node:test";
import assert from "node:assert/strict";
import { loadWasm, SEED } from "./helpers.mjs";

const w = await loadWasm();
const checker = new w.Checker();

const FIELDS = ["level", "score", "input", "url", "scheme", "hostAscii", "hostUnicode", "registrable", "publicSuffix",
  "suffixKind", "subdomain", "country", "reasons", "brand", "officialSite", "embeddedUrl", "dataVersion"];
const LEVELS = ["safe", "suspicious", "dangerous", "invalid"];

function assertVerdictShape(v, input) {
  assert.equal(typeof v, "object", `verdict for ${JSON.stringify(input).slice(0, 80)}`);
  assert.ok(!(v instanceof Map), "a plain object, not an ES Map");
  for (const f of FIELDS) assert.ok(f in v && v[f] !== undefined, `field ${f} present and not undefined`);
  assert.ok(LEVELS.includes(v.level), `level ${v.level}`);
  assert.ok(Array.isArray(v.reasons));
  for (const r of v.reasons) {
    assert.equal(typeof r.code, "string");
    assert.ok(r.brand === null || typeof r.brand.officialDomain === "string");
    assert.ok(r.detail === null || typeof r.detail === "string");
  }
  // Survives runtime.sendMessage (JSON) unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(v)), v);
}

test("the seed phishing URL is dangerous, owned by vkia.cn in China, impersonating J:COM", () => {
  const v = checker.check(SEED);
  assertVerdictShape(v, SEED);
  assert.equal(v.level, "dangerous");
  assert.equal(v.registrable, "vkia.cn");
  assert.equal(v.country, "CN");
  assert.equal(v.brand?.id, "jcom");
  assert.equal(v.officialSite, "https://www.jcom.co.jp/");
  assert.equal(v.reasons[0].code, "brand_domain_embedded");
});

test("the official J:COM site is safe and says so", () => {
  const v = checker.check("https://www.jcom.co.jp/");
  assertVerdictShape(v, "jcom");
  assert.equal(v.level, "safe");
  assert.ok(v.reasons.some((r) => r.code === "official_domain"), JSON.stringify(v.reasons));
});

test("the free check() function agrees with Checker#check", () => {
  for (const u of [SEED, "https://www.jcom.co.jp/", "javascript:alert(1)"]) {
    assert.deepEqual(w.check(u), checker.check(u));
  }
});

test("non-web input is invalid with the documented codes", () => {
  assert.deepEqual(checker.check("").reasons.map((r) => r.code), ["empty_input"]);
  const js = checker.check("javascript:alert(1)");
  assert.equal(js.level, "invalid");
  assert.deepEqual(js.reasons.map((r) => r.code), ["unsupported_scheme"]);
});

test("settings: a trusted host is never warned about", () => {
  const trusting = new w.Checker({ trusted: ["vkia.cn"], protected: [], sensitivity: "normal" });
  const v = trusting.check(SEED);
  assert.notEqual(v.level, "dangerous");
  assert.ok(v.reasons.some((r) => r.code === "trusted_by_user"), JSON.stringify(v.reasons));
});

test("settings: protected domains and sensitivity are read, unknown fields ignored", () => {
  const url = "https://mylocalbank.jp.secure-login.example.com/";
  assert.notEqual(checker.check(url).level, "dangerous");
  const mine = new w.Checker({ protected: ["mylocalbank.jp"], colour: "blue" });
  assert.equal(mine.check(url).level, "dangerous");
  // Weaker evidence counts at high sensitivity: a bare random-looking .com name.
  const weak = "https://rrjsnvha.com/";
  assert.equal(checker.check(weak).level, "safe");
  assert.equal(new w.Checker({ sensitivity: "high" }).check(weak).level, "suspicious");
  assert.equal(new w.Checker({ trusted: null, sensitivity: undefined }).check(SEED).level, "dangerous");
});

test("settings of the wrong type fail with an error that names the field", () => {
  for (const [bad, field] of [
    [{ trusted: "vkia.cn" }, /trusted/],
    [{ protected: ["ok.jp", 7] }, /protected/],
    [{ sensitivity: "paranoid" }, /sensitivity/],
    [{ sensitivity: 2 }, /sensitivity/],
    ["normal", /object/],
  ]) {
    assert.throws(() => new w.Checker(bad), (e) => e instanceof Error && /invalid settings/.test(e.message) && field.test(e.message), JSON.stringify(bad));
  }
});

test("dataVersion and reasonCodes are exposed", () => {
  assert.match(w.dataVersion(), /\S/);
  assert.equal(checker.dataVersion, w.dataVersion());
  const codes = w.reasonCodes();
  assert.ok(Array.isArray(codes) && codes.length >= 10);
  for (const c of ["brand_domain_embedded", "official_domain", "trusted_by_user", "empty_input"]) assert.ok(codes.includes(c), c);
});

test("extractUrls takes the address out of an SMS text", () => {
  const sms = "【J:COM】ご利用料金のお支払いが確認できません。至急ご確認ください hxxps://www2.jcom.co.jp.login.vkia[.]cn/ お問い合わせは…";
  const urls = w.extractUrls(sms);
  assert.ok(urls.length >= 1, JSON.stringify(urls));
  assert.equal(checker.check(urls[0]).level, "dangerous");
  assert.deepEqual(w.extractUrls("no address here"), []);
});

const HOSTILE = {
  "empty": "",
  "1 MB of a": "a".repeat(1 << 20),
  "1 MB URL": "https://" + "a.".repeat(1 << 19) + "com/",
  "NUL": "https://exa\u0000mple.com/\u0000",
  "RTL override": "https://\u202Emoc.elpmaxe\u202C/",
  "open bracket": "http://[",
  "300 labels": "https://" + Array.from({ length: 300 }, (_, i) => `l${i}`).join(".") + ".com/",
  "invalid punycode": "https://xn--/",
  "invalid punycode 2": "https://xn--zz-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.xn--.jp/",
  "only dots": "....",
  "only dots URL": "https://..../",
  "lone high surrogate": "https://exa\uD800mple.com/",
  "lone low surrogate": "https://\uDC00.jp/",
  "userinfo": "https://www.jcom.co.jp:pw@evil.example:99999/",
  "percent mess": "https://%%%%.com/%zz",
  "ipv6": "http://[::ffff:127.0.0.1]/",
  "huge port": "http://example.com:4294967296/",
  "emoji host": "https://💩.la/",
  "full-width": "ｈｔｔｐｓ：／／ｗｗｗ．ｊｃｏｍ．ｃｏ．ｊｐ．ｘ．ｃｎ／",
  "whitespace": " \t\n https://example.com/ \n",
  "nested": "https://a.com/?u=" + encodeURIComponent("https://b.com/?u=").repeat(200),
};

for (const [name, input] of Object.entries(HOSTILE)) {
  test(`hostile input never throws and gives a verdict: ${name}`, () => {
    const v = checker.check(input);
    assertVerdictShape(v, input);
    const again = w.check(input);
    assert.equal(again.level, v.level);
    assert.ok(Array.isArray(w.extractUrls(input)));
  });
}

test("the instance still works after all hostile inputs", () => {
  assert.equal(checker.check(SEED).level, "dangerous");
});
