#!/usr/bin/env node
// Assembles dist/chrome and dist/firefox (and their zips) from extension/, dist/pkg and the
// DNR rules printed by `target/release/linkguard dnr-rules`. Run by ./build.sh after the wasm
// package is built; needs nothing but Node (no npm packages).
//
//   node extension/build.mjs            # both browsers
//   node extension/build.mjs chrome     # one of them
//
// Layout of each output directory: the common files of extension/ (minus the manifests, this
// script and the per-browser platform files), background/platform.js copied from
// background/platform-<browser>.js, pkg/ (wasm + glue), icons/ (drawn here), manifest.json =
// manifest.base.json merged with manifest.<browser>.json, and for Chrome rules/brands.json.

import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const dist = path.join(root, "dist");
const pkgDir = path.join(dist, "pkg");
const BROWSERS = ["chrome", "firefox"];
const SKIP = new Set(["build.mjs", "manifest.base.json", "manifest.chrome.json", "manifest.firefox.json"]);

function fail(msg) {
  console.error(`extension/build.mjs: ${msg}`);
  process.exit(1);
}

// ---------- manifest ----------

/** Deep merge: objects merge, arrays concatenate (deduplicated), `//` comments are dropped. */
export function merge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === "//") continue;
    const b = out[k];
    if (Array.isArray(b) && Array.isArray(v)) out[k] = [...new Set([...b, ...v])];
    else if (b && v && typeof b === "object" && typeof v === "object" && !Array.isArray(v)) out[k] = merge(b, v);
    else out[k] = v;
  }
  delete out["//"];
  return out;
}

function readJson(p) {
  try {
    return JSON.parse(fs.readFileSync(p, "utf8"));
  } catch (e) {
    fail(`cannot read ${path.relative(root, p)}: ${e.message}`);
  }
}

export function manifestFor(browser) {
  return merge(readJson(path.join(here, "manifest.base.json")), readJson(path.join(here, `manifest.${browser}.json`)));
}

/** Chrome extension id from the manifest `key` (sha256 of the DER public key, a–p alphabet). */
export function chromeIdFromKey(key) {
  const hex = createHash("sha256").update(Buffer.from(key, "base64")).digest("hex").slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join("");
}

// ---------- icons (PNG drawn in code: a shield with a check mark) ----------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function iconPng(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const ss = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let shield = 0;
      let tick = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size; // 0..1
          const v = (y + (sy + 0.5) / ss) / size;
          // Shield: flat top, straight sides to v=0.55, then a curve to the point at v=0.95.
          const dx = Math.abs(u - 0.5);
          const halfW = v < 0.55 ? 0.42 : 0.42 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.4) ** 2));
          const inShield = v > 0.06 && v < 0.95 && dx < halfW;
          if (inShield) shield++;
          // Check mark: two thick segments.
          const d1 = segDist(u, v, 0.3, 0.5, 0.45, 0.66);
          const d2 = segDist(u, v, 0.45, 0.66, 0.72, 0.34);
          if (inShield && Math.min(d1, d2) < 0.065) tick++;
        }
      }
      const n = ss * ss;
      const a = shield / n;
      const t = tick / n;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      // Blue shield (#1d4ed8), white tick.
      raw[o] = Math.round(0x1d * (1 - t / Math.max(a, 1e-9)) + 255 * (t / Math.max(a, 1e-9)));
      raw[o + 1] = Math.round(0x4e * (1 - t / Math.max(a, 1e-9)) + 255 * (t / Math.max(a, 1e-9)));
      raw[o + 2] = Math.round(0xd8 * (1 - t / Math.max(a, 1e-9)) + 255 * (t / Math.max(a, 1e-9)));
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function segDist(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

// ---------- zip (store + deflate, no dependencies) ----------

function dosTime() {
  // Fixed timestamp (1980-01-01) so that zips are reproducible.
  return { time: 0, date: (0 << 9) | (1 << 5) | 1 };
}

export function zipDir(dir, outFile) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  const locals = [];
  const centrals = [];
  let offset = 0;
  const { time, date } = dosTime();
  for (const f of files) {
    const name = Buffer.from(path.relative(dir, f).split(path.sep).join("/"), "utf8");
    const data = fs.readFileSync(f);
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(outFile, Buffer.concat([...locals, cd, end]));
}

// ---------- assembly ----------

function copyTree(src, dst, filter) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    if (!filter(s, e)) continue;
    if (e.isDirectory()) copyTree(s, d, filter);
    else fs.copyFileSync(s, d);
  }
}

function dnrRules(origin) {
  const bin = process.env.LINKGUARD_BIN || path.join(root, "target", "release", "linkguard");
  if (!fs.existsSync(bin)) fail(`${path.relative(root, bin)} is missing: run \`cargo build --release\` (./build.sh does)`);
  const json = execFileSync(bin, ["dnr-rules"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const rules = JSON.parse(json);
  if (!Array.isArray(rules) || rules.length === 0) fail("`linkguard dnr-rules` printed no rules");
  const regexCount = rules.filter((r) => r.condition?.regexFilter).length;
  if (regexCount > 1000) fail(`${regexCount} regex rules: Chrome accepts at most 1000`);
  for (const r of rules) {
    const sub = r.action?.redirect?.regexSubstitution;
    if (sub) r.action.redirect.regexSubstitution = sub.replace("__EXTENSION_ORIGIN__", origin);
  }
  return rules;
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KiB`;
}

function dirSize(d) {
  let n = 0;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    n += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return n;
}

export function build(browser) {
  for (const f of ["linkguard.js", "linkguard_bg.wasm", "verdict.js"]) {
    if (!fs.existsSync(path.join(pkgDir, f))) fail(`dist/pkg/${f} is missing: build the wasm package first (./build.sh)`);
  }
  const out = path.join(dist, browser);
  fs.rmSync(out, { recursive: true, force: true });
  copyTree(here, out, (s, e) => {
    const rel = path.relative(here, s).split(path.sep).join("/");
    if (SKIP.has(rel)) return false;
    if (/^background\/platform-[a-z]+\.js$/.test(rel)) return false;
    if (e.name.startsWith(".")) return false;
    return true;
  });
  fs.copyFileSync(path.join(here, "background", `platform-${browser}.js`), path.join(out, "background", "platform.js"));
  fs.mkdirSync(path.join(out, "pkg"), { recursive: true });
  for (const f of ["linkguard.js", "linkguard_bg.wasm", "verdict.js", "linkguard.d.ts"]) {
    if (fs.existsSync(path.join(pkgDir, f))) fs.copyFileSync(path.join(pkgDir, f), path.join(out, "pkg", f));
  }
  fs.mkdirSync(path.join(out, "icons"), { recursive: true });
  for (const s of [16, 32, 48, 128]) fs.writeFileSync(path.join(out, "icons", `icon${s}.png`), iconPng(s));

  const manifest = manifestFor(browser);
  if (browser === "chrome") {
    const id = chromeIdFromKey(manifest.key);
    const rules = dnrRules(`chrome-extension://${id}`);
    fs.mkdirSync(path.join(out, "rules"), { recursive: true });
    fs.writeFileSync(path.join(out, "rules", "brands.json"), JSON.stringify(rules));
    console.log(`  chrome: id ${id}, ${rules.length} static DNR rules`);
  }
  fs.writeFileSync(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const zip = path.join(dist, `linkguard-${browser}.zip`);
  zipDir(out, zip);
  console.log(`  ${browser}: dist/${browser} ${kb(dirSize(out))}, ${path.relative(root, zip)} ${kb(fs.statSync(zip).size)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const which = process.argv.slice(2);
  for (const b of which) if (!BROWSERS.includes(b)) fail(`unknown browser ${b} (chrome | firefox)`);
  console.log("Assembling the extension:");
  for (const b of which.length ? which : BROWSERS) build(b);
}
