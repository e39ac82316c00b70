fn main() {
    let t = std::time::Instant::now();
    let list = linkguard::brands::shipped().unwrap_or_default();
    println!("parse {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let idx = linkguard::brands::BrandIndex::new(list);
    println!(
        "index {:?} targets {} deletions {}",
        t.elapsed(),
        idx.targets.len(),
        idx.deletions.len()
    );
    let t = std::time::Instant::now();
    let c = linkguard::Checker::new();
    let d = t.elapsed();
    let t2 = std::time::Instant::now();
    let v = c.check("https://www2.jcom.co.jp.login.vkia.cn/");
    println!("init {:?} first {:?} {:?}", d, t2.elapsed(), v.level);
}
