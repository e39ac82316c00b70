//! Registrable domain and public suffix, from the Public Suffix List compiled in by `build.rs`.
//!
//! Lookups never fail: a host the list does not know falls back to the implicit `*` rule
//! (its last label is the suffix), as the PSL algorithm prescribes.

include!(concat!(env!("OUT_DIR"), "/psl_table.rs"));

const NORMAL: u8 = 1;
const WILDCARD: u8 = 2;
const EXCEPTION: u8 = 4;
const PRIVATE: u8 = 8;

/// Which section of the list a suffix comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuffixKind {
    /// Delegated by a registry (`com`, `co.jp`): the label before it names who registered the domain.
    Icann,
    /// Run by a company for its users (`github.io`, `duckdns.org`): each subdomain has its own owner.
    Private,
    /// Not on the list: the implicit `*` rule.
    Unknown,
}

/// The public suffix and registrable domain of a host, as byte offsets into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Start of the public suffix within the host.
    pub suffix_start: usize,
    /// Start of the registrable domain, `None` when the host is itself a public suffix.
    pub registrable_start: Option<usize>,
    pub kind: SuffixKind,
}

#[cfg(test)]
/// The line of PSL_TEXT that contains byte `pos`: (flags, rule, start of the next line).
fn line_at(pos: usize) -> Option<(u8, &'static str, usize)> {
    let bytes = PSL_TEXT.as_bytes();
    let start = bytes
        .get(..pos)?
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let len = bytes.get(start..)?.iter().position(|b| *b == b'\n')?;
    let flag = bytes.get(start)?.checked_sub(b'@')?;
    let rule = PSL_TEXT.get(start + 1..start + len)?;
    Some((flag, rule, start + len + 1))
}

/// Every rule with its flags (1 normal, 2 wildcard, 4 exception, 8 private section).
pub fn rules() -> impl Iterator<Item = (&'static str, u8)> {
    PSL_TEXT
        .lines()
        .filter_map(|l| Some((l.get(1..)?, l.as_bytes().first()?.checked_sub(b'@')?)))
}

/// Rule name → flags, built on first use from PSL_TEXT (about half a millisecond).
static INDEX: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, u8>> =
    std::sync::LazyLock::new(|| rules().collect());

/// Flags of a rule name.
fn flags(name: &str) -> u8 {
    INDEX.get(name).copied().unwrap_or(0)
}

/// Flags of a rule name, by binary search over the byte positions of the sorted text (the
/// reference for [`flags`], used by tests).
#[cfg(test)]
fn flags_by_search(name: &str) -> u8 {
    let (mut lo, mut hi) = (0usize, PSL_TEXT.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let Some((flag, rule, next)) = line_at(mid) else {
            return 0;
        };
        match rule.cmp(name) {
            std::cmp::Ordering::Equal => return flag,
            std::cmp::Ordering::Less => lo = next,
            std::cmp::Ordering::Greater => hi = next.saturating_sub(rule.len() + 2),
        }
    }
    0
}

fn kind_of(f: u8) -> SuffixKind {
    if f & PRIVATE != 0 {
        SuffixKind::Private
    } else {
        SuffixKind::Icann
    }
}

/// Splits a lower-case ASCII host (no trailing dot) into suffix and registrable domain.
pub fn split(host: &str) -> Split {
    // Offsets at which each candidate suffix starts, longest first.
    let mut starts = vec![0usize];
    starts.extend(host.match_indices('.').map(|(i, _)| i + 1));
    let mut found: Option<(usize, SuffixKind)> = None;
    for (n, &start) in starts.iter().enumerate() {
        let cand = host.get(start..).unwrap_or("");
        let f = flags(cand);
        if f & EXCEPTION != 0 {
            // `!www.ck`: the suffix is the candidate minus its first label.
            if let Some(&next) = starts.get(n + 1) {
                found = Some((next, kind_of(f)));
                break;
            }
        }
        if f & NORMAL != 0 {
            found = Some((start, kind_of(f)));
            break;
        }
        if let Some(&next) = starts.get(n + 1) {
            let parent = flags(host.get(next..).unwrap_or(""));
            if parent & WILDCARD != 0 {
                found = Some((start, kind_of(parent)));
                break;
            }
        }
    }
    let (suffix_start, kind) =
        found.unwrap_or_else(|| (starts.last().copied().unwrap_or(0), SuffixKind::Unknown));
    let registrable_start = starts
        .iter()
        .position(|&s| s == suffix_start)
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| starts.get(i).copied());
    Split {
        suffix_start,
        registrable_start,
        kind,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn reg(host: &str) -> Option<&str> {
        split(host).registrable_start.map(|s| &host[s..])
    }

    #[test]
    fn japanese_second_level() {
        assert_eq!(reg("www2.jcom.co.jp.login.vkia.cn"), Some("vkia.cn"));
        assert_eq!(reg("www.jcom.co.jp"), Some("jcom.co.jp"));
        assert_eq!(reg("co.jp"), None);
        assert_eq!(reg("www.city.shinjuku.lg.jp"), Some("shinjuku.lg.jp"));
        assert_eq!(
            reg("www.city.shinjuku.tokyo.jp"),
            Some("city.shinjuku.tokyo.jp")
        );
    }

    #[test]
    fn private_suffixes_own_each_subdomain() {
        let h = "abc.duckdns.org";
        let s = split(h);
        assert_eq!(s.kind, SuffixKind::Private);
        assert_eq!(reg(h), Some("abc.duckdns.org"));
        assert_eq!(split("x.y.workers.dev").kind, SuffixKind::Private);
    }

    #[test]
    fn unknown_tld_uses_default_rule() {
        let s = split("a.b.example");
        assert_eq!(s.kind, SuffixKind::Unknown);
        assert_eq!(reg("a.b.example"), Some("b.example"));
    }

    #[test]
    fn every_rule_is_found() {
        let mut n = 0;
        for line in PSL_TEXT.lines() {
            let (flag, rule) = (line.as_bytes()[0] - b'@', &line[1..]);
            assert_eq!(flags(rule), flag, "{rule}");
            assert_eq!(flags_by_search(rule), flag, "{rule}");
            n += 1;
        }
        assert_eq!(n, PSL_RULE_COUNT);
        assert_eq!(flags("not-a-rule-zzz"), 0);
        assert_eq!(flags_by_search("not-a-rule-zzz"), 0);
        assert_eq!(flags("0"), 0);
    }

    #[test]
    fn version_is_recorded() {
        assert!(PSL_VERSION.starts_with("20"));
    }
}
