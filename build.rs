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
/// Table flag: some entry is this one with a label more (`split` looks no further up a host
/// past an entry without it: the longer name cannot be in the table).
const PARENT: u8 = 32;

#[path = "src/hashtab.rs"]
#[allow(dead_code)]
mod hashtab;

#[path = "src/brand_data.rs"]
#[allow(dead_code)]
mod brand_data;

fn main() {
    confusables();
    scripts();
    common_words();
    let src = "src/data/public_suffix_list.dat";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/hashtab.rs");
    println!("cargo:rerun-if-changed=src/brand_data.rs");
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
    // and stop at the first suffix no rule ends with. One sorted text, an entry per line, its
    // flags as the first byte ('@' + flags): it gzips well inside the .wasm. PSL_HEADS holds the
    // offset of every PSL_STRIDE-th line, for a binary search that needs no pointer per line.
    let mut entries: BTreeMap<String, u8> = rules.clone();
    for name in rules.keys() {
        let mut rest = name.as_str();
        while let Some((_, tail)) = rest.split_once('.') {
            entries.entry(tail.to_string()).or_insert(INTERNAL);
            rest = tail;
        }
    }
    let parents: Vec<String> = entries
        .keys()
        .filter_map(|name| name.split_once('.').map(|(_, tail)| tail.to_string()))
        .collect();
    for tail in parents {
        if let Some(f) = entries.get_mut(&tail) {
            *f |= PARENT;
        }
    }
    let max_labels = entries
        .keys()
        .map(|n| n.split('.').count())
        .max()
        .unwrap_or(0);
    const STRIDE: usize = 16;
    let mut data: Vec<u8> = Vec::new();
    let mut heads: Vec<u8> = Vec::new();
    for (i, (name, flag)) in entries.iter().enumerate() {
        assert!(
            !name.contains('\n') && !name.is_empty(),
            "odd PSL rule {name:?}"
        );
        if i % STRIDE == 0 {
            heads.extend_from_slice(&(data.len() as u32).to_le_bytes());
        }
        data.push(b'@' + flag);
        data.extend_from_slice(name.as_bytes());
        data.push(b'\n');
    }
    let out_dir = env::var("OUT_DIR").unwrap_or_default();
    let write = |file: &str, bytes: &[u8]| {
        let dest = Path::new(&out_dir).join(file);
        fs::write(&dest, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
    };
    write("psl_data.bin", &data);
    write("psl_heads.bin", &heads);
    let mut out = String::new();
    let _ = writeln!(out, "/// Version line of the embedded Public Suffix List.");
    let _ = writeln!(out, "pub const PSL_VERSION: &str = {version:?};");
    let _ = writeln!(out, "/// Number of rules.");
    let _ = writeln!(out, "pub const PSL_RULE_COUNT: usize = {};", rules.len());
    let _ = writeln!(out, "/// Lines of PSL_DATA between two PSL_HEADS entries.");
    let _ = writeln!(out, "const PSL_STRIDE: usize = {STRIDE};");
    // Where the binary search over PSL_HEADS may look for a key by its first byte (ASCII):
    // blocks whose first line starts with a smaller byte are all before the key, those with a
    // larger one all after it.
    let block_firsts: Vec<u8> = entries
        .keys()
        .step_by(STRIDE)
        .map(|name| name.as_bytes().first().copied().unwrap_or(0))
        .collect();
    let before: Vec<String> = (0..=128u16)
        .map(|c| {
            let n = block_firsts.iter().filter(|f| u16::from(**f) < c).count();
            u16::try_from(n)
                .unwrap_or_else(|_| panic!("{n} PSL blocks"))
                .to_string()
        })
        .collect();
    let _ = writeln!(
        out,
        "/// PSL_BLOCKS_BEFORE[c]: blocks of PSL_HEADS whose first line starts with a byte below c."
    );
    let _ = writeln!(
        out,
        "const PSL_BLOCKS_BEFORE: [u16; 129] = [{}];",
        before.join(", ")
    );
    // The answers for the top-level domains most links end in, phishing ones included: every
    // split looks its host's TLD up first, and these are most hosts (a comparison or two instead
    // of a search of the table).
    let frequent: Vec<String> = ["com", "net", "org", "jp", "cn", "top", "xyz", "shop", "dev"]
        .iter()
        .map(|t| format!("({t:?}, {:?})", entries.get(*t).copied()))
        .collect();
    let _ = writeln!(
        out,
        "/// (TLD, its table flags) for the most frequent TLDs, as `lookup` would find them."
    );
    let _ = writeln!(
        out,
        "const FREQUENT_TLDS: [(&str, Option<u8>); {}] = [{}];",
        frequent.len(),
        frequent.join(", ")
    );
    let _ = writeln!(out, "/// Most labels in a table entry.");
    let _ = writeln!(out, "const PSL_MAX_LABELS: usize = {max_labels};");
    let _ = writeln!(
        out,
        "static PSL_DATA: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/psl_data.bin\"));"
    );
    let _ = writeln!(
        out,
        "static PSL_HEADS: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/psl_heads.bin\"));"
    );
    write("psl_table.rs", out.as_bytes());
    let flags = |name: &str| rules.get(name).copied().unwrap_or(0);
    let tables = brand_tables(&|host: &str| suffix_start(host, &flags));
    write("brand_tables.rs", tables.as_bytes());
}

/// Where the public suffix of `host` starts: the PSL algorithm as `domain::split_by_search`
/// runs it (the crate's test `shipped_tables_match_runtime_derivation` checks the two agree).
fn suffix_start(host: &str, flags: &dyn Fn(&str) -> u8) -> usize {
    let mut starts = vec![0usize];
    starts.extend(host.match_indices('.').map(|(i, _)| i + 1));
    for (n, &start) in starts.iter().enumerate() {
        let f = flags(host.get(start..).unwrap_or(""));
        if f & EXCEPTION != 0 {
            if let Some(&next) = starts.get(n + 1) {
                return next;
            }
        }
        if f & NORMAL != 0 {
            return start;
        }
        if let Some(&next) = starts.get(n + 1) {
            if flags(host.get(next..).unwrap_or("")) & WILDCARD != 0 {
                return start;
            }
        }
    }
    starts.last().copied().unwrap_or(0)
}

/// src/data/brands.tsv as static tables: the index `BrandIndex::new` would derive from it, laid
/// out by the same code (brand_data.rs), its strings as spans of one text that starts with the
/// table itself (most strings are fields of it), so a default checker builds nothing.
fn brand_tables(suffix_start: &dyn Fn(&str) -> usize) -> String {
    let src = "src/data/brands.tsv";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let mut out = String::new();
    let (brands, error) = match brand_data::parse(&text) {
        Ok(b) => (b, None),
        // Reported by `brands::shipped()` (and so by the tests) as when the table was parsed at
        // run time; the build itself goes on with no brands.
        Err(e) => (Vec::new(), Some((e.line, e.message))),
    };
    let d = brand_data::derive(&brands, suffix_start);
    assert!(
        d.targets.len() <= 2048,
        "{} lookalike targets: raise SCAN_MAX_TARGETS in brands.rs or index the shipped list by deletions",
        d.targets.len()
    );
    // The .wasm needs no comments and no JPCERT labels (only `linkguard eval` reads them): its
    // copy of the table leaves them out (about 3 KiB gzip).
    let text = if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| match l.rsplit_once('\t') {
                Some((head, _labels)) if l.split('\t').count() == 7 => format!("{head}\t\n"),
                _ => format!("{l}\n"),
            })
            .collect()
    } else {
        text
    };
    let l = brand_data::lay_out(&brands, d, &text);
    let out_dir = env::var("OUT_DIR").unwrap_or_default();
    let dest = Path::new(&out_dir).join("brand_blob.txt");
    fs::write(&dest, &l.blob).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
    let _ = writeln!(
        out,
        "static SHIPPED_ERROR: Option<(usize, &str)> = {error:?};"
    );
    let _ = writeln!(out, "const BRANDS_TSV_LEN: usize = {};", text.len());
    let _ = writeln!(
        out,
        "static BLOB: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/brand_blob.txt\"));"
    );
    fn list<T: std::fmt::Debug>(out: &mut String, name: &str, ty: &str, xs: &[T]) {
        let items: Vec<String> = xs.iter().map(|x| format!("{x:?}")).collect();
        let _ = writeln!(out, "static {name}: &[{ty}] = &[{}];", items.join(","));
    }
    let brands_rows: Vec<String> = l
        .brands
        .iter()
        .map(|r| {
            format!(
                "[{}]",
                r.iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "static BRANDS: &[[Span; 5]] = &[{}];",
        brands_rows.join(",")
    );
    list(&mut out, "DOMAIN_KEYS", "Span", &l.domain_keys);
    list(&mut out, "DOMAIN_SLOTS", "u32", &l.domain_slots);
    list(&mut out, "DOMAIN_FILTER", "u64", &l.domain_filter);
    list(&mut out, "DOMAIN_BRAND", "u32", &l.domain_brand);
    list(&mut out, "DOTTED_KEYS", "Span", &l.dotted_keys);
    list(&mut out, "DOTTED_SLOTS", "u32", &l.dotted_slots);
    list(&mut out, "DOTTED_FILTER", "u64", &l.dotted_filter);
    list(&mut out, "DOTTED_BRAND", "u32", &l.dotted_brand);
    list(&mut out, "DOTTED_DOMAIN", "Span", &l.dotted_domain);
    list(&mut out, "WORD_KEYS", "Span", &l.word_keys);
    list(&mut out, "WORD_SLOTS", "u32", &l.word_slots);
    list(&mut out, "WORD_FILTER", "u64", &l.word_filter);
    list(&mut out, "WORD_START_FILTER", "u64", &l.word_start_filter);
    list(&mut out, "WORD_BRAND", "u32", &l.word_brand);
    list(&mut out, "WORD_LENGTHS", "usize", &l.word_lengths);
    let _ = writeln!(
        out,
        "static TARGETS: &[TargetRow] = &[{}];",
        l.targets
            .iter()
            .map(|t| format!(
                "TargetRow{{text:{:?},brand:{},domain:{:?},suffix_len:{}}}",
                t.text, t.brand, t.domain, t.suffix_len
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    list(&mut out, "EXACT_KEYS", "Span", &l.exact_keys);
    list(&mut out, "EXACT_SLOTS", "u32", &l.exact_slots);
    list(&mut out, "EXACT_FILTER", "u64", &l.exact_filter);
    list(&mut out, "EXACT_RANGE", "(u32, u32)", &l.exact_range);
    list(&mut out, "EXACT_LIST", "u32", &l.exact_list);
    list(&mut out, "BY_LEN", "u32", &l.by_len);
    list(&mut out, "LEN_START", "u32", &l.len_start);
    list(&mut out, "LEN_MASKS", "u32", &l.len_masks);
    let _ = writeln!(
        out,
        "fn shipped_index() -> BrandIndex {{
    BrandIndex {{
        list: OnceLock::new(),
        shipped: true,
        blob: Cow::Borrowed(BLOB),
        brands: Cow::Borrowed(BRANDS),
        domain_keys: Cow::Borrowed(DOMAIN_KEYS),
        domain_slots: Cow::Borrowed(DOMAIN_SLOTS),
        domain_filter: Cow::Borrowed(DOMAIN_FILTER),
        domain_brand: Cow::Borrowed(DOMAIN_BRAND),
        dotted_keys: Cow::Borrowed(DOTTED_KEYS),
        dotted_slots: Cow::Borrowed(DOTTED_SLOTS),
        dotted_filter: Cow::Borrowed(DOTTED_FILTER),
        dotted_brand: Cow::Borrowed(DOTTED_BRAND),
        dotted_domain: Cow::Borrowed(DOTTED_DOMAIN),
        word_keys: Cow::Borrowed(WORD_KEYS),
        word_slots: Cow::Borrowed(WORD_SLOTS),
        word_filter: Cow::Borrowed(WORD_FILTER),
        word_start_filter: Cow::Borrowed(WORD_START_FILTER),
        word_brand: Cow::Borrowed(WORD_BRAND),
        word_lengths: Cow::Borrowed(WORD_LENGTHS),
        targets: Cow::Borrowed(TARGETS),
        exact_keys: Cow::Borrowed(EXACT_KEYS),
        exact_slots: Cow::Borrowed(EXACT_SLOTS),
        exact_filter: Cow::Borrowed(EXACT_FILTER),
        exact_range: Cow::Borrowed(EXACT_RANGE),
        exact_list: Cow::Borrowed(EXACT_LIST),
        by_len: Cow::Borrowed(BY_LEN),
        len_start: Cow::Borrowed(LEN_START),
        len_masks: Cow::Borrowed(LEN_MASKS),
        target_len: ({}, {}),
        deletions: Vec::new(),
        deletion_runs: HashMap::default(),
        scramble: OnceLock::new(),
        ends: OnceLock::new(),
        #[cfg(not(target_arch = \"wasm32\"))]
        shared: Vec::new(),
    }}
}}",
        l.target_len.0, l.target_len.1
    );
    out
}

/// src/data/common_words.txt (scripts/common-words.py) as a sorted array for binary search:
/// each word with where it is excused: 0 anywhere, 1 only as a whole registered name, 2 not
/// from lookalikes but from the brand word it holds by chance.
fn common_words() {
    let src = "src/data/common_words.txt";
    println!("cargo:rerun-if-changed={src}");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let mut words: Vec<(&str, u8)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('\t') {
            Some((w, "name")) => (w, 1u8),
            Some((w, "holds")) => (w, 2u8),
            Some((w, other)) => panic!("{src}: {w}: unknown column {other:?}"),
            None => (l.trim(), 0u8),
        })
        .collect();
    words.sort_unstable();
    words.dedup_by_key(|w| w.0);
    assert!(
        words
            .iter()
            .all(|(w, _)| w.bytes().all(|b| b.is_ascii_lowercase())),
        "{src}: lower-case ASCII words only"
    );
    // One string of the words, each followed by its place digit, and where each starts (one
    // more for the end): 2 bytes a word instead of a (&str, u8) pair's 12.
    let mut text = String::new();
    let mut at = Vec::new();
    for (w, k) in &words {
        at.push(text.len());
        text.push_str(w);
        text.push(char::from(b'0' + k));
    }
    at.push(text.len());
    assert!(
        text.len() < usize::from(u16::MAX),
        "{src}: too long for u16 offsets"
    );
    let keys: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
    let filter = hashtab::filter_layout(&keys, 16);
    // Where the words of each first letter start, then the end: the search reads one letter's.
    let by_first: Vec<usize> = (b'a'..=b'z')
        .map(|c| keys.partition_point(|w| w.as_bytes().first() < Some(&c)))
        .chain([keys.len()])
        .collect();
    let out = format!(
        "/// Everyday words within lookalike reach of a brand (src/data/common_words.txt), sorted,\n\
         /// each followed by where it is excused: 0 anywhere, 1 only as a whole name, 2 from the\n\
         /// brand word it holds.\n\
         static COMMON_WORDS: &str = {text:?};\n\
         /// Where each word of [`COMMON_WORDS`] starts, and its end.\n\
         static COMMON_WORD_AT: [u16; {}] = {at:?};\n\
         /// The words' filter (hashtab::filter_has): most names are no common word.\n\
         static COMMON_FILTER: [u64; {}] = {filter:?};\n\
         /// Where the words of each first letter a to z start in [`COMMON_WORD_AT`], then the\n\
         /// number of words.\n\
         static COMMON_BY_FIRST: [u16; 27] = {by_first:?};\n",
        at.len(),
        filter.len()
    );
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("common_words.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

/// Every non-ASCII character whose UTS #39 skeleton, diacritics removed and lower-cased, is ASCII
/// letters or digits (`а` → `a`, `ı` → `i`, `ᴢ` → `z`): the part of the confusables table that
/// matters for reading a hostname as the Latin name it imitates.
fn confusables() {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    // Two parallel arrays (code points, sorted; their Latin reading, up to three bytes, zero
    // padded): 7 bytes an entry instead of a (char, &str) pair's 12 plus the string.
    let mut chars = String::new();
    let mut latins = String::new();
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
            let mut l = [0u8; 3];
            for (d, b) in l.iter_mut().zip(latin.bytes()) {
                *d = b;
            }
            let _ = write!(chars, "{cp},");
            let _ = write!(latins, "{l:?},");
            n += 1;
        }
    }
    let out = format!(
        "/// Characters confusable with Latin letters or digits, sorted (UTS #39 skeletons).\n\
         pub static CONFUSABLE_CHARS: [u32; {n}] = [{chars}];\n\
         /// The Latin letters each of [`CONFUSABLE_CHARS`] reads as, zero-padded.\n\
         pub static CONFUSABLE_LATIN: [[u8; 3]; {n}] = [{latins}];\n"
    );
    assert!(n > 500, "confusables table looks wrong: {n} entries");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("confusables.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

/// The script of every code point as a range table (`SCRIPT_STARTS` sorted, `SCRIPT_IDS` one
/// byte each) for mixed-script labels: 0 for Common, Inherited and Unknown; Hiragana and
/// Katakana share Han's id (Japanese mixes them in one word). Planes 2 and 3 are Han.
fn scripts() {
    use unicode_script::{Script, UnicodeScript};
    let mut ids: std::collections::HashMap<Script, u8> = std::collections::HashMap::new();
    let mut id_of = |s: Script| -> u8 {
        let s = match s {
            Script::Common | Script::Inherited | Script::Unknown => return 0,
            Script::Hiragana | Script::Katakana => Script::Han,
            s => s,
        };
        let next = ids.len() + 1;
        let id = *ids.entry(s).or_insert(next as u8);
        assert!(next < 255, "too many scripts for one byte");
        id
    };
    let han = id_of(Script::Han);
    let (mut starts, mut sids) = (String::new(), String::new());
    let mut last: Option<u8> = None;
    let mut n = 0;
    for cp in 0u32..=0x1FFFF {
        let id = char::from_u32(cp).map_or(0, |c| id_of(c.script()));
        if last != Some(id) {
            let _ = write!(starts, "{cp},");
            let _ = write!(sids, "{id},");
            last = Some(id);
            n += 1;
        }
    }
    let _ = write!(starts, "{},{},", 0x20000, 0x40000);
    let _ = write!(sids, "{han},0,");
    n += 2;
    let out = format!(
        "/// First code point of each run of one script (see build.rs `scripts`).\n\
         static SCRIPT_STARTS: [u32; {n}] = [{starts}];\n\
         /// The script id of each run: 0 for none (Common, Inherited, Unknown).\n\
         static SCRIPT_IDS: [u8; {n}] = [{sids}];\n"
    );
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("scripts.rs");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
