// Per-URL cost of the wasm build against the native CLI over the same URLs, in steady state.
// wasm: in-process Checker#check (verdict object included) after one warm-up pass over the sample,
// so V8 has moved the hot functions from its baseline compiler (Liftoff) to TurboFan, as a
// long-lived worker would; the warm-up pass is printed too. native: `linkguard check` over the
// sample, its start-up subtracted, JSON output written to /dev/null. Rounds alternate between the
// two so both see the same machine load; the median round is the headline.
// Usage: node scripts/wasm-vs-native.mjs [dist/pkg] [target/release/linkguard] [rounds]
// Sample: benign-urls + 2,000 top domains + every 100th jpcert-dev URL from $LINKGUARD_DATA or
// ../shared/data; a synthetic list when the data is not there.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = "https://www2.jcom.co.jp.login.vkia.cn/";
export const BUDGET = 2;

const lines = (f) => readFileSync(f, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

/** The URL column of a CSV line (RFC 4180 quoting) — the second field of jpcert-dev.csv. */
function secondField(line) {
  const m = /^(?:"(?:[^"]|"")*"|[^,]*),("(?:[^"]|"")*"|[^,]*)/.exec(line);
  const f = m?.[1] ?? "";
  return f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
}

export function sample(dir = path.resolve(process.env.LINKGUARD_DATA ?? path.join(ROOT, "../shared/data"))) {
  if (existsSync(`${dir}/jpcert-dev.csv`)) {
    const jp = lines(`${dir}/jpcert-dev.csv`).slice(1).map(secondField);
    const top = lines(`${dir}/chromium-top-domains.txt`).slice(0, 2000).map((d) => `https://${d}/`);
    return { from: dir, urls: [...lines(`${dir}/benign-urls.txt`), ...top, ...jp.filter((_, i) => i % 100 === 0)] };
  }
  const urls = Array.from({ length: 3000 }, (_, i) => (i % 2 ? `https://www${i}.example${i % 7}.co.jp/login?id=${i}` : SEED));
  return { from: "synthetic", urls };
}

function cliMs(cli, input) {
  const t0 = performance.now();
  execFileSync(cli, ["check"], { input, stdio: ["pipe", "ignore", "inherit"] });
  return performance.now() - t0;
}

export async function measure({ pkg = path.join(ROOT, "dist/pkg"), cli = path.join(ROOT, "target/release/linkguard"), rounds = 7 } = {}) {
  const glue = await import(pathToFileURL(path.join(pkg, "linkguard.js")).href);
  glue.initSync({ module: readFileSync(path.join(pkg, "linkguard_bg.wasm")) });
  const checker = new glue.Checker();
  const { from, urls } = sample();
  const pass = () => {
    const t0 = performance.now();
    for (const u of urls) checker.check(u);
    return ((performance.now() - t0) * 1000) / urls.length;
  };
  const firstUs = pass();
  const startup = Math.min(cliMs(cli, SEED + "\n"), cliMs(cli, SEED + "\n"));
  const input = (urls.join("\n") + "\n").repeat(2);
  const ws = [], ns = [];
  for (let r = 0; r < rounds; r++) {
    ws.push(pass());
    ns.push((Math.max(0, cliMs(cli, input) - startup) * 1000) / (urls.length * 2));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const wasmUs = median(ws), nativeUs = median(ns);
  return { from, n: urls.length, rounds, firstUs, wasmUs, nativeUs, ratio: wasmUs / nativeUs, bestRatio: Math.min(...ws) / Math.min(...ns), startup };
}

export function describe(m) {
  const f = (x) => x.toFixed(1);
  return (
    `per-URL cost, ${m.n} URLs (${m.from === "synthetic" ? "synthetic" : "benign + top + jpcert/100"}), median of ${m.rounds} interleaved rounds: ` +
    `wasm ${f(m.wasmUs)} µs, native ${f(m.nativeUs)} µs → wasm/native ${m.ratio.toFixed(2)}x (budget ${BUDGET}x${m.ratio > BUDGET ? ": OVER BUDGET" : ""}); ` +
    `best rounds ${m.bestRatio.toFixed(2)}x; the warm-up pass (baseline code, tiering up) ${f(m.firstUs)} µs = ${(m.firstUs / m.nativeUs).toFixed(2)}x`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [pkg, cli, rounds] = process.argv.slice(2);
  const m = await measure({ pkg: pkg && path.resolve(pkg), cli: cli && path.resolve(cli), rounds: rounds ? Number(rounds) : undefined });
  console.log(describe(m));
}
