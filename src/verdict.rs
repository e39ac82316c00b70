//! The result of a check: plain data, JSON-compatible, camelCase. Rust never writes sentences for
//! people; the UI turns each `code` into the message `reason_<code>` of its locale.

use serde::Serialize;

pub use text::Text;

/// Verdict text: static text borrowed, run-time text shared natively (`Arc`) and owned in the
/// .wasm.
mod text {
    use serde::Serialize;

    /// A string of a verdict that often comes from the checker's own data (a brand's name and
    /// site, a suffix kind, a service's domain): static text is borrowed, and natively a brand
    /// list laid out at run time shares its strings (a clone is a count, not a copy), so a
    /// verdict allocates only what it takes from the input. Reads, compares, prints and serializes as
    /// the plain string it holds.
    #[derive(Clone)]
    pub struct Text(Repr);

    #[derive(Clone)]
    enum Repr {
        Static(&'static str),
        Owned(Owned),
    }

    /// Text made at run time: shared natively (a clone is a count, not a copy); owned in the
    /// .wasm, whose size budget keeps the sharing's code out (a browser's brand list is the
    /// shipped, static one).
    #[cfg(not(target_arch = "wasm32"))]
    type Owned = std::sync::Arc<str>;
    #[cfg(target_arch = "wasm32")]
    type Owned = String;

    impl Text {
        /// Static text, borrowed.
        pub const fn from_static(s: &'static str) -> Text {
            Text(Repr::Static(s))
        }

        pub fn as_str(&self) -> &str {
            match &self.0 {
                Repr::Static(s) => s,
                Repr::Owned(s) => s,
            }
        }
    }

    impl Default for Text {
        fn default() -> Text {
            Text::from_static("")
        }
    }

    impl PartialEq for Text {
        fn eq(&self, other: &Text) -> bool {
            self.as_str() == other.as_str()
        }
    }

    impl Eq for Text {}

    impl PartialOrd for Text {
        fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }

    impl Ord for Text {
        fn cmp(&self, other: &Text) -> std::cmp::Ordering {
            self.as_str().cmp(other.as_str())
        }
    }

    impl std::hash::Hash for Text {
        fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
            self.as_str().hash(h)
        }
    }

    impl std::ops::Deref for Text {
        type Target = str;
        fn deref(&self) -> &str {
            self.as_str()
        }
    }

    impl AsRef<str> for Text {
        fn as_ref(&self) -> &str {
            self.as_str()
        }
    }

    impl std::borrow::Borrow<str> for Text {
        fn borrow(&self) -> &str {
            self.as_str()
        }
    }

    impl From<String> for Text {
        fn from(s: String) -> Text {
            Text(Repr::Owned(Owned::from(s)))
        }
    }

    impl From<&str> for Text {
        /// A copy of `s` (use [`Text::from_static`] to borrow static text).
        fn from(s: &str) -> Text {
            Text(Repr::Owned(Owned::from(s)))
        }
    }

    impl From<Text> for String {
        fn from(t: Text) -> String {
            t.as_str().to_string()
        }
    }

    impl PartialEq<str> for Text {
        fn eq(&self, other: &str) -> bool {
            self.as_str() == other
        }
    }

    impl PartialEq<&str> for Text {
        fn eq(&self, other: &&str) -> bool {
            self.as_str() == *other
        }
    }

    impl PartialEq<String> for Text {
        fn eq(&self, other: &String) -> bool {
            self.as_str() == other.as_str()
        }
    }

    impl std::fmt::Debug for Text {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            std::fmt::Debug::fmt(self.as_str(), f)
        }
    }

    impl std::fmt::Display for Text {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }

    impl Serialize for Text {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }
}

/// How worried the user should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing found worth telling.
    Safe,
    /// Marked and explained, the navigation goes on.
    Suspicious,
    /// The browser interrupts the navigation and shows the warning page.
    Dangerous,
    /// The input is not a web address we can judge.
    Invalid,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Safe => "safe",
            Level::Suspicious => "suspicious",
            Level::Dangerous => "dangerous",
            Level::Invalid => "invalid",
        }
    }
}

macro_rules! reason_codes {
    ($($(#[$m:meta])* $v:ident = $s:literal,)*) => {
        /// Why a verdict was given. Serialized as a stable snake_case code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[non_exhaustive]
        pub enum Code { $($(#[$m])* #[serde(rename = $s)] $v,)* }
        impl Code {
            /// Every code, for tests that check each has a message in every locale.
            pub const ALL: &'static [Code] = &[$(Code::$v,)*];
            pub fn as_str(self) -> &'static str { match self { $(Code::$v => $s,)* } }
        }
    };
}

reason_codes! {
    // --- input problems (level `invalid`)
    /// Nothing to check.
    EmptyInput = "empty_input",
    /// Not a web address.
    UnparseableUrl = "unparseable_url",
    /// Not http or https (javascript:, data:, file:, ...).
    UnsupportedScheme = "unsupported_scheme",
    // --- brand impersonation
    /// A protected brand's domain is written inside someone else's host (`www.jcom.co.jp.evil.cn`).
    BrandDomainEmbedded = "brand_domain_embedded",
    /// A brand's domain written with hyphens (`jcom-co-jp.evil.com`).
    BrandDomainHyphenated = "brand_domain_hyphenated",
    /// A Japanese second-level suffix (`co.jp`, misspelled `co.jq`, `-co-jp`) in the middle of a host.
    FakeJpSuffix = "fake_jp_suffix",
    /// A brand's name is the registrable domain's label, or a hyphen token of it, on a domain the brand does not own.
    BrandWordInDomain = "brand_word_in_domain",
    /// A brand's name is a label or hyphen token of a subdomain the brand does not own.
    BrandWordInSubdomain = "brand_word_in_subdomain",
    /// The domain is a few keystrokes from a protected domain (`amazom.co.jp`).
    LookalikeDomain = "lookalike_domain",
    /// Letters from other scripts that look like a protected domain (`аpple.com` with Cyrillic а).
    Homograph = "homograph",
    /// One label mixes scripts (Latin with Cyrillic, ...).
    MixedScript = "mixed_script",
    /// A protected brand's name under another top-level domain (`jcom.net`).
    TldSwap = "tld_swap",
    /// A subdomain that ends like another site's address (`appstore.com.example.net`).
    DomainInSubdomain = "domain_in_subdomain",
    /// A brand's name in the path or query of an unrelated domain (`/jabank`).
    BrandInPath = "brand_in_path",
    // --- host tricks
    /// The host is a raw IP address.
    IpAddressHost = "ip_address_host",
    /// The host's name is an IP address written with dashes or dots (`104-248-149-114.plesk.page`).
    IpNamedHost = "ip_named_host",
    /// Text before `@` poses as the host (`https://www.jcom.co.jp@evil.example/`).
    UserinfoInUrl = "userinfo_in_url",
    /// A host named by a serial number (`7482.example.com`).
    NumberedHost = "numbered_host",
    /// `www` in front of another subdomain (`www.jp.example-kit.com`).
    WwwBeforeName = "www_before_name",
    /// Many subdomain levels.
    DeepSubdomain = "deep_subdomain",
    /// A label that looks machine-generated.
    RandomLabel = "random_label",
    /// A dynamic-DNS service: anyone can get a name there in a minute.
    DynamicDns = "dynamic_dns",
    /// Free hosting where anyone can publish a page (`workers.dev`, `web.app`).
    FreeHosting = "free_hosting",
    /// A page on a brand's platform where anyone publishes (`sites.google.com`,
    /// `docs.google.com`, `forms.office.com`, a SharePoint tenant): the address is the brand's,
    /// the page is not; judged by what its path shows.
    UserContent = "user_content",
    /// A page served from IPFS through a gateway (`/ipfs/<CID>`, `<CID>.ipfs.dweb.link`): anyone
    /// publishes there anonymously, and no one can take the page down.
    IpfsContent = "ipfs_content",
    /// A top-level domain much used for throwaway phishing domains.
    RiskyTld = "risky_tld",
    /// The host is written in an international (punycode) form.
    InternationalDomain = "international_domain",
    /// A port other than the scheme's default.
    UnusualPort = "unusual_port",
    /// A free platform's made-up default name for a page (`tiny-snow-d739.x.workers.dev`).
    GeneratedName = "generated_name",
    /// The host is named for a DNS record or a mail service (`_.example.com`,
    /// `mta-sts.example.com`), not for a page anyone is sent to.
    ServiceHost = "service_host",
    /// A link-shortening service hides where the link goes.
    UrlShortener = "url_shortener",
    // --- content of the address
    /// The address carries another address (`?url=https://...`), judged too.
    EmbeddedUrl = "embedded_url",
    /// A page inside a site's program folders (`/wp-includes/`, deep in `/.well-known/`), where
    /// hacked sites carry planted pages.
    SiteInternals = "site_internals",
    /// A link to a program or archive (.exe, .zip, .apk ...).
    RiskyDownload = "risky_download",
    /// Words such as login, verify, account in the address.
    CredentialWords = "credential_words",
    /// A sign-in word misspelled in the host (`accout`, `connecct-login`): a company spells its
    /// own login host right; a misspelling is written to slip past word filters.
    CredentialTypo = "credential_typo",
    /// Plain http: anything typed can be read on the way.
    InsecureHttp = "insecure_http",
    // --- informational (weight 0 or negative)
    /// The host belongs to a protected brand.
    OfficialDomain = "official_domain",
    /// The user listed this site as trusted.
    TrustedByUser = "trusted_by_user",
}

/// A protected brand, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrandRef {
    /// Stable id (`jcom`).
    pub id: Text,
    pub name_en: Text,
    pub name_ja: Text,
    /// The brand's official site to offer instead (`https://www.jcom.co.jp/`).
    pub official_site: Text,
    /// The official registrable domain this reason refers to (`jcom.co.jp`).
    pub official_domain: Text,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub code: Code,
    /// Contribution to the score.
    pub weight: i32,
    /// The brand concerned, if any.
    pub brand: Option<BrandRef>,
    /// What matched: a label, a word, a file extension, an embedded URL.
    pub detail: Option<Text>,
}

/// The verdict on one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub level: Level,
    /// Sum of the reasons' weights (0 for invalid input).
    pub score: i32,
    /// The input as given.
    pub input: String,
    /// The normalized URL (ASCII host), or null when the input is invalid.
    pub url: Option<String>,
    pub scheme: Option<Text>,
    pub host_ascii: Option<String>,
    pub host_unicode: Option<String>,
    /// Who registered the name: `vkia.cn` for `www2.jcom.co.jp.login.vkia.cn`.
    pub registrable: Option<String>,
    pub public_suffix: Option<String>,
    /// `icann`, `private` (each subdomain has its own owner) or `unknown`.
    pub suffix_kind: Option<Text>,
    /// What stands before the registrable domain (`www2.jcom.co.jp.login`).
    pub subdomain: Option<String>,
    /// ISO 3166 code when the top-level domain is a country's (`CN` for `.cn`).
    pub country: Option<String>,
    /// Findings, strongest first.
    pub reasons: Vec<Reason>,
    /// The brand impersonated, when one is.
    pub brand: Option<BrandRef>,
    /// The official site to offer instead, when a brand is impersonated.
    pub official_site: Option<Text>,
    /// The address carried inside this one, when it was judged too.
    pub embedded_url: Option<String>,
    /// Versions of the embedded data (brand list, Public Suffix List).
    pub data_version: Text,
}

impl Verdict {
    /// True when the browser should interrupt the navigation.
    pub fn is_dangerous(&self) -> bool {
        self.level == Level::Dangerous
    }
    /// True for suspicious or dangerous.
    pub fn is_flagged(&self) -> bool {
        matches!(self.level, Level::Suspicious | Level::Dangerous)
    }
    /// The reason codes, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.reasons.iter().map(|r| r.code.as_str()).collect()
    }
}
