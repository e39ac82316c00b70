//! The protected brands (src/data/brands.tsv) and the indexes the signals query.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::brand_data::{self as data, Derived, Span, TargetRow};
use crate::verdict::{BrandRef, Text};

pub use crate::brand_data::{parse, Brand, DataError};

impl Brand {
    pub fn to_ref(&self, domain: &str) -> BrandRef {
        BrandRef {
            id: self.id.as_str().into(),
            name_en: self.name_en.as_str().into(),
            name_ja: self.name_ja.as_str().into(),
            official_site: self.official_site.as_str().into(),
            official_domain: domain.into(),
        }
    }
}

/// What a reason shows of a brand.
#[derive(Debug, Clone, Copy)]
pub struct BrandView<'a> {
    pub id: &'a str,
    pub name_en: &'a str,
    pub name_ja: &'a str,
    pub official_site: &'a str,
    /// The first official domain.
    pub first_domain: &'a str,
}

impl BrandView<'_> {
    pub fn to_ref(&self, domain: &str) -> BrandRef {
        BrandRef {
            id: self.id.into(),
            name_en: self.name_en.into(),
            name_ja: self.name_ja.into(),
            official_site: self.official_site.into(),
            official_domain: domain.into(),
        }
    }
}

// BLOB (src/data/brands.tsv, then the strings it lacks), SHIPPED_ERROR and `shipped_index()`:
// the index `BrandIndex::new` would derive from the shipped table, laid out by build.rs with
// the same code (brand_data.rs), so a checker with default settings builds nothing.
include!(concat!(env!("OUT_DIR"), "/brand_tables.rs"));

/// Parses the shipped brand table (src/data/brands.tsv, compiled in).
pub fn shipped() -> Result<Vec<Brand>, DataError> {
    parse(BLOB.get(..BRANDS_TSV_LEN).unwrap_or(""))
}

/// The shipped table's parse error, if any, without making the brand list (build.rs parsed it).
pub fn shipped_ok() -> Result<(), DataError> {
    match SHIPPED_ERROR {
        Some((line, message)) => Err(DataError { line, message }),
        None => Ok(()),
    }
}

/// A string a lookalike may imitate: a brand domain's label (`amazon` of `amazon.co.jp`) or a
/// distinctive brand word.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub text: &'a str,
    pub brand: usize,
    /// The official domain to name (`amazon.co.jp`).
    pub domain: &'a str,
    /// The suffix of that domain (`co.jp`), empty for a word.
    pub suffix: &'a str,
}

/// Lookalike targets at most this many are found by a scan of the length index with a
/// letter-set filter; above it, natively, by the deletion index (built with the checker).
const SCAN_MAX_TARGETS: usize = 2048;

/// Indexes over the brands. The shipped ones are static data laid out by build.rs, so a checker
/// with default settings builds nothing; a user's or a benchmark's list is laid out at run time
/// by the same code. Strings are spans of one text blob. Every query is a hash lookup (tables of
/// hashtab.rs) or a bounded scan.
#[derive(Debug, Default)]
pub struct BrandIndex {
    /// The full brand list, made on demand for the shipped table.
    list: OnceLock<Vec<Brand>>,
    shipped: bool,
    blob: Cow<'static, str>,
    /// Per brand: id, name_en, name_ja, official_site, first domain.
    brands: Cow<'static, [[Span; 5]]>,
    /// Official registrable domain → brand.
    domain_keys: Cow<'static, [Span]>,
    domain_slots: Cow<'static, [u32]>,
    domain_filter: Cow<'static, [u64]>,
    domain_brand: Cow<'static, [u32]>,
    /// Official domain with hyphens and dots both written as dots (`eki.net.com`) → (brand, domain).
    dotted_keys: Cow<'static, [Span]>,
    dotted_slots: Cow<'static, [u32]>,
    dotted_filter: Cow<'static, [u64]>,
    dotted_brand: Cow<'static, [u32]>,
    dotted_domain: Cow<'static, [Span]>,
    /// Brand word → brand (a word may belong to several brands; the first listed wins).
    word_keys: Cow<'static, [Span]>,
    word_slots: Cow<'static, [u32]>,
    word_filter: Cow<'static, [u64]>,
    word_start_filter: Cow<'static, [u64]>,
    word_brand: Cow<'static, [u32]>,
    /// Lengths of the brand words, for substring search without scanning the list.
    pub word_lengths: Cow<'static, [usize]>,
    /// Lookalike targets.
    targets: Cow<'static, [TargetRow]>,
    /// Exact target text → `exact_list[start..start + count]`, target indexes ascending.
    exact_keys: Cow<'static, [Span]>,
    exact_slots: Cow<'static, [u32]>,
    exact_filter: Cow<'static, [u64]>,
    exact_range: Cow<'static, [(u32, u32)]>,
    exact_list: Cow<'static, [u32]>,
    /// Target indexes by text length, with their letter masks (see `brand_data::derive`).
    by_len: Cow<'static, [u32]>,
    len_start: Cow<'static, [u32]>,
    len_masks: Cow<'static, [u32]>,
    /// Shortest and longest target: a string further than two edits from both ends of this
    /// range cannot be close to any target.
    pub target_len: (usize, usize),
    /// Deletion neighbourhood (SymSpell), only for lists with more than SCAN_MAX_TARGETS
    /// targets: sorted (hash of a target with up to one or two characters deleted, target index).
    /// A label within edit distance k of a target shares a key with it.
    deletions: Vec<(u64, u32)>,
    /// Deletion key → (start, count) of its run in `deletions`.
    deletion_runs: HashMap<u64, (u32, u32)>,
    /// The shuffle check's targets, made on first use (see [`BrandIndex::scramble_targets`]).
    scramble: OnceLock<Vec<ScrambleTarget>>,
    /// For a list laid out at run time, each brand's id, names, site and first domain as text
    /// that verdicts share (see [`BrandIndex::brand_ref`]); empty for the shipped (static) one.
    /// Not in the .wasm (see verdict::Text).
    #[cfg(not(target_arch = "wasm32"))]
    shared: Vec<[Text; 5]>,
    /// The length buckets by end byte, made on first use (see [`Ends`]).
    ends: OnceLock<Ends>,
}

/// The length scan's buckets (`by_len`, same ranges) each sorted by the first byte of the texts,
/// and again by the last byte, as (that byte, the other end's byte, letter mask, group). An
/// ASCII string of three bytes or more within one edit of a text keeps its first byte or its
/// last (one edit at one end leaves the other end as it was), so for buckets where one edit is
/// allowed the scan reads only the entries of the string's two end bytes.
#[derive(Debug, Default)]
struct Ends {
    first: Vec<(u8, u8, u32, u32)>,
    last: Vec<(u8, u8, u32, u32)>,
    /// Where each byte class ([`end_class`]) starts in a bucket of `first` / `last`: entries
    /// `[(bucket * 28 + class) ..][..2]` bound it.
    first_at: Vec<u32>,
    last_at: Vec<u32>,
}

/// Sorts a bucket of [`Ends`] by [`end_class`] (a counting sort, which keeps the bucket's order
/// within a class) and returns where each class starts in it, then its length.
#[cold]
#[inline(never)]
fn by_class(bucket: &mut [(u8, u8, u32, u32)]) -> [usize; 28] {
    let mut start = [0usize; 28];
    for x in bucket.iter() {
        if let Some(c) = start.get_mut(end_class(x.0) + 1) {
            *c += 1;
        }
    }
    let mut sum = 0;
    for c in start.iter_mut() {
        sum += *c;
        *c = sum;
    }
    let mut next = start;
    let mut sorted = vec![(0, 0, 0, 0); bucket.len()];
    for x in bucket.iter() {
        if let Some(slot) = next.get_mut(end_class(x.0)) {
            if let Some(place) = sorted.get_mut(*slot) {
                *place = *x;
            }
            *slot += 1;
        }
    }
    bucket.copy_from_slice(&sorted);
    start
}

/// A byte's class in [`Ends`]: a lower-case letter's own (0 to 25), 26 for every other byte.
fn end_class(b: u8) -> usize {
    if b.is_ascii_lowercase() {
        usize::from(b - b'a')
    } else {
        26
    }
}

/// How many brands (the most impersonated, in file order) the shuffle check compares against:
/// a fixed bound, so its cost does not grow with the brand list.
pub const SCRAMBLE_BRANDS: usize = 40;

/// A brand's domain label as the shuffle check compares it: its letters as written (`mercari`,
/// not the `mercarl` the target text stores), counted.
#[derive(Debug, Clone)]
pub struct ScrambleTarget {
    /// Index of the lookalike target (`BrandIndex::target`).
    pub target: u32,
    /// The label's first byte and length.
    pub first: u8,
    pub len: usize,
    /// How many of each letter a–z the label has.
    pub letters: [u8; 26],
}

/// Optimal-string-alignment distance (`strsim::osa_distance`) capped at `k + 1`: exact when it is
/// at most `k`. Computed on a band of width 2k+1 in fixed arrays (no allocation) for ASCII
/// strings up to 62 bytes, where bytes are chars; by strsim otherwise.
pub fn osa_capped(a: &str, b: &str, k: usize) -> usize {
    const W: usize = 64;
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let (n, m) = (x.len(), y.len());
    let inf = k + 1;
    if n.abs_diff(m) > k {
        if a.is_ascii() && b.is_ascii() {
            return inf;
        }
        return strsim::osa_distance(a, b).min(inf);
    }
    if k == 1 && a.is_ascii() && b.is_ascii() {
        return osa_within_one(x, y);
    }
    // Cells are bytes (every value is capped at inf): the rows are 192 bytes to set up, not
    // 1.5 KiB of usize.
    let Ok(cap) = u8::try_from(inf) else {
        return strsim::osa_distance(a, b).min(inf);
    };
    if n + 2 > W || m + 2 > W || cap == u8::MAX || !a.is_ascii() || !b.is_ascii() {
        return strsim::osa_distance(a, b).min(inf);
    }
    // Rows i-2, i-1, i of D, D[i][j] = distance of x[..i] and y[..j], capped at inf. Rotated
    // by swapping references, not the arrays.
    let mut rows = [[cap; W]; 3];
    let [r0, r1, r2] = &mut rows;
    let (mut r0, mut r1, mut r2) = (r0, r1, r2);
    // (j and i below are at most 62: the casts to u8 are exact.)
    for (j, c) in r1.iter_mut().enumerate().take(m + 1) {
        *c = (j as u8).min(cap);
    }
    for i in 1..=n {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        if let Some(c) = r2.get_mut(0) {
            *c = (i as u8).min(cap);
        }
        if lo >= 2 {
            if let Some(c) = r2.get_mut(lo - 1) {
                *c = cap;
            }
        }
        if let Some(c) = r2.get_mut(hi + 1) {
            *c = cap;
        }
        let xi = x.get(i - 1).copied().unwrap_or(0);
        // Column 0 (D[i][0] = i) is in the band while i <= k.
        let mut row_min = if i <= k { i as u8 } else { cap };
        for j in lo..=hi {
            let yj = y.get(j - 1).copied().unwrap_or(0);
            let cost = u8::from(xi != yj);
            let del = r1.get(j).copied().unwrap_or(cap) + 1;
            let ins = r2.get(j - 1).copied().unwrap_or(cap) + 1;
            let sub = r1.get(j - 1).copied().unwrap_or(cap) + cost;
            let mut v = del.min(ins).min(sub);
            if i > 1 && j > 1 && x.get(i - 2) == Some(&yj) && y.get(j - 2) == Some(&xi) {
                v = v.min(r0.get(j - 2).copied().unwrap_or(cap) + 1);
            }
            let v = v.min(cap);
            if let Some(c) = r2.get_mut(j) {
                *c = v;
            }
            row_min = row_min.min(v);
        }
        if row_min >= cap {
            return inf;
        }
        std::mem::swap(&mut r0, &mut r1);
        std::mem::swap(&mut r1, &mut r2);
    }
    usize::from(r1.get(m).copied().unwrap_or(cap).min(cap))
}

/// [`osa_capped`] for k = 1 (0, 1, or 2 for more): one edit is decided at the first byte that
/// differs, without the table. Equal lengths: a substitution there, or the two bytes there
/// swapped; one byte longer: that byte deleted (in a run of equal bytes, deleting any is
/// deleting this one).
fn osa_within_one(x: &[u8], y: &[u8]) -> usize {
    let i = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let (xs, ys) = (x.get(i..).unwrap_or(&[]), y.get(i..).unwrap_or(&[]));
    if xs.is_empty() && ys.is_empty() {
        return 0;
    }
    let one = match xs.len().cmp(&ys.len()) {
        std::cmp::Ordering::Equal => {
            xs.get(1..) == ys.get(1..)
                || (xs.len() >= 2
                    && xs.first() == ys.get(1)
                    && xs.get(1) == ys.first()
                    && xs.get(2..) == ys.get(2..))
        }
        std::cmp::Ordering::Greater => xs.get(1..) == Some(ys),
        std::cmp::Ordering::Less => ys.get(1..) == Some(xs),
    };
    if one {
        1
    } else {
        2
    }
}

/// `x.count_ones() <= k`, for the small k of the length scan (2 or 4). Without a popcount
/// instruction (baseline x86-64) count_ones is a dozen operations, and this test runs once per
/// target of a length bucket: clearing the lowest set bit k times (unrolled) is fewer.
#[inline]
fn at_most_bits(x: u64, k: u32) -> bool {
    if cfg!(any(target_feature = "popcnt", target_arch = "wasm32")) {
        return x.count_ones() <= k;
    }
    let drop = |x: u64| x & x.wrapping_sub(1);
    match k {
        1 => drop(x) == 0,
        2 => drop(drop(x)) == 0,
        3 => drop(drop(drop(x))) == 0,
        4 => drop(drop(drop(drop(x)))) == 0,
        _ => x.count_ones() <= k,
    }
}

/// Bit i set when `masks[i] ^ mask` has at most K bits (K is 2 to 4), by clearing its lowest set
/// bit K times: no branch, so the N tests become a few vector operations.
#[inline(always)]
fn passing<const K: u32, const N: usize>(masks: &[u32; N], mask: u32) -> u32 {
    let mut hits = 0u32;
    for (i, m) in masks.iter().enumerate() {
        let mut x = m ^ mask;
        for _ in 0..K {
            x &= x.wrapping_sub(1);
        }
        hits |= u32::from(x == 0) << i;
    }
    hits
}

/// How many deletions the neighbourhood holds for a string of this length.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=8 => 1,
        _ => 2,
    }
}

/// Hashes of every string obtained from `s` by deleting up to `k` (at most 2) bytes, `s`
/// included, without building the strings: a polynomial hash, so each variant costs O(1) from
/// prefix hashes. Duplicates are possible; collisions are harmless because every candidate is
/// verified by edit distance. Strings longer than 64 bytes give nothing.
pub fn deletion_hashes(s: &[u8], k: usize, mut each: impl FnMut(u64)) {
    const B: u64 = 0x0000_0100_0000_01b3;
    let n = s.len();
    if n > 64 {
        return;
    }
    // pre[i] = hash of s[..i]; pow[i] = B^i.
    let mut pre = [0u64; 65];
    let mut pow = [1u64; 65];
    for i in 0..n {
        let c = u64::from(*s.get(i).unwrap_or(&0)) + 1;
        let (p, q) = (
            pre.get(i).copied().unwrap_or(0),
            pow.get(i).copied().unwrap_or(1),
        );
        if let Some(x) = pre.get_mut(i + 1) {
            *x = p.wrapping_mul(B).wrapping_add(c);
        }
        if let Some(x) = pow.get_mut(i + 1) {
            *x = q.wrapping_mul(B);
        }
    }
    let pre_at = |i: usize| pre.get(i).copied().unwrap_or(0);
    let pow_at = |i: usize| pow.get(i).copied().unwrap_or(1);
    // Hash of s[i..j].
    let range = |i: usize, j: usize| pre_at(j).wrapping_sub(pre_at(i).wrapping_mul(pow_at(j - i)));
    each(pre_at(n));
    if k == 0 || n <= 2 {
        return;
    }
    for a in 0..n {
        // s[..a] ++ s[a+1..]
        let h1 = pre_at(a)
            .wrapping_mul(pow_at(n - a - 1))
            .wrapping_add(range(a + 1, n));
        each(h1);
        if k >= 2 && n > 3 {
            for b in (a + 1)..n {
                // s[..a] ++ s[a+1..b] ++ s[b+1..]
                let h2 = pre_at(a)
                    .wrapping_mul(pow_at(n - a - 2))
                    .wrapping_add(range(a + 1, b).wrapping_mul(pow_at(n - b - 1)))
                    .wrapping_add(range(b + 1, n));
                each(h2);
            }
        }
    }
}

impl BrandIndex {
    /// The index of the shipped brands: static tables, nothing built.
    pub fn shipped() -> BrandIndex {
        shipped_index()
    }

    pub fn new(brands: Vec<Brand>) -> BrandIndex {
        let d: Derived = data::derive(&brands, &|dom: &str| crate::domain::split(dom).suffix_start);
        let l = data::lay_out(&brands, d, "");
        let mut idx = BrandIndex {
            list: OnceLock::from(brands),
            shipped: false,
            blob: Cow::Owned(l.blob),
            brands: Cow::Owned(l.brands),
            domain_keys: Cow::Owned(l.domain_keys),
            domain_slots: Cow::Owned(l.domain_slots),
            domain_filter: Cow::Owned(l.domain_filter),
            domain_brand: Cow::Owned(l.domain_brand),
            dotted_keys: Cow::Owned(l.dotted_keys),
            dotted_slots: Cow::Owned(l.dotted_slots),
            dotted_filter: Cow::Owned(l.dotted_filter),
            dotted_brand: Cow::Owned(l.dotted_brand),
            dotted_domain: Cow::Owned(l.dotted_domain),
            word_keys: Cow::Owned(l.word_keys),
            word_slots: Cow::Owned(l.word_slots),
            word_filter: Cow::Owned(l.word_filter),
            word_start_filter: Cow::Owned(l.word_start_filter),
            word_brand: Cow::Owned(l.word_brand),
            word_lengths: Cow::Owned(l.word_lengths),
            targets: Cow::Owned(l.targets),
            exact_keys: Cow::Owned(l.exact_keys),
            exact_slots: Cow::Owned(l.exact_slots),
            exact_filter: Cow::Owned(l.exact_filter),
            exact_range: Cow::Owned(l.exact_range),
            exact_list: Cow::Owned(l.exact_list),
            by_len: Cow::Owned(l.by_len),
            len_start: Cow::Owned(l.len_start),
            len_masks: Cow::Owned(l.len_masks),
            target_len: l.target_len,
            deletions: Vec::new(),
            deletion_runs: HashMap::default(),
            scramble: OnceLock::new(),
            ends: OnceLock::new(),
            #[cfg(not(target_arch = "wasm32"))]
            shared: Vec::new(),
        };
        #[cfg(not(target_arch = "wasm32"))]
        {
            idx.shared = (0..idx.brands.len())
                .filter_map(|i| idx.get(i))
                .map(|v| {
                    [v.id, v.name_en, v.name_ja, v.official_site, v.first_domain].map(Text::from)
                })
                .collect();
        }
        // Not in the .wasm: a browser's list is the shipped one plus a few domains, and the scan
        // finds the same targets (the test below checks both against brute force).
        if cfg!(not(target_arch = "wasm32")) && idx.targets.len() > SCAN_MAX_TARGETS {
            idx.build_deletions();
        }
        idx
    }

    /// `s` as verdict text: borrowed when it lies in the shipped (static) blob, as the brands'
    /// names, sites and domains do, copied otherwise.
    pub fn text(&self, s: &str) -> Text {
        if let Cow::Borrowed(blob) = self.blob {
            // Where `s` would start in the blob (a wrapped, out-of-range offset when it is not
            // there); taken only when the blob's bytes there are `s`'s own.
            let at = (s.as_ptr() as usize).wrapping_sub(blob.as_ptr() as usize);
            if let Some(t) = at.checked_add(s.len()).and_then(|end| blob.get(at..end)) {
                if std::ptr::eq(t.as_ptr(), s.as_ptr()) {
                    return Text::from_static(t);
                }
            }
        }
        Text::from(s)
    }

    /// A reason's view of brand `b`, naming `domain`: its strings borrowed from the static blob
    /// when they are there (see [`BrandIndex::text`]).
    pub fn brand_ref(&self, b: usize, domain: &str) -> Option<BrandRef> {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some([id, name_en, name_ja, official_site, first_domain]) = self.shared.get(b) {
            return Some(BrandRef {
                id: id.clone(),
                name_en: name_en.clone(),
                name_ja: name_ja.clone(),
                official_site: official_site.clone(),
                official_domain: if domain == first_domain.as_str() {
                    first_domain.clone()
                } else {
                    Text::from(domain)
                },
            });
        }
        let v = self.get(b)?;
        Some(BrandRef {
            id: self.text(v.id),
            name_en: self.text(v.name_en),
            name_ja: self.text(v.name_ja),
            official_site: self.text(v.official_site),
            official_domain: self.text(domain),
        })
    }

    /// A string of the blob.
    #[inline]
    fn str(&self, (start, len): Span) -> &str {
        self.blob
            .get(start as usize..start as usize + len as usize)
            .unwrap_or("")
    }

    /// Entry of a string-keyed table (see hashtab.rs).
    #[inline]
    fn find(&self, filter: &[u64], slots: &[u32], keys: &[Span], key: &str) -> Option<usize> {
        if !crate::hashtab::filter_has(filter, key.as_bytes()) {
            return None;
        }
        self.probe(slots, keys, key)
    }

    /// [`BrandIndex::find`] past the filter (one copy of the probe for every table).
    #[inline]
    fn probe(&self, slots: &[u32], keys: &[Span], key: &str) -> Option<usize> {
        crate::hashtab::find(slots, key, |i| keys.get(i).map(|sp| self.str(*sp)))
    }

    fn build_deletions(&mut self) {
        let mut deletions = Vec::new();
        for (ti, t) in self.targets().enumerate() {
            let ti = ti as u32;
            deletion_hashes(t.text.as_bytes(), max_edits(t.text.len()), |h| {
                deletions.push((h, ti))
            });
        }
        self.deletions = deletions;
        self.deletions.sort_unstable();
        self.deletions.dedup();
        let mut i = 0;
        while let Some(&(h, _)) = self.deletions.get(i) {
            let run = self
                .deletions
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|(k, _)| *k == h)
                .count();
            self.deletion_runs.insert(h, (i as u32, run as u32));
            i += run;
        }
    }

    /// The brand list the index was made from.
    pub fn list(&self) -> &[Brand] {
        self.list.get_or_init(|| {
            if self.shipped {
                shipped().unwrap_or_default()
            } else {
                Vec::new()
            }
        })
    }

    /// True when lookalike candidates come from the deletion index rather than a scan.
    pub fn uses_deletions(&self) -> bool {
        cfg!(not(target_arch = "wasm32")) && !self.deletion_runs.is_empty()
    }

    /// Targets sharing a deletion-neighbourhood key.
    pub fn by_deletion(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        let (start, count) = self.deletion_runs.get(&h).copied().unwrap_or((0, 0));
        self.deletions
            .get(start as usize..(start + count) as usize)
            .unwrap_or(&[])
            .iter()
            .map(|(_, t)| *t)
    }

    /// Every target whose text could be within `max_edits(min(len))` edits of `s` (a superset),
    /// by the length index and letter masks, as groups of the targets that share one text (in
    /// ascending index order within a group): a caller compares each text once.
    pub fn scan_candidates(&self, s: &[u8], mut each: impl FnMut(&[u32])) {
        let l = s.len();
        let mask = data::letter_mask(s);
        let lo = l.saturating_sub(2);
        // The string's end bytes, when the one-edit buckets can be read by them (see [`Ends`]).
        let ends = match (s.first(), s.last()) {
            (Some(&f), Some(&z)) if l >= 3 && s.is_ascii() => Some((f, z)),
            _ => None,
        };
        for tl in lo..=l + 2 {
            let allowed = max_edits(tl.min(l));
            if tl.abs_diff(l) > allowed {
                continue;
            }
            // Mask bits that `allowed` edits can change between lengths l and tl: an insertion or
            // deletion changes one class bit at most, a substitution two, a transposition none,
            // and at least |tl - l| of the edits are insertions or deletions.
            let limit = (2 * allowed - tl.abs_diff(l)) as u32;
            let key = tl.min(data::MAX_INDEXED_LEN + 1);
            let (Some(&a), Some(&b)) = (self.len_start.get(key), self.len_start.get(key + 1))
            else {
                continue;
            };
            let (a, b) = (a as usize, b as usize);
            if let (1, Some((f, z))) = (allowed, ends) {
                let index = self.ends();
                let mut from_end =
                    |entries: &[(u8, u8, u32, u32)], at: &[u32], byte: u8, skip: Option<u8>| {
                        let c = key * 28 + end_class(byte);
                        let (Some(&from), Some(&to)) = (at.get(c), at.get(c + 1)) else {
                            return;
                        };
                        for e in entries.get(from as usize..to as usize).unwrap_or(&[]) {
                            // (Those with the first byte too were read by first byte.)
                            if e.0 == byte
                                && skip != Some(e.1)
                                && (if limit == 1 {
                                    at_most_bits(u64::from(e.2 ^ mask), 1)
                                } else {
                                    at_most_bits(u64::from(e.2 ^ mask), 2)
                                })
                            {
                                let group =
                                    self.exact_range.get(e.3 as usize).and_then(|(a, n)| {
                                        self.exact_list.get(*a as usize..(*a + *n) as usize)
                                    });
                                if let Some(group) = group {
                                    each(group);
                                }
                            }
                        }
                    };
                from_end(&index.first, &index.first_at, f, None);
                from_end(&index.last, &index.last_at, z, Some(f));
                continue;
            }
            let (Some(ids), Some(masks)) = (self.by_len.get(a..b), self.len_masks.get(a..b)) else {
                continue;
            };
            let mut visit = |gi: &u32| {
                let group = self
                    .exact_range
                    .get(*gi as usize)
                    .and_then(|(a, n)| self.exact_list.get(*a as usize..(*a + *n) as usize));
                if let Some(group) = group {
                    each(group);
                }
            };
            // N masks at a time into a bitmap of those that pass (a fixed-size body the compiler
            // turns into vector operations), then only the passing ones are visited: the test
            // runs on every target of the bucket, and most fail it.
            const N: usize = 16;
            let (mut id_chunks, mut mask_chunks) = (ids.chunks_exact(N), masks.chunks_exact(N));
            for (ic, mc) in (&mut id_chunks).zip(&mut mask_chunks) {
                let Ok(mc) = <&[u32; N]>::try_from(mc) else {
                    continue;
                };
                let mut hits = match limit {
                    0..=2 => passing::<2, N>(mc, mask),
                    3 => passing::<3, N>(mc, mask),
                    _ => passing::<4, N>(mc, mask),
                };
                while hits != 0 {
                    let i = hits.trailing_zeros() as usize;
                    hits &= hits - 1;
                    if let Some(gi) = ic.get(i) {
                        visit(gi);
                    }
                }
            }
            for (gi, m) in id_chunks.remainder().iter().zip(mask_chunks.remainder()) {
                if at_most_bits(u64::from(m ^ mask), limit) {
                    visit(gi);
                }
            }
            if key > data::MAX_INDEXED_LEN {
                break;
            }
        }
    }

    /// The buckets by end byte (see [`Ends`]), made on first use.
    fn ends(&self) -> &Ends {
        self.ends.get_or_init(|| self.make_ends())
    }

    /// [`BrandIndex::ends`]'s index, made once: out of line, and optimized as run once.
    #[cold]
    #[inline(never)]
    fn make_ends(&self) -> Ends {
        let mut e = Ends::default();
        for (gi, m) in self.by_len.iter().zip(self.len_masks.iter()) {
            let text = self
                .exact_keys
                .get(*gi as usize)
                .map_or(&[][..], |sp| self.str(*sp).as_bytes());
            let (f, z) = (
                text.first().copied().unwrap_or(0),
                text.last().copied().unwrap_or(0),
            );
            e.first.push((f, z, *m, *gi));
            e.last.push((z, f, *m, *gi));
        }
        for w in self.len_start.windows(2) {
            let [a, b] = *w else { continue };
            for (v, at) in [
                (&mut e.first, &mut e.first_at),
                (&mut e.last, &mut e.last_at),
            ] {
                let bucket = v.get_mut(a as usize..b as usize).unwrap_or(&mut []);
                at.extend(by_class(bucket).iter().map(|i| a + *i as u32));
            }
        }
        e
    }

    /// Indexes of the targets whose text is exactly `s`, ascending.
    pub fn exact(&self, s: &str) -> &[u32] {
        self.find(&self.exact_filter, &self.exact_slots, &self.exact_keys, s)
            .and_then(|i| self.exact_range.get(i))
            .and_then(|(a, n)| self.exact_list.get(*a as usize..(*a + *n) as usize))
            .unwrap_or(&[])
    }

    pub fn get(&self, i: usize) -> Option<BrandView<'_>> {
        let [id, name_en, name_ja, official_site, first_domain] = *self.brands.get(i)?;
        Some(BrandView {
            id: self.str(id),
            name_en: self.str(name_en),
            name_ja: self.str(name_ja),
            official_site: self.str(official_site),
            first_domain: self.str(first_domain),
        })
    }

    /// The brand's first official domain ("" for an unknown brand).
    pub fn first_domain(&self, i: usize) -> &str {
        self.brands.get(i).map_or("", |b| self.str(b[4]))
    }

    /// The `domain_brand` entry of a registrable domain: the brand's index, and its
    /// [`data::HOSTING_DOMAIN`] bit.
    #[inline]
    fn domain_entry(&self, registrable: &str) -> Option<u32> {
        let i = self.find(
            &self.domain_filter,
            &self.domain_slots,
            &self.domain_keys,
            registrable,
        )?;
        self.domain_brand.get(i).copied()
    }

    /// The brand owning this registrable domain (not one of its hosting platforms: see
    /// [`BrandIndex::host_of`]).
    #[inline]
    pub fn owner(&self, registrable: &str) -> Option<usize> {
        self.domain_entry(registrable)
            .filter(|b| b & data::HOSTING_DOMAIN == 0)
            .map(|b| b as usize)
    }

    /// The brand that runs this registrable domain as a platform for others' content
    /// (`amazonaws.com`, `~amazonaws.com` in brands.tsv): its name is the brand's, its hosts are not.
    pub fn host_of(&self, registrable: &str) -> Option<usize> {
        self.domain_entry(registrable)
            .filter(|b| b & data::HOSTING_DOMAIN != 0)
            .map(|b| (b & !data::HOSTING_DOMAIN) as usize)
    }

    /// The brand of a word. The filter is asked in line, where the word is looked up (most
    /// substrings and tokens tried are no brand word): only the rest is a call.
    #[inline(always)]
    pub fn word(&self, w: &str) -> Option<usize> {
        if !crate::hashtab::filter_has(&self.word_filter, w.as_bytes()) {
            return None;
        }
        self.word_past_filter(w)
    }

    /// [`BrandIndex::word`] for a word its filter let through.
    #[inline(never)]
    fn word_past_filter(&self, w: &str) -> Option<usize> {
        let i = self.probe(&self.word_slots, &self.word_keys, w)?;
        self.word_brand
            .get(i)
            .map(|b| (*b & !data::EVERYDAY_WORD) as usize)
    }

    /// Whether a brand word is also an everyday abbreviation (`etc`; `etc*` in brands.tsv).
    pub fn everyday_word(&self, w: &str) -> bool {
        self.find(&self.word_filter, &self.word_slots, &self.word_keys, w)
            .and_then(|i| self.word_brand.get(i))
            .is_some_and(|b| b & data::EVERYDAY_WORD != 0)
    }

    /// Bit `s` is set when a brand word of five bytes or more may start at byte `s` of `tok`
    /// (first 64 bytes; a filter, so set bits may be false alarms, clear bits never are).
    pub fn word_starts(&self, tok: &str) -> u64 {
        let b = tok.as_bytes();
        let f = &self.word_start_filter;
        // filter_has, with the three-byte hash written out.
        let bits = f.len() * 64;
        let mut m = 0u64;
        for (s, w) in b.windows(3).take(64).enumerate() {
            if let [x, y, z] = *w {
                let i = crate::hashtab::filter_bit3(x, y, z) as usize & bits.wrapping_sub(1);
                if bits == 0 || f.get(i / 64).is_none_or(|w| (w >> (i % 64)) & 1 == 1) {
                    m |= 1 << s;
                }
            }
        }
        m
    }

    /// False when no dotted domain has a key of this length, first three bytes and last byte
    /// (three bytes or more): [`BrandIndex::dotted`]'s filter, before a key is pieced together.
    #[inline]
    pub fn dotted_may_have(&self, len: usize, head: [u8; 3], last: u8) -> bool {
        crate::hashtab::filter_has_bit(
            &self.dotted_filter,
            crate::hashtab::filter_bit_of(len, head, last),
        )
    }

    /// The brand and domain of a dotted domain (`eki.net.com` → eki-net.com).
    pub fn dotted(&self, key: &str) -> Option<(usize, &str)> {
        let i = self.find(
            &self.dotted_filter,
            &self.dotted_slots,
            &self.dotted_keys,
            key,
        )?;
        Some((
            *self.dotted_brand.get(i)? as usize,
            self.str(*self.dotted_domain.get(i)?),
        ))
    }

    pub fn target(&self, i: u32) -> Option<Target<'_>> {
        let t = self.targets.get(i as usize)?;
        let domain = self.str(t.domain);
        Some(Target {
            text: self.str(t.text),
            brand: t.brand as usize,
            domain,
            suffix: domain
                .get(domain.len().saturating_sub(t.suffix_len as usize)..)
                .unwrap_or(""),
        })
    }

    /// A target's text ("" for an unknown index).
    #[inline]
    pub fn target_text(&self, i: u32) -> &str {
        self.targets
            .get(i as usize)
            .map_or("", |t| self.str(t.text))
    }

    /// A target's suffix ("" for an unknown index or a word).
    pub fn target_suffix(&self, i: u32) -> &str {
        self.target(i).map_or("", |t| t.suffix)
    }

    /// The targets of the first [`SCRAMBLE_BRANDS`] brands that are a domain's own label of six
    /// lower-case letters or more (`mercari` of `mercari.com`), one per distinct label, grouped
    /// by first letter (a stable sort: in list order within a letter, so the first of a letter
    /// to match is the first of the list to match).
    pub fn scramble_targets(&self) -> &[ScrambleTarget] {
        self.scramble.get_or_init(|| {
            let mut out: Vec<ScrambleTarget> = Vec::new();
            let mut seen: Vec<&str> = Vec::new();
            for (i, t) in self.targets().enumerate() {
                if t.brand >= SCRAMBLE_BRANDS {
                    break;
                }
                let label = t.domain.get(..t.text.len()).unwrap_or("");
                if label.len() < 6
                    || t.domain.as_bytes().get(label.len()) != Some(&b'.')
                    || !label.bytes().all(|b| b.is_ascii_lowercase())
                    || data::unconfuse(label) != t.text
                    || seen.contains(&label)
                {
                    continue;
                }
                seen.push(label);
                out.push(ScrambleTarget {
                    target: i as u32,
                    first: label.as_bytes().first().copied().unwrap_or(0),
                    len: label.len(),
                    letters: data::letter_counts(label),
                });
            }
            out.sort_by_key(|t| t.first);
            out
        })
    }

    /// The lookalike targets, in order.
    pub fn targets(&self) -> impl Iterator<Item = Target<'_>> + '_ {
        (0..self.targets.len() as u32).filter_map(|i| self.target(i))
    }

    /// Number of lookalike targets.
    pub fn target_count(&self) -> usize {
        self.targets.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(s: &str, k: usize) -> Vec<u64> {
        let mut v = Vec::new();
        deletion_hashes(s.as_bytes(), k, |h| v.push(h));
        v
    }

    fn same_index(a: &BrandIndex, b: &BrandIndex) {
        assert_eq!(a.brands.len(), b.brands.len());
        for i in 0..a.brands.len() {
            let (x, y) = (a.get(i).unwrap(), b.get(i).unwrap());
            assert_eq!(
                (x.id, x.name_en, x.name_ja, x.official_site, x.first_domain),
                (y.id, y.name_en, y.name_ja, y.official_site, y.first_domain)
            );
        }
        assert_eq!(a.targets.len(), b.targets.len());
        for (x, y) in a.targets().zip(b.targets()) {
            assert_eq!(
                (x.text, x.brand, x.domain, x.suffix),
                (y.text, y.brand, y.domain, y.suffix)
            );
        }
        let keys = |i: &BrandIndex, k: &[Span]| -> Vec<String> {
            k.iter().map(|sp| i.str(*sp).to_string()).collect()
        };
        assert_eq!(keys(a, &a.domain_keys), keys(b, &b.domain_keys));
        assert_eq!(keys(a, &a.dotted_keys), keys(b, &b.dotted_keys));
        assert_eq!(keys(a, &a.dotted_domain), keys(b, &b.dotted_domain));
        assert_eq!(keys(a, &a.word_keys), keys(b, &b.word_keys));
        assert_eq!(keys(a, &a.exact_keys), keys(b, &b.exact_keys));
        for k in keys(a, &a.domain_keys) {
            assert_eq!(a.owner(&k), b.owner(&k), "{k}");
            assert_eq!(a.host_of(&k), b.host_of(&k), "{k}");
            assert!(a.owner(&k).is_some() != a.host_of(&k).is_some(), "{k}");
        }
        for k in keys(a, &a.dotted_keys) {
            assert_eq!(a.dotted(&k), b.dotted(&k), "{k}");
        }
        for k in keys(a, &a.word_keys) {
            assert_eq!(a.word(&k), b.word(&k), "{k}");
        }
        for t in a.targets() {
            assert_eq!(a.exact(t.text), b.exact(t.text));
        }
        assert_eq!(a.domain_slots, b.domain_slots);
        assert_eq!(a.dotted_slots, b.dotted_slots);
        assert_eq!(a.word_slots, b.word_slots);
        assert_eq!(a.exact_slots, b.exact_slots);
        assert_eq!(a.domain_filter, b.domain_filter);
        assert_eq!(a.dotted_filter, b.dotted_filter);
        assert_eq!(a.word_filter, b.word_filter);
        assert_eq!(a.word_start_filter, b.word_start_filter);
        assert_eq!(a.exact_filter, b.exact_filter);
        assert_eq!(a.domain_brand, b.domain_brand);
        assert_eq!(a.dotted_brand, b.dotted_brand);
        assert_eq!(a.word_brand, b.word_brand);
        assert_eq!(a.exact_range, b.exact_range);
        assert_eq!(a.exact_list, b.exact_list);
        assert_eq!(a.word_lengths, b.word_lengths);
        assert_eq!(a.by_len, b.by_len);
        assert_eq!(a.len_start, b.len_start);
        assert_eq!(a.len_masks, b.len_masks);
        assert_eq!(a.target_len, b.target_len);
        assert_eq!(a.owner("not-a-brand.example"), None);
        assert_eq!(a.word("zzzzzz"), None);
    }

    #[test]
    fn everyday_words_are_marked_in_the_data_file() {
        let b = BrandIndex::shipped();
        assert!(b.everyday_word("etc"));
        assert!(b.word("etc").is_some(), "still a brand word");
        assert!(!b.everyday_word("amazon"));
        let parsed = data::parse("x\tX\tX\thttps://x.jp/\tx.jp\txword abc*\t\n").unwrap();
        assert_eq!(parsed[0].words, ["xword", "abc"]);
        assert_eq!(parsed[0].everyday, ["abc"]);
        assert!(data::parse("x\tX\tX\thttps://x.jp/\tx.jp\ta*bc\t\n").is_err());
    }

    #[test]
    fn hosting_domains_are_the_brands_name_but_not_its_hosts() {
        let b = BrandIndex::shipped();
        let amazon = b.owner("amazon.co.jp");
        assert!(amazon.is_some());
        assert_eq!(
            b.owner("amazonaws.com"),
            None,
            "customers' hosts are not vouched for"
        );
        assert_eq!(b.host_of("amazonaws.com"), amazon);
        assert_eq!(b.host_of("amazon.co.jp"), None);
        assert!(b.exact("amazonaws").is_empty(), "no lookalike target");
        assert_eq!(b.dotted("amazonaws.com"), None, "no embedded brand domain");
        let parsed = data::parse("x\tX\tX\thttps://x.jp/\tx.jp ~xcloud.net\txword\t\n").unwrap();
        assert_eq!(parsed[0].domains, ["x.jp", "xcloud.net"]);
        assert_eq!(parsed[0].hosting, ["xcloud.net"]);
        let built = BrandIndex::new(parsed);
        assert_eq!(built.owner("xcloud.net"), None);
        assert_eq!(built.host_of("xcloud.net"), Some(0));
        assert!(
            data::parse("x\tX\tX\thttps://x.jp/\t~xcloud.net x.jp\txword\t\n").is_err(),
            "the first domain is the brand's own site"
        );
    }

    #[test]
    fn shipped_tables_match_runtime_derivation() {
        let list = shipped().unwrap();
        assert!(list.len() > 200);
        let built = BrandIndex::new(list.clone());
        let stat = BrandIndex::shipped();
        let d = data::derive(&list, &|dom: &str| crate::domain::split(dom).suffix_start);
        assert_eq!(d.targets.len(), stat.target_count());
        for (i, t) in d.targets.iter().enumerate() {
            let v = stat.target(i as u32).unwrap();
            assert_eq!(
                (v.text, v.brand, v.domain, v.suffix),
                (
                    t.text.as_str(),
                    t.brand,
                    t.domain.as_str(),
                    t.suffix.as_str()
                )
            );
        }
        same_index(&stat, &built);
        assert_eq!(stat.list().len(), list.len());
        assert!(!stat.uses_deletions());
    }

    /// Every target within `max_edits` of a string, three ways: brute force, the length scan and
    /// the deletion index. The scan and the index must both find exactly the brute-force set.
    #[test]
    fn scan_and_deletion_index_find_the_same_targets() {
        let mut idx = BrandIndex::new(shipped().unwrap());
        idx.build_deletions();
        let within = |s: &str, ti: u32| {
            let t = idx.target(ti).unwrap();
            strsim::osa_distance(s, t.text) <= max_edits(t.text.len().min(s.len()))
        };
        let mut probes: Vec<String> = Vec::new();
        let alphabet = b"aomz0-";
        for t in idx.targets().step_by(2) {
            let b = t.text.as_bytes();
            probes.push(t.text.to_string());
            for i in 0..b.len() {
                let mut del = b.to_vec();
                del.remove(i);
                probes.push(String::from_utf8_lossy(&del).into_owned());
                for (j, c) in alphabet.iter().enumerate() {
                    let mut sub = b.to_vec();
                    sub[i] = *c;
                    probes.push(String::from_utf8_lossy(&sub).into_owned());
                    let mut ins = b.to_vec();
                    ins.insert((i + j) % (b.len() + 1), *c);
                    if i % 3 == 0 {
                        // two edits: a deletion and an insertion elsewhere
                        let mut two = del.clone();
                        two.insert((i * 7 + j) % (del.len() + 1), *c);
                        probes.push(String::from_utf8_lossy(&two).into_owned());
                    }
                    probes.push(String::from_utf8_lossy(&ins).into_owned());
                }
                if i + 1 < b.len() {
                    let mut tr = b.to_vec();
                    tr.swap(i, i + 1);
                    probes.push(String::from_utf8_lossy(&tr).into_owned());
                }
            }
        }
        let n = idx.targets.len() as u32;
        for s in probes.iter().filter(|s| s.len() >= 3) {
            let mut brute: Vec<u32> = (0..n).filter(|ti| within(s, *ti)).collect();
            let mut scan = Vec::new();
            idx.scan_candidates(s.as_bytes(), |g| scan.extend_from_slice(g));
            let mut scan: Vec<u32> = scan.into_iter().filter(|ti| within(s, *ti)).collect();
            let mut del = Vec::new();
            deletion_hashes(s.as_bytes(), max_edits(s.len()), |h| {
                del.extend(idx.by_deletion(h))
            });
            let mut del: Vec<u32> = del.into_iter().filter(|ti| within(s, *ti)).collect();
            for v in [&mut brute, &mut scan, &mut del] {
                v.sort_unstable();
                v.dedup();
            }
            assert_eq!(scan, brute, "scan, {s}");
            assert_eq!(del, brute, "deletions, {s}");
        }
        assert!(probes.len() > 5_000);
    }

    #[test]
    fn filter_bit_hashes_the_first_three_bytes_and_the_last() {
        let reference = |key: &[u8]| {
            let mut h = (key.len() as u32).wrapping_mul(0x9E37_79B9);
            for b in key.iter().take(3).chain(key.last()) {
                h = (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
            }
            h ^ (h >> 15)
        };
        let bytes = b"amazon.co.jp-\x00\xff\xe3";
        for len in 0..=bytes.len() {
            for start in 0..bytes.len() - len + 1 {
                let key = bytes.get(start..start + len).unwrap_or(&[]);
                assert_eq!(crate::hashtab::filter_bit(key), reference(key), "{key:?}");
            }
        }
    }

    #[test]
    fn filter_bit_of_is_filter_bit_from_the_parts() {
        let bytes = b"amazon.co.jp-\x00\xff\xe3x";
        for len in 3..=bytes.len() {
            for start in 0..bytes.len() - len + 1 {
                let key = &bytes[start..start + len];
                let bit =
                    crate::hashtab::filter_bit_of(len, [key[0], key[1], key[2]], key[len - 1]);
                assert_eq!(bit, crate::hashtab::filter_bit(key), "{key:?}");
            }
        }
        let idx = BrandIndex::shipped();
        for k in idx.dotted_keys.iter().map(|sp| idx.str(*sp)) {
            let b = k.as_bytes();
            if b.len() >= 3 {
                assert!(
                    idx.dotted_may_have(b.len(), [b[0], b[1], b[2]], b[b.len() - 1]),
                    "{k}"
                );
            }
        }
    }

    #[test]
    fn filter_bit3_is_filter_bit_of_three_bytes() {
        for a in (0..=255u8).step_by(7) {
            for b in [0u8, 1, b'a', b'z', 0x80, 255] {
                for c in [0u8, b'-', b'm', 0xC3, 255] {
                    let want = crate::hashtab::filter_bit(&[a, b, c]);
                    assert_eq!(crate::hashtab::filter_bit3(a, b, c), want);
                }
            }
        }
    }

    #[test]
    fn at_most_bits_counts_bits() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            // Sparse and dense words alike.
            x = x.rotate_left(7).wrapping_mul(0x0100_0000_01B3) ^ 0x5851_F42D;
            for y in [x, x & x >> 7 & x >> 13, x & x >> 3, 0, 1 << (x % 64)] {
                for k in 0..6 {
                    assert_eq!(at_most_bits(y, k), y.count_ones() <= k, "{y:#x} {k}");
                }
            }
        }
    }

    #[test]
    fn osa_capped_agrees_with_strsim() {
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let alpha = b"abcab-";
        for _ in 0..200_000 {
            let la = (next() % 14) as usize;
            let a: String = (0..la)
                .map(|_| alpha[(next() % 6) as usize] as char)
                .collect();
            let mut b: Vec<u8> = a.bytes().collect();
            for _ in 0..(next() % 4) {
                let op = next() % 4;
                let at = (next() as usize) % (b.len() + 1);
                let c = alpha[(next() % 6) as usize];
                match op {
                    0 if at < b.len() => b[at] = c,
                    1 => b.insert(at, c),
                    2 if at < b.len() => {
                        b.remove(at);
                    }
                    3 if at + 1 < b.len() => b.swap(at, at + 1),
                    _ => {}
                }
            }
            let b = String::from_utf8(b).unwrap();
            for k in 0..=3 {
                let want = strsim::osa_distance(&a, &b).min(k + 1);
                assert_eq!(osa_capped(&a, &b, k), want, "{a} {b} {k}");
            }
        }
        assert_eq!(osa_capped("amazon", "amazom", 1), 1);
        assert_eq!(osa_capped("абв", "абг", 1), 1);
    }

    #[test]
    fn deletion_hashes_meet_in_the_middle() {
        // amazon and amazom share `amazo`; kuronekoyamato with two letters dropped is found.
        let a = hashes("amazon", 1);
        assert!(hashes("amazom", 1).iter().any(|h| a.contains(h)));
        let k = hashes("kuronekoyamato", 2);
        assert!(hashes("kuronekoyamat", 1).iter().any(|h| k.contains(h)));
        assert_eq!(hashes("abc", 0), hashes("abc", 0));
        assert!(!hashes("zzzzzz", 1).iter().any(|h| a.contains(h)));
    }
}
