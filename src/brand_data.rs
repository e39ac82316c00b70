//! The brand table format and the derived lookup data, shared by build.rs (which derives it from
//! src/data/brands.tsv at build time and writes it out as static tables) and the crate (which
//! derives the same data at run time for a user's or a benchmark's brand list). Plain std only:
//! build.rs includes this file with `#[path]`, next to `hashtab.rs`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One protected brand.
#[derive(Debug, Clone)]
pub struct Brand {
    pub id: String,
    pub name_en: String,
    pub name_ja: String,
    pub official_site: String,
    /// Official registrable domains (ASCII).
    pub domains: Vec<String>,
    /// Of `domains`, those the brand runs for its customers' content (`amazonaws.com`,
    /// `googleusercontent.com`), written `~amazonaws.com` in the data file: the brand's word in
    /// the name is no impersonation, but the brand does not vouch for the hosts under it.
    pub hosting: Vec<String>,
    /// Latin spellings used in hostnames.
    pub words: Vec<String>,
    /// The words that are also everyday abbreviations (`etc`), written `etc*` in the data file:
    /// in a registrable name they count only next to a Japan or account word.
    pub everyday: Vec<String>,
    /// JPCERT/CC labels (evaluation only).
    pub jpcert_labels: Vec<String>,
    /// Added by the user's settings rather than the shipped list.
    pub user: bool,
}

/// Bit of a `domain_brand` entry: the domain is one the brand hosts others' content on (see
/// [`Brand::hosting`]); the other bits are the brand's index.
pub const HOSTING_DOMAIN: u32 = 1 << 31;

/// Bit of a `word_brand` entry: the word is also an everyday abbreviation (see
/// [`Brand::everyday`]); the other bits are the brand's index.
pub const EVERYDAY_WORD: u32 = 1 << 31;

/// A data-file problem: which line, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub line: usize,
    pub message: &'static str,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "brands.tsv line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DataError {}

/// A space-separated column, lower-cased, with its marked entries (`~amazonaws.com`, `etc*`):
/// (every entry without its mark, the marked ones without it).
fn marked(col: &str, unmark: impl Fn(&str) -> Option<&str>) -> (Vec<String>, Vec<String>) {
    let mut all = Vec::new();
    let mut marked = Vec::new();
    for e in col.split_whitespace().map(str::to_ascii_lowercase) {
        match unmark(&e) {
            Some(bare) => {
                marked.push(bare.to_string());
                all.push(bare.to_string());
            }
            None => all.push(e),
        }
    }
    (all, marked)
}

/// Parses a brand table in the format of src/data/brands.tsv.
pub fn parse(text: &str) -> Result<Vec<Brand>, DataError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, name_en, name_ja, site, domains, words, labels] = cols.as_slice() else {
            return Err(DataError {
                line: line_no,
                message: "expected 7 tab-separated columns",
            });
        };
        if domains.trim_start().starts_with('~') {
            return Err(DataError {
                line: line_no,
                message: "the first domain is the brand's own site, not a hosting platform (~)",
            });
        }
        let (domains, hosting) = marked(domains, |d| d.strip_prefix('~'));
        if domains.is_empty() {
            return Err(DataError {
                line: line_no,
                message: "a brand needs at least one domain",
            });
        }
        if !site.starts_with("https://") {
            return Err(DataError {
                line: line_no,
                message: "official_site must be an https URL",
            });
        }
        let (words, everyday) = marked(words, |w| w.strip_suffix('*'));
        if words
            .iter()
            .any(|w| !w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        {
            return Err(DataError {
                line: line_no,
                message: "words must be ASCII letters, digits or hyphens",
            });
        }
        out.push(Brand {
            id: id.to_string(),
            name_en: name_en.to_string(),
            name_ja: name_ja.to_string(),
            official_site: site.to_string(),
            domains,
            hosting,
            words,
            everyday,
            jpcert_labels: labels
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            user: false,
        });
    }
    Ok(out)
}

/// Undo ASCII lookalike tricks: digits for letters, `rn` for `m`, `vv` for `w`.
pub fn unconfuse(s: &str) -> String {
    let mut out = String::new();
    unconfuse_into(s, &mut out);
    out
}

/// [`unconfuse`] into `out` (cleared first): a caller that reads many strings reuses one.
///
/// Byte by byte: every rule reads and writes ASCII, and the bytes of other characters (0x80 and
/// up) match none, so the runs between replacements are copied whole.
pub fn unconfuse_into(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    let b = s.as_bytes();
    let (mut i, mut run) = (0, 0);
    while let Some(&c) = b.get(i) {
        let (m, n) = match (c, b.get(i + 1)) {
            (b'r', Some(b'n' | b'r')) | (b'n', Some(b'n')) => (b'm', 2),
            (b'v', Some(b'v')) => (b'w', 2),
            (b'0', _) => (b'o', 1),
            (b'1' | b'i' | b'!' | b'|', _) => (b'l', 1),
            (b'3', _) => (b'e', 1),
            (b'5', _) => (b's', 1),
            (b'@', _) => (b'a', 1),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(s.get(run..i).unwrap_or(""));
        out.push(char::from(m));
        i += n;
        run = i;
    }
    out.push_str(s.get(run..).unwrap_or(""));
}

/// How many of each letter a–z a string has (other bytes are not counted).
pub fn letter_counts(s: &str) -> [u8; 26] {
    let mut counts = [0u8; 26];
    for b in s.bytes() {
        if let Some(c) = counts.get_mut(usize::from(b.wrapping_sub(b'a'))) {
            *c = c.saturating_add(1);
        }
    }
    counts
}

/// The set of byte classes in a string, as bits: each letter, digits in three classes and the
/// other bytes in three. One edit changes at most two bits, so `popcount(mask(a) ^ mask(b)) > 2k`
/// proves that `a` and `b` are more than `k` edits apart. (Bytes folded into one class only
/// weaken the bound: a class's bit differs only when some byte of it does.) 32 bits: half the
/// table of the u64 masks, and one-word operations in the .wasm.
pub fn letter_mask(s: &[u8]) -> u32 {
    let mut m = 0u32;
    for &b in s {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0') % 3,
            _ => 29 + b % 3,
        };
        m |= 1u32 << bit;
    }
    m
}

/// Longest lookalike target the length index covers; longer ones (none in practice) are always
/// scanned.
pub const MAX_INDEXED_LEN: usize = 64;

/// A lookalike target, owned.
#[derive(Debug, Clone)]
pub struct OwnedTarget {
    pub text: String,
    pub brand: usize,
    pub domain: String,
    pub suffix: String,
}

/// Everything the brand index derives from the brand list, as plain owned data.
#[derive(Debug, Default)]
pub struct Derived {
    /// (official registrable domain, brand), first brand listing a domain wins.
    pub domains: Vec<(String, usize)>,
    /// Of `domains`, the brands' hosting platforms (see [`Brand::hosting`]).
    pub hosting: Vec<String>,
    /// (domain with hyphens and dots both written as dots, brand, domain), first wins.
    pub dotted: Vec<(String, usize, String)>,
    /// (brand word, brand), first wins.
    pub words: Vec<(String, usize)>,
    /// Brand words that are also everyday abbreviations (see [`Brand::everyday`]).
    pub everyday: Vec<String>,
    /// Lengths of the brand words, sorted.
    pub word_lengths: Vec<usize>,
    pub targets: Vec<OwnedTarget>,
    /// (target text, indexes of the targets with that text, ascending).
    pub exact: Vec<(String, Vec<u32>)>,
    /// Indexes into `exact` (one per distinct text: amazon has fifteen targets, one text) sorted
    /// by (text length, first appearance), lengths above MAX_INDEXED_LEN last.
    pub by_len: Vec<u32>,
    /// `by_len[len_start[l]..len_start[l + 1]]` are the texts of length `l`.
    pub len_start: Vec<u32>,
    /// `letter_mask` of each `by_len` entry's text.
    pub len_masks: Vec<u32>,
    /// Shortest and longest target text.
    pub target_len: (usize, usize),
}

/// Derives the lookup data. `suffix_start` gives where the public suffix of a domain starts.
pub fn derive(brands: &[Brand], suffix_start: &dyn Fn(&str) -> usize) -> Derived {
    let mut d = Derived::default();
    let mut seen_domains: HashSet<&str> = HashSet::default();
    let mut seen_dotted: HashSet<String> = HashSet::default();
    let mut seen_words: HashSet<&str> = HashSet::default();
    let mut seen_targets: HashSet<String> = HashSet::default();
    for (i, b) in brands.iter().enumerate() {
        for dom in &b.domains {
            if seen_domains.insert(dom) {
                d.domains.push((dom.clone(), i));
                if b.hosting.contains(dom) {
                    d.hosting.push(dom.clone());
                }
            }
            // A hosting platform is neither an embedded brand domain (its customers' hosts end
            // in it) nor a lookalike target (they would read as a TLD swap of it); its lookalikes
            // hold the brand's word anyway.
            let hosting = b.hosting.contains(dom);
            let dotted = dom.replace('-', ".");
            if !hosting && seen_dotted.insert(dotted.clone()) {
                d.dotted.push((dotted, i, dom.clone()));
            }
            let ss = suffix_start(dom);
            let suffix = dom.get(ss..).unwrap_or("").to_string();
            let label = dom.get(..ss.saturating_sub(1)).unwrap_or("");
            let label = label.rsplit('.').next().unwrap_or(label).to_string();
            if label.len() >= 3 && !hosting && seen_targets.insert(format!("{label}/{suffix}")) {
                d.targets.push(OwnedTarget {
                    text: label,
                    brand: i,
                    domain: dom.clone(),
                    suffix,
                });
            }
        }
        for w in &b.words {
            if seen_words.insert(w) {
                d.words.push((w.clone(), i));
                if b.everyday.contains(w) {
                    d.everyday.push(w.clone());
                }
            }
            if !d.word_lengths.contains(&w.len()) {
                d.word_lengths.push(w.len());
            }
            if w.len() >= 5 && seen_targets.insert(format!("{w}/")) {
                d.targets.push(OwnedTarget {
                    text: w.clone(),
                    brand: i,
                    domain: b.domains.first().cloned().unwrap_or_default(),
                    suffix: String::new(),
                });
            }
        }
    }
    d.word_lengths.sort_unstable();
    for t in &mut d.targets {
        // Index the form the candidates are compared in (`rn` read as `m`, ...).
        t.text = unconfuse(&t.text);
    }
    let mut exact: HashMap<&str, usize> = HashMap::default();
    for (ti, t) in d.targets.iter().enumerate() {
        let slot = *exact.entry(&t.text).or_insert(d.exact.len());
        if slot == d.exact.len() {
            d.exact.push((t.text.clone(), Vec::new()));
        }
        if let Some((_, v)) = d.exact.get_mut(slot) {
            v.push(ti as u32);
        }
    }
    // Counting sort of the distinct texts by length (first appearance kept within a length).
    let len_key = |text: &str| text.len().min(MAX_INDEXED_LEN + 1);
    let mut len_start = vec![0u32; MAX_INDEXED_LEN + 3];
    for (text, _) in &d.exact {
        for s in len_start.iter_mut().skip(len_key(text) + 1) {
            *s += 1;
        }
    }
    let mut fill = len_start.clone();
    let mut by_len = vec![0u32; d.exact.len()];
    for (gi, (text, _)) in d.exact.iter().enumerate() {
        if let Some(at) = fill.get_mut(len_key(text)) {
            if let Some(slot) = by_len.get_mut(*at as usize) {
                *slot = gi as u32;
            }
            *at += 1;
        }
    }
    d.len_masks = by_len
        .iter()
        .map(|gi| {
            d.exact
                .get(*gi as usize)
                .map_or(0, |(text, _)| letter_mask(text.as_bytes()))
        })
        .collect();
    d.by_len = by_len;
    d.len_start = len_start;
    let lens = d.targets.iter().map(|t| t.text.len());
    d.target_len = (lens.clone().min().unwrap_or(0), lens.max().unwrap_or(0));
    d
}

/// A string of the index: (start, length) in its text blob.
pub type Span = (u32, u32);

/// A lookalike target as laid out: spans into the blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetRow {
    pub text: Span,
    pub brand: u32,
    pub domain: Span,
    /// The suffix is the last `suffix_len` bytes of the domain (0 for a word).
    pub suffix_len: u32,
}

/// One text holding every string of the index once; the index refers to them by span. Built
/// after a prefix (build.rs: the brand table itself, whose fields most strings already are).
#[derive(Debug, Default)]
pub struct Blob {
    pub text: String,
    prefix_len: usize,
    seen: HashMap<String, Span>,
}

impl Blob {
    pub fn new(prefix: &str) -> Blob {
        Blob {
            text: prefix.to_string(),
            prefix_len: prefix.len(),
            seen: HashMap::default(),
        }
    }

    pub fn add(&mut self, s: &str) -> Span {
        if let Some(sp) = self.seen.get(s) {
            return *sp;
        }
        let start = self
            .text
            .get(..self.prefix_len)
            .and_then(|p| p.find(s))
            .unwrap_or_else(|| {
                let at = self.text.len();
                self.text.push_str(s);
                at
            });
        let sp = (start as u32, s.len() as u32);
        self.seen.insert(s.to_string(), sp);
        sp
    }
}

/// The index as flat lists (what `BrandIndex` holds, owned or static).
#[derive(Debug, Default)]
pub struct Laid {
    pub blob: String,
    /// Per brand: id, name_en, name_ja, official_site, first domain.
    pub brands: Vec<[Span; 5]>,
    pub domain_keys: Vec<Span>,
    pub domain_slots: Vec<u32>,
    pub domain_filter: Vec<u64>,
    pub domain_brand: Vec<u32>,
    pub dotted_keys: Vec<Span>,
    pub dotted_slots: Vec<u32>,
    pub dotted_filter: Vec<u64>,
    pub dotted_brand: Vec<u32>,
    pub dotted_domain: Vec<Span>,
    pub word_keys: Vec<Span>,
    pub word_slots: Vec<u32>,
    pub word_filter: Vec<u64>,
    /// Filter of the first three bytes of the words of five bytes or more.
    pub word_start_filter: Vec<u64>,
    pub word_brand: Vec<u32>,
    pub word_lengths: Vec<usize>,
    pub targets: Vec<TargetRow>,
    pub exact_keys: Vec<Span>,
    pub exact_slots: Vec<u32>,
    pub exact_filter: Vec<u64>,
    pub exact_range: Vec<(u32, u32)>,
    pub exact_list: Vec<u32>,
    pub by_len: Vec<u32>,
    pub len_start: Vec<u32>,
    pub len_masks: Vec<u32>,
    pub target_len: (usize, usize),
}

/// Lays the derived data out as flat lists over one text blob starting with `prefix`.
pub fn lay_out(brands: &[Brand], d: Derived, prefix: &str) -> Laid {
    let mut blob = Blob::new(prefix);
    let mut l = Laid {
        brands: brands
            .iter()
            .map(|b| {
                [
                    blob.add(&b.id),
                    blob.add(&b.name_en),
                    blob.add(&b.name_ja),
                    blob.add(&b.official_site),
                    blob.add(b.domains.first().map_or("", |s| s.as_str())),
                ]
            })
            .collect(),
        ..Laid::default()
    };
    // Filters (bits per key) where most lookups miss: the host and each parent domain (owner),
    // dotted windows of every host, words (substrings of every token), lookalike candidates
    // (exact). Four bits a key for domains and targets: 256 bytes each, and most misses of
    // owner() and exact() neither hash nor probe (eight bits a key saved little more).
    let keys: Vec<&String> = d.domains.iter().map(|x| &x.0).collect();
    l.domain_slots = crate::hashtab::layout(&keys);
    l.domain_filter = crate::hashtab::filter_layout(&keys, 4);
    for (k, b) in &d.domains {
        l.domain_keys.push(blob.add(k));
        let flag = if d.hosting.contains(k) {
            HOSTING_DOMAIN
        } else {
            0
        };
        l.domain_brand.push(*b as u32 | flag);
    }
    let keys: Vec<&String> = d.dotted.iter().map(|x| &x.0).collect();
    l.dotted_slots = crate::hashtab::layout(&keys);
    l.dotted_filter = crate::hashtab::filter_layout(&keys, 8);
    for (k, b, dom) in &d.dotted {
        l.dotted_keys.push(blob.add(k));
        l.dotted_brand.push(*b as u32);
        l.dotted_domain.push(blob.add(dom));
    }
    let keys: Vec<&String> = d.words.iter().map(|x| &x.0).collect();
    l.word_slots = crate::hashtab::layout(&keys);
    l.word_filter = crate::hashtab::filter_layout(&keys, 8);
    let starts: Option<Vec<&str>> = keys
        .iter()
        .filter(|w| w.len() >= 5)
        .map(|w| w.get(..3))
        .collect();
    // An empty filter lets everything through (a word not cut at three bytes: non-ASCII).
    l.word_start_filter = starts.map_or_else(Vec::new, |s| crate::hashtab::filter_layout(&s, 16));
    for (k, b) in &d.words {
        l.word_keys.push(blob.add(k));
        let flag = if d.everyday.contains(k) {
            EVERYDAY_WORD
        } else {
            0
        };
        l.word_brand.push(*b as u32 | flag);
    }
    let keys: Vec<&String> = d.exact.iter().map(|x| &x.0).collect();
    l.exact_slots = crate::hashtab::layout(&keys);
    l.exact_filter = crate::hashtab::filter_layout(&keys, 4);
    for (k, ts) in &d.exact {
        l.exact_keys.push(blob.add(k));
        l.exact_range
            .push((l.exact_list.len() as u32, ts.len() as u32));
        l.exact_list.extend(ts);
    }
    for t in &d.targets {
        l.targets.push(TargetRow {
            text: blob.add(&t.text),
            brand: t.brand as u32,
            domain: blob.add(&t.domain),
            suffix_len: if t.domain.ends_with(&t.suffix) {
                t.suffix.len() as u32
            } else {
                0
            },
        });
    }
    l.word_lengths = d.word_lengths;
    l.by_len = d.by_len;
    l.len_start = d.len_start;
    l.len_masks = d.len_masks;
    l.target_len = d.target_len;
    l.blob = blob.text;
    l
}
