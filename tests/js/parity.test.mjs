// Parity: the wasm build and the native CLI give identical levels and reason codes over the whole
// of jpcert-dev and the benign sets. Data: $LINKGUARD_DATA or ../shared/data. When the data is
// missing the test is skipped locally and fails under CI. LINKGUARD_PARITY_STRIDE=n checks every
// n-th jpcert-dev URL only (for quick local runs; the default is all of them).
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import readline from "node:readline";
import { CLI, dataDir, datasets, loadWasm } from "./helpers.mjs";

const dir = dataDir();
const haveData = existsSync(`${dir}/jpcert-dev.csv`);
const stride = Math.max(1, Number(process.env.LINKGUARD_PARITY_STRIDE ?? 1));
// A plain loop on purpose: with Array#map here Node 20's V8 crashed in the deoptimizer
// ("Fatal error ... unreachable code", DoComputeBuiltinContinuation) midway through the run.
function key(v) {
  let s = v.level + " ";
  for (let i = 0; i < v.reasons.length; i++) s += (i ? "," : "") + v.reasons[i].code;
  return s;
}

/** Runs `linkguard check` over stdin; resolves to one "level codes" key per input line. */
function native(urls) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(CLI, ["check"], { stdio: ["pipe", "pipe", "inherit"] });
    const keys = [];
    readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (l) => keys.push(key(JSON.parse(l))));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`linkguard check exited with ${code}`));
      else resolve({ keys, ms: performance.now() - t0 });
    });
    child.stdin.on("error", reject);
    child.stdin.end(urls.join("\n") + "\n");
  });
}

function wasmKeys(checker, urls) {
  const keys = new Array(urls.length);
  const t0 = performance.now();
  for (let j = 0; j < urls.length; j++) keys[j] = key(checker.check(urls[j]));
  return { keys, ms: performance.now() - t0 };
}

test("wasm and native agree on level and reason codes for every evaluation URL", { skip: !haveData && !process.env.CI && `no data in ${dir}`, timeout: 60 * 60 * 1000 }, async () => {
  assert.ok(haveData, `evaluation data missing in ${dir} (set LINKGUARD_DATA)`);
  assert.ok(existsSync(CLI), `${CLI} missing: run ./build.sh`);
  const sets = datasets(dir);
  if (stride > 1) sets["jpcert-dev"] = sets["jpcert-dev"].filter((_, i) => i % stride === 0);
  // One input per line for the CLI: a URL with a line break would shift every later line.
  for (const [name, urls] of Object.entries(sets)) {
    assert.ok(urls.every((u) => !/[\r\n]/.test(u)), `${name}: a URL contains a line break`);
  }
  const w = await loadWasm();
  const checker = new w.Checker();
  const mismatches = [];
  for (const [name, urls] of Object.entries(sets)) {
    // One after the other: judging while the CLI's output streamed in crashed Node 20's V8
    // (deoptimizer "unreachable code") in a clean clone, reproducibly.
    const { keys, ms } = await native(urls);
    const was = wasmKeys(checker, urls);
    assert.equal(keys.length, urls.length, `${name}: the CLI answered ${keys.length} of ${urls.length} lines`);
    let diff = 0;
    for (let i = 0; i < urls.length; i++) {
      if (keys[i] !== was.keys[i]) {
        diff++;
        if (mismatches.length < 20) mismatches.push({ set: name, url: urls[i].slice(0, 200), native: keys[i], wasm: was.keys[i] });
      }
    }
    console.log(
      `parity ${name}: ${urls.length} URLs${name === "jpcert-dev" && stride > 1 ? ` (every ${stride}th)` : ""}, ${diff} differ; ` +
        `wasm ${((was.ms * 1000) / urls.length).toFixed(1)} µs/URL, native CLI ${((ms * 1000) / urls.length).toFixed(1)} µs/URL wall (incl. start-up and JSON output, measured separately)`,
    );
  }
  assert.deepEqual(mismatches, [], "verdicts differ between wasm and native");
});

/** Runs `linkguard check` over stdin; resolves to the parsed verdicts, one per input line. */
function nativeVerdicts(urls) {
  const out = execFileSync(CLI, ["check"], { input: urls.join("\n") + "\n", maxBuffer: 1 << 30, encoding: "utf8" });
  return out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

// Whole verdicts, every field: the wasm side builds its objects in src/verdict.js from a flat form,
// so any slip there (a field out of order, a UTF-16 length wrong for an emoji) shows up here.
test("wasm and native verdicts are identical field for field", { timeout: 10 * 60 * 1000 }, async () => {
  assert.ok(existsSync(CLI), `${CLI} missing: run ./build.sh`);
  const urls = [
    "https://www2.jcom.co.jp.login.vkia.cn/",
    "https://www.jcom.co.jp/",
    "https://www.jcom.co.jp@evil.example/",
    "https://href.li/?https://c.myjcom.jp.xukwv.com/",
    "https://ｗｗｗ.ジェイコム.jp/ログイン?q=😀&r=\u00e9",
    "http://xn--80ak6aa92e.com/",
    "https://аpple.com/",
    "http://3232235777/",
    "http://[::1]/x",
    "https://example.com/\u0000\u0001\u202e😀😀",
    "",
    "   ",
    "javascript:alert(1)",
    "not a url at all 日本語",
    "https://x.co.jp.example.com/setup.exe",
    "https://bit.ly/abc",
  ];
  if (haveData) {
    const sets = datasets(dir);
    urls.push(...sets["benign-urls"], ...sets["chromium-top-domains"].filter((_, i) => i % 10 === 0));
    urls.push(...sets["jpcert-dev"].filter((_, i) => i % 50 === 0));
  }
  const w = await loadWasm();
  const checker = new w.Checker();
  const native = nativeVerdicts(urls);
  assert.equal(native.length, urls.length);
  let differ = 0;
  for (let i = 0; i < urls.length; i++) {
    const v = checker.check(urls[i]);
    try {
      assert.deepStrictEqual(v, native[i]);
      assert.deepStrictEqual(Object.keys(v), Object.keys(native[i]), "field order");
    } catch (e) {
      if (++differ <= 3) console.log(`differs for ${JSON.stringify(urls[i])}:\n${e.message.slice(0, 1500)}`);
    }
  }
  console.log(`whole-verdict parity: ${urls.length} inputs, ${differ} differ`);
  assert.equal(differ, 0);
});
