//! From whatever a person pastes or a browser navigates to, to a parsed URL.
//!
//! Repairs what reports and messages commonly break (`htps://`, `hhttps://`, defanged `hxxp://`
//! and `[.]`, full-width `ｈｔｔｐｓ：／／`, stray spaces and quotes, a missing scheme), then parses
//! with `url::Url`, which also normalizes every IPv4 form (decimal, hex, octal) and IDNs. The
//! common plain address (`https://www.example.com/path?q`) is read without it: see
//! [`parse_plain`].

use std::borrow::Cow;
use std::ops::Range;

use url::{Host, Url};

/// Why an input could not be judged. Small, `Copy`, one message code per variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    Empty,
    Unparseable,
    UnsupportedScheme,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ParseError::Empty => "empty input",
            ParseError::Unparseable => "not a web address",
            ParseError::UnsupportedScheme => "not an http or https address",
        })
    }
}

impl std::error::Error for ParseError {}

impl From<url::ParseError> for ParseError {
    fn from(_: url::ParseError) -> Self {
        ParseError::Unparseable
    }
}

/// What kind of host the URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostKind {
    /// Lower-case ASCII domain, without a trailing dot.
    Domain(String),
    Ipv4(std::net::Ipv4Addr),
    Ipv6(std::net::Ipv6Addr),
}

/// A parsed, normalized URL.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub url: WebUrl,
    pub host: HostKind,
}

/// An http(s) URL as `url::Url` serializes it, with the parts the signals read: the same
/// accessors as `Url`, over the same text. Made from a `Url`, or directly from a plain address
/// that `Url::parse` would return unchanged ([`parse_plain`]).
#[derive(Debug, Clone)]
pub struct WebUrl {
    text: String,
    https: bool,
    username: Range<usize>,
    password: Option<Range<usize>>,
    host: Range<usize>,
    port: Option<u16>,
    path: Range<usize>,
    query: Option<Range<usize>>,
}

impl WebUrl {
    fn from_url(url: Url) -> WebUrl {
        // Each part is a slice of the serialization: its range is where the slice starts (an
        // empty part may be a slice of something else: `0..0`).
        let base = url.as_str().as_ptr() as usize;
        let range = |part: &str| {
            let start = (part.as_ptr() as usize).wrapping_sub(base);
            if part.is_empty() {
                0..0
            } else {
                start..start + part.len()
            }
        };
        WebUrl {
            https: url.scheme() == "https",
            username: range(url.username()),
            password: url.password().map(range),
            host: range(url.host_str().unwrap_or("")),
            port: url.port(),
            path: range(url.path()),
            query: url.query().map(range),
            text: url.into(),
        }
    }

    fn part(&self, r: &Range<usize>) -> &str {
        self.text.get(r.clone()).unwrap_or("")
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `http` or `https` (the only schemes a parsed URL has).
    pub fn scheme(&self) -> &str {
        if self.https {
            "https"
        } else {
            "http"
        }
    }

    pub fn username(&self) -> &str {
        self.part(&self.username)
    }

    pub fn password(&self) -> Option<&str> {
        self.password.as_ref().map(|r| self.part(r))
    }

    /// The host as written in the URL (an IPv6 address in brackets).
    pub fn host_str(&self) -> Option<&str> {
        Some(self.part(&self.host))
    }

    /// The port, when it is not the scheme's default.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    pub fn path(&self) -> &str {
        self.part(&self.path)
    }

    pub fn query(&self) -> Option<&str> {
        self.query.as_ref().map(|r| self.part(r))
    }

    /// The query's `name=value` pairs, decoded (as `Url::query_pairs`).
    pub fn query_pairs(&self) -> form_urlencoded::Parse<'_> {
        form_urlencoded::parse(self.query().unwrap_or("").as_bytes())
    }
}

impl From<WebUrl> for String {
    fn from(u: WebUrl) -> String {
        u.text
    }
}

/// Longest input we look at; the rest of a longer paste is ignored (browsers cap URLs at 2 MB,
/// but no hostname trick needs more than this).
const MAX_INPUT: usize = 16 * 1024;

/// Maps full-width ASCII (U+FF01..U+FF5E) and the ideographic space to ASCII.
fn halfwidth(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '。' | '｡' => '.',
        _ => c,
    }
}

fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
        || c.is_control()
}

/// The first MAX_INPUT bytes of the input (cut at a character boundary).
fn head_of(input: &str) -> &str {
    let mut cut = input.len().min(MAX_INPUT);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    input.get(..cut).unwrap_or("")
}

/// Quotes and brackets around a pasted address, trimmed.
fn trim_quotes(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, '"' | '\'' | '<' | '>' | '(' | ')' | '「' | '」' | '`'))
}

/// [`repair`], borrowing the input when it needs nothing but trimming: printable ASCII with an
/// `http://` or `https://` scheme (any case) and no defanged dots, as most inputs are. `repair`
/// returns the same text, copied.
fn repaired(input: &str) -> Cow<'_, str> {
    let head = head_of(input);
    if head.bytes().all(|b| matches!(b, b'!'..=b'~')) {
        let s = trim_quotes(head);
        let scheme = s.get(..8).unwrap_or(s).as_bytes();
        let well_formed = scheme.len() >= 7
            && (scheme.eq_ignore_ascii_case(b"https://")
                || scheme
                    .get(..7)
                    .is_some_and(|x| x.eq_ignore_ascii_case(b"http://")));
        if well_formed && !s.bytes().any(|b| b == b'[' || b == b'(') {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(repair(input))
}

/// Cleans an input string into something `Url::parse` can take. Public for the text extractor.
pub fn repair(input: &str) -> String {
    let head = head_of(input);
    // `halfwidth` and `is_invisible` leave printable ASCII (most inputs) alone: read as it is,
    // and copied once, below.
    let mapped: String;
    let s = if head.bytes().all(|b| matches!(b, b'!'..=b'~')) {
        head
    } else {
        mapped = head
            .chars()
            .map(halfwidth)
            .filter(|c| !is_invisible(*c))
            .collect();
        &mapped
    };
    let s = trim_quotes(s);
    // Defanged forms used in reports and security mails. (A byte scan: `contains(['[', '('])`
    // tried both characters at every character of the input.)
    let mut s = if s.bytes().any(|b| b == b'[' || b == b'(') {
        s.replace("[.]", ".")
            .replace("(.)", ".")
            .replace("[dot]", ".")
            .replace("[:]", ":")
    } else {
        // With room for the `https://` a bare host gets below: one allocation.
        let mut copy = String::with_capacity(s.len() + "https://".len());
        copy.push_str(s);
        copy
    };
    // The schemes below are compared lower-cased; none is longer than 9 bytes.
    let mut lower = [0u8; 9];
    for (l, b) in lower.iter_mut().zip(s.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    let lower = lower.get(..s.len().min(9)).unwrap_or(&[]);
    // Broken or defanged schemes seen in reports.
    const FIXES: &[(&str, &str)] = &[
        ("hxxps://", "https://"),
        ("hxxp://", "http://"),
        ("hhttps://", "https://"),
        ("hhttp://", "http://"),
        ("htps://", "https://"),
        ("htttps://", "https://"),
        ("htp://", "http://"),
        ("httpss://", "https://"),
        ("ttps://", "https://"),
        ("ttp://", "http://"),
        ("https//", "https://"),
        ("http//", "http://"),
        ("https:/", "https://"),
        ("http:/", "http://"),
        ("https;//", "https://"),
        ("http;//", "http://"),
    ];
    // A well-formed `http://` or `https://` needs no fix: the only `bad` forms it starts with
    // (`http:/`, `https:/`) are skipped for starting with their `good` as well.
    let well_formed = lower.starts_with(b"https://") || lower.starts_with(b"http://");
    for (bad, good) in FIXES.iter().filter(|_| !well_formed) {
        if lower.starts_with(bad.as_bytes()) && !lower.starts_with(good.as_bytes()) {
            s = format!("{good}{}", s.get(bad.len()..).unwrap_or(""));
            break;
        }
    }
    if s.starts_with("//") {
        s.insert_str(0, "https:");
    } else if !has_scheme(&s) {
        s.insert_str(0, "https://");
    }
    s
}

/// True when the string starts with `scheme:` (and not `host:port`).
fn has_scheme(s: &str) -> bool {
    let Some(colon) = s.bytes().position(|b| b == b':') else {
        return false;
    };
    let (scheme, rest) = (
        s.get(..colon).unwrap_or(""),
        s.get(colon + 1..).unwrap_or(""),
    );
    scheme.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-'))
        // `localhost:8080/x` is a host and port, not a scheme.
        && !rest.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// Parses any input into a URL we can judge.
pub fn parse(input: &str) -> Result<Parsed, ParseError> {
    if input.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let repaired = repaired(input);
    if repaired.is_empty() || repaired == "https://" {
        return Err(ParseError::Empty);
    }
    if let Some(p) = parse_plain(&repaired) {
        #[cfg(debug_assertions)]
        if let Some(diff) = differs_from_url(&repaired, &p) {
            panic!("the plain path misread an address: {diff}");
        }
        return Ok(p);
    }
    let url = Url::parse(&repaired)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ParseError::UnsupportedScheme);
    }
    let host = match url.host() {
        Some(Host::Domain(d)) => {
            let d = d.trim_end_matches('.');
            if d.is_empty() || d.starts_with('.') || d.as_bytes().windows(2).any(|w| w == b"..") {
                return Err(ParseError::Unparseable);
            }
            HostKind::Domain(d.to_ascii_lowercase())
        }
        Some(Host::Ipv4(a)) => HostKind::Ipv4(a),
        Some(Host::Ipv6(a)) => HostKind::Ipv6(a),
        None => return Err(ParseError::Unparseable),
    };
    Ok(Parsed {
        url: WebUrl::from_url(url),
        host,
    })
}

/// Bytes of a path, query or fragment that [`parse_plain`] passes over: printable ASCII but
/// the delimiters it reads (`/ ? # %`), what the parts' percent-encode sets hold (`"` `<` `>`
/// and a backtick; `{` `}` `^` `'` in some of them, so in none here) and the backslash, a path
/// separator in http.
// (A const block cannot call `get_mut`; `c` is a byte, the table has 256 entries.)
#[allow(clippy::indexing_slicing)]
static PLAIN_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = b'!';
    while c <= b'~' {
        t[c as usize] = !matches!(
            c,
            b'/' | b'?'
                | b'#'
                | b'%'
                | b'"'
                | b'<'
                | b'>'
                | b'`'
                | b'{'
                | b'}'
                | b'^'
                | b'\''
                | b'\\'
        );
        c += 1;
    }
    t
};

/// The common case, read without `Url::parse` (whose cost was most of a check's parsing): a
/// lower-case `http://` or `https://`; a host of lower-case letters, digits, dots and hyphens
/// that cannot be read as an IPv4 address (its last label starts with a letter) or an IDN (no
/// label starts `xn--`), without userinfo or port; and a path, query and fragment of printable
/// ASCII that the URL standard keeps as written: no byte it would percent-encode or read as a
/// path separator, no dot segment. For these `Url::parse` returns the text unchanged, with `/`
/// for an empty path; anything else is left to it (`None`). One pass over the bytes. A test
/// holds the two equal on every input this takes.
fn parse_plain(s: &str) -> Option<Parsed> {
    let b = s.as_bytes();
    let (https, from) = if b.starts_with(b"https://") {
        (true, "https://".len())
    } else if b.starts_with(b"http://") {
        (false, "http://".len())
    } else {
        return None;
    };
    // The host: labels of `a-z 0-9 -`, none empty, none starting `xn--`, the last starting
    // with a letter.
    let mut i = from;
    let mut label_start = true;
    let mut last_first = 0u8;
    while let Some(&c) = b.get(i) {
        if matches!(c, b'/' | b'?' | b'#') {
            break;
        }
        if c == b'.' {
            if label_start {
                return None;
            }
            label_start = true;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-' {
            if label_start {
                if b.get(i..i + 4) == Some(b"xn--") {
                    return None;
                }
                last_first = c;
                label_start = false;
            }
        } else {
            return None;
        }
        i += 1;
    }
    if label_start || !last_first.is_ascii_lowercase() {
        return None;
    }
    let host_end = i;
    // Path, query and fragment: bytes of PLAIN_BYTE and the delimiters. In the path, a dot
    // segment (`.`, `..`, `%2e` is a dot) is resolved: left to `Url::parse`.
    let (mut in_path, mut query) = (true, None::<Range<usize>>);
    let mut path_end = b.len();
    let mut seg_start = i;
    loop {
        let c = b.get(i).copied();
        match c {
            // Most bytes: kept as written, nothing to note.
            Some(c) if PLAIN_BYTE.get(usize::from(c)) == Some(&true) => {}
            None | Some(b'/' | b'?' | b'#') if in_path => {
                if i > host_end && matches!(b.get(seg_start..i), Some(b"." | b"..")) {
                    return None;
                }
                seg_start = i + 1;
                if c != Some(b'/') {
                    in_path = false;
                    path_end = i;
                    if c == Some(b'?') {
                        query = Some(i + 1..b.len());
                    }
                }
            }
            None => break,
            Some(b'#') => {
                if let Some(q) = query.as_mut().filter(|q| q.end == b.len()) {
                    q.end = i;
                }
            }
            Some(b'/' | b'?') => {}
            Some(b'%') => {
                if in_path
                    && b.get(i + 1) == Some(&b'2')
                    && b.get(i + 2).is_some_and(|e| e.eq_ignore_ascii_case(&b'e'))
                {
                    return None;
                }
            }
            Some(_) => return None,
        }
        i += 1;
    }
    let host = s.get(from..host_end)?;
    let mut url = WebUrl {
        https,
        username: from..from,
        password: None,
        host: from..host_end,
        port: None,
        path: host_end..path_end,
        query,
        text: String::new(),
    };
    if path_end == host_end {
        // An empty path is written `/`: every part after it moves one byte on.
        let mut text = String::with_capacity(s.len() + 1);
        text.push_str(s.get(..host_end)?);
        text.push('/');
        text.push_str(s.get(host_end..)?);
        url.text = text;
        url.path = host_end..host_end + 1;
        url.query = url.query.map(|q| q.start + 1..q.end + 1);
    } else {
        url.text = String::from(s);
    }
    Some(Parsed {
        url,
        host: HostKind::Domain(String::from(host)),
    })
}

/// Where `p`, the plain reading of `s`, differs from `Url::parse`'s: `None` when the text, every
/// part and the host are the same. Debug builds (the tests, the fuzzer) ask it on every input
/// the plain path takes.
#[cfg(any(test, debug_assertions))]
fn differs_from_url(s: &str, p: &Parsed) -> Option<String> {
    let url = match Url::parse(s) {
        Ok(u) => u,
        Err(e) => return Some(format!("{s:?}: plain, but Url::parse: {e}")),
    };
    let host = match url.host() {
        Some(Host::Domain(d)) => HostKind::Domain(d.to_string()),
        _ => return Some(format!("{s:?}: plain, but not a domain to Url::parse")),
    };
    let u = WebUrl::from_url(url);
    let parts = |u: &WebUrl| {
        format!(
            "{:?}",
            (
                u.as_str(),
                u.scheme(),
                u.username(),
                u.password(),
                u.host_str(),
                u.port(),
                u.path(),
                u.query(),
            )
        )
    };
    (p.host != host || parts(&p.url) != parts(&u)).then(|| {
        format!(
            "{s:?}: plain {:?} {}, Url {host:?} {}",
            p.host,
            parts(&p.url),
            parts(&u)
        )
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn host(s: &str) -> String {
        match parse(s).unwrap().host {
            HostKind::Domain(d) => d,
            HostKind::Ipv4(a) => a.to_string(),
            HostKind::Ipv6(a) => a.to_string(),
        }
    }

    #[test]
    fn bare_host_gets_a_scheme() {
        assert_eq!(
            host("www2.jcom.co.jp.login.vkia.cn/x"),
            "www2.jcom.co.jp.login.vkia.cn"
        );
        assert_eq!(host("  example.com  "), "example.com");
        assert_eq!(host("example.com:8080/a"), "example.com");
    }

    #[test]
    fn broken_schemes_are_repaired() {
        assert_eq!(
            host("htps://pocketcard.co.jp.x.com/"),
            "pocketcard.co.jp.x.com"
        );
        assert_eq!(host("hhttps://a.b.shop/x"), "a.b.shop");
        assert_eq!(host("ttps://www.a.cn/"), "www.a.cn");
        assert_eq!(host("hxxps://evil[.]example/"), "evil.example");
        assert_eq!(
            host("ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ／"),
            "www.example.com"
        );
        assert_eq!(host("https://www. example .com/"), "www.example.com");
    }

    #[test]
    fn ipv4_in_every_form() {
        assert_eq!(host("http://3232235777/"), "192.168.1.1");
        assert_eq!(host("http://0xC0A80101/"), "192.168.1.1");
        assert_eq!(host("http://0300.0250.1.1/"), "192.168.1.1");
        assert_eq!(host("http://[::1]/"), "::1");
    }

    #[test]
    fn the_borrowed_repair_is_the_repair() {
        for s in [
            "https://example.com/",
            "HTTPS://Example.com/a",
            "Http://x",
            "http://",
            "https://",
            "https:/x.com",
            "\"https://example.com/\"",
            "(https://example.com/)",
            "https://evil[.]example/",
            "https://a.example/(x)",
            "hxxps://evil.example/",
            "example.com",
            "//example.com",
            " https://example.com/ ",
            "ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ／",
            "",
        ] {
            assert_eq!(repaired(s), repair(s), "{s:?}");
        }
    }

    /// Whether `parse_plain` takes the input (and then reads it as `Url::parse` does).
    fn plain_is_url(s: &str) -> bool {
        let Some(p) = parse_plain(s) else {
            return false;
        };
        assert_eq!(differs_from_url(s, &p), None);
        true
    }

    #[test]
    fn the_plain_path_reads_what_url_reads() {
        for s in [
            "https://www.example.com/",
            "http://a.example.co.jp/x/y.php?a=1&b=%41#frag",
            "https://example.com",
            "https://example.com?q=1",
            "https://example.com#top",
            "https://a-b.example.com/%7Euser/?x=https://evil.example/",
            "https://www2.jcom.co.jp.login.vkia.cn/",
        ] {
            assert!(plain_is_url(s), "{s:?} should take the plain path");
        }
        // Left to `Url::parse`: each would be rewritten, or is not a plain host.
        for s in [
            "HTTPS://example.com/",
            "https://Example.com/",
            "https://example.com:443/",
            "https://user@example.com/",
            "https://example.com/a/../b",
            "https://example.com/a/%2e%2E/b",
            "https://example.com/./b",
            "https://example.com/a b",
            "https://example.com/a\\b",
            "https://example.com/<x>",
            "https://example.com/?a='b'",
            "https://example.com/#`",
            "https://3232235777/",
            "https://1.2.3.4/",
            "https://example.0x1f/",
            "https://example.123/",
            "https://xn--80ak6aa92e.com/",
            "https://example.com./",
            "https://a..b.com/",
            "https://.example.com/",
            "https:///example.com/",
            "https://exa_mple.com/",
            "https://例え.jp/",
            "https://example.com/é",
        ] {
            assert!(!plain_is_url(s), "{s:?} should go to Url::parse");
        }
    }

    /// Generated inputs around the plain path's edges, and the JPCERT reports when the data is
    /// there: wherever the plain path takes an input, `Url::parse` reads it the same.
    #[test]
    fn the_plain_path_agrees_with_url_on_generated_and_reported_inputs() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
        };
        let schemes = ["http://", "https://", "Https://", "https:/"];
        let host_bytes = b"abcxyz0189.-_%:@A";
        let tlds = [
            "",
            ".com",
            ".co.jp",
            ".0x1f",
            ".123",
            ".xn--q9jyb4c",
            ".",
            ".c0m",
            ".1a",
        ];
        let tail_bytes = b"/?#.%2eE aZ09\\'\"<>`{}^|~!$&()*+,;=:@[]";
        let (mut taken, mut total) = (0, 0);
        for _ in 0..200_000 {
            let mut s = String::from(schemes[next(schemes.len())]);
            for _ in 0..next(12) {
                s.push(char::from(host_bytes[next(host_bytes.len())]));
            }
            s.push_str(tlds[next(tlds.len())]);
            for _ in 0..next(16) {
                s.push(char::from(tail_bytes[next(tail_bytes.len())]));
            }
            taken += usize::from(plain_is_url(&s));
            total += 1;
        }
        let dir = std::env::var_os("LINKGUARD_DATA")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::PathBuf::from("../shared/data"));
        if let Ok(text) = std::fs::read_to_string(dir.join("jpcert-dev.csv")) {
            for url in crate::dataset::jpcert_urls(&text) {
                taken += usize::from(plain_is_url(&repaired(&url)));
                total += 1;
            }
        }
        // The generator reaches both sides.
        assert!(taken > 1_000 && taken < total, "{taken} of {total} plain");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert_eq!(parse("").unwrap_err(), ParseError::Empty);
        assert_eq!(parse("   ").unwrap_err(), ParseError::Empty);
        assert_eq!(
            parse("javascript:alert(1)").unwrap_err(),
            ParseError::UnsupportedScheme
        );
        assert_eq!(parse("http://[").unwrap_err(), ParseError::Unparseable);
        assert_eq!(parse("...").unwrap_err(), ParseError::Unparseable);
    }
}
