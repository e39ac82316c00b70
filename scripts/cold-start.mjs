// Measures "instantiate + first verdict" of the wasm package in fresh Node processes: import the
// glue, read the .wasm, compile + instantiate (initSync), then judge one URL. Prints the median and
// the worst of N runs. Usage: node scripts/cold-start.mjs [dist/pkg] [runs]
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const SEED = "https://www2.jcom.co.jp.login.vkia.cn/";
const BUDGET_MS = 20;

if (process.argv[2] === "--child") {
  const pkg = process.argv[3];
  const t0 = performance.now();
  const { readFileSync } = await import("node:fs");
  const glue = await import(pathToFileURL(path.join(pkg, "linkguard.js")).href);
  const bytes = readFileSync(path.join(pkg, "linkguard_bg.wasm"));
  const t1 = performance.now();
  glue.initSync({ module: bytes });
  const t2 = performance.now();
  const checker = new glue.Checker();
  const v = checker.check(SEED);
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ load: t1 - t0, instantiate: t2 - t1, firstVerdict: t3 - t2, total: t3 - t0, level: v.level }));
} else {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const pkg = path.resolve(process.argv[2] ?? path.join(root, "dist/pkg"));
  const runs = Number(process.argv[3] ?? 5);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", pkg], { encoding: "utf8" });
    results.push(JSON.parse(out));
  }
  const stat = (k) => {
    const xs = results.map((r) => r[k]).sort((a, b) => a - b);
    return { median: xs[Math.floor(xs.length / 2)], max: xs[xs.length - 1] };
  };
  const f = (x) => x.toFixed(1);
  const inst = stat("instantiate"), first = stat("firstVerdict"), both = results.map((r) => r.instantiate + r.firstVerdict).sort((a, b) => a - b);
  const total = stat("total");
  console.log(`cold start, ${runs} fresh Node ${process.version} processes (seed verdict: ${results[0].level}):`);
  console.log(`  instantiate (initSync)       median ${f(inst.median)} ms, max ${f(inst.max)} ms`);
  console.log(`  + new Checker() + check()    median ${f(first.median)} ms, max ${f(first.max)} ms`);
  console.log(`  instantiate + first verdict  median ${f(both[Math.floor(both.length / 2)])} ms, max ${f(both[both.length - 1])} ms (budget ${BUDGET_MS} ms)`);
  console.log(`  incl. import + file read     median ${f(total.median)} ms, max ${f(total.max)} ms`);
  if (results[0].level !== "dangerous") console.log(`  note: the seed URL was judged ${results[0].level}, expected dangerous`);
}
