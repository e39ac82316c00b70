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
    confusables();
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

    // One sorted text, a rule per line, its flags as the first byte ('@' + flags): binary search
    // over line starts needs no pointer table, and the text gzips well inside the .wasm.
    let mut table = String::new();
    for (name, flag) in &rules {
        table.push(char::from(b'@' + flag));
        table.push_str(name);
        table.push('\n');
    }
    let mut out = String::new();
    let _ = writeln!(out, "/// Version line of the embedded Public Suffix List.");
    let _ = writeln!(out, "pub const PSL_VERSION: &str = {version:?};");
    let _ = writeln!(
        out,
        "/// Rules sorted by name, one per line: a flag byte ('@' + flags) then the ASCII rule."
    );
    let _ = writeln!(out, "pub static PSL_TEXT: &str = {table:?};");
    let _ = writeln!(out, "/// Number of rules.");
    let _ = writeln!(out, "pub const PSL_RULE_COUNT: usize = {};", rules.len());
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("psl_table.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

/// Every non-ASCII character whose UTS #39 skeleton, diacritics removed and lower-cased, is ASCII
/// letters or digits (`а` → `a`, `ı` → `i`, `ᴢ` → `z`): the part of the confusables table that
/// matters for reading a hostname as the Latin name it imitates.
fn confusables() {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::from("/// (character, the Latin letters it is confusable with), sorted by character.\npub static CONFUSABLES: &[(char, &str)] = &[\n");
    let mut n = 0;
    for cp in 0x80u32..=0x1FFFF {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let sk: String = unicode_security::skeleton(&c.to_string()).collect();
        let latin: String = sk
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .collect::<String>()
            .to_lowercase();
        if !latin.is_empty()
            && latin.len() <= 3
            && latin
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            let _ = writeln!(out, "({c:?},{latin:?}),");
            n += 1;
        }
    }
    out.push_str("];\n");
    assert!(n > 500, "confusables table looks wrong: {n} entries");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("confusables.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
