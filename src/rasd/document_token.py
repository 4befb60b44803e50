"""`Token`, the Document's most numerous object, as a plain class that mypyc compiles (issue 16).

A token is read ~160,000 times an 870-word article (`tok.stem`, `tok.start`, `tok.prefixes` ...), almost all
from the compiled extraction modules. As a pydantic model every such read was CPython's generic attribute
lookup (the type's attribute cache, then the instance's key table); as a class compiled by mypyc it is a
field of a C struct that compiled callers read directly, and a token is made by one C call instead of pydantic
assignments. It keeps what callers used of the model: keyword construction with the same defaults, equality
field by field, `model_dump()` / `model_validate()`, a pydantic-style repr; `rasd.document.Document.tokens`
gives pydantic a validator and serializer for it. It is never exported (the output record holds no tokens).

Listed in rasd/_native.py's COMPILED; with RASD_NO_MYPYC=1 (or a stale build) it is this same class as Python.
Stdlib only, and nothing from rasd: rasd.document imports it.
"""
from __future__ import annotations

from typing import Any

FIELDS: tuple[str, ...] = ("start", "end", "text", "norm", "stem", "stem_start", "stem_end", "prefixes", "suffix",
                           "sentence")


class Token:
    """A word with its clitics split off: `stem` is the bare word, offsets cover the whole surface form."""
    start: int
    end: int
    text: str
    norm: str                      # matching normalisation of the whole surface form
    stem: str                      # normalised stem without proclitics / article / enclitic
    stem_start: int                # where the stem begins in the original text
    stem_end: int
    prefixes: list[str]            # e.g. ["و", "ب", "ال"]
    suffix: str                    # enclitic pronoun, e.g. "ها"
    sentence: int                  # index into Document.sentences

    def __init__(self, start: int, end: int, text: str, norm: str, stem: str, stem_start: int, stem_end: int,
                 prefixes: list[str] | None = None, suffix: str = "", sentence: int = 0) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm
        self.stem = stem
        self.stem_start = stem_start
        self.stem_end = stem_end
        self.prefixes = [] if prefixes is None else prefixes
        self.suffix = suffix
        self.sentence = sentence

    def model_dump(self) -> dict[str, Any]:
        """The fields as a dict, as pydantic's `model_dump()` gave them (the prefix list copied)."""
        return {"start": self.start, "end": self.end, "text": self.text, "norm": self.norm, "stem": self.stem,
                "stem_start": self.stem_start, "stem_end": self.stem_end, "prefixes": list(self.prefixes),
                "suffix": self.suffix, "sentence": self.sentence}

    @classmethod
    def model_validate(cls, data: Any) -> Token:
        """A Token from another Token (itself) or from a dict of its fields (`model_dump()`'s)."""
        if isinstance(data, Token):
            return data
        if not isinstance(data, dict):
            raise TypeError(f"a Token is made from a dict of its fields, not {type(data).__name__}")
        unknown = set(data) - set(FIELDS)
        if unknown:
            raise TypeError(f"not Token fields: {', '.join(sorted(unknown))}")
        prefixes = data.get("prefixes")
        return Token(int(data["start"]), int(data["end"]), str(data["text"]), str(data["norm"]),
                     str(data["stem"]), int(data["stem_start"]), int(data["stem_end"]),
                     None if prefixes is None else [str(p) for p in prefixes], str(data.get("suffix", "")),
                     int(data.get("sentence", 0)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return self.start == other.start and self.end == other.end and self.text == other.text \
            and self.norm == other.norm and self.stem == other.stem and self.stem_start == other.stem_start \
            and self.stem_end == other.stem_end and self.prefixes == other.prefixes \
            and self.suffix == other.suffix and self.sentence == other.sentence

    def __repr__(self) -> str:
        return "Token(" + ", ".join(f"{name}={value!r}" for name, value in self.model_dump().items()) + ")"
