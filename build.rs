//! Compiles the Public Suffix List (src/data/public_suffix_list.dat) into a sorted static table,
//! so that start-up (every wake of Chrome's service worker) parses nothing.
//!
//! Each rule is stored in ASCII (punycode) form, because hosts reach the checker in the form
//! `url::Url` gives them. Flags: see `domain.rs`.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const NORMAL: u8 = 1;
const WILDCARD: u8 = 2;
const EXCEPTION: u8 = 4;
const PRIVATE: u8 = 8;

fn main() {
    let src = "src/data/public_suffix_list.dat";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));

    let mut version = String::from("unknown");
    let mut private = false;
    let mut rules: BTreeMap<String, u8> = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(v) = line.strip_prefix("// VERSION:") {
            version = v.trim().to_string();
        }
        if line.contains("===BEGIN PRIVATE DOMAINS===") {
            private = true;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let rule = line.split_whitespace().next().unwrap_or("");
        let (name, mut flag) = if let Some(r) = rule.strip_prefix("*.") {
            (r, WILDCARD)
        } else if let Some(r) = rule.strip_prefix('!') {
            (r, EXCEPTION)
        } else {
            (rule, NORMAL)
        };
        let ascii = idna::domain_to_ascii(name)
            .unwrap_or_else(|e| panic!("PSL rule {rule:?} is not a valid domain: {e:?}"));
        if private {
            flag |= PRIVATE;
        }
        *rules.entry(ascii).or_insert(0) |= flag;
    }
    assert!(
        rules.len() > 5000,
        "PSL looks truncated: {} rules",
        rules.len()
    );

    let mut out = String::new();
    let _ = writeln!(out, "/// Version line of the embedded Public Suffix List.");
    let _ = writeln!(out, "pub const PSL_VERSION: &str = {version:?};");
    let _ = writeln!(
        out,
        "/// (rule in ASCII, flags), sorted by rule for binary search."
    );
    let _ = writeln!(out, "pub static PSL_RULES: &[(&str, u8)] = &[");
    for (name, flag) in &rules {
        let _ = writeln!(out, "({name:?},{flag}),");
    }
    let _ = writeln!(out, "];");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("psl_table.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
