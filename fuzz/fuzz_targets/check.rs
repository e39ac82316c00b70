//! Fuzz target: arbitrary bytes, lossily decoded, at `linkguard::check`, at every address
//! `linkguard::extract_urls` finds in them, and (when the input starts with 0xFF) at a checker
//! built with the input's lines as trusted and protected entries.
//!
//! Asserts what tests/boundary.rs asserts: no panic, a verdict that serializes to JSON, and an
//! input-error code on every `invalid` verdict.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linkguard::{Checker, Level, Sensitivity, Settings, Verdict};

fn well_formed(v: &Verdict) {
    let json = serde_json::to_string(v).expect("verdict serializes");
    assert!(json.starts_with('{'));
    if v.level == Level::Invalid {
        let first = v.reasons.first().map(|r| r.code.as_str());
        assert!(
            matches!(first, Some("empty_input" | "unparseable_url" | "unsupported_scheme")),
            "invalid without an input code: {first:?}"
        );
    } else {
        assert!(v.url.is_some() && v.host_ascii.is_some());
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    well_formed(&linkguard::check(&text));
    for u in linkguard::extract_urls(&text) {
        well_formed(&linkguard::check(&u));
    }
    if let Some((&0xFF, rest)) = data.split_first() {
        let rest = String::from_utf8_lossy(rest);
        let lines: Vec<String> = rest.lines().map(String::from).collect();
        let sensitivity = match lines.len() % 3 {
            0 => Sensitivity::Low,
            1 => Sensitivity::Normal,
            _ => Sensitivity::High,
        };
        let c = Checker::with_settings(&Settings {
            trusted: lines.iter().step_by(2).cloned().collect(),
            protected: lines.iter().skip(1).step_by(2).cloned().collect(),
            sensitivity,
        });
        for l in &lines {
            well_formed(&c.check(l));
        }
    }
});
