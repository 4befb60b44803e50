"""Tokenisation with clitic segmentation, preserving offsets into the original text.

A word is split as  conj? (prep | future)? article? STEM pronoun?  (clitics.tsv), but only where the
lexicon agrees: a clitic is stripped when what remains is a known stem (stems.txt, built by
scripts/build_stem_lexicon.py, plus names added with `add_known_stems`), and never when the whole word is
itself a known word (وزير is not و + زير, لبنان is not ل + بنان). A word the lexicon does not know keeps
only the safe splits: the article written with a bare alef, and a leading و/ف before a long remainder.

Segmentations are cached per surface form: news text repeats its words, so most tokens cost one lookup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from rasd.document import Token
from rasd.text.datafiles import DATA_DIR, data_lines, data_rows
from rasd.text.normalize import normalize_with_offsets

# A number keeps its decimal/thousands separators (3.5, ٣٫٥, 1,000) so that it is one token; a word is
# letters with their marks, so digits glued to a clitic (و150, بـ31) become a token of their own.
_WORD = re.compile(
    r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*"
    r"|(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])+",
    re.UNICODE,
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
TAA_MARBUTA = "ة"
MIN_STEM = 2            # a stem shorter than this is never left by a split
FALLBACK_CONJ_REST = 4  # an unknown word loses a leading و/ف only if this many letters remain


@dataclass(frozen=True)
class Clitics:
    conj: frozenset[str]
    prep: frozenset[str]
    future: dict[str, str]            # form -> letters the following verb may start with
    article: str
    pronouns: tuple[tuple[str, int], ...]   # (form, minimum stem length), longest form first
    restore: tuple[tuple[str, str], ...]    # (stem ending before a pronoun, ending to try instead)


def _load_clitics() -> Clitics:
    rows = data_rows("clitics.tsv")
    by_kind: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    return Clitics(
        conj=frozenset(r["form"] for r in by_kind["conj"]),
        prep=frozenset(r["form"] for r in by_kind["prep"]),
        future={r["form"]: r["extra"] for r in by_kind["future"]},
        article=by_kind["article"][0]["form"],
        pronouns=tuple(sorted(((r["form"], int(r["extra"])) for r in by_kind["pronoun"]),
                              key=lambda p: -len(p[0]))),
        restore=tuple((r["form"], r["extra"]) for r in by_kind["restore"]),
    )


CLITICS = _load_clitics()


def _load_stems() -> dict[str, float]:
    stems: dict[str, float] = {}
    if not (DATA_DIR / "stems.txt").exists():   # only while scripts/build_stem_lexicon.py builds it
        return stems
    for line in data_lines("stems.txt"):
        word, _, zipf = line.partition("\t")
        stems[word] = float(zipf or 0)
    return stems


# pure and asked for the same words again and again (word_frequency per token and per name test: ~6% of an
# article; issue 16); bounded, so memory stays flat over a long ingest (65,536 short strings, a few MB)
@lru_cache(maxsize=16_384)
def lexicon_key(word: str) -> str:
    """The lexicon's spelling of a word: matching-normalised, but a final taa marbuta stays «ة».

    The normaliser folds ة into ه, which would make شعبة (a branch) the same word as شعبه (his people).
    """
    norm, index = normalize_with_offsets(word)
    return _key(norm, "".join(word[i] for i in index))


def _key(norm: str, raw: str) -> str:
    return norm[:-1] + TAA_MARBUTA if raw[-1:] == TAA_MARBUTA else norm


def _load_whole_words() -> frozenset[str]:
    return frozenset(lexicon_key(w) for w in data_lines("whole_words.txt"))


STEMS: dict[str, float] = _load_stems()
WHOLE_WORDS: frozenset[str] = _load_whole_words()
_WHOLE_WORD_ZIPF = 7.0   # a lexicalised function word counts as a very frequent stem


@dataclass(frozen=True)
class Split:
    """One way to cut a normalised word: `prefix_len`/`suffix_len` are lengths in the normalised string."""
    prefixes: tuple[str, ...]
    prefix_len: int
    stem: str          # the stem's lexicon key (its ending restored when a pronoun followed it)
    suffix: str
    suffix_len: int

    @property
    def pieces(self) -> int:
        return len(self.prefixes) + (1 if self.suffix else 0)


def _prefix_chains(norm: str, raw: str) -> list[tuple[tuple[str, ...], int]]:
    """Every proclitic sequence the grammar allows at the start of `norm` (with its length in letters).

    `raw` holds the original letter behind each normalised one: the article must be written with a bare alef.
    """
    c = CLITICS
    chains: list[tuple[tuple[str, ...], int]] = [((), 0)]
    if norm[:1] in c.conj:
        chains.append(((norm[0],), 1))
    for pre, pos in list(chains):
        ch = norm[pos:pos + 1]
        if ch in c.prep:
            chains.append((pre + (ch,), pos + 1))
            if ch == "ل" and norm[pos + 1:pos + 2] == "ل":   # لل = ل + ال, the article's alef dropped
                chains.append((pre + (ch, c.article), pos + 2))
        elif ch in c.future and norm[pos + 1:pos + 2] in set(c.future[ch]):
            chains.append((pre + (ch,), pos + 1))
    for pre, pos in list(chains):
        if pre and (pre[-1] == c.article or pre[-1] in c.future):
            continue
        if norm.startswith(c.article, pos) and raw[pos:pos + 1] == "ا":
            chains.append((pre + (c.article,), pos + len(c.article)))
    return chains


def candidate_splits(norm: str, raw: str) -> Iterator[Split]:
    """All grammatical cuts of a word that leave a stem of at least MIN_STEM letters (the whole word included)."""
    for prefixes, plen in _prefix_chains(norm, raw):
        rest = norm[plen:]
        if len(rest) < MIN_STEM:
            continue
        yield Split(prefixes, plen, _key(rest, raw), "", 0)
        if prefixes and prefixes[-1] == CLITICS.article:
            continue   # a definite noun takes no pronoun
        for suffix, min_stem in CLITICS.pronouns:
            base = rest[: len(rest) - len(suffix)]
            if not rest.endswith(suffix) or len(base) < max(min_stem, MIN_STEM):
                continue
            if suffix == "ه" and raw[-1:] != "ه":   # ة is the feminine ending, not the pronoun
                continue
            yield Split(prefixes, plen, base, suffix, len(suffix))
            for ending, instead in CLITICS.restore:
                if base.endswith(ending):
                    yield Split(prefixes, plen, base[: len(base) - len(ending)] + instead, suffix, len(suffix))


def stem_zipf(stem: str) -> float | None:
    """How common a known stem is (Zipf scale), or None when the lexicon does not know it."""
    if stem in WHOLE_WORDS:
        return _WHOLE_WORD_ZIPF
    return STEMS.get(stem)


def _fallback(norm: str, raw: str) -> Split:
    """An unknown word: strip only the bare-alef article (and what precedes it) or a leading و/ف."""
    whole = Split((), 0, norm, "", 0)
    with_article = [(pre, plen) for pre, plen in _prefix_chains(norm, raw)
                    if pre and pre[-1] == CLITICS.article and len(norm) - plen >= MIN_STEM]
    if with_article:
        pre, plen = max(with_article, key=lambda c: c[1])
        return Split(pre, plen, _key(norm[plen:], raw), "", 0)
    if norm[:1] in CLITICS.conj and len(norm) - 1 >= FALLBACK_CONJ_REST:
        return Split((norm[0],), 1, _key(norm[1:], raw), "", 0)
    return whole


def best_split(norm: str, raw: str) -> Split:
    """The segmentation of one normalised word (see the module docstring for the rule)."""
    whole = Split((), 0, norm, "", 0)
    if not _ARABIC_LETTER.search(norm) or stem_zipf(_key(norm, raw)) is not None:
        return whole
    best: Split | None = None
    best_key: tuple[int, float] = (0, 0.0)
    for split in candidate_splits(norm, raw):
        if not split.pieces:
            continue
        zipf = stem_zipf(split.stem)
        if zipf is None:
            continue
        key = (-split.pieces, zipf)   # fewest clitics first: وبحسب is و + بحسب, not و + ب + حسب
        if best is None or key > best_key:
            best, best_key = split, key
    return best or _fallback(norm, raw)


@lru_cache(maxsize=32_768)
def segment(surface: str) -> tuple[str, tuple[str, ...], str, str, int, int]:
    """(norm, prefixes, stem, suffix, stem_start, stem_end) of a surface word; offsets are within `surface`."""
    norm, index = normalize_with_offsets(surface)
    if not norm:
        return norm, (), norm, "", 0, len(surface)
    raw = "".join(surface[i] for i in index)
    split = best_split(norm, raw)
    stem = split.stem.replace(TAA_MARBUTA, "ه")   # Token.stem is matching-normalised like Token.norm
    stem_start = index[split.prefix_len] if split.prefix_len < len(index) else len(surface)
    stem_end = index[len(norm) - split.suffix_len] if split.suffix_len else len(surface)
    return norm, split.prefixes, stem, split.suffix, stem_start, stem_end


def segmentation(word: str) -> str:
    """A readable segmentation «و+ال+إيرانية» -> 'و+ال+ايرانيه' (normalised pieces; pronoun after the stem)."""
    _norm, prefixes, stem, suffix, _s, _e = segment(word)
    return "+".join([*prefixes, stem, *([suffix] if suffix else [])])


def _new_token(start: int, end: int, text: str, norm: str, stem: str, stem_start: int, stem_end: int,
               prefixes: list[str], suffix: str, sentence: int = 0) -> Token:
    """A Token from already well-typed fields (one C call when compiled: `Token` is a compiled class,
    rasd/document_token.py; issue 16). tests/text/test_tokens.py checks that the result equals a Token made
    from its fields again."""
    return Token(start, end, text, norm, stem, stem_start, stem_end, prefixes, suffix, sentence)


def tokenize(text: str) -> list[Token]:
    """Words and numbers of `text` with their clitics split off; every offset points into `text`."""
    tokens: list[Token] = []
    append = tokens.append
    # one string per distinct word form, shared by its tokens (news repeats its words: ~80 bytes a token)
    forms: dict[str, str] = {}
    form = forms.setdefault
    # and one prefixes list per sequence of proclitics (a list each was ~5 MB of an 80k-word article): no stage
    # changes a token's prefixes in place (tests/text/test_tokens.py reads every module for such a change)
    prefix_lists: dict[tuple[str, ...], list[str]] = {}
    for m in _WORD.finditer(text):
        surface = m.group()
        surface = form(surface, surface)
        start, end = m.span()
        norm, prefixes, stem, suffix, s0, s1 = segment(surface)
        # (a stem that starts or ends where the word does shares the word's int: 28 bytes a token)
        shared = prefix_lists.get(prefixes)
        if shared is None:
            shared = prefix_lists[prefixes] = list(prefixes)
        append(_new_token(start, end, surface, norm, stem, start + s0 if s0 else start,
                          end if s1 == end - start else start + s1, shared, suffix))
    return tokens


def add_known_stems(words: Iterable[str], zipf: float = 4.0) -> None:
    """Teach the segmenter more stems, e.g. the knowledge base's actor and place names.

    Multi-word names are split into words; a word with a bare-alef article adds the word after it.
    """
    for name in words:
        for word in name.split():
            norm, index = normalize_with_offsets(word)
            raw = "".join(word[i] for i in index)
            norm = _key(norm, raw)
            if norm.startswith(CLITICS.article) and raw[:1] == "ا" and len(norm) - 2 >= MIN_STEM:
                norm = norm[2:]
            if len(norm) >= MIN_STEM and _ARABIC_LETTER.search(norm):
                STEMS[norm] = max(STEMS.get(norm, 0.0), zipf)
    segment.cache_clear()
