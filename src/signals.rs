//! The signals: each looks at one aspect of the URL and pushes reasons with weights.

use url::Url;

use crate::brands::BrandIndex;
use crate::checker::HostInfo;
use crate::parse::Parsed;
use crate::verdict::{Code, Reason};

fn reason(code: Code, weight: i32) -> Reason {
    Reason {
        code,
        weight,
        brand: None,
        detail: None,
    }
}

fn branded(
    code: Code,
    weight: i32,
    brands: &BrandIndex,
    b: usize,
    domain: &str,
    detail: &str,
) -> Reason {
    Reason {
        code,
        weight,
        brand: brands.get(b).map(|br| br.to_ref(domain)),
        detail: Some(detail.to_string()),
    }
}

/// Signals on the host name.
pub fn host_signals(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    if let Some(o) = h.owner {
        let domain = h.registrable.unwrap_or(h.host);
        out.push(branded(Code::OfficialDomain, 0, brands, o, domain, domain));
        return;
    }
    embedded_brand_domain(h, brands, out);
}

/// A protected brand's registrable domain written inside another owner's host:
/// `www2.jcom.co.jp.login.vkia.cn` (dotted) or `jcom-co-jp.example.com` (hyphenated).
fn embedded_brand_domain(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    let host = h.host;
    let labels = &h.labels;
    // Dotted: any run of labels that ends before the registrable domain and equals a brand domain.
    let reg_start = labels
        .len()
        .saturating_sub(h.registrable.map_or(0, |r| r.split('.').count()));
    for i in 0..reg_start {
        for j in (i + 1)..=labels.len() {
            if j > reg_start + 1 && j != labels.len() {
                break;
            }
            let cand = labels.get(i..j).map(|l| l.join(".")).unwrap_or_default();
            if let Some(b) = brands.owner(&cand) {
                out.push(branded(
                    Code::BrandDomainEmbedded,
                    80,
                    brands,
                    b,
                    &cand,
                    &cand,
                ));
                return;
            }
        }
    }
    // Hyphenated: a brand domain with dots replaced by hyphens, as tokens of any label.
    for (d, &b) in &brands.by_domain {
        let hy = d.replace('.', "-");
        if host.contains(&hy) {
            out.push(branded(Code::BrandDomainHyphenated, 75, brands, b, d, &hy));
            return;
        }
    }
}

/// Signals on the path and query of a domain host.
pub fn path_signals(_h: &HostInfo<'_>, _brands: &BrandIndex, _out: &mut Vec<Reason>) {}

/// Signals on an IP-address host.
pub fn ip_signals(_p: &Parsed, out: &mut Vec<Reason>) {
    out.push(reason(Code::IpAddressHost, 35));
}

/// Path signals for IP hosts.
pub fn path_signals_ip(_p: &Parsed, _brands: &BrandIndex, _out: &mut Vec<Reason>) {}

/// Signals on the whole URL that do not depend on the host kind.
pub fn url_signals(p: &Parsed, out: &mut Vec<Reason>) {
    if !p.url.username().is_empty() || p.url.password().is_some() {
        out.push(Reason {
            detail: Some(p.url.username().to_string()),
            ..reason(Code::UserinfoInUrl, 40)
        });
    }
    if p.url.scheme() == "http" {
        out.push(reason(Code::InsecureHttp, 5));
    }
}

/// An http(s) URL carried in the query of this one (`?url=https://...`, `href.li/?https://...`).
pub fn embedded_url(url: &Url) -> Option<String> {
    let q = url.query()?;
    for (_, v) in url.query_pairs() {
        let v = v.trim();
        if v.starts_with("http://") || v.starts_with("https://") {
            return Some(v.to_string());
        }
    }
    let q = q.trim_start_matches('?');
    if q.starts_with("http://") || q.starts_with("https://") {
        return Some(q.to_string());
    }
    None
}
