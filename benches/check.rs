//! `cargo bench --bench check`: how fast the checker is, next to plain URL parsing.
//!
//! 1. `url::Url::parse` and `Checker::check` over the same inputs in one process (the URL column
//!    of ../shared/data/jpcert-dev.csv, or a small built-in set when the data is absent): ns per
//!    URL, median of several timed passes after a warm-up pass, and the ratio check / parse
//!    (goal: ≤ 3×).
//! 2. `Checker::new()`: the start-up cost paid on every wake of Chrome's service worker.
//! 3. Scaling: checkers over the shipped brands plus 1k, 10k and 100k synthetic brands
//!    (`Checker::with_brands`): if every signal is an index lookup, ns/URL stays flat.
//!
//! Environment: `LINKGUARD_BENCH_URLS=N` caps the number of URLs (default: all),
//! `LINKGUARD_BENCH_REPS=N` sets the timed passes (default 7), `LINKGUARD_DATA=DIR` the data dir,
//! `LINKGUARD_BENCH_SCALE=0` skips the scaling table (for profiling the main pass with `perf`),
//! `LINKGUARD_BENCH_SCALE_URLS=N` sets the inputs of the scaling table (default 5,000).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use linkguard::brands;
use linkguard::{Checker, Settings};

/// Used when ../shared/data is absent: typical shapes of reported phishing and of real sites.
const BUILTIN: &[&str] = &[
    "https://www2.jcom.co.jp.login.vkia.cn/",
    "https://www.jcom.co.jp/",
    "http://c.myjcom.jp.xukwv.com/login",
    "https://www.aeon.co.jp.iksyst.com/",
    "www.jcam.co.jq.zwzfw.com",
    "https://jocm-co-jp.youiyoi.com/",
    "https://xxx.co.jp-admin.top/",
    "https://au-pay-auoneo.jwcnfl.cn/",
    "https://myjcom-zaq.app/",
    "https://amazonventure0.com/ap/signin",
    "https://ipnnzqat.cn/jabank",
    "https://abc123.duckdns.org/smbc/",
    "https://x-y.workers.dev/",
    "https://href.li/?https://c.myjcom.jp.xukwv.com/",
    "htps://pocketcard.co.jp.x.com/",
    "http://3232235777/login",
    "https://www.amazon.co.jp/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.co.jp%2F",
    "https://login.microsoftonline.com/common/oauth2/authorize",
    "https://trackings.post.japanpost.jp/services/srv/search/",
    "https://www.city.shinjuku.lg.jp/",
    "https://user.github.io/project/",
    "https://www.smbc-card.com/mem/index.jsp",
    "https://xn--80ak6aa92e.com/",
    "https://www.jcom.co.jp@evil.example/",
];

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.parse().ok()
}

fn data_dir() -> PathBuf {
    std::env::var_os("LINKGUARD_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

fn load_urls() -> (Vec<String>, String) {
    let path = data_dir().join("jpcert-dev.csv");
    let mut urls: Vec<String> = match std::fs::read_to_string(&path) {
        Ok(text) => linkguard::dataset::jpcert_urls(&text).collect(),
        Err(_) => Vec::new(),
    };
    let source = if urls.is_empty() {
        urls = BUILTIN.iter().map(|s| s.to_string()).collect();
        format!("built-in set ({} not found)", path.display())
    } else {
        format!("{}", path.display())
    };
    if let Some(n) = env_usize("LINKGUARD_BENCH_URLS") {
        urls.truncate(n.max(1));
    }
    (urls, source)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

/// One warm-up pass, then `reps` timed passes; returns the median ns per item and the spread.
fn time_per_item(reps: usize, n: usize, mut pass: impl FnMut() -> u64) -> (f64, f64, f64) {
    black_box(pass());
    let mut xs = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Instant::now();
        black_box(pass());
        xs.push(t.elapsed().as_nanos() as f64 / n as f64);
    }
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(0.0, f64::max);
    (median(xs), lo, hi)
}

fn parse_pass(urls: &[String]) -> u64 {
    let mut ok = 0u64;
    for u in urls {
        if let Ok(p) = url::Url::parse(black_box(u)) {
            ok += p.as_str().len() as u64;
        }
    }
    ok
}

fn check_pass(c: &Checker, urls: &[String]) -> u64 {
    let mut sum = 0u64;
    for u in urls {
        let v = c.check(black_box(u));
        sum += v.score as u64 + v.reasons.len() as u64;
    }
    sum
}

#[path = "../tests/support/rng.rs"]
mod rng;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;
use synthetic::synthetic_brands;

fn fmt_ns(ns: f64) -> String {
    if ns >= 100_000.0 {
        format!("{:.0} µs", ns / 1000.0)
    } else if ns >= 10_000.0 {
        format!("{:.1} µs", ns / 1000.0)
    } else {
        format!("{ns:.0} ns")
    }
}

fn main() {
    // `cargo bench` passes `--bench`; no other arguments are taken.
    let reps = env_usize("LINKGUARD_BENCH_REPS").unwrap_or(7).max(1);
    let (urls, source) = load_urls();
    let n = urls.len();
    let parse_ok = urls.iter().filter(|u| url::Url::parse(u).is_ok()).count();

    println!("linkguard bench — {n} inputs from {source}");
    println!(
        "  ({parse_ok} of them parse as-is with url::Url::parse; check() repairs and judges all)"
    );
    println!("  median of {reps} timed passes after 1 warm-up pass; [min … max]\n");

    // --- 1. check vs parse
    let checker = Checker::new();
    let (p_med, p_lo, p_hi) = time_per_item(reps, n, || parse_pass(&urls));
    let (c_med, c_lo, c_hi) = time_per_item(reps, n, || check_pass(&checker, &urls));
    println!(
        "{:<28} {:>10}   [{} … {}]",
        "url::Url::parse",
        fmt_ns(p_med),
        fmt_ns(p_lo),
        fmt_ns(p_hi)
    );
    println!(
        "{:<28} {:>10}   [{} … {}]",
        "Checker::check",
        fmt_ns(c_med),
        fmt_ns(c_lo),
        fmt_ns(c_hi)
    );
    let ratio = c_med / p_med;
    println!(
        "{:<28} {:>9.2}×   (goal ≤ 3×: {})",
        "ratio check / parse",
        ratio,
        if ratio <= 3.0 { "met" } else { "NOT met" }
    );

    // --- 2. start-up
    let init_reps = 31;
    let mut xs = Vec::with_capacity(init_reps);
    black_box(Checker::new());
    for _ in 0..init_reps {
        let t = Instant::now();
        black_box(Checker::new());
        xs.push(t.elapsed().as_nanos() as f64);
    }
    let shipped = brands::shipped().expect("shipped brand table parses");
    println!(
        "{:<28} {:>10}   (median of {init_reps}; {} shipped brands)\n",
        "Checker::new()",
        fmt_ns(median(xs)),
        shipped.len()
    );

    // --- 3. scaling with the brand list size
    if std::env::var("LINKGUARD_BENCH_SCALE").as_deref() == Ok("0") {
        return;
    }
    let scale_n = n.min(env_usize("LINKGUARD_BENCH_SCALE_URLS").unwrap_or(5_000));
    let sample: Vec<String> = if scale_n == n {
        urls.clone()
    } else {
        // An even spread over the years rather than the first rows.
        (0..scale_n)
            .map(|i| urls[i * n / scale_n].clone())
            .collect()
    };
    let scale_reps = reps.min(5);
    println!("scaling: {scale_n} inputs, median of {scale_reps} passes");
    println!(
        "{:>10} {:>12} {:>12} {:>10}",
        "brands", "build", "check/URL", "vs shipped"
    );
    let mut base = None;
    for extra in [0usize, 1_000, 10_000, 100_000] {
        let mut list = shipped.clone();
        list.extend(synthetic_brands(extra, 0x5EED ^ extra as u64));
        let total = list.len();
        let t = Instant::now();
        let c = Checker::with_brands(list, &Settings::default());
        let build = t.elapsed();
        // Cap the time spent when a size turns out to be slow (a linear scan per URL).
        let probe = Instant::now();
        black_box(check_pass(&c, &sample[..sample.len().min(200)]));
        let per = probe.elapsed() / sample.len().min(200) as u32;
        let reps_here = if per * scale_n as u32 * scale_reps as u32 > Duration::from_secs(60) {
            1
        } else {
            scale_reps
        };
        let (med, _, _) = time_per_item(reps_here, sample.len(), || check_pass(&c, &sample));
        let b = *base.get_or_insert(med);
        println!(
            "{:>10} {:>9.1} ms {:>12} {:>9.2}×{}",
            total,
            build.as_secs_f64() * 1000.0,
            fmt_ns(med),
            med / b,
            if reps_here == 1 {
                "  (1 pass: slow)"
            } else {
                ""
            }
        );
    }
}
