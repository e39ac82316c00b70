//! The hash and open-addressing layout shared by build.rs (which lays out the static tables at
//! build time) and the crate (which reads them, or lays out the same tables at run time for a
//! user's brand list). Plain std only: build.rs includes this file with `#[path]`.
//!
//! A table is a power-of-two array of `u32` slots; a slot holds `entry index + 1`, or 0 when
//! empty; collisions probe linearly. Keys live elsewhere (the caller's entry list), so a lookup
//! always compares the key itself: a hash collision can cost a probe, never a wrong answer.

/// Hash of a byte string: word-at-a-time multiply-rotate, then a final mix. Not keyed: the keys
/// are our own data, and an attacker who aims URLs at one chain only costs a few more probes.
pub fn hash(s: &[u8]) -> u32 {
    const K: u32 = 0x9E37_79B9;
    let mut h = s.len() as u32;
    let mut chunks = s.chunks_exact(4);
    for c in &mut chunks {
        let w = u32::from_le_bytes(c.try_into().unwrap_or([0; 4]));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let mut tail = 0u32;
    for (i, b) in chunks.remainder().iter().enumerate() {
        tail |= u32::from(*b) << (8 * i);
    }
    h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    h ^ (h >> 16)
}

/// Home slot of a hash in a table of `2^bits` slots (top bits of a multiplicative mix).
pub fn home(h: u32, bits: u32) -> usize {
    if bits == 0 {
        return 0;
    }
    (h.wrapping_mul(0x85EB_CA6B) >> (32 - bits)) as usize
}

/// Number of slot bits for `n` keys: load factor at most 1/2.
pub fn bits_for(n: usize) -> u32 {
    let mut bits = 2;
    while (1usize << bits) < n.saturating_mul(2) {
        bits += 1;
    }
    bits
}

/// Lays out the slots for `keys` (entry i has key `keys[i]`). A key seen before keeps its first
/// entry (later duplicates are simply not reachable), as `HashMap::entry().or_insert` would.
pub fn layout<K: AsRef<str>>(keys: &[K]) -> Vec<u32> {
    let bits = bits_for(keys.len());
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u32; 1 << bits];
    for (i, k) in keys.iter().enumerate() {
        let k = k.as_ref();
        let mut at = home(hash(k.as_bytes()), bits);
        loop {
            match slots.get(at).copied() {
                Some(0) => {
                    if let Some(s) = slots.get_mut(at) {
                        *s = i as u32 + 1;
                    }
                    break;
                }
                Some(e) => {
                    let same = keys
                        .get(e as usize - 1)
                        .is_some_and(|other| other.as_ref() == k);
                    if same {
                        break;
                    }
                }
                None => break,
            }
            at = (at + 1) & mask;
        }
    }
    slots
}

/// The entry whose key equals `key`, given the slots and a key accessor.
#[inline]
pub fn find<'k>(
    slots: &[u32],
    key: &str,
    key_of: impl Fn(usize) -> Option<&'k str>,
) -> Option<usize> {
    let n = slots.len();
    if n == 0 {
        return None;
    }
    let bits = n.trailing_zeros();
    let mask = n - 1;
    let mut at = home(hash(key.as_bytes()), bits);
    for _ in 0..n {
        let e = *slots.get(at)?;
        if e == 0 {
            return None;
        }
        let i = e as usize - 1;
        if key_of(i) == Some(key) {
            return Some(i);
        }
        at = (at + 1) & mask;
    }
    None
}

/// Bit of a key in a table's filter: from its length and its first three and last bytes only,
/// so a miss (most lookups: every substring of a token is tried as a brand word) costs neither
/// a full hash nor a probe into the table.
#[inline]
pub fn filter_bit(key: &[u8]) -> u32 {
    let mix = |h: u32, b: u8| (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    let mut h = (key.len() as u32).wrapping_mul(0x9E37_79B9);
    // The first three bytes, then the last (`take(3).chain(last())`, written out).
    match *key {
        [] => {}
        [a] => h = mix(mix(h, a), a),
        [a, b] => h = mix(mix(mix(h, a), b), b),
        [a, b, c, ..] => h = mix(mix(mix(h, a), b), c),
    }
    if key.len() >= 3 {
        if let Some(&l) = key.last() {
            h = mix(h, l);
        }
    }
    h ^ (h >> 15)
}

/// [`filter_bit`] of the three-byte key `[a, b, c]`, written out (no loop over the key): the
/// word-start filter asks it for every three bytes of a token.
#[inline]
pub fn filter_bit3(a: u8, b: u8, c: u8) -> u32 {
    let mut h = 3u32.wrapping_mul(0x9E37_79B9);
    for x in [a, b, c, c] {
        h = (h ^ u32::from(x)).wrapping_mul(0x0100_0193);
    }
    h ^ (h >> 15)
}

/// [`filter_bit`] of a key of three bytes or more, from its length, its first three bytes and
/// its last: a caller that would piece the key together tests the filter first.
#[inline]
pub fn filter_bit_of(len: usize, [a, b, c]: [u8; 3], last: u8) -> u32 {
    let mut h = (len as u32).wrapping_mul(0x9E37_79B9);
    for x in [a, b, c, last] {
        h = (h ^ u32::from(x)).wrapping_mul(0x0100_0193);
    }
    h ^ (h >> 15)
}

/// Whether a filter has a bit ([`filter_has`] of a key whose [`filter_bit`] is known).
#[inline]
pub fn filter_has_bit(filter: &[u64], bit: u32) -> bool {
    let bits = filter.len() * 64;
    if bits == 0 {
        return true;
    }
    let i = bit as usize & (bits - 1);
    filter.get(i / 64).is_none_or(|w| (w >> (i % 64)) & 1 == 1)
}

/// A filter of at least `bits_per_key` bits per key (a power of two of u64 words); empty (lets
/// everything through) for 0.
pub fn filter_layout<K: AsRef<str>>(keys: &[K], bits_per_key: usize) -> Vec<u64> {
    if bits_per_key == 0 {
        return Vec::new();
    }
    let words = (keys.len().saturating_mul(bits_per_key).next_power_of_two() / 64).max(1);
    let mut f = vec![0u64; words];
    let mask = words * 64 - 1;
    for k in keys {
        let i = filter_bit(k.as_ref().as_bytes()) as usize & mask;
        if let Some(w) = f.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    f
}

/// False when the key is certainly not in the table the filter was laid out for.
#[inline]
pub fn filter_has(filter: &[u64], key: &[u8]) -> bool {
    let bits = filter.len() * 64;
    if bits == 0 {
        return true;
    }
    let i = filter_bit(key) as usize & (bits - 1);
    filter.get(i / 64).is_none_or(|w| (w >> (i % 64)) & 1 == 1)
}
