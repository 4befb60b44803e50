"""Build src/rasd/text/data/stems.txt, the lexicon of known stems that guides clitic segmentation.

Reproducible: `.venv/bin/pip install wordfreq==3.1.1 && .venv/bin/python scripts/build_stem_lexicon.py`.

Sources (all licences allow redistribution of a derived word list):
  - wordfreq 3.1.1 Arabic "large" list (data CC BY-SA 4.0): surface forms with Zipf frequencies;
  - AQMAR Arabic Wikipedia NER corpus (CC BY-SA 3.0) and the Wojood sample (MIT): tokens;
  - stopwords-iso Arabic (MIT): function words, kept whole unless they are و/ف + another function word;
  - place names: shared gazetteer countries.tsv and GeoNames cities (CC BY 4.0);
  - the KB's actor aliases and nisba/agent files under src/rasd/kb/data/actors/ when present (our own data).

A vocabulary word is a STEM unless it is a clitic compound: it carries a bare-alef article (الوزير), or it splits
into clitics + a known word that is not much rarer than the word itself (RATIO: وأضاف: أضاف is 3x rarer
and still a split; وزير: زير is 140x rarer, so وزير stays whole), unless the word takes the article itself
(الوطن makes وطن a noun, not و + طن). Names from the gazetteer and the KB are stems
whatever the frequencies say (unless they carry the article).
"""
from __future__ import annotations

import csv
import gzip
import math
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.text.normalize import normalize_with_offsets  # noqa: E402
from rasd.text.tokens import CLITICS, MIN_STEM, WHOLE_WORDS, _key, candidate_splits  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
OUT = REPO / "src" / "rasd" / "text" / "data" / "stems.txt"
TOP_N = 250_000          # wordfreq words read
MIN_ZIPF = 1.5           # rarer wordfreq words are mostly typos and run-ons
RATIO = 0.28             # a split wins when the rest is at least this frequent next to the word (Zipf -0.55)
NOUN_EVIDENCE = 0.05     # a word whose article form is this frequent next to it is a noun, kept whole
CORPUS_ZIPF = 2.0        # frequency credited to a corpus token wordfreq does not know
NAME_ZIPF = 3.5          # ... and to a place or actor name
MIN_CITY_POP = 15_000


def arabic_and_raw(word: str) -> tuple[str, str]:
    """(lexicon key, the original letter behind each of its letters)."""
    norm, index = normalize_with_offsets(word)
    raw = "".join(word[i] for i in index)
    return _key(norm, raw), raw


def is_arabic_word(norm: str) -> bool:
    return len(norm) >= MIN_STEM and all("\u0621" <= ch <= "\u064a" for ch in norm)


def single_word_names(names: list[str]) -> list[str]:
    """Only one-word names are forced stems: the words of longer GeoNames names include clitic forms."""
    return [n.strip() for n in names if n.strip() and " " not in n.strip()]


def wordfreq_words() -> dict[str, float]:
    from wordfreq import top_n_list, zipf_frequency
    return {w: zipf_frequency(w, "ar", wordlist="large") for w in top_n_list("ar", TOP_N, wordlist="large")}


def corpus_tokens() -> Counter[str]:
    counts: Counter[str] = Counter()
    files = [SHARED / "ner/aqmar/aqmar_28_articles.conll.gz",
             *sorted((SHARED / "ner/wojood_sample").glob("*.txt.gz"))]
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("-DOCSTART-"):
                    counts[line.split()[0]] += 1
    return counts


def stopwords() -> list[str]:
    path = SHARED / "lexicon/stopwords/stopwords-iso_ar.txt"   # MIT; NOT the GPL arabicstopwords files
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()]


def place_names() -> list[str]:
    names: list[str] = []
    with open(SHARED / "gazetteer/countries.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            names += [row["name_ar_cldr"], row["name_ar_isocodes"], row["official_name_ar_isocodes"]]
    with gzip.open(SHARED / "gazetteer/geonames/world_cities_pop15000.tsv.gz", "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            names += row["names_arabic_script"].split("|")
    with open(SHARED / "gazetteer/geonames/mena_places_pop500.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if int(row["population"] or 0) >= MIN_CITY_POP:
                names += row["names_arabic_script"].split("|")
    return [n for n in names if n]


def kb_names() -> list[str]:
    names: list[str] = []
    for path in sorted((REPO / "src/rasd/kb/data/actors").glob("*.tsv")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            for column, value in row.items():
                if column and value and column in ("aliases_ar", "masc", "fem", "plural"):
                    names += value.split("|")
    return names


def build() -> tuple[dict[str, float], set[str]]:
    """(stem -> Zipf frequency, function words kept whole)."""
    raws: dict[str, dict[str, float]] = {}   # normalised word -> {as written: frequency per billion}

    def add(word: str, zipf: float) -> None:
        norm, raw = arabic_and_raw(word)
        if is_arabic_word(norm):
            variants = raws.setdefault(norm, {})
            variants[raw] = variants.get(raw, 0.0) + 10 ** zipf

    for word, zipf in wordfreq_words().items():
        if zipf >= MIN_ZIPF:
            add(word, zipf)
    for word in corpus_tokens():
        if arabic_and_raw(word)[0] not in raws:
            add(word, CORPUS_ZIPF)
    names: set[str] = set()       # forced stems: one-word names (the words of longer ones are only vocabulary)
    all_names = place_names() + kb_names()
    for name in all_names:
        for word in name.split():
            if arabic_and_raw(word)[0] not in raws:
                add(word, NAME_ZIPF)
    names = {arabic_and_raw(n)[0] for n in single_word_names(all_names)}
    freq = {norm: sum(v.values()) for norm, v in raws.items()}
    protected = function_words(freq)

    # Pass 1: the article. A word is definite when its bare-alef spellings outweigh its hamza ones
    # (المانيا is mostly ألمانيا written carelessly, not ال + مانيا).
    compounds: set[str] = set()
    article_evidence: dict[str, float] = {}
    for norm, variants in raws.items():
        if norm in protected:
            continue
        definite = {}
        for raw, f in variants.items():
            for split in candidate_splits(norm, raw):
                if split.prefixes and split.prefixes[-1] == CLITICS.article:
                    definite[raw] = split.stem
        if sum(variants[r] for r in definite) > sum(f for r, f in variants.items() if r not in definite):
            compounds.add(norm)
            for raw, stem in definite.items():
                article_evidence[stem] = article_evidence.get(stem, 0.0) + variants[raw]

    # Pass 2: other clitics. Split when the rest is common enough next to the word, unless the word
    # itself takes the article (الوطن, البحر: then وطن, بحر are nouns, not و + طن, ب + حر).
    for norm, variants in raws.items():
        if norm in protected or norm in compounds or norm in names:
            continue
        if article_evidence.get(norm, 0.0) >= freq[norm] * NOUN_EVIDENCE:
            continue
        for raw in variants:
            for split in candidate_splits(norm, raw):
                rest = freq.get(split.stem, 0.0) + article_evidence.get(split.stem, 0.0)
                if split.pieces and rest >= RATIO * freq[norm]:
                    compounds.add(norm)
                    break

    stems: dict[str, float] = dict(article_evidence)
    for norm, f in freq.items():
        if norm not in compounds and norm not in protected:
            stems[norm] = stems.get(norm, 0.0) + f
    for norm in protected | compounds:
        stems.pop(norm, None)   # a compound's rare article form (الوفي) does not make وفي a stem
    return {w: round(math.log10(f), 2) for w, f in stems.items() if len(w) >= MIN_STEM}, protected


def function_words(freq: dict[str, float]) -> set[str]:
    """whole_words.txt plus stopwords-iso, less the stopwords that are clitic compounds of another word:
    وقال (و + قال), منها (من + ها), عليه (على + ه), لوكالة (ل + وكالة) are split; كما, لكن, بعد, لها stay whole."""
    stop = {arabic_and_raw(w)[0]: arabic_and_raw(w)[1] for w in stopwords()}
    stop = {n: r for n, r in stop.items() if is_arabic_word(n)}
    protected = set(WHOLE_WORDS)
    for norm, raw in stop.items():
        if norm in protected:
            continue
        compound = False
        for split in candidate_splits(norm, raw):
            if not split.pieces or len(split.stem) < MIN_STEM:
                continue
            if split.prefixes and split.prefixes[0] in CLITICS.conj and (split.stem in stop or split.stem in freq):
                compound = True
            if split.prefixes and split.prefixes[-1] == CLITICS.article and raw[:1] != "ا":
                compound = True    # لل: للامم is ل + ال + امم
            if split.prefixes and len(split.stem) >= 3 and split.stem in freq and split.stem not in stop:
                compound = True    # لوكالة, بسبب: a preposition before a content word
            if split.suffix and not split.prefixes and (split.stem in stop or split.stem in WHOLE_WORDS):
                compound = True
        if not compound:
            protected.add(norm)
    return protected


def write(stems: dict[str, float], protected_stopwords: list[str]) -> None:
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Known Arabic stems for clitic segmentation (rasd.text.tokens), matching-normalised.\n")
        fh.write("# Row: stem<TAB>Zipf frequency (log10 per billion words). Built by scripts/build_stem_lexicon.py\n")
        fh.write("# from wordfreq 3.1.1 (data CC BY-SA 4.0), AQMAR (CC BY-SA 3.0), Wojood sample (MIT),\n")
        fh.write("# stopwords-iso (MIT), GeoNames (CC BY 4.0) and rasd's KB names. This file: CC BY-SA 4.0.\n")
        fh.write("# The function words kept whole follow at the end with the marker zipf 7.0.\n")
        for word in sorted(stems):
            fh.write(f"{word}\t{stems[word]:.2f}\n")
        for word in sorted(set(protected_stopwords) - set(stems)):
            fh.write(f"{word}\t7.00\n")


def main() -> None:
    stems, protected = build()
    write(stems, sorted(protected))
    print(f"{len(stems)} stems + {len(protected)} function words -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
