//! The WebAssembly boundary: strings in, plain JSON-compatible objects out. Nothing here judges.

use wasm_bindgen::prelude::*;

use crate::checker::{Checker as Core, Sensitivity, Settings};
use crate::verdict::{BrandRef, Level, Verdict};

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

// src/verdict.js, copied next to linkguard.js by build.sh (a fixed name, unlike a snippets/ path).
#[wasm_bindgen(raw_module = "./verdict.js")]
extern "C" {
    #[wasm_bindgen(js_name = buildVerdict)]
    fn build_verdict(text: &str, nums: &[i32]) -> JsValue;
}

/// A verdict flattened for `buildVerdict` (src/verdict.js): the strings concatenated, their UTF-16
/// lengths (-1 for null) and the numbers in one i32 array, both in field order.
struct Flat {
    text: String,
    nums: Vec<i32>,
}

impl Flat {
    fn num(&mut self, n: i32) {
        self.nums.push(n);
    }
    fn str(&mut self, s: &str) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        self.text.push_str(s);
        self.nums.push(i32::try_from(units).unwrap_or(i32::MAX));
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.num(-1),
        }
    }
    fn brand(&mut self, b: Option<&BrandRef>) {
        let Some(b) = b else { return self.num(0) };
        self.num(1);
        for s in [
            &b.id,
            &b.name_en,
            &b.name_ja,
            &b.official_site,
            &b.official_domain,
        ] {
            self.str(s);
        }
    }
    fn verdict(v: &Verdict) -> Flat {
        let mut f = Flat {
            // input and url, and room for the rest; saturating: a hostile input may be huge.
            text: String::with_capacity(v.input.len().saturating_mul(2).saturating_add(512)),
            nums: Vec::with_capacity(32 + v.reasons.len() * 9),
        };
        f.num(match v.level {
            Level::Safe => 0,
            Level::Suspicious => 1,
            Level::Dangerous => 2,
            Level::Invalid => 3,
        });
        f.num(v.score);
        f.str(&v.input);
        for s in [
            v.url.as_deref(),
            v.scheme.as_deref(),
            v.host_ascii.as_deref(),
            v.host_unicode.as_deref(),
            v.registrable.as_deref(),
            v.public_suffix.as_deref(),
            v.suffix_kind.as_deref(),
            v.subdomain.as_deref(),
            v.country.as_deref(),
        ] {
            f.opt(s);
        }
        f.num(i32::try_from(v.reasons.len()).unwrap_or(0));
        for r in &v.reasons {
            f.str(r.code.as_str());
            f.num(r.weight);
            f.brand(r.brand.as_ref());
            f.opt(r.detail.as_deref());
        }
        f.brand(v.brand.as_ref());
        f.opt(v.official_site.as_deref());
        f.opt(v.embedded_url.as_deref());
        f.str(&v.data_version);
        f
    }
}

/// The verdict as a plain JSON-compatible object (nulls, arrays, no Maps, no undefined).
fn to_js(v: &Verdict) -> JsValue {
    let f = Flat::verdict(v);
    build_verdict(&f.text, &f.nums)
}

/// The settings object, read field by field: `{trusted?: string[], protected?: string[],
/// sensitivity?: "low" | "normal" | "high"}`; other fields are ignored, a field of the wrong type
/// is an error naming it. Read by hand rather than through serde-wasm-bindgen: its generic
/// deserializer (and the float formatting its error messages bring) weighed 15.5 KB of the
/// gzipped .wasm, for three fields.
fn settings_from(js: JsValue) -> Result<Settings, JsError> {
    if js.is_undefined() || js.is_null() {
        return Ok(Settings::default());
    }
    if !js.is_object() {
        return Err(JsError::new("invalid settings: expected an object"));
    }
    // A field's value; an absent, undefined or null one takes the default.
    let field = |name: &str| {
        js_sys::Reflect::get(&js, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let strings = |name: &str| -> Result<Vec<String>, JsError> {
        let not_strings = || {
            JsError::new(&format!(
                "invalid settings: {name} must be an array of strings"
            ))
        };
        let Some(v) = field(name) else {
            return Ok(Vec::new());
        };
        if !js_sys::Array::is_array(&v) {
            return Err(not_strings());
        }
        js_sys::Array::from(&v)
            .iter()
            .map(|x| x.as_string().ok_or_else(not_strings))
            .collect()
    };
    let sensitivity = match field("sensitivity").map(|v| v.as_string()) {
        None => Sensitivity::default(),
        Some(Some(s)) if s == "low" => Sensitivity::Low,
        Some(Some(s)) if s == "normal" => Sensitivity::Normal,
        Some(Some(s)) if s == "high" => Sensitivity::High,
        Some(_) => {
            return Err(JsError::new(
                "invalid settings: sensitivity must be \"low\", \"normal\" or \"high\"",
            ))
        }
    };
    Ok(Settings {
        trusted: strings("trusted")?,
        protected: strings("protected")?,
        sensitivity,
    })
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
