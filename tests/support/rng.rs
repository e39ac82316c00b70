//! A small deterministic PRNG (xorshift64*), so generated inputs reproduce. Shared by
//! tests/boundary.rs and benches/check.rs (`#[path]` module).

pub struct Rng(pub u64);

#[allow(dead_code)] // each user takes what it needs
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
