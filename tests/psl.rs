//! The Public Suffix List compiled in by build.rs (`linkguard::domain::split`) against the
//! reference implementation, the `publicsuffix` crate, built from the very same list text.
//!
//! 1. The official conformance file `tests/psl_tests.txt` (checkPublicSuffix lines).
//! 2. Every host of the evaluation data in `../shared/data` (JPCERT URLs, Chromium's top domains,
//!    benign URLs, lookalike permutations): registrable domain, public suffix and section
//!    (ICANN / private / not listed) must match exactly. Skipped, with a note, when the data is
//!    absent.
//!
//! Deliberate differences, all outside what the checker ever hands to `split`:
//! - `split` takes a host as `linkguard::parse::parse` produces it: lower-case ASCII (punycode),
//!   no empty label, no trailing dot. The conformance file also feeds mixed case, Unicode and
//!   leading dots; we lower-case and punycode the input as the URL parser does, and a host with an
//!   empty label (`.com`) is rejected before any lookup, so its expected result (null) is checked
//!   on the parser instead.
//! - `publicsuffix` walks its rule trie without backtracking: where a node has both an exact child
//!   and a wildcard (`*.cloud.int.apple` next to `*.r.cloud.int.apple`), it follows the exact
//!   child `r` only and misses that `*.cloud.int.apple` matches `r.cloud.int.apple`. The PSL
//!   algorithm ("the prevailing rule is the matching rule with the most labels") makes
//!   `r.cloud.int.apple` a public suffix; `publicsuffix` answers `int.apple`. We follow the
//!   algorithm. So every host is also checked against `by_the_book`, a direct transcription of the
//!   algorithm at publicsuffix.org/list/ written here, and a difference with `publicsuffix` is
//!   accepted only where `publicsuffix` itself disagrees with that transcription; such hosts are
//!   counted and printed.
//! - Hosts on a TLD the list does not know (`example.example`): both the PSL algorithm ("if no
//!   rules match, the prevailing rule is `*`") and `publicsuffix` (its implicit wildcard) take
//!   the last label as the suffix, so the registrable domain is `example.example`. We agree; the
//!   only difference is the label of the section: `publicsuffix` says `typ() == None`, we say
//!   `SuffixKind::Unknown`, and the test maps one to the other.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use linkguard::domain::{split, SuffixKind};
use linkguard::parse::{parse, HostKind};
use publicsuffix::{List, Psl, Type};

fn reference() -> List {
    include_str!("../src/data/public_suffix_list.dat")
        .parse()
        .expect("publicsuffix parses the embedded list")
}

/// What both sides are compared on: (public suffix, registrable domain, section).
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    suffix: String,
    registrable: Option<String>,
    kind: SuffixKind,
}

fn ours(host: &str) -> Answer {
    let s = split(host);
    Answer {
        suffix: host[s.suffix_start..].to_string(),
        registrable: s.registrable_start.map(|i| host[i..].to_string()),
        kind: s.kind,
    }
}

fn theirs(list: &List, host: &str) -> Answer {
    let suffix = list
        .suffix(host.as_bytes())
        .expect("a non-empty host has a suffix");
    let kind = match suffix.typ() {
        Some(Type::Icann) => SuffixKind::Icann,
        Some(Type::Private) => SuffixKind::Private,
        None => SuffixKind::Unknown,
    };
    Answer {
        suffix: String::from_utf8(suffix.as_bytes().to_vec()).unwrap(),
        registrable: list
            .domain(host.as_bytes())
            .map(|d| String::from_utf8(d.as_bytes().to_vec()).unwrap()),
        kind,
    }
}

/// The kind of a rule line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Rule {
    Normal,
    Wildcard,
    Exception,
}

/// The list as a plain map: (rule name in ASCII without `*.`/`!`, kind) → section.
struct Book(HashMap<(String, Rule), SuffixKind>);

fn book() -> Book {
    let mut map = HashMap::new();
    let mut section = SuffixKind::Icann;
    for line in include_str!("../src/data/public_suffix_list.dat").lines() {
        if line.contains("===BEGIN PRIVATE DOMAINS===") {
            section = SuffixKind::Private;
        }
        let rule = line.split_whitespace().next().unwrap_or("");
        if rule.is_empty() || rule.starts_with("//") {
            continue;
        }
        let (name, kind) = if let Some(r) = rule.strip_prefix("*.") {
            (r, Rule::Wildcard)
        } else if let Some(r) = rule.strip_prefix('!') {
            (r, Rule::Exception)
        } else {
            (rule, Rule::Normal)
        };
        map.insert((to_ascii(name), kind), section);
    }
    Book(map)
}

/// The algorithm of publicsuffix.org/list/ ("Formal algorithm"), step by step, on a valid
/// lower-case ASCII host.
fn by_the_book(b: &Book, host: &str) -> Answer {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let suffix_of = |k: usize| labels[n - k..].join(".");
    // 1. Every matching rule, as (labels in the rule, is exception, section).
    let mut matches: Vec<(usize, bool, SuffixKind)> = Vec::new();
    for k in 1..=n {
        let cand = suffix_of(k);
        if let Some(&sec) = b.0.get(&(cand.clone(), Rule::Normal)) {
            matches.push((k, false, sec));
        }
        if let Some(&sec) = b.0.get(&(cand.clone(), Rule::Exception)) {
            matches.push((k, true, sec));
        }
        if k >= 2 {
            if let Some(&sec) = b.0.get(&(suffix_of(k - 1), Rule::Wildcard)) {
                matches.push((k, false, sec));
            }
        }
    }
    // 2.–5. No match: `*`. An exception wins, minus its leftmost label. Otherwise the most labels.
    let (k, kind) = if let Some(&(k, _, sec)) = matches.iter().filter(|m| m.1).max_by_key(|m| m.0) {
        (k - 1, sec)
    } else if let Some(&(k, _, sec)) = matches.iter().max_by_key(|m| m.0) {
        (k, sec)
    } else {
        (1, SuffixKind::Unknown)
    };
    // 6.–7. The suffix, and the registrable domain: one more label.
    Answer {
        suffix: suffix_of(k),
        registrable: (n > k).then(|| suffix_of(k + 1)),
        kind,
    }
}

/// Ours must equal the algorithm; `publicsuffix` must too, except where it is the one that
/// departs from the algorithm (returned as `Err` with a description, for counting).
fn compare(list: &List, b: &Book, host: &str) -> Result<(), String> {
    let (mine, book, reference) = (ours(host), by_the_book(b, host), theirs(list, host));
    assert_eq!(
        mine, book,
        "{host}: differs from the PSL algorithm (publicsuffix: {reference:?})"
    );
    if reference == mine {
        Ok(())
    } else {
        Err(format!(
            "{host}: ours/algorithm {mine:?}, publicsuffix {reference:?}"
        ))
    }
}

/// The conformance file: `checkPublicSuffix('input', 'expected')` or `null` on either side.
fn conformance_cases() -> Vec<(Option<String>, Option<String>)> {
    let text = include_str!("psl_tests.txt");
    let arg = |s: &str| -> Option<String> {
        let s = s.trim();
        (s != "null").then(|| s.trim_matches('\'').to_string())
    };
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("checkPublicSuffix("))
        .filter_map(|l| l.strip_suffix(");"))
        .map(|args| {
            let (a, b) = args.split_once(',').expect("two arguments");
            (arg(a), arg(b))
        })
        .collect()
}

fn to_ascii(s: &str) -> String {
    idna::domain_to_ascii(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
}

#[test]
fn official_conformance_file() {
    let list = reference();
    let b = book();
    let cases = conformance_cases();
    assert!(cases.len() > 60, "only {} cases parsed", cases.len());
    let mut checked = 0;
    for (input, expected) in cases {
        let Some(input) = input else {
            continue; // null input: nothing to look up.
        };
        let lower = input.to_lowercase();
        if lower.split('.').any(str::is_empty) {
            // `.com`, `.example.com`: an empty label is not a host. The expected answer is null;
            // the parser refuses such hosts, so no lookup ever happens.
            assert_eq!(expected, None, "{input}");
            assert!(
                parse(&format!("https://{input}/")).is_err(),
                "{input}: the parser accepted a host with an empty label"
            );
            assert_eq!(
                linkguard::check(&format!("https://{input}/")).level,
                linkguard::Level::Invalid
            );
            continue;
        }
        let host = to_ascii(&lower);
        let got = ours(&host);
        let want = expected.as_deref().map(to_ascii);
        assert_eq!(got.registrable, want, "{input} (as {host})");
        assert_eq!(
            got,
            theirs(&list, &host),
            "{input}: differs from publicsuffix"
        );
        assert_eq!(
            got,
            by_the_book(&b, &host),
            "{input}: differs from the PSL algorithm"
        );
        checked += 1;
    }
    assert!(checked > 60, "{checked}");
}

#[test]
fn sections_and_japanese_suffixes() {
    let list = reference();
    let b = book();
    for (host, reg, kind) in [
        (
            "www2.jcom.co.jp.login.vkia.cn",
            Some("vkia.cn"),
            SuffixKind::Icann,
        ),
        (
            "www.city.shinjuku.lg.jp",
            Some("shinjuku.lg.jp"),
            SuffixKind::Icann,
        ),
        ("a.b.c.kobe.jp", Some("b.c.kobe.jp"), SuffixKind::Icann),
        ("www.city.kobe.jp", Some("city.kobe.jp"), SuffixKind::Icann),
        (
            "foo.duckdns.org",
            Some("foo.duckdns.org"),
            SuffixKind::Private,
        ),
        (
            "x.y.workers.dev",
            Some("y.workers.dev"),
            SuffixKind::Private,
        ),
        (
            "user.github.io",
            Some("user.github.io"),
            SuffixKind::Private,
        ),
        ("github.io", None, SuffixKind::Private),
        ("duckdns.org", None, SuffixKind::Private),
        ("duckdns.org.evil.cn", Some("evil.cn"), SuffixKind::Icann),
        ("co.jp", None, SuffixKind::Icann),
        ("a.b.example", Some("b.example"), SuffixKind::Unknown),
        ("localhost", None, SuffixKind::Unknown),
    ] {
        let got = ours(host);
        assert_eq!(got.registrable.as_deref(), reg, "{host}");
        assert_eq!(got.kind, kind, "{host}");
        assert_eq!(
            got,
            theirs(&list, host),
            "{host}: differs from publicsuffix"
        );
        assert_eq!(
            got,
            by_the_book(&b, host),
            "{host}: differs from the PSL algorithm"
        );
    }
}

/// Every rule of the list, and a name under it, answers as the reference does. This walks the
/// whole table, including wildcard and exception rules and the Unicode rules in punycode form.
#[test]
fn every_rule_of_the_list() {
    let list = reference();
    let b = book();
    let mut n = 0;
    let mut reference_departs = Vec::new();
    for line in include_str!("../src/data/public_suffix_list.dat").lines() {
        let rule = line.split_whitespace().next().unwrap_or("");
        if rule.is_empty() || rule.starts_with("//") {
            continue;
        }
        let name = rule.trim_start_matches("*.").trim_start_matches('!');
        let ascii = to_ascii(name);
        for host in [
            ascii.clone(),
            format!("x.{ascii}"),
            format!("www.x.{ascii}"),
            format!("a.b.x.{ascii}"),
        ] {
            if let Err(d) = compare(&list, &b, &host) {
                reference_departs.push(d);
            }
        }
        n += 1;
    }
    assert!(n > 5000, "only {n} rules");
    println!(
        "{n} rules, {} hosts where publicsuffix departs from the PSL algorithm (we follow the algorithm):",
        reference_departs.len()
    );
    for d in &reference_departs {
        println!("  {d}");
    }
    // The known case: exact children next to a wildcard (`*.cloud.int.apple`, `*.r.cloud.int.apple`).
    assert!(reference_departs.len() < 100, "{}", reference_departs.len());
}

fn data_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.join("jpcert-dev.csv").is_file() {
        Some(dir)
    } else {
        println!(
            "note: {} not found; evaluation-data hosts skipped",
            dir.display()
        );
        None
    }
}

/// Every distinct domain host the checker would look up for the inputs in the data sets.
fn data_hosts(dir: &Path) -> BTreeSet<String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let mut inputs: Vec<String> = Vec::new();
    inputs.extend(linkguard::dataset::jpcert_urls(&read("jpcert-dev.csv")));
    inputs.extend(read("chromium-top-domains.txt").lines().map(String::from));
    inputs.extend(
        read("benign-urls.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(String::from),
    );
    inputs.extend(
        read("lookalikes.tsv")
            .lines()
            .skip(1)
            .flat_map(|l| l.split('\t').map(String::from).collect::<Vec<_>>())
            .filter(|f| f.contains('.')),
    );
    inputs.extend(read("brand-domains.tsv").lines().flat_map(|l| {
        l.split('\t')
            .filter(|f| f.contains('.') && !f.contains(' '))
            .map(String::from)
            .collect::<Vec<_>>()
    }));
    let mut hosts = BTreeSet::new();
    for input in inputs {
        if let Ok(p) = parse(input.trim()) {
            if let HostKind::Domain(d) = p.host {
                hosts.insert(d);
            }
        }
    }
    hosts
}

#[test]
fn every_host_of_the_evaluation_data() {
    let Some(dir) = data_dir() else {
        return;
    };
    let list = reference();
    let b = book();
    let hosts = data_hosts(&dir);
    assert!(
        hosts.len() > 100_000,
        "only {} hosts read from {}",
        hosts.len(),
        dir.display()
    );
    let mut differ = Vec::new();
    let mut kinds = [0usize; 3];
    for h in &hosts {
        kinds[ours(h).kind as usize] += 1;
        if let Err(d) = compare(&list, &b, h) {
            differ.push(d);
        }
    }
    println!(
        "{} distinct hosts: {} icann, {} private, {} unlisted TLD; all as the PSL algorithm; \
         publicsuffix departs from it on {}",
        hosts.len(),
        kinds[0],
        kinds[1],
        kinds[2],
        differ.len()
    );
    for d in &differ {
        println!("  {d}");
    }
}
