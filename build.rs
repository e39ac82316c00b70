//! Compiles the Public Suffix List (src/data/public_suffix_list.dat) into a static hash table,
//! so that start-up (every wake of Chrome's service worker) parses and builds nothing.
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
const INTERNAL: u8 = 16;

#[path = "src/hashtab.rs"]
#[allow(dead_code)]
mod hashtab;

fn main() {
    confusables();
    let src = "src/data/public_suffix_list.dat";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/hashtab.rs");
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

    // Lookup table: every rule, plus every shorter suffix of a rule at a label boundary that is
    // not a rule itself (flag INTERNAL), so `split` can walk a host from its last label leftwards
    // and stop at the first suffix no rule ends with. Entries are grouped in hash buckets:
    // [name length][flags][name] records, bucket b spanning PSL_DATA[start(b)..start(b+1)].
    let mut entries: BTreeMap<String, u8> = rules.clone();
    for name in rules.keys() {
        let mut rest = name.as_str();
        while let Some((_, tail)) = rest.split_once('.') {
            entries.entry(tail.to_string()).or_insert(INTERNAL);
            rest = tail;
        }
    }
    let max_labels = entries.keys().map(|n| n.split('.').count()).max().unwrap_or(0);
    let bits = hashtab::bits_for(entries.len() / 2);
    let mut buckets: Vec<Vec<(&String, u8)>> = vec![Vec::new(); 1 << bits];
    for (name, flag) in &entries {
        let b = hashtab::home(hashtab::hash(name.as_bytes()), bits);
        if let Some(bucket) = buckets.get_mut(b) {
            bucket.push((name, *flag));
        }
    }
    let mut data: Vec<u8> = Vec::new();
    let mut starts: Vec<u8> = Vec::new();
    for b in &buckets {
        starts.extend_from_slice(&(data.len() as u32).to_le_bytes());
        for (name, flag) in b {
            assert!(name.len() < 256, "PSL rule too long: {name}");
            data.push(name.len() as u8);
            data.push(*flag);
            data.extend_from_slice(name.as_bytes());
        }
    }
    starts.extend_from_slice(&(data.len() as u32).to_le_bytes());
    let out_dir = env::var("OUT_DIR").unwrap_or_default();
    let write = |file: &str, bytes: &[u8]| {
        let dest = Path::new(&out_dir).join(file);
        fs::write(&dest, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
    };
    write("psl_data.bin", &data);
    write("psl_buckets.bin", &starts);
    let mut out = String::new();
    let _ = writeln!(out, "/// Version line of the embedded Public Suffix List.");
    let _ = writeln!(out, "pub const PSL_VERSION: &str = {version:?};");
    let _ = writeln!(out, "/// Number of rules.");
    let _ = writeln!(out, "pub const PSL_RULE_COUNT: usize = {};", rules.len());
    let _ = writeln!(out, "/// Hash buckets of the lookup table: 2^bits.");
    let _ = writeln!(out, "const PSL_BUCKET_BITS: u32 = {bits};");
    let _ = writeln!(out, "/// Most labels in a table entry.");
    let _ = writeln!(out, "const PSL_MAX_LABELS: usize = {max_labels};");
    let _ = writeln!(out, "static PSL_DATA: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/psl_data.bin\"));");
    let _ = writeln!(out, "static PSL_BUCKETS: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/psl_buckets.bin\"));");
    write("psl_table.rs", out.as_bytes());
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
