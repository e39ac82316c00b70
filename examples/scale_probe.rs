//! Does the cost of a check grow with the protected-brand list? Wall time says a little (cache
//! misses in a bigger index, and it swings with the machine's load); instruction counts say
//! whether any work scales with the list. Judges 2,000 JPCERT URLs (an even spread) with the
//! shipped brands plus N synthetic ones (the benchmark's), or with `shipped`, the default checker
//! on the built-in tables (the product's path, the one to compare with `parse`):
//!
//! ```sh
//! cargo build --release --example scale_probe
//! for n in shipped 0 100000; do
//!   valgrind --tool=callgrind --toggle-collect='*scale_probe*judge_all*' \
//!     --callgrind-out-file=/tmp/scale-$n.out target/release/examples/scale_probe $n
//! done   # "Collected" on stderr = instructions spent judging
//! ```
#![allow(clippy::indexing_slicing)] // test support code (tests/support) indexes freely

use linkguard::{brands, Checker, Settings};

#[path = "../tests/support/rng.rs"]
mod rng;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;

/// The same URLs through plain `url::Url::parse` (argument `parse`): the baseline the issue
/// measures check() against, as an instruction count (`--toggle-collect='*scale_probe*parse_all*'`).
#[inline(never)]
fn parse_all(urls: &[String]) -> usize {
    urls.iter()
        .filter(|u| url::Url::parse(u).is_ok_and(|p| !p.as_str().is_empty()))
        .count()
}

#[inline(never)]
fn judge_all(c: &Checker, urls: &[String]) -> usize {
    urls.iter().map(|u| c.check(u).reasons.len()).sum()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let extra: usize = arg.parse().unwrap_or(0);
    let dir = std::env::var("LINKGUARD_DATA")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").to_string());
    let data = std::fs::read_to_string(format!("{dir}/jpcert-dev.csv"))?;
    let all: Vec<String> = linkguard::dataset::jpcert_urls(&data).collect();
    let n = all.len().min(2000);
    let urls: Vec<String> = (0..n)
        .filter_map(|i| all.get(i * all.len() / n).cloned())
        .collect();
    if arg == "parse" {
        println!("{} URLs: {} parsed", urls.len(), parse_all(&urls));
        return Ok(());
    }
    // `shipped`: the default checker, `Checker::new()`, on the tables built into the crate (what
    // `linkguard::check` and the extension use). A number: the shipped list laid out at run time
    // plus that many synthetic brands (how a longer list scales).
    if arg == "shipped" {
        let c = Checker::new();
        println!(
            "{} URLs, shipped tables: {} reasons",
            urls.len(),
            judge_all(&c, &urls)
        );
        return Ok(());
    }
    let mut list = brands::shipped()?;
    list.extend(synthetic::synthetic_brands(extra, 0x5EED ^ extra as u64));
    let c = Checker::with_brands(list, &Settings::default());
    println!(
        "{} URLs, {} brands: {} reasons",
        urls.len(),
        brands::shipped()?.len() + extra,
        judge_all(&c, &urls)
    );
    Ok(())
}
