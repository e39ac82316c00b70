//! Linkguard: judges whether a web address impersonates a brand, locally.
//!
//! ```
//! let v = linkguard::check("https://www2.jcom.co.jp.login.vkia.cn/");
//! assert_eq!(v.level, linkguard::Level::Dangerous);
//! assert_eq!(v.registrable.as_deref(), Some("vkia.cn"));
//! assert_eq!(v.brand.map(|b| b.id).as_deref(), Some("jcom"));
//!
//! let ok = linkguard::check("https://www.jcom.co.jp/");
//! assert_eq!(ok.level, linkguard::Level::Safe);
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub(crate) mod brand_data;
pub mod brands;
pub mod checker;
pub mod dataset;
pub mod dnr;
pub mod domain;
pub mod extract;
pub(crate) mod hashtab;
pub mod parse;
pub mod signals;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use std::sync::LazyLock;

pub use checker::{Checker, Sensitivity, Settings};
pub use extract::extract_urls;
pub use verdict::{BrandRef, Code, Level, Reason, Text, Verdict};

/// Date of the last review of src/data/brands.tsv.
pub const BRANDS_VERSION: &str = "2026-11-26";

static DEFAULT: LazyLock<Checker> = LazyLock::new(Checker::new);

/// Judges one input with the shipped data and default settings.
pub fn check(input: &str) -> Verdict {
    DEFAULT.check(input)
}
