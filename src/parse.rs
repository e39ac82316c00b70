//! From whatever a person pastes or a browser navigates to, to a parsed URL.
//!
//! Repairs what reports and messages commonly break (`htps://`, `hhttps://`, defanged `hxxp://`
//! and `[.]`, full-width `ｈｔｔｐｓ：／／`, stray spaces and quotes, a missing scheme), then parses
//! with `url::Url`, which also normalizes every IPv4 form (decimal, hex, octal) and IDNs.

use std::borrow::Cow;

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
    pub url: Url,
    pub host: HostKind,
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
    Ok(Parsed { url, host })
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
