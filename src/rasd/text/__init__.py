"""The Arabic text layer: normalisation, wraps, furniture, sentences, tokens with clitics, numbers."""
from __future__ import annotations

from rasd.document import Article, Document


def prepare(article: Article) -> Document:
    """Build the Document's text layers once; later stages only read them."""
    from rasd.text.furniture import furniture_label
    from rasd.text.numbers import find_numbers
    from rasd.text.sentences import split_paragraphs, split_sentences
    from rasd.text.tokens import tokenize

    doc = Document(article=article)
    doc.paragraphs = split_paragraphs(article.text)
    doc.sentences = split_sentences(article.text, doc.paragraphs)
    mark_furniture(doc, furniture_label)
    doc.tokens = tokenize(article.text)
    assign_sentences(doc)
    doc.numbers = find_numbers(article.text, doc.tokens)
    return doc


def mark_furniture(doc: Document, label_of) -> None:
    """Label furniture sentences; a label found on a paragraph's first sentence covers the paragraph
    («اقرأ أيضاً: ...» may contain a full stop)."""
    para_label: dict[int, str] = {}
    for sent in doc.sentences:
        label = label_of(sent.text) or para_label.get(sent.paragraph)
        if label is None and sent.start == doc.paragraphs[sent.paragraph].start:
            label = label_of(doc.paragraphs[sent.paragraph].text)
        if label is not None:
            sent.furniture = label
            para_label.setdefault(sent.paragraph, label)


def assign_sentences(doc: Document) -> None:
    """Set each token's sentence index in one pass (tokens and sentences are both in text order)."""
    starts = [s.start for s in doc.sentences]
    n = len(starts)
    i = 0
    for tok in doc.tokens:
        while i + 1 < n and starts[i + 1] <= tok.start:
            i += 1
        tok.sentence = i
