// Benchmark-ish report: per-URL cost of the wasm build (in-process, Checker#check including the
// verdict object) against the native CLI (start-up subtracted, JSON output included), both in
// steady state: the wasm side first runs the whole sample once, so V8 has moved the hot functions
// from its baseline compiler (Liftoff) to the optimizing one (TurboFan), as a long-lived worker
// would; that first pass is printed too. Prints; asserts only that both ran. The budget from
// issue 3 is wasm within 2x native.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CLI, SEED, dataDir, datasets, loadWasm } from "./helpers.mjs";

function sample() {
  const dir = dataDir();
  if (existsSync(`${dir}/jpcert-dev.csv`)) {
    const s = datasets(dir);
    return [...s["benign-urls"], ...s["chromium-top-domains"].slice(0, 2000), ...s["jpcert-dev"].filter((_, i) => i % 100 === 0)];
  }
  return Array.from({ length: 3000 }, (_, i) => (i % 2 ? `https://www${i}.example${i % 7}.co.jp/login?id=${i}` : SEED));
}

function cliMs(input) {
  const t0 = performance.now();
  // Output to /dev/null: the CLI still formats every verdict as JSON, but Node collecting
  // megabytes from a pipe is not the engine's cost (it inflated "native" by a third).
  execFileSync(CLI, ["check"], { input, stdio: ["pipe", "ignore", "inherit"] });
  return performance.now() - t0;
}

test("per-URL cost: wasm vs native (report)", { timeout: 15 * 60 * 1000 }, async () => {
  assert.ok(existsSync(CLI), `${CLI} missing: run ./build.sh`);
  const urls = sample();
  const w = await loadWasm();
  const checker = new w.Checker();
  const pass = () => {
    const t0 = performance.now();
    for (const u of urls) checker.check(u);
    return ((performance.now() - t0) * 1000) / urls.length;
  };
  const firstUs = pass();
  // Interleaved rounds, so both sides see the same machine load (this is a shared 2-core box;
  // the load swings within seconds). Each side's best round is its cost; medians are printed too.
  const startup = Math.min(cliMs(SEED + "\n"), cliMs(SEED + "\n"));
  const input = (urls.join("\n") + "\n").repeat(2);
  const ws = [], ns = [];
  for (let round = 0; round < 7; round++) {
    ws.push(pass());
    ns.push((Math.max(0, cliMs(input) - startup) * 1000) / (urls.length * 2));
  }
  const best = (xs) => Math.min(...xs);
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  // The median round is the headline: the best rounds swing more with the load (1.0-1.7x here).
  const wasmUs = median(ws), nativeUs = median(ns);
  const ratio = wasmUs / nativeUs;
  console.log(
    `per-URL cost over ${urls.length} URLs, steady state, median of 7 interleaved rounds: wasm ${wasmUs.toFixed(1)} µs ` +
      `(after a warm-up pass), native ${nativeUs.toFixed(1)} µs (CLI, ${startup.toFixed(0)} ms start-up subtracted, JSON output to /dev/null) ` +
      `→ wasm/native ${ratio.toFixed(2)}x (budget 2x${ratio > 2 ? ": OVER BUDGET" : ""}); best rounds ${best(ws).toFixed(1)} / ${best(ns).toFixed(1)} µs = ` +
      `${(best(ws) / best(ns)).toFixed(2)}x; ` +
      `the first wasm pass (baseline-compiled code, tiering up) ${firstUs.toFixed(1)} µs = ${(firstUs / nativeUs).toFixed(2)}x`,
  );
  assert.ok(wasmUs > 0 && nativeUs >= 0);
});
