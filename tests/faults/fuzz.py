"""A generator of mixed, partly hostile input files, and the ids of the good articles hidden among them.

`generate(root, files, seed)` writes `files` files (JSONL, .txt, .html, RSS, binary, unsupported) under
`root` (some in sub-directories) and returns the set of article ids that a correct reader must store: every
good article exactly once, whatever bad lines, bytes or files surround it. Each good article's text is
unique (its serial number is in it), so no two are the same article to the store.

Bad content covers the defects of issue 18: deep nesting, lone surrogates in text and id, ids and outlets
over the limits, malformed and truncated JSON, non-UTF-8 and binary bytes, huge integers, wrong types,
non-Arabic text, empty text, forged terminal lines (newlines and ANSI escapes in ids and feed guids).
Good content is stressed too: NUL characters (removed, the article kept), CRLF line ends, a byte-order
mark, emoji, tatweel, diacritics, bidi marks and escape characters inside the text.

Used by tests/faults/test_fuzz.py (a few dozen files) and bench/fuzz.py (1,000 files).
"""
from __future__ import annotations

import json
import random
from pathlib import Path

BASE = [
    "قتل خمسة مدنيين في غارة جوية استهدفت سوقا شعبيا في مدينة إدلب صباح الجمعة، بحسب الدفاع المدني السوري.",
    "تظاهر مئات اللبنانيين أمام مقر الحكومة في بيروت احتجاجا على تدهور الأوضاع المعيشية.",
    "اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور سراقب شرقي إدلب.",
    "أعلن وزير الخارجية الأردني أن بلاده ستستضيف اجتماعا لبحث عودة اللاجئين السوريين.",
    "اعتقلت قوات الأمن العراقية عشرين متظاهرا في بغداد بعد مواجهات قرب ساحة التحرير.",
    "قصفت طائرات إسرائيلية منزلا في مدينة غزة فجر السبت ما أدى إلى مقتل ثلاثة أشخاص.",
]
ODD_BUT_VALID = ["😀", "\u0640\u0640", "\u064b\u064e", "\u200f", "\u200d", "\x1b[31m", "\t", "ABC", "«»", "\u00a0"]


class Fuzzer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.serial = 0
        self.expected: set[str] = set()

    # ---- good articles ---------------------------------------------------------------------------------

    def text(self) -> str:
        self.serial += 1
        words = self.rng.choice(BASE).split()
        for _ in range(self.rng.randint(0, 3)):
            words.insert(self.rng.randrange(len(words) + 1), self.rng.choice(ODD_BUT_VALID))
        return " ".join(words) + f"\nوأضاف المصدر في البيان رقم {self.serial} أن التحقيقات مستمرة."

    def good_object(self) -> dict:
        article_id = f"good-{self.serial + 1}"
        obj: dict = {"id": article_id, "text": self.text()}
        roll = self.rng.random()
        if roll < 0.15:                                   # NUL characters are removed, the article kept
            obj["text"] = obj["text"].replace(" ", " \x00", 1)
        elif roll < 0.25:                                 # a forged terminal line in the id: kept, escaped
            obj["id"] = article_id = f"{article_id}\nrasd: 0 skipped \x1b[2K"
        if self.rng.random() < 0.7:
            obj["published"] = self.rng.choice(["2024-03-01", "2025-01-31T10:00:00Z", None])
        if self.rng.random() < 0.5:
            obj["outlet"] = self.rng.choice(["عنب بلدي", "الجزيرة", "Annahar", "x" * 300])
        if self.rng.random() < 0.3:
            obj["url"] = f"https://example.org/{self.serial}"
        if self.rng.random() < 0.2:
            obj["author"] = "مراسل"
        if self.rng.random() < 0.2:
            obj["unknown_field"] = [1, 2, {"a": None}]
        self.expected.add(article_id)
        return obj

    # ---- bad lines -------------------------------------------------------------------------------------

    def bad_line(self) -> bytes:
        kind = self.rng.randrange(16)
        text = BASE[0]
        if kind == 0:
            return b"[" * self.rng.choice([3000, 20000]) + b"]" * 10
        if kind == 1:
            return b'{"id": "s-%d", "text": "%s \\ud800"}' % (self.rng.randrange(10**6), text.encode())
        if kind == 2:
            return b'{"id": "\\udfff-%d", "text": "%s"}' % (self.rng.randrange(10**6), text.encode())
        if kind == 3:
            return json.dumps({"id": "L" * 501, "text": text}, ensure_ascii=False).encode()
        if kind == 4:
            return json.dumps({"id": "o", "text": text, "outlet": "و" * 301}, ensure_ascii=False).encode()
        if kind == 5:
            return json.dumps({"id": "a", "text": text, "author": "x" * 400}, ensure_ascii=False).encode()
        if kind == 6:
            return b'{"id": "broken", "text": "' + text.encode()[:40]
        if kind == 7:
            return bytes(self.rng.randrange(256) for _ in range(self.rng.randint(1, 300))).replace(b"\n", b"")
        if kind == 8:
            return b'{"id": 1, "text": "%s", "n": %s}' % (text.encode(), b"9" * 5000)
        if kind == 9:
            return json.dumps({"id": ["x"], "text": text}).encode()
        if kind == 10:
            return json.dumps({"id": "en", "text": "An English article that rasd cannot read at all."}).encode()
        if kind == 11:
            return json.dumps({"id": "empty", "text": " \x00 "}).encode()
        if kind == 12:
            return json.dumps({"id": "d", "text": text, "published": "2024-02-30"}).encode()
        if kind == 13:
            return b'"just a string"'
        if kind == 14:
            return json.dumps({"id": "\x1b[2K\rrasd: 999 article(s) written\n", "text": "short"}).encode()
        return b"\xff\xfe\x00{" + text.encode("utf-16-le")

    # ---- files -------------------------------------------------------------------------------------------

    def jsonl(self) -> bytes:
        lines = []
        for _ in range(self.rng.randint(1, 6)):
            lines.append(json.dumps(self.good_object(), ensure_ascii=self.rng.random() < 0.3).encode()
                         if self.rng.random() < 0.5 else self.bad_line())
            if self.rng.random() < 0.1:
                lines.append(b"   ")
        body = (b"\r\n" if self.rng.random() < 0.2 else b"\n").join(lines)
        if self.rng.random() < 0.1:
            body = b"\xef\xbb\xbf" + body
        return body + (b"\n" if self.rng.random() < 0.8 else b"")

    def txt(self, stem: str) -> bytes:
        roll = self.rng.random()
        if roll < 0.6:
            self.expected.add(stem)
            return self.text().encode("utf-8-sig" if self.rng.random() < 0.2 else "utf-8")
        if roll < 0.8:
            return bytes(self.rng.randrange(256) for _ in range(200))
        return b""

    def html(self, stem: str) -> bytes:
        if self.rng.random() < 0.6:
            self.expected.add(stem)
            paragraphs = "".join(f"<p>{self.text()}</p>" for _ in range(2))
            return (f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>خبر {self.serial}</title>'
                    f'</head><body><nav><a href="/">الرئيسية</a></nav><article><h1>خبر {self.serial}</h1>'
                    f"{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>").encode()
        return self.rng.choice([b"<html><body><div><p\x00\xff\xfe <<<", b"", b"<html></html>"])

    def feed(self) -> bytes:
        items = []
        for _ in range(self.rng.randint(1, 4)):
            self.serial += 1
            guid = f"feed-{self.serial}"
            if self.rng.random() < 0.3:
                guid += "\nrasd: forged line \x1b[31m"
            if self.rng.random() < 0.7:
                text = self.text()
                items.append(f"<item><guid>{_xml(guid)}</guid><title>عنوان</title>"
                             f"<description>{_xml(text)}</description></item>")
                self.expected.add(guid)
            else:
                items.append(f"<item><guid>{_xml(guid)}</guid><title>بلا نص</title></item>")
        return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نشرة</title>'
                + "".join(items) + "</channel></rss>").encode()


def _xml(value: str) -> str:
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(ch if ch in "\n\t" or ord(ch) >= 32 else f"&#{ord(ch)};" for ch in escaped)


def generate(root: Path, files: int, seed: int = 0) -> set[str]:
    """Write `files` mixed files under `root`; return the ids of the good articles (what must be stored)."""
    fuzzer = Fuzzer(seed)
    root.mkdir(parents=True, exist_ok=True)
    for n in range(files):
        folder = root / f"part-{n % 7}" if fuzzer.rng.random() < 0.5 else root
        folder.mkdir(exist_ok=True)
        kind = fuzzer.rng.choices(["jsonl", "txt", "html", "rss", "binary", "other"], [50, 15, 10, 12, 8, 5])[0]
        stem = f"f{n:05d}"
        if kind == "jsonl":
            data, name = fuzzer.jsonl(), f"{stem}.jsonl"
        elif kind == "txt":
            data, name = fuzzer.txt(stem), f"{stem}.txt"
        elif kind == "html":
            data, name = fuzzer.html(stem), f"{stem}.html"
        elif kind == "rss":
            data, name = fuzzer.feed(), f"{stem}.rss"
        elif kind == "binary":
            data, name = bytes(fuzzer.rng.randrange(256) for _ in range(fuzzer.rng.randint(10, 5000))), f"{stem}.jsonl"
        else:
            data, name = b"whatever", f"{stem}.docx"
        (folder / name).write_bytes(data)
    return fuzzer.expected
