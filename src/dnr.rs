//! Chrome declarativeNetRequest rules generated from the brand table (issue 4).
//!
//! Chrome does not wait for a sleeping service worker before it sends a request, so the
//! patterns that must never slip through are compiled at build time into a static ruleset
//! that Chrome applies itself. Only high-precision shapes go here; everything else is left to
//! the wasm engine in the worker:
//!
//! - `embedded`: an official brand domain followed by more labels
//!   (`www2.jcom.co.jp.login.vkia.cn`, `login-jcom.co.jp.example.com`);
//! - `hyphenated`: an official domain spelt with hyphens (`jcom-co-jp.example`, `jcom.co-jp.example`);
//! - `fake_cojp`: a brand word and a `co.jp` that is not the host's real suffix
//!   (`amazon-login.co.jp-secure.example`).
//!
//! Every rule matches the whole URL (so `\0` is the address the user tried to reach) and
//! redirects main-frame requests to `WARNING_PAGE#url=\0`. Regexes use only the common subset
//! of RE2 and ECMAScript syntax (classes, groups, alternation, counted repetition, anchors), so
//! tests can run them in Node too. An official host (any host under a brand's domain) never
//! matches: the `Pattern::matches_host` reference implementation says so and the tests prove it.

use serde::Serialize;

use crate::brands::Brand;

/// Placeholder for the warning page's origin, replaced by `extension/build.mjs` with
/// `chrome-extension://<id>` (the id is fixed by the manifest `key`).
pub const ORIGIN_PLACEHOLDER: &str = "__EXTENSION_ORIGIN__";

/// Chrome accepts at most this many regex rules per extension (static ruleset).
pub const MAX_REGEX_RULES: usize = 1000;

/// Minimum length of a brand word used by the `fake_cojp` shape: shorter words occur inside
/// too many ordinary hostnames.
const MIN_WORD_LEN: usize = 4;

/// URL start up to the host: scheme, optional userinfo.
const URL_START: &str = r"^https?://(?:[^/?#@]*@)?";
/// Any host prefix ending in a label boundary.
const HOST_PREFIX: &str = r"(?:[a-z0-9_.-]*[.-])?";
/// One host label.
const LABEL: &str = r"[a-z0-9_-]+";
/// After the host part that matched: the rest of the host, port, path, query, fragment.
const REST: &str = r"(?:[.:/?#].*)?$";

/// One declarativeNetRequest rule, in Chrome's JSON shape.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: u32,
    pub priority: u32,
    pub action: serde_json_value::Action,
    pub condition: serde_json_value::Condition,
}

pub mod serde_json_value {
    use serde::Serialize;

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Action {
        #[serde(rename = "type")]
        pub kind: String,
        pub redirect: Option<Redirect>,
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Redirect {
        pub regex_substitution: String,
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Condition {
        pub regex_filter: String,
        pub resource_types: Vec<String>,
        /// Chrome's default is case-insensitive already; stated for readers of the JSON.
        pub is_url_filter_case_sensitive: bool,
    }
}

/// The shape a rule looks for, kept so that tests can compare the regex with a plain
/// host-based implementation. Each rule covers several domains or words (an alternation), so
/// that a few hundred brands stay well under Chrome's 1,000 regex rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// One of `domains` preceded by a label boundary and followed by at least `labels_after` labels.
    Embedded {
        domains: Vec<String>,
        labels_after: usize,
    },
    /// One of `variants` (an official domain with some dots written as hyphens, see
    /// [`hyphen_variants`]) between label boundaries.
    Hyphenated { variants: Vec<String> },
    /// One of `words` somewhere in the host, later a `co.jp` (`co-jp`, `cojp` after a separator)
    /// that is followed by a separator and more host characters.
    FakeCoJp { words: Vec<String> },
}

/// Length budget of one whole regexFilter. Chrome refuses a regex whose compiled program exceeds
/// its memory limit (`isRegexSupported` → memoryLimitExceeded). Measured in Chromium 156 with
/// these shapes: every rule up to 143 characters passed, rules of 144–152 characters failed
/// (the limit depends on the program, not the text; length is the proxy). The browser test asks
/// Chrome about every shipped rule.
const REGEX_BUDGET: usize = 130;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if !c.is_ascii_alphanumeric() && c != '_' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn alternation(items: &[String]) -> String {
    items
        .iter()
        .map(|i| escape(i))
        .collect::<Vec<_>>()
        .join("|")
}

fn is_label_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn boundary_before(host: &str, i: usize) -> bool {
    i == 0 || matches!(host.as_bytes().get(i - 1), Some(b'.') | Some(b'-'))
}

/// The hyphenated spellings of a domain: with up to two dots every mix of dots and hyphens
/// except all dots (`jcom-co-jp`, `jcom.co-jp`, `jcom-co.jp`); longer domains only all hyphens
/// (`metro-tokyo-lg-jp`), which keeps the alternation small.
pub fn hyphen_variants(domain: &str) -> Vec<String> {
    let labels: Vec<&str> = domain.split('.').collect();
    let seps = labels.len().saturating_sub(1);
    if seps == 0 {
        return Vec::new();
    }
    if seps > 2 {
        return vec![labels.join("-")];
    }
    (1..(1usize << seps))
        .map(|mask| {
            let mut s = String::new();
            for (i, l) in labels.iter().enumerate() {
                if i > 0 {
                    s.push(if mask & (1 << (i - 1)) != 0 { '-' } else { '.' });
                }
                s.push_str(l);
            }
            s
        })
        .collect()
}

impl Pattern {
    /// The regexFilter for this pattern (matches the whole URL).
    pub fn regex(&self) -> String {
        match self {
            Pattern::Embedded {
                domains,
                labels_after,
            } => format!(
                "{URL_START}{HOST_PREFIX}(?:{})(?:\\.{LABEL}){{{labels_after}}}{REST}",
                alternation(domains)
            ),
            Pattern::Hyphenated { variants } => format!(
                "{URL_START}{HOST_PREFIX}(?:{})(?:[.:/?#-].*)?$",
                alternation(variants)
            ),
            Pattern::FakeCoJp { words } => format!(
                "{URL_START}[a-z0-9_.-]*(?:{})[a-z0-9_.-]*[.-]co[.-]?jp[.-][a-z0-9_-].*$",
                alternation(words)
            ),
        }
    }

    /// Reference implementation on a lower-case ASCII host: does the regex's host part match?
    pub fn matches_host(&self, host: &str) -> bool {
        match self {
            Pattern::Embedded {
                domains,
                labels_after,
            } => domains.iter().any(|domain| {
                host.match_indices(domain.as_str()).any(|(i, _)| {
                    let after = host.get(i + domain.len()..).unwrap_or("");
                    let mut labels = 0;
                    let mut rest = after;
                    while let Some(r) = rest.strip_prefix('.') {
                        let len = r.bytes().take_while(|&b| is_label_char(b)).count();
                        if len == 0 {
                            break;
                        }
                        labels += 1;
                        rest = r.get(len..).unwrap_or("");
                    }
                    boundary_before(host, i) && labels >= *labels_after
                })
            }),
            Pattern::Hyphenated { variants } => variants.iter().any(|v| {
                host.match_indices(v.as_str()).any(|(i, _)| {
                    let after = host.as_bytes().get(i + v.len());
                    boundary_before(host, i) && matches!(after, None | Some(b'.') | Some(b'-'))
                })
            }),
            Pattern::FakeCoJp { words } => words.iter().any(|word| {
                host.match_indices(word.as_str()).any(|(i, _)| {
                    let after = host.get(i + word.len()..).unwrap_or("");
                    ["co.jp", "co-jp", "cojp"].iter().any(|cj| {
                        after.match_indices(cj).any(|(j, _)| {
                            let sep_before = j > 0
                                && matches!(after.as_bytes().get(j - 1), Some(b'.') | Some(b'-'));
                            let tail = after.as_bytes().get(j + cj.len()..).unwrap_or(&[]);
                            let sep_after = matches!(tail.first(), Some(b'.') | Some(b'-'))
                                && tail.get(1).is_some_and(|&b| is_label_char(b));
                            sep_before && sep_after
                        })
                    })
                })
            }),
        }
    }
}

/// Packs items into groups so that each group's regex (the pattern `make` builds from it) stays
/// within [`REGEX_BUDGET`]. An item too long on its own still gets a rule of its own.
fn chunks(items: Vec<String>, make: impl Fn(Vec<String>) -> Pattern) -> Vec<Pattern> {
    let overhead = make(Vec::new()).regex().len();
    let mut out: Vec<Pattern> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut len = overhead;
    for it in items {
        let l = escape(&it).len() + usize::from(!cur.is_empty());
        if !cur.is_empty() && len + l > REGEX_BUDGET {
            out.push(make(std::mem::take(&mut cur)));
            len = overhead;
        }
        len += escape(&it).len() + usize::from(!cur.is_empty());
        cur.push(it);
    }
    if !cur.is_empty() {
        out.push(make(cur));
    }
    out
}

/// How many labels must follow `domain` before the host certainly lies under someone else's
/// registrable domain: more than any public-suffix rule that would start inside `domain`
/// (`amazon.com` + `au` is `amazon.com.au`, a registrable domain of its own, so `amazon.com`
/// needs two more labels).
pub fn labels_after(domain: &str) -> usize {
    let Some((_, tail)) = domain.split_once('.') else {
        return 1;
    };
    let tail_labels: Vec<&str> = tail.split('.').collect();
    let mut extra_max = 0usize;
    for (name, flags) in crate::domain::rules() {
        // Flags as in domain.rs: 1 normal, 8 private section. Only ICANN rules count: a brand
        // registers `amazon.com.au` under a registry's `com.au`; a name under a private suffix
        // or a wildcard space (`*.ck`, `*.nom.br`) belongs to somebody else and may be matched.
        if flags & 1 == 0 || flags & 8 != 0 {
            continue;
        }
        let rl: Vec<&str> = name.split('.').collect();
        if rl.len() <= tail_labels.len() {
            continue;
        }
        if tail_labels.iter().zip(rl.iter()).all(|(t, r)| r == t) {
            extra_max = extra_max.max(rl.len() - tail_labels.len());
        }
    }
    extra_max + 1
}

/// The patterns for a brand list, in a stable order. Every single domain or word is first
/// checked against the official domains of all brands (an official host must never match), then
/// packed into alternations.
pub fn patterns(brands: &[Brand]) -> Vec<Pattern> {
    let official: Vec<&str> = brands
        .iter()
        .flat_map(|b| b.domains.iter().map(String::as_str))
        .collect();
    let safe = |p: &Pattern| {
        !official
            .iter()
            .any(|d| p.matches_host(d) || p.matches_host(&format!("www.{d}")))
    };
    let shipped = || brands.iter().filter(|b| !b.user);
    let host_like = |d: &str| d.contains('.') && d.bytes().all(|c| is_label_char(c) || c == b'.');

    // Embedded, grouped by the number of labels that must follow.
    let mut embedded: Vec<(usize, Vec<String>)> = Vec::new();
    let mut hyphenated: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for b in shipped() {
        for d in b.domains.iter().filter(|d| host_like(d)) {
            let n = labels_after(d);
            let p = Pattern::Embedded {
                domains: vec![d.clone()],
                labels_after: n,
            };
            if !safe(&p) {
                continue;
            }
            match embedded.iter_mut().find(|(k, _)| *k == n) {
                Some((_, v)) if !v.contains(d) => v.push(d.clone()),
                Some(_) => {}
                None => embedded.push((n, vec![d.clone()])),
            }
        }
        for d in b.domains.iter().filter(|d| host_like(d)) {
            let labels = d.split('.').count();
            if !(labels >= 3 || (labels == 2 && d.ends_with(".jp"))) {
                continue;
            }
            for v in hyphen_variants(d) {
                let p = Pattern::Hyphenated {
                    variants: vec![v.clone()],
                };
                if safe(&p) && !hyphenated.contains(&v) {
                    hyphenated.push(v);
                }
            }
        }
        for w in &b.words {
            if w.len() < MIN_WORD_LEN || !w.bytes().all(is_label_char) {
                continue;
            }
            let p = Pattern::FakeCoJp {
                words: vec![w.clone()],
            };
            if safe(&p) && !words.contains(w) {
                words.push(w.clone());
            }
        }
    }
    let mut out = Vec::new();
    for (n, domains) in embedded {
        out.extend(chunks(domains, |g| Pattern::Embedded {
            domains: g,
            labels_after: n,
        }));
    }
    out.extend(chunks(hyphenated, |g| Pattern::Hyphenated { variants: g }));
    out.extend(chunks(words, |g| Pattern::FakeCoJp { words: g }));
    out.truncate(MAX_REGEX_RULES);
    out
}

/// Rules for the static ruleset.
pub fn rules(brands: &[Brand]) -> Vec<Rule> {
    patterns(brands)
        .into_iter()
        .zip(1u32..)
        .map(|(p, id)| Rule {
            id,
            priority: 1,
            action: serde_json_value::Action {
                kind: "redirect".to_string(),
                redirect: Some(serde_json_value::Redirect {
                    regex_substitution: format!("{ORIGIN_PLACEHOLDER}/pages/warning.html#url=\\0"),
                }),
            },
            condition: serde_json_value::Condition {
                regex_filter: p.regex(),
                resource_types: vec!["main_frame".to_string()],
                is_url_filter_case_sensitive: false,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Checker;

    fn shipped() -> Vec<Brand> {
        Checker::new().brands().to_vec()
    }

    fn any_match(ps: &[Pattern], host: &str) -> bool {
        ps.iter().any(|p| p.matches_host(host))
    }

    #[test]
    fn seed_is_caught() {
        let ps = patterns(&shipped());
        assert!(any_match(&ps, "www2.jcom.co.jp.login.vkia.cn"));
    }

    #[test]
    fn official_hosts_never_match() {
        let brands = shipped();
        let ps = patterns(&brands);
        for b in &brands {
            for d in &b.domains {
                for h in [
                    d.clone(),
                    format!("www.{d}"),
                    format!("login.secure.{d}"),
                    format!("my-account.{d}"),
                ] {
                    assert!(!any_match(&ps, &h), "{h} matched");
                }
            }
        }
        for h in [
            "www.amazon.com.au",
            "www.amazon.com.br",
            "amazon.co.uk",
            "trackings.post.japanpost.jp",
            "www.jcom.co.jp",
            "example.com",
        ] {
            assert!(!any_match(&ps, h), "{h} matched");
        }
    }

    #[test]
    fn shapes() {
        let ps = patterns(&shipped());
        for h in [
            "jcom.co.jp.vkia.cn",
            "login-jcom.co.jp.example.com",
            "www.amazon.co.jp.example.net",
            "jcom-co-jp.example",
            "www.jcom.co-jp.example",
            "jcom-co.jp.example.com",
            "myjcom-jp.com",
            "amazon-login.co.jp-secure.example",
            "secure.amazon.cojp.example",
            "www.post.japanpost.jp.ab12.top",
            "amazon.com.secure.example",
        ] {
            assert!(any_match(&ps, h), "{h} not matched");
        }
        for h in [
            "jcom.co.jp.",
            "notjcom.co.jp",
            "amazon.com.au",
            "amazonjcom.example",
            "jcom-co-jpx.example",
            "shop.example.co.jp",
        ] {
            assert!(!any_match(&ps, h), "{h} matched");
        }
    }

    #[test]
    fn psl_spans_raise_label_count() {
        assert_eq!(labels_after("amazon.com"), 2);
        assert_eq!(labels_after("jcom.co.jp"), 1);
        assert_eq!(labels_after("japanpost.jp"), 1);
    }

    #[test]
    fn regexes_are_anchored_and_bounded() {
        let rules = rules(&shipped());
        assert!(!rules.is_empty());
        assert!(rules.len() <= MAX_REGEX_RULES);
        let mut ids: Vec<u32> = rules.iter().map(|r| r.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), rules.len());
        for r in &rules {
            let re = &r.condition.regex_filter;
            assert!(re.starts_with("^https?://") && re.ends_with('$'), "{re}");
            // Keep far below Chrome's per-regex memory limit.
            assert!(re.len() <= REGEX_BUDGET, "{re}");
            assert!(!re.contains("(?="), "lookahead is not RE2: {re}");
            assert_eq!(r.condition.resource_types, ["main_frame"]);
        }
        let seed = rules
            .iter()
            .find(|r| r.condition.regex_filter.contains(r"jcom\.co\.jp"))
            .unwrap();
        assert!(seed
            .action
            .redirect
            .as_ref()
            .unwrap()
            .regex_substitution
            .ends_with("/pages/warning.html#url=\\0"));
    }

    #[test]
    fn hyphen_variants_never_all_dots() {
        assert_eq!(
            hyphen_variants("jcom.co.jp"),
            ["jcom-co.jp", "jcom.co-jp", "jcom-co-jp"]
        );
        assert_eq!(hyphen_variants("japanpost.jp"), ["japanpost-jp"]);
        assert_eq!(
            hyphen_variants("waterworks.metro.tokyo.lg.jp"),
            ["waterworks-metro-tokyo-lg-jp"]
        );
    }

    #[test]
    fn grouping_keeps_every_item() {
        let brands = shipped();
        let ps = patterns(&brands);
        for b in &brands {
            for d in &b.domains {
                assert!(any_match(&ps, &format!("www.{d}.example.cn.com")), "{d}");
            }
        }
    }

    #[test]
    fn user_brands_are_not_compiled_in() {
        let mut brands = shipped();
        for b in &mut brands {
            b.user = true;
        }
        assert!(patterns(&brands).is_empty());
    }
}
