//! The signals. Each looks at one aspect of the URL and pushes reasons with weights; the checker
//! adds the weights up. Brand signals are strong on their own; host tricks are weights that only
//! add up to a warning together.

use std::borrow::Cow;

use crate::brands::{deletion_hashes, max_edits, BrandIndex};
use crate::checker::{opaque, HostInfo, HostPass};
use crate::domain::SuffixKind;
use crate::parse::{HostKind, Parsed, WebUrl};
use crate::verdict::{Code, Reason, Text};

/// Weights. `suspicious` from 30, `dangerous` from 70 (see checker.rs).
pub mod w {
    pub const BRAND_DOMAIN_EMBEDDED: i32 = 80;
    pub const BRAND_DOMAIN_HYPHENATED: i32 = 75;
    pub const FAKE_JP_SUFFIX_BRAND: i32 = 80;
    /// `X.co.jp.other.com`: a Japanese company address claimed inside someone else's domain.
    pub const FAKE_JP_SUFFIX: i32 = 70;
    /// `co.jp` without its dots glued to a name (`smbcuercojp.com`) when no brand is recovered.
    pub const GLUED_JP_SUFFIX: i32 = 40;
    pub const BRAND_WORD_DOMAIN: i32 = 45;
    pub const BRAND_WORD_DOMAIN_PART: i32 = 35;
    pub const BRAND_WORD_SUBDOMAIN: i32 = 40;
    pub const LOOKALIKE_SAME_SUFFIX: i32 = 75;
    pub const LOOKALIKE: i32 = 55;
    pub const LOOKALIKE_OTHER_SUFFIX: i32 = 25;
    pub const LOOKALIKE_SUBDOMAIN: i32 = 35;
    /// Added to a brand reason when the host is a throwaway (risky TLD, random name, dynamic DNS,
    /// free hosting): a brand name there is almost never the brand's own page.
    pub const THROWAWAY_BOOST: i32 = 20;
    pub const HOMOGRAPH: i32 = 85;
    pub const MIXED_SCRIPT: i32 = 40;
    pub const TLD_SWAP: i32 = 30;
    /// `appstore.com.example.net`: a subdomain dressed as another site's address.
    pub const DOMAIN_IN_SUBDOMAIN: i32 = 30;
    pub const BRAND_IN_PATH: i32 = 20;
    /// A brand's domain as a folder on another site (`/amazon.co.jp/webapps/`).
    pub const BRAND_DOMAIN_IN_PATH: i32 = 30;
    /// A page inside a site's program folders (`/wp-includes/x/`, `/.well-known/a/b/c/`).
    pub const SITE_INTERNALS: i32 = 30;
    pub const IP_HOST: i32 = 35;
    /// A host named for a server's IP address (`104-248-149-114.plesk.page`,
    /// `ip-160-153-250-139.ip.secureserver.net`): a machine with no name of its own, as a
    /// hosting panel or a provider's reverse DNS calls it. Sites people are sent to have names.
    pub const IP_NAMED_HOST: i32 = 30;
    /// `www` in front of another subdomain (`www.jp.mcoerricmari.com`, `www.e.miesscrie.com`):
    /// a kit's wildcard host; sites put `www` right before their own name. Weak alone: some
    /// companies' regional hosts look so (`www.jp.example.com`).
    pub const WWW_BEFORE_NAME: i32 = 20;
    pub const WWW_BEFORE_LETTER: i32 = 30;
    /// A host named by a serial number of four digits or more (`7482.example.com`,
    /// `87749663.example.co`): wildcard hosts handed out one per message.
    pub const NUMBERED_HOST: i32 = 30;
    pub const USERINFO: i32 = 40;
    pub const USERINFO_DOMAIN: i32 = 60;
    pub const DEEP: i32 = 10;
    pub const RANDOM_REG: i32 = 25;
    pub const RANDOM_SUB: i32 = 10;
    /// Added to a random-looking registrable name that has almost no vowels (`ykjsptgs`,
    /// `qxvbnmzkt`), digits mixed in (`pfn6i0`, `1005wlaksg`) or ten characters or more
    /// (`ikojuhytgrfedwq`, where the trigram verdict rests on more letters): keyboard mash or a
    /// generated id. The names of real sites that the trigram model finds odd (`cbsnews`,
    /// `nordvpn`, `smallpdf`) are mostly shorter, keep more vowels and have no digits.
    pub const RANDOM_NO_VOWELS: i32 = 5;
    /// A random-looking subdomain label that is plainly machine-made: a letter run of 12 or more
    /// that reads like no language, or almost no vowels.
    pub const RANDOM_SUB_STRONG: i32 = 30;
    /// A five-consonant registrable name (`wgsxc`) serving a made-up subdomain: weight that
    /// only adds to other evidence (acronym sites such as `msnbc`, `npmjs` serve subdomains too).
    pub const RANDOM_SHORT_MASH: i32 = 20;
    /// Three or four consonants and a number of three or four digits as the whole name
    /// (`jxdm666.com`, `wsh0592.com`): registered in bulk. Named sites put a word or a vowel in
    /// (bet365, hao123, ck101: none of the top-domain list has this shape).
    pub const INITIALS_AND_NUMBER: i32 = 30;
    pub const DYNAMIC_DNS: i32 = 30;
    pub const FREE_HOSTING: i32 = 15;
    /// A brand's platform where anyone publishes: less than free hosting, as the brand screens
    /// what is published there; enough with a brand word in the path (`/view/amazon-login`).
    pub const USER_CONTENT: i32 = 10;
    /// Added to free hosting for a web page served as a file from a bucket.
    pub const PAGE_IN_BUCKET: i32 = 15;
    /// A page served from IPFS: anonymous and beyond takedown, rarely what a person means to
    /// open from a mail or a message; marked, not blocked.
    pub const IPFS_CONTENT: i32 = 30;
    pub const RISKY_TLD: i32 = 20;
    /// Added to a risky TLD for a numbered name there (`646025.cc`, `accessid83648.xyz`).
    pub const NUMBERED_NAME: i32 = 10;
    pub const ABUSED_TLD: i32 = 30;
    pub const CN_TLD: i32 = 30;
    pub const RANDOM_ON_THROWAWAY: i32 = 15;
    pub const RANDOM_ON_REGISTERED_THROWAWAY: i32 = 25;
    pub const IDN: i32 = 10;
    pub const PORT: i32 = 10;
    /// A shortener's own pages (`https://bit.ly/`).
    /// A flagged page shown through a translation proxy or the AMP cache, which hides its
    /// address behind Google's: added to the page's own score.
    pub const PROXIED: i32 = 15;
    pub const SHORTENER: i32 = 15;
    /// A shortened link (`https://bit.ly/3xYz`): where it goes is hidden until it is opened.
    pub const SHORTENED_LINK: i32 = 30;
    /// A platform's default name for a page published in a minute (`tiny-snow-d739.x.workers.dev`).
    pub const GENERATED_NAME: i32 = 15;
    /// A host named for a DNS record or a mail service (`_.example.com`, `mta-sts.example.com`).
    pub const SERVICE_HOST: i32 = 30;
    pub const DOWNLOAD_PROGRAM: i32 = 50;
    pub const DOWNLOAD_ARCHIVE: i32 = 35;
    pub const CREDENTIAL_HOST: i32 = 10;
    pub const CREDENTIAL_PATH: i32 = 5;
    /// An account word misspelled in the host (`accout`, `connecct-login`, `longin`): a company
    /// names its login host correctly; a misspelling is written to slip past word filters.
    pub const CREDENTIAL_TYPO: i32 = 30;
    pub const HTTP: i32 = 10;
}

fn reason(code: Code, weight: i32) -> Reason {
    Reason {
        code,
        weight,
        brand: None,
        detail: None,
    }
}

fn detailed(code: Code, weight: i32, detail: &str) -> Reason {
    Reason {
        code,
        weight,
        brand: None,
        detail: Some(Text::from(detail)),
    }
}

/// [`detailed`] with a static detail (a service's domain, a listed TLD): borrowed, not copied.
fn detailed_static(code: Code, weight: i32, detail: &'static str) -> Reason {
    Reason {
        code,
        weight,
        brand: None,
        detail: Some(Text::from_static(detail)),
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
        brand: brands.brand_ref(b, domain),
        detail: Some(brands.text(detail)),
    }
}

/// Second-level labels of `.jp` that attackers write in the middle of hosts.
const JP_SLD: &[&str] = &["co", "ne", "or", "ac", "go", "ed", "gr", "lg", "ad"];
const _: () = assert!(
    shortest(JP_SLD) == 2 && longest(JP_SLD) == 2,
    "fake_jp_suffix looks for two-byte second-level labels"
);
/// `jp` and its misspellings seen in reports (`co.jq`, `co.ip`, `co.jo`).
const JP_LIKE: &[&str] = &["jp", "jq", "ip", "jo", "jb", "jpn", "lp", "pj", "j"];

/// Dynamic-DNS services: anyone can point a name there in a minute.
#[rustfmt::skip]
const DYNAMIC_DNS: &[&str] = &[
    "duckdns.org",
    "ddns.net",
    "no-ip.org",
    "no-ip.biz",
    "no-ip.info",
    "noip.me",
    "hopto.org",
    "zapto.org",
    "sytes.net",
    "myvnc.com",
    "servehttp.com",
    "serveftp.com",
    "servebeer.com",
    "redirectme.net",
    "myftp.org",
    "myftp.biz",
    "dynu.net",
    "dynu.com",
    "freeddns.org",
    "dyndns.org",
    "dynv6.net",
    "mooo.com",
    "ddnsking.com",
    "ddnsfree.com",
    "gotdns.ch",
    "3utilities.com",
    "bounceme.net",
    "viewdns.net",
    "webhop.me",
    "ddns.me",
    "linkpc.net",
    "dnsalias.net",
    "ooguy.com",
    "kozow.com",
    "loseyourip.com",
    "ydns.eu",
    "dns-dynamic.net",
    "giize.com",
    "gleeze.com",
    "casacam.net",
    "accesscam.org",
    "camdvr.org",
    "chickenkiller.com",
    "crabdance.com",
    "strangled.net",
    "twilightparadox.com",
    "afraid.org",
    "publicvm.com",
    "vpndns.net",
    "myddns.me",
    "ddnsgeek.com",
    "dnsfor.me",
    "freedynamicdns.net",
    "freedynamicdns.org",
    "theworkpc.com",
    "mywire.org",
    "dnsupdate.info",
    "hldns.ru",
    "now-dns.net",
    "dynns.com",
    // ChangeIP free subdomains (changeip.com "free dynamic DNS" domain list).
    "2waky.com", "3-a.net", "4dq.com", "4mydomain.com", "4pu.com", "25u.com", "acmetoy.com",
    "almostmy.com", "americanunfinished.com", "authorizeddns.net", "authorizeddns.org",
    "authorizeddns.us", "bigmoney.biz", "changeip.biz", "changeip.co", "changeip.net",
    "changeip.org", "cleansite.biz", "cleansite.info", "cleansite.us", "compress.to", "ddns.info",
    "ddns.us", "dns-dns.com", "dns04.com", "dns05.com", "dns1.us", "dns2.us", "dnset.com",
    "dnsfailover.net", "dnsrd.com", "dsmtp.com", "dumb1.com", "dynamic-dns.net", "dynamicdns.biz",
    "dynssl.com", "edns.biz", "esmtp.biz", "ezua.com", "faqserv.com", "fartit.com", "freeddns.com",
    "freetcp.com", "freewww.biz", "freewww.info", "ftp1.biz", "ftpserver.biz", "gettrials.com",
    "got-game.org", "gr8domain.biz", "gr8name.biz", "https443.net", "https443.org", "ikwb.com",
    "instanthq.com", "iownyour.biz", "iownyour.org", "isasecret.com", "itemdb.com", "itsaol.com",
    "jetos.com", "jkub.com", "jungleheart.com", "justdied.com", "lflink.com", "lflinkup.com",
    "lflinkup.net", "lflinkup.org", "longmusic.com", "mefound.com", "misecure.com", "moneyhome.biz",
    "mrbasic.com", "mrbonus.com", "mrface.com", "mrslove.com", "my03.com", "mydad.info",
    "myddns.com", "myftp.info", "mylftv.com", "mymom.info", "mynetav.com", "mynetav.net",
    "mynetav.org", "mynumber.org", "mypicture.info", "mypop3.net", "mypop3.org",
    "mysecondarydns.com", "mywww.biz", "myz.info", "ninth.biz", "ns01.biz", "ns01.info", "ns01.us",
    "ns02.biz", "ns02.info", "ns02.us", "ns1.name", "ns2.name", "ns3.name", "ocry.com",
    "onedumb.com", "onmypc.biz", "onmypc.info", "onmypc.net", "onmypc.org", "onmypc.us",
    "organiccrap.com", "otzo.com", "ourhobby.com", "pcanywhere.net", "port25.biz", "proxydns.com",
    "qhigh.com", "qpoe.com", "rebatesrule.net", "sellclassics.com", "sendsmtp.com", "serveuser.com",
    "serveusers.com", "sexidude.com", "sexxxy.biz", "sixth.biz", "squirly.info", "ssl443.org",
    "toh.info", "toythieves.com", "trickip.net", "trickip.org", "vizvaz.com", "wikaba.com",
    "www1.biz", "wwwhost.biz", "x24hr.com", "xxuz.com", "xxxy.biz", "xxxy.info", "ygto.com",
    "youdontcare.com", "yourtrap.com", "zyns.com", "zzux.com",
    // No-IP free hostnames (noip.com free domain list).
    "blogsyte.com", "brasilia.me", "cable-modem.org", "ciscofreak.com", "collegefan.org",
    "couchpotatofries.org", "damnserver.com", "ditchyourip.com", "dnsiskinky.com", "dvrcam.info",
    "eating-organic.net", "fantasyleague.cc", "geekgalaxy.com", "golffan.us",
    "health-carereform.com", "homesecuritymac.com", "homesecuritypc.com", "hopto.me",
    "hosthampster.com", "ilovecollege.info", "loginto.me", "mlbfan.org", "mmafan.biz",
    "myactivedirectory.com", "mydissent.net", "myeffect.net", "mymediapc.net", "mypsx.net",
    "mysecuritycamera.com", "mysecuritycamera.net", "mysecuritycamera.org", "net-freaks.com",
    "nflfan.org", "nhlfan.net", "no-ip.ca", "no-ip.co.uk", "no-ip.net", "noip.us", "onthewifi.com",
    "pgafan.net", "point2this.com", "pointto.us", "privatizehealthinsurance.net", "quicksytes.com",
    "read-books.org", "securitytactics.com", "serveexchange.com", "servehumour.com", "servep2p.com",
    "servesarcasm.com", "stufftoread.com", "ufcfan.org", "unusualperson.com", "workisboring.com",
    "serveblog.net", "servecounterstrike.com", "servegame.com", "servehalflife.com", "serveirc.com",
    "serveminecraft.net", "servemp3.com", "servepics.com", "servequake.com",
];

/// Free hosting and app platforms where anyone publishes a page under the platform's name.
const FREE_HOSTING: &[&str] = &[
    "workers.dev",
    "pages.dev",
    "web.app",
    "firebaseapp.com",
    "netlify.app",
    "vercel.app",
    "glitch.me",
    "github.io",
    "gitlab.io",
    "herokuapp.com",
    "onrender.com",
    "repl.co",
    "replit.app",
    "weebly.com",
    "wixsite.com",
    "000webhostapp.com",
    "blogspot.com",
    "azurewebsites.net",
    "appspot.com",
    "surge.sh",
    "fly.dev",
    "ngrok.io",
    "ngrok-free.app",
    "ngrok.app",
    "trycloudflare.com",
    "r2.dev",
    "webflow.io",
    "framer.app",
    "framer.website",
    "square.site",
    "godaddysites.com",
    "mystrikingly.com",
    "strikingly.com",
    "carrd.co",
    "sites.google.com",
    "web.core.windows.net",
    "s3.amazonaws.com",
    "wcomhost.com",
    "jimdofree.com",
    "jimdosite.com",
    "webnode.jp",
    "wordpress.com",
    "tilda.ws",
    "yolasite.com",
    "site123.me",
    "bitbucket.io",
    "qualtrics.com",
    "typedream.app",
    "codeanyapp.com",
    "deno.dev",
    "render.com",
    "lovable.app",
    "cprapid.com",
    "mixh.jp",
    "xsrv.jp",
    "sakura.ne.jp",
    "lolipop.jp",
    "heteml.net",
    "main.jp",
    "fc2.com",
    "jugem.jp",
    "wpx.jp",
    "web.fc2.com",
    "ivory.ne.jp",
    "boo.jp",
    "netlify.com",
    "firebaseio.com",
    "replit.dev",
    "amplifyapp.com",
    "plesk.page",
    "blob.core.windows.net",
    "cloudflare-ipfs.com",
    "storage.googleapis.com",
    "firebasestorage.googleapis.com",
    "aliyuncs.com",
    "xdomain.jp",
    "conohawing.com",
    // Object storage whose buckets serve files to the web, as S3 does.
    "myqcloud.com",
    "wasabisys.com",
    "backblazeb2.com",
    "digitaloceanspaces.com",
    "linodeobjects.com",
    // Public IPFS gateways: anyone's upload under the gateway's name (see ipfs_content).
    "ipfs.io",
    "dweb.link",
    "cf-ipfs.com",
    "fleek.cool",
    "ipfs.fleek.co",
    "w3s.link",
    "nftstorage.link",
    "4everland.io",
    "infura-ipfs.io",
    "gateway.pinata.cloud",
];

/// An Amazon S3 regional endpoint (`bucket.s3.ap-northeast-1.amazonaws.com`,
/// `s3-ap-southeast-1.amazonaws.com/bucket/`): the same public buckets as `s3.amazonaws.com`,
/// under one name per region. Returns the endpoint.
fn s3_endpoint(host: &str) -> Option<&str> {
    let inner = host.strip_suffix(".amazonaws.com")?;
    // The last `s3` / `s3-<region>` label before amazonaws.com starts the endpoint.
    let mut start = None;
    let mut at = 0;
    for label in inner.split('.') {
        if label == "s3" || label.starts_with("s3-") {
            start = Some(at);
        }
        at += label.len() + 1;
    }
    host.get(start?..)
}

/// Top-level domains much used for throwaway domains (abuse-rate reports), not a verdict alone.
/// Top-level domains whose registrations are mostly abuse (Spamhaus / Interisle abuse-rate
/// reports): weight enough to be `suspicious` alone.
#[rustfmt::skip]
const ABUSED_TLDS: &[&str] = &[
    "top", "cfd", "icu", "cyou", "buzz", "sbs", "bond", "monster", "tk", "ga", "ml", "cf", "gq", "pw", "rest", "bar",
    "lol", "click", "wang", "xin", "bid", "loan", "win", "date", "racing", "download", "stream", "party", "review",
    "trade", "accountant", "science", "faith", "cricket", "gdn", "men", "kim", "ren", "quest", "autos", "boats",
    "yachts", "mom", "homes", "beauty", "hair", "skin", "makeup", "pics", "zip", "mov", "su", "cam", "uno", "lat",
];

/// Top-level domains much used for throwaway domains, next to plenty of ordinary sites: weight
/// that only adds to other evidence. (`cn` has its own rule in `host_tricks`: bare second-level
/// registrations only, weighed by length.)
#[rustfmt::skip]
const RISKY_TLDS: &[&str] = &[
    "xyz", "shop", "club", "cc", "vip", "asia", "one", "work", "life", "live", "site", "online", "store", "link",
    "ink", "cloud", "ltd", "group", "tokyo", "ci", "mw", "best", "casa", "fun", "website", "email", "world", "space",
    "today", "ws", "red", "run", "host", "press",
];

/// [`ABUSED_TLDS`] and [`RISKY_TLDS`] by first byte and by length (see [`in_word_tables`]):
/// every host's TLD is looked up in both.
const ABUSED_BY_FIRST: [u64; 256] = word_table(ABUSED_TLDS, true);
const ABUSED_BY_LEN: [u64; 17] = word_lengths(ABUSED_TLDS);
const RISKY_BY_FIRST: [u64; 256] = word_table(RISKY_TLDS, true);
const RISKY_BY_LEN: [u64; 17] = word_lengths(RISKY_TLDS);
const _: () = assert!(
    ABUSED_TLDS.len() <= 64 && RISKY_TLDS.len() <= 64,
    "word tables index the list in a u64"
);

/// Link shorteners: the real target is hidden.
#[rustfmt::skip]
const SHORTENERS: &[&str] = &[
    "bit.ly",
    "t.co",
    "t.cn",
    "ppt.cc",
    "page.link",
    "mbd.baidu.com",
    "tinyurl.com",
    "cutt.ly",
    "rebrand.ly",
    "is.gd",
    "ow.ly",
    "buff.ly",
    "reurl.cc",
    "t.ly",
    "rb.gy",
    "shorturl.at",
    "tiny.cc",
    "x.gd",
    "v.gd",
    "s.id",
    "goo.su",
    "urlz.fr",
    "qr.paps.jp",
    "00m.in",
    "bit.do",
    "lnkd.in",
    "kutt.it",
    "short.gy",
    "u.to",
    "clck.ru",
    "tr.ee",
    "onl.bz",
    "amzn.to",
    "urx.nu",
    "urx2.nu",
    "urx3.nu",
    "ux.nu",
    "me2.do",
    "han.gl",
    "vo.la",
    "iii.im",
    "l.ead.me",
    "shorter.me",
    "gg.gg",
    "surl.li",
    "2u.pw",
    "qrco.de",
    // Hootsuite, GoDaddy, Yam (Taiwan), lihi (Taiwan), VK, QR-code and link-in-bio makers.
    "ht.ly",
    "owl.li",
    "x.co",
    "s.yam.com",
    "lihi.cc",
    "lihi1.com",
    "vk.cc",
    "qrs.ly",
    "me-qr.com",
    "kaywa.me",
    "uqr.to",
    "scnv.io",
    "smarturl.it",
    "dlvr.it",
    "waa.ai",
    "u.nu",
    "alturl.com",
    "shor.by",
    "s.free.fr",
    // An IP-logging shortener.
    "grabify.link",
];

/// Words of the credential-phishing vocabulary, as host or path tokens.
#[rustfmt::skip]
const CREDENTIAL_WORDS: &[&str] = &[
    "login",
    "signin",
    "sign-in",
    "logon",
    "signon",
    "verify",
    "verification",
    "account",
    "accounts",
    "update",
    "secure",
    "security",
    "confirm",
    "auth",
    "authentication",
    "mypage",
    "member",
    "members",
    "support",
    "service",
    "billing",
    "payment",
    "wallet",
    "unlock",
    "suspend",
    "suspended",
    "restore",
    "recovery",
    "password",
    "customer",
    "center",
    "info",
    "notice",
    "alert",
    "id",
    "web",
    "online",
    "official",
    "card",
    "bank",
    "pay",
    "my",
    "app",
    "user",
    "check",
];

/// [`CREDENTIAL_WORDS`] by first byte and by length (16 for 16 bytes and more), as bitmasks
/// over the list: a token is compared only with the words of its first byte and length.
const CREDENTIAL_BY_FIRST: [u64; 256] = word_table(CREDENTIAL_WORDS, true);
const CREDENTIAL_BY_LEN: [u64; 17] = word_lengths(CREDENTIAL_WORDS);
const _: () = assert!(
    CREDENTIAL_WORDS.len() <= 64,
    "word tables index the list in a u64"
);

/// `CREDENTIAL_WORDS.contains(&t)`, through the tables above.
fn is_credential_word(t: &str) -> bool {
    in_word_tables(
        CREDENTIAL_WORDS,
        &CREDENTIAL_BY_FIRST,
        &CREDENTIAL_BY_LEN,
        t,
    )
}

/// `list.contains(&t)` through the list's tables by first byte and by length ([`word_table`],
/// [`word_lengths`]): only the words of `t`'s first byte and length are compared.
fn in_word_tables(
    list: &[&'static str],
    by_first: &[u64; 256],
    by_len: &[u64; 17],
    t: &str,
) -> bool {
    word_in_tables(list, by_first, by_len, t).is_some()
}

/// [`in_word_tables`], returning the list's own entry (static text a reason can borrow).
fn word_in_tables(
    list: &[&'static str],
    by_first: &[u64; 256],
    by_len: &[u64; 17],
    t: &str,
) -> Option<&'static str> {
    let first = t.as_bytes().first().map_or(0, |b| usize::from(*b));
    let mut maybe = by_first.get(first).copied().unwrap_or(0)
        & by_len.get(t.len().min(16)).copied().unwrap_or(0);
    while maybe != 0 {
        let i = maybe.trailing_zeros() as usize;
        maybe &= maybe - 1;
        if let Some(w) = list.get(i).filter(|w| **w == t) {
            return Some(w);
        }
    }
    None
}

/// Bitmasks over a list of words by length, 16 standing for 16 bytes and more.
#[allow(clippy::indexing_slicing)] // compile-time only, over a constant list
const fn word_lengths(list: &[&str]) -> [u64; 17] {
    let mut t = [0u64; 17];
    let mut i = 0;
    while i < list.len() {
        let n = list[i].len();
        t[if n < 16 { n } else { 16 }] |= 1 << i;
        i += 1;
    }
    t
}

/// Account words whose misspellings attackers put in host names (`accout.example.com`,
/// `connecct-login.example.com`, `longin-jp.example.net`, `singin.example.org`).
#[rustfmt::skip]
const TYPO_WORDS: &[&str] = &[
    "account", "connect", "signin", "login", "support", "secure", "update", "password", "security",
];
const _: () = assert!(
    longest(TYPO_WORDS) + 2 <= 10,
    "misspelled_credential_word reads tokens of ten letters at most"
);

/// Endings that make a word's inflection, not its typo (`accounts`, `updated`, `signing`).
const INFLECTIONS: &[&str] = &["s", "d", "r", "y", "ed", "er", "es", "g"];

/// Words one edit from a [`TYPO_WORDS`] entry (GCIDE English word list) that a shop or a
/// company may well be named after.
const NOT_TYPOS: &[&str] = &["confect", "convect", "conject", "accourt"];

/// The account word a host token misspells by one edit (`accout`, `acconut`, `connecct`,
/// `logiin`), if any. Only tokens of six letters or more: shorter ones are one edit from too
/// many words. Left out: inflections (`accounts`, `secured`, `signing`), the first letter
/// replaced (`konnect` is a product name), and for short words (`login`) anything but an added
/// letter (`logic`, `logan` are words).
fn misspelled_credential_word(tok: &str) -> Option<&'static str> {
    // (Ten letters at most: one edit from the longest word, or two with a doubled letter. The
    // exclusions are asked once a reading is found: most tokens have none.)
    if !(6..=10).contains(&tok.len()) || !tok.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let hit = one_edit_credential_word(tok).or_else(|| doubled_and_one_edit(tok))?;
    (!is_credential_word(tok) && !listed(NOT_TYPOS, tok)).then_some(hit)
}

/// Whether `a` and `b` (two bytes or more) share their first two bytes or their last two:
/// compared as two-byte arrays, in line (`starts_with` and `ends_with` called memcmp).
fn same_ends(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let head = |x: &[u8]| x.first_chunk::<2>().copied();
    let tail = |x: &[u8]| x.last_chunk::<2>().copied();
    (head(a).is_some() && head(a) == head(b)) || (tail(a).is_some() && tail(a) == tail(b))
}

/// [`misspelled_credential_word`]'s one-edit reading.
fn one_edit_credential_word(tok: &str) -> Option<&'static str> {
    TYPO_WORDS.iter().copied().find(|w| {
        tok.len().abs_diff(w.len()) <= 1
            // One edit leaves the first two letters or the last two as they were (words of
            // five letters or more): a cheap test before the others.
            && same_ends(tok, w)
            && !INFLECTIONS
                .iter()
                .any(|e| tok.strip_prefix(w).is_some_and(|rest| rest == *e))
            && (w.len() > 5 || tok.len() > w.len())
            && !(tok.len() == w.len() && tok.get(1..) == w.get(1..))
            && crate::brands::osa_capped(tok, w, 1) == 1
    })
}

/// An account word of seven letters or more misspelled twice, one of the two a letter typed
/// twice (`ocnnecct`, `xonnecct`, `coonnecct`, `conencct`): read with one letter of a doubled
/// pair dropped, the token is at most one edit from the word, its first letter included (a
/// doubled letter is no product's spelling: `konnect` is, `konnecct` is not). Words with a
/// doubled letter two edits from these (`collect`, `correct`, `logging`) stay further off:
/// none of the GCIDE English word list reads so.
fn doubled_and_one_edit(tok: &str) -> Option<&'static str> {
    let b = tok.as_bytes();
    // The words are seven or eight letters; with a letter more read away, seven to ten.
    if !(7..=10).contains(&b.len()) {
        return None;
    }
    let mut buf = [0u8; 10];
    for i in 1..b.len() {
        if b.get(i) != b.get(i - 1) {
            continue;
        }
        // The token without byte i, in a stack buffer.
        let (head, tail) = (b.get(..i)?, b.get(i + 1..)?);
        let n = head.len() + tail.len();
        buf.get_mut(..head.len())?.copy_from_slice(head);
        buf.get_mut(head.len()..n)?.copy_from_slice(tail);
        let once = std::str::from_utf8(buf.get(..n)?).ok()?;
        let hit = TYPO_WORDS.iter().copied().find(|w| {
            w.len() >= 7
                && tok != *w
                && n.abs_diff(w.len()) <= 1
                // One edit leaves the first two letters or the last two (as above).
                && same_ends(once, w)
                && crate::brands::osa_capped(once, w, 1) <= 1
        });
        if hit.is_some() {
            return hit;
        }
    }
    None
}

/// File extensions of programs and archives.
#[rustfmt::skip]
const PROGRAM_EXT: &[&str] = &[
    "exe", "scr", "msi", "bat", "cmd", "com", "pif", "vbs", "vbe", "js", "jse", "wsf", "hta",
    "lnk", "ps1", "apk", "xapk", "dmg", "pkg", "jar", "cpl", "reg", "msix", "appx",
];
#[rustfmt::skip]
const ARCHIVE_EXT: &[&str] = &[
    "zip", "rar", "7z", "iso", "img", "vhd", "vhdx", "cab", "gz", "tgz", "ace", "arj", "lzh", "uue",
];

/// Affixes that attackers glue to short brand names (`myjcom`, `aeonjp`).
#[rustfmt::skip]
const AFFIXES: &[&str] = &[
    "my", "jp", "japan", "web", "net", "card", "pay", "app", "id", "login", "online", "official",
    "support", "service", "info", "center", "secure", "member", "members", "user", "help", "mail",
    "account", "update", "co", "www", "smart", "mobile", "direct", "club", "point", "points",
    "shop", "store", "bank", "verify", "auth", "sign", "signin", "check", "webmail",
];

/// Affixes by first and by last byte, as bitmasks over AFFIXES (find_word's index).
const AFFIX_BY_FIRST: [u64; 256] = word_table(AFFIXES, true);
const AFFIX_BY_LAST: [u64; 256] = word_table(AFFIXES, false);
const _: () = assert!(AFFIXES.len() <= 64, "find_word indexes AFFIXES in a u64");

/// Length of the shortest of [`AFFIXES`]: find_word skips the affix readings of tokens too short
/// to leave a word once one is taken off.
const SHORTEST_AFFIX: usize = shortest(AFFIXES);

/// Length of the longest word of a list (compile time).
#[allow(clippy::indexing_slicing)] // compile-time only, over a constant list
const fn longest(list: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() > n {
            n = list[i].len();
        }
        i += 1;
    }
    n
}

/// Length of the shortest word of a list (compile time).
#[allow(clippy::indexing_slicing)] // compile-time only, over a constant list
const fn shortest(list: &[&str]) -> usize {
    let mut n = usize::MAX;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() < n {
            n = list[i].len();
        }
        i += 1;
    }
    n
}

/// Bitmasks over a list of words (bit i = `list[i]`) by first byte, or by last byte.
#[allow(clippy::indexing_slicing)] // compile-time only, over a constant list
const fn word_table(list: &[&str], first: bool) -> [u64; 256] {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < list.len() {
        let a = list[i].as_bytes();
        if !a.is_empty() {
            let b = if first { a[0] } else { a[a.len() - 1] };
            t[b as usize] |= 1 << i;
        }
        i += 1;
    }
    t
}

/// Business platforms that give each customer company a subdomain of its own under contract
/// (`softbank.zoom.us`, `<company>.okta.com`, `<company>.my.salesforce.com`): a brand word as
/// the tenant's name is the brand's own tenant. Not platforms where anyone picks a name for free
/// (atlassian.net, zendesk.com, force.com sites, fandom.com: those are judged as usual).
const TENANT_PLATFORMS: &[&str] = &[
    "zoom.us",
    "okta.com",
    "okta-emea.com",
    "my.salesforce.com",
    "service-now.com",
    "webex.com",
    "stackexchange.com",
];

/// Whether a host is under one of [`TENANT_PLATFORMS`].
fn on_tenant_platform(host: &str) -> bool {
    TENANT_PLATFORMS
        .iter()
        .any(|p| host.strip_suffix(p).is_some_and(|rest| rest.ends_with('.')))
}

/// Which service list a domain is on: dynamic DNS, free hosting, shortener.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Service {
    DynamicDns,
    FreeHosting,
    Shortener,
}

/// Every listed service domain, hashed once.
static SERVICES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Service>> =
    std::sync::LazyLock::new(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (list, kind) in [
            (SHORTENERS, Service::Shortener),
            (FREE_HOSTING, Service::FreeHosting),
            (DYNAMIC_DNS, Service::DynamicDns),
        ] {
            for d in list {
                m.insert(*d, kind);
            }
        }
        m
    });

/// A filter of [`SERVICES`]' domains: most of a host's parent domains are on no list, and the
/// filter's few multiplications rule them out before a hash and a probe of the map.
static SERVICE_FILTER: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let keys: Vec<&str> = SERVICES.keys().copied().collect();
    crate::hashtab::filter_layout(&keys, 16)
});

/// For each service list (dynamic DNS, free hosting, shortener, in that order), the host or its
/// nearest parent domain on it: one walk up the host for the three lists.
fn service_domains(host: &str) -> [Option<&'static str>; 3] {
    let filter: &[u64] = &SERVICE_FILTER;
    let mut found = [None; 3];
    let mut h = host;
    // Every listed domain has a dot (a test below checks): a last label alone (`com`) is on no
    // list, and is not looked up.
    while let Some(dot) = h.bytes().position(|b| b == b'.') {
        let listed = crate::hashtab::filter_has(filter, h.as_bytes())
            .then(|| SERVICES.get_key_value(h))
            .flatten();
        if let Some((k, v)) = listed {
            let slot = match v {
                Service::DynamicDns => 0,
                Service::FreeHosting => 1,
                Service::Shortener => 2,
            };
            if let Some(f) = found.get_mut(slot) {
                f.get_or_insert(*k);
            }
        }
        h = h.get(dot + 1..).unwrap_or("");
    }
    found
}

/// `hay.find(needle)` for a non-empty needle (None for an empty one): a scan for the needle's
/// first byte, then a comparison. For the short hosts and paths searched here it costs less than
/// setting up `str::find`'s two-way searcher, which a check did several times.
#[inline(never)] // one copy: it was inlined at every call (code for a cold .wasm to compile)
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let (&first, rest) = n.split_first()?;
    // Most hays lack even the first byte (`xn--` in a host): `contains` (memchr, a word at a
    // time on all but short slices) tells so for less than the byte loop below.
    if !h.contains(&first) {
        return None;
    }
    let mut from = 0;
    while let Some(off) = h.get(from..)?.iter().position(|&b| b == first) {
        let at = from + off;
        // (Compared byte by byte, in line: the needles are short, and most candidates differ
        // at their second or third byte; `starts_with` called memcmp for each.)
        let after = h.get(at + 1..)?;
        if after.len() >= rest.len() && after.iter().zip(rest).all(|(x, y)| x == y) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `s.split(sep)` for an ASCII separator: the pieces between its bytes, empty ones included.
/// A byte scan per piece; `str::split` with a char sets up a memchr search per piece, which
/// costs more than the short labels and path segments it is used on here.
pub(crate) fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> + Clone {
    debug_assert!(sep.is_ascii());
    split_where(s, move |b| b == sep)
}

/// `s.split(|c| ...)` for separators that are ASCII bytes (`is_sep` must hold for no byte
/// of 0x80 and up, so every cut falls between characters), like [`split_byte`].
fn split_where(s: &str, is_sep: impl Fn(u8) -> bool + Clone) -> impl Iterator<Item = &str> + Clone {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(&is_sep) {
            Some(i) => {
                rest = r.get(i + 1..);
                r.get(..i)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The runs of ASCII letters and digits in `s`: the non-empty pieces of
/// `s.split(|c: char| !c.is_ascii_alphanumeric())`, found by a byte scan. A run is bounded by
/// ASCII bytes or the ends of `s`, so it always starts and ends between characters.
fn alnum_runs(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(at..)?;
        let start = at + rest.iter().position(u8::is_ascii_alphanumeric)?;
        let run = bytes.get(start..)?;
        let len = run
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(run.len());
        at = start + len;
        s.get(start..at)
    })
}

/// The separators of a label's parts: `-` and `_` (`split(['-', '_'])`).
fn is_hyphen(b: u8) -> bool {
    b == b'-' || b == b'_'
}

/// `.` and `-` (`split(['.', '-'])`).
fn is_dot_or_hyphen(b: u8) -> bool {
    b == b'.' || b == b'-'
}

/// `s.rsplit(sep).next()` for an ASCII separator: what follows its last occurrence (all of `s`
/// when there is none).
pub(crate) fn last_piece(s: &str, sep: u8) -> &str {
    match s.bytes().rposition(|b| b == sep) {
        Some(i) => s.get(i + 1..).unwrap_or(""),
        None => s,
    }
}

/// `list.contains(&s)` for the short word lists of this file: the length and the first byte are
/// compared before the rest, so most entries cost no call to memcmp (`contains` called it for
/// every entry of the same length, and TLDs are mostly three letters).
pub(crate) fn listed(list: &[&str], s: &str) -> bool {
    let Some(&first) = s.as_bytes().first() else {
        return list.contains(&"");
    };
    list.iter()
        .any(|w| w.len() == s.len() && w.as_bytes().first() == Some(&first) && *w == s)
}

/// `s.rsplit_once(sep)` for an ASCII separator, by a byte scan: `str::rsplit_once` with a char
/// sets up a memrchr search, which cost more than the short strings it is used on here.
fn rsplit_once_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.bytes().rposition(|b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Tokens of a label: split at hyphens and at letter/digit boundaries.
fn tokens(label: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for_each_token(label, |t| out.push(t));
    out
}

/// Calls `f` on each of [`tokens`], in order, without collecting them.
fn for_each_token<'a>(label: &'a str, mut f: impl FnMut(&'a str)) {
    for part in split_where(label, is_hyphen) {
        let mut start = 0;
        let bytes = part.as_bytes();
        for i in 1..bytes.len() {
            let (a, b) = (
                bytes.get(i - 1).copied().unwrap_or(0),
                bytes.get(i).copied().unwrap_or(0),
            );
            if a.is_ascii_digit() != b.is_ascii_digit() {
                if let Some(t) = part.get(start..i) {
                    f(t);
                }
                start = i;
            }
        }
        if let Some(t) = part.get(start..) {
            if !t.is_empty() {
                f(t);
            }
        }
    }
}

/// The name a hosting platform makes up for a page deployed without one: a word or two and a
/// short code with a digit (`tiny-snow-d739`, `rug-2eas-3r45`, `hello-world-odd-dream-7f99`,
/// `myapp-1a2b3`), or a word and two random four-letter codes (`table-bqdn-lscx`,
/// `tomato-jbve-nhos`: Cloudflare's current default; the codes read as no language, unlike a
/// person's `blog-test-page`). People rarely keep these names for a page they want others to
/// find.
pub fn is_generated_name(label: &str) -> bool {
    let toks: Vec<&str> = split_byte(label, b'-').collect();
    if let [first, a, b] = toks.as_slice() {
        let four = |t: &str| t.len() == 4 && t.bytes().all(|c| c.is_ascii_lowercase());
        if first.len() >= 2
            && first.bytes().all(|c| c.is_ascii_lowercase())
            && four(a)
            && four(b)
            && surprisal(a) + surprisal(b) >= 2.0 * SURPRISAL_GENERATED_CODES
        {
            return true;
        }
    }
    let code = |t: &&str| {
        (4..=5).contains(&t.len())
            && t.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && t.bytes().any(|b| b.is_ascii_digit())
    };
    let word = |t: &&str| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_lowercase());
    match toks.as_slice() {
        [first, .., last] if word(first) => {
            code(last)
                || (toks.len() >= 3
                    && toks.get(toks.len() - 2).is_some_and(code)
                    && last.len() == 4
                    && last.bytes().all(|b| b.is_ascii_alphanumeric()))
        }
        _ => false,
    }
}

/// Mean surprisal (see [`surprisal`]) from which two four-letter codes count as random:
/// `bqdn-lscx` 8.8, `jbve-nhos` 5.5; words `blog-test` 3.9, `data-sync` 4.3.
const SURPRISAL_GENERATED_CODES: f32 = 5.0;

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Does a label look machine-generated? (`ewslpvz`, `sy4n5j`, `bd8d052c415a0c9f…`)
/// Judged per hyphen token, so `smbc-card` is two ordinary words.
pub fn looks_random(label: &str) -> bool {
    if label.starts_with("xn--") {
        return false;
    }
    split_byte(label, b'-').any(token_looks_random)
}

/// Six or more letters of which at most one in ten is a vowel (a, e, i, o, u; `y` is not
/// counted): `ykjsptgs`, `bcycpcb`. Romaji, pinyin and most languages' words have far more.
fn vowel_poor(label: &str) -> bool {
    let letters = label.bytes().filter(|b| b.is_ascii_lowercase()).count();
    let vowels = label
        .bytes()
        .filter(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
        .count();
    letters >= 6 && vowels * 10 <= letters
}

/// A [`looks_random`] label that leaves no doubt: a random letter run of 12 or more
/// (`xaaxpsrrwpqpjqdiuddhtgj`) or almost no vowels (`ntjpzt`). CDN and cloud host names
/// (`d3c33hcgiwev3`, hex ids) mix digits in and keep short letter runs.
fn strongly_random(label: &str) -> bool {
    looks_random(label)
        && (vowel_poor(label)
            || label
                .split(|c: char| !c.is_ascii_lowercase())
                .any(|run| run.len() >= 12 && token_looks_random(run)))
}

/// Five letters and no vowel (`wgsxc`, `zwmdv`): too short for [`looks_random`] to judge, but
/// no word either.
fn short_mash(label: &str) -> bool {
    label.len() == 5
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
}

/// A looser [`looks_random`] for names already on throwaway-prone TLDs: a letter run of four or
/// more that reads like no language (`evinqth`, `gigudhcks`).
fn weakly_random(label: &str) -> bool {
    label
        .split(|c: char| !c.is_ascii_lowercase())
        .any(|run| run.len() >= 4 && surprisal(run) >= SURPRISAL_WEAK)
}

/// Surprisal from which [`weakly_random`] fires: ordinary names score about 4, the names of
/// popular sites on these TLDs mostly below 5.5 (`xvxxx` 5.4, `xvideos` 5.0; `kknews` 5.7 is
/// above), throwaway names from 5 up (`thokjuse`, `germqive`, `pibfgihy`).
const SURPRISAL_WEAK: f32 = 5.5;

/// Letter-trigram surprisal table (scripts/train-gibberish.py): English words, romaji, pinyin.
static TRIGRAMS: &[u8; 27 * 27 * 27] = include_bytes!("data/trigrams.bin");

/// Mean surprisal in bits per letter of a lower-case ASCII word under the trigram table.
/// Ordinary names score about 4; keyboard mash 7 and more.
pub fn surprisal(word: &str) -> f32 {
    surprisal_of(word.as_bytes())
}

/// [`surprisal`] of a word's bytes.
fn surprisal_of(word: &[u8]) -> f32 {
    let mut a = 0usize;
    let mut b = 0usize;
    let mut sum = 0u32;
    let mut trigram = |a: usize, b: usize, c: usize| {
        sum += u32::from(TRIGRAMS.get((a * 27 + b) * 27 + c).copied().unwrap_or(255));
    };
    for &c in word {
        let c = if c.is_ascii_lowercase() {
            usize::from(c - b'a' + 1)
        } else {
            0
        };
        trigram(a, b, c);
        a = b;
        b = c;
    }
    // The end of the word (`$`, class 0 as any byte not a letter): a trigram more, written
    // after the loop rather than chained to the bytes (the chained iterator cost more).
    trigram(a, b, 0);
    let n = word.len() as u32 + 1;
    sum as f32 / n as f32 / 8.0
}

/// Surprisal from which a letter run counts as machine-made: about 2% of the letter runs of
/// popular domains score above it.
const SURPRISAL_RANDOM: f32 = 6.4;

fn token_looks_random(tok: &str) -> bool {
    if tok.len() < 5 {
        return false;
    }
    let b = tok.as_bytes();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    // Long hex strings.
    if tok.len() >= 16 && digits >= 3 && b.iter().all(|c| c.is_ascii_hexdigit()) {
        return true;
    }
    // Digits interleaved with letters (several switches): `sy4n5j`, `x9c15d0sj`. (The letters
    // are counted only for a token with two digits: most have none.)
    if digits >= 2 && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2 {
        let switches = b
            .windows(2)
            .filter(|w| matches!(w, [x, y] if x.is_ascii_digit() != y.is_ascii_digit()))
            .count();
        if switches >= 3 {
            return true;
        }
    }
    // Letter runs that no language spells (runs of lower-case ASCII letters, cut at any other
    // byte; only runs of six or more are read).
    b.split(|c| !c.is_ascii_lowercase()).any(|run| {
        if run.len() < 6 {
            return false;
        }
        let long_consonants = {
            let mut r = 0;
            let mut m = 0;
            for &c in run {
                if is_vowel(c) {
                    r = 0
                } else {
                    r += 1;
                    m = m.max(r)
                }
            }
            m >= 6
        };
        long_consonants || surprisal_of(run) >= SURPRISAL_RANDOM
    })
}

/// A page on a brand's own address that anyone can have published: Google Sites, Docs, Drive,
/// Apps Script web apps, Microsoft Forms, SharePoint tenants and OneDrive, Adobe Express pages,
/// Dropbox shares. Phishing pages are made there to borrow the brand's address; the verdict must
/// not call them the brand's (`official_domain`).
#[inline(never)]
pub fn user_content(host: &str, path: &str) -> bool {
    // A company's tenant (`contoso.sharepoint.com`, `contoso-my.sharepoint.com`), not
    // Microsoft's own hosts there.
    if let Some(t) = host.strip_suffix(".sharepoint.com") {
        return !t.contains('.') && t != "www" && t != "login";
    }
    USER_CONTENT.iter().any(|(h, prefixes)| {
        *h == host && (prefixes.is_empty() || prefixes.iter().any(|p| path.starts_with(p)))
    })
}

/// [`user_content`]'s hosts, each with the path prefixes of its published pages (none: all).
const USER_CONTENT: &[(&str, &[&str])] = &[
    ("sites.google.com", &[]),
    ("docs.google.com", &[]),
    ("drive.google.com", &[]),
    ("forms.gle", &[]),
    ("script.google.com", &["/macros/"]),
    ("forms.office.com", &[]),
    ("forms.microsoft.com", &[]),
    ("onedrive.live.com", &[]),
    ("new.express.adobe.com", &[]),
    ("express.adobe.com", &["/page/", "/webpage/"]),
    ("www.dropbox.com", &["/s/", "/scl/", "/sh/"]),
    ("dropbox.com", &["/s/", "/scl/", "/sh/"]),
];

/// A public suffix under which only Japanese government bodies can hold names.
fn government_only(suffix: &str) -> bool {
    suffix == "go.jp" || suffix == "lg.jp" || suffix.ends_with(".lg.jp")
}

/// A Japanese suffix whose names JPRS gives only to an organisation it has checked, one name
/// each (`co.jp` to a company in the commercial register; `or.jp`, `ac.jp`, `ed.jp`, `gr.jp`,
/// `ad.jp`, and the government's). A name there one letter from a brand's is almost always a
/// real company's own (`matsuo.co.jp` for matsui, `sagara.co.jp` for sagawa): the JPCERT reports
/// of 2019–2024 hold no look-alike registered under one of them.
fn verified_org_jp(suffix: &str) -> bool {
    matches!(
        suffix,
        "co.jp" | "or.jp" | "ac.jp" | "ed.jp" | "gr.jp" | "ad.jp"
    ) || government_only(suffix)
}

/// Signals on the host name.
pub fn host_signals(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    if h.user_content {
        out.push(detailed(Code::UserContent, w::USER_CONTENT, h.host));
        return;
    }
    if let Some(o) = h.owner {
        let domain = h.registrable.unwrap_or(h.host);
        out.push(branded(Code::OfficialDomain, 0, brands, o, domain, domain));
        return;
    }
    let before = out.len();
    embedded_brand_domain(h, brands, out);
    fake_jp_suffix(h, brands, out);
    // The larger passes stay functions of their own in the .wasm (see checker::opaque): V8
    // compiles each on its first call, and a first check that does not need one skips it.
    let (lookalike, brand_words, idn): (HostPass, HostPass, HostPass) =
        (lookalike, brand_words, idn);
    if out.len() == before {
        domain_in_subdomain(h, out);
        opaque(lookalike)(h, brands, out);
    }
    // Only Japanese government bodies can hold names under go.jp and lg.jp (JPRS rules): a brand
    // word there is the agency's own subject (`mynumbercard.go.jp`), not an impersonation.
    if !government_only(h.suffix)
        && !out
            .iter()
            .skip(before)
            .any(|r| r.weight >= w::BRAND_DOMAIN_HYPHENATED || r.code == Code::TldSwap)
    {
        opaque(brand_words)(h, brands, out);
    }
    if h.punycode {
        opaque(idn)(h, brands, out);
    }
    host_tricks(h, out);
    let throwaway = out.iter().skip(before).any(|r| {
        matches!(
            r.code,
            Code::RiskyTld | Code::DynamicDns | Code::FreeHosting
        ) || (r.code == Code::RandomLabel && r.weight >= w::RANDOM_REG)
    });
    // One brand counts once: `oricon` is not both a lookalike of and a word of Orico.
    // `strongest` holds, per brand, the index of its heaviest reason (the brand id is read from
    // that reason, not copied).
    let mut strongest: Vec<usize> = Vec::new();
    for (i, r) in out.iter().enumerate().skip(before) {
        if let (Some(b), true) = (&r.brand, r.weight > 0) {
            let same_brand = |j: &&mut usize| {
                out.get(**j)
                    .and_then(|x| x.brand.as_ref())
                    .is_some_and(|x| x.id == b.id)
            };
            match strongest.iter_mut().find(same_brand) {
                Some(j) => {
                    if out.get(*j).is_some_and(|x| x.weight < r.weight) {
                        *j = i;
                    }
                }
                None => strongest.push(i),
            }
        }
    }
    for (i, r) in out.iter_mut().enumerate().skip(before) {
        if r.brand.is_some() && r.weight > 0 && !strongest.contains(&i) {
            r.weight = 0;
        }
    }
    if throwaway {
        if let Some(r) = out
            .iter_mut()
            .skip(before)
            .filter(|r| r.brand.is_some() && r.weight > 0)
            .max_by_key(|r| r.weight)
        {
            if r.weight < w::BRAND_DOMAIN_HYPHENATED {
                r.weight += w::THROWAWAY_BOOST;
            }
        }
        // A machine-made name on throwaway infrastructure: the mass-registered phishing domain.
        let infra = out.iter().skip(before).any(|r| {
            matches!(
                r.code,
                Code::RiskyTld | Code::DynamicDns | Code::FreeHosting
            )
        });
        // A machine-made registered name on a throwaway TLD or dynamic DNS: mass-registered
        // phishing domains; enough to stop the page.
        let registered_infra = out
            .iter()
            .skip(before)
            .any(|r| matches!(r.code, Code::RiskyTld | Code::DynamicDns));
        if infra {
            if let Some(r) = out
                .iter_mut()
                .skip(before)
                .find(|r| r.code == Code::RandomLabel)
            {
                // Short names need stronger evidence: surprisal is noisy on six letters.
                let strong = r.weight >= w::RANDOM_REG
                    && (h.reg_label.len() >= 7 || surprisal(h.reg_label) >= 7.0);
                r.weight += if registered_infra && strong {
                    w::RANDOM_ON_REGISTERED_THROWAWAY
                } else {
                    w::RANDOM_ON_THROWAWAY
                };
            }
        }
    }
}

/// A protected brand's registrable domain written inside another owner's host:
/// `www2.jcom.co.jp.login.vkia.cn` (dotted) or `jcom-co-jp.example.com` (hyphenated).
fn embedded_brand_domain(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    // The token list and the key are kept by the thread between calls (emptied): a check
    // allocates neither.
    let (toks, mut key) = EMBED_SCRATCH.take();
    let mut toks = recycle_pairs(toks);
    if let Some(r) = embedded_in(h, brands, &mut toks, &mut key) {
        out.push(r);
    }
    EMBED_SCRATCH.set((recycle_pairs(toks), key));
}

thread_local! {
    /// [`embedded_brand_domain`]'s token list and window key, kept empty between calls.
    static EMBED_SCRATCH: std::cell::Cell<(Vec<(&'static str, bool)>, String)> =
        const { std::cell::Cell::new((Vec::new(), String::new())) };
}

/// [`recycle`] for a list of (token, flag) pairs.
fn recycle_pairs<'b>(mut v: Vec<(&str, bool)>) -> Vec<(&'b str, bool)> {
    v.clear();
    v.into_iter().map(|_| ("", false)).collect()
}

/// [`embedded_brand_domain`]'s reason, with its token list and key to fill.
fn embedded_in<'a>(
    h: &HostInfo<'a>,
    brands: &BrandIndex,
    toks: &mut Vec<(&'a str, bool)>,
    key: &mut String,
) -> Option<Reason> {
    // Token stream over labels and hyphens, remembering whether each token follows a dot.
    for label in &h.labels {
        for (i, t) in split_byte(label, b'-').enumerate() {
            if !t.is_empty() {
                toks.push((t, i == 0));
            }
        }
    }
    let n = toks.len();
    let reg_tokens = h.registrable.map_or(0, |r| {
        split_where(r, is_dot_or_hyphen)
            .filter(|t| !t.is_empty())
            .count()
    });
    for i in 0..n {
        // The first three bytes of every window from token i (two tokens or more joined by
        // dots), and the window's length as it grows: the table's filter is asked before the
        // key is pieced together (most windows are no dotted domain).
        let head = match (toks.get(i), toks.get(i + 1)) {
            (Some((t, _)), Some((u, _))) => match (t.as_bytes(), u.as_bytes()) {
                ([a, b, c, ..], _) => [*a, *b, *c],
                ([a, b], _) => [*a, *b, b'.'],
                ([a], [c, ..]) => [*a, b'.', *c],
                _ => [0; 3],
            },
            _ => [0; 3],
        };
        let mut key_len = toks.get(i).map_or(0, |(t, _)| t.len());
        for len in 2..=4 {
            let j = i + len;
            if j > n {
                break;
            }
            // Windows inside the host's own registrable domain are not embeddings
            // (`amazon.com.mx` is not `amazon.com` embedded).
            if i + reg_tokens >= n {
                break;
            }
            let Some((t_last, _)) = toks.get(j - 1) else {
                break;
            };
            key_len += 1 + t_last.len();
            let last = t_last.as_bytes().last().copied().unwrap_or(0);
            if !brands.dotted_may_have(key_len, head, last) {
                continue;
            }
            if let Some(r) = window_reason(h, brands, toks.get(i..j).unwrap_or(&[]), key) {
                return Some(r);
            }
        }
    }
    None
}

/// [`embedded_in`]'s reason for a window of tokens its filter let through, if the tokens joined
/// by dots (into `key`) are a brand's dotted domain. Out of line: the window loop stays small.
#[inline(never)]
fn window_reason(
    h: &HostInfo<'_>,
    brands: &BrandIndex,
    window: &[(&str, bool)],
    key: &mut String,
) -> Option<Reason> {
    // Tokens joined by one byte each are no longer than the host they were cut from.
    key.clear();
    key.reserve(h.host.len());
    for (k, (t, _)) in window.iter().enumerate() {
        if k > 0 {
            key.push('.');
        }
        key.push_str(t);
    }
    let (b, d) = brands.dotted(key)?;
    // Dotted when every joint of the window (as written) is a dot.
    let written = h.host.contains(d) && {
        let all_dots = window
            .get(1..)
            .unwrap_or(&[])
            .iter()
            .all(|(_, after_dot)| *after_dot);
        all_dots || d.contains('-')
    };
    let (code, weight) = if written {
        (Code::BrandDomainEmbedded, w::BRAND_DOMAIN_EMBEDDED)
    } else {
        (Code::BrandDomainHyphenated, w::BRAND_DOMAIN_HYPHENATED)
    };
    Some(branded(code, weight, brands, b, d, key))
}

/// `co.jp`, `ne.jp` (or misspelled `co.jq`, `co.ip`, `-co-jp`, `co.jp-admin`) anywhere but at the
/// end of the host. Recovers the domain it claims: `www.jcam.co.jq.zwzfw.com` → J:COM.
fn fake_jp_suffix(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    if out
        .iter()
        .any(|r| r.code == Code::BrandDomainEmbedded || r.code == Code::BrandDomainHyphenated)
    {
        return;
    }
    // The second-level token is never the host's first nor its last, so it stands between two
    // separators (`.co.`, `-ne-`): a host without such a listed one (most) is not walked.
    let between_separators = h.host.as_bytes().windows(4).enumerate().any(|(i, w)| {
        matches!(w, [a, _, _, z] if is_dot_or_hyphen(*a) && is_dot_or_hyphen(*z))
            && h.host.get(i + 1..i + 3).is_some_and(|t| listed(JP_SLD, t))
    });
    if !between_separators {
        glued_jp_suffix(h, brands, out);
        return;
    }
    // The tokens three at a time (toks[i - 1], toks[i], toks[i + 1]) from the iterator: no
    // list of them is made, as this runs on every host.
    let mut toks = split_where(h.host, is_dot_or_hyphen);
    // Pieces counted as separators + 1 (empty pieces included, as the split yields them).
    let pieces = |s: &str| s.bytes().filter(|b| is_dot_or_hyphen(*b)).count() + 1;
    let real_suffix_tokens = pieces(h.suffix);
    let limit = pieces(h.host).saturating_sub(real_suffix_tokens);
    let (mut before, mut at) = (toks.next(), toks.next());
    for _ in 1..limit {
        let after = toks.next();
        let (prev, sld, tld) = (before, at, after);
        (before, at) = (at, after);
        let (Some(sld), Some(tld)) = (sld.as_ref(), tld.as_ref()) else {
            continue;
        };
        // (The second-level label first: it rules out most tokens.)
        if !listed(JP_SLD, sld) {
            continue;
        }
        let jp_like =
            listed(JP_LIKE, tld) || (tld.starts_with('j') && tld.len() <= 4 && tld.contains('p'));
        if !jp_like {
            continue;
        }
        // `co.j` alone is too weak; `j` only counts after `co`.
        if *tld == "j" && *sld != "co" {
            continue;
        }
        let claimed = prev.unwrap_or("");
        // `{claimed}.{sld}.jp` with hyphens written as dots (the dotted table's key), pieced
        // together: `format!` and `replace` cost several times more.
        let mut key = String::with_capacity(claimed.len() + sld.len() + 4);
        for (i, piece) in split_byte(claimed, b'-').enumerate() {
            if i > 0 {
                key.push('.');
            }
            key.push_str(piece);
        }
        key.push('.');
        key.push_str(sld);
        key.push_str(".jp");
        let brand = brands
            .dotted(&key)
            .map(|(b, d)| (b, d.to_string()))
            .or_else(|| closest(claimed, brands).map(|(t, _)| (t.brand, t.domain.to_string())));
        let detail = [claimed, ".", sld, ".", tld].concat();
        match brand {
            Some((b, d)) => out.push(branded(
                Code::FakeJpSuffix,
                w::FAKE_JP_SUFFIX_BRAND,
                brands,
                b,
                &d,
                &detail,
            )),
            None => out.push(detailed(Code::FakeJpSuffix, w::FAKE_JP_SUFFIX, &detail)),
        }
        return;
    }
    glued_jp_suffix(h, brands, out);
}

/// The name before a glued `cojp`, `comjp`, `orjp` or `nejp` (not after `o`) in `part`, when
/// at least two letters long. One pass over the bytes: this runs on every label.
fn before_glued_jp(part: &str) -> Option<&str> {
    let b = part.as_bytes();
    // (No `j`, no `jp`: most parts, told by memchr before the walk below.)
    if !b.contains(&b'j') {
        return None;
    }
    (4..=b.len()).find_map(|end| {
        let (Some(b"jp"), Some(head)) = (b.get(end - 2..end), b.get(..end - 2)) else {
            return None;
        };
        let at = [&b"com"[..], b"co", b"or", b"ne"]
            .iter()
            .find(|g| head.ends_with(g))
            .map(|g| head.len() - g.len())?;
        let before = part.get(..at)?;
        let ok = before.len() >= 2 && !(head.ends_with(b"ne") && before.ends_with('o'));
        ok.then_some(before)
    })
}

/// What follows `www` in the host names of a site's own test and staging copies.
const WWW_COPIES: &[&str] = &[
    "dev", "test", "stag", "qa", "beta", "prev", "uat", "prod", "new", "old", "origin", "ssl",
    "cdn",
];

/// `co.jp` written without its dots, glued to a name (`paylpalcojp.com`, `ekicomjp.example.com`,
/// `rakutancojpaccount.example.net`): no word of any language holds `cojp`, `comjp` or `orjp`, nor
/// `nejp` after a letter other than `o` (`phonejp` would be `phone jp`). Weaker than the dotted
/// form unless the name before it recovers a brand.
fn glued_jp_suffix(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    // No `j` left of the suffix, no glued `jp`: most hosts, told by one memchr.
    let names = h.host.len().saturating_sub(h.suffix.len());
    if !h
        .host
        .as_bytes()
        .get(..names)
        .is_some_and(|b| b.contains(&b'j'))
    {
        return;
    }
    let own = split_byte(h.suffix, b'.').count();
    let n = h.labels.len().saturating_sub(own);
    for label in h.labels.iter().take(n) {
        for part in split_byte(label, b'-') {
            let Some(claimed) = before_glued_jp(part) else {
                continue;
            };
            // A short name is near too many brands to name one unless it is exact (`ama` is one
            // letter from several).
            let near = (claimed.len() >= 4)
                .then(|| closest(claimed, brands))
                .flatten()
                .filter(|(_, d)| *d == 0 || claimed.len() >= 5);
            match near {
                Some((t, _)) => out.push(branded(
                    Code::FakeJpSuffix,
                    w::FAKE_JP_SUFFIX,
                    brands,
                    t.brand,
                    t.domain,
                    part,
                )),
                None => out.push(detailed(Code::FakeJpSuffix, w::GLUED_JP_SUFFIX, part)),
            }
            return;
        }
    }
}

/// Top-level-domain endings that dress a subdomain up as another site's address.
const DRESSING_TLDS: &[&str] = &[
    "com", "net", "org", "jp", "co", "con", "cojp", "info", "biz",
];

/// Ordinary service words of a site's own structure. Before a region label (`shop.jp.example.com`,
/// `support.jp.example.com`) they name a section of the site, not another address. Not `www2`:
/// `www2.jp.<scramble>.com` is a phishing kit's pattern and no site of the benign sets uses it.
const SERVICE_WORDS: &[&str] = &[
    "shop", "store", "support", "help", "news", "blog", "m", "app", "api", "static", "cdn", "docs",
];

/// Labels of [`DRESSING_TLDS`] that are also a site's region or language label.
const REGION_LABELS: &[&str] = &["jp"];

/// A subdomain that ends like a domain of its own (`secure.appstore.com.example.net`,
/// `sainsecard.jp.example.com`): the host is dressed as an address it is not. The first label is
/// left alone (`jp.example.com` is a language site), and so is a region label after a service
/// word (`shop.jp.example.com`).
fn domain_in_subdomain(h: &HostInfo<'_>, out: &mut Vec<Reason>) {
    // `www` glued to a name (`wwwinfo.example.com`, `wwww.example.com`, `www-info-view.`): a
    // site's host name dressed as the start of an address. `www1`, `www2` are servers of the
    // site's own, and so are its copies (`wwwdev`, `www-test`, `www-origin`).
    if let Some(l) = split_byte(h.subdomain, b'.').find(|l| {
        l.strip_prefix("www")
            .map(|rest| rest.strip_prefix('-').unwrap_or(rest))
            .is_some_and(|rest| {
                rest.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && !WWW_COPIES.iter().any(|c| rest.starts_with(c))
            })
    }) {
        out.push(detailed(Code::DomainInSubdomain, w::DOMAIN_IN_SUBDOMAIN, l));
        return;
    }
    let labels = split_byte(h.subdomain, b'.');
    for (name, tld) in labels.clone().zip(labels.skip(1)) {
        if listed(REGION_LABELS, tld) && listed(SERVICE_WORDS, name) {
            continue;
        }
        if listed(DRESSING_TLDS, tld) && name.len() >= 2 && name != "www" {
            out.push(detailed(
                Code::DomainInSubdomain,
                w::DOMAIN_IN_SUBDOMAIN,
                &[name, ".", tld].concat(),
            ));
            return;
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/common_words.rs"));

/// An everyday word that merely reads like a brand's name (`nissan` / `nissay`, `finance` /
/// `binance`, `kagawa` / `sagawa`; scripts/common-words.py): no lookalike as written. Some
/// (`matsuri` / `matsui`, `rakuen` / `rakuten`: a letter more or less inside) only as a whole
/// registered name (`name`); as a subdomain or a token they are how kits spell the brand.
fn common_word(s: &str, name: bool) -> bool {
    common_word_kind(s).is_some_and(|k| k == 0 || (k == 1 && name))
}

/// Where [`COMMON_WORDS`] excuses a word: 0 anywhere, 1 only as a whole registered name, 2
/// (`monitoring`, `pineapple`) not from lookalikes but from the brand word it holds by chance.
fn common_word_kind(s: &str) -> Option<u8> {
    if !crate::hashtab::filter_has(&COMMON_FILTER, s.as_bytes()) {
        return None;
    }
    // Only the words of the first letter (every word is lower-case ASCII letters: no other
    // first byte starts one).
    let c = usize::from(s.as_bytes().first()?.wrapping_sub(b'a'));
    let (mut lo, mut hi) = match (COMMON_BY_FIRST.get(c), COMMON_BY_FIRST.get(c + 1)) {
        (Some(&a), Some(&b)) => (usize::from(a), usize::from(b)),
        _ => return None,
    };
    while lo < hi {
        let mid = (lo + hi) / 2;
        let (w, k) = common_word_at(mid)?;
        match w.cmp(s) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(k),
        }
    }
    None
}

/// The `i`th word of [`COMMON_WORDS`] and its place digit.
fn common_word_at(i: usize) -> Option<(&'static str, u8)> {
    let start = usize::from(*COMMON_WORD_AT.get(i)?);
    let end = usize::from(*COMMON_WORD_AT.get(i + 1)?);
    let w = COMMON_WORDS.get(start..end.checked_sub(1)?)?;
    let k = COMMON_WORDS.as_bytes().get(end - 1)?.checked_sub(b'0')?;
    Some((w, k))
}

/// The closest lookalike target and its distance.
fn closest<'a>(s: &str, brands: &'a BrandIndex) -> Option<(crate::brands::Target<'a>, usize)> {
    closest_in(s, "", brands)
}

/// Like [`closest`]; among targets at the same distance, one under `suffix` wins.
fn closest_in<'a>(
    s: &str,
    suffix: &str,
    brands: &'a BrandIndex,
) -> Option<(crate::brands::Target<'a>, usize)> {
    READ.with_borrow_mut(|read| closest_read(s, suffix, brands, read))
}

thread_local! {
    /// The string [`closest_in`] is reading, as [`unconfuse`] reads it: one buffer for every
    /// call on the thread, so a check allocates none for its lookalike searches.
    static READ: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// [`closest_in`], with `scratch` to hold the reading (cleared first).
fn closest_read<'a>(
    s: &str,
    suffix: &str,
    brands: &'a BrandIndex,
    scratch: &mut String,
) -> Option<(crate::brands::Target<'a>, usize)> {
    crate::brand_data::unconfuse_into(s, scratch);
    let s: &str = scratch;
    if s.len() < 3 {
        return None;
    }
    let ts = brands.exact(s);
    if !ts.is_empty() {
        let mut it = ts.iter().filter_map(|i| brands.target(*i));
        let first = it.clone().next()?;
        return Some((it.find(|t| t.suffix == suffix).unwrap_or(first), 0));
    }
    let (min_len, max_len) = brands.target_len;
    if s.len() > max_len + 2 || s.len() + 2 < min_len {
        return None;
    }
    // The nearest target within max_edits of the shorter string; ties go to one under `suffix`,
    // then to the first listed. Candidates come from the deletion index or a length scan
    // (both return every target within reach; see brands.rs).
    let mut best: Option<(usize, bool, u32)> = None;
    // Counted on the first candidate: most searches find none.
    let mut counts: Option<[i16; 32]> = None;
    // Edits allowed by the length of what differs when both end in the same hyphen token and
    // the rest is five letters or more (`mashi-net` / `asahi-net`): the shared `-net` says
    // nothing of the likeness of the rest. (A short head such as `snbe` of `snbe-card` keeps
    // the whole name's allowance: squats of four-letter brands are made so.)
    let tail = s
        .bytes()
        .rposition(|b| b == b'-')
        .filter(|i| *i >= 5)
        .and_then(|i| s.get(i..));
    // Targets that share one text: one distance.
    let mut consider = |group: &[u32]| {
        let Some(&first) = group.first() else { return };
        let text = brands.target_text(first);
        let shared = tail.filter(|t| text.ends_with(t)).map_or(0, str::len);
        let allowed = max_edits(text.len().min(s.len()).saturating_sub(shared));
        if text.len().abs_diff(s.len()) > allowed {
            return;
        }
        // An edit changes the counts by at most two (a transposition not at all; an insertion or
        // a deletion, which the length difference needs that many of, by one), so counts further
        // apart than 2 * allowed - |length difference| prove the distance above it: a cheap
        // bound that spares most distance computations.
        let mut diff = *counts.get_or_insert_with(|| byte_counts(s));
        for b in text.bytes().filter(u8::is_ascii) {
            if let Some(d) = diff.get_mut(usize::from(b.wrapping_sub(b'a'))) {
                *d -= 1;
            }
        }
        let bound = 2 * allowed - text.len().abs_diff(s.len());
        if diff.iter().map(|d| d.unsigned_abs()).sum::<u16>() > bound as u16 {
            return;
        }
        let d = crate::brands::osa_capped(s, text, allowed);
        if d > allowed {
            return;
        }
        for &ti in group {
            let key = (d, brands.target_suffix(ti) != suffix, ti);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
    };
    if brands.uses_deletions() {
        let k = max_edits(s.len());
        let mut seen: Vec<u32> = Vec::new();
        deletion_hashes(s.as_bytes(), k, |h| seen.extend(brands.by_deletion(h)));
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter().for_each(|ti| consider(&[ti]));
    } else {
        brands.scan_candidates(s.as_bytes(), &mut consider);
    }
    let (d, _, ti) = best?;
    Some((brands.target(ti)?, d))
}

/// How many of each ASCII byte from `a` up a string has (letters, then `{|}~` and DEL; other
/// bytes, non-ASCII ones included, are not counted), for [`closest_in`]'s bound on the edit
/// distance. Leaving bytes out only loosens the bound.
fn byte_counts(s: &str) -> [i16; 32] {
    let mut c = [0i16; 32];
    for b in s.bytes().filter(u8::is_ascii) {
        if let Some(x) = c.get_mut(usize::from(b.wrapping_sub(b'a'))) {
            *x += 1;
        }
    }
    c
}

/// A label that reads as a brand word only after [`unconfuse`] (`rnercari`, `amaz0n`): neither a
/// brand word nor an official domain's label as written.
fn disguised(label: &str, brands: &BrandIndex) -> bool {
    let read = &unconfuse(label);
    let ts = brands.exact(read);
    brands.word(label).is_none()
        && !ts.is_empty()
        && ts.iter().filter_map(|i| brands.target(*i)).all(|t| {
            t.domain
                .strip_prefix(label)
                .is_none_or(|rest| !rest.starts_with('.'))
        })
}

/// Undo ASCII lookalike tricks: digits for letters, `rn` for `m`, `vv` for `w`. (In
/// brand_data.rs, which build.rs shares to index the brand table in the same form.)
pub fn unconfuse(s: &str) -> String {
    crate::brand_data::unconfuse(s)
}

/// Surprisal (bits per letter, see [`surprisal`]) from which a brand's shuffled letters count.
const SURPRISAL_SCRAMBLED: f32 = 4.0;

/// Surprisal from which a shuffle with one of the brand's letters swapped for another counts:
/// stricter, as more words come that close (`memoirs` to `mistore`, 4.6; `mceoreaei` 5.3).
const SURPRISAL_SCRAMBLED_SWAP: f32 = 5.0;

/// A brand name with its letters shuffled and padded, as mass-registered phishing domains write
/// them (`mcerncarei`, `mecroaeri`, `aocmzaon` for mercari / amazon): same first letter, every
/// letter of the brand present, at most three extra. For brands of seven letters or more, one
/// letter may be swapped for another (`mceoreaei`: one `r` of mercari's two) when the label is
/// at least the brand's length and reads as no language at all ([`SURPRISAL_SCRAMBLED_SWAP`];
/// six-letter brands stay exact: `aminoapps` is amazon's letters but one). Compared as written: the target's text is
/// stored as [`unconfuse`] reads it (`mercari` is `mercarl`), so its letters come from the
/// official domain's own label.
fn scrambled<'a>(s: &str, brands: &'a BrandIndex) -> Option<crate::brands::Target<'a>> {
    if s.len() < 5 || s.len() > 16 || !s.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // Only the targets with the label's first letter (they are grouped by it); none, no shuffle
    // (looked up first: it is cheaper than the surprisal).
    let first = s.as_bytes().first().copied().unwrap_or(0);
    let all = brands.scramble_targets();
    let from = all.partition_point(|t| t.first < first);
    let to = from
        + all
            .get(from..)
            .unwrap_or(&[])
            .partition_point(|t| t.first == first);
    let targets = all.get(from..to).unwrap_or(&[]);
    if targets.is_empty() {
        return None;
    }
    // Real words can hold a brand's letters (`olivegarden` holds onedrive's, `medicare` micard's);
    // the shuffles read as no language (`mecroaeri` 4.7 bits per letter, `olivegarden` 3.9).
    let sur = surprisal(s);
    if sur < SURPRISAL_SCRAMBLED {
        return None;
    }
    let have = crate::brand_data::letter_counts(s);
    // How many of the brand's letters the label lacks, for targets within reach.
    let missing = |t: &crate::brands::ScrambleTarget| -> Option<usize> {
        let tl = t.len;
        if t.first != first
            || s.len() > tl + 4
            || s.len() + 1 < tl
            || s.len().saturating_sub(tl) > 3.min(tl / 2)
        {
            return None;
        }
        let missing: usize = t
            .letters
            .iter()
            .zip(have.iter())
            .map(|(n, h)| usize::from(n.saturating_sub(*h)))
            .sum();
        // The label itself (`office` of office.com) is not a shuffle.
        let own = || {
            brands
                .target(t.target)
                .is_some_and(|x| x.domain.get(..tl) == Some(s))
        };
        (missing <= 1 && !own()).then_some(missing)
    };
    targets
        .iter()
        // (The first-letter test of `missing`, ahead of the call: most targets fail it.)
        .find(|t| t.first == first && missing(t) == Some(0))
        .or_else(|| {
            // One letter of a longer brand swapped for another (`mceoreaei`, `amaozon`): only
            // labels at least the brand's length that read as no language at all.
            (sur >= SURPRISAL_SCRAMBLED_SWAP)
                .then(|| {
                    targets.iter().find(|t| {
                        t.first == first && t.len >= 7 && s.len() >= t.len && missing(t) == Some(1)
                    })
                })
                .flatten()
        })
        .and_then(|t| brands.target(t.target))
}

/// `s` is `target` with one of its letters written twice in a row (`jpppost` / `jppost`).
fn doubled_letter_of(s: &str, target: &str) -> bool {
    let (a, b) = (s.as_bytes(), target.as_bytes());
    a.len() == b.len() + 1
        && (1..a.len()).any(|i| {
            a.get(i) == a.get(i - 1) && a.get(..i) == b.get(..i) && a.get(i + 1..) == b.get(i..)
        })
}

/// Same letters in another order (`jocm` / `jcom`).
fn same_letters(a: &str, b: &str) -> bool {
    let mut x: Vec<u8> = a.bytes().collect();
    let mut y: Vec<u8> = b.bytes().collect();
    x.sort_unstable();
    y.sort_unstable();
    x == y
}

/// The registrable label is a few keystrokes from a protected domain's label (`amazom.co.jp`), or
/// the brand's exact label under another suffix (`jcom.net`).
fn lookalike(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    // Under a private (platform) suffix the label is the user's name at the platform
    // (`amazom.github.io`): it is checked here like a registered name, except that the brand's
    // exact label there is no TLD swap and is left to brand_words (`amazon.github.io`).
    if h.reg_label.is_empty() && h.kind != SuffixKind::Private {
        return;
    }
    let label = h.reg_label;
    // Exact brand label under another suffix: a TLD swap.
    {
        if let Some(t) = brands
            .exact(label)
            .iter()
            .filter_map(|i| brands.target(*i))
            .find(|t| !t.suffix.is_empty())
        {
            // Under go.jp / lg.jp another agency's name is another agency (`pref.tokyo.lg.jp`).
            if h.kind != SuffixKind::Private && !government_only(h.suffix) {
                out.push(branded(
                    Code::TldSwap,
                    w::TLD_SWAP,
                    brands,
                    t.brand,
                    t.domain,
                    h.registrable.unwrap_or(h.host),
                ));
            }
            return;
        }
    }
    // Labels of the subdomain glued to the registrable label (`ama.zon.co.jp`); not the `www`
    // of an ordinary host (`www.transfer.com` is no `wetransfer`).
    let glued = match last_piece(h.subdomain, b'.') {
        "" | "www" => Cow::Borrowed(label),
        s => Cow::Owned([s, label].concat()),
    };
    // The label, then each other reading not met before (in an array: no allocation).
    let unhyphened = without_hyphens(label);
    let glued_new = glued != *label && glued != unhyphened;
    let unhyphened_new = unhyphened != *label;
    let cands = [
        Some(Cow::Borrowed(label)),
        unhyphened_new.then_some(unhyphened),
        glued_new.then_some(glued),
    ];
    for cand in cands.into_iter().flatten() {
        if cand.len() < 4 || common_word(&cand, true) {
            continue;
        }
        if let Some((t, dist)) = closest_in(&cand, h.suffix, brands) {
            let (b, d) = (t.brand, t.domain);
            // The brand's own word as label: brand_words decides. The same after undoing digit
            // and letter-pair tricks (`rnercari` for mercari) is a disguise: it counts here.
            if dist == 0 && cand == label && !disguised(label, brands) {
                continue;
            }
            // Short names are one edit away from many ordinary words (`mail` / `gmail`, `avon` /
            // `aeon`): for them only digit/letter swaps (`0`→`o`), transpositions, and a
            // character added at either end under the brand's own suffix count.
            let u = &unconfuse(&cand);
            if dist > 0 && family_name(&cand, u, t.text, brands) {
                continue;
            }
            let edge_addition = t.suffix == h.suffix
                && u.len() == t.text.len() + 1
                && (u.starts_with(t.text) || u.ends_with(t.text));
            if (cand.len() <= 4 || t.text.len() <= 5)
                && dist > 0
                && !same_letters(u, t.text)
                && !edge_addition
            {
                continue;
            }
            let t_suffix = d.split_once('.').map(|(_, s)| s).unwrap_or("");
            // Same suffix as the imitated domain (`amazom.com`, `rakuten-cerd.jp`): the classic
            // typosquat. Under another suffix an edit-distance match is often just another word
            // (`kotobank.jp`), so it only adds weight to other evidence.
            let short_target = t.text.len() <= 5;
            let weight = if t_suffix == h.suffix {
                // Under a checked organisation's suffix only a disguise of the brand's letters
                // (`arnazon.co.jp`, `amaz0n.co.jp`) is a block: a typo-like name is marked, as
                // the company it most likely is.
                if cand.len() <= 5
                    || short_target
                    || (verified_org_jp(h.suffix) && u.as_str() != t.text)
                {
                    w::LOOKALIKE
                } else {
                    w::LOOKALIKE_SAME_SUFFIX
                }
            } else if dist == 0 || (t.text.len() >= 5 && doubled_letter_of(u, t.text)) {
                // A letter of the brand written twice (`jpppost.com`, `rakutten.net`): a
                // typosquat's repetition, which ordinary words rarely are.
                w::LOOKALIKE
            } else {
                w::LOOKALIKE_OTHER_SUFFIX
            };
            out.push(branded(
                Code::LookalikeDomain,
                weight,
                brands,
                b,
                d,
                h.registrable.unwrap_or(h.host),
            ));
            return;
        }
    }
}

/// Whether `cand` (`u` as [`unconfuse`] reads it) is the brand's word, a hyphen, and another word
/// than the target's (`mizuho-rt` against `mizuho-fg`): another name of the brand's family, which
/// brand_words reads, not a misspelling of the target. The words after the hyphen must be more
/// edits apart than a word of their length allows (`mizuho-fq` stays a lookalike), and the first
/// word a brand word as written (the generic `credit-` of `credit-saison` is no family name).
fn family_name(cand: &str, u: &str, target: &str, brands: &BrandIndex) -> bool {
    let (Some((head, _)), Some((uh, ut)), Some((th, tt))) = (
        cand.split_once('-'),
        u.split_once('-'),
        target.split_once('-'),
    ) else {
        return false;
    };
    let allowed = crate::brands::max_edits(ut.len().min(tt.len()));
    head.len() >= 5
        && uh == th
        && crate::brands::osa_capped(ut, tt, allowed) > allowed
        && brands.word(head).is_some()
}

/// `v` emptied and typed for borrows of another lifetime, its allocation kept (collecting a
/// list's own iterator into one of the same layout reuses its buffer).
pub(crate) fn recycle<'b>(mut v: Vec<&str>) -> Vec<&'b str> {
    v.clear();
    v.into_iter().map(|_| "").collect()
}

thread_local! {
    /// [`brand_words`]'s token list, candidate list and joined tokens, kept empty between calls
    /// so that a check allocates none of them (they were made for every label).
    static WORD_SCRATCH: std::cell::Cell<(Vec<&'static str>, Vec<&'static str>, String)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new(), String::new())) };
}

/// A brand's name as a label or hyphen token of someone else's host (`amazon-verify.com`,
/// `au-pay-auoneo.jwcnfl.cn`). Short names need an exact token and a context word.
fn brand_words(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    let reg_labels = h.registrable.map_or(0, |r| split_byte(r, b'.').count());
    let suffix_labels = split_byte(h.suffix, b'.').count();
    let n = h.labels.len();
    let reg_label_at = n.saturating_sub(reg_labels);
    // A brand's own hosting platform holds its word (`amazonaws.com`, `googleusercontent.com`).
    // Both looked up only once a word is found (most hosts hold none).
    let mut host_brand: Option<Option<usize>> = None;
    let mut tenant: Option<bool> = None;
    // The heaviest reason so far (the first of equal weights stays), as what branded() needs:
    // one Reason is built, at the end.
    let mut best: Option<(i32, Code, usize, &str, String)> = None;
    let beats = |best: &Option<(i32, Code, usize, &str, String)>, weight: i32| {
        best.as_ref().is_none_or(|x| x.0 < weight)
    };
    // One token list, one candidate list and one string of joined tokens for every label,
    // refilled (kept by the thread between calls).
    let (toks, mut cands_kept, mut joins) = WORD_SCRATCH.take();
    let mut toks: Vec<&str> = recycle(toks);
    for (li, label) in h.labels.iter().enumerate() {
        if li >= n.saturating_sub(suffix_labels) {
            break; // the public suffix itself
        }
        let in_reg = li >= reg_label_at;
        toks.clear();
        for_each_token(label, |t| toks.push(t));
        let has_context = toks.len() > 1 || h.labels.len() > reg_labels + 1;
        // Neighbours joined as brands write them (`eki-net`, `au` + `pay`), all in one string:
        // `a-b` then `ab` for each pair.
        joins.clear();
        joins.reserve(
            toks.windows(2)
                .map(|p| 2 * p.iter().map(|t| t.len()).sum::<usize>() + 1)
                .sum(),
        );
        for pair in toks.windows(2) {
            if let [a, b] = pair {
                joins.extend([*a, "-", *b, *a, *b]);
            }
        }
        // Tokens, then the joinings (two per pair), hyphen parts with a digit and doubled
        // letters.
        let mut cands: Vec<&str> = recycle(std::mem::take(&mut cands_kept));
        cands.extend(toks.iter().copied());
        let mut at = 0;
        for pair in toks.windows(2) {
            if let [a, b] = pair {
                let (hyphened, glued) = (a.len() + 1 + b.len(), a.len() + b.len());
                cands.extend(joins.get(at..at + hyphened));
                cands.extend(joins.get(at + hyphened..at + hyphened + glued));
                at += hyphened + glued;
            }
        }
        // A subdomain token with its first or last letter doubled (`ekii-infor`, `aau-login`):
        // read without the repeat. Not a letter doubled inside (`anna` is a name, not `ana`).
        if li < reg_label_at {
            for t in &toks {
                let b = t.as_bytes();
                if !(3..=7).contains(&b.len()) {
                    continue;
                }
                let (first, last) = (b.get(..2), b.get(b.len() - 2..));
                if matches!(first, Some([x, y]) if x == y) {
                    cands.push(t.get(1..).unwrap_or(""));
                } else if matches!(last, Some([x, y]) if x == y) {
                    cands.push(t.get(..t.len() - 1).unwrap_or(""));
                }
            }
        }
        // A hyphen part with a digit inside, whole: brand words such as `ts3card`.
        for part in split_where(label, is_hyphen) {
            if part.bytes().any(|c| c.is_ascii_digit()) && !cands.contains(&part) {
                cands.push(part);
            }
        }
        // Which tokens (the first candidates) hold a brand word: the shuffle check skips them.
        let mut tok_has_word = [false; 16];
        for (ci, t) in cands.iter().enumerate() {
            let (found, exact) = find_word(t, brands);
            if let Some(x) = tok_has_word.get_mut(ci).filter(|_| ci < toks.len()) {
                *x = found.is_some();
            }
            let Some((b, word)) = found else { continue };
            // A word of three letters or fewer counts only whole, with context: another token
            // or label, or one of the affixes it was read off (`jcbhelp`, `jcb` + `help`).
            let affixed = word.len() < t.len();
            if word.len() <= 3 && !(exact && (has_context || affixed)) {
                continue;
            }
            if in_reg
                && *host_brand.get_or_insert_with(|| h.registrable.and_then(|r| brands.host_of(r)))
                    == Some(b)
            {
                continue;
            }
            // A company's own tenant of a business platform (`softbank.zoom.us`).
            if !in_reg && *tenant.get_or_insert_with(|| on_tenant_platform(h.host)) {
                continue;
            }
            // In two tokens joined, a word that starts inside the first one spans their seam by
            // chance (`kami` + `card` holds `micard`, `teki` + `net` holds `ekinet`).
            let joined = (toks.len()..3 * toks.len().saturating_sub(1) + 1).contains(&ci);
            if joined && !exact && !word_starts_token(t, word, &toks) {
                continue;
            }
            // A brand word that is also an everyday abbreviation (`etc`, `au`): in the registrable
            // name only next to a Japan or account word in its label (`etc-meisai-jp`,
            // `etc-login`), never in a company's name (`etc-group.com`, `go-etc.jp`). A two-letter
            // one is a country code too (`au`, Australia): in the subdomain only with a Japan or
            // account word somewhere in it (`connect.au-login.example.com`), never as a region's
            // section (`en-au.`, `www.au.example.com`).
            let jp_or_account = |t: &&str| {
                *t != word && (matches!(*t, "jp" | "co" | "japan") || is_credential_word(t))
            };
            if brands.everyday_word(word)
                && if in_reg {
                    !toks.iter().any(jp_or_account)
                } else {
                    word.len() == 2
                        && !h
                            .labels
                            .iter()
                            .take(reg_label_at)
                            .any(|l| tokens(l).iter().any(jp_or_account))
                }
            {
                continue;
            }
            let weight = match (in_reg, exact) {
                (true, true) => w::BRAND_WORD_DOMAIN,
                (true, false) => w::BRAND_WORD_DOMAIN_PART,
                (false, _) => w::BRAND_WORD_SUBDOMAIN,
            };
            let code = if in_reg {
                Code::BrandWordInDomain
            } else {
                Code::BrandWordInSubdomain
            };
            if beats(&best, weight) {
                best = Some((weight, code, b, brands.first_domain(b), word.to_string()));
            }
        }
        // Shuffled brand letters (`mcerncarei`, `aocmzaon`, one swapped: `mceoreaei`), in any
        // label but the suffix. Not looked for once a reason as heavy is found: it could not
        // replace that one.
        let weight = if in_reg {
            w::LOOKALIKE
        } else {
            w::LOOKALIKE_SUBDOMAIN
        };
        for (ti, t) in toks.iter().enumerate() {
            if !beats(&best, weight) {
                break;
            }
            let has_word = match tok_has_word.get(ti) {
                Some(known) => *known,
                None => find_word(t, brands).0.is_some(),
            };
            if has_word || common_word(t, in_reg && toks.len() == 1) {
                continue;
            }
            if let Some(tg) = scrambled(t, brands) {
                let detail = t.to_string();
                best = Some((weight, Code::LookalikeDomain, tg.brand, tg.domain, detail));
            }
        }
        // A label or hyphen token a keystroke from a brand (`amazeon.example.com`,
        // `eki-nat.x.cn`, `nertflix-renew.com`). The registrable label as a whole is
        // lookalike()'s; here only its tokens.
        let joined = without_hyphens(label);
        // The first list's allocation, reused.
        cands.clear();
        if !in_reg {
            cands.push(label);
            if joined != *label {
                cands.push(&joined);
            }
        }
        // Hyphen parts whole as well as tokens: [`tokens`] cuts at digits, so a digit written
        // for a letter (`amaz0n-update-jp`) only shows in the part.
        if toks.len() > 1 {
            let parts = split_where(label, is_hyphen);
            for t in toks.iter().copied().chain(parts) {
                if t.len() >= 6 && t != *label && !cands.contains(&t) {
                    cands.push(t);
                }
            }
        }
        for &cand in &cands {
            // (As above: the search is skipped when its finding could not count.)
            if !beats(&best, w::LOOKALIKE_SUBDOMAIN) {
                break;
            }
            // An everyday word is no lookalike as a token either (`mitsubishi-motors`,
            // `home-finance`, `cooking.nytimes.com`).
            if cand.len() < 6 || common_word(cand, false) {
                continue;
            }
            if let Some((t, dist)) = closest_in(cand, "", brands) {
                // A single token is often just a word a letter from a brand's (`mitsui` /
                // `matsui`, `mobile` / `ymobile`): only longer ones, not cut from the brand.
                let token = cand != *label && cand != joined;
                let token_ok = !token
                    || (cand.len() >= 7
                        && t.text.len() >= 7
                        && !t.text.contains(cand)
                        && !cand.contains(t.text));
                if t.text.len() >= 5
                    && ((dist > 0 && token_ok) || (dist == 0 && disguised(cand, brands)))
                {
                    let weight = w::LOOKALIKE_SUBDOMAIN;
                    if beats(&best, weight) {
                        let detail = cand.to_string();
                        best = Some((weight, Code::LookalikeDomain, t.brand, t.domain, detail));
                    }
                }
            }
        }
        cands_kept = recycle(cands);
    }
    WORD_SCRATCH.set((recycle(toks), cands_kept, joins));
    if let Some((weight, code, b, domain, detail)) = best {
        out.push(branded(code, weight, brands, b, domain, &detail));
    }
}

/// Does `word`, found inside the joined tokens `cand`, start where one of `toks` starts in it?
fn word_starts_token(cand: &str, word: &str, toks: &[&str]) -> bool {
    let at = (word.as_ptr() as usize).wrapping_sub(cand.as_ptr() as usize);
    at == 0
        || cand
            .get(at..)
            .is_some_and(|rest| toks.iter().any(|t| rest.starts_with(t)))
}

/// `tok` without one affix, for each affix it starts or ends with, in [`AFFIXES`] order (a
/// prefix before a suffix). Only the affixes that begin with the token's first byte or end with
/// its last are compared (bit i = `AFFIXES[i]`).
fn affix_rests(tok: &str) -> impl Iterator<Item = &str> {
    let (first, last) = match (tok.as_bytes().first(), tok.as_bytes().last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (0, 0),
    };
    let mut maybe = if tok.is_empty() {
        0
    } else {
        AFFIX_BY_FIRST.get(usize::from(first)).copied().unwrap_or(0)
            | AFFIX_BY_LAST.get(usize::from(last)).copied().unwrap_or(0)
    };
    std::iter::from_fn(move || {
        while maybe != 0 {
            let i = maybe.trailing_zeros() as usize;
            maybe &= maybe - 1;
            let a = AFFIXES.get(i)?;
            if let Some(rest) = strip_short_prefix(tok, a).or_else(|| strip_short_suffix(tok, a)) {
                return Some(rest);
            }
        }
        None
    })
}

/// `tok.strip_prefix(a)` for a short `a` (an affix), compared byte by byte in line: a call to
/// memcmp per affix tried cost more than the comparison.
fn strip_short_prefix<'t>(tok: &'t str, a: &str) -> Option<&'t str> {
    let head = tok.as_bytes().get(..a.len())?;
    if head.iter().zip(a.as_bytes()).all(|(x, y)| x == y) {
        tok.get(a.len()..)
    } else {
        None
    }
}

/// `tok.strip_suffix(a)` for a short `a`, like [`strip_short_prefix`].
fn strip_short_suffix<'t>(tok: &'t str, a: &str) -> Option<&'t str> {
    let at = tok.len().checked_sub(a.len())?;
    let tail = tok.as_bytes().get(at..)?;
    if tail.iter().zip(a.as_bytes()).all(|(x, y)| x == y) {
        tok.get(..at)
    } else {
        None
    }
}

/// `s` with ASCII letters lower-cased, borrowed when it has no upper-case letter (most paths).
fn ascii_lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// `label` with its hyphens removed (`eki-net` → `ekinet`), borrowed when it has none.
fn without_hyphens(label: &str) -> Cow<'_, str> {
    // The pieces between hyphens, copied (`str::replace` sets up a searcher, which cost more
    // than the copy on a label).
    if label.bytes().any(|b| b == b'-') {
        let mut out = String::with_capacity(label.len());
        split_byte(label, b'-').for_each(|piece| out.push_str(piece));
        Cow::Owned(out)
    } else {
        Cow::Borrowed(label)
    }
}

/// A brand word in a token: exact, or glued to an affix / inside a longer token (≥ 5 letters).
/// Returns ((brand, word), exact).
fn find_word<'t>(tok: &'t str, brands: &BrandIndex) -> (Option<(usize, &'t str)>, bool) {
    if let Some(hit) = affixed_word(tok, brands) {
        return (Some(hit), true);
    }
    if let Some(hit) = inner_word(tok, brands) {
        return (Some(hit), false);
    }
    match stacked_word(tok, brands) {
        Some(hit) => (Some(hit), true),
        None => (None, false),
    }
}

/// [`find_word`]'s exact readings alone (what it returns with `true`), for a caller that has
/// no use for the others. The search for a longer word inside the token, which find_word makes
/// before the two-affix reading and which would overrule it, is made only once that reading
/// is found (most tokens have none).
fn find_exact_word<'t>(tok: &'t str, brands: &BrandIndex) -> Option<(usize, &'t str)> {
    affixed_word(tok, brands).or_else(|| {
        let hit = stacked_word(tok, brands)?;
        inner_word(tok, brands).is_none().then_some(hit)
    })
}

/// The token itself as a brand word, or the token without one affix (`myjcom`, `aeonjp`).
// find_word is one function, as it was written natively; the .wasm, where size counts, keeps the
// three readings out of line.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn affixed_word<'t>(tok: &'t str, brands: &BrandIndex) -> Option<(usize, &'t str)> {
    if let Some(b) = brands.word(tok) {
        return Some((b, tok));
    }
    // Short brand + affix: `myjcom`, `aeonjp`. (A rest of three bytes needs a token of three
    // more than the shortest affix: shorter ones, most tokens, skip the affix comparisons.)
    if tok.len() < 3 + SHORTEST_AFFIX {
        return None;
    }
    for rest in affix_rests(tok) {
        if rest.len() >= 3 {
            if let Some(b) = brands.word(rest) {
                return Some((b, rest));
            }
        }
    }
    None
}

/// A longer word anywhere inside the token (none fits in a token of five bytes or fewer), not
/// in an everyday word that holds one by chance (`monitoring` holds nitori). Shortest words
/// first, then leftmost; of the first 64 starts only those the filter lets through are tried,
/// walking its set bits.
// find_word is one function, as it was written natively; the .wasm, where size counts, keeps the
// three readings out of line.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn inner_word<'t>(tok: &'t str, brands: &BrandIndex) -> Option<(usize, &'t str)> {
    let starts = if tok.len() > 5 {
        // (The everyday-word test matters only when the filter lets a start through.)
        let starts = brands.word_starts(tok);
        if starts != 0 && common_word_kind(tok) == Some(2) {
            0
        } else {
            starts
        }
    } else {
        0
    };
    let at = |start: usize, len: usize| {
        let sub = tok.get(start..start + len)?;
        brands.word(sub).map(|b| (b, sub))
    };
    // No start let through (most tokens) and none past the filter's 64: nothing to try.
    let lengths: &[usize] = if starts == 0 && tok.len() <= 64 {
        &[]
    } else {
        &brands.word_lengths
    };
    for &len in lengths.iter().filter(|l| **l >= 5) {
        if len >= tok.len() {
            break;
        }
        let last = tok.len() - len;
        let mut bits = if last >= 63 {
            starts
        } else {
            starts & ((1u64 << (last + 1)) - 1)
        };
        while bits != 0 {
            let start = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(hit) = at(start, len) {
                return Some(hit);
            }
        }
        for start in 64..=last {
            if let Some(hit) = at(start, len) {
                return Some(hit);
            }
        }
    }
    None
}

/// Two affixes stacked (`wwwinfoepos` read as `www` + `info` + `epos`), which [`find_word`] reads
/// when nothing else matched: a longer word inside the token (`myjcbhelp` holds `myjcb`) is the
/// better reading.
// find_word is one function, as it was written natively; the .wasm, where size counts, keeps the
// three readings out of line.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn stacked_word<'t>(tok: &'t str, brands: &BrandIndex) -> Option<(usize, &'t str)> {
    // (Two affixes and three bytes left need a token of 3 + twice the shortest affix.)
    if tok.len() < 3 + 2 * SHORTEST_AFFIX {
        return None;
    }
    for rest in affix_rests(tok) {
        for inner in affix_rests(rest) {
            if inner.len() >= 3 {
                if let Some(b) = brands.word(inner) {
                    return Some((b, inner));
                }
            }
        }
    }
    None
}

include!(concat!(env!("OUT_DIR"), "/confusables.rs"));

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The Latin letters a Unicode label reads as: diacritics removed, UTS #39 confusables mapped to
/// their prototypes (table built from unicode-security by build.rs), lower-cased, ASCII tricks
/// undone (`аmаzоn`, `amažoñ`, `āmaᴢon` → `amazon`).
pub fn read_as(label: &str) -> String {
    let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(label);
    let mut out = String::with_capacity(label.len());
    for c in nfd.chars().filter(|c| !is_combining_mark(*c)) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Ok(i) = CONFUSABLE_CHARS.binary_search(&u32::from(c)) {
            let latin = CONFUSABLE_LATIN.get(i).copied().unwrap_or_default();
            out.extend(
                latin
                    .iter()
                    .take_while(|b| **b != 0)
                    .map(|b| char::from(*b)),
            );
        } else {
            // A letter with no Latin reading (`ⱪ`, `ꞑ`, `ʉ`, or any other script) becomes one
            // wildcard byte: edit distance then counts it as a single substitution, so `raⱪutėn`
            // is one edit from `rakuten`.
            out.push('*');
        }
    }
    unconfuse(&out)
}

include!(concat!(env!("OUT_DIR"), "/scripts.rs"));

/// The script id of a character (build.rs `scripts`): 0 for Common, Inherited and Unknown,
/// Hiragana and Katakana counted as Han.
fn script_id(c: char) -> u8 {
    let i = SCRIPT_STARTS.partition_point(|s| *s <= u32::from(c));
    i.checked_sub(1)
        .and_then(|i| SCRIPT_IDS.get(i))
        .copied()
        .unwrap_or(0)
}

/// True when the label's letters come from one script (Han with kana counts as one: Japanese).
fn is_single_script(label: &str) -> bool {
    let mut seen = 0u8;
    for id in label.chars().map(script_id).filter(|id| *id != 0) {
        if seen == 0 {
            seen = id;
        } else if seen != id {
            return false;
        }
    }
    true
}

/// Internationalized hosts: homographs of protected names and mixed scripts.
fn idn(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    if !split_byte(h.host, b'.').any(|l| l.starts_with("xn--")) {
        return;
    }
    let (unicode, _) = idna::domain_to_unicode(h.host);
    for label in unicode.split('.') {
        if label.is_ascii() {
            continue;
        }
        let latin = read_as(label);
        // Read as a protected domain exactly, short names included (`äû.com` → au.com).
        let as_domain = format!("{latin}.{}", h.suffix);
        let registered = unicode.ends_with(&format!("{label}.{}", h.suffix));
        if let Some(b) = brands.owner(&as_domain).filter(|_| registered) {
            out.push(branded(
                Code::Homograph,
                w::HOMOGRAPH,
                brands,
                b,
                &as_domain,
                label,
            ));
            return;
        }
        // The whole label, then each non-ASCII part of a hyphenated one that reads as a protected
        // name (`amazοn-login` with a Greek omicron reads as amazon + login; `sᴍbc-card` as
        // smbc). Only an exact reading, or one through letters with no Latin reading: a near one
        // of a short part (`nėt` one edit from ntt) is any word.
        let found = closest(&latin, brands)
            .or_else(|| wildcard_target(&latin, brands))
            .or_else(|| {
                label
                    .split('-')
                    .filter(|part| !part.is_ascii() && part.len() < label.len())
                    .find_map(|part| {
                        let latin = read_as(part);
                        closest(&latin, brands)
                            .filter(|(_, d)| *d == 0)
                            .or_else(|| wildcard_target(&latin, brands))
                    })
            });
        if let Some((t, dist)) = found {
            let code = if dist == 0 {
                Code::Homograph
            } else {
                Code::LookalikeDomain
            };
            let weight = if dist == 0 {
                w::HOMOGRAPH
            } else {
                w::LOOKALIKE_SAME_SUFFIX
            };
            out.push(branded(code, weight, brands, t.brand, t.domain, label));
            return;
        }
        if !is_single_script(label) {
            out.push(detailed(Code::MixedScript, w::MIXED_SCRIPT, label));
            return;
        }
    }
    out.push(reason(Code::InternationalDomain, w::IDN));
}

/// A protected name read through letters with no Latin reading (`*` from [`read_as`]): same
/// length, every readable letter in place but at most one, and at least two in three letters
/// readable (`m*rc*ri` → mercari). Edit distance would count each `*` as an edit.
fn wildcard_target<'a>(
    s: &str,
    brands: &'a BrandIndex,
) -> Option<(crate::brands::Target<'a>, usize)> {
    let stars = s.bytes().filter(|b| *b == b'*').count();
    if stars == 0 || s.len() < 4 || stars * 3 > s.len() {
        return None;
    }
    let allowed = usize::from(s.len() >= 6);
    let mut best: Option<(crate::brands::Target<'a>, usize)> = None;
    for t in brands.targets() {
        if t.text.len() != s.len() {
            continue;
        }
        let wrong = s
            .bytes()
            .zip(t.text.bytes())
            .filter(|(a, b)| *a != b'*' && a != b)
            .count();
        if wrong <= allowed && best.as_ref().is_none_or(|(_, d)| wrong < *d) {
            best = Some((t, wrong));
        }
    }
    best
}

/// Host labels that name a DNS record or a mail or hosting service, never a page a person is sent
/// to: the names mail and cPanel software set up (`mta-sts.example.com` serves one policy file
/// under `/.well-known/`; `autodiscover`, `autoconfig` answer mail clients; `webdisk`,
/// `cpcalendars`, `cpcontacts` answer WebDAV clients), and the names of a domain's name and mail
/// servers (`ns2`, `mx1`, `smtp`). Labels starting with `_` (`_dmarc`, a bare `_`) are record
/// names: a host name cannot hold `_`. A page answers on any of these only through a wildcard
/// record, which throwaway domains set up to answer every name. Not `ftp`: mirror servers serve
/// their files on web pages under that name (`ftp.riken.jp`); not `mail`, `webmail`, `cpanel`:
/// sign-in pages of their own.
const SERVICE_LABELS: &[&str] = &[
    "mta-sts",
    "autodiscover",
    "autoconfig",
    "webdisk",
    "cpcalendars",
    "cpcontacts",
    "ns1",
    "ns2",
    "ns3",
    "ns4",
    "dns1",
    "dns2",
    "mx",
    "mx1",
    "mx2",
    "smtp",
    "smtps",
    "pop3",
    "imap",
];

/// [`SERVICE_LABELS`] by first byte and by length (see [`in_word_tables`]): every subdomain
/// label is looked up.
const SERVICE_BY_FIRST: [u64; 256] = word_table(SERVICE_LABELS, true);
const SERVICE_BY_LEN: [u64; 17] = word_lengths(SERVICE_LABELS);
const _: () = assert!(
    SERVICE_LABELS.len() <= 64,
    "word tables index the list in a u64"
);

/// Paths those services answer on (`/.well-known/mta-sts.txt`, `/autodiscover/autodiscover.xml`,
/// `/mail/config-v1.1.xml`): a link to one is a link to the setting, not to a page.
const SERVICE_PATHS: &[&str] = &["/.well-known/", "/autodiscover/", "/mail/config"];

/// A subdomain label naming a DNS record or a mail service (see [`SERVICE_LABELS`]), unless the
/// link goes to the service's own file.
fn service_label<'a>(h: &HostInfo<'a>) -> Option<&'a str> {
    let label = split_byte(h.subdomain, b'.').find(|l| {
        l.starts_with('_') || in_word_tables(SERVICE_LABELS, &SERVICE_BY_FIRST, &SERVICE_BY_LEN, l)
    })?;
    // The path, compared without case (the service paths are lower-case ASCII).
    let path = h.parsed.url.path().as_bytes();
    let to_service = SERVICE_PATHS.iter().any(|p| {
        path.get(..p.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(p.as_bytes()))
    });
    (!to_service).then_some(label)
}

/// Host tricks that add weight but never decide alone.
fn host_tricks(h: &HostInfo<'_>, out: &mut Vec<Reason>) {
    let [dynamic_dns, free_hosting, shortener] = service_domains(h.host);
    if let Some(s) = dynamic_dns {
        out.push(detailed_static(Code::DynamicDns, w::DYNAMIC_DNS, s));
    } else if let Some(s) = free_hosting
        .map(|s| (s, Text::from_static(s)))
        .or_else(|| s3_endpoint(h.host).map(|s| (s, Text::from(s))))
    {
        let (s, detail) = s;
        out.push(Reason {
            code: Code::FreeHosting,
            weight: w::FREE_HOSTING,
            brand: None,
            detail: Some(detail),
        });
        let inner = h
            .host
            .strip_suffix(s)
            .and_then(|x| x.strip_suffix('.'))
            .unwrap_or("");
        if let Some(l) = inner.split('.').find(|l| is_generated_name(l)) {
            out.push(detailed(Code::GeneratedName, w::GENERATED_NAME, l));
        }
    }
    if let Some(l) = service_label(h) {
        out.push(detailed(Code::ServiceHost, w::SERVICE_HOST, l));
    }
    if let Some(s) = shortener {
        let url = &h.parsed.url;
        let link = url.path().len() > 1 || url.query().is_some_and(|q| !q.is_empty());
        let weight = if link {
            w::SHORTENED_LINK
        } else {
            w::SHORTENER
        };
        out.push(detailed_static(Code::UrlShortener, weight, s));
    }
    let tld = last_piece(h.host, b'.');
    if let Some(tld) = word_in_tables(ABUSED_TLDS, &ABUSED_BY_FIRST, &ABUSED_BY_LEN, tld) {
        out.push(detailed_static(Code::RiskyTld, w::ABUSED_TLD, tld));
    } else if tld == "cn" && h.suffix == "cn" {
        // Names of one to three characters under `cn` are scarce and long held (`boc.cn`,
        // `360.cn`, `nga.cn`); throwaway registrations are longer. They weigh as a risky TLD.
        let weight = if h.reg_label.len() <= 3 {
            w::RISKY_TLD
        } else {
            w::CN_TLD
        };
        out.push(detailed_static(Code::RiskyTld, weight, "cn"));
    } else if let Some(tld) = word_in_tables(RISKY_TLDS, &RISKY_BY_FIRST, &RISKY_BY_LEN, tld) {
        let weight = if h.suffix == tld && numbered_name(h.reg_label) {
            w::RISKY_TLD + w::NUMBERED_NAME
        } else {
            w::RISKY_TLD
        };
        out.push(detailed_static(Code::RiskyTld, weight, tld));
    }
    if let Some(next) = www_before_name(h.subdomain, h.suffix, h.kind) {
        // A single character after `www.` (`www.e.example.com`) names no department or region.
        let weight = if next.len() == 1 {
            w::WWW_BEFORE_LETTER
        } else {
            w::WWW_BEFORE_NAME
        };
        out.push(detailed(Code::WwwBeforeName, weight, next));
    }
    let names = h.host.get(..h.host.len().saturating_sub(h.suffix.len()));
    if let Some(ip) = names.and_then(ip_in_name) {
        out.push(detailed(Code::IpNamedHost, w::IP_NAMED_HOST, ip));
    } else if let Some(n) = serial_number_host(h.subdomain) {
        out.push(detailed(Code::NumberedHost, w::NUMBERED_HOST, n));
    }
    let sub_depth = if h.subdomain.is_empty() {
        0
    } else {
        split_byte(h.subdomain, b'.').count()
    };
    if sub_depth >= 4 {
        out.push(detailed(
            Code::DeepSubdomain,
            w::DEEP * if sub_depth >= 6 { 2 } else { 1 },
            h.subdomain,
        ));
    }
    // An IPFS content identifier as a gateway's subdomain is the address of the content, not a
    // made-up name (ipfs_content reads it).
    let cid_label = ipfs_content(&h.labels, "");
    let reg_cid = cid_label == Some(h.reg_label);
    let random_sub =
        split_byte(h.subdomain, b'.').find(|l| Some(*l) != cid_label && looks_random(l));
    if !reg_cid && looks_random(h.reg_label) {
        // Machine-made names on both levels (`xk2j9q.bd8d0c4.com`) add up.
        let weight = w::RANDOM_REG
            + if random_sub.is_some() {
                w::RANDOM_SUB
            } else {
                0
            }
            // Only for registered names: under a platform's suffix (`*.cloudfront.net`) the
            // platform makes up ids like `d3c33hcgiwev3` for everyone.
            + if h.kind == SuffixKind::Icann
                && (vowel_poor(h.reg_label)
                    || h.reg_label.len() >= 10
                    || h.reg_label.bytes().any(|b| b.is_ascii_digit()))
            {
                w::RANDOM_NO_VOWELS
            } else {
                0
            };
        out.push(detailed(Code::RandomLabel, weight, h.reg_label));
    } else if let Some(l) = random_sub {
        // A subdomain of pure keyboard mash (`yzwvrmaqrhmoodztsklfrcpj.example.com`,
        // `ntjpzt.example.com`) is the wildcard DNS of a throwaway domain; ordinary sites name
        // their hosts.
        let weight = if strongly_random(l) {
            w::RANDOM_SUB_STRONG
        } else {
            w::RANDOM_SUB
        };
        out.push(detailed(Code::RandomLabel, weight, l));
    } else if reg_cid {
        // (A content address: no name was made up.)
    } else if !h.subdomain.is_empty() && h.subdomain != "www" && short_mash(h.reg_label) {
        // `z-109.wgsxc.com`, `8f.zwmdv.com`: hosts made up under a short consonant string.
        out.push(detailed(
            Code::RandomLabel,
            w::RANDOM_SHORT_MASH,
            h.reg_label,
        ));
    } else if h.kind == SuffixKind::Icann && initials_and_number(h.reg_label) {
        out.push(detailed(
            Code::RandomLabel,
            w::INITIALS_AND_NUMBER,
            h.reg_label,
        ));
    } else if out.iter().any(|r| r.code == Code::RiskyTld) && weakly_random(h.reg_label) {
        // On a throwaway-prone TLD a shorter odd name is enough to add a little.
        out.push(detailed(Code::RandomLabel, w::RANDOM_SUB, h.reg_label));
    }
    // Sign-in words (the first, and how many) and the first misspelled one, in one pass over
    // the tokens of the labels left of the suffix.
    let (mut cred_first, mut cred_count, mut typo) = (None, 0i32, None);
    let names = h
        .labels
        .len()
        .saturating_sub(split_byte(h.suffix, b'.').count());
    for label in h.labels.iter().take(names) {
        for_each_token(label, |t| {
            if t.len() >= 4 && is_credential_word(t) {
                cred_first.get_or_insert(t);
                cred_count += 1;
            }
            if typo.is_none() && misspelled_credential_word(t).is_some() {
                typo = Some(t);
            }
        });
    }
    if let Some(first) = cred_first {
        out.push(detailed(
            Code::CredentialWords,
            w::CREDENTIAL_HOST * cred_count.min(2),
            first,
        ));
    }
    if let Some(typo) = typo {
        out.push(detailed(Code::CredentialTypo, w::CREDENTIAL_TYPO, typo));
    }
}

/// A name that is a number, or a word and a number of three digits or more (`646025`,
/// `accessid83648`): one of a series registered in bulk. Under a throwaway TLD that is the
/// series' own (no site of the top-domain list has one there).
fn numbered_name(label: &str) -> bool {
    let digits = label.bytes().rev().take_while(u8::is_ascii_digit).count();
    let head = label.get(..label.len() - digits).unwrap_or("");
    (digits == label.len() && digits >= 3)
        || (digits >= 3 && !head.is_empty() && head.bytes().all(|c| c.is_ascii_lowercase()))
}

/// Three or four consonants (not y) and then three or four digits, nothing else.
fn initials_and_number(label: &str) -> bool {
    let letters = label
        .bytes()
        .take_while(|b| {
            b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
        })
        .count();
    let digits = label.len() - letters;
    (3..=4).contains(&letters)
        && (3..=4).contains(&digits)
        && label.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

/// A reason that marks a name without saying whom it imitates or what hosts it: a machine-made
/// look, or a lookalike of a brand under another suffix (what real names often are).
fn weak_alone(r: &Reason) -> bool {
    match r.code {
        Code::RandomLabel => r.weight <= w::RANDOM_REG,
        Code::LookalikeDomain => r.weight <= w::LOOKALIKE_OTHER_SUFFIX,
        Code::RiskyTld => r.weight <= w::RISKY_TLD,
        Code::WwwBeforeName => r.weight <= w::WWW_BEFORE_NAME,
        _ => false,
    }
}

/// What nearly every site has: a sign-in word (`login.`, `/mypage/`), plain http.
fn generic(r: &Reason) -> bool {
    matches!(r.code, Code::CredentialWords)
}

/// Sign-in words and plain http add to a mark that says something about the host; next to
/// nothing but a weak one (see [`weak_alone`]) they weigh nothing: `https://login.nikkeibp.co.jp/`,
/// `https://www.hdfcbank.com/personal/login` and `http://www.goodrx.com/` are those sites' own.
pub fn discount_generic(reasons: &mut [Reason]) {
    let weighted = || reasons.iter().filter(|r| r.weight > 0);
    let weak = weighted().any(weak_alone);
    let marked = weighted().any(|r| !weak_alone(r) && !generic(r));
    if weak && !marked {
        for r in reasons.iter_mut().filter(|r| generic(r)) {
            r.weight = 0;
        }
    }
}

/// Signals on the path and query of a domain host.
pub fn path_signals(h: &HostInfo<'_>, brands: &BrandIndex, out: &mut Vec<Reason>) {
    path_common(&h.parsed.url, brands, out, h.owner);
    page_in_bucket(&h.parsed.url, out);
    let path = h.parsed.url.path();
    if h.owner.is_none() {
        if let Some(cid) = ipfs_content(&h.labels, path) {
            out.push(detailed(Code::IpfsContent, w::IPFS_CONTENT, cid));
        }
    }
}

/// The content identifier of a page served from IPFS through a gateway, any gateway: as the
/// path's first folder (`https://ipfs.io/ipfs/Qm.../`, `https://gw.example/ipfs/bafy.../x.html`)
/// or as the host's first label before `ipfs` (`https://bafy....ipfs.dweb.link/`).
fn ipfs_content<'a>(labels: &[&'a str], path: &'a str) -> Option<&'a str> {
    if let [first, "ipfs", ..] = labels {
        if is_cid(first) {
            return Some(first);
        }
    }
    let rest = path.strip_prefix("/ipfs/")?;
    let cid = rest.split('/').next().unwrap_or(rest);
    is_cid(cid).then_some(cid)
}

/// An IPFS content identifier: version 0 (`Qm` and 44 base58 characters) or version 1 in base32
/// (`bafy...`, `bafk...`: `b` then lower-case letters and digits 2-7, 50 or more).
fn is_cid(s: &str) -> bool {
    let b = s.as_bytes();
    let base58 = |c: &u8| c.is_ascii_alphanumeric() && !matches!(c, b'0' | b'O' | b'I' | b'l');
    let base32 = |c: &u8| c.is_ascii_lowercase() || (b'2'..=b'7').contains(c);
    (b.len() == 46 && s.starts_with("Qm") && b.iter().all(base58))
        || (b.len() >= 50 && s.starts_with("baf") && b.iter().all(base32))
}

/// File stores whose buckets anyone can fill and link to: a web page there
/// (`storage.googleapis.com/<bucket>/login.html`) is a page with no site behind it. Sites are
/// published on the platforms' site hosts (`*.web.app`, S3 website endpoints), not as a file in a
/// bucket.
const FILE_STORES: &[&str] = &[
    "storage.googleapis.com",
    "firebasestorage.googleapis.com",
    "blob.core.windows.net",
    "r2.dev",
    "cloudflare-ipfs.com",
    "aliyuncs.com",
    "myqcloud.com",
    "wasabisys.com",
    "backblazeb2.com",
    "digitaloceanspaces.com",
    "linodeobjects.com",
];

/// A web page served as a file from a bucket: adds to the free-hosting mark.
fn page_in_bucket(url: &WebUrl, out: &mut [Reason]) {
    let path = url.path();
    let page = [".html", ".htm"].iter().any(|e| {
        path.len() > e.len()
            && path
                .get(path.len() - e.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(e))
    });
    if !page {
        return;
    }
    for r in out.iter_mut().filter(|r| r.code == Code::FreeHosting) {
        let store = r.detail.as_deref().is_some_and(|d| {
            listed(FILE_STORES, d)
                || (d.starts_with("s3") && d.ends_with(".amazonaws.com") && !d.contains("website"))
        });
        if store {
            r.weight += w::PAGE_IN_BUCKET;
        }
    }
}

/// The subdomain label after a leading `www` when more labels follow (`jp` in `www.jp.x.com`),
/// on a generic or country domain. Not under Japan's or any country's institutional suffixes,
/// where departments and cities have hosts of their own (`www.city.yokohama.lg.jp`,
/// `www.cs.example.ac.uk`, `www.ib.resonabank.co.jp`).
fn www_before_name<'a>(subdomain: &'a str, suffix: &str, kind: SuffixKind) -> Option<&'a str> {
    let rest = subdomain.strip_prefix("www.")?;
    if kind != SuffixKind::Icann
        || last_piece(suffix, b'.') == "jp"
        || split_byte(suffix, b'.').any(|p| listed(INSTITUTIONAL, p))
    {
        return None;
    }
    split_byte(rest, b'.').next().filter(|l| !l.is_empty())
}

/// The first subdomain label when it is a number of four digits or more, other than a year
/// (`2024.conf.example.org` is an event's site).
fn serial_number_host(subdomain: &str) -> Option<&str> {
    let first = split_byte(subdomain, b'.').next()?;
    let year = first.len() == 4 && (first.starts_with("19") || first.starts_with("20"));
    (first.len() >= 4 && !year && first.bytes().all(|b| b.is_ascii_digit())).then_some(first)
}

/// Second-level names that countries give to schools, governments and the like.
const INSTITUTIONAL: &[&str] = &[
    "ac", "edu", "gov", "go", "mil", "lg", "ed", "gob", "gouv", "int", "govt", "nhs", "sch",
    "school",
];

/// The first four numbers of 0-255 in a row among the labels and hyphen tokens of a host's
/// names (left of the public suffix: `104-248-149-114`, `178.128.120.18`, `80.74-188-199`): an
/// IPv4 address written as a name.
fn ip_in_name(left: &str) -> Option<&str> {
    let bytes = left.as_bytes();
    // Four octets hold four digits at least: most names have fewer, and a count (a vector loop)
    // rules them out before the token walk.
    if bytes.iter().filter(|b| b.is_ascii_digit()).count() < 4 {
        return None;
    }
    let (mut run, mut run_start, mut tok_start) = (0, 0, 0);
    for i in 0..=bytes.len() {
        let c = bytes.get(i).copied().unwrap_or(b'.');
        if c != b'.' && c != b'-' {
            continue;
        }
        let tok = left.get(tok_start..i).unwrap_or("");
        let octet = (1..=3).contains(&tok.len())
            && tok.bytes().all(|b| b.is_ascii_digit())
            && tok.bytes().fold(0u16, |n, b| n * 10 + u16::from(b - b'0')) <= 255;
        if octet {
            if run == 0 {
                run_start = tok_start;
            }
            run += 1;
            if run == 4 {
                return left.get(run_start..i);
            }
        } else {
            run = 0;
        }
        tok_start = i + 1;
    }
    None
}

/// Signals on an IP-address host.
pub fn ip_signals(p: &Parsed, out: &mut Vec<Reason>) {
    let public = match &p.host {
        HostKind::Ipv4(a) => {
            !(a.is_private() || a.is_loopback() || a.is_link_local() || a.is_unspecified())
        }
        HostKind::Ipv6(a) => {
            !(a.is_loopback()
                || a.is_unspecified()
                || (a.segments().first().is_some_and(|s| s & 0xfe00 == 0xfc00)))
        }
        HostKind::Domain(_) => false,
    };
    if public {
        out.push(reason(Code::IpAddressHost, w::IP_HOST));
    }
}

/// Path signals for IP hosts.
pub fn path_signals_ip(p: &Parsed, brands: &BrandIndex, out: &mut Vec<Reason>) {
    path_common(&p.url, brands, out, None);
}

fn path_common(url: &WebUrl, brands: &BrandIndex, out: &mut Vec<Reason>, owner: Option<usize>) {
    let path = ascii_lowercase(url.path());
    // Risky downloads: the last path segment's extension.
    let last = last_piece(&path, b'/');
    if let Some((stem, ext)) = rsplit_once_byte(last, b'.') {
        if !stem.is_empty() && owner.is_none() {
            if listed(PROGRAM_EXT, ext) && ext != "com" && ext != "js" {
                out.push(detailed(Code::RiskyDownload, w::DOWNLOAD_PROGRAM, last));
            } else if listed(ARCHIVE_EXT, ext) {
                out.push(detailed(Code::RiskyDownload, w::DOWNLOAD_ARCHIVE, last));
            }
        }
    }
    if owner.is_some() {
        return;
    }
    // Brand word as a path or query token of an unrelated domain (`/jabank`, `/smbc-card/`).
    let query = ascii_lowercase(url.query().unwrap_or(""));
    let mut cred = 0;
    let mut brand_reason: Option<Reason> = None;
    for t in alnum_runs(&path).chain(alnum_runs(&query)) {
        if t.len() < 3 {
            continue;
        }
        if brand_reason.is_none() {
            // The word itself, or glued to an affix (`?_amazonjp`, `/smbccard/`): find_word's
            // exact readings (it tries the word itself first).
            let found = find_exact_word(t, brands);
            if let Some((b, word)) = found {
                if word.len() >= 4 {
                    brand_reason = Some(branded(
                        Code::BrandInPath,
                        w::BRAND_IN_PATH,
                        brands,
                        b,
                        brands.first_domain(b),
                        word,
                    ));
                }
            }
        }
        if is_credential_word(t) && t.len() >= 5 {
            cred += 1;
        }
    }
    if let Some(dir) = page_in_site_internals(&path) {
        out.push(detailed(Code::SiteInternals, w::SITE_INTERNALS, dir));
    }
    if let Some(r) = (!bookmark_page(url))
        .then(|| brand_domain_in_path(&path, brands))
        .flatten()
        .or(brand_reason)
    {
        out.push(r);
    }
    if cred > 0 && !out.iter().any(|r| r.code == Code::CredentialWords) {
        out.push(reason(Code::CredentialWords, w::CREDENTIAL_PATH));
    }
}

/// Extensions of the files a site's program folders do hold: scripts, styles, images, fonts,
/// documents. Anything else there (a folder, a `.php` or `.html` page) is a page someone put in.
#[rustfmt::skip]
const STATIC_EXT: &[&str] = &[
    "js", "mjs", "css", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "woff", "woff2",
    "ttf", "eot", "otf", "txt", "xml", "json", "pdf", "zip", "mp3", "mp4", "md",
];

/// A page inside a site's program folders, where no site keeps pages of its own: WordPress's
/// core (`/wp-includes/`) and its plugins' and themes' code (`/wp-content/plugins/`), or deep in
/// `/.well-known/`, whose files (`security.txt`, `acme-challenge/<token>`,
/// `pki-validation/<file>.txt`) sit one or two levels down. Copied login pages are dropped there
/// on hacked sites (`/wp-includes/certificates/webmail/`,
/// `/.well-known/pki-validation/home/id/login/`). Returns the folder.
fn page_in_site_internals(path: &str) -> Option<&'static str> {
    // Only those three folders answer: a path that names none of them (most) is not read
    // further.
    if find_str(path, "wp-").is_none() && find_str(path, ".well-known").is_none() {
        return None;
    }
    let segs: Vec<&str> = split_byte(path, b'/').filter(|s| !s.is_empty()).collect();
    let last = segs.last()?;
    let ext = rsplit_once_byte(last, b'.').map(|(_, e)| e);
    if ext.is_some_and(|e| listed(STATIC_EXT, e)) {
        return None;
    }
    let page = matches!(ext, Some("php" | "html" | "htm"));
    for (i, seg) in segs.iter().enumerate() {
        let after = segs.len() - i - 1;
        match *seg {
            // `ms-files.php` served multisite uploads from here.
            "wp-includes" if after >= 1 && *last != "ms-files.php" => return Some("wp-includes"),
            // A script right in a plugin's folder can be its own handler (`download.php`).
            "wp-content"
                if matches!(segs.get(i + 1), Some(&"plugins" | &"themes"))
                    && after >= 2
                    && (after != 3 || ext != Some("php")) =>
            {
                return Some("wp-content");
            }
            ".well-known" if after >= 3 || (after >= 1 && page) => return Some(".well-known"),
            _ => {}
        }
    }
    None
}

/// A protected brand's address as a folder on someone else's site, the layout of copied login
/// pages (`/amazon.co.jp/webapps/`, `/www.paypal.com/websc-login.php`,
/// `/webmail.example-isp.ne.jp.htm`): a segment that is the brand's domain or a host under it,
/// followed by more path, or written as a page's file name. The address alone as the last
/// segment is what lookup sites show (`/whois/amazon.co.jp`), and a URL carried in the path
/// (`/redirect/https://...`) is judged on its own.
fn brand_domain_in_path(path: &str, brands: &BrandIndex) -> Option<Reason> {
    if has_http_scheme(path) {
        return None;
    }
    // The segments one by one (no list of them: this runs on every path); `segs`, once a
    // segment is taken, holds the ones after it.
    let mut segs = split_byte(path, b'/').peekable();
    while let Some(seg) = segs.next() {
        // A domain has a dot, and every name below is cut from the segment: a segment without
        // one (most) is not read further.
        if !seg.as_bytes().contains(&b'.') {
            continue;
        }
        let file = [".html", ".htm", ".php"]
            .iter()
            .find_map(|ext| seg.strip_suffix(ext));
        let more = segs.peek().is_some_and(|next| !next.is_empty());
        let Some(name) = file.or(more.then_some(seg)) else {
            continue;
        };
        let mut h = without_jp_tail(name.trim_start_matches('.'));
        while let Some(rest) = h
            .bytes()
            .position(|b| b == b'.')
            .and_then(|dot| h.get(dot + 1..))
        {
            if let Some(b) = brands.owner(h) {
                // A folder with pages under it: a page file or a sign-in folder below, or two
                // folders deep. One more folder and no page is how lookup sites file their tabs
                // about a domain (`/website/amazon.co.jp/competitors/`, `/domain/smbc.co.jp/dns`):
                // the brand word's plain weight.
                let below: Vec<&str> = segs.clone().filter(|x| !x.is_empty()).collect();
                let page = |x: &str| {
                    [".html", ".htm", ".php", ".asp", ".aspx", ".jsp", ".cgi"]
                        .iter()
                        .any(|ext| x.ends_with(ext))
                };
                let sign_in = |x: &str| x.split(['-', '_']).any(is_credential_word);
                let weight = if file.is_some()
                    || below.len() >= 2
                    || below.iter().any(|x| page(x) || sign_in(x))
                {
                    w::BRAND_DOMAIN_IN_PATH
                } else {
                    w::BRAND_IN_PATH
                };
                return Some(branded(Code::BrandInPath, weight, brands, b, h, name));
            }
            h = rest;
        }
    }
    None
}

/// `find_str(path, "http:/").is_some() || find_str(path, "https:/").is_some()`, in one scan.
fn has_http_scheme(path: &str) -> bool {
    let mut rest = path;
    while let Some(at) = find_str(rest, "http") {
        let after = rest.get(at + 4..).unwrap_or("");
        if after.starts_with(":/") || after.starts_with("s:/") {
            return true;
        }
        rest = after;
    }
    false
}

/// A host name in a path with characters glued after its `.jp` (`auth.sso.biglobe.ne.jpV1`,
/// `plala.or.jpmail`, `biglobe.ne.jp-022MEE`: a kit's folder named for the host it copies), read
/// up to the `.jp`.
fn without_jp_tail(name: &str) -> &str {
    // (A byte scan for the last `.jp`: `str::rfind` sets up a two-way searcher per name.)
    match name.as_bytes().windows(3).rposition(|w| w == b".jp") {
        Some(at)
            if name.get(at + 3..).is_some_and(|t| {
                t.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            }) =>
        {
            name.get(..at + 3).unwrap_or(name)
        }
        _ => name,
    }
}

/// Signals on the whole URL that do not depend on the host kind.
pub fn url_signals(p: &Parsed, brands: &BrandIndex, out: &mut Vec<Reason>) {
    let user = p.url.username();
    if !user.is_empty() || p.url.password().is_some() {
        let user = percent_decode(user);
        // `https://www.jcom.co.jp@evil.example/`: the part before @ poses as the host.
        // (Read up to a character no host has: `www.jcom.co.jp%2F@` decodes to a slash.)
        let end = user
            .bytes()
            .position(|b| matches!(b, b'/' | b'\\' | b'?' | b'#'))
            .unwrap_or(user.len());
        let as_host = user
            .get(..end)
            .unwrap_or("")
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let mut r = detailed(Code::UserinfoInUrl, w::USERINFO, &user);
        if as_host.contains('.') {
            r.weight = w::USERINFO_DOMAIN;
            let mut h = as_host.as_str();
            loop {
                if let Some(b) = brands.owner(h) {
                    r = branded(
                        Code::UserinfoInUrl,
                        w::BRAND_DOMAIN_EMBEDDED,
                        brands,
                        b,
                        h,
                        &user,
                    );
                    break;
                }
                match h.split_once('.') {
                    Some((_, rest)) => h = rest,
                    None => break,
                }
            }
        }
        out.push(r);
    }
    if p.url.scheme() == "http" {
        out.push(reason(Code::InsecureHttp, w::HTTP));
    }
    if let Some(port) = p.url.port() {
        if !matches!(port, 80 | 443 | 8080 | 8443) {
            out.push(detailed(Code::UnusualPort, w::PORT, &port.to_string()));
        }
    }
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// An http(s) URL carried in the query or path of this one (`?url=https://...`,
/// `href.li/?https://...`, `safelinks...?url=https%3A%2F%2F...`).
pub fn embedded_url(url: &WebUrl) -> Option<String> {
    if let Some(u) = translate_proxy(url).or_else(|| amp_page(url)) {
        return Some(u);
    }
    if let Some(q) = url.query() {
        // The pairs as `query_pairs` reads them (`&`-separated, empty ones skipped), each decoded
        // only when its value could decode to an address: one with an `h` (`http`, base64's
        // `aHR0c`) or a percent-escape (which may decode to one). Most values have neither, and
        // decoding every name and value cost more than this test.
        for pair in split_byte(q, b'&').filter(|p| !p.is_empty()) {
            let raw = pair
                .bytes()
                .position(|b| b == b'=')
                .and_then(|i| pair.get(i + 1..))
                .unwrap_or("");
            if !raw.bytes().any(|b| matches!(b, b'h' | b'H' | b'%')) {
                continue;
            }
            let Some((_, v)) = url::form_urlencoded::parse(pair.as_bytes()).next() else {
                continue;
            };
            let v = v.trim();
            if let Some(u) = http_prefix(v).or_else(|| base64_url(v)) {
                return Some(u);
            }
        }
        if let Some(u) = http_prefix(q.trim_start_matches('?')) {
            return Some(u);
        }
    }
    // `/redirect/https://evil.example/` in the path (every marker starts with `/http`).
    let path = url.path();
    find_str(path, "/http")?;
    for marker in ["/https://", "/http://", "/https:/", "/http:/"] {
        if let Some(i) = find_str(path, marker) {
            return path.get(i + 1..).map(String::from);
        }
    }
    None
}

/// The page a web-translation proxy shows: `https://evil-example-com.translate.goog/x` (Google
/// writes the host's dots as `-` and its hyphens as `--`) or
/// `https://translate.google.se/translate?u=evil.example.com/x` (scheme often left out).
fn translate_proxy(url: &WebUrl) -> Option<String> {
    let host = url.host_str()?;
    if let Some(label) = host.strip_suffix(TRANSLATE_PROXY) {
        if label.is_empty() || label.contains('.') {
            return None;
        }
        let inner = label
            .replace("--", "\u{0}")
            .replace('-', ".")
            .replace('\u{0}', "-");
        return Some(format!("https://{inner}{}", url.path()));
    }
    let google_translate =
        host.starts_with("translate.google.") || host == "translate.googleusercontent.com";
    if !google_translate {
        return None;
    }
    let (_, v) = url.query_pairs().find(|(k, _)| k == "u")?;
    let v = v.trim();
    if http_prefix(v).is_some() {
        return None; // the generic query check below takes it.
    }
    let host_part = v.split(['/', '?', '#']).next().unwrap_or("");
    (host_part.contains('.') && !host_part.contains(char::is_whitespace))
        .then(|| format!("https://{v}"))
}

/// The suffixes of the proxies that name a host for the page they show.
const TRANSLATE_PROXY: &str = ".translate.goog";
const AMP_CACHE: &str = ".cdn.ampproject.org";

/// A proxy's host named for the site it shows (`www-example-com.translate.goog`,
/// `www-example-com.cdn.ampproject.org`): the name only restates the page's address, which
/// [`embedded_url`] reads and the page is judged at. Its own name and path say nothing more
/// (`www-amazon-co-jp.translate.goog` is Amazon's page, translated).
pub fn proxy_host(host: &str) -> bool {
    [TRANSLATE_PROXY, AMP_CACHE].iter().any(|s| {
        host.strip_suffix(s)
            .is_some_and(|l| !l.is_empty() && !l.contains('.'))
    })
}

/// The page an AMP viewer or cache shows, its address written in the path without `://` (`s/`
/// for https): Google's viewer `https://www.google.com/amp/s/evil.example/x` and the AMP cache
/// `https://evil-example.cdn.ampproject.org/c/s/evil.example/x`. Google's own address must not
/// vouch for the page it frames.
fn amp_page(url: &WebUrl) -> Option<String> {
    let host = url.host_str()?;
    let path = url.path();
    let rest = if host.ends_with(AMP_CACHE) {
        path.strip_prefix("/c/")
            .or_else(|| path.strip_prefix("/v/"))?
    } else {
        // google.com, www.google.co.jp, google.com.au: Google's viewer under any country's name.
        let tld = host
            .strip_prefix("www.")
            .unwrap_or(host)
            .strip_prefix("google.")?;
        if tld.len() > 6 || tld.bytes().any(|b| !(b.is_ascii_lowercase() || b == b'.')) {
            return None;
        }
        path.strip_prefix("/amp/")?
    };
    let (scheme, rest) = match rest.strip_prefix("s/") {
        Some(r) => ("https", r),
        None => ("http", rest),
    };
    let host_part = rest.split('/').next().unwrap_or("");
    if !host_part.contains('.') {
        return None;
    }
    let mut page = String::with_capacity(scheme.len() + 3 + rest.len() + 1);
    page.push_str(scheme);
    page.push_str("://");
    page.push_str(rest);
    if let Some(q) = url.query() {
        page.push('?');
        page.push_str(q);
    }
    Some(page)
}

/// An http(s) address written in base64 as a query value (`?r=aHR0cHM6Ly9...`; Bing's click
/// links put two characters first: `u=a1aHR0...`), decoded. Standard or URL-safe alphabet; a
/// `+` that the query decoding made a space is read as one.
fn base64_url(v: &str) -> Option<String> {
    // `aHR0c` is how base64 writes `http` at the start of a value.
    let at = find_str(v, "aHR0c").filter(|at| *at <= 2)?;
    let mut out = Vec::with_capacity(v.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in v.bytes().skip(at) {
        let x = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' | b' ' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(x);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    let s = s.trim_end();
    let scheme = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (scheme.starts_with("http://") || scheme.starts_with("https://")).then(|| s.to_string())
}

/// Whether this is the page a bookmark service keeps about an address, written in its path
/// without `://`: Hatena Bookmark's `https://b.hatena.ne.jp/entry/s/www.example.jp/x` (https)
/// and `/entry/www.example.jp/x` (http). A brand's domain there is the page's subject, not a
/// kit's folder; and the page is Hatena's, showing comments, not the address's content, so
/// the address is not judged as if visited.
fn bookmark_page(url: &WebUrl) -> bool {
    url.host_str() == Some("b.hatena.ne.jp") && url.path().starts_with("/entry/")
}

fn http_prefix(v: &str) -> Option<String> {
    // Compared without case, in place (a lower-cased copy was an allocation per query value).
    let starts = |p: &str| {
        v.as_bytes()
            .get(..p.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(p.as_bytes()))
    };
    (starts("http://") || starts("https://") || starts("http%3a") || starts("https%3a"))
        .then(|| percent_decode(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_addresses_in_query_values() {
        // Padded, unpadded, URL-safe, two characters first (Bing), a `+` the query made a space.
        assert_eq!(
            base64_url("aHR0cDovL2JpdC5kby9lWUVCNQo=").as_deref(),
            Some("http://bit.do/eYEB5")
        );
        assert_eq!(
            base64_url("a1aHR0cHM6Ly9ldmlsLmV4YW1wbGUvP2E9MQ").as_deref(),
            Some("https://evil.example/?a=1")
        );
        assert_eq!(
            base64_url("aHR0cHM6Ly9ldmlsLmV4YW1wbGUvfj8").as_deref(),
            Some("https://evil.example/~?")
        );
        assert_eq!(
            base64_url("aHR0cHM6Ly9ldmlsLmV4YW1wbGUvfj-").as_deref(),
            base64_url("aHR0cHM6Ly9ldmlsLmV4YW1wbGUvfj ").as_deref()
        );
        // Not base64 of an address: a word that starts so, text after three characters, junk.
        for v in [
            "aHR0cXXX",
            "abcaHR0cHM6Ly9ldmlsLmV4YW1wbGUv",
            "aHR0c!",
            "aHR0cDov",
        ] {
            assert_eq!(base64_url(v), None, "{v}");
        }
    }

    #[test]
    fn every_service_domain_has_a_dot() {
        // service_domains does not look up a host's last label alone.
        for d in DYNAMIC_DNS.iter().chain(FREE_HOSTING).chain(SHORTENERS) {
            assert!(d.contains('.'), "{d}");
        }
        assert_eq!(
            SERVICES.len(),
            SERVICES.keys().filter(|d| d.contains('.')).count()
        );
    }

    #[test]
    fn has_http_scheme_is_either_search() {
        for p in [
            "/",
            "/http",
            "/http:/x",
            "/https:/x",
            "/redirect/https://a.example/",
            "/xhttps:/",
            "/httphttp:/",
            "/httpshttps:",
            "/https//",
            "/http:",
            "/hhttps:/",
            "/HTTP:/",
        ] {
            let want = find_str(p, "http:/").is_some() || find_str(p, "https:/").is_some();
            assert_eq!(has_http_scheme(p), want, "{p}");
        }
    }

    #[test]
    fn stacked_affixes_read_after_longer_words() {
        let b = BrandIndex::shipped();
        let word = |t: &'static str| find_word(t, &b).0.map(|(_, w)| w);
        assert_eq!(word("wwwinfoepos"), Some("epos"));
        // The longer word inside wins over `my` + `jcb` + `help`.
        assert_eq!(word("myjcbhelp"), Some("myjcb"));
        assert_eq!(word("wwwinfo"), None);
    }

    #[test]
    fn common_words_are_no_brand_and_no_squat() {
        let b = BrandIndex::shipped();
        let all: Vec<(&str, u8)> = (0..COMMON_WORD_AT.len() - 1)
            .map(|i| common_word_at(i).unwrap())
            .collect();
        assert!(all.len() > 100 && all.iter().all(|(_, k)| *k <= 2));
        assert!(
            all.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no repeats"
        );
        for (w, _) in all {
            // A brand's own word or label is the brand: regenerate the list after brands.tsv
            // changes (scripts/common-words.py).
            assert!(
                b.word(w).is_none() && b.exact(w).is_empty(),
                "{w} is a brand target"
            );
        }
        for w in ["nissan", "mitsui", "kagawa", "yamada", "finance", "looking"] {
            assert!(common_word(w, false), "{w}");
        }
        // A letter more or less inside a name that is no English word: a name of its own, but
        // in a subdomain or a token a kit's spelling.
        for w in ["matsuri", "rakuen"] {
            assert!(common_word(w, true) && !common_word(w, false), "{w}");
        }
        // An everyday word holding a brand word by chance: no brand word, no lookalike excuse.
        let word = |t: &'static str| find_word(t, &b).0.map(|(_, w)| w);
        assert_eq!(word("monitoring"), None);
        assert_eq!(word("networkmonitoring"), Some("nitori"));
        assert!(!common_word("monitoring", true));
        // A brand's name less its affix, a form of an English word: ordinary anywhere.
        for w in ["server", "mobile", "groups", "forums", "stripes"] {
            assert!(common_word(w, false), "{w}");
        }
        // A brand word across the seam of two joined tokens is chance unless it starts a token.
        assert!(!word_starts_token(
            "kamicard",
            &"kamicard"[2..],
            &["kami", "card"]
        ));
        assert!(word_starts_token("micard", "micard", &["mi", "card"]));
        assert!(word_starts_token(
            "xsmbccard",
            &"xsmbccard"[1..],
            &["x", "smbc", "card"]
        ));
        // The spellings typosquats use stay lookalikes even when a dictionary has them: two
        // letters swapped, a letter doubled, a romaji respelling.
        for w in ["applied", "goggle", "yahhoo", "dokomo", "nintendou"] {
            assert!(!common_word(w, true), "{w}");
        }
    }

    #[test]
    fn script_table_matches_unicode_script() {
        use unicode_script::{Script, UnicodeScript};
        let mut seen: std::collections::HashMap<u8, Script> = std::collections::HashMap::new();
        for c in (0u32..=0x1FFFF).filter_map(char::from_u32) {
            let s = match c.script() {
                Script::Common | Script::Inherited | Script::Unknown => None,
                Script::Hiragana | Script::Katakana => Some(Script::Han),
                s => Some(s),
            };
            match s {
                None => assert_eq!(script_id(c), 0, "{c:?}"),
                Some(s) => assert_eq!(*seen.entry(script_id(c)).or_insert(s), s, "{c:?}"),
            }
        }
        assert!(!seen.contains_key(&0));
        assert!(is_single_script("ひらがなカタカナ漢字"));
        assert!(!is_single_script("аpple"));
    }

    #[test]
    fn random_labels() {
        for r in [
            "ewslpvz",
            "sy4n5j",
            "bd8d052c415a0c9fd14725d547ec6536",
            "x9c15d0sj",
            "bwsgutyw",
            "qgeq99c4j",
        ] {
            assert!(looks_random(r), "{r} should look random");
        }
        for ok in [
            "amazon",
            "google",
            "rakuten",
            "kuronekoyamato",
            "wikipedia",
            "shinjuku",
            "github",
            "stackoverflow",
            "qingdaolife",
            "yodobashi",
            "mercari",
            "bilibili",
        ] {
            assert!(!looks_random(ok), "{ok} should not look random");
        }
    }

    #[test]
    fn misspelled_account_words() {
        // The two-letter pre-test in misspelled_credential_word holds for words of five or more.
        assert!(TYPO_WORDS.iter().all(|w| w.len() >= 5));
        for (typo, word) in [
            ("accout", "account"),
            ("acconut", "account"),
            ("connecct", "connect"),
            ("logiin", "login"),
            ("singin", "signin"),
            // Twice misspelled, one of the two a doubled letter.
            ("ocnnecct", "connect"),
            ("xonnecct", "connect"),
            ("coonnecct", "connect"),
            ("conencct", "connect"),
            ("connexxt", "connect"),
            ("acccout", "account"),
            ("suppportt", "support"),
        ] {
            assert_eq!(misspelled_credential_word(typo), Some(word), "{typo}");
        }
        for ok in [
            "account",
            "accounts",
            "secured",
            "signing",
            "logic",
            "konnect",
            "updated",
            "login",
            "connecting",
            "signon",
            "confect",
            // Words with a doubled letter two edits from an account word, inflections, and the
            // short words (`logging` is one edit from `loging` but `login` has five letters).
            "collect",
            "correct",
            "connected",
            "connects",
            "supported",
            "passwords",
            "logging",
            "suppose",
            "succession",
            "content",
        ] {
            assert_eq!(misspelled_credential_word(ok), None, "{ok}");
        }
    }

    #[test]
    fn japanese_suffix_glued_to_a_name() {
        assert_eq!(before_glued_jp("paylpalcojp"), Some("paylpal"));
        assert_eq!(before_glued_jp("ekicomjp"), Some("eki"));
        assert_eq!(before_glued_jp("rakutancojpaccount"), Some("rakutan"));
        assert_eq!(before_glued_jp("niftynejp"), Some("nifty"));
        assert_eq!(before_glued_jp("plalaorjp"), Some("plala"));
        for none in [
            "iphonejp", "phonejp", "cojp", "xcojp", "japan", "jp", "comp", "",
        ] {
            assert_eq!(before_glued_jp(none), None, "{none}");
        }
    }

    #[test]
    fn ip_addresses_written_as_names() {
        for (names, ip) in [
            ("104-248-149-114.", "104-248-149-114"),
            ("quizzical-liskov.142-93-143-183.", "142-93-143-183"),
            ("ip-160-153-250-139.ip.", "160-153-250-139"),
            ("178.128.120.18.dsl.dyn.", "178.128.120.18"),
            ("80.74-188-199.rdns.", "80.74-188-199"),
            ("wildcard.10-10-203-12", "10-10-203-12"),
        ] {
            assert_eq!(ip_in_name(names), Some(ip), "{names}");
        }
        for none in [
            "v1-2-3.kawabe-net.",
            "2024-11-26-01.",
            "1-2-3-256.",
            "0001-2-3-4.",
            "1-2-3.4a.",
            "1.2.3.",
            "",
        ] {
            assert_eq!(ip_in_name(none), None, "{none}");
        }
    }

    #[test]
    fn serial_numbers_as_host_names() {
        assert_eq!(serial_number_host("7482"), Some("7482"));
        assert_eq!(serial_number_host("87749663.a"), Some("87749663"));
        for none in ["123", "2024", "1999", "a.7482", "7482a", "74-82", ""] {
            assert_eq!(serial_number_host(none), None, "{none}");
        }
    }

    #[test]
    fn www_in_front_of_another_subdomain() {
        let icann = SuffixKind::Icann;
        assert_eq!(www_before_name("www.jp", "com", icann), Some("jp"));
        assert_eq!(www_before_name("www.e.sub", "com.cn", icann), Some("e"));
        for (sub, suffix) in [
            ("www", "com"),
            ("www2.jp", "com"),
            ("jp.www", "com"),
            ("www.ib", "co.jp"),
            ("www.city", "yokohama.jp"),
            ("www.cs", "ac.uk"),
            ("www.dept", "gov.au"),
            ("www.cs", "edu"),
        ] {
            assert_eq!(www_before_name(sub, suffix, icann), None, "{sub} {suffix}");
        }
        assert_eq!(
            www_before_name("www.jp", "github.io", SuffixKind::Private),
            None
        );
    }

    #[test]
    fn initials_and_a_number() {
        for yes in ["jxdm666", "wsh0592", "gct1111", "hvj397"] {
            assert!(initials_and_number(yes), "{yes}");
        }
        for no in [
            "bet365",
            "hao123",
            "ck101",
            "cr173",
            "dy2018",
            "smsm69",
            "jxdm66666",
            "jxdm666a",
            "jx666",
            "3121383",
            "",
        ] {
            assert!(!initials_and_number(no), "{no}");
        }
    }

    #[test]
    fn numbered_names() {
        for yes in ["646025", "0107888", "accessid83648", "shop123"] {
            assert!(numbered_name(yes), "{yes}");
        }
        for no in [
            "12",
            "zhibo8",
            "k2s",
            "123link",
            "havadurumu15gunluk",
            "shop-123",
            "shop12",
            "",
        ] {
            assert!(!numbered_name(no), "{no}");
        }
    }

    #[test]
    fn jp_tail_glued_to_a_host_in_a_path() {
        assert_eq!(
            without_jp_tail("auth.sso.biglobe.ne.jpV1"),
            "auth.sso.biglobe.ne.jp"
        );
        assert_eq!(without_jp_tail("plala.or.jpmail"), "plala.or.jp");
        assert_eq!(without_jp_tail("biglobe.ne.jp-022MEE"), "biglobe.ne.jp");
        assert_eq!(without_jp_tail("smbc.co.jp"), "smbc.co.jp");
        // Not a tail of the last label: left as written.
        assert_eq!(without_jp_tail("a.jp-b.html"), "a.jp-b.html");
        assert_eq!(without_jp_tail("amazon.jpx.example"), "amazon.jpx.example");
    }

    #[test]
    fn pages_in_site_internals() {
        for (path, dir) in [
            ("/wp-includes/certs/webmail/", "wp-includes"),
            ("/blog/wp-content/themes/x/core/login.php", "wp-content"),
            ("/wp-content/plugins/16f855d5/", "wp-content"),
            ("/.well-known/pki-validation/home/id/", ".well-known"),
            ("/.well-known/bank.htm", ".well-known"),
        ] {
            assert_eq!(page_in_site_internals(path), Some(dir), "{path}");
        }
        for ok in [
            "/wp-includes/js/jquery/jquery.min.js",
            "/wp-includes/ms-files.php",
            "/wp-content/themes/x/style.css",
            "/wp-content/plugins/x/download.php",
            "/wp-content/uploads/2024/05/a.html",
            "/.well-known/acme-challenge/Xk3dQ9",
            "/.well-known/pki-validation/ABC.txt",
            "/.well-known/openid-configuration",
        ] {
            assert_eq!(page_in_site_internals(ok), None, "{ok}");
        }
    }

    #[test]
    fn vowel_poor_labels() {
        for r in ["ykjsptgs", "bcycpcb", "whydxxw", "lzgqlxk"] {
            assert!(vowel_poor(r), "{r} should be vowel-poor");
        }
        for ok in [
            "cbsnews", "nordvpn", "smallpdf", "hdfcbank", "shinjuku", "xyz", "mhlw",
        ] {
            assert!(!vowel_poor(ok), "{ok} should not be vowel-poor");
        }
    }

    #[test]
    fn strongly_random_labels() {
        for r in ["xaaxpsrrwpqpjqdiuddhtgj", "ntjpzt", "tzdglc"] {
            assert!(strongly_random(r), "{r} should be strongly random");
        }
        for ok in [
            "d3c33hcgiwev3",
            "bd8d052c415a0c9fd14725d547ec6536",
            "ewslpvz",
            "stackoverflow",
        ] {
            assert!(!strongly_random(ok), "{ok} should not be strongly random");
        }
    }

    #[test]
    fn short_mash_labels() {
        assert!(short_mash("wgsxc") && short_mash("zwmdv"));
        for ok in ["gqnow", "wgsx", "wgsxcd", "wgs1c", "sqzkq1"] {
            assert!(!short_mash(ok), "{ok} should not be a short mash");
        }
    }

    #[test]
    fn tokens_split_hyphens_and_digits() {
        assert_eq!(tokens("au-pay-auoneo"), vec!["au", "pay", "auoneo"]);
        assert_eq!(tokens("amazonventure0"), vec!["amazonventure", "0"]);
        assert_eq!(tokens("a1b--22_x9-"), vec!["a", "1", "b", "22", "x", "9"]);
        assert_eq!(tokens("-é9z_"), vec!["é", "9", "z"]);
        assert!(tokens("").is_empty() && tokens("--").is_empty());
    }

    #[test]
    fn credential_word_tables_read_as_the_list() {
        for w in CREDENTIAL_WORDS {
            assert!(is_credential_word(w), "{w}");
            for t in [
                format!("{w}s"),
                format!("x{w}"),
                w.replacen(|_| true, "z", 1),
            ] {
                assert_eq!(
                    is_credential_word(&t),
                    CREDENTIAL_WORDS.contains(&t.as_str()),
                    "{t}"
                );
            }
        }
        for t in ["", "l", "logins", "authenticationx", "sign_in", "ログイン"] {
            assert_eq!(is_credential_word(t), CREDENTIAL_WORDS.contains(&t), "{t}");
        }
    }

    /// unconfuse as first written, a char at a time: the reference for the byte-wise one.
    fn unconfuse_by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let pair = match (c, chars.peek().copied()) {
                ('r', Some('n')) | ('r', Some('r')) | ('n', Some('n')) => Some('m'),
                ('v', Some('v')) => Some('w'),
                _ => None,
            };
            if let Some(m) = pair {
                chars.next();
                out.push(m);
                continue;
            }
            out.push(match c {
                '0' => 'o',
                '1' | 'i' | '!' | '|' => 'l',
                '3' => 'e',
                '5' => 's',
                '@' => 'a',
                _ => c,
            });
        }
        out
    }

    /// Every string of up to four characters over `alphabet` (the empty one included), sorted.
    fn strings_up_to_four(alphabet: &[&str]) -> Vec<String> {
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .filter(|w| w.chars().count() <= 4)
                .collect();
            words.extend(longer);
            words.sort();
            words.dedup();
        }
        words
    }

    #[test]
    fn unconfuse_reads_as_the_char_by_char_rules() {
        // Every string of up to four characters over those the rules look at and two others.
        let words = strings_up_to_four(&[
            "r", "n", "v", "m", "i", "0", "1", "!", "|", "3", "5", "@", "a", "é", "ｒ",
        ]);
        for s in &words {
            assert_eq!(unconfuse(s), unconfuse_by_chars(s), "{s}");
        }
        assert_eq!(unconfuse("rnercari"), "mercarl");
        assert_eq!(unconfuse("amaz0n-vvallet"), "amazon-wallet");
    }

    #[test]
    fn byte_count_bound_never_exceeds_the_distance() {
        // Half the edit distance is at least the count difference: over every pair of strings of
        // up to four bytes from a small alphabet (with a non-ASCII letter), for k = 1 and 2.
        let words = strings_up_to_four(&["a", "b", "z", "~", "0", "é"]);
        for a in &words {
            let ca = byte_counts(a);
            for b in &words {
                let cb = byte_counts(b);
                let l1: u16 = ca.iter().zip(cb).map(|(x, y)| (x - y).unsigned_abs()).sum();
                for k in 1..=2 {
                    if crate::brands::osa_capped(a, b, k) <= k {
                        assert!(l1 <= 2 * k as u16, "{a:?} {b:?} {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn short_affix_strips_as_str_strips() {
        for tok in ["", "my", "myjcom", "aeonjp", "jpjp", "émy", "myé", "m"] {
            for a in AFFIXES.iter().copied().chain(["", "é"]) {
                assert_eq!(strip_short_prefix(tok, a), tok.strip_prefix(a), "{tok} {a}");
                assert_eq!(strip_short_suffix(tok, a), tok.strip_suffix(a), "{tok} {a}");
            }
        }
    }

    #[test]
    fn split_byte_splits_as_str_split() {
        for s in [
            "",
            ".",
            "a",
            "a.b",
            ".a..b.",
            "www.example.co.jp",
            "é.ü-x",
            "//a/b/",
            "a_-b.c",
        ] {
            let want: Vec<&str> = s.split(['-', '_']).collect();
            assert_eq!(split_where(s, is_hyphen).collect::<Vec<_>>(), want, "{s:?}");
            let want: Vec<&str> = s.split(['.', '-']).collect();
            assert_eq!(
                split_where(s, is_dot_or_hyphen).collect::<Vec<_>>(),
                want,
                "{s:?}"
            );
            for sep in [b'.', b'-', b'/'] {
                let want: Vec<&str> = s.split(char::from(sep)).collect();
                assert_eq!(split_byte(s, sep).collect::<Vec<_>>(), want, "{s:?}");
                let last = s.rsplit(char::from(sep)).next().unwrap_or("");
                assert_eq!(last_piece(s, sep), last, "{s:?}");
            }
        }
    }

    #[test]
    fn alnum_runs_are_the_nonempty_pieces_of_the_char_split() {
        for s in [
            "",
            "/",
            "abc",
            "/login/Amazon-jp/",
            "a=1&b=22&&c",
            "é",
            "xé9ü/üy_z",
            "ログイン/smbc?x=ア1",
            "-a-",
        ] {
            let want: Vec<&str> = s
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| !t.is_empty())
                .collect();
            assert_eq!(alnum_runs(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn find_str_finds_what_str_find_finds() {
        for hay in [
            "",
            "/a/https://x",
            "xn--",
            "axn-xn--b",
            "//http:/http:/",
            "ééxn--é",
            "hhttp",
        ] {
            for needle in ["xn--", "/http", "http:/", "/https://", "h", "é"] {
                assert_eq!(
                    find_str(hay, needle),
                    hay.find(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
        assert_eq!(find_str("abc", ""), None);
    }

    #[test]
    fn homoglyphs_read_as_latin() {
        assert_eq!(read_as("аmаzоn"), "amazon");
        assert_eq!(read_as("amažoñ"), "amazon");
        assert_eq!(read_as("ȧpplė"), "apple");
        assert_eq!(read_as("raⱪutėn"), "ra*uten");
    }

    #[test]
    fn unconfuse_undoes_ascii_tricks() {
        assert_eq!(unconfuse("arnaz0n"), "amazon");
        assert_eq!(unconfuse("paypa1"), "paypal");
        assert_eq!(unconfuse("1cioud"), unconfuse("icloud"));
    }
}
