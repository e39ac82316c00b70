//! Hostile strings at the public entry points: `linkguard::check`, `Checker::with_settings` and
//! `linkguard::extract_urls`.
//!
//! Every input must give a well-formed verdict: no panic, a level among the four, a reason code
//! when the input is invalid, a verdict that serializes to JSON (the extension sends it through
//! `runtime.sendMessage`), and a bounded running time (a page can hand the checker any string).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::time::{Duration, Instant};

use linkguard::{check, extract_urls, Checker, Level, Sensitivity, Settings, Verdict};

const INVALID_CODES: &[&str] = &["empty_input", "unparseable_url", "unsupported_scheme"];

/// Generous wall-clock bound for one call on hostile input. Far above the microseconds a check
/// takes, even in a debug build on a busy 2-core machine, but low enough to catch the quadratic or
/// worse blow-ups that a megabyte of input would cause.
const SLOW: Duration = Duration::from_secs(5);

/// Bidi and invisible formatting characters that must never reach a displayed host.
fn is_bidi_or_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

/// The invariants every verdict must satisfy, whatever the input. Returns the verdict's JSON.
fn assert_well_formed(input: &str, v: &Verdict) -> serde_json::Value {
    let ctx = || {
        let shown: String = input.chars().take(80).collect();
        format!("input {shown:?} ({} bytes)", input.len())
    };
    // JSON serialization works and round-trips through a parser.
    let json = serde_json::to_string(v).unwrap_or_else(|e| panic!("{}: serialize: {e}", ctx()));
    let val: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: reparse: {e}", ctx()));
    let level = val["level"].as_str().unwrap_or("");
    assert!(
        ["safe", "suspicious", "dangerous", "invalid"].contains(&level),
        "{}: level {level:?}",
        ctx()
    );
    // Every documented field is present (null, never missing).
    for key in [
        "level",
        "score",
        "input",
        "url",
        "scheme",
        "hostAscii",
        "hostUnicode",
        "registrable",
        "publicSuffix",
        "suffixKind",
        "subdomain",
        "country",
        "reasons",
        "brand",
        "officialSite",
        "embeddedUrl",
        "dataVersion",
    ] {
        assert!(
            val.get(key).is_some(),
            "{}: field {key} missing in {json}",
            ctx()
        );
    }
    assert!(v.score >= 0, "{}: negative score {}", ctx(), v.score);
    // Reasons are sorted strongest first.
    for w in v.reasons.windows(2) {
        assert!(
            w[0].weight >= w[1].weight,
            "{}: reasons unsorted: {:?}",
            ctx(),
            v.codes()
        );
    }
    if v.level == Level::Invalid {
        let codes = v.codes();
        assert!(
            codes.first().is_some_and(|c| INVALID_CODES.contains(c)),
            "{}: invalid verdict without an input reason code: {codes:?}",
            ctx()
        );
        assert!(
            v.url.is_none() && v.host_ascii.is_none(),
            "{}: invalid but has a url",
            ctx()
        );
    } else {
        let url = v
            .url
            .as_deref()
            .unwrap_or_else(|| panic!("{}: judged without a url", ctx()));
        let parsed = url::Url::parse(url)
            .unwrap_or_else(|e| panic!("{}: verdict url {url:?} does not parse: {e}", ctx()));
        assert!(
            matches!(parsed.scheme(), "http" | "https"),
            "{}: judged a {} url",
            ctx(),
            parsed.scheme()
        );
        let ha = v
            .host_ascii
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no hostAscii", ctx()));
        assert!(
            ha.is_ascii() && !ha.is_empty(),
            "{}: hostAscii {ha:?}",
            ctx()
        );
        assert!(
            !v.codes().iter().any(|c| INVALID_CODES.contains(c)),
            "{}: judged verdict carries an input-error code: {:?}",
            ctx(),
            v.codes()
        );
        let hu = v
            .host_unicode
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no hostUnicode", ctx()));
        assert!(
            !hu.chars()
                .any(|c| is_bidi_or_invisible(c) || c.is_control()),
            "{}: displayed host {hu:?} carries bidi/invisible/control characters",
            ctx()
        );
        if let Some(reg) = &v.registrable {
            assert!(
                ha.ends_with(reg.as_str()),
                "{}: registrable {reg} not a suffix of {ha}",
                ctx()
            );
        }
    }
    val
}

/// Runs `check` with the default checker and checks the invariants and the time bound.
fn judge(input: &str) -> Verdict {
    let t = Instant::now();
    let v = check(input);
    let took = t.elapsed();
    assert!(
        took < SLOW,
        "check took {took:?} on {:?}… ({} bytes)",
        input.chars().take(60).collect::<String>(),
        input.len()
    );
    assert_well_formed(input, &v);
    v
}

fn assert_invalid(input: &str, code: &str) {
    let v = judge(input);
    assert_eq!(
        v.level,
        Level::Invalid,
        "{input:?} → {:?} {:?}",
        v.level,
        v.codes()
    );
    assert_eq!(v.codes().first().copied(), Some(code), "{input:?}");
}

#[test]
fn empty_and_whitespace_are_invalid() {
    for s in [
        "", " ", "\t", "\n", "\r\n", "   \t  ", "\u{3000}", "\u{00A0}", "\u{FEFF}",
    ] {
        assert_invalid(s, "empty_input");
    }
}

#[test]
fn broken_brackets_and_dots_are_invalid() {
    for s in [
        "http://[",
        "http://[::1",
        "https://[]/",
        "http://]",
        "...",
        ".",
        "http://.../",
        "https://./",
    ] {
        let v = judge(s);
        assert_eq!(v.level, Level::Invalid, "{s:?} → {:?}", v.codes());
    }
}

#[test]
fn unsupported_schemes_are_invalid() {
    for s in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://example.com/",
        "chrome://settings",
        "about:blank",
        "vbscript:msgbox",
    ] {
        assert_invalid(s, "unsupported_scheme");
    }
}

#[test]
fn at_signs_and_userinfo() {
    judge("@@@");
    judge("http://@@@/");
    judge("https://@/");
    // The last `@` ends the userinfo: the host is `c`, and the userinfo trick is reported.
    let v = judge("http://a@b@c/");
    if v.level != Level::Invalid {
        assert_eq!(v.host_ascii.as_deref(), Some("c"));
        assert!(v.codes().contains(&"userinfo_in_url"), "{:?}", v.codes());
    }
    let v = judge("https://www.jcom.co.jp@evil.example/");
    assert_eq!(v.host_ascii.as_deref(), Some("evil.example"));
    assert!(v.codes().contains(&"userinfo_in_url"), "{:?}", v.codes());
    assert_ne!(
        v.level,
        Level::Safe,
        "userinfo posing as a brand host was judged safe"
    );
}

#[test]
fn percent_encoded_host_is_judged_decoded() {
    // `%77%77%77` is `www`: the host judged (and shown) is the decoded one, so encoding a brand
    // domain cannot hide it.
    let v = judge("http://%77%77%77.example.com/");
    assert_eq!(v.host_ascii.as_deref(), Some("www.example.com"));
    let plain = judge("https://www2.jcom.co.jp.login.vkia.cn/");
    let enc = judge("https://%77ww2.%6Acom.co.jp.login.vkia.cn/");
    assert_eq!(enc.host_ascii, plain.host_ascii);
    assert_eq!(enc.level, plain.level);
    assert_eq!(enc.codes(), plain.codes());
    // Encoded bytes that are not a valid host do not parse.
    judge("http://%00/");
    judge("http://%zz/");
    judge("http://%E2%80%AE/");
}

#[test]
fn ipv4_in_every_form_is_one_address() {
    // 8.8.8.8 written every way WHATWG URL parsing accepts: one address, judged as an IP host.
    for s in [
        "http://8.8.8.8/",
        "http://134744072/",
        "http://0x08080808/",
        "http://010.010.010.010/",
        "http://0x8.010.8.0x8/",
        "http://8.8.2056/",
        "http://8.526344/",
        "http://0x8.0x8.0x8.0x8./",
    ] {
        let v = judge(s);
        assert_eq!(v.host_ascii.as_deref(), Some("8.8.8.8"), "{s}");
        assert!(
            v.codes().contains(&"ip_address_host"),
            "{s}: {:?}",
            v.codes()
        );
        assert_eq!(
            v.registrable, None,
            "{s}: an IP address has no registrable domain"
        );
    }
    // Private and loopback addresses normalize the same way (whether they are flagged is policy).
    for s in [
        "http://3232235777/",
        "http://0xC0A80101/",
        "http://0300.0250.1.1/",
        "http://192.168.257/",
    ] {
        assert_eq!(judge(s).host_ascii.as_deref(), Some("192.168.1.1"), "{s}");
    }
    // Out of range: not an address (WHATWG URL: failure).
    for s in [
        "http://4294967296/",
        "http://0x100000000/",
        "http://256.256.256.256/",
        "http://1.2.3.4.5/",
        "http://999999999999999999999999/",
    ] {
        let v = judge(s);
        assert_eq!(
            v.level,
            Level::Invalid,
            "{s} → {:?} {:?}",
            v.host_ascii,
            v.codes()
        );
    }
    let v = judge("http://4294967295/");
    assert_eq!(v.host_ascii.as_deref(), Some("255.255.255.255"));
}

#[test]
fn ipv6_forms_and_zones() {
    for s in [
        "http://[2001:4860:4860::8888]/",
        "https://[2001:4860:4860:0:0:0:0:8888]:8443/x",
        "http://[::ffff:8.8.8.8]/",
    ] {
        let v = judge(s);
        assert_ne!(v.level, Level::Invalid, "{s}");
        assert!(
            v.codes().contains(&"ip_address_host"),
            "{s}: {:?}",
            v.codes()
        );
    }
    assert_eq!(
        judge("https://[2001:4860:4860:0:0:0:0:8888]/").host_ascii,
        judge("https://[2001:4860:4860::8888]/").host_ascii
    );
    judge("http://[::1]/");
    // Zone identifiers are not allowed in URLs.
    for s in [
        "http://[fe80::1%25eth0]/",
        "http://[fe80::1%eth0]/",
        "http://[::1]]/",
        "http://[:::1]/",
    ] {
        let v = judge(s);
        assert_eq!(v.level, Level::Invalid, "{s} → {:?}", v.codes());
    }
}

#[test]
fn invalid_punycode() {
    for s in [
        "https://xn--/",
        "https://xn--zz/",
        "https://xn--ls8h.xn--/",
        "https://xn--a.example/",
        "https://xn--------/",
        "https://xn--ls8h.example/",
        "https://xn--80ak6aa92e.com/",
        "https://xn--zz.jcom.co.jp/",
        "https://www.xn--jcom-.co.jp/",
        // Punycode of U+202E (RTL override) and of a label with U+200B.
        "https://xn--zwe.example/",
        "https://xn--ab-j1t.example/",
    ] {
        judge(s);
    }
}

#[test]
fn rtl_override_never_reaches_the_displayed_host() {
    for s in [
        "https://\u{202E}moc.elgoog\u{202C}.evil.cn/",
        "\u{202E}https://www.jcom.co.jp.login.vkia.cn/",
        "https://www.jcom.co.jp\u{202E}.login.vkia.cn/",
        "https://ex\u{2066}ample\u{2069}.com/",
        "https://exa\u{200F}mple.com/\u{202E}gpj.exe",
    ] {
        judge(s);
    }
}

#[test]
fn nul_and_every_ascii_control_char() {
    for b in (0u8..0x20).chain([0x7F]) {
        let c = b as char;
        for s in [
            c.to_string(),
            format!("{c}https://example.com/"),
            format!("https://exa{c}mple.com/"),
            format!("https://example.com{c}/"),
            format!("https://example.com/{c}path?q={c}#{c}"),
            format!("https://www.jcom.co.jp{c}.login.vkia.cn/"),
            format!("ht{c}tps://example.com/"),
            c.to_string().repeat(1000),
        ] {
            judge(&s);
        }
    }
}

#[test]
fn long_inputs_are_bounded() {
    let mb = 1 << 20;
    let inputs = [
        "a".repeat(mb),
        format!("https://{}.com/", "a".repeat(mb)),
        format!("https://example.com/{}", "a".repeat(mb)),
        format!("https://example.com/?q={}", "%41".repeat(mb / 3)),
        format!("https://{}example.com/", "\u{0430}".repeat(mb / 2)),
        "\0".repeat(mb),
        "\u{202E}".repeat(mb / 3),
        ".".repeat(mb),
        "@".repeat(mb),
        "https://".repeat(mb / 8),
        "[".repeat(mb),
        "ｈｔｔｐｓ：／／".repeat(mb / 24),
        format!("https://a.com/?u={}", "https://b.com/?u=".repeat(mb / 20)),
    ];
    for s in &inputs {
        let v = judge(s);
        // The verdict stays a reasonable message size whatever the input size.
        let json = serde_json::to_string(&v).unwrap();
        assert!(
            json.len() < 256 * 1024,
            "verdict of {} bytes for a {} byte input",
            json.len(),
            s.len()
        );
    }
}

#[test]
fn many_and_long_labels() {
    let cases = [
        // 300 one-letter labels.
        format!("https://{}com/", "a.".repeat(300)),
        // 300 labels ending in a brand's embedded domain.
        format!("https://{}jcom.co.jp.evil.cn/", "a.".repeat(300)),
        // 64-character labels (DNS allows 63).
        format!("https://{}.example.com/", "a".repeat(64)),
        format!("https://{0}.{0}.{0}.{0}.com/", "b".repeat(64)),
        // 300-character labels.
        format!("https://{}.com/", "c".repeat(300)),
        format!("https://www.{}.co.jp/", "d".repeat(300)),
        // Hyphen-only and digit-only labels.
        format!("https://{}.com/", "-".repeat(300)),
        format!("https://{}.com/", "1".repeat(300)),
    ];
    for s in &cases {
        judge(s);
    }
}

#[test]
fn many_labels_up_to_the_input_cap() {
    // The parser looks at the first 16 KiB of an input: as many labels as fit there. Signals that
    // look at runs of labels must stay near-linear in their number.
    for s in [
        format!("https://{}com/", "a.".repeat(8_000)),
        format!("https://{}co.jp.evil.cn/", "jcom.".repeat(3_000)),
        format!("https://{}com/", "a-b.".repeat(4_000)),
    ] {
        judge(&s);
    }
}

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// A random code point from ranges that matter for URLs and Japanese text.
fn random_char(rng: &mut Rng) -> char {
    const RANGES: &[(u32, u32)] = &[
        (0x20, 0x7E),       // ASCII printable
        (0x00, 0x1F),       // C0 controls
        (0x80, 0xFF),       // C1 + Latin-1
        (0x0300, 0x036F),   // combining marks
        (0x0370, 0x03FF),   // Greek
        (0x0400, 0x04FF),   // Cyrillic
        (0x0590, 0x06FF),   // Hebrew, Arabic
        (0x200B, 0x206F),   // zero-width, bidi, general punctuation
        (0x2100, 0x214F),   // letterlike (ℂ, K)
        (0x3000, 0x30FF),   // CJK punctuation, kana
        (0x4E00, 0x4FFF),   // CJK ideographs
        (0xFF00, 0xFFEF),   // full-width forms
        (0xFFF0, 0xFFFF),   // specials, U+FFFD
        (0xE000, 0xE0FF),   // private use
        (0x1F300, 0x1F6FF), // emoji
        (0x1D400, 0x1D7FF), // mathematical alphanumerics (𝐚)
        (0xE0000, 0xE007F), // tags
    ];
    let (lo, hi) = *rng.pick(RANGES);
    let cp = lo + rng.below(u64::from(hi - lo + 1)) as u32;
    char::from_u32(cp).unwrap_or('\u{FFFD}')
}

fn random_input(rng: &mut Rng) -> String {
    const PARTS: &[&str] = &[
        "https://",
        "http://",
        "hxxps://",
        "htps://",
        "//",
        "www.",
        ".",
        "..",
        "[.]",
        "@",
        ":",
        "/",
        "?",
        "#",
        "%",
        "%2e",
        "%40",
        "[",
        "]",
        "xn--",
        "co.jp",
        "jcom",
        "-",
        "?url=https://",
        "&u=http://",
        "：／／",
        "。",
        "．",
        ":8080",
        "[::1]",
        "0x",
        "\n",
        " ",
        "com",
        "ｃｏｍ",
    ];
    let mut s = String::new();
    let n = rng.below(40);
    for _ in 0..n {
        if rng.below(3) == 0 {
            let part: &&str = rng.pick(PARTS);
            s.push_str(part);
        } else {
            for _ in 0..=rng.below(6) {
                s.push(random_char(rng));
            }
        }
    }
    s
}

#[test]
fn random_unicode_strings() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut levels = [0usize; 4];
    for _ in 0..4_000 {
        let s = random_input(&mut rng);
        let v = judge(&s);
        levels[v.level as usize] += 1;
        for u in extract_urls(&s) {
            judge(&u);
        }
    }
    // The generator must reach past the parser, or this test proves little.
    assert!(
        levels[Level::Invalid as usize] < 4_000,
        "every random input was invalid: {levels:?}"
    );
    assert!(
        levels[Level::Safe as usize] > 100,
        "too few judged inputs: {levels:?}"
    );
}

#[test]
fn garbage_settings() {
    let mb = "x".repeat(1 << 20);
    let garbage: Vec<String> = [
        "",
        " ",
        ".",
        "..",
        "...",
        "*",
        "*.",
        "*.com",
        "@@@",
        "http://[",
        "http://[::1",
        "\0",
        "\u{202E}",
        "xn--",
        "xn--zz",
        "xn--ls8h.xn--",
        "https://",
        "javascript:alert(1)",
        "http://a@b@c/",
        "%77%77%77",
        "4294967296",
        "0x7f.1",
        "[::1]",
        "localhost",
        "co.jp",
        "jp",
        "ｃｏ．ｊｐ",
        "-.-",
        "a..b",
        "\u{3000}",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([mb, "a.".repeat(5_000), "\u{0430}".repeat(1000)])
    .collect();
    for sensitivity in [Sensitivity::Low, Sensitivity::Normal, Sensitivity::High] {
        let settings = Settings {
            trusted: garbage.clone(),
            protected: garbage.clone(),
            sensitivity,
        };
        let t = Instant::now();
        let c = Checker::with_settings(&settings);
        assert!(
            t.elapsed() < SLOW,
            "building a checker took {:?}",
            t.elapsed()
        );
        for input in [
            "https://www2.jcom.co.jp.login.vkia.cn/",
            "https://www.jcom.co.jp/",
            "http://[",
            "",
            "https://example.com/",
            "https://a..b/",
        ] {
            let t = Instant::now();
            let v = c.check(input);
            assert!(t.elapsed() < SLOW, "{input}: {:?}", t.elapsed());
            assert_well_formed(input, &v);
        }
    }
    // Garbage settings do not silence the seed phishing URL.
    let c = Checker::with_settings(&Settings {
        trusted: vec![
            "".into(),
            ".".into(),
            "*".into(),
            "http://[".into(),
            "\0".into(),
        ],
        protected: vec!["".into(), "@@@".into()],
        sensitivity: Sensitivity::Normal,
    });
    let v = c.check("https://www2.jcom.co.jp.login.vkia.cn/");
    assert_eq!(v.level, Level::Dangerous, "{:?}", v.codes());
}

#[test]
fn settings_from_hostile_json() {
    // The extension hands settings over as JSON; unknown fields and wrong types must not panic.
    for json in [
        r#"{}"#,
        r#"{"trusted":[],"protected":[],"sensitivity":"high"}"#,
        r#"{"trusted":["", "\u0000", "\u202e"],"extra":1}"#,
        r#"{"protected":["co.jp","xn--"]}"#,
    ] {
        let s: Settings = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        let c = Checker::with_settings(&s);
        assert_well_formed("https://example.com/", &c.check("https://example.com/"));
    }
    for json in [
        r#"{"sensitivity":"extreme"}"#,
        r#"{"trusted":"x"}"#,
        r#"{"trusted":[1]}"#,
        "null",
    ] {
        assert!(
            serde_json::from_str::<Settings>(json).is_err(),
            "{json} accepted"
        );
    }
}

#[test]
fn extract_urls_on_hostile_text() {
    let mb = 1 << 20;
    // A megabyte of text with no complete address in it.
    let texts = [
        String::new(),
        "\0".repeat(mb),
        "https://".repeat(mb / 8),
        "www.".repeat(mb / 4),
        "ttps://".repeat(mb / 7),
        format!("https://{}", "a/\n".repeat(mb / 3)),
        "[.]".repeat(mb / 3),
        "h".repeat(mb),
        "\u{202E}".repeat(mb / 3),
    ];
    for t in &texts {
        let start = Instant::now();
        let urls = extract_urls(t);
        let took = start.elapsed();
        assert!(
            took < SLOW,
            "extract_urls took {took:?} on {:?}… ({} bytes, {} urls)",
            t.chars().take(30).collect::<String>(),
            t.len(),
            urls.len()
        );
        for u in urls.iter().take(200) {
            judge(u);
        }
    }
    // Every address found in a text full of them is judged without a panic.
    for t in [
        "hxxp://a[.]b ".repeat(300),
        "ｈｔｔｐｓ：／／ａ．ｂ　".repeat(300),
        "\u{202E}https://a.b/\u{202C} ".repeat(300),
    ] {
        let urls = extract_urls(&t);
        assert_eq!(
            urls.len(),
            300,
            "{:?}…",
            t.chars().take(30).collect::<String>()
        );
        for u in &urls {
            judge(u);
        }
    }
}

/// Minimum wall time of `runs` calls.
fn min_time(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// A text 4× longer (with 4× more addresses) must not take much more than 4× longer to scan: a
/// pasted mail or a page's text can be long, and the popup and www/ wait for the answer.
#[test]
fn extract_urls_scales_linearly() {
    let kb = 1024;
    type Shape = (&'static str, fn(usize) -> String);
    let shapes: [Shape; 4] = [
        ("https://a.b ", |n| "https://a.b ".repeat(n / 12)),
        ("https://a.b\\n", |n| "https://a.b\n".repeat(n / 12)),
        ("hxxp://a[.]b ", |n| "hxxp://a[.]b ".repeat(n / 13)),
        ("full-width", |n| "ｈｔｔｐｓ：／／ａ．ｂ　".repeat(n / 36)),
    ];
    for (name, make) in shapes {
        let (small, big) = (make(16 * kb), make(64 * kb));
        let t_small = min_time(3, || {
            black_box_len(extract_urls(&small));
        });
        let t_big = min_time(1, || {
            black_box_len(extract_urls(&big));
        });
        let ratio = t_big.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        println!("{name}: 16 KiB {t_small:?}, 64 KiB {t_big:?}, ratio {ratio:.1}");
        // Linear is 4×; quadratic is 16×. Very fast runs pass whatever their ratio (timer noise).
        assert!(
            t_big < Duration::from_millis(50) || ratio < 10.0,
            "{name}: 16 KiB took {t_small:?}, 64 KiB took {t_big:?} ({ratio:.1}×, linear would be 4×)"
        );
    }
}

fn black_box_len(v: Vec<String>) -> usize {
    std::hint::black_box(v.len())
}

/// Replays the fuzzer's corpus and crash artifacts (fuzz/corpus/check, fuzz/artifacts/check) when
/// they exist, so anything the fuzzer found stays fixed without libFuzzer.
#[test]
fn replay_fuzz_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus/check", "artifacts/check", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(bytes) = std::fs::read(e.path()) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            judge(&text);
            for u in extract_urls(&text) {
                judge(&u);
            }
            n += 1;
        }
    }
    println!("replayed {n} fuzz inputs");
}
