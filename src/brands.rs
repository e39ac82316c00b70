//! The protected brands (src/data/brands.tsv) and the indexes the signals query.

use rustc_hash::FxHashMap as HashMap;

use crate::verdict::BrandRef;

const BRANDS_TSV: &str = include_str!("data/brands.tsv");

/// One protected brand.
#[derive(Debug, Clone)]
pub struct Brand {
    pub id: String,
    pub name_en: String,
    pub name_ja: String,
    pub official_site: String,
    /// Official registrable domains (ASCII).
    pub domains: Vec<String>,
    /// Latin spellings used in hostnames.
    pub words: Vec<String>,
    /// JPCERT/CC labels (evaluation only).
    pub jpcert_labels: Vec<String>,
    /// Added by the user's settings rather than the shipped list.
    pub user: bool,
}

impl Brand {
    pub fn to_ref(&self, domain: &str) -> BrandRef {
        BrandRef {
            id: self.id.clone(),
            name_en: self.name_en.clone(),
            name_ja: self.name_ja.clone(),
            official_site: self.official_site.clone(),
            official_domain: domain.to_string(),
        }
    }
}

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

/// Parses the shipped brand table.
pub fn shipped() -> Result<Vec<Brand>, DataError> {
    parse(BRANDS_TSV)
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
        let domains: Vec<String> = domains
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
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
        let words: Vec<String> = words
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
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
            words,
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

/// A string a lookalike may imitate: a brand domain's label (`amazon` of `amazon.co.jp`) or a
/// distinctive brand word.
#[derive(Debug, Clone)]
pub struct Target {
    pub text: String,
    pub brand: usize,
    /// The official domain to name (`amazon.co.jp`).
    pub domain: String,
    /// The suffix of that domain (`co.jp`), empty for a word.
    pub suffix: String,
}

/// Indexes over the brands, built once per checker. Every query is a hash lookup: cost does not
/// grow with the number of brands.
#[derive(Debug, Default)]
pub struct BrandIndex {
    pub brands: Vec<Brand>,
    /// Official registrable domain → brand.
    pub by_domain: HashMap<String, usize>,
    /// Official domain with hyphens and dots both written as dots (`eki.net.com`) → (brand, domain).
    pub by_dotted: HashMap<String, (usize, String)>,
    /// Brand word → brand (a word may belong to several brands; the first listed wins).
    pub by_word: HashMap<String, usize>,
    /// Lengths of the brand words, for substring search without scanning the list.
    pub word_lengths: Vec<usize>,
    /// Lookalike targets.
    pub targets: Vec<Target>,
    /// Exact target text → target indexes.
    pub target_exact: HashMap<String, Vec<u32>>,
    /// Deletion neighbourhood (SymSpell), as sorted (hash of a target with up to one or two
    /// characters deleted, target index). A label within edit distance k of a target shares a
    /// key with it; one binary search per key, whatever the number of brands.
    pub deletions: Vec<(u64, u32)>,
    /// Deletion key → (start, count) of its run in `deletions`.
    pub deletion_runs: HashMap<u64, (u32, u32)>,
    /// Shortest and longest target: a string further than two edits from both ends of this
    /// range cannot be close to any target.
    pub target_len: (usize, usize),
}

/// How many deletions the neighbourhood holds for a string of this length.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=8 => 1,
        _ => 2,
    }
}

/// Hashes of every string obtained from `s` by deleting up to `k` (at most 2) bytes, `s`
/// included, without building the strings: a polynomial hash, so each variant costs O(1) from
/// prefix hashes. Duplicates are possible; collisions are harmless because every candidate is
/// verified by edit distance. Strings longer than 64 bytes give nothing.
pub fn deletion_hashes(s: &[u8], k: usize, mut each: impl FnMut(u64)) {
    const B: u64 = 0x0000_0100_0000_01b3;
    let n = s.len();
    if n > 64 {
        return;
    }
    // pre[i] = hash of s[..i]; pow[i] = B^i.
    let mut pre = [0u64; 65];
    let mut pow = [1u64; 65];
    for i in 0..n {
        let c = u64::from(*s.get(i).unwrap_or(&0)) + 1;
        let (p, q) = (
            pre.get(i).copied().unwrap_or(0),
            pow.get(i).copied().unwrap_or(1),
        );
        if let Some(x) = pre.get_mut(i + 1) {
            *x = p.wrapping_mul(B).wrapping_add(c);
        }
        if let Some(x) = pow.get_mut(i + 1) {
            *x = q.wrapping_mul(B);
        }
    }
    let pre_at = |i: usize| pre.get(i).copied().unwrap_or(0);
    let pow_at = |i: usize| pow.get(i).copied().unwrap_or(1);
    // Hash of s[i..j].
    let range = |i: usize, j: usize| pre_at(j).wrapping_sub(pre_at(i).wrapping_mul(pow_at(j - i)));
    each(pre_at(n));
    if k == 0 || n <= 2 {
        return;
    }
    for a in 0..n {
        // s[..a] ++ s[a+1..]
        let h1 = pre_at(a)
            .wrapping_mul(pow_at(n - a - 1))
            .wrapping_add(range(a + 1, n));
        each(h1);
        if k >= 2 && n > 3 {
            for b in (a + 1)..n {
                // s[..a] ++ s[a+1..b] ++ s[b+1..]
                let h2 = pre_at(a)
                    .wrapping_mul(pow_at(n - a - 2))
                    .wrapping_add(range(a + 1, b).wrapping_mul(pow_at(n - b - 1)))
                    .wrapping_add(range(b + 1, n));
                each(h2);
            }
        }
    }
}

impl BrandIndex {
    pub fn new(brands: Vec<Brand>) -> BrandIndex {
        let mut idx = BrandIndex {
            brands,
            ..BrandIndex::default()
        };
        let mut seen_targets: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
        for (i, b) in idx.brands.iter().enumerate() {
            for d in &b.domains {
                idx.by_domain.entry(d.clone()).or_insert(i);
                idx.by_dotted
                    .entry(d.replace('-', "."))
                    .or_insert((i, d.clone()));
                let split = crate::domain::split(d);
                let suffix = d.get(split.suffix_start..).unwrap_or("").to_string();
                let label = d.get(..split.suffix_start.saturating_sub(1)).unwrap_or("");
                let label = label.rsplit('.').next().unwrap_or(label).to_string();
                if label.len() >= 3 && seen_targets.insert(format!("{label}/{suffix}")) {
                    idx.targets.push(Target {
                        text: label,
                        brand: i,
                        domain: d.clone(),
                        suffix,
                    });
                }
            }
            for w in &b.words {
                idx.by_word.entry(w.clone()).or_insert(i);
                if !idx.word_lengths.contains(&w.len()) {
                    idx.word_lengths.push(w.len());
                }
                if w.len() >= 5 && seen_targets.insert(format!("{w}/")) {
                    let domain = b.domains.first().cloned().unwrap_or_default();
                    idx.targets.push(Target {
                        text: w.clone(),
                        brand: i,
                        domain,
                        suffix: String::new(),
                    });
                }
            }
        }
        idx.word_lengths.sort_unstable();
        for t in &mut idx.targets {
            // Index the form the candidates are compared in (`rn` read as `m`, ...).
            t.text = crate::signals::unconfuse(&t.text);
        }
        for (ti, t) in idx.targets.iter().enumerate() {
            let ti = ti as u32;
            idx.target_exact.entry(t.text.clone()).or_default().push(ti);
            let deletions = &mut idx.deletions;
            deletion_hashes(t.text.as_bytes(), max_edits(t.text.len()), |h| {
                deletions.push((h, ti))
            });
        }
        idx.deletions.sort_unstable();
        idx.deletions.dedup();
        let mut i = 0;
        while let Some(&(h, _)) = idx.deletions.get(i) {
            let run = idx
                .deletions
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|(k, _)| *k == h)
                .count();
            idx.deletion_runs.insert(h, (i as u32, run as u32));
            i += run;
        }
        let lens = idx.targets.iter().map(|t| t.text.len());
        idx.target_len = (lens.clone().min().unwrap_or(0), lens.max().unwrap_or(0));
        idx
    }

    /// Targets sharing a deletion-neighbourhood key.
    pub fn by_deletion(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let start = self.deletions.partition_point(|(k, _)| *k < h);
        self.deletions
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |(k, _)| *k == h)
            .map(|(_, t)| *t)
    }

    pub fn get(&self, i: usize) -> Option<&Brand> {
        self.brands.get(i)
    }

    /// The brand owning this registrable domain.
    pub fn owner(&self, registrable: &str) -> Option<usize> {
        self.by_domain.get(registrable).copied()
    }

    pub fn target(&self, i: u32) -> Option<&Target> {
        self.targets.get(i as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(s: &str, k: usize) -> Vec<u64> {
        let mut v = Vec::new();
        deletion_hashes(s.as_bytes(), k, |h| v.push(h));
        v
    }

    #[test]
    fn deletion_hashes_meet_in_the_middle() {
        // amazon and amazom share `amazo`; kuronekoyamato with two letters dropped is found.
        let a = hashes("amazon", 1);
        assert!(hashes("amazom", 1).iter().any(|h| a.contains(h)));
        let k = hashes("kuronekoyamato", 2);
        assert!(hashes("kuronekoyamat", 1).iter().any(|h| k.contains(h)));
        assert_eq!(hashes("abc", 0), hashes("abc", 0));
        assert!(!hashes("zzzzzz", 1).iter().any(|h| a.contains(h)));
    }
}
