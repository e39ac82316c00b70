//! Readers for the evaluation data in ../shared/data, shared by `linkguard eval`, the benchmark
//! and the tests: one place that knows the file formats.

/// One report of `jpcert-dev.csv` (`date,URL,description`; fields may be quoted, with `""`
/// for a quote inside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub date: String,
    pub url: String,
    /// The brand the report names (Japanese or English, as JPCERT/CC wrote it).
    pub brand: String,
}

/// The reports of a `date,URL,description` CSV text, header line skipped.
pub fn jpcert_reports(text: &str) -> impl Iterator<Item = Report> + '_ {
    text.lines().skip(1).filter_map(|line| {
        let mut fields = csv_fields(line).into_iter();
        Some(Report {
            date: fields.next()?,
            url: fields.next()?,
            brand: fields.next().unwrap_or_default(),
        })
    })
}

/// The URL column of a `jpcert-dev.csv` text.
pub fn jpcert_urls(text: &str) -> impl Iterator<Item = String> + '_ {
    jpcert_reports(text).map(|r| r.url)
}

/// The fields of one CSV line.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if cur.is_empty() => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// Non-empty, non-comment lines of a one-item-per-line text (`benign-urls.txt`,
/// `chromium-top-domains.txt`).
pub fn lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields() {
        let text = "date,URL,description\n2024/01/02 03:04:05,\"https://a.example/?x=1,2\",Amazon\n2024/01/03,https://b.example/,\"J \"\"X\"\"\"\n";
        let r: Vec<Report> = jpcert_reports(text).collect();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].url, "https://a.example/?x=1,2");
        assert_eq!(r[0].brand, "Amazon");
        assert_eq!(r[1].brand, "J \"X\"");
        assert_eq!(r[1].date, "2024/01/03");
    }
}
