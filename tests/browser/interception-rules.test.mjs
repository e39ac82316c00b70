// The static declarativeNetRequest ruleset (dist/chrome/rules/brands.json) without a browser:
// its regexes use only syntax that RE2 and JavaScript read alike, so JS RegExp can check what
// Chrome will redirect. Official and other legitimate addresses must never match; the seed and
// the shapes must. Also reports how much of the JPCERT/CC dev set the static layer alone
// stops (informational: the engine judges everything else).

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, CHROME_DIR } from "./harness.mjs";

const DATA = process.env.LINKGUARD_DATA || path.resolve(ROOT, "..", "shared", "data");
const rules = JSON.parse(fs.readFileSync(path.join(CHROME_DIR, "rules", "brands.json"), "utf8"));
const regexes = rules.map((r) => new RegExp(r.condition.regexFilter, "i"));

/** What Chrome does: the URL in canonical form (lower-case punycode host), matched per rule. */
function matches(url) {
  let canon;
  try {
    canon = new URL(url).href;
  } catch {
    return false;
  }
  return regexes.some((re) => re.test(canon));
}

function lines(file) {
  const p = path.join(DATA, file);
  if (!fs.existsSync(p)) return null;
  return fs.readFileSync(p, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

test("rules redirect main frames to the warning page with the whole address", () => {
  assert.ok(rules.length > 0 && rules.length <= 1000);
  for (const r of rules) {
    assert.equal(r.action.type, "redirect");
    assert.match(r.action.redirect.regexSubstitution, /^chrome-extension:\/\/[a-p]{32}\/pages\/warning\.html#url=\\0$/);
    assert.deepEqual(r.condition.resourceTypes, ["main_frame"]);
  }
});

test("seed and issue shapes match; the same hosts written officially do not", () => {
  for (const u of [
    "https://www2.jcom.co.jp.login.vkia.cn/",
    "http://www2.jcom.co.jp.login.vkia.cn/login?next=1",
    "https://jcom-co-jp.example.com/",
    "https://login.jcom.co-jp.net/",
    "https://amazon-login.co.jp-secure.top/",
    "https://www.amazon.co.jp.account-verify.top/signin",
    "https://www.post.japanpost.jp.delivery-check.cn/track",
    "https://user@www.jcom.co.jp.evil.example:8443/",
  ]) {
    assert.ok(matches(u), `${u} should be stopped by a static rule`);
  }
  for (const u of [
    "https://www.jcom.co.jp/",
    "https://www.jcom.co.jp./",
    "https://www.jcom.co.jp:443/login",
    "https://www.jcom.co.jp/?next=https://www2.jcom.co.jp.login.vkia.cn/",
    "https://www.amazon.com.au/",
    "https://www.post.japanpost.jp/",
    "https://trackings.post.japanpost.jp/services/srv/search/",
    "https://example.com/www.jcom.co.jp.evil.cn",
  ]) {
    assert.ok(!matches(u), `${u} must not be redirected`);
  }
});

test("no legitimate address in the shared data is redirected", (t) => {
  const benign = lines("benign-urls.txt");
  const top = lines("chromium-top-domains.txt");
  if (!benign || !top) {
    t.skip(`no evaluation data at ${DATA}`);
    return;
  }
  const urls = [...benign, ...top.flatMap((d) => [`https://${d}/`, `https://www.${d}/`])];
  const hit = urls.filter(matches);
  console.log(`# static rules: ${hit.length} of ${urls.length} legitimate addresses matched`);
  assert.deepEqual(hit, []);
});

test("share of JPCERT/CC phishing URLs the static layer alone stops (informational)", (t) => {
  const p = path.join(DATA, "jpcert-dev.csv");
  if (!fs.existsSync(p)) {
    t.skip(`no evaluation data at ${DATA}`);
    return;
  }
  let n = 0;
  let hit = 0;
  const all = fs.readFileSync(p, "utf8").split("\n").slice(1);
  // An evenly spaced sample keeps this under ~10 s (300 regexes × 217k URLs take minutes).
  const step = Math.max(1, Math.floor(all.length / 20000));
  for (const line of all.filter((_, i) => i % step === 0)) {
    const m = /^[^,]*,(.*),[^,]*$/.exec(line);
    if (!m) continue;
    let u = m[1].trim();
    if (!/^https?:\/\//i.test(u)) u = `http://${u}`;
    n++;
    if (matches(u)) hit++;
  }
  console.log(`# static rules stop ${hit} of ${n} JPCERT/CC dev URLs sampled (every ${step}th; ${((100 * hit) / n).toFixed(1)}%) before any request, worker asleep or not`);
  assert.ok(n > 0);
});
