#!/usr/bin/env python3
"""Builds src/data/trigrams.bin: letter-trigram log-probabilities of ordinary names.

A label such as `ewslpvz` or `lwiivuhgtf` is unlikely under a model of how English words,
Japanese romaji and Chinese pinyin are spelled; `shinjuku`, `qingdaolife` or `stackoverflow`
are likely. The signal `random_label` uses this table (src/signals.rs).

Corpus: the GCIDE English word list from the PyPI package `english-words` (pinned below),
romaji and pinyin syllables generated here, and the brand words of src/data/brands.tsv.
No phishing data is used. Output: 27*27*27 bytes, index (a*27+b)*27+c with 0 = word boundary
and 1..26 = a..z; each byte is round(-8 * log2 p(c | a b)) capped at 255.

Usage: scripts/train-gibberish.py   (needs network access to PyPI; review the diff)
"""
import itertools, math, os, pickle, subprocess, sys, tempfile, zipfile, random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PKG = "english-words==2.0.2"

def english_words():
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", d, PKG], check=True)
        whl = next(f for f in os.listdir(d) if f.endswith(".whl"))
        with zipfile.ZipFile(os.path.join(d, whl)) as z:
            return pickle.loads(z.read("english_words/data/gcide_alpha_lower.pickle"))

def romaji():
    vowels = "aiueo"
    cons = ["", "k", "s", "t", "n", "h", "m", "y", "r", "w", "g", "z", "d", "b", "p", "ky", "sh", "ch", "ny", "hy",
            "my", "ry", "gy", "j", "by", "py", "ts", "f"]
    syl = [c + v for c in cons for v in vowels] + ["n"]
    rnd = random.Random(7)
    words = []
    for _ in range(60000):
        words.append("".join(rnd.choice(syl) for _ in range(rnd.randint(2, 5))))
    return words

def pinyin():
    initials = ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"]
    finals = ["a", "o", "e", "i", "u", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "ia", "ie", "iao", "iu", "ian", "in",
              "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng", "er"]
    syl = [i + f for i in initials for f in finals]
    rnd = random.Random(11)
    return ["".join(rnd.choice(syl) for _ in range(rnd.randint(2, 4))) for _ in range(30000)]

def brand_words():
    out = []
    for line in open(os.path.join(ROOT, "src/data/brands.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 6:
            out += [w.replace("-", "") for w in cols[5].split()]
    return out

def main():
    words = [w for w in english_words() if w.isalpha() and w.isascii()]
    corpus = words + romaji() + pinyin() + brand_words() * 5
    counts = [0] * (27 ** 3)
    ctx = [0] * (27 ** 2)
    for w in corpus:
        s = [0, 0] + [ord(c) - 96 for c in w.lower() if "a" <= c <= "z"] + [0]
        for a, b, c in zip(s, s[1:], s[2:]):
            counts[(a * 27 + b) * 27 + c] += 1
            ctx[a * 27 + b] += 1
    out = bytearray(27 ** 3)
    k = 0.1
    for a, b, c in itertools.product(range(27), repeat=3):
        p = (counts[(a * 27 + b) * 27 + c] + k) / (ctx[a * 27 + b] + k * 27)
        out[(a * 27 + b) * 27 + c] = min(255, round(-8 * math.log2(p)))
    path = os.path.join(ROOT, "src/data/trigrams.bin")
    with open(path, "wb") as f:
        f.write(out)
    print(f"wrote {path}: {len(corpus)} words, {len(out)} bytes")

if __name__ == "__main__":
    main()
