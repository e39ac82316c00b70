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

const INTERNAL: u8 = 16;
/// Table flag: some entry of the table is this one with a label more (build.rs).
const PARENT: u8 = 32;

/// Every line of the lookup table: (name, flags), flags including [`INTERNAL`] and [`PARENT`].
fn entries() -> impl Iterator<Item = (&'static str, u8)> {
    PSL_DATA.split(|b| *b == b'\n').filter_map(|l| {
        Some((
            std::str::from_utf8(l.get(1..)?).ok()?,
            l.first()?.checked_sub(b'@')?,
        ))
    })
}

/// Every rule with its flags (1 normal, 2 wildcard, 4 exception, 8 private section).
pub fn rules() -> impl Iterator<Item = (&'static str, u8)> {
    entries()
        .filter(|(_, f)| *f & INTERNAL == 0)
        .map(|(name, f)| (name, f & !PARENT))
}

/// Offset in PSL_DATA of line `i * PSL_STRIDE`.
fn head(i: usize) -> Option<usize> {
    PSL_HEADS
        .get(i * 4..i * 4 + 4)
        .and_then(|w| w.try_into().ok())
        .map(|w| u32::from_le_bytes(w) as usize)
}

/// Compares the name of the line starting at `at` (after its flag byte) with `key`, byte by
/// byte: most lines differ within a few bytes, so no scan for the end of the line.
#[inline]
fn cmp_line(at: usize, key: &[u8]) -> std::cmp::Ordering {
    cmp_line_upto(at, key).0
}

/// [`cmp_line`], with the offset in PSL_DATA of the byte the comparison stopped at (the line's
/// '\n' at the latest), from which [`line_after`] finds the next line.
#[inline]
fn cmp_line_upto(at: usize, key: &[u8]) -> (std::cmp::Ordering, usize) {
    use std::cmp::Ordering;
    let line = PSL_DATA.get(at + 1..).unwrap_or(&[]);
    for (i, &c) in line.iter().enumerate() {
        let k = key.get(i);
        if c == b'\n' {
            let o = if k.is_some() {
                Ordering::Less
            } else {
                Ordering::Equal
            };
            return (o, at + 1 + i);
        }
        match k {
            None => return (Ordering::Greater, at + 1 + i),
            Some(&k) if c != k => return (c.cmp(&k), at + 1 + i),
            _ => {}
        }
    }
    (Ordering::Less, PSL_DATA.len())
}

/// Offset of the line after the one `from` lies in: past the first '\n' at or after `from`.
/// Eight bytes at a time: in `w = word ^ "\n\n\n\n\n\n\n\n"` a '\n' is a zero byte, and the
/// lowest high bit of `(w - 0x0101..) & !w & 0x8080..` marks the first zero byte (a borrow only
/// runs upwards from a zero byte, so no byte below it is flagged).
#[inline]
fn line_after(from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(word) = PSL_DATA.get(at..at + 8) {
        let w = u64::from_le_bytes(word.try_into().ok()?) ^ (ONES * u64::from(b'\n'));
        let zero = w.wrapping_sub(ONES) & !w & HIGHS;
        if zero != 0 {
            return Some(at + (zero.trailing_zeros() / 8) as usize + 1);
        }
        at += 8;
    }
    Some(at + PSL_DATA.get(at..)?.iter().position(|b| *b == b'\n')? + 1)
}

/// Flags of a table entry: `None` when no rule is `name` or ends with `.name`; otherwise the
/// rule's flags (`INTERNAL` alone when `name` is only the tail of longer rules).
fn lookup(name: &str) -> Option<u8> {
    // The most frequent TLDs' answers are computed by build.rs (FREQUENT_TLDS).
    if let Some((_, f)) = FREQUENT_TLDS.iter().find(|(t, _)| *t == name) {
        return *f;
    }
    search(name)
}

/// The flags of a name in the table, by a search of the table (see [`lookup`]).
fn search(name: &str) -> Option<u8> {
    use std::cmp::Ordering;
    let key = name.as_bytes();
    // The last block whose first line is <= key. Every block before those whose first line
    // starts with the key's first byte is <= key, every block after them > key: the search
    // needs only those and the one before (all blocks for an empty or non-ASCII key).
    let blocks = PSL_HEADS.len() / 4;
    let first = key.first().map_or(128, |c| usize::from(*c).min(128));
    let (mut lo, mut hi) = match (
        PSL_BLOCKS_BEFORE.get(first),
        PSL_BLOCKS_BEFORE.get(first + 1),
    ) {
        (Some(&a), Some(&b)) => (usize::from(a), usize::from(b)),
        _ => (0, blocks),
    };
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if cmp_line(head(mid)?, key) != Ordering::Greater {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let mut at = head(lo.checked_sub(1)?)?;
    for _ in 0..PSL_STRIDE {
        match cmp_line_upto(at, key) {
            (Ordering::Equal, _) => return PSL_DATA.get(at)?.checked_sub(b'@'),
            (Ordering::Greater, _) => return None,
            // The next line: the rest of this one is skipped from where the comparison stopped.
            (Ordering::Less, stop) => at = line_after(stop)?,
        }
    }
    None
}

/// Flags of a rule name (0 when it is not a rule).
#[cfg(test)]
fn flags(name: &str) -> u8 {
    lookup(name).map_or(0, |f| f & !(INTERNAL | PARENT))
}

fn kind_of(f: u8) -> SuffixKind {
    if f & PRIVATE != 0 {
        SuffixKind::Private
    } else {
        SuffixKind::Icann
    }
}

/// Splits a lower-case ASCII host (no trailing dot) into suffix and registrable domain.
///
/// The prevailing rule is the first candidate suffix, longest first, that is a normal rule, an
/// exception, or the child of a wildcard. A suffix that no rule is or ends with rules out every
/// longer one, so the walk goes from the last label leftwards and stops there: a few lookups
/// per host instead of two per label.
pub fn split(host: &str) -> Split {
    // (start, flags) of each candidate walked, shortest first; flags 0 past the last known one.
    let mut walk = [(0usize, 0u8); PSL_MAX_LABELS + 2];
    let mut len = 0usize;
    let bytes = host.as_bytes();
    let mut end = bytes.len();
    // Whether the last entry found has longer ones: without, the next candidate is not in the
    // table and is not looked up.
    let mut parent = true;
    loop {
        let start = bytes
            .get(..end)
            .and_then(|b| b.iter().rposition(|c| *c == b'.'))
            .map_or(0, |i| i + 1);
        let f = if parent {
            lookup(host.get(start..).unwrap_or(""))
        } else {
            None
        };
        // The walk stops at the first suffix not in the table, whose entries have at most
        // PSL_MAX_LABELS labels: it never outgrows `walk`.
        let Some(slot) = walk.get_mut(len) else {
            break;
        };
        *slot = (start, f.map_or(0, |f| f & !(INTERNAL | PARENT)));
        len += 1;
        if f.is_none() || start == 0 {
            break;
        }
        parent = f.is_some_and(|f| f & PARENT != 0);
        end = start - 1;
    }
    // Longest first, as the algorithm states it; `walk[j - 1]` is the next shorter candidate.
    let mut found: Option<(usize, SuffixKind)> = None;
    for j in (0..len).rev() {
        let (start, f) = walk.get(j).copied().unwrap_or((0, 0));
        let next = j.checked_sub(1).and_then(|i| walk.get(i).copied());
        if f & EXCEPTION != 0 {
            // `!www.ck`: the suffix is the candidate minus its first label.
            if let Some((next_start, _)) = next {
                found = Some((next_start, kind_of(f)));
                break;
            }
        }
        if f & NORMAL != 0 {
            found = Some((start, kind_of(f)));
            break;
        }
        if let Some((_, parent)) = next {
            if parent & WILDCARD != 0 {
                found = Some((start, kind_of(parent)));
                break;
            }
        }
    }
    let (suffix_start, kind) =
        found.unwrap_or_else(|| (walk.first().map_or(0, |w| w.0), SuffixKind::Unknown));
    // The candidate just longer than the suffix.
    let registrable_start = suffix_start.checked_sub(1).map(|dot| {
        bytes
            .get(..dot)
            .and_then(|b| b.iter().rposition(|c| *c == b'.'))
            .map_or(0, |i| i + 1)
    });
    Split {
        suffix_start,
        registrable_start,
        kind,
    }
}

/// The algorithm as first written: every candidate suffix, longest first, two lookups each.
/// The reference for [`split`] in the tests.
#[cfg(test)]
fn split_by_search(host: &str) -> Split {
    // Offsets at which each candidate suffix starts, longest first.
    let mut starts = vec![0usize];
    starts.extend(host.match_indices('.').map(|(i, _)| i + 1));
    let mut found: Option<(usize, SuffixKind)> = None;
    for (n, &start) in starts.iter().enumerate() {
        let cand = host.get(start..).unwrap_or("");
        let f = flags(cand);
        if f & EXCEPTION != 0 {
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
        for (rule, flag) in rules() {
            assert_eq!(flags(rule), flag, "{rule}");
            n += 1;
        }
        assert_eq!(n, PSL_RULE_COUNT);
        assert_eq!(flags("not-a-rule-zzz"), 0);
        assert_eq!(flags("0"), 0);
        assert_eq!(lookup("not-a-rule-zzz"), None);
        // Every tail of a rule is in the table, so the walk never stops too early.
        for (rule, _) in rules() {
            let mut rest = rule;
            while let Some((_, tail)) = rest.split_once('.') {
                assert!(lookup(tail).is_some(), "{tail} of {rule}");
                rest = tail;
            }
        }
    }

    #[test]
    fn parent_flag_marks_the_entries_with_longer_ones() {
        let tails: std::collections::HashSet<&str> = entries()
            .filter_map(|(name, _)| name.split_once('.').map(|(_, tail)| tail))
            .collect();
        for (name, f) in entries() {
            assert_eq!(f & PARENT != 0, tails.contains(name), "{name}");
        }
    }

    #[test]
    fn lookup_agrees_with_the_table_read_whole() {
        let table: std::collections::HashMap<&str, u8> = entries().collect();
        let mut names: Vec<String> = vec![
            String::new(),
            "é".into(),
            "\u{7f}x".into(),
            "~".into(),
            "0".into(),
            "zzzz".into(),
        ];
        for (name, _) in entries() {
            names.push(name.to_string());
            names.push(format!("{name}a"));
            names.push(format!("a{name}"));
            names.push(name.get(..name.len() - 1).unwrap_or("").to_string());
        }
        for n in &names {
            assert_eq!(lookup(n), table.get(n.as_str()).copied(), "{n:?}");
        }
    }

    #[test]
    fn line_after_finds_the_next_line_from_any_byte() {
        let mut start = 0;
        for (i, &b) in PSL_DATA.iter().enumerate() {
            let next = PSL_DATA[i..]
                .iter()
                .position(|c| *c == b'\n')
                .map(|p| i + p + 1);
            assert_eq!(line_after(i), next, "offset {i} of the line at {start}");
            if b == b'\n' {
                start = i + 1;
            }
        }
        assert_eq!(line_after(PSL_DATA.len()), None);
    }

    #[test]
    fn walk_agrees_with_search() {
        let mut hosts: Vec<String> = vec![
            String::new(),
            "com".into(),
            "a".into(),
            "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z".into(),
            "www.ck".into(),
            "a.www.ck".into(),
            "x.y.ck".into(),
            "a..b".into(),
            "r.cloud.int.apple".into(),
        ];
        for (rule, _) in rules() {
            hosts.push(rule.to_string());
            hosts.push(format!("x.{rule}"));
            hosts.push(format!("y.x.{rule}"));
            if let Some((_, tail)) = rule.split_once('.') {
                hosts.push(format!("zz.{tail}"));
            }
        }
        for h in &hosts {
            assert_eq!(split(h), split_by_search(h), "{h}");
        }
    }

    #[test]
    fn frequent_tlds_answer_as_the_search_does() {
        for (tld, f) in FREQUENT_TLDS {
            assert_eq!(search(tld), f, "{tld}");
        }
        assert_eq!(FREQUENT_TLDS.first().map(|x| x.1.is_some()), Some(true));
    }

    #[test]
    fn version_is_recorded() {
        assert!(PSL_VERSION.starts_with("20"));
    }
}
