"""Our statistical Arabic NER model: a linear-chain CRF (python-crfsuite) over our own tokens.

The model is trained by `scripts/train_ner.py` (`make model`) on licence-clean corpora only and the
weights are committed in `models/ner.crfsuite`, so running it needs no training data.

Features are computed from `rasd.text.tokens.tokenize` tokens both at training time (the corpora are
re-tokenised with our tokenizer and their BIO tags projected onto our tokens) and at run time, so the
model never sees a token shape it was not trained on. The main word feature is the clitic-free stem:
«وبدمشق» and «دمشق» share it.

Besides the word, its affixes and the KB matcher's reading, features describe what an unseen name looks like
and where it stands: a given name (data/given_names.txt), a speech verb (data/speech_verbs.tsv), a given name
or a country adjective next to the word, character trigrams and the share of long vowels (transliterated
foreign names), and cue words (data/ner_cues.tsv).

The model predicts three classes (PER, ORG, LOC: the corpora do not separate GPE from LOC/FAC); a LOC
span becomes GPE, LOC or FAC from the cue word in front of or heading it (data/ner_cues.tsv).
"""
from __future__ import annotations

import functools
import re
from collections import OrderedDict, defaultdict
from pathlib import Path

import numpy as np

from rasd.document import Token
from rasd.extract.crf_scores import CrfScores, by_sentence
from rasd.text.normalize import normalize_for_match
from rasd.text.tokens import lexicon_key, stem_zipf

MODEL_PATH = Path(__file__).parent / "models" / "ner.crfsuite"
CUES_PATH = Path(__file__).parent / "data" / "ner_cues.tsv"

LABELS = ("PER", "ORG", "LOC")
VOCAB_MIN_COUNT = 2       # stems seen fewer times in training are "rare" (what an unknown name looks like)
VOCAB_COMMON_COUNT = 20
CUE_KINDS = ("PER_TITLE", "NAME_PART", "GPE_CUE", "LOC_CUE", "FAC_CUE", "ORG_HEAD", "SPORT_CUE", "CLUB_WORD",
             "SPORT_WORD", "STATE_HEAD", "UNIT_HEAD")
STAGE_ONLY_KINDS = frozenset({"SPORT_WORD", "STATE_HEAD", "UNIT_HEAD"})   # read by the entities stage only, never a model feature
# Model class -> output EntityType; LOC is refined by cues in `_location_type`.
OUTPUT_TYPE = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
# Cue kind announcing a location span -> the EntityType it gets.
LOCATION_CUE_TYPE = {"GPE_CUE": "GPE", "LOC_CUE": "LOC", "FAC_CUE": "FAC"}

# Single-letter proclitics the tokenizer may leave on a stem (it only splits them before «ال»);
# stripped for the cue lookup and a back-off word feature, never for the stem itself.
_LIGHT_PROCLITICS = "وفبلك"


# ---------------------------------------------------------------- data

@functools.lru_cache(maxsize=1)
def load_cues(path: Path = CUES_PATH) -> dict[str, frozenset[str]]:
    """Normalised cue word -> the set of kinds it announces."""
    kinds: dict[str, set[str]] = defaultdict(set)
    header_seen = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        word, kind = line.split("\t")
        if kind not in CUE_KINDS:
            raise ValueError(f"{path}: unknown cue kind {kind!r} for {word!r}")
        kinds[normalize_for_match(word)].add(kind)
    return {w: frozenset(k) for w, k in kinds.items()}


def light_stem(stem: str) -> str:
    """The stem without one leftover single-letter proclitic («بمدينه» -> «مدينه»), if enough remains."""
    if len(stem) > 3 and stem[0] in _LIGHT_PROCLITICS:
        return stem[1:]
    return stem


def cue_kinds(tok: Token, cues: dict[str, frozenset[str]]) -> frozenset[str]:
    return cues.get(tok.stem) or cues.get(light_stem(tok.stem)) or frozenset()


def _feature_cues(tok: Token, cues: dict[str, frozenset[str]]) -> list[str]:
    """The cue kinds of a token that are model features (not the entities stage's own words)."""
    return sorted(cue_kinds(tok, cues) - STAGE_ONLY_KINDS)


# ---------------------------------------------------------------- optional KB feature

# The KB matches of the document being read, kept for the entities stage, which needs the same matches over
# the same tokens and text (matching twice cost ~7% of an article; issue 16). Neither caller changes them.
_LAST_MATCH: list = [None, None, -1, None, None]


def kb_matches(kb, tokens: list[Token], text: str) -> list:
    """`kb.matcher.match_tokens(tokens, text)`, computed once for the same KB, token list and text."""
    last = _LAST_MATCH
    if last[0] is kb and last[1] is tokens and last[2] == len(tokens) and (last[3] is text or last[3] == text):
        return last[4]
    matches = kb.matcher.match_tokens(tokens, text)
    _LAST_MATCH[:] = [kb, tokens, len(tokens), text, matches]
    return matches


def kb_token_tags(tokens: list[Token], text: str | None = None) -> list[str]:
    """`B-kind` / `I-kind` / "" per token from the knowledge-base matcher, or all "" without a KB.

    kind is actor_per, actor_org, title, agent, nisba or place_<feature class> («place_country»). The KB is
    optional: an absent module or build, or any matcher error, gives no KB feature. `text` is the text the
    token offsets point into; without it a stand-in with the tokens at their offsets is used (punctuation
    between words is then not seen).
    """
    tags = [""] * len(tokens)
    kb = _kb()
    if kb is None or not tokens:
        return tags
    try:
        matches = kb_matches(kb, tokens, text if text is not None else _stand_in_text(tokens))
        for m in matches:
            kind = _kb_kind(kb, m)
            tags[m.token_start] = "B-" + kind
            for i in range(m.token_start + 1, m.token_end):
                tags[i] = "I-" + kind
    except Exception:  # the KB is a helper feature; never let it break tagging
        return [""] * len(tokens)
    return tags


def _kb_kind(kb, match) -> str:
    if match.kind == "actor":
        return "actor_per" if match.ids and match.ids[0].startswith("per.") else "actor_org"
    if match.kind == "place":
        place = kb.gazetteer.place(match.ids[0]) if match.ids else None
        return "place_" + str(getattr(place, "feature", None) or "other")
    return str(match.kind)


def _stand_in_text(tokens: list[Token]) -> str:
    chars = [" "] * max(t.end for t in tokens)
    for t in tokens:
        chars[t.start:t.end] = t.text
    return "".join(chars)


@functools.lru_cache(maxsize=1)
def _kb():
    try:
        from rasd.kb import load_kb
        return load_kb()
    except Exception:
        return None


# ---------------------------------------------------------------- features

_ARABIC_BLOCK = re.compile("[\u0600-\u06ff]*")    # (an empty word too, as `all` of no characters)


def _shape(text: str) -> str:
    if text.isdigit():
        return "digit"
    if _ARABIC_BLOCK.fullmatch(text):
        return "arabic"
    if text.isascii() and text.isalpha():
        return "latin-upper" if text[:1].isupper() else "latin"
    return "mixed"


def frequency_class(stem: str, vocab: dict[str, int] | None) -> str:
    """How common a stem was in the training text: "rare" (seen at most once, like an unknown name), "mid", "common".

    At training time a stem seen once is "rare", so the model learns what an unseen word looks like.
    """
    if vocab is None:
        return "na"
    count = vocab.get(stem, 0)
    if count < VOCAB_MIN_COUNT:
        return "rare"
    return "common" if count >= VOCAB_COMMON_COUNT else "mid"


def _zipf_bucket(stem: str) -> str:
    """General-language frequency of the stem (the text layer's lexicon), bucketed: "unk" if unknown."""
    zipf = stem_zipf(stem)
    return "unk" if zipf is None else str(min(int(zipf), 6))


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "given_names.txt"
    return frozenset(normalize_for_match(l.strip().rstrip("*")) for l in path.read_text(encoding="utf-8").splitlines()
                     if l.strip() and not l.startswith("#"))


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Normalised forms of the speech verbs (data/speech_verbs.tsv: past and imperfect, masculine/feminine)."""
    path = Path(__file__).parent / "data" / "speech_verbs.tsv"
    rows = [l.split("\t") for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")][1:]
    forms = set()
    for r in rows:
        past, imperf = normalize_for_match(r[0]), normalize_for_match(r[1]) if len(r) > 1 else ""
        forms |= {past, past + "ت", past + "وا"}
        if imperf:
            forms |= {imperf, "ت" + imperf[1:]}
    return frozenset(f for f in forms if f)


_VOWELS = set("اوي")


def _shape_features(stem: str) -> list[str]:
    """What a transliterated foreign name looks like: character trigrams and the share of long vowels."""
    s = f"^{stem}$"
    feats = ["c3=" + s[i:i + 3] for i in range(len(s) - 2)]
    if len(stem) >= 4:
        ratio = sum(map(_VOWELS.__contains__, stem[1:])) / (len(stem) - 1)
        feats.append("vow=" + str(min(int(ratio * 5), 3)))
    return feats


_AFFIX_NAMES = (("p1=", "s1="), ("p2=", "s2="), ("p3=", "s3="), ("p4=", "s4="))


def _word_features(tok: Token, cues: dict[str, frozenset[str]], vocab: dict[str, int] | None,
                   cue_list: list[str] | None = None) -> list[str]:
    """Features of one token on its own (no context). `cue_list`: its `_feature_cues`, if the caller has them."""
    stem = tok.stem
    light = light_stem(stem)
    feats = [
        "freq=" + frequency_class(stem, vocab),
        "zipf=" + _zipf_bucket(stem),
        "stem=" + stem,
        "norm=" + tok.norm,
        "shape=" + _shape(tok.text),
        "len=" + str(min(len(stem), 8)),
        "pre=" + "+".join(tok.prefixes),
        "suf=" + tok.suffix,
        "al=" + str("ال" in tok.prefixes),
    ]
    if light != stem:
        feats.append("light=" + light)
    for n in range(1, min(len(stem), 5)):       # (each n from 1 to 4 that leaves a letter over)
        prefix, suffix = _AFFIX_NAMES[n - 1]
        feats.append(prefix + stem[:n])
        feats.append(suffix + stem[-n:])
    feats += ["cue=" + k for k in (_feature_cues(tok, cues) if cue_list is None else cue_list)]
    if stem in _given_names():
        feats.append("given")
    if not stem.isdigit():
        feats.extend(_shape_features(stem))
    return feats


def _context_features(tok: Token, cues: dict[str, frozenset[str]], vocab: dict[str, int] | None,
                      rel: int) -> list[str]:
    """Features of a neighbour at relative position `rel` (±1, ±2)."""
    feats = [f"{rel}:stem=" + tok.stem, f"{rel}:freq=" + frequency_class(tok.stem, vocab)]
    feats.extend(f"{rel}:cue=" + k for k in _feature_cues(tok, cues))
    if tok.stem in _speech_verbs():
        feats.append(f"{rel}:speech")
    if tok.stem in _given_names():
        feats.append(f"{rel}:given")
    if "ال" in tok.prefixes and len(tok.stem) >= 4 and tok.stem.endswith("ي"):
        feats.append(f"{rel}:nisba")
    if abs(rel) == 1:
        feats.append(f"{rel}:al=" + str("ال" in tok.prefixes))
        feats.append(f"{rel}:s2=" + tok.stem[-2:])
        feats.append(f"{rel}:shape=" + _shape(tok.text))
    return feats


def _lead_features(prev: Token, tok: Token, cues: dict[str, frozenset[str]],
                   vocab: dict[str, int] | None) -> list[str]:
    """What stands before a word, joined with how rare the word is: an unseen word right after a speech verb,
    a title or a nationality adjective with the article is a name far more often than one elsewhere."""
    lead = _lead_kinds(prev, cues)
    if not lead:
        return []
    rare = frequency_class(tok.stem, vocab) + "/" + _zipf_bucket(tok.stem) + "/al=" + str("ال" in tok.prefixes)
    return [f"lead={k}|{rare}" for k in lead]


def _lead_kinds(prev: Token, cues: dict[str, frozenset[str]]) -> list[str]:
    """What a word is to the word after it, for `_lead_features`: a speech verb, a title, a nisba."""
    lead = []
    if prev.stem in _speech_verbs():
        lead.append("speech")
    if "PER_TITLE" in cue_kinds(prev, cues):
        lead.append("title")
    if "ال" in prev.prefixes and len(prev.stem) >= 4 and prev.stem.endswith("ي"):
        lead.append("nisba")
    return lead


# least recently used out: on varied news (56k word forms in 600 articles) 80% of tokens hit 20,000 entries,
# against 73% when the cache was emptied whenever it was full
_FEATURE_CACHE: OrderedDict[tuple, tuple] = OrderedDict()   # five lists of str or of bytes, then lead kinds
_FEATURE_CACHE_SIZE = 20_000     # entries are five positions of feature lists: ~1 KB each (memory ceiling, issue 16)
_RELS = (-2, -1, 0, 1, 2)
_REL_NAMES = {rel: f"{rel}:" for rel in _RELS}


def _token_features(tok: Token, cues, vocab, known: frozenset[str] | None,
                    encode: bool = False, setting: tuple | None = None) -> tuple:
    """A token's features at each relative position, indexed rel + 2: its own (rel 0) and those it gives a
    neighbour (±1, ±2), then (index 5) its `_lead_kinds`; computed once per distinct word form (news text
    repeats its words, and feature extraction is most of the tagger's time). With `known` (the model's attributes), only those are kept:
    the tagger ignores any other, so its labels and marginals are the same (issue 16). With `encode`, as
    UTF-8 bytes, which the tagger would otherwise encode again at every use."""
    # (`setting`: the caller's `_setting(cues, vocab, known, encode)`, made once per sentence)
    key = (tok.text, tok.stem, tok.suffix, tuple(tok.prefixes), setting or _setting(cues, vocab, known, encode))
    feats = _FEATURE_CACHE.get(key)
    if feats is not None:
        _FEATURE_CACHE.move_to_end(key)
    else:
        if len(_FEATURE_CACHE) >= _FEATURE_CACHE_SIZE:
            _FEATURE_CACHE.popitem(last=False)
        feats = _features_at_each_position(tok, cues, vocab)
        if known is not None and encode:
            feats = tuple([f.encode() for f in fs if f in known] for fs in feats)
        elif known is not None:
            feats = tuple([f for f in fs if f in known] for fs in feats)
        elif encode:
            feats = tuple([f.encode() for f in fs] for fs in feats)
        feats = (*feats, tuple(_lead_kinds(tok, cues)))      # [5]: what the word is to the word after it
        _FEATURE_CACHE[key] = feats
    return feats


# Each word form's state-score vectors (`_token_score_row`) are a row of one array, so that a document's are
# gathered by one indexing (stacking ~900 small arrays an article cost ~0.3 ms); least recently used out, like
# `_FEATURE_CACHE`, the evicted word's row going to the new one. ~5.6 MB for 20,000 words of 5 x 7 floats.
_SCORE_CACHE: OrderedDict[tuple, tuple[int, tuple[str, ...]]] = OrderedDict()
_SCORE_BANK: list[np.ndarray] = [np.zeros((0, 5, 0))]
_SCORE_EVICTIONS = [0]      # rows given to another word so far
_SCORE_ROWS = [0]           # rows handed out so far


def _token_score_row(tok: Token, cues, vocab, crf, setting: tuple) -> tuple[int, tuple[str, ...]]:
    """The row of `_SCORE_BANK` holding a token's state-score vectors at each relative position (5 x labels,
    indexed rel + 2: the sums of the model's weights for `_features_at_each_position`), and its `_lead_kinds`;
    computed once per word form (`setting`: `_score_setting`)."""
    key = (tok.text, tok.stem, tok.suffix, tuple(tok.prefixes), setting)
    entry = _SCORE_CACHE.get(key)
    if entry is not None:
        _SCORE_CACHE.move_to_end(key)
        return entry
    n_labels = len(crf.labels)
    if _SCORE_BANK[0].shape[2] != n_labels:      # (another model's label set: start again)
        _SCORE_CACHE.clear()
        _SCORE_BANK[0] = np.zeros((1024, 5, n_labels))
        _SCORE_ROWS[0] = 0
    if len(_SCORE_CACHE) >= _FEATURE_CACHE_SIZE:
        _old, (row, _lead) = _SCORE_CACHE.popitem(last=False)
        _SCORE_EVICTIONS[0] += 1
    else:
        row = _SCORE_ROWS[0]
        _SCORE_ROWS[0] += 1
    bank = _SCORE_BANK[0]
    if row >= len(bank):
        grown = np.zeros((max(row + 1, min(2 * len(bank), _FEATURE_CACHE_SIZE)), 5, n_labels))
        grown[:len(bank)] = bank
        bank = _SCORE_BANK[0] = grown
    bank[row] = crf.position_scores(_features_at_each_position(tok, cues, vocab))
    entry = _SCORE_CACHE[key] = (row, tuple(_lead_kinds(tok, cues)))
    return entry


def _score_rows(tokens: list[Token], cues, vocab, crf, setting: tuple) -> list[tuple[int, tuple[str, ...]]]:
    """`_token_score_row` of each token, asked once per word form of the document: a word seen again (the same
    text, stem, enclitic and proclitics) takes the entry its first sight got (~half the tokens of an article;
    issue 16). Its row stays its own for the whole document: a document of fewer tokens than the cache
    holds has fewer distinct words, so none of its rows goes to another word before it ends (`document_states`
    reads them only then for longer ones)."""
    seen: dict[str, tuple] = {}
    out = []
    for t in tokens:
        hit = seen.get(t.text)
        if hit is not None and hit[0] == t.stem and hit[1] == t.suffix and hit[2] == t.prefixes:
            out.append(hit[3])
            continue
        entry = _token_score_row(t, cues, vocab, crf, setting)
        seen[t.text] = (t.stem, t.suffix, t.prefixes, entry)
        out.append(entry)
    return out


def _score_setting(cues, vocab, crf) -> tuple:
    return "scores", id(vocab), id(cues), id(crf)


def _setting(cues, vocab, known, encode: bool) -> tuple:
    """What a token's cached features depend on besides the word: the tables and the output form."""
    return id(vocab), id(cues), id(known), encode


def _features_at_each_position(tok: Token, cues, vocab) -> tuple[list[str], ...]:
    """`_word_features` at rel 0 and `_context_features` at ±1, ±2 (the same lists, in the same order), with
    what the four neighbour positions share — frequency class, cue kinds, word lists, shape — found once."""
    stem = tok.stem
    freq = frequency_class(stem, vocab)
    cue_list = _feature_cues(tok, cues)
    speech = stem in _speech_verbs()
    given = stem in _given_names()
    has_al = "ال" in tok.prefixes
    nisba = has_al and len(stem) >= 4 and stem.endswith("ي")
    near = ["al=" + str(has_al), "s2=" + stem[-2:], "shape=" + _shape(tok.text)]
    out = []
    for rel in _RELS:
        if rel == 0:
            out.append(_word_features(tok, cues, vocab, cue_list))
            continue
        r = _REL_NAMES[rel]
        feats = [r + "stem=" + stem, r + "freq=" + freq]
        if cue_list:
            feats += [r + "cue=" + k for k in cue_list]
        if speech:
            feats.append(r + "speech")
        if given:
            feats.append(r + "given")
        if nisba:
            feats.append(r + "nisba")
        if rel == 1 or rel == -1:
            feats += [r + f for f in near]
        out.append(feats)
    return tuple(out)


_EDGES = {rel: f"{rel}:edge" for rel in (-2, -1, 1, 2)}


def sentence_features(tokens: list[Token], kb_tags: list[str] | None = None,
                      vocab: dict[str, int] | None = None, known: frozenset[str] | None = None) -> list[list[str]]:
    """CRF feature strings for each token of one sentence.

    `kb_tags` (from `kb_token_tags`) and `vocab` (stem counts of the training text, the model's sidecar
    file) are optional: without them those features are simply absent / "na". `known`, when given, keeps
    only the features the model has weights for (tagging: the same labels and marginals, less work).
    """
    return _sentence_features(tokens, kb_tags, vocab, known, False)


def sentence_attributes(tokens: list[Token], kb_tags: list[str] | None, vocab: dict[str, int] | None,
                        known: frozenset[str]) -> list[list[bytes]]:
    """`sentence_features` with `known`, UTF-8 encoded: what the tagger is given. python-crfsuite takes bytes
    as they are and encodes each str again; the cached per-word features are kept encoded (issue 16)."""
    return _sentence_features(tokens, kb_tags, vocab, known, True)


def _sentence_features(tokens: list[Token], kb_tags: list[str] | None, vocab: dict[str, int] | None,
                       known: frozenset[str] | None, encode: bool) -> list[list]:
    cues = load_cues()
    setting = _setting(cues, vocab, known, encode)
    per = [_token_features(t, cues, vocab, known, encode, setting) for t in tokens]
    keep = (lambda f: True) if known is None else known.__contains__
    enc = str.encode if encode else str
    bias = [enc("bias")] if keep("bias") else []
    edge_m2, edge_m1, edge_p1, edge_p2 = ([enc(e)] if keep(e) else []
                                          for e in (_EDGES[-2], _EDGES[-1], _EDGES[1], _EDGES[2]))
    stems = [t.stem for t in tokens]
    out: list[list] = []
    n = len(tokens)
    # the same features in the same order as token by token with `_lead_features`, with the loop over the
    # neighbours unrolled and each word's lead kinds found once (the tagger's input: issue 16)
    lead = per[0][5] if n else ()
    for i in range(n):
        feats = bias + per[i][2]
        feats.extend(per[i - 2][0] if i >= 2 else edge_m2)
        feats.extend(per[i - 1][1] if i >= 1 else edge_m1)
        feats.extend(per[i + 1][3] if i + 1 < n else edge_p1)
        feats.extend(per[i + 2][4] if i + 2 < n else edge_p2)
        stem = stems[i]
        if i > 0:
            f = "-1|0=" + stems[i - 1] + "|" + stem
            if keep(f):
                feats.append(enc(f))
            if lead:                                   # (the previous word's)
                tok = tokens[i]
                rare = frequency_class(stem, vocab) + "/" + _zipf_bucket(stem) + "/al=" + str("ال" in tok.prefixes)
                feats.extend(enc(f) for f in (f"lead={k}|{rare}" for k in lead) if keep(f))
            lead = per[i][5]
        if i + 1 < n:
            f = "0|+1=" + stem + "|" + stems[i + 1]
            if keep(f):
                feats.append(enc(f))
        if kb_tags and kb_tags[i]:
            for f in ("kb=" + kb_tags[i], "kb_type=" + kb_tags[i][2:]):
                if keep(f):
                    feats.append(enc(f))
        out.append(feats)
    return out


def document_states(sentences: list[list[Token]], kb_tags: list[str] | None, model: NerModel) -> np.ndarray:
    """The CRF state scores of a document's tokens, an array (tokens, labels), sentence by sentence: the
    weights of `sentence_features` (with the model's attributes) summed per token — each word's cached vectors
    from itself and its neighbours in the sentence (or the sentence edge), then the features of word pairs,
    leads and the KB."""
    crf, vocab, edges = model.scores, model.vocab, model.edges
    cues = load_cues()
    setting = _score_setting(cues, vocab, crf)
    tokens = [t for sent in sentences for t in sent]
    per = _score_rows(tokens, cues, vocab, crf, setting)
    n = len(tokens)
    # (memory, issue 16: each token's five vectors are gathered from the table of word forms' vectors, one
    # relative position at a time, and added in the order `.sum(axis=1)` of the five stacked added them (the
    # token's own, then each neighbour's): the same sums without arrays of (tokens, 5, labels) — three of them
    # were 87 MB at once for an 80,000-word article)
    if n < _FEATURE_CACHE_SIZE:
        # (each word looked up is made the most recently used, so a row used earlier in the document goes to
        # another word only after as many other distinct words as the cache holds: not in fewer tokens)
        table = _SCORE_BANK[0]
        form = np.fromiter((p[0] for p in per), dtype=np.intp, count=n)
    else:       # (a word's row may have gone to a later word of the same document: computed again, the same sums,
        # once per word form of the document: per token, 18% of a 40k-word article; issue 16)
        rows_of: dict[tuple, int] = {}
        vectors: list[np.ndarray] = []
        form = np.empty(n, dtype=np.intp)
        for k, t in enumerate(tokens):
            key = (t.text, t.stem, t.suffix, tuple(t.prefixes))
            row = rows_of.get(key)
            if row is None:
                row = rows_of[key] = len(vectors)
                vectors.append(crf.position_scores(_features_at_each_position(t, cues, vocab)))
            form[k] = row
        table = np.stack(vectors)
    flat = table.reshape(-1, table.shape[2])       # (word forms x 5 positions, labels)
    sentence = np.repeat(np.arange(len(sentences)), [len(sent) for sent in sentences])
    padded_sentence = np.concatenate([[-1, -1], sentence, [-1, -1]])
    at = np.arange(n)
    states = flat[form * 5 + 2]
    for rel in (-2, -1, 1, 2):        # the neighbour's vector for this position, or the edge's
        inside = padded_sentence[at + 2 + rel] == sentence
        given = flat[form[np.clip(at + rel, 0, max(n - 1, 0))] * 5 + rel + 2]
        given[~inside] = edges[rel]
        states += given
    states += edges[0]
    at_rows: list[int] = []
    ids: list[int] = []
    base = 0
    for sent in sentences:
        _pair_features(sent, base, kb_tags, per, crf.index, vocab, at_rows, ids)
        base += len(sent)
    if ids:
        np.add.at(states, at_rows, crf.weights[ids])
    return states


def _pair_features(sent: list[Token], base: int, kb_tags: list[str] | None, per: list[tuple], index: dict[str, int],
                   vocab: dict[str, int] | None, at_rows: list[int], ids: list[int]) -> None:
    """The attribute ids (into `ids`, their token's document index into `at_rows`) of the features of one
    sentence that are not one word's own: the word pairs, what the previous word leads in, the KB tags.
    `base`: the sentence's first token in the document (and in `per` and `kb_tags`)."""
    # (the ids of a word pair's two features, and of what a lead kind says of a word, kept per pair and per
    # word rather than each feature string built and looked up at every token: ~1.7% of an article; issue 16.
    # The same ids, appended in the same order)
    pairs, leads = _pair_ids_of(index, vocab)
    stems = [t.stem for t in sent]
    n = len(sent)
    lead = per[base][1] if n else ()
    nxt_pair = None
    for i in range(n):
        stem = stems[i]
        g = base + i
        if i > 0:
            j = nxt_pair[0]     # type: ignore[index]   # (the pair of the word before and this one)
            if j is not None:
                at_rows.append(g)
                ids.append(j)
            if lead:                                   # (the previous word's)
                has_al = "ال" in sent[i].prefixes
                for k in lead:
                    key = (k, stem, has_al)
                    j = leads.get(key, _UNSEEN)
                    if j is _UNSEEN:
                        rare = frequency_class(stem, vocab) + "/" + _zipf_bucket(stem) + "/al=" + str(has_al)
                        j = leads[key] = index.get(f"lead={k}|{rare}")
                    if j is not None:
                        at_rows.append(g)
                        ids.append(j)
            lead = per[g][1]
        if i + 1 < n:
            key2 = (stem, stems[i + 1])
            nxt_pair = pairs.get(key2)
            if nxt_pair is None:
                pair = stem + "|" + stems[i + 1]
                nxt_pair = pairs[key2] = (index.get("-1|0=" + pair), index.get("0|+1=" + pair))
            j = nxt_pair[1]
            if j is not None:
                at_rows.append(g)
                ids.append(j)
        tag = kb_tags[g] if kb_tags else ""
        if tag:
            for f in ("kb=" + tag, "kb_type=" + tag[2:]):
                j = index.get(f)
                if j is not None:
                    at_rows.append(g)
                    ids.append(j)


_UNSEEN = object()
_PAIR_IDS: list = [None, None, {}, {}]     # (index, vocab, pair -> (ids), (lead kind, stem, article) -> id)
_PAIR_IDS_SIZE = 100_000                   # pairs kept at most (emptied when full: a memory ceiling)


def _pair_ids_of(index: dict[str, int], vocab: dict[str, int] | None) -> tuple[dict, dict]:
    """`_pair_features`' caches for this model's attribute index and vocabulary."""
    kept = _PAIR_IDS
    if kept[0] is not index or kept[1] is not vocab or len(kept[2]) > _PAIR_IDS_SIZE or len(kept[3]) > _PAIR_IDS_SIZE:
        kept[:] = [index, vocab, {}, {}]
    return kept[2], kept[3]


# ---------------------------------------------------------------- tagging

def vocab_path(model_path: Path) -> Path:
    """The sidecar file with the training text's stem counts: `ner.crfsuite` -> `ner.vocab.tsv`."""
    return model_path.with_suffix(".vocab.tsv")


def write_vocab(counts: dict[str, int], path: Path) -> None:
    rows = sorted((s, c) for s, c in counts.items() if c >= VOCAB_MIN_COUNT)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("# stem counts of the NER training text (stems seen at least twice); feature data of the model\n")
        fh.write("stem\tcount\n")
        fh.writelines(f"{s}\t{c}\n" for s, c in rows)


def read_vocab(path: Path) -> dict[str, int] | None:
    if not path.exists():
        return None
    vocab: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[2:]:
        stem, count = line.split("\t")
        vocab[stem] = int(count)
    return vocab


class NerModel:
    """A trained CRF plus the stem counts its features were computed with."""

    def __init__(self, path: Path):
        import pycrfsuite

        self.path = path
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.vocab = read_vocab(vocab_path(path))
        self._known: frozenset[str] | None = None
        self._scores: CrfScores | None = None
        self._edges: dict[int, np.ndarray] | None = None

    @property
    def scores(self) -> CrfScores:
        """The model's weights read from its file (`crf_scores`), for tagging a document at once."""
        if self._scores is None:
            self._scores = CrfScores(self.path)
        return self._scores

    @property
    def edges(self) -> dict[int, np.ndarray]:
        """The weights of the features every token has by position: bias (0) and the sentence edges (±1, ±2)."""
        if self._edges is None:
            crf = self.scores
            names = {0: "bias", **_EDGES}
            self._edges = {rel: crf.weights[crf.index.get(name, crf.zero)] for rel, name in names.items()}
        return self._edges

    @property
    def known(self) -> frozenset[str]:
        """The attributes the model has a weight for (read once from the model, ~0.1 s): features outside
        it change nothing, so tagging leaves them out."""
        if self._known is None:
            self._known = frozenset(attr for attr, _label in self.tagger.info().state_features)
        return self._known


@functools.lru_cache(maxsize=4)
def load_ner_model(path: str | Path | None = None) -> NerModel:
    """The NER model at `path` (default: the committed model), opened once per process."""
    model_path = Path(path) if path else MODEL_PATH
    if not model_path.exists():
        raise FileNotFoundError(f"NER model not found at {model_path}; run `make model`")
    return NerModel(model_path)


def group_by_sentence(tokens: list[Token]) -> list[list[Token]]:
    """Consecutive runs of tokens with the same `.sentence`, in order."""
    groups: list[list[Token]] = []
    for tok in tokens:
        if groups and groups[-1][-1].sentence == tok.sentence:
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return groups


def tag_sentence_labels(tokens: list[Token], model: NerModel | None = None, use_kb: bool = True,
                        kb_tags: list[str] | None = None, text: str | None = None) -> list[tuple[str, float]]:
    """(BIO label, marginal probability) per token of one sentence."""
    if not tokens:
        return []
    model = model or load_ner_model()
    if kb_tags is None and use_kb:
        kb_tags = kb_token_tags(tokens, text)
    crf = model.scores
    padded = document_states([tokens], kb_tags, model)[None]
    path_ids = crf.viterbi(padded, [len(tokens)])[0]
    probs = crf.marginals(padded, [len(tokens)])[0]
    return [(crf.labels[y], float(probs[i, y])) for i, y in enumerate(path_ids)]


def _tag(tokens: list[Token], model: NerModel, kb_tags: list[str] | None) -> list[str]:
    """The BIO labels of one sentence by python-crfsuite (what `crf_scores` decodes as, checked by a test);
    the model's tagger then holds the sentence, for `marginal`."""
    tagger = model.tagger
    tagger.set(sentence_attributes(tokens, kb_tags, model.vocab, model.known))
    return tagger.tag()


def labels_to_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token inclusive, class) for each BIO chunk; a stray I- starts a chunk."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, lab in enumerate(labels + ["O"]):
        tag, _, cls = lab.partition("-")
        continues = tag == "I" and cls == kind and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i - 1, kind))
            start, kind = -1, ""
        if tag in ("B", "I") and not continues:
            start, kind = i, cls
    return spans


# Classes whose names do not go on over a word carrying a proclitic: «محمود عباس وإسماعيل هنية» is two
# persons, «كفرزيتا بريف حماة» two places; organisation names do («وزارة الخارجية والمغتربين»).
SPLIT_AT_PROCLITIC = frozenset({"PER", "LOC"})


_MISREAD_STEM_ZIPF = 3.0


def misread_clitic(tok: Token) -> bool:
    """«باجيو», «بيولين», «وستولمان»: a word the segmenter read as a one-letter clitic (not «و», which may come
    before it) on a stem that is no word of its own (rare or unknown) — more likely one foreign name than a
    preposition on a word. The name then starts one character before the stem."""
    if tok.prefixes[-1:] not in (["ب"], ["ك"], ["ف"], ["س"]) or tok.prefixes[:-1] not in ([], ["و"]) \
            or tok.suffix or len(tok.stem) < 3:
        return False
    return (stem_zipf(tok.stem) or 0) < _MISREAD_STEM_ZIPF


_INNER_MISREAD_STEM_ZIPF = 4.5


def misread_inner_clitic(tok: Token) -> bool:
    """«جيمس بليك», «مارات سافين»: inside a person span the model reads on (I-PER), a word with one clitic
    letter (ب ك ف س, nothing before it) on a stem that is no frequent word is the name's next word whole, not
    a preposition on a word («بليك» is no ب + «ليك»); the caller asks that the word before be a first name
    (`_first_name_like`: not «الخميس بتيسير», «جنديين بجروح»)."""
    if tok.prefixes not in (["ب"], ["ك"], ["ف"], ["س"]) or tok.suffix or len(tok.stem) < 3:
        return False
    written = tok.text[tok.stem_start - tok.start:tok.stem_end - tok.start]    # the lexicon keeps «ة» («بخطورة»)
    return max(stem_zipf(tok.stem) or 0, stem_zipf(lexicon_key(written)) or 0) < _INNER_MISREAD_STEM_ZIPF


def _first_name_like(tok: Token) -> bool:
    """A bare word that is a given name («جيمس») or no known word (Zipf < 3: «مارات»)."""
    return not tok.prefixes and not tok.suffix and (tok.stem in _given_names() or (stem_zipf(tok.stem) or 0) < 3.0)


def split_at_proclitics(tokens: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut PER / LOC spans before each inner token that carries a proclitic other than the article (unless the
    proclitic is a misread first letter of a foreign name: «روبرتو باجيو»)."""
    out: list[tuple[int, int, str]] = []
    for first, last, cls in spans:
        start = first
        if cls in SPLIT_AT_PROCLITIC:
            for i in range(first + 1, last + 1):
                if any(p != "ال" for p in tokens[i].prefixes) \
                        and not (cls == "PER" and (misread_clitic(tokens[i]) or (misread_inner_clitic(tokens[i])
                                                                                and _first_name_like(tokens[i - 1])))):
                    out.append((start, i - 1, cls))
                    start = i
        out.append((start, last, cls))
    return out


def decode_spans(tokens: list[Token], labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, class) entity spans of one sentence from its predicted labels."""
    return split_at_proclitics(tokens, labels_to_spans(labels))


def join_person_halves(tokens: list[Token], spans: list[tuple[int, int, str]],
                       text: str) -> list[tuple[int, int, str]]:
    """«دييجو | مارادونا»: a one-word person span right after another, with only a space between them and no
    clitic or article on the second, is the same name (the model began it again: B-PER B-PER)."""
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if out and span[2] == "PER" and out[-1][2] == "PER" and span[0] == out[-1][1] + 1 \
                and out[-1][0] == out[-1][1] and not text[tokens[span[0] - 1].end:tokens[span[0]].start].strip() \
                and not tokens[span[0]].prefixes and not tokens[out[-1][0]].prefixes \
                and not tokens[span[0] - 1].suffix:
            out[-1] = (out[-1][0], span[1], "PER")
        else:
            out.append(span)
    return out


_SPLITTING_MARKS = frozenset("،,؛;:")     # list separators (not quotes: «متشددو " طالبان "» is left to the KB)


def split_at_punctuation(tokens: list[Token], spans: list[tuple[int, int, str]],
                         text: str) -> list[tuple[int, int, str]]:
    """End PER / LOC spans where a comma or a colon stands between two of their words: a
    list of names («ارازي ، العلمي ، الطاهري») or a name and its apposition («ريدموند ، البالغة») is no one name
    (the model sees words only). What follows the mark is left out: the model read it as the name's
    continuation, not as a name of its own («محمد بن عبد الله ، جاعلين»)."""
    out: list[tuple[int, int, str]] = []
    for first, last, cls in spans:
        end = last
        if cls in SPLIT_AT_PROCLITIC:
            end = next((i - 1 for i in range(first + 1, last + 1)
                        if any(c in _SPLITTING_MARKS for c in text[tokens[i - 1].end:tokens[i].start])), last)
        out.append((first, end, cls))
    return out


def _location_type(tokens: list[Token], first: int, last: int) -> str:
    """GPE / LOC / FAC for a location span, from the cue heading it or just before it; GPE by default."""
    cues = load_cues()
    candidates = [tokens[first]] + ([tokens[first - 1]] if first > 0 else [])
    for tok in candidates:
        kinds = cue_kinds(tok, cues)
        for kind, etype in LOCATION_CUE_TYPE.items():
            if kind in kinds:
                return etype
    return "GPE"


def tag_tokens(tokens: list[Token], path: str | Path | None = None, use_kb: bool = True,
               text: str | None = None) -> list[tuple[int, int, str, float]]:
    """Entity spans `(start_char, end_char, type, confidence)` found by the model, sentence by sentence.

    start_char is where the name begins in the first token: proclitics such as «و» «ب» are left out but
    the article stays («وبالأسد» -> «الأسد», as names are written); end_char is the stem end of the last
    token (an enclitic pronoun is left out); type is PERSON, ORG, GPE, LOC or FAC; confidence the lowest marginal
    probability of the span's labels. `text` (the document text) lets the KB feature see punctuation.
    """
    model = load_ner_model(path)
    if not tokens:
        return []
    kb_tags = kb_token_tags(tokens, text) if use_kb else [""] * len(tokens)
    sentences = group_by_sentence(tokens)
    crf = model.scores
    starts = [0]
    for sent in sentences[:-1]:
        starts.append(starts[-1] + len(sent))
    lengths = [len(sent) for sent in sentences]
    padded = by_sentence(document_states(sentences, kb_tags, model), starts, lengths)
    found = []
    for s, (sent, path_ids) in enumerate(zip(sentences, crf.viterbi(padded, lengths))):
        labels = [crf.labels[y] for y in path_ids]
        spans = decode_spans(sent, labels)
        if text is not None:
            spans = join_person_halves(sent, split_at_punctuation(sent, spans, text), text)
        if spans:
            found.append((s, sent, path_ids, spans))
    # (the marginals of the sentences with spans only: most have none)
    probs: np.ndarray | list = []
    if found:
        chosen = [s for s, *_ in found]
        width = max(lengths[s] for s in chosen)
        probs = crf.marginals(padded[chosen, :width], [lengths[s] for s in chosen])
    out: list[tuple[int, int, str, float]] = []
    for (_s, sent, path_ids, spans), prob in zip(found, probs):
        for first, last, cls in spans:
            etype = _location_type(sent, first, last) if cls == "LOC" else OUTPUT_TYPE[cls]
            conf = float(min(prob[j, path_ids[j]] for j in range(first, last + 1)))
            misread = cls == "PER" and misread_clitic(sent[first])
            start = sent[first].stem_start - 1 if misread else name_start(sent[first])
            out.append((start, sent[last].stem_end, etype, round(conf, 4)))
    return out


def name_start(tok: Token) -> int:
    """Where a name begins inside a token: after «و» «ب» «ل» ... but keeping «ال» («وبالأسد» -> «الأسد»)."""
    if "ال" in tok.prefixes and tok.prefixes[-1] == "ال":
        before = tok.stem_start - 2
        if before >= tok.start and normalize_for_match(tok.text[before - tok.start:tok.stem_start - tok.start]) == "ال":
            return before
    return tok.stem_start
