// The wasm engine: loaded once per background context, rebuilt (cheaply) when settings change,
// and marked dead after a trap (a panic aborts the instance; its state cannot be trusted).
// Callers get exceptions, never wrong verdicts; main.js turns them into "allow + visible error".

import init, { Checker } from "../pkg/linkguard.js";
import { api } from "./compat.js";

let loading = null;
let checker = null;
let dead = null;

/** Instantiates the wasm module (once). Resolves when it can judge. */
export function load() {
  loading ??= init({ module_or_path: api.runtime.getURL("pkg/linkguard_bg.wasm") }).then(() => undefined);
  return loading;
}

/** Builds the checker for `settings` ({trusted, protected, sensitivity}); falls back to defaults. */
export function configure(settings) {
  if (dead) throw dead;
  const next = (() => {
    try {
      return new Checker({
        trusted: settings.trusted,
        protected: settings.protected,
        sensitivity: settings.sensitivity,
      });
    } catch (e) {
      console.error("Linkguard: settings rejected by the engine, using defaults:", e);
      return new Checker();
    }
  })();
  const prev = checker;
  checker = next;
  try {
    prev?.free();
  } catch {
    // an already-freed or trapped instance: nothing to release
  }
}

/** The verdict for one URL. Throws if the engine is not ready or has trapped. */
export function check(url) {
  if (dead) throw dead;
  if (!checker) throw new Error("Linkguard engine not ready");
  try {
    return checker.check(url);
  } catch (e) {
    // A WebAssembly.RuntimeError (panic=abort) leaves the instance unusable.
    dead = e instanceof Error ? e : new Error(String(e));
    throw dead;
  }
}

export function isDead() {
  return dead;
}

export function dataVersion() {
  return checker ? checker.dataVersion : null;
}
