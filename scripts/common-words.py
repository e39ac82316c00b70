#!/usr/bin/env python3
"""Builds src/data/common_words.txt: everyday words that read like a protected brand's name.

A lookalike is a name a few keystrokes from a brand's (`amazom`, `mercar1`). Ordinary words are
often that close to a short brand name too: `nissan` / `nissay`, `mitsui` / `matsui`, `finance` /
`binance`, `looking` / `booking`, `kagawa` / `sagawa`. A site named for such a word is no
lookalike, and warning on it (nissan.co.jp, a Kagawa company, a finance blog) teaches people to
click through. This list names those words; the lookalike signals in src/signals.rs skip a
name that is one of them as written (a disguise such as `rnitsui` is no word and still counts).

Words: the 30,000 most frequent English words and the 15,000 most frequent Japanese words read in
Hepburn romaji (PyPI `wordfreq`, `pykakasi`; pinned below), four letters or more. Kept: those
within the engine's lookalike reach of a brand target (src/data/brands.tsv: each official
domain's label and each brand word of five letters or more, read as `unconfuse` reads them) that
are not a target themselves nor a spelling typosquats use (see `squat_of`). A word a letter
longer or shorter than a brand's name is excused only as a whole registered name, unless it is
the name less its affix or a form of an English word (see `reach`). Reach is the
optimal-string-alignment distance the engine allows (1 edit up to 8 letters, 2 above).
Shuffles need no entry: `scrambled` only reads names that spell no language. Also kept, as
`holds`: words that hold a brand word by chance (`monitoring` / nitori), which the brand-word
search then reads as themselves.
No phishing data is used.

Also writes tests/data/everyday-names.txt: the next, rarer words (English ranks 30,000-80,000,
Japanese 15,000-40,000), which the list was not built from, minus the brands' own; `linkguard
eval` reads them as names of ordinary sites (https://www.W.co.jp/, https://www.W-net.jp/,
https://www.W.com/, https://W.example.jp/) to measure false warnings on names never looked at.

Usage: scripts/common-words.py   (needs the pinned packages: pip install wordfreq==3.1.1
pykakasi==2.3.0 rapidfuzz==3.14.6 publicsuffixlist; review the diff)
"""
import os, re, sys

from wordfreq import top_n_list
import pykakasi
from rapidfuzz.distance import OSA
from publicsuffixlist import PublicSuffixList

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "data", "common_words.txt")
NAMES = os.path.join(ROOT, "tests", "data", "everyday-names.txt")


def unconfuse(s):
    """src/brand_data.rs `unconfuse_into`: `rn`/`rr`/`nn` as m, `vv` as w, digits and i as letters."""
    out, i = [], 0
    while i < len(s):
        c, n = s[i], s[i + 1] if i + 1 < len(s) else ""
        if (c == "r" and n in ("n", "r")) or (c == "n" and n == "n"):
            out.append("m"); i += 2; continue
        if c == "v" and n == "v":
            out.append("w"); i += 2; continue
        out.append({"0": "o", "1": "l", "i": "l", "!": "l", "|": "l", "3": "e", "5": "s", "@": "a"}.get(c, c))
        i += 1
    return "".join(out)


def brand_rows():
    """The columns of each row of src/data/brands.tsv."""
    for line in open(os.path.join(ROOT, "src", "data", "brands.tsv"), encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            yield line.rstrip("\n").split("\t")


def targets():
    psl = PublicSuffixList(only_icann=False)
    found = set()
    for cols in brand_rows():
        for dom in cols[4].split():
            if dom.startswith("~"):
                continue  # a brand's hosting platform is no lookalike target (brand_data::derive)
            sfx = psl.publicsuffix(dom) or ""
            label = dom[: len(dom) - len(sfx) - 1].rsplit(".", 1)[-1]
            if len(label) >= 3:
                found.add(label)
        for w in cols[5].split():
            w = w.rstrip("*")
            if len(w) >= 5:
                found.add(w)
    return {unconfuse(t): t for t in found if t.isascii()}


def words(en=(0, 30000), ja=(0, 15000)):
    """English words and Japanese words in romaji of four letters or more, by frequency rank."""
    seen = {}
    for w in top_n_list("en", en[1])[en[0]:]:
        if w.isascii() and w.isalpha() and len(w) >= 4:
            seen.setdefault(w.lower(), "en")
    kks = pykakasi.kakasi()
    for w in top_n_list("ja", ja[1])[ja[0]:]:
        r = re.sub(r"[^a-z]", "", "".join(x["hepburn"] for x in kks.convert(w)).lower())
        if len(r) >= 4:
            seen.setdefault(r, "ja")
    return seen


def respelled(s):
    """A spelling with the variations typosquats play on folded away: doubled letters, `c` for
    `k`, long vowels (`ou`, `oo`, `uu`)."""
    s = s.replace("c", "k").replace("ou", "o")
    return re.sub(r"(.)\1+", r"\1", s)


def squat_of(u, t):
    """Is `u` a spelling of `t` that typosquats use even when it is a word? Two neighbours
    swapped (`applied` / `appleid`), a letter doubled or undoubled (`goggle`, `yahhoo`), a
    romaji respelling (`dokomo`, `nintendou`)."""
    swap = len(u) == len(t) and any(
        u[:i] + u[i + 1] + u[i] + u[i + 2 :] == t for i in range(len(u) - 1)
    )
    return swap or respelled(u) == respelled(t)


def reach(w, ts):
    """None when `w` is out of the engine's edit reach of every target or a squatted spelling of
    one; "name" when some target is a letter longer or shorter (`matsuri` / `matsui`, `rakuen` /
    `rakuten`, `hana` / `ana`: excused only as a whole registered name, while as a subdomain or
    a token the same word is how kits spell the brand); else "anywhere" (letters replaced in
    place: `nissan` / `nissay`, `finance` / `binance`; see below for cut names and forms of
    English words)."""
    u = unconfuse(w)
    kind = None
    for t in ts:
        k = 1 if min(len(t), len(u)) <= 8 else 2
        if abs(len(t) - len(u)) <= k and OSA.distance(u, t, score_cutoff=k) <= k:
            if squat_of(u, t):
                return None
            # The brand's name less its own affix (`server` / `xserver`, `mobile` / `ymobile`), or
            # a form of a name that is itself an English word (`groups` / `group`, `forums` /
            # `forms`): an ordinary word in any place.
            cut = len(u) < len(t) and (t.endswith(u) or t.startswith(u))
            if len(u) != len(t) and not cut and ts[t] not in ENGLISH:
                kind = "name"
            elif kind is None:
                kind = "anywhere"
    return kind


ENGLISH = set(w for w in top_n_list("en", 30000) if w.isascii() and w.isalpha())


def brand_words():
    return {w.rstrip("*") for cols in brand_rows() for w in cols[5].split()}


def main():
    ts = targets()
    plain = set(ts.values()) | set(ts)
    everyday = words()
    kept = sorted((w, k) for w in everyday if w not in plain for k in [reach(w, ts)] if k)
    # Words that hold a brand word by chance (`monitoring` holds nitori, `pineapple` apple):
    # not the brand word with an ending (`apples`, `youtuber`, romaji `nintendou`), which stays.
    endings = ("s", "d", "r", "ed", "er", "es", "ers", "rs", "u", "ou")
    known = dict(kept)
    bws = {b for b in brand_words() if len(b) >= 5 and b.isascii()}
    for w in everyday:
        held = [b for b in bws if b in w and b != w]
        if held and w not in plain and all(not (w.startswith(b) and w[len(b):] in endings) for b in held):
            assert w not in known, f"{w}: both near a brand and holding one"
            kept.append((w, "holds"))
    kept.sort()
    # Rarer words, not used for the list, brands' own words left out: a benign set for
    # `linkguard eval` that measures how the list generalises.
    rarer = words(en=(30000, 80000), ja=(15000, 40000))
    names = sorted(set(rarer) - set(everyday) - plain - brand_words())
    with open(NAMES, "w", encoding="utf-8") as f:
        f.write("# English words ranked 30,000-80,000 and Japanese words (romaji) ranked 15,000-40,000 by\n")
        f.write("# wordfreq, none of them used for src/data/common_words.txt, brands' own words left out:\n")
        f.write("# names of ordinary sites for `linkguard eval`. Generated by scripts/common-words.py.\n")
        f.write("".join(w + "\n" for w in names))
    print(f"{len(names)} words -> {os.path.relpath(NAMES, ROOT)}", file=sys.stderr)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Everyday words that read like a protected brand's name: no lookalike as written.\n")
        f.write("# `name`: only as a whole registered name; `holds`: holds a brand word by chance, no\n")
        f.write("# lookalike excuse. Generated by scripts/common-words.py\n")
        f.write("# (wordfreq 3.1.1, pykakasi 2.3.0); do not edit.\n")
        for w, k in kept:
            f.write(w + ("" if k == "anywhere" else "\t" + k) + "\n")
    print(f"{len(kept)} words -> {os.path.relpath(OUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
