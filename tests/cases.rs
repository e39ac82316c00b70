//! Table-driven behaviour: tests/data/cases.json. Each case names the URL and what a person would
//! see: the level, the brand named, the owner, and the main reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use linkguard::{Checker, Sensitivity, Settings};
use serde_json::Value;

const CASES: &str = include_str!("data/cases.json");

#[test]
fn cases() {
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("cases.json parses");
    let checker = Checker::new();
    let mut failures = Vec::new();
    for c in &cases {
        let url = c["url"].as_str().expect("url");
        let v = checker.check(url);
        let mut fail = |what: String| {
            failures.push(format!(
                "{url:?}: {what}\n    got {}",
                serde_json::to_string(&v).unwrap_or_default()
            ))
        };
        if let Some(level) = c["level"].as_str() {
            if v.level.as_str() != level {
                fail(format!("level {} != {level}", v.level.as_str()));
                continue;
            }
        }
        if let Some(brand) = c["brand"].as_str() {
            if v.brand.as_ref().map(|b| b.id.as_str()) != Some(brand) {
                fail(format!(
                    "brand {:?} != {brand}",
                    v.brand.as_ref().map(|b| &b.id)
                ));
            }
        }
        if let Some(reg) = c["registrable"].as_str() {
            if v.registrable.as_deref() != Some(reg) {
                fail(format!("registrable {:?} != {reg}", v.registrable));
            }
        }
        if let Some(code) = c["code"].as_str() {
            if !v.codes().contains(&code) {
                fail(format!("no reason {code}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_names_brand_owner_and_official_site() {
    let v = linkguard::check("https://www2.jcom.co.jp.login.vkia.cn/");
    assert_eq!(
        v.host_unicode.as_deref(),
        Some("www2.jcom.co.jp.login.vkia.cn")
    );
    assert_eq!(v.subdomain.as_deref(), Some("www2.jcom.co.jp.login"));
    assert_eq!(v.country.as_deref(), Some("CN"));
    assert_eq!(v.official_site.as_deref(), Some("https://www.jcom.co.jp/"));
    let b = v.brand.expect("brand");
    assert_eq!(
        (b.name_en.as_str(), b.name_ja.as_str()),
        ("J:COM", "ジェイコム")
    );
}

#[test]
fn trusted_sites_are_never_warned() {
    let s = Settings {
        trusted: vec!["vkia.cn".into()],
        ..Settings::default()
    };
    let v = Checker::with_settings(&s).check("https://www2.jcom.co.jp.login.vkia.cn/");
    assert_eq!(v.level.as_str(), "safe");
    assert_eq!(v.codes(), vec!["trusted_by_user"]);
    // Only that domain: others still warn.
    assert_eq!(
        Checker::with_settings(&s)
            .check("https://c.myjcom.jp.xukwv.com/")
            .level
            .as_str(),
        "dangerous"
    );
}

#[test]
fn extra_protected_domains_are_protected() {
    let url = "https://mylocalbank.jp.secure-login.example.com/";
    assert_ne!(Checker::new().check(url).level.as_str(), "dangerous");
    let s = Settings {
        protected: vec!["mylocalbank.jp".into()],
        ..Settings::default()
    };
    let c = Checker::with_settings(&s);
    let v = c.check(url);
    assert_eq!(v.level.as_str(), "dangerous");
    assert_eq!(
        v.brand.map(|b| b.official_domain).as_deref(),
        Some("mylocalbank.jp")
    );
    assert_eq!(
        c.check("https://www.mylocalbank.jp/login").level.as_str(),
        "safe"
    );
}

#[test]
fn sensitivity_moves_the_thresholds() {
    let url = "https://goxzsuij.example/"; // a machine-made name alone: weak evidence
    let level = |s| {
        Checker::with_settings(&Settings {
            sensitivity: s,
            ..Settings::default()
        })
        .check(url)
        .level
    };
    assert!(level(Sensitivity::High) >= level(Sensitivity::Normal));
    assert!(level(Sensitivity::Normal) >= level(Sensitivity::Low));
    let seed = "https://www2.jcom.co.jp.login.vkia.cn/";
    let low = Checker::with_settings(&Settings {
        sensitivity: Sensitivity::Low,
        ..Settings::default()
    });
    assert_eq!(
        low.check(seed).level.as_str(),
        "dangerous",
        "low sensitivity still stops the seed"
    );
}

#[test]
fn shipped_brand_table_parses_and_covers_benign_brand_hosts() {
    let brands = linkguard::brands::shipped().expect("src/data/brands.tsv parses");
    assert!(
        brands.len() >= 150,
        "at least 150 protected brands, got {}",
        brands.len()
    );
    let ids: std::collections::HashSet<&str> = brands.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids.len(), brands.len(), "brand ids are unique");
}

#[test]
fn trusting_a_public_suffix_trusts_nobody() {
    for suffix in ["cn", "co.jp", "duckdns.org", "com"] {
        let s = Settings {
            trusted: vec![suffix.into()],
            ..Settings::default()
        };
        let v = Checker::with_settings(&s).check("https://www2.jcom.co.jp.login.vkia.cn/");
        assert_eq!(
            v.level.as_str(),
            "dangerous",
            "trusted {suffix:?} must not silence the seed"
        );
    }
}
