//! The WebAssembly boundary: strings in, plain JSON-compatible objects out. Nothing here judges.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::checker::{Checker as Core, Settings};

#[wasm_bindgen(typescript_custom_section)]
const TS_VERDICT: &str = r#"
export type Level = "safe" | "suspicious" | "dangerous" | "invalid";
export interface BrandRef { id: string; nameEn: string; nameJa: string; officialSite: string; officialDomain: string }
export interface Reason { code: string; weight: number; brand: BrandRef | null; detail: string | null }
export interface Verdict {
  level: Level; score: number; input: string; url: string | null; scheme: string | null;
  hostAscii: string | null; hostUnicode: string | null; registrable: string | null;
  publicSuffix: string | null; suffixKind: "icann" | "private" | "unknown" | null;
  subdomain: string | null; country: string | null; reasons: Reason[];
  brand: BrandRef | null; officialSite: string | null; embeddedUrl: string | null; dataVersion: string;
}
export interface Settings { trusted?: string[]; protected?: string[]; sensitivity?: "low" | "normal" | "high" }
"#;

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("linkguard panicked: {info}")));
    }));
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    serde_json::to_string(v)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(JsValue::NULL)
}

fn settings_from(js: JsValue) -> Result<Settings, JsError> {
    if js.is_undefined() || js.is_null() {
        return Ok(Settings::default());
    }
    serde_wasm_bindgen::from_value(js).map_err(|e| JsError::new(&format!("invalid settings: {e}")))
}

/// A checker built once (with the user's settings) and queried per navigation.
#[wasm_bindgen]
pub struct Checker {
    inner: Core,
}

#[wasm_bindgen]
impl Checker {
    /// Builds a checker. `settings` is optional: `{trusted, protected, sensitivity}`.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<Checker, JsError> {
        if settings.is_undefined() || settings.is_null() {
            // The common case, kept apart from the settings path (less code on a cold start).
            return Ok(Checker { inner: Core::new() });
        }
        let s = settings_from(settings)?;
        let inner = Core::try_with_settings(&s).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Checker { inner })
    }

    /// Judges one URL or pasted text. Always returns a Verdict object, never throws.
    #[wasm_bindgen(unchecked_return_type = "Verdict")]
    pub fn check(&self, url: &str) -> JsValue {
        to_js(&self.inner.check(url))
    }

    /// Versions of the embedded brand list and Public Suffix List.
    #[wasm_bindgen(getter, js_name = dataVersion)]
    pub fn data_version(&self) -> String {
        self.inner.data_version().to_string()
    }
}

/// Judges one URL with default settings, or with `settings` when given. Never throws on the URL;
/// throws only when `settings` is malformed.
#[wasm_bindgen(unchecked_return_type = "Verdict")]
pub fn check(url: &str, settings: JsValue) -> Result<JsValue, JsError> {
    if settings.is_undefined() || settings.is_null() {
        return Ok(to_js(&crate::check(url)));
    }
    let s = settings_from(settings)?;
    Ok(to_js(&Core::with_settings(&s).check(url)))
}

/// Versions of the embedded data.
#[wasm_bindgen(js_name = dataVersion)]
pub fn data_version() -> String {
    Core::new().data_version().to_string()
}

/// Every reason code the engine can produce (for locale completeness tests).
#[wasm_bindgen(js_name = reasonCodes)]
pub fn reason_codes() -> Vec<String> {
    crate::verdict::Code::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .collect()
}

/// Every web address in a pasted text (SMS, mail), in order, ready for `check`.
#[wasm_bindgen(js_name = extractUrls)]
pub fn extract_urls(text: &str) -> Vec<String> {
    crate::extract::extract_urls(text)
}
