// Report: per-URL cost of the wasm build against the native CLI, steady state
// (scripts/wasm-vs-native.mjs says how). Prints; asserts only that both sides ran and agree on the
// sample's size. The budget from issue 3 is wasm within 2x native; ./build.sh prints it too.
import test from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { CLI, PKG } from "./helpers.mjs";
import { describe, measure } from "../../scripts/wasm-vs-native.mjs";

test("per-URL cost: wasm vs native (report)", { timeout: 15 * 60 * 1000 }, async () => {
  assert.ok(existsSync(CLI), `${CLI} missing: run ./build.sh`);
  const m = await measure({ pkg: PKG, cli: CLI, rounds: 7 });
  console.log(describe(m));
  assert.ok(m.wasmUs > 0 && m.nativeUs > 0 && m.n > 1000);
});
