//! Synthetic protected brands for the scaling measurements (benches/check.rs and
//! examples/scale_probe.rs, as a `#[path]` module next to `rng`).

use super::rng::Rng;
use linkguard::brands::Brand;

/// `n` synthetic brands with pronounceable, distinct names (`kanemoritsu`), each with one domain
/// under a common suffix and its name as a host word, shaped like the shipped ones.
pub fn synthetic_brands(n: usize, seed: u64) -> Vec<Brand> {
    const C: &[u8] = b"bcdfghjkmnprstvwyz";
    const V: &[u8] = b"aeiou";
    const SUFFIXES: &[&str] = &[
        "com", "co.jp", "jp", "ne.jp", "or.jp", "net", "bank", "com.cn",
    ];
    let mut rng = Rng(seed | 1);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let syllables = 2 + rng.below(4);
        let mut word = String::new();
        for _ in 0..syllables {
            word.push(C[rng.below(C.len() as u64) as usize] as char);
            word.push(V[rng.below(V.len() as u64) as usize] as char);
        }
        if rng.below(4) == 0 {
            word.push('n');
        }
        if !seen.insert(word.clone()) {
            continue;
        }
        let suffix = SUFFIXES[rng.below(SUFFIXES.len() as u64) as usize];
        let domain = format!("{word}.{suffix}");
        out.push(Brand {
            id: format!("synthetic-{}", out.len()),
            name_en: word.clone(),
            name_ja: word.clone(),
            official_site: format!("https://www.{domain}/"),
            domains: vec![domain],
            hosting: Vec::new(),
            words: vec![word],
            everyday: Vec::new(),
            jpcert_labels: Vec::new(),
            user: false,
        });
    }
    out
}
