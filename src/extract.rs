//! Finds the web addresses in a pasted text (an SMS, a mail): full-width `ｈｔｔｐｓ：／／`,
//! defanged `hxxp://` and `[.]`, links broken across lines, and bare `www.` hosts.

/// Every address in `text`, in order, as the strings to hand to `check`.
pub fn extract_urls(text: &str) -> Vec<String> {
    // Work on a normalized copy: full-width ASCII to ASCII, defanging undone.
    let norm: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect();
    let norm = norm
        .replace("[.]", ".")
        .replace("(.)", ".")
        .replace("[:]", ":");
    let lower = norm.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut pos = 0;
    // Next occurrence of each marker, searched again only once the scan has passed it: the whole
    // text is read a bounded number of times, however many addresses it holds.
    let mut next: Vec<(usize, Option<usize>)> = vec![(usize::MAX, None); MARKS.len()];
    while pos < norm.len() {
        let Some(start) = find_start(&lower, pos, &mut next) else {
            break;
        };
        let end = scan_end(&norm, start);
        if let Some(found) = norm.get(start..end) {
            let found = found.trim_end_matches(|c: char| ".,;:!?'\")]}>、。」』".contains(c));
            if found.len() > 4 && found.contains('.') {
                out.push(found.chars().filter(|c| *c != '\n' && *c != '\r').collect());
            }
        }
        pos = end.max(start + 1);
        while !norm.is_char_boundary(pos) && pos < norm.len() {
            pos += 1;
        }
    }
    out
}

const MARKS: &[&str] = &[
    "hxxps://", "hxxp://", "https://", "http://", "ttps://", "ttp://", "www.",
];

/// The next occurrence of `m` at or after `from`, reusing the last search when it is still valid.
/// `cache` is (position searched from, what was found).
fn occurrence(
    lower: &str,
    m: &str,
    from: usize,
    cache: &mut (usize, Option<usize>),
) -> Option<usize> {
    let (searched, found) = *cache;
    if searched <= from && found.is_none_or(|f| f >= from) {
        return found;
    }
    let r = lower.get(from..).and_then(|r| r.find(m)).map(|i| from + i);
    *cache = (from, r);
    r
}

/// Next index where an address starts: a scheme (broken or defanged ones too) or `www.`.
fn find_start(lower: &str, from: usize, cache: &mut [(usize, Option<usize>)]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (m, cached) in MARKS.iter().zip(cache.iter_mut()) {
        let mut search_from = from;
        let at = loop {
            let Some(c) = occurrence(lower, m, search_from, cached) else {
                break None;
            };
            let mut at = c;
            // `ttps://` inside `https://` is the same match.
            if m.starts_with("ttp")
                && at > 0
                && lower.get(at - 1..at).is_some_and(|c| c == "h" || c == "x")
            {
                at -= 1;
                if lower.get(at.saturating_sub(1)..at) == Some("h") {
                    at -= 1;
                }
            }
            // `www.` inside a URL already found starts nothing new.
            let inside = *m == "www."
                && at > 0
                && lower.get(at - 1..at).is_some_and(|c| {
                    c == "/" || c == "." || c.bytes().all(|b| b.is_ascii_alphanumeric())
                });
            if inside {
                search_from = c + 1;
                continue;
            }
            break Some(at);
        };
        if let Some(at) = at {
            best = Some(best.map_or(at, |b: usize| b.min(at)));
        }
    }
    best
}

/// End of an address starting at `start`. A line break directly followed by more URL characters
/// (no space) continues the address, as SMS apps wrap long links.
fn scan_end(s: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = s.get(start..).unwrap_or("").char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_url_char(c) {
            end = start + i + c.len_utf8();
        } else if c == '\n' || c == '\r' {
            // Continue only when the line was cut mid-address: the next char is a URL char and
            // the cut happened after a URL-ish character that cannot end an address.
            let prev_continues = s.get(start..end).is_some_and(|p| {
                p.ends_with(['/', '.', '-', '=', '?', '&', '_', '%']) || p.len() >= 60
            });
            match chars.peek() {
                Some((_, n)) if is_url_char(*n) && prev_continues => continue,
                _ => break,
            }
        } else {
            break;
        }
    }
    end
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
        || (!c.is_ascii() && !c.is_whitespace() && !"、。「」『』（）【】".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_address_in_an_sms() {
        let sms = "【J:COM】ご請求について https://www2.jcom.co.jp.login.vkia.cn/ を確認。\n\
                   Amazon: ｈｔｔｐｓ：／／ａｍａｚｏｎ．ｅｘａｍｐｌｅ．ｃｏｍ／ｘ and hxxps://evil[.]example/login";
        let urls = extract_urls(sms);
        assert_eq!(
            urls,
            vec![
                "https://www2.jcom.co.jp.login.vkia.cn/",
                "https://amazon.example.com/x",
                "hxxps://evil.example/login",
            ]
        );
    }

    #[test]
    fn joins_links_broken_across_lines() {
        let urls = extract_urls("見てください https://www.example.com/path/\nmore?x=1 ありがとう");
        assert_eq!(urls, vec!["https://www.example.com/path/more?x=1"]);
    }

    #[test]
    fn bare_www_hosts() {
        assert_eq!(
            extract_urls("go to www.jcom.co.jp now"),
            vec!["www.jcom.co.jp"]
        );
        assert!(extract_urls("no links here").is_empty());
    }
}
