"""The Arabic text layer: normalisation, wraps, furniture, sentences, tokens with clitics, numbers."""
from __future__ import annotations

from rasd.document import Article, Document


def prepare(article: Article) -> Document:
    """Build the Document's text layers once; later stages only read them."""
    from rasd.text.numbers import find_numbers
    from rasd.text.sentences import split_paragraphs, split_sentences
    from rasd.text.tokens import tokenize

    doc = Document(article=article)
    doc.paragraphs = split_paragraphs(article.text)
    doc.sentences = split_sentences(article.text, doc.paragraphs)
    doc.tokens = tokenize(article.text)
    for tok in doc.tokens:
        tok.sentence = doc.sentence_at(tok.start)
    doc.numbers = find_numbers(article.text, doc.tokens)
    return doc
