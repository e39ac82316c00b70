//! The checker: parse once, run every signal, add up the weights, decide the level.

use std::collections::HashSet;

use crate::brands::{self, Brand, BrandIndex, DataError};
use crate::domain::{self, SuffixKind};
use crate::parse::{self, HostKind, ParseError, Parsed};
use crate::signals;
use crate::verdict::{BrandRef, Code, Level, Reason, Text, Verdict};

/// How much the user wants to hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    /// Only strong evidence is flagged.
    Low,
    #[default]
    Normal,
    /// Weaker evidence is flagged as suspicious too.
    High,
}

/// User settings the checker is built with.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Hosts or domains never warned about (`example.com` covers its subdomains).
    pub trusted: Vec<String>,
    /// Extra domains to protect (the user's own bank), as `example.co.jp`.
    pub protected: Vec<String>,
    pub sensitivity: Sensitivity,
}

/// Score from which a verdict is `suspicious` / `dangerous`, at normal sensitivity.
pub const SUSPICIOUS_AT: i32 = 30;
pub const DANGEROUS_AT: i32 = 70;

/// A checker: build once, query many times.
#[derive(Debug)]
pub struct Checker {
    pub(crate) brands: BrandIndex,
    trusted: HashSet<String>,
    sensitivity: Sensitivity,
    data_version: &'static str,
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}

/// The host of a parsed URL with its parts, computed once per check.
#[derive(Debug)]
pub struct HostInfo<'a> {
    pub parsed: &'a Parsed,
    /// ASCII host, or "" for IP hosts.
    pub host: &'a str,
    pub labels: Vec<&'a str>,
    pub suffix: &'a str,
    pub registrable: Option<&'a str>,
    /// The label just left of the suffix (`vkia` in `vkia.cn`).
    pub reg_label: &'a str,
    /// Everything left of the registrable domain, without the final dot.
    pub subdomain: &'a str,
    pub kind: SuffixKind,
    /// Brand that owns the registrable domain.
    pub owner: Option<usize>,
    /// A brand's platform where anyone publishes (`sites.google.com`, `docs.google.com`, a
    /// SharePoint tenant): the brand owns the address but not the page, so `owner` is `None`.
    pub user_content: bool,
    /// The host holds `xn--` (a punycode label, or text that looks like one): searched once.
    pub punycode: bool,
}

impl Checker {
    /// A checker with the shipped brand list and no user settings.
    pub fn new() -> Checker {
        // What `with_settings(&Settings::default())` does, without its code for user brands
        // (less code for a cold wasm instance to compile before the first verdict).
        let settings = Settings::default();
        match brands::shipped_ok() {
            Ok(()) => Checker::from_index(BrandIndex::shipped(), &settings),
            Err(_) => Checker::from_brands(Vec::new(), &settings),
        }
    }

    /// A checker with user settings. Entries of `protected` that are not domains are ignored.
    pub fn with_settings(settings: &Settings) -> Checker {
        // The shipped table is validated by tests; an error here would mean a corrupt build.
        Checker::try_with_settings(settings)
            .unwrap_or_else(|_| Checker::from_brands(Vec::new(), settings))
    }

    /// Like [`Checker::with_settings`], but reports a corrupt shipped brand table.
    pub fn try_with_settings(settings: &Settings) -> Result<Checker, DataError> {
        let user = user_brands(settings);
        if user.is_empty() {
            // The shipped tables as build.rs laid them out: nothing to build.
            brands::shipped_ok()?;
            return Ok(Checker::from_index(BrandIndex::shipped(), settings));
        }
        let mut list = brands::shipped()?;
        list.extend(user);
        Ok(Checker::from_index(BrandIndex::new(list), settings))
    }

    /// A checker over a given brand list (benchmarks, tests, other data sets).
    pub fn with_brands(list: Vec<Brand>, settings: &Settings) -> Checker {
        Checker::from_brands(list, settings)
    }

    fn from_brands(mut list: Vec<Brand>, settings: &Settings) -> Checker {
        list.extend(user_brands(settings));
        Checker::from_index(BrandIndex::new(list), settings)
    }

    fn from_index(brands: BrandIndex, settings: &Settings) -> Checker {
        let trusted = settings
            .trusted
            .iter()
            .filter_map(|t| normalize_host(t))
            // Trusting a public suffix (`cn`, `co.jp`, `duckdns.org`) would trust strangers.
            .filter(|h| domain::split(h).registrable_start.is_some())
            .collect();
        Checker {
            brands,
            trusted,
            sensitivity: settings.sensitivity,
            data_version: data_version(),
        }
    }

    /// Versions of the embedded data.
    pub fn data_version(&self) -> &str {
        self.data_version
    }

    /// The protected brands.
    pub fn brands(&self) -> &[Brand] {
        self.brands.list()
    }

    /// Judges one input. Never panics; bad input gives level `invalid`.
    pub fn check(&self, input: &str) -> Verdict {
        self.check_depth(input, 0)
    }

    fn check_depth(&self, input: &str, depth: u8) -> Verdict {
        match parse::parse(input) {
            Ok(p) => self.judge(input, p, depth),
            Err(e) => self.invalid(input, e),
        }
    }

    fn invalid(&self, input: &str, e: ParseError) -> Verdict {
        let code = match e {
            ParseError::Empty => Code::EmptyInput,
            ParseError::UnsupportedScheme => Code::UnsupportedScheme,
            _ => Code::UnparseableUrl,
        };
        let mut v = self.empty_verdict(input);
        v.level = Level::Invalid;
        v.reasons.push(Reason {
            code,
            weight: 0,
            brand: None,
            detail: None,
        });
        v
    }

    fn empty_verdict(&self, input: &str) -> Verdict {
        Verdict {
            level: Level::Safe,
            score: 0,
            input: first_chars(input, 4096).to_string(),
            url: None,
            scheme: None,
            host_ascii: None,
            host_unicode: None,
            registrable: None,
            public_suffix: None,
            suffix_kind: None,
            subdomain: None,
            country: None,
            reasons: Vec::new(),
            brand: None,
            official_site: None,
            embedded_url: None,
            // Made once for the program: a verdict borrows it.
            data_version: Text::from_static(self.data_version),
        }
    }

    fn is_trusted(&self, host: &str) -> bool {
        if self.trusted.is_empty() {
            return false;
        }
        let mut h = host;
        loop {
            if self.trusted.contains(h) {
                return true;
            }
            match h.split_once('.') {
                Some((_, rest)) if rest.contains('.') || !rest.is_empty() => h = rest,
                _ => return false,
            }
        }
    }

    fn judge(&self, input: &str, p: Parsed, depth: u8) -> Verdict {
        let mut v = self.judge_parsed(input, &p, depth);
        // The URL's text and a domain host's are moved into the verdict, not copied: `p` is
        // done with.
        v.url = Some(String::from(p.url));
        if let HostKind::Domain(d) = p.host {
            v.host_ascii = Some(d);
        }
        v
    }

    /// [`Checker::judge`], but for `url` and, for a domain host, `host_ascii`: `judge` moves
    /// them in from `p` when this is done.
    fn judge_parsed(&self, input: &str, p: &Parsed, depth: u8) -> Verdict {
        let mut v = self.empty_verdict(input);
        v.scheme = Some(match p.url.scheme() {
            // (The only schemes a parsed URL has.)
            "https" => Text::from_static("https"),
            "http" => Text::from_static("http"),
            s => Text::from(s),
        });
        let ip_text;
        // A proxy's host named for the page it shows (signals::proxy_host): judged through the page.
        let mut proxied = false;
        let host: &str = match &p.host {
            HostKind::Domain(d) => d,
            HostKind::Ipv4(a) => {
                ip_text = a.to_string();
                &ip_text
            }
            HostKind::Ipv6(a) => {
                ip_text = format!("[{a}]");
                &ip_text
            }
        };
        if !matches!(p.host, HostKind::Domain(_)) {
            v.host_ascii = Some(host.to_string());
        }
        let punycode =
            matches!(&p.host, HostKind::Domain(d) if signals::find_str(d, "xn--").is_some());
        v.host_unicode = Some(match &p.host {
            // Only punycode labels change: skip the IDNA pass for plain ASCII hosts.
            HostKind::Domain(d) if punycode => idna::domain_to_unicode(d).0,
            HostKind::Domain(d) => d.clone(),
            _ => host.to_string(),
        });

        // Room for the reasons of nearly every check (a verdict rarely has more than six): no
        // reallocation while the signals push them.
        let mut reasons = Vec::with_capacity(6);
        if let HostKind::Domain(d) = &p.host {
            let info = host_info(p, d, &self.brands, punycode);
            v.registrable = info.registrable.map(String::from);
            v.public_suffix = Some(info.suffix.to_string());
            v.suffix_kind = Some(Text::from_static(match info.kind {
                SuffixKind::Icann => "icann",
                SuffixKind::Private => "private",
                SuffixKind::Unknown => "unknown",
            }));
            v.subdomain = (!info.subdomain.is_empty()).then(|| info.subdomain.to_string());
            v.country = country_of(info.suffix);
            if self.is_trusted(d) {
                reasons.push(Reason {
                    code: Code::TrustedByUser,
                    weight: 0,
                    brand: None,
                    detail: Some(Text::from(d.as_str())),
                });
                v.reasons = reasons;
                return v;
            }
            let host: HostPass = signals::host_signals;
            let path: HostPass = signals::path_signals;
            proxied = signals::proxy_host(info.host);
            if !proxied {
                opaque(host)(&info, &self.brands, &mut reasons);
                opaque(path)(&info, &self.brands, &mut reasons);
            }
            LABELS.set(signals::recycle(info.labels));
        } else {
            signals::ip_signals(p, &mut reasons);
            signals::path_signals_ip(p, &self.brands, &mut reasons);
        }
        let url: UrlPass = signals::url_signals;
        opaque(url)(p, &self.brands, &mut reasons);
        signals::discount_generic(&mut reasons);

        // An address carried inside this one (redirectors, mail wrappers): judge it too.
        if depth < 2 {
            if let Some(inner) = signals::embedded_url(&p.url) {
                let iv = self.check_depth(&inner, depth + 1);
                if iv.is_flagged() {
                    reasons.push(Reason {
                        code: Code::EmbeddedUrl,
                        weight: iv.score + if proxied { signals::w::PROXIED } else { 0 },
                        brand: iv.brand.clone(),
                        detail: iv.url.clone().map(Text::from),
                    });
                    for r in iv.reasons {
                        if r.code != Code::EmbeddedUrl && !reasons.iter().any(|x| x.code == r.code)
                        {
                            reasons.push(Reason { weight: 0, ..r });
                        }
                    }
                    v.embedded_url = iv.url;
                }
            }
        }

        let official = reasons.iter().any(|r| r.code == Code::OfficialDomain);
        let score: i32 = reasons.iter().map(|r| r.weight).sum::<i32>().max(0);
        reasons.sort_by_key(|r| std::cmp::Reverse(r.weight));
        v.brand = reasons
            .iter()
            .filter(|r| r.weight > 0)
            .find_map(|r| r.brand.clone())
            .filter(|_| !official || v.embedded_url.is_some());
        v.official_site = v.brand.as_ref().map(|b: &BrandRef| b.official_site.clone());
        v.score = score;
        v.level = self.level_for(score);
        v.reasons = reasons;
        v
    }

    fn level_for(&self, score: i32) -> Level {
        let shift = match self.sensitivity {
            Sensitivity::Low => 15,
            Sensitivity::Normal => 0,
            Sensitivity::High => -10,
        };
        if score >= DANGEROUS_AT + shift {
            Level::Dangerous
        } else if score >= SUSPICIOUS_AT + shift {
            Level::Suspicious
        } else {
            Level::Safe
        }
    }
}

/// "brands {}; psl {}" of the embedded data, made once for the program (every verdict names it).
fn data_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    // Without the formatting machinery (code a cold wasm instance would compile for it).
    VERSION.get_or_init(|| {
        [
            "brands ",
            crate::BRANDS_VERSION,
            "; psl ",
            domain::PSL_VERSION,
        ]
        .concat()
    })
}

/// The brands a user's `protected` setting adds. Entries that are not domains are ignored.
fn user_brands(settings: &Settings) -> Vec<Brand> {
    let mut out = Vec::new();
    for d in &settings.protected {
        if let Some(reg) = registrable_of(d) {
            let label = reg.split('.').next().unwrap_or("").to_string();
            out.push(Brand {
                id: format!("user:{reg}"),
                name_en: reg.clone(),
                name_ja: reg.clone(),
                official_site: format!("https://{reg}/"),
                domains: vec![reg.clone()],
                hosting: Vec::new(),
                words: if label.len() >= 4 {
                    vec![label]
                } else {
                    Vec::new()
                },
                everyday: Vec::new(),
                jpcert_labels: Vec::new(),
                user: true,
            });
        }
    }
    out
}

pub(crate) type HostPass = fn(&HostInfo<'_>, &BrandIndex, &mut Vec<Reason>);
type UrlPass = fn(&Parsed, &BrandIndex, &mut Vec<Reason>);

/// In the .wasm, a signal pass is called through a pointer the optimizers cannot see through, so
/// it stays a function of its own. Inlined (by LLVM, then by wasm-opt, which inlines every
/// function with one caller), the passes made `check_depth` one 40 KB function, and V8's
/// baseline compiler took 9 ms for it on the first check of a cold start (its cost grows faster
/// than the size of a function). An indirect call costs nanoseconds per check.
#[inline(always)]
pub(crate) fn opaque<F>(f: F) -> F {
    #[cfg(target_arch = "wasm32")]
    return std::hint::black_box(f);
    #[cfg(not(target_arch = "wasm32"))]
    return f;
}

thread_local! {
    /// [`HostInfo::labels`] between checks, emptied: a check does not allocate it.
    static LABELS: std::cell::Cell<Vec<&'static str>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Splits a host into the parts the signals use.
fn host_info<'a>(
    p: &'a Parsed,
    host: &'a str,
    brands: &BrandIndex,
    punycode: bool,
) -> HostInfo<'a> {
    let mut s = domain::split(host);
    // A host that a platform's wildcard makes a suffix (`name.eth.limo` under `*.eth.limo`, its
    // parent no suffix itself) is one owner's site, named by its first label: read it as that
    // name under the rest, or nothing in the name would be judged (`amazon-login.eth.limo`).
    // A platform's own domain listed as a suffix (`myshopify.com`) is left as it is.
    if s.registrable_start.is_none() && s.kind == SuffixKind::Private && s.suffix_start == 0 {
        if let Some(dot) = host.bytes().position(|b| b == b'.') {
            let parent = host.get(dot + 1..).unwrap_or("");
            if domain::split(parent).registrable_start.is_some() {
                s.registrable_start = Some(0);
                s.suffix_start = dot + 1;
            }
        }
    }
    let suffix = host.get(s.suffix_start..).unwrap_or("");
    let registrable = s.registrable_start.and_then(|i| host.get(i..));
    let reg_label = registrable
        .and_then(|r| signals::split_byte(r, b'.').next())
        .unwrap_or("");
    let subdomain = s
        .registrable_start
        .and_then(|i| host.get(..i.saturating_sub(1)))
        .unwrap_or("");
    // An official domain owns its subdomains even under a private suffix (`*.blogspot.com` aside,
    // brands list only domains they control).
    let owner = registrable.and_then(|r| brands.owner(r)).or_else(|| {
        // `www.post.japanpost.jp` → `japanpost.jp`; also covers brand domains under a private suffix.
        let mut h = host;
        // Each parent domain in turn (a byte scan for the dot, cheaper than split_once's search).
        while let Some(dot) = h.bytes().position(|b| b == b'.') {
            let rest = h.get(dot + 1..).unwrap_or("");
            if let Some(o) = brands.owner(rest) {
                return Some(o);
            }
            h = rest;
        }
        brands.owner(host)
    });
    // The brand's address, someone else's page: judged as no one's, by what the path shows.
    let user_content = owner.is_some() && signals::user_content(host, p.url.path());
    let owner = owner.filter(|_| !user_content);
    // The list the thread keeps between checks (emptied), with room for the labels of nearly
    // every host: collecting the split (no size hint) started at four and grew.
    let mut labels = signals::recycle(LABELS.take());
    labels.reserve(8);
    labels.extend(signals::split_byte(host, b'.'));
    HostInfo {
        parsed: p,
        host,
        labels,
        suffix,
        registrable,
        reg_label,
        subdomain,
        kind: s.kind,
        owner,
        user_content,
        punycode,
    }
}

/// The registrable domain of a user-typed domain or URL.
fn registrable_of(s: &str) -> Option<String> {
    let host = normalize_host(s)?;
    let sp = domain::split(&host);
    sp.registrable_start
        .and_then(|i| host.get(i..))
        .map(String::from)
}

/// Lower-case ASCII host of a user-typed domain or URL.
pub(crate) fn normalize_host(s: &str) -> Option<String> {
    match parse::parse(s).ok()?.host {
        HostKind::Domain(d) => Some(d),
        _ => None,
    }
}

/// The first `n` characters of `s` (all of it when shorter), as one slice: copied in one go
/// rather than collected a character at a time.
fn first_chars(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s; // n bytes hold at most n characters
    }
    match s.char_indices().nth(n) {
        Some((end, _)) => s.get(..end).unwrap_or(s),
        None => s,
    }
}

/// ISO 3166 country code of a country-code top-level domain.
fn country_of(suffix: &str) -> Option<String> {
    let tld = signals::last_piece(suffix, b'.');
    if tld.len() != 2 || !tld.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // Generic-use ccTLDs say nothing about the owner's country.
    const GENERIC: &[&str] = &[
        "io", "co", "me", "tv", "ai", "ly", "fm", "gg", "to", "cc", "ws", "la", "sh", "ac", "am",
        "nu", "vc", "su", "eu",
    ];
    if signals::listed(GENERIC, tld) {
        return None;
    }
    Some(if tld == "uk" {
        "GB".to_string()
    } else {
        tld.to_ascii_uppercase()
    })
}
