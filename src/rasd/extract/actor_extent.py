"""An event actor read as one word gets the genitive or the «من» group that completes its name.

A one-word actor such as «شرطة» or «حكومة» is not the name the text gives: a noun in construct is followed by its
genitive («شرطة العريش», «حكومة المقاطعة»), which a time word is not («شرطة الخميس»), and a partitive head
by «من» and the group it is part of («عناصر من شرطة البلدية»). A definite word after a
definite head, a sound plural or a name is left alone: it may be an adjective or the verb's object («الجنود
السيارة», «مجهولون المهندس»). The actor's text and span cover the phrase; its identity (KB id, canonical, English
name, ACLED codes) stays as it was found. Lexicon: data/actor_extent.tsv.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rasd.document import Actor, Document, Token


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    text = resources.files("rasd.extract").joinpath("data/actor_extent.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {word: role for word, role in rows[1:]}


def _definite(tok: Token) -> bool:
    """A bare definite word («الاحتلال»), not one behind a conjunction or preposition («والجيش», «بالمدينة»)."""
    return tok.prefixes == ["ال"] and _roles().get(tok.norm) != "stop"


def _phrase_end(doc: Document, first: int) -> int:
    """The index after the last token of the phrase headed by token `first`: «من» and the group after a
    partitive head, or one definite genitive after an indefinite noun in construct, not what follows it."""
    toks, k = doc.tokens, first + 1

    def joined(i: int) -> bool:     # token i follows token i-1 in its sentence with only a space between
        return (i < len(toks) and toks[i].sentence == toks[first].sentence
                and not doc.text[toks[i - 1].end:toks[i].start].strip())
    if _roles().get(toks[first].norm) == "partitive" and joined(k) and toks[k].norm == "من" and joined(k + 1):
        group = k + 1       # «عناصر من شرطة البلدية»: the members and the group they are from
        if not toks[group].prefixes and joined(group + 1) and _definite(toks[group + 1]):
            return group + 2
        return group + 1 if _definite(toks[group]) else k
    if joined(k) and _takes_genitive(toks[first]) and not _named(doc, toks[first]) and _definite(toks[k]):
        return k + 1
    return k


def _named(doc: Document, tok: Token) -> bool:
    """A word inside a name the entities stage found («مصر», «داعش»): a name takes no genitive."""
    return any(e.span.start < tok.end and tok.start < e.span.end for e in doc.entities)


def _takes_genitive(tok: Token) -> bool:
    """An indefinite noun that can stand in construct: not definite («الجنود السيارة»: an object follows), not a
    sound plural or dual, which drop their «ن» in construct («مجهولون المهندس»), not a nisba adjective."""
    return not tok.prefixes and not tok.norm.endswith(_NO_CONSTRUCT_ENDINGS)


_NO_CONSTRUCT_ENDINGS = ("ون", "ين", "ان", "يه", "ي")


def _one_word_index(doc: Document, actor: Actor) -> int | None:
    span = actor.span
    if span is None or actor.text != span.text:
        return None
    inside = [i for i, t in enumerate(doc.tokens) if t.start < span.end and span.start < t.end]
    return inside[0] if len(inside) == 1 else None


def run_on_actors(doc: Document) -> None:
    """Each event's one-word actor1 gets its genitive or «من» group (`_phrase_end`) in its text and span."""
    done: set[int] = set()
    for event in doc.events:
        actor = event.actor1
        if actor is None or id(actor) in done:
            continue
        done.add(id(actor))
        first = _one_word_index(doc, actor)
        if first is None:
            continue
        end = _phrase_end(doc, first)
        if end > first + 1:
            start = actor.span.start if actor.span is not None else doc.tokens[first].start
            actor.span = doc.span(start, doc.tokens[end - 1].end)
            actor.text = actor.span.text
