//! Detection and false-positive rates on the evaluation data, as a ratchet: `linkguard eval` must
//! not fall below what main reached (jpcert-dev, lookalikes) or rise above the false-positive
//! bounds of issue 2 (top domains, benign URLs; the top domains' sign-in pages held to the top
//! domains' bounds, ordinary words as names to half of them). Raise the floors when detection
//! improves.
//!
//! Needs ../shared/data (or $LINKGUARD_DATA); skipped with a note when absent, failed under CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::process::Command;

/// (set name prefix, min flagged %, min dangerous %, max flagged %, max dangerous %)
const BOUNDS: &[(&str, f64, f64, f64, f64)] = &[
    ("jpcert-dev", 82.0, 46.6, 100.0, 100.0),
    // (Dangerous: a typo-like name under co.jp and the other checked-organisation suffixes is
    // marked, not blocked, since 2026-11-26: 82.1% → 75.1%.)
    ("lookalikes", 90.5, 75.0, 100.0, 100.0),
    ("chromium-top-domains", 0.0, 0.0, 1.0, 0.1),
    ("benign-urls", 0.0, 0.0, 2.0, 0.0),
    ("top sign-in pages", 0.0, 0.0, 1.0, 0.1),
    ("everyday names", 0.0, 0.0, 0.5, 0.05),
];

/// Min flagged % of the 20 most reported brands' reports, each brand judged as if unlisted.
const UNLISTED_FLOOR: f64 = 81.0;

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("LINKGUARD_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    dir.join("jpcert-dev.csv").exists().then_some(dir)
}

#[test]
fn detection_and_false_positive_rates_hold() {
    let Some(dir) = data_dir() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "evaluation data missing under CI"
        );
        eprintln!("note: ../shared/data not found; eval bounds not checked");
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_linkguard"))
        .args(["eval", "--data"])
        .arg(&dir)
        .output()
        .expect("run linkguard eval");
    assert!(
        out.status.success(),
        "linkguard eval failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    // The first line that starts with `start` (leading blanks aside), and its percentages.
    let row = |start: &str| {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line for {start} in:\n{text}"));
        let pcts: Vec<f64> = line
            .split_whitespace()
            .filter_map(|w| w.strip_suffix('%'))
            .filter_map(|w| w.parse().ok())
            .collect();
        (line, pcts)
    };
    for &(set, min_f, min_d, max_f, max_d) in BOUNDS {
        // "<name> (<kind>)   urls  flagged%  danger%   domains  flagged%  danger%"
        let (line, pcts) = row(set);
        let (flagged, dangerous) = (pcts[0], pcts[1]);
        println!("{set}: flagged {flagged}% dangerous {dangerous}% (per URL)");
        assert!(
            flagged >= min_f && flagged <= max_f,
            "{set}: flagged {flagged}% outside [{min_f}, {max_f}]\n{line}"
        );
        assert!(
            dangerous >= min_d && dangerous <= max_d,
            "{set}: dangerous {dangerous}% outside [{min_d}, {max_d}]\n{line}"
        );
    }
    // The 20 most reported brands, each judged by a checker that does not list it: what the
    // generic signals catch of a brand the list lacks ("  these 20 together  urls  with%  without%").
    let (line, pcts) = row("these 20 together");
    println!("brands as if unlisted: flagged {}%", pcts[1]);
    assert!(
        pcts[1] >= UNLISTED_FLOOR,
        "brands as if unlisted: flagged {}% below {UNLISTED_FLOOR}\n{line}",
        pcts[1]
    );
}
