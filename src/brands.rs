//! The protected brands (src/data/brands.tsv) and the indexes the signals query.

use std::collections::HashMap;

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

/// Indexes over the brands, built once per checker.
#[derive(Debug, Default)]
pub struct BrandIndex {
    pub brands: Vec<Brand>,
    /// Official registrable domain → brand.
    pub by_domain: HashMap<String, usize>,
    /// Brand word → brand (a word may belong to several brands; the first wins).
    pub by_word: HashMap<String, usize>,
}

impl BrandIndex {
    pub fn new(brands: Vec<Brand>) -> BrandIndex {
        let mut idx = BrandIndex {
            brands,
            ..BrandIndex::default()
        };
        for (i, b) in idx.brands.iter().enumerate() {
            for d in &b.domains {
                idx.by_domain.entry(d.clone()).or_insert(i);
            }
            for w in &b.words {
                idx.by_word.entry(w.clone()).or_insert(i);
            }
        }
        idx
    }

    pub fn get(&self, i: usize) -> Option<&Brand> {
        self.brands.get(i)
    }

    /// The brand owning this registrable domain.
    pub fn owner(&self, registrable: &str) -> Option<usize> {
        self.by_domain.get(registrable).copied()
    }
}
