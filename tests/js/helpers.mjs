// Shared helpers for the Node tests (not a test file itself).
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PKG = path.join(ROOT, "dist/pkg");
export const CLI = path.join(ROOT, "target/release/linkguard");
export const SEED = "https://www2.jcom.co.jp.login.vkia.cn/";

let wasm = null;
/** The built wasm package (dist/pkg), instantiated once per process with initSync. */
export async function loadWasm() {
  if (wasm) return wasm;
  const glue = path.join(PKG, "linkguard.js");
  if (!existsSync(glue)) throw new Error(`${glue} missing: run ./build.sh first`);
  const mod = await import(pathToFileURL(glue).href);
  mod.initSync({ module: readFileSync(path.join(PKG, "linkguard_bg.wasm")) });
  wasm = mod;
  return mod;
}

/** The evaluation data directory: $LINKGUARD_DATA, else ../shared/data beside the repo. */
export function dataDir() {
  return path.resolve(process.env.LINKGUARD_DATA ?? path.join(ROOT, "../shared/data"));
}

/** Minimal RFC 4180 line parser (quoted fields may contain commas and doubled quotes). */
export function parseCsvLine(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) { v += line.slice(i); i = line.length; break; }
        v += line.slice(i, q);
        if (line[q + 1] === '"') { v += '"'; i = q + 2; } else { i = q + 1; break; }
      }
      out.push(v);
      i++; // the comma
    } else {
      const c = line.indexOf(",", i);
      if (c < 0) { out.push(line.slice(i)); break; }
      out.push(line.slice(i, c));
      i = c + 1;
    }
  }
  return out;
}

/** Non-empty, non-comment lines of a text file. */
export function readLines(file) {
  return readFileSync(file, "utf8").split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.trim() && !l.startsWith("#"));
}

/** URL sets from the evaluation data: {name: [url, ...]}. Throws if the data is missing. */
export function datasets(dir = dataDir()) {
  const jp = readLines(path.join(dir, "jpcert-dev.csv")).slice(1).map((l) => parseCsvLine(l)[1] ?? "");
  const benign = readLines(path.join(dir, "benign-urls.txt"));
  const top = readLines(path.join(dir, "chromium-top-domains.txt")).map((d) => `https://${d.trim()}/`);
  return { "jpcert-dev": jp, "benign-urls": benign, "chromium-top-domains": top };
}
