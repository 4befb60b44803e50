"""NER corpora for training and evaluating the CRF in `ner_model`: readers, tag mapping, scoring.

Used by `scripts/train_ner.py` and `bench/ner_eval.py` only (nothing here runs in the pipeline). The corpora
live outside the repo (../shared/data/ner, see each SOURCE.txt); this module only reads them.

Each corpus comes pre-tokenised, one "word TAG..." a line. A corpus sentence is re-joined with spaces and
re-tokenised with our tokenizer; our tokens never cross a space, so each lies in one corpus word and takes
that word's tag (the second and later tokens of a word continue its entity with I-). Gold spans stay on the
corpus words, so scores are exact-span, entity-level scores on the corpus's own tokenisation, comparable with
published figures.
"""
from __future__ import annotations

import gzip
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import rasd.extract
from rasd.document import Token
from rasd.text.tokens import tokenize

EXTRACT_DATA = Path(rasd.extract.__file__).parent / "data"   # the lexicons this training code reads

# Corpus tag type -> our model class; anything else (MISC, AQMAR MIS0-3, Wojood NORP/OCC/DATE/...) -> O.
TYPE_MAP = {
    "PER": "PER", "PERS": "PER",
    "ORG": "ORG",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
}
_TAG = re.compile(r"^([BI])-+([A-Za-z]+)$")

# AQMAR articles held out for evaluation (never trained on): every fifth article of the sorted list,
# starting at the third, so that each domain (science, computing, history, sport) is represented.
AQMAR_HELD_OUT_EVERY, AQMAR_HELD_OUT_OFFSET = 5, 2


@dataclass
class CorpusSentence:
    words: list[str]
    tags: list[str]                 # BIO over PER/ORG/LOC, one per word
    doc: str = ""
    _tokens: list[Token] | None = field(default=None, repr=False)
    _word_of: list[int] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def tokens(self) -> list[Token]:
        """Our tokens for the sentence text (computed once)."""
        if self._tokens is None:
            self._tokens = tokenize(self.text)
            self._word_of = _word_index(self.words, self._tokens)
        return self._tokens

    def word_of(self) -> list[int]:
        """For each of our tokens, the index of the corpus word it lies in."""
        self.tokens()
        assert self._word_of is not None
        return self._word_of

    def token_labels(self) -> list[str]:
        """The corpus tags projected onto our tokens, repaired to valid BIO, settlement cues cut off."""
        labels: list[str] = []
        prev_word = -1
        for w in self.word_of():
            tag = self.tags[w]
            if tag != "O" and w == prev_word:
                tag = "I-" + tag[2:]
            labels.append(tag)
            prev_word = w
        return cut_settlement_cues(self.tokens(), repair_bio(labels))

    def gold_spans(self) -> set[tuple[int, int, str]]:
        """(first word, last word, class) of each gold entity."""
        return set(bio_spans(self.tags))


def _word_index(words: list[str], tokens: list[Token]) -> list[int]:
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    out, w = [], 0
    for tok in tokens:
        while w + 1 < len(starts) and starts[w + 1] <= tok.start:
            w += 1
        out.append(w)
    return out


def cut_settlement_cues(tokens: list[Token], labels: list[str]) -> list[str]:
    """«قرية كفرزيتا» tagged as one location becomes «قرية» O + «كفرزيتا» LOC.

    Corpora disagree (Wojood and AQMAR often include the cue, ANERcorp does not); we follow ANERcorp and
    the gazetteer, whose names have no cue word.
    """
    from rasd.extract.ner_model import cue_kinds, load_cues

    cues = load_cues()
    out = list(labels)
    for i, lab in enumerate(labels):
        if lab == "B-LOC" and i + 1 < len(labels) and labels[i + 1] == "I-LOC" \
                and "GPE_CUE" in cue_kinds(tokens[i], cues):
            out[i], out[i + 1] = "O", "B-LOC"
    return out


def repair_bio(labels: list[str]) -> list[str]:
    """An I-X not preceded by B-X/I-X becomes B-X (the usual conlleval reading)."""
    out: list[str] = []
    for lab in labels:
        if lab.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != lab[2:]):
            lab = "B-" + lab[2:]
        out.append(lab)
    return out


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last inclusive, class) chunks of a BIO sequence, after `repair_bio`."""
    spans: list[tuple[int, int, str]] = []
    start, cls = -1, ""
    for i, tag in enumerate(repair_bio(tags) + ["O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == cls):
            spans.append((start, i - 1, cls))
            start = -1
        if tag.startswith("B-"):
            start, cls = i, tag[2:]
    return spans


def map_tag(tag: str) -> str:
    """A raw corpus tag -> B-/I- PER|ORG|LOC or O (noisy tags such as «I--ORG» are read leniently)."""
    m = _TAG.match(tag.strip())
    if not m:
        return "O"
    cls = TYPE_MAP.get(m.group(2).upper())
    return f"{m.group(1)}-{cls}" if cls else "O"


def flatten_nested(columns: list[list[str]]) -> list[str]:
    """Flat BIO from Wojood's nested columns: the outermost span of a kept type wins at each word.

    An outer span of a dropped type (OCC «سكرتير اللجنة ... في نابلس») lets its kept inner spans through.
    """
    n = len(columns)
    depth = max((len(c) for c in columns), default=0)
    spans: list[tuple[int, int, str, int]] = []
    for level in range(depth):
        raw = [c[level] if level < len(c) else "O" for c in columns]
        for first, last, _ in bio_spans(raw):
            cls = map_tag("B-" + raw[first].split("-", 1)[-1])
            if cls != "O":
                spans.append((first, last, cls[2:], level))
    flat = ["O"] * n
    for first, last, cls, _ in sorted(spans, key=lambda s: (s[3], s[0])):
        if any(flat[i] != "O" for i in range(first, last + 1)):
            continue
        flat[first] = "B-" + cls
        for i in range(first + 1, last + 1):
            flat[i] = "I-" + cls
    return flat


# ---------------------------------------------------------------- readers

def _read_blocks(path: Path) -> list[tuple[str, list[list[str]]]]:
    """(document name, rows of columns) per sentence; "-DOCSTART- name" lines set the document."""
    opener = gzip.open if path.suffix == ".gz" else open
    blocks: list[tuple[str, list[list[str]]]] = []
    doc, rows = "", []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.split()
            if cols and cols[0] == "-DOCSTART-":
                doc = cols[1] if len(cols) > 1 else ""
                continue
            if not cols:
                if rows:
                    blocks.append((doc, rows))
                rows = []
                continue
            rows.append(cols)
    if rows:
        blocks.append((doc, rows))
    return blocks


def read_flat(path: Path) -> list[CorpusSentence]:
    """ANERcorp / AQMAR: "word TAG" (a third column of annotator notes, if any, is ignored)."""
    return [CorpusSentence(words=[r[0] for r in rows], tags=repair_bio([map_tag(r[1]) if len(r) > 1 else "O"
                                                                        for r in rows]), doc=doc)
            for doc, rows in _read_blocks(path)]


def read_nested(path: Path) -> list[CorpusSentence]:
    """Wojood: "word TAG [TAG ...]" with nested spans, flattened by `flatten_nested`."""
    return [CorpusSentence(words=[r[0] for r in rows], tags=flatten_nested([r[1:] for r in rows]), doc=doc)
            for doc, rows in _read_blocks(path)]


def load_aqmar(root: Path, held_out: bool) -> list[CorpusSentence]:
    """AQMAR sentences of the training articles (held_out=False) or of the held-out articles."""
    sents = read_flat(root / "aqmar" / "aqmar_28_articles.conll.gz")
    docs = sorted({s.doc for s in sents})
    out_docs = {d for i, d in enumerate(docs) if i % AQMAR_HELD_OUT_EVERY == AQMAR_HELD_OUT_OFFSET}
    return [s for s in sents if (s.doc in out_docs) == held_out]


def aqmar_held_out_articles(root: Path) -> list[str]:
    return sorted({s.doc for s in load_aqmar(root, held_out=True)})


def load_wojood(root: Path, split: str) -> list[CorpusSentence]:
    return read_nested(root / "wojood_sample" / f"wojood_sample_{split}.txt.gz")


def load_anercorp(root: Path, split: str, version: str = "original") -> list[CorpusSentence]:
    return read_flat(root / "anercorp" / f"ANERcorp_{split}_{version}.txt.gz")


# ---------------------------------------------------------------- scoring

def token_spans_to_words(sent: CorpusSentence, spans: list[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    word_of = sent.word_of()
    return {(word_of[a], word_of[b], cls) for a, b, cls in spans}


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]) -> None:
        for s in gold & pred:
            self.tp[s[2]] += 1
        for s in pred - gold:
            self.fp[s[2]] += 1
        for s in gold - pred:
            self.fn[s[2]] += 1

    def prf(self, cls: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 for one class, or micro-averaged over all when `cls` is None."""
        pick = (lambda c: sum(c.values())) if cls is None else (lambda c: c[cls])
        tp, fp, fn = pick(self.tp), pick(self.fp), pick(self.fn)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(sents: list[CorpusSentence], predict) -> Scores:
    """Entity-level exact-span scores; `predict(tokens)` returns (first token, last token, class) spans."""
    sc = Scores()
    for s in sents:
        pred = token_spans_to_words(s, predict(s.tokens(), s.text)) if s.tokens() else set()
        sc.add(s.gold_spans(), pred)
    return sc


# ---------------------------------------------------------------- dictionary baseline

class Gazetteer:
    """Dictionary-only baseline: names seen as entities in training data, matched longest-first on stems.

    A name is kept only if most of its occurrences in the training text are tagged as that entity, so
    that common words that were once part of a name do not flood the output.
    """

    MAX_LEN = 6

    def __init__(self, sents: list[CorpusSentence], min_ratio: float = 0.5):
        as_entity: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for s in sents:
            toks = s.tokens()
            for a, b, cls in bio_spans(s.token_labels()):
                if b - a < self.MAX_LEN:
                    as_entity[_key(toks[a:b + 1])][cls] += 1
        seen: Counter = Counter()
        for s in sents:
            toks = s.tokens()
            for a in range(len(toks)):
                for n in range(1, self.MAX_LEN + 1):
                    key = _key(toks[a:a + n])
                    if len(key) == n and key in as_entity:
                        seen[key] += 1
        self.names: dict[tuple[str, ...], str] = {}
        for key, classes in as_entity.items():
            cls, count = classes.most_common(1)[0]
            if count / max(seen[key], 1) >= min_ratio:
                self.names[key] = cls

    def __call__(self, tokens: list[Token], text: str | None = None) -> list[tuple[int, int, str]]:
        spans, i = [], 0
        while i < len(tokens):
            for n in range(min(self.MAX_LEN, len(tokens) - i), 0, -1):
                cls = self.names.get(_key(tokens[i:i + n]))
                if cls:
                    spans.append((i, i + n - 1, cls))
                    i += n
                    break
            else:
                i += 1
        return spans


def kb_predictor():
    """Dictionary baseline from the KB matcher: known actors (PER/ORG) and gazetteer places other than villages."""
    from rasd.extract.ner_model import kb_token_tags

    classes = {"actor_per": "PER", "actor_org": "ORG"}

    def predict(tokens: list[Token], text: str | None = None) -> list[tuple[int, int, str]]:
        tags = kb_token_tags(tokens, text)
        spans = []
        for first, last, kind in bio_spans(tags_or_o(tags)):
            cls = classes.get(kind) or ("LOC" if kind.startswith("place_") and kind != "place_village" else None)
            if cls:
                spans.append((first, last, cls))
        return spans
    return predict


def tags_or_o(tags: list[str]) -> list[str]:
    return [t or "O" for t in tags]


def _key(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(t.stem for t in tokens)


# ---------------------------------------------------------------- benchmark

def crf_predictor(path: Path, use_kb: bool = True):
    """`predict(tokens)` for `score` from a CRF model file."""
    from rasd.extract.ner_model import decode_spans, load_ner_model, tag_sentence_labels

    model = load_ner_model(str(path))

    def predict(tokens: list[Token], text: str | None = None) -> list[tuple[int, int, str]]:
        return decode_spans(tokens, [lab for lab, _ in tag_sentence_labels(tokens, model, use_kb, text=text)])
    return predict


def shipped_training_data(root: Path) -> list[CorpusSentence]:
    """Licence-clean training data of the shipped model: AQMAR (minus held-out articles) + Wojood train/val."""
    return load_aqmar(root, held_out=False) + load_wojood(root, "train") + load_wojood(root, "val")


def research_training_data(root: Path) -> list[CorpusSentence]:
    """ANERcorp train split (research use only)."""
    return load_anercorp(root, "train")


def test_sets(root: Path) -> dict[str, list[CorpusSentence]]:
    return {
        "ANERcorp test": load_anercorp(root, "test"),
        "AQMAR held-out": load_aqmar(root, held_out=True),
        "Wojood-sample test": load_wojood(root, "test"),
    }


def benchmark(root: Path, shipped: Path, research: Path | None = None) -> list[dict]:
    """Rows of {system, test set, class, P, R, F1, gold count} for every system on every test set."""
    systems = {
        "CRF shipped (AQMAR+Wojood)": crf_predictor(shipped),
        "dictionary (AQMAR+Wojood names)": Gazetteer(shipped_training_data(root)),
        "KB matcher only": kb_predictor(),
    }
    if research is not None and research.exists():
        systems["CRF research (ANERcorp train)"] = crf_predictor(research)
        systems["dictionary (ANERcorp train names)"] = Gazetteer(research_training_data(root))
    rows = []
    for set_name, sents in test_sets(root).items():
        for sys_name, predict in systems.items():
            sc = score(sents, predict)
            for cls in ("PER", "ORG", "LOC", None):
                p, r, f = sc.prf(cls)
                gold = (sc.tp[cls] + sc.fn[cls]) if cls else sum((sc.tp + sc.fn).values())
                rows.append({"test": set_name, "system": sys_name, "class": cls or "micro",
                             "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "gold": gold})
    return rows


def format_table(rows: list[dict]) -> str:
    """A Markdown table: one line per (test set, system), F1 per class and micro P/R/F1."""
    by_key: dict[tuple[str, str], dict[str, dict]] = defaultdict(dict)
    for r in rows:
        by_key[(r["test"], r["system"])][r["class"]] = r
    lines = ["| test set | system | PER F1 | ORG F1 | LOC F1 | micro P | micro R | micro F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for (test, system), c in by_key.items():
        m = c["micro"]
        lines.append(f"| {test} | {system} | {c['PER']['F1']:.3f} | {c['ORG']['F1']:.3f} | {c['LOC']['F1']:.3f} "
                     f"| {m['P']:.3f} | {m['R']:.3f} | {m['F1']:.3f} |")
    return "\n".join(lines)


# ---------------------------------------------------------------- synthetic training sentences

TEMPLATES_PATH = EXTRACT_DATA / "ner_templates.tsv"
_SLOT = re.compile(r"^(و|ب|ل)?\{(PER|SUR|TITLE|ORG|LOC|CITY|TEAM)\}$")
_SLOT_CLASS = {"PER": "PER", "SUR": "PER", "ORG": "ORG", "LOC": "LOC", "CITY": "LOC", "TEAM": "ORG"}
# share of {PER} slots filled with a foreign (non-Arab) person's full name; 0.5 was tried and lowered the dev
# set's places and events (the model's place confidences moved) for +0.001 on ANERcorp, so it is off
FOREIGN_SHARE = 0.0
_ARAB_COUNTRIES = frozenset("SY IQ LB JO PS SA AE QA KW BH OM YE EG LY TN DZ MA MR SD SO DJ KM".split())


def load_templates(path: Path = TEMPLATES_PATH) -> list[str]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    if lines[:1] != ["template"]:
        raise ValueError(f"{path}:1: header must be 'template'")
    for n, t in enumerate(lines[1:], start=2):
        for w in t.split():
            if "{" in w and not _SLOT.match(w):
                raise ValueError(f"{path}: template {n}: bad slot {w!r}")
    return lines[1:]


def _slot_pools(kb) -> dict[str, list[str]]:
    """Names for each slot from our own KB (actors, titles, gazetteer countries and big cities)."""
    persons = [a for a in kb.actors.actors.values() if a.type == "PERSON" and a.aliases_ar]
    orgs = [a for a in kb.actors.actors.values() if a.type == "ORG" and a.aliases_ar]
    from rasd.text.tokens import stem_zipf
    foreign = sorted({a.aliases_ar[0].split()[-1] for a in persons
                      if a.country not in _ARAB_COUNTRIES and len(a.aliases_ar[0].split()) > 1
                      and len(a.aliases_ar[0].split()[-1]) >= 4
                      and (stem_zipf(a.aliases_ar[0].split()[-1]) or 0) < 3.5})
    con = kb.gazetteer._con
    countries = [r[0] for r in con.execute("SELECT name_ar FROM places WHERE feature = 'country' AND name_ar != ''"
                                           " ORDER BY id")]
    cities = [r[0] for r in con.execute("SELECT name_ar FROM places WHERE feature = 'city' AND name_ar != '' AND "
                                        "population >= 300000 ORDER BY id")]
    titles = sorted(_title_words())
    foreign_full = sorted({a.aliases_ar[0] for a in persons if a.country not in _ARAB_COUNTRIES
                           and len(a.aliases_ar[0].split()) > 1})
    clean = lambda names: sorted(n for n in set(names) if all(w.isalpha() for w in n.split()))  # noqa: E731
    return {k: clean(v) for k, v in {
        "PER": sorted({a.aliases_ar[0] for a in persons}),
        "SUR": foreign,
        "FPER": foreign_full,
        "TITLE": titles,
        "ORG": sorted({al for a in orgs for al in a.aliases_ar[:2] if len(al.split()) <= 5}),
        "LOC": sorted(set(countries)),
        "CITY": sorted(set(cities)),
        "TEAM": sorted(set(cities)),
    }.items()}


def _title_words() -> set[str]:
    path = EXTRACT_DATA / "person_titles.txt"
    return {l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")}


def synthetic_sentences(kb, n: int = 2000, seed: int = 17) -> list[CorpusSentence]:
    """`n` sentences from the templates with slots filled at random (fixed seed: reproducible)."""
    import random

    rng = random.Random(seed)
    pools = _slot_pools(kb)
    templates = load_templates()
    out = []
    for k in range(n):
        words: list[str] = []
        tags: list[str] = []
        for w in templates[k % len(templates)].split():
            m = _SLOT.match(w)
            if not m:
                words.append(w)
                tags.append("O")
                continue
            clitic, slot = m.group(1) or "", m.group(2)
            foreign = slot == "PER" and FOREIGN_SHARE > 0 and rng.random() < FOREIGN_SHARE
            pool = pools["FPER"] if foreign else pools[slot]
            name = rng.choice(pool).split()
            if clitic == "ل" and name[0].startswith("ال"):
                name[0] = "ل" + name[0][1:]
            else:
                name[0] = clitic + name[0]
            words.extend(name)
            cls = _SLOT_CLASS.get(slot)
            tags.extend(["O"] * len(name) if cls is None else [f"B-{cls}"] + [f"I-{cls}"] * (len(name) - 1))
        out.append(CorpusSentence(words=words, tags=tags, doc=f"synthetic-{k}"))
    return out
