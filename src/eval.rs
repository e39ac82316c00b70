//! `linkguard eval`: detection and false-positive rates on the evaluation sets in ../shared/data.
//!
//! Rates are given per URL and per registrable domain (a domain counts as flagged when at least
//! half of its URLs are), because a few campaigns contribute thousands of URLs each.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use linkguard::{Checker, Level, Verdict};

#[derive(Debug)]
pub struct Options {
    pub data_dir: PathBuf,
    pub limit: Option<usize>,
    pub show_fp: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            data_dir: PathBuf::from("../shared/data"),
            limit: None,
            show_fp: 15,
        }
    }
}

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// One row of a set: the URL, and for JPCERT rows the year and brand label.
struct Row {
    url: String,
    year: String,
    label: String,
}

#[derive(Default)]
struct Tally {
    n: usize,
    flagged: usize,
    dangerous: usize,
}

impl Tally {
    fn add(&mut self, v: &Verdict) {
        self.n += 1;
        self.flagged += usize::from(v.is_flagged());
        self.dangerous += usize::from(v.is_dangerous());
    }
    fn pct(x: usize, n: usize) -> f64 {
        if n == 0 {
            0.0
        } else {
            100.0 * x as f64 / n as f64
        }
    }
    fn cols(&self) -> String {
        format!(
            "{:>8} {:>7.2}% {:>7.2}%",
            self.n,
            Self::pct(self.flagged, self.n),
            Self::pct(self.dangerous, self.n)
        )
    }
}

struct SetResult {
    name: String,
    per_url: Tally,
    per_domain: Tally,
    verdicts: Vec<(Row, Verdict)>,
}

fn read(path: &Path) -> Res<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn load_jpcert(path: &Path) -> Res<Vec<Row>> {
    let text = read(path)?;
    Ok(linkguard::dataset::jpcert_reports(&text)
        .map(|r| Row {
            year: r.date.get(..4).unwrap_or("?").to_string(),
            url: r.url,
            label: r.brand,
        })
        .collect())
}

fn load_lines(path: &Path, wrap: bool) -> Res<Vec<Row>> {
    let text = read(path)?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| Row {
            url: if wrap {
                format!("https://{l}/")
            } else {
                l.to_string()
            },
            year: String::new(),
            label: String::new(),
        })
        .collect())
}

/// Rarer English and romaji words (scripts/common-words.py) as `https://www.W.co.jp/`,
/// `https://www.W-net.jp/`, `https://www.W.com/` and `https://W.example.jp/`.
fn everyday_names() -> Vec<Row> {
    const WORDS: &str = include_str!("../tests/data/everyday-names.txt");
    const SHAPES: [(&str, &str); 4] = [
        ("https://www.", ".co.jp/"),
        ("https://www.", "-net.jp/"),
        ("https://www.", ".com/"),
        ("https://", ".example.jp/"),
    ];
    WORDS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(|w| {
            SHAPES.map(|(a, b)| Row {
                url: format!("{a}{w}{b}"),
                year: String::new(),
                label: String::new(),
            })
        })
        .collect()
}

fn load_lookalikes(path: &Path) -> Res<Vec<Row>> {
    let text = read(path)?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut it = l.split('\t');
            let orig = it.next()?;
            let fuzzer = it.next()?;
            let perm = it.next()?;
            (perm != orig).then(|| Row {
                url: format!("https://{perm}/"),
                year: fuzzer.to_string(),
                label: orig.to_string(),
            })
        })
        .collect())
}

fn run_set(checker: &Checker, name: &str, rows: Vec<Row>) -> SetResult {
    let mut per_url = Tally::default();
    let mut domains: HashMap<String, (usize, usize, usize)> = HashMap::new();
    let mut verdicts = Vec::with_capacity(rows.len());
    for row in rows {
        let v = checker.check(&row.url);
        per_url.add(&v);
        let key = v
            .registrable
            .clone()
            .or_else(|| v.host_ascii.clone())
            .unwrap_or_else(|| row.url.clone());
        let e = domains.entry(key).or_default();
        e.0 += 1;
        e.1 += usize::from(v.is_flagged());
        e.2 += usize::from(v.is_dangerous());
        verdicts.push((row, v));
    }
    let mut per_domain = Tally::default();
    for (n, f, d) in domains.values() {
        per_domain.n += 1;
        per_domain.flagged += usize::from(2 * f >= *n);
        per_domain.dangerous += usize::from(2 * d >= *n);
    }
    SetResult {
        name: name.to_string(),
        per_url,
        per_domain,
        verdicts,
    }
}

pub fn run(opts: &Options) -> Res<()> {
    let dir = &opts.data_dir;
    let checker = Checker::new();
    println!(
        "linkguard eval — data {}; {}",
        dir.display(),
        checker.data_version()
    );
    let top: HashSet<String> = load_lines(&dir.join("chromium-top-domains.txt"), false)?
        .into_iter()
        .map(|r| r.url)
        .collect();
    let limit = |mut v: Vec<Row>| {
        if let Some(n) = opts.limit {
            v.truncate(n);
        }
        v
    };
    let sets = vec![
        run_set(
            &checker,
            "jpcert-dev (phishing)",
            limit(load_jpcert(&dir.join("jpcert-dev.csv"))?),
        ),
        run_set(
            &checker,
            "lookalikes (permutations)",
            limit(load_lookalikes(&dir.join("lookalikes.tsv"))?),
        ),
        run_set(
            &checker,
            "chromium-top-domains (benign)",
            limit(load_lines(&dir.join("chromium-top-domains.txt"), true)?),
        ),
        run_set(
            &checker,
            "benign-urls (benign)",
            limit(load_lines(&dir.join("benign-urls.txt"), false)?),
        ),
        // The same popular sites' sign-in pages, in the two common shapes
        // (`https://www.DOMAIN/login`, `https://login.DOMAIN/`): what a person actually opens
        // on a real site, where a false warning costs most.
        run_set(
            &checker,
            "top sign-in pages (benign)",
            limit(
                load_lines(&dir.join("chromium-top-domains.txt"), false)?
                    .into_iter()
                    .flat_map(|r| {
                        [
                            format!("https://www.{}/login", r.url),
                            format!("https://login.{}/", r.url),
                        ]
                        .map(|url| Row {
                            url,
                            year: String::new(),
                            label: String::new(),
                        })
                    })
                    .collect(),
            ),
        ),
        // Ordinary words as sites' names (tests/data/everyday-names.txt, compiled in): false
        // warnings on names nobody listed, in the shapes Japanese sites take.
        run_set(&checker, "everyday names (benign)", limit(everyday_names())),
    ];

    println!(
        "\n{:<32} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}",
        "set", "urls", "flagged", "danger", "domains", "flagged", "danger"
    );
    for s in &sets {
        println!(
            "{:<32} {}   {}",
            s.name,
            s.per_url.cols(),
            s.per_domain.cols()
        );
    }

    if let Some(j) = sets.first() {
        jpcert_breakdown(j, &checker, &top);
    }
    if let Some(l) = sets.get(1) {
        let mut by_fuzzer: HashMap<&str, Tally> = HashMap::new();
        for (row, v) in &l.verdicts {
            by_fuzzer.entry(row.year.as_str()).or_default().add(v);
        }
        let mut f: Vec<_> = by_fuzzer.into_iter().collect();
        f.sort_by_key(|(k, _)| *k);
        println!("\nlookalikes by fuzzer:            urls flagged  danger");
        for (k, t) in f {
            println!("  {:<28} {}", k, t.cols());
        }
        misses(l, 10);
    }
    for s in sets.iter().skip(2) {
        worst_fp(s, opts.show_fp);
    }
    Ok(())
}

fn jpcert_breakdown(j: &SetResult, checker: &Checker, top: &HashSet<String>) {
    let mut years: HashMap<&str, Tally> = HashMap::new();
    let mut brands: HashMap<&str, (Tally, usize)> = HashMap::new();
    let mut reasons: HashMap<&str, usize> = HashMap::new();
    let mut platform = Tally::default();
    let mut rest = Tally::default();
    let label_to_brand: HashMap<&str, &str> = checker
        .brands()
        .iter()
        .flat_map(|b| {
            b.jpcert_labels
                .iter()
                .map(move |l| (l.as_str(), b.id.as_str()))
        })
        .collect();
    for (row, v) in &j.verdicts {
        years.entry(row.year.as_str()).or_default().add(v);
        let e = brands.entry(row.label.as_str()).or_default();
        e.0.add(v);
        let want = label_to_brand.get(row.label.as_str());
        if want.is_some() && v.brand.as_ref().map(|b| b.id.as_str()) == want.copied() {
            e.1 += 1;
        }
        if v.is_flagged() {
            for r in &v.reasons {
                if r.weight > 0 {
                    *reasons.entry(r.code.as_str()).or_default() += 1;
                }
            }
        }
        let on_platform = v.registrable.as_deref().is_some_and(|d| top.contains(d));
        if on_platform {
            platform.add(v)
        } else {
            rest.add(v)
        }
    }
    let mut y: Vec<_> = years.into_iter().collect();
    y.sort_by_key(|(k, _)| *k);
    println!("\njpcert-dev by year:               urls flagged  danger");
    for (k, t) in y {
        println!("  {:<28} {}", k, t.cols());
    }
    println!("\njpcert-dev by hosting:");
    println!("  {:<28} {}", "on a top domain (platform)", platform.cols());
    println!("  {:<28} {}", "elsewhere", rest.cols());
    let mut b: Vec<_> = brands.into_iter().collect();
    b.sort_by_key(|x| std::cmp::Reverse(x.1 .0.n));
    println!("\njpcert-dev by brand (top 40):    urls flagged  danger  brand-named");
    for (k, (t, named)) in b.iter().take(40) {
        println!(
            "  {:<28} {} {:>7.2}%",
            truncate(k, 28),
            t.cols(),
            Tally::pct(*named, t.n)
        );
    }
    let mut r: Vec<_> = reasons.into_iter().collect();
    r.sort_by_key(|a| std::cmp::Reverse(a.1));
    println!("\njpcert-dev most frequent reasons (flagged URLs):");
    for (k, n) in r.iter().take(20) {
        println!("  {:<28} {:>8}", k, n);
    }
    unlisted_brands(j, checker, &label_to_brand);
    misses(j, 25);
}

/// How the checker does on a brand it does not list: the reports of each of the 20 most
/// reported listed brands, judged again by a checker whose brand list lacks that one brand (the
/// other brands and every generic signal stay). Next to it, the reports whose brand is in no
/// row of the list at all. Both stand in for the brands of reports not seen yet.
fn unlisted_brands(j: &SetResult, checker: &Checker, label_to_brand: &HashMap<&str, &str>) {
    let mut by_brand: HashMap<&str, Vec<&(Row, Verdict)>> = HashMap::new();
    let mut unlisted = Tally::default();
    for rv in &j.verdicts {
        match label_to_brand.get(rv.0.label.as_str()) {
            Some(id) => by_brand.entry(id).or_default().push(rv),
            None => unlisted.add(&rv.1),
        }
    }
    let mut order: Vec<_> = by_brand.into_iter().collect();
    order.sort_by_key(|(id, rows)| (std::cmp::Reverse(rows.len()), *id));
    println!("\njpcert-dev, brand as if unlisted:  urls flagged  unlisted");
    let (mut with, mut without) = (Tally::default(), Tally::default());
    for (id, rows) in order.iter().take(20) {
        let rest = checker
            .brands()
            .iter()
            .filter(|b| b.id != *id)
            .cloned()
            .collect();
        let blind = Checker::with_brands(rest, &linkguard::Settings::default());
        let (mut a, mut b) = (Tally::default(), Tally::default());
        for (row, v) in rows {
            a.add(v);
            b.add(&blind.check(&row.url));
        }
        println!(
            "  {:<28} {:>8} {:>7.2}% {:>7.2}%",
            id,
            a.n,
            Tally::pct(a.flagged, a.n),
            Tally::pct(b.flagged, b.n)
        );
        for (t, x) in [(&mut with, &a), (&mut without, &b)] {
            t.n += x.n;
            t.flagged += x.flagged;
            t.dangerous += x.dangerous;
        }
    }
    println!(
        "  {:<28} {:>8} {:>7.2}% {:>7.2}%",
        "these 20 together",
        with.n,
        Tally::pct(with.flagged, with.n),
        Tally::pct(without.flagged, without.n)
    );
    println!(
        "  {:<28} {:>8} {:>7.2}%   (brand in no row of the list)",
        "reports of other brands",
        unlisted.n,
        Tally::pct(unlisted.flagged, unlisted.n)
    );
}

fn misses(s: &SetResult, n: usize) {
    println!("\n{}: sample of misses (safe):", s.name);
    let step = (s.verdicts.len() / 997).max(1);
    s.verdicts
        .iter()
        .step_by(step)
        .filter(|(_, v)| v.level == Level::Safe)
        .take(n)
        .for_each(|(row, v)| {
            println!(
                "  {:<70} {:>3} {}",
                truncate(&row.url, 70),
                v.score,
                v.codes().join(",")
            );
        });
}

fn worst_fp(s: &SetResult, n: usize) {
    let mut fps: Vec<_> = s.verdicts.iter().filter(|(_, v)| v.is_flagged()).collect();
    fps.sort_by_key(|a| std::cmp::Reverse(a.1.score));
    println!(
        "\n{}: worst false positives ({} flagged):",
        s.name,
        fps.len()
    );
    for (row, v) in fps.iter().take(n) {
        println!(
            "  {:<60} {:>3} {:<10} {}",
            truncate(&row.url, 60),
            v.score,
            v.level.as_str(),
            v.codes().join(",")
        );
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
